"""Units of the timeline reconstruction that need no log collector: templates, detectors,
accepting, storage, factor hints, durations, the CLI and the JSON export."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectWindow, Evidence
from pm_tui.durations import durations, timeline_durations
from pm_tui.errors import PmTuiError
from pm_tui.model import TimelineEvent, new_postmortem
from pm_tui.postmortem_store import read_postmortem
from pm_tui.timeline import accept, factor_hints, load_candidates, reconstruct, save_candidates
from pm_tui.timeline.accept import HIGH_CONFIDENCE
from pm_tui.timeline.templates import compact_logs, mask, mine
from tests import synthetic_oom
from tests.conftest import SAMPLE_ID, SAMPLES, run_cli

T0 = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
WINDOW = CollectWindow(T0, T0 + timedelta(hours=1), timedelta(hours=1))


def log(minutes: float, text: str, level: str = "error", source: str = "app.log") -> Evidence:
    return Evidence(T0 + timedelta(minutes=minutes), source, "log", text, {"level": level})


def test_masking_keeps_the_words_and_hides_the_variables():
    line = "timeout 30.00s for user 'bob' from 10.1.2.3:5432 req=ab12cd34ef id C-11132 after 120ms"
    assert mask(line) == "timeout <*> for user <*> from <*> req=<*> id <*> after <*>"


def test_similar_lines_share_one_template_and_levels_stay_apart():
    records = [log(i, f"payment {i} failed for order O-{i}7 after {i}s") for i in range(5)]
    records.append(log(6, "payment 9 failed for order O-97 after 9s", level="warning"))
    templates = mine(records)
    assert sorted((t.level, t.total) for t in templates) == [("error", 5), ("warning", 1)]


def _steady_and_burst() -> list[Evidence]:
    steady = [
        log(m, f"upstream timed out calling recs (timeout {m % 3}s)") for m in range(-60, 60, 4)
    ]
    burst = [
        log(5 + i / 10, f"pool exhausted: 30 of 30 connections busy, waited {i}s")
        for i in range(200)
    ]
    return sorted(steady + burst, key=lambda e: e.time)


def test_a_new_burst_is_an_event_with_its_end_and_steady_noise_is_not():
    candidates = reconstruct(_steady_and_burst(), WINDOW)
    texts = [(c.kind, c.text) for c in candidates]
    assert any(k == "first_symptom" and "pool exhausted" in t for k, t in texts), texts
    assert any(k == "recovery" and "stop" in t for k, t in texts), texts
    assert not any("upstream timed out" in t for _, t in texts), texts
    first = next(c for c in candidates if c.kind == "first_symptom")
    assert first.time == T0 + timedelta(minutes=5) and "capacity" in first.tags


def test_folding_logs_per_template_and_minute_keeps_what_the_timeline_needs():
    evidence = _steady_and_burst()
    folded = compact_logs(evidence)
    assert len(folded) < len(evidence) / 4
    assert sum(e.attrs.get("repeat", 1) for e in folded) == len(evidence)
    assert [c.text for c in reconstruct(folded, WINDOW)] == [
        c.text for c in reconstruct(evidence, WINDOW)
    ]


def test_a_metric_crossing_and_recovery_carry_the_values():
    points = []
    for i in range(-240, 240):  # 15 s steps, two hours
        v = 0.3 if 20 <= i < 100 else 0.002 + (i % 3) * 0.0005
        points.append(((T0 + timedelta(seconds=15 * i)).isoformat(), v))
    series = Evidence(T0 - timedelta(hours=1), "prometheus:x", "metric", "", {"name": "error_ratio", "labels": {"job": "api"}, "points": points})  # fmt: skip
    candidates = reconstruct([series], WINDOW)
    up = next(c for c in candidates if c.kind == "first_symptom")
    down = next(c for c in candidates if c.kind == "recovery")
    # outside from the 12:05:00 sample, usual at 12:04:45: the departure lies between
    assert up.time == T0 + timedelta(minutes=4, seconds=53) and "0.3 at 12:05:00" in up.text
    # back inside at the 12:25:00 sample, still outside at 12:24:45: the return lies between
    assert down.time == T0 + timedelta(minutes=24, seconds=52) and "back within" in down.text
    assert "0.0025 at 12:25:00" in down.text


def test_chat_findings_are_low_confidence_and_questions_and_bots_are_not_candidates():
    said = [
        (10, "U1", "Ann", "identified: the cache node ran out of disk"),
        (11, "U2", "Ben", "should we roll back?"),
        (12, "", "PagerDuty", "Alert [RESOLVED] DiskFull"),
        (13, "U2", "Ben", "lunch?"),
    ]
    evidence = [
        Evidence(T0 + timedelta(minutes=m), "slack:x", "message", text, {"user": u, "actor": a})
        for m, u, a, text in said
    ]
    candidates = reconstruct(evidence, WINDOW)
    assert [(c.kind, c.actor) for c in candidates] == [("diagnosis", "Ann")]
    # a stated cause is a useful diagnosis (#20), but a person's word alone is never taken by
    # --accept-high
    assert 0.5 <= candidates[0].confidence < HIGH_CONFIDENCE


def test_accept_adds_rows_with_new_ids_once(tmp_path):
    pm = read_postmortem(SAMPLES / f"{SAMPLE_ID}.toml")
    candidates = reconstruct(_steady_and_burst(), WINDOW)
    before = len(pm.timeline)
    once = accept(pm, candidates)
    assert len(pm.timeline) == before  # the original is untouched
    assert len(once.timeline) == before + len(candidates)
    new = [e for e in once.timeline if e.id not in {x.id for x in pm.timeline}]
    assert {e.kind for e in new} == {c.kind for c in candidates}
    assert len({e.id for e in once.timeline}) == len(once.timeline)
    assert accept(once, candidates).timeline == once.timeline
    assert once.timeline == sorted(once.timeline, key=lambda e: e.time)


def test_candidates_are_kept_beside_the_post_mortem(repo):
    candidates = reconstruct(_steady_and_burst(), WINDOW)
    assert load_candidates(repo, "2025-05-01-x") == []
    save_candidates(repo, "2025-05-01-x", candidates)
    assert load_candidates(repo, "2025-05-01-x") == candidates
    path = repo.evidence_dir("2025-05-01-x") / "candidates.json"
    assert [p.name for p in path.parent.iterdir()] == ["candidates.json"]  # no temp file left
    path.write_text("{not json")
    with pytest.raises(PmTuiError, match="--rebuild"):
        load_candidates(repo, "2025-05-01-x")


def test_pending_leaves_out_accepted_candidates_and_high_confidence_filters():
    from pm_tui.timeline import high_confidence, pending

    pm = read_postmortem(SAMPLES / f"{SAMPLE_ID}.toml")
    candidates = reconstruct(_steady_and_burst(), WINDOW)
    assert pending(pm, candidates) == candidates
    once = accept(pm, candidates[:1])
    assert pending(once, candidates) == candidates[1:]
    strong = high_confidence(candidates, 0.0)
    assert strong == candidates and high_confidence(candidates, 1.01) == []


def test_dismissed_candidates_persist_and_accumulate(repo):
    from pm_tui.timeline import dismiss, load_dismissed

    assert load_dismissed(repo, "2025-05-01-x") == set()
    assert dismiss(repo, "2025-05-01-x", ["C-b"]) == {"C-b"}
    assert dismiss(repo, "2025-05-01-x", ["C-a", "C-b"]) == {"C-a", "C-b"}
    assert load_dismissed(repo, "2025-05-01-x") == {"C-a", "C-b"}  # read back from disk
    path = repo.evidence_dir("2025-05-01-x") / "dismissed.json"
    assert [p.name for p in path.parent.iterdir()] == ["dismissed.json"]  # no temp file left
    path.write_text("[1, 2")
    with pytest.raises(PmTuiError, match="dismissed.json"):
        load_dismissed(repo, "2025-05-01-x")


def test_factor_hints_on_the_sample_cite_the_rows_behind_them():
    pm = read_postmortem(SAMPLES / f"{SAMPLE_ID}.toml")
    hints = {h.category: h for h in factor_hints(pm)}
    assert hints["change-management"].events == ["T-001", "T-002"]
    assert (
        hints["monitoring"].events == ["T-002", "T-003"] and "7m" in hints["monitoring"].description
    )
    assert "T-007" in hints["capacity"].events
    assert "process" not in hints  # acknowledged four minutes after the page
    assert pm.analysis.factors and len(factor_hints(pm)) == len(hints)  # nothing was applied


def test_slow_acknowledgement_is_a_paging_hint():
    pm = new_postmortem("x", T0)
    pm.timeline = [
        TimelineEvent("T-001", T0, "errors", "first_symptom"),
        TimelineEvent("T-002", T0 + timedelta(minutes=2), "paged", "paged"),
        TimelineEvent("T-003", T0 + timedelta(minutes=30), "ack", "acknowledged"),
    ]
    hints = {h.category: h.events for h in factor_hints(pm)}
    assert hints == {"process": ["T-002", "T-003"]}


def test_durations_include_the_duration_and_timeline_only_figures():
    pm = read_postmortem(SAMPLES / f"{SAMPLE_ID}.toml")
    figures = durations(pm).as_dict()
    assert figures["duration_seconds"] == 95 * 60
    assert figures["acknowledge_after_page_seconds"] == 4 * 60 + 5
    assert timeline_durations(pm).detect == timedelta(minutes=7)


def test_cli_rebuilds_from_an_evidence_folder_accepts_and_exports(tmp_path):
    folder = synthetic_oom.write(tmp_path / "evidence")
    repo_dir = tmp_path / "repo"
    created = run_cli("--repo", str(repo_dir), "new", "--title", "Checkout OOM kills", "--started", "2025-03-03T14:00:00Z", "--resolved", "2025-03-03T14:50:00Z")  # fmt: skip
    assert created.returncode == 0, created.stderr
    pm_id = "2025-03-03-checkout-oom-kills"
    done = run_cli(
        "--repo", str(repo_dir), "timeline", pm_id, "--from-evidence", str(folder), "--accept-all"
    )
    assert done.returncode == 0, done.stderr
    assert "acknowledged" in done.stdout and "Page acknowledged by Bob Okafor" in done.stdout
    again = run_cli("--repo", str(repo_dir), "timeline", pm_id)
    assert again.stdout == done.stdout  # printed from the stored candidates
    exported = run_cli("--repo", str(repo_dir), "export", pm_id, "--format", "json")
    data = json.loads(exported.stdout)
    assert data["candidates"] and {c["kind"] for c in data["candidates"]} >= {
        "paged",
        "acknowledged",
        "resolved",
    }
    assert data["durations"]["time_to_acknowledge_seconds"] == 21 * 60
    assert any(e["kind"] == "acknowledged" and e["actor"] == "Bob Okafor" for e in data["timeline"])
    status = run_cli(
        "--repo", str(repo_dir), "timeline", pm_id, "--rebuild"
    )  # from the kept evidence
    assert status.returncode == 0 and "Page acknowledged by Bob Okafor" in status.stdout


def test_cli_rebuild_without_evidence_says_what_to_do(tmp_path):
    repo_dir = tmp_path / "repo"
    run_cli(
        "--repo", str(repo_dir), "new", "--title", "Quiet one", "--started", "2025-03-03T14:00:00Z"
    )
    done = run_cli("--repo", str(repo_dir), "timeline", "2025-03-03-quiet-one", "--rebuild")
    assert (
        done.returncode == 2 and "pm-tui collect" in done.stderr and "Traceback" not in done.stderr
    )
