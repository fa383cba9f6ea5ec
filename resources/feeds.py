from django.utils.translation import gettext as _

from network.feeds import LatestPagesFeed


class LatestResourcesFeed(LatestPagesFeed):
    """The newest resources of one library, i.e. of one language."""

    def title(self, library):
        return _("%(library)s: latest resources") % {"library": library.title}

    def latest(self, library):
        from resources.models import ResourcePage

        return (
            ResourcePage.objects.child_of(library)
            .live()
            .public()
            .order_by("-publication_date", "-pk")
            .prefetch_related("authors")
        )

    def item_author_name(self, resource):
        return ", ".join(resource.author_names()) or None
