"""retired6/cart-redis-az-packetloss: packet loss inside one cloud zone cuts the cart Redis primary off intermittently; replication breaks first, then cart-api times out, and Sentinel never reaches quorum (two of three sentinels are in the same zone) until a manual SENTINEL FAILOVER."""
import random
from common import *

rng = random.Random(20260909)
inc = Incident("retired6", "cart-redis-az-packetloss")
D = "2026-09-09 "
W0, W1 = T(D + "09:00:00"), T(D + "11:30:00")
CRON = [T("2026-09-%02d 09:30:%02d" % (d, 30 + d)) for d in (6, 7, 8, 9)]
LOSS = T(D + "09:47:12")
STARTED = T(D + "09:47:38")
SDOWN = T(D + "09:48:05")
REPL_ALERT = T(D + "09:49:10")
CUST = T(D + "09:53:20")
PAGE_ALERT = T(D + "09:57:00")
PAGE = T(D + "09:57:01")
ACK = T(D + "10:01:30")
OTHER_DEPLOY = T(D + "10:03:15")
ROLLBACK_Q = T(D + "10:04:20")
AWS_POST = T(D + "10:05:40")
WRONG = T(D + "10:06:10")
DIAG = T(D + "10:08:40")
STATUS = T(D + "10:10:00")
FAILOVER = T(D + "10:14:05")
SWITCH = T(D + "10:14:09")
MITIGATED = T(D + "10:14:38")
ALERT_OK = T(D + "10:19:00")
AWS_OK = T(D + "10:52:30")
RESOLVED = T(D + "11:05:20")
OLD, NEW = "10.40.2.15", "10.40.1.22"


def lossy(t):
    return LOSS <= t < AWS_OK


