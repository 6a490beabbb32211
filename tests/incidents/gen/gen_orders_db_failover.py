"""dev/orders-db-failover: Patroni fails the orders primary over; every orders-api pod reconnects at once and pins max_connections."""
import random
from common import *

rng = random.Random(20260522)
inc = Incident("dev", "orders-db-failover")
PTZ = "America/New_York"
D = "2026-05-22 "
W0, W1 = T(D + "06:30:00"), T(D + "09:00:00")
CRON = [T("2026-05-%02d 06:41:%02d" % (d, 10 + d)) for d in (19, 20, 21, 22)]
NOTIF_DEPLOY = T(D + "06:58:30")
HOST_DEAD = T(D + "07:13:41")
STARTED = T(D + "07:13:44")
PROMOTE = T(D + "07:14:16")
READY = T(D + "07:14:19")
HERD = T(D + "07:14:25")
FAILOVER_ALERT = T(D + "07:14:50")
CONN_ALERT = T(D + "07:16:10")
ERR_ALERT = T(D + "07:17:40")
PAGE = T(D + "07:18:05")
ESCALATE = T(D + "07:23:05")
ACK = T(D + "07:24:30")
DIAG = T(D + "07:29:05")
ROLLBACK_Q = T(D + "07:27:40")
SCALE_DOWN = T(D + "07:36:20")
TERMINATE = T(D + "07:39:00")
MITIGATED = T(D + "07:41:10")
ALERT_OK = T(D + "07:46:10")
SCALE_UP = T(D + "07:52:30")
RESOLVED = T(D + "08:20:00")

