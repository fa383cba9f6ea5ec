"""SQLite FTS5 search ranked in one pass, each object analysed in the language of its locale.

modelsearch's ``SQLiteSearchQueryCompiler.search`` orders by a correlated subquery
(``index_query.filter(index_entry__object_id=OuterRef("pk"))``) that runs the whole FTS5 MATCH
and its BM25 again for every matching row: quadratic in the number of matches (some 8.7 s for a
word found in 4,000 of 10,000 pages). Here the MATCH runs once, filtered by the caller's
queryset as a non-correlated subquery, ordered by BM25 and cut to the requested slice.

FTS5 stems English only (``porter``), and modelsearch's table uses no stemmer at all: the text is
analysed before it is stored, and a query before it is matched (network/search/analysis.py).
"""

from django.db.models import F, IntegerField, Value
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not

from network.search.backends.analysed_index import by_language
from network.search.backends.language import (
    LanguageHintMixin,
    SearchLanguageMixin,
)
from network.search.backends.ranking import (
    RankedSearchResultsMixin,
    caller_object_ids,
    has_integer_keys,
    searched_content_types,
)

# A title hit counts this many body hits.
TITLE_WEIGHT = 5.0


class ColumnWeightedBM25(BM25):
    """modelsearch adds one unweighted bm25() per vector and multiplies the title's by the title
    norm, which favours every short-titled match, wherever the words are: a body match could
    outrank a title match. Weighting the title column itself makes title matches count."""

    def as_sql(self, compiler, connection, function=None, template=None):
        # Weights follow the FTS table's columns: autocomplete, body, title.
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 1.0, 1.0, {TITLE_WEIGHT})", []


class RankedSQLiteCompilerMixin:
    def matches(self, config):
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        model = self.queryset.model
        # The index stores object ids as text.
        key = F("index_entry__object_id")
        if has_integer_keys(model):
            key = Cast(key, output_field=IntegerField())
        return SQLiteFTSIndexEntry.objects.filter(
            match,
            index_entry__content_type__in=searched_content_types(model),
            index_entry__object_id__in=caller_object_ids(self.queryset),
        ).annotate(_key=key, _content_type=F("index_entry__content_type_id"))

    def score(self, config):
        """How well an entry matches, higher being better (bm25() is lower for better)."""
        return ColumnWeightedBM25() * Value(-1.0)

    def ranked(self, matches, config):
        # bm25() is lower for better matches; ties fall back to the newest object, as upstream.
        return (
            matches.annotate(score=ColumnWeightedBM25())
            .order_by("score", F("_key").desc())
            .values_list("_key", "score", "_content_type")
        )


class RankedSQLiteSearchQueryCompiler(
    SearchLanguageMixin, RankedSQLiteCompilerMixin, SQLiteSearchQueryCompiler
):
    def build_search_query_content(self, query, config=None):
        build = super().build_search_query_content
        return self.built_in_every_language(query, lambda variant: build(variant, config=config))


class RankedSQLiteAutocompleteQueryCompiler(
    RankedSQLiteCompilerMixin, SQLiteAutocompleteQueryCompiler
):
    pass


class RankedSQLiteSearchResults(LanguageHintMixin, RankedSearchResultsMixin, SQLiteSearchResults):
    pass


class AnalysedSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        for group in by_language(model, objs).values():
            super().add_items(model, group)


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = AnalysedSQLiteIndex
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
