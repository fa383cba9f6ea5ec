from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from network.models import Place, Topic
from network.search.service import breaker
from resources.models import ResourceDocument
from tests.content import CITED_TITLE
from tests.factories import (
    EventIndexPageFactory,
    MemberIndexPageFactory,
    ResourceIndexPageFactory,
    add_resource,
    add_translation,
)
from tests.pdfs import make_document, pdf_bytes
from tests.shared_content import SharedContent, build_site_tree, order_key, run_load_demo


def clear_caches():
    """Every cache: transactional tests empty the tables of models, not the cache tables, whose
    menus, sites and pages would describe the rows just deleted."""
    for alias in settings.CACHES:
        caches[alias].clear()


@dataclass
class SiteTree:
    home_en: HomePage
    home_es: HomePage
    about_en: StandardPage
    about_es: StandardPage
    spanish: Locale


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in the default language: a request to /es/ leaves Spanish active in the
    thread, and messages checked outside a request would be translated."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def search_engine_not_known_down():
    """A search engine that failed in one test is asked again in the next: the breaker
    (network/search/service.py) remembers failures per process, and tests change the engine."""
    breaker.reset()
    yield
    breaker.reset()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a throwaway folder, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path


def current_site_tree():
    spanish = Locale.objects.get(language_code="es")
    home_en = HomePage.objects.get(locale__language_code="en")
    about_en = StandardPage.objects.get(locale__language_code="en", slug="about")
    return SiteTree(
        home_en=home_en,
        home_es=home_en.get_translation(spanish).specific,
        about_en=about_en,
        about_es=about_en.get_translation(spanish).specific,
        spanish=spanish,
    )


_shared_content = None


@pytest.fixture(scope="session")
def shared_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """Torn down before the test database is (it depends on ``django_db_setup``)."""
    global _shared_content
    _shared_content = SharedContent(django_db_blocker, tmp_path_factory.mktemp("shared-media"))
    yield _shared_content
    if _shared_content.name is not None:
        _shared_content.close()
    _shared_content = None


@pytest.fixture(autouse=True)
def shared_content_from_the_first_database_test(request):
    """Content can be shared from the first test that uses the database on: without this, the
    first test to want the demo would build it for itself, and the next build it again."""
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        request.getfixturevalue("shared_content")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Tests that share content run one after another, so it is built as few times as possible;
    pytest-django then (after this) orders tests by how they use the database, keeping this
    order within each kind: so all of them before any test that commits and empties the
    tables."""
    items.sort(key=order_key)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Before a test's fixtures are set up (the previous test's are torn down, its transaction
    rolled back), the shared content it wants is opened, and any other closed. Until a test has
    asked for shared content (and so for the test database), there is nothing to share."""
    refuse_if_ungrouped(item)
    if _shared_content is not None:
        _shared_content.switch_for(item)
    return (yield)


def refuse_if_ungrouped(item):
    """On a pytest-xdist worker with ``--dist loadgroup``, a test marked ``xdist_group`` carries
    its group in its node ID, which is how the controller keeps a group on one worker. With a
    pytest on which that stops working (pytest-xdist issue #1386, pytest 9.2) each group is
    spread over the workers, and each builds what the group shares: such a test fails, saying
    why, rather than the run silently taking twice as long."""
    if (
        item.config.getoption("loadgroup", default=False)
        and item.get_closest_marker("xdist_group")
        and "@" not in item.nodeid.rpartition("]")[2]
    ):
        pytest.fail(
            "pytest-xdist did not put this test in its xdist_group: this pytest and this "
            "pytest-xdist do not work together (see the pin in pyproject.toml)",
            pytrace=False,
        )


@pytest.fixture
def site_tree(request, shared_content, db):
    """The demo page tree in both languages, built by the same code as ``load_demo``: shared
    with the tests around this one when it can be (tests/shared_content.py), else built for
    it."""
    if not shared_content.serves(request.node):
        build_site_tree()
    return current_site_tree()


@pytest.fixture
def loaded_demo(request, shared_content, db, settings):
    """The whole demo, as ``load_demo`` builds it, and what it printed: shared with the tests
    around this one when it can be, else built for it."""
    if not shared_content.serves(request.node):
        return run_load_demo()
    settings.MEDIA_ROOT = shared_content.media_root
    return shared_content.value


