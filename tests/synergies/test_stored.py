"""The synergy finder's stored profiles (synergies/stored.py) and the cheap first rank
(synergies/bounds.py): kept in step with the items, stale when the synonym table
changes, and never changing what a lookup finds: the same matches, scores and
reasons with stored profiles, without them and without the first rank."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from contributions.models import KINDS, Initiative, Resource
from pathway.models import Country
from search.models import Synonym
from synergies import bounds, common
from synergies.bounds import MARGIN, Probes, bound_text
from synergies.candidates import retrieve
from synergies.models import SimilarityProfile
from synergies.profile import Candidate, Profile, keys_version, stored_reading
from synergies.rows import stored_candidate
from synergies.similarity import compare_text, find_similar, related_to, text_similarity
from synergies.stored import rebuild_profiles, refresh_stale
from synergies.wording import Concepts

from .drafts import DRAFTS
from .evaluation import evaluate, partners
from .library import load_library
from .test_similarity import REIMBURSEMENT, UNAWARE, draft, lookup_queries

pytestmark = pytest.mark.django_db

TAGS = {"barriers": [REIMBURSEMENT], "stages": ["testing-decision"], "countries": ["DE"]}


def stored(item) -> SimilarityProfile | None:
    return SimilarityProfile.objects.filter(**{item.kind: item}).first()


def expected_keys(item) -> list[list]:
    reading = Concepts.load().reading(item.title, item.summary, item.language)
    return [
        [[k.key, *k.words] for k in reading.title_keys],
        [[k.key, *k.words] for k in reading.summary_keys],
    ]


def keys_of(row) -> list[list]:
    return json.loads(row.keys)


def test_publishing_stores_the_profile_and_edits_keep_it_in_step(
    make_resource, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = make_resource("Biomarker test reimbursement in Germany", "published", **TAGS)
    row = stored(item)
    assert keys_of(row) == expected_keys(item)
    barrier = str(Barrier.objects.get(slug=REIMBURSEMENT).pk)
    assert row.tags["barriers"] == [barrier]
    assert row.tags["countries"] == ["DE"]
    assert row.tags["country_regions"] == [str(Country.objects.get(code="DE").region_id)]

    with django_capture_on_commit_callbacks(execute=True):
        item.title = "Liquid biopsy reimbursement in Germany"
        item.save()
        item.barriers.add(Barrier.objects.get(slug=UNAWARE))
    row = stored(item)
    assert keys_of(row) == expected_keys(item)
    assert len(row.tags["barriers"]) == 2

    # From the other side of the link: a barrier's items.
    with django_capture_on_commit_callbacks(execute=True):
        Barrier.objects.get(slug=UNAWARE).resources.clear()
    assert stored(item).tags["barriers"] == [barrier]

    with django_capture_on_commit_callbacks(execute=True):
        item.archive(by=None)
    assert stored(item) is None


def test_a_draft_has_no_stored_profile(make_resource, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = make_resource("Biomarker test reimbursement in Germany", "draft", **TAGS)
    assert stored(item) is None


def test_a_deleted_tag_leaves_the_stored_tags(make_resource, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = make_resource(
            "Biomarker test reimbursement in Germany",
            "published",
            **{**TAGS, "barriers": [REIMBURSEMENT, UNAWARE]},
        )
    with django_capture_on_commit_callbacks(execute=True):
        Barrier.objects.get(slug=UNAWARE).delete()
    assert stored(item).tags["barriers"] == [str(Barrier.objects.get(slug=REIMBURSEMENT).pk)]


def test_a_country_moving_to_another_region_refreshes_its_items(
    make_resource, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = make_resource("Biomarker test reimbursement in Germany", "published", **TAGS)
    germany = Country.objects.get(code="DE")
    other = Country.objects.exclude(region=germany.region).exclude(region=None).first()
    with django_capture_on_commit_callbacks(execute=True):
        germany.region = other.region
        germany.save()
    assert stored(item).tags["country_regions"] == [str(other.region_id)]


def test_a_synonym_change_makes_stored_keys_stale_and_the_refresh_renews_them(
    make_resource, django_capture_on_commit_callbacks, monkeypatch
):
    from ft3portal.celery import app as celery_app

    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)
    item = make_resource("Companion diagnostics reimbursement", "published", **TAGS)
    rebuild_profiles()
    before = Concepts.load()
    row = stored(item)
    assert stored_reading(row, item.title, item.summary, item.language, before) is not None

    Synonym.objects.create(terms="companion diagnostics\nCDx")
    after = Concepts.load()
    assert keys_version(after) != keys_version(before)
    # Made with the old table: not used, the text is read again.
    assert stored_reading(row, item.title, item.summary, item.language, after) is None
    typed = Profile(title="CDx reimbursement")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Synonym.objects.create(terms="reimbursement\nrefund")
    assert callbacks, "the refresh of stale profiles is enqueued after the commit"
    assert [m.item for m in find_similar(typed)] == [item]
    row = stored(item)
    assert row.version == keys_version(Concepts.load())
    assert keys_of(row) == expected_keys(item)
    assert refresh_stale() == 0


def test_stored_keys_read_from_another_text_are_not_used(make_resource):
    item = make_resource("Biomarker test reimbursement in Germany", "published", **TAGS)
    rebuild_profiles()
    Resource.objects.filter(pk=item.pk).update(title="Patient stories from Brazil")
    item.refresh_from_db()
    concepts = Concepts.load()
    assert stored_reading(stored(item), item.title, item.summary, "en", concepts) is None
    assert find_similar(Profile(title="Patient stories from Brazil"))[0].item == item


def test_a_lookup_with_stored_profiles_reads_no_tags(make_resource, make_initiative):
    tags = {**TAGS, "regions": ["europe"], "therapeutic_areas": ["lung-cancer"]}
    for n in range(3):
        make_resource(f"Biomarker reimbursement guide {n}", "published", **tags)
        make_initiative(f"Biomarker reimbursement campaign {n}", "published", **tags)
    profile = draft("Guide to biomarker reimbursement", barriers=[REIMBURSEMENT])
    without = find_similar(profile, limit=20, minimum=0)
    rebuild_profiles()
    cache.clear()  # what the words find, kept by the first lookup

    common.build()  # as the task queued by the last change did
    with CaptureQueriesContext(connection) as queries:
        matches = find_similar(profile, limit=20, minimum=0)

    # The candidates' rows bring their stored profiles: no query for their tags.
    assert len(queries) == lookup_queries(short=True)
    assert not any("GROUP_CONCAT" in q["sql"] or "STRING_AGG" in q["sql"] for q in queries)
    assert summary(matches) == summary(without)


def test_related_items_read_the_items_own_stored_profile(make_resource, make_initiative):
    item = make_resource("Biomarker test reimbursement in Germany", "published", **TAGS)
    make_resource("Biomarker test reimbursement appeals", "published", **TAGS)
    make_initiative("Biomarker test reimbursement campaign", "published", **TAGS)
    without = related_to(Resource.objects.with_tags().get(pk=item.pk))
    rebuild_profiles()
    loaded = Resource.objects.with_tags().select_related("similarity_profile").get(pk=item.pk)
    profile = Profile.of(loaded)
    assert profile.stored is not None
    cache.clear()

    common.build()  # as the task queued by the last change did
    with CaptureQueriesContext(connection) as queries:
        related = related_to(loaded)

    # One for the decisions marking related work, none for the candidates' tags.
    assert len(queries) == lookup_queries(short=True) + 1
    assert summary(related) == summary(without)


def summary(matches) -> list:
    return [(m.kind, m.item.pk, m.score, m.text, m.structure, m.reasons) for m in matches]


def outcomes(drafts, users) -> list:
    return [(o.draft.title, o.mode, o.matches) for o in evaluate(drafts, users)]


def test_the_labelled_set_finds_the_same_with_and_without_stored_profiles(monkeypatch):
    """Every labelled draft, while typing and in the check, among the labelled
    library and filler: the same matches and scores with stored profiles (as loaded),
    with none, with stale ones, and without the cheap first rank."""
    loaded = load_library(filler=100)
    users = partners(DRAFTS)
    assert SimilarityProfile.objects.count() == len(loaded)
    with_profiles = outcomes(DRAFTS, users)

    SimilarityProfile.objects.all().delete()
    assert outcomes(DRAFTS, users) == with_profiles

    rebuild_profiles()
    SimilarityProfile.objects.update(version="stale")
    assert outcomes(DRAFTS, users) == with_profiles

    rebuild_profiles()
    monkeypatch.setattr(bounds, "PRUNING", False)
    assert outcomes(DRAFTS, users) == with_profiles


def test_related_items_of_the_library_are_the_same_with_and_without_stored_profiles(
    monkeypatch,
):
    load_library(filler=100)
    items = [
        item
        for model in KINDS.values()
        for item in model.objects.with_tags().select_related("similarity_profile")[:40]
    ]
    with_profiles = [summary(related_to(item)) for item in items]
    monkeypatch.setattr(bounds, "PRUNING", False)
    for item in items:
        item._state.fields_cache.pop("similarity_profile")
    SimilarityProfile.objects.all().delete()
    assert [summary(related_to(item)) for item in items] == with_profiles
    assert any(with_profiles)


def test_an_initiative_is_found_through_its_stored_profile(make_initiative):
    campaign = make_initiative("Liquid biopsy awareness campaign", "published", **TAGS)
    rebuild_profiles()
    assert SimilarityProfile.objects.get(initiative=campaign).tags["stages"]
    assert [m.item for m in find_similar(Profile(title="Liquid biopsy awareness"))] == [
        Initiative.objects.get(pk=campaign.pk)
    ]


def test_no_candidate_of_the_labelled_set_is_more_similar_than_its_bound():
    """Every labelled draft's text against every item of the library: the first
    rank's bound (from the stored reach) is never below the text similarity a full
    comparison gives, across languages too (cognates, the same word as written,
    words no item holds)."""
    load_library(filler=100)
    concepts = Concepts.load()
    items = [
        item
        for model in KINDS.values()
        for item in model.objects.published().select_related("similarity_profile")
    ]
    across = 0
    for d in DRAFTS:
        retrieval = retrieve(Profile(title=d.title, summary=d.summary, language=d.language))
        probes = Probes(retrieval.reading, retrieval.weights)
        for item in items:
            bounded = stored_candidate(item, concepts)
            assert bounded.reach is not None
            bound_text(probes, bounded, concepts)
            compared = Candidate.of(item)
            compare_text(retrieval, compared)
            text = text_similarity(compared)
            assert text_similarity(bounded) + MARGIN >= text, (d.title, item.title)
            across += d.language != item.language and text > 0.25
    assert across
