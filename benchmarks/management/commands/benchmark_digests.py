"""Time a full weekly digest run: N subscribers with varied interests, a week of
new content, real Celery workers and a real SMTP server that receives the mail.

    DATABASE_URL=postgres://.../ft3_digestbench REDIS_URL=redis://127.0.0.1:6379/12 \\
        python manage.py benchmark_digests --subscribers 100000

Run it against a scratch database: it refuses to run where real subscriptions
exist, since their digests would be "sent" into its SMTP sink. It starts its own
workers on a queue of their own and an SMTP server on 127.0.0.1 that counts every
recipient (Postfix's smtp-sink where installed, else aiosmtpd from the test extra;
benchmarks/smtp_sinks.py), and removes what it created unless --keep is given.
"""

import os
import random
import resource
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.text import slugify

from barriers.models import Barrier
from benchmarks.smtp_sinks import Sink, make_sink
from contributions.models import Initiative, Resource, Status
from digests import digest, sending
from digests.models import DigestDelivery, Subscription, new_token, start_of_day
from digests.tasks import dispatch
from ft3portal.celery import app as celery_app
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Organisation, StakeholderGroup

DOMAIN = "digest-benchmark.invalid"
SLUG_PREFIX = "digest-benchmark-"
QUEUE = "digest-benchmark"
CHUNK = 5000


