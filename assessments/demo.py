"""Demo assessments for `manage.py loaddemo` (called through the
CONTRIBUTION_DEMO_LOADERS setting, since contributions cannot import this app):
one initiative assessed as best practice, one as promising, one "not yet", each
through the real workflow, with reviewers' scores and rationales.

Keyed on the initiatives' slugs and on usernames: an initiative that has any
assessment is left alone, so a second run adds nothing."""

from django.utils.translation import gettext as _

from accounts.models import User
from contributions.models import Initiative
from stakeholders.models import Membership, Organisation

from . import workflow
from .models import Framework, Reviewer

REVIEWERS = [
    # username, first and last name, language, expertise
    ("reviewer-anna", "Anna", "Kowalska", "pl", "Molecular pathology, laboratory quality"),
    ("reviewer-marc", "Marc", "Dubois", "fr", "Health technology assessment"),
    ("reviewer-sofia", "Sofia", "Ribeiro", "pt", "Patient advocacy, health equity"),
]

# Per initiative: the outcome, the public summary, and per criterion
# (self score, reviewers' score, what the organisation wrote, the reviewers' rationale).
CASES = {
    "nngm-lung-cancer-network": {
        "editor": "nngm-editor",
        "outcome": "best",
        "summary": (
            "A national network that tests everyone with advanced lung cancer to one "
            "standard and lets them be treated near home. It reports how many patients it "
            "reaches, is funded beyond its pilot and has been built on in other countries."
        ),
        "reviewers": ["reviewer-anna", "reviewer-marc"],
        "scores": {
            "relevance": (
                3,
                3,
                "Unequal access to broad testing across Germany.",
                "Addresses a documented national gap.",
            ),
            "evidence-base": (
                3,
                3,
                "Builds on the Cologne network since 2010.",
                "Design follows published network evaluations.",
            ),
            "effectiveness": (
                3,
                2,
                "Quality rounds and shared documentation in every centre.",
                "Quality data shown; outcome data still partial.",
            ),
            "more-patients": (
                3,
                3,
                "About 14,000 patients tested in 2020, some 40% of those eligible.",
                "Figures reported yearly and plausible.",
            ),
            "efficiency": (
                2,
                2,
                "Central testing avoids duplicate panels.",
                "Costs per patient not yet published.",
            ),
            "equity": (
                2,
                2,
                "Regional partners bring testing to non-academic hospitals.",
                "Reach outside cities improving, not measured by group.",
            ),
            "ethics": (
                3,
                3,
                "Consent and data protection under a common framework.",
                "Clear governance and consent.",
            ),
            "patient-partners": (
                2,
                2,
                "Patient groups sit on the advisory board.",
                "Patients advise; not yet co-designing.",
            ),
            "sustainability": (
                3,
                3,
                "Funded by German Cancer Aid and insurers' contracts.",
                "Stable funding and contracts.",
            ),
            "intersectoral": (
                3,
                3,
                "Centres, regional partners and insurers work together.",
                "Strong collaboration across sectors.",
            ),
            "transferability": (
                3,
                2,
                "Model documented for other countries.",
                "Transfer needs a similar reimbursement route.",
            ),
        },
    },
    "drup-drug-rediscovery-protocol": {
        "editor": "nki-editor",
        "outcome": "promising",
        "summary": (
            "A well-designed national trial that opens access to targeted drugs beyond "
            "their licence and publishes every result. Its benefit for the number of "
            "patients treated is shown for some cohorts; sustainability depends on "
            "pay-for-performance agreements still being extended."
        ),
        "reviewers": ["reviewer-marc", "reviewer-sofia"],
        "scores": {
            "relevance": (
                3,
                3,
                "Patients without standard options and a matching alteration.",
                "Clear need for off-label access.",
            ),
            "evidence-base": (
                3,
                3,
                "Adaptive cohort design, results published.",
                "Sound, published design.",
            ),
            "effectiveness": (
                2,
                2,
                "Benefit in several cohorts, others closed.",
                "Mixed by cohort, as expected.",
            ),
            "more-patients": (
                2,
                2,
                "More than 1,000 patients treated since 2016.",
                "Counts given; comparison group missing.",
            ),
            "efficiency": (
                2,
                1,
                "Industry provides drugs for the first phase.",
                "Cost per benefit not yet reported.",
            ),
            "equity": (2, 2, "Open to all Dutch hospitals.", "Access via academic centres mostly."),
            "ethics": (
                3,
                3,
                "Trial approval and informed consent.",
                "Meets trial ethics standards.",
            ),
            "patient-partners": (
                1,
                1,
                "Patient organisation consulted on information.",
                "Limited partnership so far.",
            ),
            "sustainability": (
                2,
                1,
                "Pay-for-performance with insurers for some cohorts.",
                "Continuation not yet secured.",
            ),
            "intersectoral": (
                3,
                2,
                "Industry, insurers, regulators and hospitals.",
                "Broad, but regulators only observe.",
            ),
            "transferability": (
                3,
                3,
                "Adopted by sister trials in Nordic countries.",
                "Transfer documented in several countries.",
            ),
        },
    },
    "know-your-biomarker": {
        "editor": "gcca-editor",
        "outcome": "not_yet",
        "summary": (
            "A useful awareness campaign with good patient materials, but without "
            "figures yet on whether more patients ask for or receive biomarker testing. "
            "We encourage a new assessment once its evaluation is published."
        ),
        "reviewers": ["reviewer-anna", "reviewer-sofia"],
        "scores": {
            "relevance": (
                3,
                3,
                "Many patients do not know about biomarker testing.",
                "The need is well documented.",
            ),
            "evidence-base": (
                2,
                1,
                "Materials reviewed by clinicians.",
                "Little theory of change.",
            ),
            "effectiveness": (
                1,
                1,
                "Website visits and downloads tracked.",
                "Only reach is measured.",
            ),
            "more-patients": (
                0,
                0,
                "No testing figures yet.",
                "No evidence yet of more patients tested.",
            ),
            "efficiency": (2, 1, "Low-cost online campaign.", "Costs not reported."),
            "equity": (2, 2, "Materials in several languages.", "Good language reach."),
            "ethics": (3, 3, "No personal data collected.", "No concerns."),
            "patient-partners": (3, 3, "Run by patient advocates.", "Patients lead the campaign."),
            "sustainability": (1, 1, "Funded year by year.", "Funding uncertain."),
            "intersectoral": (
                2,
                1,
                "Works with a few clinical societies.",
                "Mostly within advocacy.",
            ),
            "transferability": (
                2,
                2,
                "Materials can be translated.",
                "Adaptable materials, no guide.",
            ),
        },
    },
}

