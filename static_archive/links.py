"""Where each URL of the site lives in the static archive, and how a link to it is written.

A URL is known by its key: the percent-encoded path and the sorted query string. Its file is:

* a path ending in ``/``: ``index.html`` in that folder (``index.xml`` for a feed, by content
  type), or the file name a download gives (``ics/`` -> ``ics/event.ics``), or, with a query
  string, a file named after it (``/en/library/?page=2`` -> ``en/library/page-2.html``): a
  static host ignores query strings;
* any other path (documents, images, static files, ``sitemap.xml``): the same path.

Links are written relative to the file that holds them, so the archive works from any folder of
any host, or absolute from a base URL given when building.
"""

import hashlib
import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

from django.utils.text import slugify

EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/atom+xml": ".xml",
    "application/rss+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/calendar": ".ics",
    "application/json": ".json",
    "text/plain": ".txt",
}
MAX_STEM_LENGTH = 80
NOT_LINKS = ("#", "mailto:", "tel:", "javascript:", "data:")
# The attributes whose values are URLs; ``content`` only counts when it holds an absolute URL
# (``og:url``, ``og:image``), never a description that happens to start with a slash.
URL_ATTRIBUTE = re.compile(
    r'(?P<before>\s(?P<name>href|src|action|poster|srcset|content)=")'
    r'(?P<value>[^"]*)"'
)
ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>]+")


@dataclass(frozen=True)
class Key:
    path: str  # percent-encoded, starts with "/"
    query: str = ""

    @property
    def url(self):
        return f"{self.path}?{self.query}" if self.query else self.path


def media_type(content_type):
    return (content_type or "").split(";")[0].strip().lower()


def file_for(key, content_type="", filename=""):
    """The archive file (relative to its root, not encoded) that holds ``key``; ``filename`` is
    the name a download gives itself (``Content-Disposition``)."""
    path = unquote(key.path)
    if not path.endswith("/"):
        return path.lstrip("/")
    if filename and not key.query:
        return path.lstrip("/") + posixpath.basename(filename.replace("\\", "/"))
    extension = EXTENSIONS.get(media_type(content_type), ".html")
    return path.lstrip("/") + query_stem(key.query) + extension


def query_stem(query):
    if not query:
        return "index"
    stem = slugify("-".join(f"{name}-{value}" for name, value in parse_qsl(query)))
    if not stem or len(stem) > MAX_STEM_LENGTH:
        digest = hashlib.sha256(query.encode()).hexdigest()[:12]
        stem = f"{stem[:MAX_STEM_LENGTH]}-{digest}".lstrip("-")
    return stem


def is_safe_file(name):
    parts = name.split("/")
    return (
        bool(name)
        and not any(part in ("", ".", "..") for part in parts[:-1])
        and (".." not in parts and "\\" not in name and "\x00" not in name)
    )


class LinkMap:
    """Recognises the site's own URLs and writes links between archive files.

    ``origins`` are the site's ``scheme://host[:port]``; ``base_url``, if given, makes every
    link absolute from it instead of relative."""

    def __init__(self, origins, base_url=None):
        self.origins = {origin.rstrip("/").lower() for origin in origins}
        self.origin = sorted(self.origins)[0]
        self.base_url = base_url.rstrip("/") + "/" if base_url else None

    def key(self, value, document_url="/"):
        """``(Key, fragment)`` for a link to the site itself, else None. ``value`` is as it
        appears in a document (HTML-escaped), possibly relative to ``document_url``."""
        value = html.unescape(value).strip()
        if not value or value.lower().startswith(NOT_LINKS):
            return None
        parts = urlsplit(urljoin(self.origin + document_url, value))
        if f"{parts.scheme}://{parts.netloc}".lower() not in self.origins:
            return None
        path = quote(unquote(parts.path or "/"), safe="/:@!$&'()*+,;=~-._")
        query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=False)))
        return Key(path, query), parts.fragment

    def href(self, from_file, target_file, fragment=""):
        """The link from one archive file to another; an ``index.html`` is linked as its
        folder, as the site's own URLs are."""
        folder, name = posixpath.split(target_file)
        target = (folder + "/").lstrip("/") if name == "index.html" else target_file
        if self.base_url:
            link = self.base_url + target
        else:
            link = posixpath.relpath(target or ".", posixpath.dirname(from_file) or ".")
            if not target or target.endswith("/"):
                link += "/"
        link = quote(link, safe="/:@!$&'()*+,;=~-._")
        return f"{link}#{fragment}" if fragment else link

    def rewrite_html(self, text, document_url, resolve):
        """``text`` with every link to the site replaced by ``resolve(key, fragment)`` (a link,
        or None to leave it as it is)."""

        def replace_one(raw):
            found = self.key(raw, document_url)
            if found is None:
                return raw
            link = resolve(*found)
            return raw if link is None else html.escape(link, quote=True)

        def replace(match):
            name, value = match["name"], match["value"]
            if name == "content" and not ABSOLUTE_URL.fullmatch(html.unescape(value).strip()):
                return match[0]
            if name == "srcset":
                candidates = []
                for candidate in value.split(","):
                    url, _, descriptor = candidate.strip().partition(" ")
                    candidates.append(f"{replace_one(url)} {descriptor}".strip())
                value = ", ".join(candidates)
            else:
                value = replace_one(value)
            return f'{match["before"]}{value}"'

        return URL_ATTRIBUTE.sub(replace, text)

    def html_links(self, text, document_url):
        found = []
        self.rewrite_html(text, document_url, lambda key, fragment: found.append(key))
        return found

    def rewrite_text(self, text, resolve, escaped=False):
        """Absolute URLs of the site in a feed, sitemap, calendar or text file, rewritten."""

        def replace(match):
            value = match[0]
            found = self.key(html.unescape(value) if escaped else value)
            if found is None:
                return value
            link = resolve(*found)
            if link is None:
                return value
            return html.escape(link, quote=False) if escaped else link

        return ABSOLUTE_URL.sub(replace, text)

    def text_links(self, text, escaped=False):
        found = []
        self.rewrite_text(text, lambda key, fragment: found.append(key), escaped)
        return found
