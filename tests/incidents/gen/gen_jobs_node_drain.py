"""retired5/jobs-node-drain: a GKE node-pool migration drains all jobs-pool-1 nodes at once; notify-consumer has no
PodDisruptionBudget and a nodeSelector on the old pool, so all replicas go and stay Pending; the order-confirmation
queue backs up until the consumers are moved to the new pool and scaled up."""
import datetime as _d
import random
from common import *

rng = random.Random(20261112)
inc = Incident("retired5", "jobs-node-drain")
D = "2026-11-12 "
W0, W1 = T(D + "09:00:00"), T(D + "11:30:00")          # "roughly 9 to half 11"
CRON = [T("2026-11-%02d 09:31:%02d" % (d, 20 + d)) for d in (9, 10, 11, 12)]
OTHER_DEPLOY = T(D + "09:20:04")
POOL_CREATE = T(D + "09:43:10")
POOL_READY = T(D + "09:44:52")
CORDON = T(D + "09:50:30")
DRAIN = T(D + "09:52:12")
STARTED = T(D + "09:52:16")
POOL_DELETE = T(D + "09:56:40")
WARN_ALERT = T(D + "09:58:30")
PAGE_ALERT = T(D + "10:04:30")
PAGE = T(D + "10:04:40")
ACK = T(D + "10:09:55")
WRONG1 = T(D + "10:12:30")
WRONG2 = T(D + "10:15:20")
ROLLBACK_Q = T(D + "10:16:50")
DIAG = T(D + "10:19:40")
COMMS = T(D + "10:22:00")
SCALE = T(D + "10:26:10")
CONSUMING = T(D + "10:26:20")
MITIGATED = T(D + "10:35:50")
WARN_OK = T(D + "10:35:20")
PAGE_OK = T(D + "10:36:40")
RESOLVED = T(D + "10:58:00")
INFLOW = 75.0
NS = "notifications"
OLD = ["gke-prod-eu-jobs-pool-1-3f9a2c1d-%s" % s for s in ("7k2p", "9qzt", "m4ds")]
NEW = ["gke-prod-eu-jobs-pool-2-8b1e47a0-%s" % s for s in ("c2vn", "h8rw", "p5xb", "t1fq")]
WEB = ["gke-prod-eu-web-pool-4-a71c03e2-%s" % s for s in ("2bnm", "6cvx", "8dzq", "kq4w", "w9jr")]
OLD_RS, NEW_RS = "notify-consumer-6d8f7b9c5d", "notify-consumer-5c7d9e8f4b"
OLD_PODS = ["%s-%s" % (OLD_RS, s) for s in ("2xk9f", "8vq4m", "b7n2r", "hl5wd", "qz8tc", "x3mjp")]
REPL_PODS = ["%s-%s" % (OLD_RS, s) for s in ("4ptkz", "9fxq2", "d6wbn", "jr7ms", "n2hcv", "w8lgt")]
NEW_PODS = ["%s-%s" % (NEW_RS, hexid(rng, 5)) for _ in range(12)]
IMG = "europe-west1-docker.pkg.dev/acme-prod/apps/notify-consumer:2.14.3"

PEAK = INFLOW * (CONSUMING - DRAIN).total_seconds()


def depth(t):
    if t < DRAIN:
        return rng.randint(8, 90)
    if t < CONSUMING:
        return INFLOW * (t - DRAIN).total_seconds() + rng.randint(-40, 40)
    if t < MITIGATED:
        return max(0.0, PEAK * (1 - (t - CONSUMING).total_seconds() / (MITIGATED - CONSUMING).total_seconds())) + rng.randint(0, 60)
    return rng.randint(8, 90)


def oldest_age(t):
    if t < DRAIN or t >= MITIGATED:
        return rng.uniform(0.2, 3.5)
    if t < CONSUMING:
        return (t - DRAIN).total_seconds()
    k_ = 1 + PEAK / ((MITIGATED - CONSUMING).total_seconds() * INFLOW)   # FIFO head moves k_ times faster than the clock
    return max(rng.uniform(4.0, 6.0), (t - DRAIN).total_seconds() - (t - CONSUMING).total_seconds() * k_)

