"""Documents of reference content, made of a model's own fields (index.Fields)."""

from dataclasses import dataclass

from django.db import models

from .index import Document


@dataclass(frozen=True)
class Fields:
    """A document made of a model's own fields (paths may follow foreign keys): for
    reference content, whose PostgreSQL vectors are kept in StoredVector.

    `languages`: the languages besides English that the model's texts are translated
    into (modeltranslation's columns `<field>_<code>`, see core/translated_content.py).
    The title, summary and body are then found in each, stemmed in that language;
    tags stay the English names.
    """

    title: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    def related(self, model: type[models.Model]) -> list[tuple[type[models.Model], str, str]]:
        """(related model, its field, the lookup to it) for each path that follows a
        foreign key ("category__name"), for follow()."""
        found = []
        for paths in self.by_weight().values():
            for path in paths:
                if "__" in path:
                    lookup, name = path.split("__", 1)
                    found.append((model._meta.get_field(lookup).related_model, name, lookup))
        return found

    def prepare(self, queryset: models.QuerySet) -> models.QuerySet:
        """`queryset` loading the rows the document's paths follow."""
        lookups = sorted({lookup for *_, lookup in self.related(queryset.model)})
        return queryset.select_related(*lookups) if lookups else queryset

    def by_weight(self) -> dict[str, tuple[str, ...]]:
        return {"A": self.title, "B": self.summary, "C": self.body, "D": self.tags}

    @staticmethod
    def column(model: type[models.Model], path: str, language: str) -> str | None:
        """The path to `path`'s text in `language` ("category__name_pl"): the
        translated column if the field has one; the field itself in English if not;
        None for another language of a field without translations."""
        *relations, name = path.split("__")
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        names = {field.name for field in model._meta.concrete_fields}
        if f"{name}_{language}" in names:
            return f"{path}_{language}"
        return path if language == "en" else None

    def document(self, instance: models.Model) -> Document:
        model = type(instance)

        def text(paths: tuple[str, ...], language: str) -> str:
            values = []
            for path in paths:
                value = instance
                for name in (self.column(model, path, language) or "").split("__"):
                    value = getattr(value, name, None) if value is not None and name else None
                values.append(str(value or ""))
            return " ".join(values).strip()

        translations = []
        for language in self.languages:
            version = Document(
                language=language,
                title=text(self.title, language),
                summary=text(self.summary, language),
                body=text(self.body, language),
            )
            if version.title or version.summary or version.body:
                translations.append(version)
        return Document(
            language="en",
            title=text(self.title, "en"),
            summary=text(self.summary, "en"),
            body=text(self.body, "en"),
            tags=text(self.tags, "en"),
            translations=tuple(translations),
        )
