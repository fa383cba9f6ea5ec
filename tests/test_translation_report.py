"""The translation status report: what is missing, in progress, out of date or up to date in
each language, from a resource's publication to its translation and a later change."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from network.models import Topic
from tests.factories import ResourceIndexPageFactory, add_resource, add_translation

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-status/"


@pytest.fixture
def library(site_tree):
    """The English library, translated into Spanish."""
    library_en = ResourceIndexPageFactory(parent=site_tree.home_en)
    add_translation(library_en, site_tree.spanish, "Biblioteca", "biblioteca")
    return library_en


def report_rows(client, **filters):
    response = client.get(REPORT, filters)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = {}
    for tr in html.select("table.listing tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.select("td")]
        link = tr.select("td a")[-1]["href"]
        rows[(cells[0], cells[4])] = {"status": cells[5], "published": cells[6], "action": link}
    return rows


def spanish_row(client, title, **filters):
    return report_rows(client, target_language="es", **filters)[(title, "Spanish")]


def test_a_resource_from_publication_to_an_out_of_date_translation(
    editor_client, site_tree, library
):
    resource = add_resource(library, "Placing Business Leadership", summary="Lessons learnt.")

    row = spanish_row(editor_client, "Placing Business Leadership", status="missing")
    assert row["status"] == "Missing"
    assert row["action"] == reverse("wagtail_localize:submit_page_translation", args=[resource.pk])

    response = editor_client.post(row["action"], {"locales": [site_tree.spanish.pk]})
    assert response.status_code == 302
    row = spanish_row(editor_client, "Placing Business Leadership")
    assert row["status"] == "In progress (0%)"
    assert row["published"] == "No"

    translation = Translation.objects.get(
        source__object_id=resource.translation_key, target_locale=site_tree.spanish
    )
    po = translation.source.export_po()
    po[0].msgstr = "Situar el liderazgo empresarial"
    translation.import_po(po)
    assert spanish_row(editor_client, "Placing Business Leadership")["status"] == (
        f"In progress ({100 // len(po)}%)"
    )
    for entry in po:
        entry.msgstr = entry.msgstr or f"ES {entry.msgid}"
    translation.import_po(po)
    translation.save_target(publish=False)
    row = spanish_row(editor_client, "Placing Business Leadership", status="up_to_date")
    assert (row["status"], row["published"]) == ("Up to date", "No")

    resource.get_translation(site_tree.spanish).get_latest_revision().publish()
    assert spanish_row(editor_client, "Placing Business Leadership")["published"] == "Yes"

    resource.summary = "Lessons learnt, revised."
    resource.save_revision().publish()
    row = spanish_row(editor_client, "Placing Business Leadership", status="out_of_date")
    assert row["status"] == "Out of date"
    assert row["action"] == reverse(
        "wagtail_localize:update_translations", args=[translation.source.pk]
    )

    response = editor_client.post(row["action"], {})
    assert response.status_code == 302
    # Synced: the changed summary is a new segment to translate.
    assert spanish_row(editor_client, "Placing Business Leadership")["status"].startswith(
        "In progress"
    )


def test_filters_by_language_section_and_status(editor_client, site_tree, library):
    add_resource(library, "Policy brief on BIDs")
    Topic.objects.create(name="Smart urban governance", slug="smart-urban-governance")

    spanish_missing = report_rows(editor_client, target_language="es", status="missing")
    assert ("Policy brief on BIDs", "Spanish") in spanish_missing
    assert ("Smart urban governance", "Spanish") in spanish_missing
    # The library itself is translated by hand (copy_for_translation) and up to date.
    assert ("Resource library", "Spanish") not in spanish_missing

    section = str(library.translation_key)
    in_library = report_rows(editor_client, section=section)
    assert set(in_library) == {("Resource library", "Spanish"), ("Policy brief on BIDs", "Spanish")}
    topics = report_rows(editor_client, section="snippets:network.topic")
    assert set(topics) == {("Smart urban governance", "Spanish")}
    assert report_rows(editor_client, target_language="en", section=section) == {}


def test_bad_filter_values_are_ignored_with_a_message(editor_client, site_tree):
    response = editor_client.get(REPORT, {"status": "nonsense", "section": "<script>"})
    assert response.status_code == 200
    assert b"<script>" not in response.content


def test_csv_export_lists_every_filtered_row(editor_client, site_tree, library):
    add_resource(library, "Policy brief on BIDs")

    response = editor_client.get(REPORT, {"target_language": "es", "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "translation-status" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    brief = next(row for row in rows if row["Original"] == "Policy brief on BIDs")
    assert brief["Translation into"] == "es"
    assert brief["Status"] == "missing"
    assert {row["Translation into"] for row in rows} == {"es"}


def test_spanish_admin_shows_the_report_in_spanish(editor_client, editor, site_tree, library):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    add_resource(library, "Policy brief on BIDs")

    html = BeautifulSoup(editor_client.get(REPORT).content, "html.parser")

    assert "Estado de las traducciones" in html.select_one("h1").get_text()
    assert "Falta" in html.select_one("table.listing tbody").get_text()


def test_members_and_the_public_cannot_see_the_report(client, django_user_model, site_tree):
    assert client.get(REPORT).status_code == 302  # to the admin login
    member = django_user_model.objects.create_user("member", "member@example.org", "pw")
    client.force_login(member)
    assert client.get(REPORT).status_code in (302, 403)
