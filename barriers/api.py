"""REST API for barrier categories and barriers (read-only): what stops patients,
at which stages, and who can act on it."""

import django_filters
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema_field,
)
from rest_framework import serializers

from core.api import ReadOnlyViewSet, collection_schema, link_field, path_example, related_filter
from pathway.api import StageRefSerializer
from pathway.models import Stage
from stakeholders.api import StakeholderGroupRefSerializer
from stakeholders.models import StakeholderGroup

from .models import Barrier, BarrierCategory, EvidenceLink


class BarrierCategoryRefSerializer(serializers.ModelSerializer):
    api_url = link_field("barrier-category")

    class Meta:
        model = BarrierCategory
        fields = ["slug", "name", "api_url"]
        read_only_fields = fields


class BarrierCategorySerializer(serializers.ModelSerializer):
    api_url = link_field("barrier-category")

    class Meta:
        model = BarrierCategory
        fields = ["slug", "name", "description", "position", "api_url"]
        read_only_fields = fields


class BarrierRefSerializer(serializers.ModelSerializer):
    api_url = link_field("barrier")

    class Meta:
        model = Barrier
        fields = ["slug", "title", "api_url"]
        read_only_fields = fields


class EvidenceLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceLink
        fields = ["title", "url"]
        read_only_fields = fields


class BarrierSerializer(serializers.ModelSerializer):
    category = BarrierCategoryRefSerializer(read_only=True)
    stages = StageRefSerializer(many=True, read_only=True)
    actors = StakeholderGroupRefSerializer(
        many=True, read_only=True, help_text=gettext_lazy("Stakeholder groups who can act on it.")
    )
    evidence = EvidenceLinkSerializer(many=True, read_only=True)
    api_url = link_field("barrier")
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Barrier
        fields = [
            "slug",
            "title",
            "summary",
            "description",
            "category",
            "stages",
            "actors",
            "evidence",
            "api_url",
            "web_url",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, barrier: Barrier) -> str:
        return self.context["request"].build_absolute_uri(barrier.get_absolute_url())


class BarrierFilterSet(django_filters.FilterSet):
    category = related_filter(
        "category",
        BarrierCategory.objects.all(),
        gettext_lazy("Barrier category"),
        gettext_lazy("Barriers in any of these categories (slugs)."),
    )
    stage = related_filter(
        "stages",
        Stage.objects.all(),
        gettext_lazy("Pathway stage"),
        gettext_lazy("Barriers at any of these stages (slugs)."),
    )
    actor = related_filter(
        "actors",
        StakeholderGroup.objects.all(),
        gettext_lazy("Who can act"),
        gettext_lazy("Barriers any of these stakeholder groups can act on (slugs)."),
    )

    class Meta:
        model = Barrier
        fields: list[str] = []


BARRIER_CATEGORY_EXAMPLE = OpenApiExample(
    "A category",
    response_only=True,
    value={
        "slug": "financing-regulation",
        "name": "Financing & regulation",
        "description": "Who pays for tests and treatments, and the rules around them.",
        "position": 4,
        "api_url": "https://portal.example/api/v1/barrier-categories/financing-regulation/",
    },
)


@collection_schema(
    tag="barriers",
    example=BARRIER_CATEGORY_EXAMPLE,
    lookup=path_example("slug", "financing-regulation"),
    list_summary=gettext_lazy("List the barrier categories"),
    retrieve_summary=gettext_lazy("Get a barrier category"),
)
class BarrierCategoryViewSet(ReadOnlyViewSet):
    """The kinds of barrier, from education to equity."""

    queryset = BarrierCategory.objects.all()
    serializer_class = BarrierCategorySerializer


BARRIER_EXAMPLE = OpenApiExample(
    "A barrier",
    response_only=True,
    value={
        "slug": "test-not-reimbursed",
        "title": "The test is not reimbursed",
        "summary": "Patients or hospitals pay for the biomarker test themselves.",
        "description": "",
        "category": {
            "slug": "financing-regulation",
            "name": "Financing & regulation",
            "api_url": "https://portal.example/api/v1/barrier-categories/financing-regulation/",
        },
        "stages": [
            {
                "slug": "testing-decision",
                "name": "Testing decision & consent",
                "api_url": "https://portal.example/api/v1/stages/testing-decision/",
            }
        ],
        "actors": [
            {
                "slug": "payers",
                "name": "Payers",
                "api_url": "https://portal.example/api/v1/stakeholder-groups/payers/",
            }
        ],
        "evidence": [{"title": "A survey of test funding", "url": "https://example.org/survey"}],
        "api_url": "https://portal.example/api/v1/barriers/test-not-reimbursed/",
        "web_url": "https://portal.example/barriers/test-not-reimbursed/",
    },
)


@collection_schema(
    tag="barriers",
    example=BARRIER_EXAMPLE,
    lookup=path_example("slug", "test-not-reimbursed"),
    list_summary=gettext_lazy("List the barriers"),
    list_description=gettext_lazy(
        "What keeps eligible patients from the right test and treatment, by category."
    ),
    retrieve_summary=gettext_lazy("Get a barrier"),
)
class BarrierViewSet(ReadOnlyViewSet):
    """What keeps eligible patients from the right test and treatment."""

    queryset = Barrier.objects.select_related("category").prefetch_related(
        "stages", "actors", "evidence"
    )
    serializer_class = BarrierSerializer
    filterset_class = BarrierFilterSet
