"""The labelled query set for the site-wide search (issue #12), over the corpus in
corpus.py and the reference content (stages, barriers, stakeholder groups) every
install starts with.

Queries are written as patients, carers and partners type them: plain words,
misspellings, acronyms, US/UK spelling, word forms, other languages, missing accents,
a country filter, long questions, and things the portal has no answer for.

Findable things are named (kind, slug); the kind is the model name: "resource",
"initiative", "stage", "barrier", "stakeholdergroup" and "organisation".

Grades:
- 2, "just what I wanted": it answers the query directly, in a language the person
  reads (the language of the query; with a country filter, also the country's).
- 1, "useful": related and worth seeing on the first page. An item in another
  language is at most useful: an English item on the very topic of a query in
  another language (the portal speaks English, so its visitors read some), and an
  item in any language for a language-neutral query (acronyms, gene and proper
  names). An item in another language is not relevant to an English query.
- Anything not listed is not relevant. With a country filter, work whose geography
  excludes that country (another country, or a region the country is not in) is not
  relevant, however good; the country's own work, its region's and global work are.

No-good-answer queries have no judgements: the portal holds nothing for them, and
the evaluation checks that what they return is not absurd (see evaluation.py).
"""

from dataclasses import dataclass

Key = tuple[str, str]
"""A findable thing: (kind, slug), the kind being its model name (see above)."""

PLAIN = "plain-language"
MISSPELLING = "misspelling"
ACRONYM = "acronym"
VARIANT = "spelling-variant"
WORD_FORM = "word-form"
OTHER_LANGUAGE = "other-language"
ACCENTLESS = "accent-less"
GEOGRAPHY = "geography"
LONG = "multi-word"
PATHWAY = "stage-barrier-actor"
NO_ANSWER = "no-good-answer"

CLASSES = (
    PLAIN,
    MISSPELLING,
    ACRONYM,
    VARIANT,
    WORD_FORM,
    OTHER_LANGUAGE,
    ACCENTLESS,
    GEOGRAPHY,
    LONG,
    PATHWAY,
    NO_ANSWER,
)


def res(slug: str) -> Key:
    return ("resource", slug)


def ini(slug: str) -> Key:
    return ("initiative", slug)


def stage(slug: str) -> Key:
    return ("stage", slug)


def barrier(slug: str) -> Key:
    return ("barrier", slug)


def group(slug: str) -> Key:
    return ("stakeholdergroup", slug)


def org(slug: str) -> Key:
    return ("organisation", slug)


@dataclass(frozen=True)
class Query:
    text: str
    query_class: str
    great: tuple[Key, ...] = ()
    useful: tuple[Key, ...] = ()
    country: str = ""

    @property
    def params(self) -> dict[str, str]:
        """The filters that go with the words, as the library's query string has them."""
        return {"country": self.country} if self.country else {}

    @property
    def judgements(self) -> dict[Key, int]:
        return dict.fromkeys(self.useful, 1) | dict.fromkeys(self.great, 2)

    @property
    def answerable(self) -> bool:
        return bool(self.great or self.useful)


MTB_ITEMS = (
    res("molecular-tumour-board-starter-kit"),
    res("virtual-molecular-tumor-boards-community-practices"),
    res("mtb-recommendation-template"),
    ini("european-mtb-second-opinion-network"),
    ini("tumor-board-access-rural-clinics"),
)
MTB_ITEMS_IN_OTHER_LANGUAGES = (
    res("molecular-tumor-board-reti-regionali"),
    res("qualitaetskriterien-molekulare-tumorboards"),
    res("comites-moleculares-tumores-espana-mapa"),
    ini("ogolnopolska-siec-molekularnych-tumor-boardow"),
    ini("praezisionsonkologie-laendliche-regionen"),
)

