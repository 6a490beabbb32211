"""retired16/lumo-socket-nofile: an EKS managed node-group update to a new AL2023 AMI (containerd 2.x, no LimitNOFILE=infinity)
gives containers a 1024 soft nofile limit; the Phoenix socket gateway's pods on the new nodes stop accepting at ~1000 sockets,
and once the last old node is drained most drivers can't connect until a 2.14.1 entrypoint raises the soft limit."""
import random
from common import *

rng = random.Random(20260811)
inc = Incident("retired16", "lumo-socket-nofile")
D = "2026-08-11 "
W0, W1 = T(D + "12:30:00"), T(D + "15:30:00")
CRON = [T("2026-08-%02d 12:46:%02d" % (d, 20 + d)) for d in (8, 9, 10, 11)]
MNG = T(D + "13:05:10")
DRAINS = [T(D + x) for x in ("13:10:05", "13:17:10", "13:24:20", "13:31:30", "13:38:35", "13:45:40")]
MNG_DONE = T(D + "13:52:30")
WARN = T(D + "13:29:40")
OTHER_DEPLOY = T(D + "13:38:20")
PAGE_ALERT = T(D + "13:49:10")
PAGE = T(D + "13:49:11")
ESCALATE = T(D + "14:04:11")
ACK = T(D + "14:06:40")
ROLLBACK_Q = T(D + "14:09:00")
WRONG = T(D + "14:10:40")
DIAG = T(D + "14:12:30")
SCALE = T(D + "14:16:05")
FIX_SYNC = T(D + "14:31:20")
MITIGATED = T(D + "14:35:50")
PAGE_OK = T(D + "14:39:10")
WARN_OK = T(D + "14:41:40")
MNG2 = T(D + "15:01:30")
SCALE_BACK = T(D + "15:08:00")
RESOLVED = T(D + "15:14:20")
NS = "realtime"
DRIVERS = 96000
OLD_RS, FIX_RS = "socket-gw-6f8b9c7d4", "socket-gw-5d4c8b9f2"
IMG_OLD = "483920117734.dkr.ecr.eu-west-1.amazonaws.com/lumo/socket-gw:2.14.0"
IMG_FIX = "483920117734.dkr.ecr.eu-west-1.amazonaws.com/lumo/socket-gw:2.14.1"
OLD_NODES = ["ip-10-40-%d-%d.eu-west-1.compute.internal" % (a, b) for a, b in ((1, 23), (2, 141), (3, 77), (1, 208), (2, 19), (3, 164))]
NEW_NODES = ["ip-10-40-%d-%d.eu-west-1.compute.internal" % (a, b) for a, b in ((1, 90), (2, 55), (3, 212), (1, 131), (2, 240), (3, 36))]
EXTRA_NODES = ["ip-10-40-%d-%d.eu-west-1.compute.internal" % (a, b) for a, b in ((1, 12), (2, 88), (3, 101), (1, 247))]
SUF = iter("".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)) for _ in range(400))

# ---- pods: name, rs, node, start, end, limited
pods = []
def pod(rs, node, start, end, limited):
    p = {"name": "%s-%s" % (rs, next(SUF)), "rs": rs, "node": node, "start": start, "end": end, "limited": limited,
         "fill": rng.uniform(140, 175)}
    pods.append(p)
    return p
for i in range(16):
    k = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5][i]
    pod(OLD_RS, OLD_NODES[k], T("2026-08-10 16:10:30"), add(DRAINS[k], seconds=8 + i % 3), False)
# replacements on new nodes, limited to 1024 fds
for p in list(pods):
    k = OLD_NODES.index(p["node"])
    pod(OLD_RS, NEW_NODES[k], add(p["end"], seconds=14 + rng.randint(0, 6)), None, True)
# scale to 48 (extra 32 limited pods)
for i in range(32):
    pod(OLD_RS, (NEW_NODES + EXTRA_NODES)[i % 10], add(SCALE, seconds=6 + i % 7 + (40 if i >= 20 else 0)), None, True)
