"""The private names of modelsearch, Wagtail and Django that the site's search backends override
or call (network/search/README.md, "Upstream names"). An upgrade that renames one would not fail
loudly: an override of a method that is no longer called is simply skipped, and the site falls
back to slower or unfiltered searching. These tests name what moved and who relies on it."""

import inspect

import pytest
from django.db import connection
from django.db.models import F
from modelsearch.backends.base import BaseSearchResults
from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

from network.search.backends import elasticsearch, opensearch, postgres

pytestmark = pytest.mark.both_databases

# modelsearch's SQLite backend needs its FTS table's model, which exists on SQLite only: its
# subclasses are checked in CI's SQLite pass.
if connection.vendor == "sqlite":
    from network.search.backends import sqlite

    SQLITE_CLASSES = [
        sqlite.RankedSQLiteSearchQueryCompiler,
        sqlite.RankedSQLiteAutocompleteQueryCompiler,
        sqlite.RankedSQLiteSearchResults,
        sqlite.RankedSQLiteSearchBackend,
        sqlite.AnalysedSQLiteIndex,
    ]
else:
    SQLITE_CLASSES = []

# Wagtail's Elasticsearch and OpenSearch backends, which the site's subclass.
STOCK_ENGINES = [
    backend.__bases__[0] for backend in (elasticsearch.SearchBackend, opensearch.SearchBackend)
]

# Every class of the site's that subclasses an upstream one.
SITE_CLASSES = [
    *SQLITE_CLASSES,
    postgres.AnalysedPostgresIndex,
    postgres.RankedPostgresSearchQueryCompiler,
    postgres.RankedPostgresAutocompleteQueryCompiler,
    postgres.RankedPostgresSearchResults,
    postgres.LanguagePostgresSearchBackend,
    *(
        cls
        for backend in (elasticsearch.SearchBackend, opensearch.SearchBackend)
        for cls in (
            backend,
            backend.mapping_class,
            backend.query_compiler_class,
            backend.results_class,
        )
    ),
]

# Names the site calls or whose value it replaces, not methods it overrides: (upstream class,
# name, who relies on it).
CALLED = [
    (BaseSearchResults, "_clone", "network/search/backends/multilingual.py"),
    (PostgresSearchQueryCompiler, "_build_rank_expression", "network/search/backends/postgres.py"),
    (F, "_combine", "network/search/backends/postgres.py"),
    *(
        (stock.results_class, name, "network/search/backends/multilingual.py")
        for stock in STOCK_ENGINES
        for name in ("_get_es_body", "_backend_do_search", "fields_param_name")
    ),
    *(
        (
            stock.mapping_class,
            "edgengram_analyzer_config",
            "network/search/backends/multilingual.py",
        )
        for stock in STOCK_ENGINES
    ),
]


def is_site_code(cls):
    return cls.__module__.startswith("search.")


def overridden_private_names(cls):
    """``{name: defining class}`` of the private methods and attributes the site's classes in
    ``cls``'s MRO define, except their own helpers (names no upstream class has either)."""
    names = {}
    for klass in inspect.getmro(cls):
        if is_site_code(klass):
            for name in vars(klass):
                if name.startswith("_") and not name.startswith("__"):
                    names.setdefault(name, klass)
    return names


def upstream_defines(cls, name):
    return any(name in vars(klass) for klass in inspect.getmro(cls) if not is_site_code(klass))


# The site's own private helpers, which no upstream class is expected to define.
OWN_HELPERS = {
    "_add_language_subfields",
    "_add_with_config",
    "_content_type_id",
    "_match_rows",
    "_matches",
    "_ranked_rows",
}


@pytest.mark.parametrize("cls", SITE_CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_private_override_still_overrides_something_upstream(cls):
    missing = [
        f"{name} (defined by {klass.__module__}.{klass.__qualname__})"
        for name, klass in overridden_private_names(cls).items()
        if name not in OWN_HELPERS and not upstream_defines(cls, name)
    ]
    assert not missing, (
        f"{cls.__qualname__}: no upstream class defines {', '.join(missing)} any more; "
        "find what replaced it and update the override (network/search/README.md, 'Upstream names')"
    )


def test_the_sites_own_helpers_are_not_upstream_names():
    """A helper that upstream starts to define would be overridden by accident."""
    clashes = [
        f"{cls.__qualname__}.{name}"
        for cls in SITE_CLASSES
        for name in OWN_HELPERS
        if name in overridden_private_names(cls) and upstream_defines(cls, name)
    ]
    assert not clashes, f"now defined upstream too: {', '.join(clashes)}"


@pytest.mark.parametrize(
    "owner, name, caller", CALLED, ids=lambda value: getattr(value, "__qualname__", value)
)
def test_every_name_relied_on_still_exists(owner, name, caller):
    assert hasattr(owner, name), (
        f"{owner.__module__}.{owner.__qualname__} has no {name} any more, which {caller} "
        "calls (network/search/README.md, 'Upstream names')"
    )
