import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events import calendars, metadata
from events.choices import EventFormat, EventType
from events.feeds import LatestEventsFeed
from events.filters import EventFilterSet
from members.models import PersonLink
from network.blocks import BodyBlock, stream_text
from network.calendars import ics_response
from network.forms import TaxonomyPageForm
from network.listing import FilterableListMixin, UntranslatedItemsMixin
from network.models import BasePage, Place, Topic
from network.restrictions import public
from network.taxonomy import link_terms, term_labels, term_links
from network.timezones import (
    OTHER_COUNTRY,
    TIME_LABELS,
    LocalMomentsMixin,
    TimeZone,
    aware,
    aware_times,
    in_zone,
)

END_OF_DAY = datetime.time(23, 59)


class EventIndexPage(FilterableListMixin, UntranslatedItemsMixin, RoutablePageMixin, BasePage):
    """Upcoming events of one language (and those not translated into it yet), soonest first;
    past ones in an archive by year."""

    filterset_class = EventFilterSet
    facets = {"type": ("type",), "format": ("format",), "topic": ("topic",)}
    facet_fields = {"type": "event_type", "format": "event_format", "topic": "topics__slug"}

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("show_untranslated"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("show_untranslated"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event listing")
        verbose_name_plural = _("event listings")

    def get_listing_queryset(self, request):
        return self.with_untranslated(self.own_events())

    def own_events(self):
        return public(EventPage.objects.child_of(self).live())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["archive_years"] = list(
            self.get_listing_queryset(request)
            .filter(ends_at__lt=now)
            .annotate(year=ExtractYear("starts_at"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        context["archive_year"] = context["filter_form"].cleaned_data.get("year")
        return context

    def prepare_results(self, results, request):
        link_terms(results, Topic, "topics", "topic_links")
        return results

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """This listing's events in its own language, for calendar applications to subscribe
        to (a calendar entry has no badge to say it is in another language): every live one,
        or, with the listing's filters, those the listing shows with them."""
        events = (
            self.filterset(request).qs.filter(locale_id=self.locale_id)
            if request.GET
            else self.own_events()
        )
        return ics_response(
            calendars.calendar(events.order_by("starts_at"), request, name=self.title),
            "calendar.ics",
        )

    @path("feed/", name="feed")
    def feed(self, request):
        """The events the listing shows with the same filters, the newest announced first."""
        latest = self.filterset(request).qs.order_by("-first_published_at", "-pk")
        return LatestEventsFeed(self, latest)(request)


class EventPage(LocalMomentsMixin, RoutablePageMixin, BasePage):
    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    event_format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZone.choices,
        help_text=_("The dates and times below are in this time zone."),
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"))
    end_date = models.DateField(_("end date"))
    end_time = models.TimeField(_("end time"))
    # The same moments in UTC, kept in step on save, for ordering and calendars; empty only in a
    # draft not filled in yet (published events are validated).
    starts_at = models.DateTimeField(editable=False, db_index=True, null=True)
    ends_at = models.DateTimeField(editable=False, db_index=True, null=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.ForeignKey(
        "network.Place",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline_date = models.DateField(_("registration deadline"), null=True, blank=True)
    registration_deadline_time = models.TimeField(
        _("registration deadline time"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the end of the day."),
    )
    summary = models.TextField(_("summary"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField("network.Topic", verbose_name=_("topics"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("event_format")]),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("city"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_deadline_date"),
                        FieldPanel("registration_deadline_time"),
                    ]
                ),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics"),
        InlinePanel("speakers", label=_("Speakers")),
        InlinePanel("related_resources", label=_("Related resources")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("event_type"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("event_type"),
        SynchronizedField("event_format"),
        SynchronizedField("time_zone"),
        SynchronizedField("start_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_date"),
        SynchronizedField("end_time"),
        SynchronizedField("registration_deadline_date"),
        SynchronizedField("registration_deadline_time"),
        SynchronizedField("city"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("topics"),
        SynchronizedField("speakers"),
        SynchronizedField("related_resources"),
    ]
    base_form_class = TaxonomyPageForm

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    local_moments = {
        "starts_at": ("start_date", "start_time"),
        "ends_at": ("end_date", "end_time"),
    }

    kind = "event"
    kind_label = _("Event")
    kind_label_plural = _("Events")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = self.clean_local_moments()
        if errors is None:
            return
        deadline = None
        if self.registration_deadline_date is not None:
            local = (self.registration_deadline_date, self.registration_deadline_time or END_OF_DAY)
            deadlines, deadline_errors = aware_times(
                self.time_zone, {"registration_deadline_time": local}
            )
            errors.update(deadline_errors)
            deadline = deadlines.get("registration_deadline_time")
        if not errors and self.ends_at <= self.starts_at:
            errors["end_date"] = _("The event must end after it starts.")
        if not errors and deadline is not None and deadline > self.ends_at:
            errors["registration_deadline_date"] = _(
                "The registration deadline must not be after the event ends."
            )
        if errors:
            raise ValidationError(errors)

    def registration_deadline(self):
        if self.registration_deadline_date is None:
            return None
        return aware(
            self.registration_deadline_date,
            self.registration_deadline_time or END_OF_DAY,
            self.time_zone,
        )

    def registration_open(self, now=None):
        """Whether visitors can still register: the event is not over, nor its deadline past."""
        now = now or timezone.now()
        deadline = self.registration_deadline()
        return (
            bool(self.registration_url)
            and self.ends_at is not None
            and now < self.ends_at
            and (deadline is None or now < deadline)
        )

    def local_times(self):
        """The event's times in its own zone and, where they differ, in the other country's."""
        if self.starts_at is None or self.ends_at is None:
            return []  # a draft not filled in yet, in preview
        zones = [self.time_zone, OTHER_COUNTRY.get(self.time_zone)]
        return [
            {
                "zone": TimeZone(zone).label,
                "time_label": TIME_LABELS[zone],
                "zone_name": zone,
                "starts": in_zone(self.starts_at, zone),
                "ends": in_zone(self.ends_at, zone),
            }
            for zone in zones
            if zone
        ]

    def search_result_date(self):
        return self.start_date  # in the event's own time zone, as its page shows it

    def search_snippet_text(self):
        return " ".join([self.summary, stream_text(self.body)])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read once for the page's list of speakers and its structured data.
        prefetch_related_objects([self], "speakers")
        place_label = term_labels(Place).get(self.city.slug, self.city.name) if self.city else ""
        context.update(
            times=self.local_times(),
            topic_links=term_links(self.topics.all(), term_labels(Topic)),
            place_label=place_label,
            structured_data=metadata.schema_org(self, request, place_label),
            calendar_links=calendars.links(self, request) if self.starts_at else [],
            registration_open=self.registration_open(),
        )
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        if not self.live:
            raise Http404
        return ics_response(
            calendars.calendar([self], request, name=self.title), f"{self.slug}.ics"
        )


class EventSpeaker(PersonLink, Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


class EventRelatedResource(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "resources.ResourcePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
