"""Aggregated access logs: per-10-second buckets instead of one record per request.

A bucket is one `Evidence(kind="log")` at the bucket's start with attrs::

    {"bucket": True, "bucket_seconds": 10, "requests": n, "2xx": n, "3xx": n, "4xx": n,
     "5xx": n, "p50_ms": float | None, "p90_ms": ..., "p99_ms": ..., "max_ms": ...}

(latencies are None when the log has no request time). The window's edges are rounded out
to whole buckets (a bucket is in when its start lies in [window start rounded down, end]).
A few failing requests are also
kept as ordinary per-request evidence (`attrs["sample"] = True`), so a reader sees what failed.

Counting is done on whole chunks by `pm_tui.collectors.logs.access_fast_scan` (the fast path) or line by
line; both feed the same `AccessAggregator`, whose state (per-bucket status counts and exact
request-time histograms) merges without loss, so a file read in several ranges at once
(`pm_tui.collectors.logs.access_range`) gives the same buckets as one read straight through.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import datetime, timedelta
from itertools import accumulate

from pm_tui.collectors.evidence import Evidence
from pm_tui.collectors.logs.access_fast_scan import BUCKET, sorted_latencies

_CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


def _percentiles(hist: Counter, qs: tuple[float, ...]) -> list[float | None]:
    """Quantiles (in ms) of a histogram {request time key: count} (keys: see `rt_seconds`)."""
    if not hist:
        return [None] * len(qs)
    keys, seconds = sorted_latencies(hist)
    cum = list(accumulate(map(hist.__getitem__, keys)))
    total = cum[-1]
    return [
        round(seconds[keys[bisect_right(cum, min(total - 1, int(q * total)))]] * 1000, 3)
        for q in qs
    ]


class AccessAggregator:
    """Accumulates requests into 10-second buckets and keeps a few failing requests as samples.

    Samples are taken in the order offered: at most `samples_per_bucket` per bucket and
    `max_samples` in all. Buckets starting before `hold_before` are never closed here but kept
    raw (`raw`), for a later merge with the range that read the lines before them.
    """

    def __init__(self, source: str, max_samples: int = 200, samples_per_bucket: int = 3):
        self.source = source
        self.open: dict[datetime, list[Counter]] = {}
        self.done: dict[datetime, dict] = {}
        self.raw: dict[datetime, list[Counter]] = {}
        self.hold_before: datetime | None = None
        self.samples: list[Evidence] = []
        self.sampled: Counter = Counter()
        self.max_samples = max_samples
        self.samples_per_bucket = samples_per_bucket

    def add(self, start: datetime, classes: Counter, latencies: Counter) -> None:
        """Add a run of requests in the bucket starting at `start`.

        `latencies` counts request times: float seconds, or reversed bytes (`rt_seconds`).
        """
        b = self.open.get(start)
        if b is None:
            if len(self.open) > 32:
                self.flush(before=start - timedelta(minutes=2))
            b = self.open[start] = [Counter(), Counter()]
        b[0].update(classes)
        b[1].update(latencies)

    def want_sample(self, start: datetime) -> bool:
        """True while samples are still wanted for this bucket."""
        return (
            len(self.samples) < self.max_samples and self.sampled[start] < self.samples_per_bucket
        )

    def add_sample(self, start: datetime, ev: Evidence) -> None:
        """Keep `ev` as a sample of the bucket at `start` (the caller asked `want_sample`)."""
        self.samples.append(ev)
        self.sampled[start] += 1

    def offer_samples(self, samples: list[Evidence]) -> None:
        """Take samples found elsewhere (another range), in order, under this one's limits."""
        for ev in samples:
            start = bucket_start(ev.time)
            if self.want_sample(start):
                self.add_sample(start, ev)

    def flush(self, before: datetime | None = None) -> None:
        """Close the buckets that start before `before` (all when None)."""
        for start in [s for s in self.open if before is None or s < before]:
            classes, lat = self.open.pop(start)
            if self.hold_before is not None and start < self.hold_before:
                self._keep_raw(start, classes, lat)
            else:
                self._close(start, classes, lat)

    def release(self) -> tuple[dict[datetime, dict], dict[datetime, list[Counter]]]:
        """Closed buckets and every bucket still open or held (raw), for `merge_raw`."""
        for start, (classes, lat) in self.open.items():
            self._keep_raw(start, classes, lat)
        self.open = {}
        return self.done, self.raw

    def merge_raw(self, done: dict[datetime, dict], raw: dict[datetime, list[Counter]]) -> None:
        """Add what another range's aggregator `release`d (raw buckets merge exactly)."""
        for start, attrs in done.items():
            self._store(start, attrs)
        for start, (classes, lat) in raw.items():
            b = self.open.setdefault(start, [Counter(), Counter()])
            b[0].update(classes)
            b[1].update(lat)

    def _keep_raw(self, start: datetime, classes: Counter, lat: Counter) -> None:
        b = self.raw.setdefault(start, [Counter(), Counter()])
        b[0].update(classes)
        b[1].update(lat)

    def _close(self, start: datetime, classes: Counter, lat: Counter) -> None:
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
        self._store(start, attrs)

    def _store(self, start: datetime, attrs: dict) -> None:
        prev = self.done.get(start)
        if prev is not None:  # a late line reopened a closed bucket: merge, percentiles approx.
            attrs = dict(attrs)
            for k in ("requests", *_CLASSES):
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
