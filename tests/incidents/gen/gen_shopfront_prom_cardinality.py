"""retired14/shopfront-prom-cardinality: search-api 4.2.0 labels its latency histogram with the raw URL path; the head series
explode and both Prometheus replicas are OOM-killed and crash-loop in WAL replay. The HPAs read their metric through
prometheus-adapter, so checkout-api stays at 14 pods into the lunch peak and saturates; an external synthetic check pages
the checkout team, a manual scale-out ends the impact, the search rollback plus a drop rule and a WAL reset bring
Prometheus back."""
import random
from common import *

rng = random.Random(20261120)
inc = Incident("retired14", "shopfront-prom-cardinality")
LTZ = "Australia/Melbourne"
D = "2026-11-20 "
W0, W1 = T(D + "00:00:00"), T(D + "03:00:00")
CRON = [T("2026-11-%02d 00:31:%02d" % (d, 20 + d)) for d in (17, 18, 19, 20)]
CH_FLAPS = [(T(D + "00:18:40"), T(D + "00:26:40")), (T(D + "01:04:10"), T(D + "01:09:40")), (T(D + "01:58:10"), T(D + "02:11:40"))]
CHANGE = T(D + "00:08:20")
CHANGE_DONE = T(D + "00:11:02")
OOM0 = T(D + "00:41:37")
OOM1 = T(D + "00:41:52")
STARTED = OOM0
OTHER_DEPLOY = T(D + "00:55:12")
PAGE = T(D + "00:51:40")
ACK = T(D + "00:58:10")
MEM_BUMP = T(D + "01:06:30")
IMPACT = T(D + "01:07:45")
CHECKLY_FAIL = T(D + "01:10:05")
PAGE2 = T(D + "01:12:40")
ACK2 = T(D + "01:15:30")
WRONG = T(D + "01:17:50")
ROLLBACK_Q = T(D + "01:19:40")
DIAG_HPA = T(D + "01:21:30")
SCALE = T(D + "01:24:10")
MITIGATED = T(D + "01:27:20")
DIAG_CARD = T(D + "01:29:05")
SEARCH_RB = T(D + "01:33:00")
SEARCH_RB_DONE = T(D + "01:35:40")
DROP_RULE = T(D + "01:41:20")
PROM_READY = T(D + "01:47:50")
WATCHDOG_OK = T(D + "01:48:31")
RESOLVED = T(D + "02:20:00")

# ---- prometheus lifecycle: (start, end, how it ended) per replica
LIFE = {
    "prometheus-k8s-0": [(None, OOM0, "oom"), (T(D + "00:41:49"), T(D + "00:47:21"), "oom"), (T(D + "00:47:44"), T(D + "00:53:40"), "oom"),
                         (T(D + "00:54:31"), T(D + "01:00:12"), "oom"), (T(D + "01:01:40"), T(D + "01:06:41"), "deleted"),
                         (T(D + "01:07:03"), T(D + "01:19:20"), "oom"), (T(D + "01:19:49"), T(D + "01:31:55"), "oom"),
                         (T(D + "01:34:50"), T(D + "01:43:02"), "deleted"), (T(D + "01:47:42"), None, "ready")],
    "prometheus-k8s-1": [(None, OOM1, "oom"), (T(D + "00:42:03"), T(D + "00:47:50"), "oom"), (T(D + "00:48:12"), T(D + "00:54:01"), "oom"),
                         (T(D + "00:54:55"), T(D + "01:00:40"), "oom"), (T(D + "01:02:05"), T(D + "01:06:52"), "deleted"),
                         (T(D + "01:07:20"), T(D + "01:19:51"), "oom"), (T(D + "01:20:15"), T(D + "01:32:30"), "oom"),
                         (T(D + "01:35:20"), T(D + "01:43:10"), "deleted"), (T(D + "01:48:03"), None, "ready")],
}
NODES = {"prometheus-k8s-0": "ip-10-40-3-17.ap-southeast-2.compute.internal", "prometheus-k8s-1": "ip-10-40-5-201.ap-southeast-2.compute.internal"}


def prom_up(t):
    """rules/scrapes running on at least one replica"""
    return t < OOM1 or t >= PROM_READY


# ---- Loki: logcli query --forward '{namespace="monitoring", container="prometheus"}' (default output, local time)
ll = []


def P(t, pod, caller, level, msg, **kw):
    kv = [("ts", iso(t, ms=True)), ("caller", caller), ("level", level)]
    comp = kw.pop("component", None)
    if comp:
        kv.append(("component", comp))
    if msg is not None:
        kv.append(("msg", msg))
    kv += [("caller" if k_ == "caller_" else k_, v_) for k_, v_ in kw.items()]
    line = logfmt(kv)
    lab = '{container="prometheus", namespace="monitoring", pod="%s"}' % pod
    ll.append((t, "%s %s %s" % (local(t, LTZ).isoformat(timespec="seconds"), lab, line)))


