"""Site search finds reference content by its translations, each stemmed in its own
language, on SQLite and PostgreSQL alike; and builds documents in English whatever
language the save was made in."""

import pytest
from django.utils import translation

from barriers.models import Barrier
from pathway.models import Stage
from portal.search import site_search
from search import index

pytestmark = pytest.mark.django_db


def found(text: str, kind: str) -> list[str]:
    return [hit.item.slug for hit in site_search(text, correct=False).ranking() if hit.kind == kind]


STAGE_TEXTS = ("name", "summary", "description", "patient_summary", "patient_questions")
OTHER_LANGUAGES = ("es", "fr", "de", "pt", "pl", "it")


def untranslated() -> None:
    """No stage translated (the shipped translations were loaded by the migrations)."""
    for stage in Stage.objects.all():
        for name in STAGE_TEXTS:
            for code in OTHER_LANGUAGES:
                setattr(stage, f"{name}_{code}", None)
        stage.save()


def test_a_polish_query_finds_the_polish_text_of_a_stage():
    untranslated()
    stage = Stage.objects.get(slug="monitoring")
    assert "monitoring" not in found("wizyty kontrolne", "stage")
    stage.summary_pl = "Regularne wizyty kontrolne pokazują, czy leczenie działa."
    stage.save()
    assert found("wizyty kontrolne", "stage") == ["monitoring"]
    # In any case, without accents: the query is folded as the document is.
    assert found("DZIALA LECZENIE", "stage")[:1] == ["monitoring"]


def test_a_translation_is_stemmed_in_its_language():
    barrier = Barrier.objects.get(slug="test-not-reimbursed")
    barrier.title_es = "Las pruebas de biomarcadores no se reembolsan"
    barrier.save()
    # "reembolso" shares the Spanish stem "reembols" with "reembolsan".
    assert "test-not-reimbursed" in found("reembolso", "barrier")


def test_saving_in_another_language_keeps_the_english_document():
    with translation.override("pl"):
        stage = Stage.objects.get(slug="monitoring")
        stage.name = "Monitorowanie"
        stage.save()
    document = index.REGISTRY["stage"].document(Stage.objects.get(slug="monitoring"))
    assert document.title == "Monitoring & living with the disease"
    assert ("pl", "Monitorowanie") in [(v.language, v.title) for v in document.translations]
    assert found("living disease", "stage")[:1] == ["monitoring"]
    assert found("monitorowanie", "stage") == ["monitoring"]


def test_untranslated_rows_have_no_translations_to_index():
    Stage.objects.filter(slug="monitoring").update(
        **{
            f"{name}_{code}": None
            for name in ("name", "summary", "description", "patient_summary", "patient_questions")
            for code in ("es", "fr", "de", "pt", "pl", "it")
        }
    )
    document = index.REGISTRY["stage"].document(Stage.objects.get(slug="monitoring"))
    assert document.translations == ()


def test_an_item_saved_in_another_language_is_indexed_with_english_tag_names(make_resource):
    Stage.objects.filter(slug="monitoring").update(name_pl="Monitorowanie")
    with translation.override("pl"):
        resource = make_resource("Living with lung cancer", "published", stages=["monitoring"])
        resource.update_search_vector()
    assert found("monitorowanie", "resource") == []
    assert found("Monitoring living disease", "resource") == [resource.slug]
