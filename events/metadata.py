"""An event described for machines, as schema.org JSON-LD: its times in its own zone, with the
offset, and how one attends."""

from django.utils.translation import get_language

from events.choices import EventFormat
from network.i18n import absolute_page_url
from network.structured_data import organization_id, person, without_empty
from network.timezones import in_zone

ATTENDANCE_MODES = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def schema_org(event, request, place_label):
    """The event as a schema.org Event, or None for a draft without its times yet."""
    if event.starts_at is None or event.ends_at is None:
        return None
    locations = []
    if event.event_format != EventFormat.ONLINE and (event.venue or place_label):
        locations.append(
            without_empty(
                {
                    "@type": "Place",
                    "name": event.venue or place_label,
                    "address": without_empty(
                        {"@type": "PostalAddress", "addressLocality": place_label}
                    )
                    if place_label
                    else None,
                }
            )
        )
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    url = absolute_page_url(event, request)
    return without_empty(
        {
            "@type": "Event",
            "@id": f"{url}#event",
            "url": url,
            "name": event.title,
            "description": event.summary,
            "startDate": in_zone(event.starts_at, event.time_zone).isoformat(),
            "endDate": in_zone(event.ends_at, event.time_zone).isoformat(),
            "eventAttendanceMode": ATTENDANCE_MODES[event.event_format],
            "eventStatus": "https://schema.org/EventScheduled",
            "location": locations,
            "organizer": {"@id": organization_id(request)},
            "performer": [
                without_empty(person(speaker.name, affiliation=speaker.affiliation))
                for speaker in event.speakers.all()
            ],
            "inLanguage": get_language(),
            "offers": {"@type": "Offer", "url": event.registration_url}
            if event.registration_url
            else None,
        }
    )
