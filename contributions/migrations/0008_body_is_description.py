"""The contribution's `body` is called what its label always said: `description`.

Revision.data keys the proposed values by field name, so stored proposals are
renamed with the field, or accepting one made before the rename would lose its text.
"""

from django.db import migrations


def rename_key(apps, old: str, new: str) -> None:
    Revision = apps.get_model("contributions", "Revision")
    revisions = []
    for revision in Revision.objects.filter(data__has_key=old).only("data").iterator():
        revision.data[new] = revision.data.pop(old)
        revisions.append(revision)
    Revision.objects.bulk_update(revisions, ["data"], batch_size=500)


def body_to_description(apps, schema_editor) -> None:
    rename_key(apps, "body", "description")


def description_to_body(apps, schema_editor) -> None:
    rename_key(apps, "description", "body")


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0007_move_synergies_and_gaps_models"),
    ]

    operations = [
        migrations.RenameField(model_name="resource", old_name="body", new_name="description"),
        migrations.RenameField(model_name="initiative", old_name="body", new_name="description"),
        migrations.RunPython(body_to_description, description_to_body),
    ]
