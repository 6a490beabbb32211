"""A control plane's own audit trail and a fleet's rollout waves are change records (#20).

heldout13 (spent) left two change records read as logs: a tenant control plane's audit log in
JSON lines (`{"ts", "actor", "action", "target", "detail"}`, the incident's change record: the
migrator flipping a tenant's routing) and a CSV of a store fleet's rollout waves (`package`,
`started_utc`, `owner`). The general reading: records carrying a time, the thing acted on (or
what was shipped) and who acted are change records whatever the tool; an audit trail's reads
are no changes, and its records of a change's progress (`tenant.migration.phase`, `...complete`)
are steps of work, not changes of their own. Real files in tmp folders, the collector the
evidence folder uses."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pm_tui.collectors.classify import classify

T0 = datetime(2026, 4, 15, 12, 0, tzinfo=UTC)


def at(minute: float) -> datetime:
    return T0 + timedelta(minutes=minute)


def z(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.000000Z")


def _trail(path: Path) -> None:
    def rec(minute, actor, action, target, **detail):
        return {"ts": z(at(minute)), "actor": actor, "action": action, "target": target,
                "request_id": f"req_{minute:04}", "detail": detail, "source": "tenantctl/2.19.3"}  # fmt: skip

    records = [
        rec(2, "maria@fieldnote.example", "tenant.migration.schedule", "tn_4f2a91",
            from_cell="cell-3", to_cell="cell-7"),
        rec(30, "svc:migrator", "tenant.migration.start", "tn_4f2a91", migration_id="mig_1"),
        rec(31, "svc:migrator", "tenant.migration.phase", "tn_4f2a91", phase="snapshot",
            status="started"),
        rec(40, "svc:migrator", "tenant.migration.phase", "tn_4f2a91", phase="snapshot",
            status="done"),
        rec(47, "svc:migrator", "tenant.routing.update", "tn_4f2a91", cell_from="cell-3",
            cell_to="cell-7"),
        rec(49, "svc:migrator", "tenant.migration.complete", "tn_4f2a91", verify="ok"),
        rec(112, "kim@fieldnote.example", "tenant.quota.get", "tn_4f2a91", key="api_rps"),
        rec(116, "kim@fieldnote.example", "tenant.quota.set", "tn_4f2a91", key="api_rps",
            value=1500, previous=None),
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_a_control_planes_audit_trail_in_json_lines_is_its_change_record(tmp_path):
    from pm_tui.collectors.changes import collect_changes
    from pm_tui.collectors.evidence import CollectWindow

    trail = tmp_path / "cp-audit.jsonl"
    _trail(trail)
    assert classify(trail).kind == "deploys"
    result = collect_changes(trail, CollectWindow(at(0), at(180)))
    got = [(e.time, e.text.splitlines()[0]) for e in result.evidence]
    # the routing flip and the quota set are changes; the read and the migration's steps
    # (scheduled, started, phases, complete) are not
    assert [t for t, _ in got] == [at(47), at(116)], got
    assert "tenant.routing.update" in got[0][1]
    assert "tenant.quota.set" in got[1][1]


def test_an_audit_trail_naming_no_target_stays_a_log(tmp_path):
    """Who did what, but to nothing named (a login trail): still read by the log reader."""
    path = tmp_path / "access-audit.jsonl"
    lines = [{"ts": z(at(m)), "actor": "ana", "action": "session.update"} for m in range(5)]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    assert classify(path).kind == "logs"


def test_a_deploys_own_steps_stay_its_records(tmp_path):
    """`DEPLOYMENT_COMPLETED` and `phased_release_started` are how a deploy tool records its
    deploys: no step of some other change, so they stay."""
    from pm_tui.collectors.deploy_records import read_deploys

    records = [
        {"EventType": "DEPLOYMENT_COMPLETED", "OccurredAt": z(at(m)), "Application": "eats",
         "ConfigurationVersion": str(m)}
        for m in (1, 20)
    ]  # fmt: skip
    reading = read_deploys(records)
    assert reading is not None and len(reading.records) == 2


def test_a_csv_of_fleet_rollout_waves_is_change_records(tmp_path):
    waves = tmp_path / "fleet-waves.csv"
    waves.write_text(
        "wave,package,stores,scheduled_local,started_utc,finished_utc,status,owner\n"
        "A,storeagent-3.8.0,east+central (612),03:00,2026-01-20T08:00:00Z,"
        "2026-01-20T09:41:10Z,complete,store-platform\n"
        "B,storeagent-3.8.0,mountain+pacific (190),03:00,2026-01-21T10:00:00Z,"
        "2026-01-21T11:38:52Z,complete,store-platform\n",
        encoding="utf-8",
    )
    found = classify(waves)
    assert found.kind == "deploys", found
    assert "package" in found.reason and "started_utc" in found.reason
