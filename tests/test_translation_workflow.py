"""The translation workflow editors follow, through wagtail-localize's real admin views.

An editor submits an English page (or snippet) for translation, translates it (a PO file
downloaded and uploaded again, the string editor's API, or a machine translator), and a
moderator publishes the Spanish page. Later changes to the English page reach the Spanish one
when someone syncs it ("Update translations").

Who does what, as on the live site:

- ``editor_client``: a user in Wagtail's "Editors" group, which may edit pages and submit
  translations (wagtail-localize's migration grants it that permission) but not publish.
- ``moderator_client``: a user in Wagtail's "Moderators" group, which may also publish.
- ``admin_client`` (a superuser) only for snippets: neither group has permissions on the topic
  and place snippets.

wagtail-localize publishes a translation with ``transaction.on_commit``. Inside a test's
transaction that callback never runs, so the views that publish are called inside
``django_capture_on_commit_callbacks(execute=True)`` (see ``on_commit``).

No machine translation API is ever called: ``tests.translators.TestTranslator`` stands in for
DeepL, and the DeepL translator's request parameters are checked without sending them.
"""

import ast
import datetime
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlencode

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from calls.models import CallIndexPage
from events.models import EventIndexPage
from home import demo as home_demo
from home.models import StandardPage
from members.models import MemberIndexPage, MemberPage
from network.demo import load_demo_data
from network.machine_translation import BritishEnglishDeepLTranslator
from network.models import Place, Topic
from network.timezones import TimeZone
from resources.models import ResourceDocument, ResourceIndexPage
from tests.factories import (
    CallIndexPageFactory,
    EventIndexPageFactory,
    MemberIndexPageFactory,
    ResourceIndexPageFactory,
    add_call,
    add_event,
    add_resource,
    add_translation,
)
from tests.pdfs import make_document, pdf_bytes
from tests.translators import TestTranslator, machine_text

pytestmark = pytest.mark.django_db

TEST_TRANSLATOR = {"CLASS": "tests.translators.TestTranslator", "OPTIONS": {}}
PO_CONTENT_TYPE = "text/x-gettext-translation"


# --- People ------------------------------------------------------------------------------------


