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
from tests.timeline_clock import z as _z
from tests.timeline_proposal import page_log, propose, service_log

FIRST_ERROR, LAST_ERROR = _at(10, 40, 5), _at(11, 30)
SILENCED_FIRING, PAGED, ACKED, RESOLVED = _at(10, 42), _at(11, 2), _at(11, 5), _at(11, 50)


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
    service_log(ev, "checkout-api.log", "checkout-api", "POST /api/v2/checkout 200 80ms",
                "POST /api/v2/checkout 500 eligibility lookup failed",
                [(FIRST_ERROR, LAST_ERROR, timedelta(seconds=10))])  # fmt: skip
    alerts = [_api_alert("CheckoutApiErrorRatio", "checkout-api 5xx ratio above 5% for 2m",
                         SILENCED_FIRING, LAST_ERROR + timedelta(minutes=1), state)]  # fmt: skip
    (ev / "alerts.json").write_text(json.dumps(alerts, indent=2), encoding="utf-8")
    page_log(ev, "Q48211", "[#48211] Checkout failing for many customers, checkout-api",
             [("trigger_log_entry", PAGED, "Nadia Support"),
              ("acknowledge_log_entry", ACKED, "Marek Nowak"),
              ("resolve_log_entry", RESOLVED, "Marek Nowak")], channel="web_trigger")  # fmt: skip
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
