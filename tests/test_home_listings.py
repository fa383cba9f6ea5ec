"""The home page lists the next events and the open calls of its language; editors add the
directory, event and call listings under it."""

import datetime

import pytest

from tests.factories import (
    CallIndexPageFactory,
    EventIndexPageFactory,
    add_call,
    add_event,
    days_from_now,
    local_days_from_now,
)

pytestmark = pytest.mark.django_db


def test_home_page_lists_next_events_and_open_calls(client, site_tree):
    events = EventIndexPageFactory(parent=site_tree.home_en)
    calls = CallIndexPageFactory(parent=site_tree.home_en)
    add_event(events, "Expert exchange", days_from_now(20), days_from_now(21))
    add_event(
        events, "Old workshop", datetime.datetime(2024, 6, 3, 9), datetime.datetime(2024, 6, 3, 17)
    )
    add_call(calls, "Secondments", local_days_from_now(-2), local_days_from_now(30))
    add_call(calls, "Closed call", local_days_from_now(-30), local_days_from_now(-1))
    add_call(calls, "Future call", local_days_from_now(5), local_days_from_now(40))

    html = client.get("/en/").content.decode()
    assert "Expert exchange" in html and "Old workshop" not in html
    assert "Secondments" in html
    assert "Closed call" not in html and "Future call" not in html
    spanish = client.get("/es/").content.decode()
    assert "Expert exchange" not in spanish and "Secondments" not in spanish


@pytest.mark.parametrize(
    "model", ["members/memberindexpage", "events/eventindexpage", "calls/callindexpage"]
)
def test_editors_add_listings_under_the_home_page(admin_client, site_tree, model):
    response = admin_client.get(f"/admin/pages/add/{model}/{site_tree.home_en.pk}/")
    assert response.status_code == 200


def test_demo_events_and_calls_in_both_languages(client, loaded_demo):
    events = client.get("/en/events/").content.decode()
    assert "Webinar: measuring the impact of Barrios Comerciales" in events
    assert events.count("Expert exchange 20") == 1  # the next one; the last one is archived
    eventos = client.get("/es/eventos/").content.decode()
    assert "Seminario web: cómo medir el impacto de los Barrios Comerciales" in eventos
    calls = client.get("/en/calls/").content.decode()
    assert ">Open</span>" in calls and ">Closed</span>" in calls
    home = client.get("/es/").content.decode()
    assert "Pasantías en gobiernos locales del Reino Unido" in home
