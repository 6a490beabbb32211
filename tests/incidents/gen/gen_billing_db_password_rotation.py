"""retired2/billing-db-password-rotation: a manual Vault rotation of the billing DB password; running billing-api pods keep the old one and fail as Hikari recycles connections, until a rollout restart picks up the new secret."""
import random
from common import *

rng = random.Random(20260903)
inc = Incident("retired2", "billing-db-password-rotation")
TZ = "Europe/Berlin"
D = "2026-09-03 "
W0, W1 = T(D + "10:00:00"), T(D + "13:00:00")
CRON = [T("2026-%s 10:30:%02d" % (d, 11 + i)) for i, d in enumerate(("08-31", "09-01", "09-02", "09-03"))]
NODE_UPG = T(D + "10:33:50")
OTHER_DEPLOY = T(D + "10:41:22")
ROTATE = T(D + "10:52:13")
STARTED = T(D + "11:04:37")
WARN = T(D + "11:07:45")
ALERT = T(D + "11:09:30")
PAGE = T(D + "11:10:00")
ACK = T(D + "11:14:20")
WRONG = T(D + "11:16:30")
ROLLBACK_Q = T(D + "11:18:10")
COMMS = T(D + "11:19:40")
DIAG = T(D + "11:23:50")
ESO = T(D + "11:26:05")
RESTART = T(D + "11:27:00")
MITIGATED = T(D + "11:29:40")
ALERT_OK = T(D + "11:33:30")
RESOLVED = T(D + "11:55:00")
OLD = ["billing-api-7f8d6c5b9-%s" % s for s in ("2mxkq", "8vbtn", "cz4wr", "hq7pl", "n5sfd", "w9gjx")]
NEW = ["billing-api-5c9b8d7f6-%s" % s for s in ("4ltrz", "b8kqm", "f2nwh", "k7dxs", "p3vgc", "x6jzm")]
NODES = ["gke-billing-prod-np3-1c2d3e4f-%s" % s for s in ("0lqz", "6hvb", "9tkm")]
PRE = ["billing-api-7f8d6c5b9-%s" % s for s in ("a1bcd", "e5fgh", "j8klm", "q2rst", "u4vwx", "y7zab")]

def share(t):
    if not (STARTED <= t < MITIGATED):
        return 0.0
    if t >= RESTART:
        return max(0.0, 0.6 * (1 - (t - RESTART).total_seconds() / (MITIGATED - RESTART).total_seconds()))
    return min(0.6, (t - STARTED).total_seconds() / 300.0)

