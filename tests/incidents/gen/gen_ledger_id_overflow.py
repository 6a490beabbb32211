"""retired5/ledger-id-overflow: the signed INT AUTO_INCREMENT id of ledger.journal_lines reaches 2147483647; every insert
fails with a duplicate-key error on PRIMARY. A capacity warning a week earlier was silenced. Mitigated by an ALTER to
BIGINT on a replica and an orchestrator failover to it. ledger-writer logs in America/Chicago local time, no offset."""
import datetime as _d
import random
from common import *

rng = random.Random(20260310)
inc = Incident("retired5", "ledger-id-overflow")
LTZ = "America/Chicago"
D = "2026-03-10 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")          # "8 to 11 our time" typed as 13-16 UTC
MAXID = 2147483647
CAP_WARN = T("2026-03-03 15:42:10")
CAP_SILENCE = T("2026-03-04 14:10:30")
# fx-rates-import runs at 08:00 local; US DST began 2026-03-08, so 14:00 UTC before and 13:00 UTC after
CRON = [local(T("2026-03-%02d 12:00:00" % d), LTZ).replace(hour=8, minute=0, second=5).astimezone(UTC) for d in (6, 7, 8, 9, 10)]
OTHER_DEPLOY = T(D + "13:25:40")
LAST_OK_ID = T(D + "14:07:32")
STARTED = T(D + "14:07:33")
WARN_ALERT = T(D + "14:09:40")
PAGE_ALERT = T(D + "14:12:10")
PAGE = T(D + "14:12:15")
ACK = T(D + "14:16:30")
WRONG1 = T(D + "14:18:40")
WRONG2 = T(D + "14:20:15")
ROLLBACK_Q = T(D + "14:21:30")
QUESTION = T(D + "14:23:05")
DIAG = T(D + "14:26:05")
COMMS = T(D + "14:29:10")
STOP_REPL = T(D + "14:32:50")
ALTER = T(D + "14:33:00")
ALTER_DONE = T(D + "14:58:20")
START_REPL = T(D + "14:58:41")
TAKEOVER = T(D + "15:00:31")
FAILOVER = T(D + "15:01:05")
MITIGATED = T(D + "15:01:30")
WARN_OK = T(D + "15:05:40")
PAGE_OK = T(D + "15:08:00")
RESOLVED = T(D + "15:40:00")
RATE = 1968.0   # postings per second


def failing(t):
    return STARTED <= t < MITIGATED


def last_id(t):
    if t < LAST_OK_ID:
        return MAXID - int(RATE * (LAST_OK_ID - t).total_seconds())
    if t < MITIGATED:
        return MAXID
    return MAXID + int(RATE * (t - MITIGATED).total_seconds())

# ---- ledger-writer (gunicorn + Flask, python logging, America/Chicago local time, no offset)
lw = []


def LW(t, lvl, name, msg, extra=()):
    lt = local(t, LTZ)
    s = "%s,%03d %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, name, msg)
    lw.append((t, "\n".join([s] + list(extra))))


TB = ["Traceback (most recent call last):",
      '  File "/srv/ledger/ledger/posting/writer.py", line 211, in post_entries',
      "    cur.executemany(INSERT_LINES, rows)",
      '  File "/srv/ledger/.venv/lib/python3.12/site-packages/pymysql/cursors.py", line 182, in executemany',
      "    self.rowcount = sum(self.execute(query, arg) for arg in args)",
      '  File "/srv/ledger/.venv/lib/python3.12/site-packages/pymysql/err.py", line 150, in raise_mysql_exception',
      "    raise errorclass(errno, errval)",
      "pymysql.err.IntegrityError: (1062, \"Duplicate entry '2147483647' for key 'journal_lines.PRIMARY'\")"]
for t in frange(add(W0, seconds=12), W1, 60):
    w = rng.randint(1, 16)
    if failing(t) and t > add(STARTED, seconds=30):
        LW(t, "INFO", "ledger.posting.stats", "flush stats worker=%d posted=0 failed=%d last_id=%d" % (w, int(RATE * 60 / 16 * rng.uniform(1.1, 1.4)), MAXID))
    else:
        LW(t, "INFO", "ledger.posting.stats", "flush stats worker=%d posted=%d failed=0 last_id=%d" % (w, int(RATE * 60 / 16 * rng.uniform(0.9, 1.1)), last_id(t)))
