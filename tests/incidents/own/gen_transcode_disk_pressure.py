"""own/transcode-disk-pressure (#20, third session): a new video-transcode CronJob (merged to the
manifests repo) writes scratch files to an emptyDir without a limit; at its first run the nodes'
ephemeral storage fills, kubelet reports DiskPressure and evicts checkout-web pods, so payments 503
at the ingress until a responder suspends the CronJob (said in chat) and the nodes recover.
Formats: events.k8s.io/v1 events, ingress-nginx JSON access log, a `git log` of the manifests repo
(local offsets), Alertmanager webhooks, PagerDuty webhook v2 bodies with an escalation by timeout,
a four-channel Slack export whose bots write only blocks. Rough window: three whole hours.
Run from anywhere: python3 tests/incidents/own/gen_transcode_disk_pressure.py"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen"))
from common import *  # noqa: E402,F403

rng = random.Random(20260924)
inc = Incident("own", "transcode-disk-pressure")
D = "2026-09-24 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")
OTHER_COMMIT = T(D + "13:25:00")
CHANGE = T(D + "13:41:00")          # commit adding the CronJob (synced right away)
JOB = T(D + "14:00:00")             # first run
STARTED = T(D + "14:07:20")         # node-3 DiskPressure
SYMPTOM = T(D + "14:09:30")         # payments 503
WARN = T(D + "14:10:00")            # KubeNodeDiskPressure (warning)
ALERT = T(D + "14:13:00")           # CheckoutPayment5xx (page)
PAGE = T(D + "14:13:20")
ESCALATED = T(D + "14:18:20")
ACK = T(D + "14:19:50")
COMMS = T(D + "14:22:00")
QUESTION = T(D + "14:24:00")
HUNCH = T(D + "14:25:10")
DIAG = T(D + "14:27:00")
MITIGATION = T(D + "14:30:10")
NODES_OK = T(D + "14:35:00")
MITIGATED = T(D + "14:36:30")
ALERT_OK = T(D + "14:41:00")
RESOLVED = T(D + "15:05:00")
NODES = ["ip-10-8-1-21.ec2.internal", "ip-10-8-2-34.ec2.internal", "ip-10-8-3-47.ec2.internal"]

# ---- events.k8s.io/v1
k = Kube(rng)
k.ev(add(JOB, seconds=1), "media", "CronJob", "video-transcode", "SuccessfulCreate", "Created job video-transcode-29312640", component="cronjob-controller")
for i, n in enumerate(NODES):
    pod = "video-transcode-29312640-%s" % uid("vt%d" % i, 5)
    k.ev(add(JOB, seconds=2 + i), "media", "Job", "video-transcode-29312640", "SuccessfulCreate", "Created pod: %s" % pod, component="job-controller")
    k.ev(add(JOB, seconds=9 + i), "media", "Pod", pod, "Started", "Started container transcode", host=n)
for i, n in enumerate(NODES):
    t = add(STARTED, seconds=50 * i)
    k.ev(t, "", "Node", n, "EvictionThresholdMet", "Attempting to reclaim ephemeral-storage", type_="Warning", host=n)
    k.ev(add(t, seconds=2), "", "Node", n, "NodeHasDiskPressure", "Node %s status is now: NodeHasDiskPressure" % n, host=n)
    for j in range(2):
        pod = "checkout-web-7d9f8c6b5-%s" % uid("cw%d%d" % (i, j), 5)
        te = add(t, seconds=20 + 15 * j)
        k.ev(te, "checkout", "Pod", pod, "Evicted",
             "The node was low on resource: ephemeral-storage. Threshold quantity: 10%%, available: %d%%. Container web was using 48Ki, request is 0." % rng.randint(3, 9),
             type_="Warning", host=n)
        k.ev(add(te, seconds=3), "checkout", "ReplicaSet", "checkout-web-7d9f8c6b5", "SuccessfulCreate",
             "Created pod: checkout-web-7d9f8c6b5-%s" % uid("cn%d%d" % (i, j), 5), component="replicaset-controller")
        k.ev(add(te, seconds=5), "checkout", "Pod", "checkout-web-7d9f8c6b5-%s" % uid("cn%d%d" % (i, j), 5), "FailedScheduling",
             "0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }.", type_="Warning", component="default-scheduler")
for i, n in enumerate(NODES):
    pod = "video-transcode-29312640-%s" % uid("vt%d" % i, 5)
    k.ev(add(MITIGATION, seconds=30 + i), "media", "Pod", pod, "Killing", "Stopping container transcode", host=n)
    k.ev(add(NODES_OK, seconds=20 * i), "", "Node", n, "NodeHasNoDiskPressure", "Node %s status is now: NodeHasNoDiskPressure" % n, host=n)
for j in range(6):
    k.ev(add(NODES_OK, seconds=40 + 8 * j), "checkout", "Pod", "checkout-web-7d9f8c6b5-%s" % uid("cn%d" % j, 5), "Started", "Started container web", host=NODES[j % 3])
for t in (T(D + "13:30:00"),):  # nightly report job fails every day (backoff)
    k.ev(t, "reports", "Job", "nightly-report-29312550", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("cluster/events.json", k.v1_list())

# ---- ingress-nginx JSON access log
al = []
for t in poisson_times(rng, W0, W1, 0.5):
    path = rng.choice(["/checkout/pay", "/checkout/cart", "/api/shipping/quote", "/static/app.js"])
    st, rt, up = 200, rng.uniform(0.01, 0.3), "10.8.%d.%d:8080" % (rng.randint(1, 3), rng.randint(2, 250))
    if SYMPTOM <= t < MITIGATED and path.startswith("/checkout") and rng.random() < 0.7:
        st, rt, up = 503, rng.uniform(0.0005, 0.004), "-"
    elif rng.random() < 0.01:
        st = 499
    al.append((t, jline({"time": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "remote_addr": "100.64.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)),
                         "request": "POST %s HTTP/2.0" % path, "status": st, "body_bytes_sent": rng.randint(100, 4000),
                         "request_time": round(rt, 3), "upstream_addr": up, "host": "shop.example.com",
                         "http_user_agent": "Mozilla/5.0"})))
inc.lines("ingress/access.json.log", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- git log of the manifests repo (local offsets)
def commit(t, sha, who, mail, subject, zone):
    lt = local(t, zone)
    return ["commit " + sha, "Author: %s <%s>" % (who, mail), "Date:   " + lt.strftime("%a %b %-d %H:%M:%S %Y %z"), "", "    " + subject, ""]
gl = []
gl += commit(CHANGE, "c0ffee1" + uid("chg", 33), "Tomás Ruiz", "tomas@acme.io", "media: add video-transcode CronJob (hourly, scratch on emptyDir)", "Europe/Madrid")
gl += commit(OTHER_COMMIT, "5eed0a1" + uid("oth", 33), "Hana Sato", "hana@acme.io", "search: bump search-api replicas 6 -> 8", "Asia/Tokyo")
gl += commit(T("2026-09-23 16:10:00"), "a11ce00" + uid("old", 33), "Tomás Ruiz", "tomas@acme.io", "media: image tag 2.4.1", "Europe/Madrid")
inc.lines("manifests-git-log.txt", gl)

# ---- alertmanager webhooks (one JSON array of bodies)
bodies = []
plat = {"severity": "warning", "team": "platform", "namespace": "kube-system"}
for i, n in enumerate(NODES[:1]):
    bodies.append(am_webhook("slack-platform", [am_alert("KubeNodeDiskPressure", dict(plat, node=n), "%s has disk pressure" % n, WARN)]))
    bodies.append(am_webhook("slack-platform", [am_alert("KubeNodeDiskPressure", dict(plat, node=n), "%s has disk pressure" % n, WARN, ends=add(NODES_OK, minutes=2))]))
cl = {"severity": "critical", "team": "checkout", "service": "checkout-web", "namespace": "checkout"}
bodies.append(am_webhook("pagerduty-checkout", [am_alert("CheckoutPayment5xx", cl, "payments 5xx above 5% for 3m", ALERT)]))
bodies.append(am_webhook("pagerduty-checkout", [am_alert("CheckoutPayment5xx", cl, "payments 5xx above 5% for 3m", ALERT, ends=ALERT_OK)]))
for t in (T(D + "13:15:00"), T(D + "14:16:00"), T(D + "15:20:00")):
    ol = {"severity": "warning", "team": "data", "job": "kafka-connect", "connector": "pg-sink-orders"}
    bodies.append(am_webhook("slack-data", [am_alert("KafkaConnectTaskFailed", ol, "pg-sink-orders task restarted", t)]))
    bodies.append(am_webhook("slack-data", [am_alert("KafkaConnectTaskFailed", ol, "pg-sink-orders task restarted", t, ends=add(t, minutes=5))]))
inc.json("alertmanager/webhooks.json", bodies)

# ---- pagerduty webhook v2 (ndjson of bodies)
pd = PD(6301, "CheckoutPayment5xx payments 5xx above 5% for 3m", "checkout-web", "PCHK001", "Checkout")
lea = PD.user("Lea Brandt", "PLEA001")
omar = PD.user("Omar Haddad", "POMA001")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(ESCALATED, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(ACK, "acknowledge_log_entry", omar, {"type": "mobile"}, "Acknowledged by Omar Haddad.")
pd.add(RESOLVED, "resolve_log_entry", omar, {"type": "web_ui"}, "Resolved by Omar Haddad.")
inc.lines("pagerduty-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 6301, "CheckoutPayment5xx payments 5xx above 5% for 3m", PAGE)])

# ---- slack: four channels, bots write only blocks
s = Slack()
for u, n, r in [("ULEA", "lea", "Lea Brandt"), ("UOMA", "omar", "Omar Haddad"), ("UTOM", "tomas", "Tomás Ruiz"), ("UHAN", "hana", "Hana Sato")]:
    s.user(u, n, r)
for cid, name in [("C11", "general"), ("C12", "ops-alerts"), ("C13", "inc-6301-checkout"), ("C14", "status-page")]:
    s.channel(cid, name)
chatter = ["lunch?", "all-hands at 4", "the build cache is slow today", "who has the conference room key",
           "new laptop policy is out", "congrats on the launch!", "reviewing the Q4 roadmap doc"]
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    s.say("general", t, rng.choice(["UTOM", "UHAN", "ULEA"]), rng.choice(chatter))
s.bot("ops-alerts", add(PAGE, seconds=5), "B0PD", "PagerDuty",
      blocks=pd_slack_blocks(":rotating_light: *Triggered* <https://acme.pagerduty.com/incidents/Q1|#6301 CheckoutPayment5xx payments 5xx above 5% for 3m> on checkout-web"))
s.bot("ops-alerts", add(ACK, seconds=4), "B0PD", "PagerDuty",
      blocks=pd_slack_blocks(":large_yellow_circle: *Acknowledged* by Omar Haddad: #6301 CheckoutPayment5xx"))
s.bot("status-page", COMMS, "B0SP", "Statuspage",
      blocks=pd_slack_blocks("*Investigating* - Checkout: some customers see errors when paying. We are investigating."))
s.bot("status-page", add(MITIGATED, minutes=6), "B0SP", "Statuspage",
      blocks=pd_slack_blocks("*Monitoring* - Checkout: a fix has been applied and payments succeed again. We are monitoring."))
ch = "inc-6301-checkout"
s.say(ch, add(ACK, seconds=40), "UOMA", "here, Lea didn't pick up. payments failing with 503 at the ingress, no upstream")
s.say(ch, QUESTION, "ULEA", "sorry, was in the car. should we roll back the search replicas change?")
s.say(ch, HUNCH, "UHAN", "maybe the AWS load balancer? there's an AZ notice")
s.say(ch, add(HUNCH, seconds=40), "UOMA", "LB looks fine, the pods are just gone")
s.say(ch, DIAG, "UOMA", "root cause: the new video-transcode cronjob writes scratch to emptyDir without a limit, "
      "it's filling the nodes' ephemeral storage and kubelet evicts checkout-web under DiskPressure")
s.say(ch, MITIGATION, "UOMA", "I suspended the video-transcode cronjob and deleted its running pods")
s.say(ch, add(MITIGATED, seconds=45), "ULEA", "checkout pods scheduled again, payments OK")
s.say(ch, add(RESOLVED, seconds=-30), "UOMA", "all green for 25 min, resolving. follow-ups: ephemeral-storage limits, quota on media ns")
s.write(inc, "slack")

inc.truth(
    "transcode-disk-pressure", "node-disk-pressure-evictions",
    "A new video-transcode CronJob filled the nodes' ephemeral storage at its first run; kubelet evicted checkout-web\n"
    "under DiskPressure and payments 503'd until the CronJob was suspended and the nodes recovered.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "video-transcode CronJob added", "manifests-git-log.txt", 120),
     (STARTED, "first_symptom", "node DiskPressure, eviction threshold met", "cluster/events.json", 60),
     (WARN, "alert_fired", "KubeNodeDiskPressure firing", "alertmanager/webhooks.json", 60),
     (PAGE, "paged", "PagerDuty #6301 triggered", "pagerduty-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Omar acknowledges after the escalation", "pagerduty-webhooks.ndjson", 60),
     (COMMS, "communication", "status page: investigating", "slack", 90),
     (DIAG, "diagnosis", "Omar: transcode cronjob fills ephemeral storage, kubelet evicts", "slack", 90),
     (MITIGATION, "mitigation", "video-transcode cronjob suspended", "slack", 90),
     (MITIGATED, "recovery", "payment 503s stop", "ingress/access.json.log", 90),
     (ALERT_OK, "alert_resolved", "CheckoutPayment5xx resolved", "alertmanager/webhooks.json", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty-webhooks.ndjson", 60)],
    [(OTHER_COMMIT, "search replicas bump by another team", "manifests-git-log.txt"),
     (T(D + "14:16:00"), "KafkaConnectTaskFailed flapping (data team)", "alertmanager/webhooks.json"),
     (T(D + "13:30:00"), "nightly-report job fails (backoff)", "cluster/events.json"),
     (QUESTION, "'roll back the search change?' question", "slack"),
     (HUNCH, "'AWS load balancer?' wrong hunch", "slack")],
    [("cluster/events.json", "kube-events"), ("ingress/access.json.log", "logs"), ("manifests-git-log.txt", "git-log"),
     ("alertmanager/webhooks.json", "alertmanager-webhook"), ("pagerduty-webhooks.ndjson", "pagerduty-log-entries"),
     ("slack", "slack-export")])
