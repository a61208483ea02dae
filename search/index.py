"""What is searchable, and the index that keeps it findable.

Apps register each searchable kind with a function that gives its Document (the
text by weight and its language). Saving a registered object keeps the index in
step:

- the vocabulary (models.Term) learns its words, for spelling correction;
- on SQLite, the FTS5 table `search_fts` holds its words, folded and stemmed in its
  language (text.index_text), one row per object. Its rowid is the object's primary
  key times 8 plus the kind's number, so that a match finds objects by primary key.

On PostgreSQL, resources and initiatives store their text search vector in their
own indexed column, written by their own code (`store_vectors`); every other kind
(reference content) has its vectors stored in models.StoredVector, written here
from the same documents (the whole document, its title and its summary, each
version stemmed in its language): see matching.py.

An object's document may hold the names of other rows (an item's tags, a barrier's
category): follow() re-indexes the objects that name a row when it is renamed or
deleted. Rows that data migrations create send no signals, so after every `migrate`
(and `flush`) the index is completed for any kind whose rows it does not all hold;
`manage.py rebuild_search_index` rebuilds all of it (rebuild()).
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import translation

from .models import StoredVector, Term
from .text import configuration, index_text, words

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
BATCH_SIZE = 500
TERM_BATCH_SIZE = 5000
# Documents per statement into StoredVector (each binds about 130 parameters).
VECTOR_BATCH_SIZE = 100
# The weights of StoredVector's columns.
STORED_WEIGHTS = {"document": "ABCD", "title": "A", "summary": "B"}


@dataclass(frozen=True)
class Document:
    """What an object is found by, by weight: title (A), summary (B), body (C) and
    tags (D, the English names of what it is tagged with). `translations`: the same
    object's texts in other languages (reference content, an item's published
    translations), each stemmed in its own
    language and found like the original."""

    language: str = "en"
    title: str = ""
    summary: str = ""
    body: str = ""
    tags: str = ""
    translations: tuple["Document", ...] = ()

    def versions(self) -> tuple["Document", ...]:
        return (self, *self.translations)

    def indexed(self, weight: str) -> str:
        """The text of one weight ("title", ...) as the SQLite index holds it: each
        version's words stemmed in its language (tags in English)."""
        if weight == "tags":
            return index_text(self.tags, "en")
        return " ".join(
            index_text(getattr(version, weight), version.language) for version in self.versions()
        ).strip()


def _unchanged(queryset: models.QuerySet) -> models.QuerySet:
    return queryset


@dataclass(frozen=True)
class Indexed:
    kind: str
    model: type[models.Model]
    document: Callable[[models.Model], Document]
    # Loads what `document` reads (select_related, prefetch_related), for many rows.
    prepare: Callable[[models.QuerySet], models.QuerySet] = _unchanged
    # Writes the rows' stored PostgreSQL vectors in one statement, if the kind has them.
    store_vectors: Callable[[models.QuerySet], None] | None = None

    def documents(self, queryset: models.QuerySet) -> Iterator[tuple[int, Document]]:
        for instance in self.prepare(queryset).iterator(chunk_size=BATCH_SIZE):
            yield instance.pk, in_source_language(self.document, instance)


def in_source_language(document: Callable[[models.Model], Document], instance) -> Document:
    """The document of `instance` built in the source language, whatever language the
    request that saved it was in: the names of translated rows (a stage, a tag)
    then read their English text; translations are added explicitly (Fields)."""
    with translation.override(settings.LANGUAGE_CODE):
        return document(instance)


REGISTRY: dict[str, Indexed] = {}


