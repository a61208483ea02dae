"""A column per language for the translated texts of the barriers reference content
(django-modeltranslation), the English columns filled from the original ones, and
the shipped translations loaded into the empty columns (core/translated_content.py:
a curator's text is never overwritten, and the same load runs again with
`manage.py load_content_translations` when new translations ship)."""

from django.db import migrations, models

TRANSLATED = {
    "BarrierCategory": ("name", "description"),
    "Barrier": ("title", "summary", "description"),
}


def copy_english(apps, schema_editor):
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("barriers", model_name)
        model._base_manager.update(**{f"{name}_en": models.F(name) for name in names})


def copy_english_back(apps, schema_editor):
    """Going back: the English texts edited since return to the original columns
    before the translation columns are dropped."""
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("barriers", model_name)
        model._base_manager.update(**{name: models.F(f"{name}_en") for name in names})


def load_shipped_translations(apps, schema_editor):
    from core.translated_content import load

    load(apps, app_labels=["barriers"])


class Migration(migrations.Migration):
    dependencies = [
        ("barriers", "0002_reference_content"),
    ]

    operations = [
        migrations.AddField(
            model_name="barrier",
            name="description_de",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="description_en",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="description_es",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="description_fr",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="description_it",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="description_pl",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="description_pt",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="summary_de",
            field=models.CharField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="summary_en",
            field=models.CharField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="summary_es",
            field=models.CharField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="summary_fr",
            field=models.CharField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="summary_it",
            field=models.CharField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="summary_pl",
            field=models.CharField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="summary_pt",
            field=models.CharField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="title_de",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="title_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="title_it",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="title_pl",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="barrier",
            name="title_pt",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="description_de",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="description_es",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="description_fr",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="description_it",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="description_pl",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="description_pt",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="name_de",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="name_en",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="name_es",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="name_fr",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="name_it",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="name_pl",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="barriercategory",
            name="name_pt",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.RunPython(copy_english, copy_english_back),
        migrations.RunPython(load_shipped_translations, migrations.RunPython.noop),
    ]
