"""One language analysis for the database search backends (network/search/analysis.py): the
same words found on SQLite and PostgreSQL, and one query list run through the search page on
every backend available, the OpenSearch node included, with where they still differ."""

import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation
from modelsearch.conf import get_app_config

from home.models import StandardPage
from network.search.analysis import analyse, only_stop_words, terms
from network.search.service import DEFAULT_ALIAS, breaker
from tests.services import engine_backends, on_node, require_search_node

pytestmark = pytest.mark.both_databases

TSVECTOR_LEXEME = re.compile(r"'([^']+)':(\d+)")

# Each pair is one word: indexed in one form, found by the other, both ways.
SPANISH_PAIRS = [
    ("ciudad", "ciudades"),
    ("barrio comercial", "barrios comerciales"),
    ("comerciante", "comerciantes"),
    ("inversión", "inversiones"),
    ("luz", "luces"),
    ("país", "países"),
    ("ley", "leyes"),
    ("gobierno", "gobiernos"),
    ("universidad", "universidades"),
    ("joven", "jóvenes"),
    # Snowball joins these itself: the plural rules must not part them.
    ("índice", "índices"),
    ("avance", "avances"),
    ("inglés", "ingleses"),
    ("francés", "franceses"),
    ("interés", "intereses"),
    ("vez", "veces"),
]
ENGLISH_PAIRS = [
    ("district", "districts"),
    ("district", "district's"),
    ("city", "cities"),
    ("partnership", "partnerships"),
    ("trader", "traders"),
    ("council", "council’s"),
]


@pytest.mark.parametrize(
    ("language", "pair"), [("es", p) for p in SPANISH_PAIRS] + [("en", p) for p in ENGLISH_PAIRS]
)
def test_singular_and_plural_are_one_word(language, pair):
    singular, plural = pair
    assert analyse(singular, language) == analyse(plural, language) != ""


def test_accents_and_case_are_folded_and_stop_words_left_out():
    assert analyse("COOPERACIÓN técnica", "es") == analyse("cooperacion Tecnica", "es")
    assert terms("Los barrios de la ciudad", "es") == terms("barrio ciudad", "es")
    assert terms("The districts of the city", "en") == terms("district city", "en")
    # An accent stored as a combining mark (PDFs, macOS) is the same letter.
    assert analyse("inversio\u0301n", "es") == analyse("inversión", "es")
    # Split at apostrophes, as the query cleaning splits a typed query.
    assert terms("O'Higgins", "es") == terms("O Higgins", "es")
    assert terms("Côte d'Ivoire", "en") == terms("Cote d Ivoire", "en")
    # Without a language (documents, images) words are folded, not stemmed or dropped.
    assert analyse("Las Ciudades", None) == "las ciudades"


def test_a_query_of_stop_words_only_is_told_apart():
    assert only_stop_words("de la", "es")
    assert only_stop_words("the of", "en-gb")
    assert not only_stop_words("de la ciudad", "es")
    assert not only_stop_words("", "es")
    # A word too long to be indexed is not a common word.
    assert not only_stop_words("a" * 70, "en")
    # In English, "de la" are words: a name ("de la Fuente") may be searched.
    assert not only_stop_words("de la", "en")


def test_the_index_holds_each_page_analysed_in_its_language(site_tree):
    """modelsearch's indexers store what a page's search fields give
    (network/search/backends/analysed_index.py): an upgrade that read the page another way
    would store raw text, and plurals would stop matching."""
    spanish = publish(site_tree.home_es, "Las ciudades y sus barrios", "ciudades")
    english = publish(site_tree.home_en, "The cities and their districts", "cities")
    entries = get_app_config().get_model("IndexEntry").objects
    assert indexed_words(entries.get(object_id=str(spanish.pk)).title) == ["ciud", "barri"]
    assert indexed_words(entries.get(object_id=str(english.pk)).title) == ["citi", "district"]
    # Autocomplete matches prefixes of words as written, folded by the database.
    assert "ciudades" in entries.get(object_id=str(spanish.pk)).autocomplete.lower()


def indexed_words(stored):
    """The words of an index column in order: SQLite's FTS5 keeps the text, PostgreSQL a
    tsvector ("'barri':2B 'ciud':1B")."""
    if connection.vendor != "postgresql":
        return stored.split()
    positioned = TSVECTOR_LEXEME.findall(stored)
    return [word for word, _position in sorted(positioned, key=lambda lexeme: int(lexeme[1]))]


