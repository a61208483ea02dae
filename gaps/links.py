"""The gap map counted from the items' stage and barrier links rather than from the
coverage entries: when the taxonomy outgrows the entries' bits (gaps/coverage.py),
and for the proven-practice layer (gaps/proven.py)."""

from django.db import connection

from barriers.models import Barrier
from contributions.models import Contribution

# The ORM cannot join a derived table, hence SQL. Every name in it is quoted from the
# models' metadata, and the scope's conditions are the ORM's own compiled query with
# its parameters.
PAIRS_SQL = {
    "categories": (
        "SELECT DISTINCT t.{item} AS item_id, b.{category} AS group_id "
        "FROM {barrier_links} t JOIN {barriers} b ON b.{barrier_pk} = t.{barrier}"
    ),
    "barriers": "SELECT t.{item} AS item_id, t.{barrier} AS group_id FROM {barrier_links} t",
}
COUNT_SQL = (
    "SELECT s.{stage}, p.group_id, COUNT(*) "
    "FROM ({pairs} WHERE t.{item} IN ({scoped})) p "
    "JOIN {stage_links} s ON s.{item} = p.item_id "
    "GROUP BY s.{stage}, p.group_id"
)


def counts(model: type[Contribution], items, level: str) -> dict[tuple[int, int], int]:
    """{(stage id, category or barrier id): number of `items`}, in one query.

    The (item, category) pairs are made distinct first and only then joined to the
    stages and counted, so the database hashes each item's rows once instead of
    sorting every stage × barrier combination for COUNT(DISTINCT).
    """
    quote = connection.ops.quote_name
    stages, barriers = model.stages.field, model.barriers.field
    names = {
        "item": quote(barriers.m2m_column_name()),
        "barrier": quote(barriers.m2m_reverse_name()),
        "barrier_links": quote(barriers.m2m_db_table()),
        "barriers": quote(Barrier._meta.db_table),
        "barrier_pk": quote(Barrier._meta.pk.column),
        "category": quote(Barrier._meta.get_field("category").column),
        "stage": quote(stages.m2m_reverse_name()),
        "stage_links": quote(stages.m2m_db_table()),
    }
    scoped, params = items.order_by().values("pk").query.sql_with_params()
    pairs = PAIRS_SQL[level].format(**names)
    sql = COUNT_SQL.format(pairs=pairs, scoped=scoped, **names)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(stage, group): n for stage, group, n in cursor.fetchall()}
