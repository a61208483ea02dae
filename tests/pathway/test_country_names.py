"""Country names come from CLDR through django-countries' catalogues, in every
language of the portal: shown in the visitor's language, and typed in any of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core import content_version
from pathway.countries import CountryNames
from pathway.forms import CountriesField, CountryField
from pathway.models import Country

pytestmark = pytest.mark.django_db

POLAND = {
    "en": "Poland",
    "es": "Polonia",
    "fr": "Pologne",
    "de": "Polen",
    "pt": "Polónia",
    "pl": "Polska",
    "it": "Polonia",
}


@pytest.mark.parametrize(("language", "name"), POLAND.items())
def test_a_country_is_named_in_the_active_language(language, name):
    with translation.override(language):
        assert str(Country.objects.get(code="PL")) == name
        assert CountryNames.load().names["PL"] == name


TYPED = [
    ("Polska", "PL"),
    ("POLSKA", "PL"),
    ("Polónia", "PL"),
    ("polonia", "PL"),
    ("Alemania", "DE"),
    ("allemagne", "DE"),
    ("Niemcy", "DE"),
    ("Deutschland", "DE"),
    ("Wybrzeże Kości Słoniowej", "CI"),
    ("wybrzeze kosci sloniowej", "CI"),
    ("Costa d'Avorio", "CI"),
]


@pytest.mark.parametrize("page_language", ["en", "pl", "fr"])
@pytest.mark.parametrize(("typed", "code"), TYPED)
def test_a_name_in_any_language_is_understood_on_any_page(page_language, typed, code):
    with translation.override(page_language):
        assert CountryNames.load().code_of(typed) == code


def test_a_name_in_the_pages_language_wins_over_another_languages():
    # "Georgia" is Georgia in English; in no other language is it another country.
    with translation.override("es"):
        assert CountryNames.load().code_of("Georgia") == "GE"


def test_a_country_added_later_gets_its_names_from_cldr():
    Country.objects.filter(code="PL").delete()
    Country.objects.create(code="PL", name="Poland")
    row = Country.objects.get(code="PL")
    assert {language: getattr(row, f"name_{language}") for language in POLAND} == POLAND


def test_a_curators_name_is_kept():
    row = Country.objects.get(code="TR")
    row.name_en = "Türkiye"
    row.save()
    row.refresh_from_db()
    assert row.name_en == "Türkiye"
    with translation.override("de"):
        assert row.name == "Türkei"


def test_country_fields_read_the_names_once_per_content_version_and_language():
    single, several = CountryField(), CountriesField()
    assert single.clean("Polska").code == "PL"
    with CaptureQueriesContext(connection) as queries:
        # The names are kept: only the chosen rows are read.
        assert single.clean("Polska").code == "PL"
        assert [country.code for country in several.clean(["Niemcy, PL"])] == ["DE", "PL"]
        html = several.widget.render("countries", ["PL"])
    assert not [
        q
        for q in queries
        if 'FROM "pathway_country"' in q["sql"]
        and "name" in q["sql"]
        and "code" in q["sql"]
        and "WHERE" not in q["sql"]
    ]
    assert "Poland" in html
    # A rename is a new content version: read at once.
    Country.objects.filter(code="PL").update(name_en="Republic of Poland")
    content_version.bump()
    assert "Republic of Poland" in CountryField().widget.format_value("PL")
    with translation.override("de"):
        assert CountryField().widget.format_value("PL") == "Polen"