def register(
    kind: str,
    model: type[models.Model],
    document: Callable[[models.Model], Document],
    *,
    follow_saves: bool = True,
    prepare: Callable[[models.QuerySet], models.QuerySet] = _unchanged,
    store_vectors: Callable[[models.QuerySet], None] | None = None,
) -> None:
    """Make `model` searchable as `kind`. With `follow_saves`, each save and delete
    updates the index; otherwise the model calls store() itself (when its document
    depends on more than its own row, e.g. its tags). `prepare` and `store_vectors`
    make re-indexing many rows take a few queries (see Indexed)."""
    REGISTRY[kind] = Indexed(kind, model, document, prepare, store_vectors)
    if follow_saves:
        post_save.connect(_stored, sender=model, dispatch_uid=f"search-store-{kind}")
    post_delete.connect(_removed, sender=model, dispatch_uid=f"search-remove-{kind}")


def kind_of(model: type[models.Model]) -> str:
    return next(entry.kind for entry in REGISTRY.values() if entry.model is model)


def _stored(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        kind = kind_of(sender)
        store(kind, instance.pk, in_source_language(REGISTRY[kind].document, instance))


def _removed(sender, instance, **kwargs) -> None:
    remove(kind_of(sender), instance.pk)


def rowid(kind: str, pk: int) -> int:
    return pk * ROWID_FACTOR + KIND_NUMBERS[kind]


def store(kind: str, pk: int, document: Document, using: str = DEFAULT_DB_ALIAS) -> None:
    """Index an object's document, replacing what was indexed for it before."""
    store_many(kind, [(pk, document)], using=using)


def store_many(
    kind: str,
    documents: Iterable[tuple[int, Document]],
    using: str = DEFAULT_DB_ALIAS,
    *,
    learn: bool = True,
) -> set[str]:
    """Index objects' documents ((pk, document) pairs), replacing what was indexed for
    them before; returns the vocabulary of the documents, which `learn` adds to Term."""
    documents = list(documents)
    vocabulary = vocabulary_of(
        text
        for _pk, document in documents
        for version in document.versions()
        for text in (version.title, version.summary, version.body, version.tags)
    )
    if learn:
        learn_words(vocabulary, using=using)
    connection = connections[using]
    if in_table(kind, using) and documents:
        store_vectors(kind, documents, using)
    if connection.vendor != "sqlite" or not documents:
        return vocabulary
    with connection.cursor() as cursor:
        cursor.executemany(
            "DELETE FROM search_fts WHERE rowid = %s", [[rowid(kind, pk)] for pk, _doc in documents]
        )
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, summary, body, tags) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                [
                    rowid(kind, pk),
                    document.indexed("title"),
                    document.indexed("summary"),
                    document.indexed("body"),
                    document.indexed("tags"),
                ]
                for pk, document in documents
            ],
        )
    return vocabulary


def in_table(kind: str, using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether `kind`'s vectors are kept in StoredVector (PostgreSQL, reference content)."""
    entry = REGISTRY.get(kind)
    postgresql = connections[using].vendor == "postgresql"
    return postgresql and entry is not None and entry.store_vectors is None


def vector_sql(document: Document, weights: str = "ABCD") -> tuple[str, list]:
    """The PostgreSQL search vector of `document` (only its parts of `weights`) as
    SQL and parameters: each version's title (A), summary (B) and body (C) stemmed
    in its language, the tags (D) in English, in that order."""
    parts, params = [], []
    for version in document.versions():
        texts = {"A": version.title, "B": version.summary, "C": version.body, "D": version.tags}
        for weight, text in texts.items():
            if weight in weights and text:
                language = "en" if weight == "D" else version.language
                parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
                params += [configuration(language), text, weight]
    return " || ".join(parts) or "''::tsvector", params


def store_vectors(kind: str, documents: list[tuple[int, Document]], using: str) -> None:
    """Write the StoredVector rows of `documents`, replacing the ones they had."""
    table = connections[using].ops.quote_name(StoredVector._meta.db_table)
    columns = ", ".join(STORED_WEIGHTS)
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in STORED_WEIGHTS)
    for start in range(0, len(documents), VECTOR_BATCH_SIZE):
        rows, params = [], []
        for pk, document in documents[start : start + VECTOR_BATCH_SIZE]:
            vectors = [vector_sql(document, weights) for weights in STORED_WEIGHTS.values()]
            rows.append(f"(%s, %s, {', '.join(sql for sql, _params in vectors)})")
            params += [KIND_NUMBERS[kind], pk, *(p for _sql, part in vectors for p in part)]
        with connections[using].cursor() as cursor:
            cursor.execute(
                # Only names and placeholders are formatted in; the texts are parameters.
                f"INSERT INTO {table} (kind, object_id, {columns}) VALUES {', '.join(rows)} "  # noqa: S608
                f"ON CONFLICT (kind, object_id) DO UPDATE SET {updates}",
                params,
            )