# ---- postgres log (local CEST, log_line_prefix '%m [%p] %q%u@%d ')
pg = []
def PG(t, pid, who, lvl, msg):
    lt = local(t, TZ)
    pg.append((t, "%s.%03d %s [%d] %s%s:  %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lt.tzname(), pid, who + " " if who else "", lvl, msg)))
def authfail(t):
    pid = rng.randint(20000, 39999)
    PG(t, pid, "billing_app@billing", "FATAL", 'password authentication failed for user "billing_app"')
    PG(t, pid, "billing_app@billing", "DETAIL", 'Connection matched pg_hba.conf line 97: "hostssl all all 10.0.0.0/8 scram-sha-256"')
authfail(STARTED)
for t in poisson_times(rng, STARTED, MITIGATED, 1 / 3.0):
    if t < add(RESTART, seconds=60) or rng.random() < 0.3:
        authfail(t)
for t in frange(add(W0, seconds=121), W1, 300):
    PG(t, 61, "", "LOG", "checkpoint starting: time")
    PG(add(t, seconds=rng.randint(20, 90)), 61, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=0.004 s, total=%.3f s" % (
        rng.randint(800, 4000), rng.random() * 3, rng.randint(1, 4), rng.random() * 30, 30 + rng.random()))
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    PG(t, rng.randint(20000, 39999), "reporting_ro@billing", "LOG", "could not receive data from client: Connection reset by peer")
PG(add(ROTATE, seconds=0.4), rng.randint(20000, 39999), "vault_admin@billing", "LOG", "statement: ALTER ROLE \"billing_app\" WITH PASSWORD <REDACTED>")
inc.lines("pg-billing-01.log", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- billing-api logback (local time, no offset)
bl = []
def B(t, lvl, th, lg_, msg, extra=()):
    bl.append((t, "\n".join([logback(t, TZ, lvl, th, lg_, msg)] + list(extra))))
for t in poisson_times(rng, W0, W1, 0.3):
    th = "http-nio-8080-exec-%d" % rng.randint(1, 64)
    if rng.random() < share(t):
        B(t, "ERROR", th, "c.a.billing.web.ErrorAdvice", "GET /v1/invoices failed: Could not open JDBC Connection for transaction",
          ["org.springframework.transaction.CannotCreateTransactionException: Could not open JDBC Connection for transaction; nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.",
           "Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"billing_app\""])
    else:
        B(t, "INFO", th, "c.a.billing.web.AccessLog", "%s 200 %dms" % (rng.choice(["GET /v1/invoices", "POST /v1/charges", "GET /v1/subscriptions"]), rng.randint(8, 140)))
B(add(STARTED, seconds=0.02), "WARN", "HikariPool-1 connection adder", "com.zaxxer.hikari.pool.HikariPool",
  "HikariPool-1 - Cannot acquire connection from data source: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"billing_app\"")
for t in poisson_times(rng, STARTED, RESTART, 1 / 10.0):
    B(t, "WARN", "HikariPool-1 connection adder", "com.zaxxer.hikari.pool.HikariPool",
      "HikariPool-1 - Cannot acquire connection from data source: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"billing_app\"")
for t in poisson_times(rng, W0, W1, 1 / 180.0):
    B(t, "WARN", "scheduling-1", "c.a.billing.fx.FxRatesClient", "FX rates cache stale (age 3605s), using last snapshot")
B(CRON[-1], "INFO", "scheduling-2", "c.a.billing.jobs.InvoiceArchiveJob", "invoice PDF archive started for 2026-09-02")
B(add(CRON[-1], seconds=13), "ERROR", "scheduling-2", "c.a.billing.jobs.InvoiceArchiveJob", "invoice PDF archive failed: S3 PutObject AccessDenied on s3://acme-billing-archive/2026/09/02/",
  ["software.amazon.awssdk.services.s3.model.S3Exception: Access Denied (Service: S3, Status Code: 403, Request ID: 8Q1XKZ4M7T0J2B5R)"])
for i, p in enumerate(NEW):
    B(add(RESTART, seconds=22 + 25 * i), "INFO", "main", "c.a.billing.BillingApplication", "Started BillingApplication in 14.2 seconds (process running for 15.1) pod=%s" % p)
    B(add(RESTART, seconds=21 + 25 * i), "INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.")
inc.lines("billing-api.out", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- vault audit log (JSON lines)
va = []
def V(t, typ, path, op, who, extra=None):
    d = {"time": iso_us(t), "type": typ,
         "auth": {"client_token": "hmac-sha256:" + hexid(rng, 64), "accessor": "hmac-sha256:" + hexid(rng, 64), "display_name": who,
                  "policies": ["default", "db-admin"] if "teodor" in who else ["default", "billing-app"], "token_type": "service"},
         "request": {"id": uuid("%s%s%s" % (t, path, typ)), "operation": op, "mount_type": "database" if path.startswith("database/") else "kv",
                     "client_token": "hmac-sha256:" + hexid(rng, 64), "namespace": {"id": "root"}, "path": path,
                     "remote_address": "10.12.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250))}}
    if typ == "response":
        d["response"] = extra or {"mount_type": "database"}
    va.append((t, jline(d)))
for t in poisson_times(rng, W0, W1, 1 / 60.0):
    V(t, "request", "secret/data/billing/stripe", "read", "kubernetes-billing-external-secrets")
    V(add(t, seconds=0.003), "response", "secret/data/billing/stripe", "read", "kubernetes-billing-external-secrets", {"mount_type": "kv"})
V(add(ROTATE, seconds=-0.2), "request", "database/rotate-role/billing-app", "update", "oidc-teodor.petrov")
V(ROTATE, "response", "database/rotate-role/billing-app", "update", "oidc-teodor.petrov", {"mount_type": "database", "data": None})
V(add(ESO, seconds=-0.5), "request", "database/static-creds/billing-app", "read", "kubernetes-billing-external-secrets")
V(ESO, "response", "database/static-creds/billing-app", "read", "kubernetes-billing-external-secrets",
  {"mount_type": "database", "data": {"last_vault_rotation": "hmac-sha256:" + hexid(rng, 64), "password": "hmac-sha256:" + hexid(rng, 64), "username": "hmac-sha256:" + hexid(rng, 64)}})
inc.lines("vault_audit.log", [l for _, l in sorted(va, key=lambda x: x[0])])

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
for i, n in enumerate(NODES):
    t = add(NODE_UPG, seconds=50 * i)
    k.ev(t, "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n, component="kubelet")
    for j in (2 * i, 2 * i + 1):
        k.ev(add(t, seconds=3 + j), "billing", "Pod", PRE[j], "Killing", "Stopping container billing-api", host=n)
        k.pod_start(add(t, seconds=5 + j), "billing", OLD[j], NODES[(i + 1) % 3], "europe-docker.pkg.dev/acme-prod/billing/billing-api:2.31.0", "billing-api")
    k.ev(add(t, seconds=200), "", "Node", n, "NodeSchedulable", "Node %s status is now: NodeSchedulable" % n, host=n)
k.ev(ESO, "billing", "ExternalSecret", "billing-db", "Updated", "Updated Secret", component="external-secrets")
k.ev(RESTART, "billing", "Deployment", "billing-api", "ScalingReplicaSet", "Scaled up replica set billing-api-5c9b8d7f6 to 1", component="deployment-controller")
for i, p in enumerate(NEW):
    k.pod_start(add(RESTART, seconds=1 + 25 * i), "billing", p, NODES[i % 3], "europe-docker.pkg.dev/acme-prod/billing/billing-api:2.31.0", "billing-api")
    k.ev(add(RESTART, seconds=24 + 25 * i), "billing", "Pod", OLD[i], "Killing", "Stopping container billing-api", host=NODES[(i + 1) % 3])
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    k.ev(t, "billing", "HorizontalPodAutoscaler", "billing-worker", "FailedGetResourceMetric",
         "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API", type_="Warning", component="horizontal-pod-autoscaler")
cj = "invoice-pdf-archive-29281590"
k.ev(add(CRON[-1], seconds=-11), "billing", "Job", cj, "SuccessfulCreate", "Created pod: %s-2kx8p" % cj, component="job-controller")
k.ev(add(CRON[-1], seconds=20), "billing", "Job", cj, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("kube-events.json", k.v1_list())

# ---- amtool alert query -o json (snapshot during the incident)
SNAP = T(D + "11:24:02")
al = [
    amtool_alert("PostgresAuthFailuresHigh", {"severity": "warning", "team": "dba", "instance": "pg-billing-01:9187", "datname": "billing"},
                 "Authentication failures on pg-billing-01 above 1/s", WARN, SNAP, receivers=("slack-dba",)),
    amtool_alert("BillingApiErrorRate", {"severity": "page", "team": "billing", "service": "billing-api"},
                 "billing-api 5xx above 5% for 3m", ALERT, SNAP, receivers=("pagerduty-billing", "slack-billing"), desc="5xx 38% over 5m"),
    amtool_alert("KubeHpaMaxedOut", {"severity": "warning", "team": "search", "namespace": "search", "horizontalpodautoscaler": "search-query"},
                 "HPA search/search-query has been running at max replicas for longer than 15 minutes", T(D + "11:20:30"), SNAP, receivers=("slack-search",)),
    amtool_alert("KubeJobFailed", {"severity": "warning", "team": "billing", "namespace": "billing", "job_name": cj},
                 "Job billing/%s failed to complete" % cj, add(CRON[-1], seconds=50), SNAP, receivers=("slack-billing",)),
    amtool_alert("Watchdog", {"severity": "none"}, "An alert that should always be firing to certify that Alertmanager is working properly.",
                 T("2026-08-28 09:00:05"), SNAP, receivers=("deadmansnitch",)),
]
inc.json("alerts-1124.json", al)

# ---- deploy tool CSV
rows = [("2026-09-02T16:05:41Z", "billing-api", "2.31.0", "deploy-bot", "success", "prod"),
        (iso(OTHER_DEPLOY), "payments-gateway", "7.4.2", "ana.silva", "success", "prod"),
        (iso(T(D + "11:48:10")), "search-query", "1.88.0", "deploy-bot", "success", "prod"),
        (iso(T(D + "12:31:55")), "notification-svc", "3.2.9", "li.wei", "success", "prod")]
inc.write("deploys.csv", "finished_at,app,version,deployer,result,environment\n" + "".join(",".join(r) + "\n" for r in rows))

# ---- pagerduty webhook v2 captures (JSON lines, one POST body each)
TITLE = "BillingApiErrorRate billing-api 5xx above 5% for 3m"
pd = PD(7720, TITLE, "billing-api", "PBIL020", "Billing Primary")
mo = PD.user("Mona Schulz", "PMONA20")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMBIL1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", mo, {"type": "mobile"}, "Acknowledged by Mona Schulz.")
pd.add(RESOLVED, "resolve_log_entry", mo, {"type": "web_ui"}, "Resolved by Mona Schulz.")
inc.lines("pd-hooks.jsonl", [jline(b) for b in pd_webhook_v2_bodies(pd, 7720, TITLE, PAGE)])

# ---- slack
s = Slack()
for u, n, r in [("U2MONA", "mona", "Mona Schulz"), ("U2TEO", "teodor", "Teodor Petrov"), ("U2ANA", "ana.silva", "Ana Silva"),
                ("U2FELIX", "felix", "Felix Braun"), ("U2LI", "li.wei", "Li Wei")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C2INC", "inc-billing-0903", "billing-api 5xx"), ("C2BAL", "billing-alerts", ""), ("C2DBA", "dba-alerts", ""),
                  ("C2PLT", "platform-announcements", ""), ("C2STA", "status", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("billing-alerts", add(c, seconds=50), "B2AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job billing/invoice-pdf-archive failed to complete", color="warning"))
s.bot("dba-alerts", add(WARN, seconds=9), "B2AM", "alertmanager",
      attachments=am_slack_attachment("firing", "PostgresAuthFailuresHigh", "Authentication failures on pg-billing-01 above 1/s", color="warning"))
s.bot("billing-alerts", add(ALERT, seconds=10), "B2AM", "alertmanager", attachments=am_slack_attachment("firing", "BillingApiErrorRate", "billing-api 5xx above 5% for 3m"))
s.bot("billing-alerts", add(ALERT_OK, seconds=10), "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "BillingApiErrorRate", "billing-api 5xx back under 5%"))
s.bot("dba-alerts", T(D + "11:32:20"), "B2AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "PostgresAuthFailuresHigh", "Authentication failures on pg-billing-01 back to normal"))
for a, b in [("10:12:30", "10:19:00"), ("11:20:30", "11:41:00"), ("12:22:00", "12:26:30")]:
    s.bot("billing-alerts", T(D + a), "B2AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeHpaMaxedOut", "HPA search/search-query at max replicas (team search)", color="warning"))
    s.bot("billing-alerts", T(D + b), "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "KubeHpaMaxedOut", "HPA search/search-query"))
s.bot("platform-announcements", add(NODE_UPG, seconds=-120), "B2GKE", "gke-maintenance",
      blocks=pd_slack_blocks(":construction: node pool *billing-prod-np3* surge upgrade to 1.30.4-gke.1348000 starting now"))
s.bot("platform-announcements", add(NODE_UPG, minutes=5), "B2GKE", "gke-maintenance",
      blocks=pd_slack_blocks(":white_check_mark: node pool *billing-prod-np3* upgrade complete"))
ch = "inc-billing-0903"
s.say(ch, add(ACK, seconds=40), "U2MONA", "acked. billing-api 500s, Hikari can't get connections. pg says password authentication failed for billing_app ?!")
s.say(ch, WRONG, "U2FELIX", "the GKE node upgrade this morning restarted all billing pods, maybe workload identity broke the secret mount?")
s.say(ch, add(WRONG, seconds=45), "U2MONA", "pods started fine at 10:35 and served for half an hour, doesn't fit")
s.say(ch, ROLLBACK_Q, "U2FELIX", "should we roll back billing-api 2.31?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U2MONA", "2.31 has been out since yesterday 16:05, and it's auth failing, not code")
s.say(ch, DIAG, "U2TEO", "that's me - I rotated the billing-app static role in vault at 12:52 (quarterly hygiene ticket). the pods still have the old password in env, so every connection Hikari recycles after maxLifetime fails auth")
s.say(ch, add(DIAG, seconds=60), "U2TEO", "forcing external-secrets to resync, then rollout restart billing-api")
s.say(ch, add(RESTART, seconds=10), "U2MONA", "kubectl rollout restart deploy/billing-api -n billing running")
s.say(ch, add(MITIGATED, seconds=30), "U2MONA", "all 6 new pods ready, 5xx gone")
s.say(ch, add(RESOLVED, seconds=-30), "U2MONA", "stable for 20 min, resolving. follow-up: rotation must trigger a restart")
s.bot("status", COMMS, "B2SP", "Statuspage", blocks=pd_slack_blocks("*Investigating* - Invoices and subscription changes are failing for some customers. We are investigating."))
s.bot("status", add(MITIGATED, minutes=4), "B2SP", "Statuspage", blocks=pd_slack_blocks("*Monitoring* - A fix has been applied and invoices load again."))
s.write(inc, "slack")

inc.truth(
    "billing-db-password-rotation", "credential-rotation-stale-secret",
    "A manual Vault rotation changed the billing_app Postgres password; running billing-api pods kept the old one in env, so\n"
    "connections replaced after Hikari's maxLifetime failed authentication and billing-api 5xx grew until a rollout restart.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(ROTATE, "change", "Teodor rotates database/rotate-role/billing-app in Vault", "vault_audit.log", 60),
     (STARTED, "first_symptom", "first 'password authentication failed for user billing_app'", "pg-billing-01.log", 60),
     (WARN, "alert_fired", "PostgresAuthFailuresHigh firing (warning)", "alerts-1124.json", 60),
     (ALERT, "alert_fired", "BillingApiErrorRate firing", "alerts-1124.json", 60),
     (PAGE, "paged", "PagerDuty #7720 triggered", "pd-hooks.jsonl", 60),
     (ACK, "acknowledged", "Mona acknowledges", "pd-hooks.jsonl", 60),
     (COMMS, "communication", "Statuspage: invoices failing", "slack", 90),
     (DIAG, "diagnosis", "Teodor: Vault rotation, pods keep the old password, recycled connections fail", "slack", 90),
     (RESTART, "mitigation", "secret resynced; rollout restart of billing-api", "kube-events.json", 90),
     (MITIGATED, "recovery", "new pods ready, auth failures and 5xx stop", "pg-billing-01.log", 90),
     (ALERT_OK, "alert_resolved", "BillingApiErrorRate resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #7720 resolved", "pd-hooks.jsonl", 60)],
    [(CRON[-1], "invoice-pdf-archive job fails daily ~10:30 UTC (S3 AccessDenied)", "billing-api.out"),
     (NODE_UPG, "GKE node pool upgrade restarts billing-api pods (platform maintenance)", "kube-events.json"),
     (OTHER_DEPLOY, "payments-gateway 7.4.2 deploy by another team", "deploys.csv"),
     (T(D + "11:20:30"), "KubeHpaMaxedOut for search-query flapping", "slack"),
     (WRONG, "wrong hunch: node upgrade broke the secret mount", "slack"),
     (ROLLBACK_Q, "'should we roll back billing-api 2.31?' question", "slack"),
     (T(D + "12:00:00"), "steady FX cache stale warnings and client connection resets all window", "billing-api.out"),
     (T(D + "11:48:10"), "search-query deploy after mitigation", "deploys.csv")],
    [("pg-billing-01.log", "logs", TZ), ("billing-api.out", "logs", TZ), ("vault_audit.log", "logs"), ("kube-events.json", "kube-events"),
     ("alerts-1124.json", "alertmanager-api-alerts"), ("deploys.csv", "deploys"), ("pd-hooks.jsonl", "pagerduty-log-entries"),
     ("slack", "slack-export")])
