"""train14/korbo-search-canary: a canary analysis that watched only 5xx and latency promotes a search build that returns empty results for accented queries."""
import json
import random
from common import *

rng = random.Random(20260806)
inc = Incident("train14", "korbo-search-canary")
D = "2026-08-06 "
W0, W1 = T(D + "11:30:00"), T(D + "15:00:00")
CRON = [T("2026-08-%02d 12:15:%02d" % (d, 3 + d)) for d in (3, 4, 5, 6)]
ROLL = T(D + "12:04:40")          # Rollout updated to revision 41 (7.9.0)
W10 = T(D + "12:05:27")
STARTED = T(D + "12:05:31")       # first accented query served empty by the canary pod
W50 = T(D + "12:25:28")
W100 = T(D + "12:45:28")
DONE = T(D + "12:47:50")
OTHER_ROLL = T(D + "13:10:05")
REPORT = T(D + "13:21:10")
PAGE = T(D + "13:24:30")
ACK = T(D + "13:27:40")
WRONG = T(D + "13:31:05")
ROLLBACK_Q = T(D + "13:32:20")
DIAG = T(D + "13:35:50")
STATUS = T(D + "13:38:00")
ALERT = T(D + "13:39:10")
UNDO = T(D + "13:41:00")
PROMOTE_FULL = T(D + "13:41:35")
SWITCH = T(D + "13:42:40")        # 7.8.4 serving all traffic
UNDO_DONE = T(D + "13:43:50")
DIAG2 = T(D + "13:52:10")
FLUSH = T(D + "13:56:20")
MITIGATED = T(D + "13:56:25")
ALERT_OK = T(D + "14:05:10")
RESOLVED = T(D + "14:40:00")
NEW_RS, OLD_RS = "6f9d8c7b5", "5d7c9b8f4"

def canary_share(t):
    if t < W10: return 0.0
    if t < W50: return 0.1
    if t < W100: return 0.5
    if t < SWITCH: return 1.0
    return 0.0

# ---- search-api (zap production JSON, epoch seconds), gzipped
QUERIES = {"fr": [("crème fraîche", True), ("pâtes complètes", True), ("café moulu", True), ("lait demi-écrémé", True), ("pommes", False), ("yaourt nature", False), ("beurre doux", False), ("jambon", False)],
           "de": [("müsli", True), ("käse gerieben", True), ("brötchen", True), ("gemüsebrühe", True), ("milch", False), ("bananen", False), ("kaffee bohnen", False), ("butter", False)],
           "es": [("jamón serrano", True), ("piña", True), ("azúcar moreno", True), ("leche", False), ("aceite de oliva", False), ("tomate frito", False)],
           "nl": [("hagelslag", False), ("pindakaas", False), ("komkommer", False), ("crème brûlée", True)]}
def strip(q):
    return "".join(c for c in q if ord(c) < 128)
PODS_OLD = ["search-api-%s-%s" % (OLD_RS, x) for x in ("b7xkq", "m2fzp", "q9wld", "t4hcn", "zr8vj", "c6npw")]
PODS_NEW = ["search-api-%s-%s" % (NEW_RS, x) for x in ("xk2lp", "h8dqs", "w3rtm", "p5gvb", "f7ncz", "j2kxe")]
PODS_UNDO = ["search-api-%s-%s" % (OLD_RS, x) for x in ("d4wqm", "k8slz", "n2vxr", "r6hpt", "s9bfc", "v1mgk")]
sl = []
def Z(t, level, caller, msg, **kv):
    o = {"level": level, "ts": round(epoch(t), 6), "caller": caller, "msg": msg}
    o.update(kv)
    sl.append((t, json.dumps(o, separators=(",", ":"), ensure_ascii=False)))
