"""CoverageEntry moves here from contributions; its table and rows stay where they are."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contributions", "0006_coverage_entries"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CoverageEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "stage_bits",
                            models.PositiveBigIntegerField(default=0, verbose_name="stages"),
                        ),
                        (
                            "category_bits",
                            models.PositiveBigIntegerField(
                                default=0, verbose_name="barrier categories"
                            ),
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
                        "db_table": "contributions_coverageentry",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("initiative__isnull", True), ("resource__isnull", False)
                                    ),
                                    models.Q(
                                        ("initiative__isnull", False), ("resource__isnull", True)
                                    ),
                                    _connector="OR",
                                ),
                                name="coverage_entry_one_contribution",
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
