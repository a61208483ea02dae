"""The shipped translations of the reference content: loading them into empty columns
only, re-running, bad files; and the checks that keep en.json and the shipped
<lang>.json files in step with the database and with each other."""

import json
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import models

from barriers.models import Barrier, BarrierCategory
from core import translated_content
from pathway.models import Region, Stage

pytestmark = pytest.mark.django_db

SHIPPED = Path(translated_content.DIRECTORY)
ENGLISH = json.loads((SHIPPED / "en.json").read_text(encoding="utf-8"))
LANGUAGE_FILES = sorted(SHIPPED.glob("*.json"))
MARKDOWN_FIELDS = {"description"}
ONE_PER_LINE_FIELDS = {"patient_questions"}


def write(directory: Path, language: str, data) -> Path:
    path = directory / f"{language}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def clear(model: type[models.Model], language: str) -> None:
    """Forget what the migrations loaded for `language`, so that a test starts empty."""
    names = translated_content.translated_models()[model._meta.label_lower]
    model.objects.update(**{translated_content.column(name, language): None for name in names})


@pytest.fixture
def polish(tmp_path) -> Path:
    clear(Stage, "pl")
    clear(Region, "pl")
    write(
        tmp_path,
        "pl",
        {
            "pathway.stage": {
                "monitoring": {
                    "name": "Monitorowanie i życie z chorobą",
                    "patient_questions": "Czy potrzebuję nowych badań?\nJak to sprawdzimy?",
                }
            },
            "pathway.region": {"europe": {"name": "Europa"}},
        },
    )
    return tmp_path


def test_it_fills_empty_columns_from_the_language_file(polish):
    [report] = translated_content.load(directory=polish)
    assert (report.language, report.filled, report.kept, report.problems) == ("pl", 3, 0, [])
    stage = Stage.objects.get(slug="monitoring")
    assert stage.name_pl == "Monitorowanie i życie z chorobą"
    assert stage.patient_questions_pl.splitlines()[1] == "Jak to sprawdzimy?"
    assert stage.name_en == "Monitoring & living with the disease"
    assert stage.summary_pl is None
    assert Region.objects.get(slug="europe").name_pl == "Europa"


def test_it_never_overwrites_a_curators_translation(polish):
    Stage.objects.filter(slug="monitoring").update(name_pl="Monitorowanie (kurator)")
    [report] = translated_content.load(directory=polish)
    assert (report.filled, report.kept) == (2, 1)
    assert Stage.objects.get(slug="monitoring").name_pl == "Monitorowanie (kurator)"


def test_running_it_again_changes_nothing(polish):
    translated_content.load(directory=polish)
    [again] = translated_content.load(directory=polish)
    assert (again.filled, again.kept) == (0, 3)


def test_languages_without_a_file_are_skipped(polish):
    assert [report.language for report in translated_content.load(directory=polish)] == ["pl"]
    assert translated_content.load(directory=polish, languages=["de", "fr"]) == []


def test_it_reports_rows_fields_and_texts_it_cannot_load(tmp_path):
    clear(Stage, "de")
    write(
        tmp_path,
        "de",
        {
            "pathway.stage": {
                "no-such-stage": {"name": "Nichts"},
                "monitoring": {"slug": "ueberwachung", "name": "Ü" * 121, "summary": "Kurz."},
            },
            "pathway.nothing": {"x": {"name": "y"}},
        },
    )
    [report] = translated_content.load(directory=tmp_path)
    assert report.filled == 1
    assert sorted(report.problems) == [
        "pathway.nothing: no such model",
        "pathway.stage monitoring: name is longer than 120",
        "pathway.stage monitoring: slug is not translated",
        "pathway.stage no-such-stage: no such row",
    ]
    stage = Stage.objects.get(slug="monitoring")
    assert (stage.slug, stage.name_de, stage.summary_de) == ("monitoring", None, "Kurz.")


def test_a_name_another_row_has_is_reported_and_the_rest_loaded(tmp_path):
    clear(BarrierCategory, "it")
    write(
        tmp_path,
        "it",
        {
            "barriers.barriercategory": {
                "equity": {"name": "Equità", "description": "Accesso per tutti."},
                "data-evidence": {"name": "Equità"},
            }
        },
    )
    [report] = translated_content.load(directory=tmp_path)
    later = BarrierCategory.objects.filter(slug__in=["equity", "data-evidence"]).order_by("pk")
    assert report.problems == [
        f"barriers.barriercategory {later.last().slug}: name_it is another row's"
    ]
    assert BarrierCategory.objects.filter(name_it="Equità").count() == 1
    assert BarrierCategory.objects.get(slug="equity").description_it == "Accesso per tutti."


