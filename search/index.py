"""What is searchable, and the index that keeps it findable.

Apps register each searchable kind with a function that gives its Document (the
text by weight and its language). Saving a registered object keeps the index in
step:

- the vocabulary (models.Term) learns its words, for spelling correction;
- on SQLite, the FTS5 table `search_fts` holds its words, folded and stemmed in its
  language (text.index_text), one row per object. Its rowid is the object's primary
  key times 8 plus the kind's number, so that a match finds objects by primary key.

On PostgreSQL, the text search vector is built by the kind's own code (a stored,
indexed column for resources and initiatives; on the fly for the small reference
tables): see matching.py.

Rows that data migrations create send no signals, so after every `migrate` (and
`flush`) the index is completed for any kind whose rows it does not all hold.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.signals import post_delete, post_save

from .models import Term
from .text import index_text, words

# Stable numbers of the searchable kinds: they are part of SQLite's index rowids.
KIND_NUMBERS = {
    "resource": 1,
    "initiative": 2,
    "stage": 3,
    "barrier": 4,
    "stakeholdergroup": 5,
    "organisation": 6,
}
ROWID_FACTOR = 8
MAX_TERM_LENGTH = 40


@dataclass(frozen=True)
class Document:
    """What an object is found by, by weight: title (A), summary (B), body (C) and
    tags (D, the English names of what it is tagged with)."""

    language: str = "en"
    title: str = ""
    summary: str = ""
    body: str = ""
    tags: str = ""


@dataclass(frozen=True)
class Indexed:
    kind: str
    model: type[models.Model]
    document: Callable[[models.Model], Document]


REGISTRY: dict[str, Indexed] = {}


def register(
    kind: str,
    model: type[models.Model],
    document: Callable[[models.Model], Document],
    *,
    follow_saves: bool = True,
) -> None:
    """Make `model` searchable as `kind`. With `follow_saves`, each save and delete
    updates the index; otherwise the model calls store() itself (when its document
    depends on more than its own row, e.g. its tags)."""
    REGISTRY[kind] = Indexed(kind, model, document)
    if follow_saves:
        post_save.connect(_stored, sender=model, dispatch_uid=f"search-store-{kind}")
    post_delete.connect(_removed, sender=model, dispatch_uid=f"search-remove-{kind}")


def kind_of(model: type[models.Model]) -> str:
    return next(entry.kind for entry in REGISTRY.values() if entry.model is model)


def _stored(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        store(kind_of(sender), instance.pk, REGISTRY[kind_of(sender)].document(instance))


def _removed(sender, instance, **kwargs) -> None:
    remove(kind_of(sender), instance.pk)


def rowid(kind: str, pk: int) -> int:
    return pk * ROWID_FACTOR + KIND_NUMBERS[kind]


def store(kind: str, pk: int, document: Document, using: str = DEFAULT_DB_ALIAS) -> None:
    """Index an object's document, replacing what was indexed for it before."""
    remember([document.title, document.summary, document.body, document.tags], using=using)
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [rowid(kind, pk)])
        cursor.execute(
            "INSERT INTO search_fts (rowid, title, summary, body, tags) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                rowid(kind, pk),
                index_text(document.title, document.language),
                index_text(document.summary, document.language),
                index_text(document.body, document.language),
                index_text(document.tags, "en"),
            ],
        )


def remove(kind: str, pk: int, using: str = DEFAULT_DB_ALIAS) -> None:
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [rowid(kind, pk)])


def remember(texts: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> None:
    """Add the words of `texts` to the vocabulary."""
    found = {word for text in texts for word in words(text) if 2 <= len(word) <= MAX_TERM_LENGTH}
    Term.objects.using(using).bulk_create(
        [Term(word=word) for word in sorted(found)], ignore_conflicts=True, batch_size=500
    )


def reindex(kind: str, using: str = DEFAULT_DB_ALIAS) -> None:
    """Index every object of `kind` anew."""
    entry = REGISTRY[kind]
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_fts WHERE rowid %% %s = %s",
                [ROWID_FACTOR, KIND_NUMBERS[kind]],
            )
    for instance in entry.model._default_manager.using(using).iterator(chunk_size=500):
        store(kind, instance.pk, entry.document(instance), using=using)


def indexed_count(kind: str, using: str) -> int:
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_fts WHERE rowid %% %s = %s",
            [ROWID_FACTOR, KIND_NUMBERS[kind]],
        )
        return cursor.fetchone()[0]


def complete_after_migrate(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Index what data migrations (or a flush) left unindexed."""
    vocabulary_empty = not Term.objects.using(using).exists()
    sqlite = connections[using].vendor == "sqlite"
    for kind, entry in REGISTRY.items():
        count = entry.model._default_manager.using(using).count()
        if (sqlite and indexed_count(kind, using) != count) or (vocabulary_empty and count):
            reindex(kind, using=using)


@dataclass(frozen=True)
class Fields:
    """A document made of a model's own fields (paths may follow foreign keys), in
    English: for reference content, whose PostgreSQL vector is built on the fly."""

    title: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def by_weight(self) -> dict[str, tuple[str, ...]]:
        return {"A": self.title, "B": self.summary, "C": self.body, "D": self.tags}

    def document(self, instance: models.Model) -> Document:
        def text(paths: tuple[str, ...]) -> str:
            values = []
            for path in paths:
                value = instance
                for name in path.split("__"):
                    value = getattr(value, name, None) if value is not None else None
                values.append(str(value or ""))
            return " ".join(values)

        return Document(
            language="en",
            title=text(self.title),
            summary=text(self.summary),
            body=text(self.body),
            tags=text(self.tags),
        )

    def vector(self):
        """The document as a PostgreSQL search vector expression."""
        from django.contrib.postgres.search import SearchVector

        from .text import configuration

        parts = [
            SearchVector(*paths, weight=weight, config=configuration("en"))
            for weight, paths in self.by_weight().items()
            if paths
        ]
        vector = parts[0]
        for part in parts[1:]:
            vector = vector + part
        return vector
