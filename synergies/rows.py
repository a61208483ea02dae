"""The candidates' rows: what a lookup reads of the items worth scoring (see
candidates.py), in one query per kind, with their stored profiles
(models.SimilarityProfile); and the tags of items without one, in one query.

Rows are read as tuples, not model instances: a lookup scores many candidates and
compares the texts of a few (bounds.py), and builds the instances of those only."""

import functools
from typing import NamedTuple

from django.db import connection

from contributions.models import KINDS, Contribution

from .candidates import published
from .profile import Candidate, Profile, Row, is_current
from .wording import Concepts


def load_candidates(
    model: type[Contribution], profile: Profile, ids: set[int], concepts: Concepts | None = None
) -> list[Candidate]:
    """The candidate rows with their stored profiles, one query. Their text is
    compared in Python (similarity.py), the same way on every database: as their
    stored profiles read it when current for `concepts` (see stored_candidate),
    otherwise read now.

    Rows as tuples: a lookup builds the model instances (with their organisation)
    of the few candidates it compares only (Candidate.item), from the same row."""
    if not ids:
        return []
    item_fields, organisation_fields = row_fields(model)
    rows = (
        published(model, profile)
        .filter(pk__in=ids)
        .values_list(
            *item_fields,
            *(f"organisation__{name}" for name in organisation_fields),
            *(f"similarity_profile__{name}" for name in StoredColumns._fields),
        )
    )
    kind, db = model._meta.model_name, rows.db
    organisation_model = model._meta.get_field("organisation").related_model
    shown, stored_at = len(item_fields), len(item_fields) + len(organisation_fields)
    candidates = []
    for values in rows:
        item = dict(zip(item_fields, values[:shown], strict=True))
        stored = StoredColumns(*values[stored_at:])
        candidate = candidate_of(
            Row(
                kind,
                item[model._meta.pk.attname],
                item["title"],
                item["summary"],
                item["language"],
                item["organisation_id"],
            ),
            stored if stored.version is not None else None,
            concepts,
        )
        candidate.build = functools.partial(
            build_item,
            model,
            db,
            item_fields,
            values[:shown],
            organisation_model,
            organisation_fields,
            values[shown:stored_at],
        )
        candidates.append(candidate)
    return candidates


class StoredColumns(NamedTuple):
    """The columns of a stored profile (models.SimilarityProfile) a lookup reads."""

    version: str | None
    source: str | None
    keys: str | None
    reach: str | None
    tags: dict | None


# Left out of the candidates' rows: long, and no page showing matches reads them.
LEFT_OUT = ("description", "search_vector")


