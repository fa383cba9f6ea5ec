"""Accessibility: axe-core (from npm, pinned in package-lock.json) scans one page of each main
type of the demo site against WCAG 2 A and AA; none may have a serious or critical violation."""

import json

import pytest

from events import demo as events_demo
from members import demo as members_demo
from resources import demo as resources_demo

WCAG_TAGS = ["wcag2a", "wcag2aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

# (name, address) of a page of each main type in the demo content that ``demo_site`` builds.
PAGES = [
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
    ("member profile", "/en/members/example-member-researcher/"),
    ("search results", "/en/search/?q=leadership"),
    ("sign-up", "/en/account/signup/"),
]


@pytest.fixture
def demo_site(site_tree, monkeypatch):
    """The content of ``load_demo`` (the same builders), with the library cut to its first three
    resources: each one makes and reads a PDF, and these three use every part of the library
    and resource templates (documents, DOI, authors, places, related resources)."""
    monkeypatch.setattr(resources_demo, "RESOURCES", resources_demo.RESOURCES[:3])
    for builder in (resources_demo, members_demo, events_demo):
        builder.build(log=lambda message: None)
    return site_tree


def axe_context(browser_or_new_context):
    # The public pages send Content-Security-Policy "script-src 'self'", which blocks the inline
    # <script> that add_script_tag makes of axe-core: the scan's context (and only it) bypasses
    # the site's CSP. The other browser tests keep the CSP, as visitors have it.
    return browser_or_new_context(bypass_csp=True)


def blocking_violations(page, axe_script):
    """axe-core's serious and critical WCAG 2 A/AA violations on the page as it is now."""
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        violation for violation in results["violations"] if violation["impact"] in BLOCKING_IMPACTS
    ]


def describe(violation):
    first = violation["nodes"][0] if violation["nodes"] else {}
    return (
        f"  {violation['id']} [{violation['impact']}] {violation['help']}: "
        f"{len(violation['nodes'])} element(s), first {json.dumps(first.get('target'))} "
        f"{first.get('html', '')}"
    )


def test_main_page_types_have_no_serious_or_critical_violations(demo_site, new_context, axe_script):
    page = axe_context(new_context).new_page()
    found = {}
    for name, address in PAGES:
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
