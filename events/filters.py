import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import EventFormat, EventType
from network.filters import MAX_YEAR, MIN_YEAR, term_filter
from network.forms import BoundedMultipleChoiceFilter
from network.models import Topic


class EventFilterSet(django_filters.FilterSet):
    """Upcoming events, soonest first; with ``year``, that year's past events, latest first."""

    type = BoundedMultipleChoiceFilter(
        label=_("Type"),
        field_name="event_type",
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    format = BoundedMultipleChoiceFilter(
        label=_("Format"),
        field_name="event_format",
        choices=EventFormat.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    topic = term_filter(Topic, _("Topic"), "topics__slug")
    year = django_filters.NumberFilter(
        label=_("Past events of"), method="past_events_of", min_value=MIN_YEAR, max_value=MAX_YEAR
    )

    @property
    def qs(self):
        queryset = super().qs
        if (self.form.cleaned_data or {}).get("year"):
            return queryset.order_by("-starts_at", "-pk")
        return queryset.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past_events_of(self, queryset, name, value):
        return queryset.filter(starts_at__year=int(value), ends_at__lt=timezone.now())
