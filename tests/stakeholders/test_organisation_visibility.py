"""Who may see a proposed (unverified) organisation: one rule,
`Organisation.objects.visible_to`, and the same answer on every surface.

Verified organisations are public. A proposed one is seen by curators (and admins,
who are curators) and by whoever proposed it; to everyone else it answers exactly
like an organisation that does not exist: 404 on its pages and in the API, and
"Unknown value" wherever a filter takes an organisation's slug.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from stakeholders.models import Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "partner", "proposer", "other_partner", "curator", "admin_user"]
# The personas who may see the proposed organisation.
SEES_PROPOSED = {"proposer", "curator", "admin_user"}


@pytest.fixture
def proposer(db):
    return make_user("proposer")


@pytest.fixture
def proposed(proposer, patients_group) -> Organisation:
    return Organisation.objects.propose(by=proposer, name="Rare Voices", group=patients_group)


@pytest.fixture
def world(request, proposed, organisation):
    """Every persona exists in every case, so "another organisation" is real."""
    return {name: request.getfixturevalue(name) for name in PERSONAS[1:]}


def client_for(world: dict, persona: str) -> Client:
    return Client() if persona == "anonymous" else logged_in(world[persona])


def user_of(world: dict, persona: str):
    return AnonymousUser() if persona == "anonymous" else world[persona]


def answers(client: Client, slug: str) -> dict:
    """What each surface says about organisation `slug`: True for "it exists"."""
    api_list = client.get("/api/v1/organisations/?page_size=100").json()["results"]
    api_filter = client.get(f"/api/v1/resources/?organisation={slug}")
    library = client.get(f"/resources/?organisation={slug}").content.decode()
    return {
        "web page": client.get(f"/organisations/{slug}/").status_code == 200,
        "API detail": client.get(f"/api/v1/organisations/{slug}/").status_code == 200,
        "API list": slug in {organisation["slug"] for organisation in api_list},
        "API filter": api_filter.status_code == 200,
        "library filter": "We ignored" not in library,
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_surface_gives_the_same_answer_about_a_proposed_organisation(
    world, persona, proposed
):
    expected = persona in SEES_PROPOSED

    seen = answers(client_for(world, persona), proposed.slug)

    assert seen == dict.fromkeys(seen, expected)
    visible = Organisation.objects.visible_to(user_of(world, persona))
    assert visible.filter(pk=proposed.pk).exists() == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_surface_shows_a_verified_organisation_to_everyone(world, persona, organisation):
    seen = answers(client_for(world, persona), organisation.slug)

    assert seen == dict.fromkeys(seen, True)


@pytest.mark.parametrize("persona", [name for name in PERSONAS if name not in SEES_PROPOSED])
def test_a_proposed_organisation_answers_like_an_unknown_one_to_those_who_may_not_see_it(
    world, persona, proposed
):
    client = client_for(world, persona)

    for path in ("/organisations/{}/", "/api/v1/organisations/{}/"):
        hidden = client.get(path.format(proposed.slug))
        unknown = client.get(path.format("nobody-knows"))
        assert hidden.status_code == unknown.status_code == 404
    hidden = client.get(f"/api/v1/resources/?organisation={proposed.slug}").json()
    unknown = client.get("/api/v1/resources/?organisation=nobody-knows").json()
    assert hidden["error"]["fields"] == {"organisation": [f"Unknown value: {proposed.slug}."]}
    assert unknown["error"]["fields"] == {"organisation": ["Unknown value: nobody-knows."]}


# The pages that act on an organisation: hidden is 404, shown but not allowed is 403.
MEMBERS_PAGE = {
    "anonymous": 302,
    "partner": 404,
    # Its proposer becomes its editor only when a curator verifies it.
    "proposer": 403,
    "other_partner": 404,
    "curator": 403,
    "admin_user": 403,
}
# Nobody joins an organisation before it is verified.
JOIN = MEMBERS_PAGE


@pytest.mark.parametrize("persona", PERSONAS)
def test_members_page_of_a_proposed_organisation(world, persona, proposed):
    response = client_for(world, persona).get(proposed.get_members_url())

    assert response.status_code == MEMBERS_PAGE[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_join_a_proposed_organisation(world, persona, proposed):
    response = client_for(world, persona).post(reverse("stakeholders:join", args=[proposed.slug]))

    assert response.status_code == JOIN[persona]
    assert proposed.memberships.count() == 1


@pytest.mark.parametrize("persona", sorted(SEES_PROPOSED))
def test_a_proposed_organisations_page_says_it_is_not_public_yet(world, persona, proposed):
    response = client_for(world, persona).get(proposed.get_absolute_url())

    html = response.content.decode()
    assert "Not public yet." in html
    assert '<meta name="robots" content="noindex">' in html
    # Nobody can ask to join it yet.
    assert reverse("stakeholders:join", args=[proposed.slug]) not in html
    curation = reverse("curation:memberships")
    assert (curation in html) == (persona != "proposer")


def test_a_verified_organisations_page_has_no_such_notice(partner, organisation):
    html = logged_in(partner).get(organisation.get_absolute_url()).content.decode()

    assert "Not public yet." not in html
    assert "noindex" not in html


def test_the_proposer_sees_it_no_more_once_the_proposal_is_declined(
    proposer, proposed, curator, make_resource
):
    # Content attached to it keeps it, hidden; its proposer is refused.
    make_resource("Attached", organisation=proposed)
    proposed.decline_proposal(by=curator, note="Not a health organisation.")

    assert Organisation.objects.filter(pk=proposed.pk).exists()
    client = logged_in(proposer)
    seen = answers(client, proposed.slug)
    assert seen == dict.fromkeys(seen, False)


def test_it_is_public_once_verified(proposed, curator):
    proposed.verify(by=curator)

    seen = answers(Client(), proposed.slug)
    assert seen == dict.fromkeys(seen, True)


def test_the_sitemap_and_the_directory_list_only_verified_organisations(
    curator, organisation, proposed
):
    sitemap = Client().get("/sitemap-organisations.xml").content.decode()
    directory = logged_in(curator).get(reverse("portal:stakeholders")).content.decode()

    assert organisation.get_absolute_url() in sitemap
    assert proposed.get_absolute_url() not in sitemap
    assert organisation.get_absolute_url() in directory
    assert proposed.get_absolute_url() not in directory


@pytest.mark.parametrize("persona", ["partner", "other_partner"])
def test_api_writes_answer_alike_for_a_hidden_and_an_unknown_organisation(world, persona, proposed):
    client = client_for(world, persona)

    def create(slug: str) -> dict:
        response = client.post(
            "/api/v1/resources/",
            {
                "title": "A title",
                "summary": "A summary.",
                "organisation": slug,
                "url": "https://example.org/x",
                "resource_type": "report",
            },
            content_type="application/json",
        )
        assert response.status_code == 400
        return response.json()["error"]["fields"]["organisation"]

    hidden, unknown = create(proposed.slug), create("nobody-knows")
    assert hidden == [message.replace("nobody-knows", proposed.slug) for message in unknown]


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_initiatives_partners_are_the_same_on_its_page_and_in_the_api(
    world, persona, proposed, other_organisation, make_initiative
):
    # Partners are chosen among verified organisations; an admin may attach others.
    initiative = make_initiative("Joint pilot", "published")
    initiative.partner_organisations.set([other_organisation, proposed])
    client = client_for(world, persona)

    page = client.get(initiative.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/initiatives/{initiative.slug}/").json()

    expected = {"Colorectal Alliance"} | ({"Rare Voices"} if persona in SEES_PROPOSED else set())
    assert {partner["name"] for partner in api["partner_organisations"]} == expected
    assert ("Rare Voices" in page) == (persona in SEES_PROPOSED)
