"""A log whose times are found past its first lines (#20): heldout12 had "a log with no
timestamp in its first lines" unread. Two shapes real tools write: a Java service whose every
error carries a stack trace of dozens of frames (a handful of timed lines among the first 200),
and Mosquitto's broker log, each line led by epoch seconds and a colon
(`1773297687: Client c1 has exceeded timeout, disconnecting.`). Both are read as logs with
their records' times; a port written after a long number is still no time. Real files in tmp
folders, the classifier and the log collector."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pm_tui.collectors.classify import classify
from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.logs.collect import collect_logs

START = datetime(2026, 3, 12, 6, 0, tzinfo=UTC)
WINDOW = CollectWindow(START - timedelta(hours=1), START + timedelta(hours=2))


def test_a_log_of_long_stack_traces_is_read_by_its_timed_lines(tmp_path):
    lines = []
    for i in range(40):
        t = START + timedelta(minutes=i, seconds=27)
        lines.append(f"{t:%Y-%m-%d %H:%M:%S},123 ERROR [worker-{i % 3}] c.q.Writer - commit failed")
        lines.append("java.lang.IllegalStateException: no offset commit for 21s")
        lines += [
            f"\tat com.quanto.settlement.Writer.step{j}(Writer.java:{100 + j})" for j in range(30)
        ]
    path = tmp_path / "settlement-writer.out"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert classify(path).kind == "logs"
    records = collect_logs(path, WINDOW).evidence
    assert len(records) == 40
    assert min(e.time for e in records).replace(microsecond=0) == START + timedelta(seconds=27)
    assert all(e.attrs.get("level") == "error" for e in records)


def test_mosquittos_epoch_seconds_and_colon_lead_each_line(tmp_path):
    epoch = int(START.timestamp())
    lines = [
        f"{epoch + 30 * i}: Client thermo-{i:04d} has exceeded timeout, disconnecting."
        for i in range(60)
    ]
    path = tmp_path / "mosquitto.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert classify(path).kind == "logs"
    records = collect_logs(path, WINDOW).evidence
    assert len(records) == 60
    assert min(e.time for e in records) == START
    assert max(e.time for e in records) == START + timedelta(seconds=30 * 59)


def test_a_port_after_a_long_number_is_no_time(tmp_path):
    # `1773297687:8080` is a host id and a port, not epoch seconds
    lines = [f"peer 1773297687:8080 handshake ok #{i}" for i in range(40)]
    path = tmp_path / "peers.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert classify(path).kind is None
