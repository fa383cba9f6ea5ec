"""The site search: title suggestions as one types (static/js/search-suggest.js), and the plain
form without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow

TITLE = "Concepción: regenerating the Biobío riverfront"


def test_suggestions_match_without_accents_and_lead_to_the_page(library, page):
    page.goto("/en/search/")
    # The script gives the box a <datalist> of suggestions, which makes it a combobox.
    box = page.get_by_role("combobox", name="Search the site")
    expect(box).to_have_attribute("list", "search-query-suggestions")

    with page.expect_response(re.compile(r"/en/search/suggest/\?q=concepcio$")):
        box.press_sequentially("concepcio")  # typed without the accent

    suggestions = page.locator("datalist#search-query-suggestions option")
    expect(suggestions).to_have_count(1)
    expect(suggestions).to_have_attribute("value", TITLE)

    # Headless Chromium draws no popup for a <datalist> (the browser's own widget), so the
    # keyboard cannot pick a suggestion here; picking one puts its text in the box, as this does.
    box.fill(suggestions.get_attribute("value"))
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/en/search/\?q=Concepci%C3%B3n"))
    result = page.locator(".search-results").get_by_role("link", name=TITLE)
    expect(result).to_be_visible()
    result.focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/en/resources/concepci[^/]+-riverfront/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_search_form_works_without_javascript(library, no_js_page):
    page = no_js_page
    page.goto("/en/")
    # The header's search box, on every page.
    header = page.get_by_role("banner")
    header.get_by_role("searchbox", name="Search the site").fill("concepcion")
    header.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q=concepcion$"))
    expect(page.locator(".search-results").get_by_role("link", name=TITLE)).to_be_visible()

    # No script: a plain search box, no suggestions.
    box = page.get_by_role("main").get_by_role("searchbox", name="Search the site")
    expect(page.locator("datalist")).to_have_count(0)
    box.fill("concepcion")
    page.get_by_role("main").get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/en/search/\?q=concepcion(&|$)"))
    expect(page.locator(".search-results").get_by_role("link", name=TITLE)).to_be_visible()
