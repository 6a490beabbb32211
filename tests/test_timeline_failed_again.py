"""#20: a lull is not the end. From small evidence folders built here (an application log, an
Alertmanager webhook log), collected and rebuilt through the CLI in a real repository: the
partner's quota is refilled at the top of the hour, so the failures stop for a quarter of an
hour and come back as strong until 11:50. When the alert that paged fires again after the
first stop, the impact ended when the failure stopped again, not at the first stop; when no
alert says so, the first stop stands (whether the return is the same impact is the person's
call), and a return long after (past 30 minutes) is never read as the same one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import alert_hooks, propose

ALERT = "OrderConfirmFailures"
FAILS, LULL, BACK_AGAIN, STOPS = at(10, 40), at(11, 0), at(11, 17), at(11, 50)


def _log(ev: Path, spans) -> None:
    lines = [f"{z(t)} INFO order-confirm order confirmed status=200"
             for t in every(at(9, 0), at(12, 50), timedelta(seconds=20))]  # fmt: skip
    for first, last in spans:
        lines += [f"{z(t)} ERROR order-confirm partner confirm failed status=429"
                  for t in every(first, last, timedelta(seconds=10))]  # fmt: skip
    lines.sort()
    (ev / "order-confirm.log").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _alerts(ev: Path, firings) -> None:
    summary = "order-confirm partner confirmations failing"
    alert_hooks(ev, ALERT, summary, "order-confirm", firings)


def _folder(tmp_path: Path, spans, firings) -> Path:
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    _log(ev, spans)
    _alerts(ev, firings)
    return ev


def test_the_alert_firing_again_after_a_lull_ends_the_impact_at_the_second_stop(tmp_path, capsys):
    ev = _folder(
        tmp_path,
        [(FAILS, LULL), (BACK_AGAIN, STOPS)],
        [(at(10, 45), at(11, 6)), (at(11, 23), at(11, 56))],
    )
    w = propose(tmp_path, ev, capsys, "Quota", at(10, 0), at(12, 30))
    assert w.times["started"] == FAILS
    assert w.times["detected"] == at(10, 45)
    # stopped at 11:00:00, back at 11:17, the alert fired again at 11:23: over at 11:50:00
    assert STOPS <= w.times["mitigated"] <= STOPS + timedelta(seconds=15)
    assert f"{ALERT} fired again at 11:23:00" in w.got["mitigated"]["why"]
    assert "back from 11:17:00, stopped again at 11:50:00" in w.got["mitigated"]["why"]
    assert "mitigated     2026-03-01 11:50:" in w.table
    d = w.accept_high()
    assert timedelta(minutes=70) <= d.mitigate <= timedelta(minutes=70, seconds=15)


def test_without_the_alert_firing_again_the_first_stop_stands(tmp_path, capsys):
    ev = _folder(tmp_path, [(FAILS, LULL), (BACK_AGAIN, STOPS)], [(at(10, 45), at(11, 6))])
    w = propose(tmp_path, ev, capsys, "Quota", at(10, 0), at(12, 30))
    assert LULL <= w.times["mitigated"] <= LULL + timedelta(seconds=15)
    assert "fired again" not in w.got["mitigated"]["why"]


def test_a_return_long_after_the_stop_is_not_the_same_impact(tmp_path, capsys):
    ev = _folder(
        tmp_path,
        [(FAILS, LULL), (at(11, 45), at(11, 55))],
        [(at(10, 45), at(11, 6)), (at(11, 50), at(12, 0))],
    )
    w = propose(tmp_path, ev, capsys, "Quota", at(10, 0), at(12, 30))
    # 45 minutes of quiet: the first stop ended this impact
    assert LULL <= w.times["mitigated"] <= LULL + timedelta(seconds=15)
    assert "fired again" not in w.got["mitigated"]["why"]


def test_an_alert_firing_again_long_after_the_impact_did_not_detect_it(tmp_path, capsys):
    """A replica's lag alert fires a couple of minutes after the failures begin, and again twice
    after they stopped: it fires on its own, it is not what detected this incident; the
    failures' own alert, firing later, is."""
    ev = _folder(tmp_path, [(FAILS, LULL)], [(at(10, 50), at(11, 6))])
    lag = [(fired, fired + timedelta(minutes=5)) for fired in (at(10, 42), at(11, 40), at(12, 10))]
    summary = "order-confirm replica lag > 30s"
    alert_hooks(ev, "PostgresReplicaLagHigh", summary, "order-confirm", lag, "warning")
    w = propose(tmp_path, ev, capsys, "Quota", at(10, 0), at(12, 30))
    assert w.times["detected"] == at(10, 50)
    assert ALERT in w.got["detected"]["why"]
