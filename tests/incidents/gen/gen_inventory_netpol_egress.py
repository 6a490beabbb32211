"""retired2/inventory-netpol-egress: a default-deny egress NetworkPolicy for the inventory namespace forgets port 5432; inventory-api loses its database as pool connections are replaced, until the policy is reverted."""
import random
from common import *

rng = random.Random(20260715)
inc = Incident("retired2", "inventory-netpol-egress")
D = "2026-07-15 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")
GTZ = "Europe/Madrid"
CRON = [T("2026-07-%02d 13:30:%02d" % (d, 5 + d)) for d in (12, 13, 14, 15)]
OTHER_DEPLOY = T(D + "13:21:40")
COMMIT = T(D + "13:47:02")
SYNC = T(D + "13:49:18")
STARTED = T(D + "13:49:31")
UNREADY = T(D + "13:51:12")
WARN = T(D + "13:53:40")
ALERT = T(D + "13:56:15")
PAGE = T(D + "13:56:45")
ACK = T(D + "14:01:10")
WRONG = T(D + "14:03:30")
ROLLBACK_Q = T(D + "14:05:00")
COMMS = T(D + "14:07:40")
DIAG = T(D + "14:11:20")
REVERT_COMMIT = T(D + "14:14:05")
REVERT_SYNC = T(D + "14:15:02")
MITIGATED = T(D + "14:15:20")
ALERT_OK = T(D + "14:19:45")
RESOLVED = T(D + "14:40:00")
DB = "10.30.4.12:5432"
PODS = ["inventory-api-6d9f7c8b5-4kq2n", "inventory-api-6d9f7c8b5-9xw7d", "inventory-api-6d9f7c8b5-tz8mh"]
NODES = ["gke-prod-eu-pool-2-8c1e4a7d-k1q9", "gke-prod-eu-pool-2-8c1e4a7d-p3vz", "gke-prod-eu-pool-2-8c1e4a7d-x7rm"]

def broken(t):
    return STARTED <= t < MITIGATED

def err_share(t):
    if not broken(t):
        return 0.0
    return min(0.9, 0.05 + (t - STARTED).total_seconds() / 600.0)

# ---- inventory-api zap JSON logs (epoch seconds)
lg = []
def Z(t, level, pod, caller, msg, **kw):
    lg.append((t, jline({"level": level, "ts": round(epoch(t), 6), "caller": caller, "msg": msg, "pod": pod, **kw})))
for t in poisson_times(rng, W0, W1, 0.35):
    pod = rng.choice(PODS)
    if rng.random() < err_share(t):
        Z(t, "error", pod, "store/pg.go:118", "acquire connection failed",
          error="failed to connect to `host=%s user=inventory database=inventory`: dial error (dial tcp %s: i/o timeout)" % (DB.split(":")[0], DB),
          route="GET /v2/stock/{sku}", status=503)
    else:
        Z(t, "info", pod, "http/server.go:77", "request", route=rng.choice(["GET /v2/stock/{sku}", "GET /v2/stock/batch", "POST /v2/reservations"]),
          status=200, duration_ms=rng.randint(3, 60))
Z(STARTED, "error", PODS[1], "store/pg.go:118", "acquire connection failed",
  error="failed to connect to `host=10.30.4.12 user=inventory database=inventory`: dial error (dial tcp 10.30.4.12:5432: i/o timeout)",
  route="POST /v2/reservations", status=503)
for t in poisson_times(rng, W0, W1, 1 / 95.0):
    Z(t, "warn", rng.choice(PODS), "supplier/feed.go:52", "supplier feed returned 404 for sku, keeping last known stock",
      sku="SKU-%06d" % rng.randint(1, 999999), supplier=rng.choice(["nordlog", "acme-dist", "petrov"]))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    Z(t, "warn", rng.choice(PODS), "cache/redis.go:88", "redis GET slow", duration_ms=rng.randint(120, 400))
