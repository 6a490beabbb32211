"""dev/ledger-pgbouncer-limit: a config push sets pgbouncer max_client_conn to 200 instead of default_pool_size; ledger-api starves as connections recycle."""
import random
from common import *

rng = random.Random(20261103)
inc = Incident("dev", "ledger-pgbouncer-limit")
PTZ = "Europe/Amsterdam"
D = "2026-11-03 "
W0, W1 = T(D + "09:00:00"), T(D + "11:30:00")
CRON = [T("2026-%s 09:00:%02d" % (d, 30 + i)) for i, d in enumerate(("10-31", "11-01", "11-02", "11-03"))]
OTHER_DEPLOY = T(D + "09:22:10")
COMMIT = T(D + "09:41:12")
PUSH = T(D + "09:44:30")
STARTED = T(D + "09:46:05")
ALERT = T(D + "09:58:20")
PAGE = T(D + "09:58:50")
ACK = T(D + "10:03:30")
ROLLBACK_Q = T(D + "10:07:20")
COMMS = T(D + "10:10:05")
WRONG = T(D + "10:05:45")
DIAG = T(D + "10:14:00")
REVERT_COMMIT = T(D + "10:19:40")
REVERT_PUSH = T(D + "10:21:05")
MITIGATED = T(D + "10:21:30")
ALERT_OK = T(D + "10:27:20")
RESOLVED = T(D + "10:45:00")

def reject_rate(t):
    if STARTED <= t < MITIGATED:
        return min(6.0, 0.3 + (t - STARTED).total_seconds() / 200.0)
    return 0.0

