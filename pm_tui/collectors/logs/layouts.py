"""Timestamps where real systems put them: a small set of composable layouts, searched in the
first part of a line, learned from a file's first lines.

A layout is a date form, a joiner and a clock form (plus fraction and zone), or an epoch
number; each compiles to one regex searched (not anchored) in the head of the line, so a
file-name prefix, a pid or a host before the time costs nothing. `learn_layouts` ranks the
layouts by the sample lines each wins (when a line carries two times, the more precise one
wins, and an epoch column wins a tie against a local time); `TimeFinder` tries only those,
the one that matched last first (move-to-front), so a line usually costs one regex.

A time without a year takes the year of the incident window (`year_for`); a time without an
offset is in the source's zone (`--tz`, evidence.toml), UTC by default.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from pm_tui.collectors.logs.timestamps import ABBREVIATIONS, MONTHS, fraction, year_for

HEAD = 160  # a time further into a line than this is part of the message
EPOCH_FIRST = 10**9  # 2001-09-09: epoch seconds before this are not taken for times
EPOCH_LAST = 2_200_000_000  # 2039-09

_MON = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DOW = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? )"
_CLOCK = r"(?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d):(?P<S>[0-5]\d|60)"
_FRAC = r"(?:[.,:](?P<f>\d{1,9}))?"
_ZONE = (
    r"(?:\s?(?P<z>Z|[+-](?:[01]\d|2[0-4]):?[0-5]\d|UTC|GMT|"
    + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w]))?"
)
_END = r"(?![\d])"
# a table's date column and its time column (`09/03/2026 | 14:40:59`, `2026-03-17,14:03:22`)
_COLUMNS = r"\s*[|;,\t]\s*"

# (name, regex): named groups Y (4 digits), y (2 digits), m (month number), mon (month name),
# d, H, M, S, f (fraction digits), z (zone), e (epoch digits). Order is the tie-break order.
_FORMS: list[tuple[str, str]] = [
    # 2026-12-06T10:00:00.123+01:00, 2026/12/06 10:00:00, 2026-12-06 10:00:00,123
    (
        "ymd",
        r"(?<!\d)(?P<Y>\d{4})(?P<s1>[-/.])(?P<m>[01]\d)(?P=s1)(?P<d>[0-3]\d)(?:T| {1,2}|"
        + _COLUMNS
        + ")"
        + _CLOCK
        + _FRAC
        + _ZONE,
    ),
    # 2026-12-06-10.00.00.123456 (DB2, BGL), 2026.12.06-10.00.00:123 (Unreal Engine's
    # `[2026.12.06-10.00.00:123][412]LogNet: ...`, a game server's log)
    (
        "ymd-dots",
        r"(?<!\d)(?P<Y>\d{4})(?P<s1>[-.])(?P<m>[01]\d)(?P=s1)(?P<d>[0-3]\d)-(?P<H>[01]\d|2[0-3])\.(?P<M>[0-5]\d)\.(?P<S>[0-5]\d)"
        + _FRAC
        + _END,
    ),
    # 20261206-10:00:00:123 and 20261206 10:00:00.123
    (
        "ymd-compact",
        r"(?<!\d)(?P<Y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)[-T ]" + _CLOCK + _FRAC + _ZONE,
    ),
    # 06/Dec/2026:10:00:00 +0100 (Common Log Format), 06-Dec-2026 10:00:00.123
    (
        "d-mon-y",
        r"(?<!\d)(?P<d>[0-3]?\d)[-/ ]" + _MON + r"[-/ ](?P<Y>\d{4})[: ]" + _CLOCK + _FRAC + _ZONE,
    ),
    # Sun Dec 06 10:00:00.123 2026 (Apache error log, ctime), Dec 6 10:00:00 2026
    (
        "mon-d-clock-y",
        _DOW + r"?" + _MON + r" +(?P<d>[0-3]?\d) " + _CLOCK + _FRAC + r" (?P<Y>\d{4})" + _END,
    ),
    # Dec 6 2026 10:00:00, Dec 06, 2026 10:00:00 AM is left to --time-format
    (
        "mon-d-y-clock",
        _DOW + r"?" + _MON + r" +(?P<d>[0-3]?\d),? (?P<Y>\d{4}) " + _CLOCK + _FRAC + _ZONE,
    ),
    # Dec  6 10:00:00 (syslog RFC 3164: no year)
    (
        "mon-d-clock",
        r"(?<![\w])" + _DOW + r"?" + _MON + r" +(?P<d>[0-3]?\d) " + _CLOCK + _FRAC + _ZONE,
    ),
    # 26/12/06 10:00:00 (two-digit year first, Spark/Hadoop)
    ("yy/mm/dd", r"(?<![\d/])(?P<y>\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d) " + _CLOCK + _FRAC + _END),
    # 261206 100000 (yymmdd hhmmss, HDFS)
    (
        "yymmdd-hhmmss",
        r"(?<![\d])(?P<y>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d) (?P<H>[01]\d|2[0-3])(?P<M>[0-5]\d)(?P<S>[0-5]\d)"
        + _END,
    ),
    # 261206 10:00:00 and 261206  9:05:03 (yymmdd, MySQL 5.5 pads the hour with a space)
    (
        "yymmdd-clock",
        r"(?<![\d])(?P<y>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d) +(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d):(?P<S>[0-5]\d)"
        + _FRAC
        + _END,
    ),
    # 12-06 10:00:00.123 (Android logcat), [12.06 10:00:00] (Proxifier): no year
    ("mm-dd", r"(?<![\d.:/-])(?P<m>[01]\d)[-.](?P<d>[0-3]\d) " + _CLOCK + _FRAC + _END),
    # 12/06/2026 10:00:00 (month first, as US tools write it)
    (
        "mdy",
        r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<Y>\d{4})(?:[ :]|"
        + _COLUMNS
        + ")"
        + _CLOCK
        + _FRAC
        + _ZONE,
    ),
    # epoch seconds (10 digits), milliseconds (13), micro (16) or nanoseconds (19); a colon
    # after it ends a field only before a space (Mosquitto's `1773297687: Client c1 ...`), not
    # a port or a clock (`1773297687:8080`)
    (
        "epoch",
        r"(?<![\w.:/-])(?P<e>1\d{9}(?:\d{3}){0,3})(?:\.(?P<f>\d{1,9}))?"
        r"(?![\w/-]|:(?!\s)|\.\d+\.)",
    ),
]
_RANK = {name: i for i, (name, _) in enumerate(_FORMS)}


@dataclass
class Layout:
    """One way a time is written: a name and the compiled regex that finds it."""

    name: str
    rx: re.Pattern

    def find(self, line: str, limit: int = HEAD) -> re.Match | None:
        """The first place in the head of `line` where this layout reads a time."""
        return self.rx.search(line, 0, limit)


LAYOUTS = [Layout(name, re.compile(rx)) for name, rx in _FORMS]


@dataclass
class TimeContext:
    """What a bare time needs: the incident time (for a missing year), the year if known,
    and the zone of times written without an offset."""

    anchor: datetime
    year: int | None = None
    tz: tzinfo = UTC


_cache: dict[tuple, datetime] = {}


def _zone(z: str | None, default: tzinfo) -> tzinfo:
    from pm_tui.collectors.logs.timestamps import parse_offset

    if not z:
        return default
    return parse_offset(z)


def match_time(m: re.Match, ctx: TimeContext, with_fraction: bool = True) -> datetime | None:
    """The aware UTC time a layout's match reads (None when the digits are no real date);
    `with_fraction=False` leaves the fraction of a second out."""
    g = m.groupdict()
    e = g.get("e")
    if e is not None:
        digits = len(e)
        seconds = int(e[:10])
        if not EPOCH_FIRST <= seconds <= EPOCH_LAST:
            return None
        t = datetime.fromtimestamp(seconds, UTC)
        sub = e[10:] or g.get("f") or ""
        return t + fraction(sub) if sub and digits <= 19 and with_fraction else t
    f = g.get("f")
    key = (m.re.pattern, g.get("Y"), g.get("y"), g.get("m"), g.get("mon"), g.get("d"),
           g["H"], g["M"], g["S"], g.get("z"), ctx.tz, ctx.year, ctx.anchor.year)  # fmt: skip
    base = _cache.get(key)
    if base is None:
        month = int(g["m"]) if g.get("m") else MONTHS[g["mon"][:3]]
        day = int(g["d"])
        if g.get("Y"):
            year = int(g["Y"])
        elif g.get("y"):
            yy = int(g["y"])
            year = 2000 + yy if yy < 70 else 1900 + yy
        else:
            year = ctx.year or year_for(month, day, ctx.anchor)
        second = min(int(g["S"]), 59)
        try:
            naive = datetime(year, month, day, int(g["H"]), int(g["M"]), second)
        except ValueError:  # February 30th: digits that only look like a date
            return None
        base = naive.replace(tzinfo=_zone(g.get("z"), ctx.tz)).astimezone(UTC)
        if len(_cache) > 20_000:  # a few MB: it outlives the collection (#18 memory bound)
            _cache.clear()
        _cache[key] = base
    return base + fraction(f) if f and with_fraction else base


def _precision(m: re.Match) -> int:
    g = m.groupdict()
    if g.get("e") is not None:
        return len(g["e"]) - 10 or len(g.get("f") or "")
    return len(g.get("f") or "")


def best_match(line: str, layouts: list[Layout], ctx: TimeContext, limit: int = HEAD):
    """The layout reading the best time in `line`: the most precise; on a tie an epoch, then
    the earliest in the line. Returns (layout, match, time) or None."""
    found = []
    for layout in layouts:
        m = layout.find(line, limit)
        if m is None:
            continue
        t = match_time(m, ctx)
        if t is None:
            continue
        found.append((layout, m, t))
    if not found:
        return None
    epochs = [f for f in found if f[0].name == "epoch"]
    others = [f for f in found if f[0].name != "epoch"]
    if epochs and others and abs(epochs[0][2] - others[0][2]) > _SAME_EVENT:
        found = others  # a number that only looks like an epoch: the written time wins
    return max(found, key=_rank)


# an epoch column and a local time written on the same line differ by the zone at most
_SAME_EVENT = timedelta(hours=26)


def _rank(f: tuple) -> tuple:
    layout, m, _ = f
    has_year = bool(m.groupdict().get("Y") or m.groupdict().get("y") or layout.name == "epoch")
    return (_precision(m), layout.name == "epoch", has_year, -m.start(), -_RANK[layout.name])


@dataclass
class Learned:
    """The layouts a file's sample uses, best first, and how far into a line its time starts."""

    layouts: list[Layout]
    reach: int  # a time starting later than this in a line is not this file's time
    at_start: int = 0  # sample lines whose time opens the line
    lines: int = 0  # sample lines with a time


