"""The fast path of access-log aggregation: a chunk of whole lines → per-bucket runs.

A chunk is cut into runs of lines sharing one 10-second bucket with `bytes.find` on the
bucket's timestamp prefix; each run is then counted with a few C-speed scans (status
classes, request times) and never a Python loop per line. Every run is checked before it is
trusted: as many lines as timestamps of its bucket, one request time per line, no line
longer than MAX_LINE. A run that fails a check is handed back as *dirty* (`classes is
None`) and the caller parses its lines one by one, so the fast path never changes a result.

Request times of the usual nginx layout (`... "user agent" 0.054`) are found in the chunk
read backwards, where each one follows a newline: one cheap regex attempt per line instead
of one per quote. Their histograms are therefore keyed by the bytes *reversed*
(`b"450.0"`); `rt_seconds` turns a key back into seconds.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from operator import itemgetter
from typing import NamedTuple

from pm_tui.collectors.logs.file_reader import MAX_LINE
from pm_tui.collectors.logs.timestamps import clf_time

BUCKET = timedelta(seconds=10)
_NOT_2XX = re.compile(rb'" ([0134-9])\d\d (?:\d|-)')  # [013-9] is slower in `re`
_5XX = re.compile(rb'" 5\d\d (?:\d|-)')
_RT_LAST_REVERSED = re.compile(rb'\n(\d+(?:\.\d+)?) "')  # `" 0.054\n`, read backwards
_RT_KEY = re.compile(rb"\b(?:rt|request_time|rtime)=(\d+(?:\.\d+)?)")
_STAMP = re.compile(rb"\[(\d\d/\w\w\w/\d{4}:\d\d:\d\d:\d)\d ([+-]\d{4})\]")
_FULL_STAMP = re.compile(rb"\[(\d\d/\w\w\w/\d{4}:\d\d:\d\d:\d\d [+-]\d{4})\]")
_REVERSED = itemgetter(slice(None, None, -1))
_HALF_LINE = MAX_LINE // 2
_CLASS = {str(d).encode(): str(d) for d in range(10)}
_MONTHS = (b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun")
_MONTHS += (b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec")


class Run(NamedTuple):
    """Lines [pos, end) of a chunk in the bucket starting at `start` (UTC).

    `lines` is the number of lines; `classes` counts status classes ("2": n, "5": n...) and
    `latencies` request times (keys: reversed bytes, see `rt_seconds`). A dirty run has
    `classes` None: its lines must be parsed one by one (its `start` is meaningless then).
    """

    start: datetime
    classes: Counter | None
    latencies: Counter
    pos: int
    end: int
    lines: int


_seconds: dict[bytes | float, float] = {}


def rt_seconds(key: bytes | float) -> float:
    """A latency histogram key (reversed bytes from the fast path, or float seconds) → seconds."""
    return key if isinstance(key, float) else float(key[::-1])


def sorted_latencies(hist: Counter) -> tuple[list, dict[bytes | float, float]]:
    """The keys of a latency histogram, fastest first, and a dict of their seconds."""
    try:
        return sorted(hist, key=_seconds.__getitem__), _seconds
    except KeyError:
        if len(_seconds) > 100_000:
            _seconds.clear()
        for k in hist.keys() - _seconds.keys():
            _seconds[k] = rt_seconds(k)
        return sorted(hist, key=_seconds.__getitem__), _seconds


def _next_key(local: datetime) -> bytes:
    t = local + BUCKET
    month = _MONTHS[t.month - 1]
    return b"[%02d/%s/%04d:%02d:%02d:%d" % (t.day, month, t.year, t.hour, t.minute, t.second // 10)


def _long_line_blocks(chunk: bytes) -> list[int]:
    """Starts of the aligned half-MAX_LINE blocks without a newline.

    A line longer than MAX_LINE covers at least one whole such block, so a run that meets none
    of them has no line to cut.
    """
    find = chunk.find
    size = len(chunk)
    return [k for k in range(0, size, _HALF_LINE) if find(b"\n", k, k + _HALF_LINE) < 0]


def _touches(blocks: list[int], pos: int, end: int) -> bool:
    return any(pos < k + _HALF_LINE and k < end for k in blocks)


def _run_end(chunk: bytes, pos: int, key: bytes, next_key: bytes, span: int, last: re.Match) -> int:
    """Where the lines of the bucket at `pos` stop: the line with the next bucket's prefix.

    A gap in the traffic (no line in the next bucket) is walked line by line; the result is a
    guess either way, checked by the caller.
    """
    hit = chunk.find(next_key, pos, pos + span)
    if hit < 0 and last.group(0).startswith(key):
        return len(chunk)  # the chunk's last bucket
    if hit < 0:  # a gap in the traffic, or a burst bigger than `span`
        hit = _other_key(chunk, pos, pos + 2 * span, key)
    if hit < 0:
        hit = chunk.find(next_key, pos)
    if hit < 0:
        hit = _other_key(chunk, pos, len(chunk), key)
    if hit < 0:
        return len(chunk)
    return max(pos, chunk.rfind(b"\n", pos, hit) + 1)


def _other_key(chunk: bytes, pos: int, end: int, key: bytes) -> int:
    for m in _STAMP.finditer(chunk, pos, end):
        if not m.group(0).startswith(key):
            return m.start()
    return -1


def scan_chunk(chunk: bytes, variant: str, total: int | None = None) -> list[Run] | None:
    """Cut a chunk of whole lines into checked per-bucket runs (None: parse every line).

    `variant` is how the log carries request time: "last" field, "key" (rt=...) or "none";
    `total` is the chunk's newlines when the caller counted them already.
    """
    size = len(chunk)
    first = _STAMP.search(chunk)
    last = _STAMP.search(chunk, chunk.rfind(b"\n", 0, size - 1) + 1)
    if first is None or last is None or first.group(2) != last.group(2):
        return None
    tz = first.group(2)
    offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * (-1 if tz[:1] == b"-" else 1)
    tz_text = b"0 " + tz
    if total is None:
        total = chunk.count(b"\n")
    span = max(1 << 18, 4 * size * 10 // max(1, _seconds_between(first, last, tz_text)))
    long_blocks = _long_line_blocks(chunk)
    rev = None
    if variant == "last":
        rev = bytearray(chunk)
        rev.reverse()
    runs: list[Run] = []
    pos = 0
    while pos < size:
        m = _STAMP.search(chunk, pos)
        if m is None:
            runs.append(_dirty(chunk, pos, size))
            break
        key = b"[" + m.group(1)
        t = clf_time((m.group(1) + tz_text).decode())
        end = _run_end(chunk, pos, key, _next_key(t + offset), span, last)
        if end == pos:  # the line at pos is not in this bucket: let the slow path see it
            end = chunk.find(b"\n", pos) + 1
            runs.append(_dirty(chunk, pos, end))
            pos = end
            continue
        runs.append(_run(chunk, rev, variant, t, key, pos, end, long_blocks))
        pos = end
    counted = sum(r.lines for r in runs)
    if counted != total:  # some run has lines without its timestamp: find which ones
        runs = [
            r
            if r.classes is None or chunk.count(b"\n", r.pos, r.end) == r.lines
            else _dirty(chunk, r.pos, r.end)
            for r in runs
        ]
    return runs


def _seconds_between(first: re.Match, last: re.Match, tz_text: bytes) -> int:
    t0 = clf_time((first.group(1) + tz_text).decode())
    t1 = clf_time((last.group(1) + tz_text).decode())
    return max(10, int((t1 - t0).total_seconds()) + 10)


def _dirty(chunk: bytes, pos: int, end: int) -> Run:
    return Run(datetime.min, None, Counter(), pos, end, chunk.count(b"\n", pos, end))


def _run(chunk, rev, variant, t, key, pos, end, long_blocks) -> Run:
    n = chunk.count(key, pos, end)  # lines of this bucket, if each line has its stamp once
    if long_blocks and _touches(long_blocks, pos, end):
        return _dirty(chunk, pos, end)
    if variant == "last":
        size = len(chunk)
        rts = _RT_LAST_REVERSED.findall(rev, size - end, size - pos)
    elif variant == "key":
        rts = list(map(_REVERSED, _RT_KEY.findall(chunk, pos, end)))
    else:
        rts = None
    if rts is not None and len(rts) != n:
        return _dirty(chunk, pos, end)  # a line without (or with two) request times
    others = _NOT_2XX.findall(chunk, pos, end)
    classes = Counter(map(_CLASS.__getitem__, others))
    classes["2"] = n - len(others)
    return Run(t, classes, Counter(rts) if rts else Counter(), pos, end, n)


def first_stamp(chunk: bytes) -> str | None:
    """The first Common Log Format time in a chunk (`09/Feb/2025:10:05:01 +0000`), if any."""
    m = _FULL_STAMP.search(chunk)
    return m.group(1).decode() if m else None


def error_lines(chunk: bytes, pos: int, end: int, limit: int) -> list[bytes]:
    """Up to `limit` lines with a 5xx status among the access-log lines chunk[pos:end]."""
    out = []
    for m in _5XX.finditer(chunk, pos, end):
        start = chunk.rfind(b"\n", 0, m.start()) + 1
        stop = chunk.find(b"\n", m.end(), end)
        out.append(chunk[start : end if stop < 0 else stop])
        if len(out) >= limit:
            break
    return out
