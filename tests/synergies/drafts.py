"""Labelled drafts: what partners of other organisations might submit, and what the
synergy finder should say about each, against the library in library.py.

- DUPLICATE: the same work as a named library item, described as another
  organisation would: reworded, acronyms for full names and back, US spelling,
  typos, titles (sometimes summaries) in another language, title only, few or no tags.
- RELATED: work on the same barrier or topic as a named item, but distinct: another
  cancer, biomarker, country or audience. Worth showing; not a duplicate.
- NEGATIVE: unrelated work that shares common words ("cancer", "testing",
  "patients"); "tag twins" with the very tags of a named item; and pathological text
  (only web addresses, numbers, punctuation, emoji, one word repeated 10,000 times).

`variations` say what makes a draft hard, so that the figures can be broken down.
Tags are partial, as a partner ticks a few boxes; a tag twin copies all of its
item's tags (see `tags_of`).
"""

from dataclasses import dataclass, field

from .library import ITEMS

DUPLICATE, RELATED, NEGATIVE = "duplicate", "related", "negative"
KIND_OF = {item.key: item.kind for item in ITEMS}


@dataclass(frozen=True)
class Draft:
    label: str
    kind: str
    title: str
    summary: str
    organisation: str
    # The original (DUPLICATE), the related item (RELATED), or the item whose tags a
    # tag twin copies (NEGATIVE); empty for other negatives.
    target: str = ""
    language: str = "en"
    variations: tuple[str, ...] = ()
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def tag_twin(self) -> bool:
        return self.label == NEGATIVE and bool(self.target)


