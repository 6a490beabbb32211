"""Machine timestamps, in log lines and in every collector's data: aware UTC datetimes.

`machine_time` is the one definition of a machine timestamp (RFC 3339 / ISO 8601 text or an
epoch number); `pm_tui.collectors.common.parse_time` is it raising ValueError. The layouts
of log lines (`layouts.py`) build on the pieces here.

Parsed times are cached by their second-resolution text (a log has few distinct seconds
and many lines per second), so most lines cost a dict lookup, not a datetime construction.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

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


# "417" -> 417 ms: a dict lookup costs less than building a timedelta. Up to milliseconds
# only (at most 1,110 keys); finer fractions are nearly all distinct.
_fractions: dict[str, timedelta] = {}


def fraction(digits: str) -> timedelta:
    """Fractional-second digits as written (`417`, `417123456`) → a timedelta (to the µs)."""
    step = _fractions.get(digits)
    if step is None:
        step = timedelta(microseconds=int((digits + "00000")[:6]))
        if 0 < len(digits) <= 3 and digits.isdecimal():  # zulu_time trusts what is cached
            _fractions[digits] = step
    return step


# zone abbreviations logs write after a time (PostgreSQL's %t, date(1)); ambiguous ones
# (CST, IST, BST) are left to --tz
ABBREVIATIONS = {
    "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "WET": 0, "WEST": 60, "MSK": 180,
    "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780, "UT": 0,
}  # fmt: skip


def parse_offset(tz: str | None, default: tzinfo = UTC) -> tzinfo:
    """`Z`, `+05:30`, `-0800`, `UTC`, `CEST` or None → a fixed-offset timezone (default when None)."""
    if not tz or tz in ("Z", "z", "UTC", "GMT"):
        return UTC if tz else default
    if tz[0] not in "+-":
        minutes = ABBREVIATIONS.get(tz)
        return default if minutes is None else timezone(timedelta(minutes=minutes))
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return timezone(sign * timedelta(minutes=minutes))


def zone_named(name: str) -> tzinfo:
    """`--tz` and evidence.toml's `tz`: an IANA zone (Europe/Berlin), UTC, or an offset
    (+01:00, -0800). ValueError with a line saying what to give otherwise."""
    text = name.strip()
    if text.upper() in ("", "UTC", "Z", "GMT"):
        return UTC
    if text[0] in "+-" and text[1:].replace(":", "").isdigit() and len(text) in (3, 5, 6):
        return parse_offset(text)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}: give an IANA name (Europe/Berlin) or an offset (+01:00)"
        ) from None


def iso_time(
    date: str, clock: str, frac: str | None, tz: str | None, default: tzinfo = UTC
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
        return base + fraction(frac)
    return base


# for text ending in Z: "2025-02-09T10:05:01" -> its UTC time, and "2025-02-09T10:05" -> the
# minute's (a log may have as many distinct seconds as lines, but few minutes)
_zulu: dict[str, datetime] = {}
_zulu_minutes: dict[str, datetime] = {}
_SECONDS = {f"{s:02d}": timedelta(seconds=s) for s in range(60)}


def zulu_time(text: str) -> datetime | None:
    """`2025-02-09T10:05:01[.123]Z` → aware UTC, when that second was seen by `learn_zulu`.

    None for any other shape or an unseen second (then parse the usual way): most JSON logs
    write times this way, and a dict lookup is far cheaper than a regex and a datetime.
    """
    if text[-1:] != "Z":
        return None
    base = _zulu.get(text[:19])
    if base is None:
        minute = _zulu_minutes.get(text[:16])
        if minute is None or text[16:17] != ":":
            return None
        second = _SECONDS.get(text[17:19])
        if second is None:
            return None
        base = minute + second
        if len(_zulu) > 100_000:
            _zulu.clear()
        _zulu[text[:19]] = base
    n = len(text)
    if n == 20:
        return base
    if text[19] not in ".,":
        return None
    frac = text[20:-1]
    step = _fractions.get(frac)
    if step is None:
        # the digits the ISO regex's (?:[.,](\d{1,9})) accepts
        if n > 30 or not frac.isdecimal():
            return None
        step = fraction(frac)
    return base + step


def learn_zulu(text: str, date: str, clock: str) -> None:
    """Remember the minute of `text`, an ISO time the full regex matched with a `Z` offset."""
    if len(_zulu_minutes) > 100_000:
        _zulu_minutes.clear()
    _zulu_minutes[text[:16]] = iso_time(date, clock[:6] + "00", None, "Z")


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
    month: int, day: int, clock: str, frac: str | None, year: int, tz: tzinfo = UTC
) -> datetime:
    """A time without a year (syslog RFC 3164, klog) in `year` → aware UTC."""
    key = ("y", year, month, day, clock, tz)
    base = _cache.get(key)
    if base is None:
        naive = datetime(year, month, day, int(clock[0:2]), int(clock[3:5]), int(clock[6:8]))
        base = _remember(key, naive.replace(tzinfo=tz).astimezone(UTC))
    if frac:
        return base + fraction(frac)
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
    "v": "debug",
    "verbose": "debug",
    "fine": "debug",
    "finer": "debug",
    "finest": "debug",
    "note": "info",
    "system": "info",
    "log": "info",
    "informational": "info",
    "dpanic": "critical",
    "eror": "error",
    "wrn": "warning",
    "inf": "info",
    "crt": "critical",
    "ftl": "critical",
}


_level_words: dict[str, str | None] = {}  # as written ("WARN", "Error") -> normalised


def status_level(code: int) -> str:
    """The level of an HTTP status, for every access log: 5xx error, 4xx warning, else info."""
    return "error" if code >= 500 else "warning" if code >= 400 else "info"


def status_phrase(code: int) -> str:
    """The reason phrase of an HTTP status (`Gateway Timeout`), "" for an unknown code."""
    from http import HTTPStatus

    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return ""


def normalise_level(word: object) -> str | None:
    """Any usual level spelling (`WARN`, `E`, `fatal`, 40...) → debug/info/warning/error/critical."""
    if word is None:
        return None
    if type(word) is str:
        level = _level_words.get(word)
        if level is None and word not in _level_words:
            level = LEVELS.get(word.strip().lower())
            if len(_level_words) < 1_000:
                _level_words[word] = level
        return level
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


# --- one definition of a machine timestamp, for log lines and every collector -------------------
# zone abbreviations longest first, so "CEST" is not read as "CET" and a stray "S"
ZONE_WORDS = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
ISO = (
    r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:[.,](\d{1,9}))?\s?"
    r"(Z|[+-]\d\d:?\d\d|UTC|GMT|(?:" + ZONE_WORDS + r")(?![A-Za-z]))?"
)
ISO_FULL = re.compile("^" + ISO + "$")


def machine_time(value: object, default: tzinfo = UTC) -> datetime | None:
    """A machine timestamp → aware UTC, or None when `value` is not one.

    RFC 3339 / ISO 8601 text (a `T` or a space, seconds, up to nanoseconds, `Z`, an offset,
    UTC/GMT or a zone abbreviation; a time without an offset is in `default`), or an epoch
    number (or its text) in seconds, milliseconds, microseconds or nanoseconds, told apart by
    magnitude. Log lines (JSON and logfmt values) and every collector's times go through
    here; the usual `...Z` shape costs a dict lookup once its minute was seen.
    """
    if isinstance(value, str):
        t = zulu_time(value)
        if t is not None:
            return t
        text = value.strip()
        m = ISO_FULL.match(text)
        if m:
            date, clock, frac, tz = m.groups()
            try:
                t = iso_time(date, clock, frac, tz, default=default)
            except ValueError:  # 24:00:00, 23:59:60, February 30th: not a time we can place
                return None
            if tz == "Z":
                learn_zulu(text, date, clock)
            return t
        try:
            return epoch_time(float(text))
        except (ValueError, OverflowError, OSError):
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return epoch_time(float(value))
        except (ValueError, OverflowError, OSError):  # NaN, or far beyond any log's years
            return None
    return None


def record_time(value: object, default: tzinfo = UTC) -> datetime | None:
    """`machine_time`, and the shorter ISO forms exports write (a date alone, minutes without
    seconds, the basic `20250209T1005`): for API and export records (deploy CSVs...), not log
    lines, where such a text is a message, not a time."""
    t = machine_time(value, default)
    if t is not None or not isinstance(value, str):
        return t
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default)
    return parsed.astimezone(UTC)
