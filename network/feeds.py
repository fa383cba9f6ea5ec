import uuid

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

LATEST_COUNT = 20


class LatestPagesFeed(Feed):
    """The newest pages of one listing (the library, the calls), i.e. of one language: the
    listing gives them (``pages``, newest first), subclasses the ``title``."""

    feed_type = Atom1Feed

    def __init__(self, listing, pages):
        super().__init__()
        self.listing = listing
        self.pages = pages

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.listing

    def link(self, listing):
        return listing.get_url(self.request)

    def subtitle(self, listing):
        return listing.introduction or listing.search_description

    def items(self, listing):
        return self.pages[:LATEST_COUNT]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.get_url(self.request)

    def item_guid(self, page):
        # Stable when the page's slug changes, and distinct for each language's version.
        return uuid.uuid5(page.translation_key, self.listing.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at
