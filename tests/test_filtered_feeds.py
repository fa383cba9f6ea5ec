"""A filtered listing offers its Atom feed with the same filters (issue 20, item 6), events their
calendar too: the feed lists what the listing shows with them, newest first, and links back to
that view. The search page offers a feed of its results."""

from xml.etree import ElementTree

import icalendar
import pytest
from bs4 import BeautifulSoup

from search.models import DailySearchCount
from tests.factories import (
    CallIndexPageFactory,
    add_call,
    add_event,
    days_from_now,
    local_days_from_now,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    document = ElementTree.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in document.iter(f"{ATOM}entry")]
    return titles, document.find(f"{ATOM}link").get("href")


def offered_feed(client, url):
    """The feed the listing page names in its head, and the one it links to."""
    html = BeautifulSoup(client.get(url).content, "html.parser")
    alternate = html.select_one('link[rel="alternate"][type="application/atom+xml"]')["href"]
    link = html.find("a", href=alternate)
    assert link is not None
    return alternate, link.get_text()


def test_the_library_feed_has_the_listings_filters(client, library):
    assert feed(client, "/en/resources/feed/?topic=city-leadership") == (
        ["Placing Business Leadership", "White paper for MINVU"],
        "http://testserver/en/resources/?topic=city-leadership",
    )
    assert feed(client, "/en/resources/feed/?topic=city-leadership&type=report")[0] == [
        "Placing Business Leadership"
    ]
    # As on the listing, a search narrows it too.
    assert feed(client, "/en/resources/feed/?q=MINVU")[0] == ["White paper for MINVU"]


def test_a_filtered_library_offers_the_feed_of_its_view(client, library):
    assert offered_feed(client, "/en/resources/?topic=city-leadership&page=2") == (
        "/en/resources/feed/?topic=city-leadership",
        "Subscribe to these resources (Atom feed)",
    )
    assert offered_feed(client, "/en/resources/") == (
        "/en/resources/feed/",
        "Subscribe to new resources (Atom feed)",
    )


@pytest.mark.parametrize("value", ["no-such-topic", "<script>", "x" * 500])
def test_a_filter_the_listing_ignores_the_feed_ignores(client, library, value):
    titles, _link = feed(client, f"/en/resources/feed/?type={value}")

    assert titles == feed(client, "/en/resources/feed/")[0]


def test_the_calls_feed_has_the_listings_filters(client, site_tree):
    listing = CallIndexPageFactory(parent=site_tree.home_en)
    add_call(listing, "Open call", local_days_from_now(-5), local_days_from_now(20))
    add_call(listing, "Closed call", local_days_from_now(-60), local_days_from_now(-30))

    assert feed(client, f"{listing.url}feed/?status=open") == (
        ["Open call"],
        f"http://testserver{listing.url}?status=open",
    )
    assert feed(client, f"{listing.url}feed/")[0] == ["Open call", "Closed call"]
    assert offered_feed(client, f"{listing.url}?status=open") == (
        f"{listing.url}feed/?status=open",
        "Subscribe to these calls (Atom feed)",
    )


def test_events_offer_their_feed_and_calendar_with_the_listings_filters(client, event_listings):
    listing_en, _ = event_listings
    add_event(
        listing_en, "Webinar", days_from_now(10), days_from_now(10, 12), event_format="online"
    )
    add_event(listing_en, "Exchange", days_from_now(20), days_from_now(20, 12))

    assert feed(client, "/en/events/feed/?format=online") == (
        ["Webinar"],
        "http://testserver/en/events/?format=online",
    )
    assert feed(client, "/en/events/feed/")[0] == ["Exchange", "Webinar"]
    calendar = icalendar.Calendar.from_ical(
        client.get("/en/events/calendar/?format=online").content
    )
    assert [str(entry["summary"]) for entry in calendar.walk("VEVENT")] == ["Webinar"]
    html = BeautifulSoup(client.get("/en/events/?format=online").content, "html.parser")
    links = {
        link.get_text(): link["href"] for link in html.select(".listing__subscriptions a, main a")
    }
    assert links["Subscribe to these events (Atom feed)"] == "/en/events/feed/?format=online"
    assert links["Subscribe to these events in a calendar (iCalendar)"] == (
        "/en/events/calendar/?format=online"
    )
    assert html.select_one('link[rel="alternate"][type="text/calendar"]')["href"] == (
        "/en/events/calendar/?format=online"
    )


def test_the_search_page_offers_a_feed_of_its_results(client, library):
    html = BeautifulSoup(
        client.get("/en/search/", {"q": "MINVU", "page": "1"}).content, "html.parser"
    )
    alternate = html.select_one('link[rel="alternate"][type="application/atom+xml"]')["href"]
    assert alternate == "/en/search/feed/?q=MINVU"
    assert html.find("a", href=alternate).get_text() == "Follow this search (Atom feed)"
    counted = DailySearchCount.objects.count()

    titles, link = feed(client, alternate)

    shown = [a.get_text(" ", strip=True) for a in html.select("ol.search-results h3 a")]
    assert titles == shown
    assert titles[0] == "White paper for MINVU"
    assert link == "http://testserver/en/search/?q=MINVU"
    # A feed reader asking again is not a visitor's search.
    assert DailySearchCount.objects.count() == counted


@pytest.mark.parametrize("query", ["", "de la", "<script>", "x" * 1000])
def test_a_search_feed_of_nothing_is_an_empty_feed(client, library, query):
    assert feed(client, f"/en/search/feed/?q={query}")[0] == []
