"""The tag kinds (stages, barriers, countries, ...) are listed once, in
contributions.models.TAG_KINDS; the FilterSets, the forms, the API, the admin, the
submission form's script and digests all take the list from there."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from contributions.api.serializers import (
    InitiativeSerializer,
    InitiativeWriteSerializer,
    ResourceSerializer,
    ResourceWriteSerializer,
)
from contributions.filters import InitiativeFilterSet, ResourceFilterSet, TagFilter
from contributions.forms import ResourceForm
from contributions.models import TAG_FIELDS, TAG_KINDS, Initiative, Resource
from tests.conftest import logged_in


def test_every_tag_kind_is_a_tag_filter_and_a_facet_of_both_library_filtersets():
    for filterset in (ResourceFilterSet, InitiativeFilterSet):
        for kind in TAG_KINDS:
            assert isinstance(filterset.base_filters[kind.param], TagFilter), kind
            if kind.field:
                assert filterset.base_filters[kind.param].lookup == kind.field, kind
        tag_facets = [
            name
            for name in filterset.facet_fields
            if isinstance(filterset.base_filters[name], TagFilter)
        ]
        assert tag_facets == [kind.param for kind in TAG_KINDS]


def test_every_tag_field_is_a_many_to_many_field_of_both_kinds():
    for model in (Resource, Initiative):
        assert all(model._meta.get_field(name).many_to_many for name in TAG_FIELDS)


def test_forms_and_the_api_take_every_tag_field():
    assert ResourceForm.taxonomy_fields == TAG_FIELDS
    for serializer in (
        ResourceSerializer,
        InitiativeSerializer,
        ResourceWriteSerializer,
        InitiativeWriteSerializer,
    ):
        fields = serializer.Meta.fields
        assert [name for name in fields if name in TAG_FIELDS] == list(TAG_FIELDS)


@pytest.mark.django_db
def test_the_submission_form_tells_its_script_the_tag_fields(partner):
    body = logged_in(partner).get("/resources/new/").content.decode()

    assert f'data-tag-fields="{" ".join(TAG_FIELDS)}"' in body
    script = (Path(settings.BASE_DIR) / "static" / "js" / "similar.js").read_text()
    assert not [name for name in TAG_FIELDS if re.search(rf"[\"']{name}[\"']", script)]
