import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from calls import deadlines
from calls.choices import CallStatus, OfferType
from calls.filters import CallFilterSet
from calls.status import call_status
from network.blocks import BodyBlock, stream_text
from network.forms import TaxonomyPageForm
from network.listing import FilterableListMixin
from network.models import BasePage, DocumentLink, Topic
from network.restrictions import public
from network.taxonomy import link_terms, term_labels, term_links
from network.timezones import TIME_LABELS, LocalMomentsMixin, TimeZone, in_zone


class CallIndexPage(FilterableListMixin, RoutablePageMixin, BasePage):
    """Open calls first (nearest deadline first), then upcoming ones, then the closed ones,
    which are kept as an archive."""

    filterset_class = CallFilterSet
    facets = {"topic": ("topic",)}
    facet_fields = {"topic": "topics__slug"}

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["calls.CallPage"]

    class Meta:
        verbose_name = _("call listing")
        verbose_name_plural = _("call listings")

    def get_listing_queryset(self, request):
        now = timezone.now()
        return public(CallPage.objects.child_of(self).live()).annotate(
            rank=Case(
                When(opens_at__lte=now, deadline_at__gt=now, then=Value(0)),
                When(opens_at__gt=now, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            # Open and upcoming calls by nearest deadline; closed ones by -deadline_at.
            coming_deadline=Case(
                When(deadline_at__gt=now, then=F("deadline_at")), default=Value(None)
            ),
        )

    def prepare_results(self, results, request):
        link_terms(results, Topic, "topics", "topic_links")
        now = timezone.now()
        for call in results:
            call.current_status = call.status(now)
        return results

    @path("feed/", name="feed")
    def feed(self, request):
        """The calls the listing shows with the same filters, newest first."""
        latest = self.filterset(request).qs.order_by("-opens_at", "-pk")
        return deadlines.LatestCallsFeed(self, latest)(request)


class CallPage(LocalMomentsMixin, RoutablePageMixin, BasePage):
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZone.choices,
        help_text=_("The opening and the deadline below are in this time zone."),
    )
    opening_date = models.DateField(_("opening date"))
    opening_time = models.TimeField(_("opening time"), default=datetime.time(9))
    deadline_date = models.DateField(_("deadline"))
    deadline_time = models.TimeField(_("deadline time"), default=datetime.time(17))
    # The same moments in UTC, kept in step on save, for ordering and status; empty only in a
    # draft not filled in yet (published calls are validated).
    opens_at = models.DateTimeField(editable=False, db_index=True, null=True)
    deadline_at = models.DateTimeField(editable=False, db_index=True, null=True)
    summary = models.TextField(_("summary"), max_length=1000)
    eligibility = models.TextField(_("who can apply"), max_length=2000)
    offer_type = models.CharField(_("what is offered"), max_length=20, choices=OfferType.choices)
    offer_details = models.TextField(_("about the offer"), max_length=2000, blank=True)
    apply_url = models.URLField(_("where to apply"), blank=True)
    apply_contact = models.CharField(
        _("how to apply, if not online"),
        max_length=300,
        blank=True,
        help_text=_("For example: send a letter of interest to the programme team."),
    )
    partners = models.CharField(_("partners"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField("network.Topic", verbose_name=_("topics"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("opening_date"), FieldPanel("opening_time")]),
                FieldRowPanel([FieldPanel("deadline_date"), FieldPanel("deadline_time")]),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("summary"),
        FieldPanel("eligibility"),
        FieldRowPanel([FieldPanel("offer_type")]),
        FieldPanel("offer_details"),
        MultiFieldPanel(
            [FieldPanel("apply_url"), FieldPanel("apply_contact")], heading=_("How to apply")
        ),
        FieldPanel("partners"),
        FieldPanel("body"),
        FieldPanel("topics"),
        InlinePanel("documents", label=_("Documents")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("time_zone"),
        SynchronizedField("opening_date"),
        SynchronizedField("opening_time"),
        SynchronizedField("deadline_date"),
        SynchronizedField("deadline_time"),
        SynchronizedField("offer_type"),
        SynchronizedField("apply_url"),
        SynchronizedField("topics"),
        SynchronizedField("documents"),
    ]
    base_form_class = TaxonomyPageForm

    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []

    local_moments = {
        "opens_at": ("opening_date", "opening_time"),
        "deadline_at": ("deadline_date", "deadline_time"),
    }

    kind = "call"
    kind_label = _("Collaboration call")
    kind_label_plural = _("Collaboration calls")
    search_result_date_label = _("Deadline")

    class Meta:
        verbose_name = _("collaboration call")
        verbose_name_plural = _("collaboration calls")

    def clean(self):
        super().clean()
        errors = self.clean_local_moments()
        if errors is None:
            return
        if not errors and self.deadline_at <= self.opens_at:
            errors["deadline_date"] = _("The deadline must be after the opening.")
        if not self.apply_url and not self.apply_contact:
            errors["apply_url"] = _("Say where to apply: a link, or how to apply otherwise.")
        if errors:
            raise ValidationError(errors)

    def status(self, now=None):
        return CallStatus(call_status(self.opens_at, self.deadline_at, now or timezone.now()))

    def time_label(self):
        """ "London time" or "Santiago time", written after the call's dates."""
        return TIME_LABELS.get(self.time_zone, "")

    def time_left(self, now=None):
        """Until the deadline, for an open call; None otherwise."""
        now = now or timezone.now()
        if self.status(now) in (CallStatus.OPEN, CallStatus.CLOSING_SOON):
            return self.deadline_at - now
        return None

    def search_result_date(self):
        return self.deadline_date

    def search_snippet_text(self):
        return " ".join([self.summary, self.eligibility, stream_text(self.body)])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic_links"] = term_links(self.topics.all(), term_labels(Topic))
        if self.opens_at is None or self.deadline_at is None:
            return context  # a draft not filled in yet, in preview
        now = timezone.now()
        context.update(
            status=self.status(now),
            time_left=self.time_left(now),
            opens_local=in_zone(self.opens_at, self.time_zone),
            deadline_local=in_zone(self.deadline_at, self.time_zone),
        )
        return context

    @path("deadline/", name="deadline_ics")
    def deadline_ics(self, request):
        if not self.live:
            raise Http404
        return deadlines.deadline_ics(self, request)


class CallDocument(DocumentLink):
    page = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="documents")
