"""The hostile-file corpus against every repository-wide command and each file alone: one
line per bad file (path:line:column), the good files still listed, never a traceback, never
a hang (30 s), never more than 300 MB."""

from __future__ import annotations

import pytest

from tests.conftest import DRAFT_ID, ROOT, SAMPLE_ID
from tests.hostile import assert_no_traceback, run_cli_measured
from tests.hostile_files import READABLE, hostile_postmortems, plant

LIMIT_S = 30
LIMIT_MB = 300


def _run(*args: str, cwd=ROOT):
    """The CLI in a subprocess: (process, seconds); its peak memory must stay under LIMIT_MB."""
    out, took, peak = run_cli_measured(*args, cwd=cwd, timeout=LIMIT_S)
    assert 0 < peak < LIMIT_MB, (args, peak)
    return out, took


@pytest.fixture(scope="module")
def corpus():
    return hostile_postmortems()


@pytest.fixture
def hostile_repo(sample_repo, corpus):
    plant(sample_repo, corpus)
    return sample_repo


@pytest.mark.parametrize(
    "command",
    [["list"], ["review"], ["search", "pool"], ["validate", "--all"], ["list", "--format", "json"]],
)
def test_repository_wide_commands_report_each_bad_file_and_go_on(hostile_repo, corpus, command):
    out, took = _run("--repo", str(hostile_repo.root), *command)
    assert_no_traceback(out)
    assert took < LIMIT_S
    if "unrecognized arguments" in out.stderr:
        pytest.skip("no --format for list")
    assert out.returncode in (0, 1, 2), out.stderr
    if command[0] == "list":
        assert SAMPLE_ID in out.stdout and DRAFT_ID in out.stdout
    if command[0] == "validate":
        assert out.returncode == 2
        for pm_id in set(corpus) - READABLE:
            lines = [line for line in out.stderr.splitlines() if f"/{pm_id}.toml:" in line]
            assert len(lines) == 1, (pm_id, out.stderr[-2000:])


def test_each_bad_file_alone_is_one_line(hostile_repo, corpus):
    failures = []
    for pm_id in corpus:
        out, took = _run("--repo", str(hostile_repo.root), "validate", pm_id)
        lines = [ln for ln in out.stderr.splitlines() if ln.startswith("pm-tui:")]
        if "Traceback" in out.stderr or took > LIMIT_S:
            failures.append(f"{pm_id}: traceback or {took:.0f}s\n{out.stderr[-800:]}")
        elif out.returncode == 0 and pm_id not in READABLE:
            failures.append(f"{pm_id}: accepted in silence")
        elif out.returncode == 2 and len(lines) != 1:
            failures.append(f"{pm_id}: {len(lines)} error lines: {out.stderr[:300]}")
    assert not failures, "\n".join(failures)


def test_a_fifo_or_a_folder_named_like_a_post_mortem_is_skipped(sample_repo):
    import os

    os.mkfifo(sample_repo.postmortems_dir / "2025-03-13-fifo.toml")
    (sample_repo.postmortems_dir / "2025-03-13-folder.toml").mkdir()
    for command in (["list"], ["validate", "--all"], ["review"]):
        out, took = _run("--repo", str(sample_repo.root), *command)
        assert_no_traceback(out)
        assert took < LIMIT_S
    out, _ = _run("--repo", str(sample_repo.root), "validate", "2025-03-13-fifo")
    assert "not a regular file" in out.stderr
