"""Each log format, written to a real file, parsed into aware-UTC evidence."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.logs.collect import collect_logs


def W(start: str, end: str) -> CollectWindow:
    return CollectWindow(datetime.fromisoformat(start), datetime.fromisoformat(end), timedelta(0))


def _write(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_nginx_combined_with_request_time_per_request(tmp_path):
    p = _write(
        tmp_path,
        "access.log",
        '10.0.0.1 - - [09/Feb/2025:10:05:01 +0000] "GET /api/orders?id=1 HTTP/1.1" 200 512 "-" "curl/8.5" 0.042\n'
        '10.0.0.2 - bob [09/Feb/2025:11:05:02 +0100] "POST /api/pay HTTP/1.1" 503 0 "https://x/" "Mozilla/5.0" 1.500\n',
    )
    res = collect_logs(
        p, W("2025-02-09T10:00:00+00:00", "2025-02-09T10:10:00+00:00"), aggregate_access=False
    )
    assert [e.time for e in res.evidence] == [
        datetime(2025, 2, 9, 10, 5, 1, tzinfo=UTC),
        datetime(2025, 2, 9, 10, 5, 2, tzinfo=UTC),  # 11:05 at +01:00
    ]
    a = res.evidence[1].attrs
    assert (a["method"], a["path"], a["status"], a["bytes"]) == ("POST", "/api/pay", 503, 0)
    assert (
        a["duration_ms"] == 1500
        and a["client_ip"] == "10.0.0.2"
        and a["user_agent"] == "Mozilla/5.0"
    )
    assert a["level"] == "error" and res.evidence[0].attrs["level"] == "info"
    assert res.counts["in_window"] == 2


def test_apache_common_format(tmp_path):
    p = _write(
        tmp_path,
        "a.log",
        '127.0.0.1 - frank [10/Oct/2024:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 404 2326\n',
    )
    res = collect_logs(
        p, W("2024-10-10T20:00:00+00:00", "2024-10-10T21:00:00+00:00"), aggregate_access=False
    )
    (e,) = res.evidence
    assert e.time == datetime(2024, 10, 10, 20, 55, 36, tzinfo=UTC)
    assert e.attrs["status"] == 404 and "duration_ms" not in e.attrs


def test_json_lines_keys_offsets_and_epochs(tmp_path):
    lines = [
        {"ts": "2025-02-09T15:35:01.5+05:30", "level": "WARN", "msg": "slow query"},
        {"@timestamp": "2025-02-09T10:05:02Z", "log.level": "error", "message": "db down"},
        {"time": 1739095503123, "lvl": "info", "msg": "millis"},  # 10:05:03.123 UTC
        {"timestamp": 1739095504, "severity": "CRITICAL", "log": "seconds"},
        {"t": 1739095505000000, "level": 50, "msg": "micros, pino level"},
        {"datetime": 1739095506000000000, "level": "debug", "msg": "nanos"},
    ]
    p = _write(tmp_path, "app.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    res = collect_logs(p, W("2025-02-09T10:00:00+00:00", "2025-02-09T10:10:00+00:00"))
    got = [(e.time, e.attrs.get("level"), e.text) for e in res.evidence]
    base = datetime(2025, 2, 9, 10, 5, tzinfo=UTC)
    assert got == [
        (base + timedelta(seconds=1.5), "warning", "slow query"),
        (base + timedelta(seconds=2), "error", "db down"),
        (base + timedelta(seconds=3.123), "info", "millis"),
        (base + timedelta(seconds=4), "critical", "seconds"),
        (base + timedelta(seconds=5), "error", "micros, pino level"),
        (base + timedelta(seconds=6), "debug", "nanos"),
    ]


def test_logfmt(tmp_path):
    p = _write(
        tmp_path,
        "svc.log",
        'time=2025-02-09T10:05:01Z level=error msg="upstream timeout" upstream=payments\n'
        "time=2025-02-09T10:05:02Z level=info msg=ok\n",
    )
    res = collect_logs(p, W("2025-02-09T10:00:00+00:00", "2025-02-09T11:00:00+00:00"))
    assert [(e.text, e.attrs["level"]) for e in res.evidence] == [
        ("upstream timeout", "error"),
        ("ok", "info"),
    ]
    assert res.evidence[0].attrs["upstream"] == "payments"


def test_syslog_rfc3164_takes_the_incident_year_and_wraps_december(tmp_path):
    p = _write(
        tmp_path,
        "syslog",
        "Dec 31 23:59:58 web-1 nginx[812]: worker exited on signal 9\n"
        "Jan  1 00:00:03 web-1 kernel: Out of memory: Killed process 812\n",
    )
    res = collect_logs(p, W("2024-12-31T23:50:00+00:00", "2025-01-01T00:10:00+00:00"))
    assert [e.time for e in res.evidence] == [
        datetime(2024, 12, 31, 23, 59, 58, tzinfo=UTC),
        datetime(2025, 1, 1, 0, 0, 3, tzinfo=UTC),
    ]
    assert res.evidence[1].attrs["host"] == "web-1"


def test_syslog_rfc5424(tmp_path):
    p = _write(
        tmp_path,
        "s.log",
        '<11>1 2025-02-09T10:05:01.003-08:00 db-1 postgres 4242 - [meta x="1"] FATAL: too many connections\n',
    )
    res = collect_logs(p, W("2025-02-09T18:00:00+00:00", "2025-02-09T18:10:00+00:00"))
    (e,) = res.evidence
    assert e.time == datetime(2025, 2, 9, 18, 5, 1, 3000, tzinfo=UTC)
    assert e.attrs["level"] == "error" and "too many connections" in e.text


def test_python_logging_with_traceback_kept_together(tmp_path):
    p = _write(
        tmp_path,
        "worker.log",
        "2025-02-09 10:05:01,123 ERROR orders.worker: charge failed\n"
        "Traceback (most recent call last):\n"
        '  File "worker.py", line 12, in run\n'
        "    charge()\n"
        "ConnectionError: payments unreachable\n"
        "2025-02-09 10:05:02,000 INFO orders.worker: retrying\n",
    )
    res = collect_logs(p, W("2025-02-09T10:00:00+00:00", "2025-02-09T10:10:00+00:00"))
    assert len(res.evidence) == 2
    first = res.evidence[0]
    assert first.time == datetime(2025, 2, 9, 10, 5, 1, 123000, tzinfo=UTC)
    assert first.text.startswith("charge failed\nTraceback") and first.text.endswith(
        "payments unreachable"
    )
    assert first.attrs["level"] == "error" and first.attrs["logger"] == "orders.worker"
    assert res.counts["continuation"] == 4 and res.counts["unparsed"] == 0


def test_klog_year_from_window(tmp_path):
    p = _write(
        tmp_path,
        "kubelet.log",
        "E0209 10:05:01.123456       1 reflector.go:138] failed to watch *v1.Pod: connection refused\n"
        "I0209 10:05:02.000001       1 server.go:44] healthy\n",
    )
    res = collect_logs(p, W("2025-02-09T10:00:00+00:00", "2025-02-09T10:10:00+00:00"))
    assert [(e.time.year, e.attrs["level"]) for e in res.evidence] == [
        (2025, "error"),
        (2025, "info"),
    ]
    assert res.evidence[0].time == datetime(2025, 2, 9, 10, 5, 1, 123456, tzinfo=UTC)


def test_kubectl_timestamps_prefix_with_json_and_text(tmp_path):
    p = _write(
        tmp_path,
        "pod.log",
        '2025-02-09T10:05:01.123456789Z {"level":"error","msg":"panic: nil map"}\n'
        "2025-02-09T10:05:02.5Z plain text WARN disk almost full\n",
    )
    res = collect_logs(p, W("2025-02-09T10:00:00+00:00", "2025-02-09T10:10:00+00:00"))
    assert [(e.text, e.attrs.get("level")) for e in res.evidence] == [
        ("panic: nil map", "error"),
        ("plain text WARN disk almost full", "warning"),
    ]
    assert res.evidence[0].time.microsecond == 123456


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2025-02-09T15:35:01+05:30 started", datetime(2025, 2, 9, 10, 5, 1, tzinfo=UTC)),
        (
            "[2025-02-09 10:05:01.250] ERROR boom",
            datetime(2025, 2, 9, 10, 5, 1, 250000, tzinfo=UTC),
        ),
        ("2025-02-09T10:05:01-0300 x", datetime(2025, 2, 9, 13, 5, 1, tzinfo=UTC)),
    ],
)
def test_any_iso_prefixed_line(tmp_path, line, expected):
    p = _write(tmp_path, "x.log", line + "\n")
    res = collect_logs(p, W("2025-02-09T00:00:00+00:00", "2025-02-10T00:00:00+00:00"))
    assert [e.time for e in res.evidence] == [expected]


def test_naive_times_take_the_given_zone(tmp_path):
    from datetime import timezone

    p = _write(tmp_path, "x.log", "2025-02-09 10:05:01 local time line\n")
    res = collect_logs(
        p,
        W("2025-02-09T00:00:00+00:00", "2025-02-10T00:00:00+00:00"),
        tz=timezone(timedelta(hours=2)),
    )
    assert res.evidence[0].time == datetime(2025, 2, 9, 8, 5, 1, tzinfo=UTC)


def test_secrets_in_records_are_redacted_and_counted(tmp_path):
    p = _write(
        tmp_path,
        "x.log",
        "2025-02-09T10:05:01Z connecting to postgres://app:hunter2pw@db:5432/orders\n"
        "2025-02-09T10:05:02Z using token=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n",
    )
    res = collect_logs(p, W("2025-02-09T00:00:00+00:00", "2025-02-10T00:00:00+00:00"))
    assert "hunter2pw" not in res.evidence[0].text and "ghp_" not in res.evidence[1].text
    assert res.redactions == 2 and res.counts["redactions"] == 2
