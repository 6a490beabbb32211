"""retired15/haulio-spot-vcpu-quota: a spot reclaim wave takes 11 of the quote-api nodes; Karpenter finds no c6i/c6a spot
capacity and its on-demand fallback hits the account's On-Demand Standard vCPU quota; widening the NodePool only partly helps,
the quota increase through a support case ends it."""
import random
from common import *

rng = random.Random(20260820)
inc = Incident("retired15", "haulio-spot-vcpu-quota")
D = "2026-08-20 "
W0, W1 = T(D + "13:30:00"), T(D + "16:30:00")
CRON = [T("2026-08-%02d 14:00:%02d" % (d, 20 + d)) for d in (17, 18, 19, 20)]

STARTED = T(D + "13:58:41")
IMPACT = T(D + "14:00:50")
PENDING_ALERT = T(D + "14:04:00")
ERR_ALERT = T(D + "14:06:30")
PAGE = T(D + "14:06:31")
OTHER_DEPLOY = T(D + "14:10:05")
WRONG = T(D + "14:12:20")
ROLLBACK_Q = T(D + "14:15:30")
ESCALATE = T(D + "14:21:31")
ACK = T(D + "14:23:10")
STATUS = T(D + "14:28:00")
DIAG = T(D + "14:31:40")
QUOTA_REQ = T(D + "14:34:58")
CASE = T(D + "14:35:50")
COMMIT = T(D + "14:37:02")
SYNC = T(D + "14:38:20")
PARTIAL_UP = T(D + "14:41:10")
AWS_REPLY = T(D + "14:49:12")
APPROVED = T(D + "15:02:10")
OD_LAUNCH = T(D + "15:02:41")
MITIGATED = T(D + "15:05:40")
PEND_OK = T(D + "15:08:00")
ERR_OK = T(D + "15:09:30")
CASE_CLOSED = T(D + "15:41:00")
RESOLVED = T(D + "15:52:00")
KCOMMIT = "490ef94"


def err_ratio(t):
    if t < IMPACT or t >= MITIGATED:
        return 0.002
    if t < PARTIAL_UP:
        return min(0.31, 0.04 + (t - IMPACT).total_seconds() / 900.0)
    return 0.09


# ---------------------------------------------------------------- karpenter controller logs (zap JSON)
kl = []


def KL(t, lvl, msg, **kw):
    kl.append((t, jline({"level": lvl, "time": iso(t, ms=True), "logger": "controller", "message": msg, "commit": KCOMMIT, **kw})))


def nc(seed):
    return "spot-compute-" + "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))


NODES = ["ip-10-40-%d-%d.eu-central-1.compute.internal" % (rng.choice([12, 44, 76]), rng.randint(10, 250)) for _ in range(16)]
CLAIMS = [nc(i) for i in range(16)]
ICE = ("creating instance, insufficient capacity, with fleet error(s), InsufficientInstanceCapacity: We currently do not have sufficient %s "
       "capacity in the Availability Zone you requested (eu-central-1%s). Our system will be working on provisioning additional capacity. "
       "You can currently get %s capacity by not specifying an Availability Zone in your request or choosing eu-central-1%s.; "
       "UnfulfillableCapacity: Unable to fulfill capacity due to your request configuration. Please adjust your request and try again.")
VCPU = ("creating instance, with fleet error(s), VcpuLimitExceeded: You have requested more vCPU capacity than your current vCPU limit of 384 "
        "allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request "
        "to request an adjustment to this limit.")
# routine consolidation before the incident (benign)
for t in (T(D + "13:34:12"), T(D + "13:46:55")):
    KL(t, "INFO", "disrupting nodeclaim(s) via delete, terminating 1 nodes (0 pods) %s/m6a.large/on-demand" % NODES[0].replace("12", "9", 1),
       controller="disruption", namespace="", name="", reconcileID=uuid(str(t)), command_id=uuid("c" + str(t)), reason="empty")
for i in range(11):
    t = add(STARTED, seconds=i * 9.3)
    KL(t, "INFO", "initiating delete from interruption message", controller="interruption", namespace="", name="", reconcileID=uuid("i%d" % i),
       queue="karpenter-prod-euc1", messageKind="spot_interrupted", NodeClaim={"name": CLAIMS[i]}, action="CordonAndDrain", Node={"name": NODES[i]})
