"""heldout17/fernpost-webhook-hol: one retailer's webhook endpoint slows to 10 s timeouts; the shared tracking-webhook
dispatcher's workers are all held by its inline retries and every retailer's tracking events go stale (head-of-line
blocking) until that endpoint is paused; retailers notice first."""
import random
from common import *

rng = random.Random(20261124)
inc = Incident("heldout17", "fernpost-webhook-hol")
D = "2026-11-24 "
W0, W1 = T(D + "09:15:00"), T(D + "14:00:00")
CRON = [T("2026-11-%02d 09:31:%02d" % (d, 4 + d % 7)) for d in (21, 22, 23, 24)]
LABEL_DEPLOY = T(D + "09:40:05")
STARTED = T(D + "09:47:12")
FIRST_TICKET = T(D + "10:21:07")
PAGE = T(D + "10:38:40")
CROSS = T(D + "10:37:20")
ALERT = T(D + "10:47:35")
ESCAL = T(D + "10:53:41")
ACK = T(D + "10:56:05")
WRONG = T(D + "10:59:30")
ROLLBACK_Q = T(D + "11:02:10")
SCALE = T(D + "11:05:02")
DIAG = T(D + "11:12:20")
PAUSE = T(D + "11:16:40")
PAUSE_SEEN = T(D + "11:16:52")
COMMS = T(D + "11:22:30")
MITIGATED = T(D + "11:41:10")
ADDR_DEPLOY = T(D + "11:30:14")
UNPAUSE = T(D + "12:52:10")
RESOLVED = T(D + "13:35:00")

S1 = 1800.0 / (CROSS - STARTED).total_seconds()
A_SCALE = S1 * (SCALE - STARTED).total_seconds()
A_PAUSE = A_SCALE + 0.25 * (PAUSE_SEEN - SCALE).total_seconds()
DRAIN = (A_PAUSE - 5.0) / (MITIGATED - PAUSE_SEEN).total_seconds()


