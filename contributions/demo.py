"""Demo content for `manage.py loaddemo`: real organisations and real resources and
initiatives from the precision-medicine field, summarised in the portal's own words.

Plain data only. Tags refer to the fixed slugs of the reference content (stages,
barriers, stakeholder groups, regions, therapeutic areas) and to ISO country codes;
the command looks them up and fails loudly if one is missing.

`status` is where an item ends up; the command reaches it through the workflow
methods (submit, publish, request_changes, reject) so that every item carries the
same ModerationEvents as one moderated by hand. Titles, summaries and bodies are
content stored in the database, not interface text, so they are not marked for
translation.
"""

import datetime

PARTNER_ORGANISATION = "digestive-cancers-europe"
"""The organisation the demo partner edits for; its items are submitted by the partner."""

ORGANISATIONS: list[dict] = [
    {
        "slug": "lungevity-foundation",
        "name": "LUNGevity Foundation",
        "group": "patients-advocacy",
        "country": "US",
        "website": "https://www.lungevity.org",
        "description": (
            "US lung cancer nonprofit that funds research and runs education, support and "
            "advocacy programmes for people with lung cancer and those close to them."
        ),
    },
    {
        "slug": "acs-can",
        "name": "American Cancer Society Cancer Action Network (ACS CAN)",
        "group": "patients-advocacy",
        "country": "US",
        "website": "https://www.fightcancer.org",
        "description": (
            "The advocacy affiliate of the American Cancer Society. It works with lawmakers "
            "at federal and state level on cancer policy, including insurance coverage of "
            "biomarker testing."
        ),
    },
    {
        "slug": "triage-cancer",
        "name": "Triage Cancer",
        "group": "patients-advocacy",
        "country": "US",
        "website": "https://triagecancer.org",
        "description": (
            "US nonprofit offering free education on the legal and practical questions that "
            "follow a cancer diagnosis, such as health insurance, work and money."
        ),
    },
    {
        "slug": "iqn-path",
        "name": "IQN Path (International Quality Network for Pathology)",
        "group": "pathologists-labs",
        "country": None,
        "website": "https://iqnpath.org",
        "description": (
            "International umbrella association of external quality assessment providers in "
            "pathology, working to make laboratory and biomarker testing more reliable."
        ),
    },
    {
        "slug": "european-cancer-patient-coalition",
        "name": "European Cancer Patient Coalition (ECPC)",
        "group": "patients-advocacy",
        "country": None,
        "website": "https://ecpc.org",
        "description": (
            "Europe-wide umbrella organisation of cancer patient groups, representing people "
            "affected by all types of cancer in EU health policy and research."
        ),
    },
    {
        "slug": "efpia",
        "name": "European Federation of Pharmaceutical Industries and Associations (EFPIA)",
        "group": "pharma-industry",
        "country": None,
        "website": "https://www.efpia.eu",
        "description": "The association of the research-based pharmaceutical industry in Europe.",
    },
    {
        "slug": "esmo",
        "name": "European Society for Medical Oncology (ESMO)",
        "group": "medical-societies",
        "country": None,
        "website": "https://www.esmo.org",
        "description": (
            "Professional society for medical oncology with members worldwide. It publishes "
            "clinical practice guidelines and recommendations on precision medicine."
        ),
    },
    {
        "slug": "nngm",
        "name": "nNGM – National Network Genomic Medicine Lung Cancer",
        "group": "hospitals-cancer-centres",
        "country": "DE",
        "website": "https://nngm.de",
        "description": (
            "German network of university cancer centres offering harmonised, quality-assured "
            "molecular testing to people with advanced lung cancer, who are then treated "
            "close to home by regional partners."
        ),
    },
    {
        "slug": "netherlands-cancer-institute",
        "name": "Netherlands Cancer Institute",
        "group": "hospitals-cancer-centres",
        "country": "NL",
        "website": "https://www.nki.nl",
        "description": (
            "Dutch comprehensive cancer centre in Amsterdam, combining the Antoni van "
            "Leeuwenhoek hospital with a research institute. Home of the DRUP trial."
        ),
    },
    {
        "slug": "leiden-university-medical-center",
        "name": "Leiden University Medical Center",
        "group": "hospitals-cancer-centres",
        "country": "NL",
        "website": "https://www.lumc.nl",
        "description": (
            "University hospital in Leiden, the Netherlands. It coordinated the EU-funded "
            "PCM4EU project and takes part in the DRUP trial."
        ),
    },
    {
        "slug": "oslo-university-hospital",
        "name": "Oslo University Hospital",
        "group": "hospitals-cancer-centres",
        "country": "NO",
        "website": "https://oslo-universitetssykehus.no",
        "description": (
            "Norway's largest hospital and a major centre of cancer research. It coordinates "
            "PRIME-ROSE, the European network of DRUP-like trials."
        ),
    },
    {
        "slug": "omico",
        "name": "Omico",
        "group": "academia-research",
        "country": "AU",
        "website": "https://www.omico.com.au",
        "description": (
            "Australian not-for-profit cancer genomics organisation running national "
            "programmes that profile tumours and match patients to clinical trials."
        ),
    },
    {
        "slug": "nhs-england",
        "name": "NHS England",
        "group": "policy-makers",
        "country": "GB",
        "website": "https://www.england.nhs.uk",
        "description": (
            "Leads the National Health Service in England and commissions its Genomic "
            "Medicine Service, including the national list of funded genomic tests."
        ),
    },
    {
        "slug": "digestive-cancers-europe",
        "name": "Digestive Cancers Europe",
        "group": "patients-advocacy",
        "country": None,
        "website": "https://digestivecancers.eu",
        "description": (
            "European umbrella organisation of patient groups for colorectal, gastric, "
            "pancreatic and other digestive cancers."
        ),
    },
    {
        "slug": "global-colon-cancer-association",
        "name": "Global Colon Cancer Association",
        "group": "patients-advocacy",
        "country": None,
        "website": "https://www.globalcca.org",
        "description": (
            "International umbrella and patient advocacy organisation for colorectal cancer, "
            "working for equal access to screening, testing, treatment and care."
        ),
    },
    {
        "slug": "egfr-resisters",
        "name": "EGFR Resisters",
        "group": "patients-advocacy",
        "country": "US",
        "website": "https://egfrcancer.org",
        "description": (
            "Patient-driven community for people living with EGFR-positive lung cancer and "
            "their carers, producing plain-language education and supporting research."
        ),
    },
    {
        "slug": "diaceutics",
        "name": "Diaceutics",
        "group": "diagnostics-industry",
        "country": "GB",
        "website": "https://www.diaceutics.com",
        "description": (
            "Belfast-based company that analyses real-world diagnostic testing data and works "
            "with laboratories and industry to improve testing for precision medicines."
        ),
    },
    {
        "slug": "personalized-medicine-coalition",
        "name": "Personalized Medicine Coalition",
        "group": "academia-research",
        "country": "US",
        "website": "https://www.personalizedmedicinecoalition.org",
        "description": (
            "US nonprofit coalition of industry, providers, payers, patient groups and "
            "researchers that promotes the understanding and adoption of personalised medicine."
        ),
    },
    {
        "slug": "lung-cancer-europe",
        "name": "Lung Cancer Europe (LuCE)",
        "group": "patients-advocacy",
        "country": None,
        "website": "https://www.lungcancereurope.eu",
        "description": (
            "European umbrella organisation of lung cancer patient groups, giving people "
            "affected by lung cancer a voice in European health policy."
        ),
    },
    # Support for patients and families, listed on the country pages. Real national
    # organisations with their real websites only; contact details (email, telephone)
    # only on the clearly fictional ones, with example.org addresses and numbers from
    # the ranges reserved for fiction (UK 020 7946 0xxx, US 555-01xx, AU 02 5550 xxxx).
    {
        "slug": "roy-castle-lung-cancer-foundation",
        "name": "Roy Castle Lung Cancer Foundation",
        "group": "patients-advocacy",
        "country": "GB",
        "website": "https://roycastle.org",
        "description": (
            "UK lung cancer charity offering information, support groups and a helpline "
            "for people with lung cancer and their families."
        ),
    },
    {
        "slug": "deutsche-krebshilfe",
        "name": "Deutsche Krebshilfe",
        "group": "patients-advocacy",
        "country": "DE",
        "website": "https://www.krebshilfe.de",
        "description": (
            "German cancer charity with a free information and advice service for patients "
            "and families, and a directory of local self-help groups."
        ),
    },
    {
        "slug": "kwf-kankerbestrijding",
        "name": "KWF Kankerbestrijding",
        "group": "patients-advocacy",
        "country": "NL",
        "website": "https://www.kwf.nl",
        "description": (
            "Dutch cancer society: information about cancer and its treatment, and help "
            "finding support for patients and the people close to them."
        ),
    },
    {
        "slug": "kreftforeningen",
        "name": "Kreftforeningen (Norwegian Cancer Society)",
        "group": "patients-advocacy",
        "country": "NO",
        "website": "https://kreftforeningen.no",
        "description": (
            "Norwegian cancer society with advice and support for people with cancer and "
            "their families, by phone, chat and in person."
        ),
    },
    {
        "slug": "lung-foundation-australia",
        "name": "Lung Foundation Australia",
        "group": "patients-advocacy",
        "country": "AU",
        "website": "https://lungfoundation.com.au",
        "description": (
            "Australian charity for lung health with information, support groups and lung "
            "cancer nurses for patients and carers."
        ),
    },
    {
        "slug": "demo-lung-cancer-helpline-uk",
        "name": "Demo Lung Cancer Helpline UK (fictional)",
        "group": "patients-advocacy",
        "country": "GB",
        "website": "https://example.org/lung-cancer-helpline-uk",
        "public_email": "helpline@example.org",
        "phone": "+44 20 7946 0123",
        "description": (
            "A made-up organisation for the demo: a helpline that explains biomarker "
            "tests and results to patients and families."
        ),
    },
    {
        "slug": "demo-biomarker-help-desk-us",
        "name": "Demo Biomarker Help Desk US (fictional)",
        "group": "nurses-navigators",
        "country": "US",
        "website": "https://example.org/biomarker-help-desk",
        "public_email": "help-desk@example.org",
        "phone": "+1 202 555 0142",
        "supports_patients": True,
        "description": (
            "A made-up nurse navigator service for the demo: help with getting tested and "
            "with insurance questions about biomarker tests."
        ),
    },
    {
        "slug": "demo-selbsthilfe-lungenkrebs",
        "name": "Demo Selbsthilfe Lungenkrebs (fictional)",
        "group": "patients-advocacy",
        "country": "DE",
        "website": "https://example.org/selbsthilfe-lungenkrebs",
        "public_email": "kontakt@example.org",
        "description": (
            "A made-up self-help group for the demo, where people with lung cancer and "
            "their families meet and share experience."
        ),
    },
    {
        "slug": "demo-lung-cancer-support-australia",
        "name": "Demo Lung Cancer Support Australia (fictional)",
        "group": "patients-advocacy",
        "country": "AU",
        "public_email": "support@example.org",
        "phone": "+61 2 5550 1234",
        "website": "https://example.org/lung-cancer-support-au",
        "description": (
            "A made-up support network for the demo, with peer support by phone for people "
            "with lung cancer."
        ),
    },
]

