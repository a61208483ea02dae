from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse_lazy

# Pages any template may link to. An app's templates may not name the URLs of apps
# above it (tests/ft3portal/test_layout.py); the project, above them all, lends them
# these links instead.
SITE_URLS = {
    "home": reverse_lazy("portal:home"),
    "profile": reverse_lazy("portal:profile"),
    "stakeholders": reverse_lazy("portal:stakeholders"),
    "subscribe": reverse_lazy("digests:subscribe"),
    "search": reverse_lazy("portal:search"),
    "api_root": reverse_lazy("api:api-root"),
    "api_docs": reverse_lazy("api:docs"),
    "contact": reverse_lazy("sitepages:contact"),
    "privacy": reverse_lazy("sitepages:privacy"),
}


def site(request: HttpRequest) -> dict:
    return {"SITE_NAME": settings.SITE_NAME, "site_urls": SITE_URLS}
