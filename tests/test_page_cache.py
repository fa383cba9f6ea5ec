"""Whole pages cached for anonymous visitors: reused until something changes, never shared with
or by a logged-in user, a visitor with messages, or a page carrying a CSRF token. Image
renditions made ahead of the first visit."""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home.models import StandardPage
from members.models import MemberIndexPage, MemberPage
from network.content_cache import read_current
from network.images import RENDITION_FILTERS
from network.models import Topic
from network.page_cache import cache_key

Image = get_image_model()

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


def change_title_behind_wagtails_back(page, title):
    """A database change no signal announces: only an uncached render can show it."""
    Page.objects.filter(pk=page.pk).update(title=title)
    StandardPage.objects.filter(pk=page.pk).update(title=title)


def shows(client, text, path="/en/about/", **params):
    return text in client.get(path, params).content.decode()


def test_anonymous_visitors_share_a_cached_page_until_a_publish(client, site_tree):
    assert shows(client, "About the programme")
    change_title_behind_wagtails_back(site_tree.about_en, "Quietly renamed")
    assert shows(client, "About the programme")  # from the cache

    about = StandardPage.objects.get(pk=site_tree.about_en.pk)
    about.title = "Published rename"
    about.save_revision().publish()
    assert shows(client, "Published rename")


def test_a_snippet_change_empties_the_cache(client, site_tree):
    assert shows(client, "About the programme")
    change_title_behind_wagtails_back(site_tree.about_en, "Quietly renamed")
    Topic.objects.create(name="Smart urban governance", slug="smart-urban-governance")
    assert shows(client, "Quietly renamed")


def test_query_strings_are_not_cached(client, site_tree):
    assert shows(client, "About the programme", utm_source="newsletter")
    change_title_behind_wagtails_back(site_tree.about_en, "Quietly renamed")
    assert shows(client, "Quietly renamed", utm_source="newsletter")


def test_logged_in_users_neither_read_nor_fill_the_cache(client, site_tree, django_user_model):
    member = django_user_model.objects.create_user("member", "member@example.org", "pw")
    client.force_login(member)
    assert shows(client, "About the programme")
    change_title_behind_wagtails_back(site_tree.about_en, "Quietly renamed")
    assert shows(client, "Quietly renamed")  # not served what the same URL showed before

    client.logout()
    client.cookies.clear()
    assert shows(client, "Quietly renamed")  # the logged-in render was not stored
    change_title_behind_wagtails_back(site_tree.about_en, "Renamed again")
    client.force_login(member)
    assert shows(client, "Renamed again")  # anonymous render not served to a member


def test_visitors_with_messages_are_not_served_from_the_cache(client, site_tree):
    assert shows(client, "About the programme")
    change_title_behind_wagtails_back(site_tree.about_en, "Quietly renamed")
    client.cookies["messages"] = "pending"
    assert shows(client, "Quietly renamed")


def test_pages_with_a_csrf_token_are_not_stored(client, site_tree, django_user_model):
    """A member's contact form carries a token that belongs to one visitor."""
    directory = MemberIndexPage(title="Members", slug="members")
    site_tree.home_en.add_child(instance=directory)
    directory.save_revision().publish()
    profile = MemberPage(
        title="Ana Pérez",
        slug="ana-perez",
        user=django_user_model.objects.create_user("ana", "ana@example.org", "pw"),
        role="Economic development officer",
        organisation="Municipalidad de Valparaíso",
        sector="local-government",
        allow_contact=True,
    )
    directory.add_child(instance=profile)
    profile.save_revision().publish()

    first = client.get("/en/members/ana-perez/contact/")
    client.cookies.clear()
    second = client.get("/en/members/ana-perez/contact/")

    assert first.status_code == second.status_code == 200
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_cache_can_be_turned_off(client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert shows(client, "About the programme")
    change_title_behind_wagtails_back(site_tree.about_en, "Quietly renamed")
    assert shows(client, "Quietly renamed")


def test_renditions_are_made_when_an_image_is_saved(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = Image.objects.create(title="Barrio Italia", file=get_test_image_file())

    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(RENDITION_FILTERS)


def test_every_template_image_size_is_prepared():
    templates = Path(__file__).resolve().parent.parent / "templates"
    text = "\n".join(template.read_text() for template in templates.rglob("*.html"))
    images = set(re.findall(r"{%\s*(?:image|rendition)\s+\S+\s+\"?([\w-]+)", text))
    pictures = {
        spec
        for specs in re.findall(r"{%\s*picture\s+\S+\s+((?:[\w{},-]+\s+)*?[\w{},-]+)\s+\w+=", text)
        for spec in Filter.expand_spec(specs)
    }
    assert images and pictures
    assert images | pictures <= set(RENDITION_FILTERS)


def page_cache_entries():
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM network_page_cache")
        return cursor.fetchone()[0]


def test_the_host_headers_port_makes_no_new_entry(client, site_tree):
    """``Host: localhost:<any port>`` passes ALLOWED_HOSTS; each port used to be a new entry."""
    assert client.get("/en/about/", HTTP_HOST="localhost").status_code == 200
    entries = page_cache_entries()
    for port in range(8001, 8031):
        assert client.get("/en/about/", HTTP_HOST=f"localhost:{port}").status_code == 200
    assert page_cache_entries() == entries


def test_filling_the_page_cache_evicts_no_rate_limit_counter(client, site_tree, settings):
    """Both caches as small as can be: a locked account stays locked however many pages are
    cached, because pages live in a cache of their own."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "network_cache",
            "OPTIONS": {"MAX_ENTRIES": 3, "CULL_FREQUENCY": 2},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "network_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 3, "CULL_FREQUENCY": 2},
        },
    }
    user = get_user_model().objects.create_user("ana", "ana@example.org", "right-password-1")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    def log_in(password):
        return client.post("/en/account/login/", {"login": user.email, "password": password})

    for _attempt in range(5):
        log_in("wrong")
    assert "Too many failed login attempts" in log_in("right-password-1").content.decode()

    paths = [page.url for page in Page.objects.live().filter(depth__gte=2)]
    assert len(paths) > 3
    for path in paths:
        assert client.get(path).status_code == 200

    assert "Too many failed login attempts" in log_in("right-password-1").content.decode()
    assert "_auth_user_id" not in client.session


def cached_page(path):
    key = cache_key(RequestFactory().get(path))
    return read_current([key])[0].get(key)


@pytest.mark.parametrize("path", ["/en/account/privacy/", "/es/cuenta/privacidad/"])
def test_account_pages_are_never_cached_in_either_language(client, site_tree, path):
    """The account pages in Spanish are at /es/cuenta/ (network/urls.py): as /en/account/, never
    stored, even the privacy notice, which has no form and is the same for every visitor."""
    for _visit in range(2):
        assert client.get(path).status_code == 200
    assert cached_page(path) is None
    # Whereas a page of the site is.
    client.get("/es/sobre-el-programa/")
    assert cached_page("/es/sobre-el-programa/") is not None
