from django import forms
from django.utils.translation import gettext_lazy as _

from network.forms import BoundedMultipleChoiceField
from network.models import Topic
from network.taxonomy import term_labels
from resources.choices import ResourceType

MIN_YEAR, MAX_YEAR = 1900, 2100


class SortOrder:
    RELEVANCE = "relevance"
    DATE = "date"
    CHOICES = [(RELEVANCE, _("Relevance")), (DATE, _("Newest first"))]


def searchable_page_types():
    """``(app_label.model, label)`` for every page type the public can find, e.g. resources,
    events, calls and member profiles as those apps arrive."""
    from wagtail.models import get_page_models

    return [
        (model._meta.label_lower, model._meta.verbose_name_plural.capitalize())
        for model in get_page_models()
        if model._meta.app_label not in {"wagtailcore"}
    ]


class SearchForm(forms.Form):
    """Validates the search page's GET parameters; an invalid one is reported and ignored."""

    q = forms.CharField(label=_("Search the site"), required=False, strip=True)
    type = BoundedMultipleChoiceField(
        label=_("Content type"), required=False, choices=searchable_page_types
    )
    resource_type = BoundedMultipleChoiceField(
        label=_("Resource type"), required=False, choices=ResourceType.choices
    )
    topic = BoundedMultipleChoiceField(
        label=_("Topic"), required=False, choices=lambda: list(term_labels(Topic).items())
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    all_languages = forms.BooleanField(label=_("Search all languages"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SortOrder.CHOICES)

    def value(self, name):
        """The valid value of a field, or its empty value if it was missing or invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or self.fields[name].to_python(None)
