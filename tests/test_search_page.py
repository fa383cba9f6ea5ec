"""The public search page: facets, highlights, languages, sorting, pagination, bad input and
autocomplete, on the database backend."""

import datetime
import logging

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

from home.models import StandardPage
from network.models import Topic
from network.search import service
from resources.models import ResourceDocument, ResourceIndexPage, ResourcePage
from search.highlight import highlight, highlight_title
from tests.factories import CallIndexPageFactory, EventIndexPageFactory, add_call, add_event
from tests.html_lists import result_titles
from tests.pdfs import make_document, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


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


def facet(html, name):
    return {
        box["value"]: box.find_next("label").select_one(".count").get_text(strip=True)
        for box in html.select(f'.filters input[name="{name}"]')
    }


def assert_bidlevy_facets(html):
    """The facets of a search for "bidlevy", found in three resources of the fixture."""
    assert facet(html, "type") == {"resource": "(3)"}
    assert facet(html, "resource_type") == {
        "report": "(1)",
        "policy_brief": "(1)",
        "article": "(1)",
    }
    assert facet(html, "topic") == {"city-leadership": "(2)"}
    assert facet(html, "year") == {"2021": "(2)", "2019": "(1)"}


def test_facets_count_content_types_resource_types_topics_and_years(client, resources):
    html = get(client, q="bidlevy")

    assert_bidlevy_facets(html)


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


@pytest.mark.parametrize("sort", ["", "date"])
def test_a_resource_with_several_chosen_topics_is_found_once(client, resources, sort):
    second = Topic.objects.create(name="Markets", slug="markets")
    levies = resources[1]
    levies.topics = [*levies.topics.all(), second]
    levies.save_revision().publish()

    html = get(client, q="bidlevy", topic=["city-leadership", "markets"], sort=sort)

    assert sorted(result_titles(html)) == [
        "Business improvement district levies",
        "Leadership of <script>alert(1)</script> cities",
    ]
    assert html.select_one('.library__results [role="status"]').get_text(strip=True) == (
        "2 results"
    )


def test_the_topic_filter_finds_every_tagged_match_past_the_result_window(
    client, resources, monkeypatch
):
    """The filter is on the topic itself, not on a list of the first tagged resources."""
    monkeypatch.setattr(service, "RESULT_WINDOW", 1)
    monkeypatch.setattr("search.views.RESULT_WINDOW", 1)

    html = get(client, q="bidlevy", topic="city-leadership")

    assert facet(html, "topic") == {"city-leadership": "(2)"}
    assert "More than 1 results" in html.select_one('[role="status"]').get_text()


def test_titles_are_escaped_and_query_words_marked(client, resources):
    html = get(client, q="leadership cities")

    heading = next(h for h in html.select(".search-results h3") if "script" in h.get_text())
    assert heading.select_one("script") is None
    assert [mark.get_text() for mark in heading.select("mark")] == ["Leadership", "cities"]
    snippet = html.select_one(".search-results__snippet")
    assert snippet.select("mark")


def test_snippets_are_cut_at_word_boundaries_around_the_first_match():
    words = [f"palabra{number:02d}" for number in range(80)]
    text = " ".join([*words[:40], "Cooperación", *words[40:]])

    marked = str(highlight(text, "cooperacion", "es", length=120))

    assert marked.startswith("… palabra") and marked.endswith(" …")
    kept = marked.removeprefix("… ").removesuffix(" …")
    kept = kept.replace("<mark>", "").replace("</mark>", "").split()
    assert "Cooperación" in kept
    assert set(kept) <= set(text.split())  # whole words only, at both ends
    assert len(" ".join(kept)) <= 120


def test_highlight_folds_accents_and_escapes_everything_else():
    marked = highlight("La Cooperación Técnica <b>en</b> ciudades", "cooperacion ciudad", "es")

    assert marked == (
        "La <mark>Cooperación</mark> Técnica &lt;b&gt;en&lt;/b&gt; <mark>ciudades</mark>"
    )
    assert highlight_title("<i>x</i> districts", "district", "en") == (
        "&lt;i&gt;x&lt;/i&gt; <mark>districts</mark>"
    )


