"""retired3/orders-zk-quorum: replacing a ZooKeeper node renders a 4-member zoo.cfg; the rolling restart leaves 2 of 4 up, quorum is lost and order-service's Curator locks fail until zk-3b is started."""
import random
from common import *

rng = random.Random(20260513)
inc = Incident("retired3", "orders-zk-quorum")
ZTZ = "Europe/Berlin"
D = "2026-05-13 "
W0, W1 = T(D + "12:00:00"), T(D + "15:00:00")
CRON = [T("2026-%s 12:30:%02d" % (d, 4 + 3 * i)) for i, d in enumerate(("05-10", "05-11", "05-12", "05-13"))]
OTHER_DEPLOY = T(D + "12:05:30")
PROVISION = T(D + "12:10:02")
DECOM = T(D + "12:20:05")
ROLLING = T(D + "12:40:55")
ZK1_STOP = T(D + "12:41:08")
STARTED = T(D + "12:41:12")
ZK1_UP = T(D + "12:41:31")
ZK2_STOP = T(D + "12:43:40")
PLAY_FAIL = T(D + "12:44:10")
ZK_ALERT = T(D + "12:44:30")
CO_ALERT = T(D + "12:46:00")
PAGE = T(D + "12:46:20")
ACK = T(D + "12:48:45")
WRONG = T(D + "12:50:30")
ROLLBACK_Q = T(D + "12:52:00")
REASSIGN = T(D + "12:53:10")
ACK2 = T(D + "12:54:00")
COMMS = T(D + "12:57:15")
DIAG = T(D + "13:06:40")
ZK3B_START = T(D + "13:20:05")
MITIGATED = T(D + "13:20:41")
ZK_OK = T(D + "13:22:00")
CO_OK = T(D + "13:24:30")
RESOLVED = T(D + "14:05:00")
FLAP = [(T(D + "12:14:00"), T(D + "12:19:30")), (T(D + "12:58:00"), T(D + "13:02:30")), (T(D + "13:40:00"), T(D + "13:47:00")), (T(D + "14:31:30"), T(D + "14:36:00"))]

def no_quorum(t):
    return STARTED <= t < MITIGATED