def startup(pod, t0, end, per_seg, segs):
    """container start; WAL replay one segment per `per_seg` seconds; ready if replay ends before `end` (None = never killed)"""
    P(t0, pod, "main.go:681", "info", "Starting Prometheus Server", mode="server", version="(version=2.54.1, branch=HEAD, revision=e6cfa720fbe6280153fab13090a483dbd40bece3)")
    P(add(t0, seconds=0.001), pod, "main.go:686", "info", None, build_context="(go=go1.22.6, platform=linux/amd64, user=root@812ffd741951, date=20240827-10:56:41, tags=netgo,builtinassets,stringlabels)")
    P(add(t0, seconds=0.002), pod, "main.go:688", "info", None, host_details="(Linux 6.1.112-124.190.amzn2023.x86_64 #1 SMP x86_64 %s (none))" % pod)
    P(add(t0, seconds=0.003), pod, "main.go:689", "info", None, fd_limits="(soft=1048576, hard=1048576)")
    P(add(t0, seconds=0.004), pod, "web.go:571", "info", "Start listening for connections", component="web", address="0.0.0.0:9090")
    P(add(t0, seconds=0.006), pod, "main.go:1148", "info", "Starting TSDB ...")
    P(add(t0, seconds=0.3), pod, "head.go:626", "info", "Replaying on-disk memory mappable chunks if any", component="tsdb")
    P(add(t0, seconds=6.2), pod, "head.go:713", "info", "On-disk memory mappable chunks replay completed", component="tsdb", duration="5.904s")
    P(add(t0, seconds=6.2), pod, "head.go:721", "info", "Replaying WAL, this may take a while", component="tsdb")
    for i, seg in enumerate(segs):
        t = add(t0, seconds=6.5 + per_seg * (i + 1))
        if end is not None and t >= end:
            return
        P(t, pod, "head.go:793", "info", "WAL segment loaded", component="tsdb", segment=seg, maxSegment=segs[-1])
    e = add(t0, seconds=6.6 + per_seg * len(segs))
    P(e, pod, "head.go:830", "info", "WAL replay completed", component="tsdb", checkpoint_replay_duration="1.204s",
      wal_replay_duration="%.3fs" % (per_seg * len(segs)), wbl_replay_duration="211ns", chunk_snapshot_load_duration="0s",
      mmap_chunk_replay_duration="5.904s", total_replay_duration="%.3fs" % (per_seg * len(segs) + 7.1))
    P(add(e, seconds=0.2), pod, "main.go:1169", "info", None, fs_type="XFS_SUPER_MAGIC")
    P(add(e, seconds=0.2), pod, "main.go:1172", "info", "TSDB started")
    P(add(e, seconds=0.21), pod, "main.go:1354", "info", "Loading configuration file", filename="/etc/prometheus/config_out/prometheus.env.yaml")
    P(add(e, seconds=0.5), pod, "main.go:1391", "info", "Completed loading of configuration file", filename="/etc/prometheus/config_out/prometheus.env.yaml", totalDuration="291.44ms")
    P(add(e, seconds=0.5), pod, "main.go:1133", "info", "Server is ready to receive web requests.")
    P(add(e, seconds=0.5), pod, "manager.go:164", "info", "Starting rule manager...", component="rule manager")


# normal life before the incident
for pod in LIFE:
    off = 3 if pod.endswith("0") else 11
    for h in ("00:00", ):
        pass
    P(T(D + "00:00:%02d" % (off + 1)), pod, "compact.go:576", "info", "write block", component="tsdb", mint=int(epoch(T("2026-11-19 21:00:00")) * 1000),
      maxt=int(epoch(T("2026-11-19 23:00:00")) * 1000), ulid="01JD%s" % hexid(rng, 22).upper(), duration="41.318s", ooo=False)
    P(T(D + "00:00:%02d" % (off + 9)), pod, "head.go:1355", "info", "Head GC completed", component="tsdb", caller_="truncateMemory", duration="2.912s")
    P(T(D + "00:00:%02d" % (off + 10)), pod, "checkpoint.go:101", "info", "Creating checkpoint", component="tsdb", from_segment=1702, to_segment=1740,
      mint=int(epoch(T("2026-11-19 23:00:00")) * 1000))
    P(T(D + "00:00:%02d" % (off + 31)), pod, "head.go:1317", "info", "WAL checkpoint complete", component="tsdb", first=1702, last=1740, duration="21.77s")
    P(T(D + "00:21:%02d" % off), pod, "compact.go:576", "info", "write block", component="tsdb", mint=int(epoch(T("2026-11-19 23:00:00")) * 1000),
      maxt=int(epoch(T("2026-11-20 00:00:00")) * 1000) - 1, ulid="01JD%s" % hexid(rng, 22).upper(), duration="12.004s", ooo=True)
# steady benign: a legacy exporter with a skewed clock
for t in frange(T(D + "00:00:21"), W1, 60):
    for pod in LIFE:
        if prom_up(t) or (pod == "prometheus-k8s-0" and t < OOM0):
            if rng.random() < 0.35:
                P(add(t, seconds=0.3 if pod.endswith("1") else 0), pod, "scrape.go:1777", "warn",
                  "Error on ingesting samples that are too old or are too far into the future", component="scrape manager",
                  scrape_pool="serviceMonitor/billing/legacy-billing-exporter/0", target="http://10.40.7.21:9102/metrics", num_dropped=rng.randint(2, 6))
# restarts
SEGS = list(range(1741, 1872))
for pod, life in LIFE.items():
    for i, (a, b, how) in enumerate(life):
        if a is None:
            continue
        if how == "ready":
            startup(pod, a, None, 0.4, [0])  # WAL moved aside by hand: one empty segment
            continue
        startup(pod, a, b, 2.75 if a < MEM_BUMP else 5.7, SEGS)
        if how == "deleted":
            P(add(b, seconds=0.1), pod, "main.go:889", "warn", "Received SIGTERM, exiting gracefully...")
            P(add(b, seconds=0.1), pod, "main.go:913", "info", "Stopping scrape discovery manager...")
