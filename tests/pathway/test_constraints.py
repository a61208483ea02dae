import pytest
from django.db import IntegrityError, transaction

from pathway.models import Region, Stage


@pytest.mark.django_db
def test_stage_positions_are_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        Stage.objects.create(
            slug="another", position=1, name="Another", summary="x", patient_summary="x"
        )


@pytest.mark.django_db
def test_stage_slugs_are_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        Stage.objects.create(
            slug="monitoring", position=99, name="Again", summary="x", patient_summary="x"
        )


@pytest.mark.django_db
def test_only_one_region_is_global():
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(slug="world", name="World", is_global=True)


@pytest.mark.django_db
def test_stage_questions_are_one_per_line():
    stage = Stage(patient_questions="Is it covered?\n\n  Who explains it?  \n")
    assert stage.questions == ["Is it covered?", "Who explains it?"]
