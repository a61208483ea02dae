"""Who curates is decided in one place, `User.objects.curators()`: `User.is_curator`,
the `curator_required` pages and the API's curator actions all give its answer."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from accounts.models import CURATORS_GROUP, User
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db


def curators_group() -> Group:
    return Group.objects.get(name=CURATORS_GROUP)


@pytest.fixture
def staff_member(db) -> User:
    """Staff (may open the admin) but not in the Curators group: not a curator."""
    return make_user("staff", is_staff=True)


@pytest.fixture
def curating_partner(partner) -> User:
    partner.groups.add(curators_group())
    return partner


@pytest.fixture
def inactive_curator(db) -> User:
    user = make_user("formercurator", is_active=False)
    user.groups.add(curators_group())
    return user


@pytest.fixture
def inactive_admin(db) -> User:
    return make_user("formeradmin", is_superuser=True, is_active=False)


@pytest.fixture
def in_another_group(db) -> User:
    user = make_user("reviewer")
    user.groups.add(Group.objects.create(name="Curators of something else"))
    return user


# persona -> whether they curate
PERSONAS = {
    "partner": False,
    "other_partner": False,
    "pending_member": False,
    "staff_member": False,
    "in_another_group": False,
    "inactive_curator": False,
    "inactive_admin": False,
    "curator": True,
    "curating_partner": True,
    "admin_user": True,
}
CURATOR_PAGES = [reverse("curation:queue"), reverse("curation:memberships")]


@pytest.mark.parametrize("persona", PERSONAS)
def test_is_curator_and_the_curators_query_agree(request, persona):
    user = request.getfixturevalue(persona)

    assert User.objects.curators().filter(pk=user.pk).exists() == PERSONAS[persona]
    assert User.objects.get(pk=user.pk).is_curator == PERSONAS[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_curator_pages_open_to_curators_only(request, persona):
    user = request.getfixturevalue(persona)
    client = logged_in(user)

    for url in CURATOR_PAGES:
        response = client.get(url)
        if PERSONAS[persona]:
            assert response.status_code == 200, url
        elif user.is_active:
            assert response.status_code == 403, url
        else:
            # An inactive account is logged out: sent to log in, like anyone anonymous.
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login"))


def test_curator_pages_send_anonymous_visitors_to_log_in():
    for url in CURATOR_PAGES:
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_apis_curator_actions_follow_the_same_rule(request, persona, make_resource):
    user = request.getfixturevalue(persona)
    submitted = make_resource("Waiting", "submitted")

    response = logged_in(user).post(
        f"/api/v1/resources/{submitted.slug}/publish/", {}, content_type="application/json"
    )

    if PERSONAS[persona]:
        assert response.status_code == 200
    else:
        assert response.status_code == (403 if user.is_active else 401)


def test_the_curators_query_lists_each_curator_once(curator, curating_partner, admin_user):
    admin_user.groups.add(curators_group())

    assert sorted(User.objects.curators().values_list("username", flat=True)) == [
        "admin",
        "curator",
        "partner",
    ]