_OPENING = re.compile(r"^(?:<\d{1,3}>|\[|\s)*$")


def at_line_start(learned: Learned) -> bool:
    """True when most sample lines open with their time (formats anchored there read them)."""
    return learned.at_start * 2 >= learned.lines


def learn_layouts(sample: list[str], ctx: TimeContext) -> Learned:
    """Which layouts this file writes its times in, from its first lines."""
    wins: dict[str, int] = {}
    starts: list[int] = []
    at_start = 0
    for line in sample:
        found = best_match(line, LAYOUTS, ctx)
        if found is None:
            continue
        layout, m, _ = found
        wins[layout.name] = wins.get(layout.name, 0) + 1
        starts.append(m.start())
        at_start += bool(_OPENING.match(line[: m.start()]))
    ranked = sorted(wins, key=lambda n: (-wins[n], _RANK[n]))
    reach = min(HEAD, max(starts) + 24) if starts else 0
    by_name = {lay.name: lay for lay in LAYOUTS}
    return Learned([by_name[n] for n in ranked], reach, at_start, len(starts))


class TimeFinder:
    """Finds a line's time with the learned layouts, the last one that matched tried first.

    Times are cached by the text that wrote them (without the fraction): a log has many lines
    per second, so most lines cost a regex and a dict lookup. The level's place after the
    time is learned too (`level`), so most lines check one token, not five."""

    def __init__(self, learned: Learned, ctx: TimeContext):
        self.layouts = list(learned.layouts)
        self.reach = learned.reach
        self.ctx = ctx
        self._seen: dict[str, datetime | None] = {}
        self._slot: int | None = None  # the token after the time that held the level
        self._slot_hits = 0

    def find(self, line: str) -> tuple[datetime, int, int] | None:
        """(time, start, end) of the time in `line`, or None (a continuation, or no time)."""
        layouts = self.layouts
        limit = min(len(line), self.reach + 40)
        for i, layout in enumerate(layouts):
            m = layout.rx.search(line, 0, limit)
            if m is None or m.start() > self.reach:
                continue
            t = self._time(m)
            if t is None:
                continue
            if i:
                layouts.insert(0, layouts.pop(i))
            return t, m.start(), m.end()
        return None

    def _time(self, m: re.Match) -> datetime | None:
        groups = m.re.groupindex
        if "e" in groups:  # epoch digits: the seconds cached, the rest a fraction
            e = m.group("e")
            base = self._seen.get(e[:10], _UNSEEN)
            if base is _UNSEEN:
                base = match_time(m, self.ctx, with_fraction=False)
                self._seen[e[:10]] = base
            if base is None:
                return None
            sub = e[10:] or m.group("f")
            return base + fraction(sub) if sub else base
        f = m.group("f") if "f" in groups else None
        key = m.string[m.start() : m.start("f") - 1] if f else m.group(0)
        base = self._seen.get(key, _UNSEEN)
        if base is _UNSEEN:
            base = match_time(m, self.ctx, with_fraction=False)
            if len(self._seen) > 50_000:
                self._seen.clear()
            self._seen[key] = base
        if base is None:
            return None
        return base + fraction(f) if f else base

    def level(self, line: str, start: int, end: int) -> str | None:
        """`level_near`, trying first the token where this file's levels were found."""
        slot = self._slot
        if slot is not None and slot >= 0:
            rest = line[end : end + 120]
            tokens = rest.split(None, slot + 1)
            if len(tokens) > slot:
                found = _token_level(tokens[slot], slot, rest)
                if found:
                    return found
        level, at = _level_scan(line, start, end)
        if level is not None:
            if at == self._slot:
                self._slot_hits += 1
            elif self._slot_hits <= 1:
                self._slot, self._slot_hits = at, 1
        return level


