"""A log saved as one JSON document is read as a log (train14 hearth-aurora-stale-writer's
`aws/rds-events.json`, AWS RDS `describe-events` saved whole: `{"Events": [{"Date", "Message",
"SourceIdentifier", ...}]}`, read as nothing at ab53b29). `pm-tui collect` classifies it as
logs and the log collector reads each record: its time and its message."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from pm_tui.collectors.classify import classify
from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.logs.collect import collect_logs


def _events(path, records):
    path.write_text(json.dumps({"Events": records}, indent=2), encoding="utf-8")


def _rds(date: str, message: str) -> dict:
    return {"SourceIdentifier": "bookings-prod", "SourceType": "db-cluster",
            "Message": message, "EventCategories": ["failover"], "Date": date,
            "SourceArn": "arn:aws:rds:eu-central-1:1:cluster:bookings-prod"}  # fmt: skip


def test_a_json_document_of_timed_messages_is_a_log_read_record_by_record(tmp_path):
    path = tmp_path / "rds-events.json"
    _events(path, [
        _rds("2026-10-26T02:10:36.223000+00:00", "Creating automated cluster snapshot"),
        _rds("2026-10-27T18:39:41.394000+00:00", "Started cross AZ failover to DB instance: b"),
        _rds("2026-10-27T18:40:12.431000+00:00", "Completed failover to DB instance: b"),
    ])  # fmt: skip
    assert classify(path).kind == "logs"
    window = CollectWindow(datetime(2026, 10, 27, 18, 0, tzinfo=UTC),
                           datetime(2026, 10, 27, 20, 0, tzinfo=UTC))  # fmt: skip
    got = [(e.time.strftime("%H:%M:%S"), e.text) for e in collect_logs(path, window).evidence]
    assert got == [
        ("18:39:41", "Started cross AZ failover to DB instance: b"),
        ("18:40:12", "Completed failover to DB instance: b"),
    ]


def test_json_lines_and_documents_of_no_messages_are_not_read_so(tmp_path):
    lines = tmp_path / "app.jsonl"
    lines.write_text(
        "".join(json.dumps({"ts": f"2026-10-27T18:0{i}:00Z", "level": "error", "msg": "boom"})
                + "\n" for i in range(5)),
        encoding="utf-8",
    )  # fmt: skip
    assert classify(lines).kind == "logs"
    window = CollectWindow(datetime(2026, 10, 27, 17, 0, tzinfo=UTC),
                           datetime(2026, 10, 27, 20, 0, tzinfo=UTC))  # fmt: skip
    assert len(collect_logs(lines, window).evidence) == 5
    users = tmp_path / "users.json"
    users.write_text(json.dumps({"Users": [{"Name": "ana", "Created": "2026-01-01T00:00:00Z"}]}))
    assert classify(users).kind is None
