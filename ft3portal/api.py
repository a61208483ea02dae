"""The REST API, version 1, mounted at /api/v1/.

Each app's api.py holds its serializers, filters and viewsets; this module
collects them in one router and adds what is the same for every endpoint: the
JSON error shape, the OpenAPI document and its docs page, and a JSON 404 for
any other URL under /api/v1/.

The JSON error shape is core.api_errors'.
"""

from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from barriers.api import BarrierCategoryViewSet, BarrierViewSet
from contributions.api import (
    InitiativeCSVView,
    InitiativeViewSet,
    ResourceCSVView,
    ResourceViewSet,
    RevisionViewSet,
)
from core.api_errors import not_found
from pathway.api import CountryViewSet, RegionViewSet, StageViewSet, TherapeuticAreaViewSet
from stakeholders.api import OrganisationViewSet, StakeholderGroupViewSet

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

app_name = "api"

urlpatterns = [
    path("resources.csv", ResourceCSVView.as_view(), name="resource-csv"),
    path("initiatives.csv", InitiativeCSVView.as_view(), name="initiative-csv"),
    path("coverage/", include("gaps.api")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        # The split view serves its start-up script as a file: no inline script for the CSP.
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
    *router.urls,
    re_path(r"^", not_found, name="not-found"),
]
