"""Events as iCalendar (RFC 5545) with the icalendar library, and links that add an event to
Google Calendar or Outlook. Times are written in UTC, which every calendar application converts
to its user's zone."""

import datetime
from urllib.parse import urlencode

import icalendar
from django.utils import timezone

from network.calendars import new_calendar
from network.i18n import absolute_page_url


def uid(event):
    """The same in every language and for ever: the page's translation key."""
    return f"event-{event.translation_key}@chile-uk-city-leadership"


def location(event):
    return ", ".join(filter(None, [event.venue, event.city.name if event.city else ""]))


def calendar(events, request, name):
    cal = new_calendar(name)
    stamp = timezone.now()
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", uid(event))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at)
        entry.add("summary", event.title)
        entry.add("description", event.summary)
        entry.add("url", absolute_page_url(event, request))
        if location(event):
            entry.add("location", location(event))
        cal.add_component(entry)
    return cal


def links(event, request):
    """``(service, url)`` pairs that open the event in a web calendar, ready to save."""
    page_url = absolute_page_url(event, request)
    details = f"{event.summary}\n\n{page_url}"
    google = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{utc_stamp(event.starts_at)}/{utc_stamp(event.ends_at)}",
        "details": details,
        "location": location(event),
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": event.starts_at.isoformat(),
        "enddt": event.ends_at.isoformat(),
        "body": details,
        "location": location(event),
    }
    return [
        ("Google Calendar", "https://calendar.google.com/calendar/render?" + urlencode(google)),
        ("Outlook", "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook)),
    ]


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
