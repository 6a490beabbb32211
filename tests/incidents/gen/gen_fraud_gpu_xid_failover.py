"""train8/fraud-gpu-xid-failover: two of three GPU nodes serving the fraud-scoring model fall off the bus (Xid 48/79,
a provider hardware fault) minutes before scoring times out; checkout payments go to manual review until traffic
fails over to the second region."""
import random
from common import *

rng = random.Random(20260819)
inc = Incident("train8", "fraud-gpu-xid-failover")
D = "2026-08-19 "
W0, W1 = T(D + "06:00:00"), T(D + "09:00:00")
CRON = [T("2026-08-%02d 02:15:%02d" % (d, 4 + d % 7)) for d in (17, 18, 19)]
OTHER_DEPLOY = T(D + "06:41:20")
STARTED = T(D + "07:02:47")      # Xid 48 on gpu-a-3
XID79_A3 = T(D + "07:04:10")
WARN_ALERT = T(D + "07:05:00")   # GpuXidErrors to #ml-platform
XID79_A4 = T(D + "07:06:31")
APP_ERR = T(D + "07:08:55")
ALERT = T(D + "07:12:30")
PAGE = T(D + "07:13:00")
ACK = T(D + "07:16:40")
WRONG = T(D + "07:19:05")
ROLLBACK_Q = T(D + "07:21:20")
DIAG = T(D + "07:24:30")
COMMS = T(D + "07:27:00")
SHIFT = T(D + "07:31:12")
MITIGATED = T(D + "07:32:40")
PROVIDER = T(D + "07:45:10")
SHIFT_BACK = T(D + "08:20:05")
RESOLVED = T(D + "08:31:00")
NODES = ["ip-10-40-12-31.eu-west-1.compute.internal", "ip-10-40-13-77.eu-west-1.compute.internal", "ip-10-40-14-9.eu-west-1.compute.internal"]
SHORT = {"gpu-a-3": NODES[0], "gpu-a-4": NODES[1], "gpu-a-5": NODES[2]}


