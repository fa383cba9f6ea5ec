"""The language a search is analysed in, when the caller already knows it."""


class LanguageHintMixin:
    """Mixed into the site's search results classes.

    A search is analysed in the language of the locale its queryset is filtered on, which the
    query compiler looks up by the locale's id: a query on every search. A caller that filtered
    on a locale it holds says its language with ``in_language``, and the lookup is skipped."""

    def in_language(self, language_code):
        self.query_compiler.filtered_language_code = language_code
        return self
