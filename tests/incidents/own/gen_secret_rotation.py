"""own/secret-rotation (#20, kept out of tuning): a scheduled Vault rotation changes billing-api's
database password; the pods keep the old secret, and as the pool's connections reach their max
lifetime the new ones fail authentication at Postgres, minutes before invoice requests 5xx. Fixed
by a rollout restart of billing-api (the new pods read the new secret).
Run from anywhere: python3 tests/incidents/own/gen_secret_rotation.py"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen"))
from common import *  # noqa: E402,F403

rng = random.Random(20260714)
inc = Incident("own", "secret-rotation")
D = "2026-07-14 "
W0, W1 = T(D + "09:30:00"), T(D + "12:00:00")
APP_TZ = "Europe/Warsaw"           # billing-api writes local time without an offset
OTHER_DEPLOY = T(D + "09:41:10")
CHANGE = T(D + "10:00:00")         # vault rotates database/creds/billing_app
STARTED = T(D + "10:07:12")        # first "password authentication failed" at postgres
SYMPTOM = T(D + "10:09:30")        # invoices 5xx begin
ALERT = T(D + "10:14:20")
PAGE = T(D + "10:14:50")
ACK = T(D + "10:19:05")
QUESTION = T(D + "10:21:00")
HUNCH = T(D + "10:23:30")
DIAG = T(D + "10:27:40")
RESTART = T(D + "10:31:30")
MITIGATED = T(D + "10:35:10")
ALERT_OK = T(D + "10:40:10")
RESOLVED = T(D + "11:05:00")
CRON = "10:15:02"                  # invoice-export fails every day at this time


def share_failing(t):
    """Share of the pool's connections opened after the rotation (0 before the first recycle)."""
    if t < STARTED or t >= MITIGATED:
        return 0.0
    return min(0.9, (t - STARTED).total_seconds() / 1200.0 + 0.05)


# ---- nginx access log of the billing ingress (UTC offsets)
al = []
for t in poisson_times(rng, W0, W1, 1.4):
    path = rng.choice(["/api/invoices", "/api/invoices/latest", "/api/payments/methods", "/healthz"])
    if t >= SYMPTOM and path.startswith("/api/") and rng.random() < share_failing(t) * 0.8:
        st, rt = rng.choice([500, 500, 503]), rng.uniform(0.5, 5.0)
    else:
        st, rt = (200 if rng.random() > 0.01 else 404), rng.uniform(0.01, 0.25)
    al.append((t, nginx(t, "10.2.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)), "GET", path, st,
                        rng.randint(300, 7000), "Mozilla/5.0", rt=rt)))
inc.lines("edge/access.log", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- billing-api (logback, local time)
bl = []
for t in poisson_times(rng, W0, W1, 1 / 95.0):  # steady benign: fx-rates timeouts all day
    bl.append((t, logback(t, APP_TZ, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 40), "c.a.b.FxRatesClient",
                          "fx-rates request timed out after 2000ms, using cached rates")))
for t in poisson_times(rng, W0, W1, 1 / 40.0):
    bl.append((t, logback(t, APP_TZ, "INFO", "scheduling-1", "c.a.b.InvoiceBatch", "invoice batch committed: %d rows" % rng.randint(20, 400))))
for t in poisson_times(rng, SYMPTOM, MITIGATED, 0.6):
    if rng.random() < share_failing(t):
        bl.append((t, logback(t, APP_TZ, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 40), "c.z.h.pool.HikariPool",
                              "HikariPool-1 - Connection is not available, request timed out after 3000ms. "
                              "(FATAL: password authentication failed for user \"billing_app\")")))
bl.append((add(RESTART, seconds=40), logback(add(RESTART, seconds=40), APP_TZ, "INFO", "main", "c.a.b.BillingApplication",
                                             "Started BillingApplication in 14.2 seconds")))
