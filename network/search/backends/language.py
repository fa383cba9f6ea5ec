"""The language a search is analysed in: that of the locale its queryset is filtered on."""

from django.db.models.lookups import Exact
from django.utils.translation import get_language
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


class SearchLanguageMixin:
    """Mixed into the database backends' query compilers."""

    def search_language(self):
        """The analysed language of the search ("en", "es"), or None: that of the locale the
        queryset is filtered on, else the active language; None for models without locales."""
        if not hasattr(self, "_search_language"):
            language = None
            if is_translatable(self.queryset.model):
                language = getattr(self, "filtered_language_code", None)
                language = language or filtered_language(self.queryset) or get_language()
            self._search_language = language_of(language)
        return self._search_language


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
