"""retired10/ci-runner-subnet-ips: Monday-morning build growth (a large customer onboarded the week before) exhausts the
runner VPC subnets' IPv4 addresses; VPC CNI's WARM_ENI_TARGET=1 hoards a spare ENI per node, new runner pods can't get an
IP and job start waits grow slowly until aws-node is switched to WARM_IP_TARGET by hand and the queue drains slowly."""
import random
from common import *

rng = random.Random(20260810)
inc = Incident("retired10", "ci-runner-subnet-ips")
TZ = "America/Los_Angeles"
D = "2026-08-10 "
W0, W1 = T(D + "15:30:00"), T(D + "18:30:00")
Q0 = T(D + "15:00:00")
STARTED = T(D + "15:58:00")          # job-start wait leaves its baseline (series)
PEAK_END = T(D + "17:02:10")
FIX = T(D + "17:02:10")              # kubectl set env ds/aws-node
MITIGATED = T(D + "17:29:30")        # job-start wait back at baseline (series)
PAGE_DELAY = 3
ACK = T(D + "16:44:30")
WRONG1 = T(D + "16:47:10")
ROLLBACK_Q = T(D + "16:49:30")
OTHER_COMMIT = T(D + "16:49:58")
OTHER_DEPLOY = T(D + "16:52:40")
WRONG2 = T(D + "16:51:40")
COMMS = T(D + "16:53:00")
DIAG = T(D + "16:56:20")
RESOLVED = T(D + "17:52:00")
CRON = [T("2026-08-%02d 16:00:%02d" % (d, 9 + d)) for d in (8, 9, 10)]


