"""Resources and initiatives in the portal's search (the engine is the search app).

An item is found by its title (weight A), its summary and organisation (B), its
description and outcomes (C) and the English names of its tags (D): stages,
barriers, audiences, countries, regions and therapeutic areas, so that "tumour
boards in Spain" finds a Spanish item that never writes "Spain". Its words are
stemmed in its own language. On PostgreSQL the document is stored in the item's
GIN-indexed `search_vector`; on SQLite in the search app's FTS5 index. Both are
rebuilt when the item's text or tags change.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection, models
from django.db.models.signals import m2m_changed

from search import index
from search.matching import search as match
from search.query import ParsedQuery, parse
from search.text import configuration

from .models import Contribution, Initiative, Resource

TAGS = ("stages", "barriers", "audiences", "countries", "regions", "therapeutic_areas")
# The field that names each kind of tag (barriers have a title, the others a name).
TAG_NAME = {"barriers": "title"}


def item_document(item) -> index.Document:
    """What an item is found by. Uses fields only, so that migrations can call it
    with their historical models."""
    organisation = item.organisation.name if item.organisation_id else ""
    tags = [
        str(getattr(tag, TAG_NAME.get(relation, "name")))
        for relation in TAGS
        for tag in getattr(item, relation).all()
    ]
    return index.Document(
        language=item.language,
        title=item.title,
        summary=f"{item.summary} {organisation}",
        body=f"{item.description} {getattr(item, 'outcomes', '')}",
        tags=" ".join(tags),
    )


def vector(document: index.Document) -> SearchVector:
    """The PostgreSQL search vector of a document, stemmed in its language."""
    config = configuration(document.language)
    return (
        SearchVector(models.Value(document.title), weight="A", config=config)
        + SearchVector(models.Value(document.summary), weight="B", config=config)
        + SearchVector(models.Value(document.body), weight="C", config=config)
        + SearchVector(models.Value(document.tags), weight="D", config=configuration("en"))
    )


def index_item(item) -> None:
    """Bring the item's entry in the search index up to date."""
    document = item_document(item)
    if connection.vendor == "postgresql":
        type(item)._default_manager.filter(pk=item.pk).update(search_vector=vector(document))
    index.store(item._meta.model_name, item.pk, document)


def index_items(model: type[Contribution], pks: list[int]) -> None:
    """index_item for many items of `model`, their tags fetched in a few queries."""
    items = model._default_manager.filter(pk__in=pks).select_related("organisation")
    for item in items.prefetch_related(*TAGS):
        index_item(item)


def search(queryset: models.QuerySet, query: str | ParsedQuery) -> models.QuerySet:
    """The items of `queryset` that answer `query`, annotated with their `rank`."""
    if isinstance(query, str):
        query = parse(query)
    return match(queryset, queryset.model._meta.model_name, query)


def _tags_changed(sender, instance, action, reverse, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Contribution):
        index_item(instance)


for model in (Resource, Initiative):
    index.register(model._meta.model_name, model, item_document, follow_saves=False)
    for relation in TAGS:
        m2m_changed.connect(
            _tags_changed,
            sender=getattr(model, relation).through,
            dispatch_uid=f"search-tags-{model._meta.model_name}-{relation}",
        )
