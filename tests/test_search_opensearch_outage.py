"""A real OpenSearch node taken down, hung and made to fail, while the site keeps searching.

These tests start a node of their own (``scripts/services.sh`` with a state folder and port of
the module's own, so the shared node the other tests use is never touched) and kill it
(SIGKILL), freeze it (SIGSTOP: it accepts connections and never answers) and make it answer
errors of its own: a missing index, a mapping that conflicts with the site's queries, a 503 (an
index whose shard is nowhere) and a 429 (its in-flight requests breaker). Every search must still
answer 200, from the database, with one warning per outage. Skipped where the shared node is not
running (so Java and the build are missing), failed under ``REQUIRE_SEARCH_SERVER``.
"""

import logging
import signal
import time
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from home.models import StandardPage
from network.search.service import DEFAULT_ALIAS, breaker
from tests.services import SearchNode, engine_backends, node_answers, on_node, require_search_node

# One worker runs them all, so the module starts one node (pytest -n with --dist loadgroup).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("own_search_node")]

TIMEOUT = 2


@pytest.fixture(scope="module")
def node(tmp_path_factory):
    require_search_node()
    node = SearchNode(tmp_path_factory.mktemp("search-node"))
    node.start()
    yield node
    node.signal(signal.SIGCONT)  # in case a test failed while the node was frozen
    node.stop()


@pytest.fixture(autouse=True)
def engine(db, settings, node):
    prefix = f"outage_{uuid.uuid4().hex[:10]}_"
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(node.url, prefix, timeout=TIMEOUT)
    # A short pause before the engine is asked again, so a test sees the recovery.
    settings.SEARCH_ENGINE_RETRY_SECONDS = 1
    call_command("update_index", backend_name=DEFAULT_ALIAS, verbosity=0)
    yield prefix
    if node_answers(node.url):
        on_node(node.url, "DELETE", f"{prefix}*")


def publish(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def search_titles(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [" ".join(h.get_text().split()) for h in html.select(".search-results h3")]


def fallback_warnings(caplog):
    return [
        record
        for record in caplog.records
        if record.name == "network.search.service" and "failed" in record.getMessage()
    ]


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{condition} still false after {seconds}s"
        time.sleep(0.2)


def test_the_node_killed_mid_run_and_restarted(client, site_tree, node, engine, caplog):
    before = publish(site_tree.home_en, "Valparaíso harbourmaster report", "valparaiso")
    on_node(node.url, "POST", f"{engine}*/_refresh")
    assert search_titles(client, "harbourmaster") == [before.title]
    assert breaker.outage(DEFAULT_ALIAS) is None  # the engine answered

    node.signal(signal.SIGKILL)
    wait_for(lambda: not node_answers(node.url))

    # Publishing goes on; the engine misses the page, the database index has it.
    during = publish(site_tree.home_en, "Antofagasta harbourmaster report", "antofagasta")
    assert during.live
    for _ in range(3):
        assert set(search_titles(client, "harbourmaster")) == {before.title, during.title}
    assert len(fallback_warnings(caplog)) == 1
    health = client.get("/healthz/").json()
    assert health["status"] == "degraded"
    assert health["checks"]["search"] == {
        "state": "degraded",
        "backend": "database (OpenSearch unreachable)",
    }

    node.start()
    call_command("update_index", verbosity=0)
    time.sleep(1.1)  # SEARCH_ENGINE_RETRY_SECONDS: the next search asks the engine again
    assert set(search_titles(client, "antofagasta")) == {during.title}
    assert breaker.outage(DEFAULT_ALIAS) is None
    assert any("answers again" in record.getMessage() for record in caplog.records)
    # The page published during the outage is in the engine's own index now.
    hits = on_node(
        node.url, "GET", f"{engine}wagtailcore_page/_search", params={"q": "antofagasta"}
    )
    assert hits["hits"]["total"]["value"] == 1
    assert client.get("/healthz/").json()["checks"]["search"]["state"] == "ok"


def test_a_node_that_never_answers_holds_no_search_past_the_timeout(client, site_tree, node):
    page = publish(site_tree.home_en, "Iquique free zone", "iquique")
    node.signal(signal.SIGSTOP)
    try:
        started = time.monotonic()
        assert search_titles(client, "iquique") == [page.title]
        first = time.monotonic() - started
        started = time.monotonic()
        assert search_titles(client, "iquique") == [page.title]
        second = time.monotonic() - started
    finally:
        node.signal(signal.SIGCONT)
    # One request to the engine, given up after TIMEOUT seconds (no retries); then none.
    assert TIMEOUT <= first < TIMEOUT + 2
    assert second < TIMEOUT
    assert breaker.is_open(DEFAULT_ALIAS)


def missing_index(node, prefix):
    on_node(node.url, "DELETE", f"{prefix}wagtailcore_page*")


def conflicting_mapping(node, prefix):
    """The index made again with the site's mapping but for one field, the "live" filter, mapped
    as an IP address (as a careless manual fix might leave it): the engine refuses the query."""
    (index,) = on_node(node.url, "GET", f"{prefix}wagtailcore_page/_mapping").values()
    mapping = index["mappings"]
    mapping["properties"]["live_filter"] = {"type": "ip"}
    (settings,) = on_node(node.url, "GET", f"{prefix}wagtailcore_page/_settings").values()
    index_settings = {
        name: settings["settings"]["index"][name] for name in ("analysis", "max_ngram_diff")
    }
    missing_index(node, prefix)
    on_node(
        node.url,
        "PUT",
        f"{prefix}wagtailcore_page",
        json={"settings": index_settings, "mappings": mapping},
    )


def unassigned_shard(node, prefix):
    """An index whose only shard may live on no node: every search of it is a 503."""
    missing_index(node, prefix)
    on_node(
        node.url,
        "PUT",
        f"{prefix}wagtailcore_page",
        params={"wait_for_active_shards": "0"},
        json={"settings": {"index.routing.allocation.require._name": "nowhere"}},
    )


def tripped_breaker(node, prefix):
    """The node's in-flight requests breaker at one byte: every request with a body is a 429."""
    on_node(
        node.url,
        "PUT",
        "_cluster/settings",
        json={"transient": {"network.breaker.inflight_requests.limit": "1b"}},
    )


FAULTS = {
    missing_index: "NotFoundError",
    conflicting_mapping: "RequestError",
    unassigned_shard: "503",
    tripped_breaker: "429",
}


@pytest.mark.parametrize("fault", list(FAULTS), ids=lambda fault: fault.__name__)
def test_engine_errors_fall_back_and_are_logged_once(
    client, site_tree, node, engine, caplog, fault
):
    page = publish(site_tree.home_en, "Temuco municipal market", "temuco")
    on_node(node.url, "POST", f"{engine}*/_refresh")
    fault(node, engine)
    try:
        for _ in range(3):
            assert search_titles(client, "temuco") == [page.title]
        response = client.get("/en/search/suggest/", {"q": "temu"})
        assert response.status_code == 200
    finally:
        on_node(
            node.url,
            "PUT",
            "_cluster/settings",
            json={"transient": {"network.breaker.inflight_requests.limit": None}},
        )
    (warning,) = fallback_warnings(caplog)
    assert warning.levelno == logging.WARNING
    assert FAULTS[fault] in warning.getMessage()
    assert not warning.exc_info  # one line, no traceback
