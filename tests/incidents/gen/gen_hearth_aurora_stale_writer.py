"""train14/hearth-aurora-stale-writer: Aurora fails the bookings writer over after a host fault; the old writer comes back
as a reader, and booking-api's JVMs (DNS cache forever in the base image) keep reconnecting to its IP, so every booking
write fails read-only until the pods are restarted; the page is acknowledged only after escalation."""
import random
from common import *

rng = random.Random(20261027)
inc = Incident("train14", "hearth-aurora-stale-writer")
TZ = "Europe/Berlin"
D = "2026-10-27 "
W0, W1 = T(D + "18:00:00"), T(D + "21:00:00")
CRON = [T("2026-10-%02d 19:00:%02d" % (d, 1 + d % 3)) for d in (24, 25, 26, 27)]
OTHER_DEPLOY = T(D + "18:25:10")
STARTED = T(D + "18:39:36")
FO_START = T(D + "18:39:41")
DEMOTE = T(D + "18:40:02")
FO_DONE = T(D + "18:40:12")
RESTARTED = T(D + "18:40:48")
ALERT = T(D + "18:44:30")
PAGE = T(D + "18:44:32")
SUPPORT = T(D + "18:52:20")
ESC = T(D + "18:59:32")
ACK = T(D + "19:01:10")
WRONG = T(D + "19:03:40")
ROLLBACK_Q = T(D + "19:04:30")
DEL = T(D + "19:05:20")
DIAG = T(D + "19:07:30")
COMMS = T(D + "19:08:10")
RESTART = T(D + "19:09:40")
MITIGATED = T(D + "19:12:05")
ALERT_OK = T(D + "19:15:30")
WORKER = T(D + "19:18:30")
AWS_HEALTH = T(D + "19:25:00")
RESOLVED = T(D + "19:41:00")

