"""Plain language (issue #18): the patient-facing texts of the reference content
rewritten to a Flesch-Kincaid grade of 8 or below (core/readability.py); the expert
detail stays in the descriptions, shown under "For professionals".

A text is replaced only where it still reads as it shipped, so a curator's edit is
kept, in English and in every language: English by its old text, the translations by
the fingerprint of the text shipped before (core.translated_content.fingerprint),
replaced by the current core/content_translations/<language>.json. On a new install
the translations were loaded from those files already and only the English changes.
"""

from django.db import migrations

ENGLISH = {
    "pathway.stage": {
        "awareness-diagnosis": {
            "summary": [
                "Symptoms, screening or a chance finding lead to a diagnosis, and the patient first hears that treatment may be matched to the biology of their disease.",
                "Symptoms, a screening test or a check for something else lead to a diagnosis. You may also hear for the first time that some treatments are matched to your own illness.",
            ],
            "patient_summary": [
                "You have just been told you have cancer or another serious illness, or your doctors are still finding out what it is. This is a lot to take in, and it is fine to ask for time and for things to be explained again. It can help to know early that some illnesses are treated according to what is happening inside your own cells, and that tests can show whether this could apply to you.",
                "You have just been told you have cancer or another serious illness. Or your doctors are still finding out what it is. This is a lot to take in. It is fine to ask for time, and to ask for things to be explained again. It helps to know early that some illnesses are treated based on what is going on inside your own cells. Tests can show if this could apply to you.",
            ],
            "patient_questions": [
                "Could my illness have features that change which treatment is best for me?\nShould we talk about biomarker testing now?\nWhere can I find reliable information written for patients?",
                "Could something about my illness change which treatment is best for me?\nShould we talk about biomarker testing now?\nWhere can I find clear, trusted information for patients?",
            ],
        },
        "referral-assessment": {
            "summary": [
                "The type and extent of the disease are confirmed, ideally by a multidisciplinary team with experience of the condition.",
                "Your doctors find out what type of illness you have and how far it has spread. Ideally, a team of experts who know your illness well looks at your case together.",
            ],
            "patient_summary": [
                "Your doctors will now work out exactly what kind of illness you have and how advanced it is. You may have scans, a biopsy and appointments with specialists. Ideally your case is discussed by a team of experts who often treat people with your condition. You can ask who is in that team and who will keep you informed.",
                "Your doctors will now work out what kind of illness you have and how far it has got. You may have scans, a biopsy (a small sample of tissue) and visits to specialists. Ideally, a team of experts who often treat people with your illness talks about your case together. You can ask who is in that team. You can also ask who will keep you up to date.",
            ],
            "patient_questions": [
                "Is my case reviewed by a team with experience of my type of cancer?\nWho is my main contact while tests and appointments are arranged?\nShould I be referred to a specialist centre?",
                "Is my case looked at by a team that knows my type of cancer well?\nWho is my main contact while my tests and visits are set up?\nShould I be sent to a specialist centre?",
            ],
        },
        "testing-decision": {
            "summary": [
                "The care team decides whether to test for biomarkers and which test to use, and the patient gives informed consent.",
                "Your care team decides whether to test for biomarkers and which test to use. They tell you what the test involves, and you decide whether to agree.",
            ],
            "patient_summary": [
                "Your doctor may suggest a test that looks for changes, called biomarkers, in your tumour or your blood. The results can show whether a targeted medicine or a clinical trial could work for you. You should be told what the test looks for, how the sample is taken and what the results might mean for you and, sometimes, for your family. You can ask questions before you agree.",
                "Your doctor may suggest a test that looks for changes, called biomarkers, in your tumour or your blood. The results can show whether a targeted medicine or a clinical trial could work for you. You should be told what the test looks for and how the sample is taken. You should also hear what the results might mean for you and, sometimes, for your family. You can ask questions before you agree.",
            ],
            "patient_questions": [
                "Has biomarker testing been ordered for me, and does it cover all the biomarkers relevant to my cancer?\nWill the test use a tissue sample, a blood sample, or both?\nCould the results say something about inherited risk for my family?",
                "Has a biomarker test been ordered for me? Does it look for all the biomarkers that matter for my cancer?\nWill the test use a tissue sample, a blood sample, or both?\nCould the results tell us about a risk that runs in my family?",
            ],
        },
        "sample-analysis": {
            "summary": [
                "A good-quality sample reaches a laboratory that runs a reliable test and returns the result in time to guide treatment.",
                "A good sample goes to a lab that runs a reliable test. The result needs to come back in time to guide your treatment.",
            ],
            "patient_summary": [
                "Your sample is now with a laboratory, where specialists look for the biomarkers your doctor asked about. This can take from a few days to several weeks. Sometimes a sample does not contain enough material and a new one is needed. You can ask when to expect your results and whether the test is covered by your health service or insurance.",
                "Your sample is now with a lab. There, experts look for the biomarkers your doctor asked about. This can take from a few days to a few weeks. Sometimes a sample does not have enough in it, and a new one is needed. You can ask when your results should be ready. You can also ask if your health service or insurance pays for the test.",
            ],
        },
        "results-interpretation": {
            "summary": [
                "The laboratory report is interpreted, ideally by a molecular tumour board, and explained to the patient.",
                "Experts work out what the lab report means, ideally at a meeting called a molecular tumour board. Then someone explains the results to you.",
            ],
            "patient_summary": [
                "When your results come back, your care team looks at what the test found and what it means for your treatment. The report can be technical, so ask someone to go through it with you. Your results are about you: you can ask for a copy and keep it for future appointments or a second opinion.",
                "When your results come back, your care team looks at what the test found. They work out what it means for your treatment. The report can be hard to read, so ask someone to go through it with you. Your results are about you. You can ask for a copy and keep it for future visits or a second opinion.",
            ],
        },
        "treatment-decision": {
            "summary": [
                "Patient and clinicians choose together between targeted therapy, immunotherapy, standard treatment and clinical trials.",
                "You and your doctors choose your treatment together. It may be a targeted medicine or immunotherapy. It may also be standard care or a clinical trial.",
            ],
            "patient_summary": [
                "Now you and your doctors decide on your treatment together. Depending on your results, this might be a targeted medicine, immunotherapy, standard treatment or a clinical trial. Your wishes and your daily life matter in this choice. Take the time you need, bring someone with you if that helps, and ask about every option.",
                "Now you and your doctors decide on your treatment together. Based on your results, this might be a targeted medicine, immunotherapy, standard treatment or a clinical trial. Your wishes and your daily life matter in this choice. Take the time you need. Bring someone with you if that helps, and ask about every option.",
            ],
            "patient_questions": [
                "Which treatments match my test results, including clinical trials?\nWhat are the likely benefits and side effects of each option?\nHow much time do I have to decide?",
                "Which treatments match my test results? Are there clinical trials for me?\nWhat good could each option do, and what side effects might it have?\nHow much time do I have to decide?",
            ],
        },
        "treatment-access": {
            "summary": [
                "The chosen treatment has to be approved, paid for and available to the patient, or reachable through a trial or an early-access route.",
                "The treatment you chose must be approved, paid for and offered where you are. If it is not, a trial or an early-access scheme may be a way to get it.",
            ],
            "patient_summary": [
                "Even when a treatment is right for you, getting it can take time. It depends on whether the medicine is approved and paid for where you live, and whether your hospital can give it. If it is not available, there may be other ways, such as a clinical trial or a special access programme. Patient organisations can help you understand your options.",
                "Even when a treatment is right for you, getting it can take time. It depends on whether the medicine is approved and paid for where you live. It also depends on whether your hospital can give it. If you cannot get it, there may be other ways, such as a clinical trial or a special access scheme. Patient groups can help you understand your options.",
            ],
            "patient_questions": [
                "Is this medicine available and covered where I live?\nIf it is not, is there a clinical trial or an early-access programme I could join?\nWill I have to pay anything towards my treatment?",
                "Is this medicine available and paid for where I live?\nIf not, is there a clinical trial or an early-access scheme I could join?\nWill I have to pay anything towards my treatment?",
            ],
        },
        "monitoring": {
            "summary": [
                "Response to treatment is followed over time, with new tests if the disease changes, and support for living well with the condition.",
                "Your doctors check over time how well your treatment works. You may have new tests if your illness changes, and you can get support to live well.",
            ],
            "patient_summary": [
                "During and after treatment you will have regular check-ups to see how well it is working. If your illness changes, new tests may find other treatment options. Looking after your wellbeing matters too: you can ask for support with side effects, emotions, work and family life. Sharing your experience can also help other patients and improve care.",
                "During and after treatment, you will have regular check-ups to see how well it is working. If your illness changes, new tests may find other treatment options. Looking after yourself matters too. You can ask for help with side effects, feelings, work and family life. Sharing your story can also help other patients and make care better.",
            ],
            "patient_questions": [
                "Will I need new tests if my treatment stops working?\nHow will we know whether the treatment is working?\nWhere can I find support for living with my condition?",
                "Will I need new tests if my treatment stops working?\nHow will we know if the treatment is working?\nWhere can I find support for living with my illness?",
            ],
        },
    }
}

