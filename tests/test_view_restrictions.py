"""Pages under a view restriction (log-in, password, groups) stay out of what public pages show
of other pages: related resources and featured pages, in the page's language or, where it has no
translation, in the original's (issue 16, item 7). Through the real pages, anonymously."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from resources.models import RelatedResource, ResourcePage
from tests.content import add_library

pytestmark = pytest.mark.django_db


def publish_resource(parent, title, slug, related=()):
    page = ResourcePage(
        title=title,
        slug=slug,
        resource_type="report",
        publication_date=datetime.date(2025, 3, 1),
        summary="A summary.",
    )
    page.related_links = [RelatedResource(resource=resource) for resource in related]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def section_titles(client, url, heading_id):
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    heading = html.find(id=heading_id)
    if heading is None:
        return []
    return [" ".join(link.get_text().split()) for link in heading.find_parent("section")("a")]


@pytest.fixture
def libraries(site_tree):
    return (
        add_library(site_tree.home_en),
        add_library(site_tree.home_es, "Biblioteca", "recursos"),
    )


def test_a_restricted_related_resource_is_not_shown(client, libraries):
    english, _spanish = libraries
    open_to_all = publish_resource(english, "Open evaluation", "open-evaluation")
    members_only = publish_resource(english, "Members' evaluation", "members-evaluation")
    page = publish_resource(english, "BID report", "bid-report", [open_to_all, members_only])
    restrict(members_only)

    assert section_titles(client, page.url, "related-heading") == ["Open evaluation"]


def test_a_restricted_original_is_not_shown_where_there_is_no_translation(client, libraries):
    english, spanish = libraries
    members_only = publish_resource(english, "Members' evaluation", "members-evaluation")
    restrict(members_only)
    page = publish_resource(spanish, "Informe de barrios", "informe", [members_only])

    assert section_titles(client, page.url, "related-heading") == []


def test_a_restricted_featured_page_is_not_shown_on_the_home_page(client, site_tree):
    partners = site_tree.about_en.get_siblings().get(slug="partners")
    for home in (site_tree.home_en, site_tree.home_es):
        home.featured = [
            ("featured_page", {"page": page, "description": ""})
            for page in (site_tree.about_en, partners)
        ]
        home.save_revision().publish()
    featured = section_titles(client, site_tree.home_en.url, "featured-heading")
    assert any("Partners" in title for title in featured)

    restrict(partners)
    featured = section_titles(client, site_tree.home_en.url, "featured-heading")
    assert featured and not any("Partners" in title for title in featured)
    # The Spanish home page features the Spanish translation, which is not restricted.
    assert section_titles(client, site_tree.home_es.url, "featured-heading")
