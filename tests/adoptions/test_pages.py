"""The adoption pages: declaring with form errors, deciding, the initiative and
country pages, and the transfers view."""

import pytest

from adoptions.models import Adoption
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def test_declaring_on_the_web_keeps_what_was_typed_and_explains_refusals(practice, other_partner):
    client = logged_in(other_partner)
    url = f"/adoptions/declare/{practice.slug}/"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["country"] == "FR"
    note = "Same network in Germany? " + "x" * 10
    response = client.post(
        url,
        {
            "organisation": other_partner.memberships.get().organisation_id,
            "country": "DE",
            "kind": "planned",
            "note": note,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_country_error"' in html
    assert "is based in Germany" in html
    assert note in html
    too_long = client.post(
        url,
        {
            "organisation": other_partner.memberships.get().organisation_id,
            "country": "FR",
            "kind": "planned",
            "note": "y" * 1001,
        },
    )
    assert 'id="id_note_error"' in too_long.content.decode()
    assert not Adoption.objects.exists()


def test_the_whole_flow_on_the_web(practice, partner, other_partner, other_organisation):
    declarer = logged_in(other_partner)
    response = declarer.post(
        f"/adoptions/declare/{practice.slug}/",
        {
            "organisation": other_organisation.pk,
            "country": "FR",
            "kind": "adopted",
            "note": "Running since 2024.",
        },
    )
    adoption = Adoption.objects.get()
    assert response.status_code == 302 and response.url == f"/adoptions/{adoption.pk}/"
    again = declarer.post(
        f"/adoptions/declare/{practice.slug}/",
        {"organisation": other_organisation.pk, "country": "FR", "kind": "adopted", "note": "x"},
    )
    assert "already declared" in again.content.decode()
    assert partner.email not in declarer.get(adoption.get_absolute_url()).content.decode()

    owner = logged_in(partner)
    assert owner.post(f"/adoptions/{adoption.pk}/accept/").status_code == 302
    assert partner.email in declarer.get(adoption.get_absolute_url()).content.decode()
    assert other_partner.email in owner.get(adoption.get_absolute_url()).content.decode()
    # Accepting twice is a message, not an error page.
    twice = owner.post(f"/adoptions/{adoption.pk}/accept/", follow=True)
    assert twice.status_code == 200 and "not possible" in twice.content.decode()

    initiative_page = owner.get(practice.get_absolute_url()).content.decode()
    assert "Adapted in France by Colorectal Alliance" in initiative_page
    for code in ("DE", "FR"):
        country_page = declarer.get(f"/countries/{code}/").content.decode()
        assert "Test centrally, treat locally" in country_page.split("transfers-heading")[-1]
    transfers = declarer.get("/transfers/?country=FR").content.decode()
    assert "Colorectal Alliance, France" in transfers
    assert (
        "Test centrally, treat locally"
        not in declarer.get("/transfers/?country=PL").content.decode()
    )


def test_adapted_from_shows_on_the_adapting_initiative(
    declare, partner, make_initiative, other_organisation
):
    own = make_initiative("Réseau français", status="published", organisation=other_organisation)
    declare(adapted_initiative=own).accept(by=partner)
    page = logged_in(partner).get(own.get_absolute_url()).content.decode()
    assert "Adapted from Lung Patients Network (Germany)" in page
    assert "Test centrally, treat locally" in page


def test_a_pending_declaration_is_not_public(declare, client):
    declare()
    assert "Colorectal Alliance" not in client.get("/transfers/").content.decode()
    assert "No transfer has been agreed yet." in client.get("/transfers/").content.decode()


def test_an_unknown_country_filter_shows_everything_and_says_so(declare, partner, client):
    declare().accept(by=partner)
    page = client.get("/transfers/?country=ZZ").content.decode()
    assert "There is no country with that code" in page
    assert "Test centrally, treat locally" in page
