"""retired4/fulfil-kafka-poison: checkout starts sending a new enum value; fulfilment-worker retries the undeserialisable records forever, two partitions stop and orders pile up until checkout is rolled back and the group is moved past the poison offsets."""
import random
from common import *

rng = random.Random(20260414)
inc = Incident("retired4", "fulfil-kafka-poison")
LTZ = "Europe/Berlin"
D = "2026-04-14 "
W0, W1 = T(D + "07:00:00"), T(D + "10:00:00")
CRON = [T("2026-04-%02d 07:15:%02d" % (d, 3 + 2 * d)) for d in (11, 12, 13, 14)]
CHECKOUT_DEPLOY = T(D + "07:41:10")
STARTED = T(D + "07:46:53")
POISON2 = T(D + "08:05:12")
WARN = T(D + "07:58:30")
OTHER_DEPLOY = T(D + "08:02:40")
PAGE_ALERT = T(D + "08:08:00")
PAGE = T(D + "08:08:20")
ACK = T(D + "08:12:45")
WRONG = T(D + "08:15:20")
ROLLBACK_Q = T(D + "08:19:05")
DIAG = T(D + "08:24:30")
COMMS = T(D + "08:27:10")
ROLLBACK = T(D + "08:34:30")
SKIP = T(D + "08:39:10")
MITIGATED = T(D + "08:39:40")
ALERT_OK = T(D + "08:47:00")
WARN_OK = T(D + "08:49:30")
RESOLVED = T(D + "09:20:00")
OFF7, OFF2 = 41877213, 40112958
PARTS = list(range(12))


