"""Log line formats: detect a file's format from a sample, then parse lines fast.

Each format is one precompiled regex plus a small function turning a match into
`(time, level, message, attrs)`. `LineParser` tries the formats that matched a sample of the
file and moves the one that matched last to the front, so a line usually costs one regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from pm_tui.collectors.logs import w3c
from pm_tui.collectors.logs.json_lines import (
    LEVEL_KEYS,
    MSG_KEYS,
    TIME_KEYS,
    decode_object,
    fields_record,
)
from pm_tui.collectors.logs.layouts import (
    TimeContext,
    TimeFinder,
    at_line_start,
    learn_layouts,
    level_near,
    strptime_layout,
)
from pm_tui.collectors.logs.timestamps import (
    ISO,
    ISO_FULL,
    MONTHS,
    clf_time,
    iso_time,
    machine_time,
    normalise_level,
    status_level,
    status_phrase,
    year_for,
    yearless_time,
)

Parsed = tuple[datetime, str | None, str, dict]

_ISO = ISO  # timestamps.py: the one ISO 8601 layout
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
class Context(TimeContext):
    """What a parser needs besides the line: the incident time (for yearless formats), the
    zone of times without an offset, and the layouts learned from the file's first lines
    (`finder`, set by `detect`) or the person's `--time-format`."""

    finder: TimeFinder | None = None
    time_format: str | None = None
    time_finder: Callable | None = None
    # the span whose records are kept: outside it only a line's time is read (no level)
    keep_from: datetime | None = None
    keep_to: datetime | None = None
    # the W3C extended format's columns (`#Fields`), learned by `detect`, renewed by directives
    w3c: object = None


def _guess_level(text: str) -> str | None:
    """The level written first in `text` (what follows a time): never a word of the message."""
    return level_near(text, 0, 0)


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
_ISO_FULL = ISO_FULL


def value_time(value: object, ctx: Context) -> datetime | None:
    """A JSON/logfmt time value (ISO string, epoch number of any unit) → aware UTC
    (`timestamps.machine_time`, times without an offset in the file's zone)."""
    return machine_time(value, ctx.tz)


def _from_fields(fields: dict, ctx: Context) -> Parsed | None:
    t = None
    for k in _TIME_KEYS:
        if k in fields:
            t = machine_time(fields[k], ctx.tz)
            if t:
                break
    if t is None:
        t = _named_time(fields, ctx)
    if t is None:
        return None
    return t, *fields_record(fields)


# a top-level field whose name says it holds a time (`started_at`, `receivedAt`, `logged`):
# where a record has none of the usual time keys, its time sits there
_TIME_NAME = re.compile(
    r"(?:^|[_.\-@]|(?<=[a-z])(?=[A-Z]))(?:at|time|timestamp|ts|date|datetime|started|start|"
    r"received|logged|created|occurred|emitted|recorded|when)$",
    re.I,
)


def _named_time(fields: dict, ctx: Context) -> datetime | None:
    for k, v in fields.items():
        if isinstance(v, str | int | float) and not isinstance(v, bool) and _TIME_NAME.search(k):
            t = machine_time(v, ctx.tz)
            if t is not None and t.year >= 2000:  # not a count or a duration
                return t
    return None


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
    """glog/klog (`I0819 06:00:37.000000 1 server.cc:818] msg`), also behind the one name a
    log shipper or `stern` puts before each line (a pod's, a host's)."""
    prefix, sev, month, day, clock, frac, _pid, where, msg = m.groups()
    mo, d = int(month), int(day)
    year = ctx.year or year_for(mo, d, ctx.anchor)
    t = yearless_time(mo, d, clock, frac, year, ctx.tz)
    attrs = {"source_file": where} | ({"prefix": prefix} if prefix else {})
    return t, normalise_level(sev), msg, attrs


def _syslog3164(m: re.Match, ctx: Context) -> Parsed:
    pri, mon, day, clock, host, tag, msg = m.groups()
    mo, d = MONTHS[mon], int(day)
    year = ctx.year or year_for(mo, d, ctx.anchor)
    level = _pri_level(pri) or message_level(msg)
    return yearless_time(mo, d, clock, None, year, ctx.tz), level, msg, {"host": host, "app": tag}


