"""Log line formats: detect a file's format from a sample, then parse lines fast.

Each format is one precompiled regex plus a small function turning a match into
`(time, level, message, attrs)`. `LineParser` tries the formats that matched a sample of the
file and moves the one that matched last to the front, so a line usually costs one regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timezone

from pm_tui.collectors.logs.json_lines import (
    LEVEL_KEYS,
    MSG_KEYS,
    TIME_KEYS,
    decode_object,
    fields_record,
)
from pm_tui.collectors.logs.timestamps import (
    MONTHS,
    clf_time,
    epoch_time,
    iso_time,
    learn_zulu,
    normalise_level,
    parse_offset,
    year_for,
    yearless_time,
    zulu_time,
)

Parsed = tuple[datetime, str | None, str, dict]

_ISO = r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:[.,](\d{1,9}))?\s?(Z|[+-]\d\d:?\d\d|UTC)?"
_LEVEL_WORD = re.compile(
    r"\b(TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|ERR|CRIT(?:ICAL)?|FATAL|PANIC|SEVERE"
    r"|trace|debug|info|warn(?:ing)?|error|fatal|critical)\b"
)

_LEADING_LEVEL = re.compile(r"^\[?(" + _LEVEL_WORD.pattern[2:-2] + r")\]?:?\s+")

ACCESS_RX = re.compile(
    r'^(\S+) \S+ (\S+) \[([^\]]+)\] "([^"]*)" (\d{3}) (\d+|-)'
    r'(?: "([^"]*)" "([^"]*)")?(.*)$'
)
_REQUEST_TIME = re.compile(r"(?:^\s*|\b(?:rt|request_time|rtime)=)(\d+(?:\.\d+)?)\s*(?:\s|$)")


@dataclass
class Context:
    """What a parser needs besides the line: the incident time (for yearless formats)."""

    anchor: datetime
    year: int | None = None
    tz: timezone = UTC


def _guess_level(text: str) -> str | None:
    m = _LEVEL_WORD.search(text, 0, 120)
    return normalise_level(m.group(1)) if m else None


def _access(m: re.Match, ctx: Context) -> Parsed:
    ip, user, stamp, request, status, size, referer, agent, tail = m.groups()
    parts = request.split(" ")
    attrs: dict = {"status": int(status), "bytes": 0 if size == "-" else int(size), "client_ip": ip}
    if len(parts) >= 2:
        attrs["method"], attrs["path"] = parts[0], parts[1]
    if agent is not None:
        attrs["user_agent"] = agent
        attrs["referer"] = referer
    if tail:
        rt = _REQUEST_TIME.search(tail)
        if rt:
            attrs["duration_ms"] = round(float(rt.group(1)) * 1000, 3)
    level = "error" if status[0] == "5" else "warning" if status[0] == "4" else "info"
    return clf_time(stamp), level, f"{request} {status}", attrs


_TIME_KEYS, _LEVEL_KEYS, _MSG_KEYS = TIME_KEYS, LEVEL_KEYS, MSG_KEYS
_ISO_FULL = re.compile("^" + _ISO + "$")


def value_time(value: object, ctx: Context) -> datetime | None:
    """A JSON/logfmt time value (ISO string, epoch number of any unit) → aware UTC."""
    if isinstance(value, str):
        t = zulu_time(value)
        if t is not None:
            return t
        text = value.strip()
        m = _ISO_FULL.match(text)
        if m:
            date, clock, frac, tz = m.groups()
            try:
                t = iso_time(date, clock, frac, tz, default=ctx.tz)
            except ValueError:  # 24:00:00, 23:59:60, February 30th: not a time we can place
                return None
            if tz == "Z":
                learn_zulu(text, date, clock)
            return t
        try:
            return epoch_time(float(value))
        except (ValueError, OverflowError, OSError):
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return epoch_time(float(value))
        except (ValueError, OverflowError, OSError):  # NaN, or far beyond any log's years
            return None
    return None


def _from_fields(fields: dict, ctx: Context) -> Parsed | None:
    t = None
    for k in _TIME_KEYS:
        if k in fields:
            t = value_time(fields[k], ctx)
            if t:
                break
    if t is None:
        return None
    return t, *fields_record(fields)


def _json(m: re.Match, ctx: Context) -> Parsed | None:
    try:
        fields = decode_object(m.string)
    except ValueError:
        return None
    return _from_fields(fields, ctx) if isinstance(fields, dict) else None


_LOGFMT_PAIR = re.compile(r'([\w.@-]+)=("(?:[^"\\]|\\.)*"|\S*)')


def _logfmt(m: re.Match, ctx: Context) -> Parsed | None:
    fields = {}
    for k, v in _LOGFMT_PAIR.findall(m.string):
        if v.startswith('"'):
            v = v[1:-1].replace('\\"', '"')
        fields[k] = v
    return _from_fields(fields, ctx)


def _iso_prefix(m: re.Match, ctx: Context) -> Parsed:
    date, clock, frac, tz, rest = m.groups()
    t = iso_time(date, clock, frac, tz, ctx.tz)
    lead = _LEADING_LEVEL.match(rest)
    if lead:
        return t, normalise_level(lead.group(1)), rest[lead.end() :], {}
    return t, _guess_level(rest), rest, {}


def _kubectl(m: re.Match, ctx: Context) -> Parsed:
    """`kubectl logs --timestamps`: RFC 3339 prefix, then whatever the container wrote."""
    date, clock, frac, tz, rest = m.groups()
    t = iso_time(date, clock, frac, tz, ctx.tz)
    if rest.startswith("{"):
        try:
            inner = decode_object(rest)
        except ValueError:
            inner = None
        if isinstance(inner, dict):
            level = None
            for k in _LEVEL_KEYS:
                if k in inner:
                    level = normalise_level(inner[k])
                    break
            msg = rest
            for k in _MSG_KEYS:
                if k in inner:
                    msg = str(inner[k])
                    break
            return t, level, msg, {}
    lead = _LEADING_LEVEL.match(rest)
    if lead:
        return t, normalise_level(lead.group(1)), rest[lead.end() :], {}
    return t, _guess_level(rest), rest, {}


def _python(m: re.Match, ctx: Context) -> Parsed:
    date, clock, frac, level, name, msg = m.groups()
    attrs = {"logger": name} if name else {}
    return iso_time(date, clock, frac, None, ctx.tz), normalise_level(level), msg, attrs


def _klog(m: re.Match, ctx: Context) -> Parsed:
    sev, month, day, clock, frac, _pid, where, msg = m.groups()
    mo, d = int(month), int(day)
    year = ctx.year or year_for(mo, d, ctx.anchor)
    t = yearless_time(mo, d, clock, frac, year, ctx.tz)
    return t, normalise_level(sev), msg, {"source_file": where}


def _syslog3164(m: re.Match, ctx: Context) -> Parsed:
    pri, mon, day, clock, host, tag, msg = m.groups()
    mo, d = MONTHS[mon], int(day)
    year = ctx.year or year_for(mo, d, ctx.anchor)
    level = _pri_level(pri) or _guess_level(msg)
    return yearless_time(mo, d, clock, None, year, ctx.tz), level, msg, {"host": host, "app": tag}


def _syslog5424(m: re.Match, ctx: Context) -> Parsed | None:
    pri, stamp, host, app, _proc, _msgid, _sd, msg = m.groups()
    if stamp == "-":
        return None
    mi = _ISO_FULL.match(stamp)
    if not mi:
        return None
    t = iso_time(*mi.groups(), default=ctx.tz)
    return t, _pri_level(pri), msg or "", {"host": host, "app": app}


def _pri_level(pri: str | None) -> str | None:
    if not pri:
        return None
    sev = int(pri) % 8
    return (
        "critical"
        if sev <= 2
        else "error"
        if sev == 3
        else "warning"
        if sev == 4
        else "debug"
        if sev == 7
        else "info"
    )


@dataclass
class LineFormat:
    """One log format: a name, its regex, and the function turning a match into a record."""

    name: str
    rx: re.Pattern
    build: Callable[[re.Match, Context], Parsed | None]
    per_line: bool  # each line is a record: lines that don't match are unparsed, not continuations


FORMATS = [
    LineFormat("access", ACCESS_RX, _access, True),
    LineFormat("json", re.compile(r"^\s*\{"), _json, True),
    LineFormat(
        "syslog5424",
        re.compile(r"^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|\[.*?\]) ?(.*)$"),
        _syslog5424,
        False,
    ),
    LineFormat(
        "syslog3164",
        re.compile(
            r"^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) ([ \d]?\d) (\d\d:\d\d:\d\d) (\S+) ([^:\[\s]+(?:\[\d+\])?):? ?(.*)$"
        ),
        _syslog3164,
        False,
    ),
    LineFormat(
        "python",
        re.compile(
            r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})\s+(?:-\s+)?"
            r"(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+(?:-\s+)?(?:([\w.]+):\s)?(.*)$"
        ),
        _python,
        False,
    ),
    LineFormat(
        "klog",
        re.compile(r"^([IWEF])(\d\d)(\d\d) (\d\d:\d\d:\d\d)\.(\d{6})\s+(\d+) ([^\]]+)\] (.*)$"),
        _klog,
        False,
    ),
    LineFormat(
        "kubectl",
        re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) (.*)$"),
        _kubectl,
        False,
    ),
    LineFormat(
        "logfmt", re.compile(r"^(?=.*\b(?:ts|time|timestamp|t)=)\w[\w.]*=\S"), _logfmt, True
    ),
    LineFormat("iso", re.compile(r"^\[?" + _ISO + r"\]?\s*(.*)$"), _iso_prefix, False),
]


class LineParser:
    """Parses lines with the formats a sample matched, most recently successful first."""

    def __init__(self, formats: list[LineFormat], ctx: Context):
        self.formats = list(formats)
        self.ctx = ctx
        self.per_line = bool(formats) and formats[0].per_line

    @property
    def name(self) -> str:
        return self.formats[0].name if self.formats else "unknown"

    def parse(self, line: str) -> Parsed | None:
        """A record from `line`, or None when no format matches (continuation or garbage)."""
        formats = self.formats
        for i, fmt in enumerate(formats):
            m = fmt.rx.match(line)
            if m is None:
                continue
            rec = fmt.build(m, self.ctx)
            if rec is None:
                continue
            if i:
                formats.insert(0, formats.pop(i))
            return rec
        return None


def detect(sample: list[str], ctx: Context) -> LineParser:
    """Rank the formats by how many sample lines each parses; keep those that parse any."""
    scores = []
    for order, fmt in enumerate(FORMATS):
        hits = 0
        for line in sample:
            m = fmt.rx.match(line)
            if m is not None and fmt.build(m, ctx) is not None:
                hits += 1
        if hits:
            scores.append((-hits, order, fmt))
    scores.sort(key=lambda s: (s[0], s[1]))
    return LineParser([f for _, _, f in scores], ctx)


def looks_like_continuation(line: str) -> bool:
    """Stack-trace and wrapped lines: indented, `Traceback`, `Caused by:`, `at ...`."""
    return (
        line[:1] in (" ", "\t")
        or line.startswith(
            ("Traceback", "Caused by", "During handling", "The above exception", "...")
        )
        or bool(_EXC_LINE.match(line))
    )


_EXC_LINE = re.compile(r"^[\w.]+(?:Error|Exception|Warning|Exit|Interrupt)\b(?::|$)")


def request_time_variant(sample: list[str]) -> str:
    """How an access log carries request time: 'last' field, 'key' (rt=...), or 'none'."""
    last = key = 0
    for line in sample:
        m = ACCESS_RX.match(line)
        if not m or not m.group(9):
            continue
        tail = m.group(9)
        if re.fullmatch(r"\s+\d+(?:\.\d+)?\s*", tail):
            last += 1
        elif _REQUEST_TIME.search(tail):
            key += 1
    return "last" if last and last >= key else "key" if key else "none"


def offset_of(tz: str | None) -> timezone:
    """Public helper: a `--tz` style offset string → timezone (UTC when empty)."""
    return parse_offset(tz)
