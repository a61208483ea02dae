"""Serializers of the workflow actions' bodies (notes, rejections, revision decisions)
and of revisions with their changes, for the resources, initiatives and revisions API."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pathway.models import Country

from ..models import (
    MAX_NOTE_LENGTH,
    RejectionReason,
    Revision,
)
from .serializers import ResourceRefSerializer


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


def seen_field() -> serializers.DateTimeField:
    return serializers.DateTimeField(
        required=False,
        help_text=gettext_lazy(
            "The revision's updated_at as you read it. If the change was edited since, "
            "the answer is 409 and nothing is decided."
        ),
    )


class AcceptRevisionSerializer(NoteSerializer):
    updated_at = seen_field()


class DeclineRevisionSerializer(RequiredNoteSerializer):
    updated_at = seen_field()


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
            "updated_at",
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
