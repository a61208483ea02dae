"""Proposed changes to published items: listed for curators and their proposers,
accepted or declined by curators."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import (
    MethodCheckFirst,
    Pagination,
    StrictFilterBackend,
)

from ..models import Initiative, Resource, Revision
from .examples import REVISION_EXAMPLE, revision_example_value
from .views import IsCurator
from .workflow_serializers import (
    AcceptRevisionSerializer,
    DeclineRevisionSerializer,
    RevisionDetailSerializer,
    RevisionSerializer,
)


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
        request=AcceptRevisionSerializer,
        responses={200: RevisionDetailSerializer},
        tags=["revisions"],
        examples=[
            OpenApiExample(
                "A note, and the version reviewed",
                value={"note": "Thank you.", "updated_at": "2025-04-03T10:30:00Z"},
                request_only=True,
            ),
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
        request=DeclineRevisionSerializer,
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
        decision = decision_of(request, AcceptRevisionSerializer)
        revision.accept(by=request.user, note=decision["note"], seen=decision.get("updated_at"))
        return Response(self.get_serializer(revision).data)

    @action(detail=True, methods=["post"], permission_classes=[IsCurator])
    def decline(self, request: Request, pk: str) -> Response:
        revision = self.get_object()
        decision = decision_of(request, DeclineRevisionSerializer)
        revision.decline(by=request.user, note=decision["note"], seen=decision.get("updated_at"))
        return Response(self.get_serializer(revision).data)


def decision_of(request: Request, serializer_class: type) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