def test_a_malformed_file_is_a_clear_error(tmp_path):
    (tmp_path / "fr.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"fr\.json: not a JSON file"):
        translated_content.load(directory=tmp_path)
    write(tmp_path, "fr", {"pathway.stage": {"monitoring": {"name": 3}}})
    with pytest.raises(ValueError, match="expected"):
        translated_content.load(directory=tmp_path)


def test_the_command_loads_and_reports(polish, capsys):
    Region.objects.filter(slug="europe").update(name_pl="Europa (kurator)")
    call_command("load_content_translations", "--dir", str(polish))
    out = capsys.readouterr().out
    assert "pl: 2 texts filled, 1 already translated (kept)." in out
    assert Region.objects.get(slug="europe").name_pl == "Europa (kurator)"


def test_the_command_refuses_a_bad_file_or_directory(tmp_path):
    (tmp_path / "it.json").write_text("[]", encoding="utf-8")
    with pytest.raises(CommandError, match="expected"):
        call_command("load_content_translations", "--dir", str(tmp_path))
    with pytest.raises(CommandError, match="is not a directory"):
        call_command("load_content_translations", "--dir", str(tmp_path / "missing"))


def test_the_command_writes_en_json_from_the_database(tmp_path):
    BarrierCategory.objects.filter(slug="equity").update(description_en="New English text.")
    call_command("load_content_translations", "--dir", str(tmp_path), "--write-english")
    written = json.loads((tmp_path / "en.json").read_text(encoding="utf-8"))
    assert written["barriers.barriercategory"]["equity"]["description"] == "New English text."
    assert written["pathway.stage"] == ENGLISH["pathway.stage"]


def test_en_json_is_the_english_reference_content_of_a_migrated_database():
    """A change of the English text (a migration, a curator) must update en.json
    (`manage.py load_content_translations --write-english`), so that translators see it."""
    assert translated_content.english_content() == ENGLISH


def test_en_json_covers_every_translated_model_and_field():
    expected = {
        label: set(names) for label, names in translated_content.translated_models().items()
    }
    found = {
        label: {name for texts in rows.values() for name in texts}
        for label, rows in ENGLISH.items()
    }
    assert found == expected
    assert set(ENGLISH["barriers.barrier"]) == set(Barrier.objects.values_list("slug", flat=True))


def paragraphs(text: str) -> int:
    return len([part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()])


def lines(text: str) -> int:
    return len([line for line in text.splitlines() if line.strip()])


def mismatches(translation: dict) -> list[str]:
    """How a translation differs from en.json in shape: missing or extra keys, empty
    texts, another number of questions (one a line) or of Markdown paragraphs, and
    texts longer than their column."""
    keys = {
        (label, slug, name)
        for label, rows in ENGLISH.items()
        for slug, texts in rows.items()
        for name in texts
    }
    found = {
        (label, slug, name)
        for label, rows in translation.items()
        for slug, texts in rows.items()
        for name in texts
    }
    problems = [f"missing {' '.join(key)}" for key in sorted(keys - found)]
    problems += [f"extra {' '.join(key)}" for key in sorted(found - keys)]
    for label, slug, name in sorted(keys & found):
        english, text = ENGLISH[label][slug][name], translation[label][slug][name]
        where = f"{label} {slug} {name}"
        max_length = django_apps.get_model(label)._meta.get_field(name).max_length
        if not text.strip():
            problems.append(f"empty {where}")
        elif name in ONE_PER_LINE_FIELDS and lines(text) != lines(english):
            problems.append(f"lines {where}")
        elif name in MARKDOWN_FIELDS and paragraphs(text) != paragraphs(english):
            problems.append(f"paragraphs {where}")
        elif max_length and len(text) > max_length:
            problems.append(f"too long {where}")
    for label, rows in translation.items():
        model = django_apps.get_model(label)
        for name in {name for texts in rows.values() for name in texts}:
            if model._meta.get_field(name).unique:
                texts = [texts[name] for texts in rows.values() if name in texts]
                problems += [
                    f"twice {label} {name} {text}" for text in set(texts) if texts.count(text) > 1
                ]
    return problems


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=[path.stem for path in LANGUAGE_FILES])
def test_a_shipped_translation_matches_the_english_source(path):
    """Exactly en.json's keys, no empty text, the same questions and paragraphs,
    and texts that fit their columns."""
    if path.stem == translated_content.SOURCE_LANGUAGE:
        assert mismatches(ENGLISH) == []
        return
    assert path.stem in translated_content.languages_to_load()
    assert mismatches(translated_content.read(path)) == []


def test_the_shipped_translation_check_finds_each_kind_of_mismatch():
    translation = json.loads(json.dumps(ENGLISH))
    stage = translation["pathway.stage"]["monitoring"]
    stage["patient_questions"] = stage["patient_questions"].replace("\n", " ", 1)
    stage["description"] = stage["description"].replace("\n\n", " ")
    stage["name"] = "x" * 121
    translation["pathway.region"]["europe"]["name"] = " "
    del translation["barriers.barrier"][next(iter(ENGLISH["barriers.barrier"]))]
    translation["pathway.region"]["atlantis"] = {"name": "Atlantis"}
    translation["pathway.region"]["africa"]["name"] = translation["pathway.region"]["asia-pacific"][
        "name"
    ]
    kinds = sorted({problem.split()[0] for problem in mismatches(translation)})
    assert kinds == ["empty", "extra", "lines", "missing", "paragraphs", "too", "twice"]


def test_every_language_but_english_is_loaded():
    assert translated_content.languages_to_load() == ["es", "fr", "de", "pt", "pl", "it"]


def test_english_is_the_source_and_the_fallback():
    """modeltranslation takes the first of LANGUAGES as its default language."""
    from modeltranslation import settings as mt_settings

    assert mt_settings.DEFAULT_LANGUAGE == translated_content.SOURCE_LANGUAGE == "en"
    assert mt_settings.FALLBACK_LANGUAGES == {"default": ("en",)}
