"""retired11/voltly-rating-cron-pileup: on the last day of the month the */5 session-rating CronJob
(concurrencyPolicy: Allow) runs the month-close cap recompute on every run; as Saturday-morning charging
grows the runs outlast the interval and pile up, each holding its own pool on billing-pg, until Postgres
refuses connections (first to a rating Job, minutes before drivers can't start charging). Suspending the
CronJob only stops new runs; deleting the running Jobs ends the impact."""
import random
from common import *

rng = random.Random(20261031)
inc = Incident("retired11", "voltly-rating-cron-pileup")
D = "2026-10-31 "
W0, W1 = T(D + "08:30:00"), T(D + "11:30:00")
PILE = T(D + "08:45:00")
OTHER_DEPLOY = T(D + "09:20:15")
ARCHIVER = [T("2026-10-%02d 09:15:%02d" % (d, 3 + d % 5)) for d in (28, 29, 30, 31)]
STARTED = T(D + "09:31:07")
WARN = T(D + "09:33:10")
CUST = T(D + "09:35:40")
ALERT = T(D + "09:41:20")
PAGE = T(D + "09:41:21")
ACK = T(D + "09:44:05")
WRONG = T(D + "09:47:10")
ROLLBACK_Q = T(D + "09:50:30")
COMMS = T(D + "09:53:05")
DIAG = T(D + "09:58:10")
SUSPEND = T(D + "10:01:30")
STILL = T(D + "10:05:00")
DELETE = T(D + "10:07:12")
MITIGATED = T(D + "10:07:45")
ALERT_OK = T(D + "10:12:20")
WARN_OK = T(D + "10:10:40")
FIX_SYNC = T(D + "10:38:04")
RESOLVED = T(D + "10:56:00")
NS = "billing"


def active(t):
    """running session-rating Jobs."""
    if t >= add(DELETE, seconds=31):
        return 0 if t < FIX_SYNC else (1 if (t.minute % 5) < 2 else 0)
    if t < PILE:
        return 1 if (t.minute % 5) < 4 else 0
    n = 1 + (t - PILE).total_seconds() / 2760.0 * 7
    if t >= SUSPEND:
        n = 8
    return min(8, int(n))


def conns(t):
    base = 150 + 12 * max(0.0, min(1.0, (t - W0).total_seconds() / 3600.0))
    v = base + 18 * active(t) + rng.randint(-3, 3)
    return min(297, v)


def refusing(t):
    return STARTED <= t < MITIGATED


# ---- kube events (core/v1 list)
k = Kube(rng)
runs = []
t = T(D + "08:30:00")
while t <= W1:
    if t < SUSPEND or t >= FIX_SYNC:
        runs.append(t)
    t = add(t, minutes=5)
