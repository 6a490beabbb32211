"""retired10/pricing-harbor-retention: the nightly Harbor tag-retention run deletes pricing-engine:v3.18.2 (still in
production, pushed out of 'keep the 20 most recently pushed' by PR builds); when Karpenter consolidates nodes in the
morning the replacement pods can't pull it, the remaining pods saturate and storefront answers 503 on priced pages
until the tag is copied back from the DR registry (a manual fix)."""
import random
from common import *

rng = random.Random(20260701)
inc = Incident("retired10", "pricing-harbor-retention")
LTZ = "Europe/Helsinki"
D = "2026-07-01 "
W0, W1 = T(D + "04:00:00"), T(D + "07:00:00")
RET = [T("2026-06-%02d 00:00:01" % d) for d in (29, 30)] + [T(D + "00:00:01")]
CRON = [T("2026-06-%02d 04:15:%02d" % (d, 30 + d - 28)) for d in (28, 29, 30)] + [T(D + "04:15:40")]
OTHER_DEPLOY = T(D + "04:40:12")
NODES = [(T(D + "04:30:22"), "ip-10-40-3-17", "pricing-engine-7f9c6d8b45-h2xkq", "pricing-engine-7f9c6d8b45-b8mzt"),
         (T(D + "04:38:20"), "ip-10-40-5-201", "pricing-engine-7f9c6d8b45-q4wnd", "pricing-engine-7f9c6d8b45-t6rvp"),
         (T(D + "04:44:50"), "ip-10-40-1-88", "pricing-engine-7f9c6d8b45-k9sfj", "pricing-engine-7f9c6d8b45-z3lxc")]
STARTED = T(D + "04:31:07")      # first ErrImagePull (infra precursor)
WARN = T(D + "04:46:07")         # KubeDeploymentReplicasMismatch (warning)
HPA1 = T(D + "04:47:15")
CUST = T(D + "04:49:31")         # first storefront 503
PAGE_ALERT = T(D + "04:53:05")
PAGE = T(D + "04:53:35")
ACK = T(D + "04:57:10")
WRONG1 = T(D + "05:00:40")
WRONG2 = T(D + "05:02:10")
ROLLBACK_Q = T(D + "05:03:30")
DIAG = T(D + "05:06:20")
COMMS = T(D + "05:08:00")
RESTORE = T(D + "05:12:41")
PULLED = T(D + "05:13:05")
MITIGATED = T(D + "05:15:50")    # last storefront 503
ALERT_OK = T(D + "05:19:20")
RESOLVED = T(D + "05:48:00")
IMG = "harbor.kauppa.fi/shop/pricing-engine:v3.18.2"
DIGEST = "sha256:" + uid("pricing-engine v3.18.2", 64) + uid("x", 0)

def err_share(t):
    if CUST <= t < add(PULLED, seconds=45):
        return min(0.42, 0.05 + (t - CUST).total_seconds() / 900.0 * 0.37)
    if add(PULLED, seconds=45) <= t < MITIGATED:
        return 0.42 * (MITIGATED - t).total_seconds() / (MITIGATED - add(PULLED, seconds=45)).total_seconds()
    return 0.0

# ---- Harbor jobservice log (retention + GC), container TZ=Europe/Helsinki, no offset
js = []
def J(t, lvl, src, msg):
    js.append((t, "%s [%s] [%s]: %s" % (local(t, LTZ).strftime("%Y-%m-%d %H:%M:%S"), lvl, src, msg)))
