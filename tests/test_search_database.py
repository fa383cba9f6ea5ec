"""The site's database search backend (network/search/backends/database.py) on SQLite and
PostgreSQL."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from modelsearch.query import Phrase
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from network.models import Topic
from network.search.backends.ranking import matched_keys
from resources.models import ResourceDocument, ResourcePage
from tests.factories import ResourceIndexPageFactory, add_translation
from tests.pdfs import make_document, pdf_bytes

pytestmark = pytest.mark.both_databases

on_sqlite = connection.vendor == "sqlite"


@pytest.fixture
def libraries(site_tree):
    library_en = ResourceIndexPageFactory(parent=site_tree.home_en)
    return library_en, add_translation(library_en, site_tree.spanish, "Biblioteca", "biblioteca")


def add(parent, title, summary="A summary.", resource_type="report"):
    page = ResourcePage(
        title=title,
        summary=summary,
        resource_type=resource_type,
        publication_date=datetime.date(2020, 6, 1),
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def search(locale, query, **kwargs):
    return Page.objects.live().filter(locale=locale).search(query, **kwargs)


def search_resources(locale, query, **kwargs):
    """Leaves out the demo's own pages, whose text mentions many of the same words."""
    return ResourcePage.objects.live().filter(locale=locale).search(query, **kwargs)


def titles(results):
    return [page.title for page in results]


def test_backend_matches_the_database():
    # Each vendor's module only imports on that vendor, as modelsearch's own do.
    expected = "RankedSQLiteSearchBackend" if on_sqlite else "LanguagePostgresSearchBackend"
    assert type(get_search_backend()).__name__ == expected


def test_accents_do_not_matter(libraries, site_tree):
    _, library_es = libraries
    add(library_es, "Cooperación Técnica para Barrios Comerciales en Santiago")
    with translation.override("es"):
        # The demo's own Spanish pages speak of technical cooperation too; the title wins.
        results = titles(search(site_tree.spanish, "cooperacion tecnica barrios comerciales"))
        assert results[0] == "Cooperación Técnica para Barrios Comerciales en Santiago"
        assert titles(search(site_tree.spanish, "Cooperación técnica"))[0] == results[0]


def test_spanish_singular_finds_plural(libraries, site_tree):
    _, library_es = libraries
    add(library_es, "Liderazgo urbano", summary="Cómo gobiernan las ciudades chilenas.")
    with translation.override("es"):
        assert titles(search_resources(site_tree.spanish, "ciudad")) == ["Liderazgo urbano"]


def test_spanish_stop_words_in_a_query_do_not_stop_it_matching(libraries, site_tree):
    """ "del" and "el" are dropped from the text and from the query alike."""
    _, library_es = libraries
    add(library_es, "Comercio en la ribera del Biobío", summary="Cómo medir el impacto.")
    with translation.override("es"):
        for query in ("ribera del Biobío", "medir el impacto"):
            assert titles(search_resources(site_tree.spanish, query)) == [
                "Comercio en la ribera del Biobío"
            ], query


def test_english_plural_finds_singular(libraries, site_tree):
    library_en, _ = libraries
    add(library_en, "Improvement district in Manchester")
    assert titles(search_resources(site_tree.home_en.locale, "districts")) == [
        "Improvement district in Manchester"
    ]


def test_only_the_filtered_locale_is_searched(libraries, site_tree):
    library_en, library_es = libraries
    add(library_en, "Santiago governance")
    add(library_es, "Gobernanza de Santiago")
    english = site_tree.home_en.locale
    assert titles(search_resources(english, "santiago")) == ["Santiago governance"]
    assert titles(search_resources(site_tree.spanish, "santiago")) == ["Gobernanza de Santiago"]


def test_title_match_ranks_above_body_match(libraries, site_tree):
    library_en, _ = libraries
    add(library_en, "Notes", summary="A long summary that mentions markets once among many words.")
    add(library_en, "Urban markets")
    results = search_resources(site_tree.home_en.locale, "markets").annotate_score("_score")
    assert titles(results) == ["Urban markets", "Notes"]
    assert all(isinstance(page._score, float) for page in results)


