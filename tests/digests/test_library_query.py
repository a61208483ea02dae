"""A subscription made from any library view selects exactly what that view lists.

The visitor follows a library page's "Email me what's new here" link, submits the
subscribe form as the browser shows it, and confirms; the digest the sending code
selects for the window then holds exactly the items the library page, and the API
list, show for the same query among those new or updated in the window. Both go
through the library's FilterSets, so the digest follows any change to them.
"""

from html.parser import HTMLParser
from urllib.parse import parse_qsl

import pytest
from django.test import Client

from contributions.models import Revision
from digests import sending
from digests.models import Subscription
from pathway.models import Stage

from .conftest import BEFORE_WINDOW, IN_WINDOW, LONG_AGO, PERIOD, days, published_on

# The views are read twice, the second time for their template context.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_pages")]


@pytest.fixture
def library(publish, make_resource, other_organisation, partner, curator) -> set[str]:
    """A varied library; returns the titles new or updated in PERIOD's window."""
    publish(
        "Biomarker testing guideline for German labs",
        summary="How labs report NGS biomarker results.",
        stages=["testing-decision"],
        barriers=["test-not-reimbursed"],
        countries=["DE"],
        audiences=["clinicians"],
        therapeutic_areas=["lung-cancer"],
        language="de",
        resource_type="guideline",
        year=2024,
    )
    publish(
        "Access to targeted therapy in France",
        at=IN_WINDOW + days(1),
        stages=["treatment-access"],
        barriers=["drug-test-reimbursement-lag"],
        countries=["FR"],
        audiences=["payers"],
        therapeutic_areas=["colorectal-cancer"],
        language="fr",
        resource_type="report",
        year=2023,
    )
    publish(
        "European biomarker reimbursement toolkit",
        at=IN_WINDOW + days(2),
        stages=["testing-decision", "treatment-access"],
        barriers=["test-not-reimbursed"],
        regions=["europe"],
        audiences=["payers", "policy-makers"],
        therapeutic_areas=["oncology"],
        resource_type="toolkit",
        year=2025,
    )
    publish(
        "Patient guide to test results",
        at=IN_WINDOW - days(1),
        summary="Plain-language help with biomarker reports.",
        stages=["results-interpretation"],
        barriers=["results-not-explained"],
        regions=["global"],
        audiences=["patients-advocacy"],
        resource_type="patient_information",
        year=2024,
        organisation=other_organisation,
    )
    publish(
        "Molecular tumour boards in Germany and Spain",
        at=IN_WINDOW + days(3),
        stages=["treatment-decision"],
        barriers=["no-molecular-tumour-board"],
        countries=["DE", "ES"],
        audiences=["clinicians", "hospitals-cancer-centres"],
        therapeutic_areas=["breast-cancer"],
        resource_type="case_study",
        year=2022,
    )
    publish(
        "German reimbursement campaign",
        "initiative",
        stages=["treatment-access"],
        barriers=["test-not-reimbursed"],
        countries=["DE"],
        therapeutic_areas=["lung-cancer"],
        language="de",
        phase="active",
    )
    publish(
        "Pan-European biomarker network",
        "initiative",
        at=IN_WINDOW + days(1),
        stages=["testing-decision"],
        barriers=["ngs-not-available-locally"],
        regions=["europe"],
        audiences=["pathologists-labs"],
        therapeutic_areas=["oncology"],
        phase="planned",
    )
    publish(
        "French patient navigation pilot",
        "initiative",
        at=IN_WINDOW + days(2),
        stages=["referral-assessment"],
        barriers=["weak-referral-routes"],
        countries=["FR"],
        audiences=["nurses-navigators"],
        language="fr",
        phase="completed",
        organisation=other_organisation,
    )
    publish(
        "Japan lung cancer registry",
        "initiative",
        at=IN_WINDOW - days(1),
        stages=["monitoring"],
        barriers=["no-real-world-data"],
        countries=["JP"],
        therapeutic_areas=["lung-cancer"],
        phase="active",
    )
    # Published long before, updated in the window by an accepted revision.
    revised = publish(
        "German testing report",
        at=BEFORE_WINDOW,
        stages=["testing-decision"],
        countries=["DE"],
        language="de",
        year=2024,
    )
    Revision.propose(revised, {"summary": "Now with 2025 figures on biomarker tests."}, by=partner)
    Revision.objects.get(resource=revised).accept(by=curator)
    Revision.objects.filter(resource=revised).update(decided_at=IN_WINDOW)
    # Listed by the library, but not new in the window.
    publish(
        "Older biomarker testing guideline",
        at=BEFORE_WINDOW,
        stages=["testing-decision"],
        barriers=["test-not-reimbursed"],
        countries=["DE"],
        regions=["europe"],
        audiences=["clinicians", "payers"],
        therapeutic_areas=["lung-cancer"],
        language="de",
        resource_type="guideline",
        year=2024,
    )
    publish(
        "Older German network",
        "initiative",
        at=BEFORE_WINDOW,
        stages=["testing-decision"],
        barriers=["test-not-reimbursed"],
        countries=["DE"],
        phase="completed",
        organisation=other_organisation,
    )
    published_on(make_resource("Draft biomarker guide", "draft", countries=["DE"]), IN_WINDOW)
    return {
        "Biomarker testing guideline for German labs",
        "Access to targeted therapy in France",
        "European biomarker reimbursement toolkit",
        "Patient guide to test results",
        "Molecular tumour boards in Germany and Spain",
        "German reimbursement campaign",
        "Pan-European biomarker network",
        "French patient navigation pilot",
        "Japan lung cancer registry",
        "German testing report",
    }