pend_pods = ["quote/quote-api-6d9f7c8b5-%s" % hexid(rng, 5) for _ in range(24)]
retry = add(STARTED, seconds=14)
ATTEMPT_END = OD_LAUNCH
n = 0
while retry < ATTEMPT_END:
    still = 24 if retry < PARTIAL_UP else 14
    KL(retry, "INFO", "found provisionable pod(s)", controller="provisioner", namespace="", name="", reconcileID=uuid("p%d" % n),
       Pods=", ".join(pend_pods[:5]) + " and %d other(s)" % (still - 5), duration="%.1fms" % rng.uniform(30, 80))
    KL(add(retry, seconds=0.05), "INFO", "computed new nodeclaim(s) to fit pod(s)", controller="provisioner", namespace="", name="",
       reconcileID=uuid("p%d" % n), nodeclaims=3 if still == 24 else 2, pods=still)
    for j in range(3 if still == 24 else 2):
        c = nc(n * 10 + j)
        wide = retry >= SYNC
        its = "c6a.4xlarge, c6a.8xlarge, c6i.4xlarge, c6i.8xlarge" if not wide else "c6a.4xlarge, c6a.8xlarge, c6i.4xlarge, c6i.8xlarge, c7i.4xlarge, c7i.8xlarge, m6a.4xlarge, m6i.4xlarge, m6i.8xlarge, r6i.4xlarge and 4 other(s)"
        KL(add(retry, seconds=0.1 + j * 0.02), "INFO", "created nodeclaim", controller="provisioner", namespace="", name="", reconcileID=uuid("p%d" % n),
           NodePool={"name": "spot-compute"}, NodeClaim={"name": c}, requests={"cpu": "%dm" % rng.randint(13800, 14900), "memory": "27Gi", "pods": "9"},
           **{"instance-types": its})
        tt = add(retry, seconds=2.2 + rng.random() + j * 0.3)
        if wide and retry < add(SYNC, seconds=60) and j < 2 and n % 2 == 0:
            continue
        it = rng.choice(["c6i.4xlarge", "c6a.4xlarge"])
        az = rng.choice("abc")
        KL(tt, "ERROR", "failed launching nodeclaim", controller="nodeclaim.lifecycle", controllerGroup="karpenter.sh", controllerKind="NodeClaim",
           NodeClaim={"name": c}, namespace="", name=c, reconcileID=uuid("l%d%d" % (n, j)),
           error=(ICE % (it, az, it, "abc".replace(az, "")[0])) if (j % 2 == 0 or rng.random() < 0.3) else VCPU)
    n += 1
    retry = add(retry, seconds=rng.uniform(38, 70))
# partial: spot in other families after the NodePool change
for i, (it, az) in enumerate([("m6i.4xlarge", "a"), ("m6i.4xlarge", "b"), ("c7i.4xlarge", "a"), ("m6a.4xlarge", "c"), ("r6i.4xlarge", "b")]):
    c = CLAIMS[11 + i]
    t = add(SYNC, seconds=31 + i * 2.1)
    KL(t, "INFO", "launched nodeclaim", controller="nodeclaim.lifecycle", controllerGroup="karpenter.sh", controllerKind="NodeClaim", NodeClaim={"name": c},
       namespace="", name=c, reconcileID=uuid("L%d" % i), **{"provider-id": "aws:///eu-central-1%s/i-0%s" % (az, hexid(rng, 16)), "instance-type": it,
                                                             "zone": "eu-central-1" + az, "capacity-type": "spot", "allocatable": {"cpu": "15890m", "memory": "57691Mi", "pods": "110"}})
    KL(add(t, seconds=44 + i), "INFO", "registered nodeclaim", controller="nodeclaim.lifecycle", NodeClaim={"name": c}, Node={"name": "ip-10-40-44-%d.eu-central-1.compute.internal" % (60 + i)})
    KL(add(t, seconds=58 + i), "INFO", "initialized nodeclaim", controller="nodeclaim.lifecycle", NodeClaim={"name": c}, Node={"name": "ip-10-40-44-%d.eu-central-1.compute.internal" % (60 + i)},
       allocatable={"cpu": "15890m", "memory": "57691Mi", "pods": "110"})
