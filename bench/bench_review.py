"""Time `pm-tui review` and `pm-tui search` over a generated repository of 1,000 post-mortems.

    python bench/bench_review.py [--count 1000] [--dir /tmp/pm-tui-bench-review]

Each post-mortem is the bundled sample with its id, date, services, factor categories,
severity, owners and deadlines varied. Prints the wall time of each whole command
(a subprocess, as a person runs it); the goal is under two seconds each.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_incidents" / "2025-02-09-api-service-degradation.toml"
SERVICES = ["api", "checkout", "payments", "search", "postgres-orders", "redis", "rabbitmq", "cdn"]
CATEGORIES = ["monitoring", "testing", "runbook", "capacity", "change-management", "dependency"]
OWNERS = ["alice.chen", "bob.okafor", "priya.nair", "dana.ruiz", "@marco", "@lena", ""]


def generate(target: Path, count: int) -> None:
    rng = random.Random(7)
    template = SAMPLE.read_text(encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    pm_dir = target / "postmortems"
    pm_dir.mkdir(parents=True)
    start = date(2021, 1, 1)
    for n in range(count):
        day = start + timedelta(days=n * 1.5)
        pm_id = f"{day.isoformat()}-incident-{n:04d}"
        text = template.replace("2025-02-09-api-service-degradation", pm_id)
        text = text.replace("2025-02-09T", f"{day.isoformat()}T")
        text = text.replace('severity = "P1"', f'severity = "P{rng.randint(1, 4)}"')
        services = rng.sample(SERVICES, 2)
        text = text.replace(
            'services = ["api", "postgres-orders"]', f"services = {services!r}".replace("'", '"')
        )
        text = re.sub(
            r'category = "[a-z-]+"', lambda _m: f'category = "{rng.choice(CATEGORIES)}"', text
        )
        text = re.sub(r'owner = "[^"]*"', lambda _m: f'owner = "{rng.choice(OWNERS)}"', text)
        text = re.sub(
            r"deadline = \d{4}-\d{2}-\d{2}",
            lambda _m, day=day: (
                f"deadline = {(day + timedelta(days=rng.randint(7, 120))).isoformat()}"
            ),
            text,
        )
        text = re.sub(
            r'status = "(done|in-progress)"',
            lambda _m: f'status = "{rng.choice(["open", "done", "in-progress"])}"',
            text,
        )
        text = text.replace(
            "reviewed = 2025-02-11", f"reviewed = {(day + timedelta(days=2)).isoformat()}"
        )
        text = text.replace(
            "follow_up_review = 2025-03-10",
            f"follow_up_review = {(day + timedelta(days=28)).isoformat()}",
        )
        (pm_dir / f"{pm_id}.toml").write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(target)], check=True)


def timed(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "pm_tui.cli.main", *args], cwd=ROOT, capture_output=True, text=True
    )
    return time.perf_counter() - t0, out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--dir", default="/tmp/pm-tui-bench-review")
    args = parser.parse_args()
    target = Path(args.dir)
    t0 = time.perf_counter()
    generate(target, args.count)
    print(f"generated {args.count} post-mortems in {target} ({time.perf_counter() - t0:.2f} s)")
    runs = [
        ("review", ["review", "--today", "2024-06-01"]),
        ("review --format json", ["review", "--format", "json", "--today", "2024-06-01"]),
        ("search 'connection pool'", ["search", "connection pool"]),
        ("search --service redis --category runbook --severity P2", ["search", "--service", "redis", "--category", "runbook", "--severity", "P2"]),
    ]  # fmt: skip
    worst = 0.0
    print(f"{'command':<58} {'cold':>6} {'warm':>6}")
    for label, cmd in runs:
        shutil.rmtree(target / ".git" / "pm-tui", ignore_errors=True)  # no repository index
        cold, out = timed("--repo", str(target), *cmd)  # parses every file
        warm = min(timed("--repo", str(target), *cmd)[0] for _ in range(3))
        if out.returncode != 0:
            print(f"{label}: failed: {out.stderr.strip()}")
            return 1
        worst = max(worst, warm)
        print(f"{label:<58} {cold:5.2f}s {warm:5.2f}s  ({len(out.stdout.splitlines())} lines)")
    print(f"slowest warm run: {worst:.2f} s (goal: under 2 s); cold = first run, no index")
    return 0 if worst < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
