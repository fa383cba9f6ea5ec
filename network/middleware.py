import logging
from collections.abc import Callable
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

from network.restrictions import restrictions_read_once
from network.taxonomy import labels_read_once

logger = logging.getLogger(__name__)


class RejectNulCharactersMiddleware:
    """A NUL character in the path or the query string is refused with a 400.

    PostgreSQL cannot store or compare text holding NUL, and psycopg2 raises before the query is
    sent, so any lookup made with it (Wagtail's routing by slug, a filter) would end in a 500.
    No real URL of the site holds one. Form fields refuse it already (Django's
    ProhibitNullCharactersValidator)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = unquote_plus(request.META.get("QUERY_STRING", ""), errors="replace")
        if "\x00" in request.path_info or "\x00" in query:
            return HttpResponseBadRequest("Bad request: the address holds a NUL character.")
        return self.get_response(request)


class ReadOncePerRequestMiddleware:
    """Each vocabulary (topics, places) is read once per request and language
    (``network.taxonomy.labels_read_once``), however many forms and facets label its terms; the
    pages with a view restriction once per request (``network.restrictions``), however many
    lists leave them out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with labels_read_once(), restrictions_read_once():
            return self.get_response(request)


class ProxyCountCheckMiddleware:
    """Says loudly, once per process, when TRUSTED_PROXY_COUNT contradicts the X-Forwarded-For
    header requests arrive with. allauth's rate limits take the visitor's address from that
    header, counting TRUSTED_PROXY_COUNT proxies from the right: too high a count lets a
    visitor choose the address the limits count against; 0 behind a proxy makes every visitor
    share the proxy's. The site cannot see its proxies before the first request, so it cannot
    refuse to start; it logs an error naming the count to set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.reported = False

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Health checks may come straight from a monitor on the private network.
        if not self.reported and request.path_info != "/healthz/":
            problem = proxy_count_problem(request)
            if problem:
                self.reported = True
                logger.error("TRUSTED_PROXY_COUNT is wrong: %s", problem)
        return self.get_response(request)


def proxy_count_problem(request: HttpRequest) -> str:
    count = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [address for address in forwarded.split(",") if address.strip()]
    if count and not addresses:
        return (
            f"it is {count}, but a request came with no X-Forwarded-For: if no proxy is in "
            "front, set it to 0."
        )
    if count > len(addresses):
        return (
            f"it is {count}, but a request came through {len(addresses)} (X-Forwarded-For: "
            f"{forwarded!r}): the first addresses are the visitor's to choose, so rate limits "
            f"could be dodged. Set it to {len(addresses)}."
        )
    if not count and addresses:
        return (
            f"it is 0, but a request came through a proxy (X-Forwarded-For: {forwarded!r}): "
            "every visitor shares the proxy's rate limits. Set it to the number of proxies in "
            "front of the site."
        )
    return ""
