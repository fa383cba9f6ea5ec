"""English and Spanish language analysis for Wagtail's Elasticsearch and OpenSearch backends.

One piece of code for both engines: ``multilingual_backend(stock)`` takes a modelsearch backend
class (``Elasticsearch9SearchBackend``, ``OpenSearch2SearchBackend``), whose mapping, query
compiler and results classes share modelsearch's ``elasticsearchbase``, and returns it with the
site's analysis. ``network/search/backends/elasticsearch.py`` and ``opensearch.py`` are one line
each.

Design: one index per root model (as stock Wagtail), in which every full-text field also gets one
sub-field per site language (``title.es``, ``_all_text.en``, ...) analysed by that language's
analyzer: lowercase, stop words, ASCII folding and stemming, so "cooperacion" finds "cooperación",
"ciudad" finds "ciudades" and "districts" finds "district". A query searches the sub-fields of the
language of the locale its queryset is filtered to (``Page.objects.live().filter(locale=...)``),
and the sub-fields of every language when there is no such filter (documents, "all languages").

Why sub-fields rather than one index per language: Wagtail decides the index from the model alone
(``get_index_for_model``); ``update_index`` and the atomic rebuilder (new index + alias swap) work
per index and put every object of a model in it. Per-language indexes would need our own routing
in ``add``/``add_bulk``/``delete``, the rebuild command and the results class. Sub-fields only
change the mapping, the analysis settings and which field names a query targets, so rebuilds,
aliases and signal-driven updates stay Wagtail's own. See network/search/README.md.

The idea of choosing the language analysis from the locale being searched comes from the Mozilla
Foundation site (``get_search_backend_for_locale``); here it is done inside one backend instead of
one configured backend per language, so settings need a single engine entry.

Indexing errors (e.g. the engine down) do not break publishing: the backend keeps Wagtail's
``catch_indexing_errors = True``, so modelsearch's signal handlers log them and carry on.
"""

from copy import deepcopy

from django.db.models.lookups import Exact
from django.db.models.sql.where import AND, WhereNode
from modelsearch.utils import deep_update
from wagtail.models import Locale

from network.search.backends.language import LanguageHintMixin

# Language code -> analyzer of its sub-field; the code is also the sub-field's name.
LANGUAGE_ANALYZERS = {"en": "english_folded", "es": "spanish_folded"}

ANALYSIS = {
    "analyzer": {
        # Stop words are removed before folding because the stop lists are spelled with accents
        # ("él", "más"); folding comes before stemming so accented and plain spellings stem alike.
        "english_folded": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "english_possessive_stemmer",
                "lowercase",
                "english_stop",
                "asciifolding",
                "english_stemmer",
            ],
        },
        "spanish_folded": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "spanish_stop", "asciifolding", "spanish_stemmer"],
        },
        # Search-time analyzer of the autocomplete fields: their index analyzer already folds
        # accents, so the query must be folded too or "cooperación" would miss "cooperacion".
        "folding": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        },
    },
    "filter": {
        "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
        "english_stop": {"type": "stop", "stopwords": "_english_"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
        "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
        # light_spanish is Elasticsearch's recommended Spanish stemmer: it strips plurals and
        # gender without the over-stemming of the Snowball "spanish" one.
        "spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
    },
}


def has_language_subfields(field_mapping):
    """Whether a mapped field is full text analysed per language.

    Autocomplete fields carry their own (edge n-gram) analyzer and stay language-neutral.
    """
    return field_mapping.get("type") == "text" and "analyzer" not in field_mapping


def filtered_locale_id(where):
    """The locale id a queryset's WHERE clause requires (``filter(locale=...)``), or None.

    Only filters every result must meet count: ANDed, not negated.
    """
    if where.negated or where.connector != AND:
        return None
    for child in where.children:
        if isinstance(child, WhereNode):
            locale_id = filtered_locale_id(child)
            if locale_id is not None:
                return locale_id
        elif (
            isinstance(child, Exact)
            and getattr(getattr(child.lhs, "target", None), "attname", None) == "locale_id"
            and isinstance(child.rhs, int)
        ):
            return child.rhs
    return None


