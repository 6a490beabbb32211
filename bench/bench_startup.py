"""Time to first paint: the wizard on the sample incident vs an empty Textual app.

Both run headless in fresh subprocesses (interpreter start and imports included) and exit
right after their first screen is painted. Prints both medians and the ratio (bar: ≤ 1.5×),
and whether GitPython was imported before the first paint (it must not be).

    python bench/bench_startup.py [-n RUNS]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ID = "2025-02-09-api-service-degradation"


def child_empty() -> None:
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    class Empty(App):
        def compose(self):
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    Empty().run(headless=True)


def child_wizard(repo_root: str) -> None:
    from pm_tui.store import Repository
    from screens.app import create_app
    from screens.step_base import StepScreen

    mounted = StepScreen.on_mount
    seen: dict[str, bool] = {}

    def on_mount_then_exit(self) -> None:
        mounted(self)
        seen["git"] = "git" in sys.modules

        def done() -> None:
            self.app.exit()

        self.call_after_refresh(done)

    StepScreen.on_mount = on_mount_then_exit
    app = create_app(Repository(Path(repo_root)), SAMPLE_ID)
    app.run(headless=True)
    print(f"git-imported-before-paint={seen.get('git')}")


def run_child(*args: str) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=7)
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child is not None:
        sys.path.insert(0, str(ROOT))
        child_empty() if args.child == ["empty"] else child_wizard(args.child[1])
        return

    sys.path.insert(0, str(ROOT))
    from pm_tui.cli.cmd_demo import make_demo_repo

    root = make_demo_repo(Path(tempfile.mkdtemp(prefix="pm-tui-bench-")) / "repo")
    empty, wizard, notes = [], [], set()
    run_child("empty")  # warm the file cache for both
    run_child("wizard", str(root))
    for _ in range(args.n):  # interleaved, so machine load hits both alike
        empty.append(run_child("empty")[0])
        t, out = run_child("wizard", str(root))
        wizard.append(t)
        notes.update(line for line in out.splitlines() if line.startswith("git-"))
    e, w = statistics.median(empty), statistics.median(wizard)
    print(f"runs each: {args.n}")
    print(f"empty Textual app (Header, DataTable, Footer): median {e * 1000:.0f} ms")
    print(f"pm-tui wizard on {SAMPLE_ID}, step 1: median {w * 1000:.0f} ms")
    print(f"ratio: {w / e:.2f}x (bar: <= 1.5x)")
    print(", ".join(sorted(notes)))


if __name__ == "__main__":
    main()
