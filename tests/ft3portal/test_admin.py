"""The Django admin as admins and curators use it: every model reachable by those
allowed, status moved only by the workflow actions, history read-only, and
changelists that cost the same number of queries however many rows they show."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import CURATORS_GROUP, APIToken, User
from barriers.models import Barrier, BarrierCategory, EvidenceLink
from contributions.models import (
    Initiative,
    ModerationEvent,
    RejectionReason,
    Resource,
    Status,
)
from curation.permissions import curator_permissions
from gaps.models import CoverageEntry
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Membership, Organisation, StakeholderGroup
from synergies.models import SimilarityDecision


def make_user(username: str) -> User:
    return User.objects.create_user(username=username, email=f"{username}@example.org")


def placed(item):
    """The item placed on the pathway, as submitting it requires."""
    item.stages.set([Stage.objects.get(slug="testing-decision")])
    item.barriers.set([Barrier.objects.get(slug="test-not-reimbursed")])
    item.regions.set([Region.objects.get(slug="europe")])
    return item


def make_resource(organisation: Organisation, title: str = "Biomarker testing explained"):
    return placed(
        Resource.objects.create(
            title=title,
            summary="A plain guide to biomarker tests.",
            organisation=organisation,
            resource_type=Resource.Type.PATIENT_INFORMATION,
            url="https://example.org/guide",
        )
    )


def make_initiative(organisation: Organisation, title: str = "Test centrally, treat locally"):
    return placed(
        Initiative.objects.create(
            title=title,
            summary="A network that tests centrally and treats close to home.",
            organisation=organisation,
        )
    )


def make_barrier(title: str = "Results arrive too late") -> Barrier:
    category, _ = BarrierCategory.objects.get_or_create(
        slug="admin-test-category", defaults={"name": "Admin test category"}
    )
    barrier = Barrier.objects.create(
        slug=f"admin-test-{Barrier.objects.count()}",
        title=title,
        summary="Treatment starts before the biomarker result is back.",
        category=category,
    )
    barrier.stages.set(Stage.objects.filter(position__in=[4, 6]))
    barrier.actors.set(StakeholderGroup.objects.all()[:2])
    EvidenceLink.objects.create(barrier=barrier, title="A study", url="https://example.org/s")
    return barrier


@pytest.fixture
def resource(organisation, partner) -> Resource:
    resource = make_resource(organisation)
    resource.submit(by=partner)
    return resource


@pytest.fixture
def initiative(organisation, partner) -> Initiative:
    initiative = make_initiative(organisation)
    initiative.submit(by=partner)
    return initiative


@pytest.fixture
def one_of_each(partner, pending_member, resource, initiative) -> dict[type, object]:
    """An existing row of every model registered in the admin that curators see."""
    barrier = make_barrier()
    published = make_resource(resource.organisation, title="Already published guide")
    published.submit(by=partner)
    published.publish(by=partner)
    decision = SimilarityDecision.objects.create(
        resource=resource,
        match_resource=published,
        choice=SimilarityDecision.Choice.RELATED,
        score=0.8,
        reasons=["similar title"],
        decided_by=partner,
    )
    return {
        SimilarityDecision: decision,
        CoverageEntry: CoverageEntry.objects.get(resource=published),
        Stage: Stage.objects.get(position=1),
        TherapeuticArea: TherapeuticArea.objects.get(slug="lung-cancer"),
        Region: Region.objects.get(slug="europe"),
        Country: Country.objects.get(code="DE"),
        StakeholderGroup: StakeholderGroup.objects.get(slug="clinicians"),
        Organisation: resource.organisation,
        Membership: pending_member.memberships.get(),
        BarrierCategory: barrier.category,
        Barrier: barrier,
        Resource: resource,
        Initiative: initiative,
        ModerationEvent: resource.moderation_events.get(),
        User: partner,
    }


def admin_url(model: type, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


EDITABLE = [
    Stage,
    TherapeuticArea,
    Region,
    Country,
    StakeholderGroup,
    Organisation,
    Membership,
    BarrierCategory,
    Barrier,
    Resource,
    Initiative,
]


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


def admin_form(user, item, **changes):
    """The admin's change form for `item`, posted with its values and `changes`."""
    request = RequestFactory().get("/")
    request.user = user
    form_class = admin.site._registry[type(item)].get_form(request, item)
    unbound = form_class(instance=item)
    data = {name: unbound[name].value() for name in unbound.fields}
    data = {name: value for name, value in data.items() if value is not None}
    return form_class({**data, **changes}, instance=item)


def test_an_admin_edit_may_not_take_an_item_under_review_off_the_pathway(admin_user, resource):
    form = admin_form(admin_user, resource, stages=[], regions=[])

    assert not form.is_valid()
    assert form.errors == {
        "stages": ["This field is required."],
        "regions": ["Choose the countries or regions it covers (Global if everywhere)."],
    }
    assert admin_form(admin_user, resource, title="Retitled").is_valid()


def test_a_draft_may_lose_its_place_in_the_world_in_the_admin(admin_user, organisation):
    draft = make_resource(organisation, title="Draft")

    assert admin_form(admin_user, draft, regions=[]).is_valid()


def test_the_admin_keeps_the_models_date_rule(admin_user, initiative):
    form = admin_form(admin_user, initiative, start_date="2025-05-01", end_date="2025-04-01")

    assert form.errors == {"end_date": ["The end date cannot be before the start date."]}