for r in runs:
    job = "session-rating-%d" % (int(epoch(r)) // 60)
    pod = "%s-%s" % (job, uid(job, 5))
    k.ev(add(r, seconds=0.4), NS, "CronJob", "session-rating", "SuccessfulCreate", "Created job %s" % job, component="cronjob-controller")
    k.ev(add(r, seconds=0.6), NS, "Job", job, "SuccessfulCreate", "Created pod: %s" % pod, component="job-controller")
    if r < PILE or r >= FIX_SYNC:
        dur = rng.randint(200, 235) if r < PILE else rng.randint(70, 95)
        k.ev(add(r, seconds=dur), NS, "Job", job, "Completed", "Job completed", component="job-controller")
        k.ev(add(r, seconds=dur + 9), NS, "CronJob", "session-rating", "SawCompletedJob", "Saw completed job: %s, status: Complete" % job, component="cronjob-controller")
    elif r >= T(D + "09:30:00"):
        # new runs can no longer connect: the pod exits 1 and the Job gives up
        k.ev(add(r, seconds=75), NS, "Pod", pod, "BackOff", "Back-off restarting failed container rating in pod %s" % pod, type_="Warning", host="gke-prod-batch-%s" % uid(pod, 4))
        k.ev(add(r, seconds=140), NS, "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
        k.ev(add(r, seconds=149), NS, "CronJob", "session-rating", "SawCompletedJob", "Saw completed job: %s, status: Failed" % job, component="cronjob-controller")
    else:
        if r < add(DELETE, minutes=-1):
            k.ev(add(DELETE, seconds=1.5), NS, "Pod", pod, "Killing", "Stopping container rating", host="gke-prod-batch-%s" % uid(pod, 4))
for c in ARCHIVER:
    if c >= W0:
        job = "ocpp-log-archiver-%d" % (int(epoch(c)) // 60)
        k.ev(c, "ocpp", "CronJob", "ocpp-log-archiver", "SuccessfulCreate", "Created job %s" % job, component="cronjob-controller")
        k.ev(add(c, seconds=61), "ocpp", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(OTHER_DEPLOY, seconds=2), "partner", "Deployment", "partner-portal", "ScalingReplicaSet", "Scaled up replica set partner-portal-6f9c7d8b54 to 2", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=40), "partner", "Deployment", "partner-portal", "ScalingReplicaSet", "Scaled down replica set partner-portal-59d4c6f7c9 to 0 from 2", component="deployment-controller")
inc.json("kube-events.json", k.core_list())

# ---- Kubernetes audit log (the change record), JSON lines
au = []
def A(t, user, verb, resource, ns, name, code=200, ua="kubectl/v1.30.4 (linux/amd64) kubernetes/6d0a0e5", body=None, sub=None):
    e = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "RequestResponse" if body else "Metadata",
         "auditID": uuid("audit%s%s%s" % (t, verb, name)), "stage": "ResponseComplete",
         "requestURI": "/apis/%s/namespaces/%s/%s%s" % ("batch/v1" if resource in ("cronjobs", "jobs") else "apps/v1", ns, resource, ("/" + name) if name else "?labelSelector=app%3Dsession-rating"),
         "verb": verb, "user": {"username": user, "groups": ["system:authenticated"]},
         "sourceIPs": ["10.20.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250))], "userAgent": ua,
         "objectRef": {"resource": resource, "namespace": ns, **({"name": name} if name else {}), "apiGroup": "batch" if resource in ("cronjobs", "jobs") else "apps", "apiVersion": "v1"},
         "responseStatus": {"metadata": {}, "code": code},
         **({"requestObject": body} if body else {}),
         "requestReceivedTimestamp": iso_us(t), "stageTimestamp": iso_us(add(t, seconds=0.021)),
         "annotations": {"authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": "RBAC: allowed by ClusterRoleBinding \"%s\"" % ("sre-admins" if "@" in user else "argocd-application-controller")}}
    au.append((t, jline(e)))
ARGO = "system:serviceaccount:argocd:argocd-application-controller"
AUA = "argocd-application-controller/v2.12.3 (linux/amd64)"
A(T(D + "08:12:40"), "lena.fischer@voltly.eu", "patch", "deployments", "pricing", "tariff-api", body={"spec": {"replicas": 4}})
A(OTHER_DEPLOY, ARGO, "patch", "deployments", "partner", "partner-portal", ua=AUA,
  body={"spec": {"template": {"spec": {"containers": [{"name": "partner-portal", "image": "europe-docker.pkg.dev/voltly/apps/partner-portal:1.44.0"}]}}}})
A(SUSPEND, "jonas.weber@voltly.eu", "patch", "cronjobs", NS, "session-rating", body={"spec": {"suspend": True}})
A(DELETE, "jonas.weber@voltly.eu", "deletecollection", "jobs", NS, None, body={"kind": "DeleteOptions", "apiVersion": "batch/v1", "propagationPolicy": "Background"})
A(FIX_SYNC, ARGO, "patch", "cronjobs", NS, "session-rating", ua=AUA,
  body={"spec": {"suspend": False, "concurrencyPolicy": "Forbid", "jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "rating", "image": "europe-docker.pkg.dev/voltly/apps/session-rating:2.19.1"}]}}}}}})
A(T(D + "11:02:18"), ARGO, "patch", "deployments", "fleet", "fleet-dashboard", ua=AUA,
  body={"spec": {"template": {"spec": {"containers": [{"name": "fleet-dashboard", "image": "europe-docker.pkg.dev/voltly/apps/fleet-dashboard:0.31.2"}]}}}})
for t in frange(add(W0, seconds=44), W1, 600):  # routine reads by monitoring (benign)
    A(t, "system:serviceaccount:monitoring:kube-state-metrics", "list", "cronjobs", NS, None, ua="kube-state-metrics/v2.13.0")
inc.lines("k8s-audit.log", [l for _, l in sorted(au, key=lambda x: x[0])])

# ---- Postgres log (log_line_prefix '%m [%p] %q%u@%d ', UTC)
pg = []
def P(t, pid, who, lvl, msg):
    pg.append((t, "%s.%03d UTC [%d] %s%s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, (who + " ") if who else "", lvl, msg)))
for t in frange(add(W0, seconds=12), W1, 300):
    P(t, 68, "", "LOG", "checkpoint starting: time")
    P(add(t, seconds=rng.uniform(25, 29)), 68, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=26.%03d s, sync=0.004 s, total=26.%03d s" % (
        rng.randint(900, 4000), rng.uniform(0.4, 2.0), rng.randint(1, 4), rng.randint(0, 999), rng.randint(0, 999)))
P(STARTED, 411902, "rating@billing", "FATAL", "sorry, too many clients already")
for t in poisson_times(rng, add(STARTED, seconds=5), MITIGATED, 0.35):
    who = "rating@billing" if (t < CUST or rng.random() < 0.3) else "charge_api@billing"
    P(t, rng.randint(411903, 419999), who, "FATAL", "sorry, too many clients already")
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    P(t, rng.randint(300000, 420000), "fleet_ro@billing", "ERROR", "canceling statement due to statement timeout")
    P(add(t, seconds=0.001), rng.randint(300000, 420000), "fleet_ro@billing", "STATEMENT", "SELECT * FROM fleet_monthly_usage WHERE fleet_id = $1 ORDER BY day")
for t in poisson_times(rng, add(PILE, minutes=20), DELETE, 1 / 90.0):
    P(t, rng.randint(300000, 420000), "rating@billing", "LOG", "duration: %d.%03d ms  statement: UPDATE account_monthly_caps SET kwh_used = s.kwh, capped = s.kwh >= c.cap_kwh FROM (SELECT ...) s WHERE ..." % (rng.randint(20000, 95000), rng.randint(0, 999)))
P(add(DELETE, seconds=31.2), 409118, "rating@billing", "LOG", "could not receive data from client: Connection reset by peer")
P(add(DELETE, seconds=31.4), 409377, "rating@billing", "LOG", "unexpected EOF on client connection with an open transaction")
inc.lines("postgresql-2026-10-31_000000.log", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- charge-api structlog JSON lines
ca = []
def J(t, level, event, **kw):
    ca.append((t, jline({"timestamp": iso_us(t), "level": level, "logger": kw.pop("logger", "charge_api.sessions"), "event": event, **kw})))
for t in poisson_times(rng, W0, W1, 0.18):
    charger = "DE-BER-%04d-%d" % (rng.randint(1, 2400), rng.randint(1, 4))
    if CUST <= t < MITIGATED and rng.random() < min(0.85, 0.15 + (t - CUST).total_seconds() / 900.0):
        J(t, "error", "start session failed", charger=charger, error="sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at \"billing-pg.billing.svc\" (10.30.4.12), port 5432 failed: FATAL:  sorry, too many clients already", status=503, path="/v2/sessions/start")
    else:
        J(t, "info", "session started", charger=charger, status=201, path="/v2/sessions/start", duration_ms=rng.randint(80, 400))
J(CUST, "error", "start session failed", charger="DE-MUC-0412-2", error="sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at \"billing-pg.billing.svc\" (10.30.4.12), port 5432 failed: FATAL:  sorry, too many clients already", status=503, path="/v2/sessions/start")
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    J(t, "warning", "ocpp heartbeat overdue", charger="DE-BER-%04d-1" % rng.randint(1, 2400), overdue_s=rng.randint(310, 900), logger="charge_api.ocpp")
inc.lines("charge-api.jsonl", [l for _, l in sorted(ca, key=lambda x: x[0])])

# ---- OpenMetrics: connections and active jobs
pts = list(frange(W0, W1, 30))
inc.write("billing-pg.om", openmetrics([
    ("pg_stat_activity_count", "gauge", "number of connections in this state",
     [({"instance": "billing-pg-0:9187", "datname": "billing"}, [(t, conns(t)) for t in pts])]),
    ("pg_settings_max_connections", "gauge", "Server Parameter: max_connections",
     [({"instance": "billing-pg-0:9187"}, [(t, 300) for t in pts[::10]])]),
    ("kube_cronjob_status_active", "gauge", "Active holds pointers to currently running jobs.",
     [({"namespace": NS, "cronjob": "session-rating"}, [(t, active(t)) for t in pts])]),
]))

# ---- Alertmanager webhook archive (back to Oct 28)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for c in ARCHIVER:
    jl = {"severity": "warning", "team": "ocpp", "namespace": "ocpp", "job_name": "ocpp-log-archiver-%d" % (int(epoch(c)) // 60)}
    H(add(c, seconds=95), am_webhook("slack-ocpp", [am_alert("KubeJobFailed", jl, "Job ocpp/ocpp-log-archiver failed to complete", add(c, seconds=62))]))
    H(add(c, minutes=46), am_webhook("slack-ocpp", [am_alert("KubeJobFailed", jl, "Job ocpp/ocpp-log-archiver failed to complete", add(c, seconds=62), ends=add(c, minutes=45))]))
wl = {"severity": "warning", "team": "billing", "instance": "billing-pg-0:9187", "datname": "billing"}
H(add(WARN, seconds=10), am_webhook("slack-billing", [am_alert("PostgresConnectionsNearMax", wl, "billing-pg connections at 99% of max_connections", WARN)]))
H(add(WARN_OK, seconds=10), am_webhook("slack-billing", [am_alert("PostgresConnectionsNearMax", wl, "billing-pg connections at 99% of max_connections", WARN, ends=WARN_OK)]))
pl = {"severity": "page", "team": "charging", "service": "charge-api"}
H(add(ALERT, seconds=9), am_webhook("pd-charging", [am_alert("ChargeStartFailureRatio", pl, "charge-api session starts failing: 31% over 5m", ALERT)]))
H(add(ALERT_OK, seconds=9), am_webhook("pd-charging", [am_alert("ChargeStartFailureRatio", pl, "charge-api session starts failing", ALERT, ends=ALERT_OK)]))
fl = {"severity": "warning", "team": "observability", "instance": "gke-prod-logging-3a1f:9100", "mountpoint": "/var/lib/loki"}
for a, b in ((T(D + "08:48:20"), T(D + "08:53:50")), (T(D + "09:39:00"), T(D + "09:44:30")), (T(D + "10:44:10"), T(D + "10:49:40"))):
    H(add(a, seconds=10), am_webhook("slack-obs", [am_alert("NodeFilesystemAlmostFull", fl, "/var/lib/loki on gke-prod-logging-3a1f is 91% full", a)]))
    H(add(b, seconds=10), am_webhook("slack-obs", [am_alert("NodeFilesystemAlmostFull", fl, "/var/lib/loki on gke-prod-logging-3a1f is 91% full", a, ends=b)]))
inc.lines("alertmanager-webhooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(7731, "ChargeStartFailureRatio charge-api session starts failing", "charge-api", "PCHG7Q1", "EP Charging")
jon = PD.user("Jonas Weber", "PJWEB01")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Jonas Weber by push notification.", user=jon)
pd.add(ACK, "acknowledge_log_entry", jon, {"type": "mobile"}, "Acknowledged by Jonas Weber.")
pd.add(add(ALERT_OK, seconds=10), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager (auto-resolve off)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", jon, {"type": "web_ui"}, "Resolved by Jonas Weber.")
inc.json("pagerduty.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("UJON", "jonas", "Jonas Weber"), ("ULEN", "lena", "Lena Fischer"), ("UARI", "arif", "Arif Demir"),
                ("USOF", "sofie", "Sofie Jansen"), ("UMAT", "mateo", "Mateo Ruiz")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n in [("CINC", "inc-charging"), ("CBIL", "billing-alerts"), ("CSUP", "driver-support")]:
    s.channel(cid, n)
s.bot("billing-alerts", add(WARN, seconds=11), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "PostgresConnectionsNearMax", "billing-pg connections at 99% of max_connections", color="warning"))
s.bot("billing-alerts", add(WARN_OK, seconds=11), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "PostgresConnectionsNearMax", "billing-pg connections"))
s.say("driver-support", T(D + "09:40:15"), "USOF", "app reviews + 14 calls in 5 min: 'could not start charging', mostly Berlin and Munich")
ch = "inc-charging"
s.say(ch, add(ACK, seconds=50), "UJON", "acked. charge-api start session 503s, psycopg 'sorry, too many clients already' on billing-pg")
s.say(ch, WRONG, "UARI", "the OCPP gateway has been flaky all week, chargers reconnecting in a storm?")
s.say(ch, add(WRONG, seconds=70), "UJON", "heartbeat warnings are the usual level. this is the DB refusing connections")
s.say(ch, ROLLBACK_Q, "UMAT", "should we roll back charge-api 3.8.0 from Thursday?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UJON", "charge-api pool hasn't changed, let's see who holds the connections first")
s.say(ch, COMMS, "USOF", "status page: 'Some drivers can't start charging from the app, RFID cards work' posted")
s.say(ch, DIAG, "ULEN", "found it: 8 session-rating jobs running at once, each with its own 18-conn pool. it's the 31st, so every run does the month-close cap recompute (meant to run once) and takes 25+ min; concurrencyPolicy Allow just stacks them")
s.say(ch, add(DIAG, seconds=75), "UJON", "suspending the cronjob")
s.say(ch, STILL, "UJON", "still 'too many clients'. suspend only stops new runs, the 8 running jobs keep their connections")
s.say(ch, add(STILL, seconds=60), "ULEN", "delete the running jobs, rating is idempotent, the next run picks the sessions up")
s.say(ch, add(DELETE, seconds=50), "UJON", "jobs deleted, billing-pg back to 160 conns, starts succeeding")
s.say(ch, add(FIX_SYNC, seconds=-400), "ULEN", "PR: concurrencyPolicy Forbid + month-close recompute only in the 23:55 run, unsuspend via Argo")
s.say(ch, add(FIX_SYNC, seconds=120), "ULEN", "synced, session-rating 2.19.1 runs take 80s")
s.say(ch, add(RESOLVED, seconds=-40), "UJON", "two clean runs, no refusals, resolving")
s.write(inc, "slack")

inc.truth(
    "voltly-rating-cron-pileup", "month-end-cronjob-overlap-connection-exhaustion",
    "On Oct 31 the */5 session-rating CronJob (concurrencyPolicy Allow) runs the month-close recompute every run; runs outlast the\n"
    "interval and pile up until billing-pg refuses connections (first a rating Job, then charge-api session starts); suspend only\n"
    "stopped new runs, deleting the running Jobs ended the impact.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "billing-pg FATAL too many clients (rating@billing), first refusal", "postgresql-2026-10-31_000000.log", 60),
     (WARN, "alert_fired", "PostgresConnectionsNearMax warning firing", "alertmanager-webhooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7731 ChargeStartFailureRatio triggered", "pagerduty.json", 60),
     (ACK, "acknowledged", "Jonas acknowledges", "pagerduty.json", 60),
     (COMMS, "communication", "status page: drivers can't start charging from the app", "slack", 90),
     (DIAG, "diagnosis", "Lena: 8 overlapping session-rating jobs, month-close recompute every run", "slack", 90),
     (SUSPEND, "mitigation", "CronJob session-rating suspended (partial: running jobs keep connections)", "k8s-audit.log", 60),
     (DELETE, "mitigation", "running session-rating Jobs deleted", "k8s-audit.log", 60),
     (MITIGATED, "recovery", "connection refusals and 503s stop", "charge-api.jsonl", 60),
     (ALERT_OK, "alert_resolved", "ChargeStartFailureRatio resolved", "alertmanager-webhooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #7731 resolved", "pagerduty.json", 60)],
    [(ARCHIVER[-1], "ocpp-log-archiver CronJob fails every day at 09:15 (KubeJobFailed)", "alertmanager-webhooks.ndjson"),
     (OTHER_DEPLOY, "partner-portal 1.44.0 Argo CD sync by another team", "k8s-audit.log"),
     (T(D + "08:12:40"), "tariff-api scaled by hand (pricing)", "k8s-audit.log"),
     (T(D + "09:39:00"), "NodeFilesystemAlmostFull on a logging node, flapping", "alertmanager-webhooks.ndjson"),
     (WRONG, "wrong hunch: OCPP reconnect storm", "slack"),
     (ROLLBACK_Q, "'should we roll back charge-api 3.8.0?' question", "slack"),
     (T(D + "10:20:00"), "steady OCPP heartbeat warnings and fleet_ro statement timeouts", "charge-api.jsonl")],
    [("kube-events.json", "kube-events"), ("k8s-audit.log", "deploys"), ("postgresql-2026-10-31_000000.log", "logs"),
     ("charge-api.jsonl", "logs"), ("billing-pg.om", "openmetrics"), ("alertmanager-webhooks.ndjson", "alertmanager-webhook"),
     ("pagerduty.json", "pagerduty-log-entries"), ("slack", "slack-export")])