for i in range(3):
    c = nc(900 + i)
    t = add(OD_LAUNCH, seconds=0.2 + i * 0.4)
    KL(add(t, seconds=-2.5), "INFO", "created nodeclaim", controller="provisioner", namespace="", name="", reconcileID=uuid("od"), NodePool={"name": "spot-compute"},
       NodeClaim={"name": c}, requests={"cpu": "14620m", "memory": "27Gi", "pods": "9"}, **{"instance-types": "c6a.4xlarge, c6a.8xlarge, c6i.4xlarge, c6i.8xlarge, c7i.4xlarge, c7i.8xlarge, m6a.4xlarge, m6i.4xlarge, m6i.8xlarge, r6i.4xlarge and 4 other(s)"})
    KL(t, "INFO", "launched nodeclaim", controller="nodeclaim.lifecycle", controllerGroup="karpenter.sh", controllerKind="NodeClaim", NodeClaim={"name": c},
       namespace="", name=c, reconcileID=uuid("od%d" % i), **{"provider-id": "aws:///eu-central-1%s/i-0%s" % ("abc"[i], hexid(rng, 16)), "instance-type": "c6i.4xlarge",
                                                               "zone": "eu-central-1" + "abc"[i], "capacity-type": "on-demand", "allocatable": {"cpu": "15890m", "memory": "27532Mi", "pods": "110"}})
    KL(add(t, seconds=62 + i), "INFO", "initialized nodeclaim", controller="nodeclaim.lifecycle", NodeClaim={"name": c}, Node={"name": "ip-10-40-76-%d.eu-central-1.compute.internal" % (30 + i)},
       allocatable={"cpu": "15890m", "memory": "27532Mi", "pods": "110"})
for t in (T(D + "15:31:40"), T(D + "15:47:05")):
    KL(t, "INFO", "disrupting nodeclaim(s) via replace, terminating 1 nodes (9 pods) ip-10-40-76-30.eu-central-1.compute.internal/c6i.4xlarge/on-demand and replacing with spot node from types m6i.4xlarge, c6i.4xlarge, c6a.4xlarge",
       controller="disruption", namespace="", name="", reconcileID=uuid(str(t)), command_id=uuid("d" + str(t)), reason="underutilized")
inc.lines("karpenter-controller.log", [l for _, l in sorted(kl, key=lambda x: x[0])])

# ---------------------------------------------------------------- ALB access log (gz)
al = []
TG = "arn:aws:elasticloadbalancing:eu-central-1:481736509215:targetgroup/k8s-quote-quoteapi-5b1e0c7a2d/73e2d6bc24d8a067"
CERT = "arn:aws:acm:eu-central-1:481736509215:certificate/9c2f8b1e-44d0-4a51-9e1d-2f6f0a1c7b33"
UAS = ["okhttp/4.12.0", "Haulio-Carrier-App/6.3.1 (iPhone; iOS 19.6)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36",
       "python-requests/2.32.3", "Go-http-client/2.0"]
