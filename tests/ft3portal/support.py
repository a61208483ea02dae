"""Helpers of the admin tests: rows to act on, admin URLs, logged-in clients and
the rows added to measure changelist queries."""

from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.models import User
from barriers.models import Barrier, BarrierCategory, EvidenceLink
from contributions.models import (
    Initiative,
    Resource,
)
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Membership, Organisation, StakeholderGroup


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


def admin_form(user, item, **changes):
    """The admin's change form for `item`, posted with its values and `changes`."""
    request = RequestFactory().get("/")
    request.user = user
    form_class = admin.site._registry[type(item)].get_form(request, item)
    unbound = form_class(instance=item)
    data = {name: unbound[name].value() for name in unbound.fields}
    data = {name: value for name, value in data.items() if value is not None}
    return form_class({**data, **changes}, instance=item)


def post_action(client: Client, model: type, action: str, objects) -> list[str]:
    response = client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


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
