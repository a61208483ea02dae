"""The evaluation material for the site-wide search (issue #12): the metrics on
hand-made rankings, the integrity of the corpus and the labelled queries, and the
baseline of today's library search, whose table is printed on every run (`-s`)."""

from collections import Counter
from collections.abc import Mapping

import pytest
from django.db import connection
from django.http import QueryDict

from barriers.models import Barrier
from contributions import demo
from contributions.filters import InitiativeFilterSet, ResourceFilterSet
from contributions.models import Initiative, Resource, Status
from pathway.models import Stage
from stakeholders.models import StakeholderGroup

from .corpus import (
    INITIATIVES,
    ITEMS,
    ORGANISATIONS,
    RESOURCES,
    findable_texts,
    load_corpus,
    unknown_references,
)
from .evaluation import (
    absurd_results,
    evaluate,
    format_misses,
    format_table,
    ndcg,
    reciprocal_rank,
    success_at,
)
from .queries import CLASSES, NO_ANSWER, QUERIES, Key, Query

A, B, C, D, E, F = (("resource", letter) for letter in "abcdef")
JUDGED = {A: 2, B: 1}


def report(capsys, text: str) -> None:
    with capsys.disabled():
        print(f"\n{text}")


# The metrics


def test_success_at_5_needs_a_just_what_i_wanted_result_in_the_first_five():
    assert success_at([C, D, E, F, A], JUDGED, 5) == 1.0
    assert success_at([C, D, E, F, ("resource", "g"), A], JUDGED, 5) == 0.0


def test_success_at_5_is_not_earned_by_useful_results():
    assert success_at([B, C], JUDGED, 5) == 0.0


def test_reciprocal_rank_is_taken_at_the_first_useful_or_better_result():
    assert reciprocal_rank([C, B, A], JUDGED) == 0.5
    assert reciprocal_rank([C, D, A], JUDGED) == pytest.approx(1 / 3)
    assert reciprocal_rank([C, D], JUDGED) == 0.0


def test_reciprocal_rank_looks_no_further_than_the_tenth_result():
    ten_misses = [("resource", f"other-{n}") for n in range(10)]

    assert reciprocal_rank([*ten_misses, A], JUDGED) == 0.0


def test_ndcg_is_one_for_the_best_ordering_and_less_for_a_worse_one():
    assert ndcg([A, B, C], JUDGED) == 1.0
    # Gains 1 then 3 at ranks 1 and 2, against 3 then 1.
    worse = (1 + 3 / 1.5849625007211562) / (3 + 1 / 1.5849625007211562)
    assert ndcg([B, A], JUDGED) == pytest.approx(worse)
    assert ndcg([], JUDGED) == 0.0


def test_a_result_with_too_few_of_the_query_words_is_absurd():
    texts = {
        A: "Setting up a molecular tumour board",
        B: "Insulin pump settings for people with diabetes",
        C: "Diabetes care in general practice",
    }

    absurd = absurd_results("diabetes insulin pump settings", [A, B, C], texts)

    # A shares one of four words and C one of four; B shares all of them.
    assert absurd == [A, C]


def test_word_forms_and_accents_match_but_short_words_only_whole():
    texts = {A: "Badania molekularne w raku PŁUCA", B: "Working alongside laboratories"}

    assert absurd_results("rak pluca", [A], texts) == []
    assert absurd_results("tumours", [("resource", "x")], {("resource", "x"): "tumour"}) == []
    assert absurd_results("NGS", [B], texts) == [B]


def test_a_result_whose_text_is_unknown_is_absurd():
    assert absurd_results("anything", [A], {}) == [A]


def fake_search(results: Mapping[str, list[Key]]):
    def search(text: str, params: Mapping[str, str]) -> list[Key]:
        return results.get(f"{text}|{params.get('country', '')}", [])

    return search


