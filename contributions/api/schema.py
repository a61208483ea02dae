"""The OpenAPI description of the resources and initiatives endpoints: the library's
filters as parameters, and every operation with its examples."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.plumbing import build_array_type, build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)

from core.api import (
    path_example,
)

from ..tag_filters import TagFilter
from .examples import WRITE_EXAMPLES, revision_example_value
from .serializers import (
    NoteSerializer,
    RejectSerializer,
    RequiredNoteSerializer,
    RevisionSerializer,
)


class LibraryFilterScheme(DjangoFilterExtension):
    """Documents the library's tag filters, which filter by a related object's slug
    (or code) through a subquery rather than a model field drf-spectacular can follow."""

    target_class = "contributions.api.views.LibraryFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if not isinstance(filter_field, TagFilter):
            return super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
        key = "code" if filter_field.extra["to_field_name"] == "code" else "slug"
        return [
            build_parameter_type(
                name=field_name,
                location=OpenApiParameter.QUERY,
                description=_("%(label)s, by %(key)s. Repeat to match any of several.")
                % {"label": filter_field.label, "key": key},
                schema=build_array_type(build_basic_type(OpenApiTypes.STR)),
                explode=True,
                style="form",
            )
        ]


EDIT_HELP = gettext_lazy(
    "Members of the item's organisation edit drafts and items sent back directly (200). "
    "A change to a published item becomes a pending revision (202) and the published "
    "version stays as it is until a curator accepts the change. Submitted, rejected and "
    "archived items cannot be edited (409)."
)
FILTER_HELP = gettext_lazy(
    "Takes the query string of the web library: q (search), stage, barrier, category, "
    "audience, country, region, area, organisation, language and sort, plus type and year "
    "for resources and status (planned, active, completed) for initiatives. Repeat a "
    "filter to match any of its values; different filters must all match. Unknown "
    "parameters or values are a 400 that names them."
)


def contribution_schema(kind: str, read: type, write: type, example: dict) -> object:
    """The OpenAPI description of a contribution collection's operations."""
    tag = f"{kind}s"
    item = _("resource") if kind == "resource" else _("initiative")
    item_example = OpenApiExample(f"A published {kind}", value=example, response_only=True)
    note_example = OpenApiExample(
        "A note", value={"note": "Thank you, clear and well sourced."}, request_only=True
    )
    revision_example = OpenApiExample(
        "A change waiting for review",
        value=revision_example_value(kind),
        response_only=True,
        status_codes=["202"],
    )
    slug = [path_example("slug", example["slug"])]
    return extend_schema_view(
        list=extend_schema(
            summary=_("List %(kind)ss") % {"kind": item},
            description=FILTER_HELP,
            tags=[tag],
            examples=[item_example],
        ),
        retrieve=extend_schema(
            summary=_("Get a %(kind)s") % {"kind": item},
            parameters=slug,
            tags=[tag],
            examples=[item_example],
        ),
        create=extend_schema(
            summary=_("Create a %(kind)s") % {"kind": item},
            description=_(
                "For an organisation you are an approved member of. Saved as a draft, or "
                'sent for review with "submit": true. Status is never set by the client.'
            ),
            request=write,
            responses={201: read},
            tags=[tag],
            examples=[
                OpenApiExample(f"A new {kind}", value=WRITE_EXAMPLES[kind], request_only=True),
                item_example,
            ],
        ),
        update=extend_schema(
            summary=_("Replace a %(kind)s") % {"kind": item},
            description=EDIT_HELP,
            request=write,
            responses={200: read, 202: RevisionSerializer},
            parameters=slug,
            tags=[tag],
            examples=[
                OpenApiExample(f"The whole {kind}", value=WRITE_EXAMPLES[kind], request_only=True),
                revision_example,
            ],
        ),
        partial_update=extend_schema(
            summary=_("Change some fields of a %(kind)s") % {"kind": item},
            description=EDIT_HELP,
            request=write,
            responses={200: read, 202: RevisionSerializer},
            parameters=slug,
            tags=[tag],
            examples=[
                OpenApiExample(
                    "A new summary", value={"summary": "A shorter summary."}, request_only=True
                ),
                revision_example,
            ],
        ),
        submit=extend_schema(
            summary=_("Send a draft for review"),
            description=_(
                "Members of the item's organisation send a draft, or an item sent back with "
                "changes requested, to the curators."
            ),
            request=None,
            responses={200: read},
            parameters=slug,
            tags=[tag],
            examples=[item_example],
        ),
        publish=extend_schema(
            summary=_("Publish (curators)"),
            request=NoteSerializer,
            responses={200: read},
            parameters=slug,
            tags=[tag],
            examples=[note_example, item_example],
        ),
        request_changes=extend_schema(
            summary=_("Send back with changes requested (curators)"),
            request=RequiredNoteSerializer,
            responses={200: read},
            parameters=slug,
            tags=[tag],
            examples=[
                OpenApiExample(
                    "What to change",
                    value={"note": "Please add the source of the survival figures."},
                    request_only=True,
                ),
                item_example,
            ],
        ),
        reject=extend_schema(
            summary=_("Reject (curators)"),
            request=RejectSerializer,
            responses={200: read},
            parameters=slug,
            tags=[tag],
            examples=[
                OpenApiExample(
                    "Out of scope",
                    value={"reasons": ["out_of_scope"], "note": "Not about precision medicine."},
                    request_only=True,
                ),
                item_example,
            ],
        ),
        archive=extend_schema(
            summary=_("Archive a published item (curators)"),
            request=NoteSerializer,
            responses={200: read},
            parameters=slug,
            tags=[tag],
            examples=[note_example, item_example],
        ),
        unarchive=extend_schema(
            summary=_("Publish an archived item again (curators)"),
            request=NoteSerializer,
            responses={200: read},
            parameters=slug,
            tags=[tag],
            examples=[note_example, item_example],
        ),
    )
