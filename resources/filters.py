import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from network.filters import MAX_YEAR, MIN_YEAR, term_filter
from network.forms import BoundedMultipleChoiceFilter
from network.models import Place, Topic
from resources.choices import PublicationLanguage, ResourceType


class SortOrder:
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"
    CHOICES = [(NEWEST, _("Newest first")), (OLDEST, _("Oldest first")), (TITLE, _("Title A–Z"))]
    ORDERING = {
        NEWEST: ("-publication_date", "-pk"),
        OLDEST: ("publication_date", "pk"),
        TITLE: ("title", "pk"),
    }


class ResourceFilterForm(forms.Form):
    """A year range given backwards is said so (and its end ignored), not answered with an
    empty list."""

    def clean(self):
        data = super().clean()
        first, last = data.get("year_from"), data.get("year_to")
        if first is not None and last is not None and first > last:
            self.add_error(
                "year_to",
                _("%(last)s is before the first year, %(first)s.")
                % {"last": int(last), "first": int(first)},
            )
        return data


class ResourceFilterSet(django_filters.FilterSet):
    """The library's filter form. Keyword search is applied before it (see
    ResourceIndexPage.get_listing_queryset), so facet counts reuse one search."""

    class Meta:
        form = ResourceFilterForm

    q = django_filters.CharFilter(
        label=_("Keywords"),
        method="already_applied",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = BoundedMultipleChoiceFilter(
        label=_("Type"),
        field_name="resource_type",
        choices=ResourceType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    topic = term_filter(Topic, _("Topic"), "topics__slug")
    place = term_filter(Place, _("Place"), "places__slug")
    language = BoundedMultipleChoiceFilter(
        label=_("Original language"),
        field_name="original_language",
        choices=PublicationLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    year_from = django_filters.NumberFilter(
        label=_("From year"),
        field_name="publication_date__year",
        lookup_expr="gte",
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
    )
    year_to = django_filters.NumberFilter(
        label=_("To year"),
        field_name="publication_date__year",
        lookup_expr="lte",
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SortOrder.CHOICES, method="sort_by", empty_label=None
    )

    @property
    def qs(self):
        queryset = super().qs
        if "sort" not in (self.form.cleaned_data or {}) or not self.form.cleaned_data["sort"]:
            queryset = self.sort_by(queryset, "sort", SortOrder.NEWEST)
        return queryset

    def already_applied(self, queryset, name, value):
        return queryset

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SortOrder.ORDERING.get(value, SortOrder.ORDERING["newest"]))
