"""The time of a log or a table found wherever it sits (#20): a table whose header names its
columns is records, read by the columns' names as a JSON export is (after comment lines, with
any separator, whatever the time column is called); a glog line behind a pod's name, a table's
date and time columns, a JSON line whose time field no usual key names are logs with times.
Driven by train8 and heldout8 (retired8): a model server's log, an IPMI event table and a
gateway's JSON log left unread; a deploy history read as a log. Real files in tmp folders,
the CLI, a real repository."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pm_tui import postmortem_store
from pm_tui.collectors.classify import classify
from pm_tui.collectors.evidence import CollectWindow
from pm_tui.model import new_postmortem
from pm_tui.timeline.accept import HIGH_CONFIDENCE

T0 = datetime(2026, 8, 19, 6, 0, tzinfo=UTC)


def at(minute: float) -> datetime:
    return T0 + timedelta(minutes=minute)


def z(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _window() -> CollectWindow:
    return CollectWindow(at(0), at(180))


def _logs(path: Path) -> list:
    from pm_tui.collectors.logs.collect import collect_logs

    return collect_logs(path, _window(), aggregate_access=False).evidence


def test_a_glog_behind_a_pods_name_is_a_log_with_times_and_levels(tmp_path):
    path = tmp_path / "model-server.out"
    lines = [
        f"fraud-model-7b9d5-zt4km {'W' if i % 3 else 'I'}{at(i):%m%d %H:%M:%S}.{i:06d}"
        f"       1 http_server.cc:3452] request {i} rejected"
        for i in range(1, 40)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert classify(path).kind == "logs"
    got = _logs(path)
    assert [e.time for e in got][:2] == [
        at(1) + timedelta(microseconds=1),
        at(2) + timedelta(microseconds=2),
    ]
    assert got[0].attrs.get("level") == "warning" and "request 1 rejected" in got[0].text


def test_a_tables_date_and_time_columns_are_the_records_time(tmp_path):
    path = tmp_path / "sel.txt"
    rows = ["[root@jump ~]# ipmitool sel elist"]
    rows += [f" {i:x} | {at(i * 5):%m/%d/%Y} | {at(i * 5):%H:%M:%S} | Temperature Inlet Temp | "
             "Upper Critical going high | Asserted" for i in range(1, 12)]  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert classify(path).kind == "logs"
    assert [e.time for e in _logs(path)][:3] == [at(5), at(10), at(15)]


def test_json_lines_timed_by_a_field_named_for_a_time(tmp_path):
    path = tmp_path / "gateway.jsonl"
    records = [
        {"request": {"method": "GET", "uri": f"/v2/items/{i}", "headers": {
            "user-agent": "AcmeShop/7.3.0 (iPad; iPadOS 19.3; Scale/2.00)",
            "x-forwarded-for": "176.67.51.247, 151.101.38.12"}}, "response": {"status": 429},
         "started_at": int(at(i).timestamp() * 1000), "latencies": {"request": 3}}
        for i in range(1, 30)
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert classify(path).kind == "logs"
    assert [e.time for e in _logs(path)][:2] == [at(1), at(2)]


def _history(folder: Path) -> Path:
    """A deploy history table: a comment line, then columns no exact reader names."""
    path = folder / "history.tsv"
    rows = [
        ("2026-08-19 05:10:00", "cart-api", "3.18.1", "ci-bot", "ok"),
        ("2026-08-19 06:50:00", "fraud-api", "9.4.0", "maya.ito", "ok"),
        ("2026-08-19 07:20:00", "search-web", "1.2.9", "lena", "ok"),
    ]
    text = "# exported from shipit, times in UTC\n"
    text += "Deployed At\tSvc Name\tBuild Version\tTriggered By\tOutcome\n"
    text += "".join("\t".join(r) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")
    return path


def _incident(root: Path) -> Path:
    """fraud-api fails from minute 52 to minute 120; its deploy at minute 50 is the trigger."""
    folder = root / "evidence"
    folder.mkdir()
    lines = []
    t = at(0)
    while t < at(180):
        m = (t - T0).total_seconds() / 60
        if 52 <= m < 120:
            lines.append(
                f"{t:%Y-%m-%dT%H:%M:%S}Z ERROR fraud-api scoring failed: model unavailable"
            )
        lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z INFO fraud-api POST /v1/score 200")
        t += timedelta(seconds=15)
    (folder / "fraud-api").mkdir()
    (folder / "fraud-api" / "app.out").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _history(folder)
    return folder


def test_a_deploy_history_table_is_change_records_read_by_its_columns(tmp_path, capsys):
    from pm_tui.cli.main import main

    folder = _incident(tmp_path)
    found = classify(folder / "history.tsv")
    assert found.kind == "deploys", found.reason
    repo = postmortem_store.Repository.open(tmp_path / "repo")
    pm = new_postmortem("fraud-scoring", at(30), resolved=at(180))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    code = main([*argv, "collect", pm.id, "--evidence", str(folder),
                 "--start", z(at(30)), "--end", z(at(180))])  # fmt: skip
    said = capsys.readouterr()
    assert code in (0, 3), said.err
    # collect says which column gave each role
    assert "time `Deployed At`, who `Triggered By`, what `Svc Name`" in said.out
    assert main([*argv, "timeline", pm.id, "--rebuild", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["candidates"]
    trigger = [r for r in rows if "fraud-api" in r["text"] and r["kind"] == "change"]
    assert trigger and trigger[0]["time"] == z(at(50))
    assert trigger[0]["confidence"] >= HIGH_CONFIDENCE
    other = [r for r in rows if "search-web" in r["text"]]
    assert other and all(r["confidence"] < HIGH_CONFIDENCE for r in other)
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    kept = [e.text for e in repo.load(pm.id).timeline]
    assert any("fraud-api" in t and "9.4.0" in t for t in kept)
    assert not any("search-web" in t for t in kept)


def test_a_table_of_values_without_a_header_is_not_records(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "".join(f"{z(at(i))},fraud-api,ERROR,scoring failed\n" for i in range(30)),
        encoding="utf-8",
    )
    assert classify(path).kind == "logs"


def test_a_log_behind_a_start_up_banner_is_read_from_its_first_timed_line(tmp_path):
    path = tmp_path / "server.log"
    banner = ["+----------------+---------+--------+", "| Model          | Version | Status |",
              "+----------------+---------+--------+"]  # fmt: skip
    banner += [f"| fraud_gbt_v{i:<4} | {i:<7} | READY  |" for i in range(250)]
    banner.append("+----------------+---------+--------+")
    lines = [f"I{at(i):%m%d %H:%M:%S}.000000 1 grpc_server.cc:2466] request {i} served"
             for i in range(1, 40)]  # fmt: skip
    path.write_text("\n".join(banner + lines) + "\n", encoding="utf-8")
    assert classify(path).kind == "logs"
    assert [e.time for e in _logs(path)][:2] == [at(1), at(2)]
