"""The thirteen stakeholder groups every install starts with.

Curators edit them afterwards, so the forward function only creates missing groups
(keyed on slug) and never changes an existing one.
"""

from django.db import migrations

GROUPS = [
    (
        "patients-advocacy",
        "Patients & advocacy",
        "Patient organisations and advocates spread the word about testing, help patients "
        "ask the right questions and bring patients' experience to the people who decide "
        "on care and funding.",
    ),
    (
        "clinicians",
        "Clinicians",
        "Oncologists and other treating doctors order the right tests at the right time, "
        "act on the results and talk through every option, including trials, with their "
        "patients.",
    ),
    (
        "pathologists-labs",
        "Pathologists & laboratories",
        "Pathologists and laboratory teams make sure samples are handled well, tests are "
        "accurate and results come back quickly in reports that clinicians can act on.",
    ),
    (
        "nurses-navigators",
        "Nurses & patient navigators",
        "Nurses and patient navigators guide patients through each step, explain tests and "
        "results in plain words and make sure nobody falls through the gaps.",
    ),
    (
        "hospitals-cancer-centres",
        "Hospitals & cancer centres",
        "Hospitals and cancer centres organise referral routes, tumour boards and links "
        "with laboratories so that biomarker testing is part of routine care.",
    ),
    (
        "medical-societies",
        "Medical societies",
        "Medical societies write and update testing and treatment guidelines and train "
        "professionals to put them into practice.",
    ),
    (
        "payers",
        "Payers",
        "Health services and insurers decide which tests and treatments are covered, and "
        "can pay for a targeted medicine and its test together so that no patient gets one "
        "without the other.",
    ),
    (
        "hta-bodies",
        "HTA bodies",
        "Health technology assessment bodies judge the value of tests and medicines, and "
        "can adapt their methods to small, biomarker-defined groups of patients.",
    ),
    (
        "regulators",
        "Regulators",
        "Regulators approve medicines and tests and set quality rules for laboratories, "
        "and can line up the timing of decisions on a medicine and its test.",
    ),
    (
        "policy-makers",
        "Policy makers",
        "Policy makers set the plans, budgets and rules that decide whether precision "
        "medicine reaches every patient who could benefit, wherever they live.",
    ),
    (
        "pharma-industry",
        "Pharmaceutical industry",
        "Pharmaceutical companies develop targeted medicines and can support testing, "
        "evidence gathering and access programmes alongside them.",
    ),
    (
        "diagnostics-industry",
        "Diagnostics industry",
        "Diagnostics companies develop reliable tests and platforms and help laboratories "
        "adopt them and show their value.",
    ),
    (
        "academia-research",
        "Academia & research",
        "Researchers and universities produce evidence on testing, outcomes and patients' "
        "experience, and run the trials and registries that show what works.",
    ),
]


def create_stakeholder_groups(apps, schema_editor):
    StakeholderGroup = apps.get_model("stakeholders", "StakeholderGroup")
    for position, (slug, name, description) in enumerate(GROUPS, start=1):
        StakeholderGroup.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0001_initial"),
    ]

    operations = [
        # Organisations point at their group with PROTECT and barriers and contributions
        # are tagged with groups, so rolling back leaves the groups in place.
        migrations.RunPython(create_stakeholder_groups, migrations.RunPython.noop),
    ]
