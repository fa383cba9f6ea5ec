"""Accessibility: axe-core (from npm, pinned in package-lock.json) scans one page of each main
type of the demo site against WCAG 2 A and AA; none may have a serious or critical violation."""

import pytest

from tests.browser.axe import axe_context, blocking_violations, describe

pytestmark = pytest.mark.slow


def test_main_page_types_have_no_serious_or_critical_violations(
    demo_site, demo_pages, new_context, axe_script
):
    page = axe_context(new_context).new_page()
    found = {}
    for name, address in demo_pages:
        response = page.goto(address)
        assert response.status == 200, f"{name}: {address} answered {response.status}"
        if violations := blocking_violations(page, axe_script):
            found[f"{name} ({address})"] = violations
    report = "\n".join(
        f"{page_name}:\n" + "\n".join(describe(violation) for violation in violations)
        for page_name, violations in found.items()
    )
    assert not found, f"axe-core found serious or critical violations:\n{report}"


def test_the_scan_reports_violations(browser, axe_script):
    """The scan itself works: a page made to break the rules fails it."""
    context = axe_context(browser.new_context)
    try:
        page = context.new_page()
        page.set_content('<html><body><img src="x.png"><a href="/"></a></body></html>')
        found = {violation["id"] for violation in blocking_violations(page, axe_script)}
    finally:
        context.close()
    assert {"html-has-lang", "image-alt", "link-name"} <= found
