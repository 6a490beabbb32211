"""Benchmark timeline reconstruction.

1. The bundled 2025-02-09 sample: collect its evidence folder (real collectors) and
   reconstruct; bar: under a second in all.
2. The 1 GB access log of bench_logs.py (generated once into /tmp): collect the whole file and
   reconstruct, then a 90-minute window around its incident (20:00-20:25) with a one-hour
   baseline; reconstruct works on 10-second buckets, so its cost follows the buckets, not lines.

    /work/main/.venv/bin/python bench/bench_reconstruct.py [--size-mb 1024] [--skip-big]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    """CPU seconds of this process and of its finished child processes."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def bench_sample() -> None:
    from pm_tui.collectors.runner import collect_all
    from pm_tui.postmortem_store import read_postmortem
    from pm_tui.timeline import reconstruct
    from pm_tui.timeline.discover import specs_for_folder
    from pm_tui.workflow.window import collection_window

    sample = ROOT / "sample_incidents"
    pm = read_postmortem(sample / "2025-02-09-api-service-degradation.toml")
    window = collection_window(pm)
    specs, _ = specs_for_folder(sample / "2025-02-09-api-service-degradation" / "evidence")
    t0, c0 = time.perf_counter(), cpu_s()
    results = collect_all(specs, window)
    t1, c1 = time.perf_counter(), cpu_s()
    evidence = [e for r in results for e in r.evidence]
    candidates = reconstruct(evidence, window)
    t2, c2 = time.perf_counter(), cpu_s()
    print(
        f"sample: {len(specs)} sources, {len(evidence):,} evidence records; collect {t1 - t0:.2f} s,"
        f" reconstruct {t2 - t1:.3f} s, total {t2 - t0:.2f} s -> {len(candidates)} candidates"
        f" ({'under' if t2 - t0 < 1 else 'OVER'} the 1 s bar); CPU collect {c1 - c0:.2f} s,"
        f" reconstruct {c2 - c1:.3f} s (this process and its reader processes)"
    )
    for c in candidates:
        print(f"  {c.time:%H:%M:%S} {c.kind:<14} {c.confidence:.2f} {c.text[:110]}")


def bench_big(size_mb: int) -> None:
    import bench_logs

    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs
    from pm_tui.timeline import reconstruct

    path = bench_logs.CACHE / f"access-{size_mb}mb.log"
    if not path.exists():
        bench_logs.CACHE.mkdir(parents=True, exist_ok=True)
        bench_logs.generate(path, size_mb)
    start = bench_logs.START
    incident = CollectWindow(
        start + timedelta(hours=20), start + timedelta(hours=20, minutes=25), timedelta(hours=1)
    )
    whole = CollectWindow(incident.start, start + bench_logs.SPAN, incident.start - start)
    for name, window in (("whole file", whole), ("90-minute window", incident)):
        window.end = max(window.end, incident.start + timedelta(minutes=30))
        t0 = time.perf_counter()
        result = collect_logs(path, window)
        t1 = time.perf_counter()
        candidates = reconstruct(result.evidence, window)
        t2 = time.perf_counter()
        print(
            f"{name}: {path.stat().st_size / 1e6:.0f} MB, {result.counts.get('lines_read', 0):,} lines,"
            f" {len(result.evidence):,} evidence; collect {t1 - t0:.2f} s, reconstruct"
            f" {t2 - t1:.3f} s; peak RSS {peak_mb():.0f} MB"
        )
        for c in candidates:
            print(f"  {c.time:%Y-%m-%d %H:%M:%S} {c.kind:<14} {c.text[:100]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    bench_sample()
    if not args.skip_big:
        bench_big(args.size_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
