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

The plugin also hands the tests out longest first (tests/scheduling.py) and, with
`--store-durations`, records how long each unit took for that order.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.scheduling import (
    FLUSHING_TESTS,
    LongestFirstScheduling,
    list_flushing_tests,
    scope_of,
    store_durations,
)

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


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--store-durations",
        action="store_true",
        help="write how long each test module took (setup, call and teardown) to "
        "tests/durations.json, for the database in DATABASE_URL: the order in which "
        "the parallel workers get them, longest first",
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """xdist's default distribution (`-n` without `--dist`) made longest first."""
    if config.getvalue("dist") == "load":
        return LongestFirstScheduling(config, log)
    return None


class DurationRecorder:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def pytest_runtest_logreport(self, report) -> None:
        scope = scope_of(report.nodeid)
        self.seconds[scope] = self.seconds.get(scope, 0.0) + report.duration

    def pytest_sessionfinish(self, session) -> None:
        if self.seconds and not hasattr(session.config, "workerinput"):
            store_durations(self.seconds)


def pytest_configure(config) -> None:
    if hasattr(config, "workerinput"):
        return
    # Before the workers start: they inherit the variable.
    os.environ[FLUSHING_TESTS] = str(Path(tempfile.mkdtemp(prefix="ft3-tests-")) / "flushing.json")
    if config.getoption("store_durations"):
        config.pluginmanager.register(DurationRecorder(), "store-durations")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items) -> None:
    # After pytest-django's ordering; the scheduler reads the list when it starts.
    list_flushing_tests(items)
