"""Time to first paint: the wizard on the sample incident vs an empty Textual app.

Both run headless at 120x40 in fresh subprocesses started the same way (this script with
`--child`), interleaved so machine load hits both alike. Each child stamps
`time.perf_counter()` (CLOCK_MONOTONIC, shared by all processes on Linux) when its code
starts, when its imports are done, when the app is built and when the screen that counts
is first painted (the first `App._display` of that screen: for the wizard, the step
screen, not the blank default screen under it), then exits at once. The bar (≤ 1.5×) is
on spawn → first paint; the whole process, exit included, is printed too.

    python bench/bench_startup_headless.py [-n RUNS]

bench/bench_startup.py times what a person waits for: `pm-tui open ID` in a pty.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ID = "2025-02-09-api-service-degradation"
SIZE = (120, 40)
STAMPS: dict[str, float] = {}


def _stamp(name: str) -> None:
    if name not in STAMPS:
        STAMPS[name] = time.perf_counter()
        STAMPS[f"cpu_{name}"] = time.process_time()


def _exit_on_first_paint(app_class, counts) -> None:
    """Stamp `paint` and exit at the first display of a screen for which `counts` is true."""
    display = app_class._display

    def _display(self, screen, renderable) -> None:
        display(self, screen, renderable)
        if renderable is not None and "paint" not in STAMPS and counts(screen):
            _stamp("paint")
            extra = {"git": "git" in sys.modules, "modules": len(sys.modules)}
            STAMPS.update({k: float(v) for k, v in extra.items()})
            self.exit()

    app_class._display = _display


def child_empty() -> None:
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    _stamp("imports")

    class Empty(App):
        def compose(self):
            yield Header()
            yield DataTable()
            yield Footer()

    _exit_on_first_paint(Empty, lambda screen: True)
    app = Empty()
    _stamp("built")
    app.run(headless=True, size=SIZE)


def child_wizard(repo_root: str) -> None:
    from pm_tui.postmortem_store import Repository
    from screens.app import PmTuiApp, create_app
    from screens.step_base import StepScreen

    _stamp("imports")
    _exit_on_first_paint(PmTuiApp, lambda screen: isinstance(screen, StepScreen))
    app = create_app(Repository(Path(repo_root)), SAMPLE_ID)
    _stamp("built")
    app.run(headless=True, size=SIZE)


# Both apps start from bytecode, as an installed pm-tui does (pip compiles it); here
# PYTHONDONTWRITEBYTECODE is often set, which would leave only pm-tui compiling its source
# on every start. The cache lives in a temporary directory, not in the tree.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="pm-tui-bench-pycache-")


def run_child(*args: str) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        cwd=ROOT,
        env=CHILD_ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    end = time.perf_counter()
    stamps = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    t = {k: float(v) for k, v in stamps.items()}
    result = {k: (t[k] - start) for k in ("code", "imports", "built", "paint")}
    result |= {f"cpu_{k}": t[f"cpu_{k}"] for k in ("code", "imports", "built", "paint")}
    result["exit"] = end - start
    result["git"], result["modules"] = t["git"], t["modules"]
    return result


PHASES = (
    ("code", "interpreter start → child code"),
    ("imports", "→ imports done"),
    ("built", "→ app built"),
    ("paint", "→ first paint (the bar)"),
    ("exit", "→ process exit"),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=9)
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child is not None:
        _stamp("code")
        sys.path.insert(0, str(ROOT))
        child_empty() if args.child == ["empty"] else child_wizard(args.child[1])
        for key, value in STAMPS.items():
            print(f"{key}={value!r}")
        return

    sys.path.insert(0, str(ROOT))
    from pm_tui.cli.cmd_demo import make_demo_repo

    root = make_demo_repo(Path(tempfile.mkdtemp(prefix="pm-tui-bench-")) / "repo")
    runs: dict[str, list[dict[str, float]]] = {"empty": [], "wizard": []}
    run_child("empty")  # warm the file and bytecode caches for both
    run_child("wizard", str(root))
    cpu0 = os.times()
    for _ in range(args.n):
        runs["empty"].append(run_child("empty"))
        runs["wizard"].append(run_child("wizard", str(root)))
    cpu1 = os.times()

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name]) * 1000

    print(f"runs each: {args.n}, headless {SIZE[0]}x{SIZE[1]}, spawn → stamp, median ms")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'phase (wall; CPU of the child)':38} {'empty':>13} {'wizard':>13} {'diff':>6}")
    for key, label in PHASES:
        e, w = med("empty", key), med("wizard", key)
        cpu = key != "exit" and key != "code"
        ce = f"({med('empty', 'cpu_' + key):4.0f})" if cpu else ""
        cw = f"({med('wizard', 'cpu_' + key):4.0f})" if cpu else ""
        print(f"{label:38} {e:6.0f} {ce:>6} {w:6.0f} {cw:>6} {w - e:6.0f}")
    e, w = med("empty", "paint"), med("wizard", "paint")
    ratios = [
        rw["paint"] / re["paint"] for re, rw in zip(runs["empty"], runs["wizard"], strict=True)
    ]
    modules = {name: statistics.median(r["modules"] for r in runs[name]) for name in runs}
    print(
        f"modules loaded at first paint: empty {modules['empty']:.0f}, wizard {modules['wizard']:.0f}"
    )
    print(f"empty Textual app (Header, DataTable, Footer): first paint median {e:.0f} ms")
    print(f"pm-tui wizard on {SAMPLE_ID}, step 1: first paint median {w:.0f} ms")
    print(
        f"ratio: {w / e:.2f}x (paired runs: min {min(ratios):.2f}, "
        f"median {statistics.median(ratios):.2f}, max {max(ratios):.2f}; bar: <= 1.5x)"
    )
    best_e = min(r["paint"] for r in runs["empty"]) * 1000
    best_w = min(r["paint"] for r in runs["wizard"]) * 1000
    cpu_e, cpu_w = med("empty", "cpu_paint"), med("wizard", "cpu_paint")
    print(
        f"less noisy under load: best of {args.n} {best_w:.0f} / {best_e:.0f} ms = "
        f"{best_w / best_e:.2f}x; child CPU to first paint {cpu_w:.0f} / {cpu_e:.0f} ms = "
        f"{cpu_w / cpu_e:.2f}x"
    )
    children = (cpu1.children_user + cpu1.children_system) - (
        cpu0.children_user + cpu0.children_system
    )
    print(f"CPU of all {2 * args.n} children: {children:.1f} s")
    git = any(r["git"] for r in runs["wizard"])
    print(f"GitPython imported before the first paint: {'yes (it must not be)' if git else 'no'}")


if __name__ == "__main__":
    main()
