"""``load_demo`` builds the resource library in both languages, with searchable PDFs, once."""

import json
from pathlib import Path

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Locale

from network.demo import Catalogue, MissingDemoTranslation, ensure_snippet_translation
from network.models import Place, Topic
from resources.choices import ResourceType
from resources.models import ResourceIndexPage, ResourcePage
from tests.shared_content import run_load_demo

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# The word of each PDF that is nowhere in its resource's page (resources/demo_data/resources.yaml).
PDF_ONLY_WORDS = {
    "national-strategy-smarter-city-leadership": "subsidiarity",
    "business-improvement-districts-policy-brief": "ratepayers",
    "placing-business-leadership": "almacenes",
    "organising-traders-central-temuco": "feriantes",
    "heritage-and-trade-valparaiso": "ascensores",
    "smart-governance-indicators-chilean-cities": "codebook",
    "devolution-greater-manchester-june-exchange": "Mancunian",
    "business-led-partnerships-london-november-exchange": "wayfinding",
    "voices-from-the-barrios-comerciales": "sopaipillas",
    "biobio-riverfront-concepcion": "terremoto",
    "city-leadership-future-of-cities": "megatrends",
    "digital-tools-small-traders": "contactless",
    "bristol-high-street-recovery": "Footfall",
    "barrios-comerciales-six-years-on": "gremios",
}


def resources(language_code):
    return ResourcePage.objects.filter(locale__language_code=language_code)


def page_text(page):
    body = json.dumps(list(page.body.raw_data), ensure_ascii=False)
    return " ".join([page.title, page.summary, body]).casefold()


def test_load_demo_builds_the_library_in_english_and_spanish(loaded_demo):
    library = ResourceIndexPage.objects.get(locale__language_code="es")
    assert (library.title, library.slug, library.live) == (
        "Biblioteca de recursos",
        "recursos",
        True,
    )
    english, spanish = resources("en").live(), resources("es").live()
    assert english.count() >= 14
    assert spanish.child_of(library).count() == english.count()
    assert set(spanish.values_list("resource_type", flat=True)) == set(ResourceType.values)
    assert set(english.values_list("original_language", flat=True)) == {"en", "es"}
    years = set(english.values_list("publication_date__year", flat=True))
    assert min(years) <= 2015 and max(years) >= 2024
    # The translation shares its source's authors, terms and documents.
    report = english.get(slug="placing-business-leadership")
    informe = report.get_translation(library.locale).specific
    assert informe.slug == "situar-el-liderazgo-empresarial"
    assert len(informe.author_names()) >= 3
    assert informe.author_names() == report.author_names()
    assert set(informe.topics.all()) == set(report.topics.all())
    assert informe.document_text() == report.document_text() != ""


def test_topics_and_places_exist_in_both_languages_with_the_same_slugs(loaded_demo):

    for model in (Topic, Place):
        slugs = {
            code: set(
                model.objects.filter(locale__language_code=code).values_list("slug", flat=True)
            )
            for code in ("en", "es")
        }
        assert slugs["en"]
        assert slugs["en"] == slugs["es"]
    assert (
        Topic.objects.get(locale__language_code="es", slug="devolution").name == "Descentralización"
    )
    london = Place.objects.get(locale__language_code="es", slug="london")
    assert (london.name, london.country.name) == ("Londres", "Reino Unido")


def test_each_pdf_only_word_is_in_its_document_and_on_no_page(loaded_demo):

    all_page_text = " ".join(page_text(page) for page in ResourcePage.objects.all())
    assert len(PDF_ONLY_WORDS) >= 10
    for slug, word in PDF_ONLY_WORDS.items():
        resource = resources("en").get(slug=slug)
        assert word.casefold() in resource.document_text().casefold(), slug
        assert word.casefold() not in all_page_text, slug


def test_a_second_run_adds_no_terms_or_documents(loaded_demo, settings):
    Document = get_document_model()

    def state():
        return (
            Topic.objects.count(),
            Place.objects.count(),
            sorted(Document.objects.values_list("id", "file")),
            sorted(path.name for path in (Path(settings.MEDIA_ROOT) / "documents").iterdir()),
        )

    before = state()

    second = run_load_demo()

    assert state() == before
    log = [line for line in second.splitlines() if line.startswith("  ")]
    assert "Resource library" in second
    assert log
    assert all(line.startswith("  exists: ") for line in log)


def test_a_snippet_is_translated_once_and_only_completely():
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    topic = Topic.objects.create(name="Devolution", slug="devolution")

    with pytest.raises(MissingDemoTranslation, match="Devolution"):
        ensure_snippet_translation(topic, spanish, Catalogue({}, "a test"))
    assert not Topic.objects.filter(locale=spanish).exists()

    translated, created = ensure_snippet_translation(
        topic, spanish, Catalogue({"Devolution": "Descentralización"}, "a test")
    )
    again, created_again = ensure_snippet_translation(topic, spanish, Catalogue({}, "a test"))

    assert (translated.name, translated.slug, created) == ("Descentralización", "devolution", True)
    assert (again, created_again) == (translated, False)


def test_every_demo_resource_has_a_summary_topics_and_places_and_several_have_pdfs(
    loaded_demo,
):

    library = resources("en").live()
    for resource in library.prefetch_related("topics", "places", "documents"):
        assert resource.summary and resource.topics.all() and resource.places.all(), resource
    assert library.filter(documents__isnull=False).distinct().count() >= 3
