"""A resource's or initiative's page reads its six tag lists in one query, the tags
themselves once per content version and language (contributions/models/tag_lists.py),
and shows a change of either at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.models.tag_lists import prefetch_tags
from pathway.models import Country, Stage

pytestmark = pytest.mark.django_db

TAGS = {
    "stages": ["testing-decision", "monitoring"],
    "barriers": ["test-not-reimbursed", "patients-unaware-of-testing"],
    "countries": ["DE", "FR"],
    "regions": ["europe"],
    "therapeutic_areas": ["lung-cancer"],
    "audiences": ["clinicians", "patients-advocacy"],
}


def queries_of(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


@pytest.mark.parametrize("kind", ["resource", "initiative"])
def test_the_tag_lists_are_one_query_once_the_tags_are_kept(
    client, rendered_pages, make_resource, make_initiative, kind
):
    make = make_resource if kind == "resource" else make_initiative
    item = make("Tagged", "published", **TAGS)
    url = item.get_absolute_url()
    first = queries_of(client, url)
    again = queries_of(client, url)

    links = [f'"contributions_{kind}_{name}"."{kind}_id" IN ({item.pk})' for name in TAGS]
    # One query reads the item's links in all six tables; the six tag tables are only
    # read on the first view.
    assert [sql for sql in again if any(link in sql for link in links)] == [
        sql for sql in again if all(link in sql for link in links)
    ]
    assert len([sql for sql in again if all(link in sql for link in links)]) == 1
    tag_tables = ['FROM "pathway_stage"', 'FROM "pathway_country"', 'FROM "barriers_barrier"']
    assert not [sql for sql in again if any(table in sql for table in tag_tables)]
    assert len(first) - len(again) >= 6


@pytest.mark.parametrize("kind", ["resource", "initiative"])
def test_the_tag_lists_are_those_a_prefetch_reads(make_resource, make_initiative, kind):
    make = make_resource if kind == "resource" else make_initiative
    tagged = make("Tagged", "published", **TAGS)
    other = make("Other", "published", stages=["monitoring"], countries=["IT"])
    bare = make("Bare", "published")
    model = type(tagged)
    items = list(model.objects.filter(pk__in=[tagged.pk, other.pk, bare.pk]).order_by("pk"))
    expected = {
        item.pk: {name: list(getattr(item, name).all()) for name in TAGS}
        for item in model.objects.filter(pk__in=[tagged.pk, other.pk, bare.pk]).with_tags()
    }

    with CaptureQueriesContext(connection) as queries:
        prefetch_tags(items)
        found = {
            item.pk: {name: list(getattr(item, name).all()) for name in TAGS} for item in items
        }

    assert found == expected
    assert [c.code for c in found[tagged.pk]["countries"]] == ["FR", "DE"]
    assert found[bare.pk] == {name: [] for name in TAGS}
    # One query of the links, six of the tags (kept for the next page).
    assert len(queries) == 7
    # Narrowing a prefetched list still asks the database, as with prefetch_related.
    assert list(items[0].countries.filter(code="DE")) == [Country.objects.get(code="DE")]


def test_a_page_shows_a_changed_tag_at_once(client, rendered_pages, make_resource):
    resource = make_resource("Tagged", "published", **TAGS)
    url = resource.get_absolute_url()
    assert "Germany" in client.get(url).content.decode()

    Country.objects.filter(code="DE").update(name="Deutschland", name_en="Deutschland")
    Country.objects.get(code="DE").save()
    resource.stages.set([Stage.objects.get(slug="treatment-access")])

    body = client.get(url).content.decode()
    assert "Deutschland" in body and "Germany" not in body
    assert 'href="/pathway/treatment-access/"' in body
    assert 'href="/pathway/monitoring/"' not in body