class Command(BaseCommand):
    help = "Create N subscribers and a week of content, then time a full digest run."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--subscribers", type=int, default=100_000)
        parser.add_argument("--items", type=int, default=120, help="new items in the week")
        parser.add_argument(
            "--concurrency",
            type=int,
            default=os.cpu_count() or 2,
            help="worker processes (default: one per core)",
        )
        parser.add_argument("--seed", type=int, default=6)
        parser.add_argument("--keep", action="store_true", help="keep the data afterwards")
        parser.add_argument("--timeout", type=int, default=1800, help="seconds to wait")
        parser.add_argument(
            "--sink",
            choices=["auto", "smtp-sink", "aiosmtpd"],
            default="auto",
            help="the SMTP server (auto: Postfix's smtp-sink where installed)",
        )

    def handle(self, *args, **options) -> None:
        self.check_environment()
        rng = random.Random(options["seed"])  # noqa: S311 (test data, not secrets)
        period = digest.current_period("weekly")
        self.remove_benchmark_data()

        started = time.monotonic()
        self.create_items(rng, options["items"], period)
        self.create_subscribers(rng, options["subscribers"], period)
        self.stdout.write(
            f"Created {options['subscribers']:,} subscribers and {options['items']} items "
            f"in {time.monotonic() - started:.0f} s."
        )

        try:
            sink = make_sink(options["sink"]).start()
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"SMTP server: {sink.name}")
        worker = self.start_worker(sink.url, options["concurrency"])
        try:
            own_cpu = time.process_time()
            self.run(period, sink, options)
            own_cpu = time.process_time() - own_cpu
            sink_cpu = sink.cpu_seconds()
        finally:
            worker_stop(worker)
            sink.stop()
            if not options["keep"]:
                self.remove_benchmark_data()
        # A waited-for child's CPU time includes that of its own children (the pool).
        workers_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.stdout.write(
            f"CPU time: workers {workers_cpu.ru_utime + workers_cpu.ru_stime:.0f} s "
            f"(including their start and stop), this process {own_cpu:.0f} s"
            + ("" if sink_cpu is None else f", the SMTP server {sink_cpu:.1f} s")
        )

    def check_environment(self) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Run the benchmark on PostgreSQL: set DATABASE_URL.")
        if not settings.CELERY_BROKER_URL:
            raise CommandError("Run the benchmark with a broker: set REDIS_URL.")
        others = Subscription.objects.exclude(email__endswith="@" + DOMAIN)
        if others.exists():
            raise CommandError(
                f"This database has {others.count()} real subscriptions; run the "
                "benchmark on a scratch database."
            )

    def run(self, period, sink: Sink, options: dict) -> None:
        deliveries = DigestDelivery.objects.filter(period_start=period)
        self.stdout.write(f"Sending the weekly digests of {period} …")
        started = time.monotonic()
        due = dispatch("weekly", period, queue=QUEUE)
        fanned_out = time.monotonic() - started
        deadline = started + options["timeout"]
        while True:
            done = deliveries.filter(status__in=sending.FINISHED).count()
            if done >= due:
                break
            if time.monotonic() > deadline:
                raise CommandError(f"Timed out with {done:,} of {due:,} digests done.")
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        counts = dict(Counter(deliveries.values_list("status", flat=True)))
        sent = counts.get(DigestDelivery.Status.SENT, 0)
        empty = counts.get(DigestDelivery.Status.SKIPPED_EMPTY, 0)
        received, duplicates = sink.wait_for(sent)
        self.stdout.write(
            "\n".join(
                [
                    f"subscribers due:       {due:,}",
                    f"digests sent:          {sent:,}",
                    f"skipped (nothing new): {empty:,}",
                    f"other outcomes:        {sum(counts.values()) - sent - empty:,}",
                    f"received by SMTP:      {received:,} ({duplicates} duplicates)",
                    f"fan-out (selection and enqueueing): {fanned_out:.1f} s",
                    f"full run:              {elapsed:.1f} s",
                    f"throughput:            {sent / elapsed:,.0f} digests/s "
                    f"({due / elapsed:,.0f} subscribers/s)",
                    f"worker processes:      {options['concurrency']} on {os.cpu_count()} cores",
                ]
            )
        )
        if duplicates or received != sent:
            raise CommandError("The SMTP server did not receive exactly one digest per send.")

    # Data ------------------------------------------------------------------------

    def create_items(self, rng: random.Random, count: int, period) -> None:
        group = StakeholderGroup.objects.order_by("pk").first()
        organisation, _created = Organisation.objects.get_or_create(
            slug=SLUG_PREFIX + "organisation",
            defaults={"name": "Digest benchmark", "group": group, "verified": True},
        )
        tags = Tags.load()
        window_start = start_of_day(digest.previous_period_start("weekly", period))
        resources, initiatives = [], []
        for n in range(count):
            published = window_start + timedelta(seconds=rng.randrange(7 * 24 * 3600))
            title = f"Benchmark item {n}: {rng.choice(TOPICS)}"
            fields = {
                "title": title,
                "slug": SLUG_PREFIX + slugify(title),
                "summary": f"{rng.choice(TOPICS)}, for {rng.choice(AUDIENCES)}.",
                "organisation": organisation,
                "status": Status.PUBLISHED,
                "published_at": published,
                "submitted_at": published,
            }
            if rng.random() < 0.7:
                resources.append(
                    Resource(**fields, resource_type="report", url="https://example.org/")
                )
            else:
                initiatives.append(Initiative(**fields, phase="active"))
        with transaction.atomic():
            for model, items in ((Resource, resources), (Initiative, initiatives)):
                model.objects.bulk_create(items)
                tags.tag_items(rng, model, model.objects.filter(slug__startswith=SLUG_PREFIX))

    def create_subscribers(self, rng: random.Random, count: int, period) -> None:
        tags = Tags.load()
        confirmed = start_of_day(period) - timedelta(days=30)
        for offset in range(0, count, CHUNK):
            size = min(CHUNK, count - offset)
            subscriptions = []
            for n in range(offset, offset + size):
                kinds = rng.random()
                subscriptions.append(
                    Subscription(
                        email=f"reader{n}@{DOMAIN}",
                        token=new_token(),
                        confirmed_at=confirmed,
                        include_resources=kinds < 0.9,
                        include_initiatives=kinds > 0.7 or kinds < 0.2,
                        query=tags.query(rng),
                    )
                )
            Subscription.objects.bulk_create(subscriptions)

    def remove_benchmark_data(self) -> None:
        Subscription.objects.filter(email__endswith="@" + DOMAIN).delete()
        Resource.objects.filter(slug__startswith=SLUG_PREFIX).delete()
        Initiative.objects.filter(slug__startswith=SLUG_PREFIX).delete()
        Organisation.objects.filter(slug=SLUG_PREFIX + "organisation").delete()

    # Worker --------------------------------------------------------------------

    def start_worker(self, email_url: str, concurrency: int) -> subprocess.Popen:
        name = f"digest-benchmark-{os.getpid()}@localhost"
        env = {**os.environ, "EMAIL_URL": email_url, "LOG_LEVEL": "WARNING"}
        if settings.DEBUG:
            # Workers run as in production: DEBUG would also log every query they make.
            env |= {
                "DEBUG": "false",
                "SECRET_KEY": secrets.token_urlsafe(48),
                "ALLOWED_HOSTS": "localhost",
            }
        # Our own interpreter running Celery with fixed arguments.
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "ft3portal",
                "worker",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                f"--queues={QUEUE}",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=WARNING",
                f"--hostname={name}",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise CommandError("The Celery worker exited; see its output above.")
            if celery_app.control.ping(destination=[name], timeout=0.5):
                return process
        worker_stop(process)
        raise CommandError("The Celery worker did not start within a minute.")


