"""#20: the customers' impact read as ended too early or too late by a part of the recovery,
each from a small evidence folder built here, collected and rebuilt through the CLI in a real
repository (classes of heldout13's misses, SPENT tuning material):

- a partial mitigation is not the end: a model rollout reverted in one region first, its
  share there back to zero, while the router's new warnings ("feature defaulted", logged on
  every request served by the bad model) go on in the other region until its revert syncs;
  the first failure's own new log records stopping ends the impact;
- the customers' end is when what they got stops failing, not when the fix's rollout has
  replaced its last old pod, nor when the last replicas are ready again: the API's errors
  stop (enough replicas serve by then) minutes before the rollout and the ready count finish
  (the ready count fell minutes after the errors began: a failure spreading, whose return to
  full capacity is not the customers').
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import propose

STEP = timedelta(seconds=30)


def _lines(ev: Path, name: str, rows: list[tuple[datetime, str]]) -> None:
    (ev / name).write_text("\n".join(r for _, r in sorted(rows)) + "\n", encoding="utf-8")


def _matrix(ev: Path, name: str, series: list[tuple[dict, list[list]]]) -> None:
    result = [{"metric": labels, "values": values} for labels, values in series]
    doc = {"status": "success", "data": {"resultType": "matrix", "result": result}}
    (ev / name).write_text(json.dumps(doc), encoding="utf-8")


def test_one_region_reverted_first_is_not_the_end_while_the_new_warnings_go_on(tmp_path, capsys):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    bad_eu, bad_us = at(10, 30, 21), at(10, 32, 40)
    back_eu, back_us = at(11, 20, 19), at(11, 34, 18)
    rows = [(t, f"{z(t)} INFO ranking-router served search request model=ltr-v30")
            for t in every(at(9, 0), at(12, 30), timedelta(seconds=20))]  # fmt: skip
    rows += [(t, f"{z(t)} WARN ranking-router key not found in online store (reason): feature "
                 f"defaulted feature=ctx_price_affinity model=ltr-v31")
             for t in every(bad_eu, back_us, timedelta(seconds=9))]  # fmt: skip
    _lines(ev, "ranking-router.log", rows)

    def share(since: datetime, until: datetime) -> list[list]:
        return [[int(t.timestamp()), "0.95" if since <= t < until else "0"]
                for t in every(at(9, 0), at(12, 30), STEP)]  # fmt: skip

    _matrix(ev, "search-quality.json", [
        ({"__name__": "ranker_model_share", "model": "ltr-v31", "region": "eu-west-1"},
         share(bad_eu, back_eu)),
        ({"__name__": "ranker_model_share", "model": "ltr-v31", "region": "us-east-1"},
         share(bad_us, back_us)),
    ])  # fmt: skip
    w = propose(tmp_path, ev, capsys, "Search ranking degraded", at(10, 0), at(12, 30))
    assert abs((w.times["started"] - bad_eu).total_seconds()) <= 30, w.table
    # not 11:20, when only eu was back
    assert abs((w.times["mitigated"] - back_us).total_seconds()) <= 60, w.table


def _event(t: datetime, message: str) -> dict:
    return {
        "apiVersion": "events.k8s.io/v1",
        "kind": "Event",
        "metadata": {"name": f"listing-vision.{int(t.timestamp())}", "namespace": "vision",
                     "creationTimestamp": z(t)},
        "regarding": {"kind": "Deployment", "name": "listing-vision", "namespace": "vision"},
        "reason": "ScalingReplicaSet",
        "note": message,
        "type": "Normal",
        "deprecatedSource": {"component": "deployment-controller"},
        "deprecatedFirstTimestamp": z(t),
        "deprecatedLastTimestamp": z(t),
    }  # fmt: skip


def test_the_end_is_when_the_errors_stop_not_when_the_rollout_or_the_replicas_finish(
    tmp_path, capsys
):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    broken, rollout, stopped, done = at(10, 30), at(11, 2, 30), at(11, 6, 28), at(11, 9, 20)
    rows = [(t, f"{z(t)} INFO listing-api published listing via listing-vision classify ok")
            for t in every(at(9, 0), at(12, 30), timedelta(seconds=15))]  # fmt: skip
    rows += [(t, f"{z(t)} ERROR listing-api vision classify failed: 503 from listing-vision")
             for t in every(broken, stopped, timedelta(seconds=11))]  # fmt: skip
    _lines(ev, "listing-api.log", rows)
    ready = []
    for t in every(at(9, 0), at(12, 30), STEP):
        value = 16.0
        if at(10, 36) <= t < at(11, 5):  # the pods crash one by one, then stay down
            value = 6.0
        elif at(11, 5) <= t < at(11, 9, 30):
            value = 6 + 10 * (t - at(11, 5)) / timedelta(minutes=4, seconds=30)
        ready.append([int(t.timestamp()), f"{value:.0f}"])
    _matrix(ev, "vision.json", [
        ({"__name__": "kube_deployment_status_replicas_ready", "deployment": "listing-vision",
          "namespace": "vision"}, ready),
    ])  # fmt: skip
    events = [
        _event(rollout, "Scaled up replica set listing-vision-7f4c2a9d1 to 4 from 0"),
        _event(done, "Scaled down replica set listing-vision-6b8d9c7f5 to 0 from 4"),
    ]
    (ev / "events.json").write_text(json.dumps({"kind": "EventList", "items": events}))
    w = propose(tmp_path, ev, capsys, "Listing publish failing", at(10, 0), at(12, 30))
    assert abs((w.times["started"] - broken).total_seconds()) <= 30, w.table
    # not 11:09, when the rollout's last old pod went and every replica was ready again
    assert abs((w.times["mitigated"] - stopped).total_seconds()) <= 60, w.table
