"""Filters given one value many times, or very many values, cost what one value costs and lose
nothing but the excess (issue 16, item 6): the library, the events listing and the search page,
through the test client."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventIndexPage
from network.forms import MAX_VALUES_PER_FILTER
from network.models import Topic
from resources.models import ResourcePage
from tests.content import add_library

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.fixture
def library(site_tree):
    library = add_library(site_tree.home_en)
    topic = Topic.objects.create(name="City leadership", slug="city-leadership")
    for number in range(3):
        page = ResourcePage(
            title=f"Leadership report {number}",
            slug=f"report-{number}",
            resource_type="report",
            publication_date=datetime.date(2024, 1, 1),
            summary="Leadership of districts.",
        )
        page.topics = [topic] if number else []
        library.add_child(instance=page)
        page.save_revision().publish()
    events = EventIndexPage(title="Events", slug="events")
    site_tree.home_en.add_child(instance=events)
    events.save_revision().publish()
    return library


def get(client, path, topics, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {"topic": topics, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser"), len(queries)


@pytest.mark.parametrize(
    "path, params, results",
    [
        ("/en/resources/", {}, ".resource-list > li"),
        ("/en/search/", {"q": "leadership"}, ".search-results h3"),
        ("/en/events/", {}, None),
    ],
)
def test_a_value_repeated_costs_what_it_costs_once(client, library, path, params, results):
    get(client, path, [], **params)  # the first request fills the site's caches (menus, site)
    once, queries_once = get(client, path, ["city-leadership"], **params)
    repeated, queries_repeated = get(client, path, ["city-leadership"] * 188, **params)

    assert queries_repeated <= queries_once
    if results:
        assert len(once.select(results)) == len(repeated.select(results)) == 2


def test_too_many_values_make_the_filter_ignored_with_a_message(client, library):
    many = [f"topic-{number}" for number in range(9_000)]
    get(client, "/en/resources/", [])  # the first request fills the site's caches
    _, queries_one = get(client, "/en/resources/", ["city-leadership"])
    html, queries = get(client, "/en/resources/", many)

    message = " ".join(html.select_one('[role="alert"]').get_text().split())
    assert f"Choose at most {MAX_VALUES_PER_FILTER}." in message
    assert "This filter was ignored." in message
    assert queries <= queries_one
    # Ignored, not fatal: the whole library is listed.
    assert "Leadership report 0" in html.get_text()


def test_the_vocabulary_is_read_once_a_request(client, library):
    """The filter form, each facet's form and the results all label topics."""
    client.get("/en/resources/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/resources/", {"topic": "city-leadership"}).status_code == 200
    # term_labels' query: each topic's slug, name and language (not the results' prefetch).
    label_reads = [
        query
        for query in queries.captured_queries
        if '"locale__language_code" FROM "network_topic"' in query["sql"]
    ]
    assert len(label_reads) == 1
