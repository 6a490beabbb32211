"""#20: the window of a slow degradation read from a metric series and its alerts, from a small
evidence folder built here (a queue's wait scraped once a minute, Alertmanager webhook
captures), collected and rebuilt through the CLI in a real repository.

The class of miss, seen on an incident written blind: a job queue's wait, which swings between
10.5 s and 17.5 s every five minutes, starts climbing from one of its usual peaks and grows for
an hour; a warning alert on it fires first, the critical one that pages twenty minutes later.
After the fix the wait drains for half an hour, sample by sample, back to its usual range.

- the start is where the climb began (its first sample past the highest the baseline shows,
  20.5 s), not the first sample past its usual range (three deviations) a minute later;
- the detection is the warning: the same alert as the page's at a lower severity;
- the impact ends where the wait is back in its usual range, not where it re-entered the wide
  band a departure must cross, two minutes earlier.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import propose

CLIMB = at(10, 21)  # the wait passes its usual peak, 17.5 s, and keeps growing
WARNED, PAGED = at(10, 40, 30), at(11, 1)
BACK = at(11, 36)  # the first sample back in its usual range (below 22 s)
CYCLE = (10.5, 17.5, 15.8, 14.0, 12.2)  # median 14, MAD 1.8: its usual range ends near 22


def _wait(t: datetime) -> float:
    usual = CYCLE[(t - at(9, 0)) // timedelta(minutes=1) % len(CYCLE)]
    if t < CLIMB or t >= BACK:
        return usual
    if t < at(11, 0):
        return 17.5 + 3.0 * ((t - CLIMB) // timedelta(minutes=1) + 1)  # 134.5 s by 11:00
    k = (t - at(11, 0)) // timedelta(minutes=1)  # drains to 33 s at 11:33, then 26, 23
    return {34: 26.0, 35: 23.0}.get(k, 137.5 - (137.5 - 33.0) * k / 33)


def _hook(name: str, severity: str, starts: datetime, ends: datetime | None) -> dict:
    state = "resolved" if ends else "firing"
    return {"receiver": "ci", "status": state, "alerts": [{
        "status": state, "labels": {"alertname": name, "severity": severity, "pool": "linux-x64"},
        "annotations": {"summary": f"job queue wait p90 {name[-8:]}"}, "startsAt": z(starts),
        "endsAt": z(ends) if ends else "0001-01-01T00:00:00Z"}]}  # fmt: skip


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    values = [[t.timestamp(), f"{_wait(t):g}"] for t in every(at(9, 0), at(12, 30), timedelta(minutes=1))]  # fmt: skip
    series = {"metric": {"__name__": "ci_job_queue_wait_seconds", "pool": "linux-x64"},
              "values": values}  # fmt: skip
    (ev / "queue-wait.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )
    hooks = [
        _hook("CIQueueWaitHigh", "warning", WARNED, None),
        _hook("CIQueueWaitCritical", "page", PAGED, None),
        _hook("CIQueueWaitCritical", "page", PAGED, at(11, 30)),
        _hook("CIQueueWaitHigh", "warning", WARNED, at(11, 33)),
    ]
    (ev / "hooks.ndjson").write_text("\n".join(json.dumps(h) for h in hooks) + "\n")
    return ev


def test_a_slow_queue_is_timed_by_its_climb_its_warning_and_its_drain(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    assert _wait(CLIMB + timedelta(minutes=1)) > 22 > _wait(CLIMB) > max(CYCLE)
    # the band a departure must cross ends at 27.3 s: re-entered at 11:34, usual at 11:36
    assert _wait(BACK - timedelta(minutes=2)) < 27.3 < _wait(BACK - timedelta(minutes=3))
    assert _wait(BACK - timedelta(minutes=1)) > 22 > _wait(BACK)
    w = propose(tmp_path, ev, capsys, "Slow job starts", at(10, 0), at(12, 0))

    # it left its usual range between 10:20 and the 10:21 sample: the middle of the step
    started = CLIMB - timedelta(seconds=30)
    assert w.times["started"] == started
    assert w.times["detected"] == WARNED
    assert "CIQueueWaitHigh" in w.got["detected"]["why"]
    assert abs(w.times["mitigated"] - BACK) <= timedelta(seconds=30)
    assert w.accept_high().detect == WARNED - started
