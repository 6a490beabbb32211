"""retired2/orders-settlement-batch: the month-end settlement batch runs 40 workers against the MySQL primary at 02:00 JST; its locking reads stall order placement until the job is suspended (logs in local Tokyo time)."""
import random
from common import *

rng = random.Random(20261130)
inc = Incident("retired2", "orders-settlement-batch")
TZ = "Asia/Tokyo"
D = "2026-11-30 "
W0, W1 = T(D + "16:00:00"), T(D + "19:00:00")
CRON = [T("2026-11-%02d 16:30:%02d" % (d, 3 + d % 11)) for d in (27, 28, 29, 30)]
BATCH = T(D + "17:00:04")
STARTED = T(D + "17:06:48")
ALERT = T(D + "17:14:30")
PAGE = T(D + "17:15:00")
DBA_WARN = T(D + "17:16:10")
OTHER_DEPLOY = T(D + "17:20:11")
ESCALATE = T(D + "17:30:00")
ACK = T(D + "17:32:40")
WRONG = T(D + "17:36:10")
COMMS = T(D + "17:38:00")
ROLLBACK_Q = T(D + "17:40:20")
DIAG = T(D + "17:43:50")
SUSPEND = T(D + "17:47:30")
MITIGATED = T(D + "17:49:10")
ALERT_OK = T(D + "17:53:40")
RERUN = T(D + "18:20:05")
RESOLVED = T(D + "18:35:00")
JOB = "monthly-settlement-202611"

def locked(t):
    return STARTED <= t < MITIGATED

def load(t):
    if BATCH <= t < SUSPEND:
        return min(1.0, (t - BATCH).total_seconds() / 300.0)
    if SUSPEND <= t < MITIGATED:
        return 0.5
    return 0.0

