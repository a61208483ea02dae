"""The synergy finder (synergies/): what it finds, how it explains
itself, what it leaves out, and what a lookup costs. Runs on SQLite and PostgreSQL;
the quality figures are in test_similarity_quality.py."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from contributions.models import Initiative, Resource
from pathway.models import Country, Region, TherapeuticArea
from synergies import common, partner_index
from synergies.models import SimilarityDecision
from synergies.partners import potential_partners
from synergies.profile import STRONG, Profile
from synergies.similarity import find_similar, record_decisions, related_to, score_pair
from synergies.stored import rebuild_profiles

pytestmark = pytest.mark.django_db

REIMBURSEMENT = "test-not-reimbursed"
UNAWARE = "patients-unaware-of-testing"


def lookup_queries(short: bool = False, stored: bool = True) -> int:
    """A lookup's queries when both kinds have candidates and the profile has tags:
    the synonym table; the search for its words in both kinds; per kind the
    structural candidates among what the words found (from their stored profiles),
    the candidates' rows with their stored profiles, and for a short draft the most
    similar titles; one for region and area names. The same on both databases,
    whatever the number of items (a query for common words two by two is added
    only when a word is found in more than COMMON items), once the common words of
    the content version are counted (synergies/common.py: a task does it after each
    change; until then the first lookup asks for the count).

    Items without a stored profile (synergies/stored.py) cost three more: per kind
    the structural candidates counted from the tag links, and one for all the
    candidates' tags."""
    return 7 + 2 * short + (0 if stored else 3)


def draft(title: str, summary: str = "", **tags) -> Profile:
    rows = {
        "stages": [],
        "barriers": list(Barrier.objects.filter(slug__in=tags.get("barriers", []))),
        "countries": list(Country.objects.filter(code__in=tags.get("countries", []))),
        "regions": list(Region.objects.filter(slug__in=tags.get("regions", []))),
        "therapeutic_areas": list(
            TherapeuticArea.objects.filter(slug__in=tags.get("therapeutic_areas", []))
        ),
        "audiences": [],
    }
    return Profile.from_tags(title=title, summary=summary, kind="resource", tags=rows)


@pytest.fixture
def reimbursement_chart(make_resource):
    return make_resource(
        "Biomarker test reimbursement in Germany",
        "published",
        summary="Which biomarker tests German health insurers pay for, and how to appeal.",
        barriers=[REIMBURSEMENT],
        stages=["testing-decision"],
        countries=["DE"],
        therapeutic_areas=["lung-cancer"],
    )


def test_a_reworded_draft_finds_the_item_it_duplicates_and_says_why(reimbursement_chart):
    matches = find_similar(
        draft(
            "Reimbursement of biomarker tests in Germany",
            "What German insurers pay for biomarker testing, and appeals.",
            barriers=[REIMBURSEMENT],
            countries=["DE"],
        )
    )

    assert [m.item for m in matches] == [reimbursement_chart]
    [match] = matches
    assert match.strong
    assert match.reasons[:3] == [
        "same barrier: Biomarker test not reimbursed",
        "both in Germany",
        "similar title",
    ]
    assert match.explanation.startswith("same barrier: Biomarker test not reimbursed; both in")


def test_related_work_in_the_same_region_is_explained_by_region_and_area(make_initiative):
    network = make_initiative(
        "Molecular tumour boards across France",
        "published",
        summary="Regional molecular tumour boards for every hospital.",
        barriers=["no-molecular-tumour-board"],
        countries=["FR"],
        therapeutic_areas=["lung-cancer"],
    )

    [match] = find_similar(
        draft(
            "Tumour boards for hospitals in Germany",
            barriers=["no-molecular-tumour-board"],
            countries=["DE"],
            therapeutic_areas=["oncology"],
        )
    )

    assert match.item == network
    assert "both in Europe" in match.reasons
    assert "both about Oncology" in match.reasons
    assert "same barrier: No access to a molecular tumour board" in match.reasons


