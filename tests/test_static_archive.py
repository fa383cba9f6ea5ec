"""``manage.py build_archive``: the site as plain files for any static host, with working links
and a client-side search.

The demo site in both languages (``load_demo``: resources with PDFs, members, events, calls),
plus an image on a resource's cover and a link from a page to the sign-up form, is built once
for the module into ``<tmp>/network/`` and served from ``<tmp>/`` by Python's plain static file
server on loopback, as a host would serve an archive from a folder of its site. The tests then
read it over HTTP only: every internal link of every page, feed, sitemap and calendar answers;
every live page and every document is there, byte for byte; nothing needs the live site (no
POST forms, no account links). The searches run in a real browser in
``tests/browser/test_static_archive.py``.
"""

import hashlib
import html
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen
from xml.etree import ElementTree

import icalendar
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from static_archive.links import Key, LinkMap, file_for
from tests.static_archives import shared_demo_archive, static_server

# With the browser's searches of the archive, on one worker: it builds the archive once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("demo_archive")]

ORIGIN = "http://localhost"


# --- Building and serving the archive --------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return shared_demo_archive(tmp_path_factory)


@pytest.fixture(scope="module")
def archive_url(built):
    """The archive served from a folder of the host."""
    with static_server(built.folder.parent) as url:
        yield url + "network/"


def fetch(url):
    """``(status, content type, body)`` of a URL of the static server."""
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, "", b""


# --- Links, read independently of the builder's own code -------------------------------------


class LinkParser(HTMLParser):
    """Every URL an HTML page refers to, and its forms."""

    URL_ATTRIBUTES = {"href", "src", "action", "poster"}

    def __init__(self):
        super().__init__()
        self.urls, self.forms, self.main = [], [], []
        self.in_main = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name in self.URL_ATTRIBUTES and value:
                self.urls.append(value)
            if name == "srcset" and value:
                self.urls.extend(part.split()[0] for part in value.split(","))
        if tag == "form":
            self.forms.append(attributes)
        if tag == "main":
            self.in_main += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1

    def handle_data(self, data):
        if self.in_main:
            self.main.append(data)


def parse(body):
    parser = LinkParser()
    parser.feed(body.decode())
    return parser


def links_of(url, content_type, body):
    if content_type == "text/html":
        return [urljoin(url, link) for link in parse(body).urls]
    if content_type in ("application/xml", "text/xml", "application/atom+xml"):
        tree = ElementTree.fromstring(body)
        found = [element.text for element in tree.iter() if element.tag.endswith("loc")]
        found += [element.get("href") for element in tree.iter() if element.get("href")]
        return [urljoin(url, link) for link in found if link]
    if url.endswith(".ics"):
        calendar = icalendar.Calendar.from_ical(body)
        return [urljoin(url, str(event["URL"])) for event in calendar.walk("VEVENT")]
    return []


def crawl(start, *entrances):
    """``{url: (status, content type, body)}`` of everything reachable from ``start`` inside
    the archive, or from ``entrances`` (addresses relative to it that no page links to), and
    ``{broken url: [pages linking to it]}``."""
    queue = [start, *(urljoin(start, entrance) for entrance in entrances)]
    seen, broken, queued = {}, {}, set(queue)
    while queue:
        url = queue.pop()
        seen[url] = fetch(url)
        status, content_type, body = seen[url]
        for link in links_of(url, content_type, body) if status == 200 else []:
            link = urldefrag(link).url
            if not link.startswith(start):
                assert urlsplit(link).hostname != "localhost", f"{url} links to the old site"
                continue
            if link not in queued:
                queued.add(link)
                queue.append(link)
    for url, (status, _type, _body) in seen.items():
        if status != 200:
            broken[url] = status
    return seen, broken


@pytest.fixture(scope="module")
def crawled(archive_url):
    # Pages link to the site map for people; search engines find sitemap.xml from robots.txt.
    return crawl(archive_url, "sitemap.xml")


# --- The tests -------------------------------------------------------------------------------


def test_every_internal_link_answers(built, crawled):
    seen, broken = crawled
    assert broken == {}
    assert len(seen) > 150
    assert "Not archived" not in built.output
    # Feeds, calendars and the sitemap were reached and followed too.
    kinds = {content_type for _status, content_type, _body in seen.values()}
    assert {"text/html", "application/xml", "application/pdf", "text/css"} <= kinds
    assert any(url.endswith(".ics") for url in seen)
    assert any(url.endswith("/pagefind/pagefind-ui.js") for url in seen)


def test_every_live_page_of_both_languages_is_archived(built, archive_url):
    assert any(path.startswith("/es/") for path in built.pages)
    for path, title in built.pages.items():
        status, content_type, body = fetch(urljoin(archive_url, path.lstrip("/")))
        assert (status, content_type) == (200, "text/html"), path
        assert title in html.unescape(body.decode()), path


