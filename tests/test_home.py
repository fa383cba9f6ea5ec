"""The public site in both languages: home pages, navigation, language switcher, SEO links."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from home.models import StandardPage

Image = get_image_model()

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("path", "lang", "about_title", "skip_link"),
    [
        ("/en/", "en", "About the programme", "Skip to main content"),
        ("/es/", "es", "Sobre el programa", "Saltar al contenido principal"),
    ],
)
def test_home_page_renders_in_its_language(client, site_tree, path, lang, about_title, skip_link):
    response = client.get(path)

    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == lang
    navigation = [link.get_text(strip=True) for link in html.select("nav.site-nav a")]
    assert about_title in navigation
    assert html.select_one("a.skip-link").get_text(strip=True) == skip_link
    assert (
        html.select_one("main#main h1").get_text(strip=True)
        == getattr(site_tree, f"home_{lang}").hero_heading
    )


def test_spanish_home_shows_translated_content_and_footer(client, site_tree):
    html = soup(client.get("/es/"))

    assert "Chile y el Reino Unido aprenden juntos" in html.select_one("h1").get_text()
    footer = html.select_one("footer").get_text()
    assert "Ministerio de Vivienda y Urbanismo (MINVU), Chile" in footer
    assert "Socios" in footer


def test_language_switcher_links_to_this_pages_translation(client, site_tree):
    html = soup(client.get("/en/about/"))

    spanish_link = html.select_one('nav.language-switcher a[lang="es"]')
    assert spanish_link["href"] == "http://testserver/es/sobre-el-programa/"
    assert spanish_link.get_text(strip=True) == "Español"
    current = html.select_one('nav.language-switcher a[aria-current="true"]')
    assert current["lang"] == "en"


def test_switcher_falls_back_to_home_page_for_untranslated_page(client, english_only_page):
    html = soup(client.get("/en/exchange-notes/"))

    spanish_link = html.select_one('nav.language-switcher a[lang="es"]')
    assert spanish_link["href"] == "http://testserver/es/"
    # A page in one language has no alternates to announce.
    assert html.select('link[rel="alternate"][hreflang]') == []


def test_hreflang_and_canonical_links(client, site_tree):
    html = soup(client.get("/es/sobre-el-programa/"))

    alternates = {
        link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "en": "http://testserver/en/about/",
        "es": "http://testserver/es/sobre-el-programa/",
        "x-default": "http://testserver/en/about/",
    }
    assert html.select_one('link[rel="canonical"]')["href"] == (
        "http://testserver/es/sobre-el-programa/"
    )
    description = html.select_one('meta[name="description"]')["content"]
    assert description.startswith("Cómo socios británicos y chilenos")
    assert html.select_one('meta[property="og:locale"]')["content"] == "es_CL"


def test_x_default_follows_the_languages_a_page_exists_in(client, site_tree):
    page = StandardPage(title="Barrios Comerciales en terreno", slug="barrios-en-terreno")
    site_tree.home_es.add_child(instance=page)
    page.save_revision().publish()
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.save_revision().publish()

    html = soup(client.get("/es/barrios-en-terreno/"))

    alternates = {
        link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert alternates["x-default"] == "http://testserver/en/barrios-en-terreno/"
    Page.objects.get(pk=translation.pk).unpublish()
    html = soup(client.get("/es/barrios-en-terreno/"))
    assert html.select('link[rel="alternate"][hreflang]') == []
    assert html.select_one('nav.language-switcher a[lang="en"]')["href"] == "http://testserver/en/"


def test_social_image_becomes_open_graph_image(client, site_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(
        title="Santiago", file=get_test_image_file(), description="A street"
    )
    site_tree.about_en.social_image = image
    site_tree.about_en.save_revision().publish()

    html = soup(client.get("/en/about/"))

    og_image = html.select_one('meta[property="og:image"]')["content"]
    assert og_image.startswith("http://testserver/media/images/")
    assert html.select_one('meta[property="og:image:alt"]')["content"] == "A street"


@pytest.mark.parametrize("path", ["/en/", "/es/", "/en/about/", "/es/socios/"])
def test_page_query_count_is_bounded(client, site_tree, django_assert_max_num_queries, path):
    client.get(path)  # warm the site-root cache, as any running server has

    with django_assert_max_num_queries(25):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("es-CL,es;q=0.9,en;q=0.5", "/es/"),
        ("es", "/es/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        (None, "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, site_tree, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}

    response = client.get("/", headers=headers)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_breadcrumbs_and_current_section(client, site_tree):
    html = soup(client.get("/en/about/"))

    assert html.select_one('nav.site-nav a[aria-current="page"]').get_text() == (
        "About the programme"
    )
    assert html.select_one("nav.breadcrumbs a")["href"] == "/en/"


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/en/no-such-page/", "Page not found"), ("/es/nada/", "Página no encontrada")],
)
def test_not_found_page_is_localised(client, site_tree, path, heading):
    response = client.get(path)

    assert response.status_code == 404
    html = soup(response)
    assert html.select_one("h1").get_text(strip=True) == heading
    assert not html.select('link[rel="alternate"][hreflang]')


def test_server_error_page_is_localised_and_needs_no_database(
    client, site_tree, settings, django_assert_num_queries
):
    from django.template.loader import render_to_string
    from django.utils import translation

    # What Django's handler500 does: the template alone, no request, no context processors.
    with translation.override("es"), django_assert_num_queries(0):
        html = BeautifulSoup(render_to_string("500.html"), "html.parser")

    assert html.html["lang"] == "es"
    assert html.select_one("h1").get_text(strip=True) == "Algo salió mal"
    assert html.select_one("a.brand")["href"] == "/es/"


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_entries(client):
    """{location: {hreflang: href}} from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_both_locales_with_alternates(client, site_tree):
    entries = sitemap_entries(client)

    assert {
        "http://testserver/en/",
        "http://testserver/es/",
        "http://testserver/en/about/",
        "http://testserver/es/sobre-el-programa/",
    } <= set(entries)
    assert entries["http://testserver/en/about/"] == {
        "en": "http://testserver/en/about/",
        "es": "http://testserver/es/sobre-el-programa/",
        "x-default": "http://testserver/en/about/",
    }


