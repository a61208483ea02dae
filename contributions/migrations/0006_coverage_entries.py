"""The gap map's per-item coverage entries (contributions/coverage.py), built for the
items already published; from here on coverage.py keeps them in step."""

from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models


def bit(pk: int) -> int:
    # As coverage.as_bits: ids beyond 62 do not fit a bigint, and are counted otherwise.
    return 1 << pk if 0 <= pk <= 62 else 0


def build_entries(apps, schema_editor):
    CoverageEntry = apps.get_model("contributions", "CoverageEntry")
    for kind in ("resource", "initiative"):
        model = apps.get_model("contributions", kind)
        published = list(model.objects.filter(status="published").values_list("pk", flat=True))
        stages, categories, barriers = defaultdict(int), defaultdict(int), defaultdict(int)
        # A join, not a list of ids: SQLite limits the parameters of one query.
        links = model.stages.through.objects.filter(**{f"{kind}__status": "published"})
        for pk, stage in links.values_list(f"{kind}_id", "stage_id"):
            stages[pk] |= bit(stage)
        links = model.barriers.through.objects.filter(**{f"{kind}__status": "published"})
        for pk, barrier, category in links.values_list(
            f"{kind}_id", "barrier_id", "barrier__category_id"
        ):
            barriers[pk] |= bit(barrier)
            categories[pk] |= bit(category)
        CoverageEntry.objects.bulk_create(
            (
                CoverageEntry(
                    **{f"{kind}_id": pk},
                    stage_bits=stages[pk],
                    category_bits=categories[pk],
                    barrier_bits=barriers[pk],
                )
                for pk in published
            ),
            batch_size=1000,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0005_synergy_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="CoverageEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("stage_bits", models.PositiveBigIntegerField(default=0, verbose_name="stages")),
                (
                    "category_bits",
                    models.PositiveBigIntegerField(default=0, verbose_name="barrier categories"),
                ),
                (
                    "barrier_bits",
                    models.PositiveBigIntegerField(default=0, verbose_name="barriers"),
                ),
                (
                    "initiative",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="coverage_entry",
                        to="contributions.initiative",
                        verbose_name="initiative",
                    ),
                ),
                (
                    "resource",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="coverage_entry",
                        to="contributions.resource",
                        verbose_name="resource",
                    ),
                ),
            ],
            options={
                "verbose_name": "coverage entry",
                "verbose_name_plural": "coverage entries",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("initiative__isnull", True), ("resource__isnull", False)),
                            models.Q(("initiative__isnull", False), ("resource__isnull", True)),
                            _connector="OR",
                        ),
                        name="coverage_entry_one_contribution",
                    )
                ],
            },
        ),
        migrations.RunPython(build_entries, migrations.RunPython.noop),
    ]
