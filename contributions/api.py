"""REST API for resources, initiatives and proposed revisions.

Reading: anonymous clients see published items; signed-in members also see every
item of their organisations, curators see everything. Lists take the same query
string as the web library (contributions.filters is shared), but where the web
page ignores what it does not know, the API answers 400 and names it.

Writing follows the web forms' rules: approved members create items for their
organisation as drafts or submit them; drafts and items sent back are edited in
place, while a change to a published item becomes a pending Revision and the live
item stays as it is until a curator accepts it. Status only changes through the
model's workflow methods, called by the action endpoints (submit, publish, ...).
"""

import csv
from collections.abc import Iterator, Mapping
from datetime import timedelta

import django_filters
from django.db import transaction
from django.db.models import Model, Prefetch, Q, QuerySet
from django.http import StreamingHttpResponse
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
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
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
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from barriers.api import BarrierRefSerializer
from barriers.models import Barrier
from pathway.api import (
    NULLABLE_URI,
    SLUG_PATTERN,
    CountryRefSerializer,
    MethodCheckFirst,
    OptionalURLField,
    Pagination,
    PublicReadSchema,
    RegionRefSerializer,
    StageRefSerializer,
    StrictFilterBackend,
    TagListField,
    TherapeuticAreaRefSerializer,
    link_field,
    path_example,
)
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.api import (
    OrganisationRefSerializer,
    StakeholderGroupRefSerializer,
    organisations_visible_to,
)
from stakeholders.models import Organisation, StakeholderGroup

from .curation import MAX_NOTE_LENGTH
from .filters import (
    MAX_QUERY_LENGTH,
    MAX_VALUES_PER_FILTER,
    SORTS,
    ContributionFilterSet,
    InitiativeFilterSet,
    ResourceFilterSet,
    TagFilter,
)
from .forms import SUBMISSIONS_PER_HOUR
from .models import (
    Contribution,
    Initiative,
    RejectionReason,
    Resource,
    Revision,
    Status,
    field_to_json,
)

# Markdown fields have no limit in the database; a request body should.
MAX_MARKDOWN_LENGTH = 20_000


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


# Reading.


class ReviewSerializer(serializers.Serializer):
    note = serializers.CharField(help_text=gettext_lazy("The curator's note on the last decision."))
    reasons = serializers.ListField(
        child=serializers.CharField(),
        help_text=gettext_lazy("Codes of the reasons for a rejection."),
    )


class ResourceRefSerializer(serializers.ModelSerializer):
    api_url = link_field("resource")

    class Meta:
        model = Resource
        fields = ["slug", "title", "api_url"]
        read_only_fields = fields


COMMON_READ_FIELDS = [
    "slug",
    "title",
    "summary",
    "body",
    "organisation",
    "stages",
    "barriers",
    "audiences",
    "countries",
    "regions",
    "therapeutic_areas",
    "language",
    "status",
    "created_at",
    "updated_at",
    "submitted_at",
    "published_at",
    "last_verified_at",
    "review",
    "pending_revision",
    "api_url",
    "web_url",
]


class ContributionSerializer(serializers.ModelSerializer):
    """What both kinds show. `review` and `pending_revision` are only filled in for
    the item's organisation and for curators; everyone else gets null."""

    organisation = OrganisationRefSerializer(read_only=True)
    stages = StageRefSerializer(many=True, read_only=True)
    barriers = BarrierRefSerializer(many=True, read_only=True)
    audiences = StakeholderGroupRefSerializer(many=True, read_only=True)
    countries = CountryRefSerializer(many=True, read_only=True)
    regions = RegionRefSerializer(many=True, read_only=True)
    therapeutic_areas = TherapeuticAreaRefSerializer(many=True, read_only=True)
    body = serializers.CharField(
        read_only=True,
        help_text=gettext_lazy("Markdown, as written: sanitise it before rendering it as HTML."),
    )
    web_url = serializers.SerializerMethodField(
        help_text=gettext_lazy("The public page; null while the item is not published.")
    )
    review = serializers.SerializerMethodField()
    pending_revision = serializers.SerializerMethodField(
        help_text=gettext_lazy("The change to this published item that waits for a curator.")
    )

    def insider(self, item: Contribution) -> bool:
        if self.context.get("is_curator"):
            return True
        return item.organisation_id in self.context.get("member_of", ())

    @extend_schema_field(NULLABLE_URI)
    def get_web_url(self, item: Contribution) -> str | None:
        if item.status != Status.PUBLISHED:
            return None
        return self.context["request"].build_absolute_uri(item.get_absolute_url())

    @extend_schema_field(ReviewSerializer(allow_null=True))
    def get_review(self, item: Contribution) -> dict | None:
        if not self.insider(item) or not (item.review_note or item.review_reasons):
            return None
        return {"note": item.review_note, "reasons": list(item.review_reasons)}

    @extend_schema_field(NULLABLE_URI)
    def get_pending_revision(self, item: Contribution) -> str | None:
        pending = getattr(item, "pending_revisions", None)
        if not pending or not self.insider(item):
            return None
        return self.context["request"].build_absolute_uri(
            reverse("api:revision-detail", args=[pending[0].pk])
        )


