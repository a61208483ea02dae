"""seed_scale: realistic synthetic content, indexed and counted like real content."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from contributions.models import Initiative, Resource
from contributions.search import index_item
from gaps.models import CoverageEntry
from search.models import Term

pytestmark = pytest.mark.django_db


def test_it_fills_published_tagged_items_in_several_languages():
    call_command("seed_scale", resources=120, initiatives=30, stdout=StringIO())
    synthetic = Resource.objects.filter(slug__startswith="scale-")
    assert synthetic.count() == 120
    assert Initiative.objects.filter(slug__startswith="scale-").count() == 30
    languages = set(synthetic.values_list("language", flat=True))
    assert {"en", "de"} <= languages and len(languages) >= 4
    published = Resource.objects.published().filter(slug__startswith="scale-")
    assert 0.8 < published.count() / 120 < 1
    assert published.filter(stages__isnull=False).distinct().count() == published.count()
    # The gap map and the search vocabulary know them, as after real saves.
    assert CoverageEntry.objects.filter(resource__in=published).count() == published.count()
    title_word = published.first().title.split()[0].lower().strip(".")
    assert Term.objects.filter(word=title_word).exists()


def test_its_items_are_found_by_their_words_in_their_language():
    call_command("seed_scale", resources=80, initiatives=10, stdout=StringIO())
    german = Resource.objects.published().filter(slug__startswith="scale-", language="de")
    item = german.first()
    word = max(item.title.rstrip(".").split(), key=len)
    assert item in Resource.objects.published().search(word)


def test_its_search_vectors_are_those_a_save_would_store():
    call_command("seed_scale", resources=20, initiatives=5, stdout=StringIO())
    if connection.vendor != "postgresql":
        pytest.skip("Search vectors are stored on PostgreSQL only.")
    for item in Resource.objects.filter(slug__startswith="scale-")[:10]:
        stored = Resource.objects.values_list("search_vector", flat=True).get(pk=item.pk)
        index_item(item)
        rebuilt = Resource.objects.values_list("search_vector", flat=True).get(pk=item.pk)
        # The same words with the same weights (tag names may come in another order).
        assert {w.split(":")[0] for w in stored.split()} == {
            w.split(":")[0] for w in rebuilt.split()
        }


def test_remove_takes_it_all_out():
    call_command("seed_scale", resources=10, initiatives=3, stdout=StringIO())
    call_command("seed_scale", remove=True, stdout=StringIO())
    assert not Resource.objects.filter(slug__startswith="scale-").exists()
    assert not Initiative.objects.filter(slug__startswith="scale-").exists()
