from urllib.parse import unquote_plus

from django.http import HttpResponseBadRequest

from network.taxonomy import labels_read_once


class RejectNulCharactersMiddleware:
    """A NUL character in the path or the query string is refused with a 400.

    PostgreSQL cannot store or compare text holding NUL, and psycopg2 raises before the query is
    sent, so any lookup made with it (Wagtail's routing by slug, a filter) would end in a 500.
    No real URL of the site holds one. Form fields refuse it already (Django's
    ProhibitNullCharactersValidator)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = unquote_plus(request.META.get("QUERY_STRING", ""), errors="replace")
        if "\x00" in request.path_info or "\x00" in query:
            return HttpResponseBadRequest("Bad request: the address holds a NUL character.")
        return self.get_response(request)


class VocabularyReadOnceMiddleware:
    """Each vocabulary (topics, places) is read once per request and language
    (``network.taxonomy.labels_read_once``), however many forms and facets label its terms."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with labels_read_once():
            return self.get_response(request)
