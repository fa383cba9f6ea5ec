"""The footer of every page: partners from the Partner snippets in the visitor's language, the
accessibility statement and contact address from the site's "Site links" setting, the privacy
notice, the site map for people; and the pages it links to."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site
from wagtail_localize.models import TranslationSource

from home.demo import PARTNERS_FILE
from home.models import StandardPage
from network.demo import load_demo_data
from network.footer import LOGO_FILTER
from network.models import Partner, SiteLinks
from tests.content import add_library, png_file
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

ENGLISH_PARTNERS = [partner["name"] for partner in load_demo_data(PARTNERS_FILE).content]
SPANISH_PARTNERS = [
    "UCL City Leadership Initiative",
    "The Business of Cities",
    "Servicio de Cooperación Técnica (SERCOTEC), Chile",
    "Ministerio de Vivienda y Urbanismo (MINVU), Chile",
    "Embajada Británica en Santiago",
]


def footer(client, path="/en/"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("footer.site-footer")


def partner_names(client, path="/en/"):
    return [item.get_text(strip=True) for item in footer(client, path).select(".partner-logos li")]


def footer_link(client, text, path="/en/"):
    return footer(client, path).find("a", string=text)["href"]


def english_partner(name):
    return Partner.objects.get(locale__language_code="en", name=name)


def add_logo(name="Logo", size=(600, 150)):
    return get_image_model().objects.create(title=name, file=png_file(f"{name}.png", size))


# --- Partners --------------------------------------------------------------------------------


def test_the_demo_partners_are_listed_in_each_language_in_their_order(client, site_tree):
    assert partner_names(client, "/en/") == ENGLISH_PARTNERS
    assert partner_names(client, "/es/") == SPANISH_PARTNERS
    assert "Socios" in footer(client, "/es/").select_one("#footer-partners-heading").get_text()


def test_a_partner_with_a_website_is_a_link_and_one_without_is_text(client, site_tree):
    items = footer(client, "/es/").select(".partner-logos li")

    sercotec = items[2]
    assert sercotec.a["href"] == "https://www.sercotec.cl/"
    assert sercotec.a.get_text(strip=True) == "Servicio de Cooperación Técnica (SERCOTEC), Chile"
    ucl = items[0]
    assert ucl.a is None
    assert ucl.span.get_text(strip=True) == "UCL City Leadership Initiative"


def test_a_logo_is_a_rendition_named_after_the_partner_in_each_language(
    client, site_tree, admin_client
):
    partner = english_partner("Technical Cooperation Service (SERCOTEC), Chile")
    partner.logo = add_logo("sercotec")
    partner.save()

    image = footer(client, "/en/").select_one(".partner-logos li:nth-of-type(3) img")
    assert image["alt"] == "Technical Cooperation Service (SERCOTEC), Chile"
    rendition = partner.logo.get_rendition(LOGO_FILTER)
    assert image["src"] == rendition.url
    assert (image["width"], image["height"]) == ("320", "80")
    # Not synced yet: the Spanish partner has no logo and shows its name.
    spanish = footer(client, "/es/").select(".partner-logos li")[2]
    assert spanish.img is None
    assert "Servicio de Cooperación Técnica" in spanish.get_text()

    # "Sync translated snippets" copies the logo (a synchronised field) to the translation.
    source = TranslationSource.objects.get_for_instance(partner)
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on", "next": reverse("wagtailadmin_home")},
    )
    assert response.status_code == 302
    image = footer(client, "/es/").select_one(".partner-logos li:nth-of-type(3) img")
    assert image["alt"] == "Servicio de Cooperación Técnica (SERCOTEC), Chile"
    assert image["src"] == rendition.url


def test_an_untranslated_partner_shows_in_the_default_language(client, site_tree):
    Partner.objects.create(
        locale=site_tree.home_en.locale, name="Greater London Authority", sort_order=15
    )
    Partner.objects.create(
        locale=site_tree.spanish, name="Municipalidad de Valparaíso", sort_order=60
    )

    spanish = partner_names(client, "/es/")
    assert spanish[:3] == [
        "UCL City Leadership Initiative",
        "Greater London Authority",
        "The Business of Cities",
    ]
    assert spanish[-1] == "Municipalidad de Valparaíso"
    # A partner written in Spanish only is not shown to English readers.
    assert "Municipalidad de Valparaíso" not in partner_names(client, "/en/")


def test_the_order_set_in_english_applies_to_spanish_at_once(client, site_tree):
    assert partner_names(client, "/es/")[-1] == "Embajada Británica en Santiago"  # cached
    embassy = english_partner("British Embassy Santiago")
    embassy.sort_order = 1
    embassy.save()

    assert partner_names(client, "/es/")[0] == "Embajada Británica en Santiago"


def test_a_partner_edited_in_the_admin_shows_at_once(client, site_tree, admin_client, settings):
    settings.PAGE_CACHE_SECONDS = 60  # whole pages cached too, as in production
    assert "The Business of Cities" in partner_names(client, "/en/about/")
    partner = english_partner("The Business of Cities")
    edit_url = reverse("wagtailsnippets_network_partner:edit", args=[partner.pk])
    data = form_data(admin_client.get(edit_url).content.decode(), "w-editor-form")
    data["name"] = ["The Business of Cities Ltd"]

    assert admin_client.post(edit_url, data).status_code == 302

    assert "The Business of Cities Ltd" in partner_names(client, "/en/about/")


def test_partners_are_added_and_deleted_in_the_admin(client, site_tree, admin_client):
    add_url = reverse("wagtailsnippets_network_partner:add") + "?locale=en"
    data = form_data(admin_client.get(add_url).content.decode(), "w-editor-form")
    data.update(name=["Greater London Authority"], website=["https://www.london.gov.uk/"])
    data["sort_order"] = ["100"]
    assert admin_client.post(add_url, data).status_code == 302

    last = footer(client, "/en/").select(".partner-logos li")[-1]
    assert last.a["href"] == "https://www.london.gov.uk/"
    partner = english_partner("Greater London Authority")
    delete_url = reverse("wagtailsnippets_network_partner:delete", args=[partner.pk])
    assert admin_client.post(delete_url).status_code == 302
    assert "Greater London Authority" not in partner_names(client, "/en/")


def test_the_admin_lists_partners_in_their_order(site_tree, admin_client):
    response = admin_client.get(reverse("wagtailsnippets_network_partner:list") + "?locale=en")

    assert response.status_code == 200
    text = response.content.decode()
    positions = [text.index(name) for name in ENGLISH_PARTNERS]
    assert positions == sorted(positions)


def test_no_partners_no_partners_heading(client, site_tree):
    Partner.objects.all().delete()

    assert footer(client).select_one("#footer-partners-heading") is None


# --- Links: accessibility statement, contact, privacy, site map ---------------------------------


@pytest.mark.parametrize(
    ("path", "accessibility", "heading", "site_map"),
    [
        ("/en/", "/en/accessibility/", "Accessibility statement", "/en/site-map/"),
        ("/es/", "/es/accesibilidad/", "Declaración de accesibilidad", "/es/mapa-del-sitio/"),
    ],
)
def test_the_footer_links_to_the_statement_and_site_map_in_its_language(
    client, site_tree, path, accessibility, heading, site_map
):
    links = {a["href"] for a in footer(client, path).select("a")}
    assert {accessibility, site_map, reverse("members_privacy_notice")} <= links
    statement = BeautifulSoup(client.get(accessibility).content, "html.parser")
    assert statement.select_one("main h1").get_text(strip=True) == heading
    assert client.get(site_map).status_code == 200


def test_the_accessibility_statement_is_not_in_the_menu(client, site_tree):
    html = BeautifulSoup(client.get("/es/").content, "html.parser")

    menu = [link.get_text(strip=True) for link in html.select("nav.site-nav a")]
    assert "Sobre el programa" in menu
    assert "Declaración de accesibilidad" not in menu
    text = BeautifulSoup(client.get("/es/accesibilidad/").content, "html.parser").main.get_text()
    assert "(WCAG) 2.2" in text and "axe-core" in text and "«Contacto»" in text


def test_an_untranslated_statement_is_linked_in_its_own_language(client, site_tree):
    StandardPage.objects.get(locale=site_tree.spanish, slug="accesibilidad").unpublish()

    assert footer_link(client, "Declaración de accesibilidad", "/es/") == "/en/accessibility/"


def test_editors_choose_the_pages_and_address_in_site_links(client, site_tree, admin_client):
    contact = StandardPage(title="Contact the network", slug="contact")
    site_tree.home_en.add_child(instance=contact)
    contact.save_revision().publish()
    assert footer(client).find("a", href="/en/contact/") is None  # now cached
    site = Site.objects.get(is_default_site=True)
    edit_url = reverse("wagtailsettings:edit", args=["network", "sitelinks", site.pk])
    data = form_data(admin_client.get(edit_url).content.decode(), "w-editor-form")
    data.update(contact_page=[str(contact.pk)], contact_email=["hello@example.org"])

    assert admin_client.post(edit_url, data).status_code == 302

    contact_section = footer(client).select_one('[aria-labelledby="footer-contact-heading"]')
    assert contact_section.h2.get_text(strip=True) == "Contact"
    hrefs = [a["href"] for a in contact_section.select("a")]
    assert hrefs == ["mailto:hello@example.org", "/en/contact/"]
    # No Spanish contact page yet: the Spanish footer links the English one.
    assert footer(client, "/es/").find("a", href="/en/contact/") is not None


def test_the_demo_footer_gives_the_networks_address_not_the_servers(client, site_tree):
    for path in ("/en/", "/es/"):
        contact = footer(client, path).select_one('[aria-labelledby="footer-contact-heading"]')
        assert [a["href"] for a in contact.select("a")] == [
            "mailto:contact@citynetwork.example.org"
        ]


def test_without_an_address_of_their_own_the_footer_shows_contact_email(
    client, site_tree, settings
):
    settings.CONTACT_EMAIL = "network@example.org"
    SiteLinks.objects.update(contact_email="")  # the demo's own address

    assert footer(client, "/es/").find("a", href="mailto:network@example.org").get_text() == (
        "network@example.org"
    )
    assert SiteLinks.objects.get().contact_email == ""


def test_the_footer_keeps_the_funder_and_the_copyright(client, site_tree):
    legal = footer(client, "/es/").select_one(".site-footer__legal").get_text()

    assert "Prosperity Fund" in legal
    assert re.search(r"© 20\d\d Red Chile–Reino Unido de Liderazgo Urbano", legal)


# --- The site map ------------------------------------------------------------------------------


def site_map_links(client, path="/en/site-map/"):
    response = client.get(path)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("main .page-content h1") is not None
    return html.select_one("main ul.site-map")


def add_page(parent, title, slug, publish=True):
    page = StandardPage(title=title, slug=slug, live=publish)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def test_the_site_map_nests_live_public_pages_only(client, site_tree):
    about = site_tree.about_en
    add_page(about, "Working groups", "working-groups")
    add_page(about, "Planned workshop", "planned-workshop", publish=False)
    private = add_page(about, "Steering committee", "steering-committee")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = StandardPage.objects.get(pk=add_page(about, "Old section", "old-section").pk)
    add_page(draft, "Inside an unpublished section", "inside")
    draft.unpublish()

    tree = site_map_links(client)

    about_item = tree.find("a", string="About the programme").parent
    assert [a.get_text() for a in about_item.find("ul").find_all("a")] == ["Working groups"]
    text = tree.get_text()
    for hidden in ("Planned workshop", "Steering committee", "Old section", "Inside an"):
        assert hidden not in text
    assert tree.find("a", string="Accessibility statement")["href"] == "/en/accessibility/"
    assert tree.select_one("li a")["href"] == "/en/"


def test_the_spanish_site_map_lists_spanish_pages(client, site_tree):
    tree = site_map_links(client, "/es/mapa-del-sitio/")

    titles = [a.get_text() for a in tree.select("a")]
    assert titles[0] == "Red Chile–Reino Unido de Liderazgo Urbano"
    assert {"Sobre el programa", "Socios", "Declaración de accesibilidad"} <= set(titles)
    assert "About the programme" not in titles
    html = BeautifulSoup(client.get("/es/mapa-del-sitio/").content, "html.parser")
    assert html.select_one('nav.language-switcher a[lang="en"]')["href"].endswith("/en/site-map/")


def test_a_listing_is_shown_without_its_items(client, site_tree):
    library = add_library(site_tree.home_en)
    add_page_under_library(library)

    tree = site_map_links(client)

    assert tree.find("a", string="Resource library")["href"] == "/en/resources/"
    assert "Market governance report" not in tree.get_text()


def add_page_under_library(library):
    import datetime

    from resources.models import ResourcePage

    page = ResourcePage(
        title="Market governance report",
        slug="market-governance",
        resource_type="report",
        publication_date=datetime.date(2025, 2, 1),
        summary="How markets are governed.",
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- Query counts --------------------------------------------------------------------------------


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_site_maps_queries_do_not_grow_with_pages(client, site_tree):
    client.get("/en/site-map/")  # the site and menu cached, as on any running server
    before = queries_for(client, "/en/site-map/")
    for number in range(8):
        add_page(site_tree.about_en, f"Working group {number}", f"working-group-{number}")
    client.get("/en/site-map/")

    assert queries_for(client, "/en/site-map/") == before


def test_the_footers_queries_do_not_grow_with_partners_or_logos(client, site_tree):
    def cold_and_warm():
        Site.objects.get(is_default_site=True).save()  # drops the cached menus and footers
        return queries_for(client, "/en/about/"), queries_for(client, "/en/about/")

    for partner in Partner.objects.filter(locale__language_code="en")[:1]:
        partner.logo = add_logo("first")
        partner.save()
    client.get("/en/about/")  # makes the logo's rendition
    few = cold_and_warm()
    for number, partner in enumerate(Partner.objects.filter(logo=None)):
        partner.logo = add_logo(f"logo-{number}")
        partner.save()
    for number in range(5):
        Partner.objects.create(locale=site_tree.home_en.locale, name=f"Partner {number}")
    client.get("/en/about/")  # makes their renditions

    assert cold_and_warm() == few


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_manage_partners_site_links_and_vocabulary(
    client, site_tree, django_user_model, group
):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    editor.groups.add(Group.objects.get(name=group))
    client.force_login(editor)
    partner = english_partner("The Business of Cities")
    edit_url = reverse("wagtailsnippets_network_partner:edit", args=[partner.pk])
    data = form_data(client.get(edit_url).content.decode(), "w-editor-form")
    data["name"] = ["The Business of Cities Ltd"]
    assert client.post(edit_url, data).status_code == 302
    assert english_partner("The Business of Cities Ltd").pk == partner.pk

    site = Site.objects.get(is_default_site=True)
    links_url = reverse("wagtailsettings:edit", args=["network", "sitelinks", site.pk])
    data = form_data(client.get(links_url).content.decode(), "w-editor-form")
    data["contact_email"] = ["hello@example.org"]
    assert client.post(links_url, data).status_code == 302
    assert SiteLinks.for_site(site).contact_email == "hello@example.org"

    for snippet in ("topic", "place"):
        assert client.get(reverse(f"wagtailsnippets_network_{snippet}:add")).status_code == 200
    assert (
        client.get(reverse("wagtailsnippets_network_partner:delete", args=[partner.pk])).status_code
        == 200
    )
