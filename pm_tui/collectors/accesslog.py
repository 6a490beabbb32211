"""Aggregated access logs: per-10-second buckets instead of one record per request.

A bucket is one `Evidence(kind="log")` at the bucket's start with attrs::

    {"bucket": True, "bucket_seconds": 10, "requests": n, "2xx": n, "3xx": n, "4xx": n,
     "5xx": n, "p50_ms": float | None, "p90_ms": ..., "p99_ms": ..., "max_ms": ...}

(latencies are None when the log has no request time). The window's edges are rounded out
to whole buckets (a bucket is in when its start lies in [window start rounded down, end]).
A few failing requests are also
kept as ordinary per-request evidence (`attrs["sample"] = True`), so a reader sees what failed.

The fast path works on whole chunks of bytes with a handful of C-speed scans (status codes,
reversed request times, bucket boundaries found by `bytes.find`), never a Python loop per
line. A chunk that is not clean (a line that does not parse, out-of-order seconds) goes
through the per-line parser instead, so the fast path never changes a result.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta

from pm_tui.collectors.evidence import Evidence
from pm_tui.collectors.logtime import clf_time

BUCKET = timedelta(seconds=10)
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NOT_2XX = re.compile(rb'" ([1345])\d\d (?:\d|-)')
_RT_LAST = re.compile(rb'" (\d+(?:\.\d+)?)\n')  # the last field, right after the user agent
_RT_KEY = re.compile(rb"\b(?:rt|request_time|rtime)=(\d+(?:\.\d+)?)")
_STAMP = re.compile(rb"\[(\d\d/\w\w\w/\d{4}:\d\d:\d\d:\d)\d ([+-]\d{4})\]")


def _percentiles(hist: Counter, qs: tuple[float, ...]) -> list[float | None]:
    """Quantiles (in ms) of a histogram {seconds (str, bytes or float): count}."""
    if not hist:
        return [None] * len(qs)
    merged: Counter = Counter()
    for k, c in hist.items():
        merged[float(k)] += c
    values = sorted(merged.items())
    total = sum(merged.values())
    out: list[float | None] = []
    for q in qs:
        rank = min(total - 1, int(q * total))
        seen = 0
        for v, c in values:
            seen += c
            if seen > rank:
                out.append(round(v * 1000, 3))
                break
    return out


class AccessAggregator:
    """Accumulates requests into 10-second buckets and keeps a few failing requests as samples."""

    def __init__(self, source: str, max_samples: int = 200, samples_per_bucket: int = 3):
        self.source = source
        self.open: dict[datetime, list] = {}
        self.done: dict[datetime, dict] = {}
        self.samples: list[Evidence] = []
        self.max_samples = max_samples
        self.samples_per_bucket = samples_per_bucket

    def add(self, start: datetime, classes: Counter, latencies: Counter) -> None:
        """Add a run of requests in the bucket starting at `start`.

        `latencies` counts request times in seconds (float, or the log's own str/bytes).
        """
        b = self.open.get(start)
        if b is None:
            if len(self.open) > 32:
                self.flush(before=start - timedelta(minutes=2))
            b = self.open[start] = [Counter(), Counter(), 0]
        b[0].update(classes)
        b[1].update(latencies)

    def want_sample(self, start: datetime) -> bool:
        """True while samples are still wanted for this bucket."""
        b = self.open.get(start)
        return len(self.samples) < self.max_samples and (
            b is None or b[2] < self.samples_per_bucket
        )

    def add_sample(self, start: datetime, ev: Evidence) -> None:
        self.samples.append(ev)
        b = self.open.get(start)
        if b is not None:
            b[2] += 1

    def flush(self, before: datetime | None = None) -> None:
        """Close the buckets that start before `before` (all when None)."""
        for start in [s for s in self.open if before is None or s < before]:
            classes, lat, _ = self.open.pop(start)
            p50, p90, p99, pmax = _percentiles(lat, (0.5, 0.9, 0.99, 1.0))
            attrs = {
                "bucket": True,
                "bucket_seconds": int(BUCKET.total_seconds()),
                "requests": sum(classes.values()),
                **{f"{c}xx": classes.get(c, 0) for c in "12345"},
                "p50_ms": p50,
                "p90_ms": p90,
                "p99_ms": p99,
                "max_ms": pmax,
            }
            prev = self.done.get(start)
            if prev is not None:  # a late line reopened a closed bucket: merge, percentiles approx.
                for k in ("requests", "1xx", "2xx", "3xx", "4xx", "5xx"):
                    attrs[k] += prev[k]
                for k in ("p50_ms", "p90_ms", "p99_ms", "max_ms"):
                    attrs[k] = max((v for v in (attrs[k], prev[k]) if v is not None), default=None)
            self.done[start] = attrs

    def evidence(self) -> list[Evidence]:
        """All buckets and samples as Evidence, in time order."""
        self.flush()
        out = [
            Evidence(
                time=start,
                source=self.source,
                kind="log",
                text=(
                    f"{a['requests']} requests, {a['5xx']} 5xx, {a['4xx']} 4xx"
                    + (
                        f", p50 {a['p50_ms']} ms, p99 {a['p99_ms']} ms"
                        if a["p50_ms"] is not None
                        else ""
                    )
                ),
                attrs=a,
            )
            for start, a in self.done.items()
        ]
        out.extend(self.samples)
        out.sort(key=lambda e: e.time)
        return out


def bucket_start(t: datetime) -> datetime:
    """The start of the 10-second bucket holding `t`."""
    return t.replace(second=t.second - t.second % 10, microsecond=0)


def _key_for(start_local: datetime, step: int) -> bytes:
    t = start_local + timedelta(seconds=10 * step)
    return b"[%02d/%s/%04d:%02d:%02d:%d" % (
        t.day,
        _MONTH_NAMES[t.month - 1].encode(),
        t.year,
        t.hour,
        t.minute,
        t.second // 10,
    )


def scan_chunk(chunk: bytes, variant: str) -> list[tuple[datetime, Counter, Counter, bytes]] | None:
    """Split a clean chunk (whole lines) into per-bucket runs, or None if it is not clean.

    Each run is (bucket start UTC, status-class counts, a histogram of request times in
    seconds as the log wrote them, the run's bytes). Counting equal request-time strings
    (C speed) instead of converting every one to float is what makes this path fast.
    """
    if variant == "last":
        lat = _RT_LAST.findall(chunk)
    elif variant == "key":
        lat = _RT_KEY.findall(chunk)
    else:
        lat = []
    first = _STAMP.search(chunk)
    last = _STAMP.search(chunk, chunk.rfind(b"\n", 0, len(chunk) - 1) + 1)
    if first is None or last is None or first.group(2) != last.group(2):
        return None
    tz = first.group(2)
    t_first = clf_time((first.group(1) + b"0 " + tz).decode())
    t_last = clf_time((last.group(1) + b"0 " + tz).decode())
    if t_last < t_first:
        return None
    offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * (-1 if tz[:1] == b"-" else 1)
    local_first = t_first + offset
    steps = int((t_last - t_first) / timedelta(seconds=10))
    runs = []
    pos = 0
    line_idx = 0
    for step in range(steps + 1):
        if step < steps:
            key = _key_for(local_first, step + 1)
            hit = chunk.find(key, pos)
            end = len(chunk) if hit < 0 else chunk.rfind(b"\n", 0, hit) + 1
        else:
            end = len(chunk)
        if end < pos:
            return None
        seg = chunk[pos:end]
        if not seg:
            continue
        key = _key_for(local_first, step)
        n = seg.count(b"\n")
        if seg.count(key) != n:
            return None  # out-of-order lines: let the per-line parser sort them out
        classes = Counter({k.decode(): v for k, v in Counter(_NOT_2XX.findall(seg)).items()})
        classes["2"] = n - sum(classes.values())
        hist = Counter(lat[line_idx : line_idx + n]) if variant != "none" else Counter()
        runs.append((t_first + BUCKET * step, classes, hist, seg))
        line_idx += n
        pos = end
    if variant != "none" and len(lat) != line_idx:
        return None  # some line has no request time where the others do
    return runs


_5XX = re.compile(rb'" 5\d\d (?:\d|-)')


def error_lines(seg: bytes, limit: int) -> list[bytes]:
    """Up to `limit` lines with a 5xx status in a run of access-log lines."""
    out = []
    for m in _5XX.finditer(seg):
        start = seg.rfind(b"\n", 0, m.start()) + 1
        end = seg.find(b"\n", m.end())
        out.append(seg[start : len(seg) if end < 0 else end])
        if len(out) >= limit:
            break
    return out