def user_in_group(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor_client(django_user_model):
    """Logged in as an editor: edits pages and submits translations, cannot publish."""
    client = Client()
    client.force_login(user_in_group(django_user_model, "translator", "Editors"))
    return client


@pytest.fixture
def moderator_client(django_user_model):
    """Logged in as a moderator, whom Wagtail's "Moderators" group lets publish."""
    client = Client()
    client.force_login(user_in_group(django_user_model, "moderator", "Moderators"))
    return client


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Runs what wagtail-localize defers to ``transaction.on_commit`` (publishing a
    translation) when the block ends, as the end of a real request's transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def machine_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TEST_TRANSLATOR


@pytest.fixture
def no_machine_translator(settings):
    """As in the test settings, and also when the shell running the tests has a DeepL key."""
    if hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR"):
        del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR


# --- The steps of the workflow -----------------------------------------------------------------


def translation_of(instance, locale):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def submit_page(client, page, locale):
    """Submit ``page`` for translation as the "Translate" button does; return the Translation."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:1000]
    return translation_of(page, locale)


def sync_translations(client, instance, *, publish):
    """Sync: "Update translations" on the source. Its current text becomes the text to
    translate, and synchronised fields are copied to every enabled translation (published if
    asked)."""
    source = TranslationSource.objects.get_for_instance(instance)
    data = {"publish_translations": "on"} if publish else {}
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = client.post(url, {**data, "next": reverse("wagtailadmin_home")})
    assert response.status_code == 302, response.content[:1000]
    return response


def download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == PO_CONTENT_TYPE
    assert response["Content-Disposition"].endswith("-es.po")
    return polib.pofile(response.content.decode())


def fill_po(po, catalogue):
    """Every current entry of ``po`` translated from ``catalogue`` (English -> Spanish)."""
    entries = [entry for entry in po if not entry.obsolete]
    missing = [entry.msgid for entry in entries if entry.msgid not in catalogue]
    assert not missing, f"no Spanish text in the test for: {missing}"
    for entry in entries:
        entry.msgstr = catalogue[entry.msgid]
    return po


def upload_po(client, translation, po):
    next_url = reverse("wagtailadmin_home")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": SimpleUploadedFile("es.po", str(po).encode(), PO_CONTENT_TYPE),
            "next": next_url,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == next_url
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def translate_with_po(client, translation, catalogue):
    """Download the PO file, translate every string, upload it again."""
    po = fill_po(download_po(client, translation), catalogue)
    messages = upload_po(client, translation, po)
    assert messages[-1] == "Successfully imported translations from PO File."


def publish_translation(client, target, on_commit):
    """The translation editor's "Publish" button: a POST to the target page's edit URL, which
    wagtail-localize answers by saving the translation and publishing it."""
    with on_commit():
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code == 302, response.content[:1000]
    return response


def missing_segments(translation):
    """Contexts (field paths) of the source's strings that have no translation yet."""
    return sorted(
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .values_list("context__path", flat=True)
    )


def string_translations(translation):
    """Every StringTranslation made for ``translation``'s object and language."""
    return StringTranslation.objects.filter(
        context__object_id=translation.source.object_id, locale=translation.target_locale
    )


def translated_strings(translation):
    """{field path: translated text} of the strings in the source's current version."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("context")
    translations = {
        (item.translation_of_id, item.context_id): item.data
        for item in StringTranslation.objects.filter(locale=translation.target_locale)
    }
    return {
        segment.context.path: translations.get((segment.string_id, segment.context_id))
        for segment in segments
    }


def page_text(client, url):
    """The public page as served to visitors, HTML entities decoded."""
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def editor_props(client, page):
    """The props wagtail-localize's translation editor (a React app) is given."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    return response, json.loads(editor["data-props"])


# --- Pages to translate ------------------------------------------------------------------------


@dataclass
class Case:
    """An English page (or snippet) and the Spanish text of every string it has to translate."""

    source: object
    spanish: dict


def listing_in_both_languages(site_tree, factory, spanish):
    """A listing page under each home page, the Spanish one published under its own title and
    slug, ``spanish``."""
    listing_en = factory(parent=site_tree.home_en)
    return listing_en, add_translation(listing_en, site_tree.spanish, *spanish)


def publish_new_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_home_page(site_tree):
    """The demo's home page, already translated by ``load_demo``: its hero heading is rewritten
    in English, so there is a new string to translate alongside the demo's."""
    home = site_tree.home_en
    home.hero_heading = "Cities led together: Chile and the United Kingdom"
    home.save_revision().publish()
    return Case(
        home,
        {
            **load_demo_data(home_demo.PAGES_FILE).catalogue,
            home.hero_heading: "Ciudades lideradas en conjunto: Chile y el Reino Unido",
        },
    )


def build_standard_page(site_tree):
    page = StandardPage(
        title="Smart urban governance",
        slug="smart-urban-governance",
        introduction="How cities in both countries use data to decide together.",
        body=[
            ("heading", {"text": "Lessons from Manchester", "level": "h2"}),
            (
                "paragraph",
                "<p>Greater Manchester publishes its data openly.</p>"
                "<p>Valparaíso tested <b>participatory budgets</b> in two districts.</p>",
            ),
            (
                "quote",
                {"quote": "Data alone does not lead a city.", "attribution": "A city official"},
            ),
        ],
    )
    publish_new_child(site_tree.home_en, page)
    return Case(
        page,
        {
            "Smart urban governance": "Gobernanza urbana inteligente",
            "smart-urban-governance": "gobernanza-urbana-inteligente",
            "How cities in both countries use data to decide together.": (
                "Cómo las ciudades de ambos países usan datos para decidir en conjunto."
            ),
            "Lessons from Manchester": "Lecciones de Mánchester",
            "Greater Manchester publishes its data openly.": (
                "El Gran Mánchester publica sus datos en abierto."
            ),
            "Valparaíso tested <b>participatory budgets</b> in two districts.": (
                "Valparaíso probó <b>presupuestos participativos</b> en dos barrios."
            ),
            "Data alone does not lead a city.": "Los datos por sí solos no lideran una ciudad.",
            "A city official": "Un funcionario municipal",
        },
    )


def build_listing(model, title, slug, introduction, spanish):
    def build(site_tree):
        page = model(title=title, slug=slug, introduction=introduction)
        publish_new_child(site_tree.home_en, page)
        return Case(page, dict(zip([title, slug, introduction], spanish, strict=True)))

    return build


build_resource_index_page = build_listing(
    ResourceIndexPage,
    "Resource library",
    "resources",
    "Reports, policy briefs and white papers from the programme.",
    ["Biblioteca", "biblioteca", "Informes, notas de política y libros blancos del programa."],
)
build_member_index_page = build_listing(
    MemberIndexPage,
    "Members",
    "members",
    "Researchers, officials and practitioners of the network.",
    ["Miembros", "miembros", "Investigadores, funcionarios y profesionales de la red."],
)
build_event_index_page = build_listing(
    EventIndexPage,
    "Events",
    "events",
    "Expert exchanges, workshops and webinars in Chile and the UK.",
    ["Eventos", "eventos", "Intercambios de expertos, talleres y seminarios web en Chile y el RU."],
)
build_call_index_page = build_listing(
    CallIndexPage,
    "Calls for collaboration",
    "calls",
    "Funding, secondments and exchange places open to the network.",
    ["Convocatorias", "convocatorias", "Financiamiento, pasantías y plazas de intercambio."],
)


def build_resource_page(site_tree):
    library_en, _ = listing_in_both_languages(
        site_tree, ResourceIndexPageFactory, ("Biblioteca", "biblioteca")
    )
    page = add_resource(
        library_en,
        "Policy brief on business improvement districts",
        resource_type="policy_brief",
        summary="What UK business improvement districts teach Chile's Barrios Comerciales.",
        authors=[("Ana", "Pérez", "University College London")],
        publisher="UCL City Leadership Initiative",
        body=[("paragraph", "<p>Districts are funded by a levy on local businesses.</p>")],
    )
    return Case(
        page,
        {
            "Policy brief on business improvement districts": (
                "Nota de política sobre distritos de mejoramiento comercial"
            ),
            page.slug: "nota-distritos-mejoramiento",
            "What UK business improvement districts teach Chile's Barrios Comerciales.": (
                "Lo que los distritos de mejoramiento comercial británicos enseñan a los Barrios "
                "Comerciales de Chile."
            ),
            "Districts are funded by a levy on local businesses.": (
                "Los distritos se financian con una contribución de los comercios locales."
            ),
        },
    )


def build_member_page(site_tree):
    directory_en, _ = listing_in_both_languages(
        site_tree, MemberIndexPageFactory, ("Miembros", "miembros")
    )
    page = MemberPage(
        title="Ana Pérez",
        slug="ana-perez",
        role="Economic development officer",
        organisation="Valparaíso City Council",
        sector="local-government",
        bio="Works with the Barrio Comercial of Valparaíso.",
    )
    publish_new_child(directory_en, page)
    return Case(
        page,
        {
            "Ana Pérez": "Ana Pérez",
            "ana-perez": "ana-perez",
            "Economic development officer": "Encargada de desarrollo económico",
            "Valparaíso City Council": "Municipalidad de Valparaíso",
            "Works with the Barrio Comercial of Valparaíso.": (
                "Trabaja con el Barrio Comercial de Valparaíso."
            ),
        },
    )


def build_event_page(site_tree):
    listing_en, _ = listing_in_both_languages(
        site_tree, EventIndexPageFactory, ("Eventos", "eventos")
    )
    page = add_event(
        listing_en,
        "Expert exchange in Valparaíso",
        datetime.datetime(2031, 6, 2, 9, 0),
        datetime.datetime(2031, 6, 3, 17, 0),
        venue="Old customs house",
        body=[("paragraph", "<p>Two days of visits to the city's commercial districts.</p>")],
    )
    return Case(
        page,
        {
            "Expert exchange in Valparaíso": "Intercambio de expertos en Valparaíso",
            page.slug: "intercambio-valparaiso",
            "About Expert exchange in Valparaíso.": "Sobre el intercambio de expertos.",
            "Old customs house": "Antigua aduana",
            "Two days of visits to the city's commercial districts.": (
                "Dos días de visitas a los barrios comerciales de la ciudad."
            ),
        },
    )


def build_call_page(site_tree):
    listing_en, _ = listing_in_both_languages(
        site_tree, CallIndexPageFactory, ("Convocatorias", "convocatorias")
    )
    page = add_call(
        listing_en,
        "Secondments to city halls",
        datetime.datetime(2031, 3, 3, 9, 0),
        datetime.datetime(2031, 4, 30, 17, 0),
        eligibility="Officials of Chilean municipalities.",
        offer_details="Three months in a British city hall.",
        partners="British Embassy in Santiago",
    )
    return Case(
        page,
        {
            "Secondments to city halls": "Pasantías en municipios",
            page.slug: "pasantias-municipios",
            "About Secondments to city halls.": "Sobre las pasantías en municipios.",
            "Officials of Chilean municipalities.": "Funcionarios de municipios chilenos.",
            "Three months in a British city hall.": "Tres meses en un municipio británico.",
            "British Embassy in Santiago": "Embajada Británica en Santiago",
        },
    )


# --- Machine translation -----------------------------------------------------------------------


def test_the_test_translator_prefixes_the_language_and_keeps_inline_markup():
    translator = TestTranslator({})
    english, spanish = Locale(language_code="en"), Locale(language_code="es")
    string = StringValue('Read the <a id="a1">brief</a>')

    assert translator.translate(english, spanish, [string]) == {
        string: StringValue('[es] Read the <a id="a1">brief</a>')
    }
    assert translator.can_translate(english, spanish)
    assert not translator.can_translate(spanish, Locale(language_code="es"))


def test_machine_translation_fills_every_segment_and_the_published_page(
    site_tree, editor_client, moderator_client, client, machine_translator, on_commit
):
    case = build_standard_page(site_tree)
    translation = submit_page(editor_client, case.source, site_tree.spanish)
    target = case.source.get_translation(site_tree.spanish)
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    _, props = editor_props(editor_client, target)
    assert props["machineTranslator"] == {
        "name": "Test translator",
        "url": reverse("wagtail_localize:machine_translate", args=[translation.pk]),
    }

    response = editor_client.post(props["machineTranslator"]["url"], {"next": edit_url})

    assert response.status_code == 302 and response["Location"] == edit_url
    assert missing_segments(translation) == []
    machine_made = string_translations(translation)
    assert {(item.translation_type, item.tool_name) for item in machine_made} == {
        ("machine", "Test translator")
    }
    publish_translation(moderator_client, target, on_commit)
    target.refresh_from_db()
    text = page_text(client, target.url)
    assert machine_text("Smart urban governance", "es") in text
    assert (
        machine_text("Valparaíso tested <b>participatory budgets</b> in two districts.", "es")
        in text
    )
    assert machine_text("Data alone does not lead a city.", "es") in text


def test_without_a_translator_the_editor_offers_no_machine_translation(
    site_tree, editor_client, no_machine_translator
):
    case = build_standard_page(site_tree)
    translation = submit_page(editor_client, case.source, site_tree.spanish)

    response, props = editor_props(editor_client, case.source.get_translation(site_tree.spanish))

    assert props["machineTranslator"] is None
    machine_url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert machine_url not in response.content.decode()
    assert "machine_translate" not in response.content.decode()


def test_machine_translate_without_a_translator_translates_nothing(
    site_tree, editor_client, no_machine_translator
):
    case = build_standard_page(site_tree)
    translation = submit_page(editor_client, case.source, site_tree.spanish)

    response = editor_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), follow=True
    )

    # The view answers 404, which Django's LocaleMiddleware redirects to the same path under
    # /en/ (the page tree's catch-all URL is in i18n_patterns): a 404 too, never a 500.
    assert response.status_code == 404
    assert not string_translations(translation).exists()


