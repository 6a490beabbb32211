"""retired1/search-noisy-neighbour: another team's backfill job lands on the search nodes without CPU limits; search-api is starved and throttled, searches time out."""
import random
from common import *

rng = random.Random(20261201)
inc = Incident("retired1", "search-noisy-neighbour")
LBTZ = "America/Denver"
D = "2026-12-01 "
W0, W1 = T(D + "10:30:00"), T(D + "13:00:00")
CRON = [T("2026-11-%02d 11:00:%02d" % (d, 20 + d % 10)) for d in (28, 29, 30)] + [T(D + "11:00:21")]
BILLING_DEPLOY = T(D + "10:40:15")
BACKFILL = T(D + "10:58:00")
BF_RUN = T(D + "10:59:10")
STARTED = T(D + "11:00:55")
PROBE = T(D + "11:01:12")
ALERT = T(D + "11:06:00")
PAGE = T(D + "11:06:30")
ACK = T(D + "11:09:45")
WRONG = T(D + "11:12:20")
ROLLBACK_Q = T(D + "11:14:05")
COMMS = T(D + "11:15:40")
DIAG = T(D + "11:19:30")
SUSPEND = T(D + "11:24:00")
MITIGATED = T(D + "11:24:48")
ALERT_OK = T(D + "11:31:00")
RESOLVED = T(D + "11:50:10")
NODES = ["ip-10-0-3-4.us-west-2.compute.internal", "ip-10-0-3-71.us-west-2.compute.internal", "ip-10-0-4-19.us-west-2.compute.internal"]
SEARCH = ["search-api-7b9f6d5c8-4jt2w", "search-api-7b9f6d5c8-9xk3m", "search-api-7b9f6d5c8-qv7pr"]
BF = ["feature-backfill-29904418-%s" % x for x in ("2b8kd", "5mzqt", "7xw2p", "c9lrn", "fh4vs", "kq3zb", "t6dxm", "zr8nw")]

def contention(t):
    if BF_RUN <= t < SUSPEND:
        return min(1.0, (t - BF_RUN).total_seconds() / 90.0)
    if SUSPEND <= t < add(SUSPEND, seconds=40):
        return 1.0 - (t - SUSPEND).total_seconds() / 40.0
    return 0.0

# ---- OpenMetrics: CFS throttling counters and node CPU PSI (30 s)
thr, per, psi = [], [], []
for i, p in enumerate(SEARCH):
    lab = {"namespace": "search", "pod": p, "container": "search-api", "node": NODES[i]}
    tp, pp, a, b = [], [], 8_120_000 + i * 91_000, 41_200_000 + i * 500_000
    for t in frange(W0, W1, 30):
        c = contention(t)
        b += 300
        a += int(300 * (0.04 + 0.66 * c + rng.uniform(0, 0.03)))
        tp.append((t, a))
        pp.append((t, b))
    thr.append((lab, tp))
    per.append((lab, pp))
for n in NODES:
    v, pts = 190_000.0 + rng.uniform(0, 9000), []
    for t in frange(W0, W1, 30):
        v += 30 * (0.02 + 0.9 * contention(t) + rng.uniform(0, 0.02))
        pts.append((t, round(v, 3)))
    psi.append(({"instance": n}, pts))
