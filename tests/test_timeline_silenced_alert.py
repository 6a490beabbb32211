"""#20: an alert suppressed by a silence notified no one, so it did not detect the incident
(pm_tui.timeline.milestones._suppressed), from a small evidence folder built here (the checkout
API's log, Alertmanager's alert list saved from its API, a PagerDuty log), collected and rebuilt
through the CLI in a real repository.

The class of miss, seen on incidents written where the monitoring fails (an over-broad silence
left from a load test): the error-ratio alert fires two minutes after the first error but is
`suppressed` (silenced) in Alertmanager's own record, so no one hears of it; support pages by
hand twenty minutes later. `detected` is the page, not the silenced alert; the alert stays a
row the person sees.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import propose

FIRST_ERROR, LAST_ERROR = _at(10, 40, 5), _at(11, 30)
SILENCED_FIRING, PAGED, ACKED, RESOLVED = _at(10, 42), _at(11, 2), _at(11, 5), _at(11, 50)


def _pd(entry_id: str, kind: str, t: datetime, page: str, title: str, who: str) -> dict:
    agent = {"type": "user_reference", "id": "P" + who[:4].upper(), "summary": who}
    summary = {"trigger_log_entry": "Triggered through the website.",
               "acknowledge_log_entry": f"Acknowledged by {who}.",
               "resolve_log_entry": f"Resolved by {who}."}[kind]  # fmt: skip
    return {"id": entry_id, "type": kind, "summary": summary, "created_at": _z(t),
            "agent": agent, "channel": {"type": "web_trigger"},
            "service": {"id": "PSVC1", "type": "service_reference", "summary": title},
            "incident": {"id": page, "type": "incident_reference", "summary": title}}  # fmt: skip


def _api_alert(name: str, summary: str, fired: datetime, ended: datetime, state: str) -> dict:
    return {
        "annotations": {"summary": summary},
        "startsAt": _z(fired),
        "endsAt": _z(ended),
        "updatedAt": _z(ended),
        "fingerprint": "6e25a54c5ae1955d" if state == "suppressed" else "1a2b3c4d5e6f7a8b",
        "receivers": [{"name": "checkout-pagerduty"}],
        "status": {
            "state": state,
            "silencedBy": ["6b1f0c2e-5d8a-4e31-9a0f-2c7e4b9d1a53"] if state == "suppressed" else [],
            "inhibitedBy": [],
        },
        "generatorURL": f"http://prometheus-k8s-0:9090/graph?g0.expr={name}",
        "labels": {"alertname": name, "service": "checkout-api", "severity": "page"},
    }


def _evidence(folder: Path, state: str) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    api = [f"{_z(t)} INFO checkout-api POST /api/v2/checkout 200 80ms"
           for t in _every(_at(9, 0), _at(12, 30), timedelta(seconds=20))]  # fmt: skip
    api += [f"{_z(t)} ERROR checkout-api POST /api/v2/checkout 500 eligibility lookup failed"
            for t in _every(FIRST_ERROR, LAST_ERROR, timedelta(seconds=10))]  # fmt: skip
    (ev / "checkout-api.log").write_text("\n".join(sorted(api)) + "\n", encoding="utf-8")
    alerts = [_api_alert("CheckoutApiErrorRatio", "checkout-api 5xx ratio above 5% for 2m",
                         SILENCED_FIRING, LAST_ERROR + timedelta(minutes=1), state)]  # fmt: skip
    (ev / "alerts.json").write_text(json.dumps(alerts, indent=2), encoding="utf-8")
    page, title = "Q48211", "[#48211] Checkout failing for many customers, checkout-api"
    entries = [
        _pd("R1", "trigger_log_entry", PAGED, page, title, "Nadia Support"),
        _pd("R2", "acknowledge_log_entry", ACKED, page, title, "Marek Nowak"),
        _pd("R3", "resolve_log_entry", RESOLVED, page, title, "Marek Nowak"),
    ]
    (ev / "pd-log-entries.json").write_text(
        json.dumps(
            {
                "log_entries": entries[::-1],
                "limit": 100,
                "offset": 0,
                "more": False,
                "total": len(entries),
            }
        ),  # fmt: skip
        encoding="utf-8",
    )
    return ev


def test_a_silenced_alert_did_not_detect_the_incident_the_page_by_hand_did(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident", "suppressed")
    w = propose(tmp_path, ev, capsys, "Checkout failing", _at(10, 0), _at(12, 30))
    assert w.times["started"] == FIRST_ERROR
    assert w.times["detected"] == PAGED  # not the silenced firing at 10:42
    assert "detected      2026-03-01 11:02:00" in w.table
    d = w.accept_high()
    assert d.detect == PAGED - FIRST_ERROR


def test_the_same_alert_not_silenced_detected_it(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident", "active")
    w = propose(tmp_path, ev, capsys, "Checkout failing", _at(10, 0), _at(12, 30))
    assert w.times["detected"] == SILENCED_FIRING
