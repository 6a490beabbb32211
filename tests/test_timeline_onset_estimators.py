"""#20: where the window starts, read by two general estimators, from small evidence folders
built here (a failure-share series scraped once a minute, an application log, a client's log
without levels, Alertmanager webhook captures), collected and rebuilt through the CLI in a real
repository:

- a slow climb: a share of failed requests leaves its usual range at 10:21 and grows slowly; it
  crosses the band a departure must cross (half its median above it) only at 10:24. The window
  starts where it left its usual range, not where it crossed the band;
- background, not a departure: a client's request line of a shape the baseline never shows
  comes in bursts, one of them ten minutes before the errors, another long after they stopped.
  A shape that also shows outside its one episode is the background the incident happens in:
  it does not start the window; the errors do. A shape seen only in its one episode, leading
  the errors, still does (tests/test_timeline_milestones_series.py, a router's session resets).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import propose


def _hook(name: str, summary: str, starts: datetime, ends: datetime | None) -> dict:
    return {
        "receiver": "oncall",
        "status": "resolved" if ends else "firing",
        "alerts": [
            {
                "status": "resolved" if ends else "firing",
                "labels": {"alertname": name, "severity": "page", "service": "checkout-api"},
                "annotations": {"summary": summary},
                "startsAt": z(starts),
                "endsAt": z(ends) if ends else "0001-01-01T00:00:00Z",
            }
        ],
    }


def _hooks(ev: Path, fired: datetime, resolved: datetime) -> None:
    hooks = [
        _hook("CheckoutFailureShareHigh", "checkout failure share above 1%", fired, None),
        _hook("CheckoutFailureShareHigh", "checkout failure share above 1%", fired, resolved),
    ]
    (ev / "hooks.ndjson").write_text("\n".join(json.dumps(h) for h in hooks) + "\n")


# --- a slow climb ---------------------------------------------------------------------------

LEAVES = at(10, 21)  # the first sample outside the usual range (0.0046 against 0.0040)
CROSSES = at(10, 24)  # the first sample past the band (0.0064 against 0.0060)
ALERT = at(10, 31)


def _share(t: datetime) -> float:
    if t < LEAVES or t >= at(11, 30):
        return 0.0039 if t.minute % 2 else 0.0041  # median 0.004, MAD 0.0001
    return min(0.0040 + 0.0006 * ((t - LEAVES) // timedelta(minutes=1) + 1), 0.03)


def _share_series(tmp_path: Path, share) -> Path:
    """An evidence folder holding checkout's failure share, a sample a minute from 09:00 to
    12:00 as a saved Prometheus query_range answer, each sample `share(time)`."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    values = [[t.timestamp(), f"{share(t):g}"]
              for t in every(at(9, 0), at(12, 0), timedelta(minutes=1))]  # fmt: skip
    series = {"metric": {"__name__": "checkout_failure_share", "service": "checkout-api"},
              "values": values}  # fmt: skip
    (ev / "share.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )
    return ev


def test_a_slow_climb_starts_the_window_where_it_left_its_usual_range(tmp_path, capsys):
    """The failure share is 0.0040 ± 0.0001 through the baseline, then grows by 0.0006 a
    minute from 10:21; the band is half its median wide, so it is crossed at 10:24. The start
    is 10:21 (three minutes earlier: a minute's sample, not the band, limits it), and the
    durations are measured from there."""
    ev = _share_series(tmp_path, _share)
    _hooks(ev, ALERT, at(11, 36))
    w = propose(tmp_path, ev, capsys, "Checkout failures", at(10, 0), at(12, 0))
    # usual at 10:20, outside it from the 10:21 sample: it left in between (mid-step)
    left = LEAVES - timedelta(seconds=30)
    assert w.times["started"] == left
    assert "checkout_failure_share" in w.got["started"]["why"]
    assert "out of its usual range from 10:21:00" in w.got["started"]["why"]
    assert "started       2026-03-01 10:20:30" in w.table
    assert w.times["detected"] == ALERT
    assert w.accept_high().detect == ALERT - left  # not ALERT - CROSSES


def test_a_step_keeps_its_time(tmp_path, capsys):
    """A share that jumps from its usual range past the band in one sample departs between that
    sample and the one before (the middle of the step): nothing before was outside its usual
    range."""
    ev = _share_series(tmp_path, lambda t: 0.2 if CROSSES <= t < at(11, 30) else _share(at(9, 0)))
    _hooks(ev, ALERT, at(11, 36))
    w = propose(tmp_path, ev, capsys, "Checkout failures", at(10, 0), at(12, 0))
    assert w.times["started"] == CROSSES - timedelta(seconds=30)
    assert "usual range" not in w.got["started"]["why"]


# --- background, not a departure -----------------------------------------------------------

FAILS = at(10, 40, 5)
STOPS = at(11, 10, 45)


def _logs(ev: Path, client_bursts: list[tuple[datetime, datetime]]) -> None:
    app = [f"{z(t)} INFO checkout-api GET /v1/cart 200 9ms"
           for t in every(at(9, 0), at(12, 0), timedelta(seconds=20))]  # fmt: skip
    app += [f"{z(t)} ERROR checkout-api tax quote failed: handshake failure"
            for t in every(FAILS, STOPS, timedelta(seconds=10))]  # fmt: skip
    app.sort()
    (ev / "checkout-api.log").write_text("\n".join(app) + "\n", encoding="utf-8")
    # an edge's request log: no level, no error word; one shape all along, another in bursts
    edge = [f"{z(t)} edge-1 GET /v1/cart from app/4.2 200"
            for t in every(at(9, 0), at(12, 0), timedelta(seconds=30))]  # fmt: skip
    for first, last in client_bursts:
        edge += [f"{z(t)} edge-1 POST /v1/orders/void from Mozilla/5.0 (Macintosh) 201"
                 for t in every(first, last, timedelta(minutes=2))]  # fmt: skip
    edge.sort()
    (ev / "edge.log").write_text("\n".join(edge) + "\n", encoding="utf-8")


def test_a_shape_coming_back_after_its_episode_does_not_start_the_window(tmp_path, capsys):
    """The browser's void requests, a shape the baseline never shows, come every two minutes
    from 10:28 to 10:44 (still so when the errors begin at 10:40:05) and again from 11:40 to
    11:50, long after the errors stopped: background. The window starts with the errors."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    _logs(ev, [(at(10, 28), at(10, 44)), (at(11, 40), at(11, 50))])
    _hooks(ev, at(10, 42), at(11, 14))
    w = propose(tmp_path, ev, capsys, "Checkout errors", at(10, 0), at(12, 0))
    assert w.times["started"] == FAILS
    assert "checkout-api.log" in " ".join(w.got["started"]["sources"])
    assert "started       2026-03-01 10:40:05" in w.table
    assert w.accept_high().detect == at(10, 42) - FAILS


def test_the_same_shape_in_one_episode_leading_the_errors_starts_the_window(tmp_path, capsys):
    """The same requests only from 10:28 to 10:44, never again: one episode leading the errors
    and still going on when they begin, the first departure (below high: only its timing
    relates it)."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    _logs(ev, [(at(10, 28), at(10, 44))])
    _hooks(ev, at(10, 42), at(11, 14))
    w = propose(tmp_path, ev, capsys, "Checkout errors", at(10, 0), at(12, 0))
    assert w.times["started"] == at(10, 28)
    assert "edge.log" in " ".join(w.got["started"]["sources"])
    assert w.got["started"]["confidence"] < 0.75
