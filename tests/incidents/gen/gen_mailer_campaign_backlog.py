"""retired8/mailer-campaign-backlog: the autumn-sale campaign, scheduled in Celery beat for Monday 08:00 Sydney time, fans
7.4M marketing emails into the same RabbitMQ queue as password resets and order receipts; as its warm-up ramp passes the
workers' throughput the backlog and the transactional delay grow slowly, and shrink slowly after the workers are scaled
from 6 to 30 (Celery log in Australia/Sydney local time without offsets)."""
import bisect
import random
from common import *

rng = random.Random(20260302)
inc = Incident("retired8", "mailer-campaign-backlog")
TZ = "Australia/Sydney"
W0, W1 = T("2026-03-01 20:30:00"), T("2026-03-01 23:30:00")
S0, S1 = T("2026-03-01 20:20:00"), T("2026-03-01 23:40:00")
CRON = [T("2026-%s 20:30:%02d" % (d, 2 + i)) for i, d in enumerate(("02-25", "02-26", "02-27", "02-28", "03-01"))]
CAMPAIGN = add(T("2026-03-01 21:00:00"), seconds=0.013)
FANOUT = T("2026-03-01 21:00:05")
RAMP_S = 480
PEAK = 1500.0
TOTAL = 7_412_880
SCALE = T("2026-03-01 21:46:10")
OTHER_DEPLOY = T("2026-03-01 21:22:40")

# ---- per-second queue simulation (FIFO)
N = int((S1 - S0).total_seconds()) + 1
def tx_rate(i):
    return 45.0 + 6.0 * ((i * 7919) % 13) / 13.0
def camp_rate(i):
    t = (add(S0, seconds=i) - FANOUT).total_seconds()
    if t < 0:
        return 0.0
    return PEAK * min(1.0, t / RAMP_S)
def cap(i):
    t = (add(S0, seconds=i) - SCALE).total_seconds()
    if t < 20:
        return 620.0
    return 620.0 + 2480.0 * min(1.0, (t - 20) / 60.0)
A = [0.0] * N     # cumulative arrivals at end of second i
Dp = [0.0] * N
sent = 0.0
camp_end = None
for i in range(1, N):
    c = camp_rate(i)
    if sent + c >= TOTAL:
        c = max(0.0, TOTAL - sent)
        if camp_end is None and c < PEAK:
            camp_end = i
    sent += c
    A[i] = A[i - 1] + tx_rate(i) + c
    Dp[i] = min(A[i], Dp[i - 1] + cap(i))
backlog = [A[i] - Dp[i] for i in range(N)]
def age(i):
    if backlog[i] < 1.0:
        return None
    j = bisect.bisect_left(A, Dp[i])
    return float(i - j)
start_i = next(i for i in range(N) if backlog[i] >= 1.0)
STARTED = add(S0, seconds=start_i)
scale_i = int((SCALE - S0).total_seconds())
end_i = next(i for i in range(scale_i, N) if backlog[i] < 1.0)
MITIGATED = add(S0, seconds=end_i)
CAMP_END = add(S0, seconds=camp_end)

def at(t):
    return max(0, min(N - 1, int((t - S0).total_seconds())))
jit = random.Random(7)
def oldest_age(t):
    a = age(at(t))
    return round(jit.uniform(0.3, 1.6), 2) if a is None else round(a + jit.uniform(0.3, 1.6), 2)
def ready(t):
    return int(backlog[at(t)] + jit.randint(0, 60))

# alert evaluation every 30 s (offset 7 s), with `for`
def fire_times(pred, for_s, evals):
    firing, since, out = False, None, []
    for t in evals:
        if pred(t):
            since = since or t
            if not firing and (t - since).total_seconds() >= for_s:
                firing = True
                out.append(("fire", t, since))
        else:
            since = None
            if firing:
                firing = False
                out.append(("resolve", t, None))
    return out
EVALS = list(frange(add(S0, seconds=7), S1, 30))
depth_ev = fire_times(lambda t: backlog[at(t)] > 250_000, 120, EVALS)
age_ev = fire_times(lambda t: (age(at(t)) or 0) > 300, 300, EVALS)
DEPTH_FIRE = depth_ev[0][1]
DEPTH_OK = depth_ev[1][1]
ALERT = age_ev[0][1]
ALERT_OK = age_ev[1][1]
PAGE = add(ALERT, seconds=12)
ACK = add(PAGE, seconds=203)
WRONG = add(ACK, seconds=130)
COMMS = add(ACK, seconds=305)
ROLLBACK_Q = add(ACK, seconds=420)
DIAG = add(ACK, seconds=655)
RESOLVED = add(MITIGATED, minutes=21, seconds=14)
assert DEPTH_FIRE < ALERT < ACK < DIAG < SCALE < MITIGATED, (DEPTH_FIRE, ALERT, ACK, DIAG, SCALE, MITIGATED)