def test_only_published_items_are_found(make_resource, make_initiative):
    for status in ["draft", "submitted", "changes_requested", "rejected", "archived"]:
        make_resource(f"Biomarker reimbursement guide {status}", status, barriers=[REIMBURSEMENT])
        make_initiative(f"Biomarker reimbursement campaign {status}", status)
    published = make_initiative("Biomarker reimbursement campaign", "published")

    matches = find_similar(draft("Biomarker reimbursement", barriers=[REIMBURSEMENT]), limit=20)

    assert [m.item for m in matches] == [published]


def test_an_item_is_never_related_to_itself(reimbursement_chart, make_resource):
    other = make_resource(
        "Biomarker test reimbursement appeals",
        "published",
        barriers=[REIMBURSEMENT],
        countries=["DE"],
    )
    item = Resource.objects.with_tags().get(pk=reimbursement_chart.pk)

    assert [m.item for m in related_to(item)] == [other]


def test_resources_and_initiatives_are_both_found(reimbursement_chart, make_initiative):
    campaign = make_initiative(
        "Campaign for biomarker test reimbursement in Germany",
        "published",
        barriers=[REIMBURSEMENT],
        countries=["DE"],
    )

    matches = find_similar(
        draft("Biomarker test reimbursement in Germany", barriers=[REIMBURSEMENT])
    )

    assert {m.item for m in matches} == {reimbursement_chart, campaign}
    assert {m.kind for m in matches} == {"resource", "initiative"}


def test_unrelated_work_scores_below_what_is_shown(make_resource):
    make_resource(
        "Plain-language leaflet on tumour boards",
        "published",
        barriers=[UNAWARE],
        countries=["BR"],
    )

    assert find_similar(draft("Registry of testing rates", barriers=["no-real-world-data"])) == []


def test_text_alone_finds_a_match_while_typing(reimbursement_chart):
    matches = find_similar(Profile(title="biomarker test reimbursement germany"))

    assert [m.item for m in matches] == [reimbursement_chart]
    assert matches[0].reasons == ["similar title"]


def test_no_text_and_no_tags_finds_nothing_and_asks_nothing(reimbursement_chart):
    with CaptureQueriesContext(connection) as queries:
        assert find_similar(Profile(title="")) == []
    assert len(queries) == 0


def test_marked_related_work_comes_first_whatever_its_score(reimbursement_chart, make_initiative):
    unlike = make_initiative("Patient stories from Brazil", "published", countries=["BR"])
    SimilarityDecision.objects.create(
        resource=reimbursement_chart, match_initiative=unlike, choice="related"
    )
    twin = Resource.objects.create(
        title="Biomarker test reimbursement in Germany, second edition",
        summary="Which biomarker tests German health insurers pay for.",
        organisation=reimbursement_chart.organisation,
        resource_type="report",
        url="https://example.org/twin",
    )
    for name in ("stages", "barriers", "countries"):
        getattr(twin, name).set(getattr(reimbursement_chart, name).all())
    twin.submit(by=None)
    twin.publish(by=None)
    item = Resource.objects.with_tags().get(pk=reimbursement_chart.pk)

    related = related_to(item)

    assert [m.item for m in related] == [unlike, twin]
    assert related[0].linked and related[0].reasons[0] == "marked as related work"


def test_a_relation_marked_on_one_side_shows_on_the_other(reimbursement_chart, make_initiative):
    campaign = make_initiative("Patient stories from Brazil", "published", countries=["BR"])
    SimilarityDecision.objects.create(
        resource=reimbursement_chart, match_initiative=campaign, choice="related"
    )

    related = related_to(Initiative.objects.with_tags().get(pk=campaign.pk))

    assert [m.item for m in related] == [reimbursement_chart]


