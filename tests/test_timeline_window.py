"""#20: the window's milestones proposed from the evidence, `--window` / `--accept-high`, and the
judgement that keeps noise below high confidence. Real evidence folders (tests/incidents/dev,
tests/incidents/own), a real repository, the CLI."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pm_tui import postmortem_store
from pm_tui.collectors.evidence import CollectWindow, Evidence
from pm_tui.durations import durations
from pm_tui.model import TimelineEvent, new_postmortem
from pm_tui.timeline import reconstruct
from pm_tui.timeline.accept import HIGH_CONFIDENCE
from pm_tui.timeline.milestones import propose_milestones

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "incidents" / "dev"
OWN = ROOT / "tests" / "incidents" / "own"


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _collected(tmp_path: Path, folder: Path):
    """A post-mortem with the rough window of the incident's truth, its folder collected."""
    from pm_tui.cli.main import main

    truth = tomllib.loads((folder / "truth.toml").read_text())
    rough = truth["rough_window"]
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("DNS outage", _utc(rough["start"]), resolved=_utc(rough["end"]))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    assert main([*argv, "collect", pm.id, "--evidence", str(folder / "evidence"),
                 "--start", rough["start"], "--end", rough["end"]]) in (0, 3)  # fmt: skip
    assert main([*argv, "timeline", pm.id, "--rebuild"]) == 0
    return repo, pm, truth, argv


