"""The public search page: facets, highlights, languages, sorting, pagination, bad input and
autocomplete, on the database backend."""

import datetime
import logging

import pytest
from bs4 import BeautifulSoup

from network.models import Topic
from resources.models import ResourceIndexPage, ResourcePage
from search import service
from search.highlight import highlight, highlight_title

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(site_tree):
    library = ResourceIndexPage(title="Resource library", slug="resources")
    site_tree.home_en.add_child(instance=library)
    library.save_revision().publish()
    topic = Topic.objects.create(name="City leadership", slug="city-leadership")
    pages = []
    for number, (title, kind, year) in enumerate(
        [
            ("Improvement districts in Manchester", "report", 2019),
            ("Business improvement district levies", "policy_brief", 2021),
            ("Leadership of <script>alert(1)</script> cities", "article", 2021),
        ]
    ):
        page = ResourcePage(
            title=title,
            slug=f"resource-{number}",
            resource_type=kind,
            publication_date=datetime.date(year, 5, 1),
            summary=f"A {kind} about the bidlevy of improvement districts and city leadership.",
        )
        page.topics = [topic] if number else []
        library.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def get(client, path="/en/search/", **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(html):
    return [" ".join(h.get_text().split()) for h in html.select(".search-results h3")]


def facet(html, name):
    return {
        box["value"]: box.find_next("label").select_one(".count").get_text(strip=True)
        for box in html.select(f'.filters input[name="{name}"]')
    }


def test_facets_count_content_types_resource_types_topics_and_years(client, resources):
    html = get(client, q="bidlevy")

    assert facet(html, "type") == {"resources.resourcepage": "(3)"}
    assert facet(html, "resource_type") == {
        "report": "(1)",
        "policy_brief": "(1)",
        "article": "(1)",
    }
    assert facet(html, "topic") == {"city-leadership": "(2)"}
    assert facet(html, "year") == {"2021": "(2)", "2019": "(1)"}


def test_facet_filters_narrow_the_results(client, resources):
    assert result_titles(get(client, q="bidlevy", year="2019")) == [
        "Improvement districts in Manchester"
    ]
    assert sorted(result_titles(get(client, q="bidlevy", topic="city-leadership"))) == [
        "Business improvement district levies",
        "Leadership of <script>alert(1)</script> cities",
    ]
    assert result_titles(get(client, q="bidlevy", resource_type="policy_brief")) == [
        "Business improvement district levies"
    ]


def test_titles_are_escaped_and_query_words_marked(client, resources):
    html = get(client, q="leadership cities")

    heading = next(h for h in html.select(".search-results h3") if "script" in h.get_text())
    assert heading.select_one("script") is None
    assert [mark.get_text() for mark in heading.select("mark")] == ["Leadership", "cities"]
    snippet = html.select_one(".search-results__snippet")
    assert snippet.select("mark")


def test_highlight_folds_accents_and_escapes_everything_else():
    marked = highlight("La Cooperación Técnica <b>en</b> ciudades", "cooperacion ciudad")

    assert marked == (
        "La <mark>Cooperación</mark> Técnica &lt;b&gt;en&lt;/b&gt; <mark>ciudades</mark>"
    )
    assert highlight_title("<i>x</i> districts", "district") == (
        "&lt;i&gt;x&lt;/i&gt; <mark>districts</mark>"
    )


def test_search_stays_in_the_active_language_unless_asked(client, resources, site_tree):
    spanish = resources[0].copy_for_translation(site_tree.spanish, copy_parents=True)
    spanish.title = "Distritos de mejoramiento en Mánchester"
    spanish.save_revision().publish()

    english_only = result_titles(get(client, q="manchester"))
    everywhere = get(client, q="manchester", all_languages="on")

    assert english_only == ["Improvement districts in Manchester"]
    assert sorted(result_titles(everywhere)) == [
        "Distritos de mejoramiento en Mánchester",
        "Improvement districts in Manchester",
    ]
    assert everywhere.select_one(".badge--language").get_text() == "español"


def test_sort_by_date(client, resources):
    titles = result_titles(get(client, q="bidlevy", sort="date"))

    assert titles[-1] == "Improvement districts in Manchester"


def test_no_results_page_offers_ways_out(client, resources):
    html = get(client, q="zzzz", year="2019")

    assert "No results" in html.select_one('[role="status"]').get_text()
    links = [a.get_text() for a in html.select(".suggestions a")]
    assert links == ["Search again without filters", "Search in all languages"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   \t  "},
        {"q": "x" * 10_000},
        {"q": "a\x1fc\x7f"},
        {"q": '"""\'\'\'"""'},
        {"q": "AND OR NOT ( ) * ~ ^ : [ ] { } \\ / - + && || !"},
        {"q": "(" * 500 + "x"},
        {"q": "bidlevy", "page": "-5"},
        {"q": "bidlevy", "page": "99999999999999999999"},
        {"q": "bidlevy", "page": "abc"},
        {"q": "bidlevy", "type": "auth.user"},
        {"q": "bidlevy", "year": "MMXX"},
        {"q": "bidlevy", "topic": "no-such-topic", "sort": "sideways"},
        {"q": "bidlevy", "unknown": "parameter"},
    ],
)
def test_bad_input_never_fails(client, resources, params):
    html = get(client, **params)

    assert html.select_one("h1").get_text() == "Search"


