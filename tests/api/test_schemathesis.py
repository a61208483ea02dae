"""Schemathesis fuzzes every operation of the running app's OpenAPI document, once
anonymously and once with a partner's token: no answer may be a server error, and
every answer must match the document (status code, content type and body).

The app is called in-process through its WSGI handler, on the test's database
transaction, so the fuzzing sees the fixtures below and leaves nothing behind.

Each operation is tried with the document's own examples, then with generated valid
data, then with generated invalid data. The operations are looped over inside one
test per client, with Schemathesis's strategies and Hypothesis, rather than with
`schemathesis.pytest.from_fixture`: that loader renames pytest's test nodes through
an attribute pytest 9.2 no longer has, and one test keeps the fixtures to one set-up.
"""

from unittest import SkipTest

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.models import APIToken
from contributions.models import Revision

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Enough to reach past the documented examples into generated and invalid data on
# every operation, few enough to keep CI fast (generating the data is the slow part).
FUZZ = settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
TAGS = {
    "stages": ["testing-decision"],
    "barriers": ["test-not-reimbursed"],
    "countries": ["DE"],
    "regions": ["europe"],
    "therapeutic_areas": ["lung-cancer"],
}


@pytest.fixture
def wsgi_app(monkeypatch):
    # Requests must not close the connection whose transaction holds the test's
    # data: Django's test client disconnects these handlers in the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # Fuzzing sends hundreds of requests: throttling is tested elsewhere.
    rates = dict.fromkeys(api_settings.DEFAULT_THROTTLE_RATES, "100000/minute")
    for throttle in (AnonRateThrottle, UserRateThrottle, ScopedRateThrottle):
        monkeypatch.setattr(throttle, "THROTTLE_RATES", rates)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def content(make_resource, make_initiative, partner, other_organisation):
    """Items in every state, with the slugs the documented examples use."""
    resource = make_resource("Biomarker testing questions", "published", **TAGS)
    initiative = make_initiative("Reflex testing pilot in Bavaria", "published", **TAGS)
    initiative.related_resources.set([resource])
    initiative.partner_organisations.set([other_organisation])
    for status in ("draft", "submitted", "changes_requested", "rejected", "archived"):
        make_resource(f"A {status} resource", status, **TAGS)
        make_initiative(f"A {status} initiative", status, **TAGS)
    make_resource("Of another organisation", "draft", organisation=other_organisation)
    Revision.propose(resource, {"title": "Biomarker testing: your questions"}, by=partner)


@pytest.fixture
def api_schema(db, wsgi_app, content):
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_app)


@pytest.fixture
def partner_token(partner) -> str:
    return APIToken.issue(partner, "schemathesis")[1]


def fuzz(schema, headers: dict | None = None) -> list[str]:
    """Every operation with its examples, valid and invalid data; the failures found.

    Without credentials every write is a 401 before its body is read, so anonymous
    writes get no invalid data: it would only make the same 401s more slowly.
    """
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        strategies = {
            "examples": operation.get_strategies_from_examples(),
            "valid data": [operation.as_strategy(GenerationMode.POSITIVE)],
        }
        if headers or operation.method.upper() == "GET":
            strategies["invalid data"] = [operation.as_strategy(GenerationMode.NEGATIVE)]
        for kind, found in strategies.items():
            for strategy in found:

                @FUZZ
                @given(case=strategy)
                def check(case):
                    case.call_and_validate(headers=headers, checks=CHECKS)

                try:
                    check()
                except (Unsatisfiable, SkipTest):
                    # Nothing invalid can be made for an operation without inputs.
                    continue
                except (Exception, FailureGroup) as error:
                    failures.append(f"{operation.label} ({kind}): {error}")
    return failures


def test_the_api_holds_to_its_schema_for_anonymous_clients(api_schema):
    failures = fuzz(api_schema)
    assert not failures, "\n\n".join(failures)


def test_the_api_holds_to_its_schema_for_a_partners_token(api_schema, partner_token):
    failures = fuzz(api_schema, {"Authorization": f"Token {partner_token}"})
    assert not failures, "\n\n".join(failures)
