from django.utils.translation import gettext as _

from network.feeds import LatestPagesFeed


class LatestEventsFeed(LatestPagesFeed):
    """The events of one listing, i.e. of one language, the newest announced first."""

    def title(self, listing):
        return _("%(listing)s: events") % {"listing": listing.title}
