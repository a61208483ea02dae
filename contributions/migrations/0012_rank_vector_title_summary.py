"""Narrow stored vectors for the search's first tiers (PostgreSQL only).

`rank_vector` holds the title and summary part (weights A and B) of the item's
`search_vector`, GIN-indexed, and `title_vector` its title part (A), which gives
the planner its own statistics: generated columns, so every write of the search
vector (saves, re-indexing, rebuilds, bulk loads) keeps them in step. The search's
candidates (search.matching.candidates) are read through them instead of the whole
document, a few hundred bytes a row rather than the TOASTed vector. They are not
model fields: Django never writes them, and SQLite (which ranks in FTS5) has none.
"""

from django.db import migrations

TABLES = ("contributions_resource", "contributions_initiative")
ADD = (
    "ALTER TABLE {table} "
    "ADD COLUMN rank_vector tsvector "
    "GENERATED ALWAYS AS (ts_filter(search_vector, '{{a,b}}')) STORED, "
    "ADD COLUMN title_vector tsvector "
    "GENERATED ALWAYS AS (ts_filter(search_vector, '{{a}}')) STORED",
    "CREATE INDEX {table}_rank_gin ON {table} USING gin (rank_vector)",
)
REMOVE = ("ALTER TABLE {table} DROP COLUMN rank_vector, DROP COLUMN title_vector",)


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for table in TABLES:
                for statement in statements:
                    schema_editor.execute(statement.format(table=table))

    return apply


class Migration(migrations.Migration):
    dependencies = [("contributions", "0011_item_translations")]

    operations = [migrations.RunPython(run(ADD), run(REMOVE), elidable=False)]
