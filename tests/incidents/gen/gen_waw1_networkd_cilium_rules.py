"""retired9/waw1-networkd-cilium-rules: unattended-upgrades installs a systemd security update on the waw1 bare-metal
Kubernetes workers one by one (apt-daily-upgrade.timer, 06:00 local + random delay); the package restarts systemd-networkd,
which flushes the routing-policy rules Cilium installed, so every pod on an upgraded node drops off the network. Edge
health checks and readiness fail minutes before order placement errors climb, until the timers are stopped and the Cilium
agents on the broken nodes are restarted. Node and edge logs are in Europe/Warsaw local time without offsets."""
import random
from common import *

rng = random.Random(20260609)
inc = Incident("retired9", "waw1-networkd-cilium-rules")
TZ = "Europe/Warsaw"
D = "2026-06-09 "
W0, W1 = T(D + "03:30:00"), T(D + "06:00:00")
UPG = {"w07": "04:03:18", "w12": "04:06:52", "w03": "04:09:10", "w15": "04:11:37", "w05": "04:14:02", "w10": "04:17:45",
       "w18": "04:20:11", "w01": "04:23:30", "w14": "04:26:58", "w09": "04:31:12", "w16": "04:35:40", "w02": "04:39:05",
       "w11": "04:42:50"}
UPG = {n: T(D + v) for n, v in UPG.items()}
BREAK = {n: add(t, seconds=23) for n, t in UPG.items()}
NODES = ["w%02d" % i for i in range(1, 19)]
HOST = lambda n: "waw1-k8s-" + n
CHANGE = UPG["w07"]
STARTED = T(D + "04:03:45")
WARN_ALERT = T(D + "04:06:32")
PAGE_ALERT = T(D + "04:15:50")
PAGE = T(D + "04:16:05")
ESCALATE = T(D + "04:21:05")
ACK = T(D + "04:22:40")
COMMS = T(D + "04:29:05")
OTHER_DEPLOY = T(D + "04:31:12")
ROLLBACK_Q = T(D + "04:33:20")
DIAG = T(D + "04:39:20")
TIMERS_OFF = T(D + "04:44:10")
CILIUM_RESTART = T(D + "04:47:25")
PAGE_OK = T(D + "04:53:50")
RESOLVED = T(D + "05:25:10")
CRON_DAYS = ["2026-06-06", "2026-06-07", "2026-06-08", "2026-06-09"]
FIXED = {n: add(CILIUM_RESTART, seconds=rng.randint(22, 38)) for n in BREAK}      # agent up, rules back
READY_BACK = {n: add(FIXED[n], seconds=rng.randint(3, 10)) for n in BREAK}       # next readiness probe passes
ORDER_NODES = ["w01", "w02", "w03", "w05", "w06", "w07", "w09", "w10", "w12", "w13", "w15", "w17"]

def broken(n, t):
    return n in BREAK and BREAK[n] <= t < FIXED[n]
def order_unready(t):
    return sum(1 for n in ORDER_NODES if n in BREAK and add(BREAK[n], seconds=30) <= t < READY_BACK[n])
def order_err(t):
    return max(0.0, min(0.9, (order_unready(t) - 2) / 12.0 * 1.2))
def inflight(t):
    """requests already routed to a node's pods when its rules vanish time out for ~30 s"""
    return any(n in ORDER_NODES and BREAK[n] <= t < add(BREAK[n], seconds=30) for n in BREAK)

def ltime(t):
    lt = local(t, TZ)
    return lt

# ------------------------------------------------------------------ worker syslog (rsyslog aggregate, local time, no offset)
sy = []
def SY(t, n, prog, msg):
    sy.append((t, syslog(t, TZ, HOST(n), prog, msg)))
PIDS = {n: rng.randint(1800000, 1990000) for n in NODES}
KPID = {n: rng.randint(1100, 1500) for n in NODES}
def klocal(t, sev, pid, src, msg):
    lt = local(t, TZ)
    return "%s%s %s.%06d %7d %s] %s" % (sev, lt.strftime("%m%d"), lt.strftime("%H:%M:%S"), lt.microsecond, pid, src, msg)
