"""The matcher that matches many queries by their parts (digests/matcher.py) lists
exactly what the library's FilterSet lists for the whole query, on the same items:
for many random queries over every library parameter, with several values, unknown
values, country names, scope=exact and searches, against randomly tagged items."""

import random
from datetime import date

import pytest
from django.http import QueryDict

from contributions.extensions import practice_rule
from digests.digest import FILTERSETS, Window, matching
from digests.matcher import WindowMatcher, parts_of

from .conftest import BEFORE_WINDOW, PERIOD

pytestmark = pytest.mark.django_db

WINDOW = Window("weekly", PERIOD, date(2025, 6, 2))

STAGES = ["testing-decision", "monitoring", "treatment-access", "sample-analysis"]
BARRIERS = ["test-not-reimbursed", "fragmented-testing-guidelines", "clinician-knowledge-gaps"]
CATEGORIES = ["financing-regulation", "education-awareness", "quality-standardisation"]
AUDIENCES = ["patients-advocacy", "clinicians", "payers"]
COUNTRIES = ["DE", "FR", "JP", "KE", "US"]
REGIONS = ["europe", "asia-pacific", "africa", "americas", "global"]
AREAS = ["oncology", "lung-cancer", "breast-cancer", "cardiovascular", "rare-diseases"]
LANGUAGES = ["en", "de", "fr"]
WORDS = ["biomarker", "reimbursement", "pathology", "registry"]

# Values a stored query may hold for each parameter: known ones, and ones the
# library ignores (unknown, a name for a code, several in one value, wrong case).
VALUES = {
    "stage": [*STAGES, "no-such-stage"],
    "barrier": [*BARRIERS, "renamed-barrier"],
    "category": [*CATEGORIES, "nope"],
    "audience": [*AUDIENCES, "martians"],
    "country": [*COUNTRIES, "de", "Germany", "JP,KE", "Atlantis", "ZZ"],
    "region": [*REGIONS, "middle-east", "mars"],
    "area": [*AREAS, "neurology", "unknown-area"],
    "language": [*LANGUAGES, "xx"],
    "available": [*LANGUAGES, "it", "xx"],
    "type": ["report", "toolkit", "guideline", "nonsense"],
    "year": ["2020", "2024", "1800", "soon"],
    "phase": ["active", "planned", "completed", "paused"],
    "status": ["active", "completed"],
    "practice": ["best", "promising", "nope"],
    "q": [*WORDS, "absent", "", "biomarker registry"],
    "scope": ["exact", "wide"],
    "organisation": ["no-such-organisation"],
    "sort": ["newest", "relevance"],
}


def some(rng: random.Random, values: list[str], most: int = 2) -> list[str]:
    return rng.sample(values, min(len(values), rng.randint(0, most)))


@pytest.fixture
def window_items(publish, organisation):
    """Randomly tagged resources and initiatives in the window, and a few before it."""
    rng = random.Random(14)
    for n in range(28):
        kind = "resource" if n % 3 else "initiative"
        fields = {
            "stages": some(rng, STAGES),
            "barriers": some(rng, BARRIERS),
            "audiences": some(rng, AUDIENCES),
            "countries": some(rng, COUNTRIES),
            "regions": some(rng, REGIONS, 1),
            "therapeutic_areas": some(rng, AREAS),
            "language": rng.choice(LANGUAGES),
            "summary": f"About {' and '.join(some(rng, WORDS) or ['nothing'])}.",
        }
        if kind == "resource":
            fields |= {"resource_type": rng.choice(["report", "toolkit"]), "year": 2020 + n % 5}
        else:
            fields["phase"] = rng.choice(["active", "planned", "completed"])
        at = BEFORE_WINDOW if n % 7 == 6 else None
        publish(f"Item {n}", kind, **({"at": at} if at else {}), **fields)
    return {**VALUES, "organisation": [*VALUES["organisation"], organisation.slug]}


def random_query(rng: random.Random, values: dict[str, list[str]]) -> str:
    names = rng.sample(sorted(values), rng.randint(0, 5))
    pairs = [(name, value) for name in names for value in some(rng, values[name], 3)]
    return "&".join(f"{name}={value}" for name, value in pairs)


def test_the_matcher_lists_exactly_what_the_library_lists_for_random_queries(window_items):
    assert practice_rule().choices  # the practice values above are the rule's own
    rng = random.Random(2026)
    matcher = WindowMatcher(WINDOW)
    compared = nonempty = 0
    for _n in range(200):
        query = random_query(rng, window_items)
        for kind in ("resource", "initiative"):
            expected = matching(WINDOW, kind, query)
            assert matcher.listed(kind, query) == expected, (kind, query)
            compared += 1
            nonempty += bool(expected)
    assert compared == 400
    # Not trivially empty: most queries list something, many not everything.
    assert nonempty > 150
    # and each part is matched once, for many queries.
    assert len(matcher.parts) < compared


CHOSEN = [
    "country=DE&country=FR&stage=testing-decision&stage=treatment-access",
    "country=DE&region=asia-pacific",
    "country=DE&scope=exact",
    "region=europe&scope=exact&area=oncology",
    "country=Atlantis",
    "country=Atlantis&country=JP",
    "q=biomarker&language=de&language=en",
    "barrier=renamed-barrier&stage=monitoring",
    "",
]


def test_the_matcher_agrees_with_the_library_on_chosen_queries(window_items):
    matcher = WindowMatcher(WINDOW)
    for query in CHOSEN:
        for kind in ("resource", "initiative"):
            assert matcher.listed(kind, query) == matching(WINDOW, kind, query), (kind, query)


def test_a_query_is_a_conjunction_of_parameters_each_a_disjunction_of_values():
    parts = parts_of(
        FILTERSETS["resource"],
        QueryDict("stage=a&stage=b&q=x&scope=exact&sort=newest&page=2&phase=active"),
    )

    # phase is the initiatives' parameter; scope goes with every part, sort and page
    # choose no items.
    assert parts == [[("q", ("x",))], [("stage", ("a",)), ("stage", ("b",))]]