# ---- patroni on pg-orders-2 (local America/New_York, no offset; python logging asctime)
pa = []
def PA(t, lvl, msg):
    lt = local(t, PTZ)
    pa.append((t, "%s,%03d %s: %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, msg)))
for t0 in frange(add(W0, seconds=7), W1, 10):
    t = add(t0, seconds=rng.uniform(0.002, 0.09))
    if t < add(HOST_DEAD, seconds=25):
        PA(t, "INFO", "no action. I am (pg-orders-2), a secondary, and following a leader (pg-orders-1)")
    elif t < PROMOTE:
        PA(t, "INFO", "Lock owner: pg-orders-1; I am pg-orders-2")
        PA(add(t, seconds=0.01), "INFO", "no action. I am (pg-orders-2), a secondary, and following a leader (pg-orders-1)")
    else:
        PA(t, "INFO", "no action. I am (pg-orders-2), the leader with the lock")
PA(add(PROMOTE, seconds=-1.5), "WARNING", "Request failed to pg-orders-1: GET http://10.40.2.11:8008/patroni (HTTPConnectionPool(host='10.40.2.11', port=8008): Read timed out. (read timeout=2))")
PA(add(PROMOTE, seconds=-0.2), "INFO", "Got response from pg-orders-3 http://10.40.2.13:8008/patroni: {\"state\": \"running\", \"role\": \"replica\", \"xlog\": {\"received_location\": 889342120, \"replayed_location\": 889342120}}")
PA(PROMOTE, "INFO", "promoted self to leader by acquiring session lock")
PA(add(PROMOTE, seconds=0.3), "INFO", "cleared rewind state after becoming the leader")
PA(add(READY, seconds=1), "INFO", "updated leader lock during promote")
inc.lines("patroni.log", [l for _, l in sorted(pa, key=lambda x: x[0])])

# ---- postgres log on pg-orders-2, UTC with zone abbrev, gzipped
pg = []
def PG(t, pid, lvl, msg, user="orders_app", db="orders", app="orders-api"):
    pg.append((t, "%s.%03d UTC [%d] %s@%s %s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, user, db, lvl, msg)))
def PGs(t, pid, lvl, msg):
    pg.append((t, "%s.%03d UTC [%d] %s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, lvl, msg)))
for t in frange(add(W0, seconds=43), W1, 300):
    PGs(t, 1187, "LOG", "checkpoint starting: time")
    PGs(add(t, seconds=rng.uniform(20, 140)), 1187, "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=0.004 s, total=%.3f s" % (
        rng.randint(900, 4000), rng.uniform(0.4, 2.5), rng.randint(1, 4), rng.uniform(20, 120), rng.uniform(20, 130)))
for c in CRON[-1:]:
    PG(add(c, seconds=-5), 40211, "ERROR", "canceling statement due to conflict with recovery", user="backup", app="pg_dump")
    PG(add(c, seconds=-5), 40211, "DETAIL", "User query might have needed to see row versions that must be removed.", user="backup", app="pg_dump")
    PG(add(c, seconds=-5), 40211, "STATEMENT", "COPY public.order_events (id, order_id, kind, payload, created_at) TO stdout;", user="backup", app="pg_dump")
PGs(add(HOST_DEAD, seconds=5.3), 1190, "FATAL", "could not receive data from WAL stream: server closed the connection unexpectedly\n\t\tThis probably means the server terminated abnormally\n\t\tbefore or while processing the request.")
PGs(add(HOST_DEAD, seconds=5.4), 1183, "LOG", "invalid record length at 0/3502E7F8: expected at least 24, got 0")
PGs(PROMOTE, 1183, "LOG", "received promote request")
PGs(add(PROMOTE, seconds=0.1), 1183, "LOG", "redo done at 0/3502E7C0 system usage: CPU: user: 212.44 s, system: 301.02 s, elapsed: 1209830.11 s")
PGs(add(PROMOTE, seconds=0.2), 1183, "LOG", "selected new timeline ID: 8")
PGs(add(PROMOTE, seconds=1.4), 1183, "LOG", "archive recovery complete")
PGs(READY, 1181, "LOG", "database system is ready to accept connections")
for t in poisson_times(rng, HERD, MITIGATED, 7.5):
    if rng.random() < 0.8:
        PG(t, rng.randint(50000, 99999), "FATAL", "sorry, too many clients already")
    else:
        PG(t, rng.randint(50000, 99999), "FATAL", "remaining connection slots are reserved for non-replication superuser connections")
for t in poisson_times(rng, add(HERD, seconds=60), add(SCALE_DOWN, seconds=60), 0.15):
    PG(t, rng.randint(50000, 99999), "LOG", "could not send data to client: Broken pipe")
for i in range(37):
    PG(add(TERMINATE, seconds=0.02 * i), rng.randint(50000, 99999), "FATAL", "terminating connection due to administrator command")
for t in poisson_times(rng, W0, W1, 1 / 240.0):  # steady: statement timeouts from the reporting job
    PG(t, rng.randint(30000, 49999), "ERROR", "canceling statement due to statement timeout", user="reporting", app="metabase")
inc.lines("postgresql-Fri.log.gz", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- orders-api logfmt
ap = []
for t in poisson_times(rng, W0, W1, 0.55):
    pod = "orders-api-84d9c7b6f5-%s" % rng.choice(["2lq8k", "4v9xd", "7hn2c", "b6rtz", "fk3wp", "m8d2s", "q5xjn", "zz1ta"])
    if HOST_DEAD <= t < HERD and t >= STARTED:
        ap.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "error"), ("caller", "store/orders.go:112"), ("pod", pod),
                              ("msg", "query failed"), ("err", "read tcp 10.52.7.19:41022->10.40.2.11:5432: i/o timeout")])))
    elif HERD <= t < MITIGATED and rng.random() < 0.55:
        ap.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "error"), ("caller", "store/pool.go:64"), ("pod", pod),
                              ("msg", "acquire conn"), ("err", "failed to connect to `host=orders-db.prod.internal user=orders_app database=orders`: server error (FATAL: sorry, too many clients already (SQLSTATE 53300))")])))
    else:
        ap.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "info"), ("caller", "http/log.go:33"), ("pod", pod), ("msg", "request"),
                              ("method", rng.choice(["GET", "GET", "POST"])), ("path", rng.choice(["/v1/orders", "/v1/orders/{id}", "/v1/orders/{id}/items"])),
                              ("status", 200), ("dur", "%dms" % rng.randint(4, 90))])))
ap.append((STARTED, logfmt([("ts", iso(STARTED, ms=True)), ("level", "error"), ("caller", "store/orders.go:112"), ("pod", "orders-api-84d9c7b6f5-7hn2c"),
                            ("msg", "query failed"), ("err", "read tcp 10.52.7.19:40018->10.40.2.11:5432: i/o timeout")])))
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    ap.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "warn"), ("caller", "fraud/client.go:57"), ("msg", "fraud score timeout, defaulting to review"), ("timeout", "800ms")])))
inc.lines("orders-api.logfmt", [l for _, l in sorted(ap, key=lambda x: x[0])])