def _cri(m: re.Match, ctx: Context) -> Parsed:
    """CRI (containerd, CRI-O): RFC 3339 time, stream, F/P tag, then what the container wrote."""
    date, clock, frac, tz, stream, rest = m.groups()
    t = iso_time(date, clock, frac, tz, ctx.tz)
    level = None
    if rest.startswith("{"):
        try:
            inner = decode_object(rest)
        except ValueError:
            inner = None
        if isinstance(inner, dict):
            for k in _LEVEL_KEYS:
                if k in inner:
                    return t, normalise_level(inner[k]), rest, {"stream": stream}
    level = level_near(rest, 0, 0)
    if level is None and ctx.finder is not None:  # the container's own time, then its level
        found = ctx.finder.find(rest)
        if found is not None:
            level = level_near(rest, found[1], found[2])
    return t, level, rest, {"stream": stream}


def _w3c(m: re.Match, ctx: Context) -> Parsed | None:
    """A row of the W3C extended log format (CloudFront, IIS): see w3c.py."""
    line = m.string
    if line.startswith("#"):
        if ctx.w3c is not None:
            ctx.w3c = w3c.directive(line, ctx.w3c)
        return None
    if ctx.w3c is None or not ctx.w3c.fields:
        return None
    return w3c.read_row(line, ctx.w3c, ctx.tz)


def _layout(m: re.Match, ctx: Context) -> Parsed | None:
    """Any line whose time one of the learned layouts finds in its head (see layouts.py)."""
    line = m.string
    finder = ctx.finder
    if finder is None:
        return None
    found = finder.find(line)
    if found is None:
        return None
    t, start, end = found
    if ctx.keep_from is not None and not ctx.keep_from <= t <= ctx.keep_to:
        return t, None, "", {}  # outside the window only the time counts
    return t, finder.level(line, start, end), line[end:].lstrip(" ,]|:-") or line, {}


def _strptime(m: re.Match, ctx: Context) -> Parsed | None:
    """A line read with the person's `--time-format`."""
    found = ctx.time_finder(m.string, ctx) if ctx.time_finder else None
    if found is None:
        return None
    t, start, end = found
    line = m.string
    return t, level_near(line, start, end), line[end:].lstrip(" ,]|:-") or line, {}


# An HTTP request line inside any log line (HAProxy, Envoy, a proxy behind syslog): the status
# written right after the quoted request (Common Log Format, Envoy) or after HAProxy's timers
# before it. Such a line is read as the access layout reads it: `GET /path 504`, an error for 5xx.
_HTTP_REQUEST = re.compile(
    r'"(?P<method>GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE) (?P<path>[^\s"?]+)'
    r'[^\s"]* HTTP/[\d.]+"(?: (?P<after>[1-5]\d\d)\b(?P<detail> [A-Z]{2,3}(?:,[A-Z]{2,3})*)?)?'
)
_HAPROXY_STATUS = re.compile(r"(?:^|\s)(?:-?\d+/){3,4}\+?-?\d+ (?P<status>[1-5]\d\d) ")


def http_line(text: str) -> tuple[str, str, dict] | None:
    """(level, message, attrs) of a log line carrying an HTTP request and its status, else None."""
    if "HTTP/" not in text:
        return None
    m = _HTTP_REQUEST.search(text)
    if m is None:
        return None
    status = m.group("after")
    if status is None:
        h = _HAPROXY_STATUS.search(text, 0, m.start())
        if h is None:
            return None
        status = h.group("status")
    code = int(status)
    level = status_level(code)
    # the reason phrase keeps statuses apart once templates mask the numbers (a steady 503 on
    # one path is not the 504s starting on another)
    message = f"{m.group('method')} {m.group('path')} {status} {status_phrase(code)}".rstrip()
    message += m.group("detail") or ""
    return level, message, {"status": code, "method": m.group("method"), "path": m.group("path")}


