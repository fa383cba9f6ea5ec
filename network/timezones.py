"""Local times of the network's two countries. Events are entered in their own time zone; the
time zone database, not fixed offsets, says what that is in UTC on each date, so both countries'
daylight-saving changes are handled."""

import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _

from network.page_mixin import PageMixinBase

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class TimeZone(models.TextChoices):
    SANTIAGO = "America/Santiago", _("Chile (Santiago)")
    LONDON = "Europe/London", _("United Kingdom (London)")


#: How a time in each zone is labelled beside it ("14:00 London time").
TIME_LABELS = {TimeZone.SANTIAGO: _("Santiago time"), TimeZone.LONDON: _("London time")}

#: Where the audience of an event in one country lives: the other country.
OTHER_COUNTRY = {TimeZone.SANTIAGO: TimeZone.LONDON, TimeZone.LONDON: TimeZone.SANTIAGO}


class NonexistentLocalTime(ValueError):
    """A time skipped when clocks go forward."""


def aware(date: datetime.date, time: datetime.time, zone_name: str) -> datetime.datetime:
    """The moment ``date`` ``time`` in the zone; a skipped time is an error."""
    zone = ZoneInfo(zone_name)
    moment = datetime.datetime.combine(date, time, tzinfo=zone)
    if moment.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(
        tzinfo=None
    ):
        raise NonexistentLocalTime(moment)
    return moment


def aware_times(
    zone_name: str, fields: dict[str, tuple[datetime.date, datetime.time]]
) -> tuple[dict[str, datetime.datetime], dict[str, "StrOrPromise"]]:
    """For ``fields``, ``{time field name: (date, time)}``, entered in the zone: the moment of
    each that exists, and a validation message for each time field whose time the clocks skip,
    as a model's ``clean`` reports them."""
    moments: dict[str, datetime.datetime] = {}
    errors: dict[str, StrOrPromise] = {}
    for name, (date, time) in fields.items():
        try:
            moments[name] = aware(date, time, zone_name)
        except NonexistentLocalTime:
            errors[name] = _("This time does not exist in that time zone: clocks go forward then.")
    return moments, errors


def in_zone(moment: datetime.datetime, zone_name: str) -> datetime.datetime:
    return moment.astimezone(ZoneInfo(zone_name))


def aware_or_none(
    date: datetime.date | None, time: datetime.time | None, zone_name: str | None
) -> datetime.datetime | None:
    """As ``aware``, or None for a draft whose date, time or zone is missing or skipped: Wagtail
    saves drafts before their required fields are filled in."""
    if not (date and time and zone_name):
        return None
    try:
        return aware(date, time, zone_name)
    except NonexistentLocalTime:
        return None


class LocalMomentsMixin(PageMixinBase):
    """For a page whose moments are entered as a local date and time in its own ``time_zone``
    and also stored in UTC, to sort and filter by: ``local_moments`` maps each UTC field to its
    ``(date field, time field)``. The UTC fields are computed, never typed in."""

    local_moments: dict[str, tuple[str, str]] = {}

    def clean_local_moments(self) -> dict[str, "StrOrPromise"] | None:
        """Sets the UTC fields from the local ones and returns ``{time field: message}`` for
        times the clocks skip; None while a field is missing (each has its own error)."""
        local = {
            time_field: (getattr(self, date_field), getattr(self, time_field))
            for date_field, time_field in self.local_moments.values()
        }
        if not (self.time_zone and all(all(pair) for pair in local.values())):
            return None
        moments, errors = aware_times(self.time_zone, local)
        for moment, (_date_field, time_field) in self.local_moments.items():
            setattr(self, moment, moments.get(time_field))
        return errors

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        exclude = set(kwargs.pop("exclude", None) or ()) | set(self.local_moments)
        super().full_clean(*args, exclude=exclude, **kwargs)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Also when saved without clean() (a draft, a translation synchronised by wagtail-localize).
        for moment, (date_field, time_field) in self.local_moments.items():
            value = aware_or_none(
                getattr(self, date_field), getattr(self, time_field), self.time_zone
            )
            setattr(self, moment, value)
        super().save(*args, **kwargs)
