"""The Elasticsearch backend against a real server: language analysis and locale filtering.

Runs only when ELASTICSEARCH_URL points at an Elasticsearch 9 server; nothing is mocked. It
rebuilds the indexes with ``update_index`` under a unique INDEX_PREFIX, so it never touches the
site's own indexes, and deletes what it created afterwards.
"""

import os
import uuid

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import StandardPage

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if not ELASTICSEARCH_URL:
    pytest.skip("no Elasticsearch server: set ELASTICSEARCH_URL to run", allow_module_level=True)

pytestmark = pytest.mark.django_db


def publish(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def test_indexes(settings):
    """Point the site at indexes only this test uses, before any page is saved.

    Autouse, so it runs before ``site_tree``: otherwise the demo pages would be indexed into the
    real site's indexes named by ELASTICSEARCH_INDEX_PREFIX. The indexes are filled by
    ``update_index`` below rather than by signals, as a deployment would be.
    """
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "network.search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"test_{uuid.uuid4().hex[:8]}_",
            "TIMEOUT": 30,
            "ATOMIC_REBUILD": True,
            "AUTO_UPDATE": False,
        },
    }


@pytest.fixture
def pages(site_tree):
    return {
        "es": publish(site_tree.home_es, "Cooperación entre ciudades", "cooperacion"),
        "en": publish(site_tree.home_en, "Business improvement district", "district"),
    }


@pytest.fixture
def backend(pages):
    """Elasticsearch rebuilt from the database by ``update_index``, as on a deployment."""
    backend = get_search_backend("default")
    try:
        call_command("update_index", backend_name="default", verbosity=0)
        yield backend
    finally:
        # With atomic rebuilds each name is an alias of a randomly suffixed index.
        for index in backend.all_indexes():
            if index.is_alias():
                for aliased in index.aliased_indices():
                    aliased.delete()
            else:
                index.delete()


def search(backend, query, locale=None):
    queryset = Page.objects.live()
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return {page.pk for page in backend.search(query, queryset)}


def test_spanish_search_folds_accents_and_stems(backend, pages, site_tree):
    assert pages["es"].pk in search(backend, "cooperacion", site_tree.spanish)
    assert pages["es"].pk in search(backend, "ciudad", site_tree.spanish)
    assert pages["es"].pk in search(backend, "COOPERACIÓN", site_tree.spanish)


def test_english_search_stems(backend, pages, site_tree):
    english = site_tree.home_en.locale
    assert pages["en"].pk in search(backend, "districts", english)
    assert pages["en"].pk in search(backend, "improvements", english)


def test_locale_filter_keeps_languages_apart(backend, pages, site_tree):
    english = site_tree.home_en.locale
    assert pages["es"].pk not in search(backend, "cooperacion", english)
    assert pages["en"].pk not in search(backend, "district", site_tree.spanish)


def test_all_languages_search_finds_both(backend, pages):
    assert pages["es"].pk in search(backend, "ciudades")
    assert pages["en"].pk in search(backend, "districts")


def test_autocomplete_folds_accents(backend, pages, site_tree):
    queryset = Page.objects.live().filter(locale=site_tree.spanish)
    assert pages["es"].pk in {page.pk for page in backend.autocomplete("cooperació", queryset)}
