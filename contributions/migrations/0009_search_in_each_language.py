"""Store every item's search vector anew on PostgreSQL: stemmed in its own language
with accents folded, with the names of its tags (see contributions.search).

The search app completes the rest after `migrate` (search.index.complete_after_migrate):
the vocabulary for spelling correction and, on SQLite, the FTS5 index.
"""

from django.db import migrations

from contributions.search import TAGS, item_document, vector


def store_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    alias = schema_editor.connection.alias
    for name in ("resource", "initiative"):
        model = apps.get_model("contributions", name)
        items = model.objects.using(alias).select_related("organisation").prefetch_related(*TAGS)
        for item in items.iterator(chunk_size=500):
            model.objects.using(alias).filter(pk=item.pk).update(
                search_vector=vector(item_document(item))
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0008_body_is_description"),
        ("search", "0002_indexes"),
    ]

    operations = [migrations.RunPython(store_vectors, migrations.RunPython.noop)]
