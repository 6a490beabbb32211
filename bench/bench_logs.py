"""Benchmark the log collector on a 1 GB nginx access log (generated once into /tmp).

Prints: generation time (first run only), whole-file collection MB/s and peak memory, and
the time to collect a 90-minute window. Bars (issue 5): whole file faster than 8 s (lnav on
this kind of machine), peak memory under 200 MB, the window under a tenth of the whole file.

    /work/main/.venv/bin/python bench/bench_logs.py [--size-mb 1024]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CACHE = Path(os.environ.get("PM_TUI_BENCH_CACHE", "/tmp/pm-tui-bench"))
START = datetime(2025, 2, 8, 0, 0, 0, tzinfo=UTC)
SPAN = timedelta(hours=36)

PATHS = [
    "/api/v1/orders",
    "/api/v1/orders/{n}",
    "/api/v1/cart",
    "/api/v1/products?page={n}",
    "/static/app.{n}.js",
    "/static/style.css",
    "/healthz",
    "/login",
    "/api/v1/payments",
    "/images/p/{n}.webp",
]
AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64) Chrome/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2) Mobile/15E148",
    "kube-probe/1.29",
    "curl/8.5.0",
    "Go-http-client/1.1",
]
METHODS = ["GET"] * 8 + ["POST", "PUT"]


def generate(path: Path, size_mb: int) -> None:
    """Write a time-sorted nginx access log of about size_mb MB (with request_time)."""
    rnd = random.Random(42)
    target = size_mb * 1024 * 1024
    seconds = int(SPAN.total_seconds())
    ips = [
        f"10.{rnd.randrange(256)}.{rnd.randrange(256)}.{rnd.randrange(1, 255)}" for _ in range(500)
    ]

    def line(stamp: str, bad: bool) -> str:
        r = rnd.random()
        status = 200 if r < 0.9 else 304 if r < 0.95 else 404 if r < 0.985 else 500
        rt = rnd.expovariate(25)
        if bad and rnd.random() < 0.3:
            status, rt = 503, 1 + rnd.random() * 4
        p = rnd.choice(PATHS).format(n=rnd.randrange(1000))
        ref = "https://shop.example.com/" if rnd.random() < 0.3 else "-"
        return (
            f'{rnd.choice(ips)} - - [{stamp}] "{rnd.choice(METHODS)} {p} HTTP/1.1" {status} '
            f'{rnd.randrange(200, 40000)} "{ref}" "{rnd.choice(AGENTS)}" {rt:.3f}\n'
        )

    avg = sum(len(line("08/Feb/2025:00:00:00 +0000", False)) for _ in range(2000)) / 2000
    per_sec = max(1, round(target / avg / seconds))
    incident = (
        int(timedelta(hours=20).total_seconds()),
        int(timedelta(hours=20, minutes=25).total_seconds()),
    )
    tmp = path.with_suffix(".tmp")
    written = 0
    with open(tmp, "w", encoding="ascii", buffering=1 << 22) as out:
        for s in range(seconds):
            if written >= target:
                break
            t = START + timedelta(seconds=s)
            stamp = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
            bad = incident[0] <= s < incident[1]
            lines = [line(stamp, bad) for _ in range(per_sec + rnd.randrange(-3, 4))]
            chunk = "".join(lines)
            written += len(chunk)
            out.write(chunk)
    os.replace(tmp, path)


def bench_redact() -> None:
    """Redaction throughput on ordinary log lines without secrets (bar: 100 MB/s)."""
    from pm_tui.redact import redact

    rnd = random.Random(7)
    msgs = [
        "GET /api/v1/orders/{n} 200 12ms",
        "connection pool exhausted, waiting for slot ({n} waiters)",
        "user {n} logged in from 10.0.3.{n}",
        "upstream timed out (110: Connection timed out) while reading response header, client: 10.1.2.{n}",
        "Retrying request to payments-service attempt={n}",
    ]
    text = "\n".join(
        f"2025-02-09T10:{i % 60:02d}:{i % 60:02d}.{i % 1000:03d}Z INFO orders-api "
        f"request_id=7f3a9c2e-1b4d-4e8a-9f2c-{i:012d} trace_id=4bf92f3577b34da6a3ce929d0e0e4736 "
        + rnd.choice(msgs).format(n=i % 255)
        for i in range(400_000)
    )
    redact(text)
    t0 = time.perf_counter()
    _, n = redact(text)
    dt = time.perf_counter() - t0
    print(
        f"redaction: {len(text) / 1e6:.0f} MB of ordinary log lines at {len(text) / 1e6 / dt:.0f} MB/s ({n} found)"
    )


def peak_mb() -> float:
    """Peak RSS of this process, and of the largest reader process it started."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_s() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"access-{args.size_mb}mb.log"
    if not path.exists():
        t0 = time.perf_counter()
        generate(path, args.size_mb)
        print(f"generated {path} in {time.perf_counter() - t0:.1f} s")
    size = path.stat().st_size
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs

    base = peak_mb()
    whole = CollectWindow(
        START - timedelta(hours=1), START + SPAN + timedelta(hours=1), timedelta(0)
    )
    load = os.getloadavg()[0]
    t0, (c0, k0) = time.perf_counter(), cpu_s()
    res = collect_logs(path, whole)
    dt_whole, (c1, k1) = time.perf_counter() - t0, cpu_s()
    print(
        f"whole file: {size / 1e6:.0f} MB, {res.counts.get('lines_read', 0):,} lines in {dt_whole:.2f} s"
        f" = {size / 1e6 / dt_whole:.0f} MB/s on {os.cpu_count()} cores (CPU: this process"
        f" {c1 - c0:.2f} s + reader processes {k1 - k0:.2f} s; load before {load:.1f});"
        f" peak RSS {peak_mb():.0f} MB here (before: {base:.0f} MB), {peak_children_mb():.0f} MB"
        f" per reader process; {len(res.evidence)} evidence, counts={res.counts}"
    )
    win = CollectWindow(
        START + timedelta(hours=19, minutes=45),
        START + timedelta(hours=21, minutes=15),
        timedelta(0),
    )
    t0 = time.perf_counter()
    res = collect_logs(path, win)
    dt_win = time.perf_counter() - t0
    print(
        f"90-minute window: {dt_win:.3f} s ({dt_win / dt_whole:.1%} of whole file),"
        f" {len(res.evidence)} evidence, counts={res.counts}"
    )
    ok = dt_whole < 8 and peak_mb() + peak_children_mb() < 200 and dt_win < dt_whole / 10
    print("bars:", "met" if ok else "NOT met")
    bench_redact()
    return 0


if __name__ == "__main__":
    sys.exit(main())
