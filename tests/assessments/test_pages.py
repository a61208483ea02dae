"""The assessment pages: who sees and does what (a matrix over every page for the
six personas), field errors on bad input, and what the public sees."""

import pytest
from django.test import Client
from django.urls import reverse

from assessments import workflow
from assessments.models import Assessment
from outbox.models import OutgoingEmail
from tests.conftest import logged_in

from .conftest import entries

pytestmark = pytest.mark.django_db

PERSONAS = ("owner", "reviewer", "conflicted_reviewer", "curator", "other_partner", "anonymous")


@pytest.fixture
def clients(request, owner, reviewer, conflicted_reviewer, curator, other_partner):
    people = {
        "owner": owner,
        "reviewer": reviewer,
        "conflicted_reviewer": conflicted_reviewer,
        "curator": curator,
        "other_partner": other_partner,
    }
    found = {name: logged_in(user) for name, user in people.items()}
    found["anonymous"] = Client()
    return found


def expect(codes: dict[str, int], default: int) -> list[int]:
    return [codes.get(persona, default) for persona in PERSONAS]


def test_the_permission_matrix_of_every_page(assigned, clients, make_initiative, owner):
    assessment, mine, theirs = assigned
    fresh = workflow.open_round(make_initiative("Second", status="published"), owner)
    pages = [
        ("criteria", reverse("assessments:criteria"), expect({}, 200)),
        (
            "initiative",
            reverse("assessments:initiative", args=[assessment.initiative.slug]),
            expect({}, 200),
        ),
        (
            "self-assessment",
            reverse("assessments:self-assessment", args=[fresh.pk]),
            expect({"owner": 200, "anonymous": 302}, 403),
        ),
        (
            "decide",
            reverse("assessments:decide", args=[assessment.pk]),
            expect({"curator": 200, "anonymous": 302}, 403),
        ),
        ("reviews", reverse("assessments:reviews"), expect({"anonymous": 302}, 200)),
        (
            "review",
            reverse("assessments:review", args=[mine.pk]),
            expect({"reviewer": 200, "anonymous": 302}, 404),
        ),
        (
            "conflicted review",
            reverse("assessments:review", args=[theirs.pk]),
            expect({"conflicted_reviewer": 200, "anonymous": 302}, 404),
        ),
    ]
    for name, url, codes in pages:
        got = [clients[persona].get(url).status_code for persona in PERSONAS]
        assert got == codes, name


def test_the_permission_matrix_of_every_action(in_review, clients, second_reviewer, initiative):
    url = reverse("assessments:assign", args=[in_review.pk])
    got = {
        persona: clients[persona].post(url, {"reviewer": second_reviewer.pk}).status_code
        for persona in PERSONAS
    }
    assert got == {**dict.fromkeys(PERSONAS, 403), "curator": 302, "anonymous": 302}
    assert list(in_review.assignments.values_list("reviewer", flat=True)) == [second_reviewer.pk]
    start = reverse("assessments:start", args=[initiative.slug])
    assert clients["other_partner"].post(start).status_code == 403
    assert clients["anonymous"].post(start).status_code == 302
    assert clients["reviewer"].get(start).status_code == 405


def test_the_open_round_shows_only_to_those_taking_part(assigned, clients):
    url = reverse("assessments:initiative", args=[assigned[0].initiative.slug])
    shown = {
        persona: "Round 1: in progress" in clients[persona].get(url).text for persona in PERSONAS
    }
    assert shown == {
        "owner": True,
        "reviewer": True,
        "conflicted_reviewer": True,
        "curator": True,
        "other_partner": False,
        "anonymous": False,
    }


def test_a_reviewer_lists_only_their_own_assignments(assigned, clients):
    mine = clients["reviewer"].get(reverse("assessments:reviews")).text
    assert reverse("assessments:review", args=[assigned[1].pk]) in mine
    assert reverse("assessments:review", args=[assigned[2].pk]) not in mine


