"""#20: the paged workload slowing down before it fails starts the incident.

tms-api's COMMITs wait on a replication link an offsite copy saturates: their p99 leaves its
3 ms baseline at 10:09 and climbs; at 10:33 scan submits begin to time out and the page about
tms-api follows. The first observable failure is the slowdown of the service the page names (a
latency series labelled `service=tms-api`), not its first timeout. Another service's latency
rising meanwhile starts nothing.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import page_log, propose

STEP = timedelta(seconds=30)


def _folder(root: Path, service: str) -> Path:
    ev = root / "evidence"
    ev.mkdir(parents=True)
    slow, failing, fixed = at(10, 9), at(10, 33), at(11, 21, 30)
    rows = ["# TYPE tms_db_commit_duration_seconds gauge"]
    for k, t in enumerate(every(at(9, 0), at(12, 30), STEP)):
        v = 0.0039 + (k % 4) * 0.0002
        if slow <= t < fixed:
            v = 0.02 + 2.0 * (t - slow) / (fixed - slow)
        rows.append(
            f'tms_db_commit_duration_seconds{{quantile="0.99",service="{service}"}} {v:.4f} '
            f"{t.timestamp():.3f}"
        )
    (ev / "metrics.om").write_text("\n".join(rows) + "\n# EOF\n", encoding="utf-8")
    log = [f"{z(t)} INFO tms-api scan stored"
           for t in every(at(9, 0), at(12, 30), timedelta(seconds=10))]  # fmt: skip
    log += [f"{z(t)} ERROR tms-api scan submit failed: commit timeout"
            for t in every(failing, fixed, timedelta(seconds=25))]  # fmt: skip
    (ev / "tms-api.log").write_text("\n".join(sorted(log)) + "\n", encoding="utf-8")
    title = "[#6120] TmsScanErrorRatio: tms-api scan submits timing out, TMS API"
    page_log(ev, "Q1TMS0001", title, [("trigger_log_entry", at(10, 39, 54), "Alertmanager")])
    return ev


def test_the_paged_services_latency_rising_before_its_errors_starts_the_incident(tmp_path, capsys):
    ev = _folder(tmp_path / "incident", "tms-api")
    p = propose(tmp_path, ev, capsys, "Scans failing", at(10, 0), at(12, 0))
    assert abs((p.times["started"] - at(10, 9)).total_seconds()) <= 30, p.table
    assert "tms_db_commit_duration_seconds" in p.got["started"]["why"]


def test_another_services_latency_rising_first_starts_nothing(tmp_path, capsys):
    ev = _folder(tmp_path / "incident", "search-api")
    p = propose(tmp_path, ev, capsys, "Scans failing", at(10, 0), at(12, 0))
    assert p.times["started"] >= at(10, 32), p.table
