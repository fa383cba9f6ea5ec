"""Browser tests: Playwright driving Debian's Chromium (``apt-get install chromium``) against
pytest-django's live server.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium``. Without it the
browser tests are skipped, unless ``REQUIRE_BROWSER`` is set (CI sets it), when they fail.
The accessibility scan injects axe-core from ``node_modules/`` (``npm ci`` installs it from
package-lock.json) and is skipped or failed in the same way without it.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright
from wagtail.models import Locale

from calls import demo as calls_demo
from events import demo as events_demo
from home import demo as home_demo
from home.models import HomePage, StandardPage
from members import demo as members_demo
from network.models import Topic
from resources import demo as resources_demo
from resources.models import ResourceIndexPage
from tests.conftest import SiteTree, clear_caches
from tests.factories import add_resource

CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Long enough for a cold page of the admin on a small CI machine, short enough to fail fast.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)


def missing(what, how):
    """Skip, or fail when the environment says the browser tests must run (CI)."""
    message = f"{what} is missing: {how}"
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"REQUIRE_BROWSER is set but {message}", pytrace=False)
    pytest.skip(message)


def pytest_collection_modifyitems(config, items):
    """Without Chromium (and without REQUIRE_BROWSER), skip the browser tests before their
    fixtures build any content."""
    if CHROMIUM.exists() or os.environ.get("REQUIRE_BROWSER"):
        return
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install chromium")
    for item in items:
        if here in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        missing(str(CHROMIUM), "apt-get install chromium")
    # Playwright's sync API keeps an asyncio event loop running in the test's own thread for as
    # long as it is started. Django then takes the test code for async code: (1) it raises
    # SynchronousOnlyOperation on database access, although the code is synchronous, so allow
    # it for the browser tests only (set while this fixture lives, removed after); (2) it keeps
    # separate database connections for async code (asgiref's thread-critical Local becomes
    # context-local once a loop runs), so the test's queries would go through a new connection:
    # not the one the live server shares on SQLite, and without the data pytest-django restores
    # for serialized rollback. Put the thread's own connections into that storage too.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    thread_connections = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    try:
        for alias, connection in thread_connections.items():
            connections[alias] = connection
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(browser, live_server):
    """Make browser contexts (separate cookie jars) on the live server; closed after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(
            base_url=live_server.url, locale="en-GB", timezone_id="Europe/London", **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A tab with JavaScript, as most visitors have."""
    return new_context().new_page()


@pytest.fixture
def no_js_page(new_context):
    """A tab with JavaScript turned off: every page must work without it."""
    return new_context(java_script_enabled=False).new_page()


@pytest.fixture
def site_tree(transactional_db, django_db_serialized_rollback, live_server):
    """The demo page tree in both languages, as ``tests/conftest.py``'s ``site_tree`` (same
    builder), committed so that the live server's thread sees it.

    ``transactional_db`` empties every table after the test, including what the migrations
    created (Wagtail's root page, locales, the Moderators group); serialized rollback puts that
    back before each test, as the other tests find it. The cache (a database table that is no
    model, so not emptied) is cleared too: menus and rate limits must not leak between tests."""
    clear_caches()
    home_demo.build(log=lambda message: None)
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


@pytest.fixture
def axe_script():
    if not AXE_SCRIPT.exists():
        missing(str(AXE_SCRIPT), "run `npm ci` in the project folder")
    return AXE_SCRIPT


@pytest.fixture
def library(site_tree):
    """The English library and its Spanish translation, with resources of three types and two
    topics, made with the resource tests' own helper."""
    library_en = ResourceIndexPage(title="Resource library", slug="resources", show_in_menus=True)
    site_tree.home_en.add_child(instance=library_en)
    library_en.save_revision().publish()
    library_es = library_en.copy_for_translation(site_tree.spanish)
    library_es.title, library_es.slug = "Biblioteca", "biblioteca"
    library_es.save_revision().publish()
    bids = Topic.objects.create(
        name="Business improvement districts", slug="business-improvement-districts"
    )
    leadership = Topic.objects.create(name="City leadership", slug="city-leadership")
    add_resource(
        library_en,
        "Policy brief on business improvement districts",
        year=2019,
        resource_type="policy_brief",
        topics=[bids],
    )
    add_resource(
        library_en,
        "Concepción: regenerating the Biobío riverfront",
        year=2015,
        resource_type="report",
        topics=[leadership],
    )
    add_resource(
        library_en,
        "Placing Business Leadership",
        year=2021,
        resource_type="report",
        topics=[bids, leadership],
    )
    add_resource(
        library_en,
        "White paper for MINVU",
        year=2017,
        resource_type="white_paper",
        topics=[leadership],
    )
    return library_en


# (name, address) of a page of each main type in the demo content that ``demo_site`` builds.
DEMO_PAGES = [
    ("home, English", "/en/"),
    ("home, Spanish", "/es/"),
    ("standard page", "/en/about/"),
    ("accessibility statement, Spanish", "/es/accesibilidad/"),
    ("site map", "/en/site-map/"),
    ("library", "/en/resources/"),
    ("resource", "/en/resources/placing-business-leadership/"),
    ("events", "/en/events/"),
    ("event", "/en/events/webinar-measuring-impact/"),
    ("calls", "/en/calls/"),
    ("call", "/en/calls/secondments-uk-city-governments/"),
    ("member directory", "/en/members/"),
    ("member profile", "/en/members/helen-marsh/"),
    ("search results", "/en/search/?q=leadership"),
    ("sign-up", "/en/account/signup/"),
]


@pytest.fixture
def demo_pages():
    """``(name, address)`` of a page of each main type in what ``demo_site`` builds."""
    return list(DEMO_PAGES)


@pytest.fixture
def demo_site(site_tree):
    """The content of ``load_demo`` (the same builders), with the library cut to its first three
    resources: each one makes and reads a PDF, and these three use every part of the library
    and resource templates (documents, DOI, authors, places, related resources)."""
    resources_demo.build(log=lambda message: None, limit=3)
    for builder in (members_demo, events_demo, calls_demo):
        builder.build(log=lambda message: None)
    home_demo.feature_outputs(log=lambda message: None)  # the three resources above
    return site_tree