for t in poisson_times(rng, STARTED, MITIGATED, 0.2):
    txn = "pst_%s" % hexid(rng, 20)
    LW(t, "ERROR", "ledger.posting.writer", "posting failed txn=%s account=acct_%d lines=2" % (txn, rng.randint(100000, 999999)), TB)
    LW(add(t, seconds=0.003), "INFO", "gunicorn.access", '10.30.%d.%d - - "POST /v1/postings HTTP/1.1" 500 97 "-" "payments-api/4.22.1"' % (rng.randint(1, 9), rng.randint(2, 250)))
LW(STARTED, "ERROR", "ledger.posting.writer", "posting failed txn=pst_4c0a19e77db3f2a81c55 account=acct_318842 lines=2", TB)
LW(add(MITIGATED, seconds=-2.2), "ERROR", "ledger.posting.writer", "posting failed txn=pst_9e2b7f0c13aa6d8457e1 account=acct_772019 lines=2", TB)
LW(add(LAST_OK_ID, seconds=0.8), "INFO", "ledger.posting.writer", "posting committed txn=pst_1b7e0d92c4f35a6e08bd first_id=2147483646 last_id=2147483647")
LW(add(MITIGATED, seconds=0.4), "INFO", "ledger.posting.writer", "posting committed txn=pst_6a0f3c8e21d94b7705ce first_id=2147483648 last_id=2147483649")
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    LW(t, "WARNING", "urllib3.connectionpool", "Retrying (Retry(total=1, connect=None, read=None, redirect=None, status=None)) after connection broken by "
       "'ReadTimeoutError(\"HTTPConnectionPool(host='risk-scoring.risk.svc', port=8080): Read timed out. (read timeout=0.8)\")': /v2/score")
for t in frange(add(CRON[-1], minutes=10), W1, 900):
    LW(t, "WARNING", "ledger.fx", "stale FX snapshot (age %ds), using cached rates from 2026-03-05" % int((t - T("2026-03-05 13:00:00")).total_seconds()))
c = CRON[-1]
LW(c, "INFO", "ledger.jobs.fx_import", "fx-rates-import starting (schedule 0 8 * * * America/Chicago)")
LW(add(c, seconds=1.7), "ERROR", "ledger.jobs.fx_import", "fx-rates-import failed: 403 Client Error: Forbidden for url: https://api.fxfeed.example/v3/rates?base=USD")
inc.lines("ledger-writer.log", [l for _, l in sorted(lw, key=lambda x: x[0])])

# ---- MySQL 8.0 error log on ledger-db-2 (the replica that gets altered and promoted), UTC
my = []


def MY(t, th, prio, code, sub, msg):
    t = add(t, seconds=rng.randint(100, 8999) / 1e6)
    my.append((t, "%s %d [%s] [%s] [%s] %s" % (iso_us(t), th, prio, code, sub, msg)))


for t in poisson_times(rng, W0, W1, 1 / 170.0):
    MY(t, rng.randint(880000, 899999), "Note", "MY-010914", "Server", "Aborted connection %d to db: 'ledger' user: 'metabase' host: '10.30.7.41' (Got an error reading communication packets)." % rng.randint(880000, 899999))
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    MY(t, 0, "Warning", "MY-010055", "Server", "IP address '10.30.%d.%d' could not be resolved: Name or service not known" % (rng.randint(1, 9), rng.randint(2, 250)))
MY(STOP_REPL, 41, "Note", "MY-010587", "Repl", "Replica SQL thread for channel '' exiting, replication stopped in log 'binlog.004211' at position 88123411")
MY(add(STOP_REPL, seconds=0.01), 40, "Note", "MY-011026", "Repl", "Replica I/O thread killed while reading event for channel ''.")
MY(add(STOP_REPL, seconds=0.02), 40, "Note", "MY-010570", "Repl", "Replica I/O thread exiting for channel '', read up to log 'binlog.004211', position 88123411")
MY(START_REPL, 912044, "System", "MY-010562", "Repl", "Replica I/O thread for channel '': connected to source 'repl@ledger-db-1:3306',replication started in log 'binlog.004211' at position 88123411")
MY(add(START_REPL, seconds=0.01), 912045, "Warning", "MY-010897", "Repl", "Storing MySQL user name or password information in the connection metadata repository is not secure and is therefore not recommended.")
MY(add(FAILOVER, seconds=-2.5), 41, "Note", "MY-010587", "Repl", "Replica SQL thread for channel '' exiting, replication stopped in log 'binlog.004212' at position 4410296")
MY(add(FAILOVER, seconds=-2.4), 40, "Note", "MY-010570", "Repl", "Replica I/O thread exiting for channel '', read up to log 'binlog.004212', position 4410296")
inc.lines("mysqld.err", [l for _, l in sorted(my, key=lambda x: x[0])])

