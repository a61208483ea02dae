"""The Celery beat schedule, imported by the settings: every periodic task of the
portal and when it runs (UTC)."""

from celery.schedules import crontab

CELERY_BEAT_SCHEDULE = {
    "send-pending-emails": {
        "task": "outbox.tasks.send_pending_emails",
        "schedule": 300.0,
    },
    # The curators' morning summary of the moderation queue.
    "send-curator-summary": {
        "task": "curation.tasks.send_curator_summary",
        "schedule": crontab(hour=7, minute=0),
    },
    # Email digests (digests/sending.py): weekly on Monday morning, monthly on the
    # 1st, a catch-up every 5 minutes that sends whatever is still due (the beat was
    # down, a worker died, a digest's back-off after a mail failure is over), and a
    # daily sweep of subscriptions never confirmed. Running any of them twice sends
    # nothing twice.
    "send-weekly-digests": {
        "task": "digests.tasks.send_digests",
        "schedule": crontab(minute=0, hour=6, day_of_week="mon"),
        "kwargs": {"frequency": "weekly"},
    },
    "send-monthly-digests": {
        "task": "digests.tasks.send_digests",
        "schedule": crontab(minute=0, hour=6, day_of_month="1"),
        "kwargs": {"frequency": "monthly"},
    },
    "send-due-digests": {
        "task": "digests.tasks.send_digests",
        "schedule": crontab(minute="*/5"),
    },
    # Related work and potential partners stored per item (synergies/related.py):
    # those never worked out, then the oldest, in batches.
    "refresh-related-work": {
        "task": "synergies.tasks.refresh_stale_related_work",
        "schedule": crontab(minute=45),
    },
    # The synergy finder's stored profiles (synergies/stored.py) missing or made with
    # another synonym table: saves keep them in step, this catches up after bulk
    # loads and deployments. Lookups read the texts of the others meanwhile.
    "refresh-similarity-profiles": {
        "task": "synergies.tasks.refresh_stale_similarity_profiles",
        "schedule": crontab(minute=50),
        "kwargs": {"limit": 20000},
    },
    # Personal data kept no longer than the privacy notice says (portal/tasks.py).
    "expire-personal-data": {
        "task": "portal.tasks.expire_personal_data",
        "schedule": crontab(minute=15, hour=3),
    },
    # The curators' reminder of stages and barriers due for their yearly review
    # (curation/tasks.py): each due item is in one reminder a year.
    "send-review-reminders": {
        "task": "curation.tasks.send_review_reminders",
        "schedule": crontab(minute=30, hour=7, day_of_month="1"),
    },
    # Resources' links (contributions/linkcheck.py): the due ones checked every night,
    # each organisation told once a month about the links to fix.
    "check-resource-links": {
        "task": "contributions.tasks.check_resource_links",
        "schedule": crontab(minute=30, hour=2),
    },
    "report-resource-links": {
        "task": "contributions.tasks.report_resource_links",
        "schedule": crontab(minute=0, hour=8, day_of_month="2"),
    },
}
