"""Rebuild the search index from the data: the stored PostgreSQL search vectors, the
SQLite FTS5 table and the vocabulary that spelling suggestions come from.

Saves, tag changes and renames keep the index in step; this is for what bypasses
them (QuerySet.update(), SQL, a restored backup) and after changing how documents
are built. Safe to run at any time and as often as wanted: it runs in one
transaction and gives the same index each time.
"""

import time

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from search import index


class Command(BaseCommand):
    help = "Rebuild the search index: stored vectors, the FTS5 table and the vocabulary."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default)."
        )

    def handle(self, *args, database: str, **options) -> None:
        started = time.monotonic()
        counts = index.rebuild(using=database)
        terms = counts.pop("terms")
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} indexed")
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt: {sum(counts.values())} objects, {terms} words "
                f"in the vocabulary, in {time.monotonic() - started:.1f} s."
            )
        )
