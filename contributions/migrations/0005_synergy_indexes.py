"""Indexes for the synergy finder and the gap map (contributions/similarity.py and
contributions/coverage.py), on PostgreSQL only; SQLite works without them.

- pg_trgm (a trusted extension, so the database owner may create it), for the
  trigram similarity of titles. The similarity is only computed for the few
  candidates the full-text and structural prefilters find, so no trigram index is
  needed: a GIN trigram index serving a `title % …` prefilter was slower than the
  full-text prefilter it was meant to complement (see README, "Synergies and gaps").
- A partial index of the published items' ids, so that "published items in this
  scope" is an index-only scan instead of a pass over the wide content rows.
- An index of the barrier links by barrier, then item: the structural prefilter
  ("items sharing the most barriers") reads it alone, without the link rows.
"""

from django.db import migrations

TABLES = ("contributions_resource", "contributions_initiative")
BARRIER_LINKS = {
    "contributions_resource_barriers": "resource_id",
    "contributions_initiative_barriers": "initiative_id",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_published_ids ON {table} (id) "
            "WHERE status = 'published'"
        )
    for table, item in BARRIER_LINKS.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_by_barrier ON {table} (barrier_id, {item})"
        )


def drop_indexes(apps, schema_editor):
    # The extension stays: other code may have come to rely on it.
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_published_ids")
    for table in BARRIER_LINKS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_by_barrier")


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0004_similarity_decisions"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