def configured_translator(settings_module, **environment):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as a fresh process loads it from ``settings_module``
    with the given environment variables, and no DEEPL_* variable of this shell."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DEEPL_")}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, SECRET_KEY="x", **environment)
    code = (
        "from django.conf import settings; "
        "print(repr(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip())


def test_production_has_no_machine_translator_without_a_deepl_key():
    assert configured_translator("network.settings.production", DEEPL_AUTH_KEY="") is None


def test_production_uses_deepl_in_british_english_with_a_key():
    config = configured_translator(
        "network.settings.production",
        DEEPL_AUTH_KEY="secret:fx",
        DEEPL_GLOSSARY_EN_ES="glossary-en-es",
    )

    assert config["CLASS"] == "network.machine_translation.BritishEnglishDeepLTranslator"
    assert config["OPTIONS"]["AUTH_KEY"] == "secret:fx"
    assert config["OPTIONS"]["FORMALITY"] == "prefer_more"
    # A glossary only for the pairs that have one.
    assert config["OPTIONS"]["GLOSSARY_IDS"] == {("EN", "ES"): "glossary-en-es"}


def test_only_local_development_falls_back_to_the_dummy_translator():
    dummy = "wagtail_localize.machine_translators.dummy.DummyTranslator"

    assert configured_translator("network.settings.dev", DEEPL_AUTH_KEY="")["CLASS"] == dummy
    assert configured_translator("network.settings.test", DEEPL_AUTH_KEY="") is None
    with_key = configured_translator("network.settings.dev", DEEPL_AUTH_KEY="secret")
    assert with_key["CLASS"] == "network.machine_translation.BritishEnglishDeepLTranslator"


def test_deepl_parameters_without_calling_deepl(monkeypatch):
    monkeypatch.setattr(
        "requests.post", lambda *args, **kwargs: pytest.fail("DeepL must not be called")
    )
    translator = BritishEnglishDeepLTranslator(
        {
            "AUTH_KEY": "secret",
            "FORMALITY": "prefer_more",
            "GLOSSARY_IDS": {("EN", "ES"): "glossary-en-es", ("ES", "EN"): "glossary-es-en"},
        }
    )
    english, spanish = Locale(language_code="en"), Locale(language_code="es")
    strings = [StringValue("City leadership")]

    into_spanish = translator.get_parameters(english, spanish, strings)
    into_english = translator.get_parameters(spanish, english, strings)

    assert into_spanish["source_lang"] == "EN"
    assert into_spanish["target_lang"] == "ES"
    assert into_spanish["glossary_id"] == "glossary-en-es"
    assert into_spanish["formality"] == "prefer_more"
    assert into_spanish["text"] == ["City leadership"]
    assert into_english["source_lang"] == "ES"
    assert into_english["target_lang"] == "EN-GB"
    assert into_english["glossary_id"] == "glossary-es-en"
    assert translator.can_translate(english, spanish)
    assert not translator.can_translate(english, english)


# --- PO files, for every page type -------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(build_home_page, id="HomePage"),
        pytest.param(build_standard_page, id="StandardPage"),
        pytest.param(build_resource_index_page, id="ResourceIndexPage"),
        pytest.param(build_resource_page, id="ResourcePage"),
        pytest.param(build_member_index_page, id="MemberIndexPage"),
        pytest.param(build_member_page, id="MemberPage"),
        pytest.param(build_event_index_page, id="EventIndexPage"),
        pytest.param(build_event_page, id="EventPage"),
        pytest.param(build_call_index_page, id="CallIndexPage"),
        pytest.param(build_call_page, id="CallPage"),
    ],
)
def test_po_file_round_trip_publishes_the_spanish_page(
    build, site_tree, editor_client, moderator_client, client, on_commit
):
    case = build(site_tree)
    already_translated = Translation.objects.filter(
        source__object_id=case.source.translation_key, target_locale=site_tree.spanish
    ).exists()
    if already_translated:
        # The demo's home page is translated already, so "Translate" no longer offers Spanish:
        # its editors sync the new English text into the existing translation instead.
        sync_translations(moderator_client, case.source, publish=False)
        translation = translation_of(case.source, site_tree.spanish)
    else:
        translation = submit_page(editor_client, case.source, site_tree.spanish)

    translate_with_po(editor_client, translation, case.spanish)

    assert missing_segments(translation) == []
    target = case.source.get_translation(site_tree.spanish)
    publish_translation(moderator_client, target, on_commit)
    target.refresh_from_db()
    assert target.live
    assert target.url.startswith("/es/")
    text = page_text(client, target.url)
    # Every translated string shows on the public page; the slug is the page's address.
    shown = translated_strings(translation)
    assert target.slug == shown.pop("slug")
    assert [path for path, spanish in shown.items() if spanish not in text] == []


