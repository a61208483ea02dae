"""Country names come from CLDR through django-countries' catalogues, in every
language of the portal: shown in the visitor's language, and typed in any of them."""

import pytest
from django.utils import translation

from pathway.countries import CountryNames
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
