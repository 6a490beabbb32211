"""retired7/webhooks-queue-xmin: the Monday finance export opens a long REPEATABLE READ transaction on a hot-standby
replica with hot_standby_feedback on; the primary's xmin horizon stops, the high-churn jobs table bloats with dead
tuples vacuum can't remove, dequeues slow down over an hour and merchant webhooks fall behind until the export's
backend is terminated and the table vacuumed by hand."""
import math
import random
from common import *

rng = random.Random(20261005)
inc = Incident("retired7", "webhooks-queue-xmin")
D = "2026-10-05 "
W0, W1 = T(D + "05:45:00"), T(D + "08:45:00")
CRON = [T("2026-10-%02d 07:00:00" % d) for d in (2, 3, 4, 5)]  # sitemap-rebuild, fails every day
EXPORT = T(D + "06:00:00")
HOLD = T(D + "06:00:31")        # export's snapshot taken on replica-1; primary xmin stops here
XMIN = 918220431
OTHER_DEPLOY = T(D + "07:12:40")
DEAD_ALERT = T(D + "07:13:30")
TERMINATE = T(D + "07:59:40.412")
VAC_START = T(D + "08:00:31")
VAC_END = T(D + "08:04:59.331")
RESOLVED = T(D + "08:36:40")
CHURN = 800.0                   # dead job rows per second (insert + delete)
LAMBDA = 40.0                   # jobs enqueued per second
WORKERS = 32
PODS = ["webhook-worker-6f7b9c5d4-2xkqp", "webhook-worker-6f7b9c5d4-8hm4t", "webhook-worker-6f7b9c5d4-lq9zr", "webhook-worker-6f7b9c5d4-w5cvn"]


def held_s(t):
    if t < HOLD:
        return 0.0
    if t >= VAC_END:
        return 0.0
    return (min(t, VAC_END) - HOLD).total_seconds()


def dead_tuples(t):
    if t >= VAC_END:
        return 21000.0 + 300 * ((t - VAC_END).total_seconds() % 60)
    return 18000.0 + CHURN * held_s(t)


def deq_ms(t):
    """typical dequeue time: the SKIP LOCKED scan walks the dead index entries"""
    return 2.0 + held_s(t) / 6.0

# ---- queue simulation in 10 s steps
STEP = 10
sim = []
backlog = 0.0
for t in frange(W0, W1, STEP):
    cap = WORKERS / (deq_ms(t) / 1000.0 + 0.15)
    backlog = max(0.0, backlog + (LAMBDA - cap) * STEP)
    age = backlog / min(cap, LAMBDA) if backlog > 0 else 0.0
    sim.append((t, backlog, age, cap))


def sim_at(t):
    best = sim[0]
    for row in sim:
        if row[0] <= t:
            best = row
    return best

# ---- webhook-worker zap JSON logs
wl = []


def Z(t, level, caller, msg, **kw):
    wl.append((t, jline({"level": level, "ts": round(epoch(t), 6), "logger": "webhooks", "caller": caller, "msg": msg, **kw})))


slow_lines = []
for pod_i, pod in enumerate(PODS):
    for t in frange(add(W0, seconds=pod_i * 2.5), W1, STEP):
        base = deq_ms(t)
        mx = max(rng.gauss(0, 1) for _ in range(100))
        worst = base * math.exp(0.1 * mx)
        if worst > 500:
            n = sum(1 for _ in range(100) if base * math.exp(0.1 * rng.gauss(0, 1)) > 500)
            tt = add(t, seconds=rng.uniform(0, STEP))
            slow_lines.append(tt)
            Z(tt, "warn", "queue/poller.go:142", "dequeue slow", pod=pod, queue="webhooks", took_ms=int(worst),
              threshold_ms=500, slow_in_window=max(1, n), window="10s")
STARTED = T(min(slow_lines).strftime("%Y-%m-%d %H:%M:%S"))
LAST_SLOW = max(slow_lines)
for t, b, age, cap in sim:
    if int((t - W0).total_seconds()) % 30 == 0:
        Z(add(t, seconds=0.21), "info", "queue/monitor.go:77", "queue stats", pod=PODS[0], queue="webhooks", ready=int(b) + rng.randint(0, 25),
          oldest_age_s=round(age + rng.uniform(0.2, 1.5), 1), enqueue_rate=round(LAMBDA + rng.uniform(-2, 2), 1))
