"""The site's search against a real OpenSearch node, through the site's own pages and commands.

Needs the node that ``scripts/services.sh start search`` runs (or ``OPENSEARCH_TEST_URL``);
skipped without it, failed under ``REQUIRE_SEARCH_SERVER`` (CI). Nothing is mocked. Each test
gets indexes under a prefix of its own, filled by Wagtail's signals as pages are published and by
``update_index`` as on a deployment, and deleted afterwards. The server itself is asked only for
what the site cannot show: the mapping it holds and how its analyzers split words (``_analyze``).

Every search here must be answered by the engine, not by the database fallback: ``search_page``
fails a test whose search fell back. On SQLite the database backend cannot stem at all, so a
plural found there could only have come from the engine.
"""

import datetime
import threading
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.models import StandardPage
from network.models import Topic
from network.search.service import DEFAULT_ALIAS, breaker
from resources.models import ResourcePage
from tests.conftest import clear_caches
from tests.content import add_library, add_report_with_pdf
from tests.services import engine_backends, on_node, require_search_node

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def node_url():
    return require_search_node()


@pytest.fixture(autouse=True)
def engine(db, settings, node_url):
    """The site searches the node, under an index prefix of this test's own, with the database
    backend beside it as in production; ``update_index`` creates the indexes, as on a
    deployment. Autouse, so it is in place before any page is saved."""
    prefix = f"test_{uuid.uuid4().hex[:10]}_"
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(node_url, prefix)
    call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
    yield prefix
    on_node(node_url, "DELETE", f"{prefix}*")


def analyze(node_url, index, analyzer, text):
    body = on_node(node_url, "GET", f"{index}/_analyze", json={"analyzer": analyzer, "text": text})
    return [token["token"] for token in body["tokens"]]


