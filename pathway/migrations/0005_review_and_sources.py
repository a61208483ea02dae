"""When each stage was last reviewed, and where its text comes from.

The review date makes the page say "Last reviewed"; a year later the stage is due
again and curators are reminded (curation/tasks.py). The shipped stages were
reviewed when their plain-language text was written, on 2 December 2026, and get
their sources: the guidelines, reports and patient information they draw on
(organisation home pages, or documents by DOI, so that links stay valid). Only
rows without a review date or sources are touched, so a curator's work stays.
"""

import datetime

import django.db.models.deletion
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
ESMO_GUIDELINES = ("ESMO Clinical Practice Guidelines", "https://www.esmo.org/guidelines")
ESMO_PATIENT_GUIDES = ("ESMO patient guides", "https://www.esmo.org/for-patients/patient-guides")
NCI_BIOMARKER = (
    "National Cancer Institute: Biomarker testing for cancer treatment",
    "https://www.cancer.gov/about-cancer/treatment/types/biomarker-testing-cancer-treatment",
)
WHO_CANCER = (
    "World Health Organization: Cancer, fact sheet",
    "https://www.who.int/news-room/fact-sheets/detail/cancer",
)
ASCO = ("American Society of Clinical Oncology (ASCO)", "https://www.asco.org/")
CANCER_NET = ("Cancer.Net: information for patients from ASCO", "https://www.cancer.net/")
CLINICALTRIALS_GOV = ("ClinicalTrials.gov: find a clinical trial", "https://clinicaltrials.gov/")
EU_CTIS = ("Clinical trials in the European Union (CTIS)", "https://euclinicaltrials.eu/")
IQVIA = (
    "IQVIA Institute for Human Data Science",
    "https://www.iqvia.com/insights/the-iqvia-institute",
)

REVIEWED_ON = datetime.date(2026, 12, 2)

SOURCES = {
    "awareness-diagnosis": (WHO_CANCER, ESMO_PATIENT_GUIDES, SADIK_2022),
    "referral-assessment": (ECO, ESMO_GUIDELINES),
    "testing-decision": (ESMO_NGS, NCI_BIOMARKER, NORMANNO_2022),
    "sample-analysis": (IQN_PATH_REPORT_2021, ESMO_NGS, NORMANNO_2022),
    "results-interpretation": (NCI_BIOMARKER, CANCER_NET),
    "treatment-decision": (ESMO_GUIDELINES, ASCO, CLINICALTRIALS_GOV, EU_CTIS),
    "treatment-access": (IQN_PATH_REPORT_2021, EFPIA, IQVIA, SADIK_2022),
    "monitoring": (ESMO_PATIENT_GUIDES, ECPC, CANCER_NET),
}


def ship_review_dates_and_sources(apps, schema_editor):
    Stage = apps.get_model("pathway", "Stage")
    StageSource = apps.get_model("pathway", "StageSource")
    Stage._base_manager.filter(slug__in=SOURCES, reviewed_on__isnull=True).update(
        reviewed_on=REVIEWED_ON
    )
    for stage in Stage._base_manager.filter(slug__in=SOURCES):
        if StageSource._base_manager.filter(stage=stage).exists():
            continue
        StageSource._base_manager.bulk_create(
            StageSource(stage=stage, title=title, url=url, position=position)
            for position, (title, url) in enumerate(SOURCES[stage.slug], start=1)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pathway", "0004_country_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="stage",
            name="review_reminded_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="review reminder sent"
            ),
        ),
        migrations.AddField(
            model_name="stage",
            name="reviewed_on",
            field=models.DateField(
                blank=True,
                help_text="When a curator last checked that this text is correct and up to date. The next review is due a year later.",
                null=True,
                verbose_name="last reviewed",
            ),
        ),
        migrations.CreateModel(
            name="StageSource",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("url", models.URLField(max_length=500, verbose_name="link")),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "stage",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sources",
                        to="pathway.stage",
                        verbose_name="stage",
                    ),
                ),
            ],
            options={
                "verbose_name": "source",
                "verbose_name_plural": "sources",
                "ordering": ["position", "id"],
            },
        ),
        migrations.RunPython(ship_review_dates_and_sources, migrations.RunPython.noop),
    ]
