"""Spanish words in the Spanish addresses the site owns (issue 17, item 4): /es/buscar/,
/es/cuenta/ and the members' pages under it; the English-worded Spanish addresses of before
redirect to them for good; English addresses stay as they were."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]

ADDRESSES = {
    # route name: (English, Spanish)
    "search": ("/en/search/", "/es/buscar/"),
    "search_suggest": ("/en/search/suggest/", "/es/buscar/sugerencias/"),
    "members_account": ("/en/account/", "/es/cuenta/"),
    "members_privacy_notice": ("/en/account/privacy/", "/es/cuenta/privacidad/"),
    "members_export_data": ("/en/account/data/", "/es/cuenta/datos/"),
    "members_delete_account": ("/en/account/delete/", "/es/cuenta/eliminar/"),
    "members_edit_profile": ("/en/account/profile/", "/es/cuenta/perfil/"),
    "members_profile_visibility": (
        "/en/account/profile/visibility/",
        "/es/cuenta/perfil/visibilidad/",
    ),
    # allauth's own paths keep allauth's words under the Spanish account address.
    "account_login": ("/en/account/login/", "/es/cuenta/login/"),
    "account_signup": ("/en/account/signup/", "/es/cuenta/signup/"),
}


@pytest.mark.parametrize("name", sorted(ADDRESSES))
def test_each_language_has_its_own_words(name):
    for language, expected in zip(("en", "es"), ADDRESSES[name], strict=True):
        with translation.override(language):
            assert reverse(name) == expected


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/es/buscar/?q=ciudad", 200),
        ("/es/buscar/sugerencias/?q=ci", 200),
        ("/es/cuenta/login/", 200),
        ("/es/cuenta/signup/", 200),
        ("/es/cuenta/privacidad/", 200),
        ("/en/search/?q=city", 200),
        ("/en/account/privacy/", 200),
        # Each language's words only in that language.
        ("/en/buscar/", 404),
        ("/en/cuenta/privacidad/", 404),
    ],
)
def test_the_addresses_answer(client, path, status):
    assert client.get(path).status_code == status


def test_a_members_page_in_spanish_sends_to_the_spanish_log_in(client):
    response = client.get("/es/cuenta/perfil/")
    assert response.status_code == 302
    assert response["Location"] == "/es/cuenta/login/?next=/es/cuenta/perfil/"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/es/search/", "/es/buscar/"),
        ("/es/search/?q=ciudad&page=2", "/es/buscar/?q=ciudad&page=2"),
        ("/es/search/suggest/?q=ci", "/es/buscar/sugerencias/?q=ci"),
        ("/es/account/", "/es/cuenta/"),
        ("/es/account/profile/visibility/", "/es/cuenta/perfil/visibilidad/"),
        ("/es/account/privacy/", "/es/cuenta/privacidad/"),
        ("/es/account/login/?next=/es/cuenta/perfil/", "/es/cuenta/login/?next=/es/cuenta/perfil/"),
        # A link from an e-mail sent before the change.
        ("/es/account/confirm-email/MQ:1abc:xyz/", "/es/cuenta/confirm-email/MQ:1abc:xyz/"),
        ("/es/account/no-such-page/", "/es/cuenta/no-such-page/"),
    ],
)
def test_the_old_spanish_addresses_have_moved_for_good(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_address_no_route_knows_ends_in_a_not_found(client):
    response = client.get("/es/account/no-such-page/", follow=True)
    assert response.redirect_chain == [("/es/cuenta/no-such-page/", 301)]
    assert response.status_code == 404


def test_the_language_switcher_of_the_search_page_links_the_other_languages_address(client):
    for path, other_language, other_address in (
        ("/en/search/", "es", "http://testserver/es/buscar/"),
        ("/es/buscar/", "en", "http://testserver/en/search/"),
    ):
        html = BeautifulSoup(client.get(path).content, "html.parser")
        link = html.select_one(f'nav.language-switcher a[lang="{other_language}"]')
        assert link["href"] == other_address
        hreflang = html.select_one(f'link[rel="alternate"][hreflang="{other_language}"]')
        assert hreflang["href"] == other_address


def test_the_search_box_asks_for_suggestions_at_its_languages_address(client):
    for path, suggestions in (
        ("/en/search/", "/en/search/suggest/"),
        ("/es/buscar/", "/es/buscar/sugerencias/"),
    ):
        html = BeautifulSoup(client.get(path).content, "html.parser")
        assert html.select_one("#search-query")["data-suggest-url"] == suggestions


def test_robots_txt_keeps_crawlers_out_of_both_searches(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /en/search/" in lines
    assert "Disallow: /es/buscar/" in lines
