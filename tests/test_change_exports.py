"""Change exports of tools pm-tui names nowhere, read by their fields (#20): each tool's export
shaped after its public API docs (tests/data/change_exports/, generator beside it) is read
right (time, what changed, who, status), JSON that records no change stays unread, and small
incidents show what the timeline and `--accept-high` make of such records. Driven by
retired9 (written as heldout9): an IaC run history and a node group's update history were
"JSON of no known shape", and a text log whose times are spaced as apt writes them unread.
Real files in tmp folders, the CLI, a real repo."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bench.score_change_exports import EXPORTS, check_file
from pm_tui import postmortem_store
from pm_tui.collectors.classify import classify
from pm_tui.model import new_postmortem
from pm_tui.timeline.accept import HIGH_CONFIDENCE
from tests.timeline_clock import at, every, z

EXPECTED = json.loads((EXPORTS / "expected.json").read_text(encoding="utf-8"))
DEVELOPED_ON = sorted(k for k in EXPECTED if k.split("/")[0] in ("dev", "lookalike"))


@pytest.mark.parametrize("name", DEVELOPED_ON)
def test_each_tools_export_is_read_by_its_fields_and_look_alikes_stay_unread(name):
    # heldout/ is left out on purpose: never tuned on, scored by bench/score_change_exports.py
    assert check_file(EXPORTS / name, EXPECTED[name]) == []


def _collected(tmp_path: Path, folder: Path, capsys, start, end):
    from pm_tui.cli.main import main

    repo = postmortem_store.Repository.open(tmp_path / "repo")
    pm = new_postmortem("edge-errors", start, resolved=end)
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    code = main([*argv, "collect", pm.id, "--evidence", str(folder),
                 "--start", z(start), "--end", z(end)])  # fmt: skip
    said = capsys.readouterr()
    assert code in (0, 3), said.err
    assert main([*argv, "timeline", pm.id, "--rebuild", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["candidates"]
    return repo, pm, argv, said.out + said.err, rows


def _log(folder: Path, service: str, failing: tuple, end) -> None:
    lines = []
    for t in every(at(9, 0), end, timedelta(seconds=15)):
        if failing[0] <= t < failing[1]:
            lines.append(f"{z(t)} ERROR {service} TLS handshake failed: unable to get local issuer")
        lines.append(f"{z(t)} INFO {service} GET /v3/templates 200")
    (folder / f"{service}.log").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _runs(folder: Path) -> None:
    """An IaC tool's run history as a JSON:API document: the trigger run on edge-prod (queued
    10:20, applied 10:23), another team's run on data-prod, the revert applied 10:49."""

    def run(n, ws, user, msg, created, stamps):
        return {"id": f"run-{n}", "type": "runs",
                "attributes": {"status": "applied", "message": msg, "created-at": z(created),
                               "status-timestamps": {k: z(v) for k, v in stamps.items()}},
                "relationships": {"workspace": {"data": {"id": ws, "type": "workspaces"}},
                                  "created-by": {"data": {"id": user, "type": "users"}}}}  # fmt: skip

    doc = {
        "data": [
            run(
                3,
                "ws-e",
                "u-1",
                "Revert cert re-import",
                at(10, 47),
                {"planned-at": at(10, 47, 40), "applied-at": at(10, 49)},
            ),
            run(
                2,
                "ws-d",
                "u-2",
                "raise stream shards to 8",
                at(10, 35),
                {"planned-at": at(10, 35, 30), "applied-at": at(10, 38)},
            ),
            run(
                1,
                "ws-e",
                "u-1",
                "Re-import api certificate",
                at(10, 20),
                {"planned-at": at(10, 20, 40), "applied-at": at(10, 23)},
            ),
        ],
        "included": [
            {"id": "ws-e", "type": "workspaces", "attributes": {"name": "edge-api"}},
            {"id": "ws-d", "type": "workspaces", "attributes": {"name": "data-prod"}},
            {"id": "u-1", "type": "users", "attributes": {"username": "maren"}},
            {"id": "u-2", "type": "users", "attributes": {"username": "priya"}},
        ],
    }
    (folder / "runs-p1.json").write_text(json.dumps(doc), encoding="utf-8")


