"""Resources and initiatives in the portal's search (the engine is the search app).

An item is found by its title (weight A), its summary and organisation (B), its
description and outcomes (C) and the English names of its tags (D): stages,
barriers, audiences, countries, regions and therapeutic areas, so that "tumour
boards in Spain" finds a Spanish item that never writes "Spain". Its words are
stemmed in its own language. On PostgreSQL the document is stored in the item's
GIN-indexed `search_vector`; on SQLite in the search app's FTS5 index. Both are
rebuilt when the item's text or tags change, when a tag or the organisation is
renamed or deleted (search.index.follow), and by `manage.py rebuild_search_index`.

`vector()` builds one item's vector from its document in Python (on save);
`store_vectors()` builds the same vectors for many items in one UPDATE, from the
tables (renames, rebuilds). tests/search/test_index_upkeep.py keeps them equal.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection, connections, models
from django.db.models import Case, F, OuterRef, Prefetch, StringAgg, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat
from django.db.models.signals import m2m_changed, post_delete, post_save

from search import index, matching
from search.matching import search as match
from search.query import ParsedQuery, parse
from search.text import SIMPLE_CONFIGURATION, STEMMED_LANGUAGES, configuration
from stakeholders.models import Organisation

from .models import Contribution, Initiative, ItemTranslation, Resource

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
        translations=published_translations(item),
    )


def published_translations(item) -> tuple[index.Document, ...]:
    """The item's published translations (language, title, summary) as documents:
    what visitors can see is what finds it. Items of migrations older than
    translations have none."""
    if getattr(item, "_published_translations", None) is not None:
        rows = item._published_translations
    elif hasattr(item, "translations") and item.pk is not None:
        rows = item.translations.filter(published_at__isnull=False)
    else:
        return ()
    return tuple(
        index.Document(language=row.language, title=row.title, summary=row.summary)
        for row in sorted(rows, key=lambda row: (row.language, row.pk))
    )


def vector(document: index.Document) -> SearchVector:
    """The PostgreSQL search vector of a document, stemmed in its language."""
    config = configuration(document.language)
    found = (
        SearchVector(models.Value(document.title), weight="A", config=config)
        + SearchVector(models.Value(document.summary), weight="B", config=config)
        + SearchVector(models.Value(document.body), weight="C", config=config)
        + SearchVector(models.Value(document.tags), weight="D", config=configuration("en"))
    )
    # Each translation stemmed in its own language, with the weights of the original.
    for version in document.translations:
        config = configuration(version.language)
        found = (
            found
            + SearchVector(models.Value(version.title), weight="A", config=config)
            + SearchVector(models.Value(version.summary), weight="B", config=config)
        )
    return found


def _text(*parts) -> Concat:
    """Parts joined by spaces, as Python's f-strings in item_document join them."""
    text = models.TextField()
    joined = []
    for part in parts:
        joined += [Value(" ")] if joined else []
        joined.append(Coalesce(part, Value(""), output_field=text))
    return Concat(*joined, output_field=text)


def _tag_names(model: type[Contribution]) -> Concat:
    """The names of an item's tags, in item_document's order, as one text."""
    names = []
    for relation in TAGS:
        field = model._meta.get_field(relation)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        ordering = [
            f"-{target}__{key[1:]}" if key.startswith("-") else f"{target}__{key}"
            for key in field.related_model._meta.ordering
        ]
        name = TAG_NAME.get(relation, "name")
        # The English text, as item_document reads it: a translated name's English
        # column (django-modeltranslation's), which the original column only mirrors.
        if any(f.name == f"{name}_en" for f in field.related_model._meta.concrete_fields):
            name = f"{name}_en"
        names.append(
            Subquery(
                through.objects.filter(**{source: OuterRef("pk")})
                .values(source)
                .annotate(
                    names=StringAgg(
                        f"{target}__{name}",
                        Value(" "),
                        order_by=ordering,
                    )
                )
                .values("names")
            )
        )
    # CONCAT_WS skips the kinds of tag an item has none of, as " ".join does.
    return models.Func(Value(" "), *names, function="CONCAT_WS", output_field=models.TextField())


