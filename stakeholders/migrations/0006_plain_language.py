"""Plain language (issue #18): the stakeholders texts patients read, rewritten to grade 8 or
below, where they still read as shipped (see pathway/migrations/0005_plain_language.py).
"""

from django.db import migrations

ENGLISH = {
    "stakeholders.stakeholdergroup": {
        "patients-advocacy": {
            "description": [
                "Patient organisations and advocates spread the word about testing, help patients ask the right questions and bring patients' experience to the people who decide on care and funding.",
                "Patient groups and advocates spread the word about testing. They help patients ask the right questions. They also share what patients go through with the people who decide on care and funding.",
            ]
        },
        "clinicians": {
            "description": [
                "Oncologists and other treating doctors order the right tests at the right time, act on the results and talk through every option, including trials, with their patients.",
                "Cancer doctors and other doctors who treat patients order the right tests at the right time. They act on the results and talk through every option with their patients, trials included.",
            ]
        },
        "pathologists-labs": {
            "description": [
                "Pathologists and laboratory teams make sure samples are handled well, tests are accurate and results come back quickly in reports that clinicians can act on.",
                "Lab doctors and lab teams make sure samples are handled well and tests are accurate. They send results back quickly, in reports that doctors can act on.",
            ]
        },
        "nurses-navigators": {
            "description": [
                "Nurses and patient navigators guide patients through each step, explain tests and results in plain words and make sure nobody falls through the gaps.",
                "Nurses and patient navigators guide patients through each step. They explain tests and results in plain words and make sure nobody is left behind.",
            ]
        },
        "hospitals-cancer-centres": {
            "description": [
                "Hospitals and cancer centres organise referral routes, tumour boards and links with laboratories so that biomarker testing is part of routine care.",
                "Hospitals and cancer centres set up referral routes, expert meetings and links with labs. This makes biomarker testing part of normal care.",
            ]
        },
        "medical-societies": {
            "description": [
                "Medical societies write and update testing and treatment guidelines and train professionals to put them into practice.",
                "Medical societies are groups of doctors and other experts. They write and update advice on testing and treatment, and train health workers to follow it.",
            ]
        },
        "payers": {
            "description": [
                "Health services and insurers decide which tests and treatments are covered, and can pay for a targeted medicine and its test together so that no patient gets one without the other.",
                "Health services and insurers decide which tests and treatments they pay for. They can pay for a targeted medicine and its test together, so that no patient gets one without the other.",
            ]
        },
        "hta-bodies": {
            "description": [
                "Health technology assessment bodies judge the value of tests and medicines, and can adapt their methods to small, biomarker-defined groups of patients.",
                "HTA bodies judge what tests and medicines are worth. They can change how they do this for small groups of patients who share a biomarker.",
            ]
        },
        "regulators": {
            "description": [
                "Regulators approve medicines and tests and set quality rules for laboratories, and can line up the timing of decisions on a medicine and its test.",
                "Regulators approve medicines and tests and set quality rules for labs. They can time their decisions on a medicine and its test so they come together.",
            ]
        },
        "policy-makers": {
            "description": [
                "Policy makers set the plans, budgets and rules that decide whether precision medicine reaches every patient who could benefit, wherever they live.",
                "Policy makers set the plans, budgets and rules for health care. These decide if precision medicine reaches every patient who could gain from it, wherever they live.",
            ]
        },
        "pharma-industry": {
            "description": [
                "Pharmaceutical companies develop targeted medicines and can support testing, evidence gathering and access programmes alongside them.",
                "Drug companies make targeted medicines. They can also help pay for tests, gather proof that a medicine works, and run schemes that help patients get it.",
            ]
        },
        "diagnostics-industry": {
            "description": [
                "Diagnostics companies develop reliable tests and platforms and help laboratories adopt them and show their value.",
                "Test makers build reliable tests and the tools that run them. They help labs start using them and show what they are worth.",
            ]
        },
        "academia-research": {
            "description": [
                "Researchers and universities produce evidence on testing, outcomes and patients' experience, and run the trials and registries that show what works.",
                "Researchers and universities study testing, results and what patients go through. They run the trials and the records that show what works.",
            ]
        },
    }
}

