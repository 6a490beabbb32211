"""train14/parcels-alter-lock-queue: a release's migration Job runs ALTER TABLE shipments while a BI report holds the
table; every query on shipments queues behind the ALTER, then a non-concurrent CREATE INDEX blocks writes until the
migration backend is terminated."""
import random
from common import *

rng = random.Random(20260203)
inc = Incident("train14", "parcels-alter-lock-queue")
PTZ = "Europe/Paris"
D = "2026-02-03 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")
CRON = [T("2026-%s 13:15:%02d" % (d, 4 + i)) for i, d in enumerate(("01-31", "02-01", "02-02", "02-03"))]
BI_START = T(D + "13:21:40")
OTHER_DEPLOY = T(D + "13:52:10")
RUN = T(D + "14:05:21")
JOB = T(D + "14:05:58")
ALTER = T(D + "14:06:02")
STARTED = T(D + "14:06:04")
ALERT = T(D + "14:08:30")
PAGE = T(D + "14:08:31")
LOCKWARN = T(D + "14:09:10")
ERR_ALERT = T(D + "14:10:00")
ACK = T(D + "14:12:40")
WRONG = T(D + "14:14:00")
ROLLBACK_Q = T(D + "14:15:20")
DIAG1 = T(D + "14:19:10")
COMMS = T(D + "14:20:30")
CANCEL = T(D + "14:21:05")
LAT_OK = T(D + "14:23:30")
DIAG2 = T(D + "14:27:40")
TERM = T(D + "14:31:40")
MITIGATED = T(D + "14:31:42")
ERR_OK = T(D + "14:35:00")
RERUN = T(D + "15:11:40")
RERUN_SQL = T(D + "15:12:31")
RERUN_DONE = T(D + "15:24:10")
RESOLVED = T(D + "15:31:00")

MIG_PID, BI_PID = 48290, 47112


def phase(t):
    if ALTER <= t < CANCEL:
        return "all"      # reads and writes on shipments queue behind the ALTER
    if CANCEL <= t < TERM:
        return "writes"   # CREATE INDEX (SHARE lock) blocks writes only
    return None


# ---- postgres stderr log (log_line_prefix '%m [%p] %q%u@%d/%a ', log_timezone Europe/Paris)
pg = []
def PG(t, pid, who, lvl, msg, extra=()):
    lt = local(t, PTZ)
    pre = "%s.%03d %s [%d] " % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lt.tzname(), pid)
    if who:
        pre += who + " "
    lines = [pre + "%s:  %s" % (lvl, msg)] + [pre + "%s:  %s" % (k, v) for k, v in extra]
    pg.append((t, "\n".join(lines)))