class ResourceSerializer(ContributionSerializer):
    api_url = link_field("resource")
    url = serializers.URLField(read_only=True, help_text=gettext_lazy("Where to find it."))

    class Meta:
        model = Resource
        fields = [*COMMON_READ_FIELDS, "resource_type", "url", "publisher", "year"]
        read_only_fields = fields


class InitiativeSerializer(ContributionSerializer):
    api_url = link_field("initiative")
    partner_organisations = OrganisationRefSerializer(many=True, read_only=True)
    related_resources = ResourceRefSerializer(many=True, read_only=True)
    outcomes = serializers.CharField(read_only=True, help_text=gettext_lazy("Markdown."))
    website = OptionalURLField()

    class Meta:
        model = Initiative
        fields = [
            *COMMON_READ_FIELDS,
            "phase",
            "partner_organisations",
            "start_date",
            "end_date",
            "website",
            "outcomes",
            "related_resources",
        ]
        read_only_fields = fields


# Writing.

TAXONOMY_FIELDS = ("stages", "barriers", "audiences", "countries", "regions", "therapeutic_areas")
COMMON_WRITE_FIELDS = ["title", "summary", "body", "organisation", *TAXONOMY_FIELDS, "language"]


class ContributionWriteSerializer(serializers.ModelSerializer):
    """The editable fields, by slug, validated as the web form validates them."""

    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        help_text=gettext_lazy("Slug of an organisation you are an approved member of."),
    )
    stages = TagListField(Stage.objects.all(), help_text=gettext_lazy("Pathway stage slugs."))
    barriers = TagListField(Barrier.objects.all(), help_text=gettext_lazy("Barrier slugs."))
    audiences = TagListField(
        StakeholderGroup.objects.all(),
        help_text=gettext_lazy("Slugs of the stakeholder groups it is for."),
    )
    countries = TagListField(
        Country.objects.all(),
        key="code",
        normalise=str.upper,
        help_text=gettext_lazy("ISO 3166 alpha-2 codes."),
    )
    regions = TagListField(
        Region.objects.all(), help_text=gettext_lazy("Region slugs; “global” for everywhere.")
    )
    therapeutic_areas = TagListField(
        TherapeuticArea.objects.all(), help_text=gettext_lazy("Therapeutic area slugs.")
    )
    body = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        help_text=gettext_lazy("Markdown. Shown on the detail page."),
    )
    submit = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text=gettext_lazy(
            "Send the item to the curators for review after saving it. Needs at least one "
            "stage, one barrier and a country or region. Ignored for published items, "
            "whose changes always go to review."
        ),
    )

    def to_internal_value(self, data):
        # DRF ignores fields it does not know; a client sending "status" or a
        # misspelt field would never learn that nothing happened.
        unknown = {}
        if isinstance(data, Mapping):
            unknown = {
                str(key)[:100]: [
                    _("Read-only: use the action endpoints (submit, publish, ...).")
                    if key == "status"
                    else _("Unknown field.")
                ]
                for key in list(data)[:100]
                if key not in self.fields
            }
        try:
            value = super().to_internal_value(data)
        except ValidationError as exc:
            if unknown and isinstance(exc.detail, dict):
                raise ValidationError({**unknown, **exc.detail}) from exc
            raise
        if unknown:
            raise ValidationError(unknown)
        return value

    def validate_organisation(self, organisation: Organisation) -> Organisation:
        user = self.context["request"].user
        if not Organisation.objects.acted_for_by(user).filter(pk=organisation.pk).exists():
            raise ValidationError(_("You are not an approved member of this organisation."))
        return organisation

    def effective(self, attrs: dict, name: str):
        """The value a field will have: the one sent, or the item's current one."""
        if name in attrs:
            return attrs[name]
        if self.instance is None:
            return [] if name in TAXONOMY_FIELDS else None
        if name in TAXONOMY_FIELDS:
            return list(getattr(self.instance, name).all())
        return getattr(self.instance, name)

    def validate(self, attrs: dict) -> dict:
        if attrs.get("submit") and (
            self.instance is None or self.instance.status != Status.PUBLISHED
        ):
            errors = submission_errors(
                {name: self.effective(attrs, name) for name in TAXONOMY_FIELDS}
            )
            if errors:
                raise ValidationError(errors)
        return attrs