def test_po_file_from_another_translation_is_refused(site_tree, editor_client):
    first = submit_page(editor_client, build_standard_page(site_tree).source, site_tree.spanish)
    other = submit_page(
        editor_client, build_resource_index_page(site_tree).source, site_tree.spanish
    )
    po = download_po(editor_client, other)
    for entry in po:
        entry.msgstr = "Texto"

    messages = upload_po(editor_client, first, po)

    assert messages[-1] == "Cannot import PO file that was created for a different translation."
    assert not string_translations(first).exists()
    assert not string_translations(other).exists()


def build_topic(site_tree):
    topic = Topic.objects.create(
        name="Smart urban governance",
        slug="smart-urban-governance",
        description="Using data and technology to govern cities with their citizens.",
    )
    return Case(
        topic,
        {
            "Smart urban governance": "Gobernanza urbana inteligente",
            "Using data and technology to govern cities with their citizens.": (
                "Usar datos y tecnología para gobernar las ciudades con sus habitantes."
            ),
        },
    )


def build_place(site_tree):
    chile = Place.objects.create(name="Chile", slug="chile", kind=Place.Kind.COUNTRY)
    chile.copy_for_translation(site_tree.spanish).save()
    place = Place.objects.create(
        name="Valparaiso Region", slug="valparaiso", kind=Place.Kind.REGION, country=chile
    )
    return Case(place, {"Valparaiso Region": "Región de Valparaíso"})


