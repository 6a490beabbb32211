"""#20: a rise of records the baseline also shows starts where the rate rises, from a small
evidence folder built here (an edge gateway's JSON request log, an Alertmanager webhook
capture), collected and rebuilt through the CLI in a real repository.

The class of miss, seen on an incident written blind: an edge gateway logs every rejected
request as a warning, the same record whatever the reason; expired tokens give one every two
minutes all day. A configuration push makes it reject a whole client's tokens: thirty a minute
from 10:40:41. The window judging a rise (five minutes) also holds the usual rejections before
it, and the rise was dated at the first of those, three minutes early; it starts at the first
minute above the usual rate.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import propose

RISES, STOPS, ALERT = at(10, 40, 41), at(11, 5, 7), at(10, 47, 40)


def _record(t, level: str, status: int, **more) -> str:
    return json.dumps({"ts": z(t), "level": level, "msg": "request", "svc": "edge-gw",
                       "method": "GET", "path": "/v2/cart", "status": status, **more})  # fmt: skip


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    lines = [(t, _record(t, "info", 200, dur_ms=120))
             for t in every(at(9, 0, 3), at(12, 0), timedelta(seconds=4))]  # fmt: skip
    lines += [(t, _record(t, "warn", 401, auth_err="token_expired"))
              for t in every(at(9, 1, 20), at(12, 0), timedelta(minutes=2))]  # fmt: skip
    lines += [(t, _record(t, "warn", 401, auth_err="invalid_audience", client="ios"))
              for t in every(RISES, STOPS, timedelta(seconds=2))]  # fmt: skip
    lines.sort(key=lambda tl: tl[0])
    (ev / "requests.jsonl").write_text("".join(line + "\n" for _, line in lines))
    alert = {"status": "firing", "labels": {"alertname": "EdgeAuthFailureRatioHigh",
             "severity": "page"}, "annotations": {"summary": "edge 401 ratio above 5%"},
             "startsAt": z(ALERT), "endsAt": "0001-01-01T00:00:00Z"}  # fmt: skip
    (ev / "hooks.json").write_text(
        json.dumps({"receiver": "edge", "status": "firing", "alerts": [alert]})
    )
    return ev


def test_a_rise_of_usual_records_starts_at_its_first_minute_above_the_usual_rate(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    w = propose(tmp_path, ev, capsys, "Signed out", at(10, 0), at(12, 0))
    assert w.times["started"] == RISES  # not the usual rejection at 10:37:20
    assert "rise to" in w.got["started"]["why"]
    assert abs(w.times["mitigated"] - STOPS) <= timedelta(seconds=60)
    assert w.accept_high().detect == ALERT - RISES
