"""An item's six tag lists (stages, barriers, audiences, countries, regions, areas)
read in one query of their link tables, the tags themselves being kept per content
version and language: a detail page's seven queries become one."""

from collections import defaultdict

from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast
from django.utils.translation import get_language

from core import content_version

from .items import Contribution, Resource
from .tags import TAG_FIELDS


def every_tag(version: int | None = content_version.NOT_READ) -> dict[str, list]:
    """{tag field: every row it can point to (the same for both kinds), in the order
    a prefetch lists them}. The order follows the language (names sort differently),
    so per language; the rows are shared by the requests of a version and must not
    be changed."""

    def build() -> dict[str, list]:
        found = {}
        for name in TAG_FIELDS:
            rows = Resource._meta.get_field(name).related_model._default_manager.all()
            found[name] = list(rows.select_related("category") if name == "barriers" else rows)
        return found

    return content_version.kept(f"every-tag:{get_language()}", build, version)


def keyed_tags() -> dict[str, list[tuple[str, object]]]:
    """every_tag() with each row's key as the link tables' query gives it (text):
    worked out once per version and language, not for each row of each item (a
    country's key goes through django-countries' field, 249 rows per item)."""
    version = content_version.current()
    tags = every_tag(version)
    return content_version.kept(
        f"every-tag-keyed:{get_language()}",
        lambda: {name: [(str(row.pk), row) for row in rows] for name, rows in tags.items()},
        version,
    )


def prefetch_tags(items: list[Contribution]) -> None:
    """Fill the tag lists of `items` (all of one kind), as prefetch_related would,
    from one query: `item.countries.all()` then reads no more."""
    if not items:
        return
    model, pks = type(items[0]), [item.pk for item in items]
    links = None
    for n, name in enumerate(TAG_FIELDS):
        field = model._meta.get_field(name)
        item, tag = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = (
            field.remote_field.through.objects.filter(**{f"{item}__in": pks})
            .order_by()
            .annotate(
                tag_list=Value(n, IntegerField()),
                item_id=F(item),
                tag_id=Cast(tag, CharField()),
            )
            .values_list("tag_list", "item_id", "tag_id")
        )
        links = rows if links is None else links.union(rows, all=True)
    chosen = defaultdict(set)
    for n, pk, tag in links:
        chosen[(n, pk)].add(tag)
    tags = keyed_tags()
    for item in items:
        cache = item.__dict__.setdefault("_prefetched_objects_cache", {})
        for n, name in enumerate(TAG_FIELDS):
            ids = chosen.get((n, item.pk), set())
            # What Django's prefetch does: the related manager's query with its rows.
            queryset = getattr(item, name).get_queryset()
            queryset._result_cache = [row for key, row in tags[name] if key in ids] if ids else []
            queryset._prefetch_done = True
            cache[name] = queryset


def first_with_tags(queryset, limit: int) -> list[Contribution]:
    """The first `limit` items of `queryset` with their organisation and tag lists,
    as cards show them: two queries (with_tags() takes seven)."""
    items = list(queryset.with_owner()[:limit])
    prefetch_tags(items)
    return items
