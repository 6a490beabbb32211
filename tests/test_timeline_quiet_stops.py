"""#20: containers stopped with no failure given are no failure, from a small evidence folder
built here (Kubernetes events, the service's log, Alertmanager webhook captures), collected and
rebuilt through the CLI in a real repository.

The class of miss, seen on an incident written blind: a node group is rolled to a new launch
template; the kubelet stops the service's pods on the old nodes ("Killing: Stopping container
eta", Normal) and they start on the new ones. Six minutes later the new pods start failing
(back-off restarting, the callers' errors). The stops and the back-offs are one run of restart
events; the window starts with the first failure, not with the stops that came before it.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import propose

STOPS, FAILS = at(10, 9, 5), at(10, 15, 0)
# the pods on the old nodes, and the pods started on the new ones
OLD, NEW = ("s2dsf", "g6gmf", "z9jhm"), ("vqztw", "cf7mc", "b7kbp")


def _event(pod: str, reason: str, kind: str, message: str, t: datetime) -> dict:
    return {"kind": "Event", "metadata": {"name": f"{pod}.{reason}{t:%H%M%S}", "namespace": "eta"},
            "involvedObject": {"kind": "Pod", "name": pod, "namespace": "eta"},
            "reason": reason, "message": message, "firstTimestamp": z(t), "lastTimestamp": z(t),
            "count": 1, "type": kind, "source": {"component": "kubelet"}}  # fmt: skip


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    items = []
    for k in range(3):  # the pods on the old nodes stopped and started again elsewhere
        old, new = f"eta-service-5c8d7b9f6-{OLD[k]}", f"eta-service-5c8d7b9f6-{NEW[k]}"
        t = STOPS + k * timedelta(seconds=40)
        items.append(_event(old, "Killing", "Normal", "Stopping container eta", t))
        rs = {"kind": "Event", "metadata": {"name": f"rs{k}", "namespace": "eta"},
              "involvedObject": {"kind": "ReplicaSet", "name": "eta-service-5c8d7b9f6", "namespace": "eta"},
              "reason": "SuccessfulCreate", "message": f"Created pod: {new}",
              "firstTimestamp": z(t + timedelta(seconds=1)), "lastTimestamp": z(t + timedelta(seconds=1)),
              "count": 1, "type": "Normal"}  # fmt: skip
        items.append(rs)
        items.append(_event(new, "Scheduled", "Normal", f"Successfully assigned eta/{new} to ip-10-40-11-{k}", t + timedelta(seconds=2)))  # fmt: skip
        items.append(_event(new, "Started", "Normal", "Started container eta", t + timedelta(seconds=9)))  # fmt: skip
        for b in every(FAILS + k * timedelta(seconds=70), at(10, 50), timedelta(minutes=4)):
            items.append(_event(new, "BackOff", "Warning", f"Back-off restarting failed container eta in pod {new}", b))  # fmt: skip
            items.append(_event(new, "Killing", "Normal", "Stopping container eta", b + timedelta(seconds=30)))  # fmt: skip
    (ev / "events.json").write_text(
        json.dumps({"apiVersion": "v1", "kind": "List", "items": items})
    )
    log = [f"{z(t)} INFO checkout-api GET /v2/orders 200 12ms"
           for t in every(at(9, 0), at(12, 0), timedelta(seconds=20))]  # fmt: skip
    log += [f"{z(t)} ERROR checkout-api delivery estimate failed: eta-service unavailable"
            for t in every(FAILS + timedelta(seconds=30), at(10, 52), timedelta(seconds=15))]  # fmt: skip
    (ev / "checkout-api.log").write_text("\n".join(sorted(log)) + "\n", encoding="utf-8")
    alert = {"status": "firing", "labels": {"alertname": "CheckoutErrors", "severity": "page"},
             "annotations": {"summary": "checkout-api 5xx above 2%"}, "startsAt": z(at(10, 24)),
             "endsAt": "0001-01-01T00:00:00Z"}  # fmt: skip
    (ev / "hooks.json").write_text(
        json.dumps({"receiver": "oncall", "status": "firing", "alerts": [alert]})
    )
    return ev


def test_pods_stopped_before_they_fail_do_not_start_the_window(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    w = propose(tmp_path, ev, capsys, "Delivery estimates failing", at(10, 0), at(12, 0))
    assert w.times["started"] == FAILS  # the first back-off, not the stops at 10:09:05
    assert "Restart of eta-service" in w.got["started"]["why"]
