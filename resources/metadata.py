"""A resource described for machines: Google Scholar's ``citation_*`` meta tags (which Zotero
reads too) and schema.org JSON-LD, both from what the page shows."""

from network.i18n import absolute_page_url
from network.structured_data import organization_id, person, without_empty
from resources.choices import ResourceType

SCHEMA_TYPES = {
    ResourceType.ARTICLE: "ScholarlyArticle",
    ResourceType.REPORT: "Report",
    ResourceType.WHITE_PAPER: "Report",
    ResourceType.POLICY_BRIEF: "Report",
    ResourceType.CASE_STUDY: "Report",
    ResourceType.DATASET: "Dataset",
    ResourceType.PRESENTATION: "PresentationDigitalDocument",
    ResourceType.VIDEO: "VideoObject",
}
REPORT_TYPES = {key for key, schema_type in SCHEMA_TYPES.items() if schema_type == "Report"}


def document_url(document, request):
    return request.build_absolute_uri(document.url)


def scholar_meta(resource, request, topic_links, attachments):
    """``(name, content)`` of each ``citation_*`` meta tag, in the order Google Scholar's
    inclusion guidelines give: each author followed by their institution and ORCID iD."""
    tags = [("citation_title", resource.title)]
    for author in resource.authors.all():
        tags.append(("citation_author", author.sorted_name()))
        tags.append(("citation_author_institution", author.affiliation))
        tags.append(("citation_author_orcid", author.orcid_url))
    date = resource.publication_date
    tags += [
        ("citation_publication_date", f"{date.year:04d}/{date.month:02d}/{date.day:02d}"),
        ("citation_language", resource.work_language),
        ("citation_publisher", resource.publisher),
        ("citation_doi", resource.doi),
        ("citation_isbn", resource.isbn),
        ("citation_keywords", "; ".join(name for _slug, name in topic_links)),
        ("citation_abstract_html_url", absolute_page_url(resource, request)),
    ]
    if resource.resource_type in REPORT_TYPES:
        tags += [
            ("citation_technical_report_institution", resource.publisher),
            ("citation_technical_report_number", resource.report_number),
        ]
    pdf = next((document for document in attachments if document.is_pdf), None)
    if pdf is not None:
        tags.append(("citation_pdf_url", document_url(pdf, request)))
    return [(name, content) for name, content in tags if content]


def schema_org(resource, request, topic_links, attachments):
    """The resource as a schema.org CreativeWork (a Report, a ScholarlyArticle…)."""
    schema_type = SCHEMA_TYPES[resource.resource_type]
    identifiers = [
        {"@type": "PropertyValue", "propertyID": kind, "value": value}
        for kind, value in (("DOI", resource.doi), ("ISBN", resource.isbn))
        if value
    ]
    url = absolute_page_url(resource, request)
    entity = {
        "@type": schema_type,
        "@id": f"{url}#resource",
        "url": url,
        "name": resource.title,
        "headline": resource.title[:110],
        "abstract": resource.summary,
        "datePublished": resource.publication_date.isoformat(),
        "inLanguage": resource.work_language,
        "author": [
            without_empty(
                {"@type": "Organization", "name": author.organisation}
                if author.is_organisation
                else person(
                    author.name,
                    given=author.given_names,
                    family=author.family_names,
                    affiliation=author.affiliation,
                    orcid_url=author.orcid_url,
                )
            )
            for author in resource.authors.all()
        ],
        "publisher": (
            {"@type": "Organization", "name": resource.publisher} if resource.publisher else None
        ),
        "sourceOrganization": {"@id": organization_id(request)},
        "identifier": identifiers,
        "sameAs": resource.doi_url,
        "license": resource.licence_url or resource.get_licence_display(),
        "keywords": [name for _slug, name in topic_links],
        "encoding": [
            without_empty(
                {
                    "@type": "MediaObject",
                    "name": document.title,
                    "contentUrl": document_url(document, request),
                    "encodingFormat": "application/pdf" if document.is_pdf else "",
                }
            )
            for document in attachments
        ],
    }
    if schema_type == "Report":
        entity["reportNumber"] = resource.report_number
    return without_empty(entity)
