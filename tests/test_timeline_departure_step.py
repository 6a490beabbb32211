"""#20: a series' departure is known only to the minute it is scraped, from small evidence
folders built here (a series scraped once a minute, an application log, a PagerDuty log),
collected and rebuilt through the CLI in a real repository: it left its usual range between its
last usual sample and its first unusual one, so the start is the middle of that span, unless a
failing record falls within it (that record says exactly when)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at
from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import alert_hooks, propose


def _log(ev: Path, spans, errors_step=timedelta(seconds=10)) -> None:
    lines = [f"{_z(t)} INFO order-confirm order confirmed status=200"
             for t in _every(_at(9, 0), _at(12, 50), timedelta(seconds=20))]  # fmt: skip
    for first, last in spans:
        lines += [f"{_z(t)} ERROR order-confirm partner confirm failed status=429"
                  for t in _every(first, last, errors_step)]  # fmt: skip
    lines.sort()
    (ev / "order-confirm.log").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _alerted(ev: Path, fired: datetime) -> None:
    summary = "order-confirm partner confirmations failing"
    alert_hooks(ev, "OrderConfirmFailures", summary, "order-confirm", [(fired, at(11, 35))])


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
    _alerted(ev, _at(10, 47))
    w = propose(tmp_path, ev, capsys, "Scrape", _at(10, 0), _at(12, 30))
    assert w.times["started"] == _at(10, 40, 30)
    assert "order_confirm_errors_per_min" in w.got["started"]["why"]
    d = w.accept_high()
    assert d.detect == timedelta(minutes=6, seconds=30)


def test_a_failing_record_within_the_step_dates_the_start(tmp_path, capsys):
    ev = _folder(tmp_path)
    _series(ev, "order_confirm_errors_per_min", _at(10, 41), _at(11, 30))
    _log(ev, [(_at(10, 40, 40), _at(11, 29, 50))])
    _alerted(ev, _at(10, 47))
    w = propose(tmp_path, ev, capsys, "Scrape", _at(10, 0), _at(12, 30))
    assert w.times["started"] == _at(10, 40, 40)
