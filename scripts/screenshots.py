"""Screenshots of the site's pages at desktop and phone width, in English and Spanish, into a
folder (``make screenshots``), so that a reviewer sees the whole site in a minute.

Runs against a running site (``make run``; ``--base-url`` if not on 127.0.0.1:8000) with
Playwright driving Debian's Chromium (``apt-get install chromium``); downloads nothing. With
``--member EMAIL:PASSWORD`` (a verified member's account) it also takes the account pages.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
WIDTHS = {"desktop": 1366, "phone": 390}
# (name, English path, Spanish path): the demo's pages of every kind.
PAGES = [
    ("home", "/en/", "/es/"),
    ("library", "/en/resources/", "/es/recursos/"),
    ("search", "/en/search/?q=barrios", "/es/buscar/?q=barrios"),
    ("members", "/en/members/", "/es/miembros/"),
    ("events", "/en/events/", "/es/eventos/"),
    ("calls", "/en/calls/", "/es/convocatorias/"),
    ("about", "/en/about/", "/es/sobre-el-programa/"),
    ("login", "/en/account/login/", "/es/cuenta/login/"),
    ("signup", "/en/account/signup/", "/es/cuenta/signup/"),
    ("password-reset", "/en/account/password/reset/", "/es/cuenta/password/reset/"),
    ("privacy", "/en/account/privacy/", "/es/cuenta/privacidad/"),
    ("accessibility", "/en/accessibility/", "/es/accesibilidad/"),
    ("site-map", "/en/site-map/", "/es/mapa-del-sitio/"),
    ("not-found", "/en/no-such-page/", "/es/no-existe/"),
]
# Pages only a member sees, taken with --member.
MEMBER_PAGES = [
    ("account", "/en/account/", "/es/cuenta/"),
    ("profile-form", "/en/account/profile/", "/es/cuenta/perfil/"),
    ("account-email", "/en/account/email/", "/es/cuenta/email/"),
    ("account-password", "/en/account/password/change/", "/es/cuenta/password/change/"),
    ("two-factor", "/en/account/2fa/", "/es/cuenta/2fa/"),
]


def first_link(page, selector):
    link = page.locator(selector).first
    return link.get_attribute("href") if link.count() else None


def log_in(browser, base_url, email, password):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "/en/account/login/")
    page.fill('input[name="login"]', email)
    page.fill('input[name="password"]', password)
    page.locator('main form button[type="submit"]').first.click()
    page.wait_for_load_state("networkidle")
    if "/login/" in page.url:
        raise SystemExit(f"could not log in as {email}: check the address and password")
    state = context.storage_state()
    context.close()
    return state


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="screenshots", type=Path)
    parser.add_argument("--only", help="names of pages to take, comma-separated")
    parser.add_argument("--member", help="EMAIL:PASSWORD of a member, for the account pages")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    wanted = set(arguments.only.split(",")) if arguments.only else None
    pages = list(PAGES) + (MEMBER_PAGES if arguments.member else [])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        # The first page of each detail kind, found from its English listing, and its Spanish
        # translation from the language links.
        probe = browser.new_page()
        for name, listing in (
            ("resource", "/en/resources/"),
            ("member", "/en/members/"),
            ("event", "/en/events/"),
            ("call", "/en/calls/"),
        ):
            probe.goto(arguments.base_url + listing)
            english = first_link(probe, "main .card__title a")
            if english:
                probe.goto(arguments.base_url + english)
                spanish = first_link(probe, 'head link[hreflang="es"]')
                pages.append((name, english, spanish and spanish.replace(arguments.base_url, "")))
        probe.close()
        # One login for every context: the member's session cookie, saved once.
        session = None
        if arguments.member:
            session = log_in(browser, arguments.base_url, *arguments.member.split(":", 1))
        member_pages = {name for name, _english, _spanish in MEMBER_PAGES}
        for name, english, spanish in pages:
            if wanted and name not in wanted:
                continue
            # Logged in for the account pages only: the others as a visitor sees them.
            state = session if name in member_pages else None
            for language, path in (("en", english), ("es", spanish)):
                if not path:
                    continue
                for width_name, width in WIDTHS.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, storage_state=state
                    )
                    page = context.new_page()
                    page.goto(arguments.base_url + path, wait_until="networkidle")
                    target = arguments.out / f"{name}-{language}-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    context.close()
                    print(target)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
