import uuid

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

LATEST_COUNT = 20


class LatestResourcesFeed(Feed):
    """The newest resources of one library, i.e. of one language."""

    feed_type = Atom1Feed

    def __init__(self, library):
        super().__init__()
        self.library = library

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.library

    def title(self, library):
        return _("%(library)s: latest resources") % {"library": library.title}

    def link(self, library):
        return library.get_url(self.request)

    def subtitle(self, library):
        return library.introduction or library.search_description

    def items(self, library):
        from resources.models import ResourcePage

        return (
            ResourcePage.objects.child_of(library)
            .live()
            .public()
            .order_by("-publication_date", "-pk")
            .prefetch_related("authors")[:LATEST_COUNT]
        )

    def item_title(self, resource):
        return resource.title

    def item_description(self, resource):
        return resource.summary

    def item_link(self, resource):
        return resource.get_url(self.request)

    def item_guid(self, resource):
        # Stable when the page's slug changes, and distinct for each language's version.
        return uuid.uuid5(resource.translation_key, self.library.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, resource):
        return resource.first_published_at

    def item_updateddate(self, resource):
        return resource.last_published_at

    def item_author_name(self, resource):
        return ", ".join(resource.author_names()) or None
