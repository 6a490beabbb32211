"""retired9/orders-kafka-vendor-ca: the managed-Kafka vendor's rolling maintenance brings brokers back with a certificate
from a new intermediate CA; our clients pin the old intermediate, so handshakes to the restarted brokers fail (a precursor
minutes before checkout errors) and order submits for their partitions fail until the vendor reverts the listener certs."""
import random
from common import *

rng = random.Random(20260729)
inc = Incident("retired9", "orders-kafka-vendor-ca")
D = "2026-07-29 "
W0, W1 = T(D + "08:30:00"), T(D + "11:00:00")
CRON = [T("2026-07-%02d 02:00:%02d" % (d, 11 + 4 * i)) for i, d in enumerate((26, 27, 28, 29))]
MAINT = T(D + "09:09:40")          # vendor maintenance window opens (vendor channel)
B0_DOWN, B0_UP = T(D + "09:10:02"), T(D + "09:12:48")
STARTED = T(D + "09:13:05")        # first SSL handshake failure to b0
LEAD0 = T(D + "09:18:00")          # preferred leader election hands b0 its partitions back
CUST = T(D + "09:18:33")           # first order submit 503
WARN_A = T(D + "09:21:10")
B1_DOWN, B1_UP = T(D + "09:24:10"), T(D + "09:26:55")
PAGE_A = T(D + "09:23:40")
PAGE = T(D + "09:23:46")
ACK = T(D + "09:26:20")
WRONG1 = T(D + "09:29:40")
OTHER_DEPLOY = T(D + "09:30:15")
WRONG2 = T(D + "09:31:50")
LEAD1 = T(D + "09:33:00")
COMMS = T(D + "09:35:05")
ROLLBACK_Q = T(D + "09:38:10")
DIAG = T(D + "09:41:20")
DIAG2 = T(D + "09:44:00")
TICKET = T(D + "09:45:30")
PAUSE = T(D + "09:52:04")
REVERT0, REVERT1 = T(D + "10:04:31"), T(D + "10:05:08")
VENDOR_MSG = T(D + "10:05:40")
MITIGATED = T(D + "10:05:10")
WARN_OK = T(D + "10:08:10")
ALERT_OK = T(D + "10:09:40")
LAG_OK = T(D + "10:14:30")
RESOLVED = T(D + "10:31:00")
BROKERS = {0: "b0-pkc-8kq2w.us-west-2.streamhub.cloud", 1: "b1-pkc-8kq2w.us-west-2.streamhub.cloud", 2: "b2-pkc-8kq2w.us-west-2.streamhub.cloud"}
IPS = {0: "10.90.4.12", 1: "10.90.5.31", 2: "10.90.6.9"}

def bad_brokers(t):
    out = []
    if B0_UP <= t < REVERT0:
        out.append(0)
    if B1_UP <= t < REVERT1:
        out.append(1)
    return out
def bad_partitions(t):
    """orders.placed has 12 partitions, leaders spread 0,1,2,0,1,2,..."""
    n = 0
    if LEAD0 <= t < REVERT0:
        n += 4
    if LEAD1 <= t < REVERT1:
        n += 4
    return n
def failing_parts(t):
    """a submit fails at t when its record waited 30 s for a partition whose leader stayed unreachable"""
    return min(bad_partitions(t), bad_partitions(add(t, seconds=-34)))
def down(t):
    return [b for b, (a, z) in ((0, (B0_DOWN, B0_UP)), (1, (B1_DOWN, B1_UP))) if a <= t < z]

# ---- orders-api (Spring Boot, logback pattern, UTC)
ol = []
def O(t, lvl, th, lg, msg, extra=()):
    ol.append((t, "\n".join([logback(t, "UTC", lvl, th, lg, msg)] + list(extra))))
PKIX = ["javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)",
        "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)",
        "\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1304)",
        "\t... 19 common frames omitted"]
