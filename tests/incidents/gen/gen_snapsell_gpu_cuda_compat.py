"""retired13/snapsell-gpu-cuda-compat: a GKE auto-upgrade moves the GPU node pool to a newer NVIDIA driver; the vision
model server forces an older CUDA forward-compat libcuda and crashes (error 803) on every upgraded node, so inference
capacity drains node by node and listing publishes fail until a hotfix image drops the compat path."""
import random
from common import *

rng = random.Random(20261006)
inc = Incident("retired13", "snapsell-gpu-cuda-compat")
D = "2026-10-06 "
W0, W1 = T(D + "07:30:00"), T(D + "11:30:00")
UPG = T(D + "08:04:12.331")
STEP = [T(D + x) for x in ("08:10:20", "08:19:20", "08:28:20", "08:37:20", "08:46:20")]  # old node drained
STARTED = T(D + "08:11:38.412")        # first error-803 crash on an upgraded node
CRASHWARN = T(D + "08:26:40")
ALERT = T(D + "08:31:10")
PAGE = T(D + "08:31:22")
ACK = T(D + "08:34:05")
WRONG = T(D + "08:36:30")
ROLLBACK_Q = T(D + "08:38:00")
DIAG = T(D + "08:43:50")
CANCEL = T(D + "08:47:30")
CANCEL_DONE = T(D + "08:47:41")
PAUSE = T(D + "08:48:10")
STATUS = T(D + "08:52:00")
HOTFIX0, READY0, HOTFIX1 = T(D + "09:02:30"), T(D + "09:05:40"), T(D + "09:09:20")
ALERT_OK = T(D + "09:13:10")
UNPAUSE = T(D + "09:15:20")
UPG2_0, UPG2_1 = T(D + "09:40:05.118"), T(D + "10:32:40.904")
RESOLVED = T(D + "10:41:15")
OTHER_DEPLOY = T(D + "08:19:05")
CRONS = [T("2026-10-%02d 07:46:%02d" % (d, 11 + d)) for d in (3, 4, 5, 6)]
NEW = ["gke-vision-prod-gpu-l4-7d1e%s" % x for x in ("-4wq8", "-8kzt", "-c2mv", "-h7rp", "-n5sd", "-r3xb", "-v9kc", "-z1fw")]
OLD = ["gke-vision-prod-gpu-l4-3a90%s" % x for x in ("-2bcd", "-5fgh", "-9jkl", "-dmnp", "-gqrs", "-ktuv", "-pwxy", "-t0z1")]


def working(t):
    if t >= HOTFIX1:
        return 16
    n = 16 - 2 * sum(1 for s in STEP if t >= s)
    if t >= READY0:   # new pods pull the image and load the model for ~3 min, then turn ready one by one
        n += int((16 - n) * (t - READY0).total_seconds() / (HOTFIX1 - READY0).total_seconds())
    return n


def demand(t):
    live = 58 + 14 * min(1.0, max(0.0, (t - W0).total_seconds() / 7200.0))
    bulk = 0 if PAUSE <= t < UNPAUSE else 24
    return live, bulk


def short(t):
    live, bulk = demand(t)
    return 8.0 * working(t) < live + bulk


