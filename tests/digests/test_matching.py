"""Which items a subscriber's digest holds: published or substantially updated in
the window, and listed by the library for the subscription's query (the library's
own FilterSet: any value within one parameter, every parameter), grouped by
pathway stage; plus new initiatives near them."""

from datetime import date

import pytest

from contributions.models import Revision
from digests.digest import Window, digest_for, matching, new_items
from pathway.models import Stage

from .conftest import BEFORE_WINDOW, IN_WINDOW, PERIOD, published_on

pytestmark = pytest.mark.django_db

WINDOW = Window("weekly", PERIOD, date(2025, 6, 2))
BOTH = ("resource", "initiative")


def titles(digest) -> list[str]:
    return [item.title for section in digest.sections for item in section.items]


def digest_of(query: str = "", kinds: tuple[str, ...] = BOTH):
    stages = {stage.pk: stage for stage in Stage.objects.all()}
    items = new_items(WINDOW.start_at, WINDOW.end_at)
    return digest_for(query, kinds, items, stages, lambda kind, q: matching(WINDOW, kind, q))


def test_the_window_holds_items_published_in_it_and_nothing_else(
    publish, make_resource, make_initiative
):
    publish("Published in the window")
    publish("Initiative in the window", "initiative")
    publish("Published before", at=BEFORE_WINDOW)
    publish("Published at the period start", at=WINDOW.end_at)
    publish("Published at the window start", at=WINDOW.start_at)
    for status in ("draft", "submitted", "rejected", "changes_requested"):
        make_resource(f"Not published {status}", status)
    published_on(make_initiative("Archived since", "archived"), IN_WINDOW)

    found = {item.title for item in new_items(WINDOW.start_at, WINDOW.end_at)}

    assert found == {
        "Published in the window",
        "Initiative in the window",
        "Published at the window start",
    }


def test_an_accepted_revision_in_the_window_brings_an_older_item_back_as_updated(
    publish, curator, partner
):
    revised = publish("Revised guide", at=BEFORE_WINDOW)
    declined = publish("Declined change", at=BEFORE_WINDOW)
    Revision.propose(revised, {"summary": "Now with a section on liquid biopsy."}, by=partner)
    Revision.objects.filter(resource=revised).get().accept(by=curator)
    Revision.objects.filter(resource=revised).update(decided_at=IN_WINDOW)
    Revision.propose(declined, {"summary": "Nope."}, by=partner)
    Revision.objects.filter(resource=declined).get().decline(by=curator, note="Out of scope.")
    Revision.objects.filter(resource=declined).update(decided_at=IN_WINDOW)

    items = new_items(WINDOW.start_at, WINDOW.end_at)

    assert [(item.title, item.is_new) for item in items] == [("Revised guide", False)]
    assert items[0].summary == "Now with a section on liquid biopsy."


def test_an_empty_query_matches_everything_published(publish):
    publish("A", stages=["testing-decision"], countries=["DE"])
    publish("B", "initiative", stages=["monitoring"], countries=["JP"])

    assert sorted(titles(digest_of())) == ["A", "B"]


def test_any_value_within_a_parameter_and_every_parameter_must_match(publish):
    publish("Testing in Germany", stages=["testing-decision"], countries=["DE"])
    publish("Testing in Japan", stages=["testing-decision"], countries=["JP"])
    publish("Monitoring in Germany", stages=["monitoring"], countries=["DE"])
    publish("Access in France", stages=["treatment-access"], countries=["FR"])

    query = "country=DE&country=FR&stage=testing-decision&stage=treatment-access"

    assert sorted(titles(digest_of(query))) == ["Access in France", "Testing in Germany"]


def test_barriers_and_therapeutic_areas_narrow_and_parent_areas_include_children(publish):
    publish(
        "Lung reimbursement", barriers=["test-not-reimbursed"], therapeutic_areas=["lung-cancer"]
    )
    publish(
        "Cardio reimbursement",
        barriers=["test-not-reimbursed"],
        therapeutic_areas=["cardiovascular"],
    )
    publish(
        "Lung guidelines",
        barriers=["fragmented-testing-guidelines"],
        therapeutic_areas=["lung-cancer"],
    )

    assert titles(digest_of("area=oncology&barrier=test-not-reimbursed")) == ["Lung reimbursement"]


