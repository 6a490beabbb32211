"""#20: a precursor logged at info by the failing dependency's failure detector, from a small
evidence folder built here (the consensus store's log, the service's log), collected and
rebuilt through the CLI in a real repository.

The class of miss, seen on an incident written blind: a consensus store's members suspect a
peer ("memberlist: Suspect store-2 has failed, no acks received", logged at INFO, each record
quoting its own time stamp to the millisecond) for five minutes before the leader is lost and
the service on top of it fails. The suspicion is the first observable failure: a shape the
baseline never shows, going on until the failure. Records that differ only by the time stamp
they quote are one shape. Info records with no word of failure change nothing.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui.timeline.templates import mask
from tests.timeline_clock import DAY
from tests.timeline_clock import every as _every
from tests.timeline_proposal import propose

SUSPECTED, FAILS, BACK = (
    DAY.replace(hour=10, minute=35, second=31),
    DAY.replace(hour=10, minute=40, second=44),
    DAY.replace(hour=11, minute=5),
)


def _stamp(t: datetime, ms: int) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}Z"


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    records = []
    for k, t in enumerate(_every(DAY.replace(hour=9), DAY.replace(hour=12), timedelta(seconds=30))):
        records.append((t, "store-1", f"[INFO]  agent: synced node info (index {k})"))
    for t in _every(SUSPECTED, BACK, timedelta(seconds=50)):
        records.append(
            (t, "store-1", "[INFO]  memberlist: Suspect store-2 has failed, no acks received")
        )
    for t in _every(FAILS, BACK, timedelta(seconds=20)):
        records.append(
            (t, "store-1", '[ERROR] agent: Coordinate update error: error="No cluster leader"')
        )
    records.sort()
    rows = [
        json.dumps(
            {
                "__REALTIME_TIMESTAMP": str(int(t.timestamp() * 1_000_000)),
                "_HOSTNAME": host,
                "SYSLOG_IDENTIFIER": "store",
                "PRIORITY": "3" if "[ERROR]" in text else "6",
                "MESSAGE": f"{_stamp(t, (k * 137) % 1000)} {text}",
            }
        )  # fmt: skip
        for k, (t, host, text) in enumerate(records)
    ]
    (ev / "store-servers.json").write_text("\n".join(rows) + "\n", encoding="utf-8")
    app = [f"{t:%Y-%m-%dT%H:%M:%SZ} INFO vault-api GET /v1/secret 200 4ms"
           for t in _every(DAY.replace(hour=9), DAY.replace(hour=12), timedelta(seconds=20))]  # fmt: skip
    app += [f"{t:%Y-%m-%dT%H:%M:%SZ} ERROR vault-api POST /v1/transit 500 no cluster leader"
            for t in _every(FAILS + timedelta(seconds=2), BACK, timedelta(seconds=5))]  # fmt: skip
    (ev / "vault-api.log").write_text("\n".join(sorted(app)) + "\n", encoding="utf-8")
    return ev


def test_a_failure_detector_suspecting_a_peer_at_info_starts_the_window(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    w = propose(tmp_path, ev, capsys, "Vault errors", DAY.replace(hour=10), DAY.replace(hour=12))
    got, table = w.got, w.table
    assert got["started"]["time"] == "2026-03-01T10:35:31Z"
    assert "Suspect" in got["started"]["why"]
    assert got["started"]["confidence"] < 0.75  # related by its timing: for the person to judge
    assert "started       2026-03-01 10:35:31" in table


def test_records_quoting_their_own_time_stamp_are_one_shape():
    a = mask("2026-08-18T08:47:31.000Z [INFO]  memberlist: Suspect store-2 has failed")
    b = mask("2026-08-18T08:49:46.115Z [INFO]  memberlist: Suspect store-2 has failed")
    c = mask("2026-08-18 08:49:46,115+02:00 [INFO]  memberlist: Suspect store-2 has failed")
    assert a == b == c
    assert a.startswith("<*> [INFO]")


def test_an_event_list_starting_late_is_events_not_its_own_baseline(tmp_path, capsys):
    """A BMC's event list (ipmitool `sel elist`) begins 40 minutes after the service's log:
    a list of what went wrong, not a log exported from a later start. Its first rows (an
    inlet temperature past its non-critical threshold, every minute) are the first observable
    failure, ten minutes before the service's errors; they were the list's own baseline."""

    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    first_event, errors = (
        DAY.replace(hour=10, minute=35, second=59),
        DAY.replace(hour=10, minute=46),
    )
    app = [f"{t:%Y-%m-%dT%H:%M:%SZ} INFO checkout GET /v1/cart 200 4ms"
           for t in _every(DAY.replace(hour=9, minute=55), DAY.replace(hour=12), timedelta(seconds=20))]  # fmt: skip
    app += [f"{t:%Y-%m-%dT%H:%M:%SZ} ERROR checkout POST /v1/orders 503 upstream unavailable"
            for t in _every(errors, DAY.replace(hour=11, minute=10), timedelta(seconds=5))]  # fmt: skip
    (ev / "checkout.log").write_text("\n".join(sorted(app)) + "\n", encoding="utf-8")
    rows = ["[root@jump ~]# ipmitool -I lanplus -H rack7-bmc -U monitor -E sel elist"]
    for k, t in enumerate(
        _every(first_event, DAY.replace(hour=11, minute=20), timedelta(seconds=61))
    ):
        rows.append(f" {0x1A2 + k:x} | {t:%m/%d/%Y} | {t:%H:%M:%S} | Temperature System Board Inlet "
                    "Temp | Upper Non-critical going high | Asserted | Reading 36 > Threshold 35 degrees C")  # fmt: skip
    (ev / "sel-rows.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    w = propose(tmp_path, ev, capsys, "Checkout", DAY.replace(hour=10), DAY.replace(hour=12))
    got, table = w.got, w.table
    assert got["started"]["time"] == "2026-03-01T10:35:59Z"
    assert "Inlet" in got["started"]["why"] and "sel-rows.txt" in got["started"]["sources"]
    assert "started       2026-03-01 10:35:59" in table