# ---- settlement batch log (local JST, yyyymmdd-hh:mm:ss:SSS)
bl = []
def B(t, lvl, th, msg):
    lt = local(t, TZ)
    bl.append((t, "%s:%03d %-5s [%s] %s" % (lt.strftime("%Y%m%d-%H:%M:%S"), lt.microsecond // 1000, lvl, th, msg)))
B(BATCH, "INFO", "main", "SettlementRunner - month-end settlement for period 2026-11 starting: workers=40 target=jdbc:mysql://orders-db-primary.prod:3306/orders chunk=5000")
B(add(BATCH, seconds=1.5), "INFO", "main", "SettlementRunner - 18,204,331 order lines to settle across 61,882 merchants")
for w in range(40):
    B(add(BATCH, seconds=2 + w * 0.1), "INFO", "worker-%02d" % w, "SettlementWorker - started, merchants %d..%d" % (w * 1548, w * 1548 + 1547))
for t in poisson_times(rng, add(BATCH, seconds=30), SUSPEND, 1 / 4.0):
    w = rng.randint(0, 39)
    B(t, "INFO", "worker-%02d" % w, "SettlementWorker - chunk %d committed: %d rows in %.1fs (SELECT ... FOR UPDATE on orders_settlement)" % (rng.randint(1, 90), 5000, rng.uniform(9, 48)))
B(SUSPEND, "WARN", "main", "SettlementRunner - received SIGTERM, stopping workers after current chunk")
B(add(SUSPEND, seconds=14), "INFO", "main", "SettlementRunner - stopped: 4,310,000 / 18,204,331 lines settled, checkpoint saved")
B(RERUN, "INFO", "main", "SettlementRunner - month-end settlement for period 2026-11 resuming from checkpoint: workers=8 target=jdbc:mysql://orders-db-replica-2.prod:3306/orders chunk=1000 write-target=primary")
for t in poisson_times(rng, add(RERUN, seconds=20), W1, 1 / 15.0):
    B(t, "INFO", "worker-%02d" % rng.randint(0, 7), "SettlementWorker - chunk %d committed: 1000 rows in %.1fs" % (rng.randint(100, 900), rng.uniform(0.8, 2.5)))
inc.lines("settlement-batch.log", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- orders-api python logging (local JST, no offset)
ol = []
def O(t, lvl, lg_, msg, pid=None):
    lt = local(t, TZ)
    ol.append((t, "%s,%03d %s %s [pid %d] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, lg_, pid or rng.choice([12, 13, 14, 15]), msg)))
for t in poisson_times(rng, W0, W1, 0.25):
    if locked(t) and rng.random() < 0.5:
        O(t, "ERROR", "orders.api", "POST /v2/orders 500 - OperationalError: (1205, 'Lock wait timeout exceeded; try restarting transaction')")
    else:
        O(t, "INFO", "orders.api", "%s 200 %dms" % (rng.choice(["POST /v2/orders", "GET /v2/orders/{id}", "GET /v2/cart"]), rng.randint(900, 4000) if load(t) > 0.3 else rng.randint(10, 90)))
O(STARTED, "ERROR", "orders.api", "POST /v2/orders 500 - OperationalError: (1205, 'Lock wait timeout exceeded; try restarting transaction')", pid=13)
for t in poisson_times(rng, W0, W1, 1 / 110.0):
    O(t, "WARNING", "orders.address", "address lookup provider timeout after 1500ms, accepting unverified postcode")
O(CRON[-1], "INFO", "orders.jobs", "loyalty points expiry starting for 2026-11-30")
O(add(CRON[-1], seconds=7), "ERROR", "orders.jobs", "loyalty points expiry failed: upstream loyalty-svc returned 403 Forbidden")
inc.lines("orders-api.log", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- MySQL slow query log (log_timestamps=UTC)
ml = []
def M(t, user, host, qt, lt_, sent, exam, sql):
    ml.append((t, "\n".join(["# Time: " + iso_us(t), "# User@Host: %s[%s] @  [%s]  Id: %d" % (user, user, host, rng.randint(100000, 999999)),
                             "# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d" % (qt, lt_, sent, exam),
                             "SET timestamp=%d;" % int(epoch(t) - qt), sql])))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    M(t, "reporting", "10.2.7.%d" % rng.randint(2, 250), rng.uniform(2, 6), 0.0001, rng.randint(1, 40), rng.randint(10**6, 5 * 10**6),
      "SELECT merchant_id, SUM(amount) FROM payouts WHERE created_at >= CURDATE() - INTERVAL 7 DAY GROUP BY merchant_id;")
for t in poisson_times(rng, add(BATCH, seconds=40), SUSPEND, 1 / 6.0):
    M(t, "settlement", "10.2.9.%d" % rng.randint(2, 250), rng.uniform(9, 48), rng.uniform(0.5, 12), 5000, rng.randint(400000, 2000000),
      "SELECT ol.id, ol.amount, ol.fee FROM order_lines ol JOIN orders_settlement s ON s.order_id = ol.order_id WHERE s.merchant_id BETWEEN %d AND %d AND s.period = '2026-11' FOR UPDATE;" % ((lambda a: (a, a + 40))(rng.randint(0, 61000))))
for t in poisson_times(rng, STARTED, MITIGATED, 1 / 8.0):
    M(t, "orders_api", "10.2.4.%d" % rng.randint(2, 250), rng.uniform(50, 51), rng.uniform(49.9, 50), 0, 1,
      "UPDATE orders_settlement SET state = 'pending', updated_at = NOW() WHERE order_id = %d;" % rng.randint(10**8, 10**9))
inc.write("mysql-slow.log", "/usr/sbin/mysqld, Version: 8.0.39 (MySQL Community Server - GPL). started with:\nTcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\nTime                 Id Command    Argument\n" +
          "".join(l + "\n" for _, l in sorted(ml, key=lambda x: x[0])))

# ---- mysqld_exporter query_range
def tr(t):
    return int(6 + 4 * rng.random() + 120 * load(t))
def waits(t):
    return (0.02 * rng.random()) + (35 + 10 * rng.random() if locked(t) else 0) + 4 * load(t)
inc.json("mysql-metrics.json", query_range(
    [({"__name__": "mysql_global_status_threads_running", "instance": "orders-db-primary:9104", "job": "mysqld"}, tr),
     ({"instance": "orders-db-primary:9104", "job": "mysqld"}, waits)], W0, W1, 30, fmt="%.3f"), indent=None)

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
k.ev(T(D + "16:59:58"), "settlement", "CronJob", "monthly-settlement", "SuccessfulCreate", "Created job " + JOB, component="cronjob-controller")
img = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/settlement-batch:3.4.0"
k.ev(T(D + "16:59:59"), "settlement", "Job", JOB, "SuccessfulCreate", "Created pod: %s-7w2kq" % JOB, component="job-controller")
k.pod_start(add(BATCH, seconds=-5), "settlement", JOB + "-7w2kq", "ip-10-2-9-41.ap-northeast-1.compute.internal", img, "settlement-batch")
k.ev(SUSPEND, "settlement", "Job", JOB, "Suspended", "Job suspended", component="job-controller")
k.ev(add(SUSPEND, seconds=1), "settlement", "Pod", JOB + "-7w2kq", "Killing", "Stopping container settlement-batch", host="ip-10-2-9-41.ap-northeast-1.compute.internal")
k.ev(add(RERUN, seconds=-6), "settlement", "Job", JOB, "Resumed", "Job resumed", component="job-controller")
k.ev(add(RERUN, seconds=-6), "settlement", "Job", JOB, "SuccessfulCreate", "Created pod: %s-q8d4n" % JOB, component="job-controller")
k.pod_start(add(RERUN, seconds=-6), "settlement", JOB + "-q8d4n", "ip-10-2-9-17.ap-northeast-1.compute.internal", img, "settlement-batch")
for i, p in enumerate(["notifications-svc-6b8c9d7f5-%s" % s for s in ("dl2x9", "kq7mv")]):
    k.pod_start(add(OTHER_DEPLOY, seconds=-40 + 20 * i), "notifications", p, "ip-10-2-8-%d.ap-northeast-1.compute.internal" % (11 + i),
                "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/notifications-svc:2.19.1", "notifications-svc")
k.ev(add(OTHER_DEPLOY, seconds=-41), "notifications", "Deployment", "notifications-svc", "ScalingReplicaSet", "Scaled up replica set notifications-svc-6b8c9d7f5 to 1", component="deployment-controller")
cj = "loyalty-points-expiry-29406150"
k.ev(add(CRON[-1], seconds=-3), "orders", "Job", cj, "SuccessfulCreate", "Created pod: %s-h2k9s" % cj, component="job-controller")
k.ev(add(CRON[-1], seconds=25), "orders", "Job", cj, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("events-v1.json", k.v1_list())

# ---- alertmanager webhooks (JSON list)
posts = []
pl = {"severity": "page", "team": "orders", "service": "orders-api"}
posts.append(am_webhook("pd-orders", [am_alert("OrdersApiLatencyHigh", pl, "orders-api p99 above 2s and 5xx above 2%", ALERT)]))
posts.append(am_webhook("pd-orders", [am_alert("OrdersApiLatencyHigh", pl, "orders-api p99 above 2s and 5xx above 2%", ALERT, ends=ALERT_OK)]))
dl = {"severity": "warning", "team": "dba", "instance": "orders-db-primary:9104"}
posts.append(am_webhook("slack-dba", [am_alert("MySQLInnoDBRowLockWaits", dl, "orders-db-primary row lock waits above 20/s", DBA_WARN)]))
posts.append(am_webhook("slack-dba", [am_alert("MySQLInnoDBRowLockWaits", dl, "orders-db-primary row lock waits above 20/s", DBA_WARN, ends=T(D + "17:51:40"))]))
ql = {"severity": "warning", "team": "messaging", "vhost": "/", "queue": "email.outbound"}
for a, b in [("16:12:00", "16:15:30"), ("16:58:00", "17:01:00"), ("17:41:00", "17:44:30"), ("18:27:00", "18:30:00")]:
    posts.append(am_webhook("slack-messaging", [am_alert("RabbitMQQueueBacklog", ql, "email.outbound backlog above 10k", T(D + a))]))
    posts.append(am_webhook("slack-messaging", [am_alert("RabbitMQQueueBacklog", ql, "email.outbound backlog above 10k", T(D + a), ends=T(D + b))]))
posts.append(am_webhook("slack-orders", [am_alert("KubeJobFailed", {"severity": "warning", "team": "orders", "namespace": "orders", "job_name": cj},
                                                  "Job orders/%s failed to complete" % cj, add(CRON[-1], seconds=40))]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("alertmanager.json", posts)

# ---- pagerduty REST log entries (night page, escalated by timeout)
pd = PD(61208, "OrdersApiLatencyHigh orders-api p99 above 2s and 5xx above 2%", "orders-api", "PORD061", "Orders Japan")
kenji = PD.user("Kenji Watanabe", "PKENJI6")
aiko = PD.user("Aiko Tanaka", "PAIKO61")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMJP01", "summary": "Alertmanager ap-northeast-1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Kenji Watanabe by push notification.", user=kenji,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, minutes=5), "notify_log_entry", None, {"type": "auto"}, "Notified Kenji Watanabe by phone.", user=kenji,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Orders Japan"})
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Aiko Tanaka by phone.", user=aiko,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", aiko, {"type": "phone"}, "Acknowledged by Aiko Tanaka.")
pd.add(RESOLVED, "resolve_log_entry", aiko, {"type": "web_ui"}, "Resolved by Aiko Tanaka.")
inc.json("pd-export.json", pd.export())

# ---- GitHub Deployments API
def gh(i, repo, sha, desc, who, t):
    did = 2104455000 + i * 137
    return {"url": "https://api.github.com/repos/acme/%s/deployments/%d" % (repo, did), "id": did, "node_id": "DE_kwDO" + uid(repo + sha, 12),
            "sha": sha, "ref": "main", "task": "deploy", "payload": {}, "original_environment": "production-jp", "environment": "production-jp",
            "description": desc, "creator": {"login": who, "id": 9000 + len(who), "type": "User"}, "created_at": iso(t), "updated_at": iso(add(t, seconds=95)),
            "statuses_url": "https://api.github.com/repos/acme/%s/deployments/%d/statuses" % (repo, did),
            "repository_url": "https://api.github.com/repos/acme/" + repo, "transient_environment": False, "production_environment": True}
gd = [gh(0, "orders-api", "a7d19e2c0b44f1e8c25d3a6b9f0e7c1d2a3b4c5d", "orders-api 5.12.0", "kenji-w", T(D + "06:10:44")),
      gh(1, "notifications-svc", "0e9c8b7a6f5d4c3b2a1908f7e6d5c4b3a2918070", "notifications-svc 2.19.1", "yuki-s", add(OTHER_DEPLOY, seconds=-60)),
      gh(2, "settlement-batch", "5f4e3d2c1b0a99887766554433221100ffeeddcc", "settlement-batch 3.4.0 (monthly run config)", "aiko-t", T("2026-11-28 05:22:10"))]
inc.json("gh-deployments.json", sorted(gd, key=lambda d: d["created_at"], reverse=True))

# ---- slack
s = Slack()
for u, n, r in [("U5AIKO", "aiko", "Aiko Tanaka"), ("U5KENJI", "kenji", "Kenji Watanabe"), ("U5REN", "ren", "Ren Kobayashi"),
                ("U5YUKI", "yuki", "Yuki Sato"), ("U5TOM", "tom", "Tom Becker")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C5INC", "inc-orders-1201", ""), ("C5ALR", "orders-alerts", ""), ("C5DBA", "dba", ""), ("C5RND", "random", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("orders-alerts", add(c, seconds=45), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job orders/loyalty-points-expiry failed to complete", color="warning"))
s.bot("orders-alerts", add(ALERT, seconds=9), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "OrdersApiLatencyHigh", "orders-api p99 above 2s and 5xx above 2%"))
s.bot("orders-alerts", add(ALERT_OK, seconds=9), "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "OrdersApiLatencyHigh", "orders-api latency and errors back to normal"))
s.bot("dba", add(DBA_WARN, seconds=9), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "MySQLInnoDBRowLockWaits", "orders-db-primary row lock waits above 20/s", color="warning"))
s.bot("dba", add(BATCH, seconds=-4), "B5CRON", "k8s-cron-notifier", blocks=pd_slack_blocks(":calendar: CronJob *settlement/monthly-settlement* created job `%s`" % JOB))
ch = "inc-orders-1201"
s.say(ch, add(ACK, seconds=60), "U5AIKO", "acked (escalated to me, Kenji didn't pick up). orders-api POST /v2/orders failing with 1205 lock wait timeouts")
s.say(ch, WRONG, "U5REN", "AWS health dashboard had a network event in apne1-az1 earlier, could be that?")
s.say(ch, add(WRONG, seconds=50), "U5AIKO", "no packet loss on our side, and errors are lock timeouts not connection errors")
s.say(ch, ROLLBACK_Q, "U5TOM", "should we roll back orders-api 5.12 from this afternoon?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U5AIKO", "5.12 has been fine since 15:10 JST, let me look at the db first")
s.say(ch, DIAG, "U5AIKO", "processlist is full of monthly-settlement SELECT ... FOR UPDATE from 40 workers, running on the primary since 02:00. the month-end settlement run is holding row locks on orders_settlement and starving order writes")
s.say(ch, add(DIAG, seconds=80), "U5KENJI", "sorry, just woke up. agree, suspend the job, it checkpoints")
s.say(ch, add(SUSPEND, seconds=10), "U5AIKO", "kubectl patch job monthly-settlement-202611 -p '{\"spec\":{\"suspend\":true}}' done")
s.say(ch, add(MITIGATED, seconds=40), "U5AIKO", "lock waits gone, orders succeeding")
s.say(ch, add(RERUN, seconds=30), "U5KENJI", "resumed settlement reading from replica-2 with 8 workers and 1000-row chunks, watching lock waits")
s.say(ch, add(RESOLVED, seconds=-20), "U5AIKO", "settlement progressing, orders clean for 45 min. resolving")
s.bot(ch, COMMS, "B5SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Orders failing",
      "title": "Investigating - Some orders fail to be placed", "text": "Placing orders fails for some customers. We are investigating.", "mrkdwn_in": ["text"]}])
s.say("random", T(D + "16:40:00"), "U5YUKI", "anyone else up this late? deploying notifications-svc in a bit")
s.write(inc, "slack")

inc.truth(
    "orders-settlement-batch", "batch-job-db-overload",
    "The month-end settlement batch started 40 workers doing locking reads on the MySQL primary at 02:00 JST; order writes hit\n"
    "lock wait timeouts and orders failed until the job was suspended, then resumed reading from a replica.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(BATCH, "change", "monthly settlement batch starts 40 workers on the primary", "settlement-batch.log", 60),
     (STARTED, "first_symptom", "first 1205 lock wait timeout on POST /v2/orders", "orders-api.log", 60),
     (ALERT, "alert_fired", "OrdersApiLatencyHigh firing", "alertmanager.json", 60),
     (PAGE, "paged", "PagerDuty #61208 triggered", "pd-export.json", 60),
     (ACK, "acknowledged", "escalated by timeout; Aiko acknowledges", "pd-export.json", 60),
     (COMMS, "communication", "Statuspage: some orders fail", "slack", 90),
     (DIAG, "diagnosis", "Aiko: settlement run's FOR UPDATE reads on the primary starve order writes", "slack", 90),
     (SUSPEND, "mitigation", "settlement job suspended", "events-v1.json", 60),
     (MITIGATED, "recovery", "lock wait timeouts stop, orders succeed", "orders-api.log", 60),
     (ALERT_OK, "alert_resolved", "OrdersApiLatencyHigh resolved", "alertmanager.json", 60),
     (RERUN, "change", "settlement resumed against replica-2 with 8 workers", "settlement-batch.log", 60),
     (RESOLVED, "resolved", "PagerDuty #61208 resolved", "pd-export.json", 60)],
    [(CRON[-1], "loyalty-points-expiry job fails daily ~16:30 UTC (403 from loyalty-svc)", "orders-api.log"),
     (OTHER_DEPLOY, "notifications-svc 2.19.1 deploy by messaging team", "gh-deployments.json"),
     (T(D + "17:41:00"), "RabbitMQQueueBacklog flapping for messaging team", "alertmanager.json"),
     (WRONG, "wrong hunch: AWS network event", "slack"),
     (ROLLBACK_Q, "'should we roll back orders-api 5.12?' question", "slack"),
     (T(D + "06:10:44"), "orders-api 5.12.0 deploy in the afternoon JST, not the cause", "gh-deployments.json"),
     (T(D + "18:00:00"), "steady address lookup timeouts and reporting slow queries all window", "orders-api.log")],
    [("settlement-batch.log", "logs", TZ), ("orders-api.log", "logs", TZ), ("mysql-slow.log", "logs"), ("mysql-metrics.json", "prometheus-query-range"),
     ("events-v1.json", "kube-events"), ("alertmanager.json", "alertmanager-webhook"), ("pd-export.json", "pagerduty-log-entries"),
     ("gh-deployments.json", "deploys"), ("slack", "slack-export")])
