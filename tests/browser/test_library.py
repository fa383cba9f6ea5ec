"""The resource library's filters, with JavaScript and without it: the form is plain HTML, so
both must give the same results."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_filters_narrow_the_results_and_stay_in_the_address(library, new_context, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto("/en/resources/")
    count = page.locator(".library__results").get_by_role("status")
    titles = page.locator(".resource-list .card__title")
    filters = page.get_by_role("form", name="Filter resources")
    expect(count).to_have_text("4 resources")

    # Facet labels carry their counts: two reports, one white paper, one policy brief.
    filters.get_by_role("checkbox", name=re.compile(r"^Report \(2\)")).check()
    filters.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"/en/resources/\?(.*&)?type=report(&|$)"))
    expect(count).to_have_text("2 resources")
    expect(titles).to_have_text(
        ["Placing Business Leadership", "Concepción: regenerating the Biobío riverfront"]
    )
    expect(filters.get_by_role("checkbox", name=re.compile(r"^Report"))).to_be_checked()

    # A topic as well: filters combine.
    filters.get_by_role("checkbox", name=re.compile(r"^Business improvement districts")).check()
    filters.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"[?&]topic=business-improvement-districts(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]type=report(&|$)"))
    expect(count).to_have_text("1 resource")
    expect(titles).to_have_text(["Placing Business Leadership"])

    page.get_by_role("link", name="Clear all filters").click()

    expect(page).to_have_url(re.compile(r"/en/resources/$"))
    expect(count).to_have_text("4 resources")
