"""The checklist rules: each fires on the problem it names and stays quiet on a good post-mortem."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime

import pytest

from pm_tui.model import Acknowledgement, Distribution, TimelineEvent
from pm_tui.toml_read import parse_postmortem
from pm_tui.toml_write import render_postmortem
from pm_tui.validation import validate
from tests.conftest import SAMPLE_ID, SAMPLES, run_cli

TODAY = date(2025, 3, 1)


@pytest.fixture
def good():
    return parse_postmortem((SAMPLES / f"{SAMPLE_ID}.toml").read_text())


def rules(pm, **kw):
    return {f.rule for f in validate(pm, today=kw.get("today", TODAY)) if not f.acknowledged}


def test_the_published_sample_has_no_findings(good):
    assert [f.rule for f in validate(good, today=TODAY)] == []


def test_the_draft_sample_has_warnings_only():
    pm = parse_postmortem((SAMPLES / "2025-06-14-payment-webhook-backlog.toml").read_text())
    findings = validate(pm, today=TODAY)
    assert findings and {f.severity for f in findings} <= {"warning", "info"}
    assert {"owner/placeholder", "deadline/missing", "shallow/too-few-factors"} <= {
        f.rule for f in findings
    }


@pytest.mark.parametrize(
    "owner, rule",
    [("", "owner/missing"), ("TBD", "owner/placeholder"), ("someone", "owner/placeholder"),
     ("the team", "owner/placeholder"), ("Platform team", "owner/placeholder"), ("alice.chen", None)],
)  # fmt: skip
def test_owners(good, owner, rule):
    good.actions[0].owner = owner
    found = {r for r in rules(good) if r.startswith("owner/")}
    assert found == ({rule} if rule else set())


def test_deadlines(good):
    good.actions[0].deadline = None
    good.actions[1].deadline = date(2024, 12, 1)
    good.actions[2].deadline = date(2026, 1, 1)
    by_row = {(f.rule, f.row) for f in validate(good, today=TODAY)}
    assert ("deadline/missing", "AI-001") in by_row
    assert ("deadline/before-incident", "AI-002") in by_row
    assert ("deadline/far-off", "AI-003") in by_row


def test_priority_and_duplicate_ids(good):
    good.actions[0].priority = "Urgent"
    good.actions.append(copy.deepcopy(good.actions[1]))
    r = rules(good)
    assert "process/action-priority" in r and "process/duplicate-action-id" in r


def test_shallow_analysis(good):
    good.analysis.factors = good.analysis.factors[:1]
    good.analysis.immediate_causes = []
    good.analysis.systemic_issues = []
    good.analysis.five_whys[0].whys = good.analysis.five_whys[0].whys[:3]
    r = rules(good)
    assert {"shallow/too-few-factors", "shallow/no-immediate-cause", "shallow/no-systemic-issue",
            "shallow/five-whys-short"} <= r  # fmt: skip


def test_timeline_rules(good):
    t = good.timeline
    t[3].time, t[4].time = t[4].time, t[3].time
    t.append(TimelineEvent("T-099", datetime(2025, 2, 12, 9, 0, tzinfo=UTC), "Unrelated", "other"))
    t.append(copy.deepcopy(t[1]))
    t[-1].id = "T-100"
    r = rules(good)
    assert {"timeline/out-of-order", "timeline/outside-window", "timeline/duplicate"} <= r
    good.timeline = []
    assert "timeline/empty" in rules(good)


def test_non_utc_times_are_flagged_and_keep_their_offset_in_the_file(good):
    from datetime import timedelta, timezone

    good.timeline[2].time = good.timeline[2].time.astimezone(timezone(timedelta(hours=1)))
    assert "timeline/not-utc" in rules(good)
    assert "2025-02-09T11:12:00+01:00" in render_postmortem(good)


def test_missing_milestones(good):
    good.timeline = [e for e in good.timeline if e.kind not in ("alert_fired", "paged", "resolved")]
    good.window.detected = None
    good.window.resolved = None
    msgs = [
        f.message for f in validate(good, today=TODAY) if f.rule == "timeline/missing-milestone"
    ]
    assert any("detected" in m for m in msgs) and any("end" in m for m in msgs)


def test_process_rules(good):
    good.distribution = []
    good.actions[3].tracker_url = ""
    good.follow_up_review = None
    r = rules(good)
    assert {
        "process/not-distributed",
        "process/untracked-action",
        "process/no-follow-up-review",
    } <= r
    good.follow_up_review = date(2025, 2, 12)
    assert "process/follow-up-timing" in rules(good)
    good.distribution = [
        Distribution(datetime(2025, 2, 14, tzinfo=UTC), "email", ["x@example.com"])
    ]
    assert "process/late-distribution" in rules(good)


def test_not_distributed_waits_48_hours(good):
    good.distribution = []
    assert "process/not-distributed" not in rules(good, today=date(2025, 2, 10))
    assert "process/not-distributed" in rules(good, today=date(2025, 2, 12))


def test_strictness_by_status(good):
    good.actions[0].owner = "TBD"
    good.status = "draft"
    assert {f.severity for f in validate(good, today=TODAY) if f.rule == "owner/placeholder"} == {
        "warning"
    }
    good.status = "in-review"
    assert {f.severity for f in validate(good, today=TODAY) if f.rule == "owner/placeholder"} == {
        "error"
    }


def test_acknowledgement_silences_one_finding_and_stays_visible(good):
    good.actions[0].owner = "TBD"
    good.actions[1].owner = "TBD"
    good.acknowledged.append(
        Acknowledgement("owner/placeholder", "actions/AI-001/owner", "rotating owner", "Priya")
    )
    found = [f for f in validate(good, today=TODAY) if f.rule == "owner/placeholder"]
    assert {(f.row, f.acknowledged) for f in found} == {
        ("AI-001", "rotating owner"),
        ("AI-002", ""),
    }
    assert "rotating owner" in render_postmortem(good)


def test_findings_point_at_line_and_column_in_the_file(good):
    good.actions[1].owner = ""
    text = render_postmortem(good)
    findings = validate(parse_postmortem(text), text=text, today=TODAY)
    f = next(f for f in findings if f.rule == "owner/missing")
    lines = text.splitlines()
    assert lines[f.line - 1].startswith('owner = ""')
    assert 'id = "AI-002"' in lines[f.line - 4 : f.line - 1][0] or 'id = "AI-002"' in "\n".join(
        lines[f.line - 5 : f.line]
    )


def test_validate_cli_exit_codes_and_output(tmp_path, good):
    ok = tmp_path / "ok.toml"
    ok.write_text(render_postmortem(good))
    good.actions[2].owner = "someone"
    bad = tmp_path / "bad.toml"
    bad.write_text(render_postmortem(good))
    assert run_cli("validate", str(ok)).returncode == 0
    out = run_cli("validate", str(bad))
    assert out.returncode == 1
    first = out.stdout.splitlines()[0]
    assert first.startswith(f"{bad}:") and " error owner/placeholder " in first
    assert out.stdout.splitlines()[1].startswith("    ")  # the suggestion
    data = json.loads(run_cli("validate", str(bad), "--format", "json").stdout)
    assert data[0]["findings"][0]["rule"] == "owner/placeholder"
    assert data[0]["findings"][0]["line"] > 1

    good.status = "draft"
    draft = tmp_path / "draft.toml"
    draft.write_text(render_postmortem(good))
    assert run_cli("validate", str(draft)).returncode == 0
    assert run_cli("validate", str(draft), "--strict").returncode == 1

    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\ntitle = \n")
    out = run_cli("validate", str(broken))
    assert out.returncode == 2 and f"{broken}:2:" in out.stderr
    assert run_cli("validate").returncode == 2


def test_validate_names_fields_as_the_wizard_labels_them(tmp_path, sample_repo):
    # A person reads "immediate cause 1" and "AI-003 ticket link", never immediate_causes[0]
    # or tracker_url; the JSON keeps its fields and adds the same words as "place".
    from tests.conftest import SAMPLE_ID

    pm = sample_repo.load(SAMPLE_ID)
    pm.analysis.immediate_causes = ["Bob forgot to add the index."]
    pm.actions[1].owner = ""
    pm.actions[2].tracker_url = ""
    pm.actions[2].status = "open"
    path = tmp_path / f"{SAMPLE_ID}.toml"
    path.write_text(render_postmortem(pm))
    out = run_cli("validate", str(path))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    blame = next(i for i, ln in enumerate(lines) if "blame/person-fault" in ln)
    assert " blame/person-fault immediate cause 1: " in lines[blame]
    assert lines[blame + 1].startswith("    → Describe what allowed this")  # the rewrite
    assert any(" owner/missing AI-002 owner: " in ln for ln in lines)
    assert any("AI-003 ticket link: " in ln for ln in lines), out.stdout
    assert "immediate_causes" not in out.stdout and "tracker_url" not in out.stdout
    data = json.loads(run_cli("validate", str(path), "--format", "json").stdout)
    found = {f["field"]: f for f in data[0]["findings"]}
    assert found["immediate_causes[0]"]["place"] == "immediate cause 1"
    assert found["tracker_url"]["place"] == "AI-003 ticket link"
    assert found["tracker_url"]["location"] == "actions/AI-003/tracker_url"
