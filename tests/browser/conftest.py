"""A real browser on a live portal: Playwright drives Debian's chromium.

The package shares one live server and one browser. Before the first browser test the
demo content is loaded on top of the migrated reference content and committed, because
the server answers from its own thread (its own connection on PostgreSQL) and must see
the data. After the last one the database is put back exactly as it was, so the rest
of the suite runs on the reference content alone, in whatever order.

All browser tests see the same database, so a test that adds or changes content
removes it again itself.
"""

import fcntl
import io
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import override_settings
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from .support import (
    AXE_SCRIPT,
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    TIMEOUT_MS,
    DemoSite,
    PageProblems,
    journey_plan,
    open_page,
    other_public_pages,
    public_pages,
    watch,
)

FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker) -> Iterator[DemoSite]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with django_db_blocker.unblock():
        reference_content = connection.creation.serialize_db_to_string()
        # The demo accounts' passwords need no slow hashing here.
        with override_settings(PASSWORD_HASHERS=[FAST_HASHER]):
            call_command("loaddemo", stdout=io.StringIO())
        pages = {**public_pages(), **other_public_pages()}
        journey = journey_plan()
        threads_before = set(threading.enumerate())
        server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    # Emailed links are built on SITE_URL, not on the request's host: point it at the
    # live server so that a browser can follow them.
    site_url = override_settings(SITE_URL=server.url)
    site_url.enable()
    try:
        yield DemoSite(url=server.url, pages=pages, journey=journey)
    finally:
        site_url.disable()
        server._live_server_modified_settings.disable()
        server.stop()
        # The server handles each browser connection in a thread that closes its
        # database connection when the browser hangs up (the browser is closed by now).
        # Wait for them: PostgreSQL cannot drop a test database that is still in use.
        for thread in set(threading.enumerate()) - threads_before:
            thread.join(timeout=TIMEOUT_MS / 1000)
        with django_db_blocker.unblock():
            # What Django's serialized rollback does: empty every table, keeping the
            # sequences where they are, and load the snapshot back.
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(reference_content)


@pytest.fixture(scope="package")
def browser(site) -> Iterator[Browser]:
    # Depends on `site` so that the browser is gone before the database is restored.
    # Playwright's sync API keeps an asyncio loop running in this thread, so Django
    # would refuse the test database calls that pytest-django makes around each test,
    # although nothing runs concurrently. Allowed only while this package runs.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            # Playwright's greenlets give this phase its own context, and with it its
            # own Django database connections; nothing closes them after it.
            connections.close_all()


@pytest.fixture
def page(browser, site) -> Iterator[Page]:
    """A fresh browser tab at desktop width."""
    yield from open_page(browser, site)


@pytest.fixture
def phone_page(browser, site) -> Iterator[Page]:
    """A fresh browser tab at the narrowest phone width the portal supports."""
    yield from open_page(browser, site, PHONE)


@pytest.fixture
def page_problems(page) -> PageProblems:
    return watch(page)


def axe_is_current() -> bool:
    """Whether node_modules holds the axe-core that package-lock.json pins."""
    installed = AXE_SCRIPT.parent / "package.json"
    if not (AXE_SCRIPT.exists() and installed.exists()):
        return False
    lock = json.loads((Path(settings.BASE_DIR) / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/axe-core"]["version"]
    return json.loads(installed.read_text())["version"] == pinned


@pytest.fixture(scope="package")
def axe_source(pytestconfig) -> str:
    # Installed here, when a test first needs it, so that only the browser tests need
    # npm: `make run`, and test runs without the browser tests, work without it.
    # Parallel test workers (pytest-xdist) each come here: one installs, under a lock on
    # the lock file, and the others find axe-core current once it is released.
    with (Path(settings.BASE_DIR) / "package-lock.json").open() as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        install_axe_if_needed(pytestconfig)
    return AXE_SCRIPT.read_text()


def install_axe_if_needed(pytestconfig) -> None:
    if not axe_is_current():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed (apt-get install npm): it installs axe-core")
        # Shown as it happens, not captured: it needs the network and takes a moment.
        with pytestconfig.pluginmanager.get_plugin("capturemanager").global_and_fixture_disabled():
            print("\nInstalling axe-core for the browser tests: npm ci", flush=True)
            npm_ci = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=settings.BASE_DIR)
        if npm_ci.returncode != 0:
            pytest.fail("`npm ci` could not install axe-core: see its output above.")
