"""``build_archive``: the site rendered into plain files that any static host can serve, with the
links between them rewritten, and a client-side search over them.

1. **Crawl.** From every live, public page of the default site in every language, plus the
   sitemap, robots.txt and each language's search page, every URL is requested through the
   site's whole stack (``django.test.Client``) with ``STATIC_ARCHIVE_DATE`` set, so templates
   render the archive's version of each page (no forms or account links; a banner), and with
   ``static_archive.urls``, whose search page is Pagefind's. Every link to the site found in an
   HTML page, feed, sitemap or calendar is followed, query strings included (pagination, past
   years of events, a topic's resources). Static and media files are copied from their storages.
   Bodies wait in a scratch folder until every URL's content type is known.
2. **Write.** Each URL gets its file (``static_archive.links``) and every link is rewritten to
   the file it leads to, relative, or absolute from ``base_url``. Links to accounts and the admin
   lead to a notice page; redirects are followed to their end.
3. **Index.** Pagefind (PyPI's ``pagefind[bin]``) indexes the pages' main content into
   ``pagefind/``, one index per language (from ``<html lang>``), accent-insensitive.

The archive is built in a folder beside the target and moved there only once complete: a failed
build leaves nothing behind and never touches an existing archive.
"""

import html
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

import icalendar
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext as _
from wagtail.models import Site

from static_archive.links import Key, LinkMap, file_for, is_safe_file, media_type
from static_archive.views import PAGEFIND_URL

# Account pages, but for the privacy notice, and the admin need the live site.
CLOSED_PREFIXES = ("/admin/",)
TEXT_TYPES = ("application/atom+xml", "application/rss+xml", "application/xml", "text/xml")
CALENDAR_LINK_PROPERTIES = ("URL", "DESCRIPTION")
MAX_URLS = 200_000
PROGRESS_EVERY = 200
REPORTED_REFERRERS = 5  # pages named for a link that leads nowhere
PAGEFIND_TIMEOUT_SECONDS = 1800


class BuildError(Exception):
    pass


@dataclass
class Entry:
    """What one URL turned out to be."""

    content_type: str = ""
    body: Path | None = None  # the response, in the scratch folder
    source: tuple | None = None  # (storage, name) of a static or media file; storage None: a path
    download: bool = False  # a document: copied byte for byte, never rewritten
    filename: str = ""  # the name a download gives itself
    redirect: Key | None = None
    status: int = 200

    def file(self, key):
        return file_for(key, self.content_type, self.filename)


@dataclass
class Report:
    files: int = 0
    pages: int = 0
    broken: dict = field(default_factory=dict)  # url -> (status, [some pages linking to it])


