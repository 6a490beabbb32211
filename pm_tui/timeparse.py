"""Times and dates as people type them in the wizard, turned into aware UTC values.

Event times accept `10:05:23` (a clock time on a known date), ISO 8601 with an offset
(`2025-02-09T11:05:23+01:00`) or a step from the previous row (`+5m`, `+90s`, `+1h`,
`-2m`). Deadlines accept `YYYY-MM-DD` or a step from today (`+10d`, `+2w`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from pm_tui.errors import UsageError

_CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_STEP_RE = re.compile(r"^([+-])\s*(\d+)\s*([smhdw])$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_step(text: str) -> timedelta | None:
    """`+5m` → 5 minutes, `-90s` → minus 90 seconds; None when `text` is not a step."""
    m = _STEP_RE.match(text.strip().lower())
    if not m:
        return None
    seconds = int(m.group(2)) * _UNITS[m.group(3)]
    return timedelta(seconds=-seconds if m.group(1) == "-" else seconds)


def parse_event_time(text: str, *, base_date: date, previous: datetime | None = None) -> datetime:
    """The aware UTC time meant by `text`; UsageError (one line) when it cannot be read.

    A clock time is taken on `previous`'s date if given, else on `base_date`, in UTC.
    A step is added to `previous` (or to midnight of `base_date` when there is none).
    """
    raw = text.strip()
    if not raw:
        raise UsageError("a time is needed: 10:05:23, 2025-02-09T10:05:23Z or +5m")
    step = parse_step(raw)
    if step is not None:
        anchor = previous or datetime.combine(base_date, time(0), tzinfo=UTC)
        return (anchor + step).astimezone(UTC).replace(microsecond=0)
    m = _CLOCK_RE.match(raw)
    if m:
        h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if h > 23 or mi > 59 or s > 59:
            raise UsageError(f"'{raw}' is not a time of day (HH:MM[:SS], 24-hour, UTC)")
        day = previous.astimezone(UTC).date() if previous else base_date
        return datetime.combine(day, time(h, mi, s), tzinfo=UTC)
    try:
        value = datetime.fromisoformat(raw.replace("z", "Z").replace(" ", "T", 1))
    except ValueError:
        raise UsageError(
            f"'{raw}' is not a time: use 10:05:23 (UTC), ISO 8601 such as "
            "2025-02-09T10:05:23+01:00, or +5m / +90s / +1h from the previous row"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # no offset: the wizard works in UTC
    return value.astimezone(UTC).replace(microsecond=0)


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


def format_event_time(value: datetime) -> str:
    """How the wizard shows an event time: `2025-02-09 10:05:23`, UTC."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
