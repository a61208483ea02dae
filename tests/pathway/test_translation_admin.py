"""Curators edit each translation of the reference content in the admin, and an
edit there changes the public pages at once (the content version moves)."""

import pytest
from django.urls import reverse

from barriers.models import BarrierCategory
from core import content_version
from pathway.models import Country, Stage
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def post_change(client, obj, **changes):
    """Post the admin's change form of `obj` with `changes`, the rest as it was."""
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return client.post(url, {**form_data(client, url), **changes})


def form_data(client, url: str) -> dict:
    """What the admin's change form would send back unchanged."""
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    return data


def test_the_stage_form_has_a_box_per_language_for_each_text(curator):
    stage = Stage.objects.get(slug="monitoring")
    response = logged_in(curator).get(reverse("admin:pathway_stage_change", args=[stage.pk]))
    body = response.content.decode()
    for language in ("en", "es", "fr", "de", "pt", "pl", "it"):
        for name in ("name", "summary", "description", "patient_summary", "patient_questions"):
            assert f'name="{name}_{language}"' in body


def test_a_curators_translation_is_saved_and_bumps_the_content_version(curator):
    stage = Stage.objects.get(slug="monitoring")
    before = content_version.current()
    response = post_change(
        logged_in(curator),
        stage,
        name_pl="Monitorowanie i życie z chorobą",
        patient_questions_pl="Czy potrzebuję nowych badań?",
    )
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.name_pl == "Monitorowanie i życie z chorobą"
    assert stage.patient_questions_pl == "Czy potrzebuję nowych badań?"
    assert stage.name_en == "Monitoring & living with the disease"
    assert content_version.current() > before


def test_clearing_a_translation_leaves_it_empty_for_the_english_fallback(curator):
    category = BarrierCategory.objects.get(slug="equity")
    category.name_de = "Chancengleichheit"
    category.save()
    client = logged_in(curator)
    assert post_change(client, category, name_de="").status_code == 302
    category.refresh_from_db()
    # NULL, not "": the name is unique, and a second empty German name would clash.
    assert category.name_de is None
    other = BarrierCategory.objects.exclude(pk=category.pk).first()
    assert post_change(client, other, name_de="").status_code == 302


def test_the_english_text_stays_required(curator):
    stage = Stage.objects.get(slug="monitoring")
    response = post_change(logged_in(curator), stage, name_en="")
    assert response.status_code == 200
    assert "name_en" in response.context["adminform"].form.errors


def test_a_curator_corrects_a_countrys_name_in_one_language(curator):
    country = Country.objects.get(code="TR")
    response = post_change(logged_in(curator), country, name_en="Türkiye")
    assert response.status_code == 302
    country.refresh_from_db()
    assert (country.name_en, country.name_de) == ("Türkiye", "Türkei")
