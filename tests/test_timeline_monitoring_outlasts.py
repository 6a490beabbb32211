"""#20: the impact ends when the customers' failure stops, not when the monitoring's own
failure is mended (pm_tui.timeline.milestones._customers_back), from a small evidence folder
built here (the orders API's log, Alertmanager's log, a PagerDuty log), collected and rebuilt
through the CLI in a real repository.

The class of miss, seen on incidents written where the monitoring fails with the service (an
alerting pipeline whose PagerDuty integration was deleted, an autoscaler's adapter unable to
fetch metrics from an overloaded Prometheus): the customers' errors stop at 11:10 once the
service is fixed; the monitoring's own failure, part of the same chain, goes on until someone
mends it at 11:40. The window's `mitigated` is 11:10; the durations say how long customers
were hurt, not how long the alerting was broken.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui.timeline.candidate import Candidate
from pm_tui.timeline.milestones import propose_milestones
from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import page_log, propose, service_log

FIRST_ERROR, LAST_ERROR = _at(10, 40, 5), _at(11, 10)
NOTIFY_FAILS, NOTIFY_MENDED = _at(10, 43), _at(11, 40)
PAGED, ACKED, RESOLVED = _at(10, 50), _at(10, 53), _at(12, 5)


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    service_log(ev, "api-prod.log", "orders-api", "POST /v1/orders 201 35ms",
                "POST /v1/orders 500 cache endpoint unreachable",
                [(FIRST_ERROR, LAST_ERROR, timedelta(seconds=10))])  # fmt: skip
    am = [f"{_z(t)} level=info component=dispatcher msg=\"Completed maintenance\""
          for t in _every(_at(9, 0), _at(12, 30), timedelta(minutes=2))]  # fmt: skip
    am += [f"{_z(t)} level=error component=dispatcher msg=\"Notify for alerts failed\" "
           "integration=pagerduty err=\"400 Bad Request: Invalid routing key\""
           for t in _every(NOTIFY_FAILS, NOTIFY_MENDED, timedelta(seconds=30))]  # fmt: skip
    (ev / "alertmanager-0.log").write_text("\n".join(sorted(am)) + "\n", encoding="utf-8")
    minutes = list(_every(_at(9, 0), _at(12, 30), timedelta(minutes=1)))
    failed = [[t.timestamp(), "0.4" if NOTIFY_FAILS <= t < NOTIFY_MENDED else "0"] for t in minutes]
    series = {"metric": {"__name__": "alertmanager_notifications_failed_total:rate5m",
                         "integration": "pagerduty", "namespace": "monitoring"},
              "values": failed}  # fmt: skip
    (ev / "alerting.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )
    page_log(ev, "Q1ORDERS0001", "[#7] Cart and order writes failing, Orders",
             [("trigger_log_entry", PAGED, "Alertmanager"),
              ("acknowledge_log_entry", ACKED, "Dana Ito"),
              ("resolve_log_entry", RESOLVED, "Dana Ito")])  # fmt: skip
    return ev


def test_the_impact_ends_when_the_customers_errors_stop_not_when_the_alerting_is_mended(
    tmp_path, capsys
):
    ev = _evidence(tmp_path / "incident")
    w = propose(tmp_path, ev, capsys, "Orders failing", _at(10, 0), _at(12, 30))
    times = w.times
    assert times["started"] == FIRST_ERROR
    # the orders API's last error, not Alertmanager's last failed notification (11:40)
    assert abs(times["mitigated"] - LAST_ERROR) <= timedelta(seconds=30)
    assert "the monitoring's own failure, mended at 11:40" in w.got["mitigated"]["why"]
    assert "mitigated     2026-03-01 11:09:55" in w.table
    d = w.accept_high()
    assert timedelta(minutes=29) <= d.mitigate <= timedelta(minutes=31)
    assert d.resolve == RESOLVED - FIRST_ERROR


def _row(cid: str, t: datetime, kind: str, text: str, conf: float, tags=()) -> Candidate:
    return Candidate(id=cid, time=t, kind=kind, text=text, confidence=conf, tags=list(tags),
                     sources=["x.log"])  # fmt: skip


def test_a_monitoring_incident_with_no_customers_failure_ends_when_the_monitoring_is_back():
    """When nothing but the monitoring failed (no customers' failure stopping before it), its
    return is the end; a recovery that is no failure's (a queue's warnings) changes nothing."""
    rows = [
        _row(
            "c1",
            _at(10, 0),
            "first_symptom",
            "New errors in adapter.log: “unable to fetch metrics from prometheus: 503”",
            0.99,
            ["error"],
        ),  # fmt: skip
        _row("c2", _at(10, 20), "recovery", "Warnings “slow dequeue” stop in worker.log", 0.65),
        _row(
            "c3",
            _at(10, 50),
            "recovery",
            "Errors “unable to fetch metrics from prometheus: 503” stop in adapter.log",
            0.99,
            ["error", "impact-end"],
        ),  # fmt: skip
    ]
    ended = {m.name: m for m in propose_milestones(rows)}["mitigated"]
    assert ended.time == _at(10, 50) and ended.candidates == ["c3"]