def submission_errors(tags: dict) -> dict[str, list[str]]:
    """What an item lacks before it can go to review (the web form's rules)."""
    errors = {}
    if not tags["stages"]:
        errors["stages"] = [_("Choose at least one pathway stage.")]
    if not tags["barriers"]:
        errors["barriers"] = [_("Choose at least one barrier it addresses.")]
    if not tags["countries"] and not tags["regions"]:
        errors["regions"] = [_("Choose the countries or regions it covers (Global if everywhere).")]
    return errors


class ResourceWriteSerializer(ContributionWriteSerializer):
    year = serializers.IntegerField(
        min_value=1900,
        max_value=2100,
        required=False,
        allow_null=True,
        help_text=gettext_lazy("The year it was published or last updated."),
    )

    class Meta:
        model = Resource
        fields = [*COMMON_WRITE_FIELDS, "resource_type", "url", "publisher", "year", "submit"]
        extra_kwargs = {"url": {"help_text": gettext_lazy("Where people can find it.")}}


class InitiativeWriteSerializer(ContributionWriteSerializer):
    partner_organisations = TagListField(
        Organisation.objects.verified(),
        help_text=gettext_lazy("Slugs of verified organisations working on it with you."),
    )
    related_resources = TagListField(
        Resource.objects.published(),
        help_text=gettext_lazy("Slugs of published resources it produced or uses."),
    )
    outcomes = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        help_text=gettext_lazy("Markdown. What has changed for patients so far."),
    )

    class Meta:
        model = Initiative
        fields = [
            *COMMON_WRITE_FIELDS,
            "phase",
            "start_date",
            "end_date",
            "website",
            "outcomes",
            "partner_organisations",
            "related_resources",
            "submit",
        ]

    def validate(self, attrs: dict) -> dict:
        attrs = super().validate(attrs)
        start, end = self.effective(attrs, "start_date"), self.effective(attrs, "end_date")
        if start and end and end < start:
            raise ValidationError(
                {"end_date": [_("The end date cannot be before the start date.")]}
            )
        return attrs


def revision_data(
    item: Contribution, fields: list[str], changes: dict, pending: Revision | None
) -> dict:
    """The proposed state of a published item's editable `fields`, in Revision.data's
    format (field_to_json): the live values, then a proposal already waiting, then
    `changes` (validated values, related objects as instances)."""
    data = {name: field_to_json(item, item._meta.get_field(name)) for name in fields}
    if pending is not None:
        data.update({name: value for name, value in pending.data.items() if name in data})
    for name, value in changes.items():
        model_field = item._meta.get_field(name)
        if model_field.many_to_many:
            data[name] = sorted(json_pk(obj) for obj in value)
        elif model_field.is_relation:
            data[name] = json_pk(value) if value is not None else None
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = value
    return data


def json_pk(obj: Model) -> int | str:
    """A primary key as field_to_json stores it: countries' codes are Country objects
    on the instance but plain strings in the database (and in Revision.data)."""
    return obj.pk if isinstance(obj.pk, int) else str(obj.pk)


# Curators' actions.


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=MAX_NOTE_LENGTH,
        help_text=gettext_lazy("Recorded in the item's history and sent to its submitter."),
    )


class RequiredNoteSerializer(serializers.Serializer):
    note = serializers.CharField(
        max_length=MAX_NOTE_LENGTH, help_text=gettext_lazy("What needs to change, or why.")
    )


