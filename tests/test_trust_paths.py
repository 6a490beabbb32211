"""Ids and paths from files anyone can commit never make pm-tui write outside the repository."""

from __future__ import annotations

import os

import pytest

from tests.conftest import SAMPLE_ID, SAMPLES, run_cli
from tests.hostile import assert_clean_failure, assert_no_traceback, tree_digest

EVIL_ID = "../../elsewhere/x"


def _plant(repo, name: str, pm_id: str):
    text = (SAMPLES / f"{SAMPLE_ID}.toml").read_text(encoding="utf-8")
    text = text.replace(f'id = "{SAMPLE_ID}"', f'id = "{pm_id}"', 1)
    path = repo.postmortems_dir / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def hostile_repo(sample_repo, tmp_path):
    _plant(sample_repo, "2025-03-01-evil.toml", EVIL_ID)
    return sample_repo


def _log(tmp_path):
    log = tmp_path / "app.log"
    log.write_text("2025-02-09T10:06:00Z ERROR boom\n")
    return log


@pytest.mark.parametrize(
    "command",
    [
        ["show", "2025-03-01-evil"],
        ["edit", "2025-03-01-evil", "--plain", "--yes"],
        ["collect", "2025-03-01-evil", "--logs", "LOG"],
        ["timeline", "2025-03-01-evil", "--rebuild"],
        ["export", "2025-03-01-evil"],
    ],
)
def test_an_id_that_is_a_path_is_refused_and_nothing_is_written_outside(
    hostile_repo, tmp_path, command
):
    before = tree_digest(tmp_path)
    command = [str(_log(tmp_path)) if c == "LOG" else c for c in command]
    before = tree_digest(tmp_path)
    out = run_cli("--repo", str(hostile_repo.root), *command)
    assert_clean_failure(out, "not a post-mortem id", "2025-03-01-evil.toml:")
    assert not (tmp_path / "elsewhere").exists()
    after = tree_digest(tmp_path)
    assert after == before


def test_list_review_search_and_validate_all_report_the_bad_file_and_go_on(hostile_repo):
    listing = run_cli("--repo", str(hostile_repo.root), "list")
    assert_no_traceback(listing)
    assert SAMPLE_ID in listing.stdout
    assert "2025-03-01-evil" in listing.stdout + listing.stderr
    validate = run_cli("--repo", str(hostile_repo.root), "validate", "--all")
    assert_no_traceback(validate)
    assert validate.returncode == 2
    assert "2025-03-01-evil.toml:4:1: 'id'" in validate.stderr, validate.stderr
    for cmd in (["review"], ["search", "pool"]):
        out = run_cli("--repo", str(hostile_repo.root), *cmd)
        assert_no_traceback(out)
        assert out.returncode in (0, 1), out.stderr


def test_an_id_that_differs_from_its_file_name_is_reported_and_never_written_over(sample_repo):
    original = sample_repo.path_for(SAMPLE_ID).read_bytes()
    _plant(sample_repo, "2025-03-02-copy.toml", SAMPLE_ID)
    out = run_cli("--repo", str(sample_repo.root), "validate", "2025-03-02-copy")
    assert_clean_failure(out, "2025-03-02-copy.toml:", f"'id' is '{SAMPLE_ID}'", "rename the file")
    edit = run_cli(
        "--repo", str(sample_repo.root), "edit", "2025-03-02-copy", "--plain", "--yes",
        "--summary", "overwritten",
    )  # fmt: skip
    assert_clean_failure(edit, "named 2025-03-02-copy.toml")
    assert sample_repo.path_for(SAMPLE_ID).read_bytes() == original


def test_a_symlinked_evidence_folder_is_refused(sample_repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine\n")
    ev = sample_repo.evidence_dir(SAMPLE_ID)
    import shutil

    shutil.rmtree(ev)
    os.symlink(outside, ev)
    before = tree_digest(outside)
    out = run_cli(
        "--repo", str(sample_repo.root), "collect", SAMPLE_ID, "--logs", str(_log(tmp_path))
    )
    assert_clean_failure(out, "outside")
    rebuild = run_cli("--repo", str(sample_repo.root), "timeline", SAMPLE_ID, "--rebuild")
    assert_no_traceback(rebuild)
    assert tree_digest(outside) == before


def test_a_symlinked_postmortems_folder_is_refused_for_writes(repo, tmp_path):
    import shutil

    outside = tmp_path / "outside-pm"
    outside.mkdir()
    shutil.rmtree(repo.postmortems_dir)
    os.symlink(outside, repo.postmortems_dir)
    out = run_cli(
        "--repo", str(repo.root), "new", "--title", "t", "--started", "2025-01-01T00:00:00Z"
    )
    assert_clean_failure(out, "outside")
    assert list(outside.iterdir()) == []


def test_lock_and_autosave_paths_take_valid_ids_only(repo):
    from pm_tui.lock import PostMortemLock, lock_path
    from pm_tui.safepath import UnsafePathError
    from pm_tui.workstate import autosave_path, discard_autosave, recoverable_autosave

    for bad in (EVIL_ID, "2025-01-01-x/../../y", "", "2025-01-01-X"):
        with pytest.raises(UnsafePathError):
            lock_path(repo.root, bad)
        with pytest.raises(UnsafePathError):
            autosave_path(repo.root, bad)
        with pytest.raises(UnsafePathError):
            PostMortemLock(repo.root, bad)
        with pytest.raises(UnsafePathError):
            discard_autosave(repo.root, bad)
        assert recoverable_autosave(repo.root, bad, repo.root / "x.toml") is None
    assert autosave_path(repo.root, "2025-01-01-ok").name == "2025-01-01-ok.toml"


def test_an_autosave_copy_holding_another_id_is_not_offered(repo):
    from datetime import UTC, datetime

    from pm_tui.model import new_postmortem
    from pm_tui.workstate import autosave_path, recoverable_autosave

    pm = new_postmortem("ok", datetime(2025, 1, 1, tzinfo=UTC))
    path = repo.save(pm)
    copy = autosave_path(repo.root, pm.id)
    copy.parent.mkdir(parents=True)
    copy.write_text(path.read_text().replace(pm.id, "2025-01-01-other"))
    os.utime(copy, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    assert recoverable_autosave(repo.root, pm.id, path) is None