def publish(parent, title, slug, **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class SiteSearch:
    """The site's search pages, as a visitor uses them a moment after an editor publishes: the
    engine makes what it indexed searchable within a second (its refresh interval); here it is
    asked to do so at once, before each search."""

    def __init__(self, client, node_url, prefix):
        self.client, self.node_url, self.prefix = client, node_url, prefix

    def get(self, path, **params):
        on_node(self.node_url, "POST", f"{self.prefix}*/_refresh")
        response = self.client.get(path, params)
        assert response.status_code == 200
        assert breaker.outage(DEFAULT_ALIAS) is None, "the search fell back to the database"
        return response

    def page(self, language="en", **params):
        """The search page, parsed; fails if the engine did not answer."""
        with translation.override(language):
            address = reverse("search")
        response = self.get(address, **params)
        return BeautifulSoup(response.content, "html.parser")

    def titles(self, query, language="en", **params):
        return titles(self.page(language, q=query, **params))


@pytest.fixture
def search(client, node_url, engine):
    return SiteSearch(client, node_url, engine)


def titles(html):
    return [" ".join(h.get_text().split()) for h in html.select(".search-results h3")]


@pytest.fixture
def spanish_pages(site_tree):
    home = site_tree.home_es
    return {
        "cooperación": publish(home, "Acuerdos de cooperación intermunicipal", "acuerdos"),
        "ciudades": publish(home, "Las ciudades del sur de Chile", "sur"),
        "ciudad": publish(home, "Una ciudad portuaria y su gente", "puerto"),
        "barrios": publish(home, "Los barrios comerciales de Valdivia", "valdivia"),
    }


@pytest.fixture
def english_pages(site_tree):
    home = site_tree.home_en
    return {
        "district": publish(home, "A levy for one improvement district", "levy"),
        "governance": publish(home, "Notes on metropolitan governance", "metropolitan"),
    }


def test_the_index_on_the_server_has_the_sites_analyzers(engine, node_url, spanish_pages):
    call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
    index = f"{engine}wagtailcore_page"

    (settings,) = on_node(node_url, "GET", f"{index}/_settings").values()
    analyzers = settings["settings"]["index"]["analysis"]["analyzer"]
    assert analyzers["spanish_folded"]["filter"] == [
        "lowercase",
        "spanish_stop",
        "asciifolding",
        "spanish_stemmer",
    ]
    assert analyzers["english_folded"]["filter"] == [
        "english_possessive_stemmer",
        "lowercase",
        "english_stop",
        "asciifolding",
        "english_stemmer",
    ]
    (mapping,) = on_node(node_url, "GET", f"{index}/_mapping").values()
    title = mapping["mappings"]["properties"]["title"]
    assert title["fields"]["es"]["analyzer"] == "spanish_folded"
    assert title["fields"]["en"]["analyzer"] == "english_folded"
    # The analyzers do on the server what the site relies on.
    assert analyze(node_url, index, "spanish_folded", "Cooperación de las ciudades") == [
        "cooperacion",
        "ciudad",
    ]
    assert analyze(node_url, index, "english_folded", "The district's levies") == [
        "district",
        "levi",
    ]


def test_spanish_search_folds_accents_and_stems_both_ways(search, spanish_pages):
    assert spanish_pages["cooperación"].title in search.titles("cooperacion", "es")
    assert spanish_pages["cooperación"].title in search.titles("COOPERACIÓN", "es")
    by_ciudad = search.titles("ciudad", "es")
    assert spanish_pages["ciudades"].title in by_ciudad
    assert spanish_pages["ciudad"].title in by_ciudad
    by_ciudades = search.titles("ciudades", "es")
    assert spanish_pages["ciudad"].title in by_ciudades
    assert spanish_pages["ciudades"].title in by_ciudades
    assert spanish_pages["barrios"].title in search.titles("barrio comercial", "es")


def test_english_search_stems_as_far_as_the_english_stemmer_does(
    search, engine, node_url, english_pages
):
    index = f"{engine}wagtailcore_page"
    assert search.titles("districts")[:1] == [english_pages["district"].title]

    # Whether "governing" finds "governance" is the stemmer's call: ask the server.
    same_stem = analyze(node_url, index, "english_folded", "governing") == analyze(
        node_url, index, "english_folded", "governance"
    )
    assert (english_pages["governance"].title in search.titles("governing")) == same_stem
    assert english_pages["governance"].title in search.titles("governance")


def test_other_languages_only_when_asked_for(search, spanish_pages, english_pages):
    spanish_title = spanish_pages["cooperación"].title
    assert spanish_title not in search.titles("cooperacion")
    assert spanish_title in search.titles("cooperacion", all_languages="on")
    assert english_pages["district"].title not in search.titles("district", "es")


@pytest.fixture
def resources(site_tree):
    library = add_library(site_tree.home_en)
    leadership = Topic.objects.create(name="City leadership", slug="city-leadership")
    governance = Topic.objects.create(name="Smart governance", slug="smart-governance")
    specs = [
        ("report", 2019, [leadership]),
        ("policy_brief", 2021, [leadership, governance]),
        ("policy_brief", 2021, [governance]),
        ("article", 2022, []),
        ("report", 2022, [leadership]),
    ]
    pages = []
    for number, (kind, year, topics) in enumerate(specs):
        page = ResourcePage(
            title=f"Waterfront regeneration study {number}",
            slug=f"waterfront-{number}",
            resource_type=kind,
            publication_date=datetime.date(year, 3, 1),
            summary="How port cities fund waterfront regeneration through levies.",
        )
        page.topics = topics
        library.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def facet_counts(html, name):
    return {
        box["value"]: int(box.find_next("label").select_one(".count").get_text(strip=True)[1:-1])
        for box in html.select(f'.filters input[name="{name}"]')
    }


def test_facets_count_what_their_filters_then_find(search, resources):
    html = search.page(q="waterfront")
    assert len(titles(html)) == 5
    facets = {name: facet_counts(html, name) for name in ("resource_type", "topic", "year")}
    assert facets == {
        "resource_type": {"report": 2, "policy_brief": 2, "article": 1},
        "topic": {"city-leadership": 3, "smart-governance": 2},
        "year": {"2022": 2, "2021": 2, "2019": 1},
    }
    for name, counts in facets.items():
        for value, count in counts.items():
            assert len(search.titles("waterfront", **{name: value})) == count, (name, value)


def test_highlights_mark_the_matched_words(search, spanish_pages):
    html = search.page("es", q="ciudades portuaria")
    marked = {mark.get_text().casefold() for mark in html.select(".search-results mark")}
    assert {"ciudades", "portuaria"} <= marked


def test_autocomplete_folds_accents(search, spanish_pages):
    title = spanish_pages["cooperación"].title
    for typed in ("Acuerdos de cooperació", "acuerdos de cooperacio"):
        response = search.get("/es/buscar/sugerencias/", q=typed)
        assert title in [result["title"] for result in response.json()["results"]]


def test_the_last_page_of_the_result_window_answers(search, settings, site_tree):
    """1,005 matches: the page lists the best 1,000, and its 100th page is their last ten."""
    settings.WAGTAILSEARCH_BACKENDS[DEFAULT_ALIAS]["AUTO_UPDATE"] = False
    section = publish(site_tree.home_en, "Harbour notes", "harbour-notes")
    for number in range(1005):
        section.add_child(instance=StandardPage(title=f"Harbour note {number}", slug=f"n{number}"))
    call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)

    last = search.page(q="harbour", page="100")
    assert len(titles(last)) == 10
    assert "More than 1000 results" in last.select_one('[role="status"]').get_text()
    # Past the window, the paginator shows the last page.
    assert titles(search.page(q="harbour", page="101")) == titles(last)


