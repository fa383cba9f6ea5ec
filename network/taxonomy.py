"""Labels of the shared vocabulary in the active language."""

from django.utils.translation import get_language


def term_labels(model):
    """``{slug: name}`` for every term, in the active language where translated."""
    active = get_language()
    labels = {}
    terms = model.objects.values_list("slug", "name", "locale__language_code")
    for slug, name, language_code in terms:
        if language_code == active or slug not in labels:
            labels[slug] = name
    return labels


def term_links(terms, labels):
    """``(slug, label)`` pairs of the given terms, sorted by label; a term chosen in both
    languages appears once."""
    return sorted(
        {(term.slug, labels[term.slug]) for term in terms}, key=lambda item: item[1].casefold()
    )
