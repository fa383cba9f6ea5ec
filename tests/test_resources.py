"""The resource library: page types, translation, filters, PDF search and feeds (citations:
tests/test_citations.py)."""

import datetime
import io
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfWriter
from wagtail.documents import get_document_model
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage, StandardPage
from network.models import Topic
from resources.models import ResourceDocument, ResourceIndexPage, ResourcePage
from tests.content import resource_form_data
from tests.factories import add_resource
from tests.html_lists import facet_counts, titles
from tests.pdfs import make_document, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

ATOM = "{http://www.w3.org/2005/Atom}"


# --- Page tree and admin -------------------------------------------------------------------


def test_resources_live_only_under_the_library(admin_client, library):
    assert ResourcePage.can_create_at(library[0])
    assert not ResourcePage.can_create_at(library[0].get_parent().specific)
    assert ResourcePage.allowed_parent_page_models() == [ResourceIndexPage]
    assert ResourceIndexPage.allowed_parent_page_models() == [HomePage]
    assert StandardPage not in ResourcePage.allowed_parent_page_models()
    home = library[0].get_parent()
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", home.pk])
    # Wagtail turns the editor away (to the dashboard, with an error message).
    assert admin_client.get(url)["Location"] == "/admin/"
    assert not ResourcePage.objects.child_of(home).exists()


def test_editor_publishes_a_resource_with_a_pdf_in_the_admin(admin_client, library, terms):
    document = make_document("BID brief PDF", pdf_bytes("The word quokkabid is only here."))
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library[0].pk])

    response = admin_client.post(
        url, resource_form_data("BIDs in practice", document, [terms["city-leadership"]])
    )

    assert response.status_code == 302, response.content[:2000]
    page = ResourcePage.objects.get(slug="new-resource")
    assert page.live
    assert [link.document for link in page.documents.all()] == [document]
    assert page.topics.get().slug == "city-leadership"
    assert titles(admin_client.get("/en/resources/", {"q": "quokkabid"})) == ["BIDs in practice"]


def test_admin_offers_the_topics_of_the_pages_language(admin_client, library, terms):
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library[1].pk])

    html = BeautifulSoup(admin_client.get(url).content, "html.parser")

    labels = {label.get_text(strip=True) for label in html.select('[for^="id_topics_"]')}
    assert "Liderazgo urbano" in labels
    assert "City leadership" not in labels


def test_doi_is_normalised_and_validated(admin_client, library):
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library[0].pk])

    bad = admin_client.post(url, resource_form_data("Bad DOI", doi="not a doi", slug="bad-doi"))
    good = admin_client.post(
        url, resource_form_data("Good DOI", doi="https://doi.org/10.5281/zenodo.12345", slug="ok")
    )

    assert bad.status_code == 200
    assert not ResourcePage.objects.filter(slug="bad-doi").exists()
    assert good.status_code == 302
    assert ResourcePage.objects.get(slug="ok").doi == "10.5281/zenodo.12345"


def test_spanish_translation_shares_dates_and_documents(admin_client, library, site_tree):
    document = make_document("Report PDF", pdf_bytes("Report text."))
    source = ResourcePage.objects.get(title="White paper for MINVU")
    ResourceDocument.objects.create(page=source, document=document)
    source.save_revision().publish()

    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    assert admin_client.post(url, {"locales": [site_tree.spanish.pk]}).status_code == 302
    spanish = source.get_translation(site_tree.spanish).specific

    assert spanish.live is False
    assert spanish.publication_date == source.publication_date
    assert [link.document_id for link in spanish.documents.all()] == [document.pk]
    assert {t.slug for t in spanish.topics.all()} == {"city-leadership"}

    # A change of date in the source reaches the translation when the editor syncs it.
    source.publication_date = datetime.date(2016, 3, 1)
    source.save_revision().publish()
    translation_source, _ = TranslationSource.update_or_create_from_instance(source)
    Translation.objects.get(source=translation_source, target_locale=site_tree.spanish).save_target(
        publish=False
    )
    spanish.refresh_from_db()
    assert spanish.publication_date == datetime.date(2016, 3, 1)


# --- The library page -------------------------------------------------------------------------


def test_library_lists_live_resources_of_its_language_newest_first(client, library):
    assert titles(client.get("/en/resources/")) == [
        "Placing Business Leadership",
        "Policy brief on BIDs",
        "White paper for MINVU",
    ]
    assert titles(client.get("/es/biblioteca/")) == ["Informe sólo en español"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "report"}, ["Placing Business Leadership"]),
        (
            {"type": ["report", "white_paper"]},
            ["Placing Business Leadership", "White paper for MINVU"],
        ),
        ({"topic": "city-leadership"}, ["Placing Business Leadership", "White paper for MINVU"]),
        ({"place": "santiago"}, ["Placing Business Leadership", "White paper for MINVU"]),
        ({"language": "es"}, ["Placing Business Leadership"]),
        ({"year_from": "2018"}, ["Placing Business Leadership", "Policy brief on BIDs"]),
        ({"year_from": "2018", "year_to": "2020"}, ["Policy brief on BIDs"]),
        (
            {"sort": "oldest"},
            ["White paper for MINVU", "Policy brief on BIDs", "Placing Business Leadership"],
        ),
        (
            {"sort": "title"},
            ["Placing Business Leadership", "Policy brief on BIDs", "White paper for MINVU"],
        ),
        (
            {"topic": "business-improvement-districts", "place": "santiago"},
            ["Placing Business Leadership"],
        ),
        (
            {"topic": "city-leadership", "sort": "oldest", "year_to": "2021"},
            ["White paper for MINVU", "Placing Business Leadership"],
        ),
        ({"q": "MINVU"}, ["White paper for MINVU"]),
        ({"q": "MINVU", "type": "report"}, []),
    ],
)
def test_filters_and_sort_combine(client, library, query, expected):
    response = client.get("/en/resources/", query)

    assert response.status_code == 200
    assert titles(response) == expected


def test_facet_counts_ignore_their_own_filter(client, library):
    response = client.get("/en/resources/", {"type": "report"})

    assert facet_counts(response, "type") == {
        "white_paper": "(1)",
        "policy_brief": "(1)",
        "report": "(1)",
    }
    assert facet_counts(response, "topic") == {
        "business-improvement-districts": "(1)",
        "city-leadership": "(1)",
    }


def test_spanish_library_labels_topics_in_spanish(client, library):
    html = BeautifulSoup(client.get("/es/biblioteca/").content, "html.parser")

    labels = [
        label.get_text(" ", strip=True) for label in html.select('label[for^="filter-topic"]')
    ]
    assert labels == ["Distritos de mejoramiento comercial (1)"]
    assert html.select_one('input[name="sort"], select[name="sort"]') is not None


@pytest.mark.parametrize(
    "query",
    [
        {"type": "nonsense"},
        {"year_from": "abc", "year_to": "99999"},
        {"topic": "<script>alert(1)</script>"},
        {"sort": "random"},
        {"page": "999"},
        {"page": "-1"},
        {"q": "x" * 5000},
        {"language": ["en", "xx"]},
    ],
)
def test_bad_filter_input_is_ignored_with_a_message(client, library, query):
    response = client.get("/en/resources/", query)

    assert response.status_code == 200
    assert len(titles(response)) >= 1 or "q" in query
    if set(query) - {"page", "q"}:
        html = BeautifulSoup(response.content, "html.parser")
        assert "ignored" in html.select_one('.notice[role="alert"]').get_text()


def test_filtered_pages_are_noindex_with_canonical_library_url(client, library):
    plain = BeautifulSoup(client.get("/en/resources/").content, "html.parser")
    filtered = BeautifulSoup(
        client.get("/en/resources/", {"topic": "city-leadership"}).content, "html.parser"
    )

    assert plain.select_one('meta[name="robots"]') is None
    assert filtered.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert filtered.select_one('link[rel="canonical"]')["href"] == "http://testserver/en/resources/"


def test_pagination_keeps_the_filters(client, library, terms):
    for number in range(15):
        add_resource(library[0], f"Extra report {number:02}", topics=[terms["city-leadership"]])

    response = client.get("/en/resources/", {"topic": "city-leadership", "sort": "title"})

    html = BeautifulSoup(response.content, "html.parser")
    next_link = html.select_one('.pagination a[rel="next"]')["href"]
    assert "topic=city-leadership" in next_link and "sort=title" in next_link
    second = client.get("/en/resources/" + next_link)
    assert len(titles(second)) == 17 - 12


def test_library_query_count_does_not_grow_with_results(client, library, terms):
    def count_queries():
        # Publishing empties the cached menu: the first request after it fills it again.
        client.get("/en/resources/", {"topic": "city-leadership"})
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/resources/", {"topic": "city-leadership"}).status_code == 200
        return len(queries)

    few = count_queries()
    for number in range(20):
        add_resource(
            library[0],
            f"More {number}",
            topics=[terms["city-leadership"]],
            places=[terms["santiago"]],
            authors=[("Ann", "A", "")],
        )
    assert count_queries() == few


# --- PDFs and search --------------------------------------------------------------------------


def attach_pdf(page, title, content):
    document = make_document(title, content)
    ResourceDocument.objects.create(page=page, document=document)
    page.save_revision().publish()
    return document


