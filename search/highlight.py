"""Search-result snippets with the query's words marked, built by us because Wagtail's search
API returns no highlights. Matching ignores case and accents ("cooperacion" marks
"Cooperación") and accepts longer forms of a word ("ciudad" marks "ciudades"); everything else
in the snippet is escaped."""

import functools
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

SNIPPET_LENGTH = 240
MAX_TEXT_LENGTH = 20_000  # enough for any snippet; bounds the work on a long PDF
MIN_TERM_LENGTH = 2
WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=4096)
def fold_character(character):
    base = unicodedata.normalize("NFD", character)[0].lower()
    return base if len(base) == 1 else character


def fold(text):
    """Lower case without accents, one character per character of ``text`` so that positions
    in the folded text are positions in the original."""
    if text.isascii():
        return text.lower()
    # Each distinct character is decomposed once (a text repeats few of them).
    return "".join(map(fold_character, text))


def query_terms(query):
    terms = set()
    for word in WORD.findall(fold(query)):
        if len(word) >= MIN_TERM_LENGTH:
            # A crude plural strip so that "districts" also marks "district".
            terms.add(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return sorted(terms, key=len, reverse=True)


def term_pattern(terms):
    return re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\w*")


def snippet_source(text):
    return " ".join((text or "")[:MAX_TEXT_LENGTH].split())


def mentions(text, query):
    """Whether ``highlight`` would mark a word of ``query`` in ``text``."""
    terms = query_terms(query)
    return bool(terms) and term_pattern(terms).search(fold(snippet_source(text))) is not None


def highlight(text, query, length=SNIPPET_LENGTH):
    """An escaped excerpt of ``text`` around the first match, cut at word boundaries, matches
    wrapped in ``<mark>``."""
    text = snippet_source(text)
    terms = query_terms(query)
    pattern = term_pattern(terms)
    folded = fold(text)
    first = pattern.search(folded) if terms else None
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
    for match in pattern.finditer(folded, start, end) if terms else ():
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


def highlight_title(title, query):
    return highlight(title, query, length=len(title or ""))
