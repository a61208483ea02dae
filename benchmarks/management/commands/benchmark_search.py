"""`manage.py benchmark_search`: time the search and library pages at scale.

Times whole pages as an anonymous visitor gets them, through the real views with
their middleware and templates (Django's test client; no network): the site search
(`/search/?q=`), the libraries (`/resources/?q=`, `/initiatives/?q=`, with their
facets) for a rare, a medium and a very common word, a ten-word query, a misspelled
word and a country filter; the library with no query and for the busiest country;
the other pages issue 14 sets targets for: a resource's and an initiative's page
(their related work stored first, as the task that follows each change does), the
gap map, the busiest country's page, the pathway, a stage and a barrier page, home.
The cache is cleared before every call, so each is a first view; the content
version is kept across the clear (the content does not change), so what is built once
per content version and kept by the process (the library's facet index,
contributions/facet_index.py; the stage counts and the gap map as it opens,
core.content_version.kept) is reused as in production; `--cold` drops it too, to
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

from barriers.models import Barrier
from benchmarks.generator import Generator, corpus
from contributions import facet_index
from contributions.models import Initiative, Resource
from core import content_version
from pathway.models import Country, Stage
from search.models import Term
from synergies import related

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
            help="Drop what is built once per content version too (facet index, stage counts).",
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

    def busiest_country(self) -> Country:
        busy = (
            Resource.countries.through.objects.values_list("country_id", flat=True)
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        return Country.objects.get(pk=busy) if busy else Country.objects.first()

    def search_rows(self, country: Country, only: str) -> list[Row]:
        """The searches; the words are only looked for (a count per candidate) when
        `only` may select one of these rows."""
        paths = ("/search/", "/resources/", "/initiatives/")
        bands = ("very common word", "medium word", "rare word", "ten-word query", "misspelled")
        if not any(only in f"{path} {band}" for path in paths for band in bands):
            return []
        words = self.words()
        common, medium, rare = (words[band][0] for band in ("very common", "medium", "rare"))
        queries = [
            (f"very common word ({common})", {"q": common}, words["very common"][1]),
            (f"medium word ({medium})", {"q": medium}, words["medium"][1]),
            (f"rare word ({rare})", {"q": rare}, words["rare"][1]),
            ("ten-word query", {"q": TEN_WORDS}, None),
            (f"misspelled ({misspelled(medium)})", {"q": misspelled(medium)}, None),
            (f"{common} in {country.code}", {"q": common, "country": country.code}, None),
        ]
        rows = []
        for path in paths:
            for name, params, hits in queries:
                hits = hits if path == "/resources/" else None
                rows.append(Row(f"{path} {name}", f"{path}?{urlencode(params)}", hits))
        return rows

    def detail_url(self, model, country: Country) -> str:
        """The page of the newest published item for `country`, its related work
        stored as after the task that follows a change (synergies/related.py)."""
        item = model.objects.published().filter(countries=country).order_by("-pk").first()
        if item is None:
            raise CommandError(f"No published {model._meta.verbose_name} in {country.code}.")
        if related.stored_for(item) is None:
            related.refresh(item.kind, item.pk)
        return item.get_absolute_url()

    def rows(self, only: str = "") -> list[Row]:
        country = self.busiest_country()
        stage = Stage.objects.order_by("position")[len(Stage.objects.all()) // 2]
        barrier = Barrier.objects.order_by("pk").first()
        pages = [
            ("/resources/ no query", lambda: "/resources/"),
            ("/initiatives/ no query", lambda: "/initiatives/"),
            (f"/resources/ in {country.code}", lambda: f"/resources/?country={country.code}"),
            (f"/initiatives/ in {country.code}", lambda: f"/initiatives/?country={country.code}"),
            ("resource detail", lambda: self.detail_url(Resource, country)),
            ("initiative detail", lambda: self.detail_url(Initiative, country)),
            ("/gaps/", lambda: "/gaps/"),
            (f"country page {country.code}", lambda: f"/countries/{country.code}/"),
            ("/pathway/", lambda: "/pathway/"),
            ("stage page", stage.get_absolute_url),
            ("barrier page", barrier.get_absolute_url),
            ("home /", lambda: "/"),
        ]
        rows = self.search_rows(country, only)
        rows += [Row(name, url()) for name, url in pages if only in name]
        return rows

    def measure(self, runs: int, only: str = "", cold: bool = False) -> None:
        host = next((h for h in settings.ALLOWED_HOSTS if "*" not in h), "testserver")
        client = Client(HTTP_HOST=host.lstrip("."))
        rows = [row for row in self.rows(only) if only in row.name]
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
                    content_version.forget_kept()
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