for i, r in enumerate(RET):
    today = i == len(RET) - 1
    J(r, "INFO", "/jobservice/worker/cworker/c_worker.go:378", "Job 'RETENTION' with ID %s started" % uid("ret%d" % i, 24))
    for k, repo in enumerate(["shop/pricing-engine", "shop/storefront", "shop/reco-api", "shop/checkout"]):
        t = add(r, seconds=2 + k * 3)
        J(t, "INFO", "/pkg/retention/job.go:84", "Run retention process.\n Repository: %s\n Rule Algorithm: or\n Dry Run: false" % repo)
        rows = ["|  Digest  |  Tag  | Kind  | Labels  | PushedTime  | PulledTime  | CreatedTime  | Retention"]
        for n in range(3):
            rows.append("| sha256:%s | pr-%d | image |  | 2026/06/%02d %02d:%02d:%02d | 2026/06/%02d 02:10:44 | 2026/06/%02d 11:40:02 | RETAIN" % (
                hexid(rng, 8), 1400 + 20 * i + n, 27 + i, 9 + n, rng.randint(0, 59), rng.randint(0, 59), 27 + i, 27 + i))
        if repo == "shop/pricing-engine" and today:
            rows.append("| %s | v3.18.2 | image |  | 2026/03/19 09:12:40 | 2026/06/30 07:02:18 | 2026/03/19 09:11:57 | DEL" % DIGEST[:15])
        rows.append("| sha256:%s | pr-%d | image |  | 2026/05/%02d 16:%02d:%02d | 2026/05/%02d 16:40:02 | 2026/05/%02d 16:20:33 | DEL" % (
            hexid(rng, 8), 1100 + 10 * k + i, 10 + i, rng.randint(0, 59), rng.randint(0, 59), 10 + i, 10 + i))
        J(add(t, seconds=1), "INFO", "/pkg/retention/job.go:101", "Retention process result:\n" + "\n".join(rows))
    J(add(r, seconds=15), "INFO", "/jobservice/worker/cworker/c_worker.go:394", "Job 'RETENTION' with ID %s finished, status Success" % uid("ret%d" % i, 24))
    g = add(r, minutes=30)
    J(g, "INFO", "/jobservice/job/impl/gc/garbage_collection.go:118", "start to run gc in job.")
    J(add(g, seconds=4), "INFO", "/jobservice/job/impl/gc/garbage_collection.go:204", "%d blobs and %d manifests eligible for deletion" % (41 + 9 * i, 7 + i))
    if today:
        J(add(g, seconds=9), "INFO", "/jobservice/job/impl/gc/garbage_collection.go:331", "delete manifest from storage: %s" % DIGEST[:23])
    J(add(g, seconds=31), "INFO", "/jobservice/job/impl/gc/garbage_collection.go:372", "%d blobs and %d manifests are actually deleted" % (41 + 9 * i, 7 + i))
    J(add(g, seconds=31), "INFO", "/jobservice/job/impl/gc/garbage_collection.go:373", "The GC job actual frees up %d MB space." % (880 + 97 * i))
for t in frange(T("2026-06-28 21:00:00"), W1, 3600):
    J(add(t, seconds=12), "INFO", "/jobservice/worker/cworker/c_worker.go:378", "Job 'SCAN_ALL' heartbeat: queue depth 0")
for t in poisson_times(rng, T("2026-06-29 00:00:00"), W1, 1 / 2400.0):
    J(t, "WARNING", "/pkg/reg/adapter/native/adapter.go:166", "replication to harbor-dr.kauppa.fi: request timeout, will retry (attempt 1/3)")
inc.lines("harbor/jobservice.log", [l for _, l in sorted(js, key=lambda x: x[0])])

# ---- Harbor audit log API (GET /api/v2.0/audit-logs), a change record
au = []
def AU(t, user, op, res):
    au.append({"id": 880000 + len(au), "username": user, "resource": res, "resource_type": "artifact", "operation": op, "op_time": iso(t)})
for i, r in enumerate(RET):
    AU(add(r, seconds=5), "retention", "delete", "shop/pricing-engine:pr-%d" % (1100 + i))
    AU(add(r, seconds=8), "retention", "delete", "shop/storefront:pr-%d" % (1110 + i))
    if i == len(RET) - 1:
        AU(add(r, seconds=5), "retention", "delete", "shop/pricing-engine:v3.18.2")
