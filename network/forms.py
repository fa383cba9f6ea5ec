from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm

TAXONOMY_FIELDS = ("topics", "places")


class TaxonomyPageForm(WagtailAdminPageForm):
    """Offers the topics and places of the page's own language, so an editor never chooses
    between two "City leadership" entries. Terms already chosen stay available: a translation
    shares its source's terms, and their slugs (identical in every language) are what filters and
    displays use."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        for name in TAXONOMY_FIELDS:
            field = self.fields.get(name)
            if field is None or locale_id is None:
                continue
            chosen = self.instance.pk and getattr(self.instance, name).all()
            in_language = Q(locale_id=locale_id)
            field.queryset = field.queryset.filter(
                in_language | Q(pk__in=[term.pk for term in chosen]) if chosen else in_language
            )
