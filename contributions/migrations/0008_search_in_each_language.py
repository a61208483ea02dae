"""Index every item anew: stemmed in its own language with accents folded, with the
names of its tags (see contributions.search), on PostgreSQL in its stored vector
and on SQLite in the search app's FTS5 index."""

from django.db import migrations

from contributions.search import item_document, vector
from search import index


def reindex(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    alias = schema_editor.connection.alias
    for name in ("resource", "initiative"):
        model = apps.get_model("contributions", name)
        items = model.objects.using(alias).select_related("organisation")
        for item in items.iterator(chunk_size=500):
            document = item_document(item)
            if postgres:
                model.objects.using(alias).filter(pk=item.pk).update(search_vector=vector(document))
            index.store(name, item.pk, document, using=alias)


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0007_move_synergies_and_gaps_models"),
        ("search", "0002_indexes"),
    ]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
