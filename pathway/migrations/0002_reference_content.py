"""Reference content every install starts with: the eight pathway stages, the
world regions with every ISO 3166 country, and the therapeutic-area tree.

Curators edit these rows afterwards, so the forward function only creates what is
missing (keyed on slug, or on the ISO code for countries) and never touches a row
that already exists. The data is inline because a migration is frozen history.
"""

from django.db import migrations
from django_countries import countries

STAGES = [
    {
        "slug": "awareness-diagnosis",
        "position": 1,
        "name": "Awareness & diagnosis",
        "summary": (
            "Symptoms, screening or a chance finding lead to a diagnosis, and the patient "
            "first hears that treatment may be matched to the biology of their disease."
        ),
        "description": (
            "A diagnosis usually follows symptoms, a screening result or a finding during a "
            "check for something else. It is also the moment when patients and families "
            "should first learn that some diseases, cancer in particular, can be treated "
            "according to the features of the individual tumour rather than only where it "
            "started.\n\n"
            "People who never hear about precision medicine cannot ask for it. Clear "
            "information from the first appointments, in the patient's own language, makes "
            "every later step of the pathway more likely to happen."
        ),
        "patient_summary": (
            "You have just been told you have cancer or another serious illness, or your "
            "doctors are still finding out what it is. This is a lot to take in, and it is "
            "fine to ask for time and for things to be explained again. It can help to know "
            "early that some illnesses are treated according to what is happening inside "
            "your own cells, and that tests can show whether this could apply to you."
        ),
        "patient_questions": (
            "Could my illness have features that change which treatment is best for me?\n"
            "Should we talk about biomarker testing now?\n"
            "Where can I find reliable information written for patients?"
        ),
    },
    {
        "slug": "referral-assessment",
        "position": 2,
        "name": "Referral & specialist assessment",
        "summary": (
            "The type and extent of the disease are confirmed, ideally by a "
            "multidisciplinary team with experience of the condition."
        ),
        "description": (
            "Scans, biopsies and specialist review establish exactly what the disease is "
            "and how far it has spread. In good practice a multidisciplinary team of "
            "oncologists, surgeons, pathologists, radiologists and nurses discusses each "
            "case together and plans the next steps, including testing.\n\n"
            "Where referral routes are unclear, patients can wait weeks to see the right "
            "specialist, or be treated in a centre that rarely sees their condition and may "
            "not think of biomarker testing early."
        ),
        "patient_summary": (
            "Your doctors will now work out exactly what kind of illness you have and how "
            "advanced it is. You may have scans, a biopsy and appointments with "
            "specialists. Ideally your case is discussed by a team of experts who often "
            "treat people with your condition. You can ask who is in that team and who will "
            "keep you informed."
        ),
        "patient_questions": (
            "Is my case reviewed by a team with experience of my type of cancer?\n"
            "Who is my main contact while tests and appointments are arranged?\n"
            "Should I be referred to a specialist centre?"
        ),
    },
    {
        "slug": "testing-decision",
        "position": 3,
        "name": "Testing decision & consent",
        "summary": (
            "The care team decides whether to test for biomarkers and which test to use, "
            "and the patient gives informed consent."
        ),
        "description": (
            "Choices made here shape everything that follows: a tissue sample or a blood "
            "test (liquid biopsy), a single-gene test or a broad next-generation sequencing "
            "(NGS) panel, and whether to look only at the tumour or also at inherited genes "
            "that may matter for relatives.\n\n"
            "Testing should be discussed with the patient in plain language: what the "
            "results could and could not show, how long they take, and whether any cost "
            "falls on the patient."
        ),
        "patient_summary": (
            "Your doctor may suggest a test that looks for changes, called biomarkers, in "
            "your tumour or your blood. The results can show whether a targeted medicine or "
            "a clinical trial could work for you. You should be told what the test looks "
            "for, how the sample is taken and what the results might mean for you and, "
            "sometimes, for your family. You can ask questions before you agree."
        ),
        "patient_questions": (
            "Has biomarker testing been ordered for me, and does it cover all the "
            "biomarkers relevant to my cancer?\n"
            "Will the test use a tissue sample, a blood sample, or both?\n"
            "Could the results say something about inherited risk for my family?"
        ),
    },
    {
        "slug": "sample-analysis",
        "position": 4,
        "name": "Sample & laboratory analysis",
        "summary": (
            "A good-quality sample reaches a laboratory that runs a reliable test and "
            "returns the result in time to guide treatment."
        ),
        "description": (
            "A biopsy must contain enough tumour and be handled and stored correctly, or the "
            "test may fail and have to be repeated. The laboratory then needs a validated "
            "test, takes part in external quality checks, and has to report quickly enough "
            "for the result to be used.\n\n"
            "Failed samples, slow turnaround and samples sent between hospitals or abroad "
            "are common reasons why patients start treatment before their results are known."
        ),
        "patient_summary": (
            "Your sample is now with a laboratory, where specialists look for the biomarkers "
            "your doctor asked about. This can take from a few days to several weeks. "
            "Sometimes a sample does not contain enough material and a new one is needed. "
            "You can ask when to expect your results and whether the test is covered by "
            "your health service or insurance."
        ),
        "patient_questions": (
            "How long will it take to get my results?\n"
            "Will the test cost me anything?\n"
            "What happens if my sample is not good enough?"
        ),
    },
    {
        "slug": "results-interpretation",
        "position": 5,
        "name": "Results & interpretation",
        "summary": (
            "The laboratory report is interpreted, ideally by a molecular tumour board, and "
            "explained to the patient."
        ),
        "description": (
            "Biomarker reports can be long and technical. A molecular tumour board brings "
            "pathologists, oncologists, geneticists and other experts together to decide "
            "which findings matter and what they mean for treatment.\n\n"
            "Patients often do not know whether they were tested or what was found. A copy "
            "of the report and an unhurried conversation about it help patients take part "
            "in decisions and keep the information for later."
        ),
        "patient_summary": (
            "When your results come back, your care team looks at what the test found and "
            "what it means for your treatment. The report can be technical, so ask someone "
            "to go through it with you. Your results are about you: you can ask for a copy "
            "and keep it for future appointments or a second opinion."
        ),
        "patient_questions": (
            "Can I have a copy of my test report?\n"
            "Who will explain my results to me, and when?\n"
            "Was anything found that could matter for my family?"
        ),
    },
    {
        "slug": "treatment-decision",
        "position": 6,
        "name": "Treatment decision",
        "summary": (
            "Patient and clinicians choose together between targeted therapy, "
            "immunotherapy, standard treatment and clinical trials."
        ),
        "description": (
            "With the results in hand, the team weighs the options: a targeted medicine "
            "matched to a biomarker, immunotherapy, chemotherapy or other standard care, or "
            "a clinical trial. A good decision combines the evidence, the patient's "
            "priorities and what is actually available.\n\n"
            "Shared decision-making works when the patient knows the results, understands "
            "the likely benefits and side effects of each option, and has time to ask "
            "questions."
        ),
        "patient_summary": (
            "Now you and your doctors decide on your treatment together. Depending on your "
            "results, this might be a targeted medicine, immunotherapy, standard treatment "
            "or a clinical trial. Your wishes and your daily life matter in this choice. "
            "Take the time you need, bring someone with you if that helps, and ask about "
            "every option."
        ),
        "patient_questions": (
            "Which treatments match my test results, including clinical trials?\n"
            "What are the likely benefits and side effects of each option?\n"
            "How much time do I have to decide?"
        ),
    },
    {
        "slug": "treatment-access",
        "position": 7,
        "name": "Access to targeted treatment",
        "summary": (
            "The chosen treatment has to be approved, paid for and available to the patient, "
            "or reachable through a trial or an early-access route."
        ),
        "description": (
            "A targeted medicine may be approved but not yet reimbursed, reimbursed only in "
            "some regions, or given only in a few hospitals. Where it is not available, "
            "clinical trials, compassionate use or early-access programmes can sometimes "
            "fill the gap.\n\n"
            "Differences between and within countries mean that two patients with the same "
            "test result can have very different chances of receiving the same treatment."
        ),
        "patient_summary": (
            "Even when a treatment is right for you, getting it can take time. It depends on "
            "whether the medicine is approved and paid for where you live, and whether your "
            "hospital can give it. If it is not available, there may be other ways, such as "
            "a clinical trial or a special access programme. Patient organisations can help "
            "you understand your options."
        ),
        "patient_questions": (
            "Is this medicine available and covered where I live?\n"
            "If it is not, is there a clinical trial or an early-access programme I could "
            "join?\n"
            "Will I have to pay anything towards my treatment?"
        ),
    },
    {
        "slug": "monitoring",
        "position": 8,
        "name": "Monitoring & living with the disease",
        "summary": (
            "Response to treatment is followed over time, with new tests if the disease "
            "changes, and support for living well with the condition."
        ),
        "description": (
            "Regular check-ups show whether treatment is working. When a disease progresses "
            "it may have changed, and a new biopsy or blood test can reveal a different "
            "target and another treatment option.\n\n"
            "Living with the disease also means managing side effects, work, family and "
            "emotions. What patients experience at this stage, shared with researchers and "
            "decision-makers, is valuable evidence for improving the whole pathway."
        ),
        "patient_summary": (
            "During and after treatment you will have regular check-ups to see how well it "
            "is working. If your illness changes, new tests may find other treatment "
            "options. Looking after your wellbeing matters too: you can ask for support with "
            "side effects, emotions, work and family life. Sharing your experience can also "
            "help other patients and improve care."
        ),
        "patient_questions": (
            "Will I need new tests if my treatment stops working?\n"
            "How will we know whether the treatment is working?\n"
            "Where can I find support for living with my condition?"
        ),
    },
]