class MultilingualMappingMixin:
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "folding",
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        self._add_language_subfields(mapping["properties"])
        return mapping

    def _add_language_subfields(self, properties):
        for field_mapping in properties.values():
            if field_mapping["type"] == "nested":
                self._add_language_subfields(field_mapping["properties"])
            elif has_language_subfields(field_mapping):
                field_mapping.setdefault("fields", {}).update(
                    {
                        language: {"type": "text", "analyzer": analyzer}
                        for language, analyzer in LANGUAGE_ANALYZERS.items()
                    }
                )


class MultilingualQueryCompilerMixin:
    def search_languages(self):
        """The languages whose sub-fields this query searches: the filtered locale's, or all."""
        locale_id = filtered_locale_id(self.queryset.query.where)
        if locale_id is not None:
            code = getattr(self, "filtered_language_code", None) or (
                Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
            )
            # Regional variants ("es-cl") share their language's analysis.
            language = (code or "").split("-")[0].lower()
            if language in LANGUAGE_ANALYZERS:
                return [language]
        return list(LANGUAGE_ANALYZERS)

    def _remap_fields(self, fields):
        # Field names only (not types) come back from the parent, so look the types up again;
        # the _all_text* catch-all fields are not search_fields and are always language text.
        column_mappings = dict(
            self.mapping.get_field_mapping(field) for field in self.get_searchable_fields()
        )
        languages = self.search_languages()
        remapped = []
        for field in super()._remap_fields(fields):
            if has_language_subfields(column_mappings.get(field.field_name, {"type": "text"})):
                remapped.extend(
                    type(field)(f"{field.field_name}.{language}", field.boost)
                    for language in languages
                )
            else:
                remapped.append(field)
        return remapped


class KeysOnlyResultsMixin(LanguageHintMixin):
    pks_only = False

    def pks(self):
        """The primary keys of this slice of results, best first, as the engine returns them,
        without loading the objects from the database."""
        clone = self._clone()
        clone.pks_only = True
        return list(clone)

    def _do_search(self):
        """Keys come in one request, ``from``/``size``, rather than modelsearch's scroll of 100
        hits a request for a slice longer than 100: the search page asks for the best
        RESULT_WINDOW keys, which took eleven requests, and a scroll still open when an atomic
        rebuild deletes the old index failed the search (a 404 on clearing the scroll)."""
        if not self.pks_only or self.stop is None:
            yield from super()._do_search()
            return
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "from_": self.start,
            "size": self.stop - self.start,
        }
        hits = self._backend_do_search(self._get_es_body(), **params)["hits"]["hits"]
        yield from self._get_results_from_hits(hits)

    def _get_results_from_hits(self, hits):
        if not self.pks_only:
            yield from super()._get_results_from_hits(hits)
            return
        to_pk = self.query_compiler.queryset.model._meta.pk.to_python
        for hit in hits:
            yield to_pk(hit["fields"]["pk"][0])


def multilingual_backend(stock, name):
    """The modelsearch backend class ``stock`` with the site's language analysis and keys-only
    results; its mapping, query compiler and results classes are subclassed in the same way.
    ``name`` names the engine to people (the health check, logs)."""

    class Mapping(MultilingualMappingMixin, stock.mapping_class):
        pass

    class QueryCompiler(MultilingualQueryCompilerMixin, stock.query_compiler_class):
        mapping_class = Mapping

    class Results(KeysOnlyResultsMixin, stock.results_class):
        pass

    class SearchBackend(stock):
        engine_name = name
        mapping_class = Mapping
        query_compiler_class = QueryCompiler
        results_class = Results
        # Wagtail's analysis (n-gram analyzers for autocomplete) plus the language analyzers.
        settings = deep_update(deepcopy(stock.settings), {"settings": {"analysis": ANALYSIS}})

    # Names in tracebacks and reprs say which engine: "MultilingualOpenSearch2Mapping".
    engine = stock.__name__.removesuffix("SearchBackend")
    for cls in (Mapping, QueryCompiler, Results, SearchBackend):
        cls.__qualname__ = cls.__name__ = f"Multilingual{engine}{cls.__name__}"
    return SearchBackend
