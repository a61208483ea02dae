"""The assessment flow in the REST API: a permission matrix over every endpoint,
the whole flow, and bad input answered with field errors in the API's one shape."""

import pytest
from rest_framework.test import APIClient

from assessments.models import Assessment
from tests.api.conftest import token_client

from .conftest import entries

pytestmark = pytest.mark.django_db

PERSONAS = ("owner", "reviewer", "conflicted_reviewer", "curator", "other_partner", "anonymous")


@pytest.fixture
def clients(owner, reviewer, conflicted_reviewer, curator, other_partner):
    people = {
        "owner": owner,
        "reviewer": reviewer,
        "conflicted_reviewer": conflicted_reviewer,
        "curator": curator,
        "other_partner": other_partner,
    }
    return {**{name: token_client(user) for name, user in people.items()}, "anonymous": APIClient()}


def scores(framework, score=2, **extra) -> list[dict]:
    return [
        {"criterion": code, "score": entry["score"], "rationale": entry["rationale"], **extra}
        for code, entry in entries(framework, score).items()
    ]


def matrix(clients, method: str, url: str, data=None) -> dict[str, int]:
    return {
        persona: getattr(clients[persona], method)(url, data, format="json").status_code
        for persona in PERSONAS
    }


def test_the_permission_matrix_of_every_endpoint(assigned, clients, second_reviewer, framework):
    assessment, mine, theirs = assigned
    every = dict.fromkeys(PERSONAS)
    assert matrix(clients, "get", "/api/v1/assessment-frameworks/") == dict.fromkeys(every, 200)
    assert matrix(clients, "get", "/api/v1/assessments/") == dict.fromkeys(every, 200)
    open_round = f"/api/v1/assessments/{assessment.pk}/"
    assert matrix(clients, "get", open_round) == {
        **dict.fromkeys(every, 200),
        "other_partner": 404,
        "anonymous": 404,
    }
    outsiders = {"other_partner": 404, "anonymous": 401}
    assert matrix(
        clients, "post", open_round + "assign/", {"reviewer": second_reviewer.username}
    ) == {**dict.fromkeys(every, 403), "curator": 201, **outsiders}
    assert matrix(
        clients, "post", open_round + "decide/", {"outcome": "best", "summary": "Too early."}
    ) == {**dict.fromkeys(every, 403), "curator": 409, **outsiders}
    assert matrix(clients, "post", open_round + "self-assessment/", {"scores": []}) == {
        **dict.fromkeys(every, 403),
        "owner": 409,
        **outsiders,
    }
    assert matrix(clients, "get", "/api/v1/review-assignments/")["anonymous"] == 401
    review = f"/api/v1/review-assignments/{mine.pk}/"
    assert matrix(clients, "get", review) == {
        **dict.fromkeys(every, 404),
        "reviewer": 200,
        "curator": 200,
        "anonymous": 401,
    }
    conflicted = f"/api/v1/review-assignments/{theirs.pk}/review/"
    assert matrix(clients, "post", conflicted, {"scores": scores(framework)}) == {
        **dict.fromkeys(every, 404),
        "conflicted_reviewer": 403,
        "curator": 403,
        "anonymous": 401,
    }
    assert not theirs.scores.exists()


def test_a_reviewer_lists_only_their_own_assignments(assigned, clients):
    listed = clients["reviewer"].get("/api/v1/review-assignments/").json()["results"]
    assert [row["id"] for row in listed] == [assigned[1].pk]


def test_the_whole_flow_through_the_api(initiative, clients, owner, reviewer, curator, framework):
    opened = clients["owner"].post(
        "/api/v1/assessments/", {"initiative": initiative.slug}, format="json"
    )
    assert opened.status_code == 201, opened.json()
    url = f"/api/v1/assessments/{opened.json()['id']}/"
    own = [
        {"criterion": code, "score": 3, "text": "Done.", "evidence": ["https://example.org/r"]}
        for code in entries(framework)
    ]
    sent = clients["owner"].post(
        url + "self-assessment/", {"scores": own, "submit": True}, format="json"
    )
    assert sent.json()["status"] == "in_review"
    assignment = (
        clients["curator"]
        .post(url + "assign/", {"reviewer": reviewer.username}, format="json")
        .json()
    )
    review = f"/api/v1/review-assignments/{assignment['id']}/"
    assert (
        clients["reviewer"]
        .post(review + "declare/", {"conflict": False}, format="json")
        .status_code
        == 200
    )
    done = clients["reviewer"].post(
        review + "review/", {"scores": scores(framework, 3)}, format="json"
    )
    assert done.json()["completed_at"]
    decided = (
        clients["curator"]
        .post(
            url + "decide/",
            {"outcome": "best", "summary": "Proven in three regions."},
            format="json",
        )
        .json()
    )
    assert (decided["outcome"], decided["current"]) == ("best", True)
    assert decided["scores"][0] == {"criterion": "relevance", "self_score": 3, "review_mean": 3.0}
    public = APIClient().get(url).json()
    assert public["summary"] == "Proven in three regions."


def test_bad_scores_are_field_errors_in_the_one_shape(assigned, clients, framework):
    given = scores(framework)
    given[0]["score"] = 4
    given[1]["rationale"] = ""
    response = clients["reviewer"].post(
        f"/api/v1/review-assignments/{assigned[1].pk}/review/", {"scores": given}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"] == {
        "relevance.score": ["Choose a score on the scale, from 0 to 3."],
        "evidence-base.rationale": ["Explain the score: a rationale is required."],
    }


def test_evidence_links_must_be_web_addresses(initiative, clients, framework):
    opened = clients["owner"].post(
        "/api/v1/assessments/", {"initiative": initiative.slug}, format="json"
    )
    own = [
        {"criterion": code, "score": 1, "evidence": ["ftp://x", "report"]}
        for code in entries(framework)
    ]
    response = clients["owner"].post(
        f"/api/v1/assessments/{opened.json()['id']}/self-assessment/",
        {"scores": own},
        format="json",
    )
    assert response.status_code == 400
    assert (
        "“report” is not a web address"
        in response.json()["error"]["fields"]["relevance.evidence"][1]
    )
    assert Assessment.objects.get().self_scores.count() == 0


def test_a_plain_member_of_the_owner_organisation_does_not_see_an_open_round(in_review, partner):
    # `partner` is a member, not an editor, of the organisation whose editor is `owner`.
    response = token_client(partner).get(f"/api/v1/assessments/{in_review.pk}/")
    assert response.status_code == 404
