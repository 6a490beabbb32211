"""A re-collect is all or nothing per source: a source that fails keeps what it gave before
and says so; bad records become a gap, not a failed source."""

from __future__ import annotations

import json

from pm_tui.collectors.evidence_store import load_evidence
from pm_tui.postmortem_store import Repository
from tests.conftest import SAMPLE_ID, run_cli
from tests.hostile import git_history


def _log(path, n: int = 30):
    path.write_text(
        "".join(f"2025-02-09T10:{i:02d}:00Z ERROR pool exhausted request {i}\n" for i in range(n))
    )
    return path


def _evidence(repo):
    return load_evidence(repo.evidence_dir(SAMPLE_ID) / "evidence.jsonl")


def test_a_source_that_fails_when_collected_again_keeps_its_evidence(sample_repo, tmp_path):
    log = _log(tmp_path / "api.log")
    first = run_cli("--repo", str(sample_repo.root), "collect", SAMPLE_ID, "--logs", str(log))
    assert first.returncode in (0, 3), first.stderr  # 3: read, with gaps
    kept = [e for e in _evidence(sample_repo) if "pool exhausted" in e.text]
    assert kept
    log.unlink()  # the log rotated away: collecting it again fails
    again = run_cli("--repo", str(sample_repo.root), "collect", SAMPLE_ID, "--logs", str(log))
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert [e for e in _evidence(sample_repo) if "pool exhausted" in e.text] == kept
    pm = Repository(sample_repo.root).load(SAMPLE_ID)
    record = next(s for s in pm.sources if s.kind == "logs" and s.target.endswith("api.log"))
    assert record.counts.get("failed") is None and record.counts.get("in_window")
    assert any("failed" in g and "earlier evidence is kept" in g for g in record.gaps)
    # the commit of the failed run removed nothing
    head = run_cli("--repo", str(sample_repo.root), "show", SAMPLE_ID)
    assert head.returncode == 0
    assert "pool exhausted request 29" in git_history(sample_repo.root)


def test_one_bad_record_is_a_gap_not_a_failed_source(tmp_path):
    from datetime import UTC, datetime, timedelta

    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.runner import SourceSpec, collect_all, is_failed

    (tmp_path / "channels.json").write_text(json.dumps([{"id": "C1", "name": "inc"}]))
    (tmp_path / "users.json").write_text("[]")
    (tmp_path / "inc").mkdir()
    t = datetime(2025, 2, 9, 10, 10, tzinfo=UTC).timestamp()
    messages = [
        {"type": "message", "user": "U1", "text": "rolling back", "ts": f"{t:.6f}"},
        ["not", "a", "message"],
        {"type": "message", "user": "U1", "text": {"nested": "object"}, "ts": f"{t + 60:.6f}"},
        {"type": "message", "user": "U1", "text": "recovered", "ts": f"{t + 120:.6f}"},
    ]
    (tmp_path / "inc" / "2025-02-09.json").write_text(json.dumps(messages))
    start = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)
    window = CollectWindow(start, start + timedelta(hours=1))
    (result,) = collect_all([SourceSpec("slack", str(tmp_path), "inc", {"channel": "inc"})], window)
    assert not is_failed(result)
    texts = [e.text for e in result.evidence]
    assert any("rolling back" in t for t in texts) and any("recovered" in t for t in texts)
    assert any("could not be read and were skipped" in str(g) for g in result.gaps)


def test_a_corrupt_evidence_file_does_not_block_collecting_again(sample_repo, tmp_path):
    ev = sample_repo.evidence_dir(SAMPLE_ID) / "evidence.jsonl"
    ev.parent.mkdir(parents=True, exist_ok=True)
    ev.write_text('{"time": "garbage"}\nnot json at all\n[1, 2]\n')
    out = run_cli(
        "--repo",
        str(sample_repo.root),
        "collect",
        SAMPLE_ID,
        "--logs",
        str(_log(tmp_path / "a.log")),
    )
    assert out.returncode in (0, 3), out.stderr
    assert any("pool exhausted" in e.text for e in load_evidence(ev))
