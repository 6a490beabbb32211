"""Change records of tools pm-tui has no reader for (#20): any JSON or JSON-lines list of
records with a time and fields saying who did what to which thing is read as change
records, `collect` says which field gave each role, and the timeline makes them changes
(the trigger before the first symptom, a mitigation after it). Driven by retired7, whose
blind score left three such files unread. Real files in tmp folders, the CLI, a real repo."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pm_tui import postmortem_store
from pm_tui.collectors.classify import classify
from pm_tui.model import new_postmortem
from pm_tui.timeline.accept import HIGH_CONFIDENCE

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(minute: float) -> datetime:
    return T0 + timedelta(minutes=minute)


def z(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _ndjson(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _incident(root: Path) -> Path:
    """profile-svc fails from minute 62 to minute 95; a deploy notification stream (two steps
    per sync, a field layout no reader names) shipped it at minute 60; a limit raised by hand
    in a made-up tool's JSON lines at minute 94 ends it; another team's sync meanwhile."""
    folder = root / "evidence"
    folder.mkdir()
    lines = []
    t = at(0)
    while t < at(150):
        m = (t - T0).total_seconds() / 60
        if 62 <= m < 95:
            lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z ERROR profile-svc decrypt failed: "
                         "ThrottlingException rate exceeded for key alias/pii")  # fmt: skip
        lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z INFO profile-svc GET /v1/profile 200")
        t += timedelta(seconds=15)
    (folder / "profile-svc").mkdir()
    (folder / "profile-svc" / "app.out").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def sync(minute: float, app: str, version: str, who: str) -> list[dict]:
        return [
            {"application": app, "phase": "on-sync-running", "targetRevision": version,
             "startedBy": who, "at": z(at(minute))},
            {"application": app, "phase": "on-deployed", "targetRevision": version,
             "startedBy": who, "at": z(at(minute + 3.5))},
        ]  # fmt: skip

    _ndjson(
        folder / "notify.ndjson",
        sync(20, "cart-api", "v3.18.1", "ci-bot")
        + sync(60, "profile-svc", "v7.41.0", "ci-bot")
        + sync(80, "search-indexer", "v12.4.0", "lena"),
    )
    _ndjson(
        folder / "ops-tool.jsonl",
        [{"when": z(at(94)), "who": "kai", "action": "raise-limit",
          "resource": "profile-svc/kms-rate", "old": "10000", "new": "30000"}],
    )  # fmt: skip
    return folder


def _collected(tmp_path: Path, folder: Path, capsys):
    from pm_tui.cli.main import main

    repo = postmortem_store.Repository.open(tmp_path / "repo")
    pm = new_postmortem("profile-errors", at(30), resolved=at(150))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    code = main([*argv, "collect", pm.id, "--evidence", str(folder),
                 "--start", z(at(30)), "--end", z(at(150))])  # fmt: skip
    said = capsys.readouterr()
    assert code in (0, 3), said.err
    assert main([*argv, "timeline", pm.id, "--rebuild", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["candidates"]
    return repo, pm, argv, said.out + said.err, rows


def test_change_records_in_a_shape_no_reader_names_become_changes(tmp_path, capsys):
    folder = _incident(tmp_path)
    assert classify(folder / "notify.ndjson").kind == "deploys"
    assert classify(folder / "ops-tool.jsonl").kind == "deploys"
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys)
    # collect says what it read each role from
    assert "Change records read by their fields:" in said
    assert "time `at`, who `startedBy`, what `application`" in said
    assert "time `when`, who `who`, what `resource`, did `action`" in said
    changes = [r for r in rows if r["kind"] in ("change", "mitigation")]
    # one candidate per sync (its "deployed" step is the same deploy), at the sync's start
    profile = [r for r in changes if "profile-svc v7.41.0" in r["text"]]
    assert [r["time"] for r in profile] == [z(at(60))]
    assert profile[0]["kind"] == "change" and profile[0]["confidence"] >= HIGH_CONFIDENCE
    others = [r for r in changes if "search-indexer" in r["text"] or "cart-api" in r["text"]]
    assert len(others) == 2 and all(r["confidence"] < HIGH_CONFIDENCE for r in others)
    # the limit raised by hand after the first symptom: the mitigation, with who and what
    raised = [r for r in rows if r["time"] == z(at(94))]
    assert raised and raised[0]["kind"] == "mitigation"
    assert "kai" in raised[0]["actor"] and "30000" in raised[0]["text"]


def test_accept_high_keeps_the_trigger_and_skips_other_teams_syncs(tmp_path, capsys):
    from pm_tui.cli.main import main

    repo, pm, argv, said, rows = _collected(tmp_path, _incident(tmp_path), capsys)
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    kept = [e.text for e in repo.load(pm.id).timeline]
    assert any("profile-svc v7.41.0" in t for t in kept)
    assert not any("search-indexer" in t or "cart-api" in t for t in kept)


def test_a_request_carried_out_later_is_two_records_asked_and_done(tmp_path):
    """A quota request history (its list, time and status fields named as one cloud writes
    them): asked for at its creation by its requester, done with when it was approved."""
    from pm_tui.collectors.changes import collect_changes
    from pm_tui.collectors.evidence import CollectWindow

    path = tmp_path / "history.json"
    path.write_text(json.dumps({"RequestedQuotas": [
        {"Id": "r1", "ServiceCode": "kms", "QuotaName": "Decrypt request rate",
         "DesiredValue": 30000.0, "Status": "APPROVED", "Created": z(at(70)),
         "LastUpdated": z(at(101)), "Requester": "arn:aws:iam::1:user/ops-ana"},
        {"Id": "r2", "ServiceCode": "ec2", "QuotaName": "Running instances",
         "DesiredValue": 512.0, "Status": "PENDING", "Created": z(at(40)),
         "LastUpdated": z(at(40)), "Requester": "arn:aws:iam::1:user/ops-ana"},
    ], "NextToken": None}), encoding="utf-8")  # fmt: skip
    assert classify(path).kind == "deploys"
    result = collect_changes(path, CollectWindow(at(30), at(150)))
    assert "done `LastUpdated`" in result.query and "to `DesiredValue`" in result.query
    got = [(e.time, e.text, e.attrs["actor"]) for e in result.evidence]
    asked = [g for g in got if g[0] == at(70)]
    done = [g for g in got if g[0] == at(101)]
    assert asked and "Decrypt request rate -> 30000" in asked[0][1] and "requested" in asked[0][1]
    assert done and "approved" in done[0][1] and "ops-ana" in done[0][2]
    assert len([g for g in got if g[0] == at(40)]) == 1  # still pending: asked only


@pytest.mark.parametrize(
    ("records", "kind"),
    [
        # a log with levels stays a log, even with a service and a version in its lines
        (
            [
                {
                    "ts": "2026-03-02T09:00:00Z",
                    "level": "error",
                    "service": "api",
                    "version": "1.2.0",
                    "msg": "boom",
                }
            ],
            "logs",
        ),  # fmt: skip
        # a log line without a level still writes its message
        (
            [
                {
                    "time": "2026-03-02T09:00:00Z",
                    "service": "api",
                    "version": "1.2.0",
                    "msg": "tax quote failed",
                }
            ],
            "logs",
        ),  # fmt: skip
        # an audit trail's records are read by the log reader (people's writes become changes)
        (
            [
                {
                    "eventTime": "2026-03-02T09:00:00Z",
                    "eventName": "PutBucketPolicy",
                    "userIdentity": {"userName": "ana"},
                }
            ],
            "logs",
        ),  # fmt: skip
        # who did what to which thing, at a time: change records
        (
            [
                {
                    "when": "2026-03-02T09:00:00Z",
                    "operator": "kai",
                    "operation": "resize",
                    "target": "orders-db",
                }
            ],
            "deploys",
        ),  # fmt: skip
    ],
)
def test_json_lines_are_logs_or_change_records_by_their_fields(tmp_path, records, kind):
    path = tmp_path / "records.txt"
    _ndjson(path, records * 3)
    assert classify(path).kind == kind


def test_an_audit_trails_reads_are_no_changes_and_tickets_stay_unread(tmp_path):
    from pm_tui.collectors.changes import collect_changes
    from pm_tui.collectors.evidence import CollectWindow

    trail = tmp_path / "trail.json"
    trail.write_text(json.dumps([
        {"caller": "ana@acme.example", "eventTimestamp": z(at(50)),
         "operationName": {"value": "Microsoft.Network/networkSecurityGroups/read"}},
        {"caller": "ana@acme.example", "eventTimestamp": z(at(55)),
         "operationName": {"value": "Microsoft.Network/networkSecurityGroups/securityRules/write"},
         "status": {"value": "Succeeded"}},
    ]), encoding="utf-8")  # fmt: skip
    assert classify(trail).kind == "deploys"
    result = collect_changes(trail, CollectWindow(at(30), at(150)))
    assert [e.time for e in result.evidence] == [at(55)]
    assert "securityRules/write (Succeeded)" in result.evidence[0].text
    tickets = tmp_path / "tickets.json"
    tickets.write_text(json.dumps([
        {"key": "SUP-1", "title": "Checkout slow", "reporter": {"login": "dana"},
         "state": "open", "created_at": z(at(40)), "updated_at": z(at(90))},
    ]), encoding="utf-8")  # fmt: skip
    assert classify(tickets).kind is None


def test_a_change_naming_the_service_its_failing_records_name_is_the_trigger(tmp_path, capsys):
    """The log file's name says nothing (`svc.out`); its JSON records say `service`: the sync
    of that service just before the errors is the trigger (relatedness by what records name)."""
    folder = _incident(tmp_path)
    lines = []
    for raw in (folder / "profile-svc" / "app.out").read_text().splitlines():
        stamp, level, service, msg = raw.split(" ", 3)
        lines.append(json.dumps({"ts": stamp, "level": level.lower(), "service": service,
                                 "msg": msg}))  # fmt: skip
    (folder / "profile-svc" / "app.out").unlink()
    (folder / "profile-svc").rmdir()
    (folder / "svc.out").write_text("\n".join(lines) + "\n", encoding="utf-8")
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys)
    profile = [r for r in rows if "profile-svc v7.41.0" in r["text"]]
    assert profile and profile[0]["kind"] == "change"
    assert profile[0]["confidence"] >= HIGH_CONFIDENCE
