"""The site map for people (``/en/site-map/``): the live, public pages of the active language as
nested lists, under the home page. Search engines have ``/sitemap.xml`` instead.

A listing (the library, events, calls, the member directory: every ``FilterableListMixin`` page)
is shown as a section without its items: there may be thousands, and the listing itself is where
they are browsed, filtered and paged. So the page lists what editors build by hand, whatever the
size of the library, in a fixed number of queries. A page whose parent is not public (a draft,
or a private section) is left out with its parent."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page, Site, get_page_models

from network.listing import FilterableListMixin
from network.navigation import home_page


def site_map(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    home = home_page(site) if site is not None else None
    return render(
        request,
        "network/site_map.html",
        {
            "page_title": _("Sitemap"),
            "home": home and {"title": home.title, "url": home.get_url(request)},
            "sections": page_tree(home, request) if home is not None else [],
        },
    )


def listing_content_types() -> list[ContentType]:
    models = [model for model in get_page_models() if issubclass(model, FilterableListMixin)]
    return list(ContentType.objects.get_for_models(*models).values())


def page_tree(home: Page, request: HttpRequest) -> list[dict[str, Any]]:
    """``[{"title", "url", "children": [...]}]``: the pages under ``home``, in the page tree's
    order, each listing without its items."""
    pages = home.get_descendants().live().public()
    inside_listings = Q()
    for path, depth in pages.filter(content_type__in=listing_content_types()).values_list(
        "path", "depth"
    ):
        inside_listings |= Q(path__startswith=path, depth__gt=depth)
    if inside_listings:
        pages = pages.exclude(inside_listings)
    nodes: dict[str, dict[str, Any]] = {home.path: {"children": []}}
    for page in pages.order_by("path").only("title", "path", "depth", "url_path"):
        parent = nodes.get(page.path[: -Page.steplen])
        if parent is not None:
            node = {"title": page.title, "url": page.get_url(request), "children": []}
            parent["children"].append(node)
            nodes[page.path] = node
    return nodes[home.path]["children"]