def store_vectors(items: models.QuerySet) -> None:
    """Write the stored search vector of every item of `items` in one UPDATE (PostgreSQL)."""
    model = items.model
    config = Case(
        *(When(language=code, then=Value(configuration(code))) for code in STEMMED_LANGUAGES),
        default=Value(SIMPLE_CONFIGURATION),
    )
    organisation = Subquery(
        Organisation.objects.filter(pk=OuterRef("organisation_id")).values("name")[:1]
    )
    outcomes = F("outcomes") if hasattr(model, "outcomes") else Value("")
    model._default_manager.filter(pk__in=items.values("pk")).update(
        search_vector=SearchVector(F("title"), weight="A", config=config)
        + SearchVector(_text(F("summary"), organisation), weight="B", config=config)
        + SearchVector(_text(F("description"), outcomes), weight="C", config=config)
        + SearchVector(_tag_names(model), weight="D", config=configuration("en"))
    )
    # The few items with published translations: their vectors add each
    # translation in its own language, built as index_item builds them.
    translated = model._default_manager.filter(
        pk__in=items.values("pk"), translations__published_at__isnull=False
    ).distinct()
    for item in prepare(translated):
        model._default_manager.filter(pk=item.pk).update(search_vector=vector(item_document(item)))


def prepare(items: models.QuerySet) -> models.QuerySet:
    """`items` with what item_document reads."""
    published = Prefetch(
        "translations",
        queryset=ItemTranslation.objects.published(),
        to_attr="_published_translations",
    )
    return items.select_related("organisation").prefetch_related(*TAGS, published)


def index_item(item) -> None:
    """Bring the item's entry in the search index up to date (its tags by their
    English names, whatever the language of the request that saved it)."""
    document = index.in_source_language(item_document, item)
    if connection.vendor == "postgresql":
        type(item)._default_manager.filter(pk=item.pk).update(search_vector=vector(document))
    index.store(item._meta.model_name, item.pk, document)


def index_items(model: type[Contribution], pks: list[int]) -> None:
    """index_item for many items of `model`, in a few queries per batch."""
    index.refresh(model._meta.model_name, pks)


def search(
    queryset: models.QuerySet, query: str | ParsedQuery, *, best: int | None = None
) -> models.QuerySet:
    """The items of `queryset` that answer `query`, annotated with their `rank`
    (`best`: only that many first ones are wanted, see search.matching.search)."""
    if isinstance(query, str):
        query = parse(query)
    return match(queryset, queryset.model._meta.model_name, query, best=best)


# The library's order of equally ranked items (contributions.filters.ORDERINGS).
NEWEST = ("-published_at", "-id")


def filtered_then_searched(filterset, queryset: models.QuerySet) -> models.QuerySet:
    """`queryset` with `filterset`'s filters applied, its words (`q`) last, so that
    the search picks its candidates among the items the other filters leave (a
    country's best matches lead its page). Keeps the rows before the words and the
    parsed query as `filterset.searched` (None without words)."""
    cleaned = dict(filterset.form.cleaned_data)
    text = cleaned.pop("q", "")
    for name, value in cleaned.items():
        queryset = filterset.filters[name].filter(queryset, value)
    filterset.searched = None
    if not text:
        return queryset
    query = parse(text)
    filterset.searched = (queryset, query)
    return search(queryset, query)


def _among_candidates(filterset) -> tuple[models.QuerySet, ParsedQuery] | None:
    """The rows before the words and the query, when the search ranks only its
    candidates (PostgreSQL, words to match)."""
    searched = getattr(filterset, "searched", None)
    if searched is None or not searched[1] or connections[searched[0].db].vendor != "postgresql":
        return None
    return searched


