"""#20: the start of an incident whose cause is physical, from small evidence folders written
here, collected and rebuilt through the CLI in a real repository.

The class of miss, seen on incidents written blind (a fibre cut between two sites, a venue's
uplink failing under a live encoder): the customers' errors begin minutes or tens of minutes
after a part of the path fails, and the window started at the errors.

- A link of a two-member bundle loses light (one optic alarm, the port down); the remaining
  link carries everything until it saturates 25 minutes later and the document store's reads
  time out. A responder names the link in the incident channel ("Ethernet1/49 lost light").
  The start is the optic's alarm, not the first timeout; the first timeout stays a first
  symptom (of its own part). Another port flapping all day is the background, and a link that
  came back up before the errors, or one nobody names, starts nothing.
- An encoder reports network congestion on its uplink (lowering its bitrate) five minutes
  before its connection to the origin fails: the congestion is the first observable failure.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pm_tui.timeline import load_candidates
from tests.timeline_clock import at, every, z
from tests.timeline_proposal import proposal_of, rebuilt

LIGHT_LOST, TIMEOUTS, PAGED = at(10, 15, 12), at(10, 40, 3), at(10, 52)


def _nxos(t: datetime, host: str, message: str) -> str:
    return f"{t:%Y-%m-%dT%H:%M:%S}.000000+00:00 {host} : {t:%Y %b %d %H:%M:%S} UTC: {message}"


def _pd(entry_id: str, kind: str, t: datetime, title: str, who: str) -> dict:
    agent = {"type": "user_reference", "id": "P" + who[:4].upper(), "summary": who}
    return {"id": entry_id, "type": kind, "summary": kind, "created_at": z(t), "agent": agent,
            "channel": {"type": "api"},
            "service": {"id": "PSVC1", "type": "service_reference", "summary": title},
            "incident": {"id": "Q1DOCS", "type": "incident_reference", "summary": title}}  # fmt: skip


def _fibre_folder(root: Path, said: str, back_up: datetime | None = None) -> Path:
    ev = root / "evidence"
    (ev / "dci").mkdir(parents=True)
    lines = []
    for k, t in enumerate(every(at(9, 0, 55), at(12, 0), timedelta(minutes=11))):  # all day
        lines.append(_nxos(t, "dci-a01", "%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface "
                                         "Ethernet1/12 is down (Link failure)"))  # fmt: skip
        lines.append(_nxos(t + timedelta(seconds=4 + k % 3), "dci-a01",
                           "%ETHPORT-5-IF_UP: Interface Ethernet1/12 is up in mode access"))  # fmt: skip
    lines += [
        _nxos(LIGHT_LOST, "dci-a01", "%ETHPORT-3-IF_SFP_ALARM: Interface Ethernet1/49, Low Rx Power Alarm"),
        _nxos(LIGHT_LOST, "dci-a01", "%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/49 is down (Link failure)"),
        _nxos(LIGHT_LOST, "dci-a01", "%ETH_PORT_CHANNEL-5-PORT_DOWN: port-channel10: Ethernet1/49 is down"),
    ]  # fmt: skip
    if back_up is not None:
        lines.append(_nxos(back_up, "dci-a01", "%ETHPORT-5-IF_UP: Interface Ethernet1/49 is up in "
                                               "mode trunk"))  # fmt: skip
    (ev / "dci" / "nxos.log").write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    app = [f"{z(t)} INFO docs-api GET /documents/{k}/download 200 84ms"
           for k, t in enumerate(every(at(9, 0), at(12, 0), timedelta(seconds=10)))]  # fmt: skip
    app += [f"{z(t)} ERROR docs-api object get failed: minio.lon2 deadline exceeded after 30s"
            for t in every(TIMEOUTS, at(11, 20), timedelta(seconds=6))]  # fmt: skip
    (ev / "docs-api.log").write_text("\n".join(sorted(app)) + "\n", encoding="utf-8")
    title = "[#3390] Document downloads timing out, docs-platform"
    pages = [_pd("R1", "trigger_log_entry", PAGED, title, "Grace Okafor"),
             _pd("R2", "acknowledge_log_entry", PAGED + timedelta(minutes=2), title, "Priya Raman")]  # fmt: skip
    (ev / "pagerduty.json").write_text(
        json.dumps({"log_entries": pages[::-1], "limit": 100, "more": False}), encoding="utf-8"
    )
    slack = ev / "slack"
    (slack / "inc-docs-downloads").mkdir(parents=True)
    (slack / "channels.json").write_text(json.dumps([{"id": "C1", "name": "inc-docs-downloads"}]))
    (slack / "users.json").write_text(
        json.dumps([{"id": "U1", "name": "tom", "real_name": "Tom Brennan"}])
    )
    (slack / "inc-docs-downloads" / "2026-03-01.json").write_text(json.dumps([
        {"type": "message", "user": "U1", "text": said,
         "ts": f"{(PAGED + timedelta(minutes=9)).timestamp():.6f}"}]))  # fmt: skip
    return ev


SAID = ("found it: port-channel10 is running on one member. Ethernet1/49 (Northline "
        "NL-LON-44871) lost light, both ends, and Eth1/50 is at 100% with discards")  # fmt: skip


def _window(tmp_path: Path, capsys, ev: Path):
    repo, pm_id, argv = rebuilt(tmp_path, ev, "Document downloads timing out", at(9, 40), at(12, 0))
    return repo, pm_id, proposal_of(repo, pm_id, argv, capsys)


@pytest.mark.parametrize(
    "said",
    [SAID, "it's the DCI: Eth1/49 lost light at 10:15, Po10 on one member, Eth1/50 saturated"],
)
def test_a_link_lost_long_before_the_timeouts_and_named_by_a_responder_starts_the_window(
    tmp_path, capsys, said
):
    # the link named as the device logs it (Ethernet1/49) or written short (Eth1/49)
    ev = _fibre_folder(tmp_path / "incident", said)
    repo, pm_id, w = _window(tmp_path, capsys, ev)

    assert w.times["started"] == LIGHT_LOST  # not the first timeout 25 minutes later
    assert "Ethernet1/49" in w.got["started"]["why"]
    assert "started       2026-03-01 10:15:12" in w.table
    # the customers' failure it led to is still a first symptom, of its own part
    firsts = [c for c in load_candidates(repo, pm_id) if c.kind == "first_symptom"]
    assert any(abs((c.time - TIMEOUTS).total_seconds()) <= 30 for c in firsts)
    assert w.accept_high().detect == PAGED - LIGHT_LOST


def test_a_link_back_up_before_the_timeouts_or_named_by_no_one_starts_nothing(tmp_path, capsys):
    back = _fibre_folder(tmp_path / "back", SAID, back_up=LIGHT_LOST + timedelta(minutes=6))
    *_, w = _window(tmp_path / "a", capsys, back)
    assert abs((w.times["started"] - TIMEOUTS).total_seconds()) <= 30

    unnamed = _fibre_folder(tmp_path / "unnamed", "found it: minio.lon2 is slow, reads time out")
    *_, w = _window(tmp_path / "b", capsys, unnamed)
    assert abs((w.times["started"] - TIMEOUTS).total_seconds()) <= 30


def test_an_encoder_reporting_network_congestion_before_it_drops_starts_the_window(
    tmp_path, capsys
):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    congested, dropped = at(10, 32, 40), at(10, 38, 12)
    lines = [f"{t:%Y/%m/%d %H:%M:%S}.000 INFO  enc-a status input=SDI-1 locked outputs=1/1 up "
             "total_bitrate=21.4Mbps" for t in every(at(9, 0, 7), at(12, 0), timedelta(minutes=1))]  # fmt: skip
    lines.append(f"{congested:%Y/%m/%d %H:%M:%S}.112 WARN  enc-a output[ingest-primary] network "
                 "congestion: rtt=412ms retrans=8.1%, lowering total bitrate 21.4 -> 16.0 Mbps")  # fmt: skip
    lines += [f"{t:%Y/%m/%d %H:%M:%S}.197 WARN  enc-a output[ingest-primary] network congestion: "
              f"rtt=1325ms retrans=8.0%, upload queue {k}.3s behind"
              for k, t in enumerate(every(congested + timedelta(seconds=26), dropped, timedelta(seconds=40)))]  # fmt: skip
    lines += [f"{t:%Y/%m/%d %H:%M:%S}.684 ERROR enc-a output[ingest-primary] reconnect failed: "
              "connect ingest-fra.example.tv:443: no route to host"
              for t in every(dropped, at(10, 47, 50), timedelta(seconds=10))]  # fmt: skip
    (ev / "venue-encoders.log").write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    *_, w = _window(tmp_path, capsys, ev)

    # the congestion, not its connection failing six minutes later
    assert w.times["started"] == congested + timedelta(milliseconds=112)
    assert "network congestion" in w.got["started"]["why"]


def test_a_breaker_tripped_under_a_rack_starts_the_window_and_a_supply_back_starts_nothing(
    tmp_path, capsys
):
    """A PDU's breaker trips (one alarm line among the load readings it logs every minute) and
    the machines on that feed drop out three minutes later: the trip is the first observable
    failure. A BMC's line of a supply's input coming back (`Deasserted`) is no failure."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    tripped, errors = at(10, 20, 5), at(10, 23, 10)
    pdu = [f"{z(t)} pdu-b3 INFO bank 2 load 7.{k % 9}A"
           for k, t in enumerate(every(at(9, 0, 30), at(12, 0), timedelta(minutes=1)))]  # fmt: skip
    pdu.append(f"{z(tripped)} pdu-b3 ALARM circuit breaker CB2 (bank 2) tripped: overcurrent")
    pdu.append(f"{z(at(9, 12, 40))} pdu-b3 INFO psu-mon: Power Supply AC lost | Deasserted")
    (ev / "pdu-b3.log").write_text("\n".join(sorted(pdu)) + "\n", encoding="utf-8")
    app = [f"{z(t)} INFO render-api GET /frames 200 12ms"
           for t in every(at(9, 0), at(12, 0), timedelta(seconds=10))]  # fmt: skip
    app += [f"{z(t)} ERROR render-api GET /frames 503 upstream render-node-12 unreachable"
            for t in every(errors, at(11, 0), timedelta(seconds=5))]  # fmt: skip
    (ev / "render-api.log").write_text("\n".join(sorted(app)) + "\n", encoding="utf-8")
    *_, w = _window(tmp_path, capsys, ev)

    assert w.times["started"] == tripped  # not the renderers' errors three minutes later
    assert "breaker" in w.got["started"]["why"]
