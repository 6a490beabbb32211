"""Alertmanager collector against the rig's real Alertmanager, and recorded webhook payloads."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from pm_tui.collectors.alertmanager import collect_alertmanager, read_alert_notifications
from pm_tui.collectors.evidence import CollectorError, CollectWindow
from pm_tui.collectors.http import HttpOptions


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmm}:00+00:00")


WINDOW = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))


def test_active_and_suppressed_alerts_with_silence(rig):
    result = collect_alertmanager(HttpOptions(base_url=rig["AM_URL"]), WINDOW)
    by_name = {e.attrs["alertname"]: e for e in result.evidence}
    assert {n: e.attrs["state"] for n, e in by_name.items()} == {
        "HighErrorRate": "active",
        "HighLatency": "suppressed",
    }
    assert by_name["HighErrorRate"].time == at("10:12")
    assert by_name["HighLatency"].time == at("10:15")
    (silence,) = by_name["HighLatency"].attrs["silences"]
    assert silence["comment"] == "known issue, tracked elsewhere"
    assert silence["matchers"] == "alertname=HighLatency"
    assert "silenced by rig" in by_name["HighLatency"].text
    assert by_name["HighLatency"].text.startswith("Alert HighLatency firing (suppressed)")
    assert result.counts["silences_active"] == 1


def test_alerts_outside_the_window_are_counted_not_kept(rig):
    window = CollectWindow(start=at("12:00"), end=at("13:00"), baseline=timedelta(0))
    result = collect_alertmanager(HttpOptions(base_url=rig["AM_URL"]), window)
    assert result.evidence == [] and result.counts["outside_window"] == 2


def test_prometheus_url_given_as_alertmanager_is_a_clear_error(rig):
    with pytest.raises(CollectorError, match=r"alertmanager:.*HTTP 404.*Alertmanager base URL"):
        collect_alertmanager(HttpOptions(base_url=rig["PROM_URL"]), WINDOW)


def payload(status: str, alerts: list[dict]) -> dict:
    return {"version": "4", "status": status, "receiver": "pager", "alerts": alerts}


def alert(status: str, starts: str, ends: str = "0001-01-01T00:00:00Z") -> dict:
    return {
        "status": status,
        "labels": {"alertname": "HighErrorRate", "job": "api"},
        "annotations": {"summary": "API 5xx ratio above 5%"},
        "startsAt": f"2025-02-09T{starts}:00Z",
        "endsAt": ends if status == "firing" else f"2025-02-09T{ends}:00Z",
        "fingerprint": "abc123",
    }


@pytest.mark.parametrize("as_lines", [False, True])
def test_webhook_notifications_firing_and_resolved(tmp_path, as_lines):
    payloads = [
        payload("firing", [alert("firing", "10:12")]),
        payload("firing", [alert("firing", "10:12")]),  # repeat_interval re-send
        payload("resolved", [alert("resolved", "10:12", "10:39")]),
    ]
    path = tmp_path / "notifications.json"
    text = "\n".join(json.dumps(p) for p in payloads) if as_lines else json.dumps(payloads)
    path.write_text(text)
    result = read_alert_notifications(path, WINDOW)
    assert [(e.attrs["state"], e.time) for e in result.evidence] == [
        ("firing", at("10:12")),
        ("resolved", at("10:39")),
    ]
    assert result.evidence[0].attrs["receiver"] == "pager"
    assert "API 5xx ratio" in result.evidence[0].text


def test_webhook_file_that_is_not_json(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("this is not json\n")
    with pytest.raises(CollectorError, match="not JSON webhook payloads"):
        read_alert_notifications(path, WINDOW)
    with pytest.raises(CollectorError, match="file not found"):
        read_alert_notifications(tmp_path / "missing.json", WINDOW)


@pytest.mark.parametrize("body_as_text", [False, True])
def test_webhook_payloads_as_a_receiver_logged_them(tmp_path, body_as_text):
    """A webhook receiver that logs each request beside the time it came (a JSON line
    `{"received_at": ..., "remote_addr": ..., "body": {...}}`, the body an object or the
    request's raw JSON text) holds alerts, not change records: the folder's classifier says
    so and the reader reads the alerts inside."""
    from pm_tui.collectors.classify import classify

    sent = [
        ("10:12:30", payload("firing", [alert("firing", "10:12")])),
        ("10:39:30", payload("resolved", [alert("resolved", "10:12", "10:39")])),
    ]
    lines = [
        json.dumps(
            {
                "received_at": f"2025-02-09T{when}Z",
                "remote_addr": "10.0.4.17",
                "body": json.dumps(body) if body_as_text else body,
            }
        )
        for when, body in sent
    ]
    path = tmp_path / "received.ndjson"
    path.write_text("\n".join(lines) + "\n")
    assert classify(path).kind == "alertmanager-webhook"
    result = read_alert_notifications(path, WINDOW)
    assert [(e.attrs["state"], e.time) for e in result.evidence] == [
        ("firing", at("10:12")),
        ("resolved", at("10:39")),
    ]
    assert "API 5xx ratio" in result.evidence[0].text
    assert not result.gaps
