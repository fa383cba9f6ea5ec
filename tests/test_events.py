"""Events (events/): times in their own zone and the other country's, validation, iCalendar,
the listing and its archive."""

import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventPage
from network.timezones import TimeZone
from tests.factories import add_event, days_from_now

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_times_are_shown_in_both_countries_across_a_daylight_saving_change(client, event_listings):
    listing_en, _ = event_listings
    # Chile's clocks go back on 5 April 2025 (UTC-3 to UTC-4); the UK's went forward on 30 March.
    before = add_event(
        listing_en,
        "Before",
        datetime.datetime(2025, 4, 4, 10, 0),
        datetime.datetime(2025, 4, 4, 12, 0),
    )
    after = add_event(
        listing_en,
        "After",
        datetime.datetime(2025, 4, 7, 10, 0),
        datetime.datetime(2025, 4, 7, 12, 0),
    )
    assert before.starts_at == datetime.datetime(2025, 4, 4, 13, 0, tzinfo=UTC)
    assert after.starts_at == datetime.datetime(2025, 4, 7, 14, 0, tzinfo=UTC)
    before_london, after_london = before.local_times()[1], after.local_times()[1]
    assert before_london["starts"].hour == 14  # BST, UTC+1
    assert after_london["starts"].hour == 15

    html = client.get(after.url).content.decode()
    assert "Chile (Santiago)" in html and "United Kingdom (London)" in html
    assert "7 April 2025, 10:00" in html
    assert "7 April 2025, 15:00" in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end_date": datetime.date(2025, 6, 1)}, "end_date", "must end after it starts"),
        (
            {"registration_deadline_date": datetime.date(2025, 6, 9)},
            "registration_deadline_date",
            "must not be after the event ends",
        ),
        ({"time_zone": ""}, "time_zone", "This field cannot be blank"),
        (
            # Chile's clocks jumped from 00:00 to 01:00 on 7 September 2025.
            {
                "start_date": datetime.date(2025, 9, 7),
                "start_time": datetime.time(0, 30),
                "end_date": datetime.date(2025, 9, 7),
            },
            "start_time",
            "does not exist",
        ),
        (
            # A registration deadline at a time the clocks skip, before the event.
            {
                "start_date": datetime.date(2025, 9, 8),
                "end_date": datetime.date(2025, 9, 8),
                "registration_deadline_date": datetime.date(2025, 9, 7),
                "registration_deadline_time": datetime.time(0, 15),
            },
            "registration_deadline_time",
            "does not exist",
        ),
    ],
)
def test_invalid_dates_are_refused_with_a_clear_message(changes, field, message):
    event = EventPage(
        title="Workshop",
        slug="workshop",
        summary="A workshop.",
        event_type="workshop",
        event_format="online",
        time_zone=TimeZone.SANTIAGO,
        start_date=datetime.date(2025, 6, 2),
        start_time=datetime.time(9),
        end_date=datetime.date(2025, 6, 2),
        end_time=datetime.time(17),
    )
    for name, value in changes.items():
        setattr(event, name, value)
    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["path", "depth", "url_path", "content_type"])
    assert message in " ".join(error.value.message_dict[field])


