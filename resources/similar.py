"""The resources most like a given one, which its page shows when its editors chose none: those
sharing most of its topics and places, then most of the words of its title and summary, then the
newest. One query, whatever the number of resources: the database counts the shared topics and
places and returns the best ``CANDIDATES``; words are compared among those alone."""

import re

from django.db.models import Count, Q

CANDIDATES = 24
# Words of four letters or more: "de", "la", "the" and "of" say nothing of a resource's subject.
SIGNIFICANT_WORD = re.compile(r"\w{4,}")


def significant_words(resource):
    return set(SIGNIFICANT_WORD.findall(f"{resource.title} {resource.summary}".casefold()))


def most_similar(resource, candidates, limit):
    """Up to ``limit`` of ``candidates`` (resources; ``resource`` itself excluded) sharing at
    least one topic or place with ``resource``, best first. Topics and places are compared by
    slug, which a term keeps in every language."""
    topics = [topic.slug for topic in resource.topics.all()]
    places = [place.slug for place in resource.places.all()]
    if not topics and not places:
        return []
    ranked = list(
        candidates.exclude(pk=resource.pk)
        .annotate(
            shared=Count("topics", filter=Q(topics__slug__in=topics), distinct=True)
            + Count("places", filter=Q(places__slug__in=places), distinct=True)
        )
        .filter(shared__gt=0)
        .order_by("-shared", "-publication_date", "-pk")[:CANDIDATES]
    )
    words = significant_words(resource)
    # A stable sort: among equals, the newest first still.
    ranked.sort(key=lambda other: (-other.shared, -len(words & significant_words(other))))
    return ranked[:limit]