# ---- zookeeper logs (log4j, local Berlin time without offset)
zl = {1: [], 2: []}
def Z(t, myid, lvl, thread, src, msg):
    lt = local(t, ZTZ)
    zl[myid].append((t, "%s,%03d [myid:%d] - %-5s [%s:%s] - %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, myid, lvl, thread, src, msg)))
QP = "QuorumPeer[myid=%d](plain=0.0.0.0:2181)(secure=disabled)"
for myid in (1, 2):
    for t in poisson_times(rng, W0, W1, 1 / 70.0):
        if no_quorum(t) or (myid == 1 and ZK1_STOP <= t < ZK1_UP):
            continue
        Z(t, myid, "WARN", "SyncThread:%d" % myid, "o.a.z.s.persistence.FileTxnLog@419",
          "fsyncing the write ahead log in SyncThread:%d took %dms which will adversely effect operation latency.File size is 67108880 bytes. See the ZooKeeper troubleshooting guide" % (myid, rng.randint(1001, 1900)))
    for t in poisson_times(rng, W0, W1, 1 / 40.0):
        if not no_quorum(t):
            Z(t, myid, "INFO", "NIOWorkerThread-%d" % rng.randint(1, 8), "o.a.z.s.ZooKeeperServer@1117",
              "Expiring session 0x%s, timeout of 40000ms exceeded" % hexid(rng, 16) if rng.random() < 0.3 else
              "Processing srvr command from /10.20.4.%d:%d" % (rng.randint(2, 60), rng.randint(30000, 60000)))
# old zk-3 decommissioned: still fine with 2 of 3
for myid in (1, 2):
    Z(add(DECOM, seconds=0.3 + myid * 0.1), myid, "WARN", "RecvWorker:3", "o.a.z.s.q.QuorumCnxManager$RecvWorker@1401",
      "Connection broken for id 3, my id = %d" % myid)
    Z(add(DECOM, seconds=0.4 + myid * 0.1), myid, "WARN", "SendWorker:3", "o.a.z.s.q.QuorumCnxManager$SendWorker@1283",
      "Interrupted while waiting for message on queue")
    for t in frange(add(DECOM, seconds=30 + myid), W1, 60):
        if t < ZK1_STOP or t > MITIGATED:
            Z(t, myid, "WARN", "QuorumConnectionThread-[myid=%d]-%d" % (myid, rng.randint(1, 9)), "o.a.z.s.q.QuorumCnxManager@401",
              "Cannot open channel to 3 at election address zk-3.db.internal/10.20.0.13:3888")
Z(add(DECOM, seconds=1), 2, "INFO", QP % 2, "o.a.z.s.q.Leader@1460", "Have quorum of supporters, sids: [ [1, 2],[1, 2] ]; starting up and setting last processed zxid: 0x1200000000")
# rolling restart of zk-1
Z(ZK1_STOP, 1, "INFO", "main", "o.a.z.s.q.QuorumPeer@1066", "Shutting down quorum peer (SIGTERM)")
Z(add(STARTED, seconds=-1), 2, "WARN", "LearnerHandler-/10.20.0.11:40122", "o.a.z.s.q.LearnerHandler@1079", "******* GOODBYE /10.20.0.11:40122 ********")
Z(STARTED, 2, "INFO", QP % 2, "o.a.z.s.q.Leader@791", "Shutting down")
Z(STARTED, 2, "INFO", QP % 2, "o.a.z.s.q.Leader@797", "Shutdown called. For the reason Not sufficient followers synced, only synced with sids: [ [2] ]")
Z(add(STARTED, seconds=0.2), 2, "INFO", QP % 2, "o.a.z.s.q.QuorumPeer@1460", "LOOKING")
Z(ZK1_UP, 1, "INFO", "main", "o.a.z.s.q.QuorumPeerConfig@174", "Reading configuration from: /etc/zookeeper/conf/zoo.cfg")
Z(add(ZK1_UP, seconds=0.1), 1, "INFO", "main", "o.a.z.s.q.QuorumPeerConfig@446", "server.1=zk-1.db.internal:2888:3888, server.2=zk-2.db.internal:2888:3888, server.3=zk-3.db.internal:2888:3888, server.4=zk-3b.db.internal:2888:3888")
Z(add(ZK1_UP, seconds=0.9), 1, "INFO", QP % 1, "o.a.z.s.q.QuorumPeer@1460", "LOOKING")
Z(ZK2_STOP, 2, "INFO", "main", "o.a.z.s.q.QuorumPeer@1066", "Shutting down quorum peer (SIGTERM)")
Z(add(ZK2_STOP, seconds=19), 2, "INFO", "main", "o.a.z.s.q.QuorumPeerConfig@446", "server.1=zk-1.db.internal:2888:3888, server.2=zk-2.db.internal:2888:3888, server.3=zk-3.db.internal:2888:3888, server.4=zk-3b.db.internal:2888:3888")
Z(add(ZK2_STOP, seconds=20), 2, "INFO", QP % 2, "o.a.z.s.q.QuorumPeer@1460", "LOOKING")
for myid in (1, 2):
    to = 400
    for t in frange(add(ZK1_UP, seconds=2 + myid), add(MITIGATED, seconds=-2), 60):
        if myid == 2 and ZK2_STOP <= t < add(ZK2_STOP, seconds=20):
            continue
        to = min(60000, to * 2)
        Z(t, myid, "INFO", QP % myid, "o.a.z.s.q.FastLeaderElection@979", "Notification time out: %d ms" % to)
        for peer in (3, 4):
            Z(add(t, seconds=0.01), myid, "WARN", "QuorumConnectionThread-[myid=%d]-%d" % (myid, rng.randint(1, 9)), "o.a.z.s.q.QuorumCnxManager@401",
              "Cannot open channel to %d at election address %s/%s:3888" % (peer, "zk-3.db.internal" if peer == 3 else "zk-3b.db.internal", "10.20.0.13" if peer == 3 else "10.20.0.23"))
    for t in poisson_times(rng, ZK1_UP, MITIGATED, 1 / 20.0):
        Z(t, myid, "INFO", "NIOWorkerThread-%d" % rng.randint(1, 8), "o.a.z.s.NIOServerCnxn@537",
          "Refusing session request for client /10.20.4.%d:%d as it has seen zxid 0x12000%05x our last zxid is 0x1100004e2f client must try another server" % (rng.randint(2, 60), rng.randint(30000, 60000), rng.randint(0, 99999))
          if rng.random() < 0.2 else "Closing session request: ZooKeeperServer not running")
Z(add(MITIGATED, seconds=-0.4), 2, "INFO", "ListenerHandler-zk-2.db.internal/10.20.0.12:3888", "o.a.z.s.q.QuorumCnxManager@561", "Received connection request from /10.20.0.23:51380")
Z(MITIGATED, 2, "INFO", QP % 2, "o.a.z.s.q.QuorumPeer@1548", "LEADING")
Z(add(MITIGATED, seconds=0.1), 2, "INFO", QP % 2, "o.a.z.s.q.Leader@581", "LEADING - LEADER ELECTION TOOK - 402 MS")
Z(add(MITIGATED, seconds=0.2), 1, "INFO", QP % 1, "o.a.z.s.q.QuorumPeer@1536", "FOLLOWING")
Z(add(MITIGATED, seconds=0.6), 2, "INFO", QP % 2, "o.a.z.s.q.Leader@1460", "Have quorum of supporters, sids: [ [1, 2, 4],[1, 2, 4] ]; starting up and setting last processed zxid: 0x1300000000")
c = CRON[-1]
Z(c, 1, "INFO", "main", "o.a.z.s.SnapshotBackup@88", "snapshot backup to s3://acme-zk-backups/prod/ started")
Z(add(c, seconds=3), 1, "ERROR", "main", "o.a.z.s.SnapshotBackup@121", "snapshot backup failed: AccessDenied: User arn:aws:iam::4471:role/zk-backup is not authorized to perform s3:PutObject")
inc.lines("zk-1/zookeeper.log", [l for _, l in sorted(zl[1], key=lambda x: x[0])])
inc.lines("zk-2/zookeeper.log", [l for _, l in sorted(zl[2], key=lambda x: x[0])])

# ---- order-service JSON (logstash encoder, UTC)
ol = []
def O(t, level, logger, msg, **kw):
    ol.append((t, jline({"@timestamp": iso(t, ms=True), "@version": "1", "message": msg, "logger_name": logger,
                         "thread_name": kw.pop("thread", "http-nio-8080-exec-%d" % rng.randint(1, 64)), "level": level,
                         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000}[level], "app": "order-service", **kw})))
for t in poisson_times(rng, W0, W1, 1 / 12.0):
    O(t, "WARN", "org.hibernate.SQL_SLOW", "SlowQuery: %d milliseconds. SQL: 'select o1_0.id from orders o1_0 where o1_0.customer_id=? order by o1_0.created_at desc'" % rng.randint(1000, 1600))
O(STARTED, "WARN", "org.apache.zookeeper.ClientCnxn", "Session 0x20001a4f3c0011 for server zk-2.db.internal/10.20.0.12:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException.", thread="main-SendThread(zk-2.db.internal:2181)")
O(add(STARTED, seconds=0.1), "INFO", "org.apache.curator.framework.state.ConnectionStateManager", "State change: SUSPENDED", thread="main-EventThread")
for t in poisson_times(rng, add(STARTED, seconds=2), MITIGATED, 1.2):
    if rng.random() < 0.35:
        O(t, "ERROR", "com.acme.orders.reservation.ReservationService", "inventory lock failed for sku=%d: KeeperErrorCode = ConnectionLoss for /locks/inventory/%d" % ((n := rng.randint(100000, 999999)), n),
          order_id="ord_%s" % hexid(rng, 10))
        O(add(t, seconds=0.002), "ERROR", "com.acme.orders.web.ErrorHandler", "POST /v1/checkout -> 503 Service Unavailable (reservation lock unavailable)")
for t in frange(add(STARTED, seconds=40), MITIGATED, 90):
    O(t, "ERROR", "org.apache.curator.ConnectionState", "Connection timed out for connection string (zk-1.db.internal:2181,zk-2.db.internal:2181,zk-3b.db.internal:2181) and timeout (15000) / elapsed (%d)" % rng.randint(15001, 15090), thread="Curator-Framework-0")
O(add(MITIGATED, seconds=1.3), "INFO", "org.apache.curator.framework.state.ConnectionStateManager", "State change: RECONNECTED", thread="main-EventThread")
O(T(D + "12:06:12"), "INFO", "com.acme.orders.Application", "search-indexer client: index alias products_v41 found")
inc.lines("order-service.jsonl", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- AWX job list (deploy/change record)
jobs = []
for i, (t, d, name, limit, rev, who, st) in enumerate([
        (OTHER_DEPLOY, 300, "deploy search-indexer", "search", "v41.0.2", "katja.braun", "successful"),
        (PROVISION, 420, "zk-replace-node: provision zk-3b", "zk-3b", "c0d7e21", "marco.ferri", "successful"),
        (DECOM, 35, "zk-replace-node: decommission zk-3", "zk-3", "c0d7e21", "marco.ferri", "successful"),
        (ROLLING, 195, "zookeeper-rolling-restart", "zookeeper", "c0d7e21", "marco.ferri", "failed"),
        (T(D + "13:51:20"), 60, "zookeeper-config: drop server.3", "zookeeper", "4be19a0", "marco.ferri", "successful"),
        (T(D + "14:20:10"), 240, "deploy analytics-consumer", "analytics", "v7.3.0", "katja.braun", "successful")]):
    jobs.append({"id": 55810 + i, "type": "job", "name": name, "status": st, "failed": st == "failed",
                 "started": iso_us(t), "finished": iso_us(add(t, seconds=d)), "elapsed": float(d),
                 "limit": limit, "scm_revision": rev, "launch_type": "manual",
                 "summary_fields": {"created_by": {"username": who}, "inventory": {"name": "prod-fra"}},
                 "job_explanation": "Task failed: start zookeeper on zk-3b (data volume /var/lib/zookeeper not mounted)" if st == "failed" else ""})
inc.json("awx-jobs.json", {"count": len(jobs), "next": None, "previous": None, "results": jobs})

# ---- openmetrics dump
def pts(fn, step=60):
    return [(t, fn(t)) for t in frange(W0, W1, step)]
fam_state = [({"instance": "zk-%d:7000" % i, "job": "zookeeper"},
              pts(lambda t, i=i: 0 if no_quorum(t) or (i == 1 and ZK1_STOP <= t < ZK1_UP) else 1)) for i in (1, 2)]
cum = {"200": 0.0, "503": 0.0}
fam_req = []
p200, p503 = [], []
for t in frange(W0, W1, 60):
    cum["200"] += 60 * (11.0 + rng.random()) * (0.3 if no_quorum(t) else 1.0)
    cum["503"] += 60 * (7.5 if no_quorum(t) else 0.01)
    p200.append((t, round(cum["200"])))
    p503.append((t, round(cum["503"])))
inc.write("metrics-dump.om", openmetrics([
    ("zookeeper_quorum_peer_serving", "gauge", "1 when the peer is LEADING or FOLLOWING", fam_state),
    ("http_server_requests", "counter", "HTTP requests", [({"app": "order-service", "uri": "/v1/checkout", "status": "200"}, p200),
                                                          ({"app": "order-service", "uri": "/v1/checkout", "status": "503"}, p503)])]))

# ---- alertmanager webhook bodies, JSON lines, reaching back days
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for c in CRON:
    H(add(c, seconds=60), am_webhook("slack-zk", [am_alert("ZkSnapshotBackupFailed", {"severity": "ticket", "team": "data-infra", "instance": "zk-1:7000"}, "ZooKeeper snapshot backup failed", add(c, seconds=30))]))
zl_ = {"severity": "critical", "team": "data-infra", "cluster": "zk-prod-fra"}
H(add(ZK_ALERT, seconds=15), am_webhook("pd-data-infra", [am_alert("ZookeeperNoQuorum", zl_, "ZooKeeper ensemble zk-prod-fra has no serving leader", ZK_ALERT)]))
H(add(ZK_OK, seconds=15), am_webhook("pd-data-infra", [am_alert("ZookeeperNoQuorum", zl_, "ZooKeeper ensemble zk-prod-fra has no serving leader", ZK_ALERT, ends=ZK_OK)]))
cl = {"severity": "page", "team": "orders", "service": "order-service"}
H(add(CO_ALERT, seconds=15), am_webhook("pd-orders", [am_alert("CheckoutErrorRatioHigh", cl, "checkout 5xx ratio 41%", CO_ALERT)]))
H(add(CO_OK, seconds=15), am_webhook("pd-orders", [am_alert("CheckoutErrorRatioHigh", cl, "checkout 5xx ratio 41%", CO_ALERT, ends=CO_OK)]))
fl = {"severity": "warning", "team": "analytics", "consumergroup": "clickstream-etl"}
for a, b in FLAP:
    H(add(a, seconds=15), am_webhook("slack-analytics", [am_alert("KafkaConsumerLagHigh", fl, "clickstream-etl lag > 500k", a)]))
    H(add(b, seconds=15), am_webhook("slack-analytics", [am_alert("KafkaConsumerLagHigh", fl, "clickstream-etl lag > 500k", a, ends=b)]))
inc.lines("alertmanager-hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty webhook v2 (orders service), reassigned to data-infra on-call
TITLE = "CheckoutErrorRatioHigh checkout 5xx ratio 41%"
pd = PD(22817, TITLE, "order-service", "PORD117", "Orders EP")
lena = PD.user("Lena Hoffmann", "PLENAH1")
marco = PD.user("Marco Ferri", "PMARCO2")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager FRA"}, {"type": "api"}, "Triggered through the API.", user=lena)
pd.add(ACK, "acknowledge_log_entry", lena, {"type": "mobile"}, "Acknowledged by Lena Hoffmann.")
pd.add(REASSIGN, "assign_log_entry", lena, {"type": "web_ui"}, "Reassigned to Marco Ferri by Lena Hoffmann.", user=marco)
pd.add(ACK2, "acknowledge_log_entry", marco, {"type": "mobile"}, "Acknowledged by Marco Ferri.")
pd.add(RESOLVED, "resolve_log_entry", marco, {"type": "web_ui"}, "Resolved by Marco Ferri.")
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 22817, TITLE, PAGE)])

