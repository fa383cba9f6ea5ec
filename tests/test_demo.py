"""``load_demo`` builds the bilingual site once; running it again changes nothing."""

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import CommandError
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site

from calls.choices import CallStatus
from calls.models import CallPage
from events.models import EventPage
from home import demo as home_demo
from home.models import HomePage, StandardPage
from members import demo as members_demo
from members.models import MemberIndexPage, MemberPage
from tests.shared_content import run_load_demo

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def site_state():
    return {
        "pages": sorted(Page.objects.values_list("id", "title", "live", "locale__language_code")),
        "revisions": Revision.objects.count(),
        "users": list(get_user_model().objects.values_list("username", "password")),
        "site": Site.objects.filter(is_default_site=True).values_list(
            "root_page_id", "hostname", "port"
        )[0],
    }


def test_load_demo_builds_both_languages(client, loaded_demo):
    output = loaded_demo

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


def test_load_demo_prints_the_admin_password_once_and_is_idempotent(loaded_demo):
    first = loaded_demo
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


def test_in_development_the_site_follows_the_served_address(settings, loaded_demo):
    """As with `make run PORT=8123` over a demo loaded before: dev settings derive
    WAGTAILADMIN_BASE_URL from the address (tests/test_settings.py) and ask load_demo to move
    the site there."""
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


def test_every_demo_event_has_speakers_a_programme_and_registration(client, loaded_demo):
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


def test_the_demo_calls_show_every_status(client, loaded_demo):
    calls = CallPage.objects.live().filter(locale__language_code="en")
    assert sorted(call.status() for call in calls) == sorted(CallStatus)
    for call in calls:
        assert call.offer_details and call.topics.exists(), call
    listing = page_html(client, "/es/convocatorias/")
    badges = {badge.get_text() for badge in listing.select(".call-list .badge")}
    assert {"Abierta", "Cierra pronto", "Próxima", "Cerrada"} <= badges


def test_the_demo_home_page_features_the_programme_outputs(client, loaded_demo):
    for url, titles, description in [
        (
            "/en/",
            [
                "Placing Business Leadership: insights from Chile's Barrios Comerciales",
                "Business improvement districts: UK practice and international examples",
                "Towards a national strategy for smarter city leadership and governance",
            ],
            "UK practice and international examples of business improvement districts, "
            "condensed for SERCOTEC.",
        ),
        (
            "/es/",
            [
                "Situar el liderazgo empresarial: aprendizajes de los Barrios Comerciales de Chile",
                "Distritos de mejoramiento comercial: práctica británica y ejemplos "
                "internacionales",
                "Hacia una estrategia nacional para un liderazgo y una gobernanza urbana más "
                "inteligentes",
            ],
            "La práctica británica y ejemplos internacionales de distritos de mejoramiento "
            "comercial, resumidos para SERCOTEC.",
        ),
    ]:
        highlights = page_html(client, url).find(id="featured-heading").find_parent("section")
        cards = highlights.select(".card")
        assert [card.select_one(".card__title").get_text(strip=True) for card in cards] == titles
        assert all(card.select_one(".card__text").get_text(strip=True) for card in cards)
        assert description in highlights.get_text()


def make_it_the_older_demo():
    """Turn the demo into what ``load_demo`` built before issue 17's review, in both languages:
    the About and Partners pages featured on the home page, events without speakers, programme
    or registration, two calls without details, and four placeholder member profiles."""
    for home in HomePage.objects.all():
        home.featured = [
            ("featured_page", {"page": page, "description": ""})
            for page in StandardPage.objects.filter(
                locale__language_code="en", slug__in=["about", "partners"]
            ).order_by("pk")
        ]
        home.save_revision().publish()
    for event in EventPage.objects.all():
        event.body, event.speakers, event.topics, event.city = [], [], [], None
        event.registration_url, event.registration_deadline_date = "", None
        if event.event_format == "hybrid":
            event.online_url = ""
        event.save_revision().publish()
    new_calls = ["places-expert-exchange-municipal-teams", "pilot-grants-barrios-comerciales"]
    for call in CallPage.objects.filter(slug__in=new_calls):
        for page in call.get_translations(inclusive=True):
            page.delete()
    for call in CallPage.objects.all():
        call.offer_details, call.topics = "", []
        call.save_revision().publish()
    for profile in MemberPage.objects.order_by("-alias_of"):
        profile.delete()
    for slug, title in members_demo.OLD_PROFILES.items():
        language = (
            "en" if slug in ("example-member-researcher", "example-member-bid-manager") else "es"
        )
        page = MemberPage(
            slug=slug,
            title=title,
            role="(fictional profile)",
            organisation="Example",
            sector="academia",
        )
        MemberIndexPage.objects.get(locale__language_code=language).add_child(instance=page)
        page.save_revision().publish()  # which gives it an alias in the other language


