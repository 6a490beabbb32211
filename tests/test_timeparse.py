"""The time a person types for a timeline row: time of day, ISO 8601, or relative."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pm_tui.errors import UsageError
from pm_tui.timeparse import EventTimeError, parse_event_time

DAY = date(2025, 2, 9)
PREV = datetime(2025, 2, 9, 10, 0, 0, tzinfo=UTC)


def parse(text, previous=PREV, default_date=DAY):
    return parse_event_time(text, previous=previous, default_date=default_date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:05:23", datetime(2025, 2, 9, 10, 5, 23, tzinfo=UTC)),
        ("9:07", datetime(2025, 2, 9, 9, 7, tzinfo=UTC)),
        ("10:05:23.25", datetime(2025, 2, 9, 10, 5, 23, 250000, tzinfo=UTC)),
        ("11:05:23+01:00", datetime(2025, 2, 9, 10, 5, 23, tzinfo=UTC)),
        ("00:30-0200", datetime(2025, 2, 9, 2, 30, tzinfo=UTC)),
        ("10:05Z", datetime(2025, 2, 9, 10, 5, tzinfo=UTC)),
    ],
)
def test_time_of_day_is_taken_on_the_default_date(text, expected):
    assert parse(text) == expected


def test_time_of_day_with_offset_can_cross_midnight_into_utc():
    got = parse("00:30+02:00")
    assert got == datetime(2025, 2, 8, 22, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-02-09T11:05:23+01:00", datetime(2025, 2, 9, 10, 5, 23, tzinfo=UTC)),
        ("2025-02-09T10:05:23Z", datetime(2025, 2, 9, 10, 5, 23, tzinfo=UTC)),
        ("2025-02-09 10:05:23", datetime(2025, 2, 9, 10, 5, 23, tzinfo=UTC)),
        ("2025-03-01T23:00:00-05:00", datetime(2025, 3, 2, 4, 0, tzinfo=UTC)),
    ],
)
def test_iso_8601_is_converted_to_utc(text, expected):
    got = parse(text)
    assert got == expected
    assert got.utcoffset().total_seconds() == 0


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("+5m", 300),
        ("+90s", 90),
        ("+1h30m", 5400),
        ("-2m", -120),
        ("+1d", 86400),
        ("+ 2h 5s", 7205),
    ],
)
def test_relative_time_counts_from_the_previous_row(text, seconds):
    got = parse(text)
    assert (got - PREV).total_seconds() == seconds


def test_relative_time_from_a_previous_row_with_another_offset_is_utc():
    from datetime import timedelta, timezone

    prev = datetime(2025, 2, 9, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert parse("+5m", previous=prev) == datetime(2025, 2, 9, 10, 5, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "soon", "25:00", "10:61", "2025-02-09", "+5x", "10:00+25:00"])
def test_unreadable_text_is_refused_with_the_forms_that_work(text):
    with pytest.raises(EventTimeError) as info:
        parse(text)
    assert "+5m" in str(info.value)
    assert isinstance(info.value, UsageError)


def test_relative_time_without_a_previous_row_is_refused():
    with pytest.raises(EventTimeError, match="no previous row"):
        parse("+5m", previous=None)
