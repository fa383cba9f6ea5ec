"""The main navigation, cached, and the request's site with it.

Every page shows the navigation, and finding the home page's menu pages is a slow query on a big
site: treebeard's path range for the children of home covers every page of the site, so the
database reads them all. The links are cached per host and language, as plain data.

Every page also needs the request's Wagtail site (for its links), which Wagtail looks up with a
query per request (``Site.find_for_request``: the sites matching the host, with their root
pages). The navigation is the first to ask for it on every page, so it reads the site from the
cache along with the links, in one cache read, and hands it to Wagtail for the rest of the
request (Wagtail keeps the site it found on the request, as ``_wagtail_site``).

Both are dropped at once, by a new generation, whenever a change could alter a menu or a site
(``clear_menus``, called by network/signal_handlers.py). They live in the "pages" cache, with the
cached pages, apart from the rate-limit counters. The footer (network/footer.py) is cached the
same way, with ``read_current`` and ``store``, in the same generation."""

import uuid
from typing import Any

import wagtail
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from network.page_cache import pages_cache

CACHE_TIMEOUT = 24 * 60 * 60
# Sites are cached as model instances: a new Wagtail (its Site and Page models) starts afresh.
PREFIX = f"network:main-navigation:{wagtail.__version__}"
GENERATION_KEY = f"{PREFIX}:generation"


def host_key(request: HttpRequest) -> str:
    """The request's host name and the server's port (never the Host header's, which a client
    chooses)."""
    hostname = split_domain_port(request.get_host())[0]
    return f"{hostname}:{request.get_port()}"


def cache_keys(request: HttpRequest, language_code: str) -> tuple[str, str]:
    host = host_key(request)
    return f"{PREFIX}:site:{host}", f"{PREFIX}:menu:{host}:{language_code}"


def main_menu(request: HttpRequest) -> dict[str, Any] | None:
    """``{"home_url", "links": [{"url", "title", "path"}]}`` for the request's site in the
    active language, or None when no site matches the request."""
    site_key, menu_key = cache_keys(request, get_language())
    current, generation = read_current([site_key, menu_key])
    fresh: dict[str, Any] = {}
    site = current.get(site_key)
    if site is not None and not hasattr(request, "_wagtail_site"):
        # Where Site.find_for_request keeps the site it found, for the rest of the request.
        request._wagtail_site = site  # type: ignore[attr-defined]
    site = Site.find_for_request(request)
    if site is None:
        return None
    if site_key not in current:
        fresh[site_key] = site
    menu = current.get(menu_key)
    if menu is None:
        menu = fresh[menu_key] = build_menu(site, request)
    store(fresh, generation)
    return menu


def read_current(keys: list[str]) -> tuple[dict[str, Any], str | None]:
    """``({key: value}, generation)``: those of ``keys`` cached in the current generation, in
    one cache read, and that generation (None if there is none yet)."""
    cached = pages_cache().get_many([GENERATION_KEY, *keys])
    generation = cached.get(GENERATION_KEY)
    current = {
        key: entry[1]
        for key in keys
        if (entry := cached.get(key)) is not None and generation and entry[0] == generation
    }
    return current, generation


def store(values: dict[str, Any], generation: str | None) -> None:
    """Cache ``{key: value}`` as of ``generation``, the one ``read_current`` saw before they
    were built: values built from data changed in the meantime are never read."""
    if values:
        generation = generation or current_generation()
        pages_cache().set_many(
            {key: (generation, value) for key, value in values.items()}, CACHE_TIMEOUT
        )


def build_menu(site: Site, request: HttpRequest) -> dict[str, Any]:
    home = home_page(site)
    return {
        "home_url": home.get_url(request),
        "links": [
            {"url": page.get_url(request), "title": page.title, "path": page.path}
            for page in home.get_children().live().public().in_menu()
        ],
    }


def home_page(site: Site) -> Page:
    """The site's live home page in the active language, else the site's root page."""
    translation = site.root_page.get_translation_or_none(Locale.get_active())
    return translation if translation is not None and translation.live else site.root_page


def current_generation() -> str:
    cache = pages_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def clear_menus() -> None:
    pages_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