def test_a_region_matches_its_own_its_countries_and_global_work_as_the_library(publish):
    publish("German pilot", countries=["DE"])
    publish("European network", regions=["europe"])
    publish("Japanese registry", countries=["JP"])
    publish("Worldwide guideline", regions=["global"])

    assert sorted(titles(digest_of("region=europe"))) == [
        "European network",
        "German pilot",
        "Worldwide guideline",
    ]
    assert sorted(titles(digest_of("region=europe&scope=exact"))) == [
        "European network",
        "German pilot",
    ]


def test_the_search_and_the_other_library_filters_apply_too(publish):
    publish("Biomarker primer", language="de")
    publish("Biomarker primer in English", language="en")
    publish("Reimbursement guide", language="de")

    assert titles(digest_of("language=de&q=biomarker")) == ["Biomarker primer"]


def test_kinds_choose_resources_or_initiatives(publish):
    publish("A resource")
    publish("An initiative", "initiative")

    assert titles(digest_of(kinds=("resource",))) == ["A resource"]
    assert titles(digest_of(kinds=("initiative",))) == ["An initiative"]


def test_items_are_grouped_under_their_first_followed_stage_in_pathway_order(publish):
    publish("Early and late", stages=["awareness-diagnosis", "monitoring"])
    publish("Testing only", stages=["testing-decision"])
    publish("Untagged")

    everything = digest_of()
    late_only = digest_of("stage=monitoring&stage=testing-decision")

    assert [
        (s.stage.slug if s.stage else None, [i.title for i in s.items]) for s in everything.sections
    ] == [
        ("awareness-diagnosis", ["Early and late"]),
        ("testing-decision", ["Testing only"]),
        (None, ["Untagged"]),
    ]
    assert [(s.stage.slug, [i.title for i in s.items]) for s in late_only.sections] == [
        ("testing-decision", ["Testing only"]),
        ("monitoring", ["Early and late"]),
    ]


def test_initiatives_near_you_are_new_ones_in_the_querys_countries_on_its_barriers(
    publish, curator, partner
):
    publish(
        "Reimbursement campaign in Germany",
        "initiative",
        stages=["treatment-access"],
        countries=["DE"],
        barriers=["test-not-reimbursed"],
    )
    publish(
        "Other barrier in Germany",
        "initiative",
        stages=["treatment-access"],
        countries=["DE"],
        barriers=["weak-referral-routes"],
    )
    publish(
        "Reimbursement campaign in Spain",
        "initiative",
        countries=["ES"],
        barriers=["test-not-reimbursed"],
    )
    publish("Reimbursement report in Germany", countries=["DE"], barriers=["test-not-reimbursed"])
    old = publish(
        "Older German initiative, revised",
        "initiative",
        at=BEFORE_WINDOW,
        countries=["DE"],
        barriers=["test-not-reimbursed"],
    )
    Revision.propose(old, {"summary": "Updated."}, by=partner)
    Revision.objects.get(initiative=old).accept(by=curator)
    Revision.objects.filter(initiative=old).update(decided_at=IN_WINDOW)

    # Follows the testing stage only, so the initiatives are not in the main list;
    # wants resources only, and still hears of initiatives near them.
    digest = digest_of(
        "barrier=test-not-reimbursed&country=DE&stage=testing-decision", kinds=("resource",)
    )

    assert titles(digest) == []
    assert [item.title for item in digest.nearby] == ["Reimbursement campaign in Germany"]
    assert digest.count == 1


def test_an_item_in_the_main_list_is_not_repeated_near_you(publish):
    publish("German initiative", "initiative", countries=["DE"])

    digest = digest_of("country=DE")

    assert titles(digest) == ["German initiative"]
    assert digest.nearby == []


def test_nothing_near_you_without_a_country_in_the_query(publish):
    publish("German initiative", "initiative", stages=["monitoring"], countries=["DE"])

    digest = digest_of("region=europe&stage=testing-decision")

    assert digest.is_empty


def test_digests_with_the_same_items_have_the_same_key_whatever_the_query(publish):
    publish("Only item", stages=["testing-decision"], countries=["DE"])

    by_stage = digest_of("stage=testing-decision")
    by_country = digest_of("country=DE")
    other = digest_of("country=FR")

    assert by_stage.key == by_country.key
    assert other.key != by_stage.key
