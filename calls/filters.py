import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calls.choices import CallStatus
from calls.status import status_query
from network.filters import term_filter
from network.forms import BoundedMultipleChoiceFilter
from network.models import Topic


class CallFilterSet(django_filters.FilterSet):
    status = BoundedMultipleChoiceFilter(
        label=_("Status"),
        choices=CallStatus.choices,
        method="with_status",
        widget=forms.CheckboxSelectMultiple,
    )
    topic = term_filter(Topic, _("Topic"), "topics__slug")

    @property
    def qs(self):
        # Open calls by nearest deadline, then upcoming ones, then closed ones, latest first.
        return super().qs.order_by("rank", "coming_deadline", "-deadline_at", "pk")

    def with_status(self, queryset, name, value):
        now = timezone.now()
        wanted = Q()
        for status in value:
            wanted |= status_query(CallStatus(status), now)
        return queryset.filter(wanted)