def age(t):
    base = 2.0 + 3.0 * ((int(epoch(t)) // 45) % 3) / 2.0
    if t < STARTED or t >= MITIGATED:
        return base
    if t < SCALE:
        return max(base, S1 * (t - STARTED).total_seconds())
    if t < PAUSE_SEEN:
        return A_SCALE + 0.25 * (t - SCALE).total_seconds()
    return max(base, A_PAUSE - DRAIN * (t - PAUSE_SEEN).total_seconds())


# the alert resolves at the first 15 s evaluation after the age falls under 1800 s
ALERT_OK = None
for t in frange(T(D + "11:17:00"), W1, 15):
    if age(t) < 1800:
        ALERT_OK = t
        break

RETAILERS = ["nordhaus", "kiddo-shop", "lumen-living", "velocita", "bergmann-moebel", "fitkit", "papiera"]

# ---- webhook-dispatcher: structlog JSON (one line per event), gzipped
dl = []
def J(t, level, logger, event, **kw):
    o = {"event": event, "level": level, "logger": logger, "timestamp": iso_us(t)}
    o.update(kw)
    dl.append((t, json.dumps(o)))
pods = ["webhook-dispatcher-7c9d8f6b5-%s" % s for s in ("k2xqp", "m8zrt", "q4vbn", "t7dws")]
more = ["webhook-dispatcher-7c9d8f6b5-%s" % s for s in ("a1cde", "b9fgh", "c3jkl", "d5mnp", "e6qrs", "f2tuv", "g8wxy", "h4zab")]
for t in frange(add(W0, seconds=11), W1, 60):
    live = pods + (more if SCALE <= t else [])
    for i, p in enumerate(live):
        tt = add(t, seconds=i * 0.37)
        a = age(tt)
        busy = 4 if STARTED <= tt < PAUSE_SEEN else rng.randint(0, 2)
        sent = rng.randint(280, 340) if busy < 4 else rng.randint(20, 60)
        J(tt, "info", "dispatcher.stats", "worker pool stats", pod=p, workers_busy=busy, workers=4,
          delivered_1m=sent, queue_depth=int(a * 96) + rng.randint(0, 40), queue_oldest_age_s=round(a, 1))
bad_end = PAUSE_SEEN
for t in poisson_times(rng, add(STARTED, seconds=20.2), SCALE, 0.53) + poisson_times(rng, add(SCALE, seconds=30), bad_end, 1.6):
    live = pods + (more if SCALE <= t else [])
    p = rng.choice(live)
    did = "dlv_%s" % hexid(rng, 20)
    J(add(t, seconds=-20.1), "warning", "dispatcher.http", "delivery attempt timed out", pod=p, delivery_id=did,
      retailer="brightcart", url="https://hooks.brightcart.example/carrier/fernpost/events", attempt=1, timeout_s=10)
    J(add(t, seconds=-10.05), "warning", "dispatcher.http", "delivery attempt timed out", pod=p, delivery_id=did,
      retailer="brightcart", url="https://hooks.brightcart.example/carrier/fernpost/events", attempt=2, timeout_s=10)
    J(t, "error", "dispatcher.worker", "delivery failed, requeued with backoff", pod=p, delivery_id=did,
      retailer="brightcart", attempts=3, last_error="ReadTimeout('HTTPSConnectionPool(host=\\'hooks.brightcart.example\\', port=443): Read timed out. (read timeout=10)')",
      backoff_s=300)
# the very first timeout
J(STARTED, "warning", "dispatcher.http", "delivery attempt timed out", pod=pods[1], delivery_id="dlv_" + hexid(rng, 20),
  retailer="brightcart", url="https://hooks.brightcart.example/carrier/fernpost/events", attempt=1, timeout_s=10)
# benign: a retailer that deleted its endpoint answers 410 all day; a few slow-but-ok deliveries
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    J(t, "warning", "dispatcher.http", "endpoint returned 410 Gone, dropping delivery", pod=rng.choice(pods),
      retailer="velocita-old", url="https://api.velocita.example/v1/fernpost-hook", status=410)
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    J(t, "warning", "dispatcher.http", "slow delivery", pod=rng.choice(pods), retailer=rng.choice(RETAILERS),
      elapsed_ms=rng.randint(2100, 4800), status=200)
J(PAUSE_SEEN, "warning", "dispatcher.routing", "endpoint paused by flag, parking deliveries", pod=pods[0],
  retailer="brightcart", flag="webhooks.paused-endpoints", parked_queue="tracking.parked.brightcart")
J(MITIGATED, "info", "dispatcher.stats", "queue caught up", pod=pods[0], queue_oldest_age_s=4.6, queue_depth=212)
J(add(UNPAUSE, seconds=9), "info", "dispatcher.routing", "endpoint unpaused, replaying parked deliveries", pod=pods[2],
  retailer="brightcart", parked=61873, replay_rate_per_s=40)
J(T(D + "13:18:40"), "info", "dispatcher.routing", "parked queue drained", pod=pods[2], retailer="brightcart", replayed=61873)
dl.sort(key=lambda x: x[0])
inc.lines("wd/dispatcher.log.gz", [l for _, l in dl])

# ---- Prometheus query_range: oldest event age, deliveries by outcome
def rate_ok(t):
    if STARTED <= t < PAUSE_SEEN:
        return 3.1 + (3.0 if t >= SCALE else 0.0) + rng.random() * 0.6
    if PAUSE_SEEN <= t < MITIGATED:
        return 38.0 + rng.random() * 4
    return 21.0 + rng.random() * 3
def rate_timeout(t):
    if STARTED <= t < PAUSE_SEEN:
        return 0.53 * (3 if t >= SCALE else 1) + rng.random() * 0.1
    return 0.0
def rate_gone(t):
    return 0.006 + rng.random() * 0.004
inc.json("q/range.json", query_range(
    [({"__name__": "webhook_queue_oldest_age_seconds", "job": "webhook-dispatcher", "namespace": "tracking", "queue": "tracking.events"}, age),
     ({"__name__": "outcome:webhook_deliveries:rate1m", "namespace": "tracking", "outcome": "ok"}, rate_ok),
     ({"__name__": "outcome:webhook_deliveries:rate1m", "namespace": "tracking", "outcome": "timeout"}, rate_timeout),
     ({"__name__": "outcome:webhook_deliveries:rate1m", "namespace": "tracking", "outcome": "gone"}, rate_gone)],
    W0, W1, 30), indent=None)

# ---- Zendesk incremental ticket export (B2B support portal)
tk = []
def TK(t, subj, desc, org, tags, typ="question", prio="normal", channel="web"):
    n = 884100 + len(tk)
    tk.append({"url": "https://fernpost-business.zendesk.com/api/v2/tickets/%d.json" % n, "id": n,
               "external_id": None, "via": {"channel": channel, "source": {"from": {}, "to": {}, "rel": None}},
               "created_at": iso(t), "updated_at": iso(add(t, minutes=rng.randint(5, 90))), "type": typ,
               "subject": subj, "raw_subject": subj, "description": desc, "priority": prio, "status": "open",
               "requester_id": 36000000000 + rng.randint(1, 999999), "organization_id": 3900000000 + RETAILERS.index(org) if org in RETAILERS else 3900000099,
               "group_id": 360001122334, "tags": tags, "custom_fields": [{"id": 360009911, "value": org}]})
for t in poisson_times(rng, add(W0, hours=-1), W1, 1 / 600.0):
    kind = rng.random()
    if kind < 0.5:
        TK(t, "Where is parcel %s?" % ("FP%011d" % rng.randint(10**10, 10**11 - 1)),
           "Customer says parcel not received, tracking shows delivered to neighbour.", rng.choice(RETAILERS), ["wismo", "delivered_neighbour"])
    elif kind < 0.8:
        TK(t, "Address change request", "Please redirect parcel to new address, customer moved.", rng.choice(RETAILERS), ["address_change"])
    else:
        TK(t, "Collection not made", "Driver did not collect returns yesterday.", rng.choice(RETAILERS), ["collection"])
stale = [(FIRST_TICKET, "nordhaus", "No tracking updates since ~09:50", "Our order pages show no scans for any parcel since about 09:50. Webhook endpoint is up on our side."),
         (T(D + "10:29:44"), "kiddo-shop", "Tracking webhooks stopped?", "We have not received a single tracking webhook for 35 minutes, customers are asking."),
         (T(D + "10:33:12"), "lumen-living", "Tracking status stuck", "All our parcels are stuck on 'accepted at depot', nothing since this morning's 10:00 wave."),
         (T(D + "10:36:02"), "fitkit", "URGENT: no out-for-delivery notifications", "Our 'out for delivery' emails depend on your webhook and none have gone out for 40+ minutes."),
         (T(D + "10:49:55"), "bergmann-moebel", "Tracking events delayed", "Events arriving ~1h late."),
         (T(D + "11:08:31"), "papiera", "Sendungsverfolgung aktualisiert nicht", "Seit ca. 10 Uhr keine Statusmeldungen mehr."),
         (T(D + "12:41:18"), "nordhaus", "Re: No tracking updates since ~09:50", "Confirming events are current again since ~11:40, thanks.")]
for t, org, subj, desc in stale:
    TK(t, subj, desc, org, ["tracking_stale", "webhook"], typ="incident", prio="high" if "URGENT" in subj else "normal")
bc = TK(T(D + "12:44:03"), "Re: our webhook endpoint", "BrightCart here: our ingest cluster was degraded from ~10:45 CET, fixed now. Please resume deliveries.", "brightcart", ["webhook", "retailer_endpoint"], channel="email")
tk.sort(key=lambda x: x["created_at"])
inc.json("zd/tickets_incremental.json", {"tickets": tk, "next_page": None, "count": len(tk), "end_of_stream": True,
                                          "end_time": int(epoch(W1)), "after_url": None, "before_url": None})

# ---- PagerDuty log entries: triggered by hand from CS, escalated, late ack
pd = PD(40417, "Retailers report no tracking updates since ~09:50", "tracking-webhooks", "PTRK0W1", "Tracking Platform")
priya = PD.user("Priya Raman", "PPRIYA1")
jonas = PD.user("Jonas Brandt", "PJONAS1")
malika = PD.user("Malika Ouedraogo", "PMALIK1")
pd.add(PAGE, "trigger_log_entry", priya, {"type": "web_trigger", "summary": "Retailers report no tracking updates since ~09:50",
       "details": "4 retailer tickets in 15 min (Zendesk tag tracking_stale). Please check webhook delivery."}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Jonas Brandt by push notification.", user=jonas,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, {"type": "auto"}, "Notified Jonas Brandt by phone.", user=jonas,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESCAL, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Tracking Platform"})
pd.add(add(ESCAL, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Malika Ouedraogo by phone.", user=malika,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", malika, {"type": "phone"}, "Acknowledged by Malika Ouedraogo.")
pd.add(T(D + "11:19:02"), "annotate_log_entry", malika, {"type": "web_ui", "summary": "BrightCart endpoint paused via flag; backlog draining"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", malika, {"type": "web_ui"}, "Resolved by Malika Ouedraogo.")
other = PD(40411, "KubeJobFailed finance/invoice-reconcile", "finance-batch", "PFIN0B1", "Finance Engineering")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMFIN1", "summary": "Alertmanager"}
other.add(add(CRON[-1], minutes=1, seconds=30), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(add(CRON[-1], minutes=9), "acknowledge_log_entry", PD.user("Tom Whitfield", "PTOMW01"), {"type": "mobile"}, "Acknowledged by Tom Whitfield.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd/log_entries.json", ex)

# ---- Alertmanager webhook archive (ndjson, one POST body per line), back to the 21st
hk = []
def H(t, recv, alerts, group_by=("alertname",)):
    hk.append((t, jline(am_webhook(recv, alerts, group_by))))
for c in CRON:
    a0 = add(c, minutes=1)
    lab = {"severity": "warning", "team": "finance", "namespace": "finance", "job_name": "invoice-reconcile-%d" % int(epoch(c) // 60)}
    H(add(a0, seconds=30), "pd-finance", [am_alert("KubeJobFailed", lab, "Job finance/invoice-reconcile failed to complete", a0)])
    H(add(a0, hours=2, seconds=30), "pd-finance", [am_alert("KubeJobFailed", lab, "Job finance/invoice-reconcile failed to complete", a0, ends=add(a0, hours=2))])
ql = {"severity": "warning", "team": "tracking", "namespace": "tracking", "queue": "tracking.events"}
H(add(ALERT, seconds=30), "slack-tracking", [am_alert("WebhookQueueAgeHigh", ql, "oldest tracking event waiting 30m+ for webhook delivery", ALERT,
  desc="webhook_queue_oldest_age_seconds > 1800 for 10m")])
H(add(ALERT_OK, seconds=30), "slack-tracking", [am_alert("WebhookQueueAgeHigh", ql, "oldest tracking event waiting 30m+ for webhook delivery", ALERT, ends=ALERT_OK)])
hl = {"severity": "warning", "team": "hub-systems", "hub": "DUS1", "printer": "dus1-lp-07"}
for s0, e0 in [("09:22:10", "09:26:40"), ("10:12:25", "10:15:55"), ("11:44:05", "11:49:35"), ("12:58:15", "13:01:45")]:
    s_, e_ = T(D + s0), T(D + e0)
    H(add(s_, seconds=30), "slack-hubs", [am_alert("LabelPrinterQueueStuck", hl, "label print queue on dus1-lp-07 not draining", s_)])
    H(add(e_, seconds=30), "slack-hubs", [am_alert("LabelPrinterQueueStuck", hl, "label print queue on dus1-lp-07 not draining", s_, ends=e_)])
gl = {"severity": "warning", "team": "addressing", "service": "geocoder"}
G0 = T(D + "11:51:30")
H(add(G0, seconds=30), "slack-addressing", [am_alert("GeocoderP99High", gl, "geocoder p99 above 900ms", G0)])
H(T(D + "12:07:00"), "slack-addressing", [am_alert("GeocoderP99High", gl, "geocoder p99 above 900ms", G0, ends=T(D + "12:06:30"))])
hk.sort(key=lambda x: x[0])
inc.lines("am/posts.ndjson", [l for _, l in hk])

# ---- Unleash admin events (flag history), filed as deploys
ev = []
def UE(t, typ, who, feature, data, pre=None, env="production", project="tracking"):
    ev.append({"id": 118200 + len(ev), "type": typ, "createdBy": who, "createdAt": iso(t, ms=True) if t.microsecond else iso(t).replace("Z", ".000Z"),
               "data": data, "preData": pre, "tags": [], "featureName": feature, "project": project, "environment": env})
UE(T("2026-11-23 15:12:40"), "feature-strategy-update", "anna.lenz@fernpost.example", "labels.zpl-v2-templates",
   {"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "default", "groupId": "labels.zpl-v2-templates"}},
   {"name": "flexibleRollout", "parameters": {"rollout": "10", "stickiness": "default", "groupId": "labels.zpl-v2-templates"}}, project="labels")
UE(T(D + "10:02:18"), "feature-environment-enabled", "kai.wendt@fernpost.example", "customs.ics2-house-filing-v3", None, project="customs")
UE(PAUSE, "feature-strategy-update", "malika.ouedraogo@fernpost.example", "webhooks.paused-endpoints",
   {"name": "default", "constraints": [{"contextName": "retailer", "operator": "IN", "values": ["brightcart"]}], "parameters": {}},
   {"name": "default", "constraints": [{"contextName": "retailer", "operator": "IN", "values": []}], "parameters": {}})
UE(UNPAUSE, "feature-strategy-update", "malika.ouedraogo@fernpost.example", "webhooks.paused-endpoints",
   {"name": "default", "constraints": [{"contextName": "retailer", "operator": "IN", "values": []}], "parameters": {}},
   {"name": "default", "constraints": [{"contextName": "retailer", "operator": "IN", "values": ["brightcart"]}], "parameters": {}})
UE(T(D + "13:02:55"), "feature-strategy-update", "anna.lenz@fernpost.example", "labels.zpl-v2-templates",
   {"name": "flexibleRollout", "parameters": {"rollout": "100", "stickiness": "default", "groupId": "labels.zpl-v2-templates"}},
   {"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "default", "groupId": "labels.zpl-v2-templates"}}, project="labels")
ev.sort(key=lambda e: e["createdAt"], reverse=True)
inc.json("flags/events.json", {"version": 2, "events": ev, "totalEvents": len(ev)})

# ---- kube events (tracking, labels, addressing, finance namespaces)
k = Kube(rng)
def rollout(t, ns, dep, rs_old, rs_new, n, image, container):
    k.ev(t, ns, "Deployment", dep, "ScalingReplicaSet", "Scaled up replica set %s-%s to 1" % (dep, rs_new), component="deployment-controller")
    for i in range(n):
        pod = "%s-%s-%s" % (dep, rs_new, hexid(rng, 5))
        k.pod_start(add(t, seconds=1 + i * 21), ns, pod, "ip-10-40-%d-%d.eu-central-1.compute.internal" % (rng.randint(1, 60), rng.randint(2, 250)), image, container)
        k.ev(add(t, seconds=18 + i * 21), ns, "Deployment", dep, "ScalingReplicaSet",
             "Scaled down replica set %s-%s to %d from %d" % (dep, rs_old, n - i - 1, n - i), component="deployment-controller")
rollout(LABEL_DEPLOY, "labels", "label-api", "5b8c7d9f4", "6d4f8b2c1", 3, "registry.fernpost.example/labels/label-api:4.12.0", "label-api")
rollout(ADDR_DEPLOY, "addressing", "address-svc", "75f9c6d48", "8c2e1a7b3", 2, "registry.fernpost.example/addressing/address-svc:2.40.1", "address-svc")
k.ev(SCALE, "tracking", "Deployment", "webhook-dispatcher", "ScalingReplicaSet",
     "Scaled up replica set webhook-dispatcher-7c9d8f6b5 to 12 from 4", component="deployment-controller")
for i, p in enumerate(more):
    k.pod_start(add(SCALE, seconds=1 + i * 2), "tracking", p, "ip-10-40-%d-%d.eu-central-1.compute.internal" % (rng.randint(1, 60), rng.randint(2, 250)),
                "registry.fernpost.example/tracking/webhook-dispatcher:3.7.2", "dispatcher")
c = CRON[-1]
job = "invoice-reconcile-%d" % int(epoch(c) // 60)
k.ev(add(c, seconds=-60), "finance", "CronJob", "invoice-reconcile", "SuccessfulCreate", "Created job %s" % job, component="cronjob-controller")
k.ev(add(c, seconds=-59), "finance", "Job", job, "SuccessfulCreate", "Created pod: %s-%s" % (job, hexid(rng, 5)), component="job-controller")
k.ev(c, "finance", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(c, seconds=2), "finance", "CronJob", "invoice-reconcile", "SawCompletedJob", "Saw completed job: %s, status: Failed" % job, component="cronjob-controller")
inc.json("k8s/events.json", k.core_list())

# ---- Slack export
s = Slack()
for u, n, r in [("U1PRIYA", "priya.r", "Priya Raman"), ("U1MALIK", "malika", "Malika Ouedraogo"), ("U1JONAS", "jonas.b", "Jonas Brandt"),
                ("U1OSKAR", "oskar", "Oskar Lindgren"), ("U1ANNA", "anna.lenz", "Anna Lenz"), ("U1DEV", "devraj", "Devraj Patel")]:
    s.user(u, n, r, "Europe/Berlin")
s.user("U1AMBOT", "alertmanager", "Alertmanager", bot=True)
for cid, n, p in [("C1CSE", "cs-escalations", "Customer service escalations to engineering"), ("C1INC", "inc-tracking-webhooks", "Incident channel"),
                  ("C1TRA", "tracking-alerts", "Alerts for the tracking platform"), ("C1DEP", "deploys", "Deploy announcements")]:
    s.channel(cid, n, p)
ch = "cs-escalations"
s.say(ch, T(D + "10:24:40"), "U1PRIYA", "Nordhaus says no tracking updates since ~09:50 for any parcel. Anyone aware of something?")
s.say(ch, T(D + "10:35:05"), "U1PRIYA", "now 4 retailers with the same complaint (Nordhaus, Kiddo, Lumen, FitKit). fitkit's out-for-delivery emails aren't going out")
s.say(ch, add(PAGE, seconds=20), "U1PRIYA", "paging tracking platform on-call from PagerDuty")
s.say("deploys", add(LABEL_DEPLOY, seconds=70), "U1ANNA", "label-api 4.12.0 rolling out to prod (ZPL v2 template tweaks)")
s.say("deploys", add(ADDR_DEPLOY, seconds=50), "U1DEV", "address-svc 2.40.1 going out, postcode table refresh for NL")
for t0, st, txt in [(add(ALERT, seconds=31), "firing", "oldest tracking event waiting 30m+ for webhook delivery\nseverity: warning"),
                    (add(ALERT_OK, seconds=31), "resolved", "oldest tracking event waiting 30m+ for webhook delivery")]:
    s.bot("tracking-alerts", t0, "B1AM", "alertmanager", attachments=am_slack_attachment(st, "WebhookQueueAgeHigh", txt, color="warning" if st == "firing" else "good"))
ch = "inc-tracking-webhooks"
s.say(ch, add(ACK, seconds=50), "U1MALIK", "acked (got the escalation call, Jonas seems unreachable). looking at the dispatcher")
s.say(ch, T(D + "10:58:12"), "U1MALIK", "queue oldest age is ~4300s and climbing, all 16 workers busy. deliveries are going out but at a trickle")
s.say(ch, WRONG, "U1OSKAR", "label-api 4.12 went out at 09:40, just before this started. could it be publishing malformed events that the dispatcher chokes on?")
s.say(ch, ROLLBACK_Q, "U1OSKAR", "should we roll back label-api?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U1MALIK", "not sure yet, the dispatcher isn't logging any parse errors. scaling the dispatcher to 12 first to buy time")
s.say(ch, add(SCALE, seconds=80), "U1MALIK", "12 pods up. age still growing, just slower")
s.say(ch, DIAG, "U1MALIK", "found it: almost every worker is sitting in a BrightCart delivery. their endpoint hangs until our 10s timeout and we retry inline 3x, so each one holds a worker 30s. head-of-line blocking for every other retailer")
s.say(ch, add(DIAG, seconds=40), "U1OSKAR", "ok so not label-api. BrightCart is ~35% of our event volume this week")
s.say(ch, add(DIAG, seconds=95), "U1MALIK", "pausing brightcart via webhooks.paused-endpoints, their events go to the parked queue and get replayed later")
s.say(ch, add(PAUSE_SEEN, seconds=30), "U1MALIK", "pause is live, workers free, backlog draining at ~40/s")
s.say(ch, COMMS, "U1PRIYA", "sent the retailer macro: 'tracking updates delayed up to 75 min, catching up now; BrightCart deliveries paused until their endpoint recovers'")
s.say(ch, add(MITIGATED, seconds=40), "U1MALIK", "queue caught up, oldest event 5s. all retailers except brightcart current")
s.say(ch, T(D + "12:46:10"), "U1PRIYA", "BrightCart replied on the ticket: their ingest was degraded from ~10:45 CET, fixed now")
s.say(ch, add(UNPAUSE, seconds=35), "U1MALIK", "unpaused brightcart, parked replay at 40/s")
s.say(ch, T(D + "13:20:05"), "U1MALIK", "brightcart parked queue drained. follow-up: per-endpoint worker budget and no inline retries")
s.say(ch, add(RESOLVED, seconds=-20), "U1MALIK", "resolving")
s.write(inc, "chat")

inc.truth(
    "fernpost-webhook-hol", "slow-retailer-endpoint-head-of-line-blocking-shared-webhook-dispatcher",
    "BrightCart's webhook endpoint began hanging until our 10 s timeout; with three inline retries its deliveries held every\n"
    "dispatcher worker and all retailers' tracking events went stale until BrightCart was paused by flag; retailers noticed first.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first BrightCart delivery attempt times out", "wd/dispatcher.log.gz", 60),
     (PAGE, "paged", "CS lead triggers PagerDuty #40417 by hand after retailer tickets", "pd/log_entries.json", 60),
     (ALERT, "alert_fired", "WebhookQueueAgeHigh warning fires (after the page)", "am/posts.ndjson", 60),
     (ACK, "acknowledged", "escalated by timeout; Malika acknowledges", "pd/log_entries.json", 60),
     (SCALE, "mitigation", "dispatcher scaled 4 -> 12 (only slows the growth)", "k8s/events.json", 60),
     (DIAG, "diagnosis", "Malika: BrightCart timeouts with inline retries hold every worker (head-of-line blocking)", "chat", 90),
     (PAUSE, "mitigation", "webhooks.paused-endpoints set to brightcart", "flags/events.json", 60),
     (COMMS, "communication", "retailer macro sent about delayed tracking", "chat", 90),
     (ALERT_OK, "alert_resolved", "WebhookQueueAgeHigh resolved", "am/posts.ndjson", 60),
     (MITIGATED, "recovery", "queue caught up, oldest event age back to seconds", "wd/dispatcher.log.gz", 90),
     (UNPAUSE, "change", "brightcart unpaused, parked deliveries replayed", "flags/events.json", 60),
     (RESOLVED, "resolved", "PagerDuty #40417 resolved", "pd/log_entries.json", 60)],
    [(LABEL_DEPLOY, "labels team's label-api 4.12.0 rollout seven minutes before the first symptom (not the cause)", "k8s/events.json"),
     (ADDR_DEPLOY, "addressing team's address-svc rollout", "k8s/events.json"),
     (T(D + "10:02:18"), "customs team enables a flag", "flags/events.json"),
     (CRON[-1], "invoice-reconcile CronJob fails every day at 09:31 (KubeJobFailed, own PagerDuty incident)", "am/posts.ndjson"),
     (T(D + "09:22:10"), "LabelPrinterQueueStuck dus1-lp-07 flapping all day (hub systems)", "am/posts.ndjson"),
     (G0, "GeocoderP99High for the addressing team", "am/posts.ndjson"),
     (WRONG, "wrong hunch: label-api 4.12 publishing malformed events", "chat"),
     (ROLLBACK_Q, "'should we roll back label-api?' question, not done", "chat"),
     (T(D + "12:00:00"), "steady 410 Gone from velocita-old's deleted endpoint and slow deliveries all window", "wd/dispatcher.log.gz"),
     (T(D + "10:00:00"), "steady where-is-my-parcel and address-change tickets", "zd/tickets_incremental.json")],
    [("wd/dispatcher.log.gz", "logs"), ("q/range.json", "prometheus-query-range"), ("zd/tickets_incremental.json", "logs"),
     ("pd/log_entries.json", "pagerduty-log-entries"), ("am/posts.ndjson", "alertmanager-webhook"), ("flags/events.json", "deploys"),
     ("k8s/events.json", "kube-events"), ("chat", "slack-export")])
