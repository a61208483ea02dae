"""`manage.py benchmark_synergies`: time the synergy finder and the gap map at scale.

Fills the database with synthetic published resources and initiatives, then times
the lookups. The content comes from benchmarks.generator (realistic words in the portal's
languages, tags from the reference taxonomy). It times:

- similarity lookups: the related items of a saved item (detail pages), a reworded
  near-duplicate draft with its tags (the check before submitting), and a title and
  summary alone (the panel beside the form while typing);
- potential partners of an initiative;
- the coverage matrix: everywhere, in one country, two countries compared, and with
  every category expanded to its barriers;

and prints the median and 95th percentile of each, with the queries per call.

Use a database of its own (see README, "Synergies and gaps"). The synthetic rows are
removed at the end unless --keep; --reuse times existing synthetic rows again.
"""

import itertools
import os
import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from barriers.models import BarrierCategory
from benchmarks.generator import Generator
from contributions.models import TAG_FIELDS, Initiative, Resource
from gaps.coverage import Scope, compare
from pathway.models import Country
from synergies import common, partner_index
from synergies.partners import potential_partners
from synergies.profile import Profile
from synergies.similarity import find_similar, related_to

PREFIX = "synbench-"


class Command(BaseCommand):
    help = (
        "Time similarity lookups and the coverage matrix on synthetic content "
        "(default: 20,000 initiatives and 100,000 resources). Use a database of its own."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--initiatives", type=int, default=20_000)
        parser.add_argument("--resources", type=int, default=100_000)
        parser.add_argument("--lookups", type=int, default=50, help="Timed calls per measure.")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--prefix",
            default=PREFIX,
            help="Slug prefix of the synthetic rows: `seed_scale`'s are 'scale-', to time "
            "a database it filled with --reuse --keep.",
        )
        parser.add_argument(
            "--keep", action="store_true", help="Leave the synthetic rows in the database."
        )
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Time the synthetic rows already in the database instead of making new ones.",
        )

    def handle(self, *args, **options) -> None:
        # Seeded, so that two runs time the same content; nothing here is secret.
        self.rng = random.Random(options["seed"])  # noqa: S311
        self.prefix = options["prefix"]
        self.generator = Generator(self.prefix, seed=options["seed"], log=self.stdout.write)
        existing = self.generator.exists()
        if existing and not options["reuse"]:
            raise CommandError(
                "The database already holds synthetic rows: run with --reuse to time them, "
                "or remove them first (run with --reuse once without --keep)."
            )
        self.stdout.write(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
        if not existing:
            started = time.perf_counter()
            self.generator.generate(options["initiatives"], options["resources"])
            self.stdout.write(f"Generated in {time.perf_counter() - started:.0f} s.")
        try:
            self.measure(options["lookups"])
        finally:
            if not options["keep"]:
                self.remove()

    def remove(self) -> None:
        self.stdout.write("Removing the synthetic rows…")
        self.generator.remove()

    # Measures --------------------------------------------------------------------------

    def measure(self, lookups: int) -> None:
        rng = self.rng
        resource_ids = list(
            Resource.objects.published()
            .filter(slug__startswith=self.prefix)
            .values_list("pk", flat=True)[:20_000]
        )
        initiative_ids = list(
            Initiative.objects.published()
            .filter(slug__startswith=self.prefix)
            .values_list("pk", flat=True)[:20_000]
        )
        if not resource_ids or not initiative_ids:
            raise CommandError("No synthetic content to measure.")
        # Five resources for every initiative, as in the content.
        picks = [
            (Resource, rng.choice(resource_ids))
            if n % 6
            else (Initiative, rng.choice(initiative_ids))
            for n in range(lookups)
        ]
        # As related work is worked out (synergies/related.py): with the item's
        # stored profile.
        items = [
            model.objects.with_tags().select_related("similarity_profile").get(pk=pk)
            for model, pk in picks
        ]
        synonyms = synonym_terms()
        drafts = [reworded(rng, item, synonyms) for item in items]
        typed = [Profile(title=d.title, summary=d.summary, language=d.language) for d in drafts]
        partners = [
            Initiative.objects.with_tags()
            .prefetch_related("partner_organisations")
            .get(pk=rng.choice(initiative_ids))
            for _ in range(lookups)
        ]
        countries = list(
            Country.objects.filter(pk__in=self.busy_countries()).values_list("pk", flat=True)
        )
        country_scopes = [Scope(country=Country.objects.get(pk=code)) for code in countries[:10]]
        runs = max(5, lookups // 5)
        every_category = set(BarrierCategory.objects.values_list("slug", flat=True))

        results = [
            ("related items of a saved item", [lambda i=i: related_to(i) for i in items]),
            ("near-duplicate draft with tags", [lambda d=d: find_similar(d) for d in drafts]),
            ("title and summary while typing", [lambda d=d: find_similar(d) for d in typed]),
            ("potential partners", [lambda i=i: potential_partners(i) for i in partners]),
            ("coverage matrix, everywhere", [lambda: compare([Scope()])] * runs),
            (
                "coverage matrix, one country",
                [lambda s=s: compare([s]) for s in country_scopes][:runs],
            ),
            (
                "coverage matrix, two countries compared",
                [lambda a=a, b=b: compare([a, b]) for a, b in itertools.pairwise(country_scopes)][
                    :runs
                ],
            ),
            (
                "coverage matrix, all barriers expanded",
                [lambda: compare([Scope()], expand=every_category)] * runs,
            ),
        ]
        # As the task queued by the last change of content would have done.
        started = time.perf_counter()
        common.forget()
        common.build()
        self.stdout.write(
            f"Common words of the index counted (or found in the cache) in "
            f"{time.perf_counter() - started:.1f} s."
        )
        started = time.perf_counter()
        partner_index.forget()
        partner_index.build()
        self.stdout.write(
            f"Partner index built (or found in the cache) in {time.perf_counter() - started:.1f} s."
        )
        self.stdout.write(
            f"\n{Resource.objects.published().count()} published resources, "
            f"{Initiative.objects.published().count()} published initiatives; "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} before measuring\n"
        )
        # The time in SQL (as the database driver saw it) is printed too: it depends
        # less on the load of a shared machine than the whole lookup in Python does.
        self.stdout.write(
            f"{'measure':42} {'calls':>5} {'median':>9} {'p95':>9} "
            f"{'SQL med':>9} {'SQL p95':>9} {'queries':>8}"
        )
        for name, calls in results:
            times, sql, queries = [], [], set()
            calls[0]()  # warm the caches once
            for call in calls:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    call()
                    times.append((time.perf_counter() - started) * 1000)
                queries.add(len(captured.captured_queries))
                sql.append(1000 * sum(float(q["time"]) for q in captured.captured_queries))
            self.stdout.write(
                f"{name:42} {len(times):>5} {statistics.median(times):>7.1f}ms "
                f"{percentile(times, 95):>7.1f}ms {statistics.median(sql):>7.1f}ms "
                f"{percentile(sql, 95):>7.1f}ms {'/'.join(map(str, sorted(queries))):>8}"
            )
        self.stdout.write(f"\nLoad average {os.getloadavg()[0]:.1f} after measuring.")
        # The lookups are only worth timing if they still find the right thing at scale.
        for name, profiles in (("with tags", drafts), ("from title and summary", typed)):
            found = sum(
                bool(matches) and matches[0].item == item
                for item, matches in zip(
                    items, (find_similar(p, limit=1) for p in profiles), strict=True
                )
            )
            self.stdout.write(
                f"Reworded drafts {name}: the original came first for {found} of {len(items)}."
            )

    def busy_countries(self) -> list[str]:
        """The countries with the most synthetic items, busiest first."""
        through = Resource.countries.through
        return list(
            through.objects.values_list("country_id", flat=True)
            .annotate(n=Count("id"))
            .order_by("-n")[:10]
        )


# Words another organisation would frame the same work with, in English and in the
# languages whose titles the drafts may use (with the language's code).
FRAMES = {
    "en": ["A guide to {}", "{}: a practical guide", "Report on {}", "{} (our programme)"],
    "de": ["Leitfaden: {}", "{}: ein Bericht", "Programm {}"],
    "fr": ["Guide pratique : {}", "{} : un rapport", "Programme {}"],
    "es": ["Guía: {}", "{}: informe", "Programa {}"],
}


def synonym_terms() -> dict[str, list[str]]:
    """{term: the other terms of its synonym entry}, lower-cased, from the table the
    search uses."""
    from search.models import Synonym

    found: dict[str, list[str]] = {}
    for synonym in Synonym.objects.all():
        terms = [t.lower() for t in synonym.term_list()]
        for term in terms:
            found.setdefault(term, []).extend(t for t in terms if t != term)
    return found


def reword_text(rng: random.Random, text: str, synonyms: dict[str, list[str]]) -> str:
    """`text` as someone else would write it: terms replaced by synonyms (acronyms
    for expansions and back, US for UK spelling), singular for plural and back, a
    few words left out, and its two halves in the other order: the words' order
    within each phrase is kept, as a person rewording keeps it."""
    words = text.rstrip(".").split()
    out: list[str] = []
    n = 0
    while n < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[n : n + size]).lower()
            if size <= len(words) - n and phrase in synonyms and rng.random() < 0.8:
                out.append(rng.choice(synonyms[phrase]))
                n += size
                break
        else:
            word = words[n]
            n += 1
            roll = rng.random()
            if roll < 0.12:
                continue
            if roll < 0.25 and len(word) > 4:
                word = word[:-1] if word.endswith("s") else word + "s"
            out.append(word)
    if len(out) >= 4:
        middle = len(out) // 2 + rng.randint(-1, 1)
        out = out[middle:] + out[:middle]
    return " ".join(out or words)


def reworded(rng: random.Random, item, synonyms: dict[str, list[str]]) -> Profile:
    """A near-duplicate draft of `item` as another organisation would submit it: the
    title and summary reworded (reword_text), the title framed in their own words,
    a fifth of the titles in another language, and the same tags."""
    language = "en" if rng.random() < 0.8 else rng.choice(["de", "fr", "es"])
    title = rng.choice(FRAMES[language]).format(reword_text(rng, item.title, synonyms))
    return Profile.from_tags(
        title=title[:200],
        summary=reword_text(rng, item.summary, synonyms),
        kind=item.kind,
        language=language,
        tags={name: getattr(item, name).all() for name in TAG_FIELDS},
    )


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]