def test_evaluation_scores_each_class_and_all_queries():
    queries = [
        Query("one", "plain-language", great=(A,)),
        Query("two", "plain-language", great=(A,), useful=(B,)),
        Query("three", "acronym", great=(C,), country="PL"),
        Query("nothing here", NO_ANSWER),
        Query("nothing there", NO_ANSWER),
    ]
    search = fake_search(
        {
            "one|": [A],
            "two|": [D, B, E, F, ("resource", "g"), A],
            "three|PL": [C],
            "three|": [D],
            "nothing there|": [D],
        }
    )

    evaluation = evaluate(queries, search, texts={D: "Something else entirely"})
    rows = {row.name: row for row in evaluation.rows()}

    assert list(rows) == ["plain-language", "acronym", NO_ANSWER, "all"]
    assert rows["plain-language"].success_at_5 == 0.5
    assert rows["plain-language"].mrr == 0.75
    assert rows["acronym"].success_at_5 == 1.0
    assert rows[NO_ANSWER].success_at_5 is None
    assert rows[NO_ANSWER].absurd == 0.5
    assert rows["all"].queries == 5
    assert rows["all"].success_at_5 == pytest.approx(2 / 3)
    assert rows["all"].zero_results == 0.0
    assert [outcome.query.text for outcome in evaluation.misses()] == ["two", "nothing there"]


def test_zero_results_are_counted_over_answerable_queries_only():
    queries = [
        Query("found", "plain-language", great=(A,)),
        Query("lost", "plain-language", great=(A,)),
        Query("no answer", NO_ANSWER),
    ]

    evaluation = evaluate(queries, fake_search({"found|": [A]}), texts={})

    assert evaluation.overall().zero_results == 0.5


def test_a_result_returned_twice_counts_once():
    evaluation = evaluate(
        [Query("twice", "plain-language", great=(A,))],
        fake_search({"twice|": [C, C, C, C, C, A]}),
        texts={},
    )

    assert evaluation.outcomes[0].ranking == (C, A)
    assert evaluation.overall().success_at_5 == 1.0


def test_shortfalls_name_each_target_that_is_missed():
    queries = [Query("lost", "plain-language", great=(A,)), Query("odd", NO_ANSWER)]

    evaluation = evaluate(queries, fake_search({"odd|": [D]}), texts={D: "unrelated"})

    assert [line.split(" is ")[0] for line in evaluation.shortfalls()] == [
        "success@5",
        "MRR",
        "zero results",
        "absurd",
    ]
    perfect = evaluate(queries[:1], fake_search({"lost|": [A]}), texts={})
    assert perfect.shortfalls() == []


def test_the_table_has_a_row_per_class_all_queries_and_the_targets():
    evaluation = evaluate(
        [Query("one", "acronym", great=(A,)), Query("none", NO_ANSWER)],
        fake_search({"one|": [B, A]}),
        texts={},
    )

    table = format_table(evaluation, "Title").splitlines()

    assert table[0] == "Title"
    assert table[3].split() == ["acronym", "1", "1.00", "0.50", "0.63", "0%", "–"]
    assert table[4].split() == [NO_ANSWER, "1", "–", "–", "–", "–", "0%"]
    assert table[6].split()[:2] == ["all", "2"]
    assert table[7].split() == ["target", ">=", "0.90", ">=", "0.80", "<=", "5%", "0%"]
    assert format_misses(evaluation) == ""


# The labelled queries


def test_the_labelled_set_has_enough_queries_of_every_class():
    per_class = Counter(query.query_class for query in QUERIES)

    assert len(QUERIES) >= 90
    assert sum(query.answerable for query in QUERIES) >= 80
    assert set(per_class) == set(CLASSES)
    assert min(per_class.values()) >= 8, per_class


def test_answerable_queries_have_a_just_what_i_wanted_item_and_the_others_none():
    for query in QUERIES:
        assert not set(query.great) & set(query.useful), query.text
        if query.query_class == NO_ANSWER:
            assert not query.judgements, query.text
        else:
            assert query.great, query.text


def test_no_query_is_asked_twice():
    asked = Counter((query.text.casefold(), query.country) for query in QUERIES)

    assert [query for query, n in asked.items() if n > 1] == []


def test_country_filters_name_iso_codes():
    assert all(
        len(query.country) == 2 and query.country.isupper() for query in QUERIES if query.country
    )


