"""Collaboration calls (calls/): status computed from the clock, listing order, deadlines as
iCalendar, the feed of new calls."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from calls.choices import CallStatus
from tests.factories import CallIndexPageFactory, CallPageFactory, add_call, local_days_from_now

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
EXCLUDE = ["path", "depth", "slug", "url_path", "content_type"]


@pytest.fixture
def listing(site_tree):
    return CallIndexPageFactory(parent=site_tree.home_en)


def test_status_at_the_boundaries():
    call = CallPageFactory.build(
        title="Exchange",
        opens=datetime.datetime(2026, 3, 2, 9, 0),
        deadline=datetime.datetime(2026, 4, 30, 17, 0),
    )
    call.full_clean(exclude=EXCLUDE)
    # Santiago is UTC-3 until 4 April 2026, then UTC-4.
    opening = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    deadline = datetime.datetime(2026, 4, 30, 21, 0, tzinfo=UTC)
    assert call.opens_at == opening and call.deadline_at == deadline
    second = datetime.timedelta(seconds=1)
    assert call.status(opening - second) == CallStatus.UPCOMING
    assert call.status(opening) == CallStatus.OPEN
    assert call.status(deadline - datetime.timedelta(days=7)) == CallStatus.CLOSING_SOON
    assert call.status(deadline - datetime.timedelta(days=7, seconds=1)) == CallStatus.OPEN
    assert call.status(deadline - second) == CallStatus.CLOSING_SOON
    assert call.time_left(deadline - second) == second
    assert call.status(deadline) == CallStatus.CLOSED
    assert call.time_left(deadline) is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"deadline_date": datetime.date(2026, 3, 1)}, "deadline_date", "after the opening"),
        ({"time_zone": ""}, "time_zone", "cannot be blank"),
        ({"apply_url": ""}, "apply_url", "Say where to apply"),
    ],
)
def test_invalid_calls_are_refused_with_a_clear_message(changes, field, message):
    call = CallPageFactory.build(
        title="Exchange",
        opens=datetime.datetime(2026, 3, 2, 9, 0),
        deadline=datetime.datetime(2026, 4, 30, 17, 0),
    )
    call.slug = "exchange"
    for name, value in changes.items():
        setattr(call, name, value)
    with pytest.raises(ValidationError) as error:
        call.full_clean(exclude=["path", "depth", "url_path", "content_type"])
    assert message in " ".join(error.value.message_dict[field])


def test_listing_order_filters_and_archive(client, listing):
    add_call(listing, "Closed long ago", local_days_from_now(-90), local_days_from_now(-60))
    add_call(listing, "Closed lately", local_days_from_now(-40), local_days_from_now(-2))
    add_call(listing, "Open, far deadline", local_days_from_now(-5), local_days_from_now(40))
    add_call(listing, "Nearly due", local_days_from_now(-5), local_days_from_now(3))
    add_call(listing, "Not open yet", local_days_from_now(10), local_days_from_now(50))

    html = client.get(listing.url).content.decode()
    order = ["Nearly due", "Open, far deadline", "Not open yet", "Closed lately", "Closed long ago"]
    positions = [html.index(f">{title}</a>") for title in order]
    assert positions == sorted(positions)
    assert ">Closing soon</span>" in html and ">Upcoming</span>" in html

    closed = client.get(listing.url, {"status": "closed"}).content.decode()
    assert "Closed lately" in closed and "Open, far deadline" not in closed
    assert client.get(listing.url, {"status": "nonsense"}).status_code == 200


def test_a_call_page_shows_its_status_and_its_deadline_as_ics(client, listing):
    call = add_call(listing, "Secondments 2026", local_days_from_now(-5), local_days_from_now(20))
    html = client.get(call.url).content.decode()
    assert ">Open<" in html
    assert "Time left" in html
    response = client.get(call.url + "deadline/")
    assert response.status_code == 200
    (entry,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert entry.decoded("dtend") == call.deadline_at.astimezone(UTC)


def test_the_deadline_links_to_the_address_the_site_is_served_on(listing):
    """The Wagtail Site says localhost; the visitor came to 127.0.0.1:8123."""
    call = add_call(listing, "Secondments 2026", local_days_from_now(-5), local_days_from_now(20))
    response = Client(HTTP_HOST="127.0.0.1:8123").get(call.url + "deadline/")
    (entry,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["url"]) == f"http://127.0.0.1:8123{call.url}"


def test_feed_of_new_calls(client, listing):
    add_call(listing, "Secondments 2026", local_days_from_now(-5), local_days_from_now(20))
    feed = client.get(listing.url + "feed/")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Secondments 2026" in feed.content.decode()


def test_listing_query_count_does_not_grow_with_calls(client, listing):
    def queries():
        client.get(listing.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(listing.url).status_code == 200
        return len(captured)

    add_call(listing, "First", local_days_from_now(-1), local_days_from_now(30))
    few = queries()
    for number in range(4):
        add_call(
            listing, f"More {number}", local_days_from_now(-1), local_days_from_now(31 + number)
        )
    assert queries() == few