_UNSEEN = object()


def strptime_layout(fmt: str) -> Callable[[str, TimeContext], tuple[datetime, int, int] | None]:
    """A finder for `--time-format` (strptime directives): the escape hatch for a layout the
    set above does not know. The text it matches is handed to `datetime.strptime`."""
    pieces = {
        "%Y": r"\d{4}", "%y": r"\d\d", "%m": r"\d{1,2}", "%d": r"\d{1,2}", "%e": r" ?\d{1,2}",
        "%H": r"\d{1,2}", "%I": r"\d{1,2}", "%M": r"\d\d", "%S": r"\d\d", "%f": r"\d{1,6}",
        "%b": r"[A-Za-z]{3}", "%B": r"[A-Za-z]+", "%a": r"[A-Za-z]{3}", "%A": r"[A-Za-z]+",
        "%p": r"[AaPp][Mm]", "%z": r"(?:Z|[+-]\d\d:?\d\d)", "%Z": r"[A-Z]{2,5}", "%j": r"\d{3}",
        "%s": r"\d{9,10}", "%%": "%", "%T": r"\d\d:\d\d:\d\d",
    }  # fmt: skip
    rx, i = "", 0
    while i < len(fmt):
        two = fmt[i : i + 2]
        if two in pieces:
            rx += pieces[two]
            i += 2
        else:
            rx += re.escape(fmt[i])
            i += 1
    compiled = re.compile(rx)
    py_fmt = fmt.replace("%e", "%d").replace("%T", "%H:%M:%S")

    def find(line: str, ctx: TimeContext) -> tuple[datetime, int, int] | None:
        m = compiled.search(line, 0, HEAD * 2)
        if m is None:
            return None
        text = m.group(0)
        try:
            if "%s" in fmt:
                return datetime.fromtimestamp(int(text), UTC), m.start(), m.end()
            t = datetime.strptime(text.replace("  ", " ") if "%e" in fmt else text, py_fmt)
        except ValueError:
            return None
        if "%Y" not in fmt and "%y" not in fmt:
            t = t.replace(year=ctx.year or year_for(t.month, t.day, ctx.anchor))
        if t.tzinfo is None:
            t = t.replace(tzinfo=ctx.tz)
        return t.astimezone(UTC), m.start(), m.end()

    return find