def search(t, force=None):
    market = rng.choice(["fr", "fr", "de", "de", "es", "nl"])
    q, acc = force or rng.choice(QUERIES[market])
    if force:
        market = "fr"
    new = (force is not None) or (rng.random() < canary_share(t))
    if new:
        pod, ver = rng.choice(PODS_NEW[:1] if t < W50 else PODS_NEW[:3] if t < W100 else PODS_NEW), "7.9.0"
    else:
        pod, ver = rng.choice(PODS_OLD if t < UNDO else PODS_UNDO), "7.8.4"
    qn = strip(q) if (new and acc) else q
    cache = "hit" if rng.random() < 0.42 else "miss"
    hits = rng.randint(12, 480)
    if new and acc:
        hits, cache = 0, "miss"
    elif acc and not new and SWITCH <= t < FLUSH and rng.random() < 0.55:
        hits, cache = 0, "hit"
    elif rng.random() < 0.05:
        q = qn = rng.choice(["bannanen", "yougurt natur", "chese", "glutenfrei brott", "oat milk barista 6x", "pomes golden"])
        hits = 0
    took = rng.randint(2, 9) if cache == "hit" else rng.randint(14, 120)
    Z(t, "info", "httpapi/search.go:188", "search", pod=pod, version=ver, market=market, q=q, q_norm=qn.lower(), hits=hits, cache=cache, took_ms=took, status=200)
search(STARTED, force=("crème fraîche", True))
for t in poisson_times(rng, W0, W1, 0.42):
    if rng.random() < 0.0015:
        Z(t, "error", "httpapi/search.go:201", "search failed", pod=rng.choice(PODS_OLD if t < UNDO else PODS_UNDO), error="context deadline exceeded", upstream="opensearch-data", status=504)
    else:
        search(t)
for t in poisson_times(rng, W0, W1, 1 / 290.0):
    Z(t, "warn", "synonyms/refresh.go:77", "synonyms refresh failed, keeping previous set", pod=rng.choice(PODS_OLD), error="Get \"http://synonyms-svc.search:8080/v1/sets/grocery\": context deadline exceeded", age_s=rng.randint(300, 1200))
for p in PODS_UNDO:
    Z(add(FLUSH, seconds=rng.uniform(0.05, 0.6)), "info", "cache/results.go:142", "results cache generation bumped", pod=p, version="7.8.4", **{"from": 118, "to": 119, "by": "admin-api"})
for p, t0 in [(PODS_NEW[0], add(W10, seconds=-30)), (PODS_NEW[1], add(W50, seconds=-40)), (PODS_NEW[2], add(W50, seconds=-38))]:
    Z(t0, "info", "cmd/search-api/main.go:64", "starting search-api", pod=p, version="7.9.0", go="go1.25.3", analyzer="textnorm v2.0.1")