POD_IPS = {}
for n in NODES:
    idx = int(n[1:])
    POD_IPS[n] = ["10.244.%d.%d" % (idx, rng.randint(10, 250)) for _ in range(3)]
PODS = {}
for n in NODES:
    p = []
    if n in ORDER_NODES:
        p.append(("shop", "order-api-6c9f7d8b54-" + uid("oa" + n, 5), "order-api", ":8080/readyz"))
    p.append(("ingress-nginx", "ingress-nginx-controller-" + uid("in" + n, 5), "controller", ":10254/healthz"))
    if int(n[1:]) % 3 == 0:
        p.append(("shop", "pricing-svc-7d5b9c6f8-" + uid("ps" + n, 5), "pricing-svc", ":8080/health/ready"))
    PODS[n] = p
PPID = {}
for n, t in UPG.items():
    ppid = rng.randint(2000000, 2100000)
    PPID[n] = ppid
    SY(add(t, seconds=-6), n, "systemd[1]", "Starting Daily apt upgrade and clean activities...")
    SY(add(t, seconds=21), n, "systemd[1]", "Reloading.")
    SY(add(t, seconds=23), n, "systemd[1]", "Stopping Network Configuration...")
    SY(add(t, seconds=23.1), n, "systemd[1]", "systemd-networkd.service: Deactivated successfully.")
    SY(add(t, seconds=23.1), n, "systemd[1]", "Stopped Network Configuration.")
    SY(add(t, seconds=23.2), n, "systemd[1]", "Starting Network Configuration...")
    for m in ("eno1: Link UP", "eno1: Gained carrier", "cilium_host: Link UP", "lxc_health: Link UP", "Enumeration completed"):
        SY(add(t, seconds=23.3), n, "systemd-networkd[%d]" % ppid, m)
    SY(add(t, seconds=23.4), n, "systemd[1]", "Started Network Configuration.")
    SY(add(t, seconds=23.9), n, "systemd-timesyncd[%d]" % (ppid - 211), "Network configuration changed, trying to establish connection.")
    SY(add(t, seconds=26), n, "systemd[1]", "apt-daily-upgrade.service: Deactivated successfully.")
    SY(add(t, seconds=26.1), n, "systemd[1]", "Finished Daily apt upgrade and clean activities.")
    # readiness probes of every pod on the node now time out, every 10 s until Cilium's agent is restarted
    for ns, pod, ctr, path in PODS[n]:
        ip = POD_IPS[n][PODS[n].index((ns, pod, ctr, path))]
        off = rng.uniform(4.6, 9)
        for pt in frange(add(BREAK[n], seconds=off + (4.0 if n == "w07" and ctr == "order-api" else 0)), FIXED[n], 10):
            if rng.random() < 0.35 or pt < add(BREAK[n], seconds=40):
                SY(pt, n, "kubelet[%d]" % KPID[n], klocal(pt, "I", KPID[n], "prober.go:107",
                   '"Probe failed" probeType="Readiness" pod="%s/%s" podUID="%s" containerName="%s" probeResult="failure" output="Get \\"http://%s%s\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"' % (
                       ns, pod, uuid(pod), ctr, ip, path)))
for n in NODES:   # benign, all day: textfile collector cron and a noisy cgroup stats error
    for t in frange(add(W0, seconds=int(n[1:]) * 3), W1, 300):
        SY(add(t, seconds=0.4), n, "CRON[%d]" % rng.randint(3000000, 3900000), "(root) CMD (/usr/local/sbin/textfile-collector.sh >/dev/null 2>&1)")
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    n = rng.choice(NODES)
    SY(t, n, "kubelet[%d]" % KPID[n], klocal(t, "E", KPID[n], "summary_sys_containers.go:83",
       '"Failed to get system container stats" err="failed to get cgroup stats for \\"/system.slice/snapd.service\\": failed to get container info for \\"/system.slice/snapd.service\\": unknown container \\"/system.slice/snapd.service\\"" containerName="/system.slice/snapd.service"'))
