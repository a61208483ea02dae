"""The labelled set the synergy finder is measured on (test_similarity_quality.py).

Built from the demo content (contributions/demo.py) on the reference taxonomy: the
twelve published demo items plus four demo items the test publishes (POOL_EXTRA), so
that sixteen items can be found.

- DUPLICATES are near-duplicates of pool items: what another organisation might
  submit for work that is already in the portal, with the title and summary reworded
  and the same tags. Looked up like a draft being submitted, the original must come
  first.
- RELATED pairs are items a curator would link as related work: the same programme
  seen from two sides, or work on the same barriers in overlapping places.
- UNRELATED pairs share neither barriers nor purpose.

Items are named by (kind, demo slug).
"""

from dataclasses import dataclass

Item = tuple[str, str]

POOL_EXTRA: list[Item] = [
    ("resource", "us-state-laws-biomarker-testing-coverage"),
    ("resource", "colorectal-cancer-biomarker-toolkit"),
    ("initiative", "prime-rose"),
    ("initiative", "prospect-australia"),
]


@dataclass(frozen=True)
class Duplicate:
    original: Item
    title: str
    summary: str


DUPLICATES: list[Duplicate] = [
    Duplicate(
        ("resource", "us-state-laws-biomarker-testing-coverage"),
        "Biomarker testing coverage laws in each US state (chart)",
        "A table, kept up to date, of the laws in every US state that oblige insurance plans "
        "and Medicaid to cover biomarker tests, for patients and navigators who want to know "
        "what their plan must pay or how to appeal a denial.",
    ),
    Duplicate(
        ("resource", "unlocking-precision-medicine-in-europe"),
        "Precision medicine in Europe: access to and quality of biomarker testing by country",
        "Study comparing how available and how reliable cancer biomarker tests are in each EU "
        "member state and the United Kingdom, with country scorecards, an ideal testing "
        "pathway and recommendations to policy makers for closing the gaps.",
    ),
    Duplicate(
        ("resource", "unlocking-precision-medicine-in-europe"),
        "Unlocking precision medicine's potential across Europe (IQN Path, ECPC, EFPIA)",
        "The 2021 report that rates every EU country and the UK on access to cancer "
        "biomarker testing and on its quality, and recommends dedicated testing budgets and "
        "aligned approval of medicines and tests.",
    ),
    Duplicate(
        ("resource", "esmo-ngs-recommendations"),
        "When to use next-generation sequencing in metastatic cancer: ESMO guidance",
        "Guidance from the European Society for Medical Oncology's precision medicine group on "
        "which advanced cancers should routinely have tumour NGS, and on handling genomic "
        "findings that suggest a drug off-label. Updated in 2024.",
    ),
    Duplicate(
        ("resource", "esmo-ngs-recommendations"),
        "ESMO Precision Medicine Working Group recommendations for NGS testing",
        "Which patients with advanced cancer should have a large tumour gene panel, ranked by "
        "the strength of evidence that a matched drug helps: lung, prostate and ovarian cancer "
        "and cholangiocarcinoma first.",
    ),
    Duplicate(
        ("resource", "national-genomic-test-directory-england"),
        "NHS England's directory of funded genomic tests",
        "England's national catalogue of the genomic tests the NHS commissions for cancer and "
        "for rare and inherited diseases, stating who qualifies for each test and who may "
        "order it; revised regularly through an open, evidence-based process.",
    ),
    Duplicate(
        ("resource", "colorectal-cancer-biomarker-toolkit"),
        "Biomarker testing in colorectal cancer: a toolkit for patients and carers",
        "Educational material from Digestive Cancers Europe that explains to people with bowel "
        "cancer, their families and professionals what biomarker tests are and why they "
        "matter, free in several European languages.",
    ),
    Duplicate(
        ("resource", "how-to-read-biomarker-test-results"),
        "Understanding your biomarker test report",
        "A patient guide written by EGFR Resisters that explains, section by section, the "
        "biomarker report people with NSCLC receive, what the reported mutations mean, and how "
        "to talk about treatments and trials with their doctors.",
    ),
    Duplicate(
        ("resource", "how-to-read-biomarker-test-results"),
        "Reading your lung cancer biomarker results: a plain-language guide",
        "Written by patients for patients: what the parts of a biomarker report mean, how "
        "matching therapies are listed and how to weigh suggested clinical trials with the "
        "care team.",
    ),
    Duplicate(
        ("resource", "practice-gaps-advanced-nsclc"),
        "How many lung cancer patients miss out on precision oncology: US practice gaps study",
        "Diaceutics and the Personalized Medicine Coalition analysed US claims and laboratory "
        "records for advanced NSCLC and found that roughly half of patients never received a "
        "biomarker result and most patients eligible for a targeted therapy did not get it.",
    ),
    Duplicate(
        ("resource", "drup-first-three-years"),
        "Three years of the Drug Rediscovery Protocol: results and payment model",
        "An account from the Netherlands Cancer Institute of the first three years of DRUP, "
        "published in Nature in 2019: one in three of the first 215 patients treated benefited, "
        "and insurers paid only for the treatments that worked.",
    ),
    Duplicate(
        ("initiative", "no-one-missed"),
        "No One Missed campaign: talk, test, treat in lung cancer",
        "A LUNGevity campaign across the United States urging everyone diagnosed with NSCLC to "
        "ask their care team about comprehensive biomarker testing, with adverts, online "
        "material and patients' own stories.",
    ),
    Duplicate(
        ("initiative", "no-one-missed"),
        "Comprehensive biomarker testing for every lung cancer patient (LUNGevity)",
        "Since 2021 LUNGevity Foundation has campaigned so that no one with non-small-cell lung "
        "cancer in the US misses out on being tested for every biomarker with a treatment.",
    ),
    Duplicate(
        ("initiative", "state-biomarker-testing-coverage-laws"),
        "Campaign for state biomarker testing coverage legislation",
        "The American Cancer Society Cancer Action Network pushes state legislatures to "
        "require health plans and Medicaid to pay for evidence-based biomarker testing, so that "
        "patients are not priced out of the right test.",
    ),
    Duplicate(
        ("initiative", "know-your-biomarker"),
        "Know Your Biomarker: colorectal cancer biomarker testing campaign",
        "A worldwide awareness and advocacy programme of the Global Colon Cancer Association "
        "with plain-language materials for patients and an adaptable advocacy toolkit, pushing "
        "for access to biomarker testing in colorectal cancer.",
    ),
    Duplicate(
        ("initiative", "nngm-lung-cancer-network"),
        "National Network Genomic Medicine (nNGM) for lung cancer in Germany",
        "Germany's network of university cancer centres that tests the tumours of people with "
        "advanced lung cancer centrally with harmonised NGS panels while regional partners "
        "treat them near home.",
    ),
    Duplicate(
        ("initiative", "nngm-lung-cancer-network"),
        "Test centrally, treat locally: Germany's lung cancer genomics network",
        "University cancer centres in Germany run quality-assured multiplex testing for "
        "everyone with advanced lung cancer and advise local doctors on what the results mean "
        "for treatment and trials.",
    ),
    Duplicate(
        ("initiative", "drup-drug-rediscovery-protocol"),
        "Drug Rediscovery Protocol (DRUP) trial in the Netherlands",
        "A nationwide Dutch trial giving patients with advanced cancer who have run out of "
        "standard options access to approved targeted drugs and immunotherapies off-label, "
        "when their tumour profile suggests a benefit.",
    ),
    Duplicate(
        ("initiative", "pcm4eu"),
        "Personalised Cancer Medicine for all EU citizens (PCM4EU)",
        "An EU4Health project of 17 partners from 15 countries, 2023 to 2024, helping European "
        "countries build molecular diagnostics, molecular tumour boards and DRUP-like trials so "
        "that access to precision cancer medicine no longer depends on where you live.",
    ),
    Duplicate(
        ("initiative", "prime-rose"),
        "PRIME-ROSE: linking DRUP-like precision oncology trials across Europe",
        "A Horizon Europe project led by Oslo University Hospital (2023–2028) connecting "
        "national DRUP-like trials, sharing their data and generating the evidence that "
        "regulators and payers ask for.",
    ),
    Duplicate(
        ("initiative", "prospect-australia"),
        "Omico PrOSPeCT: free genomic profiling and clinical trial matching in Australia",
        "A national Australian programme started in 2023 offering comprehensive genomic "
        "profiling at no cost to up to 23,000 people with advanced or hard-to-treat cancers "
        "and matching them to targeted therapies and clinical trials.",
    ),
]

