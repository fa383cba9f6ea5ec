"""``update_index``: Wagtail's, except that a search engine that fails does not stop the rest.

Wagtail's command rebuilds the configured backends one after the other and stops at the first
error, so with the engine (the ``default`` backend) down the database index, which answers in its
place, would not be rebuilt either. This one rebuilds every backend it can, then exits non-zero
naming each backend that failed and its URL.
"""

from typing import Any

from django.core.management.base import CommandError
from modelsearch.conf import get_app_config
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex


class Command(WagtailUpdateIndex):
    help = (
        "Rebuild the search indexes of every configured backend (the search engine's atomically); "
        "exits non-zero, naming it, if one cannot be rebuilt."
    )

    def handle(self, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        config = get_app_config().get_search_backend_config()
        names = [options["backend_name"]] if options["backend_name"] else list(config)
        failures = []
        for name in names:
            try:
                self.update_backend(
                    name, schema_only=options["schema_only"], chunk_size=options["chunk_size"]
                )
            except Exception as error:  # noqa: BLE001 - reported below, after the other backends
                where = ", ".join(config.get(name, {}).get("URLS", [])) or "no URL"
                failures.append(f"{name!r} ({where}): {type(error).__name__}: {error}")
                self.stderr.write(f"Could not rebuild the {name!r} search index ({where}).")
        if failures:
            raise CommandError("Search index not rebuilt on " + "; ".join(failures))