# ---- kubectl get events -A -o json (core List)
k = Kube(rng)
for n in NEW[:1]:
    k.ev(POOL_READY, "", "Node", n, "RegisteredNode", "Node %s event: Registered Node %s in Controller" % (n, n), component="node-controller")
    k.ev(add(POOL_READY, seconds=-9), "", "Node", n, "Starting", "Starting kubelet.", host=n)
    k.ev(add(POOL_READY, seconds=-2), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
for i, n in enumerate(OLD):
    k.ev(add(CORDON, seconds=i * 1.5), "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n)
for i, (p, r) in enumerate(zip(OLD_PODS, REPL_PODS)):
    t = add(DRAIN, seconds=1 + i * 0.9)
    k.ev(t, NS, "Pod", p, "Killing", "Stopping container notify-consumer", host=OLD[i % 3])
    k.ev(add(t, seconds=0.2), NS, "ReplicaSet", OLD_RS, "SuccessfulCreate", "Created pod: %s" % r, component="replicaset-controller")
    fs = add(t, seconds=0.4 + (3 if i == 0 else 0))
    k.ev(add(SCALE, seconds=-rng.randint(20, 280)), NS, "Pod", r, "FailedScheduling",
         "0/9 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 3 node(s) were unschedulable, 5 node(s) had untolerated taint {dedicated: web}. "
         "preemption: 0/9 nodes are available: 9 Preemption is not helpful for scheduling.", type_="Warning", component="default-scheduler",
         count=1 + int((SCALE - t).total_seconds() // 300), first=fs)
    k.ev(add(SCALE, seconds=-rng.randint(20, 580)), NS, "Pod", r, "NotTriggerScaleUp",
         "pod didn't trigger scale-up: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: web}",
         component="cluster-autoscaler", count=1 + int((SCALE - t).total_seconds() // 600), first=add(t, seconds=9))
for i, n in enumerate(OLD):
    t = add(POOL_DELETE, seconds=25 + i * 4)
    k.ev(t, "", "Node", n, "NodeNotReady", "Node %s status is now: NodeNotReady" % n, type_="Normal", component="node-controller")
    k.ev(add(t, seconds=40), "", "Node", n, "RemovingNode", "Node %s event: Removing Node %s from Controller" % (n, n), component="node-controller")
# other team's deploy on the web pool
k.ev(OTHER_DEPLOY, "search", "Deployment", "search-indexer", "ScalingReplicaSet", "Scaled up replica set search-indexer-7b9f4c6d8 from 0 to 1",
     component="deployment-controller")
for i in range(3):
    p = "search-indexer-7b9f4c6d8-%s" % hexid(rng, 5)
    k.pod_start(add(OTHER_DEPLOY, seconds=1 + i * 35), "search", p, WEB[i], "europe-west1-docker.pkg.dev/acme-prod/apps/search-indexer:4.11.0", "search-indexer")
    k.ev(add(OTHER_DEPLOY, seconds=30 + i * 35), "search", "Pod", "search-indexer-66c8d7f5b9-%s" % hexid(rng, 5), "Killing", "Stopping container search-indexer", host=WEB[i + 1])
# the daily cron job in analytics
c = CRON[-1]
k.ev(add(c, seconds=-95), "analytics", "CronJob", "usage-rollup", "SuccessfulCreate", "Created job usage-rollup-29382090", component="cronjob-controller")
k.pod_start(add(c, seconds=-94), "analytics", "usage-rollup-29382090-kq2mn", WEB[3], "europe-west1-docker.pkg.dev/acme-prod/apps/usage-rollup:1.7.0", "usage-rollup")
k.ev(add(c, seconds=-30), "analytics", "Pod", "usage-rollup-29382090-kq2mn", "BackOff", "Back-off restarting failed container usage-rollup in pod usage-rollup-29382090-kq2mn_analytics(%s)" % uuid("ur"),
     type_="Warning", host=WEB[3], count=3)
k.ev(c, "analytics", "Job", "usage-rollup-29382090", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
# mitigation: nodeSelector moved to jobs-pool-2, scaled to 12
k.ev(SCALE, NS, "Deployment", "notify-consumer", "ScalingReplicaSet", "Scaled up replica set %s from 0 to 12" % NEW_RS, component="deployment-controller")
k.ev(add(SCALE, seconds=1), NS, "Deployment", "notify-consumer", "ScalingReplicaSet", "Scaled down replica set %s from 6 to 0" % OLD_RS, component="deployment-controller")
k.ev(add(SCALE, seconds=12), NS, "Pod", NEW_PODS[3], "TriggeredScaleUp",
     "pod triggered scale-up: [{https://www.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/instanceGroups/gke-prod-eu-jobs-pool-2-8b1e47a0-grp 1->4 (max: 6)}]",
     component="cluster-autoscaler")
for i, p in enumerate(NEW_PODS):
    if i < 3:
        k.pod_start(add(SCALE, seconds=1 + i), NS, p, NEW[0], IMG, "notify-consumer")
    else:
        k.ev(add(SCALE, seconds=2), NS, "Pod", p, "FailedScheduling", "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) had untolerated taint {dedicated: web}. "
             "preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.", type_="Warning", component="default-scheduler")
        k.pod_start(add(SCALE, seconds=58 + i * 2), NS, p, NEW[1 + i % 3], IMG, "notify-consumer")
for i, n in enumerate(NEW[1:]):
    t = add(SCALE, seconds=50 + i * 3)
    k.ev(t, "", "Node", n, "RegisteredNode", "Node %s event: Registered Node %s in Controller" % (n, n), component="node-controller")
    k.ev(add(t, seconds=4), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
inc.json("events.json", k.core_list())

# ---- rabbitmq server log (mq-1)
rb = []


def RB(t, lvl, msg):
    rb.append((t, "%s%s [%s] <0.%d.%d> %s" % (t.strftime("%Y-%m-%d %H:%M:%S.%f"), "+00:00", lvl, rng.randint(1000, 99999), rng.randint(0, 40), msg)))


def cip():
    return "10.8.%d.%d:%d" % (rng.randint(1, 9), rng.randint(2, 250), rng.randint(32768, 60999))


for t in poisson_times(rng, W0, W1, 1 / 45.0):       # short-lived publishers of other apps, all day
    ip = cip()
    RB(t, "info", "accepting AMQP connection %s -> 10.8.0.5:5672" % ip)
    RB(add(t, seconds=0.004), "info", "connection %s -> 10.8.0.5:5672: user 'billing-pub' authenticated and granted access to vhost 'billing'" % ip)
    RB(add(t, seconds=rng.uniform(0.3, 2.0)), "info", "closing AMQP connection (%s -> 10.8.0.5:5672, vhost: 'billing', user: 'billing-pub')" % ip)
for t in poisson_times(rng, W0, W1, 1 / 300.0):       # load balancer TCP health checks
    RB(t, "warning", "closing AMQP connection <0.%d.%d> (10.8.0.2:%d -> 10.8.0.5:5672):\nclient unexpectedly closed TCP connection" % (rng.randint(1000, 99999), rng.randint(0, 40), rng.randint(32768, 60999)))
for i in range(6):
    t = add(DRAIN, seconds=1.4 + i * 0.9)
    RB(t, "info", "closing AMQP connection (10.8.%d.%d:%d -> 10.8.0.5:5672, vhost: 'notify', user: 'notify-consumer')" % (4 + i % 3, 10 + i, rng.randint(32768, 60999)))
for i in range(12):
    t = add(SCALE, seconds=(7 + i) if i < 3 else 66 + i * 2)
    ip = "10.8.%d.%d:%d" % (7 + i % 4, 20 + i, rng.randint(32768, 60999))
    RB(t, "info", "accepting AMQP connection %s -> 10.8.0.5:5672" % ip)
    RB(add(t, seconds=0.005), "info", "connection %s -> 10.8.0.5:5672: user 'notify-consumer' authenticated and granted access to vhost 'notify'" % ip)
for t in frange(add(W0, minutes=14), W1, 900):
    RB(t, "info", "Free disk space is sufficient. Free bytes: %d. Limit: 50000000" % rng.randint(180_000_000_000, 181_000_000_000))
inc.lines("rabbit@mq-1.log", [l for _, l in sorted(rb, key=lambda x: x[0])])

# ---- notify-consumer logs (zap JSON, all pods, kubectl logs -l app=notify-consumer --prefix=false)
zl = []


def Z(t, lvl, caller, msg, **kw):
    zl.append((t, jline({"level": lvl, "ts": round(epoch(t), 3), "caller": caller, "msg": msg, **kw})))


for p in OLD_PODS:
    for t in frange(add(W0, seconds=rng.randint(0, 59)), DRAIN, 60):
        Z(add(t, seconds=rng.uniform(0.001, 0.999)), "info", "consumer/stats.go:41", "stats", pod=p, queue="notify.orders", processed_1m=int(INFLOW * 60 / 6 * rng.uniform(0.9, 1.1)),
          oldest_msg_age_s=round(oldest_age(t), 1))
for i, p in enumerate(OLD_PODS):
    t = add(DRAIN, seconds=1.1 + i * 0.9)
    Z(t, "info", "cmd/consumer/main.go:88", "received signal, shutting down", pod=p, signal="terminated")
    Z(add(t, seconds=0.2), "info", "consumer/consumer.go:203", "basic.cancel sent, waiting for in-flight deliveries", pod=p, in_flight=rng.randint(3, 40))
    Z(add(t, seconds=1.3), "info", "cmd/consumer/main.go:97", "consumer stopped", pod=p)
for i, p in enumerate(NEW_PODS):
    st = add(SCALE, seconds=(6 + i) if i < 3 else 65 + i * 2)
    Z(st, "info", "cmd/consumer/main.go:52", "starting notify-consumer", pod=p, version="2.14.3", prefetch=50)
    Z(add(st, seconds=0.6), "info", "consumer/consumer.go:77", "connected to amqp", pod=p, vhost="notify", queue="notify.orders")
    for t in frange(add(st, seconds=60), W1, 60):
        Z(add(t, seconds=rng.uniform(0.001, 0.999)), "info", "consumer/stats.go:41", "stats", pod=p, queue="notify.orders",
          processed_1m=int((400 if t < MITIGATED else INFLOW) * 60 / 12 * rng.uniform(0.9, 1.1)), oldest_msg_age_s=round(oldest_age(t), 1))
for t in poisson_times(rng, W0, W1, 1 / 140.0):     # benign, all morning
    if DRAIN < t < add(SCALE, seconds=70):
        continue
    pods = OLD_PODS if t < DRAIN else NEW_PODS
    Z(t, "warn", "mailer/ses.go:118", "smtp transient failure, requeueing", pod=rng.choice(pods), code=421,
      error="421 4.4.5 Maximum sending rate exceeded, try again later", template=rng.choice(["order_confirmation", "shipping_update"]))
inc.lines("notify-consumer.jsonl", [l for _, l in sorted(zl, key=lambda x: x[0])])

# ---- OpenMetrics dump of the rabbitmq exporter (30 s)
pts = list(frange(W0, W1, 30))
fam = [("rabbitmq_detailed_queue_messages_ready", "gauge", "Messages ready to be delivered to consumers",
        [({"vhost": "notify", "queue": "notify.orders"}, [(t, int(depth(t))) for t in pts]),
         ({"vhost": "notify", "queue": "notify.marketing"}, [(t, rng.randint(0, 400)) for t in pts])]),
       ("rabbitmq_detailed_queue_consumers", "gauge", "Consumers on a queue",
        [({"vhost": "notify", "queue": "notify.orders"}, [(t, 6 if t < add(DRAIN, seconds=6) else (0 if t < add(SCALE, seconds=7) else (3 if t < add(SCALE, seconds=66) else 12))) for t in pts]),
         ({"vhost": "notify", "queue": "notify.marketing"}, [(t, 2) for t in pts])]),
       ("notify_oldest_message_age_seconds", "gauge", "Age of the oldest ready message",
        [({"queue": "notify.orders"}, [(t, round(oldest_age(t), 1)) for t in pts])])]
inc.write("mq-1.om.txt", openmetrics(fam))

# ---- alertmanager webhook captures (a JSON list of POST bodies)
posts = []
wl = {"severity": "warning", "team": "notifications", "vhost": "notify", "queue": "notify.orders"}
posts.append((add(WARN_ALERT, seconds=15), am_webhook("slack-notifications", [am_alert("RabbitmqQueueBacklog", wl, "notify.orders has more than 15000 ready messages", WARN_ALERT)])))
posts.append((add(WARN_OK, seconds=15), am_webhook("slack-notifications", [am_alert("RabbitmqQueueBacklog", wl, "notify.orders has more than 15000 ready messages", WARN_ALERT, ends=WARN_OK)])))
pl = {"severity": "page", "team": "notifications", "service": "notify-consumer"}
posts.append((add(PAGE_ALERT, seconds=5), am_webhook("pagerduty-notifications", [am_alert("NotificationDeliveryDelayed", pl, "order confirmation emails delayed: oldest message older than 2 minutes for 10m", PAGE_ALERT)])))
posts.append((add(PAGE_OK, seconds=5), am_webhook("pagerduty-notifications", [am_alert("NotificationDeliveryDelayed", pl, "order confirmation emails delayed: oldest message older than 2 minutes for 10m", PAGE_ALERT, ends=PAGE_OK)])))
ml = {"severity": "warning", "team": "notifications", "namespace": NS, "deployment": "notify-consumer"}
MM = T(D + "10:07:40")
posts.append((add(MM, seconds=15), am_webhook("slack-notifications", [am_alert("KubeDeploymentReplicasMismatch", ml, "Deployment notifications/notify-consumer has not matched the expected number of replicas for 15m", MM)])))
posts.append((T(D + "10:28:55"), am_webhook("slack-notifications", [am_alert("KubeDeploymentReplicasMismatch", ml, "Deployment notifications/notify-consumer has not matched the expected number of replicas for 15m", MM, ends=T(D + "10:28:40"))])))
el = {"severity": "warning", "team": "search", "cluster": "search-prod", "service": "elasticsearch"}
for s_, e_ in [(T(D + "09:24:10"), T(D + "09:26:40")), (T(D + "09:33:10"), T(D + "09:34:40")), (T(D + "10:11:40"), T(D + "10:14:10")), (T(D + "10:47:10"), T(D + "10:49:40"))]:
    posts.append((add(s_, seconds=15), am_webhook("slack-search", [am_alert("ElasticsearchClusterYellow", el, "search-prod cluster health is yellow", s_)])))
    posts.append((add(e_, seconds=15), am_webhook("slack-search", [am_alert("ElasticsearchClusterYellow", el, "search-prod cluster health is yellow", s_, ends=e_)])))
jl = {"severity": "warning", "team": "analytics", "namespace": "analytics", "job_name": "usage-rollup-29382090"}
posts.append((add(CRON[-1], seconds=50), am_webhook("slack-analytics", [am_alert("KubeJobFailed", jl, "Job analytics/usage-rollup-29382090 failed to complete", add(CRON[-1], seconds=30))])))
posts.sort(key=lambda x: x[0])
inc.json("captures.json", [p for _, p in posts])

# ---- PagerDuty v2 webhook bodies, one per line
pd = PD(48817, "NotificationDeliveryDelayed order confirmation emails delayed", "notify-consumer", "PNTF007")
kwame = PD.user("Kwame Mensah", "PKWMENS")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod-eu"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Kwame Mensah by push notification.", user=kwame)
pd.add(add(PAGE, seconds=180), "notify_log_entry", None, None, "Notified Kwame Mensah by phone.", user=kwame)
pd.add(ACK, "acknowledge_log_entry", kwame, {"type": "mobile"}, "Acknowledged by Kwame Mensah.")
pd.add(add(COMMS, seconds=30), "annotate_log_entry", kwame, {"type": "web_ui", "summary": "consumers evicted by node pool drain, moving to jobs-pool-2"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", kwame, {"type": "web_ui"}, "Resolved by Kwame Mensah.")
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 48817, "NotificationDeliveryDelayed order confirmation emails delayed", PAGE)])

# ---- change records (CSV export of the change calendar)
cr = ["change_id,started_at,finished_at,service,environment,version,actor,type,summary",
      "CHG-7711,2026-11-11T16:20:03Z,2026-11-11T16:27:41Z,payments-gateway,prod-eu,v7.2.0,ana.ribeiro,deploy,\"payments-gateway v7.2.0\"",
      "CHG-7720,%s,%s,search-indexer,prod-eu,v4.11.0,arjun.rao,deploy,\"search-indexer v4.11.0 (synonyms reload)\"" % (iso(OTHER_DEPLOY), iso(add(OTHER_DEPLOY, seconds=142))),
      "CHG-7722,%s,%s,gke/prod-eu/jobs-pool-2,prod-eu,1.31.3-gke.1146000,lena.kowalski,node-pool-create,\"node pool migration step 1: create jobs-pool-2 (n2-standard-8, autoscaling 1-6)\"" % (iso(POOL_CREATE), iso(POOL_READY)),
      "CHG-7723,%s,%s,gke/prod-eu/jobs-pool-1,prod-eu,1.29.10-gke.1227000,lena.kowalski,node-pool-drain,\"node pool migration step 2: cordon and drain jobs-pool-1, delete pool\"" % (iso(add(CORDON, seconds=-2)), iso(add(POOL_DELETE, seconds=130))),
      "CHG-7724,%s,%s,notify-consumer,prod-eu,nodeSelector=jobs-pool-2;replicas=12,kwame.mensah,k8s-patch,\"move notify-consumer to jobs-pool-2 and scale 6 -> 12\"" % (iso(add(SCALE, seconds=-2)), iso(SCALE)),
      "CHG-7726,2026-11-12T11:14:30Z,2026-11-12T11:15:02Z,notify-consumer,prod-eu,replicas=6,kwame.mensah,k8s-scale,\"scale notify-consumer back to 6\""]
inc.lines("calendar-export.csv", cr)

# ---- slack export
s = Slack()
for u, n, r, tz in [("UKWAME", "kwame", "Kwame Mensah", "Africa/Accra"), ("ULENA", "lena", "Lena Kowalski", "Europe/Warsaw"),
                    ("UARJUN", "arjun", "Arjun Rao", "Asia/Kolkata"), ("USOFIA", "sofia", "Sofia Marin", "Europe/Madrid"),
                    ("UDMITRI", "dmitri", "Dmitri Volkov", "Europe/Berlin")]:
    s.user(u, n, r, tz)
for cid, n in [("CNTFAL", "notify-alerts"), ("CK8SAL", "k8s-alerts"), ("CPLAT", "platform-changes"), ("CINCNTF", "inc-notify-delay")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("k8s-alerts", add(c, seconds=51), "BAM02", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job analytics/usage-rollup failed to complete", color="warning"))
for t, p in posts:
    a = p["alerts"][0]
    if a["labels"]["team"] != "notifications":
        continue
    s.bot("notify-alerts", add(t, seconds=1), "BAM02", "alertmanager",
          attachments=am_slack_attachment(a["status"], a["labels"]["alertname"], a["annotations"]["summary"], color=None if a["labels"]["severity"] == "page" or a["status"] == "resolved" else "warning"))
s.say("platform-changes", add(POOL_CREATE, seconds=-40), "ULENA", "starting the jobs pool migration to 1.31 in prod-eu (CHG-7722/7723): new pool jobs-pool-2 first, then drain jobs-pool-1")
s.say("platform-changes", add(CORDON, seconds=-15), "ULENA", "jobs-pool-2 is ready. cordoning + draining jobs-pool-1 now, node alerts for jobs-pool-1 silenced for 1h")
s.say("platform-changes", add(POOL_DELETE, seconds=140), "ULENA", "jobs-pool-1 drained and deleted, migration done")
s.say("platform-changes", OTHER_DEPLOY, "UARJUN", "search-indexer v4.11.0 going out (synonyms reload), web pool only")
ch = "inc-notify-delay"
s.say(ch, add(ACK, seconds=45), "UKWAME", "acked. notify.orders has ~50k ready and 0 consumers, order confirmation emails are stuck")
s.say(ch, WRONG1, "UDMITRI", "SES throwing 421s again? we've had those all morning")
s.say(ch, add(WRONG1, seconds=50), "USOFIA", "support has a handful of tickets: no confirmation email after ordering")
s.say(ch, WRONG2, "UDMITRI", "search-indexer rolled out at 09:20, could it have eaten the nodes we run on?")
s.say(ch, ROLLBACK_Q, "USOFIA", "should we roll back the search-indexer deploy?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "UARJUN", "search-indexer only runs on the web pool, not jobs")
s.say(ch, DIAG, "UKWAME", "found it: all 6 notify-consumer pods were evicted at 09:52 when jobs-pool-1 was drained for the pool migration. there's no PDB on notify-consumer, and the replacements are Pending because the deployment has nodeSelector gke-nodepool=jobs-pool-1")
s.say(ch, add(DIAG, seconds=50), "ULENA", "ouch, sorry, I drained all three at once, the runbook assumes everything has a PDB. jobs-pool-2 is up, autoscaling 1-6")
s.say(ch, COMMS, "USOFIA", "status page: 'Order confirmation emails are delayed. Orders themselves are not affected.' posted")
s.say(ch, add(SCALE, seconds=-80), "UKWAME", "patching the nodeSelector to jobs-pool-2 and scaling notify-consumer to 12 to burn the backlog")
s.say(ch, add(SCALE, seconds=130), "UKWAME", "12 consumers connected (autoscaler added 3 nodes), backlog ~155k and dropping about 20k/min")
s.say(ch, add(MITIGATED, seconds=40), "UKWAME", "backlog drained, oldest message under 5s again")
s.say(ch, add(RESOLVED, seconds=-40), "UKWAME", "resolving. follow-ups: PDB for notify-consumer, no pool-name nodeSelector, drain one node at a time in the runbook")
s.write(inc, "slack-export")

inc.truth(
    "jobs-node-drain", "node-pool-drain-consumers-evicted",
    "A GKE node-pool migration cordoned and drained all three jobs-pool-1 nodes at once; notify-consumer had no PDB and a nodeSelector on\n"
    "the old pool, so all replicas were evicted and stayed Pending; order-confirmation emails queued up until the consumers were moved to jobs-pool-2 and scaled to 12.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(POOL_CREATE, "change", "node pool migration starts: jobs-pool-2 created (CHG-7722)", "calendar-export.csv", 60),
     (CORDON, "change", "jobs-pool-1 nodes cordoned (NodeNotSchedulable) for the drain (CHG-7723)", "events.json", 60),
     (STARTED, "first_symptom", "drain evicts all notify-consumer pods; replacements FailedScheduling; consumers 0", "events.json", 60),
     (WARN_ALERT, "alert_fired", "RabbitmqQueueBacklog firing for notify.orders", "captures.json", 60),
     (PAGE, "paged", "PagerDuty #48817 triggered (NotificationDeliveryDelayed)", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Kwame acknowledges", "pd-webhooks.ndjson", 60),
     (DIAG, "diagnosis", "Kwame: consumers evicted by the drain, no PDB, nodeSelector pins the old pool", "slack-export", 90),
     (COMMS, "communication", "status page: order confirmation emails delayed", "slack-export", 90),
     (SCALE, "mitigation", "notify-consumer moved to jobs-pool-2 and scaled to 12", "events.json", 60),
     (MITIGATED, "recovery", "backlog drained, oldest message age back under 5 s", "notify-consumer.jsonl", 60),
     (PAGE_OK, "alert_resolved", "NotificationDeliveryDelayed resolved", "captures.json", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-webhooks.ndjson", 60)],
    [(CRON[-1], "analytics usage-rollup CronJob fails every day ~09:31", "events.json"),
     (OTHER_DEPLOY, "search-indexer v4.11.0 deploy by the search team", "calendar-export.csv"),
     (T(D + "09:24:10"), "ElasticsearchClusterYellow flapping for the search team", "captures.json"),
     (WRONG1, "wrong hunch: SES 421 throttling", "slack-export"),
     (WRONG2, "wrong hunch: search-indexer took the nodes", "slack-export"),
     (ROLLBACK_Q, "'should we roll back the search-indexer deploy?' question", "slack-export"),
     (T(D + "11:14:30"), "notify-consumer scaled back to 6 after the incident", "calendar-export.csv"),
     (T(D + "10:00:00"), "steady SES 421 requeue warnings, billing publisher connection churn and LB health-check disconnects all window", "notify-consumer.jsonl")],
    [("events.json", "kube-events"), ("rabbit@mq-1.log", "logs"), ("notify-consumer.jsonl", "logs"), ("mq-1.om.txt", "openmetrics"),
     ("captures.json", "alertmanager-webhook"), ("pd-webhooks.ndjson", "pagerduty-log-entries"), ("calendar-export.csv", "deploys"),
     ("slack-export", "slack-export")])
