"""An organisation's editors edit its public profile; nobody else can."""

import pytest
from django.urls import reverse

from tests.conftest import logged_in
from tests.stakeholders import test_membership_join

pytestmark = pytest.mark.django_db

editor = test_membership_join.editor  # the same approved editor of `organisation`


def edit_url(organisation) -> str:
    return reverse("stakeholders:edit", args=[organisation.slug])


def test_an_editor_edits_the_profile_from_the_organisation_page(editor, organisation):
    client = logged_in(editor)
    assert edit_url(organisation) in client.get(organisation.get_absolute_url()).content.decode()

    response = client.post(
        edit_url(organisation),
        {
            "group": organisation.group.pk,
            "country": "",
            "website": "https://example.org/new",
            "description": "We help people with lung cancer get tested.",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    organisation.refresh_from_db()
    assert organisation.website == "https://example.org/new"
    assert organisation.country is None
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "We help people with lung cancer get tested." in page


def test_errors_are_shown_with_the_input_kept_and_nothing_saved(editor, organisation):
    before = organisation.description
    response = logged_in(editor).post(
        edit_url(organisation),
        {"group": organisation.group.pk, "website": "not a url", "description": "x" * 2001},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a valid URL." in body
    assert "at most 2000 characters" in body
    assert 'value="not a url"' in body and "x" * 2001 in body
    organisation.refresh_from_db()
    assert organisation.description == before


def test_members_without_the_role_and_other_organisations_are_refused(
    partner, other_partner, organisation, editor
):
    for user in (partner, other_partner):
        client = logged_in(user)
        assert client.get(edit_url(organisation)).status_code == 403
        response = client.post(edit_url(organisation), {"website": "https://evil.example/"})
        assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.website != "https://evil.example/"
    assert (
        edit_url(organisation)
        not in logged_in(partner).get(organisation.get_absolute_url()).content.decode()
    )


def test_anonymous_visitors_are_sent_to_log_in(client, organisation):
    response = client.get(edit_url(organisation))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
