"""The example values the OpenAPI document shows for resources, initiatives and
revisions (and that the generated API tests send)."""

from drf_spectacular.utils import OpenApiExample

# Revisions.


def revision_example_value(kind: str, with_changes: bool = False) -> dict:
    slug = "biomarker-testing-questions" if kind == "resource" else "reflex-testing-pilot"
    value = {
        "id": 42,
        "api_url": "https://portal.example/api/v1/revisions/42/",
        "kind": kind,
        "item": {
            "slug": slug,
            "title": "Biomarker testing: questions to ask your doctor",
            "api_url": f"https://portal.example/api/v1/{kind}s/{slug}/",
        },
        "status": "pending",
        "proposed_by": "Ana Weber",
        "created_at": "2025-04-02T08:15:00Z",
        "updated_at": "2025-04-03T10:30:00Z",
        "decided_at": None,
        "note": "",
    }
    if with_changes:
        value["changes"] = [
            {
                "field": "summary",
                "label": "summary",
                "live": "A one-page guide about biomarker tests.",
                "proposed": "A one-page guide for people with lung cancer about biomarker tests.",
            },
            {"field": "countries", "label": "countries", "live": ["DE"], "proposed": ["DE", "AT"]},
        ]
    return value


REVISION_EXAMPLE = OpenApiExample(
    "A proposed change", value=revision_example_value("resource", True), response_only=True
)


# Resources and initiatives: a body to send, and what the API answers. The bodies use
# only reference content every install has (stages, barriers, groups, countries,
# therapeutic areas) and leave the organisation out: it is the sender's own.

WRITE_EXAMPLES = {
    "resource": {
        "title": "Biomarker testing: questions to ask your doctor",
        "summary": "A one-page guide for people with lung cancer about biomarker tests.",
        "description": "## What is a biomarker?\n\nA feature of the tumour that a test can find.",
        "stages": ["testing-decision"],
        "barriers": ["patients-unaware-of-testing"],
        "audiences": ["patients-advocacy"],
        "countries": ["DE", "AT"],
        "regions": [],
        "therapeutic_areas": ["lung-cancer"],
        "language": "en",
        "resource_type": "patient_information",
        "url": "https://lung-patients.example/biomarker-questions",
        "publisher": "",
        "year": 2025,
        "submit": True,
    },
    "initiative": {
        "title": "Reflex testing pilot in Bavaria",
        "summary": "Pathologists order biomarker tests at diagnosis, without waiting.",
        "stages": ["sample-analysis"],
        "barriers": ["lab-workforce-long-turnaround"],
        "countries": ["DE"],
        "phase": "active",
        "start_date": "2025-01-01",
        "end_date": "2026-12-31",
        "website": "https://reflex-pilot.example",
        "partner_organisations": [],
        "related_resources": [],
        "submit": False,
    },
}


def ref(kind: str, slug: str, name: str, key: str = "slug") -> dict:
    return {key: slug, "name": name, "api_url": f"https://portal.example/api/v1/{kind}/{slug}/"}


