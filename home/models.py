from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from calls.models import CallPage
from calls.status import open_calls
from events.models import EventPage
from home.blocks import FeaturedBlock
from network.blocks import RICH_TEXT_FEATURES, BodyBlock, stream_text
from network.i18n import shown_in_language
from network.models import BasePage, Topic
from network.restrictions import public
from network.taxonomy import term_labels
from resources.models import ResourceIndexPage, ResourcePage, prepare_cards


class HomePage(BasePage):
    """The root of each language's page tree."""

    hero_heading = models.CharField(_("hero heading"), max_length=150)
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_link_label = models.CharField(_("hero link label"), max_length=60, blank=True)
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A photograph beside the heading: a city, an exchange, people at work. Without one, "
            "the network's pattern is shown."
        ),
    )
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    featured = StreamField(
        FeaturedBlock(),
        verbose_name=_("featured content"),
        blank=True,
        help_text=_("Pages highlighted below the introduction, in this order."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("hero_link_label"),
        FieldPanel("hero_link_page"),
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        FieldPanel("featured"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("hero_link_page"),
        SynchronizedField("hero_image"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "resources.ResourceIndexPage",
        "members.MemberIndexPage",
        "events.EventIndexPage",
        "calls.CallIndexPage",
    ]
    #: How many upcoming events, open calls and latest resources the home page lists.
    HOME_LISTING_SIZE = 3
    #: How many topics "Browse by topic" offers: those with the most resources.
    HOME_TOPICS = 6

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def search_snippet_text(self):
        return " ".join([self.hero_text, strip_tags(self.introduction), self.search_description])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        pages = {"locale_id": self.locale_id, "live": True}
        # With their locale, which the cards read to badge an item in another language.
        events = list(
            public(EventPage.objects.filter(ends_at__gte=now, **pages))
            .select_related("locale")
            .order_by("starts_at")[: self.HOME_LISTING_SIZE]
        )
        calls = list(
            public(CallPage.objects.filter(open_calls(now), **pages))
            .select_related("locale")
            .order_by("deadline_at")[: self.HOME_LISTING_SIZE]
        )
        for call in calls:
            call.current_status = call.status(now)
        context["next_events"] = events
        context["open_calls"] = calls
        events_listing, calls_listing, library = self.listings(
            events[0] if events else None, calls[0] if calls else None
        )
        context["events_listing"], context["calls_listing"] = events_listing, calls_listing
        context["hero_link"] = self.hero_link()
        if library is not None:
            context.update(self.library_context(library))
        return context

    def listings(self, event, call):
        """The listings the first upcoming event and open call are in (None for None), and the
        library of this page's language (None if there is none), in one query."""
        parent_paths = [page.path[: -Page.steplen] for page in (event, call) if page is not None]
        library = (
            public(ResourceIndexPage.objects.live())
            .filter(locale_id=self.locale_id)
            .order_by("path")
            .values("pk")[:1]
        )
        found = list(Page.objects.filter(Q(path__in=parent_paths) | Q(pk__in=library)))
        by_path = {page.path: page for page in found if page.path in parent_paths}
        events_listing, calls_listing = (
            by_path.get(page.path[: -Page.steplen]) if page is not None else None
            for page in (event, call)
        )
        libraries = [page for page in found if page.path not in by_path]
        return events_listing, calls_listing, libraries[0] if libraries else None

    def library_context(self, library):
        """The newest resources, as the library lists them, and the topics with most resources."""
        resources = public(ResourcePage.objects.child_of(library).live())
        latest = list(
            resources.select_related("locale", "cover_image").order_by("-publication_date", "-pk")[
                : self.HOME_LISTING_SIZE
            ]
        )
        prepare_cards(latest)
        counts = (
            resources.filter(topics__isnull=False)
            .values("topics__slug")
            .annotate(resources=Count("pk"))
            .order_by("-resources", "topics__slug")[: self.HOME_TOPICS]
        )
        labels = term_labels(Topic)
        topics = [
            {
                "slug": row["topics__slug"],
                "name": labels[row["topics__slug"]],
                "count": row["resources"],
            }
            for row in counts
            if row["topics__slug"] in labels
        ]
        return {"library": library, "latest_resources": latest, "featured_topics": topics}

    def hero_link(self):
        """``hero_link_page.localized`` as this page's visitors see it (its live translation in
        this page's language, else the page chosen), in one query rather than three."""
        if not self.hero_link_page_id:
            return None
        chosen = Page.objects.filter(pk=self.hero_link_page_id)
        found = {
            page.pk: page
            for page in Page.objects.filter(
                Q(pk=self.hero_link_page_id)
                | Q(
                    translation_key__in=chosen.values("translation_key"),
                    locale_id=self.locale_id,
                    live=True,
                )
            )
        }
        chosen_page = found.pop(self.hero_link_page_id, None)
        return next(iter(found.values()), chosen_page)

    def featured_items(self):
        """``(page, description)`` for each featured page, in this page's language where a live
        translation exists, resolved in one query rather than one per block."""
        # The blocks' stored ids, documented as StreamField's raw data: the pages themselves
        # are read with their translations.
        blocks = [block["value"] for block in self.featured.raw_data if block["value"].get("page")]
        shown = shown_in_language(
            [value["page"] for value in blocks], self.locale_id, Page.objects.all()
        )
        return [
            (page, value.get("description") or page.search_description)
            for value in blocks
            if (page := shown.get(value["page"])) is not None
        ]


class StandardPage(BasePage):
    """A page of free content: "About the programme", "Partners" and the like."""

    introduction = models.TextField(_("introduction"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def search_snippet_text(self):
        return " ".join([self.introduction, stream_text(self.body), self.search_description])
