"""A document in a collection with a view restriction gives away nothing to the public: not its
text in search results, snippets or the library's keyword search, not its title on the resource
page; a restriction added, lifted, or a document moved into a restricted collection takes effect
at once (issue 16, item 1). Through the real pages, anonymously, on the database backend."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Collection, CollectionViewRestriction

from tests.content import add_library, add_report_with_pdf

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

WORD = "quinoaprivada"


@pytest.fixture
def resource(site_tree):
    return add_report_with_pdf(add_library(site_tree.home_en), f"Minutes mention {WORD} twice.")


@pytest.fixture
def members_only():
    collection = Collection.get_first_root_node().add_child(name="Members only")
    return collection


def restrict(collection):
    return CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )


def visible(client, resource):
    """What a visitor sees of the document: (search finds it, the library's keyword search
    finds it, the snippet shows its text, the resource page lists it)."""
    search = BeautifulSoup(client.get("/en/search/", {"q": WORD}).content, "html.parser")
    library = BeautifulSoup(client.get("/en/resources/", {"q": WORD}).content, "html.parser")
    page = client.get(resource.url).content.decode()
    return (
        bool(search.select(".search-results h3")),
        resource.title in library.get_text(),
        WORD in " ".join(s.get_text() for s in search.select(".search-results__snippet")),
        "Board minutes" in page,
    )


def test_a_public_document_is_found_and_listed(client, resource):
    assert visible(client, resource) == (True, True, True, True)


def test_a_document_moved_into_a_restricted_collection_disappears_at_once(
    client, resource, members_only
):
    restrict(members_only)
    document = resource.documents.get().document
    document.collection = members_only
    document.save()
    assert visible(client, resource) == (False, False, False, False)


def test_a_restriction_added_and_lifted_takes_effect_at_once(client, resource, members_only):
    document = resource.documents.get().document
    document.collection = members_only
    document.save()
    assert visible(client, resource) == (True, True, True, True)

    restriction = restrict(members_only)
    assert visible(client, resource) == (False, False, False, False)

    restriction.delete()
    assert visible(client, resource) == (True, True, True, True)


def test_a_restriction_on_a_parent_collection_counts(client, resource, members_only):
    board = members_only.add_child(name="Board")
    document = resource.documents.get().document
    document.collection = board
    document.save()
    restrict(members_only)
    assert visible(client, resource) == (False, False, False, False)