for t in poisson_times(rng, STARTED, REVERT1, 0.12):
    bb = bad_brokers(t)
    if not bb:
        continue
    b = rng.choice(bb)
    cid = rng.choice(["orders-api-producer-1", "orders-api-producer-2"])
    if rng.random() < 0.5:
        O(t, "WARN", "kafka-producer-network-thread | " + cid, "o.a.k.clients.NetworkClient",
          "[Producer clientId=%s] Connection to node %d (%s/%s:9092) failed authentication due to: SSL handshake failed" % (cid, b, BROKERS[b], IPS[b]))
    else:
        O(t, "ERROR", "kafka-producer-network-thread | " + cid, "o.a.k.common.network.Selector",
          "[Producer clientId=%s] Failed authentication with %s/%s (channelId=%d) (SSL handshake failed)" % (cid, BROKERS[b], IPS[b], b), PKIX)
O(STARTED, "WARN", "kafka-producer-network-thread | orders-api-producer-1", "o.a.k.clients.NetworkClient",
  "[Producer clientId=orders-api-producer-1] Connection to node 0 (%s/%s:9092) failed authentication due to: SSL handshake failed" % (BROKERS[0], IPS[0]))
for t in poisson_times(rng, W0, W1, 0.35):
    th = "http-nio-8080-exec-%d" % rng.randint(1, 120)
    oid = "ord_%s" % hexid(rng, 10)
    if rng.random() < failing_parts(t) / 12.0:
        p = rng.choice([0, 3, 6, 9] if failing_parts(t) == 4 and t < REVERT0 else [1, 4, 7, 10] if failing_parts(t) == 4 else [0, 1, 3, 4, 6, 7, 9, 10])
        O(t, "ERROR", th, "c.p.orders.submit.OrderSubmitService",
          "order submit failed order_id=%s store=st-%04d: org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for orders.placed-%d:30001 ms has passed since batch creation" % (oid, rng.randint(1, 2400), p))
        O(add(t, seconds=0.004), "WARN", th, "c.p.orders.web.AccessLog", "POST /v1/orders 503 30012ms order_id=%s" % oid)
    elif rng.random() < 0.3:
        O(t, "INFO", th, "c.p.orders.web.AccessLog", "POST /v1/orders 201 %dms order_id=%s" % (rng.randint(60, 240), oid))
O(CUST, "ERROR", "http-nio-8080-exec-41", "c.p.orders.submit.OrderSubmitService",
  "order submit failed order_id=ord_9d2c71e04b store=st-0871: org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for orders.placed-3:30001 ms has passed since batch creation")
O(add(CUST, seconds=0.004), "WARN", "http-nio-8080-exec-41", "c.p.orders.web.AccessLog", "POST /v1/orders 503 30011ms order_id=ord_9d2c71e04b")
O(add(MITIGATED, seconds=-2), "ERROR", "http-nio-8080-exec-77", "c.p.orders.submit.OrderSubmitService",
  "order submit failed order_id=ord_0b57e2a913 store=st-1422: org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for orders.placed-7:30002 ms has passed since batch creation")
O(add(MITIGATED, seconds=-1.996), "WARN", "http-nio-8080-exec-77", "c.p.orders.web.AccessLog", "POST /v1/orders 503 30010ms order_id=ord_0b57e2a913")
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    O(t, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 120), "c.p.orders.address.AddressClient",
      "address validation timed out after 800ms, accepting unverified address (provider=smartaddr)")
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    O(t, "WARN", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s).")
for b, t in ((0, REVERT0), (1, REVERT1)):
    O(add(t, seconds=3), "INFO", "kafka-producer-network-thread | orders-api-producer-1", "o.a.k.clients.NetworkClient",
      "[Producer clientId=orders-api-producer-1] Node %d disconnected." % b)
