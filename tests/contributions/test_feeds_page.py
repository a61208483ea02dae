"""The footer leads people to a page about the feeds, not to raw XML."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_footer_links_a_human_page_that_links_the_feeds_and_the_sitemap(client, language):
    with translation.override(language):
        page_url = reverse("contributions:feeds")
        feeds = [reverse("contributions:resource-feed"), reverse("contributions:initiative-feed")]
        home = reverse("portal:home")
    footer = client.get(home).content.decode().split("<footer")[1]
    assert f'href="{page_url}"' in footer
    assert 'href="/sitemap.xml"' not in footer and "/feeds/resources/" not in footer

    response = client.get(page_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    for url in feeds:
        assert f'href="{url}"' in body
    assert f'href="{reverse("sitemap")}"' in body
    assert client.get(feeds[0]).status_code == 200