for i, p in enumerate(PODS):
    Z(add(MITIGATED, seconds=-2 + 3 * i), "info", p, "store/pg.go:64", "database pool healthy", open=rng.randint(8, 12), host=DB)
inc.lines("inv-api.jsonl", [l for _, l in sorted(lg, key=lambda x: x[0])])

# ---- ingress request rate by status class, query_range
def rate(cls):
    def f(t):
        base = 41 + 6 * rng.random()
        s = err_share(t)
        if add(UNREADY, seconds=-30) <= t < MITIGATED:
            s = max(s, 0.5)
        return base * (1 - s) if cls == "2xx" else base * s + (0.02 * rng.random())
    return f
inc.json("q_range.json", query_range(
    [({"ingress": "inventory-api", "namespace": "inventory", "status_class": c}, rate(c)) for c in ("2xx", "5xx")],
    W0, W1, 30, fmt="%.3f"), indent=None)

# ---- kube events (core List)
k = Kube(rng)
def argo(t, app, reason, msg):
    k.ev(t, "argocd", "Application", app, reason, msg, component="argocd-application-controller")
argo(add(OTHER_DEPLOY, seconds=-4), "storefront-web-prod", "OperationStarted", "Initiated automated sync to 'a41c09e7d2'")
argo(add(OTHER_DEPLOY, seconds=70), "storefront-web-prod", "OperationCompleted", "Sync operation to a41c09e7d2 succeeded")
for i in range(3):
    p = "storefront-web-85b6c9d7f4-%s" % ["hz4rt", "m2c8w", "q9dlx"][i]
    k.pod_start(add(OTHER_DEPLOY, seconds=5 + 20 * i), "storefront", p, NODES[i], "europe-west1-docker.pkg.dev/acme/web/storefront-web:2026.07.15-2", "storefront-web")
