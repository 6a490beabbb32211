"""retired12/tallo-orders-db-full (2026-03-12, cdc-connector-schema-409-slot-retains-wal-disk-full).

orders-api 8.14.0 (Argo CD, 06:40 UTC) runs Flyway V311, which turns order_lines.quantity from integer into
numeric(10,3). The Debezium connector `orders-cdc` (Kafka Connect, Avro) tries to register the new value schema;
the subject is BACKWARD-compatible and Schema Registry answers 409, so the task dies at 06:41:27 ("will not
recover until manually restarted"). Nothing alerts on connector state. The logical replication slot
debezium_orders goes inactive and retains every WAL segment while the morning order load writes ~62 MB/s:
the Postgres data volume of orders-db-01 drains. A predict_linear warning (07:09) only goes to Slack, where a
DBA guesses "the morning import". The critical "full in 30m" alert pages at 08:02; nobody answers, it escalates
and is acknowledged at 08:19. The DBA diagnoses the inactive slot, the data platform engineer the 409.
At 08:31:48 pg_wal can't be written: PANIC, checkout fails. Freeing 9 GB of old server logs and restarting gets
Postgres up for two minutes (partial mitigation), then PANIC again. The EBS volume is grown and xfs_growfs run;
Postgres is back at 08:55 and checkout recovers. The subject's compatibility is set to NONE and the task
restarted at 09:16; the slot catches up and WAL is recycled; resolved 09:52.

Evidence: orders-db-01 syslog (Postgres via syslog, cron, sudo) in Europe/Madrid local time without offset,
reaching back two days (a daily failing stats-snapshot cron); Kafka Connect log4j (UTC); Prometheus query_range;
Alertmanager webhook archive back to the 9th; PagerDuty log entries of two incidents (ours and the checkout
alert's); Argo CD application JSON with status.history; Slack export.
"""
import random
from common import *

rng = random.Random(20260312)
inc = Incident("retired12", "tallo-orders-db-full")
TZ = "Europe/Madrid"
D = "2026-03-12 "
W0, W1 = T(D + "06:00:00"), T(D + "10:00:00")

SYNC0, DDL, SYNC1 = T(D + "06:40:19"), T(D + "06:40:44"), T(D + "06:41:01")
TASKFAIL = T(D + "06:41:27")
OTHER_DEPLOY = T(D + "07:31:12")
WARN = T(D + "07:09:40")
WRONG = T(D + "07:26:10")
CRIT = T(D + "08:02:10")
PAGE = T(D + "08:02:40")
ESC = T(D + "08:17:40")
ACK = T(D + "08:19:55")
DIAG = T(D + "08:24:30")
DIAG2 = T(D + "08:26:05")
QUESTION = T(D + "08:27:40")
PANIC1 = T(D + "08:31:48")
CO_ALERT = T(D + "08:33:50")
COMMS = T(D + "08:35:10")
FREE = T(D + "08:38:20")
UP1 = T(D + "08:39:05")
PANIC2 = T(D + "08:41:35")
CO_OK1 = T(D + "08:40:50")
CO_ALERT2 = T(D + "08:44:20")
MODIFY = T(D + "08:49:30")
GROW = T(D + "08:53:02")
UP2 = T(D + "08:55:20")
MITIGATED = T(D + "08:55:31")
CO_OK2 = T(D + "08:58:20")
COMPAT = T(D + "09:14:40")
RESTART = T(D + "09:16:02")
CAUGHT = T(D + "09:38:40")
WARN_OK = T(D + "09:41:10")
RESOLVED = T(D + "09:52:00")
CRON = [T("2026-03-%02d 06:15:03" % d) for d in (10, 11, 12)]  # 07:15 local

SIZE = 1_600_000_000_000
RATE = 61.9e6