inc.lines("search/search-api.ndjson.gz", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- argo rollouts controller (logrus text)
rl = []
def R(t, lvl, msg, **kv):
    parts = ['time="%s"' % iso(t), "level=%s" % lvl, 'msg="%s"' % msg.replace('"', '\\"')]
    for k, v in kv.items():
        parts.append("%s=%s" % (k, v))
    rl.append((t, " ".join(parts)))
def EV(t, ns, name, reason, text, typ="Normal"):
    R(t, "info", "Event(v1.ObjectReference{Kind:\"Rollout\", Namespace:\"%s\", Name:\"%s\", UID:\"%s\", APIVersion:\"argoproj.io/v1alpha1\", ResourceVersion:\"%d\", FieldPath:\"\"}): type: '%s' reason: '%s' %s" % (
        ns, name, uuid(ns + name), 91_000_000 + rng.randint(0, 999_999), typ, reason, text), event_reason=reason, namespace=ns, rollout=name)
NS = "search"
EV(ROLL, NS, "search-api", "RolloutUpdated", "Rollout updated to revision 41")
EV(add(ROLL, seconds=1), NS, "search-api", "NewReplicaSetCreated", "Created ReplicaSet search-api-%s (revision 41)" % NEW_RS)
EV(add(ROLL, seconds=1), NS, "search-api", "ScalingReplicaSet", "Scaled up ReplicaSet search-api-%s (revision 41) from 0 to 1" % NEW_RS)
EV(add(ROLL, seconds=2), NS, "search-api", "AnalysisRunRunning", "Background Analysis Run 'search-api-%s-41-1' Status New: 'Running' Previous: ''" % NEW_RS)
EV(W10, NS, "search-api", "TrafficWeightUpdated", "Traffic weight updated from 0 to 10")
EV(add(W10, seconds=1), NS, "search-api", "RolloutStepCompleted", "Rollout step 1/5 completed (setWeight: 10)")
EV(add(W10, seconds=1), NS, "search-api", "RolloutPaused", "Rollout is paused (CanaryPauseStep)")
for t in frange(add(ROLL, minutes=5, seconds=2), DONE, 300):
    for m in ("success-rate", "latency-p95"):
        R(t, "info", "Measurement Completed. Result: Successful", analysisrun="search-api-%s-41-1" % NEW_RS, metric=m, namespace=NS)
EV(add(W50, seconds=-1), NS, "search-api", "RolloutResumed", "Rollout is resumed")
EV(add(W50, seconds=-1), NS, "search-api", "RolloutStepCompleted", "Rollout step 2/5 completed (pause: 20m)")
EV(add(W50, seconds=-1), NS, "search-api", "ScalingReplicaSet", "Scaled up ReplicaSet search-api-%s (revision 41) from 1 to 3" % NEW_RS)
EV(W50, NS, "search-api", "TrafficWeightUpdated", "Traffic weight updated from 10 to 50")
EV(add(W50, seconds=1), NS, "search-api", "RolloutStepCompleted", "Rollout step 3/5 completed (setWeight: 50)")
EV(add(W50, seconds=1), NS, "search-api", "RolloutPaused", "Rollout is paused (CanaryPauseStep)")
EV(add(W100, seconds=-1), NS, "search-api", "RolloutResumed", "Rollout is resumed")
EV(add(W100, seconds=-1), NS, "search-api", "ScalingReplicaSet", "Scaled up ReplicaSet search-api-%s (revision 41) from 3 to 6" % NEW_RS)
EV(W100, NS, "search-api", "TrafficWeightUpdated", "Traffic weight updated from 50 to 100")
EV(add(W100, seconds=1), NS, "search-api", "RolloutStepCompleted", "Rollout step 5/5 completed (setWeight: 100)")
EV(add(DONE, seconds=-2), NS, "search-api", "AnalysisRunSuccessful", "Background Analysis Run 'search-api-%s-41-1' Status New: 'Successful' Previous: 'Running'" % NEW_RS)
EV(DONE, NS, "search-api", "RolloutCompleted", "Rollout completed update to revision 41 (%s): Completed all 5 canary steps" % NEW_RS)
EV(add(DONE, seconds=30), NS, "search-api", "ScalingReplicaSet", "Scaled down ReplicaSet search-api-%s (revision 40) from 6 to 0" % OLD_RS)
# other team's rollout
EV(OTHER_ROLL, "checkout", "checkout-api", "RolloutUpdated", "Rollout updated to revision 118")
EV(add(OTHER_ROLL, seconds=1), "checkout", "checkout-api", "NewReplicaSetCreated", "Created ReplicaSet checkout-api-7c44f9d6b (revision 118)")
EV(add(OTHER_ROLL, seconds=50), "checkout", "checkout-api", "RolloutStepCompleted", "Rollout step 1/3 completed (setWeight: 25)")
EV(add(OTHER_ROLL, minutes=11), "checkout", "checkout-api", "RolloutStepCompleted", "Rollout step 3/3 completed (setWeight: 100)")
EV(add(OTHER_ROLL, minutes=21, seconds=15), "checkout", "checkout-api", "RolloutCompleted", "Rollout completed update to revision 118 (7c44f9d6b): Completed all 3 canary steps")
# undo to 7.8.4 and full promotion
EV(UNDO, NS, "search-api", "RolloutUpdated", "Rollout updated to revision 42")
EV(add(UNDO, seconds=1), NS, "search-api", "ScalingReplicaSet", "Scaled up ReplicaSet search-api-%s (revision 42) from 0 to 1" % OLD_RS)
EV(add(UNDO, seconds=2), NS, "search-api", "AnalysisRunRunning", "Background Analysis Run 'search-api-%s-42-1' Status New: 'Running' Previous: ''" % OLD_RS)
EV(PROMOTE_FULL, NS, "search-api", "RolloutPromoted", "Rollout is promoted fully (skipping remaining steps)")
EV(add(PROMOTE_FULL, seconds=1), NS, "search-api", "ScalingReplicaSet", "Scaled up ReplicaSet search-api-%s (revision 42) from 1 to 6" % OLD_RS)
EV(SWITCH, NS, "search-api", "TrafficWeightUpdated", "Traffic weight updated from 0 to 100")
EV(add(UNDO_DONE, seconds=-1), NS, "search-api", "AnalysisRunTerminated", "Background Analysis Run 'search-api-%s-42-1' Status New: 'Successful' Previous: 'Running'" % OLD_RS)
EV(UNDO_DONE, NS, "search-api", "RolloutCompleted", "Rollout completed update to revision 42 (%s): Rollout is fully promoted" % OLD_RS)
EV(add(UNDO_DONE, seconds=30), NS, "search-api", "ScalingReplicaSet", "Scaled down ReplicaSet search-api-%s (revision 41) from 6 to 0" % NEW_RS)
for t in frange(add(W0, seconds=12), W1, 600):
    R(t, "info", "Started syncing rollout", generation=rng.randint(86, 88), namespace=NS, resourceVersion=91_000_000 + rng.randint(0, 999_999), rollout="search-api")
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    R(t, "warning", "Error updating status: the object has been modified; please apply your changes to the latest version and try again", namespace="checkout", rollout="checkout-api")
inc.lines("cd/argo-rollouts-6b8d5c9f7d-pq4lz.log", [l for _, l in sorted(rl, key=lambda x: x[0])])

# ---- prometheus query_range: zero-result ratio by version, 5xx ratio, p95
def zr_version(ver):
    def f(t):
        share = canary_share(t)
        if ver == "7.9.0":
            return None if share == 0 else 0.305 + ((int(epoch(t)) // 60) % 3) * 0.006
        if share >= 1.0:
            return None
        if SWITCH <= t < FLUSH:
            return 0.142 - min(0.05, (t - SWITCH).total_seconds() / 18000.0)
        return 0.054 + ((int(epoch(t)) // 60) % 4) * 0.002
    return f
def zr_all(t):
    s = canary_share(t)
    base = zr_version("7.8.4")(t) or 0.055
    return s * 0.305 + (1 - s) * base if s < 1.0 else 0.305 + ((int(epoch(t)) // 60) % 3) * 0.006
inc.json("metrics/search_quality.json", query_range(
    [({"__name__": "search:zero_result_ratio:rate5m", "service": "search-api", "version": "7.8.4"}, zr_version("7.8.4")),
     ({"__name__": "search:zero_result_ratio:rate5m", "service": "search-api", "version": "7.9.0"}, zr_version("7.9.0")),
     ({"__name__": "search:zero_result_ratio:rate5m", "service": "search-api", "version": "all"}, zr_all),
     ({"__name__": "search:http_5xx_ratio:rate5m", "service": "search-api"}, lambda t: 0.0011 + ((int(epoch(t)) // 60) % 5) * 0.0002),
     ({"__name__": "search:latency_p95_seconds:5m", "service": "search-api"}, lambda t: 0.118 + ((int(epoch(t)) // 60) % 6) * 0.004)],
    W0, W1, 60), indent=None)

# ---- kube events
k = Kube(rng)
k.pod_start(add(ROLL, seconds=2), NS, PODS_NEW[0], "gke-prod-pool-b-7f3a-k2dl", "europe-docker.pkg.dev/korbo-prod/apps/search-api:7.9.0", "search-api")
for p, n in zip(PODS_NEW[1:3], ("gke-prod-pool-b-7f3a-m9sx", "gke-prod-pool-b-7f3a-w1qz")):
    k.pod_start(add(W50, seconds=-41), NS, p, n, "europe-docker.pkg.dev/korbo-prod/apps/search-api:7.9.0", "search-api")
for p, n in zip(PODS_NEW[3:], ("gke-prod-pool-b-7f3a-k2dl", "gke-prod-pool-b-7f3a-r5tn", "gke-prod-pool-b-7f3a-m9sx")):
    k.pod_start(add(W100, seconds=-40), NS, p, n, "europe-docker.pkg.dev/korbo-prod/apps/search-api:7.9.0", "search-api")
for p in PODS_OLD:
    k.ev(add(DONE, seconds=31), NS, "Pod", p, "Killing", "Stopping container search-api", host="gke-prod-pool-b-7f3a-r5tn")
for i, p in enumerate(PODS_UNDO):
    k.pod_start(add(UNDO, seconds=2 if i == 0 else 37), NS, p, rng.choice(["gke-prod-pool-b-7f3a-k2dl", "gke-prod-pool-b-7f3a-r5tn", "gke-prod-pool-b-7f3a-w1qz"]),
                "europe-docker.pkg.dev/korbo-prod/apps/search-api:7.8.4", "search-api")
for p in PODS_NEW:
    k.ev(add(UNDO_DONE, seconds=31), NS, "Pod", p, "Killing", "Stopping container search-api", host="gke-prod-pool-b-7f3a-m9sx")
for i in range(3):
    k.pod_start(add(OTHER_ROLL, seconds=3 + 300 * i), "checkout", "checkout-api-7c44f9d6b-%s" % ("fq2mz", "l8wkd", "t3bnr")[i], "gke-prod-pool-a-2c1e-x7vp",
                "europe-docker.pkg.dev/korbo-prod/apps/checkout-api:2.41.0", "checkout-api")
c = CRON[-1]
job = "feed-export-google-%d" % (int(epoch(c)) // 60)
k.ev(add(c, seconds=-3), "feeds", "Job", job, "SuccessfulCreate", "Created pod: %s-x8d2k" % job, component="job-controller")
k.ev(add(c, seconds=95), "feeds", "Pod", job + "-x8d2k", "BackOff", "Back-off restarting failed container exporter in pod %s-x8d2k_feeds" % job, type_="Warning", host="gke-prod-pool-a-2c1e-x7vp", count=3, first=add(c, seconds=40))
k.ev(add(c, seconds=160), "feeds", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(c, seconds=161), "feeds", "CronJob", "feed-export-google", "SawCompletedJob", "Saw completed job: %s, status: Failed" % job, component="cronjob-controller")
for t in frange(add(W0, minutes=3), W1, 900):
    k.ev(t, "search", "HorizontalPodAutoscaler", "synonyms-svc", "FailedGetResourceMetric", "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API", type_="Warning", component="horizontal-pod-autoscaler", count=rng.randint(40, 90), first=add(W0, hours=-5))
inc.json("k8s/events-prod.json", k.core_list())

# ---- pagerduty log entries
pd = PD(7316, "Search returns no results for accented words (FR/DE/ES customers)", "search", "PSRCH04", "Search Primary")
chloe = PD.user("Chloé Martin", "PCHLOE1")
noah = PD.user("Noah Becker", "PNOAHB1")
pd.add(PAGE, "trigger_log_entry", chloe, {"type": "web_trigger", "summary": "Search returns no results for accented words (FR/DE/ES customers)",
       "details": "Support: 41 tickets since 15:00 CEST, e.g. 'crème fraîche', 'müsli', 'jamón' show 0 results"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Noah Becker by push notification.", user=noah,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", noah, {"type": "mobile"}, "Acknowledged by Noah Becker.", acknowledgement_timeout=1800)
pd.add(add(UNDO, seconds=20), "annotate_log_entry", noah, {"type": "web_ui", "summary": "undo search-api to 7.8.4 (rev 42), promoting fully"}, "Note added")
pd.add(add(FLUSH, seconds=50), "annotate_log_entry", noah, {"type": "web_ui", "summary": "results cache generation bumped 118->119"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", noah, {"type": "web_ui"}, "Resolved by Noah Becker.")
other = PD(7312, "Kafka under-replicated partitions on events-kafka-2", "data-platform", "PDATA77", "Data Platform")
ines = PD.user("Inès Laurent", "PINESL1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMINT9", "summary": "Alertmanager prod"}
other.add(T(D + "12:52:04"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "12:52:05"), "notify_log_entry", None, {"type": "auto"}, "Notified Inès Laurent by SMS.", user=ines)
other.add(T(D + "12:55:31"), "acknowledge_log_entry", ines, {"type": "mobile"}, "Acknowledged by Inès Laurent.")
other.add(T(D + "13:08:44"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd/log_entries-2026-08-06.json", ex)

# ---- slack export (alerts arrive only as Alertmanager posts)
s = Slack()
for u, n, r, tz in [("U04NOAH", "noah", "Noah Becker", "Europe/Berlin"), ("U04CHLOE", "chloe.m", "Chloé Martin", "Europe/Paris"),
                    ("U04ELIF", "elif", "Elif Yilmaz", "Europe/Berlin"), ("U04PAUL", "paul.r", "Paul Richter", "Europe/Berlin"),
                    ("U04MARTA", "marta", "Marta Gómez", "Europe/Madrid")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C04SUP", "support-escalations", "support to engineering"), ("C04INC", "inc-search-empty", "incident channel"),
                  ("C04ALR", "alerts", "Alertmanager, all teams"), ("C04DEP", "deploys", "Argo Rollouts notifications")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("alerts", add(c, seconds=200), "B04AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job feeds/feed-export-google failed to complete\nteam: feeds  severity: warning", color="warning"))
for a, b in [("11:48:20", "11:53:50"), ("12:37:20", "12:41:50"), ("13:14:20", "13:20:20"), ("14:22:50", "14:27:20")]:
    s.bot("alerts", T(D + a), "B04AM", "alertmanager", attachments=am_slack_attachment("firing", "NodeFilesystemSpaceFillingUp", "gke-ci-pool-4b2e-h3x9 /var/lib/containerd will fill within 24h\nteam: ci  severity: warning", color="warning"))
    s.bot("alerts", T(D + b), "B04AM", "alertmanager", attachments=am_slack_attachment("resolved", "NodeFilesystemSpaceFillingUp", "gke-ci-pool-4b2e-h3x9 /var/lib/containerd"))
s.bot("alerts", T(D + "12:51:58"), "B04AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaUnderReplicatedPartitions", "events-kafka-2: 14 under-replicated partitions\nteam: data  severity: page"))
s.bot("alerts", T(D + "13:08:40"), "B04AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaUnderReplicatedPartitions", "events-kafka-2"))
s.bot("alerts", ALERT, "B04AM", "alertmanager", attachments=am_slack_attachment("firing", "SearchZeroResultRateHigh", "search zero-result ratio 31% (1h avg > 25%)\nteam: search  severity: warning", color="warning"))
s.bot("alerts", ALERT_OK, "B04AM", "alertmanager", attachments=am_slack_attachment("resolved", "SearchZeroResultRateHigh", "search zero-result ratio back under 25%"))
for t, txt in [(add(W10, seconds=2), "search-api 7.9.0: canary at 10%, paused 20m"), (add(W50, seconds=2), "search-api 7.9.0: canary at 50%, paused 20m"),
               (add(DONE, seconds=2), "search-api 7.9.0: rollout completed (analysis Successful)"),
               (add(OTHER_ROLL, minutes=21, seconds=17), "checkout-api 2.41.0: rollout completed (analysis Successful)"),
               (add(UNDO_DONE, seconds=2), "search-api 7.8.4: rollout completed (revision 42)")]:
    s.bot("deploys", t, "B04AR", "argo-rollouts", blocks=pd_slack_blocks(":rocket: " + txt))
s.say("deploys", add(OTHER_ROLL, seconds=-40), "U04MARTA", "checkout-api 2.41.0 starting (checkout team), only the address form change")
s.say("support-escalations", REPORT, "U04CHLOE", "lots of tickets since ~15:00: search shows 'no results' for 'crème fraîche', 'müsli', 'jamón'... plain words like 'milch' work. FR, DE and ES customers. paging search")
s.say("support-escalations", add(REPORT, seconds=95), "U04CHLOE", "41 tickets so far, macro going out to customers: use the category pages for now")
ch = "inc-search-empty"
s.say(ch, add(ACK, seconds=30), "U04NOAH", "acked. search-api 5xx 0.1%, p95 120ms, all green on our dashboards. looking at zero-result queries")
s.say(ch, WRONG, "U04ELIF", "the catalog reindex ran last night, maybe the FR catalog didn't make it into the new index?")
s.say(ch, ROLLBACK_Q, "U04ELIF", "should we roll back the index alias to yesterday's snapshot?")
s.say(ch, add(ROLLBACK_Q, seconds=60), "U04NOAH", "doc counts per market match yesterday, the index is fine")
s.say(ch, DIAG, "U04NOAH", "it's the query side: search-api 7.9.0 (100% since 14:45) bumped textnorm to 2.0, its fold filter drops non-ASCII letters, 'crème' becomes 'crme'. the canary analysis only checks 5xx and p95, empty results are 200s so it passed")
s.say(ch, add(DIAG, seconds=70), "U04PAUL", "confirmed on the canary split: zero-result ratio by version was 30% on 7.9.0 vs 5% on 7.8.4 since 14:05")
s.say(ch, add(UNDO, seconds=-40), "U04NOAH", "undoing search-api to 7.8.4 and promoting fully")
s.say(ch, add(UNDO_DONE, seconds=60), "U04NOAH", "7.8.4 everywhere. zero results down but still ~14%")
s.say(ch, DIAG2, "U04PAUL", "results cache: 7.9.0 wrote empty result sets keyed by the raw query, TTL 60 min, so popular accented queries are still served empty from cache")
s.say(ch, add(FLUSH, seconds=-60), "U04NOAH", "bumping the results cache generation via the admin API")
s.say(ch, add(FLUSH, seconds=80), "U04NOAH", "cache generation 119, 'crème fraîche' returns 212 products again. zero-result ratio at baseline")
s.say(ch, add(RESOLVED, seconds=-50), "U04NOAH", "40 min at baseline, resolving. follow-up: zero-result ratio by version into the canary analysis")
s.say("support-escalations", STATUS, "U04CHLOE", "status page updated: 'Search results missing for some products, we're working on it'")
s.write(inc, "slack")

inc.truth(
    "korbo-search-canary", "canary-analysis-passes-bad-build-silent-empty-results",
    "search-api 7.9.0 folds away non-ASCII letters, so accented queries return 200 with no results; the canary analysis checked only 5xx and\n"
    "latency and promoted it; support pages by hand; the undo leaves empty results in the results cache until its generation is bumped.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(ROLL, "change", "search-api Rollout updated to revision 41 (7.9.0), canary starts", "cd/argo-rollouts-6b8d5c9f7d-pq4lz.log", 60),
     (STARTED, "first_symptom", "first accented query served empty (hits=0) by the 7.9.0 canary pod", "search/search-api.ndjson.gz", 60),
     (W100, "change", "canary analysis Successful; traffic weight 50 -> 100, 7.9.0 serves everyone", "cd/argo-rollouts-6b8d5c9f7d-pq4lz.log", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #7316 by hand", "pd/log_entries-2026-08-06.json", 60),
     (ACK, "acknowledged", "Noah acknowledges", "pd/log_entries-2026-08-06.json", 60),
     (DIAG, "diagnosis", "Noah: 7.9.0's fold filter drops non-ASCII letters; analysis only checks 5xx and p95", "slack", 90),
     (ALERT, "alert_fired", "SearchZeroResultRateHigh (warning) firing", "slack", 60),
     (UNDO, "mitigation", "kubectl argo rollouts undo to 7.8.4 (revision 42), then full promotion", "cd/argo-rollouts-6b8d5c9f7d-pq4lz.log", 60),
     (DIAG2, "diagnosis", "Paul: empty result sets cached by raw query, TTL 60 min", "slack", 90),
     (FLUSH, "mitigation", "results cache generation bumped 118 -> 119 on every pod", "search/search-api.ndjson.gz", 60),
     (MITIGATED, "recovery", "accented queries return results again; zero-result ratio at baseline", "search/search-api.ndjson.gz", 60),
     (RESOLVED, "resolved", "PagerDuty #7316 resolved", "pd/log_entries-2026-08-06.json", 60)],
    [(CRON[-1], "daily feed-export-google CronJob failure (KubeJobFailed) at ~12:15 every day", "k8s/events-prod.json"),
     (T(D + "11:48:20"), "NodeFilesystemSpaceFillingUp for the CI team, flapping", "slack"),
     (T(D + "12:52:04"), "unrelated PagerDuty incident: Kafka under-replicated partitions (data platform)", "pd/log_entries-2026-08-06.json"),
     (OTHER_ROLL, "checkout team's checkout-api 2.41.0 rollout", "cd/argo-rollouts-6b8d5c9f7d-pq4lz.log"),
     (WRONG, "wrong hunch: last night's catalog reindex", "slack"),
     (ROLLBACK_Q, "'should we roll back the index alias?' question, not done", "slack"),
     (T(D + "14:00:00"), "steady synonyms refresh timeouts, rare 504s and HPA metric warnings all window", "search/search-api.ndjson.gz")],
    [("search/search-api.ndjson.gz", "logs"), ("cd/argo-rollouts-6b8d5c9f7d-pq4lz.log", "logs"), ("metrics/search_quality.json", "prometheus-query-range"),
     ("k8s/events-prod.json", "kube-events"), ("pd/log_entries-2026-08-06.json", "pagerduty-log-entries"), ("slack", "slack-export")])
