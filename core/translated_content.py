"""The shipped translations of the reference content, and loading them.

The reference content (stages, barriers and their categories, stakeholder groups,
therapeutic areas, regions) has a column per language for each translated text
(django-modeltranslation: `name_en`, `name_pl`, ...; see the apps' translation.py).
Its translations ship as one JSON file per language in DIRECTORY (content_translations/),
`<lang>.json`, shaped like `en.json`, the English source they were translated from:

    {"pathway.stage": {"<slug>": {"<field>": "<text>", ...}, ...}, ...}

load() fills the EMPTY translation columns of the rows with those slugs, so that a
curator's edit in the admin is never overwritten, and so that it can run again
after new translations ship (`manage.py load_content_translations`). The data
migrations that add the columns call it too, so that a fresh install has them.

english_content() reads the same shape from the database: en.json must equal it
(tests/core/test_translated_content.py), so a change of English text in a
migration shows up as a change to translate.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps as global_apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import IntegrityError, models, transaction
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation

SOURCE_LANGUAGE = "en"
# Where the shipped translations are: en.json (the source) and <lang>.json.
DIRECTORY = Path(__file__).resolve().parent / "content_translations"


def translated_models(apps=global_apps) -> dict[str, tuple[str, ...]]:
    """The label ("pathway.stage") of each model whose texts are translated, with the
    translated fields, in their declared order. Reference content is keyed on its slug."""
    from modeltranslation.translator import translator

    found = {}
    for model in translator.get_registered_models(abstract=False):
        if not any(f.name == "slug" for f in model._meta.get_fields()):
            continue
        options = translator.get_options_for_model(model)
        found[model._meta.label_lower] = tuple(options.fields)
    return found


def column(name: str, language: str) -> str:
    """The column holding `name` in `language` ("name", "pl" -> "name_pl")."""
    return f"{name}_{language.replace('-', '_')}"


def english_content(apps=global_apps) -> dict[str, dict[str, dict[str, str]]]:
    """The English reference content in the shape of en.json: every row by slug, with
    each translated text that is not empty."""
    content: dict[str, dict[str, dict[str, str]]] = {}
    for label, names in translated_models(apps).items():
        model = apps.get_model(label)
        english = [column(name, SOURCE_LANGUAGE) for name in names]
        rows = model._base_manager.order_by("slug").values_list("slug", *english)
        content[label] = {
            slug: {name: text for name, text in zip(names, texts, strict=True) if text}
            for slug, *texts in rows
        }
    return content


def write_english(directory: Path | None = None) -> Path:
    """Write en.json from the database (after a change of English text)."""
    path = Path(directory or DIRECTORY) / f"{SOURCE_LANGUAGE}.json"
    path.write_text(json.dumps(english_content(), indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def read(path: Path) -> dict[str, dict[str, dict[str, str]]]:
    """A translation file, checked for its shape; ValueError naming the file if not."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not a JSON file in UTF-8 ({error}).") from error
    shaped = isinstance(data, dict) and all(
        isinstance(rows, dict)
        and all(
            isinstance(texts, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items())
            for texts in rows.values()
        )
        for rows in data.values()
    )
    if not shaped:
        raise ValueError(f"{path}: expected {{model label: {{slug: {{field: text}}}}}}.")
    return data


@dataclass
class Report:
    """What load() did for one language."""

    language: str
    filled: int = 0  # empty columns given the shipped text
    kept: int = 0  # columns that already held a text (a curator's, or an earlier load)
    problems: list[str] = field(default_factory=list)  # rows, fields or texts not loaded


def languages_to_load() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def load(
    apps=global_apps,
    *,
    directory: Path | None = None,
    languages: Iterable[str] | None = None,
    app_labels: Iterable[str] | None = None,
) -> list[Report]:
    """Fill the empty translation columns from the shipped `<lang>.json` files.

    `apps`: the app registry (a migration passes its historical one). `app_labels`:
    only the models of these apps (each app's migration loads its own). A language
    without a file is skipped; a row, field or text the database cannot take (an
    unknown slug, a text longer than the column) is reported, not loaded.
    """
    directory = Path(directory or DIRECTORY)
    wanted_apps = set(app_labels) if app_labels is not None else None
    reports = []
    for language in languages if languages is not None else languages_to_load():
        path = directory / f"{language}.json"
        if not path.is_file():
            continue
        report = Report(language)
        for label, rows in read(path).items():
            if wanted_apps is not None and label.split(".")[0] not in wanted_apps:
                continue
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError):
                report.problems.append(f"{label}: no such model")
                continue
            fill(model, rows, language, report)
        reports.append(report)
    return reports


