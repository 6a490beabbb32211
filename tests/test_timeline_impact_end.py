"""#20: where the customers' impact ends, from small evidence folders built here (application
logs, a series scraped once a minute, a PagerDuty log), collected and rebuilt through the CLI
in a real repository. Two classes of miss seen on incidents written blind:

- a dependency coming back: the consensus store under wallet-api fails first and keeps failing
  for half an hour after wallet-api was moved off it; the page is about wallet-api, whose
  errors stop when the customers' impact ends, not when the dependency's do;
- a node coming back: a server's inlet temperature leaves its baseline with its BMC's errors,
  which stop a minute before the customers' errors begin; the traffic is moved away (the
  customers' errors stop), the temperature is back later: that is the node, not the
  customers' recovery.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_proposal import page_log, propose, service_log


def _window(tmp_path: Path, ev: Path, capsys):
    """The proposal (JSON by name, times, table) and the durations after --accept-high."""
    w = propose(tmp_path, ev, capsys, "Impact", _at(10, 0), _at(12, 30))
    return w.got, w.times, w.table, w.accept_high()


DEPENDENCY_FAILS, WALLET_FAILS, WALLET_BACK, DEPENDENCY_BACK = (
    _at(10, 40),
    _at(10, 40, 30),
    _at(11, 10),
    _at(11, 40),
)


def test_the_impact_ends_when_the_paged_workload_recovers_not_its_dependency(tmp_path, capsys):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    step = timedelta(seconds=10)
    service_log(ev, "consul-servers.log", "consul", "agent: synced node info",
         'agent: Coordinate update error: error="No cluster leader"',
         [(DEPENDENCY_FAILS, DEPENDENCY_BACK, step)])  # fmt: skip
    service_log(ev, "wallet-api.log", "wallet-api", "GET /v1/cards 200 8ms",
         "POST /v1/pay 502 transit decrypt failed", [(WALLET_FAILS, WALLET_BACK, step)])  # fmt: skip
    title = "[#9] WalletApiErrorRate: wallet-api 5xx 38% over 3m, wallet-api"
    page_log(ev, "Q1WALLET0001", title, [("trigger_log_entry", _at(10, 44), "Alertmanager"),
                                         ("acknowledge_log_entry", _at(10, 47), "Dana Ito"),
                                         ("resolve_log_entry", _at(12, 0), "Dana Ito")])  # fmt: skip
    got, times, table, d = _window(tmp_path, ev, capsys)
    assert times["started"] == DEPENDENCY_FAILS
    # wallet-api's last error at 11:10:00, not consul's at 11:40:00
    assert WALLET_BACK <= times["mitigated"] <= WALLET_BACK + timedelta(seconds=15)
    assert "wallet-api.log" in " ".join(got["mitigated"]["sources"])
    assert "mitigated     2026-03-01 11:10:" in table
    assert timedelta(minutes=30) <= d.mitigate <= timedelta(minutes=30, seconds=15)


PRECURSOR, CUSTOMERS_FAIL, CUSTOMERS_BACK, NODE_BACK = (
    _at(10, 38),
    _at(10, 44, 5),
    _at(11, 10),
    _at(11, 50),
)


def test_a_node_coming_back_is_not_the_customers_recovery(tmp_path, capsys):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    service_log(ev, "bmc-node-7.log", "bmc", "sensor poll ok",
         "inlet temperature upper critical going high, asserted",
         [(PRECURSOR, _at(10, 43), timedelta(seconds=20))])  # fmt: skip
    service_log(ev, "checkout-api.log", "checkout-api", "GET /v1/cart 200 9ms",
         "POST /v1/orders 503 upstream unavailable",
         [(CUSTOMERS_FAIL, CUSTOMERS_BACK, timedelta(seconds=5))])  # fmt: skip
    temp = [(t, 41.0 if PRECURSOR <= t < NODE_BACK else 24.0 + (k % 2) * 0.1)
            for k, t in enumerate(_every(_at(9, 0), _at(12, 30), timedelta(minutes=1)))]  # fmt: skip
    series = {"metric": {"__name__": "ipmi_temperature_celsius", "instance": "node-7-bmc"},
              "values": [[t.timestamp(), f"{v:g}"] for t, v in temp]}  # fmt: skip
    (ev / "inlet.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )
    got, times, table, d = _window(tmp_path, ev, capsys)
    assert times["started"] == PRECURSOR
    # the customers' errors end at 11:10:00; the node's temperature is back at 11:50
    assert CUSTOMERS_BACK <= times["mitigated"] <= CUSTOMERS_BACK + timedelta(seconds=15)
    assert "checkout-api.log" in " ".join(got["mitigated"]["sources"])
    assert "ipmi_temperature" not in got["mitigated"]["why"]
    assert "mitigated     2026-03-01 11:10:" in table


REFUSED_FROM, OK_BACK, REFUSED_LAST, REFUSED_BACK = (
    _at(10, 40),
    _at(10, 46),
    _at(11, 9),
    _at(11, 10),
)


def test_the_impact_ends_when_the_series_that_started_it_is_back(tmp_path, capsys):
    """A gateway refuses a third of the requests from 10:40 (its count of 429 answers, a
    name with no word of failure, leaves its baseline); the successful requests dip and are
    back above their floor at 10:46 as clients retry; the refusals go on until 11:09. The
    impact ends when the series that started the window is back (11:09-11:10), not when the
    successes are (a secondary recovery, below high, is not the end either)."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    minutes = list(_every(_at(9, 0), _at(12, 30), timedelta(minutes=1)))
    refused = [(t, 300.0 if REFUSED_FROM <= t <= REFUSED_LAST else 0.0) for t in minutes]
    ok = [(t, 150.0 if REFUSED_FROM + timedelta(minutes=1) <= t < OK_BACK else 440.0 + k % 3)
          for k, t in enumerate(minutes)]  # fmt: skip
    result = [
        {
            "metric": {"__name__": "gw_route_code", "code": code, "route": "mobile-v2"},
            "values": [[t.timestamp(), f"{v:g}"] for t, v in values],
        }  # fmt: skip
        for code, values in (("429", refused), ("200", ok))
    ]
    (ev / "gw_route_code.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": result}}),
        encoding="utf-8",
    )
    got, times, table, d = _window(tmp_path, ev, capsys)
    # usual at 10:39, refusing at 10:40: it departed in between (the middle of the step)
    assert times["started"] == REFUSED_FROM - timedelta(seconds=30)
    assert REFUSED_LAST <= times["mitigated"] <= REFUSED_BACK
    assert "code=429" in got["mitigated"]["why"]
    assert "mitigated     2026-03-01 11:09:" in table
    assert timedelta(minutes=29) <= d.mitigate <= timedelta(minutes=30, seconds=30)


