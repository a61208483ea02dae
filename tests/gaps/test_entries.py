"""Coverage entries kept in step with publishing, archiving and tag changes."""

import pytest

from barriers.models import Barrier, BarrierCategory
from gaps.entries import rebuild_entries
from gaps.models import CoverageEntry
from pathway.models import Country, Region, Stage
from tests.gaps.support import (
    ACCESS,
    LAG,
    REIMBURSEMENT,
    TESTING,
    UNAWARE,
    barrier_cell,
    cell,
    entry_of,
    matrix_for,
)

pytestmark = pytest.mark.django_db

# Keeping the entries in step


def test_entries_follow_publishing_archiving_and_tag_changes(make_resource, curator):
    item = make_resource("Guide", "submitted", stages=[TESTING], barriers=[REIMBURSEMENT])
    assert entry_of(item) is None

    item.publish(by=curator)
    assert entry_of(item).stage_bits == 1 << Stage.objects.get(slug=TESTING).pk

    item.stages.add(Stage.objects.get(slug=ACCESS))
    item.barriers.set([Barrier.objects.get(slug=UNAWARE)])
    entry = entry_of(item)
    assert entry.stage_bits == sum(
        1 << s.pk for s in Stage.objects.filter(slug__in=[TESTING, ACCESS])
    )
    assert entry.category_bits == 1 << BarrierCategory.objects.get(slug="education-awareness").pk

    item.archive(by=curator)
    assert entry_of(item) is None


def test_entries_follow_changes_made_from_the_other_side_of_a_link(make_resource):
    item = make_resource("Guide", "published", stages=[TESTING], barriers=[REIMBURSEMENT])
    access = Stage.objects.get(slug=ACCESS)

    access.resources.add(item)
    assert entry_of(item).stage_bits & 1 << access.pk

    access.resources.clear()
    assert not entry_of(item).stage_bits & 1 << access.pk


def test_moving_a_barrier_to_another_category_moves_its_items(make_resource):
    item = make_resource("Guide", "published", stages=[TESTING], barriers=[REIMBURSEMENT])
    barrier = Barrier.objects.get(slug=REIMBURSEMENT)
    equity = BarrierCategory.objects.get(slug="equity")

    barrier.category = equity
    barrier.save()

    assert entry_of(item).category_bits == 1 << equity.pk


def test_entries_follow_the_regions_and_organisation_of_their_item(
    make_resource, other_organisation
):
    item = make_resource("Guide", "published", stages=[TESTING], regions=["europe"])
    europe, africa = Region.objects.get(slug="europe"), Region.objects.get(slug="africa")
    assert entry_of(item).region_bits == 1 << europe.pk
    assert entry_of(item).organisation == item.organisation

    item.regions.add(africa)
    assert entry_of(item).region_bits == 1 << europe.pk | 1 << africa.pk
    europe.resources.remove(item)
    assert entry_of(item).region_bits == 1 << africa.pk

    item.organisation = other_organisation
    item.save()
    assert entry_of(item).organisation == other_organisation


def test_rebuilding_the_entries_changes_nothing_when_they_are_in_step(german_work):
    def entries():
        return {
            (
                e.resource_id,
                e.initiative_id,
                e.stage_bits,
                e.category_bits,
                e.barrier_bits,
                e.region_bits,
                e.organisation_id,
            )
            for e in CoverageEntry.objects.all()
        }

    before = entries()

    rebuild_entries()

    assert entries() == before
    assert len(before) == 4


def test_a_taxonomy_too_large_for_the_bits_is_counted_from_the_links(german_work):
    category = BarrierCategory.objects.get(slug="equity")
    Barrier.objects.create(pk=100, slug="far", title="Far", summary="x", category=category)

    matrix = matrix_for(country=Country.objects.get(code="DE"))

    assert cell(matrix, "financing-regulation", TESTING).total == 2
    assert barrier_cell(matrix, LAG, TESTING).total == 1


def test_a_region_beyond_the_bits_is_selected_from_the_links(make_resource, make_initiative):
    germany = Country.objects.get(code="DE")
    far = Region.objects.create(pk=100, slug="far-europe", name="Far Europe")
    Country.objects.filter(code="DE").update(region=far)
    germany.refresh_from_db()
    make_resource("Regional", "published", stages=[TESTING], barriers=[UNAWARE], regions=[far.slug])
    make_resource(
        "Old region", "published", stages=[TESTING], barriers=[UNAWARE], regions=["europe"]
    )
    make_initiative("Global", "published", stages=[TESTING], barriers=[UNAWARE], regions=["global"])

    matrix = matrix_for(country=germany)

    assert cell(matrix, "education-awareness", TESTING).resources == 1
    assert cell(matrix, "education-awareness", TESTING).initiatives == 1