EARLIER_TRANSLATIONS = {
    "es": {
        "stakeholders.stakeholdergroup": {
            "patients-advocacy": {"description": "c411ff6629f5f1ff"},
            "clinicians": {"description": "4854b2e769662cfa"},
            "pathologists-labs": {"description": "19fddcb18259d5c0"},
            "nurses-navigators": {"description": "0ec8c0ea0ba544f2"},
            "hospitals-cancer-centres": {"description": "35a0ebee6de98867"},
            "medical-societies": {"description": "0259034fdfe33c71"},
            "payers": {"description": "84ed283ac454977a"},
            "hta-bodies": {"description": "d6edba4940bffae0"},
            "regulators": {"description": "07d71fc75b83dc22"},
            "policy-makers": {"description": "4105ecf606add05b"},
            "pharma-industry": {"description": "a2513e1f7cf5c754"},
            "diagnostics-industry": {"description": "dc9f849b87a0605f"},
            "academia-research": {"description": "42f6362e0d0a3ce4"},
        }
    },
    "fr": {
        "stakeholders.stakeholdergroup": {
            "patients-advocacy": {"description": "afa0ff8f43602dc2"},
            "clinicians": {"description": "7c30c4f7f010c233"},
            "pathologists-labs": {"description": "de3a6446ce90a05d"},
            "nurses-navigators": {"description": "8c36831ea6599f02"},
            "hospitals-cancer-centres": {"description": "d2f97b397c69203a"},
            "medical-societies": {"description": "cf3f352bba298f8b"},
            "payers": {"description": "65e5a90c3bc3e91a"},
            "hta-bodies": {"description": "37e273272d24aadd"},
            "regulators": {"description": "f35e621cf5036e18"},
            "policy-makers": {"description": "d0faa76ab1e4c80b"},
            "pharma-industry": {"description": "2cbf94e2a002ce23"},
            "diagnostics-industry": {"description": "ad0d0b4aa7edc257"},
            "academia-research": {"description": "2aa6c88df722c180"},
        }
    },
    "de": {
        "stakeholders.stakeholdergroup": {
            "patients-advocacy": {"description": "c37ff2606adca394"},
            "clinicians": {"description": "a04cf751b0290e34"},
            "pathologists-labs": {"description": "c88ea9ac43afc231"},
            "nurses-navigators": {"description": "d6f3a988dca36cd0"},
            "hospitals-cancer-centres": {"description": "dce2947cb74d2dc4"},
            "medical-societies": {"description": "cdfd9a2c200a01b3"},
            "payers": {"description": "3ea741afca28c977"},
            "hta-bodies": {"description": "526be0b833c59bb6"},
            "regulators": {"description": "642fa934edd9a7b7"},
            "policy-makers": {"description": "489b24165686d12d"},
            "pharma-industry": {"description": "204176a40fde22a4"},
            "diagnostics-industry": {"description": "0f643486891040a3"},
            "academia-research": {"description": "5882d2909d4190f3"},
        }
    },
    "pt": {
        "stakeholders.stakeholdergroup": {
            "patients-advocacy": {"description": "1364e9cbf0bb3794"},
            "clinicians": {"description": "93d878d7d3e0aad4"},
            "pathologists-labs": {"description": "5f8c3ac66d6e3fba"},
            "nurses-navigators": {"description": "51e90c4c7d21a05f"},
            "hospitals-cancer-centres": {"description": "884b0dfaf181c858"},
            "medical-societies": {"description": "e1ca43ad2b40ddfb"},
            "payers": {"description": "b9f428f93d215a3e"},
            "hta-bodies": {"description": "1b1d7a7114656e5b"},
            "regulators": {"description": "7ae62660d356993d"},
            "policy-makers": {"description": "67d127af15daf1a5"},
            "pharma-industry": {"description": "11ab387df428ab95"},
            "diagnostics-industry": {"description": "3a84746e7f65250a"},
            "academia-research": {"description": "ad95f331373da50c"},
        }
    },
    "pl": {
        "stakeholders.stakeholdergroup": {
            "patients-advocacy": {"description": "54ef944152144b5b"},
            "clinicians": {"description": "f59d37338a1c6fce"},
            "pathologists-labs": {"description": "d381a787a4a5e0d9"},
            "nurses-navigators": {"description": "e941fb2ad0f4f899"},
            "hospitals-cancer-centres": {"description": "d865bdbbdc53f51f"},
            "medical-societies": {"description": "c0fa2375976b4921"},
            "payers": {"description": "70719e98c943eeb3"},
            "hta-bodies": {"description": "be032d19dac5d1d1"},
            "regulators": {"description": "4cadf18ec688abd5"},
            "policy-makers": {"description": "8735d0d16135fa96"},
            "pharma-industry": {"description": "9861ab9b5164a73b"},
            "diagnostics-industry": {"description": "590df23c3729772b"},
            "academia-research": {"description": "012df4bf8adb2c82"},
        }
    },
    "it": {
        "stakeholders.stakeholdergroup": {
            "patients-advocacy": {"description": "585231b3cddf6e63"},
            "clinicians": {"description": "bc8b309f25c98ffe"},
            "pathologists-labs": {"description": "05a78e29bc46de4c"},
            "nurses-navigators": {"description": "81561d13f000ce74"},
            "hospitals-cancer-centres": {"description": "dc785c2c3fb48d30"},
            "medical-societies": {"description": "eb2af69cc39691a0"},
            "payers": {"description": "8e46fe22a298d9ca"},
            "hta-bodies": {"description": "a7f774d613339b46"},
            "regulators": {"description": "93e20083f0284037"},
            "policy-makers": {"description": "7885526a9415c4a3"},
            "pharma-industry": {"description": "a4e0d3da58587e9f"},
            "diagnostics-industry": {"description": "cda2697aa8811c20"},
            "academia-research": {"description": "ca992ecd7e79c891"},
        }
    },
}


def rewrite(apps, schema_editor):
    from core.translated_content import replace_shipped

    replace_shipped(apps, ENGLISH, EARLIER_TRANSLATIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0005_membership_decision_note"),
    ]

    # Going back keeps the plain texts: the earlier ones are in git, and a curator may
    # have edited either since.
    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
