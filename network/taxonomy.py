"""Labels of the shared vocabulary in the active language."""

from wagtail.models import Locale


def term_labels(model):
    """``{slug: name}`` for every term, in the active language where translated."""
    active = Locale.get_active()
    labels = {}
    for slug, name, locale_id in model.objects.values_list("slug", "name", "locale_id"):
        if locale_id == active.pk or slug not in labels:
            labels[slug] = name
    return labels


def term_links(terms, labels):
    """``(slug, label)`` pairs of the given terms, sorted by label; a term chosen in both
    languages appears once."""
    return sorted(
        {(term.slug, labels[term.slug]) for term in terms}, key=lambda item: item[1].casefold()
    )