for t in poisson_times(rng, W0, W1, 0.5):
    ip = "%d.%d.%d.%d" % (rng.choice([31, 46, 78, 85, 91, 188, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    tgt = "10.40.%d.%d" % (rng.choice([12, 44, 76]), rng.randint(10, 250))
    r = rng.random()
    path, m = (("/v2/quotes", "POST") if r < 0.55 else ("/v2/quotes/%s" % hexid(rng, 10), "GET") if r < 0.8 else ("/v2/lanes/search?origin=DEHAM&dest=PLWAW", "GET") if r < 0.97 else ("/favicon.ico", "GET"))
    e = err_ratio(t)
    rpt, tpt, spt = 0.000, rng.uniform(0.03, 0.25), 0.000
    elb, ts, sent = 200, "200", rng.randint(600, 4000)
    tl, tsl, reason = "%s:8080" % tgt, "200", "-"
    if path == "/favicon.ico":
        elb, ts, sent = 404, "404", 153
    if rng.random() < e:
        if rng.random() < 0.65:
            elb, ts, sent, tpt = 503, "503", 98, rng.uniform(0.001, 0.01)
            tsl = "503"
        else:
            elb, ts, sent, tpt, rpt, spt = 504, "-", 0, -1, -1, -1
            tl, tsl, reason = "%s:8080" % tgt, "-", "TargetResponseTimeout"
    elif rng.random() < 0.004:
        elb, ts, sent, tpt, rpt, spt = 460, "-", 0, -1, -1, -1
        tl, tsl = "%s:8080" % tgt, "-"
    elif STARTED <= t < MITIGATED:
        tpt = rng.uniform(0.4, 4.5)
    tstr = iso_us(t)
    req_t = iso_us(add(t, seconds=-(tpt if tpt > 0 else 10.0)))
    line = ('https %s app/k8s-prod-quoteapi-4f1e2d3c4b/50dc6c495c0c9188 %s:%d %s %.3f %.3f %.3f %d %s %d %d "%s https://api.haulio.eu:443%s HTTP/2.0" "%s" '
            'TLS_AES_128_GCM_SHA256 TLSv1.3 %s "Root=1-%08x-%s" "api.haulio.eu" "%s" 1 %s "forward" "-" "%s" "%s" "%s" "-" "-" TID_%s') % (
        tstr, ip, rng.randint(1024, 65535), "%s:8080" % tgt if ts != "-" or elb == 504 else "-", rpt, tpt, spt, elb, ts,
        rng.randint(200, 1400), sent, m, path, rng.choice(UAS), TG, int(epoch(t)), hexid(rng, 24), CERT, req_t, reason, tl, tsl, hexid(rng, 32))
    al.append((t, line))
ALBF = "alb/481736509215_elasticloadbalancing_eu-central-1_app.k8s-prod-quoteapi-4f1e2d3c4b.50dc6c495c0c9188_20260820T1330Z_3.70.14.9_5f8e2b1c.log.gz"
inc.lines(ALBF,
          [l for _, l in sorted(al, key=lambda x: x[0])])

# ---------------------------------------------------------------- kube events (events.k8s.io/v1)
k = Kube(rng)
for i in range(11):
    t = add(STARTED, seconds=i * 9.3 + 0.4)
    k.ev(t, "", "Node", NODES[i], "SpotInterrupted", "Spot interruption warning was triggered", type_="Warning", component="karpenter", action="SpotInterrupted")
    k.ev(add(t, seconds=0.2), "", "Node", NODES[i], "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % NODES[i], host=NODES[i])
    for j in range(2 if i < 2 else 2 + (i % 2)):
        pod = "quote-api-6d9f7c8b5-" + hexid(rng, 5)
        k.ev(add(t, seconds=1 + j * 0.3), "quote", "Pod", pod, "Evicted", "Evicted pod: Interruption", type_="Normal", component="karpenter", action="Evict")
    k.ev(add(STARTED, seconds=120 + i * 9.3), "", "Node", NODES[i], "RemovingNode", "Node %s event: Removing Node %s from Controller" % (NODES[i], NODES[i]), component="node-controller")
k.ev(add(ACK, minutes=1), "quote", "Pod", pend_pods[0].split("/")[1], "FailedScheduling",
     "0/31 nodes are available: 11 node(s) had untolerated taint {karpenter.sh/disrupted: }, 20 Insufficient cpu. preemption: 0/31 nodes are available: 20 No preemption victims found for incoming pod, 11 Preemption is not helpful for scheduling.",
     type_="Warning", component="default-scheduler", count=47, first=add(STARTED, seconds=3), action="Scheduling")
for i, c in enumerate(["spot-compute-q2w9d", "spot-compute-x7k4m", "spot-compute-b9r2t"]):
    k.ev(add(DIAG, seconds=-120 + i * 3), "", "NodeClaim", c, "InsufficientCapacityError",
         "NodeClaim %s event: creating instance, insufficient capacity, with fleet error(s), InsufficientInstanceCapacity: We currently do not have sufficient c6i.4xlarge capacity in the Availability Zone you requested (eu-central-1%s)." % (c, "abc"[i]),
         type_="Warning", component="karpenter", action="Launch")
for i in range(5):
    n_ = "ip-10-40-44-%d.eu-central-1.compute.internal" % (60 + i)
    k.ev(add(SYNC, seconds=76 + i * 3), "", "Node", n_, "NodeReady", "Node %s status is now: NodeReady" % n_, host=n_)
for i in range(3):
    n_ = "ip-10-40-76-%d.eu-central-1.compute.internal" % (30 + i)
    k.ev(add(OD_LAUNCH, seconds=60 + i * 2), "", "Node", n_, "NodeReady", "Node %s status is now: NodeReady" % n_, host=n_)
    for j in range(3):
        k.ev(add(OD_LAUNCH, seconds=75 + i * 2 + j), "quote", "Pod", pend_pods[14 + i * 3 + j].split("/")[1], "Started", "Started container quote-api", host=n_)
# other team's rollout
k.ev(OTHER_DEPLOY, "tracking", "Deployment", "tracking-ui", "ScalingReplicaSet", "Scaled up replica set tracking-ui-85b7c6d4f9 to 2 from 0", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=48), "tracking", "Deployment", "tracking-ui", "ScalingReplicaSet", "Scaled down replica set tracking-ui-7f6d5c4b3a to 0 from 2", component="deployment-controller")
# daily failing cronjob
c = CRON[-1]
k.ev(add(c, seconds=-20), "carriers", "CronJob", "carrier-sync", "SuccessfulCreate", "Created job carrier-sync-29262840", component="cronjob-controller")
k.ev(c, "carriers", "Job", "carrier-sync-29262840", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("events.json", k.v1_list())

# ---------------------------------------------------------------- prometheus query_range
def nodes(cap):
    def f(t):
        if cap == "spot":
            if t < add(STARTED, seconds=120):
                return 16
            if t < add(SYNC, seconds=76):
                return 5
            return 10
        return 0 if t < add(OD_LAUNCH, seconds=60) else 3
    return f


inc.json("prom.json", query_range(
    [({"service": "quote-api", "namespace": "quote"}, lambda t: round(err_ratio(t) * rng.uniform(0.85, 1.15), 4)),
     ({"nodepool": "spot-compute", "capacity_type": "spot"}, nodes("spot")),
     ({"nodepool": "spot-compute", "capacity_type": "on-demand"}, nodes("on-demand"))],
    W0, W1, 30, fmt="%g"), indent=None)

# ---------------------------------------------------------------- service quotas request history (filed as deploys)
REQ = "arn:aws:sts::481736509215:assumed-role/AWSReservedSSO_PlatformAdmin_2b8e1f0c9d4a7e61/%s"
rq = [
    {"Id": "e4c0a1f2b7d94c4f8a6b" + hexid(rng, 12), "CaseId": "17630422551", "ServiceCode": "ec2", "ServiceName": "Amazon Elastic Compute Cloud (Amazon EC2)",
     "QuotaCode": "L-1216C47A", "QuotaName": "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", "DesiredValue": 1024.0, "Status": "APPROVED",
     "Created": iso_us(QUOTA_REQ).replace("Z", "+00:00"), "LastUpdated": iso_us(add(APPROVED, seconds=0.118)).replace("Z", "+00:00"), "Requester": REQ % "chloe.martin@haulio.eu",
     "QuotaArn": "arn:aws:servicequotas:eu-central-1:481736509215:ec2/L-1216C47A", "GlobalQuota": False, "Unit": "None", "QuotaRequestedAtLevel": "ACCOUNT"},
    {"Id": "71b9d3e8a0c24f1e9d2c" + hexid(rng, 12), "CaseId": "17526690412", "ServiceCode": "ec2", "ServiceName": "Amazon Elastic Compute Cloud (Amazon EC2)",
     "QuotaCode": "L-34B43A08", "QuotaName": "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests", "DesiredValue": 1024.0, "Status": "APPROVED",
     "Created": "2026-07-14T09:12:40.233000+00:00", "LastUpdated": "2026-07-14T11:48:02.517000+00:00", "Requester": REQ % "lukas.brandt@haulio.eu",
     "QuotaArn": "arn:aws:servicequotas:eu-central-1:481736509215:ec2/L-34B43A08", "GlobalQuota": False, "Unit": "None", "QuotaRequestedAtLevel": "ACCOUNT"},
    {"Id": "0c5f7e2a9b1d4e3f8c7a" + hexid(rng, 12), "ServiceCode": "ebs", "ServiceName": "Amazon Elastic Block Store (Amazon EBS)",
     "QuotaCode": "L-7A658B76", "QuotaName": "Storage for General Purpose SSD (gp3) volumes, in TiB", "DesiredValue": 100.0, "Status": "CASE_CLOSED",
     "Created": "2026-06-03T13:05:11.904000+00:00", "LastUpdated": "2026-06-03T13:06:02.001000+00:00", "Requester": REQ % "lukas.brandt@haulio.eu",
     "QuotaArn": "arn:aws:servicequotas:eu-central-1:481736509215:ebs/L-7A658B76", "GlobalQuota": False, "Unit": "None", "QuotaRequestedAtLevel": "ACCOUNT"},
]
inc.json("quota-requests.json", {"RequestedQuotas": rq}, indent=4)

# ---------------------------------------------------------------- git log (platform-karpenter), medium format
gl = []


def GC(t, who, mail, subj, body=""):
    lt = local(t, "Europe/Berlin")
    s = "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n" % (uid(subj + str(t), 40), who, mail, lt.strftime("%a %b %-d %H:%M:%S %Y %z"), subj)
    if body:
        s += "\n" + "".join("    %s\n" % b for b in body.split("\n"))
    gl.append((t, s))


GC(T("2026-08-12 10:41:19"), "Lukas Brandt", "lukas.brandt@haulio.eu", "karpenter: spot-compute to c6i/c6a 4x/8x only",
   "Fewer instance types = better bin-packing and fits the compute savings plan analysis.\nOn-demand stays allowed as fallback.")
GC(T("2026-08-18 15:02:44"), "Deniz Aydin", "deniz.aydin@haulio.eu", "nodepool: add gpu-inference pool (limits.cpu 0, disabled)")
GC(COMMIT, "Chloe Martin", "chloe.martin@haulio.eu", "karpenter: widen spot-compute to m6i/m6a/c7i/r6i families",
   "No c6i/c6a spot capacity in any euc1 AZ since 15:58 and the on-demand fallback hits VcpuLimitExceeded.")
GC(T(D + "15:44:30"), "Chloe Martin", "chloe.martin@haulio.eu", "karpenter: spot-compute keep wide families, add c6in/m7i")
inc.write("platform-karpenter.gitlog", "\n".join(s for _, s in sorted(gl, key=lambda x: x[0], reverse=True)))

# ---------------------------------------------------------------- pagerduty v2 webhooks
TITLE = "QuoteApi5xxRatio quote-api 5xx ratio 18.4%"
pd = PD(8812, TITLE, "quote-api", "PQUOTE1", esc_policy="Quotes - Primary")
lukas = PD.user("Lukas Brandt", "PLUKASB")
chloe = PD.user("Chloe Martin", "PCHLOEM")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMQ001", "summary": "Alertmanager prod-euc1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Lukas Brandt by push notification.", user=lukas)
pd.add(add(PAGE, seconds=301), "notify_log_entry", None, {"type": "auto"}, "Notified Lukas Brandt by phone.", user=lukas)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", user=chloe)
pd.add(ACK, "acknowledge_log_entry", chloe, {"type": "mobile"}, "Acknowledged by Chloe Martin.", user=chloe)
pd.add(add(CASE, seconds=40), "annotate_log_entry", chloe, {"type": "web_ui"}, "AWS case 17630422551 (production system down) + quota request L-1216C47A to 1024")
pd.add(RESOLVED, "resolve_log_entry", chloe, {"type": "web_ui"}, "Resolved by Chloe Martin.", user=chloe)
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 8812, TITLE, PAGE)])

# ---------------------------------------------------------------- slack
s = Slack()
for u, n, r in [("U09CHLOE", "chloe", "Chloe Martin"), ("U09LUKAS", "lukas", "Lukas Brandt"), ("U09DENIZ", "deniz", "Deniz Aydin"),
                ("U09SARA", "sara.k", "Sara Kowalczyk"), ("U09JONAS", "jonas.h", "Jonas Hartmann")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n, p in [("C09QAL", "quote-alerts", ""), ("C09PLAL", "platform-alerts", ""), ("C09INC", "inc-quotes-capacity", ""),
                  ("C09AWS", "aws-support", "AWS Support App"), ("C09DEP", "deployments", "Argo CD notifications"), ("C09STAT", "status", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("platform-alerts", add(c, minutes=2, seconds=5), "B09AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job carriers/carrier-sync failed to complete.\nseverity: warning", color="warning"))
for a, b in ((T(D + "13:41:30"), T(D + "13:47:30")), (T(D + "14:44:00"), T(D + "14:49:30")), (T(D + "15:37:30"), T(D + "15:42:00"))):
    s.bot("platform-alerts", a, "B09AM", "alertmanager", attachments=am_slack_attachment("firing", "RDSReplicaLagHigh", "analytics-replica-1 lag 95s (team: data)", color="warning"))
    s.bot("platform-alerts", b, "B09AM", "alertmanager", attachments=am_slack_attachment("resolved", "RDSReplicaLagHigh", "analytics-replica-1 lag back under 30s"))
s.bot("platform-alerts", PENDING_ALERT, "B09AM", "alertmanager",
      attachments=am_slack_attachment("firing", "KubePodsPending", "24 pods Pending > 3m in namespace quote (nodepool spot-compute)\nseverity: warning", color="warning"))
s.bot("quote-alerts", ERR_ALERT, "B09AM", "alertmanager",
      attachments=am_slack_attachment("firing", "QuoteApi5xxRatio", "quote-api 5xx ratio 18.4%\nseverity: page"))
s.bot("platform-alerts", PEND_OK, "B09AM", "alertmanager", attachments=am_slack_attachment("resolved", "KubePodsPending", "no Pending pods in namespace quote"))
s.bot("quote-alerts", ERR_OK, "B09AM", "alertmanager", attachments=am_slack_attachment("resolved", "QuoteApi5xxRatio", "quote-api 5xx ratio 0.2%"))
s.bot("deployments", add(OTHER_DEPLOY, seconds=-8), "B09ARGO", "argocd",
      attachments=[{"color": "18be52", "title": "tracking-ui", "title_link": "https://argocd.haulio.internal/applications/tracking-ui",
                    "text": ":white_check_mark: Application tracking-ui has been successfully synced at %s.\nSync operation details are available at https://argocd.haulio.internal/applications/tracking-ui?operation=true" % iso(add(OTHER_DEPLOY, seconds=-8))}])
s.bot("deployments", SYNC, "B09ARGO", "argocd",
      attachments=[{"color": "18be52", "title": "platform-karpenter", "title_link": "https://argocd.haulio.internal/applications/platform-karpenter",
                    "text": ":white_check_mark: Application platform-karpenter has been successfully synced at %s.\nSync operation details are available at https://argocd.haulio.internal/applications/platform-karpenter?operation=true" % iso(SYNC)}])
ch = "inc-quotes-capacity"
s.say(ch, add(ERR_ALERT, minutes=2), "U09DENIZ", "quote-api 5xx page, Lukas isn't answering. I'm from the quote team, latency went through the roof and a lot of 503/504 at the ALB")
s.say(ch, WRONG, "U09DENIZ", "tracking-ui just synced, do they call our quotes endpoint in a loop? that could be the load")
s.say(ch, ROLLBACK_Q, "U09SARA", "should we roll back quote-api 5.2 from yesterday?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U09DENIZ", "5.2 ran fine all morning... not sure")
s.say(ch, add(ACK, seconds=30), "U09CHLOE", "got the escalation, acked, looking. Lukas is on a train")
s.say(ch, add(ACK, minutes=2, seconds=10), "U09CHLOE", "24 quote-api pods Pending since ~15:59 our time. 11 spot nodes of spot-compute got interruption notices at 15:58-16:00 and are gone, karpenter can't launch replacements")
s.say(ch, DIAG, "U09CHLOE", "karpenter errors: InsufficientInstanceCapacity for c6i/c6a spot in all three AZs, and the on-demand fallback fails with VcpuLimitExceeded - our On-Demand Standard vCPU quota is 384 and we're at 376. we raised the spot quota in July, never the on-demand one")
s.say(ch, add(DIAG, seconds=65), "U09CHLOE", "two things: quota request to 1024 + urgent support case, and widening the NodePool families so spot has somewhere to go")
s.say(ch, add(CASE, seconds=20), "U09CHLOE", "case 17630422551 opened as production system down")
s.say(ch, add(PARTIAL_UP, seconds=90), "U09CHLOE", "5 spot nodes (m6i/c7i/m6a/r6i) up after the NodePool change, 10 pods scheduled. 5xx down to ~9% but 14 pods still Pending, m-family spot is thin too")
s.say(ch, add(APPROVED, seconds=50), "U09CHLOE", "quota approved, 1024 vCPU. karpenter launching c6i.4xlarge on-demand")
s.say(ch, add(MITIGATED, seconds=70), "U09CHLOE", "all quote-api pods running, 5xx back to baseline since 17:05:40")
s.say(ch, add(T(D + "15:20:00")), "U09LUKAS", "back online, sorry - no signal on the ICE from Frankfurt. reading up")
s.say(ch, add(RESOLVED, seconds=-45), "U09CHLOE", "stable 45 min, karpenter already consolidating on-demand back to spot. resolving. follow-ups: on-demand quota headroom alert, diversify spot-compute for good")
s.bot("aws-support", CASE, "B09AWSS", "AWS Support App", blocks=pd_slack_blocks(
    "*Case 17630422551 created* | Severity: *Production system down* | Service: EC2 - Instances\n*Subject:* Urgent: On-Demand Standard vCPU limit blocks replacement capacity after spot interruptions (eu-central-1)"))
s.bot("aws-support", AWS_REPLY, "B09AWSS", "AWS Support App", blocks=pd_slack_blocks(
    "*Case 17630422551 updated by Amazon Web Services*\nHello, I have escalated your limit increase for Running On-Demand Standard instances in eu-central-1 to the EC2 service team for expedited review. I will update you as soon as it is applied."))
s.bot("aws-support", add(APPROVED, seconds=30), "B09AWSS", "AWS Support App", blocks=pd_slack_blocks(
    "*Case 17630422551 updated by Amazon Web Services*\nYour limit increase request has been approved: Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances in eu-central-1 is now 1024 vCPUs. It can take up to 30 minutes to take effect."))
s.bot("aws-support", CASE_CLOSED, "B09AWSS", "AWS Support App", blocks=pd_slack_blocks("*Case 17630422551 resolved* by Chloe Martin"))
s.bot("status", STATUS, "B09SP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Investigating - Freight quotes failing for some requests",
                                                           "text": "Some quote requests fail or are slow. Bookings already made are not affected.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=4), "B09SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Monitoring - Freight quotes",
                                                                               "text": "Quotes are working normally again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "haulio-spot-vcpu-quota", "spot-reclaim-wave-on-demand-fallback-hits-vcpu-quota",
    "A spot interruption wave took 11 of 16 c6i/c6a nodes behind quote-api; Karpenter found no spot capacity in those families and its\n"
    "on-demand fallback hit the 384-vCPU On-Demand Standard quota; widening the NodePool only partly helped, the quota increase via an urgent support case ended it.",
    (W0, W1),
    dict(started=STARTED, detected=PENDING_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first spot interruption message, Karpenter cordons and drains spot-compute nodes", "karpenter-controller.log", 60),
     (PENDING_ALERT, "alert_fired", "KubePodsPending warning for namespace quote", "slack", 60),
     (PAGE, "paged", "PagerDuty #8812 triggered (QuoteApi5xxRatio)", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "escalated by timeout; Chloe acknowledges", "pd-webhooks.ndjson", 60),
     (STATUS, "communication", "Statuspage: freight quotes failing", "slack", 90),
     (DIAG, "diagnosis", "Chloe: spot ICE in all AZs and on-demand fallback VcpuLimitExceeded (384 quota)", "slack", 90),
     (SYNC, "mitigation", "platform-karpenter synced: NodePool widened to more families (partial)", "slack", 90),
     (APPROVED, "mitigation", "On-Demand Standard vCPU quota raised to 1024 (case 17630422551)", "quota-requests.json", 60),
     (MITIGATED, "recovery", "on-demand nodes ready, all pods running, ALB 5xx back to baseline", ALBF, 90),
     (ERR_OK, "alert_resolved", "QuoteApi5xxRatio resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #8812 resolved", "pd-webhooks.ndjson", 60)],
    [(CRON[-1], "carrier-sync CronJob fails every day at ~14:00 UTC (KubeJobFailed daily)", "events.json"),
     (OTHER_DEPLOY, "tracking team's tracking-ui rollout (Argo CD sync)", "events.json"),
     (T(D + "13:41:30"), "RDSReplicaLagHigh for the data team's analytics replica, flapping", "slack"),
     (WRONG, "wrong hunch: tracking-ui calling quotes in a loop", "slack"),
     (ROLLBACK_Q, "'should we roll back quote-api 5.2?' question, not done", "slack"),
     (T(D + "13:34:12"), "routine Karpenter consolidation of empty nodes", "karpenter-controller.log"),
     (T(D + "15:31:40"), "Karpenter consolidation replacing on-demand with spot after the incident", "karpenter-controller.log"),
     (T(D + "14:30:00"), "steady 404 /favicon.ico and 460 client-closed entries all window", ALBF)],
    [("karpenter-controller.log", "logs"), (ALBF, "logs"),
     ("events.json", "kube-events"), ("prom.json", "prometheus-query-range"), ("quota-requests.json", "deploys"),
     ("platform-karpenter.gitlog", "git-log"), ("pd-webhooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