@pytest.mark.django_db
def test_judgements_name_only_items_of_the_corpus_and_reference_content():
    findable = {item.key for item in ITEMS}
    findable |= {("stage", slug) for slug in Stage.objects.values_list("slug", flat=True)}
    findable |= {("barrier", slug) for slug in Barrier.objects.values_list("slug", flat=True)}
    findable |= {
        ("stakeholdergroup", slug)
        for slug in StakeholderGroup.objects.values_list("slug", flat=True)
    }
    findable |= {("organisation", organisation.slug) for organisation in ORGANISATIONS}

    judged = {key for query in QUERIES for key in query.judgements}

    assert judged - findable == set()


# The corpus


def test_the_corpus_is_mostly_resources_with_a_quarter_in_other_languages():
    languages = Counter(item.language for item in ITEMS)

    assert 100 <= len(ITEMS) <= 150
    assert 0.25 <= len(INITIATIVES) / len(ITEMS) <= 0.4
    assert 0.2 <= 1 - languages["en"] / len(ITEMS) <= 0.3
    assert {"de", "fr", "es", "pl", "it", "pt"} <= set(languages)
    assert len({item.key for item in ITEMS}) == len(ITEMS)


def test_every_item_is_tagged_and_fits_the_model():
    for item in ITEMS:
        assert item.stages and item.barriers and item.audiences, item.slug
        assert item.countries or item.regions, item.slug
        assert len(item.title) <= 200 and len(item.summary) <= 600, item.slug
    assert all(item.resource_type and item.year for item in RESOURCES)
    assert all(item.phase for item in INITIATIVES)


def test_the_corpus_is_not_the_demo_content():
    demo_items = demo.RESOURCES + demo.INITIATIVES

    assert not {item.slug for item in ITEMS} & {spec["slug"] for spec in demo_items}
    assert not {item.title.casefold() for item in ITEMS} & {
        spec["title"].casefold() for spec in demo_items
    }
    assert not {org.slug for org in ORGANISATIONS} & {spec["slug"] for spec in demo.ORGANISATIONS}


@pytest.mark.django_db
def test_the_corpus_names_only_reference_content_that_exists():
    assert unknown_references() == []


@pytest.mark.django_db
def test_loading_the_corpus_publishes_every_item_with_its_tags():
    loaded = load_corpus()

    assert len(loaded) == len(ITEMS)
    assert Resource.objects.filter(status=Status.PUBLISHED).count() == len(RESOURCES)
    assert Initiative.objects.filter(status=Status.PUBLISHED).count() == len(INITIATIVES)
    registry = loaded[("initiative", "biomarker-testing-outcomes-registry-five-countries")]
    assert sorted(str(code) for code in registry.countries.values_list("code", flat=True)) == [
        "BE",
        "DK",
        "ES",
        "PT",
        "SI",
    ]
    assert registry.organisation.name == "Oncology Policy Lab"
    assert registry.organisation.verified


# The baseline: today's library search


def library_search(text: str, params: Mapping[str, str]) -> list[Key]:
    """Today's library search over both kinds: each FilterSet's `q` (and `country`)
    on published items, merged by the rank the search annotates, newest first on ties."""
    data = QueryDict(mutable=True)
    data.update({"q": text, **params})
    ranked = []
    for kind, model, filterset_class in (
        ("resource", Resource, ResourceFilterSet),
        ("initiative", Initiative, InitiativeFilterSet),
    ):
        filterset = filterset_class(data, queryset=model.objects.published())
        ranked += [(item.rank, item.published_at, kind, item.slug) for item in filterset.qs]
    ranked.sort(key=lambda row: (-row[0], -row[1].timestamp()))
    return [(kind, slug) for _rank, _published, kind, slug in ranked]


@pytest.mark.django_db
def test_library_search_baseline(capsys):
    load_corpus()

    evaluation = evaluate(QUERIES, library_search, findable_texts())

    report(
        capsys,
        format_table(evaluation, f"Library search (today) on {connection.vendor}")
        + "\nMissed:\n"
        + format_misses(evaluation),
    )
    assert [outcome.query for outcome in evaluation.outcomes] == QUERIES