P(add(PROM_READY, seconds=20), "prometheus-k8s-0", "main.go:1354", "info", "Loading configuration file", filename="/etc/prometheus/config_out/prometheus.env.yaml")
P(add(PROM_READY, seconds=20.4), "prometheus-k8s-0", "main.go:1391", "info", "Completed loading of configuration file",
  filename="/etc/prometheus/config_out/prometheus.env.yaml", totalDuration="388.1ms")
inc.lines("monitoring/prom-pair.txt", [l for _, l in sorted(ll, key=lambda x: x[0])])

# ---- prometheus-adapter (klog, UTC)
ad = []


def A(t, sev, src, msg):
    ad.append((t, klog(t, sev, 1, src, msg)))


HPAS = [("checkout-api", "shop"), ("search-api", "search"), ("recs-api", "recs")]
for t in frange(T(D + "00:00:07"), W1, 30):
    for name, ns in HPAS:
        tt = add(t, seconds=rng.uniform(0, 14))
        uri = "/apis/custom.metrics.k8s.io/v1beta1/namespaces/%s/pods/%%2A/http_requests_per_second?labelSelector=app%%3D%s" % (ns, name)
        audit = uuid("%s%s" % (tt, name))
        if prom_up(tt) or tt < OOM0:
            if rng.random() < 0.25:
                A(tt, "I", "httplog.go:134", '"HTTP" verb="LIST" URI="%s" latency="%.6fms" userAgent="kube-controller-manager/v1.30.6 (linux/amd64) kubernetes/a0c1a7e/system:serviceaccount:kube-system:horizontal-pod-autoscaler" audit-ID="%s" srcIP="10.40.1.37:50218" resp=200' % (uri, rng.uniform(8, 40), audit))
        else:
            err = ('Get "http://prometheus-k8s.monitoring.svc:9090/api/v1/query?query=sum%%28rate%%28http_requests_total%%7Bnamespace%%3D%%22%s%%22%%7D%%5B2m%%5D%%29%%29+by+%%28pod%%29&time=%d": dial tcp 172.20.114.9:9090: connect: connection refused' % (ns, int(epoch(tt)))
                   if rng.random() < 0.6 else "server returned HTTP status 503 Service Unavailable")
            A(tt, "E", "provider.go:150", "unable to fetch metrics from prometheus: %s" % err)
            A(add(tt, seconds=0.0004), "E", "status.go:71", 'apiserver received an error that is not an metav1.Status: &errors.errorString{s:"unable to fetch metrics"}: unable to fetch metrics')
            A(add(tt, seconds=0.0009), "I", "httplog.go:134", '"HTTP" verb="LIST" URI="%s" latency="%.6fms" userAgent="kube-controller-manager/v1.30.6 (linux/amd64) kubernetes/a0c1a7e/system:serviceaccount:kube-system:horizontal-pod-autoscaler" audit-ID="%s" srcIP="10.40.1.37:50218" resp=500' % (uri, rng.uniform(1, 4), audit))
for t in frange(T(D + "00:00:40"), W1, 600):
    if not prom_up(t) and t >= OOM0:
        A(t, "E", "provider.go:286", 'unable to update list of all metrics: unable to fetch metrics for query "{namespace!=\\"\\",__name__!~\\"^container_.*\\"}": Get "http://prometheus-k8s.monitoring.svc:9090/api/v1/series?match%5B%5D=%7Bnamespace%21%3D%22%22%2C__name__%21~%22%5Econtainer_.%2A%22%7D&start=' + str(int(epoch(t)) - 600) + '": dial tcp 172.20.114.9:9090: connect: connection refused')
inc.lines("monitoring/adapter.txt", [l for _, l in sorted(ad, key=lambda x: x[0])])

# ---- kube events (kubectl get events -A -o json, exported at 02:35 UTC; cluster runs with --event-ttl=6h)
k = Kube(rng)
for pod, life in LIFE.items():
    node = NODES[pod]
    ooms = [b for a, b, how in life if how == "oom"]
    for i, b in enumerate(ooms):
        k.ev(b, "", "Node", node, "OOMKilling",
             "Memory cgroup out of memory: Killed process %d (prometheus) total-vm:%dkB, anon-rss:%dkB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:%dkB oom_score_adj:999" % (
                 (2281934 if pod.endswith("0") else 1977412) + i * 4137, 25187532 + i * 311, (16 if b < MEM_BUMP else 24) * 1048576 - rng.randint(2000, 9000), 34312 + i * 7),
             type_="Warning", component="kernel-monitor", host=node)
    k.ev(T(D + "01:31:20") if pod.endswith("0") else T(D + "01:31:48"), "monitoring", "Pod", pod, "BackOff",
         "Back-off restarting failed container prometheus in pod %s_monitoring(%s)" % (pod, uuid(pod)), type_="Warning", host=node, count=9,
         first=T(D + "00:47:30") if pod.endswith("0") else T(D + "00:48:00"))
    k.ev(add(PROM_READY, seconds=-40) if pod.endswith("0") else add(PROM_READY, seconds=-19), "monitoring", "Pod", pod, "Unhealthy",
         "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning", host=node, count=212,
         first=add(OOM0, seconds=14) if pod.endswith("0") else add(OOM1, seconds=13))
    for t in (T(D + "01:06:41") if pod.endswith("0") else T(D + "01:06:52"), T(D + "01:43:02") if pod.endswith("0") else T(D + "01:43:10")):
        k.ev(t, "monitoring", "Pod", pod, "Killing", "Stopping container prometheus", host=node)
        k.ev(add(t, seconds=1), "monitoring", "StatefulSet", "prometheus-k8s", "SuccessfulDelete",
             "delete Pod %s in StatefulSet prometheus-k8s successful" % pod, component="statefulset-controller")
        k.ev(add(t, seconds=19 if t < DROP_RULE else (273 if pod.endswith("0") else 286)), "monitoring", "StatefulSet", "prometheus-k8s", "SuccessfulCreate",
             "create Pod %s in StatefulSet prometheus-k8s successful" % pod, component="statefulset-controller")
