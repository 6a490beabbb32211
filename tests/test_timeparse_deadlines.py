"""Times and deadlines as typed in the wizard: pure functions, no Textual."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pm_tui.errors import UsageError
from pm_tui.timeparse import parse_deadline, parse_event_time

BASE = date(2025, 2, 9)
PREV = datetime(2025, 2, 9, 10, 5, 0, tzinfo=UTC)


def test_clock_time_takes_the_incident_date():
    assert parse_event_time("10:05:23", base_date=BASE) == datetime(
        2025, 2, 9, 10, 5, 23, tzinfo=UTC
    )


def test_clock_time_takes_the_previous_rows_date():
    prev = datetime(2025, 2, 10, 23, 50, tzinfo=UTC)
    assert parse_event_time("00:10", base_date=BASE, previous=prev) == datetime(
        2025, 2, 10, 0, 10, tzinfo=UTC
    )


def test_iso_with_offset_is_stored_as_utc():
    got = parse_event_time("2025-02-09T11:05:23+01:00", base_date=BASE)
    assert got == datetime(2025, 2, 9, 10, 5, 23, tzinfo=UTC)
    assert got.utcoffset().total_seconds() == 0
    assert parse_event_time("2025-02-09T10:05:23Z", base_date=BASE) == got


@pytest.mark.parametrize(
    ("text", "expected"),
    [("+5m", (10, 10, 0)), ("+90s", (10, 6, 30)), ("+1h", (11, 5, 0)), ("-2m", (10, 3, 0))],
)
def test_steps_count_from_the_previous_row(text, expected):
    assert parse_event_time(text, base_date=BASE, previous=PREV) == datetime(
        2025, 2, 9, *expected, tzinfo=UTC
    )


@pytest.mark.parametrize("text", ["", "25:00", "10:61", "yesterday", "+5x", "2025-13-01"])
def test_nonsense_is_refused_with_a_hint(text):
    with pytest.raises(UsageError) as err:
        parse_event_time(text, base_date=BASE, previous=PREV)
    assert "\n" not in str(err.value)


def test_deadlines():
    today = date(2025, 2, 12)
    assert parse_deadline("2025-03-01", today=today) == date(2025, 3, 1)
    assert parse_deadline("+2w", today=today) == date(2025, 2, 26)
    assert parse_deadline("+10d", today=today) == date(2025, 2, 22)
    for bad in ("+5m", "next week", "2025-02-30"):
        with pytest.raises(UsageError):
            parse_deadline(bad, today=today)
