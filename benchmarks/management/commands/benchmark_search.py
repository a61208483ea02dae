"""`manage.py benchmark_search`: time the search and library pages at scale.

Times whole pages as an anonymous visitor gets them, through the real views with
their middleware and templates (Django's test client; no network): the site search
(`/search/?q=`), the libraries (`/resources/?q=`, `/initiatives/?q=`, with their
facets) for a rare, a medium and a very common word, a ten-word query, a misspelled
word and a country filter; the library with no query; the pathway and a stage page.
The cache is cleared before every call, so each is a first view; the content
version is kept across the clear (the content does not change), so what is built once
per content version and kept by the process (the library's facet index,
contributions/facet_index.py) is reused as in production; `--cold` drops it too, to
time the first view after a change.

The words are chosen from the content by how many published resources they find
(printed with each row): the very common one in more than a third of them, the
medium one in 0.5–5 %, the rare one in at most 50.

For each page it prints the median and 95th percentile, the queries per call and
the slowest single query. Run it with DEBUG off, as in production. It fills the
database with benchmarks.generator's content first if it holds none (`--keep`
leaves it there; content already there is reused and left).
"""

import os
import random
import statistics
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.generator import Generator, corpus
from contributions import facet_index
from contributions.models import Resource
from core import content_version
from pathway.models import Country, Stage
from search.models import Term

from .seed_scale import PREFIX

COMMON_SHARE = 1 / 3
MEDIUM_SHARES = (0.005, 0.05)
RARE_HITS = 50
TEN_WORDS = (
    "cost of biomarker testing for lung cancer patients in hospital laboratories "
    "reimbursement access"
)
TARGET_MS = 150


@dataclass
class Row:
    name: str
    url: str
    hits: int | None = None


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def misspelled(word: str) -> str:
    """`word` with two neighbouring letters in its middle swapped."""
    middle = len(word) // 2
    return word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]


