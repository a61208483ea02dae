"""Every account gets a display name, shown wherever the portal names a person.

Existing accounts get theirs from the name they had (first and last name), else from
their email address's local part ("marta.nowak" becomes "Marta Nowak"); people
change it on their profile page.
"""

from django.db import migrations, models


def name_from(user) -> str:
    full = f"{user.first_name} {user.last_name}".strip()
    if full:
        return full[:100]
    local = (user.email or user.username).split("@")[0]
    words = local.replace(".", " ").replace("_", " ").replace("-", " ").split()
    return " ".join(word.capitalize() for word in words)[:100] or user.username[:100]


def fill_display_names(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    users = User.objects.using(schema_editor.connection.alias).filter(display_name="")
    for user in users.iterator():
        user.display_name = name_from(user)
        user.save(update_fields=["display_name"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_user_language")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="display_name",
            field=models.CharField(
                default="",
                help_text="Your name as others on the portal see it, such as “Marta Nowak”.",
                max_length=100,
                verbose_name="display name",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_display_names, migrations.RunPython.noop),
    ]