inc.lines("orders-api.log", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- picker-sync (Python, structlog JSON lines; librdkafka messages relayed)
pl = []
def P(t, level, event, **kw):
    pl.append((t, jline({"timestamp": iso_us(t), "level": level, "logger": kw.pop("logger", "picker_sync.worker"), "service": "picker-sync",
                         "pod": kw.pop("pod", "picker-sync-5f6b8d7c4-%s" % rng.choice(["k2n8q", "r7xvd", "z4mhp"])), "event": event, **kw})))
def rdk(t, b):
    return "%%3|%.3f|FAIL|rdkafka#consumer-1| [thrd:ssl://%s:9092/%d]: ssl://%s:9092/%d: SSL handshake failed: error:0A000086:SSL routines::certificate verify failed: broker certificate could not be verified, verify that ssl.ca.location is correctly configured or root CA certificates are installed (install ca-certificates package) (after %dms in state SSL_HANDSHAKE)" % (
        epoch(t), BROKERS[b], b, BROKERS[b], b, rng.randint(28, 61))
for t in poisson_times(rng, STARTED, REVERT1, 0.08):
    bb = bad_brokers(t)
    if bb:
        P(t, "error", rdk(t, rng.choice(bb)), logger="confluent_kafka")
P(add(STARTED, seconds=2.4), "error", rdk(add(STARTED, seconds=2.4), 0), logger="confluent_kafka")
for t in poisson_times(rng, W0, W1, 0.12):
    part = rng.randint(0, 11)
    if part % 3 == 0 and LEAD0 <= t < add(REVERT0, seconds=5):
        continue
    if part % 3 == 1 and LEAD1 <= t < add(REVERT1, seconds=5):
        continue
    P(t, "info", "order dispatched to store tablet", topic="orders.placed", partition=part, offset=8841000 + int((t - W0).total_seconds() * 3) + part,
      order_id="ord_%s" % hexid(rng, 10), store="st-%04d" % rng.randint(1, 2400))
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    P(t, "warning", "store tablet ack timeout, will retry", store="st-%04d" % rng.randint(1, 2400), timeout_s=15)
for t, msg in ((LEAD0, "partitions 0,3,6,9: no fetch progress for 60s"), (LEAD1, "partitions 1,4,7,10: no fetch progress for 60s")):
    P(add(t, seconds=64), "warning", msg, topic="orders.placed", group="picker-sync")
inc.lines("picker-sync.jsonl", [l for _, l in sorted(pl, key=lambda x: x[0])])

# ---- OpenMetrics (vendor metrics export + our exporters), 30 s resolution
ts = list(frange(W0, W1, 30))
def urp(b):
    """reported by each live broker for the partitions it leads; a broker that is down reports nothing"""
    def f(t):
        if b in down(t):
            return None
        if down(t):
            return 58 + b
        for a, z, r in ((B0_UP, add(B0_UP, seconds=75), 0), (B1_UP, add(B1_UP, seconds=80), 1)):
            if a <= t < z and b != r:
                return 17 + b
        return 0
    return f
lag = 40.0
lagp = []
for t in ts:
    n = bad_partitions(t)
    if n:
        lag += n / 12.0 * 90 * 30 / 10
    elif t >= REVERT1:
        lag = max(35.0 + rng.random() * 10, lag - 620)
    else:
        lag = 35.0 + rng.random() * 10
    lagp.append((t, int(lag)))
ok = fail = 0.0
okp, failp = [], []
for t in ts:
    n = failing_parts(t)
    r = 3.1 + 0.4 * rng.random()
    ok += r * 30 * (1 - n / 12.0)
    fail += r * 30 * (n / 12.0)
    okp.append((t, int(ok)))
    failp.append((t, int(fail)))
hs = 0
hsp = []
for t in ts:
    hs += 6 * len(bad_brokers(t)) * 30 // 10
    hsp.append((t, hs))
inc.write("om-0729.txt", openmetrics([
    ("kafka_server_replicamanager_underreplicatedpartitions", "gauge", "Under-replicated partitions (vendor metrics API)",
     [({"cluster": "lkc-pantrio-prod", "broker": str(b)}, [(t, urp(b)(t)) for t in ts if urp(b)(t) is not None]) for b in (0, 1, 2)]),
    ("kafka_consumergroup_lag_sum", "gauge", "Sum of consumer group lag over partitions",
     [({"group": "picker-sync", "topic": "orders.placed"}, lagp)]),
    ("orders_submit", "counter", "Order submit attempts by outcome",
     [({"service": "orders-api", "outcome": "ok"}, okp), ({"service": "orders-api", "outcome": "error"}, failp)]),
    ("kafka_client_ssl_handshake_failures", "counter", "Client-side TLS handshake failures to brokers (JMX/stats exporter)",
     [({"service": "orders-api", "cluster": "lkc-pantrio-prod"}, hsp)]),
]))

# ---- Alertmanager API snapshot (GET /api/v2/alerts) taken 09:50
SNAP = T(D + "09:50:12")
al = [
    amtool_alert("CheckoutSubmitErrorRatio", {"service": "orders-api", "severity": "page", "team": "orders"},
                 "orders-api submit error ratio 61% (threshold 2%)", PAGE_A, SNAP, receivers=("pd-orders", "slack-orders")),
    amtool_alert("OrdersProducerRecordErrors", {"service": "orders-api", "severity": "warning", "team": "orders", "topic": "orders.placed"},
                 "orders-api Kafka producer record-error-rate > 0 for 2m", WARN_A, SNAP, receivers=("slack-orders",)),
    amtool_alert("ImgproxyP99High", {"service": "imgproxy", "severity": "warning", "team": "media"},
                 "imgproxy p99 > 1.5s", T(D + "09:47:40"), SNAP, receivers=("slack-media",)),
    amtool_alert("KubeJobFailed", {"namespace": "data-jobs", "job_name": "dwh-orders-export-29755320", "severity": "warning", "team": "data"},
                 "Job data-jobs/dwh-orders-export-29755320 failed to complete", add(CRON[-1], seconds=35), SNAP, receivers=("slack-data",)),
    amtool_alert("Watchdog", {"severity": "none"}, "An alert that should always be firing to certify that Alertmanager is working properly.",
                 T("2026-07-21 16:02:11"), SNAP, receivers=("deadmansswitch",)),
    amtool_alert("SearchIndexerLagHigh", {"service": "catalog-indexer", "severity": "warning", "team": "search"},
                 "catalog-indexer lag > 5 min", T(D + "07:58:20"), SNAP, receivers=("slack-search",), state="suppressed", silenced_by=("6f1a0c2e-search-reindex",)),
]
inc.json("am-0950.json", al)

# ---- PagerDuty v2 webhook deliveries (ndjson)
title = "CheckoutSubmitErrorRatio orders-api submit error ratio"
pd = PD(58831, title, "orders-api", "PORDR02", esc_policy="Orders Primary")
ana = PD.user("Ana Sousa", "PANASO1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod-usw2"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Ana Sousa by push notification.", user=ana)
pd.add(ACK, "acknowledge_log_entry", ana, {"type": "mobile"}, "Acknowledged by Ana Sousa.", user=ana)
pd.add(TICKET, "annotate_log_entry", ana, {"type": "web_ui", "summary": "P1 ticket opened with Streamhub (#SH-230187)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", ana, {"type": "web_ui"}, "Resolved by Ana Sousa.")
inc.lines("pd-hooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 58831, title, PAGE)])

# ---- Slack export
s = Slack()
for u, n, r in [("UANA", "ana", "Ana Sousa"), ("UMARC", "marcus", "Marcus Feld"), ("UKEMI", "kemi", "Kemi Adeyemi"),
                ("ULUCA", "luca", "Luca Bianchi"), ("URUTH", "ruth", "Ruth Navarro")]:
    s.user(u, n, r, "America/Los_Angeles")
s.user("USHBOT", "streamhub-support", "Streamhub Support (Slack Connect)", "UTC")
s.user("USHENG", "sh-oncall", "Streamhub On-call Engineer", "Europe/Dublin")
for cid, n in [("C02INC", "inc-orders-submit"), ("C02ORD", "orders-alerts"), ("C02DEP", "deploys"), ("C02DAT", "data-alerts"), ("C02VEN", "ext-streamhub")]:
    s.channel(cid, n)
for i, c in enumerate(CRON):
    s.bot("data-alerts", add(c, seconds=36), "BAM02", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job data-jobs/dwh-orders-export-%d failed to complete" % (29751000 + 1440 * i), color="warning"))
s.bot("orders-alerts", add(WARN_A, seconds=9), "BAM02", "alertmanager", attachments=am_slack_attachment(
    "firing", "OrdersProducerRecordErrors", "orders-api Kafka producer record-error-rate > 0 for 2m (topic orders.placed)", color="warning"))
s.bot("orders-alerts", add(PAGE_A, seconds=9), "BAM02", "alertmanager", attachments=am_slack_attachment(
    "firing", "CheckoutSubmitErrorRatio", "orders-api submit error ratio 27% (threshold 2%)"))
s.bot("orders-alerts", add(WARN_OK, seconds=9), "BAM02", "alertmanager", attachments=am_slack_attachment(
    "resolved", "OrdersProducerRecordErrors", "orders-api Kafka producer record-error-rate"))
s.bot("orders-alerts", add(ALERT_OK, seconds=9), "BAM02", "alertmanager", attachments=am_slack_attachment(
    "resolved", "CheckoutSubmitErrorRatio", "orders-api submit error ratio"))
for a, b in [(T(D + "08:51:10"), T(D + "08:55:40")), (T(D + "09:47:40"), T(D + "09:52:10")), (T(D + "10:36:10"), T(D + "10:39:40"))]:
    s.bot("orders-alerts", add(a, seconds=9), "BAM02", "alertmanager", attachments=am_slack_attachment("firing", "ImgproxyP99High", "imgproxy p99 > 1.5s (team media)", color="warning"))
    s.bot("orders-alerts", add(b, seconds=9), "BAM02", "alertmanager", attachments=am_slack_attachment("resolved", "ImgproxyP99High", "imgproxy p99"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=40), "BARGO2", "argocd", blocks=pd_slack_blocks(
    ":white_check_mark: Application *loyalty-api* sync succeeded, revision `3.9.1` (5be20c4) by luca.bianchi"))
v = "ext-streamhub"
s.say(v, T("2026-07-28 16:00:05"), "USHBOT", "Reminder: scheduled maintenance for cluster lkc-pantrio-prod on 2026-07-29 09:00-11:00 UTC (rolling broker restarts, security patches). No action required.")
s.say(v, MAINT, "USHBOT", "Maintenance started on lkc-pantrio-prod: rolling restart, 3 brokers, one at a time.")
s.say(v, TICKET, "UMARC", "P1 SH-230187: after your restarts b0 and b1 present a certificate chained to 'Streamhub Issuing CA R2' and our clients fail verification. please pause the maintenance before b2 and put the old chain back on b0/b1")
s.say(v, add(TICKET, seconds=260), "USHENG", "ack, looking. R2 was announced in the June notice but we can revert the listener keystore dynamically, no restart needed")
s.say(v, PAUSE, "USHBOT", "Maintenance on lkc-pantrio-prod paused after broker 1 (customer request).")
s.say(v, VENDOR_MSG, "USHENG", "listener certificates on b0 (10:04:31) and b1 (10:05:08) are back on the R1 chain via dynamic config. can you confirm clients reconnect?")
s.say(v, add(VENDOR_MSG, seconds=75), "UMARC", "confirmed, handshakes succeed and producers are flushing. thanks. we'll move our truststore to the root before you resume")
ch = "inc-orders-submit"
s.say(ch, add(ACK, seconds=30), "UANA", "acked. orders-api POST /v1/orders 503s, producer TimeoutExceptions on orders.placed, ~1/3 of partitions")
s.say(ch, WRONG1, "UKEMI", "is it the orders DB again? RDS did a failover last week and it looked like this")
s.say(ch, add(WRONG1, seconds=45), "UANA", "DB is fine, the errors are record expiries in the producer, we never get to the DB")
s.say(ch, WRONG2, "ULUCA", "fwiw loyalty-api 3.9.1 just went out, it consumes orders.placed too")
s.say(ch, add(WRONG2, seconds=40), "UANA", "it was already broken at 09:18, and loyalty doesn't produce to that topic")
s.say(ch, add(LEAD1, seconds=65), "UANA", "error ratio just doubled, now 8 of 12 partitions")
s.say(ch, COMMS, "URUTH", "status page: 'Some orders can't be placed right now, we're working on it' posted")
s.say(ch, ROLLBACK_Q, "UKEMI", "should we roll back orders-api to 7.2.0?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "UANA", "7.2.1 has been out since Monday, and picker-sync (python, untouched) is broken on the same partitions")
s.say(ch, DIAG, "UMARC", "got it: PKIX path building failed on every connection to b0 and b1, and both were just restarted by the Streamhub maintenance. the restarted brokers present a cert from 'Streamhub Issuing CA R2', our truststores only pin the R1 intermediate")
s.say(ch, DIAG2, "UANA", "found the June notice: they move broker certs to the R2 intermediate during July maintenance. we pinned the intermediate instead of the root, so only the restarted brokers fail")
s.say(ch, add(DIAG2, seconds=70), "UMARC", "opening a P1 with them to pause before b2 and revert b0/b1; rebuilding the truststore with the root in parallel as plan B")
s.say(ch, add(PAUSE, seconds=30), "UMARC", "they paused after b1, b2 untouched")
s.say(ch, add(MITIGATED, seconds=50), "UANA", "vendor reverted the certs on b0 and b1, submits succeed since 10:05, no more 503s")
s.say(ch, add(LAG_OK, seconds=40), "UANA", "picker-sync lag back to normal, stores have all orders")
s.say(ch, add(RESOLVED, seconds=-30), "UANA", "resolving. follow-ups: truststore -> root CA, subscribe on-call to vendor notices")
s.write(inc, "slack")

inc.truth(
    "orders-kafka-vendor-ca", "managed-kafka-maintenance-new-intermediate-ca-pinned-truststore",
    "The managed-Kafka vendor's rolling maintenance brought brokers back with a certificate from a new intermediate CA that our pinned\n"
    "truststores reject; handshakes to b0 failed minutes before order submits for its partitions (then b1's) failed, until the vendor reverted the listener certs.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_A, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(MAINT, "change", "vendor maintenance starts on lkc-pantrio-prod: rolling broker restarts (b0 down 09:10:02)", "slack", 60),
     (STARTED, "first_symptom", "first SSL handshake failure to restarted broker b0 (PKIX path building failed)", "orders-api.log", 60),
     (CUST, "first_symptom", "first order submit 503 (record expired for orders.placed-3) after b0 regains leadership", "orders-api.log", 60),
     (WARN_A, "alert_fired", "OrdersProducerRecordErrors warning", "slack", 60),
     (PAGE, "paged", "PagerDuty #58831 triggered (CheckoutSubmitErrorRatio)", "pd-hooks.ndjson", 60),
     (ACK, "acknowledged", "Ana Sousa acknowledges", "pd-hooks.ndjson", 60),
     (COMMS, "communication", "status page: some orders can't be placed", "slack", 60),
     (DIAG, "diagnosis", "Marcus: restarted brokers present a cert from Streamhub Issuing CA R2, truststores pin R1", "slack", 60),
     (REVERT1, "mitigation", "vendor reverts b0/b1 listener certificates to the R1 chain", "slack", 60),
     (MITIGATED, "recovery", "handshakes succeed, last submit 503", "orders-api.log", 60),
     (ALERT_OK, "alert_resolved", "CheckoutSubmitErrorRatio resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-hooks.ndjson", 60)],
    [(CRON[-1], "dwh-orders-export job fails every night at 02:00 UTC", "slack"),
     (OTHER_DEPLOY, "loyalty-api 3.9.1 Argo CD sync by another team", "slack"),
     (T(D + "09:47:40"), "ImgproxyP99High flapping (media team)", "slack"),
     (T(D + "07:58:20"), "SearchIndexerLagHigh, silenced (search team)", "am-0950.json"),
     (WRONG1, "wrong hunch: orders DB failover", "slack"),
     (WRONG2, "wrong hunch: loyalty-api deploy", "slack"),
     (ROLLBACK_Q, "'should we roll back orders-api?' question", "slack"),
     (T(D + "09:00:00"), "steady address-validation timeouts and store tablet ack timeouts all window", "orders-api.log")],
    [("orders-api.log", "logs"), ("picker-sync.jsonl", "logs"), ("om-0729.txt", "openmetrics"),
     ("am-0950.json", "alertmanager-api-alerts"), ("pd-hooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
