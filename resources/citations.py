"""A resource as a formatted citation, BibTeX and RIS. Authors are kept as written (names of
people and of organisations both occur), so no initials are invented."""

import re

from django.utils.text import slugify

from network.i18n import absolute_page_url
from resources.choices import ResourceType

BIBTEX_ENTRY_TYPES = {
    ResourceType.ARTICLE: "article",
    ResourceType.REPORT: "techreport",
    ResourceType.WHITE_PAPER: "techreport",
    ResourceType.POLICY_BRIEF: "techreport",
    ResourceType.CASE_STUDY: "techreport",
    ResourceType.DATASET: "misc",
    ResourceType.PRESENTATION: "misc",
    ResourceType.VIDEO: "misc",
}
RIS_TYPES = {
    ResourceType.ARTICLE: "JOUR",
    ResourceType.REPORT: "RPRT",
    ResourceType.WHITE_PAPER: "RPRT",
    ResourceType.POLICY_BRIEF: "RPRT",
    ResourceType.CASE_STUDY: "RPRT",
    ResourceType.DATASET: "DATA",
    ResourceType.PRESENTATION: "SLIDE",
    ResourceType.VIDEO: "VIDEO",
}
BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def resource_url(resource, request=None):
    return resource.doi_url or absolute_page_url(resource, request)


def join_authors(names):
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " & " + names[-1]


def citation_text(resource, request=None):
    """Author A, Author B & Author C (2019). Title. Publisher. https://doi.org/…"""
    year = resource.publication_date.year
    authors = join_authors(resource.author_names())
    title = resource.title.rstrip(".")
    parts = [f"{authors} ({year}). {title}." if authors else f"{title} ({year})."]
    if resource.publisher:
        parts.append(f"{resource.publisher.rstrip('.')}.")
    parts.append(resource_url(resource, request))
    return " ".join(parts)


def bibtex_escape(value):
    return BIBTEX_SPECIAL.sub(r"\\\1", value)


def bibtex_key(resource):
    names = resource.author_names()
    first = slugify(names[0].split()[-1] if names else resource.slug).replace("-", "") or "ref"
    word = next((w for w in slugify(resource.title).split("-") if len(w) > 3), "")
    return f"{first}{resource.publication_date.year}{word}"


def bibtex(resource, request=None):
    fields = [
        # Braces keep each author, person or organisation, as one name.
        ("author", " and ".join(f"{{{bibtex_escape(n)}}}" for n in resource.author_names())),
        ("title", f"{{{bibtex_escape(resource.title)}}}"),
        ("year", str(resource.publication_date.year)),
        ("month", str(resource.publication_date.month)),
        (
            "institution"
            if BIBTEX_ENTRY_TYPES[resource.resource_type] == "techreport"
            else "publisher",
            bibtex_escape(resource.publisher),
        ),
        ("doi", bibtex_escape(resource.doi)),
        ("url", resource_url(resource, request)),
        ("language", resource.original_language),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{BIBTEX_ENTRY_TYPES[resource.resource_type]}{{{bibtex_key(resource)},\n{body}\n}}\n"


def ris(resource, request=None):
    lines = [("TY", RIS_TYPES[resource.resource_type])]
    lines += [("AU", name) for name in resource.author_names()]
    lines += [
        ("TI", resource.title),
        ("PY", str(resource.publication_date.year)),
        ("DA", resource.publication_date.strftime("%Y/%m/%d")),
        ("PB", resource.publisher),
        ("DO", resource.doi),
        ("UR", resource_url(resource, request)),
        ("AB", resource.summary),
        ("LA", resource.original_language),
        ("ER", ""),
    ]
    # RIS: two-letter tag, two spaces, hyphen, space; one field per line.
    return "".join(
        f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines if value or tag == "ER"
    )
