"""retired15/docsy-budget-nodepool: FinOps' budget-guard Cloud Function resizes every node pool labelled
cost-center=ml to zero when the ML budget passes 100%; the production ocr-gpu pool carries that label, OCR stops,
a manual resize helps until the next budget notification re-applies it; deleting the trigger ends it."""
import random
from common import *

rng = random.Random(20260512)
inc = Incident("retired15", "docsy-budget-nodepool")
WTZ = "Europe/Warsaw"
D = "2026-05-12 "
W0, W1 = T(D + "09:00:00"), T(D + "12:30:00")
R0 = T(D + "08:00:00")
CRON = [T("2026-05-%02d 09:15:%02d" % (d, 4 + d)) for d in (9, 10, 11, 12)]

FN_EARLY = T(D + "08:40:05")
FN1 = T(D + "09:41:06")
CHANGE = T(D + "09:41:12")
STARTED = T(D + "09:42:31")
OTHER_DEPLOY = T(D + "09:50:10")
WARN = T(D + "09:52:00")
CRIT = T(D + "10:04:30")
PAGE = T(D + "10:04:31")
ACK = T(D + "10:07:50")
WRONG = T(D + "10:09:30")
ROLLBACK_Q = T(D + "10:11:40")
STATUS = T(D + "10:12:30")
DIAG = T(D + "10:16:40")
FIX1 = T(D + "10:19:45")
UP1 = T(D + "10:24:45")
FN2 = T(D + "10:42:04")
REAPPLY = T(D + "10:42:09")
DOWN2 = T(D + "10:43:20")
DIAG2 = T(D + "10:46:30")
TRIG_DEL = T(D + "10:51:20")
FIX2 = T(D + "10:53:40")
UP2 = T(D + "10:59:10")
RESOLVED = T(D + "11:40:00")
FN3 = T(D + "11:43:02")

BASE = 45.0


def age(t):
    """Oldest unacked message age on ocr-jobs (s)."""
    s = lambda a, b: (a - b).total_seconds()
    if t < STARTED:
        return BASE
    if t < UP1:
        return BASE + s(t, STARTED)
    a1 = BASE + s(UP1, STARTED)
    if t < DOWN2:
        return max(BASE, a1 - 0.6 * s(t, UP1))
    a2 = max(BASE, a1 - 0.6 * s(DOWN2, UP1))
    if t < UP2:
        return a2 + s(t, DOWN2)
    a3 = a2 + s(UP2, DOWN2)
    return max(BASE, a3 - 2.4 * s(t, UP2))


def _find(pred, start):
    t = start
    while not pred(t):
        t = add(t, seconds=1)
    return t


MITIGATED = _find(lambda t: age(t) <= BASE, UP2)
CRIT_OK = add(_find(lambda t: age(t) < 900, UP2), seconds=90)
WARN_OK = add(MITIGATED, minutes=5, seconds=30)


def ocr_nodes(t):
    if t < add(CHANGE, seconds=79):
        return 3
    if t < add(UP1, seconds=-50):
        return 0
    if t < add(REAPPLY, seconds=71):
        return 4
    if t < add(UP2, seconds=-40):
        return 0
    if t < add(UP2, minutes=6):
        return 6
    if t < add(MITIGATED, minutes=10):
        return 8
    return 4


# ---------------------------------------------------------------- Cloud Audit Logs (gcloud logging read --format=json)
audit = []
SA_GUARD = "budget-guard@docsy-finops.iam.gserviceaccount.com"


