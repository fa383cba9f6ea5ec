import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.choices import Sector
from network.filters import sorted_term_choices, term_filter
from network.forms import BoundedMultipleChoiceFilter
from network.models import Place, Topic


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
        choices=sorted_term_choices(Place, kind=Place.Kind.COUNTRY),
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = term_filter(Topic, _("Expertise"), "expertise__slug")

    @property
    def qs(self):
        return super().qs.order_by("title", "pk")

    def name_or_organisation(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(organisation__icontains=value))