def test_documents_are_byte_for_byte_and_images_are_there(built, archive_url, crawled):
    seen, _broken = crawled
    assert built.documents
    for path, digest in built.documents.items():
        status, _type, body = fetch(urljoin(archive_url, path.lstrip("/")))
        assert status == 200, path
        assert hashlib.sha256(body).hexdigest() == digest, path
    images = [url for url, (_s, kind, _b) in seen.items() if kind.startswith("image/")]
    assert any(Path(urlsplit(url).path).name.startswith(built.cover_image[:10]) for url in images)
    # Members' photos come through the view that checks their profile (members/photos.py).
    photos = [url for url in images if urlsplit(url).path.startswith("/network/member-photos/")]
    assert photos
    assert all(seen[url][2].startswith(b"\x89PNG") for url in photos)


def test_nothing_needs_the_live_site(built, crawled, archive_url):
    seen, _broken = crawled
    pages = {url: parse(body) for url, (_s, kind, body) in seen.items() if kind == "text/html"}
    for url, page in pages.items():
        assert all(form.get("method", "get").lower() == "get" for form in page.forms), url
        for link in page.urls:
            path = urlsplit(urljoin(url, link)).path
            for account, privacy in (
                ("/account/", "/account/privacy/"),
                ("/cuenta/", "/cuenta/privacidad/"),
            ):
                assert account not in path or privacy in path, (url, link)
    # The editor's link to the sign-up form leads to the archive's notice, in English.
    about = pages[urljoin(archive_url, "en/about/")]
    notice = urljoin(archive_url, "en/archive-notice/")
    assert notice in [urljoin(urljoin(archive_url, "en/about/"), link) for link in about.urls]
    assert "Not available in the archive" in "".join(pages[notice].main)
    # Listings say why they have no filters, and a member's contact form is a notice.
    library = pages[urljoin(archive_url, "en/resources/")]
    assert "filters are not available" in "".join(library.main)
    assert not library.forms
    member = pages[urljoin(archive_url, built.member.lstrip("/"))]
    assert "messages to members can no longer be sent" in "".join(member.main)
    assert not any("/contact/" in urlsplit(link).path for link in member.urls)


def test_feeds_sitemap_and_calendars_point_into_the_archive(crawled, archive_url):
    seen, _broken = crawled
    sitemap = seen[urljoin(archive_url, "sitemap.xml")][2].decode()
    assert ORIGIN not in sitemap and "<loc>en/</loc>" in sitemap
    feed_url = urljoin(archive_url, "en/resources/feed/index.xml")
    status, content_type, feed = seen[feed_url]
    assert (status, content_type) == (200, "application/xml")
    assert ORIGIN.encode() not in feed
    calendars = [url for url in seen if url.endswith(".ics")]
    for url in calendars:
        events = icalendar.Calendar.from_ical(seen[url][2]).walk("VEVENT")
        for event in events:
            assert seen[urldefrag(urljoin(url, str(event["URL"]))).url][0] == 200


def test_the_site_map_for_people_is_archived_in_both_languages(crawled, archive_url):
    """Reached from every page's footer; its links (all answering: see the first test) lead to
    the pages of its language."""
    seen, _broken = crawled
    for path, about in (
        ("en/site-map/", "en/about/"),
        ("es/mapa-del-sitio/", "es/sobre-el-programa/"),
    ):
        url = urljoin(archive_url, path)
        status, content_type, body = seen[url]
        assert (status, content_type) == (200, "text/html")
        assert urljoin(archive_url, about) in [urljoin(url, link) for link in parse(body).urls]


def test_every_resource_event_call_member_and_standard_page_is_indexed(built):
    """Pagefind indexes the pages that mark their main content (``data-pagefind-body``): all of
    these, in the index of their language, and no listing or home page."""
    assert any("/resources/" in path for path in built.searchable)
    indexed = {
        "/" + str(path.relative_to(built.folder).parent) + "/"
        for path in built.folder.rglob("*.html")
        if b"data-pagefind-body" in path.read_bytes()
    }
    assert indexed == set(built.searchable)
    entry = json.loads((built.folder / "pagefind" / "pagefind-entry.json").read_text())
    counts = {language: index["page_count"] for language, index in entry["languages"].items()}
    assert counts == {
        language: sum(path.startswith(f"/{language}/") for path in built.searchable)
        for language in ("en", "es")
    }


def test_the_search_pages_use_the_index_of_their_language(built, archive_url):
    for language, search in (("en", "en/search/"), ("es", "es/buscar/")):
        status, _type, body = fetch(urljoin(archive_url, search))
        assert status == 200
        page = parse(body)
        assert any(link.endswith("pagefind/pagefind-ui.js") for link in page.urls)
        assert f'<html lang="{language}">'.encode() in body
    entry = (built.folder / "pagefind" / "pagefind-entry.json").read_text()
    assert '"en"' in entry and '"es"' in entry