EARLIER_TRANSLATIONS = {
    "es": {
        "pathway.stage": {
            "awareness-diagnosis": {
                "summary": "e4b1a77a7d31c415",
                "patient_summary": "dfe06dab27419b01",
                "patient_questions": "854c3768c5eb8c16",
            },
            "referral-assessment": {
                "summary": "a27648a38c53dc82",
                "patient_summary": "baa8a2006bad1d4f",
                "patient_questions": "0eb901811a56c169",
            },
            "testing-decision": {
                "summary": "1ee491fffce94708",
                "patient_summary": "12af76f663b66651",
                "patient_questions": "9fbf386a0418f529",
            },
            "sample-analysis": {
                "summary": "3b78d87c2b7afbde",
                "patient_summary": "058a010699ecab34",
            },
            "results-interpretation": {
                "summary": "45752d945db1e0ff",
                "patient_summary": "1f3052f012ed939b",
            },
            "treatment-decision": {
                "summary": "3647381c274d5eb2",
                "patient_summary": "e25c44626a189eb7",
                "patient_questions": "e889fe2ac5bf6deb",
            },
            "treatment-access": {
                "summary": "0f23edeaf71d0865",
                "patient_summary": "fa8d0558e28420cc",
                "patient_questions": "0ee6c44cf564c101",
            },
            "monitoring": {
                "summary": "a0a9cd0942f53bf7",
                "patient_summary": "e8f10e110de98d52",
                "patient_questions": "50e912a94b9db299",
            },
        }
    },
    "fr": {
        "pathway.stage": {
            "awareness-diagnosis": {
                "summary": "cce85fe9911efc63",
                "patient_summary": "b016250b928a15fa",
                "patient_questions": "612213775c5e5cfe",
            },
            "referral-assessment": {
                "summary": "68feabaea0896fa6",
                "patient_summary": "341ac930c02b76f4",
                "patient_questions": "d0709ac877b0816e",
            },
            "testing-decision": {
                "summary": "78fbf4f2404ac479",
                "patient_summary": "937c84888b1c5b0f",
                "patient_questions": "90e5e22406cc40aa",
            },
            "sample-analysis": {
                "summary": "275104579c8769a8",
                "patient_summary": "a7fbd0e40101b6b5",
            },
            "results-interpretation": {
                "summary": "b0a73678f32ca5fc",
                "patient_summary": "08e52e6f4e741896",
            },
            "treatment-decision": {
                "summary": "e6bf43b248a0dc1e",
                "patient_summary": "e7fa40ee3689d10f",
                "patient_questions": "d4ad51887a12d57c",
            },
            "treatment-access": {
                "summary": "37084a7c9c04f941",
                "patient_summary": "d1f17df9bfd0f279",
                "patient_questions": "317a2ce47bbfcd82",
            },
            "monitoring": {
                "summary": "bace8e9baa8fe282",
                "patient_summary": "8db59f6a8ba213cd",
                "patient_questions": "fb722d035e563334",
            },
        }
    },
    "de": {
        "pathway.stage": {
            "awareness-diagnosis": {
                "summary": "b9f85a36c1e7c48c",
                "patient_summary": "94515dcac9b0f7c0",
                "patient_questions": "28707e57986f4a81",
            },
            "referral-assessment": {
                "summary": "922111fab67645fa",
                "patient_summary": "1892da17e50c6883",
                "patient_questions": "e3fc982a53ebefeb",
            },
            "testing-decision": {
                "summary": "3501f00c073ec948",
                "patient_summary": "66e7c38dedbb54ea",
                "patient_questions": "21e5bb3415ea1cf3",
            },
            "sample-analysis": {
                "summary": "b740256b9aea1c80",
                "patient_summary": "e6d912fba8631214",
            },
            "results-interpretation": {
                "summary": "7b7fbb8d7b52b5ad",
                "patient_summary": "038f33b3cc1a1fde",
            },
            "treatment-decision": {
                "summary": "1293d5823b22b7b7",
                "patient_summary": "57b3a941b2844551",
                "patient_questions": "d8cd5a6930cdcd6e",
            },
            "treatment-access": {
                "summary": "9b6b813d85a8dc12",
                "patient_summary": "49aab98646634c9e",
                "patient_questions": "f2a25de4bfb21344",
            },
            "monitoring": {
                "summary": "9127314f7ee883fb",
                "patient_summary": "9cfc08f2daaceb59",
                "patient_questions": "3307b3132d68ae98",
            },
        }
    },
    "pt": {
        "pathway.stage": {
            "awareness-diagnosis": {
                "summary": "7a4d7b65aa6a42ca",
                "patient_summary": "1a3e4cff84444649",
                "patient_questions": "d30535d9a446aafc",
            },
            "referral-assessment": {
                "summary": "b839b3f077d33ba1",
                "patient_summary": "ef89884bfc2439b0",
                "patient_questions": "1f912f355e761d11",
            },
            "testing-decision": {
                "summary": "dece174a6b11fdb0",
                "patient_summary": "44aff65ba94af3c7",
                "patient_questions": "e99a60e37fb92d50",
            },
            "sample-analysis": {
                "summary": "4dd1a8763b5bbc1b",
                "patient_summary": "059e6f1bdcd3623e",
            },
            "results-interpretation": {
                "summary": "0c886ac94301836c",
                "patient_summary": "2e8553cb4389512c",
            },
            "treatment-decision": {
                "summary": "dbf8380afa8894a0",
                "patient_summary": "bca58e9f8173b1e8",
                "patient_questions": "0b9390633122f250",
            },
            "treatment-access": {
                "summary": "c18d7f179e737ac2",
                "patient_summary": "98e7c746fd9d5f13",
                "patient_questions": "ce1b07d15996f8b2",
            },
            "monitoring": {
                "summary": "c46cf6869399c60f",
                "patient_summary": "a6719bb3a7a19d22",
                "patient_questions": "9bc28d779ab6b427",
            },
        }
    },
    "pl": {
        "pathway.stage": {
            "awareness-diagnosis": {
                "summary": "2b15456bfb566f3a",
                "patient_summary": "2db1dfde885c368b",
                "patient_questions": "5e8add425864768c",
            },
            "referral-assessment": {
                "summary": "3811ae9b3aa772f4",
                "patient_summary": "2c3c14acd25f8ec2",
                "patient_questions": "3787c07f2d971544",
            },
            "testing-decision": {
                "summary": "4fafea303622825c",
                "patient_summary": "7a6228529fe4abe3",
                "patient_questions": "ca877fa78e37d479",
            },
            "sample-analysis": {
                "summary": "d660fd7af61c4c4f",
                "patient_summary": "7573f8afe464dccd",
            },
            "results-interpretation": {
                "summary": "6e386ab03cebdd11",
                "patient_summary": "449f99db6e9930c5",
            },
            "treatment-decision": {
                "summary": "83110664ae2044ff",
                "patient_summary": "df6c9cd48d25cf2e",
                "patient_questions": "0489ac60b25bde3c",
            },
            "treatment-access": {
                "summary": "76ded76e8c607df3",
                "patient_summary": "a6719369d4658de3",
                "patient_questions": "e4f3940f2397aa03",
            },
            "monitoring": {"summary": "f910336f2f8332e5", "patient_summary": "a360bdbca47488a5"},
        }
    },
    "it": {
        "pathway.stage": {
            "awareness-diagnosis": {
                "summary": "cde0d054808cf53e",
                "patient_summary": "93a437a9c50f1fe0",
                "patient_questions": "1d10d311e249bce3",
            },
            "referral-assessment": {
                "summary": "032e24a5abfd1efd",
                "patient_summary": "04114e8da86baad9",
                "patient_questions": "9e4468bf435af4c9",
            },
            "testing-decision": {
                "summary": "b09cd3a769e5e976",
                "patient_summary": "e081aa28e4ae998f",
                "patient_questions": "cdff984d825b4e72",
            },
            "sample-analysis": {
                "summary": "5f867b9c2ff34642",
                "patient_summary": "c4209e7e04b50bfa",
            },
            "results-interpretation": {
                "summary": "f39f4e7147ce08a5",
                "patient_summary": "a1a0ad004b99b9ae",
            },
            "treatment-decision": {
                "summary": "71253bc37feacc20",
                "patient_summary": "859734f22fd324f7",
                "patient_questions": "987b51dc42faacf0",
            },
            "treatment-access": {
                "summary": "585a6abad29d0091",
                "patient_summary": "5aa856f594444534",
                "patient_questions": "d8faea0862302be7",
            },
            "monitoring": {
                "summary": "ec9a2c9ffd70d704",
                "patient_summary": "1ea0b0b22a7d94fd",
                "patient_questions": "bf15d370b9c15e78",
            },
        }
    },
}


def rewrite(apps, schema_editor):
    from core.translated_content import replace_shipped

    replace_shipped(apps, ENGLISH, EARLIER_TRANSLATIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("pathway", "0004_country_names"),
    ]

    # Going back keeps the plain texts: the earlier ones are in git, and a curator may
    # have edited either since.
    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
