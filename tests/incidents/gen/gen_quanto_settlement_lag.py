"""retired12/quanto-settlement-lag (2026-10-14, liveness-probe-on-consumer-progress-rebalance-storm).

settlement-writer 2.31.0 (GitLab deployment 15:24 UTC) adds a liveness probe, /health/live, that reports DOWN
when the Kafka consumer has not committed an offset for 20 s. The group uses the eager range assignor and polls
500 records per batch; every rebalance stops commits in all 12 members for ~40 s. The rolling update itself
causes the expected rebalances; the last one outlasts the probe: at 15:28:12 the kubelet starts failing
liveness probes, kills the containers, each restart makes a member leave and rejoin, which is the next
rebalance - a storm. payments.captured lag grows and merchants' payment statuses and payout balances stop
updating. A restart-count warning (15:36) precedes the lag-age page (15:41, acked 15:44). A wrong hunch
(the fraud team's risk-api deploy at 15:10), "should we roll back?" (no: a rollback restarts every pod again),
the diagnosis; scaling to 6 (15:55) only slows the storm; removing the liveness probe (16:06) ends it, and the
backlog drains until the lag age is normal at 16:31:20 (mitigated); resolved 17:05 after watching.

Evidence: settlement-writer logback lines from all pods (stern-style pod prefix) in America/New_York local time
without offset; kube events; Prometheus query_range; Alertmanager webhook archive back to Oct 11 (daily failing
ledger-export CronJob); PagerDuty log entries; GitLab deployments API lists of two projects; Slack export.
"""
import random
from common import *

rng = random.Random(20261014)
inc = Incident("retired12", "quanto-settlement-lag")
TZ = "America/New_York"
D = "2026-10-14 "
W0, W1 = T(D + "15:00:00"), T(D + "18:00:00")

RISK = T(D + "15:10:40")
DEPLOY0, DEPLOY1 = T(D + "15:24:02"), T(D + "15:27:31")
STARTED = T(D + "15:28:12")
FIRST_KILL = T(D + "15:28:32")
WARN = T(D + "15:36:40")
PAGE_ALERT = T(D + "15:41:10")
PAGE = T(D + "15:41:40")
ACK = T(D + "15:44:05")
WRONG = T(D + "15:46:00")
QUESTION = T(D + "15:47:30")
COMMS = T(D + "15:49:10")
DIAG = T(D + "15:52:20")
SCALE6 = T(D + "15:55:40")
STILL = T(D + "16:03:00")
PATCH = T(D + "16:06:15")
STABLE = T(D + "16:08:30")
MITIGATED = T(D + "16:31:20")
PAGE_OK = T(D + "16:28:40")
RESOLVED = T(D + "17:05:00")
CRONS = [T("2026-10-%02d 15:00:52" % d) for d in (11, 12, 13, 14)]

PODS = ["settlement-writer-7f4c8d9b6-%s" % x for x in ("2xkqp", "4jvmn", "5bzrt", "6hwqe", "8nplc", "9tdfg", "cq2vx", "fk7ms", "hr3wy", "lx8bn", "q6zjd", "wv5ta")]
OLD = ["settlement-writer-5d9b7c6f8-%s" % x for x in ("a7k2p", "b3m9q", "c8n4r", "d2p7s", "e6q1t", "f9r5u", "g4s8v", "h1t3w", "i5u6x", "j8v2y", "k3w7z", "l6x9a")]
NEW = ["settlement-writer-6c1e5a4b3-%s" % x for x in ("3mqtz", "7rkwd", "bn4xs", "gj9pc", "tz2lf", "zy6hv")]
NODE = lambda i: "ip-10-8-%d-%d.ec2.internal" % (32 + i % 3 * 16, 100 + i)

# ---- storm: kill times (each kill -> member leaves -> rebalance)
kills = []
t = FIRST_KILL
while t < SCALE6:
    kills.append((t, rng.randrange(12)))
    t = add(t, seconds=rng.randint(28, 62))
while t < PATCH:
    t = add(t, seconds=rng.randint(150, 260))
    if t < PATCH:
        kills.append((t, rng.randrange(6)))
LAST_KILL = kills[-1][0]