def test_a_contribution_shows_its_moderation_history(admin_user, resource):
    response = client_for(admin_user).get(admin_url(Resource, "change", resource.pk))
    (history,) = response.context["inline_admin_formsets"]
    assert [form.original for form in history] == [resource.moderation_events.get()]
    assert not history.has_add_permission
    assert not history.has_delete_permission


def test_rejection_reasons_are_shown_in_words(admin_user, resource, curator):
    resource.reject(by=curator, reasons=[RejectionReason.OUT_OF_SCOPE])

    response = client_for(admin_user).get(admin_url(Resource, "change", resource.pk))

    assert response.text.count("Out of scope for precision-medicine access") == 2
    assert "out_of_scope" not in response.text


def post_action(client: Client, model: type, action: str, objects) -> list[str]:
    response = client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_publish_action_publishes_submitted_items_and_skips_drafts(curator, resource, organisation):
    draft = make_resource(organisation, title="Still a draft")
    messages = post_action(client_for(curator), Resource, "publish_selected", [resource, draft])

    resource.refresh_from_db()
    draft.refresh_from_db()
    assert resource.status == Status.PUBLISHED
    assert resource.reviewed_by == curator
    assert draft.status == Status.DRAFT
    event = resource.moderation_events.first()
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "publish",
        curator,
        Status.SUBMITTED,
        Status.PUBLISHED,
    )
    assert not draft.moderation_events.exists()
    assert messages == ["1 item published. 1 skipped because its status does not allow it."]


def test_archive_and_unarchive_actions_move_initiatives_through_the_workflow(curator, initiative):
    client = client_for(curator)
    initiative.publish(by=curator)

    assert post_action(client, Initiative, "archive_selected", [initiative]) == ["1 item archived."]
    initiative.refresh_from_db()
    assert initiative.status == Status.ARCHIVED

    assert post_action(client, Initiative, "unarchive_selected", [initiative]) == [
        "1 item unarchived."
    ]
    initiative.refresh_from_db()
    assert initiative.status == Status.PUBLISHED
    assert list(initiative.moderation_events.values_list("action", flat=True)) == [
        "unarchive",
        "archive",
        "publish",
        "submit",
    ]


def test_membership_approve_action_records_who_decided(curator, pending_member, partner):
    pending = pending_member.memberships.get()
    approved = partner.memberships.get()

    messages = post_action(client_for(curator), Membership, "approve_selected", [pending, approved])

    pending.refresh_from_db()
    approved.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED
    assert pending.decided_by == curator
    assert pending.decided_at is not None
    assert approved.decided_by is None
    assert messages == ["1 membership set to “Approved”. 1 skipped: it already was."]


def test_membership_decline_action_records_who_decided(curator, pending_member):
    membership = pending_member.memberships.get()

    post_action(client_for(curator), Membership, "decline_selected", [membership])

    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    assert membership.decided_by == curator


def test_verify_action_marks_proposed_organisations_as_verified(curator, patients_group):
    proposed = Organisation.objects.create(
        name="Rural Testing Alliance", slug="rural-testing-alliance", group=patients_group
    )

    messages = post_action(client_for(curator), Organisation, "verify_selected", [proposed])

    proposed.refresh_from_db()
    assert proposed.verified
    assert messages == ["1 organisation verified; whoever proposed it is its editor."]


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


# Changelists must cost the same number of queries for 3 rows as for 30.


def add_resources(n: int, organisation: Organisation, **_) -> None:
    for i in range(n):
        make_resource(organisation, title=f"Resource {i}").submit(by=None)


def add_initiatives(n: int, organisation: Organisation, **_) -> None:
    for i in range(n):
        make_initiative(organisation, title=f"Initiative {i}").submit(by=None)


def add_organisations(n: int, patients_group: StakeholderGroup, **_) -> None:
    for i in range(n):
        organisation = Organisation.objects.create(
            name=f"Organisation {i}",
            slug=f"organisation-{i}-{Organisation.objects.count()}",
            group=patients_group,
            country=Country.objects.get(code="IT"),
        )
        user = make_user(f"org{organisation.pk}")
        Membership.objects.create(
            user=user, organisation=organisation, status=Membership.Status.APPROVED
        )


def add_memberships(n: int, organisation: Organisation, decider: User, **_) -> None:
    for _i in range(n):
        user = make_user(f"member{User.objects.count()}")
        membership = Membership.objects.create(user=user, organisation=organisation)
        membership.approve(by=decider)


def add_barriers(n: int, **_) -> None:
    for i in range(n):
        make_barrier(title=f"Barrier {i}")


def add_moderation_events(n: int, organisation: Organisation, **_) -> None:
    add_resources(n, organisation)


@pytest.mark.parametrize(
    ("model", "add_rows"),
    [
        (Resource, add_resources),
        (Initiative, add_initiatives),
        (Organisation, add_organisations),
        (Membership, add_memberships),
        (Barrier, add_barriers),
        (ModerationEvent, add_moderation_events),
    ],
)
def test_changelist_queries_do_not_grow_with_rows(
    model, add_rows, admin_user, organisation, patients_group
):
    client = client_for(admin_user)
    url = admin_url(model, "changelist")
    context = {
        "organisation": organisation,
        "patients_group": patients_group,
        "decider": admin_user,
    }

    def queries_for_page(expected_rows: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.context["cl"].result_count == expected_rows
        return len(queries)

    before = model.objects.count()
    add_rows(3, **context)
    client.get(url)  # Warm per-process caches (content types, sessions) first.
    with_3 = queries_for_page(before + 3)
    add_rows(27, **context)
    assert queries_for_page(before + 30) == with_3
