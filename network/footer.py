"""What the footer of every page shows besides fixed text: the partners, the accessibility
statement, the contact address and page, in the active language.

Built from the ``Partner`` snippets and the site's ``SiteLinks`` setting, and cached per host and
language with the main menu (``site_wide`` in network/content_cache.py): a change to a partner,
the setting, a page or an image drops it with the menus (network/signal_handlers.py). It is read
once per request, however many templates ask (the footer and the home page's partners)."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, AbstractRendition, Filter
from wagtail.models import Locale, Page, Site

from network.content_cache import site_wide
from network.models import Partner, SiteLinks
from network.restrictions import public

# Fits the footer's logo box (at most 160×40 CSS pixels) at twice its size, for sharp screens.
LOGO_FILTER = "max-320x80"


def footer_content(request: HttpRequest) -> dict[str, Any]:
    """``{"partners": [{"name", "website", "logo": {"url", "width", "height"} | None}],
    "accessibility_url", "contact_url", "contact_email"}``; no partners and no page links when
    no site matches the request."""
    language_code = get_language()

    def build() -> dict[str, Any]:
        site = Site.find_for_request(request)
        return build_footer(site, request, language_code) if site else empty_footer()

    return site_wide(request, "footer", build)


def empty_footer() -> dict[str, Any]:
    return {
        "partners": [],
        "accessibility_url": None,
        "contact_url": None,
        "contact_email": settings.CONTACT_EMAIL,
    }


def build_footer(site: Site, request: HttpRequest, language_code: str) -> dict[str, Any]:
    links = SiteLinks.for_site(site)
    chosen = {
        name: page_id
        for name in ("accessibility_page", "contact_page")
        if (page_id := getattr(links, f"{name}_id"))
    }
    pages = shown_pages(chosen.values(), language_code)
    return {
        "partners": partners_in(language_code),
        "accessibility_url": page_url(pages.get(chosen.get("accessibility_page")), request),
        "contact_url": page_url(pages.get(chosen.get("contact_page")), request),
        "contact_email": links.contact_email or settings.CONTACT_EMAIL,
    }


def shown_pages(page_ids: Iterable[int], language_code: str) -> dict[int | None, Page | None]:
    """``{chosen page id: page to link}``: the live, public translation of each chosen page in
    the active language, else the chosen page itself if it is live and public, else None."""
    keys = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    if not keys:
        return {}
    pages = list(
        public(Page.objects.live())
        .filter(translation_key__in=keys.values())
        .select_related("locale")
    )
    in_language = {
        page.translation_key: page for page in pages if page.locale.language_code == language_code
    }
    by_id = {page.pk: page for page in pages}
    return {page_id: in_language.get(key) or by_id.get(page_id) for page_id, key in keys.items()}


def page_url(page: Page | None, request: HttpRequest) -> str | None:
    return page.get_url(request) if page is not None else None


def partners_in(language_code: str) -> list[dict[str, Any]]:
    """The partners in ``language_code``, each untranslated one in the default language's
    version, in the order set on the default language's versions: a translation's own copy of
    the order changes only when it is synced."""
    default_code = Locale.get_default().language_code
    partners = (
        Partner.objects.filter(locale__language_code__in={language_code, default_code})
        .select_related("locale")
        .prefetch_related(
            Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_FILTER))
        )
    )
    by_key: dict[Any, dict[str, Partner]] = {}
    for partner in partners:
        by_key.setdefault(partner.translation_key, {})[partner.locale.language_code] = partner
    shown: list[tuple[int | None, str, Partner]] = []
    for versions in by_key.values():
        partner = versions.get(language_code) or versions[default_code]
        position = (versions.get(default_code) or partner).sort_order
        shown.append((position, partner.name.casefold(), partner))
    shown.sort(key=lambda item: item[:2])
    return [partner_entry(partner) for *_order, partner in shown]


def partner_entry(partner: Partner) -> dict[str, Any]:
    logo = None
    if partner.logo is not None:
        rendition = logo_rendition(partner.logo)
        logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
    return {"name": partner.name, "website": partner.website, "logo": logo}


def logo_rendition(image: AbstractImage) -> AbstractRendition:
    """The logo's rendition, from those prefetched or made now. Not through ``get_rendition``,
    which also writes each one to Wagtail's rendition cache (several queries each with the
    database cache) for nothing: the footer's own cache keeps its URL."""
    spec = Filter(LOGO_FILTER)
    try:
        return image.find_existing_rendition(spec)
    except image.get_rendition_model().DoesNotExist:
        return image.create_rendition(spec)
