from django import template
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from network.i18n import (
    absolute_page_url,
    home_alternates,
    home_url,
    hreflang_links,
    page_alternates,
    path_alternates,
)
from network.navigation import main_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page in every site language, for the language switcher and hreflang links.

    A page-tree URL without a page (a 404) cannot be translated by its path, so it offers each
    language's home page instead.
    """
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page_alternates(page, request)
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        return home_alternates(request)
    return path_alternates(request)


register.simple_tag(hreflang_links, name="hreflang_links")


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    menu = main_menu(request) or {"home_url": "/", "links": []}
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else None
    links = []
    for link in menu["links"]:
        if current_path == link["path"]:
            state = "page"
        elif current_path and current_path.startswith(link["path"]):
            state = "true"  # the current page is inside this section
        else:
            state = ""
        links.append({**link, "aria_current": state})
    return {"home_url": menu["home_url"], "links": links}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return absolute_page_url(page, request)
    return request.build_absolute_uri(request.path)


@register.simple_tag(takes_context=True)
def home_page_url(context):
    """The home page in the active language, as a full address: e-mails sign off with it."""
    return home_url(translation.get_language(), context["request"])


@register.simple_tag(takes_context=True)
def absolute_url(context, view_name):
    """The full address of a named URL on the host the request came to, for e-mails."""
    return context["request"].build_absolute_uri(reverse(view_name))
