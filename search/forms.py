from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

from network.filters import MAX_YEAR, MIN_YEAR
from network.forms import BoundedMultipleChoiceField
from network.models import Topic
from network.taxonomy import term_labels
from resources.choices import ResourceType


class SortOrder:
    RELEVANCE = "relevance"
    DATE = "date"
    CHOICES = [(RELEVANCE, _("Relevance")), (DATE, _("Newest first"))]


def page_kinds():
    """``{kind: [page models]}`` for every kind of page the public can find, in the visitor's
    words (``BasePage.kind``): resources, events, calls, members, and "pages" for the rest."""
    kinds = {}
    for model in get_page_models():
        if hasattr(model, "kind"):
            kinds.setdefault(model.kind, []).append(model)
    # The generic kind last: the specific ones are what people filter by.
    return dict(sorted(kinds.items(), key=lambda item: item[0] == "page"))


def page_kind_choices():
    return [(kind, models[0].kind_label_plural) for kind, models in page_kinds().items()]


class SearchForm(forms.Form):
    """Validates the search page's GET parameters; an invalid one is reported and ignored."""

    q = forms.CharField(label=_("Search the site"), required=False, strip=True)
    type = BoundedMultipleChoiceField(
        label=_("Content type"), required=False, choices=page_kind_choices
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