def worker_stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


TOPICS = [
    "Biomarker testing explained",
    "Reimbursement of companion diagnostics",
    "Molecular tumour boards in practice",
    "Liquid biopsy pathways",
    "NGS panel availability",
    "Patient stories on targeted therapy",
    "Turnaround times in pathology",
    "Access to clinical trials",
]
AUDIENCES = ["patients", "clinicians", "laboratories", "payers", "policy makers"]
# Where most subscribers and most work are, so that interests overlap as they do.
COMMON_COUNTRIES = [
    "DE", "FR", "GB", "ES", "IT", "NL", "BE", "PL", "SE", "US", "CA", "AU", "JP", "IN",
    "BR", "ZA", "KE", "NG", "EG", "SA", "MX", "AR", "CN", "KR", "PT", "IE", "DK", "AT",
]  # fmt: skip


class Tags:
    """The taxonomy as (primary key, library value) pairs, and random tagging of
    items and library queries of subscriptions."""

    def __init__(self, stages, barriers, countries, regions, areas) -> None:
        self.stages = stages
        self.barriers = barriers
        self.countries = countries
        self.regions = regions
        self.areas = areas

    @classmethod
    def load(cls) -> "Tags":
        return cls(
            list(Stage.objects.values_list("pk", "slug")),
            list(Barrier.objects.values_list("pk", "slug")),
            list(Country.objects.filter(code__in=COMMON_COUNTRIES).values_list("pk", "code")),
            list(Region.objects.values_list("pk", "slug")),
            list(TherapeuticArea.objects.values_list("pk", "slug")),
        )

    @staticmethod
    def some(rng: random.Random, values: list, weights: list[float]) -> list:
        """0, 1, 2, … distinct values, how many drawn with `weights`."""
        how_many = rng.choices(range(len(weights)), weights)[0]
        return rng.sample(values, min(how_many, len(values)))

    def tag_items(self, rng: random.Random, model, items) -> None:
        rows: dict[str, list] = {
            name: [] for name in ("stages", "barriers", "countries", "regions", "therapeutic_areas")
        }
        for item in items:
            chosen = {
                "stages": self.some(rng, self.stages, [0, 5, 3, 1]),
                "barriers": self.some(rng, self.barriers, [0, 5, 3, 1]),
                "countries": self.some(rng, self.countries, [2, 5, 2, 1]),
                "regions": self.some(rng, self.regions, [6, 3]),
                "therapeutic_areas": self.some(rng, self.areas, [3, 5, 1]),
            }
            for name, values in chosen.items():
                rows[name] += [(item.pk, pk) for pk, _key in values]
        for name, pairs in rows.items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.bulk_create(
                [through(**{f"{source}_id": item, f"{target}_id": value}) for item, value in pairs]
            )

    def query(self, rng: random.Random) -> str:
        """A subscription's library query, normalised as LibraryQuery writes it."""
        weights = {
            "stage": (self.stages, [4, 4, 2]),
            "barrier": (self.barriers, [6, 3, 1]),
            "country": (self.countries, [5, 4, 1]),
            "region": (self.regions, [8, 2]),
            "area": (self.areas, [6, 3, 1]),
        }
        return urlencode(
            sorted(
                (param, str(key))
                for param, (values, chances) in weights.items()
                for _pk, key in self.some(rng, values, chances)
            )
        )
