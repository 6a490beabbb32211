"""dev/recs-memory-leak: an unbounded cache shipped the night before leaks memory; with morning traffic the pods are OOM-killed in a cascade."""
import random
from common import *

rng = random.Random(20260407)
inc = Incident("dev", "recs-memory-leak")
D = "2026-04-07 "
W0, W1 = T(D + "07:00:00"), T(D + "11:00:00")
LEAK_DEPLOY = T("2026-04-06 21:40:12")
ROLLBACK = T(D + "09:12:30")
GIB = 1073741824
PODS = ["recs-api-6f9c7d8b5-4kz2p", "recs-api-6f9c7d8b5-bq7xw", "recs-api-6f9c7d8b5-hn5tm", "recs-api-6f9c7d8b5-w9rcd"]
NEWPODS = ["recs-api-5b7d9f6c4-7m2xh", "recs-api-5b7d9f6c4-d4qnv", "recs-api-5b7d9f6c4-kp8zs", "recs-api-5b7d9f6c4-t6jfw"]
NODES = ["gke-prod-pool-b-3c1f-8h2k", "gke-prod-pool-b-3c1f-kq9d", "gke-prod-pool-b-3c1f-p4wz", "gke-prod-pool-b-3c1f-x7ls"]
CRON = [T("2026-04-%02d 08:00:%02d" % (d, 20 + d)) for d in (4, 5, 6, 7)]

# ---- simulate memory per pod (15 s steps)
def traffic(t):
    h = (t - T("2026-04-06 00:00:00")).total_seconds() / 3600 - 24  # hours into Apr 7
    if h < 5.5:
        return 0.55
    return min(3.2, 0.55 + (h - 5.5) * 1.0)
mem = {p: 395e6 + i * 7e6 for i, p in enumerate(PODS)}
slope = {p: 1.0 - i * 0.06 for i, p in enumerate(PODS)}
restarts = {p: 0 for p in PODS}
down_until = {p: None for p in PODS}
series = {p: [] for p in PODS}
ooms = []
t = T("2026-04-06 21:40:00")
rollout = {p: add(ROLLBACK, seconds=40 + 55 * i) for i, p in enumerate(PODS)}  # old pod terminated at this time
while t <= W1:
    alive = [p for p in PODS if (down_until[p] is None or t >= down_until[p]) and t < rollout[p]]
    for p in PODS:
        if t >= rollout[p]:
            continue
        if down_until[p] is not None and t < down_until[p]:
            continue
        share = 4 / max(1, len(alive))
        mem[p] += 15 / 60 * 1.42e6 * slope[p] * traffic(t) * share
        if mem[p] >= 0.999 * GIB:
            ooms.append((t, p))
            restarts[p] += 1
            back = 10 * 2 ** min(restarts[p] - 1, 3)
            down_until[p] = add(t, seconds=back + 25)
            mem[p] = 835e6
        if t >= add(W0, hours=-1):
            series[p].append((t, mem[p] if (down_until[p] is None or t >= down_until[p]) else None, restarts[p]))
    t = add(t, seconds=15)
STARTED = ooms[0][0]
assert T(D + "07:35:00") < STARTED < T(D + "08:05:00"), STARTED
MEMWARN = add(STARTED, seconds=318)
assert MEMWARN > STARTED
PAGE_ALERT = T(D + "08:31:00")
PAGE = T(D + "08:31:45")
ACK = T(D + "08:39:02")
ROLLBACK_Q = T(D + "08:47:15")
WRONG = T(D + "08:44:30")
DIAG = T(D + "08:58:20")
FRONTEND = T(D + "08:20:05")
last_old = max(rollout.values())
MITIGATED = add(last_old, seconds=30)
ALERT_OK = T(D + "09:24:00")
RESOLVED = T(D + "10:02:00")
ooms_in = [o for o in ooms if o[0] < last_old]
print("OOMs:", [(iso(a), b[-5:]) for a, b in ooms_in])