# ---- slack
s = Slack()
for u, n, r in [("ULEN", "lena", "Lena Hoffmann"), ("UMAR", "marco", "Marco Ferri"), ("UKAT", "katja", "Katja Braun"),
                ("UJON", "jonas", "Jonas Weber"), ("UELI", "elif", "Elif Demir")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n in [("CINC", "inc-checkout-zk"), ("CDI", "data-infra"), ("COA", "orders-alerts"), ("CCHG", "changes")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("data-infra", add(c, seconds=61), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "ZkSnapshotBackupFailed", "ZooKeeper snapshot backup failed", color="warning"))
s.bot("data-infra", add(ZK_ALERT, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "ZookeeperNoQuorum", "ZooKeeper ensemble zk-prod-fra has no serving leader"))
s.bot("data-infra", add(ZK_OK, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "ZookeeperNoQuorum", "ZooKeeper ensemble zk-prod-fra"))
s.bot("orders-alerts", add(CO_ALERT, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "CheckoutErrorRatioHigh", "checkout 5xx ratio 41%"))
s.bot("orders-alerts", add(CO_OK, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "CheckoutErrorRatioHigh", "checkout 5xx ratio"))
for j in jobs:
    import datetime as _d
    t = _d.datetime.fromisoformat(j["finished"].replace("Z", "+00:00"))
    s.bot("changes", t, "BAWX", "awx", attachments=[{"color": "2EB67D" if j["status"] == "successful" else "E01E5A",
          "fallback": "AWX job %d %s" % (j["id"], j["status"]),
          "text": "Job #%d *%s* (limit `%s`, rev `%s`) %s, by %s" % (j["id"], j["name"], j["limit"], j["scm_revision"], j["status"], j["summary_fields"]["created_by"]["username"])}])
ch = "inc-checkout-zk"
s.say(ch, add(ACK, seconds=30), "ULEN", "acked. checkout 503s, order-service says KeeperErrorCode = ConnectionLoss on the inventory locks")
s.say(ch, WRONG, "UJON", "search-indexer went out at 12:05 with a new index alias, maybe reservations read the wrong index?")
s.say(ch, ROLLBACK_Q, "UJON", "should we roll back search-indexer?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UKAT", "search-indexer doesn't touch reservations, and it was fine for 35 min")
s.say(ch, add(REASSIGN, seconds=5), "ULEN", "ZookeeperNoQuorum is firing too - handing over to Marco (data-infra), he was replacing zk-3 today")
s.say(ch, COMMS, "UELI", "status page: 'Some orders cannot be placed, we are investigating' posted")
s.say(ch, add(COMMS, seconds=200), "UJON", "could it be the fsync warnings? zk-2 has been complaining about slow fsync all day")
s.say(ch, DIAG, "UMAR", "found it: the playbook rendered zoo.cfg with 4 servers (old zk-3 still in inventory + zk-3b as server.4), so quorum needs 3 and only zk-1 and zk-2 are up. the rolling restart took away the leader")
s.say(ch, add(DIAG, seconds=120), "UMAR", "zk-3b never started, its data volume isn't attached. getting the EBS volume attached, then 3 of 4 can elect a leader")
s.say(ch, add(DIAG, seconds=150), "ULEN", "do we want to just edit zoo.cfg back to 3 servers instead?")
s.say(ch, add(DIAG, seconds=210), "UMAR", "no, that needs another restart of both. starting zk-3b is quicker")
s.say(ch, ZK3B_START, "UMAR", "volume mounted on zk-3b, zookeeper started on zk-3b now")
s.say(ch, add(MITIGATED, seconds=25), "UMAR", "zk-2 LEADING, zk-1 and zk-3b following. quorum is back")
s.say(ch, add(CO_OK, seconds=45), "ULEN", "checkout error ratio back to normal")
s.say(ch, add(RESOLVED, seconds=-30), "UMAR", "config with server.3 dropped is rolled out, ensemble healthy. resolving")
s.write(inc, "slack")

inc.truth(
    "orders-zk-quorum", "zookeeper-quorum-loss-node-replacement",
    "Replacing ZooKeeper node zk-3 rendered a 4-member zoo.cfg (old zk-3 left in inventory, zk-3b as server.4); the rolling restart\n"
    "left 2 of 4 peers up, the ensemble lost quorum and order-service's Curator inventory locks failed (checkout 503) until zk-3b was started.",
    (W0, W1),
    dict(started=STARTED, detected=ZK_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(ROLLING, "change", "AWX zookeeper-rolling-restart with the 4-member zoo.cfg starts (zk-1 restarted)", "awx-jobs.json", 60),
     (STARTED, "first_symptom", "zk-2 leader shuts down: not sufficient followers synced; order-service ZooKeeper session lost", "zk-2/zookeeper.log", 60),
     (ZK_ALERT, "alert_fired", "ZookeeperNoQuorum firing", "alertmanager-hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #22817 triggered (CheckoutErrorRatioHigh)", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Lena Hoffmann acknowledges", "pd-webhooks.ndjson", 60),
     (COMMS, "communication", "status page: some orders cannot be placed", "slack", 90),
     (DIAG, "diagnosis", "Marco: zoo.cfg has 4 servers, quorum needs 3, only zk-1 and zk-2 up", "slack", 90),
     (ZK3B_START, "mitigation", "zk-3b volume mounted and started", "slack", 120),
     (MITIGATED, "recovery", "zk-2 LEADING with quorum; order-service RECONNECTED", "zk-2/zookeeper.log", 60),
     (CO_OK, "alert_resolved", "CheckoutErrorRatioHigh resolved", "alertmanager-hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-webhooks.ndjson", 60)],
    [(CRON[-1], "ZooKeeper snapshot backup fails daily at 12:30 UTC (S3 AccessDenied)", "alertmanager-hooks.ndjson"),
     (OTHER_DEPLOY, "search-indexer v41.0.2 deploy by search team", "awx-jobs.json"),
     (T(D + "14:20:10"), "analytics-consumer deploy", "awx-jobs.json"),
     (FLAP[1][0], "KafkaConsumerLagHigh flapping for analytics", "alertmanager-hooks.ndjson"),
     (WRONG, "wrong hunch: search-indexer index alias", "slack"),
     (ROLLBACK_Q, "'should we roll back search-indexer?' question", "slack"),
     (add(COMMS, seconds=200), "wrong hunch: slow fsync warnings", "slack"),
     (T(D + "12:30:00"), "steady fsync and slow SQL warnings all window", "zk-1/zookeeper.log")],
    [("zk-1/zookeeper.log", "logs", ZTZ), ("zk-2/zookeeper.log", "logs", ZTZ), ("order-service.jsonl", "logs"),
     ("awx-jobs.json", "deploys"), ("metrics-dump.om", "openmetrics"), ("alertmanager-hooks.ndjson", "alertmanager-webhook"),
     ("pd-webhooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