def avail(t):
    base = 410e9 + 1.5e9 * ((int(epoch(t)) // 60 * 7919) % 11 - 5) / 5
    if t < TASKFAIL:
        return base
    if t < PANIC1:
        return max(0.0, 410e9 - RATE * (t - TASKFAIL).total_seconds())
    if t < FREE:
        return 0.0
    if t < PANIC2:
        return max(0.0, 9.1e9 - (RATE * (t - UP1).total_seconds() if t >= UP1 else 0))
    if t < GROW:
        return 0.0
    if t < CAUGHT:
        return 800e9 - RATE * max(0.0, (t - UP2).total_seconds()) * (1 if t < RESTART else 0) - (RATE * (RESTART - UP2).total_seconds() if t >= RESTART else 0)
    return 1_205e9 + base - 410e9


def retained(t):
    if t < TASKFAIL:
        return 2.1e8 + 1e8 * ((int(epoch(t)) // 60) % 5)
    if t < PANIC1:
        return RATE * (t - TASKFAIL).total_seconds()
    if t < RESTART:
        return RATE * (PANIC1 - TASKFAIL).total_seconds() + (RATE * (t - UP2).total_seconds() if t >= UP2 else 0)
    if t < CAUGHT:
        top = RATE * (PANIC1 - TASKFAIL).total_seconds() + RATE * (RESTART - UP2).total_seconds()
        return top * (1 - (t - RESTART).total_seconds() / (CAUGHT - RESTART).total_seconds()) + 3e8
    return 2.4e8 + 1e8 * ((int(epoch(t)) // 60) % 4)


def co_err(t):
    if PANIC1 <= t < UP1 or add(PANIC2, seconds=2) <= t < MITIGATED:
        return 0.97
    if UP1 <= t < add(PANIC2, seconds=2) or MITIGATED <= t < add(MITIGATED, minutes=2):
        return 0.06
    return 0.0011 + 0.0004 * ((int(epoch(t)) // 60) % 3)


# ---------------------------------------------------------------- orders-db-01 syslog (local, no offset)
sl = []
H = "orders-db-01"
pg_pid = [2231]


def PG(t, lvl, msg, pid=None):
    sl.append((t, syslog(t, TZ, H, "postgres[%d]" % (pid or pg_pid[0]), "[@SEQ@-1] %s:  %s" % (lvl, msg))))


def SY(t, prog, msg):
    sl.append((t, syslog(t, TZ, H, prog, msg)))


for c in CRON:
    SY(c, "CRON[%d]" % rng.randint(30000, 39999), "(postgres) CMD (/usr/local/bin/pg_stats_snapshot.sh >> /var/log/pg_stats_snapshot.log 2>&1)")
    PG(add(c, seconds=2), "ERROR", 'relation "stats_hist.snap_2026_03" does not exist at character 13', pid=rng.randint(40000, 49999))
    SY(add(c, seconds=2), "CRON[%d]" % rng.randint(30000, 39999), "(CRON) info (No MTA installed, discarding output)")
for t in frange(T("2026-03-10 00:04:00"), T("2026-03-12 06:00:00"), 6 * 3600):
    PG(add(t, seconds=rng.randint(0, 300)), "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, %d removed, %d recycled; write=269.%03d s, sync=0.%03d s, total=270.%03d s" % (
        rng.randint(20000, 60000), rng.random() * 5, rng.randint(20, 60), rng.randint(30, 90), rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 999)))
# checkpoints every 5 minutes in the window
for t in frange(T(D + "06:02:30"), W1, 300):
    if PANIC1 <= t < UP2:
        continue
    removed = 0 if TASKFAIL < t < CAUGHT else rng.randint(40, 70)
    if CAUGHT <= t < add(CAUGHT, minutes=5):
        removed = 6711
    PG(add(t, seconds=rng.randint(0, 20)), "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, %d removed, %d recycled; write=269.%03d s, sync=0.%03d s, total=270.%03d s" % (
        rng.randint(20000, 60000), rng.random() * 5, removed, 0 if TASKFAIL < t < CAUGHT else rng.randint(30, 90), rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 999)))
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    if PANIC1 <= t < UP2:
        continue
    PG(t, "LOG", 'automatic vacuum of table "orders.public.%s": index scans: 1' % rng.choice(["carts", "cart_items", "sessions", "order_events"]), pid=rng.randint(50000, 59999))
PG(DDL, "LOG", "statement: ALTER TABLE public.order_lines ALTER COLUMN quantity TYPE numeric(10,3) USING quantity::numeric(10,3)", pid=61022)
PG(add(DDL, seconds=1), "LOG", "duration: 812.441 ms  statement: ALTER TABLE public.order_lines ALTER COLUMN quantity TYPE numeric(10,3) USING quantity::numeric(10,3)", pid=61022)
PG(add(TASKFAIL, seconds=1), "LOG", "could not receive data from client: Connection reset by peer", pid=19877)
PG(add(TASKFAIL, seconds=1), "LOG", "unexpected EOF on standby connection", pid=19877)
PG(PANIC1, "PANIC", 'could not write to file "pg_wal/xlogtemp.2231": No space left on device')
PG(add(PANIC1, seconds=1), "LOG", "server process (PID 88123) was terminated by signal 6: Aborted")
PG(add(PANIC1, seconds=1), "LOG", "terminating any other active server processes")
PG(add(PANIC1, seconds=2), "LOG", "all server processes terminated; reinitializing")
PG(add(PANIC1, seconds=3), "FATAL", 'could not write to file "pg_wal/xlogtemp.2231": No space left on device')
PG(add(PANIC1, seconds=3), "LOG", "database system is shut down")
SY(add(PANIC1, seconds=4), "systemd[1]", "postgresql@14-main.service: Main process exited, code=exited, status=1/FAILURE")
SY(add(PANIC1, seconds=4), "systemd[1]", "postgresql@14-main.service: Failed with result 'exit-code'.")
SY(add(FREE, seconds=-40), "sudo[91210]", "     ana : TTY=pts/1 ; PWD=/home/ana ; USER=postgres ; COMMAND=/usr/bin/du -sh /var/lib/postgresql/14/main/pg_wal /var/lib/postgresql/14/main/log")
SY(FREE, "sudo[91244]", "     ana : TTY=pts/1 ; PWD=/var/lib/postgresql/14/main/log ; USER=postgres ; COMMAND=/usr/bin/find . -name postgresql-2026-02-*.log -delete")
SY(add(FREE, seconds=21), "sudo[91250]", "     ana : TTY=pts/1 ; PWD=/home/ana ; USER=root ; COMMAND=/usr/bin/systemctl start postgresql@14-main")
pg_pid[0] = 91262
PG(add(FREE, seconds=22), "LOG", "database system was interrupted; last known up at 2026-03-12 08:30:12 UTC")
PG(add(FREE, seconds=23), "LOG", "database system was not properly shut down; automatic recovery in progress")
PG(add(FREE, seconds=24), "LOG", "redo starts at 3A8/1C0F2A8")
PG(add(UP1, seconds=-2), "LOG", "redo done at 3A8/9F77D120 system usage: CPU: user: 12.10 s, system: 6.02 s, elapsed: 40.11 s")
PG(UP1, "LOG", "database system is ready to accept connections")
PG(PANIC2, "PANIC", 'could not write to file "pg_wal/xlogtemp.91262": No space left on device')
PG(add(PANIC2, seconds=1), "LOG", "terminating any other active server processes")
PG(add(PANIC2, seconds=3), "LOG", "database system is shut down")
SY(add(PANIC2, seconds=4), "systemd[1]", "postgresql@14-main.service: Failed with result 'exit-code'.")
SY(GROW, "sudo[92001]", "     ana : TTY=pts/1 ; PWD=/home/ana ; USER=root ; COMMAND=/usr/sbin/xfs_growfs /var/lib/postgresql")
SY(add(GROW, seconds=1), "kernel", "[8812345.120331] XFS (nvme1n1): Resizing filesystem from 390625000 to 585937500 blocks")
SY(add(UP2, seconds=-70), "sudo[92019]", "     ana : TTY=pts/1 ; PWD=/home/ana ; USER=root ; COMMAND=/usr/bin/systemctl start postgresql@14-main")
pg_pid[0] = 92031
PG(add(UP2, seconds=-68), "LOG", "database system was not properly shut down; automatic recovery in progress")
PG(UP2, "LOG", "database system is ready to accept connections")
PG(add(RESTART, seconds=3), "LOG", 'starting logical decoding for slot "debezium_orders"', pid=93340)
PG(add(RESTART, seconds=3), "DETAIL", "Streaming transactions committing after 3A1/7C0A1B28, reading WAL from 3A1/7C000000.", pid=93340)
for t in poisson_times(rng, W0, W1, 1 / 200.0):
    if PANIC1 <= t < UP2:
        continue
    PG(t, "ERROR", 'duplicate key value violates unique constraint "idempotency_keys_pkey"', pid=rng.randint(60000, 69999))
_out, _n = [], 4180
for _, l in sorted(sl, key=lambda x: x[0]):
    if "@SEQ@" in l:
        _n += 1
        l = l.replace("@SEQ@", str(_n))
    _out.append(l)
inc.lines("orders-db-01/syslog", _out)

# ---------------------------------------------------------------- Kafka Connect worker log (UTC, log4j)
cl = []


def CL(t, lvl, ctx, msg, logger, extra=()):
    s = "[%s,%03d] %s %s%s (%s)" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl, ("[%s] " % ctx) if ctx else "", msg, logger)
    cl.append((t, "\n".join([s] + list(extra))))


for t in frange(add(W0, seconds=11), W1, 60):
    if TASKFAIL <= t < add(RESTART, seconds=5):
        continue
    CL(add(t, seconds=rng.random()), "INFO", "orders-cdc|task-0", "WorkerSourceTask{id=orders-cdc-0} Committing offsets for %d acknowledged messages" % rng.randint(9000, 30000), "org.apache.kafka.connect.runtime.WorkerSourceTask:233")
for t in poisson_times(rng, W0, W1, 1 / 330.0):
    CL(t, "WARN", "billing-s3-sink|task-1", "WorkerSinkTask{id=billing-s3-sink-1} Commit of offsets timed out", "org.apache.kafka.connect.runtime.WorkerSinkTask:219")
CL(add(TASKFAIL, seconds=-0.2), "ERROR", "orders-cdc|task-0", "WorkerSourceTask{id=orders-cdc-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted", "org.apache.kafka.connect.runtime.WorkerTask:212",
   ["org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler",
    "\tat org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator.execAndHandleError(RetryWithToleranceOperator.java:230)",
    "\tat org.apache.kafka.connect.runtime.AbstractWorkerSourceTask.convertTransformedRecord(AbstractWorkerSourceTask.java:494)",
    "Caused by: org.apache.kafka.connect.errors.DataException: Failed to serialize Avro data from topic tallo.public.order_lines :",
    "\tat io.confluent.connect.avro.AvroConverter.fromConnectData(AvroConverter.java:107)",
    "Caused by: org.apache.kafka.common.errors.SerializationException: Error registering Avro schema{\"type\":\"record\",\"name\":\"Envelope\",\"namespace\":\"tallo.public.order_lines\",...}",
    "Caused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: Schema being registered is incompatible with an earlier schema for subject \"tallo.public.order_lines-value\", details: [{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/1/fields/3/type/0') of a field in the new schema does not match with the old schema', additionalInfo:'reader type: INT not compatible with writer type: BYTES'}, {oldSchemaVersion: 7}, {compatibility: 'BACKWARD'}]; error code: 409",
    "\tat io.confluent.kafka.schemaregistry.client.rest.RestService.sendHttpRequest(RestService.java:314)",
    "\t... 14 more"])
CL(TASKFAIL, "ERROR", "orders-cdc|task-0", "WorkerSourceTask{id=orders-cdc-0} Task is being killed and will not recover until manually restarted", "org.apache.kafka.connect.runtime.WorkerTask:213")
CL(add(TASKFAIL, seconds=0.4), "INFO", "orders-cdc|task-0", "Stopping down connector", "io.debezium.connector.common.BaseSourceTask:287")
CL(add(TASKFAIL, seconds=0.6), "INFO", "orders-cdc|task-0", "Connection gracefully closed", "io.debezium.jdbc.JdbcConnection:956")
CL(add(COMPAT, seconds=2), "INFO", None, "10.44.7.31 - - [12/Mar/2026:09:14:42 +0000] \"GET /connectors/orders-cdc/status HTTP/1.1\" 200 2917 \"-\" \"curl/8.5.0\" 3", "org.apache.kafka.connect.runtime.rest.RestServer:62")
CL(RESTART, "INFO", None, "10.44.7.31 - - [12/Mar/2026:09:16:02 +0000] \"POST /connectors/orders-cdc/tasks/0/restart HTTP/1.1\" 204 0 \"-\" \"curl/8.5.0\" 41", "org.apache.kafka.connect.runtime.rest.RestServer:62")
CL(add(RESTART, seconds=0.5), "INFO", "orders-cdc|task-0", "Starting PostgresConnectorTask with configuration: connector.class = io.debezium.connector.postgresql.PostgresConnector, slot.name = debezium_orders, plugin.name = pgoutput", "io.debezium.connector.common.BaseSourceTask:134")
CL(add(RESTART, seconds=2.9), "INFO", "orders-cdc|task-0", "Found previous offset PostgresOffsetContext [sourceInfoSchema=Schema{io.debezium.connector.postgresql.Source:STRUCT}, sourceInfo=source_info[server='tallo'db='orders', lsn=LSN{3A1/7C0A1B28}]]", "io.debezium.connector.postgresql.PostgresConnectorTask:106")
CL(add(RESTART, seconds=3.4), "INFO", "orders-cdc|task-0", "WorkerSourceTask{id=orders-cdc-0} Source task finished initialization and start", "org.apache.kafka.connect.runtime.AbstractWorkerSourceTask:275")
CL(add(RESTART, seconds=4), "INFO", "orders-cdc|task-0", "Processing messages", "io.debezium.connector.postgresql.PostgresStreamingChangeEventSource:198")
for t in frange(add(RESTART, seconds=60), CAUGHT, 180):
    CL(t, "INFO", "orders-cdc|task-0", "Searching for WAL resume position; lsn behind: %d MB" % int(retained(t) / 1e6), "io.debezium.connector.postgresql.PostgresStreamingChangeEventSource:364")
inc.lines("connect-worker-2.log", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ---------------------------------------------------------------- Prometheus query_range
inc.json("prom/orders-db.json", query_range([
    ({"__name__": "node_filesystem_avail_bytes", "instance": "orders-db-01:9100", "mountpoint": "/var/lib/postgresql", "device": "/dev/nvme1n1", "fstype": "xfs"}, avail),
    ({"__name__": "pg_replication_slots_pg_wal_lsn_diff", "instance": "orders-db-01:9187", "slot_name": "debezium_orders", "slot_type": "logical"},
     lambda t: None if PANIC1 <= t < UP1 or PANIC2 <= t < UP2 else retained(t)),
    ({"job": "checkout-api", "__name__": "checkout:http_5xx_ratio:rate2m"}, co_err),
], W0, W1, 60))

# ---------------------------------------------------------------- Alertmanager webhook archive
hooks = []


def HK(t, recv, alerts):
    hooks.append((t, jline(am_webhook(recv, alerts))))


dl = {"severity": "warning", "team": "dba", "instance": "orders-db-01:9100", "mountpoint": "/var/lib/postgresql"}
cl_ = dict(dl, severity="critical")
w = lambda ends=None: am_alert("PostgresVolumeFillingUp", dl, "orders-db-01 /var/lib/postgresql predicted to fill within 4h", WARN, ends)
c = lambda ends=None: am_alert("PostgresVolumeFullIn30m", cl_, "orders-db-01 /var/lib/postgresql predicted to fill within 30m", CRIT, ends)
HK(add(WARN, seconds=12), "slack-dba", [w()])
HK(add(CRIT, seconds=14), "pd-dba", [c()])
HK(add(WARN_OK, seconds=10), "slack-dba", [w(WARN_OK)])
HK(T(D + "09:01:40"), "pd-dba", [c(T(D + "09:01:30"))])
col = {"severity": "critical", "team": "checkout", "service": "checkout-api"}
HK(add(CO_ALERT, seconds=9), "pd-checkout", [am_alert("CheckoutApi5xxRatio", col, "checkout-api 5xx ratio 96%", CO_ALERT)])
HK(add(CO_OK1, seconds=9), "pd-checkout", [am_alert("CheckoutApi5xxRatio", col, "checkout-api 5xx ratio 96%", CO_ALERT, CO_OK1)])
HK(add(CO_ALERT2, seconds=9), "pd-checkout", [am_alert("CheckoutApi5xxRatio", col, "checkout-api 5xx ratio 97%", CO_ALERT2)])
HK(add(CO_OK2, seconds=9), "pd-checkout", [am_alert("CheckoutApi5xxRatio", col, "checkout-api 5xx ratio 97%", CO_ALERT2, CO_OK2)])
for cr in CRON:
    a = am_alert("PgStatsSnapshotFailed", {"severity": "ticket", "team": "dba", "instance": "orders-db-01"}, "pg_stats_snapshot.sh exited non-zero", add(cr, minutes=1))
    HK(add(cr, minutes=1, seconds=15), "slack-dba", [a])
rl = {"severity": "warning", "team": "search", "instance": "search-cache-2:9121"}
for s0, s1 in [("06:52:30", "07:04:30"), ("07:58:00", "08:06:00"), ("09:20:30", "09:33:00")]:
    a0, a1 = T(D + s0), T(D + s1)
    HK(add(a0, seconds=10), "slack-search", [am_alert("RedisMemoryHigh", rl, "search-cache-2 memory above 90% of maxmemory", a0)])
    HK(add(a1, seconds=10), "slack-search", [am_alert("RedisMemoryHigh", rl, "search-cache-2 memory above 90% of maxmemory", a0, a1)])
inc.lines("alertmanager/webhooks.ndjson", [l for _, l in sorted(hooks, key=lambda x: x[0])])

# ---------------------------------------------------------------- PagerDuty log entries (two incidents)
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PTAL0AM", "summary": "Alertmanager prod-eu",
         "self": "https://api.pagerduty.com/services/PDBA0P1/integrations/PTAL0AM"}
pd = PD(4471, "PostgresVolumeFullIn30m orders-db-01 /var/lib/postgresql predicted to fill within 30m", "Database Platform", "PDBA0P1", "DBA On-call")
nuno = PD.user("Nuno Ferreira", "PNUNO01")
ana = PD.user("Ana Ortega", "PANAO01")
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Nuno Ferreira by push notification.", user=nuno,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=301), "notify_log_entry", None, {"type": "auto"}, "Notified Nuno Ferreira by phone.", user=nuno,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "DBA On-call"})
pd.add(add(ESC, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Ana Ortega by phone.", user=ana,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", ana, {"type": "phone"}, "Acknowledged by Ana Ortega.", acknowledgement_timeout=1800)
pd.add(add(DIAG, seconds=50), "annotate_log_entry", ana, {"type": "web_ui", "summary": "slot debezium_orders inactive since 06:41, holding WAL"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", ana, {"type": "web_ui"}, "Resolved by Ana Ortega.")
pc = PD(4472, "CheckoutApi5xxRatio checkout-api 5xx ratio 96%", "checkout-api", "PCHK0P2", "Checkout On-call")
sofia = PD.user("Sofia Lind", "PSOFI01")
pc.add(add(CO_ALERT, seconds=31), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pc.add(add(CO_ALERT, seconds=32), "notify_log_entry", None, {"type": "auto"}, "Notified Sofia Lind by push notification.", user=sofia,
       notification={"type": "push_notification_notification", "status": "success"})
pc.add(T(D + "08:35:02"), "acknowledge_log_entry", sofia, {"type": "mobile"}, "Acknowledged by Sofia Lind.", acknowledgement_timeout=1800)
pc.add(T(D + "09:05:12"), "resolve_log_entry", sofia, {"type": "web_ui"}, "Resolved by Sofia Lind.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + pc.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pagerduty-log-entries.json", ex)

# ---------------------------------------------------------------- Argo CD applications (status.history)
def app(name, ns, hist):
    return {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
            "metadata": {"name": name, "namespace": "argocd"},
            "spec": {"destination": {"namespace": ns, "server": "https://kubernetes.default.svc"},
                     "source": {"path": "apps/%s/overlays/prod-eu" % name, "repoURL": "https://git.tallo.io/platform/deploy.git", "targetRevision": "main"}},
            "status": {"history": [{"deployStartedAt": iso(a), "deployedAt": iso(b), "id": i, "revision": rev,
                                    "source": {"path": "apps/%s/overlays/prod-eu" % name, "repoURL": "https://git.tallo.io/platform/deploy.git", "targetRevision": "main"}}
                                   for i, (a, b, rev) in enumerate(hist, start=118)],
                       "sync": {"status": "Synced", "revision": hist[-1][2]}, "health": {"status": "Healthy"}}}


inc.json("argocd-apps.json", {"apiVersion": "argoproj.io/v1alpha1", "kind": "ApplicationList", "items": [
    app("orders-api", "orders", [(T("2026-03-10 10:12:03"), T("2026-03-10 10:13:40"), "5d0c2a91e47f0b6c2d7e8a1f93b4c5d6e7f80912"),
                                  (SYNC0, SYNC1, "a7e31f0c9b2d4e5f6a7b8c9d0e1f2a3b4c5d6e7f")]),
    app("search-indexer", "search", [(T("2026-03-11 15:40:10"), T("2026-03-11 15:42:02"), "0f9e8d7c6b5a49382716f5e4d3c2b1a098765432"),
                                      (OTHER_DEPLOY, add(OTHER_DEPLOY, seconds=148), "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d")]),
    app("checkout-api", "checkout", [(T("2026-03-11 09:02:55"), T("2026-03-11 09:05:21"), "99aa88bb77cc66dd55ee44ff3300112233445566")]),
]})

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r in [("U01ANA", "ana.ortega", "Ana Ortega"), ("U01NUNO", "nuno", "Nuno Ferreira"), ("U01RUI", "rui.m", "Rui Marques"),
                ("U01MARCO", "marco.bellini", "Marco Bellini"), ("U01SOFIA", "sofia.lind", "Sofia Lind"), ("U01HEL", "helena", "Helena Costa")]:
    s.user(u, n, r, TZ)
s.channel("C0DBAAL", "dba-alerts", "Alertmanager: team=dba")
s.channel("C0INC77", "inc-orders-db", "incident channel")
s.channel("C0DEPLO", "deploys", "Argo CD notifications")
for cr in CRON:
    s.bot("dba-alerts", add(cr, minutes=1, seconds=16), "B0AM", "alertmanager", attachments=am_slack_attachment("firing", "PgStatsSnapshotFailed", "pg_stats_snapshot.sh exited non-zero", color="warning"))
s.bot("dba-alerts", add(WARN, seconds=13), "B0AM", "alertmanager", attachments=am_slack_attachment("firing", "PostgresVolumeFillingUp", "orders-db-01 /var/lib/postgresql predicted to fill within 4h", color="warning"))
s.say("dba-alerts", WRONG, "U01RUI", "orders-db-01 trending down, probably the morning marketplace import again, will look after standup")
s.bot("dba-alerts", add(CRIT, seconds=15), "B0AM", "alertmanager", attachments=am_slack_attachment("firing", "PostgresVolumeFullIn30m", "orders-db-01 /var/lib/postgresql predicted to fill within 30m"))
s.bot("dba-alerts", add(WARN_OK, seconds=11), "B0AM", "alertmanager", attachments=am_slack_attachment("resolved", "PostgresVolumeFillingUp", "orders-db-01 /var/lib/postgresql"))
for name, a, b, rev in [("orders-api", SYNC0, SYNC1, "a7e31f0"), ("search-indexer", OTHER_DEPLOY, add(OTHER_DEPLOY, seconds=148), "1c2d3e4")]:
    s.bot("deploys", add(b, seconds=4), "B0ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *%s* has been successfully synced at revision `%s` (prod-eu)" % (name, rev)))
ch = "inc-orders-db"
s.say(ch, add(ACK, seconds=50), "U01ANA", "got it (phone escalation, Nuno is off sick). looking at orders-db-01")
s.say(ch, T(D + "08:21:30"), "U01ANA", "pg_wal is 402G on orders-db-01, it's normally ~8G. checkpoints remove 0 files")
s.say(ch, DIAG, "U01ANA", "slot debezium_orders is inactive since 06:41, restart_lsn stuck at 3A1/7C000000 - the CDC connector died and the slot is holding all the WAL")
s.say(ch, DIAG2, "U01MARCO", "confirmed, orders-cdc task-0 FAILED at 06:41:27: schema registry 409, order_lines-value incompatible. V311 this morning changed quantity int -> numeric and the subject is BACKWARD")
s.say(ch, QUESTION, "U01SOFIA", "should we just drop the slot?")
s.say(ch, add(QUESTION, seconds=45), "U01ANA", "dropping it loses the warehouse feed and we'd need a re-snapshot. I'd rather grow the volume")
s.say(ch, T(D + "08:32:30"), "U01SOFIA", "checkout is 500ing, orders-db connection refused")
s.say(ch, add(PANIC1, seconds=55), "U01ANA", "PANIC could not write pg_wal: No space left on device. it's down")
s.say(ch, COMMS, "U01HEL", "status page up: 'Checkout unavailable - we are investigating'")
s.say(ch, add(FREE, seconds=-30), "U01ANA", "deleting February server logs under log/ (~9G) to get it started")
s.say(ch, add(UP1, seconds=25), "U01SOFIA", "checkout ok again")
s.say(ch, add(PANIC2, seconds=30), "U01ANA", "PANIC again. 9G gone in 2 minutes, the slot keeps everything")
s.say(ch, MODIFY, "U01ANA", "aws ec2 modify-volume vol-0c41e2 --size 2400 submitted, state optimizing")
s.say(ch, add(GROW, seconds=30), "U01ANA", "xfs_growfs done, 800G free, starting postgres")
s.say(ch, T(D + "08:56:10"), "U01SOFIA", "checkout green, error rate back to baseline")
s.say(ch, T(D + "09:03:00"), "U01HEL", "status page: 'Checkout restored, monitoring'")
s.say(ch, COMPAT, "U01MARCO", "set compatibility NONE on tallo.public.order_lines-value (temporary, will register a proper v8 later), restarting task 0")
s.say(ch, add(RESTART, seconds=40), "U01MARCO", "orders-cdc RUNNING, streaming from 3A1/7C0A1B28")
s.say(ch, add(CAUGHT, seconds=40), "U01ANA", "slot caught up, checkpoint removed 6711 segments, pg_wal 9G")
s.say(ch, add(RESOLVED, seconds=-20), "U01ANA", "resolving. follow-ups: alert on connector task state, max_slot_wal_keep_size, schema check in the migration pipeline")
s.write(inc, "slack")

inc.truth(
    "tallo-orders-db-full", "cdc-connector-schema-409-slot-retains-wal-disk-full",
    "A migration changed order_lines.quantity to numeric; the Debezium task died on a Schema Registry 409 and its inactive slot\n"
    "retained WAL until orders-db-01's volume filled (PANIC, checkout down); a log clean-up helped 2 minutes, growing the volume ended it.",
    (W0, W1),
    dict(started=TASKFAIL, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(T(D + "06:40:40"), "change", "orders-api 8.14.0 synced by Argo CD; V311 ALTER order_lines.quantity numeric", "argocd-apps.json", 60),
     (TASKFAIL, "first_symptom", "orders-cdc task-0 killed: Schema Registry 409 incompatible schema", "connect-worker-2.log", 60),
     (WARN, "alert_fired", "PostgresVolumeFillingUp warning (Slack only)", "alertmanager/webhooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4471 PostgresVolumeFullIn30m triggered", "pagerduty-log-entries.json", 60),
     (ACK, "acknowledged", "Ana acknowledges after escalation", "pagerduty-log-entries.json", 60),
     (DIAG, "diagnosis", "Ana: inactive slot debezium_orders holding all WAL, CDC connector died", "slack", 90),
     (COMMS, "communication", "status page: checkout unavailable", "slack", 90),
     (FREE, "mitigation", "old server logs deleted, Postgres restarted (up two minutes)", "orders-db-01/syslog", 90),
     (GROW, "mitigation", "volume grown, xfs_growfs, Postgres started", "orders-db-01/syslog", 90),
     (MITIGATED, "recovery", "Postgres accepts connections, checkout 5xx back to baseline", "prom/orders-db.json", 90),
     (RESTART, "mitigation", "compatibility NONE on the subject, orders-cdc task restarted", "connect-worker-2.log", 90),
     (RESOLVED, "resolved", "PagerDuty #4471 resolved", "pagerduty-log-entries.json", 60)],
    [(CRON[-1], "pg_stats_snapshot.sh cron fails daily at 07:15 local (also 10th, 11th)", "orders-db-01/syslog"),
     (add(CRON[-1], minutes=1), "PgStatsSnapshotFailed ticket alert, daily", "alertmanager/webhooks.ndjson"),
     (OTHER_DEPLOY, "search-indexer synced by Argo CD (search team)", "argocd-apps.json"),
     (T(D + "06:52:30"), "RedisMemoryHigh flapping for search-cache-2 (search team)", "alertmanager/webhooks.ndjson"),
     (WRONG, "wrong hunch: morning marketplace import", "slack"),
     (QUESTION, "'should we just drop the slot?' question", "slack"),
     (CO_OK1, "CheckoutApi5xxRatio resolves during the two-minute partial recovery", "alertmanager/webhooks.ndjson"),
     (T(D + "07:45:00"), "steady billing-s3-sink offset commit timeouts and idempotency-key duplicate errors", "connect-worker-2.log")],
    [("orders-db-01/syslog", "logs", TZ), ("connect-worker-2.log", "logs"), ("prom/orders-db.json", "prometheus-query-range"),
     ("alertmanager/webhooks.ndjson", "alertmanager-webhook"), ("pagerduty-log-entries.json", "pagerduty-log-entries"),
     ("argocd-apps.json", "deploys"), ("slack", "slack-export")])
