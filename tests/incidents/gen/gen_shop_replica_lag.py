"""retired1/shop-replica-lag: one huge DELETE from an archive job makes both MySQL replicas lag; ProxySQL shuns them and product reads fail."""
import random
from common import *

rng = random.Random(20261008)
inc = Incident("retired1", "shop-replica-lag")
PTZ = "Europe/London"
D = "2026-10-08 "
W0, W1 = T(D + "13:30:00"), T(D + "16:00:00")
CRON = [T("2026-10-%02d 14:15:%02d" % (d, 3 + d)) for d in (5, 6, 7, 8)]
COMMIT = T(D + "13:41:05")
OTHER_DEPLOY = T(D + "13:50:30")
DELETE_START = T(D + "14:02:10")
DELETE_COMMIT = T(D + "14:06:40")
LAG_START = T(D + "14:06:41")
SHUN1 = T(D + "14:07:12")
SHUN2 = T(D + "14:07:20")
CUST = T(D + "14:07:31")
LAG_ALERT = T(D + "14:09:00")
ERR_ALERT = T(D + "14:11:30")
PAGE = T(D + "14:12:00")
ACK = T(D + "14:14:20")
WRONG = T(D + "14:16:10")
ROLLBACK_Q = T(D + "14:18:00")
COMMS = T(D + "14:19:30")
DIAG = T(D + "14:21:30")
READS_TO_PRIMARY = T(D + "14:25:10")
MITIGATED = T(D + "14:25:14")
CAUGHT_UP = [T(D + "14:49:30"), T(D + "14:50:05")]
LAG_OK = T(D + "14:51:00")
ERR_OK = T(D + "14:29:30")
PRIMARY_OUT = T(D + "14:58:20")
RESOLVED = T(D + "15:05:00")
REPL = [("replica-1", "10.3.1.21"), ("replica-2", "10.3.1.22")]

def lag(i, t):
    if t < LAG_START or t >= CAUGHT_UP[i]:
        return rng.choice([0, 0, 0, 1])
    peak = add(LAG_START, seconds=0)
    # lag rises 1 s/s while the big transaction applies (~270 s of work replayed slowly), then drains
    grow_end = add(LAG_START, minutes=24 + i)
    if t < grow_end:
        return (t - LAG_START).total_seconds() * 0.66
    return max(0, (grow_end - LAG_START).total_seconds() * 0.66 * (1 - (t - grow_end).total_seconds() / (CAUGHT_UP[i] - grow_end).total_seconds()))

