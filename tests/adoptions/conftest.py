"""Personas of an adoption: the initiative's organisation (`partner`, in Germany),
the declaring organisation (`other_partner`, in France), a partner of a third
organisation (`third_partner`, in Poland), a curator and anonymous visitors."""

import pytest

from adoptions.models import Adoption
from pathway.models import Country
from stakeholders.models import Membership, Organisation
from tests.conftest import make_user


@pytest.fixture
def third_partner(db, patients_group):
    organisation = Organisation.objects.create(
        name="Polish Oncology Patients",
        slug="polish-oncology-patients",
        group=patients_group,
        country=Country.objects.get(code="PL"),
        verified=True,
    )
    user = make_user("thirdpartner")
    Membership.objects.create(
        user=user, organisation=organisation, status=Membership.Status.APPROVED
    )
    return user


@pytest.fixture
def practice(make_initiative):
    """A published initiative of `organisation` (Germany)."""
    return make_initiative("Test centrally, treat locally", status="published", countries=["DE"])


@pytest.fixture
def declare(practice, other_partner, other_organisation):
    """declare(**changes) -> a declaration by other_partner's organisation, in France."""

    def _declare(**changes) -> Adoption:
        fields = {
            "by": other_partner,
            "initiative": practice,
            "organisation": other_organisation,
            "country": Country.objects.get(code="FR"),
            "kind": Adoption.Kind.PLANNED,
            "note": "We want to run the same network in France.",
            **changes,
        }
        return Adoption.declare(**fields)

    return _declare
