"""Count-bearing messages for scripts, which have no gettext of their own.

A language has its own plural rule (Polish: 1 kraj, 2 kraje, 5 krajów), which a
script cannot guess from an English "one/many" pair. The server, which knows the
rule of the active language, works out the message for every count a script may
show and hands it over as JSON: the distinct forms (with "%(n)s" left in), and for
each count 0..upto, which form it takes.
"""

import json
from collections.abc import Callable


def count_messages(message: Callable[[int], str], upto: int) -> str:
    """JSON `{"forms": [...], "which": [...]}` for counts 0..upto; `message(n)` is an
    ngettext call whose text keeps its "%(n)s" for the script to fill in."""
    forms: list[str] = []
    which: list[int] = []
    for count in range(upto + 1):
        text = message(count)
        if text not in forms:
            forms.append(text)
        which.append(forms.index(text))
    return json.dumps({"forms": forms, "which": which}, ensure_ascii=False)
