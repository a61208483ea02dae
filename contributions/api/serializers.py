"""Serializers of the resources, initiatives and revisions API: what clients read
(related objects by slug, with links) and what they write (slugs, validated as the
web forms validate them), and the bodies of the workflow actions."""

from collections.abc import Mapping
from copy import copy

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from barriers.api import BarrierRefSerializer
from barriers.models import Barrier
from core.api import NULLABLE_URI, OptionalURLField, TagListField, link_field
from pathway.api import (
    CountryRefSerializer,
    RegionRefSerializer,
    StageRefSerializer,
    TherapeuticAreaRefSerializer,
)
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.api import OrganisationRefSerializer, StakeholderGroupRefSerializer
from stakeholders.models import Organisation, StakeholderGroup

from ..models import (
    MAX_MARKDOWN_LENGTH,
    TAG_FIELDS,
    Contribution,
    Initiative,
    Resource,
    Status,
)
from .submission import MarksField
from .translations import LanguagesMixin

# No organisation's slug is longer (stakeholders.Organisation.slug).
ORGANISATION_SLUG_LENGTH = Organisation._meta.get_field("slug").max_length

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
    "description",
    "organisation",
    *TAG_FIELDS,
    "language",
    "languages",
    "translations",
    "translation_of",
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


class ContributionSerializer(LanguagesMixin, serializers.ModelSerializer):
    """What both kinds show. `review` and `pending_revision` are only filled in for
    the item's organisation and for curators; everyone else gets null."""

    organisation = OrganisationRefSerializer(read_only=True)
    stages = StageRefSerializer(many=True, read_only=True)
    barriers = BarrierRefSerializer(many=True, read_only=True)
    audiences = StakeholderGroupRefSerializer(many=True, read_only=True)
    countries = CountryRefSerializer(many=True, read_only=True)
    regions = RegionRefSerializer(many=True, read_only=True)
    therapeutic_areas = TherapeuticAreaRefSerializer(many=True, read_only=True)
    description = serializers.CharField(
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

COMMON_WRITE_FIELDS = ["title", "summary", "description", "organisation", *TAG_FIELDS, "language"]


@extend_schema_field({"type": "string", "maxLength": ORGANISATION_SLUG_LENGTH})
class VisibleOrganisationField(serializers.SlugRelatedField):
    """An organisation by slug, among those the client may see: one they may not see
    is answered like one that does not exist."""

    def to_internal_value(self, data):
        if isinstance(data, str) and len(data) > ORGANISATION_SLUG_LENGTH:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data[:50] + "…")
        return super().to_internal_value(data)

    def get_queryset(self):
        return Organisation.objects.visible_to(self.context["request"].user)


# What a write body may carry besides the item's fields: what to do after saving.
INSTRUCTIONS = ("submit", "similar")
# Former names of fields, taken in writes until the next release so that clients
# written against them keep working while they move to the new names.
FORMER_NAMES = ("body",)


@extend_schema_serializer(deprecate_fields=list(FORMER_NAMES))
class ContributionWriteSerializer(serializers.ModelSerializer):
    """The editable fields, by slug, validated as the web form validates them."""

    organisation = VisibleOrganisationField(
        slug_field="slug",
        required=False,
        help_text=gettext_lazy(
            "Slug of an organisation you are an approved member of. A new item may leave "
            "it out when you are a member of one organisation only: it is then that one."
        ),
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
    description = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        help_text=gettext_lazy("Markdown. Shown on the detail page."),
    )
    body = serializers.CharField(
        source="description",
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        help_text=gettext_lazy("Deprecated: the former name of “description”. Send that."),
    )
    submit = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text=gettext_lazy(
            "Send the item to the curators for review after saving it. Needs at least one "
            "stage, one barrier and a country or region (400 otherwise, nothing saved). "
            "While it resembles published work you have not marked, the draft is saved "
            "and the answer is 409 with the matches: send your decisions in “similar”. "
            "Ignored for published items, whose changes always go to review."
        ),
    )
    similar = MarksField(write_only=True)

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
            # Both names at once: which value was meant cannot be told.
            if "body" in data and "description" in data:
                unknown["body"] = [_("The former name of “description”: send “description” alone.")]
        try:
            value = super().to_internal_value(data)
        except ValidationError as exc:
            if unknown and isinstance(exc.detail, dict):
                raise ValidationError({**unknown, **exc.detail}) from exc
            raise
        if unknown:
            raise ValidationError(unknown)
        return value

    @classmethod
    def item_fields(cls) -> list[str]:
        """The item's fields a write may change, by their current names."""
        return [name for name in cls.Meta.fields if name not in (*INSTRUCTIONS, *FORMER_NAMES)]

    def validate_organisation(self, organisation: Organisation) -> Organisation:
        user = self.context["request"].user
        if not Organisation.objects.acted_for_by(user).filter(pk=organisation.pk).exists():
            raise ValidationError(_("You are not an approved member of this organisation."))
        return organisation

    def only_organisation(self) -> Organisation:
        """The organisation of a new item that names none: the client's only one."""
        user = self.context["request"].user
        organisations = list(Organisation.objects.acted_for_by(user)[:2])
        if len(organisations) == 1:
            return organisations[0]
        message = (
            _("You are a member of several organisations: say which one this item is for.")
            if organisations
            else _("You are not an approved member of any organisation.")
        )
        raise ValidationError({"organisation": [message]})

    def validate(self, attrs: dict) -> dict:
        """The model's own rules (clean(): an initiative's dates) on the values the
        item will have. Whether it may go to review is submit()'s rule, run on saving."""
        if self.instance is None and "organisation" not in attrs:
            attrs["organisation"] = self.only_organisation()
        item = copy(self.instance) if self.instance is not None else self.Meta.model()
        for name, value in attrs.items():
            if name not in INSTRUCTIONS and not item._meta.get_field(name).many_to_many:
                setattr(item, name, value)
        item.clean()
        return attrs


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
        fields = [
            *COMMON_WRITE_FIELDS,
            "resource_type",
            "url",
            "publisher",
            "year",
            *INSTRUCTIONS,
            *FORMER_NAMES,
        ]
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
            *INSTRUCTIONS,
            *FORMER_NAMES,
        ]


# Curators' actions.