def base(t):
    return 14.0 + 3.5 * (((int(epoch(t)) // 30) * 7919) % 5 - 2) / 2.0


def wait_p90(t):
    if t < STARTED or t >= MITIGATED:
        return base(t)
    if t < FIX:
        m = (t - STARTED).total_seconds() / 60.0
        return min(640.0, 14.0 + 6.0 * m + 0.08 * m * m) + base(t) - 14.0
    peak = min(640.0, 14.0 + 6.0 * 64.17 + 0.08 * 64.17 ** 2)
    y = (t - FIX).total_seconds() / (MITIGATED - FIX).total_seconds()
    if t < add(FIX, minutes=3):
        return peak + base(t) - 14.0
    y = (t - add(FIX, minutes=3)).total_seconds() / (MITIGATED - add(FIX, minutes=3)).total_seconds()
    return base(t) + (peak - 14.0) * (1 - y) ** 1.4


def first_after(pred, t0, t1, step=30):
    for t in frange(t0, t1, step):
        if pred(t):
            return t
    raise AssertionError("never")


def for_10m(th):
    return lambda t: all(wait_p90(x) > th for x in frange(add(t, minutes=-10), t, 30))


EVAL0 = add(Q0, seconds=15)   # rule evaluation grid
WARN_AT = first_after(for_10m(180), EVAL0, W1)
CRIT_AT = first_after(for_10m(300), EVAL0, W1)
CRIT_OK = first_after(lambda t: wait_p90(t) < 300, add(FIX, seconds=15), W1)
WARN_OK = first_after(lambda t: wait_p90(t) < 180, add(FIX, seconds=15), W1)
WARN_POST = add(WARN_AT, seconds=9)
CRIT_POST = add(CRIT_AT, seconds=9)
PAGE = add(CRIT_AT, seconds=PAGE_DELAY)

# ---- OpenMetrics scrape dump
SUB = [("us-west-2a", "subnet-0a41c7e29b3d51f08", 610, T(D + "15:57:10")), ("us-west-2b", "subnet-0b7e21d94c6a83e57", 880, T(D + "16:12:40")),
       ("us-west-2c", "subnet-0c93f5a17e2d40b6c", 1150, T(D + "16:31:20"))]
def free_ips(az0, zero_at, t):
    if t < zero_at:
        return max(0, int(az0 - (az0 + 3) * (t - Q0).total_seconds() / (zero_at - Q0).total_seconds()))
    if t < add(FIX, minutes=2):
        return rng.choice([0, 0, 0, 1, 2, 3])
    return min(1400, int(((t - add(FIX, minutes=2)).total_seconds() / 60.0) * 62))
pts = list(frange(Q0, W1, 30))
fam = [("ci_job_start_wait_seconds", "gauge", "Seconds from job queued to runner pod Running (p90 over 5m, recorded by dispatcher).",
        [({"quantile": "0.9", "pool": "linux-x64"}, [(t, round(wait_p90(t), 1)) for t in pts])]),
       ("ci_runner_pods", "gauge", "Runner pods by phase.",
        [({"phase": "Pending", "pool": "linux-x64"}, [(t, int(max(2, (wait_p90(t) - 14) * 1.1 + rng.randint(0, 4)))) for t in pts]),
         ({"phase": "Running", "pool": "linux-x64"}, [(t, int(1350 + 1150 * min(1.0, (t - Q0).total_seconds() / 3600.0) + rng.randint(-20, 20)
                                                            - (0 if t < STARTED or t >= MITIGATED else min(250, (wait_p90(t) - 14) * 0.6)))) for t in pts])]),
       ("aws_vpc_subnet_available_ip_addresses", "gauge", "AvailableIpAddressCount from ec2:DescribeSubnets (subnet-exporter).",
        [({"subnet_id": sid, "availability_zone": az, "vpc_id": "vpc-0e5d7a3c19b8f2640", "name": "runners-private-" + az[-1]},
          [(t, free_ips(a0, z, t)) for t in pts]) for az, sid, a0, z in SUB])]
inc.write("scrape-runners.txt", openmetrics(fam))

# ---- dispatcher (python logging, Pacific local time, no offset)
dl = []
def L(t, lvl, name, msg):
    lt = local(t, TZ)
    dl.append((t, "%s,%03d %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, name, msg)))
ORGS = ["acme-robotics/monorepo", "northwind/api", "lumen-health/web", "kestrel/infra", "tidal/mobile-app", "quarry-labs/ml-pipelines"]
for t in poisson_times(rng, W0, W1, 0.3):
    w = wait_p90(t) * rng.uniform(0.15, 1.08)
    job = rng.randint(88100000, 88999999)
    org = rng.choice(ORGS)
    L(t, "INFO", "dispatcher", "job %d (%s#%s) assigned runner pod r-%d-%s waited=%.1fs" % (job, org, rng.choice(["build", "test-shard-%d" % rng.randint(1, 400), "lint", "e2e"]), job, hexid(rng, 4), w))
    if w > 120:
        L(add(t, seconds=-w + 120), "WARNING", "dispatcher.watch", "runner pod r-%d-%s still Pending after 120s (ContainerCreating), job %d" % (job, hexid(rng, 4), job))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    L(t, "WARNING", "github.client", "secondary rate limit for installation %d, backing off 60s" % rng.choice([4412097, 3918822, 5120443]))
for t in poisson_times(rng, W0, W1, 1 / 120.0):
    j = rng.randint(88100000, 88999999)
    L(t, "INFO", "dispatcher.result", "job %d finished status=failed exit_code=137 reason=OOMKilled (user job memory limit 8Gi)" % j)
inc.lines("dispatcher.log", [l for _, l in sorted(dl, key=lambda x: x[0])])

# ---- ipamd log of one runner node in us-west-2c (zap JSON)
il = []
def I(t, level, caller, msg):
    il.append((t, jline({"level": level, "ts": iso(t, ms=True), "caller": caller, "msg": msg})))
ZC = SUB[2][3]
RESTART = T(D + "17:03:41")
for t in frange(add(W0, seconds=3), T(D + "17:45:00"), 30):
    if t < RESTART:
        tot = 87 if t < T(D + "16:20:00") else 116
        asg = min(tot - 29, 40 + int((t - W0).total_seconds() / 120)) if t < ZC else tot - 29 + (0 if t < ZC else 0)
        if t >= ZC:
            asg = tot
        I(t, "debug", "ipamd/ipamd.go:1205", "IP pool stats for network card 0: Total IPs/Prefixes = %d/0, AssignedIPs/CooldownIPs: %d/0, c.maxIPsPerENI = 29" % (tot, asg))
    else:
        tot = max(60, 116 - int((t - RESTART).total_seconds() / 30) * 7)
        I(t, "debug", "ipamd/ipamd.go:1205", "IP pool stats for network card 0: Total IPs/Prefixes = %d/0, AssignedIPs/CooldownIPs: %d/0, c.maxIPsPerENI = 29" % (tot, min(tot - 4, 112)))
for t in frange(ZC, RESTART, 45):
    I(add(t, seconds=rng.uniform(0, 20)), "error", "ipamd/ipamd.go:862",
      "Failed to increase pool size due to not able to allocate ENI AllocENI: error creating ENI: failed to create network interface: InsufficientFreeAddressesInSubnet: "
      "The specified subnet subnet-0c93f5a17e2d40b6c does not have enough free addresses to satisfy the request.\n\tstatus code: 400, request id: %s" % uuid(iso(t)))
for t in poisson_times(rng, add(ZC, seconds=50), RESTART, 1 / 25.0):
    I(t, "info", "rpc/rpc.pb.go:863", "Send AddNetworkReply: IPv4Addr: , IPv6Addr: , DeviceNumber: -1, err: assignPodIPv4AddressUnsafe: no available IP/Prefix addresses")
I(RESTART, "info", "aws-k8s-agent/main.go:42", "Starting L-IPAMD v1.19.2  ...")
I(add(RESTART, seconds=1), "info", "ipamd/ipamd.go:512", "Using WARM_ENI_TARGET 0, WARM_IP_TARGET 4, MINIMUM_IP_TARGET 8, WARM_PREFIX_TARGET 0")
for i in range(6):
    I(add(RESTART, seconds=32 + i * 30), "info", "ipamd/ipamd.go:740", "decreaseIPPool: Successfully decreased IP pool by removing IPs %d from ENI eni-0%s" % (7, hexid(rng, 16)))
I(add(RESTART, seconds=10), "info", "ipamd/ipamd.go:1640", "Successfully increased IP pool, total IPs: 116, used: 112")
inc.lines("node-ip-10-48-77-19/ipamd.json.log", [l for _, l in sorted(il, key=lambda x: x[0])])

# ---- kube events (core/v1), exported 17:45 UTC: only the last hour survives
k = Kube(rng)
EXPORT = T(D + "17:45:00")
for i in range(26):
    first = add(T(D + "16:45:20"), seconds=i * 61 + rng.randint(0, 40))
    if first > FIX:
        break
    pod = "r-%d-%s" % (rng.randint(88100000, 88999999), hexid(rng, 4))
    node = "ip-10-48-%d-%d.us-west-2.compute.internal" % (rng.choice([64, 72, 77, 91]), rng.randint(10, 250))
    k.ev(first, "runners", "Pod", pod, "Scheduled", "Successfully assigned runners/%s to %s" % (pod, node), component="default-scheduler")
    last = min(add(FIX, seconds=rng.randint(60, 900)), add(first, seconds=rng.randint(120, 1500)))
    k.ev(last, "runners", "Pod", pod, "FailedCreatePodSandBox",
         'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "%s": plugin type="aws-cni" name="aws-cni" failed (add): '
         'add cmd: failed to assign an IP address to container' % hexid(rng, 64), type_="Warning", host=node,
         count=max(1, int((last - first).total_seconds() // 17)), first=add(first, seconds=2))
nodes = ["ip-10-48-%d-%d.us-west-2.compute.internal" % (rng.choice([64, 72, 77, 91]), rng.randint(10, 250)) for _ in range(36)]
for i, n in enumerate(nodes):
    t = add(FIX, seconds=2 + (i // 4) * 14)
    old, new = "aws-node-%s" % hexid(rng, 5), "aws-node-%s" % hexid(rng, 5)
    k.ev(t, "kube-system", "DaemonSet", "aws-node", "SuccessfulDelete", "Deleted pod: %s" % old, component="daemonset-controller")
    k.ev(add(t, seconds=3), "kube-system", "DaemonSet", "aws-node", "SuccessfulCreate", "Created pod: %s" % new, component="daemonset-controller")
k.ev(OTHER_DEPLOY, "dashboard", "Deployment", "dashboard-web", "ScalingReplicaSet", "Scaled up replica set dashboard-web-6d8c7b5f9 to 6 from 0", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=75), "dashboard", "Deployment", "dashboard-web", "ScalingReplicaSet", "Scaled down replica set dashboard-web-5b9f8c6d7 to 0 from 6", component="deployment-controller")
k.ev(T(D + "17:44:10"), "observability", "Pod", "loki-ingester-2", "BackOff", "Back-off restarting failed container ingester in pod loki-ingester-2_observability",
     type_="Warning", host="ip-10-48-91-33.us-west-2.compute.internal", count=211, first=T(D + "11:02:47"))
k.items = [it for it in k.items if it["t"] >= add(EXPORT, hours=-1)]
inc.json("events-prod-usw2.json", k.core_list())

# ---- platform-gitops git log (default format)
gl = []
def C(t, who, mail, subj, body=""):
    gl.append((t, "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n%s" % (hexid(rng, 40), who, mail, local(t, TZ).strftime("%a %b %-d %H:%M:%S %Y %z"), subj,
                                                                        ("\n    " + body + "\n") if body else "")))
C(T("2026-08-07 21:12:09"), "Dana Whitfield", "dana@forgeline.dev", "runners: bump runner image to 2026.08.07 (node 22.18, docker 28.3)")
C(T("2026-08-07 22:40:51"), "Luis Ortega", "luis@forgeline.dev", "tenants: onboard acme-robotics enterprise pool (concurrency 600)")
C(T(D + "15:11:37"), "Priya Raman", "priya@forgeline.dev", "billing-api: raise memory limit to 1Gi")
C(OTHER_COMMIT, "Hannah Cole", "hannah@forgeline.dev", "dashboard-web: release v7.3.0", "Argo CD auto-sync")
C(T("2026-08-11 16:12:44"), "Marcus Bell", "marcus@forgeline.dev", "aws-node: WARM_IP_TARGET=4 MINIMUM_IP_TARGET=8 instead of WARM_ENI_TARGET=1",
  "Persists the change made by hand during INC-2291; the runner subnets will get a secondary CIDR next.")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("platform-gitops.log", "\n".join(l for _, l in gl))

# ---- PagerDuty log entries
pd = PD(2291, "CIQueueWaitCritical: linux-x64 job start p90 above 5m", "ci-runners", "PRUN5K2", esc_policy="CI Platform")
marc = PD.user("Marcus Bell", "PMARC77")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager usw2"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Marcus Bell by SMS.", user=marc)
pd.add(ACK, "acknowledge_log_entry", marc, {"type": "sms"}, "Acknowledged by Marcus Bell.")
pd.add(add(FIX, minutes=1), "annotate_log_entry", marc, {"type": "web_ui", "summary": "runner subnets out of IPs; aws-node set to WARM_IP_TARGET=4"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marc, {"type": "web_ui"}, "Resolved by Marcus Bell.")
inc.json("pd-2291.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("UMAR", "marcus", "Marcus Bell"), ("UDAN", "dana", "Dana Whitfield"), ("ULUI", "luis", "Luis Ortega"), ("UHAN", "hannah", "Hannah Cole"),
                ("UPRI", "priya", "Priya Raman")]:
    s.user(u, n, r, TZ)
s.user("BAM", "alertmanager", "Alertmanager", bot=True)
for cid, n in [("CCIA", "ci-alerts"), ("CINC", "inc-2291-slow-job-starts"), ("CSUP", "support-escalations")]:
    s.channel(cid, n)
def AMP(t, status, name, text, color=None):
    s.bot("ci-alerts", t, "BAM", "alertmanager", attachments=am_slack_attachment(status, name, text, color=color))
for c in CRON:
    AMP(add(c, minutes=4), "firing", "KubeJobFailed", "Job maintenance/artifact-retention-sweep failed to complete (S3 DeleteObjects SlowDown)", color="warning")
AMP(WARN_POST, "firing", "CIQueueWaitHigh", "linux-x64 job start wait p90 above 3m for 10m: %.0fs" % wait_p90(WARN_AT), color="warning")
AMP(CRIT_POST, "firing", "CIQueueWaitCritical", "linux-x64 job start wait p90 above 5m for 10m: %.0fs" % wait_p90(CRIT_AT))
AMP(add(CRIT_OK, seconds=9), "resolved", "CIQueueWaitCritical", "linux-x64 job start wait p90 above 5m")
AMP(add(WARN_OK, seconds=9), "resolved", "CIQueueWaitHigh", "linux-x64 job start wait p90 above 3m")
for a, b in [("15:44:00", "15:49:30"), ("16:21:30", "16:26:00"), ("17:08:00", "17:13:30"), ("18:02:00", "18:06:30")]:
    AMP(T(D + a), "firing", "PostgresReplicationLagHigh", "analytics-replica-1 replication lag above 60s", color="warning")
    AMP(T(D + b), "resolved", "PostgresReplicationLagHigh", "analytics-replica-1 replication lag above 60s")
c = "inc-2291-slow-job-starts"
s.say(c, add(ACK, seconds=40), "UMAR", "acked. job start p90 is ~%d min and climbing, ~%d runner pods Pending. Nodes look fine in karpenter" % (round(wait_p90(ACK) / 60), int((wait_p90(ACK) - 14) * 1.1)))
s.say(c, WRONG1, "ULUI", "github webhooks delayed again? githubstatus had something about Actions this morning")
s.say(c, add(WRONG1, seconds=50), "UMAR", "webhooks arrive on time, jobs are queued in seconds. It's the pods that don't start")
s.say(c, ROLLBACK_Q, "UDAN", "should we roll back friday's runner image bump?")
s.say(c, add(ROLLBACK_Q, seconds=35), "UMAR", "pods aren't even pulling, they're stuck in ContainerCreating")
s.say(c, WRONG2, "ULUI", "maybe EC2 is out of m6i.8xlarge in us-west-2b")
s.say(c, DIAG, "UMAR", "found it: the runner subnets are out of IPs. subnet-exporter shows 2a/2b/2c at 0-3 free, ipamd: InsufficientFreeAddressesInSubnet, sandboxes fail with 'failed to assign an IP address to container'. WARM_ENI_TARGET=1 keeps a whole spare ENI (29 IPs) on every node, so ~1.9k IPs sit idle")
s.say(c, add(DIAG, seconds=70), "ULUI", "and acme-robotics' 600 concurrency since friday is what pushed us over")
s.say(c, add(DIAG, seconds=150), "UDAN", "+1 to WARM_IP_TARGET=4 MINIMUM_IP_TARGET=8, it's what the EKS docs suggest for big subnets-constrained nodes")
s.say(c, add(FIX, seconds=8), "UMAR", "ran `kubectl -n kube-system set env ds/aws-node WARM_ENI_TARGET=0 WARM_IP_TARGET=4 MINIMUM_IP_TARGET=8`, aws-node rolling")
s.say(c, T(D + "17:14:30"), "UMAR", "free IPs coming back in all three subnets, pending pods going down")
s.say(c, add(MITIGATED, seconds=95), "UMAR", "job start p90 back to ~15s")
s.say(c, add(RESOLVED, seconds=-30), "UMAR", "stable 20 min, resolving. follow-ups: persist in gitops, secondary CIDR for runner subnets, alert on subnet free IPs")
s.say("support-escalations", COMMS, "UHAN", "status page: 'Jobs are taking longer than usual to start on Linux runners. We are investigating.'")
s.say("support-escalations", add(MITIGATED, minutes=4), "UHAN", "status page: job start times are back to normal")
s.write(inc, "slack")

inc.truth(
    "ci-runner-subnet-ips", "subnet-ip-exhaustion-by-growth-cni-warm-pool",
    "Monday build growth (a customer onboarded Friday) exhausted the runner subnets' IPs, VPC CNI's WARM_ENI_TARGET=1 hoarding a spare ENI per node;\n"
    "runner pods could not get an IP and job start waits grew slowly until aws-node was set to WARM_IP_TARGET=4 by hand and the queue drained.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_POST, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "job start wait p90 leaves its ~14 s baseline and grows slowly", "scrape-runners.txt", 120),
     (WARN_POST, "alert_fired", "CIQueueWaitHigh (warning) posted", "slack", 60),
     (CRIT_POST, "alert_fired", "CIQueueWaitCritical firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #2291 triggered", "pd-2291.json", 60),
     (ACK, "acknowledged", "Marcus acknowledges", "pd-2291.json", 60),
     (COMMS, "communication", "status page: jobs slow to start", "slack", 90),
     (DIAG, "diagnosis", "Marcus: runner subnets out of IPs, WARM_ENI_TARGET=1 hoards spare ENIs", "slack", 90),
     (FIX, "mitigation", "aws-node set to WARM_IP_TARGET=4 MINIMUM_IP_TARGET=8 by hand; DaemonSet rolls", "events-prod-usw2.json", 60),
     (CRIT_OK, "alert_resolved", "CIQueueWaitCritical resolved (impact not yet over)", "slack", 60),
     (MITIGATED, "recovery", "job start wait p90 back at baseline", "scrape-runners.txt", 120),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-2291.json", 60)],
    [(CRON[-1], "artifact-retention-sweep fails daily at 16:00 (also Aug 8 and 9)", "slack"),
     (OTHER_DEPLOY, "dashboard-web v7.3.0 rollout by the web team", "events-prod-usw2.json"),
     (OTHER_COMMIT, "dashboard-web release commit", "platform-gitops.log"),
     (T(D + "15:11:37"), "billing-api memory limit commit", "platform-gitops.log"),
     (T(D + "16:21:30"), "PostgresReplicationLagHigh flapping for analytics", "slack"),
     (WRONG1, "wrong hunch: GitHub webhooks delayed", "slack"),
     (WRONG2, "wrong hunch: EC2 capacity for m6i.8xlarge", "slack"),
     (ROLLBACK_Q, "'should we roll back friday's runner image bump?' question", "slack"),
     (T(D + "17:44:10"), "loki-ingester BackOff all day", "events-prod-usw2.json"),
     (T(D + "16:30:00"), "steady GitHub secondary rate limit warnings and user-job OOM exits all window", "dispatcher.log")],
    [("scrape-runners.txt", "openmetrics"), ("dispatcher.log", "logs", TZ), ("node-ip-10-48-77-19/ipamd.json.log", "logs"),
     ("events-prod-usw2.json", "kube-events"), ("platform-gitops.log", "git-log"), ("pd-2291.json", "pagerduty-log-entries"), ("slack", "slack-export")])
