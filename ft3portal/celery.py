"""The Celery app. Configuration is read from Django settings (CELERY_* names)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ft3portal.settings")

app = Celery("ft3portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
