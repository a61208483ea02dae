"""Demo adoptions, added by `manage.py loaddemo` (settings.CONTRIBUTION_DEMO_LOADERS):
one completed transfer, the Dutch DRUP taken to Norway as IMPRESS-Norway, and one
declaration waiting for its owner, by the demo partner's organisation. Each is
made through the model's own methods, with a contact person on each side, and
only when the two organisations have none yet, so a second run changes nothing."""

from accounts.models import User
from contributions.models import Initiative
from pathway.models import Country
from stakeholders.models import Membership, Organisation

from .models import Adoption

TRANSFERS = [
    {
        "initiative": "drup-drug-rediscovery-protocol",
        "organisation": "oslo-university-hospital",
        "country": "NO",
        "kind": Adoption.Kind.ADOPTED,
        "adapted_initiative": "impress-norway",
        "note": (
            "IMPRESS-Norway follows the DRUP protocol: the same cohort design, a national "
            "molecular tumour board and drugs provided by their makers. We would like to "
            "compare cohorts and share what we learnt about reimbursement."
        ),
        "declarer": ("demo-oslo", "Ingrid", "Contact (Oslo)"),
        "owner": ("demo-nki", "Joost", "Contact (NKI)"),
        "agreed": True,
    },
    {
        "initiative": "nngm-lung-cancer-network",
        "organisation": "digestive-cancers-europe",
        "country": "BE",
        "kind": Adoption.Kind.PLANNED,
        "adapted_initiative": None,
        "note": (
            "We want to set up a 'test centrally, treat locally' network for colorectal "
            "cancer in Belgium, with the patient organisations, and would value a call "
            "about how the nNGM centres and the local hospitals share the work."
        ),
        "declarer": ("partner", "", ""),
        "owner": None,
        "agreed": False,
    },
]


def contact(username: str, first_name: str, last_name: str, organisation: Organisation) -> User:
    """A person who acts for `organisation` and cannot log in (no password)."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            first_name=first_name,
            last_name=last_name,
        )
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"status": Membership.Status.APPROVED}
    )
    return user


def load(loader=None) -> None:
    for spec in TRANSFERS:
        initiative = Initiative.objects.filter(slug=spec["initiative"]).first()
        organisation = Organisation.objects.filter(slug=spec["organisation"]).first()
        if initiative is None or organisation is None:
            continue
        if Adoption.objects.filter(initiative=initiative, organisation=organisation).exists():
            continue
        declarer = contact(*spec["declarer"], organisation)
        adoption = Adoption.declare(
            by=declarer,
            initiative=initiative,
            organisation=organisation,
            country=Country.objects.get(code=spec["country"]),
            kind=spec["kind"],
            note=spec["note"],
            adapted_initiative=Initiative.objects.filter(slug=spec["adapted_initiative"]).first()
            if spec["adapted_initiative"]
            else None,
        )
        if spec["agreed"]:
            owner = contact(*spec["owner"], initiative.organisation)
            adoption.accept(by=owner)
