"""The main navigation, cached.

Every page shows it, and finding the home page's menu pages is a slow query on a big site:
treebeard's path range for the children of home covers every page of the site, so the database
reads them all. The links are cached per site and language, as plain data, and the cache is
cleared whenever a change could alter a menu (signal_handlers below)."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale, Site

CACHE_TIMEOUT = 24 * 60 * 60


def cache_key(site_pk, language_code):
    return f"network:main-navigation:{site_pk}:{language_code}"


def main_menu(request):
    """``{"home_url", "links": [{"url", "title", "path"}]}`` for the request's site in the
    active language, or None when no site matches the request."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    key = cache_key(site.pk, get_language())
    menu = cache.get(key)
    if menu is None:
        menu = build_menu(site, request)
        cache.set(key, menu, CACHE_TIMEOUT)
    return menu


def build_menu(site, request):
    home = home_page(site)
    return {
        "home_url": home.get_url(request),
        "links": [
            {"url": page.get_url(request), "title": page.title, "path": page.path}
            for page in home.get_children().live().public().in_menu()
        ],
    }


def home_page(site):
    """The site's live home page in the active language, else the site's root page."""
    translation = site.root_page.get_translation_or_none(Locale.get_active())
    return translation if translation is not None and translation.live else site.root_page


def clear_menus():
    cache.delete_many(
        [
            cache_key(site_pk, code)
            for site_pk in Site.objects.values_list("pk", flat=True)
            for code, _name in settings.LANGUAGES
        ]
    )