def err_ratio(t):
    if t < APP_ERR or t >= MITIGATED:
        return 0.001 + 0.0008 * ((int(epoch(t)) // 15) % 3)
    if t < SHIFT:
        return min(0.62, 0.18 + (t - APP_ERR).total_seconds() / 900.0)
    return 0.62 * max(0.0, 1 - (t - SHIFT).total_seconds() / 88.0) + 0.001

# ---- kernel log of the GPU nodes (syslog, UTC hosts)
kl = []
def K(t, host, msg, prog="kernel"):
    kl.append((t, syslog(t, "UTC", host, prog, msg)))
for h in SHORT:
    for t in poisson_times(rng, W0, W1, 1 / 300.0):
        K(t, h, "[%d.%06d] IPv4: martian source 10.40.%d.%d from 169.254.%d.%d, on dev eth0" % (rng.randint(800000, 900000), rng.randint(0, 999999), rng.randint(0, 20), rng.randint(1, 254), rng.randint(0, 254), rng.randint(1, 254)))
    for t in frange(add(W0, minutes=rng.randint(0, 9)), W1, 600):
        K(t, h, "nvidia-persistenced: device 0000:00:1e.0 - persistence mode enabled.", prog="nvidia-persistenced[1187]")
K(STARTED, "gpu-a-3", "[861204.331872] NVRM: Xid (PCI:0000:00:1e): 48, pid=41822, name=tritonserver, An uncorrectable double bit error (DBE) has been detected on GPU in the framebuffer at partition 3, subpartition 1.")
K(add(STARTED, seconds=1), "gpu-a-3", "[861204.902410] NVRM: Xid (PCI:0000:00:1e): 63, pid=41822, name=tritonserver, Row Remapper: New row marked for remapping, reset gpu to activate.")
K(XID79_A3, "gpu-a-3", "[861287.114506] NVRM: Xid (PCI:0000:00:1e): 79, pid=41822, name=tritonserver, GPU has fallen off the bus.")
K(add(XID79_A3, seconds=1), "gpu-a-3", "[861287.114992] NVRM: GPU 0000:00:1e.0: GPU has fallen off the bus.")
K(add(XID79_A4, seconds=-40), "gpu-a-4", "[702311.508001] NVRM: Xid (PCI:0000:00:1e): 48, pid=39011, name=tritonserver, An uncorrectable double bit error (DBE) has been detected on GPU in the framebuffer at partition 0, subpartition 0.")
K(XID79_A4, "gpu-a-4", "[702351.771233] NVRM: Xid (PCI:0000:00:1e): 79, pid=39011, name=tritonserver, GPU has fallen off the bus.")
inc.lines("kern.log", [l for _, l in sorted(kl, key=lambda x: x[0])])

# ---- Triton server logs (glog) from the three pods, plus fraud-api client side errors
tl = []
PODS = {"gpu-a-3": "fraud-model-7b9d5-hx2lq", "gpu-a-4": "fraud-model-7b9d5-p9c7w", "gpu-a-5": "fraud-model-7b9d5-zt4km"}
def TL(t, sev, src, msg, pod):
    tl.append((t, "%s %s" % (pod, klog(t, sev, 1, src, msg))))
for t in poisson_times(rng, W0, W1, 1 / 180.0):
    TL(t, "W", "http_server.cc:3452", "HTTP request for model 'fraud_gbt_v31' rejected: input 'merchant_features' shape [1,142] does not match [1,144], client sent stale schema", PODS[rng.choice(list(PODS))])
for t in frange(add(W0, seconds=37), W1, 900):
    TL(t, "I", "model_lifecycle.cc:818", "successfully loaded 'fraud_gbt_v31' version 31 (repository poll, no change)", PODS["gpu-a-5"])
TL(add(XID79_A3, seconds=2), "E", "backend_model_instance.cc:744", "fraud_gbt_v31_0_0: CUDA error: unspecified launch failure", PODS["gpu-a-3"])
TL(add(XID79_A3, seconds=3), "E", "server.cc:292", "Failed to stabilize server readiness: GPU 0 is not available", PODS["gpu-a-3"])
TL(add(XID79_A4, seconds=2), "E", "backend_model_instance.cc:744", "fraud_gbt_v31_0_0: CUDA error: unspecified launch failure", PODS["gpu-a-4"])
TL(add(XID79_A4, seconds=3), "E", "server.cc:292", "Failed to stabilize server readiness: GPU 0 is not available", PODS["gpu-a-4"])
for t in [APP_ERR] + poisson_times(rng, APP_ERR, SHIFT, 1 / 12.0):
    TL(t, "W", "dynamic_batch_scheduler.cc:581", "request queue for 'fraud_gbt_v31' full (max_queue_size=256), rejecting request", PODS["gpu-a-5"])
inc.lines("triton.log", [l for _, l in sorted(tl, key=lambda x: x[0])])

# ---- kube events
k = Kube(rng)
for c in CRON:
    k.ev(add(c, seconds=95), "ml-platform", "Job", "model-registry-gc-%d" % (29230000 + c.day), "BackoffLimitExceeded", "Job has reached the specified backoff limit", "Warning", component="job-controller")
k.ev(OTHER_DEPLOY, "payments", "Deployment", "payments-ledger", "ScalingReplicaSet", "Scaled up replica set payments-ledger-84d6c9f5b to 1 from 0", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=95), "payments", "Deployment", "payments-ledger", "ScalingReplicaSet", "Scaled down replica set payments-ledger-6f7b8d4c9 to 0 from 1", component="deployment-controller")
k.ev(add(XID79_A3, seconds=31), "ml-serving", "Pod", PODS["gpu-a-3"], "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 400", "Warning", host=SHORT["gpu-a-3"], count=14)
k.ev(add(XID79_A4, seconds=29), "ml-serving", "Pod", PODS["gpu-a-4"], "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 400", "Warning", host=SHORT["gpu-a-4"], count=11)
k.ev(add(XID79_A3, seconds=62), "", "Node", SHORT["gpu-a-3"], "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % SHORT["gpu-a-3"], component="node-problem-detector", host=SHORT["gpu-a-3"])
k.ev(add(XID79_A4, seconds=58), "", "Node", SHORT["gpu-a-4"], "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % SHORT["gpu-a-4"], component="node-problem-detector", host=SHORT["gpu-a-4"])
k.ev(T(D + "07:58:40"), "", "Node", "ip-10-40-15-120.eu-west-1.compute.internal", "RegisteredNode", "Node ip-10-40-15-120.eu-west-1.compute.internal event: Registered Node ip-10-40-15-120.eu-west-1.compute.internal in Controller", component="node-controller")
k.pod_start(T(D + "08:01:10"), "ml-serving", "fraud-model-7b9d5-w8r2n", "ip-10-40-15-120.eu-west-1.compute.internal", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud-model:31.0.2", "triton")
k.pod_start(T(D + "08:04:35"), "ml-serving", "fraud-model-7b9d5-c3j6d", "ip-10-40-16-5.eu-west-1.compute.internal", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud-model:31.0.2", "triton")
for t in poisson_times(rng, W0, W1, 1 / 700.0):
    k.ev(t, "data", "Pod", "feature-sync-%s" % hexid(rng, 5), "BackOff", "Back-off restarting failed container sync in pod", "Warning", host=NODES[2], count=rng.randint(2, 9))
inc.json("events.json", k.core_list())

# ---- Prometheus query_range: scoring error ratio per region, requests per region
step = 30
def reqs_west(t):
    if SHIFT <= t < SHIFT_BACK:
        return 3.0 + rng.uniform(0, 2)
    return 410 + rng.uniform(-25, 25)
def reqs_central(t):
    if SHIFT <= t < SHIFT_BACK:
        return 520 + rng.uniform(-25, 25)
    return 95 + rng.uniform(-10, 10)
q = query_range([
    ({"__name__": "fraud:score_errors:ratio_rate1m", "region": "eu-west-1", "service": "fraud-api"}, err_ratio),
    ({"__name__": "fraud:score_errors:ratio_rate1m", "region": "eu-central-1", "service": "fraud-api"}, lambda t: 0.0009 + rng.uniform(0, 0.0006)),
    ({"__name__": "fraud:requests:rate1m", "region": "eu-west-1", "service": "fraud-api"}, reqs_west),
    ({"__name__": "fraud:requests:rate1m", "region": "eu-central-1", "service": "fraud-api"}, reqs_central),
], W0, W1, step, fmt="%.4f")
inc.json("query_range.json", q, indent=None)

# ---- PagerDuty log entries
pd = PD(7712, "FraudScoringErrorRatio fraud-api eu-west-1", "fraud-api", "PFRD031")
ana = PD.user("Ana Lima", "PANALM1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager eu-west-1"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Ana Lima by phone.", user=ana)
pd.add(ACK, "acknowledge_log_entry", ana, {"type": "phone"}, "Acknowledged by Ana Lima.")
pd.add(add(SHIFT, seconds=40), "annotate_log_entry", ana, {"type": "web_ui", "summary": "fraud-api traffic shifted to eu-central-1"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", ana, {"type": "web_ui"}, "Resolved by Ana Lima.")
inc.json("pd.json", pd.export())

# ---- Slack (alerts arrive here too; chatops traffic bot)
s = Slack()
for u, n, r in [("UANA", "ana", "Ana Lima"), ("UKOF", "kofi", "Kofi Mensah"), ("UELI", "elin", "Elin Berg"), ("URAJ", "raj", "Raj Patel"), ("UMAY", "maya", "Maya Cohen")]:
    s.user(u, n, r, "Europe/Lisbon")
s.user("UBOT", "traffic-bot", "traffic-bot", bot=True)
for cid, n in [("CMLP", "ml-platform-alerts"), ("CINC", "inc-fraud-scoring"), ("CPAY", "payments-oncall")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("ml-platform-alerts", add(c, minutes=2), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job ml-platform/model-registry-gc failed", color="warning"))
s.bot("ml-platform-alerts", WARN_ALERT, "BAM", "alertmanager", attachments=am_slack_attachment("firing", "GpuXidErrors", "DCGM reports Xid 48 on gpu-a-3 (fraud-model)", color="warning"))
s.bot("ml-platform-alerts", add(XID79_A4, seconds=50), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "GpuXidErrors", "DCGM reports Xid 79 on gpu-a-3, gpu-a-4 (fraud-model)", color="warning"))
s.bot("ml-platform-alerts", ALERT, "BAM", "alertmanager", attachments=am_slack_attachment("firing", "FraudScoringErrorRatio", "fraud-api eu-west-1 scoring errors 24%"))
s.bot("ml-platform-alerts", T(D + "07:36:30"), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "FraudScoringErrorRatio", "fraud-api eu-west-1 scoring errors"))
for i in range(5):
    t0 = add(T(D + "06:12:00"), minutes=31 * i)
    s.bot("payments-oncall", t0, "BAM", "alertmanager", attachments=am_slack_attachment("firing", "SettlementFileLate", "acquirer settlement file not received", color="warning"))
    s.bot("payments-oncall", add(t0, minutes=6), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "SettlementFileLate", "acquirer settlement file received"))
s.say("payments-oncall", add(OTHER_DEPLOY, seconds=120), "URAJ", "payments-ledger 2.44.1 is out, only a log level change")
ch = "inc-fraud-scoring"
s.say(ch, add(ACK, seconds=35), "UANA", "acked. fraud-api eu-west-1 timing out to the model, checkout is sending ~25% of card payments to manual review")
s.say(ch, WRONG, "URAJ", "payments-ledger went out at 06:41, could that be it?")
s.say(ch, add(WRONG, seconds=60), "UANA", "ledger doesn't call fraud-api, don't think so")
s.say(ch, ROLLBACK_Q, "UMAY", "should we roll back the v31 model we shipped yesterday?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "UKOF", "v31 has been fine for 20 hours, and gpu-a-5 serves it ok")
s.say(ch, DIAG, "UKOF", "gpu-a-3 and gpu-a-4 both logged Xid 48 then Xid 79, GPU has fallen off the bus. Hardware. gpu-a-5 alone can't carry eu-west-1, its queue is full")
s.say(ch, COMMS, "UELI", "merchant status page: 'Elevated manual reviews on card payments in Europe, investigating'")
s.say(ch, add(SHIFT, seconds=-50), "UANA", "failing fraud-api over to eu-central-1, it has the headroom")
s.bot(ch, SHIFT, "BTRF", "traffic-bot", blocks=pd_slack_blocks("*fraud-api* weights changed by ana: eu-west-1 100→0, eu-central-1 0→100 (global accelerator endpoint group fraud-api-eu)"))
s.say(ch, add(MITIGATED, seconds=70), "UANA", "errors back to baseline, manual-review rate normal again")
s.say(ch, PROVIDER, "UELI", "AWS Health: 'We are investigating degraded hardware affecting a small number of P4d/G5 instances in EUW1-AZ1'. That's our two nodes")
s.say(ch, T(D + "08:06:00"), "UKOF", "replacement nodes gpu-a-6/7 in, two new model pods ready")
s.bot(ch, SHIFT_BACK, "BTRF", "traffic-bot", blocks=pd_slack_blocks("*fraud-api* weights changed by ana: eu-west-1 0→100, eu-central-1 100→0 (global accelerator endpoint group fraud-api-eu)"))
s.say(ch, add(RESOLVED, seconds=-45), "UANA", "eu-west-1 back in for 10 min, clean. resolving, old nodes cordoned for AWS")
s.write(inc, "slack")

inc.truth(
    "fraud-gpu-xid-failover", "gpu-hardware-fault-inference-capacity-loss",
    "A provider hardware fault made two of the three GPU nodes serving the fraud model log Xid 48/79 and fall off the bus; the last\n"
    "node's queue overflowed, scoring timed out and card payments went to manual review until fraud-api failed over to eu-central-1.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "gpu-a-3 Xid 48 double bit error (then Xid 79, GPU fell off the bus)", "kern.log", 60),
     (WARN_ALERT, "alert_fired", "GpuXidErrors warning in #ml-platform-alerts", "slack", 60),
     (APP_ERR, "first_symptom", "fraud-api scoring errors rise in eu-west-1", "query_range.json", 60),
     (ALERT, "alert_fired", "FraudScoringErrorRatio firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #7712 triggered", "pd.json", 60),
     (ACK, "acknowledged", "Ana acknowledges", "pd.json", 60),
     (DIAG, "diagnosis", "Kofi: Xid 79 on both nodes, remaining GPU can't carry the load", "slack", 90),
     (COMMS, "communication", "merchant status page post", "slack", 90),
     (SHIFT, "mitigation", "traffic weights moved to eu-central-1", "slack", 60),
     (MITIGATED, "recovery", "scoring error ratio back to baseline", "query_range.json", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd.json", 60)],
    [(CRON[-1], "nightly model-registry-gc Job fails every night", "events.json"),
     (OTHER_DEPLOY, "payments-ledger rollout by the payments team", "events.json"),
     (T(D + "06:12:00"), "SettlementFileLate flapping for payments", "slack"),
     (WRONG, "wrong hunch: payments-ledger rollout", "slack"),
     (ROLLBACK_Q, "'should we roll back the v31 model?' question", "slack"),
     (PROVIDER, "AWS Health post (confirms cause, not an action)", "slack"),
     (SHIFT_BACK, "traffic shifted back after new nodes joined", "slack"),
     (T(D + "06:30:00"), "steady stale-schema rejections and martian-source kernel messages all window", "triton.log")],
    [("kern.log", "logs"), ("triton.log", "logs"), ("events.json", "kube-events"), ("query_range.json", "prometheus-query-range"),
     ("pd.json", "pagerduty-log-entries"), ("slack", "slack-export")])
