"""#20: the first symptom read back from the failing workload, from a small evidence folder
built here (a kernel log, the model server's log, Kubernetes events, Alertmanager webhook
captures), collected and rebuilt through the CLI in a real repository.

The class of miss, seen on an incident written blind: a GPU under a model server fails with
one uncorrectable-error record in the kernel log ("... name=modelserver, An uncorrectable
double bit error ..."), six minutes before the model server starts refusing requests; an alert
on GPU errors fires two minutes after the record. Meanwhile a sidecar of another workload
crash-loops every half hour, as it did before the incident. The start is the kernel's record
(it names the failing workload, too few records for a burst), the detection the GPU alert
(its name's words are in that record), and the sidecar's restart, three minutes before the
failure, is background, not a precursor.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import DAY
from tests.timeline_clock import every as _every
from tests.timeline_clock import z as _z
from tests.timeline_proposal import propose

GPU_ERROR, ALERT, REFUSING, ACKED = (
    DAY.replace(hour=10, minute=34, second=47),
    DAY.replace(hour=10, minute=37),
    DAY.replace(hour=10, minute=40, second=55),
    DAY.replace(hour=10, minute=46),
)


def _event(name: str, first: datetime, count: int) -> dict:
    pod = "feature-sync-7d9c-x2kq8"
    return {"kind": "Event", "metadata": {"name": f"{pod}.{name}", "namespace": "risk"},
            "involvedObject": {"kind": "Pod", "name": pod, "namespace": "risk"},
            "reason": "BackOff", "message": f"Back-off restarting failed container sync in pod {pod}",
            "firstTimestamp": _z(first), "lastTimestamp": _z(first), "count": count,
            "type": "Warning"}  # fmt: skip


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    kern = [f"{t:%b %d %H:%M:%S} gpu-a-3 kernel: [{k}.000] IPv4: martian source 10.4.1.{k % 200}"
            for k, t in enumerate(_every(DAY.replace(hour=9), DAY.replace(hour=12), timedelta(minutes=3)))]  # fmt: skip
    for t, host in ((GPU_ERROR, "gpu-a-3"), (GPU_ERROR + timedelta(minutes=3), "gpu-a-4")):
        kern.append(f"{t:%b %d %H:%M:%S} {host} kernel: [861204.331872] NVRM: Xid (PCI:0000:00:1e): "
                    "48, pid=41822, name=modelserver, An uncorrectable double bit error (DBE) has "
                    "been detected on GPU in the framebuffer at partition 3")  # fmt: skip
    (ev / "kern.log").write_text("\n".join(sorted(kern)) + "\n", encoding="utf-8")
    model = [f"{_z(t)} INFO modelserver infer fraud_gbt ok 12ms"
             for t in _every(DAY.replace(hour=9), DAY.replace(hour=12), timedelta(seconds=20))]  # fmt: skip
    model += [f"{_z(t)} ERROR modelserver request queue for 'fraud_gbt' full, rejecting request"
              for t in _every(REFUSING, DAY.replace(hour=11, minute=5), timedelta(seconds=5))]  # fmt: skip
    (ev / "modelserver.log").write_text("\n".join(sorted(model)) + "\n", encoding="utf-8")
    items = [
        _event(f"b{k}", DAY.replace(hour=9, minute=7) + k * timedelta(minutes=30), 7)
        for k in range(6)
    ]  # fmt: skip  (09:07, 09:37, ... 10:37, 11:07, 11:37)
    (ev / "events.json").write_text(
        json.dumps({"apiVersion": "v1", "kind": "List", "items": items}), encoding="utf-8"
    )
    hooks = ev / "alertmanager"
    hooks.mkdir()
    for name, at, summary in (
        ("GpuXidErrors", ALERT, "GPU Xid errors on gpu-a-3"),
        ("ModelServerRejecting", DAY.replace(hour=10, minute=44), "modelserver rejecting requests"),
    ):
        alert = {"status": "firing", "labels": {"alertname": name, "severity": "page"},
                 "annotations": {"summary": summary}, "startsAt": _z(at),
                 "endsAt": "0001-01-01T00:00:00Z", "fingerprint": f"{abs(hash(name)) % 10**8:08d}"}  # fmt: skip
        (hooks / f"{name}.json").write_text(
            json.dumps({"version": "4", "receiver": "ml", "status": "firing", "alerts": [alert]}),
            encoding="utf-8",
        )
    return ev


def test_a_few_records_naming_the_failing_workload_start_the_window(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    w = propose(tmp_path, ev, capsys, "Scoring errors", DAY.replace(hour=10), DAY.replace(hour=12))
    got, table = w.got, w.table

    assert got["started"]["time"] == _z(GPU_ERROR)  # not the sidecar's restart at 10:37
    assert "name=modelserver" in got["started"]["why"] and "kern.log" in got["started"]["sources"]
    assert got["started"]["confidence"] < 0.75
    assert got["detected"]["time"] == _z(ALERT)
    assert "GpuXidErrors" in got["detected"]["why"]
    assert "started       2026-03-01 10:34:47" in table
    assert "detected      2026-03-01 10:37:00" in table

    assert w.accept_high().detect == ALERT - GPU_ERROR
