"""The basic search page: live pages of the active language."""

import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def result_titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [heading.get_text(strip=True) for heading in html.select(".search-results h3")]


def test_search_returns_pages_of_the_active_language(client, site_tree):
    english = result_titles(client.get("/en/search/", {"q": "partners"}))
    spanish = result_titles(client.get("/es/buscar/", {"q": "socios"}))

    assert "Partners" in english
    assert "Sobre el programa" not in english
    assert "Socios" in spanish
    assert "Partners" not in spanish


def test_search_leaves_out_unpublished_pages(client, site_tree):
    site_tree.about_en.unpublish()

    assert "About the programme" not in result_titles(client.get("/en/search/", {"q": "programme"}))


def test_search_page_without_query_and_with_bad_page_number(client, site_tree):
    assert client.get("/es/buscar/").status_code == 200
    response = client.get("/en/search/", {"q": "partners", "page": "many"})
    assert response.status_code == 200
    assert "Partners" in result_titles(response)


def test_search_page_switcher_keeps_the_search_route(client, site_tree):
    html = BeautifulSoup(client.get("/en/search/").content, "html.parser")

    assert html.select_one('nav.language-switcher a[lang="es"]')["href"] == (
        "http://testserver/es/buscar/"
    )


def test_search_query_count_does_not_grow_with_results(
    client, site_tree, django_assert_max_num_queries
):
    client.get("/en/search/", {"q": "programme"})

    with django_assert_max_num_queries(25):
        response = client.get("/en/search/", {"q": "programme"})
    assert result_titles(response)
