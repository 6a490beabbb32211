"""retired2/edge-ingress-log-volume: debug error logging on ingress-nginx fills the root disks of the edge nodes through a hostPath log; kubelet evicts and then rejects the controllers under DiskPressure until the logs are truncated."""
import random
from common import *

rng = random.Random(20261118)
inc = Incident("retired2", "edge-ingress-log-volume")
TZ = "America/New_York"
D = "2026-11-18 "
W0, W1 = T(D + "06:00:00"), T(D + "09:00:00")
CRON = [T("2026-11-%02d 06:30:%02d" % (d, 20 + d % 9)) for d in (15, 16, 17, 18)]
COMMIT = T(D + "06:12:40")
SYNC = T(D + "06:14:05")
OTHER_DEPLOY = T(D + "06:38:12")
CERT = T(D + "06:50:31")
EDGES = ["ip-10-8-1-21.ec2.internal", "ip-10-8-2-37.ec2.internal", "ip-10-8-3-14.ec2.internal"]
PRESSURE = [T(D + "07:14:02"), T(D + "07:22:31"), T(D + "07:25:50")]
STARTED = PRESSURE[0]
EVICT = [add(t, seconds=13) for t in PRESSURE]
WARN = T(D + "07:19:30")
ALERT = T(D + "07:24:00")
PAGE = T(D + "07:24:30")
ESCALATE = T(D + "07:29:30")
ACK = T(D + "07:31:50")
WRONG = T(D + "07:34:20")
COMMS = T(D + "07:36:10")
ROLLBACK_Q = T(D + "07:38:40")
DIAG = T(D + "07:41:30")
REVERT_COMMIT = T(D + "07:44:05")
TRUNCATE = T(D + "07:45:20")
NOPRESSURE = [T(D + "07:45:50"), T(D + "07:45:58"), T(D + "07:46:07")]
MITIGATED = T(D + "07:46:35")
REVERT_SYNC = T(D + "07:49:10")
WARN_OK = T(D + "07:50:30")
ALERT_OK = T(D + "07:52:00")
RESOLVED = T(D + "08:15:00")
OLDPODS = ["ingress-nginx-controller-%s" % s for s in ("7xq2p", "bm4kd", "r9tzw")]
NEWPODS = ["ingress-nginx-controller-%s" % s for s in ("c2vln", "h8wqs", "n5dfj")]
GiB = 1024 ** 3
THRESH = 3.2 * GiB

def avail(i):
    a0 = [9.9, 11.6, 12.1][i] * GiB
    def f(t):
        if t < SYNC:
            return a0 - 2e5 * (t - W0).total_seconds() + 1e6 * rng.random()
        if t < EVICT[i]:
            return max(THRESH - 5e7, a0 - (a0 - THRESH) * (t - SYNC).total_seconds() / (PRESSURE[i] - SYNC).total_seconds())
        if t < add(TRUNCATE, seconds=5 + 8 * i):
            return THRESH - 6e7 - 1e6 * rng.random()
        return 22.4 * GiB + 1e7 * rng.random()
    return f

# ---- node filesystem query_range
inc.json("avail.json", query_range(
    [({"__name__": "node_filesystem_avail_bytes", "instance": n, "job": "node-exporter", "mountpoint": "/", "device": "/dev/nvme0n1p1", "fstype": "xfs"}, avail(i))
     for i, n in enumerate(EDGES)], W0, W1, 60, fmt="%.0f"), indent=None)

# ---- edge-1 syslog (local EST, no year), kubelet in klog format with local time
sl = []
def S(t, prog, msg):
    sl.append((t, syslog(t, TZ, "ip-10-8-1-21", prog, msg)))
