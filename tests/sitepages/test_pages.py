"""The pages a health site must have, linked from every page's footer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = ["about", "contact", "privacy", "accessibility", "terms"]


@pytest.mark.parametrize("name", PAGES)
def test_each_page_answers_anonymous_visitors_in_every_language(client, name):
    path = reverse(f"sitepages:{name}")
    for prefix in ["", "/de", "/pl"]:
        assert client.get(prefix + path).status_code == 200


@pytest.mark.parametrize("path", ["/", "/pathway/", "/resources/", "/contact/", "/accounts/login/"])
def test_every_page_footer_links_to_all_five(client, path):
    footer = client.get(path).text.split('<footer class="site-footer">')[1]
    for name in PAGES:
        assert f'href="{reverse(f"sitepages:{name}")}"' in footer


def test_the_privacy_notice_gives_the_periods_the_expiry_task_uses(client, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {
        "unconfirmed_account": 11,
        "unconfirmed_subscription": 6,
        "contact_message": 200,
    }
    settings.PAGE_CACHE_RENDERED_PATHS = ["/"]

    page = client.get(reverse("sitepages:privacy")).text

    assert "never confirmed: deleted after 11 days" in page
    assert "never confirmed: deleted after 6 days" in page
    assert "deleted 200 days after they were sent" in page
    assert "Article 9(2)(a)" in page


def test_stage_and_barrier_pages_say_they_are_not_medical_advice(client):
    for path in ["/pathway/testing-decision/", "/barriers/test-not-reimbursed/"]:
        page = client.get(path).text
        assert "general information, not medical advice. Talk to your doctor" in page


@pytest.mark.parametrize("name", PAGES)
def test_the_pages_refuse_other_methods(client, name):
    method = client.delete(reverse(f"sitepages:{name}"))
    assert method.status_code == 405
