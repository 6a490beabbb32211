"""retired14/orders-pd-routing-key: AWS fails the orders ElastiCache primary over; orders-api pods keep writing to the old node (now a
replica) and cart/order writes fail READONLY. The page fires but every PagerDuty notify is rejected ('Invalid routing key': the
integration was deleted by the previous day's PagerDuty Terraform consolidation); only the Slack copy goes out. A developer pages
by hand, the primary on-call never answers and the escalation acks late; restarting three pods helps partly, a rollout restart
ends it, the routing key is fixed before the resolve."""
import random
from common import *

rng = random.Random(20260709)
inc = Incident("retired14", "orders-pd-routing-key")
LTZ = "America/Chicago"
D = "2026-07-09 "
W0, W1 = T(D + "14:30:00"), T(D + "17:30:00")
TF_COMMIT = T("2026-07-08 18:20:14")
TF_APPLY = T("2026-07-08 18:31:02")
CRON = [T("2026-07-%02d 14:01:%02d" % (d, 4 + d)) for d in (6, 7, 8, 9)]
ES_FLAPS = [(T(D + "14:40:20"), T(D + "14:52:20")), (T(D + "15:25:50"), T(D + "15:31:20")), (T(D + "16:10:20"), T(D + "16:18:50"))]
OTHER_DEPLOY = T(D + "14:41:20")
STARTED = T(D + "15:03:52")
FIRST_ERR = T(D + "15:03:55")
FAILOVER = T(D + "15:04:09")
OLD_BACK = T(D + "15:06:31")
ALERT = T(D + "15:07:41")
NOTIFY = T(D + "15:08:11")
META = T(D + "15:13:41")
NOTICED = T(D + "15:19:30")
PAGE = T(D + "15:21:05")
WRONG = T(D + "15:25:10")
ROLLBACK_Q = T(D + "15:26:30")
DIAG1 = T(D + "15:31:40")
PARTIAL = T(D + "15:34:10")
ESCALATE = T(D + "15:36:06")
STATUS = T(D + "15:36:00")
ACK = T(D + "15:38:20")
RESTART = T(D + "15:40:30")
RESTART_DONE = T(D + "15:44:10")
MITIGATED = T(D + "15:44:20")
ALERT_OK = T(D + "15:46:41")
DIAG2 = T(D + "15:47:30")
FIX_COMMIT = T(D + "16:02:11")
AM_RELOAD = T(D + "16:05:40")
TEST_PAGE = T(D + "16:07:02")
META_OK = T(D + "16:12:41")
RESOLVED = T(D + "16:31:00")
OLD_IP, NEW_IP = "10.60.12.45", "10.60.14.211"

