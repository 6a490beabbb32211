"""The W3C Extended Log File Format: Amazon CloudFront standard logs, Microsoft IIS, and the
other tools that write a `#Fields:` directive before their rows.

A file opens with directives (`#Version: 1.0`, `#Software`, `#Date`, `#Fields: date time
c-ip cs-method ...`), then one row per request whose columns follow the `#Fields` line,
separated by tabs (CloudFront) or spaces (IIS, which writes a space inside a value as `+`).
A row's time is its `date` and `time` columns (or `time` on the `#Date` directive's day),
UTC as the format says, unless a `#Time Format: Local` directive says the file's zone.
Its level follows the HTTP status (`sc-status`) as for every access log: 5xx error, 4xx
warning, else info; its text reads `GET /path 504 Gateway Timeout`, with CloudFront's edge
result (`OriginReadTimeout`, `Miss`) after it. A later `#Fields` line (IIS after a restart)
replaces the columns from there on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from urllib.parse import unquote

from pm_tui.collectors.logs.timestamps import iso_time, status_level, status_phrase

_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_CLOCK = re.compile(r"^(\d\d:\d\d(?::\d\d)?)(?:\.(\d{1,9}))?$")
# (attribute, the fields that carry it, first found wins)
_ATTRS = (
    ("client_ip", ("c-ip",)),
    ("host", ("cs(Host)", "x-host-header", "cs-host", "s-sitename")),
    ("query", ("cs-uri-query",)),
    ("user_agent", ("cs(User-Agent)",)),
    ("referer", ("cs(Referer)",)),
    ("edge_location", ("x-edge-location",)),
    ("edge_result", ("x-edge-result-type",)),
    ("edge_detail", ("x-edge-detailed-result-type",)),
    ("substatus", ("sc-substatus",)),
)


_SPACED = {"user_agent", "referer"}


@dataclass
class W3CLayout:
    """The columns of the rows that follow a `#Fields` directive, and the directives' day and
    zone (for files whose rows carry only a time)."""

    fields: list[str]
    index: dict[str, int] = field(default_factory=dict)
    day: str | None = None  # `#Date: 2026-09-24 13:00:00`: the day of rows without a date
    day_clock: str = ""
    local: bool = False  # `#Time Format: Local` (Windows Firewall): times in the file's zone

    def __post_init__(self) -> None:
        self.index = {name.lower(): i for i, name in enumerate(self.fields)}

    def column(self, parts: list[str], name: str) -> str:
        i = self.index.get(name.lower())
        if i is None or i >= len(parts):
            return ""
        value = parts[i]
        return "" if value == "-" else value


def directive(line: str, layout: W3CLayout | None) -> W3CLayout | None:
    """The layout after a `#...` directive line (`#Fields` starts a new one)."""
    name, _, value = line[1:].partition(":")
    name, value = name.strip().lower(), value.strip()
    if name == "fields":
        fresh = W3CLayout(value.split())
        if layout is not None:
            fresh.day, fresh.day_clock, fresh.local = layout.day, layout.day_clock, layout.local
        return fresh if fresh.fields else layout
    if layout is None:
        layout = W3CLayout([])
    if name == "date":
        day, _, clock = value.partition(" ")
        if _DATE.match(day):
            layout.day, layout.day_clock = day, clock.strip()
    elif name == "time format":
        layout.local = value.lower().startswith("local")
    return layout


def learn(sample: list[str]) -> W3CLayout | None:
    """The layout of the first `#Fields` directive in a file's first lines, else None."""
    layout = None
    for line in sample:
        if line.startswith("#"):
            layout = directive(line, layout)
            if layout is not None and layout.fields:
                return layout
    return None


def row_time(layout: W3CLayout, parts: list[str], default: tzinfo) -> datetime | None:
    """A row's time from its date and time columns (UTC unless the file says local)."""
    clock = layout.column(parts, "time")
    day = layout.column(parts, "date")
    if not day:
        day = layout.day or ""
        if day and clock and layout.day_clock and clock < layout.day_clock[: len(clock)]:
            nxt = datetime.fromisoformat(day) + timedelta(days=1)  # the rows went past midnight
            day = nxt.date().isoformat()
    m = _CLOCK.match(clock)
    if not _DATE.match(day) or m is None:
        return None
    hms = m.group(1) if m.group(1).count(":") == 2 else m.group(1) + ":00"
    try:
        return iso_time(day, hms, m.group(2), None, default if layout.local else UTC)
    except ValueError:
        return None


def read_row(
    line: str, layout: W3CLayout, default: tzinfo
) -> tuple[datetime, str | None, str, dict] | None:
    """(time, level, message, attrs) of one data row, None when it is no row of this layout."""
    parts = line.split("\t") if "\t" in line else line.split(" ")
    if len(parts) < len(layout.fields) or len(parts) > len(layout.fields) + 1:
        return None
    t = row_time(layout, parts, default)
    if t is None:
        return None
    attrs: dict = {}
    for name, sources in _ATTRS:
        for source in sources:
            value = layout.column(parts, source)
            if value:
                attrs[name] = _readable(value, name in _SPACED)
                break
    method = layout.column(parts, "cs-method")
    path = _readable(layout.column(parts, "cs-uri-stem"))
    status = layout.column(parts, "sc-status")
    sent = layout.column(parts, "sc-bytes")
    if sent.isdigit():
        attrs["bytes"] = int(sent)
    taken = layout.column(parts, "time-taken")
    try:  # CloudFront writes seconds (0.011), IIS milliseconds (15)
        attrs["duration_ms"] = round(float(taken) * (1000 if "." in taken else 1), 3)
    except ValueError:
        pass
    if method:
        attrs["method"] = method
    if path:
        attrs["path"] = path
    if len(status) == 3 and status.isdigit():
        code = int(status)
        attrs["status"] = code
        level = status_level(code)
        message = " ".join(p for p in (method, path, status, status_phrase(code)) if p)
        result = attrs.get("edge_detail") or attrs.get("edge_result")
        if result:
            message += f" ({result})"
        return t, level, message, attrs
    # no HTTP status (a firewall's or a mail server's rows): the row's own columns, readable
    skip = {layout.index.get("date"), layout.index.get("time")}
    text = " ".join(_readable(p) for i, p in enumerate(parts) if i not in skip and p != "-")
    return t, None, text or line, attrs


def _readable(value: str, spaced: bool = False) -> str:
    """A value as written for the W3C format (`Mozilla/5.0%20(...)`; IIS writes a space in a
    user agent or a referer as `+`)."""
    if "%" in value:
        value = unquote(value)
    return value.replace("+", " ") if spaced else value
