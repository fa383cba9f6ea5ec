"""The languages a search is analysed in: that of the locale its queryset is filtered on, or
every site language, each page having been indexed in its own."""

import operator
from functools import reduce

from django.conf import settings
from django.db.models.lookups import Exact
from modelsearch.query import Phrase, PlainText
from wagtail.models import Locale

from network.search.analysis import WORD, analyse, fold, language_of


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


def site_languages():
    """The analysed languages of the site's content languages, in their order."""
    languages = (language_of(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    return tuple(dict.fromkeys(language for language in languages if language))


class SearchLanguageMixin:
    """Mixed into the database backends' query compilers."""

    def search_languages(self):
        """The analysed languages of the search: that of the locale the queryset is filtered
        on; every site language when it is filtered on none ("all languages", a library's
        untranslated items, the admin); (None,) for models without locales."""
        if not hasattr(self, "_search_languages"):
            languages = (None,)
            if is_translatable(self.queryset.model):
                code = getattr(self, "filtered_language_code", None)
                code = code or filtered_language(self.queryset)
                languages = (language_of(code),) if code else site_languages() or (None,)
            self._search_languages = languages
        return self._search_languages

    def analysed_variants(self, query):
        """``query`` analysed in each search language: one query per different analysis."""
        variants = [analysed_query(query, language) for language in self.search_languages()]
        if not isinstance(query, PlainText | Phrase):
            return variants[:1]
        return list({variant.query_string: variant for variant in variants}.values())

    def built_in_every_language(self, query, build, invert=False):
        """``build(variant)`` for each analysed variant of ``query``, joined by OR (a page
        matches in its own language); by AND when the built queries are negated."""
        built = [build(variant) for variant in self.analysed_variants(query)]
        return reduce(operator.and_ if invert else operator.or_, built)


def analysed_query(query, language):
    """A plain-text or phrase query in the words the index holds (network/search/analysis.py);
    other queries as they are (their parts are analysed one by one). A query of stop words (or
    of words too long to be indexed) only is searched as typed, folded: the index holds none of
    them, so it finds nothing."""
    if not isinstance(query, PlainText | Phrase):
        return query
    text = analyse(query.query_string, language) or " ".join(
        fold(word) for word in WORD.findall(query.query_string)
    )
    if not text:
        return query
    if isinstance(query, Phrase):
        return Phrase(text)
    return PlainText(text, operator=query.operator, boost=query.boost)


class LanguageHintMixin:
    """Mixed into the site's search results classes.

    A search is analysed in the language of the locale its queryset is filtered on, which the
    query compiler looks up by the locale's id: a query on every search. A caller that filtered
    on a locale it holds says its language with ``in_language``, and the lookup is skipped."""

    def in_language(self, language_code):
        self.query_compiler.filtered_language_code = language_code
        return self
