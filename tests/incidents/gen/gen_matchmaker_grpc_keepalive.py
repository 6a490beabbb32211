"""retired6/matchmaker-grpc-keepalive: matchmaker 3.14.0 ships a gRPC client keepalive of 10s; the session
allocator's enforcement policy (min 5m, no pings without streams) answers GOAWAY too_many_pings, so match
allocations fail on every new pod until the release is rolled back in Argo CD."""
import random
from common import *

rng = random.Random(20260227)
inc = Incident("retired6", "matchmaker-grpc-keepalive")
D = "2026-02-27 "
W0, W1 = T(D + "17:00:00"), T(D + "20:00:00")
CRON = [T("2026-02-%02d 18:04:%02d" % (d, 11 + 3 * i)) for i, d in enumerate((24, 25, 26, 27))]
OTHER_DEPLOY = T(D + "17:52:14")
DEPLOY = T(D + "17:58:40")
STARTED = T(D + "17:59:36")
ALERT = T(D + "18:06:10")
PAGE = T(D + "18:06:41")
ACK = T(D + "18:10:05")
WRONG1 = T(D + "18:12:30")
COMMS = T(D + "18:14:02")
ROLLBACK_Q = T(D + "18:15:48")
WRONG2 = T(D + "18:17:05")
DIAG = T(D + "18:19:31")
ROLLBACK = T(D + "18:22:10")
MITIGATED = T(D + "18:25:09")
ALERT_OK = T(D + "18:29:10")
RESOLVED = T(D + "18:55:00")

NEW_PODS = ["matchmaker-5d8f6c9b7-%s" % s for s in ("2xkqp", "7vh4n", "b9wzl", "c4r8t", "f6mxd", "h2pjs", "k8tqw", "m3zvb", "q7lnc", "s5dgh", "w9xfr", "z4bke")]
OLD_PODS = ["matchmaker-7c4b9d6f8-%s" % s for s in ("4ncw2", "6trxp", "8kqzm", "9hbvd", "dl2ws", "g5mjq", "jp7xc", "n3fkt", "r6vzh", "t8cwb", "v2lpq", "x5gmd")]
# rollout: new pod i ready at DEPLOY + 20s*i (maxSurge 25%), rollback: new pod i gone at ROLLBACK + 17s*i
def new_ready(i):
    return add(DEPLOY, seconds=25 + 20 * i)
def new_gone(i):
    return add(ROLLBACK, seconds=22 + 17 * i)
def bad_pods(t):
    return [NEW_PODS[i] for i in range(12) if new_ready(i) <= t < new_gone(i)]

# ---- session-allocator (grpc-go server), Go std log, UTC
al = []
def AL(t, msg):
    al.append((t, t.astimezone(UTC).strftime("%Y/%m/%d %H:%M:%S.") + "%06d " % t.microsecond + msg))
for t in poisson_times(rng, W0, W1, 1 / 9.0):
    AL(t, "INFO: allocation fleet=ranked-eu gameserver=ranked-eu-%s-%s state=Allocated players=%d" % (hexid(rng, 5), hexid(rng, 5), rng.choice((2, 4, 10))))
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    AL(t, "WARNING: allocation fleet=casual-eu no Ready gameservers, retrying in 2s (buffer=%d)" % rng.randint(0, 3))
# each bad pod's connection is torn down ~every 30-40s
gaway = []
for i in range(12):
    t = add(new_ready(i), seconds=30 + rng.random() * 4)
    if i == 0:
        t = STARTED
    while t < new_gone(i):
        gaway.append((t, i))
        t = add(t, seconds=31 + rng.random() * 6)
for t, i in gaway:
    AL(t, "ERROR: [transport] transport: Got too many pings from the client, closing the connection.")
    AL(add(t, seconds=0.0004), "ERROR: [transport] transport: loopyWriter exiting with error: transport closed by client")
AL(T(D + "17:00:00"), "INFO: [core] [Server #1 ListenSocket #2] ListenSocket created")
inc.lines("allocator-0.log", [l for _, l in sorted(al, key=lambda x: x[0])])
LAST_GOAWAY = max(t for t, _ in gaway)
assert abs((LAST_GOAWAY - MITIGATED).total_seconds()) < 2 and min(gaway)[0] == STARTED

