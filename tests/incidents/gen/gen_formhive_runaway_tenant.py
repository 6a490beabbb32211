"""retired13/formhive-runaway-tenant: one tenant's new sync script floods cell eu-2 with unindexed records:search
queries; the shared Postgres saturates and every tenant in the cell gets timeouts and 504s; a per-tenant rps cut only
halves the errors, a per-tenant search concurrency cap plus cancelling its queries ends it."""
import random
from common import *

rng = random.Random(20261020)
inc = Incident("retired13", "formhive-runaway-tenant")
TZ = "Europe/Dublin"
D = "2026-10-20 "
W0, W1 = T(D + "13:30:00"), T(D + "16:30:00")
TEN = "tn_9c03e7"     # Hollis & Pratt
SCRIPT_ON = T(D + "14:02:10")
STARTED = T(D + "14:06:40")
ERR5 = T(D + "14:09:30")
OTHER_DEPLOY = T(D + "14:08:12")
WARN = T(D + "14:15:00")
PAGE_ALERT = T(D + "14:19:30")
PAGE = T(D + "14:19:31")
ACK = T(D + "14:21:05")
WRONG = T(D + "14:23:30")
ROLLBACK_Q = T(D + "14:25:40")
STATUS = T(D + "14:27:10")
DIAG = T(D + "14:31:40")
RPS_CUT = T(D + "14:36:10")
CAP = T(D + "14:47:30")
MITIGATED = T(D + "14:48:20")
ALERT_OK = T(D + "14:52:30")
SCRIPT_OFF = T(D + "15:12:40")
RESOLVED = T(D + "15:40:12")
CRON = [T("2026-10-%02d 14:00:%02d" % (d, 20 + d)) for d in (17, 18, 19, 20)]


def err_share(t):
    if ERR5 <= t < RPS_CUT:
        return min(0.35, 0.05 + (t - ERR5).total_seconds() / 1100.0)
    if RPS_CUT <= t < MITIGATED:
        return 0.15 if t >= add(RPS_CUT, seconds=60) else 0.25
    return 0.0


def slow(t):
    return STARTED <= t < MITIGATED


