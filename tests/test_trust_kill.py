"""kill -9 at random moments during save and commit, a few times (bench/bench_kill.py runs
the 100 tries of the figures): never a torn file, git fsck clean, no staged revert, and
the next edit goes through or names the lock to remove."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def test_kill_during_save_and_commit_leaves_nothing_broken():
    spec = importlib.util.spec_from_file_location("bench_kill", ROOT / "bench" / "bench_kill.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    figures = bench.run(tries=6, seed=7)
    assert figures["tries"] == 6
    for key in (
        "torn",
        "fsck_errors",
        "staged_reverts",
        "lost_edits",
        "tracebacks",
        "follow_up_failures",
    ):
        assert figures[key] == 0, figures


HOOK_KILLS_PM_TUI_WHEN_HEAD_MOVED = """#!/bin/sh
# git runs this on every ref update; once HEAD has moved, kill -9 the pm-tui that ran git
[ "$1" = committed ] || exit 0
kill -9 "$(awk '{print $4}' /proc/$PPID/stat)"
"""


def test_killed_right_after_head_moves_leaves_no_staged_revert(tmp_path):
    """The moment between HEAD moving and the index following it: a person's next plain
    `git commit` must not record the old post-mortem back (a staged revert)."""
    import os
    import subprocess
    import sys

    from pm_tui.cli.cmd_demo import make_demo_repo

    root = make_demo_repo(tmp_path / "repo")
    pm_id = "2025-06-14-payment-webhook-backlog"
    hook = root / ".git" / "hooks" / "reference-transaction"
    hook.write_text(HOOK_KILLS_PM_TUI_WHEN_HEAD_MOVED)
    hook.chmod(0o755)
    head_before = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                                 text=True).stdout  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "pm_tui.cli.main", "--repo", str(root), "edit", pm_id,
         "--plain", "--yes", "--step", "5", "--summary", "Summary written just before a kill"],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == -9, proc.stderr  # killed by the hook, after HEAD moved
    hook.unlink()
    git = lambda *a: subprocess.run(["git", *a], cwd=root, capture_output=True, text=True).stdout  # noqa: E731
    assert git("rev-parse", "HEAD") != head_before
    assert "Summary written just before a kill" in git("show", f"HEAD:postmortems/{pm_id}.toml")
    # nothing staged that differs from HEAD: a plain `git commit` has nothing to undo
    assert git("diff", "--cached", "--name-only").strip() == ""