@functools.cache
def row_fields(model: type[Contribution]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns of a candidate's row: its own, and its organisation's."""
    organisation = model._meta.get_field("organisation").related_model
    return (
        tuple(f.attname for f in model._meta.concrete_fields if f.name not in LEFT_OUT),
        tuple(f.attname for f in organisation._meta.concrete_fields),
    )


def build_item(
    model, db, fields, values, organisation_model, organisation_fields, organisation_values
) -> Contribution:
    """A candidate's model instance from its row, as the ORM would have built it
    (select_related("organisation"), the left-out columns deferred)."""
    item = model.from_db(db, fields, values)
    if item.organisation_id is not None:
        item._state.fields_cache["organisation"] = organisation_model.from_db(
            db, organisation_fields, organisation_values
        )
    return item


def stored_candidate(item: Contribution, concepts: Concepts | None) -> Candidate:
    """A candidate for a loaded `item`, with its stored profile if it was selected
    with it (select_related("similarity_profile")); see candidate_of."""
    stored = item._state.fields_cache.get("similarity_profile")
    candidate = candidate_of(Row.of(item), stored, concepts)
    candidate.instance = item
    return candidate


def candidate_of(row: Row, stored, concepts: Concepts | None) -> Candidate:
    """A candidate with what its stored profile (models.SimilarityProfile, or its
    columns) holds: its tags (then load_tags leaves it out) and, if they were read
    from its current text with the current synonym table (profile.is_current), its
    reach (bounds.py) and keys (read when its text is compared, Candidate.read)."""
    candidate = Candidate(row=row)
    if stored is not None:
        candidate.tags = {name: frozenset(stored.tags.get(name, ())) for name in CANDIDATE_TAGS}
        if concepts is not None and is_current(
            stored, row.title, row.summary, row.language, concepts
        ):
            candidate.stored = stored
            candidate.reach = frozenset(stored.reach.split())
    return candidate


# Each candidate's tags as comma-separated ids, one SELECT per kind of item in one
# UNION ALL, one correlated subquery per kind of tag (CANDIDATE_TAGS): tag kind ->
# (many-to-many field, the broader row to take instead of the tag itself). It is SQL
# built once from the models' metadata: assembling the same through the ORM took
# longer than the database took to answer.
CANDIDATE_TAGS = {
    "stages": ("stages", ""),
    "barriers": ("barriers", ""),
    "countries": ("countries", ""),
    "country_regions": ("countries", "region"),
    "regions": ("regions", ""),
    "therapeutic_areas": ("therapeutic_areas", ""),
    "area_parents": ("therapeutic_areas", "parent"),
    "audiences": ("audiences", ""),
}
TAGS_SQL = "SELECT '{kind}', i.{pk}, {lists} FROM {table} i WHERE i.{pk} IN ({ids})"
TAG_LIST_SQL = (
    "(SELECT {aggregate}(CAST({value} AS TEXT), ',') FROM {links} t{join} WHERE t.{item} = i.{pk})"
)


@functools.cache
def tags_sql(kind: str, vendor: str) -> str:
    """TAGS_SQL for one kind of item, with `{ids}` left to fill in."""
    quote = connection.ops.quote_name
    model = KINDS[kind]
    aggregate = "STRING_AGG" if vendor == "postgresql" else "GROUP_CONCAT"
    pk = quote(model._meta.pk.column)
    lists = []
    for name, via in CANDIDATE_TAGS.values():
        field = getattr(model, name).field
        value, join = f"t.{quote(field.m2m_reverse_name())}", ""
        if via:
            tags = field.related_model
            join = (
                f" JOIN {quote(tags._meta.db_table)} m ON m.{quote(tags._meta.pk.column)} = {value}"
            )
            value = f"m.{quote(tags._meta.get_field(via).column)}"
        lists.append(
            TAG_LIST_SQL.format(
                aggregate=aggregate,
                value=value,
                links=quote(field.m2m_db_table()),
                join=join,
                item=quote(field.m2m_column_name()),
                pk=pk,
            )
        )
    return TAGS_SQL.format(
        kind=kind, pk=pk, lists=", ".join(lists), table=quote(model._meta.db_table), ids="{ids}"
    )


def load_tags(candidates: dict[tuple[str, int], "Candidate"]) -> None:
    """Every candidate's tags (see CANDIDATE_TAGS), in one query; none for those
    whose stored profile gave them (stored_candidate)."""
    missing = {label: c for label, c in candidates.items() if not c.tags}
    ids: dict[str, list[int]] = {}
    for kind, pk in missing:
        ids.setdefault(kind, []).append(pk)
    for label, tags in read_tags(ids).items():
        missing[label].tags = tags


def read_tags(ids: dict[str, list[int]]) -> dict[tuple[str, int], dict[str, frozenset[str]]]:
    """{(kind, pk): tags} of the items `ids` {kind: pks}, in one query (none if
    there are none)."""
    selects, params = [], []
    for kind, pks in ids.items():
        if pks:
            placeholders = ", ".join(["%s"] * len(pks))
            selects.append(tags_sql(kind, connection.vendor).format(ids=placeholders))
            params += pks
    if not selects:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        rows = cursor.fetchall()
    return {
        (kind, pk): {
            name: frozenset(filter(None, (ids_text or "").split(",")))
            for name, ids_text in zip(CANDIDATE_TAGS, lists, strict=True)
        }
        for kind, pk, *lists in rows
    }
