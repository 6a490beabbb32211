"""#20: the window placed by the series the page measures (pm_tui.timeline.onset.page_series),
from a small evidence folder built here (an application log, series scraped once a minute, a
PagerDuty log), collected and rebuilt through the CLI in a real repository.

The class of miss, seen on incidents written blind: a slow degradation. The page is titled
after a latency series that leaves its baseline forty minutes before the first error is
logged; the errors stop before the latency is back; a node's temperature, hot meanwhile, comes
back half an hour after the customers' latency. The impact starts when the paged series
departs and ends when it is back within its baseline, not at the first or last logged error,
nor when the node comes back.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui.timeline.onset import page_series
from pm_tui.timeline.signals import Signal
from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import page_log, propose, service_log

# the paged series: p99 latency of orders-api, out of its band 10:20 .. 11:20 (scraped each minute)
DEPARTS, LAST_SLOW, BACK = _at(10, 20), _at(11, 19), _at(11, 20)
FIRST_ERROR, LAST_ERROR = _at(11, 0, 5), _at(11, 10, 0)
PAGED, ACKED, RESOLVED = _at(10, 50), _at(10, 53), _at(11, 45)


def _series(name: str, labels: dict, values: list[tuple[datetime, float]]) -> dict:
    return {"metric": {"__name__": name, **labels},
            "values": [[t.timestamp(), f"{v:g}"] for t, v in values]}  # fmt: skip


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    service_log(ev, "orders-api.log", "orders-api", "GET /v1/orders 200 40ms",
                "POST /v1/orders 500 statement timeout",
                [(FIRST_ERROR, LAST_ERROR, timedelta(seconds=5))])  # fmt: skip
    minutes = list(_every(_at(9, 0), _at(12, 30), timedelta(minutes=1)))
    p99 = [(t, 2.0 + 0.4 * k if DEPARTS <= t <= LAST_SLOW else 0.2 + (k % 3) * 0.01)
           for k, t in enumerate(minutes)]  # fmt: skip
    temp = [(t, 41.0 if _at(10, 30) <= t < _at(11, 50) else 24.0 + (k % 2) * 0.1)
            for k, t in enumerate(minutes)]  # fmt: skip
    result = [
        _series("orders_api_request_duration_seconds:p99", {"job": "orders-api"}, p99),
        _series("ipmi_temperature_celsius", {"instance": "db-7-bmc", "name": "Inlet Temp"}, temp),
    ]
    (ev / "query-range.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": result}}),
        encoding="utf-8",
    )
    page_log(ev, "Q1ORDERS0001", "[#7] OrdersApiLatencyCritical orders-api p99 above 2s",
             [("trigger_log_entry", PAGED, "Alertmanager"),
              ("acknowledge_log_entry", ACKED, "Dana Ito"),
              ("resolve_log_entry", RESOLVED, "Dana Ito")])  # fmt: skip
    return ev


def test_the_window_follows_the_series_the_page_measures(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    w = propose(tmp_path, ev, capsys, "Orders slow", _at(10, 0), _at(12, 30))
    got, table = w.got, w.table
    times = w.times

    # started when the paged latency left its baseline, not at the first logged error
    # (between its last usual sample, 10:19, and its first unusual one: the middle of the step)
    assert times["started"] == DEPARTS - timedelta(seconds=30)
    assert "orders_api_request_duration_seconds:p99" in got["started"]["why"]
    assert "started       2026-03-01 10:19:30" in table
    # ended when it was back (between its last slow and first normal sample), not when the
    # errors stopped (11:10) nor when the node's temperature came back (11:50)
    assert LAST_SLOW <= times["mitigated"] <= BACK
    assert "orders_api_request_duration_seconds:p99" in got["mitigated"]["why"]
    assert times["acknowledged"] == ACKED and times["resolved"] == RESOLVED

    d = w.accept_high()
    assert d.acknowledge == ACKED - times["started"]
    assert timedelta(minutes=59) <= d.mitigate <= timedelta(minutes=60, seconds=30)


def _departs(name: str, t: datetime, back: datetime | None = None) -> list[Signal]:
    out = [Signal(t, "symptom", f"{name} above its baseline", "m.json", "", 0.7,
                  extra={"metric": name})]  # fmt: skip
    if back is not None:
        out.append(Signal(back, "recovery", f"{name} back", "m.json", "", 0.65,
                          extra={"metric": name}))  # fmt: skip
    return out


def _page(t: datetime, title: str) -> Signal:
    return Signal(t, "paged", f"Page triggered: PagerDuty incident Q1 ({title})", "pd", "", 0.9)


def test_a_page_names_its_series_by_the_words_of_its_title():
    """CamelCase titles and snake_case series give the same words; the best-named series
    wins; a series back before the page, or departing after it, is not what it pages about;
    a page naming no series (another team's disk) is passed over."""
    age = "mailer_queue_oldest_message_age_seconds{queue=email}"
    ready = "rabbitmq_queue_messages_ready{queue=email}"
    signals = [
        _page(_at(9, 0), "[#1] Disk usage above 90% on ci-runner-4, ci-runners"),
        *_departs(age, _at(10, 4)),
        *_departs(ready, _at(10, 3)),
        *_departs("mailer_queue_depth{queue=email}", _at(10, 1), back=_at(10, 10)),
        *_departs("mailer_queue_oldest_message_age_seconds{queue=bulk}", _at(10, 30)),
        _page(_at(10, 19), "[#2] MailerQueueOldestMessageAgeHigh: oldest message is 5m old"),
    ]
    page, series = page_series(signals)
    assert page is not None and "MailerQueueOldestMessageAgeHigh" in page.text
    assert [s.extra["metric"] for s in series] == [age]
    assert page_series(signals[:1]) == (None, [])


def test_the_start_leads_the_paged_series_in_the_workload_the_page_is_about(tmp_path, capsys):
    """A burst of duplicate-key errors in the database log at 09:55-10:05 is over long before
    the paged series (the oldest webhook job's age, service=webhook-worker) leaves its
    baseline at 11:00; the workers' "dequeue slow" warnings (a shape the baseline never
    shows) begin at 10:27:25 and go on until the backlog drains. The start is the first
    warning, not the burst; the end is the age back within its baseline."""

    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    slow, departs, back = _at(10, 27, 25), _at(11, 0), _at(11, 40)
    db = [
        f"{_z(t)} LOG app checkpoint complete"
        for t in _every(_at(9, 0), _at(12, 30), timedelta(minutes=1))
    ]
    db += [f"{_z(t)} ERROR app duplicate key value violates unique constraint"
           for t in _every(_at(9, 55), _at(10, 5), timedelta(seconds=15))]  # fmt: skip
    db += [f"{_z(t)} ERROR app duplicate key value violates unique constraint"
           for t in _every(_at(9, 10), _at(9, 12), timedelta(minutes=1))]  # fmt: skip
    (ev / "postgresql.log").write_text("\n".join(sorted(db)) + "\n", encoding="utf-8")
    worker = [
        f"{_z(t)} INFO webhook job delivered"
        for t in _every(_at(9, 0), _at(12, 30), timedelta(seconds=30))
    ]
    worker += [f"{_z(t)} WARN dequeue slow" for t in _every(slow, back, timedelta(seconds=20))]
    (ev / "worker-prod.log").write_text("\n".join(sorted(worker)) + "\n", encoding="utf-8")
    minutes = list(_every(_at(9, 0), _at(12, 30), timedelta(minutes=1)))
    age = [(t, 30.0 + 10 * k if departs <= t < back else 0.6 + (k % 3) * 0.05)
           for k, t in enumerate(minutes)]  # fmt: skip
    result = [_series("webhook_queue_oldest_job_age_seconds", {"service": "webhook-worker"}, age)]
    (ev / "metrics.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": result}}),
        encoding="utf-8",
    )
    title = "[#9] WebhookDeliveryLagHigh: oldest webhook job is 312 s old, webhook-delivery"
    page_log(ev, "Q9", title, [("trigger_log_entry", _at(11, 20), "Alertmanager")])
    w = propose(tmp_path, ev, capsys, "Webhooks late", _at(10, 0), _at(12, 30))
    got, table = w.got, w.table
    assert got["started"]["time"] == _z(slow)
    assert "dequeue slow" in got["started"]["why"]
    assert "started       2026-03-01 10:27:25" in table
    mitigated = datetime.fromisoformat(got["mitigated"]["time"].replace("Z", "+00:00"))
    assert back - timedelta(minutes=1) <= mitigated <= back
