"""Rebuild the synergy finder's stored profiles (synergies/stored.py) from the items.

Saves and tag changes keep them in step; this is for what bypasses them (bulk_create,
QuerySet.update(), SQL, a restored backup). `--stale` refreshes only the items with
no profile or one made with another synonym table or code. Lookups give the same
answers either way: they read the texts of items whose profile is missing or stale.
"""

import time

from django.core.management.base import BaseCommand

from synergies.stored import rebuild_profiles, refresh_stale


class Command(BaseCommand):
    help = "Rebuild the stored similarity profiles of every published item."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--stale",
            action="store_true",
            help="Only items with no stored profile or a stale one.",
        )

    def handle(self, *args, stale: bool, **options) -> None:
        started = time.monotonic()
        stored = refresh_stale() if stale else rebuild_profiles(log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Stored {stored} similarity profiles in {time.monotonic() - started:.1f} s."
            )
        )