# ---- celery beat + worker log (Sydney local time, no offset)
cl = []
def C(t, lvl, proc, msg):
    lt = local(t, TZ)
    cl.append((t, "[%s,%03d: %s/%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, proc, msg)))
L0, L1 = T("2026-03-01 19:30:00"), T("2026-03-01 23:40:00")
for t in frange(add(L0, seconds=13), L1, 300):
    C(t, "INFO", "MainProcess", "Scheduler: Sending due task mailer-queue-stats (mailer.tasks.publish_queue_stats)")
c = CRON[-1]
C(c, "INFO", "MainProcess", "Scheduler: Sending due task crm-unsubscribe-sync (crm.tasks.sync_unsubscribes)")
C(add(c, seconds=0.2), "INFO", "MainProcess", "Task crm.tasks.sync_unsubscribes[%s] received" % uuid("crm" + str(c)))
C(add(c, seconds=3.9), "ERROR", "ForkPoolWorker-2", "Task crm.tasks.sync_unsubscribes[%s] raised unexpected: HTTPError('401 Client Error: Unauthorized for url: https://api.crm.example.com/v2/lists/unsubscribes?since=2026-03-01')" % uuid("crm" + str(c)))
C(CAMPAIGN, "INFO", "MainProcess", "Scheduler: Sending due task autumn-sale-launch (campaigns.tasks.launch_campaign)")
C(add(CAMPAIGN, seconds=0.09), "INFO", "MainProcess", "Task campaigns.tasks.launch_campaign[%s] received" % uuid("camp"))
C(FANOUT, "INFO", "ForkPoolWorker-5", "campaigns.launch: autumn-sale-2026 fan-out started: recipients=%d queue=email warmup=480s target_rate=1500/s" % TOTAL)
for k in range(1, 10):
    t = add(FANOUT, minutes=5 * k)
    if t > CAMP_END:
        break
    C(t, "INFO", "ForkPoolWorker-5", "campaigns.launch: autumn-sale-2026 published=%d rate=%d/s" % (int(min(TOTAL, sum(camp_rate(i) for i in range(at(FANOUT), at(t))))), int(camp_rate(at(t)))))
C(CAMP_END, "INFO", "ForkPoolWorker-5", "campaigns.launch: autumn-sale-2026 fan-out complete: published=%d in %ds" % (TOTAL, int((CAMP_END - FANOUT).total_seconds())))
C(add(CAMP_END, seconds=0.3), "INFO", "ForkPoolWorker-5", "Task campaigns.tasks.launch_campaign[%s] succeeded in %.3fs: None" % (uuid("camp"), (CAMP_END - CAMPAIGN).total_seconds()))
TEMPL = ["password_reset", "order_receipt", "email_verify", "order_shipped", "login_code"]
for t in poisson_times(rng, L0, L1, 0.12):
    a = age(at(t))
    if a is not None and a > 60:
        C(t, "WARNING", "ForkPoolWorker-%d" % rng.randint(1, 16), "mailer.tasks.send_email: slow delivery template=%s queued_for=%.1fs msg_id=%s" % (rng.choice(TEMPL), a + rng.uniform(0.2, 1.5), hexid(rng, 12)))
for t in poisson_times(rng, L0, L1, 1 / 160.0):
    C(t, "WARNING", "ForkPoolWorker-%d" % rng.randint(1, 16), "mailer.tasks.send_email: SES send_raw_email ServiceUnavailable, retry 1/5 in 10s (msg_id=%s)" % hexid(rng, 12))
for t in poisson_times(rng, L0, L1, 1 / 900.0):
    C(t, "INFO", "MainProcess", "missed heartbeat from celery@mailer-worker-6f7c9d8b5-%s" % hexid(rng, 5))
inc.lines("celery.log", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ---- OpenMetrics from the mailer exporter and rabbitmq (30 s)
pts = list(frange(S0, S1, 30))
def workers(t):
    if t < add(SCALE, seconds=20):
        return 6
    return min(30, 6 + int((t - add(SCALE, seconds=20)).total_seconds() / 2.5))
inc.write("mq.om", openmetrics([
    ("rabbitmq_queue_messages_ready", "gauge", "Messages ready to be delivered to consumers",
     [({"vhost": "mailer", "queue": "email"}, [(t, ready(t)) for t in pts]),
      ({"vhost": "mailer", "queue": "webhooks"}, [(t, jit.randint(0, 40)) for t in pts])]),
    ("mailer_queue_oldest_message_age_seconds", "gauge", "Age of the message at the head of the queue",
     [({"queue": "email"}, [(t, oldest_age(t)) for t in pts])]),
    ("mailer_transactional_delivery_delay_seconds", "gauge", "p95 delay from enqueue to SES accept, transactional templates",
     [({"quantile": "0.95"}, [(t, round((age(at(t)) or 0.0) + jit.uniform(0.8, 2.4), 2)) for t in pts])]),
    ("kube_deployment_status_replicas_available", "gauge", "The number of available replicas per deployment",
     [({"namespace": "mailer", "deployment": "mailer-worker"}, [(t, workers(t)) for t in pts])]),
]))

# ---- alert rules
inc.write("mailer.yaml", """groups:
- name: mailer
  interval: 30s
  rules:
  - alert: MailerQueueDepthHigh
    expr: rabbitmq_queue_messages_ready{vhost="mailer",queue="email"} > 250000
    for: 2m
    labels: {severity: warning, team: messaging}
    annotations:
      summary: email queue has {{ $value }} messages ready
  - alert: MailerQueueOldestMessageAgeHigh
    expr: mailer_queue_oldest_message_age_seconds{queue="email"} > 300
    for: 5m
    labels: {severity: page, team: messaging}
    annotations:
      summary: oldest message in the email queue is {{ $value | humanizeDuration }} old
  - alert: CrmUnsubscribeSyncFailed
    expr: increase(celery_task_failed_total{name="crm.tasks.sync_unsubscribes"}[15m]) > 0
    labels: {severity: warning, team: crm}
    annotations:
      summary: crm unsubscribe sync failed
- name: storefront
  rules:
  - alert: SearchWebP95High
    expr: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="search-web"}[5m]))) > 1.2
    for: 3m
    labels: {severity: warning, team: storefront}
- name: analytics
  rules:
  - alert: KubePodCrashLooping
    expr: max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff",namespace="analytics"}[5m]) >= 1
    for: 5m
    labels: {severity: warning, team: analytics}
""")

# ---- kube events (core/v1 list)
k = Kube(rng)
RS = "mailer-worker-6f7c9d8b5"
k.ev(SCALE, "mailer", "Deployment", "mailer-worker", "ScalingReplicaSet", "Scaled up replica set %s to 30 from 6" % RS, component="deployment-controller")
k.ev(add(SCALE, seconds=1), "mailer", "ReplicaSet", RS, "SuccessfulCreate", "Created pod: %s-%s" % (RS, hexid(rng, 5)), component="replicaset-controller", count=24)
for n in range(24):
    pod = "%s-%s" % (RS, uid("pod%d" % n, 5))
    k.pod_start(add(SCALE, seconds=2 + n // 3), "mailer", pod, "ip-10-30-%d-%d.ap-southeast-2.compute.internal" % (n % 3, 20 + n), "registry.example.net/mailer:2.14.0", "mailer-worker")
SRS_OLD, SRS_NEW = "search-web-84d5b7c9f", "search-web-5c9f7b6d4"
k.ev(OTHER_DEPLOY, "storefront", "Deployment", "search-web", "ScalingReplicaSet", "Scaled up replica set %s to 2 from 0" % SRS_NEW, component="deployment-controller")
for n in range(4):
    t = add(OTHER_DEPLOY, seconds=35 * n + 20)
    k.ev(t, "storefront", "Deployment", "search-web", "ScalingReplicaSet", "Scaled down replica set %s to %d from %d" % (SRS_OLD, 3 - n, 4 - n), component="deployment-controller")
    k.pod_start(add(OTHER_DEPLOY, seconds=35 * n), "storefront", "%s-%s" % (SRS_NEW, uid("s%d" % n, 5)), "ip-10-30-1-%d.ap-southeast-2.compute.internal" % (40 + n), "registry.example.net/search-web:9.3.1", "search-web")
ETL = "etl-runner-7c5b9d8f4-q2w8r"
for t in frange(T("2026-03-01 20:41:00"), T("2026-03-01 23:25:00"), 1337):
    k.ev(t, "analytics", "Pod", ETL, "BackOff", "Back-off restarting failed container etl-runner in pod %s_analytics(%s)" % (ETL, uuid(ETL)), type_="Warning",
         host="ip-10-30-2-11.ap-southeast-2.compute.internal", count=rng.randint(40, 90), first=T("2026-03-01 18:02:13"))
inc.json("events.json", k.core_list())

# ---- pagerduty log entries
pd = PD(7721, "MailerQueueOldestMessageAgeHigh: oldest message in the email queue is 5m old", "mailer", "PMAIL42", "Messaging")
hemi = PD.user("Hemi Walker", "PHEMIWK")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager syd"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Hemi Walker by SMS.", user=hemi)
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Hemi Walker by phone call.", user=hemi)
pd.add(ACK, "acknowledge_log_entry", hemi, {"type": "mobile"}, "Acknowledged by Hemi Walker.")
pd.add(RESOLVED, "resolve_log_entry", hemi, {"type": "web_ui"}, "Resolved by Hemi Walker.")
inc.json("7721.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("UHEMI", "hemi", "Hemi Walker"), ("USIOB", "siobhan", "Siobhan Kelly"), ("URAJ", "raj", "Raj Patel"),
                ("UCHLO", "chloe", "Chloe Martin"), ("UTOM", "tom", "Tom Nguyen")]:
    s.user(u, n, r, TZ)
s.channel("CMALR", "mailer-alerts", "alerts for messaging")
s.channel("CSHAR", "alerts-shared", "everyone's warnings")
s.channel("CSUPP", "support-escalations", "support -> eng")
s.channel("CINCE", "inc-email-delays", "incident channel")
for c in CRON:
    s.bot("mailer-alerts", add(c, seconds=52), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "CrmUnsubscribeSyncFailed", "crm unsubscribe sync failed", color="warning"))
s.bot("mailer-alerts", add(DEPTH_FIRE, seconds=11), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "MailerQueueDepthHigh", "email queue has %d messages ready" % ready(DEPTH_FIRE), color="warning"))
s.bot("mailer-alerts", add(ALERT, seconds=11), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "MailerQueueOldestMessageAgeHigh", "oldest message in the email queue is 5m old"))
s.bot("mailer-alerts", add(ALERT_OK, seconds=11), "BAM03", "alertmanager", attachments=am_slack_attachment("resolved", "MailerQueueOldestMessageAgeHigh", "email queue"))
s.bot("mailer-alerts", add(DEPTH_OK, seconds=11), "BAM03", "alertmanager", attachments=am_slack_attachment("resolved", "MailerQueueDepthHigh", "email queue"))
for a, b in [("20:44:07", "20:50:37"), ("21:31:37", "21:36:07"), ("22:26:07", "22:33:37")]:
    s.bot("alerts-shared", T("2026-03-01 " + a), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "SearchWebP95High", "search-web p95 > 1.2s (team storefront)", color="warning"))
    s.bot("alerts-shared", T("2026-03-01 " + b), "BAM03", "alertmanager", attachments=am_slack_attachment("resolved", "SearchWebP95High", "search-web"))