# ---- pgbouncer logs from both bouncers (local CET with abbreviation)
pb = []
def PB(t, host, pid, lvl, msg):
    lt = local(t, PTZ)
    pb.append((t, "%s.%03d %s [%d] %s %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lt.tzname(), pid, lvl, msg)))
pids = {"pgb-1": 1412, "pgb-2": 1398}
for h, pid in pids.items():
    for t in frange(add(W0, seconds=17 if h == "pgb-1" else 41), W1, 60):
        x = rng.randint(1100, 1500) if reject_rate(t) == 0 else rng.randint(500, 900)
        PB(t, h, pid, "LOG", "stats: %d xacts/s, %d queries/s, in %d B/s, out %d B/s, xact %d us, query %d us, wait %d us" % (
            x, int(x * 1.1), x * 830, x * 2300, rng.randint(900, 1500), rng.randint(800, 1300), rng.randint(10, 60) if reject_rate(t) == 0 else rng.randint(8000, 40000)))
    for pt in (PUSH, REVERT_PUSH):
        t = add(pt, seconds=1 if h == "pgb-1" else 3)
        PB(t, h, pid, "LOG", "got SIGHUP, re-reading config")
for t in poisson_times(rng, STARTED, MITIGATED, 1.0):
    r = reject_rate(t)
    if rng.random() < r / 6.0:
        h = rng.choice(list(pids))
        PB(t, h, pids[h], "WARNING", "C-0x%s: (nodb)/(nouser)@10.42.%d.%d:%d pooler error: no more connections allowed (max_client_conn)" % (
            hexid(rng, 12), rng.randint(0, 7), rng.randint(2, 250), rng.randint(32768, 60999)))
PB(STARTED, "pgb-1", 1412, "WARNING", "C-0x55d5c1e0a2b0: (nodb)/(nouser)@10.42.3.17:51234 pooler error: no more connections allowed (max_client_conn)")
for t in poisson_times(rng, W0, W1, 1 / 120.0):
    h = rng.choice(list(pids))
    PB(t, h, pids[h], "LOG", "C-0x%s: ledger/ledger_ro@10.42.%d.%d:%d closing because: client close request (age=%ds)" % (hexid(rng, 12), rng.randint(0, 7), rng.randint(2, 250), rng.randint(32768, 60999), rng.randint(1, 4000)))
inc.lines("pgbouncer.log", [l for _, l in sorted(pb, key=lambda x: x[0])])

# ---- ledger-api Spring Boot 3 logs (offset included)
sb = []
def SB(t, lvl, th, lg, msg, extra=()):
    lt = local(t, PTZ)
    s = "%s.%03d%s %5s 1 --- [ledger-api] [%15s] %-40s : %s" % (lt.strftime("%Y-%m-%dT%H:%M:%S"), lt.microsecond // 1000, lt.strftime("%z")[:3] + ":" + lt.strftime("%z")[3:], lvl, th[-15:], lg[-40:], msg)
    sb.append((t, "\n".join([s] + list(extra))))
for t in poisson_times(rng, W0, W1, 0.25):
    th = "nio-8080-exec-%d" % rng.randint(1, 200)
    if rng.random() < reject_rate(t) / 7.0:
        SB(t, "ERROR", th, "o.h.engine.jdbc.spi.SqlExceptionHelper", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=%d, active=%d, idle=0, waiting=%d)" % (rng.randint(3, 12), rng.randint(3, 12), rng.randint(40, 200)))
        SB(add(t, seconds=0.002), "ERROR", th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]", "Servlet.service() for servlet [dispatcherServlet] threw exception",
           ["org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection",
            "Caused by: org.postgresql.util.PSQLException: FATAL: no more connections allowed (max_client_conn)",
            "\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:698)",
            "\t... 87 common frames omitted"])
    else:
        pass
for t in poisson_times(rng, W0, W1, 1 / 200.0):
    SB(t, "WARN", "scheduling-1", "c.a.l.fx.RateCacheRefresher", "FX rate refresh took 5123ms (>5000ms), using previous snapshot")
for t in poisson_times(rng, STARTED, MITIGATED, 1 / 40.0):
    SB(t, "WARN", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@%s (This connection has been closed.). Possibly consider using a shorter maxLifetime value." % hexid(rng, 8))
c = CRON[-1]
SB(c, "INFO", "scheduling-1", "c.a.l.recon.NightlyReconcileJob", "nightly reconcile started for 2026-11-02")
SB(add(c, seconds=41), "ERROR", "scheduling-1", "c.a.l.recon.NightlyReconcileJob", "nightly reconcile FAILED: 3 accounts exceed mismatch threshold (acct-88120, acct-90411, acct-90502)")
inc.lines("ledger-api.log", [l for _, l in sorted(sb, key=lambda x: x[0])])

# ---- config repo git log --date=rfc
gl = []
def C(t, tz, who, subj):
    gl.append((t, "%s|%s|%s|%s" % (hexid(rng, 40), who, local(t, tz).strftime("%a, %d %b %Y %H:%M:%S %z"), subj)))
C(T("2026-11-02 15:10:04"), "Europe/Amsterdam", "Sanne de Vries", "haproxy: raise timeout client to 60s for exports")
C(COMMIT, "Europe/Amsterdam", "Pieter Jansen", "pgbouncer: tune pool sizes for ledger (max_client_conn 200)")
C(T(D + "09:52:31"), "Europe/Lisbon", "Ines Costa", "search: bump frontend replicas to 12")
C(REVERT_COMMIT, "Europe/Amsterdam", "Pieter Jansen", "Revert \"pgbouncer: tune pool sizes for ledger (max_client_conn 200)\"")
gl.sort(reverse=True)
inc.lines("changes.txt", [l for _, l in gl])

# ---- shipit deploy tool JSON
sh = [{"id": 90311 + i, "started_at": iso(t), "finished_at": iso(add(t, seconds=d)), "service": svc, "environment": "prod-eu",
       "revision": rev, "actor": who, "status": "success", "kind": kind}
      for i, (t, d, svc, rev, who, kind) in enumerate([
          (OTHER_DEPLOY, 412, "search-frontend", "4e1d2c7", "ines.costa", "k8s-rollout"),
          (PUSH, 6, "pgbouncer-config", "b7c01f9", "pieter.jansen", "config-push"),
          (T(D + "09:53:02"), 95, "search-frontend", "scale-12", "ines.costa", "k8s-scale"),
          (REVERT_PUSH, 5, "pgbouncer-config", "e21a6d0", "pieter.jansen", "config-push"),
          (T(D + "11:12:44"), 300, "ledger-exports", "9fa3b01", "sanne.devries", "k8s-rollout")])]
inc.json("shipit.json", {"deploys": sh, "page": 1, "per_page": 50})

# ---- alert rules
inc.write("prometheus-rules.yml", """groups:
- name: ledger
  rules:
  - alert: LedgerApi5xxRatio
    expr: sum(rate(http_server_requests_seconds_count{service="ledger-api",status=~"5.."}[2m])) / sum(rate(http_server_requests_seconds_count{service="ledger-api"}[2m])) > 0.02
    for: 2m
    labels: {severity: page, team: ledger}
    annotations:
      summary: ledger-api 5xx ratio {{ $value | humanizePercentage }}
  - alert: LedgerNightlyReconcileFailed
    expr: ledger_reconcile_last_success_timestamp_seconds < time() - 86400
    labels: {severity: ticket, team: ledger}
    annotations:
      summary: nightly reconcile has not succeeded in 24h
- name: pgbouncer
  rules:
  - alert: PgbouncerClientsWaiting
    expr: max by (instance) (pgbouncer_pools_client_waiting_connections) > 20
    for: 5m
    labels: {severity: warning, team: dba}
    annotations:
      summary: clients waiting on {{ $labels.instance }}
""")

# ---- alertmanager webhook bodies (ndjson)
hk = []
lab = {"severity": "page", "team": "ledger"}
def H(t, body):
    hk.append((t, jline(body)))
H(add(ALERT, seconds=10), am_webhook("pd-ledger", [am_alert("LedgerApi5xxRatio", lab, "ledger-api 5xx ratio 4.1%", ALERT)]))
H(T(D + "10:09:10"), am_webhook("pd-ledger", [am_alert("LedgerApi5xxRatio", lab, "ledger-api 5xx ratio 4.1%", ALERT, ends=T(D + "10:09:00"))]))
A2 = T(D + "10:11:20")
H(add(A2, seconds=10), am_webhook("pd-ledger", [am_alert("LedgerApi5xxRatio", lab, "ledger-api 5xx ratio 7.9%", A2)]))
H(add(ALERT_OK, seconds=10), am_webhook("pd-ledger", [am_alert("LedgerApi5xxRatio", lab, "ledger-api 5xx ratio 7.9%", A2, ends=ALERT_OK)]))
WA = T(D + "10:01:40")
wl = {"severity": "warning", "team": "dba", "instance": "pgb-1:9127"}
H(add(WA, seconds=30), am_webhook("slack-dba", [am_alert("PgbouncerClientsWaiting", wl, "clients waiting on pgb-1:9127", WA)]))
H(add(MITIGATED, minutes=6), am_webhook("slack-dba", [am_alert("PgbouncerClientsWaiting", wl, "clients waiting on pgb-1:9127", WA, ends=add(MITIGATED, minutes=5))]))
H(add(CRON[-1], minutes=2), am_webhook("slack-ledger", [am_alert("LedgerNightlyReconcileFailed", {"severity": "ticket", "team": "ledger"}, "nightly reconcile has not succeeded in 24h", add(CRON[-1], minutes=1))]))
ol = {"severity": "warning", "team": "search", "service": "search-frontend"}
H(T(D + "09:31:00"), am_webhook("slack-search", [am_alert("SearchFrontendP99High", ol, "search-frontend p99 > 800ms", T(D + "09:30:30"))]))
H(T(D + "09:55:00"), am_webhook("slack-search", [am_alert("SearchFrontendP99High", ol, "search-frontend p99 > 800ms", T(D + "09:30:30"), ends=T(D + "09:54:30"))]))
inc.lines("hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty
pd = PD(11804, "LedgerApi5xxRatio ledger-api 5xx ratio", "ledger-api", "PLDG001")
marit = PD.user("Marit Bakker", "PMARIT1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager EU"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Marit Bakker by push notification.", user=marit)
pd.add(ACK, "acknowledge_log_entry", marit, {"type": "mobile"}, "Acknowledged by Marit Bakker.")
pd.add(T(D + "10:09:10"), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager, incident kept open (auto-resolve disabled)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marit, {"type": "web_ui"}, "Resolved by Marit Bakker.")
inc.json("pagerduty.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UMAR", "marit", "Marit Bakker"), ("UPIE", "pieter", "Pieter Jansen"), ("UINE", "ines", "Ines Costa"), ("USAN", "sanne", "Sanne de Vries"), ("UTHO", "thomas", "Thomas Visser")]:
    s.user(u, n, r, "Europe/Amsterdam")
for cid, n in [("CLDG", "ledger-alerts"), ("CINC", "incident-ledger"), ("CCHG", "prod-changes")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("ledger-alerts", add(c, minutes=2), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "LedgerNightlyReconcileFailed", "nightly reconcile has not succeeded in 24h", color="warning"))
s.bot("ledger-alerts", add(ALERT, seconds=11), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "LedgerApi5xxRatio", "ledger-api 5xx ratio 4.1%"))
s.bot("ledger-alerts", T(D + "10:09:11"), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "LedgerApi5xxRatio", "ledger-api 5xx ratio"))
s.bot("ledger-alerts", add(A2, seconds=11), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "LedgerApi5xxRatio", "ledger-api 5xx ratio 7.9%"))
s.bot("ledger-alerts", add(ALERT_OK, seconds=11), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "LedgerApi5xxRatio", "ledger-api 5xx ratio"))
for d in sh:
    import datetime as _d
    t = _d.datetime.fromisoformat(d["finished_at"].replace("Z", "+00:00"))
    s.bot("prod-changes", t, "BSHIP", "shipit", blocks=pd_slack_blocks("*%s* `%s` %s to prod-eu by %s" % (d["service"], d["revision"], d["kind"], d["actor"])))