def test_a_query_of_one_typed_word_and_two_analysed_words_needs_both(site_tree):
    """ "U.K." is analysed as "u k": PostgreSQL's one-word shortcut (any word) must not apply."""
    both = publish(site_tree.home_en, "Notes on the U K economy", "uk-notes")
    publish(site_tree.home_en, "Plan K", "plan-k")
    found = StandardPage.objects.live().filter(locale=site_tree.home_en.locale).search("U.K.")
    assert [page.pk for page in found] == [both.pk]


def publish(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# (language, title): pages whose words the query list asks for in their other form.
PAGES = [
    ("es", "Una ciudad del sur"),
    ("es", "Barrios comerciales de Valdivia"),
    ("es", "Guía para el comerciante"),
    ("es", "Inversión pública en el centro"),
    ("es", "Los municipios y sus leyes"),
    ("en", "One improvement district"),
    ("en", "The council's city plan"),
    ("en", "Partnerships of traders"),
]

# (language, query, the titles it must find). Stop words alone find nothing.
QUERIES = [
    ("es", "ciudades", ["Una ciudad del sur"]),
    ("es", "barrio comercial", ["Barrios comerciales de Valdivia"]),
    ("es", "comerciantes", ["Guía para el comerciante"]),
    ("es", "inversiones", ["Inversión pública en el centro"]),
    ("es", "inversion publica", ["Inversión pública en el centro"]),
    ("es", "municipio ley", ["Los municipios y sus leyes"]),
    ("es", "de la", []),
    ("en", "districts", ["One improvement district"]),
    ("en", "council", ["The council's city plan"]),
    ("en", "cities", ["The council's city plan"]),
    ("en", "partnership trader", ["Partnerships of traders"]),
    ("en", "the of", []),
]

# Where an engine's own analysers (network/search/README.md) still find otherwise:
# {(language, query): why}. Each entry must still differ, so the list stays true.
KNOWN_DIFFERENCES = {}


@pytest.fixture
def query_pages(site_tree):
    homes = {"en": site_tree.home_en, "es": site_tree.home_es}
    return [
        publish(homes[language], title, f"analysis-{number}")
        for number, (language, title) in enumerate(PAGES)
    ]


def found(client, language, query, **parameters):
    """The titles of the query list's pages the search page finds for ``query``."""
    with translation.override(language):
        response = client.get(reverse("search"), {"q": query, **parameters})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    listed = [" ".join(h.get_text().split()) for h in html.select(".search-results h3")]
    ours = {title for _language, title in PAGES}
    return sorted(title for title in listed if title in ours), html


def run_query_list(client):
    return {(language, query): found(client, language, query)[0] for language, query, _ in QUERIES}


def expected():
    return {(language, query): sorted(titles) for language, query, titles in QUERIES}


def test_the_query_list_on_the_database_backend(client, query_pages):
    assert run_query_list(client) == expected()


def test_a_search_in_every_language_analyses_the_query_in_each(client, query_pages):
    """Each page was indexed in its own language: from the English interface, "barrios
    comerciales" finds the Spanish page by its Spanish analysis, and "councils" the English one."""
    titles, _html = found(client, "en", "barrio comercial", all_languages="on")
    assert titles == ["Barrios comerciales de Valdivia"]
    titles, _html = found(client, "es", "councils", all_languages="on")
    assert titles == ["The council's city plan"]


def test_a_query_of_common_words_says_so(client, query_pages):
    _titles, html = found(client, "es", "de la")
    status = html.select_one('.library__results [role="status"]').get_text()
    assert "solo palabras comunes" in status
    # Spelling or other languages would not help: only the advice to add a word is given.
    assert "ortografía" not in status
    _titles, html = found(client, "en", "the of")
    status = html.select_one('.library__results [role="status"]').get_text()
    assert "only common words" in status
    assert "spelling" not in status
    # A query that finds nothing for another reason says that instead, with the advice.
    _titles, html = found(client, "en", "zzyzx")
    status = html.select_one('.library__results [role="status"]').get_text()
    assert "No results for" in status
    assert "Check the spelling" in status


def test_the_query_list_on_opensearch_and_where_it_differs(client, settings, query_pages):
    node_url = require_search_node()
    prefix = f"test_{uuid.uuid4().hex[:10]}_"
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(node_url, prefix)
    try:
        call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
        on_node(node_url, "POST", f"{prefix}*/_refresh")
        on_engine = run_query_list(client)
        assert breaker.outage(DEFAULT_ALIAS) is None, "the search fell back to the database"
    finally:
        on_node(node_url, "DELETE", f"{prefix}*")
    differences = {key for key, titles in on_engine.items() if titles != expected()[key]}
    assert differences == set(KNOWN_DIFFERENCES), {key: on_engine[key] for key in differences}