def test_publish_unpublish_delete_and_move_are_reflected(search, site_tree):
    page = publish(site_tree.home_en, "Biobío riverside regeneration", "biobio")
    assert search.titles("riverside") == [page.title]

    page.unpublish()
    assert search.titles("riverside") == []
    page.save_revision().publish()
    assert search.titles("riverside") == [page.title]

    # A move after a rebuild: into a section that needs a log-in, where searches may not look.
    call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
    members_only = publish(site_tree.home_en, "Members' area", "members-area")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    page.refresh_from_db()
    page.move(members_only, pos="last-child")
    assert search.titles("riverside") == []

    page.refresh_from_db()
    page.move(site_tree.home_en, pos="last-child")
    assert search.titles("riverside") == [page.title]

    page.refresh_from_db()
    page.delete()
    assert search.titles("riverside") == []


@pytest.mark.django_db(transaction=True)
def test_searches_answer_during_an_atomic_rebuild(
    site_tree, spanish_pages, django_db_serialized_rollback
):
    """``update_index`` fills new indexes and then moves the aliases to them: searches from
    another thread meanwhile all answer from the engine, with results. Transactional, so that
    the other thread's connection sees the pages."""
    clear_caches()
    call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
    title = spanish_pages["ciudades"].title
    answers = []
    rebuilt = threading.Event()

    def search_until_rebuilt():
        client = Client()
        try:
            while True:
                done = rebuilt.is_set()
                response = client.get("/es/buscar/", {"q": "ciudades"})
                html = BeautifulSoup(response.content, "html.parser")
                answers.append((response.status_code, title in titles(html)))
                if done:
                    return
        finally:
            connections.close_all()

    searcher = threading.Thread(target=search_until_rebuilt)
    searcher.start()
    try:
        for _ in range(3):
            call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
    finally:
        rebuilt.set()
        searcher.join(timeout=60)

    assert len(answers) > 3
    assert set(answers) == {(200, True)}
    assert breaker.outage(DEFAULT_ALIAS) is None


def test_a_restricted_documents_text_leaves_the_engines_index_at_once(search, site_tree):
    page = add_report_with_pdf(add_library(site_tree.home_en), "The board discussed quinoaprivada.")
    assert search.titles("quinoaprivada") == [page.title]

    members_only = Collection.get_first_root_node().add_child(name="Members only")
    document = page.documents.get().document
    document.collection = members_only
    document.save()
    CollectionViewRestriction.objects.create(
        collection=members_only, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert search.titles("quinoaprivada") == []
