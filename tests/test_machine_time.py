"""One definition of a machine timestamp (#18): log values and collectors' API times agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pm_tui.collectors.common import parse_time
from pm_tui.collectors.logs.line_formats import Context, value_time

CTX = Context(anchor=datetime(2025, 2, 9, tzinfo=UTC))
AT = datetime(2025, 2, 9, 10, 5, 1, tzinfo=UTC)

SAME = {
    "2025-02-09T10:05:01Z": AT,
    "2025-02-09 10:05:01Z": AT,
    "2025-02-09T11:05:01+01:00": AT,
    "2025-02-09T11:05:01+0100": AT,
    "2025-02-09T10:05:01.250Z": AT + timedelta(milliseconds=250),
    "2025-02-09T10:05:01.123456789Z": AT + timedelta(microseconds=123456),  # nanoseconds cut
    "2025-02-09T10:05:01,5Z": AT + timedelta(milliseconds=500),
    "2025-02-09T10:05:01": AT,  # no offset: UTC
    "2025-02-09T10:05:01 UTC": AT,
    "2025-02-09T11:05:01 CET": AT,
    1739095501: AT,  # epoch seconds
    1739095501.25: AT + timedelta(milliseconds=250),
    1739095501000: AT,  # milliseconds, told apart by magnitude
    1739095501000000: AT,  # microseconds
    "1739095501": AT,  # an epoch as text (Slack's ts)
}


@pytest.mark.parametrize("value", list(SAME), ids=str)
def test_log_values_and_api_times_are_read_alike(value):
    assert parse_time(value) == SAME[value]
    assert value_time(value, CTX) == SAME[value]
    assert parse_time(value).tzinfo is UTC


def test_a_log_reads_times_without_an_offset_in_its_zone_an_api_in_utc():
    berlin = timezone(timedelta(hours=1))
    ctx = Context(anchor=CTX.anchor, tz=berlin)
    assert value_time("2025-02-09T11:05:01", ctx) == AT
    assert parse_time("2025-02-09T11:05:01") == AT + timedelta(hours=1)


def test_exports_may_write_shorter_iso_forms_log_lines_may_not():
    # a deploy CSV's "2025-02-09 10:05" is a time; in a JSON log line it stays text
    assert parse_time("2025-02-09 10:05") == AT.replace(second=0)
    assert parse_time("2025-02-09") == datetime(2025, 2, 9, tzinfo=UTC)
    assert value_time("2025-02-09 10:05", CTX) is None


@pytest.mark.parametrize("junk", ["", "soon", "2025-02-30T10:00:00Z", "nan", True, None, [1]])
def test_what_is_not_a_time_is_a_value_error(junk):
    with pytest.raises(ValueError):
        parse_time(junk)
    assert value_time(junk, CTX) is None
