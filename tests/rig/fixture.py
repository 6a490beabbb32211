"""The rig's default metrics: an `api` service whose 5xx ratio spikes on 2025-02-09.

Two instances scraped every 15 s from 09:00 to 12:30 UTC; 50 requests/s with code 200 and
0.05/s with code 500 per instance, then from 10:05 to 10:35 40/s of 200, 10/s of 500 and
2/s of 503 (a 23 % error ratio); `up` is 1 throughout. Integer arithmetic on fixed times,
so the OpenMetrics text is byte-identical on every run.
"""

from __future__ import annotations

from datetime import UTC, datetime

START = int(datetime(2025, 2, 9, 9, 0, tzinfo=UTC).timestamp())
END = int(datetime(2025, 2, 9, 12, 30, tzinfo=UTC).timestamp())
SPIKE = (int(datetime(2025, 2, 9, 10, 5, tzinfo=UTC).timestamp()),
         int(datetime(2025, 2, 9, 10, 35, tzinfo=UTC).timestamp()))  # fmt: skip
STEP = 15
INSTANCES = ("api-1:8080", "api-2:8080")
# requests per second x 100 (exact integers), outside and inside the spike
RATES_X100 = {"200": (5000, 4000), "500": (5, 1000), "503": (0, 200)}


def openmetrics() -> str:
    """The whole fixture as OpenMetrics text (timestamps in seconds, ending with `# EOF`)."""
    lines = ["# HELP http_requests Total HTTP requests.", "# TYPE http_requests counter"]
    for n, instance in enumerate(INSTANCES, start=1):
        for code, (normal, spike) in RATES_X100.items():
            total_x100 = 1_000_000 * n  # counters never start at zero in real life
            labels = f'job="api",instance="{instance}",method="GET",code="{code}"'
            for t in range(START, END + 1, STEP):
                lines.append(f"http_requests_total{{{labels}}} {total_x100 // 100} {t}")
                total_x100 += (spike if SPIKE[0] <= t < SPIKE[1] else normal) * STEP
    lines += ["# HELP up Whether the target is up.", "# TYPE up gauge"]
    for instance in INSTANCES:
        lines += [
            f'up{{job="api",instance="{instance}"}} 1 {t}' for t in range(START, END + 1, STEP)
        ]
    lines.append("# EOF")
    return "\n".join(lines) + "\n"