def lag(p):
    def f(t):
        base = 3 + (int(epoch(t)) // 60 + p) % 7
        for stuck_at, part in ((STARTED, 7), (POISON2, 2)):
            if part == p and stuck_at <= t:
                if t < MITIGATED:
                    return base + int((t - stuck_at).total_seconds() * 0.72)
                drained = int((t - MITIGATED).total_seconds() * 9.0)
                peak = int((MITIGATED - stuck_at).total_seconds() * 0.72)
                return base + max(0, peak - drained)
        return base
    return f


# ---- fulfilment-worker logback, local Berlin time without offset
wl = []
def L(t, lvl, th, lg, msg, extra=()):
    lt = local(t, LTZ)
    wl.append((t, "\n".join(["%s.%03d %-5s [%s] %s - %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, th, lg, msg)] + list(extra))))
TH = "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1"
for t in poisson_times(rng, W0, W1, 0.22):
    p = rng.choice(PARTS)
    if (p == 7 and STARTED <= t < MITIGATED) or (p == 2 and POISON2 <= t < MITIGATED):
        continue
    L(t, "INFO", TH, "c.a.f.OrderEventsListener", "order %d accepted for picking (partition=%d, warehouse=%s)" % (rng.randint(30000000, 39999999), p, rng.choice(["DE-LEJ1", "DE-DTM2", "PL-POZ1"])))
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    L(t, "WARN", "wms-client-%d" % rng.randint(1, 8), "c.a.f.wms.WmsClient", "WMS slot reservation slow: %d ms (threshold 1500 ms), retry not needed" % rng.randint(1500, 3200))
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    L(t, "ERROR", "label-printer-1", "c.a.f.labels.LabelService", "DHL label API returned 429, label queued for retry")
def poison(t0, part, off, order):
    t = t0
    n = 0
    while t < SKIP:
        if n % 10 == 0 or n < 3:
            L(t, "ERROR", TH, "o.s.k.l.DefaultErrorHandler", "Backoff FixedBackOff{interval=5000, currentAttempts=%d, maxAttempts=unlimited} not exhausted for order-events-%d@%d" % (n + 1, part, off),
              ["org.springframework.kafka.listener.ListenerExecutionFailedException: Listener failed",
               "Caused by: org.springframework.messaging.converter.MessageConversionException: failed to resolve class name. Cannot deserialize value of type `com.acme.fulfil.model.WrapOption` from String \"GIFT_BOX\": not one of the values accepted for Enum class: [NONE, PAPER]",
               " at [Source: (byte[])\"{\"orderId\":%d,\"wrap\":\"GIFT_BOX\",...\"; line: 1, column: 31]" % order,
               "\tat com.fasterxml.jackson.databind.exc.InvalidFormatException.from(InvalidFormatException.java:67)",
               "\t... 41 common frames omitted"])
        L(add(t, seconds=0.01), "INFO", TH, "o.a.k.c.c.KafkaConsumer", "[Consumer clientId=fulfilment-worker-0, groupId=fulfilment-worker] Seeking to offset %d for partition order-events-%d" % (off, part)) if n % 10 == 0 else None
        t = add(t, seconds=5.02 + rng.random() * 0.03)
        n += 1
poison(STARTED, 7, OFF7, 38120457)
poison(POISON2, 2, OFF2, 38124911)
L(add(SKIP, seconds=1.5), "INFO", TH, "o.a.k.c.c.i.ConsumerCoordinator", "[Consumer clientId=fulfilment-worker-0, groupId=fulfilment-worker] Request joining group due to: group is already rebalancing")
L(add(SKIP, seconds=3.9), "INFO", TH, "o.a.k.c.c.i.ConsumerCoordinator", "[Consumer clientId=fulfilment-worker-0, groupId=fulfilment-worker] Setting offset for partition order-events-7 to the committed offset FetchPosition{offset=%d, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[kafka-2.kafka:9092 (id: 2 rack: eu-central-1b)], epoch=31}}" % (OFF7 + 1))
L(add(SKIP, seconds=3.9), "INFO", TH, "o.a.k.c.c.i.ConsumerCoordinator", "[Consumer clientId=fulfilment-worker-0, groupId=fulfilment-worker] Setting offset for partition order-events-2 to the committed offset FetchPosition{offset=%d, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[kafka-0.kafka:9092 (id: 0 rack: eu-central-1a)], epoch=28}}" % (OFF2 + 1))
for t in poisson_times(rng, MITIGATED, add(MITIGATED, minutes=6), 3.0):
    L(t, "INFO", TH, "c.a.f.OrderEventsListener", "order %d accepted for picking (partition=%d, warehouse=%s)" % (rng.randint(38120458, 38140000), rng.choice([2, 7]), rng.choice(["DE-LEJ1", "DE-DTM2"])))
inc.lines("worker-0.log", [l for _, l in sorted(wl, key=lambda x: x[0])])

# ---- OpenMetrics dump from kafka-exporter (60 s)
pts = {p: [(t, lag(p)(t)) for t in frange(W0, W1, 60)] for p in PARTS}
inc.write("scrape.txt", openmetrics([
    ("kafka_consumergroup_lag", "gauge", "Current Approximate Lag of a ConsumerGroup at Topic/Partition",
     [({"consumergroup": "fulfilment-worker", "partition": str(p), "topic": "order-events"}, pts[p]) for p in PARTS]),
    ("kafka_consumergroup_lag_sum", "gauge", "Current Approximate Lag of a ConsumerGroup at Topic for all partitions",
     [({"consumergroup": "fulfilment-worker", "topic": "order-events"}, [(t, sum(lag(p)(t) for p in PARTS)) for t in frange(W0, W1, 60)]),
      ({"consumergroup": "invoice-mailer", "topic": "order-events"}, [(t, 40 + (int(epoch(t)) // 60) % 13 * 9) for t in frange(W0, W1, 60)])]),
]))

# ---- amtool alert query -o json, snapshot at 08:20
SNAP = T(D + "08:20:05")
al = [
    amtool_alert("KafkaConsumerGroupLagHigh", {"consumergroup": "fulfilment-worker", "topic": "order-events", "severity": "warning", "team": "fulfilment"},
                 "fulfilment-worker lag on order-events above 500", WARN, SNAP, receivers=("slack-fulfilment",)),
    amtool_alert("OrdersStuckPendingFulfilment", {"service": "fulfilment-worker", "severity": "page", "team": "fulfilment"},
                 "orders older than 10m still PENDING_FULFILMENT", PAGE_ALERT, SNAP, receivers=("pagerduty-fulfilment", "slack-fulfilment"),
                 desc="412 orders pending fulfilment for more than 10 minutes"),
    amtool_alert("KafkaBrokerDiskUsageHigh", {"instance": "kafka-3:9308", "severity": "warning", "team": "platform"},
                 "kafka-3 data disk above 80%", T(D + "08:16:30"), SNAP, receivers=("slack-platform",)),
    amtool_alert("KubeJobFailed", {"namespace": "finance", "job_name": "invoice-pdf-archive-29603955", "severity": "warning", "team": "finance"},
                 "Job finance/invoice-pdf-archive-29603955 failed to complete", add(CRON[-1], seconds=20), SNAP, receivers=("slack-finance",)),
    amtool_alert("Watchdog", {"severity": "none"}, "An alert that should always be firing to certify that Alertmanager is working properly.",
                 T("2026-04-09 11:02:00"), SNAP, receivers=("deadmansswitch",)),
]
inc.json("am-0820.json", al)

# ---- deploy tool CSV
rows = [(T("2026-04-13 15:22:09"), "fulfilment-worker", "3.9.4", "lena.vogt", "succeeded", "release"),
        (CHECKOUT_DEPLOY, "checkout-api", "5.12.0", "tim.schreiber", "succeeded", "release"),
        (OTHER_DEPLOY, "search-api", "2026.04.14-2", "deploy-bot", "succeeded", "release"),
        (ROLLBACK, "checkout-api", "5.11.3", "tim.schreiber", "succeeded", "rollback"),
        (T(D + "09:41:55"), "checkout-api", "5.12.1", "tim.schreiber", "succeeded", "release")]
inc.write("releases.csv", "finished_at,service,version,triggered_by,result,type\n" + "".join(
    "%s,%s,%s,%s,%s,%s\n" % (iso(t), s_, v, a, r, ty) for t, s_, v, a, r, ty in rows))

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
def rollout(t, ns, dep, rs, img, pods, node_base):
    k.ev(t, ns, "Deployment", dep, "ScalingReplicaSet", "Scaled up replica set %s-%s from 0 to 1" % (dep, rs), component="deployment-controller")
    for i, p in enumerate(pods):
        k.pod_start(add(t, seconds=1 + 25 * i), ns, "%s-%s-%s" % (dep, rs, p), "ip-10-8-%d-%d.eu-central-1.compute.internal" % (node_base, 11 + i), img, dep)
rollout(add(CHECKOUT_DEPLOY, seconds=-70), "checkout", "checkout-api", "7b5c9d8f6", "registry.acme.de/checkout-api:5.12.0", ["x2k9p", "hq7wn", "c4m8r"], 1)
rollout(add(OTHER_DEPLOY, seconds=-80), "search", "search-api", "5f7d6c9b8", "registry.acme.de/search-api:2026.04.14-2", ["v8n2q", "j5t7z"], 2)
rollout(add(ROLLBACK, seconds=-60), "checkout", "checkout-api", "69d4f7b5c", "registry.acme.de/checkout-api:5.11.3", ["p3w6s", "l9k2d", "f8r5y"], 3)
k.ev(add(CRON[-1], seconds=-50), "finance", "Job", "invoice-pdf-archive-29603955", "SuccessfulCreate", "Created pod: invoice-pdf-archive-29603955-r2x8v", component="job-controller")
k.ev(CRON[-1], "finance", "Job", "invoice-pdf-archive-29603955", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
for t in poisson_times(rng, W0, W1, 1 / 700.0):
    k.ev(t, "fulfilment", "Pod", "fulfilment-worker-%d" % rng.randint(0, 2), "Unhealthy", "Liveness probe failed: Get \"http://10.8.4.%d:8081/actuator/health/liveness\": context deadline exceeded" % rng.randint(10, 60),
         type_="Warning", host="ip-10-8-4-%d.eu-central-1.compute.internal" % rng.randint(10, 30))
inc.json("k-events.json", k.v1_list())

# ---- pagerduty webhook v2 bodies (JSON lines)
pd = PD(48812, "OrdersStuckPendingFulfilment orders pending fulfilment", "fulfilment", "PFUL002")
jonas = PD.user("Jonas Keller", "PJKEL01")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMDE1", "summary": "Alertmanager (prod-eu)"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Jonas Keller by SMS.", user=jonas)
pd.add(ACK, "acknowledge_log_entry", jonas, {"type": "sms"}, "Acknowledged by Jonas Keller.")
pd.add(add(SKIP, minutes=1), "annotate_log_entry", jonas, {"type": "web_ui", "summary": "p2/p7 moving again, lag draining"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", jonas, {"type": "web_ui"}, "Resolved by Jonas Keller.")
inc.lines("pd-hooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 48812, "OrdersStuckPendingFulfilment orders pending fulfilment", PAGE)])

# ---- slack export
s = Slack()
for u, n, r in [("U07JONAS", "jonas", "Jonas Keller"), ("U07LENA", "lena", "Lena Vogt"), ("U07TIM", "tim", "Tim Schreiber"),
                ("U07AYSE", "ayse", "Ayşe Demir"), ("U07MARK", "mark", "Mark Brandt")]:
    s.user(u, n, r, LTZ)
for cid, n in [("C07FUL", "fulfilment"), ("C07INC", "inc-0414-orders-stuck"), ("C07DEP", "releases"), ("C07PLT", "platform-alerts")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("platform-alerts", add(c, seconds=45), "B07AM", "Alertmanager",
          blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":warning: *[FIRING:1] KubeJobFailed* finance/invoice-pdf-archive failed to complete (team: finance)"}}])
for s_, e_ in [(T(D + "07:22:30"), T(D + "07:31:00")), (T(D + "07:52:00"), T(D + "07:57:30")), (T(D + "08:16:30"), T(D + "08:29:00")), (T(D + "09:05:30"), T(D + "09:12:00"))]:
    s.bot("platform-alerts", add(s_, seconds=30), "B07AM", "Alertmanager",
          blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":warning: *[FIRING:1] KafkaBrokerDiskUsageHigh* kafka-3 data disk above 80% (team: platform)"}}])
    s.bot("platform-alerts", add(e_, seconds=30), "B07AM", "Alertmanager",
          blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":white_check_mark: *[RESOLVED] KafkaBrokerDiskUsageHigh* kafka-3 data disk above 80% (team: platform)"}}])
s.bot("fulfilment", add(WARN, seconds=30), "B07AM", "Alertmanager",
      blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":warning: *[FIRING:1] KafkaConsumerGroupLagHigh* fulfilment-worker lag on order-events above 500"}}])
s.bot("fulfilment", add(PAGE_ALERT, seconds=30), "B07AM", "Alertmanager",
      blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":rotating_light: *[FIRING:1] OrdersStuckPendingFulfilment* orders older than 10m still PENDING_FULFILMENT (page)"}}])