PODS = ["booking-api-7c9f8d6b54-%s" % hexid(rng, 5) for _ in range(12)]
# time each pod gets fresh DNS (replaced)
FIXED = {}
for i, p in enumerate(PODS):
    if i < 3:
        FIXED[p] = add(DEL, seconds=42 + i * 3)
    else:
        FIXED[p] = add(RESTART, seconds=38 + ((i - 3) // 3) * 36 + rng.uniform(0, 5))
FIXED[PODS[-1]] = add(MITIGATED, seconds=1)
NEWPODS = {p: "booking-api-5d4b9c7f86-%s" % hexid(rng, 5) for p in PODS}


def pod_state(p, t):
    if t < STARTED or t >= FIXED[p]:
        return "ok"
    if t < RESTARTED:
        return "down"
    return "readonly"


# ---- booking-api: logstash-logback-encoder JSON, local time with offset
bl = []
def B(t, pod, lvl, logger, thread, msg, stack=None, **mdc):
    lt = local(t, TZ)
    o = {"@timestamp": lt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (lt.microsecond // 1000) + lt.strftime("%z")[:3] + ":" + lt.strftime("%z")[3:],
         "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread, "level": lvl,
         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000}[lvl], "HOSTNAME": pod}
    o.update(mdc)
    if stack:
        o["stack_trace"] = stack
    bl.append((t, jline(o)))
RO = ("org.springframework.dao.InvalidDataAccessResourceUsageException: could not execute statement [ERROR: cannot execute INSERT in a read-only transaction]\n"
      "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:277)\n"
      "\tat com.hearth.bookings.service.BookingService.confirm(BookingService.java:118)\n"
      "Caused by: org.postgresql.util.PSQLException: ERROR: cannot execute INSERT in a read-only transaction\n"
      "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)\n\t... 97 common frames omitted")
IO = ("org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.\n"
      "\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)\n"
      "Caused by: java.io.EOFException: null\n\tat org.postgresql.core.PGStream.receiveChar(PGStream.java:467)\n\t... 88 common frames omitted")
first = True
for t in poisson_times(rng, W0, W1, 0.15):
    pod = rng.choice(PODS)
    if first and t > STARTED:
        t, first = STARTED, False
        st = "down"
    else:
        st = pod_state(pod, t)
    if FIXED[pod] <= t:
        pod = NEWPODS[pod]
    th = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    tr = {"traceId": hexid(rng, 32), "spanId": hexid(rng, 16)}
    write = rng.random() < 0.35
    if st == "down":
        B(t, pod, "WARN", "com.zaxxer.hikari.pool.ProxyConnection", th, "HikariPool-1 - Connection org.postgresql.jdbc.PgConnection@%s marked as broken because of SQLSTATE(08006), ErrorCode(0)" % hexid(rng, 8), IO, **tr)
        B(add(t, seconds=0.002), pod, "ERROR", "c.h.bookings.web.ApiExceptionHandler", th, "%s failed: DB unavailable" % ("POST /v1/bookings" if write else "GET /v1/listings/{id}/availability"), **tr)
    elif st == "readonly" and write:
        B(t, pod, "WARN", "o.h.engine.jdbc.spi.SqlExceptionHelper", th, "SQL Error: 0, SQLState: 25006", **tr)
        B(t, pod, "ERROR", "o.h.engine.jdbc.spi.SqlExceptionHelper", th, "ERROR: cannot execute INSERT in a read-only transaction", **tr)
        B(add(t, seconds=0.003), pod, "ERROR", "c.h.bookings.web.ApiExceptionHandler", th, "POST /v1/bookings failed, returning 500", RO, **tr)
    else:
        if write:
            B(t, pod, "INFO", "c.h.bookings.service.BookingService", th, "booking %s confirmed listing=%d nights=%d" % (uid(str(t) + pod, 10).upper(), rng.randint(10000, 99999), rng.randint(1, 9)), **tr)
        else:
            B(t, pod, "INFO", "c.h.bookings.web.RequestLog", th, "GET /v1/listings/%d/availability 200 %dms" % (rng.randint(10000, 99999), rng.randint(8, 70)), **tr)
_tr = {"traceId": hexid(rng, 32), "spanId": hexid(rng, 16)}
B(MITIGATED, PODS[-1], "ERROR", "o.h.engine.jdbc.spi.SqlExceptionHelper", "http-nio-8080-exec-77", "ERROR: cannot execute INSERT in a read-only transaction", **_tr)
B(add(MITIGATED, seconds=0.003), PODS[-1], "ERROR", "c.h.bookings.web.ApiExceptionHandler", "http-nio-8080-exec-77", "POST /v1/bookings failed, returning 500", RO, **_tr)
for t in poisson_times(rng, W0, W1, 1 / 240.0):  # benign
    B(t, rng.choice(PODS), "WARN", "c.h.bookings.pricing.FxClient", "fx-refresh-1", "FX rates stale by 31m, using cached table")
for t in poisson_times(rng, W0, W1, 1 / 500.0):
    B(t, rng.choice(PODS), "WARN", "o.s.w.s.m.s.DefaultHandlerExceptionResolver", "http-nio-8080-exec-%d" % rng.randint(1, 200), "Resolved [org.springframework.web.HttpMediaTypeNotSupportedException: Content-Type 'text/plain;charset=UTF-8' is not supported]")
for p in PODS:
    B(add(FIXED[p], seconds=-8), NEWPODS[p], "INFO", "com.zaxxer.hikari.HikariDataSource", "main", "HikariPool-1 - Start completed.")
    B(add(FIXED[p], seconds=-1), NEWPODS[p], "INFO", "c.h.bookings.BookingApiApplication", "main", "Started BookingApiApplication in 17.482 seconds (process running for 19.1)")
inc.lines("booking-api/booking-api.json.log", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- RDS describe-events
ev = []
def R(t, src, typ, msg, cats, eid):
    arn = "arn:aws:rds:eu-central-1:620193348577:%s:%s" % ({"db-instance": "db", "db-cluster": "cluster", "db-cluster-snapshot": "cluster-snapshot"}[typ], src)
    ev.append({"SourceIdentifier": src, "SourceType": typ, "Message": msg, "EventCategories": cats,
               "Date": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d000+00:00" % rng.randint(0, 999), "SourceArn": arn})
for d in (24, 25, 26, 27):
    t = T("2026-10-%02d 02:10:%02d" % (d, 10 + d))
    snap = "rds:bookings-prod-2026-10-%02d-02-10" % d
    R(t, snap, "db-cluster-snapshot", "Creating automated cluster snapshot", ["backup"], "RDS-EVENT-0168")
    R(add(t, minutes=4, seconds=22), snap, "db-cluster-snapshot", "Automated cluster snapshot created", ["backup"], "RDS-EVENT-0169")
R(FO_START, "bookings-prod", "db-cluster", "Started cross AZ failover to DB instance: bookings-db-b", ["failover"], "RDS-EVENT-0072")
R(DEMOTE, "bookings-db-a", "db-instance", "A new writer was promoted. Restarting database as a reader.", ["availability"], "RDS-EVENT-0174")
R(FO_DONE, "bookings-prod", "db-cluster", "Completed failover to DB instance: bookings-db-b", ["failover"], "RDS-EVENT-0071")
R(RESTARTED, "bookings-db-a", "db-instance", "DB instance restarted", ["availability"], "RDS-EVENT-0006")
ev.sort(key=lambda e: e["Date"])
inc.json("aws/rds-events.json", {"Events": ev})

# ---- journald export from batch-1 (reminders-worker + invoice-pdf)
jl = []
boot = uid("boot-batch-1", 32)
def J(t, unit, ident, pid, prio, msg, transport="stdout"):
    us = int(round(epoch(t) * 1e6))
    jl.append((t, jline({"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid("seq", 32), 0x3a8000 + len(jl), boot, us - 1761000000000000, us, hexid(rng, 16)),
                         "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1761000000000000 + 88123456),
                         "_BOOT_ID": boot, "PRIORITY": str(prio), "_TRANSPORT": transport, "_SYSTEMD_UNIT": unit,
                         "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_COMM": ident[:15], "_HOSTNAME": "batch-1",
                         "MESSAGE": msg})))
RWPID, RWPID2 = 2214, 401877
for t in frange(T("2026-10-26 00:00:07"), W1, 600):
    pid = RWPID if t < WORKER else RWPID2
    J(t, "reminders-worker.service", "java", pid, 6, "INFO  c.h.reminders.ReminderBatch - sent %d reminders, %d skipped" % (rng.randint(40, 400), rng.randint(0, 5)))
for t in poisson_times(rng, add(RESTARTED, seconds=20), WORKER, 1 / 45.0):
    J(t, "reminders-worker.service", "java", RWPID, 3, "ERROR c.h.reminders.ReminderBatch - failed to mark reminder %d sent: org.postgresql.util.PSQLException: ERROR: cannot execute UPDATE in a read-only transaction" % rng.randint(800000, 900000))
J(add(STARTED, seconds=3), "reminders-worker.service", "java", RWPID, 4, "WARN  com.zaxxer.hikari.pool.ProxyConnection - HikariPool-1 - Connection org.postgresql.jdbc.PgConnection@1f6b2e9a marked as broken because of SQLSTATE(08006), ErrorCode(0)")
J(WORKER, "init.scope", "systemd", 1, 6, "Stopping reminders-worker.service - Hearth booking reminder sender...", "journal")
J(add(WORKER, seconds=2.1), "init.scope", "systemd", 1, 6, "reminders-worker.service: Deactivated successfully.", "journal")
J(add(WORKER, seconds=2.2), "init.scope", "systemd", 1, 6, "Stopped reminders-worker.service - Hearth booking reminder sender.", "journal")
J(add(WORKER, seconds=2.3), "init.scope", "systemd", 1, 6, "Started reminders-worker.service - Hearth booking reminder sender.", "journal")
J(add(WORKER, seconds=19), "reminders-worker.service", "java", RWPID2, 6, "INFO  c.h.reminders.ReminderApp - Started ReminderApp in 15.902 seconds")
for i, c in enumerate(CRON):
    pid = 380000 + i * 7311
    J(add(c, seconds=-1), "init.scope", "systemd", 1, 6, "Starting invoice-pdf.service - Render daily invoice PDFs...", "journal")
    J(c, "invoice-pdf.service", "python3", pid, 3, "Traceback (most recent call last):")
    J(c, "invoice-pdf.service", "python3", pid, 3, "FileNotFoundError: [Errno 2] No such file or directory: '/mnt/assets/fonts/Inter-Regular.ttf'")
    J(add(c, seconds=0.3), "init.scope", "systemd", 1, 5, "invoice-pdf.service: Main process exited, code=exited, status=1/FAILURE", "journal")
    J(add(c, seconds=0.3), "init.scope", "systemd", 1, 4, "invoice-pdf.service: Failed with result 'exit-code'.", "journal")
    J(add(c, seconds=0.3), "init.scope", "systemd", 1, 3, "Failed to start invoice-pdf.service - Render daily invoice PDFs.", "journal")
inc.lines("hosts/batch-1.journal.json", [l for _, l in sorted(jl, key=lambda x: x[0])])

# ---- alertmanager API snapshot taken during the incident (amtool -o json)
SNAP = T(D + "19:03:02")
snap = [amtool_alert("BookingsWriteErrorRatio", {"severity": "page", "team": "bookings", "service": "booking-api", "namespace": "bookings"},
                     "booking-api POST /v1/bookings error ratio 100%", ALERT, add(SNAP, seconds=-12), ("pagerduty-bookings",),
                     desc="More than 5% of booking writes fail for 3m"),
        amtool_alert("PaymentsWebhookLatencyHigh", {"severity": "warning", "team": "payments", "service": "payments-webhooks"},
                     "payments-webhooks p95 > 2s", T(D + "18:58:00"), add(SNAP, seconds=-40), ("slack-payments",)),
        amtool_alert("KubeJobFailed", {"severity": "ticket", "team": "finance-eng", "job_name": "invoice-pdf", "instance": "batch-1"},
                     "systemd unit invoice-pdf.service failed on batch-1", add(CRON[-1], seconds=60), add(SNAP, seconds=-25), ("slack-finance",)),
        amtool_alert("NodeFilesystemSpaceFillingUp", {"severity": "warning", "team": "observability", "instance": "loki-ingester-2", "mountpoint": "/var/loki"},
                     "/var/loki on loki-ingester-2 predicted to fill within 24h", T("2026-10-26 22:14:00"), add(SNAP, seconds=-50), ("slack-observability",),
                     state="suppressed", silenced_by=(uuid("silence-loki"),)),
        amtool_alert("Watchdog", {"severity": "none"}, "An alert that should always be firing to certify that Alertmanager is working properly.",
                     T("2026-10-20 08:01:12"), add(SNAP, seconds=-5), ("deadmans-snitch",))]
inc.json("alertmanager/alerts-19-03.json", snap)

# ---- pagerduty
pd = PD(23817, "BookingsWriteErrorRatio: booking-api POST /v1/bookings error ratio 100%", "booking-api", "PBKG9X1", "Bookings escalation")
rui = PD.user("Rui Santos", "PRUIS01")
dana = PD.user("Dana Kowalczyk", "PDANK02")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Rui Santos by push notification.", user=rui)
pd.add(add(PAGE, minutes=5, seconds=1), "notify_log_entry", None, None, "Notified Rui Santos by phone call.", user=rui)
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 (Dana Kowalczyk) after 15 minutes without acknowledgement.")
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Dana Kowalczyk by phone call.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "phone"}, "Acknowledged by Dana Kowalczyk.")
pd.add(add(ALERT_OK, seconds=5), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager (auto-resolve disabled for this service)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Kowalczyk.")
inc.json("pagerduty-log.json", pd.export())

# ---- kube events
k = Kube(rng)
k.ev(OTHER_DEPLOY, "search", "Deployment", "search-indexer", "ScalingReplicaSet", "Scaled up replica set search-indexer-6b8d5f7c9 to 2", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=84), "search", "Deployment", "search-indexer", "ScalingReplicaSet", "Scaled down replica set search-indexer-58c7d9b6f to 0 from 2", component="deployment-controller")
NODES = ["ip-10-40-%d-%d.eu-central-1.compute.internal" % (rng.randint(1, 3) * 16, rng.randint(10, 200)) for _ in range(4)]
for i, p in enumerate(PODS[:3]):
    k.ev(add(DEL, seconds=i * 4), "bookings", "Pod", p, "Killing", "Stopping container booking-api", host=NODES[i % 4])
    k.pod_start(add(DEL, seconds=i * 4 + 1), "bookings", NEWPODS[p], NODES[(i + 1) % 4], "620193348577.dkr.ecr.eu-central-1.amazonaws.com/booking-api:3.57.2", "booking-api")
k.ev(RESTART, "bookings", "Deployment", "booking-api", "ScalingReplicaSet", "Scaled up replica set booking-api-5d4b9c7f86 to 6 from 3", component="deployment-controller")
for j in range(3):
    k.ev(add(RESTART, seconds=38 + j * 36), "bookings", "Deployment", "booking-api", "ScalingReplicaSet",
         "Scaled down replica set booking-api-7c9f8d6b54 to %d from %d" % (6 - 3 * j if j < 2 else 0, 9 - 3 * j), component="deployment-controller")
    for p in PODS[3 + 3 * j: 6 + 3 * j]:
        k.ev(add(RESTART, seconds=38 + j * 36), "bookings", "Pod", p, "Killing", "Stopping container booking-api", host=rng.choice(NODES))
for t in poisson_times(rng, W0, W1, 1 / 700.0):
    k.ev(t, "bookings", "Pod", rng.choice(PODS), "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning", host=rng.choice(NODES))
inc.json("k8s-events.json", k.core_list())

# ---- slack
s = Slack()
for u, n, r in [("U3DANA", "dana", "Dana Kowalczyk"), ("U3RUI", "rui", "Rui Santos"), ("U3KENJ", "kenji", "Kenji Mori"),
                ("U3SOFI", "sofia.support", "Sofia Lind"), ("U3OMAR", "omar", "Omar Haddad")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n in [("C3ALR", "alerts-prod"), ("C3INC", "inc-bookings-writes"), ("C3SUP", "support-live")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("alerts-prod", add(c, seconds=70), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "systemd unit invoice-pdf.service failed on batch-1", color="warning"))
for a, b in ((T(D + "18:31:00"), T(D + "18:36:00")), (T(D + "18:58:00"), T(D + "19:14:00")), (T(D + "20:02:00"), T(D + "20:06:30"))):
    s.bot("alerts-prod", add(a, seconds=10), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "PaymentsWebhookLatencyHigh", "payments-webhooks p95 > 2s", color="warning"))
    s.bot("alerts-prod", add(b, seconds=10), "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "PaymentsWebhookLatencyHigh", "payments-webhooks p95"))
s.bot("alerts-prod", add(ALERT, seconds=10), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "BookingsWriteErrorRatio", "booking-api POST /v1/bookings error ratio 100%"))
s.bot("alerts-prod", add(ALERT_OK, seconds=10), "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "BookingsWriteErrorRatio", "booking-api POST /v1/bookings error ratio"))
s.say("support-live", SUPPORT, "U3SOFI", "Lots of chats coming in: guests can't confirm bookings, they get 'Something went wrong' on the last step. Browsing and availability work. Is someone on it?")
s.say("support-live", add(SUPPORT, seconds=240), "U3SOFI", "@rui the PagerDuty says you're on call, are you looking?")
ch = "inc-bookings-writes"
s.say(ch, add(ACK, seconds=30), "U3DANA", "got the escalation, acked. Rui is unreachable (flying back from the offsite). booking-api POST /v1/bookings is 100% 500, GETs fine")
s.say(ch, WRONG, "U3OMAR", "was there a failover? maybe every pod reconnected at once and we're out of max_connections")
s.say(ch, ROLLBACK_Q, "U3OMAR", "or should we roll back the 15:02 booking-api deploy?")
s.say(ch, add(ROLLBACK_Q, seconds=20), "U3DANA", "errors are `cannot execute INSERT in a read-only transaction`, not connection limits. RDS events: failover to bookings-db-b at 18:39-18:40, db-a restarted as a reader. 3.57.2 ran fine for 3.5 hours")
s.say(ch, add(DEL, seconds=-20), "U3DANA", "deleting 3 booking-api pods to see if fresh ones behave")
s.say(ch, DIAG, "U3KENJ", "new pods are fine. The old ones still connect to 10.40.12.31 = bookings-db-a, now a reader: our JRE base image sets networkaddress.cache.ttl=-1, so the JVM never re-resolves the cluster endpoint after the failover")
s.say(ch, COMMS, "U3DANA", "status page: 'Some bookings cannot be completed. Browsing is unaffected. We are working on a fix'")
s.say(ch, add(RESTART, seconds=-15), "U3DANA", "kubectl rollout restart deploy/booking-api")
s.say(ch, add(MITIGATED, seconds=40), "U3DANA", "all 12 pods replaced, no read-only errors since 19:12. bookings going through")
s.say(ch, add(MITIGATED, seconds=170), "U3KENJ", "reminders-worker on batch-1 uses the same JRE image and is failing the same way (reminders not marked sent). restarting it")
s.say(ch, add(WORKER, seconds=40), "U3KENJ", "reminders-worker restarted, UPDATEs ok")
s.say(ch, AWS_HEALTH, "U3KENJ", "AWS Health event for bookings-db-a: 'degradation of the underlying host hardware', they failed it over. Follow-up: networkaddress.cache.ttl=30 in the base image")
s.say(ch, add(RESOLVED, seconds=-30), "U3DANA", "clean for 25 min, resolving. status page resolved")
s.write(inc, "slack")

inc.truth(
    "hearth-aurora-stale-writer", "managed-db-failover-stale-dns-writes-to-reader-late-ack",
    "An AWS host fault failed the Aurora bookings writer over; the old writer came back as a reader and booking-api's JVMs, caching DNS\n"
    "forever, kept connecting to it, so every booking write failed read-only until the pods were restarted; the page was acked only after escalation.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "booking-api connections broken as the Aurora writer fails over", "booking-api/booking-api.json.log", 60),
     (ALERT, "alert_fired", "BookingsWriteErrorRatio firing", "alertmanager/alerts-19-03.json", 60),
     (PAGE, "paged", "PagerDuty #23817 triggered (Rui, no ack)", "pagerduty-log.json", 60),
     (SUPPORT, "communication", "support: guests cannot confirm bookings", "slack", 90),
     (ACK, "acknowledged", "Dana acknowledges after escalation", "pagerduty-log.json", 60),
     (DEL, "mitigation", "3 booking-api pods deleted; fresh pods write fine (partial)", "k8s-events.json", 60),
     (DIAG, "diagnosis", "Kenji: JVM DNS cache forever, old pods connect to the demoted writer", "slack", 90),
     (RESTART, "mitigation", "rollout restart of booking-api", "k8s-events.json", 60),
     (MITIGATED, "recovery", "last read-only error in booking-api", "booking-api/booking-api.json.log", 60),
     (WORKER, "mitigation", "reminders-worker restarted on batch-1", "hosts/batch-1.journal.json", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty-log.json", 60)],
    [(CRON[-1], "invoice-pdf.service fails daily at 19:00 on batch-1", "hosts/batch-1.journal.json"),
     (OTHER_DEPLOY, "search-indexer deploy by search team", "k8s-events.json"),
     (T(D + "18:31:00"), "PaymentsWebhookLatencyHigh (payments) flapping", "slack"),
     (T(D + "18:58:00"), "PaymentsWebhookLatencyHigh firing again", "alertmanager/alerts-19-03.json"),
     (T("2026-10-26 22:14:00"), "silenced NodeFilesystemSpaceFillingUp on loki-ingester-2", "alertmanager/alerts-19-03.json"),
     (T("2026-10-27 02:10:37"), "daily automated cluster snapshot", "aws/rds-events.json"),
     (WRONG, "wrong hunch: max_connections exhausted by reconnects", "slack"),
     (ROLLBACK_Q, "'should we roll back the 15:02 deploy?' question", "slack"),
     (T(D + "18:20:00"), "steady FX-stale warnings, unsupported content-type and readiness blips all window", "booking-api/booking-api.json.log")],
    [("booking-api/booking-api.json.log", "logs"), ("aws/rds-events.json", "logs"), ("hosts/batch-1.journal.json", "logs"),
     ("alertmanager/alerts-19-03.json", "alertmanager-api-alerts"), ("pagerduty-log.json", "pagerduty-log-entries"),
     ("k8s-events.json", "kube-events"), ("slack", "slack-export")])
