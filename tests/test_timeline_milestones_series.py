"""#20: milestones placed by the incident's own series, from small evidence folders built here
(an application log, a series scraped once a minute, Alertmanager webhook captures, a router's
syslog), collected and rebuilt through the CLI in a real repository. One folder per class of
miss seen on incidents written blind:

- a rollback replacing pods one by one: a success rate is back in its band while the last old
  pods still fail; the impact ends with the last failure, not with the rate;
- a warning alert on the failing workload fires before the customers' page and resolves as the
  impact ends: it is the detection, though its labels name neither the log nor the page; an
  alert of severity info doing the same notifies nobody and is not;
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import Proposal, propose


def _proposal(tmp_path: Path, evidence: Path, capsys) -> Proposal:
    return propose(tmp_path, evidence, capsys, "Checkout errors", _at(10, 0), _at(12, 0))


def _app_log(ev: Path, first: datetime, last: datetime, step: int = 10) -> None:
    lines = [f"{_z(t)} INFO checkout-api GET /v1/cart 200 9ms"
             for t in _every(_at(9, 0), _at(12, 0), timedelta(seconds=20))]  # fmt: skip
    lines += [f"{_z(t)} ERROR checkout-api tax quote failed: handshake failure"
              for t in _every(first, last, timedelta(seconds=step))]  # fmt: skip
    lines.sort()
    (ev / "checkout-api.log").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _series(ev: Path, name: str, values: list[tuple[datetime, float]]) -> None:
    series = {"metric": {"__name__": name, "job": "checkout-api"},
              "values": [[t.timestamp(), f"{v:g}"] for t, v in values]}  # fmt: skip
    (ev / f"{name}.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )


# --- a rollback replacing pods one by one ---------------------------------------------------

FAIL_FROM = _at(10, 40, 5)
LAST_FAILURE = _at(11, 10, 45)  # the last old pod replaced


def test_the_impact_ends_with_the_last_failure_when_a_rate_is_back_before_it(tmp_path, capsys):
    """Successful quotes per second drop from 10:40 and are back inside their band from 11:08
    (half the pods replaced), while the last old pods fail until 11:10:45: customers still
    failed, so the impact ended at the last failure, not midway to the rate's return."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    _app_log(ev, FAIL_FROM, LAST_FAILURE)
    ok = []
    for t in _every(_at(9, 0), _at(12, 0), timedelta(minutes=1)):
        failing = _at(10, 41) <= t < _at(11, 8)
        ok.append((t, 4.0 if failing else 10.0 + (t.minute % 3) * 0.2))
    _series(ev, "tax_quotes_ok", ok)
    w = _proposal(tmp_path, ev, capsys)
    got, times, table = w.got, w.times, w.table
    assert times["started"] == FAIL_FROM
    assert LAST_FAILURE <= times["mitigated"] <= LAST_FAILURE + timedelta(seconds=15)
    assert "checkout-api.log" in " ".join(got["mitigated"]["sources"])
    assert "mitigated     2026-03-01 11:10:45" in table
    d = w.accept_high()
    assert d.mitigate == LAST_FAILURE - FAIL_FROM


# --- a warning on the failing workload before the customers' page ---------------------------


def _hook(name: str, severity: str, summary: str, starts: datetime, ends: datetime | None,
          labels: dict | None = None) -> dict:  # fmt: skip
    status = "resolved" if ends else "firing"
    alert = {"status": status,
             "labels": {"alertname": name, "severity": severity, **(labels or {})},
             "annotations": {"summary": summary}, "startsAt": _z(starts),
             "endsAt": _z(ends) if ends else "0001-01-01T00:00:00Z",
             "fingerprint": f"{abs(hash(name)) % 10**8:08d}"}  # fmt: skip
    return {"version": "4", "receiver": "team", "status": status, "alerts": [alert]}


