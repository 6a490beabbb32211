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
