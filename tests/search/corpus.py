"""A realistic, independent corpus for measuring search: what partner organisations in
precision oncology and beyond publish, written for this purpose and unrelated to the demo
content (contributions/demo.py).

About 120 items: resources (patient guides, toolkits, guidelines, reports, trainings,
datasets, policy papers) and initiatives (programmes, pilots, networks, campaigns). About a
quarter are written natively in German, French, Spanish, Polish, Italian or Portuguese.
Spelling mixes US and UK usage and acronyms are written either way, as partners write them.
Geography is country-specific, region-wide (e.g. Europe) or global.

Tags use the fixed slugs of the reference content (stages, barriers, stakeholder groups,
regions, therapeutic areas) and ISO country codes. The organisations are fictional.

`load_corpus()` creates the organisations and publishes every item through the workflow,
on SQLite and PostgreSQL alike; `findable_texts()` gives the words each findable thing can
be found by, for the "nothing absurd" check of the evaluation.
"""

from dataclasses import dataclass

from django.db import models

from barriers.models import Barrier
from contributions.models import Initiative, Resource
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Organisation, StakeholderGroup
from tests.conftest import make_contribution

from .queries import Key


@dataclass(frozen=True)
class CorpusOrganisation:
    slug: str
    name: str
    group: str
    country: str | None
    description: str


@dataclass(frozen=True)
class CorpusItem:
    kind: str
    slug: str
    title: str
    summary: str
    description: str
    organisation: str
    language: str
    stages: tuple[str, ...]
    barriers: tuple[str, ...]
    audiences: tuple[str, ...]
    countries: tuple[str, ...]
    regions: tuple[str, ...]
    areas: tuple[str, ...]
    resource_type: str = ""
    year: int | None = None
    phase: str = ""

    @property
    def key(self) -> Key:
        return (self.kind, self.slug)


def resource(*, resource_type: str, year: int, **fields) -> CorpusItem:
    return CorpusItem(kind="resource", resource_type=resource_type, year=year, **_item(fields))


def initiative(*, phase: str, **fields) -> CorpusItem:
    return CorpusItem(kind="initiative", phase=phase, **_item(fields))


def _item(fields: dict) -> dict:
    fields.setdefault("language", "en")
    for name in ("stages", "barriers", "audiences", "countries", "regions", "areas"):
        fields[name] = tuple(fields.get(name, ()))
    return fields


ORGANISATIONS: list[CorpusOrganisation] = [
    CorpusOrganisation(
        slug="fundacja-glos-pluc",
        name="Fundacja Głos Płuc",
        group="patients-advocacy",
        country="PL",
        description=(
            "Polska fundacja pacjentów z rakiem płuca i ich bliskich: edukacja, wsparcie i "
            "rzecznictwo na rzecz dostępu do diagnostyki molekularnej."
        ),
    ),
    CorpusOrganisation(
        slug="polska-siec-onkologii-precyzyjnej",
        name="Polska Sieć Onkologii Precyzyjnej",
        group="hospitals-cancer-centres",
        country="PL",
        description=(
            "Sieć ośrodków onkologicznych w Polsce, które wspólnie prowadzą diagnostykę "
            "molekularną i molekularne tumor boardy."
        ),
    ),
    CorpusOrganisation(
        slug="patientenforum-krebs-und-gene",
        name="Patientenforum Krebs & Gene",
        group="patients-advocacy",
        country="DE",
        description=(
            "Bundesweiter Zusammenschluss von Patientinnen und Patienten, die sich für "
            "verständliche Informationen über molekulare Diagnostik und erbliche Krebsrisiken "
            "einsetzen."
        ),
    ),
    CorpusOrganisation(
        slug="ag-molekulare-pathologie-nord",
        name="AG Molekulare Pathologie Nord",
        group="pathologists-labs",
        country="DE",
        description=(
            "Arbeitsgemeinschaft pathologischer Institute in Norddeutschland für Qualität und "
            "Zusammenarbeit in der Molekularpathologie."
        ),
    ),
    CorpusOrganisation(
        slug="aepop",
        name="Asociación Española de Pacientes en Oncología de Precisión (AEPOP)",
        group="patients-advocacy",
        country="ES",
        description=(
            "Asociación de pacientes que promueve el acceso a las pruebas de biomarcadores y a "
            "los tratamientos dirigidos en toda España."
        ),
    ),
    CorpusOrganisation(
        slug="grupo-calidad-patologia-molecular",
        name="Grupo Español de Calidad en Patología Molecular",
        group="pathologists-labs",
        country="ES",
        description=(
            "Grupo de patólogos y biólogos moleculares que organiza programas de control de "
            "calidad para los laboratorios de diagnóstico molecular."
        ),
    ),
    CorpusOrganisation(
        slug="red-latam-oncologia-precision",
        name="Red Latinoamericana de Oncología de Precisión",
        group="academia-research",
        country=None,
        description=(
            "Red de investigadores, hospitales y laboratorios de América Latina que trabaja por "
            "un acceso equitativo a la oncología de precisión."
        ),
    ),
    CorpusOrganisation(
        slug="collectif-ensemble-biomarqueurs",
        name="Collectif Ensemble Biomarqueurs",
        group="patients-advocacy",
        country="FR",
        description=(
            "Collectif d'associations de patients qui informe sur les tests de biomarqueurs et "
            "défend l'accès de tous aux thérapies ciblées."
        ),
    ),
    CorpusOrganisation(
        slug="reseau-atlantique-oncogenomique",
        name="Réseau Atlantique d'Oncogénomique",
        group="hospitals-cancer-centres",
        country="FR",
        description=(
            "Réseau régional d'établissements de santé qui coordonne l'accès au séquençage et "
            "aux réunions de concertation moléculaire."
        ),
    ),
    CorpusOrganisation(
        slug="rete-italiana-oncologia-precisione",
        name="Rete Italiana per l'Oncologia di Precisione",
        group="hospitals-cancer-centres",
        country="IT",
        description=(
            "Rete di centri oncologici italiani che condividono percorsi per i test molecolari e "
            "i tumor board molecolari."
        ),
    ),
    CorpusOrganisation(
        slug="instituto-brasileiro-oncologia-precisao",
        name="Instituto Brasileiro de Oncologia de Precisão",
        group="academia-research",
        country="BR",
        description=(
            "Instituto de pesquisa que produz evidências e materiais educativos sobre o acesso à "
            "oncologia de precisão no Brasil."
        ),
    ),
    CorpusOrganisation(
        slug="associacao-doentes-oncologia-precisao",
        name="Associação de Doentes em Oncologia de Precisão",
        group="patients-advocacy",
        country="PT",
        description=(
            "Associação portuguesa de doentes que informa sobre testes de biomarcadores, "
            "terapias dirigidas e ensaios clínicos."
        ),
    ),
    CorpusOrganisation(
        slug="northern-lights-navigation",
        name="Northern Lights Cancer Navigation Network",
        group="nurses-navigators",
        country="CA",
        description=(
            "A Canadian network of nurse and lay navigators who guide people with cancer through "
            "testing, treatment and coverage questions."
        ),
    ),
    CorpusOrganisation(
        slug="pan-canadian-molecular-pathology-forum",
        name="Pan-Canadian Molecular Pathology Forum",
        group="pathologists-labs",
        country="CA",
        description=(
            "Molecular pathologists and laboratory leaders from every Canadian province working "
            "on common testing standards."
        ),
    ),
    CorpusOrganisation(
        slug="community-oncology-testing-collective",
        name="Community Oncology Testing Collective",
        group="hospitals-cancer-centres",
        country="US",
        description=(
            "A collective of US community oncology practices and hospitals sharing tools to make "
            "biomarker testing routine outside academic centers."
        ),
    ),
    CorpusOrganisation(
        slug="biomarker-coverage-helpline",
        name="Biomarker Coverage Helpline",
        group="patients-advocacy",
        country="US",
        description=(
            "A US nonprofit helpline that helps patients and families understand insurance "
            "coverage and costs of cancer testing."
        ),
    ),
    CorpusOrganisation(
        slug="genomics-patient-forum-uk",
        name="Genomics Patient Forum UK",
        group="patients-advocacy",
        country="GB",
        description=(
            "A UK charity run by patients and carers that explains genetic and genomic testing "
            "in plain English."
        ),
    ),
    CorpusOrganisation(
        slug="primary-care-genomics-group",
        name="Primary Care Genomics Group",
        group="medical-societies",
        country="GB",
        description=(
            "GPs, practice nurses and pharmacists helping primary care use genetic testing and "
            "genomic medicine well."
        ),
    ),
    CorpusOrganisation(
        slug="midlands-cancer-genomics-unit",
        name="Midlands Cancer Genomics Unit",
        group="academia-research",
        country="GB",
        description=(
            "A university research unit evaluating how genomic testing for cancer works in "
            "everyday NHS care."
        ),
    ),
    CorpusOrganisation(
        slug="north-coast-lung-health",
        name="North Coast Lung Health Partnership",
        group="hospitals-cancer-centres",
        country="GB",
        description=(
            "Hospitals, GP practices and local councils in the north of England working together "
            "on earlier diagnosis of lung cancer."
        ),
    ),
    CorpusOrganisation(
        slug="amstel-cancer-centre",
        name="Amstel Cancer Centre",
        group="hospitals-cancer-centres",
        country="NL",
        description=(
            "A Dutch teaching hospital network for cancer care with a focus on molecular "
            "diagnostics and long-term follow-up."
        ),
    ),
    CorpusOrganisation(
        slug="diagnostics-value-institute",
        name="Diagnostics Value Institute",
        group="hta-bodies",
        country="NL",
        description=(
            "An independent institute that assesses the value of diagnostic tests and develops "
            "methods for health technology assessment."
        ),
    ),
    CorpusOrganisation(
        slug="southern-cross-childrens-genomics",
        name="Southern Cross Children's Cancer Genomics",
        group="academia-research",
        country="AU",
        description=(
            "An Australian research consortium bringing genomic medicine to children and young "
            "people with cancer."
        ),
    ),
    CorpusOrganisation(
        slug="remote-cancer-care-australia",
        name="Remote Cancer Care Australia",
        group="hospitals-cancer-centres",
        country="AU",
        description=(
            "Regional and remote hospitals working together so that people with cancer in the "
            "bush get the same tests and treatment as city patients."
        ),
    ),
    CorpusOrganisation(
        slug="sun-country-melanoma-support",
        name="Sun Country Melanoma Support",
        group="patients-advocacy",
        country="AU",
        description=(
            "An Australian support and information service for people with melanoma and their "
            "families."
        ),
    ),
    CorpusOrganisation(
        slug="molecular-testing-quality-alliance",
        name="Molecular Testing Quality Alliance",
        group="pathologists-labs",
        country=None,
        description=(
            "An international alliance of laboratories and quality assessment providers running "
            "EQA schemes and standards for molecular pathology."
        ),
    ),
    CorpusOrganisation(
        slug="euro-precision-centres",
        name="Euro Precision Cancer Centres Network",
        group="hospitals-cancer-centres",
        country=None,
        description=(
            "A network of comprehensive cancer centres in Europe that share molecular tumour "
            "boards, protocols and trial access."
        ),
    ),
    CorpusOrganisation(
        slug="european-precision-patients-network",
        name="European Precision Medicine Patients Network",
        group="patients-advocacy",
        country=None,
        description=(
            "An umbrella of national patient organisations across Europe campaigning for "
            "biomarker testing and targeted treatment for all."
        ),
    ),
    CorpusOrganisation(
        slug="blood-cancer-patients-europe",
        name="Blood Cancer Patients Europe",
        group="patients-advocacy",
        country=None,
        description=(
            "A European federation of patient groups for leukaemia, lymphoma, myeloma and other "
            "blood cancers."
        ),
    ),
    CorpusOrganisation(
        slug="rare-genome-alliance",
        name="Rare Genome Alliance",
        group="patients-advocacy",
        country=None,
        description=(
            "An international alliance of rare disease and rare cancer patient groups working "
            "for timely genomic diagnosis."
        ),
    ),
    CorpusOrganisation(
        slug="teal-ribbon-alliance",
        name="Teal Ribbon Alliance",
        group="patients-advocacy",
        country=None,
        description="An international coalition of ovarian cancer patient organisations.",
    ),
    CorpusOrganisation(
        slug="precision-oncology-nursing-society",
        name="International Society of Precision Oncology Nursing",
        group="nurses-navigators",
        country=None,
        description=(
            "A professional society for oncology nurses and navigators working with biomarker "
            "testing and targeted therapies."
        ),
    ),
    CorpusOrganisation(
        slug="north-american-pediatric-consortium",
        name="North American Pediatric Precision Oncology Consortium",
        group="medical-societies",
        country=None,
        description=(
            "Pediatric oncologists, pathologists and genetic counselors from the US and Canada "
            "developing precision oncology standards for children."
        ),
    ),
    CorpusOrganisation(
        slug="oncology-policy-lab",
        name="Oncology Policy Lab",
        group="academia-research",
        country=None,
        description=(
            "An independent research group studying cancer policy, financing and equity of "
            "access to precision medicine."
        ),
    ),
    CorpusOrganisation(
        slug="diagnostics-access-consortium",
        name="Diagnostics Access Consortium",
        group="diagnostics-industry",
        country=None,
        description=(
            "A consortium of diagnostic test makers working on access to quality-assured "
            "molecular tests worldwide."
        ),
    ),
    CorpusOrganisation(
        slug="targeted-therapy-industry-forum",
        name="Targeted Therapy Industry Forum",
        group="pharma-industry",
        country=None,
        description=(
            "A forum of pharmaceutical companies developing targeted cancer medicines and their "
            "companion tests."
        ),
    ),
    CorpusOrganisation(
        slug="african-molecular-pathology-network",
        name="African Molecular Pathology Network",
        group="pathologists-labs",
        country="KE",
        description=(
            "A network of pathology laboratories in sub-Saharan Africa, based in Nairobi, "
            "building capacity for cancer biomarker testing."
        ),
    ),
]


