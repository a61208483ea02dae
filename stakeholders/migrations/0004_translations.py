"""A column per language for the translated texts of the stakeholders reference content
(django-modeltranslation), the English columns filled from the original ones, and
the shipped translations loaded into the empty columns (core/translated_content.py:
a curator's text is never overwritten, and the same load runs again with
`manage.py load_content_translations` when new translations ship)."""

from django.db import migrations, models

TRANSLATED = {
    "StakeholderGroup": ("name", "description"),
}


def copy_english(apps, schema_editor):
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("stakeholders", model_name)
        model._base_manager.update(**{f"{name}_en": models.F(name) for name in names})


def copy_english_back(apps, schema_editor):
    """Going back: the English texts edited since return to the original columns
    before the translation columns are dropped."""
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("stakeholders", model_name)
        model._base_manager.update(**{name: models.F(f"{name}_en") for name in names})


def load_shipped_translations(apps, schema_editor):
    from core.translated_content import load

    load(apps, app_labels=["stakeholders"])


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0003_text_length_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="stakeholdergroup",
            name="description_de",
            field=models.TextField(
                blank=True, max_length=5000, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="description_en",
            field=models.TextField(
                blank=True, max_length=5000, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="description_es",
            field=models.TextField(
                blank=True, max_length=5000, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="description_fr",
            field=models.TextField(
                blank=True, max_length=5000, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="description_it",
            field=models.TextField(
                blank=True, max_length=5000, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="description_pl",
            field=models.TextField(
                blank=True, max_length=5000, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="description_pt",
            field=models.TextField(
                blank=True, max_length=5000, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="name_de",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="name_en",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="name_es",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="name_fr",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="name_it",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="name_pl",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stakeholdergroup",
            name="name_pt",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.RunPython(copy_english, copy_english_back),
        migrations.RunPython(load_shipped_translations, migrations.RunPython.noop),
    ]
