"""retired9/eta-cgroup-v2-oom: an EKS node-group update moves the general nodes to an AL2023 launch template (cgroup v2);
eta-service's JDK 8u292 can't read cgroup v2 limits, sizes its heap from the host's 64 GiB and is OOM-killed over and
over, so checkout rejects orders without a delivery estimate until the node group is rolled back to the AL2 template."""
import random
from common import *

rng = random.Random(20260217)
inc = Incident("retired9", "eta-cgroup-v2-oom")
D = "2026-02-17 "
W0, W1 = T(D + "12:30:00"), T(D + "15:00:00")
FWD = T(D + "13:04:38")            # VersionUpdate to launch template v23 (AL2023)
STARTED = T(D + "13:14:52")        # first OOM kill of an eta container -> first checkout rejections
OOM_ALERT = T(D + "13:16:10")
OTHER_DEPLOY = T(D + "13:22:15")
PAGE_ALERT = T(D + "13:26:40")
PAGE = T(D + "13:26:55")
ACK = T(D + "13:31:20")
WRONG1 = T(D + "13:35:40")
SCALE16 = T(D + "13:39:30")
ROLLBACK_Q = T(D + "13:41:30")
COMMS = T(D + "13:46:50")
DIAG1 = T(D + "13:49:20")
DIAG2 = T(D + "13:51:40")
CFG = T(D + "13:53:05")
RBK = T(D + "13:54:12")            # VersionUpdate back to launch template v22 (AL2)
PAGE_OK = T(D + "14:11:40")
RESOLVED = T(D + "14:36:00")
CRON_DAYS = ["2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17"]

# ------------------------------------------------------------------ nodes
def ipname(a, b):
    return "ip-10-40-%d-%d.eu-central-1.compute.internal" % (a, b)
OLD = [ipname(rng.choice((11, 12, 13)), rng.randint(10, 250)) for _ in range(14)]
NEW = [ipname(rng.choice((11, 12, 13)), rng.randint(10, 250)) for _ in range(14)]
BACK = [ipname(rng.choice((11, 12, 13)), rng.randint(10, 250)) for _ in range(14)]
FWD_DRAIN = [add(T(D + "13:09:05"), seconds=275 * k) for k in range(7)]
NEW_READY = [T(D + "13:08:20")] + [add(FWD_DRAIN[k], seconds=150) for k in range(6)]
RB_NEW_READY = [T(D + "13:57:20"), T(D + "14:02:10"), T(D + "14:06:30")]
RB_DRAIN = [T(D + "13:58:40"), T(D + "14:03:10"), T(D + "14:07:30")]
RB_BATCH_NODES = [NEW[0:6], NEW[6:12], NEW[12:14]]

