"""Servers that some tests need besides the database: Redis and a search engine.

``scripts/services.sh start`` runs them on loopback. Where one is not running the tests that need
it are skipped, saying why, so that ``make test`` needs nothing but Python; where the environment
says it must run (CI sets ``REQUIRE_REDIS`` and ``REQUIRE_SEARCH_SERVER``) they fail instead.
"""

import os
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest
import requests

REDIS_ADDRESS = ("127.0.0.1", 6379)
REDIS_LOCATION = "redis://127.0.0.1:6379/15"


def answers(address):
    try:
        with socket.create_connection(address, timeout=1):
            return True
    except OSError:
        return False


def require(what, available, required_by, how):
    """Skip the calling test when ``available`` is false, or fail it when the environment
    variable ``required_by`` is set."""
    if available:
        return
    message = f"{what} is not running: {how}"
    if os.environ.get(required_by):
        pytest.fail(f"{required_by} is set but {message}", pytrace=False)
    pytest.skip(message)


def require_redis():
    require(
        f"Redis on {REDIS_ADDRESS[0]}:{REDIS_ADDRESS[1]}",
        answers(REDIS_ADDRESS),
        "REQUIRE_REDIS",
        "scripts/services.sh start redis",
    )


ROOT = Path(__file__).resolve().parent.parent
SERVICES_SCRIPT = ROOT / "scripts" / "services.sh"


def search_node_url():
    """The OpenSearch node's URL: ``OPENSEARCH_TEST_URL``, else the node that
    ``scripts/services.sh start search`` started (it may have chosen a free port)."""
    if url := os.environ.get("OPENSEARCH_TEST_URL"):
        return url.rstrip("/")
    port_file = Path(os.environ.get("SERVICES_DIR", ROOT / ".services")) / "search-node.port"
    return f"http://127.0.0.1:{port_file.read_text().strip()}" if port_file.exists() else ""


def node_answers(url):
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def on_node(url, method, path, **kwargs):
    """The engine's JSON answer to a request of the test's own (``requests``)."""
    response = requests.request(method, f"{url}/{path}", timeout=30, **kwargs)
    response.raise_for_status()
    return response.json()


def require_search_node():
    """The URL of a running OpenSearch node, or skip (fail under REQUIRE_SEARCH_SERVER)."""
    url = search_node_url()
    require(
        f"The OpenSearch node ({url or 'never started'})",
        bool(url) and node_answers(url),
        "REQUIRE_SEARCH_SERVER",
        "scripts/services.sh start search",
    )
    return url


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SearchNode:
    """An OpenSearch node of a test's own, started and stopped by ``scripts/services.sh`` with
    its state in ``services_dir``, for tests that take a node down."""

    def __init__(self, services_dir):
        self.services_dir = Path(services_dir)
        self.env = {
            **os.environ,
            "SERVICES_DIR": str(self.services_dir),
            # Its own port, kept across restarts.
            "SEARCH_NODE_PORT": str(free_port()),
            "SEARCH_NODE_HEAP": "256m",
        }

    def services(self, command):
        subprocess.run(
            ["bash", str(SERVICES_SCRIPT), command, "search"],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    def start(self):
        self.services("start")

    def stop(self):
        self.services("stop")

    @property
    def url(self):
        port = (self.services_dir / "search-node.port").read_text().strip()
        return f"http://127.0.0.1:{port}"

    @property
    def pid(self):
        return int((self.services_dir / "search-node.pid").read_text())

    def signal(self, signal_number):
        os.kill(self.pid, signal_number)


def engine_backends(url, prefix, backend="network.search.backends.opensearch", timeout=30):
    """``WAGTAILSEARCH_BACKENDS`` as the site's settings make them for a search engine at
    ``url``: the engine, and the database backend kept beside it to answer when it fails."""
    return {
        "default": {
            "BACKEND": backend,
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            "ATOMIC_REBUILD": True,
            "AUTO_UPDATE": True,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": {"BACKEND": "network.search.backends.database"},
    }
