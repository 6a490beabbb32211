"""retired13/tallyhq-vault-lease-maxttl: the Vault database leases of the usage-metering pods reach the role's 768h
max_ttl 32 days after their last restart; Vault revokes them (DROP ROLE + terminate), meter-ingest stops writing
usage events and meter-api answers 500 on tenants' usage pages until both deployments are restarted (ingest first)."""
import random
from common import *

rng = random.Random(20260811)
inc = Incident("retired13", "tallyhq-vault-lease-maxttl")
PGTZ = "America/New_York"
D = "2026-08-11 "
W0, W1 = T(D + "08:30:00"), T(D + "11:30:00")
ISSUED = {"meter-ingest-7f8d9c6b54-4kq2x": T("2026-07-10 09:21:04"), "meter-ingest-7f8d9c6b54-9wz7m": T("2026-07-10 09:21:31"),
          "meter-ingest-7f8d9c6b54-h2r5t": T("2026-07-10 09:22:02"),
          "meter-api-5b7c9d8f46-2xkqp": T("2026-07-10 09:24:40"), "meter-api-5b7c9d8f46-tq8vn": T("2026-07-10 09:25:13")}
EXPIRE = {p: add(t, hours=768) for p, t in ISSUED.items()}
STARTED = EXPIRE["meter-ingest-7f8d9c6b54-4kq2x"]          # 09:21:04
API_DOWN = EXPIRE["meter-api-5b7c9d8f46-2xkqp"]            # 09:24:40
API_ALL_DOWN = EXPIRE["meter-api-5b7c9d8f46-tq8vn"]         # 09:25:13
WARN = T(D + "09:29:30")
CRIT = T(D + "09:33:30")
PAGE = T(D + "09:33:31")
ACK = T(D + "09:36:10")
WRONG = T(D + "09:37:40")
OTHER_DEPLOY = T(D + "09:40:05")
ROLLBACK_Q = T(D + "09:41:20")
DIAG = T(D + "09:44:10")
RESTART_INGEST = T(D + "09:47:50")
INGEST_OK = T(D + "09:48:45")
SUPPORT = T(D + "09:52:20")
LAG_OK = T(D + "09:54:30")
STATUS = T(D + "09:55:02")
RESTART_API = T(D + "09:56:30")
MITIGATED = T(D + "09:57:12")        # last old meter-api pod stops (RESTART_API + 42 s)
RESOLVED = T(D + "10:40:05")
CRON = [T("2026-08-%02d 09:02:%02d" % (d, 30 + d)) for d in (8, 9, 10, 11)]
ROLE = "metering-rw"


def pgu(pod):
    r = random.Random(pod)
    return "v-kubernet-metering-%s-%d" % ("".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20)), int(epoch(ISSUED[pod])))


def lease(pod):
    r = random.Random("l" + pod)
    return "database/creds/%s/%s" % (ROLE, "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24)))


INGEST = [p for p in ISSUED if p.startswith("meter-ingest")]
API = [p for p in ISSUED if p.startswith("meter-api")]
NEW_INGEST = ["meter-ingest-6c4b8f7d95-bx9lp", "meter-ingest-6c4b8f7d95-r7k2d", "meter-ingest-6c4b8f7d95-zq4wn"]
NEW_API = ["meter-api-68f9c7d5b8-ktm4s", "meter-api-68f9c7d5b8-w2pjc"]


def ingest_broken(pod, t):
    return EXPIRE[pod] <= t < add(RESTART_INGEST, seconds=20)


def api_broken(pod, t):
    return EXPIRE[pod] <= t < MITIGATED


# ---- Vault server log (hclog)
vl = []
def V(t, lvl, msg):
    vl.append((t, "%s [%s]%s %s" % (iso(t, ms=True), lvl, " " * (5 - len(lvl)), msg)))
def rid(n=24):
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))
for t in poisson_times(rng, W0, W1, 1 / 45.0):   # routine: short-lived CI and k8s login leases expiring
    path = rng.choice(["auth/kubernetes/login/h" + rid(), "database/creds/ci-readonly/" + rid(), "auth/jwt-gha/login/h" + rid(),
                       "aws/creds/deploy-artifacts/" + rid()])
    V(t, "INFO", "expiration: revoked lease: lease_id=%s" % path)
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    V(t, "ERROR", "auth.kubernetes.auth_kubernetes_5e1c07aa: login unauthorized: err=\"service account name not authorized\" role=reports-legacy")
for p in ISSUED:
    V(add(EXPIRE[p], seconds=0.004), "INFO", "expiration: revoked lease: lease_id=%s" % lease(p))
