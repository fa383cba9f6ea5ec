from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from network.i18n import absolute_page_url, hreflang_links, page_alternates


class BasePage(Page):
    """What every page type of the site has: a sharing image and sitemap entries that name the
    page's translations."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared; 1200×630 pixels works best."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    override_translatable_fields = [SynchronizedField("social_image")]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        entry = {
            "location": absolute_page_url(self, request),
            "lastmod": self.last_published_at or self.latest_revision_created_at,
        }
        links = hreflang_links(page_alternates(self, request))
        if links:
            entry["alternates"] = [{"lang_code": code, "location": url} for code, url in links]
        return [entry]
