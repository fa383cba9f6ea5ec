"""Authors as people (given and family names kept apart, or an organisation; an ORCID iD) and
the citations made from them: the resource page's, formatted by citeproc-py in the chosen CSL
style and the visitor's language, and the BibTeX, RIS and CSL-JSON downloads."""

import importlib
import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from resources.models import ResourcePage
from tests.content import CITED_TITLE, resource_form_data
from tests.factories import add_resource

pytestmark = pytest.mark.django_db

split_name = importlib.import_module("resources.migrations.0004_authors_as_people").split_name


def page_html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def citation(html):
    return " ".join(html.select_one(".citation__text").get_text().split())


def test_the_page_cites_in_apa_by_default(client, cited_report):
    html = page_html(client, cited_report.url)

    assert citation(html) == (
        "Riquelme Soto, T., O'Neill, T., & Business & Cities Ltd. (2019). Placing Business "
        "Leadership: insights from Chile's Barrios Comerciales (CLI-3). UCL City Leadership "
        "Initiative. https://doi.org/10.5281/zenodo.1234567"
    )
    # The title in italics, as the style sets it, and nothing of it left as markup.
    assert html.select_one(".citation__text i").get_text() == CITED_TITLE
    assert html.select_one(".citation__styles [aria-current]").get_text() == "APA (7th edition)"


def test_the_visitor_chooses_the_style(client, cited_report):
    chicago = page_html(client, cited_report.url, citation="chicago")
    harvard = page_html(client, cited_report.url, citation="harvard")

    assert citation(chicago).startswith(
        "Riquelme Soto, T., T. O'Neill, and Business & Cities Ltd. 2019."
    )
    assert chicago.select_one(".citation__styles [aria-current]").get_text() == (
        "Chicago (author-date)"
    )
    assert citation(harvard).startswith("Riquelme Soto, T., O'Neill, T. and Business & Cities Ltd")
    assert "London: UCL City Leadership Initiative. Available at:" in citation(harvard)
    links = [a["href"] for a in harvard.select(".citation__styles a")]
    assert links == [f"?citation={key}#cite-heading" for key in ("apa", "chicago", "harvard")]


@pytest.mark.parametrize("chosen", ["bogus", "", "APA", "<script>"])
def test_an_unknown_style_gets_apa(client, cited_report, chosen):
    assert citation(page_html(client, cited_report.url, citation=chosen)).startswith(
        "Riquelme Soto, T., O'Neill, T., & Business & Cities Ltd. (2019)."
    )


def test_a_spanish_visitor_reads_the_citation_in_spanish(client, cited_report, site_tree):
    spanish = cited_report.copy_for_translation(site_tree.spanish)
    spanish.title = "Situar el liderazgo empresarial"
    spanish.save_revision().publish()

    html = page_html(client, spanish.url, citation="harvard")

    text = citation(html)
    assert text.startswith("Riquelme Soto, T., O'Neill, T. y Business & Cities Ltd (2019)")
    assert "Disponible en:" in text and "Available" not in text
    assert html.select_one(".citation__styles [aria-current]").get_text() == (
        "Harvard (Cite Them Right)"
    )


@pytest.mark.parametrize("style", ["apa", "chicago", "harvard"])
def test_markup_in_what_is_cited_stays_text(client, library, style):
    resource = add_resource(
        library[0],
        "<script>alert(1)</script> & more",
        publisher="<b>P</b> & Q",
        authors=[("<img src=x onerror=alert(1)>", "B <i>C</i>", ""), {"organisation": "D & E"}],
    )

    html = page_html(client, resource.url, citation=style)

    cited_report = html.select_one(".citation__text")
    assert [tag.name for tag in cited_report.find_all(True)] == ["i"]
    assert "<script>alert(1)</script> & more" in cited_report.select_one("i").get_text().lower()
    text = citation(html)
    assert "B <i>C</i>" in text and "D & E" in text and "<b>P</b> & Q" in text