class ArchiveBuilder:
    def __init__(self, base_url=None, log=print):
        self.log = log
        self.site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if self.site is None:
            raise BuildError(_("There is no default site to archive (Wagtail admin → Sites)."))
        self.links = LinkMap([self.site.root_url], base_url)
        self.languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        self.account_paths = []  # (closed, archived) in each language, at its own address
        for language in self.languages:
            with translation.override(language):
                self.account_paths.append(
                    (reverse("members_account"), reverse("members_privacy_notice"))
                )
        self.entries = {}
        self.referrers = defaultdict(list)
        self.errors = []

    # --- Crawling ----------------------------------------------------------------------------

    def seeds(self):
        urls = ["/", reverse("sitemap"), reverse("robots_txt")]
        for root in self.site.root_page.get_translations(inclusive=True):
            pages = root.get_descendants(inclusive=True).live().public().specific()
            urls.extend(page.get_url() for page in pages.iterator())
        for language in self.languages:
            with translation.override(language):
                urls.extend([reverse("search"), reverse("archive_notice")])
        return [self.links.key(url)[0] for url in urls if url]

    def crawl(self, scratch):
        client = Client(HTTP_HOST=self.site.root_url.split("://", 1)[1])
        secure = self.site.root_url.startswith("https://")
        queue = deque(self.seeds())
        seen = set(queue)
        while queue:
            key = queue.popleft()
            entry = self.fetch(client, key, secure, scratch)
            self.entries[key] = entry
            for link in self.links_in(key, entry):
                if len(self.referrers[link]) < REPORTED_REFERRERS:
                    self.referrers[link].append(key.url)
                if link not in seen and not self.is_closed(link) and not self.is_generated(link):
                    seen.add(link)
                    queue.append(link)
            if len(seen) > MAX_URLS:
                raise BuildError(
                    _("More than %(count)s URLs to archive: stopping.") % {"count": MAX_URLS}
                )
            if len(self.entries) % PROGRESS_EVERY == 0:
                self.log(
                    _("%(done)s URLs fetched, %(left)s to go")
                    % {"done": len(self.entries), "left": len(queue)}
                )

    def fetch(self, client, key, secure, scratch):
        path = key.path
        if path.startswith(settings.STATIC_URL) or path.startswith(settings.MEDIA_URL):
            return self.stored_file(key)
        try:
            # Each request activates its page's language: the command's own messages keep theirs.
            with translation.override(translation.get_language()):
                response = client.get(key.url, secure=secure)
        except Exception as error:  # noqa: BLE001 - a failing page is reported, with its URL
            self.errors.append(f"{key.url}: {type(error).__name__}: {error}")
            return Entry(status=500)
        if response.status_code in (301, 302, 303, 307, 308):
            target = self.links.key(response["Location"], key.url)
            return Entry(status=response.status_code, redirect=target and target[0])
        if response.status_code != 200:
            if response.status_code >= 500:
                self.errors.append(f"{key.url}: HTTP {response.status_code}")
            return Entry(status=response.status_code)
        body = scratch / str(len(self.entries))
        with body.open("wb") as out:
            chunks = response.streaming_content if response.streaming else [response.content]
            for chunk in chunks:
                out.write(chunk)
        _disposition, parameters = parse_header_parameters(response.get("Content-Disposition", ""))
        return Entry(
            content_type=response.get("Content-Type", ""),
            filename=parameters.get("filename", ""),
            body=body,
            download=key.path.startswith(documents_prefix()),
        )

    def stored_file(self, key):
        """Static and media files come from their storages, as the web server would serve
        them; a query string (a cache buster) does not matter."""
        path = file_for(Key(key.path), None)
        if path.startswith(settings.STATIC_URL.lstrip("/")):
            # The apps' own files first (a development STATIC_ROOT may hold old copies), then
            # the collected ones (production's hashed names exist only there).
            name = path.removeprefix(settings.STATIC_URL.lstrip("/"))
            if found := finders.find(name):
                return Entry(source=(None, found))
            if staticfiles_storage.exists(name):
                return Entry(source=(staticfiles_storage, name))
            return Entry(status=404)
        name = path.removeprefix(settings.MEDIA_URL.lstrip("/"))
        if default_storage.exists(name):
            return Entry(source=(default_storage, name))
        return Entry(status=404)

    def links_in(self, key, entry):
        if entry.redirect:
            return [entry.redirect]
        if entry.body is None or entry.download:
            return []
        kind = media_type(entry.content_type)
        if kind == "text/html":
            return self.links.html_links(text_of(entry), key.url)
        if kind in TEXT_TYPES:
            return self.links.text_links(text_of(entry), escaped=True)
        if kind == "text/calendar":
            found = []

            def collect(text):
                found.extend(self.links.text_links(text))
                return text

            rewrite_calendar(entry.body.read_bytes(), collect)
            return found
        if kind.startswith("text/"):
            return self.links.text_links(text_of(entry))
        return []

    def is_closed(self, key):
        path = key.path
        if path.startswith(CLOSED_PREFIXES):
            return True
        return any(
            path.startswith(closed) and not path.startswith(archived)
            for closed, archived in self.account_paths
        )

    @staticmethod
    def is_generated(key):
        return key.path.startswith(PAGEFIND_URL)

    # --- Writing -----------------------------------------------------------------------------

    def final(self, key):
        """Where a link to ``key`` really leads: redirects followed (at most ten)."""
        for _hop in range(10):
            entry = self.entries.get(key)
            if entry is None or entry.redirect is None:
                return key
            key = entry.redirect
        return key

    def target_file(self, key):
        """The archive file a link to ``key`` should point at, or None if there is none."""
        key = self.final(key)
        if self.is_generated(key):
            return key.path.lstrip("/")
        if self.is_closed(key):
            language = key.path.lstrip("/").partition("/")[0]
            if language not in self.languages:
                language = self.languages[0]
            with translation.override(language):
                key = self.links.key(reverse("archive_notice"))[0]
        entry = self.entries.get(key)
        if entry is None or (entry.body is None and entry.source is None):
            return None
        return entry.file(key)

    def write(self, root):
        report = Report()
        for key, entry in self.entries.items():
            if entry.status != 200 and entry.redirect is None:
                report.broken[key.url] = (entry.status, self.referrers[key])
                continue
            if entry.redirect is not None:
                if key.path.endswith("/") and not key.query:
                    self.write_redirect(root, key)
                continue
            name = entry.file(key)
            if not is_safe_file(name):
                report.broken[key.url] = (400, self.referrers[key])
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if entry.source is not None:
                copy_source(entry.source, path)
            else:
                self.write_document(key, entry, name, path)
                report.pages += media_type(entry.content_type) == "text/html"
            report.files += 1
        return report

    def resolver(self, from_file):
        def resolve(key, fragment):
            target = self.target_file(key)
            return None if target is None else self.links.href(from_file, target, fragment)

        return resolve

    def write_document(self, key, entry, name, path):
        kind = media_type(entry.content_type)
        resolve = self.resolver(name)
        if entry.download:
            shutil.copyfile(entry.body, path)
        elif kind == "text/html":
            path.write_text(
                self.links.rewrite_html(text_of(entry), key.url, resolve), "utf-8", newline=""
            )
        elif kind in TEXT_TYPES:
            path.write_text(
                self.links.rewrite_text(text_of(entry), resolve, True), "utf-8", newline=""
            )
        elif kind == "text/calendar":
            path.write_bytes(
                rewrite_calendar(
                    entry.body.read_bytes(), lambda text: self.links.rewrite_text(text, resolve)
                )
            )
        elif kind.startswith("text/"):
            path.write_text(self.links.rewrite_text(text_of(entry), resolve), "utf-8", newline="")
        else:
            shutil.copyfile(entry.body, path)

    def write_redirect(self, root, key):
        """A page that moved (such as ``/``, which sends visitors to their language) becomes a
        page that forwards to where it went."""
        name = file_for(key, "text/html")
        target = self.target_file(key)
        if target is None or not is_safe_file(name):
            return
        link = self.links.href(name, target)
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            '<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta http-equiv="refresh" content="0; url={link}">'
            '<link rel="canonical" href="{link}"><title>{title}</title></head>'
            '<body><p><a href="{link}">{title}</a></p></body></html>\n'.format(
                lang=self.languages[0],
                link=html.escape(link),
                title=html.escape(_("Continue to the site")),
            ),
            "utf-8",
        )

    # --- Search index ------------------------------------------------------------------------

    def index(self, root):
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(root),
            "--output-subdir",
            PAGEFIND_URL.strip("/"),
            "--quiet",
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT_SECONDS
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise BuildError(_("Pagefind could not index the archive: %s") % error) from error
        if result.returncode != 0:
            raise BuildError(
                _("Pagefind could not index the archive: %s") % (result.stderr or result.stdout)
            )

    # --- All of it ---------------------------------------------------------------------------

    def build(self, outdir, overwrite=False):
        outdir = Path(outdir).resolve()
        if outdir.exists() and not overwrite and (not outdir.is_dir() or any(outdir.iterdir())):
            raise BuildError(
                _(
                    "%(path)s already exists and is not empty; choose another folder or use "
                    "--overwrite."
                )
                % {"path": outdir}
            )
        outdir.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.building-", dir=outdir.parent))
        try:
            rendering = override_settings(
                **ARCHIVE_SETTINGS, STATIC_ARCHIVE_DATE=timezone.localdate()
            )
            with tempfile.TemporaryDirectory() as scratch, rendering:
                self.crawl(Path(scratch))
                if self.errors:
                    raise BuildError(
                        _("These URLs failed to render; nothing was written:\n%s")
                        % "\n".join(self.errors)
                    )
                report = self.write(building)
            self.log(_("Indexing %(pages)s pages for search…") % {"pages": report.pages})
            self.index(building)
            replace_folder(building, outdir)
        finally:
            shutil.rmtree(building, ignore_errors=True)
        return report