def check_time_format(fmt: str) -> str:
    """`fmt` if it is a usable strptime format with a day and a time; else ValueError."""
    if "%" not in fmt or not any(d in fmt for d in ("%H", "%I", "%T", "%s")):
        raise ValueError(f"--time-format {fmt!r} has no hour (%H): give a strptime format")
    return fmt


ONE_DAY = timedelta(days=1)


# --- the level written beside the time -----------------------------------------------------
_LEVEL_UPPER = frozenset(
    "TRACE DEBUG DBG INFO NOTICE WARN WARNING ERROR ERR CRIT CRITICAL FATAL PANIC SEVERE ALERT "
    "EMERG EMERGENCY LOG VERBOSE FINE FINER FINEST DPANIC".split()
)
_LEVEL_LETTERS = frozenset("VDIWEF")
_BRACKETS = {"[": "]", "<": ">", "(": ")"}
_MARKERS = {"*": "info", "#": "warning", ".": "debug"}  # Redis: * notice, # warning, . debug
_PREFIX_LEVEL = re.compile(r"(?:^|[\s\]])([VDIWEF]),? \[?$|^([IWEF])$")
# after a tag, the level the message opens with: syslog's `error:`, Unreal Engine's verbosity
# after its category (`LogNet: Warning: ...`, `LogOnline: Error: ...`), klog's header
_MESSAGE_LEVEL = re.compile(
    r"^(?:(error|fatal|warning|warn|panic|Error|Fatal|Warning):|([IWEF])\d{4} \d\d:\d\d:\d\d)"
)
TOKENS_AFTER_TIME = 5