for n in NODES:
    if n not in UPG:
        SY(add(TIMERS_OFF, seconds=rng.uniform(0.5, 4)), n, "systemd[1]", "apt-daily-upgrade.timer: Deactivated successfully.")
        SY(add(TIMERS_OFF, seconds=rng.uniform(4.1, 5)), n, "systemd[1]", "Stopped Daily apt upgrade and clean activities.")
    else:
        SY(add(TIMERS_OFF, seconds=rng.uniform(0.5, 4)), n, "systemd[1]", "apt-daily-upgrade.timer: Deactivated successfully.")
inc.write("waw1-workers.log.gz", "".join(l + "\n" for _, l in sorted(sy, key=lambda x: x[0])))

# ------------------------------------------------------------------ ansible ad-hoc output collected after the fix (local times)
ao = []
order = sorted(NODES, key=lambda n: rng.random())
PKGS = ["udev", "libudev1", "systemd-timesyncd", "systemd-sysv", "libpam-systemd", "systemd", "libnss-systemd", "libsystemd0", "systemd-resolved"]
for n in order:
    if n in UPG:
        st = local(UPG[n], TZ)
        en = local(add(UPG[n], seconds=26), TZ)
        ao.append("%s | CHANGED | rc=0 >>" % HOST(n))
        ao.append("Start-Date: %s" % st.strftime("%Y-%m-%d  %H:%M:%S"))
        ao.append("Commandline: /usr/bin/unattended-upgrade")
        ao.append("Upgrade: " + ", ".join("%s:amd64 (249.11-0ubuntu3.12, 249.11-0ubuntu3.16)" % p for p in PKGS))
        ao.append("End-Date: %s" % en.strftime("%Y-%m-%d  %H:%M:%S"))
    else:
        ao.append("%s | FAILED | rc=1 >>" % HOST(n))
        ao.append("non-zero return code")
hdr = ["$ ansible waw1_k8s_workers -b -m shell -a \"grep -B1 -A3 'Start-Date: 2026-06-09' /var/log/apt/history.log\"", ""]
inc.lines("history-check.txt", hdr + ao)

# ------------------------------------------------------------------ edge HAProxy (syslog, local time, no offset)
hp = []
def HPL(t, host, msg, ta_ms=0):
    t = add(t, seconds=ta_ms / 1000.0)   # the line is written when the request ends
    hp.append((t, syslog(t, TZ, host, "haproxy[%d]" % (2231 if host == "lb1" else 2198), msg)))