# rollout 2.14.1 (48 replicas, maxSurge 12): old RS pods go in four steps
STEPS = [T(D + x) for x in ("14:32:40", "14:34:10", "14:35:00", "14:35:48")]
limited = [p for p in pods if p["limited"]]
for j, p in enumerate(limited):
    p["end"] = STEPS[min(3, j // 12)]
fix_pods = []
for j in range(48):
    st = add(FIX_SYNC, seconds=25 + 12 * (j % 6)) if j < 12 else add(STEPS[min(3, (j - 12) // 12)], seconds=5 + j % 7)
    fix_pods.append(pod(FIX_RS, (NEW_NODES + EXTRA_NODES)[j % 10], st, None, False))
for p in fix_pods[16:]:
    p["end"] = add(SCALE_BACK, seconds=5 + rng.randint(0, 20))
STARTED = min(add(p["start"], seconds=p["fill"]) for p in pods if p["limited"]).replace(microsecond=0)
STARTED = add(STARTED, seconds=1)


def alive(t):
    return [p for p in pods if p["start"] <= t and (p["end"] is None or t < p["end"])]


def connected(t):
    a = alive(t)
    unl = [p for p in a if not p["limited"]]
    if unl and t < add(FIX_SYNC, seconds=20):
        # evicted sockets reconnect within ~90 s
        dip = 0
        for d in DRAINS:
            if d <= t < add(d, seconds=90):
                dip = int(DRIVERS / 6 * (1 - (t - d).total_seconds() / 90.0))
        return DRIVERS - dip
    if unl:
        return min(DRIVERS, sum(1010 for p in a if p["limited"]) + sum(min(9000, int((t - p["start"]).total_seconds() * 60)) for p in unl))
    return min(DRIVERS, 1010 * len(a))


def pod_conns(p, t):
    a = alive(t)
    c = connected(t)
    lim = [x for x in a if x["limited"]]
    unl = [x for x in a if not x["limited"]]
    if p["limited"]:
        return min(1010, int((t - p["start"]).total_seconds() / p["fill"] * 1010))
    rest = max(0, c - sum(min(1010, int((t - x["start"]).total_seconds() / x["fill"] * 1010)) for x in lim))
    return int(rest / max(1, len(unl)) * rng.uniform(0.97, 1.03))


def fail_share(t):
    """share of wss upgrade attempts that fail (a full, limited pod picked)."""
    a = alive(t)
    full = [p for p in a if p["limited"] and (t - p["start"]).total_seconds() > p["fill"]]
    return len(full) / max(1, len(a))


# ---- stern --timestamps output of socket-gw (Elixir console logger), gzipped
sl = []
def S(p, t, level, msg):
    lt = t.astimezone(UTC)
    sl.append((t, "%s socket-gw %s.%09dZ %s.%03d [%s] %s" % (p["name"], lt.strftime("%Y-%m-%dT%H:%M:%S"), lt.microsecond * 1000 + rng.randint(0, 999),
                                                           lt.strftime("%H:%M:%S"), lt.microsecond // 1000, level, msg)))
for p in pods:
    if W0 <= p["start"] <= W1:
        S(p, add(p["start"], seconds=3.1), "info", "Running LumoRealtimeWeb.Endpoint with cowboy 2.12.0 at :::4000 (http)")
        S(p, add(p["start"], seconds=3.11), "info", "Access LumoRealtimeWeb.Endpoint at https://rt.lumo.example")
    if p["end"] is not None and W0 <= p["end"] <= W1:
        S(p, add(p["end"], seconds=-0.2), "notice", "SIGTERM received - shutting down")
    lo, hi = max(W0, p["start"]), min(W1, p["end"] or W1)
    for t in poisson_times(rng, lo, hi, 1 / 50.0):
        if p["limited"] and (t - p["start"]).total_seconds() > p["fill"]:
            continue
        S(p, t, "info", "CONNECTED TO LumoRealtimeWeb.DriverSocket in %dµs" % rng.randint(180, 900))
    for t in poisson_times(rng, lo, hi, 1 / 400.0):
        S(p, t, "warning", "driver socket refused: token expired driver_id=%d app=%s" % (rng.randint(100000, 999999), rng.choice(["6.12.0", "6.12.0", "6.11.3", "6.9.1"])))
    if p["limited"]:
        full = add(p["start"], seconds=p["fill"])
        if full < STARTED:
            full = STARTED
        if full < hi:
            S(p, full, "warning", "Ranch acceptor reducing accept rate: out of file descriptors")
            for t in poisson_times(rng, full, hi, 1 / 40.0):
                S(p, t, "warning", "Ranch acceptor reducing accept rate: out of file descriptors")
            for t in poisson_times(rng, full, hi, 1 / 240.0):
                S(p, t, "error", "GenServer LumoRealtime.Presence.Tracker terminating\n** (stop) {:shutdown, {:failed_to_connect, {:tcp_error, :emfile}}}" if rng.random() < 0.3
                  else "Finch request to auth-svc failed: %%Mint.TransportError{reason: :emfile} (driver_id=%d)" % rng.randint(100000, 999999))
out = []
for t, l in sorted(sl, key=lambda x: x[0]):
    first, *rest = l.split("\n")
    out.append(first)
    pre = first.split(" ")[0] + " socket-gw " + first.split(" ")[2] + " "
    out += [pre + r for r in rest]
inc.lines("stern-socket-gw.txt.gz", out)

# ---- ALB access logs (one LB node, 5-minute objects)
ACC = "483920117734"
LB = "app/k8s-realtime-sockgw-3f9a0c1e2d/50dc6c495c0c9188"
TG = "arn:aws:elasticloadbalancing:eu-west-1:%s:targetgroup/k8s-realtime-sockgw-8b1c2d3e4f/73e2d6bc24d8a067" % ACC
CERT = "arn:aws:acm:eu-west-1:%s:certificate/7f1e2d3c-4b5a-4c6d-8e9f-0a1b2c3d4e5f" % ACC
UAS = ["LumoDriver/6.12.0 (Android 15; SM-A546B)", "LumoDriver/6.12.0 (iOS 19.6; iPhone15,3)", "LumoDriver/6.11.3 (Android 14; Pixel 7)",
       "LumoDriver/6.9.1 (Android 13; Redmi Note 12)"]
alb = []
def pod_ip(p):
    return "10.40.%d.%d" % (int(p["node"].split("-")[3]), 10 + int(uid(p["name"], 4), 16) % 240)
def A(t, created, p, elb, tgt, rb, sb, err="-", tpt=None):
    cip = "%d.%d.%d.%d:%d" % (rng.choice([31, 46, 77, 81, 88, 176, 188]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65535))
    tp = ("%s:4000" % pod_ip(p)) if p else "-"
    tpt = "0.001" if tpt is None else tpt
    line = ('wss %s %s %s %s 0.000 %s 0.000 %s %s %d %d "GET wss://rt.lumo.example:443/socket/websocket?vsn=2.0.0 HTTP/1.1" "%s" '
            'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 %s "Root=1-%08x-%s" "rt.lumo.example" "%s" 1 %s "forward" "-" "%s" "%s" "%s" "-" "-" TID_%s') % (
        iso_us(t), LB, cip, tp, tpt, elb, tgt, rb, sb, rng.choice(UAS), TG, int(epoch(created)), hexid(rng, 24), CERT,
        iso_us(created), err, tp, tgt, hexid(rng, 32))
    alb.append((t, line))
for t in poisson_times(rng, W0, W1, 0.2):  # ordinary closes of long-lived sockets
    a = [p for p in alive(t) if not p["limited"]] or alive(t)
    p = rng.choice(a)
    A(t, add(t, seconds=-rng.uniform(120, 9000)), p, "101", "101", rng.randint(2000, 90000), rng.randint(20000, 900000))
for d in DRAINS:  # sockets closed by the evicted pods
    for _ in range(40):
        t = add(d, seconds=rng.uniform(8, 11))
        ev = [p for p in pods if not p["limited"] and p["end"] and abs((p["end"] - t).total_seconds()) < 6]
        if ev:
            A(t, add(t, seconds=-rng.uniform(300, 20000)), rng.choice(ev), "101", "101", rng.randint(2000, 90000), rng.randint(20000, 900000))
for t in poisson_times(rng, T(D + "13:11:00"), add(MITIGATED, seconds=-2), 2.0):
    f = fail_share(t)
    dis = 1 - connected(t) / DRIVERS
    if rng.random() > min(1.0, 0.15 + 1.5 * dis):
        continue
    if rng.random() < f:
        p = rng.choice([x for x in alive(t) if x["limited"] and (t - x["start"]).total_seconds() > x["fill"]])
        tt = add(t, seconds=10)
        A(tt, t, p, "504", "-", 412, 0, "TargetConnectionError", "-1")
A(add(MITIGATED, seconds=-2), T(D + "14:35:38"), limited[-1], "504", "-", 412, 0, "TargetConnectionError", "-1")
A(add(STARTED, seconds=11), add(STARTED, seconds=1), min((p for p in pods if p["limited"]), key=lambda p: add(p["start"], seconds=p["fill"])), "504", "-", 412, 0, "TargetConnectionError", "-1")
alb.sort(key=lambda x: x[0])
for t0 in frange(W0, add(W1, seconds=-300), 300):
    t1 = add(t0, seconds=300)
    chunk = [l for t, l in alb if t0 <= t < t1]
    name = "AWSLogs/%s/elasticloadbalancing/eu-west-1/2026/08/11/%s_elasticloadbalancing_eu-west-1_app.k8s-realtime-sockgw-3f9a0c1e2d.50dc6c495c0c9188_%s_10.40.2.17_%s.log.gz" % (
        ACC, ACC, t1.strftime("%Y%m%dT%H%MZ"), uid(iso(t0), 8))
    inc.lines(name, chunk)

# ---- kube events (events.k8s.io/v1 list)
k = Kube(rng)
for p in pods:
    if W0 <= p["start"] <= W1:
        k.ev(p["start"], NS, "Pod", p["name"], "Scheduled", "Successfully assigned %s/%s to %s" % (NS, p["name"], p["node"]), component="default-scheduler")
        k.ev(add(p["start"], seconds=3), NS, "Pod", p["name"], "Started", "Started container socket-gw", host=p["node"])
    if p["end"] is not None and W0 <= p["end"] <= W1:
        k.ev(add(p["end"], seconds=-0.3), NS, "Pod", p["name"], "Killing", "Stopping container socket-gw", host=p["node"])
for i, d in enumerate(DRAINS):
    n = OLD_NODES[i]
    k.ev(add(d, seconds=-40), "", "Node", NEW_NODES[i], "NodeReady", "Node %s status is now: NodeReady" % NEW_NODES[i], host=NEW_NODES[i])
    k.ev(add(d, seconds=-2), "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n)
    k.ev(add(d, minutes=4), "", "Node", n, "RemovingNode", "Node %s event: Removing Node %s from Controller" % (n, n), component="node-controller")
k.ev(add(SCALE, seconds=1), NS, "Deployment", "socket-gw", "ScalingReplicaSet", "Scaled up replica set %s to 48 from 16" % OLD_RS, component="deployment-controller")
k.ev(add(SCALE, seconds=9), NS, "Pod", pods[-49]["name"], "TriggeredScaleUp", "pod triggered scale-up: [{eks-rt-workers-20260811-8ac8f1e2 6->10 (max: 12)}]", component="cluster-autoscaler")
for i, n in enumerate(EXTRA_NODES):
    k.ev(add(SCALE, seconds=38 + i * 3), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
k.ev(add(FIX_SYNC, seconds=2), NS, "Deployment", "socket-gw", "ScalingReplicaSet", "Scaled up replica set %s to 12" % FIX_RS, component="deployment-controller")
for j, st in enumerate(STEPS):
    k.ev(add(st, seconds=-0.5), NS, "Deployment", "socket-gw", "ScalingReplicaSet", "Scaled down replica set %s to %d from %d" % (OLD_RS, 36 - 12 * j, 48 - 12 * j), component="deployment-controller")
k.ev(SCALE_BACK, NS, "Deployment", "socket-gw", "ScalingReplicaSet", "Scaled down replica set %s to 16 from 48" % FIX_RS, component="deployment-controller")
k.ev(OTHER_DEPLOY, "payments", "Deployment", "payments-worker", "ScalingReplicaSet", "Scaled up replica set payments-worker-84c6d9b7f5 to 3", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=70), "payments", "Deployment", "payments-worker", "ScalingReplicaSet", "Scaled down replica set payments-worker-7b5f9c8d66 to 0 from 3", component="deployment-controller")
c = CRON[-1]
k.ev(c, "drivers", "Job", "driver-docs-reminder-29246686", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    k.ev(t, "drivers", "Pod", "driver-profile-7d8c9b6f4-%s" % next(SUF), "Unhealthy", "Readiness probe failed: Get \"http://10.40.3.61:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
         type_="Warning", host=NEW_NODES[2] if t > DRAINS[2] else OLD_NODES[2])
inc.json("events.json", k.v1_list(), indent=None)

# ---- EKS describe-update outputs (aws eks describe-update ... for the updates listed on the cluster)
def upd(t, ng, typ, params, status):
    return {"update": {"id": uuid(ng + iso(t)), "status": status, "type": typ, "params": params,
                       "createdAt": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d000+00:00" % rng.randint(0, 999), "errors": []},
            "nodegroupName": ng, "clusterName": "lumo-prod-euw1"}
ups = [upd(T("2026-07-14 09:12:44"), "rt-workers", "VersionUpdate", [{"type": "Version", "value": "1.33"}, {"type": "ReleaseVersion", "value": "1.33.0-20260709"}], "Successful"),
       upd(MNG, "rt-workers", "VersionUpdate", [{"type": "Version", "value": "1.33"}, {"type": "ReleaseVersion", "value": "1.33.3-20260804"}], "Successful"),
       upd(T(D + "13:20:02"), "batch-workers", "ConfigUpdate", [{"type": "MinSize", "value": "2"}, {"type": "MaxSize", "value": "20"}, {"type": "DesiredSize", "value": "4"}], "Successful"),
       upd(MNG2, "rt-workers", "VersionUpdate", [{"type": "LaunchTemplateVersion", "value": "14"}, {"type": "LaunchTemplateName", "value": "rt-workers-al2023"}], "InProgress")]
inc.json("mng.json", ups)

# ---- OpenMetrics: per-pod fds and sockets (2-minute samples from the federation endpoint)
fam_open, fam_max, fam_sock = [], [], []
for p in pods:
    lo, hi = max(W0, p["start"]), min(W1, p["end"] or W1)
    pts_o, pts_m, pts_s = [], [], []
    for t in frange(add(W0, seconds=0), W1, 120):
        if not (lo <= t < hi) or (t - p["start"]).total_seconds() < 20:
            continue
        sc = pod_conns(p, t)
        pts_s.append((t, sc))
        pts_o.append((t, min(1024, sc + 14) if p["limited"] else sc + 17))
        pts_m.append((t, 1024 if p["limited"] else 1048576))
    lab = {"job": "socket-gw", "pod": p["name"]}
    if pts_s:
        fam_open.append((lab, pts_o)); fam_max.append((lab, pts_m)); fam_sock.append((lab, pts_s))
fam_conn = [({"job": "socket-gw", "namespace": NS}, [(t, connected(t)) for t in frange(W0, W1, 60)])]
fam_exp = [({"job": "dispatch", "namespace": "dispatch"}, [(t, DRIVERS + int(800 * ((int(epoch(t)) // 300) % 3))) for t in frange(W0, W1, 60)])]
inc.write("federate.txt", openmetrics([
    ("lumo_drivers_connected", "gauge", "Drivers with a joined driver channel (cluster-wide, from presence).", fam_conn),
    ("lumo_drivers_on_shift", "gauge", "Drivers on shift according to dispatch.", fam_exp),
    ("process_open_fds", "gauge", "Number of open file descriptors.", fam_open),
    ("process_max_fds", "gauge", "Maximum number of open file descriptors.", fam_max)]))

# ---- PagerDuty log entries
pd = PD(30817, "DriversConnectedLow connected drivers below 80% of on-shift drivers", "socket-gw", "PSOCK01", "Realtime")
priya = PD.user("Priya Raman", "PPRIYA1")
marco = PD.user("Marco Bellini", "PMARCO1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEUW1", "summary": "Alertmanager euw1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Priya Raman by push notification.", user=priya,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, {"type": "auto"}, "Notified Priya Raman by SMS.", user=priya,
       notification={"type": "sms_notification", "status": "success", "address": "+4477*****31"})
pd.add(add(PAGE, minutes=5, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Priya Raman by phone.", user=priya,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Realtime"})
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Marco Bellini by phone.", user=marco,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", marco, {"type": "phone"}, "Acknowledged by Marco Bellini.")
pd.add(add(PAGE_OK, seconds=1), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager: DriversConnectedLow resolved"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marco, {"type": "web_ui"}, "Resolved by Marco Bellini.")
oth = PD(30815, "KafkaConsumerLagHigh trip-events-sink", "data-platform", "PDATA01", "Data")
oth.add(T(D + "13:15:02"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
oth.add(T(D + "13:22:31"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + oth.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd.json", ex)

# ---- Slack (alerts only as Alertmanager posts)
s = Slack()
for u, n, r, tz in [("U2MARCO", "marco", "Marco Bellini", "Europe/Rome"), ("U2PRIYA", "priya", "Priya Raman", "Europe/London"),
                    ("U2ANNA", "anna.k", "Anna Kowalski", "Europe/Warsaw"), ("U2KENJI", "kenji", "Kenji Sato", "Europe/London"),
                    ("U2SAM", "sam.o", "Sam Okafor", "Europe/London"), ("U2RUTH", "ruth", "Ruth Adeyemi", "Europe/London")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C2RT", "rt-alerts", "realtime alerts"), ("C2PLAT", "platform", "platform team"), ("C2INC", "inc-socket-gw-0811", "incident"),
                  ("C2DEP", "deploys", "Argo CD notifications"), ("C2DATA", "data-alerts", ""), ("C2OPS", "driver-ops", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("platform", add(c, seconds=50), "B2AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job drivers/driver-docs-reminder failed to complete.\nseverity: warning", color="warning"))
s.bot("rt-alerts", WARN, "B2AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "SocketGwUpgradeErrors", "ALB 5xx on wss upgrades to socket-gw above 20% for 10m (now 31%)\nseverity: warning", color="warning"))
s.bot("rt-alerts", PAGE_ALERT, "B2AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "DriversConnectedLow", "connected drivers 17% of drivers on shift\nseverity: page"))
s.bot("rt-alerts", PAGE_OK, "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "DriversConnectedLow", "connected drivers 99% of drivers on shift"))
s.bot("rt-alerts", WARN_OK, "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "SocketGwUpgradeErrors", "ALB 5xx on wss upgrades back under 20%"))
for a, b in [("13:15:00", "13:22:30"), ("13:40:00", "13:47:30"), ("14:48:00", "14:53:30")]:
    s.bot("data-alerts", T(D + a), "B2AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaConsumerLagHigh", "trip-events-sink lag 412k\nseverity: page"))
    s.bot("data-alerts", T(D + b), "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaConsumerLagHigh", "trip-events-sink lag back to normal"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=-5), "B2ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *payments-worker* sync succeeded, revision `c41d09e` (payments-worker 3.2.7)"))
s.bot("deploys", FIX_SYNC, "B2ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *socket-gw* sync succeeded, revision `a9c3e7f` (socket-gw 2.14.1)"))
s.bot("deploys", T("2026-08-10 16:10:12"), "B2ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *socket-gw* sync succeeded, revision `77e0b2d` (socket-gw 2.14.0)"))
s.say("platform", add(MNG, seconds=-50), "U2KENJI", "rolling rt-workers to the AL2023 AMI 1.33.3-20260804 now, one node at a time, ~50 min. shout if anything looks off")
s.say("platform", add(MNG_DONE, seconds=40), "U2KENJI", "rt-workers update done, all 6 nodes on 1.33.3-20260804")
s.say("rt-alerts", add(WARN, seconds=110), "U2ANNA", "SocketGwUpgradeErrors is the node rotation, pods moving around. should settle when platform is done")
s.say("driver-ops", T(D + "13:57:40"), "U2RUTH", "dispatch board shows ~80% of drivers offline. drivers say the app spins on 'Connecting'. is someone on this?")
ch = "inc-socket-gw-0811"
s.say(ch, add(ACK, seconds=50), "U2MARCO", "acked, got escalated (Priya's not answering). connected drivers at 17% of on-shift, ALB 504 TargetConnectionError on wss upgrades")
s.say(ch, ROLLBACK_Q, "U2ANNA", "should we roll back socket-gw 2.14.0?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U2MARCO", "2.14.0 went out yesterday 16:10 and held the evening peak fine, it's not that")
s.say(ch, WRONG, "U2SAM", "the ALB idle timeout annotation on the ingress changed last week, could that be it?")
s.say(ch, DIAG, "U2MARCO", "every socket-gw pod tops out at ~1010 sockets and logs 'Ranch acceptor reducing accept rate: out of file descriptors'; "
      "process_max_fds is 1024 on all of them. they all run on today's AL2023 nodes: containerd 2.x dropped LimitNOFILE=infinity, so containers get a 1024 soft nofile limit and the BEAM honours it")
s.say(ch, add(DIAG, seconds=70), "U2KENJI", "confirmed, /proc/1/limits in a socket-gw pod: Max open files 1024 524288. rolling the node group back would take ~50 min")
s.say(ch, add(SCALE, seconds=-35), "U2MARCO", "scaling socket-gw 16 -> 48 to buy sockets while I ship an entrypoint that raises the soft limit")
s.say(ch, add(SCALE, seconds=210), "U2MARCO", "48 pods up, connected drivers ~50%. still bad")
s.say("driver-ops", T(D + "14:20:30"), "U2RUTH", "sent in-app + SMS broadcast to drivers: 'Connection problems, we are fixing them. Keep the app open.'")
s.say(ch, T(D + "14:24:40"), "U2MARCO", "PR #1187 socket-gw 2.14.1: `ulimit -Sn \"$(ulimit -Hn)\"` in the entrypoint before exec. merging")
s.say(ch, add(FIX_SYNC, seconds=40), "U2MARCO", "2.14.1 rolling, new pods show process_max_fds 524288")
s.say(ch, add(MITIGATED, seconds=30), "U2MARCO", "old pods gone, no more 504s, connected drivers back at 99%")
s.say(ch, T(D + "14:52:10"), "U2PRIYA", "sorry all, was on a train with no signal. thanks Marco")
s.say(ch, add(MNG2, seconds=30), "U2KENJI", "launch template v14 (containerd drop-in LimitNOFILE=1048576) rolling out to rt-workers")
s.say(ch, add(SCALE_BACK, seconds=20), "U2MARCO", "scaled socket-gw back to 16")
s.say(ch, add(RESOLVED, seconds=-30), "U2MARCO", "resolving. postmortem Thursday")
s.write(inc, "slack")

inc.truth(
    "lumo-socket-nofile", "node-image-upgrade-lowers-nofile-socket-gateway-emfile",
    "An EKS node-group update to an AL2023 AMI (containerd 2.x) gives containers a 1024 soft nofile limit; socket-gw pods on the new nodes\n"
    "stop accepting at ~1000 sockets, and after the last old node drains most drivers can't connect until socket-gw 2.14.1 raises the soft limit.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(MNG, "change", "rt-workers node group update to AMI 1.33.3-20260804 started", "mng.json", 60),
     (STARTED, "first_symptom", "first 'Ranch acceptor reducing accept rate: out of file descriptors' on a pod on a new node", "stern-socket-gw.txt.gz", 60),
     (WARN, "alert_fired", "SocketGwUpgradeErrors (warning) firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #30817 triggered (DriversConnectedLow)", "pd.json", 60),
     (ACK, "acknowledged", "Marco Bellini acknowledges after escalation by timeout", "pd.json", 60),
     (DIAG, "diagnosis", "Marco: 1024 soft nofile limit from containerd 2.x on the new AL2023 nodes", "slack", 90),
     (SCALE, "mitigation", "socket-gw scaled 16 -> 48 (partial: ~50% of drivers connected)", "events.json", 60),
     (FIX_SYNC, "mitigation", "socket-gw 2.14.1 (entrypoint raises soft nofile) synced and rolling", "events.json", 60),
     (MITIGATED, "recovery", "last old-RS pod gone, wss 504s stop, drivers reconnected", "AWSLogs", 90),
     (PAGE_OK, "alert_resolved", "DriversConnectedLow resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd.json", 60)],
    [(CRON[-1], "daily driver-docs-reminder Job failure (KubeJobFailed every day ~12:47)", "slack"),
     (OTHER_DEPLOY, "payments team's payments-worker 3.2.7 rollout", "events.json"),
     (T(D + "13:20:02"), "data team's batch-workers node group scaling config update", "mng.json"),
     (T(D + "13:15:00"), "KafkaConsumerLagHigh flapping, data team (own PagerDuty incident)", "slack"),
     (add(WARN, seconds=110), "wrong hunch: warning is just the node rotation settling", "slack"),
     (ROLLBACK_Q, "'should we roll back socket-gw 2.14.0?' question, not done", "slack"),
     (WRONG, "wrong hunch: ALB idle timeout annotation", "slack"),
     (T(D + "13:00:00"), "steady token-expired socket refusals and driver-profile readiness timeouts all window", "stern-socket-gw.txt.gz"),
     (MNG2, "follow-up launch template v14 node group update after mitigation", "mng.json")],
    [("stern-socket-gw.txt.gz", "logs"), ("AWSLogs", "logs"), ("events.json", "kube-events"), ("mng.json", "deploys"),
     ("federate.txt", "openmetrics"), ("pd.json", "pagerduty-log-entries"), ("slack", "slack-export")])
