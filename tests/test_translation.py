"""Translating a page with wagtail-localize: a Spanish page is a draft until it is translated
and published."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import Translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    return client


def submit_for_translation(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:500]
    return page.get_translation(locale).specific


def test_untranslated_spanish_page_is_not_live(editor_client, site_tree, english_only_page):
    spanish_page = submit_for_translation(editor_client, english_only_page, site_tree.spanish)

    assert spanish_page.live is False
    assert spanish_page.title == english_only_page.title  # still the English text
    assert editor_client.get(f"/es/{spanish_page.slug}/").status_code == 404
    # The Spanish menu and the switcher do not offer the draft.
    html = BeautifulSoup(editor_client.get("/es/").content, "html.parser")
    assert english_only_page.title not in html.select_one("nav.site-nav").get_text()
    html = BeautifulSoup(editor_client.get("/en/exchange-notes/").content, "html.parser")
    assert html.select_one('nav.language-switcher a[lang="es"]')["href"] == "http://testserver/es/"


def test_translated_page_goes_live_when_the_editor_publishes_it(
    editor_client, site_tree, english_only_page
):
    spanish_page = submit_for_translation(editor_client, english_only_page, site_tree.spanish)
    translation = Translation.objects.get(
        source__object_id=english_only_page.translation_key, target_locale=site_tree.spanish
    )
    po = translation.source.export_po()
    spanish = {"Expert exchange notes": "Notas del intercambio de expertos"}
    for entry in po:
        entry.msgstr = spanish.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=False)
    spanish_page.refresh_from_db()
    assert spanish_page.live is False

    spanish_page.get_latest_revision().publish()

    response = editor_client.get(f"/es/{spanish_page.slug}/")
    assert response.status_code == 200
    assert "Notas del intercambio de expertos" in response.content.decode()
