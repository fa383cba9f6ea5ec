"""PostgreSQL full-text search ranked in one pass, each object in the language of its locale.

modelsearch's PostgreSQL compiler joins the caller's queryset to the index and ranks every
matching row before cutting the page. Here one query over the index entries, filtered by the
caller's queryset as a subquery, ranks and slices, and only the shown objects are loaded.

Each object is indexed with the text search configuration of its locale's language (created by
network/migrations/0001): ``es_unaccent`` (Spanish stemming), ``en_unaccent`` (English stemming),
else ``simple_unaccent``; all fold accents. A search uses the configuration of the locale its
queryset is filtered on, else that of the active language.
"""

import copy
import operator
import re
from functools import reduce

from django.db import connections
from django.db.models import BigIntegerField, Case, F, IntegerField, Q, When
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not, PlainText
from wagtail.models import Locale

from network.search.backends.language import LanguageHintMixin
from network.search.backends.ranking import (
    RankedSearchResultsMixin,
    caller_object_ids,
    has_integer_keys,
    key_field,
    searched_content_types,
)

LANGUAGE_CONFIGS = {"en": "en_unaccent", "es": "es_unaccent"}
# Without a language of their own (untranslatable models, other locales) words are only folded.
NEUTRAL_CONFIG = "simple_unaccent"


def language_config(language_code):
    return LANGUAGE_CONFIGS.get((language_code or "").split("-")[0].lower(), NEUTRAL_CONFIG)


def query_terms(query_string):
    """The words of a plain-text query, split as modelsearch splits them into lexemes."""
    return [term for term in re.split(r"[\s\-]+", query_string) if term]


# {(database alias, configuration, word): whether the configuration drops it}, as found.
_stop_words: dict[tuple[str, str, str], bool] = {}
STOP_WORDS_KEPT = 10_000


def stop_words(terms, config, using):
    """Those of ``terms`` that ``config`` drops as stop words, asked of PostgreSQL once per word
    (one query for the words not asked before), since its dictionaries list them."""
    unknown = sorted({term for term in terms if (using, config, term) not in _stop_words})
    if unknown:
        if len(_stop_words) > STOP_WORDS_KEPT:
            _stop_words.clear()
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT term, to_tsvector(%s::regconfig, term) = ''::tsvector "
                "FROM unnest(%s::text[]) AS term",
                [config, unknown],
            )
            for term, dropped in cursor.fetchall():
                _stop_words[using, config, term] = dropped
    return {term for term in terms if _stop_words.get((using, config, term))}


def is_translatable(model):
    return any(field.name == "locale" for field in model._meta.get_fields())


def filtered_language(queryset):
    """The language code of the locale a queryset is filtered on (``locale=``, ``locale_id=`` or
    ``locale__language_code=`` at the top level), or None."""
    for lookup in queryset.query.where.children:
        if not isinstance(lookup, Exact) or not hasattr(lookup.lhs, "target"):
            continue
        field = lookup.lhs.target
        if field.model is Locale and field.name == "language_code":
            return lookup.rhs
        if field.name == "locale" and field.related_model is Locale:
            return (
                Locale.objects.filter(pk=lookup.rhs).values_list("language_code", flat=True).first()
            )
    return None


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        if not is_translatable(model):
            return self._add_with_config(model, objs, NEUTRAL_CONFIG)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = {}
        for obj in objs:
            groups.setdefault(language_config(languages.get(obj.locale_id)), []).append(obj)
        for config, group in groups.items():
            self._add_with_config(model, group, config)

    def _add_with_config(self, model, objs, config):
        # modelsearch's indexer reads the configuration from the backend it is given.
        backend = copy.copy(self.backend)
        backend.config = config
        PostgresIndex(backend).add_items(model, objs)


class RankedPostgresCompilerMixin:
    #: The index entry's own columns, as modelsearch's get_index_vectors names them from the model.
    entry_vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]

    def get_config(self, backend):
        if not hasattr(self, "_config"):
            model = self.queryset.model
            if is_translatable(model):
                language = getattr(self, "filtered_language_code", None)
                language = language or filtered_language(self.queryset) or get_language()
                self._config = language_config(language)
            else:
                self._config = NEUTRAL_CONFIG
        return self._config

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
            if query.operator == "or" or len(query_terms(query.query_string)) == 1:
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


class RankedPostgresSearchQueryCompiler(RankedPostgresCompilerMixin, PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        """Snowball's Spanish stemmer keeps consonant-ending plurals apart ("ciudad" gives
        'ciud', "ciudades" 'ciudad'), so in Spanish each word also asks for its -es plural."""
        if config != LANGUAGE_CONFIGS["es"] or not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = query_terms(query.query_string)
        if not terms:
            return None
        # A stop word ("del", "el") drops out of the query as it does out of the text; its
        # "plural" ("deles") would not, and would be asked for in every match.
        dropped = stop_words(terms, config, self.queryset.db)

        def word(form):
            return super(RankedPostgresSearchQueryCompiler, self).build_tsquery_content(
                PlainText(form), config=config, invert=invert
            )

        # De Morgan, as modelsearch: a negated word excludes both forms.
        either_form = operator.and_ if invert else operator.or_
        between_words = operator.and_ if (query.operator == "and") != invert else operator.or_
        return reduce(
            between_words,
            [
                word(form) if form in dropped else either_form(word(form), word(form + "es"))
                for form in terms
            ],
        )


class RankedPostgresAutocompleteQueryCompiler(
    RankedPostgresCompilerMixin, PostgresAutocompleteQueryCompiler
):
    entry_vectors = [(F("autocomplete"), 1.0)]

    def get_config(self, backend):
        # Prefixes are not stemmed, so autocomplete folds accents only, in every language.
        return NEUTRAL_CONFIG


class RankedPostgresSearchResults(
    LanguageHintMixin, RankedSearchResultsMixin, PostgresSearchResults
):
    pass


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = RankedPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = RankedPostgresAutocompleteQueryCompiler
    results_class = RankedPostgresSearchResults
    index_class = LanguagePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = NEUTRAL_CONFIG
