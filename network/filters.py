"""What the listings' filters share: the vocabulary's checkboxes and the bounds of a year."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms

from network.forms import BoundedMultipleChoiceFilter
from network.taxonomy import term_labels

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from network.models import TaxonomyTerm

# Years a visitor may type into a filter: wider than any publication, narrow enough for dates.
MIN_YEAR, MAX_YEAR = 1900, 2100


def sorted_term_choices(
    model: type["TaxonomyTerm"], **filters: Any
) -> Callable[[], list[tuple[str, str]]]:
    """A callable giving ``(slug, label)`` for the vocabulary's terms (those matching
    ``filters``, e.g. ``kind="country"``), by label in the active language."""

    def choices() -> list[tuple[str, str]]:
        labels = term_labels(model)
        if filters:
            slugs = set(model.objects.filter(**filters).values_list("slug", flat=True))
            labels = {slug: label for slug, label in labels.items() if slug in slugs}
        return sorted(labels.items(), key=lambda item: item[1].casefold())

    return choices


def term_filter(
    model: type["TaxonomyTerm"], label: "StrOrPromise", field_name: str
) -> BoundedMultipleChoiceFilter:
    """Checkboxes for the terms of a vocabulary (topics, places), by slug, labelled in the
    active language: the same filter on every listing."""
    return BoundedMultipleChoiceFilter(
        label=label,
        field_name=field_name,
        choices=sorted_term_choices(model),
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )
