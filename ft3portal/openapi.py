"""Settings of the OpenAPI document (drf-spectacular), imported by the settings:
its title, description, tags and the hooks that add the portal's error shape,
languages and duplicate warnings to it."""

from django.utils.translation import gettext_lazy as _

SPECTACULAR_SETTINGS = {
    "TITLE": "FT3 Pathway Portal API",
    "DESCRIPTION": _(
        "Read and contribute to the precision-medicine patient pathway: stages, "
        "barriers, stakeholders, resources and initiatives. Anonymous clients read "
        "published content; partners write with a personal token from /accounts/tokens/. "
        "Every error answers with the same JSON shape (see the Error schema)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response schemas: what a client sends (slugs) differs
    # from what it reads (related objects with their links).
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api_errors.document_errors",
        "core.api_language.document_language",
        "contributions.api.schema.document_possible_duplicates",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ModerationStatusEnum": "contributions.models.Status",
        "RevisionStatusEnum": "contributions.models.Revision.Status",
        "LanguageEnum": "contributions.models.LANGUAGE_CHOICES",
        "TranslationLanguageEnum": "contributions.models.TRANSLATION_LANGUAGES",
        "KindEnum": "contributions.models.KINDS",
        "AdoptionKindEnum": "adoptions.models.Adoption.Kind",
        "AdoptionStatusEnum": "adoptions.models.Adoption.Status",
    },
    "TAGS": [
        {"name": "pathway", "description": _("The stages of the patient's pathway.")},
        {"name": "barriers", "description": _("What stops patients, by category.")},
        {"name": "stakeholders", "description": _("Stakeholder groups and organisations.")},
        {"name": "taxonomies", "description": _("Therapeutic areas, regions and countries.")},
        {"name": "resources", "description": _("The resource library.")},
        {"name": "initiatives", "description": _("The initiative directory.")},
        {"name": "revisions", "description": _("Proposed changes to published items.")},
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
