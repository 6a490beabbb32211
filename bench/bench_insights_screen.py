"""The Insights screen: how long from `i` on the start screen to its figures painted.

    python bench/bench_insights_screen.py [--count 10000] [--dir /tmp/pm-tui-bench-insights] [-n 5]

Generates the repository of bench/bench_repository.py (unless --dir already holds one of
`--count` post-mortems), warms the index, then runs the real app headless (120x40) in a fresh
process n times each way: `i` pressed once the start screen has settled (it reads the Insights
records ahead, after its first paint), and `i` pressed at once after the first paint (the
screen waits for that read, or reads itself). The time runs from the key to the screen holding
its figures and painted. Prints best and median of each, and what reading the records and the
arithmetic cost alone in a fresh process. Goal: under 0.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.repo_generator import generate, incidents  # noqa: E402

SCREEN = """
import asyncio, sys, time
from datetime import UTC, date, datetime
from pm_tui.postmortem_store import Repository
from screens.app import create_app

async def main(root, today, settle):
    now = datetime.combine(date.fromisoformat(today), datetime.min.time(), UTC)
    app = create_app(Repository(root), clock=lambda: now)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if settle == "settled":
            await app.workers.wait_for_complete()
            await pilot.pause()
        t0 = time.perf_counter()
        await pilot.press("i")
        while not (app.screen.name == "insights" and app.screen.insights):
            await asyncio.sleep(0.002)
        await pilot.pause()  # the tables filled and drawn
        print(time.perf_counter() - t0)

asyncio.run(main(*sys.argv[1:4]))
"""

ALONE = """
import sys, time
from datetime import date
from pathlib import Path
t0 = time.perf_counter()
from pm_tui.insights import InsightsQuery, compute, load_records
catalog, history = load_records(Path(sys.argv[1]))
t1 = time.perf_counter()
compute(catalog.postmortems, InsightsQuery(today=date.fromisoformat(sys.argv[2])), history)
print(t1 - t0, time.perf_counter() - t1)
"""


def _run(code: str, *args: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True
    )
    try:
        return [float(x) for x in out.stdout.split()]
    except ValueError:
        raise SystemExit(f"failed: {out.stderr.strip()[-500:]}") from None


def open_once(repo: Path, today: str, settle: str) -> float:
    """Seconds from `i` to the Insights screen painted with its figures."""
    return _run(SCREEN, str(repo), today, settle)[-1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--dir", default="/tmp/pm-tui-bench-insights")
    parser.add_argument("-n", type=int, default=5)
    args = parser.parse_args()
    target = Path(args.dir)
    folder = target / "postmortems"
    if folder.is_dir() and sum(1 for _ in folder.glob("*.toml")) == args.count:
        today = incidents(args.count).today.isoformat()
    else:
        today = generate(target, args.count).today.isoformat()
    subprocess.run(
        [sys.executable, "-m", "pm_tui.cli.main", "--repo", str(target), "stats", "--today", today],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )  # fmt: skip  (the index and the history, warm)
    runs: dict[str, list[float]] = {"settled": [], "at once": []}
    for _ in range(args.n):  # interleaved, so the machine's load hits both alike
        runs["settled"].append(open_once(target, today, "settled"))
        runs["at once"].append(open_once(target, today, "at-once"))
    print(f"Insights screen over {args.count} post-mortems, from i to painted (goal: under 0.5 s):")
    for label, times in runs.items():
        print(f"  i on the start screen {label:<8} best {min(times):.2f} s, "
              f"median {statistics.median(times):.2f} s of {args.n}")  # fmt: skip
    alone = [_run(ALONE, str(target), today) for _ in range(3)]
    print(f"  alone in a fresh process: records and history {min(a[0] for a in alone):.2f} s, "
          f"arithmetic {min(a[1] for a in alone):.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
