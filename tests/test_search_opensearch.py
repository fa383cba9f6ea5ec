"""The OpenSearch and Elasticsearch backends with no engine there (a closed port): the circuit
breaker, ``/healthz/``, and ``update_index``. No server is needed, or imitated: the engine is
simply unreachable, as when it is down. The live tests are in test_search_opensearch_live.py and
test_search_opensearch_outage.py."""

import logging
import socket
import sys
import threading
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from network.search import service
from network.search.backends import opensearch_client
from tests.services import engine_backends

pytestmark = pytest.mark.django_db

CLOSED_PORT = 9  # discard: nothing listens there
UNREACHABLE = f"http://127.0.0.1:{CLOSED_PORT}"
ENGINES = ["network.search.backends.opensearch", "network.search.backends.elasticsearch"]


def test_the_site_events_app_keeps_its_name_after_the_client_is_imported():
    """opensearch-py imports PyPI's ``events`` (network/search/backends/opensearch_client.py): the
    name must still be the site's app afterwards, and the client must have the package's class."""
    opensearch_client.import_opensearchpy()
    from opensearchpy.metrics import metrics_events

    site_events = apps.get_app_config("events").module
    assert sys.modules["events"] is site_events
    assert Path(site_events.__file__).parent == Path(settings.BASE_DIR) / "events"
    assert metrics_events.Events.__module__ == "events_package"
    assert metrics_events.Events.__name__ == "Events"


def warnings_of(caplog, logger_name="network.search.service"):
    return [r for r in caplog.records if r.name == logger_name and r.levelno >= logging.WARNING]


@pytest.fixture
def engine_down(settings, request):
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(
        UNREACHABLE, "closed_", backend=request.param, timeout=2
    )


class DroppingListener:
    """A port that accepts connections and closes them at once, counting them: an engine that
    is down behind a proxy. It answers nothing, so it imitates no engine; it only shows how
    often the site knocks."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.connections = 0
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                connection, _address = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self):
        self.socket.close()


@pytest.fixture
def dropping_engine(settings, request):
    listener = DroppingListener()
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(
        listener.url, "dropped_", backend=request.param, timeout=2
    )
    yield listener
    listener.close()


class Clock:
    """The breaker's ``time.monotonic``, moved on by the test: a slow machine's five requests
    may take longer than the retry interval, which must not count as waiting for it."""

    def __init__(self):
        self.now = time.monotonic()

    def monotonic(self):
        return self.now


@pytest.mark.parametrize("dropping_engine", ENGINES, indirect=True)
def test_an_outage_is_logged_once_and_the_engine_left_alone(
    client, site_tree, dropping_engine, settings, caplog, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(service, "time", clock)
    settings.SEARCH_ENGINE_RETRY_SECONDS = 0.5
    for _ in range(5):
        response = client.get("/en/search/", {"q": "leadership"})
        assert response.status_code == 200
        assert b"search-results" in response.content  # answered, from the database
    assert dropping_engine.connections == 1
    assert len(warnings_of(caplog)) == 1
    assert "trying 'default' again every 0.5 s" in warnings_of(caplog)[0].getMessage()

    clock.now += 0.6  # tried again, fails again: the same outage, so no second warning
    assert client.get("/en/search/", {"q": "leadership"}).status_code == 200
    assert dropping_engine.connections == 2
    assert len(warnings_of(caplog)) == 1
    assert service.breaker.is_open("default")


@pytest.mark.parametrize("engine_down", ENGINES, indirect=True)
def test_health_says_searches_come_from_the_database(client, engine_down):
    body = client.get("/healthz/").json()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["state"] == "degraded"
    assert "unreachable" in body["checks"]["search"]["backend"]


@pytest.mark.parametrize("engine_down", ENGINES, indirect=True)
def test_update_index_with_the_engine_down_names_it_and_rebuilds_the_database_index(
    site_tree, engine_down, settings
):
    """A page the database index missed (published while it did not update) is in it after
    ``update_index``, although the engine's rebuild failed first."""
    settings.WAGTAILSEARCH_BACKENDS["database"]["AUTO_UPDATE"] = False
    page = StandardPage(title="Quillota market notes", slug="quillota")
    site_tree.home_en.add_child(instance=page)
    page.save_revision().publish()
    settings.WAGTAILSEARCH_BACKENDS["database"]["AUTO_UPDATE"] = True
    database = get_search_backend("database")
    assert not list(database.search("Quillota", Page.objects.live()))

    with pytest.raises(CommandError) as error:
        call_command("update_index", verbosity=0)

    assert UNREACHABLE in str(error.value)
    assert "'default'" in str(error.value)
    # The database index, which answers while the engine is down, was rebuilt all the same.
    assert [p.pk for p in database.search("Quillota", Page.objects.live())] == [page.pk]