ch = "incident-ledger"
s.say(ch, add(ACK, seconds=40), "UMAR", "acked. ledger-api 5xx, Hikari timeouts + `no more connections allowed (max_client_conn)`")
s.say(ch, WRONG, "UTHO", "search-frontend scaled to 12 at 09:53, are they hammering the shared bouncer?")
s.say(ch, ROLLBACK_Q, "UTHO", "should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=25), "UMAR", "roll back what? ledger-api hasn't changed today")
s.say(ch, COMMS, "USAN", "status page: 'Delays posting transactions, investigating' is up")
s.say(ch, DIAG, "UPIE", "looks like the new connection limit - my 09:44 push set max_client_conn=200 on both bouncers, I meant default_pool_size")
s.say(ch, add(DIAG, seconds=90), "UPIE", "reverting the pgbouncer change")
s.say(ch, add(REVERT_PUSH, seconds=40), "UMAR", "SIGHUP on both, rejections gone")
s.say(ch, add(RESOLVED, seconds=-30), "UMAR", "all green for 20 min, resolving")
s.write(inc, "slack")

inc.truth(
    "ledger-pgbouncer-limit", "config-push-conn-limit",
    "A pgbouncer config push set max_client_conn=200 (meant for default_pool_size); as ledger-api's Hikari pools recycled\n"
    "connections the bouncers rejected new clients and ledger-api 5xx grew until the push was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PUSH, "change", "pgbouncer-config b7c01f9 pushed (max_client_conn 200); bouncers SIGHUP", "shipit.json", 60),
     (STARTED, "first_symptom", "first 'no more connections allowed (max_client_conn)'", "pgbouncer.log", 60),
     (ALERT, "alert_fired", "LedgerApi5xxRatio firing", "hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #11804 triggered", "pagerduty.json", 60),
     (ACK, "acknowledged", "Marit acknowledges", "pagerduty.json", 60),
     (COMMS, "communication", "status page: delays posting transactions", "slack", 90),
     (DIAG, "diagnosis", "Pieter: new connection limit from the 09:44 push", "slack", 90),
     (REVERT_PUSH, "mitigation", "revert pushed; bouncers SIGHUP", "shipit.json", 60),
     (MITIGATED, "recovery", "rejections and 5xx stop", "pgbouncer.log", 60),
     (ALERT_OK, "alert_resolved", "LedgerApi5xxRatio resolved", "hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty.json", 60)],
    [(CRON[-1], "nightly reconcile failure, daily at 09:00 UTC", "ledger-api.log"),
     (OTHER_DEPLOY, "search-frontend rollout by search team", "shipit.json"),
     (T(D + "09:53:02"), "search-frontend scaled to 12", "shipit.json"),
     (T(D + "09:30:30"), "SearchFrontendP99High for search team", "hooks.ndjson"),
     (T(D + "10:09:00"), "LedgerApi5xxRatio flap-resolve while the incident continues", "hooks.ndjson"),
     (WRONG, "wrong hunch: search-frontend hammering bouncer", "slack"),
     (ROLLBACK_Q, "'should we roll back?' question", "slack"),
     (T(D + "10:30:00"), "steady FX refresh slow warnings and client-close logs all window", "ledger-api.log")],
    [("pgbouncer.log", "logs", PTZ), ("ledger-api.log", "logs"), ("changes.txt", "git-log"), ("shipit.json", "deploys"),
     ("prometheus-rules.yml", "alert-rules"), ("hooks.ndjson", "alertmanager-webhook"), ("pagerduty.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
