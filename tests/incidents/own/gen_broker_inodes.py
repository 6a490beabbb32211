"""own/broker-inodes (#20, tuned on): the message broker's data volume runs out of inodes;
the broker logs ENOSPC minutes before orders-api fails to publish and returns 503s; fixed by
purging stale segment files. Run from anywhere: python3 tests/incidents/own/gen_broker_inodes.py"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen"))
from common import *  # noqa: E402,F403

rng = random.Random(20260915)
inc = Incident("own", "broker-inodes")
D = "2026-09-15 "
W0, W1 = T(D + "15:00:00"), T(D + "17:30:00")
CRON = T(D + "15:10:02")
OTHER_DEPLOY = T(D + "15:31:40")
CHANGE = T(D + "15:52:10")       # retention change: segments kept 7 days instead of 1
STARTED = T(D + "16:04:12")      # first ENOSPC in the broker log
SYMPTOM = T(D + "16:07:40")      # orders-api publish failures begin
ALERT = T(D + "16:11:30")
PAGE = T(D + "16:11:45")
ACK = T(D + "16:15:05")
QUESTION = T(D + "16:18:30")
WRONG = T(D + "16:19:10")
DIAG = T(D + "16:24:40")
PURGE = T(D + "16:31:20")
MITIGATED = T(D + "16:32:05")
ALERT_OK = T(D + "16:36:30")
RESOLVED = T(D + "17:02:00")


def failing(t):
    return SYMPTOM <= t < MITIGATED


# ---- broker log (ISO timestamps with offset)
bl = []
def B(t, lvl, msg):
    bl.append((t, "%s [%s] <0.%d.0> %s" % (iso(t, ms=True), lvl, rng.randint(200, 999), msg)))
for t in frange(add(W0, seconds=9), W1, 30):
    B(t, "info", "queue 'orders.events' in vhost '/': %d messages ready, %d unacked" % (rng.randint(0, 40), rng.randint(0, 8)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    B(t, "warning", "closing AMQP connection <0.%d.0> (10.8.%d.%d:%d -> 10.8.0.5:5672): client unexpectedly closed TCP connection" % (
        rng.randint(1000, 9999), rng.randint(0, 3), rng.randint(2, 250), rng.randint(30000, 60000)))
for t in poisson_times(rng, STARTED, MITIGATED, 1 / 6.0):
    B(t, "error", "segment file /var/lib/broker/mnesia/msg_store_persistent/%d.rdq: {error,enospc} No space left on device" % rng.randint(10000, 99999))
B(STARTED, "error", "segment file /var/lib/broker/mnesia/msg_store_persistent/48812.rdq: {error,enospc} No space left on device")
B(PURGE, "info", "msg_store_persistent: 412331 stale segment files removed by operator")
inc.lines("broker-0.log", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- orders-api JSON logs
ol = []
def O(t, level, msg, **kw):
    ol.append((t, jline({"ts": iso(t, ms=True), "level": level, "service": "orders-api", "msg": msg, **kw})))
for t in poisson_times(rng, W0, W1, 0.5):
    if failing(t) and rng.random() < 0.6:
        O(t, "error", "publish order event failed: broker returned 506 RESOURCE_ERROR", order_id="o-%d" % rng.randint(10**6, 10**7))
        O(add(t, seconds=0.004), "error", "POST /v2/orders 503", latency_ms=rng.randint(20, 90))
    else:
        O(t, "info", "POST /v2/orders 201", latency_ms=rng.randint(30, 120))
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    O(t, "warning", "tax-service call timed out after 800ms, using cached rate")
O(CRON, "error", "nightly export job failed: s3 bucket orders-exports access denied")
inc.lines("orders-api.jsonl", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- deploys (tool JSON)
dep = [{"id": 5501 + i, "started_at": iso(t), "finished_at": iso(add(t, seconds=40)), "service": svc,
        "environment": "prod", "revision": rev, "actor": who, "status": "success", "kind": kind}
       for i, (t, svc, rev, who, kind) in enumerate([
           (OTHER_DEPLOY, "billing-ui", "a81c2f0", "mona.h", "k8s-rollout"),
           (CHANGE, "broker-config", "r-retention-7d", "oscar.p", "config-push"),
           (T(D + "17:20:11"), "search-api", "77be01d", "ravi.k", "k8s-rollout")])]
inc.json("deploy-history.json", {"deploys": dep})

# ---- alertmanager webhooks
hk = []
def H(t, body):
    hk.append((t, jline(body)))
ol_lab = {"severity": "page", "team": "orders", "service": "orders-api"}
H(add(ALERT, seconds=8), am_webhook("pd-orders", [am_alert("OrdersApi5xx", ol_lab, "orders-api 5xx above 5%", ALERT)]))
H(add(ALERT_OK, seconds=8), am_webhook("pd-orders", [am_alert("OrdersApi5xx", ol_lab, "orders-api 5xx above 5%", ALERT, ends=ALERT_OK)]))
for k, t in enumerate((T(D + "15:05:00"), T(D + "15:47:00"), T(D + "16:26:00"), T(D + "17:08:00"))):
    lab = {"severity": "warning", "team": "data", "service": "etl-runner"}
    H(t, am_webhook("slack-data", [am_alert("EtlLagHigh", lab, "etl lag above 10m", t)]))
    H(add(t, minutes=9), am_webhook("slack-data", [am_alert("EtlLagHigh", lab, "etl lag above 10m", t, ends=add(t, minutes=9))]))
H(add(CRON, seconds=30), am_webhook("slack-orders", [am_alert("KubeJobFailed", {"severity": "warning", "team": "orders", "job_name": "orders-export"}, "Job orders-export failed", add(CRON, seconds=20))]))
inc.lines("am-hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty
pd = PD(7710, "OrdersApi5xx orders-api 5xx above 5%", "orders-api", "PORD001")
kim = PD.user("Kim Nakamura", "PKIM001")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Kim Nakamura by phone.", user=kim)
pd.add(ACK, "acknowledge_log_entry", kim, {"type": "mobile"}, "Acknowledged by Kim Nakamura.")
pd.add(RESOLVED, "resolve_log_entry", kim, {"type": "web_ui"}, "Resolved by Kim Nakamura.")
inc.json("pd-log.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UKIM", "kim", "Kim Nakamura"), ("UOSC", "oscar", "Oscar Pereira"), ("URAV", "ravi", "Ravi Kumar"), ("ULEA", "lea", "Lea Brun")]:
    s.user(u, n, r)
for cid, n in [("CINC", "inc-orders"), ("CSUP", "support")]:
    s.channel(cid, n)
ch = "inc-orders"
s.say(ch, add(ACK, seconds=30), "UKIM", "on it. orders-api 503s, publish to the broker failing with RESOURCE_ERROR")
s.say(ch, QUESTION, "URAV", "should we restart the broker?")
s.say(ch, WRONG, "URAV", "billing-ui went out at 15:31, could it be that?")
s.say(ch, add(WRONG, seconds=40), "UKIM", "billing-ui doesn't publish anything")
s.say("support", T(D + "16:21:00"), "ULEA", "status page updated: some orders may fail to submit, we are investigating")
s.say(ch, DIAG, "UOSC", "found it: the broker volume is out of inodes, my retention change keeps 7 days of tiny segment files")
s.say(ch, add(PURGE, seconds=-60), "UOSC", "purging stale segments and reverting retention to 1d")
s.say(ch, add(MITIGATED, seconds=50), "UKIM", "errors gone, orders flowing again")
s.say(ch, add(RESOLVED, seconds=-40), "UKIM", "quiet for 30 min, resolving")
s.write(inc, "chat-export")

inc.truth(
    "broker-inodes", "volume-out-of-inodes",
    "A broker retention change kept 7 days of small segment files; the data volume ran out of inodes,\n"
    "the broker refused writes (ENOSPC) and orders-api returned 503s until stale segments were purged.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "broker-config retention change pushed", "deploy-history.json", 60),
     (STARTED, "first_symptom", "first ENOSPC in broker log", "broker-0.log", 60),
     (ALERT, "alert_fired", "OrdersApi5xx firing", "am-hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7710 triggered", "pd-log.json", 60),
     (ACK, "acknowledged", "Kim acknowledges", "pd-log.json", 60),
     (DIAG, "diagnosis", "Oscar: volume out of inodes from the retention change", "chat-export", 90),
     (PURGE, "mitigation", "stale segments purged", "broker-0.log", 120),
     (MITIGATED, "recovery", "publish errors and 503s stop", "orders-api.jsonl", 90),
     (ALERT_OK, "alert_resolved", "OrdersApi5xx resolved", "am-hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-log.json", 60)],
    [(CRON, "nightly export job failure", "orders-api.jsonl"),
     (OTHER_DEPLOY, "billing-ui rollout by another team", "deploy-history.json"),
     (T(D + "15:05:00"), "EtlLagHigh flapping for data team", "am-hooks.ndjson"),
     (QUESTION, "'should we restart the broker?' question", "chat-export"),
     (WRONG, "wrong hunch: billing-ui deploy", "chat-export"),
     (T(D + "16:00:00"), "steady tax-service timeouts all window", "orders-api.jsonl")],
    [("broker-0.log", "logs"), ("orders-api.jsonl", "logs"), ("deploy-history.json", "deploys"),
     ("am-hooks.ndjson", "alertmanager-webhook"), ("pd-log.json", "pagerduty-log-entries"),
     ("chat-export", "slack-export")])
