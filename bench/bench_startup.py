"""Startup as a person sees it: `pm-tui open ID` in a real terminal (a pty), from the
command to the first frame where they can type with validation done, side by side with an
empty Textual app started the same way.

Each run spawns the command on a fresh pseudo-terminal of 120x40 (TERM=xterm-256color),
reads what it draws, and stops the clock when the screen first shows the marker of "ready":
for pm-tui, step 1 of the sample incident with its findings panel past "validating…"
("nothing to fix in this step"); for the empty app (Header, DataTable, Footer, the same
`python -m` start as an installed script), its one label. Then ctrl+q, and the next run.
Runs are interleaved so machine load hits both alike. The goal is <= 1.3x.

    python bench/bench_startup.py [-n RUNS]

bench/bench_startup_headless.py times the headless first paint, phase by phase.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ID = "2025-02-09-api-service-degradation"
COLUMNS, LINES = 120, 40
WIZARD_READY = "nothing to fix in this step"
WIZARD_FIRST = "validating…"
EMPTY_READY = "empty app ready"
EMPTY_APP = f"""
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Static

class Empty(App):
    def compose(self):
        yield Header()
        yield Static("{EMPTY_READY}")
        yield DataTable()
        yield Footer()

Empty().run()
"""
_ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])"
)


def pm_tui_command() -> list[str]:
    """The installed `pm-tui` script beside this Python, as a person runs it."""
    script = Path(sys.executable).with_name("pm-tui")
    if script.exists():
        return [str(script)]
    found = shutil.which("pm-tui")
    if found is None:
        raise SystemExit("pm-tui is not installed here: pip install -e . first")
    return [found]


def time_to_ready(
    command: list[str], ready: str, timeout: float = 60.0, first: str | None = None
) -> float | tuple[float, float]:
    """Seconds from spawning `command` on a 120x40 pty to `ready` on its screen; with
    `first`, (seconds to `first`, seconds to `ready`)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(LINES)}
    env.pop("TEXTUAL", None)
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    wanted = ready.encode()
    early = first.encode() if first else None
    elapsed = at_first = None
    try:
        while time.perf_counter() - start < timeout:
            readable, _, _ = select.select([master], [], [], 0.05)
            if not readable:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            shown = _ESCAPES.sub(b"", seen[-200_000:])
            if early is not None and at_first is None and early in shown:
                at_first = time.perf_counter() - start
            if wanted in shown:
                elapsed = time.perf_counter() - start
                break
        os.write(master, b"\x11")  # ctrl+q
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    finally:
        os.close(master)
    if elapsed is None:
        tail = _ESCAPES.sub(b"", seen)[-400:].decode(errors="replace")
        raise SystemExit(f"{command[0]} never showed {ready!r}; its screen ended: {tail!r}")
    if first is not None:
        return (elapsed if at_first is None else at_first), elapsed
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=9)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pm_tui.cli.cmd_demo import make_demo_repo

    root = make_demo_repo(Path(tempfile.mkdtemp(prefix="pm-tui-bench-")) / "repo")
    empty_script = Path(tempfile.mkdtemp(prefix="pm-tui-bench-")) / "empty_app.py"
    empty_script.write_text(EMPTY_APP, encoding="utf-8")
    wizard = [*pm_tui_command(), "open", SAMPLE_ID, "--repo", str(root)]
    empty = [sys.executable, str(empty_script)]
    time_to_ready(empty, EMPTY_READY)  # warm the file and bytecode caches for both
    time_to_ready(wizard, WIZARD_READY)
    runs: dict[str, list[float]] = {"empty": [], "wizard": [], "frame": []}
    for _ in range(args.n):
        runs["empty"].append(time_to_ready(empty, EMPTY_READY))
        frame, ready = time_to_ready(wizard, WIZARD_READY, first=WIZARD_FIRST)
        runs["wizard"].append(ready)
        runs["frame"].append(frame)
    e = statistics.median(runs["empty"]) * 1000
    w = statistics.median(runs["wizard"]) * 1000
    ratios = [rw / re_ for re_, rw in zip(runs["empty"], runs["wizard"], strict=True)]
    print(f"runs each: {args.n}, a {COLUMNS}x{LINES} pty, spawn → ready to type, median ms")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"empty Textual app (Header, Static, DataTable, Footer): {e:.0f} ms")
    f = statistics.median(runs["frame"]) * 1000
    print(f"pm-tui open {SAMPLE_ID}: step 1 on screen, validating: {f:.0f} ms ({f / e:.2f}x)")
    print(f"pm-tui open {SAMPLE_ID}: validation done, ready to type: {w:.0f} ms")
    print(
        f"ratio: {w / e:.2f}x (paired runs: min {min(ratios):.2f}, "
        f"median {statistics.median(ratios):.2f}, max {max(ratios):.2f}; goal: <= 1.3x)"
    )
    best_e, best_w = min(runs["empty"]) * 1000, min(runs["wizard"]) * 1000
    print(
        f"less noisy under load: best of {args.n} {best_w:.0f} / {best_e:.0f} ms = {best_w / best_e:.2f}x"
    )


if __name__ == "__main__":
    main()
