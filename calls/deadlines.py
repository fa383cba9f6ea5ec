"""What calls publish besides their pages: a feed of new calls per language and each deadline as
an iCalendar event."""

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from network.calendars import ics_response, new_calendar
from network.feeds import LatestPagesFeed
from network.i18n import absolute_page_url

# A deadline is shown in calendars as a short event ending at the deadline.
DEADLINE_LENGTH = datetime.timedelta(minutes=30)


class LatestCallsFeed(LatestPagesFeed):
    def title(self, listing):
        return _("%(listing)s: new calls") % {"listing": listing.title}


def deadline_ics(call, request):
    cal = new_calendar()
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
