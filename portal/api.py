"""GET /api/v1/search/: the site search (portal.search) as JSON, the same results
as /search/. Mounted by ft3portal/api.py."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import FORMAT_PARAM, LANG_PARAM
from search.text import MAX_QUERY_LENGTH

from .forms import SearchForm
from .search import site_search

PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=ngettext_lazy(
            "The words, in any language. Longer text is cut at %(n)d character.",
            "The words, in any language. Longer text is cut at %(n)d characters.",
            "n",
        )
        % {"n": MAX_QUERY_LENGTH},
    ),
    OpenApiParameter(
        "country",
        OpenApiTypes.STR,
        description=_(
            "ISO 3166 code (PL, POL) or name (Poland, in any case, accents optional): "
            "resources and initiatives for that country, its region or the whole world. "
            "An unknown country is a 400."
        ),
    ),
    OpenApiParameter("as_typed", OpenApiTypes.BOOL, description=_("true: no spelling correction.")),
]


EXAMPLE = OpenApiExample(
    "A misspelled search in Poland (one group of results shown)",
    response_only=True,
    value={
        "query": "liquid biospy",
        "searched_for": "liquid biopsy",
        "corrections": {"biospy": "biopsy"},
        "country": "PL",
        "count": 7,
        "count_capped": False,
        "results": [
            {
                "kind": "resource",
                "label": "Resources",
                "count": 4,
                "count_capped": False,
                "library_url": "https://ft3.example.org/resources/?q=liquid+biopsy&country=PL",
                "items": [
                    {
                        "slug": "liquid-biopsy-patient-factsheet",
                        "title": "Liquid biopsy: a factsheet for patients",
                        "summary": "What a blood test for tumour DNA can and cannot tell you.",
                        "url": "https://ft3.example.org/resources/liquid-biopsy-patient-factsheet/",
                        "rank": 2.99,
                    }
                ],
            }
        ],
    },
)


@extend_schema(
    summary=_("Search the whole portal"),
    description=_(
        "Stages, barriers, stakeholder groups, verified organisations, published resources "
        "and initiatives matching the words, grouped by kind, best group first. Misspelled "
        "words are corrected (see `corrections`) unless `as_typed` is true."
    ),
    parameters=PARAMETERS,
    responses={200: OpenApiTypes.OBJECT},
    examples=[EXAMPLE],
    tags=["search"],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def search(request: Request) -> Response:
    params = request.query_params
    known = {FORMAT_PARAM, LANG_PARAM, *(parameter.name for parameter in PARAMETERS)}
    errors = {name: [str(_("Unknown parameter."))] for name in params if name not in known}
    form = SearchForm(params)
    if not form.is_valid():
        errors |= {
            name: [str(error) for error in messages] for name, messages in form.errors.items()
        }
    if errors:
        raise exceptions.ValidationError(errors)
    results = site_search(
        form.cleaned_data["q"],
        form.cleaned_data["country"],
        correct=not form.cleaned_data["as_typed"],
    )
    build = request.build_absolute_uri
    return Response(
        {
            "query": results.query.text,
            "searched_for": results.query.corrected_text,
            "corrections": results.query.corrections,
            "country": str(results.country.code) if results.country else None,
            "count": results.count,
            "count_capped": results.capped,
            "results": [
                {
                    "kind": section.kind,
                    "label": section.label,
                    "count": section.count,
                    "count_capped": section.capped,
                    "library_url": build(section.library_url) if section.library_url else None,
                    "items": [
                        {
                            "slug": hit.item.slug,
                            "title": hit.title,
                            "summary": hit.summary,
                            "url": build(hit.url),
                            "rank": round(hit.rank, 4),
                        }
                        for hit in section.hits
                    ],
                }
                for section in results.sections
            ],
        }
    )