@pytest.fixture
def english_only_page(site_tree):
    """A published English page that nobody has translated yet."""
    page = StandardPage(title="Expert exchange notes", slug="exchange-notes", show_in_menus=True)
    site_tree.home_en.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def directories(site_tree):
    """The member directory in English and Spanish, both published."""
    directory_en = MemberIndexPageFactory(parent=site_tree.home_en)
    return directory_en, add_translation(directory_en, site_tree.spanish, "Miembros", "miembros")


@pytest.fixture
def event_listings(site_tree):
    """The event listing in English and Spanish, both published."""
    listing_en = EventIndexPageFactory(parent=site_tree.home_en)
    return listing_en, add_translation(listing_en, site_tree.spanish, "Eventos", "eventos")


@pytest.fixture
def terms(site_tree):
    """Two topics and two places, each in English and Spanish."""
    created = {}
    for model, slug, english, spanish, extra in [
        (
            Topic,
            "business-improvement-districts",
            "Business improvement districts",
            "Distritos de mejoramiento comercial",
            {},
        ),
        (Topic, "city-leadership", "City leadership", "Liderazgo urbano", {}),
        (Place, "santiago", "Santiago", "Santiago", {"kind": Place.Kind.CITY}),
        (Place, "manchester", "Manchester", "Mánchester", {"kind": Place.Kind.CITY}),
    ]:
        term = model.objects.create(name=english, slug=slug, **extra)
        translation = term.copy_for_translation(site_tree.spanish)
        translation.name = spanish
        translation.save()
        created[slug] = term
    return created


@pytest.fixture
def library(site_tree, terms):
    """An English and a Spanish library with a few resources each."""
    library_en = ResourceIndexPageFactory(parent=site_tree.home_en, show_untranslated=False)
    library_es = add_translation(library_en, site_tree.spanish, "Biblioteca", "biblioteca")

    bids, leadership = terms["business-improvement-districts"], terms["city-leadership"]
    santiago, manchester = terms["santiago"], terms["manchester"]
    add_resource(
        library_en,
        "Policy brief on BIDs",
        year=2019,
        resource_type="policy_brief",
        topics=[bids],
        places=[manchester],
    )
    add_resource(
        library_en,
        "Placing Business Leadership",
        year=2021,
        resource_type="report",
        topics=[bids, leadership],
        places=[santiago],
        language="es",
    )
    add_resource(
        library_en,
        "White paper for MINVU",
        year=2017,
        resource_type="white_paper",
        topics=[leadership],
        places=[santiago],
    )
    add_resource(library_en, "Unpublished draft", year=2022, publish=False)
    add_resource(library_es, "Informe sólo en español", year=2018, topics=[bids])
    return library_en, library_es


@pytest.fixture
def cited_report(library, terms):
    """A report with all that citations and harvesters read: a person with both surnames and an
    ORCID iD, another person and an organisation as authors; the publisher and its place, a
    report number, ISBN, licence, DOI, a topic and a PDF ("Full report")."""
    report = add_resource(
        library[0],
        CITED_TITLE,
        year=2019,
        resource_type="report",
        publisher="UCL City Leadership Initiative",
        publisher_place="London",
        report_number="CLI-3",
        isbn="978-3-16-148410-0",
        licence="CC-BY-4.0",
        doi="10.5281/zenodo.1234567",
        topics=[terms["city-leadership"]],
        authors=[
            {
                "given_names": "Tomás",
                "family_names": "Riquelme Soto",
                "orcid": "0000-0002-1825-0097",
                "affiliation": "UCL",
            },
            ("Tom", "O'Neill", ""),
            {"organisation": "Business & Cities Ltd"},
        ],
        summary="What Chile's Barrios Comerciales teach about business-led places.",
    )
    document = make_document("Full report", pdf_bytes("Text."))
    ResourceDocument.objects.create(page=report, document=document)
    report.save_revision().publish()
    return report


@pytest.fixture
def editor(django_user_model):
    """A user in Wagtail's Editors group, with the permissions the site's migrations give it."""
    user = django_user_model.objects.create_user("editora", "editora@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