@pytest.mark.parametrize("build", [build_topic, build_place], ids=["Topic", "Place"])
def test_snippet_po_file_round_trip(build, site_tree, admin_client):
    """Through the admin as a superuser: the editor groups have no rights on these snippets."""
    case = build(site_tree)
    model = type(case.source)
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["network", model._meta.model_name, case.source.pk],
    )
    assert admin_client.post(submit_url, {"locales": [site_tree.spanish.pk]}).status_code == 302
    translation = translation_of(case.source, site_tree.spanish)

    translate_with_po(admin_client, translation, case.spanish)
    target = case.source.get_translation(site_tree.spanish)
    edit_url = reverse(f"wagtailsnippets_network_{model._meta.model_name}:edit", args=[target.pk])
    assert admin_client.post(edit_url, {"action": "publish"}).status_code == 302

    target.refresh_from_db()
    assert target.name == case.spanish[case.source.name]
    assert target.slug == case.source.slug  # synchronised: filter URLs work in both languages
    if isinstance(target, Place):
        assert target.kind == case.source.kind
        assert target.country.translation_key == case.source.country.translation_key


def test_english_profile_can_be_published_again_once_translated(
    site_tree, editor_client, on_commit
):
    """A moderator approving a member's later edit publishes the English profile again; once an
    editor has translated the profile, that publish must still work."""
    case = build_member_page(site_tree)
    # The Spanish directory showed an alias of the profile; translating it converts the alias.
    submit_page(editor_client, case.source, site_tree.spanish)
    assert case.source.get_translation(site_tree.spanish).alias_of_id is None

    case.source.organisation = "Valparaíso City Council, Chile"
    with on_commit():
        case.source.save_revision().publish()

    assert MemberPage.objects.filter(translation_key=case.source.translation_key).count() == 2


