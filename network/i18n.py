"""Where a page or a URL lives in the other languages, for the language switcher, hreflang links
and the sitemap; and how each language writes a list of languages' names."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site
from wagtail.query import PageQuerySet

from network.restrictions import is_public

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Alternate:
    language_code: str
    language_name: "StrOrPromise"
    url: str
    # False when the page has no live translation in this language and ``url`` is that
    # language's home page instead: such a link is never announced as an hreflang alternate.
    exists: bool


def page_alternates(
    translations: Iterable[Page], request: HttpRequest | None = None
) -> list[Alternate]:
    """One Alternate per site language (in settings.LANGUAGES order) for a Wagtail page, given
    the page and its translations with their locales (``BasePage.translations_and_self``)."""
    translations = {
        translation.locale.language_code: translation
        for translation in translations
        if translation.live and is_public(translation)
    }
    missing = [code for code, _name in settings.LANGUAGES if code not in translations]
    homes = home_urls(missing, request) if missing else {}
    alternates = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None:
            alternates.append(Alternate(code, name, absolute_page_url(translation, request), True))
        else:
            alternates.append(Alternate(code, name, homes[code], False))
    return alternates


def hreflang_links(alternates: Iterable[Alternate]) -> list[tuple[str, str]]:
    """``(hreflang, url)`` pairs for the translations that exist, plus ``x-default``: the first of
    them in settings.LANGUAGES order. Nothing when the page exists in one language only."""
    existing = [alternate for alternate in alternates if alternate.exists]
    if len(existing) < 2:
        return []
    return [
        *((alternate.language_code, alternate.url) for alternate in existing),
        ("x-default", existing[0].url),
    ]


def path_alternates(request: HttpRequest) -> list[Alternate]:
    """Alternates for a URL routed by Django rather than the page tree (e.g. search)."""
    return [
        Alternate(code, name, request.build_absolute_uri(translate_url(request.path, code)), True)
        for code, name in settings.LANGUAGES
    ]


def home_alternates(request: HttpRequest) -> list[Alternate]:
    homes = home_urls([code for code, _name in settings.LANGUAGES], request)
    return [Alternate(code, name, homes[code], False) for code, name in settings.LANGUAGES]


def home_url(language_code: str, request: HttpRequest | None = None) -> str:
    return home_urls([language_code], request)[language_code]


def home_urls(language_codes: Sequence[str], request: HttpRequest | None = None) -> dict[str, str]:
    """``{language code: URL}``: the live home page of the request's site in each language, or
    the language's URL prefix (which the site answers with a redirect or a 404) if it has none
    yet. One query for them all."""
    site = (
        Site.find_for_request(request)
        if request
        else Site.objects.filter(is_default_site=True).first()
    )
    homes = {}
    if site is not None:
        homes = {
            home.locale.language_code: home
            for home in site.root_page.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code__in=language_codes)
            .select_related("locale")
        }
    urls = {}
    for code in language_codes:
        if code in homes:
            urls[code] = absolute_page_url(homes[code], request)
        else:
            path = f"/{code}/"
            urls[code] = request.build_absolute_uri(path) if request else path
    return urls


def absolute_page_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's URL on the host the request came to (already checked against ALLOWED_HOSTS),
    or on the page's site's configured host when there is no request."""
    if request is None:
        return page.get_full_url()
    return request.build_absolute_uri(page.get_url(request))


def language_codes_by_locale() -> dict[int, str]:
    """``{locale id: language code}`` of every locale, in one query."""
    return dict(Locale.objects.values_list("pk", "language_code"))


def shown_in_language(
    pks: Sequence[int], locale_id: int, queryset: PageQuerySet
) -> dict[int, Page]:
    """``{pk: page}``: each page of ``pks`` as a visitor of ``locale_id`` may see it, its live and
    public translation there, else the page itself if it is live and public; a page neither is
    (unpublished, under a view restriction or gone) is left out. ``queryset`` (e.g.
    ``ResourcePage.objects.all()``) gives the model and what is loaded. One query, however
    many pages (and one more per page type with ``.specific()``): the pages chosen and their
    translations are read together, so a caller needs no more than their ids."""
    chosen_keys = Page.objects.filter(pk__in=pks).values("translation_key")
    found = list(
        queryset.filter(translation_key__in=chosen_keys).filter(
            Q(pk__in=pks) | Q(locale_id=locale_id, live=True)
        )
    )
    chosen = {page.pk: page for page in found if page.pk in pks}
    localized = {
        page.translation_key: page
        for page in found
        if page.locale_id == locale_id and page.live and is_public(page)
    }
    shown: dict[int, Page] = {}
    for pk, page in chosen.items():
        if page.translation_key in localized:
            shown[pk] = localized[page.translation_key]
        elif page.live and is_public(page):
            shown[pk] = page
    return shown


# Languages in which the names of languages are common nouns, in lower case within a sentence.
LOWER_CASE_LANGUAGE_NAMES = {"es", "fr", "pt"}


def language_names_list(names: Sequence["StrOrPromise"]) -> str:
    """``names`` of languages joined by commas as the active language writes them: "English,
    Spanish" in English, "Inglés, español" in Spanish (only the value's first word capitalised)."""
    lower_case = get_language().split("-")[0] in LOWER_CASE_LANGUAGE_NAMES
    return ", ".join(
        str(name).lower() if lower_case and index else str(name) for index, name in enumerate(names)
    )
