from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Locale

from home import demo as home_demo
from home.models import HomePage, StandardPage
from members.models import MemberIndexPage
from search.service import breaker


def clear_caches():
    """Every cache: transactional tests empty the tables of models, not the cache tables, whose
    menus, sites and pages would describe the rows just deleted."""
    for alias in settings.CACHES:
        caches[alias].clear()


@dataclass
class SiteTree:
    home_en: HomePage
    home_es: HomePage
    about_en: StandardPage
    about_es: StandardPage
    spanish: Locale


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in the default language: a request to /es/ leaves Spanish active in the
    thread, and messages checked outside a request would be translated."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def search_engine_not_known_down():
    """A search engine that failed in one test is asked again in the next: the breaker
    (search/service.py) remembers failures per process, and tests change the engine."""
    breaker.reset()
    yield
    breaker.reset()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a throwaway folder, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def site_tree(db):
    """The demo page tree in both languages, built by the same code as ``load_demo``."""
    home_demo.build(log=lambda message: None)
    spanish = Locale.objects.get(language_code="es")
    home_en = HomePage.objects.get(locale__language_code="en")
    about_en = StandardPage.objects.get(locale__language_code="en", slug="about")
    return SiteTree(
        home_en=home_en,
        home_es=home_en.get_translation(spanish).specific,
        about_en=about_en,
        about_es=about_en.get_translation(spanish).specific,
        spanish=spanish,
    )


@pytest.fixture
def english_only_page(site_tree):
    """A published English page that nobody has translated yet."""
    page = StandardPage(title="Expert exchange notes", slug="exchange-notes", show_in_menus=True)
    site_tree.home_en.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def directories(site_tree):
    """The member directory in English and Spanish, both published."""
    directory_en = MemberIndexPage(title="Members", slug="members")
    site_tree.home_en.add_child(instance=directory_en)
    directory_en.save_revision().publish()
    directory_es = directory_en.copy_for_translation(site_tree.spanish)
    directory_es.title, directory_es.slug = "Miembros", "miembros"
    directory_es.save_revision().publish()
    # Published under its new slug: read its path again.
    return directory_en, MemberIndexPage.objects.get(pk=directory_es.pk)
