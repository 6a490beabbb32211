"""retired13/fernway-ranker-canary: a ranking-model canary meant for 5% ships with the weights swapped; the new model
gets 95% of search traffic and, with a feature the online store never materialised, quietly ranks worse until reverted."""
import random
from common import *

rng = random.Random(20260514)
inc = Incident("retired13", "fernway-ranker-canary")
D = "2026-05-14 "
W0, W1 = T(D + "12:00:00"), T(D + "16:00:00")
COMMIT = T(D + "12:58:47")
SYNC_EU0, SYNC_EU = T(D + "13:04:02"), T(D + "13:04:09")
STARTED = T(D + "13:04:31")            # eu router reloads the 5/95 split, first defaulted-feature warnings
SYNC_US0, SYNC_US = T(D + "13:06:10"), T(D + "13:06:17")
RELOAD_US = T(D + "13:06:38")
OTHER_DEPLOY0, OTHER_DEPLOY = T(D + "13:40:05"), T(D + "13:40:12")
WARN = T(D + "13:31:04")
MERCH = T(D + "13:47:20")
CRIT = T(D + "13:52:04")
PAGE = T(D + "13:52:36")
ESC = T(D + "14:07:37")
ACK = T(D + "14:09:41")
WRONG = T(D + "14:12:30")
ROLLBACK_Q = T(D + "14:14:10")
DIAG = T(D + "14:16:50")
REVERT = T(D + "14:19:05")
REV_EU0, REV_EU = T(D + "14:20:12"), T(D + "14:20:19")
RELOAD_EU2 = T(D + "14:20:44")
BLOCKED = T(D + "14:23:55")
COMMS = T(D + "14:27:30")
REV_US0, REV_US = T(D + "14:33:50"), T(D + "14:33:58")
MITIGATED = T(D + "14:34:21")          # us router reloads 100/0, the last region back on ltr-v30
CRIT_OK = T(D + "14:49:04")
WARN_OK = T(D + "14:53:04")
RESOLVED = T(D + "15:20:12")
CRONS = [T("2026-05-%02d 12:10:%02d" % (d, 14 + d)) for d in (11, 12, 13, 14)]
REGIONS = {"eu-west-1": (STARTED, RELOAD_EU2), "us-east-1": (RELOAD_US, MITIGATED)}


def bad(region, t):
    a, b = REGIONS[region]
    return a <= t < b


# ---- ranking-router logs (go-kit logfmt, both regions in one file from the log shipper)
rl = []
def R(t, *pairs):
    rl.append((t, logfmt([("ts", iso(t, ms=True))] + list(pairs))))
for reg, host in (("eu-west-1", "ranking-router-7c9f6d8b54-q2xkd"), ("us-east-1", "ranking-router-5d4b8f9c77-m8wzt")):
    for t in frange(add(W0, seconds=7 if reg == "eu-west-1" else 33), W1, 60):
        n = rng.randint(5200, 6100) if reg == "eu-west-1" else rng.randint(7400, 8600)
        v31 = int(n * rng.uniform(0.94, 0.96)) if bad(reg, t) else 0
        R(t, ("caller", "stats.go:141"), ("level", "info"), ("region", reg), ("pod", host), ("msg", "ranking stats"),
          ("window", "60s"), ("requests", n), ("ltr_v30", n - v31), ("ltr_v31", v31),
          ("p99_ms", rng.randint(38, 52) + (6 if v31 else 0)), ("feature_defaults", v31 + rng.randint(0, 4)))
    for t in poisson_times(rng, W0, W1, 1 / 150.0):
        R(t, ("caller", "features.go:212"), ("level", "warn"), ("region", reg), ("pod", host),
          ("msg", "feature store timeout, serving cached"), ("feature_view", "user_profile_v4"), ("timeout_ms", 25))
for reg, t, split, rev in (("eu-west-1", STARTED, ("5", "95"), "a1c3e9f"), ("us-east-1", RELOAD_US, ("5", "95"), "a1c3e9f"),
                           ("eu-west-1", RELOAD_EU2, ("100", "0"), "7f20b4d"), ("us-east-1", MITIGATED, ("100", "0"), "7f20b4d")):
    R(t, ("caller", "config.go:88"), ("level", "info"), ("region", reg), ("msg", "traffic split reloaded"),
      ("ltr-v30", split[0]), ("ltr-v31", split[1]), ("config_rev", rev))
for reg, (a, b) in REGIONS.items():
    for t in frange(add(a, seconds=0.4), b, 10):
        R(t, ("caller", "features.go:97"), ("level", "warn"), ("region", reg), ("msg", "feature defaulted"),
          ("model", "ltr-v31"), ("feature", "ctx_price_affinity"), ("reason", "key not found in online store"),
          ("sampled", "1/10s"))
inc.lines("ranking-router.logfmt", [l for _, l in sorted(rl, key=lambda x: x[0])])

# ---- prometheus query_range (search ATC ratio, model share)
def atc(reg):
    base = 0.112 if reg == "eu-west-1" else 0.104
    def f(t):
        a, b = REGIONS[reg]
        wobble = 0.003 * (((int(epoch(t)) // 60) * 7) % 5 - 2) / 2
        if a <= t < b:
            ramp = min(1.0, (t - a).total_seconds() / 120.0)
            return base - 0.029 * ramp + wobble
        if t >= b and t < add(b, minutes=3):
            return base - 0.029 * (1 - (t - b).total_seconds() / 180.0) + wobble
        return base + wobble
    return f
def share(reg):
    def f(t):
        a, b = REGIONS[reg]
        return 0.95 + 0.002 * ((int(epoch(t)) // 60) % 3 - 1) if a <= t < b else 0.0
    return f
inc.json("search-quality.json", query_range(
    [({"region": r, "surface": "search", "__name__": "search:add_to_cart_ratio:rate5m"}, atc(r)) for r in REGIONS] +
    [({"region": r, "model": "ltr-v31", "__name__": "ranker:model_share:rate1m"}, share(r)) for r in REGIONS],
    W0, W1, 60, fmt="%.4f"), indent=None)

# ---- ml-serving git log (default format)
gl = []
def C(t, who, mail, subj, body=""):
    lt = local(t, "Europe/London")
    gl.append((t, "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n%s" % (
        hexid(rng, 40), who, mail, lt.strftime("%a %b %-d %H:%M:%S %Y %z"), subj,
        ("    \n" + "".join("    %s\n" % b for b in body.split("\n"))) if body else "")))
C(T("2026-05-13 16:22:09"), "Lena Okafor", "lena.okafor@fernway.io", "feature-store: add ctx_price_affinity view (offline only for now)")
C(COMMIT, "Priya Raman", "priya.raman@fernway.io", "ranker: start canary for ltr-v31 at 5% (eu + us)",
  "values/ranking-router: traffic.ltr-v30.weight: 5, traffic.ltr-v31.weight: 95\nOffline NDCG@10 +1.8%, see MLX-412")
C(T(D + "13:37:51"), "Jonas Berg", "jonas.berg@fernway.io", "checkout-web: bump to 4.88.0")
C(REVERT, "Priya Raman", "priya.raman@fernway.io", "Revert \"ranker: start canary for ltr-v31 at 5% (eu + us)\"",
  "weights were swapped; ltr-v31 got 95%")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("ml-serving.txt", "\n".join(l for _, l in gl))

# ---- Argo CD applications (kubectl get applications -o json)
def hist(i, t0, t1, rev, path):
    return {"deployStartedAt": iso(t0), "deployedAt": iso(t1), "id": i, "initiatedBy": {"automated": True} if i % 2 else {"username": "priya.raman"},
            "revision": rev, "source": {"path": path, "repoURL": "https://git.fernway.io/ml/ml-serving.git", "targetRevision": "main"}}
apps = []
for name, ns, hs in [
        ("ranking-router-euw1", "ranking", [hist(40, T("2026-05-12 09:11:40"), T("2026-05-12 09:11:48"), "3be81c0" + "0" * 33, "envs/euw1/ranking-router"),
                                             hist(41, SYNC_EU0, SYNC_EU, "a1c3e9f" + "4" * 33, "envs/euw1/ranking-router"),
                                             hist(42, REV_EU0, REV_EU, "7f20b4d" + "9" * 33, "envs/euw1/ranking-router")]),
        ("ranking-router-use1", "ranking", [hist(38, T("2026-05-12 09:12:03"), T("2026-05-12 09:12:11"), "3be81c0" + "0" * 33, "envs/use1/ranking-router"),
                                             hist(39, SYNC_US0, SYNC_US, "a1c3e9f" + "4" * 33, "envs/use1/ranking-router"),
                                             dict(hist(40, REV_US0, REV_US, "7f20b4d" + "9" * 33, "envs/use1/ranking-router"), initiatedBy={"username": "priya.raman"})]),
        ("checkout-web-euw1", "checkout", [hist(211, T("2026-05-13 10:02:11"), T("2026-05-13 10:03:40"), "e02d9a1" + "1" * 33, "checkout-web"),
                                            dict(hist(212, OTHER_DEPLOY0, OTHER_DEPLOY, "c4f7a20" + "2" * 33, "checkout-web"), initiatedBy={"username": "jonas.berg"})])]:
    apps.append({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
                 "metadata": {"name": name, "namespace": "argocd", "uid": uuid(name)},
                 "spec": {"destination": {"namespace": ns, "server": "https://kubernetes.default.svc"}, "project": "search-ml" if ns == "ranking" else "checkout",
                          "syncPolicy": {"automated": {"prune": True, "selfHeal": True}}},
                 "status": {"history": hs, "operationState": {"phase": "Succeeded", "startedAt": hs[-1]["deployStartedAt"], "finishedAt": hs[-1]["deployedAt"],
                                                              "message": "successfully synced (all tasks run)"},
                            "sync": {"status": "Synced", "revision": hs[-1]["revision"]}, "health": {"status": "Healthy"},
                            "conditions": ([{"type": "SyncError", "lastTransitionTime": iso(BLOCKED),
                                             "message": "Sync denied by sync window 'us-business-hours' (deny, schedule '0 13 * * 1-5', duration 3h)"}]
                                           if name == "ranking-router-use1" else [])}})
inc.json("apps.json", {"apiVersion": "v1", "items": apps, "kind": "List", "metadata": {"resourceVersion": ""}})

# ---- alertmanager webhook archive (ndjson)
hk = []
def H(t, recv, al):
    hk.append((t, jline(am_webhook(recv, [al]))))
sl = {"team": "search-ml", "surface": "search"}
H(add(WARN, seconds=30), "slack-search-ml", am_alert("SearchAddToCartRateLow", dict(sl, severity="warning"), "search add-to-cart ratio 21% below the same hour last week", WARN))
H(add(CRIT, seconds=30), "pd-search-ml", am_alert("SearchAddToCartRateCritical", dict(sl, severity="page"), "search add-to-cart ratio 27% below the same hour last week (15m)", CRIT))
H(add(CRIT_OK, seconds=30), "pd-search-ml", am_alert("SearchAddToCartRateCritical", dict(sl, severity="page"), "search add-to-cart ratio 27% below the same hour last week (15m)", CRIT, ends=CRIT_OK))
H(add(WARN_OK, seconds=30), "slack-search-ml", am_alert("SearchAddToCartRateLow", dict(sl, severity="warning"), "search add-to-cart ratio 21% below the same hour last week", WARN, ends=WARN_OK))
for c in CRONS:
    H(add(c, seconds=45), "slack-search-ml", am_alert("KubeJobFailed", {"severity": "warning", "team": "search-ml", "namespace": "ml-batch", "job_name": "ltr-feature-drift-report-%s" % c.strftime("%d")},
                                                     "Job ml-batch/ltr-feature-drift-report failed to complete", add(c, seconds=15)))
kl = {"severity": "warning", "team": "data-platform", "consumergroup": "clickstream-sessionizer"}
for a, b in [("12:40:11", "12:52:11"), ("13:15:41", "13:21:41"), ("14:02:11", "14:10:11"), ("15:05:41", "15:11:11")]:
    A, B = T(D + a), T(D + b)
    H(add(A, seconds=30), "slack-data", am_alert("KafkaConsumerGroupLag", kl, "consumer group clickstream-sessionizer lag > 500k", A))
    H(add(B, seconds=30), "slack-data", am_alert("KafkaConsumerGroupLag", kl, "consumer group clickstream-sessionizer lag > 500k", A, ends=B))
inc.lines("am-archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty log entries
pd = PD(5512, "SearchAddToCartRateCritical search add-to-cart ratio below last week", "search-ranking", "PSRCH07", "Search ML")
priya, tomas = PD.user("Priya Raman", "PPRIYA1"), PD.user("Tomás Ferreira", "PTOMAS2")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEU01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Priya Raman by push notification.", user=priya)
pd.add(add(PAGE, seconds=301), "notify_log_entry", None, None, "Notified Priya Raman by phone.", user=priya)
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Tomás Ferreira by push notification.", user=tomas)
pd.add(ACK, "acknowledge_log_entry", tomas, {"type": "mobile"}, "Acknowledged by Tomás Ferreira.")
pd.add(RESOLVED, "resolve_log_entry", tomas, {"type": "web_ui"}, "Resolved by Tomás Ferreira.")
inc.json("pd-log.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("U01PRIYA", "priya", "Priya Raman"), ("U01TOMAS", "tomas", "Tomás Ferreira"), ("U01LENA", "lena", "Lena Okafor"),
                ("U01HANNA", "hannah", "Hannah Lindgren"), ("U01JONAS", "jonas", "Jonas Berg")]:
    s.user(u, n, r)
for cid, n in [("C01SMLA", "search-ml-alerts"), ("C01INC", "inc-search-ranking"), ("C01MERCH", "merch-ops")]:
    s.channel(cid, n)
for c in CRONS:
    s.bot("search-ml-alerts", add(c, seconds=46), "B01AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job ml-batch/ltr-feature-drift-report failed to complete", color="warning"))
s.bot("search-ml-alerts", add(WARN, seconds=31), "B01AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "SearchAddToCartRateLow", "search add-to-cart ratio 21% below the same hour last week\nseverity: warning", color="warning"))
s.bot("search-ml-alerts", add(CRIT, seconds=31), "B01AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "SearchAddToCartRateCritical", "search add-to-cart ratio 27% below the same hour last week (15m)"))
s.bot("search-ml-alerts", add(CRIT_OK, seconds=31), "B01AM", "alertmanager", attachments=am_slack_attachment(
    "resolved", "SearchAddToCartRateCritical", "search add-to-cart ratio back within range"))
s.say("search-ml-alerts", T(D + "13:33:10"), "U01LENA", "ATC warning again? it was noisy last week around the promo, keeping an eye")
s.say("merch-ops", MERCH, "U01HANNA", "search for 'sofa' on the UK site shows cushions and throws first, sofas on page 2. did anyone change something?")
s.say("merch-ops", T(D + "13:58:40"), "U01LENA", "looking, there's an add-to-cart alert for search too")
ch = "inc-search-ranking"
s.say(ch, add(ACK, seconds=35), "U01TOMAS", "acked (got it by escalation, Priya is in the quarterly review). search add-to-cart down ~25% both regions since ~13:05, no errors, latency normal")
s.say(ch, WRONG, "U01TOMAS", "checkout-web 4.88.0 went out at 13:40 - maybe the add-to-cart button broke?")
s.say(ch, add(WRONG, seconds=70), "U01LENA", "ATC dropped at 13:05, before that deploy. PDP add-to-cart from category pages is normal, it's only search sessions")
s.say(ch, ROLLBACK_Q, "U01LENA", "should we roll back the ranker canary? it's the only search change today")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U01TOMAS", "canary is 5%, can 5% move ATC by a quarter?")
s.say(ch, DIAG, "U01PRIYA", "found it: the weights are swapped in my commit, ltr-v31 gets 95% and v30 5%. and v31's ctx_price_affinity is defaulted on every request - the feature view was never materialised to the online store, so v31 ranks with a constant. that's the drop")
s.say(ch, add(REVERT, seconds=20), "U01PRIYA", "reverting the canary commit, argo will sync both routers")
s.say(ch, add(RELOAD_EU2, seconds=30), "U01PRIYA", "eu-west-1 router reloaded 100/0, v31 share 0 there")
s.say(ch, BLOCKED, "U01PRIYA", "use1 didn't sync: 'Sync denied by sync window us-business-hours'. the window was meant to stop releases, not reverts")
s.say(ch, add(BLOCKED, seconds=95), "U01TOMAS", "I can override with the admin role, doing it now")
s.say(ch, add(MITIGATED, seconds=40), "U01TOMAS", "use1 synced with override, router reloaded 100/0. ATC climbing in both regions")
s.say("merch-ops", COMMS, "U01LENA", "update: search ranking has been degraded since 13:04 UTC because a model canary got 95% of traffic instead of 5%. fixed in EU, US fix in progress. no orders lost, but fewer search conversions")
s.say(ch, T(D + "15:02:00"), "U01LENA", "ATC back at last week's level in both regions for 25 min. follow-ups: canary weight lint, materialisation check before promote, sync window exemption for reverts")
s.say(ch, add(RESOLVED, seconds=-20), "U01TOMAS", "resolving")
s.write(inc, "chat")

inc.truth(
    "fernway-ranker-canary", "model-canary-weights-swapped-quiet-ranking-regression",
    "A ranking-model canary meant for 5% was committed with the weights swapped; ltr-v31, whose new feature was never materialised to\n"
    "the online store, served 95% of search and quietly cut add-to-cart by a quarter until the revert (eu first, us after a sync-window override).",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYNC_EU, "change", "Argo CD syncs ranking-router-euw1 to a1c3e9f (ltr-v31 weight 95)", "apps.json", 60),
     (STARTED, "first_symptom", "eu router reloads 5/95 split; ctx_price_affinity defaulted for ltr-v31", "ranking-router.logfmt", 90),
     (WARN, "alert_fired", "SearchAddToCartRateLow warning fires", "am-archive.ndjson", 60),
     (PAGE, "paged", "PagerDuty #5512 triggered (SearchAddToCartRateCritical)", "pd-log.json", 60),
     (ACK, "acknowledged", "Tomás acknowledges after escalation by timeout", "pd-log.json", 60),
     (DIAG, "diagnosis", "Priya: weights swapped, v31 feature defaulted (not materialised)", "chat", 90),
     (REV_EU, "mitigation", "revert synced to ranking-router-euw1 (eu only; us blocked by sync window)", "apps.json", 60),
     (COMMS, "communication", "update to merch-ops on the degraded ranking", "chat", 90),
     (REV_US, "mitigation", "revert synced to ranking-router-use1 with sync-window override", "apps.json", 60),
     (MITIGATED, "recovery", "us router reloads 100/0; ltr-v31 share 0 everywhere, ATC recovers", "ranking-router.logfmt", 90),
     (CRIT_OK, "alert_resolved", "SearchAddToCartRateCritical resolved", "am-archive.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-log.json", 60)],
    [(CRONS[-1], "daily ltr-feature-drift-report job failure (KubeJobFailed every day ~12:10)", "am-archive.ndjson"),
     (OTHER_DEPLOY, "checkout team deploys checkout-web 4.88.0", "apps.json"),
     (T(D + "13:15:41"), "KafkaConsumerGroupLag for data-platform, flapping", "am-archive.ndjson"),
     (WRONG, "wrong hunch: checkout-web broke the add-to-cart button", "chat"),
     (ROLLBACK_Q, "'should we roll back the ranker canary?' question", "chat"),
     (T(D + "13:33:10"), "'ATC warning noisy last week' dismissal", "chat"),
     (T(D + "14:00:00"), "steady feature store timeout warnings all window", "ranking-router.logfmt")],
    [("ranking-router.logfmt", "logs"), ("search-quality.json", "prometheus-query-range"), ("ml-serving.txt", "git-log"),
     ("apps.json", "deploys"), ("am-archive.ndjson", "alertmanager-webhook"), ("pd-log.json", "pagerduty-log-entries"),
     ("chat", "slack-export")])
