"""Lighthouse scores of the demo site under the production settings (``make lighthouse``).

Builds a throwaway demo site (SQLite, its own media and static folders), serves it with
gunicorn on a free loopback port, and runs Lighthouse 12.2.3 (npm, pinned in package.json)
on Debian's Chromium, mobile emulation as Lighthouse's default, on a page of each kind in
English and Spanish. Prints a Markdown table and exits non-zero when a page misses a target:
performance 95, accessibility 100, best practices 100, SEO 100 (pages meant to be indexed:
sign-up is noindex, so its SEO score is not a target).
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# (name, English path, Spanish path); detail pages are found from their listings.
LISTINGS = [
    ("home", "/en/", "/es/"),
    ("library", "/en/resources/", "/es/recursos/"),
    ("search", "/en/search/?q=barrios", "/es/buscar/?q=barrios"),
    ("directory", "/en/members/", "/es/miembros/"),
    ("events", "/en/events/", "/es/eventos/"),
    ("calls", "/en/calls/", "/es/convocatorias/"),
    ("sign-up", "/en/account/signup/", "/es/cuenta/signup/"),
]
DETAILS = {"library": "resource", "directory": "member", "events": "event", "calls": "call"}
NOT_INDEXED = {"sign-up", "search"}


class FirstCardLink(HTMLParser):
    """The first card's link on a listing, and a page's Spanish alternate."""

    def __init__(self):
        super().__init__()
        self.in_card_title = False
        self.card_link = None
        self.spanish = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h3" and "card__title" in (attrs.get("class") or ""):
            self.in_card_title = True
        elif tag == "a" and self.in_card_title and self.card_link is None:
            self.card_link = attrs.get("href")
        elif tag == "link" and attrs.get("hreflang") == "es" and self.spanish is None:
            self.spanish = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "h3":
            self.in_card_title = False


def parse(url):
    parser = FirstCardLink()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own loopback
        parser.feed(response.read().decode())
    return parser


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def serve(env, port, log):
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "network.wsgi:application"]
        + ["--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit(f"gunicorn did not answer on port {port}")


def pages_to_measure(base):
    pages = []
    for name, english, spanish in LISTINGS:
        pages += [(name, "en", english), (name, "es", spanish)]
        if name in DETAILS:
            first = parse(base + english).card_link
            if first:
                alternate = parse(base + first).spanish
                pages.append((DETAILS[name], "en", first))
                if alternate:
                    pages.append((DETAILS[name], "es", alternate.replace(base, "")))
    return pages


def lighthouse(url, out, attempts=3):
    """Scores of one page; Lighthouse now and then fails to record a trace (NO_NAVSTART), so a
    failed run is tried again."""
    for attempt in range(1, attempts + 1):
        try:
            return lighthouse_once(url, out)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"  (Lighthouse failed on {url}; trying again)", flush=True)


def lighthouse_once(url, out):
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=True,
    )
    report = json.loads(Path(out).read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    shift = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores, shift


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` in the project folder.")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "network.settings.measure",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
            "ALLOWED_HOSTS": "127.0.0.1",
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "LOG_LEVEL": "WARNING",
        }
        for name in ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "REDIS_URL"):
            env.pop(name, None)
        print("Building the demo site (migrate, load_demo, collectstatic)…", flush=True)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with open(work / "gunicorn.log", "wb") as log:
            server = serve(env, port, log)
            try:
                rows, misses = [], []
                for name, language, path in pages_to_measure(base):
                    scores, shift = lighthouse(base + path, work / "report.json")
                    for category, target in TARGETS.items():
                        if category == "seo" and name in NOT_INDEXED:
                            continue
                        if scores[category] < target:
                            misses.append(f"{name} ({language}) {category} {scores[category]}")
                    rows.append((name, language, path, scores, shift))
                    print(f"  {name} ({language}): {scores}", flush=True)
            finally:
                server.terminate()
                server.wait(timeout=30)
    print("\n| Page | Language | Performance | Accessibility | Best practices | SEO | CLS |")
    print("|---|---|---|---|---|---|---|")
    for name, language, _path, scores, shift in rows:
        cells = " | ".join(str(scores[category]) for category in CATEGORIES)
        print(f"| {name} | {language} | {cells} | {shift:.3f} |")
    if misses:
        print("\nBelow target: " + "; ".join(misses))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