# --- Building: options and refusals ----------------------------------------------------------


def page_links(folder, name):
    return parse((folder / name).read_bytes()).urls


def test_a_base_url_makes_every_link_absolute(site_tree, tmp_path):
    call_command(
        "build_archive",
        str(tmp_path / "out"),
        "--base-url",
        "https://archive.example.org/network",
        stdout=io.StringIO(),
    )
    links = page_links(tmp_path / "out", "en/about/index.html")
    internal = [link for link in links if not link.startswith(("#", "mailto:"))]
    assert "https://archive.example.org/network/es/sobre-el-programa/" in internal
    assert all(link.startswith("https://") for link in internal), internal
    sitemap = (tmp_path / "out" / "sitemap.xml").read_text()
    assert "<loc>https://archive.example.org/network/en/about/</loc>" in sitemap


def test_an_existing_archive_is_kept_unless_overwrite_is_given(site_tree, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(CommandError, match="not empty"):
        call_command("build_archive", str(out), stdout=io.StringIO())
    assert [path.name for path in out.iterdir()] == ["keep.txt"]

    call_command("build_archive", str(out), "--overwrite", stdout=io.StringIO())
    assert not (out / "keep.txt").exists()
    assert (out / "en" / "about" / "index.html").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_a_page_that_fails_to_render_stops_the_build_and_writes_nothing(
    site_tree, tmp_path, monkeypatch
):
    from home.models import StandardPage

    def broken_context(self, request, *args, **kwargs):
        raise ValueError("a broken block")

    monkeypatch.setattr(StandardPage, "get_context", broken_context)
    with pytest.raises(CommandError, match=r"/en/about/: ValueError: a broken block"):
        call_command("build_archive", str(tmp_path / "out"), stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []


def test_without_a_default_site_the_error_says_so(db, tmp_path):
    Site.objects.all().delete()
    assert Page.objects.exists()
    with pytest.raises(CommandError, match="no default site"):
        call_command("build_archive", str(tmp_path / "out"), stdout=io.StringIO())


# --- Where URLs go ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "content_type", "filename", "expected"),
    [
        (Key("/en/library/"), "text/html; charset=utf-8", "", "en/library/index.html"),
        (Key("/en/library/", "page=2"), "text/html", "", "en/library/page-2.html"),
        (
            Key("/en/events/", "page=2&year=2024"),
            "text/html",
            "",
            "en/events/page-2-year-2024.html",
        ),
        (Key("/en/resources/feed/"), "application/atom+xml", "", "en/resources/feed/index.xml"),
        (Key("/en/events/x/ics/"), "text/calendar", "x.ics", "en/events/x/ics/x.ics"),
        (
            Key("/documents/3/informe_a%C3%B1o.pdf"),
            "application/pdf",
            "",
            "documents/3/informe_año.pdf",
        ),
    ],
)
def test_each_url_has_one_file(key, content_type, filename, expected):
    assert file_for(key, content_type, filename) == expected


@pytest.mark.parametrize(
    ("from_file", "target", "base_url", "expected"),
    [
        ("en/library/page-2.html", "en/library/index.html", None, "./"),
        ("en/about/index.html", "index.html", None, "../../"),
        (
            "en/about/index.html",
            "documents/3/informe año.pdf",
            None,
            "../../documents/3/informe%20a%C3%B1o.pdf",
        ),
        (
            "en/about/index.html",
            "en/library/index.html",
            "https://a.example/n",
            "https://a.example/n/en/library/",
        ),
    ],
)
def test_links_are_relative_unless_a_base_url_is_given(from_file, target, base_url, expected):
    assert LinkMap([ORIGIN], base_url).href(from_file, target) == expected


def test_only_the_sites_own_urls_are_rewritten():
    links = LinkMap([ORIGIN])
    assert links.key("https://example.org/en/") is None
    assert links.key("mailto:someone@example.org") is None
    assert links.key("?page=2&amp;topic=bids", "/en/library/") == (
        Key("/en/library/", "page=2&topic=bids"),
        "",
    )
    assert links.key("http://localhost/en/about/#team") == (Key("/en/about/"), "team")


def test_a_link_that_leads_nowhere_on_the_site_is_reported_and_the_rest_is_built(
    site_tree, tmp_path
):
    about = site_tree.about_en
    about.body.append(("paragraph", '<p>See <a href="/en/no-such-page/">the old page</a>.</p>'))
    about.save_revision().publish()
    errors = io.StringIO()
    call_command("build_archive", str(tmp_path / "out"), stdout=io.StringIO(), stderr=errors)
    assert "Not archived (HTTP 404): /en/no-such-page/, linked from /en/about/" in errors.getvalue()
    assert (tmp_path / "out" / "en" / "about" / "index.html").exists()
