"""#20: two more classes of the customers' impact ending too early, each from a small evidence
folder built here, collected and rebuilt through the CLI in a real repository:

- a backlog measured as the age of the oldest message waiting (`sms_dispatch_oldest_message_
  age_seconds`): the provider's 429s stop when the flood is blocked, but the codes queued
  behind them arrive only once the queue has drained; the age back within its baseline ends
  the impact, as a queue's depth or a lag already did;
- a new warning that says requests are turned away ("JWT rejected: no JWK for kid") in the
  workload the page names is that workload's failure: the impact ends when it stops, not when
  an everyday warning of the same service ("token expired"), up for a while, settles.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import page_log, propose

STEP = timedelta(seconds=30)


def _lines(ev: Path, name: str, rows: list[tuple[datetime, str]]) -> None:
    (ev / name).write_text("\n".join(r for _, r in sorted(rows)) + "\n", encoding="utf-8")


def test_a_backlog_measured_by_its_oldest_message_ends_the_impact_when_drained(tmp_path, capsys):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    flood, blocked, drained = at(10, 30, 10), at(11, 10), at(11, 16, 30)
    rows = [(t, f"{z(t)} INFO sms_dispatch sent message via twilio 201")
            for t in every(at(9, 0), at(12, 30), timedelta(seconds=20))]  # fmt: skip
    rows += [(t, f"{z(t)} WARNING sms_dispatch Twilio API 429 (code 20429 Too Many Requests)")
             for t in every(flood, blocked, timedelta(seconds=7))]  # fmt: skip
    _lines(ev, "sms-dispatch.log", rows)
    values = []
    for t in every(at(9, 0), at(12, 30), STEP):
        age = 0.6
        if flood <= t < blocked:
            age = 0.6 + 900 * (t - flood) / (blocked - flood)
        elif blocked <= t < drained:
            age = 900 - 899 * (t - blocked) / (drained - blocked)
        values.append([int(t.timestamp()), f"{age:.1f}"])
    doc = {"status": "success", "data": {"resultType": "matrix", "result": [
        {"metric": {"__name__": "sms_dispatch_oldest_message_age_seconds", "job": "sms-dispatch"},
         "values": values}]}}  # fmt: skip
    (ev / "otp-metrics.json").write_text(json.dumps(doc), encoding="utf-8")
    w = propose(tmp_path, ev, capsys, "OTP codes late", at(10, 0), at(12, 30))
    assert abs((w.times["mitigated"] - drained).total_seconds()) <= 60, w.table
    assert "oldest_message_age" in w.got["mitigated"]["why"]


def test_a_new_refusal_in_the_paged_workload_ends_with_it_not_with_an_everyday_warning(
    tmp_path, capsys
):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    broken, refused, fixed = at(10, 30, 21), at(10, 39, 53), at(11, 20, 1)
    rows = [(t, f"{z(t)} INFO fulfil-sync pushed order batch to orders-api")
            for t in every(at(9, 0), at(12, 30), timedelta(seconds=20))]  # fmt: skip
    rows += [(t, f"{z(t)} ERROR fulfil-sync orders-api returned 401, will retry")
             for t in every(broken, fixed, timedelta(seconds=15))]  # fmt: skip
    _lines(ev, "fulfil-sync.log", rows)
    rows = [(t, f"{z(t)} INFO orders-api POST /v2/checkout 201")
            for t in every(at(9, 0), at(12, 30), timedelta(seconds=10))]  # fmt: skip
    # every day: a stale session now and then; a burst of them while checkout fails
    rows += [(t, f"{z(t)} WARN orders-api JWT rejected: token expired 72434s ago")
             for t in every(at(9, 0, 7), at(12, 30), timedelta(minutes=6))]  # fmt: skip
    rows += [(t, f"{z(t)} WARN orders-api JWT rejected: token expired 8121s ago")
             for t in every(at(10, 44), at(10, 53, 42), timedelta(seconds=20))]  # fmt: skip
    rows += [(t, f"{z(t)} WARN orders-api JWT rejected: no JWK for kid=pQ2bT8nZ iss=customers")
             for t in every(refused, fixed, timedelta(seconds=9))]  # fmt: skip
    _lines(ev, "orders-api.log", rows)
    title = "[#48211] CheckoutAuthFailures: orders-api 401 ratio 71% on /v2/checkout, orders-api"
    page_log(ev, "Q1ORDERS0001", title, [("trigger_log_entry", at(10, 45, 2), "Alertmanager"),
                                         ("acknowledge_log_entry", at(10, 49), "Rita Almeida"),
                                         ("resolve_log_entry", at(12, 10), "Rita Almeida")])  # fmt: skip
    w = propose(tmp_path, ev, capsys, "Checkout sign-outs", at(10, 0), at(12, 30))
    assert w.times["started"] == broken, w.table
    assert abs((w.times["mitigated"] - fixed).total_seconds()) <= 60, w.table
