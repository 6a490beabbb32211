"""#20: a page names the series it is about by the things the series measures (its host, its
mount point), not only by the words of the series' name (pm_tui.timeline.onset._objects_named),
from a small evidence folder built here (a database host's disk series, the checkout API's log,
a PagerDuty log), collected and rebuilt through the CLI in a real repository.

The class of miss, seen on incidents written blind: a disk filling slowly for two hours (a
replication slot holding the WAL) before the database stops and checkout fails. The page,
"PostgresVolumeFullIn30m orders-db-01 /var/lib/postgresql", shares no word with the series'
name (`node_filesystem_avail_bytes`) but writes out two of its labels' values. The window
starts when the free space left its baseline, not when checkout first failed; it ends when
checkout's errors stop, not when the volume's free space is back an hour later (a resource
under the service, not what customers get).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui.timeline.onset import page_series
from pm_tui.timeline.signals import Signal
from tests.timeline_clock import at as _at
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import propose

FILLS, PAGED, ACKED = _at(8, 40), _at(10, 0), _at(10, 10)
FIRST_ERROR, LAST_ERROR, DISK_BACK, RESOLVED = _at(10, 30, 5), _at(10, 55), _at(11, 40), _at(11, 50)
DISK = ("node_filesystem_avail_bytes{device=/dev/nvme1n1,instance=orders-db-01:9100,"
        "mountpoint=/var/lib/postgresql}")  # fmt: skip
TITLE = "[#4] PostgresVolumeFullIn30m orders-db-01 /var/lib/postgresql predicted to fill, Data"


def _pd(entry_id: str, kind: str, t: datetime, page: str, title: str, who: str) -> dict:
    agent = {"type": "user_reference", "id": "P" + who[:4].upper(), "summary": who}
    summary = {"trigger_log_entry": "Triggered through the API.",
               "acknowledge_log_entry": f"Acknowledged by {who}.",
               "resolve_log_entry": f"Resolved by {who}."}[kind]  # fmt: skip
    return {"id": entry_id, "type": kind, "summary": summary, "created_at": _z(t),
            "agent": agent, "channel": {"type": "api"},
            "service": {"id": "PSVC1", "type": "service_reference", "summary": title},
            "incident": {"id": page, "type": "incident_reference", "summary": title}}  # fmt: skip


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    api = [f"{_z(t)} INFO checkout-api POST /v1/checkout 200 40ms"
           for t in _every(_at(7, 0), _at(12, 30), timedelta(seconds=20))]  # fmt: skip
    api += [f"{_z(t)} ERROR checkout-api POST /v1/checkout 500 could not connect to orders-db"
            for t in _every(FIRST_ERROR, LAST_ERROR, timedelta(seconds=10))]  # fmt: skip
    (ev / "checkout-api.log").write_text("\n".join(sorted(api)) + "\n", encoding="utf-8")
    minutes = list(_every(_at(7, 0), _at(12, 30), timedelta(minutes=1)))
    gib = 2**30

    def free(k: int, t: datetime) -> float:
        if FILLS <= t < DISK_BACK:  # falls 0.4 GiB a minute, nothing left from 10:30
            return max(0.0, 60 - 0.4 * (t - FILLS).total_seconds() / 60) * gib
        return (60 + (k % 3) * 0.05) * gib

    labels = {"device": "/dev/nvme1n1", "instance": "orders-db-01:9100",
              "mountpoint": "/var/lib/postgresql"}  # fmt: skip
    series = {"metric": {"__name__": "node_filesystem_avail_bytes", **labels},
              "values": [[t.timestamp(), f"{free(k, t):.0f}"] for k, t in enumerate(minutes)]}  # fmt: skip
    (ev / "orders-db.json").write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": [series]}}),
        encoding="utf-8",
    )
    entries = [
        _pd("R1", "trigger_log_entry", PAGED, "Q4DB", TITLE, "Alertmanager"),
        _pd("R2", "acknowledge_log_entry", ACKED, "Q4DB", TITLE, "Ana Ortega"),
        _pd("R3", "resolve_log_entry", RESOLVED, "Q4DB", TITLE, "Ana Ortega"),
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
    return ev


def test_the_window_starts_when_the_disk_the_page_names_began_to_fill(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    w = propose(tmp_path, ev, capsys, "Checkout down", _at(7, 30), _at(12, 30))
    times = w.times
    # the free space left its baseline around 08:40 (two hours before checkout failed)
    assert abs(times["started"] - FILLS) <= timedelta(minutes=3)
    assert "node_filesystem_avail_bytes" in w.got["started"]["why"]
    # checkout's errors stopping ended the impact, not the volume's free space back at 11:40
    assert abs(times["mitigated"] - LAST_ERROR) <= timedelta(seconds=30)
    assert times["acknowledged"] == ACKED and times["resolved"] == RESOLVED
    d = w.accept_high()
    assert abs(d.mitigate - (LAST_ERROR - FILLS)) <= timedelta(minutes=3)


def _departs(metric: str, t: datetime) -> Signal:
    return Signal(t, "symptom", f"{metric} below its baseline", "m.json", "", 0.7,
                  extra={"metric": metric})  # fmt: skip


def _page(t: datetime, title: str) -> Signal:
    return Signal(t, "paged", f"Page triggered: PagerDuty incident Q1 ({title})", "pd", "", 0.9)


def test_a_page_names_a_series_by_two_of_its_objects_written_out():
    """Two object labels' values written out in the title name the series; one is not enough
    (a title naming the host only, or a service name shared by every series of it)."""
    other_disk = DISK.replace("/var/lib/postgresql", "/var/log")
    signals = [_departs(DISK, _at(8, 40)), _departs(other_disk, _at(8, 30)), _page(PAGED, TITLE)]
    page, series = page_series(signals)
    assert page is not None and [s.extra["metric"] for s in series] == [DISK]
    host_only = _page(PAGED, "[#5] orders-db-01 is slow to answer, Data")
    assert page_series([_departs(DISK, _at(8, 40)), host_only]) == (None, [])
