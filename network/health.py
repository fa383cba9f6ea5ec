"""``/healthz/``: whether the site can serve, for load balancers and monitoring.

200 with ``"status": "ok"`` when every service answers; 200 with ``"degraded"`` when the site
still serves without one (the search engine down, or failing searches lately: searches come from
the database; the cache down: pages render, rate limits cannot count); 503 with ``"down"`` when
the database is gone. The answer names each service's state but never an error's details, which
go to the log. The checks are named in settings.HEALTH_CHECKS: each app checks its own service
(network/search/health.py the search engine).
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"


def check_database() -> dict[str, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means the same thing to a load balancer
        logger.exception("Health check: the database does not answer")
        return {"state": DOWN}
    return {"state": OK, "vendor": connection.vendor}


def check_cache() -> dict[str, str]:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # noqa: BLE001
        logger.exception("Health check: the cache does not answer")
        answered = False
    return {"state": OK if answered else DEGRADED}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {name: import_string(check)() for name, check in settings.HEALTH_CHECKS.items()}
    states = {check["state"] for check in checks.values()}
    if checks["database"]["state"] == DOWN:
        status = DOWN
    elif states == {OK}:
        status = OK
    else:
        status = DEGRADED
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == DOWN else 200)
