from django.utils.translation import gettext as _

from network.feeds import LatestPagesFeed


class LatestResourcesFeed(LatestPagesFeed):
    """The newest resources of one library, i.e. of one language."""

    def title(self, library):
        return _("%(library)s: latest resources") % {"library": library.title}

    def item_author_name(self, resource):
        return ", ".join(resource.author_names()) or None