def library_rows(filterset):
    """What a library page pages through: the filterset's items; ordered by
    relevance for one or two words on PostgreSQL, matching.RelevancePages (the
    ranked candidates, then the other matches newest first, a page at a time).
    For three words or more on PostgreSQL, once facet_ids() has read the answers
    (at most the candidates), those rows by their ids with their rank, in the
    filterset's order: the same rows, without picking the candidates and
    counting each one's words a second time."""
    searched = _among_candidates(filterset)
    if searched is None:
        return filterset.qs
    rows, query = searched
    answers = getattr(filterset, "answer_ids", None)
    if query.needed > 1 and answers is not None:
        # The answers are known (facet_ids): ranked as they are, not sought again.
        kind = rows.model._meta.model_name
        found = rows.filter(pk__in=answers).annotate(rank=matching.rank(kind, query))
        return found.order_by(*filterset.qs.query.order_by)
    if filterset.sort_key != "relevance" or query.needed > 1:
        return filterset.qs
    chosen = matching.best_candidates(rows, rows.model._meta.model_name, query)
    ranked = search(rows, query, best=matching.CANDIDATES)
    return matching.RelevancePages(
        filterset.qs, ranked, chosen, NEWEST, count=filterset.matched_count
    )


def facet_ids(filterset) -> tuple[list[int], bool]:
    """The ids of the items the facets count, and whether they are only the
    CANDIDATES best of more (then the counts are lower bounds, shown "400+").

    Words on PostgreSQL: past CANDIDATES matches (read with a `LIMIT`, which stops
    there), the best candidates, as /search/ counts; a query of three words or
    more is answered among its candidates only, so as many answers may hide more.
    Otherwise every matching id, exactly."""
    rows = filterset.qs.order_by().values_list("pk", flat=True)
    searched = _among_candidates(filterset)
    if searched is None:
        return list(rows), False
    if searched[1].needed > 1:
        ids = list(rows)
        # The page ranks them (library_rows) rather than seeking them once more.
        filterset.answer_ids = ids
        return ids, len(ids) >= matching.CANDIDATES
    ids = list(rows[: matching.CANDIDATES + 1])
    if len(ids) <= matching.CANDIDATES:
        return ids, False
    before, query = searched
    chosen = matching.best_candidates(before, before.model._meta.model_name, query)
    # The candidates are matches of the rows before the words: no second look at them.
    return list(before.filter(pk__in=chosen).order_by().values_list("pk", flat=True)), True


def _tags_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            index_item(instance)
        return
    # Items added to or removed from a tag (barrier.resources.add(...)): `model` is
    # the item model, `pk_set` the items; a clear names none, so they are read first.
    kind = model._meta.model_name
    if action == "pre_clear":
        field = next(f for f in sender._meta.fields if f.related_model is type(instance))
        item_field = next(f for f in sender._meta.fields if f.related_model is model)
        instance._search_cleared = list(
            sender.objects.filter(**{field.name: instance}).values_list(
                item_field.attname, flat=True
            )
        )
    elif action == "post_clear":
        index.refresh(kind, instance.__dict__.pop("_search_cleared", []), changed=[])
    elif action in ("post_add", "post_remove"):
        index.refresh(kind, pk_set or [], changed=[str(instance)])


for model in (Resource, Initiative):
    kind = model._meta.model_name
    index.register(
        kind, model, item_document, follow_saves=False, prepare=prepare, store_vectors=store_vectors
    )
    for relation in TAGS:
        m2m_changed.connect(
            _tags_changed,
            sender=getattr(model, relation).through,
            dispatch_uid=f"search-tags-{kind}-{relation}",
        )
        tag_model = model._meta.get_field(relation).related_model
        index.follow(tag_model, (TAG_NAME.get(relation, "name"),), kind, relation)
    index.follow(Organisation, ("name",), kind, "organisation")


def _translation_changed(sender, instance, raw=False, **kwargs) -> None:
    """A published translation saved or deleted (a curator's decision, an edit in
    the admin, its item deleted): the item is found by what it says now."""
    if raw or not instance.is_published:
        return
    item = instance.item
    if item is not None and type(item)._default_manager.filter(pk=item.pk).exists():
        index_item(item)


post_save.connect(_translation_changed, sender=ItemTranslation, dispatch_uid="search-translation")
post_delete.connect(
    _translation_changed, sender=ItemTranslation, dispatch_uid="search-translation-removed"
)