def KL(t, sev, src, msg):
    lt = local(t, TZ)
    S(t, "kubelet[1187]", "%s%s %s.%06d    1187 %s] %s" % (sev, lt.strftime("%m%d"), lt.strftime("%H:%M:%S"), lt.microsecond, src, msg))
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    S(t, "kernel", "IPVS: rr: UDP 172.20.0.10:53 - no destination available")
for t in poisson_times(rng, W0, W1, 1 / 200.0):
    KL(t, "E", "summary_sys_containers.go:51", "\"Failed to get system container stats\" err=\"failed to get cgroup stats for \\\"/system.slice/containerd.service\\\": failed to get container info\"")
KL(STARTED, "W", "eviction_manager.go:366", "\"Eviction manager: attempting to reclaim\" resourceName=\"ephemeral-storage\"")
KL(add(STARTED, seconds=0.3), "I", "eviction_manager.go:377", "\"Eviction manager: must evict pod(s) to reclaim\" resourceName=\"ephemeral-storage\"")
KL(add(STARTED, seconds=0.3), "I", "eviction_manager.go:395", "\"Eviction manager: pods ranked for eviction\" pods=[\"ingress-nginx/%s\",\"logging/fluent-bit-2mvq8\",\"kube-system/ebs-csi-node-h2l6k\"]" % OLDPODS[0])
KL(add(STARTED, seconds=1.1), "E", "image_gc_manager.go:356", "\"Failed to garbage collect required amount of images\" err=\"wanted to free 5368709120 bytes, but freed 0 bytes\"")
KL(EVICT[0], "I", "eviction_manager.go:616", "\"Eviction manager: pod is evicted successfully\" pod=\"ingress-nginx/%s\"" % OLDPODS[0])
for t in poisson_times(rng, add(EVICT[0], seconds=10), add(TRUNCATE, seconds=25), 1 / 20.0):
    KL(t, "W", "predicate.go:131", "\"Failed to admit pod, unexpected error while attempting to recover from admission failure\" pod=\"ingress-nginx/ingress-nginx-controller-%s\" err=\"The node had condition: [DiskPressure]\"" % hexid(rng, 5))
