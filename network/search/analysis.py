"""The language analysis of the database search backends, the same on SQLite and PostgreSQL.

A text and a query are analysed alike, in Python, before either database sees them: words are
folded (lower case, no accents), Snowball's stop words of the language dropped, plurals made
singular and the rest stemmed with Snowball's own stemmer (PyStemmer). The databases then
only match words: SQLite's FTS5 and PostgreSQL's ``simple_unaccent`` configuration store and
compare the analysed words as they are. So one query finds the same pages on both.

Snowball's Spanish stemmer alone keeps consonant-ending plurals apart ("ciudad" gives ``ciud``,
"ciudades" ``ciudad``; "gobiernos" even ``gobi``), so a Spanish word is made singular by the
spelling rules of Spanish plurals first ("ciudades" → "ciudad", "barrios" → "barrio"). A "z"
is written "c" before "e", so "-ces" and a final "z" both become "c" ("luz" and "luces",
"índice" and "índices" alike); a word written "-és" is a singular ("inglés", "francés"), whose
plural loses the accent. English needs no such step: the Porter2 stemmer already joins "cities"
and "city".

Words are split at apostrophes, as the site's query cleaning splits them: "district's" is
"district" and the stop word "s", "O'Higgins" is "O" and "Higgins". Text is composed (NFC)
first, so that an accent stored as a combining mark (PDFs, text pasted from macOS) stays inside
its word.

Without a language (documents and images, which have no locale) words are only folded.
"""

import functools
import re
import unicodedata
from pathlib import Path

import Stemmer

STOP_WORDS_DIR = Path(__file__).resolve().parent / "stopwords"
# Snowball's algorithm names, by the site's language codes.
ALGORITHMS = {"en": "english", "es": "spanish"}
WORD = re.compile(r"\w+")
# Longer words are not words (a URL, a hash) and would only bloat the index.
MAX_WORD_LENGTH = 60


def language_of(language_code: str | None) -> str | None:
    """The analysed language of a language code ("es-cl" → "es"), or None for another."""
    language = (language_code or "").split("-")[0].lower()
    return language if language in ALGORITHMS else None


@functools.lru_cache(maxsize=8192)
def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """Snowball's stop words of ``language``, folded as words are."""
    lines = (STOP_WORDS_DIR / f"{ALGORITHMS[language]}.txt").read_text("utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and line[0] != "#")


@functools.cache
def stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(ALGORITHMS[language])


def spanish_singular(word: str, accented_es: bool = False) -> str:
    """A folded Spanish word without its plural ending, "z" written "c": "-ces" and a final
    "z" give "-c"; "-es" follows a consonant, unless the word was written "-és" (a singular);
    "-s" follows "a", "e" or "o" ("crisis", "país" keep theirs)."""
    if accented_es:
        return word
    if len(word) > 4 and word.endswith("ces"):
        return word[:-2]
    if word.endswith("z"):
        return word[:-1] + "c"
    if len(word) > 4 and word.endswith("es") and word[-3] in "dlnrsjy":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and word[-2] in "aeo":
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def analysed_word(word: str, language: str | None) -> str:
    """The form ``word`` is indexed and searched in, or "" for a stop word."""
    folded = fold(word)
    if language is None:
        return folded
    if folded in stop_words(language):
        return ""
    if language == "es":
        folded = spanish_singular(folded, accented_es=word.casefold().endswith("és"))
    return stemmer(language).stemWord(folded)


def terms(text: str | None, language: str | None) -> list[str]:
    """The analysed words of ``text``, in order, stop words left out."""
    analysed = (
        analysed_word(word, language)
        for word in WORD.findall(unicodedata.normalize("NFC", text or ""))
        if len(word) <= MAX_WORD_LENGTH
    )
    return [term for term in analysed if term]


def analyse(text: str | None, language: str | None) -> str:
    """``text`` as the index stores it: its analysed words, separated by spaces."""
    return " ".join(terms(text, language))


def only_stop_words(query: str | None, language: str | None) -> bool:
    """Whether a query has words and every one is a stop word ("de la", "the of")."""
    words = WORD.findall(unicodedata.normalize("NFC", query or ""))
    analysed = language_of(language)
    return bool(words) and all(
        len(word) <= MAX_WORD_LENGTH and not analysed_word(word, analysed) for word in words
    )