def test_an_iac_run_history_gives_the_applied_run_as_trigger_and_the_revert_as_fix(
    tmp_path, capsys
):
    from pm_tui.cli.main import main

    folder = tmp_path / "evidence"
    folder.mkdir()
    _runs(folder)
    _log(folder, "edge-api", (at(10, 24), at(10, 50)), at(11, 30))
    assert classify(folder / "runs-p1.json").kind == "deploys"
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys, at(9, 30), at(11, 30))
    assert "time `created-at`, who `created-by.username`, what `workspace.name`" in said
    changes = [r for r in rows if r["kind"] in ("change", "mitigation")]
    by_time = {r["time"]: r for r in changes}
    # the run took effect when it was applied: that row is the trigger, high
    trigger = by_time[z(at(10, 23))]
    assert trigger["kind"] == "change" and trigger["confidence"] >= HIGH_CONFIDENCE
    assert "edge-api" in trigger["text"] and trigger["actor"] == "maren"
    # its queueing is shown, below high; the other team's run too
    assert by_time[z(at(10, 20))]["confidence"] < HIGH_CONFIDENCE
    assert "(requested)" in by_time[z(at(10, 20))]["text"]
    assert all(r["confidence"] < HIGH_CONFIDENCE for r in changes if "data-prod" in r["text"])
    # the revert applied after the first failure: the mitigation, high
    fix = by_time[z(at(10, 49))]
    assert fix["kind"] == "mitigation" and fix["confidence"] >= HIGH_CONFIDENCE
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    kept = [(e.time, e.text) for e in repo.load(pm.id).timeline]
    assert any(t == at(10, 23) and "Re-import" in x for t, x in kept)
    assert any(t == at(10, 49) and "Revert" in x for t, x in kept)
    assert not any("(requested)" in x or "data-prod" in x for _, x in kept)


def test_node_group_updates_without_a_service_are_each_their_own_change(tmp_path, capsys):
    # describe answers of a managed node group's updates, one a line: no service, no actor,
    # what was done in `type` and `params`; the rollback a minute after a config update
    folder = tmp_path / "evidence"
    folder.mkdir()
    updates = [
        ("VersionUpdate", "LaunchTemplateVersion", "23", at(10, 5)),
        ("ConfigUpdate", "MaxUnavailable", "6", at(10, 53, 5)),
        ("VersionUpdate", "LaunchTemplateVersion", "22", at(10, 54, 12)),
    ]
    (folder / "ng-general.jsonl").write_text("".join(
        json.dumps({"update": {"id": f"u{i}", "status": "Successful", "type": kind,
                               "params": [{"type": name, "value": value}],
                               "createdAt": when.isoformat(), "errors": []}}) + "\n"
        for i, (kind, name, value, when) in enumerate(updates)
    ), encoding="utf-8")  # fmt: skip
    _log(folder, "eta-svc", (at(10, 9), at(10, 58)), at(11, 30))
    assert classify(folder / "ng-general.jsonl").kind == "deploys"
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys, at(9, 30), at(11, 30))
    assert "did `type`" not in said and "time `createdAt`" in said
    changes = {r["time"]: r for r in rows if r["kind"] in ("change", "mitigation")}
    assert "LaunchTemplateVersion=23" in changes[z(at(10, 5))]["text"]
    assert changes[z(at(10, 5))]["kind"] == "change"
    # two records a minute apart naming no service: two rows, the rollback its own
    assert "MaxUnavailable=6" in changes[z(at(10, 53, 5))]["text"]
    rollback = changes[z(at(10, 54, 12))]
    assert "LaunchTemplateVersion=22" in rollback["text"]
    # named by nothing the failing log names: below high (a person relates it)
    assert all(r["confidence"] < HIGH_CONFIDENCE for r in changes.values())


def test_a_command_output_with_apt_spaced_times_is_read_as_a_log(tmp_path):
    # a tool's run output: a command line first, then per host a status line, then records
    # whose times are written `2026-03-01  10:03:18` (two spaces, as apt's history does)

    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs

    path = tmp_path / "history-check.txt"
    blocks = ['$ ansible workers -b -m shell -a "grep -A3 Start-Date /var/log/apt/history.log"', ""]
    for i in range(6):
        start = at(10, 3 + i * 4, 18)
        blocks += [
            f"w{i:02d} | CHANGED | rc=0 >>",
            f"Start-Date: {start:%Y-%m-%d  %H:%M:%S}",
            "Commandline: /usr/bin/unattended-upgrade",
            "Upgrade: systemd:amd64 (249.11-0ubuntu3.12, 249.11-0ubuntu3.16)",
            f"End-Date: {start + timedelta(seconds=26):%Y-%m-%d  %H:%M:%S}",
        ]
    path.write_text("\n".join(blocks) + "\n", encoding="utf-8")
    assert classify(path).kind == "logs"
    result = collect_logs(path, CollectWindow(at(9, 0), at(12, 0)))
    times = sorted({e.time for e in result.evidence})
    assert times[0] == at(10, 3, 18) and len(times) >= 12


