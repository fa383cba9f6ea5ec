"""Labels of the shared vocabulary in the active language."""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.db.models import Model, Value, prefetch_related_objects
from django.utils.translation import get_language

if TYPE_CHECKING:
    from network.models import TaxonomyTerm

# {(model, language): labels} while a request is served (ReadOncePerRequestMiddleware).
read_labels: ContextVar[dict[tuple[type["TaxonomyTerm"], str], dict[str, str]] | None] = ContextVar(
    "read_labels", default=None
)


@contextmanager
def labels_read_once() -> Iterator[None]:
    """Within it, ``term_labels`` reads each vocabulary once per language: a listing's filter
    form, its facets' forms and its results would otherwise each read it again."""
    token = read_labels.set({})
    try:
        yield
    finally:
        read_labels.reset(token)


def term_labels(model: type["TaxonomyTerm"]) -> dict[str, str]:
    """``{slug: name}`` for every term, in the active language where translated. Every
    vocabulary is read at once, in one query, since a page that labels one kind of term mostly
    labels the others too."""
    active = get_language()
    memo = read_labels.get()
    if memo is not None and (model, active) in memo:
        return dict(memo[model, active])
    vocabularies = model.vocabularies()
    rows = [
        vocabulary.objects.order_by()
        .annotate(vocabulary=Value(number))
        .values_list("vocabulary", "slug", "name", "locale__language_code")
        for number, vocabulary in enumerate(vocabularies)
    ]
    labels: dict[int, dict[str, str]] = {number: {} for number in range(len(vocabularies))}
    for number, slug, name, language_code in rows[0].union(*rows[1:], all=True).order_by("name"):
        if language_code == active or slug not in labels[number]:
            labels[number][slug] = name
    read = {(vocabulary, active): labels[number] for number, vocabulary in enumerate(vocabularies)}
    if memo is not None:
        memo.update(read)
    return dict(read[model, active])


def term_links(terms: Iterable[Any], labels: dict[str, str]) -> list[tuple[str, str]]:
    """``(slug, label)`` pairs of the given terms, sorted by label; a term chosen in both
    languages appears once."""
    return sorted(
        {(term.slug, labels[term.slug]) for term in terms}, key=lambda item: item[1].casefold()
    )


def link_terms(
    items: Sequence[Model], model: type["TaxonomyTerm"], field: str, attribute: str
) -> None:
    """Sets ``attribute`` of each item to the ``(slug, label)`` pairs of its ``field`` terms
    (e.g. a resource's topics as ``topic_links``), labelled in the active language: two queries
    whatever the number of items."""
    prefetch_related_objects(items, field)
    labels = term_labels(model)
    for item in items:
        setattr(item, attribute, term_links(getattr(item, field).all(), labels))