def test_pagination_never_passes_the_result_window(client, resources, monkeypatch):
    monkeypatch.setattr(service, "RESULT_WINDOW", 2)
    monkeypatch.setattr("search.views.RESULT_WINDOW", 2)
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)

    html = get(client, q="bidlevy", page="3")

    assert len(result_titles(html)) == 1
    assert "Page 2 of 2" in html.select_one(".pagination").get_text()
    assert "More than 2 results" in html.select_one('[role="status"]').get_text()


def test_search_page_query_count_is_bounded(client, resources, django_assert_max_num_queries):
    get(client, q="bidlevy")
    with django_assert_max_num_queries(30):
        get(client, q="bidlevy")


def test_suggestions_are_titles_of_the_active_language(client, resources):
    response = client.get("/en/search/suggest/", {"q": "improv"})

    assert response.status_code == 200
    titles = [result["title"] for result in response.json()["results"]]
    assert "Improvement districts in Manchester" in titles
    assert all(result["url"].startswith("/en/") for result in response.json()["results"])
    assert client.get("/en/search/suggest/", {"q": "x"}).json() == {"results": []}
    assert client.get("/en/search/suggest/", {"q": "\x1f" * 9000}).status_code == 200
    # A NUL is refused before any view runs (network/middleware.py).
    assert client.get("/en/search/suggest/", {"q": "\x00" * 9000}).status_code == 400


def test_search_box_is_enhanced_only_by_script(client, resources):
    html = get(client, q="bidlevy")

    box = html.select_one("#search-query")
    assert box["data-suggest-url"] == "/en/search/suggest/"
    assert html.select_one('script[src$="search-suggest.js"]').has_attr("defer")


ELASTICSEARCH_DOWN = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "test_down_",
        "TIMEOUT": 1,
    },
    "database": {"BACKEND": "search.backends.database"},
}


def test_search_answers_from_the_database_when_elasticsearch_is_down(
    client, resources, settings, caplog
):
    """No Elasticsearch server exists here: port 9 on loopback refuses connections, which is
    exactly what an outage looks like to the client."""
    settings.WAGTAILSEARCH_BACKENDS = ELASTICSEARCH_DOWN

    with caplog.at_level(logging.WARNING, logger="search.service"):
        html = get(client, q="bidlevy")

    assert len(result_titles(html)) == 3
    assert any("answering from 'database'" in record.getMessage() for record in caplog.records)
    # Publishing and unpublishing go on while the index cannot be reached.
    page = ResourcePage(
        title="Published during an outage",
        resource_type="report",
        publication_date=datetime.date(2024, 1, 1),
        summary="Written while the search engine was down: bidlevy.",
    )
    resources[0].get_parent().add_child(instance=page)
    page.save_revision().publish()
    page.unpublish()
    assert client.get("/en/search/suggest/", {"q": "improv"}).status_code == 200
    assert client.get("/en/resources/", {"q": "levies"}).status_code == 200