def test_the_owner_fills_in_and_sends_the_self_assessment(initiative, owner, framework):
    client = logged_in(owner)
    client.post(reverse("assessments:start", args=[initiative.slug]))
    assessment = initiative.assessments.get()
    data = {}
    for code, entry in entries(framework, 2).items():
        data |= {
            f"score_{code}": entry["score"],
            f"text_{code}": entry["text"],
            f"evidence_{code}": "https://example.org/a\nhttps://example.org/b",
        }
    response = client.post(
        reverse("assessments:self-assessment", args=[assessment.pk]), {**data, "submit": ""}
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.IN_REVIEW
    assert assessment.self_scores.get(criterion__code="equity").evidence == [
        "https://example.org/a",
        "https://example.org/b",
    ]


def test_bad_self_assessment_input_is_shown_beside_its_fields_and_kept(
    initiative, owner, framework
):
    assessment = workflow.open_round(initiative, owner)
    data = {}
    for code in entries(framework):
        data |= {f"score_{code}": "2", f"text_{code}": f"Text for {code}"}
    data |= {"score_relevance": "9", "evidence_equity": "our annual report"}
    response = logged_in(owner).post(
        reverse("assessments:self-assessment", args=[assessment.pk]), {**data, "submit": ""}
    )
    assert response.status_code == 200
    page = response.text
    assert 'id="id_score_relevance_error"' in page
    assert "Text for ethics" in page and "our annual report" in page
    assert not assessment.self_scores.exists()
    data["score_relevance"] = "2"
    response = logged_in(owner).post(
        reverse("assessments:self-assessment", args=[assessment.pk]), {**data, "submit": ""}
    )
    assert 'id="id_evidence_equity_error"' in response.text
    assert "is not a web address" in response.text


def test_a_review_without_rationale_is_refused_beside_the_field(assigned, reviewer, framework):
    data = {"score": ""}
    for code in entries(framework):
        data |= {f"score_{code}": "2", f"rationale_{code}": "Because."}
    data["rationale_ethics"] = ""
    url = reverse("assessments:review", args=[assigned[1].pk])
    response = logged_in(reviewer).post(url, data)
    assert response.status_code == 200
    assert 'id="id_rationale_ethics_error"' in response.text
    assert not assigned[1].scores.exists()


def test_a_conflicted_reviewer_sees_no_score_form(assigned, conflicted_reviewer):
    page = (
        logged_in(conflicted_reviewer)
        .get(reverse("assessments:review", args=[assigned[2].pk]))
        .text
    )
    assert "You declared a conflict of interest" in page
    assert 'name="score"' not in page


def test_the_whole_flow_on_the_web(in_review, curator, reviewer, framework, owner):
    client = logged_in(curator)
    client.post(reverse("assessments:assign", args=[in_review.pk]), {"reviewer": reviewer.pk})
    assignment = in_review.assignments.get()
    as_reviewer = logged_in(reviewer)
    url = reverse("assessments:review", args=[assignment.pk])
    as_reviewer.post(url, {"declare": "", "conflict": "no"})
    data = {"score": ""}
    for code in entries(framework):
        data |= {f"score_{code}": "3", f"rationale_{code}": f"Shown for {code}."}
    assert as_reviewer.post(url, data).status_code == 302
    response = client.post(
        reverse("assessments:decide", args=[in_review.pk]),
        {"outcome": "promising", "summary": "Good results in one region so far."},
    )
    assert response.status_code == 302
    page = Client().get(in_review.initiative.get_absolute_url()).text
    assert "Promising practice" in page and "Good results in one region so far." in page
    assert OutgoingEmail.objects.filter(template="assessment_decided", to=owner.email).exists()


def test_the_criteria_page_explains_the_method_in_every_language(framework):
    for language, name in [
        ("en", "Patients involved as partners"),
        ("pl", "Pacjenci zaangażowani jako partnerzy"),
    ]:
        prefix = "" if language == "en" else f"/{language}"
        page = Client().get(f"{prefix}/assessments/criteria/").text
        assert name in page
        assert framework.version in page


def test_a_decision_shows_a_badge_on_the_initiative_and_in_its_history(decided, owner):
    page = Client().get(decided.initiative.get_absolute_url()).text
    assert "practice-badge--best" in page
    history = logged_in(owner).get(decided.initiative.get_absolute_url()).text
    assert "Assessment decided" in history
