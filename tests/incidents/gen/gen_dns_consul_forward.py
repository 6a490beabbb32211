"""dev/dns-consul-forward: a Corefile change forwards service.consul to a dead DNS VIP; checkout can't find inventory."""
import random
from common import *

rng = random.Random(20260211)
inc = Incident("dev", "dns-consul-forward")

D = "2026-02-11 "
W0, W1 = T(D + "13:00:00"), T(D + "15:00:00")
CRON = [T("2026-02-%02d 13:05:%02d" % (d, 7 + d)) for d in (8, 9, 10, 11)]
SEARCH_DEPLOY = T(D + "13:20:04")
COMMIT = T(D + "13:39:48")
SYNC = T(D + "13:41:20")
RELOAD = T(D + "13:42:05")
STARTED = T(D + "13:42:31")
ALERT = T(D + "13:47:30")
PAGE = T(D + "13:48:02")
ACK = T(D + "13:51:40")
STATUS = T(D + "13:59:30")
ROLLBACK_Q = T(D + "13:58:11")
WRONG = T(D + "13:56:40")
DIAG = T(D + "14:03:10")
REVERT_COMMIT = T(D + "14:07:12")
REVERT_SYNC = T(D + "14:08:40")
RELOAD2 = T(D + "14:09:02")
MITIGATED = T(D + "14:09:35")
ALERT_OK = T(D + "14:14:30")
RESOLVED = T(D + "14:22:15")

# ---- coredns log (kubectl logs --timestamps, all three replicas concatenated)
cd = []
def cdl(t, msg):
    cd.append((t, "%s %s" % (t.strftime("%Y-%m-%dT%H:%M:%S.") + "%09dZ" % (t.microsecond * 1000 + rng.randint(0, 999)), msg)))
for t in poisson_times(rng, W0, W1, 1 / 25.0):
    q = rng.choice(["metadata.google.internal.cluster.local.", "wpad.svc.cluster.local.", "api.segment.io.svc.cluster.local."])
    cdl(t, '[INFO] 10.244.%d.%d:%d - %d "A IN %s udp 57 false 512" NXDOMAIN qr,aa,rd 150 0.000%03ds' % (
        rng.randint(1, 6), rng.randint(2, 250), rng.randint(30000, 60000), rng.randint(1, 65535), q, rng.randint(80, 400)))
for r in (RELOAD, RELOAD2):
    for i, pod_ip in enumerate(["10.244.3.17", "10.244.1.22"]):
        t = add(r, seconds=i * 3.1)
        cdl(t, "[INFO] Reloading")
        sha = hexid(rng, 128)
        cdl(add(t, seconds=0.4), "[INFO] plugin/reload: Running configuration SHA512 = " + sha)
        cdl(add(t, seconds=0.4), "[INFO] Reloading complete")
for t in poisson_times(rng, STARTED, MITIGATED, 1.2):
    cdl(t, "[ERROR] plugin/errors: 2 inventory.service.consul. %s: read udp 10.244.3.17:%d->10.20.0.53:53: i/o timeout" % (
        rng.choice(["A", "A", "AAAA"]), rng.randint(30000, 60000)))
cdl(add(STARTED, seconds=-0.3), "[ERROR] plugin/errors: 2 inventory.service.consul. A: read udp 10.244.3.17:41822->10.20.0.53:53: i/o timeout")
cd.sort(key=lambda x: x[0])
inc.lines("coredns-7d9c4b6f9-x2kq8.txt", [l for _, l in cd])

# ---- checkout-api JSON lines
app = []
for t in poisson_times(rng, W0, W1, 0.45):
    bad = STARTED <= t <= MITIGATED and rng.random() < 0.62
    rid = hexid(rng, 16)
    if bad:
        app.append((t, jline({"time": iso(t, ms=True), "level": "error", "service": "checkout-api", "request_id": rid,
                              "msg": "inventory reservation failed",
                              "error": "Post \"http://inventory.service.consul:8080/v2/reserve\": dial tcp: lookup inventory.service.consul on 10.96.0.10:53: server misbehaving",
                              "route": "/api/checkout", "status": 503})))
    else:
        app.append((t, jline({"time": iso(t, ms=True), "level": "info", "service": "checkout-api", "request_id": rid,
                              "msg": "request completed", "route": rng.choice(["/api/checkout", "/api/cart", "/api/cart", "/healthz"]),
                              "status": 200, "duration_ms": rng.randint(18, 140)})))
for t in poisson_times(rng, W0, W1, 1 / 70.0):  # steady benign noise
    app.append((t, jline({"time": iso(t, ms=True), "level": "warn", "service": "checkout-api",
                          "msg": "recommendations call timed out, serving without recommendations",
                          "error": "context deadline exceeded", "timeout_ms": 250})))