for t in frange(add(W0, seconds=11), W1, 300):
    PG(t, 1187, None, "LOG", "checkpoint starting: time")
    PG(add(t, seconds=rng.uniform(120, 160)), 1187, None, "LOG",
       "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=0.004 s, total=%.3f s; sync files=%d, longest=0.002 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=3A/%08X, redo lsn=3A/%08X" % (
           rng.randint(4000, 9000), rng.uniform(0.8, 1.9), rng.randint(3, 9), rng.uniform(120, 150), rng.uniform(120, 151), rng.randint(40, 90),
           rng.randint(90000, 200000), rng.randint(150000, 210000), rng.randint(0, 2**31), rng.randint(0, 2**31)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):  # benign: carrier webhooks replayed
    pid = rng.randint(44000, 49900)
    PG(t, pid, "parcels_app@parcels/parcels-api", "ERROR", 'duplicate key value violates unique constraint "tracking_events_carrier_event_id_key"',
       [("DETAIL", "Key (carrier, carrier_event_id)=(%s, %d) already exists." % (rng.choice(["dhl", "ups", "colissimo", "gls"]), rng.randint(10**9, 10**10))),
        ("STATEMENT", "INSERT INTO tracking_events (shipment_id, carrier, carrier_event_id, status, occurred_at) VALUES ($1, $2, $3, $4, $5)")])
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    PG(t, rng.randint(44000, 49900), None, "LOG", "automatic vacuum of table \"parcels.public.tracking_events\": index scans: 1\n\tpages: 0 removed, %d remain, %d scanned (%.2f%% of total)\n\ttuples: %d removed, %d remain, 0 are dead but not yet removable" % (
        rng.randint(900000, 990000), rng.randint(20000, 60000), rng.uniform(2, 6), rng.randint(40000, 120000), rng.randint(90000000, 99000000)))
PG(ALTER, MIG_PID, "parcels_migrator@parcels/knex-migrate", "LOG", "statement: ALTER TABLE shipments ADD COLUMN customs_ref text;")
PG(add(ALTER, seconds=1.001), MIG_PID, "parcels_migrator@parcels/knex-migrate", "LOG",
   "process %d still waiting for AccessExclusiveLock on relation 16421 of database 16384 after 1000.118 ms" % MIG_PID,
   [("DETAIL", "Process holding the lock: %d. Wait queue: %d." % (BI_PID, MIG_PID)), ("STATEMENT", "ALTER TABLE shipments ADD COLUMN customs_ref text;")])
queue = [MIG_PID]
waiters = []
READ = "SELECT s.* FROM shipments s WHERE s.tracking_number = $1"
WRITE = "UPDATE shipments SET status = $1, updated_at = now() WHERE id = $2"
INS = "INSERT INTO shipments (account_id, tracking_number, carrier, status, created_at) VALUES ($1, $2, $3, $4, now()) RETURNING id"
first = True
for t in poisson_times(rng, add(ALTER, seconds=0.5), TERM, 0.9):
    ph = phase(t)
    kind = rng.choice(["read", "read", "read", "write", "insert"])
    if ph == "writes" and kind == "read":
        continue
    pid = rng.randint(44000, 49900)
    if first:
        t = add(ALTER, seconds=1.2)
        kind = "read"
    mode = "AccessShareLock" if kind == "read" else "RowExclusiveLock"
    stmt = {"read": READ, "write": WRITE, "insert": INS}[kind]
    holder = BI_PID if ph == "all" else MIG_PID
    if ph == "all":
        queue.append(pid)
        q = queue[:1] + queue[-4:] if len(queue) > 5 else queue
    else:
        q = [pid]
    wt = add(t, seconds=1.0)
    first = False
    if rng.random() < 0.35 or wt < add(ALTER, seconds=4):
        PG(wt, pid, "parcels_app@parcels/parcels-api", "LOG",
           "process %d still waiting for %s on relation 16421 of database 16384 after %.3f ms" % (pid, mode, 1000 + rng.uniform(0.02, 0.4)),
           [("DETAIL", "Process holding the lock: %d. Wait queue: %s." % (holder, ", ".join(str(x) for x in q))), ("STATEMENT", stmt)])
    if rng.random() < 0.25 and add(t, seconds=30) < (CANCEL if ph == "all" else TERM):
        PG(add(t, seconds=30.0 + rng.uniform(0, 0.02)), pid, "parcels_app@parcels/parcels-api", "ERROR", "canceling statement due to statement timeout",
           [("CONTEXT", "waiting for %s on relation 16421 of database 16384" % mode), ("STATEMENT", stmt)])
PG(CANCEL, BI_PID, "metabase@parcels/Metabase v0.52.4", "ERROR", "canceling statement due to user request",
   [("STATEMENT", "SELECT date_trunc('week', s.created_at) AS week, a.name, c.code, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - s.created_at)) FROM shipments s JOIN accounts a ON a.id = s.account_id JOIN carriers c ON c.id = s.carrier_id LEFT JOIN deliveries d ON d.shipment_id = s.id WHERE s.created_at >= '2024-01-01' GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC")])
PG(add(CANCEL, seconds=0.004), MIG_PID, "parcels_migrator@parcels/knex-migrate", "LOG",
   "process %d acquired AccessExclusiveLock on relation 16421 of database 16384 after %.3f ms" % (MIG_PID, (CANCEL - ALTER).total_seconds() * 1000 + 2.311),
   [("STATEMENT", "ALTER TABLE shipments ADD COLUMN customs_ref text;")])
PG(add(CANCEL, seconds=0.006), MIG_PID, "parcels_migrator@parcels/knex-migrate", "LOG", "duration: %.3f ms" % ((CANCEL - ALTER).total_seconds() * 1000 + 4.9))
PG(add(CANCEL, seconds=0.021), MIG_PID, "parcels_migrator@parcels/knex-migrate", "LOG", "statement: CREATE INDEX shipments_customs_ref_idx ON shipments (customs_ref);")
for i, pid in enumerate(queue[1:6]):
    PG(add(CANCEL, seconds=0.008 + i * 0.001), pid, "parcels_app@parcels/parcels-api", "LOG",
       "process %d acquired AccessShareLock on relation 16421 of database 16384 after %.3f ms" % (pid, rng.uniform(800000, 899000)), [("STATEMENT", READ)])
PG(TERM, MIG_PID, "parcels_migrator@parcels/knex-migrate", "FATAL", "terminating connection due to administrator command",
   [("STATEMENT", "CREATE INDEX shipments_customs_ref_idx ON shipments (customs_ref);")])
PG(add(TERM, seconds=0.4), 1183, None, "LOG", "background worker \"parallel worker\" (PID %d) exited with exit code 1" % (MIG_PID + 3))
for i in range(4):
    pid = rng.randint(44000, 49900)
    PG(add(TERM, seconds=0.9 + i * 0.05), pid, "parcels_app@parcels/parcels-api", "LOG",
       "process %d acquired RowExclusiveLock on relation 16421 of database 16384 after %.3f ms" % (pid, rng.uniform(9000, 29000)), [("STATEMENT", WRITE if i % 2 else INS)])
PG(add(RERUN_SQL, seconds=-0.5), 51210, "parcels_migrator@parcels/knex-migrate", "LOG", "statement: SET lock_timeout = '3s';")
PG(RERUN_SQL, 51210, "parcels_migrator@parcels/knex-migrate", "LOG", "statement: ALTER TABLE shipments ADD COLUMN IF NOT EXISTS customs_ref text;")
PG(add(RERUN_SQL, seconds=0.05), 51210, "parcels_migrator@parcels/knex-migrate", "LOG", "statement: CREATE INDEX CONCURRENTLY IF NOT EXISTS shipments_customs_ref_idx ON shipments (customs_ref);")
PG(RERUN_DONE, 51210, "parcels_migrator@parcels/knex-migrate", "LOG", "duration: %.3f ms" % ((RERUN_DONE - RERUN_SQL).total_seconds() * 1000 - 41.2))
inc.lines("pg-primary/postgresql-Tue.log", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- parcels-api (Node.js, pino + pino-http), gzipped
HOSTS = ["parcels-api-6d8f7b9c5-%s" % hexid(rng, 5) for _ in range(6)]
ap = []
def P(t, lvl, obj):
    o = {"level": lvl, "time": int(epoch(t) * 1000), "pid": 1, "hostname": rng.choice(HOSTS)}
    o.update(obj)
    ap.append((t, jline(o)))
ROUTES = [("GET", "/v1/shipments/:tracking", "read", 0.45), ("GET", "/v1/accounts/:id/shipments", "read", 0.2),
          ("POST", "/v1/shipments", "write", 0.15), ("POST", "/v1/webhooks/carrier/:carrier", "write", 0.15),
          ("GET", "/healthz", "none", 0.05)]
for t in poisson_times(rng, W0, W1, 0.35):
    r = rng.random()
    acc = 0
    for m, route, kind, p in ROUTES:
        acc += p
        if r < acc:
            break
    ph = phase(t)
    url = route.replace(":tracking", "%s%d" % (rng.choice(["JD", "1Z", "6A"]), rng.randint(10**9, 10**10))).replace(":id", str(rng.randint(1000, 9000))).replace(":carrier", rng.choice(["dhl", "ups", "gls"]))
    req = {"id": rng.randint(1, 10**7), "method": m, "url": url, "remoteAddress": "10.8.%d.%d" % (rng.randint(0, 15), rng.randint(2, 250))}
    ph10 = phase(add(t, seconds=10))
    blocked = (ph == "all" and ph10 == "all" and kind != "none") or (ph and ph10 and kind == "write")
    if blocked and rng.random() < 0.92:
        t = add(t, seconds=10.0 + rng.uniform(0.001, 0.04))
        P(t, 50, {"req": req, "err": {"type": "Error", "message": "Query read timeout", "stack": "Error: Query read timeout\n    at Timeout._onTimeout (/app/node_modules/pg/lib/client.js:541:19)\n    at listOnTimeout (node:internal/timers:594:17)"}, "msg": "query failed"})
        P(add(t, seconds=0.003), 50, {"req": req, "res": {"statusCode": 503}, "responseTime": 10000 + rng.randint(41, 90), "msg": "request errored"})
    else:
        st = 200 if m == "GET" else 201
        if kind == "read" and rng.random() < 0.03:
            st = 404
        if route.startswith("/v1/webhooks") and rng.random() < 0.02:
            P(t, 40, {"carrier": "gls", "msg": "webhook signature mismatch, rejecting"})
            st = 401
        P(t, 30, {"req": req, "res": {"statusCode": st}, "responseTime": rng.randint(3, 60) if kind != "none" else 1, "msg": "request completed"})
for c in CRON[-1:]:
    P(c, 30, {"job": "label-archive", "msg": "archiving labels older than 30d to s3://parcels-label-archive"})
    P(add(c, seconds=7), 50, {"job": "label-archive", "err": {"type": "AccessDenied", "message": "Access Denied", "$metadata": {"httpStatusCode": 403}}, "msg": "label archive failed"})
inc.lines("parcels-api/app.log.gz", [l for _, l in sorted(ap, key=lambda x: x[0])])

# ---- prometheus query_range (p99 latency, waiting backends)
def p99(t):
    ph = phase(t)
    if ph == "all":
        return 10.0 if t > add(ALTER, seconds=60) else 4.2
    if ph == "writes":
        return 0.21 + 0.03 * ((int(epoch(t)) // 30) % 3)
    return 0.048 + 0.01 * ((int(epoch(t)) // 30) % 4)
def waiting(t):
    ph = phase(t)
    if ph == "all":
        return min(180, 12 + (t - ALTER).total_seconds() / 4)
    if ph == "writes":
        return 38 + (int(epoch(t)) // 30) % 9
    return (int(epoch(t)) // 60) % 2
def err5(t):
    ph = phase(t)
    if ph == "all":
        return 4.1 + 0.2 * ((int(epoch(t)) // 30) % 3)
    if ph == "writes":
        return 1.3 + 0.1 * ((int(epoch(t)) // 30) % 3)
    return 0.0
inc.json("dash/parcels-db-panel.json", query_range(
    [({"service": "parcels-api", "quantile": "0.99"}, p99),
     ({"__name__": "pg_locks_waiting", "datname": "parcels", "instance": "pg-parcels-1:9187"}, waiting),
     ({"service": "parcels-api", "code": "503"}, err5)], W0, W1, 30), indent=None)

# ---- GitHub Actions workflow runs (two repos, merged export)
def run(rid, repo, wf, sha, n, who, start, end, concl, title):
    return {"id": rid, "name": wf, "display_title": title, "head_branch": "main", "head_sha": sha, "run_number": n,
            "run_attempt": 1, "event": "push",
            "status": "completed", "conclusion": concl, "workflow_id": 88120 if "parcels" in repo else 90214,
            "created_at": iso(start), "run_started_at": iso(start), "updated_at": iso(end),
            "actor": {"login": who, "type": "User"}, "triggering_actor": {"login": who, "type": "User"},
            "repository": {"full_name": repo}, "html_url": "https://github.com/%s/actions/runs/%d" % (repo, rid)}
runs = [run(7730844, "shipfast/notifications-svc", "deploy-prod", "c81e0a4f" + hexid(rng, 32), 412, "aline-r", OTHER_DEPLOY, add(OTHER_DEPLOY, seconds=208), "success", "email templates: add customs hold notice"),
        run(7731022, "shipfast/parcels-api", "deploy-prod", "9b2d47e1" + hexid(rng, 32), 1186, "tom-leclerc", RUN, add(TERM, seconds=14), "failure", "release 2.31.0: customs reference on shipments"),
        run(7731022, "shipfast/parcels-api", "deploy-prod", "4f07c2aa" + hexid(rng, 32), 1187, "tom-leclerc", RERUN, add(RERUN_DONE, seconds=80), "success", "migrations: customs_ref index CONCURRENTLY, lock_timeout 3s"),
        run(7729910, "shipfast/parcels-api", "deploy-prod", "1e44b9d0" + hexid(rng, 32), 1185, "maya-g", T("2026-02-02 10:14:03"), T("2026-02-02 10:19:40"), "success", "release 2.30.2")]
runs[2]["id"] = 7733150
runs[2]["event"] = "workflow_dispatch"
runs[2]["html_url"] = "https://github.com/shipfast/parcels-api/actions/runs/7733150"
inc.json("ci/workflow-runs.json", {"total_count": len(runs), "workflow_runs": sorted(runs, key=lambda r: r["created_at"], reverse=True)})

# ---- kube events
k = Kube(rng)
NS = "parcels"
k.ev(JOB, NS, "Job", "parcels-api-migrate-2-31-0", "SuccessfulCreate", "Created pod: parcels-api-migrate-2-31-0-x7kq2", component="job-controller")
k.pod_start(add(JOB, seconds=0.5), NS, "parcels-api-migrate-2-31-0-x7kq2", "ip-10-8-3-41.eu-west-3.compute.internal", "ghcr.io/shipfast/parcels-api:2.31.0", "migrate")
k.ev(add(TERM, seconds=1), NS, "Pod", "parcels-api-migrate-2-31-0-x7kq2", "BackOff", "Back-off restarting failed container migrate in pod parcels-api-migrate-2-31-0-x7kq2_parcels(%s)" % uuid("mig"), type_="Warning", host="ip-10-8-3-41.eu-west-3.compute.internal")
k.ev(add(TERM, seconds=2), NS, "Job", "parcels-api-migrate-2-31-0", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(RERUN, seconds=38), NS, "Job", "parcels-api-migrate-2-31-0-r2", "SuccessfulCreate", "Created pod: parcels-api-migrate-2-31-0-r2-m4d9t", component="job-controller")
k.ev(add(RERUN_DONE, seconds=3), NS, "Job", "parcels-api-migrate-2-31-0-r2", "Completed", "Job completed", component="job-controller")
k.ev(add(RERUN_DONE, seconds=9), NS, "Deployment", "parcels-api", "ScalingReplicaSet", "Scaled up replica set parcels-api-84c1f6d7b to 3", component="deployment-controller")
k.ev(add(RERUN_DONE, seconds=71), NS, "Deployment", "parcels-api", "ScalingReplicaSet", "Scaled down replica set parcels-api-6d8f7b9c5 to 0 from 1", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=40), "notifications", "Deployment", "notifications-svc", "ScalingReplicaSet", "Scaled up replica set notifications-svc-5b7d9c4f8 to 2", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=150), "notifications", "Deployment", "notifications-svc", "ScalingReplicaSet", "Scaled down replica set notifications-svc-7c4f6b8d2 to 0 from 1", component="deployment-controller")
k.ev(CRON[-1], NS, "CronJob", "label-archive", "SuccessfulCreate", "Created job label-archive-29500395", component="cronjob-controller")
k.ev(add(CRON[-1], seconds=12), NS, "Job", "label-archive-29500395", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    k.ev(t, NS, "Pod", rng.choice(HOSTS), "Unhealthy", "Readiness probe failed: Get \"http://10.8.%d.%d:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % (rng.randint(0, 15), rng.randint(2, 250)), type_="Warning", host="ip-10-8-%d-%d.eu-west-3.compute.internal" % (rng.randint(0, 15), rng.randint(2, 250)))
inc.json("cluster/events.json", k.core_list())

# ---- alertmanager webhook archive
hk = []
def H(t, body):
    hk.append((t, jline(body)))
lat = {"severity": "page", "team": "parcels", "service": "parcels-api"}
H(add(ALERT, seconds=8), am_webhook("pagerduty-parcels", [am_alert("ParcelsApiLatencyHigh", lat, "parcels-api p99 latency 10s (> 2s)", ALERT)]))
H(add(LAT_OK, seconds=8), am_webhook("pagerduty-parcels", [am_alert("ParcelsApiLatencyHigh", lat, "parcels-api p99 latency 10s (> 2s)", ALERT, ends=LAT_OK)]))
e5 = {"severity": "page", "team": "parcels", "service": "parcels-api"}
H(add(ERR_ALERT, seconds=8), am_webhook("pagerduty-parcels", [am_alert("ParcelsApi5xxRatio", e5, "parcels-api 5xx ratio 61%", ERR_ALERT)]))
H(add(ERR_OK, seconds=8), am_webhook("pagerduty-parcels", [am_alert("ParcelsApi5xxRatio", e5, "parcels-api 5xx ratio 61%", ERR_ALERT, ends=ERR_OK)]))
lw = {"severity": "warning", "team": "dba", "instance": "pg-parcels-1:9187", "datname": "parcels"}
H(add(LOCKWARN, seconds=8), am_webhook("slack-dba", [am_alert("PostgresLockWaitsHigh", lw, "42 backends waiting on locks on pg-parcels-1", LOCKWARN)]))
H(add(MITIGATED, minutes=3), am_webhook("slack-dba", [am_alert("PostgresLockWaitsHigh", lw, "42 backends waiting on locks on pg-parcels-1", LOCKWARN, ends=add(MITIGATED, minutes=2, seconds=30))]))
nq = {"severity": "warning", "team": "notifications", "queue": "email-outbound"}
for a, b in ((T(D + "13:40:15"), T(D + "13:47:15")), (T(D + "14:25:45"), T(D + "14:33:15")), (T(D + "15:05:45"), T(D + "15:09:15"))):
    H(add(a, seconds=8), am_webhook("slack-notifications", [am_alert("EmailQueueDepthHigh", nq, "email-outbound depth above 5k", a)]))
    H(add(b, seconds=8), am_webhook("slack-notifications", [am_alert("EmailQueueDepthHigh", nq, "email-outbound depth above 5k", a, ends=b)]))
H(add(CRON[-1], seconds=75), am_webhook("slack-parcels", [am_alert("KubeJobFailed", {"severity": "ticket", "team": "parcels", "job_name": "label-archive-29500395", "namespace": NS}, "Job parcels/label-archive-29500395 failed", add(CRON[-1], seconds=60))]))
inc.lines("am/webhook-archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty
pd = PD(4471, "ParcelsApiLatencyHigh: parcels-api p99 latency 10s (> 2s)", "parcels-api", "PPRC7Q2")
hugo = PD.user("Hugo Marchand", "PHUGO01")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Hugo Marchand by phone call.", user=hugo)
pd.add(ACK, "acknowledge_log_entry", hugo, {"type": "phone"}, "Acknowledged by Hugo Marchand.")
pd.add(add(ERR_ALERT, seconds=9), "annotate_log_entry", None, {"type": "api", "summary": "ParcelsApi5xxRatio grouped into this incident"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", hugo, {"type": "web_ui"}, "Resolved by Hugo Marchand.")
inc.json("pd/log_entries.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U01HUGO", "hugo", "Hugo Marchand"), ("U01TOML", "tom.leclerc", "Tom Leclerc"), ("U01CLAR", "claire", "Claire Dubois"),
                ("U01ALIN", "aline", "Aline Robert"), ("U01SAMI", "sami", "Sami Benali"), ("B01AM", "alertmanager", "Alertmanager", )]:
    s.user(u, n, r, "Europe/Paris", bot=(u == "B01AM"))
for cid, n in [("C01ALRT", "parcels-alerts"), ("C01INC", "inc-2026-02-03-parcels"), ("C01DEP", "deploys")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("parcels-alerts", add(c, seconds=76), "B01AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job parcels/label-archive-%d failed" % (29500395 - 1440 * (3 - CRON.index(c))), color="warning"))
s.bot("parcels-alerts", add(ALERT, seconds=9), "B01AM", "alertmanager", attachments=am_slack_attachment("firing", "ParcelsApiLatencyHigh", "parcels-api p99 latency 10s (> 2s)"))
s.bot("parcels-alerts", add(ERR_ALERT, seconds=9), "B01AM", "alertmanager", attachments=am_slack_attachment("firing", "ParcelsApi5xxRatio", "parcels-api 5xx ratio 61%"))
s.bot("parcels-alerts", add(LAT_OK, seconds=9), "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "ParcelsApiLatencyHigh", "parcels-api p99 latency"))
s.bot("parcels-alerts", add(ERR_OK, seconds=9), "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "ParcelsApi5xxRatio", "parcels-api 5xx ratio"))
for r in sorted(runs, key=lambda r: r["created_at"])[1:]:
    s.bot("deploys", T(r["updated_at"][:19].replace("T", " ")), "B01GH", "GitHub", blocks=pd_slack_blocks("*%s* `deploy-prod` #%d %s: %s (%s)" % (r["repository"]["full_name"], r["run_number"], r["conclusion"], r["display_title"], r["actor"]["login"])))
ch = "inc-2026-02-03-parcels"
s.say(ch, add(ACK, seconds=50), "U01HUGO", "acked. parcels-api p99 is at the 10s client timeout, lots of `Query read timeout`. DB CPU is flat though")
s.say(ch, WRONG, "U01SAMI", "notifications-svc deployed at 13:52, they write to shipments for the customs hold notice? maybe they're hammering it")
s.say(ch, add(WRONG, seconds=40), "U01ALIN", "we don't touch shipments, only read from the outbox table")
s.say(ch, ROLLBACK_Q, "U01SAMI", "2.31.0 went out at 14:05, should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U01TOML", "the pods never rolled, the deploy is still stuck on the pre-deploy migrate job")
s.say(ch, DIAG1, "U01CLAR", "found it: the migrate job's `ALTER TABLE shipments ADD COLUMN customs_ref` (pid 48290) is waiting for AccessExclusiveLock behind a Metabase report (pid 47112, running since 13:21 on the primary). Every query on shipments is queued behind the ALTER - classic lock queue")
s.say(ch, COMMS, "U01HUGO", "status page updated: 'Tracking and label creation are failing or slow, we are investigating'")
s.say(ch, add(COMMS, seconds=20), "U01CLAR", "cancelling the Metabase query")
s.say(ch, add(CANCEL, seconds=50), "U01HUGO", "tracking lookups are back. label creation still failing though")
s.say(ch, DIAG2, "U01CLAR", "the migration went on to `CREATE INDEX shipments_customs_ref_idx` without CONCURRENTLY: it holds a SHARE lock on shipments, so every INSERT/UPDATE waits. 180M rows, it'll take ages. Killing the migration backend")
s.say(ch, add(TERM, seconds=25), "U01CLAR", "pg_terminate_backend(48290) done, writes flowing, the index build is rolled back")
s.say(ch, add(TERM, seconds=95), "U01HUGO", "5xx gone. status page -> monitoring")
s.say(ch, add(TERM, seconds=300), "U01TOML", "the column is already there; I'll make the index CONCURRENTLY and add lock_timeout to the migration, then rerun")
s.say(ch, add(RERUN_DONE, seconds=30), "U01TOML", "rerun done, index built concurrently, 2.31.0 rolling out")
s.say(ch, add(RESOLVED, seconds=-20), "U01HUGO", "all clean for an hour of traffic, resolving. postmortem: Metabase on the primary, and migrations without lock_timeout")
s.write(inc, "chat")

inc.truth(
    "parcels-alter-lock-queue", "migration-lock-queue-behind-long-query",
    "parcels-api 2.31.0's pre-deploy migration ran ALTER TABLE shipments while a Metabase report held the table; every query\n"
    "queued behind the ALTER until the report was cancelled, then a non-concurrent CREATE INDEX blocked writes until its backend was terminated.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(ALTER, "change", "migration Job issues ALTER TABLE shipments ADD COLUMN customs_ref (release 2.31.0)", "pg-primary/postgresql-Tue.log", 60),
     (STARTED, "first_symptom", "first query on shipments waiting for a lock behind the ALTER", "pg-primary/postgresql-Tue.log", 60),
     (ALERT, "alert_fired", "ParcelsApiLatencyHigh firing", "am/webhook-archive.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4471 triggered", "pd/log_entries.json", 60),
     (ACK, "acknowledged", "Hugo acknowledges", "pd/log_entries.json", 60),
     (DIAG1, "diagnosis", "Claire: ALTER waits behind the Metabase report, lock queue on shipments", "chat", 90),
     (COMMS, "communication", "status page: tracking and label creation failing", "chat", 90),
     (CANCEL, "mitigation", "Metabase query cancelled; ALTER completes, reads recover (writes still blocked)", "pg-primary/postgresql-Tue.log", 60),
     (DIAG2, "diagnosis", "Claire: CREATE INDEX without CONCURRENTLY holds SHARE lock, writes blocked", "chat", 90),
     (TERM, "mitigation", "migration backend terminated, writes flow", "pg-primary/postgresql-Tue.log", 60),
     (ERR_OK, "alert_resolved", "ParcelsApi5xxRatio resolved", "am/webhook-archive.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd/log_entries.json", 60)],
    [(CRON[-1], "label-archive CronJob fails daily at 13:15 (S3 AccessDenied)", "cluster/events.json"),
     (OTHER_DEPLOY, "notifications-svc deploy by another team", "ci/workflow-runs.json"),
     (T(D + "13:40:15"), "EmailQueueDepthHigh (notifications team) flapping", "am/webhook-archive.ndjson"),
     (T(D + "14:25:45"), "EmailQueueDepthHigh fires again, unrelated", "am/webhook-archive.ndjson"),
     (LAT_OK, "ParcelsApiLatencyHigh resolves while writes still fail", "am/webhook-archive.ndjson"),
     (WRONG, "wrong hunch: notifications-svc deploy hammering shipments", "chat"),
     (ROLLBACK_Q, "'should we roll back?' question", "chat"),
     (T(D + "13:30:00"), "steady duplicate-key errors on tracking_events and webhook signature mismatches all window", "pg-primary/postgresql-Tue.log"),
     (T(D + "14:40:00"), "occasional readiness probe timeouts all window", "cluster/events.json")],
    [("pg-primary/postgresql-Tue.log", "logs", PTZ), ("parcels-api/app.log.gz", "logs"), ("dash/parcels-db-panel.json", "prometheus-query-range"),
     ("ci/workflow-runs.json", "deploys"), ("cluster/events.json", "kube-events"), ("am/webhook-archive.ndjson", "alertmanager-webhook"),
     ("pd/log_entries.json", "pagerduty-log-entries"), ("chat", "slack-export")])
