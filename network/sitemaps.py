from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page
from wagtail.query import PageQuerySet


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page tree only, i.e. one language. This one lists
    the live pages under every translation of the root page."""

    def items(self) -> PageQuerySet:
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