class RejectSerializer(serializers.Serializer):
    reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=RejectionReason.choices),
        min_length=1,
        max_length=len(RejectionReason.choices),
        help_text=gettext_lazy(
            "At least one. Advisory reasons alone (plain language, sources, tagging) need a note."
        ),
    )
    note = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_NOTE_LENGTH
    )


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

    target_class = "contributions.api.LibraryFilterBackend"
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
            tags = {name: getattr(item, name).all() for name in TAXONOMY_FIELDS}
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


class RevisionSerializer(serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:revision-detail", read_only=True)
    kind = serializers.SerializerMethodField()
    item = serializers.SerializerMethodField()
    proposed_by = serializers.SerializerMethodField(
        help_text=gettext_lazy("The name of the member who proposed the change.")
    )

    class Meta:
        model = Revision
        fields = [
            "id",
            "api_url",
            "kind",
            "item",
            "status",
            "proposed_by",
            "created_at",
            "decided_at",
            "note",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "enum": ["resource", "initiative"]})
    def get_kind(self, revision: Revision) -> str:
        return revision.contribution.kind

    @extend_schema_field(ResourceRefSerializer)
    def get_item(self, revision: Revision) -> dict:
        item = revision.contribution
        return {
            "slug": item.slug,
            "title": item.title,
            "api_url": self.context["request"].build_absolute_uri(
                reverse(f"api:{item.kind}-detail", args=[item.slug])
            ),
        }

    def get_proposed_by(self, revision: Revision) -> str | None:
        user = revision.proposed_by
        return (user.get_full_name() or user.username) if user is not None else None


class ChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    label = serializers.CharField()
    live = serializers.JSONField(
        help_text=gettext_lazy("The published value; related objects by slug (countries by code).")
    )
    proposed = serializers.JSONField(help_text=gettext_lazy("The proposed value."))


class RevisionDetailSerializer(RevisionSerializer):
    changes = serializers.SerializerMethodField(
        help_text=gettext_lazy("Each field whose proposed value differs from the live one.")
    )

    class Meta(RevisionSerializer.Meta):
        fields = [*RevisionSerializer.Meta.fields, "changes"]
        read_only_fields = fields

    @extend_schema_field(ChangeSerializer(many=True))
    def get_changes(self, revision: Revision) -> list[dict]:
        return [
            {
                "field": model_field.name,
                "label": str(model_field.verbose_name),
                "live": display_value(model_field, live),
                "proposed": display_value(model_field, proposed),
            }
            for model_field, live, proposed in revision.changes()
        ]


def revision_example_value(kind: str, with_changes: bool = False) -> dict:
    slug = "biomarker-testing-questions" if kind == "resource" else "reflex-testing-pilot"
    value = {
        "id": 42,
        "api_url": "https://portal.example/api/v1/revisions/42/",
        "kind": kind,
        "item": {
            "slug": slug,
            "title": "Biomarker testing: questions to ask your doctor",
            "api_url": f"https://portal.example/api/v1/{kind}s/{slug}/",
        },
        "status": "pending",
        "proposed_by": "Ana Weber",
        "created_at": "2025-04-02T08:15:00Z",
        "decided_at": None,
        "note": "",
    }
    if with_changes:
        value["changes"] = [
            {
                "field": "summary",
                "label": "summary",
                "live": "A one-page guide about biomarker tests.",
                "proposed": "A one-page guide for people with lung cancer about biomarker tests.",
            },
            {"field": "countries", "label": "countries", "live": ["DE"], "proposed": ["DE", "AT"]},
        ]
    return value


REVISION_EXAMPLE = OpenApiExample(
    "A proposed change", value=revision_example_value("resource", True), response_only=True
)


def display_value(model_field, value):
    """A Revision.data value for people: related objects by slug (countries by code)."""
    if not model_field.is_relation or value is None:
        return value
    related = model_field.related_model
    key = "code" if related is Country else "slug"
    pks = value if model_field.many_to_many else [value]
    keys = {pk: str(slug) for pk, slug in related.objects.filter(pk__in=pks).values_list("pk", key)}
    found = [keys[pk] for pk in pks if pk in keys]
    if model_field.many_to_many:
        return found
    return found[0] if found else None


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