def test_packages_upgraded_on_the_first_host_are_the_change_before_the_failure(tmp_path, capsys):
    folder = tmp_path / "evidence"
    folder.mkdir()
    blocks = []
    for i in range(6):
        start = at(10, 3 + i * 4, 18)
        blocks += [f"w{i:02d} | CHANGED | rc=0 >>", f"Start-Date: {start:%Y-%m-%d  %H:%M:%S}",
                   "Commandline: /usr/bin/unattended-upgrade",
                   "Upgrade: systemd:amd64 (249.11-0ubuntu3.12, 249.11-0ubuntu3.16)",
                   f"End-Date: {start + timedelta(seconds=26):%Y-%m-%d  %H:%M:%S}"]  # fmt: skip
    (folder / "history-check.txt").write_text("\n".join(blocks) + "\n", encoding="utf-8")
    _log(folder, "order-api", (at(10, 4), at(10, 50)), at(11, 30))
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys, at(9, 30), at(11, 30))
    changed = [r for r in rows if "Packages changed" in r["text"]]
    assert changed and changed[0]["time"] == z(at(10, 3, 18)) and changed[0]["kind"] == "change"
    assert "systemd:amd64" in changed[0]["text"]


def test_a_log_behind_a_config_dump_and_a_stack_trace_is_read_from_where_times_begin(tmp_path):
    # 250 lines of a configuration dump whose ports look like clocks (`10.0.1.1:8080`, `0:30`)
    # and a stack trace before the first timed line: the kind and the records from there
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs

    lines = ["=== effective configuration ==="]
    lines += [f"  upstream.{i}.addr = 10.0.{i}.{i % 200}:8080 timeout=0:30" for i in range(250)]
    lines += ["Traceback (most recent call last):"]
    lines += [f'  File "/app/h{i}.py", line {i}, in handle' for i in range(80)]
    lines += ["RuntimeError: pool exhausted"]
    for t in every(at(10, 0), at(10, 59, 50), timedelta(seconds=10)):
        failing = at(10, 30) <= t < at(10, 40)
        lines.append(
            f"{t:%Y-%m-%d %H:%M:%S},123 {'ERROR' if failing else 'INFO'} [w-1] pay.api - "
            f"request done status={500 if failing else 200}"
        )
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert classify(path).kind == "logs"
    result = collect_logs(path, CollectWindow(at(9, 0), at(12, 0)))
    first = min(e.time for e in result.evidence)
    assert len(result.evidence) == 360 and first.replace(microsecond=0) == at(10, 0)
    assert sum(e.attrs.get("level") == "error" for e in result.evidence) == 60


@pytest.mark.parametrize(
    ("name", "text", "want"),
    [
        # a console's CSV download: times written for people, in UTC
        (
            "audit.csv",
            'Date,User,Action,Resource,Result\n"6/2/2026, 9:31:07 AM",sam@acme.example,'
            "UpdateFunctionConfiguration,checkout-fn,Success\n"
            '"6/2/2026, 8:02:11 PM",ops-bot,PutScalingPolicy,web-asg,Success\n',
            [("2026-06-02T09:31:07Z", "sam@acme.example", "checkout-fn"),
             ("2026-06-02T20:02:11Z", "ops-bot", "web-asg")],
        ),
        # records keyed by their id
        (
            "releases.json",
            json.dumps({
                "rel-311": {"app": "checkout", "version": "4.2.0",
                            "released_at": "2026-06-02T09:10:00Z", "by": "ana"},
                "rel-312": {"app": "checkout", "version": "4.2.1",
                            "released_at": "2026-06-02T09:40:00Z", "by": "ben"},
            }),
            [("2026-06-02T09:10:00Z", "ana", "checkout"), ("2026-06-02T09:40:00Z", "ben", "checkout")],
        ),
    ],
)  # fmt: skip
def test_change_tables_with_spoken_times_and_records_keyed_by_id(tmp_path, name, text, want):
    from datetime import datetime

    from pm_tui.collectors.changes import collect_changes
    from pm_tui.collectors.evidence import CollectWindow

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert classify(path).kind == "deploys"
    day = datetime.fromisoformat("2026-06-02T00:00:00+00:00")
    result = collect_changes(path, CollectWindow(day, day.replace(day=3)))
    got = [(z(e.time), e.attrs["actor"], e.attrs["service"]) for e in result.evidence]
    assert got == want


