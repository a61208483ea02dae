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
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from core.api import (
    path_example,
)

from ..tag_filters import TagFilter
from .examples import (
    MARKS_EXAMPLE,
    POSSIBLE_DUPLICATES_EXAMPLE,
    TRANSLATION_EXAMPLE,
    WRITE_EXAMPLES,
    revision_example_value,
)
from .submission import SubmitSerializer
from .translations import TranslationOfSerializer, TranslationSerializer
from .workflow_serializers import (
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
            parameters = super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
            new_name = filterset_class.deprecated_aliases.get(field_name)
            for parameter in parameters if new_name else []:
                parameter["deprecated"] = True
                parameter["description"] = _(
                    "Deprecated: the former name of %(name)s, accepted until the next "
                    "release. Use %(name)s."
                ) % {"name": new_name}
            return parameters
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
    "for resources and phase (planned, active, completed) for initiatives; status, the "
    "former name of phase, is deprecated. Repeat a filter to match any of its values; "
    "different filters must all match. A country is its ISO 3166 code (PL, POL) or its "
    "name (Poland, any case, accents optional); a country includes work for its region "
    "and global work unless scope=exact. Unknown parameters or values are a 400 that "
    "names them."
)


HELD_HELP = gettext_lazy(
    "Submitting: while the item resembles published work you have not marked, or "
    "marked as the same thing, it is not sent (code possible_duplicates). What you sent "
    "is saved as a draft; the error lists the item and each match with its score and "
    "reasons. Send your decision on each match that holds it back in “similar” "
    "(here or in the submit action's body) to send it. Otherwise (code conflict) the "
    "item's status does not allow the change."
)
DUPLICATES_EXAMPLE = OpenApiExample(
    "Held back by possible duplicates",
    value=POSSIBLE_DUPLICATES_EXAMPLE,
    response_only=True,
    status_codes=["409"],
)
STATUS_CONFLICT_EXAMPLE = OpenApiExample(
    "Not in a status that allows it",
    value={
        "error": {
            "status": 409,
            "code": "conflict",
            "message": "Cannot submit a submitted for review resource.",
        }
    },
    response_only=True,
    status_codes=["409"],
)
# The schema is the shared Error (core.api_errors.document_errors makes it so).
HELD = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description=HELD_HELP,
    examples=[DUPLICATES_EXAMPLE, STATUS_CONFLICT_EXAMPLE],
)

MATCH_SCHEMA = {
    "type": "object",
    "properties": {
        "kind": {"type": "string", "enum": ["resource", "initiative"]},
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "organisation": {"type": "string", "description": "Its organisation's name."},
        "api_url": {"type": "string", "format": "uri"},
        "web_url": {"type": "string", "format": "uri"},
        "score": {"type": "number", "description": "Similarity, 0 to 1."},
        "strong": {
            "type": "boolean",
            "description": (
                "A possible duplicate (score 0.5 or more, text similarity 0.55 or more): "
                "it must be marked."
            ),
        },
        "reasons": {"type": "array", "items": {"type": "string"}},
        "explanation": {"type": "string", "description": "The reasons in one sentence."},
        "decision": {
            "type": "string",
            "nullable": True,
            "description": "What you marked it, if anything (now or before).",
        },
        "holds": {
            "type": "boolean",
            "description": "Whether it holds the submission back: strong and unmarked, "
            "or marked the same thing.",
        },
        "can_update": {
            "type": "boolean",
            "description": "Whether you may propose a change to it (a PATCH of its api_url) "
            "instead, if it is the same thing.",
        },
    },
}
POSSIBLE_DUPLICATES_MEMBERS = {
    "item": {
        "type": "object",
        "description": "possible_duplicates only: the item, saved as a draft.",
        "properties": {
            "kind": {"type": "string"},
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "string"},
            "api_url": {"type": "string", "format": "uri"},
            "submit_url": {"type": "string", "format": "uri"},
        },
    },
    "decisions": {
        "type": "array",
        "description": "possible_duplicates only: the decisions “similar” takes.",
        "items": {
            "type": "object",
            "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
        },
    },
    "matches": {
        "type": "array",
        "description": "possible_duplicates only: the similar published work.",
        "items": MATCH_SCHEMA,
    },
}


def document_possible_duplicates(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook, after core.api_errors.document_errors:
    the members a possible_duplicates error adds to the shared Error schema."""
    error = result["components"]["schemas"]["Error"]["properties"]["error"]
    error["properties"].update(POSSIBLE_DUPLICATES_MEMBERS)
    return result


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
            responses={201: read, 409: HELD},
            tags=[tag],
            examples=[
                OpenApiExample(f"A new {kind}", value=WRITE_EXAMPLES[kind], request_only=True),
                OpenApiExample(
                    "Submitted, with decisions on similar work",
                    value={**WRITE_EXAMPLES[kind], "submit": True, **MARKS_EXAMPLE},
                    request_only=True,
                ),
                item_example,
            ],
        ),
        update=extend_schema(
            summary=_("Replace a %(kind)s") % {"kind": item},
            description=EDIT_HELP,
            request=write,
            responses={200: read, 202: RevisionSerializer, 409: HELD},
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
            responses={200: read, 202: RevisionSerializer, 409: HELD},
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
                "changes requested, to the curators. It needs a stage, a barrier and a "
                "country or region (400), and the duplicate check's consent (409): the "
                "body, optional, carries the decisions on similar work."
            ),
            request=SubmitSerializer,
            responses={200: read, 409: HELD},
            parameters=slug,
            tags=[tag],
            examples=[
                OpenApiExample("Decisions on similar work", value=MARKS_EXAMPLE, request_only=True),
                item_example,
            ],
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
        translations=extend_schema(
            summary=_("Add a translation of the title and summary"),
            description=_(
                "Members of the item's organisation, while they may edit it. In another "
                "language than the item's, one per language (400 naming the field "
                "otherwise). It waits for a curator's review before others see it: "
                "published with the item, or on its own if the item is published."
            ),
            request=TranslationSerializer,
            responses={201: TranslationSerializer},
            parameters=slug,
            tags=[tag],
            examples=[
                OpenApiExample("In Polish", value=TRANSLATION_EXAMPLE, request_only=True),
                OpenApiExample(
                    "Waiting for review",
                    value={
                        **TRANSLATION_EXAMPLE,
                        "status": "awaiting_review",
                        "created_at": "2025-03-10T10:00:00Z",
                    },
                    response_only=True,
                    status_codes=["201"],
                ),
            ],
        ),
        translation_of=extend_schema(
            summary=_("Mark it as a translation of another item, or unmark it"),
            description=_(
                "The original is an item of the same kind, in another language, that is "
                "published or your organisation's, and not itself a translation (400 "
                "naming translation_of otherwise)."
            ),
            request=TranslationOfSerializer,
            responses={200: read},
            parameters=slug,
            tags=[tag],
            examples=[
                OpenApiExample(
                    "A translation of a published item",
                    value={"translation_of": "biomarker-testing-questions"},
                    request_only=True,
                ),
                item_example,
            ],
        ),
    )