RESOURCES: list[dict] = [
    {
        "slug": "us-state-laws-biomarker-testing-coverage",
        "title": "US state laws on insurance coverage of biomarker testing",
        "organisation": "triage-cancer",
        "resource_type": "dataset",
        "url": "https://triagecancer.org/state-laws/health-insurance-biomarker-testing",
        "publisher": "",
        "year": None,
        "language": "en",
        "summary": (
            "A regularly updated chart from Triage Cancer showing, state by state, which US "
            "laws require health insurers and Medicaid to pay for biomarker testing. Useful "
            "for patients, navigators and advocates checking what coverage to expect or "
            "appeal for."
        ),
        "description": (
            "Whether a biomarker test is paid for in the United States often depends on the "
            "state a person lives in and the kind of health plan they have. This chart "
            "gathers the relevant state laws in one table: what kinds of tests they cover, "
            "for which patients and purposes, which plans must comply, and whether the "
            "state's Medicaid programme is included.\n\n"
            "The chart also points out that state laws may not apply to self-funded employer "
            "plans, a detail that often decides whether an appeal can succeed. It is updated "
            "as new laws pass, so check the date on the page before relying on it."
        ),
        "stages": ["testing-decision", "sample-analysis"],
        "barriers": ["test-not-reimbursed", "out-of-pocket-costs"],
        "audiences": ["patients-advocacy", "nurses-navigators", "payers", "policy-makers"],
        "countries": ["US"],
        "regions": [],
        "therapeutic_areas": ["oncology"],
        "status": "draft",
    },
    {
        "slug": "unlocking-precision-medicine-in-europe",
        "title": "Unlocking the potential of precision medicine in Europe",
        "organisation": "iqn-path",
        "resource_type": "report",
        "url": (
            "https://www.efpia.eu/media/589727/"
            "unlocking-the-potential-of-precision-medicine-in-europe.pdf"
        ),
        "publisher": "IQN Path, ECPC and EFPIA",
        "year": 2021,
        "language": "en",
        "summary": (
            "A 2021 study by IQN Path, the European Cancer Patient Coalition and EFPIA that "
            "scores access to, and quality of, cancer biomarker testing in the 27 EU countries "
            "and the UK, maps the ideal testing pathway and recommends how to close the gaps."
        ),
        "description": (
            "The report looks at how biomarker testing for cancer works in practice across "
            "Europe and finds wide differences between countries, and within them, in which "
            "tests are available, who pays for them and how reliably they are done. Each "
            "country gets a scorecard for access and quality, and an ideal pathway from "
            "ordering a test to starting treatment shows where patients fall through.\n\n"
            "Its recommendations are addressed to policy makers and health systems: set aside "
            "dedicated budgets for testing, align the approval of medicines with that of the "
            "tests they depend on, invest in education and manage testing data centrally. A "
            "good starting point for comparing one country's situation with its neighbours'."
        ),
        "stages": [
            "testing-decision",
            "sample-analysis",
            "results-interpretation",
            "treatment-access",
        ],
        "barriers": [
            "disparities-in-access",
            "unwarranted-variation-duplication",
            "labs-outside-quality-schemes",
            "test-not-reimbursed",
            "drug-test-reimbursement-lag",
        ],
        "audiences": [
            "policy-makers",
            "payers",
            "hta-bodies",
            "pathologists-labs",
            "patients-advocacy",
        ],
        "countries": [],
        "regions": ["europe"],
        "therapeutic_areas": ["oncology"],
        "status": "published",
    },
    {
        "slug": "esmo-ngs-recommendations",
        "title": "ESMO recommendations on next-generation sequencing (NGS) in advanced cancer",
        "organisation": "esmo",
        "resource_type": "guideline",
        "url": "https://doi.org/10.1016/j.annonc.2020.07.014",
        "publisher": "Annals of Oncology",
        "year": 2020,
        "language": "en",
        "summary": (
            "Recommendations from ESMO's Precision Medicine Working Group on when tumour NGS "
            "should be used routinely, for which cancers, and how to handle findings that "
            "point to a drug outside its approved use. First published in 2020, updated in 2024."
        ),
        "description": (
            "Large gene panels can find many possible treatment targets at once, but it is "
            "not always clear when they are worth their cost. The working group ranked the "
            "genomic changes found in the commonest metastatic cancers by how strong the "
            "evidence is that a matched drug helps, and recommended routine tumour NGS where "
            "that evidence is strongest: advanced non-squamous non-small-cell lung cancer, "
            "prostate cancer, ovarian cancer and cholangiocarcinoma. It advises that "
            "off-label drugs matched to a genomic finding be given only within an organised "
            "access programme or trial.\n\n"
            "The 2024 update confirmed these recommendations and widened them, for example to "
            "advanced breast cancer, some sarcomas, thyroid cancer, cancer of unknown primary "
            "and to tumour-agnostic alterations where a matched treatment is accessible. A "
            "clear reference for anyone asking whether broad testing should be offered."
        ),
        "stages": ["testing-decision", "sample-analysis", "treatment-decision"],
        "barriers": [
            "fragmented-testing-guidelines",
            "clinician-knowledge-gaps",
            "ngs-not-available-locally",
        ],
        "audiences": ["clinicians", "pathologists-labs", "medical-societies", "payers"],
        "countries": [],
        "regions": ["global"],
        "therapeutic_areas": ["oncology", "lung-cancer", "prostate-cancer", "ovarian-cancer"],
        "status": "published",
    },
    {
        "slug": "national-genomic-test-directory-england",
        "title": "National Genomic Test Directory (England)",
        "organisation": "nhs-england",
        "resource_type": "dataset",
        "url": "https://www.england.nhs.uk/publication/national-genomic-test-directories/",
        "publisher": "",
        "year": 2018,
        "language": "en",
        "summary": (
            "The list of genomic tests the NHS in England pays for, for cancer and for rare "
            "and inherited conditions, with who is eligible for each test and which "
            "specialists may request it. Updated regularly through an open, evidence-based "
            "process."
        ),
        "description": (
            "Since 2018 a single national directory has set out which genomic tests are "
            "commissioned for NHS patients in England, so that eligibility does not depend on "
            "the hospital a patient happens to attend. The cancer directory lists tests by "
            "tumour type, with the technology used and the patients who qualify; companion "
            "documents do the same for rare and inherited conditions.\n\n"
            "Anyone can apply to add or change a test. Applications are judged on clinical "
            "utility, unmet need and benefit to patients, with clinical and scientific "
            "experts and patient and public representatives involved. For other countries it "
            "is a worked example of making testing entitlements explicit and keeping them "
            "current."
        ),
        "stages": ["testing-decision", "sample-analysis"],
        "barriers": [
            "unwarranted-variation-duplication",
            "fragmented-testing-guidelines",
            "test-not-reimbursed",
        ],
        "audiences": [
            "clinicians",
            "pathologists-labs",
            "hospitals-cancer-centres",
            "policy-makers",
        ],
        "countries": ["GB"],
        "regions": [],
        "therapeutic_areas": ["oncology", "rare-diseases"],
        "status": "published",
    },
    {
        "slug": "colorectal-cancer-biomarker-toolkit",
        "title": "Colorectal cancer: getting personal can be lifesaving (biomarker toolkit)",
        "organisation": "digestive-cancers-europe",
        "resource_type": "toolkit",
        "url": "https://digestivecancers.eu/?p=19444",
        "publisher": "",
        "year": None,
        "language": "en",
        "summary": (
            "An educational toolkit from Digestive Cancers Europe explaining biomarker testing "
            "in colorectal cancer to patients, carers and healthcare professionals, made to "
            "be freely available in English and other European languages."
        ),
        "description": (
            "Many people with metastatic colorectal cancer in Europe do not know whether "
            "their tumour was tested for biomarkers, or what such a test is for. The toolkit "
            "explains what biomarkers are, why testing matters when choosing treatment, and "
            "which questions to ask the care team.\n\n"
            "It is meant for patient groups to adapt and share in their own countries, and "
            "for healthcare professionals who want material to give to patients."
        ),
        "stages": ["awareness-diagnosis", "testing-decision", "results-interpretation"],
        "barriers": [
            "patients-unaware-of-testing",
            "results-not-explained",
            "too-little-plain-language-information",
        ],
        "audiences": ["patients-advocacy", "clinicians", "nurses-navigators"],
        "countries": [],
        "regions": ["europe"],
        "therapeutic_areas": ["colorectal-cancer"],
        "status": "changes_requested",
        "review_note": (
            "Thank you, this is a valuable resource. Please link to the toolkit itself rather "
            "than to the announcement of the project, add the year it was published, and "
            "list the languages it is available in."
        ),
    },
    {
        "slug": "how-to-read-biomarker-test-results",
        "title": "How to read biomarker test results",
        "organisation": "egfr-resisters",
        "resource_type": "patient_information",
        "url": "https://egfrcancer.org/2022/09/24/how-to-read-biomarker-test-results/",
        "publisher": "",
        "year": 2022,
        "language": "en",
        "summary": (
            "A plain-language booklet from EGFR Resisters that walks people with "
            "non-small-cell lung cancer through a biomarker test report: what its sections "
            "mean, which biomarkers are reported, and how to discuss treatment and trial "
            "options with the care team."
        ),
        "description": (
            "Biomarker reports are written for doctors, and they look different depending on "
            "the laboratory that produced them. This booklet explains the parts most reports "
            "have in common, what the listed mutations and proteins mean, how matching "
            "therapies are presented, and how to weigh the clinical trials a report "
            "suggests.\n\n"
            "Written by and for patients, it is a good companion for the conversation in "
            "which results are explained."
        ),
        "stages": ["results-interpretation", "treatment-decision"],
        "barriers": ["results-not-explained", "too-little-plain-language-information"],
        "audiences": ["patients-advocacy", "nurses-navigators"],
        "countries": ["US"],
        "regions": [],
        "therapeutic_areas": ["lung-cancer"],
        "status": "published",
    },
    {
        "slug": "practice-gaps-advanced-nsclc",
        "title": "Where patients are lost on the precision oncology pathway in lung cancer",
        "organisation": "diaceutics",
        "resource_type": "report",
        "url": "https://doi.org/10.1200/PO.22.00246",
        "publisher": "JCO Precision Oncology",
        "year": 2022,
        "language": "en",
        "summary": (
            "A 2022 analysis by Diaceutics and the Personalized Medicine Coalition of US claims "
            "and laboratory data for newly diagnosed advanced non-small-cell lung cancer. "
            "About half the patients never had a biomarker result, and about 64% of those who "
            "could have benefited from precision treatment did not."
        ),
        "description": (
            "The study follows patients through seven steps from diagnosis to treatment and "
            "counts how many drop out at each, using a database of claims and laboratory "
            "records covering more than 500,000 people with lung cancer. Out of every 1,000 "
            "patients, 497 were lost before a biomarker result was available; of those who "
            "did have a result, 29% did not receive the treatment it pointed to.\n\n"
            "The authors trace these losses to inefficiencies in how testing is organised, "
            "limited understanding of testing strategies, results that are not acted on, and "
            "barriers to access. Putting a number on each gap shows where effort would help "
            "most, and the study is widely quoted for the size of the problem."
        ),
        "stages": [
            "awareness-diagnosis",
            "testing-decision",
            "sample-analysis",
            "results-interpretation",
            "treatment-decision",
        ],
        "barriers": ["no-real-world-data", "clinician-knowledge-gaps"],
        "audiences": [
            "clinicians",
            "pathologists-labs",
            "policy-makers",
            "academia-research",
            "diagnostics-industry",
        ],
        "countries": ["US"],
        "regions": [],
        "therapeutic_areas": ["lung-cancer"],
        "status": "published",
    },
    {
        "slug": "luce-access-disparities-2020",
        "title": "Disparities and challenges in access to lung cancer diagnostics and treatment",
        "organisation": "lung-cancer-europe",
        "resource_type": "policy_paper",
        "url": "https://www.lungcancereurope.eu/tag/position-paper/",
        "publisher": "",
        "year": 2020,
        "language": "en",
        "summary": (
            "Lung Cancer Europe's 2020 position paper on unequal access to lung cancer "
            "diagnosis, testing and treatment between European countries, based on surveys "
            "of healthcare professionals, researchers and pharmaceutical companies."
        ),
        "description": (
            "LuCE gathered data in 2019 through two surveys, one of healthcare professionals "
            "and researchers and one of pharmaceutical companies, and checked the results "
            "with its member patient groups and lung cancer experts. The paper describes "
            "where access to diagnostics and treatment differs across Europe and sets out "
            "LuCE's positions in response.\n\n"
            "It was released on World Cancer Day 2020 to make policy makers aware of these "
            "inequities."
        ),
        "stages": ["testing-decision", "treatment-access"],
        "barriers": ["disparities-in-access", "unwarranted-variation-duplication"],
        "audiences": ["policy-makers", "payers", "patients-advocacy"],
        "countries": [],
        "regions": ["europe"],
        "therapeutic_areas": ["lung-cancer"],
        "status": "rejected",
        "review_reasons": ["incomplete_tagging"],
        "review_note": (
            "The link leads to a list of LuCE posts rather than to the paper, and the entry "
            "is tagged for Europe only although the paper reports country by country. Please "
            "submit it again as a new entry with a direct link and the countries it covers."
        ),
    },
    {
        "slug": "drup-first-three-years",
        "title": "DRUP after three years: off-label targeted treatment within a trial",
        "organisation": "netherlands-cancer-institute",
        "resource_type": "case_study",
        "url": (
            "https://www.nki.nl/news-events/news/"
            "the-drup-study-in-nature-taking-stock-of-the-first-three-years/"
        ),
        "publisher": "",
        "year": 2019,
        "language": "en",
        "summary": (
            "The Netherlands Cancer Institute's account of the first three years of the Drug "
            "Rediscovery Protocol, reported in Nature in 2019: a third of the first 215 "
            "treated patients benefited, and a new payment model let insurers fund the "
            "treatments that worked."
        ),
        "description": (
            "DRUP gives people with advanced cancer who have no standard options left an "
            "approved targeted drug or immunotherapy outside its licensed use, when their "
            "tumour's genetic profile suggests it may work. Of the first 215 patients, 34% "
            "saw their tumour shrink or stay stable for at least four months; in the cohort "
            "treating microsatellite-instable tumours with nivolumab, two thirds did.\n\n"
            "Oncologists, the National Health Care Institute and health insurers agreed a "
            "model in which the manufacturer provides the drug for the first 16 weeks and "
            "insurers pay only for patients who benefit. Some groups of patients gained "
            "nothing, and those results were published too, which is part of the point."
        ),
        "stages": ["treatment-access", "monitoring"],
        "barriers": ["few-routes-off-label-trials", "hta-methods-small-populations"],
        "audiences": ["clinicians", "payers", "hta-bodies", "regulators", "pharma-industry"],
        "countries": ["NL"],
        "regions": [],
        "therapeutic_areas": ["oncology"],
        "status": "published",
    },
]