s.bot("fulfilment", add(ALERT_OK, seconds=10), "B07AM", "Alertmanager",
      blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":white_check_mark: *[RESOLVED] OrdersStuckPendingFulfilment* orders older than 10m still PENDING_FULFILMENT"}}])
s.bot("fulfilment", add(WARN_OK, seconds=30), "B07AM", "Alertmanager",
      blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":white_check_mark: *[RESOLVED] KafkaConsumerGroupLagHigh* fulfilment-worker lag on order-events"}}])
for t, s_, v, a, r, ty in rows:
    if t.date() == STARTED.date():
        s.bot("releases", add(t, seconds=2), "B07SHIP", "shipper",
              attachments=[{"color": "2EB67D", "fallback": "%s %s" % (s_, v), "text": "%s *%s* `%s` to production by %s" % ("Rolled back" if ty == "rollback" else "Released", s_, v, a)}])
s.say("releases", add(CHECKOUT_DEPLOY, seconds=40), "U07TIM", "5.12.0 is out: gift wrapping option at checkout :gift:")
ch = "inc-0414-orders-stuck"
s.say(ch, add(ACK, seconds=30), "U07JONAS", "on it. orders since ~09:50 are sitting in PENDING_FULFILMENT, worker pods look healthy")
s.say(ch, WRONG, "U07MARK", "kafka-3 has been flapping on disk all morning, could the broker be the problem?")
s.say(ch, add(WRONG, seconds=50), "U07AYSE", "kafka-3 leads p5 and p9, those are fine")
s.say(ch, ROLLBACK_Q, "U07MARK", "should we roll back the fulfilment worker?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U07LENA", "worker is on the same version since yesterday afternoon")
s.say(ch, DIAG, "U07LENA", "p7 and p2 are stuck retrying the same offset forever - the payload has wrap=GIFT_BOX and our WrapOption enum only knows NONE/PAPER. checkout started sending it with 5.12")
s.say(ch, add(DIAG, seconds=60), "U07TIM", "damn, my bad. taking checkout back to 5.11.3 so no more of those come in")
s.say(ch, COMMS, "U07AYSE", "customer care told: orders placed since 09:45 ship late, no action needed from customers")
s.say(ch, add(SKIP, seconds=-70), "U07JONAS", "next: move fulfilment-worker past 41877213 on p7 and 40112958 on p2, the two gift orders get re-entered by hand")
s.say(ch, add(SKIP, seconds=20), "U07JONAS", "done, both partitions are moving again, lag going down")
s.say(ch, add(RESOLVED, seconds=-60), "U07JONAS", "lag back to normal for 30 min, two gift orders re-entered. 5.12.1 with the enum on both sides later today. closing")
s.write(inc, "slack-2026-04-14")

