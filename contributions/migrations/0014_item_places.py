"""Each item's own places as one GIN-indexed column (PostgreSQL only).

`places` holds the keys of the countries ("c:FR") and regions ("r:5") an item is
tagged with, as its link tables say. The library's place filter (PlaceFilter)
tests it on the row (`places && ARRAY[…]`) instead of reading a busy country's
ids from the link tables in every statement (some 15,000 ids hashed per
statement, which also kept the planner from joining a search's 400 candidates to
their rows by key). Triggers on the link tables keep it in step, whatever writes
the links (the ORM from either side, bulk loads, cascaded deletes, raw SQL): one
UPDATE per statement, for the items the statement touched. It is not a model
field: Django never writes it, and SQLite reads the link tables.

Two indexes read it: a GIN index, for a place among other conditions (a word's
candidates), and the published items' keys with their places (a B-tree that
includes them), from which a country's 14,000 published ids are read without
visiting the table (an index-only scan), as the link tables' indexes gave them.

With it, the title part of the stored vector (`title_vector`, migration 0012) gets
its GIN index too: the search's first tier in a busy country (a word in the title,
among the country's items) is then two small bitmaps ANDed, instead of the
country's rows that hold the word in the title or summary read from the table.
"""

from django.db import migrations

ITEMS = {"contributions_resource": "resource_id", "contributions_initiative": "initiative_id"}
KEYS = (
    "ARRAY(SELECT 'c:' || l.country_id FROM {table}_countries l WHERE l.{item} = {table}.id "
    "UNION ALL SELECT 'r:' || l.region_id FROM {table}_regions l WHERE l.{item} = {table}.id)"
)
ADD = (
    "ALTER TABLE {table} ADD COLUMN places text[] NOT NULL DEFAULT '{{}}'",
    "UPDATE {table} SET places = " + KEYS,  # noqa: S608 (table names, no input)
    "CREATE INDEX {table}_places_gin ON {table} USING gin (places)",
    "CREATE INDEX {table}_published_places ON {table} (id) INCLUDE (places) "
    "WHERE status = 'published'",
    "CREATE INDEX {table}_title_gin ON {table} USING gin (title_vector)",
    "CREATE FUNCTION {table}_places() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "  # noqa: S608
    "UPDATE {table} SET places = " + KEYS + " WHERE {table}.id IN (SELECT {item} FROM changed); "
    "RETURN NULL; END $$",
)
# One trigger per link table and event: a transition table serves one event only.
TRIGGER = (
    "CREATE TRIGGER {name} AFTER {event} ON {table}_{links} "
    "REFERENCING {side} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION {table}_places()"
)
EVENTS = (("insert", "INSERT", "NEW"), ("delete", "DELETE", "OLD"), ("update", "UPDATE", "NEW"))
REMOVE = (
    "DROP INDEX {table}_title_gin",
    "DROP INDEX {table}_published_places",
    "DROP FUNCTION {table}_places() CASCADE",
    "ALTER TABLE {table} DROP COLUMN places",
)


def statements(table: str, item: str, adding: bool) -> list[str]:
    if not adding:
        return [statement.format(table=table) for statement in REMOVE]
    found = [statement.format(table=table, item=item) for statement in ADD]
    for links in ("countries", "regions"):
        for suffix, event, side in EVENTS:
            name = f"{table}_{links}_places_{suffix}"
            found.append(
                TRIGGER.format(name=name, event=event, table=table, links=links, side=side)
            )
    # A link moved to another item (raw SQL only) changes the old item too.
    for links in ("countries", "regions"):
        name = f"{table}_{links}_places_moved"
        found.append(
            TRIGGER.format(name=name, event="UPDATE", table=table, links=links, side="OLD")
        )
    return found


def run(adding: bool):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for table, item in ITEMS.items():
                for statement in statements(table, item, adding):
                    schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("contributions", "0013_merge_0012_link_checks_0012_rank_vector_title_summary")]

    operations = [migrations.RunPython(run(True), run(False), elidable=False)]
