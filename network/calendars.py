"""iCalendar (RFC 5545) files of the site, with the icalendar library: events (events/calendars.py)
and calls' deadlines (calls/deadlines.py) are written the same way."""

import icalendar
from django.http import HttpResponse

PRODUCT_ID = "-//Chile-UK City Leadership Network//Events//EN"


def new_calendar(name: str | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def ics_response(cal: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
