from typing import Any

from django import template
from django.template.context import Context
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page

from network import structured_data
from network.footer import footer_content
from network.i18n import (
    Alternate,
    absolute_page_url,
    home_alternates,
    home_url,
    hreflang_links,
    page_alternates,
    path_alternates,
)
from network.images import rendition
from network.models import BasePage
from network.navigation import main_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context: Context) -> list[Alternate]:
    """This page in every site language, for the language switcher and hreflang links.

    A page-tree URL without a page (a 404) cannot be translated by its path, so it offers each
    language's home page instead.
    """
    request = context["request"]
    page = context.get("page")
    if isinstance(page, BasePage) and page.pk:
        return page_alternates(page.translations_and_self, request)
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        return home_alternates(request)
    return path_alternates(request)


register.simple_tag(hreflang_links, name="hreflang_links")


@register.simple_tag
def breadcrumb_pages(page: Page) -> list[Page]:
    """The page's ancestors from the home page down, without the tree's root.

    Walked with ``get_parent()``, which Wagtail's routing has already answered for each page it
    passed through on the way to this one: no query for a page being served, where
    ``get_ancestors()`` costs one."""
    ancestors = []
    # Depth 1 is the tree's root, above every site.
    while page.depth > 2:
        page = page.get_parent()
        ancestors.append(page)
    return ancestors[::-1]


@register.simple_tag(takes_context=True)
def json_ld(context: Context) -> str:
    """The page's schema.org JSON-LD (network/structured_data.py)."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    ancestors = breadcrumb_pages(page) if isinstance(page, Page) and page.pk else []
    return structured_data.script(page, ancestors, context.get("structured_data"), request)


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context: Context) -> dict[str, Any]:
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
    return {
        "home_url": menu["home_url"],
        "links": links,
        "archive_mode": context.get("archive_mode"),
    }


@register.simple_tag(takes_context=True)
def footer_links(context: Context) -> dict[str, Any]:
    """The footer's links and contact address for this site in the active language
    (network/footer.py)."""
    return footer_content(context["request"])


@register.inclusion_tag("network/partner_list.html", takes_context=True)
def partner_list(
    context: Context, heading_id: str = "partners-heading", heading_class: str = ""
) -> dict[str, Any]:
    """The partners, as logos (or names) linked to their websites, under a "Partners" heading
    (an h2 with this id and class); nothing at all when there are none. Used by the footer;
    ``{% partner_list heading_id="home-partners-heading" %}`` shows them on a page too."""
    return {
        "partners": footer_content(context["request"])["partners"],
        "heading_id": heading_id,
        "heading_class": heading_class,
    }


@register.simple_tag(takes_context=True)
def canonical_url(context: Context) -> str:
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return absolute_page_url(page, request)
    return request.build_absolute_uri(request.path)


@register.filter
def initials(name: str) -> str:
    """The avatar of someone without a photo: the first letters of the given name and of the
    surname people go by. With three words or more that is the second to last: a Chilean name
    carries the father's surname then the mother's ("Ana Pérez Soto" → "AP"), the first being
    the one used alone; particles ("de la") are not names."""
    words = [word for word in name.split() if word[:1].isalpha() and not word.islower()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0][0].upper()
    surname = words[-2] if len(words) >= 3 else words[-1]
    return (words[0][0] + surname[0]).upper()


@register.simple_tag(takes_context=True)
def absolute_uri(context: Context, url: str) -> str:
    """An address on this site as the visitor reached it (scheme, host, port), for what needs
    absolute URLs (og:image, links in e-mails); an absolute URL (e.g. files on a CDN) is kept."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag(name="rendition")
def rendition_tag(image: AbstractImage, filter_spec: str) -> AbstractRendition:
    """``{% rendition image "fill-1200x630" as name %}``: as ``{% image … as name %}``, without
    a write to the renditions' cache on every view (network/images.py)."""
    return rendition(image, filter_spec)


@register.simple_tag
def sharing_image(page: Page) -> AbstractImage | None:
    """The image a page is shared with: its own social image, else its cover where it has one
    (a resource's, from its PDF); None for the network's default."""
    return getattr(page, "social_image", None) or getattr(page, "cover", None)


@register.simple_tag(takes_context=True)
def home_page_url(context: Context) -> str:
    """The home page in the active language, as a full address: e-mails sign off with it."""
    return home_url(translation.get_language(), context["request"])


#: Page fields that say what the page is about, in the order a description is taken from.
DESCRIPTION_FIELDS = ("search_description", "summary", "introduction", "hero_text", "bio")


@register.simple_tag
def page_description(page: Page, fallback: str = "") -> str:
    """The page's meta description: its own as the editor wrote it, else the first of its
    summary, introduction or biography (plain text, cut near 160 characters), else
    ``fallback``."""
    own = getattr(page, "search_description", "")
    if own:
        return own  # the editor's own, as written
    for name in DESCRIPTION_FIELDS[1:]:
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(160)
    return fallback