EDITORS = {
    "nngm-editor": ("Jonas", "Keller", "de", "nngm"),
    "nki-editor": ("Eva", "de Vries", "en", "netherlands-cancer-institute"),
    "gcca-editor": ("Lucas", "Almeida", "pt", "global-colon-cancer-association"),
}


def load(loader) -> None:
    """Add the demo assessments that are missing, with the `loader`'s curator."""
    # Without a framework, or with a "curator" account that is not one, nothing to do.
    if Framework.objects.current() is None or not loader.curator.is_curator:
        return
    editors = {username: demo_editor(loader, username, *spec) for username, spec in EDITORS.items()}
    reviewers = {spec[0]: demo_reviewer(loader, *spec) for spec in REVIEWERS}
    for slug, case in CASES.items():
        initiative = Initiative.objects.published().filter(slug=slug).first()
        if initiative is None or initiative.assessments.exists():
            continue
        chosen = [reviewers[username] for username in case["reviewers"]]
        assess(initiative, case, editors[case["editor"]], chosen, loader.curator)


def demo_editor(loader, username, first_name, last_name, language, organisation_slug) -> User:
    organisation = Organisation.objects.get(slug=organisation_slug)

    def create(username: str, password: str) -> User:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=language,
        )
        Membership.objects.create(
            user=user,
            organisation=organisation,
            role=Membership.Role.EDITOR,
            status=Membership.Status.APPROVED,
        )
        return user

    role = _("editor for %(organisation)s") % {"organisation": organisation}
    return loader.account(username, role, create)


def demo_reviewer(loader, username, first_name, last_name, language, expertise) -> User:
    def create(username: str, password: str) -> User:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=language,
        )
        Reviewer.objects.create(user=user, expertise=expertise)
        return user

    return loader.account(username, _("assessment reviewer"), create)


def assess(
    initiative: Initiative, case: dict, editor: User, reviewers: list[User], curator
) -> None:
    scores = case["scores"]
    assessment = workflow.open_round(initiative, editor)
    own = {
        code: {"score": mine, "text": text, "evidence": [initiative.website]}
        for code, (mine, _theirs, text, _why) in scores.items()
    }
    workflow.save_self_assessment(assessment, editor, own, submit=True)
    for reviewer in reviewers:
        assignment = workflow.assign(assessment, reviewer, curator)
        workflow.declare(assignment, reviewer, conflict=False)
        given = {
            code: {"score": theirs, "rationale": why}
            for code, (_mine, theirs, _text, why) in scores.items()
        }
        workflow.review(assignment, reviewer, given)
    workflow.decide(assessment, curator, outcome=case["outcome"], summary=case["summary"])
