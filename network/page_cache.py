"""Whole public pages cached for anonymous visitors, in the "pages" cache
(network/content_cache.py).

wagtail-cache, the package for this, does not support Wagtail 8 yet, and Django's cache
middleware caches by cookie and sends long browser max-ages, so this is a small middleware of
the site's own. A response is reused only when the request and the response are the same for
every visitor:

- a GET without a query string (filtered listings and searches are fast without it, and their
  URLs are endless), outside the admin, accounts, documents (privacy checks) and /healthz/;
- from a visitor with no session and no pending messages, so never for a logged-in user;
- answered 200, setting no cookie and using no CSRF token (a form's token belongs to one
  visitor), not marked private or no-store.

Entries last PAGE_CACHE_SECONDS (pages whose content follows the clock, such as a call's status,
are at most that stale) and are all dropped at once, with the menus and footers, whenever a page,
snippet, site or view restriction changes (network/content_cache.py).
"""

import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import translation

from network.content_cache import read_current, store


@functools.cache
def excluded_prefixes() -> tuple[str, ...]:
    """The admin, documents, /healthz/ and the account pages of every language, at their address
    in that language (/en/account/, /es/cuenta/: network/urls.py)."""
    accounts = []
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            accounts.append(reverse("members_account"))
    return ("/admin/", "/documents/", "/healthz/", *accounts)


def cache_key(request: HttpRequest) -> str:
    """The page's address as the site sees it: scheme, host name, the server's port and the path.
    Never the port of the Host header, which a client chooses: ``Host: 127.0.0.1:<any port>``
    would make a new entry each time."""
    hostname = split_domain_port(request.get_host())[0]
    address = f"{request.scheme}://{hostname}:{request.get_port()}{request.path}"
    return f"page-cache:{hashlib.sha256(address.encode()).hexdigest()}"


def is_shared_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and not request.path_info.startswith(excluded_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def is_shared_response(request: HttpRequest, response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        # A CSRF token for a form comes with its cookie: never shared.
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_shared_request(request):
            return self.get_response(request)
        key = cache_key(request)
        current, generation = read_current([key])
        if key in current:
            return current[key]
        response = self.get_response(request)
        if is_shared_response(request, response):
            store({key: response}, generation, settings.PAGE_CACHE_SECONDS)
        return response