inc.write("metrics.om", openmetrics([
    ("container_cpu_cfs_throttled_periods", "counter", "Number of throttled period intervals.", thr),
    ("container_cpu_cfs_periods", "counter", "Number of elapsed enforcement period intervals.", per),
    ("node_pressure_cpu_waiting_seconds", "counter", "Total time in seconds that processes have waited for CPU time", psi)]))

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
k.ev(BACKFILL, "ml-features", "CronJob", "feature-backfill", "SuccessfulCreate", "Created job feature-backfill-29904418", component="cronjob-controller")
for j, p in enumerate(BF):
    n = NODES[j % 3]
    t = add(BACKFILL, seconds=2 + j * 3)
    k.ev(t, "ml-features", "Pod", p, "Scheduled", "Successfully assigned ml-features/%s to %s" % (p, n), component="default-scheduler")
    k.ev(add(t, seconds=1), "ml-features", "Pod", p, "Pulling", 'Pulling image "123456789012.dkr.ecr.us-west-2.amazonaws.com/feature-backfill:2026.11.30"', host=n)
    k.ev(add(BF_RUN, seconds=j), "ml-features", "Pod", p, "Pulled", 'Successfully pulled image "123456789012.dkr.ecr.us-west-2.amazonaws.com/feature-backfill:2026.11.30" in 1m7.221s (1m7.221s including waiting). Image size: 2231908114 bytes.', host=n)
    k.ev(add(BF_RUN, seconds=j + 1), "ml-features", "Pod", p, "Created", "Created container backfill", host=n)
    k.ev(add(BF_RUN, seconds=j + 1), "ml-features", "Pod", p, "Started", "Started container backfill", host=n)
    k.ev(add(SUSPEND, seconds=4 + j * 2), "ml-features", "Pod", p, "Killing", "Stopping container backfill", host=n)
k.ev(add(SUSPEND, seconds=2), "ml-features", "Job", "feature-backfill-29904418", "SuccessfulDelete", "Deleted pod: %s" % BF[0], component="job-controller")
for i, p in enumerate(SEARCH):
    k.ev(add(SUSPEND, seconds=-30 + i * 7), "search", "Pod", p, "Unhealthy",
         "Readiness probe failed: Get \"http://10.0.%d.%d:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % (3 + i // 2, 40 + i),
         type_="Warning", host=NODES[i], count=41 - i * 6, first=add(PROBE, seconds=i * 19))
