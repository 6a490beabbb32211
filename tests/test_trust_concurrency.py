"""No edit lost in silence: two writers at once are merged when they touch different fields
or rows and refused (one line, non-zero) when they touch the same; the CLI honours the
wizard's lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from pm_tui.merge import MergeConflict
from pm_tui.model import ActionItem
from pm_tui.postmortem_store import Repository
from tests.conftest import DRAFT_ID, ROOT, run_cli
from tests.hostile import assert_clean_failure, assert_no_traceback


def test_two_editors_of_different_fields_both_keep_their_edit(sample_repo):
    a, b = Repository(sample_repo.root), Repository(sample_repo.root)
    pm_a, pm_b = a.load(DRAFT_ID), b.load(DRAFT_ID)
    pm_a.summary = "Summary written by A"
    pm_b.actions.append(ActionItem(id="AI-900", action="Alert on queue depth", owner="B"))
    a.save(pm_a)
    b.save(pm_b)
    final = Repository(sample_repo.root).load(DRAFT_ID)
    assert final.summary.strip() == "Summary written by A"
    assert any(x.id == "AI-900" for x in final.actions)
    assert pm_b.summary.strip() == "Summary written by A"  # the writer's model now holds both


def test_two_editors_of_the_same_field_the_second_is_refused(sample_repo):
    a, b = Repository(sample_repo.root), Repository(sample_repo.root)
    pm_a, pm_b = a.load(DRAFT_ID), b.load(DRAFT_ID)
    pm_a.summary, pm_b.summary = "A's summary", "B's summary"
    a.save(pm_a)
    with pytest.raises(MergeConflict, match="both changed summary"):
        b.save(pm_b)
    assert Repository(sample_repo.root).load(DRAFT_ID).summary.strip() == "A's summary"


def test_the_same_timeline_row_changed_twice_is_refused_other_rows_merge(sample_repo):
    a, b = Repository(sample_repo.root), Repository(sample_repo.root)
    pm_a, pm_b = a.load(DRAFT_ID), b.load(DRAFT_ID)
    first, last = pm_a.timeline[0].id, pm_a.timeline[-1].id
    pm_a.timeline[0].text = "A rewrote the first row"
    pm_b.timeline[-1].text = "B rewrote the last row"
    a.save(pm_a)
    b.save(pm_b)
    final = Repository(sample_repo.root).load(DRAFT_ID)
    assert final.event(first).text == "A rewrote the first row"
    assert final.event(last).text == "B rewrote the last row"
    c = Repository(sample_repo.root)
    pm_c = c.load(DRAFT_ID)
    pm_c.timeline[0].text = "C"
    pm_a.timeline[0].text = "A again"
    c.save(pm_c)
    with pytest.raises(MergeConflict, match=f"timeline row {first}"):
        a.save(pm_a)


def test_concurrent_cli_edits_never_lose_an_edit_in_silence(sample_repo):
    """Two scripted `edit --plain` runs at once, several times: every run that says it
    succeeded has its edit in the file; a run that could not apply says so."""
    env = {**os.environ, "NO_COLOR": "1"}
    for round_ in range(3):
        common = [sys.executable, "-m", "pm_tui.cli.main", "--repo", str(sample_repo.root),
                  "edit", DRAFT_ID, "--plain", "--yes", "--step", "5", "--no-commit"]  # fmt: skip
        procs = [
            subprocess.Popen([*common, "--summary", f"round {round_} summary"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
            subprocess.Popen([*common, "--root-cause", f"round {round_} cause"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
        ]  # fmt: skip
        outs = [(p, *p.communicate(timeout=120)) for p in procs]
        final = Repository(sample_repo.root).load(DRAFT_ID)
        for (p, _out, err), field, value in zip(
            outs,
            ("summary", "root_cause"),
            (f"round {round_} summary", f"round {round_} cause"),
            strict=True,
        ):
            assert "Traceback" not in err, err
            if p.returncode == 0:
                assert getattr(final, field).strip() == value, (field, err)
            else:
                assert "pm-tui:" in err and ("being edited" in err or "changed since" in err), err


def test_the_cli_honours_the_wizards_lock(sample_repo):
    from pm_tui.lock import PostMortemLock

    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = PostMortemLock(sample_repo.root, DRAFT_ID, pid=holder.pid)
        assert lock.acquire() is None
        old = time.time() - 60
        os.utime(lock.path, (old, old))  # a session, not a short write
        before = sample_repo.path_for(DRAFT_ID).read_bytes()
        out = run_cli(
            "--repo", str(sample_repo.root), "edit", DRAFT_ID, "--plain", "--step", "5",
            "--summary", "from the CLI",
        )  # fmt: skip
        assert_clean_failure(out, "being edited", f"pid {holder.pid}")
        timeline = run_cli("--repo", str(sample_repo.root), "schedule", DRAFT_ID)
        assert_no_traceback(timeline)
        assert sample_repo.path_for(DRAFT_ID).read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone: its lock is stale and the next edit goes through
    out = run_cli(
        "--repo", str(sample_repo.root), "edit", DRAFT_ID, "--plain", "--yes", "--step", "5",
        "--summary", "from the CLI", "--no-commit",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "from the CLI" in sample_repo.path_for(DRAFT_ID).read_text()
