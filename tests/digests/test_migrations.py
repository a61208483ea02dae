"""Subscriptions made before digests stored library queries keep their interests:
the migration writes them as the library query that says the same, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [
    # Migrations change the schema, which needs real transactions on SQLite; the
    # reference content (stages, countries, ...) is restored for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BEFORE = [("digests", "0001_subscriptions_and_deliveries")]
AFTER = [("digests", "0004_remove_subscription_interests")]
# Both the query and the interests' fields: what undoing the last two leaves.
WITH_BOTH = [("digests", "0002_subscription_query")]


def migrate(targets: list[tuple[str, str]]):
    """Migrate to `targets`; the apps (historical models) as they are there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def latest_schema_afterwards():
    """Whatever the test does, the tests after it find the current schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_interests_become_the_equivalent_library_query_and_back():
    old = migrate(BEFORE)
    Subscription = old.get_model("digests", "Subscription")
    tags = {
        name: old.get_model(app, model)
        for name, app, model in (
            ("stages", "pathway", "Stage"),
            ("barriers", "barriers", "Barrier"),
            ("countries", "pathway", "Country"),
            ("regions", "pathway", "Region"),
            ("therapeutic_areas", "pathway", "TherapeuticArea"),
        )
    }
    Subscription.objects.create(email="all@example.org", include_resources=False)
    chosen = Subscription.objects.create(email="chosen@example.org")
    chosen.stages.set(tags["stages"].objects.filter(slug__in=["monitoring", "testing-decision"]))
    chosen.barriers.set(tags["barriers"].objects.filter(slug="test-not-reimbursed"))
    chosen.countries.set(tags["countries"].objects.filter(code__in=["FR", "DE"]))
    chosen.regions.set(tags["regions"].objects.filter(slug="europe"))
    chosen.therapeutic_areas.set(tags["therapeutic_areas"].objects.filter(slug="lung-cancer"))

    new = migrate(AFTER)

    queries = dict(new.get_model("digests", "Subscription").objects.values_list("email", "query"))
    assert queries == {
        "all@example.org": "",
        "chosen@example.org": (
            "area=lung-cancer&barrier=test-not-reimbursed&country=DE&country=FR"
            "&region=europe&stage=monitoring&stage=testing-decision"
        ),
    }

    back = migrate(WITH_BOTH).get_model("digests", "Subscription")

    restored = back.objects.get(email="chosen@example.org")
    assert sorted(restored.stages.values_list("slug", flat=True)) == [
        "monitoring",
        "testing-decision",
    ]
    assert sorted(str(code) for code in restored.countries.values_list("code", flat=True)) == [
        "DE",
        "FR",
    ]
    assert list(restored.therapeutic_areas.values_list("slug", flat=True)) == ["lung-cancer"]
    assert back.objects.get(email="all@example.org").stages.count() == 0
