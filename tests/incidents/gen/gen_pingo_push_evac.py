"""retired12/pingo-push-evac (2026-06-23, region-evacuation-untranslated-consumer-offsets-replay).

A planned game-day evacuation of the euc1 region (Spinnaker pipeline `evacuate-euc1`, 13:02 UTC) shifts the edge
to euw1 and scales up `push-sender-euc1` in euw1, which consumes the MirrorMaker 2 copy `euc1.order-events`.
Its consumer group was renamed `push-sender-v2` in May, but MM2's checkpoint connector still only syncs groups
matching `push-sender|billing-.*` (full-match regexes), so euw1 has no translated offsets for the group; with
auto.offset.reset=earliest the consumers start at the beginning of the 3-day topic (13:06:55) and send customers
push notifications for orders from the weekend ("your rider is nearby"). No alert sees it at first; a support
lead reports it in Slack and triggers PagerDuty by hand (13:16). The consumer-lag warning fires six minutes
after the page. A wrong hunch (FCM redelivering), a "should we fail back?" question, then the streaming
engineer's diagnosis. Scaling push-sender-euc1 to 0 ends the stale pushes (13:33:41); the group's offsets are
reset to 13:02 and it is scaled back; the drill's planned failback follows at 14:30; resolved 14:41.

Evidence: push-sender JSON logs (logstash encoder, UTC); Spinnaker executions export (epoch ms); kube events of
the euw1 notifications namespace; Prometheus query_range; PagerDuty v2 webhook bodies; Slack export where the
alerts appear only as Alertmanager posts (a daily failing CronJob alert back to the 20th).
"""
import random
from common import *

rng = random.Random(20260623)
inc = Incident("retired12", "pingo-push-evac")
D = "2026-06-23 "
W0, W1 = T(D + "12:30:00"), T(D + "15:30:00")

KICK = T(D + "13:00:30")
PIPE = T(D + "13:02:04")
EDGE = T(D + "13:02:15")
SCALE_UP = T(D + "13:06:31")
STARTED = T(D + "13:06:55")
OTHER = T(D + "13:11:30")
ALLGREEN = T(D + "13:12:40")
REPORT = T(D + "13:14:30")
PAGE = T(D + "13:16:05")
ACK = T(D + "13:19:40")
WRONG = T(D + "13:21:10")
LAG_ALERT = T(D + "13:22:10")
QUESTION = T(D + "13:24:20")
DIAG = T(D + "13:29:50")
SCALE0 = T(D + "13:33:15")
MITIGATED = T(D + "13:33:41")
COMMS = T(D + "13:38:30")
RESET = T(D + "13:48:30")
SCALE_BACK = T(D + "13:50:05")
DRAINED = T(D + "13:53:10")
LAG_OK = T(D + "13:56:40")
FAILBACK = T(D + "14:30:02")
RESOLVED = T(D + "14:41:00")
CRONS = [T("2026-06-%02d 13:00:41" % d) for d in (20, 21, 22, 23)]

PARTS = 12
BACKLOG = 3_480_000  # 3 days of euc1.order-events


def replayed(t):
    """messages of the backlog consumed by push-sender-euc1 so far."""
    if t < STARTED:
        return 0.0
    e = min(t, MITIGATED)
    return min(BACKLOG, 2050.0 * (e - STARTED).total_seconds())


