"""`make bench`: the portal's pages against a bare Django page, same server, same load.

Starts two gunicorns with gunicorn.conf.py on free loopback ports: the portal in
its production configuration (DEBUG off, the manifest static files, Redis as the
cache if REDIS_URL is set) and the floor, a bare Django page with a template and
one query (scripts/bench_floor.py). Then the same load, CLIENTS concurrent clients
each sending one request after another for SECONDS, runs against the floor, each
portal page and the floor again, and it prints req/s, p50 and p95 per page, and
each page's share of the floor's req/s (the mean of its two runs).

The pages are anonymous and repeated: what the page cache serves (core/pagecache.py).
The first request of each page, which renders it, is made before the timing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ft3_cache \\
    REDIS_URL=redis://127.0.0.1:6379/8 make bench BENCH_ARGS="--seconds 10"

Only loopback addresses are used, nothing leaves the machine, and every run is
bounded (--seconds per page; gunicorn is stopped at the end, whatever happens).
The database is read, never written, apart from what pages store (related work).
Other load on the machine skews both sides alike, but say what it was (`uptime`)
with the figures.
"""

import argparse
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Seconds the first, uncached view of a page may take.
WARM_UP_TIMEOUT = 300
# Seconds of untimed load on each server before the timing.
WARM_UP_SECONDS = 5

# Fixed pages, and (list page, pattern of a link on it) for one item of each kind.
PAGES = ["/", "/pathway/", "/resources/", "/initiatives/", "/gaps/", "/sitemap.xml"]
FOUND = [
    ("/pathway/", r"/pathway/[\w-]+/"),
    ("/barriers/", r"/barriers/[\w-]+/"),
    ("/resources/", r"/resources/(?!new/)[\w-]+/"),
    ("/initiatives/", r"/initiatives/(?!new/)[\w-]+/"),
]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port: int, path: str, timeout: float = 60) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST, "Connection": "close"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def load(port: int, path: str, clients: int, seconds: float) -> dict:
    """CLIENTS threads requesting `path` one after another for `seconds`."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        mine, failed = [], 0
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                status, _body = get(port, path)
            except OSError:
                status = 0
            elapsed = time.perf_counter() - started
            if status == 200:
                mine.append(elapsed)
            else:
                failed += 1
        with lock:
            latencies.extend(mine)
            failures[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - began
    latencies.sort()
    return {
        "rps": len(latencies) / took,
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95": latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan"),
        "failed": failures[0],
    }


def start(app: str, port: int, env: dict, log: Path, args: argparse.Namespace, chdir: Path):
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "-c",
        str(ROOT / "gunicorn.conf.py"),
        "--chdir",
        str(chdir),
        "--bind",
        f"{HOST}:{port}",
        "--access-logfile",
        "/dev/null",
    ]
    if args.worker_class:
        command += ["--worker-class", args.worker_class]
    if args.workers:
        command += ["--workers", str(args.workers)]
    if args.timeout:
        command += ["--timeout", str(args.timeout)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    handle = log.open("w")
    return subprocess.Popen([*command, app], cwd=ROOT, env=env, stdout=handle, stderr=handle)


def wait_for(port: int, server: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited:\n{log.read_text()}")
        try:
            if get(port, "/", timeout=30)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"gunicorn did not answer on port {port}:\n{log.read_text()}")


def pages_to_time(port: int) -> list[str]:
    pages = list(PAGES)
    for list_path, pattern in FOUND:
        _status, body = get(port, list_path, timeout=WARM_UP_TIMEOUT)
        match = re.search(rf'href="({pattern})"', body.decode("utf-8", "replace"))
        if match:
            pages.append(match.group(1))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="Load per page (default 5).")
    parser.add_argument("--clients", type=int, default=8, help="Concurrent clients (default 8).")
    parser.add_argument("--worker-class", default="", help="Override gunicorn.conf.py's.")
    parser.add_argument("--workers", type=int, default=0, help="Override gunicorn.conf.py's.")
    parser.add_argument("--threads", type=int, default=0, help="Override gunicorn.conf.py's.")
    parser.add_argument("--page", action="append", help="Time only these portal pages.")
    parser.add_argument(
        "--timeout",
        type=int,
        default=WARM_UP_TIMEOUT,
        help="Gunicorn's worker timeout for both servers (default 300): the first, "
        "uncached render of a page may take longer than production's 30 s on a busy machine.",
    )
    args = parser.parse_args()
    if not 0 < args.seconds <= 120 or not 0 < args.clients <= 64:
        parser.error("--seconds must be in (0, 120] and --clients in (0, 64]")

    with tempfile.TemporaryDirectory(prefix="ft3-bench-") as scratch_name:
        scratch = Path(scratch_name)
        portal_port, floor_port = free_port(), free_port()
        env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "false",
            "SITE_URL": f"http://{HOST}:{portal_port}",
            "STATIC_ROOT": str(scratch / "static"),
            "CACHE_KEY_PREFIX": "bench",
            "LOG_LEVEL": "WARNING",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        servers = []
        try:
            portal_log, floor_log = scratch / "portal.log", scratch / "floor.log"
            servers.append(
                start("ft3portal.wsgi:application", portal_port, env, portal_log, args, ROOT)
            )
            servers.append(
                start("bench_floor:application", floor_port, env, floor_log, args, ROOT / "scripts")
            )
            wait_for(portal_port, servers[0], portal_log)
            wait_for(floor_port, servers[1], floor_log)
            pages = args.page or pages_to_time(portal_port)
            for page in pages:
                # Rendered and cached before the timing.
                started = time.perf_counter()
                status, _body = get(portal_port, page, timeout=WARM_UP_TIMEOUT)
                took = time.perf_counter() - started
                print(f"  first view of {page}: {status} in {took:.2f} s", flush=True)
            # Every worker (and thread) past its first request, on both servers.
            load(floor_port, "/", args.clients, WARM_UP_SECONDS)
            load(portal_port, pages[0], args.clients, WARM_UP_SECONDS)
            print(f"load: {os.getloadavg()[0]:.1f} (1 min) before timing", flush=True)
            results = {"floor (before)": load(floor_port, "/", args.clients, args.seconds)}
            for page in pages:
                results[page] = load(portal_port, page, args.clients, args.seconds)
                print(f"  {page}: {results[page]['rps']:.0f} req/s", flush=True)
            results["floor (after)"] = load(floor_port, "/", args.clients, args.seconds)
            print(f"load: {os.getloadavg()[0]:.1f} (1 min) after timing")
            # The cache fails open (core/cache.py): a page timed while Redis did not
            # answer within REDIS_TIMEOUT was rendered each time, and says so here.
            unreachable = portal_log.read_text().count("Cache unreachable")
            print(f"cache unreachable (rendered without it for 10 s each): {unreachable} times")
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()

    floor = (results["floor (before)"]["rps"] + results["floor (after)"]["rps"]) / 2
    print(f"\n{args.clients} clients, {args.seconds:g} s per page; floor {floor:.0f} req/s")
    print("| page | req/s | p50 ms | p95 ms | share of the floor | failed |")
    print("|---|---|---|---|---|---|")
    for page, result in results.items():
        share = result["rps"] / floor * 100 if floor else float("nan")
        print(
            f"| `{page}` | {result['rps']:.0f} | {result['p50']:.1f} | {result['p95']:.1f} "
            f"| {share:.0f} % | {result['failed']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
