"""Parallel test workers copy one migrated test database instead of each migrating its own.

pytest-django has every pytest-xdist worker create its test database and run all the
migrations into it. Here the first worker to need a database migrates a template under
a file lock, and every worker copies it: on PostgreSQL with Django's `clone_test_db`
(CREATE DATABASE … TEMPLATE), on SQLite by copying the migrated file into the worker's
own in-memory database, where the tests run as before. The template lives for one run:
the controller gives the workers a directory for the lock (tests/parallel.py) and drops
the template at the end. Runs that keep their databases (`--reuse-db`), runs without
migrations and runs in one process set up as pytest-django does.
"""

import fcntl
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections

SQLITE_TEMPLATE = "template.sqlite3"
PG_TEMPLATE_MADE = "postgresql-template"


@contextmanager
def locked(directory: Path):
    with (directory / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def can_clone() -> bool:
    """The one database on PostgreSQL, or on SQLite with an in-memory test database
    (the default)."""
    if set(settings.DATABASES) != {"default"}:
        return False
    connection = connections["default"]
    if connection.vendor == "postgresql":
        return True
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.creation._get_test_db_name()
    )


def point_at(connection, name: str) -> None:
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def create_template(connection, name: str, verbosity: int) -> None:
    """Migrate a test database under `name` (what pytest-django does per worker)."""
    test_settings = connection.settings_dict["TEST"]
    own_name = test_settings["NAME"]
    test_settings["NAME"] = name
    try:
        connection.creation.create_test_db(verbosity=verbosity, autoclobber=True)
    finally:
        test_settings["NAME"] = own_name


def clone_postgresql(connection, directory: Path, worker: str, verbosity: int) -> None:
    # pytest-django named this worker's database test_<name>_gw0: the template is
    # test_<name>, and Django's clone of it for suffix gw0 is the worker's database.
    own_name = connection.settings_dict["TEST"]["NAME"]
    template = own_name.removesuffix(f"_{worker}")
    with locked(directory):
        made = directory / PG_TEMPLATE_MADE
        if made.exists():
            point_at(connection, template)
        else:
            create_template(connection, template, verbosity)
            made.write_text(template)
        connection.creation.clone_test_db(suffix=worker, verbosity=verbosity)
    point_at(connection, own_name)


def clone_sqlite(connection, directory: Path, verbosity: int) -> None:
    template = directory / SQLITE_TEMPLATE
    with locked(directory):
        if not template.exists():
            create_template(connection, str(template), verbosity)
    point_at(connection, connection.creation._get_test_db_name())
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def setup_cloned_database(serialize: bool, directory: Path, worker: str, verbosity: int) -> list:
    """The default database's test copy of the run's template; what Django's
    `setup_databases` returns, for its `teardown_databases`."""
    connection = connections["default"]
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        clone_postgresql(connection, directory, worker, verbosity)
    else:
        clone_sqlite(connection, directory, verbosity)
    if serialize:
        # As Django's setup_databases does, for the tests that ask for serialized_rollback.
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return [(connection, old_name, True)]


def drop_template(directory: Path) -> None:
    """The run's PostgreSQL template, if a worker made one (from the controller)."""
    made = directory / PG_TEMPLATE_MADE
    if not made.exists():
        return
    connection = connections["default"]
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(made.read_text())}")
