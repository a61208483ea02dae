"""Rewritten reference texts (the plain-language migrations of issue #18) replace what
an install holds only where it still reads as shipped: a curator's edit is kept, in
English and in every language (core.translated_content.replace_shipped)."""

import importlib
import json
from pathlib import Path

import pytest
from django.apps import apps as django_apps

from core import translated_content
from core.translated_content import fingerprint, replace_shipped
from pathway.models import Stage

pytestmark = pytest.mark.django_db

MIGRATIONS = [
    "pathway.migrations.0005_plain_language",
    "barriers.migrations.0004_plain_language",
    "stakeholders.migrations.0006_plain_language",
]
OLD_SUMMARY = "The old English summary."
NEW_SUMMARY = "The new, plain summary."
OLD_POLISH = "Stare polskie podsumowanie."
NEW_POLISH = "Nowe, proste podsumowanie."


@pytest.fixture
def shipped(tmp_path) -> Path:
    (tmp_path / "pl.json").write_text(
        json.dumps({"pathway.stage": {"monitoring": {"summary": NEW_POLISH}}}), encoding="utf-8"
    )
    return tmp_path


def rewrite(directory: Path) -> None:
    replace_shipped(
        django_apps,
        {"pathway.stage": {"monitoring": {"summary": [OLD_SUMMARY, NEW_SUMMARY]}}},
        {"pl": {"pathway.stage": {"monitoring": {"summary": fingerprint(OLD_POLISH)}}}},
        directory=directory,
    )


def test_texts_that_read_as_shipped_are_replaced_in_every_language(shipped):
    Stage.objects.filter(slug="monitoring").update(
        summary=OLD_SUMMARY, summary_en=OLD_SUMMARY, summary_pl=OLD_POLISH
    )
    rewrite(shipped)
    stage = Stage.objects.get(slug="monitoring")
    assert (stage.summary, stage.summary_en, stage.summary_pl) == (
        NEW_SUMMARY,
        NEW_SUMMARY,
        NEW_POLISH,
    )


def test_a_curators_edit_is_kept_in_english_and_in_a_translation(shipped):
    Stage.objects.filter(slug="monitoring").update(
        summary="Edited by a curator.",
        summary_en="Edited by a curator.",
        summary_pl="Poprawione przez kuratora.",
    )
    rewrite(shipped)
    stage = Stage.objects.get(slug="monitoring")
    assert (stage.summary_en, stage.summary_pl) == (
        "Edited by a curator.",
        "Poprawione przez kuratora.",
    )


def test_running_it_again_changes_nothing(shipped):
    Stage.objects.filter(slug="monitoring").update(summary_en=OLD_SUMMARY, summary_pl=OLD_POLISH)
    rewrite(shipped)
    rewrite(shipped)
    stage = Stage.objects.get(slug="monitoring")
    assert (stage.summary_en, stage.summary_pl) == (NEW_SUMMARY, NEW_POLISH)


@pytest.mark.parametrize("name", MIGRATIONS)
def test_the_migration_brings_an_old_install_to_the_shipped_english(name):
    migration = importlib.import_module(name)
    english = translated_content.english_content()
    for label, rows in migration.ENGLISH.items():
        model = django_apps.get_model(label)
        for slug, fields in rows.items():
            model.objects.filter(slug=slug).update(
                **{f"{field}_en": old for field, (old, _new) in fields.items()},
                **{field: old for field, (old, _new) in fields.items()},
            )
    migration.rewrite(django_apps, None)
    assert translated_content.english_content() == english


@pytest.mark.parametrize("name", MIGRATIONS)
def test_every_rewritten_translation_ships_a_new_text(name):
    """The fingerprints are of the texts shipped before: each language file now has
    another text there, which a new install holds."""
    migration = importlib.import_module(name)
    for language, labels in migration.EARLIER_TRANSLATIONS.items():
        shipped = translated_content.read(translated_content.DIRECTORY / f"{language}.json")
        for label, rows in labels.items():
            model = django_apps.get_model(label)
            for slug, fields in rows.items():
                row = model.objects.get(slug=slug)
                for field, earlier in fields.items():
                    text = shipped[label][slug][field]
                    assert fingerprint(text) != earlier, (language, slug, field)
                    assert getattr(row, f"{field}_{language}") == text