def fill(model: type[models.Model], rows: dict, language: str, report: Report) -> None:
    """Fill `model`'s empty `language` columns from `rows` ({slug: {field: text}})."""
    label = model._meta.label_lower
    for instance in model._base_manager.filter(slug__in=list(rows)).order_by("pk"):
        changed = []
        for name, text in rows[instance.slug].items():
            target = column(name, language)
            try:
                db_field = model._meta.get_field(target)
            except FieldDoesNotExist:
                report.problems.append(f"{label} {instance.slug}: {name} is not translated")
                continue
            text = text.strip()
            if not text:
                continue
            if db_field.max_length and len(text) > db_field.max_length:
                report.problems.append(
                    f"{label} {instance.slug}: {name} is longer than {db_field.max_length}"
                )
                continue
            if getattr(instance, target):
                report.kept += 1
                continue
            setattr(instance, target, text)
            changed.append(target)
        report.filled += save_columns(instance, changed, report)
    missing = sorted(set(rows) - set(model._base_manager.values_list("slug", flat=True)))
    report.problems.extend(f"{label} {slug}: no such row" for slug in missing)


def save_columns(instance: models.Model, columns: list[str], report: Report) -> int:
    """Save these columns of `instance`; how many were saved.

    Only the translation columns: the save signals still re-index the row and bump
    the content version, and nothing else is written. In a savepoint, so that a name
    another row has in this language (names are unique) is reported and the other
    columns and rows are loaded all the same."""
    if not columns:
        return 0
    try:
        with transaction.atomic(using=instance._state.db):
            instance.save(update_fields=columns)
    except IntegrityError:
        if len(columns) > 1:
            return sum(save_columns(instance, [column], report) for column in columns)
        label = instance._meta.label_lower
        report.problems.append(f"{label} {instance.slug}: {columns[0]} is another row's")
        return 0
    return len(columns)


def fingerprint(text: str | None) -> str:
    """A short, stable fingerprint of a text, to recognise a shipped text that nobody
    has edited without keeping the whole text in a migration."""
    return hashlib.sha256((text or "").strip().encode()).hexdigest()[:16]


def replace_shipped(
    apps,
    english: dict[str, dict[str, dict[str, tuple[str, str]]]],
    earlier: dict[str, dict[str, dict[str, dict[str, str]]]],
    *,
    directory: Path | None = None,
) -> None:
    """Replace reference texts that still read as they shipped with newer ones.

    For a data migration that rewrites shipped texts. `english`: {label: {slug: {field:
    (old text, new text)}}}, replaced where the row's English still equals the old
    text. `earlier`: {language: {label: {slug: {field: fingerprint of the text shipped
    before}}}}, each replaced by the text of the current `<language>.json` where the
    column still has that fingerprint. A text a curator has edited, in any language,
    is kept; so is one that already holds the new text.
    """
    for label, rows in english.items():
        model = apps.get_model(label)
        for instance in model._base_manager.filter(slug__in=list(rows)):
            changes = {}
            for name, (old, new) in rows[instance.slug].items():
                english = column(name, SOURCE_LANGUAGE)
                current = getattr(instance, english) or getattr(instance, name)
                if (current or "").strip() == old.strip():
                    changes[name] = changes[english] = new
            if changes:
                model._base_manager.filter(pk=instance.pk).update(**changes)
    directory = Path(directory or DIRECTORY)
    for language, labels in earlier.items():
        path = directory / f"{language}.json"
        shipped = read(path) if path.is_file() else {}
        for label, rows in labels.items():
            model = apps.get_model(label)
            for instance in model._base_manager.filter(slug__in=list(rows)):
                changes = {}
                for name, old in rows[instance.slug].items():
                    target = column(name, language)
                    text = shipped.get(label, {}).get(instance.slug, {}).get(name, "").strip()
                    if text and fingerprint(getattr(instance, target)) == old:
                        changes[target] = text
                if changes:
                    model._base_manager.filter(pk=instance.pk).update(**changes)


class TranslatedModel(models.Model):
    """The base of models with translated columns: saved in the source language.

    modeltranslation keeps the original column (`name`) beside the per-language ones
    (`name_en`, `name_pl`, ...) and writes into it the text of the language active
    at the save. Saving in English keeps it the English text, whoever saves (a
    curator working in Polish), for what reads it directly: SQL across relations,
    the stored search vectors, a migration going back. The save signals (search
    index, content version) run in English as well.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        with translation.override(SOURCE_LANGUAGE):
            super().save(*args, **kwargs)


def in_active_language(path: str) -> Coalesce:
    """A translated text across a relation ("countries__name") in the active
    language, else English: modeltranslation rewrites a model's own fields in
    values() but not the fields of related models."""
    local = column(path, translation.get_language() or SOURCE_LANGUAGE)
    text = models.TextField()
    return Coalesce(
        NullIf(local, Value(""), output_field=text),
        column(path, SOURCE_LANGUAGE),
        output_field=text,
    )
