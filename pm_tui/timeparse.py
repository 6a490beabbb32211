"""Times and dates as people type them (wizard, plain prompts, CLI), as aware UTC values.

Event times, always returned as an aware UTC datetime:

    10:05:23 / 10:05           a time of day (UTC unless an offset follows), on the previous
                               row's date, else on `default_date`
    2025-02-09T11:05:23+01:00  ISO 8601; with an offset it is converted, without one it is UTC
    +5m / +1h30m / -90s        relative to the previous row

Deadlines: `YYYY-MM-DD`, or `+10d` / `+2w` from today. Command-line moments (`parse_utc`),
dates (`parse_date`) and times of day (`parse_time_of_day`) are read here too.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

from pm_tui.errors import UsageError

_RELATIVE = re.compile(r"^([+-])\s*((?:\d+\s*[dhms]\s*)+)$", re.IGNORECASE)
_RELATIVE_PART = re.compile(r"(\d+)\s*([dhms])", re.IGNORECASE)
_TIME_OF_DAY = re.compile(
    r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE
)
_UNIT_SECONDS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60, "s": 1}

HELP = "use 10:05:23, ISO 8601 like 2025-02-09T10:05:23+01:00, or +5m after the previous row"


class EventTimeError(UsageError, ValueError):
    """The text is not a time pm-tui can read; the message says which forms work."""


def parse_event_time(
    text: str,
    *,
    previous: datetime | None = None,
    default_date: date | None = None,
    base_date: date | None = None,
) -> datetime:
    """The UTC time meant by `text` (a time of day, ISO 8601, or +5m after `previous`).

    A time of day falls on `previous`'s UTC date when there is a previous row, else on
    `default_date` (`base_date` is the same, by another name). EventTimeError otherwise.
    """
    default_date = default_date or base_date
    if previous is not None:
        default_date = _utc(previous).date()
    if default_date is None:
        raise ValueError("parse_event_time needs previous or default_date")
    raw = text.strip()
    if not raw:
        raise EventTimeError(f"no time given: {HELP}")
    if m := _RELATIVE.match(raw):
        if previous is None:
            raise EventTimeError(f"'{raw}' is relative but there is no previous row: {HELP}")
        seconds = sum(int(n) * _UNIT_SECONDS[u.lower()] for n, u in _RELATIVE_PART.findall(m[2]))
        delta = timedelta(seconds=seconds)
        return _utc(previous) + (delta if m[1] == "+" else -delta)
    if m := _TIME_OF_DAY.match(raw):
        return _time_of_day(raw, m, default_date)
    return _iso(raw)


def _time_of_day(raw: str, m: re.Match[str], default_date: date) -> datetime:
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    micro = int((m[4] or "0").ljust(6, "0"))
    if hour > 23 or minute > 59 or second > 59:
        raise EventTimeError(f"'{raw}' is not a time of day: {HELP}")
    tz = UTC
    if m[5] and m[5].upper() != "Z":
        sign = 1 if m[5][0] == "+" else -1
        digits = m[5][1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if offset >= timedelta(hours=24):
            raise EventTimeError(f"'{raw}' has an impossible UTC offset: {HELP}")
        tz = timezone(sign * offset)
    local = datetime.combine(default_date, time(hour, minute, second, micro), tzinfo=tz)
    return local.astimezone(UTC)


def _iso(raw: str) -> datetime:
    value = raw
    if value[-1:] in "zZ":
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise EventTimeError(f"'{raw}' is not a time: {HELP}") from None
    if len(value) <= 10:  # a bare date is not a moment
        raise EventTimeError(f"'{raw}' is a date without a time: {HELP}")
    return _utc(parsed)


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


_STEP_RE = re.compile(r"^([+-])\s*(\d+)\s*([smhdw])$")


def parse_step(text: str) -> timedelta | None:
    """`+5m` → 5 minutes, `-90s` → minus 90 seconds; None when `text` is not a step."""
    m = _STEP_RE.match(text.strip().lower())
    if not m:
        return None
    seconds = int(m.group(2)) * _UNIT_SECONDS[m.group(3)]
    return timedelta(seconds=-seconds if m.group(1) == "-" else seconds)


def parse_deadline(text: str, *, today: date) -> date:
    """A deadline: `YYYY-MM-DD`, or `+10d` / `+2w` from `today`; UsageError otherwise."""
    raw = text.strip()
    step = parse_step(raw)
    if step is not None:
        if step.total_seconds() % 86400:
            raise UsageError(f"'{raw}': a deadline moves in days or weeks (+10d, +2w)")
        return today + step
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"'{raw}' is not a date: use YYYY-MM-DD, +10d or +2w") from None


def parse_utc(text: str, what: str = "time") -> datetime:
    """An ISO 8601 moment (--start, a form's start time...), `T` or a space between date and
    time: with an offset it is converted to UTC, without one it is taken as UTC; UsageError
    naming `what` otherwise."""
    raw = text.strip()
    value = raw.replace("z", "Z")
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{what} '{raw}' is not a time: use 2025-02-09 10:05 (UTC), ISO 8601 like "
            "2025-02-09T10:05:00Z, or 2025-02-09T11:05:00+01:00"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_date(text: str, what: str = "date") -> date:
    """An ISO date (YYYY-MM-DD); UsageError naming `what` otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{what} '{text}' is not a date: use YYYY-MM-DD, e.g. 2025-03-01"
        ) from None


def parse_time_of_day(text: str, what: str = "--time") -> time:
    """`HH:MM` (UTC), e.g. 14:30; UsageError naming `what` otherwise."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise UsageError(f"{what} '{text}' is not a time of day: use HH:MM (UTC), e.g. 14:30")
    return time(int(m.group(1)), int(m.group(2)))


def format_event_time(value: datetime) -> str:
    """How the wizard shows an event time: `2025-02-09 10:05:23`, UTC."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
