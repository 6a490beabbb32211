"""Evidence of shapes nobody here wrote (#20, heldout16's kinds): a game server's log in
Unreal Engine's layout behind a start-up banner, an API's change records each wrapped in an
object beside the names of what they belong to (EKS `describe-update`), and an integration
platform's run history, whose failed runs are symptoms, not changes. Each sample is shaped
after the tool's public documentation (cited per sample)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.classify import classify
from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.logs.collect import collect_logs

START = datetime(2026, 7, 16, 18, 0, tzinfo=UTC)
END = datetime(2026, 7, 16, 22, 0, tzinfo=UTC)


def _ue(t: datetime, frame: int, text: str) -> str:
    # Unreal Engine's log line: `[YYYY.MM.DD-HH.MM.SS:mmm][frame]Category: Verbosity: message`
    return f"[{t:%Y.%m.%d-%H.%M.%S}:{t.microsecond // 1000:03d}][{frame:3d}]{text}"


def test_a_game_servers_unreal_log_is_read_past_its_banner_with_its_levels(tmp_path):
    """A dedicated server's log (Unreal Engine docs, "Logging in Unreal Engine"): the first
    lines, written before the engine's clock is up, carry no time; then each line its time,
    its frame, its category and a verbosity (`Warning:`, `Error:`) when it is no `Display`."""
    banner = [
        "Log file open, 07/16/26 18:00:02",
        "LogWindows: Failed to load 'aqProf.dll' (GetLastError=126)",
        "LogInit: Display: Running engine for game: AshfallServer",
        "LogInit: Build: ++Ashfall+Release-7.2-CL-30112",
        "LogInit: Engine Version: 5.3.2-30112+++Ashfall+Release-7.2",
        "LogInit: Compiled (64-bit): Jul 10 2026 11:02:41",
        "LogConfig: Applying CVar settings from Section [ConsoleVariables]",
        "LogPakFile: Initializing PakPlatformFile",
    ] * 3
    t = START + timedelta(minutes=30)
    lines = []
    for i in range(40):
        at = t + timedelta(seconds=20 * i)
        lines.append(_ue(at, i, f"LogGameMode: Match {i:04x} started map=Cinderport players=10"))
        lines.append(
            _ue(
                at + timedelta(seconds=5),
                i,
                "LogNet: Warning: UNetConnection::Tick: Connection TIMED OUT.",
            )
        )
    lines.append(
        _ue(t + timedelta(minutes=20), 41, "LogOnline: Error: Entitlement check failed: 503")
    )
    path = tmp_path / "gs-fleet.log"
    path.write_text("\n".join(banner + lines) + "\n")
    assert classify(path).kind == "logs"
    got = collect_logs(path, CollectWindow(START, END)).evidence
    assert len(got) == 81
    assert got[0].time == t
    levels = {e.text.split("]", 1)[-1].split(":")[0]: e.attrs.get("level") for e in got}
    assert levels == {"LogGameMode": None, "LogNet": "warning", "LogOnline": "error"}


# `aws eks describe-update` saved per node group (AWS CLI reference): each update wrapped in
# `update`, beside the node group and cluster it belongs to
EKS_UPDATES = [
    {"update": {"id": "fd662fe5", "status": "Successful", "type": "VersionUpdate",
                "params": [{"type": "Version", "value": "1.33"},
                           {"type": "ReleaseVersion", "value": "1.33.3-20260804"}],
                "createdAt": "2026-07-16T18:05:10.935000+00:00", "errors": []},
     "nodegroupName": "rt-workers", "clusterName": "prod-euw1"},
    {"update": {"id": "cb8c233c", "status": "Successful", "type": "ConfigUpdate",
                "params": [{"type": "DesiredSize", "value": "4"}],
                "createdAt": "2026-07-16T18:20:02.115000+00:00", "errors": []},
     "nodegroupName": "batch-workers", "clusterName": "prod-euw1"},
]  # fmt: skip


def test_change_records_wrapped_beside_their_owners_names_are_changes(tmp_path):
    from pm_tui.collectors.deploy_records import read_deploys

    path = tmp_path / "mng.json"
    path.write_text(json.dumps(EKS_UPDATES))
    assert classify(path).kind == "deploys"
    reading = read_deploys(EKS_UPDATES)
    assert reading is not None and reading.fields["time"] == "createdAt"
    assert [r["nodegroupName"] for r in reading.records] == ["rt-workers", "batch-workers"]
    assert reading.records[0]["type"] == "VersionUpdate"


def _runs(n: int, failed: range):
    return [(START + timedelta(minutes=15 * i), i in failed) for i in range(n)]


# Azure Logic Apps' "Workflow Runs - List" (learn.microsoft.com, REST API): value[] of runs,
# each under `properties` beside its id, name and type
LOGIC_APP = {"value": [
    {"properties": {"waitEndTime": f"{t:%Y-%m-%dT%H:%M:%S}Z", "startTime": f"{t:%Y-%m-%dT%H:%M:%S}Z",
                    "endTime": f"{t + timedelta(seconds=42):%Y-%m-%dT%H:%M:%S}Z",
                    "status": "Failed" if bad else "Succeeded",
                    "correlation": {"clientTrackingId": f"0858{i}"},
                    "trigger": {"name": "When_a_file_is_added", "status": "Succeeded"},
                    **({"error": {"code": "ActionFailed",
                                  "message": "An action failed. No dependent actions succeeded."}}
                       if bad else {})},
     "id": f"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Logic/workflows/stock-sync/runs/0858{i}",
     "name": f"0858{i}", "type": "Microsoft.Logic/workflows/runs"}
    for i, (t, bad) in enumerate(_runs(12, range(6, 10)))
]}  # fmt: skip
# Workato's "List jobs" API (docs.workato.com): items[] with started_at, completed_at, status
WORKATO = {"job_succeeded_count": 8, "job_failed_count": 4, "items": [
    {"id": 900 + i, "flow_run_id": 700 + i, "started_at": t.isoformat(),
     "completed_at": (t + timedelta(seconds=30)).isoformat(), "status": "failed" if bad else "succeeded",
     "error": "Column 'qty' not found" if bad else None, "is_poll_error": False,
     "title": "New file in SFTP folder /inbound"}
    for i, (t, bad) in enumerate(_runs(12, range(6, 10)))
]}  # fmt: skip
# Boomi's AtomSphere API, ExecutionRecord query: result[] with executionTime and status
BOOMI = {"@type": "QueryResult", "numberOfResults": 12, "result": [
    {"@type": "ExecutionRecord", "executionId": f"execution-{i}", "executionTime": f"{t:%Y-%m-%dT%H:%M:%S}Z",
     "status": "ERROR" if bad else "COMPLETE", "executionType": "exec_sched",
     "processName": "Partner Stock Feed", "atomName": "prod-molecule", "inboundDocumentCount": 120,
     "executionDuration": ["Long", 30000], "message": "Data error on line 2" if bad else ""}
    for i, (t, bad) in enumerate(_runs(12, range(6, 10)))
]}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("logicapp-runs.json", LOGIC_APP, "run Failed — An action failed."),
        ("workato-jobs.json", WORKATO, "run failed — Column 'qty' not found"),
        ("boomi-executions.json", BOOMI, "Partner Stock Feed: run ERROR — Data error on line 2"),
    ],
)
def test_an_integration_platforms_run_history_is_a_log_whose_failed_runs_are_errors(
    tmp_path, name, data, said
):
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=1))
    found = classify(path)
    assert found.kind == "logs" and "job run history (12 runs" in found.reason
    got = sorted(collect_logs(path, CollectWindow(START, END)).evidence, key=lambda e: e.time)
    assert len(got) == 12 and {e.kind for e in got} == {"log"}
    failed = [e for e in got if e.attrs.get("level") == "error"]
    assert [e.time for e in failed] == [START + timedelta(minutes=15 * i) for i in range(6, 10)]
    assert all(said in e.text for e in failed)
    assert got[0].attrs.get("level") != "error"


def test_a_deploy_jobs_builds_stay_changes(tmp_path):
    """Jenkins' job API (`/job/deploy-prod/api/json?tree=builds[...]`): a deploy job's builds
    have a result and a duration like any run, but each one ships: change records."""
    builds = {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob", "name": "deploy-prod",
              "builds": [{"number": 1187 - i, "result": "SUCCESS", "duration": 282000,
                          "timestamp": int((START + timedelta(minutes=10 * i)).timestamp() * 1000),
                          "description": f"notify-fanout -> 5.2.{4 + i} (prod)"} for i in range(3)]}  # fmt: skip
    path = tmp_path / "deploy-prod.json"
    path.write_text(json.dumps(builds))
    assert classify(path).kind == "deploys"
