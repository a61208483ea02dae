"""The resources, initiatives and revisions endpoints: who may do what, the
library's filters applied strictly, and the workflow actions."""

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import (
    SLUG_PATTERN,
    MethodCheckFirst,
    Pagination,
    PublicReadSchema,
    StrictFilterBackend,
)
from core.api_errors import Conflict
from search.text import MAX_QUERY_LENGTH
from stakeholders.models import Organisation

from ..filters import (
    SORTS,
    ContributionFilterSet,
    InitiativeFilterSet,
    ResourceFilterSet,
)
from ..languages import add_translation, can_translate, find_original, link_translation
from ..models import (
    Contribution,
    Initiative,
    Resource,
    Revision,
    Status,
    changed_fields,
    languages_of,
    revision_data,
)
from ..submission import (
    SubmissionHeld,
    TooManySubmissions,
    check_submission_rate,
    claim_submission_slot,
    record_marks,
    submit_item,
)
from ..tag_filters import MAX_VALUES_PER_FILTER
from .examples import READ_EXAMPLES
from .schema import contribution_schema
from .serializers import (
    ContributionSerializer,
    ContributionWriteSerializer,
    InitiativeSerializer,
    InitiativeWriteSerializer,
    ResourceSerializer,
    ResourceWriteSerializer,
)
from .submission import SubmitSerializer, duplicates_conflict
from .translations import TranslationOfSerializer, TranslationSerializer
from .workflow_serializers import (
    NoteSerializer,
    RejectSerializer,
    RequiredNoteSerializer,
    RevisionSerializer,
)

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
                ngettext(
                    "At most %(n)d character, please.",
                    "At most %(n)d characters, please.",
                    MAX_QUERY_LENGTH,
                )
                % {"n": MAX_QUERY_LENGTH},
            ]
        sort = params.get("sort")
        if sort is not None and sort not in SORTS:
            errors["sort"] = [
                _("Unknown value: %(value)s. Choose one of: %(choices)s.")
                % {"value": sort[:100], "choices": ", ".join(SORTS)}
            ]
        for name in filterset.filters:
            if len(params.getlist(name)) > MAX_VALUES_PER_FILTER:
                errors[name] = [
                    ngettext(
                        "At most %(n)d value, please.",
                        "At most %(n)d values, please.",
                        MAX_VALUES_PER_FILTER,
                    )
                    % {"n": MAX_VALUES_PER_FILTER}
                ]
        return errors


def contribution_queryset(model: type[Contribution], user) -> QuerySet:
    """Items `user` may see, with everything the serializer shows, in a fixed number of queries."""
    queryset = (
        model.objects.visible_to(user)
        .with_tags()
        .select_related("translation_of")
        .prefetch_related("translations")
    )
    if model is Initiative:
        queryset = queryset.prefetch_related(
            Prefetch("partner_organisations", queryset=Organisation.objects.visible_to(user)),
            Prefetch("related_resources", queryset=Resource.objects.visible_to(user)),
        )
    return queryset


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

    def paginate_queryset(self, queryset: QuerySet) -> list | None:
        page = super().paginate_queryset(queryset)
        if page:
            # The page's languages in two queries rather than two per item.
            languages = languages_of(page)
            for item in page:
                item.available_languages = languages[item.pk]
        return page

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
        try:
            check_submission_rate(request.user)
            serializer = self.get_serializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            item = self.save(serializer, new=True, submitted_by=request.user)
        except TooManySubmissions as refused:
            # The web form's message as it is: the wait goes in Retry-After and retry_after.
            throttled = Throttled(detail=str(refused))
            throttled.wait = max(1, int(refused.wait.total_seconds()))
            raise throttled from refused
        return Response(self.read(item), status=status.HTTP_201_CREATED)

    def update(self, request: Request, slug: str, partial: bool = False) -> Response:
        item = self.get_object()
        if item.status in NOT_EDITABLE:
            raise Conflict(NOT_EDITABLE[item.status])
        serializer = self.get_serializer(item, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        if item.status == Status.PUBLISHED:
            # Changes to a published item always go to review, unchecked for duplicates.
            serializer.validated_data.pop("submit", None)
            serializer.validated_data.pop("similar", None)
            return self.propose(item, serializer.validated_data)
        return Response(self.read(self.save(serializer)))

    def save(
        self, serializer: ContributionWriteSerializer, new: bool = False, **extra
    ) -> Contribution:
        """Save the draft, then submit it if asked, as the web form does. A submission
        the duplicate check holds back keeps the draft (and the marks) and is a 409;
        one the model refuses (not placed on the pathway) saves nothing. A `new` item
        claims its place in the person's hourly limit in the same transaction."""
        submit = serializer.validated_data.pop("submit", False)
        marks = serializer.validated_data.pop("similar", {})
        held = None
        with transaction.atomic():
            if new:
                claim_submission_slot(self.request.user)
            item = serializer.save(**extra)
            if submit:
                try:
                    submit_item(item, self.request.user, marks)
                except SubmissionHeld as exc:
                    held = exc
            else:
                record_marks(item, self.request.user, marks)
        if held is not None:
            raise self.held(held)
        return item

    def held(self, held: SubmissionHeld) -> Conflict:
        member_of = self.get_serializer_context().get("member_of", frozenset())
        return duplicates_conflict(held, self.request, member_of)

    def partial_update(self, request: Request, slug: str) -> Response:
        return self.update(request, slug, partial=True)

    def propose(self, item: Contribution, changes: dict) -> Response:
        """A change to a published item: record it for review; the item stays as it is."""
        data = revision_data(item, self.write_serializer_class.item_fields(), changes)
        if not changed_fields(item, data) and not item.revisions.pending().exists():
            return Response(self.read(item))
        revision = Revision.propose(item, data, by=self.request.user)
        context = self.get_serializer_context()
        return Response(
            RevisionSerializer(revision, context=context).data, status=status.HTTP_202_ACCEPTED
        )

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        body = SubmitSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            submit_item(item, request.user, body.validated_data.get("similar", {}))
        except SubmissionHeld as held:
            raise self.held(held) from held
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

    @action(detail=True, methods=["post"])
    def translations(self, request: Request, slug: str) -> Response:
        """Members of the item's organisation, while they may edit it. The
        translation waits for a curator's review before others see it."""
        item = self.get_object()
        if not can_translate(item, request.user):
            raise Conflict(NOT_EDITABLE.get(item.status, _("You cannot change this item.")))
        body = TranslationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        translation = add_translation(item, request.user, body.validated_data)
        return Response(TranslationSerializer(translation).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], url_path="translation-of")
    def translation_of(self, request: Request, slug: str) -> Response:
        item = self.get_object()
        if not can_translate(item, request.user):
            raise Conflict(NOT_EDITABLE.get(item.status, _("You cannot change this item.")))
        body = TranslationOfSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        address = body.validated_data["translation_of"] or ""
        link_translation(item, find_original(item, request.user, address))
        return Response(self.read(item))

    @staticmethod
    def note(request: Request, serializer_class: type[serializers.Serializer]) -> str:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data["note"]


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
