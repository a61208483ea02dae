"""`manage.py loaddemo`: real-world demo content, moderated through the workflow,
three demo accounts with printed random passwords, and a second run that is a no-op."""

import io
import itertools
import re

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import CURATORS_GROUP, User
from assessments import demo as assessment_demo
from contributions import demo
from contributions.models import Initiative, ModerationEvent, Resource, Status
from pathway.models import Stage
from stakeholders.models import Membership, Organisation

# The accounts the assessments demo adds (CONTRIBUTION_DEMO_LOADERS): editors, reviewers.
EXTENSION_ACCOUNTS = len(assessment_demo.EDITORS) + len(assessment_demo.REVIEWERS)

PASSWORD_LINE = re.compile(r"^ +(\w+) — .+ — password: (\S+)$", re.MULTILINE)

pytestmark = pytest.mark.django_db


def loaddemo(*args: str) -> str:
    out = io.StringIO()
    call_command("loaddemo", *args, stdout=out)
    return out.getvalue()


def printed_passwords(output: str) -> dict[str, str]:
    return dict(PASSWORD_LINE.findall(output))


def demo_items() -> list[Resource | Initiative]:
    return [*Resource.objects.all(), *Initiative.objects.all()]


def snapshot() -> dict[str, object]:
    """Row counts of every model, and every field of the rows loaddemo touches."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    rows = {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in (Organisation, Resource, Initiative, ModerationEvent, User, Membership)
    }
    return {"counts": counts, "rows": rows}


def test_first_run_creates_organisations_contributions_and_accounts():
    output = loaddemo()

    assert Organisation.objects.count() >= 10
    assert Resource.objects.count() + Initiative.objects.count() >= 15
    assert User.objects.filter(username__in=["partner", "curator", "admin"]).count() == 3
    # The three of contributions, and those of the apps' demo content.
    accounts = 3 + EXTENSION_ACCOUNTS
    assert (
        f"Created {len(demo.ORGANISATIONS)} organisations, "
        f"{len(demo.RESOURCES) + len(demo.INITIATIVES)} contributions, {accounts} accounts."
        in output
    )


def test_demo_organisations_are_verified_and_international_ones_have_no_country():
    loaddemo()

    organisations = Organisation.objects.filter(slug__in=[o["slug"] for o in demo.ORGANISATIONS])
    assert organisations.count() == len(demo.ORGANISATIONS)
    assert all(o.verified and o.website.startswith("https://") for o in organisations)
    assert all(o.description for o in organisations)
    assert organisations.get(slug="esmo").country is None
    assert str(organisations.get(slug="nngm").country.code) == "DE"
    assert organisations.get(slug="nhs-england").group.slug == "policy-makers"


def test_demo_contributions_are_a_mix_of_kinds_and_states_mostly_published():
    loaddemo()

    assert Resource.objects.count() >= 8
    assert Initiative.objects.count() >= 7
    statuses = [item.status for item in demo_items()]
    assert {
        Status.PUBLISHED,
        Status.SUBMITTED,
        Status.CHANGES_REQUESTED,
        Status.DRAFT,
        Status.REJECTED,
    } <= set(statuses)
    assert statuses.count(Status.PUBLISHED) > len(statuses) / 2


def test_each_status_was_reached_through_the_workflow_with_its_events():
    loaddemo()
    curator = User.objects.get(username="curator")

    for item in demo_items():
        events = list(item.moderation_events.order_by("created_at", "id"))
        if item.status == Status.DRAFT:
            assert events == [], item.slug
            continue
        assert events[0].action == "submit", item.slug
        assert events[-1].to_status == item.status, item.slug
        for earlier, later in itertools.pairwise(events):
            assert earlier.to_status == later.from_status, item.slug
        if item.status != Status.SUBMITTED:
            assert item.reviewed_by == curator, item.slug
            assert events[-1].actor == curator, item.slug


def test_every_published_demo_item_has_a_published_event():
    loaddemo()

    published = [item for item in demo_items() if item.status == Status.PUBLISHED]
    assert published
    for item in published:
        assert item.moderation_events.filter(
            action="publish", to_status=Status.PUBLISHED
        ).exists(), item.slug
        assert item.published_at is not None


def test_rejected_and_changes_requested_items_carry_the_curators_reasons():
    loaddemo()

    rejected = [item for item in demo_items() if item.status == Status.REJECTED]
    changes = [item for item in demo_items() if item.status == Status.CHANGES_REQUESTED]
    assert rejected and changes
    for item in rejected:
        event = item.moderation_events.get(action="reject")
        assert event.reasons and event.note
    for item in changes:
        assert item.moderation_events.get(action="request_changes").note


def test_every_demo_item_has_a_stage_a_barrier_and_a_link():
    loaddemo()

    for item in demo_items():
        assert item.stages.exists(), item.slug
        assert item.barriers.exists(), item.slug
        assert item.countries.exists() or item.regions.exists(), item.slug
        link = item.url if isinstance(item, Resource) else item.website
        assert link.startswith("https://"), item.slug


def test_initiatives_link_partners_and_related_resources():
    loaddemo()

    drup = Initiative.objects.get(slug="drup-drug-rediscovery-protocol")
    assert [o.slug for o in drup.partner_organisations.all()] == [
        "leiden-university-medical-center"
    ]
    assert [r.slug for r in drup.related_resources.all()] == ["drup-first-three-years"]


def test_only_the_partners_own_organisation_items_are_submitted_by_the_partner():
    loaddemo()
    partner = User.objects.get(username="partner")

    for item in demo_items():
        own = item.organisation.slug == demo.PARTNER_ORGANISATION
        assert item.submitted_by == (partner if own else None), item.slug
    assert any(item.submitted_by == partner for item in demo_items())


def test_demo_accounts_have_their_roles():
    loaddemo()

    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff

    curator = User.objects.get(username="curator")
    assert curator.is_staff and not curator.is_superuser
    assert curator.groups.filter(name=CURATORS_GROUP).exists()
    assert curator.is_curator

    partner = User.objects.get(username="partner")
    assert not partner.is_staff and not partner.is_curator
    membership = partner.memberships.get()
    assert membership.organisation.slug == demo.PARTNER_ORGANISATION
    assert membership.role == Membership.Role.EDITOR
    assert membership.status == Membership.Status.APPROVED

    assert {u.email for u in (admin, curator, partner)} == {
        "admin@example.org",
        "curator@example.org",
        "partner@example.org",
    }


def test_printed_passwords_log_in():
    output = loaddemo()

    passwords = printed_passwords(output)
    assert set(passwords) == {"admin", "curator", "partner"}
    assert len(set(passwords.values())) == 3
    for username, password in passwords.items():
        user = authenticate(username=username, password=password)
        assert user is not None and user.username == username
    assert "/admin/" in output


def test_passwords_are_random_on_each_fresh_database():
    first = printed_passwords(loaddemo())
    User.objects.filter(username__in=first).delete()

    second = printed_passwords(loaddemo())

    assert set(second) == set(first)
    assert all(second[name] != first[name] for name in first)


def test_second_run_adds_nothing_changes_nothing_and_says_so():
    loaddemo()
    before = snapshot()

    output = loaddemo()

    assert snapshot() == before
    assert "Nothing to add" in output
    assert printed_passwords(output) == {}
    assert output.count("already exists") == 3 + EXTENSION_ACCOUNTS


def test_reset_passwords_sets_new_ones_and_changes_nothing_else():
    old = printed_passwords(loaddemo())
    counts = snapshot()["counts"]

    output = loaddemo("--reset-passwords")

    new = printed_passwords(output)
    assert set(new) == {"admin", "curator", "partner"}
    for username in new:
        assert new[username] != old[username]
        assert authenticate(username=username, password=new[username]) is not None
        assert authenticate(username=username, password=old[username]) is None
    assert snapshot()["counts"] == counts
    assert "Nothing to add" in output


def test_an_existing_account_is_left_untouched():
    existing = User.objects.create_user(
        username="curator", email="curator@example.org", password="kept-as-it-was-91"
    )

    output = loaddemo()

    # The assessments demo needs a real curator, so it adds nothing either.
    assert "2 accounts" in output
    assert set(printed_passwords(output)) == {"admin", "partner"}
    existing.refresh_from_db()
    assert existing.check_password("kept-as-it-was-91")
    assert not existing.groups.exists()
    assert ModerationEvent.objects.filter(actor=existing, action="publish").exists()


def test_missing_reference_content_stops_the_run_and_rolls_everything_back():
    Stage.objects.filter(slug="monitoring").delete()
    before = snapshot()

    with pytest.raises(CommandError, match="monitoring"):
        loaddemo()

    assert snapshot() == before
