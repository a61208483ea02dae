"""When each barrier was last reviewed, and sources for the shipped barriers that
had none.

As for the stages (pathway 0005): the shipped barriers count as reviewed on
2 December 2026, and a barrier without evidence links gets the reports that
document its kind of barrier. Rows with a review date or sources are left alone.
"""

import datetime

from django.db import migrations, models

ESMO_NGS = (
    "Mosele et al. (2020). Recommendations for the use of next-generation sequencing (NGS) "
    "for patients with metastatic cancers: a report from the ESMO Precision Medicine "
    "Working Group. Annals of Oncology.",
    "https://doi.org/10.1016/j.annonc.2020.07.014",
)
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
ECPC = ("European Cancer Patient Coalition (ECPC)", "https://ecpc.org/")
ECO = ("European Cancer Organisation", "https://www.europeancancer.org/")
EFPIA = (
    "European Federation of Pharmaceutical Industries and Associations (EFPIA)",
    "https://www.efpia.eu/",
)

REVIEWED_ON = datetime.date(2026, 12, 2)

# The reports that document each category's barriers.
SOURCES_BY_CATEGORY = {
    "education-awareness": (ECPC, SADIK_2022),
    "organisation-infrastructure": (IQN_PATH_REPORT_2021, NORMANNO_2022),
    "quality-standardisation": (IQN_PATH_REPORT_2021, ESMO_NGS),
    "financing-regulation": (IQN_PATH_REPORT_2021, EFPIA),
    "data-evidence": (SADIK_2022, ECO),
    "equity": (NORMANNO_2022, ECO),
}

SHIPPED = (
    "patients-unaware-of-testing",
    "clinician-knowledge-gaps",
    "too-little-plain-language-information",
    "results-not-explained",
    "patient-needs-poorly-understood",
    "pathology-oncology-silos",
    "weak-referral-routes",
    "poor-tissue-sample-handling",
    "lab-workforce-long-turnaround",
    "ngs-not-available-locally",
    "no-molecular-tumour-board",
    "non-standard-tests-and-reports",
    "labs-outside-quality-schemes",
    "fragmented-testing-guidelines",
    "test-not-reimbursed",
    "drug-test-reimbursement-lag",
    "hta-methods-small-populations",
    "out-of-pocket-costs",
    "few-routes-off-label-trials",
    "no-real-world-data",
    "patient-experience-data-underused",
    "disparities-in-access",
    "unwarranted-variation-duplication",
)


def ship_review_dates_and_sources(apps, schema_editor):
    Barrier = apps.get_model("barriers", "Barrier")
    EvidenceLink = apps.get_model("barriers", "EvidenceLink")
    Barrier._base_manager.filter(slug__in=SHIPPED, reviewed_on__isnull=True).update(
        reviewed_on=REVIEWED_ON
    )
    for barrier in Barrier._base_manager.filter(slug__in=SHIPPED).select_related("category"):
        if EvidenceLink._base_manager.filter(barrier=barrier).exists():
            continue
        EvidenceLink._base_manager.bulk_create(
            EvidenceLink(barrier=barrier, title=title, url=url, position=position)
            for position, (title, url) in enumerate(
                SOURCES_BY_CATEGORY.get(barrier.category.slug, ()), start=1
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("barriers", "0003_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="barrier",
            name="review_reminded_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="review reminder sent"
            ),
        ),
        migrations.AddField(
            model_name="barrier",
            name="reviewed_on",
            field=models.DateField(
                blank=True,
                help_text="When a curator last checked that this text is correct and up to date. The next review is due a year later.",
                null=True,
                verbose_name="last reviewed",
            ),
        ),
        migrations.RunPython(ship_review_dates_and_sources, migrations.RunPython.noop),
    ]
