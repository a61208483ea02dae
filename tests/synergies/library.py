"""A library of published work to look for duplicates and synergies in.

About a hundred resources and initiatives of fictional organisations, written for
this test set from general knowledge of precision medicine (biomarker testing, NGS,
liquid biopsy, tumour boards, quality schemes, reimbursement and HTA, trials,
navigation, rare diseases, haematology, equity), independently of the demo content
(contributions/demo.py). Tags use the fixed slugs of the reference content and ISO
country codes. The labelled drafts in drafts.py name these items by key (the slug).

`load_library` creates them as published items, optionally among `filler` made-up
distractors (see Filler) so that the library reaches a realistic size, in a few bulk
queries, keeping the search vectors and coverage entries in step as the app does.
"""

import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from barriers.models import Barrier
from contributions.models import KINDS, Contribution, Initiative, Resource, Status
from contributions.search import index_items
from gaps.entries import refresh_entries
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Organisation, StakeholderGroup
from synergies.profile import TAG_FIELDS
from synergies.stored import refresh_profiles


@dataclass(frozen=True)
class Org:
    """A fictional organisation: its key is its slug, `group` a stakeholder group's."""

    key: str
    name: str
    group: str
    country: str | None


# Those that published the library's items, then those that write the drafts.
ORGANISATIONS = [
    Org(
        "iberian-molecular-pathology",
        "Iberian Society of Molecular Pathology",
        "medical-societies",
        "ES",
    ),
    Org(
        "nordic-precision-oncology",
        "Nordic Precision Oncology Consortium",
        "academia-research",
        "SE",
    ),
    Org(
        "rhine-valley-cancer-centre", "Rhine Valley Cancer Centre", "hospitals-cancer-centres", "DE"
    ),
    Org(
        "central-european-lab-quality",
        "Central European Laboratory Quality Scheme (CELQS)",
        "pathologists-labs",
        "CZ",
    ),
    Org(
        "alliance-equitable-cancer-care",
        "Alliance for Equitable Cancer Care",
        "patients-advocacy",
        "GB",
    ),
    Org(
        "pan-african-oncology-diagnostics",
        "Pan-African Oncology Diagnostics Network",
        "academia-research",
        "KE",
    ),
    Org("andes-cancer-navigation", "Andes Cancer Navigation Foundation", "nurses-navigators", "CO"),
    Org("maple-hta-agency", "Maple Health Technology Assessment Agency", "hta-bodies", "CA"),
    Org("southern-cross-genomics", "Southern Cross Genomics Institute", "academia-research", "AU"),
    Org("rare-disease-families", "Federation of Rare Disease Families", "patients-advocacy", "FR"),
    Org("vistula-haematology", "Vistula Haematology Network", "hospitals-cancer-centres", "PL"),
    Org("insurers-diagnostics-forum", "Insurers' Forum on Diagnostics", "payers", "NL"),
    Org(
        "continental-diagnostics-council",
        "Continental Diagnostics Industry Council",
        "diagnostics-industry",
        "BE",
    ),
    Org(
        "atlantic-trials-matching",
        "Atlantic Clinical Trials Matching Service",
        "academia-research",
        "IE",
    ),
    Org("danube-oncology-nurses", "Danube Oncology Nurses Association", "nurses-navigators", "AT"),
    Org("gulf-oncology-society", "Gulf Oncology Society", "medical-societies", "AE"),
    Org("pacific-rim-cancer-policy", "Pacific Rim Cancer Policy Institute", "policy-makers", "SG"),
    Org(
        "mid-atlantic-cancer-equity",
        "Mid-Atlantic Cancer Equity Coalition",
        "patients-advocacy",
        "US",
    ),
    Org("prairie-oncology-network", "Prairie Oncology Network", "hospitals-cancer-centres", "CA"),
    Org("reseau-oncologie-seine", "Réseau Oncologie Seine", "hospitals-cancer-centres", "FR"),
    Org("glos-pluc", "Fundacja Głos Płuc", "patients-advocacy", "PL"),
    Org("targeted-medicines-forum", "Targeted Medicines Industry Forum", "pharma-industry", "CH"),
    # Organisations that write the drafts: never the original's.
    Org("lungs-first-uk", "Lungs First UK", "patients-advocacy", "GB"),
    Org(
        "francophone-molecular-pathology",
        "Association francophone de pathologie moléculaire",
        "medical-societies",
        "FR",
    ),
    Org("razem-przeciw-rakowi", "Fundacja Razem przeciw Rakowi", "patients-advocacy", "PL"),
    Org(
        "netzwerk-praezisionsonkologie",
        "Netzwerk Präzisionsonkologie Süd",
        "hospitals-cancer-centres",
        "DE",
    ),
    Org("oncologia-accesible", "Fundación Oncología Accesible", "patients-advocacy", "ES"),
    Org("cancer-voices-usa", "Cancer Voices USA", "patients-advocacy", "US"),
    Org("health-evidence-partners", "Health Evidence Partners", "academia-research", "GB"),
    Org("medtech-diagnostics-forum", "MedTech Diagnostics Forum", "diagnostics-industry", "DE"),
    Org("oncology-nursing-collective", "Oncology Nursing Collective", "nurses-navigators", "IE"),
    Org("precision-policy-taskforce", "Precision Oncology Policy Taskforce", "policy-makers", "IT"),
    Org("kenya-cancer-advocates", "Kenya Cancer Advocates Network", "patients-advocacy", "KE"),
]


@dataclass(frozen=True)
class Item:
    """A published resource or initiative of the library. Tags are tuples of slugs
    (ISO codes for countries), named as the models' tag fields."""

    key: str
    kind: str
    title: str
    summary: str
    organisation: str
    language: str = "en"
    detail: str = ""  # the resource type, or the initiative's phase
    year: int | None = None
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)


def resource(
    key: str,
    title: str,
    summary: str,
    organisation: str,
    resource_type: str,
    year: int | None = None,
    language: str = "en",
    **tags: str,
) -> Item:
    """A resource; each tag keyword holds space-separated slugs."""
    return Item(
        key,
        "resource",
        title,
        summary,
        organisation,
        language,
        resource_type,
        year,
        {name: tuple(value.split()) for name, value in tags.items()},
    )


def initiative(
    key: str,
    title: str,
    summary: str,
    organisation: str,
    phase: str = "active",
    language: str = "en",
    **tags: str,
) -> Item:
    return Item(
        key,
        "initiative",
        title,
        summary,
        organisation,
        language,
        phase,
        None,
        {name: tuple(value.split()) for name, value in tags.items()},
    )