def test_a_warning_whose_firing_spans_the_impact_detects_it_an_info_alert_does_not(
    tmp_path, capsys
):
    """The scorer on edge-1 panics from 10:40:05 to 11:10:45. ScorerDown (a warning of the
    risk team, labelled only with a host and port) fires at 10:41:30, flaps, and is last
    resolved at 11:11:40, as the impact ends; the customers' page CheckoutErrors fires at
    10:44:00. CPUThrottlingHigh (severity info) fires at 10:40:50 and resolves at 11:12: it
    notifies nobody, so it detects nothing. A nightly backup alert fires and resolves at
    10:42 and 10:50: it does not span the impact."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    _app_log(ev, FAIL_FROM, LAST_FAILURE)
    host = {"instance": "edge-1:7443", "team": "risk"}
    hooks = [
        _hook("CPUThrottlingHigh", "info", "cpu throttled", _at(10, 40, 50), None, host),
        _hook("ScorerDown", "warning", "scorer down on edge-1:7443", _at(10, 41, 30), None, host),
        _hook("BackupFailed", "warning", "nightly backup failed", _at(10, 42), None),
        _hook(
            "CheckoutErrors",
            "page",
            "checkout 5xx above 5%",
            _at(10, 44),
            None,
            {"service": "checkout-api"},
        ),  # fmt: skip
        _hook("BackupFailed", "warning", "nightly backup failed", _at(10, 42), _at(10, 50)),
        _hook(
            "ScorerDown",
            "warning",
            "scorer down on edge-1:7443",
            _at(10, 41, 30),
            _at(10, 52),
            host,
        ),  # fmt: skip
        _hook("ScorerDown", "warning", "scorer down on edge-1:7443", _at(10, 55), None, host),
        _hook(
            "ScorerDown",
            "warning",
            "scorer down on edge-1:7443",
            _at(10, 55),
            _at(11, 11, 40),
            host,
        ),  # fmt: skip
        _hook("CPUThrottlingHigh", "info", "cpu throttled", _at(10, 40, 50), _at(11, 12), host),
        _hook(
            "CheckoutErrors",
            "page",
            "checkout 5xx above 5%",
            _at(10, 44),
            _at(11, 16),
            {"service": "checkout-api"},
        ),  # fmt: skip
    ]
    (ev / "hooks.ndjson").write_text("\n".join(json.dumps(h) for h in hooks) + "\n")
    w = _proposal(tmp_path, ev, capsys)
    got, times, table = w.got, w.times, w.table
    assert times["started"] == FAIL_FROM
    assert times["detected"] == _at(10, 41, 30)
    assert 0.6 <= got["detected"]["confidence"] < 0.9
    assert "spans the impact" in got["detected"]["why"]
    assert "ScorerDown" in got["detected"]["why"]
    assert "detected      2026-03-01 10:41:30" in table
    assert w.accept_high().detect == _at(10, 41, 30) - FAIL_FROM


# --- a router's session resets, with no level and no error word, before the customers' errors -


def test_a_new_series_of_plain_records_leading_the_failure_starts_the_window(tmp_path, capsys):
    """A router's syslog has no levels: fan and login lines all along, then from 10:32:14 a
    BGP peer goes from Established to Idle every two and a half minutes, still so when the
    application's errors begin at 10:40:05. That series, never seen in the baseline, is the
    first sustained departure: the window starts there (below high: only its timing relates
    it). A commit logged three times at 10:20-10:22 and never again leads nothing. The
    warning about the peer those records name detects it, though its labels name no service."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    _app_log(ev, FAIL_FROM, LAST_FAILURE)
    lines = [f"{t:%Y-%m-%d %H:%M:%S} rtr1 chassisd[17]: fans at normal speed"
             for t in _every(_at(9, 0), _at(12, 0), timedelta(minutes=7))]  # fmt: skip
    lines += [f"{t:%Y-%m-%d %H:%M:%S} rtr1 mgd[51]: UI_COMMIT: user 'ana' requested commit"
              for t in _every(_at(10, 20), _at(10, 22), timedelta(minutes=1))]  # fmt: skip
    lines += [f"{t:%Y-%m-%d %H:%M:%S} rtr1 rpd[18]: peer 192.0.2.1 (AS 64500) old state "
              "Established event Stop new state Idle"
              for t in _every(_at(10, 32, 14), _at(11, 10), timedelta(seconds=150))]  # fmt: skip
    lines.sort()
    (ev / "routers.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # netops' warning about that peer (it names the peer the records name, not the service)
    # before the customers' page; it resolves at 10:50, long before the impact ends
    peer = {"peer": "192.0.2.1", "team": "netops"}
    hooks = [
        _hook("PeerFlapping", "warning", "peer changed state 6 times", _at(10, 35, 40), None, peer),
        _hook(
            "CheckoutErrors",
            "page",
            "checkout 5xx above 5%",
            _at(10, 44),
            None,
            {"service": "checkout-api"},
        ),  # fmt: skip
        _hook(
            "PeerFlapping",
            "warning",
            "peer changed state 6 times",
            _at(10, 35, 40),
            _at(10, 50),
            peer,
        ),  # fmt: skip
    ]
    (ev / "hooks.ndjson").write_text("\n".join(json.dumps(h) for h in hooks) + "\n")
    w = _proposal(tmp_path, ev, capsys)
    got, times, table = w.got, w.times, w.table
    assert times["started"] == _at(10, 32, 14)
    assert times["detected"] == _at(10, 35, 40) and "PeerFlapping" in got["detected"]["why"]
    assert got["started"]["confidence"] < 0.75
    assert "routers.log" in " ".join(got["started"]["sources"])
    assert "started       2026-03-01 10:32:14" in table
    assert "New records in routers.log" in got["started"]["why"]


def test_a_new_warning_leading_the_failure_starts_the_window_whatever_its_words(tmp_path, capsys):
    """From 10:34:10 a warning the baseline never shows ("lease renewal took longer than
    expected", no word any rule knows) every half minute, still so when the errors begin at
    10:40:05: the first sustained departure, so the window starts there, as a first symptom
    below high (only its timing relates it)."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    _app_log(ev, FAIL_FROM, LAST_FAILURE)
    lines = [f"{_z(t)} INFO shard-coordinator heartbeat ok"
             for t in _every(_at(9, 0), _at(12, 0), timedelta(minutes=1))]  # fmt: skip
    lines += [f"{_z(t)} WARN shard-coordinator lease renewal for shard 7 took longer than expected"
              for t in _every(_at(10, 34, 10), _at(11, 10), timedelta(seconds=30))]  # fmt: skip
    lines.sort()
    (ev / "coordinator.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    w = _proposal(tmp_path, ev, capsys)
    got, times, table = w.got, w.times, w.table
    assert times["started"] == _at(10, 34, 10)
    assert got["started"]["confidence"] < 0.75
    assert "coordinator.log" in " ".join(got["started"]["sources"])
    assert "started       2026-03-01 10:34:10" in table
