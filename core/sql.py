"""Small SQL helpers every app may use."""

import json

from django.db import connections, router
from django.db.models.expressions import RawSQL


def id_list(ids: list[int], model) -> RawSQL:
    """A subquery of these ids, sent as one parameter: Django would prepare each of
    thousands of ids of an `__in` list one by one, which costs more than the query."""
    if connections[router.db_for_read(model)].vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
