"""A synthetic incident of another shape than the bundled sample: a memory leak in `checkout`
v4.1.0 gets the pod OOM-killed every ~4 minutes until a rollback. Written in the standard
formats (klog, syslog RFC 3164, nginx access log, kube events, Alertmanager webhook payloads,
PagerDuty log entries, a Slack export, a deployment list, Prometheus query_range JSON), with
benign noise that must not become events. Seeded: the same files every time.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

DAY = datetime(2025, 3, 3, tzinfo=UTC)
START, END = DAY.replace(hour=13), DAY.replace(hour=15, minute=30)


def at(hhmmss: str) -> datetime:
    h, m, s = (int(x) for x in (hhmmss + ":00")[:8].split(":"))
    return DAY.replace(hour=h, minute=m, second=s)


DEPLOY, ROLLBACK, ROLLBACK_DONE = at("13:20:00"), at("14:27:00"), at("14:28:05")
OOMS = [at(t) for t in ("14:02:11", "14:06:25", "14:10:40", "14:14:50", "14:19:05", "14:23:20")]

# (label, time, kinds that count as finding it)
KEY_EVENTS = [
    ("deploy of checkout v4.1.0", DEPLOY, {"change"}),
    ("first OOM kill", OOMS[0], {"first_symptom"}),
    ("alert fired", at("14:08:30"), {"alert_fired"}),
    ("paged", at("14:08:50"), {"paged"}),
    ("acknowledged by Bob", at("14:21:00"), {"acknowledged"}),
    ("rollback to v4.0.3", ROLLBACK, {"mitigation"}),
    ("errors back to normal", at("14:28:10"), {"recovery"}),
    ("alert resolved", at("14:40:00"), {"alert_resolved"}),
    ("resolved", at("14:50:00"), {"resolved"}),
]
NOISE_WORDS = ["payment gateway timeout", "cache miss ratio", "eviction manager", "Started Session"]


def failing(t: datetime) -> float:
    """Share of requests failing at `t`: after each OOM kill while the pod restarts, and
    a little during the rollback."""
    if any(k <= t < k + timedelta(seconds=50) for k in OOMS):
        return 0.45
    if ROLLBACK <= t < ROLLBACK_DONE:
        return 0.12
    return 0.0


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _every(step: int, offset: int = 0):
    t = START + timedelta(seconds=offset)
    while t < END:
        yield t
        t += timedelta(seconds=step)


def write(folder: Path) -> Path:
    """Write the evidence folder; returns it."""
    rng = random.Random(42)
    folder.mkdir(parents=True, exist_ok=True)
    _access_log(folder / "ingress", rng)
    _klog(folder / "app", rng)
    _syslog(folder / "node")
    _kube_events(folder / "kubectl")
    _alerts(folder / "alertmanager")
    _pagerduty(folder / "pagerduty")
    _slack(folder / "slack")
    _changes(folder / "changes")
    _metrics(folder / "prometheus", rng)
    return folder


def _access_log(d: Path, rng: random.Random) -> None:
    d.mkdir(exist_ok=True)
    lines = []
    t = START
    while t < END:
        t += timedelta(seconds=rng.expovariate(4.0))
        path = rng.choice(["/cart", "/checkout", f"/products/{rng.randint(1, 999)}"])
        status, secs = 200, rng.uniform(0.02, 0.12)
        if rng.random() < failing(t):
            status, secs = rng.choice([502, 503]), rng.uniform(0.001, 0.01)
        elif rng.random() < 0.001:
            status = 500  # the low constant 500s
        elif rng.random() < 0.01:
            status, path = 404, "/wp-login.php"  # bots
        stamp = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
        lines.append(
            f'198.51.100.{rng.randint(1, 254)} - - [{stamp}] "GET {path} HTTP/1.1" {status} 512 '
            f'"-" "Mozilla/5.0" {secs:.3f}'
        )
    (d / "access.log").write_text("\n".join(lines) + "\n")


def _klog_line(level: str, t: datetime, where: str, msg: str) -> tuple[datetime, str]:
    return t, f"{level}{t:%m%d %H:%M:%S}.{t.microsecond:06d}       1 {where}] {msg}"


def _klog(d: Path, rng: random.Random) -> None:
    d.mkdir(exist_ok=True)
    out = [_klog_line("I", t, "server.go:88", "served 1200 requests") for t in _every(60, 7)]
    out += [
        _klog_line("W", t, "cache.go:211", "cache miss ratio 0.31 above 0.30")
        for t in _every(120, 13)
    ]
    out += [
        _klog_line(
            "E",
            t,
            "payment.go:144",
            f"payment gateway timeout after 2s (order=O-{rng.randint(10000, 99999)})",
        )
        for t in _every(300, 95)
    ]
    for k in [*OOMS, ROLLBACK_DONE]:
        out.append(_klog_line("I", k + timedelta(seconds=4), "main.go:42", "starting checkout"))
        for n in range(8):
            t = k + timedelta(seconds=5 + 5 * n, microseconds=rng.randint(0, 999999))
            out.append(
                _klog_line(
                    "E",
                    t,
                    "db.go:301",
                    f"connection pool warm-up: dial tcp 10.0.4.12:5432: connect: connection refused (attempt {n + 1})",
                )
            )
    out.sort()
    (d / "checkout.log").write_text("\n".join(line for _, line in out) + "\n")


def _syslog(d: Path) -> None:
    d.mkdir(exist_ok=True)
    out = [
        (t, f"{t:%b %e %H:%M:%S} node-3 systemd[1]: Started Session {t.minute} of user core.")
        for t in _every(300, 31)
    ]
    out += [
        (
            t,
            f"{t:%b %e %H:%M:%S} node-3 kubelet[912]: E{t:%m%d %H:%M:%S}.000000     912 eviction_manager.go:262] eviction manager: failed to get summary stats",
        )
        for t in _every(180, 50)
    ]
    for n, k in enumerate(OOMS):
        out.append(
            (
                k,
                f"{k:%b %e %H:%M:%S} node-3 kernel: [81{n}345.678901] Memory cgroup out of memory: Killed process {4242 + n} (checkout) total-vm:1843200kB, anon-rss:524288kB",
            )
        )
    out.sort()
    (d / "syslog").write_text("\n".join(line for _, line in out) + "\n")


def _event(
    obj: str,
    reason: str,
    message: str,
    first: datetime,
    last: datetime | None = None,
    count: int = 1,
    kind: str = "Normal",
) -> dict:
    okind, name = obj.split("/")
    return {"kind": "Event", "metadata": {"name": f"{name}.{reason.lower()}", "namespace": "shop"},
            "involvedObject": {"kind": okind, "name": name, "namespace": "shop"},
            "reason": reason, "message": message, "firstTimestamp": _iso(first),
            "lastTimestamp": _iso(last or first), "count": count, "type": kind}  # fmt: skip


def _kube_events(d: Path) -> None:
    d.mkdir(exist_ok=True)
    old, new = "checkout-5a6b7c8d4", "checkout-6b7c8d9e5"
    pod_old, pod_new, pod_back = f"{old}-x9z8q", f"{new}-k2m4p", f"{old}-r8t2w"
    items = [
        _event("Deployment/checkout", "ScalingReplicaSet", f"Scaled up replica set {new} to 1", DEPLOY),
        _event(f"ReplicaSet/{new}", "SuccessfulCreate", f"Created pod: {pod_new}", DEPLOY),
        _event(f"Pod/{pod_new}", "Started", "Started container checkout", DEPLOY + timedelta(seconds=5), OOMS[-1] + timedelta(seconds=4), 7),
        _event("Deployment/checkout", "ScalingReplicaSet", f"Scaled down replica set {old} to 0 from 1", DEPLOY + timedelta(seconds=40)),
        _event(f"ReplicaSet/{old}", "SuccessfulDelete", f"Deleted pod: {pod_old}", DEPLOY + timedelta(seconds=40)),
        _event(f"Pod/{pod_old}", "Killing", "Stopping container checkout", DEPLOY + timedelta(seconds=40)),
        _event(f"Pod/{pod_new}", "BackOff", f"Back-off restarting failed container checkout in pod {pod_new}", OOMS[0] + timedelta(seconds=9), OOMS[-1] + timedelta(seconds=9), 6, "Warning"),
        _event("Deployment/checkout", "ScalingReplicaSet", f"Scaled up replica set {old} to 1", ROLLBACK),
        _event(f"ReplicaSet/{old}", "SuccessfulCreate", f"Created pod: {pod_back}", ROLLBACK),
        _event("Deployment/checkout", "ScalingReplicaSet", f"Scaled down replica set {new} to 0 from 1", ROLLBACK + timedelta(seconds=55)),
        _event(f"ReplicaSet/{new}", "SuccessfulDelete", f"Deleted pod: {pod_new}", ROLLBACK + timedelta(seconds=55)),
        _event(f"Pod/{pod_new}", "Killing", "Stopping container checkout", ROLLBACK + timedelta(seconds=55)),
    ]  # fmt: skip
    for n, k in enumerate(OOMS):
        item = _event(
            "Node/node-3",
            "OOMKilling",
            f"Memory cgroup out of memory: Killed process {4242 + n} (checkout)",
            k,
            kind="Warning",
        )
        item["metadata"]["name"] += f".{n}"
        items.append(item)
    for h in (13, 14, 15):  # the hourly CronJob: noise
        t = DAY.replace(hour=h)
        items.append(_event("CronJob/report", "SuccessfulCreate", f"Created job report-{h}", t))
    (d / "events.json").write_text(json.dumps({"apiVersion": "v1", "kind": "List", "items": items}))


def _alerts(d: Path) -> None:
    d.mkdir(exist_ok=True)
    alert = {"labels": {"alertname": "CheckoutPodRestarting", "severity": "page"},
             "annotations": {"summary": "checkout restarted 3 times in 10 minutes"},
             "fingerprint": "5e1a9c0d2b3f4a67", "startsAt": "2025-03-03T14:08:30Z"}  # fmt: skip
    firing = {**alert, "status": "firing", "endsAt": "0001-01-01T00:00:00Z"}
    resolved = {**alert, "status": "resolved", "endsAt": "2025-03-03T14:40:00Z"}
    payloads = [
        {"version": "4", "status": s["status"], "receiver": "page-checkout", "alerts": [s]}
        for s in (firing, resolved)
    ]
    (d / "notifications.json").write_text(json.dumps(payloads))


def _pagerduty(d: Path) -> None:
    d.mkdir(exist_ok=True)
    inc = {"id": "Q9CHECKOUT0OOM", "type": "incident_reference"}
    bob = {"id": "PBOB123", "type": "user_reference", "summary": "Bob Okafor"}
    am = {"id": "PAM0001", "type": "service_reference", "summary": "Prometheus Alertmanager"}
    entries = [
        {"id": "R1", "type": "trigger_log_entry", "created_at": "2025-03-03T14:08:50Z", "agent": am, "channel": {"type": "api"}, "incident": inc},
        {"id": "R2", "type": "notify_log_entry", "created_at": "2025-03-03T14:08:51Z", "agent": am, "user": bob, "channel": {"type": "sms"}, "incident": inc},
        {"id": "R3", "type": "acknowledge_log_entry", "created_at": "2025-03-03T14:21:00Z", "agent": bob, "channel": {"type": "mobile"}, "incident": inc},
        {"id": "R4", "type": "resolve_log_entry", "created_at": "2025-03-03T14:50:00Z", "agent": bob, "channel": {"type": "web_ui"}, "incident": inc},
    ]  # fmt: skip
    body = {"log_entries": entries[::-1], "limit": 100, "offset": 0, "more": False, "total": 4}
    (d / "log_entries.json").write_text(json.dumps(body))


def _slack(d: Path) -> None:
    chan = d / "inc-checkout-oom"
    chan.mkdir(parents=True, exist_ok=True)
    (d / "channels.json").write_text(json.dumps([{"id": "C0CHK", "name": "inc-checkout-oom"}]))
    users = [("U01BOB", "Bob Okafor"), ("U02MEI", "Mei Lin")]
    (d / "users.json").write_text(json.dumps([{"id": u, "name": n.split()[0].lower(), "real_name": n, "profile": {"real_name": n}} for u, n in users]))  # fmt: skip
    said = [
        ("14:21:40", "U01BOB", "investigating checkout restarts, pods keep dying"),
        ("14:22:30", "U02MEI", "lunch order closes in 10 min"),
        (
            "14:24:00",
            "U01BOB",
            "identified: memory leak in the image cache added in v4.1.0, the pod hits its 512Mi limit every ~4 min",
        ),
        ("14:25:10", "U02MEI", "roll back to v4.0.3?"),
        ("14:27:30", "U01BOB", "rolled back checkout to v4.0.3"),
        ("14:31:00", "U01BOB", "error rate back to normal, no OOM kills since the rollback"),
        ("14:50:20", "U01BOB", "resolved. leak fix tracked in CHK-881"),
    ]
    msgs = [
        {"type": "message", "user": u, "text": text, "ts": f"{at(t).timestamp():.6f}"}
        for t, u, text in said
    ]
    msgs.insert(3, {"type": "message", "subtype": "bot_message", "bot_id": "B0PD", "username": "PagerDuty", "text": "Incident resolved? no - acknowledged by Bob Okafor", "ts": f"{at('14:21:05').timestamp():.6f}"})  # fmt: skip
    (chan / "2025-03-03.json").write_text(json.dumps(msgs))


def _changes(d: Path) -> None:
    d.mkdir(exist_ok=True)
    rows = [
        {"time": _iso(DEPLOY), "service": "checkout", "version": "v4.1.0", "actor": "ci-bot", "description": "checkout v4.1.0: image cache for product thumbnails"},
        {"time": "2025-03-03T13:40:00Z", "service": "search", "version": "v2.0.1", "actor": "ci-bot", "description": "search v2.0.1: synonyms update"},
        {"time": _iso(ROLLBACK), "service": "checkout", "version": "v4.0.3", "actor": "Bob Okafor", "description": "roll back checkout to v4.0.3"},
    ]  # fmt: skip
    (d / "deployments.json").write_text(json.dumps(rows))


def _metrics(d: Path, rng: random.Random) -> None:
    d.mkdir(exist_ok=True)
    ratio, memory = [], []
    for t in _every(15):
        f = failing(t) or failing(t - timedelta(seconds=15)) * 0.6
        ratio.append([t.timestamp(), f"{max(0.0, f + rng.gauss(0.002, 0.0008)):.5f}"])
        since = max([k for k in [DEPLOY, *OOMS] if k <= t], default=START)
        mb = (
            300
            if t < DEPLOY or t >= ROLLBACK_DONE
            else min(512, 200 + (t - since).total_seconds() * 1.3)
        )
        memory.append([t.timestamp(), str(int(mb * 2**20))])
    for name, metric, values in (
        ("error_ratio", {"job": "checkout"}, ratio),
        ("memory_working_set", {"pod": "checkout"}, memory),
    ):
        body = {
            "status": "success",
            "data": {"resultType": "matrix", "result": [{"metric": metric, "values": values}]},
        }
        (d / f"{name}.json").write_text(json.dumps(body))