READ_EXAMPLE_COMMON = {
    "slug": "biomarker-testing-questions",
    "title": "Biomarker testing: questions to ask your doctor",
    "summary": "A one-page guide for people with lung cancer about biomarker tests.",
    "description": "## What is a biomarker?\n\nA feature of the tumour that a test can find.",
    "organisation": ref("organisations", "lung-patients-network", "Lung Patients Network"),
    "stages": [ref("stages", "testing-decision", "Testing decision & consent")],
    "barriers": [
        {
            "slug": "patients-unaware-of-testing",
            "title": "Patients do not know testing exists",
            "api_url": "https://portal.example/api/v1/barriers/patients-unaware-of-testing/",
        }
    ],
    "audiences": [ref("stakeholder-groups", "patients-advocacy", "Patients & advocacy")],
    "countries": [ref("countries", "DE", "Germany", key="code")],
    "regions": [],
    "therapeutic_areas": [ref("therapeutic-areas", "lung-cancer", "Lung cancer")],
    "language": "en",
    "languages": ["en", "pl"],
    "translations": [
        {
            "language": "pl",
            "title": "Badania biomarkerów: pytania do lekarza",
            "summary": "Jednostronicowy przewodnik o badaniach biomarkerów "
            "dla osób z rakiem płuca.",
            "url": "",
            "status": "published",
            "created_at": "2025-03-10T10:00:00Z",
        }
    ],
    "translation_of": None,
    "status": "published",
    "created_at": "2025-03-01T09:30:00Z",
    "updated_at": "2025-03-04T14:00:00Z",
    "submitted_at": "2025-03-01T09:31:00Z",
    "published_at": "2025-03-04T14:00:00Z",
    "last_verified_at": "2025-03-04T14:00:00Z",
    "review": None,
    "pending_revision": None,
}
READ_EXAMPLES = {
    "resource": {
        **READ_EXAMPLE_COMMON,
        "api_url": "https://portal.example/api/v1/resources/biomarker-testing-questions/",
        "web_url": "https://portal.example/resources/biomarker-testing-questions/",
        "resource_type": "patient_information",
        "url": "https://lung-patients.example/biomarker-questions",
        "publisher": "",
        "year": 2025,
    },
    "initiative": {
        **READ_EXAMPLE_COMMON,
        "slug": "reflex-testing-pilot-in-bavaria",
        "title": "Reflex testing pilot in Bavaria",
        "api_url": "https://portal.example/api/v1/initiatives/reflex-testing-pilot-in-bavaria/",
        "web_url": "https://portal.example/initiatives/reflex-testing-pilot-in-bavaria/",
        "phase": "active",
        "partner_organisations": [],
        "start_date": "2025-01-01",
        "end_date": "2026-12-31",
        "website": "https://reflex-pilot.example",
        "outcomes": "",
        "related_resources": [],
    },
}


# A submission held back by the duplicate check (409), and the body that lets it go.

HELD_SLUG = "biomarker-testing-questions-to-ask-your-doctor"
MATCH_SLUG = "questions-about-biomarker-tests"
POSSIBLE_DUPLICATES_EXAMPLE = {
    "error": {
        "status": 409,
        "code": "possible_duplicates",
        "message": "Not sent for review: it resembles published work. Mark each match that "
        "holds it back (related or distinct) in “similar” and submit again. What you sent "
        "was saved as a draft.",
        "item": {
            "kind": "resource",
            "slug": HELD_SLUG,
            "title": "Biomarker testing: questions to ask your doctor",
            "status": "draft",
            "api_url": f"https://portal.example/api/v1/resources/{HELD_SLUG}/",
            "submit_url": f"https://portal.example/api/v1/resources/{HELD_SLUG}/submit/",
        },
        "decisions": [
            {"value": "same", "label": "The same thing"},
            {"value": "related", "label": "Related work"},
            {"value": "distinct", "label": "Distinct"},
        ],
        "matches": [
            {
                "kind": "resource",
                "slug": MATCH_SLUG,
                "title": "Questions about biomarker tests",
                "organisation": "Colorectal Alliance",
                "api_url": f"https://portal.example/api/v1/resources/{MATCH_SLUG}/",
                "web_url": f"https://portal.example/resources/{MATCH_SLUG}/",
                "score": 0.71,
                "strong": True,
                "reasons": [
                    "same barrier: Patients do not know testing exists",
                    "both in Germany",
                    "similar title",
                ],
                "explanation": "same barrier: Patients do not know testing exists; both in "
                "Germany; similar title",
                "decision": None,
                "holds": True,
                "can_update": False,
            }
        ],
    }
}
MARKS_EXAMPLE = {"similar": [{"kind": "resource", "slug": MATCH_SLUG, "decision": "related"}]}


# An item's languages.

TRANSLATION_EXAMPLE = {
    "language": "pl",
    "title": "Badania biomarkerów: pytania do lekarza",
    "summary": "Jednostronicowy przewodnik o badaniach biomarkerów dla osób z rakiem płuca.",
    "url": "https://lung-patients.example/pl/pytania-o-biomarkery",
}