k.ev(add(CRON[-1], seconds=-20), "billing", "Job", "invoice-pdf-29904420", "SuccessfulCreate", "Created pod: invoice-pdf-29904420-8dn5x", component="job-controller")
k.ev(CRON[-1], "billing", "Job", "invoice-pdf-29904420", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
for i in range(2):
    p = "billing-ui-6d4c8b7f5-%s" % ["h2x9q", "p7m4z"][i]
    k.pod_start(add(BILLING_DEPLOY, seconds=5 + 20 * i), "billing", p, NODES[2 - i], "123456789012.dkr.ecr.us-west-2.amazonaws.com/billing-ui:4.2.0", "billing-ui")
inc.json("events-v1.json", k.v1_list())

# ---- kubelet journal on one node (journalctl -u kubelet, UTC, klog inside)
jl = []
def J(t, sev, src, msg):
    jl.append((t, syslog(t, "UTC", "ip-10-0-3-4", "kubelet[2211]", klog(t, sev, 2211, src, msg))))
for t in poisson_times(rng, W0, W1, 1 / 50.0):
    J(t, "I", "kubelet_getters.go:218", "\"Pod status is inconsistent with cached status for pod, a reconciliation should be triggered\" pod=\"monitoring/node-exporter-7qk2d\"") if rng.random() < 0.2 else \
        J(t, "E", "log.go:32", "\"Failed to get stats from container\" err=\"cgroup path does not exist\" containerID=\"%s\"" % hexid(rng, 64))
J(add(BACKFILL, seconds=2), "I", "kubelet.go:2425", "\"SyncLoop ADD\" source=\"api\" pods=[\"ml-features/%s\"]" % BF[0])
J(add(BACKFILL, seconds=11), "I", "kubelet.go:2425", "\"SyncLoop ADD\" source=\"api\" pods=[\"ml-features/%s\"]" % BF[3])
for t in poisson_times(rng, PROBE, add(SUSPEND, seconds=25), 1 / 12.0) + [PROBE]:
    J(t, "I", "prober.go:107", "\"Probe failed\" probeType=\"Readiness\" pod=\"search/%s\" podUID=\"%s\" containerName=\"search-api\" probeResult=\"failure\" output=\"Get \\\"http://10.0.3.40:8080/ready\\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\"" % (SEARCH[0], uuid(SEARCH[0])))
J(add(SUSPEND, seconds=4), "I", "kuberuntime_container.go:779", "\"Killing container with a grace period\" pod=\"ml-features/%s\" podUID=\"%s\" containerName=\"backfill\" containerID=\"containerd://%s\" gracePeriod=30" % (BF[0], uuid(BF[0]), hexid(rng, 64)))
inc.lines("journal-ip-10-0-3-4.txt", [l for _, l in sorted(jl, key=lambda x: x[0])])

# ---- haproxy (syslog line in LB local time; haproxy's own accept date in brackets, no offset), gzipped
hp = []
for t in poisson_times(rng, W0, W1, 1.3):
    lt = local(t, LBTZ)
    c = contention(t)
    search = rng.random() < 0.55
    srv = "be_search/search-api-%d" % rng.randint(1, 3) if search else rng.choice(["be_web/web-%d" % rng.randint(1, 4), "be_billing/billing-ui-%d" % rng.randint(1, 2)])
    if search and c > 0.3 and t >= STARTED and t < MITIGATED and rng.random() < 0.5 * c:
        tr, st, size, term = 5000, 504, 194, "sH--"
    elif search:
        tr, st, size, term = int(rng.uniform(15, 90) * (1 + 25 * c)), 200, rng.randint(2000, 40000), "----"
    else:
        tr, st, size, term = int(rng.uniform(5, 120)), 200, rng.randint(500, 90000), "----"
    hp.append((t, "%s %2d %s lb-1 haproxy[1843]: %s:%d [%s] fe_https~ %s 0/0/1/%d/%d %d %d - - %s %d/%d/%d/%d/0 0/0 \"GET %s HTTP/1.1\"" % (
        lt.strftime("%b"), lt.day, lt.strftime("%H:%M:%S"), "%d.%d.%d.%d" % (rng.choice([24, 67, 73, 98, 174]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)), rng.randint(1024, 65535),
        lt.strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % (lt.microsecond // 1000), srv, tr, tr + 1, st, size, term,
        rng.randint(200, 400), rng.randint(190, 390), rng.randint(10, 60), rng.randint(0, 5),
        ("/api/search?q=" + rng.choice(["boots", "tent", "rain+jacket", "headlamp"])) if search else rng.choice(["/", "/billing/invoices", "/static/main.js"]))))
first = local(STARTED, LBTZ)
hp.append((STARTED, "%s %2d %s lb-1 haproxy[1843]: 73.14.201.9:53122 [%s] fe_https~ be_search/search-api-1 0/0/1/5000/5001 504 194 - - sH-- 311/301/42/3/0 0/0 \"GET /api/search?q=boots HTTP/1.1\"" % (
    first.strftime("%b"), first.day, first.strftime("%H:%M:%S"), first.strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % (first.microsecond // 1000))))
for t in poisson_times(rng, W0, W1, 1 / 100.0):  # steady: health checker from an old monitoring box gets 503 on a retired path
    lt = local(t, LBTZ)
    hp.append((t, "%s %2d %s lb-1 haproxy[1843]: 10.0.9.5:40112 [%s] fe_https~ be_web/<NOSRV> 0/-1/-1/-1/0 503 216 - - SC-- 1/1/0/0/0 0/0 \"GET /legacy/status HTTP/1.1\"" % (
        lt.strftime("%b"), lt.day, lt.strftime("%H:%M:%S"), lt.strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % (lt.microsecond // 1000))))
inc.lines("lb-1/haproxy.log.gz", [l for _, l in sorted(hp, key=lambda x: x[0])])

# ---- alertmanager webhooks, JSON list
posts = []
sl_ = {"severity": "page", "team": "search", "service": "search-api"}
posts.append(am_webhook("pd-search", [am_alert("SearchLatencyHigh", sl_, "search-api p99 above 2s", ALERT, desc="p99 4.8s")]))
posts.append(am_webhook("pd-search", [am_alert("SearchLatencyHigh", sl_, "search-api p99 above 2s", ALERT, ends=ALERT_OK)]))
tl = {"severity": "info", "team": "search", "namespace": "search"}
cpu_alerts = [am_alert("CPUThrottlingHigh", {**tl, "pod": p, "container": "search-api"}, "%d%% throttling of CPU in namespace search for container search-api in pod %s" % (60 + i * 4, p), add(T(D + "11:04:30"), seconds=i * 15)) for i, p in enumerate(SEARCH)]
posts.append(am_webhook("slack-search-info", cpu_alerts, group_by=("alertname", "namespace")))
posts.append(am_webhook("slack-search-info", [dict(a, status="resolved", endsAt=iso(add(SUSPEND, minutes=6))) for a in cpu_alerts], group_by=("alertname", "namespace")))
posts.append(am_webhook("slack-billing", [am_alert("KubeJobFailed", {"severity": "warning", "team": "billing", "namespace": "billing", "job_name": "invoice-pdf-29904420"},
                                                   "Job billing/invoice-pdf-29904420 failed to complete", add(CRON[-1], seconds=30))]))
nl = {"severity": "warning", "team": "platform", "instance": "nat-gw-2"}
for s_, e_ in [(T(D + "10:47:00"), T(D + "10:51:00")), (T(D + "11:38:00"), T(D + "11:41:30"))]:
    posts.append(am_webhook("slack-platform", [am_alert("NATGatewayPacketDrops", nl, "nat-gw-2 dropping packets", s_)]))
    posts.append(am_webhook("slack-platform", [am_alert("NATGatewayPacketDrops", nl, "nat-gw-2 dropping packets", s_, ends=e_)]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("alerts-dump.json", posts)

# ---- rules
inc.write("search-rules.yaml", """# kube-prometheus CPUThrottlingHigh is info-only here
groups:
  - name: search-api
    rules:
      - alert: SearchLatencyHigh
        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="search-api"}[2m]))) > 2
        for: 3m
        labels:
          severity: page
          team: search
        annotations:
          summary: search-api p99 above 2s
  - name: kubernetes-resources
    rules:
      - alert: CPUThrottlingHigh
        expr: |
          sum(increase(container_cpu_cfs_throttled_periods_total{container!=""}[5m])) by (container, pod, namespace)
            / sum(increase(container_cpu_cfs_periods_total[5m])) by (container, pod, namespace) > (25 / 100)
        for: 2m
        labels:
          severity: info
        annotations:
          summary: Processes experience elevated CPU throttling.
""")

# ---- slack
s = Slack()
for u, n, r in [("USVE", "sven", "Sven Olsen"), ("UAMA", "amara", "Amara Obi"), ("ULUC", "lucas", "Lucas Moreau"), ("UHIR", "hiro", "Hiro Sato"), ("UBEA", "bea", "Beatriz Lima")]:
    s.user(u, n, r, "America/Denver")
for cid, n in [("CSRC", "search-oncall"), ("CDEP", "deploys"), ("CBIL", "billing-alerts"), ("CCUS", "customer-comms"), ("CML", "ml-platform")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("billing-alerts", add(c, seconds=40), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job billing/invoice-pdf failed to complete", color="warning"))
s.bot("deploys", BILLING_DEPLOY, "BARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: *billing-ui* synced to `4.2.0` by beatriz.lima"))
s.bot("search-oncall", add(ALERT, seconds=29), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "SearchLatencyHigh", "search-api p99 above 2s (p99 4.8s)"))
s.bot("search-oncall", PAGE, "BPD", "PagerDuty", blocks=pd_slack_blocks(":red_circle: *Triggered* #9177 SearchLatencyHigh search-api · assigned to Sven Olsen"))
s.bot("search-oncall", ACK, "BPD", "PagerDuty", blocks=pd_slack_blocks(":large_yellow_circle: *Acknowledged* #9177 by Sven Olsen"))
s.bot("search-oncall", add(ALERT_OK, seconds=30), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "SearchLatencyHigh", "search-api p99 above 2s"))
s.bot("search-oncall", RESOLVED, "BPD", "PagerDuty", blocks=pd_slack_blocks(":large_green_circle: *Resolved* #9177 by Sven Olsen"))
ch = "search-oncall"
s.say(ch, add(ACK, seconds=45), "USVE", "looking. search 504s at the LB, readiness probes timing out on all 3 search-api pods")
s.say(ch, WRONG, "UAMA", "could it be the index? last night's reindex made it 30% bigger")
s.say(ch, ROLLBACK_Q, "ULUC", "billing-ui just went out, should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "USVE", "billing-ui is on different pods, and search didn't deploy today")
s.say("customer-comms", COMMS, "ULUC", "Support macro posted: 'Search is slow or timing out for some customers, we're on it.'")
s.say(ch, DIAG, "USVE", "search-api is throttled 60%+ and node CPU pressure is through the roof. ML's feature-backfill job landed 8 pods on our nodes at 10:58, no CPU limits. noisy neighbour")
s.say("ml-platform", add(DIAG, seconds=60), "USVE", "@hiro can you stop feature-backfill? it's starving search on the general pool")
s.say("ml-platform", T(D + "11:23:10"), "UHIR", "sorry! new weekly schedule, was meant for the batch pool. suspending the cronjob and deleting the job")
s.say(ch, add(MITIGATED, seconds=60), "USVE", "backfill pods gone, throttling back to ~4%, p99 normal, 504s stopped")
s.say(ch, add(RESOLVED, seconds=-30), "USVE", "resolving #9177. ML adds nodeSelector + limits before re-enabling")
s.write(inc, "slack-dump")

inc.truth(
    "search-noisy-neighbour", "noisy-neighbour-cpu",
    "Another team's feature-backfill CronJob scheduled 8 pods without CPU limits onto the general node pool; search-api\n"
    "was starved and CFS-throttled, searches timed out at the LB until the job was suspended and deleted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(BACKFILL, "change", "feature-backfill CronJob creates job; 8 pods scheduled on search's nodes", "events-v1.json", 90),
     (STARTED, "first_symptom", "first search 504 at the LB", "lb-1/haproxy.log.gz", 60),
     (PROBE, "first_symptom", "search-api readiness probes start timing out", "journal-ip-10-0-3-4.txt", 60),
     (ALERT, "alert_fired", "SearchLatencyHigh firing (page)", "alerts-dump.json", 60),
     (PAGE, "paged", "PagerDuty #9177 triggered", "slack-dump", 60),
     (ACK, "acknowledged", "Sven acknowledges #9177", "slack-dump", 60),
     (COMMS, "communication", "support macro: search slow", "slack-dump", 90),
     (DIAG, "diagnosis", "Sven: noisy neighbour, backfill pods without CPU limits", "slack-dump", 90),
     (SUSPEND, "mitigation", "backfill cronjob suspended and job deleted (pods killed)", "events-v1.json", 60),
     (MITIGATED, "recovery", "search 504s stop", "lb-1/haproxy.log.gz", 60),
     (ALERT_OK, "alert_resolved", "SearchLatencyHigh resolved", "alerts-dump.json", 60),
     (RESOLVED, "resolved", "#9177 resolved", "slack-dump", 60)],
    [(CRON[-1], "nightly invoice-pdf CronJob failure, every day 11:00 UTC", "events-v1.json"),
     (BILLING_DEPLOY, "billing-ui deploy by another team", "events-v1.json"),
     (T(D + "10:47:00"), "NATGatewayPacketDrops flapping (platform team)", "alerts-dump.json"),
     (WRONG, "wrong hunch: bigger index after reindex", "slack-dump"),
     (ROLLBACK_Q, "'should we roll back?' about billing-ui", "slack-dump"),
     (T(D + "12:00:00"), "steady 503 on /legacy/status from old monitoring box and kubelet stats errors all window", "lb-1/haproxy.log.gz")],
    [("metrics.om", "openmetrics"), ("events-v1.json", "kube-events"), ("journal-ip-10-0-3-4.txt", "logs", "UTC"),
     ("lb-1/haproxy.log.gz", "logs", LBTZ), ("alerts-dump.json", "alertmanager-webhook"), ("search-rules.yaml", "alert-rules"),
     ("slack-dump", "slack-export")])
