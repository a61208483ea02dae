"""A column per language for country names, filled from CLDR through django-countries'
catalogues (the English column from the names stored so far). Country.save() fills
the columns of countries added later."""

from django.db import migrations, models
from django.utils import translation
from django_countries import countries

LANGUAGES = ("es", "fr", "de", "pt", "pl", "it")


def names_from_cldr(apps, schema_editor):
    Country = apps.get_model("pathway", "Country")
    rows = list(Country.objects.all())
    for row in rows:
        row.name_en = row.name
    for language in LANGUAGES:
        with translation.override(language):
            for row in rows:
                setattr(row, f"name_{language}", str(countries.name(str(row.code))) or None)
    columns = [f"name_{language}" for language in ("en", *LANGUAGES)]
    Country.objects.bulk_update(rows, columns, batch_size=100)


def english_names_back(apps, schema_editor):
    """Going back: English names edited since return to the original column."""
    Country = apps.get_model("pathway", "Country")
    Country.objects.update(name=models.F("name_en"))


class Migration(migrations.Migration):
    dependencies = [
        ("pathway", "0003_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="country",
            name="name_de",
            field=models.CharField(db_index=True, max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_en",
            field=models.CharField(db_index=True, max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_es",
            field=models.CharField(db_index=True, max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_fr",
            field=models.CharField(db_index=True, max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_it",
            field=models.CharField(db_index=True, max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_pl",
            field=models.CharField(db_index=True, max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_pt",
            field=models.CharField(db_index=True, max_length=100, null=True, verbose_name="name"),
        ),
        migrations.RunPython(names_from_cldr, english_names_back),
    ]
