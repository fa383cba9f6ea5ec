"""``load_demo`` builds the bilingual site once; running it again changes nothing."""

import io

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site

from calls.choices import CallStatus
from calls.models import CallPage
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
    assert spanish_titles == {"Sobre el programa", "Socios"}
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


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_every_demo_event_has_speakers_a_programme_and_registration(client):
    run_load_demo()

    events = EventPage.objects.live().select_related("locale")
    assert events.filter(locale__language_code="en").count() == 3
    assert events.filter(locale__language_code="es").count() == 3
    for event in events:
        assert 2 <= event.speakers.count() <= 4, event
        assert [block.block_type for block in event.body].count("paragraph") >= 1, event
        assert event.registration_url.startswith("https://example.org/register/"), event
        assert event.topics.exists(), event
    english = events.filter(locale__language_code="en")
    assert set(english.values_list("event_format", flat=True)) == {"online", "hybrid"}
    assert english.filter(ends_at__lt=timezone.now()).count() == 1
    (webinar,) = english.exclude(registration_deadline_date=None)
    assert timezone.now() < webinar.registration_deadline() < webinar.starts_at

    seminario = webinar.get_translation(Locale.objects.get(language_code="es"))
    html = page_html(client, seminario.url)
    speakers = html.find(id="event-speakers-heading").find_parent("section")
    assert "Expositores" in speakers.get_text()
    # A speaker who is a demo member links to her profile in the visitor's language.
    assert speakers.find("a", string="Paula Sepúlveda Ortiz")["href"] == (
        "/es/miembros/paula-sepulveda-ortiz/"
    )
    assert "Sobre el seminario web" in html.main.get_text()
    assert "Luego habrá preguntas del público." in html.main.get_text()
    registration = html.find(id="event-registration-heading").find_parent("section")
    link = registration.find("a", string="Inscribirse")
    assert link["href"] == "https://example.org/register/webinar-measuring-impact"
    assert "Inscríbase antes del" in registration.get_text()


def test_the_demo_calls_show_every_status(client):
    run_load_demo()

    calls = CallPage.objects.live().filter(locale__language_code="en")
    assert sorted(call.status() for call in calls) == sorted(CallStatus)
    for call in calls:
        assert call.offer_details and call.topics.exists(), call
    listing = page_html(client, "/es/convocatorias/")
    badges = {badge.get_text() for badge in listing.select(".call-list .badge")}
    assert {"Abierta", "Cierra pronto", "Próxima", "Cerrada"} <= badges