def db_cpu(t):
    if t < SCRIPT_ON:
        return 0.38 + 0.03 * ((int(epoch(t)) // 60) % 3)
    if t < STARTED:
        return min(0.95, 0.45 + (t - SCRIPT_ON).total_seconds() / 540.0)
    if t < RPS_CUT:
        return 0.97 + 0.01 * ((int(epoch(t)) // 60) % 3)
    if t < CAP:
        return 0.9 + 0.02 * ((int(epoch(t)) // 60) % 3)
    return 0.41 + 0.03 * ((int(epoch(t)) // 60) % 3)


# ---- cell eu-2 gateway nginx (custom log_format with tenant and timings), Dublin local time with offset
gw = []
OTHERS = ["tn_12ab70", "tn_3fe901", "tn_55c0d2", "tn_8a1e44", "tn_b07f13", "tn_d2290c"]
UAS = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
       "Zapier", "formhive-sdk-node/4.2.0"]
def G(t, ip, tenant, method, path, status, size, ua, rt, urt):
    lt = local(t, TZ)
    gw.append((t, '%s - %s [%02d/%s/%d:%s %s] "%s %s HTTP/1.1" %d %d "-" "%s" rt=%.3f urt=%s' % (
        ip, tenant, lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.strftime("%z"), method, path, status, size, ua, rt, urt)))
for t in poisson_times(rng, W0, W1, 0.5):
    ten = rng.choice(OTHERS)
    ip = "%d.%d.%d.%d" % (rng.choice([31, 46, 78, 86, 109, 185]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    m, p = rng.choice([("GET", "/v2/forms/%d" % rng.randint(1000, 99999)), ("POST", "/v2/forms/%d/submissions" % rng.randint(1000, 99999)),
                       ("GET", "/v2/records?view=%d&page=1" % rng.randint(10, 900)), ("PATCH", "/v2/records/%d" % rng.randint(10**6, 10**7))])
    if rng.random() < err_share(t):
        G(t, ip, ten, m, p, 504, 167, rng.choice(UAS), 15.0 + rng.uniform(0, 0.01), "15.001")
    elif slow(t):
        x = rng.uniform(1.5, 9.0)
        G(t, ip, ten, m, p, 201 if m == "POST" else 200, rng.randint(400, 30000), rng.choice(UAS), x + 0.002, "%.3f" % x)
    else:
        if rng.random() < 0.01:
            G(t, ip, ten, "GET", "/v2/forms/legacy-embed.js", 404, 153, rng.choice(UAS), 0.001, "-")
            continue
        x = rng.uniform(0.02, 0.4)
        G(t, ip, ten, m, p, 201 if m == "POST" else 200, rng.randint(400, 30000), rng.choice(UAS), x + 0.002, "%.3f" % x)
HIP = "52.214.88.19"
for t in poisson_times(rng, SCRIPT_ON, SCRIPT_OFF, 0.6):
    p = "/v2/records:search"
    if t < STARTED:
        x = rng.uniform(2.0, 8.0)
        G(t, HIP, TEN, "POST", p, 200, rng.randint(200000, 900000), "HollisSync/0.3 python-httpx/0.27.2", x, "%.3f" % x)
    elif t < RPS_CUT:
        if rng.random() < 0.45:
            G(t, HIP, TEN, "POST", p, 504, 167, "HollisSync/0.3 python-httpx/0.27.2", 15.0, "15.001")
        else:
            x = rng.uniform(8.0, 14.9)
            G(t, HIP, TEN, "POST", p, 200, rng.randint(200000, 900000), "HollisSync/0.3 python-httpx/0.27.2", x, "%.3f" % x)
    else:
        if rng.random() < (0.8 if t < CAP else 0.97):
            G(t, HIP, TEN, "POST", p, 429, 98, "HollisSync/0.3 python-httpx/0.27.2", 0.001, "-")
        else:
            x = rng.uniform(6.0, 14.0) if t < CAP else rng.uniform(0.8, 3.0)
            G(t, HIP, TEN, "POST", p, 200, rng.randint(200000, 900000), "HollisSync/0.3 python-httpx/0.27.2", x, "%.3f" % x)
inc.lines("gw-eu2/access.log.gz", [l for _, l in sorted(gw, key=lambda x: x[0])])

# ---- api (Django, Python logging default-ish format, Dublin local time without offset)
al = []
def L(t, lvl, logger, msg, extra=()):
    lt = local(t, TZ)
    al.append((t, "\n".join(["%s,%03d %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, logger, msg)] + list(extra))))
TB = ["Traceback (most recent call last):",
      '  File "/app/formhive/records/search.py", line 214, in run',
      "    rows = list(qs[:page_size])",
      '  File "/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute',
      "    return self.cursor.execute(sql, params)",
      "django.db.utils.OperationalError: canceling statement due to statement timeout"]
for t in poisson_times(rng, W0, W1, 0.12):
    ten = rng.choice(OTHERS)
    if slow(t) and rng.random() < min(0.6, 0.1 + err_share(t) * 1.5):
        L(t, "ERROR", "formhive.records", "query failed tenant=%s view=%d duration_ms=%d" % (ten, rng.randint(10, 900), rng.randint(14000, 15000)), TB)
    else:
        L(t, "INFO", "formhive.access", "tenant=%s status=200 duration_ms=%d" % (ten, rng.randint(20, 380) if not slow(t) else rng.randint(1500, 9000)))
L(STARTED, "ERROR", "formhive.records", "query failed tenant=tn_55c0d2 view=412 duration_ms=15002", TB)
for t in poisson_times(rng, W0, W1, 1 / 160.0):
    L(t, "WARNING", "formhive.webhooks", "delivery failed tenant=%s endpoint=https://hooks.%s.example/formhive status=410 attempt=%d, disabling after 10" % (
        rng.choice(OTHERS), rng.choice(["crm", "ops", "intake"]), rng.randint(1, 9)))
c = CRON[-1]
L(add(c, seconds=-9), "INFO", "formhive.jobs.usage_export", "tenant usage export starting for 2026-10-19")
L(c, "ERROR", "formhive.jobs.usage_export", "export failed: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied (bucket=formhive-usage-exports-eu2)")
L(add(RPS_CUT, seconds=4), "INFO", "formhive.tenancy", "tenant config reloaded tenant=%s revision=18241 keys=rate_limit.api_rps" % TEN)
L(add(CAP, seconds=3), "INFO", "formhive.tenancy", "tenant config reloaded tenant=%s revision=18244 keys=query_class.search.max_concurrency,db.statement_timeout_ms" % TEN)
L(add(CAP, seconds=41), "WARNING", "formhive.ops", "cancelled 58 running queries for tenant=%s (pg_cancel_backend) by dara.walsh" % TEN)
inc.lines("api-eu2.log", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- OpenMetrics scrape dump: DB CPU, per-tenant DB time, cell request counters
ts = list(frange(W0, W1, 60))
cpu = [(t, round(db_cpu(t), 3)) for t in ts]
def tenant_rate(ten):
    def r(t):
        if ten == TEN:
            if SCRIPT_ON <= t < RPS_CUT:
                return 44.0
            if RPS_CUT <= t < CAP:
                return 30.0
            if CAP <= t < SCRIPT_OFF:
                return 1.6
            return 0.05
        return {"tn_12ab70": 1.9, "tn_3fe901": 1.2, "tn_55c0d2": 0.9}[ten] * (1.6 if slow(t) else 1.0)
    return r
dbt = []
for ten in [TEN, "tn_12ab70", "tn_3fe901", "tn_55c0d2"]:
    acc, pts = 180000.0 + rng.randint(0, 90000), []
    for t in ts:
        acc += tenant_rate(ten)(t) * 60
        pts.append((t, round(acc, 1)))
    dbt.append(({"cell": "eu-2", "tenant": ten}, pts))
req = []
for cls in ("2xx", "4xx", "5xx"):
    acc, pts = 9.1e7 if cls == "2xx" else (2.2e6 if cls == "4xx" else 4100.0), []
    for t in ts:
        tot = 410.0
        e = err_share(t)
        acc += {"2xx": tot * (1 - e) * 0.97, "4xx": tot * 0.03 + (18.0 if RPS_CUT <= t < SCRIPT_OFF else 0.0), "5xx": tot * e + 0.02}[cls] * 60
        pts.append((t, int(acc)))
    req.append(({"cell": "eu-2", "code": cls}, pts))
act = [(t, (64 if RPS_CUT > t >= STARTED else (40 if RPS_CUT <= t < CAP else 9 + rng.randint(0, 4)))) for t in ts]
inc.write("db-eu2.om.txt", openmetrics([
    ("pg_host_cpu_utilization_ratio", "gauge", "CPU utilisation of the database host", [({"cell": "eu-2", "instance": "pg-eu2-primary"}, cpu)]),
    ("pg_stat_activity_active", "gauge", "Active backends", [({"cell": "eu-2", "instance": "pg-eu2-primary"}, act)]),
    ("formhive_tenant_db_time_seconds", "counter", "Database time consumed per tenant (top tenants only)", dbt),
    ("formhive_gateway_requests", "counter", "Requests through the cell gateway by status class", req)]))

# ---- tenant-config service history (control plane) -- filed as deploys
hist = []
def HC(rev, t, tenant, key, old, new, author, comment):
    hist.append({"revision": rev, "tenant_id": tenant, "key": key, "old_value": old, "new_value": new, "author": author,
                 "committed_at": iso(t, ms=True), "applied": {"cell": "eu-2" if tenant != "tn_6e0a55" else "eu-1", "at": iso(add(t, seconds=4), ms=True), "status": "applied"},
                 "comment": comment})
HC(18231, T(D + "11:47:02"), "tn_b07f13", "plan.seats", 250, 400, "svc:billing", "upgrade via self-serve")
HC(18236, T(D + "13:58:40"), "tn_6e0a55", "feature.ai_summaries", False, True, "niamh.byrne", "beta opt-in CS-4410")
HC(18239, T(D + "14:12:05"), "tn_12ab70", "webhooks.max_retries", 10, 5, "svc:webhook-janitor", "auto: endpoint 410 for 24h")
HC(18241, RPS_CUT, TEN, "rate_limit.api_rps", 200, 20, "dara.walsh", "INC-5120 runaway records:search")
HC(18244, CAP, TEN, "query_class.search.max_concurrency", None, 2, "dara.walsh", "INC-5120")
HC(18245, add(CAP, seconds=2), TEN, "db.statement_timeout_ms", 15000, 5000, "dara.walsh", "INC-5120")
HC(18250, T(D + "15:33:18"), TEN, "rate_limit.api_rps", 20, 100, "dara.walsh", "INC-5120 customer stopped the script; keep search cap until index ships")
HC(18252, T(D + "16:05:51"), "tn_d2290c", "plan.seats", 40, 60, "svc:billing", "upgrade via self-serve")
inc.json("tenant-config-history.json", {"items": sorted(hist, key=lambda h: h["revision"], reverse=True), "next_page": None})

# ---- GitLab deployments API list
gd = []
for i, (t, proj, ref, env, who) in enumerate([
        (T(D + "10:30:22"), "api", "v2026.10.20-1", "production/eu-2", "release-bot"),
        (T(D + "10:41:57"), "api", "v2026.10.20-1", "production/eu-1", "release-bot"),
        (OTHER_DEPLOY, "docs-renderer", "v1.44.0", "production/eu-2", "aoife.murphy"),
        (T(D + "15:58:09"), "billing-worker", "v3.2.7", "production/eu-1", "release-bot")]):
    sha = uid(proj + ref + env, 40)
    gd.append({"id": 801120 + i, "iid": 3410 + i, "ref": ref, "sha": sha, "created_at": iso(t, ms=True),
               "updated_at": iso(add(t, seconds=190), ms=True), "finished_at": iso(add(t, seconds=190), ms=True), "status": "success",
               "user": {"id": 40 + i, "username": who, "name": who.replace(".", " ").title(), "state": "active"},
               "environment": {"id": 90 + i, "name": env, "external_url": "https://%s.formhive.io" % env.split("/")[1]},
               "deployable": {"id": 55012 + i * 17, "status": "success", "stage": "deploy", "name": "deploy:" + env.split("/")[1],
                              "ref": ref, "tag": True, "created_at": iso(add(t, seconds=-30), ms=True),
                              "pipeline": {"id": 22101 + i, "sha": sha, "ref": ref, "status": "success", "web_url": "https://gitlab.formhive.io/platform/%s/-/pipelines/%d" % (proj, 22101 + i)},
                              "project": {"path_with_namespace": "platform/" + proj}}})
inc.json("deployments.json", sorted(gd, key=lambda d: d["created_at"], reverse=True))

# ---- PagerDuty v2 webhook bodies (ndjson)
pd = PD(5120, "CellApi5xxHigh cell eu-2 5xx ratio 21%", "cell-eu-2", "PCELEU2")
sio = PD.user("Siobhan Kelly", "PSIOKEL")
dara = PD.user("Dara Walsh", "PDARAWA")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Siobhan Kelly by push notification.", user=sio)
pd.add(ACK, "acknowledge_log_entry", sio, {"type": "mobile"}, "Acknowledged by Siobhan Kelly.")
pd.add(add(ACK, minutes=9), "assign_log_entry", sio, {"type": "web_ui"}, "Assigned to Dara Walsh by Siobhan Kelly.", assignees=[dara])
pd.add(add(CAP, minutes=3), "annotate_log_entry", dara, {"type": "web_ui", "summary": "tn_9c03e7 search concurrency capped at 2, its queries cancelled; cell errors gone"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dara, {"type": "web_ui"}, "Resolved by Dara Walsh.")
bodies = pd_webhook_v2_bodies(pd, 5120, "CellApi5xxHigh cell eu-2 5xx ratio 21%", PAGE)
inc.lines("pd-webhooks.ndjson", [jline(b) for b in bodies])

# ---- Slack export (alerts only as Alertmanager posts)
s = Slack()
for u, n, r, tz in [("U5SIO", "siobhan", "Siobhan Kelly", "Europe/Dublin"), ("U5DAR", "dara", "Dara Walsh", "Europe/Dublin"),
                    ("U5AOI", "aoife", "Aoife Murphy", "Europe/Dublin"), ("U5MAR", "marek", "Marek Nowak", "Europe/Warsaw"),
                    ("U5NIA", "niamh", "Niamh Byrne", "Europe/Dublin"), ("U5JON", "jonas", "Jonas Berg", "Europe/Berlin")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C5ALR", "alerts-cells", "Alertmanager: cells"), ("C5INC", "inc-5120-eu2", "INC-5120"),
                  ("C5STA", "status", "Statuspage mirror"), ("C5CS", "customer-success", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("alerts-cells", add(c, seconds=75), "B5AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeCronJobFailed", "CronJob billing/tenant-usage-export last run failed (cell eu-2)\nseverity: ticket", color="warning"))
for a, b in [("13:41:20", "13:46:50"), ("14:29:10", "14:33:40"), ("15:21:00", "15:24:30"), ("16:02:40", "16:09:10")]:
    s.bot("alerts-cells", T(D + a), "B5AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "RedisReplicationBroken", "sessions-eu1: replica redis-sessions-2 link down\nteam: identity"))
    s.bot("alerts-cells", T(D + b), "B5AM", "alertmanager", attachments=am_slack_attachment(
        "resolved", "RedisReplicationBroken", "sessions-eu1: replica link up"))
s.bot("alerts-cells", add(WARN, seconds=12), "B5AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "CellApiLatencyHigh", "cell eu-2 p95 latency 6.8s (threshold 2s)\nseverity: warning", color="warning"))
s.bot("alerts-cells", add(PAGE_ALERT, seconds=11), "B5AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "CellApi5xxHigh", "cell eu-2 5xx ratio 21%\nseverity: page"))
s.bot("alerts-cells", ALERT_OK, "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "CellApi5xxHigh", "cell eu-2 5xx ratio 0.0%"))
s.bot("alerts-cells", add(ALERT_OK, minutes=3), "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "CellApiLatencyHigh", "cell eu-2 p95 latency 0.31s"))
ic = "inc-5120-eu2"
s.say(ic, add(ACK, seconds=35), "U5SIO", "acked. eu-2 only: 504s across all tenants, pg-eu2-primary CPU pinned at ~97%")
s.say(ic, WRONG, "U5SIO", "docs-renderer v1.44.0 went to eu-2 at 14:08, right before the 504s. suspicious?")
s.say(ic, add(WRONG, seconds=60), "U5AOI", "docs-renderer only renders PDFs from object storage, it has no DB credentials at all")
s.say(ic, ROLLBACK_Q, "U5MAR", "should we roll back this morning's api release v2026.10.20-1?")
s.say(ic, add(ROLLBACK_Q, seconds=50), "U5DAR", "eu-1 has the same release and is fine. looking at pg_stat_statements first")
s.say(ic, DIAG, "U5DAR", "it's a runaway tenant: tn_9c03e7 (Hollis & Pratt) is 81% of DB time, ~60 concurrent records:search with a filter on an unindexed custom field, "
      "each scanning their 40M-row records. started ~14:02 from a new 'HollisSync' client")
s.say(ic, add(DIAG, seconds=75), "U5JON", "confirmed, formhive_tenant_db_time_seconds for tn_9c03e7 went from ~0 to 44 s/s at 14:02")
s.say(ic, add(RPS_CUT, seconds=-25), "U5DAR", "cutting their api_rps 200 -> 20 in tenant-config")
s.say(ic, add(RPS_CUT, minutes=6), "U5SIO", "5xx down from ~35% to ~15% but CPU still 90%. their client retries 429s right away and the long queries already running keep going")
s.say(ic, add(CAP, seconds=-30), "U5DAR", "capping their search concurrency at 2 + statement timeout 5s, and cancelling their running queries")
s.say(ic, add(MITIGATED, seconds=45), "U5DAR", "58 queries cancelled, CPU 42%, 504s gone")
s.say("customer-success", add(CAP, minutes=6), "U5NIA", "I've got Hollis & Pratt's admin on the phone, they launched a sync script this afternoon. they'll stop it")
s.say(ic, add(SCRIPT_OFF, seconds=80), "U5NIA", "Hollis stopped HollisSync at 16:12 their time")
s.say(ic, add(RESOLVED, seconds=-45), "U5DAR", "stable for 50 min, resolving. follow-ups: cost-based per-tenant quota for search, index custom fields on demand")
s.bot("status", STATUS, "B5SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Degraded performance in EU-2",
      "title": "Investigating - Degraded performance for customers hosted in EU-2", "text": "Some requests are slow or failing. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=7), "B5SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - EU-2",
      "title": "Monitoring - EU-2 performance", "text": "Performance is back to normal. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=2), "B5SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - EU-2",
      "title": "Resolved - EU-2 performance", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "formhive-runaway-tenant", "noisy-tenant-expensive-queries-bypass-request-rate-quota",
    "A tenant's new sync script sent ~60 concurrent unindexed records:search queries to cell eu-2, saturating the shared Postgres;\n"
    "every tenant in the cell got timeouts and 504s; an rps cut only halved the errors, a per-tenant search concurrency cap and cancelling its queries ended it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first statement timeout for another tenant; DB CPU pinned", "api-eu2.log", 60),
     (ERR5, "first_symptom", "cell gateway 504s begin for all tenants", "gw-eu2/access.log.gz", 90),
     (WARN, "alert_fired", "CellApiLatencyHigh warning for eu-2", "slack", 60),
     (PAGE, "paged", "CellApi5xxHigh pages (PagerDuty #5120)", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Siobhan acknowledges", "pd-webhooks.ndjson", 60),
     (STATUS, "communication", "Statuspage: degraded performance in EU-2", "slack", 60),
     (DIAG, "diagnosis", "Dara: runaway tenant tn_9c03e7, 81% of DB time in unindexed records:search", "slack", 90),
     (RPS_CUT, "mitigation", "tn_9c03e7 api_rps 200 -> 20 (errors only halve)", "tenant-config-history.json", 60),
     (CAP, "mitigation", "tn_9c03e7 search concurrency capped at 2, statement timeout 5s, running queries cancelled", "tenant-config-history.json", 60),
     (MITIGATED, "recovery", "504s stop, DB CPU back to ~42%", "gw-eu2/access.log.gz", 60),
     (ALERT_OK, "alert_resolved", "CellApi5xxHigh resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #5120 resolved", "pd-webhooks.ndjson", 60)],
    [(CRON[-1], "daily tenant-usage-export CronJob failure (AccessDenied), alert every day ~14:01", "api-eu2.log"),
     (OTHER_DEPLOY, "docs-renderer v1.44.0 deployed to eu-2 by another team", "deployments.json"),
     (T(D + "13:41:20"), "RedisReplicationBroken flapping for sessions-eu1 (identity team)", "slack"),
     (T(D + "14:12:05"), "automatic webhook retry change for another tenant", "tenant-config-history.json"),
     (WRONG, "wrong hunch: docs-renderer deploy", "slack"),
     (ROLLBACK_Q, "'should we roll back the api release?' question, not done", "slack"),
     (T(D + "15:00:00"), "steady webhook 410 warnings and legacy-embed 404s all window", "api-eu2.log")],
    [("gw-eu2/access.log.gz", "logs"), ("api-eu2.log", "logs", TZ), ("db-eu2.om.txt", "openmetrics"),
     ("tenant-config-history.json", "deploys"), ("deployments.json", "deploys"),
     ("pd-webhooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
