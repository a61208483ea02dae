"""Load test of the production configuration, on this machine and loopback only.

It sets up what scripts/smoke_production.py does (production settings, DEBUG off,
`collectstatic`, gunicorn with gunicorn.conf.py on a free 127.0.0.1 port, the demo
content in a database of its own, `<name>_load` next to a PostgreSQL DATABASE_URL,
analysed), then runs CLIENTS concurrent clients for DURATION seconds. Each client
requests a mix of pages and API lists one after the other, without pause, each
request on a new connection (gunicorn's sync workers close it anyway), and waits
at most 30 s for an answer. It prints requests per second, latency percentiles,
every answer other than 200 (an error), and the machine's load while it ran.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ft3portal \\
    REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python scripts/load_test.py --clients 200 --duration 60

Each client sends its own X-Forwarded-For address, and gunicorn trusts one proxy
(TRUSTED_PROXY_COUNT=1), as behind the nginx of docker-compose: the rate limits
count each client apart, as they would count 200 visitors, instead of throttling
one address that makes every request.

Bounded on purpose: at most 500 clients and 300 seconds, and only against the
server it starts on 127.0.0.1. It never targets another host.
"""

import argparse
import http.client
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from smoke_production import (
    ROOT,
    Database,
    free_port,
    production_environment,
    start_gunicorn,
)

MAX_CLIENTS = 500
MAX_DURATION = 300
REQUEST_TIMEOUT = 30

# What visitors and API clients ask for, in proportion: the library and the
# pathway most, searches, item pages, the gap map and the API lists.
MIX = [
    "/",
    "/pathway/",
    "/resources/",
    "/resources/?q=biomarker+testing",
    "/initiatives/",
    "/barriers/",
    "/resources/?stage=testing-decision&country=DE",
    "/gaps/",
    "/api/v1/resources/",
    "/api/v1/initiatives/?page_size=50",
    "/api/v1/barriers/",
    "/search/?q=lung+cancer",
    "{resource}",
    "{initiative}",
    "{stage}",
]


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {}
        self.statuses: Counter = Counter()
        self.errors: Counter = Counter()

    def record(self, path: str, seconds: float, status: int | str) -> None:
        with self.lock:
            self.latencies.setdefault(path, []).append(seconds)
            self.statuses[status] += 1
            if status != 200:
                self.errors[f"{path}: {status}"] += 1


def request(port: int, path: str, address: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request(
            "GET",
            path,
            headers={"X-Forwarded-For": address, "Accept": "text/html,application/json"},
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def client(number: int, port: int, paths: list[str], stop: float, results: Results) -> None:
    address = f"10.77.{number // 250}.{number % 250 + 1}"
    turn = number  # clients start at different places in the mix
    while time.monotonic() < stop:
        path = paths[turn % len(paths)]
        turn += 1
        started = time.monotonic()
        try:
            status: int | str = request(port, path, address)
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
        results.record(path, time.monotonic() - started, status)


def first_link(port: int, path: str, prefix: str) -> str:
    """An item's URL, taken from a listing of the API."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        body = json.loads(connection.getresponse().read())
    finally:
        connection.close()
    results = body["results"] if isinstance(body, dict) else body
    return prefix + results[0]["slug"] + "/"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def load_sampler(stop: float, samples: list[float]) -> None:
    while time.monotonic() < stop:
        samples.append(os.getloadavg()[0])
        time.sleep(5)


def run_load(port: int, clients: int, duration: int) -> dict:
    items = {
        "resource": first_link(port, "/api/v1/resources/", "/resources/"),
        "initiative": first_link(port, "/api/v1/initiatives/", "/initiatives/"),
        "stage": first_link(port, "/api/v1/stages/", "/pathway/"),
    }
    paths = [path.format(**items) for path in MIX]
    results = Results()
    before = os.getloadavg()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    stop = started + duration
    samples: list[float] = []
    threads = [threading.Thread(target=load_sampler, args=(stop, samples), daemon=True)]
    threads += [
        threading.Thread(target=client, args=(n, port, paths, stop, results), daemon=True)
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + REQUEST_TIMEOUT + 10)
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    everything = [value for values in results.latencies.values() for value in values]
    total = len(everything)
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "p50_ms": round(percentile(everything, 0.50) * 1000),
        "p95_ms": round(percentile(everything, 0.95) * 1000),
        "p99_ms": round(percentile(everything, 0.99) * 1000),
        "max_ms": round(max(everything) * 1000),
        "errors": sum(results.errors.values()),
        "statuses": {str(status): count for status, count in results.statuses.items()},
        "error_detail": dict(results.errors.most_common(20)),
        "by_path": {
            path: {
                "requests": len(values),
                "p50_ms": round(statistics.median(values) * 1000),
                "p95_ms": round(percentile(values, 0.95) * 1000),
            }
            for path, values in sorted(results.latencies.items())
        },
        "load_average": {
            "before": round(before[0], 2),
            "during_max": round(max(samples, default=before[0]), 2),
            "after_1min": round(os.getloadavg()[0], 2),
        },
        "cpus": os.cpu_count(),
        "load_client_cpu_seconds": round(
            after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime, 1
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    options = parser.parse_args()
    if not 1 <= options.clients <= MAX_CLIENTS:
        parser.error(f"--clients must be between 1 and {MAX_CLIENTS}")
    if not 1 <= options.duration <= MAX_DURATION:
        parser.error(f"--duration must be between 1 and {MAX_DURATION} seconds")

    with tempfile.TemporaryDirectory(prefix="ft3-load-") as scratch_name:
        scratch = Path(scratch_name)
        database = Database(os.environ.get("DATABASE_URL", ""), scratch, suffix="_load")
        port = free_port()
        env = production_environment(
            database, port, scratch, CACHE_KEY_PREFIX=f"load-{port}", TRUSTED_PROXY_COUNT="1"
        )

        def manage(*args: str) -> None:
            subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        database.create()
        log = scratch / "gunicorn.log"
        server = None
        try:
            manage("migrate", "--noinput")
            manage("loaddemo")
            manage("collectstatic", "--noinput")
            if database.server_url:
                manage("dbshell", "--", "-c", "ANALYZE")
            server = start_gunicorn(env, port, log)
            figures = run_load(port, options.clients, options.duration)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=60)
            database.drop()
    figures["database"] = "PostgreSQL" if database.server_url else "SQLite"
    figures["redis"] = bool(os.environ.get("REDIS_URL"))
    if options.json:
        print(json.dumps(figures, indent=2))
    else:
        report(figures)
    return 1 if figures["errors"] else 0


def report(figures: dict) -> None:
    print(
        f"{figures['clients']} clients, {figures['seconds']} s, {figures['database']}"
        f"{' + Redis' if figures['redis'] else ''}: {figures['requests']} requests, "
        f"{figures['requests_per_second']} req/s, p50 {figures['p50_ms']} ms, "
        f"p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms, "
        f"{figures['errors']} errors"
    )
    load = figures["load_average"]
    print(
        f"load average (1 min) on {figures['cpus']} CPUs: {load['before']} before, "
        f"{load['during_max']} at most during, {load['after_1min']} after; the load "
        f"clients themselves used {figures['load_client_cpu_seconds']} s of CPU"
    )
    for path, row in figures["by_path"].items():
        print(
            f"  {row['requests']:6d}  p50 {row['p50_ms']:6d} ms  p95 {row['p95_ms']:6d} ms  {path}"
        )
    for error, count in figures["error_detail"].items():
        print(f"ERROR {count} x {error}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
