"""The search log: every public search counted per day, language and query, and whether it found
anything, for the admin's report of what visitors look for (search/reports.py). Old days are
deleted by ``prune_search_log``, run on a schedule (docs/operations.md)."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

from network.search.service import clean_query
from search.models import DailySearchCount


def logged_query(query: str) -> str:
    """The query as it is counted and as promoted results are matched: the words the engines
    see (``clean_query``: no punctuation, accents composed), lower case, so "Barrios,
    comerciales" and "barrios  comerciales" are one query."""
    return normalise_query_string(clean_query(query))


def count_search(query: str, language_code: str, found_anything: bool) -> None:
    """One more search for ``query`` today in ``language_code``. Two visitors counting the same
    query at once both count: an update, else a new row, else (the other created it) an
    update."""
    key = {
        "day": timezone.localdate(),
        "language": language_code,
        "query": logged_query(query),
    }
    if not key["query"]:
        return
    increments = {
        "searches": F("searches") + 1,
        "without_results": F("without_results") + (0 if found_anything else 1),
    }
    if DailySearchCount.objects.filter(**key).update(**increments):
        return
    try:
        with transaction.atomic():
            DailySearchCount.objects.create(
                **key, searches=1, without_results=0 if found_anything else 1
            )
    except IntegrityError:
        DailySearchCount.objects.filter(**key).update(**increments)


def prune(days: int | None = None) -> int:
    """Deletes the counts of days more than ``days`` (SEARCH_LOG_DAYS) ago; returns how many
    rows went."""
    keep = settings.SEARCH_LOG_DAYS if days is None else days
    oldest_kept = timezone.localdate() - datetime.timedelta(days=keep)
    deleted, _by_model = DailySearchCount.objects.filter(day__lt=oldest_kept).delete()
    return deleted
