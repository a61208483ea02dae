"""Stored search vectors of reference content (search.models.StoredVector), with a
GIN index on PostgreSQL. The rows are written after the migration by
index.complete_after_migrate (and by `manage.py rebuild_search_index`)."""

import django.contrib.postgres.search
from django.db import migrations, models


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_storedvector_document "
            "ON search_storedvector USING gin (document)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_storedvector_document")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_seed_synonyms"),
    ]

    operations = [
        migrations.CreateModel(
            name="StoredVector",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.PositiveSmallIntegerField()),
                ("object_id", models.BigIntegerField()),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                ("title", django.contrib.postgres.search.SearchVectorField()),
                ("summary", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="search_stored_object"
                    )
                ],
            },
        ),
        migrations.RunPython(create_index, drop_index),
    ]
