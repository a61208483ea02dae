"""Potential partners read from the content version's index (synergies/partner_index.py)
are those read from the tag links, in the same order with the same explanations;
the index is built by the task queued after each change and is not used for
another content version. Runs on SQLite and PostgreSQL."""

import pytest
from django.utils import translation

from barriers.models import Barrier
from contributions.models import Initiative
from core import content_version
from pathway.models import Country, Region
from stakeholders.models import Organisation
from synergies import partner_index
from synergies.partners import potential_partners
from synergies.tasks import count_common_words

pytestmark = pytest.mark.django_db


def prefetched(initiative) -> Initiative:
    return (
        Initiative.objects.with_tags()
        .prefetch_related("partner_organisations")
        .get(pk=initiative.pk)
    )


def from_links(initiative, monkeypatch) -> list[tuple]:
    with monkeypatch.context() as patched:
        patched.setattr(partner_index, "load", lambda version: None)
        return described(potential_partners(prefetched(initiative), limit=100))


def from_index(initiative) -> list[tuple]:
    partner_index.build()
    assert partner_index.load(content_version.current()) is not None
    return described(potential_partners(prefetched(initiative), limit=100))


def described(partners) -> list[tuple]:
    return [(p.organisation.slug, p.explanation, p.same_country) for p in partners]


@pytest.fixture
def library(make_resource, make_initiative, patients_group):
    """Work of ten organisations on four barriers in countries of two regions, in
    regions, published and not, one of them a partner of the lead initiative."""
    barriers = list(Barrier.objects.order_by("pk").values_list("slug", flat=True)[:4])
    europe = Region.objects.get(slug="europe")
    countries = list(
        Country.objects.filter(region=europe).order_by("code").values_list("code", flat=True)[:3]
    )
    elsewhere = Country.objects.exclude(region=europe).order_by("code").first().code
    organisations = [
        Organisation.objects.create(
            name=f"Group {n}", slug=f"group-{n}", group=patients_group, verified=True
        )
        for n in range(10)
    ]
    for n, organisation in enumerate(organisations):
        make = make_resource if n % 3 else make_initiative
        make(
            f"Work {n}",
            "published" if n != 7 else "submitted",
            organisation=organisation,
            barriers=barriers[n % 4 : n % 4 + 1 + n % 2],
            countries=[countries[n % 3]] if n % 4 else [elsewhere],
            regions=["europe"] if n % 5 == 0 else [],
        )
        make(
            f"Other work {n}",
            "published",
            organisation=organisation,
            barriers=barriers[(n + 1) % 4 :],
            countries=[countries[(n + 1) % 3]] if n % 2 else [],
            regions=["europe"] if n % 2 == 0 else [],
        )
    lead = make_initiative(
        "Lead", "published", barriers=barriers[:3], countries=countries[:2], regions=[]
    )
    lead.partner_organisations.add(organisations[4])
    return lead, barriers, countries


def test_partners_from_the_index_are_those_from_the_tag_links(library, monkeypatch):
    lead, _barriers, _countries = library

    linked = from_links(lead, monkeypatch)

    assert len(linked) >= 5
    assert any(same for _slug, _text, same in linked)
    assert not all(same for _slug, _text, same in linked)
    assert "group-4" not in [slug for slug, _text, _same in linked]
    assert from_index(lead) == linked


def test_other_tags_give_the_same_partners_both_ways(library, make_initiative, monkeypatch):
    _lead, barriers, countries = library
    for tags in (
        {"barriers": barriers[3:], "countries": countries[2:]},
        {"barriers": barriers[1:3], "regions": ["europe"]},
        {"barriers": barriers, "countries": countries[:1], "regions": ["europe"]},
    ):
        initiative = make_initiative("Another lead", "published", **tags)
        assert from_index(initiative) == from_links(initiative, monkeypatch)


def test_names_are_read_as_the_tag_links_read_them_in_every_language(library, monkeypatch):
    lead, _barriers, _countries = library
    with translation.override("de"):
        assert from_index(lead) == from_links(lead, monkeypatch)


def test_the_task_builds_the_index_and_another_content_version_does_not_use_it(
    library, make_resource, monkeypatch
):
    lead, barriers, countries = library
    version = count_common_words()
    assert partner_index.load(version) is not None
    newcomer = Organisation.objects.create(
        name="Newcomer", slug="newcomer", group=Organisation.objects.first().group, verified=True
    )

    make_resource(
        "New work",
        "published",
        organisation=newcomer,
        barriers=barriers[:1],
        countries=countries[:1],
    )

    assert content_version.current() != version
    # Until the index of the new version is built, the tag links answer.
    monkeypatch.setattr("synergies.common.schedule", lambda: None)
    assert partner_index.load(content_version.current()) is None
    assert "newcomer" in [p.organisation.slug for p in potential_partners(prefetched(lead))]
    monkeypatch.undo()
    assert "newcomer" in [slug for slug, _text, _same in from_index(lead)]
