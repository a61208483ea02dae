"""Who may see and do what with memberships: every page and action, every persona.

Anonymous visitors are sent to log in (302); logged-in people who may not act get
403; an organisation that does not exist, or that they may not see (a proposed one,
see test_organisation_visibility.py), is 404. Actions are POST only (405 on GET).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from stakeholders.models import Membership, Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "partner",
    "editor",
    "other_partner",
    "pending_member",
    "curator",
    "admin_user",
]


@pytest.fixture
def editor(organisation):
    user = make_user("editor")
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=Membership.Role.EDITOR,
        status=Membership.Status.APPROVED,
    )
    return user


@pytest.fixture
def proposed(patients_group) -> Organisation:
    return Organisation.objects.propose(
        by=make_user("proposer"), name="Rare Voices", group=patients_group
    )


@pytest.fixture
def asker(organisation) -> Membership:
    """A request to join `organisation` that nobody in the matrix made."""
    return Membership.objects.create(user=make_user("asker"), organisation=organisation)


def client_for(request, persona: str) -> Client:
    # Every persona exists in every case, so that "another organisation" is real.
    users = {name: request.getfixturevalue(name) for name in PERSONAS[1:]}
    if persona == "anonymous":
        return Client()
    return logged_in(users[persona])


def assert_status(response, expected: int) -> None:
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login") + "?next=")


# Pages --------------------------------------------------------------------------

PROPOSE_PAGE = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302}
MEMBERS_PAGE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302, "editor": 200}
CURATION_PAGE = dict.fromkeys(PERSONAS, 403) | {
    "anonymous": 302,
    "curator": 200,
    "admin_user": 200,
}
# A proposed organisation's members page: unknown but to curators (and its proposer).
PROPOSED_MEMBERS_PAGE = dict.fromkeys(PERSONAS, 404) | {
    "anonymous": 302,
    "curator": 403,
    "admin_user": 403,
}
UNKNOWN_MEMBERS_PAGE = dict.fromkeys(PERSONAS, 404) | {"anonymous": 302}


@pytest.mark.parametrize("persona", PERSONAS)
def test_propose_page(request, persona):
    response = client_for(request, persona).get(reverse("stakeholders:propose"))

    assert_status(response, PROPOSE_PAGE[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_members_page(request, persona, organisation):
    response = client_for(request, persona).get(organisation.get_members_url())

    assert_status(response, MEMBERS_PAGE[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_members_page_of_a_proposed_organisation(request, persona, proposed):
    response = client_for(request, persona).get(proposed.get_members_url())

    assert_status(response, PROPOSED_MEMBERS_PAGE[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_members_page_of_an_unknown_organisation(request, persona):
    response = client_for(request, persona).get("/organisations/nobody-knows/members/")

    assert_status(response, UNKNOWN_MEMBERS_PAGE[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_curation_page(request, persona):
    response = client_for(request, persona).get(reverse("curation:memberships"))

    assert_status(response, CURATION_PAGE[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_account_page(request, persona):
    response = client_for(request, persona).get(reverse("portal:profile"))

    assert_status(response, 302 if persona == "anonymous" else 200)


# Actions ------------------------------------------------------------------------

JOIN = dict.fromkeys(PERSONAS, 302)
JOIN_PROPOSED = dict.fromkeys(PERSONAS, 404) | {
    "anonymous": 302,
    "curator": 403,
    "admin_user": 403,
}
EDITOR_ACTION = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302, "editor": 302}
CURATOR_ACTION = dict.fromkeys(PERSONAS, 403) | {
    "anonymous": 302,
    "curator": 302,
    "admin_user": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_join(request, persona, organisation):
    response = client_for(request, persona).post(
        reverse("stakeholders:join", args=[organisation.slug])
    )

    assert response.status_code == JOIN[persona]
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response["Location"] == reverse("portal:profile")


@pytest.mark.parametrize("persona", PERSONAS)
def test_join_a_proposed_organisation(request, persona, proposed):
    response = client_for(request, persona).post(reverse("stakeholders:join", args=[proposed.slug]))

    assert response.status_code == JOIN_PROPOSED[persona]
    assert not proposed.memberships.exclude(user__username="proposer").exists()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", ["approve", "decline"])
def test_editor_decisions(request, persona, action, organisation, asker):
    url = reverse(f"stakeholders:member-{action}", args=[organisation.slug, asker.pk])

    response = client_for(request, persona).post(url)

    if persona == "editor":
        assert response.status_code == 302
        assert response["Location"] == organisation.get_members_url()
    else:
        assert_status(response, EDITOR_ACTION[persona])
        asker.refresh_from_db()
        assert asker.status == Membership.Status.PENDING


@pytest.mark.parametrize("persona", PERSONAS)
def test_editor_role_change(request, persona, organisation):
    client = client_for(request, persona)
    partner = Membership.objects.get(user__username="partner")
    url = reverse("stakeholders:member-role", args=[organisation.slug, partner.pk])

    response = client.post(url, {"role": "editor"})

    partner.refresh_from_db()
    if persona == "editor":
        assert response.status_code == 302
        assert partner.role == Membership.Role.EDITOR
    else:
        assert_status(response, EDITOR_ACTION[persona])
        assert partner.role == Membership.Role.MEMBER


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", ["approve", "decline"])
def test_curator_decisions(request, persona, action, asker):
    url = reverse(f"curation:membership-{action}", args=[asker.pk])

    response = client_for(request, persona).post(url)

    asker.refresh_from_db()
    if CURATOR_ACTION[persona] == 302 and persona != "anonymous":
        assert response["Location"] == reverse("curation:memberships")
        assert asker.status != Membership.Status.PENDING
    else:
        assert_status(response, CURATOR_ACTION[persona])
        assert asker.status == Membership.Status.PENDING


@pytest.mark.parametrize("persona", PERSONAS)
def test_curator_verifies(request, persona, proposed):
    url = reverse("curation:organisation-verify", args=[proposed.pk])

    response = client_for(request, persona).post(url)

    proposed.refresh_from_db()
    if CURATOR_ACTION[persona] == 302 and persona != "anonymous":
        assert response["Location"] == reverse("curation:memberships")
        assert proposed.verified
    else:
        assert_status(response, CURATOR_ACTION[persona])
        assert not proposed.verified


@pytest.mark.parametrize("persona", PERSONAS)
def test_actions_refuse_get(request, persona, organisation, asker, proposed):
    client = client_for(request, persona)
    urls = [
        reverse("stakeholders:join", args=[organisation.slug]),
        reverse("stakeholders:member-approve", args=[organisation.slug, asker.pk]),
        reverse("stakeholders:member-decline", args=[organisation.slug, asker.pk]),
        reverse("stakeholders:member-role", args=[organisation.slug, asker.pk]),
        reverse("curation:membership-approve", args=[asker.pk]),
        reverse("curation:membership-decline", args=[asker.pk]),
        reverse("curation:organisation-verify", args=[proposed.pk]),
    ]

    for url in urls:
        assert client.get(url).status_code == 405, url
    asker.refresh_from_db()
    assert asker.status == Membership.Status.PENDING


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_approved_members_act_for_the_organisation(request, persona, organisation):
    client_for(request, persona)
    user = AnonymousUser() if persona == "anonymous" else request.getfixturevalue(persona)

    assert organisation.is_member(user) == (persona in {"partner", "editor"})
