"""Periodic work of the curation app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from accounts.models import User
from barriers.models import Barrier
from contributions.models import Initiative, Resource, Revision
from outbox.emails import absolute_url, in_language, language_of, queue
from outbox.models import GIVE_UP_AFTER, OutgoingEmail
from pathway.models import Stage

SUMMARY_TEMPLATE = "curation_summary"
REVIEW_TEMPLATE = "review_reminder"
# Undelivered emails named one by one in the summary; the admin lists them all.
UNDELIVERED_SHOWN = 10


@shared_task
def send_curator_summary() -> int:
    """Tell every curator what waits in the moderation queue, and which emails the
    outbox gave up on since yesterday's summary; returns how many were told.

    Nothing is sent when the queue is empty and no email was given up on. The
    summary goes out once a day: the OutgoingEmail rows of today's summaries are the
    record of who already has it, so a second run the same day (a retried task, a
    beat restarted at 07:00) finds them and sends nothing again. Locking the
    curators' rows makes two runs that overlap wait for each other instead of both
    sending.
    """
    now = timezone.now()
    with transaction.atomic():
        resources = Resource.objects.awaiting_review()
        initiatives = Initiative.objects.awaiting_review()
        revisions = Revision.objects.pending()
        counts = {
            "resources": resources.count(),
            "initiatives": initiatives.count(),
            "revisions": revisions.count(),
        }
        total = sum(counts.values())
        undelivered = OutgoingEmail.objects.given_up_since(now - timedelta(days=1)).order_by(
            "created_at"
        )
        undelivered_count = undelivered.count()
        if not total and not undelivered_count:
            return 0
        waiting_since = [
            resources.aggregate(oldest=Min("submitted_at"))["oldest"],
            initiatives.aggregate(oldest=Min("submitted_at"))["oldest"],
            revisions.aggregate(oldest=Min("created_at"))["oldest"],
        ]
        oldest = min((moment for moment in waiting_since if moment is not None), default=now)

        curator_ids = User.objects.curators().exclude(email="").values("pk")
        curators = list(User.objects.select_for_update().filter(pk__in=curator_ids).order_by("pk"))
        already_told = {
            address.lower()
            for address in OutgoingEmail.objects.filter(
                template=SUMMARY_TEMPLATE, created_at__date=timezone.localdate(now)
            ).values_list("to", flat=True)
        }
        shown = list(undelivered[:UNDELIVERED_SHOWN])

        def context() -> dict:
            return {
                **counts,
                "total": total,
                "oldest_age": timesince(oldest, now, depth=1),
                "queue_url": absolute_url(reverse("curation:queue")),
                "undelivered_count": undelivered_count,
                "retry_days": GIVE_UP_AFTER.days,
                "undelivered": shown,
                "undelivered_url": absolute_url(
                    reverse("admin:outbox_outgoingemail_changelist") + "?delivery=given_up"
                ),
            }

        told = 0
        for curator in curators:
            if curator.email.lower() in already_told:
                continue
            name = curator.get_full_name() or curator.username
            # Each curator in their own language, its dates and links included.
            language = language_of(curator)
            with in_language(language):
                queue(
                    SUMMARY_TEMPLATE,
                    curator.email,
                    {**context(), "recipient_name": name},
                    language=language,
                )
            already_told.add(curator.email.lower())
            told += 1
        return told


@shared_task
def send_review_reminders() -> int:
    """Tell every curator which stages and barriers are due for their yearly review
    (last reviewed a year ago or more, or never); returns how many were told.

    Each due item is in one reminder a year: the items are locked, marked with
    today's date (`review_reminded_on`) and the emails queued in one transaction,
    so a second run, or one that overlaps, finds nothing left to remind.
    """
    today = timezone.localdate()
    with transaction.atomic():
        stages = list(Stage.objects.to_remind(today).select_for_update(of=("self",)))
        barriers = list(Barrier.objects.to_remind(today).select_for_update(of=("self",)))
        curators = list(User.objects.curators().exclude(email="").order_by("pk"))
        if not (stages or barriers) or not curators:
            return 0
        Stage.objects.filter(pk__in=[stage.pk for stage in stages]).update(review_reminded_on=today)
        Barrier.objects.filter(pk__in=[barrier.pk for barrier in barriers]).update(
            review_reminded_on=today
        )

        def listed(item, name: str, admin_view: str) -> dict:
            return {
                "name": name,
                "reviewed_on": item.reviewed_on,
                "admin_url": absolute_url(reverse(admin_view, args=[item.pk])),
            }

        for curator in curators:
            language = language_of(curator)
            # The names of the stages and barriers in the curator's language.
            with in_language(language):
                context = {
                    "recipient_name": curator.get_full_name() or curator.username,
                    "count": len(stages) + len(barriers),
                    "stages": [
                        listed(stage, str(stage), "admin:pathway_stage_change") for stage in stages
                    ],
                    "barriers": [
                        listed(barrier, barrier.title, "admin:barriers_barrier_change")
                        for barrier in barriers
                    ],
                }
                queue(REVIEW_TEMPLATE, curator.email, context, language=language)
        return len(curators)