inc.lines("vault-0.log", [l for _, l in sorted(vl, key=lambda x: x[0])])

# ---- Postgres (metering-db) log, log_timezone America/New_York, prefix '%m [%p] %q%u@%d '
pl = []
def P(t, pid, user, db, lvl, msg, detail=None):
    lt = local(t, PGTZ)
    head = "%s.%03d %s [%d] " % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lt.tzname(), pid)
    who = "%s@%s " % (user, db) if user else ""
    pl.append((t, head + who + "%s:  %s" % (lvl, msg)))
    if detail:
        pl.append((add(t, seconds=0.0001), head + who + "DETAIL:  %s" % detail))
for t in frange(add(W0, seconds=41), W1, 300):
    P(t, 1187, None, None, "LOG", "checkpoint starting: time")
    P(add(t, seconds=rng.randint(60, 140)), 1187, None, None, "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=0.004 s, total=%.3f s" % (
        rng.randint(3000, 9000), rng.uniform(1, 4), rng.randint(2, 6), rng.uniform(50, 120), rng.uniform(50, 120)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    P(t, rng.randint(20000, 60000), "reports_ro", "metering", "LOG", "could not receive data from client: Connection reset by peer")
c = CRON[-1]
P(c, 48811, "partman", "metering", "ERROR", "cannot drop table usage_events_p2026_05_10 because other objects depend on it",
  "materialized view usage_monthly_mv depends on table usage_events_p2026_05_10")
P(add(c, seconds=0.001), 48811, "partman", "metering", "STATEMENT", "SELECT partman.run_maintenance('public.usage_events')")
for p in INGEST + API:
    u = pgu(p)
    n = 4 if p in INGEST else 6
    for i in range(n):
        P(add(EXPIRE[p], seconds=0.03 + i * 0.002), rng.randint(20000, 60000), u, "metering", "FATAL", "terminating connection due to administrator command")
    P(add(EXPIRE[p], seconds=0.05), 3391, "vault_admin", "metering", "LOG", "statement: DROP ROLE IF EXISTS \"%s\";" % u)
    end = add(RESTART_INGEST, seconds=25) if p in INGEST else MITIGATED
    for t in poisson_times(rng, add(EXPIRE[p], seconds=1), end, 0.03 if p in INGEST else 0.05):
        P(t, rng.randint(20000, 60000), u, "metering", "FATAL", "password authentication failed for user \"%s\"" % u,
          "Role \"%s\" does not exist.\n\tConnection matched file \"/etc/postgresql/16/main/pg_hba.conf\" line 104: \"hostssl metering all 10.40.0.0/14 scram-sha-256\"" % u)
inc.lines("metering-db/postgresql-Tue.log", [l for _, l in sorted(pl, key=lambda x: x[0])])

# ---- meter-ingest (Go, zap production JSON)
zl = []
def Z(t, pod, lvl, caller, msg, **kv):
    zl.append((t, jline({"level": lvl, "ts": round(epoch(t), 4), "logger": "ingest", "caller": caller, "msg": msg, "pod": pod, **kv})))
for pod in INGEST:
    for t in frange(add(W0, seconds=rng.randint(0, 29)), min(RESTART_INGEST, W1), 30):
        if ingest_broken(pod, t):
            Z(t, pod, "error", "sink/pg.go:142", "batch insert failed", batch=rng.randint(400, 512), topic="usage-events",
              error='pq: password authentication failed for user "%s"' % pgu(pod), stacktrace="github.com/tallyhq/meter/ingest/sink.(*PG).Flush\n\t/src/sink/pg.go:142")
            Z(add(t, seconds=0.01), pod, "warn", "consume/loop.go:88", "pausing partitions after sink error, retry in 5s", partitions=[rng.randint(0, 23) for _ in range(2)])
        else:
            Z(t, pod, "info", "sink/pg.go:160", "batch committed", rows=rng.randint(9000, 13000), lag=rng.randint(800, 4000))
    Z(add(EXPIRE[pod], seconds=0.04), pod, "error", "sink/pg.go:142", "batch insert failed", batch=512, topic="usage-events",
      error="pq: terminating connection due to administrator command")
for pod in NEW_INGEST:
    st = add(RESTART_INGEST, seconds=8 + NEW_INGEST.index(pod) * 9)
    Z(st, pod, "info", "cmd/main.go:61", "starting meter-ingest", version="4.7.2", db_user_file="/vault/secrets/db.env")
    for t in frange(add(INGEST_OK, seconds=NEW_INGEST.index(pod) * 9), W1, 30):
        catch = t < LAG_OK
        Z(t, pod, "info", "sink/pg.go:160", "batch committed", rows=rng.randint(40000, 60000) if catch else rng.randint(9000, 13000),
          lag=rng.randint(300000, 1500000) if catch else rng.randint(800, 4000))
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    Z(t, rng.choice(INGEST if t < RESTART_INGEST else NEW_INGEST), "warn", "enrich/tenant.go:57", "dropping event for unknown tenant", tenant_id="tn_" + hexid(rng, 6), reason="tenant deleted")
inc.lines("meter-ingest.jsonl", [l for _, l in sorted(zl, key=lambda x: x[0])])

# ---- meter-api (Node, pino JSON)
pn = []
def N(t, pod, lvl, msg, **kv):
    pn.append((t, jline({"level": lvl, "time": int(epoch(t) * 1000), "pid": 1, "hostname": pod, **kv, "msg": msg})))
for t in poisson_times(rng, W0, W1, 0.12):
    if t < add(RESTART_API, seconds=22):
        pool = API
    elif t < MITIGATED:
        pool = [API[1], NEW_API[0]]
    else:
        pool = NEW_API
    pod = rng.choice(pool)
    url = rng.choice(["/v1/usage/summary?period=current", "/v1/usage/daily?metric=api_calls", "/v1/usage/daily?metric=storage_gb", "/v1/quotas/current"])
    rq = "req-" + hexid(rng, 6)
    ten = "tn_" + rng.choice(["4f2a91", "0b7e14", "c4410f", "77c1d0", "e8d301", "1a90bb"])
    if pod in API and api_broken(pod, t):
        N(t, pod, 50, "usage query failed", reqId=rq, tenant=ten,
          err={"type": "DatabaseError", "message": 'password authentication failed for user "%s"' % pgu(pod), "code": "28P01",
               "stack": "error: password authentication failed\n    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:283:98)"})
        N(add(t, seconds=0.003), pod, 30, "request completed", reqId=rq, req={"method": "GET", "url": url}, res={"statusCode": 500}, responseTime=rng.randint(3, 30))
    else:
        N(t, pod, 30, "request completed", reqId=rq, req={"method": "GET", "url": url}, res={"statusCode": 200}, responseTime=rng.randint(9, 140))
for t in poisson_times(rng, W0, W1, 1 / 180.0):
    N(t, rng.choice(API if t < RESTART_API else NEW_API), 40, "api key not found", keyPrefix="tk_live_" + hexid(rng, 4), res={"statusCode": 401})
for p in API:
    N(add(EXPIRE[p], seconds=0.06), p, 50, "pg pool client error", err={"type": "DatabaseError", "message": "terminating connection due to administrator command", "code": "57P01"})
inc.lines("meter-api.log", [l for _, l in sorted(pn, key=lambda x: x[0])])

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
k.ev(CRON[-1], "metering", "Job", "usage-partman-29247542", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller", action="BackoffLimitExceeded")
k.ev(OTHER_DEPLOY, "search", "Deployment", "search-indexer", "ScalingReplicaSet", "Scaled up replica set search-indexer-74c9b5d8f to 1", component="deployment-controller")
k.pod_start(add(OTHER_DEPLOY, seconds=1), "search", "search-indexer-74c9b5d8f-pj2wq", "ip-10-40-17-88.ec2.internal", "ghcr.io/tallyhq/search-indexer:2.30.0", "indexer")
k.ev(add(OTHER_DEPLOY, seconds=40), "search", "Deployment", "search-indexer", "ScalingReplicaSet", "Scaled down replica set search-indexer-6b8f8c7d9 to 0 from 1", component="deployment-controller")
k.ev(RESTART_INGEST, "metering", "Deployment", "meter-ingest", "ScalingReplicaSet", "Scaled up replica set meter-ingest-6c4b8f7d95 to 1", component="deployment-controller")
for i, pod in enumerate(NEW_INGEST):
    k.pod_start(add(RESTART_INGEST, seconds=1 + i * 9), "metering", pod, "ip-10-40-%d-%d.ec2.internal" % (20 + i, 31 + i * 7), "ghcr.io/tallyhq/meter-ingest:4.7.2", "meter-ingest")
    k.ev(add(RESTART_INGEST, seconds=9 + i * 9), "metering", "Pod", INGEST[i], "Killing", "Stopping container meter-ingest", host="ip-10-40-%d-14.ec2.internal" % (11 + i))
k.ev(add(RESTART_INGEST, seconds=27), "metering", "Deployment", "meter-ingest", "ScalingReplicaSet", "Scaled down replica set meter-ingest-7f8d9c6b54 to 0 from 1", component="deployment-controller")
k.ev(RESTART_API, "metering", "Deployment", "meter-api", "ScalingReplicaSet", "Scaled up replica set meter-api-68f9c7d5b8 to 1", component="deployment-controller")
for i, pod in enumerate(NEW_API):
    k.pod_start(add(RESTART_API, seconds=1 + i * 20), "metering", pod, "ip-10-40-%d-%d.ec2.internal" % (30 + i, 12 + i), "ghcr.io/tallyhq/meter-api:2.12.0", "meter-api")
    k.ev(add(RESTART_API, seconds=22 + i * 20), "metering", "Pod", API[i], "Killing", "Stopping container meter-api", host="ip-10-40-%d-9.ec2.internal" % (14 + i))
k.ev(add(RESTART_API, seconds=45), "metering", "Deployment", "meter-api", "ScalingReplicaSet", "Scaled down replica set meter-api-5b7c9d8f46 to 0 from 1", component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    k.ev(t, "observability", "Pod", "otel-collector-agent-%s" % hexid(rng, 5), "Unhealthy", "Readiness probe failed: Get \"http://10.40.9.3:13133/\": context deadline exceeded", type_="Warning", host="ip-10-40-9-3.ec2.internal")
inc.json("events.json", k.v1_list())

# ---- Alertmanager webhook archive (ndjson), reaching back to Aug 8
hk = []
def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts))))
for c in CRON:
    st = add(c, seconds=29)
    H(add(st, seconds=30), "slack-metering", [am_alert("KubeJobFailed", {"severity": "warning", "namespace": "metering", "job_name": "usage-partman-%d" % (29243222 + c.day * 1440)}, "Job metering/usage-partman failed to complete", st)])
    H(add(st, hours=1, seconds=30), "slack-metering", [am_alert("KubeJobFailed", {"severity": "warning", "namespace": "metering", "job_name": "usage-partman-%d" % (29243222 + c.day * 1440)}, "Job metering/usage-partman failed to complete", st, ends=add(st, hours=1))])
