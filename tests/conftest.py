"""Fixtures shared by every test: personas and a little content to act on.

Personas follow the portal's roles: anonymous visitor, partner (approved member
of an organisation), partner of another organisation, member not yet approved,
curator and admin.
"""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from accounts.models import CURATORS_GROUP, User
from pathway.models import Country, Stage
from stakeholders.models import Membership, Organisation, StakeholderGroup

PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters live in the cache, which is Redis on CI and outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_to_start_with():
    # A request activates its language for the thread (LocaleMiddleware) and leaves
    # it active: each test starts in English whatever the one before asked for.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def rendered_pages(settings):
    """Every page rendered, none answered from the page cache (core/pagecache.py):
    for tests that read a response's template context on a repeated view."""
    settings.PAGE_CACHE_RENDERED_PATHS = ["/"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The real hasher is slow on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, **extra) -> User:
    return User.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )


@pytest.fixture
def patients_group(db) -> StakeholderGroup:
    return StakeholderGroup.objects.get(slug="patients-advocacy")


@pytest.fixture
def organisation(db, patients_group) -> Organisation:
    return Organisation.objects.create(
        name="Lung Patients Network",
        slug="lung-patients-network",
        group=patients_group,
        country=Country.objects.get(code="DE"),
        verified=True,
    )


@pytest.fixture
def other_organisation(db, patients_group) -> Organisation:
    return Organisation.objects.create(
        name="Colorectal Alliance",
        slug="colorectal-alliance",
        group=patients_group,
        country=Country.objects.get(code="FR"),
        verified=True,
    )


@pytest.fixture
def partner(db, organisation) -> User:
    user = make_user("partner")
    Membership.objects.create(
        user=user, organisation=organisation, status=Membership.Status.APPROVED
    )
    return user


@pytest.fixture
def other_partner(db, other_organisation) -> User:
    user = make_user("otherpartner")
    Membership.objects.create(
        user=user, organisation=other_organisation, status=Membership.Status.APPROVED
    )
    return user


@pytest.fixture
def pending_member(db, organisation) -> User:
    user = make_user("pending")
    Membership.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def curator(db) -> User:
    user = make_user("curator", is_staff=True)
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_superuser(
        username="admin", email="admin@example.org", password=PASSWORD
    )


@pytest.fixture
def stage(db) -> Stage:
    return Stage.objects.get(position=3)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def make_resource(organisation):
    """A resource in the given status (draft by default), tagged by slugs/codes."""
    from contributions.models import Resource

    def _make(title="A resource", status="draft", **tags):
        return make_contribution(
            Resource,
            status,
            {
                "title": title,
                "summary": tags.pop("summary", f"About {title}."),
                "description": tags.pop("description", ""),
                "organisation": tags.pop("organisation", organisation),
                "resource_type": tags.pop("resource_type", "report"),
                "url": "https://example.org/" + title.lower().replace(" ", "-"),
                "year": tags.pop("year", None),
                "language": tags.pop("language", "en"),
            },
            tags,
        )

    return _make


@pytest.fixture
def make_initiative(organisation):
    from contributions.models import Initiative

    def _make(title="An initiative", status="draft", **tags):
        return make_contribution(
            Initiative,
            status,
            {
                "title": title,
                "summary": tags.pop("summary", f"About {title}."),
                "description": tags.pop("description", ""),
                "organisation": tags.pop("organisation", organisation),
                "phase": tags.pop("phase", "active"),
                "language": tags.pop("language", "en"),
            },
            tags,
        )

    return _make


def make_contribution(model, status: str, fields: dict, tags: dict):
    """Create an item, tag it, and walk it through the workflow to `status`."""
    from barriers.models import Barrier
    from pathway.models import Region, TherapeuticArea
    from stakeholders.models import StakeholderGroup

    item = model.objects.create(**fields)
    lookups = {
        "stages": (Stage, "slug"),
        "barriers": (Barrier, "slug"),
        "countries": (Country, "code"),
        "regions": (Region, "slug"),
        "therapeutic_areas": (TherapeuticArea, "slug"),
        "audiences": (StakeholderGroup, "slug"),
    }
    for name, values in tags.items():
        tag_model, key = lookups[name]
        getattr(item, name).set(tag_model.objects.filter(**{f"{key}__in": values}))
    actor = User.objects.filter(is_superuser=True).first() or make_user(
        f"workflow-{model._meta.model_name}-{item.pk}", is_superuser=True
    )
    steps = {
        "draft": [],
        "submitted": ["submit"],
        "published": ["submit", "publish"],
        "changes_requested": ["submit", "request_changes"],
        "rejected": ["submit", "reject"],
        "archived": ["submit", "publish", "archive"],
    }[status]
    for step in steps:
        if step == "request_changes":
            item.request_changes(by=actor, note="Please add sources.")
        elif step == "reject":
            item.reject(by=actor, reasons=["out_of_scope"])
        elif step == "submit":
            # Test items carry only the tags their test is about, so the factory
            # skips submit()'s placement rule (pinned in contributions/test_workflow.py).
            item._transition("submit", actor)
        else:
            getattr(item, step)(by=actor)
    item.refresh_from_db()
    return item
