"""GET /api/v1/coverage/: the gap map's numbers as JSON (contributions/coverage.py).

Mounted by ft3portal/api.py with `path("coverage/", include("contributions.coverage_api"))`,
so it shares the API's authentication, throttling and error shape.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import FORMAT_PARAM, LANG_PARAM

from .coverage import compare
from .views import CoverageForm

PARAMETERS = [
    OpenApiParameter("country", OpenApiTypes.STR, description=_("ISO 3166 alpha-2 code, e.g. DE.")),
    OpenApiParameter("region", OpenApiTypes.STR, description=_("Region slug, e.g. europe.")),
    OpenApiParameter("area", OpenApiTypes.STR, description=_("Therapeutic area slug.")),
    OpenApiParameter(
        "scope",
        OpenApiTypes.STR,
        enum=["exact"],
        description=_(
            "A country's numbers include work for its region and global work (each cell "
            "says how much is for the place itself in `here`); `exact` counts only that."
        ),
    ),
    OpenApiParameter(
        "compare",
        OpenApiTypes.STR,
        description=_("A second country code: one more matrix, on the same colour scale."),
    ),
]


def cells(*counts: tuple[str, int, int]) -> list[dict]:
    return [
        {
            "stage": stage,
            "initiatives": i,
            "resources": r,
            "total": i + r,
            "here": i + r,
            "gap": i + r == 0,
        }
        for stage, i, r in counts
    ]


EXAMPLE = OpenApiExample(
    "Germany (two of eight stages, one of six categories shown)",
    response_only=True,
    value={
        "matrices": [
            {
                "scope": {"country": "DE", "region": None, "area": None},
                "stages": [
                    {"slug": "testing-decision", "position": 3, "name": "Testing decision"},
                    {"slug": "treatment-access", "position": 7, "name": "Access to treatment"},
                ],
                "categories": [
                    {
                        "slug": "financing-regulation",
                        "name": "Financing & regulation",
                        "cells": cells(("testing-decision", 1, 1), ("treatment-access", 0, 0)),
                        "barriers": [
                            {
                                "slug": "test-not-reimbursed",
                                "name": "Biomarker test not reimbursed",
                                "cells": cells(
                                    ("testing-decision", 1, 1), ("treatment-access", 0, 0)
                                ),
                            }
                        ],
                    }
                ],
                "totals": {"initiatives": 1, "resources": 2},
            }
        ],
        "legend": [
            {"level": 0, "from": 0, "to": 0},
            {"level": 2, "from": 1, "to": 1},
            {"level": 4, "from": 2, "to": 2},
        ],
    },
)


@extend_schema(
    summary=_("Coverage of stages × barrier categories"),
    description=_(
        "How many published initiatives and resources address each pathway stage × barrier "
        "category, and each barrier one level down; cells with none are gaps. An item "
        "counts in a cell when it is tagged with the stage and with a barrier of the "
        "category. The filters select items as the library's do."
    ),
    parameters=PARAMETERS,
    responses={200: OpenApiTypes.OBJECT},
    examples=[EXAMPLE],
    tags=["coverage"],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def coverage(request: Request) -> Response:
    form = CoverageForm(request.query_params)
    # As every other collection of the API: a parameter it does not know is an error,
    # not silently ignored (a client filtering by stage would get the whole map).
    known = {FORMAT_PARAM, LANG_PARAM, *(parameter.name for parameter in PARAMETERS)}
    errors = {
        name: [str(_("Unknown parameter."))] for name in request.query_params if name not in known
    }
    if not form.is_valid():
        errors |= {
            name: [str(error) for error in messages] for name, messages in form.errors.items()
        }
    if errors:
        raise exceptions.ValidationError(errors)
    every_category = {category.slug for category in form.categories}
    matrices, legend = compare(form.scopes(), every_category, form.categories)
    return Response(
        {
            "matrices": [matrix.as_dict() for matrix in matrices],
            "legend": [
                {"level": entry.level, "from": entry.low, "to": entry.high} for entry in legend
            ],
        }
    )


urlpatterns = [path("", coverage, name="coverage")]