# --- Publishing --------------------------------------------------------------------------------


def translate_and_publish(case, site_tree, editor_client, moderator_client, on_commit):
    """The whole workflow for a new English page: submitted, translated, published."""
    translation = submit_page(editor_client, case.source, site_tree.spanish)
    translate_with_po(editor_client, translation, case.spanish)
    target = case.source.get_translation(site_tree.spanish)
    publish_translation(moderator_client, target, on_commit)
    return translation, type(case.source).objects.get(pk=target.pk)


def test_translated_page_stays_offline_until_a_moderator_publishes_it(
    site_tree, editor_client, moderator_client, client, on_commit
):
    case = build_standard_page(site_tree)
    translation = submit_page(editor_client, case.source, site_tree.spanish)
    target = case.source.get_translation(site_tree.spanish)
    translate_with_po(editor_client, translation, case.spanish)
    spanish_url = "/es/gobernanza-urbana-inteligente/"

    target.refresh_from_db()
    assert missing_segments(translation) == []
    assert not target.live
    assert client.get(target.url).status_code == 404
    assert client.get(spanish_url).status_code == 404
    # Editors translate; only someone who may publish puts the page online.
    with on_commit():
        refused = editor_client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    # Wagtail's admin turns the refusal into a redirect to the dashboard, with a message.
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    target.refresh_from_db()
    assert not target.live

    publish_translation(moderator_client, target, on_commit)

    assert "Gobernanza urbana inteligente" in page_text(client, spanish_url)


# --- Syncing from the English page -------------------------------------------------------------


@pytest.fixture
def vocabulary(site_tree):
    """Two topics and two cities, each in English and Spanish."""
    terms = {}
    for model, slug, english, spanish in [
        (Topic, "city-leadership", "City leadership", "Liderazgo urbano"),
        (Topic, "smart-governance", "Smart urban governance", "Gobernanza urbana inteligente"),
        (Place, "santiago", "Santiago", "Santiago de Chile"),
        (Place, "manchester", "Manchester", "Mánchester"),
    ]:
        term = model.objects.create(name=english, slug=slug)
        spanish_term = term.copy_for_translation(site_tree.spanish)
        spanish_term.name = spanish
        spanish_term.save()
        terms[slug] = term
    return terms


