"""The Django admin as admins and curators use it: every model reachable by those
allowed, history read-only, API tokens and curators' permissions."""

import pytest
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from accounts.models import CURATORS_GROUP, APIToken, User
from contributions.models import (
    ModerationEvent,
    Resource,
)
from curation.permissions import curator_permissions
from gaps.models import CoverageEntry
from synergies.models import SimilarityDecision
from tests.ft3portal.support import (
    EDITABLE,
    admin_url,
    client_for,
)


@pytest.mark.parametrize("persona", ["admin_user", "curator"])
def test_admins_and_curators_can_open_every_changelist_add_and_change_page(
    persona, one_of_each, request
):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("admin:index")).status_code == 200
    for model, obj in one_of_each.items():
        assert client.get(admin_url(model, "changelist")).status_code == 200, model
        assert client.get(admin_url(model, "change", obj.pk)).status_code == 200, model
    for model in EDITABLE:
        assert client.get(admin_url(model, "add")).status_code == 200, model


def test_curators_only_view_users(curator, one_of_each):
    client = client_for(curator)
    user = one_of_each[User]
    assert client.get(admin_url(User, "add")).status_code == 403
    response = client.get(admin_url(User, "change", user.pk))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert client.post(admin_url(User, "change", user.pk), {}).status_code == 403


@pytest.mark.parametrize("model", [SimilarityDecision, CoverageEntry])
@pytest.mark.parametrize("persona", ["admin_user", "curator"])
def test_synergy_records_are_shown_but_never_edited(persona, model, one_of_each, request):
    client = client_for(request.getfixturevalue(persona))
    obj = one_of_each[model]
    change_url = admin_url(model, "change", obj.pk)
    assert client.get(admin_url(model, "add")).status_code == 403
    assert not client.get(change_url).context["has_change_permission"]
    assert client.post(change_url, {}).status_code == 403
    assert client.post(admin_url(model, "delete", obj.pk)).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()


def test_the_coverage_entry_lists_the_ids_it_counts(admin_user, one_of_each):
    entry = one_of_each[CoverageEntry]
    entry.stage_bits = 1 << 2 | 1 << 5
    entry.save()
    response = client_for(admin_user).get(admin_url(CoverageEntry, "changelist"))
    assert "2, 5" in response.content.decode()


def test_admins_see_api_tokens_without_their_keys_and_can_revoke_them(admin_user, partner):
    token, key = APIToken.issue(partner, "Nightly sync")
    client = client_for(admin_user)
    listing = client.get(admin_url(APIToken, "changelist")).content.decode()
    assert "Nightly sync" in listing
    assert token.prefix in listing
    assert key not in listing
    assert token.digest not in client.get(admin_url(APIToken, "change", token.pk)).content.decode()
    assert client.get(admin_url(APIToken, "add")).status_code == 403
    assert client.post(admin_url(APIToken, "change", token.pk), {"name": "x"}).status_code == 403
    assert client.post(admin_url(APIToken, "delete", token.pk), {"post": "yes"}).status_code == 302
    assert not APIToken.objects.filter(pk=token.pk).exists()


def test_curators_do_not_see_api_tokens(curator, partner):
    token, _ = APIToken.issue(partner, "Nightly sync")
    client = client_for(curator)
    assert client.get(admin_url(APIToken, "changelist")).status_code == 403
    assert client.get(admin_url(APIToken, "change", token.pk)).status_code == 403


def test_the_admin_can_add_users(admin_user):
    assert client_for(admin_user).get(admin_url(User, "add")).status_code == 200


def test_a_partner_is_sent_to_the_admin_login(partner, resource):
    client = client_for(partner)
    for url in (reverse("admin:index"), admin_url(Resource, "changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_a_curator_cannot_delete_a_resource(curator, resource):
    client = client_for(curator)
    url = admin_url(Resource, "delete", resource.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Resource.objects.filter(pk=resource.pk).exists()


def test_the_bulk_delete_action_is_not_offered_to_curators(curator, resource):
    response = client_for(curator).get(admin_url(Resource, "changelist"))
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "delete_selected" not in actions
    assert {"publish_selected", "archive_selected", "unarchive_selected"} <= set(actions)


@pytest.mark.parametrize("persona", ["admin_user", "curator"])
def test_nobody_can_add_change_or_delete_moderation_events(persona, resource, request):
    client = client_for(request.getfixturevalue(persona))
    event = resource.moderation_events.get()
    change_url = admin_url(ModerationEvent, "change", event.pk)
    assert client.get(admin_url(ModerationEvent, "add")).status_code == 403
    assert not client.get(change_url).context["has_change_permission"]
    assert client.post(change_url, {"note": "Rewritten"}).status_code == 403
    assert client.post(admin_url(ModerationEvent, "delete", event.pk)).status_code == 403
    event.refresh_from_db()
    assert event.note == ""


def test_the_status_is_not_a_form_field(admin_user, resource):
    response = client_for(admin_user).get(admin_url(Resource, "change", resource.pk))
    form = response.context["adminform"].form
    assert "status" not in form.fields
    assert "status" in response.context["adminform"].readonly_fields


def test_the_admin_has_no_submit_action(admin_user, resource):
    response = client_for(admin_user).get(admin_url(Resource, "changelist"))
    actions = [name for name, _label in response.context["action_form"].fields["action"].choices]
    assert actions == [
        "",
        "delete_selected",
        "publish_selected",
        "archive_selected",
        "unarchive_selected",
    ]


def test_a_users_memberships_are_shown_on_their_page(admin_user, partner):
    response = client_for(admin_user).get(admin_url(User, "change", partner.pk))
    (memberships,) = response.context["inline_admin_formsets"]
    shown = [form.original for form in memberships if form.original is not None]
    assert shown == [partner.memberships.get()]


def test_countries_are_picked_by_autocomplete(curator):
    response = client_for(curator).get(
        reverse("admin:autocomplete"),
        {
            "app_label": "contributions",
            "model_name": "resource",
            "field_name": "countries",
            "term": "germ",
        },
    )
    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == ["DE"]


def test_the_curators_group_has_view_add_and_change_but_no_delete(db):
    group = Group.objects.get(name=CURATORS_GROUP)
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert granted == curator_permissions()
    assert ("contributions", "change_resource") in granted
    assert ("contributions", "view_moderationevent") in granted
    assert ("accounts", "view_user") in granted
    assert not {codename for _, codename in granted if codename.startswith("delete_")}
    assert ("contributions", "change_moderationevent") not in granted
    assert ("accounts", "change_user") not in granted


def test_migrate_grants_missing_curator_permissions_again_without_duplicates(db):
    group = Group.objects.get(name=CURATORS_GROUP)
    group.permissions.remove(*group.permissions.filter(codename="view_resource"))

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    granted = list(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("contributions", "view_resource") in granted
    assert len(granted) == len(set(granted)) == len(curator_permissions())