def test_bibtex_files_each_person_under_their_family_names(client, cited_report):
    response = client.get(cited_report.url + "cite/bibtex/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="placing-business-leadership-insights-from-chiles-barrios-com.bib"'
    )
    assert response.content.decode() == (
        "@techreport{riquelme2019placing,\n"
        "  author = {Riquelme Soto, Tomás and O'Neill, Tom and {Business \\& Cities Ltd}},\n"
        "  title = {{Placing Business Leadership: insights from Chile's Barrios Comerciales}},\n"
        "  year = {2019},\n"
        "  month = {6},\n"
        "  institution = {UCL City Leadership Initiative},\n"
        "  address = {London},\n"
        "  number = {CLI-3},\n"
        "  isbn = {978-3-16-148410-0},\n"
        "  doi = {10.5281/zenodo.1234567},\n"
        f"  url = {{http://testserver{cited_report.url}}},\n"
        "  language = {en},\n"
        "  copyright = {Creative Commons Attribution 4.0 (CC BY 4.0)}\n"
        "}\n"
    )


def test_ris_files_each_person_under_their_family_names(client, cited_report):
    response = client.get(cited_report.url + "cite/ris/")

    assert response.content.decode().split("\r\n") == [
        "TY  - RPRT",
        "AU  - Riquelme Soto, Tomás",
        "AU  - O'Neill, Tom",
        "AU  - Business & Cities Ltd",
        f"TI  - {CITED_TITLE}",
        "PY  - 2019",
        "DA  - 2019/06/01",
        "PB  - UCL City Leadership Initiative",
        "CY  - London",
        "SN  - CLI-3",
        "DO  - 10.5281/zenodo.1234567",
        f"UR  - http://testserver{cited_report.url}",
        "AB  - What Chile's Barrios Comerciales teach about business-led places.",
        "LA  - en",
        "CR  - Creative Commons Attribution 4.0 (CC BY 4.0)",
        "ER  - ",
        "",
    ]


def test_csl_json_download(client, cited_report):
    response = client.get(cited_report.url + "cite/csl-json/")

    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    [item] = json.loads(response.content)
    assert item == {
        "id": cited_report.slug,
        "type": "report",
        "title": CITED_TITLE,
        "author": [
            {"family": "Riquelme Soto", "given": "Tomás"},
            {"family": "O'Neill", "given": "Tom"},
            {"literal": "Business & Cities Ltd"},
        ],
        "issued": {"date-parts": [[2019, 6, 1]]},
        "publisher": "UCL City Leadership Initiative",
        "publisher-place": "London",
        "number": "CLI-3",
        "ISBN": "978-3-16-148410-0",
        "DOI": "10.5281/zenodo.1234567",
        "URL": f"http://testserver{cited_report.url}",
        "language": "en",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "abstract": "What Chile's Barrios Comerciales teach about business-led places.",
    }


def test_the_page_shows_authors_orcid_details_downloads_and_citation(
    client, cited_report, site_tree
):
    spanish = cited_report.copy_for_translation(site_tree.spanish)
    spanish.save_revision().publish()

    html = page_html(client, cited_report.url)

    download = html.select_one(".downloads a")
    # An action to press, named with the file it fetches for those who hear it.
    assert download.get_text() == "Download PDF: Full report"
    assert download.select_one(".visually-hidden").get_text() == ": Full report"
    assert "Full report" in html.select_one(".downloads .file-info").get_text()
    authors = html.select_one(".resource__authors")
    assert authors.get_text(" ", strip=True).startswith("Tomás Riquelme Soto iD")
    orcid = authors.select_one("a.orcid")
    assert orcid["href"] == "https://orcid.org/0000-0002-1825-0097"
    assert orcid.select_one(".visually-hidden").get_text() == ": ORCID iD of Tomás Riquelme Soto"
    details = {
        dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in html.select(".details dt")
    }
    assert details["Publisher"] == "UCL City Leadership Initiative, London"
    assert details["Report number"] == "CLI-3"
    assert details["ISBN"] == "978-3-16-148410-0"
    assert details["Licence"] == "Creative Commons Attribution 4.0 (CC BY 4.0)"
    assert html.select_one('.details a[rel="license"]')["href"] == (
        "https://creativecommons.org/licenses/by/4.0/"
    )
    downloads = [a["href"] for a in html.select(".citation .button-row a")]
    assert downloads == [
        cited_report.url + f"cite/{kind}/" for kind in ("bibtex", "ris", "csl-json")
    ]
    assert html.select_one(".resource__translation a")["hreflang"] == "es"
    assert html.select_one('link[type="application/atom+xml"]')["href"] == "/en/resources/feed/"


