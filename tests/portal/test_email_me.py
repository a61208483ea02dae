""" "Email me what's new here" on the home, stage, barrier and country pages: a link to
the digest form with the page's stage, barrier or country already chosen."""

import re

import pytest

from barriers.models import Barrier
from digests.models import Subscription
from pathway.models import Stage
from tests.digests.support import checked

pytestmark = pytest.mark.django_db


def email_me_link(body: str) -> str:
    found = re.search(r'<p class="email-me"><a href="([^"]+)">Email me what’s new here</a>', body)
    assert found is not None
    return found.group(1).replace("&amp;", "&")


def test_the_home_page_links_to_the_digest_form(client):
    assert email_me_link(client.get("/").text) == "/digest/subscribe/"


def test_a_stage_page_links_to_the_digest_form_with_its_stage_chosen(client):
    stage = Stage.objects.get(slug="testing-decision")

    link = email_me_link(client.get(stage.get_absolute_url()).text)

    assert link == "/digest/subscribe/?stage=testing-decision"
    form = client.get(link).text
    assert checked(form, "stages", "testing-decision")
    assert not checked(form, "stages", "monitoring")


def test_a_barrier_page_links_to_the_digest_form_with_its_barrier_chosen(client):
    barrier = Barrier.objects.get(slug="test-not-reimbursed")

    link = email_me_link(client.get(barrier.get_absolute_url()).text)

    assert link == "/digest/subscribe/?barrier=test-not-reimbursed"
    assert checked(client.get(link).text, "barriers", "test-not-reimbursed")


def test_a_country_page_links_to_the_digest_form_with_its_country_chosen(client):
    link = email_me_link(client.get("/countries/pl/").text)

    assert link == "/digest/subscribe/?country=PL"
    form = client.get(link).text
    assert 'name="countries" value="PL" id="id_countries_PL" checked' in form
    # Its region's group is open, with the number chosen.
    assert re.search(r"<details [^>]*open>\s*<summary>Europe <span class=\"badge\">1 chosen", form)


def test_subscribing_from_a_country_page_follows_that_country(client):
    response = client.post(
        "/digest/subscribe/",
        {
            "email": "reader@example.org",
            "frequency": "weekly",
            "kinds": ["resources", "initiatives"],
            "countries": ["PL"],
        },
    )

    assert response.status_code == 302
    assert Subscription.objects.get().query == "country=PL"