REGIONS = [
    # (slug, name, is_global)
    ("global", "Global", True),
    ("africa", "Africa", False),
    ("americas", "Americas", False),
    ("asia-pacific", "Asia-Pacific", False),
    ("europe", "Europe", False),
    ("middle-east", "Middle East", False),
]

# Continents follow the UN M49 grouping, with two portal-specific choices: the Gulf,
# Levant, Iran, Iraq and Yemen form the Middle East, while Turkey, Cyprus and the
# Caucasus sit with Europe, where their health systems cooperate (WHO Europe, EU
# programmes). Uninhabited territories go with the nearest region; Antarctica goes to
# Asia-Pacific with the Australian sub-Antarctic islands.
REGION_COUNTRIES = {
    "africa": (
        "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM "
        "LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF "
        "TG TN TZ UG YT ZA ZM ZW"
    ),
    "americas": (
        "AG AI AR AW BB BL BM BO BQ BR BS BV BZ CA CL CO CR CU CW DM DO EC FK GD GF GL "
        "GP GS GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US "
        "UY VC VE VG VI"
    ),
    "asia-pacific": (
        "AF AQ AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN JP KG KH KI KP KR KZ LA "
        "LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TJ TK TL "
        "TM TO TV TW UM UZ VN VU WF WS"
    ),
    "europe": (
        "AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR "
        "HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK "
        "SM TR UA VA"
    ),
    "middle-east": "AE BH IL IQ IR JO KW LB OM PS QA SA SY YE",
}

