from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Management commands that time the portal at scale; no models, no pages."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
