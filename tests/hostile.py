"""Shared checks for the hostile-input tests: no traceback, one-line errors, nothing
written outside the repository, no secret in git."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path


def assert_clean_failure(out, *needles: str) -> None:
    """A refused command: non-zero exit, no traceback, one `pm-tui:` line naming the problem."""
    assert out.returncode != 0, (out.stdout, out.stderr)
    assert_no_traceback(out)
    errors = [line for line in out.stderr.splitlines() if line.startswith("pm-tui:")]
    assert errors, out.stderr
    for needle in needles:
        assert needle in out.stderr, out.stderr


def assert_no_traceback(out) -> None:
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout, out.stderr[-3000:]


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file (and symlink) under `folder` with a digest of its bytes: compare before/after."""
    digest: dict[str, str] = {}
    if not folder.exists():
        return digest
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        for name in filenames:
            p = Path(dirpath) / name
            if p.is_symlink():
                digest[str(p.relative_to(folder))] = "link:" + os.readlink(p)
            else:
                digest[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return digest


def git_history(root: Path) -> str:
    """Every commit's patch (`git log -p --all`), for hunting planted secrets."""
    return subprocess.run(
        ["git", "log", "-p", "--all", "--format=%H %s"],
        cwd=root,
        capture_output=True,
        text=True,
        errors="replace",
    ).stdout


# The peak memory of the CLI itself: VmHWM of its own address space (ru_maxrss would carry
# over the forking parent's size across exec).
_MEASURED = (
    "import atexit, runpy, sys\n"
    "def _peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.__stderr__.write('PEAK_KB ' + line.split()[1] + '\\n')\n"
    "atexit.register(_peak)\n"
    "sys.argv = ['pm-tui'] + sys.argv[1:]\n"
    "runpy.run_module('pm_tui.cli.main', run_name='__main__')\n"
)


def peak_mb_of(code: str) -> str:
    """`code` (a `python -c` program) that also reports its peak memory on stderr."""
    return (
        "import atexit, sys\n"
        "def _peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            sys.__stderr__.write('PEAK_KB ' + line.split()[1] + '\\n')\n"
        "atexit.register(_peak)\n" + code
    )


def run_cli_measured(*args: str, cwd, timeout: float = 120):
    """Run `pm-tui ARGS`: (CompletedProcess, seconds, peak MB of the CLI process)."""
    import sys
    import time

    t0 = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return out, time.monotonic() - t0, peak_from(out.stderr)


def peak_from(stderr: str) -> float:
    """The PEAK_KB figure a measured process wrote, in MB (0 when absent)."""
    for line in stderr.splitlines():
        if line.startswith("PEAK_KB "):
            return int(line.split()[1]) / 1024
    return 0.0