RESOURCES: list[CorpusItem] = [
    # Costs, coverage and reimbursement
    resource(
        slug="paying-for-biomarker-testing",
        title="Paying for biomarker testing: a guide for patients and families",
        summary=(
            "What a biomarker test usually costs in the US, which insurance plans have to cover "
            "it, and what to do when a claim is denied or an unexpected bill arrives."
        ),
        description=(
            "A single-gene test can be billed at a few hundred dollars and a large genomic panel "
            "at several thousand, but most patients pay far less: Medicare, Medicaid and many "
            "private plans cover testing that guidelines recommend.\n\nThe guide explains how to "
            "ask the laboratory for a cost estimate before the sample is sent, what prior "
            "authorization means, which financial assistance programs laboratories run and how "
            "to appeal a denial step by step."
        ),
        organisation="biomarker-coverage-helpline",
        resource_type="patient_information",
        year=2024,
        stages=["testing-decision", "sample-analysis"],
        barriers=["out-of-pocket-costs", "test-not-reimbursed"],
        audiences=["patients-advocacy", "nurses-navigators"],
        countries=["US"],
        areas=["oncology"],
    ),
    resource(
        slug="will-i-pay-for-genomic-testing-nhs",
        title="Will I have to pay for genomic testing? An explainer for NHS patients",
        summary=(
            "Genomic tests ordered by your NHS team are free. This explainer covers what is "
            "included, what private tests cost and why a result from a private test may not be "
            "accepted by your hospital."
        ),
        description=(
            "If your oncologist or a clinical genetics service orders a test, the NHS pays for "
            "it in England, Scotland, Wales and Northern Ireland. Private companies also sell "
            "tumour and ancestry tests directly to the public. We explain what they cost, what "
            "they can and cannot tell you, and why your hospital may repeat a test that was done "
            "privately."
        ),
        organisation="genomics-patient-forum-uk",
        resource_type="patient_information",
        year=2023,
        stages=["testing-decision"],
        barriers=["out-of-pocket-costs", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["GB"],
        areas=["oncology", "rare-diseases"],
    ),
    resource(
        slug="molecular-diagnostics-reimbursement-europe",
        title=(
            "How molecular diagnostics are reimbursed in Europe: a comparison of 14 health systems"
        ),
        summary=(
            "A comparative report on how hospitals and laboratories are paid for biomarker tests "
            "and gene panels in 14 European countries, how long coverage decisions take and "
            "where patients end up paying."
        ),
        description=(
            "Tests are funded through national tariffs, hospital budgets, special funds or "
            "industry programmes. In half of the countries studied, broad panel sequencing has "
            "no tariff of its own and is paid out of hospital budgets.\n\nThe report describes "
            "three funding models, the time from a medicine's approval to the reimbursement of "
            "its test, and recommends that a test be reimbursed from the day its medicine is."
        ),
        organisation="oncology-policy-lab",
        resource_type="report",
        year=2024,
        stages=["testing-decision", "treatment-access"],
        barriers=[
            "test-not-reimbursed",
            "drug-test-reimbursement-lag",
            "unwarranted-variation-duplication",
        ],
        audiences=["payers", "hta-bodies", "policy-makers"],
        regions=["europe"],
        areas=["oncology"],
    ),
    resource(
        slug="appeal-letters-denied-biomarker-coverage",
        title="Appeal letter templates for denied biomarker test coverage",
        summary=(
            "Fill-in templates and a checklist for patients, navigators and clinic staff "
            "appealing a health plan's refusal to pay for a biomarker or genomic test."
        ),
        description=(
            "Many denials are overturned on appeal. The kit contains templates for an internal "
            "appeal, an external review and a letter of medical necessity, with the guideline "
            "citations insurers ask for.\n\nA checklist covers deadlines, prior authorization "
            "numbers and what to keep in your records."
        ),
        organisation="biomarker-coverage-helpline",
        resource_type="toolkit",
        year=2023,
        stages=["testing-decision", "sample-analysis"],
        barriers=["out-of-pocket-costs", "test-not-reimbursed"],
        audiences=["patients-advocacy", "nurses-navigators", "clinicians"],
        countries=["US"],
        areas=["oncology"],
    ),
    resource(
        slug="kostenuebernahme-biomarkertests-ratgeber",
        title="Kostenübernahme für Biomarkertests: Ein Ratgeber für Patientinnen und Patienten",
        summary=(
            "Welche molekularen Tests die gesetzliche Krankenversicherung bezahlt, wann ein "
            "Antrag nötig ist und wie Sie Widerspruch einlegen, wenn die Krankenkasse die Kosten "
            "nicht übernimmt."
        ),
        description=(
            "Viele Biomarkertests gehören in Deutschland zur Regelversorgung. Für breite "
            "Genpanels und die umfassende Genomanalyse gelten dagegen oft Sonderregeln.\n\nDer "
            "Ratgeber erklärt Schritt für Schritt, wie Sie gemeinsam mit Ihrer Ärztin oder Ihrem "
            "Arzt einen Antrag auf Kostenübernahme stellen, welche Fristen gelten und wo Sie "
            "Unterstützung bekommen."
        ),
        organisation="patientenforum-krebs-und-gene",
        resource_type="patient_information",
        year=2024,
        language="de",
        stages=["testing-decision", "treatment-access"],
        barriers=["test-not-reimbursed", "out-of-pocket-costs"],
        audiences=["patients-advocacy"],
        countries=["DE"],
        areas=["oncology"],
    ),
    resource(
        slug="joint-assessment-medicine-companion-diagnostic",
        title=(
            "Assessing a targeted medicine and its companion diagnostic together: a methods "
            "guide for HTA bodies"
        ),
        summary=(
            "Practical methods for the health technology assessment of co-dependent "
            "technologies: how to judge a test's accuracy, the cost of finding eligible patients "
            "and the value of the medicine in one appraisal."
        ),
        description=(
            "When a medicine only works for patients with a given biomarker, its value depends "
            "on the test that finds them. Assessing the two separately leads to delays, and to "
            "medicines that are paid for while their test is not.\n\nThe guide proposes a single "
            "appraisal, with worked examples from lung and breast cancer and a checklist for the "
            "evidence submission."
        ),
        organisation="diagnostics-value-institute",
        resource_type="guideline",
        year=2023,
        stages=["testing-decision", "treatment-access"],
        barriers=["drug-test-reimbursement-lag", "hta-methods-small-populations"],
        audiences=["hta-bodies", "payers", "diagnostics-industry", "pharma-industry"],
        regions=["europe"],
        areas=["oncology"],
    ),
    resource(
        slug="canada-provincial-funding-biomarker-tests",
        title="Who pays for cancer biomarker tests in Canada? Province-by-province tables",
        summary=(
            "Tables showing which cancer biomarker tests each province and territory funds, "
            "whether testing is reflex or on request, and where patients have been asked to pay "
            "privately."
        ),
        description=(
            "Funding for molecular testing in Canada is decided province by province, so a test "
            "that is routine in one province may be unfunded in the next. Updated twice a year "
            "by nurse navigators, the tables list funded tests by tumour type, the usual wait "
            "for results and a contact point for questions about costs."
        ),
        organisation="northern-lights-navigation",
        resource_type="dataset",
        year=2024,
        stages=["testing-decision", "sample-analysis"],
        barriers=[
            "test-not-reimbursed",
            "out-of-pocket-costs",
            "unwarranted-variation-duplication",
        ],
        audiences=["nurses-navigators", "patients-advocacy", "payers"],
        countries=["CA"],
        areas=["oncology"],
    ),
    # Information for patients and families
    resource(
        slug="questions-before-genetic-testing",
        title="Questions to ask your care team before a genetic or genomic test",
        summary=(
            "A printable list of questions for patients and carers to take to the appointment "
            "where a tumour test or an inherited genetic test is offered: why it is done, what "
            "it may find and what happens next."
        ),
        description=(
            "Doctors sometimes offer a genetic test in a few sentences at the end of an "
            "appointment. This list helps you slow the conversation down.\n\nAsk what the test "
            "looks for, whether it tests the tumour or the genes you were born with, how long "
            "results take, whether it costs you anything and who will explain the results. There "
            "is space for your own questions and for the answers."
        ),
        organisation="genomics-patient-forum-uk",
        resource_type="patient_information",
        year=2024,
        stages=["awareness-diagnosis", "testing-decision"],
        barriers=["too-little-plain-language-information", "patients-unaware-of-testing"],
        audiences=["patients-advocacy"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="germline-or-somatic-testing-explained",
        title="Tumour testing or inherited testing? Germline and somatic tests explained",
        summary=(
            "The difference between testing the cancer's own DNA (somatic testing) and testing "
            "the genes you were born with (germline testing), why some people are offered both "
            "and what each can mean for relatives."
        ),
        description=(
            "A somatic test looks for changes that arose in the tumour and are not passed on. A "
            "germline test, usually on blood or saliva, looks for inherited variants such as "
            "BRCA1, BRCA2 or the Lynch syndrome genes.\n\nSometimes a tumour test picks up a "
            "change that might be inherited, and a germline test is then offered to confirm it. "
            "The explainer includes diagrams and a short glossary."
        ),
        organisation="genomics-patient-forum-uk",
        resource_type="patient_information",
        year=2023,
        stages=["testing-decision", "results-interpretation"],
        barriers=["too-little-plain-language-information", "results-not-explained"],
        audiences=["patients-advocacy", "nurses-navigators"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="my-biomarker-record-folder",
        title="My biomarker record: a pocket folder to keep track of your tests",
        summary=(
            "A record sheet and folder in which patients note which biomarker tests were done, "
            "when, on which sample and what was found, to bring to every appointment and second "
            "opinion."
        ),
        description=(
            "Patients see many professionals and their results are stored in different systems. "
            "Keeping your own record means you can tell a new doctor which biomarkers were "
            "tested, ask for a re-test if the disease changes and check whether a clinical trial "
            "fits.\n\nNurses can hand out the folder at the first conversation about testing."
        ),
        organisation="precision-oncology-nursing-society",
        resource_type="patient_information",
        year=2022,
        stages=["results-interpretation", "monitoring"],
        barriers=["results-not-explained"],
        audiences=["patients-advocacy", "nurses-navigators"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="biomarker-testing-in-five-minutes",
        title="Biomarker testing in five minutes: an animated video series",
        summary=(
            "Five short animated videos explaining biomarkers, how a sample is tested, what a "
            "result means and how it can lead to a targeted treatment, with subtitles in 12 "
            "European languages."
        ),
        description=(
            "Made with patients, for patients and families who prefer watching to reading. Each "
            "video lasts under five minutes and can be shown in waiting rooms or shared by "
            "patient groups.\n\nSubtitles: English, French, German, Spanish, Italian, "
            "Portuguese, Polish, Dutch, Greek, Romanian, Czech and Hungarian."
        ),
        organisation="european-precision-patients-network",
        resource_type="training",
        year=2024,
        stages=["awareness-diagnosis", "testing-decision"],
        barriers=["patients-unaware-of-testing", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        regions=["europe"],
        areas=["oncology"],
    ),
    resource(
        slug="what-is-a-biomarker-easy-read",
        title="What is a biomarker? An easy-read guide",
        summary=(
            "An easy-read guide with pictures and short sentences for people with learning "
            "disabilities or low literacy, explaining what biomarkers are and why a doctor may "
            "want to test for them."
        ),
        description=(
            "Each page has one idea and one picture. The guide explains that a biomarker is a "
            "sign in your body or your cancer that doctors can measure, that a test can show "
            "which medicine may work best, and that you can ask someone to read the results with "
            "you. Developed with self-advocacy groups."
        ),
        organisation="genomics-patient-forum-uk",
        resource_type="patient_information",
        year=2022,
        stages=["awareness-diagnosis", "testing-decision"],
        barriers=["too-little-plain-language-information", "disparities-in-access"],
        audiences=["patients-advocacy", "nurses-navigators"],
        countries=["GB"],
        areas=["oncology"],
    ),
    resource(
        slug="journey-of-a-biopsy-sample",
        title="The journey of your biopsy: from the operating room to the lab report",
        summary=(
            "An illustrated guide that follows a tissue sample through the pathology and "
            "molecular laboratories, so that patients understand what happens to it, why it "
            "takes time and why a test can fail."
        ),
        description=(
            "After a biopsy, your tissue is fixed, embedded in wax, cut into thin slices and "
            "examined under the microscope before any biomarker test starts. Part of it is then "
            "sent for DNA or RNA testing, sometimes to another hospital.\n\nThe guide explains "
            "each step, how long it usually takes and why there is sometimes too little tumour "
            "left to test."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="patient_information",
        year=2023,
        stages=["sample-analysis"],
        barriers=[
            "poor-tissue-sample-handling",
            "too-little-plain-language-information",
            "lab-workforce-long-turnaround",
        ],
        audiences=["patients-advocacy"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="waiting-for-biomarker-results",
        title="Waiting for biomarker results: why it takes time and what you can do",
        summary=(
            "Why biomarker test results can take two to four weeks, why it is often worth "
            "waiting for them before starting treatment, and how to cope with the wait."
        ),
        description=(
            "Starting treatment before the results are known can mean missing a targeted "
            "medicine that would work better. The guide explains the steps between biopsy and "
            "report, typical turnaround times, when your team may start treatment anyway and "
            "practical ways to manage anxiety while you wait."
        ),
        organisation="precision-oncology-nursing-society",
        resource_type="patient_information",
        year=2024,
        stages=["sample-analysis", "treatment-decision"],
        barriers=["lab-workforce-long-turnaround", "too-little-plain-language-information"],
        audiences=["patients-advocacy", "nurses-navigators"],
        regions=["global"],
        areas=["oncology"],
    ),
    # Lung cancer
    resource(
        slug="low-dose-ct-lung-screening-guide",
        title="Low-dose CT lung screening: who is eligible and what to expect",
        summary=(
            "A plain guide to lung cancer screening with a low-dose CT scan for adults with a "
            "long history of smoking: who qualifies, what the scan is like and what happens "
            "after an abnormal result."
        ),
        description=(
            "Screening finds lung cancer earlier, when it is more often curable. US guidelines "
            "recommend a yearly scan for adults aged 50 to 80 who have smoked the equivalent of "
            "a pack a day for 20 years and who still smoke or quit within the last 15 years.\n\n"
            "Current and former smokers can use the checklist to talk to their doctor, find an "
            "accredited screening site and understand follow-up scans. If cancer is found, ask "
            "whether biomarker testing is part of the next steps."
        ),
        organisation="community-oncology-testing-collective",
        resource_type="patient_information",
        year=2024,
        stages=["awareness-diagnosis"],
        barriers=["patients-unaware-of-testing"],
        audiences=["patients-advocacy", "clinicians"],
        countries=["US"],
        areas=["lung-cancer"],
    ),
    resource(
        slug="living-with-alk-positive-lung-cancer",
        title="Living with ALK-positive lung cancer: a patient handbook",
        summary=(
            "Written by people with ALK-positive non-small cell lung cancer for those newly "
            "diagnosed: what the ALK rearrangement means, the tablets used to treat it, brain "
            "metastases, resistance and everyday life."
        ),
        description=(
            "ALK-positive lung cancer often affects younger people who have never smoked. "
            "Targeted tablets called ALK inhibitors can control it for years, and when they stop "
            "working, a new biopsy or blood test may show why and which drug to try next.\n\nThe "
            "handbook includes tips on managing side effects, travel, work and talking to "
            "children."
        ),
        organisation="european-precision-patients-network",
        resource_type="patient_information",
        year=2023,
        stages=["treatment-decision", "monitoring"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        regions=["global"],
        areas=["lung-cancer"],
    ),
    resource(
        slug="nsclc-biomarker-checklist-pathologists",
        title=(
            "NSCLC biomarker checklist for pathologists: EGFR, ALK, ROS1, BRAF, KRAS G12C, MET, "
            "RET, NTRK and PD-L1"
        ),
        summary=(
            "A one-page checklist of the biomarkers that European guidelines recommend testing "
            "in advanced non-small cell lung cancer, with the preferred method for each and the "
            "minimum tumour content."
        ),
        description=(
            "Designed to hang in the molecular laboratory and to be attached to request forms. "
            "For each biomarker the checklist gives the recommended method (NGS panel, IHC, FISH "
            "or RNA-based fusion testing), the sample types accepted and the turnaround time to "
            "aim for.\n\nA second page lists common reasons for failed tests and how to avoid "
            "them."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="toolkit",
        year=2024,
        stages=["testing-decision", "sample-analysis"],
        barriers=[
            "fragmented-testing-guidelines",
            "non-standard-tests-and-reports",
            "poor-tissue-sample-handling",
        ],
        audiences=["pathologists-labs", "clinicians"],
        regions=["europe"],
        areas=["lung-cancer"],
    ),
    resource(
        slug="reflex-testing-lung-cancer-implementation",
        title="Reflex biomarker testing in non-small cell lung cancer: an implementation guide",
        summary=(
            "How Canadian laboratories moved from oncologist-requested to pathologist-initiated "
            "biomarker testing at diagnosis, with the protocols, consent wording and turnaround "
            "times that made it work."
        ),
        description=(
            "With reflex testing the pathologist sends the sample for biomarker analysis as soon "
            "as non-small cell lung cancer is diagnosed, instead of waiting for the oncologist "
            "to ask. Results are then ready at the first oncology appointment.\n\nThe guide "
            "describes the steps taken in four provinces, the staff and funding needed, and the "
            "fall in time to treatment that followed."
        ),
        organisation="pan-canadian-molecular-pathology-forum",
        resource_type="guideline",
        year=2023,
        stages=["testing-decision", "sample-analysis"],
        barriers=["pathology-oncology-silos", "lab-workforce-long-turnaround"],
        audiences=["pathologists-labs", "hospitals-cancer-centres"],
        countries=["CA"],
        areas=["lung-cancer"],
    ),
    resource(
        slug="cancer-pulmon-biomarcadores-guia-pacientes",
        title="Cáncer de pulmón y biomarcadores: guía para pacientes y familiares",
        summary=(
            "Qué son los biomarcadores en el cáncer de pulmón, por qué es importante analizarlos "
            "antes de empezar el tratamiento y qué preguntas hacer al equipo médico."
        ),
        description=(
            "En el cáncer de pulmón no microcítico avanzado, biomarcadores como EGFR, ALK o ROS1 "
            "pueden indicar un tratamiento dirigido más eficaz que la quimioterapia.\n\nLa guía "
            "explica cómo se obtiene la muestra, cuánto tarda el resultado y qué significa, con "
            "testimonios de pacientes de toda España. Incluye un glosario y una lista de "
            "preguntas para la consulta."
        ),
        organisation="aepop",
        resource_type="patient_information",
        year=2024,
        language="es",
        stages=["testing-decision", "results-interpretation"],
        barriers=["patients-unaware-of-testing", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["ES"],
        areas=["lung-cancer"],
    ),
    resource(
        slug="badania-molekularne-rak-pluca-poradnik",
        title="Badania molekularne w raku płuca: poradnik dla pacjentów",
        summary=(
            "Poradnik wyjaśnia, czym są badania molekularne i genetyczne w raku płuca, kiedy "
            "należy je wykonać przed rozpoczęciem leczenia i jak rozmawiać o nich z onkologiem."
        ),
        description=(
            "U wielu chorych na niedrobnokomórkowego raka płuca wynik badania molekularnego "
            "decyduje o wyborze leczenia ukierunkowanego molekularnie lub immunoterapii.\n\nW "
            "poradniku opisujemy, jak pobiera się materiał do badania, ile trwa oczekiwanie na "
            "wynik, które badania są refundowane przez NFZ i co zrobić, gdy materiału z biopsji "
            "jest za mało."
        ),
        organisation="fundacja-glos-pluc",
        resource_type="patient_information",
        year=2024,
        language="pl",
        stages=["testing-decision", "sample-analysis"],
        barriers=["patients-unaware-of-testing", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["PL"],
        areas=["lung-cancer"],
    ),
    # Liquid biopsy
    resource(
        slug="liquid-biopsy-when-tissue-is-not-enough",
        title="When tissue is not enough: using liquid biopsy in advanced lung cancer",
        summary=(
            "Guidance for clinicians on when to order a plasma ctDNA test in advanced non-small "
            "cell lung cancer, how to read a negative result and when a tissue biopsy is still "
            "needed."
        ),
        description=(
            "Up to a quarter of lung biopsies do not yield enough tumour for broad testing. A "
            "blood test for circulating tumour DNA can find EGFR, ALK and other targetable "
            "changes within days and spare the patient a second biopsy.\n\nBecause a negative "
            "plasma result may simply mean that too little tumour DNA was shed, the guidance "
            "recommends tissue testing whenever no driver is found in blood."
        ),
        organisation="euro-precision-centres",
        resource_type="guideline",
        year=2024,
        stages=["testing-decision", "sample-analysis"],
        barriers=["poor-tissue-sample-handling"],
        audiences=["clinicians", "pathologists-labs"],
        regions=["global"],
        areas=["lung-cancer"],
    ),
    resource(
        slug="liquid-biopsy-patient-factsheet",
        title="Liquid biopsy: a blood test to look for cancer biomarkers",
        summary=(
            "A two-page factsheet for patients explaining what a liquid biopsy is, when it may "
            "be used instead of or as well as a tissue biopsy, and what its results can and "
            "cannot show."
        ),
        description=(
            "A liquid biopsy is an ordinary blood draw. The laboratory looks for tiny fragments "
            "of DNA released by the tumour into the blood. It can be quicker and easier than a "
            "new tissue biopsy, and it can be repeated to follow how the cancer changes over "
            "time.\n\nIt does not always find the tumour's DNA, so your doctor may still ask for "
            "a tissue sample."
        ),
        organisation="precision-oncology-nursing-society",
        resource_type="patient_information",
        year=2023,
        stages=["testing-decision", "sample-analysis", "monitoring"],
        barriers=["too-little-plain-language-information", "poor-tissue-sample-handling"],
        audiences=["patients-advocacy", "nurses-navigators"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="ctdna-preanalytical-standards",
        title="Circulating tumour DNA testing: pre-analytical standards for laboratories",
        summary=(
            "Agreed standards for blood collection tubes, time to processing, plasma separation "
            "and storage for ctDNA assays, so that liquid biopsy results are reliable and "
            "comparable between laboratories."
        ),
        description=(
            "Most failed or misleading ctDNA results are caused before the sample reaches the "
            "analyser. The standards set limits for each step from venepuncture to extraction, "
            "describe the controls laboratories should run and the information a report must "
            "give, including the limit of detection.\n\nThey are the basis of the Alliance's "
            "liquid biopsy EQA scheme."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="guideline",
        year=2024,
        stages=["sample-analysis"],
        barriers=["non-standard-tests-and-reports", "labs-outside-quality-schemes"],
        audiences=["pathologists-labs", "diagnostics-industry"],
        regions=["europe"],
        areas=["oncology"],
    ),
    resource(
        slug="biopsie-liquide-fiche-patient",
        title="La biopsie liquide : une simple prise de sang pour analyser votre tumeur",
        summary=(
            "Une fiche pour les patients et leurs proches : ce qu'est une biopsie liquide, dans "
            "quels cas votre oncologue peut la proposer et ce que le résultat permet de savoir."
        ),
        description=(
            "La biopsie liquide recherche dans le sang des fragments d'ADN libérés par la "
            "tumeur. Elle évite parfois une nouvelle biopsie et permet de suivre l'évolution de "
            "la maladie.\n\nLa fiche explique aussi ses limites : un résultat négatif ne veut "
            "pas toujours dire que la tumeur ne porte pas d'anomalie. Relue par des patients et "
            "des biologistes moléculaires."
        ),
        organisation="collectif-ensemble-biomarqueurs",
        resource_type="patient_information",
        year=2023,
        language="fr",
        stages=["testing-decision", "monitoring"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["FR"],
        areas=["oncology"],
    ),
    # Sequencing: NGS, CGP, WGS
    resource(
        slug="comprehensive-genomic-profiling-explained",
        title="Comprehensive genomic profiling (CGP): what it is and when it helps",
        summary=(
            "An explainer for patients and referring doctors on large tumour gene panels that "
            "test hundreds of genes at once, how they differ from single-gene tests and when "
            "guidelines recommend them."
        ),
        description=(
            "Comprehensive genomic profiling sequences hundreds of cancer genes in one test and "
            "also reports signatures such as tumour mutational burden and microsatellite "
            "instability. It is most useful in advanced cancers for which several targeted "
            "treatments or trials exist.\n\nThe explainer compares CGP with small hotspot "
            "panels, lists typical turnaround times and explains findings that may point to an "
            "inherited risk."
        ),
        organisation="diagnostics-access-consortium",
        resource_type="patient_information",
        year=2024,
        stages=["testing-decision"],
        barriers=["ngs-not-available-locally", "clinician-knowledge-gaps"],
        audiences=["patients-advocacy", "clinicians"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="whole-genome-sequencing-cancer-service-evaluation",
        title="Whole genome sequencing for cancer in routine care: a service evaluation",
        summary=(
            "An evaluation of the first two years of offering whole genome sequencing (WGS) to "
            "adults with sarcoma, brain tumours and acute leukaemia in routine NHS care: uptake, "
            "turnaround, findings and what changed for patients."
        ),
        description=(
            "About 1,900 patients had paired tumour and blood genomes sequenced. Fresh-frozen "
            "tissue was the main obstacle: only half of eligible patients had a suitable "
            "sample.\n\nA finding that altered diagnosis, prognosis or treatment was made in a "
            "third of cases, and inherited findings led to referrals for 4 % of families. The "
            "evaluation recommends changes to tissue pathways and a dedicated genomic tumour "
            "board."
        ),
        organisation="midlands-cancer-genomics-unit",
        resource_type="report",
        year=2024,
        stages=["sample-analysis", "results-interpretation"],
        barriers=["poor-tissue-sample-handling", "no-real-world-data"],
        audiences=["hospitals-cancer-centres", "pathologists-labs", "policy-makers"],
        countries=["GB"],
        areas=["oncology", "blood-cancers", "brain-tumours"],
    ),
    resource(
        slug="choosing-a-sequencing-panel-small-labs",
        title="Choosing a sequencing panel: a practical guide for small and mid-sized laboratories",
        summary=(
            "How a laboratory with modest volumes can choose, validate and run a targeted NGS "
            "panel: the genes to cover, DNA and RNA input, batching, bioinformatics and cost per "
            "sample."
        ),
        description=(
            "Many regional laboratories hesitate to bring next-generation sequencing in-house "
            "because of the upfront investment and the volumes needed to batch samples.\n\nThe "
            "guide compares amplicon and hybrid-capture panels, estimates the cost per sample at "
            "200, 500 and 1,000 samples a year, and describes a shared bioinformatics service "
            "that makes a small operation viable."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="toolkit",
        year=2023,
        stages=["sample-analysis"],
        barriers=["ngs-not-available-locally", "lab-workforce-long-turnaround"],
        audiences=["pathologists-labs", "hospitals-cancer-centres"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="broad-panel-vs-single-gene-cost-model",
        title=(
            "Broad panel sequencing versus sequential single-gene tests: an open "
            "cost-effectiveness model"
        ),
        summary=(
            "A spreadsheet model, with documentation, comparing the costs and outcomes of "
            "next-generation sequencing panels and sequential single-gene testing in advanced "
            "non-small cell lung cancer and colorectal cancer."
        ),
        description=(
            "Payers and hospitals can enter their own prices, test volumes and failure rates. "
            "The model counts the tissue used, the time to a complete result, the patients "
            "missed by sequential testing and the cost per patient correctly matched to "
            "treatment.\n\nIn the Dutch base case, broad panels were cheaper once four or more "
            "biomarkers had to be tested."
        ),
        organisation="diagnostics-value-institute",
        resource_type="dataset",
        year=2023,
        stages=["testing-decision"],
        barriers=["test-not-reimbursed", "hta-methods-small-populations"],
        audiences=["payers", "hta-bodies", "pathologists-labs"],
        countries=["NL"],
        areas=["lung-cancer", "colorectal-cancer"],
    ),
    resource(
        slug="umfassende-genomische-profilierung-leitfaden",
        title="Umfassende genomische Profilierung in der Routineversorgung: Leitfaden für Kliniken",
        summary=(
            "Der Leitfaden beschreibt, wann eine umfassende genomische Profilierung (CGP) mit "
            "großen Genpanels angezeigt ist, wie Proben vorbereitet werden und wie die "
            "Ergebnisse im Molekularen Tumorboard besprochen werden."
        ),
        description=(
            "Große Panels mit mehreren hundert Genen werden in Deutschland zunehmend auch "
            "außerhalb von Studien eingesetzt. Der Leitfaden richtet sich an onkologische "
            "Kliniken und Institute für Pathologie, die diese Diagnostik einführen wollen.\n\nEr "
            "enthält Empfehlungen zu Tumorzellgehalt, Befundstruktur, Abrechnung und zur "
            "Zusammenarbeit mit den Zentren für Personalisierte Medizin."
        ),
        organisation="ag-molekulare-pathologie-nord",
        resource_type="guideline",
        year=2024,
        language="de",
        stages=["testing-decision", "sample-analysis", "results-interpretation"],
        barriers=["ngs-not-available-locally", "non-standard-tests-and-reports"],
        audiences=["pathologists-labs", "hospitals-cancer-centres", "clinicians"],
        countries=["DE"],
        areas=["oncology"],
    ),
    resource(
        slug="validating-tumour-sequencing-bioinformatics",
        title="Validating a bioinformatics pipeline for tumour sequencing",
        summary=(
            "A step-by-step toolkit, with reference data sets, for validating the software that "
            "calls variants from tumour sequencing data before it is used for patient reports."
        ),
        description=(
            "Changes to a variant-calling pipeline can silently alter results. The toolkit "
            "provides reference samples with known variants, acceptance criteria for sensitivity "
            "and precision, and templates for documenting each release in line with ISO 15189."
        ),
        organisation="midlands-cancer-genomics-unit",
        resource_type="toolkit",
        year=2023,
        stages=["sample-analysis"],
        barriers=["non-standard-tests-and-reports", "labs-outside-quality-schemes"],
        audiences=["pathologists-labs", "academia-research"],
        regions=["global"],
        areas=["oncology"],
    ),
    # Molecular tumour boards
    resource(
        slug="molecular-tumour-board-starter-kit",
        title="Setting up a molecular tumour board: a starter kit for regional hospitals",
        summary=(
            "What a regional hospital needs to start or join a molecular tumour board: terms of "
            "reference, who should take part, a referral form, a case presentation template and "
            "ways to link with an expert centre."
        ),
        description=(
            "Regional hospitals often see patients whose sequencing results raise questions that "
            "no one on site can answer. The starter kit describes three models, from a local "
            "board to remote participation in an expert centre's weekly meeting, and gives the "
            "documents needed to start within a month.\n\nIt includes advice on data protection "
            "when cases are discussed across hospitals."
        ),
        organisation="euro-precision-centres",
        resource_type="toolkit",
        year=2023,
        stages=["results-interpretation", "treatment-decision"],
        barriers=["no-molecular-tumour-board", "pathology-oncology-silos"],
        audiences=["hospitals-cancer-centres", "clinicians", "pathologists-labs"],
        regions=["europe"],
        areas=["oncology"],
    ),
    resource(
        slug="virtual-molecular-tumor-boards-community-practices",
        title=(
            "Virtual molecular tumor boards for community oncology practices: a two-year evaluation"
        ),
        summary=(
            "Results from 38 community oncology practices that referred patients to a shared "
            "virtual molecular tumor board: how many cases were discussed, how often "
            "recommendations were followed and how many patients joined a trial."
        ),
        description=(
            "Community oncologists treat most cancer patients in the US but rarely have "
            "molecular expertise on site. Over two years, 1,240 cases were presented by "
            "video.\n\nRecommendations were followed in 71 % of cases and 9 % of patients "
            "enrolled in a clinical trial. The report describes the costs, the staffing model "
            "and the agreements between practices."
        ),
        organisation="community-oncology-testing-collective",
        resource_type="report",
        year=2024,
        stages=["results-interpretation", "treatment-decision"],
        barriers=["no-molecular-tumour-board", "disparities-in-access"],
        audiences=["hospitals-cancer-centres", "clinicians"],
        countries=["US"],
        areas=["oncology"],
    ),
    resource(
        slug="mtb-recommendation-template",
        title="MTB recommendation template: structured reporting of actionable findings",
        summary=(
            "A structured template for recording a molecular tumour board's recommendation: the "
            "findings discussed, their level of evidence, the suggested treatment or trial and "
            "what to tell the patient."
        ),
        description=(
            "Free-text minutes make it hard to see later why a treatment was recommended, or to "
            "compare boards. The template uses the ESCAT evidence scale, has fields for trial "
            "identifiers and germline follow-up, and can be imported into most hospital record "
            "systems.\n\nA short plain-language section is written for the patient."
        ),
        organisation="euro-precision-centres",
        resource_type="toolkit",
        year=2024,
        stages=["results-interpretation"],
        barriers=["non-standard-tests-and-reports", "results-not-explained"],
        audiences=["hospitals-cancer-centres", "clinicians"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="molecular-tumor-board-reti-regionali",
        title="Il Molecular Tumor Board nelle reti oncologiche regionali: linee di indirizzo",
        summary=(
            "Linee di indirizzo per istituire e far funzionare un Molecular Tumor Board "
            "regionale: composizione, criteri di accesso dei pazienti, tempi di discussione e "
            "collegamento con i centri di sequenziamento."
        ),
        description=(
            "Il documento nasce dall'esperienza di otto regioni italiane che hanno istituito un "
            "tumor board molecolare con delibera regionale. Descrive i ruoli di oncologo, "
            "patologo, genetista, biologo molecolare, bioinformatico e farmacista.\n\nSpiega "
            "come gli ospedali periferici possono chiedere la discussione di un caso e quali "
            "indicatori usare per monitorare l'attività."
        ),
        organisation="rete-italiana-oncologia-precisione",
        resource_type="guideline",
        year=2023,
        language="it",
        stages=["results-interpretation", "treatment-decision"],
        barriers=["no-molecular-tumour-board", "unwarranted-variation-duplication"],
        audiences=["hospitals-cancer-centres", "policy-makers", "clinicians"],
        countries=["IT"],
        areas=["oncology"],
    ),
    resource(
        slug="qualitaetskriterien-molekulare-tumorboards",
        title="Qualitätskriterien für Molekulare Tumorboards",
        summary=(
            "Ein Konsens deutscher Fachleute zu Mindestanforderungen an Molekulare Tumorboards: "
            "Zusammensetzung, Fallvorbereitung, Evidenzbewertung, Dokumentation und Rückmeldung "
            "an die behandelnden Ärztinnen und Ärzte."
        ),
        description=(
            "Molekulare Tumorboards gibt es inzwischen an vielen Universitätskliniken, doch "
            "Arbeitsweise und Dokumentation unterscheiden sich stark. Die Kriterien sollen eine "
            "vergleichbare Qualität sichern und die Zusammenarbeit mit zuweisenden "
            "Krankenhäusern erleichtern.\n\nEin Musterprotokoll und eine Checkliste für die "
            "Fallanmeldung sind beigefügt."
        ),
        organisation="ag-molekulare-pathologie-nord",
        resource_type="guideline",
        year=2023,
        language="de",
        stages=["results-interpretation", "treatment-decision"],
        barriers=["no-molecular-tumour-board", "non-standard-tests-and-reports"],
        audiences=["hospitals-cancer-centres", "clinicians", "pathologists-labs"],
        countries=["DE"],
        areas=["oncology"],
    ),
    resource(
        slug="comites-moleculares-tumores-espana-mapa",
        title="Mapa de comités moleculares de tumores en España",
        summary=(
            "Un directorio actualizado de los comités moleculares de tumores de los hospitales "
            "españoles, con los tipos de cáncer que revisan, cómo derivar un caso y los datos de "
            "contacto."
        ),
        description=(
            "Los pacientes y los oncólogos de hospitales pequeños a menudo no saben a qué comité "
            "molecular pueden derivar un caso. El mapa reúne 58 comités en 15 comunidades "
            "autónomas y se actualiza cada seis meses con la información que envían los propios "
            "hospitales."
        ),
        organisation="aepop",
        resource_type="dataset",
        year=2024,
        language="es",
        stages=["results-interpretation", "referral-assessment"],
        barriers=["no-molecular-tumour-board", "weak-referral-routes"],
        audiences=["clinicians", "patients-advocacy", "hospitals-cancer-centres"],
        countries=["ES"],
        areas=["oncology"],
    ),
    # Laboratory quality
    resource(
        slug="ngs-eqa-scheme-results-2023",
        title=(
            "External quality assessment of tumour NGS testing: results of the 2023 European scheme"
        ),
        summary=(
            "Results of an EQA round in which 212 laboratories from 31 countries sequenced the "
            "same reference samples: error rates by gene, the commonest causes of mistakes and "
            "how reports were scored."
        ),
        description=(
            "Each laboratory analysed five samples with known variants in lung and colorectal "
            "cancer genes. Genotyping errors fell from 6.1 % to 3.8 % since the previous round, "
            "but one report in five left out the tumour cell content or the limits of the "
            "test.\n\nLaboratories that failed were offered a follow-up webinar and a re-test."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="report",
        year=2024,
        stages=["sample-analysis", "results-interpretation"],
        barriers=["labs-outside-quality-schemes", "non-standard-tests-and-reports"],
        audiences=["pathologists-labs", "regulators"],
        regions=["europe"],
        areas=["lung-cancer", "colorectal-cancer"],
    ),
    resource(
        slug="iso-15189-molecular-pathology-accreditation",
        title="Getting accredited: ISO 15189 for molecular pathology laboratories",
        summary=(
            "A guide to preparing a molecular pathology laboratory for ISO 15189 accreditation: "
            "quality manual, validation files, staff competence records, proficiency testing and "
            "the assessment visit."
        ),
        description=(
            "Written by laboratory managers who went through accreditation recently, the guide "
            "estimates the time and staff needed, gives templates for the documents assessors "
            "ask for first and lists the non-conformities most often found in sequencing "
            "laboratories."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="guideline",
        year=2022,
        stages=["sample-analysis"],
        barriers=["labs-outside-quality-schemes"],
        audiences=["pathologists-labs", "regulators"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="pd-l1-scoring-online-training",
        title="PD-L1 immunohistochemistry scoring: online training for pathologists",
        summary=(
            "A self-paced course with 120 digitised slides that teaches pathologists to score "
            "PD-L1 in lung, head and neck, gastric and bladder cancers, with a certificate after "
            "a final assessment."
        ),
        description=(
            "PD-L1 scores decide whether many patients receive immunotherapy, yet agreement "
            "between pathologists is only moderate near the cut-offs. The course covers the "
            "tumour proportion score, the combined positive score and the immune cell score, "
            "with feedback on every slide."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="training",
        year=2023,
        stages=["sample-analysis"],
        barriers=["non-standard-tests-and-reports", "clinician-knowledge-gaps"],
        audiences=["pathologists-labs"],
        regions=["global"],
        areas=["lung-cancer", "gastric-cancer", "oncology"],
    ),
    resource(
        slug="standard-structure-molecular-pathology-reports",
        title="A standard structure for molecular pathology reports",
        summary=(
            "A consensus report structure for molecular pathology results, listing the required "
            "sections, how to state what was not tested and how to phrase the clinical meaning "
            "of a variant."
        ),
        description=(
            "Reports that bury the key result on page three or leave out the genes that were not "
            "covered are easily misread. The consensus, agreed by pathologists, oncologists and "
            "patient representatives from 14 countries, puts a one-line conclusion first, lists "
            "variants with their level of evidence and ends with a glossary for patients."
        ),
        organisation="molecular-testing-quality-alliance",
        resource_type="guideline",
        year=2023,
        stages=["results-interpretation"],
        barriers=["non-standard-tests-and-reports", "results-not-explained"],
        audiences=["pathologists-labs", "clinicians"],
        regions=["europe"],
        areas=["oncology"],
    ),
    # Companion diagnostics and regulation
    resource(
        slug="companion-diagnostics-ivdr-briefing",
        title=(
            "Companion diagnostics under the EU IVDR: what changes for hospitals and laboratories"
        ),
        summary=(
            "A briefing on the In Vitro Diagnostic Medical Devices Regulation (IVDR) and "
            "companion diagnostics: notified body review, the in-house exemption for hospital "
            "laboratories and the transition deadlines."
        ),
        description=(
            "Under the IVDR, companion diagnostics need a notified body certificate and a "
            "consultation with the medicines regulator. Hospital laboratories may still use "
            "in-house tests when no equivalent CE-marked test is available, but must justify and "
            "document it.\n\nThe briefing explains the transition periods and the risk that some "
            "tests are withdrawn from the market."
        ),
        organisation="diagnostics-access-consortium",
        resource_type="policy_paper",
        year=2024,
        stages=["testing-decision", "sample-analysis"],
        barriers=["drug-test-reimbursement-lag", "non-standard-tests-and-reports"],
        audiences=["regulators", "pathologists-labs", "diagnostics-industry"],
        regions=["europe"],
        areas=["oncology"],
    ),
    resource(
        slug="co-developing-medicine-and-companion-diagnostic",
        title="Co-developing a targeted medicine and its companion diagnostic: lessons learned",
        summary=(
            "Case studies of 11 medicines on aligning drug and test development, regulatory "
            "filing and launch, so that a validated test is available in every market on the day "
            "the medicine is approved."
        ),
        description=(
            "Because tests were not available in time, patients in several countries could not "
            "be identified for a new medicine for up to two years. The report identifies the "
            "decisions that caused the gaps, such as relying on a test run in a single "
            "laboratory, and proposes a shared timeline for pharmaceutical and diagnostic "
            "partners."
        ),
        organisation="targeted-therapy-industry-forum",
        resource_type="report",
        year=2022,
        stages=["testing-decision", "treatment-access"],
        barriers=["drug-test-reimbursement-lag"],
        audiences=["pharma-industry", "diagnostics-industry", "regulators"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="laboratory-developed-tests-us-policy-brief",
        title=(
            "Laboratory-developed tests in the United States: what new oversight means for "
            "cancer patients"
        ),
        summary=(
            "A policy brief on the regulation of laboratory-developed tests (LDTs), which "
            "include many tumor sequencing panels, and on its possible effects on access, price "
            "and innovation."
        ),
        description=(
            "Most comprehensive genomic tests used in US oncology are LDTs, developed and run by "
            "a single laboratory. The brief summarizes the positions of laboratories, patient "
            "groups and regulators, the recent court decisions, and the questions patients can "
            "ask about the test they are offered."
        ),
        organisation="oncology-policy-lab",
        resource_type="policy_paper",
        year=2024,
        stages=["testing-decision"],
        barriers=["non-standard-tests-and-reports"],
        audiences=["policy-makers", "regulators", "pathologists-labs"],
        countries=["US"],
        areas=["oncology"],
    ),
    # Clinical trials
    resource(
        slug="find-a-clinical-trial-matching-your-biomarkers",
        title="How to find a clinical trial that matches your tumour's biomarkers",
        summary=(
            "A step-by-step guide for patients and carers to searching trial registries with "
            "their biomarker results, understanding eligibility criteria and asking their "
            "oncologist for a referral."
        ),
        description=(
            "Trials of targeted medicines often look for a specific change, such as a KRAS, HER2 "
            "or NTRK alteration. The guide shows how to search ClinicalTrials.gov and the EU "
            "Clinical Trials Information System with your results, which words in the "
            "eligibility criteria matter most, and how to ask about travel costs."
        ),
        organisation="precision-oncology-nursing-society",
        resource_type="patient_information",
        year=2024,
        stages=["treatment-decision", "treatment-access"],
        barriers=["few-routes-off-label-trials", "too-little-plain-language-information"],
        audiences=["patients-advocacy", "nurses-navigators"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="trial-matching-tools-compared",
        title="Clinical trial matching tools compared: a review for patient navigators",
        summary=(
            "A review of 14 online services and software tools that match patients to cancer "
            "clinical trials, scored on coverage, ease of use, privacy and how well they handle "
            "biomarker results."
        ),
        description=(
            "Navigators tested each tool with the same 20 anonymized patient profiles. Tools "
            "that accepted structured biomarker data found relevant trials twice as often as "
            "keyword searches.\n\nFew tools covered trials outside North America and Europe, and "
            "only three explained how they used the personal data entered."
        ),
        organisation="northern-lights-navigation",
        resource_type="report",
        year=2024,
        stages=["treatment-decision", "treatment-access"],
        barriers=["few-routes-off-label-trials"],
        audiences=["nurses-navigators", "patients-advocacy", "clinicians"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="ensaios-clinicos-guia-doentes",
        title="Ensaios clínicos em oncologia de precisão: guia para doentes",
        summary=(
            "O que é um ensaio clínico, como saber se existe um estudo adequado ao resultado do "
            "seu teste de biomarcadores e que perguntas fazer antes de aceitar participar."
        ),
        description=(
            "Muitos medicamentos dirigidos estão disponíveis primeiro em ensaios clínicos. O "
            "guia explica as fases de um ensaio, o consentimento informado, os direitos dos "
            "participantes e como pesquisar estudos a decorrer em Portugal e noutros países da "
            "União Europeia.\n\nInclui testemunhos de doentes que participaram em ensaios."
        ),
        organisation="associacao-doentes-oncologia-precisao",
        resource_type="patient_information",
        year=2023,
        language="pt",
        stages=["treatment-decision", "treatment-access"],
        barriers=["few-routes-off-label-trials", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["PT"],
        areas=["oncology"],
    ),
    resource(
        slug="clinical-trial-in-another-eu-country",
        title="Joining a clinical trial in another EU country: a practical guide",
        summary=(
            "What patients need to know to take part in a clinical trial abroad within the EU: "
            "referral, the cross-border healthcare directive, who pays for travel and follow-up, "
            "and how to share medical records."
        ),
        description=(
            "A trial matched to a rare biomarker may only be open in another country. The guide "
            "explains how to ask your oncologist for a referral, how the S2 form and the "
            "cross-border healthcare directive can cover costs, and how follow-up is shared "
            "between the trial site and your home hospital.\n\nChecklists are included for "
            "patients and for referring doctors."
        ),
        organisation="european-precision-patients-network",
        resource_type="patient_information",
        year=2024,
        stages=["treatment-access"],
        barriers=["few-routes-off-label-trials", "disparities-in-access"],
        audiences=["patients-advocacy", "clinicians"],
        regions=["europe"],
        areas=["oncology"],
    ),
    # Immunotherapy
    resource(
        slug="immunotherapy-side-effects-diary",
        title="Immunotherapy side effects: a diary and guide for patients",
        summary=(
            "A guide to the side effects of checkpoint inhibitor immunotherapy, when to call the "
            "care team straight away, and a diary to record symptoms between appointments."
        ),
        description=(
            "Immunotherapy can make the immune system attack healthy organs, sometimes weeks or "
            "months after treatment started. Reporting diarrhoea, breathlessness, rash or "
            "tiredness early makes serious problems less likely.\n\nThe guide uses a "
            "traffic-light system and includes a wallet card to show to emergency staff."
        ),
        organisation="precision-oncology-nursing-society",
        resource_type="patient_information",
        year=2023,
        stages=["treatment-decision", "monitoring"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy", "nurses-navigators"],
        regions=["global"],
        areas=["oncology", "melanoma", "lung-cancer"],
    ),
    resource(
        slug="immunotherapy-biomarkers-msi-tmb-pd-l1",
        title="MSI, TMB and PD-L1: biomarkers for immunotherapy in solid tumours",
        summary=(
            "A summary for clinicians of the biomarkers used to select patients for immune "
            "checkpoint inhibitors: microsatellite instability and mismatch repair deficiency, "
            "tumour mutational burden and PD-L1 expression."
        ),
        description=(
            "The summary sets out for which tumours each biomarker is an approved basis for "
            "treatment, the accepted test methods and cut-offs, and the pitfalls, such as "
            "differences between TMB assays.\n\nA table compares the tumour-agnostic approvals "
            "in the US and in Europe."
        ),
        organisation="euro-precision-centres",
        resource_type="guideline",
        year=2023,
        stages=["testing-decision", "treatment-decision"],
        barriers=["clinician-knowledge-gaps", "fragmented-testing-guidelines"],
        audiences=["clinicians", "pathologists-labs"],
        regions=["global"],
        areas=["oncology", "colorectal-cancer"],
    ),
    resource(
        slug="immuntherapie-bei-krebs-broschuere",
        title="Immuntherapie bei Krebs: Was Patientinnen und Patienten wissen sollten",
        summary=(
            "Die Broschüre erklärt, wie Immuntherapien mit Checkpoint-Hemmern wirken, welche "
            "Biomarker vorher getestet werden und welche Nebenwirkungen auftreten können."
        ),
        description=(
            "Immuntherapien haben die Behandlung des Melanoms, des Lungenkrebses und weiterer "
            "Krebsarten verändert. Nicht alle Patientinnen und Patienten profitieren davon; "
            "Tests auf PD-L1 oder Mikrosatelliteninstabilität helfen bei der Auswahl.\n\n"
            "Ausführlich beschrieben werden Nebenwirkungen an Haut, Darm, Lunge und Hormondrüsen "
            "und wann Sie sofort Ihr Behandlungsteam anrufen sollten."
        ),
        organisation="patientenforum-krebs-und-gene",
        resource_type="patient_information",
        year=2024,
        language="de",
        stages=["treatment-decision", "monitoring"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["DE", "AT", "CH"],
        areas=["oncology", "melanoma", "lung-cancer"],
    ),
    # Breast, colorectal, prostate, ovarian cancer and melanoma
    resource(
        slug="brca-result-what-it-means-for-family",
        title="A BRCA result: what it means for you and your family",
        summary=(
            "For people found to carry a BRCA1 or BRCA2 variant: the cancer risks, the options "
            "for screening and risk-reducing surgery, and how to tell relatives who may want a "
            "test."
        ),
        description=(
            "Finding a BRCA variant can change treatment, for example by making a PARP inhibitor "
            "an option, and it can matter for brothers, sisters and children.\n\nThe guide "
            "includes a template letter for relatives, explains NHS family testing and covers "
            "the risks of breast, ovarian, prostate and pancreatic cancer."
        ),
        organisation="genomics-patient-forum-uk",
        resource_type="patient_information",
        year=2023,
        stages=["results-interpretation", "monitoring"],
        barriers=["results-not-explained", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["GB"],
        areas=["breast-cancer", "ovarian-cancer", "prostate-cancer"],
    ),
    resource(
        slug="esr1-testing-metastatic-breast-cancer",
        title="ESR1 mutation testing in hormone receptor-positive metastatic breast cancer",
        summary=(
            "Recommendations on when and how to test for ESR1 mutations in women and men with "
            "HR-positive, HER2-negative advanced breast cancer that progresses on hormone "
            "therapy, preferably by liquid biopsy."
        ),
        description=(
            "ESR1 mutations develop during aromatase inhibitor treatment and predict benefit "
            "from newer oral hormone therapies. Because they appear during treatment, a test at "
            "diagnosis is not enough: the recommendations advise a ctDNA test at each "
            "progression and describe the sensitivity needed."
        ),
        organisation="euro-precision-centres",
        resource_type="guideline",
        year=2024,
        stages=["testing-decision", "monitoring"],
        barriers=["clinician-knowledge-gaps", "fragmented-testing-guidelines"],
        audiences=["clinicians", "pathologists-labs"],
        regions=["global"],
        areas=["breast-cancer"],
    ),
    resource(
        slug="cancer-du-sein-tests-genomiques",
        title="Cancer du sein : les tests génomiques qui aident à décider d'une chimiothérapie",
        summary=(
            "Ce que sont les signatures génomiques pour le cancer du sein précoce, à qui elles "
            "sont proposées en France et comment elles peuvent éviter une chimiothérapie inutile."
        ),
        description=(
            "Après une chirurgie pour un cancer du sein hormonosensible, il n'est pas toujours "
            "évident de savoir si une chimiothérapie apportera un bénéfice. Les tests de "
            "signature génomique analysent l'activité de plusieurs dizaines de gènes de la "
            "tumeur pour estimer le risque de récidive.\n\nLa fiche détaille les conditions de "
            "prise en charge par l'Assurance maladie et les questions à poser à votre oncologue."
        ),
        organisation="collectif-ensemble-biomarqueurs",
        resource_type="patient_information",
        year=2024,
        language="fr",
        stages=["testing-decision", "treatment-decision"],
        barriers=["too-little-plain-language-information", "test-not-reimbursed"],
        audiences=["patients-advocacy"],
        countries=["FR"],
        areas=["breast-cancer"],
    ),
    resource(
        slug="breast-cancer-gene-expression-test-audit",
        title="Access to gene expression tests in early breast cancer: a national audit",
        summary=(
            "An audit of 3,400 Australian women with early breast cancer showing who was offered "
            "a gene expression signature test, how often they paid for it themselves and how "
            "results changed chemotherapy decisions."
        ),
        description=(
            "Without public funding the test cost patients around 4,000 dollars, and uptake was "
            "three times lower in regional and remote areas than in capital cities. Where the "
            "test was done, chemotherapy was avoided in about a third of women.\n\nThe audit "
            "supports funding the test through Medicare."
        ),
        organisation="remote-cancer-care-australia",
        resource_type="report",
        year=2023,
        stages=["testing-decision", "treatment-decision"],
        barriers=["out-of-pocket-costs", "disparities-in-access", "test-not-reimbursed"],
        audiences=["payers", "policy-makers", "clinicians"],
        countries=["AU"],
        areas=["breast-cancer"],
    ),
    resource(
        slug="lynch-syndrome-bowel-cancer-families",
        title="Lynch syndrome and bowel cancer: a guide for families",
        summary=(
            "Every bowel cancer is now checked for signs of Lynch syndrome. This guide explains "
            "the tumour test (MMR or MSI), what happens if it suggests an inherited cause and "
            "the screening offered to relatives."
        ),
        description=(
            "Lynch syndrome raises the risk of bowel, womb and some other cancers. Testing the "
            "tumour for mismatch repair deficiency is the first step; a blood test then checks "
            "whether the change is inherited.\n\nRelatives who carry it are offered regular "
            "colonoscopy from the age of 25. The guide has a family tree template and a letter "
            "to share with relatives."
        ),
        organisation="primary-care-genomics-group",
        resource_type="patient_information",
        year=2023,
        stages=["testing-decision", "results-interpretation"],
        barriers=["results-not-explained", "too-little-plain-language-information"],
        audiences=["patients-advocacy", "clinicians"],
        countries=["GB"],
        areas=["colorectal-cancer"],
    ),
    resource(
        slug="cancer-colorrectal-avanzado-biomarcadores",
        title="Cáncer colorrectal avanzado: ¿qué biomarcadores deben analizarse?",
        summary=(
            "Guía breve sobre los biomarcadores RAS, BRAF, HER2 e inestabilidad de "
            "microsatélites (MSI) en el cáncer colorrectal metastásico y su papel en la elección "
            "del tratamiento."
        ),
        description=(
            "Antes de iniciar el tratamiento del cáncer colorrectal metastásico deberían "
            "conocerse el estado de RAS y BRAF y la inestabilidad de microsatélites. De ello "
            "depende, por ejemplo, que un anticuerpo anti-EGFR o la inmunoterapia sean opciones "
            "adecuadas.\n\nLa guía incluye un esquema del proceso diagnóstico y una lista de "
            "asociaciones de pacientes en España."
        ),
        organisation="aepop",
        resource_type="patient_information",
        year=2023,
        language="es",
        stages=["testing-decision", "treatment-decision"],
        barriers=["patients-unaware-of-testing", "clinician-knowledge-gaps"],
        audiences=["patients-advocacy"],
        countries=["ES"],
        areas=["colorectal-cancer"],
    ),
    resource(
        slug="prostate-cancer-genetic-testing-guide",
        title="Prostate cancer and genetic testing: BRCA, PARP inhibitors and your family",
        summary=(
            "Why men with advanced prostate cancer are now offered genetic testing, what a BRCA "
            "or other DNA repair gene result means for treatment with a PARP inhibitor, and what "
            "it means for their children."
        ),
        description=(
            "Around one in eight men with metastatic prostate cancer carries an inherited change "
            "in a DNA repair gene. Testing both the tumor and the blood can open treatment with "
            "a PARP inhibitor or a clinical trial, and relatives may want their own test.\n\nThe "
            "guide explains the tests, the costs under Medicare and private insurance, and how "
            "to talk with family."
        ),
        organisation="community-oncology-testing-collective",
        resource_type="patient_information",
        year=2024,
        stages=["testing-decision", "treatment-decision"],
        barriers=["patients-unaware-of-testing", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["US"],
        areas=["prostate-cancer"],
    ),
    resource(
        slug="tumore-prostata-test-genetico",
        title="Tumore della prostata: quando è utile il test genetico",
        summary=(
            "Una guida per pazienti e familiari su quando, nel tumore della prostata, è indicato "
            "il test dei geni BRCA1 e BRCA2 e che cosa comporta un risultato positivo per le "
            "cure e per i parenti."
        ),
        description=(
            "Nel tumore della prostata metastatico resistente alla castrazione, il test genetico "
            "può rendere possibile la terapia con un PARP-inibitore. Se la mutazione è "
            "ereditaria, anche i familiari possono rivolgersi a una consulenza genetica.\n\nLa "
            "guida spiega la differenza tra il test sul tessuto tumorale e quello sul sangue e "
            "come chiederlo al proprio oncologo."
        ),
        organisation="rete-italiana-oncologia-precisione",
        resource_type="patient_information",
        year=2024,
        language="it",
        stages=["testing-decision", "results-interpretation"],
        barriers=["patients-unaware-of-testing", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["IT"],
        areas=["prostate-cancer"],
    ),
    resource(
        slug="ovarian-cancer-hrd-testing-explained",
        title="HRD testing in ovarian cancer, explained",
        summary=(
            "What homologous recombination deficiency (HRD) means, how it is tested in ovarian "
            "cancer and why the result matters for maintenance treatment with a PARP inhibitor."
        ),
        description=(
            "About half of high-grade serous ovarian cancers cannot repair DNA damage properly, "
            "because of a BRCA mutation or for other reasons. An HRD test on the tumour shows "
            "this and helps decide who benefits most from PARP inhibitor maintenance after "
            "chemotherapy.\n\nThe explainer also covers BRCA testing in blood and what it means "
            "for relatives."
        ),
        organisation="teal-ribbon-alliance",
        resource_type="patient_information",
        year=2024,
        stages=["testing-decision", "treatment-decision"],
        barriers=["too-little-plain-language-information", "patients-unaware-of-testing"],
        audiences=["patients-advocacy"],
        regions=["global"],
        areas=["ovarian-cancer"],
    ),
    resource(
        slug="melanoma-braf-test-factsheet",
        title="Melanoma and the BRAF test: a factsheet",
        summary=(
            "A factsheet for people with stage III or IV melanoma on the BRAF mutation test, how "
            "the result guides the choice between targeted therapy and immunotherapy, and how "
            "long it takes."
        ),
        description=(
            "About four in ten melanomas carry a BRAF V600 mutation. If yours does, combined "
            "BRAF and MEK inhibitor tablets are an option as well as immunotherapy. The test is "
            "funded by Medicare for advanced melanoma and usually takes one to two weeks."
        ),
        organisation="sun-country-melanoma-support",
        resource_type="patient_information",
        year=2023,
        stages=["testing-decision", "treatment-decision"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["AU"],
        areas=["melanoma"],
    ),
    resource(
        slug="melanoma-teste-braf",
        title="Melanoma: o que é o teste BRAF e por que ele é importante",
        summary=(
            "Material para pacientes com melanoma avançado sobre o teste da mutação BRAF, como o "
            "resultado orienta a escolha entre terapia-alvo e imunoterapia e como ter acesso ao "
            "exame pelo SUS ou pelo plano de saúde."
        ),
        description=(
            "Cerca de metade dos melanomas cutâneos apresenta mutação no gene BRAF. O exame é "
            "feito no tecido do tumor retirado na cirurgia ou na biópsia.\n\nO material explica "
            "os prazos, os direitos do paciente junto aos planos de saúde e os caminhos para "
            "solicitar o teste na rede pública."
        ),
        organisation="instituto-brasileiro-oncologia-precisao",
        resource_type="patient_information",
        year=2024,
        language="pt",
        stages=["testing-decision", "treatment-access"],
        barriers=["out-of-pocket-costs", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["BR"],
        areas=["melanoma"],
    ),
    # Blood cancers and children
    resource(
        slug="childhood-leukaemia-genetic-tests-parents",
        title="Genetic tests in childhood leukaemia: a guide for parents",
        summary=(
            "For parents of a child diagnosed with acute lymphoblastic or acute myeloid "
            "leukaemia: which genetic tests are done on the leukaemia cells, how the results "
            "shape the treatment plan and what MRD tests during treatment mean."
        ),
        description=(
            "Genetic changes in the leukaemia cells, such as the Philadelphia chromosome or an "
            "ETV6-RUNX1 fusion, help doctors decide how intensive treatment needs to be. Minimal "
            "residual disease tests during treatment show how well it is working.\n\nThe guide "
            "explains each test in plain words, with a glossary and space for questions for the "
            "paediatric haematology team."
        ),
        organisation="blood-cancer-patients-europe",
        resource_type="patient_information",
        year=2024,
        stages=["testing-decision", "results-interpretation", "monitoring"],
        barriers=["results-not-explained", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        regions=["europe"],
        areas=["blood-cancers"],
    ),
    resource(
        slug="aml-molecular-testing-turnaround-standards",
        title="Rapid molecular testing in acute myeloid leukemia: turnaround time standards",
        summary=(
            "Standards for how fast FLT3, NPM1, IDH1/2 and other results should reach the "
            "treating team in newly diagnosed AML, so that targeted drugs can be added to "
            "induction therapy in time."
        ),
        description=(
            "In acute myeloid leukemia, treatment starts within days. A FLT3 result that arrives "
            "after induction has begun can mean a missed chance to add a targeted drug.\n\nThe "
            "standards set a target of three days for FLT3 and NPM1 and seven days for a full "
            "myeloid NGS panel, and describe how community hospitals can meet them by sending "
            "samples to a reference laboratory by overnight courier."
        ),
        organisation="community-oncology-testing-collective",
        resource_type="guideline",
        year=2024,
        stages=["sample-analysis", "treatment-decision"],
        barriers=["lab-workforce-long-turnaround"],
        audiences=["pathologists-labs", "clinicians", "hospitals-cancer-centres"],
        countries=["US"],
        areas=["blood-cancers"],
    ),
    resource(
        slug="cll-targeted-treatments-and-tests",
        title="Chronic lymphocytic leukaemia (CLL): targeted treatments and the tests behind them",
        summary=(
            "A guide for people with CLL to the TP53, del(17p) and IGHV tests done before "
            "treatment, and to the targeted tablets and infusions the results point to."
        ),
        description=(
            "Many people with CLL are monitored for years before they need treatment. When it is "
            "needed, tests on the leukaemia cells show whether chemo-immunotherapy is likely to "
            "work or whether a BTK inhibitor or venetoclax is a better choice.\n\nThe guide "
            "explains why the tests are repeated before each new line of treatment."
        ),
        organisation="blood-cancer-patients-europe",
        resource_type="patient_information",
        year=2023,
        stages=["testing-decision", "treatment-decision", "monitoring"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        regions=["europe"],
        areas=["blood-cancers"],
    ),
    resource(
        slug="bialaczka-u-dzieci-poradnik-dla-rodzicow",
        title="Białaczka u dzieci: badania genetyczne i leczenie. Poradnik dla rodziców",
        summary=(
            "Poradnik dla rodziców dzieci z ostrą białaczką limfoblastyczną lub szpikową: jakie "
            "badania genetyczne wykonuje się przy rozpoznaniu, co oznacza choroba resztkowa "
            "(MRD) i jak wyniki wpływają na leczenie."
        ),
        description=(
            "Wyniki badań cytogenetycznych i molekularnych komórek białaczkowych pozwalają "
            "lekarzom dobrać intensywność leczenia. W trakcie terapii bada się chorobę "
            "resztkową, aby sprawdzić, czy leczenie działa.\n\nPoradnik tłumaczy te badania "
            "prostym językiem i podpowiada, o co pytać zespół hematologów dziecięcych."
        ),
        organisation="polska-siec-onkologii-precyzyjnej",
        resource_type="patient_information",
        year=2023,
        language="pl",
        stages=["testing-decision", "results-interpretation"],
        barriers=["too-little-plain-language-information", "results-not-explained"],
        audiences=["patients-advocacy"],
        countries=["PL"],
        areas=["blood-cancers"],
    ),
    resource(
        slug="myeloma-mrd-testing-explained",
        title="Minimal residual disease (MRD) testing in multiple myeloma",
        summary=(
            "What an MRD test measures after myeloma treatment, how it is done on bone marrow "
            "and what an MRD-negative result does and does not mean for the future."
        ),
        description=(
            "Highly sensitive tests can find one myeloma cell among a million normal cells. "
            "Being MRD-negative is linked to longer remissions, and trials are testing whether "
            "treatment can be stopped or reduced on that basis.\n\nThe explainer describes "
            "next-generation flow cytometry and sequencing methods and lists questions for the "
            "haematologist."
        ),
        organisation="blood-cancer-patients-europe",
        resource_type="patient_information",
        year=2024,
        stages=["monitoring", "results-interpretation"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        regions=["europe"],
        areas=["blood-cancers"],
    ),
    resource(
        slug="pediatric-tumor-sequencing-consensus",
        title="Consensus recommendations for tumor sequencing in pediatric cancers",
        summary=(
            "Recommendations from pediatric oncologists, pathologists and genetic counselors on "
            "which children and adolescents with cancer should have tumor and germline "
            "sequencing, and when."
        ),
        description=(
            "Up to one in ten children with cancer carries an inherited predisposition, and many "
            "pediatric tumors are driven by gene fusions that targeted drugs can block.\n\nThe "
            "consensus recommends paired tumor-normal sequencing with RNA analysis for all "
            "relapsed or high-risk solid tumors and leukemias, genetic counseling for families, "
            "and return of results within four weeks."
        ),
        organisation="north-american-pediatric-consortium",
        resource_type="guideline",
        year=2023,
        stages=["testing-decision", "results-interpretation"],
        barriers=["fragmented-testing-guidelines", "clinician-knowledge-gaps"],
        audiences=["clinicians", "medical-societies"],
        countries=["US", "CA"],
        regions=["americas"],
        areas=["oncology", "blood-cancers", "brain-tumours"],
    ),
    resource(
        slug="methylation-profiling-childrens-brain-tumours",
        title="DNA methylation profiling for children's brain tumours: a European survey",
        summary=(
            "A survey of 64 paediatric neuro-oncology centres in 22 European countries on access "
            "to DNA methylation profiling, which classifies brain tumours more precisely than "
            "the microscope alone."
        ),
        description=(
            "Methylation arrays changed the diagnosis in about one in eight childhood brain "
            "tumours in published studies. The survey found that most centres in western Europe "
            "test routinely, while centres in several eastern European countries send samples "
            "abroad or do not test at all.\n\nIt recommends a funded European reference service."
        ),
        organisation="euro-precision-centres",
        resource_type="report",
        year=2024,
        stages=["referral-assessment", "sample-analysis"],
        barriers=["ngs-not-available-locally", "unwarranted-variation-duplication"],
        audiences=["hospitals-cancer-centres", "policy-makers", "pathologists-labs"],
        regions=["europe"],
        areas=["brain-tumours"],
    ),
    # Rare diseases
    resource(
        slug="genome-sequencing-rare-disease-diagnostic-odyssey",
        title="Ending the diagnostic odyssey: genome sequencing for rare diseases",
        summary=(
            "A report on how whole genome and exome sequencing shorten the years many families "
            "wait for a rare disease diagnosis, with evidence from 12 national programmes and "
            "recommendations for health systems."
        ),
        description=(
            "People with a rare disease wait on average almost five years for a diagnosis, "
            "seeing many specialists along the way. First-line genome sequencing gives a "
            "diagnosis in 25 to 40 % of children with a suspected genetic condition and can end "
            "needless tests.\n\nThe report calls for genome sequencing to be offered early, for "
            "unsolved cases to be reanalysed and for data to be shared between countries."
        ),
        organisation="rare-genome-alliance",
        resource_type="report",
        year=2023,
        stages=["awareness-diagnosis", "referral-assessment"],
        barriers=["weak-referral-routes", "no-real-world-data"],
        audiences=["policy-makers", "patients-advocacy", "payers"],
        regions=["global"],
        areas=["rare-diseases"],
    ),
    resource(
        slug="rare-cancer-patient-registry-toolkit",
        title="Building a patient registry for a rare cancer: a toolkit for patient groups",
        summary=(
            "How patient organisations can set up and run a registry for a rare cancer: "
            "governance, consent, choosing a data platform, working with clinicians and sharing "
            "data with researchers."
        ),
        description=(
            "Rare cancers are seldom studied because patients are scattered across many "
            "hospitals, and patient-led registries can bring the numbers together. The toolkit "
            "draws on registries for sarcoma, cholangiocarcinoma and neuroendocrine tumours, and "
            "includes template consent forms that comply with the GDPR."
        ),
        organisation="rare-genome-alliance",
        resource_type="toolkit",
        year=2022,
        stages=["monitoring"],
        barriers=["no-real-world-data", "patient-experience-data-underused"],
        audiences=["patients-advocacy", "academia-research"],
        regions=["europe"],
        areas=["rare-diseases", "oncology"],
    ),
    resource(
        slug="maladies-rares-diagnostic-genomique-familles",
        title="Maladies rares : le diagnostic génomique expliqué aux familles",
        summary=(
            "Un guide pour les familles sur le séquençage du génome dans le diagnostic des "
            "maladies rares en France : qui peut en bénéficier, comment se passe la prescription "
            "et ce que signifie un résultat."
        ),
        description=(
            "En France, le séquençage du génome peut être prescrit pour certaines maladies rares "
            "dans le cadre du Plan France Médecine Génomique. Le guide décrit le rôle du "
            "généticien, le consentement, le délai d'attente et la possibilité que l'analyse ne "
            "trouve pas de cause.\n\nIl aborde aussi les découvertes qui concernent d'autres "
            "membres de la famille."
        ),
        organisation="rare-genome-alliance",
        resource_type="patient_information",
        year=2024,
        language="fr",
        stages=["awareness-diagnosis", "testing-decision", "results-interpretation"],
        barriers=["too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["FR"],
        areas=["rare-diseases"],
    ),
    # Equity, rural access and navigation
    resource(
        slug="biomarker-testing-rural-remote-australia",
        title="Biomarker testing in rural and remote Australia: barriers and what works",
        summary=(
            "A report on why people with cancer who live outside major cities are tested less "
            "often and wait longer for results, and on the courier, telehealth and outreach "
            "models that have closed the gap."
        ),
        description=(
            "Patients in remote areas were 30 % less likely to have a biomarker result before "
            "starting treatment for lung or colorectal cancer, and samples sometimes took a week "
            "to reach a laboratory.\n\nThe report describes a courier scheme, tele-oncology "
            "appointments and visiting nurse navigators, with their costs and results, and "
            "includes the voices of Aboriginal and Torres Strait Islander patients."
        ),
        organisation="remote-cancer-care-australia",
        resource_type="report",
        year=2024,
        stages=["testing-decision", "sample-analysis"],
        barriers=["disparities-in-access", "lab-workforce-long-turnaround"],
        audiences=["policy-makers", "hospitals-cancer-centres", "nurses-navigators"],
        countries=["AU"],
        areas=["lung-cancer", "colorectal-cancer"],
    ),
    resource(
        slug="patient-navigation-precision-oncology-curriculum",
        title=(
            "Patient navigation in precision oncology: a training curriculum for nurse navigators"
        ),
        summary=(
            "A 12-module curriculum that prepares nurse and lay navigators to guide patients "
            "through biomarker testing, results, targeted treatment and referral to trials."
        ),
        description=(
            "Navigators are often the first to notice that a test has not been ordered or a "
            "result has not been discussed. The curriculum covers the biology of biomarkers in "
            "plain terms, tracking samples and results, coverage questions, cultural safety and "
            "when to escalate to the oncologist.\n\nEach module has case studies and a short "
            "assessment."
        ),
        organisation="northern-lights-navigation",
        resource_type="training",
        year=2023,
        stages=["testing-decision", "results-interpretation", "treatment-access"],
        barriers=["clinician-knowledge-gaps", "results-not-explained"],
        audiences=["nurses-navigators"],
        countries=["CA", "US"],
        areas=["oncology"],
    ),
    resource(
        slug="racial-gaps-biomarker-testing-policy",
        title="Closing racial and ethnic gaps in biomarker testing: evidence and policy options",
        summary=(
            "A policy paper reviewing the evidence that Black and Hispanic patients with lung, "
            "colorectal and prostate cancer are tested less often, and setting out options for "
            "payers, health systems and lawmakers."
        ),
        description=(
            "The differences persist after accounting for insurance and stage. The paper points "
            "to where patients are treated, clinician bias, mistrust and under-representation in "
            "genomic databases.\n\nOptions include reporting testing rates by race and "
            "ethnicity, reflex testing, coverage mandates and funding for community health "
            "workers."
        ),
        organisation="oncology-policy-lab",
        resource_type="policy_paper",
        year=2024,
        stages=["testing-decision"],
        barriers=["disparities-in-access", "no-real-world-data"],
        audiences=["policy-makers", "payers", "hospitals-cancer-centres"],
        countries=["US"],
        areas=["lung-cancer", "colorectal-cancer", "prostate-cancer"],
    ),
    resource(
        slug="genetic-testing-through-an-interpreter",
        title="Talking about genetic testing through an interpreter: a toolkit for clinicians",
        summary=(
            "Advice and phrase lists for clinicians and genetic counsellors who discuss tumour "
            "or inherited genetic testing with patients through a professional interpreter."
        ),
        description=(
            "Ideas such as a variant of uncertain significance or an inherited risk are hard to "
            "translate. The toolkit includes a briefing sheet for interpreters, a glossary in "
            "eight languages and a checklist for the consultation, and explains why family "
            "members should not be asked to interpret."
        ),
        organisation="primary-care-genomics-group",
        resource_type="toolkit",
        year=2023,
        stages=["testing-decision", "results-interpretation"],
        barriers=["disparities-in-access", "too-little-plain-language-information"],
        audiences=["clinicians", "nurses-navigators"],
        countries=["GB"],
        areas=["oncology"],
    ),
    resource(
        slug="equidad-medicina-precision-america-latina",
        title="Equidad en el acceso a la medicina de precisión en América Latina: informe regional",
        summary=(
            "Informe sobre las desigualdades en el acceso a pruebas de biomarcadores y terapias "
            "dirigidas en ocho países latinoamericanos, entre sistemas públicos y privados y "
            "entre capitales y zonas rurales."
        ),
        description=(
            "En la mayoría de los países estudiados, las pruebas moleculares se concentran en "
            "pocos centros de las capitales y a menudo las financia la industria farmacéutica. "
            "Los pacientes de zonas rurales y del sistema público esperan más y reciben menos "
            "pruebas.\n\nEl informe propone incluir las pruebas en los planes de beneficios, "
            "crear redes de laboratorios de referencia y medir el acceso con indicadores comunes."
        ),
        organisation="red-latam-oncologia-precision",
        resource_type="report",
        year=2024,
        language="es",
        stages=["testing-decision", "treatment-access"],
        barriers=[
            "disparities-in-access",
            "test-not-reimbursed",
            "unwarranted-variation-duplication",
        ],
        audiences=["policy-makers", "payers"],
        regions=["americas"],
        areas=["oncology"],
    ),
    # Survivorship and monitoring
    resource(
        slug="long-term-targeted-therapy-care-plan",
        title="Living well on long-term targeted therapy: a survivorship care plan template",
        summary=(
            "A care plan template for people who take targeted cancer tablets for years: "
            "follow-up scans, side-effect checks, heart and bone health, fertility, emotional "
            "support and work."
        ),
        description=(
            "More people now live for many years with advanced cancer controlled by a targeted "
            "drug, and their needs differ from those of people who have finished treatment.\n\n"
            "The template, filled in with the nurse or oncologist, sets out who is responsible "
            "for each check and is reviewed every six months."
        ),
        organisation="precision-oncology-nursing-society",
        resource_type="toolkit",
        year=2024,
        stages=["monitoring"],
        barriers=["patient-needs-poorly-understood"],
        audiences=["nurses-navigators", "patients-advocacy", "clinicians"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="working-during-and-after-cancer-treatment",
        title="Working during and after cancer treatment: your rights and practical tips",
        summary=(
            "A guide for people with cancer in the UK on staying in or returning to work: "
            "talking to your employer, reasonable adjustments under the Equality Act, sick pay "
            "and phased returns."
        ),
        description=(
            "Cancer counts as a disability under UK law from the day of diagnosis, and employers "
            "must consider reasonable adjustments such as flexible hours or time off for "
            "appointments.\n\nThe guide includes sample letters and advice for people on "
            "long-term targeted treatments, whose side effects may be ongoing."
        ),
        organisation="genomics-patient-forum-uk",
        resource_type="patient_information",
        year=2023,
        stages=["monitoring"],
        barriers=["patient-needs-poorly-understood"],
        audiences=["patients-advocacy"],
        countries=["GB"],
        areas=["oncology"],
    ),
    resource(
        slug="retesting-when-treatment-stops-working",
        title="When treatment stops working: why a new biopsy or blood test may help",
        summary=(
            "Why cancers can change under targeted treatment, how a repeat tissue or liquid "
            "biopsy at progression can find the cause of resistance, and what new options it can "
            "open."
        ),
        description=(
            "Resistance to a targeted medicine often comes from a new mutation, such as EGFR "
            "T790M or an ALK resistance mutation, or from the cancer switching to another growth "
            "pathway. Re-testing can identify a next-line medicine or a trial.\n\nThe guide "
            "helps patients ask whether re-testing is planned and which sample will be used."
        ),
        organisation="euro-precision-centres",
        resource_type="patient_information",
        year=2024,
        stages=["monitoring", "testing-decision"],
        barriers=["clinician-knowledge-gaps", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        regions=["global"],
        areas=["lung-cancer", "oncology"],
    ),
    # Data and evidence
    resource(
        slug="biomarker-testing-rates-open-dataset",
        title="Open dataset: biomarker testing rates by country, region and tumour type",
        summary=(
            "Downloadable data on the share of patients with advanced lung, colorectal, breast "
            "and ovarian cancer who received the recommended biomarker tests in 19 European "
            "countries, 2019 to 2023."
        ),
        description=(
            "The figures combine national registries, laboratory network data and published "
            "audits, with the source and method of each value. Testing rates for lung cancer "
            "ranged from 42 % to 95 % between countries.\n\nThe data are released under an open "
            "licence with a data dictionary and the code to reproduce the charts."
        ),
        organisation="oncology-policy-lab",
        resource_type="dataset",
        year=2024,
        stages=["testing-decision"],
        barriers=["no-real-world-data", "unwarranted-variation-duplication"],
        audiences=["academia-research", "policy-makers"],
        regions=["europe"],
        areas=["lung-cancer", "colorectal-cancer", "breast-cancer", "ovarian-cancer"],
    ),
    resource(
        slug="patient-reported-outcomes-precision-oncology",
        title="Collecting patient-reported outcomes in precision oncology: a practical toolkit",
        summary=(
            "How to choose and collect patient-reported outcome measures (PROMs) and experience "
            "measures (PREMs) for people on targeted therapies and in biomarker-driven trials, "
            "and how to use the results."
        ),
        description=(
            "Standard quality-of-life questionnaires miss some of the long-term, low-grade side "
            "effects of daily targeted tablets. The toolkit recommends a core set of measures, "
            "electronic collection between visits and ways of feeding the results back to "
            "patients, clinicians and HTA bodies."
        ),
        organisation="euro-precision-centres",
        resource_type="toolkit",
        year=2023,
        stages=["monitoring"],
        barriers=["patient-experience-data-underused"],
        audiences=["academia-research", "hta-bodies", "clinicians", "patients-advocacy"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="sharing-genomic-data-consent-guide",
        title="Sharing your genomic data for research: a guide to consent and your rights",
        summary=(
            "What happens when you agree to share your genetic test results for research in "
            "Europe: who can access them, how they are protected under the GDPR and how to "
            "withdraw consent."
        ),
        description=(
            "Research on rare variants depends on data from many patients. The guide explains "
            "broad and dynamic consent, pseudonymisation, the European Health Data Space and the "
            "questions to ask before signing a consent form."
        ),
        organisation="rare-genome-alliance",
        resource_type="patient_information",
        year=2023,
        stages=["testing-decision", "monitoring"],
        barriers=["no-real-world-data"],
        audiences=["patients-advocacy", "academia-research"],
        regions=["europe"],
        areas=["rare-diseases", "oncology"],
    ),
    # Policy
    resource(
        slug="precision-medicine-in-national-cancer-plans",
        title=(
            "Putting precision medicine into national cancer plans: a checklist for policy makers"
        ),
        summary=(
            "A checklist of 20 measures that national cancer control plans should contain to "
            "make biomarker testing and targeted treatment available to every eligible patient, "
            "with examples from countries that have them."
        ),
        description=(
            "Many national cancer plans mention precision medicine only in passing. The "
            "checklist covers funding for testing, laboratory quality, data, workforce, patient "
            "information and targets with deadlines, and scores 30 published plans against it."
        ),
        organisation="oncology-policy-lab",
        resource_type="policy_paper",
        year=2023,
        stages=["testing-decision", "treatment-access"],
        barriers=["unwarranted-variation-duplication", "test-not-reimbursed", "no-real-world-data"],
        audiences=["policy-makers"],
        regions=["global"],
        areas=["oncology"],
    ),
    resource(
        slug="accesso-test-ngs-regioni-italiane",
        title="Accesso ai test NGS nelle regioni italiane: rapporto 2024",
        summary=(
            "Il rapporto confronta le regioni italiane per disponibilità dei test di "
            "sequenziamento di nuova generazione, tempi di risposta e modalità di rimborso, e "
            "mette in luce le differenze tra Nord e Sud."
        ),
        description=(
            "Nonostante il fondo nazionale per i test genomici, l'accesso resta disomogeneo: in "
            "alcune regioni i test NGS sono eseguiti solo da uno o due centri e i tempi di "
            "risposta superano le tre settimane.\n\nIl rapporto propone una rete nazionale di "
            "laboratori accreditati e tariffe uniformi."
        ),
        organisation="rete-italiana-oncologia-precisione",
        resource_type="report",
        year=2024,
        language="it",
        stages=["testing-decision", "sample-analysis"],
        barriers=[
            "ngs-not-available-locally",
            "unwarranted-variation-duplication",
            "test-not-reimbursed",
        ],
        audiences=["policy-makers", "payers", "pathologists-labs"],
        countries=["IT"],
        areas=["oncology"],
    ),
    resource(
        slug="refundacja-badan-molekularnych-raport",
        title="Refundacja badań molekularnych w onkologii: raport i rekomendacje",
        summary=(
            "Raport analizuje, jak w Polsce finansowane są badania molekularne w nowotworach, "
            "jak długo pacjenci czekają na wyniki i jakie zmiany w refundacji pozwoliłyby "
            "szybciej rozpocząć leczenie celowane."
        ),
        description=(
            "Badania NGS są finansowane tylko w części wskazań, a szpitale często muszą pokrywać "
            "ich koszt z własnego budżetu.\n\nRaport zawiera wyniki ankiety wśród patomorfologów "
            "i onkologów oraz rekomendacje dla Ministerstwa Zdrowia i NFZ."
        ),
        organisation="fundacja-glos-pluc",
        resource_type="policy_paper",
        year=2024,
        language="pl",
        stages=["testing-decision", "sample-analysis"],
        barriers=["test-not-reimbursed", "drug-test-reimbursement-lag"],
        audiences=["policy-makers", "payers"],
        countries=["PL"],
        areas=["oncology"],
    ),
    resource(
        slug="acesso-testes-biomarcadores-sus",
        title="Acesso a testes de biomarcadores no SUS: relatório de situação",
        summary=(
            "Relatório sobre a oferta de testes moleculares para pacientes com câncer no Sistema "
            "Único de Saúde, com dados por estado, tempos de espera e recomendações para a "
            "incorporação de novos exames."
        ),
        description=(
            "Grande parte dos testes de biomarcadores realizados no Brasil ainda depende de "
            "programas patrocinados pela indústria farmacêutica. Pacientes do SUS nas regiões "
            "Norte e Nordeste esperam mais e têm acesso a menos exames.\n\nO relatório recomenda "
            "que a Conitec incorpore os testes junto com os medicamentos correspondentes e que "
            "sejam criados laboratórios de referência regionais."
        ),
        organisation="instituto-brasileiro-oncologia-precisao",
        resource_type="report",
        year=2024,
        language="pt",
        stages=["testing-decision", "treatment-access"],
        barriers=["test-not-reimbursed", "disparities-in-access", "drug-test-reimbursement-lag"],
        audiences=["policy-makers", "payers", "hta-bodies"],
        countries=["BR"],
        areas=["oncology"],
    ),
    resource(
        slug="infirmiers-coordination-oncologie-precision",
        title=(
            "Accompagner le parcours en oncologie de précision : guide pour les infirmiers de "
            "coordination"
        ),
        summary=(
            "Un guide pratique pour les infirmières et infirmiers de coordination en "
            "cancérologie : suivre les demandes de tests moléculaires, expliquer les résultats "
            "et orienter vers les essais cliniques."
        ),
        description=(
            "L'infirmier de coordination est souvent l'interlocuteur que le patient joint le "
            "plus facilement. Le guide propose des fiches sur les principaux biomarqueurs, un "
            "circuit de suivi des prélèvements, des formulations simples pour expliquer un "
            "résultat et les contacts des plateformes de génétique moléculaire."
        ),
        organisation="precision-oncology-nursing-society",
        resource_type="training",
        year=2023,
        language="fr",
        stages=["testing-decision", "results-interpretation"],
        barriers=["results-not-explained", "clinician-knowledge-gaps"],
        audiences=["nurses-navigators"],
        countries=["FR"],
        areas=["oncology"],
    ),
    # Beyond oncology
    resource(
        slug="familial-hypercholesterolaemia-genetic-testing-gps",
        title="Genetic testing for familial hypercholesterolaemia: a guide for GPs",
        summary=(
            "When to suspect familial hypercholesterolaemia in primary care, how to refer for "
            "genetic testing and how testing relatives prevents early heart attacks."
        ),
        description=(
            "Familial hypercholesterolaemia affects about 1 in 250 people, but most are "
            "undiagnosed. The guide explains the Simon Broome and Dutch Lipid Clinic criteria, "
            "the referral route to lipid clinics and how GP practices can search their records "
            "for people with very high cholesterol."
        ),
        organisation="primary-care-genomics-group",
        resource_type="guideline",
        year=2023,
        stages=["awareness-diagnosis", "referral-assessment"],
        barriers=["weak-referral-routes", "clinician-knowledge-gaps"],
        audiences=["clinicians"],
        countries=["GB"],
        areas=["cardiovascular"],
    ),
    resource(
        slug="pharmacogenomic-testing-primary-care-toolkit",
        title="Pharmacogenomic testing before prescribing: a primary care toolkit",
        summary=(
            "A toolkit for GP practices and pharmacists on using pharmacogenomic (PGx) test "
            "results when prescribing common medicines such as clopidogrel, statins, "
            "antidepressants and fluoropyrimidine chemotherapy."
        ),
        description=(
            "Inherited differences in how the body handles medicines explain some side effects "
            "and treatment failures. The toolkit gives prescribing tables based on international "
            "guidelines, explains how results are stored in the GP record and includes patient "
            "leaflets.\n\nA section covers DPYD testing before capecitabine or 5-FU chemotherapy."
        ),
        organisation="primary-care-genomics-group",
        resource_type="toolkit",
        year=2024,
        stages=["treatment-decision"],
        barriers=["clinician-knowledge-gaps"],
        audiences=["clinicians"],
        countries=["GB"],
        areas=["cardiovascular", "neurology", "oncology"],
    ),
]

INITIATIVES: list[CorpusItem] = [
    initiative(
        slug="community-lung-health-checks",
        title=(
            "Lung health checks in the community: a screening pilot for current and former smokers"
        ),
        summary=(
            "A mobile unit in supermarket car parks offers people aged 55 to 74 who smoke or "
            "used to smoke a lung health check and, where eligible, a low-dose CT scan on the "
            "spot."
        ),
        description=(
            "The pilot targets towns with high smoking rates and low uptake of GP appointments. "
            "Invitations go out through GP practices, and people can also walk in.\n\nAnyone "
            "with a suspicious scan is referred straight to a lung cancer clinic, where "
            "biomarker testing is requested at diagnosis."
        ),
        organisation="north-coast-lung-health",
        phase="active",
        stages=["awareness-diagnosis", "referral-assessment"],
        barriers=["disparities-in-access", "weak-referral-routes"],
        audiences=["hospitals-cancer-centres", "policy-makers", "patients-advocacy"],
        countries=["GB"],
        areas=["lung-cancer"],
    ),
    initiative(
        slug="provincial-reflex-ngs-lung-programme",
        title="Reflex NGS for every new non-small cell lung cancer: a provincial programme",
        summary=(
            "Since 2023 every non-squamous non-small cell lung cancer diagnosed in the province "
            "is automatically sent for a DNA and RNA sequencing panel, with results due within "
            "ten working days."
        ),
        description=(
            "The programme funds sequencing centrally, runs sample couriers from 22 hospitals "
            "and reports results to both the pathologist and the oncologist. A dashboard tracks "
            "the share of patients with a complete result before their first oncology visit."
        ),
        organisation="pan-canadian-molecular-pathology-forum",
        phase="active",
        stages=["testing-decision", "sample-analysis"],
        barriers=[
            "pathology-oncology-silos",
            "ngs-not-available-locally",
            "lab-workforce-long-turnaround",
        ],
        audiences=["pathologists-labs", "hospitals-cancer-centres", "payers"],
        countries=["CA"],
        areas=["lung-cancer"],
    ),
    initiative(
        slug="pilotazowy-program-profilowania-genomowego",
        title="Pilotażowy program kompleksowego profilowania genomowego nowotworów",
        summary=(
            "Program pilotażowy w sześciu ośrodkach onkologicznych: chorzy z zaawansowanymi "
            "nowotworami litymi mają wykonywane kompleksowe profilowanie genomowe (CGP), a "
            "wyniki omawia molekularny tumor board."
        ),
        description=(
            "Celem programu jest sprawdzenie, ilu pacjentów dzięki szerokiemu panelowi genów "
            "otrzyma leczenie celowane lub miejsce w badaniu klinicznym i ile kosztuje takie "
            "postępowanie.\n\nWyniki posłużą do przygotowania wniosku o refundację badań CGP w "
            "Polsce."
        ),
        organisation="polska-siec-onkologii-precyzyjnej",
        phase="active",
        language="pl",
        stages=["testing-decision", "results-interpretation"],
        barriers=["ngs-not-available-locally", "test-not-reimbursed"],
        audiences=["hospitals-cancer-centres", "payers", "policy-makers"],
        countries=["PL"],
        areas=["oncology"],
    ),
    initiative(
        slug="ogolnopolska-siec-molekularnych-tumor-boardow",
        title="Ogólnopolska sieć molekularnych tumor boardów",
        summary=(
            "Sieć łącząca szpitale powiatowe i wojewódzkie z ośrodkami akademickimi, które co "
            "tydzień omawiają online wyniki badań molekularnych pacjentów z całej Polski."
        ),
        description=(
            "Lekarz z dowolnego szpitala może zgłosić pacjenta przez formularz internetowy. "
            "Zespół onkologów, patomorfologów, genetyków klinicznych i bioinformatyków "
            "przygotowuje zalecenie w ciągu dwóch tygodni, także co do udziału w badaniach "
            "klinicznych."
        ),
        organisation="polska-siec-onkologii-precyzyjnej",
        phase="active",
        language="pl",
        stages=["results-interpretation", "treatment-decision"],
        barriers=["no-molecular-tumour-board", "weak-referral-routes"],
        audiences=["hospitals-cancer-centres", "clinicians"],
        countries=["PL"],
        areas=["oncology"],
    ),
    initiative(
        slug="european-mtb-second-opinion-network",
        title="A second-opinion network of molecular tumour boards across Europe",
        summary=(
            "Expert molecular tumour boards in nine European countries take turns to review, by "
            "video, complex cases referred by hospitals that have no board of their own."
        ),
        description=(
            "Hospitals submit a case with the sequencing report and a short clinical summary in "
            "English. A rotating expert board replies within ten working days with a written "
            "recommendation, including trials open in the region.\n\nParticipation is free for "
            "referring hospitals."
        ),
        organisation="euro-precision-centres",
        phase="active",
        stages=["results-interpretation", "treatment-decision"],
        barriers=["no-molecular-tumour-board", "unwarranted-variation-duplication"],
        audiences=["hospitals-cancer-centres", "clinicians"],
        regions=["europe"],
        areas=["oncology"],
    ),
    initiative(
        slug="tumor-board-access-rural-clinics",
        title="Tumor board access for rural cancer clinics",
        summary=(
            "A program connecting rural and tribal cancer clinics in five Mountain West states "
            "to an academic molecular tumor board by telehealth, with navigators who follow up "
            "on the recommendations."
        ),
        description=(
            "Clinics present cases monthly or on demand. After each board a navigator contacts "
            "the patient to explain the recommendation, help with insurance approval and arrange "
            "trial screening where needed."
        ),
        organisation="community-oncology-testing-collective",
        phase="active",
        stages=["results-interpretation", "treatment-decision"],
        barriers=["no-molecular-tumour-board", "disparities-in-access"],
        audiences=["hospitals-cancer-centres", "nurses-navigators"],
        countries=["US"],
        areas=["oncology"],
    ),
    initiative(
        slug="liquid-biopsy-eqa-pilot-round",
        title="First pan-European EQA round for ctDNA liquid biopsy testing",
        summary=(
            "A pilot external quality assessment round in which 96 laboratories tested "
            "artificial plasma samples with known EGFR, KRAS and PIK3CA variants at low allele "
            "frequencies."
        ),
        description=(
            "Laboratories found most variants above 1 % allele frequency, but results below 0.5 "
            "% varied widely and several reports did not state the assay's limit of "
            "detection.\n\nThe round led to the Alliance's pre-analytical standards and to an "
            "annual scheme from 2025."
        ),
        organisation="molecular-testing-quality-alliance",
        phase="completed",
        stages=["sample-analysis"],
        barriers=["labs-outside-quality-schemes", "non-standard-tests-and-reports"],
        audiences=["pathologists-labs", "diagnostics-industry"],
        regions=["europe"],
        areas=["oncology"],
    ),
    initiative(
        slug="programa-control-calidad-biomarcadores",
        title="Programa nacional de control de calidad externo en biomarcadores oncológicos",
        summary=(
            "Programa que envía cada año muestras de referencia a los laboratorios de anatomía "
            "patológica de España para evaluar la fiabilidad de sus pruebas de biomarcadores, "
            "desde la inmunohistoquímica hasta la secuenciación masiva."
        ),
        description=(
            "Participan más de 120 laboratorios públicos y privados. Cada ronda incluye casos de "
            "cáncer de pulmón, colorrectal y de mama, y los resultados se devuelven con un "
            "informe individual y recomendaciones.\n\nLos laboratorios con resultados "
            "insuficientes reciben formación y repiten la evaluación."
        ),
        organisation="grupo-calidad-patologia-molecular",
        phase="active",
        language="es",
        stages=["sample-analysis"],
        barriers=["labs-outside-quality-schemes", "non-standard-tests-and-reports"],
        audiences=["pathologists-labs"],
        countries=["ES"],
        areas=["lung-cancer", "colorectal-cancer", "breast-cancer"],
    ),
    initiative(
        slug="biomarker-navigators-community-hospitals",
        title="Biomarker navigators in community hospitals",
        summary=(
            "A patient navigation program that places a trained biomarker navigator in 14 "
            "community hospitals to make sure every patient with advanced lung or colorectal "
            "cancer is tested, has the results explained and starts matched treatment."
        ),
        description=(
            "Navigators follow each new diagnosis from pathology to treatment, chase missing "
            "test orders, help with insurance paperwork and sit in on the results "
            "conversation.\n\nThe program publishes its testing rates every quarter."
        ),
        organisation="community-oncology-testing-collective",
        phase="active",
        stages=["testing-decision", "results-interpretation", "treatment-access"],
        barriers=["results-not-explained", "disparities-in-access", "out-of-pocket-costs"],
        audiences=["nurses-navigators", "hospitals-cancer-centres"],
        countries=["US"],
        areas=["lung-cancer", "colorectal-cancer"],
    ),
    initiative(
        slug="ask-before-you-start-campaign",
        title="Ask before you start: a Europe-wide campaign on biomarker testing",
        summary=(
            "A campaign run by patient organisations in 16 countries that encourages people "
            "newly diagnosed with cancer to ask, before their first treatment, whether biomarker "
            "testing is right for them."
        ),
        description=(
            "Posters, short videos and social media material are produced centrally and adapted "
            "to each language by national patient groups. A toolkit helps member organisations "
            "brief journalists and hold local events during Precision Medicine Week each May."
        ),
        organisation="european-precision-patients-network",
        phase="active",
        stages=["awareness-diagnosis", "testing-decision"],
        barriers=["patients-unaware-of-testing"],
        audiences=["patients-advocacy"],
        regions=["europe"],
        areas=["oncology"],
    ),
    initiative(
        slug="genome-sequencing-every-child-high-risk-cancer",
        title="Whole genome sequencing for every child with high-risk cancer",
        summary=(
            "A national program offering whole genome and RNA sequencing, drug screening on "
            "tumour cells and a molecular tumour board to every Australian child with a "
            "high-risk or relapsed cancer."
        ),
        description=(
            "Results reach the treating team within eight weeks. More than seven in ten children "
            "have had a finding that could guide treatment, and about one in six a germline "
            "finding relevant to the family.\n\nThe program also opens targeted-therapy trials "
            "for children."
        ),
        organisation="southern-cross-childrens-genomics",
        phase="active",
        stages=["testing-decision", "results-interpretation", "treatment-decision"],
        barriers=["few-routes-off-label-trials", "no-molecular-tumour-board"],
        audiences=["hospitals-cancer-centres", "clinicians", "academia-research"],
        countries=["AU"],
        areas=["oncology", "blood-cancers", "brain-tumours"],
    ),
    initiative(
        slug="childhood-leukaemia-mrd-network-europe",
        title="A European network for MRD testing in childhood leukaemia",
        summary=(
            "Reference laboratories in 12 countries harmonise minimal residual disease (MRD) "
            "testing for children with acute lymphoblastic leukaemia, so that treatment "
            "decisions rest on comparable results wherever a child is treated."
        ),
        description=(
            "The network runs joint quality rounds, shares standard operating procedures and "
            "offers MRD testing to centres in countries without a reference laboratory, with "
            "samples sent by courier within 48 hours."
        ),
        organisation="euro-precision-centres",
        phase="active",
        stages=["sample-analysis", "monitoring"],
        barriers=["non-standard-tests-and-reports", "unwarranted-variation-duplication"],
        audiences=["pathologists-labs", "hospitals-cancer-centres"],
        regions=["europe"],
        areas=["blood-cancers"],
    ),
    initiative(
        slug="praezisionsonkologie-laendliche-regionen",
        title=(
            "Präzisionsonkologie für ländliche Regionen: Telepathologie und Tumorboard-Sprechstunde"
        ),
        summary=(
            "Ein Netzwerk im Nordosten Deutschlands verbindet kleine Krankenhäuser über digitale "
            "Pathologie und eine wöchentliche Video-Sprechstunde mit einem Molekularen "
            "Tumorboard."
        ),
        description=(
            "Gewebeschnitte werden eingescannt und sofort von Fachpathologinnen und "
            "Fachpathologen begutachtet; Proben für die Sequenzierung gehen per Kurier an das "
            "Zentrum. Die Patientinnen und Patienten werden weiter in ihrem Krankenhaus vor Ort "
            "behandelt.\n\nDas Projekt wird vom Land gefördert und wissenschaftlich begleitet."
        ),
        organisation="ag-molekulare-pathologie-nord",
        phase="active",
        language="de",
        stages=["sample-analysis", "results-interpretation"],
        barriers=["disparities-in-access", "no-molecular-tumour-board", "weak-referral-routes"],
        audiences=["hospitals-cancer-centres", "pathologists-labs"],
        countries=["DE"],
        areas=["oncology"],
    ),
    initiative(
        slug="sequencage-genome-cancer-programme-regional",
        title=(
            "Séquençage du génome en cancérologie : un programme régional pour réduire les délais"
        ),
        summary=(
            "Programme régional qui organise l'envoi des prélèvements tumoraux vers les "
            "plateformes de séquençage et vise un délai de rendu des résultats inférieur à six "
            "semaines pour les patients atteints de cancers avancés."
        ),
        description=(
            "Faute d'échantillon congelé, le séquençage du génome ne peut souvent pas être "
            "prescrit. Le programme forme les équipes des hôpitaux de la région à la congélation "
            "des prélèvements, finance un circuit de transport dédié et suit les délais à chaque "
            "étape."
        ),
        organisation="reseau-atlantique-oncogenomique",
        phase="active",
        language="fr",
        stages=["sample-analysis"],
        barriers=["poor-tissue-sample-handling", "lab-workforce-long-turnaround"],
        audiences=["hospitals-cancer-centres", "pathologists-labs"],
        countries=["FR"],
        areas=["oncology"],
    ),
    initiative(
        slug="rete-regionale-laboratori-ngs",
        title="Rete regionale dei laboratori per i test NGS",
        summary=(
            "Una rete di cinque laboratori accreditati che esegue i test di sequenziamento di "
            "nuova generazione (NGS) per tutti gli ospedali della regione, con un unico modulo "
            "di richiesta e tempi di risposta garantiti."
        ),
        description=(
            "Gli ospedali inviano i campioni con un servizio di trasporto dedicato; i referti "
            "arrivano in media in dieci giorni lavorativi e vengono discussi nel tumor board "
            "molecolare regionale.\n\nLa rete ha ridotto i test ripetuti e i costi per paziente."
        ),
        organisation="rete-italiana-oncologia-precisione",
        phase="active",
        language="it",
        stages=["sample-analysis", "testing-decision"],
        barriers=["ngs-not-available-locally", "unwarranted-variation-duplication"],
        audiences=["pathologists-labs", "hospitals-cancer-centres", "policy-makers"],
        countries=["IT"],
        areas=["oncology"],
    ),
    initiative(
        slug="rede-testagem-molecular-sus",
        title="Rede de testagem molecular para pacientes do SUS",
        summary=(
            "Rede que leva testes de biomarcadores a pacientes com câncer de pulmão e colorretal "
            "atendidos no SUS, com coleta nos hospitais de origem e análise em laboratórios de "
            "referência em oncologia de precisão."
        ),
        description=(
            "Os hospitais participantes enviam as amostras por transportadora; os laudos chegam "
            "em até quinze dias e são discutidos em reuniões virtuais com oncologistas.\n\nA "
            "rede também coleta dados sobre tempos de espera e tratamentos para apoiar a "
            "incorporação dos testes pelo Ministério da Saúde."
        ),
        organisation="instituto-brasileiro-oncologia-precisao",
        phase="active",
        language="pt",
        stages=["sample-analysis", "testing-decision"],
        barriers=["disparities-in-access", "test-not-reimbursed", "no-real-world-data"],
        audiences=["hospitals-cancer-centres", "policy-makers"],
        countries=["BR"],
        areas=["lung-cancer", "colorectal-cancer"],
    ),
    initiative(
        slug="red-latinoamericana-biopsia-liquida",
        title="Red latinoamericana de biopsia líquida",
        summary=(
            "Red de hospitales y laboratorios de México, Argentina, Colombia y Chile que ofrece "
            "biopsia líquida a pacientes con cáncer de pulmón cuando no hay tejido suficiente "
            "para el estudio molecular."
        ),
        description=(
            "La red comparte protocolos de extracción de sangre y transporte, un programa común "
            "de control de calidad y una plataforma de informes.\n\nLos oncólogos de hospitales "
            "públicos pueden solicitar la prueba sin costo para el paciente durante la fase "
            "piloto."
        ),
        organisation="red-latam-oncologia-precision",
        phase="active",
        language="es",
        stages=["sample-analysis", "testing-decision"],
        barriers=["poor-tissue-sample-handling", "disparities-in-access", "out-of-pocket-costs"],
        audiences=["hospitals-cancer-centres", "pathologists-labs"],
        countries=["MX", "AR", "CO", "CL"],
        areas=["lung-cancer"],
    ),
    initiative(
        slug="joint-hta-companion-diagnostics-pilot",
        title=(
            "Joint assessment of medicines and companion diagnostics: a pilot with four HTA "
            "agencies"
        ),
        summary=(
            "Four European HTA agencies assessed three targeted medicines together with their "
            "companion diagnostics in a single procedure, to see whether test and treatment can "
            "be reimbursed at the same time."
        ),
        description=(
            "The pilot put the methods guide on co-dependent technologies into practice. In two "
            "of the three cases, test and medicine were recommended for reimbursement within the "
            "same month.\n\nThe final report sets out the lessons on evidence requirements, "
            "timelines and the involvement of laboratories."
        ),
        organisation="diagnostics-value-institute",
        phase="completed",
        stages=["treatment-access"],
        barriers=["drug-test-reimbursement-lag", "hta-methods-small-populations"],
        audiences=["hta-bodies", "payers", "diagnostics-industry"],
        regions=["europe"],
        areas=["oncology"],
    ),
    initiative(
        slug="rare-cancer-trial-matching-service",
        title="A trial-matching service for people with rare cancers",
        summary=(
            "A free service in which research nurses review the sequencing results of people "
            "with rare cancers, search UK and international clinical trials that match them and "
            "contact the treating oncologist."
        ),
        description=(
            "Patients or their doctors can refer through an online form. Each match is checked "
            "against the trial's eligibility criteria before it is passed on. About one in five "
            "referred patients is offered a place in a trial."
        ),
        organisation="midlands-cancer-genomics-unit",
        phase="active",
        stages=["treatment-decision", "treatment-access"],
        barriers=["few-routes-off-label-trials"],
        audiences=["clinicians", "patients-advocacy"],
        countries=["GB"],
        areas=["rare-diseases", "oncology"],
    ),
    initiative(
        slug="early-access-helpdesk-targeted-medicines",
        title="Early access helpdesk for targeted medicines",
        summary=(
            "A helpdesk that tells clinicians in Europe which compassionate use, early access "
            "and named-patient programmes exist for a targeted medicine, in which countries, and "
            "how to apply."
        ),
        description=(
            "When sequencing finds a target for a medicine that is not yet approved or "
            "reimbursed, clinicians rarely know where to start. The helpdesk keeps a database of "
            "programmes by medicine and country and answers questions within three working days."
        ),
        organisation="euro-precision-centres",
        phase="active",
        stages=["treatment-access"],
        barriers=["few-routes-off-label-trials", "drug-test-reimbursement-lag"],
        audiences=["clinicians", "pharma-industry"],
        regions=["europe"],
        areas=["oncology"],
    ),
    initiative(
        slug="sample-courier-scheme-remote-hospitals",
        title="Sample courier scheme for remote hospitals",
        summary=(
            "A two-year scheme that paid for dedicated courier and air freight of tumour samples "
            "from 19 remote hospitals to metropolitan molecular laboratories, halving the time "
            "to a biomarker result."
        ),
        description=(
            "Before the scheme, samples travelled by ordinary post or waited for a weekly run. "
            "With tracked courier pick-ups twice a week, the median time from biopsy to result "
            "fell from 27 to 13 days.\n\nState health departments have since taken over the "
            "funding."
        ),
        organisation="remote-cancer-care-australia",
        phase="completed",
        stages=["sample-analysis"],
        barriers=["disparities-in-access", "lab-workforce-long-turnaround"],
        audiences=["hospitals-cancer-centres", "policy-makers"],
        countries=["AU"],
        areas=["oncology"],
    ),
    initiative(
        slug="genomics-with-first-nations-inuit-metis",
        title="Genomics with and for First Nations, Inuit and Métis communities",
        summary=(
            "A partnership in which community members, navigators and researchers co-design how "
            "cancer genetic testing is offered, explained and governed for First Nations, Inuit "
            "and Métis patients."
        ),
        description=(
            "Past misuse of research has left deep mistrust of genetic testing. The partnership "
            "follows community principles of data governance, trains Indigenous patient "
            "navigators and produces information in Cree, Ojibwe and Inuktitut as well as "
            "English and French."
        ),
        organisation="northern-lights-navigation",
        phase="active",
        stages=["testing-decision", "results-interpretation"],
        barriers=["disparities-in-access", "too-little-plain-language-information"],
        audiences=["nurses-navigators", "academia-research", "patients-advocacy"],
        countries=["CA"],
        areas=["oncology"],
    ),
    initiative(
        slug="mainstreaming-germline-testing-oncology-clinics",
        title="Mainstreaming germline genetic testing in oncology clinics",
        summary=(
            "A programme that trained oncologists and specialist nurses to offer inherited "
            "cancer gene testing directly in the cancer clinic, instead of referring every "
            "patient to clinical genetics first."
        ),
        description=(
            "Patients with ovarian, breast, prostate and pancreatic cancer who meet national "
            "criteria are consented by their own team, using a short e-learning module and a "
            "consent checklist.\n\nThe wait for a germline result fell from 20 weeks to 4, and "
            "the genetics service now sees only people with a positive result and their "
            "relatives."
        ),
        organisation="midlands-cancer-genomics-unit",
        phase="completed",
        stages=["testing-decision"],
        barriers=["weak-referral-routes", "lab-workforce-long-turnaround"],
        audiences=["clinicians", "nurses-navigators", "hospitals-cancer-centres"],
        countries=["GB"],
        areas=["breast-cancer", "ovarian-cancer", "prostate-cancer", "pancreatic-cancer"],
    ),
    initiative(
        slug="cascade-testing-relatives-hereditary-cancer",
        title="Reaching relatives: cascade testing for families with hereditary cancer syndromes",
        summary=(
            "A program that helps people with a BRCA, Lynch syndrome or other hereditary cancer "
            "variant inform their relatives, and offers those relatives low-cost genetic testing "
            "by mail."
        ),
        description=(
            "Fewer than half of at-risk relatives are ever tested. With the patient's "
            "permission, genetic counselors send relatives a letter and a link to book a "
            "telehealth appointment, and saliva kits are mailed to their homes.\n\nThe program "
            "reports how many relatives were tested and how many carry the variant."
        ),
        organisation="community-oncology-testing-collective",
        phase="active",
        stages=["results-interpretation", "monitoring"],
        barriers=["results-not-explained", "out-of-pocket-costs"],
        audiences=["patients-advocacy", "clinicians"],
        countries=["US"],
        areas=["breast-cancer", "ovarian-cancer", "colorectal-cancer"],
    ),
    initiative(
        slug="survivorship-clinic-long-term-targeted-therapy",
        title="A survivorship clinic for people on long-term targeted therapy",
        summary=(
            "A nurse-led clinic for people living with advanced cancer controlled by targeted "
            "medicines, focusing on side effects, work, relationships and fear of progression, "
            "alongside regular oncology follow-up."
        ),
        description=(
            "Patients are seen every three months by a specialist nurse and can be referred to a "
            "psychologist, physiotherapist, dietitian or occupational physician. The clinic "
            "collects patient-reported outcomes at each visit to improve care."
        ),
        organisation="amstel-cancer-centre",
        phase="active",
        stages=["monitoring"],
        barriers=["patient-needs-poorly-understood", "patient-experience-data-underused"],
        audiences=["nurses-navigators", "hospitals-cancer-centres"],
        countries=["NL"],
        areas=["oncology", "lung-cancer"],
    ),
    initiative(
        slug="biomarker-testing-outcomes-registry-five-countries",
        title="A registry of biomarker testing and outcomes in five countries",
        summary=(
            "A research registry linking biomarker test results, treatments and survival for "
            "patients with advanced lung and colorectal cancer in Belgium, Denmark, Portugal, "
            "Slovenia and Spain."
        ),
        description=(
            "Data come from pathology and cancer registries, linked under national data "
            "protection rules. The registry publishes yearly indicators such as the share of "
            "patients tested before first treatment and the time from diagnosis to result, and "
            "makes its data available to researchers on request."
        ),
        organisation="oncology-policy-lab",
        phase="active",
        stages=["testing-decision", "monitoring"],
        barriers=["no-real-world-data"],
        audiences=["academia-research", "policy-makers"],
        countries=["BE", "DK", "PT", "SI", "ES"],
        areas=["lung-cancer", "colorectal-cancer"],
    ),
    initiative(
        slug="volunteer-translation-network-patient-information",
        title="Patient information in every language: a volunteer translation network",
        summary=(
            "Volunteer translators and patient reviewers translate and adapt plain-language "
            "information on biomarker testing and targeted treatment into more than 30 "
            "languages, free for any patient organisation."
        ),
        description=(
            "Organisations submit a leaflet or web page; a translator and a patient reviewer who "
            "is a native speaker adapt it, and a clinician checks the medical terms. "
            "Translations are published under an open licence so that others can reuse them."
        ),
        organisation="european-precision-patients-network",
        phase="active",
        stages=["awareness-diagnosis", "results-interpretation"],
        barriers=["too-little-plain-language-information", "disparities-in-access"],
        audiences=["patients-advocacy"],
        regions=["global"],
        areas=["oncology"],
    ),
    initiative(
        slug="digital-pathology-faster-biomarker-results",
        title="Digital pathology for faster biomarker results",
        summary=(
            "A hospital network digitises all histology slides so that tumour content can be "
            "marked on screen and samples selected for molecular testing on the day of diagnosis."
        ),
        description=(
            "Pathologists in six hospitals annotate the scanned slides remotely, and the "
            "molecular laboratory receives the annotated image together with the tissue block. "
            "The time from biopsy to NGS request fell by four days, and fewer samples failed "
            "because of low tumour content."
        ),
        organisation="amstel-cancer-centre",
        phase="active",
        stages=["sample-analysis"],
        barriers=["lab-workforce-long-turnaround", "poor-tissue-sample-handling"],
        audiences=["pathologists-labs", "hospitals-cancer-centres"],
        countries=["NL"],
        areas=["oncology"],
    ),
    initiative(
        slug="genomics-training-oncology-nurses",
        title="Genomics training for oncology nurses",
        summary=(
            "A free online programme that teaches oncology nurses the genomics they need to "
            "explain tests and results, support consent and recognise families who may need "
            "genetic counselling."
        ),
        description=(
            "Six self-paced modules with case studies, and a live discussion every month. More "
            "than 4,000 nurses from 60 countries have enrolled.\n\nThe modules cover somatic and "
            "germline testing, liquid biopsy, reading a report and talking with patients about "
            "uncertain results."
        ),
        organisation="precision-oncology-nursing-society",
        phase="active",
        stages=["testing-decision", "results-interpretation"],
        barriers=["clinician-knowledge-gaps", "results-not-explained"],
        audiences=["nurses-navigators"],
        regions=["global"],
        areas=["oncology"],
    ),
    initiative(
        slug="prostate-cancer-genetic-testing-church-outreach",
        title="Know your risk: prostate cancer genetic testing outreach with Black churches",
        summary=(
            "A community program that trains church health ministers to talk about prostate "
            "cancer, family history and genetic testing, and links Black men and their families "
            "to free genetic counseling."
        ),
        description=(
            "Black men in the US are more likely to be diagnosed with prostate cancer and to die "
            "from it, yet are less often offered genetic testing. Health ministers hold sessions "
            "after services, and navigators help participants book appointments and understand "
            "their insurance coverage."
        ),
        organisation="community-oncology-testing-collective",
        phase="active",
        stages=["awareness-diagnosis", "testing-decision"],
        barriers=["disparities-in-access", "patients-unaware-of-testing"],
        audiences=["patients-advocacy", "nurses-navigators"],
        countries=["US"],
        areas=["prostate-cancer"],
    ),
    initiative(
        slug="pruebas-genomicas-cancer-mama-mexico",
        title="Acceso a pruebas genómicas para mujeres con cáncer de mama en México",
        summary=(
            "Proyecto que ofrece pruebas de BRCA y de firmas genómicas a mujeres con cáncer de "
            "mama atendidas en hospitales públicos de México, con asesoramiento genético por "
            "videollamada."
        ),
        description=(
            "Muchas mujeres pagan de su bolsillo las pruebas genéticas o no llegan a hacérselas. "
            "El proyecto financia las pruebas durante tres años, forma a oncólogos en "
            "asesoramiento genético básico y reúne datos para que el sistema público las incluya "
            "entre sus prestaciones."
        ),
        organisation="red-latam-oncologia-precision",
        phase="active",
        language="es",
        stages=["testing-decision", "results-interpretation"],
        barriers=["out-of-pocket-costs", "disparities-in-access", "test-not-reimbursed"],
        audiences=["hospitals-cancer-centres", "payers", "clinicians"],
        countries=["MX"],
        areas=["breast-cancer"],
    ),
    initiative(
        slug="tumour-agnostic-medicines-hta-working-group",
        title="Working group on assessing tumour-agnostic medicines",
        summary=(
            "HTA agencies, regulators, clinicians and patient representatives develop shared "
            "methods for judging the value of medicines approved for any tumour that carries a "
            "given biomarker, such as an NTRK fusion."
        ),
        description=(
            "Tumour-agnostic medicines are approved on small basket trials with few patients per "
            "tumour type. The working group compares how agencies have assessed them so far and "
            "drafts guidance on external controls, real-world data and managed entry agreements."
        ),
        organisation="diagnostics-value-institute",
        phase="active",
        stages=["treatment-access"],
        barriers=["hta-methods-small-populations"],
        audiences=["hta-bodies", "regulators", "patients-advocacy"],
        regions=["europe"],
        areas=["oncology"],
    ),
    initiative(
        slug="molecular-pathology-eqa-sub-saharan-africa",
        title="Building molecular pathology and EQA capacity in sub-Saharan Africa",
        summary=(
            "A network that trains laboratory scientists, supplies reference materials and runs "
            "an external quality assessment scheme for breast and lung cancer biomarker tests in "
            "laboratories across sub-Saharan Africa."
        ),
        description=(
            "Many laboratories in the region test hormone receptors and HER2 by "
            "immunohistochemistry without any external check. The network provides EQA rounds, "
            "mentoring by experienced pathologists and a shared referral route for PCR and NGS "
            "tests that are not available locally."
        ),
        organisation="african-molecular-pathology-network",
        phase="active",
        stages=["sample-analysis"],
        barriers=[
            "labs-outside-quality-schemes",
            "ngs-not-available-locally",
            "disparities-in-access",
        ],
        audiences=["pathologists-labs", "policy-makers"],
        regions=["africa"],
        areas=["breast-cancer", "lung-cancer"],
    ),
    initiative(
        slug="asia-pacific-liquid-biopsy-standards-consortium",
        title="Asia-Pacific consortium on liquid biopsy standards",
        summary=(
            "A planned consortium of laboratories, regulators and test makers in the "
            "Asia-Pacific region to agree common performance standards and reference materials "
            "for ctDNA tests."
        ),
        description=(
            "Liquid biopsy is widely used in the region, especially for EGFR testing in lung "
            "cancer, but performance claims cannot be compared. The consortium will start with a "
            "shared reference panel and a cross-border proficiency testing round."
        ),
        organisation="diagnostics-access-consortium",
        phase="planned",
        stages=["sample-analysis"],
        barriers=["non-standard-tests-and-reports", "labs-outside-quality-schemes"],
        audiences=["diagnostics-industry", "regulators", "pathologists-labs"],
        regions=["asia-pacific"],
        areas=["lung-cancer"],
    ),
    initiative(
        slug="pharmacogenetic-testing-community-pharmacies",
        title="Pre-emptive pharmacogenetic testing in community pharmacies",
        summary=(
            "A pilot in 40 Dutch community pharmacies that offered a pharmacogenetic panel to "
            "patients starting a new prescription, with the results stored for future "
            "prescribing."
        ),
        description=(
            "Pharmacists took a cheek swab and entered the results into the pharmacy system, "
            "which then flagged drug-gene interactions. Over a year, one participant in four had "
            "a prescription changed or a dose adjusted because of the panel."
        ),
        organisation="diagnostics-value-institute",
        phase="completed",
        stages=["treatment-decision"],
        barriers=["clinician-knowledge-gaps"],
        audiences=["clinicians", "academia-research"],
        countries=["NL"],
        areas=["cardiovascular", "neurology"],
    ),
    initiative(
        slug="lotsenprogramm-erblicher-brust-eierstockkrebs",
        title="Lotsenprogramm für Familien mit erblichem Brust- und Eierstockkrebs",
        summary=(
            "Geschulte Lotsinnen begleiten Familien, in denen eine BRCA-Mutation oder eine "
            "andere erbliche Veranlagung festgestellt wurde, von der genetischen Beratung bis "
            "zur intensivierten Früherkennung."
        ),
        description=(
            "Viele Angehörige erfahren nie, dass auch sie ein erhöhtes Risiko haben könnten. Die "
            "Lotsinnen, selbst Betroffene, helfen beim Gespräch in der Familie, vermitteln "
            "Termine in Zentren für familiären Brust- und Eierstockkrebs und erklären die "
            "Möglichkeiten der Früherkennung."
        ),
        organisation="patientenforum-krebs-und-gene",
        phase="active",
        language="de",
        stages=["results-interpretation", "monitoring"],
        barriers=["results-not-explained", "patient-needs-poorly-understood"],
        audiences=["patients-advocacy", "nurses-navigators"],
        countries=["DE"],
        areas=["breast-cancer", "ovarian-cancer"],
    ),
    initiative(
        slug="mon-cancer-mes-biomarqueurs-campagne",
        title="« Mon cancer, mes biomarqueurs » : campagne nationale d'information",
        summary=(
            "Campagne d'information destinée aux personnes atteintes de cancer et à leurs "
            "proches, pour leur faire connaître les tests de biomarqueurs et les encourager à en "
            "parler avec leur oncologue."
        ),
        description=(
            "Affiches dans les salles d'attente, vidéos de témoignages, ligne d'écoute et "
            "rencontres dans les espaces d'information des hôpitaux. Les supports existent en "
            "français, en arabe et en anglais et peuvent être commandés gratuitement par les "
            "associations."
        ),
        organisation="collectif-ensemble-biomarqueurs",
        phase="active",
        language="fr",
        stages=["awareness-diagnosis", "testing-decision"],
        barriers=["patients-unaware-of-testing", "too-little-plain-language-information"],
        audiences=["patients-advocacy"],
        countries=["FR"],
        areas=["oncology"],
    ),
    initiative(
        slug="affordable-childhood-cancer-diagnostics-lmic",
        title="Affordable diagnostics for childhood cancer in low- and middle-income countries",
        summary=(
            "A programme that supplies low-cost flow cytometry and PCR tests for childhood "
            "leukaemia and lymphoma to hospitals in 14 low- and middle-income countries, with "
            "training and remote expert review."
        ),
        description=(
            "Most children with cancer live where an accurate diagnosis is not available, and "
            "survival there is below 30 %. The programme installs simple test kits, trains local "
            "laboratory staff and connects hospitals to a remote review service, so that each "
            "child's disease is classified correctly and treated at the right intensity."
        ),
        organisation="diagnostics-access-consortium",
        phase="active",
        stages=["awareness-diagnosis", "sample-analysis"],
        barriers=["disparities-in-access", "ngs-not-available-locally"],
        audiences=["hospitals-cancer-centres", "pathologists-labs", "diagnostics-industry"],
        regions=["global"],
        areas=["blood-cancers"],
    ),
]

ITEMS: list[CorpusItem] = RESOURCES + INITIATIVES


# Corpus field -> the reference model it names, and the field that names it.
REFERENCES: dict[str, tuple[type[models.Model], str]] = {
    "stages": (Stage, "slug"),
    "barriers": (Barrier, "slug"),
    "audiences": (StakeholderGroup, "slug"),
    "countries": (Country, "code"),
    "regions": (Region, "slug"),
    "areas": (TherapeuticArea, "slug"),
}


def unknown_references() -> list[str]:
    """Every tag, group, country or organisation the corpus names that does not exist."""
    wanted: dict[str, set[str]] = {name: set() for name in REFERENCES}
    for item in ITEMS:
        for name in REFERENCES:
            wanted[name].update(getattr(item, name))
    wanted["audiences"].update(organisation.group for organisation in ORGANISATIONS)
    wanted["countries"].update(org.country for org in ORGANISATIONS if org.country)
    unknown = []
    for name, (model, field) in REFERENCES.items():
        rows = model.objects.filter(**{f"{field}__in": wanted[name]})
        found = {str(value) for value in rows.values_list(field, flat=True)}
        unknown += [f"{name}: {value}" for value in sorted(wanted[name] - found)]
    organisations = {organisation.slug for organisation in ORGANISATIONS}
    unknown += [
        f"organisation: {item.organisation}"
        for item in ITEMS
        if item.organisation not in organisations
    ]
    return unknown


def load_corpus() -> dict[Key, Resource | Initiative]:
    """Create the organisations and publish every item through the workflow.

    Fails loudly if the corpus names reference content that does not exist, rather
    than silently publishing items with fewer tags than written.
    """
    unknown = unknown_references()
    if unknown:
        raise ValueError(f"The corpus names reference content that does not exist: {unknown}")
    groups = StakeholderGroup.objects.in_bulk(field_name="slug")
    organisations = {
        organisation.slug: Organisation.objects.create(
            slug=organisation.slug,
            name=organisation.name,
            group=groups[organisation.group],
            country_id=organisation.country,
            description=organisation.description,
            verified=True,
        )
        for organisation in ORGANISATIONS
    }
    loaded: dict[Key, Resource | Initiative] = {}
    for item in ITEMS:
        fields = {
            "slug": item.slug,
            "title": item.title,
            "summary": item.summary,
            "description": item.description,
            "organisation": organisations[item.organisation],
            "language": item.language,
        }
        if item.kind == "resource":
            model = Resource
            fields |= {
                "resource_type": item.resource_type,
                "year": item.year,
                "url": f"https://example.org/library/{item.slug}",
            }
        else:
            model = Initiative
            fields["phase"] = item.phase
        tags = {
            "stages": item.stages,
            "barriers": item.barriers,
            "audiences": item.audiences,
            "countries": item.countries,
            "regions": item.regions,
            "therapeutic_areas": item.areas,
        }
        loaded[item.key] = make_contribution(model, "published", fields, tags)
    return loaded


def findable_texts() -> dict[Key, str]:
    """The text each findable thing in the database can be found by: its own words,
    its organisation and the names of its tags. Used to tell whether a result shares
    anything at all with the query that found it."""
    texts: dict[Key, str] = {}
    for model in (Resource, Initiative):
        items = model.objects.published().with_tags()
        for item in items:
            tags = [
                tag.title if isinstance(tag, Barrier) else str(tag)
                for name in ("stages", "barriers", "audiences", "countries", "regions")
                for tag in getattr(item, name).all()
            ] + [str(area) for area in item.therapeutic_areas.all()]
            texts[(item.kind, item.slug)] = " ".join(
                [item.title, item.summary, item.description, item.organisation.name, *tags]
            )
    for stage in Stage.objects.all():
        texts[("stage", stage.slug)] = " ".join(
            [
                stage.name,
                stage.summary,
                stage.description,
                stage.patient_summary,
                stage.patient_questions,
            ]
        )
    for barrier in Barrier.objects.select_related("category"):
        texts[("barrier", barrier.slug)] = " ".join(
            [barrier.title, barrier.summary, barrier.description, barrier.category.name]
        )
    for group in StakeholderGroup.objects.all():
        texts[("stakeholdergroup", group.slug)] = f"{group.name} {group.description}"
    for organisation in Organisation.objects.verified().select_related("group", "country"):
        country = organisation.country.name if organisation.country else ""
        texts[("organisation", organisation.slug)] = " ".join(
            [organisation.name, organisation.description, organisation.group.name, country]
        )
    return texts