# A network device's message code (Cisco IOS/NX-OS/ASA, Arista EOS): %FACILITY-SEVERITY-MNEMONIC,
# the severity a syslog digit (`%BGP-3-NOTIFICATION`: an error, `%LINK-5-CHANGED`: a notice, `%ASA-4-106023`)
_DEVICE_CODE = re.compile(r"(?:^|[\s:])%[A-Z][A-Z0-9_]*-([0-7])-[A-Z0-9][A-Z0-9_]*:")


def message_level(msg: str) -> str | None:
    """A level a syslog message opens with (`error: ...`, an embedded klog `E0209 ...`), or
    the severity of a network device's message code (`%BGP-3-NOTIFICATION:`, error)."""
    found = level_near("x: " + msg, 0, 0)
    if found is None and "%" in msg[:80]:
        code = _DEVICE_CODE.search(msg[:80])
        if code is not None:
            found = _pri_level(code.group(1))
    return found


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


# `kubectl logs -l app=x --prefix` (and `--all-containers`): each line led by the pod and
# container it came from, `[pod/emqx-0/emqx] `, then whatever the container wrote (JSON, a
# timestamped line with `--timestamps`, any layout below); the pod is kept as `pod`
_PREFIXED_INNER = ("json", "kubectl", "cri", "logfmt", "klog", "python", "iso")


def _prefixed(m: re.Match, ctx: Context) -> Parsed | None:
    kind_name, rest = m.group(1), m.group(2)
    for fmt in FORMATS:
        if fmt.name not in _PREFIXED_INNER:
            continue
        inner = fmt.rx.match(rest)
        rec = fmt.build(inner, ctx) if inner is not None else None
        if rec is not None:
            t, level, msg, attrs = rec
            parts = kind_name.split("/")
            return (
                t,
                level,
                msg,
                {**attrs, "pod": parts[1], **({"container": parts[2]} if len(parts) > 2 else {})},
            )
    return None


@dataclass
class LineFormat:
    """One log format: a name, its regex, and the function turning a match into a record."""

    name: str
    rx: re.Pattern
    build: Callable[[re.Match, Context], Parsed | None]
    per_line: bool  # each line is a record: lines that don't match are unparsed, not continuations


