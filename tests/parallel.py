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

The controller also gives the workers a directory of their own for the run, where they
share one migrated test database (tests/databases.py), and drops it at the end.
"""

import os
import shutil
import tempfile
from pathlib import Path
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


TEMPLATE_DIRECTORY = "ft3_test_database_directory"


def template_directory(config) -> Path | None:
    """On a worker, the run's directory for the shared test database."""
    directory = getattr(config, "workerinput", {}).get(TEMPLATE_DIRECTORY)
    return Path(directory) if directory else None


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    config = node.config
    if not hasattr(config, "_ft3_template_directory"):
        config._ft3_template_directory = tempfile.mkdtemp(prefix="ft3-test-database-")
    node.workerinput[TEMPLATE_DIRECTORY] = config._ft3_template_directory


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config) -> None:
    directory = getattr(config, "_ft3_template_directory", None)
    if directory is None:
        return
    from pytest_django.plugin import blocking_manager_key

    from tests.databases import drop_template

    with config.stash[blocking_manager_key].unblock():
        drop_template(Path(directory))
    shutil.rmtree(directory, ignore_errors=True)