@pytest.mark.parametrize("stored", [True, False])
@pytest.mark.parametrize("count", [1, 6])
def test_a_lookup_makes_the_same_queries_whatever_the_number_of_items(
    make_resource, make_initiative, count, stored
):
    tags = {
        "barriers": [REIMBURSEMENT, UNAWARE],
        "stages": ["testing-decision", "sample-analysis"],
        "countries": ["DE", "FR"],
        "regions": ["europe"],
        "therapeutic_areas": ["lung-cancer", "oncology"],
        "audiences": ["clinicians"],
    }
    for n in range(count):
        make_resource(f"Biomarker reimbursement guide {n}", "published", **tags)
        make_initiative(f"Biomarker reimbursement campaign {n}", "published", **tags)
    profile = draft("Guide to biomarker reimbursement", barriers=[REIMBURSEMENT])
    if stored:
        rebuild_profiles()

    common.build()  # as the task queued by the last change did
    with CaptureQueriesContext(connection) as queries:
        # Every candidate, whatever its score: both kinds are looked up in full.
        matches = find_similar(profile, limit=20, minimum=0)

    assert len(matches) == 2 * count
    assert len(queries) == lookup_queries(short=True, stored=stored)


def test_related_items_of_a_page_cost_one_query_more_than_a_lookup(
    reimbursement_chart, make_resource, make_initiative
):
    make_resource("Biomarker test reimbursement appeals", "published", barriers=[REIMBURSEMENT])
    make_initiative("Biomarker test reimbursement campaign", "published", barriers=[REIMBURSEMENT])
    rebuild_profiles()
    item = Resource.objects.with_tags().select_related("similarity_profile")
    item = item.get(pk=reimbursement_chart.pk)

    common.build()  # as the task queued by the last change did
    with CaptureQueriesContext(connection) as queries:
        related = related_to(item)

    assert len(related) == 2
    assert len(queries) == lookup_queries() + 1


def test_score_pair_scores_like_a_lookup(reimbursement_chart, make_resource):
    other = make_resource(
        "Biomarker test reimbursement appeals in Germany",
        "published",
        barriers=[REIMBURSEMENT],
        countries=["DE"],
    )
    profile = Profile.of(Resource.objects.with_tags().get(pk=reimbursement_chart.pk))

    [found] = find_similar(profile)

    assert found.item == other
    assert score_pair(profile, other).score == found.score


def test_duplicates_score_as_strong_matches(reimbursement_chart):
    same = draft(
        "Biomarker tests reimbursed in Germany",
        reimbursement_chart.summary,
        barriers=[REIMBURSEMENT],
        countries=["DE"],
        therapeutic_areas=["lung-cancer"],
    )

    assert score_pair(same, reimbursement_chart).score >= STRONG


def test_partner_input_cannot_break_the_search(reimbursement_chart):
    for text in [
        "a & b | !c",
        "'; DROP TABLE x; --",
        "(((",
        "\x00 null",
        "ünïcødé ñ 测试",
        "a" * 300,
    ]:
        assert isinstance(find_similar(Profile(title=text, summary=text)), list)


# Decisions


def test_decisions_are_recorded_with_score_and_reasons_and_can_change(
    reimbursement_chart, make_resource, partner
):
    mine = make_resource("My draft", "draft")
    [match] = find_similar(draft("Biomarker test reimbursement", barriers=[REIMBURSEMENT]))

    record_decisions(mine, {("resource", reimbursement_chart.pk): "related"}, [match], by=partner)
    record_decisions(mine, {("resource", reimbursement_chart.pk): "distinct"}, [match], by=partner)

    decision = SimilarityDecision.objects.get()
    assert (decision.subject, decision.match) == (mine, reimbursement_chart)
    assert decision.choice == "distinct"
    assert decision.decided_by == partner
    assert decision.score == match.score
    assert decision.reasons == match.reasons


def test_decisions_about_items_that_were_not_shown_are_ignored(reimbursement_chart, partner):
    record_decisions(reimbursement_chart, {("initiative", 999): "related"}, [], by=partner)

    assert not SimilarityDecision.objects.exists()


