"""A call's status, computed from the clock and its dates, never stored: it changes by itself
as the deadline passes."""

import datetime

from django.db.models import Q

from calls.choices import CallStatus

CLOSING_SOON = datetime.timedelta(days=7)


def call_status(opens_at, deadline_at, now):
    if now < opens_at:
        return CallStatus.UPCOMING
    if now >= deadline_at:
        return CallStatus.CLOSED
    if deadline_at - now <= CLOSING_SOON:
        return CallStatus.CLOSING_SOON
    return CallStatus.OPEN


def status_query(status, now):
    """The calls of a status, as a query on their dates."""
    soon = now + CLOSING_SOON
    return {
        CallStatus.UPCOMING: Q(opens_at__gt=now),
        CallStatus.OPEN: Q(opens_at__lte=now, deadline_at__gt=soon),
        CallStatus.CLOSING_SOON: Q(opens_at__lte=now, deadline_at__gt=now, deadline_at__lte=soon),
        CallStatus.CLOSED: Q(deadline_at__lte=now),
    }[status]


def open_calls(now):
    """Calls one can apply to now: open or closing soon."""
    return Q(opens_at__lte=now, deadline_at__gt=now)
