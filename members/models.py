from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from members import metadata
from members.choices import Sector, SpokenLanguage
from members.contact import contact_member
from members.filters import MemberFilterSet
from members.validators import orcid_url, validate_orcid
from network.i18n import language_names_list
from network.listing import FilterableListMixin
from network.models import BasePage, Place, Topic
from network.restrictions import public
from network.taxonomy import link_terms, term_labels, term_links

BIO_MAX_LENGTH = 800

#: Changes whenever templates/members/privacy_notice.html changes in substance, so that each
#: consent records which notice the member accepted.
PRIVACY_NOTICE_VERSION = "2026-11"


class Consent(models.Model):
    """A member's acceptance of the privacy notice, kept with their account and in their data
    export, and deleted with the account."""

    # Not one-to-one: the profile's alias in the other language carries the same user.
    # members.profiles keeps one original profile per member (see submit_profile).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at"]

    def __str__(self):
        return f"{self.user} · {self.notice_version}"


class MemberIndexPage(FilterableListMixin, BasePage):
    """The directory of members: approved, visible profiles of one language (a member's own
    profile, or its alias in the other language: see members/profiles.py)."""

    filterset_class = MemberFilterSet
    facets = {"sector": ("sector",), "country": ("country",), "expertise": ("expertise",)}
    facet_fields = {"sector": "sector", "country": "country__slug", "expertise": "expertise__slug"}
    results_per_page = 24

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.MemberPage"]

    class Meta:
        verbose_name = _("member directory")
        verbose_name_plural = _("member directories")

    def get_listing_queryset(self, request):
        return public(MemberPage.objects.child_of(self).live()).select_related("city", "country")

    def prepare_results(self, results, request):
        """Places and topics in the visitor's language, and photos, in a fixed number of
        queries whatever the number of results."""
        prefetch_related_objects(results, "photo__renditions")
        link_terms(results, Topic, "expertise", "expertise_links")
        place_labels = term_labels(Place)
        for member in results:
            member.place_label = member.place_label_in(place_labels)
        return results


class MemberPage(RoutablePageMixin, BasePage):
    """A member's public profile. Members write it on the public site (members/views.py); it is
    published only through the "Member profile approval" workflow. The page title is the
    member's name."""

    # Not one-to-one: the profile's alias in the other language carries the same user.
    # members.profiles keeps one original profile per member (see submit_profile).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_pages",
        editable=False,
    )
    role = models.CharField(_("role or position"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    country = models.ForeignKey(
        "network.Place",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "country"},
    )
    city = models.ForeignKey(
        "network.Place",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "city"},
    )
    expertise = ParentalManyToManyField("network.Topic", verbose_name=_("expertise"), blank=True)
    bio = models.TextField(_("short biography"), max_length=BIO_MAX_LENGTH, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid])
    website = models.URLField(_("website"), blank=True, max_length=300)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    open_to_collaboration = models.BooleanField(_("open to collaboration"), default=False)
    show_website = models.BooleanField(_("show my website"), default=True)
    show_orcid = models.BooleanField(_("show my ORCID iD"), default=True)
    allow_contact = models.BooleanField(
        _("let visitors write to me through the site"),
        default=False,
        help_text=_("Messages are relayed by e-mail; your address is never shown."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("organisation"), FieldPanel("sector")],
            heading=_("Work"),
        ),
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("city"), FieldPanel("expertise")],
            heading=_("Where and what"),
        ),
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("orcid"),
                FieldPanel("website"),
                FieldPanel("open_to_collaboration"),
                FieldPanel("show_website"),
                FieldPanel("show_orcid"),
                FieldPanel("allow_contact"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("organisation"),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.FilterField("sector"),
    ]
    # Profiles reach the other language as aliases (members/profiles.py); should an editor
    # translate one instead, its facts and the member's choices stay those of the original.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("user"),
        SynchronizedField("sector"),
        SynchronizedField("country"),
        SynchronizedField("city"),
        SynchronizedField("expertise"),
        SynchronizedField("photo"),
        SynchronizedField("orcid"),
        SynchronizedField("website"),
        SynchronizedField("languages"),
        SynchronizedField("open_to_collaboration"),
        SynchronizedField("show_website"),
        SynchronizedField("show_orcid"),
        SynchronizedField("allow_contact"),
    ]

    parent_page_types = ["members.MemberIndexPage"]
    subpage_types = []

    kind = "member"
    kind_label = _("Member")
    kind_label_plural = _("Members")

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def clean(self):
        super().clean()
        unknown = set(self.languages or []) - set(SpokenLanguage.values)
        if unknown:
            raise ValidationError({"languages": _("Choose languages from the list.")})

    @property
    def shown_orcid_url(self):
        """The ORCID iD's address if the member shows it on their profile, else ''."""
        return orcid_url(self.orcid) if self.show_orcid else ""

    def accepts_messages(self):
        return bool(self.allow_contact and self.user_id and self.user.email)

    @path("contact/", name="contact")
    def contact(self, request):
        """A form that relays a visitor's message to the member by e-mail."""
        if not self.accepts_messages():
            raise Http404
        return contact_member(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        languages = dict(SpokenLanguage.choices)
        place_label = self.place_label_in(term_labels(Place))
        expertise_links = term_links(self.expertise.all(), term_labels(Topic))
        context.update(
            place_label=place_label,
            expertise_links=expertise_links,
            structured_data=metadata.schema_org(self, request, place_label, expertise_links),
            languages_spoken=language_names_list(
                [languages[code] for code in self.languages if code in languages]
            ),
        )
        return context

    def place_label_in(self, labels):
        """ "City, Country" in the language of ``labels`` (``term_labels(Place)``)."""
        return ", ".join(
            labels.get(place.slug, place.name) for place in (self.city, self.country) if place
        )

    def search_snippet_text(self):
        return " ".join(filter(None, [self.role, self.organisation, self.bio]))


class PersonLink(models.Model):
    """A person named on a page (an author, a speaker), with their affiliation, who may be a
    member: their profile is linked. A deleted profile leaves the name, as text."""

    name = models.CharField(_("name"), max_length=200)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    member = models.ForeignKey(
        "members.MemberPage",
        verbose_name=_("member profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("If the person is a member of the network, their profile is linked."),
    )

    panels = [FieldPanel("name"), FieldPanel("affiliation"), FieldPanel("member")]
    # The same profile in every language: pages link to its copy in the visitor's language.
    override_translatable_fields = [SynchronizedField("member")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def member_profile(self):
        """The person's live profile in the active language, or None."""
        if self.member is None:
            return None
        profile = self.member.localized
        return profile if profile.live else None
