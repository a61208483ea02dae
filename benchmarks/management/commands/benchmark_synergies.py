"""`manage.py benchmark_synergies`: time the synergy finder and the gap map at scale.

Fills the database with synthetic published resources and initiatives, then times
the lookups. The text is drawn from the words of the demo content and the reference
barriers, as often as they occur there, mixed with a long tail of made-up rare words
(names of programmes, places, genes, drugs: the words that tell real documents
apart), Zipf-distributed. Tags are drawn from the reference taxonomy. It times:

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
import re
import statistics
import time
from collections.abc import Callable

from django.contrib.postgres.search import SearchVector
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.models import Count, OuterRef, Subquery
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from barriers.models import Barrier, BarrierCategory
from contributions import demo
from contributions.models import SEARCH_CONFIG, TAG_FIELDS, Initiative, Resource, Status
from gaps.coverage import Scope, compare
from gaps.entries import rebuild_entries
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Organisation, StakeholderGroup
from synergies.partners import potential_partners
from synergies.profile import Profile
from synergies.similarity import find_similar, related_to

PREFIX = "synbench-"
ORGANISATIONS = 400
BATCH = 5000
# The made-up rare words, and their share of the words of a text.
TAIL = 50_000
RARE_SHARE = 0.15
# Most work is tagged with one or two countries, a fifth with regions only; a few
# dozen countries hold most of it, as in the real field.
BUSY_COUNTRIES = 40


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
        existing = Resource.objects.filter(slug__startswith=PREFIX).exists()
        if existing and not options["reuse"]:
            raise CommandError(
                "The database already holds synthetic rows: run with --reuse to time them, "
                "or remove them first (run with --reuse once without --keep)."
            )
        self.stdout.write(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
        if not existing:
            started = time.perf_counter()
            self.generate(options["initiatives"], options["resources"])
            self.stdout.write(f"Generated in {time.perf_counter() - started:.0f} s.")
        try:
            self.measure(options["lookups"])
        finally:
            if not options["keep"]:
                self.remove()

    # Synthetic content ----------------------------------------------------------------

    def generate(self, initiatives: int, resources: int) -> None:
        words = Vocabulary(self.rng)
        self.tags = {
            "stages": list(Stage.objects.values_list("pk", flat=True)),
            "barriers": list(Barrier.objects.values_list("pk", flat=True)),
            "regions": list(Region.objects.values_list("pk", flat=True)),
            "therapeutic_areas": list(TherapeuticArea.objects.values_list("pk", flat=True)),
            "audiences": list(StakeholderGroup.objects.values_list("pk", flat=True)),
        }
        countries = list(Country.objects.values_list("pk", flat=True))
        self.busy = self.rng.sample(countries, min(BUSY_COUNTRIES, len(countries)))
        self.countries = countries
        groups = self.tags["audiences"]
        with transaction.atomic():
            organisations = Organisation.objects.bulk_create(
                Organisation(
                    name=f"Synthetic organisation {n}",
                    slug=f"{PREFIX}org-{n}",
                    group_id=self.rng.choice(groups),
                    country_id=self.rng.choice(self.busy),
                    verified=True,
                )
                for n in range(ORGANISATIONS)
            )
            self.organisations = [o.pk for o in organisations]
            self.make(Initiative, initiatives, words, self.initiative_fields)
            self.make(Resource, resources, words, self.resource_fields)
        for model in (Initiative, Resource):
            organisation = Organisation.objects.filter(pk=OuterRef("organisation_id"))
            model.objects.filter(slug__startswith=PREFIX).update(
                search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector(
                    Subquery(organisation.values("name")[:1]), weight="B", config=SEARCH_CONFIG
                )
                + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
                + SearchVector("description", weight="C", config=SEARCH_CONFIG)
            )
        # bulk_create sends no signals: build the gap map's entries in one go.
        rebuild_entries()
        if connection.vendor == "postgresql":
            # What autovacuum would do soon after such a load: fresh planner statistics
            # (the common words of the search vectors among them) and visibility maps.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

    def make(self, model, count: int, words: "Vocabulary", extra: Callable[[int], dict]) -> None:
        kind = model._meta.model_name
        now = timezone.now()
        for start in range(0, count, BATCH):
            rows = []
            for n in range(start, min(count, start + BATCH)):
                published = self.rng.random() < 0.92
                rows.append(
                    model(
                        title=words.sentence(4, 10)[:200],
                        slug=f"{PREFIX}{kind}-{n}",
                        summary=words.sentence(20, 45)[:600],
                        description=words.sentence(30, 80),
                        organisation_id=self.rng.choice(self.organisations),
                        status=Status.PUBLISHED if published else Status.DRAFT,
                        published_at=now - timezone.timedelta(days=self.rng.randint(0, 2000))
                        if published
                        else None,
                        **extra(n),
                    )
                )
            created = model.objects.bulk_create(rows)
            for name in TAG_FIELDS:
                field = getattr(model, name)
                through = field.through
                source = field.field.m2m_field_name()
                target = field.field.m2m_reverse_field_name()
                through.objects.bulk_create(
                    (
                        through(**{f"{source}_id": item.pk, f"{target}_id": tag})
                        for item in created
                        for tag in self.pick(name)
                    ),
                    batch_size=BATCH * 2,
                )
            self.stdout.write(f"  {kind}s: {start + len(rows)} of {count}")

    def pick(self, name: str) -> list:
        rng = self.rng
        if name == "countries":
            if rng.random() < 0.2:
                return []
            pool = self.busy if rng.random() < 0.85 else self.countries
            return rng.sample(pool, rng.randint(1, 2))
        if name == "regions":
            return rng.sample(self.tags["regions"], 1) if rng.random() < 0.3 else []
        if name == "stages":
            first = rng.randrange(len(self.tags["stages"]))
            return self.tags["stages"][first : first + rng.randint(1, 3)]
        sizes = {"barriers": (1, 3), "therapeutic_areas": (1, 2), "audiences": (1, 3)}
        low, high = sizes[name]
        return rng.sample(self.tags[name], rng.randint(low, high))

    def resource_fields(self, n: int) -> dict:
        return {
            "resource_type": self.rng.choice(Resource.Type.values),
            "url": f"https://example.org/synthetic/{n}",
            "year": self.rng.randint(2010, 2025),
        }

    def initiative_fields(self, n: int) -> dict:
        return {"phase": self.rng.choice(Initiative.Phase.values)}

    def remove(self) -> None:
        self.stdout.write("Removing the synthetic rows…")
        with transaction.atomic():
            for model in (Initiative, Resource):
                for name in TAG_FIELDS:
                    field = getattr(model, name)
                    field.through.objects.filter(
                        **{f"{field.field.m2m_field_name()}__slug__startswith": PREFIX}
                    ).delete()
                model.objects.filter(slug__startswith=PREFIX).delete()
            Organisation.objects.filter(slug__startswith=PREFIX).delete()

    # Measures --------------------------------------------------------------------------

    def measure(self, lookups: int) -> None:
        rng = self.rng
        resource_ids = list(
            Resource.objects.published()
            .filter(slug__startswith=PREFIX)
            .values_list("pk", flat=True)[:20_000]
        )
        initiative_ids = list(
            Initiative.objects.published()
            .filter(slug__startswith=PREFIX)
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
        items = [model.objects.with_tags().get(pk=pk) for model, pk in picks]
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
        self.stdout.write(
            f"\n{Resource.objects.published().count()} published resources, "
            f"{Initiative.objects.published().count()} published initiatives; "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} before measuring\n"
        )
        self.stdout.write(f"{'measure':42} {'calls':>5} {'median':>9} {'p95':>9} {'queries':>8}")
        for name, calls in results:
            times, queries = [], set()
            calls[0]()  # warm the caches once
            for call in calls:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    call()
                    times.append((time.perf_counter() - started) * 1000)
                queries.add(len(captured.captured_queries))
            self.stdout.write(
                f"{name:42} {len(times):>5} {statistics.median(times):>7.1f}ms "
                f"{percentile(times, 95):>7.1f}ms {'/'.join(map(str, sorted(queries))):>8}"
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


class Vocabulary:
    """Words to draw from: the demo and reference words (`corpus`) with their own
    frequencies, and TAIL made-up words whose frequencies follow Zipf's law."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.common = corpus()
        syllables = [c + v for c in "bcdfgklmnprstvz" for v in "aeiou"]
        self.rare = ["".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(TAIL)]
        self.rare_weights = list(itertools.accumulate(1 / (n + 1) for n in range(TAIL)))

    def sentence(self, low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        rare = sum(self.rng.random() < RARE_SHARE for _ in range(count))
        words = self.rng.choices(self.common, k=count - rare)
        words += self.rng.choices(self.rare, cum_weights=self.rare_weights, k=rare)
        self.rng.shuffle(words)
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."


def corpus() -> list[str]:
    """Every word of the demo texts and the reference barriers, repeated as often as
    it occurs there, so that sampling from it keeps the words' frequencies."""
    texts = []
    for row in demo.RESOURCES + demo.INITIATIVES:
        texts += [row["title"], row["summary"], row["description"], row.get("outcomes", "")]
    for title, summary, description in Barrier.objects.values_list(
        "title", "summary", "description"
    ):
        texts += [title, summary, description]
    return re.findall(r"[A-Za-z][A-Za-z'-]+", " ".join(texts))


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
