"""The REST API, version 1, mounted at /api/v1/.

Each app's api.py holds its serializers, filters and viewsets; this module
collects them in one router and adds what is the same for every endpoint: the
JSON error shape, the OpenAPI document and its docs page, and a JSON 404 for
any other URL under /api/v1/.

Errors have one JSON shape, built by core.api_errors for every app's endpoints.
"""

from django.urls import Resolver404, include, path, re_path, resolve
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter

from adoptions.api import AdoptionViewSet
from assessments.api import AssessmentViewSet, AssignmentViewSet, FrameworkViewSet
from barriers.api import BarrierCategoryViewSet, BarrierViewSet
from contributions.api import (
    InitiativeCSVView,
    InitiativeViewSet,
    ResourceCSVView,
    ResourceViewSet,
    RevisionViewSet,
)
from pathway.api import CountryViewSet, RegionViewSet, StageViewSet, TherapeuticAreaViewSet
from portal.api import search
from stakeholders.api import OrganisationViewSet, StakeholderGroupViewSet


@extend_schema(exclude=True)
@api_view(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@permission_classes([AllowAny])
def not_found(request: Request) -> Response:
    """Any other URL under /api/v1/: a JSON 404, with a hint for a missing slash."""
    message = _("There is no such endpoint. See the documentation at /api/v1/docs/.")
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            message = _("There is no such endpoint. Did you mean %(path)s?") % {
                "path": request.path + "/"
            }
    raise exceptions.NotFound(message)


# The OpenAPI document.


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.tokens.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": _(
                "A personal API token, created on /accounts/tokens/ and sent as "
                "“Authorization: Token <key>” or “Authorization: Bearer <key>”."
            ),
        }


# The URLs.

router = DefaultRouter()
# One URL per resource: no ".json" twins of every endpoint.
router.include_format_suffixes = False
router.register("stages", StageViewSet, basename="stage")
router.register("barrier-categories", BarrierCategoryViewSet, basename="barrier-category")
router.register("barriers", BarrierViewSet, basename="barrier")
router.register("stakeholder-groups", StakeholderGroupViewSet, basename="stakeholder-group")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("therapeutic-areas", TherapeuticAreaViewSet, basename="therapeutic-area")
router.register("regions", RegionViewSet, basename="region")
router.register("countries", CountryViewSet, basename="country")
router.register("resources", ResourceViewSet, basename="resource")
router.register("initiatives", InitiativeViewSet, basename="initiative")
router.register("revisions", RevisionViewSet, basename="revision")
router.register("adoptions", AdoptionViewSet, basename="adoption")
router.register("assessment-frameworks", FrameworkViewSet, basename="assessment-framework")
router.register("assessments", AssessmentViewSet, basename="assessment")
router.register("review-assignments", AssignmentViewSet, basename="review-assignment")

app_name = "api"

urlpatterns = [
    path("resources.csv", ResourceCSVView.as_view(), name="resource-csv"),
    path("initiatives.csv", InitiativeCSVView.as_view(), name="initiative-csv"),
    path("coverage/", include("gaps.api")),
    path("search/", search, name="search"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        # The split view serves its start-up script as a file: no inline script for the CSP.
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="ft3portal/api_docs.html"
        ),
        name="docs",
    ),
    *router.urls,
    re_path(r"^", not_found, name="not-found"),
]
