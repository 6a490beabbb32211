"""retired10 / dishdash-mq-psp-replay (2026-07-02): after a day-long delay on its side, the payment provider
replays ~6 hours of queued payment notifications at ~2,500/s; psp-notify publishes each one into RabbitMQ, the
four notification workers drain 60/s, payments.notifications grows to 1.2M messages and mq-1 hits its memory
watermark. The alarm blocks every publisher on the cluster; three minutes later checkout-api's publish buffer
is full and orders fail with 503 until the notification workers are scaled from 4 to 40 and the alarm clears."""
import json
import random
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa

rng = random.Random(70226)
inc = Incident("retired10", "dishdash-mq-psp-replay")
D = "2026-07-02 "
REPLAY = T(D + "13:58:05")
ALARM = T(D + "14:06:12")
AM_ALARM = T(D + "14:07:12")
PAGE = T(D + "14:07:17")
BACKLOG = T(D + "14:08:30")
FIRST_503 = T(D + "14:09:31")
ACK = T(D + "14:10:02")
CO_ALERT = T(D + "14:11:40")
CO_PAGE = T(D + "14:11:45")
CO_ACK = T(D + "14:12:31")
DIAG1 = T(D + "14:16:50")
DIAG2 = T(D + "14:19:40")
STATUS = T(D + "14:20:30")
OTHER = T(D + "14:21:30")
SCALE = T(D + "14:23:05")
CLEAR = T(D + "14:29:48")
MITIG = T(D + "14:29:50")
RESOLVED = T(D + "15:24:10")
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")
WATERMARK = 6871947673  # 0.4 * 16 GiB

