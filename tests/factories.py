"""Test data: the site's pages as editors publish them, and members, built with factory_boy and
wagtail-factories. A page factory takes its parent as ``parent=`` and publishes the page with a
revision, as the admin's "Publish" does; ``live=False`` (or ``publish=False`` for a resource)
saves a draft instead. Slugs are left to Wagtail, which derives them from the title and keeps
them unique among the siblings, as in the page editor."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from calls.models import CallIndexPage, CallPage
from events.models import EventIndexPage, EventPage
from members.models import PRIVACY_NOTICE_VERSION, Consent, MemberIndexPage
from network.timezones import TimeZone
from resources.models import ResourceAuthor, ResourceIndexPage, ResourcePage

PASSWORD = "a long enough passphrase 42"


def date_of(moment):
    """The date of the parameter ``moment``, a naive datetime."""
    return factory.LazyAttribute(lambda page: getattr(page, moment).date())


def time_of(moment):
    """The time of day of the parameter ``moment``, a naive datetime."""
    return factory.LazyAttribute(lambda page: getattr(page, moment).time())


class PublishedPageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    slug = ""

    @factory.post_generation
    def revision(page, create, extracted, **kwargs):
        if create:
            revision = page.save_revision()
            if page.live:
                revision.publish()


def add_translation(page, locale, title, slug):
    """``page`` translated into ``locale`` under ``title`` and ``slug``, published, and read
    again: publishing under a new slug changes its path."""
    translation = page.copy_for_translation(locale)
    translation.title, translation.slug = title, slug
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


class ResourceIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resource library"
    slug = "resources"


class EventIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"


class CallIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = CallIndexPage

    title = "Calls"
    slug = "calls"


class MemberIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = MemberIndexPage

    title = "Members"
    slug = "members"


class ResourcePageFactory(PublishedPageFactory):
    """A resource published in June of ``year``; ``authors`` are (name, affiliation) pairs."""

    class Meta:
        model = ResourcePage

    class Params:
        year = 2020
        language = "en"
        publish = True

    title = "Report"
    resource_type = "report"
    publication_date = factory.LazyAttribute(lambda page: datetime.date(page.year, 6, 1))
    original_language = factory.SelfAttribute("language")
    summary = "A summary."
    live = factory.SelfAttribute("publish")

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # Each author a person as (given names, family names, affiliation), or a dict of
        # ResourceAuthor's fields (an organisation, an ORCID iD).
        kwargs["authors"] = [
            ResourceAuthor(
                **(
                    author
                    if isinstance(author, dict)
                    else dict(
                        zip(("given_names", "family_names", "affiliation"), author, strict=True)
                    )
                ),
                sort_order=position,
            )
            for position, author in enumerate(kwargs.get("authors", ()))
        ]
        return kwargs


class EventPageFactory(PublishedPageFactory):
    """An event from ``start`` to ``end``, naive times in its time zone ``zone``."""

    class Meta:
        model = EventPage

    class Params:
        start = datetime.datetime(2031, 6, 2, 10)
        end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
        zone = TimeZone.SANTIAGO

    title = "Expert exchange"
    summary = factory.LazyAttribute(lambda event: f"About {event.title}.")
    event_type = "expert-exchange"
    event_format = "hybrid"
    time_zone = factory.SelfAttribute("zone")
    start_date, start_time = date_of("start"), time_of("start")
    end_date, end_time = date_of("end"), time_of("end")


class CallPageFactory(PublishedPageFactory):
    """A call open from ``opens`` to ``deadline``, naive times in its time zone ``zone``."""

    class Meta:
        model = CallPage

    class Params:
        opens = datetime.datetime(2031, 3, 3, 9)
        deadline = factory.LazyAttribute(lambda call: call.opens + datetime.timedelta(days=30))
        zone = TimeZone.SANTIAGO

    title = "Secondments"
    summary = factory.LazyAttribute(lambda call: f"About {call.title}.")
    eligibility = "Researchers in Chile and the UK."
    offer_type = "funding"
    apply_url = "https://example.org/apply"
    time_zone = factory.SelfAttribute("zone")
    opening_date, opening_time = date_of("opens"), time_of("opens")
    deadline_date, deadline_time = date_of("deadline"), time_of("deadline")


class MemberFactory(factory.django.DjangoModelFactory):
    """A member who has signed up with ``email`` and PASSWORD; their address is verified unless
    ``verified=False``; ``consented=True`` records their consent to the privacy notice, as the
    sign-up form does."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    email = "ana@example.org"
    username = factory.LazyAttribute(lambda user: user.email.split("@")[0])
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=user, email=user.email, verified=extracted is not False, primary=True
            )

    @factory.post_generation
    def consented(user, create, extracted, **kwargs):
        if create and extracted:
            Consent.objects.create(user=user, notice_version=PRIVACY_NOTICE_VERSION)


# The tests' own words for the factories: a listing, a title, and when.


def add_resource(parent, title, **fields):
    return ResourcePageFactory(parent=parent, title=title, **fields)


def add_event(listing, title, start, end, **fields):
    return EventPageFactory(parent=listing, title=title, start=start, end=end, **fields)


def add_call(listing, title, opens, deadline, **fields):
    return CallPageFactory(parent=listing, title=title, opens=opens, deadline=deadline, **fields)


def days_from_now(days, hour=10):
    """A naive time ``days`` from today, at ``hour``."""
    moment = timezone.now() + datetime.timedelta(days=days)
    return datetime.datetime.combine(moment.date(), datetime.time(hour))


def local_days_from_now(days, hour=12):
    """A naive time in Santiago, the zone of the calls, ``days`` from today there, at ``hour``."""
    today = timezone.now().astimezone(ZoneInfo(TimeZone.SANTIAGO)).date()
    return datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour))
