"""axe-core's scan of a page for serious and critical WCAG 2 A/AA violations, for the
accessibility tests of the site and of its static archive."""

import json

WCAG_TAGS = ["wcag2a", "wcag2aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


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
