"""The adoptions endpoint: transfers for everyone; declarations, decisions and
contact details for the two organisations (curators see every declaration).

The rules are the model's (Adoption.declare, accept, decline, withdraw), as on
the web: refusals by field are 400s, the wrong side is 403, a state that does not
allow the action is 409.
"""

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from contributions.models import Initiative
from core.api import (
    NULLABLE_URI,
    MethodCheckFirst,
    Pagination,
    PublicReadSchema,
    SlugRefField,
    StrictFilterBackend,
    link_field,
)
from pathway.api import CountryRefSerializer
from pathway.models import Country
from stakeholders.api import OrganisationRefSerializer
from stakeholders.models import Organisation

from .models import MAX_NOTE_LENGTH, Adoption, AdoptionQuerySet


class InitiativeRefSerializer(serializers.ModelSerializer):
    api_url = link_field("initiative")

    class Meta:
        model = Initiative
        fields = ["slug", "title", "api_url"]
        read_only_fields = fields


class EventSerializer(serializers.Serializer):
    status = serializers.CharField(source="to_status")
    by = serializers.SerializerMethodField()
    at = serializers.DateTimeField(source="created_at")

    def get_by(self, event) -> str | None:
        return event.actor.username if event.actor else None


class ContactSerializer(serializers.Serializer):
    organisation = OrganisationRefSerializer()
    website = serializers.CharField()
    people = inline_serializer(
        "ContactPerson",
        {"name": serializers.CharField(), "email": serializers.EmailField()},
        many=True,
    )


class AdoptionSerializer(serializers.ModelSerializer):
    initiative = InitiativeRefSerializer(read_only=True)
    organisation = OrganisationRefSerializer(read_only=True)
    country = CountryRefSerializer(read_only=True)
    from_country = CountryRefSerializer(read_only=True, allow_null=True)
    adapted_initiative = serializers.SerializerMethodField(
        help_text=gettext_lazy("The adopting organisation's own initiative, once published.")
    )
    note = serializers.SerializerMethodField(
        help_text=gettext_lazy("For the two organisations and curators only; null for others.")
    )
    contacts = serializers.SerializerMethodField(
        help_text=gettext_lazy(
            "The other organisation's contact details: for its two sides, once both agreed."
        )
    )
    history = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Adoption
        fields = [
            "id",
            "initiative",
            "organisation",
            "country",
            "from_country",
            "kind",
            "status",
            "note",
            "adapted_initiative",
            "created_at",
            "agreed_at",
            "contacts",
            "history",
            "web_url",
        ]
        read_only_fields = fields

    def _insider(self, adoption: Adoption) -> bool:
        user = self.context["request"].user
        return user.is_authenticated and (
            user.is_curator or adoption.is_owner(user) or adoption.is_declarer(user)
        )

    @extend_schema_field(InitiativeRefSerializer(allow_null=True))
    def get_adapted_initiative(self, adoption: Adoption) -> dict | None:
        adapted = adoption.adapted_initiative
        if adapted is None or not (adapted.is_published or self._insider(adoption)):
            return None
        return InitiativeRefSerializer(adapted, context=self.context).data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_note(self, adoption: Adoption) -> str | None:
        return adoption.note if self._insider(adoption) else None

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contacts(self, adoption: Adoption) -> dict | None:
        contacts = adoption.contacts_for(self.context["request"].user)
        return None if contacts is None else ContactSerializer(contacts, context=self.context).data

    @extend_schema_field(EventSerializer(many=True, allow_null=True))
    def get_history(self, adoption: Adoption) -> list | None:
        if not self._insider(adoption):
            return None
        return EventSerializer(adoption.events.select_related("actor"), many=True).data

    @extend_schema_field(NULLABLE_URI)
    def get_web_url(self, adoption: Adoption) -> str | None:
        if not self._insider(adoption):
            return None
        return self.context["request"].build_absolute_uri(adoption.get_absolute_url())


class DeclarationSerializer(serializers.Serializer):
    initiative = SlugRefField(slug_field="slug", queryset=Initiative.objects.published())
    organisation = SlugRefField(
        slug_field="slug",
        queryset=Organisation.objects.verified(),
        required=False,
        help_text=gettext_lazy("Your organisation; may be left out if you act for only one."),
    )
    country = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Country.objects.all(),
        help_text=gettext_lazy("ISO 3166 alpha-2."),
    )
    kind = serializers.ChoiceField(choices=Adoption.Kind.choices, default=Adoption.Kind.PLANNED)
    note = serializers.CharField(max_length=MAX_NOTE_LENGTH)
    adapted_initiative = SlugRefField(
        slug_field="slug", queryset=Initiative.objects.all(), required=False, allow_null=True
    )

    def validate(self, data: dict) -> dict:
        user = self.context["request"].user
        theirs = Organisation.objects.acted_for_by(user).verified()
        if "organisation" not in data:
            others = list(theirs.exclude(pk=data["initiative"].organisation_id)[:2])
            if len(others) != 1:
                raise serializers.ValidationError(
                    {"organisation": [_("Say which of your organisations declares it.")]}
                )
            data["organisation"] = others[0]
        elif not theirs.filter(pk=data["organisation"].pk).exists():
            raise serializers.ValidationError(
                {"organisation": [_("You can declare only for an organisation you act for.")]}
            )
        return data


