"""own/consumer-rebalance (#20, tuned on): a consumer release calls tax-service synchronously per
record; batches overrun max.poll.interval.ms, the consumer group rebalances again and again and the
lag of order events grows slowly for forty minutes (confirmation e-mails late) until the release is
rolled back and the backlog drains. The responder saved an instant ALERTS query mid-incident.
Run from anywhere: python3 tests/incidents/own/gen_consumer_rebalance.py"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen"))
from common import *  # noqa: E402,F403

rng = random.Random(20260903)
inc = Incident("own", "consumer-rebalance")
D = "2026-09-03 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")
OTHER_DEPLOY = T(D + "13:12:00")
CHANGE = T(D + "13:40:00")         # order-events-consumer v5.8.0
STARTED = T(D + "14:06:20")        # first "leaving group: poll timeout" error
LAG_ALERT = T(D + "14:18:40")      # KafkaConsumerLagHigh (warning, to chat)
PAGE_ALERT = T(D + "14:31:00")     # OrderConfirmationsDelayed (page)
PAGE = T(D + "14:31:30")
ACK = T(D + "14:36:10")
SNAPSHOT = T(D + "14:40:00")       # the instant ALERTS query saved by the responder
QUESTION = T(D + "14:38:30")
HUNCH = T(D + "14:41:00")
DIAG = T(D + "14:44:00")
ROLLBACK = T(D + "14:49:20")
CAUGHT_UP = T(D + "14:50:20")      # rolled-back pods consuming again
MITIGATED = T(D + "15:12:00")      # lag back to normal: confirmations on time again
PAGE_OK = T(D + "15:13:00")
LAG_OK = T(D + "15:14:30")
RESOLVED = T(D + "15:30:00")
GROW = 900.0 / 60                  # lag per second while the group rebalances
PEAK = GROW * (CAUGHT_UP - STARTED).total_seconds()
DRAIN = PEAK / (MITIGATED - CAUGHT_UP).total_seconds()


def lag(t):
    base = 180 + 60 * rng.random()
    if t < STARTED:
        return base
    if t < CAUGHT_UP:
        return base + GROW * (t - STARTED).total_seconds()
    return base + max(0.0, PEAK - DRAIN * (t - CAUGHT_UP).total_seconds())


# ---- consumer log (logfmt, UTC)
cl = []
def C(t, level, msg, **kv):
    cl.append((t, logfmt([("ts", iso_us(t)), ("level", level), ("logger", kv.pop("logger", "consumer")), ("msg", msg), *kv.items()])))
for t in poisson_times(rng, add(W0, minutes=-60), W1, 1 / 20.0):
    if not (STARTED <= t < CAUGHT_UP):
        C(t, "info", "batch committed", records=rng.randint(300, 500), took_ms=rng.randint(200, 900))
for t in poisson_times(rng, add(W0, minutes=-60), W1, 1 / 150.0):  # steady benign retries, all day
    C(t, "warn", "tax-service returned 503, retrying", attempt=1, logger="taxclient")
C(CHANGE, "info", "starting order-events-consumer", version="v5.8.0")
C(STARTED, "error", "consumer poll timeout has expired, leaving group", group="order-events", max_poll_interval_ms=300000)
for t in poisson_times(rng, add(STARTED, seconds=20), CAUGHT_UP, 1 / 35.0):
    if rng.random() < 0.5:
        C(t, "error", "consumer poll timeout has expired, leaving group", group="order-events", max_poll_interval_ms=300000)
    else:
        C(t, "warn", "rebalance in progress, partitions revoked", group="order-events", partitions=rng.randint(4, 12))
C(add(ROLLBACK, seconds=30), "info", "starting order-events-consumer", version="v5.7.3")
inc.lines("consumer.log", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ---- lag over time (query_range, 30 s)
inc.json("lag.json", query_range([({"__name__": "kafka_consumergroup_lag", "consumergroup": "order-events", "topic": "order-events",
                                     "namespace": "orders"}, lag)], add(W0, minutes=-60), W1, 30, fmt="%.0f"))

# ---- instant ALERTS query saved at SNAPSHOT (firing now; when each began is not in it)
snap = int(epoch(SNAPSHOT))
def A(name, **labels):
    return {"metric": {"__name__": "ALERTS", "alertname": name, "alertstate": "firing", **labels}, "value": [snap, "1"]}
inc.json("alerts-now.json", {"status": "success", "data": {"resultType": "vector", "result": [
    A("KafkaConsumerLagHigh", severity="warning", consumergroup="order-events", namespace="orders", team="orders"),
    A("OrderConfirmationsDelayed", severity="page", service="order-events-consumer", namespace="orders", team="orders"),
    A("RedisMemoryHigh", severity="warning", instance="sessions-redis-1", team="sessions")]}})

# ---- deploys
dep = [{"id": 9100 + i, "started_at": iso(t), "finished_at": iso(add(t, seconds=50)), "service": svc, "environment": "prod",
        "revision": rev, "actor": who, "status": "success", "kind": kind}
       for i, (t, svc, rev, who, kind) in enumerate([
           (OTHER_DEPLOY, "web-frontend", "a81c3f0", "zoe.k", "deploy"),
           (CHANGE, "order-events-consumer", "v5.8.0", "tom.r", "deploy"),
           (ROLLBACK, "order-events-consumer", "v5.7.3", "tom.r", "rollback")])]
inc.json("deploys.json", {"deploys": dep})

# ---- pagerduty
pd = PD(8812, "OrderConfirmationsDelayed order confirmations late", "order-events-consumer", "PORD001")
amy = PD.user("Amy Chen", "PAMY001")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Amy Chen by phone.", user=amy)
pd.add(ACK, "acknowledge_log_entry", amy, {"type": "phone"}, "Acknowledged by Amy Chen.")
pd.add(RESOLVED, "resolve_log_entry", amy, {"type": "web_ui"}, "Resolved by Amy Chen.")
inc.json("pagerduty.json", pd.export())

# ---- nightly reindex cron fails every day at 13:30 (3 days)
rl = []
for day in ("2026-09-01 ", "2026-09-02 ", D):
    t = T(day + "13:30:04")
    rl.append(syslog(t, "UTC", "jobs-2", "reindex", "ERROR reindex of catalog aborted: snapshot lock held by another job"))
inc.lines("jobs-2.syslog", rl)

# ---- slack: the incident channel and the alerts channel (Alertmanager bot)
s = Slack()
for u, n, r in [("UAMY", "amy", "Amy Chen"), ("UTOM", "tom", "Tom Reyes"), ("UZOE", "zoe", "Zoe Kim")]:
    s.user(u, n, r)
s.channel("CALR", "order-alerts")
s.channel("CINC", "inc-order-events")
for t, st, name, text in [
    (add(T(D + "13:20:00"), seconds=5), "firing", "RedisMemoryHigh", "sessions-redis-1 memory above 80%"),
    (add(T(D + "13:26:00"), seconds=5), "resolved", "RedisMemoryHigh", "sessions-redis-1 memory above 80%"),
    (add(LAG_ALERT, seconds=5), "firing", "KafkaConsumerLagHigh", "consumer group order-events lag above 10000 for 5m"),
    (add(T(D + "14:33:00"), seconds=5), "firing", "RedisMemoryHigh", "sessions-redis-1 memory above 80%"),
    (add(T(D + "14:45:00"), seconds=5), "resolved", "RedisMemoryHigh", "sessions-redis-1 memory above 80%"),
    (add(PAGE_ALERT, seconds=5), "firing", "OrderConfirmationsDelayed", "order confirmations more than 10 minutes late"),
    (add(PAGE_OK, seconds=5), "resolved", "OrderConfirmationsDelayed", "order confirmations more than 10 minutes late"),
    (add(LAG_OK, seconds=5), "resolved", "KafkaConsumerLagHigh", "consumer group order-events lag above 10000 for 5m"),
]:
    s.bot("order-alerts", t, "B0ALERTMGR", "Alertmanager", attachments=am_slack_attachment(st, name, text))
ch = "inc-order-events"
s.say(ch, add(ACK, seconds=50), "UAMY", "ack. order confirmation mails are 10+ minutes late, consumer lag climbing since ~14:05")
s.say(ch, QUESTION, "UZOE", "web-frontend went out at 13:12, should we roll it back?")
s.say(ch, HUNCH, "UAMY", "is a kafka broker down? partitions keep moving")
s.say(ch, add(HUNCH, seconds=60), "UTOM", "brokers are healthy, all ISR in sync")
s.say(ch, DIAG, "UTOM", "it's the v5.8.0 consumer: every record now calls tax-service synchronously, batches overrun max.poll.interval.ms and the group keeps rebalancing")
s.say(ch, add(ROLLBACK, seconds=15), "UTOM", "rolling back order-events-consumer to v5.7.3")
s.say(ch, add(MITIGATED, seconds=70), "UAMY", "lag is back to normal, confirmations on time again")
s.say(ch, add(RESOLVED, seconds=-30), "UAMY", "quiet for 15 min, resolving")
s.write(inc, "slack")

inc.truth(
    "consumer-rebalance", "consumer-rebalance-backlog",
    "A consumer release made each record call tax-service synchronously; batches overran max.poll.interval.ms,\n"
    "the group rebalanced for forty minutes and order confirmations fell behind until the rollback drained the lag.",
    (W0, W1),
    dict(started=STARTED, detected=LAG_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "order-events-consumer v5.8.0 deployed", "deploys.json", 120),
     (STARTED, "first_symptom", "consumer leaves the group: poll timeout expired", "consumer.log", 60),
     (LAG_ALERT, "alert_fired", "KafkaConsumerLagHigh firing", "slack", 60),
     (PAGE_ALERT, "alert_fired", "OrderConfirmationsDelayed firing (pages)", "slack", 60),
     (PAGE, "paged", "PagerDuty #8812 triggered", "pagerduty.json", 60),
     (ACK, "acknowledged", "Amy acknowledges", "pagerduty.json", 60),
     (DIAG, "diagnosis", "Tom: v5.8.0 synchronous tax-service calls overrun max.poll.interval.ms", "slack", 90),
     (ROLLBACK, "mitigation", "rollback to v5.7.3", "deploys.json", 120),
     (MITIGATED, "recovery", "consumer lag back to normal", "lag.json", 120),
     (PAGE_OK, "alert_resolved", "OrderConfirmationsDelayed resolved", "slack", 60),
     (LAG_OK, "alert_resolved", "KafkaConsumerLagHigh resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty.json", 60)],
    [(OTHER_DEPLOY, "web-frontend deploy by another team", "deploys.json"),
     (T(D + "13:20:05"), "RedisMemoryHigh flapping for sessions", "slack"),
     (T(D + "13:30:04"), "catalog reindex cron fails every day", "jobs-2.syslog"),
     (SNAPSHOT, "instant ALERTS query: alerts active at the time it was saved", "alerts-now.json"),
     (QUESTION, "'should we roll it back?' question", "slack"),
     (HUNCH, "'kafka broker down?' wrong hunch", "slack")],
    [("consumer.log", "logs"), ("lag.json", "prometheus-query-range"), ("alerts-now.json", "prometheus-query"),
     ("deploys.json", "deploys"), ("pagerduty.json", "pagerduty-log-entries"), ("jobs-2.syslog", "logs"),
     ("slack", "slack-export")])