def test_ics_parses_and_round_trips_times_in_utc(client, event_listings):
    listing_en, _ = event_listings
    event = add_event(
        listing_en,
        "Expert exchange, London",
        datetime.datetime(2025, 11, 18, 9, 30),
        datetime.datetime(2025, 11, 19, 17, 0),
        zone=TimeZone.LONDON,
        venue="UCL",
    )
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    (entry,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert entry.decoded("dtstart") == datetime.datetime(2025, 11, 18, 9, 30, tzinfo=UTC)
    assert entry.decoded("dtend") == datetime.datetime(2025, 11, 19, 17, 0, tzinfo=UTC)
    assert str(entry["uid"]) == f"event-{event.translation_key}@chile-uk-city-leadership"
    assert str(entry["url"]).endswith(event.url)
    page = client.get(event.url).content.decode()
    assert "https://calendar.google.com/calendar/render?" in page
    assert "20251118T093000Z%2F20251119T170000Z" in page


def test_calendars_link_to_the_address_the_site_is_served_on(event_listings):
    """The Wagtail Site says localhost; a visitor of 127.0.0.1:8123 (``make run PORT=8123``)
    gets links to 127.0.0.1:8123, as the page's canonical link does."""
    listing_en, _ = event_listings
    event = add_event(listing_en, "Webinar", days_from_now(10), days_from_now(10, 12))
    served = Client(HTTP_HOST="127.0.0.1:8123")
    page_url = f"http://127.0.0.1:8123{event.url}"

    (entry,) = icalendar.Calendar.from_ical(served.get(event.url + "ics/").content).walk("VEVENT")
    assert str(entry["url"]) == page_url
    feed = icalendar.Calendar.from_ical(served.get("/en/events/calendar/").content)
    assert [str(entry["url"]) for entry in feed.walk("VEVENT")] == [page_url]
    html = BeautifulSoup(served.get(event.url).content, "html.parser")
    assert html.select_one('link[rel="canonical"]')["href"] == page_url
    google = html.select_one('a[href^="https://calendar.google.com/"]')["href"]
    outlook = html.select_one('a[href^="https://outlook.live.com/"]')["href"]
    assert parse_qs(urlsplit(google).query)["details"][0].endswith(page_url)
    assert parse_qs(urlsplit(outlook).query)["body"][0].endswith(page_url)


def test_calendar_feed_lists_only_live_events_of_its_language(client, event_listings, site_tree):
    listing_en, listing_es = event_listings
    add_event(listing_en, "English event", days_from_now(10), days_from_now(10, 12))
    add_event(listing_es, "Evento en español", days_from_now(11), days_from_now(11, 12))
    draft = add_event(listing_en, "Draft event", days_from_now(12), days_from_now(12, 12))
    draft.unpublish()

    feed = icalendar.Calendar.from_ical(client.get("/en/events/calendar/").content)
    assert [str(entry["summary"]) for entry in feed.walk("VEVENT")] == ["English event"]
    feed_es = icalendar.Calendar.from_ical(client.get("/es/eventos/calendar/").content)
    assert [str(entry["summary"]) for entry in feed_es.walk("VEVENT")] == ["Evento en español"]


def test_listing_shows_upcoming_soonest_first_and_past_events_by_year(client, event_listings):
    listing_en, _ = event_listings
    add_event(listing_en, "Later", days_from_now(30), days_from_now(30, 12))
    add_event(listing_en, "Sooner", days_from_now(3), days_from_now(3, 12))
    past = add_event(
        listing_en, "Long ago", datetime.datetime(2024, 6, 3, 9), datetime.datetime(2024, 6, 3, 17)
    )
    html = client.get(listing_en.url).content.decode()
    assert html.index("Sooner") < html.index("Later")
    assert "Long ago" not in html
    assert f'href="{listing_en.url}?year=2024"' in html

    archive = client.get(listing_en.url, {"year": "2024"}).content.decode()
    assert past.title in archive and "Sooner" not in archive
    for nonsense in ({"year": "99999"}, {"year": "abc"}, {"type": "party"}):
        assert client.get(listing_en.url, nonsense).status_code == 200


def test_listing_query_count_does_not_grow_with_events(client, event_listings):
    listing_en, _ = event_listings

    def queries():
        client.get(listing_en.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(listing_en.url).status_code == 200
        return len(captured)

    add_event(listing_en, "First", days_from_now(5), days_from_now(5, 12))
    few = queries()
    for number in range(5):
        add_event(
            listing_en, f"More {number}", days_from_now(6 + number), days_from_now(6 + number, 12)
        )
    assert queries() == few


def test_events_only_go_under_an_event_listing(admin_client, event_listings, site_tree):
    listing_en, _ = event_listings
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{site_tree.home_en.pk}/")
    # Wagtail refuses with a redirect and a message.
    assert response.status_code == 302
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{listing_en.pk}/")
    assert response.status_code == 200


def test_santiago_and_london_zones_are_the_real_ones():
    assert ZoneInfo(TimeZone.SANTIAGO.value).key == "America/Santiago"
    assert ZoneInfo(TimeZone.LONDON.value).key == "Europe/London"


PUBLISH = {"action-publish": "action-publish"}


def event_form(**changes):
    data = {
        "title": "Workshop in Valparaíso",
        "slug": "workshop-valparaiso",
        "event_type": "workshop",
        "event_format": "in-person",
        "time_zone": TimeZone.SANTIAGO,
        "start_date": "2026-06-02",
        "start_time": "09:00",
        "end_date": "2026-06-02",
        "end_time": "17:00",
        "summary": "A workshop.",
        "body": streamfield([]),
        "speakers": inline_formset([]),
        "related_resources": inline_formset([]),
        **changes,
    }
    return nested_form_data(data)


def test_editors_publish_events_and_get_clear_errors_in_the_admin(admin_client, event_listings):
    listing_en, _ = event_listings
    url = f"/admin/pages/add/events/eventpage/{listing_en.pk}/"
    refused = admin_client.post(url, event_form(end_date="2026-06-01"))
    assert refused.status_code == 200
    assert "The event must end after it starts." in refused.content.decode()
    refused = admin_client.post(url, event_form(time_zone="", **PUBLISH))
    assert refused.status_code == 200
    assert "This field is required." in refused.content.decode()
    assert not EventPage.objects.exists()
    # A draft may be saved before its time zone is chosen (Wagtail defers required fields).
    draft = admin_client.post(url, event_form(time_zone="", slug="draft-workshop"))
    assert draft.status_code == 302
    assert EventPage.objects.get(slug="draft-workshop").starts_at is None

    created = admin_client.post(url, event_form(**PUBLISH))
    assert created.status_code == 302
    event = EventPage.objects.get(slug="workshop-valparaiso")
    assert event.live
    assert event.starts_at == datetime.datetime(2026, 6, 2, 13, 0, tzinfo=UTC)


def test_registration_is_offered_only_while_it_is_open(client, event_listings):
    """Issue 17: a past event still said "Register"."""
    english, _spanish = event_listings
    link = {"registration_url": "https://example.org/register/"}
    coming = add_event(english, "Coming", days_from_now(10), days_from_now(10, 12), **link)
    past = add_event(english, "Past", days_from_now(-10), days_from_now(-10, 12), **link)
    closed = add_event(
        english,
        "Registration closed",
        days_from_now(10),
        days_from_now(10, 12),
        # Days back: the deadline is the end of that day in Santiago, hours after UTC's.
        registration_deadline_date=days_from_now(-3).date(),
        **link,
    )

    def offers_registration(event):
        html = client.get(event.url).content.decode()
        return 'href="https://example.org/register/"' in html

    assert offers_registration(coming)
    assert not offers_registration(past)
    assert not offers_registration(closed)
