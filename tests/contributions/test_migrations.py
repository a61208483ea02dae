"""Renaming `body` to `description` keeps the text of items and of the changes
waiting for review: Revision.data keys values by field name, so its keys follow."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [
    # Migrations change the schema, which needs real transactions on SQLite; the
    # reference content (stages, countries, ...) is restored for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BEFORE = [("contributions", "0007_move_synergies_and_gaps_models")]
AFTER = [("contributions", "0008_body_is_description")]


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


def test_body_becomes_description_in_items_and_proposed_changes_and_back():
    old = migrate(BEFORE)
    group = old.get_model("stakeholders", "StakeholderGroup").objects.first()
    organisation = old.get_model("stakeholders", "Organisation").objects.create(
        name="Lung Patients Network", slug="lung-patients-network", group=group
    )
    resource = old.get_model("contributions", "Resource").objects.create(
        title="Live", slug="live", summary="S.", body="Live text.", organisation=organisation
    )
    Revision = old.get_model("contributions", "Revision")
    Revision.objects.create(resource=resource, data={"title": "Live", "body": "Proposed text."})

    new = migrate(AFTER)

    item = new.get_model("contributions", "Resource").objects.get(slug="live")
    assert item.description == "Live text."
    revision = new.get_model("contributions", "Revision").objects.get()
    assert revision.data == {"title": "Live", "description": "Proposed text."}

    back = migrate(BEFORE)

    assert back.get_model("contributions", "Resource").objects.get(slug="live").body == "Live text."
    restored = back.get_model("contributions", "Revision").objects.get()
    assert restored.data == {"title": "Live", "body": "Proposed text."}