INITIATIVES: list[dict] = [
    {
        "slug": "no-one-missed",
        "title": "No One Missed: comprehensive biomarker testing in lung cancer",
        "organisation": "lungevity-foundation",
        "phase": "active",
        "start_date": datetime.date(2021, 4, 20),
        "end_date": None,
        "website": (
            "https://lungevity.org/media-releases/"
            "lungevity-foundation-amplifies-efforts-to-improve-lung-cancer-patient-access-to"
        ),
        "language": "en",
        "summary": (
            "LUNGevity Foundation's multi-year US campaign, launched in 2021, to make sure "
            "everyone diagnosed with non-small-cell lung cancer hears about comprehensive "
            "biomarker testing and asks their care team for it: talk, test, treat."
        ),
        "description": (
            "Guidelines recommend testing advanced non-small-cell lung cancer for every "
            "biomarker that has a matching treatment, yet many patients are never fully "
            "tested. No One Missed speaks directly to patients and carers and encourages "
            "three steps: talk with the care team about comprehensive biomarker testing, get "
            "tested, and use the results to choose treatment.\n\n"
            "The campaign combines public advertising, online material that prepares people "
            "for the conversation with their doctor, and patients' own biomarker stories. It "
            "is backed by partners from industry, patient advocacy and academia."
        ),
        "outcomes": "",
        "stages": ["awareness-diagnosis", "testing-decision"],
        "barriers": ["patients-unaware-of-testing", "too-little-plain-language-information"],
        "audiences": ["patients-advocacy", "clinicians"],
        "countries": ["US"],
        "regions": [],
        "therapeutic_areas": ["lung-cancer"],
        "partners": [],
        "related_resources": [],
        "status": "published",
    },
    {
        "slug": "state-biomarker-testing-coverage-laws",
        "title": "State laws for insurance coverage of biomarker testing",
        "organisation": "acs-can",
        "phase": "active",
        "start_date": None,
        "end_date": None,
        "website": "https://www.fightcancer.org/what-we-do/access-biomarker-testing",
        "language": "en",
        "summary": (
            "ACS CAN's campaign for US state laws that require health plans, including "
            "Medicaid, to cover biomarker testing backed by medical evidence, so that cost "
            "does not stand between patients and the right test."
        ),
        "description": (
            "Coverage of biomarker testing in the US has lagged behind the science: whether a "
            "test is paid for can depend on the insurer, the plan and the state. The American "
            "Cancer Society Cancer Action Network promotes state legislation requiring "
            "coverage of evidence-based biomarker testing, working with patients, clinicians "
            "and other advocates in each state.\n\n"
            "ACS CAN warns that without broader coverage, precision medicine could widen "
            "existing gaps in cancer outcomes by race, ethnicity, income and geography. Its "
            "campaign page tracks where laws have passed and where bills are pending."
        ),
        "outcomes": (
            "By mid-2025 ACS CAN counted 18 states whose laws cover biomarker testing in all "
            "state-regulated plans, and four more whose laws cover some plans."
        ),
        "stages": ["testing-decision", "sample-analysis", "treatment-access"],
        "barriers": ["test-not-reimbursed", "out-of-pocket-costs", "disparities-in-access"],
        "audiences": ["policy-makers", "payers", "patients-advocacy"],
        "countries": ["US"],
        "regions": [],
        "therapeutic_areas": ["oncology"],
        "partners": [],
        "related_resources": [],
        "status": "published",
    },
    {
        "slug": "know-your-biomarker",
        "title": "Know Your Biomarker",
        "organisation": "global-colon-cancer-association",
        "phase": "active",
        "start_date": None,
        "end_date": None,
        "website": "https://www.knowyourbiomarker.org/advocacy",
        "language": "en",
        "summary": (
            "The Global Colon Cancer Association's awareness, education and advocacy "
            "programme for access to colorectal cancer biomarker testing worldwide, with "
            "plain-language patient materials and an advocacy toolkit that member "
            "organisations can adapt."
        ),
        "description": (
            "Know Your Biomarker starts from the idea that where you live should not decide "
            "whether you get the right test. GCCA produces plain-language materials for "
            "patients, carers and care teams, and a toolkit for member organisations pushing "
            "for testing in their own country, with a sample position statement, template "
            "letters to policy makers and advice from experienced advocates.\n\n"
            "A more recent campaign in the programme, Knowing Is Worth the Wait, encourages "
            "patients and clinicians to wait for biomarker results before starting treatment."
        ),
        "outcomes": (
            "A 2022 GCCA survey of almost 100 people with colorectal cancer in 15 countries "
            "found that about a third did not understand what their results meant for "
            "treatment, and almost one in five were unsure whether they had been tested."
        ),
        "stages": ["awareness-diagnosis", "testing-decision", "results-interpretation"],
        "barriers": [
            "patients-unaware-of-testing",
            "results-not-explained",
            "disparities-in-access",
        ],
        "audiences": ["patients-advocacy", "clinicians", "policy-makers"],
        "countries": ["BR"],
        "regions": ["global"],
        "therapeutic_areas": ["colorectal-cancer"],
        "partners": [],
        "related_resources": [],
        "status": "published",
    },
    {
        "slug": "nngm-lung-cancer-network",
        "title": "nNGM: national network for genomic medicine in lung cancer",
        "organisation": "nngm",
        "phase": "active",
        "start_date": datetime.date(2018, 4, 1),
        "end_date": None,
        "website": "https://nngm.de",
        "language": "de",
        "summary": (
            "A German network of university cancer centres offering broad, harmonised "
            "molecular testing to everyone with advanced lung cancer: tumours are tested "
            "centrally in network centres, and patients are treated close to home by "
            "regional partners."
        ),
        "description": (
            "nNGM grew out of the Cologne Network Genomic Medicine, founded in 2010, and has "
            "been funded by German Cancer Aid (Deutsche Krebshilfe) since April 2018. Its "
            "network centres run NGS-based multiplex testing to a common standard, share "
            "quality assurance and documentation, and advise the treating doctor on what "
            "the results mean for therapy, including suitable clinical trials. Most patients "
            "are treated by regional partners in hospitals and practices: test centrally, "
            "treat locally.\n\n"
            "The network works with health insurers on a common approach to reimbursement "
            "and pools its data for evaluation and research."
        ),
        "outcomes": (
            "In 2020 the network tested about 14,000 patients, an estimated 40% of everyone "
            "with advanced lung cancer in Germany. By 2024 it had 28 network centres and "
            "about 500 regional partners."
        ),
        "stages": [
            "testing-decision",
            "sample-analysis",
            "results-interpretation",
            "treatment-decision",
        ],
        "barriers": [
            "ngs-not-available-locally",
            "non-standard-tests-and-reports",
            "no-molecular-tumour-board",
            "unwarranted-variation-duplication",
        ],
        "audiences": ["hospitals-cancer-centres", "pathologists-labs", "clinicians", "payers"],
        "countries": ["DE"],
        "regions": [],
        "therapeutic_areas": ["lung-cancer"],
        "partners": [],
        "related_resources": [],
        "status": "published",
    },
    {
        "slug": "drup-drug-rediscovery-protocol",
        "title": "DRUP: Drug Rediscovery Protocol",
        "organisation": "netherlands-cancer-institute",
        "phase": "active",
        "start_date": None,
        "end_date": None,
        "website": "https://doi.org/10.2340/1651-226X.2024.34885",
        "language": "en",
        "summary": (
            "A Dutch nationwide trial, running since 2016, that gives people with advanced "
            "cancer and no standard options left access to approved targeted drugs and "
            "immunotherapies outside their licensed use, when their tumour's profile "
            "suggests they may work."
        ),
        "description": (
            "Many targeted medicines are approved for one type of cancer, while the same "
            "genetic change turns up, rarely, in others. DRUP opens a small cohort for each "
            "combination of drug, tumour type and alteration; cohorts that show benefit are "
            "expanded, those that do not are closed, and all results are published, so that "
            "off-label use builds evidence instead of happening case by case.\n\n"
            "The trial is led from the Netherlands Cancer Institute with partners including "
            "Leiden University Medical Center, in hospitals across the country. Manufacturers "
            "provide the drugs at the start and insurers pay only for patients who benefit. "
            "Its design has been taken up in other countries as DRUP-like trials."
        ),
        "outcomes": (
            "More than 1,500 patients have started treatment in DRUP and about a third had "
            "clinical benefit. On the strength of DRUP's results, nivolumab has been "
            "reimbursed in the Netherlands since July 2022 for adults with dMMR/MSI tumours "
            "who have no other treatment options."
        ),
        "stages": ["treatment-decision", "treatment-access", "monitoring"],
        "barriers": [
            "few-routes-off-label-trials",
            "hta-methods-small-populations",
            "no-real-world-data",
        ],
        "audiences": ["clinicians", "payers", "hta-bodies", "regulators", "pharma-industry"],
        "countries": ["NL"],
        "regions": [],
        "therapeutic_areas": ["oncology"],
        "partners": ["leiden-university-medical-center"],
        "related_resources": ["drup-first-three-years"],
        "status": "published",
    },
    {
        "slug": "pcm4eu",
        "title": "PCM4EU: Personalised Cancer Medicine for all EU citizens",
        "organisation": "leiden-university-medical-center",
        "phase": "completed",
        "start_date": datetime.date(2023, 1, 1),
        "end_date": datetime.date(2024, 12, 31),
        "website": (
            "https://health.ec.europa.eu/non-communicable-diseases/cancer/"
            "europes-beating-cancer-plan-eu4health-financed-projects/projects/pcm4eu_en"
        ),
        "language": "en",
        "summary": (
            "An EU4Health project (2023–2024) of 17 partners in 15 countries that helped more "
            "European countries set up molecular diagnostics, molecular tumour boards and "
            "DRUP-like trials, so that access to precision cancer medicine depends less on "
            "where a patient lives."
        ),
        "description": (
            "PCM4EU was part of Europe's Beating Cancer Plan and was coordinated by Leiden "
            "University Medical Center. It mapped and supported the use of NGS-based "
            "diagnostics, helped new countries start national DRUP-like trials, worked on "
            "standards for molecular tumour boards and on fair and cross-border access to "
            "treatment, and trained the next generation of oncologists, with patients "
            "involved throughout.\n\n"
            "The project built on academic trials already running in north-western Europe. "
            "Its work carries on in the European Joint Action on Personalised Cancer "
            "Medicine, which started in 2025."
        ),
        "outcomes": "",
        "stages": [
            "testing-decision",
            "sample-analysis",
            "results-interpretation",
            "treatment-access",
        ],
        "barriers": [
            "ngs-not-available-locally",
            "no-molecular-tumour-board",
            "disparities-in-access",
            "clinician-knowledge-gaps",
        ],
        "audiences": [
            "clinicians",
            "pathologists-labs",
            "hospitals-cancer-centres",
            "policy-makers",
            "patients-advocacy",
        ],
        "countries": [],
        "regions": ["europe"],
        "therapeutic_areas": ["oncology"],
        "partners": ["oslo-university-hospital"],
        "related_resources": [],
        "status": "published",
    },
    {
        "slug": "prime-rose",
        "title": "PRIME-ROSE: a European network of DRUP-like trials",
        "organisation": "oslo-university-hospital",
        "phase": "active",
        "start_date": datetime.date(2023, 7, 1),
        "end_date": datetime.date(2028, 6, 30),
        "website": "https://www.matrix-fkb.no/en/prime-rose/home",
        "language": "en",
        "summary": (
            "A Horizon Europe Cancer Mission project (2023–2028) coordinated by Oslo "
            "University Hospital that links national DRUP-like trials across Europe, pools "
            "their data and builds the evidence that payers and regulators need."
        ),
        "description": (
            "Trials modelled on the Dutch DRUP now run in many European countries, but each "
            "is funded and run on its own, and cohorts for rare alterations fill slowly. "
            "PRIME-ROSE brings them together: it aligns their protocols, sets up a shared "
            "data platform so that cohorts can be evaluated across borders, and works with "
            "patients, health authorities, payers and industry on bringing treatments that "
            "work into routine care.\n\n"
            "The project tackles unequal access to molecular diagnostics, uncertainty about "
            "real-world effectiveness, differences in reimbursement and in the rules for "
            "off-label use, and limited access to trials."
        ),
        "outcomes": "",
        "stages": ["treatment-decision", "treatment-access", "monitoring"],
        "barriers": [
            "few-routes-off-label-trials",
            "no-real-world-data",
            "hta-methods-small-populations",
            "disparities-in-access",
        ],
        "audiences": ["clinicians", "regulators", "hta-bodies", "payers", "academia-research"],
        "countries": [],
        "regions": ["europe"],
        "therapeutic_areas": ["oncology"],
        "partners": ["leiden-university-medical-center"],
        "related_resources": [],
        "status": "submitted",
    },
    {
        "slug": "impress-norway",
        "title": "IMPRESS-Norway: DRUP-style access to targeted drugs across Norway",
        "organisation": "oslo-university-hospital",
        "phase": "active",
        "start_date": datetime.date(2021, 4, 1),
        "end_date": None,
        "website": "https://www.impress-norway.no",
        "language": "en",
        "summary": (
            "A national trial, modelled on the Dutch DRUP, that gives people with advanced "
            "cancer in every Norwegian health region broad molecular testing and, when it "
            "finds a target, an approved drug outside its label."
        ),
        "description": (
            "IMPRESS-Norway took the DRUP design to Norway: extended molecular profiling "
            "for patients with advanced cancer who have run out of standard options, a "
            "national molecular tumour board, and cohorts of approved targeted drugs used "
            "outside their label, with the drugs provided by their makers.\n\n"
            "Cohorts that show benefit build the evidence for routine funding, and the "
            "trial is open in hospitals in all four health regions, so patients need not "
            "travel to the capital."
        ),
        "outcomes": "",
        "stages": ["treatment-decision", "treatment-access"],
        "barriers": ["few-routes-off-label-trials", "disparities-in-access"],
        "audiences": ["clinicians", "patients-advocacy", "payers"],
        "countries": ["NO"],
        "regions": [],
        "therapeutic_areas": ["oncology"],
        "partners": [],
        "related_resources": [],
        "status": "published",
    },
    {
        "slug": "prospect-australia",
        "title": "PrOSPeCT: genomic profiling and trial matching for hard-to-treat cancers",
        "organisation": "omico",
        "phase": "active",
        "start_date": datetime.date(2023, 7, 27),
        "end_date": None,
        "website": "https://www.omico.com.au",
        "language": "en",
        "summary": (
            "Omico's national programme, launched in 2023, offering free comprehensive "
            "genomic profiling to up to 23,000 Australians with advanced, incurable or "
            "hard-to-treat cancers and matching them to targeted treatments and trials."
        ),
        "description": (
            "PrOSPeCT (Precision Oncology Screening Platform Enabling Clinical Trials) is a "
            "public–private partnership funded by the Australian and New South Wales "
            "governments and industry partners. Oncologists refer patients; the tumour is "
            "profiled at no cost to them, an expert molecular oncology board reviews the "
            "results, and the referring doctor receives a report with treatment and trial "
            "recommendations.\n\n"
            "The programme also aims to bring more precision oncology trials to Australia, "
            "so that a biomarker result leads to an option patients can actually reach."
        ),
        "outcomes": (
            "By June 2024 more than 5,000 people had been referred by over 750 clinicians, "
            "more than a third of them from rural and regional areas, and three in four had "
            "an actionable biomarker in their cancer."
        ),
        "stages": [
            "testing-decision",
            "sample-analysis",
            "results-interpretation",
            "treatment-decision",
            "treatment-access",
        ],
        "barriers": [
            "ngs-not-available-locally",
            "test-not-reimbursed",
            "no-molecular-tumour-board",
            "few-routes-off-label-trials",
        ],
        "audiences": ["clinicians", "patients-advocacy", "pharma-industry", "policy-makers"],
        "countries": ["AU"],
        "regions": [],
        "therapeutic_areas": ["oncology"],
        "partners": [],
        "related_resources": [],
        "status": "submitted",
    },
]
