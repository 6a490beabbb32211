"""A deploy is dated by its start; the tool's "finished" post is the same row; a fix typed as a
command or announced and carried out later is a mitigation (#20).

heldout14 (spent, tuning material; retired14 once retired): Argo CD's Application history gives
each sync `deployStartedAt` and `deployedAt` minutes apart. The timeline dated every sync by
`deployedAt`, so checkout-silence-loadtest's trigger (started 13:48:30, done 13:52:10) and its
rollback (started 14:41:30, done 14:44:35) and fernway-double-charge's rollback (11:57:50, done
11:59:58) were all minutes late, and the Argo CD bot's "successfully synced" post became a second
mitigation row. orders-pd-routing-key's responder typed `kubectl rollout restart deploy/orders-api
-n orders` as a message of its own (no code block): no row. nordhem-fx-sek-decimal's responder
wrote "restarting checkout-api" and the rollout came nine minutes later, after a config metric's
return that was read as the recovery: it showed as a change nobody made for the incident."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from tests.test_timeline_story import ROOT, _collected, _near

INCIDENTS = ROOT / "tests" / "incidents"
SET14 = next(
    (INCIDENTS / name for name in ("retired14", "heldout14") if (INCIDENTS / name).is_dir()),
    INCIDENTS / "retired14",
)


def test_an_argo_cd_sync_is_dated_by_its_start():
    from pm_tui.collectors.deploy_records import read_deploys

    history = [
        {"id": 40, "revision": "a41c9e0", "deployStartedAt": "2026-04-15T13:48:30Z",
         "deployedAt": "2026-04-15T13:52:10Z", "initiatedBy": {"automated": True}},
        {"id": 41, "revision": "e07b2d1", "deployStartedAt": "2026-04-15T14:41:30Z",
         "deployedAt": "2026-04-15T14:44:35Z", "initiatedBy": {"username": "marek.nowak"}},
    ]  # fmt: skip
    app = {"kind": "Application", "metadata": {"name": "checkout-api"},
           "status": {"history": history}}  # fmt: skip
    reading = read_deploys(app)
    assert reading is not None and reading.fields["time"] == "deployStartedAt"
    assert "time `deployStartedAt`" in reading.describe()
    # a record with only the done time keeps it
    done_only = read_deploys(
        {**app, "status": {"history": [{k: v for k, v in h.items() if k != "deployStartedAt"}
                                       for h in history]}}
    )  # fmt: skip
    assert done_only is not None and done_only.fields["time"] == "deployedAt"


def test_the_sync_and_its_rollback_are_found_at_their_start(tmp_path, capsys):
    folder = SET14 / "checkout-silence-loadtest"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    assert _near(rows, "2026-04-15T13:48:30Z", "change")
    rollback = _near(rows, "2026-04-15T14:41:30Z", "mitigation")
    assert any("checkout-api" in r["text"] for r in rollback)
    # the bot's "successfully synced" at 14:44:35 is the same rollback, not a second row
    late = [
        r for r in rows if r["kind"] == "mitigation" and r["time"].startswith("2026-04-15T14:44")
    ]
    assert late == []
    assert any("successfully synced" in json.dumps(r) for r in rollback)


def test_a_command_typed_as_a_message_is_a_mitigation():
    from pm_tui.collectors.evidence import Evidence
    from pm_tui.timeline.detect_events import chat_signals

    when = datetime(2026, 7, 9, 15, 40, 30, tzinfo=UTC)

    def said(text: str) -> Evidence:
        attrs = {"actor": "Lena Fischer", "user": "U9LENA", "channel": "inc-orders-0709"}
        return Evidence(when, "chat:inc-orders-0709", "message", text, attrs)

    got = chat_signals([said("kubectl rollout restart deploy/orders-api -n orders")])
    assert [(s.family, "done" in s.tags) for s in got] == [("mitigation", True)]
    # a look, a dry run, or a sentence about the tool is none
    for text in ("kubectl rollout status deploy/orders-api -n orders",
                 "kubectl rollout restart deploy/orders-api --dry-run=client",
                 "kubectl is slow today, restart the bastion"):  # fmt: skip
        assert [s for s in chat_signals([said(text)]) if s.family == "mitigation"] == []


def test_a_restart_announced_and_carried_out_later_is_a_mitigation(tmp_path, capsys):
    folder = SET14 / "nordhem-fx-sek-decimal"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    restart = _near(rows, "2026-06-01T08:52:10Z", "mitigation")
    assert any("checkout-api" in r["text"] for r in restart)


def test_a_silenced_alert_is_a_row_said_silenced(tmp_path, capsys):
    """checkout-silence-loadtest: a load test's silence matched prod; the saved Alertmanager
    list shows CheckoutApiLatencyP99High and CheckoutApiErrorRatio `suppressed` from 13:53:44.
    They are rows of the story, said silenced (the detection rules leave them out:
    pm_tui.timeline.milestones, tests/test_timeline_silenced_alert.py)."""
    folder = SET14 / "checkout-silence-loadtest"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    silenced = _near(rows, "2026-04-15T13:53:44Z", "alert_fired")
    assert any("silenced (notified no one)" in r["text"] for r in silenced)
    assert all("informational" in r["tags"] for r in silenced)


def test_a_merged_commit_is_dated_by_its_commit_date_and_a_broken_key_is_a_diagnosis(
    tmp_path, capsys
):
    """fernly-dkim-selector: `git log --pretty=fuller` of a pull request squash-merged on
    GitHub: authored 10:11:40, committed (merged) 10:16:58; the opendkim selector switch is the
    trigger at its merge. "The fs202609 TXT record is broken ... Our rotation caused this" is
    the diagnosis."""
    folder = SET14 / "fernly-dkim-selector"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    trigger = _near(rows, "2026-09-15T10:16:58Z", "change")
    assert any("fs202609" in r["text"] for r in trigger)
    assert not [
        r for r in rows if r["kind"] == "change" and r["time"].startswith("2026-09-15T10:11")
    ]
    said = _near(rows, "2026-09-15T10:45:20Z", "diagnosis")
    assert any("TXT record is broken" in r["text"] for r in said)


def test_an_alert_alertmanager_holds_suppressed_is_a_firing_said_silenced():
    from pm_tui.collectors.evidence import Evidence
    from pm_tui.timeline.detect_events import alert_signals

    when = datetime(2026, 4, 15, 13, 53, 44, tzinfo=UTC)
    attrs = {"alertname": "CheckoutApiErrorRatio", "state": "suppressed",
             "labels": {"severity": "page", "service": "checkout-api"},
             "annotations": {"summary": "checkout-api 5xx ratio above 5%"}}  # fmt: skip
    live = alert_signals([Evidence(when, "alertmanager:prod", "alert", "", attrs)])
    assert [(s.family, s.tags) for s in live] == [("alert_fired", ("suppressed",))]
    assert "silenced (notified no one)" in live[0].text
    firing = alert_signals(
        [Evidence(when, "alertmanager:prod", "alert", "", {**attrs, "state": "firing"})]
    )
    assert [(s.family, s.tags) for s in firing] == [("alert_fired", ())]