FORMATS = [
    LineFormat("access", ACCESS_RX, _access, True),
    LineFormat("w3c", re.compile(""), _w3c, True),
    LineFormat("json", re.compile(r"^\s*\{"), _json, True),
    LineFormat(
        "kubectl-prefix",
        re.compile(
            r"^\[((?:pod|deployment|statefulset|daemonset|job|replicaset)/[^\]\s]+)\] (.*)$"
        ),
        _prefixed,
        False,
    ),
    LineFormat(
        "syslog5424",
        re.compile(r"^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|\[.*?\]) ?(.*)$"),
        _syslog5424,
        False,
    ),
    LineFormat(
        "syslog3164",
        re.compile(
            r"^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) ([ \d]?\d) (\d\d:\d\d:\d\d) (\S+) +([^:\[\s]+(?:\[\d+\])?):? ?(.*)$"
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
        re.compile(
            r"^(?:\[?([\w.\-/:]+)\]? +)?"
            r"([IWEF])(\d\d)(\d\d) (\d\d:\d\d:\d\d)\.(\d{6})\s+(\d+) ([^\]]+)\] (.*)$"
        ),
        _klog,
        False,
    ),
    LineFormat(
        "cri",
        re.compile(
            r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) "
            r"(stdout|stderr) [FP] (.*)$"
        ),
        _cri,
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
    LineFormat("layout", re.compile(""), _layout, False),
]
_LAYOUT = FORMATS[-1]
_STRPTIME = LineFormat("time-format", re.compile(""), _strptime, False)
# formats that keep their place even when the layouts find a time later in the line: the
# structured ones, and RFC 5424 syslog, whose header has exactly one time
_STRUCTURED = ("access", "w3c", "json", "logfmt", "syslog5424")


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


# a clock (`06:00:37`), an epoch number or a JSON object: where a log's timed lines may begin
_TIMED_LOOK = re.compile(r"\d:[0-5]\d|\b1\d{9}|^\s*\{")


# of the lines after a timed line, this many must hold a time too for times to begin there
_TIMED_AHEAD = 20


def skip_banner(lines: list[str]) -> list[str]:
    """`lines` from where times begin: a server's start-up banner (a table of the models it
    loaded, an ASCII logo), a configuration dump (`addr = 10.0.0.1:8080`) or a stack trace
    before its first timed line is no reason to give up. Times begin at the first line in
    which a layout reads a time and after which a quarter of the next lines hold one too (a
    clock-like port or an epoch-like size in a dump is no log's time)."""
    from pm_tui.collectors.logs.layouts import LAYOUTS, best_match

    ctx = Context(anchor=datetime.now(UTC))
    looks = [bool(_TIMED_LOOK.search(line)) for line in lines]
    timed: dict[int, bool] = {}

    def has_time(i: int) -> bool:
        if i not in timed:
            timed[i] = looks[i] and best_match(lines[i], LAYOUTS, ctx) is not None
        return timed[i]

    for i in range(len(lines)):
        if not has_time(i):
            continue
        ahead = range(i + 1, min(len(lines), i + 1 + _TIMED_AHEAD))
        if not ahead or sum(has_time(j) for j in ahead) * 4 >= len(ahead):
            return lines[i:]
    for i, look in enumerate(looks):
        if look:
            return lines[i:]
    return lines


def detect(sample: list[str], ctx: Context) -> LineParser:
    """Rank the formats by how many sample lines each parses; keep those that parse any.

    The layouts (layouts.py) are learned from the sample first. When the time they find is
    not at the start of most lines (an epoch column, a more precise time further in, a
    file-name prefix), they rank before the formats anchored at the line start.
    """
    if ctx.time_format:
        ctx.time_finder = strptime_layout(ctx.time_format)
        return LineParser([_STRPTIME], ctx)
    ctx.w3c = w3c.learn(sample)
    learned = learn_layouts(sample, ctx)
    ctx.finder = TimeFinder(learned, ctx)
    inner = not at_line_start(learned)
    scores = []
    for order, fmt in enumerate(FORMATS):
        if fmt is _LAYOUT and inner:
            order = len(FORMATS) - 0.5  # after the structured formats, before the others
        elif inner and fmt.name not in _STRUCTURED:
            order += len(FORMATS)
        hits = 0
        for line in sample:
            m = fmt.rx.match(line)
            if m is not None and fmt.build(m, ctx) is not None:
                hits += 1
        if hits:
            scores.append((-hits, order, fmt))
    scores.sort(key=lambda s: (s[0], s[1]))
    formats = [f for _, _, f in scores]
    best = -scores[0][0] if scores else 0
    structured = [f for hits, _, f in scores if f.per_line and -hits * 2 >= best]
    if structured:
        formats = structured + [f for f in formats if f not in structured]
    if formats and formats[0].per_line:
        # a structured file is read by its structure: a line that does not fit it is
        # unparsed, not read by the layouts
        formats = [f for f in formats if f is not _LAYOUT]
    return LineParser(formats, ctx)


def times_and_levels(
    lines: list[str],
    *,
    tz: str | tzinfo = "UTC",
    year: int | None = None,
    name: str = "",
    anchor: datetime | None = None,
    time_format: str | None = None,
) -> list[tuple[datetime | None, str | None]]:
    """(time, level) of each line as the log reader reads it (None, None for a continuation
    or a line without a time): what bench/score_logformats.py scores."""
    from pm_tui.collectors.logs.timestamps import zone_named

    zone = zone_named(tz) if isinstance(tz, str) else tz
    when = anchor or datetime(year or datetime.now(UTC).year, 7, 1, tzinfo=UTC)
    ctx = Context(anchor=when, year=year, tz=zone, time_format=time_format)
    parser = detect([ln for ln in lines[:200] if ln.strip()], ctx)
    out: list[tuple[datetime | None, str | None]] = []
    for line in lines:
        rec = parser.parse(line) if line.strip() else None
        out.append((rec[0], rec[1]) if rec else (None, None))
    return out


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


def offset_of(tz: str | None) -> tzinfo:
    """Public helper: a `--tz` value (an IANA zone like Europe/Berlin, or an offset like
    +01:00) → tzinfo (UTC when empty). ValueError for an unknown zone."""
    from pm_tui.collectors.logs.timestamps import zone_named

    return zone_named(tz or "UTC")