def test_count_slices_and_unranked_order(libraries, site_tree):
    library_en, _ = libraries
    pages = [add(library_en, f"Mobility study {number}") for number in range(12)]
    add(library_en, "Unrelated")
    results = search(site_tree.home_en.locale, "mobility")
    assert results.count() == 12
    assert len(results[0:10]) == 10
    assert len(results[10:20]) == 2
    assert {page.pk for page in results[0:10]}.isdisjoint(page.pk for page in results[10:20])
    unranked = search(site_tree.home_en.locale, "mobility", order_by_relevance=False)
    # Page's own ordering (the tree's) applies, as with modelsearch.
    assert [page.pk for page in unranked] == [page.pk for page in pages]


def test_filter_fields_operator_and_phrase(libraries, site_tree):
    library_en, _ = libraries
    add(library_en, "Housing data", resource_type="dataset")
    add(library_en, "Housing report")
    add(library_en, "Transport data", resource_type="dataset")
    datasets = ResourcePage.objects.live().filter(resource_type="dataset")
    assert titles(datasets.search("housing")) == ["Housing data"]
    assert set(titles(datasets.search("housing transport", operator="or"))) == {
        "Housing data",
        "Transport data",
    }
    assert titles(datasets.search("housing transport")) == []
    assert titles(ResourcePage.objects.live().search(Phrase("housing report"))) == [
        "Housing report"
    ]
    facets = ResourcePage.objects.live().search("housing").facet("resource_type")
    assert facets == {"dataset": 1, "report": 1}


def test_autocomplete_matches_prefixes_without_accents(libraries, site_tree):
    _, library_es = libraries
    add(library_es, "Cooperación técnica")
    with translation.override("es"):
        results = Page.objects.live().filter(locale=site_tree.spanish).autocomplete("coope")
        assert titles(results) == ["Cooperación técnica"]


def test_update_index_rebuilds_a_searchable_index(libraries, site_tree):
    library_en, _ = libraries
    add(library_en, "Devolution deals")
    call_command("update_index", verbosity=0)
    assert titles(search_resources(site_tree.home_en.locale, "devolution")) == ["Devolution deals"]


def test_update_index_reads_topics_and_documents_per_chunk_not_per_resource(libraries, site_tree):
    library_en, _ = libraries
    topic = Topic.objects.create(name="Markets", slug="markets")

    def add_resources(first, count):
        for number in range(first, first + count):
            page = add(library_en, f"Market study {number}")
            page.topics = [topic]
            ResourceDocument.objects.create(
                page=page, document=make_document(f"Annex {number}", pdf_bytes("Stalls."))
            )
            page.save_revision().publish()

    def rebuild_queries():
        """The rebuild's reads of topics and documents (SQLite's index also writes an entry
        per object, which no rebuild can avoid)."""
        with CaptureQueriesContext(connection) as queries:
            call_command("update_index", verbosity=0)
        return len(
            [
                query
                for query in queries
                if '"resources_resourcepage_topics"' in query["sql"]
                or '"resources_resourcedocument"' in query["sql"]
            ]
        )

    add_resources(0, 2)
    few = rebuild_queries()
    add_resources(2, 6)
    assert 0 < rebuild_queries() == few
    assert titles(search_resources(site_tree.home_en.locale, "stalls")) != []


def test_query_count_does_not_grow_with_matches(libraries, site_tree):
    library_en, _ = libraries

    def queries_for_first_page():
        with CaptureQueriesContext(connection) as queries:
            results = search(site_tree.home_en.locale, "leadership")
            assert len(list(results[0:10])) == min(results.count(), 10)
        return len(queries)

    for number in range(5):
        add(library_en, f"Leadership {number}")
    # The first search also caches the content types.
    queries_for_first_page()
    few = queries_for_first_page()
    for number in range(5, 50):
        add(library_en, f"Leadership {number}")
    assert queries_for_first_page() == few


