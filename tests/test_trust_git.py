"""git's lock files: a stale one is recovered, a fresh one is explained by its path, and the
index never ends up holding a revert of pm-tui's commit."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from tests.conftest import DRAFT_ID, run_cli
from tests.hostile import assert_clean_failure


def _git(root, *args) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True).stdout


def _edit(repo, text: str):
    return run_cli(
        "--repo", str(repo.root), "edit", DRAFT_ID, "--plain", "--yes", "--step", "5",
        "--summary", text,
    )  # fmt: skip


@pytest.mark.parametrize("name", ["index.lock", "HEAD.lock", "refs/heads/main.lock"])
def test_a_fresh_git_lock_is_explained_by_its_path_and_nothing_moves(sample_repo, name):
    lock = sample_repo.root / ".git" / name
    lock.write_text("")
    head = _git(sample_repo.root, "rev-parse", "HEAD")
    out = _edit(sample_repo, "Summary saved while git was busy")
    assert_clean_failure(out, str(lock), "delete")
    assert _git(sample_repo.root, "rev-parse", "HEAD") == head
    assert "Summary saved while git was busy" in sample_repo.path_for(DRAFT_ID).read_text()
    lock.unlink()
    assert _git(sample_repo.root, "diff", "--cached", "--name-only") == ""


@pytest.mark.parametrize("name", ["index.lock", "HEAD.lock"])
def test_a_stale_git_lock_is_recovered_and_the_index_follows_the_commit(sample_repo, name):
    lock = sample_repo.root / ".git" / name
    lock.write_text("")
    old = time.time() - 3600
    os.utime(lock, (old, old))
    out = _edit(sample_repo, "Summary after a crashed git")
    assert out.returncode == 0, out.stderr
    assert not lock.exists()
    assert "Summary after a crashed git" in _git(sample_repo.root, "show", "HEAD")
    # no staged revert: a plain `git commit` now would commit nothing of pm-tui's file
    assert _git(sample_repo.root, "diff", "--cached", "--name-only") == ""
    assert _git(sample_repo.root, "status", "--porcelain") == ""