inc.lines("billing-api.log", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- postgres (UTC in the line)
def pg(t, pid, level, msg):
    return "%s.%03d UTC [%d] %s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, level, msg)


pl = []
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    pl.append((t, pg(t, rng.randint(20000, 40000), "LOG", "checkpoint complete: wrote %d buffers" % rng.randint(100, 4000))))
pl.append((STARTED, pg(STARTED, 31877, "FATAL", 'password authentication failed for user "billing_app"')))
for t in poisson_times(rng, add(STARTED, seconds=5), RESTART, 0.25):
    if rng.random() < share_failing(t) + 0.2:
        pl.append((t, pg(t, rng.randint(20000, 40000), "FATAL", 'password authentication failed for user "billing_app"')))
inc.lines("pg/postgresql-Tue.log", [l for _, l in sorted(pl, key=lambda x: x[0])])

# ---- cron host: invoice-export fails every day (3 days of syslog, UTC host)
cl = []
for day in ("2026-07-12 ", "2026-07-13 ", D):
    t = T(day + CRON)
    cl.append(syslog(add(t, seconds=-2), "UTC", "batch-01", "CRON[%d]" % rng.randint(1000, 9000), "(billing) CMD (/opt/jobs/invoice-export.sh)"))
    cl.append(syslog(t, "UTC", "batch-01", "invoice-export", "ERROR sftp upload to partner-sftp.example.net failed: connection timed out"))
inc.lines("batch-01-syslog", cl)

# ---- kubernetes events
k = Kube(rng)
k.ev(OTHER_DEPLOY, "search", "Deployment", "search-web", "ScalingReplicaSet", "Scaled up replica set search-web-6d7c9b8f4 to 4", component="deployment-controller")
k.ev(RESTART, "billing", "Deployment", "billing-api", "ScalingReplicaSet", "Scaled up replica set billing-api-7f6b5c9d8 to 1", component="deployment-controller")
for i in range(3):
    t = add(RESTART, seconds=25 * i)
    pod = "billing-api-7f6b5c9d8-%s" % uid("bn%d" % i, 5)
    k.ev(t, "billing", "ReplicaSet", "billing-api-7f6b5c9d8", "SuccessfulCreate", "Created pod: %s" % pod, component="replicaset-controller")
    k.ev(add(t, seconds=20), "billing", "ReplicaSet", "billing-api-5c8d7b6f9", "SuccessfulDelete", "Deleted pod: billing-api-5c8d7b6f9-%s" % uid("bo%d" % i, 5), component="replicaset-controller")
k.ev(add(RESTART, seconds=60), "billing", "Deployment", "billing-api", "ScalingReplicaSet", "Scaled down replica set billing-api-5c8d7b6f9 to 0 from 1", component="deployment-controller")
inc.json("events.json", k.core_list())

# ---- alertmanager webhooks
hk = []
def H(t, body):
    hk.append((t, jline(body)))
lab = {"severity": "critical", "team": "billing", "service": "billing-api", "namespace": "billing"}
H(add(ALERT, seconds=8), am_webhook("pagerduty-billing", [am_alert("BillingApiHighErrorRate", lab, "billing-api 5xx above 2% for 3m", ALERT)]))
H(add(ALERT_OK, seconds=8), am_webhook("pagerduty-billing", [am_alert("BillingApiHighErrorRate", lab, "billing-api 5xx above 2% for 3m", ALERT, ends=ALERT_OK)]))
for t in (T(D + "09:45:00"), T(D + "10:25:00"), T(D + "11:20:00")):
    nl = {"severity": "warning", "team": "platform", "instance": "logs-es-3", "mountpoint": "/data"}
    H(t, am_webhook("slack-platform", [am_alert("DiskSpaceLow", nl, "/data on logs-es-3 above 85%", t)]))
    H(add(t, minutes=7), am_webhook("slack-platform", [am_alert("DiskSpaceLow", nl, "/data on logs-es-3 above 85%", t, ends=add(t, minutes=7))]))
inc.lines("alertmanager-hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- change calendar
chg = [{"id": "CHG-%d" % (7710 + i), "started_at": iso(t), "finished_at": iso(add(t, seconds=30)), "service": svc,
        "environment": "prod", "revision": rev, "actor": who, "status": "success", "kind": kind}
       for i, (t, svc, rev, who, kind) in enumerate([
           (OTHER_DEPLOY, "search-web", "4c1d9e2", "li.w", "k8s-rollout"),
           (CHANGE, "billing-api", "database/creds/billing_app v19", "vault-rotator", "secret-rotation")])]
inc.json("changes.json", {"deploys": chg})

# ---- pagerduty
pd = PD(7731, "BillingApiHighErrorRate billing-api 5xx above 2% for 3m", "billing-api", "PBIL001")
kim = PD.user("Kim Novak", "PKIM001")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Kim Novak by SMS.", user=kim)
pd.add(ACK, "acknowledge_log_entry", kim, {"type": "sms"}, "Acknowledged by Kim Novak.")
pd.add(RESOLVED, "resolve_log_entry", kim, {"type": "web_ui"}, "Resolved by Kim Novak.")
inc.json("pd.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UKIM", "kim", "Kim Novak"), ("URAJ", "raj", "Raj Patel"), ("ULIW", "li", "Li Wei")]:
    s.user(u, n, r)
s.channel("CBIL", "inc-billing")
ch = "inc-billing"
s.say(ch, add(ACK, seconds=40), "UKIM", "ack. invoices returning 500s, billing-api errors climbing")
s.say(ch, QUESTION, "ULIW", "billing deployed yesterday evening, should we roll that back?")
s.say(ch, HUNCH, "URAJ", "maybe the db is just overloaded? checkpoint logs look normal though")
s.say(ch, add(HUNCH, seconds=70), "UKIM", "db CPU is at 20%, not load")
s.say(ch, DIAG, "URAJ", "found it: postgres says password authentication failed for billing_app. vault rotated the creds at 10:00 and the pods still hold the old secret, every recycled connection fails")
s.say(ch, add(RESTART, seconds=-20), "UKIM", "doing a rollout restart of billing-api so the pods read the new secret")
s.say(ch, add(MITIGATED, seconds=50), "UKIM", "new pods are up, 5xx gone")
s.say(ch, add(RESOLVED, seconds=-40), "UKIM", "error rate flat for 25 min, resolving. follow-up: reload secrets on rotation")
s.write(inc, "slack")

inc.truth(
    "secret-rotation", "credential-rotation-stale-secret",
    "A scheduled Vault rotation changed billing-api's database password; pods kept the old secret and every recycled\n"
    "connection failed authentication, so invoice requests 5xx until a rollout restart picked up the new secret.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "Vault rotates billing_app database credentials", "changes.json", 120),
     (STARTED, "first_symptom", "postgres: password authentication failed for billing_app", "pg/postgresql-Tue.log", 60),
     (ALERT, "alert_fired", "BillingApiHighErrorRate firing", "alertmanager-hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7731 triggered", "pd.json", 60),
     (ACK, "acknowledged", "Kim acknowledges", "pd.json", 60),
     (DIAG, "diagnosis", "Raj: rotated creds, pods hold the old secret", "slack", 90),
     (RESTART, "mitigation", "rollout restart of billing-api", "events.json", 120),
     (MITIGATED, "recovery", "invoice 5xx stop", "edge/access.log", 90),
     (ALERT_OK, "alert_resolved", "BillingApiHighErrorRate resolved", "alertmanager-hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd.json", 60)],
    [(OTHER_DEPLOY, "search-web rollout by another team", "changes.json"),
     (T(D + "09:45:00"), "DiskSpaceLow flapping on logs-es-3 (platform)", "alertmanager-hooks.ndjson"),
     (T(D + CRON), "invoice-export cron fails every day", "batch-01-syslog"),
     (QUESTION, "'should we roll that back?' question", "slack"),
     (HUNCH, "'db overloaded?' wrong hunch", "slack")],
    [("edge/access.log", "logs"), ("billing-api.log", "logs", APP_TZ), ("pg/postgresql-Tue.log", "logs"),
     ("batch-01-syslog", "logs"), ("events.json", "kube-events"), ("alertmanager-hooks.ndjson", "alertmanager-webhook"),
     ("changes.json", "deploys"), ("pd.json", "pagerduty-log-entries"), ("slack", "slack-export")])
