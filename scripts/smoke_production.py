"""Smoke test of the production configuration, without Docker (run by .ci/run).

What the Dockerfile and docker-compose do, on this machine: settings as in production
(DEBUG off, a generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1; no HTTPS redirect, as
TLS ends before the portal), `check --deploy`, `collectstatic` into a temporary
directory, gunicorn started with gunicorn.conf.py on a free loopback port, the demo
content in a database of its own. Then every public page must answer 200, and so
must every static file it references (and every file those stylesheets reference).
A page that renders in development but not with the manifest storage (a missing
file, collectstatic run with DEBUG on) fails here.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ft3portal \\
        .venv/bin/python scripts/smoke_production.py

With a PostgreSQL DATABASE_URL it creates and afterwards drops `<name>_smoke` next to
that database; otherwise it uses a temporary SQLite file. REDIS_URL is used if set.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
STATIC_REFERENCE = re.compile(r"""(?:src|href)=["'](/static/[^"'#?]+)""")
CSS_REFERENCE = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")

# Fixed public URLs; one item of each kind is found by following the lists' links.
PAGES = [
    "/",
    "/pathway/",
    "/barriers/",
    "/stakeholders/",
    "/resources/",
    "/initiatives/",
    "/gaps/",
    "/countries/DE/",
    "/digest/subscribe/",
    "/accounts/login/",
    "/api/v1/",
    "/api/v1/docs/",
    "/sitemap.xml",
    "/feeds/resources/",
    "/feeds/initiatives/",
    "/healthz",
    "/readyz",
]
# (list page, pattern of an item's link on it)
ITEMS = [
    ("/pathway/", r"/pathway/[\w-]+/"),
    ("/barriers/", r"/barriers/[\w-]+/"),
    ("/resources/", r"/resources/(?!new/)[\w-]+/"),
    ("/initiatives/", r"/initiatives/(?!new/)[\w-]+/"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Database:
    """The smoke test's own database: `<name>_smoke` on PostgreSQL, else SQLite
    (the load test's: `<name>_load`)."""

    def __init__(self, url: str, scratch: Path, suffix: str = "_smoke") -> None:
        self.server_url = url if url.startswith(("postgres://", "postgresql://")) else ""
        if self.server_url:
            parts = urlsplit(self.server_url)
            self.name = parts.path.lstrip("/") + suffix
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            # CREATE and DROP DATABASE from the maintenance database: the one named in
            # DATABASE_URL need not exist (the test suite only makes test_<name>).
            self.server_url = urlunsplit(parts._replace(path="/postgres"))
        else:
            self.url = f"sqlite:///{scratch / (suffix.strip('_') + '.sqlite3')}"

    def _run(self, statement: sql.Composable) -> None:
        connection = psycopg2.connect(self.server_url)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def create(self) -> None:
        if self.server_url:
            self.drop()
            self._run(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    def drop(self) -> None:
        if self.server_url:
            self._run(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Smoke:
    def __init__(self, base: str) -> None:
        self.base = base
        self.failures: list[str] = []
        self.checked_static: set[str] = set()

    def page(self, path: str) -> str:
        status, body = get(self.base + path)
        if status != 200:
            self.failures.append(f"{path}: {status}")
            return ""
        text = body.decode("utf-8", "replace")
        for reference in STATIC_REFERENCE.findall(text):
            self.static(reference, referrer=path)
        return text

    def static(self, path: str, referrer: str) -> None:
        if path in self.checked_static:
            return
        self.checked_static.add(path)
        status, body = get(self.base + path)
        if status != 200:
            self.failures.append(f"{path} (from {referrer}): {status}")
        elif path.endswith(".css"):
            for reference in CSS_REFERENCE.findall(body.decode("utf-8", "replace")):
                if reference.startswith(("data:", "http:", "https:", "#")):
                    continue
                self.static(urljoin(path, reference).split("#")[0].split("?")[0], path)

    def run(self) -> int:
        for path in PAGES:
            self.page(path)
        for list_path, pattern in ITEMS:
            text = self.page(list_path)
            match = re.search(rf'href="({pattern})"', text)
            if match is None:
                self.failures.append(f"{list_path}: no link to an item ({pattern})")
            else:
                self.page(match.group(1))
        pages, files = len(PAGES) + len(ITEMS), len(self.checked_static)
        print(f"{pages} pages and {files} static files checked")
        for failure in self.failures:
            print(f"FAILED {failure}", file=sys.stderr)
        return 1 if self.failures else 0


def wait_for(url: str, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited:\n{log.read_text()}")
        try:
            if get(url)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"gunicorn did not answer {url}:\n{log.read_text()}")


def production_environment(database: Database, port: int, scratch: Path, **more: str) -> dict:
    """The environment of a production deployment on this machine's loopback."""
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database.url,
        "STATIC_ROOT": str(scratch / "static"),
        "LOG_LEVEL": "WARNING",
        **more,
    }


def start_gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    """gunicorn with gunicorn.conf.py on 127.0.0.1:port, once it answers /healthz."""
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "ft3portal.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", server, log)
    except BaseException:
        server.terminate()
        server.wait(timeout=30)
        raise
    return server


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="ft3-smoke-") as scratch_name:
        scratch = Path(scratch_name)
        database = Database(os.environ.get("DATABASE_URL", ""), scratch)
        port = free_port()
        env = production_environment(
            database, port, scratch, CACHE_KEY_PREFIX="smoke", GUNICORN_WORKERS="2"
        )

        def manage(*args: str, **overrides: str) -> None:
            subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env={**env, **overrides},
                check=True,
                stdout=subprocess.DEVNULL,
            )

        database.create()
        log = scratch / "gunicorn.log"
        server = None
        try:
            # With the HTTPS redirect a deployment has by default (here TLS ends elsewhere).
            manage("check", "--deploy", "--fail-level", "WARNING", SECURE_SSL_REDIRECT="true")
            manage("migrate", "--noinput")
            manage("loaddemo")
            manage("collectstatic", "--noinput")
            server = start_gunicorn(env, port, log)
            base = f"http://127.0.0.1:{port}"
            result = Smoke(base).run()
            if result:
                print(log.read_text()[-5000:], file=sys.stderr)
            return result
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
            database.drop()


if __name__ == "__main__":
    sys.exit(main())