class PostedForm(HTMLParser):
    """What a browser would post from the form with the given action: checked
    boxes, selected options and the values of the other inputs."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.select: str | None = None
        self.data: dict[str, list[str]] = {}

    def add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "form":
            self.inside = found.get("action") == self.action
        elif not self.inside:
            return
        elif tag == "input" and "name" in found:
            if found.get("type") not in ("checkbox", "radio") or "checked" in found:
                self.add(found["name"], found.get("value") or "")
        elif tag == "select":
            self.select = found["name"]
        elif tag == "option" and self.select and "selected" in found:
            self.add(self.select, found["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def subscribe_from(client: Client, view: str, email: str = "reader@example.org") -> Subscription:
    """Follow the view's digest link, post the form as shown, confirm."""
    page = client.get(view, follow=True).content.decode()
    [link] = [href for href, text in Links.find(page) if text == "Email me what’s new here"]
    form_page = client.get(link)
    assert form_page.status_code == 200
    form = PostedForm("/digest/subscribe/")
    form.feed(form_page.content.decode())
    response = client.post("/digest/subscribe/", {**form.data, "email": [email]})
    assert response.status_code == 302, response.content.decode()
    subscription = Subscription.objects.get(email=email)
    subscription.confirm()
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=LONG_AGO)
    return subscription


class Links(HTMLParser):
    """(href, text) of a page's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.href: str | None = None
        self.text = ""

    @classmethod
    def find(cls, html: str) -> list[tuple[str, str]]:
        parser = cls()
        parser.feed(html)
        return parser.links

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a":
            self.href, self.text = dict(attrs).get("href"), ""

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.href is not None:
            self.links.append((self.href, self.text.strip()))
            self.href = None


def digest_titles(subscription: Subscription) -> list[str]:
    """The items the sending code selects for the subscriber's digest of PERIOD,
    before "near you" (which goes beyond the view on purpose)."""
    [recipient] = sending.claim(subscription.frequency, PERIOD, [subscription.pk])
    stages = {stage.pk: stage for stage in Stage.objects.all()}
    content = sending.window_content(recipient.window)
    digest = content.digest(recipient.query, recipient.kinds, stages)
    return [item.title for section in digest.sections for item in section.items]


def listed_titles(client: Client, view: str) -> list[str]:
    response = client.get(view, follow=True)
    assert response.status_code == 200
    assert response.context["page"].paginator.num_pages == 1
    return [item.title for item in response.context["page"]]


def api_titles(client: Client, view: str) -> list[str]:
    path, _sep, query = view.partition("?")
    params = [(name, value) for name, value in parse_qsl(query) if name != "page"]
    response = client.get(f"/api/v1{path}", params)
    assert response.status_code == 200, response.content.decode()
    body = response.json()
    assert body["next"] is None
    return [item["title"] for item in body["results"]]


VIEWS = [
    "/resources/",
    "/initiatives/",
    "/resources/?q=biomarker",
    "/resources/?stage=testing-decision",
    "/initiatives/?barrier=test-not-reimbursed",
    "/resources/?category=financing-regulation",
    "/resources/?audience=payers&audience=clinicians",
    "/initiatives/?audience=pathologists-labs",
    "/initiatives/?country=de",
    "/resources/?region=europe",
    "/resources/?country=DE&region=europe",
    "/initiatives/?country=DE&region=europe",
    "/resources/?area=oncology",
    "/initiatives/?area=lung-cancer&stage=treatment-access",
    "/resources/?language=de",
    "/resources/?type=toolkit&type=guideline",
    "/resources/?year=2024",
    "/resources/?organisation=colorectal-alliance",
    "/initiatives/?organisation=colorectal-alliance",
    "/initiatives/?phase=completed&phase=planned",
    "/resources/?q=biomarker&stage=testing-decision&country=DE&sort=title&page=1",
]


@pytest.mark.parametrize("view", VIEWS)
def test_a_subscription_from_a_library_view_selects_exactly_what_the_view_lists(
    client, library, view
):
    subscription = subscribe_from(client, view)

    # Every filter of the view is kept; only the page and the order are not.
    filters = {name for name, _value in parse_qsl(view.partition("?")[2])} - {"page", "sort"}
    assert {name for name, _value in parse_qsl(subscription.query)} == filters
    in_window = [title for title in listed_titles(client, view) if title in library]

    assert in_window, f"{view} should list something new, or the comparison proves little"
    assert sorted(digest_titles(subscription)) == sorted(in_window)
    assert sorted(title for title in api_titles(client, view) if title in library) == sorted(
        in_window
    )


def test_a_france_only_item_is_not_in_a_digest_for_germany_and_europe(client, library):
    subscription = subscribe_from(client, "/resources/?country=DE&region=europe")

    titles = digest_titles(subscription)

    assert "Access to targeted therapy in France" not in titles
    assert "Biomarker testing guideline for German labs" in titles
    assert sorted(titles) == sorted(
        title
        for title in listed_titles(client, "/resources/?country=DE&region=europe")
        if title in library
    )


def test_the_stored_query_is_the_views_filters_normalised(client, library):
    subscription = subscribe_from(
        client, "/resources/?sort=title&country=de&q=%20biomarker%00&stage=testing-decision"
    )

    assert subscription.query == "country=DE&q=biomarker&stage=testing-decision"
    assert subscription.kinds == ("resource",)