def test_highlight_marks_what_the_search_matched_and_never_a_stop_word():
    """The words the analysis joins, whichever form is typed; not words that only begin alike."""
    assert highlight("La ciudad y sus ciudades", "ciudades de la", "es") == (
        "La <mark>ciudad</mark> y sus <mark>ciudades</mark>"
    )
    assert highlight("The district's cities and one city", "districts city", "en") == (
        "The <mark>district</mark>&#x27;s <mark>cities</mark> and one <mark>city</mark>"
    )
    assert highlight("Ciudadanos de la ciudad", "ciudad", "es") == (
        "Ciudadanos de la <mark>ciudad</mark>"
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


@pytest.fixture
def pages_of_every_kind(site_tree, resources):
    """A page, an event and a call that mention "bidlevy", besides the fixture's resources."""
    home = site_tree.home_en
    about = StandardPage(
        title="About the bidlevy", slug="about-bidlevy", introduction="Who we are."
    )
    home.add_child(instance=about)
    about.save_revision().publish()
    add_event(
        EventIndexPageFactory(parent=home),
        "Bidlevy workshop",
        start=datetime.datetime(2027, 6, 16, 10),
        end=datetime.datetime(2027, 6, 16, 12),
        event_format="online",
    )
    add_call(
        CallIndexPageFactory(parent=home),
        "Bidlevy fellowships",
        opens=datetime.datetime(2027, 1, 4, 9),
        deadline=datetime.datetime(2027, 3, 31, 17),
    )


def result_meta(html):
    return {
        " ".join(item.h3.get_text().split()): " ".join(
            item.select_one(".search-results__meta").get_text().split()
        )
        for item in html.select(".search-results > li")
    }


def test_results_say_what_they_are_in_the_visitors_words(client, pages_of_every_kind):
    html = get(client, q="bidlevy")
    meta = result_meta(html)
    assert meta["Business improvement district levies"] == "Policy brief 1 May 2021"
    assert meta["Bidlevy workshop"] == "Event 16 June 2027"
    assert meta["Bidlevy fellowships"] == "Collaboration call Deadline 31 March 2027"
    # A page has no date worth showing: not the day it was published or loaded.
    assert meta["About the bidlevy"] == "Page"
    labels = {
        box["value"]: box.find_next("label").get_text(" ", strip=True)
        for box in html.select('.filters input[name="type"]')
    }
    assert labels == {
        "resource": "Resources (3)",
        "event": "Events (1)",
        "call": "Collaboration calls (1)",
        "page": "Pages (1)",
    }
    assert result_titles(get(client, q="bidlevy", type="page")) == ["About the bidlevy"]
    assert sorted(result_titles(get(client, q="bidlevy", type=["event", "call"]))) == [
        "Bidlevy fellowships",
        "Bidlevy workshop",
    ]


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


def add_resource(library, number, topics=()):
    page = ResourcePage(
        title=f"Levy study {number}",
        slug=f"levy-study-{number}",
        resource_type="report",
        publication_date=datetime.date(2000 + number % 5, 1, 1),
        summary="Another bidlevy study.",
    )
    page.topics = list(topics)
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_search_page_query_count_is_bounded(client, resources, django_assert_max_num_queries):
    """The page's queries do not grow with the matches, the facets' values or the documents:
    one statement counts the facets and ranks the shown page, then a query per page type
    shown. The documents are not read when the results' own text has the query's words, nor
    is the locale's language looked up again."""
    get(client, q="bidlevy")
    with CaptureQueriesContext(connection) as queries:
        get(client, q="bidlevy")
    # Read now: the connection's query log is a bounded queue that publishing will fill.
    few = len(queries)
    topics = [Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(4)]
    library = resources[0].get_parent()
    for number in range(30):
        page = add_resource(library, number, topics[: number % 4])
        ResourceDocument.objects.create(
            page=page, document=make_document(f"Annex {number}", pdf_bytes("Annex."))
        )

    get(client, q="bidlevy")  # Publishing emptied the menu's cache: the next request fills it.
    with django_assert_max_num_queries(few):
        html = get(client, q="bidlevy")

    assert few <= 10
    assert not any(
        "resources_resourcedocument" in query["sql"]
        or 'WHERE "wagtailcore_locale"."id" =' in query["sql"]
        for query in queries
    )
    assert len(result_titles(html)) == 10
    assert facet(html, "type") == {"resource": "(33)"}
    assert len(facet(html, "topic")) == 4


def test_facets_and_total_count_every_match_past_the_result_window(client, resources, monkeypatch):
    """Pages list the best RESULT_WINDOW matches; facets count them all
    (network/search/README.md)."""
    monkeypatch.setattr(service, "RESULT_WINDOW", 2)
    monkeypatch.setattr("search.views.RESULT_WINDOW", 2)

    html = get(client, q="bidlevy")

    assert len(result_titles(html)) == 2
    assert "More than 2 results" in html.select_one('[role="status"]').get_text()
    assert facet(html, "type") == {"resource": "(3)"}
    assert facet(html, "year") == {"2021": "(2)", "2019": "(1)"}
    assert facet(html, "topic") == {"city-leadership": "(2)"}


def test_each_page_shows_the_next_best_matches(client, resources, monkeypatch):
    """The statement that counts the facets ranks the page asked for; a page number past the
    last (or below the first) shows the last page, as Django's paginator has it."""
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    english = Locale.objects.get(language_code="en")
    best_first = [
        page.title for page in Page.objects.live().filter(locale=english).search("bidlevy")
    ]

    pages = [result_titles(get(client, q="bidlevy", page=str(number))) for number in (1, 2, 3)]

    assert pages == [[title] for title in best_first]
    assert result_titles(get(client, q="bidlevy", page="99")) == pages[-1]
    assert result_titles(get(client, q="bidlevy", page="-5")) == pages[-1]
    assert result_titles(get(client, q="bidlevy", page="two")) == pages[0]


def test_documents_are_read_only_for_results_whose_text_lacks_the_words(client, resources):
    library = resources[0].get_parent()
    mentioned = add_resource(library, 1)
    unmentioned = add_resource(library, 2)
    for page in (mentioned, unmentioned):
        ResourceDocument.objects.create(
            page=page, document=make_document(f"Annex {page.pk}", pdf_bytes("bidlevy annex"))
        )
    # Published again, with its documents' text in the index and a summary without the word.
    unmentioned.summary = "Levies."
    unmentioned.save_revision().publish()
    mentioned.save_revision().publish()
    get(client, q="bidlevy")

    with CaptureQueriesContext(connection) as queries:
        html = get(client, q="bidlevy")

    reads = [query["sql"] for query in queries if "resources_resourcedocument" in query["sql"]]
    assert len(reads) == 1
    assert str(unmentioned.pk) in reads[0] and str(mentioned.pk) not in reads[0]
    snippets = {
        " ".join(item.select_one("h3").get_text().split()): item.select_one(
            ".search-results__snippet"
        ).get_text()
        for item in html.select(".search-results li")
    }
    assert snippets["Levy study 1"] == "Another bidlevy study."
    assert "bidlevy annex" in snippets["Levy study 2"]


def test_a_word_found_only_in_a_document_is_shown_in_the_snippet(client, resources):
    document = make_document("Annex", pdf_bytes("The annex measures quokkanomics in Valparaiso."))
    ResourceDocument.objects.create(page=resources[0], document=document)
    resources[0].save_revision().publish()

    html = get(client, q="quokkanomics")

    assert result_titles(html) == ["Improvement districts in Manchester"]
    snippet = html.select_one(".search-results__snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["quokkanomics"]


def test_facets_from_a_backend_that_only_returns_ranked_results(client, resources, settings):
    """Backends without the site's counting statement (Elasticsearch; here modelsearch's own
    database backend, which offers neither it nor keys alone) are asked for the best
    RESULT_WINDOW matches, and the facets count those."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
    call_command("update_index", verbosity=0)

    html = get(client, q="bidlevy")

    assert len(result_titles(html)) == 3
    assert_bidlevy_facets(html)


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
        "BACKEND": "network.search.backends.elasticsearch",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "test_down_",
        "TIMEOUT": 1,
    },
    "database": {"BACKEND": "network.search.backends.database"},
}


def test_search_answers_from_the_database_when_elasticsearch_is_down(
    client, resources, settings, caplog
):
    """No Elasticsearch server exists here: port 9 on loopback refuses connections, which is
    exactly what an outage looks like to the client."""
    settings.WAGTAILSEARCH_BACKENDS = ELASTICSEARCH_DOWN

    with caplog.at_level(logging.WARNING, logger="network.search.service"):
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


def test_pages_under_a_view_restriction_are_neither_found_nor_counted(client, resources):
    PageViewRestriction.objects.create(
        page=resources[1], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    html = get(client, q="bidlevy")

    assert "Business improvement district levies" not in result_titles(html)
    assert len(result_titles(html)) == 2
    assert facet(html, "type") == {"resource": "(2)"}

    PageViewRestriction.objects.create(
        page=resources[0].get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    assert result_titles(get(client, q="bidlevy")) == []


def test_a_headings_level_is_neither_indexed_nor_shown_in_snippets(client, resources):
    resources[0].body = [
        ("heading", {"text": "Findings", "level": "h2"}),
        ("paragraph", RichText("<p>Traders measured quokkanomics in Valparaiso.</p>")),
    ]
    resources[0].save_revision().publish()

    html = get(client, q="quokkanomics")
    snippet = " ".join(html.select_one(".search-results__snippet").get_text().split())
    assert snippet.startswith("A report about the bidlevy")
    assert "Findings Traders measured quokkanomics" in snippet
    assert "heading" not in snippet.lower()
    assert result_titles(get(client, q="subsection")) == []
