"""The search engine's part of ``/healthz/`` (network/health.py, settings.HEALTH_CHECKS)."""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend

from network.health import DEGRADED, OK
from network.search.service import DEFAULT_ALIAS, FALLBACK_ALIAS, breaker

logger = logging.getLogger(__name__)


def check_search() -> dict[str, str]:
    if FALLBACK_ALIAS not in settings.WAGTAILSEARCH_BACKENDS:
        return {"state": OK, "backend": "database"}
    backend = get_search_backend(DEFAULT_ALIAS)
    engine = backend.engine_name
    try:
        reachable = backend.es.ping()
    except Exception:  # noqa: BLE001
        logger.exception("Health check: %s does not answer", engine)
        reachable = False
    if not reachable:
        logger.warning("Health check: %s is unreachable; searches use the database", engine)
        return {"state": DEGRADED, "backend": f"database ({engine} unreachable)"}
    if breaker.is_open(DEFAULT_ALIAS):
        return {"state": DEGRADED, "backend": f"database ({engine} failed a search lately)"}
    return {"state": OK, "backend": engine.lower()}