inc.truth(
    "fulfil-kafka-poison", "poison-message-consumer-stuck",
    "checkout-api 5.12.0 started publishing wrap=GIFT_BOX; fulfilment-worker could not deserialise it and retried the same offset forever,\n"
    "so partitions 7 and 2 stopped and orders stayed pending until checkout was rolled back and the group skipped the two records.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHECKOUT_DEPLOY, "change", "checkout-api 5.12.0 released (gift wrapping)", "releases.csv", 60),
     (STARTED, "first_symptom", "first 'Cannot deserialize ... GIFT_BOX' on order-events-7", "worker-0.log", 60),
     (WARN, "alert_fired", "KafkaConsumerGroupLagHigh (warning) firing", "am-0820.json", 60),
     (PAGE, "paged", "PagerDuty #48812 triggered", "pd-hooks.ndjson", 60),
     (ACK, "acknowledged", "Jonas acknowledges", "pd-hooks.ndjson", 60),
     (DIAG, "diagnosis", "Lena: p7/p2 retry GIFT_BOX, not in WrapOption enum, sent since 5.12", "slack-2026-04-14", 90),
     (COMMS, "communication", "customer care told orders ship late", "slack-2026-04-14", 90),
     (ROLLBACK, "mitigation", "checkout-api rolled back to 5.11.3", "releases.csv", 60),
     (SKIP, "mitigation", "consumer group moved past the two poison offsets", "worker-0.log", 60),
     (MITIGATED, "recovery", "p7/p2 consuming again, lag draining", "worker-0.log", 60),
     (ALERT_OK, "alert_resolved", "OrdersStuckPendingFulfilment resolved", "slack-2026-04-14", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-hooks.ndjson", 60)],
    [(CRON[-1], "invoice-pdf-archive CronJob fails every day ~07:15 UTC (finance)", "k-events.json"),
     (OTHER_DEPLOY, "search-api release by deploy-bot", "releases.csv"),
     (T(D + "08:16:30"), "KafkaBrokerDiskUsageHigh on kafka-3 flapping all morning (platform)", "am-0820.json"),
     (WRONG, "wrong hunch: kafka-3 broker", "slack-2026-04-14"),
     (ROLLBACK_Q, "'should we roll back the fulfilment worker?' question", "slack-2026-04-14"),
     (T(D + "09:41:55"), "checkout-api 5.12.1 release after resolution", "releases.csv"),
     (T(D + "08:00:00"), "steady WMS slow-reservation warnings, DHL 429s, liveness probe timeouts all window", "worker-0.log")],
    [("worker-0.log", "logs", LTZ), ("scrape.txt", "openmetrics"), ("am-0820.json", "alertmanager-api-alerts"),
     ("releases.csv", "deploys"), ("k-events.json", "kube-events"), ("pd-hooks.ndjson", "pagerduty-log-entries"),
     ("slack-2026-04-14", "slack-export")])
