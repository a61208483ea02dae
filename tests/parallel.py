"""Parallel test workers (pytest-xdist) each get a Redis database of their own.

pytest-django gives each worker its own test database, but the Redis database in
REDIS_URL would be shared: `empty_cache` (tests/conftest.py) empties the whole database
around every test, and the real Celery workers the integration tests start would take
each other's tasks from the one broker queue. Worker gw0 keeps the database REDIS_URL
(and CELERY_BROKER_URL) name, gw1 the one below it, and so on: `.ci/run`'s db 15 gives
15 and 14 on two workers.

The URLs are rewritten in the environment before the settings read it, so the cache,
the Celery app and every process a test starts (workers, gunicorn) agree. That is why
this is a plugin named in pytest's addopts (`-p tests.parallel`) and not a conftest:
pytest-django loads the settings before any conftest.
"""

import os
from urllib.parse import urlsplit, urlunsplit

import pytest

URL_VARIABLES = ("REDIS_URL", "CELERY_BROKER_URL")


def worker_number() -> int | None:
    """0 for xdist's gw0, 1 for gw1…; None when the tests run in one process."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker.removeprefix("gw")) if worker.startswith("gw") else None


def url_for_worker(url: str, number: int) -> str:
    """The Redis URL with its database number lowered by the worker's number."""
    parts = urlsplit(url)
    if parts.scheme not in {"redis", "rediss"}:
        return url
    database = int(parts.path.strip("/") or 0) - number
    if database < 0:
        raise pytest.UsageError(
            f"{url} leaves no Redis database for test worker gw{number}: "
            "name a higher database number, or run fewer workers (-n)."
        )
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args) -> None:
    number = worker_number()
    if number is None:
        return
    for name in URL_VARIABLES:
        if os.environ.get(name):
            os.environ[name] = url_for_worker(os.environ[name], number)