class Command(BaseCommand):
    help = (
        "Time the site search, the libraries with their facets and the pathway pages "
        "on synthetic content (default 100,000 resources and 20,000 initiatives)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resources", type=int, default=100_000)
        parser.add_argument("--initiatives", type=int, default=20_000)
        parser.add_argument("--runs", type=int, default=20, help="Timed calls per page.")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--only", default="", help="Time only the pages whose name contains this text."
        )
        parser.add_argument(
            "--keep", action="store_true", help="Leave the content made for the run."
        )
        parser.add_argument(
            "--cold",
            action="store_true",
            help="Drop what is built once per content version too (the facet index).",
        )

    def handle(self, *args, **options) -> None:
        if settings.DEBUG:
            self.stderr.write(
                "DEBUG is on: pages are slower than in production. Run with DEBUG=false "
                "(and SECRET_KEY, ALLOWED_HOSTS set) for figures worth writing down."
            )
        self.rng = random.Random(options["seed"])  # noqa: S311
        generator = Generator(PREFIX, seed=options["seed"], log=self.stdout.write)
        made = False
        if not generator.exists():
            started = time.perf_counter()
            generator.generate(options["initiatives"], options["resources"])
            self.stdout.write(f"Generated in {time.perf_counter() - started:.0f} s.")
            made = True
        try:
            self.measure(options["runs"], options["only"], cold=options["cold"])
        finally:
            if made and not options["keep"]:
                self.stdout.write("Removing the synthetic content…")
                generator.remove()

    def words(self) -> dict[str, tuple[str, int]]:
        """A very common, a medium and a rare word of the content, with their hits
        among published resources."""
        published = Resource.objects.published()
        total = published.count()
        frequency: dict[str, int] = {}
        for word in corpus():
            if len(word) > 4:
                frequency[word.lower()] = frequency.get(word.lower(), 0) + 1
        by_frequency = sorted(frequency, key=frequency.get, reverse=True)
        tail = list(
            Term.objects.filter(word__regex=r"^[a-z]{8,}$")
            .exclude(word__in=by_frequency)
            .order_by("?")
            .values_list("word", flat=True)[:40]
        )
        found: dict[str, tuple[str, int]] = {}
        bands = {
            "very common": lambda n: n > total * COMMON_SHARE,
            "medium": lambda n: MEDIUM_SHARES[0] * total <= n <= MEDIUM_SHARES[1] * total,
            "rare": lambda n: 0 < n <= RARE_HITS,
        }
        pools = {
            "very common": by_frequency[:10],
            "medium": by_frequency[20:400:7],
            "rare": tail,
        }
        for band, accepts in bands.items():
            for word in pools[band]:
                hits = published.search(word).count()
                if accepts(hits):
                    found[band] = (word, hits)
                    break
            else:
                raise CommandError(f"No {band} word in the content: is it filled?")
        return found

    def rows(self) -> list[Row]:
        words = self.words()
        common, medium, rare = (words[band][0] for band in ("very common", "medium", "rare"))
        busy = (
            Resource.countries.through.objects.values_list("country_id", flat=True)
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        country = Country.objects.get(pk=busy) if busy else Country.objects.first()
        queries = [
            (f"very common word ({common})", {"q": common}, words["very common"][1]),
            (f"medium word ({medium})", {"q": medium}, words["medium"][1]),
            (f"rare word ({rare})", {"q": rare}, words["rare"][1]),
            ("ten-word query", {"q": TEN_WORDS}, None),
            (f"misspelled ({misspelled(medium)})", {"q": misspelled(medium)}, None),
            (f"{common} in {country.code}", {"q": common, "country": country.code}, None),
        ]
        rows = []
        for path in ("/search/", "/resources/", "/initiatives/"):
            for name, params, hits in queries:
                hits = hits if path == "/resources/" else None
                rows.append(Row(f"{path} {name}", f"{path}?{urlencode(params)}", hits))
        stage = Stage.objects.order_by("position")[len(Stage.objects.all()) // 2]
        rows += [
            Row("/resources/ no query", "/resources/"),
            Row("/initiatives/ no query", "/initiatives/"),
            Row(f"/resources/ in {country.code}", f"/resources/?country={country.code}", None),
            Row("/pathway/", "/pathway/"),
            Row("stage page", stage.get_absolute_url()),
        ]
        return rows

    def measure(self, runs: int, only: str = "", cold: bool = False) -> None:
        host = next((h for h in settings.ALLOWED_HOSTS if "*" not in h), "testserver")
        client = Client(HTTP_HOST=host.lstrip("."))
        rows = [row for row in self.rows() if only in row.name]
        version = getattr(connection, "pg_version", "")
        self.stdout.write(
            f"\n{Resource.objects.published().count()} published resources; "
            f"{connection.vendor} {version}; "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} before measuring\n"
        )
        header = f"{'page':58} {'median':>8} {'p95':>8} {'queries':>8} {'slowest q':>10}"
        self.stdout.write(header)
        over = []
        for row in rows:
            times, slowest, counts = [], 0.0, set()
            for n in range(runs + 1):
                version = content_version.current()
                for cache in caches.all():
                    cache.clear()
                if cold:
                    facet_index.forget()
                elif version is not None:
                    content_version.page_cache().set(content_version.KEY, version, timeout=None)
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(row.url, secure=True)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise CommandError(f"{row.url} answered {response.status_code}.")
                if n == 0:
                    continue  # the first call warms Python's and the database's caches
                times.append(elapsed)
                counts.add(len(captured.captured_queries))
                slowest = max(
                    [slowest, *(float(q["time"]) * 1000 for q in captured.captured_queries)]
                )
            p95 = percentile(times, 95)
            if p95 >= TARGET_MS:
                over.append(row.name)
            hits = f" [{row.hits} hits]" if row.hits is not None else ""
            self.stdout.write(
                f"{(row.name + hits)[:58]:58} {statistics.median(times):>6.0f}ms "
                f"{p95:>6.0f}ms {'/'.join(map(str, sorted(counts))):>8} {slowest:>8.0f}ms"
            )
        self.stdout.write(f"\nLoad average {os.getloadavg()[0]:.1f} after measuring.")
        if over:
            self.stdout.write(f"p95 at or over {TARGET_MS} ms: {', '.join(over)}.")
