"""The main navigation, cached.

Every page shows the navigation, and finding the home page's menu pages is a slow query on a big
site: treebeard's path range for the children of home covers every page of the site, so the
database reads them all. The links are cached per host and language, as plain data, with the
footer and the site's other content (network/content_cache.py): a change that could alter a menu
starts a new generation."""

from typing import Any

from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from network.content_cache import site_wide


def main_menu(request: HttpRequest) -> dict[str, Any] | None:
    """``{"home_url", "links": [{"url", "title", "path"}]}`` for the request's site in the
    active language, or None when no site matches the request."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site_wide(request, "menu", lambda: build_menu(site, request))


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