def test_a_decision_has_one_subject_one_match_and_never_itself(reimbursement_chart, make_resource):
    other = make_resource("Other", "published")
    for fields in [
        {"resource": reimbursement_chart, "match_resource": reimbursement_chart},
        {"resource": other, "initiative_id": None},
        {"resource": other, "match_resource": reimbursement_chart, "match_initiative_id": None}
        | {
            "initiative": Initiative.objects.create(
                title="x", summary="x", organisation=other.organisation
            )
        },
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            SimilarityDecision.objects.create(choice="related", **fields)


# Potential partners


@pytest.fixture
def lead_initiative(make_initiative):
    initiative = make_initiative(
        "Reimbursement campaign in Germany",
        "published",
        barriers=[REIMBURSEMENT, UNAWARE],
        countries=["DE"],
    )
    return (
        Initiative.objects.with_tags()
        .prefetch_related("partner_organisations")
        .get(pk=initiative.pk)
    )


def test_partners_work_on_the_same_barrier_in_the_same_country_first(
    lead_initiative, make_resource, make_initiative, other_organisation, patients_group
):
    from stakeholders.models import Organisation

    regional = Organisation.objects.create(
        name="Europe-wide network", slug="europe-wide", group=patients_group, verified=True
    )
    elsewhere = Organisation.objects.create(
        name="Brazilian group", slug="brazil", group=patients_group, verified=True
    )
    make_resource(
        "Guide",
        "published",
        organisation=other_organisation,
        barriers=[REIMBURSEMENT],
        countries=["DE"],
    )
    make_initiative(
        "Network", "published", organisation=regional, barriers=[UNAWARE], regions=["europe"]
    )
    make_initiative(
        "Far", "published", organisation=elsewhere, barriers=[REIMBURSEMENT], countries=["BR"]
    )
    make_initiative("Own other work", "published", barriers=[REIMBURSEMENT], countries=["DE"])

    partners = potential_partners(lead_initiative)

    assert [p.organisation for p in partners] == [other_organisation, regional]
    assert partners[0].explanation == "works on Biomarker test not reimbursed in Germany"
    assert partners[1].explanation == (
        "works on Patients do not know biomarker testing exists in Europe"
    )


def test_existing_partners_are_not_suggested_again(
    lead_initiative, make_resource, other_organisation
):
    make_resource(
        "Guide",
        "published",
        organisation=other_organisation,
        barriers=[REIMBURSEMENT],
        countries=["DE"],
    )
    lead_initiative.partner_organisations.add(other_organisation)
    initiative = (
        Initiative.objects.with_tags()
        .prefetch_related("partner_organisations")
        .get(pk=lead_initiative.pk)
    )

    assert potential_partners(initiative) == []


def test_unpublished_work_does_not_make_a_partner(
    lead_initiative, make_resource, other_organisation
):
    make_resource(
        "Draft guide",
        "submitted",
        organisation=other_organisation,
        barriers=[REIMBURSEMENT],
        countries=["DE"],
    )

    assert potential_partners(lead_initiative) == []


@pytest.mark.parametrize("indexed", [True, False])
@pytest.mark.parametrize("count", [1, 6])
def test_partners_cost_one_query_or_two_whatever_their_number(
    lead_initiative, make_resource, patients_group, count, indexed, monkeypatch
):
    """One query (the organisations) with the content version's partner index
    (synergies/partner_index.py), two from the tag links until it is built."""
    from stakeholders.models import Organisation

    for n in range(count):
        organisation = Organisation.objects.create(
            name=f"Group {n}", slug=f"group-{n}", group=patients_group, verified=True
        )
        make_resource(
            f"Guide {n}",
            "published",
            organisation=organisation,
            barriers=[REIMBURSEMENT, UNAWARE],
            countries=["DE"],
            regions=["europe"],
        )

    if indexed:
        partner_index.build()
    else:
        monkeypatch.setattr(partner_index, "load", lambda version: None)
    with CaptureQueriesContext(connection) as queries:
        partners = potential_partners(lead_initiative)

    assert len(partners) == count
    assert len(queries) == (1 if indexed else 2)