for t, repo in ((T("2026-06-30 14:02:11"), "shop/pricing-engine:pr-1461"), (T(D + "04:33:50"), "shop/reco-api:v5.2.0"),
                (T(D + "05:41:22"), "shop/pricing-engine:pr-1462"), (T(D + "06:12:09"), "shop/checkout:pr-988")):
    AU(t, "robot$ci-builder", "create", repo)
AU(RESTORE, "robot$ops-restore", "create", "shop/pricing-engine:v3.18.2")
AU(add(RESTORE, minutes=21), "aleksi.nieminen", "create", "shop/pricing-engine:v3.18.2 (immutable tag rule v*)")
au.sort(key=lambda a: a["op_time"], reverse=True)
inc.json("harbor/audit-logs.json", au)

# ---- Karpenter controller JSON logs
kp = []
def K(t, msg, **kw):
    kp.append((t, jline({"level": "INFO", "time": iso(t, ms=True), "logger": "controller", "message": msg, "commit": "3f1c2a9", **kw})))
ROUTINE = [(T(D + "04:06:44"), "ip-10-40-7-12"), (T(D + "06:21:30"), "ip-10-40-2-140")]
for t, node, *_ in NODES + ROUTINE:
    K(t, "disrupting nodeclaim(s) via replace, terminating 1 nodes (%d pods) %s.eu-north-1.compute.internal/m6i.2xlarge/on-demand and replacing with on-demand node from types m6i.xlarge, m7i.xlarge, c6i.2xlarge and 12 other(s)" % (rng.randint(3, 6), node),
      controller="disruption", reason="underutilized", **{"command-id": uuid(node)})
    K(add(t, seconds=1), "created nodeclaim", controller="disruption", NodePool={"name": "general"}, NodeClaim={"name": "general-" + uid(node, 5)})
    K(add(t, seconds=3), "launched nodeclaim", controller="nodeclaim.lifecycle", NodeClaim={"name": "general-" + uid(node, 5)}, instance_type="m7i.xlarge", zone="eu-north-1b", capacity_type="on-demand")
    K(add(t, seconds=41), "tainted node", controller="node.termination", Node={"name": node + ".eu-north-1.compute.internal"}, taint="karpenter.sh/disrupted:NoSchedule")
    K(add(t, seconds=95), "deleted node", controller="node.termination", Node={"name": node + ".eu-north-1.compute.internal"})
for t in frange(add(W0, seconds=20), W1, 300):
    K(t, "computed new nodeclaim(s) to fit pod(s)" if rng.random() < 0.2 else "found provisionable pod(s)", controller="provisioner", Pods="%d" % rng.randint(1, 3))
inc.lines("karpenter.jsonl", [l for _, l in sorted(kp, key=lambda x: x[0])])

