"""Calls for collaboration for ``load_demo``, dated from the day it runs so that the listing shows
a call of every status: open, closing soon, upcoming and closed, in English and Spanish
(demo_data/calls.yaml)."""

import datetime
from pathlib import Path

from django.utils import timezone
from wagtail.models import Locale, Site

from calls.models import CallIndexPage, CallPage
from network.demo import (
    ensure_child_page,
    ensure_child_page_with,
    ensure_translation,
    load_demo_data,
)
from network.models import Topic

CALLS_FILE = Path(__file__).parent / "demo_data" / "calls.yaml"


def build(log):
    data = load_demo_data(CALLS_FILE)
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")
    home = Site.objects.get(is_default_site=True).root_page.specific
    today = timezone.now().date()

    calls, created = ensure_child_page(
        home, CallIndexPage, show_in_menus=True, **data.content["listing"]
    )
    log(f"{'created' if created else 'exists'}: page “{calls.title}”")
    translated, changed = ensure_translation(calls, spanish, data.catalogue)
    log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")
    for call_data in data.content["calls"]:
        call, state = ensure_child_page_with(
            calls,
            CallPage,
            call_data["slug"],
            {
                "offer_details": call_data["offer_details"],
                "topics": list(Topic.objects.filter(locale=english, slug__in=call_data["topics"])),
            },
            title=call_data["title"],
            summary=call_data["summary"],
            eligibility=call_data["eligibility"],
            offer_type=call_data["offer_type"],
            apply_url=f"https://example.org/apply/{call_data['slug']}",
            partners=data.content["partners"],
            time_zone=data.content["time_zone"],
            opening_date=today + datetime.timedelta(days=call_data["opens"]),
            opening_time=datetime.time.fromisoformat(data.content["opening_time"]),
            deadline_date=today + datetime.timedelta(days=call_data["deadline"]),
            deadline_time=datetime.time.fromisoformat(data.content["deadline_time"]),
        )
        log(f"{state}: call “{call.title}”")
        translated, changed = ensure_translation(
            call, spanish, data.catalogue, refresh=state == "updated"
        )
        log(f"{'translated' if changed else 'exists'}: es “{translated.title}”")
