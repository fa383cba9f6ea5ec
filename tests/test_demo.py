"""``load_demo`` builds the bilingual site once; running it again changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def run_load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def site_state():
    return {
        "pages": sorted(Page.objects.values_list("id", "title", "live", "locale__language_code")),
        "revisions": Revision.objects.count(),
        "users": list(get_user_model().objects.values_list("username", "password")),
        "site_root": Site.objects.get(is_default_site=True).root_page_id,
    }


def test_load_demo_builds_both_languages(client):
    output = run_load_demo()

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "en"
    spanish_titles = set(
        StandardPage.objects.filter(locale__language_code="es", live=True).values_list(
            "title", flat=True
        )
    )
    assert spanish_titles == {"Sobre el programa", "Socios"}
    assert "created: page “About the programme”" in output
    assert "translated: es “Sobre el programa”" in output
    assert client.get("/es/socios/").status_code == 200
    # Wagtail's placeholder page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_load_demo_prints_the_admin_password_once_and_is_idempotent():
    first = run_load_demo()
    state = site_state()

    second = run_load_demo()

    assert "password:" in first
    assert "password:" not in second
    assert "exists; password unchanged" in second
    assert site_state() == state
    password = first.split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_load_demo_creates_no_admin_outside_dev_settings(settings):
    settings.DEMO_ADMIN_ALLOWED = False

    output = run_load_demo()

    assert "skipped" in output
    assert not get_user_model().objects.exists()