WRITE_EXAMPLES = {
    "resource": {
        "title": "Biomarker testing: questions to ask your doctor",
        "summary": "A one-page guide for people with lung cancer about biomarker tests.",
        "body": "## What is a biomarker?\n\nA feature of the tumour that a test can find.",
        "organisation": "lung-patients-network",
        "stages": ["testing-decision"],
        "barriers": ["patients-unaware-of-testing"],
        "audiences": ["patients-advocacy"],
        "countries": ["DE", "AT"],
        "regions": [],
        "therapeutic_areas": ["lung-cancer"],
        "language": "en",
        "resource_type": "patient_information",
        "url": "https://lung-patients.example/biomarker-questions",
        "publisher": "",
        "year": 2025,
        "submit": True,
    },
    "initiative": {
        "title": "Reflex testing pilot in Bavaria",
        "summary": "Pathologists order biomarker tests at diagnosis, without waiting.",
        "organisation": "lung-patients-network",
        "stages": ["sample-analysis"],
        "barriers": ["lab-workforce-long-turnaround"],
        "countries": ["DE"],
        "phase": "active",
        "start_date": "2025-01-01",
        "end_date": "2026-12-31",
        "website": "https://reflex-pilot.example",
        "partner_organisations": [],
        "related_resources": [],
        "submit": False,
    },
}


def ref(kind: str, slug: str, name: str, key: str = "slug") -> dict:
    return {key: slug, "name": name, "api_url": f"https://portal.example/api/v1/{kind}/{slug}/"}


READ_EXAMPLE_COMMON = {
    "slug": "biomarker-testing-questions",
    "title": "Biomarker testing: questions to ask your doctor",
    "summary": "A one-page guide for people with lung cancer about biomarker tests.",
    "body": "## What is a biomarker?\n\nA feature of the tumour that a test can find.",
    "organisation": ref("organisations", "lung-patients-network", "Lung Patients Network"),
    "stages": [ref("stages", "testing-decision", "Testing decision & consent")],
    "barriers": [
        {
            "slug": "patients-unaware-of-testing",
            "title": "Patients do not know testing exists",
            "api_url": "https://portal.example/api/v1/barriers/patients-unaware-of-testing/",
        }
    ],
    "audiences": [ref("stakeholder-groups", "patients-advocacy", "Patients & advocacy")],
    "countries": [ref("countries", "DE", "Germany", key="code")],
    "regions": [],
    "therapeutic_areas": [ref("therapeutic-areas", "lung-cancer", "Lung cancer")],
    "language": "en",
    "status": "published",
    "created_at": "2025-03-01T09:30:00Z",
    "updated_at": "2025-03-04T14:00:00Z",
    "submitted_at": "2025-03-01T09:31:00Z",
    "published_at": "2025-03-04T14:00:00Z",
    "last_verified_at": "2025-03-04T14:00:00Z",
    "review": None,
    "pending_revision": None,
}
READ_EXAMPLES = {
    "resource": {
        **READ_EXAMPLE_COMMON,
        "api_url": "https://portal.example/api/v1/resources/biomarker-testing-questions/",
        "web_url": "https://portal.example/resources/biomarker-testing-questions/",
        "resource_type": "patient_information",
        "url": "https://lung-patients.example/biomarker-questions",
        "publisher": "",
        "year": 2025,
    },
    "initiative": {
        **READ_EXAMPLE_COMMON,
        "slug": "reflex-testing-pilot-in-bavaria",
        "title": "Reflex testing pilot in Bavaria",
        "api_url": "https://portal.example/api/v1/initiatives/reflex-testing-pilot-in-bavaria/",
        "web_url": "https://portal.example/initiatives/reflex-testing-pilot-in-bavaria/",
        "phase": "active",
        "partner_organisations": [],
        "start_date": "2025-01-01",
        "end_date": "2026-12-31",
        "website": "https://reflex-pilot.example",
        "outcomes": "",
        "related_resources": [],
    },
}


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