# ---- kube events
k = Kube(rng)
NS = "shop"
k.ev(CRON[-1], "data", "Job", "feed-export-29700615", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
for t, node, *_ in NODES + ROUTINE:
    k.ev(t, "", "Node", node + ".eu-north-1.compute.internal", "DisruptionTerminating", "Disrupting Node: Underutilized/Replace", component="karpenter")
bad_pods = []
for t, node, old, new in NODES:
    k.ev(add(t, seconds=41), NS, "Pod", old, "Evicted", "Evicted pod: Underutilized", type_="Normal", component="karpenter")
    k.ev(add(t, seconds=41), NS, "ReplicaSet", "pricing-engine-7f9c6d8b45", "SuccessfulCreate", "Created pod: " + new, component="replicaset-controller")
    bad_pods.append((add(t, seconds=42), new))
for j, new in enumerate(["pricing-engine-7f9c6d8b45-w5pgd", "pricing-engine-7f9c6d8b45-n1cvb"]):
    bad_pods.append((add(HPA1, seconds=1 + j), new))
k.ev(HPA1, NS, "HorizontalPodAutoscaler", "pricing-engine", "SuccessfulRescale", "New size: 8; reason: cpu resource utilization (percentage of request) above target", component="horizontal-pod-autoscaler")
k.ev(HPA1, NS, "Deployment", "pricing-engine", "ScalingReplicaSet", "Scaled up replica set pricing-engine-7f9c6d8b45 from 6 to 8", component="deployment-controller")
first = True
for t0, pod in bad_pods:
    node = "ip-10-40-%d-%d.eu-north-1.compute.internal" % (rng.randint(1, 7), rng.randint(10, 250))
    if first:
        t0 = add(STARTED, seconds=-3)
    k.ev(t0, NS, "Pod", pod, "Scheduled", "Successfully assigned %s/%s to %s" % (NS, pod, node), component="default-scheduler")
    k.ev(add(t0, seconds=1), NS, "Pod", pod, "Pulling", 'Pulling image "%s"' % IMG, host=node, count=6, first=add(t0, seconds=1), )
    ft = STARTED if first else add(t0, seconds=3)
    k.ev(ft, NS, "Pod", pod, "Failed", 'Failed to pull image "%s": rpc error: code = NotFound desc = failed to pull and unpack image "%s": failed to resolve reference "%s": %s: not found' % (IMG, IMG, IMG, IMG),
         type_="Warning", host=node)
    k.ev(ft, NS, "Pod", pod, "Failed", "Error: ErrImagePull", type_="Warning", host=node)
    k.ev(add(ft, seconds=1), NS, "Pod", pod, "BackOff", 'Back-off pulling image "%s"' % IMG, type_="Normal", host=node)
    k.ev(add(ft, seconds=1), NS, "Pod", pod, "Failed", "Error: ImagePullBackOff", type_="Warning", host=node)
    k.ev(add(PULLED, seconds=rng.randint(0, 20)), NS, "Pod", pod, "Pulled", 'Successfully pulled image "%s" in 4.62s (4.62s including waiting). Image size: 187214336 bytes.' % IMG, host=node)
    k.ev(add(PULLED, seconds=22), NS, "Pod", pod, "Started", "Started container pricing-engine", host=node)
    first = False
k.ev(T(D + "05:01:45"), NS, "HorizontalPodAutoscaler", "pricing-engine", "SuccessfulRescale", "New size: 10; reason: cpu resource utilization (percentage of request) above target", component="horizontal-pod-autoscaler")
k.ev(T(D + "05:01:45"), NS, "Deployment", "pricing-engine", "ScalingReplicaSet", "Scaled up replica set pricing-engine-7f9c6d8b45 from 8 to 10", component="deployment-controller")
for j in range(2):
    k.ev(add(PULLED, seconds=5 + j), NS, "Pod", "pricing-engine-7f9c6d8b45-" + ["d7hqs", "f2jtn"][j], "Pulled", 'Successfully pulled image "%s" in 3.90s (3.90s including waiting). Image size: 187214336 bytes.' % IMG, host="ip-10-40-6-31.eu-north-1.compute.internal")
k.ev(OTHER_DEPLOY, "reco", "Deployment", "reco-api", "ScalingReplicaSet", "Scaled up replica set reco-api-5c8d7f6b9 from 0 to 3", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=70), "reco", "Deployment", "reco-api", "ScalingReplicaSet", "Scaled down replica set reco-api-84b6f9c7d from 3 to 0", component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    k.ev(t, "shop", "Pod", "storefront-6d4b8c9f7-%s" % rng.choice(["p2q8r", "v7k3m", "x9d2c"]), "Unhealthy", "Readiness probe failed: Get \"http://10.40.3.9:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", type_="Warning")
inc.json("events.json", k.core_list())

# ---- storefront (Go) logfmt
sf = []
for t in poisson_times(rng, W0, W1, 0.6):
    path = rng.choice(["/tuote/%d" % rng.randint(10000, 99999), "/kategoria/%s" % rng.choice(["kodinkoneet", "puhelimet", "tv", "lelut"]), "/ostoskori", "/kassa"])
    if rng.random() < err_share(t):
        sf.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "error"), ("msg", "upstream request failed"), ("path", path), ("status", 503), ("upstream", "pricing-engine"),
                              ("err", "context deadline exceeded"), ("dur", "%dms" % rng.randint(2000, 2010)), ("trace_id", hexid(rng, 16))])))
    elif rng.random() < 0.01:
        sf.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "warn"), ("msg", "recommendations unavailable, rendering without"), ("path", path), ("upstream", "reco-api"),
                              ("err", "context deadline exceeded"), ("dur", "300ms")])))
    else:
        sf.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "info"), ("msg", "request"), ("path", path), ("status", 200), ("dur", "%dms" % rng.randint(40, 380 if err_share(t) == 0 else 1900))])))
