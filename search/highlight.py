"""Search-result snippets with the query's words marked, built by us because Wagtail's search
API returns no highlights. A word is marked when it is analysed as a word of the query is
(network/search/analysis.py, as the database backends match them): case and accents aside
("cooperacion" marks "Cooperación"), singular or plural ("ciudad" marks "ciudades", "city"
marks "cities"), stop words never. Everything else in the snippet is escaped."""

import unicodedata
from itertools import chain

from django.utils.html import escape
from django.utils.safestring import mark_safe

from network.search.analysis import WORD, analysed_word, language_of, terms

SNIPPET_LENGTH = 240
MAX_TEXT_LENGTH = 20_000  # enough for any snippet; bounds the work on a long PDF


def snippet_source(text):
    # Composed, as the analysis composes it: an accent stored apart stays inside its word.
    return " ".join(unicodedata.normalize("NFC", (text or "")[:MAX_TEXT_LENGTH]).split())


def query_matches(text, query, language):
    """The spans of the words of ``text`` that a word of ``query`` matches, in order."""
    language = language_of(language)
    wanted = frozenset(terms(query, language))
    if not wanted:
        return
    for match in WORD.finditer(text):
        if analysed_word(match.group(), language) in wanted:
            yield match


def mentions(text, query, language):
    """Whether ``highlight`` would mark a word of ``query`` in ``text``."""
    return next(query_matches(snippet_source(text), query, language), None) is not None


def highlight(text, query, language, length=SNIPPET_LENGTH):
    """An escaped excerpt of ``text`` around the first match, cut at word boundaries, matches
    wrapped in ``<mark>``."""
    text = snippet_source(text)
    matches = query_matches(text, query, language)
    first = next(matches, None)
    start = 0
    if first and len(text) > length and first.start() > length // 3:
        start = first.start() - length // 3
        space = text.find(" ", start, first.start())
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        # At a word boundary, never before the end of the first match.
        space = text.rfind(" ", first.end() if first else start, end + 1)
        end = space if space > start else end
    pieces, position = [], start
    for match in chain([first], matches) if first else ():
        if match.start() >= end:
            break
        match_end = min(match.end(), end)
        pieces += [
            escape(text[position : match.start()]),
            "<mark>",
            escape(text[match.start() : match_end]),
            "</mark>",
        ]
        position = match_end
    pieces.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    # Every piece of text is escaped above; only the <mark> tags are ours.
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308


def highlight_title(title, query, language):
    return highlight(title, query, language, length=len(title or ""))