def live_version(page):
    """The page as visitors see it: its live revision, which must be its latest."""
    page = type(page).objects.get(pk=page.pk)
    assert page.live and page.live_revision_id == page.latest_revision_id
    return page.live_revision.as_object()


def slugs(terms):
    return {term.slug for term in terms.all()}


def test_sync_gives_the_spanish_event_the_new_dates_city_and_topics(
    site_tree, vocabulary, editor_client, moderator_client, client, on_commit
):
    case = build_event_page(site_tree)
    event = case.source
    event.city, event.topics = vocabulary["santiago"], [vocabulary["city-leadership"]]
    event.save_revision().publish()
    _, target = translate_and_publish(case, site_tree, editor_client, moderator_client, on_commit)

    event.time_zone = TimeZone.LONDON
    event.start_date, event.start_time = datetime.date(2031, 11, 18), datetime.time(9, 30)
    event.end_date, event.end_time = datetime.date(2031, 11, 19), datetime.time(17, 0)
    event.city, event.topics = vocabulary["manchester"], [vocabulary["smart-governance"]]
    event.save_revision().publish()
    with on_commit():
        sync_translations(moderator_client, event, publish=True)

    spanish = live_version(target)
    assert spanish.time_zone == TimeZone.LONDON
    assert (spanish.start_date, spanish.start_time) == (
        datetime.date(2031, 11, 18),
        event.start_time,
    )
    assert (spanish.end_date, spanish.end_time) == (event.end_date, event.end_time)
    assert spanish.starts_at == datetime.datetime(2031, 11, 18, 9, 30, tzinfo=datetime.UTC)
    assert spanish.city.translation_key == vocabulary["manchester"].translation_key
    assert slugs(spanish.topics) == {"smart-governance"}
    # The translated text stays.
    assert spanish.title == "Intercambio de expertos en Valparaíso"
    text = page_text(client, target.url)
    assert "Antigua aduana, Mánchester" in text
    assert "Gobernanza urbana inteligente" in text
    assert "Liderazgo urbano" not in text


def test_sync_gives_the_spanish_call_the_new_deadline_time_zone_and_topics(
    site_tree, vocabulary, editor_client, moderator_client, client, on_commit
):
    case = build_call_page(site_tree)
    call = case.source
    call.topics = [vocabulary["city-leadership"]]
    call.save_revision().publish()
    _, target = translate_and_publish(case, site_tree, editor_client, moderator_client, on_commit)

    call.deadline_date, call.time_zone = datetime.date(2031, 5, 31), TimeZone.LONDON
    call.topics = [vocabulary["smart-governance"]]
    call.save_revision().publish()
    with on_commit():
        sync_translations(moderator_client, call, publish=True)

    spanish = live_version(target)
    assert spanish.deadline_date == datetime.date(2031, 5, 31)
    assert spanish.time_zone == TimeZone.LONDON
    # 17:00 in London, British Summer Time.
    assert spanish.deadline_at == datetime.datetime(2031, 5, 31, 16, 0, tzinfo=datetime.UTC)
    assert slugs(spanish.topics) == {"smart-governance"}
    assert spanish.eligibility == "Funcionarios de municipios chilenos."
    text = page_text(client, target.url)
    assert "Tres meses en un municipio británico." in text
    assert "Gobernanza urbana inteligente" in text


def test_sync_gives_the_spanish_resource_the_new_date_type_documents_topics_and_places(
    site_tree, vocabulary, editor_client, moderator_client, client, on_commit
):
    case = build_resource_page(site_tree)
    resource = case.source
    resource.topics, resource.places = [vocabulary["city-leadership"]], [vocabulary["santiago"]]
    resource.save_revision().publish()
    _, target = translate_and_publish(case, site_tree, editor_client, moderator_client, on_commit)

    document = make_document("Full report", pdf_bytes("Levy rates in five districts."))
    ResourceDocument.objects.create(page=resource, document=document)
    resource.publication_date = datetime.date(2021, 9, 1)
    resource.resource_type = "report"
    resource.topics, resource.places = [vocabulary["smart-governance"]], [vocabulary["manchester"]]
    resource.save_revision().publish()
    with on_commit():
        sync_translations(moderator_client, resource, publish=True)

    spanish = live_version(target)
    assert spanish.publication_date == datetime.date(2021, 9, 1)
    assert spanish.resource_type == "report"
    assert [link.document_id for link in spanish.documents.all()] == [document.pk]
    assert slugs(spanish.topics) == {"smart-governance"}
    assert slugs(spanish.places) == {"manchester"}
    assert spanish.summary == case.spanish[resource.summary]
    text = page_text(client, target.url)
    assert "Full report" in text
    assert "Mánchester" in text
    assert "Nota de política sobre distritos de mejoramiento comercial" in text