lw = {"severity": "warning", "team": "metering", "consumergroup": "meter-ingest", "topic": "usage-events"}
H(add(WARN, seconds=10), "slack-metering", [am_alert("MeterIngestLagHigh", lw, "meter-ingest lag 412k messages on usage-events", WARN)])
lc = {"severity": "page", "team": "metering", "consumergroup": "meter-ingest", "topic": "usage-events"}
H(CRIT, "pagerduty-metering", [am_alert("MeterIngestLagCritical", lc, "meter-ingest lag 1.1M messages, usage events not being written", CRIT)])
H(add(LAG_OK, seconds=95), "slack-metering", [am_alert("MeterIngestLagHigh", lw, "meter-ingest lag 412k messages on usage-events", WARN, ends=add(LAG_OK, seconds=90))])
H(add(LAG_OK, seconds=95), "pagerduty-metering", [am_alert("MeterIngestLagCritical", lc, "meter-ingest lag 1.1M messages, usage events not being written", CRIT, ends=add(LAG_OK, seconds=90))])
le = {"severity": "warning", "team": "search", "cluster": "search-es-prod"}
for a, b in [("08:47:10", "08:52:40"), ("09:19:30", "09:23:00"), ("10:05:20", "10:12:50"), ("10:58:00", "11:03:30")]:
    H(T(D + a), "slack-search", [am_alert("ElasticsearchClusterYellow", le, "search-es-prod cluster health yellow", T(D + a))])
    H(T(D + b), "slack-search", [am_alert("ElasticsearchClusterYellow", le, "search-es-prod cluster health yellow", T(D + a), ends=T(D + b))])
