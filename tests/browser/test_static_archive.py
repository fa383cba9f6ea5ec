"""The static archive's search (``build_archive``, Pagefind) in a real browser: the archive of
the demo site served by a plain static file server from a folder of the host, searched in each
language with words typed without their accents. The archive is made as in
``tests/test_static_archive.py`` (``tests/static_archives.py``: ``manage.py`` in
subprocesses)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import blocking_violations, describe
from tests.browser.conftest import TIMEOUT_MS
from tests.static_archives import shared_demo_archive, static_server

# With tests/test_static_archive.py, on one worker: it builds the archive once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("demo_archive")]

VALPARAISO = "Heritage and trade on the hills of Valparaíso"


@pytest.fixture(scope="module")
def archive_url(tmp_path_factory):
    built = shared_demo_archive(tmp_path_factory)
    with static_server(built.folder.parent) as url:
        yield url + "network/"


def archive_page(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def test_an_english_search_typed_without_accents_finds_the_resource(browser, archive_url):
    page = archive_page(browser, locale="en-GB")
    page.goto(archive_url + "en/search/")
    expect(page.get_by_text("Searching the archive needs JavaScript")).to_have_count(0)
    page.locator(".pagefind-ui__search-input").press_sequentially("valparaiso")

    result = page.get_by_role("link", name=VALPARAISO)
    expect(result).to_be_visible()
    result.click()

    expect(page).to_have_url(re.compile(re.escape(archive_url) + r"en/resources/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(VALPARAISO)
    page.context.close()


def test_the_spanish_search_answers_a_query_sent_to_it_from_its_own_index(browser, archive_url):
    page = archive_page(browser, locale="es-CL")
    page.goto(archive_url + "es/buscar/?q=cooperacion")

    results = page.locator(".pagefind-ui__result-link")
    expect(results.first).to_be_visible()
    expect(page.locator(".pagefind-ui__message")).to_contain_text("cooperacion")
    hrefs = results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs and all(href.startswith("/network/es/") for href in hrefs), hrefs

    results.first.click()
    expect(page).to_have_url(re.compile(re.escape(archive_url) + "es/"))
    expect(page.locator("main")).to_contain_text(re.compile("cooperación", re.IGNORECASE))
    page.context.close()


def test_without_javascript_the_search_page_says_what_still_works(browser, archive_url):
    page = archive_page(browser, java_script_enabled=False)
    page.goto(archive_url + "en/search/")
    expect(page.get_by_text("Searching the archive needs JavaScript")).to_be_visible()
    page.context.close()


def test_the_archive_pages_have_no_serious_or_critical_violations(browser, archive_url, axe_script):
    page = archive_page(browser)
    found = {}
    for path in ("en/search/?q=district", "es/recursos/", "en/archive-notice/"):
        page.goto(archive_url + path)
        if "search" in path:
            expect(page.locator(".pagefind-ui__result").first).to_be_visible()
        if violations := blocking_violations(page, axe_script):
            found[path] = violations
    page.context.close()
    report = "\n".join(f"{path}:\n" + "\n".join(map(describe, v)) for path, v in found.items())
    assert not found, f"axe-core found serious or critical violations:\n{report}"
