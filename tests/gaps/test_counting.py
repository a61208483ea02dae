"""What the gap map counts where: items per stage and barrier category or barrier,
the library's selection rules, the shared colour scale."""

import pytest

from gaps.coverage import Scope, compare, level_of
from pathway.models import Country
from tests.gaps.support import ACCESS, LAG, REIMBURSEMENT, TESTING, barrier_cell, cell, matrix_for

pytestmark = pytest.mark.django_db

# Counting


def test_an_item_counts_once_in_each_stage_and_category_it_is_tagged_with(german_work):
    matrix = matrix_for(country=Country.objects.get(code="DE"))

    money = cell(matrix, "financing-regulation", TESTING)
    assert (money.resources, money.initiatives) == (1, 1)
    # Two barriers of one category still count the guide once.
    assert cell(matrix, "financing-regulation", ACCESS).total == 1
    assert cell(matrix, "education-awareness", TESTING).resources == 1
    assert cell(matrix, "education-awareness", ACCESS).is_gap
    assert (matrix.resources, matrix.initiatives) == (2, 1)


def test_single_barriers_are_counted_one_level_down(german_work):
    matrix = matrix_for(country=Country.objects.get(code="DE"))

    assert barrier_cell(matrix, REIMBURSEMENT, TESTING).total == 2
    assert barrier_cell(matrix, LAG, TESTING).total == 1
    assert barrier_cell(matrix, LAG, "monitoring").is_gap


def test_without_filters_everything_published_counts(german_work):
    matrix = matrix_for()

    assert cell(matrix, "financing-regulation", TESTING).total == 3
    assert (matrix.resources, matrix.initiatives) == (3, 1)
    assert matrix.scope.label == "Everywhere"


def test_regions_and_areas_select_items_as_the_library_does(german_work, client):
    from pathway.models import Region, TherapeuticArea

    europe = matrix_for(region=Region.objects.get(slug="europe"))
    oncology = matrix_for(area=TherapeuticArea.objects.get(slug="oncology"))

    assert cell(europe, "financing-regulation", TESTING).total == 3
    # Lung cancer is part of oncology, as in the library's filter.
    assert cell(oncology, "financing-regulation", TESTING).total == 1
    library = client.get(
        "/resources/?area=oncology&stage=testing-decision&category=financing-regulation"
    )
    assert len(library.context["page"].object_list) == 1


def test_the_library_link_of_a_cell_lists_what_the_cell_counts(german_work, client):
    matrix = matrix_for(country=Country.objects.get(code="DE"))
    money = cell(matrix, "financing-regulation", TESTING)

    assert money.resources_url == (
        "/resources/?stage=testing-decision&category=financing-regulation&country=DE"
    )
    resources = client.get(money.resources_url).context["page"].object_list
    initiatives = client.get(money.initiatives_url).context["page"].object_list
    assert len(resources) == money.resources
    assert len(initiatives) == money.initiatives
    lag = barrier_cell(matrix, LAG, TESTING)
    assert "barrier=drug-test-reimbursement-lag" in lag.resources_url


def test_the_colour_scale_is_shared_by_compared_matrices_and_has_a_legend(german_work):
    matrices, legend = compare(
        [
            Scope(country=Country.objects.get(code="DE")),
            Scope(country=Country.objects.get(code="FR")),
        ]
    )

    germany, france = matrices
    # The highest count anywhere (2, in Germany) sets the darkest level for both.
    assert cell(germany, "financing-regulation", TESTING).level == 4
    assert cell(france, "financing-regulation", TESTING).level == 4
    assert cell(france, "education-awareness", TESTING).level == 0
    assert [(e.level, e.label) for e in legend] == [(0, "0: a gap"), (2, "1"), (4, "2")]
    assert [level_of(n, 8) for n in (0, 1, 2, 3, 4, 7, 8)] == [0, 1, 1, 2, 2, 4, 4]
