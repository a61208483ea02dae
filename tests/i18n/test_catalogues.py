"""The six interface catalogues are complete, well-formed and up to date: a string
added to the code without its translations fails here (and so CI)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from .support import CATALOGUE_LANGUAGES, catalogue, catalogue_path, placeholders

ROOT = Path(settings.BASE_DIR)
# What `make messages` leaves out of the extraction (Makefile), and what a copy of
# the project for a fresh extraction does not need.
NOT_EXTRACTED = [
    ".venv", "node_modules", "tests", "benchmarks", "scripts", "screenshots",
    "staticfiles", ".git", "locale", "test-results",
]  # fmt: skip


def entry_name(entry) -> str:
    return repr(entry.msgid[:70])


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_interface_string_is_translated(language):
    po = catalogue(language)
    untranslated = [entry_name(entry) for entry in po.untranslated_entries()]
    fuzzy = [entry_name(entry) for entry in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:20]}"


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_the_catalogue_header_names_its_language_and_plural_rule(language):
    po = catalogue(language)
    # msgfmt leaves out a fuzzy header, and with it the plural rule.
    assert not po.metadata_is_fuzzy, f"the header of {language} is marked fuzzy"
    assert po.metadata.get("Language") == language
    assert "nplurals=" in po.metadata.get("Plural-Forms", "")
    assert "charset=UTF-8" in po.metadata.get("Content-Type", "")


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_translations_keep_the_placeholders_of_their_message(language):
    po = catalogue(language)
    plural_forms = po.metadata.get("Plural-Forms", "")
    nplurals = int(plural_forms.split("nplurals=")[1].split(";")[0]) if plural_forms else 2
    wrong = []
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            if placeholders(entry.msgstr) != placeholders(entry.msgid):
                wrong.append(f"{entry_name(entry)}: {entry.msgstr!r}")
            continue
        if len(entry.msgstr_plural) != nplurals:
            wrong.append(f"{entry_name(entry)}: {len(entry.msgstr_plural)} forms, not {nplurals}")
        allowed = set(placeholders(entry.msgid_plural)) | set(placeholders(entry.msgid))
        for form in entry.msgstr_plural.values():
            # A form may leave the number out ("one key"), never add a placeholder
            # that the code does not fill.
            if not set(placeholders(form)) <= allowed:
                wrong.append(f"{entry_name(entry)}: {form!r}")
        used = {p for form in entry.msgstr_plural.values() for p in placeholders(form)}
        if lost := set(placeholders(entry.msgid_plural)) - used:
            wrong.append(f"{entry_name(entry)}: no form shows {sorted(lost)}")
    assert not wrong, f"{language}: {wrong[:20]}"


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs GNU gettext's msgfmt")
@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_msgfmt_check_accepts_the_catalogue(language, tmp_path):
    result = subprocess.run(
        [
            "msgfmt",
            "--check",
            "--statistics",
            "-o",
            str(tmp_path / "django.mo"),
            str(catalogue_path(language)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def message_ids(po) -> set[tuple]:
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext's xgettext")
def test_the_catalogues_hold_exactly_the_strings_of_the_code(tmp_path):
    # A fresh extraction, as `make messages` makes it, from a copy of the project
    # (makemessages writes into the project's locale/ folder, which stays as it is).
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_EXTRACTED, "*.pyc", "*.mo"))
    (copy / "locale").mkdir()
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-obsolete"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    fresh = message_ids(polib.pofile(str(copy / "locale/es/LC_MESSAGES/django.po")))
    assert fresh, "the extraction found no string"
    for language in CATALOGUE_LANGUAGES:
        held = message_ids(catalogue(language))
        missing = sorted(str(m[1])[:70] for m in fresh - held)
        stale = sorted(str(m[1])[:70] for m in held - fresh)
        assert not missing and not stale, (
            f"{language}: run `make messages` and translate: "
            f"{len(missing)} new {missing[:10]}, {len(stale)} gone {stale[:10]}"
        )