RELATED: list[tuple[Item, Item]] = [
    (("initiative", "drup-drug-rediscovery-protocol"), ("resource", "drup-first-three-years")),
    (("initiative", "prime-rose"), ("initiative", "drup-drug-rediscovery-protocol")),
    (("initiative", "prime-rose"), ("initiative", "pcm4eu")),
    (
        ("resource", "us-state-laws-biomarker-testing-coverage"),
        ("initiative", "state-biomarker-testing-coverage-laws"),
    ),
    (("initiative", "no-one-missed"), ("initiative", "know-your-biomarker")),
    (("resource", "how-to-read-biomarker-test-results"), ("initiative", "know-your-biomarker")),
    (("initiative", "nngm-lung-cancer-network"), ("initiative", "pcm4eu")),
    (("resource", "esmo-ngs-recommendations"), ("initiative", "nngm-lung-cancer-network")),
    (
        ("resource", "unlocking-precision-medicine-in-europe"),
        ("resource", "national-genomic-test-directory-england"),
    ),
    (("resource", "practice-gaps-advanced-nsclc"), ("initiative", "no-one-missed")),
    (("resource", "colorectal-cancer-biomarker-toolkit"), ("initiative", "know-your-biomarker")),
    (("initiative", "prospect-australia"), ("resource", "esmo-ngs-recommendations")),
    (("initiative", "prospect-australia"), ("initiative", "nngm-lung-cancer-network")),
    (("resource", "how-to-read-biomarker-test-results"), ("initiative", "no-one-missed")),
    (("resource", "unlocking-precision-medicine-in-europe"), ("initiative", "pcm4eu")),
]