ITEMS = [
    # Biomarker testing, by cancer and biomarker ---------------------------------------
    resource(
        "egfr-testing-nsclc-pathologists",
        (
            "Testing for EGFR mutations in non-small cell lung cancer: a practical guide for "
            "pathologists"
        ),
        (
            "Step-by-step advice on choosing between PCR hotspot assays and NGS panels for EGFR, "
            "handling small biopsies and cytology, and wording the report so that oncologists can "
            "start osimertinib without delay. Includes a checklist for uncommon exon 18-21 "
            "variants."
        ),
        "iberian-molecular-pathology",
        "guideline",
        2023,
        stages="sample-analysis results-interpretation",
        barriers="non-standard-tests-and-reports poor-tissue-sample-handling",
        audiences="pathologists-labs clinicians",
        countries="ES PT",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "her2-low-scoring-breast",
        "HER2-low breast cancer: scoring immunohistochemistry consistently",
        (
            "A training module with 120 scored slides that teaches pathologists to tell HER2 0 "
            "from HER2 1+ and 2+ without amplification, now that patients with HER2-low tumours "
            "can receive antibody-drug conjugates. Participants compare their scores with an "
            "expert panel."
        ),
        "central-european-lab-quality",
        "training",
        2024,
        stages="sample-analysis results-interpretation",
        barriers="non-standard-tests-and-reports clinician-knowledge-gaps",
        audiences="pathologists-labs",
        regions="europe",
        therapeutic_areas="breast-cancer",
    ),
    resource(
        "universal-mmr-colorectal",
        "Universal mismatch repair testing for every colorectal cancer",
        (
            "A position statement asking hospitals to test every new colorectal tumour for "
            "mismatch repair deficiency or microsatellite instability at diagnosis, to find Lynch "
            "syndrome families and patients who can benefit from immunotherapy. Sets out who "
            "orders the test and how results reach genetics services."
        ),
        "reseau-oncologie-seine",
        "policy_paper",
        2022,
        language="en",
        stages="testing-decision sample-analysis",
        barriers="fragmented-testing-guidelines weak-referral-routes",
        audiences="hospitals-cancer-centres clinicians pathologists-labs",
        countries="FR",
        therapeutic_areas="colorectal-cancer",
    ),
    resource(
        "brca-ovarian-tumour-first",
        "BRCA testing in ovarian cancer: tumour first, then germline",
        (
            "A testing pathway for high-grade serous ovarian cancer in which the tumour is tested "
            "for BRCA1 and BRCA2 at diagnosis and patients with a variant are offered germline "
            "testing and counselling. Explains consent, turnaround targets and how to choose PARP "
            "inhibitor maintenance."
        ),
        "rhine-valley-cancer-centre",
        "guideline",
        2021,
        stages="testing-decision sample-analysis treatment-decision",
        barriers="fragmented-testing-guidelines results-not-explained",
        audiences="clinicians nurses-navigators",
        countries="DE",
        therapeutic_areas="ovarian-cancer",
    ),
    resource(
        "hrr-genes-metastatic-prostate",
        "Homologous recombination repair gene testing in metastatic prostate cancer",
        (
            "A review of how often men with metastatic castration-resistant prostate cancer are "
            "tested for BRCA2, ATM and other HRR genes in six countries, why bone biopsies so "
            "often fail, and what a workable testing route looks like."
        ),
        "nordic-precision-oncology",
        "report",
        2023,
        stages="testing-decision sample-analysis",
        barriers="poor-tissue-sample-handling unwarranted-variation-duplication",
        audiences="clinicians pathologists-labs academia-research",
        regions="europe",
        therapeutic_areas="prostate-cancer",
    ),
    resource(
        "ntrk-fusions-when-to-look",
        "NTRK fusions: when to look for a rare target across tumour types",
        (
            "An e-learning course for oncologists on tumour-agnostic targets: which tumours to "
            "screen for NTRK gene fusions, when RNA sequencing beats DNA panels, and how to "
            "confirm a positive immunohistochemistry screen."
        ),
        "targeted-medicines-forum",
        "training",
        2022,
        stages="testing-decision results-interpretation",
        barriers="clinician-knowledge-gaps",
        audiences="clinicians pathologists-labs",
        regions="global",
        therapeutic_areas="oncology",
    ),
    resource(
        "pdl1-assay-harmonisation",
        "PD-L1 scoring across four assays: a harmonisation study",
        (
            "Thirty-two laboratories scored the same lung and head and neck cancer cases with four "
            "PD-L1 antibody clones. The report shows where tumour proportion scores disagreed, "
            "which cut-offs are most affected, and how laboratories can validate a "
            "laboratory-developed test against a companion assay."
        ),
        "central-european-lab-quality",
        "report",
        2021,
        stages="sample-analysis",
        barriers="non-standard-tests-and-reports labs-outside-quality-schemes",
        audiences="pathologists-labs diagnostics-industry",
        countries="CZ SK HU PL AT",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "alk-ros1-screening-algorithm",
        "Screening for ALK and ROS1 rearrangements: an algorithm for small laboratories",
        (
            "A decision flowchart for laboratories without NGS: immunohistochemistry screening for "
            "ALK and ROS1, when to confirm with FISH, and when to send the sample on to a "
            "reference centre. Tested in eleven district hospital laboratories."
        ),
        "gulf-oncology-society",
        "toolkit",
        2022,
        stages="sample-analysis",
        barriers="ngs-not-available-locally non-standard-tests-and-reports",
        audiences="pathologists-labs",
        regions="middle-east",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "gastric-her2-claudin",
        "HER2 and claudin 18.2 testing in advanced gastric cancer",
        (
            "Recommendations on testing every advanced gastric and gastro-oesophageal junction "
            "adenocarcinoma for HER2, PD-L1 CPS, MMR status and claudin 18.2 on the same biopsy, "
            "with sample requirements and a model report."
        ),
        "iberian-molecular-pathology",
        "guideline",
        2024,
        stages="testing-decision sample-analysis results-interpretation",
        barriers="fragmented-testing-guidelines poor-tissue-sample-handling",
        audiences="pathologists-labs clinicians",
        countries="ES",
        therapeutic_areas="gastric-cancer",
    ),
    resource(
        "germline-testing-pancreatic",
        "Germline testing for everyone with pancreatic cancer",
        (
            "A policy brief arguing that every person diagnosed with pancreatic adenocarcinoma "
            "should be offered germline testing, whatever their family history, because a BRCA or "
            "PALB2 variant changes treatment and matters to relatives. Costs the change for a "
            "health system of ten million people."
        ),
        "alliance-equitable-cancer-care",
        "policy_paper",
        2023,
        stages="testing-decision",
        barriers="fragmented-testing-guidelines test-not-reimbursed",
        audiences="policy-makers payers clinicians",
        countries="GB",
        therapeutic_areas="pancreatic-cancer",
    ),
    resource(
        "glioma-molecular-classification",
        "Molecular classification of gliomas in routine practice: IDH, 1p/19q and MGMT",
        (
            "A course for neuropathologists and neuro-oncologists on the integrated diagnosis of "
            "diffuse gliomas: which markers are essential, when methylation profiling is worth it, "
            "and how to report results in the layered format."
        ),
        "nordic-precision-oncology",
        "training",
        2022,
        stages="sample-analysis results-interpretation",
        barriers="clinician-knowledge-gaps non-standard-tests-and-reports",
        audiences="pathologists-labs clinicians",
        countries="SE NO DK FI",
        therapeutic_areas="brain-tumours",
    ),
    resource(
        "dpyd-before-fluoropyrimidines",
        "Test DPYD before fluoropyrimidine chemotherapy",
        (
            "Guidance for oncologists and pharmacists on genotyping DPYD before starting "
            "5-fluorouracil or capecitabine, how to adjust the dose for intermediate metabolisers, "
            "and how to get results within a week so treatment is not delayed."
        ),
        "danube-oncology-nurses",
        "guideline",
        2021,
        stages="testing-decision treatment-decision",
        barriers="clinician-knowledge-gaps fragmented-testing-guidelines",
        audiences="clinicians nurses-navigators",
        countries="AT",
        therapeutic_areas="colorectal-cancer breast-cancer",
    ),
    resource(
        "melanoma-adjuvant-braf-timing",
        "Timing BRAF testing for stage III melanoma",
        (
            "A short clinical note on testing resected stage III melanoma for BRAF V600 at the "
            "time of sentinel node biopsy, so that the choice between adjuvant targeted therapy "
            "and immunotherapy is not held up by a second request."
        ),
        "southern-cross-genomics",
        "case_study",
        2023,
        stages="testing-decision treatment-decision",
        barriers="weak-referral-routes lab-workforce-long-turnaround",
        audiences="clinicians",
        countries="AU NZ",
        therapeutic_areas="melanoma",
    ),
    resource(
        "kras-g12c-colorectal-lung",
        "KRAS G12C: what a once undruggable mutation means for testing",
        (
            "A plain summary of the KRAS G12C inhibitors approved for lung and colorectal cancer, "
            "which panels detect the mutation, and why KRAS must now be reported by codon rather "
            "than as mutated or wild type."
        ),
        "targeted-medicines-forum",
        "report",
        2024,
        stages="results-interpretation treatment-decision",
        barriers="non-standard-tests-and-reports clinician-knowledge-gaps",
        audiences="clinicians pathologists-labs",
        regions="europe",
        therapeutic_areas="lung-cancer colorectal-cancer",
    ),
    # NGS, comprehensive genomic profiling -----------------------------------------------
    initiative(
        "andalusia-sequencing-courier",
        "Shared sequencing: a courier and NGS hub for district hospitals in Andalusia",
        (
            "Eighteen district hospitals send lung, colorectal and melanoma samples by daily "
            "courier to one NGS hub, which returns a reviewed report within ten working days. "
            "Hospitals keep their own pathology and tumour board; the hub trains their staff in "
            "sample preparation."
        ),
        "iberian-molecular-pathology",
        stages="sample-analysis",
        barriers="ngs-not-available-locally lab-workforce-long-turnaround",
        audiences="hospitals-cancer-centres pathologists-labs",
        countries="ES",
        therapeutic_areas="lung-cancer colorectal-cancer melanoma",
    ),
    resource(
        "ngs-report-template",
        "A standard template for NGS reports in solid tumours",
        (
            "A one-page report layout agreed by forty laboratories: the variants that matter for "
            "treatment first, then variants of unknown significance, coverage and tumour cell "
            "content, with fixed wording for germline follow-up. Comes as a Word template and an "
            "HL7 FHIR profile."
        ),
        "central-european-lab-quality",
        "toolkit",
        2023,
        stages="results-interpretation",
        barriers="non-standard-tests-and-reports",
        audiences="pathologists-labs clinicians",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "cgp-versus-sequential-costs",
        "The cost of comprehensive genomic profiling compared with sequential single-gene tests",
        (
            "A micro-costing study in five Dutch hospitals: testing advanced lung cancer one gene "
            "at a time costs more tissue, more time and, once repeat biopsies are counted, more "
            "money than one broad panel. Includes a budget impact model payers can adapt."
        ),
        "insurers-diagnostics-forum",
        "report",
        2022,
        stages="testing-decision sample-analysis",
        barriers="test-not-reimbursed no-real-world-data",
        audiences="payers hta-bodies policy-makers",
        countries="NL",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "bioinformatics-course-pathologists",
        "Bioinformatics for molecular pathologists: from reads to reported variants",
        (
            "A six-week online course covering alignment, variant calling, copy number and fusion "
            "detection, filtering artefacts and the quality metrics a pathologist should check "
            "before signing out an NGS result."
        ),
        "nordic-precision-oncology",
        "training",
        2024,
        stages="sample-analysis",
        barriers="lab-workforce-long-turnaround clinician-knowledge-gaps",
        audiences="pathologists-labs academia-research",
        regions="global",
        therapeutic_areas="oncology",
    ),
    resource(
        "somatic-variant-tiering",
        "Tiering somatic variants by clinical actionability: worked examples",
        (
            "Forty real anonymised variants worked through a four-tier actionability scale, "
            "showing the evidence used for each and how tiers translate into the wording of a "
            "report and a tumour board recommendation."
        ),
        "atlantic-trials-matching",
        "toolkit",
        2023,
        stages="results-interpretation treatment-decision",
        barriers="non-standard-tests-and-reports clinician-knowledge-gaps",
        audiences="pathologists-labs clinicians",
        regions="global",
        therapeutic_areas="oncology",
    ),
    resource(
        "wgs-cancer-diagnostics-pilot-results",
        "Whole-genome sequencing in routine cancer diagnostics: results of a two-year pilot",
        (
            "Four Swedish hospitals replaced panels with whole-genome sequencing for 1,600 "
            "patients. The report covers turnaround, failure rates with fresh-frozen versus fixed "
            "tissue, extra findings that changed treatment, and the cost per patient."
        ),
        "nordic-precision-oncology",
        "report",
        2024,
        stages="sample-analysis results-interpretation",
        barriers="no-real-world-data ngs-not-available-locally",
        audiences="hospitals-cancer-centres payers academia-research",
        countries="SE",
        therapeutic_areas="oncology",
    ),
    # Liquid biopsy -------------------------------------------------------------------
    resource(
        "ctdna-when-tissue-not-enough",
        "Liquid biopsy when tissue is not enough: ctDNA testing in advanced lung cancer",
        (
            "When to order a plasma ctDNA test at diagnosis of advanced non-small cell lung "
            "cancer, in parallel with tissue or instead of a second biopsy, how to read a negative "
            "result, and which laboratories meet the sensitivity needed."
        ),
        "gulf-oncology-society",
        "guideline",
        2023,
        stages="testing-decision sample-analysis results-interpretation",
        barriers="poor-tissue-sample-handling fragmented-testing-guidelines",
        audiences="clinicians pathologists-labs",
        countries="AE SA QA",
        therapeutic_areas="lung-cancer",
    ),
    initiative(
        "ctdna-guided-adjuvant-colon",
        "ctDNA to guide adjuvant chemotherapy after colon cancer surgery",
        (
            "A randomised trial in 24 Nordic hospitals testing whether patients with stage II "
            "colon cancer and no circulating tumour DNA after surgery can safely skip "
            "chemotherapy, and whether those with ctDNA benefit from more intensive treatment."
        ),
        "nordic-precision-oncology",
        stages="monitoring treatment-decision",
        barriers="few-routes-off-label-trials no-real-world-data",
        audiences="clinicians academia-research",
        countries="SE NO DK FI",
        therapeutic_areas="colorectal-cancer",
    ),
    resource(
        "liquid-biopsy-patient-leaflet",
        "A blood test for your tumour's genes: what liquid biopsy can and cannot tell you",
        (
            "A four-page leaflet for patients explaining why a doctor may suggest a blood test "
            "instead of another biopsy, what a result that finds nothing means, and why the test "
            "sometimes has to be repeated."
        ),
        "alliance-equitable-cancer-care",
        "patient_information",
        2024,
        stages="testing-decision results-interpretation",
        barriers="too-little-plain-language-information results-not-explained",
        audiences="patients-advocacy",
        countries="GB IE",
        therapeutic_areas="oncology",
    ),
    resource(
        "esr1-liquid-biopsy-breast",
        "Monitoring ESR1 mutations with liquid biopsy in metastatic breast cancer",
        (
            "A report on serial ctDNA testing for ESR1 mutations during endocrine therapy for "
            "hormone receptor positive metastatic breast cancer: how often to test, what the new "
            "oral SERDs need, and who pays for repeat tests."
        ),
        "rhine-valley-cancer-centre",
        "report",
        2024,
        stages="monitoring treatment-decision",
        barriers="test-not-reimbursed fragmented-testing-guidelines",
        audiences="clinicians payers",
        countries="DE",
        therapeutic_areas="breast-cancer",
    ),
    # Tumour boards ---------------------------------------------------------------------
    initiative(
        "virtual-mtb-community-hospitals",
        "A virtual molecular tumour board for community hospitals",
        (
            "Every Thursday, oncologists from small hospitals across Norway, Sweden and Finland "
            "present their patients' genomic results by video to a board of molecular "
            "pathologists, geneticists and trial specialists, and receive a written recommendation "
            "within 48 hours."
        ),
        "nordic-precision-oncology",
        stages="results-interpretation treatment-decision",
        barriers="no-molecular-tumour-board pathology-oncology-silos",
        audiences="hospitals-cancer-centres clinicians",
        countries="NO SE FI",
        therapeutic_areas="oncology",
    ),
    resource(
        "mtb-operating-procedures",
        "Running a molecular tumour board: standard operating procedures and minimum dataset",
        (
            "Templates for the referral form, the case summary, the minimum dataset recorded for "
            "each discussion, quorum rules and the written recommendation, adopted by nine "
            "university hospitals."
        ),
        "rhine-valley-cancer-centre",
        "toolkit",
        2022,
        stages="results-interpretation treatment-decision",
        barriers="no-molecular-tumour-board unwarranted-variation-duplication",
        audiences="hospitals-cancer-centres clinicians",
        countries="DE AT CH",
        therapeutic_areas="oncology",
    ),
    resource(
        "mtb-recommendations-audit",
        "Do molecular tumour board recommendations get followed? A two-year audit",
        (
            "Of 830 patients discussed by one board, 41 % received a recommended targeted "
            "treatment. The audit traces the rest: drug not reimbursed, patient too ill, trial "
            "closed or too far away, and suggests what boards should record."
        ),
        "rhine-valley-cancer-centre",
        "report",
        2023,
        stages="treatment-decision treatment-access",
        barriers="few-routes-off-label-trials no-real-world-data",
        audiences="hospitals-cancer-centres academia-research",
        countries="DE",
        therapeutic_areas="oncology",
    ),
    resource(
        "leitfaden-molekulares-tumorboard",
        "Leitfaden für das molekulare Tumorboard",
        (
            "Ein Leitfaden für Kliniken, die ein molekulares Tumorboard einrichten: wer teilnimmt, "
            "welche Befunde vorliegen müssen, wie Empfehlungen dokumentiert und Patientinnen und "
            "Patienten informiert werden."
        ),
        "rhine-valley-cancer-centre",
        "guideline",
        2021,
        language="de",
        stages="results-interpretation treatment-decision",
        barriers="no-molecular-tumour-board",
        audiences="hospitals-cancer-centres clinicians",
        countries="DE",
        therapeutic_areas="oncology",
    ),
    # External quality assessment and accreditation ----------------------------------
    initiative(
        "eqa-ctdna-egfr-scheme",
        "External quality assessment scheme for ctDNA EGFR testing",
        (
            "Twice a year, participating laboratories receive artificial plasma samples spiked "
            "with EGFR variants at low allele frequencies and are scored on detection and on their "
            "reports. Laboratories that miss variants get individual feedback and a re-test."
        ),
        "central-european-lab-quality",
        stages="sample-analysis",
        barriers="labs-outside-quality-schemes non-standard-tests-and-reports",
        audiences="pathologists-labs",
        regions="europe",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "ngs-proficiency-2023-results",
        "Results of the 2023 NGS proficiency testing round: where laboratories went wrong",
        (
            "Ninety-four laboratories sequenced the same ten cell-line samples. Most errors came "
            "from low tumour content, missed fusions and reports that named variants "
            "inconsistently, not from the sequencers themselves."
        ),
        "central-european-lab-quality",
        "report",
        2024,
        stages="sample-analysis results-interpretation",
        barriers="labs-outside-quality-schemes non-standard-tests-and-reports",
        audiences="pathologists-labs regulators",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "iso15189-molecular-lab",
        "Preparing a molecular laboratory for ISO 15189 accreditation",
        (
            "A toolkit of validation plans, uncertainty-of-measurement worksheets and audit "
            "checklists for molecular pathology laboratories seeking ISO 15189 accreditation for "
            "PCR and NGS tests."
        ),
        "gulf-oncology-society",
        "toolkit",
        2023,
        stages="sample-analysis",
        barriers="labs-outside-quality-schemes",
        audiences="pathologists-labs regulators",
        regions="middle-east",
        therapeutic_areas="oncology",
    ),
    initiative(
        "africa-eqa-immunohistochemistry",
        "Quality rounds for breast cancer immunohistochemistry in Africa",
        (
            "Laboratories in nine African countries take part in free quality rounds for oestrogen "
            "receptor, progesterone receptor and HER2 staining, with slide exchange, virtual "
            "review and hands-on workshops for those who fail."
        ),
        "pan-african-oncology-diagnostics",
        stages="sample-analysis",
        barriers="labs-outside-quality-schemes disparities-in-access",
        audiences="pathologists-labs",
        regions="africa",
        countries="KE TZ UG NG GH ET RW ZM CM",
        therapeutic_areas="breast-cancer",
    ),
    # Reimbursement and payment ---------------------------------------------------------
    resource(
        "reimbursement-tracker-europe",
        "Who pays for which biomarker test: a tracker for twenty European countries",
        (
            "A searchable table of public reimbursement for 35 cancer biomarker tests in twenty "
            "European countries: whether each test is covered, through which tariff, with what "
            "conditions, and since when. Updated every six months."
        ),
        "insurers-diagnostics-forum",
        "dataset",
        2024,
        stages="testing-decision",
        barriers="test-not-reimbursed drug-test-reimbursement-lag",
        audiences="payers policy-makers patients-advocacy",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "paying-medicine-and-test-together",
        "Paying for a targeted medicine and its companion test together",
        (
            "A policy paper proposing that when a medicine is funded only for patients with a "
            "biomarker, the budget for the test is approved in the same decision, with three "
            "funding models tried in Canadian provinces."
        ),
        "maple-hta-agency",
        "policy_paper",
        2022,
        stages="testing-decision treatment-access",
        barriers="drug-test-reimbursement-lag test-not-reimbursed",
        audiences="payers hta-bodies policy-makers",
        countries="CA",
        therapeutic_areas="oncology",
    ),
    resource(
        "appeal-denied-biomarker-test",
        "Appealing a denied biomarker test: letters and steps for patients",
        (
            "Sample appeal letters, a timeline of the internal and external review steps, and a "
            "list of the documents to ask the oncologist for when a health plan refuses to pay for "
            "genomic testing."
        ),
        "mid-atlantic-cancer-equity",
        "patient_information",
        2023,
        stages="testing-decision",
        barriers="out-of-pocket-costs test-not-reimbursed",
        audiences="patients-advocacy nurses-navigators",
        countries="US",
        therapeutic_areas="oncology",
    ),
    resource(
        "out-of-pocket-genomic-survey",
        "What patients paid: a survey of out-of-pocket costs for genomic testing",
        (
            "1,200 people with cancer reported their bills for tumour and germline testing. One in "
            "five paid over 500 dollars, one in ten skipped a recommended test because of cost, "
            "and surprise bills were most common for liquid biopsies."
        ),
        "mid-atlantic-cancer-equity",
        "report",
        2024,
        stages="testing-decision",
        barriers="out-of-pocket-costs disparities-in-access",
        audiences="policy-makers payers patients-advocacy",
        countries="US",
        therapeutic_areas="oncology",
    ),
    resource(
        "tariff-code-ngs-panels",
        "Getting a tariff code for NGS panels: lessons from three countries",
        (
            "How laboratories in Belgium, Italy and Poland obtained national tariff codes for "
            "multigene panels, what evidence payers asked for, how long it took, and what the "
            "codes still do not cover."
        ),
        "continental-diagnostics-council",
        "case_study",
        2023,
        stages="testing-decision sample-analysis",
        barriers="test-not-reimbursed",
        audiences="diagnostics-industry payers pathologists-labs",
        countries="BE IT PL",
        therapeutic_areas="oncology",
    ),
    # HTA ----------------------------------------------------------------------------------
    resource(
        "hta-tumour-agnostic-framework",
        "Assessing tumour-agnostic medicines: a framework for HTA bodies",
        (
            "How health technology assessment can value medicines approved for a biomarker across "
            "tumour types when single-arm basket trials are all the evidence there is: borrowing "
            "across histologies, external controls and managed entry agreements."
        ),
        "maple-hta-agency",
        "policy_paper",
        2023,
        stages="treatment-access",
        barriers="hta-methods-small-populations",
        audiences="hta-bodies payers pharma-industry",
        regions="global",
        therapeutic_areas="oncology",
    ),
    resource(
        "companion-diagnostic-evidence-hta",
        "What evidence HTA bodies need on companion diagnostics",
        (
            "A guideline for companies and laboratories preparing submissions: analytical and "
            "clinical validity of the test, concordance between assays, testing costs and the "
            "share of patients expected to test positive."
        ),
        "maple-hta-agency",
        "guideline",
        2021,
        stages="treatment-access testing-decision",
        barriers="hta-methods-small-populations drug-test-reimbursement-lag",
        audiences="hta-bodies diagnostics-industry pharma-industry",
        countries="CA",
        therapeutic_areas="oncology",
    ),
    resource(
        "patient-input-hta-targeted",
        "Patient input to HTA of targeted therapies: a guide for patient groups",
        (
            "How patient organisations can gather and submit experience data to health technology "
            "assessments of targeted cancer medicines, with a survey template, examples of "
            "submissions that changed a decision, and deadlines to watch."
        ),
        "alliance-equitable-cancer-care",
        "toolkit",
        2022,
        stages="treatment-access",
        barriers="patient-experience-data-underused hta-methods-small-populations",
        audiences="patients-advocacy hta-bodies",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "hta-rare-disease-gene-therapy",
        "Valuing one-time gene therapies for rare diseases",
        (
            "A report on how eight HTA agencies handled one-off gene therapies for rare inherited "
            "diseases: uncertainty about long-term benefit, outcome-based payments spread over "
            "years, and registries to collect the missing evidence."
        ),
        "pacific-rim-cancer-policy",
        "report",
        2024,
        stages="treatment-access",
        barriers="hta-methods-small-populations no-real-world-data",
        audiences="hta-bodies payers policy-makers",
        regions="global",
        therapeutic_areas="rare-diseases",
    ),
    # Clinical trials and access -----------------------------------------------------------
    initiative(
        "trialfinder-atlantic",
        "TrialFinder Atlantic: matching genomic results to open clinical trials",
        (
            "Oncologists upload a patient's NGS report and receive a list of open trials in "
            "Ireland and the UK that fit the patient's variants, with distance and contact "
            "details, refreshed every night from trial registries."
        ),
        "atlantic-trials-matching",
        stages="treatment-decision treatment-access",
        barriers="few-routes-off-label-trials",
        audiences="clinicians patients-advocacy",
        countries="IE GB",
        therapeutic_areas="oncology",
    ),
    resource(
        "off-label-access-routes",
        "Routes to targeted drugs outside their licence: a twelve-country comparison",
        (
            "Compassionate use, named-patient programmes, off-label prescribing with insurer "
            "approval and national platform trials compared across twelve countries: who decides, "
            "how long it takes, and who pays."
        ),
        "pacific-rim-cancer-policy",
        "report",
        2022,
        stages="treatment-access",
        barriers="few-routes-off-label-trials",
        audiences="policy-makers regulators clinicians",
        regions="asia-pacific europe",
        therapeutic_areas="oncology",
    ),
    initiative(
        "latam-basket-trial-network",
        "A basket trial network for rare mutations in Latin America",
        (
            "Cancer centres in Colombia, Peru, Chile and Argentina share one master protocol so "
            "that patients with rare actionable mutations can join a targeted-drug basket at the "
            "nearest site instead of travelling abroad."
        ),
        "andes-cancer-navigation",
        stages="treatment-access",
        barriers="few-routes-off-label-trials disparities-in-access",
        audiences="clinicians academia-research pharma-industry",
        countries="CO PE CL AR",
        therapeutic_areas="oncology",
    ),
    resource(
        "trial-travel-costs-fund",
        "Who pays to get to a trial? Travel support for trial participants",
        (
            "A review of travel and accommodation support offered to people joining early-phase "
            "targeted therapy trials, the rules that limit it, and a model policy for sponsors and "
            "hospitals."
        ),
        "mid-atlantic-cancer-equity",
        "policy_paper",
        2023,
        stages="treatment-access",
        barriers="few-routes-off-label-trials out-of-pocket-costs disparities-in-access",
        audiences="pharma-industry hospitals-cancer-centres patients-advocacy",
        countries="US",
        therapeutic_areas="oncology",
    ),
    # Patient navigation and information -------------------------------------------------
    resource(
        "navigator-curriculum-biomarkers",
        "Oncology patient navigator curriculum: the biomarker testing module",
        (
            "Six teaching sessions for nurse navigators on what biomarker tests are, when they are "
            "ordered, how long results take, how to explain a report, and how to escalate when a "
            "test has not been requested."
        ),
        "danube-oncology-nurses",
        "training",
        2023,
        stages="testing-decision results-interpretation",
        barriers="results-not-explained clinician-knowledge-gaps",
        audiences="nurses-navigators",
        countries="AT HU SK",
        therapeutic_areas="oncology",
    ),
    initiative(
        "rural-lung-nurse-navigation",
        "Nurse navigation for rural lung cancer patients",
        (
            "A nurse navigator follows each patient from the first suspicious scan in remote "
            "Saskatchewan and Manitoba communities through biopsy, biomarker results and the first "
            "treatment, arranging travel and video visits. Time from scan to treatment fell from "
            "71 to 44 days."
        ),
        "prairie-oncology-network",
        stages="referral-assessment testing-decision treatment-decision",
        barriers="weak-referral-routes disparities-in-access",
        audiences="nurses-navigators hospitals-cancer-centres",
        countries="CA",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "before-your-biopsy-questions",
        "Before your biopsy: questions to ask about tissue and testing",
        (
            "A checklist for patients before a diagnostic biopsy: will enough tissue be taken for "
            "biomarker tests, where will it be sent, how long until results, and who will explain "
            "them."
        ),
        "glos-pluc",
        "patient_information",
        2023,
        stages="referral-assessment testing-decision",
        barriers="patients-unaware-of-testing poor-tissue-sample-handling",
        audiences="patients-advocacy",
        countries="PL",
        therapeutic_areas="lung-cancer",
    ),
    initiative(
        "navegacion-pacientes-bogota",
        "Navegación de pacientes con cáncer en Bogotá",
        (
            "Un programa de navegadoras que acompaña a pacientes con cáncer de mama y de pulmón en "
            "hospitales públicos de Bogotá desde la sospecha diagnóstica hasta el inicio del "
            "tratamiento, incluidos los trámites para las pruebas de biomarcadores."
        ),
        "andes-cancer-navigation",
        language="es",
        stages="referral-assessment testing-decision treatment-access",
        barriers="weak-referral-routes disparities-in-access out-of-pocket-costs",
        audiences="nurses-navigators patients-advocacy",
        countries="CO",
        therapeutic_areas="breast-cancer lung-cancer",
    ),
    resource(
        "guia-biomarcadores-pulmon-pacientes",
        "Guía de biomarcadores en cáncer de pulmón para pacientes",
        (
            "Una guía en lenguaje sencillo que explica qué son los biomarcadores, por qué se "
            "analizan en el cáncer de pulmón, cómo se obtiene la muestra y qué preguntas hacer al "
            "equipo médico sobre los resultados."
        ),
        "iberian-molecular-pathology",
        "patient_information",
        2022,
        language="es",
        stages="testing-decision results-interpretation",
        barriers="too-little-plain-language-information patients-unaware-of-testing",
        audiences="patients-advocacy",
        countries="ES",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "parcours-oncologie-precision-patients",
        "Le parcours en oncologie de précision expliqué aux patients",
        (
            "Une brochure qui suit le parcours d'un patient atteint d'un cancer, de la biopsie à "
            "la réunion de concertation pluridisciplinaire moléculaire, en expliquant chaque "
            "étape, les délais habituels et les droits du patient."
        ),
        "reseau-oncologie-seine",
        "patient_information",
        2023,
        language="fr",
        stages="testing-decision results-interpretation treatment-decision",
        barriers="too-little-plain-language-information results-not-explained",
        audiences="patients-advocacy",
        countries="FR",
        therapeutic_areas="oncology",
    ),
    initiative(
        "zapytaj-o-biomarkery",
        "Zapytaj o biomarkery: kampania społeczna dla chorych na raka płuca",
        (
            "Ogólnopolska kampania zachęcająca chorych na raka płuca i ich bliskich, by przed "
            "rozpoczęciem leczenia zapytali lekarza o badania biomarkerów. Plakaty w poradniach, "
            "infolinia i spotkania w szpitalach powiatowych."
        ),
        "glos-pluc",
        language="pl",
        stages="awareness-diagnosis testing-decision",
        barriers="patients-unaware-of-testing",
        audiences="patients-advocacy",
        countries="PL",
        therapeutic_areas="lung-cancer",
    ),
    initiative(
        "genomic-results-clinic",
        "A nurse-led genomic results clinic",
        (
            "Patients whose tumour sequencing report comes back are offered a 30-minute "
            "appointment with a specialist nurse who explains what was found, what it means for "
            "treatment and family, and what happens next."
        ),
        "reseau-oncologie-seine",
        stages="results-interpretation",
        barriers="results-not-explained",
        audiences="nurses-navigators patients-advocacy",
        countries="FR",
        therapeutic_areas="oncology",
    ),
    resource(
        "translated-testing-leaflets",
        "Biomarker testing leaflets in twelve languages",
        (
            "Leaflets on tumour testing translated and culturally adapted with community groups "
            "into Urdu, Bengali, Polish, Romanian, Somali, Arabic and six other languages spoken "
            "in British cities, with audio versions."
        ),
        "alliance-equitable-cancer-care",
        "patient_information",
        2024,
        language="mul",
        stages="testing-decision",
        barriers="too-little-plain-language-information disparities-in-access",
        audiences="patients-advocacy nurses-navigators",
        countries="GB",
        therapeutic_areas="oncology",
    ),
    # Rare diseases ----------------------------------------------------------------------
    initiative(
        "genome-sequencing-undiagnosed-children",
        "Genome sequencing for children with undiagnosed rare diseases",
        (
            "Families of children who have gone years without a diagnosis are offered trio "
            "whole-genome sequencing through their paediatrician. A national expert panel reviews "
            "results within three months; one in three families receives a diagnosis."
        ),
        "rare-disease-families",
        stages="awareness-diagnosis referral-assessment sample-analysis",
        barriers="weak-referral-routes ngs-not-available-locally",
        audiences="clinicians patients-advocacy",
        countries="FR",
        therapeutic_areas="rare-diseases",
    ),
    resource(
        "diagnostic-odyssey-survey",
        "Ending the diagnostic odyssey: how long families wait for a rare disease diagnosis",
        (
            "A survey of 4,300 families in Europe: the average wait from first symptoms to a "
            "confirmed rare disease diagnosis was almost five years, with three misdiagnoses on "
            "the way. The report lists what shortened the wait."
        ),
        "rare-disease-families",
        "report",
        2022,
        stages="awareness-diagnosis referral-assessment",
        barriers="weak-referral-routes patient-needs-poorly-understood",
        audiences="policy-makers patients-advocacy clinicians",
        regions="europe",
        therapeutic_areas="rare-diseases",
    ),
    initiative(
        "ultra-rare-metabolic-registry",
        "A shared registry for ultra-rare metabolic disorders",
        (
            "Clinics in fourteen countries enter genotype, treatment and outcome data for patients "
            "with ultra-rare inborn errors of metabolism into one registry, so that natural "
            "history and treatment effects can be studied despite tiny numbers."
        ),
        "rare-disease-families",
        stages="monitoring",
        barriers="no-real-world-data hta-methods-small-populations",
        audiences="academia-research clinicians regulators",
        regions="europe",
        therapeutic_areas="rare-diseases",
    ),
    initiative(
        "sarcoma-reference-pathology",
        "Second-opinion reference pathology for sarcomas",
        (
            "Every suspected sarcoma diagnosed in a participating hospital is reviewed by a "
            "reference pathologist with molecular testing for characteristic fusions; a quarter of "
            "diagnoses change, often the subtype that decides treatment."
        ),
        "reseau-oncologie-seine",
        stages="sample-analysis results-interpretation",
        barriers="non-standard-tests-and-reports pathology-oncology-silos",
        audiences="pathologists-labs hospitals-cancer-centres",
        countries="FR",
        therapeutic_areas="oncology rare-diseases",
    ),
    resource(
        "newborn-genomic-screening-ethics",
        "Genomic newborn screening: questions for parents and policy makers",
        (
            "A discussion paper on sequencing newborns for treatable genetic conditions: which "
            "genes to include, consent, storing the data and what to tell parents about uncertain "
            "findings."
        ),
        "southern-cross-genomics",
        "policy_paper",
        2024,
        stages="awareness-diagnosis",
        barriers="patient-needs-poorly-understood",
        audiences="policy-makers patients-advocacy academia-research",
        countries="AU",
        therapeutic_areas="rare-diseases",
    ),
    # Haematology ----------------------------------------------------------------------------
    initiative(
        "rapid-flt3-npm1-aml",
        "Results within 72 hours: rapid FLT3 and NPM1 testing in acute myeloid leukaemia",
        (
            "Haematology centres across Poland send bone marrow samples from newly diagnosed AML "
            "to one of three laboratories that report FLT3 and NPM1 within three days, so that "
            "midostaurin can start with induction chemotherapy."
        ),
        "vistula-haematology",
        stages="sample-analysis treatment-decision",
        barriers="lab-workforce-long-turnaround ngs-not-available-locally",
        audiences="pathologists-labs hospitals-cancer-centres clinicians",
        countries="PL",
        therapeutic_areas="blood-cancers",
    ),
    resource(
        "cll-tp53-ighv-before-treatment",
        "Testing TP53 and IGHV before treating chronic lymphocytic leukaemia",
        (
            "A guideline on testing for TP53 disruption and IGHV mutation status before each line "
            "of treatment for CLL, and on choosing between BTK inhibitors, venetoclax combinations "
            "and chemoimmunotherapy based on the results."
        ),
        "vistula-haematology",
        "guideline",
        2022,
        stages="testing-decision treatment-decision",
        barriers="fragmented-testing-guidelines clinician-knowledge-gaps",
        audiences="clinicians pathologists-labs",
        countries="PL CZ",
        therapeutic_areas="blood-cancers",
    ),
    resource(
        "myeloma-mrd-flow-or-sequencing",
        "Measuring minimal residual disease in multiple myeloma: flow cytometry or sequencing?",
        (
            "A comparison of next-generation flow and next-generation sequencing for MRD in "
            "myeloma: sensitivity, sample needs, cost and availability across European centres, "
            "with advice on when an MRD result should change treatment."
        ),
        "vistula-haematology",
        "report",
        2023,
        stages="monitoring",
        barriers="non-standard-tests-and-reports unwarranted-variation-duplication",
        audiences="clinicians pathologists-labs",
        regions="europe",
        therapeutic_areas="blood-cancers",
    ),
    resource(
        "living-with-cml-monitoring",
        "Living with CML: understanding your BCR-ABL1 monitoring results",
        (
            "A patient booklet explaining the PCR test used to monitor chronic myeloid leukaemia, "
            "what a major molecular response means, and when stopping treatment can be discussed."
        ),
        "danube-oncology-nurses",
        "patient_information",
        2022,
        stages="monitoring",
        barriers="results-not-explained too-little-plain-language-information",
        audiences="patients-advocacy nurses-navigators",
        countries="AT DE",
        therapeutic_areas="blood-cancers",
    ),
    resource(
        "lymphoma-digital-pathology-review",
        "Remote expert review of lymphoma biopsies with digital pathology",
        (
            "A case study of scanning lymphoma biopsies in district hospitals and sending them to "
            "haematopathologists for review within 48 hours, cutting misclassification and the "
            "wait for a second opinion."
        ),
        "pan-african-oncology-diagnostics",
        "case_study",
        2023,
        stages="sample-analysis results-interpretation",
        barriers="lab-workforce-long-turnaround disparities-in-access",
        audiences="pathologists-labs hospitals-cancer-centres",
        countries="KE UG TZ",
        therapeutic_areas="blood-cancers",
    ),
    # Equity and access --------------------------------------------------------------------
    initiative(
        "black-patients-lung-testing-gap",
        "Closing the gap in biomarker testing for Black patients with lung cancer",
        (
            "Community health workers and oncology practices in Baltimore, Philadelphia and "
            "Washington track which patients with advanced lung cancer are never tested, and work "
            "with churches and barbershops to explain why testing matters."
        ),
        "mid-atlantic-cancer-equity",
        stages="awareness-diagnosis testing-decision",
        barriers="disparities-in-access patients-unaware-of-testing",
        audiences="patients-advocacy hospitals-cancer-centres",
        countries="US",
        therapeutic_areas="lung-cancer",
    ),
    initiative(
        "indigenous-community-genomics",
        "Genomic medicine with and for Aboriginal and Torres Strait Islander communities",
        (
            "Community-controlled health organisations and researchers co-design consent, data "
            "governance and genetic counselling so that genomic testing reaches Aboriginal and "
            "Torres Strait Islander people on their terms."
        ),
        "southern-cross-genomics",
        stages="testing-decision results-interpretation",
        barriers="disparities-in-access patient-needs-poorly-understood",
        audiences="academia-research patients-advocacy policy-makers",
        countries="AU",
        therapeutic_areas="oncology rare-diseases",
    ),
    resource(
        "travel-distance-testing-map",
        "How far patients travel for molecular testing: a national map",
        (
            "An interactive map of travel time from every postcode to the nearest laboratory "
            "offering NGS, and to the nearest molecular tumour board, overlaid with deprivation "
            "scores."
        ),
        "alliance-equitable-cancer-care",
        "dataset",
        2023,
        stages="sample-analysis",
        barriers="disparities-in-access ngs-not-available-locally",
        audiences="policy-makers hospitals-cancer-centres",
        countries="GB",
        therapeutic_areas="oncology",
    ),
    initiative(
        "east-africa-molecular-pathology",
        "Building molecular pathology capacity in East Africa",
        (
            "A five-year programme equipping and training four university hospital laboratories in "
            "Kenya, Tanzania, Uganda and Rwanda to run PCR and immunohistochemistry biomarker "
            "tests for breast, lung and colorectal cancer locally."
        ),
        "pan-african-oncology-diagnostics",
        stages="sample-analysis",
        barriers="ngs-not-available-locally lab-workforce-long-turnaround disparities-in-access",
        audiences="pathologists-labs academia-research",
        countries="KE TZ UG RW",
        therapeutic_areas="breast-cancer lung-cancer colorectal-cancer",
    ),
    resource(
        "resource-stratified-testing-lmic",
        "Resource-stratified biomarker testing in low- and middle-income countries",
        (
            "Recommendations for basic, limited, enhanced and maximal resource settings: which "
            "biomarkers to test first when budgets are tight, when to pool samples regionally, and "
            "what minimum quality standards to keep."
        ),
        "pan-african-oncology-diagnostics",
        "guideline",
        2022,
        stages="testing-decision sample-analysis",
        barriers="disparities-in-access fragmented-testing-guidelines",
        audiences="policy-makers medical-societies pathologists-labs",
        regions="africa asia-pacific americas",
        therapeutic_areas="oncology",
    ),
    resource(
        "older-patients-testing-rates",
        "Are older patients tested less? Biomarker testing rates by age",
        (
            "Registry data on 21,000 patients with advanced lung and colorectal cancer show that "
            "people over 75 were half as likely to receive biomarker testing, even when fit for "
            "targeted treatment."
        ),
        "nordic-precision-oncology",
        "report",
        2023,
        stages="testing-decision",
        barriers="disparities-in-access no-real-world-data",
        audiences="clinicians policy-makers academia-research",
        countries="DK NO",
        therapeutic_areas="lung-cancer colorectal-cancer",
    ),
    # Real-world data and evidence -------------------------------------------------------
    initiative(
        "national-lung-testing-registry",
        "A national registry of biomarker tests and outcomes in lung cancer",
        (
            "Every molecular test done for lung cancer in Denmark is recorded with its result, "
            "turnaround and the treatment that followed, linked to survival data from the national "
            "cancer registry."
        ),
        "nordic-precision-oncology",
        stages="sample-analysis monitoring",
        barriers="no-real-world-data",
        audiences="academia-research policy-makers hta-bodies",
        countries="DK",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "linking-lab-results-registry",
        "Linking laboratory results with cancer registry data: a how-to",
        (
            "A practical guide to pulling structured biomarker results from laboratory information "
            "systems, pseudonymising them and linking them to cancer registry records, with data "
            "dictionaries and legal templates."
        ),
        "southern-cross-genomics",
        "toolkit",
        2024,
        stages="sample-analysis monitoring",
        barriers="no-real-world-data",
        audiences="academia-research pathologists-labs",
        regions="global",
        therapeutic_areas="oncology",
    ),
    resource(
        "prem-biomarker-testing",
        "Patient-reported experience measures for biomarker testing",
        (
            "A validated 18-item questionnaire on patients' experience of being tested: "
            "information received, waiting, how results were explained. Free to use, available in "
            "six languages."
        ),
        "alliance-equitable-cancer-care",
        "dataset",
        2023,
        stages="testing-decision results-interpretation",
        barriers="patient-experience-data-underused",
        audiences="academia-research hospitals-cancer-centres patients-advocacy",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "genomic-data-sharing-consent",
        "Consent and governance for sharing tumour genomic data",
        (
            "Model consent wording, a data access committee charter and a checklist for sharing "
            "tumour sequencing data with researchers across borders within the law."
        ),
        "atlantic-trials-matching",
        "toolkit",
        2022,
        stages="testing-decision",
        barriers="no-real-world-data",
        audiences="academia-research hospitals-cancer-centres regulators",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    # Awareness, education and referral --------------------------------------------------
    resource(
        "gp-elearning-early-signs",
        "Early signs and fast referral: an e-learning course for general practitioners",
        (
            "A 90-minute course for family doctors on recognising possible lung, pancreatic and "
            "ovarian cancer early, using the fast-track referral route, and telling patients that "
            "their tumour may be tested for biomarkers."
        ),
        "alliance-equitable-cancer-care",
        "training",
        2022,
        stages="awareness-diagnosis referral-assessment",
        barriers="weak-referral-routes clinician-knowledge-gaps",
        audiences="clinicians",
        countries="GB",
        therapeutic_areas="lung-cancer pancreatic-cancer ovarian-cancer",
    ),
    resource(
        "oncologist-testing-knowledge-survey",
        "What oncologists know about biomarker testing: a survey in the Gulf states",
        (
            "A survey of 310 oncologists in six Gulf states on which biomarkers they order for "
            "lung, breast and colorectal cancer, how they learned about new ones, and what stops "
            "them testing."
        ),
        "gulf-oncology-society",
        "report",
        2023,
        stages="testing-decision",
        barriers="clinician-knowledge-gaps fragmented-testing-guidelines",
        audiences="medical-societies clinicians",
        countries="AE SA QA KW BH OM",
        therapeutic_areas="oncology",
    ),
    initiative(
        "precision-oncology-fellowship",
        "A one-year precision oncology fellowship for young oncologists",
        (
            "Young oncologists from Central and Eastern Europe spend a year rotating through a "
            "molecular laboratory, a tumour board and an early-phase trials unit, then set up a "
            "tumour board in their home hospital."
        ),
        "central-european-lab-quality",
        stages="results-interpretation treatment-decision",
        barriers="clinician-knowledge-gaps no-molecular-tumour-board",
        audiences="clinicians medical-societies",
        countries="RO BG HR RS SI",
        therapeutic_areas="oncology",
    ),
    resource(
        "hereditary-cancer-family-letter",
        "Telling your family about a hereditary cancer gene",
        (
            "Letter templates and advice for patients who learn they carry a BRCA, Lynch syndrome "
            "or other hereditary cancer variant, to help them tell relatives who could be tested."
        ),
        "reseau-oncologie-seine",
        "patient_information",
        2021,
        stages="results-interpretation",
        barriers="results-not-explained too-little-plain-language-information",
        audiences="patients-advocacy nurses-navigators",
        countries="FR BE",
        therapeutic_areas="breast-cancer ovarian-cancer colorectal-cancer",
    ),
    # Samples, laboratories and turnaround ---------------------------------------------------
    resource(
        "small-biopsy-tissue-stewardship",
        "Tissue stewardship: getting the most from small lung biopsies",
        (
            "How bronchoscopists, radiologists and pathologists can plan a biopsy so that enough "
            "tissue is left for a full biomarker panel: number of passes, rapid on-site "
            "evaluation, cutting all unstained slides up front."
        ),
        "iberian-molecular-pathology",
        "guideline",
        2021,
        stages="referral-assessment sample-analysis",
        barriers="poor-tissue-sample-handling pathology-oncology-silos",
        audiences="clinicians pathologists-labs",
        countries="ES PT",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "preanalytical-fixation-checklist",
        "Pre-analytical checklist: cold ischaemia and fixation times",
        (
            "A laminated checklist and audit tool for operating theatres and endoscopy units "
            "recording cold ischaemia time, formalin volume and fixation duration, the steps that "
            "most often spoil samples for molecular tests."
        ),
        "central-european-lab-quality",
        "toolkit",
        2022,
        stages="sample-analysis",
        barriers="poor-tissue-sample-handling",
        audiences="pathologists-labs hospitals-cancer-centres",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "turnaround-benchmark-40-hospitals",
        "Benchmarking turnaround times for molecular testing in 40 hospitals",
        (
            "From request to report, the median was 16 days, ranging from 6 to 41. Most of the "
            "delay came before the sample reached the laboratory: finding the block, approving the "
            "request and shipping it."
        ),
        "prairie-oncology-network",
        "report",
        2023,
        stages="sample-analysis",
        barriers="lab-workforce-long-turnaround unwarranted-variation-duplication",
        audiences="hospitals-cancer-centres pathologists-labs",
        countries="CA",
        therapeutic_areas="oncology",
    ),
    initiative(
        "pathologist-reflex-testing",
        "Reflex testing: pathologists order the biomarker panel at diagnosis",
        (
            "In six Ontario and Manitoba hospitals, the pathologist who diagnoses non-squamous "
            "lung cancer orders the biomarker panel straight away instead of waiting for the "
            "oncologist's request. Results are ready at the first oncology appointment."
        ),
        "prairie-oncology-network",
        stages="testing-decision sample-analysis",
        barriers="pathology-oncology-silos lab-workforce-long-turnaround",
        audiences="pathologists-labs hospitals-cancer-centres",
        countries="CA",
        therapeutic_areas="lung-cancer",
    ),
    resource(
        "molecular-lab-workforce-plan",
        "A workforce plan for molecular pathology: 200 more scientists by 2030",
        (
            "Estimates the clinical scientists, bioinformaticians and molecular pathologists "
            "needed as testing grows, and proposes apprenticeships, funded training posts and "
            "shared bioinformatics services."
        ),
        "pacific-rim-cancer-policy",
        "policy_paper",
        2023,
        stages="sample-analysis",
        barriers="lab-workforce-long-turnaround",
        audiences="policy-makers pathologists-labs academia-research",
        countries="SG MY",
        therapeutic_areas="oncology",
    ),
    resource(
        "lab-request-form-electronic",
        "One electronic request form for molecular tests",
        (
            "A case study of replacing paper requests for molecular tests with one electronic form "
            "linked to the pathology system, which cut lost requests and gave clinicians a view of "
            "each test's progress."
        ),
        "rhine-valley-cancer-centre",
        "case_study",
        2022,
        stages="testing-decision sample-analysis",
        barriers="pathology-oncology-silos lab-workforce-long-turnaround",
        audiences="hospitals-cancer-centres pathologists-labs",
        countries="DE",
        therapeutic_areas="oncology",
    ),
    # Results and interpretation ---------------------------------------------------------
    resource(
        "germline-findings-tumour-sequencing",
        "Handling possible germline findings on tumour sequencing reports",
        (
            "Which variants found in the tumour should prompt germline confirmation, how to word "
            "them in the report, and how to refer patients to genetics services with consent in "
            "place."
        ),
        "southern-cross-genomics",
        "guideline",
        2022,
        stages="results-interpretation",
        barriers="results-not-explained fragmented-testing-guidelines",
        audiences="pathologists-labs clinicians",
        countries="AU",
        therapeutic_areas="oncology",
    ),
    resource(
        "vus-explained-patients",
        "Variants of uncertain significance explained",
        (
            "A plain-language explainer on what it means when a genetic test finds a variant whose "
            "meaning is not yet known, why it should not change treatment, and how it may be "
            "reclassified later."
        ),
        "rare-disease-families",
        "patient_information",
        2023,
        stages="results-interpretation",
        barriers="results-not-explained too-little-plain-language-information",
        audiences="patients-advocacy",
        regions="europe",
        therapeutic_areas="oncology rare-diseases",
    ),
    # Policy and regulation --------------------------------------------------------------------
    resource(
        "cancer-plans-precision-review",
        "Precision medicine in national cancer control plans: a review of 30 plans",
        (
            "We read thirty national cancer control plans from Asia-Pacific, Europe and the "
            "Americas and scored how each addresses biomarker testing, genomic infrastructure, "
            "workforce and funding. Only nine set measurable targets."
        ),
        "pacific-rim-cancer-policy",
        "policy_paper",
        2024,
        stages="testing-decision treatment-access",
        barriers="unwarranted-variation-duplication disparities-in-access",
        audiences="policy-makers",
        regions="global",
        therapeutic_areas="oncology",
    ),
    resource(
        "ivdr-in-house-tests",
        "Getting ready for the IVDR: in-house tests in hospital laboratories",
        (
            "What the EU In Vitro Diagnostic Regulation requires of laboratories that develop "
            "their own molecular tests, the deadlines, the justification needed when a CE-marked "
            "test exists, and a readiness self-assessment."
        ),
        "continental-diagnostics-council",
        "report",
        2023,
        stages="sample-analysis",
        barriers="labs-outside-quality-schemes",
        audiences="pathologists-labs regulators diagnostics-industry",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "drug-test-approval-alignment",
        "Aligning the approval of a medicine and its companion diagnostic",
        (
            "An analysis of 28 targeted medicines approved between 2018 and 2023 showing the "
            "months between the medicine's approval and the availability of a reimbursed test in "
            "each country, with proposals to line them up."
        ),
        "targeted-medicines-forum",
        "report",
        2024,
        stages="treatment-access",
        barriers="drug-test-reimbursement-lag",
        audiences="regulators payers pharma-industry diagnostics-industry",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    resource(
        "testing-guideline-harmonisation-map",
        "One country, five guidelines: mapping conflicting testing recommendations",
        (
            "A side-by-side comparison of national, regional and society guidelines for biomarker "
            "testing in lung, colorectal and breast cancer in Italy, showing where they disagree "
            "on which tests, when and for whom."
        ),
        "targeted-medicines-forum",
        "report",
        2022,
        stages="testing-decision",
        barriers="fragmented-testing-guidelines unwarranted-variation-duplication",
        audiences="medical-societies policy-makers",
        countries="IT",
        therapeutic_areas="lung-cancer colorectal-cancer breast-cancer",
    ),
    initiative(
        "access-programme-targeted-lmic",
        "A tiered-price access programme for targeted cancer medicines",
        (
            "An industry consortium offers ALK, EGFR and HER2 targeted medicines at tiered prices "
            "in eleven middle-income countries, bundled with free testing at accredited "
            "laboratories for eligible patients."
        ),
        "targeted-medicines-forum",
        stages="testing-decision treatment-access",
        barriers="out-of-pocket-costs disparities-in-access",
        audiences="pharma-industry policy-makers",
        countries="EG MA VN PH ID CO PE",
        therapeutic_areas="lung-cancer breast-cancer",
    ),
    initiative(
        "hta-joint-clinical-assessment",
        "Preparing patient groups for joint clinical assessments",
        (
            "Workshops and a helpdesk that prepare patient organisations to contribute to the new "
            "European joint clinical assessments of cancer medicines, starting with targeted "
            "therapies and their biomarker-defined populations."
        ),
        "alliance-equitable-cancer-care",
        stages="treatment-access",
        barriers="patient-experience-data-underused hta-methods-small-populations",
        audiences="patients-advocacy hta-bodies",
        regions="europe",
        therapeutic_areas="oncology",
    ),
    # Beyond oncology ------------------------------------------------------------------------
    initiative(
        "familial-hypercholesterolaemia-cascade",
        "Cascade testing for familial hypercholesterolaemia",
        (
            "When a genetic test confirms familial hypercholesterolaemia, specialist nurses "
            "contact the patient's first-degree relatives, offer them testing and start statins "
            "early for those who carry the variant."
        ),
        "prairie-oncology-network",
        stages="awareness-diagnosis testing-decision",
        barriers="weak-referral-routes patients-unaware-of-testing",
        audiences="nurses-navigators clinicians",
        countries="CA",
        therapeutic_areas="cardiovascular",
    ),
    resource(
        "cardiomyopathy-genetic-testing",
        "Genetic testing in inherited cardiomyopathies: who, when and which genes",
        (
            "A guide for cardiologists on offering genetic testing to patients with hypertrophic "
            "or dilated cardiomyopathy, the core gene panel, and how a result changes screening "
            "for relatives."
        ),
        "rhine-valley-cancer-centre",
        "guideline",
        2023,
        stages="testing-decision results-interpretation",
        barriers="clinician-knowledge-gaps fragmented-testing-guidelines",
        audiences="clinicians",
        countries="DE",
        therapeutic_areas="cardiovascular rare-diseases",
    ),
    resource(
        "epilepsy-gene-panel-children",
        "Gene panels for children with early-onset epilepsy",
        (
            "Evidence that testing children with epilepsy starting before age three with an "
            "epilepsy gene panel finds a cause in a quarter of them and changes the choice of "
            "medicine for many."
        ),
        "rare-disease-families",
        "report",
        2022,
        stages="testing-decision sample-analysis",
        barriers="test-not-reimbursed weak-referral-routes",
        audiences="clinicians payers",
        countries="FR",
        therapeutic_areas="neurology rare-diseases",
    ),
    resource(
        "pharmacogenomics-antidepressants",
        "Pharmacogenomic testing before prescribing antidepressants",
        (
            "A review of CYP2D6 and CYP2C19 testing in primary care to guide the choice and dose "
            "of antidepressants, with an implementation pilot in twenty general practices."
        ),
        "danube-oncology-nurses",
        "report",
        2024,
        stages="testing-decision treatment-decision",
        barriers="clinician-knowledge-gaps test-not-reimbursed",
        audiences="clinicians payers",
        countries="AT",
        therapeutic_areas="neurology",
    ),
    resource(
        "hiv-resistance-testing-africa",
        "HIV drug resistance testing before switching treatment",
        (
            "A guideline on genotypic resistance testing for people with HIV whose viral load does "
            "not fall, including dried blood spot sampling for clinics without a freezer."
        ),
        "pan-african-oncology-diagnostics",
        "guideline",
        2021,
        stages="sample-analysis treatment-decision",
        barriers="ngs-not-available-locally disparities-in-access",
        audiences="clinicians pathologists-labs",
        countries="KE UG ZA",
        therapeutic_areas="infectious-diseases",
    ),
    # More cancers and settings -------------------------------------------------------------
    initiative(
        "prostate-psma-genomics-cohort",
        "A prospective cohort of men with metastatic prostate cancer sequenced at diagnosis",
        (
            "Men diagnosed with metastatic hormone-sensitive prostate cancer in Australian centres "
            "have tumour and germline sequencing at diagnosis and are followed for ten years to "
            "learn which alterations predict response."
        ),
        "southern-cross-genomics",
        stages="sample-analysis monitoring",
        barriers="no-real-world-data",
        audiences="academia-research clinicians",
        countries="AU",
        therapeutic_areas="prostate-cancer",
    ),
    initiative(
        "ovarian-hrd-testing-access",
        "Access to HRD testing for women with ovarian cancer",
        (
            "A campaign and funding pilot to make homologous recombination deficiency testing "
            "available to every woman with newly diagnosed advanced ovarian cancer in Central "
            "Europe, where most tests are still sent abroad."
        ),
        "central-european-lab-quality",
        stages="testing-decision sample-analysis",
        barriers="ngs-not-available-locally test-not-reimbursed",
        audiences="payers pathologists-labs patients-advocacy",
        countries="CZ SK HU",
        therapeutic_areas="ovarian-cancer",
    ),
    initiative(
        "melanoma-skin-clinic-referral",
        "From skin clinic to melanoma unit in two weeks",
        (
            "Dermatology clinics in Queensland refer suspected melanoma through one electronic "
            "pathway that books excision, pathology and, for advanced cases, BRAF testing and the "
            "melanoma unit appointment together."
        ),
        "southern-cross-genomics",
        stages="referral-assessment testing-decision",
        barriers="weak-referral-routes",
        audiences="clinicians hospitals-cancer-centres",
        countries="AU",
        therapeutic_areas="melanoma",
    ),
    initiative(
        "colorectal-msi-lynch-pathway",
        "Finding Lynch syndrome families after colorectal cancer",
        (
            "Hospitals in the Île-de-France region send every colorectal tumour with mismatch "
            "repair deficiency to genetics services automatically, and track how many patients and "
            "relatives are tested."
        ),
        "reseau-oncologie-seine",
        stages="results-interpretation referral-assessment",
        barriers="weak-referral-routes pathology-oncology-silos",
        audiences="hospitals-cancer-centres clinicians",
        countries="FR",
        therapeutic_areas="colorectal-cancer",
    ),
    initiative(
        "breast-cancer-genomic-assay-access",
        "Equal access to gene expression tests in early breast cancer",
        (
            "Working with insurers so that women with hormone receptor positive early breast "
            "cancer can have a gene expression assay to decide whether they need chemotherapy, "
            "whatever hospital they are treated in."
        ),
        "insurers-diagnostics-forum",
        stages="testing-decision treatment-decision",
        barriers="test-not-reimbursed unwarranted-variation-duplication",
        audiences="payers clinicians",
        countries="NL BE",
        therapeutic_areas="breast-cancer",
    ),
    initiative(
        "asia-lung-testing-network",
        "An Asian network for EGFR-first testing in lung cancer",
        (
            "Hospitals in Vietnam, Thailand, the Philippines and Indonesia run rapid EGFR testing "
            "on every non-squamous lung cancer, where EGFR mutations are far more common than in "
            "Europe, and share training and quality control."
        ),
        "pacific-rim-cancer-policy",
        stages="testing-decision sample-analysis",
        barriers="ngs-not-available-locally disparities-in-access",
        audiences="pathologists-labs clinicians",
        countries="VN TH PH ID",
        therapeutic_areas="lung-cancer",
    ),
    initiative(
        "paediatric-cancer-sequencing",
        "Sequencing every child's cancer",
        (
            "Every child and adolescent with a high-risk or relapsed cancer is offered "
            "whole-genome and transcriptome sequencing, with results discussed at a national "
            "paediatric tumour board within four weeks."
        ),
        "atlantic-trials-matching",
        stages="sample-analysis treatment-decision",
        barriers="ngs-not-available-locally no-molecular-tumour-board",
        audiences="clinicians hospitals-cancer-centres",
        countries="IE",
        therapeutic_areas="oncology rare-diseases",
    ),
]


# Made-up distractors ---------------------------------------------------------------------

# (biomarker, the cancer as written, its therapeutic area)
BIOMARKERS = [
    ("EGFR", "lung cancer", "lung-cancer"),
    ("ALK", "lung cancer", "lung-cancer"),
    ("ROS1", "non-small cell lung cancer", "lung-cancer"),
    ("MET exon 14", "lung cancer", "lung-cancer"),
    ("RET", "lung cancer", "lung-cancer"),
    ("PD-L1", "non-small cell lung cancer", "lung-cancer"),
    ("KRAS", "colorectal cancer", "colorectal-cancer"),
    ("MSI", "colorectal cancer", "colorectal-cancer"),
    ("BRAF V600E", "colorectal cancer", "colorectal-cancer"),
    ("HER2", "breast cancer", "breast-cancer"),
    ("PIK3CA", "breast cancer", "breast-cancer"),
    ("BRCA1 and BRCA2", "breast cancer", "breast-cancer"),
    ("BRCA2", "prostate cancer", "prostate-cancer"),
    ("PSMA", "prostate cancer", "prostate-cancer"),
    ("HRD", "ovarian cancer", "ovarian-cancer"),
    ("BRAF", "melanoma", "melanoma"),
    ("KRAS", "pancreatic cancer", "pancreatic-cancer"),
    ("HER2", "gastric cancer", "gastric-cancer"),
    ("FLT3", "acute myeloid leukaemia", "blood-cancers"),
    ("JAK2", "myeloproliferative neoplasms", "blood-cancers"),
    ("BCR-ABL1", "chronic myeloid leukaemia", "blood-cancers"),
    ("IDH1", "glioma", "brain-tumours"),
    ("MGMT", "glioblastoma", "brain-tumours"),
    ("NTRK", "solid tumours", "oncology"),
    ("FGFR2", "cholangiocarcinoma", "oncology"),
    ("TMB", "solid tumours", "oncology"),
    ("SMN1", "spinal muscular atrophy", "rare-diseases"),
    ("CFTR", "cystic fibrosis", "rare-diseases"),
    ("LDLR", "familial hypercholesterolaemia", "cardiovascular"),
    ("SCN1A", "epilepsy", "neurology"),
]
METHODS = [
    "NGS panels",
    "next-generation sequencing",
    "liquid biopsy",
    "ctDNA testing",
    "whole-genome sequencing",
    "immunohistochemistry",
    "FISH",
    "PCR testing",
    "RNA sequencing",
    "digital pathology",
    "methylation profiling",
    "comprehensive genomic profiling",
    "germline testing",
    "gene expression assays",
]
# (theme, barriers, stages): {b} is a biomarker, {m} a method, {c} a cancer.
THEMES = [
    ("reimbursement of {m}", "test-not-reimbursed", "testing-decision"),
    ("turnaround times for {m}", "lab-workforce-long-turnaround", "sample-analysis"),
    ("quality assurance for {m}", "labs-outside-quality-schemes", "sample-analysis"),
    ("explaining {b} results to patients", "results-not-explained", "results-interpretation"),
    ("tumour board review in {c}", "no-molecular-tumour-board", "treatment-decision"),
    ("trial access for people with {c}", "few-routes-off-label-trials", "treatment-access"),
    ("referral pathways in {c}", "weak-referral-routes", "referral-assessment"),
    ("awareness of {b} testing", "patients-unaware-of-testing", "awareness-diagnosis"),
    ("real-world outcomes after {m}", "no-real-world-data", "monitoring"),
    ("equitable access to {m}", "disparities-in-access", "testing-decision"),
    ("assessing {b}-targeted medicines", "hta-methods-small-populations", "treatment-access"),
    ("sample logistics for {m}", "poor-tissue-sample-handling", "sample-analysis"),
    ("{b} testing guidelines in {c}", "fragmented-testing-guidelines", "testing-decision"),
    ("patients' costs for {m}", "out-of-pocket-costs", "testing-decision"),
    ("training clinicians in {m}", "clinician-knowledge-gaps", "testing-decision"),
    ("reporting standards for {m}", "non-standard-tests-and-reports", "results-interpretation"),
    (
        "pathology and oncology working together in {c}",
        "pathology-oncology-silos",
        "sample-analysis",
    ),
    ("patient experience of {m}", "patient-experience-data-underused", "results-interpretation"),
    ("regional plans for {m}", "unwarranted-variation-duplication", "sample-analysis"),
    ("the {b} companion diagnostic", "drug-test-reimbursement-lag", "treatment-access"),
    ("local capacity for {m}", "ngs-not-available-locally", "sample-analysis"),
    (
        "plain-language information on {b} testing",
        "too-little-plain-language-information",
        "testing-decision",
    ),
    ("monitoring {c} with {m}", "no-real-world-data", "monitoring"),
    (
        "what patients need during {b} testing",
        "patient-needs-poorly-understood",
        "testing-decision",
    ),
]
TITLES = [
    "{P}: {theme}",
    "{Theme} in {place}",
    "{Theme}: {document}",
    "{Document} on {theme}",
    "Improving {theme} in {place}",
    "{P}: {theme} in {place}",
    "{Theme} ({year} update)",
]
DOCUMENTS = [
    "a toolkit",
    "a national survey",
    "an audit",
    "lessons from a pilot",
    "a practical guide",
    "a policy brief",
    "recommendations",
    "a training course",
    "an evaluation",
    "a consensus statement",
]
OPENINGS = [
    "{org} looked at {theme} in {place}",
    "A {kind} from {org} on {theme} in {place}",
    "{P} brings {n} hospitals together to work on {theme}",
    "This {kind} sets out {theme}, with examples from {place}",
    "Between {year} and {end}, {n} laboratories in {place} took part in work on {theme}",
]
DETAILS = [
    "It covers {a}, {a2} and {a3}",
    "The findings show that {a} and {a2} matter more than expected",
    "It includes {a} and a short section on {a2}",
    "Participants agreed on {a}, {a2} and the next steps",
    "It reports on {n} patients with {c} tested with {m}",
]
ASPECTS = [
    "sample requirements",
    "consent",
    "turnaround targets",
    "cost per patient",
    "quality indicators",
    "training needs",
    "data collection",
    "reporting templates",
    "the role of nurse navigators",
    "links with genetics services",
    "patient materials",
    "funding routes",
    "variant interpretation",
    "trial eligibility",
    "follow-up testing",
    "laboratory accreditation",
    "tumour board minutes",
    "waiting times",
    "regional networks",
]
AUDIENCE_LINES = [
    "Written for {who}.",
    "Meant for {who} and service planners.",
    "For {who}.",
    "",
]
WHO = [
    "oncologists",
    "pathologists",
    "nurse navigators",
    "patient advocates",
    "payers",
    "hospital managers",
    "laboratory scientists",
    "policy makers",
    "researchers",
]
# Non-English distractors: {b} and {m} stay as written, as they are in real titles.
FOREIGN = {
    "de": (
        [
            "{P}: {b}-Testung und {m} in der Routine",
            "Leitfaden {m}: Qualität und Befundung",
            "Zugang zur {b}-Diagnostik in {place}",
        ],
        "Das Projekt {P} untersucht den Einsatz von {m} und die {b}-Testung in {n} Kliniken. "
        "Es beschreibt Probenlogistik, Befundberichte und Kosten.",
    ),
    "fr": (
        [
            "{P} : accès aux tests {b} et au {m}",
            "Recommandations sur le {m} en pratique",
            "Tests {b} : délais et qualité en {place}",
        ],
        "Le programme {P} évalue l'accès aux tests {b} et au {m} dans {n} établissements. "
        "Il décrit les délais, la qualité des comptes rendus et le financement.",
    ),
    "es": (
        [
            "{P}: acceso a las pruebas de {b} y {m}",
            "Guía práctica de {m} en oncología",
            "Pruebas de {b}: tiempos y calidad en {place}",
        ],
        "El proyecto {P} estudia el acceso a las pruebas de {b} y al {m} en {n} hospitales. "
        "Describe los tiempos de respuesta, los informes y la financiación.",
    ),
    "pl": (
        [
            "{P}: dostęp do badań {b} i {m}",
            "Zalecenia dotyczące {m} w praktyce",
            "Badania {b}: czas oczekiwania w {place}",
        ],
        "Program {P} bada dostęp do badań {b} i {m} w {n} szpitalach. "
        "Opisuje czas oczekiwania, jakość raportów i finansowanie.",
    ),
    "it": (
        [
            "{P}: accesso ai test {b} e al {m}",
            "Raccomandazioni sul {m} nella pratica clinica",
            "Test {b}: tempi e qualità in {place}",
        ],
        "Il progetto {P} valuta l'accesso ai test {b} e al {m} in {n} ospedali. "
        "Descrive i tempi di risposta, i referti e il finanziamento.",
    ),
}
# (place as written, countries, regions)
PLACES = [
    ("Germany", "DE", ""),
    ("France", "FR", ""),
    ("Spain", "ES", ""),
    ("Italy", "IT", ""),
    ("Poland", "PL", ""),
    ("the Netherlands", "NL", ""),
    ("Belgium", "BE", ""),
    ("Sweden", "SE", ""),
    ("Denmark", "DK", ""),
    ("Ireland", "IE", ""),
    ("Portugal", "PT", ""),
    ("Greece", "GR", ""),
    ("Romania", "RO", ""),
    ("Czechia", "CZ", ""),
    ("Hungary", "HU", ""),
    ("England", "GB", ""),
    ("Scotland", "GB", ""),
    ("the United States", "US", ""),
    ("Canada", "CA", ""),
    ("Brazil", "BR", ""),
    ("Mexico", "MX", ""),
    ("Argentina", "AR", ""),
    ("Japan", "JP", ""),
    ("South Korea", "KR", ""),
    ("India", "IN", ""),
    ("China", "CN", ""),
    ("Australia", "AU", ""),
    ("South Africa", "ZA", ""),
    ("Nigeria", "NG", ""),
    ("Egypt", "EG", ""),
    ("Saudi Arabia", "SA", ""),
    ("Türkiye", "TR", ""),
    ("Europe", "", "europe"),
    ("Latin America", "", "americas"),
    ("Africa", "", "africa"),
    ("Asia", "", "asia-pacific"),
    ("the Middle East", "", "middle-east"),
    ("all countries", "", "global"),
]
AUDIENCES = [
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
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
FILLER_ORGANISATIONS = 60


class Filler:
    """Made-up published items that look like the real thing: titles and summaries
    from templates over domain words (biomarkers, methods, themes, places) and
    made-up programme names, tagged consistently with what they say. Seeded: the
    same seed gives the same items."""

    def __init__(self, seed: int = 7) -> None:
        # Seeded, so that every run measures the same library; nothing here is secret.
        self.rng = random.Random(seed)

    def name(self) -> str:
        return "".join(self.rng.choices(SYLLABLES, k=self.rng.randint(2, 3))).capitalize()

    def programme(self) -> str:
        rng = self.rng
        name = self.name()
        return rng.choice([name.upper(), f"Project {name}", f"{name}-{rng.randint(2, 30)}", name])

    def organisations(self) -> list[Org]:
        forms = [
            "{} Cancer Foundation",
            "{} Institute",
            "{} Health Network",
            "{} Laboratories",
            "{} Patient Alliance",
            "{} University Hospital",
            "{} Oncology Group",
        ]
        return [
            Org(
                f"filler-org-{n}",
                self.rng.choice(forms).format(self.name()),
                self.rng.choice(AUDIENCES),
                self.rng.choice(PLACES[:32])[1],
            )
            for n in range(FILLER_ORGANISATIONS)
        ]

    def items(self, count: int, organisations: list[Org]) -> list[Item]:
        return [self.item(n, organisations) for n in range(count)]

    def item(self, n: int, organisations: list[Org]) -> Item:
        rng = self.rng
        biomarker, cancer, area = rng.choice(BIOMARKERS)
        method = rng.choice(METHODS)
        theme, barrier, stage = rng.choice(THEMES)
        place, country, region = rng.choice(PLACES)
        organisation = rng.choice(organisations)
        kind = "initiative" if rng.random() < 0.25 else "resource"
        year = rng.randint(2015, 2025)
        words = {
            "b": biomarker,
            "m": method,
            "c": cancer,
            "P": self.programme(),
            "place": place,
            "year": year,
            "end": year + rng.randint(1, 4),
            "n": rng.randint(3, 400),
            "org": organisation.name,
            "kind": "report" if kind == "resource" else "programme",
        }
        theme = theme.format(**words)
        language = "en" if rng.random() < 0.9 else rng.choice(sorted(FOREIGN))
        if language == "en":
            title = rng.choice(TITLES).format(
                theme=theme,
                Theme=theme[:1].upper() + theme[1:],
                document=rng.choice(DOCUMENTS),
                Document=rng.choice(DOCUMENTS).capitalize(),
                **words,
            )
            summary = " ".join(
                [
                    rng.choice(OPENINGS).format(theme=theme, **words) + ".",
                    rng.choice(DETAILS).format(
                        a=rng.choice(ASPECTS),
                        a2=rng.choice(ASPECTS),
                        a3=rng.choice(ASPECTS),
                        **words,
                    )
                    + ".",
                    rng.choice(AUDIENCE_LINES).format(who=rng.choice(WHO)),
                ]
            ).strip()
        else:
            titles, summary = FOREIGN[language]
            title, summary = rng.choice(titles).format(**words), summary.format(**words)
        other = rng.choice(THEMES)
        tags = {
            "stages": tuple(
                dict.fromkeys([stage, *rng.sample([t[2] for t in THEMES], rng.randint(0, 2))])
            ),
            "barriers": tuple(
                dict.fromkeys([barrier, *([other[1]] if rng.random() < 0.5 else [])])
            ),
            "audiences": tuple(rng.sample(AUDIENCES, rng.randint(1, 3))),
            "countries": (country,) if country else (),
            "regions": (region,) if region else (),
            "therapeutic_areas": (area,),
        }
        detail = (
            rng.choice(Resource.Type.values)
            if kind == "resource"
            else rng.choice(Initiative.Phase.values)
        )
        return Item(
            f"filler-{kind}-{n}",
            kind,
            title[:200],
            summary[:600],
            organisation.key,
            language,
            detail,
            year if kind == "resource" else None,
            tags,
        )


# Loading -------------------------------------------------------------------------------

TAXONOMY = {
    "stages": (Stage, "slug"),
    "barriers": (Barrier, "slug"),
    "countries": (Country, "code"),
    "regions": (Region, "slug"),
    "therapeutic_areas": (TherapeuticArea, "slug"),
    "audiences": (StakeholderGroup, "slug"),
}


def tag_ids() -> dict[str, dict[str, object]]:
    """{tag field: {slug or ISO code: primary key}} for the whole reference taxonomy."""
    return {
        name: dict(model.objects.values_list(key, "pk")) for name, (model, key) in TAXONOMY.items()
    }


def create_organisations(orgs: list[Org]) -> dict[str, Organisation]:
    groups = dict(StakeholderGroup.objects.values_list("slug", "pk"))
    Organisation.objects.bulk_create(
        Organisation(
            name=org.name,
            slug=org.key,
            group_id=groups[org.group],
            country_id=org.country,
            verified=True,
        )
        for org in orgs
    )
    return Organisation.objects.in_bulk([org.key for org in orgs], field_name="slug")


def load_library(filler: int = 0, seed: int = 7) -> dict[str, Contribution]:
    """Create ORGANISATIONS and ITEMS, and `filler` made-up items, all published,
    and return them by key. Items of both sources are interleaved (seeded), so that
    the library's items are neither the newest nor the oldest rows.

    Bulk inserts send no signals: the search vectors (PostgreSQL), the gap map's
    coverage entries and the synergy finder's stored profiles are computed here as
    the app computes them on save."""
    orgs = list(ORGANISATIONS)
    items = list(ITEMS)
    if filler:
        made_up = Filler(seed)
        filler_orgs = made_up.organisations()
        orgs += filler_orgs
        items += made_up.items(filler, filler_orgs)
    rng = random.Random(seed)
    rng.shuffle(items)
    ids = tag_ids()
    now = timezone.now()
    loaded: dict[str, Contribution] = {}
    with transaction.atomic():
        organisations = create_organisations(orgs)
        for kind, model in KINDS.items():
            mine = [item for item in items if item.kind == kind]
            rows = [
                model(
                    slug=item.key,
                    title=item.title,
                    summary=item.summary,
                    organisation=organisations[item.organisation],
                    language=item.language,
                    status=Status.PUBLISHED,
                    published_at=now - timezone.timedelta(days=rng.randint(1, 2500)),
                    **extra_fields(item),
                )
                for item in mine
            ]
            for row in rows:
                row.created_at = row.last_verified_at = row.published_at
            created = model.objects.bulk_create(rows, batch_size=1000)
            for name in TAG_FIELDS:
                related = getattr(model, name)
                through = related.through
                source = f"{related.field.m2m_field_name()}_id"
                target = f"{related.field.m2m_reverse_field_name()}_id"
                through.objects.bulk_create(
                    (
                        through(**{source: row.pk, target: tag_id(ids, name, slug, item)})
                        for item, row in zip(mine, created, strict=True)
                        for slug in item.tags.get(name, ())
                    ),
                    batch_size=5000,
                )
            pks = [row.pk for row in created]
            update_search_vectors(model, pks)
            refresh_entries(model, pks)
            refresh_profiles(model, pks)
            loaded |= {row.slug: row for row in created}
    return loaded


def extra_fields(item: Item) -> dict:
    if item.kind == "resource":
        return {
            "resource_type": item.detail,
            "year": item.year,
            "url": f"https://example.org/library/{item.key}",
        }
    return {"phase": item.detail}


def tag_id(ids: dict, name: str, slug: str, item: Item):
    try:
        return ids[name][slug]
    except KeyError:
        raise KeyError(f"{item.key}: no {name} {slug!r} in the reference content") from None


def update_search_vectors(model: type[Contribution], pks: list[int]) -> None:
    """Contribution.update_search_vector for many rows (contributions.search)."""
    index_items(model, pks)
