"""Kubernetes events and change records (deployments list, git log)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from . import scenario as sc


def _uid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _suffix(rng: random.Random, n: int = 5) -> str:
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(n))


class _Events:
    def __init__(self, rng: random.Random) -> None:
        self.rng, self.items, self.uids, self.rv = rng, [], {}, 4_812_300

    def add(
        self,
        kind: str,
        name: str,
        reason: str,
        message: str,
        first: datetime,
        *,
        last: datetime | None = None,
        count: int = 1,
        type_: str = "Normal",
        component: str = "",
        host: str = "",
        field_path: str = "",
    ) -> None:
        rng = self.rng
        self.rv += rng.randint(3, 40)
        obj = {
            "apiVersion": "apps/v1"
            if kind in ("Deployment", "ReplicaSet")
            else ("batch/v1" if kind in ("Job", "CronJob") else "v1"),
            "kind": kind,
            "name": name,
            "namespace": sc.NAMESPACE,
            "resourceVersion": str(self.rv - rng.randint(1, 3)),
            "uid": self.uids.setdefault((kind, name), _uid(rng)),
        }
        if field_path:
            obj["fieldPath"] = field_path
        source = {"component": component}
        if host:
            source["host"] = host
        last = last or first
        self.items.append(
            {
                "apiVersion": "v1",
                "count": count,
                "eventTime": None,
                "firstTimestamp": sc.iso_z(first),
                "involvedObject": obj,
                "kind": "Event",
                "lastTimestamp": sc.iso_z(last),
                "message": message,
                "metadata": {
                    "creationTimestamp": sc.iso_z(first),
                    "name": f"{name}.{rng.getrandbits(64):016x}",
                    "namespace": sc.NAMESPACE,
                    "resourceVersion": str(self.rv),
                    "uid": _uid(rng),
                },
                "reason": reason,
                "reportingComponent": component if component != "kubelet" else "kubelet",
                "reportingInstance": host,
                "source": source,
                "type": type_,
            }
        )

    def pod_started(
        self, pod: str, node: str, image: str, t: datetime, container: str, pull_s: float | None
    ) -> None:
        s = timedelta(seconds=1)
        fp = f"spec.containers{{{container}}}"
        self.add(
            "Pod",
            pod,
            "Scheduled",
            f"Successfully assigned {sc.NAMESPACE}/{pod} to {node}",
            t,
            component="default-scheduler",
        )
        if pull_s is None:
            self.add(
                "Pod",
                pod,
                "Pulled",
                f'Container image "{image}" already present on machine',
                t + s,
                component="kubelet",
                host=node,
                field_path=fp,
            )
        else:
            self.add(
                "Pod",
                pod,
                "Pulling",
                f'Pulling image "{image}"',
                t + s,
                component="kubelet",
                host=node,
                field_path=fp,
            )
            self.add(
                "Pod",
                pod,
                "Pulled",
                f'Successfully pulled image "{image}" in {pull_s:.3f}s ({pull_s:.3f}s including waiting)',
                t + s * (1 + round(pull_s)),
                component="kubelet",
                host=node,
                field_path=fp,
            )
        done = t + s * (2 + round(pull_s or 0))
        self.add(
            "Pod",
            pod,
            "Created",
            f"Created container {container}",
            done,
            component="kubelet",
            host=node,
            field_path=fp,
        )
        self.add(
            "Pod",
            pod,
            "Started",
            f"Started container {container}",
            done,
            component="kubelet",
            host=node,
            field_path=fp,
        )


def _rollout(
    ev: _Events,
    old_rs: str,
    new_rs: str,
    new_pods: list[sc.Pod],
    old_pods: list[sc.Pod],
    image: str,
    pulled: bool,
) -> None:
    for i, (new, old) in enumerate(zip(new_pods, old_pods, strict=True)):
        up = new.start - timedelta(seconds=1)
        msg = f"Scaled up replica set {new_rs} to {i + 1}" + (f" from {i}" if i else "")
        ev.add("Deployment", "api", "ScalingReplicaSet", msg, up, component="deployment-controller")
        ev.add(
            "ReplicaSet",
            new_rs,
            "SuccessfulCreate",
            f"Created pod: {new.name}",
            up,
            component="replicaset-controller",
        )
        ev.pod_started(
            new.name, new.node, image, new.start, "api", None if (pulled or i) else 3.412
        )
        ev.add(
            "Deployment",
            "api",
            "ScalingReplicaSet",
            f"Scaled down replica set {old_rs} to {2 - i} from {3 - i}",
            old.stop,
            component="deployment-controller",
        )
        ev.add(
            "ReplicaSet",
            old_rs,
            "SuccessfulDelete",
            f"Deleted pod: {old.name}",
            old.stop,
            component="replicaset-controller",
        )
        ev.add(
            "Pod",
            old.name,
            "Killing",
            "Stopping container api",
            old.stop,
            component="kubelet",
            host=old.node,
            field_path="spec.containers{api}",
        )


def kube_events(rng: random.Random) -> str:
    """`kubectl get events -n shop -o json` as saved at 12:00 (event TTL raised to 24h)."""
    ev = _Events(rng)
    for h in range(6, 14):
        t = sc.DAY + timedelta(hours=h)
        job = f"order-export-{int(t.timestamp() // 60)}"
        pod = f"{job}-{_suffix(rng)}"
        ev.add(
            "CronJob",
            "order-export",
            "SuccessfulCreate",
            f"Created job {job}",
            t,
            component="cronjob-controller",
        )
        ev.add("Job", job, "SuccessfulCreate", f"Created pod: {pod}", t, component="job-controller")
        end = t + timedelta(seconds=rng.randint(38, 51))
        ev.add("Job", job, "Completed", "Job completed", end, component="job-controller")
        ev.add(
            "CronJob",
            "order-export",
            "SawCompletedJob",
            f"Saw completed job: {job}, status: Complete",
            end + timedelta(seconds=1),
            component="cronjob-controller",
        )
    pods = list(sc.PODS)
    _rollout(
        ev,
        sc.OLD_RS,
        sc.NEW_RS,
        pods[3:6],
        pods[0:3],
        "registry.example.com/shop/api:v2.3.0",
        pulled=False,
    )
    for p in pods[3:6]:
        n = int((p.stop - sc.at("10:05:41")).total_seconds() // 10)
        ev.add(
            "Pod",
            p.name,
            "Unhealthy",
            f'Readiness probe failed: Get "http://{p.ip}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
            sc.at("10:05:41") + timedelta(seconds=rng.randint(0, 9)),
            last=p.stop - timedelta(seconds=rng.randint(3, 12)),
            count=n - rng.randint(5, 40),
            type_="Warning",
            component="kubelet",
            host=p.node,
            field_path="spec.containers{api}",
        )
    cache_rs = "order-cache-6d8f7b9c5"
    ev.add(
        "Deployment",
        "order-cache",
        "ScalingReplicaSet",
        f"Scaled up replica set {cache_rs} to 2",
        sc.CACHE_DEPLOY,
        component="deployment-controller",
    )
    for i, node in enumerate(("ip-10-0-1-17", "ip-10-0-2-44")):
        pod = f"{cache_rs}-{_suffix(rng)}"
        ev.add(
            "ReplicaSet",
            cache_rs,
            "SuccessfulCreate",
            f"Created pod: {pod}",
            sc.CACHE_DEPLOY,
            component="replicaset-controller",
        )
        ev.pod_started(
            pod,
            node,
            "redis:7.2.4-alpine",
            sc.CACHE_DEPLOY + timedelta(seconds=1 + i),
            "redis",
            4.871 + i,
        )
    _rollout(
        ev,
        sc.NEW_RS,
        sc.CACHE_RS,
        pods[6:9],
        pods[3:6],
        "registry.example.com/shop/api:v2.3.0",
        pulled=True,
    )
    ev.items.sort(key=lambda e: (e["lastTimestamp"], e["metadata"]["resourceVersion"]))
    doc = {
        "apiVersion": "v1",
        "items": ev.items,
        "kind": "List",
        "metadata": {"resourceVersion": ""},
    }
    return json.dumps(doc, indent=4) + "\n"


DEPLOYMENTS = (
    (
        "2025-02-05T14:22:10Z",
        "api",
        "v2.2.4",
        "argo-cd",
        "api v2.2.4: retry budget for payment callbacks",
    ),
    ("2025-02-06T09:12:44Z", "web", "v5.1.0", "argo-cd", "web v5.1.0: new account page"),
    (
        "2025-02-07T16:03:29Z",
        "recommendations-svc",
        "v0.9.3",
        "argo-cd",
        "recommendations-svc v0.9.3: model refresh",
    ),
    (
        "2025-02-09T08:15:02Z",
        "checkout",
        "v4.8.1",
        "argo-cd",
        "checkout v4.8.1: copy changes on the payment step",
    ),
    (
        "2025-02-09T09:41:30Z",
        "api",
        "v2.3.0",
        "argo-cd",
        "api v2.3.0: order lookup by customer_ref",
    ),
    (
        "2025-02-09T10:51:20Z",
        "order-cache",
        "redis-7.2.4",
        "Bob Okafor",
        "deploy order-cache (Redis) for order lookups",
    ),
    (
        "2025-02-09T10:52:00Z",
        "api",
        "v2.3.0",
        "Bob Okafor",
        "enable read-through cache for order lookups (ORDER_LOOKUP_CACHE=on)",
    ),
    (
        "2025-02-09T13:10:37Z",
        "search",
        "v1.9.0",
        "argo-cd",
        "search v1.9.0: synonyms for product names",
    ),
)


def deployments() -> str:
    """The change list: a JSON array of {time, service, version, actor, description}."""
    rows = [
        dict(zip(("time", "service", "version", "actor", "description"), d, strict=True))
        for d in DEPLOYMENTS
    ]
    return json.dumps(rows, indent=2) + "\n"


GIT_LOG = (
    (
        "2025-02-09T11:08:44+00:00",
        "Dana Ruiz",
        "Add migration 0143: index orders.customer_ref (CREATE INDEX CONCURRENTLY)",
    ),
    ("2025-02-08T17:31:05+01:00", "Dana Ruiz", "Release v2.3.0"),
    (
        "2025-02-08T17:12:40+01:00",
        "Dana Ruiz",
        "Merge pull request #1287 from shop/order-lookup-by-customer-ref",
    ),
    (
        "2025-02-08T15:58:19+01:00",
        "Dana Ruiz",
        "Orders: look orders up by customer_ref instead of customer_id",
    ),
    ("2025-02-08T11:20:03+01:00", "Dana Ruiz", "Migration 0142: drop orders.legacy_status"),
    ("2025-02-07T18:45:51-05:00", "Bob Okafor", "Bump sqlalchemy to 2.0.25"),
    ("2025-02-07T10:02:37-05:00", "Bob Okafor", "Merge pull request #1281 from shop/pool-metrics"),
    (
        "2025-02-07T09:41:12-05:00",
        "Bob Okafor",
        "Export db_pool_connections_in_use and _waiting gauges",
    ),
    ("2025-02-06T14:17:45+00:00", "Alice Chen", "Deprecation warning for /v1/legacy-orders"),
    ("2025-02-05T13:55:20+00:00", "Alice Chen", "Release v2.2.4"),
    ("2025-02-05T11:30:08+00:00", "Alice Chen", "Payments: retry budget for callbacks"),
    ("2025-02-04T16:09:33+05:30", "Priya Nair", "Runbook links in alert annotations"),
)


def git_log() -> str:
    """`git log --date=iso-strict --format='%ad%x09%an%x09%s'` of the api repository, newest first."""
    return "".join(f"{d}\t{a}\t{s}\n" for d, a, s in GIT_LOG)
