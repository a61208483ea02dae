from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("digests", "0003_interests_to_query"),
    ]

    operations = [
        migrations.RemoveField(model_name="subscription", name="barriers"),
        migrations.RemoveField(model_name="subscription", name="countries"),
        migrations.RemoveField(model_name="subscription", name="regions"),
        migrations.RemoveField(model_name="subscription", name="stages"),
        migrations.RemoveField(model_name="subscription", name="therapeutic_areas"),
    ]
