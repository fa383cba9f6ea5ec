import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Page

from network.listing import PAGE_PARAMETER

LATEST_COUNT = 20


class LatestPagesFeed(Feed):
    """The newest pages of one listing (the library, the calls), i.e. of one language, as its
    filters in the feed's address choose them: the listing gives them (``pages``, newest
    first), subclasses the ``title``."""

    feed_type = Atom1Feed

    def __init__(self, listing: Page, pages: Sequence[Page]) -> None:
        super().__init__()
        self.listing = listing
        self.pages = pages

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Page:
        self.request = request
        return self.listing

    def link(self, listing: Page) -> str:
        """The listing, with the filters the feed was asked for."""
        query = self.request.GET.copy()
        query.pop(PAGE_PARAMETER, None)
        url = listing.get_url(self.request)
        return f"{url}?{query.urlencode()}" if query else url

    def subtitle(self, listing: Page) -> str:
        return listing.introduction or listing.search_description

    def items(self, listing: Page) -> Sequence[Page]:
        return self.pages[:LATEST_COUNT]

    def item_title(self, page: Page) -> str:
        return page.title

    def item_description(self, page: Page) -> str:
        return page.summary

    def item_link(self, page: Page) -> str:
        return page.get_url(self.request)

    def item_guid(self, page: Page) -> str:
        # Stable when the page's slug changes, and distinct for each language's version.
        return uuid.uuid5(page.translation_key, self.listing.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, page: Page) -> datetime | None:
        return page.first_published_at

    def item_updateddate(self, page: Page) -> datetime | None:
        return page.last_published_at
