import django.contrib.postgres.search
from django.db import migrations

TABLES = ("contributions_resource", "contributions_initiative")


def create_gin_indexes(apps, schema_editor):
    # GIN indexes exist only on PostgreSQL; SQLite searches without the vector.
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin (search_vector)"
        )


def drop_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="resource",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_gin_indexes, drop_gin_indexes),
    ]
