"""The words of the site's published pages, per language, and "Did you mean" from them.

A misspelt query ("gobernaza", "leadersip") that finds nothing is offered the closest words of
the vocabulary of the visitor's language (rapidfuzz's similarity ratio over words that begin
with the same letter and are of about the same length), kept only if the corrected query finds
something. A page's new words join the vocabulary as it is published (search/signal_handlers.py);
``build_search_vocabulary`` rebuilds it from every live, public page (nightly, with
``update_index``: docs/operations.md), counting every word again and forgetting those of removed
content. A word left from removed content is harmless meanwhile: its suggestion would find
nothing more, so it is not offered."""

import re
from collections import Counter

from django.db import transaction
from django.db.models.functions import Length
from rapidfuzz import fuzz, process
from wagtail.models import Page

from network.i18n import language_codes_by_locale
from network.restrictions import public
from network.search.analysis import fold
from search.models import SearchWord

WORD = re.compile(r"[^\W\d_]{3,}")
MAX_WORD_LENGTH = SearchWord._meta.get_field("word").max_length
# How alike a misspelling and a word must be (rapidfuzz's ratio, 0–100), and how much longer or
# shorter a word may be: "gobernaza" finds "gobernanza", "ciudad" does not become "ciudades".
MIN_SIMILARITY = 80
LENGTH_SLACK = 2


def page_words(page: Page) -> Counter:
    """``{(folded, spelling): occurrences}`` of a (specific) page's title and the text a reader
    sees."""
    # The site's pages say what a reader sees (BasePage.search_snippet_text); others, only this.
    readable = getattr(page, "search_snippet_text", None)
    text = " ".join([page.title, readable() if readable else page.search_description])
    return Counter(
        (fold(word), word.lower()) for word in WORD.findall(text) if len(word) <= MAX_WORD_LENGTH
    )


def add_words(language: str, counts: Counter) -> None:
    """Adds the words of ``counts`` (``page_words``) that the vocabulary of ``language`` does not
    have yet, each with its most frequent spelling, in one query; the occurrences of words it
    has are counted again by ``rebuild`` only (they only order equally alike suggestions)."""
    totals: Counter = Counter()
    spellings: dict[str, Counter] = {}
    for (word, spelling), occurrences in counts.items():
        totals[word] += occurrences
        spellings.setdefault(word, Counter())[spelling] += occurrences
    SearchWord.objects.bulk_create(
        [
            SearchWord(
                language=language,
                word=word,
                spelling=spellings[word].most_common(1)[0][0],
                occurrences=occurrences,
            )
            for word, occurrences in totals.items()
        ],
        ignore_conflicts=True,
    )


def rebuild() -> int:
    """The vocabulary anew from every live, public page; returns its size."""
    languages = language_codes_by_locale()
    counts: dict[str, Counter] = {}
    pages = public(Page.objects.live().filter(depth__gt=1)).specific().iterator(chunk_size=500)
    for page in pages:
        counts.setdefault(languages[page.locale_id], Counter()).update(page_words(page))
    with transaction.atomic():
        SearchWord.objects.all().delete()
        for language, language_counts in counts.items():
            add_words(language, language_counts)
    return SearchWord.objects.count()


def did_you_mean(query: str, language: str) -> str | None:
    """``query`` with each word the vocabulary of ``language`` does not have replaced by the most
    alike word it has (the most frequent of equally alike ones), or None when no word changes."""
    words = query.split()
    known = set(
        SearchWord.objects.filter(language=language, word__in=[fold(w) for w in words]).values_list(
            "word", flat=True
        )
    )
    corrected, changed = [], False
    for word in words:
        key = fold(word)
        replacement = None if key in known or len(key) < 4 else closest(key, language)
        corrected.append(replacement or word)
        changed = changed or replacement is not None
    return " ".join(corrected) if changed else None


def closest(word: str, language: str) -> str | None:
    candidates = {
        candidate: (spelling, occurrences)
        for candidate, spelling, occurrences in SearchWord.objects.annotate(length=Length("word"))
        .filter(
            language=language,
            word__startswith=word[0],
            length__gte=len(word) - LENGTH_SLACK,
            length__lte=len(word) + LENGTH_SLACK,
        )
        .values_list("word", "spelling", "occurrences")
    }
    matches = process.extract(
        word, list(candidates), scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY, limit=5
    )
    if not matches:
        return None
    best, _score, _index = max(matches, key=lambda match: (match[1], candidates[match[0]][1]))
    return candidates[best][0]