# ---- ProxySQL log (local London time, no zone)
px = []
def PX(t, src, lvl, msg):
    lt = local(t, PTZ)
    px.append((t, "%s %s: [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), src, lvl, msg)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    PX(t, "MySQL_Session.cpp:4312:handler_again___status_CONNECTING_SERVER()", "ERROR", "Max connect timeout reached while reaching hostgroup 30 after 10000ms . HGID=30 , backends=1, online=1")
for i, (n, ip) in enumerate(REPL):
    st = SHUN1 if i == 0 else SHUN2
    PX(st, "MySQL_HostGroups_Manager.cpp:3360:replication_lag_action_inner()", "WARNING",
       "Shunning server %s:3306 from HG 20 with replication lag of %d second, count number: '1'" % (ip, 31 + i))
    PX(CAUGHT_UP[i], "MySQL_HostGroups_Manager.cpp:3370:replication_lag_action_inner()", "WARNING",
       "Re-enabling server %s:3306 from HG 20 with replication lag of 0 second" % ip)
for t in poisson_times(rng, CUST, READS_TO_PRIMARY, 2.2):
    PX(t, "MySQL_Session.cpp:4312:handler_again___status_CONNECTING_SERVER()", "ERROR",
       "Max connect timeout reached while reaching hostgroup 20 after 10000ms . HGID=20 , backends=2, online=0, shunned=2, offline_soft=0, offline_hard=0")
PX(CUST, "MySQL_Session.cpp:4312:handler_again___status_CONNECTING_SERVER()", "ERROR",
   "Max connect timeout reached while reaching hostgroup 20 after 10000ms . HGID=20 , backends=2, online=0, shunned=2, offline_soft=0, offline_hard=0")
PX(add(READS_TO_PRIMARY, seconds=-2), "Admin_Handler.cpp:284:is_admin_command_or_alias()", "INFO", "Received LOAD MYSQL SERVERS TO RUNTIME command")
PX(READS_TO_PRIMARY, "MySQL_HostGroups_Manager.cpp:1712:commit()", "INFO", "Generating runtime mysql servers records: hostgroup 20 += 10.3.1.10:3306 weight=1")
PX(add(PRIMARY_OUT, seconds=-2), "Admin_Handler.cpp:284:is_admin_command_or_alias()", "INFO", "Received LOAD MYSQL SERVERS TO RUNTIME command")
PX(PRIMARY_OUT, "MySQL_HostGroups_Manager.cpp:1712:commit()", "INFO", "Generating runtime mysql servers records: hostgroup 20 -= 10.3.1.10:3306")
inc.lines("proxysql.log", [l for _, l in sorted(px, key=lambda x: x[0])])

# ---- MySQL 8 replica error log (UTC, Z)
my = []
def MY(t, thr, lvl, code, sub, msg):
    my.append((t, "%s %d [%s] [%s] [%s] %s" % (iso_us(t), thr, lvl, code, sub, msg)))
for t in frange(add(W0, seconds=33), W1, 120):
    slow = LAG_START <= t < CAUGHT_UP[0]
    MY(t, 13, "Note", "MY-010559", "Repl",
       "Multi-threaded replica statistics for channel '': seconds elapsed = 120; events assigned = %d; worker queues filled over overrun level = %d; waited due a Worker queue full = %d; waited due the total size = 0; waited at clock conflicts = %d waited (count) when Workers occupied = %d waited when Workers occupied = %d" % (
           rng.randint(20000, 90000) if not slow else rng.randint(3, 40), 0 if not slow else rng.randint(1, 3), 0 if not slow else rng.randint(10, 60),
           rng.randint(0, 10**6), rng.randint(0, 40) if not slow else rng.randint(500, 900), rng.randint(0, 10**5) if not slow else rng.randint(10**7, 10**8)))
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    MY(t, 0, "Warning", "MY-010055", "Server", "IP address '10.3.9.%d' could not be resolved: Name or service not known" % rng.randint(2, 250))
inc.lines("mysqld-replica-1.err", [l for _, l in sorted(my, key=lambda x: x[0])])

# ---- gunicorn / flask app log (offset included)
gu = []
def GU(t, pid, lvl, msg):
    lt = local(t, PTZ)
    gu.append((t, "[%s %s] [%d] [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.strftime("%z"), pid, lvl, msg)))
for t in poisson_times(rng, W0, W1, 0.35):
    pid = rng.choice([41, 42, 43, 44])
    if CUST <= t < MITIGATED and rng.random() < 0.8:
        path = rng.choice(["/product/%d" % rng.randint(1000, 99999), "/category/shoes", "/account/orders"])
        GU(t, pid, "ERROR", "Exception on %s [GET]\nTraceback (most recent call last):\n  File \"/srv/shop/app/db.py\", line 88, in read_session\n    conn = engine_ro.connect()\nsqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (9001, 'Max connect timeout reached while reaching hostgroup 20 after 10000ms')" % path)
    elif rng.random() < 0.03:
        GU(t, pid, "WARNING", "recommendation widget timeout after 300ms, rendering without it")
inc.lines("shop-web.err", [l for _, l in sorted(gu, key=lambda x: x[0])])

# ---- lag query_range
inc.json("lag.json", query_range([({"__name__": "mysql_slave_status_seconds_behind_master", "instance": "%s:9104" % n, "job": "mysqld", "channel_name": "", "connection_name": "", "master_host": "10.3.1.10"},
                                    (lambda i: (lambda t: lag(i, t)))(i)) for i, (n, _) in enumerate(REPL)], W0, W1, 30, fmt="%.0f"), indent=None)

# ---- git log (default format) of data-jobs repo
def commit(t, tz, who, email, subj, body=""):
    lt = local(t, tz)
    s = "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n" % (hexid(rng, 40), who, email, lt.strftime("%a %b %-d %H:%M:%S %Y %z"), subj)
    if body:
        s += "\n" + "".join("    " + l + "\n" for l in body.split("\n"))
    return (t, s)
cm = [commit(T("2026-10-07 16:12:40"), PTZ, "Aisha Bello", "aisha@shop.example", "orders: add index on (customer_id, created_at)"),
      commit(COMMIT, PTZ, "Callum Reid", "callum.reid@shop.example", "archive: purge orders_archive older than 3y in one statement",
             "Replaces the batched loop (10k rows/iteration), which took 40 min.\nSchedule: daily 15:02 Europe/London."),
      commit(T(D + "14:40:22"), PTZ, "Callum Reid", "callum.reid@shop.example", "archive: disable purge schedule until batching is restored"),
      commit(T(D + "15:31:09"), PTZ, "Callum Reid", "callum.reid@shop.example", "Revert \"archive: purge orders_archive older than 3y in one statement\"")]
inc.write("data-jobs.gitlog", "\n".join(s for _, s in sorted(cm, key=lambda x: x[0], reverse=True)))

# ---- alertmanager webhook bodies (jsonl)
rc = []
def R(t, b):
    rc.append((t, jline(b)))
for i, (n, ip) in enumerate(REPL):
    lab = {"severity": "warning", "team": "dba", "instance": "%s:9104" % n}
    st = add(LAG_ALERT, seconds=15 * i)
    R(add(st, seconds=30), am_webhook("slack-dba", [am_alert("MySQLReplicationLag", lab, "%s is %s behind" % (n, "over 60s"), st)]))
    R(add(LAG_OK, seconds=30 + 15 * i), am_webhook("slack-dba", [am_alert("MySQLReplicationLag", lab, "%s is over 60s behind" % n, st, ends=add(LAG_OK, seconds=15 * i))]))
el = {"severity": "page", "team": "storefront", "service": "shop-web"}
R(add(ERR_ALERT, seconds=30), am_webhook("pd-storefront", [am_alert("ShopWeb5xx", el, "shop-web 5xx > 2%", ERR_ALERT)]))
R(add(ERR_OK, seconds=30), am_webhook("pd-storefront", [am_alert("ShopWeb5xx", el, "shop-web 5xx > 2%", ERR_ALERT, ends=ERR_OK)]))
sl_ = {"severity": "warning", "team": "search", "job": "search-reindex"}
R(add(CRON[-1], minutes=1), am_webhook("slack-search", [am_alert("SearchReindexFailed", sl_, "nightly search reindex failed", add(CRON[-1], seconds=30))]))
fl = {"severity": "warning", "team": "frontend", "service": "frontend-web"}
for s_, e_ in [(T(D + "13:58:00"), T(D + "14:02:00")), (T(D + "14:33:00"), T(D + "14:36:30")), (T(D + "15:20:00"), T(D + "15:24:00"))]:
    R(add(s_, seconds=30), am_webhook("slack-frontend", [am_alert("FrontendJSErrorsElevated", fl, "frontend-web JS error rate elevated", s_)]))
    R(add(e_, seconds=30), am_webhook("slack-frontend", [am_alert("FrontendJSErrorsElevated", fl, "frontend-web JS error rate elevated", s_, ends=e_)]))
inc.lines("received.jsonl", [l for _, l in sorted(rc, key=lambda x: x[0])])

# ---- pagerduty
pd = PD(6620, "ShopWeb5xx shop-web 5xx > 2%", "storefront", "PSTF003")
ellie = PD.user("Ellie Watson", "PELLIE1")
fergus = PD.user("Fergus Mackay", "PFERG01")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Ellie Watson by SMS.", user=ellie)
pd.add(ACK, "acknowledge_log_entry", ellie, {"type": "sms"}, "Acknowledged by Ellie Watson.")
pd.add(add(ACK, minutes=5), "responder_request_log_entry", ellie, {"type": "web_ui"}, "Ellie Watson requested Fergus Mackay to respond.")
pd.add(add(ACK, minutes=6), "acknowledge_log_entry", fergus, {"type": "mobile"}, "Acknowledged by Fergus Mackay.")
pd.add(RESOLVED, "resolve_log_entry", ellie, {"type": "web_ui"}, "Resolved by Ellie Watson.")
inc.json("pd-6620.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UELL", "ellie", "Ellie Watson"), ("UFER", "fergus", "Fergus Mackay"), ("UCAL", "callum", "Callum Reid"), ("UPRI", "priya.s", "Priya Shah"), ("UTOM", "tom", "Tom Hughes")]:
    s.user(u, n, r, PTZ)
for cid, n in [("CSTF", "storefront-oncall"), ("CDEP", "deploys"), ("CSRC", "search-alerts"), ("CCOM", "comms")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("search-alerts", add(c, minutes=1), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "SearchReindexFailed", "nightly search reindex failed", color="warning"))
s.bot("deploys", OTHER_DEPLOY, "BGHA", "GitHub Actions", blocks=pd_slack_blocks(":rocket: *frontend-web* `release-2026.10.08.3` deployed to production by tom-hughes"))
ch = "storefront-oncall"
s.say(ch, add(ACK, seconds=35), "UELL", "ack. product + category pages 500, proxysql 'Max connect timeout reaching hostgroup 20'")
s.say(ch, WRONG, "UTOM", "is this the frontend-web release? we shipped at 14:50 local")
s.say(ch, ROLLBACK_Q, "UPRI", "should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "UELL", "frontend-web doesn't touch mysql, I'd hold")
s.say("comms", COMMS, "UPRI", "Statuspage: 'Some product pages are failing to load. We are investigating.'")
s.say(ch, DIAG, "UFER", "both replicas ~15 min behind and shunned by proxysql (max_replication_lag 30). the new archive job did one giant DELETE at 15:02 and the replicas are chewing through it")
s.say(ch, add(DIAG, seconds=60), "UFER", "putting the primary into reader hostgroup 20 until they catch up")
s.say(ch, add(READS_TO_PRIMARY, seconds=30), "UELL", "pages loading again")
s.say(ch, add(CAUGHT_UP[1], seconds=60), "UFER", "replicas caught up and re-enabled")
s.say(ch, add(PRIMARY_OUT, seconds=20), "UFER", "primary back out of HG 20")
s.say(ch, add(RESOLVED, seconds=-20), "UELL", "resolving. Callum disabled the purge schedule, will restore batching")
s.write(inc, "slack")

inc.truth(
    "shop-replica-lag", "replica-lag",
    "A newly merged archive job deleted 3 years of rows in one statement; both MySQL replicas lagged, ProxySQL shunned them,\n"
    "and the read hostgroup was empty so product pages 500ed until reads were pointed at the primary.",
    (W0, W1),
    dict(started=SHUN1, detected=LAG_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(LAG_START, "change", "giant archive DELETE commits on primary; replicas start lagging", "lag.json", 120),
     (SHUN1, "first_symptom", "ProxySQL shuns replica-1 (lag 31 s), then replica-2", "proxysql.log", 60),
     (CUST, "first_symptom", "first product-page 500 (hostgroup 20 connect timeout)", "shop-web.err", 60),
     (LAG_ALERT, "alert_fired", "MySQLReplicationLag firing", "received.jsonl", 60),
     (ERR_ALERT, "alert_fired", "ShopWeb5xx (page)", "received.jsonl", 60),
     (PAGE, "paged", "PagerDuty #6620 triggered", "pd-6620.json", 60),
     (ACK, "acknowledged", "Ellie acknowledges", "pd-6620.json", 60),
     (COMMS, "communication", "status page: product pages failing", "slack", 90),
     (DIAG, "diagnosis", "Fergus: replicas shunned due to giant archive DELETE", "slack", 90),
     (READS_TO_PRIMARY, "mitigation", "primary added to reader hostgroup 20", "proxysql.log", 60),
     (MITIGATED, "recovery", "product pages load again", "shop-web.err", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-6620.json", 60)],
    [(CRON[-1], "nightly search reindex failure, every day 14:15 UTC", "received.jsonl"),
     (OTHER_DEPLOY, "frontend-web release by another team", "slack"),
     (T(D + "13:58:00"), "FrontendJSErrorsElevated flapping (frontend team)", "received.jsonl"),
     (WRONG, "wrong hunch: frontend-web release", "slack"),
     (ROLLBACK_Q, "'should we roll back?' question", "slack"),
     (T(D + "15:00:00"), "steady reporting-hostgroup-30 connect timeouts and DNS resolve warnings all window", "proxysql.log")],
    [("proxysql.log", "logs", PTZ), ("mysqld-replica-1.err", "logs"), ("shop-web.err", "logs"), ("lag.json", "prometheus-query-range"),
     ("data-jobs.gitlog", "git-log"), ("received.jsonl", "alertmanager-webhook"), ("pd-6620.json", "pagerduty-log-entries"), ("slack", "slack-export")])
