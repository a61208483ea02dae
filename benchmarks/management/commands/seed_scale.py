"""`manage.py seed_scale --resources N --initiatives M`: fill a database with
realistic synthetic content at a given size (benchmarks.generator), to measure or
try the portal at scale. `--remove` takes it out again."""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from benchmarks.generator import Generator, synthetic_counts

PREFIX = "scale-"


class Command(BaseCommand):
    help = (
        "Fill the database with realistic synthetic resources and initiatives in the "
        "portal's languages (published, tagged, indexed for search). Use a database of "
        "its own."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resources", type=int, default=100_000)
        parser.add_argument("--initiatives", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--remove", action="store_true", help="Remove the synthetic content instead."
        )

    def handle(self, *args, **options) -> None:
        generator = Generator(PREFIX, seed=options["seed"], log=self.stdout.write)
        if options["remove"]:
            generator.remove()
            self.stdout.write("Removed the synthetic content.")
            return
        if options["resources"] < 0 or options["initiatives"] < 0:
            raise CommandError("Give sizes of zero or more.")
        if generator.exists():
            raise CommandError(
                "The database already holds synthetic content: run with --remove first."
            )
        self.stdout.write(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
        started = time.perf_counter()
        generator.generate(options["initiatives"], options["resources"])
        counts = ", ".join(f"{n} published {name}" for name, n in synthetic_counts(PREFIX))
        self.stdout.write(f"Made {counts} in {time.perf_counter() - started:.0f} s.")
