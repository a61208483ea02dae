"""What a web worker would otherwise build on its first request, built once in the
process that loads the application (gunicorn's master with `preload_app`), so that
every worker it forks, and every worker that replaces one after `max_requests`,
starts warm.

Without it, the first request of each new worker imported every URLconf, view and
API module and the cache backend, and built each language's URL patterns: seconds
on a busy machine, during which that worker's other requests waited, whether or not
the page was in the page cache. Since gunicorn recycles its workers every thousand
requests or so, a steady load met a wave of cold workers every few seconds, and the
pages timed then (`make bench`) fell to a tenth of the others' rate.

Nothing here opens a connection: sockets must not be shared by forked workers.
"""

from django.conf import settings
from django.db import connections
from django.urls import get_resolver
from django.utils import translation
from django.utils.module_loading import import_string


def warm_up() -> None:
    """Import the URLconf (and with it every view), the cache backends' modules, and
    load each language's catalogue and URL patterns."""
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            # Imports every URLconf and view once, then the patterns in `code`.
            resolver.reverse_dict  # noqa: B018
    for cache in settings.CACHES.values():
        import_string(cache["BACKEND"])
    # Whatever an imported module read is not to be shared with the workers.
    connections.close_all()