inc.lines("am-webhooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(9127, "MeterIngestLagCritical meter-ingest lag 1.1M messages, usage events not being written", "usage-metering", "PUSGMT3")
olu = PD.user("Olu Adeyemi", "POLUADE")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMTAL1", "summary": "Alertmanager prod"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Olu Adeyemi by push notification.", user=olu,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", olu, {"type": "mobile"}, "Acknowledged by Olu Adeyemi.")
pd.add(add(MITIGATED, minutes=3), "annotate_log_entry", olu, {"type": "web_ui", "summary": "Vault db leases hit max_ttl (768h); restarted meter-ingest and meter-api"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", olu, {"type": "web_ui"}, "Resolved by Olu Adeyemi.")
inc.json("pd.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U3OLU", "olu", "Olu Adeyemi", "Europe/London"), ("U3PRI", "priya", "Priya Raman", "Europe/London"),
                    ("U3NAD", "nadia", "Nadia Haddad", "Europe/Paris"), ("U3TOM", "tomasz", "Tomasz Wrona", "Europe/Warsaw"),
                    ("U3GRE", "greta", "Greta Lind", "Europe/Stockholm")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C3MET", "metering-alerts", "Alertmanager: metering"), ("C3INC", "inc-usage-ingest", "incident"),
                  ("C3STA", "statuspage", "Statuspage mirror"), ("C3SUP", "support-eng", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("metering-alerts", add(c, seconds=60), "B3AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job metering/usage-partman failed to complete\nseverity: warning", color="warning"))
s.bot("metering-alerts", add(WARN, seconds=11), "B3AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "MeterIngestLagHigh", "meter-ingest lag 412k messages on usage-events\nseverity: warning", color="warning"))
s.bot("metering-alerts", add(LAG_OK, seconds=96), "B3AM", "alertmanager", attachments=am_slack_attachment(
    "resolved", "MeterIngestLagHigh", "meter-ingest lag back under threshold"))
ic = "inc-usage-ingest"
s.say(ic, add(ACK, seconds=50), "U3OLU", "acked MeterIngestLagCritical. all three ingest pods failing batch inserts since ~09:21, "
      "'password authentication failed for user v-kubernet-metering-...'")
s.say(ic, WRONG, "U3PRI", "metering-db maintenance window is Tuesdays 09:00-09:30, did RDS fail it over and lose the users?")
s.say(ic, add(WRONG, seconds=80), "U3TOM", "no failover, metering-db is self-managed, primary up since June. it's only the meter roles failing")
s.say(ic, ROLLBACK_Q, "U3PRI", "should we roll back meter-ingest 4.7.2 from yesterday?")
s.say(ic, add(ROLLBACK_Q, seconds=45), "U3OLU", "4.7.2 only changed log fields and the pods have been running since July 10, not a deploy thing")
s.say(ic, DIAG, "U3OLU", "got it: vault revoked our metering-rw leases. pods started 2026-07-10 ~09:21, role max_ttl is 768h = 32 days = right now. "
      "vault's revocation drops the role and kills its sessions; the agent rendered new creds to db.env but the app only reads it at startup")
s.say(ic, add(DIAG, seconds=70), "U3TOM", "confirmed in pg log: DROP ROLE for the three ingest users at 05:21-05:22 EDT")
s.say(ic, add(RESTART_INGEST, seconds=-15), "U3OLU", "rollout restart meter-ingest")
s.say(ic, add(INGEST_OK, seconds=30), "U3OLU", "new ingest pods committing, lag draining fast")
s.say("support-eng", SUPPORT, "U3NAD", "several tenants say the Usage page shows 'Unable to load usage' since about 10:25 London. is that the ingest incident?")
s.say(ic, add(SUPPORT, seconds=50), "U3NAD", "support: tenants report Usage page errors since ~09:25 UTC")
s.say(ic, add(SUPPORT, seconds=120), "U3OLU", "meter-api uses the same role, its two leases expired 09:24 and 09:25. readiness only checks /healthz so the pods stayed Ready. restarting it too")
s.say(ic, add(SUPPORT, seconds=200), "U3GRE", "and quota enforcement reads current usage from meter-api, so it's been failing open for 30 min")
s.say(ic, add(MITIGATED, seconds=40), "U3OLU", "meter-api restarted, 500s gone")
s.say(ic, T(D + "10:31:10"), "U3OLU", "vault role metering-rw: max_ttl raised to 2160h and Reloader annotation PR is up so pods restart on new creds. keeping this open until the lag graphs are flat")
s.say(ic, add(RESOLVED, seconds=-30), "U3OLU", "resolving. backfill check: no usage events lost, only delayed")
s.bot("statuspage", STATUS, "B3SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Usage data delayed",
      "title": "Investigating - Usage dashboard errors and delayed usage data", "text": "Usage pages may fail to load and usage figures may be delayed. Billing is not affected.", "mrkdwn_in": ["text"]}])
s.bot("statuspage", add(MITIGATED, minutes=5), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Usage data",
      "title": "Monitoring - Usage data", "text": "Usage pages load again and usage data is current.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "tallyhq-vault-lease-maxttl", "secrets-manager-dynamic-db-lease-max-ttl-revocation",
    "32 days after their last restart the usage-metering pods' Vault database leases reached the metering-rw role's 768h max_ttl;\n"
    "Vault dropped the roles, meter-ingest stopped writing usage and meter-api answered 500 until ingest and then meter-api were restarted.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "Vault revokes the first meter-ingest lease; its sessions are terminated and inserts fail", "metering-db/postgresql-Tue.log", 60),
     (API_DOWN, "first_symptom", "meter-api's first lease revoked; usage API answers 500", "meter-api.log", 60),
     (WARN, "alert_fired", "MeterIngestLagHigh warning", "am-webhooks.ndjson", 60),
     (PAGE, "paged", "MeterIngestLagCritical pages (PagerDuty #9127)", "pd.json", 60),
     (ACK, "acknowledged", "Olu acknowledges", "pd.json", 60),
     (DIAG, "diagnosis", "Olu: Vault revoked the metering-rw leases at max_ttl 768h; apps read creds only at startup", "slack", 90),
     (RESTART_INGEST, "mitigation", "rollout restart meter-ingest (usage API still failing)", "events.json", 60),
     (STATUS, "communication", "Statuspage: usage dashboard errors and delayed usage data", "slack", 60),
     (RESTART_API, "mitigation", "rollout restart meter-api", "events.json", 60),
     (MITIGATED, "recovery", "meter-api 500s stop", "meter-api.log", 60),
     (RESOLVED, "resolved", "PagerDuty #9127 resolved", "pd.json", 60)],
    [(CRON[-1], "daily usage-partman CronJob failure (KubeJobFailed every day ~09:03)", "am-webhooks.ndjson"),
     (OTHER_DEPLOY, "search-indexer rollout by the search team", "events.json"),
     (T(D + "09:19:30"), "ElasticsearchClusterYellow flapping (search team)", "am-webhooks.ndjson"),
     (WRONG, "wrong hunch: RDS maintenance failover", "slack"),
     (ROLLBACK_Q, "'should we roll back meter-ingest 4.7.2?' question, not done", "slack"),
     (T(D + "10:00:00"), "routine Vault lease revocations, reset-by-peer and unknown-tenant warnings all window", "vault-0.log")],
    [("vault-0.log", "logs"), ("metering-db/postgresql-Tue.log", "logs", PGTZ), ("meter-ingest.jsonl", "logs"),
     ("meter-api.log", "logs"), ("events.json", "kube-events"), ("am-webhooks.ndjson", "alertmanager-webhook"),
     ("pd.json", "pagerduty-log-entries"), ("slack", "slack-export")])
