"""#20: a series' departure is known only to the minute it is scraped, from small evidence
folders built here (a series scraped once a minute, an application log, a PagerDuty log),
collected and rebuilt through the CLI in a real repository: it left its usual range between its
last usual sample and its first unusual one, so the start is the middle of that span, unless a
failing record falls within it (that record says exactly when)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import propose

TITLE = "[#7] OrderConfirmFailures: order-confirm partner confirmations failing, order-confirm"


def _log(ev: Path, spans, errors_step=timedelta(seconds=10)) -> None:
    lines = [f"{_z(t)} INFO order-confirm order confirmed status=200"
             for t in _every(_at(9, 0), _at(12, 50), timedelta(seconds=20))]  # fmt: skip
    for first, last in spans:
        lines += [f"{_z(t)} ERROR order-confirm partner confirm failed status=429"
                  for t in _every(first, last, errors_step)]  # fmt: skip
    lines.sort()
    (ev / "order-confirm.log").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _pagerduty(ev: Path, page: datetime, ack: datetime, resolve: datetime) -> None:
    def entry(entry_id: str, kind: str, t: datetime, who: str) -> dict:
        summary = {"trigger_log_entry": "Triggered through the API.",
                   "acknowledge_log_entry": f"Acknowledged by {who}.",
                   "resolve_log_entry": f"Resolved by {who}."}[kind]  # fmt: skip
        return {"id": entry_id, "type": kind, "summary": summary, "created_at": _z(t),
                "agent": {"type": "user_reference", "id": "PDANA", "summary": who},
                "channel": {"type": "api"},
                "service": {"id": "PSVC1", "type": "service_reference", "summary": TITLE},
                "incident": {"id": "Q1ORDER00001", "type": "incident_reference",
                             "summary": TITLE}}  # fmt: skip

    entries = [
        entry("R1", "trigger_log_entry", page, "Alertmanager"),
        entry("R2", "acknowledge_log_entry", ack, "Dana Ito"),
        entry("R3", "resolve_log_entry", resolve, "Dana Ito"),
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


def _folder(tmp_path: Path) -> Path:
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    return ev


def _series(ev: Path, name: str, departs: datetime, back: datetime) -> None:
    points = [(t, 40.0 if departs <= t < back else 2.0 + (k % 3))
              for k, t in enumerate(_every(_at(9, 0), _at(12, 30), timedelta(minutes=1)))]  # fmt: skip
    series = {"metric": {"__name__": name, "service": "order-confirm"},
              "values": [[t.timestamp(), f"{v:g}"] for t, v in points]}  # fmt: skip
    (ev / "errors.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )


def test_a_series_departure_is_dated_in_the_middle_of_its_scrape_step(tmp_path, capsys):
    ev = _folder(tmp_path)
    # usual at 10:40:00, 40 errors a minute from the 10:41:00 sample on; no log says when
    _series(ev, "order_confirm_errors_per_min", _at(10, 41), _at(11, 30))
    _log(ev, [])
    _pagerduty(ev, _at(10, 47), _at(10, 50), _at(12, 20))
    w = propose(tmp_path, ev, capsys, "Scrape", _at(10, 0), _at(12, 30))
    assert w.times["started"] == _at(10, 40, 30)
    assert "order_confirm_errors_per_min" in w.got["started"]["why"]
    d = w.accept_high()
    assert d.detect == timedelta(minutes=6, seconds=30)


def test_a_failing_record_within_the_step_dates_the_start(tmp_path, capsys):
    ev = _folder(tmp_path)
    _series(ev, "order_confirm_errors_per_min", _at(10, 41), _at(11, 30))
    _log(ev, [(_at(10, 40, 40), _at(11, 29, 50))])
    _pagerduty(ev, _at(10, 47), _at(10, 50), _at(12, 20))
    w = propose(tmp_path, ev, capsys, "Scrape", _at(10, 0), _at(12, 30))
    assert w.times["started"] == _at(10, 40, 40)
