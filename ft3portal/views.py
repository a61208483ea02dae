"""Liveness (/healthz) and readiness (/readyz), for load balancers and docker compose.

They answer different questions. Liveness: is this process able to serve pages at
all? That needs the database and nothing else, so a Redis outage never makes a load
balancer take the whole site out. Readiness: how are the services the portal uses?
Redis (cache, broker) down is "degraded" with 200: pages, the API and log-in work
without it (core/cache.py) and queued email waits in the outbox. The database down
is 503.
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .celery import app as celery_app

logger = logging.getLogger(__name__)

OK, UNAVAILABLE, NOT_CONFIGURED = "ok", "unavailable", "not configured"


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return OK if cursor.fetchone() == (1,) else UNAVAILABLE
    except Exception:
        logger.exception("Health check: the database did not answer")
        return UNAVAILABLE


def check_cache() -> str:
    if not hasattr(cache, "is_reachable"):
        return NOT_CONFIGURED  # per-process memory: nothing to reach
    if cache.is_reachable():
        return OK
    logger.warning("Readiness check: the Redis cache did not answer")
    return UNAVAILABLE


def check_broker() -> str:
    if celery_app.conf.task_always_eager:
        return NOT_CONFIGURED  # tasks run in-process
    try:
        with celery_app.connection_for_write() as broker:
            broker.connect()
    except Exception as error:
        logger.warning("Readiness check: the broker did not answer (%s)", error)
        return UNAVAILABLE
    return OK


def report(checks: dict[str, str], status: int) -> JsonResponse:
    if status != 200:
        overall = UNAVAILABLE
    elif UNAVAILABLE in checks.values():
        overall = "degraded"
    else:
        overall = OK
    return JsonResponse({"status": overall, "checks": checks}, status=status)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers and so does the database."""
    database = check_database()
    return report({"database": database}, 200 if database == OK else 503)


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: each service's state; only the database is needed to serve."""
    checks = {"database": check_database(), "cache": check_cache(), "broker": check_broker()}
    return report(checks, 200 if checks["database"] == OK else 503)