def test_pods_deleted_at_once_after_the_first_failure_are_a_mitigation(tmp_path, capsys):
    # a DaemonSet's 6 pods stopped within 2 s and scheduled again at once, no probe failing:
    # someone deleted them; the same workload's one pod killed by its liveness probe is not
    folder = tmp_path / "evidence"
    folder.mkdir()

    def ev(reason, when, pod, message):
        return {"kind": "Event", "apiVersion": "v1", "reason": reason, "type": "Normal",
                "count": 1, "message": message, "firstTimestamp": z(when), "lastTimestamp": z(when),
                "metadata": {"namespace": "kube-system", "name": f"{pod}.{when:%H%M%S}"},
                "involvedObject": {"kind": "Pod", "name": pod, "namespace": "kube-system"}}  # fmt: skip

    items = [ev("Killing", at(10, 12), "netagent-aaaaa",
                "Container agent failed liveness probe, will be restarted")]  # fmt: skip
    for i in range(6):
        pod = f"netagent-{'bcdefg'[i] * 5}"
        items.append(ev("Killing", at(10, 40, i // 3), pod, "Stopping container agent"))
        new = f"netagent-{'hijklm'[i] * 5}"
        items.append(ev("Scheduled", at(10, 40, 5), new, "Successfully assigned"))
    (folder / "events.json").write_text(
        json.dumps({"apiVersion": "v1", "kind": "List", "items": items}), encoding="utf-8"
    )
    _log(folder, "netagent", (at(10, 5), at(10, 41)), at(11, 30))
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys, at(9, 30), at(11, 30))
    deleted = [r for r in rows if "deleted and replaced" in r["text"]]
    assert [(r["time"], r["kind"]) for r in deleted] == [(z(at(10, 40)), "mitigation")]
    assert "6 pods" in deleted[0]["text"]
    assert not any("deleted" in r["text"] for r in rows if r["time"] == z(at(10, 12)))


@pytest.mark.parametrize(
    ("doc", "where", "want"),
    [
        # a GraphQL answer: the runs two objects down, the stack's name for each run
        (
            {"data": {"stack": {"id": "edge-prod", "name": "edge-prod", "runs": [
                {"id": "r2", "type": "TRACKED", "state": "FINISHED", "createdAt": 1780391520,
                 "title": "Re-import api certificate", "triggeredBy": "maren@acme.example",
                 "commit": {"hash": "4be1c09", "message": "Re-import api certificate"}},
                {"id": "r1", "type": "PROPOSED", "state": "FINISHED", "createdAt": 1780387320,
                 "title": "plan only", "triggeredBy": "ci",
                 "commit": {"hash": "9ab0e11", "message": "plan only"}}]}}},
            "data.stack.runs",
            {("2026-06-02T09:12:00Z", "edge-prod", "4be1c09", "maren@acme.example"),
             ("2026-06-02T08:02:00Z", "edge-prod", "9ab0e11", "ci")},
        ),
        # a GraphQL connection: each edge's node is a record
        (
            {"data": {"repository": {"deployments": {"totalCount": 1, "edges": [
                {"cursor": "Y3Vy", "node": {"createdAt": "2026-06-02T09:14:00Z",
                                            "environment": "production", "state": "ACTIVE",
                                            "creator": {"login": "mira"},
                                            "commit": {"oid": "4be1c09aa"}}}]}}}},
            "data.repository.deployments.edges",
            {("2026-06-02T09:14:00Z", "production", "4be1c09aa", "mira")},
        ),
    ],
)  # fmt: skip
def test_records_further_down_a_graphql_answer(tmp_path, doc, where, want):
    from datetime import datetime

    from pm_tui.collectors.changes import collect_changes
    from pm_tui.collectors.evidence import CollectWindow

    path = tmp_path / "answer.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert classify(path).kind == "deploys" and f"`{where}`" in classify(path).reason
    day = datetime.fromisoformat("2026-06-02T00:00:00+00:00")
    result = collect_changes(path, CollectWindow(day, day.replace(day=3)))
    got = {(z(e.time), e.attrs["service"], e.attrs["version"], e.attrs["actor"])
           for e in result.evidence}  # fmt: skip
    assert got == want
