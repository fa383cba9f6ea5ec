import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.choices import Sector
from network.forms import BoundedMultipleChoiceFilter
from network.models import Place, Topic
from network.taxonomy import term_labels


def sorted_terms(model, **filters):
    def choices():
        slugs = set(model.objects.filter(**filters).values_list("slug", flat=True))
        labels = term_labels(model)
        return sorted(((slug, labels[slug]) for slug in slugs), key=lambda item: item[1].casefold())

    return choices


class MemberFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or organisation"),
        method="name_or_organisation",
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    sector = BoundedMultipleChoiceFilter(
        label=_("Sector"), choices=Sector.choices, widget=forms.CheckboxSelectMultiple
    )
    country = BoundedMultipleChoiceFilter(
        label=_("Country"),
        field_name="country__slug",
        choices=sorted_terms(Place, kind=Place.Kind.COUNTRY),
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = BoundedMultipleChoiceFilter(
        label=_("Expertise"),
        field_name="expertise__slug",
        choices=sorted_terms(Topic),
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )

    @property
    def qs(self):
        return super().qs.order_by("title", "pk")

    def name_or_organisation(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(organisation__icontains=value))
