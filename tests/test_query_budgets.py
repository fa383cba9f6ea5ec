"""How many queries a visitor's page costs, whatever the number of items it lists (issue 18,
item 9), in both languages: at most 15 for a listing. The home page and a resource page cost
more than the issue's goal of 10 (what remains is in the commit that set these)."""

import pytest
from wagtail.images import get_image_model

from resources.models import ResourceDocument
from tests.content import png_file
from tests.factories import (
    CallIndexPageFactory,
    add_call,
    add_event,
    add_resource,
    add_translation,
    days_from_now,
)
from tests.pdfs import make_document, pdf_bytes

pytestmark = pytest.mark.both_databases

# With the test settings' database cache, whose every read is a query (none with Redis): the
# site-wide menu and footer, and Wagtail's site root paths. Wagtail's routing costs 5 for a
# listing (the site, the locale, the home page, the listing and its specific page) and 7 for a
# page one level further down.
HOME_BUDGET = 18
LISTING_BUDGET = 15
# Its three similar resources, as cards, cost 5 (resources/similar.py).
RESOURCE_BUDGET = 25
ITEMS = 4


@pytest.fixture
def many_items(library, terms, event_listings, directories, site_tree):
    """Several resources, each with topics, places, a cover image and a document, featured on
    the home page, several events and several calls, so that a query per item would show;
    returns a resource."""
    library_en, _ = library
    image = get_image_model()(title="Cover", file=png_file("cover.png"))
    image.save()
    featured = []
    for number in range(ITEMS):
        resource = add_resource(
            library_en,
            f"Resource {number}",
            year=2020,
            resource_type="report",
            topics=[terms["city-leadership"], terms["business-improvement-districts"]],
            places=[terms["santiago"], terms["manchester"]],
        )
        ResourceDocument.objects.create(
            page=resource, document=make_document(f"PDF {number}", pdf_bytes("Text."))
        )
        resource.cover_image = image
        resource.save_revision().publish()
        featured.append(("featured_page", {"page": resource, "description": ""}))
    site_tree.home_en.featured = featured
    site_tree.home_en.save_revision().publish()
    listing_en, _ = event_listings
    calls_en = CallIndexPageFactory(parent=site_tree.home_en)
    add_translation(calls_en, site_tree.spanish, "Convocatorias", "convocatorias")
    for number in range(ITEMS):
        add_event(
            listing_en, f"Event {number}", days_from_now(5 + number), days_from_now(5 + number, 12)
        )
        add_call(calls_en, f"Call {number}", days_from_now(-1), days_from_now(20 + number))
    return resource


def assert_budget(client, django_assert_max_num_queries, url, budget):
    client.get(url)  # warms the caches, as on a running server
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url, budget",
    [
        ("/en/", HOME_BUDGET),
        ("/es/", HOME_BUDGET),
        ("/en/events/", LISTING_BUDGET),
        ("/es/eventos/", LISTING_BUDGET),
        ("/en/calls/", LISTING_BUDGET),
        ("/es/convocatorias/", LISTING_BUDGET),
        ("/en/members/", LISTING_BUDGET),
        ("/es/miembros/", LISTING_BUDGET),
        ("/en/resources/", LISTING_BUDGET),
        ("/en/resources/?topic=city-leadership&place=santiago&type=report", LISTING_BUDGET),
        ("/es/biblioteca/", LISTING_BUDGET),
    ],
)
def test_page_within_its_budget(client, many_items, django_assert_max_num_queries, url, budget):
    assert_budget(client, django_assert_max_num_queries, url, budget)


def test_resource_page(client, many_items, django_assert_max_num_queries):
    assert_budget(client, django_assert_max_num_queries, many_items.url, RESOURCE_BUDGET)
