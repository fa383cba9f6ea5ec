"""Which search backend answers a query, and what happens when it fails.

Every search on the site goes through ``run_search``: the ``default`` backend (the search engine
when ELASTICSEARCH_URL or OPENSEARCH_URL is set) answers; if it is unreachable, too slow or errors,
the ``database`` backend, which Wagtail keeps up to date alongside it, answers instead.
Results are evaluated inside the call, so a failure cannot escape later from a template.

After a failure the engine is not asked again for SEARCH_ENGINE_RETRY_SECONDS (a circuit
breaker): during an outage a search costs no connection attempt, and the log gets one warning
when the outage starts and one line when the engine answers again, not one per search.
"""

import logging
import re
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import BaseSearchBackend

from network.lookups import InList
from network.search.backends.ranking import content_type_of, matched_keys

logger = logging.getLogger(__name__)

T = TypeVar("T")
# A result as a page of results holds it: (primary key, content type id).
Row = tuple[Any, int]

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


def clean_query(raw: object) -> str:
    """The query as the engines will see it: words only, whitespace-collapsed, bounded."""
    text = unicodedata.normalize("NFC", str(raw or "")[: MAX_QUERY_LENGTH * 4])
    words = NOT_WORD.sub(" ", text).split()[:MAX_TERMS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def backend_aliases() -> list[str]:
    aliases = [DEFAULT_ALIAS]
    if FALLBACK_ALIAS in settings.WAGTAILSEARCH_BACKENDS:
        aliases.append(FALLBACK_ALIAS)
    return aliases


@dataclass
class Outage:
    """A backend that failed: since when (``time.monotonic()``), and when to try it again."""

    started: float
    retry_at: float


class Breaker:
    """The backends that failed lately, in this process. Searches skip a failed backend until
    its ``retry_at``; the first search after that tries it again."""

    def __init__(self) -> None:
        self._outages: dict[str, Outage] = {}
        self._lock = threading.Lock()

    def outage(self, alias: str) -> Outage | None:
        return self._outages.get(alias)

    def is_open(self, alias: str) -> bool:
        outage = self._outages.get(alias)
        return outage is not None and time.monotonic() < outage.retry_at

    def failed(self, alias: str, error: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            first = alias not in self._outages
            outage = self._outages.setdefault(alias, Outage(started=now, retry_at=now))
            outage.retry_at = now + settings.SEARCH_ENGINE_RETRY_SECONDS
        if first:
            logger.warning(
                "Search backend %r failed (%s: %s); answering from %r, and trying %r again "
                "every %g s until it answers.",
                alias,
                type(error).__name__,
                error,
                FALLBACK_ALIAS,
                alias,
                settings.SEARCH_ENGINE_RETRY_SECONDS,
                exc_info=logger.isEnabledFor(logging.DEBUG),
            )

    def answered(self, alias: str) -> None:
        with self._lock:
            outage = self._outages.pop(alias, None)
        if outage is not None:
            logger.warning(
                "Search backend %r answers again, after %.0f s of searches from %r.",
                alias,
                time.monotonic() - outage.started,
                FALLBACK_ALIAS,
            )

    def reset(self) -> None:
        with self._lock:
            self._outages.clear()


breaker = Breaker()


def run_search(operation: Callable[[BaseSearchBackend], T]) -> T:
    """``operation(backend)`` on the default backend, or on the database backend if the default
    one fails or failed lately (``breaker``). ``operation`` must evaluate what it needs (lists,
    counts) before returning."""
    *primaries, last = backend_aliases()
    for alias in primaries:
        if breaker.is_open(alias):
            continue
        try:
            result = operation(get_search_backend(alias))
        except Exception as error:  # noqa: BLE001 - any engine failure falls back, logged
            breaker.failed(alias, error)
            continue
        breaker.answered(alias)
        return result
    return operation(get_search_backend(last))


class RankedRows:
    """``(primary key, content type id)`` of the first RESULT_WINDOW matches, best first, as a
    sequence for a paginator: its length is known from the counts, and a slice ranks only the
    rows it holds, unless they were ranked with the counts (``ranked``: start, stop, rows)."""

    def __init__(
        self, results: Any, total: int, ranked: tuple[Any, Any, list[Row]] | None = None
    ) -> None:
        self.results = results
        self.total = total
        self.ranked = ranked

    def __len__(self) -> int:
        return min(self.total, RESULT_WINDOW)

    def __getitem__(self, index: slice) -> list[Row]:
        if not isinstance(index, slice):
            raise TypeError("RankedRows only supports slices")
        start, stop, _step = index.indices(len(self))
        if stop <= start:
            return []
        if self.ranked is not None:
            ranked_start, ranked_stop, rows = self.ranked
            if ranked_start == start and stop <= ranked_stop:
                return rows[: stop - start]
        return self.results[start:stop].pks_and_content_types()


def requested_slice(page_number: int | str | None, per_page: int) -> tuple[int, int] | None:
    """``(start, stop)`` of the page a visitor asks for, if it may be in the result window: the
    rows to rank along with the counts. A number the paginator will correct gives None."""
    try:
        number = int(page_number or 1)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    if number < 1 or start >= RESULT_WINDOW:
        return None
    return start, min(start + per_page, RESULT_WINDOW)


@dataclass
class FacetedPage:
    """One page of a search.

    - ``page``: a paginator page whose ``object_list`` holds ``(primary key, content type id)``
      of the shown results, best first;
    - ``types``: ``{content type id: matches}``, ``counts``: ``{name: [(value, count), ...]}``
      as the caller asked;
    - ``total``: the matches counted; ``more``: whether they go past RESULT_WINDOW (or may: an
      engine that returns keys only up to its window cannot tell)."""

    page: object
    types: dict
    counts: dict
    total: int
    more: bool


def as_text(value: object) -> str | None:
    return None if value is None else str(value)


def search_in(
    backend: BaseSearchBackend,
    queryset: QuerySet[Any],
    query: str,
    language_code: str | None,
    **search_options: Any,
) -> Any:
    """``backend.search``; with ``language_code``, the language of the locale ``queryset`` is
    filtered on, when the backend's results can take it (network/search/backends/language.py)."""
    results = backend.search(query, queryset, **search_options)
    if language_code and hasattr(results, "in_language"):
        results = results.in_language(language_code)
    return results


def faceted_search(
    queryset: QuerySet[Any],
    query: str,
    counts: Callable[[Any], dict[str, QuerySet[Any]]],
    page_number: int | str | None = 1,
    per_page: int = 10,
    language_code: str | None = None,
    **search_options: Any,
) -> "FacetedPage":
    """One page of results and counts over the matches, from the backend that answers.

    ``counts(keys)`` returns ``{name: queryset}``, each queryset counting over the objects whose
    primary keys are ``keys`` (``pk__in=keys``: a subquery, or a list) and yielding rows of
    values then a count; they come back as ``{name: [(value as text, ..., count), ...]}``.

    On the site's database backends the counts are over every match, in one statement that
    finds the matches once and also ranks the page asked for (``results.count_matches``).
    Other backends (Elasticsearch) return ranked keys only, up to their result window: the
    counts are then over the best RESULT_WINDOW matches.

    ``language_code``: the language of the locale ``queryset`` is filtered on, if any."""

    def operation(backend: BaseSearchBackend) -> FacetedPage:
        rows: Any  # RankedRows, or a list of them: what a paginator reads either way
        results = search_in(backend, queryset, query, language_code, **search_options)
        if hasattr(results, "count_matches"):
            start, stop = requested_slice(page_number, per_page) or (None, None)
            shown, types, counted = results.count_matches(counts(matched_keys()), start, stop)
            total = sum(types.values())
            ranked = (start, stop, shown) if shown is not None else None
            rows, more = RankedRows(results, total, ranked), total > RESULT_WINDOW
        else:
            best = results[:RESULT_WINDOW]
            keys = best.pks() if hasattr(best, "pks") else [obj.pk for obj in best]
            model = queryset.model
            content_types = dict(
                model.objects.filter(InList(F("pk"), keys))
                .annotate(_content_type=content_type_of(model))
                .values_list("pk", "_content_type")
            )
            # A key whose object is gone since it was indexed is left out.
            rows = [(key, content_types[key]) for key in keys if key in content_types]
            types = dict(Counter(content_types.values()))
            counted = {
                name: [(*map(as_text, values), count) for *values, count in counting]
                for name, counting in counts(keys).items()
            }
            total, more = len(rows), len(keys) >= RESULT_WINDOW
        page: Any = Paginator(rows, per_page).get_page(page_number)
        page.object_list = list(page.object_list)
        return FacetedPage(page, types, counted, total, more)

    return run_search(operation)


def matching_ids(
    queryset: QuerySet[Any],
    query: str,
    limit: int = RESULT_WINDOW,
    order_by_relevance: bool = True,
) -> list[Any]:
    """Primary keys of the first ``limit`` matches, best first (or in the queryset's order)."""

    def operation(backend: BaseSearchBackend) -> list[Any]:
        results = backend.search(query, queryset, order_by_relevance=order_by_relevance)[:limit]
        # The site's backends read the keys alone; others (e.g. modelsearch's MySQL backend)
        # only offer objects.
        if hasattr(results, "pks"):
            return results.pks()
        return [obj.pk for obj in results]

    return run_search(operation)


def autocomplete_titles(queryset: QuerySet[Any], query: str, limit: int = 8) -> list[Any]:
    return run_search(lambda backend: list(backend.autocomplete(query, queryset)[:limit]))
