"""The repository at scale: `list`, `review`, `search` and `stats` next to `pm-tui --version`.

    python bench/bench_repository.py [--count 10000] [--dir /tmp/pm-tui-bench-repository] [-n 5]

Generates a realistic repository (bench/repo_generator.py: five years, eight services,
recurring causes, action items, a git history), then times each command as a person runs
it (a fresh process): once on the first run after a clone (no index yet), then warm (best
of n), with its peak memory, and prints each warm time as a ratio of `pm-tui --version`,
interleaved so the machine's load hits both alike; then `stats` and `list` one after the
other in a fresh `git clone` of it (wall, CPU with git's, peak memory). Also times the
Insights screen (bench/bench_insights_screen.py). Goals: warm within about 4x `--version`,
first run under 5 s, peak memory under 200 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_insights_screen import open_once  # noqa: E402
from bench.repo_generator import generate  # noqa: E402

TIMER = Path("/usr/bin/time").exists()  # GNU time: the peak memory of each run


def run(args: list[str]) -> tuple[float, float | None, subprocess.CompletedProcess]:
    """(wall seconds, peak RSS in MB or None, result) of one `pm-tui` process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        timer = ["/usr/bin/time", "-o", stats.name, "-f", "%M"] if TIMER else []
        t0 = time.perf_counter()
        out = subprocess.run(
            [*timer, sys.executable, "-m", "pm_tui.cli.main", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        wall = time.perf_counter() - t0
        try:
            peak = int(stats.read().split()[-1]) / 1024 if TIMER else None
        except (ValueError, IndexError):
            peak = None
    return wall, peak, out


def insights_screen_load(repo: Path, today: str) -> tuple[float, float]:
    """(seconds to read the records and history, seconds to compute) as the screen does."""
    code = (
        "import time,sys;from datetime import date;from pathlib import Path\n"
        "t=time.perf_counter()\n"
        "from pm_tui.insights import load_records, InsightsQuery, compute\n"
        f"c,h=load_records(Path({str(repo)!r}));t1=time.perf_counter()\n"
        f"compute(c.postmortems, InsightsQuery(today=date.fromisoformat({today!r})), h)\n"
        "print(t1-t, time.perf_counter()-t1)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    load, calc = (float(x) for x in out.stdout.split())
    return load, calc


def after_a_clone(repo: Path, today: str) -> list[tuple[str, float, float, float]]:
    """(command, wall s, CPU s with its git children, peak MB) of `stats` then `list` run
    one after the other in a fresh clone of `repo` (no index, no history kept yet)."""
    import resource

    clone = repo.with_name(repo.name + "-clone")
    shutil.rmtree(clone, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    out = []
    for label, cmd in (("stats", ["stats", "--today", today]), ("list", ["list"])):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, peak, _result = run(["--repo", str(clone), *cmd])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.append((label, wall, cpu, peak or 0.0))
    shutil.rmtree(clone, ignore_errors=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--dir", default="/tmp/pm-tui-bench-repository")
    parser.add_argument("-n", type=int, default=5, help="warm runs (best of)")
    args = parser.parse_args()
    target = Path(args.dir)
    t0 = time.perf_counter()
    truth = generate(target, args.count)
    print(f"generated {args.count} post-mortems with git history in {target} "
          f"({time.perf_counter() - t0:.1f} s)")  # fmt: skip
    today = truth.today.isoformat()
    repo = ["--repo", str(target)]
    commands = [
        ("list", ["list"]),
        ("review", ["review", "--today", today]),
        ("search 'card processor'", ["search", "card processor"]),
        ("search --service redis --severity P2", ["search", "--service", "redis", "--severity", "P2"]),
        ("stats", ["stats", "--today", today]),
        ("stats --by month --format json", ["stats", "--by", "month", "--format", "json", "--today", today]),
    ]  # fmt: skip
    index_dir = target / ".git" / "pm-tui"
    print(f"\n{'command':<40} {'first':>7} {'warm':>7} {'ratio':>6} {'peak MB':>8}")
    version = min(run(["--version"])[0] for _ in range(args.n))
    worst_ratio, worst_first, worst_peak = 0.0, 0.0, 0.0
    for label, cmd in commands:
        shutil.rmtree(index_dir, ignore_errors=True)  # as right after a clone
        first, first_peak, out = run([*repo, *cmd])
        if out.returncode not in (0, 1):
            print(f"{label}: failed: {out.stderr.strip()[:300]}")
            return 1
        warm_runs, peaks, beside = [], [first_peak or 0], []
        for _ in range(args.n):  # interleaved with --version, so load hits both alike
            beside.append(run(["--version"])[0])
            wall, peak, _out = run([*repo, *cmd])
            warm_runs.append(wall)
            peaks.append(peak or 0)
        warm, peak = min(warm_runs), max(peaks)
        ratio = warm / min(beside)
        version = min(version, *beside)
        worst_ratio, worst_first = max(worst_ratio, ratio), max(worst_first, first)
        worst_peak = max(worst_peak, peak)
        print(f"{label:<40} {first:6.2f}s {warm:6.2f}s {ratio:5.1f}x {peak:8.0f}")
    print(f"{'pm-tui --version':<40} {'':>7} {version:6.3f}s")
    print("\nFirst runs after a fresh clone (no index yet), one after the other:")
    for label, wall, cpu, peak in after_a_clone(target, today):
        print(f"  {label:<8} {wall:6.2f} s wall, {cpu:5.2f} s CPU (git too), {peak:4.0f} MB peak")
        worst_first, worst_peak = max(worst_first, wall), max(worst_peak, peak)
    run([*repo, "list"])  # the index, warm again, for the screen
    load, calc = insights_screen_load(target, today)
    shown = min(open_once(target, today, "settled") for _ in range(min(args.n, 3)))
    print(f"\nInsights screen: opens in {shown:.2f} s after i on the start screen (goal: under "
          f"0.5 s); records and history {load:.2f} s, figures {calc:.2f} s")  # fmt: skip
    print(f"worst warm ratio {worst_ratio:.1f}x (goal ~4x), worst first run {worst_first:.2f} s "
          f"(goal < 5 s), worst peak {worst_peak:.0f} MB (goal < 200 MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