def lag(t):
    base = 40 + 25 * ((int(epoch(t)) // 30 * 31) % 7)
    if t < SCALE_UP:
        return None
    if t < STARTED:
        return BACKLOG + 0.0
    if t < RESET:
        return BACKLOG - replayed(t) + 95.0 * (t - STARTED).total_seconds() * 0.02
    if t < SCALE_BACK:
        return 88_000.0 + 95 * (t - RESET).total_seconds()
    if t < DRAINED:
        return max(base, 97_000.0 * (1 - (t - SCALE_BACK).total_seconds() / (DRAINED - SCALE_BACK).total_seconds()))
    return float(base)


def sends_euw1(t):
    home = 38 + 6 * ((int(epoch(t)) // 30 * 13) % 5)
    euc1 = 0.0
    if t >= EDGE:
        euc1 = 55.0  # euc1 traffic served by euw1 after the shift
    if STARTED <= t < MITIGATED:
        euc1 = 2050.0
    elif MITIGATED <= t < SCALE_BACK:
        euc1 = 0.0
    elif SCALE_BACK <= t < DRAINED:
        euc1 = 600.0
    elif t >= FAILBACK:
        euc1 = 0.0
    return home + euc1


# ---------------------------------------------------------------- push-sender JSON logs (logstash encoder)
lg = []
EUC = ["push-sender-euc1-7d9c5b8f4-%s" % x for x in ("h2kqz", "m8vtw", "p4xcd", "r7bnl", "t9fgs", "x3jwe")]
EUC_B = ["push-sender-euc1-7d9c5b8f4-%s" % x for x in ("b6qpa", "c2lzr", "f8mwn", "k5tdy", "n1ghv", "s4rxe")]
HOME = ["push-sender-euw1-5f6b8c7d9-%s" % x for x in ("a1b2c", "d3e4f", "g5h6i", "j7k8l")]


def L(t, pod, level, logger, msg, thread="main", **kw):
    d = {"@timestamp": iso(t, ms=True), "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread,
         "level": level, "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000}[level],
         "app": "push-sender", "region": "euw1", "pod": pod}
    d.update(kw)
    lg.append((t, jline(d)))


LC = "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1"
for t in frange(add(W0, seconds=7), W1, 60):
    for i, p in enumerate(HOME):
        L(add(t, seconds=i * 0.37), p, "INFO", "eu.pingo.push.SendStats", "sent=%d failed=%d oldest_event_age_s=%d" % (
            rng.randint(560, 680), rng.randint(0, 5), rng.randint(0, 2)), thread="stats-1", group="push-sender-v2", topic="order-events")
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    L(t, rng.choice(HOME + (EUC if SCALE_UP <= t < SCALE0 else [])), "WARN", "eu.pingo.push.apns.ApnsSender",
      "APNs rejected device token: 410 Unregistered, removing token", thread="apns-io-%d" % rng.randint(1, 4))


def start_pods(t0, pods, reset):
    for i, p in enumerate(pods):
        t = add(t0, seconds=9 + i * 1.3)
        L(t, p, "INFO", "eu.pingo.push.PushSenderApplication", "Started PushSenderApplication in %.3f seconds (process running for %.3f)" % (7.4 + i * 0.2, 8.1 + i * 0.2))
        L(add(t, seconds=12), p, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
          "[Consumer clientId=consumer-push-sender-v2-1, groupId=push-sender-v2] Successfully joined group with generation Generation{generationId=%d, memberId='consumer-push-sender-v2-1-%s', protocol='range'}" % (
              (7 if reset else 9), uuid(p + str(reset))), thread=LC)
        for k in (2 * i, 2 * i + 1):
            tt = add(t, seconds=12.4 + k * 0.01)
            if reset:
                L(tt, p, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                  "[Consumer clientId=consumer-push-sender-v2-1, groupId=push-sender-v2] Found no committed offset for partition euc1.order-events-%d" % k, thread=LC)
                L(add(tt, seconds=0.05), p, "INFO", "org.apache.kafka.clients.consumer.internals.SubscriptionState",
                  "[Consumer clientId=consumer-push-sender-v2-1, groupId=push-sender-v2] Resetting offset for partition euc1.order-events-%d to position FetchPosition{offset=%d, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[b-%d.kafka.euw1.pingo.internal:9092 (id: %d rack: euw1-az%d)], epoch=41}}." % (
                      k, 4_118_000 + k * 977, k % 3 + 1, k % 3 + 1, k % 3 + 1), thread=LC)
            else:
                L(tt, p, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                  "[Consumer clientId=consumer-push-sender-v2-1, groupId=push-sender-v2] Setting offset for partition euc1.order-events-%d to the committed offset FetchPosition{offset=%d, offsetEpoch=Optional[41], currentLeader=LeaderAndEpoch{leader=Optional[b-%d.kafka.euw1.pingo.internal:9092 (id: %d rack: euw1-az%d)], epoch=41}}" % (
                      k, 4_408_000 + k * 977, k % 3 + 1, k % 3 + 1, k % 3 + 1), thread=LC)


start_pods(add(STARTED, seconds=-21.4), EUC, True)
start_pods(add(SCALE_BACK, seconds=-4), EUC_B, False)
for t in frange(add(STARTED, seconds=5), SCALE0, 30):
    age = 259_200 - (t - STARTED).total_seconds() * 35
    for i, p in enumerate(EUC):
        L(add(t, seconds=i * 0.41), p, "INFO", "eu.pingo.push.SendStats", "sent=%d failed=%d oldest_event_age_s=%d" % (
            rng.randint(10000, 10500), rng.randint(20, 90), int(age) - rng.randint(0, 400)), thread="stats-1", group="push-sender-v2", topic="euc1.order-events")
for i, p in enumerate(EUC):
    t = add(SCALE0, seconds=1 + i * 0.3)
    L(t, p, "INFO", "org.springframework.context.support.DefaultLifecycleProcessor", "Shutdown phase 2147483547 ends")
    L(add(t, seconds=0.2), p, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
      "[Consumer clientId=consumer-push-sender-v2-1, groupId=push-sender-v2] Revoke previously assigned partitions euc1.order-events-%d, euc1.order-events-%d" % (2 * i, 2 * i + 1), thread=LC)
    if i == 5:
        L(MITIGATED, p, "INFO", "eu.pingo.push.SendStats", "sent=%d failed=%d oldest_event_age_s=%d (final flush)" % (4211, 12, 171_640), thread="stats-1", group="push-sender-v2", topic="euc1.order-events")
    L(add(t, seconds=24), p, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
      "[Consumer clientId=consumer-push-sender-v2-1, groupId=push-sender-v2] Member consumer-push-sender-v2-1-%s sending LeaveGroup request to coordinator b-2.kafka.euw1.pingo.internal:9092 (id: 2147483645 rack: null) due to the consumer is being closed" % uuid(p + "True"), thread=LC)
for t in frange(add(SCALE_BACK, seconds=30), FAILBACK, 30):
    age = max(1, 1000 - (t - SCALE_BACK).total_seconds() * 5.5) if t < DRAINED else rng.randint(0, 2)
    for i, p in enumerate(EUC_B):
        L(add(t, seconds=i * 0.43), p, "INFO", "eu.pingo.push.SendStats", "sent=%d failed=%d oldest_event_age_s=%d" % (
            rng.randint(2900, 3100) if t < DRAINED else rng.randint(260, 300), rng.randint(0, 4), int(age)), thread="stats-1", group="push-sender-v2", topic="euc1.order-events")
inc.lines("push-sender.jsonl", [l for _, l in sorted(lg, key=lambda x: x[0])])

# ---------------------------------------------------------------- Spinnaker executions export
def ms(t):
    return int(epoch(t) * 1000)


def stage(name, typ, a, b, ctx):
    return {"id": uid(name + str(a), 26).upper(), "refId": str(int(uid(name, 4), 16) % 7 + 1), "type": typ, "name": name,
            "startTime": ms(a), "endTime": ms(b), "status": "SUCCEEDED", "context": ctx, "outputs": {}}


def execu(app, name, user, a, b, stages, trig="manual"):
    return {"id": uid(app + name + str(a), 26).upper(), "type": "PIPELINE", "application": app, "name": name,
            "buildTime": ms(a), "startTime": ms(a), "endTime": ms(b), "status": "SUCCEEDED", "canceled": False,
            "trigger": {"type": trig, "user": user, "parameters": {}}, "stages": stages}


ex = [
    execu("platformregions", "evacuate-euc1", "jonas.weber@pingo.eu", PIPE, T(D + "13:09:12"), [
        stage("Confirm drill", "manualJudgment", PIPE, add(PIPE, seconds=9), {"judgmentStatus": "continue", "lastModifiedBy": "jonas.weber@pingo.eu"}),
        stage("Shift edge weights euc1 -> 0", "runJobManifest", EDGE, add(EDGE, seconds=48), {"account": "edge-global", "jobName": "edge-weights-euc1-0"}),
        stage("Scale euc1 consumers in euw1", "scaleManifest", add(SCALE_UP, seconds=-4), add(SCALE_UP, seconds=30),
              {"account": "k8s-euw1", "location": "notifications", "manifestName": "deployment push-sender-euc1", "replicas": 6}),
        stage("Verify region health", "wait", add(SCALE_UP, seconds=31), T(D + "13:09:12"), {"waitTime": 150}),
    ]),
    execu("catalog", "deploy-euw1", "ci@pingo.eu", OTHER, add(OTHER, seconds=212), [
        stage("Deploy catalog-api", "deployManifest", add(OTHER, seconds=2), add(OTHER, seconds=210), {"account": "k8s-euw1", "location": "catalog", "manifestName": "deployment catalog-api", "artifact": "catalog-api:2026.06.23-3"}),
    ], trig="docker"),
    execu("platformregions", "failback-euc1", "jonas.weber@pingo.eu", FAILBACK, T(D + "14:36:40"), [
        stage("Scale euc1 consumers in euw1", "scaleManifest", add(FAILBACK, seconds=5), add(FAILBACK, seconds=40), {"account": "k8s-euw1", "location": "notifications", "manifestName": "deployment push-sender-euc1", "replicas": 0}),
        stage("Shift edge weights euc1 -> 50", "runJobManifest", add(FAILBACK, seconds=41), T(D + "14:36:40"), {"account": "edge-global", "jobName": "edge-weights-euc1-50"}),
    ]),
    execu("loyalty", "deploy-euw1", "ci@pingo.eu", T(D + "11:41:10"), T(D + "11:44:31"), [
        stage("Deploy loyalty-svc", "deployManifest", T(D + "11:41:12"), T(D + "11:44:30"), {"account": "k8s-euw1", "location": "loyalty", "manifestName": "deployment loyalty-svc"}),
    ], trig="docker"),
]
inc.json("spinnaker.json", sorted(ex, key=lambda e: -e["startTime"]))

# ---------------------------------------------------------------- kube events (euw1)
k = Kube(rng)
NS = "notifications"
k.ev(SCALE_UP, NS, "Deployment", "push-sender-euc1", "ScalingReplicaSet", "Scaled up replica set push-sender-euc1-7d9c5b8f4 to 6 from 0", component="deployment-controller")
for i, p in enumerate(EUC):
    k.pod_start(add(SCALE_UP, seconds=0.5 + i * 0.2), NS, p, "ip-10-31-%d-%d.eu-west-1.compute.internal" % (i % 3 * 16, 40 + i), "registry.pingo.eu/push-sender:4.22.1", "push-sender")
k.ev(SCALE0, NS, "Deployment", "push-sender-euc1", "ScalingReplicaSet", "Scaled down replica set push-sender-euc1-7d9c5b8f4 to 0 from 6", component="deployment-controller")
for i, p in enumerate(EUC):
    k.ev(add(SCALE0, seconds=0.4 + i * 0.1), NS, "Pod", p, "Killing", "Stopping container push-sender", host="ip-10-31-%d-%d.eu-west-1.compute.internal" % (i % 3 * 16, 40 + i))
k.ev(SCALE_BACK, NS, "Deployment", "push-sender-euc1", "ScalingReplicaSet", "Scaled up replica set push-sender-euc1-7d9c5b8f4 to 6 from 0", component="deployment-controller")
for i, p in enumerate(EUC_B):
    k.pod_start(add(SCALE_BACK, seconds=0.5 + i * 0.2), NS, p, "ip-10-31-%d-%d.eu-west-1.compute.internal" % (i % 3 * 16, 60 + i), "registry.pingo.eu/push-sender:4.22.1", "push-sender")
k.ev(add(FAILBACK, seconds=6), NS, "Deployment", "push-sender-euc1", "ScalingReplicaSet", "Scaled down replica set push-sender-euc1-7d9c5b8f4 to 0 from 6", component="deployment-controller")
cj = CRONS[-1]
k.ev(add(cj, seconds=-41), NS, "CronJob", "digest-mailer", "SuccessfulCreate", "Created job digest-mailer-29176500", component="cronjob-controller")
k.ev(add(cj, seconds=-40), NS, "Job", "digest-mailer-29176500", "SuccessfulCreate", "Created pod: digest-mailer-29176500-wq7x2", component="job-controller")
k.ev(add(cj, seconds=-5), NS, "Pod", "digest-mailer-29176500-wq7x2", "BackOff", "Back-off restarting failed container digest-mailer in pod digest-mailer-29176500-wq7x2_notifications", type_="Warning", host="ip-10-31-16-44.eu-west-1.compute.internal", count=3)
k.ev(cj, NS, "Job", "digest-mailer-29176500", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("euw1-notifications.json", k.core_list())

# ---------------------------------------------------------------- Prometheus query_range
inc.json("grafana/push-lag.json", query_range([
    ({"cluster": "euw1", "consumergroup": "push-sender-v2", "topic": "euc1.order-events"}, lag),
    ({"cluster": "euw1", "consumergroup": "push-sender-v2", "topic": "order-events"}, lambda t: float(30 + 20 * ((int(epoch(t)) // 30 * 17) % 5))),
    ({"__name__": "push:sent:rate1m", "region": "euw1"}, sends_euw1),
], W0, W1, 30, fmt="%.0f"))

# ---------------------------------------------------------------- PagerDuty v2 webhooks (manual trigger by support)
pd = PD(2291, "Customers receiving push notifications for old orders", "Notifications", "PNOTI07", "Notifications Primary")
maja = PD.user("Maja Nowak", "PMAJA01")
lukas = PD.user("Lukas Brandt", "PLUKA01")
pd.add(PAGE, "trigger_log_entry", maja, {"type": "web_trigger", "summary": "Customers receiving push notifications for old orders",
                                         "details": "Support: 60+ chats in 10 min, pushes for weekend orders"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", maja, {"type": "web_trigger"}, "Assigned to Lukas Brandt.", assignees=[lukas])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Lukas Brandt by push notification.", user=lukas,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", lukas, {"type": "mobile"}, "Acknowledged by Lukas Brandt.", acknowledgement_timeout=1800)
pd.add(add(DIAG, seconds=75), "annotate_log_entry", lukas, {"type": "web_ui", "summary": "push-sender-v2 had no translated offsets in euw1, replaying from earliest"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", lukas, {"type": "web_ui"}, "Resolved by Lukas Brandt.")
inc.json("pagerduty-webhooks.json", pd_webhook_v2_bodies(pd, 2291, "Customers receiving push notifications for old orders", PAGE))

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r in [("U7JONAS", "jonas.weber", "Jonas Weber"), ("U7LUKAS", "lukas", "Lukas Brandt"), ("U7MAJA", "maja.n", "Maja Nowak"),
                ("U7IRINA", "irina", "Irina Volkova"), ("U7PAUL", "paul.k", "Paul Kowalski"), ("U7EMMA", "emma", "Emma Byrne")]:
    s.user(u, n, r, "Europe/Berlin")
s.channel("C7ALRT", "alerts-euw1", "Alertmanager euw1")
s.channel("C7GDAY", "gameday-evac", "Region evacuation drill 2026-06-23")
s.channel("C7SUPP", "support-escalations", "")
s.channel("C7I2291", "inc-2291-push", "")
for cr in CRONS:
    s.bot("alerts-euw1", add(cr, seconds=50), "B7AM", "Alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job notifications/digest-mailer failed to complete (BackoffLimitExceeded)", color="warning"))
for a0, a1 in [("12:48:10", "12:55:40"), ("13:40:20", "13:47:50"), ("14:52:30", "15:01:00")]:
    s.bot("alerts-euw1", T(D + a0), "B7AM", "Alertmanager", attachments=am_slack_attachment("firing", "CatalogApiLatencyHigh", "catalog-api p99 above 750ms in euw1 (team catalog)", color="warning"))
    s.bot("alerts-euw1", T(D + a1), "B7AM", "Alertmanager", attachments=am_slack_attachment("resolved", "CatalogApiLatencyHigh", "catalog-api p99 in euw1"))
s.bot("alerts-euw1", add(LAG_ALERT, seconds=15), "B7AM", "Alertmanager", attachments=am_slack_attachment("firing", "KafkaConsumerGroupLagHigh", "consumergroup push-sender-v2 lag 1.6M on euc1.order-events (cluster euw1) for 15m", color="warning"))
s.bot("alerts-euw1", add(LAG_OK, seconds=15), "B7AM", "Alertmanager", attachments=am_slack_attachment("resolved", "KafkaConsumerGroupLagHigh", "consumergroup push-sender-v2 on euc1.order-events (cluster euw1)"))
g = "gameday-evac"
s.say(g, KICK, "U7JONAS", "Drill starting: evacuating euc1 at 13:02, failback planned 14:30. Pipeline evacuate-euc1 in Spinnaker")
s.say(g, add(EDGE, seconds=60), "U7JONAS", "edge weights euc1 -> 0 applied")
s.say(g, ALLGREEN, "U7JONAS", "euc1 consumers up in euw1, dashboards green :white_check_mark:")
s.say(g, T(D + "14:05:00"), "U7JONAS", "drill continues after the push issue, failback at 14:30 as planned")
s.say(g, add(FAILBACK, seconds=20), "U7JONAS", "failback-euc1 running")
sp = "support-escalations"
s.say(sp, REPORT, "U7MAJA", "Lots of chats right now: customers getting push notifications for orders from Saturday and Sunday ('your rider is nearby'), some got 20+. 40 tickets in 5 min, all DE/AT/PL")
s.say(sp, add(PAGE, seconds=20), "U7MAJA", "paged Notifications on-call from PagerDuty")
s.say(sp, COMMS, "U7MAJA", "support macro + in-app banner live: 'You may have received notifications about past orders - please ignore them, your current orders are not affected'")
ch = "inc-2291-push"
s.say(ch, add(ACK, seconds=30), "U7LUKAS", "acked. push:sent in euw1 at ~2k/s, normally 50. all from push-sender-euc1")
s.say(ch, WRONG, "U7LUKAS", "FCM had that redelivery incident last week, could be them re-sending?")
s.say(ch, add(WRONG, seconds=50), "U7PAUL", "APNs users get them too, so not FCM")
s.say(ch, QUESTION, "U7JONAS", "should we fail back to euc1?")
s.say(ch, add(QUESTION, seconds=45), "U7LUKAS", "failing back moves traffic again mid-drill and the euc1 consumers are stopped anyway, let's find out first")
s.say(ch, DIAG, "U7IRINA", "found it: push-sender-v2 started at the earliest offset on every euc1.order-events partition. MM2's checkpoint connector only syncs groups matching `push-sender|billing-.*` and we renamed the group to push-sender-v2 in May - no translated offsets in euw1, auto.offset.reset=earliest, so it's replaying 3 days")
s.say(ch, add(DIAG, seconds=70), "U7LUKAS", "scaling push-sender-euc1 to 0 in euw1 to stop the sends")
s.say(ch, add(MITIGATED, seconds=40), "U7LUKAS", "pods gone, push:sent back to ~55/s (home region only). stale pushes stopped")
s.say(ch, T(D + "13:44:00"), "U7IRINA", "resetting push-sender-v2 on euc1.order-events to 2026-06-23T13:02:00Z (start of the drill), dry run looks right")
s.say(ch, RESET, "U7IRINA", "```kafka-consumer-groups --bootstrap-server b-1.kafka.euw1.pingo.internal:9092 --group push-sender-v2 --topic euc1.order-events --reset-offsets --to-datetime 2026-06-23T13:02:00.000 --execute\nGROUP           TOPIC              PARTITION  NEW-OFFSET\npush-sender-v2  euc1.order-events  0          4407988\n...```")
s.say(ch, add(SCALE_BACK, seconds=40), "U7LUKAS", "scaled back to 6, they resumed from the reset offsets, ~17 min of real euc1 notifications going out late now")
s.say(ch, add(DRAINED, seconds=60), "U7LUKAS", "lag drained")
s.say(ch, T(D + "14:20:00"), "U7IRINA", "PR to MM2 groups regex adding push-sender-v2 + emit.checkpoints check in the drill runbook")
s.say(ch, add(RESOLVED, seconds=-30), "U7LUKAS", "resolving, failback done, postmortem tomorrow")
s.write(inc, "slack")

inc.truth(
    "pingo-push-evac", "region-evacuation-untranslated-consumer-offsets-replay",
    "A region-evacuation drill started push-sender-euc1 in euw1 on the MM2 copy of euc1.order-events; its renamed group had no\n"
    "translated offsets, so it replayed three days of events as pushes to customers until it was scaled to 0 (support paged first).",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PIPE, "change", "Spinnaker evacuate-euc1 pipeline started (drill)", "spinnaker.json", 60),
     (SCALE_UP, "change", "push-sender-euc1 scaled to 6 in euw1 by the pipeline", "euw1-notifications.json", 60),
     (STARTED, "first_symptom", "no committed offset for euc1.order-events, reset to earliest; stale pushes begin", "push-sender.jsonl", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #2291 by hand", "pagerduty-webhooks.json", 60),
     (ACK, "acknowledged", "Lukas acknowledges", "pagerduty-webhooks.json", 60),
     (LAG_ALERT, "alert_fired", "KafkaConsumerGroupLagHigh warning (after the page)", "slack", 60),
     (DIAG, "diagnosis", "Irina: renamed group not in MM2 checkpoint regex, no translated offsets, replay from earliest", "slack", 90),
     (SCALE0, "mitigation", "push-sender-euc1 scaled to 0 in euw1", "euw1-notifications.json", 60),
     (MITIGATED, "recovery", "last stale push flushed, send rate back to baseline", "push-sender.jsonl", 60),
     (COMMS, "communication", "support macro and in-app banner", "slack", 90),
     (RESET, "mitigation", "group offsets reset to the drill start, consumers scaled back", "slack", 120),
     (RESOLVED, "resolved", "PagerDuty #2291 resolved", "pagerduty-webhooks.json", 60)],
    [(CRONS[-1], "digest-mailer CronJob fails daily at 13:00 (KubeJobFailed also on the 20th-22nd)", "euw1-notifications.json"),
     (OTHER, "catalog-api deploy in euw1 (catalog team)", "spinnaker.json"),
     (T(D + "12:48:10"), "CatalogApiLatencyHigh flapping (catalog team)", "slack"),
     (WRONG, "wrong hunch: FCM redelivering", "slack"),
     (QUESTION, "'should we fail back to euc1?' question", "slack"),
     (ALLGREEN, "'dashboards green' during the drill while the replay runs", "slack"),
     (FAILBACK, "planned failback of the drill", "spinnaker.json"),
     (T(D + "13:00:00"), "steady APNs 410 Unregistered token warnings all window", "push-sender.jsonl")],
    [("push-sender.jsonl", "logs"), ("spinnaker.json", "deploys"), ("euw1-notifications.json", "kube-events"),
     ("grafana/push-lag.json", "prometheus-query-range"), ("pagerduty-webhooks.json", "pagerduty-log-entries"), ("slack", "slack-export")])