# ---- orchestrator log (UTC, no offset)
oc = []


def OC(t, lvl, msg):
    oc.append((t, "%s %s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), lvl, msg)))


for t in frange(add(W0, seconds=4), W1, 60):
    OC(t, "ERROR", "ReadTopologyInstance(ledger-db-9:3306) Error connecting to ledger-db-9:3306: dial tcp 10.30.4.19:3306: connect: connection refused")
for t in frange(add(W0, seconds=30), W1, 300):
    OC(t, "INFO", "auditType:forget-unseen-differently-resolved instance::0 cluster: message:Forgotten instances: 0")
OC(TAKEOVER, "INFO", "Will demote ledger-db-1:3306 and promote ledger-db-2:3306 instead")
OC(add(TAKEOVER, seconds=0.1), "INFO", "topology_recovery: will handle GracefulMasterTakeover event on ledger-db-1:3306")
OC(add(TAKEOVER, seconds=1), "INFO", "GracefulMasterTakeover: Will set ledger-db-1:3306 as read_only")
OC(add(TAKEOVER, seconds=3), "INFO", "GracefulMasterTakeover: Will wait for ledger-db-2:3306 to reach master coordinates binlog.004212:4410296")
OC(add(FAILOVER, seconds=-1), "INFO", "topology_recovery: RecoverDeadMaster: promoted ledger-db-2:3306 as new master")
OC(FAILOVER, "INFO", "CommandRun(/usr/local/bin/orch-hook-proxysql --new-master=ledger-db-2): completed")
OC(add(FAILOVER, seconds=0.5), "INFO", "auditType:graceful-master-takeover instance:ledger-db-1:3306 cluster:ledger-db-1:3306 message:Successful graceful-master-takeover; promoted ledger-db-2:3306")
OC(add(FAILOVER, seconds=6), "INFO", "GracefulMasterTakeover: ledger-db-1:3306 will replicate from ledger-db-2:3306 (stopped, start manually)")
inc.lines("orchestrator.log", [l for _, l in sorted(oc, key=lambda x: x[0])])

# ---- prometheus query_range: postings per second by status (15 s)


def ok_rate(t):
    if failing(t):
        return 0.0
    if MITIGATED <= t < add(MITIGATED, minutes=6):
        return RATE * rng.uniform(1.1, 1.25)      # payments-api retry queue drains
    return RATE * rng.uniform(0.93, 1.07)


def err_rate(t):
    return RATE * rng.uniform(1.1, 1.4) if failing(t) else 0.0


inc.json("postings_rate.json", query_range([({"service": "ledger-writer", "status": "ok"}, ok_rate), ({"service": "ledger-writer", "status": "error"}, err_rate)],
                                           W0, W1, 15, fmt="%.1f"), indent=None)

# ---- amtool alert query -o json, taken at 14:40
Q = T(D + "14:40:12")
al = [amtool_alert("PaymentsPostingFailing", {"severity": "page", "team": "ledger", "service": "ledger-writer"}, "ledger postings failing for payments (error ratio > 20%)",
                   PAGE_ALERT, Q, receivers=("pagerduty-ledger",)),
      amtool_alert("LedgerWriterErrorRate", {"severity": "warning", "team": "ledger", "service": "ledger-writer"}, "ledger-writer 5xx above 2%",
                   WARN_ALERT, Q, receivers=("slack-ledger",)),
      amtool_alert("MySQLAutoIncrementNearLimit", {"severity": "warning", "team": "ledger", "instance": "ledger-db-1:9104", "schema": "ledger", "table": "journal_lines"},
                   "journal_lines id is at 96% of its maximum", CAP_WARN, Q, receivers=("slack-ledger",), state="suppressed",
                   silenced_by=(uuid("silence-ledg-1422"),),
                   desc="AUTO_INCREMENT of ledger.journal_lines.id (int) is 2061294113 of 2147483647"),
      amtool_alert("LedgerFxImportFailed", {"severity": "ticket", "team": "ledger", "job": "fx-rates-import"}, "fx-rates-import has not succeeded in 24h",
                   T("2026-03-06 14:01:00"), Q, receivers=("slack-ledger",)),
      amtool_alert("RiskScoringLatencyHigh", {"severity": "warning", "team": "risk", "service": "risk-scoring"}, "risk-scoring p99 > 600ms",
                   T(D + "14:36:40"), Q, receivers=("slack-risk",))]
inc.json("amtool-alerts.json", al)

# ---- pagerduty log entries
pd = PD(30471, "PaymentsPostingFailing ledger postings failing for payments", "ledger-writer", "PLDGW11")
dana = PD.user("Dana Whitfield", "PDWHITF")
ana = PD.user("Ana Gutierrez", "PAGUTIE")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager us-central"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Dana Whitfield by push notification.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Whitfield.")
pd.add(T(D + "14:24:50"), "assign_log_entry", dana, {"type": "web_ui"}, "Assigned to Ana Gutierrez by Dana Whitfield.", assignees=[ana])
pd.add(T(D + "14:24:51"), "notify_log_entry", None, None, "Notified Ana Gutierrez by push notification.", user=ana)
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Whitfield.")
inc.json("pagerduty.json", pd.export())

# ---- deploy tool export
dp = {"deployments": [
    {"id": "dpl_7781", "application": "ledger-writer", "version": "2.31.0", "environment": "prod-us", "deployed_at": "2026-03-09T19:44:12Z",
     "deployed_by": "dana.whitfield", "status": "succeeded", "commit": hexid(rng, 40)},
    {"id": "dpl_7790", "application": "risk-scoring", "version": "3.8.1", "environment": "prod-us", "deployed_at": iso(OTHER_DEPLOY),
     "deployed_by": "ben.okafor", "status": "succeeded", "commit": hexid(rng, 40)},
    {"id": "dpl_7792", "application": "statements-web", "version": "1.4.7", "environment": "prod-us", "deployed_at": iso(T(D + "15:22:18")),
     "deployed_by": "lucia.ferraro", "status": "succeeded", "commit": hexid(rng, 40)}]}
inc.json("deploys-export.json", dp)

# ---- slack export
s = Slack()
for u, n, r in [("UDANA", "dana", "Dana Whitfield"), ("UANA", "ana.g", "Ana Gutierrez"), ("UBEN", "ben", "Ben Okafor"),
                ("UCARLA", "carla", "Carla Mendes"), ("ULUCIA", "lucia", "Lucia Ferraro"), ("UJAMAL", "jamal", "Jamal Reed")]:
    s.user(u, n, r, LTZ)
for cid, n in [("CLDGAL", "ledger-alerts"), ("CALLAL", "alerts-all"), ("CINCLW", "inc-ledger-writes"), ("CDEPL", "deploys")]:
    s.channel(cid, n)
s.bot("ledger-alerts", add(CAP_WARN, seconds=40), "BAM03", "alertmanager",
      attachments=am_slack_attachment("firing", "MySQLAutoIncrementNearLimit", "journal_lines id is at 96% of its maximum (2061294113 of 2147483647)", color="warning"))
s.say("ledger-alerts", add(CAP_WARN, minutes=24), "UJAMAL", "opened LEDG-1422 for the journal_lines id, we'll look at it next sprint")
s.say("ledger-alerts", CAP_SILENCE, "UJAMAL", "silenced MySQLAutoIncrementNearLimit until the 17th (LEDG-1422), it's noisy")
for c in CRON:
    s.bot("ledger-alerts", add(c, seconds=55), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "LedgerFxImportFailed", "fx-rates-import has not succeeded in 24h", color="warning"))