S(TRUNCATE, "sudo", "   priya : TTY=pts/0 ; PWD=/home/priya ; USER=root ; COMMAND=/usr/bin/truncate -s 0 /var/log/nginx/error.log /var/log/nginx/access.log")
KL(NOPRESSURE[0], "I", "eviction_manager.go:351", "\"Eviction manager: no resources are starved\"")
inc.lines("edge-1.syslog", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- nginx error log copied from edge-2 (UTC, nginx layout)
nl = []
conn = 1180000
def N(t, lvl, msg, pid=31):
    global conn
    nl.append((t, "%s [%s] %d#%d: %s" % (t.strftime("%Y/%m/%d %H:%M:%S"), lvl, pid, pid, msg)))
for t in poisson_times(rng, W0, SYNC, 1 / 90.0):
    N(t, "error", "*%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.8.%d.%d, server: legacy-reports.acme.example, request: \"GET /export HTTP/1.1\", upstream: \"http://10.9.4.17:8080/export\"" % (rng.randint(10**5, 10**6), rng.randint(0, 3), rng.randint(2, 250)))
N(add(SYNC, seconds=9), "notice", "signal 1 (SIGHUP) received from 24, reconfiguring", pid=24)
for t in poisson_times(rng, add(SYNC, seconds=10), EVICT[1], 1.2):
    conn += rng.randint(1, 9)
    N(t, "debug", rng.choice(["*%d http upstream request: \"/api/cart?\"" % conn, "*%d SSL_do_handshake: 1" % conn, "*%d http keepalive handler" % conn,
                              "*%d free: 000055D4E%s, unused: 0" % (conn, hexid(rng, 7).upper()), "*%d http cleanup add: 000055D4E%s" % (conn, hexid(rng, 7).upper())]))
for t in poisson_times(rng, add(SYNC, seconds=10), EVICT[1], 1 / 90.0):
    N(t, "error", "*%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.8.%d.%d, server: legacy-reports.acme.example, request: \"GET /export HTTP/1.1\", upstream: \"http://10.9.4.17:8080/export\"" % (rng.randint(10**5, 10**6), rng.randint(0, 3), rng.randint(2, 250)))
N(EVICT[1], "notice", "signal 3 (SIGQUIT) received from 1, shutting down", pid=24)
N(add(EVICT[1], seconds=0.1), "notice", "gracefully shutting down")
N(add(EVICT[1], seconds=2), "notice", "exiting")
N(add(EVICT[1], seconds=2), "notice", "exit")
N(add(EVICT[1], seconds=2.5), "notice", "signal 17 (SIGCHLD) received from 31", pid=24)
N(add(EVICT[1], seconds=2.6), "notice", "exit", pid=24)
for t in poisson_times(rng, add(NOPRESSURE[1], seconds=20), W1, 1 / 90.0):
    N(t, "error", "*%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.8.%d.%d, server: legacy-reports.acme.example, request: \"GET /export HTTP/1.1\", upstream: \"http://10.9.4.17:8080/export\"" % (rng.randint(10**5, 10**6), rng.randint(0, 3), rng.randint(2, 250)), pid=29)
inc.lines("edge-2-error.log", [l for _, l in sorted(nl, key=lambda x: x[0])])

# ---- kube events (core List)
k = Kube(rng)
for i, p in enumerate(OLDPODS):
    k.ev(add(SYNC, seconds=8 + i), "ingress-nginx", "Pod", p, "RELOAD", "NGINX reload triggered due to a change in configuration", component="nginx-ingress-controller")
for i, n in enumerate(EDGES):
    k.ev(PRESSURE[i], "", "Node", n, "NodeHasDiskPressure", "Node %s status is now: NodeHasDiskPressure" % n, host=n)
    k.ev(add(PRESSURE[i], seconds=1), "", "Node", n, "EvictionThresholdMet", "Attempting to reclaim ephemeral-storage", type_="Warning", host=n)
    k.ev(add(PRESSURE[i], seconds=2), "", "Node", n, "FreeDiskSpaceFailed", "Failed to garbage collect required amount of images. Attempted to free 5368709120 bytes, but only found 0 bytes eligible to free.", type_="Warning", host=n)
    k.ev(EVICT[i], "ingress-nginx", "Pod", OLDPODS[i], "Evicted",
         "The node was low on resource: ephemeral-storage. Threshold quantity: 3435973836, available: %dKi. Container controller was using %dKi, request is 0, has larger consumption of ephemeral-storage." % (
             int((THRESH - 6e7) / 1024), rng.randint(15_000_000, 19_000_000)), type_="Warning", host=n)
    k.ev(add(EVICT[i], seconds=1), "ingress-nginx", "Pod", OLDPODS[i], "Killing", "Stopping container controller", host=n)
    rej_end = add(TRUNCATE, seconds=20)
    k.ev(rej_end, "ingress-nginx", "DaemonSet", "ingress-nginx-controller", "FailedDaemonPod",
         "Found failed daemon pod ingress-nginx/ingress-nginx-controller-%s on node %s, will try to kill it" % (hexid(rng, 5), n), type_="Warning",
         component="daemonset-controller", count=int((rej_end - EVICT[i]).total_seconds() // 20), first=add(EVICT[i], seconds=4))
    k.ev(NOPRESSURE[i], "", "Node", n, "NodeHasNoDiskPressure", "Node %s status is now: NodeHasNoDiskPressure" % n, host=n)
    k.pod_start(add(NOPRESSURE[i], seconds=1), "ingress-nginx", NEWPODS[i], n, "registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7", "controller")
    k.ev(add(REVERT_SYNC, seconds=6 + i), "ingress-nginx", "Pod", NEWPODS[i], "RELOAD", "NGINX reload triggered due to a change in configuration", component="nginx-ingress-controller")
k.ev(add(OTHER_DEPLOY, seconds=-3), "argocd", "Application", "shop-frontend", "OperationStarted", "Initiated automated sync to 'f1e2d3c'", component="argocd-application-controller")
k.ev(OTHER_DEPLOY, "argocd", "Application", "shop-frontend", "OperationCompleted", "Sync operation to f1e2d3c succeeded", component="argocd-application-controller")
k.ev(CERT, "shop", "Certificate", "shop-acme-example-tls", "Issuing", "The certificate has been successfully issued", component="cert-manager-certificates-issuing")
k.ev(add(CERT, seconds=-40), "shop", "Certificate", "shop-acme-example-tls", "Issuing", "Renewing certificate as renewal was scheduled at 2026-11-18 06:50:00 +0000 UTC", component="cert-manager-certificates-trigger")
cj = "db-backup-verify-29391270"
k.ev(add(CRON[-1], seconds=-50), "ops", "Job", cj, "SuccessfulCreate", "Created pod: %s-q7c2m" % cj, component="job-controller")
k.ev(CRON[-1], "ops", "Job", cj, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
lst = k.core_list()
for it in lst["items"]:
    kind = it["involvedObject"]["kind"]
    it["involvedObject"]["apiVersion"] = {"Application": "argoproj.io/v1alpha1", "Certificate": "cert-manager.io/v1", "Job": "batch/v1"}.get(kind, it["involvedObject"]["apiVersion"])
inc.json("events.json", lst)

# ---- git log --date=iso --pretty='%h %ad %an %s'
gl = [(T("2026-11-17 19:02:11"), "ingress-nginx: upgrade chart to 4.11.3", "Sam Park"),
      (COMMIT, "ingress-nginx: error-log-level debug to chase TLS handshake resets (EDGE-812)", "Sam Park"),
      (T(D + "06:36:58"), "shop-frontend: image 2026.11.18-1", "Chloe Martin"),
      (REVERT_COMMIT, "Revert \"ingress-nginx: error-log-level debug to chase TLS handshake resets (EDGE-812)\"", "Priya Raman")]
inc.lines("infra-k8s.gitlog", ["%s %s %s %s" % (hexid(rng, 7), local(t, TZ).strftime("%Y-%m-%d %H:%M:%S %z"), who, subj) for t, subj, who in sorted(gl, reverse=True)])

# ---- alertmanager webhooks (JSON lines)
hk = []
il = {"severity": "warning", "team": "infra"}
for i, n in enumerate(EDGES):
    s_ = WARN if i == 0 else add(PRESSURE[i], seconds=300 - PRESSURE[i].second + 30)
    a = am_alert("KubeNodeDiskPressure", {**il, "node": n}, "%s has DiskPressure" % n, s_)
    hk.append((s_, am_webhook("slack-infra", [a], group_by=("alertname", "node"))))
    hk.append((add(WARN_OK, seconds=10 * i), am_webhook("slack-infra", [am_alert("KubeNodeDiskPressure", {**il, "node": n}, "%s has DiskPressure" % n, s_, ends=add(WARN_OK, seconds=10 * i))], group_by=("alertname", "node"))))
pl = {"severity": "critical", "team": "edge", "probe": "https://www.acme.example/healthz"}
hk.append((ALERT, am_webhook("pagerduty-edge", [am_alert("EdgeAvailabilityLow", pl, "Public endpoint success ratio below 90% (blackbox, 3 regions)", ALERT)])))
hk.append((ALERT_OK, am_webhook("pagerduty-edge", [am_alert("EdgeAvailabilityLow", pl, "Public endpoint success ratio below 90% (blackbox, 3 regions)", ALERT, ends=ALERT_OK)])))
tl = {"severity": "warning", "team": "reports", "job": "blackbox-legacy", "instance": "legacy-reports.acme.example"}
for a_, b_ in [("06:08:00", "06:11:00"), ("06:47:30", "06:50:00"), ("07:33:00", "07:36:30"), ("08:21:00", "08:24:00")]:
    hk.append((T(D + a_), am_webhook("slack-reports", [am_alert("TargetDown", tl, "legacy-reports probe failing", T(D + a_))])))
    hk.append((T(D + b_), am_webhook("slack-reports", [am_alert("TargetDown", tl, "legacy-reports probe failing", T(D + a_), ends=T(D + b_))])))
hk.append((add(CRON[-1], seconds=30), am_webhook("slack-ops", [am_alert("KubeJobFailed", {"severity": "warning", "team": "ops", "namespace": "ops", "job_name": cj},
                                                                        "Job ops/%s failed to complete" % cj, add(CRON[-1], seconds=30))])))
inc.lines("am-received.jsonl", [jline(b) for _, b in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty webhook v2 (JSON list of POST bodies)
TITLE = "EdgeAvailabilityLow Public endpoint success ratio below 90%"
pd = PD(5112, TITLE, "edge-ingress", "PEDG012", "Edge Primary")
alex = PD.user("Alex Romero", "PALEXR1")
priya = PD.user("Priya Raman", "PPRIYA2")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEDG", "summary": "Alertmanager us-east-1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.", user=alex)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", user=priya)
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Raman.")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Raman.")
inc.json("pd-webhooks.json", pd_webhook_v2_bodies(pd, 5112, TITLE, PAGE, urgency="high"))

# ---- slack
s = Slack()
for u, n, r in [("U4PRIYA", "priya", "Priya Raman"), ("U4ALEX", "alex.r", "Alex Romero"), ("U4SAM", "sam", "Sam Park"),
                ("U4CHLOE", "chloe", "Chloe Martin"), ("U4DEV", "devon", "Devon Hughes")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C4INC", "incident-edge-1118", ""), ("C4INF", "infra-alerts", ""), ("C4OPS", "ops-changes", ""), ("C4GEN", "general", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("infra-alerts", add(c, seconds=35), "B4AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job ops/db-backup-verify failed to complete", color="warning"))
s.bot("infra-alerts", add(WARN, seconds=8), "B4AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeNodeDiskPressure", "ip-10-8-1-21.ec2.internal has DiskPressure", color="warning"))
s.bot("infra-alerts", add(ALERT, seconds=8), "B4AM", "alertmanager", attachments=am_slack_attachment("firing", "EdgeAvailabilityLow", "Public endpoint success ratio below 90%"))
s.bot("infra-alerts", add(ALERT_OK, seconds=8), "B4AM", "alertmanager", attachments=am_slack_attachment("resolved", "EdgeAvailabilityLow", "Public endpoint success ratio back above 90%"))
s.bot("ops-changes", add(SYNC, seconds=3), "B4ARGO", "argocd", blocks=pd_slack_blocks("Application *ingress-nginx* synced to `%s` by sam.park" % "3b7e0d2"))
s.bot("ops-changes", add(OTHER_DEPLOY, seconds=3), "B4ARGO", "argocd", blocks=pd_slack_blocks("Application *shop-frontend* synced to `f1e2d3c` (automated)"))
s.bot("ops-changes", add(REVERT_SYNC, seconds=3), "B4ARGO", "argocd", blocks=pd_slack_blocks("Application *ingress-nginx* synced to `8d41a9c` by priya.raman"))
s.say("ops-changes", add(COMMIT, seconds=20), "U4SAM", "turning ingress error-log-level to debug for an hour or so to catch the TLS resets from EDGE-812")
ch = "incident-edge-1118"
s.say(ch, add(ACK, seconds=50), "U4PRIYA", "acked (page escalated to me, Alex's phone was on silent). www down from all probes, NLB shows 0/3 healthy targets")
s.say(ch, WRONG, "U4DEV", "cert-manager renewed the shop cert at 06:50, bad cert chain?")
s.say(ch, add(WRONG, seconds=40), "U4PRIYA", "TLS isn't even reached, the controllers aren't running")
s.say(ch, ROLLBACK_Q, "U4DEV", "should we roll back last night's ingress-nginx chart upgrade?")
s.say(ch, DIAG, "U4PRIYA", "edge nodes are out of disk: /var/log/nginx/error.log is 19G on edge-1. the debug error-log-level from this morning filled the root fs through the hostPath, kubelet evicted the controllers and now rejects them under DiskPressure")
s.say(ch, add(DIAG, seconds=55), "U4SAM", "oh no, that's my debug change. sorry, revert coming")
s.say(ch, add(TRUNCATE, seconds=15), "U4PRIYA", "truncated the nginx logs on all three edges via ssm")
s.say(ch, add(MITIGATED, seconds=25), "U4PRIYA", "DiskPressure cleared, controllers running, probes green")
s.say(ch, add(RESOLVED, seconds=-45), "U4PRIYA", "stable for 25 min, resolving. action: logrotate + size limit on /var/log/nginx, alert on node fs")
s.bot(ch, COMMS, "B4SP", "Statuspage", attachments=[{"color": "E01E5A", "fallback": "Major outage - acme.example unavailable", "title": "Major outage - acme.example unavailable",
                                                      "text": "The website and API are unavailable. We are investigating.", "mrkdwn_in": ["text"]}])
s.say("general", T(D + "07:05:00"), "U4CHLOE", "good morning! standup moved to 10:30 ET")
s.write(inc, "slack")

inc.truth(
    "edge-ingress-log-volume", "log-volume-full-disk-pressure",
    "ingress-nginx error-log-level=debug wrote to a hostPath log on the edge nodes' root disks; each node hit the eviction threshold,\n"
    "kubelet evicted the controllers and rejected new ones under DiskPressure, taking the site down until the logs were truncated.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYNC, "change", "ingress-nginx synced with error-log-level debug; controllers reload", "events.json", 90),
     (STARTED, "first_symptom", "edge-1 NodeHasDiskPressure; kubelet starts evicting", "events.json", 60),
     (WARN, "alert_fired", "KubeNodeDiskPressure firing for edge-1", "am-received.jsonl", 60),
     (ALERT, "alert_fired", "EdgeAvailabilityLow firing", "am-received.jsonl", 60),
     (PAGE, "paged", "PagerDuty #5112 triggered", "pd-webhooks.json", 60),
     (ACK, "acknowledged", "escalated by timeout; Priya acknowledges", "pd-webhooks.json", 60),
     (COMMS, "communication", "Statuspage: major outage", "slack", 90),
     (DIAG, "diagnosis", "Priya: debug error log filled the root fs; controllers evicted and rejected under DiskPressure", "slack", 90),
     (TRUNCATE, "mitigation", "nginx logs truncated on the edge nodes", "edge-1.syslog", 60),
     (MITIGATED, "recovery", "DiskPressure cleared, controllers running, probes green", "events.json", 90),
     (REVERT_SYNC, "mitigation", "revert of the debug log level synced", "events.json", 90),
     (ALERT_OK, "alert_resolved", "EdgeAvailabilityLow resolved", "am-received.jsonl", 60)],
    [(CRON[-1], "db-backup-verify job fails daily ~06:30 UTC", "events.json"),
     (OTHER_DEPLOY, "shop-frontend synced by shop team", "events.json"),
     (CERT, "cert-manager renews shop certificate (scheduled)", "events.json"),
     (T(D + "07:33:00"), "TargetDown legacy-reports flapping all window", "am-received.jsonl"),
     (WRONG, "wrong hunch: renewed certificate chain", "slack"),
     (ROLLBACK_Q, "'should we roll back the chart upgrade?' question", "slack"),
     (T(D + "06:20:00"), "steady legacy-reports upstream timeouts, IPVS and container stats warnings all window", "edge-2-error.log")],
    [("avail.json", "prometheus-query-range"), ("edge-1.syslog", "logs", TZ), ("edge-2-error.log", "logs"), ("events.json", "kube-events"),
     ("infra-k8s.gitlog", "git-log"), ("am-received.jsonl", "alertmanager-webhook"), ("pd-webhooks.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
