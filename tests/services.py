"""Servers that some tests need besides the database: Redis and a search engine.

``scripts/services.sh start`` runs them on loopback. Where one is not running the tests that need
it are skipped, saying why, so that ``make test`` needs nothing but Python; where the environment
says it must run (CI sets ``REQUIRE_REDIS`` and ``REQUIRE_SEARCH_SERVER``) they fail instead.
"""

import os
import socket

import pytest

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