# CSV downloads: every matching item, not one page.

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """The cell's text, neutralised if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def joined(rows, key: str = "slug") -> str:
    return ";".join(str(getattr(row, key)) for row in rows)


class Echo:
    """A file-like object csv.writer writes to; each row is yielded, not kept."""

    def write(self, value: str) -> str:
        return value


class ContributionCSVView(MethodCheckFirst, GenericAPIView):
    """All items matching the library filters, as CSV: open data for spreadsheets."""

    model: type[Contribution]
    filterset_class: type[ContributionFilterSet]
    filter_backends = [LibraryFilterBackend]
    pagination_class = None
    throttle_classes = [AnonRateThrottle, UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "downloads"
    permission_classes = [AllowAny]
    # Big enough to keep the number of queries low, small enough to stream.
    chunk_size = 500

    common_columns = (
        ("slug", lambda item: item.slug),
        ("title", lambda item: item.title),
        ("summary", lambda item: item.summary),
        ("body", lambda item: item.body),
        ("organisation", lambda item: item.organisation.slug),
        ("organisation_name", lambda item: item.organisation.name),
        ("stages", lambda item: joined(item.stages.all())),
        ("barriers", lambda item: joined(item.barriers.all())),
        ("audiences", lambda item: joined(item.audiences.all())),
        ("countries", lambda item: joined(item.countries.all(), "code")),
        ("regions", lambda item: joined(item.regions.all())),
        ("therapeutic_areas", lambda item: joined(item.therapeutic_areas.all())),
        ("language", lambda item: item.language),
        ("status", lambda item: item.status),
        ("published_at", lambda item: item.published_at),
        ("updated_at", lambda item: item.updated_at),
    )
    extra_columns: tuple = ()

    def get_queryset(self) -> QuerySet:
        return contribution_queryset(self.model, self.request.user)

    def perform_content_negotiation(self, request: Request, force: bool = False):
        # Success is always CSV and errors always JSON, whatever the client accepts.
        return super().perform_content_negotiation(request, force=True)

    def get(self, request: Request) -> StreamingHttpResponse:
        queryset = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(
            self.rows(queryset.iterator(chunk_size=self.chunk_size)),
            content_type="text/csv; charset=utf-8",
        )
        filename = f"{self.model._meta.verbose_name_plural}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def rows(self, items: Iterator[Contribution]) -> Iterator[str]:
        columns = (*self.common_columns, *self.extra_columns)
        writer = csv.writer(Echo())
        yield writer.writerow([*(name for name, _value in columns), "web_url"])
        for item in items:
            web_url = ""
            if item.status == Status.PUBLISHED:
                web_url = self.request.build_absolute_uri(item.get_absolute_url())
            yield writer.writerow([csv_safe(value(item)) for _name, value in columns] + [web_url])


CSV_HELP = gettext_lazy(
    "Every matching item (not one page) as CSV, with the same filters as the list. "
    "Related objects are given by slug (countries by code), several joined with “;”. "
    "Cells that a spreadsheet would run as a formula start with an apostrophe."
)


def csv_schema(kind: str, header: str) -> object:
    return extend_schema(
        operation_id=f"{kind}_csv",
        filters=True,
        summary=_("Download %(kind)s as CSV") % {"kind": kind},
        description=CSV_HELP,
        tags=[kind],
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR,
                description=_("A CSV file with a header row."),
                examples=[OpenApiExample("The header row", value=header)],
            )
        },
    )


class ResourceCSVView(ContributionCSVView):
    model = Resource
    filterset_class = ResourceFilterSet
    extra_columns = (
        ("resource_type", lambda item: item.resource_type),
        ("url", lambda item: item.url),
        ("publisher", lambda item: item.publisher),
        ("year", lambda item: item.year),
    )

    @csv_schema(
        "resources",
        "slug,title,summary,body,organisation,organisation_name,stages,barriers,audiences,"
        "countries,regions,therapeutic_areas,language,status,published_at,updated_at,"
        "resource_type,url,publisher,year,web_url",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)


class InitiativeCSVView(ContributionCSVView):
    model = Initiative
    filterset_class = InitiativeFilterSet
    extra_columns = (
        ("phase", lambda item: item.phase),
        ("start_date", lambda item: item.start_date),
        ("end_date", lambda item: item.end_date),
        ("website", lambda item: item.website),
        ("outcomes", lambda item: item.outcomes),
        ("partner_organisations", lambda item: joined(item.partner_organisations.all())),
        ("related_resources", lambda item: joined(item.related_resources.all())),
    )

    @csv_schema(
        "initiatives",
        "slug,title,summary,body,organisation,organisation_name,stages,barriers,audiences,"
        "countries,regions,therapeutic_areas,language,status,published_at,updated_at,"
        "phase,start_date,end_date,website,outcomes,partner_organisations,"
        "related_resources,web_url",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)