PATHS_OK = ["/api/v3/menu/%d", "/api/v3/stores/%d", "/api/v3/search?q=pizza&page=%d", "/static/app.%d.js", "/api/v3/basket/%d"]
ORDER_PATHS = ["/api/v3/orders", "/api/v3/orders/%d/pay", "/api/v3/checkout/%d"]
def hline(t, host, be, status, path, method, tr, term, bytes_):
    lt = local(t, TZ)
    acc = "%02d/%s/%d:%s.%03d" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)
    ip = "%d.%d.%d.%d" % (rng.choice((31, 46, 77, 83, 89, 178, 188, 213)), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    ta = tr + rng.randint(0, 3)
    return "%s:%d [%s] fe_https~ %s %d/0/%d/%d/%d %d %d - - %s %d/%d/%d/%d/0 0/0 \"%s %s HTTP/1.1\"" % (
        ip, rng.randint(1024, 65535), acc, be, rng.randint(0, 2), rng.randint(0, 2), tr, ta, status, bytes_, term,
        rng.randint(900, 1600), rng.randint(880, 1580), rng.randint(20, 60), rng.randint(0, 9), method, path)
last_err = None
for t in poisson_times(rng, W0, W1, 1.6):
    host = rng.choice(("lb1", "lb2"))
    up = [n for n in NODES if not (n in BREAK and add(BREAK[n], seconds=8) <= t < add(FIXED[n], seconds=4))]
    srv = "be_ingress/" + HOST(rng.choice(up))
    r = rng.random()
    if r < 0.3:
        path = rng.choice(ORDER_PATHS)
        if "%d" in path:
            path = path % rng.randint(10**7, 10**8)
        method = "POST"
        if t >= STARTED and (rng.random() < order_err(t) or (inflight(t) and rng.random() < 0.25)):
            if inflight(t):
                HPL(t, host, hline(t, host, srv, 504, path, method, 30001, "sH--", 194), 30003)
                last_err = max(last_err or t, add(t, seconds=30.003))
            else:
                HPL(t, host, hline(t, host, srv, 503, path, method, rng.randint(1, 12), "----", 213))
                last_err = max(last_err or t, t)
            continue
        HPL(t, host, hline(t, host, srv, 201 if path == "/api/v3/orders" else 200, path, method, rng.randint(60, 420), "----", rng.randint(300, 2200)))
    elif r < 0.31:
        HPL(t, host, hline(t, host, srv, 404, "/wp-login.php", "GET", rng.randint(1, 5), "----", 162))
    else:
        p = rng.choice(PATHS_OK)
        p = p % rng.randint(1, 9999) if "%d" in p else p
        HPL(t, host, hline(t, host, srv, 200, p, "GET", rng.randint(8, 160), "----", rng.randint(500, 30000)))
for t in poisson_times(rng, W0, W1, 1 / 420.0):   # benign: the report export endpoint times out a few times an hour, every day
    host = rng.choice(("lb1", "lb2"))
    HPL(t, host, hline(t, host, "be_ingress/" + HOST(rng.choice(NODES)), 504, "/api/v3/partner/reports/export?range=30d", "GET", 60001, "sH--", 194), 60003)
MITIGATED = last_err.replace(microsecond=0)
for n, bt in BREAK.items():
    for host in ("lb1", "lb2"):
        c0 = add(bt, seconds=4 if host == "lb1" else 5.3)
        if n == "w07" and host == "lb1":
            assert c0 == STARTED
        HPL(c0, host, "Health check for server be_ingress/%s failed, reason: Layer4 timeout, check duration: 2001ms, status: 2/3 UP." % HOST(n))
        HPL(add(c0, seconds=4), host, "Health check for server be_ingress/%s failed, reason: Layer4 timeout, check duration: 2001ms, status: 1/3 UP." % HOST(n))
        left = 18 - sum(1 for m in BREAK if BREAK[m] <= add(c0, seconds=8) < FIXED[m])
        HPL(add(c0, seconds=8), host, "Server be_ingress/%s is DOWN, reason: Layer4 timeout, check duration: 2001ms. %d active and 0 backup servers left. %d sessions active, 0 requeued, 0 remaining in queue." % (HOST(n), left, rng.randint(0, 6)))
        u0 = add(FIXED[n], seconds=1.5 if host == "lb1" else 2.2)
        HPL(u0, host, "Health check for server be_ingress/%s succeeded, reason: Layer4 check passed, check duration: 0ms, status: 1/2 DOWN." % HOST(n))
        left = 18 - sum(1 for m in BREAK if BREAK[m] <= add(u0, seconds=2) < FIXED[m] and m != n)
        HPL(add(u0, seconds=2), host, "Server be_ingress/%s is UP, reason: Layer4 check passed, check duration: 0ms. %d active and 0 backup servers online. 0 sessions requeued, 0 total in queue." % (HOST(n), left))
inc.write("lb-edge.log.gz", "".join(l + "\n" for _, l in sorted(hp, key=lambda x: x[0])))

# ------------------------------------------------------------------ order-api (zap JSON, UTC)
oa = []
def OA(t, lvl, caller, msg, **kw):
    d = {"level": lvl, "ts": iso(t, ms=True), "caller": caller, "msg": msg}
    d.update(kw)
    oa.append((t, jline(d)))
def healthy_order_pod(t):
    c = [n for n in ORDER_NODES if not (n in BREAK and BREAK[n] <= t < READY_BACK[n])]
    return "order-api-6c9f7d8b54-" + uid("oa" + rng.choice(c), 5)
for t in poisson_times(rng, W0, W1, 0.5):
    if t >= STARTED and rng.random() < order_err(t) * 0.8:
        bad = [n for n in BREAK if int(n[1:]) % 3 == 0 and broken(n, t)]
        dst = rng.choice([ip for n in bad for ip in POD_IPS[n]] or ["10.244.3.77"])
        OA(t, "error", "pricing/client.go:88", "pricing quote failed", pod=healthy_order_pod(t),
           error='Post "http://pricing-svc.shop.svc.cluster.local:8080/v1/quote": dial tcp %s:8080: i/o timeout' % dst,
           order_ref="o-%d" % rng.randint(10**7, 10**8), trace_id=hexid(rng, 32))
        OA(add(t, seconds=0.002), "error", "httpapi/orders.go:141", "create order failed", pod=healthy_order_pod(t), status=503,
           error="pricing unavailable", trace_id=hexid(rng, 32))
for t in poisson_times(rng, W0, W1, 1 / 40.0):
    OA(t, "warn", "events/producer.go:64", "kafka: producer retry", pod=healthy_order_pod(t), topic="order-events", attempt=rng.randint(1, 2))
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    OA(t, "info", "httpapi/middleware.go:52", "client closed request", pod=healthy_order_pod(t), error="context canceled", path="/api/v3/orders")
inc.lines("order-api.jsonl", [l for _, l in sorted(oa, key=lambda x: x[0])])

# ------------------------------------------------------------------ kube events (events.k8s.io/v1 via event exporter)
k = Kube(rng)
for n, bt in BREAK.items():
    for ns, pod, ctr, path in PODS[n]:
        ip = POD_IPS[n][PODS[n].index((ns, pod, ctr, path))]
        first = add(bt, seconds=rng.uniform(6, 12))
        cnt = 1
        for t in frange(first, FIXED[n], 300):
            k.ev(t, ns, "Pod", pod, "Unhealthy",
                 'Readiness probe failed: Get "http://%s%s": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % (ip, path),
                 type_="Warning", host=HOST(n), count=cnt, first=first, action="Probe")
            cnt += 30
for n in BREAK:   # agents deleted on the broken nodes; the DaemonSet recreates them
    old = "cilium-" + uid("ci" + n, 5)
    new = "cilium-" + uid("ci2" + n, 5)
    t = add(CILIUM_RESTART, seconds=rng.uniform(0, 2))
    k.ev(t, "kube-system", "Pod", old, "Killing", "Stopping container cilium-agent", host=HOST(n))
    k.ev(add(t, seconds=2), "kube-system", "DaemonSet", "cilium", "SuccessfulCreate", "Created pod: %s" % new, component="daemonset-controller")
    k.ev(add(t, seconds=2.1), "kube-system", "Pod", new, "Scheduled", "Successfully assigned kube-system/%s to %s" % (new, HOST(n)), component="default-scheduler")
    k.ev(add(t, seconds=4), "kube-system", "Pod", new, "Pulled", 'Container image "quay.io/cilium/cilium:v1.14.12@sha256:%s" already present on machine' % hexid(rng, 64), host=HOST(n))
    k.ev(add(t, seconds=4.5), "kube-system", "Pod", new, "Created", "Created container cilium-agent", host=HOST(n))
    k.ev(add(t, seconds=5), "kube-system", "Pod", new, "Started", "Started container cilium-agent", host=HOST(n))
for i in range(3):
    t = add(OTHER_DEPLOY, seconds=i * 25)
    k.ev(t, "marketing", "Deployment", "marketing-cms", "ScalingReplicaSet", "Scaled up replica set marketing-cms-84d6f9c7b to %d from %d" % (i + 1, i), component="deployment-controller")
    k.ev(add(t, seconds=20), "marketing", "Deployment", "marketing-cms", "ScalingReplicaSet", "Scaled down replica set marketing-cms-5bc7d48f9 to %d from %d" % (2 - i, 3 - i), component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 480.0):
    k.ev(t, "monitoring", "Pod", "loki-ingester-1", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning", host=HOST("w04"), action="Probe")
inc.json("kev-waw1.json", k.v1_list())

# ------------------------------------------------------------------ alertmanager API snapshot (04:40:12)
SNAP = T(D + "04:40:12")
al = [
    amtool_alert("CiliumUnreachableNodes", {"severity": "warning", "team": "platform", "cluster": "waw1-prod"},
                 "Cilium health: 11 nodes unreachable from the cluster", WARN_ALERT, add(SNAP, seconds=-10), receivers=("slack-platform",),
                 desc="max(cilium_unreachable_nodes) > 0 for 2m"),
    amtool_alert("OrderApi5xxHigh", {"severity": "page", "team": "orders", "service": "order-api", "cluster": "waw1-prod"},
                 "order-api 5xx ratio 18.7% over 5m", PAGE_ALERT, add(SNAP, seconds=-10), receivers=("pagerduty-orders",)),
    amtool_alert("KubeDeploymentReplicasMismatch", {"severity": "warning", "team": "orders", "namespace": "shop", "deployment": "order-api", "cluster": "waw1-prod"},
                 "Deployment shop/order-api has not matched the expected number of replicas for longer than 15 minutes.", T(D + "04:24:10"), add(SNAP, seconds=-40), receivers=("slack-orders",)),
    amtool_alert("KubeJobFailed", {"severity": "warning", "team": "dba", "namespace": "platform", "job_name": "pg-backup-verify-29161170", "cluster": "waw1-prod"},
                 "Job platform/pg-backup-verify-29161170 failed to complete.", T(D + "01:33:40"), add(SNAP, seconds=-25), receivers=("slack-dba",)),
    amtool_alert("NodeFilesystemAlmostFull", {"severity": "warning", "team": "devex", "instance": "ci-runner-3:9100", "mountpoint": "/var/lib/docker"},
                 "Filesystem on ci-runner-3 has 6% space left", T("2026-06-08 21:12:00"), add(SNAP, seconds=-55), receivers=("slack-devex",)),
    amtool_alert("RabbitmqQueueMessagesReadyHigh", {"severity": "warning", "team": "notifications", "queue": "notifications.push", "vhost": "/"},
                 "notifications.push has 25k messages ready", T(D + "04:38:10"), add(SNAP, seconds=-5), receivers=("slack-notifications",)),
    amtool_alert("Watchdog", {"severity": "none", "prometheus": "monitoring/k8s"}, "An alert that should always be firing to certify that Alertmanager is working properly.",
                 T("2026-06-02 07:14:51"), add(SNAP, seconds=-20), receivers=("null",)),
]
inc.json("export-0440.json", al)

# ------------------------------------------------------------------ PagerDuty v2 webhook deliveries (ndjson)
pd = PD(7302, "OrderApi5xxHigh: order-api 5xx ratio 18.7% over 5m", "order-api (waw1)", "PORD7W1", esc_policy="Orders - primary/secondary")
kuba = PD.user("Jakub Wiśniewski", "PJWIS22")
marta = PD.user("Marta Dąbrowska", "PMDAB09")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager waw1"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Jakub Wiśniewski by phone.", user=kuba)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 (Marta Dąbrowska) after 5 minutes without acknowledgement.")
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, None, "Notified Marta Dąbrowska by phone.", user=marta)
pd.add(ACK, "acknowledge_log_entry", marta, {"type": "mobile"}, "Acknowledged by Marta Dąbrowska.")
pd.add(T(D + "04:36:10"), "annotate_log_entry", marta, {"type": "web_ui", "summary": "platform (Bartosz) pulled in, many nodes unreachable in cilium-health"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marta, {"type": "web_ui"}, "Resolved by Marta Dąbrowska.")
bodies = pd_webhook_v2_bodies(pd, 7302, "OrderApi5xxHigh: order-api 5xx ratio 18.7% over 5m", PAGE)
inc.lines("hooks-ops.ndjson", [jline(b) for b in bodies])

# ------------------------------------------------------------------ slack
s = Slack()
for u, n, r in [("U03MDAB", "marta", "Marta Dąbrowska"), ("U03JWIS", "kuba.w", "Jakub Wiśniewski"), ("U03BSZY", "bartosz", "Bartosz Szymański"),
                ("U03EWOZ", "ewa", "Ewa Woźniak"), ("U03KMAZ", "krzysztof", "Krzysztof Mazur"), ("U03ZPAW", "zofia", "Zofia Pawlak")]:
    s.user(u, n, r, TZ)
for cid, n in [("C03INC", "inc-0609-orders"), ("C03PLAT", "platform-alerts"), ("C03NOTI", "notifications-alerts"), ("C03DBA", "dba-alerts"), ("C03DEP", "deploys")]:
    s.channel(cid, n)
for i, d in enumerate(CRON_DAYS):
    s.bot("dba-alerts", T("%s 01:34:%02d" % (d, 10 + i * 4)), "B03AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job platform/pg-backup-verify-%d failed to complete." % (29156850 + i * 1440), color="warning"))
