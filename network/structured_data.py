"""Schema.org JSON-LD, which search engines and harvesters read: on every page the network as an
Organization and the page's place in the site as a BreadcrumbList, and what the page is about
(a report, an event, a person) where its get_context puts it in ``structured_data``."""

import json
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.models import Page

from network.i18n import absolute_page_url

SCHEMA = "https://schema.org"
# What json_script escapes, so that no text can close the <script> element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def organization_id(request: HttpRequest) -> str:
    return request.build_absolute_uri("/#organization")


def organization(request: HttpRequest) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "@id": organization_id(request),
        "name": gettext("Chile–UK City Leadership Network"),
        "url": request.build_absolute_uri("/"),
        "logo": request.build_absolute_uri(static("img/icon-512.png")),
    }


def breadcrumb_list(
    page: Page, ancestors: list[Page], request: HttpRequest
) -> dict[str, Any] | None:
    """The home page down to ``page``, or None for the home page itself."""
    if not ancestors:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute_page_url(crumb, request),
            }
            for position, crumb in enumerate([*ancestors, page], start=1)
        ],
    }


def person(
    name: str,
    *,
    given: str = "",
    family: str = "",
    affiliation: str = "",
    orcid_url: str = "",
) -> dict[str, Any]:
    """A Person, with only what the page itself shows of them."""
    entity: dict[str, Any] = {"@type": "Person", "name": name}
    if given:
        entity["givenName"] = given
    if family:
        entity["familyName"] = family
    if affiliation:
        entity["affiliation"] = {"@type": "Organization", "name": affiliation}
    if orcid_url:
        entity["identifier"] = orcid_url
        entity["sameAs"] = orcid_url
    return entity


def without_empty(entity: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in entity.items() if value not in ("", None, [], {})}


def script(
    page: Page | None, ancestors: list[Page], about: dict[str, Any] | None, request: HttpRequest
) -> SafeString:
    """The ``<script type="application/ld+json">`` element of a page."""
    graph: list[dict[str, Any]] = [organization(request)]
    if isinstance(page, Page) and (crumbs := breadcrumb_list(page, ancestors, request)):
        graph.append(crumbs)
    if about:
        graph.append(about)
    data = json.dumps({"@context": SCHEMA, "@graph": graph}, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(SCRIPT_ESCAPES)),  # escaped as json_script escapes
    )
