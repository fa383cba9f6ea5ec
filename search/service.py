"""Which search backend answers a query, and what happens when it fails.

Every search on the site goes through ``run_search``: the ``default`` backend (Elasticsearch when
ELASTICSEARCH_URL is set) answers; if it is unreachable, too slow or errors, the ``database``
backend, which Wagtail keeps up to date alongside it, answers instead and a warning is logged.
Results are evaluated inside the call, so a failure cannot escape later from a template.
"""

import logging
import re
import unicodedata

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

DEFAULT_ALIAS = "default"
FALLBACK_ALIAS = "database"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# No request may ask an engine for results past this rank (Elasticsearch refuses beyond its
# max_result_window, and nobody reads page 500); facets count these best matches.
RESULT_WINDOW = 1000

# Quotes, brackets and operators mean syntax to some engines (SQLite FTS5 rejects a stray
# quote); the public search looks for words, so only word characters are passed on.
NOT_WORD = re.compile(r"[^\w\s]|_")


def clean_query(raw):
    """The query as the engines will see it: words only, whitespace-collapsed, bounded."""
    text = unicodedata.normalize("NFC", str(raw or "")[: MAX_QUERY_LENGTH * 4])
    words = NOT_WORD.sub(" ", text).split()[:MAX_TERMS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def backend_aliases():
    aliases = [DEFAULT_ALIAS]
    if FALLBACK_ALIAS in settings.WAGTAILSEARCH_BACKENDS:
        aliases.append(FALLBACK_ALIAS)
    return aliases


def run_search(operation):
    """``operation(backend)`` on the default backend, or on the database backend if the default
    one fails. ``operation`` must evaluate what it needs (lists, counts) before returning."""
    *primaries, last = backend_aliases()
    for alias in primaries:
        try:
            return operation(get_search_backend(alias))
        except Exception as error:  # noqa: BLE001 - any engine failure falls back, logged
            logger.warning(
                "Search backend %r failed (%s: %s); answering from %r.",
                alias,
                type(error).__name__,
                error,
                FALLBACK_ALIAS,
                exc_info=logger.isEnabledFor(logging.DEBUG),
            )
    return operation(get_search_backend(last))


class WindowedPaginator(Paginator):
    """A paginator that never offers pages past RESULT_WINDOW results."""

    @cached_property
    def total_count(self):
        return super().count

    @property
    def count(self):
        return min(self.total_count, RESULT_WINDOW)


def search_page(queryset, query, page_number=1, per_page=10, order_by_relevance=True):
    """One page of results as a Django ``Page`` (objects already loaded) whose paginator also
    knows the total number of matches (``paginator.total_count``)."""

    def operation(backend):
        results = backend.search(query, queryset, order_by_relevance=order_by_relevance)
        paginator = WindowedPaginator(results, per_page)
        page = paginator.get_page(page_number)
        page.object_list = list(page.object_list)
        paginator.total_count  # noqa: B018 - counted now, inside the fallback
        return page

    return run_search(operation)


def matching_ids(queryset, query, limit=RESULT_WINDOW, order_by_relevance=True):
    """Primary keys of the first ``limit`` matches, best first (or in the queryset's order)."""

    def operation(backend):
        results = backend.search(query, queryset, order_by_relevance=order_by_relevance)[:limit]
        # The site's backends read the keys alone; others (e.g. modelsearch's MySQL backend)
        # only offer objects.
        if hasattr(results, "pks"):
            return results.pks()
        return [obj.pk for obj in results]

    return run_search(operation)


def autocomplete_titles(queryset, query, limit=8):
    return run_search(lambda backend: list(backend.autocomplete(query, queryset)[:limit]))
