"""Each subscription's interests become the library query that says the same:
stages, barriers, countries, regions and therapeutic areas as the library's
stage, barrier, country, region and area parameters, sorted and urlencoded as
contributions.filters.LibraryQuery writes them.

One meaning changes on purpose: digests used to take countries and regions as one
"where" (either could match), the library takes them as two filters that must
both match. Subscriptions now get what the library lists for the same choices.
"""

from urllib.parse import parse_qsl, urlencode

from django.db import migrations

# (library parameter, Subscription field, tag column the library names it by)
INTERESTS = (
    ("stage", "stages", "slug"),
    ("barrier", "barriers", "slug"),
    ("country", "countries", "code"),
    ("region", "regions", "slug"),
    ("area", "therapeutic_areas", "slug"),
)


def interests_to_query(apps, schema_editor):
    Subscription = apps.get_model("digests", "Subscription")
    changed = []
    for subscription in Subscription.objects.prefetch_related(
        *(field for _param, field, _key in INTERESTS)
    ).iterator(chunk_size=2000):
        pairs = [
            (param, str(getattr(tag, key)))
            for param, field, key in INTERESTS
            for tag in getattr(subscription, field).all()
        ]
        subscription.query = urlencode(sorted(pairs))
        changed.append(subscription)
    Subscription.objects.bulk_update(changed, ["query"], batch_size=2000)


def query_to_interests(apps, schema_editor):
    """Back to interests; the library's other filters have no field to go to."""
    Subscription = apps.get_model("digests", "Subscription")
    for subscription in Subscription.objects.exclude(query="").iterator(chunk_size=2000):
        chosen = parse_qsl(subscription.query)
        for param, field, key in INTERESTS:
            values = [value for name, value in chosen if name == param]
            if values:
                manager = getattr(subscription, field)
                manager.set(manager.model.objects.filter(**{f"{key}__in": values}))


class Migration(migrations.Migration):
    dependencies = [
        ("digests", "0002_subscription_query"),
        ("barriers", "0002_reference_content"),
        ("pathway", "0002_reference_content"),
    ]

    operations = [
        migrations.RunPython(interests_to_query, query_to_interests),
    ]