def test_word_only_in_the_pdf_finds_the_resource_in_both_languages(client, library, site_tree):
    page = ResourcePage.objects.get(title="Policy brief on BIDs")
    attach_pdf(page, "Brief PDF", pdf_bytes("Ratepayers in Bristol voted on the levy."))
    spanish = page.copy_for_translation(site_tree.spanish)
    spanish.title = "Informe de políticas sobre DMC"
    spanish.save_revision().publish()

    assert titles(client.get("/en/resources/", {"q": "ratepayers"})) == ["Policy brief on BIDs"]
    assert titles(client.get("/es/biblioteca/", {"q": "ratepayers"})) == [
        "Informe de políticas sobre DMC"
    ]
    search = BeautifulSoup(client.get("/es/buscar/", {"q": "ratepayers"}).content, "html.parser")
    assert "Informe de políticas sobre DMC" in search.get_text()


def test_replacing_a_pdf_reindexes_the_resource(client, library):
    page = ResourcePage.objects.get(title="White paper for MINVU")
    document = attach_pdf(page, "White paper PDF", pdf_bytes("First edition: wombat."))
    document.file = ContentFile(pdf_bytes("Second edition: platypus."), name="second.pdf")
    document.file_hash = ""
    document.save()

    assert titles(client.get("/en/resources/", {"q": "platypus"})) == ["White paper for MINVU"]
    assert titles(client.get("/en/resources/", {"q": "wombat"})) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"%PDF-1.4 this is not really a pdf", "could not be read"),
        (b"", "could not be read"),
    ],
)
def test_broken_pdf_still_saves_with_a_warning(admin_client, library, content, problem):
    document = make_document("Broken upload", content, filename="broken.pdf")
    assert problem in document.text_problem
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library[0].pk])

    response = admin_client.post(url, resource_form_data("Has a broken PDF", document), follow=True)

    assert response.status_code == 200
    assert ResourcePage.objects.get(slug="new-resource").live
    messages = [str(message) for message in response.context["messages"]]
    assert any("Broken upload" in message and problem in message for message in messages)


def test_encrypted_pdf_is_reported(library):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)

    document = make_document("Locked", buffer.getvalue(), filename="locked.pdf")

    assert "password" in document.text_problem
    assert document.extracted_text == ""


def test_document_text_is_not_extracted_again_when_unchanged(library, monkeypatch):
    document = make_document("Once", pdf_bytes("Extracted once."))
    monkeypatch.setattr(
        "network.models.extract_pdf_text",
        lambda fileobj: pytest.fail("text extracted again for an unchanged file"),
    )
    document.title = "Renamed"
    document.save()
    assert "Extracted once." in get_document_model().objects.get(pk=document.pk).extracted_text


# --- The resource page, citations, feeds ------------------------------------------------------


def test_feed_is_valid_atom_per_language(client, library):
    english = client.get("/en/resources/feed/")
    spanish = client.get("/es/biblioteca/feed/")

    assert english["Content-Type"].startswith("application/atom+xml")
    english_titles = [
        e.findtext(f"{ATOM}title")
        for e in ElementTree.fromstring(english.content).iter(f"{ATOM}entry")
    ]
    spanish_titles = [
        e.findtext(f"{ATOM}title")
        for e in ElementTree.fromstring(spanish.content).iter(f"{ATOM}entry")
    ]
    assert english_titles == [
        "Placing Business Leadership",
        "Policy brief on BIDs",
        "White paper for MINVU",
    ]
    assert spanish_titles == ["Informe sólo en español"]
    feed = ElementTree.fromstring(english.content)
    assert feed.find(f"{ATOM}link").get("href") == "http://testserver/en/resources/"
    ids = [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")]
    assert len(set(ids)) == 3 and all(i.startswith("urn:uuid:") for i in ids)


def test_editors_manage_and_translate_the_vocabulary_in_the_admin(admin_client, site_tree):
    response = admin_client.post(
        reverse("wagtailsnippets_network_topic:add"),
        {"name": "Devolution", "slug": "devolution", "description": "", "locale": "en"},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(slug="devolution")
    assert admin_client.get(reverse("wagtailsnippets_network_topic:list")).status_code == 200

    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["network", "topic", topic.pk]
    )
    assert admin_client.post(url, {"locales": [site_tree.spanish.pk]}).status_code == 302

    spanish = topic.get_translation(site_tree.spanish)
    assert spanish.slug == "devolution"  # synchronised, so filter URLs work in both languages


def test_a_year_range_given_backwards_says_so(client, library):
    """Issue 17: "2023 to 2020" silently showed "0 resources"."""
    response = client.get("/en/resources/", {"year_from": "2018", "year_to": "2016"})

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    alert = html.select_one('[role="alert"]').get_text(" ", strip=True)
    assert "2016 is before the first year, 2018." in alert
    # The end is ignored, the start kept: what was published from 2018 on.
    assert titles(response) == ["Placing Business Leadership", "Policy brief on BIDs"]
