"""SimilarityDecision moved to synergies and CoverageEntry to gaps: only Django's
record of the models changes, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("synergies", "0001_initial"),
        ("gaps", "0001_initial"),
        ("contributions", "0006_coverage_entries"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="coverageentry",
                    name="coverage_entry_one_contribution",
                ),
                migrations.RemoveConstraint(
                    model_name="similaritydecision",
                    name="similarity_decision_one_subject",
                ),
                migrations.RemoveConstraint(
                    model_name="similaritydecision",
                    name="similarity_decision_one_match",
                ),
                migrations.RemoveConstraint(
                    model_name="similaritydecision",
                    name="similarity_decision_not_itself",
                ),
                migrations.RemoveConstraint(
                    model_name="similaritydecision",
                    name="similarity_decision_rr",
                ),
                migrations.RemoveConstraint(
                    model_name="similaritydecision",
                    name="similarity_decision_ri",
                ),
                migrations.RemoveConstraint(
                    model_name="similaritydecision",
                    name="similarity_decision_ir",
                ),
                migrations.RemoveConstraint(
                    model_name="similaritydecision",
                    name="similarity_decision_ii",
                ),
                migrations.RemoveField(
                    model_name="similaritydecision",
                    name="decided_by",
                ),
                migrations.RemoveField(
                    model_name="similaritydecision",
                    name="initiative",
                ),
                migrations.RemoveField(
                    model_name="similaritydecision",
                    name="match_initiative",
                ),
                migrations.RemoveField(
                    model_name="similaritydecision",
                    name="match_resource",
                ),
                migrations.RemoveField(
                    model_name="similaritydecision",
                    name="resource",
                ),
                migrations.DeleteModel(
                    name="CoverageEntry",
                ),
                migrations.DeleteModel(
                    name="SimilarityDecision",
                ),
            ],
        ),
    ]
