"""The barrier categories and barriers every install starts with, tied to the
pathway stages where they bite and the stakeholder groups who can act on them.

Curators edit these rows afterwards, so the forward function only creates what is
missing (keyed on slug). Stages, actors and evidence are attached only to a barrier
it has just created, so a curator's changes to an existing barrier are never undone.
"""

from django.db import migrations

ALL_STAGES = (
    "awareness-diagnosis",
    "referral-assessment",
    "testing-decision",
    "sample-analysis",
    "results-interpretation",
    "treatment-decision",
    "treatment-access",
    "monitoring",
)

CATEGORIES = [
    (
        "education-awareness",
        "Education & awareness",
        "Patients, families and professionals do not always know what precision medicine "
        "can offer or how to make use of it.",
    ),
    (
        "organisation-infrastructure",
        "Organisation & infrastructure",
        "The way hospitals, laboratories and referrals are organised can slow testing down "
        "or stop it from happening at all.",
    ),
    (
        "quality-standardisation",
        "Quality & standardisation",
        "Tests, reports and guidelines vary in quality and format, so results cannot "
        "always be trusted or compared.",
    ),
    (
        "financing-regulation",
        "Financing & regulation",
        "Rules on approval and payment can leave a test or a treatment out of reach even "
        "when it is right for the patient.",
    ),
    (
        "data-evidence",
        "Data & evidence",
        "Without data on testing, outcomes and patients' experience, gaps stay hidden and "
        "good decisions are harder to make.",
    ),
    (
        "equity",
        "Equity",
        "Who patients are and where they live still shape whether they are tested and treated.",
    ),
]

# Sources checked by hand: each supports the barrier it is attached to with a figure
# quoted in the barrier's description or in the portal's domain brief.
SADIK_2022 = (
    "Sadik et al. (2022). Impact of clinical practice gaps on the implementation of "
    "personalized medicine in advanced non-small-cell lung cancer. JCO Precision Oncology.",
    "https://doi.org/10.1200/PO.22.00246",
)
NORMANNO_2022 = (
    "Normanno et al. (2022). Access and quality of biomarker testing for precision "
    "oncology in Europe. European Journal of Cancer 176:70-77.",
    "https://pubmed.ncbi.nlm.nih.gov/36194905/",
)
IQN_PATH_REPORT_2021 = (
    "IQN Path, ECPC and EFPIA (2021). Unlocking the potential of precision medicine in "
    "Europe: improving cancer care through broader access to quality biomarker testing.",
    "https://www.efpia.eu/media/589727/unlocking-the-potential-of-precision-medicine-in-europe.pdf",
)

