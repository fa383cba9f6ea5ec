"""PostgreSQL full-text search ranked in one pass, each object analysed in its locale's language.

modelsearch's PostgreSQL compiler joins the caller's queryset to the index and ranks every
matching row before cutting the page. Here one query over the index entries, filtered by the
caller's queryset as a subquery, ranks and slices, and only the shown objects are loaded.

Text and queries are analysed in Python as on SQLite (network/search/analysis.py), and stored
and matched with the ``simple_unaccent`` configuration (network/migrations/0008), which keeps
the analysed words as they are. PostgreSQL's own Spanish stemmer would keep "ciudad" and
"ciudades" apart, and SQLite has none: one analysis finds the same pages on both.
"""

import operator
import re
from functools import reduce

from django.db.models import BigIntegerField, Case, F, IntegerField, Q, When
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not, PlainText

from network.search.backends.analysed_index import by_language
from network.search.backends.language import (
    LanguageHintMixin,
    SearchLanguageMixin,
)
from network.search.backends.ranking import (
    RankedSearchResultsMixin,
    caller_object_ids,
    has_integer_keys,
    key_field,
    searched_content_types,
)

# Words, already analysed, are only folded (again) and lower-cased.
CONFIG = "simple_unaccent"


def query_terms(query_string):
    """The words of a plain-text query, split as modelsearch splits them into lexemes."""
    return [term for term in re.split(r"[\s\-]+", query_string) if term]


class AnalysedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        for group in by_language(model, objs).values():
            super().add_items(model, group)


class RankedPostgresCompilerMixin:
    #: The index entry's own columns, as modelsearch's get_index_vectors names them from the model.
    entry_vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]

    def query_words(self, query):
        """The words a plain-text query is matched by."""
        return query_terms(query.query_string)

    def get_config(self, backend):
        return CONFIG

    def matches(self, config):
        query = self.query
        if (
            not self.order_by_relevance
            or self.fields is not None
            or isinstance(query, MatchAll | Fuzzy)
            or (isinstance(query, Not) and isinstance(query.subquery, MatchAll))
        ):
            return None
        entries = self.caller_entries()
        if isinstance(query, PlainText):
            # Each column's GIN index finds the entries with any of the words...
            any_word = self.build_tsquery(PlainText(query.query_string, operator="or"), config)
            entries = entries.filter(
                reduce(operator.or_, [Q(**{v.name: any_word}) for v, _ in self.entry_vectors])
            )
            # (one word: any word is every word, and the check below would only cost time)
            if query.operator == "or" or len(self.query_words(query)) == 1:
                return entries
        tsquery = self.build_tsquery(query, config=config)
        # ...and the whole text is checked there: all the words may be spread over the columns.
        vector = reduce(lambda a, b: a._combine(b, "||", False), [v for v, _ in self.entry_vectors])
        return entries.annotate(_vector_=vector).filter(_vector_=tsquery)

    def caller_entries(self):
        """The index entries of the caller's queryset, annotated with ``_key``, the object's
        primary key, and ``_content_type``, its specific type.

        The index stores object ids as text. Comparing them as text with the caller's keys
        means casting every key the caller's queryset yields (5,000 live pages of a language)
        and hashing strings; for integer keys the entries' ids are cast instead, and the
        database compares integers (half the time of the whole match). The cast only ever sees
        the ids of the searched models' entries, all of which have integer keys."""
        model = self.queryset.model
        content_types = searched_content_types(model)
        entries = IndexEntry.objects.filter(content_type_id__in=content_types).annotate(
            _content_type=F("content_type_id")
        )
        if not has_integer_keys(model):
            return entries.annotate(_key=F("object_id")).filter(
                object_id__in=caller_object_ids(self.queryset)
            )
        integer = (
            BigIntegerField() if isinstance(key_field(model), BigIntegerField) else IntegerField()
        )
        key = Case(When(content_type_id__in=content_types, then=Cast("object_id", integer)))
        return entries.annotate(_key=key).filter(_key__in=self.queryset.order_by().values("pk"))

    def score(self, config):
        """How well an entry matches: higher is better."""
        return self._build_rank_expression(self.entry_vectors, config)

    def ranked(self, matches, config):
        return (
            matches.annotate(score=self.score(config))
            .order_by(F("score").desc(), F("_key").desc())
            .values_list("_key", "score", "_content_type")
        )


class RankedPostgresSearchQueryCompiler(
    SearchLanguageMixin, RankedPostgresCompilerMixin, PostgresSearchQueryCompiler
):
    def build_tsquery_content(self, query, config=None, invert=False):
        build = super().build_tsquery_content
        return self.built_in_every_language(
            query, lambda variant: build(variant, config=config, invert=invert), invert=invert
        )

    def query_words(self, query):
        # "U.K." is one word as typed and two analysed ("u k"); of a search in every
        # language, the analysis with the most words.
        return max(
            (query_terms(variant.query_string) for variant in self.analysed_variants(query)),
            key=len,
        )


class RankedPostgresAutocompleteQueryCompiler(
    RankedPostgresCompilerMixin, PostgresAutocompleteQueryCompiler
):
    # Prefixes are not stemmed: autocomplete folds accents only, in every language.
    entry_vectors = [(F("autocomplete"), 1.0)]


class RankedPostgresSearchResults(
    LanguageHintMixin, RankedSearchResultsMixin, PostgresSearchResults
):
    pass


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = RankedPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = RankedPostgresAutocompleteQueryCompiler
    results_class = RankedPostgresSearchResults
    index_class = AnalysedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = self.autocomplete_config = CONFIG
