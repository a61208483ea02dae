"""A real Celery worker process for the integration tests, with PostgreSQL shared
between the test and the worker (see test_integration.py)."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from ft3portal.celery import app as celery_app

BASE_DIR = Path(settings.BASE_DIR)


def database_url() -> str:
    """The test database (not the one in DATABASE_URL), for the worker."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


class Worker:
    """`celery -A ft3portal worker` in its own process group, so that a kill takes
    the pool's children with it, as when a machine dies."""

    def __init__(self, email_url: str, log_dir: Path) -> None:
        self.name = f"digests-test-{uuid.uuid4().hex[:8]}@localhost"
        self.email_url = email_url
        self.log = log_dir / f"{self.name.split('@')[0]}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "DB_CONN_MAX_AGE": "0",
            "EMAIL_URL": self.email_url,
            "SITE_URL": settings.SITE_URL,
            "LOG_LEVEL": "WARNING",
        }
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "ft3portal",
                    "worker",
                    "--pool=prefork",
                    "--concurrency=1",
                    "--without-gossip",
                    "--without-mingle",
                    "--loglevel=WARNING",
                    f"--hostname={self.name}",
                ],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"The worker exited:\n{self.log.read_text()}")
            if celery_app.control.ping(destination=[self.name], timeout=0.5):
                return self
        raise AssertionError(f"The worker did not start:\n{self.log.read_text()}")

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()


def wait_until(condition, timeout: float = 60.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"Timed out waiting for {what}")