for a, b in [("03:41:10", "03:47:40"), ("04:12:20", "04:15:30"), ("04:38:10", "04:45:00"), ("05:20:40", "05:26:10")]:
    s.bot("notifications-alerts", add(T(D + a), seconds=30), "B03AM", "alertmanager", attachments=am_slack_attachment("firing", "RabbitmqQueueMessagesReadyHigh", "notifications.push has 25k messages ready", color="warning"))
    s.bot("notifications-alerts", add(T(D + b), seconds=30), "B03AM", "alertmanager", attachments=am_slack_attachment("resolved", "RabbitmqQueueMessagesReadyHigh", "notifications.push messages ready back under 25k"))
s.bot("platform-alerts", add(WARN_ALERT, seconds=30), "B03AM", "alertmanager", attachments=am_slack_attachment("firing", "CiliumUnreachableNodes", "Cilium health: 1 nodes unreachable from the cluster", color="warning"))
s.bot("platform-alerts", T(D + "04:51:02"), "B03AM", "alertmanager", attachments=am_slack_attachment("resolved", "CiliumUnreachableNodes", "Cilium health: all nodes reachable"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=-8), "B03ARGO", "argocd", blocks=pd_slack_blocks(":robot_face: auto-sync *marketing-cms* to `c91e4a0` (renovate: bump sharp 0.33.4) on waw1-prod"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=80), "B03ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: *marketing-cms* healthy at `c91e4a0` on waw1-prod"))
ch = "inc-0609-orders"
s.say(ch, T(D + "04:24:40"), "U03MDAB", "acked #7302 (escalated to me, Kuba's phone was off). order-api 5xx ~18%, order-api pods flipping NotReady, readiness timeouts")
s.say(ch, T(D + "04:26:30"), "U03MDAB", "edge shows a bunch of ingress backends DOWN too, Layer4 timeout")
s.say(ch, T(D + "04:27:40"), "U03EWOZ", "is it the db? pgbouncer on waw1 was slow on Friday")
s.say(ch, T(D + "04:28:30"), "U03MDAB", "postgres looks fine, pricing-svc calls time out on dial")
s.say(ch, COMMS, "U03ZPAW", "status page: 'Some orders cannot be placed right now, we are investigating' (Ordering - Warsaw)")
s.say(ch, add(OTHER_DEPLOY, seconds=35), "U03EWOZ", "marketing-cms just auto-synced in argo, could that be related?")
s.say(ch, add(OTHER_DEPLOY, seconds=70), "U03KMAZ", "marketing-cms is its own namespace, only serves the landing pages. unlikely")
s.say(ch, ROLLBACK_Q, "U03KMAZ", "should we roll back order-api to last night's build?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U03MDAB", "nothing deployed to order-api since Friday")
s.say(ch, T(D + "04:36:40"), "U03BSZY", "platform here. cilium-health from w04: w07 w12 w03 w15 w05 w10 w18 w01 w14 w09 unreachable, all others fine")
s.say(ch, T(D + "04:37:50"), "U03BSZY", "those nodes are Ready and kubelet is happy, but nothing on them answers. syslog on w07 shows systemd-networkd restarted at 06:03 local")
s.say(ch, DIAG, "U03BSZY", "it's the systemd security update: unattended-upgrades installed 249.11-0ubuntu3.16 this morning, its postinst restarted systemd-networkd and networkd flushed the ip rules cilium installed, so pods on every upgraded node are cut off")
s.say(ch, add(DIAG, seconds=60), "U03KMAZ", "same as the datadog outage in 2023. the timer has a 60 min random delay, the rest of the nodes will go too")
s.say(ch, add(TIMERS_OFF, seconds=-90), "U03BSZY", "stopping apt-daily-upgrade.timer on all workers first")
s.say(ch, add(TIMERS_OFF, seconds=15), "U03BSZY", "`ansible waw1_k8s_workers -b -m systemd -a 'name=apt-daily-upgrade.timer state=stopped enabled=no'` done, w02 and w11 went in the meantime (13 nodes hit)")
s.say(ch, add(CILIUM_RESTART, seconds=10), "U03BSZY", "deleting the cilium agent pods on the 13 upgraded nodes so they reinstall their rules")
s.say(ch, T(D + "04:50:10"), "U03MDAB", "all ingress backends UP on lb1/lb2, order-api 12/12 ready, 5xx gone")
s.say(ch, add(PAGE_OK, seconds=45), "U03ZPAW", "status page: monitoring")
s.say(ch, T(D + "05:18:30"), "U03BSZY", "follow-ups: networkd drop-in ManageForeignRoutingPolicyRules=no + ManageForeignRoutes=no on all workers, unattended-upgrades off on k8s nodes, patching via the node rotation pipeline instead")
s.say(ch, add(RESOLVED, seconds=-30), "U03MDAB", "30 min clean, resolving #7302")
s.write(inc, "slack")