def AUD(t, project, method, resource, request, principal, ua, rtype="gke_nodepool", rlabels=None, op_type=None,
        service="container.googleapis.com"):
    op = "operation-%d-%s" % (int(epoch(t) * 1000), hexid(rng, 8))
    e = {
        "insertId": hexid(rng, 12),
        "logName": "projects/%s/logs/cloudaudit.googleapis.com%%2Factivity" % project,
        "operation": {"first": True, "id": op, "producer": service},
        "protoPayload": {
            "@type": "type.googleapis.com/google.cloud.audit.AuditLog",
            "authenticationInfo": {"principalEmail": principal},
            "authorizationInfo": [{"granted": True, "permission": "container.clusters.update" if service.startswith("container") else "eventarc.triggers.delete",
                                   "resource": "projects/%s" % project,
                                   "resourceAttributes": {}}],
            "methodName": method,
            "request": request,
            "requestMetadata": {"callerIp": "%d.%d.%d.%d" % (rng.choice([34, 35, 10]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
                                "callerSuppliedUserAgent": ua, "destinationAttributes": {}, "requestAttributes": {"auth": {}, "time": iso_us(t)}},
            "resourceLocation": {"currentLocations": ["europe-central2"]},
            "resourceName": resource,
            "serviceName": service,
        },
        "receiveTimestamp": iso_us(add(t, seconds=0.4 + rng.random())),
        "resource": {"labels": rlabels or {}, "type": rtype},
        "severity": "NOTICE",
        "timestamp": iso_us(t),
    }
    if op_type:
        e["protoPayload"]["response"] = {"@type": "type.googleapis.com/google.container.v1alpha1.Operation",
                                         "name": op, "operationType": op_type, "selfLink": "https://container.googleapis.com/v1alpha1/projects/%s/locations/europe-central2/operations/%s" % (project, op),
                                         "startTime": iso_us(t), "status": "RUNNING",
                                         "targetLink": "https://container.googleapis.com/v1alpha1/" + resource}
    audit.append((t, e))


PY_UA = "google-api-python-client/2.131.0 (gzip),gzip(gfe)"
GC_UA = "google-cloud-sdk gcloud/519.0.0 command/gcloud.container.node-pools.%s invocation-id/%s environment/None environment-version/None client-os/LINUX client-os-ver/6.8.0 client-pltf-arch/x86_64 interactive/True from-script/False python/3.12.3 term/xterm-256color (Linux 6.8.0-60-generic),gzip(gfe)"


def np_res(project, cluster, pool):
    return "projects/%s/locations/europe-central2/clusters/%s/nodePools/%s" % (project, cluster, pool)


def np_labels(project, cluster, pool):
    return {"cluster_name": cluster, "location": "europe-central2", "nodepool_name": pool, "project_id": project}


def set_size(t, project, cluster, pool, n, who, ua):
    r = np_res(project, cluster, pool)
    AUD(t, project, "google.container.v1.ClusterManager.SetNodePoolSize", r,
        {"@type": "type.googleapis.com/google.container.v1.SetNodePoolSizeRequest", "name": r, "nodeCount": n},
        who, ua, rlabels=np_labels(project, cluster, pool), op_type="SET_NODE_POOL_SIZE")


def set_autoscaling(t, project, cluster, pool, enabled, who, ua, lo=None, hi=None):
    r = np_res(project, cluster, pool)
    a = {"enabled": enabled}
    if enabled:
        a.update({"minNodeCount": lo, "maxNodeCount": hi, "locationPolicy": "BALANCED"})
    AUD(t, project, "google.container.v1.ClusterManager.SetNodePoolAutoscaling", r,
        {"@type": "type.googleapis.com/google.container.v1.SetNodePoolAutoscalingRequest", "name": r, "autoscaling": a},
        who, ua, rlabels=np_labels(project, cluster, pool), op_type="UPDATE_CLUSTER")


# the day before: a routine pool update by the platform team
set_autoscaling(T("2026-05-11 14:22:51"), "docsy-prod", "prod-waw", "web", True, "tomasz.wrobel@docsy.io", GC_UA % ("update", uuid("a1")), 3, 14)
for tt, pool_ in ((add(FN1, seconds=3), "train-a100"),):
    set_autoscaling(tt, "docsy-ml", "train", pool_, False, SA_GUARD, PY_UA)
    set_size(add(tt, seconds=1), "docsy-ml", "train", pool_, 0, SA_GUARD, PY_UA)
set_autoscaling(add(CHANGE, seconds=-1), "docsy-prod", "prod-waw", "ocr-gpu", False, SA_GUARD, PY_UA)
set_size(CHANGE, "docsy-prod", "prod-waw", "ocr-gpu", 0, SA_GUARD, PY_UA)
set_autoscaling(add(FIX1, seconds=-15), "docsy-prod", "prod-waw", "ocr-gpu", True, "marta.zielinska@docsy.io", GC_UA % ("update", uuid("m1")), 2, 8)
set_size(FIX1, "docsy-prod", "prod-waw", "ocr-gpu", 4, "marta.zielinska@docsy.io", GC_UA % ("resize", uuid("m2")))
set_autoscaling(add(REAPPLY, seconds=-2), "docsy-ml", "train", "train-a100", False, SA_GUARD, PY_UA)
set_size(add(REAPPLY, seconds=-1), "docsy-ml", "train", "train-a100", 0, SA_GUARD, PY_UA)
set_autoscaling(add(REAPPLY, seconds=-1), "docsy-prod", "prod-waw", "ocr-gpu", False, SA_GUARD, PY_UA)
set_size(REAPPLY, "docsy-prod", "prod-waw", "ocr-gpu", 0, SA_GUARD, PY_UA)
trig = "projects/docsy-finops/locations/europe-central2/triggers/budget-guard-trigger"
AUD(TRIG_DEL, "docsy-finops", "google.cloud.eventarc.v1.Eventarc.DeleteTrigger", trig,
    {"@type": "type.googleapis.com/google.cloud.eventarc.v1.DeleteTriggerRequest", "name": trig, "validateOnly": False},
    "priya.nair@docsy.io", "google-cloud-sdk gcloud/519.0.0 command/gcloud.eventarc.triggers.delete invocation-id/%s interactive/True,gzip(gfe)" % uuid("p1"),
    rtype="audited_resource", rlabels={"method": "google.cloud.eventarc.v1.Eventarc.DeleteTrigger", "project_id": "docsy-finops", "service": "eventarc.googleapis.com"},
    service="eventarc.googleapis.com")
set_autoscaling(add(FIX2, seconds=-12), "docsy-prod", "prod-waw", "ocr-gpu", True, "marta.zielinska@docsy.io", GC_UA % ("update", uuid("m3")), 4, 8)
set_size(FIX2, "docsy-prod", "prod-waw", "ocr-gpu", 6, "marta.zielinska@docsy.io", GC_UA % ("resize", uuid("m4")))
set_autoscaling(T(D + "12:05:33"), "docsy-prod", "prod-waw", "ocr-gpu", True, "marta.zielinska@docsy.io", GC_UA % ("update", uuid("m5")), 2, 8)
inc.json("logging-read-audit.json", [e for _, e in sorted(audit, key=lambda x: x[0], reverse=True)])

# ---------------------------------------------------------------- budget-guard function logs (Cloud Run stdout, structured)
fl = []


def FL(t, sev, msg, **kw):
    fl.append((t, {"insertId": hexid(rng, 14), "jsonPayload": {"message": msg, **kw},
                   "labels": {"instanceId": "0087599d42" + hexid(rng, 20), "goog-managed-by": "cloudfunctions"},
                   "logName": "projects/docsy-finops/logs/run.googleapis.com%2Fstdout",
                   "receiveTimestamp": iso_us(add(t, seconds=0.2)),
                   "resource": {"labels": {"configuration_name": "budget-guard", "location": "europe-central2", "project_id": "docsy-finops",
                                           "revision_name": "budget-guard-00007-kiv", "service_name": "budget-guard"}, "type": "cloud_run_revision"},
                   "severity": sev, "timestamp": iso_us(t)}))


def notification(t, pct, cost):
    FL(t, "INFO", "budget notification received", budgetDisplayName="ml-monthly", costAmount=cost, budgetAmount=45000,
       currencyCode="USD", alertThresholdExceeded=round(pct / 100.0, 2) if pct >= 90 else 0.5, costIntervalStart="2026-05-01T07:00:00Z",
       percentOfBudget=pct)


for t, pct, cost in [(T("2026-05-12 06:38:41"), 95.1, 42795.2), (FN_EARLY, 97.8, 44010.35)]:
    notification(t, pct, cost)
    FL(add(t, seconds=1), "INFO", "below enforcement threshold 1.0, no action", budgetDisplayName="ml-monthly")
for t, pct, cost in [(FN1, 100.4, 45180.9), (FN2, 101.9, 45855.05)]:
    notification(t, pct, cost)
    FL(add(t, seconds=1), "WARNING", "threshold 1.0 exceeded for ml-monthly, enforcing on node pools with label cost-center=ml",
       selector="cost-center=ml", projects=["docsy-ml", "docsy-prod", "docsy-staging"])
    FL(add(t, seconds=2), "INFO", "matched node pools", pools=["docsy-ml/train/train-a100", "docsy-prod/prod-waw/ocr-gpu"])
    FL(add(t, seconds=3), "WARNING", "autoscaling disabled and size set to 0", pool="docsy-ml/train/train-a100")
    FL(add(t, seconds=5), "WARNING", "autoscaling disabled and size set to 0", pool="docsy-prod/prod-waw/ocr-gpu")
    FL(add(t, seconds=6), "INFO", "enforcement done: 2 node pools scaled to 0", durationMs=5843 + rng.randint(0, 400))
inc.json("logging-read-fn.json", [e for _, e in sorted(fl, key=lambda x: x[0], reverse=True)])

# ---------------------------------------------------------------- ocr-worker (python-json-logger, Warsaw local time, no offset)
ow = []


def OW(t, lvl, name, msg, **kw):
    lt = local(t, WTZ)
    ow.append((t, jline({"asctime": lt.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % (lt.microsecond // 1000), "levelname": lvl,
                         "name": name, "message": msg, **kw})))


ERA0 = ["ocr-worker-7c9d6b54f-%s" % x for x in ("k2x8p", "q7m4n", "v9h2c", "b5r1t", "d8w3z", "f4n6j")]
ERA1 = ["ocr-worker-7c9d6b54f-%s" % x for x in ("x4c7r", "h2s9l", "m6y5x", "j7p3d", "n8q2w", "t1e6b", "z0a9f", "c5u4g")]
ERA2 = ["ocr-worker-7c9d6b54f-%s" % x for x in ("r3g8u", "a1b2c", "c3d4e", "e5f6g", "g7h8i", "i9j0k", "k1l2m", "m3n4o", "o5p6q",
                                                  "q7r8s", "s9t0u", "u1v2w", "w3x4y", "y5z6a", "b7c8d", "d9e0f")]


def pods_at(t):
    n = ocr_nodes(t) * 2
    if t < STARTED:
        return ERA0[:n]
    if t < DOWN2:
        return ERA1[:n]
    return ERA2[:n]


for t in frange(add(R0, seconds=13), W1, 60):
    for p in pods_at(t):
        tt = add(t, seconds=rng.random() * 5)
        catching_up = STARTED <= t and age(t) > BASE + 5
        n = rng.randint(34, 46) if not catching_up else rng.randint(70, 84)
        OW(tt, "INFO", "ocr.worker.stats", "batch stats", hostname=p, docs=n, pages=n * rng.randint(3, 5),
           p50_ms=rng.randint(1100, 1500), subscription="ocr-jobs", backlog_mode=catching_up)
for t in poisson_times(rng, R0, W1, 1 / 75.0):
    ps = pods_at(t)
    if ps:
        OW(t, "WARNING", "ocr.pipeline.deskew", "page rotation heuristic failed, falling back to 0 deg", hostname=rng.choice(ps),
           doc_id="doc_" + hexid(rng, 12), page=rng.randint(1, 9))
for down, n in ((STARTED, 6), (DOWN2, 8)):
    before = pods_at(add(down, seconds=-20))
    for i, p in enumerate(before):
        tt = add(down, seconds=0.3 + i * 0.8)
        OW(tt, "WARNING", "ocr.worker", "received SIGTERM, shutting down", hostname=p)
        OW(add(tt, seconds=0.4), "WARNING", "ocr.worker", "nacked in-flight messages", hostname=p, count=rng.randint(2, 4), subscription="ocr-jobs")
for up in (UP1, UP2):
    for i, p in enumerate(pods_at(add(up, seconds=5))):
        tt = add(up, seconds=i * 1.3)
        OW(tt, "INFO", "ocr.worker", "model loaded", hostname=p, model="docsy-ocr-v14", device="cuda:0", load_ms=rng.randint(8000, 9500))
        OW(add(tt, seconds=0.8), "INFO", "ocr.worker", "subscribed", hostname=p, subscription="ocr-jobs", max_outstanding=4)
inc.lines("ocr-worker.jsonl", [l for _, l in sorted(ow, key=lambda x: x[0])])

# ---------------------------------------------------------------- kube events (prod-waw)
k = Kube(rng)
POOL_NODES1 = ["gke-prod-waw-ocr-gpu-5f2c1a9e-%s" % s for s in ("9kqd", "l2vx", "t7wp")]
for i, n in enumerate(POOL_NODES1):
    k.ev(add(STARTED, seconds=-2 + i), "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n)
for i, p in enumerate(ERA0):
    k.ev(add(STARTED, seconds=i), "ocr", "Pod", p, "Killing", "Stopping container ocr-worker", host=POOL_NODES1[i // 2])
for i, n in enumerate(POOL_NODES1):
    k.ev(add(STARTED, seconds=48 + i * 3), "", "Node", n, "RemovingNode", "Node %s event: Removing Node %s from Controller" % (n, n),
         component="node-controller")
k.ev(add(STARTED, minutes=9), "ocr", "Pod", ERA1[0], "FailedScheduling",
     "0/18 nodes are available: 18 node(s) didn't match Pod's node affinity/selector. preemption: 0/18 nodes are available: 18 Preemption is not helpful for scheduling.",
     type_="Warning", component="default-scheduler", count=38, first=add(STARTED, seconds=34))
k.ev(add(STARTED, minutes=9), "ocr", "Pod", ERA1[0], "NotTriggerScaleUp",
     "pod didn't trigger scale-up: 3 node(s) didn't match Pod's node affinity/selector, 1 not ready for scale-up (node group gke-prod-waw-ocr-gpu-5f2c1a9e has autoscaling disabled)",
     component="cluster-autoscaler", count=29, first=add(STARTED, seconds=40))
POOL_NODES2 = ["gke-prod-waw-ocr-gpu-5f2c1a9e-%s" % s for s in ("2bhm", "c8ns", "p0ek", "w5ty")]
for i, n in enumerate(POOL_NODES2):
    k.ev(add(UP1, seconds=-55 + i * 4), "", "Node", n, "RegisteredNode", "Node %s event: Registered Node %s in Controller" % (n, n), component="node-controller")
    k.ev(add(UP1, seconds=-40 + i * 4), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
for i, p in enumerate(pods_at(add(UP1, seconds=5))):
    k.pod_start(add(UP1, seconds=-12 + i), "ocr", p, POOL_NODES2[i // 2], "europe-central2-docker.pkg.dev/docsy-prod/apps/ocr-worker:3.8.2", "ocr-worker")
for i, n in enumerate(POOL_NODES2):
    k.ev(add(REAPPLY, seconds=68 + i), "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n)
for i, p in enumerate(pods_at(add(UP1, seconds=5))):
    k.ev(add(DOWN2, seconds=i * 0.8), "ocr", "Pod", p, "Killing", "Stopping container ocr-worker", host=POOL_NODES2[i // 2])
k.ev(add(DOWN2, minutes=9), "ocr", "Pod", ERA2[0], "FailedScheduling",
     "0/19 nodes are available: 19 node(s) didn't match Pod's node affinity/selector. preemption: 0/19 nodes are available: 19 Preemption is not helpful for scheduling.",
     type_="Warning", component="default-scheduler", count=24, first=add(DOWN2, seconds=30))
POOL_NODES3 = ["gke-prod-waw-ocr-gpu-5f2c1a9e-%s" % s for s in ("4jfa", "8mzc", "e1qb", "g6vr", "n3kd", "s9lu")]
for i, n in enumerate(POOL_NODES3):
    k.ev(add(UP2, seconds=-38 + i * 3), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
for i, p in enumerate(ERA2[:12]):
    k.pod_start(add(UP2, seconds=-10 + i * 0.5), "ocr", p, POOL_NODES3[i // 2], "europe-central2-docker.pkg.dev/docsy-prod/apps/ocr-worker:3.8.2", "ocr-worker")
k.ev(add(UP2, minutes=5), "ocr", "Pod", ERA2[12], "TriggeredScaleUp",
     "pod triggered scale-up: [{https://www.googleapis.com/compute/v1/projects/docsy-prod/zones/europe-central2-b/instanceGroups/gke-prod-waw-ocr-gpu-5f2c1a9e-grp 6->8 (max: 8)}]",
     component="cluster-autoscaler")
# other team's rollout inside the window
k.ev(OTHER_DEPLOY, "billing", "Deployment", "billing-web", "ScalingReplicaSet", "Scaled up replica set billing-web-6f8b7d9c45 to 1 from 0",
     component="deployment-controller")
for i in range(3):
    k.pod_start(add(OTHER_DEPLOY, seconds=2 + i * 25), "billing", "billing-web-6f8b7d9c45-%s" % ("hq2lp", "mx8rt", "zz4kd")[i],
                "gke-prod-waw-web-0a7e31c2-%s" % ("8vfd", "k2qp", "r9xw")[i], "europe-central2-docker.pkg.dev/docsy-prod/apps/billing-web:2026.05.12-1", "billing-web")
k.ev(add(OTHER_DEPLOY, seconds=80), "billing", "Deployment", "billing-web", "ScalingReplicaSet", "Scaled down replica set billing-web-5d4c8b7f66 to 0 from 1",
     component="deployment-controller")
# daily failing cronjob
c = CRON[-1]
k.ev(add(c, seconds=-64), "docs", "CronJob", "invoice-archive", "SuccessfulCreate", "Created job invoice-archive-29117835", component="cronjob-controller")
k.ev(c, "docs", "Job", "invoice-archive-29117835", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(c, seconds=1), "docs", "CronJob", "invoice-archive", "SawCompletedJob", "Saw completed job: invoice-archive-29117835, condition: Failed", component="cronjob-controller")
inc.json("kubectl-get-events.json", k.core_list())

# ---------------------------------------------------------------- prometheus query_range
qs = [({"__name__": "stackdriver_pubsub_subscription_pubsub_googleapis_com_subscription_oldest_unacked_message_age",
        "job": "stackdriver-exporter", "project_id": "docsy-prod", "subscription_id": "ocr-jobs"}, lambda t: round(age(t) + rng.uniform(-3, 3))),
      ({"label_cloud_google_com_gke_nodepool": "ocr-gpu"}, lambda t: ocr_nodes(t)),
      ({"label_cloud_google_com_gke_nodepool": "web"}, lambda t: 9 + (1 if local(t, WTZ).hour >= 12 else 0))]
inc.json("query_range.json", query_range(qs, W0, W1, 30, fmt="%g"), indent=None)

# ---------------------------------------------------------------- alertmanager webhook archive (ndjson)
hk = []


def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts))))


ocr_lab = {"severity": "warning", "team": "docs-platform", "subscription_id": "ocr-jobs", "project_id": "docsy-prod"}
crit_lab = dict(ocr_lab, severity="page")
H(add(WARN, seconds=30), "slack-docs", [am_alert("OcrQueueAgeHigh", ocr_lab, "ocr-jobs oldest unacked message 10m 14s old", WARN,
                                                  desc="OCR backlog: documents wait more than 5 minutes to be processed")])
H(add(CRIT, seconds=1), "pagerduty-docs", [am_alert("OcrQueueAgeCritical", crit_lab, "ocr-jobs oldest unacked message 22m 44s old", CRIT,
                                                     desc="Uploaded documents are not being processed (age > 15m)")])
H(add(CRIT_OK, seconds=30), "pagerduty-docs", [am_alert("OcrQueueAgeCritical", crit_lab, "ocr-jobs oldest unacked message 22m 44s old", CRIT, ends=CRIT_OK)])
H(add(WARN_OK, seconds=30), "slack-docs", [am_alert("OcrQueueAgeHigh", ocr_lab, "ocr-jobs oldest unacked message 10m 14s old", WARN, ends=WARN_OK)])
for c in CRON:
    jl = {"severity": "warning", "team": "docs-platform", "namespace": "docs", "job_name": "invoice-archive-%d" % (29117835 - 1440 * (12 - c.day))}
    H(add(c, minutes=2, seconds=10), "slack-docs", [am_alert("KubeJobFailed", jl, "Job docs/%s failed to complete." % jl["job_name"], add(c, minutes=1, seconds=40))])
    H(add(c, hours=3, seconds=15), "slack-docs", [am_alert("KubeJobFailed", jl, "Job docs/%s failed to complete." % jl["job_name"], add(c, minutes=1, seconds=40),
                                                             ends=add(c, hours=3))])
rl = {"severity": "warning", "team": "search", "service": "search-redis", "instance": "redis-search-1:9121"}
for a, b in ((T(D + "09:20:15"), T(D + "09:26:45")), (T(D + "10:31:15"), T(D + "10:35:15")), (T(D + "11:09:45"), T(D + "11:14:15"))):
    H(add(a, seconds=25), "slack-search", [am_alert("RedisReplicationLag", rl, "search-redis replica lag 12s", a)])
    H(add(b, seconds=25), "slack-search", [am_alert("RedisReplicationLag", rl, "search-redis replica lag 12s", a, ends=b)])
inc.lines("am-webhooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---------------------------------------------------------------- pagerduty
pd = PD(4417, "OcrQueueAgeCritical ocr-jobs oldest unacked message 22m 44s old", "docs-ocr", "PDOCR01")
marta = PD.user("Marta Zielinska", "PMARTAZ")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMDOC1", "summary": "Alertmanager prod-waw"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Marta Zielinska by push notification.", user=marta,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Marta Zielinska by SMS.", user=marta,
       notification={"type": "sms_notification", "status": "success", "address": "+4860*****71"})
pd.add(ACK, "acknowledge_log_entry", marta, {"type": "mobile"}, "Acknowledged by Marta Zielinska.", acknowledgement_timeout=1800)
pd.add(add(DIAG, seconds=50), "annotate_log_entry", marta, {"type": "web_ui", "summary": "budget-guard (FinOps) resized ocr-gpu to 0 at 09:41 UTC"}, "Note added")
pd.add(add(ACK, minutes=30), "unacknowledge_log_entry", None, {"type": "timeout"}, "Unacknowledged due to timeout.")
pd.add(add(ACK, minutes=30, seconds=41), "acknowledge_log_entry", marta, {"type": "mobile"}, "Acknowledged by Marta Zielinska.")
pd.add(add(CRIT_OK, seconds=31), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager (auto-resolve disabled for this service)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marta, {"type": "web_ui"}, "Resolved by Marta Zielinska.")
inc.json("pd-log-entries.json", pd.export())

# ---------------------------------------------------------------- slack
s = Slack()
for u, n, r in [("U04MARTA", "marta", "Marta Zielinska"), ("U04TOMW", "tomasz", "Tomasz Wrobel"), ("U04KASIA", "kasia.l", "Katarzyna Lis"),
                ("U04PRIYA", "priya", "Priya Nair"), ("U04PIOTR", "piotr.b", "Piotr Baran"), ("U04EWA", "ewa.s", "Ewa Sikora")]:
    s.user(u, n, r, "Europe/Warsaw" if u != "U04PRIYA" else "Europe/London")
for cid, n, p in [("C04DOCAL", "docs-alerts", "Alertmanager for docs-platform"), ("C04INC", "inc-ocr-backlog", "OCR backlog 12 May"),
                  ("C04FIN", "finops", "Cloud cost questions"), ("C04STAT", "status-page", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("docs-alerts", add(c, minutes=2, seconds=11), "B04AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job docs/invoice-archive failed to complete.", color="warning"))
s.bot("docs-alerts", add(WARN, seconds=31), "B04AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OcrQueueAgeHigh", "ocr-jobs oldest unacked message 10m 14s old", color="warning"))
s.bot("docs-alerts", add(CRIT, seconds=2), "B04AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OcrQueueAgeCritical", "ocr-jobs oldest unacked message 22m 44s old"))
s.bot("docs-alerts", add(CRIT_OK, seconds=31), "B04AM", "alertmanager", attachments=am_slack_attachment("resolved", "OcrQueueAgeCritical", "ocr-jobs backlog age below 15m"))
s.bot("docs-alerts", add(WARN_OK, seconds=31), "B04AM", "alertmanager", attachments=am_slack_attachment("resolved", "OcrQueueAgeHigh", "ocr-jobs backlog age below 5m"))
s.say("docs-alerts", add(WARN, minutes=3), "U04PIOTR", "ocr backlog warning again? last time it was a big batch import from a bank customer, probably that")
ch = "inc-ocr-backlog"
s.say(ch, add(ACK, seconds=35), "U04MARTA", "acked. ocr-jobs backlog 22 min and growing (first nack 09:42:31). no ocr-worker pods running at all, they're Pending: node selector ocr-gpu, 0 nodes in that pool")
s.say(ch, WRONG, "U04TOMW", "Tuesday morning is our GKE maintenance window, maybe a node auto-upgrade recreating the gpu pool?")
s.say(ch, add(WRONG, seconds=70), "U04MARTA", "no upgrade operation in the cluster ops list, and autoscaling on the pool shows disabled. someone changed the pool")
s.say(ch, ROLLBACK_Q, "U04KASIA", "billing-web went out at 09:50, should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U04MARTA", "billing-web doesn't touch ocr, and the backlog starts 09:42. leave it")
s.say(ch, DIAG, "U04MARTA", "found it in the audit log: SetNodePoolAutoscaling(disabled) + SetNodePoolSize(0) on prod-waw/ocr-gpu at 09:41:12 by budget-guard@docsy-finops - the FinOps budget guard. the pool has label cost-center=ml (the OCR model belongs to ML), so it got treated like the training pools")
s.say(ch, add(DIAG, seconds=80), "U04MARTA", "re-enabling autoscaling 2-8 and resizing ocr-gpu to 4 by hand")
s.say(ch, add(UP1, seconds=60), "U04MARTA", "4 nodes up, 8 workers consuming, backlog age going down slowly")
s.say(ch, add(REAPPLY, minutes=2), "U04TOMW", "ocr-gpu pool just went to 0 again??")
s.say(ch, DIAG2, "U04MARTA", "it happened again at 10:42:09, same service account. budget-guard runs on every budget notification (roughly hourly) and re-applies. we need FinOps to switch it off before we resize, or it'll undo us again")
s.say(ch, add(DIAG2, seconds=95), "U04MARTA", "@priya can you disable budget-guard now? it is scaling production ocr-gpu to zero")
s.say(ch, add(TRIG_DEL, seconds=30), "U04PRIYA", "deleted the eventarc trigger budget-guard-trigger, the function won't get budget messages any more. sorry - the cost-center=ml selector was meant for docsy-ml only")
s.say(ch, add(FIX2, seconds=25), "U04MARTA", "resized ocr-gpu to 6, autoscaling 4-8 so it can go to max while we catch up")
s.say(ch, add(UP2, minutes=4), "U04MARTA", "12 workers consuming, age dropping ~2.4s per second")
s.say(ch, add(MITIGATED, seconds=100), "U04MARTA", "backlog drained, oldest message at 45s, normal. new uploads are processed within a minute again")
s.say(ch, add(RESOLVED, seconds=-40), "U04MARTA", "stable for 20 min, resolving. follow-ups: guard selector scoped to docsy-ml, exclude env=prod, remove cost-center=ml from ocr-gpu (use cost-center=docs)")
s.say("finops", add(FN1, minutes=3), "U04PRIYA", "ml-monthly budget crossed 100% (train-a100 ran all weekend), budget-guard kicked in as designed")
s.say("finops", add(TRIG_DEL, minutes=20), "U04PRIYA", "budget-guard stays off until the selector has a project allow-list. the training pool stays at 0 until ML asks")
s.bot("status-page", STATUS, "B04SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - Document processing delayed",
                    "title": "Investigating - Document processing delayed",
                    "text": "Uploaded documents are taking longer than usual to be processed. Signing is not affected.", "mrkdwn_in": ["text"]}])
s.bot("status-page", add(MITIGATED, minutes=3), "B04SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Monitoring - Document processing", "title": "Monitoring - Document processing",
                    "text": "Processing has caught up. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status-page", add(RESOLVED, minutes=2), "B04SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved - Document processing", "title": "Resolved - Document processing",
                    "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "docsy-budget-nodepool", "cost-guard-automation-scales-prod-pool-to-zero-reapplies",
    "FinOps' budget-guard Cloud Function, on the ML budget passing 100%, disabled autoscaling and set every node pool labelled\n"
    "cost-center=ml to 0, including production ocr-gpu; OCR stopped, a manual resize was undone by the next budget notification, and deleting the trigger then resizing ended it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "budget-guard sets prod-waw/ocr-gpu autoscaling off and size 0", "logging-read-audit.json", 60),
     (STARTED, "first_symptom", "ocr-gpu nodes cordoned, ocr-worker pods killed; backlog starts", "kubectl-get-events.json", 90),
     (WARN, "alert_fired", "OcrQueueAgeHigh warning fires", "am-webhooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4417 triggered (OcrQueueAgeCritical)", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Marta acknowledges", "pd-log-entries.json", 60),
     (DIAG, "diagnosis", "Marta: audit log shows budget-guard resized ocr-gpu to 0 (cost-center=ml label)", "slack", 90),
     (FIX1, "mitigation", "manual autoscaling 2-8 + resize ocr-gpu to 4 (partial: undone at 10:42)", "logging-read-audit.json", 60),
     (REAPPLY, "change", "next budget notification: budget-guard sets ocr-gpu to 0 again", "logging-read-audit.json", 60),
     (TRIG_DEL, "mitigation", "Priya deletes the budget-guard Eventarc trigger", "logging-read-audit.json", 60),
     (FIX2, "mitigation", "ocr-gpu resized to 6, autoscaling 4-8", "logging-read-audit.json", 60),
     (MITIGATED, "recovery", "ocr-jobs backlog drained, oldest message age back to ~45 s", "query_range.json", 120),
     (RESOLVED, "resolved", "PagerDuty #4417 resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "invoice-archive CronJob fails every day at ~09:15 UTC (KubeJobFailed daily since the 9th)", "kubectl-get-events.json"),
     (OTHER_DEPLOY, "billing team's billing-web rollout", "kubectl-get-events.json"),
     (T(D + "09:20:15"), "RedisReplicationLag for search-redis, flapping (search team)", "am-webhooks.ndjson"),
     (FN_EARLY, "budget-guard run below threshold, no action", "logging-read-fn.json"),
     (WRONG, "wrong hunch: GKE maintenance-window node auto-upgrade", "slack"),
     (ROLLBACK_Q, "'should we roll back?' billing-web, not done", "slack"),
     (add(WARN, minutes=3), "wrong hunch: big batch import from a bank customer", "slack"),
     (T(D + "10:00:00"), "steady page-rotation heuristic warnings all window", "ocr-worker.jsonl")],
    [("logging-read-audit.json", "deploys"), ("logging-read-fn.json", "logs"), ("ocr-worker.jsonl", "logs", WTZ),
     ("kubectl-get-events.json", "kube-events"), ("query_range.json", "prometheus-query-range"),
     ("am-webhooks.ndjson", "alertmanager-webhook"), ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
print("mitigated", iso(MITIGATED), "crit_ok", iso(CRIT_OK), "warn_ok", iso(WARN_OK))