argo(add(SYNC, seconds=-6), "platform-netpol-prod", "OperationStarted", "Initiated automated sync to '5e0b7f31c8'")
argo(SYNC, "platform-netpol-prod", "ResourceUpdated", "Updated sync status: OutOfSync -> Synced")
argo(add(SYNC, seconds=1), "platform-netpol-prod", "OperationCompleted", "Sync operation to 5e0b7f31c8 succeeded")
for i, p in enumerate(PODS):
    first = add(UNREADY, seconds=17 * i)
    last = add(MITIGATED, seconds=-5 + 4 * i)
    k.ev(last, "inventory", "Pod", p, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning",
         host=NODES[i], count=int((last - first).total_seconds() // 10), first=first)
W = "inventory-sync-worker-7b4c6f9d8-r5bkn"
for n, t in enumerate([T(D + "13:58:02"), T(D + "14:00:41"), T(D + "14:05:19"), T(D + "14:10:48")]):
    k.ev(t, "inventory", "Pod", W, "BackOff", "Back-off restarting failed container inventory-sync-worker in pod %s_inventory(%s)" % (W, uuid(W)),
         type_="Warning", host=NODES[2], count=n + 1, first=T(D + "13:58:02"))
k.ev(add(REVERT_SYNC, seconds=-5), "argocd", "Application", "platform-netpol-prod", "OperationStarted", "Initiated sync to '9c2e4d0a17' (manual, by ravi.menon)", component="argocd-application-controller")
k.ev(add(REVERT_SYNC, seconds=1), "argocd", "Application", "platform-netpol-prod", "OperationCompleted", "Sync operation to 9c2e4d0a17 succeeded", component="argocd-application-controller")
k.ev(add(REVERT_SYNC, seconds=40), "inventory", "Pod", W, "Started", "Started container inventory-sync-worker", host=NODES[2])
cj = "stock-snapshot-export-29210730"
k.ev(add(CRON[-1], seconds=-60), "reporting", "Job", cj, "SuccessfulCreate", "Created pod: %s-l8p2d" % cj, component="job-controller")
k.ev(CRON[-1], "reporting", "Job", cj, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
lst = k.core_list()
for it in lst["items"]:
    if it["involvedObject"]["kind"] == "Application":
        it["involvedObject"]["apiVersion"] = "argoproj.io/v1alpha1"
    if it["involvedObject"]["kind"] == "Job":
        it["involvedObject"]["apiVersion"] = "batch/v1"
inc.json("events.json", lst)

# ---- gitops repo, plain `git log`
commits = [
    (T(D + "09:12:44"), "Marta Ruiz", "marta.ruiz@acme.example", "storefront: bump image to 2026.07.15-2"),
    (COMMIT, "Lena Hoffmann", "lena.hoffmann@acme.example", "netpol: default-deny egress for inventory, allow dns + kafka\n\n    Part of PLAT-2291 (namespace egress lockdown, wave 3)."),
    (T(D + "14:02:30"), "Jonas Berg", "jonas.berg@acme.example", "grafana: add inventory dashboard panel for pool waits"),
    (REVERT_COMMIT, "Ravi Menon", "ravi.menon@acme.example", "Revert \"netpol: default-deny egress for inventory, allow dns + kafka\"\n\n    This reverts commit 5e0b7f31c8. Blocks postgres egress (5432), see INC-4471."),
]
out = []
SHAS = {COMMIT: "5e0b7f31c8", REVERT_COMMIT: "9c2e4d0a17"}
for t, who, mail, msg in sorted(commits, key=lambda c: c[0], reverse=True):
    lt = local(t, GTZ)
    sha = SHAS.get(t, "")
    out += ["commit " + sha + hexid(rng, 40 - len(sha)), "Author: %s <%s>" % (who, mail), "Date:   " + lt.strftime("%a %b %-d %H:%M:%S %Y %z"), "",
            "    " + msg, ""]
inc.lines("platform-gitops.log", out[:-1])

# ---- alertmanager webhooks (JSON list of POST bodies)
posts = []
il = {"severity": "warning", "team": "inventory", "namespace": "inventory"}
pl = {"severity": "page", "team": "inventory", "service": "inventory-api"}
posts.append(am_webhook("slack-inventory", [am_alert("InventoryDBConnectErrors", il, "inventory-api cannot open new database connections", WARN)]))
posts.append(am_webhook("pd-inventory", [am_alert("InventoryApi5xxHigh", pl, "inventory-api 5xx ratio above 5% for 2m", ALERT,
                                                  desc="ingress inventory-api: 5xx 23% of requests")]))
posts.append(am_webhook("slack-inventory", [am_alert("InventoryDBConnectErrors", il, "inventory-api cannot open new database connections", WARN, ends=T(D + "14:17:10"))]))
posts.append(am_webhook("pd-inventory", [am_alert("InventoryApi5xxHigh", pl, "inventory-api 5xx ratio above 5% for 2m", ALERT, ends=ALERT_OK)]))
kl_ = {"severity": "warning", "team": "data", "consumergroup": "clickstream-sink"}
for s_, e_ in [(T(D + "13:12:00"), T(D + "13:19:00")), (T(D + "13:44:30"), T(D + "13:48:00")), (T(D + "14:26:00"), T(D + "14:31:30")), (T(D + "15:08:00"), T(D + "15:12:30"))]:
    posts.append(am_webhook("slack-data", [am_alert("KafkaConsumerLagHigh", kl_, "consumer group clickstream-sink lag > 50k", s_)]))
    posts.append(am_webhook("slack-data", [am_alert("KafkaConsumerLagHigh", kl_, "consumer group clickstream-sink lag > 50k", s_, ends=e_)]))
posts.append(am_webhook("slack-reporting", [am_alert("KubeJobFailed", {"severity": "warning", "team": "reporting", "namespace": "reporting", "job_name": cj},
                                                     "Job reporting/%s failed to complete" % cj, add(CRON[-1], seconds=45))]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("am-posts.json", posts)

# ---- pagerduty REST log entries
pd = PD(4471, "InventoryApi5xxHigh inventory-api 5xx ratio above 5% for 2m", "inventory-api", "PINV007", "Inventory On-call")
nadia = PD.user("Nadia Okafor", "PNADIA7")
ravi = PD.user("Ravi Menon", "PRAVIM2")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEU01", "summary": "Alertmanager prod-eu"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Nadia Okafor by push notification.", user=nadia,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", nadia, {"type": "mobile"}, "Acknowledged by Nadia Okafor.", acknowledgement_timeout=1800)
pd.add(T(D + "14:09:02"), "assign_log_entry", nadia, {"type": "web_ui"}, "Assigned to Ravi Menon by Nadia Okafor.",
       assignees=[ravi])
pd.add(add(ALERT_OK, seconds=1), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager: alert resolved"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", nadia, {"type": "web_ui"}, "Resolved by Nadia Okafor.")
inc.json("pd-4471.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U1NADIA", "nadia", "Nadia Okafor"), ("U1RAVI", "ravi", "Ravi Menon"), ("U1LENA", "lena", "Lena Hoffmann"),
                ("U1MARTA", "marta", "Marta Ruiz"), ("U1JONAS", "jonas.b", "Jonas Berg"), ("U1ELI", "eli", "Eli Novak")]:
    s.user(u, n, r, "Europe/Madrid")
s.user("U1AMBOT", "alertmanager", "Alertmanager", bot=True)
for cid, n, p in [("C1INC", "inc-4471-inventory", "INC-4471"), ("C1ALR", "inventory-alerts", "alerts for team inventory"),
                  ("C1DEP", "deploys", "argo cd notifications"), ("C1GEN", "general", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("inventory-alerts", add(c, seconds=47), "B1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job reporting/stock-snapshot-export failed to complete (team reporting)", color="warning"))
s.bot("inventory-alerts", add(WARN, seconds=12), "B1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "InventoryDBConnectErrors", "inventory-api cannot open new database connections", color="warning"))
s.bot("inventory-alerts", add(ALERT, seconds=11), "B1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "InventoryApi5xxHigh", "inventory-api 5xx ratio above 5% for 2m"))
s.bot("inventory-alerts", add(ALERT_OK, seconds=10), "B1AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "InventoryApi5xxHigh", "inventory-api 5xx ratio back under 5%"))
for t, app, rev in [(add(OTHER_DEPLOY, seconds=71), "storefront-web-prod", "a41c09e7d2"), (add(SYNC, seconds=2), "platform-netpol-prod", "5e0b7f31c8"),
                    (add(REVERT_SYNC, seconds=2), "platform-netpol-prod", "9c2e4d0a17")]:
    s.bot("deploys", t, "B1ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *%s* sync succeeded, revision `%s`" % (app, rev)))
ch = "inc-4471-inventory"
s.say(ch, add(ACK, seconds=35), "U1NADIA", "acked. inventory-api 503s, logs say dial tcp 10.30.4.12:5432 i/o timeout. pods going unready")
s.say(ch, WRONG, "U1JONAS", "storefront-web rolled out at 13:21, maybe the new version is hammering stock lookups?")
s.say(ch, add(WRONG, seconds=50), "U1NADIA", "request rate is flat, doesn't look like load")
s.say(ch, ROLLBACK_Q, "U1ELI", "should we roll back inventory-api?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "U1NADIA", "nothing of ours shipped today, last deploy was Monday")
s.say(ch, T(D + "14:08:40"), "U1RAVI", "postgres side looks fine: cpu 20%, 60 conns, no errors in its log")
s.say(ch, DIAG, "U1RAVI", "psql from a debug pod in the inventory ns times out, from default ns it works. it's the new egress NetworkPolicy from 13:47 - it only allows dns and kafka, nothing on 5432")
s.say(ch, add(DIAG, seconds=70), "U1LENA", "ugh, sorry, my change. the db lives outside the cluster CIDR so the allow-list missed it. reverting is fine with me")
s.say(ch, add(REVERT_SYNC, seconds=30), "U1RAVI", "revert synced, pods reconnecting, readiness green")
s.say(ch, add(RESOLVED, seconds=-40), "U1NADIA", "20 min clean. resolving, postmortem doc to follow")
s.bot(ch, COMMS, "B1SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Stock levels unavailable",
      "title": "Investigating - Stock levels and reservations failing", "text": "Some customers see 'stock unavailable' at checkout. We are investigating.", "mrkdwn_in": ["text"]}])
s.say("general", T(D + "13:40:00"), "U1MARTA", "reminder: summer party signup closes friday")
s.say("deploys", T(D + "13:20:30"), "U1MARTA", "storefront-web 2026.07.15-2 going out now")
s.write(inc, "slack")

inc.truth(
    "inventory-netpol-egress", "network-policy-egress-block",
    "A default-deny egress NetworkPolicy for the inventory namespace allowed only DNS and Kafka; inventory-api could not open\n"
    "new connections to its Postgres (outside the cluster), pods went unready and stock calls failed until the policy was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYNC, "change", "Argo CD syncs platform-netpol-prod 5e0b7f31c8 (default-deny egress for inventory)", "events.json", 60),
     (STARTED, "first_symptom", "first 'dial tcp 10.30.4.12:5432: i/o timeout' from inventory-api", "inv-api.jsonl", 60),
     (WARN, "alert_fired", "InventoryDBConnectErrors firing (warning)", "am-posts.json", 60),
     (ALERT, "alert_fired", "InventoryApi5xxHigh firing", "am-posts.json", 60),
     (PAGE, "paged", "PagerDuty #4471 triggered, Nadia notified", "pd-4471.json", 60),
     (ACK, "acknowledged", "Nadia acknowledges", "pd-4471.json", 60),
     (COMMS, "communication", "Statuspage: stock levels and reservations failing", "slack", 90),
     (DIAG, "diagnosis", "Ravi: the new egress NetworkPolicy allows only dns and kafka, not 5432", "slack", 90),
     (REVERT_SYNC, "mitigation", "revert 9c2e4d0a17 synced by Argo CD", "events.json", 60),
     (MITIGATED, "recovery", "pools healthy, 5xx stop, readiness passes", "inv-api.jsonl", 60),
     (ALERT_OK, "alert_resolved", "InventoryApi5xxHigh resolved", "am-posts.json", 60),
     (RESOLVED, "resolved", "PagerDuty #4471 resolved", "pd-4471.json", 60)],
    [(CRON[-1], "stock-snapshot-export CronJob fails daily ~13:30 UTC (team reporting)", "events.json"),
     (OTHER_DEPLOY, "storefront-web rollout by web team", "events.json"),
     (T(D + "13:44:30"), "KafkaConsumerLagHigh flapping for team data all afternoon", "am-posts.json"),
     (T(D + "14:02:30"), "dashboard commit in the gitops repo", "platform-gitops.log"),
     (WRONG, "wrong hunch: storefront-web rollout hammering stock lookups", "slack"),
     (ROLLBACK_Q, "'should we roll back inventory-api?' question, nothing rolled back", "slack"),
     (T(D + "13:58:02"), "inventory-sync-worker BackOff restarts (consequence, not a separate cause)", "events.json"),
     (T(D + "15:00:00"), "steady supplier feed 404 and slow redis GET warnings all window", "inv-api.jsonl")],
    [("inv-api.jsonl", "logs"), ("q_range.json", "prometheus-query-range"), ("events.json", "kube-events"),
     ("platform-gitops.log", "git-log"), ("am-posts.json", "alertmanager-webhook"), ("pd-4471.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
