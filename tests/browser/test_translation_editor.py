"""wagtail-localize's translation editor, a React app, in a real browser for an editor whose admin
language is Spanish: its heading (static/js/translation-editor-title.js) and the buttons whose
Spanish lost a space ("Publicar enEspañol") as the site's catalogue corrects them."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.slow

PASSWORD = "a-long-password-1"


@pytest.fixture
def administradora(site_tree):
    user = get_user_model().objects.create_superuser(
        "administradora", "administradora@example.org", PASSWORD
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    return user


def test_the_translation_editor_speaks_spanish(site_tree, administradora, page, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(administradora.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")

    page.goto(f"/admin/pages/{site_tree.about_es.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    expect(editor.get_by_role("heading", name="Traducción: Inglés → Español")).to_be_visible()
    expect(editor).not_to_contain_text("Inglés to Español translation")
    expect(editor.get_by_role("button", name="Traducir con Traductor ficticio")).to_be_visible()
    expect(page.get_by_role("button", name="Publicar en Español")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Publicar enEspañol")