for name, ns in HPAS:
    last = add(PROM_READY, seconds=-15)
    k.ev(last, ns, "HorizontalPodAutoscaler", name, "FailedGetPodsMetric",
         "unable to get metric http_requests_per_second: unable to fetch metrics from custom metrics API: the server is currently unable to handle the request (get pods.custom.metrics.k8s.io *)",
         type_="Warning", component="horizontal-pod-autoscaler", count=262, first=T(D + "00:42:05") if name == "checkout-api" else T(D + "00:42:11"))
    k.ev(add(last, seconds=0.01), ns, "HorizontalPodAutoscaler", name, "FailedComputeMetricsReplicas",
         "invalid metrics (1 invalid out of 1), first error is: failed to get pods metric value: unable to get metric http_requests_per_second: unable to fetch metrics from custom metrics API: the server is currently unable to handle the request (get pods.custom.metrics.k8s.io *)",
         type_="Warning", component="horizontal-pod-autoscaler", count=262, first=T(D + "00:42:05") if name == "checkout-api" else T(D + "00:42:11"))
CK_PODS = ["checkout-api-6d5c8b7f9-%s" % "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)) for _ in range(40)]
for i, p in enumerate(CK_PODS[:14]):
    if i % 2 == 0:
        k.ev(add(MITIGATED, seconds=-rng.randint(40, 200)), "shop", "Pod", p, "Unhealthy",
             "Readiness probe failed: Get \"http://10.40.%d.%d:8080/healthz/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % (rng.randint(2, 6), rng.randint(10, 250)),
             type_="Warning", host="ip-10-40-%d-%d.ap-southeast-2.compute.internal" % (rng.randint(2, 6), rng.randint(10, 250)), count=rng.randint(6, 31),
             first=add(IMPACT, seconds=rng.randint(-30, 240)))
k.ev(SCALE, "shop", "Deployment", "checkout-api", "ScalingReplicaSet", "Scaled up replica set checkout-api-6d5c8b7f9 to 40 from 14",
     component="deployment-controller")
for i, p in enumerate(CK_PODS[14:]):
    k.pod_start(add(SCALE, seconds=1 + i * 0.4), "shop", p, "ip-10-40-%d-%d.ap-southeast-2.compute.internal" % (rng.randint(2, 6), rng.randint(10, 250)),
                "registry.example.com/shop/checkout-api:3.88.1", "checkout-api")
k.ev(T(D + "01:54:12"), "shop", "HorizontalPodAutoscaler", "checkout-api", "SuccessfulRescale",
     "New size: 31; reason: All metrics below target", component="horizontal-pod-autoscaler")
k.ev(T(D + "01:54:12"), "shop", "Deployment", "checkout-api", "ScalingReplicaSet", "Scaled down replica set checkout-api-6d5c8b7f9 to 31 from 40",
     component="deployment-controller")
for t0, rs, n in ((OTHER_DEPLOY, "recs-api-84f6d9c5b7", 6),):
    k.ev(t0, "recs", "Deployment", "recs-api", "ScalingReplicaSet", "Scaled up replica set %s to 2" % rs, component="deployment-controller")
    k.ev(add(t0, seconds=95), "recs", "Deployment", "recs-api", "ScalingReplicaSet", "Scaled down replica set recs-api-7b9c4d8f65 to 0 from 1", component="deployment-controller")
for t0, rs_new, rs_old in ((T(D + "00:08:41"), "search-api-59d7f8c6b4", "search-api-6b8f4c7d95"), (add(SEARCH_RB, seconds=20), "search-api-6b8f4c7d95", "search-api-59d7f8c6b4")):
    k.ev(t0, "search", "Deployment", "search-api", "ScalingReplicaSet", "Scaled up replica set %s to 3" % rs_new, component="deployment-controller")
    k.ev(add(t0, seconds=130), "search", "Deployment", "search-api", "ScalingReplicaSet", "Scaled down replica set %s to 0 from 1" % rs_old, component="deployment-controller")
job = "loyalty-export-29393910"
k.ev(add(CRON[-1], seconds=-80), "loyalty", "Job", job, "SuccessfulCreate", "Created pod: %s-7xq2d" % job, component="job-controller")
k.ev(CRON[-1], "loyalty", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(CRON[-1], seconds=2), "loyalty", "CronJob", "loyalty-export", "SawCompletedJob", "Saw completed job: %s, status: Failed" % job, component="cronjob-controller")
inc.json("cluster/prod-syd-0235.json", k.core_list())

# ---- ingress-nginx access log (local time with offset), gzipped
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 19_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Linux; Android 16; SM-S931B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Mobile Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15"]


def load(t):
    """lunch peak 11:45-13:30 local"""
    m = (t - W0).total_seconds() / 60
    return 1.0 + 1.1 * max(0.0, min(1.0, (m - 45) / 60)) - 1.1 * max(0.0, min(1.0, (m - 130) / 40))


def ck_fail(t):
    if IMPACT <= t < SCALE:
        return min(0.34, 0.03 + (t - IMPACT).total_seconds() / 2400)
    if SCALE <= t < MITIGATED:
        return 0.3 * (1 - (t - SCALE).total_seconds() / (MITIGATED - SCALE).total_seconds())
    return 0.0


ng = []


def NG(t, ip, method, path, st, size, ref, ua, reqlen, rt, ups, upaddr, uplen, uprt, upst):
    lt = local(t, LTZ)
    ng.append((t, '%s - - [%02d/%s/%d:%s %s] "%s %s HTTP/2.0" %d %d "%s" "%s" %d %.3f [%s] [] %s %s %s %s %s' % (
        ip, lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.strftime("%z"), method, path, st, size, ref, ua, reqlen, rt,
        ups, upaddr, uplen, uprt, upst, hexid(rng, 32))))


t = W0
while t < W1:
    t = add(t, seconds=rng.expovariate(0.55 * load(t)))
    if t >= W1:
        break
    ip = "%d.%d.%d.%d" % (rng.choice([1, 49, 101, 110, 121, 203]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    ua = rng.choice(UAS)
    r = rng.random()
    if r < 0.3:
        path, method = rng.choice([("/api/checkout/submit", "POST"), ("/api/checkout/shipping-options", "POST"), ("/api/checkout/summary", "GET")])
        up = "10.40.%d.%d:8080" % (rng.randint(2, 6), rng.randint(10, 250))
        f = ck_fail(t)
        if f and rng.random() < f:
            if rng.random() < 0.6:
                NG(t, ip, method, path, 504, 160, "https://www.shopfront.com.au/checkout", ua, rng.randint(400, 1400), 30.001,
                   "shop-checkout-api-http", up, 0, "30.001", 504)
            else:
                NG(t, ip, method, path, 503, 190, "https://www.shopfront.com.au/checkout", ua, rng.randint(400, 1400), 0.001,
                   "shop-checkout-api-http", "-", "-", "-", "-")
        else:
            busy = IMPACT <= t < MITIGATED or (add(IMPACT, minutes=-12) <= t < IMPACT)
            rt = rng.uniform(2.5, 9.0) if busy else rng.uniform(0.08, 0.6)
            NG(t, ip, method, path, 200, rng.randint(800, 4200), "https://www.shopfront.com.au/checkout", ua, rng.randint(400, 1400), rt,
               "shop-checkout-api-http", up, rng.randint(800, 4200), "%.3f" % (rt - 0.001), 200)
    else:
        path, ups = rng.choice([("/api/search?q=%s" % rng.choice(["dress", "sneakers", "linen+shirt", "kids+jacket", "sunglasses", "swim"]), "search-search-api-http"),
                                ("/api/products/%d" % rng.randint(100000, 999999), "shop-catalog-api-http"),
                                ("/api/recs/home", "recs-recs-api-http"), ("/api/cart", "shop-cart-api-http")])
        st = 200
        rt = rng.uniform(0.01, 0.25)
        if rng.random() < 0.004:
            st, rt = 499, rng.uniform(0.5, 4)  # client closed: steady benign
        NG(t, ip, "GET", path, st, rng.randint(300, 30000) if st == 200 else 0, "https://www.shopfront.com.au/", ua, rng.randint(300, 900), rt,
           ups, "10.40.%d.%d:8080" % (rng.randint(2, 6), rng.randint(10, 250)), rng.randint(300, 30000) if st == 200 else 0, "%.3f" % rt, st)
NG(IMPACT, "110.143.22.90", "POST", "/api/checkout/submit", 504, 160, "https://www.shopfront.com.au/checkout", UAS[0], 1190, 30.001,
   "shop-checkout-api-http", "10.40.4.77:8080", 0, "30.001", 504)
NG(add(MITIGATED, seconds=-6), "49.180.7.12", "POST", "/api/checkout/submit", 504, 160, "https://www.shopfront.com.au/checkout", UAS[2], 1022, 30.001,
   "shop-checkout-api-http", "10.40.2.141:8080", 0, "30.001", 504)
inc.lines("edge/ingress-1120.gz", [l for _, l in sorted(ng, key=lambda x: x[0])])

# ---- Mimir (remote_write copy) query_range: the gap is the outage of the pair
def head(pod):
    def f(t):
        if not prom_up(t) and t >= (OOM0 if pod.endswith("0") else OOM1):
            return None
        if t >= PROM_READY:
            return 1.62e6 + rng.randint(-5000, 5000) if t >= add(PROM_READY, seconds=30) else None
        if t < add(CHANGE_DONE, minutes=1):
            return 2.08e6 + rng.randint(-9000, 9000)
        m = (t - add(CHANGE_DONE, minutes=1)).total_seconds() / 60
        return 2.08e6 + 16.9e6 * (m / 29.5) ** 1.15
    return f


def replicas(name):
    def f(t):
        if t >= OOM0 and not prom_up(t):
            return None
        if name == "checkout-api":
            if t < OOM0:
                return 12 + (2 if t >= T(D + "00:34:00") else 0)
            return 31 if t >= T(D + "01:54:30") else 40
        return {"search-api": 6, "recs-api": 4}[name]
    return f


series = [({"__name__": "prometheus_tsdb_head_series", "cluster": "prod-syd", "namespace": "monitoring", "pod": p}, head(p)) for p in LIFE]
series += [({"__name__": "kube_horizontalpodautoscaler_status_current_replicas", "cluster": "prod-syd", "namespace": ns, "horizontalpodautoscaler": n}, replicas(n))
           for n, ns in HPAS]
inc.json("monitoring/longterm-0041.json", query_range(series, W0, W1, 60, fmt="%.0f"), indent=None)

# ---- GitLab deployments API: GET /projects/search%2Fsearch-api/deployments?environment=production&order_by=created_at&sort=desc
def gl_dep(i, iid, ref, sha, created, finished, user, status="success"):
    return {"id": 4410200 + i, "iid": iid, "ref": ref, "sha": sha, "created_at": iso(created, ms=True), "updated_at": iso(finished, ms=True),
            "finished_at": iso(finished, ms=True), "status": status,
            "user": {"id": 311 + i, "username": user, "name": {"arjun.m": "Arjun Mehta", "kim.n": "Kim Nguyen"}[user], "state": "active",
                     "web_url": "https://gitlab.example.com/" + user},
            "environment": {"id": 981, "name": "production", "external_url": "https://www.shopfront.com.au"},
            "deployable": {"id": 99120000 + i * 17, "status": status, "stage": "deploy", "name": "deploy:production", "ref": ref, "tag": True,
                           "created_at": iso(add(created, seconds=-240), ms=True), "started_at": iso(created, ms=True), "finished_at": iso(finished, ms=True),
                           "commit": {"id": sha, "short_id": sha[:8], "title": {"v4.2.0": "Record search latency per request path",
                                                                                  "v4.1.3": "Release 4.1.3", "v4.1.2": "Fix facet count for sale items"}[ref]},
                           "pipeline": {"id": 771000 + i, "sha": sha, "ref": ref, "status": status}}}


deps = [gl_dep(1, 218, "v4.1.2", "5c1f08a9e3b27d64c0a9f1e2b3d4c5a6e7f80912", T("2026-11-17 23:40:12"), T("2026-11-17 23:42:49"), "kim.n"),
        gl_dep(2, 219, "v4.1.3", "8e2d9a07c1b4f35e6d7a8b9c0d1e2f3a4b5c6d7e", T("2026-11-18 05:02:33"), T("2026-11-18 05:05:01"), "kim.n"),
        gl_dep(3, 220, "v4.2.0", "d91a3c5e7f0b2468ace13579bdf02468ace13579", CHANGE, CHANGE_DONE, "arjun.m"),
        gl_dep(4, 221, "v4.1.3", "8e2d9a07c1b4f35e6d7a8b9c0d1e2f3a4b5c6d7e", SEARCH_RB, SEARCH_RB_DONE, "arjun.m")]
inc.json("search/releases.json", sorted(deps, key=lambda d: d["created_at"], reverse=True))

# ---- PagerDuty log entries (two services)
priya = PD.user("Priya Raman", "PPRAMAN")
tom = PD.user("Tom Gallagher", "PTGALLA")
pd = PD(7712, "alertmanager-watchdog (prod-syd) is DOWN", "Observability", "POBS001", esc_policy="Observability")
hc = {"type": "events_api_v2_inbound_integration_reference", "id": "PHCIO01", "summary": "Healthchecks.io",
      "self": "https://api.pagerduty.com/services/POBS001/integrations/PHCIO01"}
pd.add(PAGE, "trigger_log_entry", hc, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Priya Raman by push notification.", user=priya,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Priya Raman by phone.", user=priya,
       notification={"type": "phone_notification", "status": "success", "address": "+61 4** *** 118"})
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Raman.")
pd.add(WATCHDOG_OK, "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
pd2 = PD(7715, "Checkly: 'Checkout flow (prod)' is failing", "Shop Checkout", "PSHOP02", esc_policy="Shop")
ck = {"type": "events_api_v2_inbound_integration_reference", "id": "PCKLY01", "summary": "Checkly",
      "self": "https://api.pagerduty.com/services/PSHOP02/integrations/PCKLY01"}
pd2.add(PAGE2, "trigger_log_entry", ck, {"type": "api"}, "Triggered through the API.")
pd2.add(add(PAGE2, seconds=1), "notify_log_entry", None, None, "Notified Tom Gallagher by push notification.", user=tom,
        notification={"type": "push_notification_notification", "status": "success"})
pd2.add(ACK2, "acknowledge_log_entry", tom, {"type": "mobile"}, "Acknowledged by Tom Gallagher.")
pd2.add(T(D + "01:30:12"), "annotate_log_entry", tom, {"type": "web_ui", "summary": "HPA blind (Prometheus down) - scaled checkout-api to 40 manually at 12:24"}, "Note added")
pd2.add(T(D + "01:36:40"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
pd2.add(RESOLVED, "annotate_log_entry", tom, {"type": "web_ui", "summary": "Declared resolved in #inc-shop-1120 (HPA scaling again, Prometheus healthy)"}, "Note added")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + pd2.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("oncall/obs-and-shop.json", ex)

# ---- Slack export
s = Slack()
TZS = {"U5PRIYA": "Australia/Melbourne", "U5TOM": "Australia/Melbourne", "U5MIA": "Australia/Sydney", "U5ARJUN": "Asia/Kolkata",
       "U5KIM": "Australia/Melbourne", "U5GRACE": "Australia/Melbourne"}
for u, n, r in [("U5PRIYA", "priya", "Priya Raman"), ("U5TOM", "tomg", "Tom Gallagher"), ("U5MIA", "mia", "Mia Russo"),
                ("U5ARJUN", "arjun", "Arjun Mehta"), ("U5KIM", "kim", "Kim Nguyen"), ("U5GRACE", "grace", "Grace O'Brien")]:
    s.user(u, n, r, TZS[u])
for cid, n, p in [("C5OBS", "obs-oncall", "Observability on-call"), ("C5INC", "inc-shop-1120", "Checkout errors 20 Nov"),
                  ("C5DEP", "deploys", "deploy notifications"), ("C5LOY", "loyalty-alerts", "Alertmanager: loyalty"),
                  ("C5DATA", "data-alerts", "Alertmanager (prometheus-data): data platform"), ("C5CHK", "synthetics", "Checkly results")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("loyalty-alerts", add(c, seconds=95), "B5AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job loyalty/loyalty-export-%d failed to complete.\nseverity: warning" % (29389590 + CRON.index(c) * 1440), color="warning"))
for a, b in CH_FLAPS:
    s.bot("data-alerts", add(a, seconds=30), "B5AMD", "alertmanager-data",
          attachments=am_slack_attachment("firing", "ClickHouseReplicaLagHigh", "replica lag on ch-events-2 above 300s", color="warning"))
    s.bot("data-alerts", add(b, seconds=30), "B5AMD", "alertmanager-data",
          attachments=am_slack_attachment("resolved", "ClickHouseReplicaLagHigh", "replica lag on ch-events-2 above 300s"))
for t0, t1, what in [(CHANGE, CHANGE_DONE, "search-api `v4.2.0` to production (arjun.m)"), (OTHER_DEPLOY, add(OTHER_DEPLOY, seconds=95), "recs-api `2026.11.20-1` to production (grace)"),
                     (SEARCH_RB, SEARCH_RB_DONE, "search-api `v4.1.3` to production (arjun.m)")]:
    s.bot("deploys", t1, "B5DEP", "deploy-bot", blocks=pd_slack_blocks(":rocket: Deployed %s" % what))
s.bot("synthetics", CHECKLY_FAIL, "B5CKL", "Checkly", attachments=[{"color": "E01E5A", "fallback": "Check 'Checkout flow (prod)' has failed",
      "title": "Check 'Checkout flow (prod)' has failed", "text": "Location: ap-southeast-2. Step 'submit order': Timeout 30000ms exceeded.", "mrkdwn_in": ["text"]}])
s.bot("synthetics", add(CHECKLY_FAIL, seconds=90), "B5CKL", "Checkly", attachments=[{"color": "E01E5A", "fallback": "Check 'Checkout flow (prod)' has failed",
      "title": "Check 'Checkout flow (prod)' is still failing (2/2 locations)", "text": "Location: ap-southeast-1. Step 'submit order': HTTP 503.", "mrkdwn_in": ["text"]}])
s.bot("synthetics", T(D + "01:33:05"), "B5CKL", "Checkly", attachments=[{"color": "2EB67D", "fallback": "Check 'Checkout flow (prod)' has recovered",
      "title": "Check 'Checkout flow (prod)' has recovered", "text": "All locations passing.", "mrkdwn_in": ["text"]}])
ch = "obs-oncall"
s.say(ch, add(ACK, seconds=50), "U5PRIYA", "acked the watchdog page. both prometheus-k8s-0 and -1 were OOMKilled at 11:41 and are crashlooping in WAL replay. alertmanager itself is fine, it's just getting nothing")
s.say(ch, T(D + "01:03:20"), "U5PRIYA", "this means no alerts from prod-syd at all right now (the data cluster's prometheus is separate and fine). replay OOMs at 16Gi")
s.say(ch, MEM_BUMP, "U5PRIYA", "bumping the prometheus memory limit 16Gi -> 24Gi, pods restarting")
s.say(ch, T(D + "01:20:30"), "U5PRIYA", "24Gi didn't help, OOM again in replay at 12:19. whatever is in that WAL is huge")
s.say(ch, DROP_RULE, "U5PRIYA", "pushed a metric_relabel drop for search_request_duration_seconds_* with a `path` label. replay will still OOM on what's already in the WAL, so scaling the statefulset to 0 and moving the WAL aside on both PVCs (we lose ~1h of local data, remote_write copy in mimir has everything up to 11:41)")
s.say(ch, add(PROM_READY, seconds=-12), "U5PRIYA", "WAL moved aside, scaling prometheus-k8s back to 2")
s.say(ch, add(PROM_READY, seconds=30), "U5PRIYA", "prometheus-k8s-0 ready, -1 following. head at 1.6M series. watchdog heartbeats flowing again")
ch = "inc-shop-1120"
s.say(ch, add(ACK2, seconds=30), "U5TOM", "acked the checkly page. checkout submit timing out, ingress shows 504s and some 503s from shop-checkout-api")
s.say(ch, WRONG, "U5MIA", "recs-api went out at 11:55, could recs be hammering checkout?")
s.say(ch, add(WRONG, seconds=45), "U5TOM", "doesn't look like it, recs calls to checkout are flat")
s.say(ch, ROLLBACK_Q, "U5MIA", "should we roll back checkout to the previous build?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "U5TOM", "checkout hasn't been deployed since Tuesday. pods are all at 100% CPU, and there are only 14 of them at lunch peak")
s.say(ch, DIAG_HPA, "U5TOM", "HPA checkout-api is stuck at 14: FailedGetPodsMetric, custom.metrics.k8s.io can't be reached. the adapter reads from prometheus, and prometheus is down (see #obs-oncall). so we never scaled for lunch")
s.say(ch, add(DIAG_HPA, seconds=50), "U5PRIYA", "yes, same cause. both prometheus replicas crashlooping since 11:41")
s.say(ch, SCALE, "U5TOM", "kubectl scale deploy/checkout-api -n shop --replicas=40 (HPA can't fight it while it's blind)")
s.say(ch, add(MITIGATED, seconds=35), "U5TOM", "40 pods ready, no 5xx on checkout for the last minute, p99 back under 1s")
s.say(ch, DIAG_CARD, "U5PRIYA", "cause of the OOMs: from mimir, head series went 2.1M -> 19M between 11:11 and 11:41. it's search_request_duration_seconds_bucket with a new `path` label carrying the raw URL incl. the query string - every search is a new series. came in with search-api 4.2.0 at 11:08")
s.say(ch, add(DIAG_CARD, seconds=60), "U5ARJUN", "that's mine, sorry - the middleware used r.URL.Path instead of the route template. rolling search-api back to 4.1.3")
s.say(ch, add(SEARCH_RB_DONE, seconds=20), "U5ARJUN", "search-api 4.1.3 is live")
s.say(ch, T(D + "01:56:00"), "U5TOM", "HPA is computing again, it scaled checkout 40 -> 31. leaving it")
s.say(ch, T(D + "02:05:00"), "U5GRACE", "status page: posted 'checkout errors between 12:07 and 12:27 AEDT, resolved' ")
s.say(ch, RESOLVED, "U5TOM", "resolving: checkout healthy 50 min, HPA scaling, prometheus up. follow-ups: sample_limit on search scrape, a per-target series limit, HPA fallback, alert on prometheus via the data cluster")
s.write(inc, "export-shopfront")

inc.truth(
    "shopfront-prom-cardinality", "metrics-cardinality-explosion-prometheus-oom-blind-autoscaler",
    "search-api 4.2.0 labels a histogram with the raw URL path; head series explode and both Prometheus replicas OOM and crash-loop, so\n"
    "no alerts fire and the HPAs (via prometheus-adapter) can't scale: checkout-api saturates at lunch until scaled by hand; search rollback + WAL reset restore Prometheus.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "search-api v4.2.0 deployed (GitLab deployment 220): latency histogram gains a raw `path` label", "search/releases.json", 120),
     (OOM0, "first_symptom", "prometheus-k8s-0 OOM-killed (then -1 at 00:41:52); both crash-loop in WAL replay", "cluster/prod-syd-0235.json", 60),
     (PAGE, "paged", "Healthchecks.io: alertmanager-watchdog DOWN, PagerDuty #7712 pages Priya", "oncall/obs-and-shop.json", 60),
     (ACK, "acknowledged", "Priya acknowledges #7712", "oncall/obs-and-shop.json", 60),
     (IMPACT, "first_symptom", "checkout-api saturated at 14 pods: first 504s on /api/checkout/submit", "edge/ingress-1120.gz", 90),
     (PAGE2, "paged", "Checkly 'Checkout flow (prod)' failing, PagerDuty #7715 pages Tom", "oncall/obs-and-shop.json", 60),
     (DIAG_HPA, "diagnosis", "Tom: HPA stuck at 14, custom metrics unavailable because Prometheus is down", "export-shopfront", 90),
     (SCALE, "mitigation", "kubectl scale checkout-api to 40 replicas", "cluster/prod-syd-0235.json", 60),
     (MITIGATED, "recovery", "checkout 5xx stop as the new pods become ready", "edge/ingress-1120.gz", 90),
     (DIAG_CARD, "diagnosis", "Priya: head series 2.1M -> 19M from search_request_duration_seconds_bucket's path label (search-api 4.2.0)", "export-shopfront", 90),
     (SEARCH_RB, "mitigation", "search-api rolled back to v4.1.3 (GitLab deployment 221)", "search/releases.json", 120),
     (RESOLVED, "resolved", "Tom declares the incident resolved", "export-shopfront", 90)],
    [(CRON[-1], "loyalty-export CronJob fails every day at ~00:31 UTC (KubeJobFailed)", "cluster/prod-syd-0235.json"),
     (OTHER_DEPLOY, "recs team's recs-api deploy during the incident", "cluster/prod-syd-0235.json"),
     (CH_FLAPS[0][0], "ClickHouseReplicaLagHigh (data cluster) flapping", "export-shopfront"),
     (CH_FLAPS[1][0], "ClickHouseReplicaLagHigh flap", "export-shopfront"),
     (CH_FLAPS[2][0], "ClickHouseReplicaLagHigh flap", "export-shopfront"),
     (WRONG, "wrong hunch: recs-api deploy hammering checkout", "export-shopfront"),
     (ROLLBACK_Q, "'should we roll back checkout?' question, not done (checkout unchanged since Tuesday)", "export-shopfront"),
     (T(D + "02:30:00"), "steady legacy-billing-exporter 'too old or too far into the future' scrape warnings and 499 client aborts", "monitoring/prom-pair.txt")],
    [("monitoring/prom-pair.txt", "logs"), ("monitoring/adapter.txt", "logs"), ("cluster/prod-syd-0235.json", "kube-events"), ("edge/ingress-1120.gz", "logs"),
     ("monitoring/longterm-0041.json", "prometheus-query-range"), ("search/releases.json", "deploys"), ("oncall/obs-and-shop.json", "pagerduty-log-entries"),
     ("export-shopfront", "slack-export")])