def test_sitemap_leaves_out_drafts(client, site_tree):
    site_tree.about_es.unpublish()

    entries = sitemap_entries(client)

    assert "http://testserver/es/sobre-el-programa/" not in entries
    assert entries["http://testserver/en/about/"] == {}


def test_robots_txt_points_to_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def menu_titles(client, path="/en/"):
    return [link.get_text(strip=True) for link in soup(client.get(path)).select("nav.site-nav a")]


def test_cached_menu_follows_publishing_renaming_moving_and_deleting(client, site_tree):
    before = menu_titles(client)  # now cached
    assert "About the programme" in before
    page = StandardPage(title="Working groups", slug="working-groups", show_in_menus=True)
    page.live = False
    site_tree.home_en.add_child(instance=page)
    assert menu_titles(client) == before  # a draft is not in the menu

    page.save_revision().publish()
    assert "Working groups" in menu_titles(client)

    page.title = "Our working groups"
    page.save_revision().publish()
    assert "Our working groups" in menu_titles(client)

    page.move(site_tree.about_en, pos="last-child")
    assert menu_titles(client) == before

    site_tree.about_en.unpublish()
    assert "About the programme" not in menu_titles(client)
    site_tree.about_en.save_revision().publish()
    assert "About the programme" in menu_titles(client)
    site_tree.about_en.delete()
    assert "About the programme" not in menu_titles(client)
    # The Spanish menu is cached on its own and was never changed by the English edits.
    assert "Sobre el programa" in menu_titles(client, "/es/")


def test_every_page_has_a_meta_description(client, site_tree):
    """Lighthouse's SEO audit (issue 17): pages without a search description of their own take
    their introduction; pages that are no Wagtail page, the network's tagline."""
    page = StandardPage(
        title="Barrios en terreno", slug="barrios-en-terreno", introduction="<b>Visits</b> to " * 40
    )
    site_tree.home_en.add_child(instance=page)
    page.save_revision().publish()

    description = soup(client.get(page.url)).select_one('meta[name="description"]')["content"]
    assert description.startswith("Visits to Visits to")
    assert "<b>" not in description and len(description) <= 160

    for address in ("/en/search/", "/en/account/login/"):
        tagline = soup(client.get(address)).select_one('meta[name="description"]')["content"]
        assert tagline.startswith("Research and practice on business improvement districts")