# ---- openmetrics dump (60 s)
fam_mem, fam_rs = [], []
for i, p in enumerate(PODS):
    lab = {"namespace": "recs", "pod": p, "container": "recs-api", "node": NODES[i]}
    pts = [(tt, int(m)) for tt, m, r in series[p] if m is not None and tt.second == 0 and tt >= add(W0, hours=-1)]
    fam_mem.append((lab, pts))
    fam_rs.append((lab, [(tt, r) for tt, m, r in series[p] if tt.second == 0 and tt >= add(W0, hours=-1)]))
for i, p in enumerate(NEWPODS):
    lab = {"namespace": "recs", "pod": p, "container": "recs-api", "node": NODES[(i + 1) % 4]}
    st = add(ROLLBACK, seconds=30 + 55 * i)
    pts = [(tt, int(352e6 + 4e6 * ((int(epoch(tt)) // 60) % 5))) for tt in frange(add(st, seconds=60 - st.second), W1, 60)]
    fam_mem.append((lab, pts))
    fam_rs.append((lab, [(tt, 0) for tt, _ in pts]))
inc.write("dump.txt", openmetrics([
    ("container_memory_working_set_bytes", "gauge", "Current working set of the container in bytes", fam_mem),
    ("kube_pod_container_status_restarts", "counter", "The number of container restarts per container.", fam_rs)]))

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
for t, p in ooms_in:
    n = NODES[PODS.index(p)]
    k.ev(t, "", "Node", n, "SystemOOM", "System OOM encountered, victim process: node, pid: %d" % rng.randint(20000, 90000),
         type_="Warning", host=n)
    k.ev(add(t, seconds=1), "", "Node", n, "OOMKilling",
         "Memory cgroup out of memory: Killed process %d (node) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:0kB, UID:1000 pgtables:%dkB oom_score_adj:%d" % (
             rng.randint(20000, 90000), rng.randint(11500000, 11900000), rng.randint(1035000, 1048000), rng.randint(30000, 48000), rng.randint(2600, 3100), 999),
         type_="Warning", component="kernel-monitor", host=n)
    k.ev(add(t, seconds=2), "recs", "Pod", p, "BackOff", "Back-off restarting failed container recs-api in pod %s_recs(%s)" % (p, uuid(p)),
         type_="Warning", host=n)
    k.ev(add(t, seconds=12), "recs", "Pod", p, "Pulled", 'Container image "europe-docker.pkg.dev/acme-prod/apps/recs-api:4.18.0" already present on machine', host=n)
    k.ev(add(t, seconds=12), "recs", "Pod", p, "Created", "Created container recs-api", host=n)
    k.ev(add(t, seconds=13), "recs", "Pod", p, "Started", "Started container recs-api", host=n)
    k.ev(add(t, seconds=20), "recs", "Pod", p, "Unhealthy", "Readiness probe failed: Get \"http://10.52.%d.%d:8080/ready\": dial tcp 10.52.%d.%d:8080: connect: connection refused" % (1, 9, 1, 9),
         type_="Warning", host=n)
for i, p in enumerate(NEWPODS):
    st = add(ROLLBACK, seconds=30 + 55 * i)
    k.pod_start(st, "recs", p, NODES[(i + 1) % 4], "europe-docker.pkg.dev/acme-prod/apps/recs-api:4.17.2", "recs-api")
    k.ev(rollout[PODS[i]], "recs", "Pod", PODS[i], "Killing", "Stopping container recs-api", host=NODES[i])
k.ev(add(ROLLBACK, seconds=29), "recs", "Deployment", "recs-api", "ScalingReplicaSet", "Scaled up replica set recs-api-5b7d9f6c4 from 0 to 1",
     component="deployment-controller")
for i in range(3):
    p = "storefront-web-7c4d5b9f8-%s" % ["g2hqz", "r8kmx", "v5tnp"][i]
    k.pod_start(add(FRONTEND, seconds=6 + 30 * i), "storefront", p, NODES[i], "europe-docker.pkg.dev/acme-prod/apps/storefront-web:2026.04.07-1", "storefront-web")
k.ev(add(CRON[-1], seconds=-20), "seo", "Job", "sitemap-generator-29592480", "SuccessfulCreate", "Created pod: sitemap-generator-29592480-5xk2b", component="job-controller")
k.ev(CRON[-1], "seo", "Job", "sitemap-generator-29592480", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("kube-events-prod.json", k.v1_list())

# ---- pino JSON logs from recs-api (epoch millis)
lg = []
def P(t, level, pod, msg, **kw):
    lg.append((t, jline({"level": level, "time": int(epoch(t) * 1000), "pid": 1, "hostname": pod, "msg": msg, **kw})))
for t in poisson_times(rng, W0, W1, 1 / 9.0):
    P(t, 40, rng.choice(PODS if t < ROLLBACK else NEWPODS), "catalog upstream timeout, serving stale similar-items", upstream="catalog-api", timeoutMs=300)
for t, p in ooms_in:
    P(add(t, seconds=13.4), 30, p, "recs-api 4.18.0 starting", node="v22.14.0")
    P(add(t, seconds=14.9), 30, p, "similar-items cache enabled", maxEntries=None, ttlSeconds=None)
    P(add(t, seconds=21.7), 30, p, "server listening", port=8080)
for i, p in enumerate(NEWPODS):
    st = add(ROLLBACK, seconds=35 + 55 * i)
    P(st, 30, p, "recs-api 4.17.2 starting", node="v22.14.0")
    P(add(st, seconds=7), 30, p, "server listening", port=8080)
for t, p in ooms_in:
    P(add(t, seconds=-0.8), 40, p, "event loop delay high", p99Ms=rng.randint(900, 2400))
inc.lines("recs.log", [l for _, l in sorted(lg, key=lambda x: x[0])])

# ---- ingress errors show up in the amtool snapshot; customer impact also in slack
# ---- amtool alert query -o json (snapshot at 08:52)
SNAP = T(D + "08:52:10")
al = [
    amtool_alert("KubeContainerOOMKilled", {"namespace": "recs", "pod": PODS[0], "container": "recs-api", "severity": "warning", "team": "recs"},
                 "Container recs-api in pod recs/%s was OOMKilled" % PODS[0], MEMWARN, SNAP, receivers=("slack-recs",)),
    amtool_alert("KubePodCrashLooping", {"namespace": "recs", "pod": PODS[0], "container": "recs-api", "severity": "warning", "team": "recs"},
                 "Pod recs/%s is restarting frequently" % PODS[0], T(D + "08:41:00"), SNAP, receivers=("slack-recs",)),
    amtool_alert("RecsApiErrorBudgetBurn", {"service": "recs-api", "severity": "page", "team": "recs", "slo": "availability"},
                 "recs-api is burning its 30d error budget 14.4x too fast (1h window)", PAGE_ALERT, SNAP, receivers=("pagerduty-recs", "slack-recs"),
                 desc="5xx ratio 6.1% over 1h; 502s from ingress on /v1/similar"),
    amtool_alert("KubeJobFailed", {"namespace": "seo", "job_name": "sitemap-generator-29592480", "severity": "warning", "team": "seo"},
                 "Job seo/sitemap-generator-29592480 failed to complete", add(CRON[-1], seconds=30), SNAP, receivers=("slack-seo",)),
    amtool_alert("CertManagerCertExpirySoon", {"namespace": "payments", "name": "pay-webhooks-tls", "severity": "warning", "team": "payments"},
                 "Certificate payments/pay-webhooks-tls expires in 13 days", T("2026-04-06 12:00:15"), SNAP, receivers=("slack-payments",)),
    amtool_alert("BlackboxProbeSlow", {"instance": "https://status.acme.example", "severity": "info", "team": "sre"},
                 "Probe of status page slower than 2s", T(D + "06:40:00"), SNAP, receivers=("null",), state="suppressed",
                 silenced_by=("0d1f3c6e-5b0a-4f0e-9a77-1d2c3b4a5f60",)),
]
inc.json("alerts-0852.json", al)

# ---- GitHub deployments API
def dep(id_, t, sha, ref, env, who, desc, task="deploy"):
    return {"url": "https://api.github.com/repos/acme/%s/deployments/%d" % (ref.split("@")[0], id_), "id": id_,
            "node_id": "DE_kwDO" + uid(str(id_), 10), "task": task, "original_environment": env, "environment": env,
            "description": desc, "created_at": iso(t), "updated_at": iso(add(t, seconds=190)),
            "statuses_url": "https://api.github.com/repos/acme/%s/deployments/%d/statuses" % (ref.split("@")[0], id_),
            "repository_url": "https://api.github.com/repos/acme/" + ref.split("@")[0],
            "creator": {"login": who, "id": 1000 + id_ % 997, "type": "User" if "bot" not in who else "Bot"},
            "sha": sha, "ref": ref.split("@")[1], "payload": {}, "transient_environment": False, "production_environment": env == "production",
            "performed_via_github_app": None}
deps = [dep(2210931, ROLLBACK, "a41c09e7d2b35f1c8e0d9a6b7c4e2f1a0b9c8d7e", "recs-api@v4.17.2", "production", "keiko-tanaka", "Rollback recs-api to v4.17.2 (memory leak)"),
        dep(2210874, FRONTEND, "77e1d0c2b3a4958f6e7d8c9b0a1f2e3d4c5b6a79", "storefront-web@2026.04.07-1", "production", "deploy-bot", "storefront-web daily release"),
        dep(2210512, LEAK_DEPLOY, "e93b27f4a1c0d8e6b5f4a3c2d1e0f9a8b7c6d5e4", "recs-api@v4.18.0", "production", "liam-obrien", "recs-api v4.18.0: similar-items cache"),
        dep(2210460, T("2026-04-06 16:02:44"), "1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e", "recs-api@v4.18.0", "staging", "liam-obrien", "recs-api v4.18.0 to staging")]
inc.json("deployments.json", deps)

# ---- pagerduty
pd = PD(5521, "RecsApiErrorBudgetBurn recs-api availability", "recs-api", "PRECS01")
keiko = PD.user("Keiko Tanaka", "PKEIKO1")
liam = PD.user("Liam O'Brien", "PLIAM01")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMI2", "summary": "Alertmanager (prod-eu)"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Keiko Tanaka by push notification.", user=keiko)
pd.add(add(PAGE, seconds=301), "notify_log_entry", None, None, "Notified Keiko Tanaka by phone.", user=keiko)
pd.add(ACK, "acknowledge_log_entry", keiko, {"type": "mobile"}, "Acknowledged by Keiko Tanaka.")
pd.add(add(ACK, minutes=3), "assign_log_entry", keiko, {"type": "web_ui"}, "Reassigned to Liam O'Brien and Keiko Tanaka.", assignees=[liam, keiko])
pd.add(RESOLVED, "resolve_log_entry", keiko, {"type": "web_ui"}, "Resolved by Keiko Tanaka.")
inc.json("pd.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("U9KEIKO", "keiko", "Keiko Tanaka"), ("U9LIAM", "liam", "Liam O'Brien"), ("U9FARAH", "farah", "Farah Haddad"), ("U9OLE", "ole", "Ole Hansen")]:
    s.user(u, n, r, "Europe/Dublin")
for cid, n in [("C9RECS", "team-recs"), ("C9INC", "incidents")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("team-recs", add(c, seconds=35), "B9AM", "alertmanager",
          blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":warning: *KubeJobFailed* seo/sitemap-generator failed to complete (team: seo)"}}])
s.bot("team-recs", add(MEMWARN, seconds=30), "B9AM", "alertmanager",
      blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":warning: *KubeContainerOOMKilled* container recs-api in recs/%s was OOMKilled" % PODS[0]}}])
s.bot("team-recs", add(PAGE_ALERT, seconds=40), "B9AM", "alertmanager",
      blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": ":rotating_light: *RecsApiErrorBudgetBurn* recs-api burning error budget 14.4x (page)"}}])
ch = "incidents"
s.say(ch, add(ACK, seconds=80), "U9KEIKO", "on it - recs-api 502s from ingress on /v1/similar, pods restarting")
s.say(ch, WRONG, "U9FARAH", "storefront released at 08:20, maybe they're calling /v1/similar way more now?")
s.say(ch, ROLLBACK_Q, "U9OLE", "should we roll back recs to 4.17?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U9KEIKO", "want to understand it first, give me 10 min")
s.say(ch, T(D + "08:53:10"), "U9KEIKO", "restarts are OOMKilled, exit 137. limit is 1Gi")
s.say(ch, DIAG, "U9LIAM", "working set climbs in a straight line since last night's 4.18.0 deploy. it's the similar-items cache, no max size/ttl. it's a leak")
s.say(ch, T(D + "09:01:30"), "U9OLE", "customer support says product pages show 'recommendations unavailable' for some users")
s.say(ch, T(D + "09:10:40"), "U9KEIKO", "rolling back to v4.17.2")
s.say(ch, add(MITIGATED, seconds=70), "U9KEIKO", "rollout done, all 4 pods on 4.17.2, memory flat at ~350MB, no more 502s")
s.say(ch, add(RESOLVED, seconds=-20), "U9KEIKO", "resolving. Liam will add a bounded LRU before re-shipping 4.18")
s.say("team-recs", T(D + "07:20:00"), "U9FARAH", "morning! standup at 9:30")
s.write(inc, "slack")

inc.truth(
    "recs-memory-leak", "memory-leak-oom",
    "recs-api v4.18.0 (deployed the evening before) added an unbounded similar-items cache; with morning traffic the\n"
    "pods hit the 1Gi limit and were OOM-killed one after another, causing 502 bursts until rollback to v4.17.2.",
    (W0, W1),
    dict(started=STARTED, detected=MEMWARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first OOM kill of a recs-api container (SystemOOM/OOMKilling)", "kube-events-prod.json", 60),
     (MEMWARN, "alert_fired", "KubeContainerOOMKilled (warning, Slack only)", "alerts-0852.json", 60),
     (PAGE_ALERT, "alert_fired", "RecsApiErrorBudgetBurn firing (page)", "alerts-0852.json", 60),
     (PAGE, "paged", "PagerDuty #5521 triggered", "pd.json", 60),
     (ACK, "acknowledged", "Keiko acknowledges", "pd.json", 60),
     (DIAG, "diagnosis", "Liam: unbounded similar-items cache in 4.18.0 leaks", "slack", 90),
     (ROLLBACK, "mitigation", "rollback deployment recs-api v4.17.2 created", "deployments.json", 60),
     (MITIGATED, "recovery", "last 4.18.0 pod replaced; 502s stop", "kube-events-prod.json", 120),
     (RESOLVED, "resolved", "PagerDuty #5521 resolved", "pd.json", 60)],
    [(CRON[-1], "daily sitemap-generator CronJob failure at ~08:00", "kube-events-prod.json"),
     (FRONTEND, "storefront-web daily release", "deployments.json"),
     (WRONG, "wrong hunch: storefront release increased calls", "slack"),
     (ROLLBACK_Q, "'should we roll back recs to 4.17?' question (the rollback came 25 min later)", "slack"),
     (T("2026-04-06 12:00:15"), "payments certificate expiry warning", "alerts-0852.json"),
     (T(D + "06:40:00"), "silenced status-page probe alert", "alerts-0852.json"),
     (T(D + "09:00:00"), "steady catalog upstream timeout warnings all window", "recs.log")],
    [("dump.txt", "openmetrics"), ("kube-events-prod.json", "kube-events"), ("recs.log", "logs"),
     ("alerts-0852.json", "alertmanager-api-alerts"), ("deployments.json", "deploys"), ("pd.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