QUERIES: list[Query] = [
    # Plain language, as patients and carers ask
    Query(
        "how much does a biomarker test cost",
        PLAIN,
        great=(res("paying-for-biomarker-testing"),),
        useful=(
            res("will-i-pay-for-genomic-testing-nhs"),
            res("canada-provincial-funding-biomarker-tests"),
            res("appeal-letters-denied-biomarker-coverage"),
            barrier("out-of-pocket-costs"),
            org("biomarker-coverage-helpline"),
        ),
    ),
    Query(
        "questions to ask my doctor about genetic test",
        PLAIN,
        great=(res("questions-before-genetic-testing"),),
        useful=(stage("testing-decision"), res("germline-or-somatic-testing-explained")),
    ),
    Query(
        "lung cancer screening for smokers",
        PLAIN,
        great=(res("low-dose-ct-lung-screening-guide"), ini("community-lung-health-checks")),
    ),
    Query(
        "blood test instead of a biopsy",
        PLAIN,
        great=(res("liquid-biopsy-patient-factsheet"),),
        useful=(
            res("liquid-biopsy-when-tissue-is-not-enough"),
            res("retesting-when-treatment-stops-working"),
        ),
    ),
    Query(
        "my child has leukaemia what tests will they do",
        PLAIN,
        great=(res("childhood-leukaemia-genetic-tests-parents"),),
        useful=(
            ini("childhood-leukaemia-mrd-network-europe"),
            res("pediatric-tumor-sequencing-consensus"),
            ini("genome-sequencing-every-child-high-risk-cancer"),
        ),
    ),
    Query(
        "help paying for cancer tests",
        PLAIN,
        great=(
            res("paying-for-biomarker-testing"),
            res("appeal-letters-denied-biomarker-coverage"),
        ),
        useful=(
            res("will-i-pay-for-genomic-testing-nhs"),
            res("canada-provincial-funding-biomarker-tests"),
            barrier("out-of-pocket-costs"),
            org("biomarker-coverage-helpline"),
        ),
    ),
    Query(
        "what happens to my biopsy in the lab",
        PLAIN,
        great=(res("journey-of-a-biopsy-sample"), stage("sample-analysis")),
        useful=(res("waiting-for-biomarker-results"), barrier("poor-tissue-sample-handling")),
    ),
    Query(
        "how long do biomarker results take",
        PLAIN,
        great=(res("waiting-for-biomarker-results"),),
        useful=(
            stage("sample-analysis"),
            res("journey-of-a-biopsy-sample"),
            barrier("lab-workforce-long-turnaround"),
            res("aml-molecular-testing-turnaround-standards"),
        ),
    ),
    Query(
        "can I keep working during cancer treatment",
        PLAIN,
        great=(res("working-during-and-after-cancer-treatment"),),
        useful=(
            res("long-term-targeted-therapy-care-plan"),
            ini("survivorship-clinic-long-term-targeted-therapy"),
        ),
    ),
    Query(
        "side effects of immunotherapy",
        PLAIN,
        great=(res("immunotherapy-side-effects-diary"),),
    ),
    Query(
        "is there a clinical trial for my cancer",
        PLAIN,
        great=(res("find-a-clinical-trial-matching-your-biomarkers"),),
        useful=(
            res("trial-matching-tools-compared"),
            res("clinical-trial-in-another-eu-country"),
            ini("rare-cancer-trial-matching-service"),
            stage("treatment-decision"),
        ),
    ),
    Query(
        "will my family need to be tested too",
        PLAIN,
        great=(
            res("brca-result-what-it-means-for-family"),
            ini("cascade-testing-relatives-hereditary-cancer"),
        ),
        useful=(
            res("germline-or-somatic-testing-explained"),
            res("lynch-syndrome-bowel-cancer-families"),
            res("prostate-cancer-genetic-testing-guide"),
            res("ovarian-cancer-hrd-testing-explained"),
        ),
    ),
    Query(
        "cancer tests for people living far from a hospital",
        PLAIN,
        great=(
            res("biomarker-testing-rural-remote-australia"),
            ini("sample-courier-scheme-remote-hospitals"),
        ),
        useful=(ini("tumor-board-access-rural-clinics"),),
    ),
    Query(
        "support for living with cancer long term",
        PLAIN,
        great=(
            res("long-term-targeted-therapy-care-plan"),
            ini("survivorship-clinic-long-term-targeted-therapy"),
        ),
        useful=(res("working-during-and-after-cancer-treatment"), stage("monitoring")),
    ),
    Query(
        "explain biomarkers simply",
        PLAIN,
        great=(res("what-is-a-biomarker-easy-read"), res("biomarker-testing-in-five-minutes")),
    ),
    Query(
        "information in my own language",
        PLAIN,
        great=(ini("volunteer-translation-network-patient-information"),),
        useful=(
            barrier("too-little-plain-language-information"),
            res("biomarker-testing-in-five-minutes"),
            res("genetic-testing-through-an-interpreter"),
        ),
    ),
    # Misspellings
    Query(
        "biomaker test",
        MISSPELLING,
        great=(res("what-is-a-biomarker-easy-read"), res("biomarker-testing-in-five-minutes")),
        useful=(
            res("paying-for-biomarker-testing"),
            res("waiting-for-biomarker-results"),
            res("my-biomarker-record-folder"),
            ini("ask-before-you-start-campaign"),
        ),
    ),
    Query(
        "imunotherapy",
        MISSPELLING,
        great=(
            res("immunotherapy-side-effects-diary"),
            res("immunotherapy-biomarkers-msi-tmb-pd-l1"),
        ),
        useful=(res("pd-l1-scoring-online-training"),),
    ),
    Query(
        "liquid biospy",
        MISSPELLING,
        great=(
            res("liquid-biopsy-patient-factsheet"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
        useful=(
            res("ctdna-preanalytical-standards"),
            ini("liquid-biopsy-eqa-pilot-round"),
            ini("asia-pacific-liquid-biopsy-standards-consortium"),
            res("retesting-when-treatment-stops-working"),
        ),
    ),
    Query(
        "leukimia in children",
        MISSPELLING,
        great=(res("childhood-leukaemia-genetic-tests-parents"),),
        useful=(
            ini("childhood-leukaemia-mrd-network-europe"),
            ini("affordable-childhood-cancer-diagnostics-lmic"),
            res("pediatric-tumor-sequencing-consensus"),
            ini("genome-sequencing-every-child-high-risk-cancer"),
        ),
    ),
    Query(
        "melanoma braf tets",
        MISSPELLING,
        great=(res("melanoma-braf-test-factsheet"),),
        useful=(res("melanoma-teste-braf"),),
    ),
    Query(
        "lynch syndrom bowel cancer",
        MISSPELLING,
        great=(res("lynch-syndrome-bowel-cancer-families"),),
        useful=(
            ini("cascade-testing-relatives-hereditary-cancer"),
            res("germline-or-somatic-testing-explained"),
        ),
    ),
    Query(
        "ovarian cancer HRD tesing",
        MISSPELLING,
        great=(res("ovarian-cancer-hrd-testing-explained"),),
        useful=(
            ini("mainstreaming-germline-testing-oncology-clinics"),
            res("brca-result-what-it-means-for-family"),
        ),
    ),
    Query(
        "molecular tumor bord",
        MISSPELLING,
        great=MTB_ITEMS,
        useful=(barrier("no-molecular-tumour-board"),),
    ),
    Query(
        "genome sequencig rare disease",
        MISSPELLING,
        great=(res("genome-sequencing-rare-disease-diagnostic-odyssey"),),
        useful=(
            res("sharing-genomic-data-consent-guide"),
            res("whole-genome-sequencing-cancer-service-evaluation"),
            org("rare-genome-alliance"),
        ),
    ),
    Query(
        "survivorhsip care plan",
        MISSPELLING,
        great=(res("long-term-targeted-therapy-care-plan"),),
        useful=(ini("survivorship-clinic-long-term-targeted-therapy"),),
    ),
    Query(
        "clinical trail matching",
        MISSPELLING,
        great=(
            res("trial-matching-tools-compared"),
            ini("rare-cancer-trial-matching-service"),
            res("find-a-clinical-trial-matching-your-biomarkers"),
        ),
        useful=(res("clinical-trial-in-another-eu-country"),),
    ),
    Query(
        "companion diagnositcs",
        MISSPELLING,
        great=(
            res("companion-diagnostics-ivdr-briefing"),
            res("co-developing-medicine-and-companion-diagnostic"),
            res("joint-assessment-medicine-companion-diagnostic"),
            ini("joint-hta-companion-diagnostics-pilot"),
        ),
        useful=(barrier("drug-test-reimbursement-lag"),),
    ),
    Query(
        "pharmacogenomcs",
        MISSPELLING,
        great=(
            res("pharmacogenomic-testing-primary-care-toolkit"),
            ini("pharmacogenetic-testing-community-pharmacies"),
        ),
    ),
    Query(
        "hereditery breast cancer",
        MISSPELLING,
        great=(res("brca-result-what-it-means-for-family"),),
        useful=(
            ini("mainstreaming-germline-testing-oncology-clinics"),
            ini("cascade-testing-relatives-hereditary-cancer"),
        ),
    ),
    Query(
        "bioinformatcs pipeline validation",
        MISSPELLING,
        great=(res("validating-tumour-sequencing-bioinformatics"),),
        useful=(res("choosing-a-sequencing-panel-small-labs"),),
    ),
    # Acronyms, written as they are used
    Query(
        "MTB",
        ACRONYM,
        great=MTB_ITEMS,
        useful=(barrier("no-molecular-tumour-board"), *MTB_ITEMS_IN_OTHER_LANGUAGES),
    ),
    Query(
        "WGS",
        ACRONYM,
        great=(
            res("whole-genome-sequencing-cancer-service-evaluation"),
            res("genome-sequencing-rare-disease-diagnostic-odyssey"),
            ini("genome-sequencing-every-child-high-risk-cancer"),
        ),
        useful=(
            res("maladies-rares-diagnostic-genomique-familles"),
            ini("sequencage-genome-cancer-programme-regional"),
        ),
    ),
    Query(
        "CGP",
        ACRONYM,
        great=(res("comprehensive-genomic-profiling-explained"),),
        useful=(
            res("umfassende-genomische-profilierung-leitfaden"),
            ini("pilotazowy-program-profilowania-genomowego"),
        ),
    ),
    Query(
        "EQA",
        ACRONYM,
        great=(
            res("ngs-eqa-scheme-results-2023"),
            ini("liquid-biopsy-eqa-pilot-round"),
            ini("molecular-pathology-eqa-sub-saharan-africa"),
        ),
        useful=(
            ini("programa-control-calidad-biomarcadores"),
            res("iso-15189-molecular-pathology-accreditation"),
            res("ctdna-preanalytical-standards"),
            barrier("labs-outside-quality-schemes"),
            ini("childhood-leukaemia-mrd-network-europe"),
            org("molecular-testing-quality-alliance"),
        ),
    ),
    Query(
        "NGS cost",
        ACRONYM,
        great=(
            res("broad-panel-vs-single-gene-cost-model"),
            res("choosing-a-sequencing-panel-small-labs"),
        ),
        useful=(
            res("molecular-diagnostics-reimbursement-europe"),
            res("accesso-test-ngs-regioni-italiane"),
            res("refundacja-badan-molekularnych-raport"),
        ),
    ),
    Query(
        "HTA companion diagnostics",
        ACRONYM,
        great=(
            res("joint-assessment-medicine-companion-diagnostic"),
            ini("joint-hta-companion-diagnostics-pilot"),
        ),
        useful=(
            res("co-developing-medicine-and-companion-diagnostic"),
            res("companion-diagnostics-ivdr-briefing"),
            group("hta-bodies"),
            barrier("drug-test-reimbursement-lag"),
            ini("tumour-agnostic-medicines-hta-working-group"),
            org("diagnostics-value-institute"),
        ),
    ),
    Query(
        "ctDNA",
        ACRONYM,
        great=(
            res("ctdna-preanalytical-standards"),
            ini("liquid-biopsy-eqa-pilot-round"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
            ini("asia-pacific-liquid-biopsy-standards-consortium"),
        ),
        useful=(
            res("liquid-biopsy-patient-factsheet"),
            res("esr1-testing-metastatic-breast-cancer"),
            ini("red-latinoamericana-biopsia-liquida"),
            res("biopsie-liquide-fiche-patient"),
        ),
    ),
    Query(
        "AML FLT3",
        ACRONYM,
        great=(res("aml-molecular-testing-turnaround-standards"),),
        useful=(res("childhood-leukaemia-genetic-tests-parents"),),
    ),
    Query("CLL", ACRONYM, great=(res("cll-targeted-treatments-and-tests"),)),
    Query("HRD", ACRONYM, great=(res("ovarian-cancer-hrd-testing-explained"),)),
    Query(
        "MSI",
        ACRONYM,
        great=(res("immunotherapy-biomarkers-msi-tmb-pd-l1"),),
        useful=(
            res("lynch-syndrome-bowel-cancer-families"),
            res("cancer-colorrectal-avanzado-biomarcadores"),
            res("comprehensive-genomic-profiling-explained"),
        ),
    ),
    Query(
        "PGx",
        ACRONYM,
        great=(
            res("pharmacogenomic-testing-primary-care-toolkit"),
            ini("pharmacogenetic-testing-community-pharmacies"),
        ),
    ),
    Query("IVDR", ACRONYM, great=(res("companion-diagnostics-ivdr-briefing"),)),
    Query(
        "MRD",
        ACRONYM,
        great=(
            res("myeloma-mrd-testing-explained"),
            ini("childhood-leukaemia-mrd-network-europe"),
        ),
        useful=(
            res("childhood-leukaemia-genetic-tests-parents"),
            res("bialaczka-u-dzieci-poradnik-dla-rodzicow"),
        ),
    ),
    Query(
        "PROMs",
        ACRONYM,
        great=(res("patient-reported-outcomes-precision-oncology"),),
        useful=(
            ini("survivorship-clinic-long-term-targeted-therapy"),
            barrier("patient-experience-data-underused"),
        ),
    ),
    Query(
        "ALK",
        ACRONYM,
        great=(res("living-with-alk-positive-lung-cancer"),),
        useful=(
            res("nsclc-biomarker-checklist-pathologists"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
            res("retesting-when-treatment-stops-working"),
            res("cancer-pulmon-biomarcadores-guia-pacientes"),
        ),
    ),
    Query(
        "LDT regulation",
        ACRONYM,
        great=(res("laboratory-developed-tests-us-policy-brief"),),
    ),
    Query(
        "NSCLC",
        ACRONYM,
        great=(res("nsclc-biomarker-checklist-pathologists"),),
        useful=(
            res("reflex-testing-lung-cancer-implementation"),
            ini("provincial-reflex-ngs-lung-programme"),
            res("living-with-alk-positive-lung-cancer"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
            res("broad-panel-vs-single-gene-cost-model"),
        ),
    ),
    Query(
        "FH genetic testing",
        ACRONYM,
        great=(res("familial-hypercholesterolaemia-genetic-testing-gps"),),
    ),
    # US and UK spelling
    Query(
        "tumor board",
        VARIANT,
        great=MTB_ITEMS,
        useful=(barrier("no-molecular-tumour-board"),),
    ),
    Query(
        "leukemia children",
        VARIANT,
        great=(res("childhood-leukaemia-genetic-tests-parents"),),
        useful=(
            ini("childhood-leukaemia-mrd-network-europe"),
            res("pediatric-tumor-sequencing-consensus"),
            ini("affordable-childhood-cancer-diagnostics-lmic"),
            ini("genome-sequencing-every-child-high-risk-cancer"),
        ),
    ),
    Query(
        "pediatric cancer genome sequencing",
        VARIANT,
        great=(
            res("pediatric-tumor-sequencing-consensus"),
            ini("genome-sequencing-every-child-high-risk-cancer"),
        ),
        useful=(
            res("methylation-profiling-childrens-brain-tumours"),
            res("childhood-leukaemia-genetic-tests-parents"),
            org("southern-cross-childrens-genomics"),
            org("north-american-pediatric-consortium"),
        ),
    ),
    Query(
        "paediatric brain tumours",
        VARIANT,
        great=(res("methylation-profiling-childrens-brain-tumours"),),
        useful=(
            res("pediatric-tumor-sequencing-consensus"),
            ini("genome-sequencing-every-child-high-risk-cancer"),
        ),
    ),
    Query(
        "leukemia targeted treatment",
        VARIANT,
        great=(res("cll-targeted-treatments-and-tests"),),
        useful=(
            res("aml-molecular-testing-turnaround-standards"),
            res("childhood-leukaemia-genetic-tests-parents"),
        ),
    ),
    Query(
        "prior authorisation biomarker test",
        VARIANT,
        great=(
            res("appeal-letters-denied-biomarker-coverage"),
            res("paying-for-biomarker-testing"),
        ),
        useful=(barrier("out-of-pocket-costs"),),
    ),
    Query(
        "familial hypercholesterolemia",
        VARIANT,
        great=(res("familial-hypercholesterolaemia-genetic-testing-gps"),),
    ),
    Query(
        "circulating tumor DNA",
        VARIANT,
        great=(
            res("ctdna-preanalytical-standards"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
        useful=(
            res("liquid-biopsy-patient-factsheet"),
            ini("liquid-biopsy-eqa-pilot-round"),
            ini("asia-pacific-liquid-biopsy-standards-consortium"),
        ),
    ),
    Query(
        "patient navigation programme",
        VARIANT,
        great=(
            ini("biomarker-navigators-community-hospitals"),
            res("patient-navigation-precision-oncology-curriculum"),
        ),
        useful=(
            group("nurses-navigators"),
            ini("tumor-board-access-rural-clinics"),
            ini("genomics-with-first-nations-inuit-metis"),
        ),
    ),
    Query(
        "genetic counselling for relatives",
        VARIANT,
        great=(ini("cascade-testing-relatives-hereditary-cancer"),),
        useful=(
            ini("prostate-cancer-genetic-testing-church-outreach"),
            res("brca-result-what-it-means-for-family"),
            res("lynch-syndrome-bowel-cancer-families"),
        ),
    ),
    Query(
        "interpreter for genetic counseling",
        VARIANT,
        great=(res("genetic-testing-through-an-interpreter"),),
    ),
    # Word forms
    Query(
        "biomarker tests reimbursed",
        WORD_FORM,
        great=(res("molecular-diagnostics-reimbursement-europe"), barrier("test-not-reimbursed")),
        useful=(
            res("canada-provincial-funding-biomarker-tests"),
            ini("joint-hta-companion-diagnostics-pilot"),
            res("joint-assessment-medicine-companion-diagnostic"),
            barrier("drug-test-reimbursement-lag"),
            res("paying-for-biomarker-testing"),
        ),
    ),
    Query(
        "navigators helping patients",
        WORD_FORM,
        great=(
            ini("biomarker-navigators-community-hospitals"),
            res("patient-navigation-precision-oncology-curriculum"),
        ),
        useful=(group("nurses-navigators"),),
    ),
    Query(
        "accrediting molecular laboratories",
        WORD_FORM,
        great=(res("iso-15189-molecular-pathology-accreditation"),),
        useful=(barrier("labs-outside-quality-schemes"), res("ngs-eqa-scheme-results-2023")),
    ),
    Query(
        "sequencing my tumour",
        WORD_FORM,
        great=(res("comprehensive-genomic-profiling-explained"),),
        useful=(
            res("whole-genome-sequencing-cancer-service-evaluation"),
            res("germline-or-somatic-testing-explained"),
        ),
    ),
    Query(
        "screened for lung cancer",
        WORD_FORM,
        great=(res("low-dose-ct-lung-screening-guide"), ini("community-lung-health-checks")),
    ),
    Query(
        "interpreting genomic results",
        WORD_FORM,
        great=(stage("results-interpretation"),),
        useful=(
            res("mtb-recommendation-template"),
            res("standard-structure-molecular-pathology-reports"),
            res("molecular-tumour-board-starter-kit"),
            res("germline-or-somatic-testing-explained"),
        ),
    ),
    Query(
        "inherited mutations cancer",
        WORD_FORM,
        great=(
            res("germline-or-somatic-testing-explained"),
            res("brca-result-what-it-means-for-family"),
        ),
        useful=(
            ini("cascade-testing-relatives-hereditary-cancer"),
            ini("mainstreaming-germline-testing-oncology-clinics"),
            res("prostate-cancer-genetic-testing-guide"),
            res("lynch-syndrome-bowel-cancer-families"),
        ),
    ),
    Query(
        "badania genetyczne białaczki u dzieci",
        WORD_FORM,
        great=(res("bialaczka-u-dzieci-poradnik-dla-rodzicow"),),
        useful=(res("childhood-leukaemia-genetic-tests-parents"),),
    ),
    Query(
        "molekularen Tumorboard",
        WORD_FORM,
        great=(
            res("qualitaetskriterien-molekulare-tumorboards"),
            ini("praezisionsonkologie-laendliche-regionen"),
        ),
        useful=(
            res("umfassende-genomische-profilierung-leitfaden"),
            *MTB_ITEMS,
        ),
    ),
    Query(
        "test génomique cancer du sein",
        WORD_FORM,
        great=(res("cancer-du-sein-tests-genomiques"),),
    ),
    Query(
        "registries for rare cancers",
        WORD_FORM,
        great=(res("rare-cancer-patient-registry-toolkit"),),
    ),
    # Other languages
    Query(
        "badania genetyczne rak płuca",
        OTHER_LANGUAGE,
        great=(res("badania-molekularne-rak-pluca-poradnik"),),
        useful=(
            ini("pilotazowy-program-profilowania-genomowego"),
            res("refundacja-badan-molekularnych-raport"),
        ),
    ),
    Query(
        "Kostenübernahme Biomarkertest",
        OTHER_LANGUAGE,
        great=(res("kostenuebernahme-biomarkertests-ratgeber"),),
    ),
    Query(
        "biopsie liquide",
        OTHER_LANGUAGE,
        great=(res("biopsie-liquide-fiche-patient"),),
        useful=(
            res("liquid-biopsy-patient-factsheet"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
    ),
    Query(
        "ensaios clínicos",
        OTHER_LANGUAGE,
        great=(res("ensaios-clinicos-guia-doentes"),),
        useful=(
            res("find-a-clinical-trial-matching-your-biomarkers"),
            res("clinical-trial-in-another-eu-country"),
        ),
    ),
    Query(
        "Immuntherapie Nebenwirkungen",
        OTHER_LANGUAGE,
        great=(res("immuntherapie-bei-krebs-broschuere"),),
        useful=(res("immunotherapy-side-effects-diary"),),
    ),
    Query(
        "tumore prostata test genetico",
        OTHER_LANGUAGE,
        great=(res("tumore-prostata-test-genetico"),),
        useful=(res("prostate-cancer-genetic-testing-guide"),),
    ),
    Query(
        "biomarcadores cáncer colorrectal",
        OTHER_LANGUAGE,
        great=(res("cancer-colorrectal-avanzado-biomarcadores"),),
    ),
    Query(
        "rede oncologia de precisão SUS",
        OTHER_LANGUAGE,
        great=(ini("rede-testagem-molecular-sus"), res("acesso-testes-biomarcadores-sus")),
        useful=(res("melanoma-teste-braf"),),
    ),
    Query(
        "sieć tumor boardów",
        OTHER_LANGUAGE,
        great=(ini("ogolnopolska-siec-molekularnych-tumor-boardow"),),
        useful=(ini("european-mtb-second-opinion-network"),),
    ),
    Query(
        "maladies rares séquençage génome",
        OTHER_LANGUAGE,
        great=(res("maladies-rares-diagnostic-genomique-familles"),),
        useful=(
            ini("sequencage-genome-cancer-programme-regional"),
            res("genome-sequencing-rare-disease-diagnostic-odyssey"),
        ),
    ),
    Query(
        "infirmière de coordination",
        OTHER_LANGUAGE,
        great=(res("infirmiers-coordination-oncologie-precision"),),
        useful=(res("patient-navigation-precision-oncology-curriculum"),),
    ),
    Query(
        "Familien mit erblichem Brustkrebs",
        OTHER_LANGUAGE,
        great=(ini("lotsenprogramm-erblicher-brust-eierstockkrebs"),),
        useful=(
            res("brca-result-what-it-means-for-family"),
            ini("cascade-testing-relatives-hereditary-cancer"),
        ),
    ),
    Query(
        "rete laboratori NGS regione",
        OTHER_LANGUAGE,
        great=(ini("rete-regionale-laboratori-ngs"), res("accesso-test-ngs-regioni-italiane")),
    ),
    Query(
        "biopsia líquida cáncer de pulmón",
        OTHER_LANGUAGE,
        great=(ini("red-latinoamericana-biopsia-liquida"),),
        useful=(
            res("cancer-pulmon-biomarcadores-guia-pacientes"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
    ),
    Query(
        "refundacja badań NGS",
        OTHER_LANGUAGE,
        great=(res("refundacja-badan-molekularnych-raport"),),
        useful=(
            ini("pilotazowy-program-profilowania-genomowego"),
            res("molecular-diagnostics-reimbursement-europe"),
        ),
    ),
    Query(
        "comités moleculares de tumores",
        OTHER_LANGUAGE,
        great=(res("comites-moleculares-tumores-espana-mapa"),),
        useful=(
            res("molecular-tumour-board-starter-kit"),
            ini("european-mtb-second-opinion-network"),
        ),
    ),
    Query(
        "campagne biomarqueurs",
        OTHER_LANGUAGE,
        great=(ini("mon-cancer-mes-biomarqueurs-campagne"),),
        useful=(ini("ask-before-you-start-campaign"),),
    ),
    Query(
        "teste BRAF melanoma",
        OTHER_LANGUAGE,
        great=(res("melanoma-teste-braf"),),
        useful=(res("melanoma-braf-test-factsheet"),),
    ),
    # Accents left out
    Query(
        "cancer de pulmon",
        ACCENTLESS,
        great=(res("cancer-pulmon-biomarcadores-guia-pacientes"),),
        useful=(ini("red-latinoamericana-biopsia-liquida"),),
    ),
    Query(
        "biopsia liquida",
        ACCENTLESS,
        great=(ini("red-latinoamericana-biopsia-liquida"),),
        useful=(
            res("liquid-biopsy-patient-factsheet"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
    ),
    Query(
        "badania genetyczne bialaczka",
        ACCENTLESS,
        great=(res("bialaczka-u-dzieci-poradnik-dla-rodzicow"),),
        useful=(res("childhood-leukaemia-genetic-tests-parents"),),
    ),
    Query(
        "Kostenubernahme Biomarker",
        ACCENTLESS,
        great=(res("kostenuebernahme-biomarkertests-ratgeber"),),
    ),
    Query(
        "tests genomiques cancer du sein",
        ACCENTLESS,
        great=(res("cancer-du-sein-tests-genomiques"),),
    ),
    Query(
        "Qualitatskriterien Tumorboards",
        ACCENTLESS,
        great=(res("qualitaetskriterien-molekulare-tumorboards"),),
    ),
    Query(
        "oncologia de precisao",
        ACCENTLESS,
        great=(
            ini("rede-testagem-molecular-sus"),
            res("ensaios-clinicos-guia-doentes"),
            res("acesso-testes-biomarcadores-sus"),
        ),
        useful=(
            res("melanoma-teste-braf"),
            org("instituto-brasileiro-oncologia-precisao"),
            org("associacao-doentes-oncologia-precisao"),
        ),
    ),
    Query(
        "equidad medicina de precision America Latina",
        ACCENTLESS,
        great=(res("equidad-medicina-precision-america-latina"),),
        useful=(
            ini("red-latinoamericana-biopsia-liquida"),
            ini("pruebas-genomicas-cancer-mama-mexico"),
        ),
    ),
    Query(
        "glos pluc",
        ACCENTLESS,
        great=(org("fundacja-glos-pluc"),),
        useful=(
            res("badania-molekularne-rak-pluca-poradnik"),
            res("refundacja-badan-molekularnych-raport"),
        ),
    ),
    Query(
        "cancer colorrectal biomarcadores",
        ACCENTLESS,
        great=(res("cancer-colorrectal-avanzado-biomarcadores"),),
    ),
    # With a country filter: the country's own work, its region's and global work
    Query(
        "liquid biopsy",
        GEOGRAPHY,
        country="PL",
        great=(
            res("liquid-biopsy-patient-factsheet"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
        useful=(
            res("ctdna-preanalytical-standards"),
            ini("liquid-biopsy-eqa-pilot-round"),
            res("retesting-when-treatment-stops-working"),
        ),
    ),
    Query(
        "tumour boards",
        GEOGRAPHY,
        country="ES",
        great=(
            res("comites-moleculares-tumores-espana-mapa"),
            res("molecular-tumour-board-starter-kit"),
            ini("european-mtb-second-opinion-network"),
        ),
        useful=(res("mtb-recommendation-template"), barrier("no-molecular-tumour-board")),
    ),
    Query(
        "biomarker test reimbursement",
        GEOGRAPHY,
        country="IT",
        great=(
            res("molecular-diagnostics-reimbursement-europe"),
            res("accesso-test-ngs-regioni-italiane"),
        ),
        useful=(
            res("joint-assessment-medicine-companion-diagnostic"),
            ini("joint-hta-companion-diagnostics-pilot"),
            res("precision-medicine-in-national-cancer-plans"),
            barrier("test-not-reimbursed"),
        ),
    ),
    Query(
        "clinical trials",
        GEOGRAPHY,
        country="NL",
        great=(
            res("find-a-clinical-trial-matching-your-biomarkers"),
            res("clinical-trial-in-another-eu-country"),
        ),
        useful=(
            res("trial-matching-tools-compared"),
            ini("early-access-helpdesk-targeted-medicines"),
            stage("treatment-decision"),
        ),
    ),
    Query(
        "rare disease genome sequencing",
        GEOGRAPHY,
        country="BR",
        great=(res("genome-sequencing-rare-disease-diagnostic-odyssey"),),
        useful=(org("rare-genome-alliance"),),
    ),
    Query(
        "childhood cancer diagnosis",
        GEOGRAPHY,
        country="KE",
        great=(ini("affordable-childhood-cancer-diagnostics-lmic"),),
    ),
    Query(
        "EQA",
        GEOGRAPHY,
        country="NG",
        great=(ini("molecular-pathology-eqa-sub-saharan-africa"),),
        useful=(
            res("iso-15189-molecular-pathology-accreditation"),
            org("molecular-testing-quality-alliance"),
        ),
    ),
    Query(
        "patient navigation",
        GEOGRAPHY,
        country="CA",
        great=(res("patient-navigation-precision-oncology-curriculum"),),
        useful=(
            ini("genomics-with-first-nations-inuit-metis"),
            res("trial-matching-tools-compared"),
            group("nurses-navigators"),
        ),
    ),
    Query(
        "lung screening",
        GEOGRAPHY,
        country="GB",
        great=(ini("community-lung-health-checks"),),
    ),
    Query(
        "liquid biopsy standards",
        GEOGRAPHY,
        country="JP",
        great=(ini("asia-pacific-liquid-biopsy-standards-consortium"),),
    ),
    Query(
        "immunotherapy",
        GEOGRAPHY,
        country="AT",
        great=(
            res("immunotherapy-side-effects-diary"),
            res("immuntherapie-bei-krebs-broschuere"),
        ),
        useful=(
            res("immunotherapy-biomarkers-msi-tmb-pd-l1"),
            res("pd-l1-scoring-online-training"),
        ),
    ),
    Query(
        "equal access to precision medicine",
        GEOGRAPHY,
        country="MX",
        great=(res("equidad-medicina-precision-america-latina"),),
        useful=(
            ini("pruebas-genomicas-cancer-mama-mexico"),
            res("precision-medicine-in-national-cancer-plans"),
            barrier("disparities-in-access"),
        ),
    ),
    Query(
        "molecular tumor board",
        GEOGRAPHY,
        country="US",
        great=(
            res("virtual-molecular-tumor-boards-community-practices"),
            ini("tumor-board-access-rural-clinics"),
            res("mtb-recommendation-template"),
        ),
        useful=(barrier("no-molecular-tumour-board"),),
    ),
    Query(
        "who pays for biomarker tests",
        GEOGRAPHY,
        country="CA",
        great=(res("canada-provincial-funding-biomarker-tests"),),
        useful=(barrier("test-not-reimbursed"),),
    ),
    Query(
        "breast cancer genomic test",
        GEOGRAPHY,
        country="AU",
        great=(res("breast-cancer-gene-expression-test-audit"),),
        useful=(res("esr1-testing-metastatic-breast-cancer"),),
    ),
    Query(
        "biomarker testing explained for patients",
        GEOGRAPHY,
        country="DE",
        great=(res("biomarker-testing-in-five-minutes"),),
        useful=(
            res("comprehensive-genomic-profiling-explained"),
            res("liquid-biopsy-patient-factsheet"),
            res("questions-before-genetic-testing"),
            res("journey-of-a-biopsy-sample"),
            res("kostenuebernahme-biomarkertests-ratgeber"),
        ),
    ),
    # Long questions
    Query(
        "what does it mean if my lung cancer is ALK positive and which drugs can I take",
        LONG,
        great=(res("living-with-alk-positive-lung-cancer"),),
        useful=(res("retesting-when-treatment-stops-working"),),
    ),
    Query(
        "how can my hospital set up a molecular tumour board",
        LONG,
        great=(res("molecular-tumour-board-starter-kit"),),
        useful=(
            barrier("no-molecular-tumour-board"),
            ini("european-mtb-second-opinion-network"),
            res("mtb-recommendation-template"),
            ini("tumor-board-access-rural-clinics"),
            res("virtual-molecular-tumor-boards-community-practices"),
        ),
    ),
    Query(
        "my insurance denied coverage for the genomic test my oncologist ordered",
        LONG,
        great=(
            res("appeal-letters-denied-biomarker-coverage"),
            res("paying-for-biomarker-testing"),
        ),
        useful=(barrier("out-of-pocket-costs"),),
    ),
    Query(
        "which biomarkers should be tested in advanced non small cell lung cancer",
        LONG,
        great=(res("nsclc-biomarker-checklist-pathologists"),),
        useful=(
            res("reflex-testing-lung-cancer-implementation"),
            ini("provincial-reflex-ngs-lung-programme"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
            res("living-with-alk-positive-lung-cancer"),
        ),
    ),
    Query(
        "can a blood test find the same mutations as a tissue biopsy",
        LONG,
        great=(
            res("liquid-biopsy-patient-factsheet"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
        useful=(res("retesting-when-treatment-stops-working"),),
    ),
    Query(
        "who decides whether a new cancer drug and its test are paid for",
        LONG,
        great=(
            res("joint-assessment-medicine-companion-diagnostic"),
            barrier("drug-test-reimbursement-lag"),
        ),
        useful=(
            group("hta-bodies"),
            group("payers"),
            res("molecular-diagnostics-reimbursement-europe"),
            ini("joint-hta-companion-diagnostics-pilot"),
            stage("treatment-access"),
        ),
    ),
    Query(
        "training for nurses on genomics and explaining test results to patients",
        LONG,
        great=(ini("genomics-training-oncology-nurses"),),
        useful=(
            res("patient-navigation-precision-oncology-curriculum"),
            ini("mainstreaming-germline-testing-oncology-clinics"),
        ),
    ),
    Query(
        "data on how many patients get biomarker testing in each country",
        LONG,
        great=(res("biomarker-testing-rates-open-dataset"),),
        useful=(
            ini("biomarker-testing-outcomes-registry-five-countries"),
            barrier("no-real-world-data"),
        ),
    ),
    Query(
        "does my son with a brain tumour need DNA methylation testing",
        LONG,
        great=(res("methylation-profiling-childrens-brain-tumours"),),
        useful=(res("pediatric-tumor-sequencing-consensus"),),
    ),
    Query(
        "my mother has breast cancer and a BRCA mutation should I get tested",
        LONG,
        great=(res("brca-result-what-it-means-for-family"),),
        useful=(
            ini("cascade-testing-relatives-hereditary-cancer"),
            res("germline-or-somatic-testing-explained"),
        ),
    ),
    Query(
        "getting tumour samples from small rural hospitals to the lab faster",
        LONG,
        great=(ini("sample-courier-scheme-remote-hospitals"),),
        useful=(
            res("biomarker-testing-rural-remote-australia"),
            ini("provincial-reflex-ngs-lung-programme"),
            ini("digital-pathology-faster-biomarker-results"),
        ),
    ),
    # Stages, barriers, stakeholder groups and organisations
    Query(
        "patient navigators",
        PATHWAY,
        great=(
            group("nurses-navigators"),
            ini("biomarker-navigators-community-hospitals"),
            res("patient-navigation-precision-oncology-curriculum"),
        ),
    ),
    Query(
        "HTA bodies",
        PATHWAY,
        great=(group("hta-bodies"),),
        useful=(
            res("joint-assessment-medicine-companion-diagnostic"),
            ini("tumour-agnostic-medicines-hta-working-group"),
            ini("joint-hta-companion-diagnostics-pilot"),
            org("diagnostics-value-institute"),
            barrier("hta-methods-small-populations"),
        ),
    ),
    Query(
        "tissue sample too small for testing",
        PATHWAY,
        great=(
            barrier("poor-tissue-sample-handling"),
            res("liquid-biopsy-when-tissue-is-not-enough"),
        ),
        useful=(
            res("journey-of-a-biopsy-sample"),
            res("liquid-biopsy-patient-factsheet"),
            res("nsclc-biomarker-checklist-pathologists"),
            ini("digital-pathology-faster-biomarker-results"),
        ),
    ),
    Query(
        "nobody explained my results",
        PATHWAY,
        great=(barrier("results-not-explained"),),
        useful=(
            stage("results-interpretation"),
            res("my-biomarker-record-folder"),
            group("nurses-navigators"),
        ),
    ),
    Query(
        "how to understand my test report",
        PATHWAY,
        great=(stage("results-interpretation"),),
        useful=(
            res("my-biomarker-record-folder"),
            barrier("results-not-explained"),
            res("standard-structure-molecular-pathology-reports"),
        ),
    ),
    Query("treatment decision", PATHWAY, great=(stage("treatment-decision"),)),
    Query(
        "getting access to targeted treatment",
        PATHWAY,
        great=(stage("treatment-access"),),
        useful=(
            ini("early-access-helpdesk-targeted-medicines"),
            barrier("few-routes-off-label-trials"),
        ),
    ),
    Query(
        "Fundacja Głos Płuc",
        PATHWAY,
        great=(org("fundacja-glos-pluc"),),
        useful=(
            res("badania-molekularne-rak-pluca-poradnik"),
            res("refundacja-badan-molekularnych-raport"),
        ),
    ),
    Query(
        "blood cancer patients europe",
        PATHWAY,
        great=(org("blood-cancer-patients-europe"),),
        useful=(
            res("childhood-leukaemia-genetic-tests-parents"),
            res("cll-targeted-treatments-and-tests"),
            res("myeloma-mrd-testing-explained"),
        ),
    ),
    Query(
        "regulators",
        PATHWAY,
        great=(group("regulators"),),
        useful=(
            res("companion-diagnostics-ivdr-briefing"),
            res("laboratory-developed-tests-us-policy-brief"),
        ),
    ),
    Query(
        "lab turnaround times",
        PATHWAY,
        great=(
            barrier("lab-workforce-long-turnaround"),
            res("aml-molecular-testing-turnaround-standards"),
        ),
        useful=(
            res("waiting-for-biomarker-results"),
            ini("sample-courier-scheme-remote-hospitals"),
            res("journey-of-a-biopsy-sample"),
            res("reflex-testing-lung-cancer-implementation"),
            ini("digital-pathology-faster-biomarker-results"),
        ),
    ),
    Query(
        "testing guidelines differ between countries",
        PATHWAY,
        great=(barrier("fragmented-testing-guidelines"),),
        useful=(barrier("unwarranted-variation-duplication"),),
    ),
    Query(
        "unequal access to testing",
        PATHWAY,
        great=(barrier("disparities-in-access"),),
        useful=(
            res("racial-gaps-biomarker-testing-policy"),
            res("biomarker-testing-rural-remote-australia"),
            res("breast-cancer-gene-expression-test-audit"),
            ini("prostate-cancer-genetic-testing-church-outreach"),
        ),
    ),
    Query(
        "Molecular Testing Quality Alliance",
        PATHWAY,
        great=(org("molecular-testing-quality-alliance"),),
        useful=(
            res("ngs-eqa-scheme-results-2023"),
            ini("liquid-biopsy-eqa-pilot-round"),
            res("standard-structure-molecular-pathology-reports"),
            res("pd-l1-scoring-online-training"),
            res("nsclc-biomarker-checklist-pathologists"),
            res("journey-of-a-biopsy-sample"),
            res("iso-15189-molecular-pathology-accreditation"),
            res("ctdna-preanalytical-standards"),
            res("choosing-a-sequencing-panel-small-labs"),
        ),
    ),
    Query(
        "pathologists",
        PATHWAY,
        great=(group("pathologists-labs"),),
        useful=(
            res("pd-l1-scoring-online-training"),
            res("nsclc-biomarker-checklist-pathologists"),
        ),
    ),
    Query(
        "awareness and diagnosis",
        PATHWAY,
        great=(stage("awareness-diagnosis"),),
    ),
    # Nothing in the portal answers these
    Query("cheap flights to barcelona", NO_ANSWER),
    Query("knee replacement recovery exercises", NO_ANSWER),
    Query("best pizza near me", NO_ANSWER),
    Query("dog vaccination schedule", NO_ANSWER),
    Query("marathon running shoes", NO_ANSWER),
    Query("diabetes insulin pump settings", NO_ANSWER),
    Query("tax return deadline", NO_ANSWER),
    Query("asdfgh qwerty", NO_ANSWER),
    Query("wedding dress shops", NO_ANSWER),
    Query("football world cup tickets", NO_ANSWER),
]