sf.append((CUST, logfmt([("ts", iso(CUST, ms=True)), ("level", "error"), ("msg", "upstream request failed"), ("path", "/kassa"), ("status", 503), ("upstream", "pricing-engine"),
                         ("err", "context deadline exceeded"), ("dur", "2003ms"), ("trace_id", "9f2c1a7e44d0b318")])))
sf.append((add(MITIGATED, seconds=-0.3), logfmt([("ts", iso(add(MITIGATED, seconds=-0.3), ms=True)), ("level", "error"), ("msg", "upstream request failed"), ("path", "/tuote/48812"), ("status", 503),
                                                 ("upstream", "pricing-engine"), ("err", "context deadline exceeded"), ("dur", "2001ms"), ("trace_id", "0b7e5d91c2a34f68")])))
inc.lines("storefront.logfmt", [l for _, l in sorted(sf, key=lambda x: x[0])])

# ---- Alertmanager API snapshot (amtool alert query -o json) at 05:05:30
SNAP = T(D + "05:05:30")
al = [
    amtool_alert("KubeDeploymentReplicasMismatch", {"namespace": "shop", "deployment": "pricing-engine", "severity": "warning", "team": "pricing"},
                 "Deployment shop/pricing-engine has not matched the expected number of replicas for longer than 15 minutes.", WARN, SNAP, receivers=("slack-pricing",)),
    amtool_alert("StorefrontErrorBudgetBurn", {"service": "storefront", "severity": "page", "team": "web", "slo": "availability"},
                 "storefront is burning its 30d error budget 14.4x too fast", PAGE_ALERT, SNAP, receivers=("pagerduty-web", "slack-web"),
                 desc="5xx ratio 18.7% over 5m; 503 upstream=pricing-engine"),
    amtool_alert("KubeJobFailed", {"namespace": "data", "job_name": "feed-export-29700615", "severity": "warning", "team": "data"},
                 "Job data/feed-export-29700615 failed to complete.", add(CRON[-1], seconds=15), SNAP, receivers=("slack-data",)),
    amtool_alert("RabbitmqQueueBacklog", {"queue": "parcel-labels", "severity": "warning", "team": "logistics"},
                 "parcel-labels backlog above 5000", T(D + "05:02:00"), SNAP, receivers=("slack-logistics",)),
    amtool_alert("NodeClockNotSynchronising", {"instance": "ip-10-40-6-31.eu-north-1.compute.internal", "severity": "info"},
                 "Clock not synchronising.", T(D + "04:12:00"), SNAP, receivers=("null",), state="suppressed", silenced_by=(uuid("silence-ntp"),)),
]
inc.json("alerts-0505.json", al)

