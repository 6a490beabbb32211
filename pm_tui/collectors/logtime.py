"""Timestamp parsing for log lines: every result is an aware UTC datetime.

Parsed times are cached by their second-resolution text (a log has few distinct seconds
and many lines per second), so most lines cost a dict lookup, not a datetime construction.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}

_cache: dict[tuple, datetime] = {}


def _remember(key: tuple, value: datetime) -> datetime:
    if len(_cache) > 200_000:
        _cache.clear()
    _cache[key] = value
    return value


def parse_offset(tz: str | None, default: timezone = UTC) -> timezone:
    """`Z`, `+05:30`, `-0800`, `UTC` or None → a fixed-offset timezone (default when None)."""
    if not tz or tz in ("Z", "z", "UTC", "GMT"):
        return UTC if tz else default
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return timezone(sign * timedelta(minutes=minutes))


def iso_time(
    date: str, clock: str, frac: str | None, tz: str | None, default: timezone = UTC
) -> datetime:
    """ISO 8601 pieces (`2025-02-09`, `10:05:01`, `123456789`, `+05:30`) → aware UTC."""
    key = (date, clock, tz, default)
    base = _cache.get(key)
    if base is None:
        naive = datetime(
            int(date[0:4]),
            int(date[5:7]),
            int(date[8:10]),
            int(clock[0:2]),
            int(clock[3:5]),
            int(clock[6:8]),
        )
        base = _remember(key, naive.replace(tzinfo=parse_offset(tz, default)).astimezone(UTC))
    if frac:
        return base + timedelta(microseconds=int((frac + "00000")[:6]))
    return base


def clf_time(stamp: str) -> datetime:
    """Common Log Format time `09/Feb/2025:10:05:01 +0000` → aware UTC (cached)."""
    key = ("clf", stamp)
    t = _cache.get(key)
    if t is None:
        naive = datetime(
            int(stamp[7:11]),
            MONTHS[stamp[3:6]],
            int(stamp[0:2]),
            int(stamp[12:14]),
            int(stamp[15:17]),
            int(stamp[18:20]),
        )
        t = _remember(
            key, naive.replace(tzinfo=parse_offset(stamp[21:].strip() or None)).astimezone(UTC)
        )
    return t


def yearless_time(
    month: int, day: int, clock: str, frac: str | None, year: int, tz: timezone = UTC
) -> datetime:
    """A time without a year (syslog RFC 3164, klog) in `year` → aware UTC."""
    key = ("y", year, month, day, clock, tz)
    base = _cache.get(key)
    if base is None:
        naive = datetime(year, month, day, int(clock[0:2]), int(clock[3:5]), int(clock[6:8]))
        base = _remember(key, naive.replace(tzinfo=tz).astimezone(UTC))
    if frac:
        return base + timedelta(microseconds=int((frac + "00000")[:6]))
    return base


def year_for(month: int, day: int, anchor: datetime) -> int:
    """The year a yearless `month day` most likely belongs to, given the incident time.

    A December line read for a January incident is last year's; a January line for a
    December incident is next year's.
    """
    if anchor.month == 1 and month == 12:
        return anchor.year - 1
    if anchor.month == 12 and month == 1:
        return anchor.year + 1
    return anchor.year


def epoch_time(value: float) -> datetime:
    """Epoch seconds, millis, micros or nanos (told apart by magnitude) → aware UTC."""
    v = abs(value)
    if v >= 1e17:
        value /= 1e9
    elif v >= 1e14:
        value /= 1e6
    elif v >= 1e11:
        value /= 1e3
    return datetime.fromtimestamp(value, UTC)


LEVELS = {
    "trace": "debug",
    "debug": "debug",
    "dbg": "debug",
    "d": "debug",
    "info": "info",
    "information": "info",
    "notice": "info",
    "i": "info",
    "warn": "warning",
    "warning": "warning",
    "w": "warning",
    "err": "error",
    "error": "error",
    "e": "error",
    "crit": "critical",
    "critical": "critical",
    "fatal": "critical",
    "f": "critical",
    "panic": "critical",
    "alert": "critical",
    "emerg": "critical",
    "emergency": "critical",
    "severe": "error",
}


def normalise_level(word: object) -> str | None:
    """Any usual level spelling (`WARN`, `E`, `fatal`, 40...) → debug/info/warning/error/critical."""
    if word is None:
        return None
    if isinstance(word, int | float):  # pino/bunyan numeric levels
        n = int(word)
        return (
            "debug"
            if n <= 20
            else "info"
            if n <= 30
            else "warning"
            if n <= 40
            else "error"
            if n <= 50
            else "critical"
        )
    return LEVELS.get(str(word).strip().lower())
