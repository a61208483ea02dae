from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Building blocks below every app: API classes, the API's error envelope, the
    read-only admin, Markdown rendering, the page cache and its content version.
    No models."""

    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from .content_version import connect_signals

        connect_signals()
