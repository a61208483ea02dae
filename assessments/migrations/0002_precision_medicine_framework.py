"""The first assessment framework: the EU Best Practice Portal's criteria for the
evaluation of practices, adapted to precision medicine (see the README, "Assessing
practice"), on a scale of 0 to 3. English here; the other languages ship in
core/content_translations/<lang>.json and are loaded into the empty columns."""

import datetime

from django.db import migrations

SLUG = "pm-practice-2026"
TITLE = "Precision-medicine practice criteria"
NOTES = "Adapted for precision medicine from the European Commission's Best Practice Portal criteria for the evaluation of practices (Steering Group on Health Promotion, Disease Prevention and Management of Non-Communicable Diseases, 2018), with two additions: patients involved as partners, and evidence that more eligible patients are tested or treated."
CRITERIA = [
    (
        "relevance",
        "Relevance",
        "The initiative addresses a documented barrier on the precision-medicine pathway, in a place and for patients where the need is shown.",
    ),
    (
        "evidence-base",
        "Evidence and theory base",
        "Its design rests on published evidence or a clear theory of how it will remove the barrier, and it cites its sources.",
    ),
    (
        "effectiveness",
        "Effectiveness",
        "It has measured results against its objectives (for example testing rates, turnaround times, access to treatment) and reports them.",
    ),
    (
        "more-patients",
        "Evidence of more eligible patients tested or treated",
        "It shows, with figures, that more eligible patients received biomarker testing or the matching treatment than before or than elsewhere.",
    ),
    (
        "efficiency",
        "Efficiency",
        "Its results are worth what they cost: resources, staff time and costs to patients are known and reasonable.",
    ),
    (
        "equity",
        "Equity",
        "It reaches patients who are often left behind (rural areas, low income, minority groups, non-academic centres) and checks that it does not widen gaps.",
    ),
    (
        "ethics",
        "Ethics",
        "It respects consent, privacy and patients' rights, declares its funding and conflicts of interest, and does no harm.",
    ),
    (
        "patient-partners",
        "Patients involved as partners",
        "Patients and their organisations helped to design, run and evaluate it, as partners rather than only as its audience.",
    ),
    (
        "sustainability",
        "Sustainability",
        "It has funding, ownership and a plan to continue beyond its first phase, or is built into routine care.",
    ),
    (
        "intersectoral",
        "Intersectoral collaboration",
        "It brings together the stakeholders who can act on the barrier, such as clinicians, laboratories, payers, policy makers and industry.",
    ),
    (
        "transferability",
        "Transferability",
        "It documents what is needed to adopt it elsewhere (conditions, resources, adaptations) so that another country or centre can take it up.",
    ),
]
LEVELS = [
    (0, "Not shown", "No information, or the criterion is not met."),
    (1, "Partly met", "Some elements are in place, with little evidence."),
    (2, "Largely met", "Most elements are in place and supported by evidence."),
    (3, "Fully met", "Fully met, with clear and independent evidence."),
]


def both(**texts):
    """A text in its column and its English column (modeltranslation's)."""
    return {**texts, **{f"{name}_en": text for name, text in texts.items()}}


def create_framework(apps, schema_editor):
    Framework = apps.get_model("assessments", "Framework")
    Criterion = apps.get_model("assessments", "Criterion")
    ScaleLevel = apps.get_model("assessments", "ScaleLevel")
    framework, _ = Framework.objects.get_or_create(
        slug=SLUG,
        defaults={
            "version": "2026.1",
            "published": datetime.date(2026, 12, 1),
            **both(title=TITLE, notes=NOTES),
        },
    )
    for position, (code, name, guidance) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(
            slug=f"{SLUG}-{code}",
            defaults={
                "framework": framework,
                "code": code,
                "position": position,
                **both(name=name, guidance=guidance),
            },
        )
    for score, label, description in LEVELS:
        ScaleLevel.objects.get_or_create(
            slug=f"{SLUG}-level-{score}",
            defaults={
                "framework": framework,
                "score": score,
                **both(label=label, description=description),
            },
        )
    from core.translated_content import load

    load(apps, app_labels=["assessments"])


def remove_framework(apps, schema_editor):
    # Children first, without the deletion collector: walking back with other apps'
    # migrations, it can meet a Framework class of another state and refuse.
    alias = schema_editor.connection.alias
    for name in ("ScaleLevel", "Criterion"):
        model = apps.get_model("assessments", name)
        model.objects.filter(framework__slug=SLUG)._raw_delete(alias)
    apps.get_model("assessments", "Framework").objects.filter(slug=SLUG)._raw_delete(alias)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_framework, remove_framework),
    ]