def test_a_windowed_rate_back_after_the_last_failing_record_does_not_delay_the_end(
    tmp_path, capsys
):
    """The service logs its last failed query at 11:10:37; its 5xx rate (per second, over the
    last minute) is read outside its band until 11:11:30 and back at 11:12: the rate's window
    lags. The impact ended with the last failing record, not a minute and a half later."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    first, last = _at(10, 40, 7), _at(11, 10, 37)
    service_log(ev, "loyalty-api.log", "loyalty-api", "GET /v1/members 200 5ms",
         "GET /v1/members/42/tier 500 query failed", [(first, last, timedelta(seconds=6))])  # fmt: skip
    rate = [(t, 2.0 if _at(10, 41) <= t <= _at(11, 11, 30) else 0.01 + (k % 3) * 0.002)
            for k, t in enumerate(_every(_at(9, 0), _at(12, 30), timedelta(seconds=30)))]  # fmt: skip
    series = {"metric": {"__name__": "q_5xx_by_route", "service": "loyalty-api"},
              "values": [[t.timestamp(), f"{v:g}"] for t, v in rate]}  # fmt: skip
    (ev / "q_5xx.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )
    got, times, table, d = _window(tmp_path, ev, capsys)
    assert times["started"] == first
    assert times["mitigated"] == last
    assert "mitigated     2026-03-01 11:10:37" in table
