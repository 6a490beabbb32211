"""Prometheus collector against the real Prometheus of the rig (backfilled incident)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.http import HttpOptions
from pm_tui.collectors.prometheus import (
    MAX_POINTS,
    PrometheusOptions,
    choose_step,
    collect_prometheus,
    read_query_range_file,
)


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmm}:00+00:00")


WINDOW = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))


def options(url: str, **kw) -> PrometheusOptions:
    return PrometheusOptions(http=HttpOptions(base_url=url), selector='job="api"', **kw)


def series(result, name):
    return [e for e in result.evidence if e.kind == "metric" and e.attrs["name"] == name]


def test_error_ratio_preset_shows_the_spike(rig):
    progress = []
    result = collect_prometheus(options(rig["PROM_URL"]), WINDOW, lambda *a: progress.append(a))
    (ratio,) = series(result, "error_ratio")
    values = {t: v for t, v in ratio.attrs["points"]}
    assert values["2025-02-09T09:30:00Z"] < 0.01  # baseline before the incident
    assert values["2025-02-09T10:20:00Z"] == pytest.approx(12 / 52, rel=1e-3)
    assert values["2025-02-09T10:50:00Z"] < 0.01  # recovered
    (rate,) = series(result, "request_rate")
    assert dict(rate.attrs["points"])["2025-02-09T09:30:00Z"] == pytest.approx(2 * 50.05, rel=1e-3)
    assert len(ratio.attrs["points"]) <= 500
    assert progress[-1][0] == progress[-1][1]  # finished


def test_latency_preset_without_histogram_is_a_gap(rig):
    result = collect_prometheus(options(rig["PROM_URL"]), WINDOW)
    assert not series(result, "latency_p99")
    assert any("no data for latency_p99" in g.reason for g in result.gaps)


def test_alert_history_pending_firing_resolved(rig):
    result = collect_prometheus(options(rig["PROM_URL"], presets=()), WINDOW)
    alerts = [(e.attrs["state"], e.time) for e in result.evidence if e.kind == "alert"]
    assert alerts == [
        ("pending", at("10:07")),
        ("firing", at("10:12")),
        ("resolved", at("10:39")),  # first evaluation after the last firing sample
    ]
    firing = next(e for e in result.evidence if e.attrs.get("state") == "firing")
    assert firing.attrs["alertname"] == "HighErrorRate"
    assert firing.attrs["labels"]["severity"] == "page"
    assert firing.attrs["active_at"] == "2025-02-09T10:07:00Z"
    assert "HighErrorRate" in firing.text
    resolved = result.evidence[-1]
    assert resolved.attrs["last_firing"] == "2025-02-09T10:38:00Z"


def test_alert_still_firing_at_window_end_has_no_resolved(rig):
    window = CollectWindow(start=at("10:10"), end=at("10:30"), baseline=timedelta(0))
    result = collect_prometheus(options(rig["PROM_URL"], presets=()), window)
    states = [e.attrs["state"] for e in result.evidence]
    assert states == ["pending", "firing"]


def test_alert_history_split_into_chunks_gives_same_runs(rig, monkeypatch):
    window = CollectWindow(start=at("09:00"), end=at("12:30"), baseline=timedelta(0))
    whole = collect_prometheus(options(rig["PROM_URL"], presets=()), window)
    from pm_tui.collectors import prometheus_alerts

    calls = []
    original = prometheus_alerts.JsonClient.get_json
    monkeypatch.setattr(prometheus_alerts, "MAX_POINTS", 1010)  # chunks of 10 evaluations
    monkeypatch.setattr(
        prometheus_alerts.JsonClient,
        "get_json",
        lambda self, *a, **kw: calls.append(a) or original(self, *a, **kw),
    )
    chunked = collect_prometheus(options(rig["PROM_URL"], presets=()), window)
    assert len(calls) >= 2 * 21  # ALERTS and ALERTS_FOR_STATE, 3.5 h in 10-minute chunks
    assert [(e.time, e.attrs) for e in chunked.evidence] == [
        (e.time, e.attrs) for e in whole.evidence
    ]
    assert [e.time for e in whole.evidence] == [at("10:07"), at("10:12"), at("10:39")]


def test_missing_points_after_data_end_is_a_gap(rig):
    window = CollectWindow(start=at("12:00"), end=at("13:30"), baseline=timedelta(0))
    result = collect_prometheus(
        options(rig["PROM_URL"], presets=("request_rate",), alerts=False), window
    )
    (gap,) = [g for g in result.gaps if "no points for request_rate" in g.reason]
    # data ends 12:30, the 5 m lookback carries it to 12:35
    assert at("12:30") <= gap.start <= at("12:36") and gap.end == at("13:30")


def test_custom_query_and_no_data_query(rig):
    result = collect_prometheus(
        options(
            rig["PROM_URL"],
            presets=(),
            alerts=False,
            queries=['up{job="api"}', 'up{job="nonexistent"}'],
        ),
        WINDOW,
    )
    ups = series(result, "query 1")
    assert sorted(e.attrs["labels"]["instance"] for e in ups) == ["api-1:8080", "api-2:8080"]
    assert any("no data for query 2" in g.reason for g in result.gaps)


def test_step_suits_the_window_and_respects_the_point_limit():
    start = at("00:00")
    assert choose_step(start, start + timedelta(hours=2)) == 15
    assert choose_step(start, start + timedelta(days=1)) == 300
    for days in (1, 30, 400, 4000):
        step = choose_step(start, start + timedelta(days=days))
        assert days * 86400 / step + 1 <= MAX_POINTS


def test_saved_query_range_response(tmp_path):
    body = {
        "status": "success",
        "data": {
            "resultType": "matrix",
            "result": [
                {
                    "metric": {"job": "api"},
                    "values": [[at("10:00").timestamp() + 60 * i, "1.5"] for i in range(10)],
                }
            ],
        },
    }
    path = tmp_path / "errors.json"
    path.write_text(json.dumps(body))
    window = CollectWindow(start=at("10:00"), end=at("10:09"), baseline=timedelta(0))
    result = read_query_range_file(path, window)
    (metric,) = result.evidence
    assert metric.attrs["name"] == "errors" and len(metric.attrs["points"]) == 10
    assert metric.time == at("10:00").astimezone(UTC) and not result.gaps


def test_an_instant_alerts_query_is_not_a_firing_at_the_query_time(tmp_path):
    """A saved instant `ALERTS` answer tells what was active when it was saved: the firing time
    comes from ALERTS_FOR_STATE where the answer has it, else a gap says what to save."""
    saved_at = at("10:40").timestamp()

    def alerts(name, **labels):
        metric = {"__name__": "ALERTS", "alertname": name, "alertstate": "firing", **labels}
        return {"metric": metric, "value": [saved_at, "1"]}

    body = {
        "status": "success",
        "data": {
            "resultType": "vector",
            "result": [alerts("ApiErrors", job="api"), alerts("DiskLow", instance="db-1")],
        },
    }
    path = tmp_path / "alerts-now.json"
    path.write_text(json.dumps(body))
    result = read_query_range_file(path, WINDOW)
    assert result.evidence == []  # neither a firing at 10:40 nor a metric named ALERTS
    (gap,) = result.gaps
    assert "ApiErrors, DiskLow" in gap.reason and "2025-02-09 10:40:00" in gap.reason
    assert "query_range" in gap.reason

    began = {"__name__": "ALERTS_FOR_STATE", "alertname": "ApiErrors", "job": "api"}
    body["data"]["result"].append(
        {"metric": began, "value": [saved_at, str(at("10:12").timestamp())]}
    )
    path.write_text(json.dumps(body))
    result = read_query_range_file(path, WINDOW)
    (alert,) = result.evidence
    assert alert.kind == "alert" and alert.attrs["state"] == "firing"
    assert alert.time == at("10:12") and alert.attrs["labels"] == {
        "alertname": "ApiErrors",
        "job": "api",
    }
    (gap,) = result.gaps
    assert "DiskLow" in gap.reason and "ApiErrors" not in gap.reason
