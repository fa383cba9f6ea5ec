""" "Did you mean": a misspelt query that finds nothing or little is offered the query spelt as
the published text of the visitor's language spells it, as a link (search/vocabulary.py)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from resources.models import ResourceIndexPage, ResourcePage
from search.models import SearchWord
from search.vocabulary import add_words, did_you_mean, page_words, rebuild
from tests.factories import add_translation
from tests.html_lists import result_titles

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

GOVERNANCE_ES = "Gobernanza urbana y cooperación en los Barrios Comerciales"
GOVERNANCE_EN = "Leadership and governance of improvement districts"


def publish(parent, title, summary, slug):
    page = ResourcePage(
        title=title,
        slug=slug,
        resource_type="report",
        publication_date=datetime.date(2024, 3, 1),
        summary=summary,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def libraries(site_tree):
    """An English library and its Spanish translation, each with one published resource whose
    words the vocabulary learns as it is published."""
    library_en = ResourceIndexPage(title="Resource library", slug="resources")
    site_tree.home_en.add_child(instance=library_en)
    library_en.save_revision().publish()
    library_es = add_translation(library_en, site_tree.spanish, "Biblioteca", "biblioteca")
    publish(library_en, GOVERNANCE_EN, "How city leadership shapes districts.", "governance")
    publish(
        library_es,
        GOVERNANCE_ES,
        "Cómo la cooperación entre comerciantes y municipios cambia la gobernanza.",
        "gobernanza",
    )
    return library_en, library_es


def search(client, language, query):
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def suggestion(html):
    """``(text, href)`` of the "Did you mean" link, or None."""
    paragraph = html.select_one(".did-you-mean")
    if paragraph is None:
        return None
    link = paragraph.select_one("a")
    return link.get_text(), link["href"]


@pytest.mark.parametrize(
    "language, misspelt, meant, path",
    [
        ("es", "gobernaza", "gobernanza", "/es/buscar/"),
        ("es", "cooperacon", "cooperación", "/es/buscar/"),
        ("en", "leadersip", "leadership", "/en/search/"),
        ("en", "goverance districts", "governance districts", "/en/search/"),
    ],
)
def test_a_misspelt_query_is_offered_the_word_the_text_uses(
    client, libraries, language, misspelt, meant, path
):
    html = search(client, language, misspelt)

    assert result_titles(html) == []
    text, href = suggestion(html)
    assert text == meant
    assert href.startswith(path)
    followed = BeautifulSoup(client.get(href).content, "html.parser")
    assert result_titles(followed)[0] == (GOVERNANCE_ES if language == "es" else GOVERNANCE_EN)
    assert suggestion(followed) is None


def test_the_suggestion_is_worded_in_the_visitors_language(client, libraries):
    assert (
        search(client, "es", "gobernaza")
        .select_one(".did-you-mean")
        .get_text()
        .startswith("¿Quiso decir")
    )
    assert (
        search(client, "en", "leadersip")
        .select_one(".did-you-mean")
        .get_text()
        .startswith("Did you mean")
    )


def test_each_language_suggests_from_its_own_words(client, libraries):
    """ "gobernanza" is written only in Spanish: an English search for "gobernaza" is not told
    to look for a word its pages do not have."""
    assert suggestion(search(client, "en", "gobernaza")) is None


def test_no_suggestion_for_a_query_spelt_right_or_like_nothing(client, libraries):
    assert suggestion(search(client, "es", "gobernanza")) is None
    assert suggestion(search(client, "en", "zzqxv wplof")) is None


def test_a_suggestion_that_finds_no_more_is_not_offered(client, libraries):
    """A word the vocabulary still has from a page since unpublished finds nothing: it is not
    offered."""
    add_words("en", {("improvisation", "improvisation"): 3})
    assert did_you_mean("improvisatoin", "en") == "improvisation"

    assert suggestion(search(client, "en", "improvisatoin")) is None


def test_publishing_adds_a_pages_words_and_rebuilding_forgets_removed_ones(libraries):
    library_en, _library_es = libraries
    page = publish(library_en, "Footfall counters", "Counting pedestrians.", "footfall")
    assert SearchWord.objects.filter(language="en", word="pedestrians").exists()

    page.unpublish()
    size = rebuild()

    assert not SearchWord.objects.filter(word="pedestrians").exists()
    assert SearchWord.objects.count() == size
    # In the resource's title and summary, and in the demo's Spanish pages.
    cooperation = SearchWord.objects.get(language="es", word="cooperacion")
    assert cooperation.spelling == "cooperación"
    assert cooperation.occurrences >= 2


def test_words_are_folded_and_spelt_as_written(libraries):
    _library_en, library_es = libraries
    words = page_words(library_es.get_children().live().first().specific)
    assert words[("cooperacion", "cooperación")] == 2
    assert all(len(word) >= 3 and not word.isdigit() for word, _spelling in words)


def test_the_command_rebuilds_and_says_how_many_words(libraries, capsys):
    SearchWord.objects.all().delete()

    call_command("build_search_vocabulary")

    assert (
        capsys.readouterr().out.strip()
        == f"{SearchWord.objects.count()} words in the search vocabulary."
    )
    assert SearchWord.objects.filter(language="es", word="gobernanza").exists()
