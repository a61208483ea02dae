"""The glossary's starter terms: the words of precision medicine a patient meets on
the portal's pages, each explained in plain language (about grade 7). Curators edit
them in the admin afterwards.

English here; the other six languages ship in core/content_translations/<lang>.json
and are loaded into the empty columns (core/translated_content.py), as for the rest
of the reference content. Rows are created only where the slug is missing, so a
curator's terms are never touched.
"""

from django.db import migrations

# (slug, term, short explanation, other forms recognised in page text)
TERMS = [
    (
        "biomarker",
        "Biomarker",
        "A sign in your body that a test can find, such as a change in a gene or a protein of the "
        "tumour. It can show which medicine is likely to work for you.",
        ("biomarkers",),
    ),
    (
        "biopsy",
        "Biopsy",
        "Taking a small piece of tissue from your body so that it can be looked at in a lab.",
        ("biopsies",),
    ),
    (
        "clinical-trial",
        "Clinical trial",
        "A research study that tests a new treatment in people. Taking part can give you a new "
        "medicine before it is widely available.",
        ("clinical trials",),
    ),
    (
        "companion-diagnostic",
        "Companion diagnostic",
        "A test that must be done before a certain medicine is given. It shows whether that "
        "medicine is likely to work for you.",
        ("companion diagnostics", "companion test", "companion tests"),
    ),
    (
        "genomic-testing",
        "Genomic testing",
        "A test that reads the genes in a sample of your tumour or blood to look for changes. The "
        "results can help choose your treatment.",
        (
            "genomic test",
            "genomic tests",
            "genetic testing",
            "genetic test",
            "genetic tests",
            "molecular testing",
        ),
    ),
    (
        "health-technology-assessment",
        "Health technology assessment (HTA)",
        "A review of whether a new medicine or test works well enough and is worth its cost. It "
        "helps decide if the health system will pay for it.",
        ("health technology assessment", "health technology assessments", "HTA"),
    ),
    (
        "immunotherapy",
        "Immunotherapy",
        "A treatment that helps your own immune system find and attack cancer cells.",
        ("immunotherapies",),
    ),
    (
        "informed-consent",
        "Informed consent",
        "Saying yes to a test or treatment after you have been told, in words you understand, what "
        "it involves, what could go wrong and how it could help.",
        ("consent",),
    ),
    (
        "liquid-biopsy",
        "Liquid biopsy",
        "A blood test that looks for small pieces of tumour DNA in your blood. It can help when a "
        "tissue sample is hard to take.",
        ("liquid biopsies",),
    ),
    (
        "molecular-tumour-board",
        "Molecular tumour board",
        "A meeting of experts who look at your test results together. They advise which treatment "
        "or trial fits the changes found in your tumour.",
        ("molecular tumour boards", "molecular tumor board", "molecular tumor boards"),
    ),
    (
        "multidisciplinary-team",
        "Multidisciplinary team",
        "A group of experts from different fields, such as cancer doctors, surgeons, pathologists "
        "and nurses. They meet to agree on the best care for you. Also called a tumour board.",
        ("multidisciplinary teams", "tumour board", "tumour boards", "tumor board", "MDT"),
    ),
    (
        "mutation",
        "Mutation",
        "A change in a gene. Some changes in tumour cells make the cancer grow, and some can be "
        "treated with a medicine made for that change.",
        ("mutations", "gene change", "gene changes"),
    ),
    (
        "next-generation-sequencing",
        "Next-generation sequencing (NGS)",
        "A lab method that checks many genes at the same time, in one test. It can find several "
        "biomarkers at once instead of one by one.",
        ("next-generation sequencing", "NGS"),
    ),
    (
        "off-label-use",
        "Off-label use",
        "Using a medicine for a disease or a group of patients it is not officially approved for. A "
        "doctor may suggest it when a test points to it.",
        ("off-label",),
    ),
    (
        "oncologist",
        "Oncologist",
        "A doctor who treats cancer, for example with medicines or radiotherapy.",
        ("oncologists",),
    ),
    (
        "pathologist",
        "Pathologist",
        "A doctor who looks at tissue and cells in the lab to find out what kind of disease it is "
        "and which changes it has.",
        ("pathologists",),
    ),
    (
        "precision-medicine",
        "Precision medicine",
        "Care that is chosen for you based on tests of your tumour or your genes, instead of the "
        "same care for everyone with your type of cancer.",
        ("personalised medicine", "personalized medicine"),
    ),
    (
        "reimbursement",
        "Reimbursement",
        "When the health system or your insurer pays for a test or medicine, so that you do not "
        "have to pay for it yourself.",
        ("reimbursed", "reimburse"),
    ),
    (
        "targeted-therapy",
        "Targeted therapy",
        "A medicine that acts on a specific change in cancer cells. It works best when a test has "
        "found that change in your tumour.",
        (
            "targeted therapies",
            "targeted treatment",
            "targeted treatments",
            "targeted medicine",
            "targeted medicines",
            "targeted drug",
            "targeted drugs",
        ),
    ),
    (
        "turnaround-time",
        "Turnaround time",
        "How long it takes from when your sample reaches the lab until the result is ready.",
        ("turnaround", "turnaround times"),
    ),
]


# The longer texts of the glossary page, for some terms.
DETAILS = {
    "biomarker": "Doctors test for biomarkers in a sample of the tumour (from a biopsy) or in a "
    "blood sample. Examples in lung cancer are changes in the EGFR, ALK or KRAS "
    "genes. A biomarker result can open the way to a targeted therapy or a clinical "
    "trial, so ask whether you have been tested and what the result was.",
    "next-generation-sequencing": "With older methods, each gene is tested one after the other, "
    "which uses up the sample and takes time. One NGS test can "
    "look at dozens or hundreds of genes at once. Experts "
    "recommend NGS for several advanced cancers, including lung "
    "cancer.",
}


def create_terms(apps, schema_editor):
    from core.translated_content import load

    Term = apps.get_model("glossary", "Term")
    for slug, term, explanation, variants in TERMS:
        if Term._base_manager.filter(slug=slug).exists():
            continue
        Term._base_manager.create(
            slug=slug,
            term=term,
            term_en=term,
            explanation=explanation,
            explanation_en=explanation,
            variants="\n".join(variants),
            variants_en="\n".join(variants) or None,
            details=DETAILS.get(slug, ""),
            details_en=DETAILS.get(slug) or None,
        )
    load(apps, app_labels=["glossary"])


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0001_terms"),
    ]

    operations = [
        migrations.RunPython(create_terms, migrations.RunPython.noop),
    ]