# ---- PagerDuty v2 webhook deliveries (ndjson)
pd = PD(7712, "StorefrontErrorBudgetBurn storefront availability", "storefront", "PSTOR03", "Web On-call")
veera = PD.user("Veera Koskinen", "PVEERA1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", veera, {"type": "mobile"}, "Acknowledged by Veera Koskinen.")
pd.add(add(DIAG, seconds=100), "annotate_log_entry", veera, {"type": "web_ui", "summary": "pricing-engine pods ImagePullBackOff, tag deleted by Harbor retention"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", veera, {"type": "web_ui"}, "Resolved by Veera Koskinen.")
inc.lines("ops-archive.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 7712, "StorefrontErrorBudgetBurn storefront availability", PAGE)])

# ---- Slack export
s = Slack()
for u, n, r in [("UVEER", "veera", "Veera Koskinen"), ("UALEK", "aleksi", "Aleksi Nieminen"), ("UMIKK", "mikko", "Mikko Salo"), ("UEMMA", "emma", "Emma Lindholm"),
                ("UJARI", "jari", "Jari Virtanen")]:
    s.user(u, n, r, LTZ)
for cid, n in [("CALRT", "alerts-prod"), ("CINC", "inc-7712-storefront"), ("CDEP", "deploys")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("alerts-prod", add(c, seconds=30), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job data/feed-export failed to complete.", color="warning"))
for a, b in ((T(D + "04:20:00"), T(D + "04:27:00")), (T(D + "05:02:00"), T(D + "05:09:30")), (T(D + "06:01:00"), T(D + "06:05:30"))):
    s.bot("alerts-prod", add(a, seconds=20), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "RabbitmqQueueBacklog", "parcel-labels backlog above 5000", color="warning"))
    s.bot("alerts-prod", add(b, seconds=20), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "RabbitmqQueueBacklog", "parcel-labels backlog"))
s.bot("alerts-prod", add(WARN, seconds=20), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "KubeDeploymentReplicasMismatch", "Deployment shop/pricing-engine has not matched the expected number of replicas for longer than 15 minutes.", color="warning"))
s.bot("alerts-prod", add(PAGE_ALERT, seconds=20), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "StorefrontErrorBudgetBurn", "storefront is burning its 30d error budget 14.4x too fast"))
s.bot("alerts-prod", ALERT_OK, "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "StorefrontErrorBudgetBurn", "storefront error budget burn"))
s.bot("alerts-prod", T(D + "05:31:40"), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "KubeDeploymentReplicasMismatch", "Deployment shop/pricing-engine"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=80), "BFLUX", "flux", blocks=pd_slack_blocks("*reco-api* `v5.2.0` reconciled in prod (kustomization reco/reco-api) by emma"))
ch = "inc-7712-storefront"
s.say(ch, add(ACK, seconds=35), "UVEER", "acked, storefront 503s, all of them upstream=pricing-engine timeouts")
s.say(ch, add(ACK, seconds=120), "UMIKK", "pricing-engine has 3 of 8 pods running, the rest are ImagePullBackOff")
s.say(ch, WRONG1, "UEMMA", "reco-api v5.2.0 went out at 04:40 - could the new reco calls be loading pricing?")
s.say(ch, add(WRONG1, seconds=45), "UVEER", "reco calls pricing through the batch endpoint, its traffic is flat")
s.say(ch, WRONG2, "UJARI", "is harbor down? karpenter replaced nodes this morning, fresh nodes pull everything")
s.say(ch, add(WRONG2, seconds=50), "UMIKK", "harbor is up, reco-api and storefront pulled fine on the new nodes. it says not found, not 5xx")
s.say(ch, ROLLBACK_Q, "UJARI", "should we roll back pricing-engine?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "UVEER", "to what? last deploy was March 19, v3.18.2 is what's running")
s.say(ch, DIAG, "UALEK", "found it: the 03:00 Harbor retention run deleted pricing-engine:v3.18.2 - rule keeps the 20 most recently pushed per repo and the PR builds pushed it out, GC removed the manifest at 03:30. Nodes that had it cached kept running, every pod Karpenter moved can't pull")
s.say(ch, COMMS, "UVEER", "status page: 'Prices and checkout failing for some customers, fix in progress'")
s.say(ch, add(COMMS, seconds=90), "UALEK", "copying v3.18.2 back from harbor-dr with crane, same digest")
s.say(ch, add(RESTORE, seconds=20), "UALEK", "pushed, digest matches. kubelets will retry on next backoff")
s.say(ch, add(MITIGATED, seconds=70), "UMIKK", "10/10 pods ready, 503s stopped at 05:15")
s.say(ch, add(RESTORE, minutes=21, seconds=30), "UALEK", "added an immutable-tag rule for v* and excluded release tags from retention")
s.say(ch, add(RESOLVED, seconds=-30), "UVEER", "error budget burn back to normal for 30 min, resolving. Postmortem tomorrow")
s.write(inc, "slack")

inc.truth(
    "pricing-harbor-retention", "registry-retention-deletes-running-image-pull-failures",
    "The nightly Harbor tag-retention run deletes pricing-engine:v3.18.2, still in production; as Karpenter consolidates nodes the\n"
    "replacement pods fail ErrImagePull (not found), the remaining pods saturate and storefront 503s until the tag is copied back from DR.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first ErrImagePull 'not found' for pricing-engine:v3.18.2 after Karpenter consolidated ip-10-40-3-17", "events.json", 60),
     (WARN, "alert_fired", "KubeDeploymentReplicasMismatch warning for shop/pricing-engine", "alerts-0505.json", 60),
     (CUST, "first_symptom", "first storefront 503 upstream=pricing-engine", "storefront.logfmt", 60),
     (PAGE, "paged", "PagerDuty #7712 triggered (StorefrontErrorBudgetBurn)", "ops-archive.ndjson", 60),
     (ACK, "acknowledged", "Veera Koskinen acknowledges", "ops-archive.ndjson", 60),
     (DIAG, "diagnosis", "Aleksi: Harbor retention deleted v3.18.2, moved pods can't pull", "slack", 60),
     (COMMS, "communication", "status page: prices and checkout failing", "slack", 60),
     (RESTORE, "mitigation", "v3.18.2 copied back from harbor-dr (robot$ops-restore push)", "harbor/audit-logs.json", 60),
     (MITIGATED, "recovery", "last storefront 503; pricing-engine 10/10 ready", "storefront.logfmt", 60),
     (ALERT_OK, "alert_resolved", "StorefrontErrorBudgetBurn resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "ops-archive.ndjson", 60)],
    [(CRON[-1], "feed-export CronJob fails daily at 04:15 UTC (also Jun 28-30)", "events.json"),
     (OTHER_DEPLOY, "reco-api v5.2.0 rollout by reco team", "events.json"),
     (T(D + "05:02:00"), "RabbitmqQueueBacklog for logistics, flapping", "slack"),
     (T(D + "04:06:44"), "routine Karpenter consolidation of a node without pricing pods", "karpenter.jsonl"),
     (T(D + "04:30:00"), "steady reco-api timeouts (storefront renders without) all window", "storefront.logfmt"),
     (T(D + "04:12:00"), "NodeClockNotSynchronising, silenced", "alerts-0505.json"),
     (WRONG1, "wrong hunch: reco-api deploy", "slack"),
     (WRONG2, "wrong hunch: Harbor down", "slack"),
     (ROLLBACK_Q, "'should we roll back pricing-engine?' question", "slack")],
    [("harbor/jobservice.log", "logs", LTZ), ("harbor/audit-logs.json", "deploys"), ("karpenter.jsonl", "logs"), ("events.json", "kube-events"),
     ("storefront.logfmt", "logs"), ("alerts-0505.json", "alertmanager-api-alerts"), ("ops-archive.ndjson", "pagerduty-log-entries"),
     ("slack", "slack-export")])
