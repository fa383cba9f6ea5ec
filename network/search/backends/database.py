"""The site's database search backend: modelsearch's, ranked in one pass and language-aware.

``SearchBackend(params)`` picks the implementation by the default connection's vendor, as
``modelsearch.backends.database.SearchBackend`` does; vendors other than SQLite and PostgreSQL
get modelsearch's own.

Speed. modelsearch's SQLite backend (``SQLiteSearchQueryCompiler.search``) scores with BM25 in a
correlated subquery evaluated once per matching row, each evaluation re-running the full-text
MATCH, so relevance-ordered searches grow with the square of the number of matches. Both
backends here rank all matches in one query over the index, filtered by the caller's queryset
as a non-correlated subquery, cut to the requested slice, then load only the shown objects
(see network/search/backends/ranking.py); a count is one query.

Language. PostgreSQL indexes each object with the text search configuration of its locale's
language, Spanish or English stemming with accents folded (network/search/backends/postgres.py).
SQLite cannot stem: FTS5 offers only the ``porter`` stemmer, which is English-only, and
modelsearch's FTS5 table uses the default ``unicode61`` tokenizer for every language. So on
SQLite "ciudad" does not find "ciudades" (nor "district" "districts"); words match whole, or
by prefix in autocomplete. That tokenizer's default ``remove_diacritics 1`` already folds the
accents of Spanish letters, so "cooperacion" finds "cooperación" with no migration.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as modelsearch_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name.
    if connection.vendor == "postgresql":
        from network.search.backends.postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    backend = modelsearch_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from network.search.backends.sqlite import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