# ---- matchmaker JSON lines (zap production encoder)
mm = []
def MM(t, lvl, pod, caller, msg, **kw):
    mm.append((t, jline({"level": lvl, "ts": round(epoch(t), 6), "caller": caller, "msg": msg, "pod": pod, **kw})))
for t in poisson_times(rng, W0, W1, 1 / 11.0):
    pods = OLD_PODS if t < DEPLOY else [p for p in (OLD_PODS + NEW_PODS) if (p in NEW_PODS and NEW_PODS.index(p) < 12 and new_ready(NEW_PODS.index(p)) <= t < new_gone(NEW_PODS.index(p))) or (p in OLD_PODS and (t < new_ready(OLD_PODS.index(p)) or t >= new_gone(OLD_PODS.index(p))))]
    pod = rng.choice(pods or OLD_PODS)
    MM(t, "info", pod, "match/pool.go:212", "match formed", queue=rng.choice(["ranked-eu", "ranked-eu", "casual-eu"]), players=rng.choice((2, 4, 10)), wait_ms=rng.randint(900, 24000))
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    MM(t, "warn", rng.choice(OLD_PODS), "match/ticket.go:88", "ticket expired before match", queue="ranked-eu", ticket="tk_" + hexid(rng, 10), age_s=120)
for t in poisson_times(rng, W0, W1, 1 / 170.0):
    MM(t, "error", rng.choice(OLD_PODS), "party/validate.go:51", "party validation failed", error="member offline", party="pt_" + hexid(rng, 8))
for t, i in gaway:
    n = rng.randint(1, 2)
    for k in range(n):
        MM(add(t, seconds=0.001 + 0.003 * k), "error", NEW_PODS[i], "alloc/client.go:143", "allocate session failed",
           queue="ranked-eu", error='rpc error: code = Unavailable desc = closing transport due to: connection error: desc = "error reading from server: EOF", received prior goaway: code: ENHANCE_YOUR_CALM, debug data: "too_many_pings"',
           ticket="tk_" + hexid(rng, 10))
    MM(add(t, seconds=0.2), "warn", NEW_PODS[i], "match/pool.go:240", "returning players to queue after allocation failure", players=rng.choice((2, 4, 10)))
for i in range(12):
    MM(add(new_ready(i), seconds=-3), "info", NEW_PODS[i], "cmd/matchmaker/main.go:61", "starting matchmaker", version="3.14.0", commit="a41c9e0")
    MM(add(new_ready(i), seconds=-2), "info", NEW_PODS[i], "alloc/client.go:57", "dialing session allocator", target="dns:///session-allocator.agones-system:8443", keepalive_time="10s", keepalive_timeout="3s", permit_without_stream=True)
inc.lines("mm-prod.jsonl", [l for _, l in sorted(mm, key=lambda x: x[0])])

# ---- Prometheus query_range: allocation failure ratio
def fail_ratio(t):
    n = len(bad_pods(t))
    base = 0.004 + 0.002 * rng.random()
    return base + (0.0148 * n if n else 0) * (0.8 + 0.4 * rng.random())
inc.json("q_alloc_fail.json", query_range([({"queue": "ranked-eu"}, fail_ratio),
                                           ({"queue": "casual-eu"}, lambda t: 0.009 + 0.004 * rng.random() + (0.0135 * len(bad_pods(t)) * (0.8 + 0.4 * rng.random()) if bad_pods(t) else 0))],
                                          W0, W1, 30))