for t in poisson_times(rng, W0, W1, 1 / 25.0):  # benign: merchants' own endpoints failing all the time
    m = rng.choice([("mch_7Hq2", "https://hooks.shopkeepr.example/acme", "timeout after 10s"),
                    ("mch_K81x", "https://api.tindra-crafts.example/webhook", "status 410 Gone"),
                    ("mch_3pVv", "https://erp.nordbake.example/in/acme", "status 502"),
                    ("mch_Qa09", "https://webhooks.lumen-cycles.example/orders", "tls: certificate has expired")])
    Z(t, "error", "delivery/sender.go:211", "delivery failed, will retry", pod=rng.choice(PODS), merchant=m[0], url=m[1], err=m[2],
      attempt=rng.randint(1, 8))
inc.lines("worker-prod.ndjson", [l for _, l in sorted(wl, key=lambda x: x[0])])

# derived milestones
AGE_OVER = next(t for t, b, age, cap in sim if age > 300)
ALERT = None
for t, b, age, cap in sim:
    if t >= add(AGE_OVER, minutes=5) and t.second % 30 == 0:
        ALERT = t
        break
PAGE = add(ALERT, seconds=31)
MITIGATED = next(t for t, b, age, cap in sim if t > VAC_END and int((t - W0).total_seconds()) % 30 == 0 and age < 10)
MITIGATED = add(MITIGATED, seconds=0.21)
ALERT_OK = next(t for t, b, age, cap in sim if t > MITIGATED and t.second % 30 == 0)
ALERT_OK = add(ALERT_OK, minutes=5)
ACK = add(PAGE, minutes=5, seconds=47)
# print("started", STARTED, "age>300", AGE_OVER, "alert", ALERT, "mitigated", MITIGATED, "last slow", LAST_SLOW, "alert ok", ALERT_OK)
assert STARTED < DEAD_ALERT < ALERT < TERMINATE < LAST_SLOW < MITIGATED < RESOLVED

# ---- primary postgres log (log_line_prefix '%m [%p] %q%u@%d ', UTC)
pg = []


