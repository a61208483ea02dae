"""Load the shipped translations of the reference content into the columns that are
still empty (core/translated_content.py). Run it after new or better translations
ship: a text a curator has written in the admin is never overwritten, so running
it again changes only what nobody has translated yet.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import translated_content


class Command(BaseCommand):
    help = "Fill untranslated reference content from the shipped <lang>.json files."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dir",
            type=Path,
            default=None,
            help="Where the <lang>.json files are (default: core/content_translations).",
        )
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            choices=translated_content.languages_to_load(),
            help="Only this language (repeat for several). Default: every language.",
        )
        parser.add_argument(
            "--write-english",
            action="store_true",
            help="Instead, write en.json (the source for translators) from the database.",
        )

    def handle(self, *args, dir: Path | None, languages, write_english: bool, **options):
        directory = dir or Path(translated_content.DIRECTORY)
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory.")
        if write_english:
            path = translated_content.write_english(directory)
            self.stdout.write(self.style.SUCCESS(f"Wrote {path}."))
            return
        try:
            with transaction.atomic():
                reports = translated_content.load(directory=directory, languages=languages)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if not reports:
            self.stdout.write(f"No translation files in {directory}.")
        for report in reports:
            self.stdout.write(
                f"{report.language}: {report.filled} texts filled, "
                f"{report.kept} already translated (kept)."
            )
            for problem in report.problems:
                self.stderr.write(f"{report.language}: not loaded: {problem}")