def rlog(t, pid, role, lvl, msg):
    return "%d:%s %s.%03d %s %s" % (pid, role, t.strftime("%d %b %Y %H:%M:%S"), t.microsecond // 1000, lvl, msg)


# ---- redis-cart-1 (replica in az1, becomes primary) server log
r1 = []
def R(t, lvl, msg, role="S"):
    r1.append((t, rlog(t, 1, role, lvl, msg)))
R(T(D + "06:12:44"), "*", "Background saving started by pid 3811")
R(T(D + "06:12:46"), "*", "Background saving terminated with success")
R(STARTED, "#", "Connection with master lost.")
R(add(STARTED, seconds=0.001), "*", "Caching the disconnected master state.")
t = add(STARTED, seconds=1)
up = False
while t < FAILOVER:
    if up:
        R(t, "#", "MASTER timeout: no data nor PING received...")
        R(add(t, seconds=0.001), "#", "Connection with master lost.")
        R(add(t, seconds=0.002), "*", "Caching the disconnected master state.")
        up = False
        t = add(t, seconds=rng.uniform(1, 3))
    else:
        R(t, "*", "Connecting to MASTER %s:6379" % OLD)
        R(add(t, seconds=0.001), "*", "MASTER <-> REPLICA sync started")
        if rng.random() < (0.45 if t < CUST else 0.2):
            R(add(t, seconds=0.4), "*", "Non blocking connect for SYNC fired the event.")
            R(add(t, seconds=0.9), "*", "Master replied to PING, replication can continue...")
            R(add(t, seconds=1.3), "*", "Trying a partial resynchronization (request 6f1c0a9e27d54b8f9e3aa1c07b2d4e1f7a80c3d5:%d)." % (88121000000 + int(epoch(t)) % 100000))
            R(add(t, seconds=1.8), "*", "Successful partial resynchronization with master.")
            up = True
            t = add(t, seconds=rng.uniform(20, 70))
        else:
            R(add(t, seconds=10), "#", "Timeout connecting to the MASTER...")
            R(add(t, seconds=10.001), "*", "Reconnecting to MASTER %s:6379 after failure" % OLD)
            t = add(t, seconds=11)
R(add(SWITCH, seconds=0.3), "*", "Discarding previously cached master state.", "M")
R(add(SWITCH, seconds=0.3), "*", "Setting secondary replication ID to 6f1c0a9e27d54b8f9e3aa1c07b2d4e1f7a80c3d5, valid up to offset: 88121456211. New replication ID is c02e5d1b8a7f46e39d0b2a6c41f8e9d7b3a5c610", "M")
R(add(SWITCH, seconds=0.31), "*", "MASTER MODE enabled (user request from 'id=912 addr=10.40.1.9:40112 laddr=10.40.1.22:6379 fd=31 name=sentinel-a-cmd age=1588 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=188 qbuf-free=20286 argv-mem=4 multi-mem=169 tot-net-in=41113 tot-net-out=918811 tot-cmds=3141')", "M")
R(add(SWITCH, seconds=2.1), "*", "Replica 10.40.3.31:6379 asks for synchronization", "M")
R(add(SWITCH, seconds=2.2), "*", "Partial resynchronization request from 10.40.3.31:6379 accepted. Sending 0 bytes of backlog starting from offset 88121456212.", "M")
R(T(D + "10:47:02"), "*", "Replica %s:6379 asks for synchronization" % OLD, "M")
R(T(D + "10:47:02"), "*", "Full resync requested by replica %s:6379" % OLD, "M")
R(T(D + "10:47:05"), "*", "Synchronization with replica %s:6379 succeeded" % OLD, "M")
for d in range(0, 2):
    tt = T(D + "%02d:12:44" % (9 + d * 2))
    if W0 <= tt <= W1:
        R(tt, "*", "1 changes in 3600 seconds. Saving...", "S" if tt < SWITCH else "M")
r1.sort(key=lambda x: x[0])
inc.lines("redis-cart-1.log", [l for _, l in r1])

# ---- sentinel-a (az1) log
sa = []
def S(t, lvl, msg):
    sa.append((t, rlog(t, 7, "X", lvl, msg)))
S(T(D + "08:02:11"), "#", "+tilt #tilt mode entered")  # a short TILT on a VM pause early morning, unrelated
S(T(D + "08:02:41"), "#", "-tilt #tilt mode exited")
t = SDOWN
k = 0
while t < FAILOVER:
    S(t, "#", "+sdown master cart %s 6379" % OLD)
    dur = rng.uniform(8, 40) if t < CUST else rng.uniform(30, 110)
    e = add(t, seconds=dur)
    if e >= FAILOVER:
        break
    S(e, "#", "-sdown master cart %s 6379" % OLD)
    t = add(e, seconds=rng.uniform(15, 60) if t < CUST else rng.uniform(3, 15))
    k += 1
S(FAILOVER, "#", "Executing user requested FAILOVER of 'cart'")
S(add(FAILOVER, seconds=0.001), "#", "+new-epoch 14")
S(add(FAILOVER, seconds=0.002), "#", "+try-failover master cart %s 6379" % OLD)
S(add(FAILOVER, seconds=0.01), "#", "+vote-for-leader 4c1e7f02a9d35b68e0c1f4a72d9b3e5c6a8f0d11 14")
S(add(FAILOVER, seconds=0.02), "#", "+failover-state-select-slave master cart %s 6379" % OLD)
S(add(FAILOVER, seconds=0.1), "#", "+selected-slave slave %s:6379 %s 6379 @ cart %s 6379" % (NEW, NEW, OLD))
S(add(FAILOVER, seconds=0.1), "*", "+failover-state-send-slaveof-noone slave %s:6379 %s 6379 @ cart %s 6379" % (NEW, NEW, OLD))
S(add(FAILOVER, seconds=0.5), "*", "+failover-state-wait-promotion slave %s:6379 %s 6379 @ cart %s 6379" % (NEW, NEW, OLD))
S(add(SWITCH, seconds=-1.2), "#", "+promoted-slave slave %s:6379 %s 6379 @ cart %s 6379" % (NEW, NEW, OLD))
S(add(SWITCH, seconds=-1.1), "#", "+failover-state-reconf-slaves master cart %s 6379" % OLD)
S(add(SWITCH, seconds=-0.9), "*", "+slave-reconf-sent slave 10.40.3.31:6379 10.40.3.31 6379 @ cart %s 6379" % OLD)
S(add(SWITCH, seconds=-0.2), "#", "+failover-end master cart %s 6379" % OLD)
S(SWITCH, "#", "+switch-master cart %s 6379 %s 6379" % (OLD, NEW))
S(add(SWITCH, seconds=0.01), "*", "+slave slave 10.40.3.31:6379 10.40.3.31 6379 @ cart %s 6379" % NEW)
S(add(SWITCH, seconds=0.01), "*", "+slave slave %s:6379 %s 6379 @ cart %s 6379" % (OLD, OLD, NEW))
S(add(SWITCH, seconds=30.5), "#", "+sdown slave %s:6379 %s 6379 @ cart %s 6379" % (OLD, OLD, NEW))
S(T(D + "10:46:58"), "#", "-sdown slave %s:6379 %s 6379 @ cart %s 6379" % (OLD, OLD, NEW))
S(T(D + "10:47:08"), "*", "+convert-to-slave slave %s:6379 %s 6379 @ cart %s 6379" % (OLD, OLD, NEW))
sa.sort(key=lambda x: x[0])
inc.lines("sentinel-a.log", [l for _, l in sa])

# ---- cart-api JSON lines (zap), gzipped
ca = []
def J(t, lvl, msg, **kw):
    ca.append((t, jline({"level": lvl, "ts": iso(t, ms=True), "caller": kw.pop("caller", "cart/handler.go:212"), "msg": msg, **kw})))
for t in poisson_times(rng, W0, W1, 0.6):
    rid = hexid(rng, 16)
    pod = "cart-api-6d8f7b9c4-%s" % rng.choice(["x2k9p", "m4q7z", "h8v2c", "t6n3r"])
    if CUST <= t < MITIGATED and rng.random() < 0.55:
        J(t, "error", "get cart failed", caller="cart/store/redis.go:88", pod=pod, request_id=rid,
          error="redis: dial tcp %s:6379: i/o timeout" % OLD if rng.random() < 0.4 else "read tcp 10.60.%d.%d:%d->%s:6379: i/o timeout" % (rng.randint(0, 3), rng.randint(2, 250), rng.randint(32768, 60999), OLD),
          latency_ms=rng.randint(500, 3000), status=503)
    else:
        J(t, "info", "request", caller="cart/middleware.go:61", pod=pod, request_id=rid, method=rng.choice(["GET", "GET", "POST"]),
          path=rng.choice(["/v2/cart", "/v2/cart/items", "/v2/cart/summary"]), status=200, latency_ms=rng.randint(2, 40))
for t in poisson_times(rng, W0, W1, 1 / 90.0):  # benign: coupon lookups for expired codes
    J(t, "warn", "coupon lookup returned 404", caller="cart/promo/client.go:140", code="SUMMER%d" % rng.randint(10, 30), upstream="promo-svc")
for t in poisson_times(rng, W0, W1, 1 / 150.0):  # benign: client disconnects
    J(t, "warn", "request canceled by client", caller="cart/middleware.go:74", error="context canceled")
J(CUST, "error", "get cart failed", caller="cart/store/redis.go:88", pod="cart-api-6d8f7b9c4-m4q7z", request_id="9c01d2e34f5a6b70",
  error="redis: dial tcp %s:6379: i/o timeout" % OLD, latency_ms=3000, status=503)
J(add(MITIGATED, seconds=-0.5), "error", "get cart failed", caller="cart/store/redis.go:88", pod="cart-api-6d8f7b9c4-h8v2c", request_id="1f2e3d4c5b6a7988",
  error="read tcp 10.60.2.41:51022->%s:6379: i/o timeout" % OLD, latency_ms=2998, status=503)
J(add(SWITCH, seconds=1.4), "info", "sentinel: new master", caller="go-redis/sentinel.go:741", master="cart", addr="%s:6379" % NEW)
CRON_POD = "cart-abandoned-export-29790330-qj7wd"
J(add(CRON[-1], seconds=-28), "info", "abandoned-cart export started", caller="jobs/export.go:33", pod=CRON_POD)
J(CRON[-1], "error", "abandoned-cart export failed", caller="jobs/export.go:71", pod=CRON_POD,
  error="sftp: handshake failed: ssh: unable to authenticate, attempted methods [none publickey]")
ca.sort(key=lambda x: x[0])
inc.lines("cart-api.jsonl.gz", [l for _, l in ca])

# ---- redis_exporter scrape dump (OpenMetrics, 60 s)
def pts(fn):
    return [(t, fn(t)) for t in frange(W0, W1, 60)]
def slaves0(t):
    if t < STARTED:
        return 2
    if t < SWITCH:
        return 1 + (1 if (int(epoch(t)) // 60) % 3 == 0 and t < CUST else 0)
    return 0
inc.write("redis-exporter.txt", openmetrics([
    ("redis_connected_slaves", "gauge", "connected_slaves metric",
     [({"instance": "redis-cart-0:9121", "az": "euw1-az2"}, pts(lambda t: slaves0(t) if t < SWITCH else 0)),
      ({"instance": "redis-cart-1:9121", "az": "euw1-az1"}, pts(lambda t: 0 if t < SWITCH else (1 if t < T(D + "10:47:05") else 2)))]),
    ("redis_master_link_up", "gauge", "master_link_up metric",
     [({"instance": "redis-cart-1:9121", "az": "euw1-az1"}, pts(lambda t: 1 if t < STARTED else (0 if t < SWITCH else 1))),
      ({"instance": "redis-cart-2:9121", "az": "euw1-az3"}, pts(lambda t: 1 if t < STARTED or t >= SWITCH else (0 if (int(epoch(t)) // 60) % 2 else 1)))]),
    ("redis_commands_duration_seconds", "counter", "Total amount of time in seconds spent per command",
     [({"instance": "redis-cart-0:9121", "az": "euw1-az2", "cmd": "hgetall"},
       [(t, 81233.5 + (epoch(t) - epoch(W0)) * 0.021) for t in frange(W0, W1, 60)])]),
    ("redis_up", "gauge", "Information about the Redis instance",
     [({"instance": "redis-cart-0:9121", "az": "euw1-az2"}, pts(lambda t: 0 if lossy(t) and (int(epoch(t)) // 60) % 4 == 1 else 1))]),
]))

# ---- alertmanager API snapshot (amtool alert query -o json) at 10:07
SNAP = T(D + "10:07:00")
al = [
    amtool_alert("RedisReplicationBroken", {"instance": "redis-cart-1:9121", "cluster": "cart", "severity": "warning", "team": "platform-data"},
                 "redis-cart-1 lost its link to the master", REPL_ALERT, SNAP, receivers=("slack-platform",)),
    amtool_alert("CartApiErrorRate", {"service": "cart-api", "namespace": "cart", "severity": "page", "team": "cart"},
                 "cart-api 5xx ratio above 5% for 3m", PAGE_ALERT, SNAP, receivers=("pagerduty-cart",), desc="5xx ratio is 52.3%"),
    amtool_alert("KubeJobFailed", {"namespace": "cart", "job_name": "cart-abandoned-export-29790330", "severity": "warning", "team": "cart"},
                 "Job cart/cart-abandoned-export-29790330 failed to complete", add(CRON[-1], seconds=40), SNAP, receivers=("slack-cart",)),
    amtool_alert("ElasticsearchClusterYellow", {"cluster": "search-logs", "severity": "warning", "team": "observability"},
                 "search-logs cluster health is yellow", T(D + "10:04:30"), SNAP, receivers=("slack-obs",)),
    amtool_alert("HostClockNotSynchronising", {"instance": "bastion-1:9100", "severity": "info", "team": "platform"},
                 "clock not synchronising on bastion-1", T("2026-09-08 22:10:00"), SNAP, receivers=("null",), state="suppressed",
                 silenced_by=("b6e2a1c4-0d37-4f9a-8e15-5c2b7a9d3e01",)),
]
inc.json("alerts-snapshot.json", al)

# ---- pagerduty log entries
pd = PD(31207, "CartApiErrorRate cart-api 5xx ratio above 5% for 3m", "cart-api", "PCART01", esc_policy="Cart Primary")
nadia = PD.user("Nadia Haddad", "PNADHAD")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMCRT1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Nadia Haddad by push notification.", user=nadia)
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Nadia Haddad by phone.", user=nadia)
pd.add(ACK, "acknowledge_log_entry", nadia, {"type": "phone"}, "Acknowledged by Nadia Haddad.")
pd.add(add(DIAG, seconds=90), "annotate_log_entry", nadia, {"type": "web_ui", "summary": "AZ2 packet loss; sentinels lack quorum, failing over manually"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", nadia, {"type": "web_ui"}, "Resolved by Nadia Haddad.")
inc.json("pd-export.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r, tz in [("U5NADIA", "nadia", "Nadia Haddad", "Europe/Dublin"), ("U5OWEN", "owen", "Owen Brady", "Europe/Dublin"),
                    ("U5KASIA", "kasia", "Katarzyna Nowak", "Europe/Warsaw"), ("U5LEO", "leo", "Leo Fontaine", "Europe/Paris"),
                    ("U5SUP", "grace.support", "Grace Murphy", "Europe/Dublin")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C5PLAT", "platform-alerts", "platform alert feed"), ("C5CART", "cart-alerts", "cart alert feed"),
                  ("C5DEP", "deploys", ""), ("C5AWS", "aws-health", "AWS Health events for account prod-eu"),
                  ("C5INC", "inc-cart-errors", "cart 503s 2026-09-09")]:
    s.channel(cid, n, p, created=T("2025-04-01 00:00:00") if not n.startswith("inc") else add(ACK, minutes=1))
for c in CRON:
    s.bot("cart-alerts", add(c, seconds=70), "B5AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job cart/cart-abandoned-export failed to complete\nteam: cart", color="warning"))
s.bot("platform-alerts", add(REPL_ALERT, seconds=30), "B5AM", "alertmanager",
      attachments=am_slack_attachment("firing", "RedisReplicationBroken", "redis-cart-1 lost its link to the master\ncluster: cart", color="warning"))
for i, st in enumerate([T(D + "09:12:30"), T(D + "09:41:00"), T(D + "10:04:30"), T(D + "10:38:00")]):  # flapping, observability team
    s.bot("platform-alerts", add(st, seconds=30), "B5AM", "alertmanager",
          attachments=am_slack_attachment("firing", "ElasticsearchClusterYellow", "search-logs cluster health is yellow", color="warning"))
    s.bot("platform-alerts", add(st, minutes=11), "B5AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "ElasticsearchClusterYellow", "search-logs cluster health is yellow"))
s.bot("cart-alerts", add(PAGE_ALERT, seconds=30), "B5AM", "alertmanager",
      attachments=am_slack_attachment("firing", "CartApiErrorRate", "cart-api 5xx ratio above 5% for 3m\n5xx ratio is 52.3%"))
s.bot("cart-alerts", add(ALERT_OK, seconds=30), "B5AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "CartApiErrorRate", "cart-api 5xx ratio above 5% for 3m"))
s.bot("platform-alerts", add(SWITCH, seconds=75), "B5AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "RedisReplicationBroken", "redis-cart-1 lost its link to the master"))
s.bot("deploys", OTHER_DEPLOY, "B5ARGO", "argocd",
      blocks=pd_slack_blocks(":white_check_mark: Application *payments-api-prod* sync succeeded to revision `4f0a9c2` (Leo Fontaine)"))
s.bot("deploys", T("2026-09-08 18:40:12"), "B5ARGO", "argocd",
      blocks=pd_slack_blocks(":white_check_mark: Application *cart-api-prod* sync succeeded to revision `v4.8.0` (Owen Brady)"))
s.bot("aws-health", AWS_POST, "B5AWS", "AWS Health",
      attachments=[{"color": "ECB22E", "title": "[Investigating] Increased packet loss - EC2 (eu-west-1)",
                    "fallback": "Increased packet loss euw1-az2",
                    "text": "We are investigating increased packet loss for network traffic to and from instances in a single Availability Zone (euw1-az2) in the EU-WEST-1 Region.",
                    "mrkdwn_in": ["text"]}])
s.bot("aws-health", add(AWS_OK, minutes=4), "B5AWS", "AWS Health",
      attachments=[{"color": "2EB67D", "title": "[Resolved] Increased packet loss - EC2 (eu-west-1)", "fallback": "Resolved packet loss euw1-az2",
                    "text": "Between 09:47 AM and 10:52 AM UTC we experienced increased packet loss for traffic to and from instances in a single Availability Zone (euw1-az2). The issue has been resolved and the service is operating normally.",
                    "mrkdwn_in": ["text"]}])
ch = "inc-cart-errors"
s.say(ch, add(ACK, minutes=1, seconds=10), "U5NADIA", "acked the cart page. about half of cart requests 503 with redis i/o timeouts to 10.40.2.15")
s.say(ch, ROLLBACK_Q, "U5OWEN", "should we roll back cart-api to 4.7.3? 4.8.0 went out last night")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U5NADIA", "4.8.0 ran fine for 15 hours, and the timeouts are at the TCP level. holding off")
s.say(ch, WRONG, "U5KASIA", "could redis be out of memory and blocking on evictions? we raised maxmemory-policy last month")
s.say(ch, add(WRONG, seconds=80), "U5NADIA", "used_memory is flat at 61%, no evictions")
s.say(ch, DIAG, "U5NADIA", "redis-cart-0 (the primary) is in euw1-az2 and AWS just posted packet loss there. the replica has been losing the master since 09:47. sentinel b and c are both in az2, so they never agree on odown and no automatic failover happens")
s.say(ch, STATUS, "U5SUP", "status page: \"Some customers can't add items to their basket. We're working on it.\"")
s.say(ch, add(FAILOVER, seconds=-20), "U5KASIA", "running SENTINEL FAILOVER cart on sentinel-a to promote redis-cart-1 (az1)")
s.say(ch, add(MITIGATED, seconds=40), "U5KASIA", "+switch-master to 10.40.1.22 done, cart-api clients reconnected, errors gone since ~10:14:40")
s.say(ch, T(D + "10:58:10"), "U5NADIA", "AWS marked the az2 packet loss resolved. redis-cart-0 rejoined as replica at 10:47")
s.say(ch, add(RESOLVED, seconds=-30), "U5NADIA", "resolving. follow-ups: spread sentinels across 3 AZs, alert on sdown without odown")
s.write(inc, "slack")

F = lambda p, k, tz=None: (p, k, tz)
inc.truth(
    "cart-redis-az-packetloss", "az-network-impairment-sentinel-no-quorum",
    "Packet loss in one cloud zone (euw1-az2) cut the cart Redis primary off intermittently: replication broke at 09:47, cart-api\n"
    "timed out from 09:53, and Sentinel (2 of 3 sentinels in the same zone) never failed over until a manual SENTINEL FAILOVER.",
    (W0, W1),
    dict(started=STARTED, detected=REPL_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "redis-cart-1 loses its connection to the master (az2 packet loss)", "redis-cart-1.log", 60),
     (REPL_ALERT, "alert_fired", "RedisReplicationBroken warning (Slack only)", "alerts-snapshot.json", 60),
     (PAGE_ALERT, "alert_fired", "CartApiErrorRate (page) firing", "alerts-snapshot.json", 60),
     (PAGE, "paged", "PagerDuty #31207 triggered, Nadia notified", "pd-export.json", 60),
     (ACK, "acknowledged", "Nadia acknowledges #31207", "pd-export.json", 60),
     (DIAG, "diagnosis", "Nadia: primary in az2 behind AWS packet loss; sentinels lack quorum so no failover", "slack", 60),
     (STATUS, "communication", "status page: some customers can't add items to basket", "slack", 60),
     (FAILOVER, "mitigation", "manual SENTINEL FAILOVER cart; redis-cart-1 promoted", "sentinel-a.log", 60),
     (MITIGATED, "recovery", "last cart-api redis timeout; clients on new master", "cart-api.jsonl.gz", 60),
     (ALERT_OK, "alert_resolved", "CartApiErrorRate resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #31207 resolved", "pd-export.json", 60)],
    [(CRON[-1], "daily cart-abandoned-export job fails on SFTP auth (KubeJobFailed), every day ~09:30", "cart-api.jsonl.gz"),
     (OTHER_DEPLOY, "payments team syncs payments-api-prod", "slack"),
     (T("2026-09-08 18:40:12"), "cart-api v4.8.0 deployed the evening before - not the cause", "slack"),
     (T(D + "09:41:00"), "ElasticsearchClusterYellow flapping for observability", "slack"),
     (ROLLBACK_Q, "'should we roll back cart-api to 4.7.3?' question, not done", "slack"),
     (WRONG, "wrong hunch: Redis out of memory / evictions", "slack"),
     (T(D + "08:02:11"), "sentinel TILT during an early VM pause, unrelated", "sentinel-a.log"),
     (T(D + "10:00:00"), "steady coupon 404 warnings and client-canceled requests all window", "cart-api.jsonl.gz")],
    [F("redis-cart-1.log", "logs"), F("sentinel-a.log", "logs"), F("cart-api.jsonl.gz", "logs"),
     F("redis-exporter.txt", "openmetrics"), F("alerts-snapshot.json", "alertmanager-api-alerts"),
     F("pd-export.json", "pagerduty-log-entries"), F("slack", "slack-export")])
