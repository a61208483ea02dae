"""Fixtures shared by the ft3portal tests."""

import pytest

from accounts.models import User
from barriers.models import Barrier, BarrierCategory
from contributions.models import (
    Initiative,
    ModerationEvent,
    Resource,
)
from gaps.models import CoverageEntry
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Membership, Organisation, StakeholderGroup
from synergies.models import SimilarityDecision
from tests.ft3portal.support import (
    make_barrier,
    make_initiative,
    make_resource,
)


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
