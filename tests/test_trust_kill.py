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