def level_near(line: str, start: int, end: int) -> str | None:
    """The level a line writes beside its time (`INFO`, `[warn]`, `<err>`, `Info  `, logcat's
    `I`, Rails' `E, [`, Redis' `#`, syslog's `error:` after the tag), never a word of the
    message; None when the line has none. `start`/`end` delimit the time in the line."""
    return _level_scan(line, start, end)[0]


def _level_scan(line: str, start: int, end: int) -> tuple[str | None, int | None]:
    """The level and where it was: -1 before the time, n for the n-th token after it,
    -2 in the message after a tag; (None, None) when there is none."""
    from pm_tui.collectors.logs.timestamps import normalise_level

    before = line[max(0, start - 8) : start]
    if before:
        m = _PREFIX_LEVEL.search(before)
        if m:
            return normalise_level(m.group(1) or m.group(2)), -1
    rest = line[end : end + 120]
    tokens = rest.split(None, TOKENS_AFTER_TIME)[:TOKENS_AFTER_TIME]
    for n, raw in enumerate(tokens):
        token = raw.strip(",|")
        if not token:
            continue
        found = _token_level(raw, n, rest)
        if found:
            return found, n
        if token[0] in _BRACKETS or "=" in token:
            continue
        if token.endswith(":") and not token[:-1].isdigit() and token[:-1] not in _LEVEL_UPPER:
            # a tag (`sshd[812]:`, `kernel:`): the message starts next; only a level it
            # opens with (`error: ...`) or an embedded klog header counts
            after = rest.split(raw, 1)[1].lstrip() if raw in rest else ""
            mm = _MESSAGE_LEVEL.match(after)
            if mm:
                return normalise_level(mm.group(1) or mm.group(2)), -2
            return None, None
    return None, None


def _token_level(raw: str, n: int, rest: str) -> str | None:
    """The level one token after the time writes, if it is one (see `level_near`)."""
    from pm_tui.collectors.logs.timestamps import normalise_level

    token = raw.strip(",|")
    if not token:
        return None
    if n == 0 and token in _MARKERS:
        return _MARKERS[token]
    closing = _BRACKETS.get(token[0])
    if closing:
        bare = token.rstrip(":")
        if not bare.endswith(closing):
            return None
        inner = bare[1:-1].strip().rpartition(":")[2]  # [proxy:error]
        return normalise_level(inner) if inner and not inner.isdigit() else None
    if "=" in token:
        key, _, value = token.partition("=")
        return normalise_level(value.strip('"')) if key in ("level", "lvl", "severity") else None
    word = token.rstrip(":")
    if word in _LEVEL_UPPER:
        return normalise_level(word)
    if len(word) == 1 and word in _LEVEL_LETTERS and (token == raw or raw.endswith(":")):
        return normalise_level(word)
    if len(token) > 2 and token[0] in _LEVEL_LETTERS and token[1] == "/":  # logcat W/Tag
        return normalise_level(token[0])
    if word[:1].isupper() and word[1:].islower() and _spaced_after(rest, raw):
        return normalise_level(word)
    return None


def _spaced_after(rest: str, raw: str) -> bool:
    """A capitalised word counts as a level only when a column follows it (`Info   CBS`)."""
    at = rest.find(raw)
    tail = rest[at + len(raw) : at + len(raw) + 2]
    return tail in ("  ", "\t") or tail[:1] == "\t" or raw.endswith((":", ","))
