"""pm-tui beside lnav on the whole 1 GB access log, the same question asked of both (#18).

The question: the whole file in 10-second buckets, each with its request count and its
requests per status class (1xx..5xx). pm-tui answers it with `pm-tui collect ID --logs FILE`
over a window holding the whole file (the whole command timed: start-up, reading, saving the
evidence; it also works out request-time percentiles and keeps 5xx samples, which lnav's
access_log format cannot see); lnav 0.11 headless with the same SQL (`lnav -n -c ';SELECT
timeslice(log_time, '10s') ... GROUP BY bucket' -c ':write-csv-to FILE' LOG`), which indexes
the whole file first as it always does. Runs alternate, the median of --rounds each.

"The whole file stays within 0.25x of lnav (today 0.15x)" is read as: pm-tui's time on the
same file and question is at most 0.25 of lnav's (pm-tui at least 4 times as fast). The
figure printed is pm-tui's time / lnav's time; "today 0.15x" only makes sense as such a
ratio below 1. For scale, lnav's time to load and index the file alone (a count(*)) is
printed too: the rest of its time is SQLite grouping every line. Both totals of requests
are printed, to show that both read every line.

lnav is a Debian package: `apt-get install -y lnav` (0.11.1 on bookworm). Without it the
bench says so and measures pm-tui alone. The log is generated once into the cache
(bench/bench_logs.py's generator, PM_TUI_BENCH_CACHE, /tmp/pm-tui-bench by default).

    .venv/bin/python bench/bench_logs_lnav.py [--size-mb 1024] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_logs import CACHE, WHOLE_ARGS, Cli, access_log  # noqa: E402

BAR = 0.25  # pm-tui's time / lnav's time, at most

QUERY = (
    ";SELECT timeslice(log_time, '10s') AS bucket, count(*) AS requests,"
    " sum(sc_status BETWEEN 100 AND 199) AS s1xx, sum(sc_status BETWEEN 200 AND 299) AS s2xx,"
    " sum(sc_status BETWEEN 300 AND 399) AS s3xx, sum(sc_status BETWEEN 400 AND 499) AS s4xx,"
    " sum(sc_status BETWEEN 500 AND 599) AS s5xx"
    " FROM access_log WHERE log_time >= '2025-02-07 23:00:00' AND log_time <= '2025-02-09 13:00:00'"
    " GROUP BY bucket"
)


COUNT = ";SELECT count(*) AS requests FROM access_log"


def run_lnav(lnav: str, path: Path, home: Path, query: str = QUERY) -> tuple[float, int, int]:
    """One headless lnav run: (seconds, rows, requests)."""
    out = home / "buckets.csv"
    out.unlink(missing_ok=True)
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    t0 = time.perf_counter()
    done = subprocess.run(
        [lnav, "-n", "-c", query, "-c", f":write-csv-to {out}", str(path)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    if done.returncode != 0 or not out.exists():
        raise SystemExit(f"lnav failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    return wall, len(rows), sum(int(r["requests"]) for r in rows)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--size-mb", type=int, default=1024)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    path = access_log(args.size_mb)
    lnav = shutil.which("lnav")
    if lnav is None:
        print("lnav is not installed: `apt-get install -y lnav` (Debian/Ubuntu), then run this"
              " again; measuring pm-tui alone")  # fmt: skip
    cli = Cli()
    cli.collect(path, WHOLE_ARGS)  # bytecode written, the file's pages cached
    ours: list[float] = []
    theirs: list[float] = []
    with tempfile.TemporaryDirectory(prefix="lnav-home-", dir=CACHE) as home:
        if lnav:  # its first run sets up its config; the time to load and index the file
            index_only = run_lnav(lnav, path, Path(home), COUNT)[0]
        for _ in range(args.rounds):
            wall, _, source = cli.collect(path, WHOLE_ARGS)
            ours.append(wall)
            if lnav:
                lwall, buckets, requests = run_lnav(lnav, path, Path(home))
                theirs.append(lwall)
    size = path.stat().st_size / 1e6
    mine = statistics.median(ours)
    print(f"{size:.0f} MB access log, median of {args.rounds} alternating runs"
          f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")  # fmt: skip
    print(f"  pm-tui collect (whole file): {mine:.2f} s, {source['counts'].get('in_window', 0):,}"
          f" requests in {source['evidence']:,} evidence (buckets + samples)")  # fmt: skip
    if not lnav:
        return 0
    other = statistics.median(theirs)
    ratio = mine / other
    print(f"  lnav 0.11 headless, same buckets: {other:.2f} s, {requests:,} requests in"
          f" {buckets:,} buckets (loading and indexing the file alone: {index_only:.2f} s)")  # fmt: skip
    print(f"  pm-tui / lnav: {ratio:.2f}x lnav's time (bar, read as 'pm-tui takes at most 0.25 of"
          f" lnav's time': <= {BAR:.2f} -> {'met' if ratio <= BAR else 'NOT met'})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