# ---- kube events (core/v1 list, prod-eu)
k = Kube(rng)
k.ev(OTHER_DEPLOY, "store", "Deployment", "store-api", "ScalingReplicaSet", "Scaled up replica set store-api-6b7d9f5c4 to 3", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=48), "store", "Deployment", "store-api", "ScalingReplicaSet", "Scaled down replica set store-api-58c6d7b9f to 0 from 1", component="deployment-controller")
for i in range(12):
    if i % 3 == 0:
        k.ev(add(new_ready(i), seconds=-18), "matchmaking", "Deployment", "matchmaker", "ScalingReplicaSet",
             "Scaled up replica set matchmaker-5d8f6c9b7 to %d" % min(12, i + 3), component="deployment-controller")
    k.ev(add(new_ready(i), seconds=-12), "matchmaking", "Pod", NEW_PODS[i], "Pulled", 'Container image "registry.nimbus.gg/matchmaker:3.14.0" already present on machine', host="gke-prod-eu-pool-b-%s" % uid(NEW_PODS[i], 4))
    k.ev(add(new_ready(i), seconds=-11), "matchmaking", "Pod", NEW_PODS[i], "Started", "Started container matchmaker", host="gke-prod-eu-pool-b-%s" % uid(NEW_PODS[i], 4))
    if i % 3 == 2:
        k.ev(add(new_ready(i), seconds=2), "matchmaking", "Deployment", "matchmaker", "ScalingReplicaSet",
             "Scaled down replica set matchmaker-7c4b9d6f8 to %d from %d" % (max(0, 9 - i), max(0, 12 - i)), component="deployment-controller")
