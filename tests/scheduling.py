"""Longest first: how pytest-xdist hands the tests to its workers (`-n`, `--dist load`).

xdist's default hands out the tests in collection order, a chunk at a time. The suite's
longest tests (the browser tests, the Schemathesis fuzzing, the synergy finder's
5,000-item labelled set) then start wherever collection puts them, and the run ends when
the worker that drew the last long one does, the other idle. Worse, the browser tests,
split across both workers in several chunks, set their package's live server and demo
content up again on each worker and after each interruption.

This scheduler hands out whole test modules, the browser package as one unit (one demo
load, one live server, one browser), longest first, each to the first worker that is
nearly done with its previous unit; the short modules at the end keep both workers busy
to the last. How long each unit took comes from `tests/durations.json`, per database
(PostgreSQL and SQLite differ), written by `python -m pytest -n 2 --store-durations` on
the database named by DATABASE_URL; a unit it does not know yet is estimated from its
number of tests. The order only changes which worker runs a test and when, not what it
tests: each module still runs in its own order on one worker.

One order is kept from pytest-django: on each worker, every transactional test (one that
empties the database at its end, as Django's TransactionTestCase does) runs after every
test that needs the reference content the migrations wrote. The first worker lists the
transactional tests (FLUSHING_TESTS names the file) and they are handed out last, in
units of their own.
"""

import json
import os
from collections import OrderedDict
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

DURATIONS = Path(__file__).with_name("durations.json")
# Packages handed out as one unit: their package-scoped fixtures are set up once.
WHOLE_PACKAGES = ("tests/browser/",)
# The estimate, in seconds, for a test of a module not yet in the durations file.
UNKNOWN_TEST_SECONDS = 1.0
# The file, set by the controller for its workers, listing the transactional tests.
FLUSHING_TESTS = "FT3_FLUSHING_TESTS"
FLUSHING = " (transactional)"


def scope_of(nodeid: str) -> str:
    """The unit a test is handed out in: its package if kept whole, else its module."""
    for package in WHOLE_PACKAGES:
        if nodeid.startswith(package):
            return package.rstrip("/")
    return nodeid.split("::", 1)[0]


def database() -> str:
    """Which table of the durations file applies: the tests' database."""
    url = os.environ.get("DATABASE_URL", "")
    return "postgresql" if url.startswith(("postgres:", "postgresql:", "postgis:")) else "sqlite"


def known_durations() -> dict[str, float]:
    if not DURATIONS.exists():
        return {}
    return json.loads(DURATIONS.read_text()).get(database(), {})


def store_durations(durations: dict[str, float]) -> None:
    """Update the current database's table with the seconds measured per unit."""
    tables = json.loads(DURATIONS.read_text()) if DURATIONS.exists() else {}
    table = tables.setdefault(database(), {})
    table.update({scope: round(seconds, 1) for scope, seconds in durations.items()})
    DURATIONS.write_text(json.dumps(tables, indent=1, sort_keys=True) + "\n")


def empties_the_database(item) -> bool:
    """Whether pytest-django runs the test as transactional (and so orders it after the
    others): it flushes the database when it ends."""
    from django.test import TestCase, TransactionTestCase
    from pytest_django.fixtures import validate_django_db

    cls = getattr(item, "cls", None)
    if cls and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker:
        transaction, reset_sequences, *_rest = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def list_flushing_tests(items) -> None:
    """On the first worker: write the transactional tests for the scheduler."""
    path = os.environ.get(FLUSHING_TESTS)
    if path and os.environ.get("PYTEST_XDIST_WORKER") == "gw0":
        flushing = [item.nodeid for item in items if empties_the_database(item)]
        Path(path).write_text(json.dumps(flushing))


class LongestFirstScheduling(LoadScopeScheduling):
    flushing: frozenset[str] = frozenset()

    def _split_scope(self, nodeid: str) -> str:
        return scope_of(nodeid) + (FLUSHING if nodeid in self.flushing else "")

    def schedule(self) -> None:
        # As LoadScopeScheduling.schedule, with the work queue ordered longest first.
        assert self.collection_is_completed
        if self.collection is not None:
            for node in self.nodes:
                self._reschedule(node)
            return
        if not self._check_nodes_have_same_collection():
            self.log("**Different tests collected, aborting run**")
            return
        self.collection = list(next(iter(self.registered_collections.values())))
        if not self.collection:
            return
        path = Path(os.environ.get(FLUSHING_TESTS, "/nonexistent"))
        self.flushing = frozenset(json.loads(path.read_text()) if path.exists() else ())
        units: dict[str, dict[str, bool]] = {}
        tests_per_module: dict[str, int] = {}
        for nodeid in self.collection:
            units.setdefault(self._split_scope(nodeid), {})[nodeid] = False
            module = scope_of(nodeid)
            tests_per_module[module] = tests_per_module.get(module, 0) + 1
        seconds = known_durations()

        def order(scope: str) -> tuple[bool, float]:
            # Transactional units last, then longest first (the file has whole modules).
            module = scope.removesuffix(FLUSHING)
            share = len(units[scope]) / tests_per_module[module]
            estimate = seconds.get(module, tests_per_module[module] * UNKNOWN_TEST_SECONDS)
            return scope.endswith(FLUSHING), -estimate * share

        self.workqueue = OrderedDict((scope, units[scope]) for scope in sorted(units, key=order))
        for _ in range(len(self.nodes) - len(self.workqueue)):
            unused, _assigned = self.assigned_work.popitem()
            unused.shutdown()
        for node in self.nodes:
            self._assign_work_unit(node)