for a in ("20:48:37", "21:37:07", "22:51:37"):
    s.bot("alerts-shared", T("2026-03-01 " + a), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "KubePodCrashLooping", "analytics/etl-runner is crash looping (team analytics)", color="warning"))
s.say("support-escalations", T("2026-03-01 21:14:31"), "UCHLO", "few customers on chat saying password reset emails aren't arriving, anyone aware?")
ch = "inc-email-delays"
s.say(ch, add(ACK, seconds=40), "UHEMI", "acked. email queue oldest message is 6+ min and climbing, password resets and receipts waiting behind it")
s.say(ch, WRONG, "URAJ", "is SES throttling us? we hit the sending quota in November")
s.say(ch, add(WRONG, seconds=75), "UHEMI", "SES dashboard shows ~620/s accepted, well under our 5000/s quota, no throttles")
s.say(ch, COMMS, "UCHLO", "statuspage: 'Emails such as password resets and order confirmations are delayed. Investigating.'")
s.say(ch, ROLLBACK_Q, "URAJ", "should we roll back mailer 2.14 from Friday?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "UHEMI", "don't think so, throughput per worker is the same as last week")
s.say(ch, DIAG, "UHEMI", "it's the autumn sale campaign: beat launched it at 8:00 and after its warm-up it's pushing ~1500/s into the same `email` queue as password resets. the 6 workers only do ~620/s, so every transactional mail sits behind the campaign")
s.say(ch, add(DIAG, seconds=80), "USIOB", "marketing won't pause the launch, the sale went live at 8")
s.say(ch, add(DIAG, seconds=140), "UTOM", "can we just purge the queue?")
s.say(ch, add(DIAG, seconds=170), "UHEMI", "no, that drops the resets too. scaling mailer-worker to 30, SES has the headroom")
s.say(ch, add(SCALE, seconds=15), "UHEMI", "kubectl scale deploy/mailer-worker --replicas=30 done")
s.say(ch, add(SCALE, seconds=600), "UHEMI", "oldest message age going down about a second per second, should be drained in ~20 min")
s.say(ch, add(MITIGATED, seconds=70), "UHEMI", "queue is empty, resets arrive in seconds again")
s.say(ch, add(RESOLVED, seconds=-45), "UHEMI", "resolving. follow-up: separate queue for transactional templates, campaigns on their own workers")
s.write(inc, "slack")

inc.truth(
    "mailer-campaign-backlog", "scheduled-campaign-shared-queue-backlog",
    "A marketing campaign scheduled in Celery beat for 08:00 Sydney fanned 7.4M emails into the queue shared with password resets and receipts;\n"
    "past its warm-up the workers fell behind, transactional delay grew for 40 minutes and drained slowly after the workers were scaled 6 -> 30.",
    (W0, W1),
    dict(started=STARTED, detected=DEPTH_FIRE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CAMPAIGN, "change", "beat sends autumn-sale-launch (scheduled campaign fan-out into the email queue)", "celery.log", 60),
     (STARTED, "first_symptom", "email queue backlog and oldest-message age start rising above baseline", "mq.om", 60),
     (DEPTH_FIRE, "alert_fired", "MailerQueueDepthHigh (warning)", "slack", 60),
     (ALERT, "alert_fired", "MailerQueueOldestMessageAgeHigh (page)", "slack", 60),
     (PAGE, "paged", "PagerDuty #7721 triggered", "7721.json", 60),
     (ACK, "acknowledged", "Hemi Walker acknowledges", "7721.json", 60),
     (COMMS, "communication", "status page: password reset and order emails delayed", "slack", 60),
     (DIAG, "diagnosis", "Hemi: the campaign fans 1500/s into the shared email queue, workers do 620/s", "slack", 60),
     (SCALE, "mitigation", "mailer-worker scaled from 6 to 30", "events.json", 60),
     (MITIGATED, "recovery", "backlog drained; oldest-message age back to baseline", "mq.om", 60),
     (ALERT_OK, "alert_resolved", "MailerQueueOldestMessageAgeHigh resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #7721 resolved", "7721.json", 60)],
    [(CRON[-1], "crm-unsubscribe-sync fails every day at 07:30 Sydney (401 from the CRM)", "celery.log"),
     (add(CRON[-1], seconds=52), "CrmUnsubscribeSyncFailed warning, daily", "slack"),
     (OTHER_DEPLOY, "search-web rollout by the storefront team", "events.json"),
     (T("2026-03-01 20:44:07"), "SearchWebP95High flapping for the storefront team", "slack"),
     (T("2026-03-01 20:48:37"), "KubePodCrashLooping analytics/etl-runner, all evening", "slack"),
     (WRONG, "wrong hunch: SES throttling", "slack"),
     (ROLLBACK_Q, "'should we roll back mailer 2.14?' question", "slack"),
     (add(DIAG, seconds=140), "'can we just purge the queue?' question", "slack"),
     (T("2026-03-01 22:40:00"), "steady SES ServiceUnavailable retries and missed heartbeats all window", "celery.log")],
    [("celery.log", "logs", TZ), ("mq.om", "openmetrics"), ("mailer.yaml", "alert-rules"), ("events.json", "kube-events"),
     ("7721.json", "pagerduty-log-entries"), ("slack", "slack-export")])
print("started", STARTED, "depth", DEPTH_FIRE, "age", ALERT, "ack", ACK, "diag", DIAG, "camp_end", CAMP_END, "mitigated", MITIGATED, "age_ok", ALERT_OK, "depth_ok", DEPTH_OK, "resolved", RESOLVED)
