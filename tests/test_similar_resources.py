"""A resource whose editors chose no related resources shows those most like it (issue 19, item
5): sharing most topics and places, then most words of title and summary, then the newest; only
live, public resources of its language; in a number of queries that does not grow with the
library."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from resources.models import RelatedResource, ResourcePage
from tests.factories import add_resource
from tests.html_lists import related_titles

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def page_of(title):
    return ResourcePage.objects.get(title=title, locale__language_code="en")


def shown(client, title):
    response = client.get(page_of(title).url)
    assert response.status_code == 200
    return related_titles(response)


def test_the_most_similar_resources_of_its_language_come_first(client, library):
    # Shares with "Placing Business Leadership" (BIDs, city leadership; Santiago): "White paper
    # for MINVU" city leadership and Santiago, "Policy brief on BIDs" BIDs only. The Spanish
    # resource and the unpublished draft are never shown.
    assert shown(client, "Placing Business Leadership") == [
        "White paper for MINVU",
        "Policy brief on BIDs",
    ]
    # A resource sharing no topic or place is not shown: "White paper for MINVU" here.
    assert shown(client, "Policy brief on BIDs") == ["Placing Business Leadership"]


def test_words_in_common_break_ties_before_dates(client, library, terms):
    library_en, _ = library
    add_resource(
        library_en,
        "Business leadership in Santiago",
        year=2015,
        topics=[terms["city-leadership"]],
        places=[terms["santiago"]],
    )

    # As many terms shared as the newer "White paper for MINVU", and two words of the title.
    assert shown(client, "Placing Business Leadership") == [
        "Business leadership in Santiago",
        "White paper for MINVU",
        "Policy brief on BIDs",
    ]


def test_restricted_resources_are_not_suggested(client, library):
    PageViewRestriction.objects.create(
        page=page_of("White paper for MINVU"), restriction_type=PageViewRestriction.LOGIN
    )

    assert shown(client, "Placing Business Leadership") == ["Policy brief on BIDs"]


def test_the_editors_choice_replaces_the_suggestions(client, library):
    # Even where what they chose cannot be shown (the unpublished draft).
    page = page_of("Placing Business Leadership")
    page.related_links = [
        RelatedResource(resource=page_of("Unpublished draft")),
        RelatedResource(resource=page_of("Policy brief on BIDs")),
    ]
    page.save_revision().publish()

    assert shown(client, "Placing Business Leadership") == ["Policy brief on BIDs"]


def test_queries_do_not_grow_with_the_candidates(client, library, terms):
    def queries():
        url = page_of("Placing Business Leadership").url
        client.get(url)  # warms the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    library_en, _ = library
    for number in range(8):
        add_resource(
            library_en,
            f"Leadership study {number}",
            topics=[terms["city-leadership"], terms["business-improvement-districts"]],
            places=[terms["santiago"]],
        )

    assert queries() == before
    assert len(shown(client, "Placing Business Leadership")) == ResourcePage.SIMILAR_RESOURCES
