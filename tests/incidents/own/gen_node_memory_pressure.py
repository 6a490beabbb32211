"""own/node-memory-pressure (#20, kept out of tuning): a log shipper's new version leaks memory on
one node; the node reports memory pressure and the kubelet evicts cart-api pods in turn, then
cart 5xx reach customers; fixed by cordoning and draining the node and rolling the shipper back.
Run from anywhere: python3 tests/incidents/own/gen_node_memory_pressure.py"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen"))
from common import *  # noqa: E402,F403

rng = random.Random(20261020)
inc = Incident("own", "node-memory-pressure")
D = "2026-10-20 "
W0, W1 = T(D + "08:00:00"), T(D + "10:30:00")
OTHER_DEPLOY = T(D + "08:14:30")
CHANGE = T(D + "08:21:05")         # fluent-shipper v2.3.0 daemonset rollout
STARTED = T(D + "08:47:30")        # NodeHasInsufficientMemory on the node
EVICT = T(D + "08:49:10")
SYMPTOM = T(D + "08:49:40")        # cart-api 5xx begin
ALERT = T(D + "08:53:15")
PAGE = T(D + "08:53:40")
ACK = T(D + "08:58:20")
QUESTION = T(D + "09:01:00")
DIAG = T(D + "09:06:30")
DRAIN = T(D + "09:10:15")
MITIGATED = T(D + "09:11:40")
ROLLBACK = T(D + "09:18:00")
ALERT_OK = T(D + "09:16:45")
RESOLVED = T(D + "09:40:00")
NODE = "ip-10-4-7-21.ec2.internal"


def failing(t):
    return SYMPTOM <= t < MITIGATED


# ---- nginx access log of the cart ingress (UTC offset in each line)
al = []
for t in poisson_times(rng, W0, W1, 1.6):
    path = rng.choice(["/api/cart", "/api/cart/items", "/api/cart/checkout", "/static/app.js"])
    if failing(t) and path.startswith("/api/cart") and rng.random() < 0.35:
        st, rt = rng.choice([502, 503, 504]), rng.uniform(0.001, 5.0)
    else:
        st, rt = (200 if rng.random() > 0.01 else 404), rng.uniform(0.01, 0.2)
    al.append((t, nginx(t, "10.1.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)), "GET", path, st, rng.randint(200, 9000), "Mozilla/5.0", rt=rt)))
inc.lines("ingress/access.log.gz", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- kubernetes events
k = Kube(rng)
k.ev(OTHER_DEPLOY, "payments", "Deployment", "payments-web", "ScalingReplicaSet", "Scaled up replica set payments-web-7c9f8d6b5 to 3", component="deployment-controller")
for i in range(4):
    k.ev(add(CHANGE, seconds=20 * i), "logging", "DaemonSet", "fluent-shipper", "SuccessfulCreate", "Created pod: fluent-shipper-%s" % uid("fs%d" % i, 5), component="daemonset-controller")
k.ev(STARTED, "", "Node", NODE, "NodeHasInsufficientMemory", "Node %s status is now: NodeHasInsufficientMemory" % NODE, type_="Warning", host=NODE)
k.ev(add(STARTED, seconds=20), "", "Node", NODE, "EvictionThresholdMet", "Attempting to reclaim memory", type_="Warning", host=NODE)
for i, t in enumerate([EVICT, add(EVICT, seconds=150), add(EVICT, seconds=330), add(EVICT, seconds=560)]):
    pod = "cart-api-5d8f7c9b6-%s" % uid("cart%d" % i, 5)
    k.ev(t, "cart", "Pod", pod, "Evicted", "The node was low on resource: memory. Threshold quantity: 100Mi, available: 61244Ki. Container cart-api was using 412Mi, request is 256Mi", type_="Warning", host=NODE)
k.ev(DRAIN, "", "Node", NODE, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % NODE, host=NODE)
k.ev(add(DRAIN, seconds=40), "", "Node", NODE, "NodeHasSufficientMemory", "Node %s status is now: NodeHasSufficientMemory" % NODE, host=NODE)
for t in (T(D + "08:05:00"), T(D + "09:35:00")):
    k.ev(t, "batch", "Pod", "report-gen-%s" % uid(str(t), 5), "BackOff", "Back-off restarting failed container report-gen", type_="Warning", host="ip-10-4-2-9.ec2.internal")
inc.json("k8s-events.json", k.core_list())

# ---- alerts (webhooks)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
lab = {"severity": "page", "team": "cart", "service": "cart-api", "namespace": "cart"}
H(add(ALERT, seconds=6), am_webhook("pd-cart", [am_alert("CartApiErrors", lab, "cart-api 5xx above 3%", ALERT)]))
H(add(ALERT_OK, seconds=6), am_webhook("pd-cart", [am_alert("CartApiErrors", lab, "cart-api 5xx above 3%", ALERT, ends=ALERT_OK)]))
for t in (T(D + "08:10:00"), T(D + "08:58:00"), T(D + "09:50:00")):
    nl = {"severity": "warning", "team": "platform", "instance": "nat-gw-2"}
    H(t, am_webhook("slack-platform", [am_alert("NatGatewayPacketDrops", nl, "packet drops on nat-gw-2", t)]))
    H(add(t, minutes=6), am_webhook("slack-platform", [am_alert("NatGatewayPacketDrops", nl, "packet drops on nat-gw-2", t, ends=add(t, minutes=6))]))
inc.lines("alerts.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- deploys
dep = [{"id": 301 + i, "started_at": iso(t), "finished_at": iso(add(t, seconds=60)), "service": svc, "environment": "prod",
        "revision": rev, "actor": who, "status": "success", "kind": kind}
       for i, (t, svc, rev, who, kind) in enumerate([
           (OTHER_DEPLOY, "payments-web", "9e1f00a", "ana.s", "k8s-rollout"),
           (CHANGE, "fluent-shipper", "v2.3.0", "bo.l", "daemonset-rollout"),
           (ROLLBACK, "fluent-shipper", "v2.2.4", "bo.l", "rollback")])]
inc.json("deploys.json", {"deploys": dep})

# ---- pagerduty
pd = PD(9120, "CartApiErrors cart-api 5xx above 3%", "cart-api", "PCRT001")
eve = PD.user("Eve Martin", "PEVE001")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Eve Martin by push notification.", user=eve)
pd.add(ACK, "acknowledge_log_entry", eve, {"type": "mobile"}, "Acknowledged by Eve Martin.")
pd.add(RESOLVED, "resolve_log_entry", eve, {"type": "web_ui"}, "Resolved by Eve Martin.")
inc.json("pagerduty-entries.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UEVE", "eve", "Eve Martin"), ("UBOL", "bo", "Bo Larsen"), ("UANA", "ana", "Ana Silva")]:
    s.user(u, n, r)
s.channel("CINC", "inc-cart")
ch = "inc-cart"
s.say(ch, add(ACK, seconds=45), "UEVE", "ack. cart 5xx from the ingress, cart-api pods being evicted")
s.say(ch, QUESTION, "UANA", "payments-web rolled out this morning, should we roll it back?")
s.say(ch, add(QUESTION, seconds=50), "UEVE", "payments-web runs in another namespace, not related")
s.say(ch, DIAG, "UBOL", "it's the node memory pressure on ip-10-4-7-21: fluent-shipper v2.3.0 grows to 3Gi there, the kubelet evicts cart-api")
s.say(ch, add(DRAIN, seconds=-30), "UBOL", "cordoning and draining ip-10-4-7-21 now")
s.say(ch, add(MITIGATED, seconds=60), "UEVE", "5xx gone after the drain, cart healthy again")
s.say(ch, add(ROLLBACK, seconds=20), "UBOL", "rolled back fluent-shipper to v2.2.4 everywhere")
s.say(ch, add(RESOLVED, seconds=-30), "UEVE", "stable for 20 min, resolving")
s.write(inc, "slack")

inc.truth(
    "node-memory-pressure", "node-memory-pressure-evictions",
    "A log shipper rollout leaked memory on one node; the node hit memory pressure and evicted cart-api pods,\n"
    "cart 5xx reached customers until the node was cordoned and drained and the shipper rolled back.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "fluent-shipper v2.3.0 daemonset rollout", "deploys.json", 120),
     (STARTED, "first_symptom", "node reports NodeHasInsufficientMemory", "k8s-events.json", 60),
     (ALERT, "alert_fired", "CartApiErrors firing", "alerts.ndjson", 60),
     (PAGE, "paged", "PagerDuty #9120 triggered", "pagerduty-entries.json", 60),
     (ACK, "acknowledged", "Eve acknowledges", "pagerduty-entries.json", 60),
     (DIAG, "diagnosis", "Bo: node memory pressure from fluent-shipper", "slack", 90),
     (DRAIN, "mitigation", "node cordoned and drained", "k8s-events.json", 120),
     (MITIGATED, "recovery", "cart 5xx stop", "ingress/access.log.gz", 90),
     (ALERT_OK, "alert_resolved", "CartApiErrors resolved", "alerts.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty-entries.json", 60)],
    [(OTHER_DEPLOY, "payments-web rollout by another team", "deploys.json"),
     (T(D + "08:10:00"), "NatGatewayPacketDrops flapping for platform", "alerts.ndjson"),
     (T(D + "08:05:00"), "report-gen BackOff in batch namespace", "k8s-events.json"),
     (QUESTION, "'should we roll it back?' question", "slack")],
    [("ingress/access.log.gz", "logs"), ("k8s-events.json", "kube-events"), ("alerts.ndjson", "alertmanager-webhook"),
     ("deploys.json", "deploys"), ("pagerduty-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