THERAPEUTIC_AREAS = [
    # (slug, name, children as (slug, name))
    (
        "oncology",
        "Oncology",
        [
            ("lung-cancer", "Lung cancer"),
            ("colorectal-cancer", "Colorectal cancer"),
            ("breast-cancer", "Breast cancer"),
            ("prostate-cancer", "Prostate cancer"),
            ("ovarian-cancer", "Ovarian cancer"),
            ("melanoma", "Melanoma"),
            ("pancreatic-cancer", "Pancreatic cancer"),
            ("gastric-cancer", "Gastric cancer"),
            ("blood-cancers", "Blood cancers"),
            ("brain-tumours", "Brain tumours"),
        ],
    ),
    ("rare-diseases", "Rare diseases", []),
    ("cardiovascular", "Cardiovascular disease", []),
    ("neurology", "Neurology", []),
    ("infectious-diseases", "Infectious diseases", []),
]


def create_reference_content(apps, schema_editor):
    Stage = apps.get_model("pathway", "Stage")
    Region = apps.get_model("pathway", "Region")
    Country = apps.get_model("pathway", "Country")
    TherapeuticArea = apps.get_model("pathway", "TherapeuticArea")

    for stage in STAGES:
        Stage.objects.get_or_create(
            slug=stage["slug"], defaults={k: v for k, v in stage.items() if k != "slug"}
        )

    regions = {}
    for position, (slug, name, is_global) in enumerate(REGIONS, start=1):
        regions[slug], _ = Region.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position, "is_global": is_global}
        )

    region_of = {code: slug for slug, codes in REGION_COUNTRIES.items() for code in codes.split()}
    existing = set(Country.objects.values_list("code", flat=True))
    # A code that a newer django-countries adds is still created, without a region,
    # rather than failing the migration; the reference-content tests flag it.
    Country.objects.bulk_create(
        Country(code=code, name=str(name), region=regions.get(region_of.get(code)))
        for code, name in countries
        if code not in existing
    )

    for position, (slug, name, children) in enumerate(THERAPEUTIC_AREAS, start=1):
        parent, _ = TherapeuticArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )
        for child_position, (child_slug, child_name) in enumerate(children, start=1):
            TherapeuticArea.objects.get_or_create(
                slug=child_slug,
                defaults={"name": child_name, "parent": parent, "position": child_position},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("pathway", "0001_initial"),
    ]

    operations = [
        # Stages, regions and countries are referenced by organisations, barriers and
        # contributions (several with PROTECT), so rolling back leaves them in place.
        migrations.RunPython(create_reference_content, migrations.RunPython.noop),
    ]