def split_tags(tags: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {name: tuple(value.split()) for name, value in tags.items()}


def duplicate(
    target: str,
    title: str,
    summary: str,
    organisation: str,
    variations: str,
    language: str = "en",
    **tags: str,
) -> Draft:
    """A draft of the same work as library item `target`."""
    return Draft(
        DUPLICATE,
        KIND_OF[target],
        title,
        summary,
        organisation,
        target,
        language,
        tuple(variations.split()),
        split_tags(tags),
    )


def related(
    target: str, title: str, summary: str, organisation: str, kind: str = "", **tags: str
) -> Draft:
    """Distinct work related to library item `target`."""
    return Draft(
        RELATED,
        kind or KIND_OF[target],
        title,
        summary,
        organisation,
        target,
        tags=split_tags(tags),
    )


def negative(
    title: str,
    summary: str,
    organisation: str,
    kind: str = "resource",
    variations: str = "",
    tags_of: str = "",
    **tags: str,
) -> Draft:
    """Unrelated work; with `tags_of`, a tag twin of that library item."""
    if tags_of:
        item = next(item for item in ITEMS if item.key == tags_of)
        tags = {name: " ".join(slugs) for name, slugs in item.tags.items()}
        variations = f"{variations} tag-twin".strip()
    return Draft(
        NEGATIVE,
        kind,
        title,
        summary,
        organisation,
        tags_of,
        variations=tuple(variations.split()),
        tags=split_tags(tags),
    )


# One word, 10,000 times: what a broken client or a keyboard held down sends.
REPEATED = " ".join(["cancer"] * 10_000)

DRAFTS = [
    # Duplicates -----------------------------------------------------------------------
    duplicate(
        "egfr-testing-nsclc-pathologists",
        (
            "Recherche des mutations EGFR dans le cancer bronchique non à petites cellules : guide "
            "pratique pour les pathologistes"
        ),
        (
            "Conseils pas à pas pour choisir entre PCR ciblée et panels NGS, gérer les petites "
            "biopsies et la cytologie, et rédiger un compte rendu qui permet de débuter "
            "l'osimertinib sans délai."
        ),
        "francophone-molecular-pathology",
        "french",
        language="fr",
        barriers="non-standard-tests-and-reports",
        therapeutic_areas="lung-cancer",
    ),
    duplicate(
        "her2-low-scoring-breast",
        "Scoring HER2-low consistently: an IHC training set for breast pathologists",
        (
            "Slide-based training so that pathologists can separate HER2 0 from 1+ and from 2+ "
            "non-amplified breast tumours, now that antibody-drug conjugates are an option for "
            "HER2-low disease. Each score is benchmarked against an expert panel."
        ),
        "francophone-molecular-pathology",
        "reworded acronym",
        therapeutic_areas="breast-cancer",
        audiences="pathologists-labs",
    ),
    duplicate(
        "universal-mmr-colorectal",
        "Test all bowel cancers for MMR/MSI at diagnosis",
        (
            "We call on every hospital to check each newly diagnosed bowel cancer for mismatch "
            "repair deficiency or microsatellite instability, so that Lynch syndrome is picked up "
            "and patients who could have immunotherapy are found."
        ),
        "health-evidence-partners",
        "reworded acronym no-tags",
    ),
    duplicate(
        "brca-ovarian-tumour-first",
        "BRCA-Testung beim Ovarialkarzinom: erst der Tumor, dann die Keimbahn",
        (
            "Tumour BRCA1/2 testing for every high-grade serous ovarian cancer at diagnosis, with "
            "germline testing and genetic counselling for carriers, to guide PARP inhibitor "
            "maintenance."
        ),
        "netzwerk-praezisionsonkologie",
        "german-title",
        language="de",
        stages="testing-decision",
        therapeutic_areas="ovarian-cancer",
        countries="DE",
    ),
    duplicate(
        "hrr-genes-metastatic-prostate",
        "HRR testing in mCRPC: how often are men tested, and why do bone biopsies fail?",
        (
            "A six-country review of BRCA2, ATM and other homologous recombination repair gene "
            "testing in metastatic castration-resistant prostate cancer, with a proposed testing "
            "route."
        ),
        "health-evidence-partners",
        "acronym reworded",
        barriers="poor-tissue-sample-handling",
        therapeutic_areas="prostate-cancer",
    ),
    duplicate(
        "ntrk-fusions-when-to-look",
        "When to test for NTRK gene fusions: online course for oncologists",
        (
            "E-learning on screening for NTRK fusions across tumor types: which cancers to screen, "
            "RNA-based versus DNA-based sequencing, and confirming a positive IHC screen."
        ),
        "cancer-voices-usa",
        "reworded us-spelling acronym",
        audiences="clinicians",
        regions="global",
    ),
    duplicate(
        "pdl1-assay-harmonisation",
        "Harmonising PD-L1 scoring across antibody clones",
        (
            "32 labs scored identical lung and head-and-neck cases with 4 PD-L1 clones. We report "
            "where tumour proportion scores disagree near the clinical cut-offs, and how to "
            "validate an in-house LDT against the companion assay."
        ),
        "medtech-diagnostics-forum",
        "reworded acronym",
        stages="sample-analysis",
        barriers="non-standard-tests-and-reports",
        therapeutic_areas="lung-cancer",
    ),
    duplicate(
        "alk-ros1-screening-algorithm",
        "ALK/ROS1 screening algorithm for small labs",
        "",
        "francophone-molecular-pathology",
        "title-only acronym no-tags",
    ),
    duplicate(
        "gastric-her2-claudin",
        "Determinación de HER2 y claudina 18.2 en el cáncer gástrico avanzado",
        (
            "Recomendaciones para analizar HER2, PD-L1 CPS, el estado MMR y claudina 18.2 en la "
            "misma biopsia de todo adenocarcinoma gástrico o de la unión gastroesofágica avanzado, "
            "con un modelo de informe."
        ),
        "oncologia-accesible",
        "spanish",
        language="es",
        therapeutic_areas="gastric-cancer",
        countries="ES",
    ),
    duplicate(
        "germline-testing-pancreatic",
        "Offer germline genetic testing to all pancreatic cancer patients",
        (
            "Every person with pancreatic adenocarcinoma should be offered germline testing "
            "regardless of family history, since a BRCA or PALB2 variant changes treatment and "
            "matters for relatives. Includes a costing of the change."
        ),
        "cancer-voices-usa",
        "reworded",
        stages="testing-decision",
        therapeutic_areas="pancreatic-cancer",
        countries="US",
    ),
    duplicate(
        "glioma-molecular-classification",
        "Integrated moleculer diagnosis of diffuse gliomas (IDH, 1p19q, MGMT): training course",
        (
            "Course for neuropathologists and neuro-oncologists: the essential markers, when "
            "methylation arrays are worth it, and layered reporting."
        ),
        "netzwerk-praezisionsonkologie",
        "typos reworded",
        therapeutic_areas="brain-tumours",
    ),
    duplicate(
        "dpyd-before-fluoropyrimidines",
        "DPYD genotyping before 5-FU and capecitabine",
        (
            "Guidance on testing for dihydropyrimidine dehydrogenase deficiency before "
            "fluoropyrimidine chemotherapy, dose reduction for intermediate metabolizers, and "
            "getting results in under a week."
        ),
        "cancer-voices-usa",
        "us-spelling expanded",
        stages="testing-decision",
        therapeutic_areas="colorectal-cancer",
    ),
    duplicate(
        "andalusia-sequencing-courier",
        "Hub-and-spoke next-generation sequencing for district hospitals in southern Spain",
        (
            "District hospitals ship tumour samples every day to a central sequencing laboratory "
            "and get a reviewed report in about ten working days, while keeping their local "
            "pathology and tumour boards."
        ),
        "oncologia-accesible",
        "expanded reworded",
        barriers="ngs-not-available-locally",
        countries="ES",
    ),
    duplicate(
        "ngs-report-template",
        "Standardized next-generation sequencing report template for solid tumors",
        (
            "A single-page layout for NGS reports agreed across 40 laboratories: actionable "
            "variants first, VUS next, QC metrics, and set wording on germline follow-up. Word and "
            "FHIR versions."
        ),
        "cancer-voices-usa",
        "us-spelling expanded",
        barriers="non-standard-tests-and-reports",
        stages="results-interpretation",
    ),
    duplicate(
        "cgp-versus-sequential-costs",
        "Is CGP cheaper than single-gene testing? A micro-costing study",
        (
            "Comprehensive genomic profiling compared with sequential single-gene tests in "
            "advanced NSCLC in Dutch hospitals, counting tissue, time and repeat biopsies, with a "
            "budget impact model."
        ),
        "health-evidence-partners",
        "acronym reworded",
        barriers="test-not-reimbursed",
        countries="NL",
        therapeutic_areas="lung-cancer",
    ),
    duplicate(
        "somatic-variant-tiering",
        "Actionability tiering of somatic variants: forty worked examples",
        (
            "Real anonymised variants classified on a four-tier scale, with the supporting "
            "evidence and the resulting report and tumour board wording."
        ),
        "francophone-molecular-pathology",
        "reworded",
        stages="results-interpretation",
    ),
    duplicate(
        "ctdna-when-tissue-not-enough",
        "Plasma ctDNA testing in advanced NSCLC when the tissue is insufficient",
        (
            "When to send a liquid biopsy at diagnosis of advanced non small cell lung cancer, "
            "alongside tissue or instead of a re-biopsy; how to interpret a negative plasma "
            "result; which labs are sensitive enough."
        ),
        "lungs-first-uk",
        "acronym reworded",
        therapeutic_areas="lung-cancer",
        barriers="poor-tissue-sample-handling",
    ),
    duplicate(
        "ctdna-guided-adjuvant-colon",
        (
            "Krążące DNA nowotworowe (ctDNA) a decyzja o chemioterapii uzupełniającej po operacji "
            "raka jelita grubego"
        ),
        (
            "Randomised trial: patients with stage II colon cancer and no ctDNA after surgery skip "
            "chemotherapy; those with ctDNA get more intensive treatment."
        ),
        "razem-przeciw-rakowi",
        "polish-title",
        language="pl",
        therapeutic_areas="colorectal-cancer",
    ),
    duplicate(
        "liquid-biopsy-patient-leaflet",
        "What a liquid biopsy can tell you: patient leaflet",
        (
            "Explains why a blood test may replace a second biopsy, what a 'nothing found' result "
            "means, and why the test may be repeated."
        ),
        "lungs-first-uk",
        "reworded",
        audiences="patients-advocacy",
    ),
    duplicate(
        "virtual-mtb-community-hospitals",
        "Virtual MTB for small hospitals in the Nordic countries",
        (
            "A weekly video MTB where oncologists from community hospitals present genomic results "
            "to molecular pathologists, geneticists and trialists, and get written advice within "
            "two days."
        ),
        "oncology-nursing-collective",
        "acronym reworded",
        barriers="no-molecular-tumour-board",
        countries="NO SE",
    ),
    duplicate(
        "mtb-operating-procedures",
        "Molecular tumor board SOPs and minimum data set",
        "",
        "cancer-voices-usa",
        "title-only us-spelling acronym no-tags",
    ),
    duplicate(
        "mtb-recommendations-audit",
        "Are MTB recommendations implemented? Audit of 830 patients",
        (
            "Only 41% of discussed patients received the recommended targeted therapy; reasons "
            "included lack of reimbursement, poor performance status and closed or distant trials."
        ),
        "health-evidence-partners",
        "acronym reworded",
        barriers="no-real-world-data",
    ),
    duplicate(
        "leitfaden-molekulares-tumorboard",
        "A guide to setting up a molecular tumour board",
        (
            "For hospitals starting a molecular tumour board: who should attend, which findings "
            "must be available, and how to document recommendations and inform patients."
        ),
        "oncology-nursing-collective",
        "english-of-german",
        barriers="no-molecular-tumour-board",
    ),
    duplicate(
        "eqa-ctdna-egfr-scheme",
        "EQA for liquid biopsy EGFR testing",
        (
            "Twice-yearly external quality assessment rounds with synthetic plasma containing "
            "low-frequency EGFR variants; labs are scored on detection and reporting and get "
            "feedback."
        ),
        "medtech-diagnostics-forum",
        "acronym reworded",
        barriers="labs-outside-quality-schemes",
    ),
    duplicate(
        "ngs-proficiency-2023-results",
        "NGS proficency testing 2023: common laboratory erors",
        (
            "94 labs, 10 cell-line samples: errors came mostly from low tumour content, missed "
            "fusions and inconsistent variant nomenclature."
        ),
        "medtech-diagnostics-forum",
        "typos acronym",
        stages="sample-analysis",
        barriers="labs-outside-quality-schemes",
        regions="europe",
    ),
    duplicate(
        "iso15189-molecular-lab",
        "ISO 15189 accreditation toolkit for molecular pathology labs",
        "",
        "netzwerk-praezisionsonkologie",
        "title-only",
        barriers="labs-outside-quality-schemes",
    ),
    duplicate(
        "reimbursement-tracker-europe",
        "European tracker of biomarker test reimbursement",
        (
            "A table of public funding for 35 cancer biomarker tests across 20 European countries: "
            "whether covered, the tariff, conditions and start date. Refreshed twice a year."
        ),
        "precision-policy-taskforce",
        "reworded",
        barriers="test-not-reimbursed",
        regions="europe",
    ),
    duplicate(
        "paying-medicine-and-test-together",
        "Financer ensemble le médicament ciblé et son test compagnon",
        (
            "Document de politique proposant que le budget du test soit approuvé dans la même "
            "décision que le médicament ciblé, avec trois modèles de financement essayés dans des "
            "provinces canadiennes."
        ),
        "francophone-molecular-pathology",
        "french",
        language="fr",
        barriers="drug-test-reimbursement-lag",
        countries="CA",
    ),
    duplicate(
        "appeal-denied-biomarker-test",
        "How to appeal when your insurer denies genomic testing",
        (
            "Template appeal letters, the internal and external review timeline, and the paperwork "
            "to request from your oncologist."
        ),
        "cancer-voices-usa",
        "reworded",
        countries="US",
        barriers="out-of-pocket-costs",
    ),
    duplicate(
        "out-of-pocket-genomic-survey",
        "Out-of-pocket costs for tumor and germline testing: a patient survey",
        (
            "Survey of 1,200 patients: 20% paid more than $500, 10% skipped a test because of the "
            "cost, and surprise bills were most common after liquid biopsy."
        ),
        "cancer-voices-usa",
        "us-spelling reworded",
        barriers="out-of-pocket-costs",
        countries="US",
    ),
    duplicate(
        "hta-tumour-agnostic-framework",
        "An HTA framework for tissue-agnostic therapies",
        (
            "How HTA agencies can appraise histology-independent medicines supported only by "
            "single-arm basket trials: borrowing information across tumour types, external control "
            "arms, managed entry."
        ),
        "health-evidence-partners",
        "acronym reworded",
        barriers="hta-methods-small-populations",
    ),
    duplicate(
        "patient-input-hta-targeted",
        (
            "Guía para que las asociaciones de pacientes participen en la evaluación de "
            "tecnologías sanitarias de terapias dirigidas"
        ),
        (
            "Cómo recoger y presentar datos de experiencia de pacientes en las evaluaciones de "
            "medicamentos oncológicos dirigidos, con una plantilla de encuesta y ejemplos."
        ),
        "oncologia-accesible",
        "spanish",
        language="es",
        audiences="patients-advocacy",
    ),
    duplicate(
        "trialfinder-atlantic",
        "TrialFinder: matching NGS reports to open trials in Ireland and the UK",
        (
            "Upload a genomic report and get a nightly updated list of nearby open clinical trials "
            "that match the patient's variants."
        ),
        "oncology-nursing-collective",
        "reworded acronym",
        barriers="few-routes-off-label-trials",
        countries="IE",
    ),
    duplicate(
        "latam-basket-trial-network",
        "Red latinoamericana de ensayos tipo cesta para mutaciones raras",
        (
            "Centros oncológicos de Colombia, Perú, Chile y Argentina comparten un protocolo "
            "maestro para que pacientes con mutaciones raras accedan a fármacos dirigidos en el "
            "centro más cercano."
        ),
        "oncologia-accesible",
        "spanish",
        language="es",
        countries="CO PE",
    ),
    duplicate(
        "navigator-curriculum-biomarkers",
        "Biomarker testing training module for oncology nurse navigators",
        (
            "Six sessions teaching navigators what biomarker tests are, when they are ordered, how "
            "long results take, how to explain reports and how to escalate a missing test request."
        ),
        "oncology-nursing-collective",
        "reworded",
        audiences="nurses-navigators",
    ),
    duplicate(
        "rural-lung-nurse-navigation",
        "Nurse navigators for lung cancer patients in remote prairie communities",
        (
            "From the first abnormal scan to the first treatment, a navigator coordinates biopsy, "
            "biomarker results, travel and virtual visits. Scan-to-treatment time dropped from 71 "
            "to 44 days."
        ),
        "oncology-nursing-collective",
        "reworded",
        therapeutic_areas="lung-cancer",
        countries="CA",
        barriers="weak-referral-routes",
    ),
    duplicate(
        "zapytaj-o-biomarkery",
        "Ask about biomarkers: a national awareness campaign for people with lung cancer in Poland",
        (
            "Posters in clinics, a helpline and meetings in county hospitals encourage lung cancer "
            "patients and their families to ask the doctor about biomarker tests before treatment "
            "starts."
        ),
        "razem-przeciw-rakowi",
        "english-of-polish",
        barriers="patients-unaware-of-testing",
        countries="PL",
    ),
    duplicate(
        "genome-sequencing-undiagnosed-children",
        "WGS for undiagnosed paediatric rare disease",
        (
            "Trio whole genome sequencing offered through paediatricians to families without a "
            "diagnosis; a national panel reviews within 3 months; diagnostic yield about one "
            "third."
        ),
        "health-evidence-partners",
        "acronym reworded",
        therapeutic_areas="rare-diseases",
    ),
    duplicate(
        "diagnostic-odyssey-survey",
        "How long does it take to diagnose a rare disease? A European family survey",
        (
            "4,300 families: nearly five years from the first symptoms to a diagnosis on average, "
            "with three misdiagnoses along the way."
        ),
        "kenya-cancer-advocates",
        "reworded",
        therapeutic_areas="rare-diseases",
    ),
    duplicate(
        "rapid-flt3-npm1-aml",
        "Rapid FLT3/NPM1 testing for newly diagnosed AML in Poland",
        (
            "Three reference laboratories report FLT3 and NPM1 within 72 hours so that midostaurin "
            "can be added to induction."
        ),
        "razem-przeciw-rakowi",
        "acronym reworded",
        therapeutic_areas="blood-cancers",
        countries="PL",
    ),
    duplicate(
        "cll-tp53-ighv-before-treatment",
        "TP53 & IGHV testing in CLL before every line of therapy",
        "",
        "netzwerk-praezisionsonkologie",
        "title-only acronym",
        therapeutic_areas="blood-cancers",
    ),
    duplicate(
        "black-patients-lung-testing-gap",
        "Reducing racial disparities in lung cancer biomarker testing",
        (
            "Community health workers and oncology practices in Baltimore, Philadelphia and DC "
            "find untested Black patients with advanced lung cancer and partner with churches and "
            "barbershops on outreach."
        ),
        "cancer-voices-usa",
        "reworded",
        barriers="disparities-in-access",
        countries="US",
    ),
    duplicate(
        "east-africa-molecular-pathology",
        "Strengthening molecular pathology labs in Kenya, Tanzania, Uganda and Rwanda",
        (
            "Equipment and training so that four university hospital labs can run PCR and IHC "
            "biomarker tests for breast, lung and colorectal cancer locally."
        ),
        "kenya-cancer-advocates",
        "reworded acronym",
        countries="KE",
        barriers="ngs-not-available-locally",
    ),
    duplicate(
        "national-lung-testing-registry",
        "Danish registry linking lung cancer molecular tests to treatment and survival",
        (
            "All molecular lung cancer tests recorded with result, turnaround and subsequent "
            "treatment."
        ),
        "health-evidence-partners",
        "reworded short",
        barriers="no-real-world-data",
    ),
    duplicate(
        "cancer-plans-precision-review",
        "How national cancer plans address precision medicine: a review of 30 plans",
        (
            "Scoring 30 national cancer control plans on biomarker testing, genomic "
            "infrastructure, workforce and funding; only nine set measurable targets."
        ),
        "precision-policy-taskforce",
        "reworded",
        audiences="policy-makers",
    ),
    duplicate(
        "ivdr-in-house-tests",
        "IVDR readiness for in-house (LDT) molecular tests",
        "",
        "medtech-diagnostics-forum",
        "title-only acronym no-tags",
    ),
    duplicate(
        "familial-hypercholesterolaemia-cascade",
        "Cascade screening of relatives for FH",
        (
            "Specialist nurses contact first-degree relatives of people with genetically confirmed "
            "familial hypercholesterolemia and offer testing and early statins."
        ),
        "oncology-nursing-collective",
        "acronym us-spelling",
        therapeutic_areas="cardiovascular",
    ),
    duplicate(
        "paediatric-cancer-sequencing",
        "Genomic sequencing for all children with high-risk cancer",
        (
            "WGS and RNA sequencing for high-risk or relapsed childhood cancers, discussed at a "
            "national pediatric MTB within four weeks."
        ),
        "health-evidence-partners",
        "us-spelling acronym",
        therapeutic_areas="oncology",
    ),
    duplicate(
        "small-biopsy-tissue-stewardship",
        "Making small lung biopsies go further for biomarker testing",
        (
            "Plan the biopsy so that enough tissue remains for a full panel: more passes, ROSE, "
            "and cutting unstained slides upfront."
        ),
        "lungs-first-uk",
        "reworded acronym",
        therapeutic_areas="lung-cancer",
    ),
    duplicate(
        "pathologist-reflex-testing",
        "Pathologist-initiated reflex biomarker testing in lung cancer",
        "",
        "lungs-first-uk",
        "title-only reworded",
        therapeutic_areas="lung-cancer",
        barriers="pathology-oncology-silos",
    ),
    # Related but distinct work ---------------------------------------------------------
    related(
        "egfr-testing-nsclc-pathologists",
        "Testing for BRAF V600 mutations in melanoma: a practical guide for dermatopathologists",
        (
            "How to choose between immunohistochemistry for BRAF V600E, PCR and NGS on thin "
            "melanoma samples and lymph node metastases, and how to report the result so that "
            "targeted therapy can start quickly."
        ),
        "francophone-molecular-pathology",
        stages="sample-analysis results-interpretation",
        barriers="non-standard-tests-and-reports",
        audiences="pathologists-labs",
        therapeutic_areas="melanoma",
        countries="FR",
    ),
    related(
        "her2-low-scoring-breast",
        "Scoring the PD-L1 combined positive score in gastric cancer: a slide training set",
        (
            "Eighty gastric and oesophageal cancer slides with expert CPS scores, for pathologists "
            "learning to score PD-L1 before immunotherapy decisions."
        ),
        "medtech-diagnostics-forum",
        stages="sample-analysis",
        barriers="non-standard-tests-and-reports",
        audiences="pathologists-labs",
        therapeutic_areas="gastric-cancer",
    ),
    related(
        "universal-mmr-colorectal",
        "Universal mismatch repair testing for endometrial cancer",
        (
            "Why every endometrial cancer should be tested for MMR deficiency at diagnosis: Lynch "
            "syndrome detection and immunotherapy eligibility, with a workflow for gynaecological "
            "pathology."
        ),
        "health-evidence-partners",
        stages="testing-decision sample-analysis",
        barriers="fragmented-testing-guidelines",
        therapeutic_areas="oncology",
        countries="GB",
    ),
    related(
        "brca-ovarian-tumour-first",
        "BRCA testing in metastatic breast cancer: who qualifies for PARP inhibitors?",
        (
            "A guide for breast oncologists on germline BRCA1 and BRCA2 testing in HER2-negative "
            "metastatic breast cancer and what a positive result means for treatment and "
            "relatives."
        ),
        "cancer-voices-usa",
        stages="testing-decision treatment-decision",
        therapeutic_areas="breast-cancer",
        countries="US",
    ),
    related(
        "hrr-genes-metastatic-prostate",
        "Germline BRCA testing in men with prostate cancer: a guide for urologists",
        (
            "When urologists should offer germline testing to men with high-risk or metastatic "
            "prostate cancer, how to counsel them, and how to refer relatives."
        ),
        "health-evidence-partners",
        stages="testing-decision",
        barriers="clinician-knowledge-gaps",
        audiences="clinicians",
        therapeutic_areas="prostate-cancer",
        countries="GB",
    ),
    related(
        "ctdna-when-tissue-not-enough",
        "Liquid biopsy for RAS and BRAF in metastatic colorectal cancer",
        (
            "When a plasma ctDNA test can replace tissue testing for RAS and BRAF before anti-EGFR "
            "treatment in metastatic colorectal cancer, and how to handle low tumour shedding."
        ),
        "netzwerk-praezisionsonkologie",
        stages="testing-decision sample-analysis",
        barriers="poor-tissue-sample-handling",
        therapeutic_areas="colorectal-cancer",
        countries="DE",
    ),
    related(
        "ctdna-guided-adjuvant-colon",
        "Can ctDNA after surgery decide who needs chemotherapy in early breast cancer?",
        (
            "A prospective study measuring circulating tumour DNA after surgery for early "
            "triple-negative breast cancer to see whether it predicts relapse better than standard "
            "pathology."
        ),
        "health-evidence-partners",
        stages="monitoring",
        barriers="no-real-world-data",
        therapeutic_areas="breast-cancer",
        countries="GB",
    ),
    related(
        "virtual-mtb-community-hospitals",
        "A virtual tumour board for haematological malignancies in Poland",
        (
            "Haematologists in regional hospitals present difficult leukaemia and lymphoma cases "
            "by video to a national panel with molecular diagnostics experts every fortnight."
        ),
        "razem-przeciw-rakowi",
        stages="treatment-decision",
        barriers="no-molecular-tumour-board",
        therapeutic_areas="blood-cancers",
        countries="PL",
    ),
    related(
        "mtb-operating-procedures",
        "Terms of reference for a hereditary cancer multidisciplinary meeting",
        (
            "Templates for running a regular meeting of geneticists, oncologists and counsellors "
            "on patients with possible hereditary cancer: referral criteria, attendance, and "
            "recording decisions."
        ),
        "oncology-nursing-collective",
        stages="results-interpretation",
        barriers="pathology-oncology-silos",
        countries="IE",
    ),
    related(
        "eqa-ctdna-egfr-scheme",
        "External quality assessment for MSI and MMR testing in colorectal cancer",
        (
            "An annual quality round in which laboratories stain and score mismatch repair "
            "proteins and run MSI tests on the same colorectal tumour samples, with feedback on "
            "discordant results."
        ),
        "medtech-diagnostics-forum",
        kind="resource",
        stages="sample-analysis",
        barriers="labs-outside-quality-schemes",
        therapeutic_areas="colorectal-cancer",
        regions="europe",
    ),
    related(
        "ngs-report-template",
        "A standard report template for germline genetic testing in hereditary cancer",
        (
            "A model report for germline multigene panel results in hereditary breast, ovarian and "
            "bowel cancer, with fixed wording for pathogenic variants, VUS and recommendations for "
            "relatives."
        ),
        "francophone-molecular-pathology",
        stages="results-interpretation",
        barriers="non-standard-tests-and-reports",
        therapeutic_areas="breast-cancer ovarian-cancer",
    ),
    related(
        "reimbursement-tracker-europe",
        "Tracking public funding of targeted cancer medicines in Latin America",
        (
            "A regularly updated table of which targeted cancer drugs are covered by public health "
            "systems in eight Latin American countries, and since when."
        ),
        "oncologia-accesible",
        stages="treatment-access",
        barriers="out-of-pocket-costs",
        regions="americas",
    ),
    related(
        "appeal-denied-biomarker-test",
        "Appealing a denied prior authorization for an oral targeted cancer drug",
        (
            "What to do when a health plan refuses to cover a targeted therapy: the prior "
            "authorization process, step therapy exceptions and sample letters for the oncologist."
        ),
        "cancer-voices-usa",
        stages="treatment-access",
        barriers="out-of-pocket-costs",
        countries="US",
    ),
    related(
        "out-of-pocket-genomic-survey",
        "Financial toxicity among people taking oral targeted therapies",
        (
            "A survey of 900 patients on oral targeted cancer drugs about co-payments, debt and "
            "skipped doses, with differences by insurance type."
        ),
        "cancer-voices-usa",
        stages="treatment-access",
        barriers="out-of-pocket-costs",
        countries="US",
    ),
    related(
        "hta-tumour-agnostic-framework",
        "Appraising CAR-T cell therapies in haematology: handling uncertainty",
        (
            "How HTA agencies dealt with immature survival data for CAR-T therapies in lymphoma "
            "and leukaemia, and the payment schemes they used."
        ),
        "health-evidence-partners",
        stages="treatment-access",
        barriers="hta-methods-small-populations",
        therapeutic_areas="blood-cancers",
    ),
    related(
        "trialfinder-atlantic",
        "Matching children with cancer to early-phase trials across Europe",
        (
            "A service for paediatric oncologists that lists open early-phase trials for children "
            "whose tumours carry targetable alterations, and helps with cross-border referral."
        ),
        "health-evidence-partners",
        stages="treatment-access",
        barriers="few-routes-off-label-trials",
        regions="europe",
    ),
    related(
        "rural-lung-nurse-navigation",
        "Patient navigation for rural women with breast cancer in Kenya",
        (
            "Community navigators help women from rural counties get from a breast lump to biopsy, "
            "receptor testing and treatment in Nairobi, arranging transport and lodging."
        ),
        "kenya-cancer-advocates",
        stages="referral-assessment treatment-access",
        barriers="disparities-in-access weak-referral-routes",
        therapeutic_areas="breast-cancer",
        countries="KE",
    ),
    related(
        "navigator-curriculum-biomarkers",
        "Genetic counselling skills for oncology nurses",
        (
            "A short course teaching oncology nurses to take a family history, explain germline "
            "test results and recognise when to refer to a genetic counsellor."
        ),
        "oncology-nursing-collective",
        kind="resource",
        stages="results-interpretation",
        barriers="results-not-explained",
        audiences="nurses-navigators",
    ),
    related(
        "zapytaj-o-biomarkery",
        "Pregunta por tus biomarcadores: campaña para pacientes con cáncer colorrectal",
        (
            "Una campaña en redes sociales y centros de salud de España para que las personas con "
            "cáncer colorrectal metastásico pregunten por las pruebas de RAS, BRAF y MSI."
        ),
        "oncologia-accesible",
        barriers="patients-unaware-of-testing",
        therapeutic_areas="colorectal-cancer",
        countries="ES",
    ),
    related(
        "genome-sequencing-undiagnosed-children",
        "Rapid genome sequencing for critically ill newborns in intensive care",
        (
            "Results within five days for babies in neonatal intensive care with a suspected "
            "genetic condition, so that treatment and end-of-life decisions can be informed."
        ),
        "health-evidence-partners",
        stages="sample-analysis",
        therapeutic_areas="rare-diseases",
        countries="GB",
    ),
    related(
        "rapid-flt3-npm1-aml",
        "Rapid JAK2, CALR and MPL testing in myeloproliferative neoplasms",
        (
            "A regional laboratory offers a one-week driver mutation panel for suspected "
            "polycythaemia vera, essential thrombocythaemia and myelofibrosis."
        ),
        "netzwerk-praezisionsonkologie",
        stages="sample-analysis",
        barriers="lab-workforce-long-turnaround",
        therapeutic_areas="blood-cancers",
    ),
    related(
        "cll-tp53-ighv-before-treatment",
        "TP53 mutation testing in myelodysplastic syndromes",
        (
            "Why TP53 status should be known at diagnosis of MDS, how it changes risk scoring and "
            "transplant decisions, and which assays to use."
        ),
        "netzwerk-praezisionsonkologie",
        stages="testing-decision",
        therapeutic_areas="blood-cancers",
    ),
    related(
        "black-patients-lung-testing-gap",
        "Biomarker testing for Hispanic patients with colorectal cancer in Texas",
        (
            "Promotoras and clinics in the Rio Grande Valley work to make sure Spanish-speaking "
            "patients with metastatic colorectal cancer are offered biomarker testing."
        ),
        "cancer-voices-usa",
        kind="initiative",
        barriers="disparities-in-access",
        therapeutic_areas="colorectal-cancer",
        countries="US",
    ),
    related(
        "east-africa-molecular-pathology",
        "Building cytogenetics capacity for leukaemia diagnosis in West Africa",
        (
            "Training and equipment for karyotyping and FISH in teaching hospitals in Ghana and "
            "Nigeria, so that leukaemia can be classified without sending samples abroad."
        ),
        "kenya-cancer-advocates",
        stages="sample-analysis",
        barriers="ngs-not-available-locally",
        therapeutic_areas="blood-cancers",
        countries="GH NG",
    ),
    related(
        "national-lung-testing-registry",
        "A national registry of biomarker testing in colorectal cancer",
        (
            "Irish pathology laboratories report every RAS, BRAF and MMR result for colorectal "
            "cancer to a central registry linked to treatment data."
        ),
        "oncology-nursing-collective",
        barriers="no-real-world-data",
        therapeutic_areas="colorectal-cancer",
        countries="IE",
    ),
    related(
        "cgp-versus-sequential-costs",
        "Whole-genome sequencing versus gene panels in paediatric rare disease: a cost comparison",
        (
            "Costs per diagnosis of first-line genome sequencing compared with sequential gene "
            "panels for children with suspected genetic disorders."
        ),
        "health-evidence-partners",
        barriers="test-not-reimbursed",
        therapeutic_areas="rare-diseases",
    ),
    related(
        "dpyd-before-fluoropyrimidines",
        "UGT1A1 genotyping before irinotecan",
        (
            "Guidance on testing UGT1A1*28 before irinotecan-based chemotherapy to avoid severe "
            "neutropenia and diarrhoea, with dosing advice for poor metabolisers."
        ),
        "netzwerk-praezisionsonkologie",
        stages="testing-decision",
        therapeutic_areas="colorectal-cancer",
    ),
    related(
        "germline-testing-pancreatic",
        "Germline testing for every woman with epithelial ovarian cancer",
        (
            "A policy brief asking that all women diagnosed with epithelial ovarian cancer are "
            "offered germline testing through their oncology team rather than a genetics waiting "
            "list."
        ),
        "lungs-first-uk",
        stages="testing-decision",
        barriers="fragmented-testing-guidelines",
        therapeutic_areas="ovarian-cancer",
    ),
    related(
        "small-biopsy-tissue-stewardship",
        "Handling bone marrow trephines for molecular testing",
        (
            "Decalcification methods that preserve DNA, and how haematopathology laboratories can "
            "keep material aside for molecular tests."
        ),
        "francophone-molecular-pathology",
        stages="sample-analysis",
        barriers="poor-tissue-sample-handling",
        therapeutic_areas="blood-cancers",
    ),
    related(
        "translated-testing-leaflets",
        "Easy-read leaflets on genetic testing for people with learning disabilities",
        (
            "Picture-based information on what a genetic test involves and what the results mean, "
            "tested with people with learning disabilities and their carers."
        ),
        "lungs-first-uk",
        barriers="too-little-plain-language-information",
        audiences="patients-advocacy",
        countries="GB",
    ),
    related(
        "glioma-molecular-classification",
        "Molecular subgrouping of medulloblastoma in children",
        (
            "A course on classifying medulloblastoma into WNT, SHH, group 3 and group 4 by "
            "methylation and immunohistochemistry, and how subgroups change treatment intensity."
        ),
        "netzwerk-praezisionsonkologie",
        stages="sample-analysis",
        therapeutic_areas="brain-tumours",
    ),
    related(
        "paying-medicine-and-test-together",
        "Joint funding of gene therapies and the genetic tests that select patients",
        (
            "How payers can fund a genetic diagnosis and a one-time gene therapy in one decision "
            "for rare inherited retinal and neuromuscular diseases."
        ),
        "precision-policy-taskforce",
        barriers="drug-test-reimbursement-lag",
        therapeutic_areas="rare-diseases",
    ),
    # Hard negatives: common words, nothing else in common ----------------------------
    negative(
        "Cervical cancer screening: improving uptake of HPV self-sampling",
        (
            "Sending HPV self-sampling kits by post to women who have not attended cervical "
            "screening, and following up positive tests with colposcopy."
        ),
        "lungs-first-uk",
        stages="awareness-diagnosis",
        countries="GB",
    ),
    negative(
        "Exercise programmes for patients after cancer treatment",
        (
            "Supervised group exercise twice a week for people who have finished cancer treatment, "
            "to reduce fatigue and improve quality of life."
        ),
        "oncology-nursing-collective",
        kind="initiative",
        stages="monitoring",
    ),
    negative(
        "Stop-smoking support for patients with lung cancer",
        (
            "Offering every patient with lung cancer who smokes a referral to a stop-smoking "
            "service at diagnosis, with nicotine replacement on the ward."
        ),
        "lungs-first-uk",
        kind="initiative",
        therapeutic_areas="lung-cancer",
    ),
    negative(
        "COVID-19 testing for patients on chemotherapy",
        (
            "Rules for PCR and rapid antigen testing of patients receiving chemotherapy during "
            "respiratory virus seasons, and when to delay a cycle."
        ),
        "netzwerk-praezisionsonkologie",
        therapeutic_areas="infectious-diseases",
    ),
    negative(
        "Hospital car parking charges for cancer patients",
        (
            "A campaign for free parking for patients attending radiotherapy and chemotherapy "
            "appointments several times a week."
        ),
        "lungs-first-uk",
        kind="initiative",
        barriers="out-of-pocket-costs",
    ),
    negative(
        "Palliative care at home for patients with advanced cancer",
        (
            "Community palliative care teams supporting patients with advanced cancer to die at "
            "home if they wish, with 24-hour nursing advice."
        ),
        "oncology-nursing-collective",
        kind="initiative",
        stages="monitoring",
    ),
    negative(
        "Fertility preservation before cancer treatment: information for young patients",
        (
            "Egg, embryo and sperm freezing before chemotherapy or radiotherapy, how quickly it "
            "must happen and who pays."
        ),
        "oncologia-accesible",
    ),
    negative(
        "Eating well during chemotherapy",
        (
            "Practical nutrition advice for patients with nausea, taste changes and mouth sores "
            "during chemotherapy."
        ),
        "oncologia-accesible",
    ),
    negative(
        "Psychological support for carers of people with cancer",
        (
            "Free counselling sessions and peer groups for partners and family members caring for "
            "someone with cancer."
        ),
        "kenya-cancer-advocates",
        kind="initiative",
    ),
    negative(
        "Returning to work after cancer: a guide for employers",
        (
            "How employers can support staff returning to work after cancer treatment with phased "
            "returns and reasonable adjustments."
        ),
        "health-evidence-partners",
    ),
    negative(
        "HPV vaccination for boys: a school programme",
        (
            "Extending the school HPV vaccination programme to boys aged 12 to 13, with consent "
            "forms and catch-up clinics."
        ),
        "precision-policy-taskforce",
        kind="initiative",
        stages="awareness-diagnosis",
    ),
    negative(
        "Reducing missed mammography appointments",
        (
            "Text message reminders and flexible booking cut the share of women who miss their "
            "breast screening appointment."
        ),
        "lungs-first-uk",
        therapeutic_areas="breast-cancer",
    ),
    negative(
        "Antibiotic susceptibility testing in hospital laboratories",
        (
            "Standard methods and quality control for antimicrobial susceptibility testing of "
            "bacterial isolates in clinical microbiology laboratories."
        ),
        "medtech-diagnostics-forum",
        stages="sample-analysis",
        therapeutic_areas="infectious-diseases",
    ),
    negative(
        "Tuberculosis testing in prisons",
        "Screening people entering prison for tuberculosis with chest X-ray and sputum tests.",
        "kenya-cancer-advocates",
        kind="initiative",
        therapeutic_areas="infectious-diseases",
    ),
    negative(
        "Lung function testing in children with asthma",
        (
            "How to perform and interpret spirometry in children over five years old with "
            "suspected asthma."
        ),
        "health-evidence-partners",
    ),
    negative(
        "Hearing tests for all newborns",
        (
            "A national programme screening every newborn's hearing before leaving hospital, with "
            "follow-up audiology."
        ),
        "precision-policy-taskforce",
        kind="initiative",
    ),
    negative(
        "Give blood: a donation drive for patients who need transfusions",
        (
            "Mobile blood donation sessions at universities to meet the demand from patients with "
            "cancer and blood disorders."
        ),
        "razem-przeciw-rakowi",
        kind="initiative",
    ),
    negative(
        "Sun safety for outdoor workers",
        "Training and free sunscreen for construction and farm workers to prevent skin cancer.",
        "cancer-voices-usa",
        kind="initiative",
        therapeutic_areas="melanoma",
    ),
    negative(
        "Side effects of radiotherapy for prostate cancer explained",
        (
            "What to expect during and after radiotherapy for prostate cancer: bladder and bowel "
            "changes, tiredness and sexual function."
        ),
        "cancer-voices-usa",
        therapeutic_areas="prostate-cancer",
    ),
    negative(
        "Scalp cooling and wigs for hair loss during chemotherapy",
        "How scalp cooling works, who can use it, and where patients can get a wig for free.",
        "oncologia-accesible",
    ),
    negative(
        "Radiotherapy waiting times in public hospitals",
        (
            "An analysis of waiting times from referral to the start of radiotherapy in 30 public "
            "hospitals, with the number of linear accelerators per million people."
        ),
        "precision-policy-taskforce",
        countries="IT",
    ),
    negative(
        "Moving to a new laboratory information system: lessons learned",
        (
            "How one hospital migrated its laboratory information system without losing results or "
            "delaying reports, and what it would do differently."
        ),
        "medtech-diagnostics-forum",
        stages="sample-analysis",
    ),
    negative(
        "A trial of a dose-dense chemotherapy schedule in early breast cancer",
        (
            "A randomised trial comparing two-weekly with three-weekly chemotherapy after surgery "
            "for early breast cancer."
        ),
        "health-evidence-partners",
        kind="initiative",
        therapeutic_areas="breast-cancer",
    ),
    negative(
        "Data protection training for hospital staff",
        (
            "An online module on handling patients' personal data, reporting breaches and sending "
            "information securely."
        ),
        "oncology-nursing-collective",
    ),
    # Hard negatives: tag twins, unrelated text with the tags of a library item -------
    negative(
        "Opening hours of community pharmacies in rural areas",
        (
            "A survey of when village pharmacies are open and how far people must travel for "
            "medicines at weekends."
        ),
        "precision-policy-taskforce",
        tags_of="reimbursement-tracker-europe",
    ),
    negative(
        "Hospital menus for patients with swallowing problems",
        (
            "Texture-modified meals and drinks for inpatients with dysphagia, with recipes for "
            "hospital kitchens."
        ),
        "oncology-nursing-collective",
        kind="initiative",
        tags_of="virtual-mtb-community-hospitals",
    ),
    negative(
        "Recycling plastic waste from hospital laboratories",
        "How laboratories can separate and recycle pipette tip boxes, tubes and packaging safely.",
        "medtech-diagnostics-forum",
        tags_of="egfr-testing-nsclc-pathologists",
    ),
    negative(
        "Volunteer drivers for hospital day units",
        "Volunteers drive patients without transport to and from day-unit appointments.",
        "razem-przeciw-rakowi",
        kind="initiative",
        tags_of="rapid-flt3-npm1-aml",
    ),
    negative(
        "Play specialists on children's wards",
        (
            "Play specialists help children cope with hospital stays and procedures through play "
            "and distraction."
        ),
        "health-evidence-partners",
        kind="initiative",
        tags_of="genome-sequencing-undiagnosed-children",
    ),
    negative(
        "How to complain about noise on hospital wards at night",
        (
            "Steps for patients to raise a complaint about noise and light that stop them sleeping "
            "in hospital."
        ),
        "cancer-voices-usa",
        tags_of="appeal-denied-biomarker-test",
    ),
    negative(
        "Choosing a mattress to prevent pressure sores",
        (
            "A buyer's guide to pressure-relieving mattresses and cushions for people who spend "
            "long periods in bed."
        ),
        "health-evidence-partners",
        tags_of="hta-tumour-agnostic-framework",
    ),
    negative(
        "Signs and wayfinding in outpatient departments",
        (
            "Clear signs, colour-coded floors and maps so that visitors find their way around "
            "large hospitals."
        ),
        "lungs-first-uk",
        tags_of="translated-testing-leaflets",
    ),
    negative(
        "A choir for people recovering from surgery",
        (
            "Weekly singing sessions to help people regain breathing strength and confidence after "
            "major surgery."
        ),
        "oncology-nursing-collective",
        kind="initiative",
        tags_of="ctdna-guided-adjuvant-colon",
    ),
    negative(
        "A national plan for dementia care",
        (
            "Targets for diagnosis rates, memory clinics and support for carers of people with "
            "dementia over the next ten years."
        ),
        "precision-policy-taskforce",
        tags_of="cancer-plans-precision-review",
    ),
    # Hard negatives: pathological text ------------------------------------------------
    negative(
        "OncoKB.org",
        "www.oncokb.org",
        "lungs-first-uk",
        variations="pathological",
    ),
    negative(
        "https://www.oncokb.org",
        "https://civicdb.org https://clinicaltrials.gov/search?cond=cancer",
        "medtech-diagnostics-forum",
        variations="pathological",
    ),
    negative(
        "12345",
        "2023 2024 15189 600 44",
        "health-evidence-partners",
        variations="pathological",
    ),
    negative(
        "!!! ??? ... ---",
        "(((;))) ... !!!",
        "cancer-voices-usa",
        variations="pathological",
    ),
    negative(
        "🧬🔬💊",
        "🧬🧬🧬 🎗️ 🎗️",
        "oncologia-accesible",
        variations="pathological",
    ),
    negative(
        "cancer cancer cancer",
        REPEATED,
        "kenya-cancer-advocates",
        variations="pathological",
    ),
    negative(
        "a",
        "",
        "razem-przeciw-rakowi",
        variations="pathological",
    ),
    negative(
        "www.example.org/biomarkers?id=1&x=2",
        "mailto:info@example.org",
        "oncology-nursing-collective",
        variations="pathological",
    ),
]
