"""Kept evidence: JSON lines, atomic, bounded to about 1 MB, spikes and errors survive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pm_tui.collectors.evidence import CollectResult, Evidence
from pm_tui.collectors.evidence_store import downsample, load_evidence, save_evidence

T0 = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)


def result(evidence):
    return CollectResult(source="s", kind="other", target="t", evidence=evidence)


def test_roundtrip(tmp_path):
    items = [
        Evidence(T0, "prometheus:x", "metric", "error_ratio", {"points": [("2025-02-09T10:00:00Z", 0.5)], "labels": {}}),
        Evidence(T0 + timedelta(minutes=1), "pagerduty:Q1", "page", "Acknowledged", {"actor": "Dana"}),
    ]  # fmt: skip
    path = tmp_path / "pm" / "evidence.jsonl"
    save_evidence(path, [result(items)])
    assert load_evidence(path) == items
    assert load_evidence(tmp_path / "missing.jsonl") == []


def test_bounded_to_a_megabyte_keeping_what_matters(tmp_path):
    points = [((T0 + timedelta(seconds=15 * i)).isoformat(), 1.0) for i in range(20_000)]
    points[12_345] = (points[12_345][0], 99.0)  # one spike
    metric = Evidence(T0, "prom", "metric", "error_ratio", {"points": points})
    alerts = [
        Evidence(T0 + timedelta(seconds=i), "am", "alert", f"alert {i}", {}) for i in range(500)
    ]
    logs = [
        Evidence(T0 + timedelta(milliseconds=i), "log", "log", "x" * 400 + f" {i}",
                 {"level": "error" if i % 100 == 0 else "info"})
        for i in range(50_000)
    ]  # fmt: skip
    path = tmp_path / "evidence.jsonl"
    stats = save_evidence(path, [result([*logs, metric, *alerts])])
    assert path.stat().st_size <= 1_000_000
    kept = load_evidence(path)
    assert sum(e.kind == "alert" for e in kept) == 500
    (series,) = [e for e in kept if e.kind == "metric"]
    assert len(series.attrs["points"]) <= 240 and max(v for _, v in series.attrs["points"]) == 99.0
    kept_logs = [e for e in kept if e.kind == "log"]
    assert sum(e.attrs["level"] == "error" for e in kept_logs) == 500  # errors first
    assert stats["dropped"] == 50_000 - len(kept_logs)
    assert [e.time for e in kept] == sorted(e.time for e in kept)
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


def test_bucketed_logs_never_crowd_out_the_alerts_pages_and_chat(tmp_path):
    """Two busy access logs bucketed every 10 s fill the megabyte by themselves; the alerts,
    the page and the chat that tell the incident are still kept, whatever the logs' path."""
    source = "logs:/srv/" + "deep/" * 30 + "edge/access.log.gz"  # a long path on every line
    buckets = [
        Evidence(T0 + timedelta(seconds=10 * i), f"{source}{k}", "log",
                 f"{40 + i % 7} requests, {i % 3} 5xx, 0 4xx, p50 42.0 ms",
                 {"bucket": True, "bucket_seconds": 10, "requests": 40 + i % 7, "5xx": i % 3,
                  "p50_ms": 42.0, "p99_ms": 380.0, "max_ms": 910.0})
        for k in range(2) for i in range(2_000)
    ]  # fmt: skip
    events = [
        Evidence(T0 + timedelta(minutes=90), "alert-notifications:hooks", "alert", "Fires", {}),
        Evidence(T0 + timedelta(minutes=91), "pagerduty:export", "page", "Triggered", {}),
        Evidence(T0 + timedelta(minutes=95), "slack:#inc", "message", "the deny is ours", {}),
        Evidence(T0 + timedelta(minutes=80), "changes:history", "change", "policy v2", {}),
    ]
    path = tmp_path / "evidence.jsonl"
    stats = save_evidence(path, [result(buckets), result(events)])
    assert path.stat().st_size <= 1_000_000 and stats["dropped"] > 0  # the bound was hit
    kept = load_evidence(path)
    assert {e.kind for e in kept if e.kind != "log"} == {"alert", "page", "message", "change"}
    assert sum(e.kind == "log" for e in kept) > 1_000  # the traffic picture fills the rest


def test_downsample_keeps_low_and_high():
    points = [(str(i), float(i % 7)) for i in range(1000)]
    points[500] = ("500", -5.0)
    out = downsample(points, buckets=10)
    assert len(out) <= 20 and ("500", -5.0) in out and max(v for _, v in out) == 6.0