# Rendering for the archive: every page freshly rendered (never from or into the page cache),
# whatever host name the site has, and no redirect to HTTPS.
ARCHIVE_SETTINGS = {
    "ROOT_URLCONF": "static_archive.urls",
    "PAGE_CACHE_SECONDS": 0,
    "ALLOWED_HOSTS": ["*"],
    "SECURE_SSL_REDIRECT": False,
}


def documents_prefix():
    """Where Wagtail serves documents, e.g. ``/documents/``."""
    return reverse("wagtaildocs_serve", args=(1, "f")).removesuffix("1/f")


def text_of(entry):
    # Bytes decoded as they are: universal newlines would lose a calendar's CRLFs.
    return entry.body.read_bytes().decode("utf-8")


def copy_source(source, path):
    storage, name = source
    if storage is None:
        shutil.copyfile(name, path)
        return
    with storage.open(name, "rb") as stored, path.open("wb") as out:
        shutil.copyfileobj(stored, out)


def rewrite_calendar(data, rewrite):
    """An iCalendar file with ``rewrite(text)`` applied to its events' links and descriptions."""
    calendar = icalendar.Calendar.from_ical(data)
    for component in calendar.walk():
        for name in CALENDAR_LINK_PROPERTIES:
            if name in component:
                text = str(component[name])
                changed = rewrite(text)
                if changed != text:
                    component.pop(name)
                    component.add(name, changed)
    return calendar.to_ical()


def replace_folder(new, target):
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        new.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)