k = Kube(rng)
IMG = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/eta-service:2.14.3"
RS = "eta-service-5c8d7b9f6"
pods = []          # dicts: name, node, os, sched, phases [(start, ready, stop, reason)], evict
def pname():
    return "%s-%s" % (RS, "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)))

def run_al2023(p, sched, until, first_oom=None):
    """container cycles on a cgroup v2 node: start, ready after 34 s, OOM-killed 3.5-5.5 min later, back-off."""
    t = add(sched, seconds=9)
    backoff = 10
    n = 0
    while t < until:
        ready = add(t, seconds=34)
        oom = first_oom if (n == 0 and first_oom) else add(ready, seconds=rng.randint(205, 330))
        if oom <= STARTED and not first_oom:
            oom = add(STARTED, seconds=rng.randint(50, 140))
        if oom >= until:
            p["phases"].append((t, ready, until, "evicted"))
            return
        p["phases"].append((t, ready, oom, "OOMKilled"))
        t = add(oom, seconds=backoff)
        if t < until:
            p["backoffs"].append((oom, n + 1))
        backoff = min(300, backoff * 2)
        n += 1

def new_pod(sched, node, os_):
    p = dict(name=pname(), node=node, os=os_, sched=sched, phases=[], backoffs=[], evict=None,
             ip="10.40.%d.%d" % (rng.choice((11, 12, 13)), rng.randint(2, 254)))
    pods.append(p)
    return p

# initial AL2 pods, each drained in a forward batch
batch_of = [0, 0, 1, 2, 2, 3, 4, 4, 5, 6]
init = []
for i, b in enumerate(batch_of):
    p = new_pod(T("2026-01-28 10:12:00"), OLD[2 * b + (i % 2)], "al2")
    p["evict"] = add(FWD_DRAIN[b], seconds=i % 2 * 7)
    p["phases"].append((p["sched"], p["sched"], p["evict"], "evicted"))
    init.append(p)
# replacements on AL2023 nodes (until their node is drained in the rollback)
al2023 = []
def node_drain_time(node):
    for bi, ns in enumerate(RB_BATCH_NODES):
        if node in ns:
            return add(RB_DRAIN[bi], seconds=ns.index(node) * 4)
for i, p in enumerate(init):
    sched = add(p["evict"], seconds=1)
    ready_nodes = [n for j, n in enumerate(NEW) if j < 2 * (batch_of[i] + 1) + 1]
    node = NEW[[0, 2, 1, 3, 5, 4, 7, 8, 9, 11][i]] if i < 10 else rng.choice(ready_nodes)
    q = new_pod(sched, node, "al2023")
    q["evict"] = node_drain_time(node)
    run_al2023(q, sched, q["evict"], first_oom=STARTED if i == 0 else None)
    al2023.append(q)
# manual scale 10 -> 16 at 13:39:30, all on AL2023 nodes
for j in range(6):
    node = NEW[[12, 6, 13, 10, 3, 1][j]]
    q = new_pod(add(SCALE16, seconds=1 + j), node, "al2023")
    q["evict"] = node_drain_time(node)
    run_al2023(q, q["sched"], q["evict"])
    al2023.append(q)
# rollback: each evicted AL2023 pod comes back on an AL2 node and stays healthy
al2_back = []
for q in al2023:
    bi = [b for b, ns in enumerate(RB_BATCH_NODES) if q["node"] in ns][0]
    r = new_pod(add(q["evict"], seconds=1), BACK[bi * 6 + rng.randint(0, 1 if bi == 2 else 5)], "al2")
    st = add(r["sched"], seconds=8)
    r["phases"].append((st, add(st, seconds=34), W1, None))
    al2_back.append(r)
assert min(ph[2] for q in al2023 for ph in q["phases"] if ph[3] == "OOMKilled") == STARTED

def ready_count(t):
    n = 0
    for p in pods:
        for st, rd, sp, _ in p["phases"]:
            if rd <= t < sp:
                n += 1
    return n
OOMS = sorted((ph[2], q) for q in al2023 for ph in q["phases"] if ph[3] == "OOMKilled")

def need(t):
    return 8.0
def err_p(t):
    r = ready_count(t)
    return max(0.0, min(0.95, (need(t) - r) / need(t) * 1.1))

# ------------------------------------------------------------------ checkout-api (pino JSON, warn level)
ck = []
CKPODS = ["checkout-api-7b6d9c5f4-%s" % s for s in ("2xkqp", "8hnvd", "cjw4t", "m9rzl", "qs7fb", "x5gkd")]
def CK(t, level, msg, **kw):
    d = {"level": level, "time": int(epoch(t) * 1000), "pid": 1, "hostname": rng.choice(CKPODS)}
    d.update(kw)
    d["msg"] = msg
    ck.append((t, jline(d)))
def rid():
    return "req-" + hexid(rng, 12)
ETA_URL = "http://eta-service.eta.svc.cluster.local:8080/v1/estimate"
def reject(t, cause):
    r = rid()
    if cause == "reset":
        err = {"type": "FetchError", "message": "request to %s failed, reason: socket hang up" % ETA_URL, "code": "ECONNRESET"}
    elif cause == "refused":
        err = {"type": "FetchError", "message": "request to %s failed, reason: connect ECONNREFUSED 172.20.91.14:8080" % ETA_URL, "code": "ECONNREFUSED"}
    else:
        err = {"type": "TimeoutError", "message": "eta-service did not answer within 2000ms", "code": "ETIMEDOUT"}
    CK(t, 50, "delivery estimate failed", reqId=r, upstream="eta-service", err=err, attempt=2)
    CK(add(t, seconds=0.003), 50, "order rejected: delivery estimate unavailable", reqId=r,
       res={"statusCode": 503}, code="DELIVERY_ESTIMATE_UNAVAILABLE", route="POST /v2/orders",
       storeId=rng.randint(1000, 9999))
last_err = None
for t in poisson_times(rng, W0, W1, 3.2):     # order submissions
    if t < STARTED:
        continue
    p = err_p(t)
    if p > 0 and rng.random() < p:
        reject(t, "timeout" if rng.random() < 0.75 else "refused")
        last_err = t
for t0, q in OOMS:                               # in-flight requests die with the container
    for i in range(rng.randint(3, 6)):
        t = add(t0, seconds=0.02 + i * rng.uniform(0.05, 0.4))
        reject(t, "reset")
        last_err = max(last_err, t)
MITIGATED = last_err.replace(microsecond=0)
for t in poisson_times(rng, W0, W1, 1 / 22.0):   # benign and steady: promo lookups time out
    CK(t, 40, "promo-service lookup timed out, continuing without promotions", reqId=rid(), upstream="promo-service",
       timeoutMs=800)
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    CK(t, 40, "address geocode ambiguous, asking customer to confirm", reqId=rid(), candidates=rng.randint(2, 4))
inc.write("checkout-api.jsonl.gz", "".join(l + "\n" for _, l in sorted(ck, key=lambda x: x[0])))

# ------------------------------------------------------------------ eta-service logs (kubectl logs --prefix, logback UTC)
el = []
def EL(t, p, lvl, th, lg, msg, extra=()):
    s = "[pod/%s/eta] %s" % (p["name"], logback(t, "UTC", lvl, th, lg, msg))
    el.append((t, "\n".join([s] + ["[pod/%s/eta] %s" % (p["name"], x) for x in extra])))
KERNEL = {"al2": "5.10.209-198.858.amzn2.x86_64", "al2023": "6.1.119-129.201.amzn2023.x86_64"}
for p in pods:
    for st, rd, sp, why in p["phases"]:
        if st < W0 or st >= W1:
            continue
        heap = 1536 if p["os"] == "al2" else 47490
        EL(add(st, seconds=1.4), p, "INFO", "main", "c.p.eta.EtaApplication",
           "Starting EtaApplication v2.14.3 using Java 1.8.0_292 on %s with PID 1" % p["name"])
        EL(add(st, seconds=1.5), p, "INFO", "main", "c.p.eta.config.RuntimeInfo",
           "jvm=OpenJDK 64-Bit Server VM 25.292-b10 maxHeap=%dMB availableProcessors=16 os.version=%s gc=G1" % (heap, KERNEL[p["os"]]))
        EL(add(rd, seconds=-3), p, "INFO", "main", "c.p.eta.EtaApplication",
           "Started EtaApplication in %.1f seconds (JVM running for %.1f)" % (rng.uniform(29, 31), rng.uniform(31, 33)))
        if why == "evicted" and sp < W1:
            EL(add(sp, seconds=0.2), p, "INFO", "SpringApplicationShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown",
               "Commencing graceful shutdown. Waiting for active requests to complete")
        if why == "OOMKilled":
            # the JVM is killed by the kernel: the log just stops after a last G1 line
            EL(add(sp, seconds=-rng.uniform(2, 9)), p, "INFO", "G1 Conc#0", "c.p.eta.metrics.GcLogger",
               "GC(%d) Pause Young (Normal) (G1 Evacuation Pause) %dM->%dM(%dM) %.1fms" % (
                   rng.randint(40, 90), rng.randint(1700, 1950), rng.randint(1500, 1800), rng.randint(2300, 2900), rng.uniform(30, 90)))
alive = lambda t: [p for p in pods if any(rd <= t < sp for st, rd, sp, _ in p["phases"])]
for t in poisson_times(rng, W0, W1, 1 / 170.0):
    a = alive(t)
    if a:
        EL(t, rng.choice(a), "WARN", "zone-cache-1", "c.p.eta.zones.ZoneCache", "zone cache refresh took %dms (>2000ms), serving previous snapshot" % rng.randint(2010, 2900))
for t in poisson_times(rng, W0, W1, 1 / 95.0):
    a = alive(t)
    if a:
        EL(t, rng.choice(a), "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 200), "c.p.eta.tiles.TileClient",
           "traffic tile %d/%d/%d not found (404), using free-flow speeds" % (13, rng.randint(4400, 4600), rng.randint(2700, 2800)))
inc.lines("eta-service.log", [l for _, l in sorted(el, key=lambda x: x[0])])

# ------------------------------------------------------------------ working set by pod (query_range)
def wss(p):
    def f(t):
        for st, rd, sp, why in p["phases"]:
            if st <= t < sp:
                if p["os"] == "al2":
                    return 1.12e9 + 0.08e9 * ((int(uid(p["name"]), 16) % 7) / 7.0) + rng.uniform(-2e7, 2e7)
                frac = (t - st).total_seconds() / max(1.0, (sp - st).total_seconds())
                top = 2147483648 if why == "OOMKilled" else 1.9e9
                return 4.1e8 + (top - 4.1e8) * frac * rng.uniform(0.97, 1.0)
        return None
    return f
series = []
for p in pods:
    if all(sp < W0 or st > W1 for st, rd, sp, _ in p["phases"]):
        continue
    series.append(({"container": "eta", "namespace": "eta", "pod": p["name"], "node": p["node"]}, wss(p)))
inc.json("wss-eta.json", query_range(series, W0, W1, 30, fmt="%.0f"))

# ------------------------------------------------------------------ EKS update history
def upd(t, typ, params, status="Successful"):
    return {"update": {"id": uuid("eks" + iso(t)), "status": status, "type": typ,
                       "params": [{"type": a, "value": b} for a, b in params],
                       "createdAt": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d000+00:00" % rng.randint(0, 999), "errors": []}}
hist = [upd(T("2026-02-03 09:12:44"), "ConfigUpdate", [("MinSize", "12"), ("MaxSize", "20"), ("DesiredSize", "14")]),
        upd(T("2026-02-10 08:47:19"), "VersionUpdate", [("LaunchTemplateName", "eu1-prod-general"), ("LaunchTemplateVersion", "22")]),
        upd(FWD, "VersionUpdate", [("LaunchTemplateName", "eu1-prod-general"), ("LaunchTemplateVersion", "23")]),
        upd(CFG, "ConfigUpdate", [("MaxUnavailable", "6")]),
        upd(RBK, "VersionUpdate", [("LaunchTemplateName", "eu1-prod-general"), ("LaunchTemplateVersion", "22")])]
hist.sort(key=lambda u: u["update"]["createdAt"], reverse=True)
inc.json("ng-general.json", hist, indent=4)

# ------------------------------------------------------------------ kube events (event exporter, core/v1)
for n, dr in zip(OLD, [add(FWD_DRAIN[i // 2], seconds=(i % 2) * 7) for i in range(14)]):
    k.ev(add(dr, seconds=-2), "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n)
    k.ev(add(dr, seconds=190), "", "Node", n, "RemovingNode", "Node %s event: Removing Node %s from Controller" % (n, n), component="node-controller")
for i, n in enumerate(NEW):
    rd = NEW_READY[min(i // 2, 6)] if i > 2 else NEW_READY[0]
    k.ev(add(rd, seconds=-31), "", "Node", n, "Starting", "Starting kubelet.", host=n)
    k.ev(add(rd, seconds=-1), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
    k.ev(add(rd, seconds=2), "", "Node", n, "RegisteredNode", "Node %s event: Registered Node %s in Controller" % (n, n), component="node-controller")
for bi, ns in enumerate(RB_BATCH_NODES):
    for j, n in enumerate(ns):
        k.ev(add(RB_DRAIN[bi], seconds=j * 4 - 2), "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n)
for i, n in enumerate(BACK):
    rd = RB_NEW_READY[min(i // 6, 2)]
    k.ev(add(rd, seconds=-31), "", "Node", n, "Starting", "Starting kubelet.", host=n)
    k.ev(add(rd, seconds=-1), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
for p in pods:
    if p["evict"] and W0 <= p["evict"] < W1:
        k.ev(p["evict"], "eta", "Pod", p["name"], "Killing", "Stopping container eta", host=p["node"])
    if p["sched"] < W0:
        continue
    k.ev(p["sched"], "eta", "ReplicaSet", RS, "SuccessfulCreate", "Created pod: %s" % p["name"], component="replicaset-controller")
    k.ev(p["sched"], "eta", "Pod", p["name"], "Scheduled", "Successfully assigned eta/%s to %s" % (p["name"], p["node"]), component="default-scheduler")
    for n_, (st, rd, sp, why) in enumerate(p["phases"]):
        if n_ == 0:
            k.ev(add(st, seconds=-7), "eta", "Pod", p["name"], "Pulling", 'Pulling image "%s"' % IMG, host=p["node"])
            k.ev(add(st, seconds=-1), "eta", "Pod", p["name"], "Pulled", 'Successfully pulled image "%s" in 5.93s (5.93s including waiting). Image size: 201338112 bytes.' % IMG, host=p["node"])
        else:
            k.ev(add(st, seconds=-1), "eta", "Pod", p["name"], "Pulled", 'Container image "%s" already present on machine' % IMG, host=p["node"])
        k.ev(st, "eta", "Pod", p["name"], "Created", "Created container eta", host=p["node"])
        k.ev(add(st, seconds=0.4), "eta", "Pod", p["name"], "Started", "Started container eta", host=p["node"])
        k.ev(add(st, seconds=12), "eta", "Pod", p["name"], "Unhealthy",
             'Readiness probe failed: Get "http://%s:8080/actuator/health/readiness": dial tcp %s:8080: connect: connection refused' % (p["ip"], p["ip"]),
             type_="Warning", host=p["node"])
    first_bo = None
    for t, cnt in p["backoffs"]:
        first_bo = first_bo or add(t, seconds=1)
        k.ev(add(t, seconds=1), "eta", "Pod", p["name"], "BackOff", "Back-off restarting failed container eta in pod %s_eta(%s)" % (p["name"], uuid("eta" + p["name"])),
             type_="Warning", host=p["node"], count=cnt, first=first_bo)
k.ev(SCALE16, "eta", "Deployment", "eta-service", "ScalingReplicaSet", "Scaled up replica set %s to 16 from 10" % RS, component="deployment-controller")
# another team's rollout: menu-api
for i in range(4):
    t = add(OTHER_DEPLOY, seconds=i * 38)
    k.ev(t, "catalog", "Deployment", "menu-api", "ScalingReplicaSet", "Scaled up replica set menu-api-6f84c7d9b to %d from %d" % (i + 1, i), component="deployment-controller")
    k.ev(add(t, seconds=30), "catalog", "Deployment", "menu-api", "ScalingReplicaSet", "Scaled down replica set menu-api-59d7b8c6f to %d from %d" % (3 - i, 4 - i), component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 600.0):   # a flaky liveness probe elsewhere, all day
    k.ev(t, "search", "Pod", "search-indexer-0", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 503", type_="Warning", host=OLD[5])
k.items = [it for it in k.items if W0 <= it["t"] <= W1]
inc.json("events-2026-02-17.json", k.core_list())

# ------------------------------------------------------------------ alertmanager webhook capture (ndjson)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for i, d in enumerate(CRON_DAYS):
    st = T("%s 02:04:%02d" % (d, 10 + i * 3))
    jl = {"severity": "warning", "team": "payments", "namespace": "payments", "job_name": "courier-payouts-export-%d" % (29517360 + i * 1440)}
    H(add(st, seconds=30), am_webhook("slack-payments", [am_alert("KubeJobFailed", jl, "Job payments/%s failed to complete." % jl["job_name"], st)]))
    H(T("%s 06:04:40" % d), am_webhook("slack-payments", [am_alert("KubeJobFailed", jl, "Job payments/%s failed to complete." % jl["job_name"], st, ends=T("%s 06:04:10" % d))]))
sl = {"severity": "warning", "team": "search", "consumergroup": "search-indexer"}
for a, b in [("12:48:20", "12:55:50"), ("13:19:10", "13:24:20"), ("13:58:30", "14:02:40"), ("14:31:00", "14:37:10")]:
    H(add(T(D + a), seconds=30), am_webhook("slack-search", [am_alert("KafkaConsumerGroupLagHigh", sl, "search-indexer lag above 50k", T(D + a))]))
    H(add(T(D + b), seconds=30), am_webhook("slack-search", [am_alert("KafkaConsumerGroupLagHigh", sl, "search-indexer lag above 50k", T(D + a), ends=T(D + b))]))
oom_alerts = {}
def oom_body(t, firing_pods, resolved_pods=()):
    al = []
    for pn, st in firing_pods:
        al.append(am_alert("EtaContainerOOMKilled", {"severity": "warning", "team": "eta", "namespace": "eta", "container": "eta", "pod": pn},
                           "Container eta in %s was OOMKilled" % pn, st))
    for pn, st, en in resolved_pods:
        al.append(am_alert("EtaContainerOOMKilled", {"severity": "warning", "team": "eta", "namespace": "eta", "container": "eta", "pod": pn},
                           "Container eta in %s was OOMKilled" % pn, st, ends=en))
    return am_webhook("slack-eta", al)
# the rule fires on the first evaluation after a pod's OOM and stays while it keeps restarting
firing = []
first_oom_pod = OOMS[0][1]["name"]
H(add(OOM_ALERT, seconds=30), oom_body(OOM_ALERT, [(first_oom_pod, OOM_ALERT)]))
seen = {first_oom_pod: OOM_ALERT}
t = add(OOM_ALERT, minutes=5)
while t < T(D + "14:16:00"):
    for t0, q in OOMS:
        if t0 < t and q["name"] not in seen:
            seen[q["name"]] = add(t0, seconds=(30 - t0.second % 30) % 30 + 10)
    active = [(n, s) for n, s in seen.items() if not any(p["name"] == n and p["evict"] and p["evict"] < add(t, minutes=-5) for p in pods)]
    res = [(n, s, add(next(p["evict"] for p in pods if p["name"] == n), minutes=5)) for n, s in seen.items() if (n, s) not in active]
    H(add(t, seconds=30), oom_body(t, active, res))
    if not active:
        break
    t = add(t, minutes=5)
pl = {"severity": "page", "team": "checkout", "service": "checkout-api"}
H(add(PAGE_ALERT, seconds=10), am_webhook("pd-checkout", [am_alert("CheckoutApi5xxRatio", pl, "checkout-api 5xx ratio 4.8% (POST /v2/orders)", PAGE_ALERT)]))
CL = T(D + "13:41:10")
H(add(CL, seconds=30), am_webhook("slack-eta", [am_alert("KubePodCrashLooping", {"severity": "warning", "team": "eta", "namespace": "eta", "container": "eta", "pod": al2023[3]["name"]},
                                                         "Pod eta/%s (eta) is in waiting state (reason: CrashLoopBackOff)." % al2023[3]["name"], CL)]))
H(T(D + "14:08:40"), am_webhook("slack-eta", [am_alert("KubePodCrashLooping", {"severity": "warning", "team": "eta", "namespace": "eta", "container": "eta", "pod": al2023[3]["name"]},
                                                         "Pod eta/%s (eta) is in waiting state (reason: CrashLoopBackOff)." % al2023[3]["name"], CL, ends=T(D + "14:08:10"))]))
H(add(PAGE_OK, seconds=10), am_webhook("pd-checkout", [am_alert("CheckoutApi5xxRatio", pl, "checkout-api 5xx ratio 4.8% (POST /v2/orders)", PAGE_ALERT, ends=PAGE_OK)]))
inc.lines("am-capture.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ------------------------------------------------------------------ pagerduty
pd = PD(4411, "CheckoutApi5xxRatio checkout-api 5xx ratio 4.8% (POST /v2/orders)", "checkout-api", "PCHK0R4")
kasia = PD.user("Katarzyna Nowak", "PKNOW41")
mich = PD.user("Michał Zieliński", "PMZIE07")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager eu1-prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Katarzyna Nowak by push notification.", user=kasia)
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Katarzyna Nowak by SMS.", user=kasia)
pd.add(ACK, "acknowledge_log_entry", kasia, {"type": "mobile"}, "Acknowledged by Katarzyna Nowak.")
pd.add(T(D + "13:38:05"), "assign_log_entry", kasia, {"type": "web_ui"}, "Reassigned to Katarzyna Nowak and Michał Zieliński.", assignees=[kasia, mich])
pd.add(add(PAGE_OK, seconds=11), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; auto-resolve is off for this service"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", kasia, {"type": "web_ui"}, "Resolved by Katarzyna Nowak.")
inc.json("pd-4411.json", pd.export())

# ------------------------------------------------------------------ slack
s = Slack()
people = [("U01KNOW", "kasia", "Katarzyna Nowak"), ("U01MZIE", "michal.z", "Michał Zieliński"), ("U01TWOJ", "tomasz", "Tomasz Wójcik"),
          ("U01AKOW", "anna.k", "Anna Kowalczyk"), ("U01PLEW", "piotr.l", "Piotr Lewandowski"), ("U01JKAM", "jakub", "Jakub Kamiński")]
for u, n, r in people:
    s.user(u, n, r, "Europe/Warsaw")
for cid, n in [("C02INC17", "inc-0217-checkout"), ("C02ETAAL", "eta-alerts"), ("C02DEPLY", "deploys"), ("C02PAYAL", "payments-alerts"), ("C02SRCH", "search-alerts")]:
    s.channel(cid, n)
for i, d in enumerate(CRON_DAYS):
    s.bot("payments-alerts", T("%s 02:04:%02d" % (d, 41 + i * 3)), "B02AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job payments/courier-payouts-export-%d failed to complete." % (29517360 + i * 1440), color="warning"))
for a, b in [("12:48:20", "12:55:50"), ("13:19:10", "13:24:20"), ("13:58:30", "14:02:40"), ("14:31:00", "14:37:10")]:
    s.bot("search-alerts", add(T(D + a), seconds=31), "B02AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaConsumerGroupLagHigh", "search-indexer lag above 50k", color="warning"))
    s.bot("search-alerts", add(T(D + b), seconds=31), "B02AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaConsumerGroupLagHigh", "search-indexer lag above 50k"))
s.bot("eta-alerts", add(OOM_ALERT, seconds=31), "B02AM", "alertmanager", attachments=am_slack_attachment("firing", "EtaContainerOOMKilled", "Container eta in %s was OOMKilled" % first_oom_pod, color="warning"))
s.bot("eta-alerts", add(CL, seconds=31), "B02AM", "alertmanager", attachments=am_slack_attachment("firing", "KubePodCrashLooping", "Pod eta/%s (eta) is in waiting state (reason: CrashLoopBackOff)." % al2023[3]["name"], color="warning"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=-20), "B02ARGO", "argocd", blocks=pd_slack_blocks(":arrows_counterclockwise: *menu-api* sync started (rev `a41c9e2`, by piotr.l) to eu1-prod"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=185), "B02ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: *menu-api* synced and healthy (rev `a41c9e2`) on eu1-prod"))
s.bot("deploys", T(D + "14:48:12"), "B02ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: *courier-app-bff* synced and healthy (rev `77e0d1b`) on eu1-prod"))
ch = "inc-0217-checkout"
s.say(ch, T(D + "13:33:05"), "U01KNOW", "acked #4411. checkout 503s are all DELIVERY_ESTIMATE_UNAVAILABLE, eta-service pods keep restarting")
s.say(ch, add(WRONG1, seconds=-40), "U01MZIE", "eta restarts are exit code 137, OOMKilled. we haven't deployed eta since Jan 28")
s.say(ch, WRONG1, "U01JKAM", "menu-api went out at 13:22, does menu call eta? maybe they're hammering it")
s.say(ch, add(WRONG1, seconds=50), "U01PLEW", "menu-api doesn't talk to eta at all, and the restarts started before our sync")
s.say(ch, add(SCALE16, seconds=-45), "U01MZIE", "could just be lunch load + a leak. scaling eta to 16 to buy headroom")
s.say(ch, add(SCALE16, seconds=20), "U01MZIE", "eta-service scaled 10 -> 16")
s.say(ch, ROLLBACK_Q, "U01JKAM", "should we roll back eta?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "U01MZIE", "to what? 2.14.3 has been running for three weeks")
s.say(ch, add(ROLLBACK_Q, seconds=140), "U01MZIE", "the new pods from the scale-up are dying too, ~5 min after start. not helping")
s.say(ch, COMMS, "U01AKOW", "status page updated: 'Some customers cannot place orders, we are investigating' (component: Ordering)")
s.say(ch, add(COMMS, seconds=70), "U01TWOJ", "platform here, looking")
s.say(ch, DIAG1, "U01TWOJ", "every OOMKilled eta pod is on one of the new AL2023 nodes of the general group; the pods that were still on AL2 nodes never restarted")
s.say(ch, add(DIAG1, seconds=55), "U01MZIE", "startup log on those nodes says maxHeap=47490MB. on AL2 it's 1536")
s.say(ch, DIAG2, "U01TWOJ", "that's cgroup v2. AL2023 is cgroup v2 only and JDK 8u292 can't read v2 limits, so MaxRAMPercentage=75 is taken from the host's 64G and the 2Gi container limit kills it")
s.say(ch, add(DIAG2, seconds=45), "U01KNOW", "can we get eta back on AL2 nodes fast?")
s.say(ch, add(RBK, seconds=25), "U01TWOJ", "rolling the general node group back to launch template v22 (AL2), maxUnavailable bumped to 6 so it goes in three batches")
s.say(ch, T(D + "14:00:30"), "U01MZIE", "first eta pods on AL2 nodes are up with maxHeap=1536MB and staying up")
s.say(ch, add(MITIGATED, seconds=95), "U01KNOW", "no DELIVERY_ESTIMATE_UNAVAILABLE for a bit now, orders going through")
s.say(ch, add(PAGE_OK, seconds=40), "U01AKOW", "status page: monitoring")
s.say(ch, T(D + "14:24:10"), "U01TWOJ", "general is pinned to v22; AL2023 rollout paused until eta moves to a cgroup-v2 aware JDK (8u372+ or 17)")
s.say(ch, add(RESOLVED, seconds=-40), "U01KNOW", "30 min clean, resolving #4411. postmortem owner: platform + eta")
s.write(inc, "slack")

inc.truth(
    "eta-cgroup-v2-oom", "node-os-upgrade-cgroupv2-jvm-heap-oomkill",
    "An EKS node-group update moved the general nodes to an AL2023 (cgroup v2) launch template; eta-service on JDK 8u292 sized its\n"
    "heap from the host's 64 GiB, was OOM-killed over and over, and checkout rejected orders until the node group was rolled back to AL2.",
    (W0, W1),
    dict(started=STARTED, detected=OOM_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(FWD, "change", "EKS VersionUpdate of node group general to launch template v23 (AL2023)", "ng-general.json", 60),
     (STARTED, "first_symptom", "first eta container OOM-killed; first checkout DELIVERY_ESTIMATE_UNAVAILABLE rejections", "checkout-api.jsonl.gz", 60),
     (OOM_ALERT, "alert_fired", "EtaContainerOOMKilled (warning) fires", "am-capture.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4411 CheckoutApi5xxRatio triggered", "pd-4411.json", 60),
     (ACK, "acknowledged", "Katarzyna acknowledges #4411", "pd-4411.json", 60),
     (COMMS, "communication", "status page: some customers cannot place orders", "slack", 60),
     (DIAG1, "diagnosis", "Tomasz: every OOMKilled eta pod is on the new AL2023 nodes", "slack", 60),
     (DIAG2, "diagnosis", "Tomasz: cgroup v2 - JDK 8u292 sizes the heap from the host's 64G", "slack", 60),
     (RBK, "mitigation", "node group rolled back to launch template v22 (AL2)", "ng-general.json", 60),
     (MITIGATED, "recovery", "last order rejected for a missing delivery estimate", "checkout-api.jsonl.gz", 60),
     (PAGE_OK, "alert_resolved", "CheckoutApi5xxRatio resolved", "am-capture.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #4411 resolved", "pd-4411.json", 60)],
    [(T("2026-02-17 02:04:13"), "courier-payouts-export CronJob fails every night (KubeJobFailed), also on the days before", "am-capture.ndjson"),
     (OTHER_DEPLOY, "menu-api rollout by the catalog team", "events-2026-02-17.json"),
     (T(D + "13:19:10"), "KafkaConsumerGroupLagHigh for search-indexer flapping all afternoon", "am-capture.ndjson"),
     (WRONG1, "wrong hunch: menu-api hammering eta", "slack"),
     (SCALE16, "eta scaled 10 -> 16: not a mitigation, the new pods die too", "slack"),
     (ROLLBACK_Q, "'should we roll back eta?' question", "slack"),
     (T(D + "13:00:00"), "steady promo-service lookup timeouts all window", "checkout-api.jsonl.gz"),
     (T(D + "13:05:00"), "steady zone-cache slow refresh warnings and tile 404 errors in eta-service", "eta-service.log"),
     (T(D + "14:48:12"), "courier-app-bff sync by another team after the incident", "slack")],
    [("ng-general.json", "deploys"), ("checkout-api.jsonl.gz", "logs"), ("eta-service.log", "logs"),
     ("wss-eta.json", "prometheus-query-range"), ("events-2026-02-17.json", "kube-events"),
     ("am-capture.ndjson", "alertmanager-webhook"), ("pd-4411.json", "pagerduty-log-entries"), ("slack", "slack-export")])
print("mitigated", MITIGATED, "ready at end", ready_count(T(D + "14:10:00")))
