"""#20: a drop that comes back by overshooting (the backlog catching up) ended when it came back.

Android orders fall to a tenth after a bad remote-config default; once it is rolled back, the
baskets held back are placed in the next minutes, so orders per minute jump well above their
usual level for a few minutes before settling. The customers' impact ended where the orders came
back over the floor, not when the catch-up was over (which the wide band made eight minutes
later). A series that swings beyond its band for longer than it was down, or by more than it held
back, is no catch-up and keeps the end where it is back within its baseline.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at, every
from tests.timeline_proposal import alert_hooks, propose

MINUTE = timedelta(minutes=1)


def _orders(ev: Path, dropped: datetime, fixed: datetime, overshoot: float, settled: datetime):
    usual = (147.2, 138.7, 143.9, 135.4, 144.9, 151.3, 141.0)
    values = []
    for k, t in enumerate(every(at(8, 0), at(12, 30), MINUTE)):
        v = usual[k % len(usual)]
        if dropped <= t < fixed:
            v = 15.0 + (k % 3) * 0.4
        elif fixed <= t < settled:
            v = overshoot - (k % 4) * 5  # above the usual level, once over the band's top
        values.append([int(t.timestamp()), f"{v:.2f}"])
    doc = {"status": "success", "data": {"resultType": "matrix", "result": [
        {"metric": {"__name__": "orders_per_min", "platform": "android"}, "values": values}]}}  # fmt: skip
    (ev / "orders_per_min.json").write_text(json.dumps(doc), encoding="utf-8")


def _window(tmp_path: Path, capsys, overshoot: float, settled: datetime):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    dropped, fixed = at(10, 31), at(11, 10)
    _orders(ev, dropped, fixed, overshoot, settled)
    alert_hooks(ev, "AndroidOrderRateDrop", "Android orders at 11% of last week", "orders",
                [(at(10, 44, 10), at(11, 26, 10))])  # fmt: skip
    return propose(tmp_path, ev, capsys, "Android orders down", at(10, 0), at(12, 0)), fixed


def test_orders_catching_up_after_a_drop_are_back_when_they_cross_the_floor(tmp_path, capsys):
    p, fixed = _window(tmp_path, capsys, 228.0, at(11, 18))
    # between the last low sample (11:09) and the first high one (11:10)
    assert abs((p.times["mitigated"] - fixed).total_seconds()) <= 30, p.table
    assert "catching up" in p.got["mitigated"]["why"]


def test_a_swing_beyond_the_band_longer_than_the_drop_is_no_catch_up(tmp_path, capsys):
    p, fixed = _window(tmp_path, capsys, 228.0, at(11, 52))
    assert p.times["mitigated"] >= at(11, 45), p.table
    assert "catching up" not in p.table
