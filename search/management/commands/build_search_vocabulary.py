"""``build_search_vocabulary``: the words of every live, public page, per language, anew, for
"Did you mean" (search/vocabulary.py). Run nightly with ``update_index`` (docs/operations.md)."""

from typing import Any

from django.core.management.base import BaseCommand

from search.vocabulary import rebuild


class Command(BaseCommand):
    help = 'Rebuild the search vocabulary ("Did you mean") from every live, public page.'

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{rebuild()} words in the search vocabulary.")
