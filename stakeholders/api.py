"""REST API for stakeholder groups and organisations (read-only).

Who sees which organisation is `Organisation.objects.visible_to`, as on the web.
"""

import django_filters
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema_field,
)
from rest_framework import serializers

from core.api import (
    NULLABLE_URI,
    OptionalEmailField,
    OptionalURLField,
    ReadOnlyViewSet,
    collection_schema,
    link_field,
    path_example,
    related_filter,
)
from pathway.api import CountryRefSerializer
from pathway.models import Country

from .models import Organisation, OrganisationQuerySet, StakeholderGroup


class StakeholderGroupRefSerializer(serializers.ModelSerializer):
    api_url = link_field("stakeholder-group")

    class Meta:
        model = StakeholderGroup
        fields = ["slug", "name", "api_url"]
        read_only_fields = fields


class StakeholderGroupSerializer(serializers.ModelSerializer):
    api_url = link_field("stakeholder-group")

    class Meta:
        model = StakeholderGroup
        fields = ["slug", "name", "description", "position", "api_url"]
        read_only_fields = fields


class OrganisationRefSerializer(serializers.ModelSerializer):
    api_url = link_field("organisation")

    class Meta:
        model = Organisation
        fields = ["slug", "name", "api_url"]
        read_only_fields = fields


class OrganisationSerializer(serializers.ModelSerializer):
    group = StakeholderGroupRefSerializer(read_only=True)
    country = CountryRefSerializer(read_only=True, allow_null=True)
    website = OptionalURLField()
    public_email = OptionalEmailField()
    api_url = link_field("organisation")
    web_url = serializers.SerializerMethodField(
        help_text=gettext_lazy("Its public page; null until a curator has verified it.")
    )

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "group",
            "country",
            "website",
            "description",
            "public_email",
            "phone",
            "supports_patients",
            "verified",
            "api_url",
            "web_url",
        ]
        read_only_fields = fields

    @extend_schema_field(NULLABLE_URI)
    def get_web_url(self, organisation: Organisation) -> str | None:
        if not organisation.verified:
            return None
        return self.context["request"].build_absolute_uri(organisation.get_absolute_url())


class OrganisationFilterSet(django_filters.FilterSet):
    group = related_filter(
        "group",
        StakeholderGroup.objects.all(),
        gettext_lazy("Stakeholder group"),
        gettext_lazy("Organisations in any of these stakeholder groups (slugs)."),
    )
    country = related_filter(
        "country",
        Country.objects.all(),
        gettext_lazy("Country"),
        gettext_lazy("Organisations based in any of these countries (ISO codes)."),
        key="code",
    )

    class Meta:
        model = Organisation
        fields: list[str] = []


STAKEHOLDER_GROUP_EXAMPLE = OpenApiExample(
    "A stakeholder group",
    response_only=True,
    value={
        "slug": "payers",
        "name": "Payers",
        "description": "Health insurers and public funds that pay for care.",
        "position": 7,
        "api_url": "https://portal.example/api/v1/stakeholder-groups/payers/",
    },
)


@collection_schema(
    tag="stakeholders",
    example=STAKEHOLDER_GROUP_EXAMPLE,
    lookup=path_example("slug", "payers"),
    list_summary=gettext_lazy("List the stakeholder groups"),
    list_description=gettext_lazy(
        "The kinds of actor on the pathway: patients and advocacy, clinicians, payers, ..."
    ),
    retrieve_summary=gettext_lazy("Get a stakeholder group"),
)
class StakeholderGroupViewSet(ReadOnlyViewSet):
    """The kinds of actor on the pathway."""

    queryset = StakeholderGroup.objects.all()
    serializer_class = StakeholderGroupSerializer


ORGANISATION_EXAMPLE = OpenApiExample(
    "An organisation",
    response_only=True,
    value={
        "slug": "lung-patients-network",
        "name": "Lung Patients Network",
        "group": {
            "slug": "patients-advocacy",
            "name": "Patients & advocacy",
            "api_url": "https://portal.example/api/v1/stakeholder-groups/patients-advocacy/",
        },
        "country": {
            "code": "DE",
            "name": "Germany",
            "api_url": "https://portal.example/api/v1/countries/DE/",
        },
        "website": "https://lung-patients.example",
        "description": "",
        "verified": True,
        "api_url": "https://portal.example/api/v1/organisations/lung-patients-network/",
        "web_url": "https://portal.example/organisations/lung-patients-network/",
    },
)


@collection_schema(
    tag="stakeholders",
    example=ORGANISATION_EXAMPLE,
    lookup=path_example("slug", "lung-patients-network"),
    list_summary=gettext_lazy("List the organisations"),
    list_description=gettext_lazy(
        "Verified partner organisations. A proposed organisation, not verified yet, is "
        "seen only by the people who proposed it or act for it, and by curators."
    ),
    retrieve_summary=gettext_lazy("Get an organisation"),
)
class OrganisationViewSet(ReadOnlyViewSet):
    """Partner organisations: verified ones for everyone; a proposed one also for the
    people who proposed it or act for it, and for curators."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet

    def get_queryset(self) -> OrganisationQuerySet:
        return Organisation.objects.visible_to(self.request.user).select_related("group", "country")
