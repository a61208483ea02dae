from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from barriers.sitemaps import BarrierSitemap
from contributions.sitemaps import GapsSitemap, InitiativeSitemap, ResourceSitemap
from pathway.sitemaps import StageSitemap
from stakeholders.sitemaps import OrganisationSitemap

from . import views

admin.site.site_header = "FT3 Pathway Portal"
admin.site.site_title = "FT3 Pathway Portal admin"

sitemaps = {
    "stages": StageSitemap,
    "barriers": BarrierSitemap,
    "organisations": OrganisationSitemap,
    "resources": ResourceSitemap,
    "initiatives": InitiativeSitemap,
    "gaps": GapsSitemap,
}

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("pathway.urls")),
    path("", include("barriers.urls")),
    path("", include("stakeholders.urls")),
    path("", include("contributions.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("healthz", views.healthz, name="healthz"),
    path("digest/", include("digests.urls")),
    path("api/v1/", include("ft3portal.api")),
    path("accounts/tokens/", include("accounts.api_tokens")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
