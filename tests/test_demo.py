"""``load_demo`` builds the bilingual site once; running it again changes nothing."""

import io

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Revision, Site

from events.models import EventPage
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
        "site": Site.objects.filter(is_default_site=True).values_list(
            "root_page_id", "hostname", "port"
        )[0],
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
    assert spanish_titles == {"Sobre el programa", "Socios", "Declaración de accesibilidad"}
    assert "created: page “About the programme”" in output
    assert "translated: es “Sobre el programa”" in output
    assert client.get("/es/socios/").status_code == 200
    # Outside development settings, the site's address is the operator's: left as it was.
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
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
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(password)
    # Named, as Wagtail's user forms require of editors (tests/test_admin.py: TestAccountPage).
    assert admin.get_full_name() == "Demo Administrator"


def test_load_demo_creates_no_admin_outside_dev_settings(settings):
    settings.DEMO_ADMIN_ALLOWED = False

    output = run_load_demo()

    assert "skipped" in output
    assert not get_user_model().objects.exists()


def test_in_development_the_site_follows_the_served_address(settings):
    """As with `make run PORT=8123`: dev settings derive WAGTAILADMIN_BASE_URL from the address
    (tests/test_settings.py) and ask load_demo to move the site there."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    settings.DEMO_SITE_FOLLOWS_ADMIN_BASE_URL = True

    first = run_load_demo()

    assert "updated: site address http://127.0.0.1:8123" in first
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    # Links built from the site without a request, as in e-mails.
    assert site.root_page.full_url == "http://127.0.0.1:8123/en/"
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    response = Client(HTTP_HOST="127.0.0.1:8123").get(event.url + "ics/")
    (entry,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["url"]) == f"http://127.0.0.1:8123{event.url}"

    state = site_state()
    second = run_load_demo()
    assert "exists: site address http://127.0.0.1:8123" in second
    assert site_state() == state
