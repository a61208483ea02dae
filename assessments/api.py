"""The assessment flow in the REST API: frameworks (public), assessments (public
once decided; open rounds for their owners, reviewers and curators) and review
assignments (each reviewer's own). Every step calls workflow.py, so the API and
the pages answer alike: 403 for who may not, 409 for a step out of turn, 400
with field errors keyed "<criterion code>.<score|text|rationale|evidence>"."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import User
from contributions.models import Initiative
from core.api import MethodCheckFirst, Pagination, ReadOnlyViewSet, SlugRefField
from stakeholders.models import Membership

from . import workflow
from .models import MAX_NOTE_LENGTH, Assessment, Assignment, Criterion, Framework, ScaleLevel

# Examples for the OpenAPI document.

CRITERION_EXAMPLE = {
    "code": "patient-partners",
    "position": 8,
    "name": "Patients involved as partners",
    "guidance": "Patients and their organisations helped to design, run and evaluate it.",
}
FRAMEWORK_EXAMPLE = {
    "slug": "pm-practice-2026",
    "version": "2026.1",
    "title": "Precision-medicine practice criteria",
    "notes": "Adapted from the European Commission's Best Practice Portal criteria.",
    "published": "2026-12-01",
    "levels": [{"score": 3, "label": "Fully met", "description": "With clear evidence."}],
    "criteria": [CRITERION_EXAMPLE],
}
ASSESSMENT_EXAMPLE = {
    "id": 7,
    "initiative": "no-one-missed",
    "round": 1,
    "status": "decided",
    "framework": "2026.1",
    "reason": "",
    "submitted_at": "2026-11-02T09:00:00Z",
    "outcome": "best",
    "outcome_label": "Best practice",
    "summary": "Testing rates rose from 48% to 81% in three years, with published data.",
    "decided_at": "2026-11-20T15:30:00Z",
    "current": True,
    "scores": [{"criterion": "relevance", "self_score": 3, "review_mean": 2.5}],
}
ASSIGNMENT_EXAMPLE = {
    "id": 12,
    "assessment": 7,
    "initiative": "no-one-missed",
    "reviewer": "reviewer-anna",
    "assigned_at": "2026-11-03T10:00:00Z",
    "conflict": False,
    "conflict_note": "",
    "declared_at": "2026-11-04T08:00:00Z",
    "completed_at": None,
}


def examples(response: dict, request: dict | None = None) -> list[OpenApiExample]:
    found = [OpenApiExample("Response", value=response, response_only=True)]
    if request is not None:
        found.append(OpenApiExample("Request", value=request, request_only=True))
    return found


# Frameworks.


class ScaleLevelSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScaleLevel
        fields = ["score", "label", "description"]
        read_only_fields = fields


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["code", "position", "name", "guidance"]
        read_only_fields = fields


class FrameworkSerializer(serializers.ModelSerializer):
    levels = ScaleLevelSerializer(many=True, read_only=True)
    criteria = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = ["slug", "version", "title", "notes", "published", "levels", "criteria"]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List published assessment frameworks"),
        tags=["assessments"],
        examples=examples(FRAMEWORK_EXAMPLE),
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("Get an assessment framework"),
        tags=["assessments"],
        examples=examples(FRAMEWORK_EXAMPLE),
    ),
)
class FrameworkViewSet(ReadOnlyViewSet):
    """The criteria and scale initiatives are assessed on, by version."""

    serializer_class = FrameworkSerializer
    filter_backends: list = []

    def get_queryset(self) -> QuerySet:
        return Framework.objects.published().prefetch_related("levels", "criteria")


# Assessments.


class ScoreSerializer(serializers.Serializer):
    criterion = serializers.CharField(source="criterion.code")
    self_score = serializers.IntegerField(allow_null=True)
    review_mean = serializers.FloatField(allow_null=True)


class AssessmentSerializer(serializers.ModelSerializer):
    initiative = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    framework = serializers.SlugRelatedField(slug_field="version", read_only=True)
    outcome_label = serializers.CharField(source="get_outcome_display", read_only=True)
    scores = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "id",
            "initiative",
            "round",
            "status",
            "framework",
            "reason",
            "submitted_at",
            "outcome",
            "outcome_label",
            "summary",
            "decided_at",
            "current",
            "scores",
        ]
        read_only_fields = fields

    @extend_schema_field(ScoreSerializer(many=True))
    def get_scores(self, assessment: Assessment) -> list[dict]:
        return [
            {"criterion": criterion.code, "self_score": own, "review_mean": mean}
            for criterion, own, mean in workflow.average_scores(assessment)
        ]


class AssignmentSerializer(serializers.ModelSerializer):
    assessment = serializers.PrimaryKeyRelatedField(read_only=True)
    initiative = serializers.SlugRelatedField(
        source="assessment.initiative", slug_field="slug", read_only=True
    )
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Assignment
        fields = [
            "id",
            "assessment",
            "initiative",
            "reviewer",
            "assigned_at",
            "conflict",
            "conflict_note",
            "declared_at",
            "completed_at",
        ]
        read_only_fields = fields


class OpenRoundSerializer(serializers.Serializer):
    initiative = SlugRefField(
        slug_field="slug", queryset=Initiative.objects.all(), help_text=gettext_lazy("Its slug.")
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_NOTE_LENGTH,
        help_text=gettext_lazy("Required for a new round: what changed substantially."),
    )


class SelfScoreInput(serializers.Serializer):
    criterion = serializers.CharField(
        max_length=40, help_text=gettext_lazy("The criterion's code.")
    )
    score = serializers.IntegerField()
    text = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    evidence = serializers.ListField(
        child=serializers.CharField(max_length=2000), required=False, max_length=50
    )


class SelfAssessmentSerializer(serializers.Serializer):
    scores = SelfScoreInput(many=True)
    submit = serializers.BooleanField(
        default=False, help_text=gettext_lazy("Send it for review once saved.")
    )


class AssignSerializer(serializers.Serializer):
    reviewer = serializers.CharField(
        max_length=150, help_text=gettext_lazy("The reviewer's username.")
    )


class DecideSerializer(serializers.Serializer):
    outcome = serializers.CharField(
        max_length=10, help_text=gettext_lazy("best, promising or not_yet")
    )
    summary = serializers.CharField(allow_blank=True, max_length=MAX_NOTE_LENGTH)


def entries(scores: list[dict]) -> dict[str, dict]:
    return {entry["criterion"]: entry for entry in scores}


def visible_assessments(user) -> QuerySet:
    assessments = Assessment.objects.select_related("initiative", "framework").order_by(
        "-opened_at", "-pk"
    )
    decided = Q(status=Assessment.Status.DECIDED, initiative__status="published")
    if not user.is_authenticated:
        return assessments.filter(decided)
    if user.is_curator:
        return assessments
    # Editors of the initiative's organisation: one filter() call, one membership row.
    own = Initiative.objects.filter(
        organisation__memberships__user=user,
        organisation__memberships__status=Membership.Status.APPROVED,
        organisation__memberships__role=Membership.Role.EDITOR,
    ).values("pk")
    return assessments.filter(
        decided | Q(initiative__in=own) | Q(assignments__reviewer=user)
    ).distinct()


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List assessments"),
        description=gettext_lazy(
            "Decided assessments of published initiatives for everyone; rounds in progress "
            "for the initiative's editors, its reviewers and curators."
        ),
        tags=["assessments"],
        examples=examples(ASSESSMENT_EXAMPLE),
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("Get an assessment"),
        tags=["assessments"],
        examples=examples(ASSESSMENT_EXAMPLE),
    ),
    create=extend_schema(
        summary=gettext_lazy("Open an assessment round (the initiative's editors, curators)"),
        request=OpenRoundSerializer,
        responses={201: AssessmentSerializer},
        tags=["assessments"],
        examples=examples(
            {**ASSESSMENT_EXAMPLE, "status": "self_assessment", "outcome": "", "current": False},
            {"initiative": "no-one-missed", "reason": ""},
        ),
    ),
    self_assessment=extend_schema(
        summary=gettext_lazy("Save the self-assessment, and send it (the initiative's editors)"),
        request=SelfAssessmentSerializer,
        responses={200: AssessmentSerializer},
        tags=["assessments"],
        examples=[
            OpenApiExample(
                "One criterion of all",
                value={
                    "scores": [
                        {
                            "criterion": "relevance",
                            "score": 3,
                            "text": "Testing rates were 40% in our region.",
                            "evidence": ["https://example.org/report.pdf"],
                        }
                    ],
                    "submit": False,
                },
                request_only=True,
            ),
            OpenApiExample("Response", value=ASSESSMENT_EXAMPLE, response_only=True),
        ],
    ),
    assign=extend_schema(
        summary=gettext_lazy("Assign a reviewer (curators)"),
        request=AssignSerializer,
        responses={201: AssignmentSerializer},
        tags=["assessments"],
        examples=examples(ASSIGNMENT_EXAMPLE, {"reviewer": "reviewer-anna"}),
    ),
    decide=extend_schema(
        summary=gettext_lazy("Decide: best practice, promising practice or not yet (curators)"),
        request=DecideSerializer,
        responses={200: AssessmentSerializer},
        tags=["assessments"],
        examples=examples(
            ASSESSMENT_EXAMPLE, {"outcome": "best", "summary": ASSESSMENT_EXAMPLE["summary"]}
        ),
    ),
)
class AssessmentViewSet(
    MethodCheckFirst,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = AssessmentSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
    pagination_class = Pagination
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self) -> QuerySet:
        return visible_assessments(self.request.user)

    def respond(self, assessment: Assessment, code: int = status.HTTP_200_OK) -> Response:
        assessment.refresh_from_db()
        return Response(
            AssessmentSerializer(assessment, context={"request": self.request}).data, code
        )

    def create(self, request: Request, *args, **kwargs) -> Response:
        given = OpenRoundSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        initiative = get_object_or_404(
            Initiative.objects.visible_to(request.user), pk=given.validated_data["initiative"].pk
        )
        assessment = workflow.open_round(
            initiative, request.user, given.validated_data.get("reason", "")
        )
        return self.respond(assessment, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], url_path="self-assessment")
    def self_assessment(self, request: Request, pk: str) -> Response:
        assessment = self.get_object()
        given = SelfAssessmentSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        workflow.save_self_assessment(
            assessment,
            request.user,
            entries(given.validated_data["scores"]),
            submit=given.validated_data["submit"],
        )
        return self.respond(assessment)

    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str) -> Response:
        assessment = self.get_object()
        given = AssignSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        reviewer = User.objects.filter(username=given.validated_data["reviewer"]).first()
        if reviewer is None:
            raise serializers.ValidationError({"reviewer": [gettext_lazy("No such user.")]})
        assignment = workflow.assign(assessment, reviewer, request.user)
        return Response(AssignmentSerializer(assignment).data, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str) -> Response:
        assessment = self.get_object()
        given = DecideSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        workflow.decide(assessment, request.user, **given.validated_data)
        return self.respond(assessment)


# Review assignments.


class DeclareSerializer(serializers.Serializer):
    conflict = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class ReviewScoreInput(serializers.Serializer):
    criterion = serializers.CharField(
        max_length=40, help_text=gettext_lazy("The criterion's code.")
    )
    score = serializers.IntegerField()
    rationale = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class ReviewSerializer(serializers.Serializer):
    scores = ReviewScoreInput(many=True)


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List your review assignments"),
        description=gettext_lazy("A reviewer sees only their own; curators see all."),
        tags=["assessments"],
        examples=examples(ASSIGNMENT_EXAMPLE),
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("Get a review assignment"),
        tags=["assessments"],
        examples=examples(ASSIGNMENT_EXAMPLE),
    ),
    declare=extend_schema(
        summary=gettext_lazy("Declare your interests before scoring (the reviewer)"),
        request=DeclareSerializer,
        responses={200: AssignmentSerializer},
        tags=["assessments"],
        examples=examples(ASSIGNMENT_EXAMPLE, {"conflict": False, "note": ""}),
    ),
    review=extend_schema(
        summary=gettext_lazy("Score every criterion with a rationale (the reviewer)"),
        request=ReviewSerializer,
        responses={200: AssignmentSerializer},
        tags=["assessments"],
        examples=examples(
            {**ASSIGNMENT_EXAMPLE, "completed_at": "2026-11-10T12:00:00Z"},
            {
                "scores": [
                    {
                        "criterion": "relevance",
                        "score": 2,
                        "rationale": "The need is shown for one region only.",
                    }
                ]
            },
        ),
    ),
)
class AssignmentViewSet(
    MethodCheckFirst, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = AssignmentSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = Pagination
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self) -> QuerySet:
        user = self.request.user
        assignments = Assignment.objects.select_related(
            "assessment__initiative", "reviewer"
        ).order_by("-assigned_at", "-pk")
        if user.is_authenticated and user.is_curator:
            return assignments
        return assignments.filter(reviewer=user)

    @action(detail=True, methods=["post"])
    def declare(self, request: Request, pk: str) -> Response:
        given = DeclareSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        assignment = workflow.declare(
            self.get_object(),
            request.user,
            conflict=given.validated_data["conflict"],
            note=given.validated_data.get("note", ""),
        )
        return Response(AssignmentSerializer(assignment).data)

    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str) -> Response:
        given = ReviewSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        assignment = workflow.review(
            self.get_object(), request.user, entries(given.validated_data["scores"])
        )
        return Response(AssignmentSerializer(assignment).data)