def err_ratio(t):
    live, bulk = demand(t)
    cap = 8.0 * working(t)
    e = max(0.0, 1.0 - cap / (live + bulk))
    return round(e + 0.002 + 0.001 * ((int(epoch(t)) // 30) % 3), 4)


MITIGATED = next(t for t in frange(READY0, HOTFIX1, 1) if not short(t))   # capacity catches up with demand
assert T(D + "09:06:30") < MITIGATED < T(D + "09:07:10"), MITIGATED

# ---- GKE operations (gcloud container operations list --format=json)
def op(t0, t1, typ, target, status="DONE", extra=None):
    name = "operation-%d-%s" % (int(epoch(t0) * 1000), uuid(typ + iso(t0))[:8])
    o = {"name": name, "zone": "europe-west4", "operationType": typ, "status": status,
         "selfLink": "https://container.googleapis.com/v1/projects/snapsell-prod/locations/europe-west4/operations/" + name,
         "targetLink": "https://container.googleapis.com/v1/projects/snapsell-prod/locations/europe-west4/clusters/" + target,
         "startTime": iso_us(t0), "endTime": iso_us(t1) if t1 else None}
    o.update(extra or {})
    return {k: v for k, v in o.items() if v is not None}
ops = [op(T("2026-10-05 13:20:44.1"), T("2026-10-05 13:21:02.7"), "SET_LABELS", "web-prod"),
       op(T("2026-10-05 22:00:31.9"), T("2026-10-05 23:12:08.4"), "UPGRADE_NODES", "web-prod/nodePools/default-pool",
          extra={"detail": "Upgrading node pool default-pool to 1.31.1-gke.1678000 (auto-upgrade, maintenance window)"}),
       op(UPG, CANCEL_DONE, "UPGRADE_NODES", "vision-prod/nodePools/gpu-l4",
          extra={"detail": "Upgrading node pool gpu-l4 from 1.30.5-gke.1014001 to 1.31.1-gke.1678000 (auto-upgrade, maintenance window Tue 08:00-12:00 UTC); 5 of 8 nodes upgraded",
                 "error": {"code": 1, "message": "Operation was cancelled by kasia.nowak@snapsell.pl."},
                 "progress": {"metrics": [{"name": "NODES_TOTAL", "intValue": "8"}, {"name": "NODES_DONE", "intValue": "5"}]}}),
       op(T(D + "08:58:12.4"), T(D + "08:58:19.0"), "UPDATE_CLUSTER", "web-prod", extra={"detail": "Updating maintenance exclusions"}),
       op(UPG2_0, UPG2_1, "UPGRADE_NODES", "vision-prod/nodePools/gpu-l4",
          extra={"detail": "Upgrading node pool gpu-l4 to 1.31.1-gke.1678000 (manual)"})]
inc.json("gke-operations.json", sorted(ops, key=lambda o: o["startTime"], reverse=True))

# ---- journald export of the first upgraded node (journalctl -o json)
jn = []
BOOT = uuid("boot-4wq8").replace("-", "")
def J(t, ident, msg, prio=6, unit=None, pid=None):
    d = {"__REALTIME_TIMESTAMP": str(int(epoch(t) * 1_000_000)), "__MONOTONIC_TIMESTAMP": str(int((epoch(t) - epoch(T(D + "08:07:40"))) * 1_000_000) + 4_112_000),
         "_BOOT_ID": BOOT, "_HOSTNAME": NEW[0], "PRIORITY": str(prio), "SYSLOG_IDENTIFIER": ident, "MESSAGE": msg,
         "_TRANSPORT": "kernel" if ident == "kernel" else "stdout" if unit else "syslog"}
    if unit:
        d["_SYSTEMD_UNIT"] = unit
    if pid:
        d["_PID"] = str(pid)
    jn.append((t, jline(d)))
b = T(D + "08:07:40")
J(b, "kernel", "Linux version 6.1.100+ (builder@cos) (Chromium OS 17.0_pre498229_p20240315-r18 clang version 17.0.0) #1 SMP PREEMPT_DYNAMIC")
J(add(b, seconds=31), "kernel", "nvidia: loading out-of-tree module taints kernel.")
J(add(b, seconds=31.4), "kernel", "NVRM: loading NVIDIA UNIX x86_64 Kernel Module  550.90.07  Fri May 31 09:35:42 UTC 2024", prio=5)
J(add(b, seconds=33), "nvidia-driver-installer", "GPU driver version 550.90.07 installed and verified (cos-117-18613-0-79)", unit="kubelet.service")
J(add(b, seconds=52), "kubelet", "I1006 %s kubelet_node_status.go:76] \"Successfully registered node\" node=\"%s\"" % (add(b, seconds=52).strftime("%H:%M:%S.%f"), NEW[0]), unit="kubelet.service", pid=1893)
ps = ["listing-vision-6b8d9c7f5-%s" % x for x in ("x9k2p", "q4wfn")]
for i, p in enumerate(ps):
    c0 = add(STARTED, seconds=i * 3.1)
    for k in range(9):
        t = add(c0, seconds=min(300, 10 * 2 ** k) * (1 if k else 0) + sum(min(300, 10 * 2 ** j) + 47 for j in range(k)))
        if t > HOTFIX0:
            break
        J(add(t, seconds=0.8), "kubelet", "E1006 %s pod_workers.go:1298] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"triton\\\" with CrashLoopBackOff: \\\"back-off %ds restarting failed container=triton pod=%s_vision(%s)\\\"\" pod=\"vision/%s\"" % (
            add(t, seconds=0.8).strftime("%H:%M:%S.%f"), min(300, 10 * 2 ** k), p, uuid(p), p), prio=3, unit="kubelet.service", pid=1893)
for t in frange(add(b, minutes=2), W1, 300):
    J(t, "node-problem-detector", "I1006 %s log_monitor.go:160] Finish parsing log monitor config /config/kernel-monitor.json" % t.strftime("%H:%M:%S.%f"), unit="node-problem-detector.service", pid=1211)
inc.lines("gpu-l4-4wq8.journal.json", [l for _, l in sorted(jn, key=lambda x: x[0])])

# ---- Triton logs (kubectl logs --prefix, several pods)
tl = []
def TR(t, pod, sev, src, msg):
    tl.append((t, "[pod/%s/triton] %s" % (pod, klog(t, sev, 1, src, msg))))
OLDPODS = ["listing-vision-6b8d9c7f5-%s" % x for x in ("b7hmz", "k2dqs", "t8vwr", "m3nfj")]
for p in OLDPODS:
    for t in poisson_times(rng, W0, W1, 1 / 180.0):
        TR(t, p, "W", "metrics.cc:830", "Unable to get power usage for GPU 0. Status:Success, value:0.000000")
def crash(t, pod):
    TR(t, pod, "I", "pinned_memory_manager.cc:241", "Pinned memory pool is created at '0x7f2c4e000000' with size 268435456")
    TR(add(t, seconds=0.01), pod, "W", "pinned_memory_manager.cc:237", "Unable to allocate pinned system memory, pinned memory pool will not be available: system has unsupported display driver / cuda driver combination")
    TR(add(t, seconds=0.02), pod, "I", "cuda_memory_manager.cc:117", "CUDA memory pool disabled")
    TR(add(t, seconds=0.9), pod, "E", "model_lifecycle.cc:638", "failed to load 'listing_clf' version 14: Internal: unable to get number of CUDA devices: system has unsupported display driver / cuda driver combination")
    TR(add(t, seconds=0.95), pod, "E", "server.cc:241", "CudaDriverHelper has not been initialized.")
    TR(add(t, seconds=1.0), pod, "I", "server.cc:307", "Waiting for in-flight requests to complete.")
    TR(add(t, seconds=1.1), pod, "E", "main.cc:256", "failed to start server: Internal - failed to load all models")
crash(STARTED, ps[0])
crash(add(STARTED, seconds=3.1), ps[1])
for k, s in enumerate(STEP[1:], 1):
    for j in range(2):
        crash(add(s, seconds=78 + 3 * j), "listing-vision-6b8d9c7f5-%s" % hexid(rng, 5))
for i, p in enumerate(["listing-vision-7f4c2a9d1-%s" % hexid(rng, 5) for _ in range(3)]):
    t = add(READY0, seconds=-8 + 22 * i)
    TR(t, p, "I", "cuda_memory_manager.cc:107", "CUDA memory pool is created on device 0 with size 67108864")
    TR(add(t, seconds=6), p, "I", "model_lifecycle.cc:815", "successfully loaded 'listing_clf' version 14")
    TR(add(t, seconds=6.2), p, "I", "grpc_server.cc:2495", "Started GRPCInferenceService at 0.0.0.0:8001")
inc.lines("listing-vision.log", [l for _, l in sorted(tl, key=lambda x: x[0])])

# ---- kube events
k = Kube(rng)
for i, s in enumerate(STEP):
    nn = add(s, seconds=-108)
    k.ev(nn, "", "Node", NEW[i], "RegisteredNode", "Node %s event: Registered Node %s in Controller" % (NEW[i], NEW[i]), component="node-controller")
    k.ev(add(nn, seconds=18), "", "Node", NEW[i], "NodeReady", "Node %s status is now: NodeReady" % NEW[i], host=NEW[i])
    k.ev(add(s, seconds=-20), "", "Node", OLD[i], "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % OLD[i], host=OLD[i])
    for j in range(2):
        pod = ps[j] if i == 0 else "listing-vision-6b8d9c7f5-r%d%d" % (i, j)
        k.ev(add(s, seconds=j), "vision", "Pod", "listing-vision-6b8d9c7f5-o%d%d" % (i, j), "Killing", "Stopping container triton", host=OLD[i])
        k.ev(add(s, seconds=2 + j), "vision", "Pod", pod, "Scheduled", "Successfully assigned vision/%s to %s" % (pod, NEW[i]), component="default-scheduler")
        last = min(HOTFIX0, add(s, minutes=40))
        k.ev(last, "vision", "Pod", pod, "BackOff", "Back-off restarting failed container triton in pod %s_vision(%s)" % (pod, uuid(pod)),
             type_="Warning", host=NEW[i], count=max(1, int((last - s).total_seconds() // 150)), first=add(s, seconds=80 + j * 3))
k.ev(OTHER_DEPLOY, "messaging", "Deployment", "messaging-api", "ScalingReplicaSet", "Scaled up replica set messaging-api-5c8d7b9f44 to 3 from 0", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=64), "messaging", "Deployment", "messaging-api", "ScalingReplicaSet", "Scaled down replica set messaging-api-84f6c9d7b2 to 0 from 3", component="deployment-controller")
k.ev(PAUSE, "vision", "Deployment", "listing-rescore-consumer", "ScalingReplicaSet", "Scaled down replica set listing-rescore-consumer-69d4b8c5f7 to 0 from 4", component="deployment-controller")
k.ev(HOTFIX0, "vision", "Deployment", "listing-vision", "ScalingReplicaSet", "Scaled up replica set listing-vision-7f4c2a9d1 to 4 from 0", component="deployment-controller")
k.ev(add(HOTFIX0, seconds=110), "vision", "Deployment", "listing-vision", "ScalingReplicaSet", "Scaled up replica set listing-vision-7f4c2a9d1 to 12 from 4", component="deployment-controller")
k.ev(HOTFIX1, "vision", "Deployment", "listing-vision", "ScalingReplicaSet", "Scaled down replica set listing-vision-6b8d9c7f5 to 0 from 4", component="deployment-controller")
k.ev(UNPAUSE, "vision", "Deployment", "listing-rescore-consumer", "ScalingReplicaSet", "Scaled up replica set listing-rescore-consumer-69d4b8c5f7 to 4 from 0", component="deployment-controller")
k.ev(add(CRONS[-1], seconds=-50), "ml-platform", "Job", "gpu-utilization-report-29327326", "SuccessfulCreate", "Created pod: gpu-utilization-report-29327326-7qz4n", component="job-controller")
k.ev(CRONS[-1], "ml-platform", "Job", "gpu-utilization-report-29327326", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("events.json", k.core_list())

# ---- listing-api (zap production JSON)
la = []
def Z(t, lvl, caller, msg, **kw):
    la.append((t, jline({"level": lvl, "ts": round(epoch(t), 6), "caller": caller, "msg": msg, **kw})))
for t in poisson_times(rng, W0, W1, 0.13):
    lid = rng.randint(380_000_000, 399_999_999)
    if rng.random() < err_ratio(t):
        Z(t, "error", "publish/vision.go:88", "vision classify failed", listing_id=lid, photos=rng.randint(1, 8),
          error="rpc error: code = DeadlineExceeded desc = context deadline exceeded" if rng.random() < 0.7 else "rpc error: code = Unavailable desc = triton queue full")
        Z(add(t, seconds=0.001), "warn", "httpx/respond.go:41", "request failed", method="POST", path="/v2/listings/%d/publish" % lid, status=503, duration_ms=rng.randint(2500, 3100))
    else:
        Z(t, "info", "publish/handler.go:132", "listing published", listing_id=lid, photos=rng.randint(1, 8), duration_ms=rng.randint(180, 900))
for t in poisson_times(rng, W0, W1, 1 / 160.0):
    Z(t, "warn", "publish/vision.go:61", "photo below 320px, skipping classification", listing_id=rng.randint(380_000_000, 399_999_999))
inc.lines("listing-api.jsonl", [l for _, l in sorted(la, key=lambda x: x[0])])

# ---- OpenMetrics
pts = list(frange(W0, W1, 30))
inc.write("vision.om", openmetrics([
    ("listing_publish_error_ratio", "gauge", "Share of listing publishes failing over the last minute.", [({"service": "listing-api"}, [(t, err_ratio(t)) for t in pts])]),
    ("kube_deployment_status_replicas_ready", "gauge", "Ready replicas of the deployment.", [({"namespace": "vision", "deployment": "listing-vision"}, [(t, working(t)) for t in pts])]),
    ("nv_inference_queue_duration_ms_p95", "gauge", "p95 Triton queue time (recording rule).", [({"model": "listing_clf"}, [(t, round(12 + 2600 * min(1.0, err_ratio(t) * 3), 1)) for t in pts])]),
]))

# ---- PagerDuty v2 webhooks
TITLE = "ListingPublishErrorRatio: listing publish errors above 5%"
pd = PD(3310, TITLE, "listing-platform", "PLST0B2", "ML Platform")
kasia = PD.user("Kasia Nowak", "PKASIA1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Kasia Nowak by push notification.", user=kasia)
pd.add(ACK, "acknowledge_log_entry", kasia, {"type": "mobile"}, "Acknowledged by Kasia Nowak.")
pd.add(RESOLVED, "resolve_log_entry", kasia, {"type": "web_ui"}, "Resolved by Kasia Nowak.")
inc.lines("pd-hooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 3310, TITLE, PAGE)])

# ---- slack
s = Slack()
for u, n, r in [("U5KASIA", "kasia", "Kasia Nowak"), ("U5BARTEK", "bartek", "Bartek Wójcik"), ("U5PIOTR", "piotr", "Piotr Zieliński"),
                ("U5OLA", "ola", "Ola Kamińska"), ("U5MIKE", "mike", "Mike Adeyemi")]:
    s.user(u, n, r, "Europe/Warsaw")
for cid, n in [("C5ALR", "prod-alerts"), ("C5INC", "inc-listing-publish"), ("C5GKE", "gke-notifications"), ("C5STAT", "status")]:
    s.channel(cid, n)
for c in CRONS:
    s.bot("prod-alerts", add(c, seconds=35), "B5AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job ml-platform/gpu-utilization-report failed to complete", color="warning"))
for a, b_ in [("07:52:10", "07:58:40"), ("08:14:10", "08:17:10"), ("09:21:40", "09:26:10"), ("10:05:10", "10:09:40")]:
    s.bot("prod-alerts", T(D + a), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "RedisMemoryHigh", "sessions-redis memory above 85% (team: identity)", color="warning"))
    s.bot("prod-alerts", T(D + b_), "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "RedisMemoryHigh", "sessions-redis memory back under 85%"))
s.bot("prod-alerts", CRASHWARN, "B5AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "KubePodCrashLooping", "Pod vision/listing-vision-6b8d9c7f5-x9k2p (triton) is restarting 0.27 times / 5 minutes", color="warning"))
s.bot("prod-alerts", add(ALERT, seconds=10), "B5AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "ListingPublishErrorRatio", "listing publish errors above 5% (10.6%)\nseverity: page"))
s.bot("prod-alerts", ALERT_OK, "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "ListingPublishErrorRatio", "listing publish errors back under 5%"))
s.bot("gke-notifications", add(UPG, seconds=20), "B5GKE", "gke-pubsub", blocks=pd_slack_blocks(
    "*UpgradeEvent* cluster `vision-prod` node pool `gpu-l4`: upgrading 1.30.5-gke.1014001 -> 1.31.1-gke.1678000 (auto-upgrade)"))
s.bot("gke-notifications", add(UPG2_1, seconds=14), "B5GKE", "gke-pubsub", blocks=pd_slack_blocks(
    "*UpgradeEvent* cluster `vision-prod` node pool `gpu-l4`: upgrade to 1.31.1-gke.1678000 finished"))
s.say("prod-alerts", T(D + "08:28:10"), "U5BARTEK", "listing-vision pods crashlooping on a couple of nodes, will look after standup")
ch = "inc-listing-publish"
s.say(ch, add(ACK, seconds=35), "U5KASIA", "acked. listing publish 503s ~12% and rising, listing-vision ready 10/16, the crashing ones never get past model load")
s.say(ch, WRONG, "U5PIOTR", "is it the new multi-photo upload in Android 6.2? it started rolling out yesterday, bigger batches")
s.say(ch, ROLLBACK_Q, "U5PIOTR", "should we roll back listing-vision to yesterday's image?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U5KASIA", "image hasn't changed since Thursday. all the crashing pods are on new gpu-l4 nodes, the pool is auto-upgrading since 08:04")
s.say(ch, DIAG, "U5BARTEK", "error 803 = 'unsupported display driver / cuda driver combination'. upgraded nodes run driver 550.90.07 (GKE 1.31 default), our image puts /usr/local/cuda/compat (cuda-compat 12.2, built for 535) first on LD_LIBRARY_PATH, so the compat libcuda doesn't match the 550 kernel module. old nodes (535) are fine")
s.say(ch, add(DIAG, seconds=90), "U5KASIA", "cancelling the node pool upgrade so we keep the last 3 old nodes, and pausing the bulk rescoring consumer to free capacity for live publishes")
s.say(ch, add(PAUSE, seconds=60), "U5KASIA", "upgrade op cancelled at 5/8, rescoring at 0. errors ~48% -> ~29%, still bad: 6 of 16 pods serving")
s.say(ch, T(D + "08:55:40"), "U5BARTEK", "building listing-vision 2026.10.06-1 without the compat path in LD_LIBRARY_PATH, the host driver is newer than 12.2 needs anyway")
s.say(ch, add(HOTFIX0, seconds=20), "U5BARTEK", "hotfix rolling out")
s.say(ch, add(MITIGATED, seconds=45), "U5KASIA", "9 of the new pods ready and serving, publish errors back to baseline")
s.say(ch, add(HOTFIX1, seconds=25), "U5KASIA", "16/16 ready, models loaded on the 550 nodes")
s.say(ch, add(UNPAUSE, seconds=15), "U5KASIA", "rescoring consumer back to 4")
s.say(ch, add(UPG2_0, seconds=30), "U5KASIA", "resuming the gpu-l4 upgrade by hand, watching each node")
s.say(ch, add(RESOLVED, seconds=-40), "U5KASIA", "upgrade finished 10:32, all 8 nodes on 550 with the hotfix image, no errors. resolving")
for t, title, text, color in [(STATUS, "Investigating - Publishing new listings fails for some sellers", "Some sellers can't publish new listings. Existing listings and purchases are not affected.", "ECB22E"),
                              (add(MITIGATED, minutes=5), "Monitoring - Publishing new listings", "Listings publish normally again. We are monitoring.", "2EB67D"),
                              (add(RESOLVED, minutes=3), "Resolved - Publishing new listings", "This incident has been resolved.", "2EB67D")]:
    s.bot("status", t, "B5SP", "Statuspage", attachments=[{"color": color, "fallback": title, "title": title, "text": text, "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "snapsell-gpu-cuda-compat", "gpu-node-auto-upgrade-driver-vs-cuda-compat-capacity-drain",
    "A GKE auto-upgrade moved the GPU node pool to driver 550; the vision server's image forced the CUDA 12.2 forward-compat libcuda and\n"
    "crashed (error 803) on each upgraded node, draining capacity until listing publishes failed; cancel + pausing bulk work helped partly, a hotfix image fixed it.",
    (W0, W1),
    dict(started=STARTED, detected=CRASHWARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(UPG, "change", "GKE auto-upgrade of node pool gpu-l4 to 1.31.1-gke.1678000 (driver 550) starts", "gke-operations.json", 60),
     (STARTED, "first_symptom", "first listing-vision crash on an upgraded node (unsupported display driver / cuda driver combination)", "listing-vision.log", 60),
     (CRASHWARN, "alert_fired", "KubePodCrashLooping warning for listing-vision", "slack", 60),
     (PAGE, "paged", "PagerDuty #3310 triggered (ListingPublishErrorRatio)", "pd-hooks.ndjson", 60),
     (ACK, "acknowledged", "Kasia acknowledges", "pd-hooks.ndjson", 60),
     (DIAG, "diagnosis", "Bartek: error 803, compat libcuda 12.2 vs driver 550 on upgraded nodes", "slack", 90),
     (PAUSE, "mitigation", "upgrade cancelled at 5/8 and bulk rescoring scaled to 0 (partial)", "events.json", 90),
     (STATUS, "communication", "Statuspage: publishing new listings fails for some sellers", "slack", 90),
     (HOTFIX0, "mitigation", "hotfix image without the compat path rolls out", "events.json", 60),
     (MITIGATED, "recovery", "enough new pods ready (9+), publish errors back to baseline", "vision.om", 60),
     (ALERT_OK, "alert_resolved", "ListingPublishErrorRatio resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #3310 resolved after the upgrade finished", "pd-hooks.ndjson", 60)],
    [(CRONS[-1], "daily gpu-utilization-report job failure (~07:46 every day)", "events.json"),
     (OTHER_DEPLOY, "messaging team rolls out messaging-api", "events.json"),
     (T(D + "08:14:10"), "RedisMemoryHigh for the identity team, flapping", "slack"),
     (T(D + "08:58:12"), "UPDATE_CLUSTER on web-prod (maintenance exclusions)", "gke-operations.json"),
     (WRONG, "wrong hunch: Android 6.2 multi-photo upload", "slack"),
     (ROLLBACK_Q, "'should we roll back listing-vision?' question", "slack"),
     (UNPAUSE, "rescoring consumer scaled back up after recovery", "events.json"),
     (UPG2_0, "node pool upgrade resumed by hand after recovery", "gke-operations.json"),
     (T(D + "10:00:00"), "steady Triton GPU power-usage warnings and small-photo skips all window", "listing-vision.log")],
    [("gke-operations.json", "deploys"), ("gpu-l4-4wq8.journal.json", "logs"), ("listing-vision.log", "logs"), ("events.json", "kube-events"),
     ("listing-api.jsonl", "logs"), ("vision.om", "openmetrics"), ("pd-hooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
