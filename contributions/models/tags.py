"""The kinds of tag resources and initiatives carry: one list for every place that
goes through them."""

from dataclasses import dataclass

# The tags that place an item on the pathway (see Contribution.placement_errors).
PLACEMENT_FIELDS = ("stages", "barriers", "countries", "regions")


@dataclass(frozen=True)
class TagKind:
    """A dimension resources and initiatives are tagged with, and listed, filtered
    and followed by (a stage, a barrier, a country, ...)."""

    # The library's query-string parameter and FilterSet filter: ?stage=<slug>.
    param: str
    # The Contribution many-to-many field that holds the tags; empty for a kind
    # read through another one (an item's barrier categories are its barriers').
    field: str


# The one list of tag kinds, in the order forms, facets, the API and the admin show
# them. Everything that goes through every tag kind (FilterSet facets, the
# submission form and its script, the API, the admin, similarity, digests) reads it.
TAG_KINDS: tuple[TagKind, ...] = (
    TagKind("stage", "stages"),
    TagKind("category", ""),
    TagKind("barrier", "barriers"),
    TagKind("audience", "audiences"),
    TagKind("country", "countries"),
    TagKind("region", "regions"),
    TagKind("area", "therapeutic_areas"),
)
# The tag fields of Contribution, in the same order.
TAG_FIELDS: tuple[str, ...] = tuple(kind.field for kind in TAG_KINDS if kind.field)
