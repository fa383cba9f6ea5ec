"""The search page's results as an Atom feed, for a reader to follow a search: the first page of
results in the page's order, the same filters applied."""

import uuid

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from network.feeds import LATEST_COUNT


class SearchResultsFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, query, pages, languages, querystring):
        super().__init__()
        self.query = query
        self.pages = pages
        self.languages = languages
        self.querystring = querystring

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self):
        return _("Search results for “%(query)s”") % {"query": self.query}

    def link(self):
        return f"{reverse('search')}?{self.querystring}"

    def items(self):
        return self.pages[:LATEST_COUNT]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.search_description or getattr(page, "summary", "")

    def item_link(self, page):
        return page.get_url(self.request)

    def item_guid(self, page):
        # As the listings' feeds name a page: stable when its slug changes, one per language.
        return uuid.uuid5(page.translation_key, self.languages[page.pk]).urn

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at