s.bot("ledger-alerts", add(WARN_ALERT, seconds=12), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "LedgerWriterErrorRate", "ledger-writer 5xx above 2%", color="warning"))
s.bot("ledger-alerts", add(PAGE_ALERT, seconds=4), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "PaymentsPostingFailing", "ledger postings failing for payments (error ratio > 20%)"))
s.bot("ledger-alerts", add(WARN_OK, seconds=12), "BAM03", "alertmanager", attachments=am_slack_attachment("resolved", "LedgerWriterErrorRate", "ledger-writer 5xx above 2%"))
s.bot("ledger-alerts", add(PAGE_OK, seconds=4), "BAM03", "alertmanager", attachments=am_slack_attachment("resolved", "PaymentsPostingFailing", "ledger postings failing for payments"))
for s_, e_ in [(T(D + "13:11:20"), T(D + "13:14:50")), (T(D + "13:47:20"), T(D + "13:49:20")), (T(D + "14:14:50"), T(D + "14:17:50")), (T(D + "15:19:20"), T(D + "15:21:50"))]:
    s.bot("alerts-all", add(s_, seconds=10), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "KafkaUnderReplicatedPartitions", "kafka-us-2: 3 under-replicated partitions (team streaming)", color="warning"))
    s.bot("alerts-all", add(e_, seconds=10), "BAM03", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaUnderReplicatedPartitions", "kafka-us-2 under-replicated partitions"))
s.bot("alerts-all", T(D + "14:36:50"), "BAM03", "alertmanager", attachments=am_slack_attachment("firing", "RiskScoringLatencyHigh", "risk-scoring p99 > 600ms (team risk)", color="warning"))
s.bot("alerts-all", T(D + "14:52:10"), "BAM03", "alertmanager", attachments=am_slack_attachment("resolved", "RiskScoringLatencyHigh", "risk-scoring p99"))
for d in dp["deployments"]:
    t = _d.datetime.fromisoformat(d["deployed_at"].replace("Z", "+00:00"))
    s.bot("deploys", add(t, seconds=20), "BDPL", "shipyard", blocks=pd_slack_blocks("*%s* `%s` deployed to %s by %s" % (d["application"], d["version"], d["environment"], d["deployed_by"])))
ch = "inc-ledger-writes"
s.say(ch, add(ACK, seconds=50), "UDANA", "acked. ledger-writer is 500ing on every posting: IntegrityError 1062 duplicate entry on journal_lines PRIMARY")
s.say(ch, WRONG1, "UBEN", "risk-scoring 3.8.1 went out at 8:25, maybe it retries and double-submits the same posting?")
s.say(ch, WRONG2, "ULUCIA", "or idempotency keys colliding? a client replaying requests?")
s.say(ch, ROLLBACK_Q, "UBEN", "should we roll back risk-scoring?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UDANA", "the dupe is on the PRIMARY key, not the idempotency key. and it's always the same value, 2147483647")
s.say(ch, QUESTION, "UBEN", "what's the max of a signed INT in mysql again?")
s.say(ch, add(QUESTION, seconds=35), "UANA", "2147483647. yeah.")
s.say(ch, DIAG, "UANA", "journal_lines.id is a signed INT and AUTO_INCREMENT has reached 2147483647, we're out of ids: every insert gets the max again and collides. it's the MySQLAutoIncrementNearLimit warning from last Tuesday that got silenced")
s.say(ch, add(DIAG, seconds=70), "UDANA", "can we just bump auto_increment?")
s.say(ch, add(DIAG, seconds=110), "UANA", "nowhere to bump it to, it needs BIGINT. an ALTER on the primary copies 190M rows under lock. plan: alter on ledger-db-2 with binlog off, then graceful takeover with orchestrator")
s.say(ch, COMMS, "UCARLA", "status page: 'Card top-ups and transfers are failing. We have identified the cause and are working on a fix.'")
s.say(ch, ALTER, "UANA", "stopped replication on ledger-db-2, running ALTER TABLE journal_lines MODIFY id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT (sql_log_bin=0). ~25 min")
s.say(ch, T(D + "14:45:10"), "UBEN", "ALTER progress 52% per performance_schema stages")
s.say(ch, add(ALTER_DONE, seconds=15), "UANA", "ALTER done on ledger-db-2, replication restarted, catching up")
s.say(ch, add(TAKEOVER, seconds=-20), "UANA", "lag 0. starting graceful-master-takeover to ledger-db-2")
s.say(ch, add(MITIGATED, seconds=45), "UDANA", "postings succeeding again, first id 2147483648")
s.say(ch, T(D + "15:10:30"), "UCARLA", "status page set to monitoring")
s.say(ch, add(RESOLVED, seconds=-45), "UDANA", "35 min clean, resolving. follow-ups: ALTER the old primary, audit every INT id near its max, no silences on capacity alerts without an owner")
s.write(inc, "slack")

inc.truth(
    "ledger-id-overflow", "int32-auto-increment-exhausted",
    "ledger.journal_lines.id, a signed INT AUTO_INCREMENT, reached 2147483647 (a capacity warning a week earlier was silenced); every posting\n"
    "failed with duplicate entry on PRIMARY until the column was altered to BIGINT on replica ledger-db-2 and orchestrator failed over to it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first IntegrityError 1062 Duplicate entry '2147483647' for key PRIMARY", "ledger-writer.log", 60),
     (WARN_ALERT, "alert_fired", "LedgerWriterErrorRate firing (warning)", "amtool-alerts.json", 60),
     (PAGE, "paged", "PagerDuty #30471 triggered (PaymentsPostingFailing)", "pagerduty.json", 60),
     (ACK, "acknowledged", "Dana acknowledges", "pagerduty.json", 60),
     (DIAG, "diagnosis", "Ana: signed INT id hit 2147483647, out of ids; the silenced capacity warning", "slack", 90),
     (COMMS, "communication", "status page: card top-ups and transfers failing", "slack", 90),
     (ALTER, "mitigation", "replication stopped on ledger-db-2 and ALTER to BIGINT started there", "slack", 60),
     (FAILOVER, "mitigation", "orchestrator graceful takeover promotes ledger-db-2", "orchestrator.log", 60),
     (MITIGATED, "recovery", "postings succeed again (id 2147483648)", "ledger-writer.log", 60),
     (PAGE_OK, "alert_resolved", "PaymentsPostingFailing resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty.json", 60)],
    [(CAP_WARN, "MySQLAutoIncrementNearLimit fired a week before and was silenced (contributing factor, not this window's detection)", "amtool-alerts.json"),
     (CRON[-1], "fx-rates-import fails every day at 08:00 Chicago (403, key expired)", "ledger-writer.log"),
     (OTHER_DEPLOY, "risk-scoring 3.8.1 deploy by the risk team", "deploys-export.json"),
     (T(D + "13:11:20"), "KafkaUnderReplicatedPartitions flapping for the streaming team", "slack"),
     (T(D + "14:36:40"), "RiskScoringLatencyHigh for the risk team", "amtool-alerts.json"),
     (WRONG1, "wrong hunch: risk-scoring double-submits", "slack"),
     (WRONG2, "wrong hunch: idempotency key collision", "slack"),
     (ROLLBACK_Q, "'should we roll back risk-scoring?' question", "slack"),
     (QUESTION, "question about the INT maximum", "slack"),
     (T(D + "15:22:18"), "statements-web deploy after recovery", "deploys-export.json"),
     (T(D + "14:00:00"), "steady risk-scoring read timeouts, metabase aborted connections, orchestrator errors for decommissioned ledger-db-9 all window", "orchestrator.log")],
    [("ledger-writer.log", "logs", LTZ), ("mysqld.err", "logs"), ("orchestrator.log", "logs"), ("postings_rate.json", "prometheus-query-range"),
     ("amtool-alerts.json", "alertmanager-api-alerts"), ("pagerduty.json", "pagerduty-log-entries"), ("deploys-export.json", "deploys"),
     ("slack", "slack-export")])
