"""What calls publish besides their pages: a feed of new calls per language and each deadline as
an iCalendar event."""

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from events.calendars import PRODUCT_ID, ics_response
from network.feeds import LatestPagesFeed
from network.i18n import absolute_page_url

# A deadline is shown in calendars as a short event ending at the deadline.
DEADLINE_LENGTH = datetime.timedelta(minutes=30)


class LatestCallsFeed(LatestPagesFeed):
    def title(self, listing):
        return _("%(listing)s: new calls") % {"listing": listing.title}

    def latest(self, listing):
        from calls.models import CallPage

        return CallPage.objects.child_of(listing).live().public().order_by("-opens_at", "-pk")


def latest_calls_feed(listing):
    return LatestCallsFeed(listing)


def deadline_ics(call, request):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    entry = icalendar.Event()
    entry.add("uid", f"call-deadline-{call.translation_key}@chile-uk-city-leadership")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", call.deadline_at - DEADLINE_LENGTH)
    entry.add("dtend", call.deadline_at)
    entry.add("summary", _("Deadline: %(call)s") % {"call": call.title})
    entry.add("description", call.summary)
    entry.add("url", absolute_page_url(call, request))
    cal.add_component(entry)
    return ics_response(cal, f"{call.slug}-deadline.ics")
