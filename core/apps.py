from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Building blocks below every app: API classes, the API's error envelope, the
    read-only admin, Markdown rendering. No models."""

    name = "core"
    verbose_name = "Core"