inc.truth(
    "waw1-networkd-cilium-rules", "os-auto-upgrade-networkd-restart-flushes-cni-rules",
    "unattended-upgrades installed a systemd update on the waw1 Kubernetes workers one by one; restarting systemd-networkd flushed\n"
    "Cilium's routing-policy rules, pods on upgraded nodes dropped off the network and order placement failed until the Cilium agents were restarted.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "unattended-upgrades starts installing systemd 249.11-0ubuntu3.16 on w07 (first worker)", "history-check.txt", 60),
     (STARTED, "first_symptom", "edge health checks to w07 time out (networkd restart flushed Cilium's rules); readiness fails on w07", "lb-edge.log.gz", 60),
     (WARN_ALERT, "alert_fired", "CiliumUnreachableNodes (warning) fires", "export-0440.json", 60),
     (PAGE_ALERT, "alert_fired", "OrderApi5xxHigh (page) fires", "export-0440.json", 60),
     (PAGE, "paged", "PagerDuty #7302 triggered", "hooks-ops.ndjson", 60),
     (ACK, "acknowledged", "Marta acknowledges #7302 after escalation", "hooks-ops.ndjson", 60),
     (COMMS, "communication", "status page: some orders cannot be placed", "slack", 60),
     (DIAG, "diagnosis", "Bartosz: systemd update restarted networkd, which flushed Cilium's ip rules", "slack", 60),
     (TIMERS_OFF, "mitigation", "apt-daily-upgrade.timer stopped and disabled on all workers", "slack", 60),
     (CILIUM_RESTART, "mitigation", "Cilium agent pods deleted on the 13 upgraded nodes and recreated", "kev-waw1.json", 60),
     (MITIGATED, "recovery", "last order placement error at the edge; backends UP", "lb-edge.log.gz", 60),
     (RESOLVED, "resolved", "PagerDuty #7302 resolved", "hooks-ops.ndjson", 60)],
    [(T(D + "01:33:40"), "pg-backup-verify CronJob fails every night (KubeJobFailed), also on the days before", "export-0440.json"),
     (T(D + "04:12:20"), "RabbitmqQueueMessagesReadyHigh for notifications flapping all morning", "slack"),
     (T("2026-06-08 21:12:00"), "NodeFilesystemAlmostFull on a CI runner", "export-0440.json"),
     (OTHER_DEPLOY, "marketing-cms Argo CD auto-sync by another team", "kev-waw1.json"),
     (T(D + "04:27:40"), "wrong hunch: the database / pgbouncer", "slack"),
     (add(OTHER_DEPLOY, seconds=35), "wrong hunch: marketing-cms sync", "slack"),
     (ROLLBACK_Q, "'should we roll back order-api?' question", "slack"),
     (T(D + "04:00:00"), "steady report-export 504s, kubelet cgroup-stats errors, textfile cron, kafka producer retries all window", "lb-edge.log.gz")],
    [("waw1-workers.log.gz", "logs", TZ), ("history-check.txt", "logs", TZ), ("lb-edge.log.gz", "logs", TZ),
     ("order-api.jsonl", "logs"), ("kev-waw1.json", "kube-events"), ("export-0440.json", "alertmanager-api-alerts"),
     ("hooks-ops.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
print("mitigated", MITIGATED)
