"""The coverage entries hold their item's regions (as bits) and organisation, so
that a country page selects its wider work and counts who works there without
reading the items; existing entries are filled from their items in SQL."""

import django.db.models.deletion
from django.db import migrations, models

# Regions with an id above this stay out of the bits (gaps.entries.MAX_BIT); the
# pages then select places from the links instead.
MAX_BIT = 62

FILL = """
UPDATE contributions_coverageentry SET
  organisation_id = (
    SELECT i.organisation_id FROM contributions_{kind} i
    WHERE i.id = contributions_coverageentry.{kind}_id
  ),
  region_bits = COALESCE((
    SELECT SUM(CAST(1 AS bigint) << CAST(l.region_id AS integer)) FROM contributions_{kind}_regions l
    WHERE l.{kind}_id = contributions_coverageentry.{kind}_id AND l.region_id <= {max_bit}
  ), 0)
WHERE {kind}_id IS NOT NULL
"""


def fill(apps, schema_editor) -> None:
    for kind in ("resource", "initiative"):
        schema_editor.execute(FILL.format(kind=kind, max_bit=MAX_BIT))


class Migration(migrations.Migration):
    dependencies = [
        ("gaps", "0001_initial"),
        ("contributions", "0013_merge_0012_link_checks_0012_rank_vector_title_summary"),
        ("stakeholders", "0007_merge_parallel_work"),
    ]

    operations = [
        migrations.AddField(
            model_name="coverageentry",
            name="organisation",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="stakeholders.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="coverageentry",
            name="region_bits",
            field=models.PositiveBigIntegerField(default=0, verbose_name="regions"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