app.append((add(STARTED, seconds=0.2), jline({"time": iso(add(STARTED, seconds=0.2), ms=True), "level": "error", "service": "checkout-api",
            "msg": "inventory reservation failed", "request_id": hexid(rng), "route": "/api/checkout", "status": 503,
            "error": "Post \"http://inventory.service.consul:8080/v2/reserve\": dial tcp: lookup inventory.service.consul on 10.96.0.10:53: server misbehaving"})))
app.sort(key=lambda x: x[0])
inc.lines("app.log", [l for _, l in app])

# ---- kube events
k = Kube(rng)
for i, sfx in enumerate(["5c9f7-kq2vd", "5c9f7-7tnmw", "5c9f7-z8l4r"]):
    t = add(SEARCH_DEPLOY, seconds=2 + i * 24)
    k.pod_start(t, "search", "search-indexer-" + sfx, "ip-10-20-%d-14.ec2.internal" % (i + 1),
                "123456789012.dkr.ecr.us-west-2.amazonaws.com/search-indexer:v2.14.0", "search-indexer")
    k.ev(add(t, seconds=20), "search", "Pod", "search-indexer-6b8d4-%s" % ["abcde", "fghij", "klmno"][i], "Killing",
         "Stopping container search-indexer", host="ip-10-20-%d-14.ec2.internal" % (i + 1))
k.ev(SEARCH_DEPLOY, "search", "Deployment", "search-indexer", "ScalingReplicaSet",
     "Scaled up replica set search-indexer-5c9f7 to 1", component="deployment-controller")
for c in CRON[-1:]:
    k.ev(add(c, seconds=-300), "billing", "CronJob", "billing-reconcile", "SuccessfulCreate", "Created job billing-reconcile-29510465",
         component="cronjob-controller")
    k.ev(c, "billing", "Job", "billing-reconcile-29510465", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
         type_="Warning", component="job-controller")
for i, pod in enumerate(["checkout-api-7f6d8c9b4-2xkqj", "checkout-api-7f6d8c9b4-9pvmn", "checkout-api-7f6d8c9b4-tr5wz"]):
    t0 = add(STARTED, seconds=95 + i * 11)
    k.ev(add(MITIGATED, seconds=-20 + i * 4), "checkout", "Pod", pod, "Unhealthy",
         "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning",
         host="ip-10-20-%d-31.ec2.internal" % (i + 1), count=38 - i * 3, first=t0)
inc.json("events.json", k.core_list())

# ---- alertmanager webhook receiver log (one POST body per line)
posts = []
def post(t, body):
    posts.append((t, jline(body)))
lab = {"severity": "page", "team": "checkout", "namespace": "checkout", "service": "checkout-api", "prometheus": "monitoring/k8s"}
a = am_alert("CheckoutHighErrorRate", lab, "checkout-api 5xx ratio above 5% for 5m", ALERT,
             desc="5xx ratio is 41.2% (threshold 5%)")
