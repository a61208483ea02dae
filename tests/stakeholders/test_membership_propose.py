"""Proposing an organisation that is not on the portal yet."""

import pytest
from django.urls import reverse

from pathway.models import Country
from stakeholders.forms import MAX_WAITING_PROPOSALS
from stakeholders.models import Membership, Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

PROPOSE = reverse("stakeholders:propose")


@pytest.fixture
def proposer():
    return make_user("proposer")


@pytest.fixture
def form_data(patients_group):
    return {
        "name": "Rare Voices",
        "group": patients_group.pk,
        "country": Country.objects.get(code="NL").pk,
        "website": "https://rare-voices.example",
        "description": "Patients with rare cancers, together.",
    }


def test_propose_form_has_a_labelled_field_with_help_for_each_input(proposer):
    response = logged_in(proposer).get(PROPOSE)

    html = response.content.decode()
    assert response.status_code == 200
    for name in ("name", "group", "country", "website", "description"):
        assert f'<label for="id_{name}"' in html
        assert f'aria-describedby="id_{name}_helptext"' in html
    assert "International (no single country)" in html


def test_propose_creates_an_unverified_organisation_with_its_proposer_waiting_as_editor(
    proposer, form_data, patients_group
):
    response = logged_in(proposer).post(PROPOSE, form_data)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:profile")
    organisation = Organisation.objects.get(name="Rare Voices")
    assert organisation.slug == "rare-voices"
    assert not organisation.verified
    assert organisation.group == patients_group
    assert organisation.country.code == "NL"
    assert organisation.website == "https://rare-voices.example"
    membership = Membership.objects.get(organisation=organisation)
    assert membership.user == proposer
    assert membership.role == Membership.Role.EDITOR
    assert membership.status == Membership.Status.PENDING
    assert not organisation.is_member(proposer)


def test_a_proposed_organisation_is_not_public(client, proposer, form_data):
    logged_in(proposer).post(PROPOSE, form_data)

    assert client.get("/organisations/rare-voices/").status_code == 404


def test_propose_without_a_country_means_international(proposer, form_data):
    logged_in(proposer).post(PROPOSE, {**form_data, "country": ""})

    assert Organisation.objects.get(name="Rare Voices").country is None


def test_propose_gives_a_free_slug_when_the_name_slugifies_to_a_taken_one(
    proposer, form_data, organisation
):
    logged_in(proposer).post(PROPOSE, {**form_data, "name": "Lung-Patients Network!"})

    assert Organisation.objects.get(name="Lung-Patients Network!").slug == (
        "lung-patients-network-2"
    )


def test_propose_never_uses_the_reserved_slug_new(proposer, form_data):
    logged_in(proposer).post(PROPOSE, {**form_data, "name": "New"})

    assert Organisation.objects.get(name="New").slug == "new-2"
    assert logged_in(proposer).get("/organisations/new/").status_code == 200


def test_propose_a_name_without_latin_letters_still_gets_a_slug(proposer, form_data):
    logged_in(proposer).post(PROPOSE, {**form_data, "name": "患者の会"})

    assert Organisation.objects.get(name="患者の会").slug == "organisation"


def test_propose_an_organisation_already_on_the_portal_points_to_joining(
    proposer, form_data, organisation
):
    response = logged_in(proposer).post(PROPOSE, {**form_data, "name": "lung patients network"})

    assert response.status_code == 200
    assert "is already on the portal: ask to join it from its page instead." in (
        response.content.decode()
    )
    assert Organisation.objects.count() == 1


def test_double_submit_creates_one_organisation(proposer, form_data):
    client = logged_in(proposer)
    client.post(PROPOSE, form_data)

    response = client.post(PROPOSE, form_data)

    assert response.status_code == 200
    assert "Rare Voices has already been proposed and is waiting for a curator." in (
        response.content.decode()
    )
    assert Organisation.objects.filter(name="Rare Voices").count() == 1


def test_propose_errors_keep_what_was_typed(proposer, form_data):
    response = logged_in(proposer).post(
        PROPOSE, {**form_data, "name": "x" * 201, "website": "not a url", "group": ""}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters (it has 201)." in html
    assert "Enter a valid URL." in html
    assert "This field is required." in html
    assert 'value="not a url"' in html
    assert "Patients with rare cancers, together." in html
    assert not Organisation.objects.exists()


def test_propose_rejects_an_overlong_description(proposer, form_data):
    response = logged_in(proposer).post(PROPOSE, {**form_data, "description": "a" * 2001})

    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters" in response.content.decode()
    assert not Organisation.objects.exists()


def test_propose_is_limited_while_proposals_are_waiting(proposer, form_data):
    client = logged_in(proposer)
    for number in range(MAX_WAITING_PROPOSALS):
        assert client.post(PROPOSE, {**form_data, "name": f"Group {number}"}).status_code == 302

    response = client.post(PROPOSE, {**form_data, "name": "One too many"})

    assert response.status_code == 200
    assert "proposals waiting for a curator" in response.content.decode()
    assert not Organisation.objects.filter(name="One too many").exists()


def test_propose_sends_anonymous_visitors_to_log_in(client, form_data):
    get = client.get(PROPOSE)
    post = client.post(PROPOSE, form_data)

    for response in (get, post):
        assert response.status_code == 302
        assert response["Location"] == reverse("account_login") + "?next=/organisations/new/"
    assert not Organisation.objects.exists()


def test_proposing_the_same_name_twice_gives_the_first_proposal_back(proposer, patients_group):
    first = Organisation.objects.propose(by=proposer, name="Rare Voices", group=patients_group)

    again = Organisation.objects.propose(by=proposer, name="rare voices", group=patients_group)

    assert again == first
    assert Organisation.objects.count() == 1
    assert Membership.objects.filter(user=proposer).count() == 1