UNRELATED: list[tuple[Item, Item]] = [
    (("resource", "how-to-read-biomarker-test-results"), ("initiative", "prime-rose")),
    (
        ("resource", "us-state-laws-biomarker-testing-coverage"),
        ("resource", "drup-first-three-years"),
    ),
    (("resource", "colorectal-cancer-biomarker-toolkit"), ("initiative", "prime-rose")),
    (("resource", "national-genomic-test-directory-england"), ("initiative", "no-one-missed")),
    (("initiative", "know-your-biomarker"), ("resource", "drup-first-three-years")),
    (
        ("initiative", "nngm-lung-cancer-network"),
        ("resource", "us-state-laws-biomarker-testing-coverage"),
    ),
    (
        ("resource", "esmo-ngs-recommendations"),
        ("initiative", "state-biomarker-testing-coverage-laws"),
    ),
    (("initiative", "prospect-australia"), ("resource", "colorectal-cancer-biomarker-toolkit")),
    (
        ("resource", "how-to-read-biomarker-test-results"),
        ("resource", "national-genomic-test-directory-england"),
    ),
    (("initiative", "drup-drug-rediscovery-protocol"), ("initiative", "no-one-missed")),
    (("resource", "practice-gaps-advanced-nsclc"), ("initiative", "prime-rose")),
    (("resource", "colorectal-cancer-biomarker-toolkit"), ("resource", "drup-first-three-years")),
]