def refresh(
    kind: str,
    pks: Iterable[int],
    using: str = DEFAULT_DB_ALIAS,
    *,
    changed: Iterable[str] | None = None,
) -> None:
    """Index the objects of `kind` with primary keys `pks` anew, in batches.

    `changed`: when only these texts of their documents changed (a tag's new name),
    a kind whose stored vectors PostgreSQL builds from the tables needs no documents
    built in Python: its vectors are rewritten and the vocabulary learns `changed`.
    """
    entry = REGISTRY[kind]
    pks = sorted(set(pks))
    in_sql = entry.store_vectors is not None and connections[using].vendor == "postgresql"
    if in_sql and changed is not None:
        remember(changed, using=using)
    for start in range(0, len(pks), BATCH_SIZE):
        rows = entry.model._default_manager.using(using).filter(
            pk__in=pks[start : start + BATCH_SIZE]
        )
        if in_sql:
            entry.store_vectors(rows)
            if changed is not None:
                continue
        store_many(kind, entry.documents(rows), using=using)


def remove(kind: str, pk: int, using: str = DEFAULT_DB_ALIAS) -> None:
    connection = connections[using]
    if in_table(kind, using):
        stored = StoredVector.objects.using(using)
        stored.filter(kind=KIND_NUMBERS[kind], object_id=pk).delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [rowid(kind, pk)])


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """The words of `texts` that the vocabulary keeps."""
    return {word for text in texts for word in words(text) if 2 <= len(word) <= MAX_TERM_LENGTH}


