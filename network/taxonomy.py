"""Labels of the shared vocabulary in the active language."""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.db.models import Model, prefetch_related_objects
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
    """``{slug: name}`` for every term, in the active language where translated."""
    active = get_language()
    memo = read_labels.get()
    if memo is not None and (model, active) in memo:
        return dict(memo[model, active])
    labels: dict[str, str] = {}
    terms = model.objects.values_list("slug", "name", "locale__language_code")
    for slug, name, language_code in terms:
        if language_code == active or slug not in labels:
            labels[slug] = name
    if memo is not None:
        memo[model, active] = dict(labels)
    return labels


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