def PG(t, pid, who, lvl, msg, extra=()):
    s = "%s.%03d UTC [%d] %s%s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, who + " " if who else "", lvl, msg)
    pg.append((t, "\n".join([s] + ["%s.%03d UTC [%d] %s%s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, who + " " if who else "", e) for e in extra])))


for t in frange(T(D + "05:31:12"), W1, 300):
    PG(t, 1187, "", "LOG", "checkpoint starting: time")
    w = rng.randint(9000, 26000)
    PG(add(t, seconds=269.8), 1187, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=269.611 s, sync=0.021 s, total=269.702 s; sync files=%d, longest=0.004 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=3A1/%08X, redo lsn=3A1/%08X" % (
        w, w / 1310.72, rng.randint(8, 20), rng.randint(60, 140), rng.randint(300000, 700000), rng.randint(400000, 650000), rng.randint(0, 2**32 - 1), rng.randint(0, 2**32 - 1)))
# autovacuum of jobs: logged once a run takes longer than log_autovacuum_min_duration (10s)
t = T(D + "07:05:12.208")
while t < TERMINATE:
    dead = int(dead_tuples(t))
    dur = 10.4 + dead / 260000.0
    pid = rng.randint(60000, 69000)
    end = add(t, seconds=dur)
    PG(end, pid, "", "LOG", "automatic vacuum of table \"app.public.jobs\": index scans: 0",
       ["pages: 0 removed, %d remain, %d scanned (100.00%% of total)" % (dead // 38, dead // 38),
        "tuples: %d removed, %d remain, %d are dead but not yet removable" % (rng.randint(0, 40), dead + 4100, dead),
        "removable cutoff: %d, which was %d XIDs old when operation ended" % (XMIN, int(held_s(end) * 260)),
        "frozen: 0 pages from table (0.00% of total) had 0 tuples frozen",
        "index scan not needed: 0 pages from table (0.00% of total) had 0 dead item identifiers removed",
        "avg read rate: %.3f MB/s, avg write rate: %.3f MB/s" % (rng.uniform(80, 160), rng.uniform(0.1, 0.9)),
        "buffer usage: %d hits, %d misses, %d dirtied" % (rng.randint(10**5, 10**6), rng.randint(10**4, 10**5), rng.randint(10, 900)),
        "WAL usage: %d records, %d full page images, %d bytes" % (rng.randint(10, 900), rng.randint(0, 40), rng.randint(10**4, 10**6)),
        "system usage: CPU: user: %.2f s, system: %.2f s, elapsed: %.2f s" % (dur * 0.6, dur * 0.1, dur)])
    t = add(end, seconds=60 + rng.uniform(0, 5))
PG(VAC_END, 70114, "kenji@app", "LOG", "duration: %.3f ms  statement: VACUUM (VERBOSE, ANALYZE) public.jobs;" % ((VAC_END - VAC_START).total_seconds() * 1000 + 0.0))
t = add(VAC_END, minutes=4, seconds=11)
PG(t, 70502, "", "LOG", "automatic analyze of table \"app.public.jobs\"",
   ["avg read rate: 0.000 MB/s, avg write rate: 0.000 MB/s", "system usage: CPU: user: 0.09 s, system: 0.00 s, elapsed: 0.11 s"])
for t in poisson_times(rng, W0, W1, 1 / 140.0):  # benign: idempotency key races from the API, all day
    pid = rng.randint(20000, 59000)
    PG(t, pid, "api@app", "ERROR", "duplicate key value violates unique constraint \"webhook_deliveries_idem_key\"",
       ["DETAIL:  Key (merchant_id, idempotency_key)=(mch_%s, %s) already exists." % (hexid(rng, 4), uuid(str(t))),
        "STATEMENT:  INSERT INTO webhook_deliveries (merchant_id, idempotency_key, event_id, payload) VALUES ($1, $2, $3, $4)"])
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    PG(t, rng.randint(20000, 59000), "", "LOG", "automatic vacuum of table \"app.public.sessions\": index scans: 1",
       ["pages: 0 removed, 48211 remain, 2210 scanned (4.58% of total)",
        "tuples: %d removed, 912044 remain, 0 are dead but not yet removable" % rng.randint(2000, 9000),
        "system usage: CPU: user: 1.02 s, system: 0.11 s, elapsed: 11.87 s"] if t < HOLD or t > VAC_END else
       ["pages: 0 removed, 48211 remain, 2210 scanned (4.58% of total)",
        "tuples: 0 removed, 912044 remain, %d are dead but not yet removable" % rng.randint(2000, 9000),
        "system usage: CPU: user: 1.02 s, system: 0.11 s, elapsed: 11.87 s"])
inc.lines("pg-main-1/postgresql-Mon.log", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- replica log
rp = []


def RP(t, pid, who, lvl, msg, extra=()):
    s = "%s.%03d UTC [%d] %s%s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, who + " " if who else "", lvl, msg)
    rp.append((t, "\n".join([s] + ["%s.%03d UTC [%d] %s%s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, who + " " if who else "", e) for e in extra])))


for t in frange(T(D + "05:33:40"), W1, 300):
    RP(t, 902, "", "LOG", "restartpoint starting: time")
    RP(add(t, seconds=269.9), 902, "", "LOG", "restartpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=269.702 s, sync=0.018 s, total=269.801 s" % (
        rng.randint(8000, 24000), rng.uniform(0.6, 1.9), rng.randint(8, 20)))
    RP(add(t, seconds=269.901), 902, "", "LOG", "recovery restart point at 3A1/%08X" % rng.randint(0, 2**32 - 1),
       ["DETAIL:  Last completed transaction was at log time %s.%06d+00" % (add(t, seconds=269.8).strftime("%Y-%m-%d %H:%M:%S"), rng.randint(0, 999999))])
RP(add(HOLD, seconds=-0.6), 48211, "[unknown]@[unknown]", "LOG", "connection received: host=10.52.7.31 port=50822")
RP(add(HOLD, seconds=-0.55), 48211, "finance_export@app", "LOG", "connection authenticated: identity=\"finance_export\" method=scram-sha-256 (/etc/postgresql/16/main/pg_hba.conf:31)")
RP(add(HOLD, seconds=-0.54), 48211, "finance_export@app", "LOG", "connection authorized: user=finance_export database=app application_name=finance-weekly-export SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)")
RP(TERMINATE, 48211, "finance_export@app", "FATAL", "terminating connection due to administrator command",
   ["STATEMENT:  SELECT o.id, o.merchant_id, o.currency, o.total_minor, l.entry_id, l.amount_minor, l.booked_at FROM orders o JOIN ledger_entries l ON l.order_id = o.id WHERE o.created_at < date_trunc('week', now()) ORDER BY o.merchant_id, o.id"])
RP(add(TERMINATE, seconds=0.002), 48211, "finance_export@app", "LOG", "disconnection: session time: 1:59:09.878 user=finance_export database=app host=10.52.7.31 port=50822")
for t in poisson_times(rng, W0, W1, 1 / 300.0):  # benign: analysts' dashboards hitting their statement_timeout
    RP(t, rng.randint(30000, 47000), "metabase@app", "ERROR", "canceling statement due to statement timeout",
       ["STATEMENT:  SELECT date_trunc('hour', created_at) AS h, count(*) FROM orders WHERE created_at > now() - interval '90 days' GROUP BY 1 ORDER BY 1"])
inc.lines("pg-main-replica-1/postgresql-Mon.log.gz", [l for _, l in sorted(rp, key=lambda x: x[0])])

# ---- OpenMetrics snapshot (remote-read export)
def pts(fn, step=60):
    return [(t, fn(t)) for t in frange(W0, W1, step)]


inc.write("metrics-0830.txt", openmetrics([
    ("pg_stat_user_tables_n_dead_tup", "gauge", "Estimated number of dead rows",
     [({"instance": "pg-main-1:9187", "datname": "app", "schemaname": "public", "relname": "jobs"}, pts(lambda t: int(dead_tuples(t))))]),
    ("pg_stat_activity_max_tx_duration", "gauge", "Max duration in seconds any active transaction has been running",
     [({"instance": "pg-main-replica-1:9187", "datname": "app", "state": "active"}, pts(lambda t: round(max(held_s(t) if t < TERMINATE else 0.0, rng.uniform(0.1, 3.0)), 1))),
      ({"instance": "pg-main-1:9187", "datname": "app", "state": "active"}, pts(lambda t: round(rng.uniform(0.1, 4.0) if not (VAC_START <= t < VAC_END) else (t - VAC_START).total_seconds(), 1)))]),
    ("webhook_queue_oldest_job_age_seconds", "gauge", "Age of the oldest ready job",
     [({"queue": "webhooks", "service": "webhook-worker"}, pts(lambda t: round(sim_at(t)[2] + rng.uniform(0.2, 1.5), 1)))]),
    ("webhook_deliveries", "counter", "Webhook deliveries attempted",
     [({"service": "webhook-worker", "outcome": "sent"}, pts(lambda t: int(28_000_000 + (t - W0).total_seconds() * 36)))]),
]))

# ---- kube events
k = Kube(rng)
JOB = "finance-weekly-export-29853000"
k.ev(EXPORT, "finance", "CronJob", "finance-weekly-export", "SuccessfulCreate", "Created job " + JOB, component="cronjob-controller")
k.ev(add(EXPORT, seconds=0.4), "finance", "Job", JOB, "SuccessfulCreate", "Created pod: %s-mz4c7" % JOB, component="job-controller")
k.pod_start(add(EXPORT, seconds=1), "finance", JOB + "-mz4c7", "gke-prod-batch-3c1e-k2l9", "europe-docker.pkg.dev/acme/finance/weekly-export:2.4.0", "export")
k.ev(add(TERMINATE, seconds=2), "finance", "Pod", JOB + "-mz4c7", "BackOff", "Back-off restarting failed container export in pod %s-mz4c7_finance" % JOB, type_="Warning", host="gke-prod-batch-3c1e-k2l9")
k.ev(add(TERMINATE, seconds=5), "finance", "Job", JOB, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
for c in CRON[-1:]:
    jn = "sitemap-rebuild-29853060"
    k.ev(c, "storefront", "CronJob", "sitemap-rebuild", "SuccessfulCreate", "Created job " + jn, component="cronjob-controller")
    k.pod_start(add(c, seconds=1), "storefront", jn + "-x8r2d", "gke-prod-batch-3c1e-p7wq", "europe-docker.pkg.dev/acme/storefront/sitemap:1.12.3", "sitemap")
    k.ev(add(c, seconds=190), "storefront", "Job", jn, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(OTHER_DEPLOY, "storefront", "Deployment", "storefront-web", "ScalingReplicaSet", "Scaled up replica set storefront-web-5d8f7b9c6 to 3 from 0", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=48), "storefront", "Deployment", "storefront-web", "ScalingReplicaSet", "Scaled down replica set storefront-web-7b44c8d9f to 0 from 3", component="deployment-controller")
for i, t in enumerate(poisson_times(rng, W0, W1, 1 / 900.0)):
    k.ev(t, "webhooks", "Pod", PODS[i % 4], "Unhealthy", "Readiness probe failed: Get \"http://10.60.%d.%d:8080/readyz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % (
        rng.randint(0, 9), rng.randint(2, 250)), type_="Warning", host="gke-prod-general-8a2f-%s" % hexid(rng, 4))
inc.json("k8s-prod-events.json", k.core_list())

# ---- alertmanager webhook posts (as captured, JSON array)
posts = []
dl = {"severity": "warning", "team": "dba", "instance": "pg-main-1:9187", "relname": "jobs"}
posts.append(am_webhook("slack-dba", [am_alert("PostgresDeadTuplesHigh", dl, "%.1fM dead tuples in app.public.jobs on pg-main-1" % (dead_tuples(DEAD_ALERT) / 1e6), DEAD_ALERT)]))
wlab = {"severity": "page", "team": "integrations", "queue": "webhooks"}
posts.append(am_webhook("pagerduty-integrations", [am_alert("WebhookDeliveryLagHigh", wlab, "oldest webhook job is %d s old" % 312, ALERT)]))
posts.append(am_webhook("pagerduty-integrations", [am_alert("WebhookDeliveryLagHigh", wlab, "oldest webhook job is %d s old" % 312, ALERT, ends=ALERT_OK)]))
posts.append(am_webhook("slack-dba", [am_alert("PostgresDeadTuplesHigh", dl, "%.1fM dead tuples in app.public.jobs on pg-main-1" % (dead_tuples(DEAD_ALERT) / 1e6), DEAD_ALERT, ends=add(VAC_END, minutes=2, seconds=2))]))
jl = {"severity": "warning", "namespace": "storefront", "job_name": "sitemap-rebuild-29853060", "team": "storefront"}
posts.append(am_webhook("slack-storefront", [am_alert("KubeJobFailed", jl, "Job storefront/sitemap-rebuild-29853060 failed", add(CRON[-1], seconds=220))]))
cl = {"severity": "warning", "team": "storefront", "service": "storefront-cdn"}
for a, b in [(T(D + "06:21:00"), T(D + "06:27:30")), (T(D + "07:19:30"), T(D + "07:24:00")), (T(D + "07:52:00"), T(D + "07:57:30"))]:
    posts.append(am_webhook("slack-storefront", [am_alert("CdnOrigin5xxHigh", cl, "storefront CDN origin 5xx above 1%", a)]))
    posts.append(am_webhook("slack-storefront", [am_alert("CdnOrigin5xxHigh", cl, "storefront CDN origin 5xx above 1%", a, ends=b)]))


def post_time(p):
    a = p["alerts"][0]
    return a["endsAt"] if p["status"] == "resolved" else a["startsAt"]


inc.json("posts.json", sorted(posts, key=post_time))

# ---- pagerduty log entries
pd = PD(9921, "WebhookDeliveryLagHigh: oldest webhook job is 312 s old", "webhook-delivery", "PWHK3R8", "Integrations")
lena = PD.user("Lena Hoffmann", "PLHOF77")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod-eu"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Lena Hoffmann by push notification.", user=lena)
pd.add(add(PAGE, minutes=5), "notify_log_entry", None, None, "Notified Lena Hoffmann by phone call.", user=lena)
pd.add(ACK, "acknowledge_log_entry", lena, {"type": "mobile"}, "Acknowledged by Lena Hoffmann.")
pd.add(T(D + "07:55:10"), "annotate_log_entry", lena, {"type": "web_ui"}, "Note added: jobs table bloat, xmin held, DBA (Kenji) on it")
pd.add(RESOLVED, "resolve_log_entry", lena, {"type": "web_ui"}, "Resolved by Lena Hoffmann.")
inc.json("oncall-export.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("U9LHOF", "lena", "Lena Hoffmann"), ("U9KSAT", "kenji", "Kenji Sato"), ("U9MOKO", "marta", "Marta Okonkwo"),
                ("U9PDUB", "pierre", "Pierre Dubois"), ("U9ARAM", "arash", "Arash Rahimi")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n in [("C9PLAT", "platform-alerts"), ("C9DBA", "dba"), ("C9INC", "inc-9921-webhook-delays")]:
    s.channel(cid, n)
for c in CRON:
    jn = "sitemap-rebuild-%d" % (29853060 - 1440 * (5 - c.day))
    s.bot("platform-alerts", add(c, seconds=221), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job storefront/%s failed" % jn, color="warning"))
for a, b in [(T(D + "06:21:00"), T(D + "06:27:30")), (T(D + "07:19:30"), T(D + "07:24:00")), (T(D + "07:52:00"), T(D + "07:57:30"))]:
    s.bot("platform-alerts", add(a, seconds=31), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "CdnOrigin5xxHigh", "storefront CDN origin 5xx above 1%", color="warning"))
    s.bot("platform-alerts", add(b, seconds=31), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "CdnOrigin5xxHigh", "storefront CDN origin 5xx above 1%"))
s.bot("dba", add(DEAD_ALERT, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "PostgresDeadTuplesHigh", "%.1fM dead tuples in app.public.jobs on pg-main-1" % (dead_tuples(DEAD_ALERT) / 1e6), color="warning"))
s.say("dba", add(DEAD_ALERT, seconds=610), "U9KSAT", "jobs table dead tuples climbing, autovacuum is running on it, keeping an eye")
s.bot("dba", add(VAC_END, minutes=2, seconds=33), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "PostgresDeadTuplesHigh", "%.1fM dead tuples in app.public.jobs on pg-main-1" % (dead_tuples(DEAD_ALERT) / 1e6)))
s.bot("platform-alerts", add(ALERT, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "WebhookDeliveryLagHigh", "oldest webhook job is 312 s old"))
s.bot("platform-alerts", add(ALERT_OK, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "WebhookDeliveryLagHigh", "oldest webhook job is 312 s old"))
ch = "inc-9921-webhook-delays"
WRONG1 = add(ACK, seconds=100)
ROLLBACK_Q = add(ACK, seconds=190)
STATUS = add(ACK, seconds=300)
WRONG2 = add(ACK, seconds=400)
DIAG1 = T(D + "07:53:30")
DIAG2 = T(D + "07:57:40")
s.say(ch, add(ACK, seconds=30), "U9LHOF", "acked. webhook backlog growing, oldest job ~%d min," % round(sim_at(ACK)[2] / 60) + " workers log `dequeue slow` non-stop, no errors from the dequeue itself")
s.say(ch, WRONG1, "U9MOKO", "merchants complaining about late order webhooks. is it the egress proxy? the sender logs are full of timeouts to merchant endpoints")
s.say(ch, add(WRONG1, seconds=45), "U9LHOF", "those merchant timeouts are the usual ones, same rate as last week. it's getting jobs out of postgres that's slow")
s.say(ch, ROLLBACK_Q, "U9PDUB", "should we roll back webhook-worker to 4.1? 4.2.0 went out on friday")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U9LHOF", "4.2 has been fine all weekend, not touching it yet")
s.say(ch, STATUS, "U9MOKO", "status page: 'Webhook deliveries delayed, we are investigating' is live")
s.say(ch, WRONG2, "U9ARAM", "storefront deployed at 07:12, are they flooding us with order events?")
s.say(ch, add(WRONG2, seconds=40), "U9LHOF", "enqueue rate is flat at ~40/s, it's the dequeue side")
s.say(ch, DIAG1, "U9KSAT", "autovacuum on jobs can't remove anything: %.1fM dead tuples not yet removable and the removable cutoff (xmin 918220431) hasn't moved since 06:00. something is holding the horizon, replica-1 has hot_standby_feedback on" % (dead_tuples(DIAG1) / 1e6))
s.say(ch, add(DIAG1, seconds=150), "U9KSAT", "pg_stat_replication shows backend_xmin 918220431 for replica-1, checking what's running there")
s.say(ch, DIAG2, "U9KSAT", "it's the finance weekly export: a REPEATABLE READ transaction open on replica-1 since 06:00:31, pid 48211. it pins xmin on the primary via the standby feedback")
s.say(ch, add(DIAG2, seconds=50), "U9PDUB", "can finance rerun it later today? I'll tell them")
s.say(ch, add(TERMINATE, seconds=-25), "U9KSAT", "terminating 48211 on replica-1, then a manual vacuum on jobs")
s.say(ch, add(VAC_START, seconds=12), "U9KSAT", "export killed, VACUUM (VERBOSE, ANALYZE) jobs running")
s.say(ch, add(VAC_END, seconds=40), "U9KSAT", "vacuum done, removed ~%.1fM dead rows, dequeue back to a few ms" % (dead_tuples(add(VAC_END, seconds=-1)) / 1e6))
s.say(ch, add(MITIGATED, seconds=60), "U9LHOF", "backlog drained, oldest job age back under 10s. merchants should have everything now")
s.say(ch, T(D + "08:19:20"), "U9KSAT", "suspended the finance-weekly-export CronJob until it points at the analytics replica (no standby feedback)")
s.say(ch, add(RESOLVED, seconds=-45), "U9LHOF", "steady for 25 min, resolving. PIR owner: Kenji")
s.write(inc, "slack")

inc.truth(
    "webhooks-queue-xmin", "long-transaction-xmin-horizon-queue-bloat",
    "The weekly finance export held a REPEATABLE READ transaction on a hot-standby replica with hot_standby_feedback; the primary's\n"
    "xmin stopped, the jobs queue table bloated, dequeues slowed over an hour and webhooks fell behind until the backend was killed and jobs vacuumed.",
    (W0, W1),
    dict(started=STARTED, detected=DEAD_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(EXPORT, "change", "finance-weekly-export CronJob starts the export job (long transaction on replica-1)", "k8s-prod-events.json", 60),
     (STARTED, "first_symptom", "first 'dequeue slow' warning from the webhook workers", "worker-prod.ndjson", 60),
     (DEAD_ALERT, "alert_fired", "PostgresDeadTuplesHigh on app.public.jobs (dba warning)", "posts.json", 60),
     (ALERT, "alert_fired", "WebhookDeliveryLagHigh firing (page)", "posts.json", 60),
     (PAGE, "paged", "PagerDuty #9921 triggered", "oncall-export.json", 60),
     (ACK, "acknowledged", "Lena acknowledges", "oncall-export.json", 60),
     (STATUS, "communication", "status page: webhook deliveries delayed", "slack", 90),
     (DIAG1, "diagnosis", "Kenji: autovacuum can't remove dead tuples, xmin horizon held via replica-1", "slack", 90),
     (DIAG2, "diagnosis", "Kenji: the finance weekly export's open transaction on replica-1", "slack", 90),
     (TERMINATE, "mitigation", "export backend 48211 terminated on replica-1, then manual VACUUM of jobs", "pg-main-replica-1/postgresql-Mon.log.gz", 60),
     (MITIGATED, "recovery", "backlog drained, oldest webhook job age back to normal", "worker-prod.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "oncall-export.json", 60)],
    [(CRON[-1], "sitemap-rebuild CronJob fails every day at 07:00 UTC (KubeJobFailed)", "k8s-prod-events.json"),
     (OTHER_DEPLOY, "storefront-web rollout by the storefront team", "k8s-prod-events.json"),
     (T(D + "06:21:00"), "CdnOrigin5xxHigh flapping for the storefront team", "posts.json"),
     (T(D + "07:00:00"), "steady merchant endpoint delivery failures all window", "worker-prod.ndjson"),
     (T(D + "07:30:00"), "steady duplicate-key errors on webhook_deliveries and replica statement timeouts", "pg-main-1/postgresql-Mon.log"),
     (WRONG1, "wrong hunch: egress proxy / merchant endpoints", "slack"),
     (ROLLBACK_Q, "'should we roll back webhook-worker to 4.1?' question, not done", "slack"),
     (WRONG2, "wrong hunch: storefront deploy flooding order events", "slack"),
     (add(TERMINATE, seconds=5), "finance export Job BackoffLimitExceeded after its backend was killed (consequence of the fix)", "k8s-prod-events.json")],
    [("pg-main-1/postgresql-Mon.log", "logs"), ("pg-main-replica-1/postgresql-Mon.log.gz", "logs"), ("worker-prod.ndjson", "logs"),
     ("metrics-0830.txt", "openmetrics"), ("k8s-prod-events.json", "kube-events"), ("posts.json", "alertmanager-webhook"),
     ("oncall-export.json", "pagerduty-log-entries"), ("slack", "slack-export")])
