"""Editors' picks: pages (or links) that editors promote for a query, with Wagtail's
``wagtail.contrib.search_promotions`` (Settings → Promoted search results), shown above the
results. A promoted page is shown in the visitor's language only: the page itself if it is in
that language, else its translation there; a page with neither is left out, as is one that is
not live or not public. A promoted external link is shown in every language."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from network.i18n import shown_in_language
from search.log import logged_query


@dataclass(frozen=True)
class EditorsPick:
    title: str
    description: str
    # A promoted page, shown in the visitor's language, and what it is ("Policy brief"), else an
    # external link.
    page: Page | None = None
    kind: str = ""
    external_url: str = ""


def editors_picks(query: str, locale: Locale) -> list[EditorsPick]:
    # Wagtail keeps the editor's punctuation in a promoted query ("Barrios, comerciales"): each
    # is compared as a visitor's query is counted. Editors promote for a few dozen queries.
    wanted = logged_query(query)
    promoted = Query.objects.filter(editors_picks__isnull=False).values_list("pk", "query_string")
    matching = {
        pk for pk, query_string in promoted.distinct() if logged_query(query_string) == wanted
    }
    promotions = (
        list(SearchPromotion.objects.filter(query__in=matching).order_by("sort_order", "pk"))
        if matching
        else []
    )
    chosen = [promotion.page_id for promotion in promotions if promotion.page_id]
    shown = shown_in_language(chosen, locale.pk, Page.objects.specific()) if chosen else {}
    picks = []
    for promotion in promotions:
        if promotion.page_id is None:
            if promotion.external_link_url:
                picks.append(
                    EditorsPick(
                        promotion.external_link_text or promotion.external_link_url,
                        promotion.description,
                        external_url=promotion.external_link_url,
                    )
                )
            continue
        page = shown.get(promotion.page_id)
        if page is not None and page.locale_id == locale.pk:
            picks.append(
                EditorsPick(
                    page.title,
                    promotion.description or page.search_description,
                    page,
                    kind=page.search_result_kind(),
                )
            )
    return picks
