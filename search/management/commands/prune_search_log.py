"""``prune_search_log``: deletes the search log's counts older than SEARCH_LOG_DAYS days (or
``--days``), run daily from the scheduler (docs/operations.md)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from search.log import prune


class Command(BaseCommand):
    help = "Delete the search log's daily counts older than SEARCH_LOG_DAYS days (or --days)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, help="Keep this many days instead.")

    def handle(self, *args: Any, days: int | None, **options: Any) -> None:
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        deleted = prune(days)
        self.stdout.write(f"Deleted {deleted} daily search counts.")
