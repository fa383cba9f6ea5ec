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

Language. Both analyse text and queries alike, in Python, in the language of each object's
locale (network/search/analysis.py): accents folded, stop words dropped, plurals made singular
and words stemmed with Snowball's stemmers. The databases only match the analysed words, so a
query finds the same pages on SQLite and PostgreSQL.
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
