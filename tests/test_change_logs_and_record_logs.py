"""Two evidence files responders hand over that pm-tui left unread or misread (#20):

- a Kubernetes API server's audit log (`audit.k8s.io/v1` Events, one JSON object a line, as
  the `--audit-log-path` backend writes it) is the cluster's change record: people's and
  delivery tools' writes become changes, the control plane's own chatter does not;
- a transfer tool's log whose timed lines are few (rclone with `--stats`: each stats line is
  followed by an untimed block) and that begins with a wrapper script's untimed header.

Real files in a folder, the real CLI and repository, the timeline rebuilt."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence_folder import scan_evidence
from pm_tui.collectors.evidence_store import load_evidence
from pm_tui.model import new_postmortem

START = datetime(2026, 5, 12, 13, 0, tzinfo=UTC)
END = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)


def _stamp(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _audit(n: int, sec: int, verb: str, user: str, resource: str, ns: str, name: str = "",
           group: str = "apps", sub: str = "", code: int = 200, body: dict | None = None,
           stage: str = "ResponseComplete") -> dict:  # fmt: skip
    """One audit Event as the API server writes it (kubernetes.io docs, audit.k8s.io/v1)."""
    t = START + timedelta(seconds=sec)
    ref = {"resource": resource, "namespace": ns, "apiVersion": "v1"}
    if name:
        ref["name"] = name
    if group:
        ref["apiGroup"] = group
    if sub:
        ref["subresource"] = sub
    prefix = f"/apis/{group}/v1" if group else "/api/v1"
    event = {
        "kind": "Event",
        "apiVersion": "audit.k8s.io/v1",
        "level": "Request" if body else "Metadata",
        "auditID": f"7f1c2a90-0000-4000-8000-{n:012d}",
        "stage": stage,
        "requestURI": f"{prefix}/namespaces/{ns}/{resource}/{name}".rstrip("/")
        + (f"/{sub}" if sub else ""),
        "verb": verb,
        "user": {"username": user, "groups": ["system:authenticated"]},
        "sourceIPs": ["10.0.4.17"],
        "userAgent": "kubectl/v1.29.2 (linux/amd64) kubernetes/4b8e819",
        "objectRef": ref,
        "responseStatus": {"metadata": {}, "code": code},
        "requestReceivedTimestamp": _stamp(t),
        "stageTimestamp": _stamp(t + timedelta(milliseconds=14)),
        "annotations": {"authorization.k8s.io/decision": "allow" if code < 400 else "forbid"},
    }
    if body:
        event["requestObject"] = body
    return event


def _audit_log() -> str:
    events = []
    n = 0

    def add(*args, **kwargs):
        nonlocal n
        n += 1
        events.append(_audit(n, *args, **kwargs))

    for sec in range(0, 7200, 15):  # the control plane talking to itself all day
        add(sec, "update", "system:kube-controller-manager", "leases", "kube-system",
            "kube-controller-manager", group="coordination.k8s.io")  # fmt: skip
        if sec % 120 == 0:
            add(sec + 1, "list", "system:serviceaccount:monitoring:kube-state-metrics",
                "cronjobs", "shop", group="batch")  # fmt: skip
            add(sec + 2, "get", "sam.okafor@shop.example", "pods", "shop", "cart-7d9f-x2", group="")
    image = {"spec": {"template": {"spec": {"containers": [
        {"name": "app", "image": "registry.example/checkout-api:2.14.0"}]}}}}  # fmt: skip
    add(600, "patch", "maria.lopez@shop.example", "deployments", "shop", "checkout-api", body=image)
    add(601, "create", "system:serviceaccount:kube-system:replicaset-controller", "pods", "shop",
        group="")  # fmt: skip
    add(602, "update", "system:serviceaccount:kube-system:deployment-controller", "deployments",
        "shop", "checkout-api", sub="status")  # fmt: skip
    add(1500, "patch", "dev.intern@shop.example", "configmaps", "shop", "checkout-config",
        group="", code=403)  # fmt: skip
    add(1800, "patch", "sam.okafor@shop.example", "cronjobs", "shop", "cart-cleanup",
        group="batch", body={"spec": {"suspend": True}}, stage="RequestReceived")  # fmt: skip
    events.append({**events[-1], "stage": "ResponseComplete"})  # one request's two stages
    add(1900, "delete", "sam.okafor@shop.example", "jobs", "shop", "cart-cleanup-29012340",
        group="batch")  # fmt: skip
    add(2000, "create", "sam.okafor@shop.example", "pods", "shop", "cart-7d9f-x2", group="",
        sub="exec")  # fmt: skip
    events.sort(key=lambda e: e["requestReceivedTimestamp"])
    return "".join(json.dumps(e, separators=(",", ":")) + "\n" for e in events)


def _rclone_log() -> str:
    """rclone copy with `--log-file --stats 1m -v` behind a cron wrapper that echoes a header."""
    lines = ["=== offsite-copy.sh on bak-1: /srv/backup -> offsite:bak ===", "bwlimit: 100M", ""]
    began = START - timedelta(minutes=65)  # before the read window (its hour of baseline)
    lines.append(f'{began:%Y/%m/%d %H:%M:%S} NOTICE: rclone: Version "v1.66.0" starting')
    for m in range(1, 160):
        t = began + timedelta(minutes=m)
        lines += [
            f"{t:%Y/%m/%d %H:%M:%S} INFO  : ",
            f"Transferred:   \t  {m * 2.1:.3f} GiB / 480.000 GiB, {m // 5}%, 95.000 MiB/s, ETA 1h4m",
            "Checks:              1200 / 1200, 100%",
            f"Transferred:          {m} / 1000, {m // 10}%",
            f"Elapsed time:     {m}m0.0s",
            "Transferring:",
            *(f" *   vol/chunk-{m * 4 + k:04d}.img: 45% /10.000Gi, 24.000Mi/s, 3m10s"
              for k in range(4)),
        ]  # fmt: skip
        if m == 105:
            lines.append(
                f"{t:%Y/%m/%d %H:%M:%S} ERROR : vol/chunk-0160.img: Failed to copy: "
                'Post "https://s3.offsite.example/bak": dial tcp 192.0.2.10:443: i/o timeout'
            )
    return "\n".join(lines) + "\n"


@pytest.fixture()
def folder(tmp_path):
    ev = tmp_path / "evidence"
    (ev / "bak-1").mkdir(parents=True)
    (ev / "apiserver-audit.log").write_text(_audit_log(), encoding="utf-8")
    (ev / "bak-1" / "offsite.log").write_text(_rclone_log(), encoding="utf-8")
    return ev


def test_an_audit_log_is_a_change_record_and_a_record_log_is_a_log(folder):
    kinds = {f.name.rsplit("/", 1)[-1]: (f.kind, f.reason) for f in scan_evidence([folder]).files}
    assert kinds["apiserver-audit.log"][0] == "deploys", kinds
    assert kinds["offsite.log"][0] == "logs", kinds


def test_collect_keeps_the_writes_of_people_and_reads_the_sparse_log(folder, repo):
    from pm_tui.cli.main import main

    r, pm = repo, new_postmortem("Cart cleanup", START, resolved=END)
    r.save(pm)
    r.commit(pm, "create")
    code = main(["--repo", str(r.root), "collect", pm.id, "--evidence", str(folder)])
    assert code == 0
    evidence = load_evidence(r.evidence_dir(pm.id) / "evidence.jsonl")
    changes = sorted(
        (e.time, e.text, e.attrs.get("actor")) for e in evidence if e.source.endswith("audit.log")
    )
    # the image rolled out, the CronJob suspended (once, not once per stage), its Job
    # deleted; not the leases, the reads, a controller's pods or status, a refused patch, an exec
    assert [(t - START).total_seconds() for t, _, _ in changes] == [600, 1800, 1900]
    assert "image=registry.example/checkout-api:2.14.0" in changes[0][1]
    assert "cronjobs/cart-cleanup" in changes[1][1] and "suspend=true" in changes[1][1]
    assert {a for _, _, a in changes} == {"maria.lopez@shop.example", "sam.okafor@shop.example"}

    logs = [e for e in evidence if e.source.endswith("offsite.log")]
    failed = [e for e in logs if "i/o timeout" in e.text]
    assert failed and failed[0].time == START + timedelta(minutes=40)

    assert main(["--repo", str(r.root), "timeline", pm.id, "--rebuild"]) == 0
    from pm_tui.timeline import load_candidates

    rows = load_candidates(r, pm.id)
    suspended = [c for c in rows if "cart-cleanup" in c.text and "suspend" in c.text]
    assert suspended and suspended[0].time == START + timedelta(seconds=1800)
    assert not any("leases" in c.text or "kube-controller-manager" in c.text for c in rows)
