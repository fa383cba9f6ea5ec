import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from wagtail.admin.filters import WagtailFilterSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from translations.status import Status


class RowChoiceFilter(django_filters.ChoiceFilter):
    """Keeps the report's rows whose ``field_name`` is the value."""

    def filter(self, rows, value):
        if value in EMPTY_VALUES:
            return rows
        return [row for row in rows if getattr(row, self.field_name) == value]


class TranslationStatusFilterSet(WagtailFilterSet):
    """Filters the translation status report's rows, which are a list, not a queryset: Wagtail's
    report view hands them to ``filter_queryset``, and django-filter, which wants a queryset to
    read a model from, is given none of them (an empty one of pages, the report's model)."""

    target_language = RowChoiceFilter(
        label=_("Language"),
        choices=lambda: list(get_content_languages().items()),
        empty_label=_("All languages"),
    )
    section = RowChoiceFilter(label=_("Section"), empty_label=_("All sections"))
    status = RowChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("Any status"))

    def __init__(self, data=None, *, rows, request=None, prefix=None):
        super().__init__(data, Page.objects.none(), request=request, prefix=prefix)
        self.filters["section"].extra["choices"] = sorted(
            {(row.section, row.section_label) for row in rows},
            key=lambda choice: choice[1].casefold(),
        )

    def filter_queryset(self, rows):
        # django-filter's own asserts that each filter returns a queryset.
        for name, value in self.form.cleaned_data.items():
            rows = self.filters[name].filter(rows, value)
        return rows
