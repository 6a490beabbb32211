"""Prometheus evidence: the api pods' metrics as OpenMetrics, and the alerting rules.

The counters are counted from the very requests the logs are written from, so the
metrics and the logs agree. The OpenMetrics text is what `promtool tsdb
create-blocks-from openmetrics` reads: timestamps in seconds, one block per family,
time increasing within each series, `# EOF` at the end.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, datetime

from . import scenario as sc
from .traffic import Request

BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
CODES = ("200", "201", "404", "500", "503")
POOL_MAX = 30

RULES_YML = """\
# Alerting rules of the api service (the HighErrorRate rule is the rig's, unchanged).
# Loaded together with metrics.om by the test rig, tests/rig/rig.py (see README.md).
groups:
  - name: api-alerts
    interval: 1m
    rules:
      - alert: HighErrorRate
        expr: |
          sum by (job) (rate(http_requests_total{job="api",code=~"5.."}[5m]))
            /
          sum by (job) (rate(http_requests_total{job="api"}[5m])) > 0.05
        for: 5m
        labels:
          severity: page
        annotations:
          summary: "API 5xx ratio above 5% ({{ $value | humanizePercentage }})"
      - alert: DBPoolSaturated
        expr: max by (job) (db_pool_connections_in_use{job="api"}) >= 30
        for: 2m
        labels:
          severity: ticket
        annotations:
          summary: "api database pool at its limit (20 + 10 overflow) on at least one pod"
      - alert: HighLatencyP99
        expr: |
          histogram_quantile(0.99,
            sum by (job, le) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 2
        for: 5m
        labels:
          severity: ticket
        annotations:
          summary: "api p99 latency above 2s ({{ $value | humanizeDuration }})"
"""


def _scrapes(pod: sc.Pod) -> list[int]:
    first = max(
        sc.METRICS_START.timestamp(), pod.start.timestamp() + 5
    )  # scraped once the process is up
    last = min(sc.METRICS_END, pod.end).timestamp()
    t = sc.METRICS_START.timestamp()
    out = []
    while t <= last:
        if t >= first:
            out.append(int(t))
        t += sc.SCRAPE_STEP
    return out


def _pool_in_use(pod: sc.Pod, t: int, rng: random.Random) -> int:
    slow, out = sc.SLOW_QUERIES_START.timestamp(), sc.POOL_EXHAUSTED.timestamp()
    stop, end = pod.stop.timestamp(), pod.end.timestamp()
    if t + sc.SCRAPE_STEP > end:
        return rng.randint(2, 5)  # last scrape before exit: queued requests failed, pool drained
    if t < slow or t >= sc.FLUSH_END.timestamp():
        return rng.randint(1, 5)
    if t < out:
        return min(29, int(8 + 20 * (t - slow) / (out - slow)) + rng.randint(-2, 1))
    if pod.name.startswith(sc.CACHE_RS):
        return rng.randint(14, 26)
    if t >= stop:
        return POOL_MAX
    return POOL_MAX if rng.random() < 0.93 else POOL_MAX - 1


class _Series:
    """Per-pod cumulative counts, sampled at scrape times."""

    def __init__(self, pod: sc.Pod, reqs: list[Request], rng: random.Random) -> None:
        self.pod, self.times = pod, _scrapes(pod)
        self.codes: dict[str, list[int]] = defaultdict(list)
        self.buckets: list[list[int]] = [[] for _ in range(len(BUCKETS) + 1)]
        self.sums: list[float] = []
        before = pod.start < sc.LOG_START  # ran for days: counters did not start at zero
        base = rng.randint(260_000, 330_000) if before else 0
        code_n = {
            "200": int(base * 0.83),
            "201": int(base * 0.14),
            "404": int(base * 0.03),
            "500": base // 950,
            "503": 0,
        }
        shares = (0.36, 0.71, 0.93, 0.985, 0.995, 0.999, 0.9996, 0.9999, 1.0, 1.0)
        bucket_n = [int(sum(code_n.values()) * s) for s in shares]
        total = base * 0.061
        mine = [r for r in reqs if r.pod == pod.name]
        i = 0
        for t in self.times:
            while i < len(mine) and mine[i].done <= t:
                r = mine[i]
                code_n[str(r.app_status)] += 1
                for b, le in enumerate(BUCKETS):
                    if r.duration <= le:
                        bucket_n[b] += 1
                bucket_n[-1] += 1
                total += r.duration
                i += 1
            for c in CODES:
                self.codes[c].append(code_n[c])
            for b in range(len(BUCKETS) + 1):
                self.buckets[b].append(bucket_n[b])
            self.sums.append(round(total, 3))


def openmetrics(reqs: list[Request], rng: random.Random) -> str:
    """The whole OpenMetrics exposition for 09:00-12:30, every 15 s, for every api pod."""
    series = [_Series(p, reqs, rng) for p in sc.PODS]
    series = [s for s in series if s.times]
    out: list[str] = []
    w = out.append
    w(
        "# HELP http_requests Requests handled by the api, by status code.\n# TYPE http_requests counter\n"
    )
    for s in series:
        inst = s.pod.instance
        for c in CODES:
            lbl = f'{{job="api",instance="{inst}",code="{c}"}}'
            for t, v in zip(s.times, s.codes[c], strict=True):
                w(f"http_requests_total{lbl} {v} {t}\n")
    w(
        "# HELP http_request_duration_seconds Time to serve a request.\n# TYPE http_request_duration_seconds histogram\n"
    )
    for s in series:
        inst = s.pod.instance
        les = [str(le) for le in BUCKETS] + ["+Inf"]  # as prometheus_client writes them
        for k, t in enumerate(s.times):
            for b, le in enumerate(les):
                w(
                    f'http_request_duration_seconds_bucket{{job="api",instance="{inst}",le="{le}"}} {s.buckets[b][k]} {t}\n'
                )
            w(f'http_request_duration_seconds_sum{{job="api",instance="{inst}"}} {s.sums[k]} {t}\n')
            w(
                f'http_request_duration_seconds_count{{job="api",instance="{inst}"}} {s.buckets[-1][k]} {t}\n'
            )
    w(
        "# HELP db_pool_connections_in_use Database connections checked out of the pool (max 20 + 10 overflow).\n"
    )
    w("# TYPE db_pool_connections_in_use gauge\n")
    waiting: dict[str, list[int]] = {}
    for s in series:
        inst, vals = s.pod.instance, []
        for t in s.times:
            v = _pool_in_use(s.pod, t, rng)
            w(f'db_pool_connections_in_use{{job="api",instance="{inst}"}} {v} {t}\n')
            vals.append(rng.randint(6, 24) if v >= POOL_MAX else 0)
        waiting[inst] = vals
    w("# HELP db_pool_connections_waiting Requests waiting for a pooled database connection.\n")
    w("# TYPE db_pool_connections_waiting gauge\n")
    for s in series:
        inst = s.pod.instance
        for t, v in zip(s.times, waiting[inst], strict=True):
            w(f'db_pool_connections_waiting{{job="api",instance="{inst}"}} {v} {t}\n')
    w("# HELP up Whether the target was scraped.\n# TYPE up gauge\n")
    for s in series:
        for t in s.times:
            w(f'up{{job="api",instance="{s.pod.instance}"}} 1 {t}\n')
    w("# EOF\n")
    return "".join(out)


def error_ratio_5m(reqs: list[Request], at: datetime) -> float:
    """The 5xx share of requests completed in the 5 minutes up to `at` (what the rule sees)."""
    end = at.astimezone(UTC).timestamp()
    window = [r for r in reqs if end - 300 < r.done <= end]
    return sum(r.app_status >= 500 for r in window) / max(1, len(window))


def query_range_error_ratio(reqs: list[Request]) -> str:
    """A saved Prometheus `query_range` response (as curl writes it) for the API's 5xx ratio
    over 5 minutes, 09:00-12:30 at a 60 s step: what `pm-tui collect --prometheus FILE` reads
    when the server itself is out of reach."""
    import bisect
    import json

    done = sorted(r.done for r in reqs)
    failed = sorted(r.done for r in reqs if r.app_status >= 500)
    start, end = int(sc.at("09:00").timestamp()), int(sc.at("12:30").timestamp())
    values = []
    for t in range(start, end + 1, 60):
        total = bisect.bisect_right(done, t) - bisect.bisect_right(done, t - 300)
        bad = bisect.bisect_right(failed, t) - bisect.bisect_right(failed, t - 300)
        values.append([t, f"{bad / total:.6f}" if total else "0"])
    body = {
        "status": "success",
        "data": {"resultType": "matrix", "result": [{"metric": {"job": "api"}, "values": values}]},
    }
    return json.dumps(body, separators=(",", ":")) + "\n"