BARRIERS = [
    # Education & awareness
    {
        "slug": "patients-unaware-of-testing",
        "category": "education-awareness",
        "title": "Patients do not know biomarker testing exists",
        "summary": (
            "Many patients never hear that their disease could be tested for biomarkers, so "
            "they cannot ask for a test or ask why one was not done."
        ),
        "description": (
            "Biomarker testing rarely features in public health information, and it may not "
            "come up in the first conversations after a diagnosis. Patients who do not know "
            "about it cannot ask for it, and those who do often learn about it from other "
            "patients rather than from their care team. In a large US study of advanced lung "
            "cancer, about half of the patients who could have benefited were lost before a "
            "biomarker result was ever available.\n\n"
            "Clear, early information from patient organisations, clinicians and nurses helps "
            "patients ask the right question at the right time, and campaigns aimed at the "
            "public make testing something people expect."
        ),
        "stages": ("awareness-diagnosis", "testing-decision"),
        "actors": ("patients-advocacy", "clinicians"),
        "evidence": (SADIK_2022,),
    },
    {
        "slug": "clinician-knowledge-gaps",
        "category": "education-awareness",
        "title": "Clinicians' knowledge gaps and slow uptake of guidelines",
        "summary": (
            "Fast-moving science makes it hard for busy clinicians to know which biomarkers "
            "to test for and how to act on the results, so guidelines are not always "
            "followed."
        ),
        "description": (
            "New biomarkers and targeted medicines arrive every year, and testing "
            "recommendations change with them. Clinicians who see few patients with a given "
            "disease may not order every recommended test, or may start treatment before "
            "the results arrive. Even with a result in hand, the matching therapy is not "
            "always given: in the same US lung cancer study, close to three in ten tested "
            "patients did not receive it.\n\n"
            "Up-to-date training, short guideline summaries, decision support built into "
            "ordering systems and easy access to expert advice from medical societies help "
            "close the gap."
        ),
        "stages": ("testing-decision", "treatment-decision"),
        "actors": ("medical-societies", "clinicians"),
        "evidence": (SADIK_2022,),
    },
    {
        "slug": "too-little-plain-language-information",
        "category": "education-awareness",
        "title": "Too little plain-language or translated information",
        "summary": (
            "Information about tests, results and targeted treatments is often technical, "
            "available in one language only, or missing altogether, which keeps patients "
            "out of decisions about their own care."
        ),
        "description": (
            "Patients need to understand what a biomarker is, why a test matters and what "
            "their results mean, at every stage and not only at diagnosis. Much of what "
            "exists is written for professionals, offered in few languages or not adapted "
            "to people who find health information hard to use.\n\n"
            "Good patient information is short, accurate, tested with patients and "
            "available in the languages spoken locally. Patient organisations are well "
            "placed to write it with professionals and keep it up to date."
        ),
        "stages": ALL_STAGES,
        "actors": ("patients-advocacy",),
        "evidence": (),
    },
    {
        "slug": "results-not-explained",
        "category": "education-awareness",
        "title": "Results not explained to patients",
        "summary": (
            "Patients are often unsure whether they were tested at all, what was found, or "
            "what their results mean for their treatment."
        ),
        "description": (
            "Biomarker reports are written for specialists, and the conversation about them "
            "can be brief or never happen. Patients who cannot say whether they were tested "
            "are unable to ask about a targeted medicine, a trial or a second opinion, or to "
            "use their results later if the disease changes.\n\n"
            "A copy of the report, a named person who explains it, and plain-language guides "
            "to reading results help patients understand what was found and what it means "
            "for them."
        ),
        "stages": ("results-interpretation",),
        "actors": ("clinicians", "pathologists-labs", "nurses-navigators"),
        "evidence": (),
    },
    {
        "slug": "patient-needs-poorly-understood",
        "category": "education-awareness",
        "title": "Patients' needs along the pathway poorly understood",
        "summary": (
            "Services are planned without a clear picture of what patients go through and "
            "need at each stage, so the problems that matter most to them stay invisible."
        ),
        "description": (
            "Decisions about testing and treatment pathways are often made without asking "
            "patients what gets in their way: travel, waiting, cost, fear, unclear "
            "information or lack of support. Without that picture, improvements can target "
            "the wrong problems.\n\n"
            "Research on patients' experience, surveys and patient stories, gathered with "
            "patient organisations and researchers, show where the pathway fails people and "
            "which changes would help most."
        ),
        "stages": ALL_STAGES,
        "actors": ("patients-advocacy", "academia-research"),
        "evidence": (),
    },
    # Organisation & infrastructure
    {
        "slug": "pathology-oncology-silos",
        "category": "organisation-infrastructure",
        "title": "Pathology and oncology working in silos",
        "summary": (
            "When pathologists and oncologists do not plan and share information together, "
            "tests are ordered late, samples go astray and results reach no one who acts on "
            "them."
        ),
        "description": (
            "Testing depends on close teamwork between the people who treat the patient and "
            "the people who analyse the sample. Where departments, hospitals and "
            "laboratories work separately, requests are incomplete, samples travel slowly "
            "and reports arrive without anyone taking them forward, which costs patients "
            "time they may not have.\n\n"
            "Shared protocols, testing agreed in advance for defined diagnoses, joint "
            "meetings and electronic ordering and reporting connect the two sides, so the "
            "patient is not the one carrying the message."
        ),
        "stages": ("sample-analysis", "results-interpretation"),
        "actors": ("hospitals-cancer-centres", "pathologists-labs"),
        "evidence": (),
    },
    {
        "slug": "weak-referral-routes",
        "category": "organisation-infrastructure",
        "title": "Weak referral routes to specialist care",
        "summary": (
            "Without clear routes to specialist centres, patients may wait a long time, or "
            "be treated where their disease is rarely seen and testing is not considered."
        ),
        "description": (
            "Patients diagnosed in local or general hospitals do not always reach a team "
            "with experience of their disease. Referral often depends on personal contacts "
            "rather than agreed networks, and can be slowed by distance or paperwork.\n\n"
            "Networks that link local hospitals to expert centres, for example testing "
            "centrally and treating locally, let patients benefit from specialist knowledge "
            "without always having to travel for it."
        ),
        "stages": ("referral-assessment",),
        "actors": ("hospitals-cancer-centres", "policy-makers"),
        "evidence": (),
    },
    {
        "slug": "poor-tissue-sample-handling",
        "category": "organisation-infrastructure",
        "title": "Too little tissue or poor sample handling",
        "summary": (
            "Biopsies that are too small or badly handled can make a test fail, delaying "
            "results or putting the patient through another biopsy."
        ),
        "description": (
            "Tumour samples are often small and are also needed for the basic diagnosis. If "
            "the tissue is used up, fixed incorrectly or stored poorly, there may be nothing "
            "left for biomarker testing, or the result may not be reliable. For the patient "
            "this means waiting longer, or a second procedure.\n\n"
            "Planning for biomarker testing when the biopsy is taken, handling standards "
            "agreed between surgeons, clinicians and pathologists, and a blood test (liquid "
            "biopsy) when tissue is not enough help every patient get a usable result."
        ),
        "stages": ("sample-analysis",),
        "actors": ("pathologists-labs", "clinicians"),
        "evidence": (),
    },
    {
        "slug": "lab-workforce-long-turnaround",
        "category": "organisation-infrastructure",
        "title": "Laboratory staff shortages and long turnaround times",
        "summary": (
            "Too few trained laboratory staff and slow processes mean results can take "
            "weeks, and treatment may start before they arrive."
        ),
        "description": (
            "Molecular pathology needs skilled staff, equipment and people who can analyse "
            "genetic data. Where these are stretched, results take longer than clinicians "
            "can wait, and patients may begin a standard treatment that a later result "
            "would have changed.\n\n"
            "Investing in the laboratory workforce, setting and monitoring turnaround "
            "targets, and networks that share capacity between laboratories keep results "
            "arriving in time to guide the treatment decision."
        ),
        "stages": ("sample-analysis", "treatment-decision"),
        "actors": ("pathologists-labs", "hospitals-cancer-centres"),
        "evidence": (),
    },
    {
        "slug": "ngs-not-available-locally",
        "category": "organisation-infrastructure",
        "title": "Broad NGS panels not available locally",
        "summary": (
            "Many hospitals cannot offer next-generation sequencing, so patients get "
            "narrower tests, or wait while their sample is sent elsewhere."
        ),
        "description": (
            "Next-generation sequencing (NGS) looks at many biomarkers at once using a "
            "single sample. Without it, patients may be tested one gene at a time, use up "
            "their sample before every relevant biomarker is checked, or not be tested for "
            "some biomarkers at all.\n\n"
            "Regional or national testing networks, clear agreements on which centre offers "
            "which test, and funding for broad panels where guidelines recommend them bring "
            "comprehensive testing within reach wherever a patient is diagnosed."
        ),
        "stages": ("testing-decision", "sample-analysis"),
        "actors": ("pathologists-labs", "policy-makers"),
        "evidence": (),
    },
    {
        "slug": "no-molecular-tumour-board",
        "category": "organisation-infrastructure",
        "title": "No access to a molecular tumour board",
        "summary": (
            "Without a molecular tumour board, complex test results may not be read by the "
            "right experts, and suitable treatments or trials can be missed."
        ),
        "description": (
            "Broad tests can find rare or unexpected changes whose meaning is not obvious. "
            "A molecular tumour board brings oncologists, pathologists, geneticists and "
            "other experts together to interpret them and recommend treatment, including "
            "clinical trials. Many hospitals have no such board, so their patients' results "
            "may never be fully used.\n\n"
            "Regional or virtual tumour boards that any clinician can refer a patient to "
            "make this expertise available to every patient."
        ),
        "stages": ("results-interpretation", "treatment-decision"),
        "actors": ("hospitals-cancer-centres", "clinicians"),
        "evidence": (),
    },
    # Quality & standardisation
    {
        "slug": "non-standard-tests-and-reports",
        "category": "quality-standardisation",
        "title": "Tests and reports that are not standardised",
        "summary": (
            "Laboratories use different methods and report results in different formats, "
            "so a result can be hard to interpret or to compare."
        ),
        "description": (
            "The same biomarker can be tested in several ways with different sensitivity, "
            "and reports differ in structure, wording and what they include. A clinician may "
            "misread a report, and results cannot easily be compared between centres or "
            "reused later, which can lead to a patient missing the right treatment.\n\n"
            "Validated methods, structured report templates agreed by professional "
            "societies and laboratories, and a clear statement of what was and was not "
            "tested make results reliable and usable."
        ),
        "stages": ("sample-analysis", "results-interpretation"),
        "actors": ("pathologists-labs", "regulators"),
        "evidence": (),
    },
    {
        "slug": "labs-outside-quality-schemes",
        "category": "quality-standardisation",
        "title": "Laboratories outside quality schemes",
        "summary": (
            "Not every laboratory is accredited or takes part in external quality "
            "assessment, so the reliability of some results is unknown."
        ),
        "description": (
            "External quality assessment and accreditation check that a laboratory gets the "
            "right answer. In many countries taking part is voluntary, and a survey across "
            "the EU and the UK found wide differences between countries in how many "
            "laboratories do. A wrong or failed result can deny a patient an effective "
            "medicine or expose them to one that will not work.\n\n"
            "Making accreditation and participation in quality schemes a condition for "
            "performing, and being paid for, biomarker tests protects patients."
        ),
        "stages": ("sample-analysis",),
        "actors": ("pathologists-labs", "regulators"),
        "evidence": (NORMANNO_2022,),
    },
    {
        "slug": "fragmented-testing-guidelines",
        "category": "quality-standardisation",
        "title": "Fragmented testing guidelines",
        "summary": (
            "Testing recommendations differ between societies, countries and diseases and "
            "are updated at different speeds, leaving clinicians unsure what to test for."
        ),
        "description": (
            "International, national and disease-specific guidelines do not always agree on "
            "which biomarkers to test, when, and with which method, and some fall out of "
            "date within months as new medicines arrive. Patients with the same disease can "
            "therefore be tested very differently.\n\n"
            "Aligned, regularly updated recommendations, adapted to local resources but "
            "built on shared international evidence, make it easier to offer every patient "
            "the same standard of testing."
        ),
        "stages": ("testing-decision",),
        "actors": ("medical-societies",),
        "evidence": (),
    },
    # Financing & regulation
    {
        "slug": "test-not-reimbursed",
        "category": "financing-regulation",
        "title": "Biomarker test not reimbursed",
        "summary": (
            "If nobody pays for the test, the patient may never be tested, and without a "
            "test there is no targeted treatment."
        ),
        "description": (
            "Medicines and tests are often assessed and funded through separate systems. A "
            "targeted medicine may be covered while the test that selects patients for it "
            "is not, leaving hospitals to absorb the cost or patients to pay it themselves. "
            "No test means no treatment.\n\n"
            "Funding the test together with the medicine, and paying for broad panels where "
            "they are recommended, is one of the most direct ways to widen access."
        ),
        "stages": ("testing-decision", "sample-analysis"),
        "actors": ("payers", "hta-bodies"),
        "evidence": (IQN_PATH_REPORT_2021,),
    },
    {
        "slug": "drug-test-reimbursement-lag",
        "category": "financing-regulation",
        "title": "Lag between reimbursing a medicine and its test",
        "summary": (
            "A targeted medicine may be paid for long before the test that shows who should "
            "receive it, so for months or years eligible patients cannot be identified."
        ),
        "description": (
            "When the decision to pay for a medicine and the decision to pay for its test "
            "are taken separately, they rarely happen at the same time. A survey of the 27 "
            "EU countries and the UK found a gap of a year or more in 15 of those 28 "
            "countries. During that time patients are either not tested or tested at "
            "someone else's expense.\n\n"
            "Assessing a medicine and its test together, and funding the test from the day "
            "the medicine is reimbursed, close the gap."
        ),
        "stages": ("sample-analysis", "treatment-access"),
        "actors": ("hta-bodies", "regulators", "pharma-industry", "diagnostics-industry"),
        "evidence": (NORMANNO_2022, IQN_PATH_REPORT_2021),
    },
    {
        "slug": "hta-methods-small-populations",
        "category": "financing-regulation",
        "title": "Assessment methods that do not fit small or tumour-agnostic groups",
        "summary": (
            "Assessment methods built around large trials struggle with medicines for small "
            "biomarker-defined groups, or for any tumour carrying a given change, which "
            "delays or blocks access."
        ),
        "description": (
            "Health technology assessment usually expects large randomised trials in one "
            "disease. Targeted medicines are often studied in small groups, in trials "
            "without a comparison arm, or across many tumour types that share one "
            "biomarker, which makes their value harder to judge with standard methods. "
            "Patients wait while the evidence is debated.\n\n"
            "Methods that accept well-designed alternative evidence, use real-world data "
            "and involve patients, together with conditional access and later "
            "re-assessment, allow timely decisions without lowering standards."
        ),
        "stages": ("treatment-access",),
        "actors": ("hta-bodies", "regulators"),
        "evidence": (),
    },
    {
        "slug": "out-of-pocket-costs",
        "category": "financing-regulation",
        "title": "Out-of-pocket costs and prior authorisation",
        "summary": (
            "Co-payments, uncovered tests and approval paperwork make some patients wait "
            "for, pay for or give up on testing and treatment."
        ),
        "description": (
            "Where insurance leaves part of the cost to the patient, or requires approval "
            "before a test or a medicine, patients face bills and delays just when they need "
            "to act quickly. Those with fewer resources are the most likely to go without.\n\n"
            "Clear coverage of recommended tests and treatments, simpler approval processes "
            "and help with navigating costs protect patients from being priced out of "
            "precision medicine."
        ),
        "stages": ("sample-analysis", "treatment-access"),
        "actors": ("payers", "policy-makers"),
        "evidence": (),
    },
    {
        "slug": "few-routes-off-label-trials",
        "category": "financing-regulation",
        "title": "Few routes to off-label use or clinical trials",
        "summary": (
            "When a test finds a target but no approved medicine matches it, patients have "
            "few ways to reach an off-label treatment or a suitable clinical trial."
        ),
        "description": (
            "Broad testing often finds a change for which a medicine exists, but is not "
            "approved or reimbursed for that disease. Trials may be full, far away or hard "
            "to find, and off-label use is often paid for by no one, so a useful result "
            "leads nowhere.\n\n"
            "Programmes that give structured off-label access while collecting data, such "
            "as the Dutch DRUP trial, and services that match patients to trials, including "
            "across borders, turn a test result into a real treatment option."
        ),
        "stages": ("treatment-access", "monitoring"),
        "actors": ("regulators", "pharma-industry", "clinicians"),
        "evidence": (),
    },
    # Data & evidence
    {
        "slug": "no-real-world-data",
        "category": "data-evidence",
        "title": "No real-world data on testing and outcomes",
        "summary": (
            "Few countries know how many patients are tested, how long it takes and what "
            "happens to them afterwards, so gaps stay hidden and progress cannot be "
            "measured."
        ),
        "description": (
            "Testing rates, turnaround times, treatments given and outcomes are rarely "
            "recorded in a way that can be linked and compared. Without these data, health "
            "systems cannot see where patients are lost or whether changes are working, and "
            "patients cannot know how their care compares.\n\n"
            "Registries that record biomarker status and treatment, shared quality "
            "indicators and linked real-world data make the pathway measurable and give "
            "regulators and payers evidence they can use."
        ),
        "stages": ALL_STAGES,
        "actors": ("academia-research", "policy-makers"),
        "evidence": (),
    },
    {
        "slug": "patient-experience-data-underused",
        "category": "data-evidence",
        "title": "Patient-experience data under-used",
        "summary": (
            "What patients report about their care, symptoms and quality of life is seldom "
            "collected systematically or used in decisions about access."
        ),
        "description": (
            "Patients know what it is like to wait for results, travel for treatment or live "
            "with side effects, but this knowledge rarely reaches regulators, assessment "
            "bodies or service planners in a form they can use. Decisions then weigh what is "
            "easy to measure rather than what matters to patients.\n\n"
            "Patient-reported outcome and experience measures, collected with recognised "
            "methods and built into regulatory and assessment processes, help decisions "
            "reflect the lives of the people concerned."
        ),
        "stages": ("monitoring",),
        "actors": ("patients-advocacy", "hta-bodies", "regulators"),
        "evidence": (),
    },
    # Equity
    {
        "slug": "disparities-in-access",
        "category": "equity",
        "title": "Unequal access depending on who and where you are",
        "summary": (
            "Ethnicity, income, living far from a city, or being treated outside a large "
            "academic centre all lower the chance of being tested and treated."
        ),
        "description": (
            "Patients from minority ethnic groups, on lower incomes, living in rural areas "
            "or treated in community hospitals are less likely to receive biomarker testing "
            "and targeted treatment, and are under-represented in the research that shapes "
            "care.\n\n"
            "Monitoring access by these factors, bringing testing to community hospitals, "
            "covering costs and travel, and designing information and trials with "
            "under-served groups help precision medicine reach everyone who could benefit."
        ),
        "stages": ALL_STAGES,
        "actors": ("policy-makers", "payers"),
        "evidence": (),
    },
    {
        "slug": "unwarranted-variation-duplication",
        "category": "equity",
        "title": "Unwarranted variation and duplicated effort",
        "summary": (
            "Access to tests and treatments differs widely between and within countries, "
            "while many organisations work separately on the same problems."
        ),
        "description": (
            "The chance of being tested and treated can depend on the country, region or "
            "hospital a patient happens to be in; European surveys show large differences "
            "between and within countries. At the same time, efforts to improve access are "
            "fragmented, and groups in different places build similar tools and campaigns "
            "without knowing about each other.\n\n"
            "Sharing good practice openly, measuring variation and coordinating national and "
            "international plans let approaches that work spread, and free resources for "
            "the gaps that remain."
        ),
        "stages": ALL_STAGES,
        "actors": ("policy-makers",),
        "evidence": (NORMANNO_2022,),
    },
]


