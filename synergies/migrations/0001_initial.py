"""SimilarityDecision moves here from contributions; its table and rows stay where they are."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contributions", "0006_coverage_entries"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SimilarityDecision",
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
                            "choice",
                            models.CharField(
                                choices=[
                                    ("same", "The same thing"),
                                    ("related", "Related work"),
                                    ("distinct", "Distinct"),
                                ],
                                max_length=10,
                                verbose_name="decision",
                            ),
                        ),
                        ("score", models.FloatField(default=0.0, verbose_name="similarity")),
                        (
                            "reasons",
                            models.JSONField(
                                blank=True, default=list, verbose_name="reasons shown"
                            ),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="decided"
                            ),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="similarity_decisions",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="decided by",
                            ),
                        ),
                        (
                            "initiative",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="similarity_decisions",
                                to="contributions.initiative",
                                verbose_name="initiative",
                            ),
                        ),
                        (
                            "match_initiative",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="similarity_decisions_as_match",
                                to="contributions.initiative",
                                verbose_name="matching initiative",
                            ),
                        ),
                        (
                            "match_resource",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="similarity_decisions_as_match",
                                to="contributions.resource",
                                verbose_name="matching resource",
                            ),
                        ),
                        (
                            "resource",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="similarity_decisions",
                                to="contributions.resource",
                                verbose_name="resource",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "similarity decision",
                        "verbose_name_plural": "similarity decisions",
                        "db_table": "contributions_similaritydecision",
                        "ordering": ["-decided_at", "-id"],
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
                                name="similarity_decision_one_subject",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("match_initiative__isnull", True),
                                        ("match_resource__isnull", False),
                                    ),
                                    models.Q(
                                        ("match_initiative__isnull", False),
                                        ("match_resource__isnull", True),
                                    ),
                                    _connector="OR",
                                ),
                                name="similarity_decision_one_match",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("resource", models.F("match_resource")), _negated=True
                                    ),
                                    models.Q(
                                        ("initiative", models.F("match_initiative")), _negated=True
                                    ),
                                ),
                                name="similarity_decision_not_itself",
                            ),
                            models.UniqueConstraint(
                                fields=("resource", "match_resource"), name="similarity_decision_rr"
                            ),
                            models.UniqueConstraint(
                                fields=("resource", "match_initiative"),
                                name="similarity_decision_ri",
                            ),
                            models.UniqueConstraint(
                                fields=("initiative", "match_resource"),
                                name="similarity_decision_ir",
                            ),
                            models.UniqueConstraint(
                                fields=("initiative", "match_initiative"),
                                name="similarity_decision_ii",
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]
