"""Content published in one language only stays discoverable from the other: the library, the
event listing and the search of each language also list the other language's untranslated
items, with a badge naming their language and a link to the original; hreflang and the
language switcher never point to a translation that does not exist."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from events.models import EventIndexPage
from network.search.backends.elasticsearch import SearchBackend
from resources.models import ResourcePage
from tests.factories import add_event, add_resource, days_from_now
from tests.html_lists import facet_counts, result_titles, titles

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.fixture
def libraries(library):
    """The English and Spanish libraries, both listing untranslated resources (the default,
    set here so that these tests do not depend on the shared fixture's choice)."""
    for listing in library:
        show_untranslated(listing, True)
    return library


@pytest.fixture
def event_listings(event_listings):
    """The English and Spanish event listings, both listing untranslated events."""
    for listing in event_listings:
        show_untranslated(listing, True)
    return event_listings


def show_untranslated(listing, value):
    listing.show_untranslated = value
    listing.save_revision().publish()


def html_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def item(html, title):
    """The list item (card or search result) whose heading is ``title``."""
    heading = next(
        heading
        for heading in html.select(".resource-card__title, .card__title, .search-results h3")
        # Whitespace normalised: a search result's title has its matches in <mark>.
        if " ".join(heading.get_text().split()) == title
    )
    return heading.find_parent(["article", "li"])


def badge(element):
    """``(lang, visible name, text for screen readers)`` of an item's language badge, or None."""
    shown = element.select_one(".badge--language")
    if shown is None:
        return None
    hidden = shown.find_next_sibling(class_="visually-hidden")
    return shown["lang"], shown.get_text(strip=True), hidden.get_text(strip=True) if hidden else ""


def link(element):
    anchor = element.select_one("h3 a")
    return anchor["href"], anchor.get("hreflang"), anchor.get("lang")


def english(title):
    return ResourcePage.objects.get(title=title, locale__language_code="en")


# --- The library ------------------------------------------------------------------------------


def test_spanish_library_lists_english_only_resources_with_a_badge_and_the_original_link(
    client, libraries
):
    response = client.get("/es/biblioteca/")
    html = html_of(response)

    assert titles(response) == [
        "Placing Business Leadership",
        "Policy brief on BIDs",
        "Informe sólo en español",
        "White paper for MINVU",
    ]
    brief = item(html, "Policy brief on BIDs")
    assert link(brief) == (english("Policy brief on BIDs").url, "en", "en")
    assert link(brief)[0].startswith("/en/resources/")
    lang, name, spoken = badge(brief)
    assert (lang, name) == ("en", "English")
    assert "inglés" in spoken.lower()  # "(solo en inglés)": in the page's language
    assert brief.select_one("h3 + p")["lang"] == "en"
    spanish = item(html, "Informe sólo en español")
    assert badge(spanish) is None
    assert link(spanish)[1:] == (None, None)
    # And the other way round, named in Spanish.
    english_library = html_of(client.get("/en/resources/"))
    assert badge(item(english_library, "Informe sólo en español"))[:2] == ("es", "español")


def test_a_published_translation_replaces_the_original_in_its_library(client, libraries):
    original = english("Policy brief on BIDs")
    draft = original.copy_for_translation(libraries[1].locale)
    draft.title = "Resumen de política sobre BIDs"
    draft.save_revision()

    # A draft translation is not readable: the original stays listed.
    assert "Policy brief on BIDs" in titles(client.get("/es/biblioteca/"))

    draft.save_revision().publish()

    spanish_titles = titles(client.get("/es/biblioteca/"))
    assert "Resumen de política sobre BIDs" in spanish_titles
    assert "Policy brief on BIDs" not in spanish_titles
    assert len(spanish_titles) == len(set(spanish_titles)) == 4
    html = html_of(client.get("/es/biblioteca/"))
    assert badge(item(html, "Resumen de política sobre BIDs")) is None
    english_titles = titles(client.get("/en/resources/"))
    assert "Policy brief on BIDs" in english_titles
    assert "Resumen de política sobre BIDs" not in english_titles


def test_library_without_untranslated_items(client, libraries):
    show_untranslated(libraries[1], False)

    response = client.get("/es/biblioteca/")

    assert titles(response) == ["Informe sólo en español"]
    assert html_of(response).select(".badge--language") == []


def test_filters_facets_sorting_and_keywords_include_untranslated_resources(client, libraries):
    assert facet_counts(client.get("/es/biblioteca/"), "topic") == {
        "business-improvement-districts": "(3)",
        "city-leadership": "(2)",
    }
    assert facet_counts(client.get("/es/biblioteca/", {"type": "report"}), "type") == {
        "policy_brief": "(1)",
        "report": "(2)",
        "white_paper": "(1)",
    }
    oldest_first = {"topic": "city-leadership", "sort": "oldest"}
    assert titles(client.get("/es/biblioteca/", oldest_first)) == [
        "White paper for MINVU",
        "Placing Business Leadership",
    ]
    assert titles(client.get("/es/biblioteca/", {"year_from": "2018", "year_to": "2019"})) == [
        "Policy brief on BIDs",
        "Informe sólo en español",
    ]
    assert titles(client.get("/es/biblioteca/", {"q": "MINVU"})) == ["White paper for MINVU"]


def test_unpublished_and_private_originals_are_not_listed(client, libraries):
    english("White paper for MINVU").unpublish()

    assert titles(client.get("/es/biblioteca/")) == [
        "Placing Business Leadership",
        "Policy brief on BIDs",
        "Informe sólo en español",
    ]

    PageViewRestriction.objects.create(
        page=libraries[0], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert titles(client.get("/es/biblioteca/")) == ["Informe sólo en español"]


def test_spanish_library_query_count_does_not_grow_with_untranslated_resources(
    client, libraries, terms
):
    def count_queries():
        # Publishing empties the cached menu: the first request after it fills it again.
        client.get("/es/biblioteca/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/es/biblioteca/").status_code == 200
        return len(queries)

    few = count_queries()
    for number in range(10):
        add_resource(
            libraries[0],
            f"English only {number}",
            topics=[terms["city-leadership"]],
            places=[terms["santiago"]],
            authors=[("Ann", "A", "")],
        )
    assert count_queries() == few


# --- Events -----------------------------------------------------------------------------------


def event_titles(html):
    return [h.get_text(strip=True) for h in html.select(".event-list .card__title")]


def test_spanish_events_list_english_only_events_with_a_badge(client, event_listings):
    listing_en, listing_es = event_listings
    event = add_event(listing_en, "Expert exchange", days_from_now(5), days_from_now(5, 12))
    # add_event's full_clean() runs before the event has a parent, so it would pick the default
    # locale (English) for it; name the listing's.
    add_event(
        listing_es,
        "Taller en Santiago",
        days_from_now(3),
        days_from_now(3, 12),
        locale=listing_es.locale,
    )
    add_event(
        listing_en,
        "Past workshop",
        datetime.datetime(2024, 6, 3, 9),
        datetime.datetime(2024, 6, 3, 17),
    )

    html = html_of(client.get(listing_es.url))

    # Upcoming first, soonest first; the past one only in its year's archive.
    assert event_titles(html) == ["Taller en Santiago", "Expert exchange"]
    exchange = item(html, "Expert exchange")
    assert link(exchange) == (event.url, "en", "en")
    assert badge(exchange)[:2] == ("en", "English")
    assert badge(item(html, "Taller en Santiago")) is None
    assert f'href="{listing_es.url}?year=2024"' in str(html)
    assert event_titles(html_of(client.get(listing_es.url, {"year": "2024"}))) == ["Past workshop"]
    # A calendar subscription has no badge: it keeps to its own language.
    calendar = client.get(listing_es.url + "calendar/").content.decode()
    assert "Taller en Santiago" in calendar and "Expert exchange" not in calendar


def test_a_translated_event_is_listed_once(client, event_listings):
    listing_en, listing_es = event_listings
    event = add_event(listing_en, "Expert exchange", days_from_now(5), days_from_now(5, 12))
    spanish = event.copy_for_translation(listing_es.locale)
    spanish.title = "Intercambio de expertos"
    spanish.save_revision().publish()

    assert event_titles(html_of(client.get(listing_es.url))) == ["Intercambio de expertos"]
    assert event_titles(html_of(client.get(listing_en.url))) == ["Expert exchange"]


def test_event_listing_without_untranslated_items(client, event_listings):
    listing_en, listing_es = event_listings
    add_event(listing_en, "Expert exchange", days_from_now(5), days_from_now(5, 12))
    show_untranslated(listing_es, False)

    assert event_titles(html_of(client.get(listing_es.url))) == []


def test_spanish_event_listing_query_count_does_not_grow(client, event_listings):
    listing_en, listing_es = event_listings

    def queries():
        client.get(listing_es.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(listing_es.url).status_code == 200
        return len(captured)

    add_event(listing_en, "First", days_from_now(5), days_from_now(5, 12))
    few = queries()
    for number in range(5):
        add_event(
            listing_en, f"More {number}", days_from_now(6 + number), days_from_now(6 + number, 12)
        )
    assert queries() == few


# --- Editors ----------------------------------------------------------------------------------


def test_editors_set_the_option_and_translations_follow_it(admin_client, libraries, site_tree):
    library_en, library_es = libraries
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[library_en.pk]))
    assert b'name="show_untranslated"' in edit.content
    assert EventIndexPage().show_untranslated is True

    library_en.show_untranslated = False
    library_en.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(library_en)
    Translation.objects.create(source=source, target_locale=site_tree.spanish).save_target()

    library_es.refresh_from_db()
    assert library_es.show_untranslated is False


# --- Search -----------------------------------------------------------------------------------


def test_spanish_search_keeps_to_spanish_and_labels_other_languages_when_asked(client, libraries):
    """The search answers in the visitor's language by default (fast: network/search/README.md); its
    "all languages" option adds the rest, each labelled with its language."""
    spanish = english("Policy brief on BIDs").copy_for_translation(libraries[1].locale)
    spanish.title = "Resumen de política sobre BIDs"
    spanish.save_revision().publish()

    html = html_of(client.get("/es/buscar/", {"q": "summary"}))
    assert sorted(result_titles(html)) == [
        "Informe sólo en español",
        "Resumen de política sobre BIDs",
    ]
    assert badge(item(html, "Resumen de política sobre BIDs")) is None

    # A word both languages' analysis leaves alone: searching every language uses the active
    # language's (network/search/README.md), so on PostgreSQL English "summary" is not found from
    # Spanish.
    everywhere = html_of(client.get("/es/buscar/", {"q": "MINVU", "all_languages": "on"}))
    assert "White paper for MINVU" in result_titles(everywhere)
    paper = item(everywhere, "White paper for MINVU")
    assert link(paper) == (english("White paper for MINVU").url, "en", "en")
    assert badge(paper) == ("en", "English", "")  # no claim that it exists in English only


def test_library_filters_stay_expressible_by_elasticsearch(libraries):
    """No Elasticsearch server is needed: the offline backend (a closed local port, as in
    tests/test_search_elasticsearch.py) only compiles the query body. The Spanish library's
    keyword search sends the untranslated English pages as paths."""
    backend = SearchBackend({"URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1, "INDEX_PREFIX": "t_"})
    listing = libraries[1].get_listing_queryset(RequestFactory().get("/es/biblioteca/"))
    body = str(backend.search("summary", listing)._get_es_body())
    assert english("White paper for MINVU").path in body


# --- hreflang and the language switcher --------------------------------------------------------


def test_an_english_only_resource_announces_no_spanish_alternate(client, libraries, site_tree):
    page = english("White paper for MINVU")

    html = html_of(client.get(page.url))

    assert html.select('link[rel="alternate"][hreflang]') == []
    switcher = html.select_one('nav.language-switcher a[lang="es"]')
    assert switcher["href"] == f"http://testserver{site_tree.home_es.url}"
    assert html.select_one(".resource__translation") is None

    spanish = page.copy_for_translation(libraries[1].locale)
    spanish.save_revision()
    assert html_of(client.get(page.url)).select('link[rel="alternate"][hreflang]') == []

    spanish.save_revision().publish()
    hreflangs = {
        tag["hreflang"]: tag["href"]
        for tag in html_of(client.get(page.url)).select('link[rel="alternate"][hreflang]')
    }
    assert hreflangs["es"] == f"http://testserver{spanish.url}"