def lag(t):
    base = 300 + 200 * ((int(epoch(t)) // 30 * 7) % 5)
    if t < STARTED:
        return float(base + (3000 if DEPLOY0 <= t < DEPLOY1 else 0))
    if t < STABLE:
        return base + 382.0 * (t - STARTED).total_seconds() * (1.0 if t < SCALE6 else 1.0)
    peak = 382.0 * (STABLE - STARTED).total_seconds()
    return max(float(base), peak * (1 - (t - STABLE).total_seconds() / (MITIGATED - STABLE).total_seconds()))


def lag_age(t):
    return lag(t) / 400.0 if lag(t) > 2000 else 0.8 + 0.3 * ((int(epoch(t)) // 30) % 3)


def rebal(t):
    n = sum(1 for k, _ in kills if add(t, seconds=-300) < k <= t)
    if DEPLOY0 <= t < add(DEPLOY1, seconds=300):
        n += 6
    if PATCH <= t < add(PATCH, seconds=300):
        n += 6
    return n / 5.0


# ---------------------------------------------------------------- settlement-writer log (stern prefix, local NY)
sl = []


def LG(t, pod, lvl, th, lg, msg):
    sl.append((t, "%s settlement-writer %s" % (pod, logback(t, TZ, lvl, th, lg, msg))))


CC = "o.a.k.c.c.internals.ConsumerCoordinator"
TH = "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1"
gen = [1401]
live = {p: p for p in PODS}


def rebalance(t0, members, dur):
    gen[0] += 1
    for i, p in enumerate(members):
        LG(add(t0, seconds=0.3 + i * 0.05), p, "INFO", TH, CC, "[Consumer clientId=settlement-writer-%s, groupId=settlement-writer] Request joining group due to: group is already rebalancing" % p[-5:])
        LG(add(t0, seconds=0.4 + i * 0.05), p, "INFO", TH, CC, "[Consumer clientId=settlement-writer-%s, groupId=settlement-writer] Revoke previously assigned partitions payments.captured-%d, payments.captured-%d, payments.captured-%d, payments.captured-%d" % (p[-5:], i * 4, i * 4 + 1, i * 4 + 2, i * 4 + 3))
    for i, p in enumerate(members):
        LG(add(t0, seconds=dur + i * 0.04), p, "INFO", TH, CC, "[Consumer clientId=settlement-writer-%s, groupId=settlement-writer] Successfully joined group with generation Generation{generationId=%d, memberId='settlement-writer-%s-%s', protocol='range'}" % (p[-5:], gen[0], p[-5:], uuid(p)))


for t in frange(add(W0, seconds=13), W1, 60):
    for i, p in enumerate(OLD if t < DEPLOY0 else PODS[:12] if t < SCALE6 else PODS[:6] if t < add(PATCH, seconds=90) else NEW):
        if rng.random() < (0.06 if STARTED <= t < STABLE else 0.25):
            LG(add(t, seconds=i * 0.7), p, "INFO", "settle-batch-1", "c.q.settlement.BatchWriter", "committed batch records=%d settled=%d lag_hint=%d" % (rng.randint(380, 500), rng.randint(370, 500), int(lag(t) / 12)))
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    LG(t, rng.choice(OLD if t < DEPLOY0 else PODS[:6] if t < add(PATCH, seconds=90) else NEW), "WARN", "settle-batch-1", "c.q.settlement.BatchWriter", "duplicate capture cap_%s ignored (idempotency key exists)" % hexid(rng, 14))
# rolling update: 12 old pods replaced, each step a rebalance
for i in range(12):
    t = add(DEPLOY0, seconds=20 + i * 16.5)
    LG(t, OLD[i], "INFO", "SpringApplicationShutdownHook", "c.q.settlement.SettlementConsumer", "shutting down consumer (SIGTERM)")
    LG(add(t, seconds=2), PODS[i], "INFO", "main", "c.q.settlement.SettlementWriterApplication", "Started SettlementWriterApplication in 9.812 seconds (version 2.31.0)")
    if i % 2 == 1:
        rebalance(add(t, seconds=3), PODS[:i + 1] + OLD[i + 1:], 11.0)
rebalance(add(DEPLOY1, seconds=3), PODS, 44.0)
LG(add(STARTED, seconds=-1), PODS[3], "WARN", "http-nio-8081-exec-2", "c.q.settlement.health.ConsumerProgressHealth", "liveness DOWN: no offset commit for 21s (threshold 20s)")
for kt, idx in kills:
    members = PODS[:12] if kt < SCALE6 else PODS[:6]
    victim = members[idx % len(members)]
    for j in (0, 1):
        p = members[(idx + j * 5) % len(members)]
        LG(add(kt, seconds=-20 + j * 3), p, "WARN", "http-nio-8081-exec-%d" % (j + 1), "c.q.settlement.health.ConsumerProgressHealth", "liveness DOWN: no offset commit for %ds (threshold 20s)" % (21 + j * 3))
    LG(add(kt, seconds=0.2), victim, "INFO", "SpringApplicationShutdownHook", "c.q.settlement.SettlementConsumer", "shutting down consumer (SIGTERM)")
    LG(add(kt, seconds=0.5), victim, "INFO", TH, CC, "[Consumer clientId=settlement-writer-%s, groupId=settlement-writer] Member settlement-writer-%s-%s sending LeaveGroup request to coordinator b-1.msk-pay.use1.quanto.internal:9094 (id: 2147483646 rack: null) due to the consumer is being closed" % (victim[-5:], victim[-5:], uuid(victim)))
    rebalance(add(kt, seconds=1), members, 38.0 if kt < SCALE6 else 24.0)
    LG(add(kt, seconds=31), victim, "INFO", "main", "c.q.settlement.SettlementWriterApplication", "Started SettlementWriterApplication in 9.640 seconds (version 2.31.0)")
    if kt < SCALE6 and rng.random() < 0.3:
        LG(add(kt, seconds=12), members[(idx + 3) % len(members)], "ERROR", TH, CC, "[Consumer clientId=settlement-writer-%s, groupId=settlement-writer] Offset commit failed on partition payments.captured-%d at offset %d: The coordinator is not aware of this member." % (
            members[(idx + 3) % len(members)][-5:], rng.randrange(48), rng.randint(91_000_000, 92_000_000)))
for i in range(6):
    t = add(PATCH, seconds=8 + i * 14)
    LG(add(t, seconds=10), PODS[i], "INFO", "SpringApplicationShutdownHook", "c.q.settlement.SettlementConsumer", "shutting down consumer (SIGTERM)")
    LG(t, NEW[i], "INFO", "main", "c.q.settlement.SettlementWriterApplication", "Started SettlementWriterApplication in 9.702 seconds (version 2.31.0)")
rebalance(add(STABLE, seconds=-30), NEW, 30.0)
inc.lines("settlement-writer.log", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---------------------------------------------------------------- kube events
k = Kube(rng)
NS = "settlement"
k.ev(DEPLOY0, NS, "Deployment", "settlement-writer", "ScalingReplicaSet", "Scaled up replica set settlement-writer-7f4c8d9b6 to 3", component="deployment-controller")
k.ev(DEPLOY1, NS, "Deployment", "settlement-writer", "ScalingReplicaSet", "Scaled down replica set settlement-writer-5d9b7c6f8 to 0 from 1", component="deployment-controller")
agg = {}
for kt, idx in kills:
    members = PODS[:12] if kt < SCALE6 else PODS[:6]
    i = idx % len(members)
    p = members[i]
    first = STARTED if (kt, idx) == kills[0] else add(kt, seconds=-20)
    for reason, t_, n in (("Unhealthy", add(kt, seconds=-1), 3), ("Killing", kt, 1), ("Started", add(kt, seconds=21), 1)):
        a = agg.setdefault((p, reason), [first if reason == "Unhealthy" else t_, t_, 0, i])
        a[1], a[2] = t_, a[2] + n
for (p, reason), (first, last, n, i) in sorted(agg.items(), key=lambda x: x[1][0]):
    msg = {"Unhealthy": "Liveness probe failed: HTTP probe failed with statuscode: 503",
           "Killing": "Container settlement-writer failed liveness probe, will be restarted",
           "Started": "Started container settlement-writer"}[reason]
    k.ev(last, NS, "Pod", p, reason, msg, type_="Warning" if reason == "Unhealthy" else "Normal", host=NODE(i), count=n, first=first)
k.ev(SCALE6, NS, "Deployment", "settlement-writer", "ScalingReplicaSet", "Scaled down replica set settlement-writer-7f4c8d9b6 to 6 from 12", component="deployment-controller")
k.ev(PATCH, NS, "Deployment", "settlement-writer", "ScalingReplicaSet", "Scaled up replica set settlement-writer-6c1e5a4b3 to 2", component="deployment-controller")
k.ev(add(PATCH, seconds=90), NS, "Deployment", "settlement-writer", "ScalingReplicaSet", "Scaled down replica set settlement-writer-7f4c8d9b6 to 0 from 1", component="deployment-controller")
cj = CRONS[-1]
k.ev(add(cj, seconds=-52), NS, "CronJob", "ledger-export", "SuccessfulCreate", "Created job ledger-export-29341500", component="cronjob-controller")
k.ev(cj, NS, "Job", "ledger-export-29341500", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("k8s/settlement-events.json", k.core_list())

# ---------------------------------------------------------------- Prometheus query_range
inc.json("prometheus/settlement.json", query_range([
    ({"consumergroup": "settlement-writer", "topic": "payments.captured", "__name__": "kafka_consumergroup_lag_sum"}, lag),
    ({"consumergroup": "settlement-writer", "__name__": "settlement:lag_age_seconds:max"}, lag_age),
    ({"consumergroup": "settlement-writer", "__name__": "settlement:rebalances:rate5m_per_min"}, rebal),
], W0, W1, 30, fmt="%.1f"))

# ---------------------------------------------------------------- Alertmanager webhook archive
hk = []


def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts, group_by=("alertname", "namespace")))))


wl = {"severity": "warning", "team": "payments-core", "namespace": "settlement", "deployment": "settlement-writer"}
H(add(WARN, seconds=20), "slack-payments", [am_alert("SettlementWriterRestarting", wl, "settlement-writer containers restarted 7 times in 10m", WARN)])
H(T(D + "16:16:50"), "slack-payments", [am_alert("SettlementWriterRestarting", wl, "settlement-writer containers restarted 7 times in 10m", WARN, T(D + "16:16:40"))])
pl = {"severity": "critical", "team": "payments-core", "namespace": "settlement", "consumergroup": "settlement-writer"}
H(add(PAGE_ALERT, seconds=25), "pagerduty-payments", [am_alert("SettlementLagAgeHigh", pl, "settlement-writer is 312s behind on payments.captured", PAGE_ALERT)])
H(add(PAGE_OK, seconds=10), "pagerduty-payments", [am_alert("SettlementLagAgeHigh", pl, "settlement-writer is 312s behind on payments.captured", PAGE_ALERT, PAGE_OK)])
for cr in CRONS:
    a = am_alert("KubeJobFailed", {"severity": "warning", "team": "payments-core", "namespace": "settlement", "job_name": "ledger-export-%d" % int(epoch(cr) // 60)},
                 "Job settlement/ledger-export failed to complete", add(cr, seconds=38))
    H(add(cr, minutes=1), "slack-payments", [a])
bl = {"severity": "warning", "team": "platform-streaming", "cluster": "msk-pay-use1", "broker": "b-3"}
for a0, a1 in [("15:12:20", "15:19:50"), ("16:20:10", "16:26:40"), ("17:31:00", "17:36:30")]:
    H(add(T(D + a0), seconds=20), "slack-streaming", [am_alert("KafkaUnderReplicatedPartitions", bl, "b-3 has under-replicated partitions", T(D + a0))])
    H(add(T(D + a1), seconds=20), "slack-streaming", [am_alert("KafkaUnderReplicatedPartitions", bl, "b-3 has under-replicated partitions", T(D + a0), T(D + a1))])
inc.lines("alertmanager-archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---------------------------------------------------------------- PagerDuty log entries
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PQAM001", "summary": "Alertmanager us-east-1",
         "self": "https://api.pagerduty.com/services/PPAYC01/integrations/PQAM001"}
pd = PD(18834, "SettlementLagAgeHigh settlement-writer is 312s behind on payments.captured", "payments-core", "PPAYC01", "Payments Core")
dana = PD.user("Dana Whitfield", "PDANA01")
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Dana Whitfield by push notification.", user=dana,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Whitfield.", acknowledgement_timeout=1800)
pd.add(add(SCALE6, seconds=30), "annotate_log_entry", dana, {"type": "web_ui", "summary": "scaled to 6 to shorten rebalances"}, "Note added")
pd.add(add(PATCH, seconds=40), "annotate_log_entry", dana, {"type": "web_ui", "summary": "liveness probe removed, storm over, draining"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Whitfield.")
inc.json("pagerduty.json", pd.export())

# ---------------------------------------------------------------- GitLab deployments (two projects)
def dep(i, t0, t1, ref, sha, user, title):
    return {"id": 771200 + i, "iid": 400 + i, "ref": ref, "sha": sha, "created_at": iso(t0, ms=True), "updated_at": iso(t1, ms=True),
            "status": "success", "user": {"id": 3100 + len(user), "username": user, "name": user.replace(".", " ").title(), "state": "active"},
            "environment": {"id": 88, "name": "production", "external_url": None},
            "deployable": {"id": 9_412_000 + i, "status": "success", "stage": "deploy", "name": "deploy:production", "ref": ref, "tag": False,
                           "created_at": iso(add(t0, seconds=-300), ms=True), "started_at": iso(t0, ms=True), "finished_at": iso(t1, ms=True),
                           "duration": (t1 - t0).total_seconds(),
                           "commit": {"id": sha, "short_id": sha[:8], "title": title, "created_at": iso(add(t0, hours=-2))}}}


import hashlib
sha = lambda s: hashlib.sha1(s.encode()).hexdigest()
inc.json("gitlab-deployments.json", {
    "payments/settlement-writer": [
        dep(2, DEPLOY0, DEPLOY1, "v2.31.0", sha("sw2310"), "marcus.lee", "health: liveness reflects consumer progress (no commit in 20s => DOWN)"),
        dep(1, T("2026-10-09 14:02:11"), T("2026-10-09 14:05:40"), "v2.30.2", sha("sw2302"), "marcus.lee", "bump kafka-clients to 3.7.1"),
    ],
    "risk/risk-api": [
        dep(7, RISK, add(RISK, seconds=184), "v3.9.0", sha("risk390"), "ines.okafor", "model: add merchant velocity features"),
        dep(6, T("2026-10-13 19:20:03"), T("2026-10-13 19:23:10"), "v3.8.4", sha("risk384"), "ines.okafor", "fix: timeout on feature store"),
    ],
})

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r in [("U5DANA", "dana.w", "Dana Whitfield"), ("U5MARC", "marcus.lee", "Marcus Lee"), ("U5PRIY", "priya.r", "Priya Raman"),
                ("U5TOM", "tom.h", "Tom Hale"), ("U5INES", "ines.okafor", "Ines Okafor")]:
    s.user(u, n, r, TZ)
s.channel("C5PAY", "payments-alerts", "")
s.channel("C5INC", "inc-18834-settlement", "")
s.channel("C5MSUP", "merchant-support", "")
s.bot("payments-alerts", add(WARN, seconds=21), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "SettlementWriterRestarting", "settlement-writer containers restarted 7 times in 10m", color="warning"))
s.say("payments-alerts", add(WARN, seconds=140), "U5MARC", "restarts on settlement-writer after 2.31.0, probably the rollout settling, watching")
ch = "inc-18834-settlement"
s.say(ch, add(ACK, seconds=35), "U5DANA", "acked. settlement lag 5 min and growing, pods restarting constantly")
s.say(ch, WRONG, "U5TOM", "risk-api shipped 3.9.0 at 15:10 with new model features - are the risk calls slowing the batches down?")
s.say(ch, add(WRONG, seconds=60), "U5INES", "risk-api p99 is 38ms, same as yesterday")
s.say(ch, QUESTION, "U5MARC", "should we roll back 2.31.0?")
s.say(ch, add(QUESTION, seconds=50), "U5DANA", "a rollback restarts all 12 pods = 12 more rebalances. let's understand it first")
s.say(ch, DIAG, "U5PRIY", "it's the new liveness probe: /health/live goes DOWN after 20s without a commit, and with the eager range assignor every rebalance stops commits for ~40s. kubelet kills the pod, it leaves the group, that's the next rebalance. a storm")
s.say(ch, add(DIAG, seconds=150), "U5DANA", "scaling to 6 so rebalances are shorter")
s.say(ch, STILL, "U5DANA", "6 pods: fewer kills but still restarting every few minutes, lag still growing")
s.say(ch, add(PATCH, seconds=-40), "U5PRIY", "removing the livenessProbe: kubectl patch deploy settlement-writer --type json -p '[{\"op\":\"remove\",\"path\":\"/spec/template/spec/containers/0/livenessProbe\"}]'")
s.say(ch, add(STABLE, seconds=60), "U5DANA", "generation stable for 2 min, no restarts. lag draining ~680/s")
s.say(ch, add(MITIGATED, seconds=50), "U5DANA", "lag back to zero, payment statuses current again")
s.say(ch, add(RESOLVED, seconds=-40), "U5DANA", "resolving. 2.31.1 tomorrow with readiness-only + cooperative-sticky, then back to 12")
s.say("merchant-support", COMMS, "U5TOM", "status page posted: 'Payment status updates and payout balances are delayed. Payments are being accepted normally.'")
s.say("merchant-support", add(MITIGATED, seconds=300), "U5TOM", "status page: 'Payment status updates are current again, monitoring'")
s.write(inc, "slack")

inc.truth(
    "quanto-settlement-lag", "liveness-probe-on-consumer-progress-rebalance-storm",
    "settlement-writer 2.31.0 added a liveness probe that fails after 20s without a commit; every eager rebalance outlasted it, so\n"
    "kubelet restarts caused more rebalances and settlement lag grew; scaling to 6 only slowed it, removing the probe ended it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DEPLOY0, "change", "settlement-writer v2.31.0 deployed (liveness on consumer progress)", "gitlab-deployments.json", 60),
     (STARTED, "first_symptom", "first liveness probe failure 503", "k8s/settlement-events.json", 60),
     (WARN, "alert_fired", "SettlementWriterRestarting warning", "alertmanager-archive.ndjson", 60),
     (PAGE, "paged", "PagerDuty #18834 SettlementLagAgeHigh triggered", "pagerduty.json", 60),
     (ACK, "acknowledged", "Dana acknowledges", "pagerduty.json", 60),
     (COMMS, "communication", "status page: payment status updates delayed", "slack", 90),
     (DIAG, "diagnosis", "Priya: liveness probe fails during eager rebalances, kills cause the next rebalance", "slack", 90),
     (SCALE6, "mitigation", "scaled 12 -> 6 (only slows the storm)", "k8s/settlement-events.json", 60),
     (PATCH, "mitigation", "livenessProbe removed by kubectl patch", "k8s/settlement-events.json", 60),
     (MITIGATED, "recovery", "backlog drained, lag back to baseline", "prometheus/settlement.json", 90),
     (PAGE_OK, "alert_resolved", "SettlementLagAgeHigh resolved", "alertmanager-archive.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #18834 resolved", "pagerduty.json", 60)],
    [(CRONS[-1], "ledger-export CronJob fails daily at 15:00 (KubeJobFailed also Oct 11-13)", "alertmanager-archive.ndjson"),
     (RISK, "risk-api v3.9.0 deploy (fraud team)", "gitlab-deployments.json"),
     (T(D + "15:12:20"), "KafkaUnderReplicatedPartitions b-3 flapping (streaming platform team)", "alertmanager-archive.ndjson"),
     (WRONG, "wrong hunch: risk-api deploy slowing batches", "slack"),
     (QUESTION, "'should we roll back 2.31.0?' question", "slack"),
     (add(WARN, seconds=140), "'probably the rollout settling' dismissal", "slack"),
     (T(D + "16:00:00"), "steady duplicate-capture warnings all window", "settlement-writer.log")],
    [("settlement-writer.log", "logs", TZ), ("k8s/settlement-events.json", "kube-events"), ("prometheus/settlement.json", "prometheus-query-range"),
     ("alertmanager-archive.ndjson", "alertmanager-webhook"), ("pagerduty.json", "pagerduty-log-entries"),
     ("gitlab-deployments.json", "deploys"), ("slack", "slack-export")])
