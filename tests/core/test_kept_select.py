"""KeptSelect: a select of public content whose options are read once per content
version and language, written as Django's own Select writes them."""

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.widgets import KeptSelect
from pathway.models import Country, Region

pytestmark = pytest.mark.django_db


def region_field(widget: forms.Select, required: bool = False) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Region.objects.all(),
        to_field_name="slug",
        required=required,
        empty_label="All <regions>",
        widget=widget,
    )


def form_with(widget: forms.Select, data: dict, required: bool = False) -> forms.Form:
    form_class = type("RegionForm", (forms.Form,), {"region": region_field(widget, required)})
    return form_class(data)


@pytest.mark.parametrize("data", [{}, {"region": "europe"}, {"region": "<nowhere>"}])
@pytest.mark.parametrize("required", [False, True])
def test_it_writes_the_same_html_as_djangos_select(data, required):
    ours = str(form_with(KeptSelect("test-regions"), data, required)["region"])
    django = str(form_with(forms.Select(), data, required)["region"])

    assert ours == django
    assert "&lt;regions&gt;" in ours
    assert ('<option value="europe" selected>' in ours) == (data == {"region": "europe"})


def test_it_reads_the_options_once_per_content_version():
    str(form_with(KeptSelect("test-regions"), {})["region"])
    form = form_with(KeptSelect("test-regions"), {"region": "europe"})
    assert form.is_valid()
    with CaptureQueriesContext(connection) as queries:
        again = str(form["region"])
    assert len(queries) == 0
    assert '<option value="europe" selected>' in again

    Region.objects.create(slug="antarctica", name="Antarctica", position=99)

    assert '<option value="antarctica">Antarctica</option>' in str(
        form_with(KeptSelect("test-regions"), {})["region"]
    )


def test_its_options_are_labelled_in_the_visitors_language():
    country = Country.objects.get(code="DE")
    field = forms.ModelChoiceField(
        Country.objects.all(), to_field_name="code", widget=KeptSelect("test-countries")
    )
    form = type("CountryForm", (forms.Form,), {"country": field})({})
    with translation.override("en"):
        english = str(form["country"])
    with translation.override("fr"):
        french = str(form["country"])

    assert f'value="DE">{country.name_en}<' in english
    assert f'value="DE">{country.name_fr}<' in french
    assert country.name_en != country.name_fr
