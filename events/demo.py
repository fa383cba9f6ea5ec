"""Events for ``load_demo``, dated from the day it runs: the expert exchanges of June (Santiago)
and November (London) just past and next, and a webinar, each with speakers, a programme and a
registration link, in English and Spanish (demo_data/events.yaml).

Speakers are fictional, as the resources' authors are; some are the directory's demo members,
whose profiles their names link to."""

import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Site

from events.models import EventIndexPage, EventPage, EventSpeaker
from members.models import MemberPage
from network.demo import (
    ensure_child_page,
    ensure_child_page_with,
    ensure_translation,
    load_demo_data,
    stream_body,
)
from network.models import Place, Topic

EVENTS_FILE = Path(__file__).parent / "demo_data" / "events.yaml"


def exchanges_around(today, exchanges):
    """The last expert exchange before ``today`` and the next one after it."""
    dates = sorted(
        datetime.date(year, exchange["month"], exchanges["day"])
        for year in (today.year - 1, today.year, today.year + 1)
        for exchange in exchanges["by_month"]
    )
    # The past one has ended.
    past = max(date for date in dates if date + datetime.timedelta(days=exchanges["days"]) <= today)
    upcoming = min(date for date in dates if date > today)
    return past, upcoming


def exchange_texts(exchanges, exchange, year, catalogue):
    """The title, slug and summary of an exchange, and the Spanish of each: the data file's
    templates filled in with the exchange's year, month and city in each language."""
    english_values = {"year": year, "month": exchange["month_name"], "city": exchange["city"]}
    spanish_values = {
        "year": year,
        "month": catalogue[exchange["month_name"]],
        "city": catalogue[exchange["city"]],
    }
    texts, spanish = {}, {}
    for field in ("title", "slug", "summary"):
        template = exchanges[field]
        english_text = template.format(**english_values)
        spanish_text = catalogue[template].format(**spanish_values)
        if field == "slug":
            english_text, spanish_text = slugify(english_text), slugify(spanish_text)
        texts[field] = english_text
        spanish[english_text] = spanish_text
    return texts, spanish


def speakers(names, people, english):
    """Speakers in the order given, each linked to their demo profile where there is one."""
    profiles = {
        page.slug: page
        for page in MemberPage.objects.filter(
            locale=english, slug__in=[people[name].get("member") for name in names]
        )
    }
    return [
        EventSpeaker(
            name=name,
            affiliation=people[name]["affiliation"],
            member=profiles.get(people[name].get("member")),
            sort_order=position,
        )
        for position, name in enumerate(names)
    ]


def programme(event, people, english):
    """The speakers, programme and topics of an event: what an older demo's events lack."""
    return {
        "body": stream_body(event["body"]),
        "speakers": speakers(event["speakers"], people, english),
        "topics": list(Topic.objects.filter(locale=english, slug__in=event["topics"])),
    }


def build(log):
    data = load_demo_data(EVENTS_FILE)
    people = data.content["speakers"]
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")
    home = Site.objects.get(is_default_site=True).root_page.specific
    today = timezone.now().date()

    events, created = ensure_child_page(
        home, EventIndexPage, show_in_menus=True, **data.content["listing"]
    )
    log(f"{'created' if created else 'exists'}: page “{events.title}”")
    translated, changed = ensure_translation(events, spanish, data.catalogue)
    log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")

    exchanges = data.content["expert_exchanges"]
    by_month = {exchange["month"]: exchange for exchange in exchanges["by_month"]}
    for date in exchanges_around(today, exchanges):
        exchange = by_month[date.month]
        texts, spanish_texts = exchange_texts(exchanges, exchange, date.year, data.catalogue)
        slug = texts["slug"]
        page, state = ensure_child_page_with(
            events,
            EventPage,
            slug,
            {
                **programme(exchange, people, english),
                "city": Place.objects.get(locale=english, slug=exchange["place"]),
                "online_url": f"https://example.org/live/{slug}",
                "registration_url": f"https://example.org/register/{slug}",
            },
            title=texts["title"],
            summary=texts["summary"],
            event_type=exchanges["event_type"],
            event_format=exchanges["event_format"],
            time_zone=exchange["time_zone"],
            start_date=date,
            start_time=datetime.time.fromisoformat(exchanges["start_time"]),
            end_date=date + datetime.timedelta(days=exchanges["days"] - 1),
            end_time=datetime.time.fromisoformat(exchanges["end_time"]),
            venue=exchange["venue"],
        )
        log(f"{state}: event “{page.title}”")
        translated, changed = ensure_translation(
            page, spanish, data.catalogue_with(spanish_texts), refresh=state == "updated"
        )
        log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")

    # An older demo's webinar keeps its day, which its registration deadline must precede.
    webinar = data.content["webinar"]
    existing = events.get_children().filter(slug=webinar["slug"]).first()
    webinar_day = (
        existing.specific.start_date
        if existing
        else today + datetime.timedelta(days=webinar["days_from_today"])
    )
    closes = datetime.timedelta(days=webinar["registration_closes_days_before"])
    page, state = ensure_child_page_with(
        events,
        EventPage,
        webinar["slug"],
        {
            **programme(webinar, people, english),
            "registration_url": f"https://example.org/register/{webinar['slug']}",
            "registration_deadline_date": webinar_day - closes,
        },
        title=webinar["title"],
        summary=webinar["summary"],
        event_type=webinar["event_type"],
        event_format=webinar["event_format"],
        time_zone=webinar["time_zone"],
        start_date=webinar_day,
        start_time=datetime.time.fromisoformat(webinar["start_time"]),
        end_date=webinar_day,
        end_time=datetime.time.fromisoformat(webinar["end_time"]),
        online_url=webinar["online_url"],
    )
    log(f"{state}: event “{page.title}”")
    translated, changed = ensure_translation(
        page, spanish, data.catalogue, refresh=state == "updated"
    )
    log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")
