"""``/healthz/``: whether the site can serve, for load balancers and monitoring.

200 with ``"status": "ok"`` when every service answers; 200 with ``"degraded"`` when the site
still serves without one (the search engine down, or failing searches lately: searches come from
the database; the cache down: pages render, rate limits cannot count); 503 with ``"down"`` when
the database is gone. The answer names each service's state but never an error's details, which
go to the log.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.search.backends import get_search_backend

from search.service import DEFAULT_ALIAS, FALLBACK_ALIAS, breaker

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means the same thing to a load balancer
        logger.exception("Health check: the database does not answer")
        return {"state": DOWN}
    return {"state": OK, "vendor": connection.vendor}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # noqa: BLE001
        logger.exception("Health check: the cache does not answer")
        answered = False
    return {"state": OK if answered else DEGRADED}


def check_search():
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


@never_cache
def healthz(request):
    checks = {"database": check_database(), "cache": check_cache(), "search": check_search()}
    states = {check["state"] for check in checks.values()}
    if checks["database"]["state"] == DOWN:
        status = DOWN
    elif states == {OK}:
        status = OK
    else:
        status = DEGRADED
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == DOWN else 200)