# --- Syncing and the translators' work ---------------------------------------------------------


def translate_in_editor(client, translation, catalogue):
    """Type a translation for every string, as the translation editor's API receives them."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": catalogue[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 201, response.content


def test_sync_keeps_the_translation_of_unchanged_text(
    site_tree, editor_client, moderator_client, client, on_commit
):
    case = build_standard_page(site_tree)
    page = case.source
    translation = submit_page(editor_client, page, site_tree.spanish)
    translate_in_editor(editor_client, translation, case.spanish)
    target = page.get_translation(site_tree.spanish)
    publish_translation(moderator_client, target, on_commit)
    target.refresh_from_db()  # published under its Spanish slug
    before = translated_strings(translation)

    page.introduction = "How cities in both countries share data to decide together."
    page.save_revision().publish()
    with on_commit():
        sync_translations(moderator_client, page, publish=True)

    after = translated_strings(translation)
    assert after.pop("introduction") is None  # new English text, not translated yet
    assert after == {path: text for path, text in before.items() if path != "introduction"}
    assert {item.translation_type for item in string_translations(translation)} == {"manual"}
    text = page_text(client, target.url)
    assert "Valparaíso probó <b>presupuestos participativos</b> en dos barrios." in text
    assert "Los datos por sí solos no lideran una ciudad." in text
    # Until it is translated, the changed text shows in English.
    assert "How cities in both countries share data to decide together." in text
    assert "Cómo las ciudades de ambos países usan datos" not in text


def test_sync_leaves_alone_a_translation_stopped_for_manual_editing(
    site_tree, editor_client, moderator_client, client, on_commit
):
    """Editors stop a translation ("Stop synced translation") to edit the Spanish page freely.

    wagtail-localize issue #876: restarting the synced translation afterwards overwrites those
    manual edits with a fresh sync from English. Our site does not restart it; what must hold is
    that "Update translations" on the English page skips the stopped translation.
    """
    case = build_standard_page(site_tree)
    translation, target = translate_and_publish(
        case, site_tree, editor_client, moderator_client, on_commit
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    stopped = editor_client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": edit_url}
    )
    assert stopped.status_code == 302 and stopped["Location"] == edit_url
    translation.refresh_from_db()
    assert not translation.enabled
    # Wagtail's own page editor now, where the moderator rewrites the Spanish text.
    form = BeautifulSoup(moderator_client.get(edit_url).content, "html.parser")
    assert form.select_one(".js-translation-editor") is None
    manual = "Texto revisado a mano por el equipo en Santiago."
    edited = moderator_client.post(
        edit_url,
        nested_form_data(
            {
                "title": "Gobernanza urbana inteligente",
                "slug": target.slug,
                "introduction": manual,
                "body": streamfield([("paragraph", rich_text("<p>Párrafo reescrito.</p>"))]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert edited.status_code == 302, edited.content[:2000]

    page = case.source
    page.title = "Smart urban governance in practice"
    page.introduction = "How cities in both countries share data to decide together."
    page.save_revision().publish()
    with on_commit():
        sync_translations(moderator_client, page, publish=True)

    spanish = live_version(target)
    assert spanish.title == "Gobernanza urbana inteligente"
    assert spanish.introduction == manual
    text = page_text(client, target.url)
    assert manual in text and "Párrafo reescrito." in text
    assert "in practice" not in text and "share data" not in text


def test_an_editor_who_may_not_publish_cannot_publish_by_syncing(
    site_tree, editor_client, moderator_client, client, on_commit
):
    """wagtail-localize's sync offers "Publish immediately" to anyone who may translate."""
    case = build_standard_page(site_tree)
    translation, target = translate_and_publish(
        case, site_tree, editor_client, moderator_client, on_commit
    )
    published_at = target.last_published_at
    case.source.introduction = "A revised introduction."
    case.source.save_revision().publish()
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])

    assert "You may not publish every translation" in editor_client.get(url).content.decode()
    with on_commit():
        sync_translations(editor_client, case.source, publish=True)
    target.refresh_from_db()
    assert target.last_published_at == published_at

    with on_commit():
        sync_translations(moderator_client, case.source, publish=True)
    target.refresh_from_db()
    assert target.last_published_at > published_at