post(add(ALERT, seconds=30), am_webhook("pagerduty-checkout", [a]))
post(add(ALERT, seconds=30), am_webhook("slack-alerts", [a]))
a2 = am_alert("CheckoutHighErrorRate", lab, "checkout-api 5xx ratio above 5% for 5m", ALERT, ends=ALERT_OK)
post(add(ALERT_OK, seconds=12), am_webhook("pagerduty-checkout", [a2]))
post(add(ALERT_OK, seconds=12), am_webhook("slack-alerts", [a2]))
kl = {"severity": "warning", "team": "data", "namespace": "analytics", "consumergroup": "clickstream-sink"}
ks = T(D + "13:12:00")
for i in range(4):  # flapping consumer-lag alert from the data team
    s = add(ks, minutes=i * 23)
    post(add(s, seconds=30), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", kl, "clickstream-sink lag > 50k", s)]))
    post(add(s, minutes=9), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", kl, "clickstream-sink lag > 50k", s, ends=add(s, minutes=8, seconds=30))]))
cl = {"severity": "warning", "team": "billing", "namespace": "billing", "job_name": "billing-reconcile"}
post(add(CRON[-1], seconds=45), am_webhook("slack-alerts", [am_alert("KubeJobFailed", cl, "Job billing/billing-reconcile failed to complete", add(CRON[-1], seconds=15))]))
posts.sort(key=lambda x: x[0])
inc.lines("capture-3.json", [l for _, l in posts])

# ---- infra repo git log
gl = []
def commit(t, tz, author, subj):
    lt = local(t, tz)
    gl.append((t, "%s %s %s %s" % (hexid(rng, 10), lt.isoformat(), author, subj)))
commit(T("2026-02-10 18:22:10"), "America/Los_Angeles", "Priya Raman", "terraform: bump aws provider to 5.84")
commit(T("2026-02-11 09:02:55"), "Europe/Warsaw", "Tomasz Kowalczyk", "consul: move DNS interface to new NLB 10.20.0.53 (consul-dns-v2)")
commit(COMMIT, "Europe/Warsaw", "Tomasz Kowalczyk", "coredns: forward service.consul to consul-dns-v2 VIP (#1842)")
commit(T("2026-02-11 13:52:40"), "America/Los_Angeles", "Jordan Lee", "grafana: add search-indexer dashboard")
commit(REVERT_COMMIT, "Europe/Warsaw", "Tomasz Kowalczyk", "Revert \"coredns: forward service.consul to consul-dns-v2 VIP (#1842)\" (#1845)")
commit(T("2026-02-11 16:40:02"), "Europe/Warsaw", "Tomasz Kowalczyk", "consul-dns-v2: open udp/53 in NLB security group")
gl.sort(reverse=True)
inc.lines("infra-main.txt", [l for _, l in gl])

# ---- slack export
s = Slack()
for u, n, r, tz in [("U01DANA", "dana", "Dana Whitfield", "America/Los_Angeles"), ("U01TOMK", "tomasz", "Tomasz Kowalczyk", "Europe/Warsaw"),
                    ("U02MARC", "marco", "Marco Bellini", "Europe/Rome"), ("U03PRIY", "priya", "Priya Raman", "America/Los_Angeles"),
                    ("U04SUPP", "lena.support", "Lena Ortiz", "America/New_York")]:
    s.user(u, n, r, tz)
s.user("U0ABOT1", "alertmanager", "Alertmanager", bot=True)
for cid, n, p in [("C01ALRT", "alerts", "Alertmanager notifications"), ("C01DPLY", "deploys", "Deploy and sync notifications"),
                  ("C05INC1", "inc-checkout-errors", "Checkout 5xx 2026-02-11"), ("C01SUPP", "support-escalations", "")]:
    s.channel(cid, n, p, created=T("2025-06-01 00:00:00") if n != "inc-checkout-errors" else add(ALERT, minutes=6))
for c in CRON:
    s.bot("alerts", add(c, seconds=45), "B01AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "*Job billing/billing-reconcile failed to complete*\nteam: billing"))
s.bot("alerts", add(ALERT, seconds=31), "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "CheckoutHighErrorRate", "checkout-api 5xx ratio above 5% for 5m\n5xx ratio is 41.2%"))
s.bot("alerts", add(PAGE, seconds=1), "B02PD", "PagerDuty",
      blocks=pd_slack_blocks(":red_circle: *Triggered* <https://acme.pagerduty.com/incidents/Q1X9|#4412 CheckoutHighErrorRate checkout-api>\nAssigned to Dana Whitfield"))
s.bot("alerts", ACK, "B02PD", "PagerDuty",
      blocks=pd_slack_blocks(":large_yellow_circle: *Acknowledged* by Dana Whitfield <https://acme.pagerduty.com/incidents/Q1X9|#4412 CheckoutHighErrorRate checkout-api>"))
s.bot("alerts", add(ALERT_OK, seconds=13), "B01AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "CheckoutHighErrorRate", "checkout-api 5xx ratio above 5% for 5m"))
s.bot("alerts", RESOLVED, "B02PD", "PagerDuty",
      blocks=pd_slack_blocks(":large_green_circle: *Resolved* by Dana Whitfield <https://acme.pagerduty.com/incidents/Q1X9|#4412 CheckoutHighErrorRate checkout-api>"))
s.bot("deploys", add(SEARCH_DEPLOY, seconds=-4), "B03SP", "spinnaker",
      attachments=[{"color": "2EB67D", "fallback": "search-indexer v2.14.0 deployed to prod-us-west-2 by jordan.lee",
                    "text": "*search-indexer* `v2.14.0` deployed to *prod-us-west-2* by jordan.lee", "mrkdwn_in": ["text"]}])
s.bot("deploys", SYNC, "B04ARGO", "argocd",
      blocks=pd_slack_blocks(":white_check_mark: Application *coredns-config* sync succeeded to revision `8c1d2e4a` (Tomasz Kowalczyk)"))
s.bot("deploys", REVERT_SYNC, "B04ARGO", "argocd",
      blocks=pd_slack_blocks(":white_check_mark: Application *coredns-config* sync succeeded to revision `f03b91c7` (Tomasz Kowalczyk)"))
ch = "inc-checkout-errors"
s.say(ch, add(ALERT, minutes=6, seconds=5), "U01DANA", "opening this for #4412. checkout 5xx around 40%, started ~13:42")
s.say(ch, T(D + "13:54:50"), "U01DANA", "errors are all inventory reservation: `dial tcp: lookup inventory.service.consul on 10.96.0.10:53: server misbehaving`")
s.say(ch, WRONG, "U02MARC", "search-indexer went out at 13:20, could that be it? they share the inventory cache")
s.say(ch, ROLLBACK_Q, "U02MARC", "should we roll back checkout to yesterday's build just in case?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U01DANA", "checkout hasn't deployed since Monday, I don't think rolling it back helps")
s.say(ch, STATUS, "U04SUPP", "posted on the status page: \"Some customers may be unable to complete checkout. We are investigating.\"")
s.say(ch, T(D + "14:01:15"), "U01TOMK", "looking. coredns has a lot of i/o timeouts to 10.20.0.53")
s.say(ch, DIAG, "U01TOMK", "looks like the Corefile change from 13:41 - the consul-dns-v2 VIP isn't answering on udp/53. my bad")
s.say(ch, add(DIAG, seconds=50), "U01TOMK", "reverting coredns-config now")
s.say(ch, T(D + "14:10:40"), "U01DANA", "errors stopped at ~14:09:30, 5xx back to baseline")
s.say(ch, T(D + "14:21:50"), "U01DANA", "stable for 10+ minutes, resolving #4412. Tomasz will fix the NLB SG before retrying the change")
s.say(ch, T(D + "14:24:05"), "U04SUPP", "status page updated to resolved")
s.say("support-escalations", T(D + "13:52:30"), "U04SUPP", "several tickets about checkout failing with 'try again later', anyone looking?")
s.say("support-escalations", T(D + "13:31:00"), "U04SUPP", "reminder: weekly support sync moved to Thursday")
s.write(inc, "slack")

F = lambda p, k, tz=None: (p, k, tz)
inc.truth(
    "dns-consul-forward", "dns-change",
    "A CoreDNS Corefile change forwarded service.consul to a new Consul DNS VIP that dropped udp/53;\n"
    "checkout-api could not resolve inventory and returned 503s until the change was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(COMMIT, "change", "coredns Corefile change merged (forward service.consul to consul-dns-v2)", "infra-main.txt", 120),
     (SYNC, "change", "argocd syncs coredns-config; CoreDNS reloads", "slack", 90),
     (STARTED, "first_symptom", "first 'lookup inventory.service.consul ... server misbehaving' / CoreDNS i/o timeouts", "app.log", 60),
     (ALERT, "alert_fired", "CheckoutHighErrorRate firing", "capture-3.json", 60),
     (PAGE, "paged", "PagerDuty #4412 triggered", "slack", 60),
     (ACK, "acknowledged", "Dana acknowledges #4412", "slack", 60),
     (STATUS, "communication", "status page: customers may be unable to check out", "slack", 90),
     (DIAG, "diagnosis", "Tomasz: Corefile change, consul-dns-v2 VIP not answering", "slack", 90),
     (REVERT_SYNC, "mitigation", "revert of coredns-config synced", "slack", 120),
     (MITIGATED, "recovery", "last DNS failure; checkout 5xx back to baseline", "app.log", 90),
     (ALERT_OK, "alert_resolved", "CheckoutHighErrorRate resolved", "capture-3.json", 60),
     (RESOLVED, "resolved", "PagerDuty #4412 resolved", "slack", 60)],
    [(CRON[-1], "daily billing-reconcile CronJob failure (KubeJobFailed), fires every day ~13:05", "capture-3.json"),
     (SEARCH_DEPLOY, "search team deploys search-indexer v2.14.0", "events.json"),
     (T(D + "13:12:00"), "KafkaConsumerGroupLag flapping for data team", "capture-3.json"),
     (WRONG, "wrong hunch: search-indexer deploy", "slack"),
     (ROLLBACK_Q, "'should we roll back checkout?' question, nobody rolled back", "slack"),
     (T(D + "13:30:00"), "steady recommendations timeouts (~1/min) all window", "app.log"),
     (T(D + "13:52:40"), "unrelated grafana dashboard commit", "infra-main.txt")],
    [F("coredns-7d9c4b6f9-x2kq8.txt", "logs"), F("app.log", "logs"), F("events.json", "kube-events"),
     F("capture-3.json", "alertmanager-webhook"), F("infra-main.txt", "git-log"), F("slack", "slack-export")])