for i in range(12):
    if i % 3 == 0:
        k.ev(add(new_gone(i), seconds=-14), "matchmaking", "Deployment", "matchmaker", "ScalingReplicaSet",
             "Scaled up replica set matchmaker-7c4b9d6f8 to %d" % min(12, i + 3), component="deployment-controller")
    k.ev(new_gone(i), "matchmaking", "Pod", NEW_PODS[i], "Killing", "Stopping container matchmaker", host="gke-prod-eu-pool-b-%s" % uid(NEW_PODS[i], 4))
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    k.ev(t, "telemetry", "Pod", "otel-collector-%s" % hexid(rng, 5), "Unhealthy", "Readiness probe failed: Get \"http://10.8.%d.%d:13133/\": context deadline exceeded" % (rng.randint(0, 9), rng.randint(2, 250)), type_="Warning", host="gke-prod-eu-pool-a-%s" % hexid(rng, 4))
c = CRON[-1]
k.ev(add(c, seconds=-244), "stats", "CronJob", "season-stats-export", "SuccessfulCreate", "Created job season-stats-export-29532600", component="cronjob-controller")
k.ev(c, "stats", "Job", "season-stats-export-29532600", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("events-prod-eu.json", k.core_list())

# ---- Argo CD application history (argocd app history -o json, both apps)
hist = [
    {"app": "store-api", "id": 212, "revision": "9c02e7d51b4f8a3361d0c8e2a7b1f40e6d5c9a21", "deployStartedAt": iso(add(OTHER_DEPLOY, seconds=-6)), "deployedAt": iso(add(OTHER_DEPLOY, seconds=55)),
     "source": {"repoURL": "https://git.nimbus.gg/platform/gitops.git", "path": "apps/store-api/prod-eu", "targetRevision": "main"}, "initiatedBy": {"username": "ci-bot", "automated": True}},
    {"app": "matchmaker", "id": 87, "revision": "5e1f0b9c3d7a26e48f01b2c9d3e4a5f6b7c8d9e0", "deployStartedAt": "2026-02-24T15:20:03Z", "deployedAt": "2026-02-24T15:24:51Z",
     "source": {"repoURL": "https://git.nimbus.gg/platform/gitops.git", "path": "apps/matchmaker/prod-eu", "targetRevision": "main"}, "initiatedBy": {"username": "ci-bot", "automated": True}},
    {"app": "matchmaker", "id": 88, "revision": "a41c9e07f3b25d6e8c9a0b1d2e3f4a5b6c7d8e9f", "deployStartedAt": iso(DEPLOY), "deployedAt": iso(add(new_ready(11), seconds=3)),
     "source": {"repoURL": "https://git.nimbus.gg/platform/gitops.git", "path": "apps/matchmaker/prod-eu", "targetRevision": "main"}, "initiatedBy": {"username": "ci-bot", "automated": True}},
    {"app": "matchmaker", "id": 89, "revision": "5e1f0b9c3d7a26e48f01b2c9d3e4a5f6b7c8d9e0", "deployStartedAt": iso(ROLLBACK), "deployedAt": iso(add(new_gone(11), seconds=2)),
     "source": {"repoURL": "https://git.nimbus.gg/platform/gitops.git", "path": "apps/matchmaker/prod-eu", "targetRevision": "main"}, "initiatedBy": {"username": "lena.hoffmann"}},
    {"app": "leaderboard", "id": 140, "revision": "0d4b7a1e9f2c3b5a6d8e7f9a0b1c2d3e4f5a6b7c", "deployStartedAt": "2026-02-27T19:31:12Z", "deployedAt": "2026-02-27T19:33:40Z",
     "source": {"repoURL": "https://git.nimbus.gg/platform/gitops.git", "path": "apps/leaderboard/prod-eu", "targetRevision": "main"}, "initiatedBy": {"username": "ci-bot", "automated": True}},
]
inc.json("argocd-history.json", hist)

# ---- PagerDuty v2 webhooks (archived bodies)
pd = PD(4417, "MatchAllocationFailures ranked-eu allocation failure ratio above 5%", "matchmaking", "PMMK001", "Matchmaking on-call")
lena = PD.user("Lena Hoffmann", "PLENAH1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod-eu"}, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", lena, {"type": "mobile"}, "Acknowledged by Lena Hoffmann.")
pd.add(add(ACK, minutes=5), "annotate_log_entry", lena, {"type": "web_ui", "summary": "allocator GOAWAYs, looking at matchmaker 3.14"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", lena, {"type": "web_ui"}, "Resolved by Lena Hoffmann.")
inc.json("pd-4417.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r, tz in [("U1LENA", "lena", "Lena Hoffmann", "Europe/Berlin"), ("U1KENJ", "kenji", "Kenji Watanabe", "Europe/Berlin"),
                    ("U1OMAR", "omar", "Omar Haddad", "Europe/London"), ("U1PRIY", "priya", "Priya Raman", "Europe/London"),
                    ("U1COMM", "mia.comms", "Mia Lindgren", "Europe/Stockholm")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C1ALRT", "live-ops-alerts", "alerts for game services"), ("C1INC", "inc-4417-matchmaking", "incident channel"), ("C1DEP", "deploys", "argo notifications")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("live-ops-alerts", add(c, seconds=30), "B1AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job stats/season-stats-export failed to complete (BackoffLimitExceeded)\nteam: stats", color="warning"))
# another team's flapping alert
for a, b in [("17:12:40", "17:19:40"), ("17:41:10", "17:46:10"), ("18:33:40", "18:38:10"), ("19:20:10", "19:27:40")]:
    s.bot("live-ops-alerts", T(D + a), "B1AM", "alertmanager", attachments=am_slack_attachment("firing", "VoiceChatRelayPacketLoss", "voice relay eu-west-2 packet loss 3.1%\nteam: social", color="warning"))
    s.bot("live-ops-alerts", T(D + b), "B1AM", "alertmanager", attachments=am_slack_attachment("resolved", "VoiceChatRelayPacketLoss", "voice relay eu-west-2 packet loss\nteam: social"))
s.bot("live-ops-alerts", add(ALERT, seconds=2), "B1AM", "alertmanager", attachments=am_slack_attachment("firing", "MatchAllocationFailures", "ranked-eu allocation failure ratio 18.4% (threshold 5%)\nteam: matchmaking severity: page"))
s.bot("live-ops-alerts", add(ALERT_OK, seconds=2), "B1AM", "alertmanager", attachments=am_slack_attachment("resolved", "MatchAllocationFailures", "ranked-eu allocation failure ratio\nteam: matchmaking"))
for h in hist:
    t = T(h["deployedAt"].replace("T", " ").replace("Z", ""))
    s.bot("deploys", t, "B1ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *%s* sync succeeded to `%s` (by %s)" % (h["app"], h["revision"][:7], h["initiatedBy"]["username"])))
ch = "inc-4417-matchmaking"
s.say(ch, add(ACK, seconds=35), "U1LENA", "acked. ranked-eu and casual-eu allocations failing, players bounced back to queue. errors are gRPC Unavailable from the allocator client")
s.say(ch, WRONG1, "U1OMAR", "store-api went out at 17:52, could the new store entitlements check be rejecting players at allocation?")
s.say(ch, add(WRONG1, seconds=50), "U1LENA", "don't think so, the failures are transport errors, not a permission denied")
s.say(ch, COMMS, "U1COMM", "posted on status page + @NimbusStatus: 'Some players are unable to find matches in EU. We are investigating.'")
s.say(ch, ROLLBACK_Q, "U1PRIY", "should we roll back the matchmaker? 3.14 went out right before this")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U1LENA", "checking allocator side first")
s.say(ch, WRONG2, "U1KENJ", "agones fleet casual-eu has had an empty buffer warning all evening, maybe the fleet autoscaler can't keep up?")
s.say(ch, DIAG, "U1LENA", "found it: allocator logs are full of 'Got too many pings from the client'. 3.14 set the gRPC keepalive to 10s with permit_without_stream, the allocator's enforcement min is 5m so it sends GOAWAY too_many_pings and kills every connection from the new pods")
s.say(ch, add(DIAG, seconds=60), "U1KENJ", "that matches, only pods of replica set 5d8f6c9b7 are erroring")
s.say(ch, add(ROLLBACK, seconds=-20), "U1LENA", "rolling back matchmaker to 5e1f0b9 in argo")
s.say(ch, add(MITIGATED, seconds=70), "U1LENA", "last new pod gone, no allocation errors since 18:25")
s.say(ch, add(COMMS, minutes=20), "U1COMM", "status page updated: monitoring a fix")
s.say(ch, add(RESOLVED, seconds=-40), "U1LENA", "failure ratio at baseline for 25 min, resolving. follow-up: keepalive 10s -> 5m and align allocator enforcement policy")
s.write(inc, "slack")

inc.truth(
    "matchmaker-grpc-keepalive", "grpc-keepalive-goaway-too-many-pings",
    "matchmaker 3.14.0 set a 10s gRPC keepalive with pings without streams; the session allocator's enforcement\n"
    "policy answered GOAWAY too_many_pings, so match allocations from the new pods failed until Argo CD rolled back.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DEPLOY, "change", "Argo CD syncs matchmaker a41c9e0 (3.14.0), rolling update starts", "argocd-history.json", 60),
     (STARTED, "first_symptom", "allocator: first 'Got too many pings from the client, closing the connection'", "allocator-0.log", 60),
     (ALERT, "alert_fired", "MatchAllocationFailures firing (18.4%)", "slack", 60),
     (PAGE, "paged", "PagerDuty #4417 triggered", "pd-4417.json", 60),
     (ACK, "acknowledged", "Lena Hoffmann acknowledges", "pd-4417.json", 60),
     (COMMS, "communication", "status page: some players unable to find matches in EU", "slack", 90),
     (DIAG, "diagnosis", "Lena: 10s keepalive vs allocator enforcement -> GOAWAY too_many_pings", "slack", 90),
     (ROLLBACK, "mitigation", "Argo CD rollback of matchmaker to 5e1f0b9", "argocd-history.json", 60),
     (MITIGATED, "recovery", "last too_many_pings / allocation failure, new pods gone", "mm-prod.jsonl", 60),
     (ALERT_OK, "alert_resolved", "MatchAllocationFailures resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #4417 resolved", "pd-4417.json", 60)],
    [(OTHER_DEPLOY, "store-api deploy by the store team (ci-bot)", "argocd-history.json"),
     (CRON[-1], "season-stats-export CronJob fails every day around 18:04", "events-prod-eu.json"),
     (T(D + "17:12:40"), "VoiceChatRelayPacketLoss of team social, flapping all evening", "slack"),
     (T(D + "18:33:40"), "VoiceChatRelayPacketLoss firing again after the incident", "slack"),
     (WRONG1, "wrong hunch: store-api entitlements check", "slack"),
     (ROLLBACK_Q, "'should we roll back the matchmaker?' question", "slack"),
     (WRONG2, "wrong hunch: agones fleet autoscaler", "slack"),
     (T(D + "18:40:00"), "steady ticket-expired / party validation errors and casual-eu empty-buffer warnings all window", "mm-prod.jsonl"),
     (T(D + "19:33:40"), "leaderboard deploy after the incident", "argocd-history.json")],
    [("allocator-0.log", "logs"), ("mm-prod.jsonl", "logs"), ("q_alloc_fail.json", "prometheus-query-range"),
     ("events-prod-eu.json", "kube-events"), ("argocd-history.json", "deploys"), ("pd-4417.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