class AdoptionFilterSet(django_filters.FilterSet):
    country = django_filters.CharFilter(
        method="in_country",
        label=gettext_lazy("Country"),
        help_text=gettext_lazy("Transfers from or to this country (ISO code)."),
    )
    status = django_filters.ChoiceFilter(choices=Adoption.Status.choices)
    initiative = django_filters.CharFilter(
        field_name="initiative__slug", help_text=gettext_lazy("The adopted initiative (slug).")
    )

    class Meta:
        model = Adoption
        fields: list[str] = []

    def in_country(self, queryset: AdoptionQuerySet, name: str, value: str) -> AdoptionQuerySet:
        return queryset.in_country(value.upper())


class CanDeclare(BasePermission):
    message = gettext_lazy("Only members of an organisation can declare an adoption.")

    def has_permission(self, request: Request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not request.user.is_authenticated:
            return False
        if view.action == "create":
            return Organisation.objects.acted_for_by(request.user).verified().exists()
        return True


TRANSFER_EXAMPLE = {
    "id": 1,
    "initiative": {
        "slug": "drup-drug-rediscovery-protocol",
        "title": "DRUP: the Drug Rediscovery Protocol",
        "api_url": "https://portal.example/api/v1/initiatives/drup-drug-rediscovery-protocol/",
    },
    "organisation": {
        "slug": "oslo-university-hospital",
        "name": "Oslo University Hospital",
        "api_url": "https://portal.example/api/v1/organisations/oslo-university-hospital/",
    },
    "country": {
        "code": "NO",
        "name": "Norway",
        "api_url": "https://portal.example/api/v1/countries/NO/",
    },
    "from_country": {
        "code": "NL",
        "name": "Netherlands",
        "api_url": "https://portal.example/api/v1/countries/NL/",
    },
    "kind": "adopted",
    "status": "agreed",
    "note": None,
    "adapted_initiative": {
        "slug": "impress-norway",
        "title": "IMPRESS-Norway",
        "api_url": "https://portal.example/api/v1/initiatives/impress-norway/",
    },
    "created_at": "2026-11-30T09:00:00Z",
    "agreed_at": "2026-12-01T10:30:00Z",
    "contacts": None,
    "history": None,
    "web_url": None,
}
ADOPTION_EXAMPLE = OpenApiExample("A transfer", value=TRANSFER_EXAMPLE, response_only=True)
DECLARATION_EXAMPLE = OpenApiExample(
    "A declaration",
    value={
        "initiative": "nngm-lung-cancer-network",
        "country": "BE",
        "kind": "planned",
        "note": "We want to set up the same network for colorectal cancer in Belgium.",
    },
    request_only=True,
)
DECIDED_EXAMPLE = OpenApiExample(
    "Agreed: the contacts are shown",
    value={
        **TRANSFER_EXAMPLE,
        "contacts": {
            "organisation": TRANSFER_EXAMPLE["organisation"],
            "website": "https://oslo-universitetssykehus.no",
            "people": [{"name": "Ingrid Contact", "email": "ingrid@example.org"}],
        },
    },
    response_only=True,
)


def decision_schema(summary: str):
    return extend_schema(
        summary=summary,
        request=None,
        responses={200: AdoptionSerializer},
        examples=[DECIDED_EXAMPLE],
    )


@extend_schema(tags=["adoptions"])
@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List adoptions and transfers"),
        description=gettext_lazy(
            "Agreed adoptions of published initiatives (transfers) for everyone; the two "
            "organisations and curators also see declarations in any state."
        ),
        examples=[ADOPTION_EXAMPLE],
    ),
    retrieve=extend_schema(summary=gettext_lazy("Get an adoption"), examples=[ADOPTION_EXAMPLE]),
)
class AdoptionViewSet(
    MethodCheckFirst,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Adoptions of initiatives in other countries. Agreed ones (transfers) are public."""

    schema = PublicReadSchema()
    permission_classes = [CanDeclare]
    serializer_class = AdoptionSerializer
    pagination_class = Pagination
    filter_backends = [StrictFilterBackend]
    filterset_class = AdoptionFilterSet
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self) -> AdoptionQuerySet:
        return (
            Adoption.objects.visible_to(self.request.user)
            .with_parties()
            .order_by("-created_at", "-pk")
        )

    @extend_schema(
        summary=gettext_lazy("Declare an adoption"),
        request=DeclarationSerializer,
        responses={201: AdoptionSerializer},
        examples=[DECLARATION_EXAMPLE, ADOPTION_EXAMPLE],
    )
    def create(self, request: Request) -> Response:
        declaration = DeclarationSerializer(data=request.data, context={"request": request})
        declaration.is_valid(raise_exception=True)
        adoption = Adoption.declare(by=request.user, **declaration.validated_data)
        return Response(self.get_serializer(adoption).data, status=status.HTTP_201_CREATED)

    def _decide(self, request: Request, action_name: str) -> Response:
        adoption = self.get_object()
        if not (adoption.is_owner(request.user) or adoption.is_declarer(request.user)):
            raise PermissionDenied(_("Only the two organisations decide on an adoption."))
        getattr(adoption, action_name)(by=request.user)
        return Response(self.get_serializer(adoption).data)

    @decision_schema(gettext_lazy("Agree to share contact details"))
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str) -> Response:
        """The initiative's organisation agrees: both sides see each other's contacts."""
        return self._decide(request, "accept")

    @decision_schema(gettext_lazy("Decline contact"))
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk: str) -> Response:
        """The initiative's organisation declines contact, or withdraws its agreement."""
        return self._decide(request, "decline")

    @decision_schema(gettext_lazy("Withdraw the declaration"))
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str) -> Response:
        """The declaring organisation withdraws its declaration."""
        return self._decide(request, "withdraw")
