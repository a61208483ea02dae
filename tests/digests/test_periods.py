"""Digest periods: weekly from Monday 00:00 UTC, monthly from the 1st 00:00 UTC,
whatever the time zone of the moment asked about."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from digests.digest import (
    SEND_HOUR,
    current_period,
    is_period_start,
    period_start,
    previous_period_start,
)

PLUS_TWO = timezone(timedelta(hours=2))
MINUS_FIVE = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 6, 9, 0, 0, tzinfo=UTC), date(2025, 6, 9)),  # Monday midnight
        (datetime(2025, 6, 8, 23, 59, 59, tzinfo=UTC), date(2025, 6, 2)),  # Sunday night
        (datetime(2025, 6, 15, 23, 59, tzinfo=UTC), date(2025, 6, 9)),  # the next Sunday
        # Monday 01:00 in UTC+2 is still Sunday in UTC.
        (datetime(2025, 6, 9, 1, 0, tzinfo=PLUS_TWO), date(2025, 6, 2)),
        # Sunday 20:00 in UTC-5 is already Monday in UTC.
        (datetime(2025, 6, 8, 20, 0, tzinfo=MINUS_FIVE), date(2025, 6, 9)),
        # Across a year end: Monday 30 December 2024 starts the week.
        (datetime(2025, 1, 1, 12, 0, tzinfo=UTC), date(2024, 12, 30)),
    ],
)
def test_weekly_periods_start_on_monday_at_midnight_utc(moment, expected):
    assert period_start("weekly", moment) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 3, 1, 0, 0, tzinfo=UTC), date(2025, 3, 1)),
        (datetime(2025, 2, 28, 23, 59, tzinfo=UTC), date(2025, 2, 1)),
        (datetime(2024, 2, 29, 12, 0, tzinfo=UTC), date(2024, 2, 1)),
        (datetime(2025, 3, 1, 1, 0, tzinfo=PLUS_TWO), date(2025, 2, 1)),
        (datetime(2024, 12, 31, 21, 0, tzinfo=MINUS_FIVE), date(2025, 1, 1)),
    ],
)
def test_monthly_periods_start_on_the_first_at_midnight_utc(moment, expected):
    assert period_start("monthly", moment) == expected


@pytest.mark.parametrize(
    ("frequency", "start", "previous"),
    [
        ("weekly", date(2025, 6, 9), date(2025, 6, 2)),
        ("weekly", date(2025, 1, 6), date(2024, 12, 30)),
        ("monthly", date(2025, 3, 1), date(2025, 2, 1)),
        ("monthly", date(2025, 1, 1), date(2024, 12, 1)),
    ],
)
def test_the_previous_period_is_the_one_a_digest_covers(frequency, start, previous):
    assert previous_period_start(frequency, start) == previous


def test_a_period_becomes_due_at_the_send_hour_of_its_first_day():
    monday = datetime(2025, 6, 9, tzinfo=UTC)
    before = monday + timedelta(hours=SEND_HOUR) - timedelta(seconds=1)
    assert current_period("weekly", before) == date(2025, 6, 2)
    assert current_period("weekly", monday + timedelta(hours=SEND_HOUR)) == date(2025, 6, 9)
    first = datetime(2025, 7, 1, tzinfo=UTC)
    assert current_period("monthly", first + timedelta(hours=SEND_HOUR - 1)) == date(2025, 6, 1)
    assert current_period("monthly", first + timedelta(hours=SEND_HOUR)) == date(2025, 7, 1)


def test_only_mondays_and_firsts_start_periods():
    assert is_period_start("weekly", date(2025, 6, 9))
    assert not is_period_start("weekly", date(2025, 6, 10))
    assert is_period_start("monthly", date(2025, 6, 1))
    assert not is_period_start("monthly", date(2025, 6, 2))
