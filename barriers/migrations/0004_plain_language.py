"""Plain language (issue #18): the barriers texts patients read, rewritten to grade 8 or
below, where they still read as shipped (see pathway/migrations/0005_plain_language.py).
"""

from django.db import migrations

ENGLISH = {
    "barriers.barriercategory": {
        "education-awareness": {
            "description": [
                "Patients, families and professionals do not always know what precision medicine can offer or how to make use of it.",
                "Patients, families and health workers may not know about precision medicine. They may not know what it can offer, or how to use it.",
            ]
        },
        "organisation-infrastructure": {
            "description": [
                "The way hospitals, laboratories and referrals are organised can slow testing down or stop it from happening at all.",
                "The way hospitals, labs and referrals are set up can slow testing down. It can even stop testing from happening at all.",
            ]
        },
        "quality-standardisation": {
            "description": [
                "Tests, reports and guidelines vary in quality and format, so results cannot always be trusted or compared.",
                "Tests, reports and guidelines are not all equally good, and they differ in form. So results cannot always be trusted or compared.",
            ]
        },
        "financing-regulation": {
            "description": [
                "Rules on approval and payment can leave a test or a treatment out of reach even when it is right for the patient.",
                "Rules on approval and payment can put a test or a treatment out of reach. This can happen even when it is right for the patient.",
            ]
        },
        "data-evidence": {
            "description": [
                "Without data on testing, outcomes and patients' experience, gaps stay hidden and good decisions are harder to make.",
                "Without facts on testing, on results and on what patients go through, gaps stay hidden. Then good choices are harder to make.",
            ]
        },
        "equity": {
            "description": [
                "Who patients are and where they live still shape whether they are tested and treated.",
                "Who patients are and where they live still shape whether they get tested and treated.",
            ]
        },
    },
    "barriers.barrier": {
        "patients-unaware-of-testing": {
            "summary": [
                "Many patients never hear that their disease could be tested for biomarkers, so they cannot ask for a test or ask why one was not done.",
                "Many patients never hear that their illness could be tested for biomarkers. So they cannot ask for a test, or ask why one was not done.",
            ]
        },
        "clinician-knowledge-gaps": {
            "summary": [
                "Fast-moving science makes it hard for busy clinicians to know which biomarkers to test for and how to act on the results, so guidelines are not always followed.",
                "The science moves fast. Busy doctors may not know which biomarkers to test for, or what to do with the results. So guidelines are not always followed.",
            ]
        },
        "too-little-plain-language-information": {
            "summary": [
                "Information about tests, results and targeted treatments is often technical, available in one language only, or missing altogether, which keeps patients out of decisions about their own care.",
                "Facts about tests, results and targeted treatments are often hard to read, or in one language only. Sometimes there are none at all. This leaves patients out of choices about their own care.",
            ]
        },
        "results-not-explained": {
            "summary": [
                "Patients are often unsure whether they were tested at all, what was found, or what their results mean for their treatment.",
                "Patients are often not sure if they were tested at all. They may not know what was found, or what it means for their treatment.",
            ]
        },
        "patient-needs-poorly-understood": {
            "summary": [
                "Services are planned without a clear picture of what patients go through and need at each stage, so the problems that matter most to them stay invisible.",
                "Services are often planned without a clear picture of what patients go through and need at each stage. So the problems that matter most to patients stay hidden.",
            ]
        },
        "pathology-oncology-silos": {
            "summary": [
                "When pathologists and oncologists do not plan and share information together, tests are ordered late, samples go astray and results reach no one who acts on them.",
                "Lab doctors and cancer doctors do not always plan and share news together. Then tests are ordered late, samples get lost, and results reach no one who acts on them.",
            ]
        },
        "weak-referral-routes": {
            "summary": [
                "Without clear routes to specialist centres, patients may wait a long time, or be treated where their disease is rarely seen and testing is not considered.",
                "Without clear routes to expert centres, patients may wait a long time. Or they may be treated where their illness is rarely seen and nobody thinks of testing.",
            ]
        },
        "poor-tissue-sample-handling": {
            "summary": [
                "Biopsies that are too small or badly handled can make a test fail, delaying results or putting the patient through another biopsy.",
                "A biopsy that is too small or badly handled can make a test fail. This delays results, or means the patient needs another biopsy.",
            ]
        },
        "lab-workforce-long-turnaround": {
            "summary": [
                "Too few trained laboratory staff and slow processes mean results can take weeks, and treatment may start before they arrive.",
                "Too few trained lab staff and slow ways of working mean results can take weeks. Treatment may start before they arrive.",
            ]
        },
        "ngs-not-available-locally": {
            "summary": [
                "Many hospitals cannot offer next-generation sequencing, so patients get narrower tests, or wait while their sample is sent elsewhere.",
                "Many hospitals cannot offer NGS, a test that checks many genes at once. So patients get narrower tests. Or they wait while their sample is sent somewhere else.",
            ]
        },
        "no-molecular-tumour-board": {
            "summary": [
                "Without a molecular tumour board, complex test results may not be read by the right experts, and suitable treatments or trials can be missed.",
                "A molecular tumour board is a meeting of experts who read complex test results. Without one, results may not be read by the right people. Then treatments or trials that could help may be missed.",
            ]
        },
        "non-standard-tests-and-reports": {
            "summary": [
                "Laboratories use different methods and report results in different formats, so a result can be hard to interpret or to compare.",
                "Labs test in different ways and write their reports in different forms. So a result can be hard to understand or to compare.",
            ]
        },
        "labs-outside-quality-schemes": {
            "summary": [
                "Not every laboratory is accredited or takes part in external quality assessment, so the reliability of some results is unknown.",
                "Not every lab is checked by an outside body or takes part in quality checks. So no one knows how reliable some results are.",
            ]
        },
        "fragmented-testing-guidelines": {
            "summary": [
                "Testing recommendations differ between societies, countries and diseases and are updated at different speeds, leaving clinicians unsure what to test for.",
                "Advice on testing differs between expert groups, countries and illnesses, and it is updated at different speeds. This leaves doctors unsure what to test for.",
            ]
        },
        "test-not-reimbursed": {
            "summary": [
                "If nobody pays for the test, the patient may never be tested, and without a test there is no targeted treatment.",
                "If nobody pays for the test, the patient may never be tested. And without a test, there is no targeted treatment.",
            ]
        },
        "drug-test-reimbursement-lag": {
            "summary": [
                "A targeted medicine may be paid for long before the test that shows who should receive it, so for months or years eligible patients cannot be identified.",
                "A targeted medicine may be paid for long before the test that shows who should get it. So for months or years, the patients who need it cannot be found.",
            ]
        },
        "hta-methods-small-populations": {
            "summary": [
                "Assessment methods built around large trials struggle with medicines for small biomarker-defined groups, or for any tumour carrying a given change, which delays or blocks access.",
                "The ways a medicine's value is judged were built for large trials. They do not fit medicines for small groups of patients with one biomarker, or for any tumour with a certain change. This delays or blocks access.",
            ]
        },
        "out-of-pocket-costs": {
            "summary": [
                "Co-payments, uncovered tests and approval paperwork make some patients wait for, pay for or give up on testing and treatment.",
                "Some patients must pay part of the cost, or wait for forms to be approved. So they wait for testing and treatment, pay for it, or go without.",
            ]
        },
        "few-routes-off-label-trials": {
            "summary": [
                "When a test finds a target but no approved medicine matches it, patients have few ways to reach an off-label treatment or a suitable clinical trial.",
                "Sometimes a test finds a target, but no medicine is approved for it in that illness. Then patients have few ways to get the medicine anyway or to join a trial.",
            ]
        },
        "no-real-world-data": {
            "summary": [
                "Few countries know how many patients are tested, how long it takes and what happens to them afterwards, so gaps stay hidden and progress cannot be measured.",
                "Few countries know how many patients are tested, how long it takes and what happens to them next. So gaps stay hidden, and nobody can measure progress.",
            ]
        },
        "patient-experience-data-underused": {
            "summary": [
                "What patients report about their care, symptoms and quality of life is seldom collected systematically or used in decisions about access.",
                "What patients say about their care, their symptoms and their quality of life is seldom collected with care. It is rarely used when choices about access are made.",
            ]
        },
        "disparities-in-access": {
            "summary": [
                "Ethnicity, income, living far from a city, or being treated outside a large academic centre all lower the chance of being tested and treated.",
                "You are less likely to be tested and treated if you are from an ethnic minority group. The same is true if you have a low income or live far from a city. It is also true if you are treated outside a large teaching hospital.",
            ]
        },
        "unwarranted-variation-duplication": {
            "summary": [
                "Access to tests and treatments differs widely between and within countries, while many organisations work separately on the same problems.",
                "Whether you can get tests and treatments depends a lot on your country, and on where you live in it. At the same time, many groups work on the same problems without knowing about each other.",
            ]
        },
    },
}