# ---------------------------------------------------------------- queue model (per 30 s)
def depth(t):
    s = (t - REPLAY).total_seconds()
    if s <= 0:
        return 40 + 25 * ((int(epoch(t)) // 30) % 5)
    if t < ALARM:
        return 40 + (2500 - 60) * s
    peak = 40 + (2500 - 60) * (ALARM - REPLAY).total_seconds()
    s2 = (t - ALARM).total_seconds()
    if t < SCALE:
        return peak - 60 * s2
    d_scale = peak - 60 * (SCALE - ALARM).total_seconds()
    s3 = (t - SCALE).total_seconds()
    ramp = min(s3, 120)
    drained = 60 * ramp + 600 * ramp / 2 + max(0, s3 - 120) * 660
    if t >= CLEAR:  # publishing resumes, replay continues at a lower rate the PSP switched to
        drained -= (t - CLEAR).total_seconds() * 300
    v = d_scale - drained
    return max(v, 30 + 20 * ((int(epoch(t)) // 30) % 4))
def mem(t):
    d = depth(t)
    return 1.92e9 + d * 4170.0
assert mem(ALARM) > WATERMARK > mem(add(ALARM, seconds=-31)), (mem(ALARM), mem(add(ALARM, seconds=-31)))

series = [({"__name__": "rabbitmq_queue_messages_ready", "instance": "mq-1:15692", "job": "rabbitmq", "vhost": "/", "queue": "payments.notifications"},
           lambda t: float(int(depth(t))))]
for q, base in (("orders.created", 12), ("emails.transactional", 55), ("menu.sync", 3)):
    def f(t, q=q, base=base):
        if ALARM <= t < CLEAR:
            return 0.0
        return float(base + (int(epoch(t)) // 30 * 7 + len(q)) % (base + 3))
    series.append(({"__name__": "rabbitmq_queue_messages_ready", "instance": "mq-1:15692", "job": "rabbitmq", "vhost": "/", "queue": q}, f))
inc.json("mq-ready-13-16.json", query_range(series, W0, W1, 30, fmt="%.0f"))

# ---------------------------------------------------------------- RabbitMQ log (reaches back two days)
def rl(t, lvl, pid, msg):
    return "%s+00:00 [%s] <0.%d.0> %s" % (t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"), lvl, pid, msg)
L = []
for day in ("2026-06-30", "2026-07-01", "2026-07-02"):
    t = add(T(day + " 03:00:02"), seconds=rng.randint(0, 20))
    p = rng.randint(20000, 90000)
    L.append(rl(t, "info", p, "accepting AMQP connection 10.20.7.%d:%d -> 10.20.0.11:5672" % (rng.randint(10, 90), rng.randint(30000, 60000))))
    L.append(rl(add(t, seconds=0.004), "error", p, "Error on AMQP connection <0.%d.0> (10.20.7.44:51932 -> 10.20.0.11:5672, state: starting):" % p))
    L.append(rl(add(t, seconds=0.005), "error", p, "PLAIN login refused: user 'reporting-export' - invalid credentials"))
# benign steady: client closed connections
for t in poisson_times(rng, T("2026-06-30 00:00:00"), W1, 1 / 1500):
    p = rng.randint(20000, 990000)
    L.append(rl(t, "warning", p, "closing AMQP connection <0.%d.0> (10.20.%d.%d:%d -> 10.20.0.11:5672, vhost: '/', user: '%s'):" %
                (p, rng.randint(4, 9), rng.randint(10, 200), rng.randint(30000, 60000), rng.choice(["menu-sync", "courier-events", "emails"]))))
    L.append(rl(add(t, seconds=0.0002), "warning", p, "client unexpectedly closed TCP connection"))
L.append(rl(ALARM, "warning", 489, "memory resource limit alarm set on node 'rabbit@mq-1'."))
L.append(rl(add(ALARM, seconds=0.0001), "warning", 489, ""))
L.append(rl(add(ALARM, seconds=0.0002), "warning", 489, "**********************************************************"))
L.append(rl(add(ALARM, seconds=0.0003), "warning", 489, "*** Publishers will be blocked until this alarm clears ***"))
L.append(rl(add(ALARM, seconds=0.0004), "warning", 489, "**********************************************************"))
L.append(rl(add(ALARM, seconds=0.0005), "warning", 489, ""))
L.append(rl(add(ALARM, seconds=0.02), "info", 514, "vm_memory_high_watermark set. Memory used:6872104960 allowed:6871947673"))
L.append(rl(CLEAR, "info", 514, "vm_memory_high_watermark clear. Memory used:6860011520 allowed:6871947673"))
L.append(rl(add(CLEAR, seconds=0.001), "warning", 489, "memory resource limit alarm cleared on node 'rabbit@mq-1'"))
L.append(rl(add(CLEAR, seconds=0.002), "warning", 489, "memory resource limit alarm cleared across the cluster"))
for i in range(36):  # new worker connections after scale-up
    t = add(SCALE, seconds=9 + i * 1.7 + rng.random())
    L.append(rl(t, "info", 700000 + i * 13, "accepting AMQP connection 10.20.%d.%d:%d -> 10.20.0.11:5672" % (rng.randint(4, 9), rng.randint(10, 200), rng.randint(30000, 60000))))
    L.append(rl(add(t, seconds=0.003), "info", 700000 + i * 13, "connection 10.20.x -> 10.20.0.11:5672 - payments-notify-worker: user 'payments' authenticated and granted access to vhost '/'"))
L.sort()
inc.lines("rabbit@mq-1.log", L)

# ---------------------------------------------------------------- edge access log (checkout)
A = []
UA = ["Dishdash/8.14.1 (iPhone; iOS 19.5)", "Dishdash/8.14.0 (Android 16; Pixel 9)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/138.0 Safari/537.36"]
for t in sorted(poisson_times(rng, W0, W1, 0.28) + [FIRST_503, MITIG]):
    ip = "%d.%d.%d.%d" % (rng.choice([31, 46, 81, 86, 92]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254))
    r = rng.random()
    if r < 0.55:
        path, meth = "/api/v2/checkout", "POST"
        bad = FIRST_503 <= t < MITIG
        if bad:
            A.append((t, nginx(t, ip, meth, path, 503, 118, rng.choice(UA), rt=rng.uniform(2.9, 3.1))))
        else:
            A.append((t, nginx(t, ip, meth, path, 200 if rng.random() > 0.004 else 402, rng.randint(880, 1500), rng.choice(UA), rt=rng.uniform(0.18, 0.62))))
    elif r < 0.8:
        A.append((t, nginx(t, ip, "GET", "/api/v2/orders/%d/status" % rng.randint(52_000_000, 52_999_999), 200, rng.randint(300, 600), rng.choice(UA), rt=rng.uniform(0.01, 0.05))))
    elif r < 0.97:
        ok = rng.random() > 0.07
        A.append((t, nginx(t, ip, "POST", "/api/v2/promo/validate", 200 if ok else 504, 210 if ok else 176, rng.choice(UA), rt=rng.uniform(0.05, 0.2) if ok else 2.001)))
    else:
        A.append((t, nginx(t, ip, "GET", "/api/v2/restaurants/%d/menu" % rng.randint(1000, 9999), 404, 96, rng.choice(UA), rt=0.004)))
A.sort(key=lambda x: x[0])
inc.lines("edge-co-2.access.log", [a for _, a in A])

# ---------------------------------------------------------------- kube events (events.k8s.io/v1)
k = Kube(rng)
k.ev(SCALE, "payments", "Deployment", "payments-notify-worker", "ScalingReplicaSet", "Scaled up replica set payments-notify-worker-6d4f8b7c95 to 40 from 4", component="deployment-controller")
for i in range(6):
    k.pod_start(add(SCALE, seconds=1 + i * 3), "payments", "payments-notify-worker-6d4f8b7c95-%s" % uid("w%d" % i, 5),
                "ip-10-20-%d-%d.eu-west-1.compute.internal" % (4 + i % 5, 30 + i), "registry.dishdash.internal/payments-notify-worker:1.22.4", "worker")
k.ev(add(SCALE, seconds=2), "payments", "Pod", "payments-notify-worker-6d4f8b7c95-" + uid("w39", 5), "FailedScheduling",
     "0/18 nodes are available: 18 Insufficient cpu. preemption: 0/18 nodes are available: 18 No preemption victims found for incoming pod.",
     type_="Warning", component="default-scheduler")
k.ev(add(SCALE, seconds=58), "kube-system", "Node", "ip-10-20-9-201.eu-west-1.compute.internal", "RegisteredNode",
     "Node ip-10-20-9-201.eu-west-1.compute.internal event: Registered Node ip-10-20-9-201.eu-west-1.compute.internal in Controller", component="node-controller")
k.ev(T(D + "15:20:12"), "payments", "Deployment", "payments-notify-worker", "ScalingReplicaSet", "Scaled down replica set payments-notify-worker-6d4f8b7c95 to 8 from 40", component="deployment-controller")
k.ev(OTHER, "notifications", "Deployment", "notifications-svc", "ScalingReplicaSet", "Scaled up replica set notifications-svc-84b9c6d5f7 to 1 from 0", component="deployment-controller")
k.pod_start(add(OTHER, seconds=1), "notifications", "notifications-svc-84b9c6d5f7-qx8kz", "ip-10-20-6-77.eu-west-1.compute.internal",
            "registry.dishdash.internal/notifications-svc:4.3.0", "notifications-svc")
for i, t in enumerate(frange(T(D + "13:05:00"), W1, 900)):
    k.ev(t, "growth", "Pod", "coupon-indexer-%s" % uid("c%d" % i, 5), "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
         type_="Warning", host="ip-10-20-5-12.eu-west-1.compute.internal")
inc.json("k8s-events-prod-eu.json", k.v1_list())

# ---------------------------------------------------------------- Alertmanager API snapshot
al = [
    amtool_alert("RabbitMQMemoryAlarm", {"severity": "critical", "team": "platform", "instance": "mq-1:15692", "node": "rabbit@mq-1", "cluster": "mq-prod"},
                 "RabbitMQ memory alarm on rabbit@mq-1: publishers are blocked", AM_ALARM, T(D + "14:17:42"), receivers=("pagerduty-messaging",)),
    amtool_alert("RabbitMQQueueBacklog", {"severity": "warning", "team": "payments", "queue": "payments.notifications", "vhost": "/"},
                 "payments.notifications has more than 100000 ready messages", BACKLOG, T(D + "14:17:42"), receivers=("slack-payments",)),
    amtool_alert("CheckoutErrorRate", {"severity": "page", "team": "checkout", "service": "checkout-api"},
                 "checkout-api 5xx ratio is 41%", CO_ALERT, T(D + "14:17:42"), receivers=("pagerduty-checkout",)),
    amtool_alert("RedisReplicationBroken", {"severity": "warning", "team": "sessions", "instance": "sessions-redis-2:9121"},
                 "sessions-redis-2 replica link down", T(D + "14:15:10"), T(D + "14:17:42"), receivers=("slack-sessions",)),
    amtool_alert("CertificateExpiresSoon", {"severity": "info", "team": "platform", "namespace": "partners", "certificate": "partners-api-tls"},
                 "partners-api-tls expires in 13 days", T("2026-06-19 08:00:10"), T(D + "14:17:42"), receivers=("slack-platform",),
                 state="suppressed", silenced_by=(uuid("silence-cert"),)),
    amtool_alert("Watchdog", {"severity": "none", "team": "platform"}, "Alerting pipeline is healthy", T("2026-06-28 11:02:00"), T(D + "14:17:42"), receivers=("deadmans-switch",)),
]
inc.json("am-alerts-1417.json", al)

# ---------------------------------------------------------------- PagerDuty webhooks (v2)
pd = PD(3391, "RabbitMQMemoryAlarm: RabbitMQ memory alarm on rabbit@mq-1", "messaging-platform", "PMSG0Q1", "Platform Primary")
nils = PD.user("Nils Berg", "PNBERG1")
ana = PD.user("Ana Ruiz", "PARUIZ2")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMMQ01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", nils, {"type": "mobile"}, "Acknowledged by Nils Berg.")
pd.add(T(D + "14:34:10"), "annotate_log_entry", nils, {"type": "web_ui"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", nils, {"type": "web_ui"}, "Resolved by Nils Berg.")
pd2 = PD(3392, "CheckoutErrorRate: checkout-api 5xx ratio is 41%", "checkout-api", "PCHK0Q2", "Checkout Primary")
pd2.add(CO_PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd2.add(CO_ACK, "acknowledge_log_entry", ana, {"type": "mobile"}, "Acknowledged by Ana Ruiz.")
pd2.add(T(D + "14:36:02"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
pd3 = PD(3389, "RedisReplicationBroken: sessions-redis-2 replica link down", "sessions-cache", "PSES0Q3", "Sessions")
pd3.add(T(D + "13:21:40"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd3.add(T(D + "13:24:40"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
pd3.add(T(D + "14:15:15"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd3.add(T(D + "14:19:15"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
bodies = (pd_webhook_v2_bodies(pd, 3391, "RabbitMQMemoryAlarm: RabbitMQ memory alarm on rabbit@mq-1", PAGE)
          + pd_webhook_v2_bodies(pd2, 3392, "CheckoutErrorRate: checkout-api 5xx ratio is 41%", CO_PAGE)
          + pd_webhook_v2_bodies(pd3, 3389, "RedisReplicationBroken: sessions-redis-2 replica link down", T(D + "13:21:40"), urgency="low"))
bodies.sort(key=lambda b: b["messages"][0]["created_on"])
inc.lines("pd-hooks.ndjson", [jline(b) for b in bodies])

# ---------------------------------------------------------------- Slack
s = Slack()
s.user("U11NBERG", "nils", "Nils Berg", tz="Europe/Stockholm")
s.user("U12ARUIZ", "ana", "Ana Ruiz", tz="Europe/Madrid")
s.user("U13TOKON", "tomi", "Tomi Okonkwo")
s.user("U14PAYM", "priya", "Priya Raman")
s.user("U15COMMS", "hannah", "Hannah Weiss", tz="Europe/Berlin")
s.channel("C1INCMQ", "incident-0702-checkout", "checkout failures 2 July", created=T(D + "14:12:50"))
s.channel("C1PAYTEAM", "team-payments", "payments team", created=T("2024-11-01 09:00:00"))
s.say("team-payments", T(D + "13:20:14"), "U14PAYM", "FYI the PSP's status page still shows 'Delayed payment notifications' since 08:10 UTC. our pending-capture list is long but everything else is fine")
s.say("team-payments", T(D + "14:02:33"), "U14PAYM", "psp-notify is suddenly getting a LOT of notification POSTs, looks like they're catching up")
s.say("incident-0702-checkout", T(D + "14:13:05"), "U12ARUIZ", "checkout returning 503 'order could not be placed' since ~14:09. logs: AMQP publish buffer full (400/400)")
s.say("incident-0702-checkout", T(D + "14:13:48"), "U13TOKON", "was there a checkout deploy today? 2026.07.02-1 went out at 09:40")
s.say("incident-0702-checkout", T(D + "14:14:30"), "U13TOKON", "should we roll back checkout to 2026.07.01-3?")
s.say("incident-0702-checkout", T(D + "14:15:20"), "U12ARUIZ", "that's been fine for 4.5 hours, I doubt it")
s.say("incident-0702-checkout", DIAG1, "U11NBERG", "rabbit@mq-1 is over its memory watermark since 14:06 — payments.notifications has ~1.2M ready messages, every publisher in the cluster is blocked, so checkout's publish buffer filled up")
s.say("incident-0702-checkout", T(D + "14:18:02"), "U13TOKON", "could it be the sessions redis thing from earlier? it alerted again")
s.say("incident-0702-checkout", T(D + "14:18:40"), "U11NBERG", "no, that's sessions' replica, unrelated")
s.say("incident-0702-checkout", DIAG2, "U14PAYM", "it's the PSP replaying their backlog: ~2,500 notifications/s since 13:58, our 4 notify workers do ~60/s. their status page now says 'queued notifications are being delivered'")
s.say("incident-0702-checkout", STATUS, "U15COMMS", "status page posted: 'Some orders cannot be placed right now. We're working on it.'")
s.say("incident-0702-checkout", T(D + "14:21:55"), "U11NBERG", "options: raise the watermark (mq-1 has 16G, risky) or drain faster. scaling payments-notify-worker to 40, the PSP db can take it")
s.say("incident-0702-checkout", T(D + "14:23:20"), "U11NBERG", "scaled payments-notify-worker 4 -> 40. one node being added by the autoscaler for the rest")
s.say("incident-0702-checkout", T(D + "14:25:40"), "U14PAYM", "asked the PSP account manager to throttle the redelivery to our endpoint")
s.say("incident-0702-checkout", T(D + "14:30:12"), "U11NBERG", "alarm cleared at 14:29:48, publishers unblocked")
s.say("incident-0702-checkout", T(D + "14:31:30"), "U12ARUIZ", "checkout 200s again, no 503 since 14:29:50")
s.say("incident-0702-checkout", T(D + "14:40:05"), "U15COMMS", "status page updated to monitoring")
s.say("incident-0702-checkout", T(D + "15:12:40"), "U14PAYM", "payments.notifications drained")
s.say("incident-0702-checkout", T(D + "15:24:30"), "U11NBERG", "workers back to 8, resolving. follow-up: separate vhost/cluster for PSP notifications, max-length + overflow on that queue")
s.write(inc, "slack")

# ---------------------------------------------------------------- truth
SL = "slack"
inc.truth(
    "dishdash-mq-psp-replay", "provider-webhook-replay-queue-memory-alarm-blocks-publishers",
    """The PSP replays six hours of delayed payment notifications at ~2,500/s; payments.notifications fills and RabbitMQ mq-1 hits
its memory watermark, blocking every publisher; checkout's publish buffer fills and orders fail with 503 until the notification workers are scaled 4->40.""",
    (T(D + "13:00:00"), T(D + "16:00:00")),
    {"started": ALARM, "detected": AM_ALARM, "acknowledged": ACK, "mitigated": MITIG, "resolved": RESOLVED},
    [
        (ALARM, "first_symptom", "memory resource limit alarm set on rabbit@mq-1; publishers blocked", "rabbit@mq-1.log"),
        (AM_ALARM, "alert_fired", "RabbitMQMemoryAlarm fires", "am-alerts-1417.json"),
        (PAGE, "paged", "PagerDuty #3391 (messaging) triggered", "pd-hooks.ndjson"),
        (FIRST_503, "first_symptom", "first checkout 503 (publish buffer full)", "edge-co-2.access.log"),
        (ACK, "acknowledged", "Nils Berg acknowledges #3391", "pd-hooks.ndjson"),
        (CO_ALERT, "alert_fired", "CheckoutErrorRate fires", "am-alerts-1417.json"),
        (DIAG1, "diagnosis", "Nils: mq-1 over memory watermark, 1.2M ready in payments.notifications, all publishers blocked", SL),
        (DIAG2, "diagnosis", "Priya: PSP replaying its backlog at ~2,500/s, workers do 60/s", SL),
        (SCALE, "mitigation", "payments-notify-worker scaled 4 -> 40", "k8s-events-prod-eu.json"),
        (CLEAR, "recovery", "memory alarm cleared, publishers unblocked", "rabbit@mq-1.log"),
        (RESOLVED, "resolved", "PagerDuty #3391 resolved", "pd-hooks.ndjson"),
    ],
    [
        (T(D + "14:14:30"), "question 'should we roll back checkout to 2026.07.01-3?' (not an action)", SL),
        (T(D + "14:13:48"), "wrong hunch: this morning's checkout deploy", SL),
        (T(D + "14:18:02"), "wrong hunch: sessions redis replication alert", SL),
        (OTHER, "notifications team's notifications-svc 4.3.0 rollout", "k8s-events-prod-eu.json"),
        (T(D + "13:21:40"), "RedisReplicationBroken sessions-redis-2 flapping (sessions team)", "pd-hooks.ndjson"),
        (T(D + "14:15:10"), "RedisReplicationBroken sessions-redis-2 fires again", "am-alerts-1417.json"),
        (T("2026-06-19 08:00:10"), "CertificateExpiresSoon partners-api-tls (silenced)", "am-alerts-1417.json"),
        (T(D + "03:00:10"), "nightly reporting-export AMQP login refused, every day", "rabbit@mq-1.log"),
        (T(D + "13:05:00"), "coupon-indexer readiness failures every 15 min", "k8s-events-prod-eu.json"),
        (T(D + "13:10:00"), "steady promo/validate 504s through the window", "edge-co-2.access.log"),
        (REPLAY, "PSP starts replaying notifications (external trigger, not a failure of ours)", "mq-ready-13-16.json"),
    ],
    [("rabbit@mq-1.log", "logs"), ("edge-co-2.access.log", "logs"), ("mq-ready-13-16.json", "prometheus-query-range"),
     ("k8s-events-prod-eu.json", "kube-events"), ("am-alerts-1417.json", "alertmanager-api-alerts"),
     ("pd-hooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")],
)
