"""The resources, initiatives and revisions endpoints: who may do what, the
library's filters applied strictly, and the workflow actions."""

from datetime import timedelta

import django_filters
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
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
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import (
    APIException,
    NotFound,
    PermissionDenied,
    Throttled,
    ValidationError,
)
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from pathway.api import (
    SLUG_PATTERN,
    MethodCheckFirst,
    Pagination,
    PublicReadSchema,
    StrictFilterBackend,
    path_example,
)
from stakeholders.api import organisations_visible_to
from stakeholders.models import Organisation

from ..filters import (
    MAX_QUERY_LENGTH,
    MAX_VALUES_PER_FILTER,
    SORTS,
    ContributionFilterSet,
    InitiativeFilterSet,
    ResourceFilterSet,
    TagFilter,
)
from ..forms import SUBMISSIONS_PER_HOUR
from ..models import (
    TAG_FIELDS,
    Contribution,
    Initiative,
    Resource,
    Revision,
    Status,
    field_to_json,
)
from .examples import READ_EXAMPLES, REVISION_EXAMPLE, WRITE_EXAMPLES, revision_example_value
from .serializers import (
    ContributionSerializer,
    ContributionWriteSerializer,
    InitiativeSerializer,
    InitiativeWriteSerializer,
    NoteSerializer,
    RejectSerializer,
    RequiredNoteSerializer,
    ResourceSerializer,
    ResourceWriteSerializer,
    RevisionDetailSerializer,
    RevisionSerializer,
    revision_data,
    submission_errors,
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("The item is not in a state that allows this.")
    default_code = "conflict"


# Permissions.


class IsContributor(BasePermission):
    """Anyone reads; writing takes an approved membership, and changing an item
    takes a membership of the item's own organisation."""

    message = gettext_lazy(
        "Only approved members of an organisation can contribute. Ask to join your "
        "organisation on the portal first."
    )

    def has_permission(self, request: Request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not request.user.is_authenticated:
            return False
        return Organisation.objects.acted_for_by(request.user).exists()

    def has_object_permission(self, request: Request, view, item: Contribution) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if item.organisation.is_member(request.user):
            return True
        raise PermissionDenied(_("Only members of the item's organisation can change it."))


class IsCurator(BasePermission):
    message = gettext_lazy("Only curators can do this.")

    def has_permission(self, request: Request, view) -> bool:
        return bool(request.user.is_authenticated and request.user.is_curator)


# Lists: the web library's filters, strictly.


class LibraryFilterBackend(StrictFilterBackend):
    """The web library's FilterSets, with 400s for what the web page would quietly
    shorten or ignore: a search over MAX_QUERY_LENGTH, too many values, an unknown sort."""

    def value_errors(self, request: Request, filterset: ContributionFilterSet) -> dict:
        errors = super().value_errors(request, filterset)
        params = request.query_params
        if len(params.get("q", "")) > MAX_QUERY_LENGTH:
            errors["q"] = [
                _("At most %(n)d characters, please.") % {"n": MAX_QUERY_LENGTH},
            ]
        sort = params.get("sort")
        if sort is not None and sort not in SORTS:
            errors["sort"] = [
                _("Unknown value: %(value)s. Choose one of: %(choices)s.")
                % {"value": sort[:100], "choices": ", ".join(SORTS)}
            ]
        for name in filterset.filters:
            if len(params.getlist(name)) > MAX_VALUES_PER_FILTER:
                errors[name] = [_("At most %(n)d values, please.") % {"n": MAX_VALUES_PER_FILTER}]
        return errors


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


FILTER_HELP = gettext_lazy(
    "Takes the query string of the web library: q (search), stage, barrier, category, "
    "audience, country, region, area, organisation, language and sort, plus type and year "
    "for resources and status (planned, active, completed) for initiatives. Repeat a "
    "filter to match any of its values; different filters must all match. Unknown "
    "parameters or values are a 400 that names them."
)


def contribution_queryset(model: type[Contribution], user) -> QuerySet:
    """Items `user` may see, with everything the serializer shows, in a fixed number of queries."""
    queryset = model.objects.visible_to(user).with_tags()
    if model is Initiative:
        queryset = queryset.prefetch_related(
            Prefetch("partner_organisations", queryset=organisations_visible_to(user)),
            Prefetch("related_resources", queryset=Resource.objects.visible_to(user)),
        )
    return queryset


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


EDIT_HELP = gettext_lazy(
    "Members of the item's organisation edit drafts and items sent back directly (200). "
    "A change to a published item becomes a pending revision (202) and the published "
    "version stays as it is until a curator accepts the change. Submitted, rejected and "
    "archived items cannot be edited (409)."
)
NOT_EDITABLE = {
    Status.SUBMITTED: gettext_lazy(
        "It waits for a curator's review and cannot be changed until they have decided."
    ),
    Status.REJECTED: gettext_lazy("It was rejected and can no longer be changed."),
    Status.ARCHIVED: gettext_lazy("It is archived and can no longer be changed."),
}


class ContributionViewSet(
    MethodCheckFirst, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Resources or initiatives: list, get, create, update and the workflow actions."""

    model: type[Contribution]
    read_serializer_class: type[ContributionSerializer]
    write_serializer_class: type[ContributionWriteSerializer]
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    pagination_class = Pagination
    filter_backends = [LibraryFilterBackend]
    permission_classes = [IsContributor]
    schema = PublicReadSchema()

    def get_queryset(self) -> QuerySet:
        queryset = contribution_queryset(self.model, self.request.user)
        if self.request.user.is_authenticated:
            # For `pending_revision`, which only members and curators are shown.
            pending = Revision.objects.pending()
            queryset = queryset.prefetch_related(
                Prefetch("revisions", queryset=pending, to_attr="pending_revisions")
            )
        return queryset

    def perform_content_negotiation(self, request: Request, force: bool = False):
        if not force and request.query_params.get("format") == "csv":
            raise NotFound(
                _("The CSV download is at %(path)s and takes the same filters.")
                % {"path": reverse(f"api:{self.model._meta.model_name}-csv")}
            )
        return super().perform_content_negotiation(request, force)

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action in ("create", "update", "partial_update"):
            return self.write_serializer_class
        return self.read_serializer_class

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        user = self.request.user if self.request else None
        if user is not None and user.is_authenticated:
            context["is_curator"] = user.is_curator
            context["member_of"] = frozenset(
                Organisation.objects.acted_for_by(user).values_list("pk", flat=True)
            )
        return context

    def read(self, item: Contribution) -> dict:
        """The item as the API shows it, freshly loaded with its tags."""
        fresh = self.get_queryset().get(pk=item.pk)
        return self.read_serializer_class(fresh, context=self.get_serializer_context()).data

    def create(self, request: Request) -> Response:
        self.check_submission_rate(request.user)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        submit = serializer.validated_data.pop("submit", False)
        with transaction.atomic():
            item = serializer.save(submitted_by=request.user)
            if submit:
                item.submit(by=request.user)
        return Response(self.read(item), status=status.HTTP_201_CREATED)

    def update(self, request: Request, slug: str, partial: bool = False) -> Response:
        item = self.get_object()
        if item.status in NOT_EDITABLE:
            raise Conflict(NOT_EDITABLE[item.status])
        serializer = self.get_serializer(item, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        submit = serializer.validated_data.pop("submit", False)
        if item.status == Status.PUBLISHED:
            return self.propose(item, serializer.validated_data)
        with transaction.atomic():
            item = serializer.save()
            if submit:
                item.submit(by=request.user)
        return Response(self.read(item))

    def partial_update(self, request: Request, slug: str) -> Response:
        return self.update(request, slug, partial=True)

    def propose(self, item: Contribution, changes: dict) -> Response:
        """A change to a published item: record it for review; the item stays as it is."""
        pending = item.revisions.pending().first()
        fields = [name for name in self.write_serializer_class.Meta.fields if name != "submit"]
        data = revision_data(item, fields, changes, pending)
        unchanged = all(
            field_to_json(item, item._meta.get_field(name)) == value for name, value in data.items()
        )
        if unchanged and pending is None:
            return Response(self.read(item))
        revision = Revision.propose(item, data, by=self.request.user)
        context = self.get_serializer_context()
        return Response(
            RevisionSerializer(revision, context=context).data, status=status.HTTP_202_ACCEPTED
        )

    def check_submission_rate(self, user) -> None:
        """The web form's limit on new items per person and hour, across both kinds."""
        since = timezone.now() - timedelta(hours=1)
        recent = [
            created
            for model in (Resource, Initiative)
            for created in model.objects.filter(
                submitted_by=user, created_at__gte=since
            ).values_list("created_at", flat=True)
        ]
        if len(recent) >= SUBMISSIONS_PER_HOUR:
            wait = min(recent) + timedelta(hours=1) - timezone.now()
            raise Throttled(
                wait=max(1, int(wait.total_seconds())),
                detail=_("You have added %(n)d items in the last hour. Please wait a little.")
                % {"n": SUBMISSIONS_PER_HOUR},
            )

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        if item.can("submit"):
            tags = {name: getattr(item, name).all() for name in TAG_FIELDS}
            errors = submission_errors(tags)
            if errors:
                raise ValidationError(errors)
        item.submit(by=request.user)
        return Response(self.read(item))

    @action(detail=True, methods=["post"], permission_classes=[IsCurator])
    def publish(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        item.publish(by=request.user, note=self.note(request, NoteSerializer))
        return Response(self.read(item))

    @action(
        detail=True, methods=["post"], permission_classes=[IsCurator], url_path="request-changes"
    )
    def request_changes(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        item.request_changes(by=request.user, note=self.note(request, RequiredNoteSerializer))
        return Response(self.read(item))

    @action(detail=True, methods=["post"], permission_classes=[IsCurator])
    def reject(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        serializer = RejectSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item.reject(
            by=request.user,
            reasons=list(dict.fromkeys(serializer.validated_data["reasons"])),
            note=serializer.validated_data["note"],
        )
        return Response(self.read(item))

    @action(detail=True, methods=["post"], permission_classes=[IsCurator])
    def archive(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        item.archive(by=request.user, note=self.note(request, NoteSerializer))
        return Response(self.read(item))

    @action(detail=True, methods=["post"], permission_classes=[IsCurator])
    def unarchive(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        item.unarchive(by=request.user, note=self.note(request, NoteSerializer))
        return Response(self.read(item))

    @staticmethod
    def note(request: Request, serializer_class: type[serializers.Serializer]) -> str:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data["note"]


# Revisions.


class RevisionFilterSet(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Revision.Status.choices,
        label=gettext_lazy("Status"),
        help_text=gettext_lazy("pending, accepted or declined; repeat for several."),
    )

    class Meta:
        model = Revision
        fields: list[str] = []


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List proposed changes to published items"),
        description=gettext_lazy(
            "Curators see all; members see those of their organisations' items, newest first."
        ),
        tags=["revisions"],
        examples=[
            OpenApiExample(
                "A proposed change", value=revision_example_value("resource"), response_only=True
            )
        ],
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("Get a proposed change, field by field"),
        tags=["revisions"],
        examples=[REVISION_EXAMPLE],
    ),
    accept=extend_schema(
        summary=gettext_lazy("Accept a proposed change (curators)"),
        description=gettext_lazy("The change is applied to the published item."),
        request=NoteSerializer,
        responses={200: RevisionDetailSerializer},
        tags=["revisions"],
        examples=[
            OpenApiExample("A note", value={"note": "Thank you."}, request_only=True),
            OpenApiExample(
                "Accepted",
                value={**revision_example_value("resource", True), "status": "accepted"},
                response_only=True,
            ),
        ],
    ),
    decline=extend_schema(
        summary=gettext_lazy("Decline a proposed change (curators)"),
        description=gettext_lazy("The published item stays as it is. A note is required."),
        request=RequiredNoteSerializer,
        responses={200: RevisionDetailSerializer},
        tags=["revisions"],
        examples=[
            OpenApiExample(
                "Why not",
                value={"note": "The new link points to a sales page."},
                request_only=True,
            ),
            OpenApiExample(
                "Declined",
                value={**revision_example_value("resource", True), "status": "declined"},
                response_only=True,
            ),
        ],
    ),
)
class RevisionViewSet(
    MethodCheckFirst, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Proposed changes to published items, waiting for a curator or decided."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination
    filter_backends = [StrictFilterBackend]
    filterset_class = RevisionFilterSet
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self) -> QuerySet:
        user = self.request.user
        revisions = Revision.objects.select_related("resource", "initiative", "proposed_by")
        if not user.is_authenticated:
            return revisions.none()
        if user.is_curator:
            return revisions
        return revisions.filter(
            Q(resource__in=Resource.objects.of_member(user))
            | Q(initiative__in=Initiative.objects.of_member(user))
        )

    def get_serializer_class(self) -> type[RevisionSerializer]:
        return RevisionSerializer if self.action == "list" else RevisionDetailSerializer

    @action(detail=True, methods=["post"], permission_classes=[IsCurator])
    def accept(self, request: Request, pk: str) -> Response:
        revision = self.get_object()
        note = ContributionViewSet.note(request, NoteSerializer)
        revision.accept(by=request.user, note=note)
        return Response(self.get_serializer(revision).data)

    @action(detail=True, methods=["post"], permission_classes=[IsCurator])
    def decline(self, request: Request, pk: str) -> Response:
        revision = self.get_object()
        note = ContributionViewSet.note(request, RequiredNoteSerializer)
        revision.decline(by=request.user, note=note)
        return Response(self.get_serializer(revision).data)


# The two collections.


@contribution_schema(
    "resource", ResourceSerializer, ResourceWriteSerializer, READ_EXAMPLES["resource"]
)
class ResourceViewSet(ContributionViewSet):
    """The resource library: toolkits, guidelines, reports, training and patient
    information that help patients get tested and treated."""

    model = Resource
    read_serializer_class = ResourceSerializer
    write_serializer_class = ResourceWriteSerializer
    filterset_class = ResourceFilterSet


@contribution_schema(
    "initiative", InitiativeSerializer, InitiativeWriteSerializer, READ_EXAMPLES["initiative"]
)
class InitiativeViewSet(ContributionViewSet):
    """The initiative directory: programmes, pilots, networks and campaigns
    working to remove barriers along the pathway."""

    model = Initiative
    read_serializer_class = InitiativeSerializer
    write_serializer_class = InitiativeWriteSerializer
    filterset_class = InitiativeFilterSet
