"""Sending an item to review, the same way from the web form and the API.

The rules, each in one place:

- placed on the pathway: the model (Contribution.check_submittable, run by submit());
- no unmarked possible duplicate: the check the project plugs in
  (contributions.extensions.submission_check, synergies' SimilarityCheck), which
  also records what the partner said of each match;
- at most SUBMISSIONS_PER_HOUR new items per person and hour: check_submission_rate,
  and again under a lock on the person's row in the transaction that saves a new
  item (claim_submission_slot), so that concurrent posts are counted one by one.

Callers save the item first, in a transaction of their own: the web form rolls it
back when the submission is held (the form keeps what was typed), the API keeps the
draft and answers 409.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .extensions import SubmissionCheck, submission_check
from .models import Contribution, Initiative, ModerationEvent, Resource

# How many new items one person may create in an hour, across both kinds.
SUBMISSIONS_PER_HOUR = 20


class TooManySubmissions(Exception):
    """Someone added SUBMISSIONS_PER_HOUR items in the last hour. `wait` says
    when the oldest of them leaves the hour."""

    def __init__(self, wait: timedelta) -> None:
        self.wait = wait
        super().__init__(
            _(
                "You have added %(n)d items in the last hour. Please wait a little before "
                "adding more."
            )
            % {"n": SUBMISSIONS_PER_HOUR}
        )


def check_submission_rate(user) -> None:
    """Raise TooManySubmissions if `user` may not add another item now."""
    since = timezone.now() - timedelta(hours=1)
    recent = [
        created
        for model in (Resource, Initiative)
        for created in model.objects.filter(submitted_by=user, created_at__gte=since)
        .order_by("created_at")
        .values_list("created_at", flat=True)[:SUBMISSIONS_PER_HOUR]
    ]
    if len(recent) >= SUBMISSIONS_PER_HOUR:
        raise TooManySubmissions(min(recent) + timedelta(hours=1) - timezone.now())


def claim_submission_slot(user) -> None:
    """Check the rate inside the transaction that creates the item, holding a lock
    on the person's row until it commits: a concurrent post by the same person
    waits, then counts the item this one added. Raises TooManySubmissions.

    PostgreSQL locks the row; SQLite's transactions take the database's write lock
    when they begin (settings: transaction_mode), which serialises them anyway."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("claim_submission_slot() must run inside the saving transaction")
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
    check_submission_rate(user)


class SubmissionHeld(Exception):
    """The check holds the submission back until the partner has marked each
    possible duplicate (and none as the same thing). `check` lists the matches."""

    def __init__(self, item: Contribution, check: SubmissionCheck) -> None:
        self.item = item
        self.check = check
        super().__init__(_("Not sent yet: please look at the similar work first."))


def submit_item(
    item: Contribution, by, marks: dict[tuple[str, int], str] | None = None
) -> ModerationEvent:
    """Send a saved draft (or an item sent back) to review.

    `marks` are what the partner said of the similar work shown, {(kind, pk):
    choice}; they are recorded with the item whether or not it goes, so that a
    later attempt does not ask again. Raises TransitionNotAllowed or a
    ValidationError (the model's rules) before looking for duplicates, and
    SubmissionHeld while one holds the submission.
    """
    item.check_submittable()
    check = submission_check().for_item(item, by, marks or {})
    check.record(item)
    if check.holds():
        raise SubmissionHeld(item, check)
    return item.submit(by=by)


def record_marks(item: Contribution, by, marks: dict[tuple[str, int], str]) -> None:
    """Keep the marks made on a draft that is only saved, for its later submission."""
    if marks:
        submission_check().for_item(item, by, marks).record(item)