# --- Editors ----------------------------------------------------------------------------------


def add_url(library):
    return reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library[0].pk])


def post_resource(admin_client, library, slug, authors=None, **fields):
    if authors is not None:
        fields["authors"] = inline_formset(authors)
    data = resource_form_data(f"Resource {slug}", slug=slug, **fields)
    return admin_client.post(add_url(library), data)


@pytest.mark.parametrize(
    "author, message",
    [
        (
            {"given_names": "Ana", "family_names": "Pérez", "orcid": "0000-0002-1825-0098"},
            "This ORCID iD is not valid: check its digits.",
        ),
        (
            {"given_names": "Ana", "family_names": "Pérez", "orcid": "orcid.org/0000"},
            "Enter an ORCID iD such as 0000-0002-1825-0097.",
        ),
        (
            {"given_names": "Ana", "family_names": "Pérez", "organisation": "UCL"},
            "An author is a person or an organisation",
        ),
        ({"given_names": "Ana"}, "Enter the author&#x27;s family names, or the organisation"),
    ],
)
def test_an_author_the_editor_must_correct_saves_nothing(admin_client, library, author, message):
    response = post_resource(admin_client, library, "refused", authors=[author])

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ResourcePage.objects.filter(slug="refused").exists()


def test_editors_save_people_and_organisations(admin_client, library):
    response = post_resource(
        admin_client,
        library,
        "saved",
        authors=[
            {
                "given_names": "María José",
                "family_names": "de la Fuente Rojas",
                "orcid": "0000-0002-1825-0097",
            },
            {"organisation": "Servicio de Cooperación Técnica (SERCOTEC)"},
        ],
    )

    assert response.status_code == 302, response.content[:2000]
    first, second = ResourcePage.objects.get(slug="saved").authors.all()
    assert (first.name, first.sorted_name()) == (
        "María José de la Fuente Rojas",
        "de la Fuente Rojas, María José",
    )
    assert (second.name, second.is_organisation) == (
        "Servicio de Cooperación Técnica (SERCOTEC)",
        True,
    )


def test_an_isbn_is_checked_and_written_with_its_hyphens(admin_client, library):
    bad = post_resource(admin_client, library, "bad-isbn", isbn="978-3-16-148410-1")
    good = post_resource(admin_client, library, "good-isbn", isbn="9783161484100")

    assert bad.status_code == 200
    assert "This ISBN is not valid: check its digits." in bad.content.decode()
    assert not ResourcePage.objects.filter(slug="bad-isbn").exists()
    assert good.status_code == 302
    assert ResourcePage.objects.get(slug="good-isbn").isbn == "978-3-16-148410-0"


# --- The data migration that split the names ---------------------------------------------------


@pytest.mark.parametrize(
    "name, parts",
    [
        ("Tomás Riquelme Soto", ("Tomás", "Riquelme Soto", "")),
        ("María José Rojas Henríquez", ("María José", "Rojas Henríquez", "")),
        ("Eleanor Whitcombe", ("Eleanor", "Whitcombe", "")),
        ("Ana de la Fuente", ("Ana", "de la Fuente", "")),
        ("José Ortega y Gasset", ("José", "Ortega y Gasset", "")),
        ("Ludwig van Beethoven", ("Ludwig", "van Beethoven", "")),
        ("John P. Smith", ("John P.", "Smith", "")),
        ("Tom O'Neill", ("Tom", "O'Neill", "")),
        ("  Helen   Marsh ", ("Helen", "Marsh", "")),
        ("UCL City Leadership Initiative", ("", "", "UCL City Leadership Initiative")),
        ("Ministerio de Vivienda y Urbanismo", ("", "", "Ministerio de Vivienda y Urbanismo")),
        ("Business & Cities Ltd", ("", "", "Business & Cities Ltd")),
        ("SERCOTEC", ("", "", "SERCOTEC")),
    ],
)
def test_names_written_as_one_are_split(name, parts):
    assert split_name(name) == parts