PODS = ["orders-api-6f8c9d7b54-%s" % "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)) for _ in range(12)]
FRESH3 = ["orders-api-6f8c9d7b54-%s" % "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)) for _ in range(3)]
NEWRS = ["orders-api-7d4b8c6f9a-%s" % "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)) for _ in range(12)]


def pod_state(t):
    """(pods serving, set of pods with stale connections)"""
    if t < PARTIAL:
        return PODS, set(PODS)
    if t < RESTART:
        return PODS[3:] + FRESH3, set(PODS[3:])
    if t < RESTART_DONE:
        frac = (t - RESTART).total_seconds() / (RESTART_DONE - RESTART).total_seconds()
        n = int(12 * frac)
        rest = (FRESH3 + PODS[3:])[n:]
        return NEWRS[:n] + rest, set(p for p in rest if p in PODS)
    return NEWRS, set()


def write_fails(t, pod):
    if t < FIRST_ERR or t >= MITIGATED:
        return None
    _, stale = pod_state(t)
    if pod not in stale:
        return None
    return "timeout" if t < OLD_BACK else "readonly"


# ---- orders-api log4j2 EcsLayout JSON
ol = []
STK_RO = ("io.lettuce.core.RedisReadOnlyException: READONLY You can't write against a read only replica.\n"
          "\tat io.lettuce.core.internal.ExceptionFactory.createExecutionException(ExceptionFactory.java:143)\n"
          "\tat io.lettuce.core.internal.ExceptionFactory.createExecutionException(ExceptionFactory.java:116)\n"
          "\tat io.lettuce.core.protocol.AsyncCommand.completeResult(AsyncCommand.java:120)\n"
          "\tat io.lettuce.core.protocol.AsyncCommand.complete(AsyncCommand.java:111)\n"
          "\tat com.acme.orders.cart.CartReservationService.reserve(CartReservationService.java:94)\n"
          "\t... 58 common frames omitted")
STK_TO = ("io.lettuce.core.RedisCommandTimeoutException: Command timed out after 1 second(s)\n"
          "\tat io.lettuce.core.internal.ExceptionFactory.createTimeoutException(ExceptionFactory.java:59)\n"
          "\tat io.lettuce.core.internal.Futures.awaitOrCancel(Futures.java:246)\n"
          "\tat com.acme.orders.cart.CartReservationService.reserve(CartReservationService.java:94)\n"
          "\t... 58 common frames omitted")


def E(t, level, logger, msg, pod, thread=None, **kw):
    o = {"@timestamp": iso(t, ms=True), "log.level": level, "message": msg, "ecs.version": "1.2.0", "service.name": "orders-api",
         "service.version": "5.19.3", "event.dataset": "orders-api", "process.thread.name": thread or "http-nio-8080-exec-%d" % rng.randint(1, 200),
         "log.logger": logger, "host.hostname": pod}
    o.update(kw)
    ol.append((t, jline(o)))


for t in poisson_times(rng, W0, W1, 0.45):
    pods, _ = pod_state(t)
    pod = rng.choice(pods)
    op = rng.random()
    if op < 0.45:
        f = write_fails(t, pod)
        if f:
            kind = rng.choice(["cart.reserve", "order.idempotency"])
            lg = "com.acme.orders.cart.CartReservationService" if kind == "cart.reserve" else "com.acme.orders.api.IdempotencyFilter"
            msg = "Failed to reserve cart item" if kind == "cart.reserve" else "Could not store idempotency key, rejecting request"
            if f == "readonly":
                E(t, "ERROR", lg, msg, pod, **{"error.type": "io.lettuce.core.RedisReadOnlyException",
                                              "error.message": "READONLY You can't write against a read only replica.", "error.stack_trace": STK_RO})
            else:
                E(t, "ERROR", lg, msg, pod, **{"error.type": "io.lettuce.core.RedisCommandTimeoutException",
                                              "error.message": "Command timed out after 1 second(s)", "error.stack_trace": STK_TO})
        elif rng.random() < 0.3:
            E(t, "INFO", "com.acme.orders.api.OrderController", "Order placed", pod, **{"order.id": "ord_%s" % hexid(rng, 12), "order.items": rng.randint(1, 6)})
for t in poisson_times(rng, W0, W1, 1 / 140.0):  # benign, steady
    E(t, "WARN", "com.acme.orders.tax.TaxClient", "tax-calculator latency %dms exceeded budget 1000ms, using cached rate" % rng.randint(1001, 1900),
      rng.choice(pod_state(t)[0]))
E(FIRST_ERR, "ERROR", "com.acme.orders.cart.CartReservationService", "Failed to reserve cart item", PODS[4], **{
    "error.type": "io.lettuce.core.RedisCommandTimeoutException", "error.message": "Command timed out after 1 second(s)", "error.stack_trace": STK_TO})
E(T(D + "15:44:07.420"), "ERROR", "com.acme.orders.api.IdempotencyFilter", "Could not store idempotency key, rejecting request", PODS[11], **{
    "error.type": "io.lettuce.core.RedisReadOnlyException", "error.message": "READONLY You can't write against a read only replica.", "error.stack_trace": STK_RO})
for i, pod in enumerate(PODS):
    t = add(STARTED, seconds=1.2 + i * 0.07)
    E(t, "INFO", "io.lettuce.core.protocol.ConnectionWatchdog",
      "Reconnecting, last destination was orders-cache.x7k2pq.ng.0001.use1.cache.amazonaws.com/%s:6379" % OLD_IP, pod, thread="lettuce-eventExecutorLoop-1-%d" % (i % 4 + 1))
    for k_ in range(3):
        E(add(t, seconds=1 + 2 ** k_ * 0.6 + k_), "WARN", "io.lettuce.core.protocol.ReconnectionHandler",
          "Cannot reconnect to [orders-cache.x7k2pq.ng.0001.use1.cache.amazonaws.com/<unresolved>:6379]: Connection refused: orders-cache.x7k2pq.ng.0001.use1.cache.amazonaws.com/%s:6379" % OLD_IP,
          pod, thread="lettuce-nioEventLoop-4-%d" % (i % 4 + 1))
    E(add(OLD_BACK, seconds=2.5 + i * 0.11), "INFO", "io.lettuce.core.protocol.ReconnectionHandler",
      "Reconnected to orders-cache.x7k2pq.ng.0001.use1.cache.amazonaws.com/<unresolved>:6379", pod, thread="lettuce-nioEventLoop-4-%d" % (i % 4 + 1))
for pods, t0 in ((FRESH3, add(PARTIAL, seconds=20)), (NEWRS, add(RESTART, seconds=15))):
    for i, p in enumerate(pods):
        ts = add(t0, seconds=i * (200 / len(pods)))
        E(ts, "INFO", "com.acme.orders.OrdersApplication", "Started OrdersApplication in 21.84 seconds (process running for 23.1)", p, thread="main")
        E(add(ts, seconds=0.4), "INFO", "io.lettuce.core.RedisClient", "Connected to orders-cache.x7k2pq.ng.0001.use1.cache.amazonaws.com/%s:6379" % NEW_IP, p, thread="main")
inc.lines("orders/api-0709.ndjson", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- aws elasticache describe-events --source-type replication-group/cache-cluster --duration 1440
evs = [
    ("orders-cache-001", "cache-cluster", "Recovering cache nodes 0001", STARTED),
    ("orders-cache", "replication-group", "Failover to replica node orders-cache-002 completed", FAILOVER),
    ("orders-cache", "replication-group", "Failover from primary node orders-cache-001 to replica node orders-cache-002 completed", add(FAILOVER, seconds=2.1)),
    ("orders-cache-001", "cache-cluster", "Finished recovery for cache nodes 0001", OLD_BACK),
    ("sessions-cache-002", "cache-cluster", "Cache node 0001 restarted", T("2026-07-09 09:12:40")),
    ("sessions-cache-002", "cache-cluster", "Finished recovery for cache nodes 0001", T("2026-07-09 09:13:55")),
]
inc.json("aws/orders-cache.json", {"Events": [{"SourceIdentifier": a, "SourceType": b, "Message": m,
                                                 "Date": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d000+00:00" % (t.microsecond // 1000)}
                                                for a, b, m, t in sorted(evs, key=lambda e: e[3], reverse=True)]}, indent=4)

# ---- alertmanager-0 log (logfmt)
al = []


def AM(t, caller, level, comp, msg, **kw):
    kv = [("ts", iso(t, ms=True)), ("caller", caller), ("level", level), ("component", comp)]
    kv.append(("msg", msg))
    kv += list(kw.items())
    al.append((t, logfmt(kv)))


PD_ERR = ('orders-page/pagerduty[0]: notify retry canceled due to unrecoverable error after 1 attempts: unexpected status code 400: '
          '{"status":"invalid event","message":"Event object is invalid","errors":["Invalid routing key"]}')
t = add(NOTIFY, seconds=1.2)
while t < add(ALERT_OK, seconds=40):
    al.append((t, logfmt([("ts", iso(t, ms=True)), ("caller", "dispatch.go:353"), ("level", "error"), ("component", "dispatcher"),
                          ("msg", "Notify for alerts failed"), ("num_alerts", 1), ("err", PD_ERR)])))
    t = add(t, minutes=5, seconds=rng.uniform(0.0, 0.3))
al.append((add(ALERT_OK, seconds=31.3), logfmt([("ts", iso(add(ALERT_OK, seconds=31.3), ms=True)), ("caller", "dispatch.go:353"), ("level", "error"),
                                                ("component", "dispatcher"), ("msg", "Notify for alerts failed"), ("num_alerts", 1), ("err", PD_ERR)])))
for t in poisson_times(rng, W0, W1, 1 / 900.0):  # benign: finance's Teams webhook times out now and then
    al.append((t, logfmt([("ts", iso(t, ms=True)), ("caller", "notify.go:848"), ("level", "warn"), ("component", "dispatcher"), ("receiver", "msteams-finance"),
                          ("integration", "msteams[0]"), ("aggrGroup", '{}/{team="finance"}:{alertname="LedgerExportLag"}'),
                          ("msg", "Notify attempt failed, will retry later"), ("attempts", 1),
                          ("err", 'Post "<redacted>": context deadline exceeded')])))
al.append((AM_RELOAD, logfmt([("ts", iso(AM_RELOAD, ms=True)), ("caller", "coordinator.go:113"), ("level", "info"), ("component", "configuration"),
                              ("msg", "Loading configuration file"), ("file", "/etc/alertmanager/config_out/alertmanager.env.yaml")])))
al.append((add(AM_RELOAD, seconds=0.02), logfmt([("ts", iso(add(AM_RELOAD, seconds=0.02), ms=True)), ("caller", "coordinator.go:126"), ("level", "info"),
                                                 ("component", "configuration"), ("msg", "Completed loading of configuration file"),
                                                 ("file", "/etc/alertmanager/config_out/alertmanager.env.yaml")])))
for t in frange(T(D + "14:31:12"), W1, 900):
    al.append((t, logfmt([("ts", iso(t, ms=True)), ("caller", "nflog.go:337"), ("level", "info"), ("component", "nflog"), ("msg", "Running maintenance")])))
    al.append((add(t, seconds=0.004), logfmt([("ts", iso(add(t, seconds=0.004), ms=True)), ("caller", "nflog.go:339"), ("level", "info"), ("component", "nflog"),
                                              ("msg", "Maintenance done"), ("duration", "%.6fms" % rng.uniform(1, 4)), ("size", rng.randint(180000, 190000))])))
inc.lines("monitoring/router-0.txt", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- Alertmanager webhook archive (the `archive` receiver, continue: true), reaching back to the 6th
hk = []


def H(t, receiver, alerts, group_by=("alertname",)):
    hk.append((t, jline(am_webhook(receiver, alerts, group_by=group_by))))


for c in CRON:
    jl = {"job_name": "orders-archive-%d" % (29196840 + CRON.index(c) * 1440), "namespace": "orders", "severity": "warning", "team": "orders"}
    a0 = add(c, seconds=-30)
    H(add(c, seconds=30), "archive", [am_alert("KubeJobFailed", jl, "Job failed to complete.", a0, desc="Job orders/%s failed to complete." % jl["job_name"])])
    H(add(c, minutes=61), "archive", [am_alert("KubeJobFailed", jl, "Job failed to complete.", a0, ends=add(c, minutes=60, seconds=30))])
for a, b in ES_FLAPS:
    el = {"cluster": "search-es", "severity": "warning", "team": "search"}
    H(add(a, seconds=30), "archive", [am_alert("ElasticsearchClusterYellow", el, "search-es cluster health is YELLOW", a)])
    H(add(b, seconds=30), "archive", [am_alert("ElasticsearchClusterYellow", el, "search-es cluster health is YELLOW", a, ends=b)])
ol_ = {"namespace": "orders", "service": "orders-api", "severity": "page", "team": "orders"}
H(NOTIFY, "archive", [am_alert("OrdersApiErrorRatio", ol_, "orders-api 5xx ratio above 5%", ALERT, desc="orders-api 5xx ratio is 41.7% (routes POST /v1/cart/items, POST /v1/orders)")])
H(add(ALERT_OK, seconds=30), "archive", [am_alert("OrdersApiErrorRatio", ol_, "orders-api 5xx ratio above 5%", ALERT, ends=ALERT_OK)])
ml = {"integration": "pagerduty", "namespace": "monitoring", "pod": "alertmanager-main-0", "service": "alertmanager-main", "severity": "warning", "team": "platform"}
H(add(META, seconds=30), "archive", [am_alert("AlertmanagerFailedToSendAlerts", ml, "An Alertmanager instance failed to send notifications.", META,
                                             desc="Alertmanager monitoring/alertmanager-main-0 failed to send 100% of notifications to pagerduty.")])
H(add(META_OK, seconds=30), "archive", [am_alert("AlertmanagerFailedToSendAlerts", ml, "An Alertmanager instance failed to send notifications.", META, ends=META_OK)])
tl = {"namespace": "monitoring", "service": "orders-api", "severity": "page", "team": "orders"}
H(add(TEST_PAGE, seconds=1), "archive", [am_alert("TestAlert", tl, "routing test for pagerduty-orders (please ack and resolve)", TEST_PAGE)])
H(add(TEST_PAGE, seconds=91), "archive", [am_alert("TestAlert", tl, "routing test for pagerduty-orders (please ack and resolve)", TEST_PAGE, ends=add(TEST_PAGE, seconds=60))])
inc.lines("monitoring/archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- Prometheus query_range
def ratio(route):
    def f(t):
        base = 0.002 + 0.001 * ((int(epoch(t)) // 60) % 3)
        if route == "GET /v1/orders/{id}" or not (FIRST_ERR <= t < MITIGATED):
            return base
        pods, stale = pod_state(t)
        share = len([p for p in pods if p in stale]) / len(pods)
        return base + share * (0.93 if t >= OLD_BACK else 0.71)
    return f


def notif_failed(t):
    return (1 / 300.0) if add(NOTIFY, seconds=1) <= t < add(ALERT_OK, minutes=6) else 0.0


series = [({"route": r, "service": "orders-api", "namespace": "orders"}, ratio(r)) for r in ("POST /v1/cart/items", "POST /v1/orders", "GET /v1/orders/{id}")]
series.append(({"__name__": "alertmanager_notifications_failed_total:rate5m", "integration": "pagerduty", "pod": "alertmanager-main-0", "namespace": "monitoring"}, notif_failed))
inc.json("dash/orders-writes.json", query_range(series, W0, W1, 30, fmt="%.4f"), indent=None)

# ---- infra repo: git log --pretty=fuller
gl = []


def C(t, who, email, subj, body=""):
    lt = local(t, LTZ)
    ds = lt.strftime("%a %b ") + str(lt.day) + lt.strftime(" %H:%M:%S %Y %z")
    txt = "commit %s\nAuthor:     %s <%s>\nAuthorDate: %s\nCommit:     %s <%s>\nCommitDate: %s\n\n    %s\n" % (
        hexid(rng, 40), who, email, ds, who, email, ds, subj)
    if body:
        txt += "\n" + "".join("    %s\n" % l for l in body.split("\n"))
    gl.append((t, txt))


C(T("2026-07-07 20:14:55"), "Ana Souza", "ana.souza@acme.io", "catalog-api: raise HPA max to 18")
C(TF_COMMIT, "Derek Olsen", "derek.olsen@acme.io", "pagerduty: consolidate orders services into Orders (#431)",
  "Merge orders-api, orders-worker and orders-cron PagerDuty services into one `Orders`\nservice with a single Events API v2 integration. Removes\npagerduty_service.orders_api and its integration.\n\nApplied with atlantis at 13:31 CDT.")
C(OTHER_DEPLOY, "Ana Souza", "ana.souza@acme.io", "catalog-api: bump image to 2.31.0")
C(FIX_COMMIT, "Chris Patel", "chris.patel@acme.io", "alertmanager: point pagerduty-orders at the Orders integration key",
  "The orders-api integration was removed in #431; Alertmanager still sent\nevents with its routing key and PagerDuty rejected every one (400 Invalid\nrouting key). Key now read from the new secret.")
C(T(D + "16:50:37"), "Derek Olsen", "derek.olsen@acme.io", "pagerduty: add routing-key canary check to CI")
inc.write("infra/history.txt", "\n".join(txt for _, txt in sorted(gl, key=lambda x: x[0], reverse=True)))

# ---- PagerDuty log entries
lena = PD.user("Lena Fischer", "PLFISCH")
sam = PD.user("Sam Ortiz", "PSORTIZ")
chris = PD.user("Chris Patel", "PCPATEL")
pd = PD(30877, "orders-api: cart and order writes failing (Slack alert, no page)", "Orders", "PORD001", esc_policy="Orders")
pd.add(PAGE, "trigger_log_entry", lena, {"type": "web_trigger", "summary": "orders-api: cart and order writes failing (Slack alert, no page)",
       "details": "OrdersApiErrorRatio has been firing in #orders-alerts since 10:07 CDT but nobody was paged."}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Sam Ortiz by push notification.", user=sam,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Sam Ortiz by SMS.", user=sam,
       notification={"type": "sms_notification", "status": "success", "address": "+1 312***4471"})
pd.add(add(PAGE, seconds=361), "notify_log_entry", None, None, "Notified Sam Ortiz by phone.", user=sam,
       notification={"type": "phone_notification", "status": "success", "address": "+1 312***4471"})
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Orders"})
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, None, "Notified Chris Patel by push notification.", user=chris,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", chris, {"type": "mobile"}, "Acknowledged by Chris Patel.")
pd.add(T(D + "15:50:02"), "annotate_log_entry", chris, {"type": "web_ui", "summary": "Alertmanager -> PD rejected with Invalid routing key since 10:08 CDT (integration deleted in #431). Fixing."}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", chris, {"type": "web_ui"}, "Resolved by Chris Patel.")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PORDEV2", "summary": "Events API V2 (Orders)",
         "self": "https://api.pagerduty.com/services/PORD001/integrations/PORDEV2"}
tp = PD(30881, "[FIRING:1] TestAlert orders-api", "Orders", "PORD001", esc_policy="Orders")
tp.add(add(TEST_PAGE, seconds=1), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
tp.add(add(TEST_PAGE, seconds=2), "notify_log_entry", None, None, "Notified Sam Ortiz by push notification.", user=sam,
       notification={"type": "push_notification_notification", "status": "success"})
tp.add(add(TEST_PAGE, seconds=40), "acknowledge_log_entry", chris, {"type": "web_ui"}, "Acknowledged by Chris Patel.")
tp.add(add(TEST_PAGE, seconds=91), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
es = PD(30869, "[FIRING:1] ElasticsearchClusterYellow search-es", "Search", "PSRCH01", esc_policy="Search")
nk = PD.user("Nikhil Rao", "PNRAO01")
es.add(add(ES_FLAPS[0][0], seconds=31), "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Events API V2 (Search)"}, {"type": "api"}, "Triggered through the API.")
es.add(add(ES_FLAPS[0][0], seconds=32), "notify_log_entry", None, None, "Notified Nikhil Rao by email.", user=nk)
es.add(add(ES_FLAPS[0][1], seconds=31), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + tp.entries + es.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("oncall/orders.json", ex)

# ---- Slack
s = Slack()
for u, n, r in [("U9LENA", "lena", "Lena Fischer"), ("U9SAM", "sam.o", "Sam Ortiz"), ("U9CHRIS", "chris", "Chris Patel"), ("U9ANA", "ana", "Ana Souza"),
                ("U9DEREK", "derek", "Derek Olsen"), ("U9DEV", "devon", "Devon Brooks"), ("U9NIK", "nikhil", "Nikhil Rao")]:
    s.user(u, n, r, "America/Chicago")
for cid, n, p in [("C9ORDA", "orders-alerts", "Alertmanager: orders (the page route also posts here)"), ("C9INC", "inc-orders-0709", "orders writes failing"),
                  ("C9PLAT", "platform-alerts", "Alertmanager: platform"), ("C9DEP", "deploys", "argo notifications"), ("C9STAT", "status", "Statuspage mirror"),
                  ("C9SRCH", "search-alerts", "Alertmanager: search")]:
    s.channel(cid, n, p)
s.bot("orders-alerts", add(NOTIFY, seconds=1), "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OrdersApiErrorRatio", "orders-api 5xx ratio is 41.7% (routes POST /v1/cart/items, POST /v1/orders)\nseverity: page"))
s.bot("orders-alerts", add(ALERT_OK, seconds=31), "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "OrdersApiErrorRatio", "orders-api 5xx ratio above 5%"))
for c in CRON:
    s.bot("orders-alerts", add(c, seconds=31), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job orders/orders-archive failed to complete.\nseverity: warning", color="warning"))
s.bot("platform-alerts", add(META, seconds=31), "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "AlertmanagerFailedToSendAlerts", "Alertmanager monitoring/alertmanager-main-0 failed to send 100% of notifications to pagerduty.", color="warning"))
s.bot("platform-alerts", add(META_OK, seconds=31), "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "AlertmanagerFailedToSendAlerts", "An Alertmanager instance failed to send notifications."))
for a, b in ES_FLAPS:
    s.bot("search-alerts", add(a, seconds=31), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "ElasticsearchClusterYellow", "search-es cluster health is YELLOW", color="warning"))
    s.bot("search-alerts", add(b, seconds=31), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "ElasticsearchClusterYellow", "search-es cluster health is YELLOW"))
s.bot("deploys", add(OTHER_DEPLOY, minutes=4), "B9ARGO", "argocd", blocks=pd_slack_blocks("Application *catalog-api* synced to `2.31.0` (by ana)"))
s.say("orders-alerts", NOTICED, "U9LENA", "this has been firing for 10+ min and it's a severity=page alert. did anyone get paged? @sam.o")
s.say("orders-alerts", add(NOTICED, seconds=70), "U9DEV", "I didn't see a PD incident for it")
s.say("orders-alerts", add(PAGE, seconds=10), "U9LENA", "triggered PD by hand on Orders, opening #inc-orders-0709")
ch = "inc-orders-0709"
s.say(ch, T(D + "15:23:40"), "U9LENA", "orders-api: POST /v1/cart/items and POST /v1/orders ~40-90% 5xx since ~10:04, reads fine. lots of redis errors")
s.say(ch, WRONG, "U9LENA", "catalog-api 2.31.0 went out at 09:41 - could the new price payload be breaking cart reservations?")
s.say(ch, ROLLBACK_Q, "U9DEV", "should we roll back catalog-api?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U9ANA", "catalog looks healthy on our side and its errors are flat. yours are redis exceptions, not parsing")
s.say(ch, DIAG1, "U9LENA", "got it: errors are `READONLY You can't write against a read only replica` from orders-cache. AWS failed the primary over at 10:04 (elasticache events: failover to orders-cache-002), the old node came back as a replica and our pods still talk to it - lettuce reconnects to the cached IP 10.60.12.45")
s.say(ch, PARTIAL, "U9LENA", "deleting 3 orders-api pods as a test, new pods should resolve the endpoint again")
s.say(ch, add(PARTIAL, seconds=150), "U9LENA", "the 3 new pods connect to 10.60.14.211 and are clean. error ratio ~90% -> ~70%. the other 9 still stale")
s.say(ch, add(ACK, seconds=30), "U9CHRIS", "got the escalation, acked. sorry, Sam is out today and nobody swapped the shift. catching up")
s.say(ch, add(ACK, seconds=100), "U9CHRIS", "agree with the restart. go ahead with the whole deployment")
s.say(ch, RESTART, "U9LENA", "kubectl rollout restart deploy/orders-api -n orders")
s.say(ch, add(MITIGATED, seconds=40), "U9LENA", "rollout complete, all 12 pods on 10.60.14.211, no 5xx on writes")
s.say(ch, DIAG2, "U9CHRIS", "and why nobody got paged: alertmanager-0 logs `Notify for alerts failed ... 400 Invalid routing key` for orders-page/pagerduty[0] on every notify since 10:08. the orders-api PD integration was deleted by yesterday's terraform consolidation (#431), AM still had its key. only the slack half of the receiver worked. AlertmanagerFailedToSendAlerts fired too but it only goes to #platform-alerts")
s.say(ch, add(DIAG2, seconds=80), "U9DEREK", "that's on me, I didn't check what sent to that integration before deleting it. new key is in the Orders service")
s.say(ch, add(AM_RELOAD, seconds=20), "U9CHRIS", "alertmanager reloaded with the new key, sending a test alert")
s.say(ch, add(TEST_PAGE, seconds=60), "U9CHRIS", "test alert reached PD and paged. routing fixed")
s.say(ch, T(D + "16:20:00"), "U9LENA", "replayed the 212 failed order submissions from the DLQ, all went through")
s.say(ch, add(RESOLVED, seconds=-15), "U9CHRIS", "resolving. follow-ups: DNS TTL / lettuce topology refresh on failover, routing-key canary, page on AlertmanagerFailedToSendAlerts for pagerduty, on-call swap process")
s.bot("status", STATUS, "B9SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Adding to cart and placing orders",
      "title": "Investigating - Some customers can't add to cart or place orders", "text": "We are investigating errors when adding items to the cart and placing orders.",
      "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=7), "B9SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Orders",
      "title": "Monitoring - Orders", "text": "Orders are working normally again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.write(inc, "chat")

inc.truth(
    "orders-pd-routing-key", "pagerduty-integration-deleted-page-undelivered-cache-failover",
    "AWS fails the orders ElastiCache primary over and orders-api keeps writing to the old node, now a replica (READONLY); the page fires but\n"
    "PagerDuty rejects every notify (integration deleted by the previous day's Terraform), a developer pages by hand, the ack comes via escalation; pod restarts end it.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "ElastiCache: recovering orders-cache-001 (primary); orders-api Redis timeouts begin", "aws/orders-cache.json", 60),
     (ALERT, "alert_fired", "OrdersApiErrorRatio (severity page) fires; only the Slack copy is delivered", "monitoring/archive.ndjson", 60),
     (PAGE, "paged", "Lena triggers PagerDuty #30877 by hand", "oncall/orders.json", 60),
     (DIAG1, "diagnosis", "Lena: READONLY from the old primary after AWS failover; pods hold the cached IP", "chat", 90),
     (PARTIAL, "mitigation", "3 orders-api pods deleted; new ones connect to the new primary (partial)", "chat", 90),
     (ACK, "acknowledged", "Chris acknowledges after escalation by timeout", "oncall/orders.json", 60),
     (RESTART, "mitigation", "kubectl rollout restart deploy/orders-api", "chat", 90),
     (MITIGATED, "recovery", "write errors stop as the rollout completes", "orders/api-0709.ndjson", 60),
     (DIAG2, "diagnosis", "Chris: PD integration deleted by #431, Alertmanager used its routing key", "chat", 90),
     (STATUS, "communication", "Statuspage: some customers can't add to cart or place orders", "chat", 90),
     (ALERT_OK, "alert_resolved", "OrdersApiErrorRatio resolved", "monitoring/archive.ndjson", 90),
     (RESOLVED, "resolved", "PagerDuty #30877 resolved", "oncall/orders.json", 60)],
    [(CRON[-1], "orders-archive CronJob fails every day at ~14:00 UTC (KubeJobFailed)", "monitoring/archive.ndjson"),
     (OTHER_DEPLOY, "catalog team's catalog-api 2.31.0", "infra/history.txt"),
     (ES_FLAPS[0][0], "ElasticsearchClusterYellow (search) flapping, own PagerDuty incident", "oncall/orders.json"),
     (ES_FLAPS[1][0], "ElasticsearchClusterYellow flap", "monitoring/archive.ndjson"),
     (ES_FLAPS[2][0], "ElasticsearchClusterYellow flap", "monitoring/archive.ndjson"),
     (WRONG, "wrong hunch: catalog-api 2.31.0 price payload", "chat"),
     (ROLLBACK_Q, "'should we roll back catalog-api?' question, not done", "chat"),
     (TEST_PAGE, "routing test alert and its PagerDuty incident #30881", "oncall/orders.json"),
     (T("2026-07-09 09:12:40"), "sessions-cache node restart in the morning, unrelated", "aws/orders-cache.json"),
     (T(D + "16:00:00"), "steady tax-calculator latency warnings and msteams-finance notify retries all window", "orders/api-0709.ndjson")],
    [("orders/api-0709.ndjson", "logs"), ("aws/orders-cache.json", "logs"), ("monitoring/router-0.txt", "logs"), ("monitoring/archive.ndjson", "alertmanager-webhook"),
     ("dash/orders-writes.json", "prometheus-query-range"), ("infra/history.txt", "git-log"), ("oncall/orders.json", "pagerduty-log-entries"),
     ("chat", "slack-export")])
