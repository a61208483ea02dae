"""Every URL of the portal, by prefix. Each line names the app whose views.py (or
views/<feature>.py) answers it and whose templates are under templates/<app>/;
tests/ft3portal/test_layout.py checks that this stays true."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from contributions.sitemaps import InitiativeSitemap, ResourceSitemap
from core import views as core_views
from gaps.sitemaps import GapsSitemap
from portal.sitemaps import BarrierSitemap, OrganisationSitemap, StageSitemap

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

# The public site in every language: English at `/resources/`, the others at
# `/es/resources/` (core/i18n.py). The API, the admin, the sitemap, the health
# checks and the language switch below stay unprefixed.
urlpatterns = i18n_patterns(
    # stakeholders: /organisations/new/, /organisations/<slug>/join/ and /members/…
    # (before portal's /organisations/<slug>/: "new" is never an organisation's slug)
    path("", include("stakeholders.urls")),
    # portal: /, /pathway/…, /barriers/…, /stakeholders/, /organisations/<slug>/,
    # /accounts/profile/ (pages that combine several apps)
    path("", include("portal.urls")),
    # contributions: /resources/…, /initiatives/…, /contributions/ (yours), /feeds/…
    path("", include("contributions.urls")),
    # synergies: /contributions/similar/ (similar work while typing)
    path("contributions/similar/", include("synergies.urls")),
    # adoptions: /transfers/, /adoptions/… (declarations and their decisions)
    path("", include("adoptions.urls")),
    # pathway: /questions/ (my questions for the doctor: choose, print, download)
    path("", include("pathway.urls")),
    # glossary: /glossary/ (the words of precision medicine, A to Z)
    path("", include("glossary.urls")),
    # assessments: /assessments/criteria/, an initiative's assessments, reviews
    path("assessments/", include("assessments.urls")),
    # gaps: /gaps/, /countries/<code>/
    path("", include("gaps.urls")),
    # curation: the queue, reviews, membership decisions
    path("curation/", include("curation.urls")),
    # digests: subscribe, confirm, manage, unsubscribe
    path("digest/", include("digests.urls")),
    # sitepages: /about/, /contact/, /privacy/, /accessibility/, /terms/
    path("", include("sitepages.urls")),
    # accounts: API tokens; allauth: sign-up, log-in, passwords, email addresses
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    prefix_default_language=False,
)

urlpatterns += [
    # core: the language switcher's link (sets the language cookie, then redirects)
    path("language/", core_views.set_language, name="set-language"),
    # the REST API of every app, collected in ft3portal/api.py
    path("api/v1/", include("ft3portal.api")),
    # A sitemap index, and each section's pages of at most 50,000 URLs (?p=2, ...).
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
]
