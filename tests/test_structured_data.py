"""What machines read of the pages: schema.org JSON-LD, extracted from the served HTML by
extruct as harvesters extract it, and Google Scholar's citation_* meta tags (which Zotero reads
too), read as an HTML parser reads them."""

import datetime

import extruct
import pytest
from bs4 import BeautifulSoup

from events.models import EventSpeaker
from members.models import MemberPage
from tests.content import CITED_TITLE
from tests.factories import add_event, add_resource

pytestmark = pytest.mark.django_db


def graph(client, url):
    """``{"@type": entity}`` of the page's JSON-LD graph."""
    response = client.get(url)
    assert response.status_code == 200
    [document] = extruct.extract(
        response.content.decode(), base_url=f"http://testserver{url}", syntaxes=["json-ld"]
    )["json-ld"]
    assert document["@context"] == "https://schema.org"
    entities = {entity["@type"]: entity for entity in document["@graph"]}
    assert len(entities) == len(document["@graph"])
    return entities


def scholar_meta(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [(meta["name"], meta["content"]) for meta in html.select('meta[name^="citation_"]')]


def test_every_page_names_the_network(client, site_tree):
    entities = graph(client, "/en/")

    assert entities["Organization"] == {
        "@type": "Organization",
        "@id": "http://testserver/#organization",
        "name": "Chile–UK City Leadership Network",
        "url": "http://testserver/",
        "logo": "http://testserver/static/img/icon-512.png",
    }
    # The home page has no breadcrumbs.
    assert set(entities) == {"Organization"}


def test_a_resource_is_a_report_with_its_authors_identifiers_and_pdf(client, cited_report):
    entities = graph(client, cited_report.url)

    work = entities["Report"]
    url = f"http://testserver{cited_report.url}"
    pdf = cited_report.documents.get().document
    assert work == {
        "@type": "Report",
        "@id": f"{url}#resource",
        "url": url,
        "name": CITED_TITLE,
        "headline": CITED_TITLE,
        "abstract": "What Chile's Barrios Comerciales teach about business-led places.",
        "datePublished": "2019-06-01",
        "inLanguage": "en",
        "author": [
            {
                "@type": "Person",
                "name": "Tomás Riquelme Soto",
                "givenName": "Tomás",
                "familyName": "Riquelme Soto",
                "affiliation": {"@type": "Organization", "name": "UCL"},
                "identifier": "https://orcid.org/0000-0002-1825-0097",
                "sameAs": "https://orcid.org/0000-0002-1825-0097",
            },
            {"@type": "Person", "name": "Tom O'Neill", "givenName": "Tom", "familyName": "O'Neill"},
            {"@type": "Organization", "name": "Business & Cities Ltd"},
        ],
        "publisher": {"@type": "Organization", "name": "UCL City Leadership Initiative"},
        "sourceOrganization": {"@id": "http://testserver/#organization"},
        "identifier": [
            {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.5281/zenodo.1234567"},
            {"@type": "PropertyValue", "propertyID": "ISBN", "value": "978-3-16-148410-0"},
        ],
        "sameAs": "https://doi.org/10.5281/zenodo.1234567",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "keywords": ["City leadership"],
        "encoding": [
            {
                "@type": "MediaObject",
                "name": "Full report",
                "contentUrl": f"http://testserver{pdf.url}",
                "encodingFormat": "application/pdf",
            }
        ],
        "reportNumber": "CLI-3",
    }
    crumbs = entities["BreadcrumbList"]["itemListElement"]
    assert [(crumb["position"], crumb["item"]) for crumb in crumbs] == [
        (1, "http://testserver/en/"),
        (2, "http://testserver/en/resources/"),
        (3, url),
    ]
    assert crumbs[-1]["name"] == CITED_TITLE


def test_an_article_is_a_scholarly_article(client, library):
    article = add_resource(library[0], "On levies", resource_type="article")

    assert graph(client, article.url)["ScholarlyArticle"]["name"] == "On levies"


def test_google_scholar_reads_the_resource_from_its_meta_tags(client, cited_report):
    pdf = cited_report.documents.get().document

    assert scholar_meta(client, cited_report.url) == [
        ("citation_title", CITED_TITLE),
        ("citation_author", "Riquelme Soto, Tomás"),
        ("citation_author_institution", "UCL"),
        ("citation_author_orcid", "https://orcid.org/0000-0002-1825-0097"),
        ("citation_author", "O'Neill, Tom"),
        ("citation_author", "Business & Cities Ltd"),
        ("citation_publication_date", "2019/06/01"),
        ("citation_language", "en"),
        ("citation_publisher", "UCL City Leadership Initiative"),
        ("citation_doi", "10.5281/zenodo.1234567"),
        ("citation_isbn", "978-3-16-148410-0"),
        ("citation_keywords", "City leadership"),
        ("citation_abstract_html_url", f"http://testserver{cited_report.url}"),
        ("citation_technical_report_institution", "UCL City Leadership Initiative"),
        ("citation_technical_report_number", "CLI-3"),
        ("citation_pdf_url", f"http://testserver{pdf.url}"),
    ]
    assert client.get(pdf.url).status_code == 200


def test_a_title_that_closes_the_script_is_read_back_whole(client, library):
    resource = add_resource(library[0], "</script><script>alert(1)</script> & co")

    html = BeautifulSoup(client.get(resource.url).content, "html.parser")

    assert len(html.select('script[type="application/ld+json"]')) == 1
    assert graph(client, resource.url)["Report"]["name"] == (
        "</script><script>alert(1)</script> & co"
    )


@pytest.mark.parametrize(
    "zone, event_format, start, offset, mode",
    [
        ("America/Santiago", "in-person", (2031, 6, 2, 10), "-04:00", "Offline"),
        ("America/Santiago", "hybrid", (2031, 12, 2, 10), "-03:00", "Mixed"),
        ("Europe/London", "online", (2031, 6, 2, 10), "+01:00", "Online"),
    ],
)
def test_an_event_has_its_times_in_its_own_zone(
    client, event_listings, terms, zone, event_format, start, offset, mode
):
    start = datetime.datetime(*start)
    event = add_event(
        event_listings[0],
        "Expert exchange",
        start,
        start + datetime.timedelta(hours=3),
        zone=zone,
        event_format=event_format,
        venue="" if event_format == "online" else "Centro Cultural La Moneda",
        city=None if event_format == "online" else terms["santiago"],
        online_url="" if event_format == "in-person" else "https://example.org/live",
    )
    EventSpeaker.objects.create(page=event, name="Helen Marsh", affiliation="UCL")

    entity = graph(client, event.url)["Event"]

    assert entity["startDate"] == f"{start.date().isoformat()}T10:00:00{offset}"
    assert entity["endDate"] == f"{start.date().isoformat()}T13:00:00{offset}"
    assert entity["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    places = {place["@type"]: place for place in entity["location"]}
    if event_format != "online":
        assert places["Place"] == {
            "@type": "Place",
            "name": "Centro Cultural La Moneda",
            "address": {"@type": "PostalAddress", "addressLocality": "Santiago"},
        }
    if event_format != "in-person":
        assert places["VirtualLocation"] == {
            "@type": "VirtualLocation",
            "url": "https://example.org/live",
        }
    assert (
        set(places)
        == {
            "online": {"VirtualLocation"},
            "hybrid": {"Place", "VirtualLocation"},
            "in-person": {"Place"},
        }[event_format]
    )
    assert entity["performer"] == [
        {
            "@type": "Person",
            "name": "Helen Marsh",
            "affiliation": {"@type": "Organization", "name": "UCL"},
        }
    ]
    assert entity["organizer"] == {"@id": "http://testserver/#organization"}


@pytest.mark.parametrize("shown", [True, False])
def test_a_member_is_a_person_with_only_what_their_profile_shows(
    client, directories, django_user_model, shown
):
    profile = MemberPage(
        title="Ana Pérez",
        slug="ana-perez",
        user=django_user_model.objects.create_user("ana", "ana@example.org", "pw"),
        role="Economic development officer",
        organisation="Municipalidad de Valparaíso",
        sector="local-government",
        bio="Works with traders.",
        orcid="0000-0002-1825-0097",
        website="https://example.org/ana",
        show_orcid=shown,
        show_website=shown,
    )
    directories[0].add_child(instance=profile)
    profile.save_revision().publish()

    entity = graph(client, profile.url)["Person"]

    url = f"http://testserver{profile.url}"
    expected = {
        "@type": "Person",
        "@id": f"{url}#person",
        "url": url,
        "name": "Ana Pérez",
        "jobTitle": "Economic development officer",
        "worksFor": {"@type": "Organization", "name": "Municipalidad de Valparaíso"},
        "description": "Works with traders.",
    }
    if shown:
        expected["identifier"] = "https://orcid.org/0000-0002-1825-0097"
        expected["sameAs"] = ["https://orcid.org/0000-0002-1825-0097", "https://example.org/ana"]
    assert entity == expected
    assert "ana@example.org" not in str(entity)
