"""The sitemap index and the library's sitemap pages: every published item in every
language, pages within the protocol's limits, lastmod, one values() query per page."""

import re

import pytest
from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.test import Client, RequestFactory

from contributions import sitemaps
from contributions.models import Resource
from core.i18n import localized_path

LANGUAGES = [code for code, _name in settings.LANGUAGES]

LOC = re.compile(r"<loc>([^<]+)</loc>")


@pytest.fixture
def small_pages(monkeypatch):
    # Two items, each in every language, per page.
    monkeypatch.setattr(sitemaps.ResourceSitemap, "limit", 2 * len(LANGUAGES))


def test_the_index_lists_every_page_of_every_section(client, make_resource, small_pages):
    for n in range(5):
        make_resource(f"Listed {n}", status="published")
    body = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in body
    locations = LOC.findall(body)
    resource_pages = [loc for loc in locations if "sitemap-resources.xml" in loc]
    assert len(resource_pages) == 3
    assert resource_pages[1].endswith("?p=2")
    assert any("sitemap-stages.xml" in loc for loc in locations)
    assert "<lastmod>" in body


def test_every_published_item_is_on_some_page_with_its_lastmod(client, make_resource, small_pages):
    published = [make_resource(f"Item {n}", status="published") for n in range(5)]
    make_resource("Unpublished draft")
    listed = []
    for page in (1, 2, 3):
        response = client.get(f"/sitemap-resources.xml?p={page}")
        assert response.status_code == 200
        body = response.content.decode()
        assert body.count("<lastmod>") == len(LOC.findall(body))
        listed += LOC.findall(body)
    assert sorted(listed) == sorted(
        f"http://testserver{localized_path(item.get_absolute_url(), language)}"
        for item in published
        for language in LANGUAGES
    )
    assert client.get("/sitemap-resources.xml?p=4").status_code == 404


def test_a_page_is_built_from_one_values_query(make_resource, django_assert_max_num_queries):
    for n in range(3):
        make_resource(f"Queried {n}", status="published")
    site = RequestSite(RequestFactory().get("/"))
    # A count for the paginator, the slugs and dates of the page.
    with django_assert_max_num_queries(2):
        urls = sitemaps.ResourceSitemap().get_urls(page=1, protocol="https", site=site)
    assert len(urls) == Resource.objects.published().count() * len(LANGUAGES)
    assert all(isinstance(url["item"], tuple) for url in urls)


def test_a_page_stays_within_the_protocols_limit_of_50000_urls():
    # Each entry is its own URL, one alternate per language and x-default.
    assert sitemaps.ResourceSitemap.limit * (len(LANGUAGES) + 2) <= 50_000
    assert sitemaps.ResourceSitemap.limit > 50_000 // (len(LANGUAGES) + 3)


def test_sitemap_pages_are_cached_and_change_with_the_content(make_resource):
    anonymous = Client()
    make_resource("First listed", status="published")
    assert (
        "First listed".lower().replace(" ", "-")
        in anonymous.get("/sitemap-resources.xml").content.decode()
    )
    make_resource("Second listed", status="published")
    assert "second-listed" in anonymous.get("/sitemap-resources.xml").content.decode()
