"""A library view links its CSV and its API with the same filters."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["resource", "initiative"])
def test_the_library_links_the_csv_and_api_of_the_view(
    client, make_resource, make_initiative, kind
):
    make_resource("Lung toolkit", "published", countries=["FR"])
    make_initiative("Lung network", "published", countries=["FR"])
    page = client.get(reverse(f"contributions:{kind}s"), {"country": "FR", "q": "lung"})
    html = page.content.decode()

    for name in (f"api:{kind}-csv", f"api:{kind}-list"):
        url = reverse(name)
        assert f'href="{url}?country=FR&amp;q=lung"' in html or (
            f'href="{url}?q=lung&amp;country=FR"' in html
        ), name
        response = client.get(url, {"country": "FR", "q": "lung"})
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert "Lung" in body.decode()