def learn_words(vocabulary: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> None:
    Term.objects.using(using).bulk_create(
        [Term(word=word) for word in sorted(vocabulary)],
        ignore_conflicts=True,
        # One statement for the vocabulary of one object, in every language it is
        # translated into (the backend lowers this to what it can bind).
        batch_size=TERM_BATCH_SIZE,
    )


def remember(texts: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> None:
    """Add the words of `texts` to the vocabulary."""
    learn_words(vocabulary_of(texts), using=using)


def reindex(kind: str, using: str = DEFAULT_DB_ALIAS, *, learn: bool = True) -> set[str]:
    """Index every object of `kind` anew; returns the vocabulary of its documents."""
    entry = REGISTRY[kind]
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_fts WHERE rowid %% %s = %s",
                [ROWID_FACTOR, KIND_NUMBERS[kind]],
            )
    if in_table(kind, using):
        StoredVector.objects.using(using).filter(kind=KIND_NUMBERS[kind]).delete()
    everything = entry.model._default_manager.using(using).all()
    if entry.store_vectors is not None and connection.vendor == "postgresql":
        entry.store_vectors(everything)
    vocabulary: set[str] = set()
    batch: list[tuple[int, Document]] = []
    for pair in entry.documents(everything):
        batch.append(pair)
        if len(batch) == BATCH_SIZE:
            vocabulary |= store_many(kind, batch, using=using, learn=learn)
            batch = []
    vocabulary |= store_many(kind, batch, using=using, learn=learn)
    return vocabulary


def rebuild(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rebuild the whole index: stored vectors, the FTS5 table and the vocabulary,
    which then holds the words of today's documents and no others. Idempotent, and
    in one transaction, so that searches see the old index or the new one."""
    counts: dict[str, int] = {}
    vocabulary: set[str] = set()
    with transaction.atomic(using=using):
        for kind, entry in REGISTRY.items():
            vocabulary |= reindex(kind, using=using, learn=False)
            counts[kind] = entry.model._default_manager.using(using).count()
        terms = Term.objects.using(using)
        stale = sorted(set(terms.values_list("word", flat=True)) - vocabulary)
        for start in range(0, len(stale), BATCH_SIZE):
            terms.filter(word__in=stale[start : start + BATCH_SIZE]).delete()
        learn_words(vocabulary, using=using)
    counts["terms"] = len(vocabulary)
    return counts


@dataclass(frozen=True)
class Follower:
    fields: tuple[str, ...]
    kind: str
    lookup: str


FOLLOWERS: dict[type[models.Model], list[Follower]] = {}


def follow(model: type[models.Model], fields: tuple[str, ...], kind: str, lookup: str) -> None:
    """Keep the documents of `kind` that name `model` rows in step with them: when
    a row's `fields` change, or the row is deleted, the objects of `kind` whose
    `lookup` is that row are indexed anew (an item's tags, a barrier's category)."""
    follower = Follower(tuple(fields), kind, lookup)
    if follower not in FOLLOWERS.setdefault(model, []):
        FOLLOWERS[model].append(follower)
    uid = f"search-follow-{model._meta.label_lower}"
    pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
    post_save.connect(_after_save, sender=model, dispatch_uid=uid)
    pre_delete.connect(_before_delete, sender=model, dispatch_uid=uid)
    post_delete.connect(_after_delete, sender=model, dispatch_uid=f"{uid}-after")


def naming(follower: Follower, instance: models.Model, using: str) -> list[int]:
    """The primary keys of the objects of the follower's kind that name `instance`."""
    rows = REGISTRY[follower.kind].model._default_manager.using(using)
    return list(rows.filter(**{follower.lookup: instance}).values_list("pk", flat=True).distinct())


def _before_save(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if raw or instance._state.adding:
        return
    fields = sorted({name for follower in FOLLOWERS[sender] for name in follower.fields})
    rows = sender._default_manager.using(using).filter(pk=instance.pk)
    instance._search_before = rows.values(*fields).first()


def _after_save(sender, instance, created=False, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    before = instance.__dict__.pop("_search_before", None)
    if raw or created or before is None:
        return
    for follower in FOLLOWERS[sender]:
        new = [str(getattr(instance, name)) for name in follower.fields]
        if any(before[name] != getattr(instance, name) for name in follower.fields):
            refresh(follower.kind, naming(follower, instance, using), using=using, changed=new)


def _before_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    # Read before the delete removes the links (an item's tag rows go with the tag).
    instance._search_named_by = [
        (follower.kind, naming(follower, instance, using)) for follower in FOLLOWERS[sender]
    ]


def _after_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    for kind, pks in instance.__dict__.pop("_search_named_by", []):
        refresh(kind, pks, using=using, changed=[])


def indexed_count(kind: str, using: str) -> int:
    """How many objects of `kind` the index holds: FTS5 rows, or StoredVector rows."""
    if in_table(kind, using):
        return StoredVector.objects.using(using).filter(kind=KIND_NUMBERS[kind]).count()
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_fts WHERE rowid %% %s = %s",
            [ROWID_FACTOR, KIND_NUMBERS[kind]],
        )
        return cursor.fetchone()[0]


def complete_after_migrate(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Index what data migrations (or a flush) left unindexed; nothing when the
    search app is migrated back (its tables are not all there)."""
    sqlite = connections[using].vendor == "sqlite"
    needed = {Term._meta.db_table, StoredVector._meta.db_table, *(["search_fts"] * sqlite)}
    if not needed <= set(connections[using].introspection.table_names()):
        return
    vocabulary_empty = not Term.objects.using(using).exists()
    for kind, entry in REGISTRY.items():
        count = entry.model._default_manager.using(using).count()
        held = sqlite or in_table(kind, using)
        if (held and indexed_count(kind, using) != count) or (vocabulary_empty and count):
            reindex(kind, using=using)
