import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ft3portal.settings")

application = get_wsgi_application()

# Loaded once by gunicorn's master (preload_app): workers fork warm (core/warm.py).
from core.warm import warm_up  # noqa: E402

warm_up()
