"""Helpers of the gap map tests: the taxonomy used, cells of a matrix, an item's
coverage entry and a page's query count."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gaps.coverage import Scope, compare
from gaps.models import CoverageEntry

TESTING = "testing-decision"
ACCESS = "treatment-access"
REIMBURSEMENT = "test-not-reimbursed"  # financing & regulation
LAG = "drug-test-reimbursement-lag"  # financing & regulation
UNAWARE = "patients-unaware-of-testing"  # education & awareness


def cell(matrix, category: str, stage: str):
    row = next(r for r in matrix.rows if r.slug == category)
    return next(c for c in row.cells if c.stage.slug == stage)


def barrier_cell(matrix, barrier: str, stage: str):
    row = next(b for r in matrix.rows for b in r.barriers if b.slug == barrier)
    return next(c for c in row.cells if c.stage.slug == stage)


def matrix_for(**scope):
    [matrix], _legend = compare([Scope(**scope)], expand={"financing-regulation"})
    return matrix


def entry_of(item):
    return CoverageEntry.objects.filter(**{item.kind: item}).first()


def page_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