def create_reference_content(apps, schema_editor):
    BarrierCategory = apps.get_model("barriers", "BarrierCategory")
    Barrier = apps.get_model("barriers", "Barrier")
    EvidenceLink = apps.get_model("barriers", "EvidenceLink")
    Stage = apps.get_model("pathway", "Stage")
    StakeholderGroup = apps.get_model("stakeholders", "StakeholderGroup")

    categories = {}
    for position, (slug, name, description) in enumerate(CATEGORIES, start=1):
        categories[slug], _ = BarrierCategory.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position},
        )

    stages = Stage.objects.in_bulk(field_name="slug")
    groups = StakeholderGroup.objects.in_bulk(field_name="slug")
    for data in BARRIERS:
        barrier, created = Barrier.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "summary": data["summary"],
                "description": data["description"],
                "category": categories[data["category"]],
            },
        )
        if not created:
            continue
        # A stage or group a curator has since removed is skipped rather than recreated.
        barrier.stages.set([stages[slug] for slug in data["stages"] if slug in stages])
        barrier.actors.set([groups[slug] for slug in data["actors"] if slug in groups])
        EvidenceLink.objects.bulk_create(
            EvidenceLink(barrier=barrier, title=title, url=url, position=position)
            for position, (title, url) in enumerate(data["evidence"], start=1)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("barriers", "0001_initial"),
        ("pathway", "0002_reference_content"),
        ("stakeholders", "0002_reference_content"),
    ]

    operations = [
        # Every resource and initiative must be tagged with at least one barrier, so
        # deleting the shipped barriers on rollback would silently strip those tags and
        # curators' edits. Rolling back leaves them; re-applying only fills in gaps.
        migrations.RunPython(create_reference_content, migrations.RunPython.noop),
    ]