EARLIER_TRANSLATIONS = {
    "es": {
        "barriers.barriercategory": {
            "education-awareness": {"description": "4a43620458002ff9"},
            "organisation-infrastructure": {"description": "69fd90adb28c6727"},
            "quality-standardisation": {"description": "aebe70361fb6fef5"},
            "financing-regulation": {"description": "de482c5da9d7e6f5"},
            "data-evidence": {"description": "8a15c21783ff63ae"},
            "equity": {"description": "99b5e32a37d76e54"},
        },
        "barriers.barrier": {
            "patients-unaware-of-testing": {"summary": "ba670b73c9f5b338"},
            "clinician-knowledge-gaps": {"summary": "e7e680e8c89b6551"},
            "too-little-plain-language-information": {"summary": "19a4e909221451a3"},
            "results-not-explained": {"summary": "298bfbd0c12e465b"},
            "patient-needs-poorly-understood": {"summary": "08da5867101e596a"},
            "pathology-oncology-silos": {"summary": "52a248fefb976be8"},
            "weak-referral-routes": {"summary": "32cce672bb07217b"},
            "poor-tissue-sample-handling": {"summary": "2905376da20f37f5"},
            "lab-workforce-long-turnaround": {"summary": "4f7956dc1365459b"},
            "ngs-not-available-locally": {"summary": "46efae02667b2f2b"},
            "no-molecular-tumour-board": {"summary": "e458dec2befcf184"},
            "non-standard-tests-and-reports": {"summary": "9b0bf8df167dc9e8"},
            "labs-outside-quality-schemes": {"summary": "36d39ef33a731db7"},
            "fragmented-testing-guidelines": {"summary": "2ca2d20d1082ad6b"},
            "test-not-reimbursed": {"summary": "d8e6a1d64a1b8f05"},
            "drug-test-reimbursement-lag": {"summary": "459f9613fcdbcd94"},
            "hta-methods-small-populations": {"summary": "4c0a9c65fd6a0ae7"},
            "out-of-pocket-costs": {"summary": "eb51bb8ec5581cc0"},
            "few-routes-off-label-trials": {"summary": "c3e1670525984978"},
            "no-real-world-data": {"summary": "0cc2c0309cc0f9f3"},
            "patient-experience-data-underused": {"summary": "c275b554d63d9a46"},
            "disparities-in-access": {"summary": "d00389543f25c2eb"},
            "unwarranted-variation-duplication": {"summary": "e21f4bc649f73d2a"},
        },
    },
    "fr": {
        "barriers.barriercategory": {
            "education-awareness": {"description": "ccfee19c98ed9d12"},
            "organisation-infrastructure": {"description": "b6704210cefd0392"},
            "quality-standardisation": {"description": "6362ac6f4ff0b0fc"},
            "financing-regulation": {"description": "a5363fb452d99d2b"},
            "data-evidence": {"description": "8e9e3ceffa4cbfd4"},
            "equity": {"description": "45c9703097685a27"},
        },
        "barriers.barrier": {
            "patients-unaware-of-testing": {"summary": "8ecc101d64a35f65"},
            "clinician-knowledge-gaps": {"summary": "e2304c68263bae9f"},
            "too-little-plain-language-information": {"summary": "660cc467bca181ce"},
            "results-not-explained": {"summary": "ec5ea3e303b8c583"},
            "patient-needs-poorly-understood": {"summary": "4610421af6e70179"},
            "pathology-oncology-silos": {"summary": "ed3e2a80318ddef5"},
            "weak-referral-routes": {"summary": "defe16f49e657502"},
            "poor-tissue-sample-handling": {"summary": "43730e508a8140d5"},
            "lab-workforce-long-turnaround": {"summary": "b160b48d39f84146"},
            "ngs-not-available-locally": {"summary": "ea323d8677c6781b"},
            "no-molecular-tumour-board": {"summary": "bb7bea68952ed7ea"},
            "non-standard-tests-and-reports": {"summary": "53bc4392b8fb2748"},
            "labs-outside-quality-schemes": {"summary": "78a964ebd57d73c6"},
            "fragmented-testing-guidelines": {"summary": "2024ecdfb611588d"},
            "test-not-reimbursed": {"summary": "095a702a19a3cd81"},
            "drug-test-reimbursement-lag": {"summary": "9627d08e4a1c79e1"},
            "hta-methods-small-populations": {"summary": "fd00cc2cf90324d6"},
            "out-of-pocket-costs": {"summary": "77235a461f986999"},
            "few-routes-off-label-trials": {"summary": "da63b875384774e9"},
            "no-real-world-data": {"summary": "d76c33d93a6195d9"},
            "patient-experience-data-underused": {"summary": "5fc6774a705234b9"},
            "disparities-in-access": {"summary": "d8226f69bb93584f"},
            "unwarranted-variation-duplication": {"summary": "e59d449a2b854b21"},
        },
    },
    "de": {
        "barriers.barriercategory": {
            "education-awareness": {"description": "1c436f2ec32f080e"},
            "organisation-infrastructure": {"description": "cfe5e4cedb8cfade"},
            "quality-standardisation": {"description": "978898f67137a4f1"},
            "financing-regulation": {"description": "54fc415f6c514c93"},
            "data-evidence": {"description": "b037ab9fbfd97b66"},
            "equity": {"description": "57aafca00da0b249"},
        },
        "barriers.barrier": {
            "patients-unaware-of-testing": {"summary": "3afc52e86b7a726c"},
            "clinician-knowledge-gaps": {"summary": "6557e9cff87859fe"},
            "too-little-plain-language-information": {"summary": "11d5764e8dd266a8"},
            "results-not-explained": {"summary": "cea8d8c81e2acacf"},
            "patient-needs-poorly-understood": {"summary": "d6ed98c79776a7ac"},
            "pathology-oncology-silos": {"summary": "c8d4f366f21de317"},
            "weak-referral-routes": {"summary": "eb414c147b6cf896"},
            "poor-tissue-sample-handling": {"summary": "65cfc0ccae1453c4"},
            "lab-workforce-long-turnaround": {"summary": "d8078ade4d165967"},
            "ngs-not-available-locally": {"summary": "2a58e20448f3da1e"},
            "no-molecular-tumour-board": {"summary": "32acb67e1d9cb40f"},
            "non-standard-tests-and-reports": {"summary": "0b01de3549cb7fcd"},
            "labs-outside-quality-schemes": {"summary": "3431f09a61f39f6d"},
            "fragmented-testing-guidelines": {"summary": "946616a764089751"},
            "test-not-reimbursed": {"summary": "782a947437d49775"},
            "drug-test-reimbursement-lag": {"summary": "fd9784b0135273a1"},
            "hta-methods-small-populations": {"summary": "142dd4b87fe72440"},
            "out-of-pocket-costs": {"summary": "0458c6c6f53e46ba"},
            "few-routes-off-label-trials": {"summary": "95a9b4414038201d"},
            "no-real-world-data": {"summary": "403e8010ad288d67"},
            "patient-experience-data-underused": {"summary": "7302906f6d96a2f5"},
            "disparities-in-access": {"summary": "6876b8d8369372b5"},
            "unwarranted-variation-duplication": {"summary": "633ec078f79db83c"},
        },
    },
    "pt": {
        "barriers.barriercategory": {
            "education-awareness": {"description": "94411545258b66dd"},
            "organisation-infrastructure": {"description": "cc0d07240fcfa4b0"},
            "quality-standardisation": {"description": "76a75ab8fd4d7bdc"},
            "financing-regulation": {"description": "c523719934544f9f"},
            "data-evidence": {"description": "73bbf21caa321d3f"},
            "equity": {"description": "b1f45e340ae01c75"},
        },
        "barriers.barrier": {
            "patients-unaware-of-testing": {"summary": "5ffa838101e2373e"},
            "clinician-knowledge-gaps": {"summary": "9607032fcba586d5"},
            "too-little-plain-language-information": {"summary": "0b2285f1390c4f8b"},
            "results-not-explained": {"summary": "ecf3606da6a9393d"},
            "patient-needs-poorly-understood": {"summary": "4babc1da6a0aaefa"},
            "pathology-oncology-silos": {"summary": "2e855ea6a365031d"},
            "weak-referral-routes": {"summary": "e269f2db8eb1f26e"},
            "poor-tissue-sample-handling": {"summary": "cb0ab38a9778cb8b"},
            "lab-workforce-long-turnaround": {"summary": "7b3254b0c1ee6cf6"},
            "ngs-not-available-locally": {"summary": "9e23aa8db67af4c5"},
            "no-molecular-tumour-board": {"summary": "cc17f12adc381ae4"},
            "non-standard-tests-and-reports": {"summary": "27068907fcb95d7e"},
            "labs-outside-quality-schemes": {"summary": "aefa9778deca7292"},
            "fragmented-testing-guidelines": {"summary": "6a57de89c3f9607a"},
            "test-not-reimbursed": {"summary": "b1ed5ff61e8b55e6"},
            "drug-test-reimbursement-lag": {"summary": "e0a28363c24980fa"},
            "hta-methods-small-populations": {"summary": "74e4a8d82a182d4b"},
            "out-of-pocket-costs": {"summary": "eff3726b0af70fc1"},
            "few-routes-off-label-trials": {"summary": "49a45bd4bd288d04"},
            "no-real-world-data": {"summary": "1b8772ddbd06dbcf"},
            "patient-experience-data-underused": {"summary": "8563547e7d247bf3"},
            "disparities-in-access": {"summary": "4d87b66940e105c9"},
            "unwarranted-variation-duplication": {"summary": "898387e031684112"},
        },
    },
    "pl": {
        "barriers.barriercategory": {
            "education-awareness": {"description": "79e2ec29ceb0fc67"},
            "organisation-infrastructure": {"description": "8cd13841a3ee3a42"},
            "quality-standardisation": {"description": "1cfcbadcd31de777"},
            "financing-regulation": {"description": "c8388321d6249cd6"},
            "data-evidence": {"description": "e8ae66c956bb8416"},
            "equity": {"description": "c82246ac048da437"},
        },
        "barriers.barrier": {
            "patients-unaware-of-testing": {"summary": "304beeb3ff9ad8f9"},
            "clinician-knowledge-gaps": {"summary": "bea7de8bb2cc5d8b"},
            "too-little-plain-language-information": {"summary": "49eb3f7881355586"},
            "results-not-explained": {"summary": "bca2612444903482"},
            "patient-needs-poorly-understood": {"summary": "9ff851d5634fc43e"},
            "pathology-oncology-silos": {"summary": "de3759ee9dae59d7"},
            "weak-referral-routes": {"summary": "1c61406c9c63ca60"},
            "poor-tissue-sample-handling": {"summary": "18770a884513d1fa"},
            "lab-workforce-long-turnaround": {"summary": "12dff4f700842e9b"},
            "ngs-not-available-locally": {"summary": "a0a24ad5a4c02949"},
            "no-molecular-tumour-board": {"summary": "10559662ffe54026"},
            "non-standard-tests-and-reports": {"summary": "0077d18d09547b59"},
            "labs-outside-quality-schemes": {"summary": "b035e3246bdbb4f1"},
            "fragmented-testing-guidelines": {"summary": "574aa8362ee37ef5"},
            "test-not-reimbursed": {"summary": "61488572acd7efe1"},
            "drug-test-reimbursement-lag": {"summary": "48a0ad0e7aa86326"},
            "hta-methods-small-populations": {"summary": "13f8937471a2550f"},
            "out-of-pocket-costs": {"summary": "ad57ee721393da71"},
            "few-routes-off-label-trials": {"summary": "ced822d8479eff42"},
            "no-real-world-data": {"summary": "3c6dc7f4a045fef8"},
            "patient-experience-data-underused": {"summary": "5bd784f984628b23"},
            "disparities-in-access": {"summary": "fb4fb255dc62bf12"},
            "unwarranted-variation-duplication": {"summary": "dc95274150f12197"},
        },
    },
    "it": {
        "barriers.barriercategory": {
            "education-awareness": {"description": "125816c9015b5abe"},
            "organisation-infrastructure": {"description": "ce93b1a702690db8"},
            "quality-standardisation": {"description": "d008e1b185cdd7be"},
            "financing-regulation": {"description": "15112be9e4c028e7"},
            "data-evidence": {"description": "22ef4afd7a1c2f52"},
        },
        "barriers.barrier": {
            "patients-unaware-of-testing": {"summary": "156a99a7a1f92979"},
            "clinician-knowledge-gaps": {"summary": "7d683ff18b05336b"},
            "too-little-plain-language-information": {"summary": "a4513eb0f117ede0"},
            "results-not-explained": {"summary": "ff6e571d3a8e3cf2"},
            "patient-needs-poorly-understood": {"summary": "28576915939e86b6"},
            "pathology-oncology-silos": {"summary": "afc227d98fd13c4f"},
            "weak-referral-routes": {"summary": "69ed06ee9704dab3"},
            "poor-tissue-sample-handling": {"summary": "5bd3cf4ea9778498"},
            "lab-workforce-long-turnaround": {"summary": "547e593fd663a4cf"},
            "ngs-not-available-locally": {"summary": "0e545afe07c7bbcc"},
            "no-molecular-tumour-board": {"summary": "f4e6ef5178215ba4"},
            "non-standard-tests-and-reports": {"summary": "cecb747f285e6225"},
            "labs-outside-quality-schemes": {"summary": "90b50d70f999ba53"},
            "fragmented-testing-guidelines": {"summary": "bf0927db1f6a376b"},
            "test-not-reimbursed": {"summary": "76902e9413d4cf4d"},
            "drug-test-reimbursement-lag": {"summary": "b18a5fe2b604883f"},
            "hta-methods-small-populations": {"summary": "125cb69a908959a7"},
            "out-of-pocket-costs": {"summary": "b6f2750a34aef2f8"},
            "few-routes-off-label-trials": {"summary": "b06ffd80474107d8"},
            "no-real-world-data": {"summary": "b5f98963a9b39391"},
            "patient-experience-data-underused": {"summary": "1d386d7c76f8c68a"},
            "disparities-in-access": {"summary": "0bec103a8dbd479a"},
            "unwarranted-variation-duplication": {"summary": "f4ca2e1f07a294d8"},
        },
    },
}


def rewrite(apps, schema_editor):
    from core.translated_content import replace_shipped

    replace_shipped(apps, ENGLISH, EARLIER_TRANSLATIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("barriers", "0003_translations"),
    ]

    # Going back keeps the plain texts: the earlier ones are in git, and a curator may
    # have edited either since.
    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