def demo_pages():
    return sorted(Page.objects.values_list("title", "slug", "locale__language_code", "live"))


def test_a_site_with_the_older_demo_is_brought_up_to_date_without_duplicates(client, loaded_demo):
    current = demo_pages()
    make_it_the_older_demo()
    assert MemberPage.objects.filter(alias_of__isnull=False).count() == 4

    output = run_load_demo()

    assert "updated: featured content, the programme's outputs" in output
    assert "removed: older demo profile “Example Member — Urban governance researcher” (es)" in (
        output
    )
    assert demo_pages() == current
    assert not MemberPage.objects.filter(title__startswith="Example Member").exists()
    for event in EventPage.objects.all():
        assert event.speakers.exists() and event.body and event.registration_url, event
    intercambio = EventPage.objects.filter(locale__language_code="es", event_format="hybrid")[0]
    assert "Sobre el intercambio" in page_html(client, intercambio.url).main.get_text()
    for call in CallPage.objects.all():
        assert call.offer_details and call.topics.exists(), call
    for url in ("/en/", "/es/"):
        highlights = page_html(client, url).find(id="featured-heading").find_parent("section")
        assert len(highlights.select(".card__text")) == 3, url

    state = site_state()
    run_load_demo()
    assert site_state() == state


def test_the_home_page_keeps_what_an_editor_featured(loaded_demo):
    """Only the older demo's exact choice gives way to the programme's outputs."""
    home = HomePage.objects.get(locale__language_code="en")
    about = StandardPage.objects.get(locale=home.locale, slug="about")
    home.featured = [("featured_page", {"page": about, "description": "Read this."})]
    home.save_revision().publish()

    output = run_load_demo()

    assert "exists: featured content" in output
    home.refresh_from_db()
    assert [block.value["description"] for block in home.featured] == ["Read this."]


@pytest.mark.parametrize(
    ("text", "bad_text", "message"),
    [
        pytest.param(
            "en: Why this programme\n          es: Por qué este programa\n",
            "en: Why this programme\n",
            "pages › “about” › body › item 1 › heading: “Why this programme” "
            "has no Spanish text (es)",
            id="a pair without its Spanish",
        ),
        pytest.param(
            "hero_heading:\n    en: Chile and the UK, learning together how cities are led\n"
            "    es: Chile y el Reino Unido aprenden juntos cómo se lideran las ciudades\n",
            "hero_heading: Chile and the UK, learning together how cities are led\n",
            "no es text for these strings of “Chile–UK City Leadership Network”: "
            "['Chile and the UK, learning together how cities are led']",
            id="a text that is no pair",
        ),
        pytest.param("home:\n", "home: [\n", "is not valid YAML", id="malformed YAML"),
    ],
)
def test_a_bad_data_file_stops_load_demo_with_its_name_and_the_item(
    text, bad_text, message, tmp_path, monkeypatch
):
    """Before anything is built or translated, or with nothing left of what was."""
    pages = home_demo.PAGES_FILE.read_text(encoding="utf-8")
    assert pages.count(text) == 1
    bad = tmp_path / "pages.yaml"
    bad.write_text(pages.replace(text, bad_text), encoding="utf-8")
    monkeypatch.setattr(home_demo, "PAGES_FILE", bad)

    with pytest.raises(CommandError) as error:
        run_load_demo()

    assert str(error.value).startswith(str(bad))
    assert message in str(error.value)
    assert not HomePage.objects.exists()
