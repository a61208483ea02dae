"""The reference content shipped as data migrations: present after `migrate`,
shaped as the rest of the portal expects, and safe for curators to edit."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django_countries import countries

from barriers.models import Barrier, BarrierCategory, EvidenceLink
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import StakeholderGroup

STAGE_SLUGS = [
    "awareness-diagnosis",
    "referral-assessment",
    "testing-decision",
    "sample-analysis",
    "results-interpretation",
    "treatment-decision",
    "treatment-access",
    "monitoring",
]

CATEGORY_SLUGS = [
    "education-awareness",
    "organisation-infrastructure",
    "quality-standardisation",
    "financing-regulation",
    "data-evidence",
    "equity",
]

GROUP_SLUGS = [
    "patients-advocacy",
    "clinicians",
    "pathologists-labs",
    "nurses-navigators",
    "hospitals-cancer-centres",
    "medical-societies",
    "payers",
    "hta-bodies",
    "regulators",
    "policy-makers",
    "pharma-industry",
    "diagnostics-industry",
    "academia-research",
]

ALL = set(range(1, 9))

# slug: (category, stage positions, groups who can act), as agreed for the portal.
BARRIERS = {
    "patients-unaware-of-testing": (
        "education-awareness",
        {1, 3},
        {"patients-advocacy", "clinicians"},
    ),
    "clinician-knowledge-gaps": (
        "education-awareness",
        {3, 6},
        {"medical-societies", "clinicians"},
    ),
    "too-little-plain-language-information": ("education-awareness", ALL, {"patients-advocacy"}),
    "results-not-explained": (
        "education-awareness",
        {5},
        {"clinicians", "pathologists-labs", "nurses-navigators"},
    ),
    "patient-needs-poorly-understood": (
        "education-awareness",
        ALL,
        {"patients-advocacy", "academia-research"},
    ),
    "pathology-oncology-silos": (
        "organisation-infrastructure",
        {4, 5},
        {"hospitals-cancer-centres", "pathologists-labs"},
    ),
    "weak-referral-routes": (
        "organisation-infrastructure",
        {2},
        {"hospitals-cancer-centres", "policy-makers"},
    ),
    "poor-tissue-sample-handling": (
        "organisation-infrastructure",
        {4},
        {"pathologists-labs", "clinicians"},
    ),
    "lab-workforce-long-turnaround": (
        "organisation-infrastructure",
        {4, 6},
        {"pathologists-labs", "hospitals-cancer-centres"},
    ),
    "ngs-not-available-locally": (
        "organisation-infrastructure",
        {3, 4},
        {"pathologists-labs", "policy-makers"},
    ),
    "no-molecular-tumour-board": (
        "organisation-infrastructure",
        {5, 6},
        {"hospitals-cancer-centres", "clinicians"},
    ),
    "non-standard-tests-and-reports": (
        "quality-standardisation",
        {4, 5},
        {"pathologists-labs", "regulators"},
    ),
    "labs-outside-quality-schemes": (
        "quality-standardisation",
        {4},
        {"pathologists-labs", "regulators"},
    ),
    "fragmented-testing-guidelines": ("quality-standardisation", {3}, {"medical-societies"}),
    "test-not-reimbursed": ("financing-regulation", {3, 4}, {"payers", "hta-bodies"}),
    "drug-test-reimbursement-lag": (
        "financing-regulation",
        {4, 7},
        {"hta-bodies", "regulators", "pharma-industry", "diagnostics-industry"},
    ),
    "hta-methods-small-populations": ("financing-regulation", {7}, {"hta-bodies", "regulators"}),
    "out-of-pocket-costs": ("financing-regulation", {4, 7}, {"payers", "policy-makers"}),
    "few-routes-off-label-trials": (
        "financing-regulation",
        {7, 8},
        {"regulators", "pharma-industry", "clinicians"},
    ),
    "no-real-world-data": ("data-evidence", ALL, {"academia-research", "policy-makers"}),
    "patient-experience-data-underused": (
        "data-evidence",
        {8},
        {"patients-advocacy", "hta-bodies", "regulators"},
    ),
    "disparities-in-access": ("equity", ALL, {"policy-makers", "payers"}),
    "unwarranted-variation-duplication": ("equity", ALL, {"policy-makers"}),
}

ONCOLOGY_CHILDREN = [
    "lung-cancer",
    "colorectal-cancer",
    "breast-cancer",
    "prostate-cancer",
    "ovarian-cancer",
    "melanoma",
    "pancreatic-cancer",
    "gastric-cancer",
    "blood-cancers",
    "brain-tumours",
]

DATA_MIGRATIONS = [
    "pathway.migrations.0002_reference_content",
    "stakeholders.migrations.0002_reference_content",
    "barriers.migrations.0002_reference_content",
]


def run_data_migrations_again() -> None:
    """Run each forward function as a re-applied migration would, in dependency order."""
    for module in DATA_MIGRATIONS:
        migration = importlib.import_module(module)
        migration.Migration.operations[0].code(apps, None)


def snapshot_counts() -> dict[str, int]:
    return {
        "stages": Stage.objects.count(),
        "regions": Region.objects.count(),
        "countries": Country.objects.count(),
        "areas": TherapeuticArea.objects.count(),
        "groups": StakeholderGroup.objects.count(),
        "categories": BarrierCategory.objects.count(),
        "barriers": Barrier.objects.count(),
        "evidence": EvidenceLink.objects.count(),
        "barrier_stages": Barrier.stages.through.objects.count(),
        "barrier_actors": Barrier.actors.through.objects.count(),
    }


@pytest.mark.django_db
def test_the_pathway_has_eight_stages_in_order_with_the_fixed_slugs():
    stages = list(Stage.objects.order_by("position"))
    assert [s.position for s in stages] == list(range(1, 9))
    assert [s.slug for s in stages] == STAGE_SLUGS


@pytest.mark.django_db
def test_every_stage_speaks_to_the_patient_with_two_or_three_questions():
    for stage in Stage.objects.all():
        assert re.search(r"\byour?\b", stage.patient_summary, re.IGNORECASE), stage.slug
        assert 2 <= len(stage.questions) <= 3, stage.slug
        assert all(q.endswith("?") for q in stage.questions), stage.slug
        assert "\n\n" in stage.description, f"{stage.slug} should have two paragraphs"


@pytest.mark.django_db
def test_all_reference_rows_pass_model_validation():
    # SQLite does not enforce max_length, so this is what catches an over-long summary.
    querysets = [
        Stage.objects.all(),
        Region.objects.all(),
        TherapeuticArea.objects.all(),
        StakeholderGroup.objects.all(),
        BarrierCategory.objects.all(),
        Barrier.objects.all(),
        EvidenceLink.objects.all(),
    ]
    for queryset in querysets:
        for obj in queryset:
            obj.full_clean()


@pytest.mark.django_db
def test_there_are_six_barrier_categories_in_order_each_described():
    categories = list(BarrierCategory.objects.order_by("position"))
    assert [c.slug for c in categories] == CATEGORY_SLUGS
    assert all(c.name and c.description for c in categories)


@pytest.mark.django_db
def test_every_barrier_has_its_category_stages_and_actors():
    barriers = Barrier.objects.select_related("category").prefetch_related("stages", "actors")
    found = {
        b.slug: (
            b.category.slug,
            {s.position for s in b.stages.all()},
            {a.slug for a in b.actors.all()},
        )
        for b in barriers
    }
    assert found == BARRIERS


@pytest.mark.django_db
def test_every_barrier_explains_itself_in_summary_and_description():
    for barrier in Barrier.objects.all():
        assert barrier.title and barrier.summary, barrier.slug
        assert len(barrier.description) > len(barrier.summary), barrier.slug


@pytest.mark.django_db
def test_evidence_links_point_at_the_sources_behind_the_figures_quoted():
    def urls(slug: str) -> set[str]:
        return set(EvidenceLink.objects.filter(barrier__slug=slug).values_list("url", flat=True))

    assert "https://doi.org/10.1200/PO.22.00246" in urls("patients-unaware-of-testing")
    assert "https://pubmed.ncbi.nlm.nih.gov/36194905/" in urls("drug-test-reimbursement-lag")
    assert all(
        url.startswith("https://") for url in EvidenceLink.objects.values_list("url", flat=True)
    )


@pytest.mark.django_db
def test_there_are_thirteen_stakeholder_groups_in_order_each_described():
    groups = list(StakeholderGroup.objects.order_by("position"))
    assert [g.slug for g in groups] == GROUP_SLUGS
    assert all(g.description for g in groups)
    assert StakeholderGroup.objects.get(slug="pathologists-labs").name == (
        "Pathologists & laboratories"
    )


@pytest.mark.django_db
def test_oncology_has_the_cancer_types_and_other_areas_sit_beside_it():
    oncology = TherapeuticArea.objects.get(slug="oncology", parent=None)
    assert list(oncology.children.order_by("position").values_list("slug", flat=True)) == (
        ONCOLOGY_CHILDREN
    )
    top_level = set(TherapeuticArea.objects.filter(parent=None).values_list("slug", flat=True))
    assert top_level == {
        "oncology",
        "rare-diseases",
        "cardiovascular",
        "neurology",
        "infectious-diseases",
    }


@pytest.mark.django_db
def test_there_are_six_regions_and_only_global_is_global():
    assert set(Region.objects.values_list("slug", flat=True)) == {
        "global",
        "africa",
        "americas",
        "asia-pacific",
        "europe",
        "middle-east",
    }
    assert list(Region.objects.filter(is_global=True).values_list("slug", flat=True)) == ["global"]


@pytest.mark.django_db
def test_every_iso_country_has_a_row_in_a_real_region():
    rows = dict(Country.objects.values_list("code", "region__slug"))
    assert set(rows) == {code for code, _ in countries}
    # "Global" means everywhere; a country filed under it would be a mapping gap.
    assert not [code for code, region in rows.items() if region in (None, "global")]
    assert rows["DE"] == "europe"
    assert rows["JP"] == "asia-pacific"
    assert rows["BR"] == "americas"
    assert rows["NG"] == "africa"
    assert rows["SA"] == "middle-east"


@pytest.mark.django_db
def test_rerunning_the_data_migrations_keeps_curator_edits_and_duplicates_nothing():
    before = snapshot_counts()
    stage = Stage.objects.get(slug="testing-decision")
    stage.name = "Deciding on a test"
    stage.patient_questions = "Which test will I have?"
    stage.save()
    barrier = Barrier.objects.get(slug="test-not-reimbursed")
    barrier.title = "Nobody pays for the test"
    barrier.save()
    barrier.stages.remove(Stage.objects.get(position=4))
    Country.objects.filter(code="TR").update(region=Region.objects.get(slug="middle-east"))
    StakeholderGroup.objects.filter(slug="payers").update(description="Edited by a curator.")

    run_data_migrations_again()

    assert snapshot_counts() == {**before, "barrier_stages": before["barrier_stages"] - 1}
    stage.refresh_from_db()
    assert stage.name == "Deciding on a test"
    assert stage.questions == ["Which test will I have?"]
    barrier.refresh_from_db()
    assert barrier.title == "Nobody pays for the test"
    assert list(barrier.stages.values_list("position", flat=True)) == [3]
    assert Country.objects.get(code="TR").region.slug == "middle-east"
    assert StakeholderGroup.objects.get(slug="payers").description == "Edited by a curator."


@pytest.mark.django_db
def test_rerunning_the_data_migrations_restores_a_missing_row():
    TherapeuticArea.objects.filter(slug="melanoma").delete()
    Country.objects.filter(code="FR").delete()

    run_data_migrations_again()

    melanoma = TherapeuticArea.objects.get(slug="melanoma")
    assert melanoma.parent.slug == "oncology"
    assert Country.objects.get(code="FR").region.slug == "europe"


# Migrating needs a real transaction (SQLite's schema editor refuses to run inside
# the test's atomic block); serialized_rollback puts the reference data back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_barriers_migrate_back_to_0001_and_forward_again_without_losing_edits():
    before = snapshot_counts()
    Barrier.objects.filter(slug="disparities-in-access").update(title="Who gets left out")
    recorder = MigrationRecorder(connection)

    call_command("migrate", "barriers", "0001", verbosity=0)
    assert ("barriers", "0002_reference_content") not in recorder.applied_migrations()
    # Rolling back leaves the shipped barriers alone: contributions may be tagged with them.
    assert Barrier.objects.count() == before["barriers"]

    call_command("migrate", verbosity=0)
    assert ("barriers", "0002_reference_content") in recorder.applied_migrations()
    assert snapshot_counts() == before
    assert Barrier.objects.get(slug="disparities-in-access").title == "Who gets left out"