# ---- prometheus query_range: connections on each node
def conns(node):
    def f(t):
        if node == "pg-orders-1":
            return (310 + (int(epoch(t)) // 60) % 7) if t < HOST_DEAD else None
        if t < READY:
            return 6
        if t < SCALE_DOWN:
            return 497 + (int(epoch(t)) // 15) % 3
        if t < TERMINATE:
            return 480
        if t < SCALE_UP:
            return 118 + (int(epoch(t)) // 60) % 5
        return min(330, 118 + (t - SCALE_UP).total_seconds() / 6)
    return f
inc.json("pg_conns.json", query_range([({"instance": n + ":9187", "job": "postgres-exporter", "cluster": "orders"}, conns(n)) for n in ("pg-orders-1", "pg-orders-2")],
                                      W0, W1, 15, fmt="%d"), indent=None)

# ---- alertmanager webhooks (JSON list of POST bodies)
posts = []
L = {"cluster": "orders", "team": "dba"}
posts.append(am_webhook("slack-dba", [am_alert("PatroniLeaderChanged", {**L, "severity": "warning", "scope": "orders"}, "Patroni leader changed on cluster orders (pg-orders-1 -> pg-orders-2)", FAILOVER_ALERT)]))
flaps = [(CONN_ALERT, T(D + "07:19:40")), (T(D + "07:21:10"), T(D + "07:22:25")), (T(D + "07:23:40"), ALERT_OK)]
for s_, e_ in flaps:
    lab = {**L, "severity": "critical", "instance": "pg-orders-2:9187"}
    posts.append(am_webhook("slack-dba", [am_alert("PostgresTooManyConnections", lab, "pg-orders-2 uses >95% of max_connections", s_)]))
    posts.append(am_webhook("slack-dba", [am_alert("PostgresTooManyConnections", lab, "pg-orders-2 uses >95% of max_connections", s_, ends=e_)]))
el = {"team": "orders", "severity": "page", "service": "orders-api"}
posts.append(am_webhook("pagerduty-orders", [am_alert("OrdersApiHighErrorRate", el, "orders-api 5xx > 5%", ERR_ALERT)]))
posts.append(am_webhook("pagerduty-orders", [am_alert("OrdersApiHighErrorRate", el, "orders-api 5xx > 5%", ERR_ALERT, ends=add(MITIGATED, minutes=4))]))
posts.append(am_webhook("slack-dba", [am_alert("KubeJobFailed", {"team": "dba", "severity": "warning", "job_name": "orders-logical-backup-29653120", "namespace": "dba"},
                                               "Job dba/orders-logical-backup-29653120 failed to complete", add(CRON[-1], seconds=25))]))
rl = {"team": "sessions", "severity": "warning", "instance": "redis-sessions-2:9121"}
posts.append(am_webhook("slack-sessions", [am_alert("RedisMemoryHigh", rl, "redis-sessions-2 memory > 85%", T(D + "07:05:00"))]))
posts.append(am_webhook("slack-sessions", [am_alert("RedisMemoryHigh", rl, "redis-sessions-2 memory > 85%", T(D + "07:05:00"), ends=T(D + "07:33:00"))]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("am-posts.json", posts)

# ---- pagerduty
pd = PD(70112, "OrdersApiHighErrorRate orders-api 5xx > 5%", "orders-api", "PORD001")
wei = PD.user("Wei Chen", "PWEICH1")
bruno = PD.user("Bruno Alves")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Prometheus"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Wei Chen by push notification.", user=wei)
pd.add(add(PAGE, seconds=120), "notify_log_entry", None, None, "Notified Wei Chen by phone.", user=wei)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, None, "Notified Bruno Alves by phone.", user=bruno)
pd.add(ACK, "acknowledge_log_entry", bruno, {"type": "phone"}, "Acknowledged by Bruno Alves.")
pd.add(add(ACK, minutes=4), "acknowledge_log_entry", wei, {"type": "mobile"}, "Acknowledged by Wei Chen.")
pd.add(RESOLVED, "resolve_log_entry", bruno, {"type": "web_ui"}, "Resolved by Bruno Alves.")
inc.json("log_entries.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UBRUNO", "bruno", "Bruno Alves"), ("UWEI", "wei", "Wei Chen"), ("UNAD", "nadia", "Nadia Petrova"), ("USAM", "sam", "Sam Okafor")]:
    s.user(u, n, r, "America/New_York")
for cid, n in [("CDBA", "dba-alerts"), ("CINC", "inc-orders"), ("CDEP", "deploys")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("dba-alerts", add(c, seconds=40), "BAM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job dba/orders-logical-backup failed to complete", color="warning"))
s.bot("dba-alerts", add(FAILOVER_ALERT, seconds=30), "BAM", "alertmanager",
      attachments=am_slack_attachment("firing", "PatroniLeaderChanged", "Patroni leader changed on cluster orders (pg-orders-1 -> pg-orders-2)", color="warning"))
s.bot("deploys", NOTIF_DEPLOY, "BARGO", "argocd",
      attachments=[{"fallback": "notifications-worker synced", "color": "2EB67D", "text": "Application *notifications-worker* synced to `v3.2.1` (by sam.okafor)"}])
ch = "inc-orders"
s.say(ch, add(ACK, seconds=50), "UBRUNO", "got escalated. orders-api 5xx ~50%, `too many clients already` from orders-db")
s.say(ch, T(D + "07:26:30"), "UWEI", "sorry, was driving. here now")
s.say(ch, ROLLBACK_Q, "USAM", "should we roll back notifications-worker? it went out at 06:58")
s.say(ch, add(ROLLBACK_Q, seconds=30), "UWEI", "notifications doesn't talk to orders-db")
s.say(ch, DIAG, "UBRUNO", "patroni failed over to pg-orders-2 at 07:14 (pg-orders-1 host stopped responding). now every orders-api pod reconnects at once with full pools and we're pinned at max_connections")
s.say(ch, T(D + "07:33:00"), "UNAD", "pg-orders-1 hypervisor had a host maintenance event per the cloud console")
s.say(ch, SCALE_DOWN, "UBRUNO", "scaling orders-api 40 -> 12 replicas")
s.say(ch, add(TERMINATE, seconds=5), "UBRUNO", "terminated idle orders_app backends on pg-orders-2")
s.say(ch, T(D + "07:42:00"), "UWEI", "errors gone since ~07:41, connections at ~120")
s.say(ch, SCALE_UP, "UBRUNO", "scaling back to 40 slowly, 4 at a time")
s.say(ch, add(RESOLVED, seconds=-40), "UBRUNO", "back at 40 replicas, conns ~330, clean. resolving. follow-up: jittered reconnect + pgbouncer in front of orders-db")
s.write(inc, "slack")

inc.truth(
    "orders-db-failover", "db-failover-thundering-herd",
    "The orders Postgres primary's host stopped responding and Patroni promoted pg-orders-2; all 40 orders-api pods\n"
    "reconnected at once with full pools, pinning max_connections, until the deployment was scaled down and idle backends killed.",
    (W0, W1),
    dict(started=STARTED, detected=FAILOVER_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "orders-api queries to pg-orders-1 time out", "orders-api.logfmt", 60),
     (PROMOTE, "change", "Patroni promotes pg-orders-2 (timeline 8)", "patroni.log", 60),
     (HERD, "first_symptom", "'sorry, too many clients already' storm begins", "postgresql-Fri.log.gz", 60),
     (FAILOVER_ALERT, "alert_fired", "PatroniLeaderChanged", "am-posts.json", 60),
     (ERR_ALERT, "alert_fired", "OrdersApiHighErrorRate (page)", "am-posts.json", 60),
     (PAGE, "paged", "PagerDuty triggered; Wei notified", "log_entries.json", 60),
     (ACK, "acknowledged", "escalated by timeout; Bruno acknowledges", "log_entries.json", 60),
     (DIAG, "diagnosis", "Bruno: failover + reconnect herd pinning max_connections", "slack", 90),
     (SCALE_DOWN, "mitigation", "orders-api scaled 40 -> 12", "slack", 60),
     (TERMINATE, "mitigation", "idle backends terminated", "postgresql-Fri.log.gz", 60),
     (MITIGATED, "recovery", "connection errors stop", "orders-api.logfmt", 90),
     (RESOLVED, "resolved", "PagerDuty resolved", "log_entries.json", 60)],
    [(CRON[-1], "daily orders-logical-backup pg_dump cancelled by recovery conflict, every day ~06:41", "am-posts.json"),
     (NOTIF_DEPLOY, "notifications-worker deploy by another team", "slack"),
     (T(D + "07:05:00"), "RedisMemoryHigh for the sessions team", "am-posts.json"),
     (ROLLBACK_Q, "'should we roll back notifications-worker?' question", "slack"),
     (T(D + "08:00:00"), "steady metabase statement timeouts / fraud score timeouts all window", "postgresql-Fri.log.gz")],
    [("patroni.log", "logs", PTZ), ("postgresql-Fri.log.gz", "logs"), ("orders-api.logfmt", "logs"), ("pg_conns.json", "prometheus-query-range"),
     ("am-posts.json", "alertmanager-webhook"), ("log_entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
