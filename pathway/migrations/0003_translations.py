"""A column per language for the translated texts of the pathway reference content
(django-modeltranslation), the English columns filled from the original ones, and
the shipped translations loaded into the empty columns (core/translated_content.py:
a curator's text is never overwritten, and the same load runs again with
`manage.py load_content_translations` when new translations ship)."""

from django.db import migrations, models

TRANSLATED = {
    "Stage": ("name", "summary", "description", "patient_summary", "patient_questions"),
    "TherapeuticArea": ("name",),
    "Region": ("name",),
}


def copy_english(apps, schema_editor):
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("pathway", model_name)
        model._base_manager.update(**{f"{name}_en": models.F(name) for name in names})


def copy_english_back(apps, schema_editor):
    """Going back: the English texts edited since return to the original columns
    before the translation columns are dropped."""
    for model_name, names in TRANSLATED.items():
        model = apps.get_model("pathway", model_name)
        model._base_manager.update(**{name: models.F(f"{name}_en") for name in names})


def load_shipped_translations(apps, schema_editor):
    from core.translated_content import load

    load(apps, app_labels=["pathway"])


class Migration(migrations.Migration):
    dependencies = [
        ("pathway", "0002_reference_content"),
    ]

    operations = [
        migrations.AddField(
            model_name="region",
            name="name_de",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="region",
            name="name_en",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="region",
            name="name_es",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="region",
            name="name_fr",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="region",
            name="name_it",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="region",
            name="name_pl",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="region",
            name="name_pt",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="description_de",
            field=models.TextField(
                blank=True,
                help_text="Markdown. The stage in more depth.",
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="description_en",
            field=models.TextField(
                blank=True,
                help_text="Markdown. The stage in more depth.",
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="description_es",
            field=models.TextField(
                blank=True,
                help_text="Markdown. The stage in more depth.",
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="description_fr",
            field=models.TextField(
                blank=True,
                help_text="Markdown. The stage in more depth.",
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="description_it",
            field=models.TextField(
                blank=True,
                help_text="Markdown. The stage in more depth.",
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="description_pl",
            field=models.TextField(
                blank=True,
                help_text="Markdown. The stage in more depth.",
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="description_pt",
            field=models.TextField(
                blank=True,
                help_text="Markdown. The stage in more depth.",
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="name_de",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="name_en",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="name_es",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="name_fr",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="name_it",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="name_pl",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="name_pt",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_questions_de",
            field=models.TextField(
                blank=True,
                help_text="One question per line.",
                null=True,
                verbose_name="questions a patient can ask",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_questions_en",
            field=models.TextField(
                blank=True,
                help_text="One question per line.",
                null=True,
                verbose_name="questions a patient can ask",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_questions_es",
            field=models.TextField(
                blank=True,
                help_text="One question per line.",
                null=True,
                verbose_name="questions a patient can ask",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_questions_fr",
            field=models.TextField(
                blank=True,
                help_text="One question per line.",
                null=True,
                verbose_name="questions a patient can ask",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_questions_it",
            field=models.TextField(
                blank=True,
                help_text="One question per line.",
                null=True,
                verbose_name="questions a patient can ask",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_questions_pl",
            field=models.TextField(
                blank=True,
                help_text="One question per line.",
                null=True,
                verbose_name="questions a patient can ask",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_questions_pt",
            field=models.TextField(
                blank=True,
                help_text="One question per line.",
                null=True,
                verbose_name="questions a patient can ask",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_summary_de",
            field=models.TextField(
                help_text="What happens at this stage, in plain language.",
                null=True,
                verbose_name="patient summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_summary_en",
            field=models.TextField(
                help_text="What happens at this stage, in plain language.",
                null=True,
                verbose_name="patient summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_summary_es",
            field=models.TextField(
                help_text="What happens at this stage, in plain language.",
                null=True,
                verbose_name="patient summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_summary_fr",
            field=models.TextField(
                help_text="What happens at this stage, in plain language.",
                null=True,
                verbose_name="patient summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_summary_it",
            field=models.TextField(
                help_text="What happens at this stage, in plain language.",
                null=True,
                verbose_name="patient summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_summary_pl",
            field=models.TextField(
                help_text="What happens at this stage, in plain language.",
                null=True,
                verbose_name="patient summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="patient_summary_pt",
            field=models.TextField(
                help_text="What happens at this stage, in plain language.",
                null=True,
                verbose_name="patient summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="summary_de",
            field=models.CharField(
                help_text="One sentence shown on the pathway map.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="summary_en",
            field=models.CharField(
                help_text="One sentence shown on the pathway map.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="summary_es",
            field=models.CharField(
                help_text="One sentence shown on the pathway map.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="summary_fr",
            field=models.CharField(
                help_text="One sentence shown on the pathway map.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="summary_it",
            field=models.CharField(
                help_text="One sentence shown on the pathway map.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="summary_pl",
            field=models.CharField(
                help_text="One sentence shown on the pathway map.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="summary_pt",
            field=models.CharField(
                help_text="One sentence shown on the pathway map.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="therapeuticarea",
            name="name_de",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="therapeuticarea",
            name="name_en",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="therapeuticarea",
            name="name_es",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="therapeuticarea",
            name="name_fr",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="therapeuticarea",
            name="name_it",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="therapeuticarea",
            name="name_pl",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="therapeuticarea",
            name="name_pt",
            field=models.CharField(max_length=120, null=True, verbose_name="name"),
        ),
        migrations.RunPython(copy_english, copy_english_back),
        migrations.RunPython(load_shipped_translations, migrations.RunPython.noop),
    ]
