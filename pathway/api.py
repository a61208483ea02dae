"""REST API for the pathway's spine and shared taxonomies: stages, therapeutic
areas, regions and countries (read-only)."""

import django_filters
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema_field
from rest_framework import serializers

from core.api import (
    COUNTRY_PATTERN,
    ReadOnlyViewSet,
    collection_schema,
    link_field,
    path_example,
    related_filter,
)

from .models import Country, Region, Stage, TherapeuticArea

# Stages.


class StageRefSerializer(serializers.ModelSerializer):
    api_url = link_field("stage")

    class Meta:
        model = Stage
        fields = ["slug", "name", "api_url"]
        read_only_fields = fields


class StageSerializer(serializers.ModelSerializer):
    api_url = link_field("stage")
    web_url = serializers.SerializerMethodField()
    patient_questions = serializers.ListField(
        source="questions", child=serializers.CharField(), read_only=True
    )

    class Meta:
        model = Stage
        fields = [
            "slug",
            "position",
            "name",
            "summary",
            "description",
            "patient_summary",
            "patient_questions",
            "api_url",
            "web_url",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, stage: Stage) -> str:
        return self.context["request"].build_absolute_uri(stage.get_absolute_url())


# Therapeutic areas.


class TherapeuticAreaRefSerializer(serializers.ModelSerializer):
    api_url = link_field("therapeutic-area")

    class Meta:
        model = TherapeuticArea
        fields = ["slug", "name", "api_url"]
        read_only_fields = fields


class TherapeuticAreaSerializer(serializers.ModelSerializer):
    api_url = link_field("therapeutic-area")
    parent = TherapeuticAreaRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TherapeuticArea
        fields = ["slug", "name", "parent", "position", "api_url"]
        read_only_fields = fields


# Regions and countries.


class RegionRefSerializer(serializers.ModelSerializer):
    api_url = link_field("region")

    class Meta:
        model = Region
        fields = ["slug", "name", "api_url"]
        read_only_fields = fields


class RegionSerializer(serializers.ModelSerializer):
    api_url = link_field("region")

    class Meta:
        model = Region
        fields = ["slug", "name", "is_global", "position", "api_url"]
        read_only_fields = fields


class CountryRefSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text=gettext_lazy("ISO 3166 alpha-2."))
    api_url = link_field("country", lookup="code")

    class Meta:
        model = Country
        fields = ["code", "name", "api_url"]
        read_only_fields = fields


class CountrySerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text=gettext_lazy("ISO 3166 alpha-2."))
    region = RegionRefSerializer(read_only=True, allow_null=True)
    api_url = link_field("country", lookup="code")

    class Meta:
        model = Country
        fields = ["code", "name", "region", "api_url"]
        read_only_fields = fields


class CountryFilterSet(django_filters.FilterSet):
    region = related_filter(
        "region",
        Region.objects.all(),
        gettext_lazy("Region"),
        gettext_lazy("Countries in any of these regions (slugs)."),
    )

    class Meta:
        model = Country
        fields: list[str] = []


class TherapeuticAreaFilterSet(django_filters.FilterSet):
    parent = related_filter(
        "parent",
        TherapeuticArea.objects.filter(parent=None),
        gettext_lazy("Parent area"),
        gettext_lazy("Narrower areas of any of these areas (slugs)."),
    )

    class Meta:
        model = TherapeuticArea
        fields: list[str] = []


STAGE_EXAMPLE = OpenApiExample(
    "A stage",
    response_only=True,
    value={
        "slug": "testing-decision",
        "position": 3,
        "name": "Testing decision & consent",
        "summary": "Whether and which biomarker test is done.",
        "description": "",
        "patient_summary": "Your doctor decides with you which test to do.",
        "patient_questions": ["Has biomarker testing been ordered?"],
        "api_url": "https://portal.example/api/v1/stages/testing-decision/",
        "web_url": "https://portal.example/pathway/testing-decision/",
    },
)


@collection_schema(
    tag="pathway",
    example=STAGE_EXAMPLE,
    lookup=path_example("slug", "testing-decision"),
    list_summary=gettext_lazy("List the pathway stages"),
    list_description=gettext_lazy("The eight stages of the patient's pathway, in order."),
    retrieve_summary=gettext_lazy("Get a stage"),
)
class StageViewSet(ReadOnlyViewSet):
    """The stages of the patient's pathway, from awareness to living with the disease."""

    queryset = Stage.objects.all()
    serializer_class = StageSerializer


THERAPEUTIC_AREA_EXAMPLE = OpenApiExample(
    "A narrower area",
    response_only=True,
    value={
        "slug": "lung-cancer",
        "name": "Lung cancer",
        "parent": {
            "slug": "oncology",
            "name": "Oncology",
            "api_url": "https://portal.example/api/v1/therapeutic-areas/oncology/",
        },
        "position": 1,
        "api_url": "https://portal.example/api/v1/therapeutic-areas/lung-cancer/",
    },
)


@collection_schema(
    tag="taxonomies",
    example=THERAPEUTIC_AREA_EXAMPLE,
    lookup=path_example("slug", "lung-cancer"),
    list_summary=gettext_lazy("List the therapeutic areas"),
    list_description=gettext_lazy(
        "A small tree: each area has its parent, if any (Oncology › Lung cancer)."
    ),
    retrieve_summary=gettext_lazy("Get a therapeutic area"),
)
class TherapeuticAreaViewSet(ReadOnlyViewSet):
    """Therapeutic areas: a small tree (Oncology › Lung cancer)."""

    queryset = TherapeuticArea.objects.select_related("parent")
    serializer_class = TherapeuticAreaSerializer
    filterset_class = TherapeuticAreaFilterSet


REGION_EXAMPLE = OpenApiExample(
    "A region",
    response_only=True,
    value={
        "slug": "europe",
        "name": "Europe",
        "is_global": False,
        "position": 5,
        "api_url": "https://portal.example/api/v1/regions/europe/",
    },
)


@collection_schema(
    tag="taxonomies",
    example=REGION_EXAMPLE,
    lookup=path_example("slug", "europe"),
    list_summary=gettext_lazy("List the world regions"),
    list_description=gettext_lazy("“Global” is a region of its own, meaning everywhere."),
    retrieve_summary=gettext_lazy("Get a region"),
)
class RegionViewSet(ReadOnlyViewSet):
    """World regions; “Global” means everywhere."""

    queryset = Region.objects.all()
    serializer_class = RegionSerializer


COUNTRY_EXAMPLE = OpenApiExample(
    "A country",
    response_only=True,
    value={
        "code": "DE",
        "name": "Germany",
        "region": {
            "slug": "europe",
            "name": "Europe",
            "api_url": "https://portal.example/api/v1/regions/europe/",
        },
        "api_url": "https://portal.example/api/v1/countries/DE/",
    },
)


@collection_schema(
    tag="taxonomies",
    example=COUNTRY_EXAMPLE,
    lookup=path_example("code", "DE", pattern=COUNTRY_PATTERN),
    list_summary=gettext_lazy("List the countries"),
    list_description=gettext_lazy("ISO 3166 countries with the region each belongs to."),
    retrieve_summary=gettext_lazy("Get a country"),
    retrieve_description=gettext_lazy("By ISO 3166 alpha-2 code, in either case."),
)
class CountryViewSet(ReadOnlyViewSet):
    """ISO 3166 countries and the region each belongs to."""

    queryset = Country.objects.select_related("region")
    serializer_class = CountrySerializer
    filterset_class = CountryFilterSet
    lookup_field = "code"
    lookup_value_regex = COUNTRY_PATTERN

    def get_object(self) -> Country:
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()
