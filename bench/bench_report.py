"""Rendering the report of a post-mortem with a 5,000-event timeline and 4 metric series of
240 points (what step 1 keeps at most per series): HTML with both graphs inline, Markdown
with both SVG files written beside it, and each graph alone.

Bar: each report under 1 s. Wall and CPU are printed, best of 5 runs, plus the load average
(other work on this machine stretches the wall figures). The first run, which imports
markdown-it, is printed apart.

    python bench/bench_report.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pm_tui.model import EVENT_KINDS, EvidenceSource, TimelineEvent, new_postmortem  # noqa: E402
from pm_tui.report.files import render_report, write_report  # noqa: E402
from pm_tui.report.graphs import incident_graph, timeline_graph  # noqa: E402
from pm_tui.report.metrics import MetricSeries  # noqa: E402

N = int(os.environ.get("BENCH_N", 5000))
RUNS = 5


def big_postmortem():
    start = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)
    pm = new_postmortem("Report benchmark", start, resolved=start + timedelta(hours=12))
    pm.window.detected = start + timedelta(minutes=9)
    pm.window.mitigated = start + timedelta(hours=3)
    pm.summary = "A **long** incident.\n\n- with a list\n- [and a link](https://example.com)\n" * 20
    pm.timeline = [
        TimelineEvent(
            id=f"T-{i + 1:04d}",
            time=start + timedelta(seconds=8 * i),
            text=f"upstream [/api] returned 503 on request {i}",
            kind=EVENT_KINDS[i % len(EVENT_KINDS)],
            source="nginx access log",
        )
        for i in range(N)
    ]
    pm.sources = [
        EvidenceSource(
            "prometheus", "bench", "", start - timedelta(hours=1), start + timedelta(hours=13)
        )
    ]
    series = [
        MetricSeries(
            f"series_{k}",
            [
                (start - timedelta(hours=1) + timedelta(minutes=3.5 * i), (i * (k + 3)) % 17 / 4)
                for i in range(240)
            ],
            f"series_{k}",
        )
        for k in range(4)
    ]
    return pm, series


def timed(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def best(fn) -> tuple[float, float]:
    runs = [timed(fn) for _ in range(RUNS)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def main() -> None:
    pm, series = big_postmortem()
    metrics = [s.name for s in series]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reports" / f"{pm.id}.md"
        first = timed(lambda: render_report(pm, "html", series=series, metrics=metrics))
        cases = {
            "HTML report, both graphs inline": lambda: render_report(
                pm, "html", series=series, metrics=metrics
            ),
            "Markdown report + 2 SVG files written": lambda: write_report(
                pm, out, "markdown", series=series, metrics=metrics
            ),
            "incident graph alone (4 series)": lambda: incident_graph(pm, series),
            "timeline at a glance alone": lambda: timeline_graph(pm),
        }
        print(f"{N} events, {len(series)} series x 240 points; best of {RUNS}")
        print(f"  first HTML report (imports markdown-it): {first[0] * 1000:7.1f} ms wall")
        for name, fn in cases.items():
            wall, cpu = best(fn)
            print(f"  {name:<40} {wall * 1000:7.1f} ms wall {cpu * 1000:7.1f} ms CPU")
        size = len(render_report(pm, "html", series=series, metrics=metrics))
        print(
            f"  HTML size {size / 1024:.0f} KiB; SVGs {sum(p.stat().st_size for p in out.parent.rglob('*.svg')) / 1024:.0f} KiB"
        )
    print(f"  load average {os.getloadavg()[0]:.2f}; bar: each report under 1000 ms")


if __name__ == "__main__":
    main()
