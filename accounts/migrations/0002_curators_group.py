"""Create the Curators group.

Its permissions are granted by contributions.curator_permissions after every
migrate, because model permissions only exist once post_migrate has run.
"""

from django.db import migrations

# The value of accounts.models.CURATORS_GROUP when this migration was written.
CURATORS_GROUP = "Curators"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).get_or_create(name=CURATORS_GROUP)


def delete_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=CURATORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
