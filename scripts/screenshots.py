"""Full-page PNGs of the portal's main public pages, at desktop and phone width.

`make screenshots` runs this. It starts the development server on a free port with a
scratch SQLite database (migrated, demo content loaded), photographs each page with
Debian's chromium through Playwright, stops the server and deletes the database. The
pictures land in screenshots/ (or --output), so anyone can see the portal without
running it. The home page and a stage page are also shot in every other language
(`stage-pl-phone.png`), from their language's address (`/pl/pathway/…`).
"""

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# The same flags as the browser tests: headless in a container, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# name -> path. The stage and barrier are reference content every portal has; the
# demo content has work in Germany.
PAGES = {
    "portal:home": "/",
    "pathway-map": "/pathway/",
    "stage": "/pathway/testing-decision/",
    "library": "/resources/",
    "library-searched": "/resources/?q=cancer",
    "directory": "/initiatives/",
    "barrier": "/barriers/test-not-reimbursed/",
    "gaps": "/gaps/",
    "countries": "/countries/",
    "country": "/countries/DE/",
    "subscribe": "/digest/subscribe/?country=DE",
    "about": "/about/",
    "contact": "/contact/",
    "privacy": "/privacy/",
    "accessibility": "/accessibility/",
    "terms": "/terms/",
    "transfers": "/transfers/",
    # loaddemo assesses nNGM as best practice (assessments/demo.py).
    "assessed-initiative": "/initiatives/nngm-lung-cancer-network/",
    "assessment-criteria": "/assessments/criteria/",
    "gaps-proven-practice": "/gaps/?proven=on",
    "glossary": "/glossary/",
    "questions": "/questions/?q=testing-decision-1&q=treatment-decision-2",
    "questions-print": "/questions/print/?q=testing-decision-1&q=treatment-decision-2",
}
# Shot in every language as well.
LOCALIZED_PAGES = ["portal:home", "stage"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
SERVER_START_SECONDS = 60


def languages() -> list[str]:
    """The interface languages of the settings, English (unprefixed) aside."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ft3portal.settings")
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def shots() -> Iterator[tuple[str, str]]:
    """(file name without width, path) of every picture."""
    yield from PAGES.items()
    for language in languages():
        for name in LOCALIZED_PAGES:
            yield f"{name}-{language}", f"/{language}{PAGES[name]}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scratch_environment(database: Path) -> dict[str, str]:
    """The embedded defaults on a throwaway database: no services, nothing mailed."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "EMAIL_URL"}
    }
    env["DATABASE_URL"] = f"sqlite:///{database}"
    env["DEBUG"] = "true"
    return env


def manage(env: dict[str, str], *args: str) -> None:
    # Output is kept back: loaddemo prints the demo accounts' passwords, which are of
    # no use for a database deleted in a minute.
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def is_up(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@contextmanager
def dev_server(env: dict[str, str], log: Path) -> Iterator[str]:
    port = free_port()
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not is_up(port):
            if server.poll() is not None:
                sys.exit(f"The development server stopped:\n{log.read_text()}")
            if time.monotonic() > deadline:
                sys.exit(f"The development server did not answer within {SERVER_START_SECONDS}s.")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def photograph(base_url: str, output: Path) -> list[Path]:
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for width_name, viewport in WIDTHS.items():
                context = browser.new_context(base_url=base_url, viewport=viewport)
                page = context.new_page()
                for name, path in shots():
                    response = page.goto(path)
                    if response is None or response.status != 200:
                        status = response.status if response else "no response"
                        sys.exit(f"{path} answered {status}; no screenshot taken.")
                    target = output / f"{name}-{width_name}.png"
                    page.screenshot(path=target, full_page=True)
                    saved.append(target)
                context.close()
        finally:
            browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=BASE_DIR / "screenshots",
        help="folder for the PNGs (default: screenshots/)",
    )
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"Debian's chromium is needed at {CHROMIUM}: apt-get install chromium")
    args.output.mkdir(parents=True, exist_ok=True)

    scratch = Path(tempfile.mkdtemp(prefix="ft3-screenshots-"))
    try:
        env = scratch_environment(scratch / "db.sqlite3")
        manage(env, "compilemessages", "--ignore", ".venv/*", "--ignore", "node_modules/*")
        manage(env, "migrate", "--noinput")
        manage(env, "loaddemo")
        with dev_server(env, scratch / "server.log") as base_url:
            saved = photograph(base_url, args.output)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for path in saved:
        print(path.relative_to(BASE_DIR) if path.is_relative_to(BASE_DIR) else path)


if __name__ == "__main__":
    main()
