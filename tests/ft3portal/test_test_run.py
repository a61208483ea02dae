"""The test run's own machinery: parallel workers run on copies of one migrated
database (tests/databases.py), and the longest tests go first (tests/conftest.py)."""

import os
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pathway.models import Stage
from tests.conftest import pytest_collection_modifyitems
from tests.databases import PG_TEMPLATE_MADE, SQLITE_TEMPLATE
from tests.parallel import template_directory


@pytest.mark.django_db
def test_the_test_database_has_every_migration_and_the_reference_content():
    executor = MigrationExecutor(connection)

    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert Stage.objects.count() == 8


@pytest.mark.django_db
def test_a_parallel_worker_runs_on_its_own_copy_of_the_runs_template(request):
    directory = template_directory(request.config)
    name = connection.settings_dict["NAME"]
    if directory is None:
        # One process: pytest-django's own test database, migrated in this process.
        assert name == connection.creation._get_test_db_name()
        return
    worker = os.environ["PYTEST_XDIST_WORKER"]
    if connection.vendor == "postgresql":
        template = (directory / PG_TEMPLATE_MADE).read_text()
        assert name == f"{template}_{worker}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [template])
            assert cursor.fetchone() == (1,)
    else:
        assert (directory / SQLITE_TEMPLATE).exists()
        assert connection.creation.is_in_memory_db(name)


def item(name: str, *markers: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, get_closest_marker=lambda marker: marker in markers or None)


def test_browser_tests_come_first_then_slow_tests_then_the_rest_each_in_order():
    items = [
        item("quick 1"),
        item("slow 1", "slow"),
        item("browser 1", "browser"),
        item("quick 2"),
        item("slow browser", "browser", "slow"),
        item("slow 2", "slow"),
        item("browser 2", "browser"),
    ]

    pytest_collection_modifyitems(items)

    assert [i.name for i in items] == [
        "slow browser",
        "browser 1",
        "browser 2",
        "slow 1",
        "slow 2",
        "quick 1",
        "quick 2",
    ]