def test_keys_of_the_best_matches_without_loading_pages(libraries, site_tree):
    library_en, _ = libraries
    add(library_en, "Markets", summary="Street markets and their traders.")
    for number in range(3):
        add(library_en, f"Notes {number}", summary="On markets.")
    results = search_resources(site_tree.home_en.locale, "markets")
    expected = [page.pk for page in results]
    with CaptureQueriesContext(connection) as queries:
        assert results[:3].pks() == expected[:3]
    # The ranking, and on PostgreSQL the filtered locale's language: no page is loaded.
    assert len(queries) <= 2
    assert not any('"wagtailcore_page"."path"' in query["sql"] for query in queries)
    unranked = search(site_tree.home_en.locale, "markets", order_by_relevance=False)
    assert unranked.pks() == [page.pk for page in unranked]


def test_all_words_may_be_spread_over_title_and_body(libraries, site_tree):
    library_en, _ = libraries
    add(library_en, "Street markets", summary="How councils license traders.")
    add(library_en, "Street lighting", summary="Lamps.")
    results = search_resources(site_tree.home_en.locale, "markets traders")
    assert titles(results) == ["Street markets"]
    either = search_resources(site_tree.home_en.locale, "markets lamps", operator="or")
    assert set(titles(either)) == {"Street markets", "Street lighting"}


def test_counts_every_match_and_ranks_the_asked_page_in_one_statement(libraries, site_tree):
    library_en, library_es = libraries
    for number in range(7):
        add(
            library_en,
            f"Market study {number}",
            summary="Street markets." * (number + 1),
            resource_type=("report", "article")[number % 2],
        )
    add(library_es, "Mercados", summary="markets")
    results = search_resources(site_tree.home_en.locale, "markets")
    best_first = [page.pk for page in results]
    kinds = (
        ResourcePage.objects.filter(pk__in=matched_keys())
        .values_list("resource_type")
        .annotate(count=Count("pk"))
    )

    with CaptureQueriesContext(connection) as queries:
        rows, types, counted = results.count_matches({"kinds": kinds}, 2, 5)

    # The statement, and on PostgreSQL the filtered locale's language.
    assert len(queries) <= 2
    assert rows == [
        (pk, ContentType.objects.get_for_model(ResourcePage).pk) for pk in best_first[2:5]
    ]
    assert types == {ContentType.objects.get_for_model(ResourcePage).pk: 7}
    assert sorted(counted["kinds"]) == [("article", 3), ("report", 4)]
    assert set(
        ResourcePage.objects.filter(pk__in=results.matching_pks()).values_list("pk", flat=True)
    ) == set(best_first)


def test_counts_of_an_unranked_search_leave_the_page_to_the_results(libraries, site_tree):
    library_en, _ = libraries
    for number in range(3):
        add(library_en, f"Market study {number}", summary="Street markets.")
    unranked = search_resources(site_tree.home_en.locale, "markets", order_by_relevance=False)

    rows, types, counted = unranked.count_matches({}, 0, 2)

    assert rows is None
    assert types == {ContentType.objects.get_for_model(ResourcePage).pk: 3}
    assert counted == {}
    assert [pk for pk, _type in unranked[0:2].pks_and_content_types()] == [
        page.pk for page in unranked[0:2]
    ]


@pytest.mark.skipif(on_sqlite, reason="checks the PostgreSQL compiler's shortcut for one word")
def test_one_word_skips_the_whole_text_check_but_hyphenated_words_do_not(libraries, site_tree):
    library_en, _ = libraries
    add(library_en, "Street markets", summary="How councils license traders.")
    add(library_en, "Night markets", summary="Lamps.")
    add(library_en, "Traders", summary="Shops.")
    locale = site_tree.home_en.locale

    with CaptureQueriesContext(connection) as queries:
        assert set(titles(search_resources(locale, "markets"))) == {
            "Street markets",
            "Night markets",
        }
    assert not any('" || "' in query["sql"] for query in queries)
    # modelsearch splits on hyphens too: two words, which must both be found.
    with CaptureQueriesContext(connection) as queries:
        assert titles(search_resources(locale, "markets-traders")) == ["Street markets"]
    assert any('" || "' in query["sql"] for query in queries)