def test_window_prints_milestones_from_the_evidence_not_the_typed_window(tmp_path, capsys):
    from pm_tui.cli.main import main

    repo, pm, truth, argv = _collected(tmp_path, DEV / "dns-consul-forward")
    capsys.readouterr()
    assert main([*argv, "timeline", pm.id, "--window"]) == 0
    out = capsys.readouterr().out
    assert "MILESTONE" in out and "started" in out and "resolved" in out
    assert main([*argv, "timeline", pm.id, "--window", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    proposed = {m["name"]: m for m in data["milestones"]}
    assert set(proposed) == {"started", "detected", "acknowledged", "mitigated", "resolved"}
    for name, m in proposed.items():
        want = _utc(truth["milestones"][name])
        assert abs(_utc(m["time"]) - want) <= timedelta(seconds=60), name
        assert m["candidates"] and m["sources"] and 0 < m["confidence"] <= 1
    # the typed rough window is never a milestone by itself
    assert _utc(proposed["started"]["time"]) != pm.window.started
    assert _utc(proposed["resolved"]["time"]) != pm.window.resolved


def test_accept_high_sets_the_window_and_skips_repeats_of_curated_rows(tmp_path, capsys):
    from pm_tui.cli.main import main

    repo, pm, truth, argv = _collected(tmp_path, DEV / "dns-consul-forward")
    # the person already wrote the page, 40 s off the PagerDuty record
    pm = repo.load(pm.id)
    paged = _utc(next(k["time"] for k in truth["key_event"] if k["kind"] == "paged"))
    pm.timeline.append(
        TimelineEvent(
            id=pm.next_event_id(),
            time=paged + timedelta(seconds=40),
            text="Dana paged",
            kind="paged",
        )  # fmt: skip
    )
    repo.save(pm)
    capsys.readouterr()
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    err = capsys.readouterr().err
    assert "skipped paged" in err and "repeats T-001" in err
    saved = repo.load(pm.id)
    assert [e.kind for e in saved.timeline].count("paged") == 1
    got = durations(saved)
    started = _utc(truth["milestones"]["started"])
    for figure, name in (("detect", "detected"), ("acknowledge", "acknowledged"),
                         ("mitigate", "mitigated"), ("resolve", "resolved")):  # fmt: skip
        want = _utc(truth["milestones"][name]) - started
        assert abs(getattr(got, figure) - want) <= timedelta(seconds=60), figure
    # noise of the folder stays out of the curated timeline
    texts = " ".join(e.text for e in saved.timeline)
    assert "KafkaConsumerGroupLag" not in texts and "KubeJobFailed" not in texts
    assert "search-indexer" not in texts


def test_accepted_milestones_set_the_durations_and_the_rough_window_still_bounds_the_read(
    tmp_path, capsys
):
    """--accept-high moves the window to the milestones (saved in the TOML, durations from
    them); collecting again and rebuilding still read the whole rough window typed first."""
    from pm_tui.cli.main import main
    from pm_tui.timeline import load_candidates

    repo, pm, truth, argv = _collected(tmp_path, DEV / "dns-consul-forward")
    rough = truth["rough_window"]
    before = [(c.time, c.kind, c.text) for c in load_candidates(repo, pm.id)]
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    saved = tomllib.loads(repo.path_for(pm.id).read_text())["window"]
    for name in ("started", "detected", "acknowledged", "mitigated", "resolved"):
        got = saved[name] if isinstance(saved[name], datetime) else _utc(saved[name])
        assert abs(got - _utc(truth["milestones"][name])) <= timedelta(seconds=60), name
    assert _utc(rough["start"]) < _utc(truth["milestones"]["started"])
    # rebuilding reads the same span: the same candidates
    assert main([*argv, "timeline", pm.id, "--rebuild"]) == 0
    assert [(c.time, c.kind, c.text) for c in load_candidates(repo, pm.id)] == before
    capsys.readouterr()
    # collecting again reads the rough window (an hour of baseline before it), not the milestones
    assert main([*argv, "collect", pm.id, "--no-commit"]) in (0, 3)
    err = capsys.readouterr().err
    read_from = _utc(rough["start"]) - timedelta(minutes=60)
    assert f"{read_from:%Y-%m-%d %H:%M} to {_utc(rough['end']):%Y-%m-%d %H:%M} UTC" in err
    # and the durations stay those of the accepted milestones
    got = durations(repo.load(pm.id))
    started = _utc(truth["milestones"]["started"])
    want = _utc(truth["milestones"]["mitigated"]) - started
    assert abs(got.mitigate - want) <= timedelta(seconds=60)


def test_a_node_under_memory_pressure_is_the_first_symptom(tmp_path, capsys):
    """Kubernetes node conditions and evictions are infrastructure precursors: the node's
    NodeHasInsufficientMemory, minutes before the cart's 5xx, starts the incident."""
    from pm_tui.cli.main import main

    repo, pm, truth, argv = _collected(tmp_path, OWN / "node-memory-pressure")
    capsys.readouterr()
    assert main([*argv, "timeline", pm.id, "--window"]) == 0
    lines = capsys.readouterr().out.splitlines()
    started = next(line for line in lines if line.startswith("started"))
    assert "2026-10-20 08:47:30" in started and "memory pressure" in started
    assert "k8s-events.json" in lines[lines.index(started) + 1]
    assert main([*argv, "timeline", pm.id]) == 0
    out = capsys.readouterr().out
    evicted = next(line for line in out.splitlines() if "Pods of cart-api" in line)
    assert "evicted" in evicted and "2026-10-20 08:49:10" in evicted


def _kube(minute: float, obj: str, reason: str, message: str) -> Evidence:
    return _ev(minute, "log", f"{obj}: {reason}: {message}", "kubernetes:events.json",
               reason=reason, object=obj, level="warning", count=1)  # fmt: skip


def test_a_node_condition_seen_before_the_incident_is_usual():
    evidence = [
        *_logs(-50, 110, "GET /checkout 200", every=1.0, level="info"),
        _kube(-40, "Node/n1", "NodeNotReady", "Node n1 status is now: NodeNotReady"),
        _kube(24, "Node/n1", "NodeNotReady", "Node n1 status is now: NodeNotReady"),
        _kube(27, "Node/n2", "NodeHasDiskPressure", "Node n2 status is now: NodeHasDiskPressure"),
        *_logs(34, 60, "upstream returned 503 for /checkout"),
    ]
    candidates = reconstruct(evidence, WINDOW)
    first = next(c for c in candidates if c.kind == "first_symptom")
    assert "Node n2" in first.text and "disk pressure" in first.text
    assert not any("Node n1" in c.text for c in candidates)


def test_accept_high_and_accept_all_are_exclusive(tmp_path, capsys):
    from pm_tui.cli.main import main

    repo = postmortem_store.Repository.open(tmp_path / "r")
    pm = new_postmortem("x", datetime(2026, 1, 1, tzinfo=UTC))
    repo.save(pm)
    code = main(["--repo", str(repo.root), "timeline", pm.id, "--accept-high", "--accept-all"])
    assert code != 0
    assert "choose one" in capsys.readouterr().err


T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
WINDOW = CollectWindow(start=T0, end=T0 + timedelta(hours=2), baseline=timedelta(minutes=60))


def _ev(minute: float, kind: str, text: str, source: str, **attrs) -> Evidence:
    return Evidence(T0 + timedelta(minutes=minute), source, kind, text, attrs)


def _logs(start: float, end: float, text: str, every: float = 0.25, level: str = "error"):
    out, m = [], start
    while m < end:
        out.append(_ev(m, "log", text, "logs:/var/log/checkout-api.log", level=level))
        m += every
    return out


def _alert(minute: float, name: str, state: str, **labels) -> Evidence:
    return _ev(minute, "alert", f"{name} {state}", "alertmanager:am", alertname=name,
               state=state, labels={"alertname": name, **labels})  # fmt: skip


def test_judgement_kinds_and_noise_on_a_small_incident():
    evidence = [
        *_logs(
            -50,
            110,
            "GET /search timed out after 5s, serving cached results",
            every=1.0,
            level="warning",
        ),  # fmt: skip  steady background timeouts
        _ev(
            -55,
            "change",
            "checkout-api v41",
            "changes:deploys.csv",
            service="checkout-api",
            version="v41",
            category="deploy",
        ),  # fmt: skip
        _ev(
            25,
            "change",
            "checkout-api v42",
            "changes:deploys.csv",
            service="checkout-api",
            version="v42",
            category="deploy",
        ),  # fmt: skip
        *_logs(30, 60, "connection refused to db-main:5432"),
        _alert(-40, "NightlyBackupFailed", "firing", team="dba", severity="warning"),
        _alert(35, "NightlyBackupFailed", "firing", team="dba", severity="warning"),
        _alert(34, "ApiErrorRate", "firing", service="checkout-api", severity="page"),
        _ev(
            40,
            "change",
            "reports v7",
            "changes:deploys.csv",
            service="reports",
            version="v7",
            category="deploy",
        ),  # fmt: skip
        _ev(42, "message", "should we roll back the api?", "slack:x", user="U1", actor="Ann"),
        _ev(
            44,
            "message",
            "looks like the v42 pool setting, db-main refuses us",
            "slack:x",
            user="U2",
            actor="Ben",
        ),  # fmt: skip
        _ev(
            55,
            "change",
            "rollback checkout-api to v41",
            "changes:deploys.csv",
            service="checkout-api",
            version="v41",
            category="deploy",
        ),  # fmt: skip
    ]
    candidates = reconstruct(evidence, WINDOW)
    by = {(c.kind, c.text.split(":")[0]): c for c in candidates}
    first = [c for c in candidates if c.kind == "first_symptom"]
    assert len(first) == 1 and abs(first[0].time - (T0 + timedelta(minutes=30))) < timedelta(
        seconds=30
    )
    trigger = next(c for c in candidates if c.kind == "change" and "v42" in c.text)
    assert trigger.confidence >= HIGH_CONFIDENCE
    fix = next(c for c in candidates if "rollback" in c.text)
    assert fix.kind == "mitigation" and fix.confidence >= HIGH_CONFIDENCE
    other_team = next(c for c in candidates if "reports" in c.text)
    assert other_team.kind == "change" and other_team.confidence < HIGH_CONFIDENCE
    recurring = [c for c in candidates if "NightlyBackupFailed" in c.text]
    assert recurring and all(c.confidence < HIGH_CONFIDENCE for c in recurring)
    assert not any("timed out" in c.text and c.confidence >= HIGH_CONFIDENCE for c in candidates)
    assert not any("should we" in c.text for c in candidates)  # a question is never an action
    diagnosis = next(c for c in candidates if c.kind == "diagnosis")
    assert diagnosis.actor == "Ben" and 0.5 <= diagnosis.confidence < HIGH_CONFIDENCE
    assert by[("alert_fired", "Alert ApiErrorRate fires")].confidence >= HIGH_CONFIDENCE


def _deploy(minute: float, service: str, version: str, category: str = "deploy") -> Evidence:
    return _ev(minute, "change", f"{service} {version}", "changes:deploys.json", service=service,
               version=version, category=category)  # fmt: skip


def test_the_change_a_responder_names_is_the_trigger_and_a_late_rollback_a_mitigation():
    """The trigger need not write the failing logs: the service named in a stated cause makes
    its change related; its rollback after the impact ended is a mitigation, not the fix."""
    evidence = [
        *_logs(-50, 110, "GET /cart 200", every=1.0, level="info"),
        _deploy(-5, "fluent-shipper", "v2.3.0"),
        _deploy(10, "payments-web", "9e1f00a"),
        *_logs(30, 60, "upstream connect error: pod evicted"),
        _ev(
            45,
            "message",
            "it's the fluent-shipper v2.3.0 memory growth on that node",
            "slack:x",
            user="U2",
            actor="Bo",
        ),  # fmt: skip
        _deploy(68, "fluent-shipper", "v2.2.4", category="rollback"),
    ]
    candidates = reconstruct(evidence, WINDOW)
    trigger = next(c for c in candidates if "v2.3.0" in c.text and c.kind == "change")
    assert trigger.confidence >= HIGH_CONFIDENCE
    other = next(c for c in candidates if "payments-web" in c.text)
    assert other.kind == "change" and other.confidence < HIGH_CONFIDENCE
    rollback = next(c for c in candidates if "v2.2.4" in c.text)
    assert rollback.text.startswith("Rollback fluent-shipper v2.2.4")
    assert rollback.kind == "mitigation" and rollback.confidence < HIGH_CONFIDENCE


def test_a_failover_is_a_change_whatever_the_level_of_its_line():
    """A cluster manager's promotion (an info line) is an automatic `change` of the system,
    never a responder's mitigation, even after the first symptom."""
    db = "logs:/var/log/patroni.log"
    evidence = [
        *_logs(-50, 110, "GET /orders 200", every=1.0, level="info"),
        *[
            _ev(m, "log", "INFO: no action. I am (pg-2), a secondary", db, level="info")
            for m in range(-50, 110, 2)
        ],  # fmt: skip
        *_logs(30, 50, "query failed: connection to pg-1 timed out"),
        _ev(31, "log", "INFO: promoted self to leader by acquiring session lock", db, level="info"),
        _ev(31.1, "log", "INFO: cleared rewind state after becoming the leader", db, level="info"),
    ]
    candidates = reconstruct(evidence, WINDOW)
    (failover,) = [c for c in candidates if "promoted self to leader" in c.text]
    assert failover.kind == "change" and failover.time == T0 + timedelta(minutes=31)
    assert not any("no action" in c.text for c in candidates)


def test_an_infrastructure_precursor_is_the_first_symptom():
    evidence = [
        *_logs(-50, 110, "GET /checkout 200", every=1.0, level="info"),
        *_logs(
            28,
            30,
            "blk_update_request: I/O error, dev nvme1n1, sector 88123",
            every=0.2,
            level="warning",
        ),  # fmt: skip
        *_logs(34, 60, "upstream returned 503 for /checkout"),
    ]
    candidates = reconstruct(evidence, WINDOW)
    first = next(c for c in candidates if c.kind == "first_symptom")
    assert "I/O error" in first.text


def _score(folder: Path):
    from bench import score_incidents

    return score_incidents.summary(score_incidents.score_set(folder))


def test_the_scorer_gives_the_time_zones_a_responder_would(tmp_path):
    """truth.toml's [files] tz becomes an evidence.toml on a copy of the evidence (as a person
    would write it); the incident folder is left untouched and no kind is given away."""
    from bench import score_incidents

    incident = tmp_path / "inc"
    (incident / "evidence" / "slack").mkdir(parents=True)
    (incident / "evidence" / "app.log").write_text("2026-01-01 10:00:00 ERROR boom\n")
    truth = {
        "files": {
            "evidence/app.log": {"kind": "logs", "tz": "Europe/Berlin"},
            "evidence/slack/": {"kind": "slack-export"},
        }
    }
    work = tmp_path / "work"
    work.mkdir()
    folder = score_incidents.responder_evidence(incident, truth, work)
    assert folder != incident / "evidence"
    assert not (incident / "evidence" / "evidence.toml").exists()
    index = tomllib.loads((folder / "evidence.toml").read_text())
    assert index == {"files": {"app.log": {"tz": "Europe/Berlin"}}}
    assert (folder / "app.log").read_text().startswith("2026-01-01 10:00:00")
    # nothing to say: the folder as it is
    assert (
        score_incidents.responder_evidence(incident, {"files": {}}, work) == incident / "evidence"
    )


def test_dev_set_scores_what_the_issue_asks(tmp_path):
    """bench/score_incidents.py on the 6 dev incidents; thresholds reached on this set (the
    figures before and after are in the report; the held-out set is never scored here)."""
    got = _score(DEV)
    assert got["incidents"] == 6
    assert got["recall"] >= 0.95
    assert got["candidates_per_key_event"] <= 3
    assert got["durations_within_60s"] == 24
    assert got["false_high_max"] <= 1 and got["false_high_total"] <= 2


@pytest.mark.parametrize(
    "name",
    ["broker-inodes", "node-memory-pressure", "consumer-rebalance", "cart-redis-oom",
     "tax-flag-rollout"],
)  # fmt: skip
def test_own_tuned_incident_scores(tmp_path, name):
    """The own incidents tuned on (tests/incidents/own/README.md; secret-rotation is the own
    held-out, scored by bench/score_incidents.py only)."""
    got = _score(OWN / name)
    assert got["incidents"] == 1
    assert got["recall"] >= 0.95
    assert got["candidates_per_key_event"] <= 3
    assert got["durations_within_60s"] == 4
    assert got["false_high_max"] <= 1


async def test_wizard_h_sets_the_window_and_skips_a_repeat_of_a_curated_row(sample_repo):
    from pm_tui.timeline import Candidate, save_candidates
    from screens.app import create_app
    from tests.conftest import DRAFT_ID
    from tests.wizard_helpers import frozen_clock

    pm = sample_repo.load(DRAFT_ID)
    at = datetime(2025, 6, 14, 22, 0, tzinfo=UTC)
    pm.timeline.append(TimelineEvent(id=pm.next_event_id(), time=at.replace(minute=15),
                                     text="on-call paged", kind="paged"))  # fmt: skip
    pm.sort_timeline()
    sample_repo.save(pm)
    save_candidates(sample_repo, DRAFT_ID, [
        Candidate("C-first", "first_symptom", at.replace(minute=4), "New errors in app.log",
                  ["app.log"], confidence=0.95),
        Candidate("C-page", "paged", at.replace(minute=15, second=40), "Page triggered",
                  ["pagerduty"], confidence=0.95),
    ])  # fmt: skip
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        panel = str(app.screen.query_one("#milestones").render())
        assert "started" in panel and "22:04:00" in panel and "w accept" in panel
        before = len(app.pm.timeline)
        await pilot.press("h")
        await pilot.pause()
        assert len(app.pm.timeline) == before + 1  # the page repeats the curated row
        assert app.pm.window.started == at.replace(minute=4)
        assert [e.kind for e in app.pm.timeline].count("paged") == 1
        assert "✓" in str(app.screen.query_one("#milestones").render())


async def test_wizard_w_sets_the_milestones_for_the_durations_not_the_read_span(sample_repo):
    """Step 2's panel: `w` takes the proposed milestones (ticks, durations from them, saved in
    the TOML), while the next collection still reads the span the sources recorded."""
    from pm_tui.model import EvidenceSource
    from pm_tui.timeline import Candidate, save_candidates
    from pm_tui.workflow.window import collection_window
    from screens.app import create_app
    from tests.conftest import DRAFT_ID
    from tests.wizard_helpers import frozen_clock

    at = datetime(2025, 6, 14, 22, 0, tzinfo=UTC)
    pm = sample_repo.load(DRAFT_ID)  # typed: 22:10 to 23:05
    pm.sources.append(EvidenceSource("logs", "app.log", window_start=at.replace(hour=21, minute=10),
                                     window_end=at.replace(hour=23, minute=35)))  # fmt: skip
    sample_repo.save(pm)
    read = collection_window(pm)
    save_candidates(sample_repo, DRAFT_ID, [
        Candidate("C-first", "first_symptom", at.replace(minute=14), "New errors in app.log",
                  ["app.log"], confidence=0.95),
        Candidate("C-alert", "alert_fired", at.replace(minute=20), "Alert WebhookBacklog fires",
                  ["alertmanager"], confidence=0.9),
        Candidate("C-ack", "acknowledged", at.replace(minute=26), "Page acknowledged by Ana",
                  ["pagerduty"], confidence=0.95),
        Candidate("C-back", "recovery", at.replace(minute=50), "Errors stop in app.log",
                  ["app.log"], confidence=0.9),
        Candidate("C-done", "resolved", at.replace(minute=58), "Incident resolved in PagerDuty",
                  ["pagerduty"], confidence=0.96),
    ])  # fmt: skip
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        panel = str(app.screen.query_one("#milestones").render())
        assert "22:14:00" in panel and "22:58:00" in panel and "w accept" in panel
        await pilot.press("w")
        await pilot.pause()
        panel = str(app.screen.query_one("#milestones").render())
        assert panel.count("✓") == 5 and "w accept" not in panel
        shown = str(app.screen.query_one("#durations").render())
        assert "detect 6m" in shown and "ack 12m" in shown
        assert "mitigate 36m" in shown and "resolve 44m" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = tomllib.loads(sample_repo.path_for(DRAFT_ID).read_text())["window"]
    assert saved["started"] == at.replace(minute=14) and saved["resolved"] == at.replace(minute=58)
    assert saved["mitigated"] == at.replace(minute=50)
    # what the next collection reads is the span recorded, not the accepted milestones
    again = collection_window(sample_repo.load(DRAFT_ID))
    assert (again.read_start, again.end) == (read.read_start, read.end)


def test_a_json_access_log_and_pagerduty_webhook_lines_give_the_window(tmp_path, capsys):
    """An ingress access log written as JSON lines (a status and a request, no level or message)
    shows the 503s and their end, so the impact's end comes from it; PagerDuty webhook bodies
    kept one a line (escalated by timeout) give the page and the acknowledgement."""
    from pm_tui.cli.main import main

    repo, pm, truth, argv = _collected(tmp_path, OWN / "transcode-disk-pressure")
    capsys.readouterr()
    assert main([*argv, "timeline", pm.id, "--window", "--format", "json"]) == 0
    proposed = {m["name"]: m for m in json.loads(capsys.readouterr().out)["milestones"]}
    for name in ("started", "detected", "acknowledged", "mitigated", "resolved"):
        want = _utc(truth["milestones"][name])
        assert abs(_utc(proposed[name]["time"]) - want) <= timedelta(seconds=60), name
    assert any("access.json.log" in s for s in proposed["mitigated"]["sources"])
    assert any("pagerduty-webhooks.ndjson" in s for s in proposed["acknowledged"]["sources"])
    assert main([*argv, "timeline", pm.id]) == 0
    out = capsys.readouterr().out
    assert "Page escalated: Escalated to level 2 by timeout" in out
    assert "POST /checkout/" in out and "503" in out


def test_a_cache_out_of_memory_is_the_first_symptom_and_the_durations_follow(tmp_path, capsys):
    """Redis's own log layout: "Can't save in background: fork: Cannot allocate memory" (a
    warning, minutes before the cart's errors) is an infrastructure precursor that starts the
    incident; --accept-high then saves durations that count from it."""
    from pm_tui.cli.main import main

    repo, pm, truth, argv = _collected(tmp_path, OWN / "cart-redis-oom")
    capsys.readouterr()
    assert main([*argv, "timeline", pm.id, "--window"]) == 0
    lines = capsys.readouterr().out.splitlines()
    started = next(line for line in lines if line.startswith("started"))
    assert "2026-08-20 10:21:40" in started and "Cannot allocate memory" in started
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    saved = tomllib.loads(repo.path_for(pm.id).read_text())
    assert "10:21:40" in str(saved["window"]["started"])
    got = durations(repo.load(pm.id))
    assert abs(got.detect - timedelta(minutes=7, seconds=20)) <= timedelta(seconds=60)


def test_a_status_update_in_chat_is_a_communication():
    from pm_tui.timeline.detect_events import chat_signals

    said = [
        _ev(
            10,
            "message",
            "Status update for support: some customers can't add to cart, next update in 20 min",
            "slack:x",
            user="U1",
            actor="Ben",
        ),  # fmt: skip
        _ev(
            11,
            "message",
            "Update: flag is off, errors dropping, monitoring",
            "slack:x",
            user="U1",
            actor="Ben",
        ),  # fmt: skip
        _ev(
            12,
            "message",
            "I raised maxmemory and switched the policy",
            "slack:x",
            user="U1",
            actor="Ben",
        ),  # fmt: skip
    ]
    kinds = [s.family for s in chat_signals(said)]
    assert kinds == ["communication", "communication", "mitigation"]


def _webhook(name: str, labels: dict, starts: datetime, ends: datetime | None = None) -> str:
    alert = {
        "status": "resolved" if ends else "firing",
        "labels": {"alertname": name, **labels},
        "annotations": {"summary": name},
        "startsAt": starts.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "endsAt": ends.strftime("%Y-%m-%dT%H:%M:%SZ") if ends else "0001-01-01T00:00:00Z",
        "fingerprint": name,
    }
    return json.dumps({"receiver": "pager", "status": alert["status"], "alerts": [alert],
                       "groupLabels": {}, "version": "4", "groupKey": name})  # fmt: skip


def _payments_folder(tmp_path: Path) -> tuple[datetime, Path]:
    """Payments errors 10:20-10:50, their page alert at 10:26, and a critical backup alert that
    fires every day at 10:24 (the notification log reaching back three days); no page record
    nor chat: nothing says when the incident was resolved."""
    day = datetime(2026, 5, 12, tzinfo=UTC)
    folder = tmp_path / "evidence"
    folder.mkdir()
    app = []
    t = day + timedelta(hours=9)
    while t < day + timedelta(hours=12):
        if day + timedelta(hours=10, minutes=20) <= t < day + timedelta(hours=10, minutes=50):
            app.append(f"{t:%Y-%m-%d %H:%M:%S} ERROR payment failed: upstream connection reset")
        else:
            app.append(f"{t:%Y-%m-%d %H:%M:%S} INFO payment ok")
        t += timedelta(seconds=10)
    (folder / "payments.log").write_text("\n".join(app) + "\n")
    backup = {"severity": "critical", "team": "dba", "job": "backup-verify"}
    hooks = [
        _webhook("BackupVerifyFailed", backup, day - timedelta(days=n) + timedelta(hours=10, minutes=24))
        for n in (3, 2, 1)
    ]  # fmt: skip
    hooks.append(_webhook("BackupVerifyFailed", backup, day + timedelta(hours=10, minutes=24)))
    hooks.append(_webhook("PaymentsErrors", {"severity": "page", "service": "payments"},
                          day + timedelta(hours=10, minutes=26)))  # fmt: skip
    (folder / "alerts.ndjson").write_text("\n".join(hooks) + "\n")
    return day, folder


def test_an_alert_that_fired_on_the_days_before_is_background_not_this_incident(tmp_path, capsys):
    """The notification log reaches back days before the rough window: the collector keeps
    those firings (bounded) as history, so a critical alert firing every day at this hour is
    never high nor the detection, and no row of an earlier day becomes a candidate."""
    from pm_tui.cli.main import main

    day, folder = _payments_folder(tmp_path)
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("Payments", day + timedelta(hours=10), resolved=day + timedelta(hours=12))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    assert main([*argv, "collect", pm.id, "--evidence", str(folder)]) in (0, 3)
    capsys.readouterr()
    assert main([*argv, "timeline", pm.id, "--rebuild", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["candidates"]
    backup_rows = [r for r in rows if "BackupVerifyFailed" in r["text"]]
    assert backup_rows and all(_utc(r["time"]).date() == day.date() for r in backup_rows)
    assert all(r["confidence"] < HIGH_CONFIDENCE for r in backup_rows)
    assert main([*argv, "timeline", pm.id, "--window", "--format", "json"]) == 0
    proposed = {m["name"]: m for m in json.loads(capsys.readouterr().out)["milestones"]}
    assert _utc(proposed["detected"]["time"]) == day + timedelta(hours=10, minutes=26)


def test_a_typed_resolved_the_evidence_does_not_propose_is_said_to_be_typed(tmp_path, capsys):
    """The rough window typed at `new` never becomes a milestone by itself: with no resolution
    in the evidence, --window and --accept-high say the typed `resolved` is not from evidence
    (JSON: typed_milestones), while the started time moves to the evidence."""
    from pm_tui.cli.main import main

    day, folder = _payments_folder(tmp_path)
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("Payments", day + timedelta(hours=10), resolved=day + timedelta(hours=12))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    assert main([*argv, "collect", pm.id, "--evidence", str(folder)]) in (0, 3)
    assert main([*argv, "timeline", pm.id, "--rebuild"]) == 0
    capsys.readouterr()
    assert main([*argv, "timeline", pm.id, "--window"]) == 0
    out = capsys.readouterr().out.splitlines()
    resolved = next(line for line in out if line.startswith("resolved"))
    assert "2026-05-12 12:00:00" in resolved and "typed, not from evidence" in resolved
    assert main([*argv, "timeline", pm.id, "--accept-high", "--format", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["typed_milestones"] == {"resolved": "2026-05-12T12:00:00Z"}
    assert "typed, not from evidence: resolved 12:00:00" in captured.err
    saved = tomllib.loads(repo.path_for(pm.id).read_text())["window"]
    assert "10:20" in str(saved["started"])  # from the evidence, not the typed 10:00


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("the problem is the new pool size, every pod opens 50", "diagnosis"),
        ("smoking gun: the cert on auth-gw expired this morning", "diagnosis"),
        ("that explains it, the replica fell 20 minutes behind", "diagnosis"),
        ("we're hitting the max_connections limit on the primary", "diagnosis"),
        ("the backfill pods have no CPU limits and are starving search", "diagnosis"),
        ("we rolled the deploy back", "mitigation"),
        ("I bumped the replicas to 12", "mitigation"),
        ("turned the feature off for everyone", "mitigation"),
        ("routing traffic to the fallback acquirer", "mitigation"),
        ("truncated the debug logs on the edge nodes", "mitigation"),
        ("told support we're on it", "communication"),
        ("should we roll the deploy back?", None),
    ],
)
def test_chat_statements_phrased_many_ways(said, family):
    from pm_tui.timeline.detect_events import chat_signals

    got = chat_signals([_ev(5, "message", said, "slack:x", user="U1", actor="Ann")])
    assert [s.family for s in got] == ([family] if family else [])


def test_another_teams_page_in_the_same_hour_is_never_high():
    """A paging alert is this incident's when it shares a team, service or namespace with the
    alerts that name what failed; another team's page firing meanwhile (even first) stays below
    high. The backbone is the detecting alert: a second page alert and the resolves are detail."""
    evidence = [
        *_logs(-50, 30, "GET /cart 200", every=0.5, level="info"),
        *_logs(30, 60, "connection refused to db-main:5432"),
        _alert(31, "SsoLoginLatency", "firing", service="sso", team="identity", severity="page"),
        _alert(
            34,
            "CheckoutApiErrors",
            "firing",
            service="checkout-api",
            team="checkout",
            severity="page",
        ),  # fmt: skip
        _alert(38, "CheckoutLatency", "firing", team="checkout", severity="page"),
        _alert(
            66,
            "CheckoutApiErrors",
            "resolved",
            service="checkout-api",
            team="checkout",
            severity="page",
        ),  # fmt: skip
    ]
    candidates = reconstruct(evidence, WINDOW)
    conf = {(c.kind, c.text.split(" ")[1]): c.confidence for c in candidates if "Alert" in c.text}
    assert conf[("alert_fired", "CheckoutApiErrors")] >= HIGH_CONFIDENCE
    assert conf[("alert_fired", "SsoLoginLatency")] < HIGH_CONFIDENCE
    assert conf[("alert_fired", "CheckoutLatency")] < HIGH_CONFIDENCE
    assert conf[("alert_resolved", "CheckoutApiErrors")] < HIGH_CONFIDENCE
    milestones = {m.name: m for m in propose_milestones(candidates)}
    assert milestones["detected"].time == T0 + timedelta(minutes=34)
