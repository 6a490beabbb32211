"""retired10/eats-appconfig-audience: an AWS AppConfig deployment of the edge-auth jwt-validation profile drops the
mobile apps' audiences; the gateway answers 401 invalid_audience to every app request until version 13 is redeployed."""
import random
from common import *

rng = random.Random(20260409)
inc = Incident("retired10", "eats-appconfig-audience")
D = "2026-04-09 "
W0, W1 = T(D + "10:00:00"), T(D + "13:00:00")
CRON = [T("2026-04-%02d 10:30:%02d" % (d, 4 + d)) for d in (6, 7, 8, 9)]
OTHER_DEPLOY = T(D + "10:48:31")
CHANGE = T(D + "11:02:10")          # AppConfig deployment 37 (v14) started, AllAtOnce
STARTED = T(D + "11:02:41")         # first 401 invalid_audience
ALERT = T(D + "11:09:40")
PAGE = T(D + "11:10:05")
ACK = T(D + "11:13:30")
WRONG1 = T(D + "11:15:50")
WRONG2 = T(D + "11:17:35")
ROLLBACK_Q = T(D + "11:19:05")
COMMS = T(D + "11:21:20")
DIAG = T(D + "11:24:30")
REVERT = T(D + "11:27:05")          # AppConfig deployment 38 (v13) started
MITIGATED = T(D + "11:27:48")       # last 401 invalid_audience
ALERT_OK = T(D + "11:33:40")
RESOLVED = T(D + "11:58:00")
BAD = (STARTED, MITIGATED)

# ---- edge gateway JSON access log (sampled 1:50), gzipped
APPS = [("ios", "Forkly/8.14.2 (iPhone; iOS 19.3.1)", "com.forkly.ios"), ("android", "Forkly/8.14.1 (Android 16; Pixel 9)", "com.forkly.android"),
        ("web", "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_3) AppleWebKit/605.1.15 Safari/605.1.15", "web-consumer")]
PATHS = ["/v2/feed", "/v2/restaurants/%d/menu", "/v2/cart", "/v2/orders", "/v2/orders/%d/track", "/v2/me", "/v2/search"]
acc = []
def A(t, app, path, status, dur, upstream, err=None, aud=None, pod=None):
    o = {"ts": iso(t, ms=True), "level": "info" if status < 500 else "error", "msg": "request", "svc": "edge-gw", "pod": "edge-gw-6b7d9c5f8-%s" % (pod or rng.choice(["x2kq8", "m4pzt", "r7fvd", "c9hnw"])),
         "method": "GET" if "orders" not in path or rng.random() < 0.6 else "POST", "path": path, "status": status, "dur_ms": dur,
         "client": app[0], "ua": app[1], "upstream": upstream, "req_id": hexid(rng, 20)}
    if err:
        o["auth_err"] = err
        o["level"] = "warn"
    if aud:
        o["aud"] = aud
    acc.append((t, jline(o)))
for t in poisson_times(rng, W0, W1, 0.9):
    app = rng.choices(APPS, weights=[45, 35, 20])[0]
    p = rng.choice(PATHS)
    if "%d" in p:
        p = p % rng.randint(1000, 99999)
    up = {"/v2/feed": "feed-svc", "/v2/cart": "cart-svc", "/v2/orders": "orders-svc", "/v2/me": "account-svc", "/v2/search": "search-svc"}.get(p.split("/1")[0].split("/2")[0].split("/3")[0], "catalog-svc")
    if "orders" in p:
        up = "orders-svc"
    if BAD[0] <= t < BAD[1] and app[0] != "web":
        A(t, app, p, 401, rng.randint(1, 4), "-", "invalid_audience", app[2])
    elif rng.random() < 0.012:
        A(t, app, p, 401, rng.randint(1, 4), "-", "token_expired")
    elif rng.random() < 0.004:
        A(t, app, "/v2/feed", 504, 3000 + rng.randint(0, 20), "promo-svc")
    else:
        A(t, app, p, 200 if rng.random() > 0.02 else 404, rng.randint(18, 240), up)
A(STARTED, APPS[0], "/v2/feed", 401, 2, "-", "invalid_audience", "com.forkly.ios")
A(add(MITIGATED, seconds=-0.4), APPS[1], "/v2/orders/55120/track", 401, 1, "-", "invalid_audience", "com.forkly.android", pod="c9hnw")
# config reload lines
for t, v in ((add(CHANGE, seconds=29), 14), (add(REVERT, seconds=41), 13)):
    for i, pod in enumerate(["x2kq8", "m4pzt", "r7fvd", "c9hnw"]):
        acc.append((add(t, seconds=i * 0.7), jline({"ts": iso(add(t, seconds=i * 0.7), ms=True), "level": "info", "msg": "appconfig: configuration updated",
                                                   "svc": "edge-gw", "pod": "edge-gw-6b7d9c5f8-" + pod, "profile": "jwt-validation", "version_label": "v%d" % v})))
inc.lines("edge-gw/requests.jsonl.gz", [l for _, l in sorted(acc, key=lambda x: x[0])])

# ---- AWS AppConfig: list-deployments + get-deployment (EventLog), all applications
def dep(app, env, prof, num, ver, label, desc, t, who, strategy="AppConfig.AllAtOnce", bake=10, state="COMPLETE", rolled=None):
    growth = {"AppConfig.AllAtOnce": ("LINEAR", 100.0, 0), "AppConfig.Linear20PercentEvery6Minutes": ("LINEAR", 20.0, 30)}[strategy]
    done = add(t, minutes=growth[2])
    ev = [{"EventType": "DEPLOYMENT_STARTED", "TriggeredBy": "USER", "Description": "Deployment started", "OccurredAt": iso(t)}]
    if growth[2]:
        for k in range(1, 5):
            ev.append({"EventType": "PERCENTAGE_UPDATED", "TriggeredBy": "APPCONFIG", "Description": "Configuration available to %d%% of clients" % (20 * k),
                       "OccurredAt": iso(add(t, minutes=6 * k))})
    else:
        ev.append({"EventType": "PERCENTAGE_UPDATED", "TriggeredBy": "APPCONFIG", "Description": "Configuration available to 100% of clients", "OccurredAt": iso(add(t, seconds=1))})
    ev.append({"EventType": "BAKE_TIME_STARTED", "TriggeredBy": "APPCONFIG", "Description": "Deployment bake time started", "OccurredAt": iso(add(done, seconds=1))})
    ev.append({"EventType": "DEPLOYMENT_COMPLETED", "TriggeredBy": "APPCONFIG", "Description": "Deployment completed", "OccurredAt": iso(add(done, minutes=bake, seconds=2))})
    ev.reverse()
    return {"ApplicationId": uid(app, 7), "EnvironmentId": uid(app + env, 7), "DeploymentStrategyId": strategy, "ConfigurationProfileId": uid(app + prof, 7),
            "DeploymentNumber": num, "ConfigurationName": prof, "ConfigurationLocationUri": "hosted", "ConfigurationVersion": str(ver),
            "VersionLabel": label, "Description": desc, "DeploymentDurationInMinutes": growth[2], "GrowthType": growth[0], "GrowthFactor": growth[1],
            "FinalBakeTimeInMinutes": bake, "State": state, "EventLog": ev, "PercentageComplete": 100.0, "StartedAt": iso(t),
            "CompletedAt": iso(add(done, minutes=bake, seconds=2)), "AppliedExtensions": [],
            "KmsKeyArn": None, "KmsKeyIdentifier": None,
            "Tags": {"deployed-by": who, "app": app}}
deps = [
    dep("edge-auth", "prod", "jwt-validation", 36, 13, "v13", "rotate JWKS cache TTL to 300s", T("2026-03-30 09:14:51"), "nadia.haddad"),
    dep("courier-eta", "prod", "eta-model-flags", 211, 88, "v88", "eta model 2026-04 to 25%", T("2026-04-08 15:40:02"), "bram.visser", "AppConfig.Linear20PercentEvery6Minutes", 5),
    dep("promo-svc", "prod", "campaign-rules", 64, 41, "v41", "spring promo rules", T("2026-04-09 08:05:13"), "lea.moreau", "AppConfig.Linear20PercentEvery6Minutes", 5),
    dep("courier-eta", "prod", "eta-model-flags", 212, 89, "v89", "eta model 2026-04 to 100%", T(D + "10:51:20"), "bram.visser", "AppConfig.Linear20PercentEvery6Minutes", 5),
    dep("edge-auth", "prod", "jwt-validation", 37, 14, "v14", "add partner-portal audience", CHANGE, "omar.farouk"),
    dep("edge-auth", "prod", "jwt-validation", 38, 13, "v13", "redeploy v13", REVERT, "nadia.haddad"),
    dep("promo-svc", "prod", "campaign-rules", 65, 42, "v42", "fix spring promo end date", T(D + "12:20:44"), "lea.moreau", "AppConfig.Linear20PercentEvery6Minutes", 5),
]
deps.sort(key=lambda d: d["StartedAt"], reverse=True)
inc.json("appconfig-deployments.json", {"Items": deps})

# ---- gitops repo log (git log --pretty=fuller), other teams' changes only
gl = []
def C(t, who, mail, subj, body=""):
    h = hexid(rng, 40)
    lt = local(t, "Europe/Paris").strftime("%a %b %-d %H:%M:%S %Y %z")
    gl.append((t, "commit %s\nAuthor:     %s <%s>\nAuthorDate: %s\nCommit:     %s <%s>\nCommitDate: %s\n\n    %s\n%s" % (
        h, who, mail, lt, who, mail, lt, subj, ("\n    " + body + "\n") if body else "")))
C(T("2026-04-08 16:22:09"), "Lea Moreau", "lea.moreau@forkly.eu", "promo-svc: raise HPA max to 14")
C(T(D + "09:31:40"), "Jonas Weber", "jonas.weber@forkly.eu", "search-svc: bump to 3.9.1")
C(T(D + "10:46:55"), "Bram Visser", "bram.visser@forkly.eu", "courier-eta: deploy 2026.04.09-2 (eta model v2026-04)", "Argo CD auto-sync, prod-eu-west-1")
C(T(D + "12:41:12"), "Nadia Haddad", "nadia.haddad@forkly.eu", "edge-gw: alert on invalid_audience separately from token errors")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("gitops.log", "\n".join(l for _, l in gl))

# ---- alert rules
inc.write("rules/edge.yaml", """groups:
- name: edge-gw
  rules:
  - alert: EdgeAuthFailureRatioHigh
    expr: sum(rate(edge_requests_total{status="401"}[5m])) / sum(rate(edge_requests_total[5m])) > 0.15
    for: 5m
    labels: {severity: page, team: edge}
    annotations:
      summary: "{{ $value | humanizePercentage }} of edge requests rejected with 401"
  - alert: EdgeUpstreamTimeouts
    expr: sum by (upstream) (rate(edge_requests_total{status="504"}[10m])) > 0.5
    for: 10m
    labels: {severity: warning, team: edge}
- name: data
  rules:
  - alert: PartnerReportJobFailed
    expr: kube_job_status_failed{job_name=~"partner-report-.*"} > 0
    labels: {severity: warning, team: data}
  - alert: KafkaConsumerLagHigh
    expr: sum by (consumergroup) (kafka_consumergroup_lag) > 50000
    for: 3m
    labels: {severity: warning, team: data}
""")

# ---- Alertmanager webhook posts (ndjson)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
el = {"severity": "page", "team": "edge", "cluster": "prod-eu-west-1"}
H(add(ALERT, seconds=8), am_webhook("pagerduty-edge", [am_alert("EdgeAuthFailureRatioHigh", el, "78.6% of edge requests rejected with 401", ALERT)]))
H(add(ALERT_OK, seconds=8), am_webhook("pagerduty-edge", [am_alert("EdgeAuthFailureRatioHigh", el, "78.6% of edge requests rejected with 401", ALERT, ends=ALERT_OK)]))
kl = {"severity": "warning", "team": "data", "consumergroup": "clickstream-sink"}
for s_, e_ in ((T(D + "10:12:30"), T(D + "10:19:00")), (T(D + "10:58:30"), T(D + "11:04:30")), (T(D + "11:40:30"), T(D + "11:47:00")), (T(D + "12:26:30"), T(D + "12:31:00"))):
    H(add(s_, seconds=9), am_webhook("slack-data", [am_alert("KafkaConsumerLagHigh", kl, "clickstream-sink lag above 50k", s_)]))
    H(add(e_, seconds=9), am_webhook("slack-data", [am_alert("KafkaConsumerLagHigh", kl, "clickstream-sink lag above 50k", s_, ends=e_)]))
c = CRON[-1]
H(add(c, minutes=1, seconds=40), am_webhook("slack-data", [am_alert("PartnerReportJobFailed", {"severity": "warning", "team": "data", "job_name": "partner-report-29594670"},
                                                                   "partner-report job failed", add(c, minutes=1, seconds=30))]))
tl = {"severity": "warning", "team": "edge", "upstream": "promo-svc"}
H(T(D + "12:05:10"), am_webhook("slack-edge", [am_alert("EdgeUpstreamTimeouts", tl, "promo-svc 504s at edge", T(D + "12:05:00"))]))
H(T(D + "12:16:10"), am_webhook("slack-edge", [am_alert("EdgeUpstreamTimeouts", tl, "promo-svc 504s at edge", T(D + "12:05:00"), ends=T(D + "12:16:00"))]))
inc.lines("am-posts.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(30417, "EdgeAuthFailureRatioHigh prod-eu-west-1", "edge-gateway", "PEDGE07", "Edge On-call")
omar = PD.user("Omar Farouk", "POMARF1")
sini = PD.user("Sini Laine", "PSINI02")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod-eu"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Sini Laine by push notification.", user=sini)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Sini Laine by phone.", user=sini)
pd.add(ACK, "acknowledge_log_entry", sini, {"type": "phone"}, "Acknowledged by Sini Laine.")
pd.add(add(ACK, minutes=4), "annotate_log_entry", sini, {"type": "web_ui", "summary": "mobile apps only, web fine"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", sini, {"type": "web_ui"}, "Resolved by Sini Laine.")
inc.json("pd-log.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("USINI", "sini", "Sini Laine"), ("UOMAR", "omar", "Omar Farouk"), ("UNADI", "nadia", "Nadia Haddad"), ("UBRAM", "bram", "Bram Visser"),
                ("UJULI", "julie", "Julie Martin"), ("ULEA", "lea", "Lea Moreau")]:
    s.user(u, n, r, "Europe/Paris")
for cid, n in [("CINC0409", "inc-edge-401s"), ("CDATA", "data-alerts"), ("CDEP", "deploys")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("data-alerts", add(c, minutes=1, seconds=41), "BAM", "alertmanager",
          attachments=am_slack_attachment("firing", "PartnerReportJobFailed", "partner-report job failed (S3 AccessDenied on partner bucket)", color="warning"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=4), "BARGO", "argocd", blocks=pd_slack_blocks("*courier-eta* synced to `2026.04.09-2` in prod-eu-west-1 (Healthy)"))
ch = "inc-edge-401s"
s.say(ch, add(ACK, seconds=50), "USINI", "acked. 401 ratio at the edge jumped to ~40%, looks like app traffic only")
s.say(ch, WRONG1, "UJULI", "courier-eta went out at 10:48, could that be it? drivers app maybe")
s.say(ch, add(WRONG1, seconds=40), "USINI", "courier-eta is behind orders-svc, these are 401s at the gateway before any upstream")
s.say(ch, WRONG2, "UBRAM", "did the IdP rotate its signing keys? we had that in January")
s.say(ch, add(WRONG2, seconds=55), "USINI", "JWKS fetch is fine and web tokens validate, so not the keys")
s.say(ch, ROLLBACK_Q, "UJULI", "should we roll back the gateway?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "USINI", "the gateway image hasn't changed since Monday")
s.say(ch, COMMS, "UJULI", "Customer care + status page: 'Some app users are signed out or see login errors, web ordering unaffected, we are investigating'")
s.say(ch, DIAG, "UOMAR", "it's my AppConfig push - every 401 has auth_err=invalid_audience with aud com.forkly.ios / com.forkly.android, and jwt-validation v14 that went out at 11:02 only lists web-consumer and partner-portal. I built it from the web profile")
s.say(ch, add(DIAG, seconds=50), "UNADI", "redeploying v13 to prod now, AllAtOnce")
s.say(ch, add(REVERT, seconds=70), "USINI", "gateway pods reloaded v13, invalid_audience gone")
s.say(ch, add(REVERT, seconds=95), "UJULI", "users who were signed out have to log in again, care has a macro for it")
s.say(ch, add(RESOLVED, seconds=-40), "USINI", "401s at baseline for 30 min, resolving. Follow-ups: bake-time alarm on the AppConfig deployment, schema check for audiences")
s.write(inc, "slack")

inc.truth(
    "eats-appconfig-audience", "central-config-push-auth-audience-list-dropped",
    "An AWS AppConfig deployment (v14, AllAtOnce) of edge-auth's jwt-validation profile lists only the web and partner audiences;\n"
    "the edge gateway rejects every mobile-app token with 401 invalid_audience until v13 is redeployed.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "AppConfig deployment 37 of edge-auth jwt-validation v14 (add partner-portal audience) started", "appconfig-deployments.json", 60),
     (STARTED, "first_symptom", "first 401 invalid_audience for com.forkly.ios at the edge gateway", "edge-gw/requests.jsonl.gz", 60),
     (ALERT, "alert_fired", "EdgeAuthFailureRatioHigh firing", "am-posts.ndjson", 60),
     (PAGE, "paged", "PagerDuty #30417 triggered", "pd-log.json", 60),
     (ACK, "acknowledged", "Sini Laine acknowledges", "pd-log.json", 60),
     (COMMS, "communication", "status page / customer care: app users signed out", "slack", 60),
     (DIAG, "diagnosis", "Omar: v14 of jwt-validation lists only web and partner audiences", "slack", 60),
     (REVERT, "mitigation", "AppConfig deployment 38 redeploys v13", "appconfig-deployments.json", 60),
     (MITIGATED, "recovery", "last 401 invalid_audience; gateway pods on v13", "edge-gw/requests.jsonl.gz", 60),
     (ALERT_OK, "alert_resolved", "EdgeAuthFailureRatioHigh resolved", "am-posts.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-log.json", 60)],
    [(CRON[-1], "partner-report job fails daily at 10:30 (also Apr 6-8)", "slack"),
     (OTHER_DEPLOY, "courier-eta Argo CD sync by logistics", "slack"),
     (T(D + "10:51:20"), "AppConfig courier-eta eta-model-flags deployment 212", "appconfig-deployments.json"),
     (T(D + "10:58:30"), "KafkaConsumerLagHigh for data team, flapping", "am-posts.ndjson"),
     (T(D + "12:05:00"), "EdgeUpstreamTimeouts promo-svc, steady 504s all window", "am-posts.ndjson"),
     (T(D + "12:20:44"), "AppConfig promo-svc campaign-rules deployment 65", "appconfig-deployments.json"),
     (T(D + "10:30:00"), "steady 401 token_expired and promo-svc 504s all window", "edge-gw/requests.jsonl.gz"),
     (WRONG1, "wrong hunch: courier-eta deploy", "slack"),
     (WRONG2, "wrong hunch: IdP signing key rotation", "slack"),
     (ROLLBACK_Q, "'should we roll back the gateway?' question", "slack")],
    [("edge-gw/requests.jsonl.gz", "logs"), ("appconfig-deployments.json", "deploys"), ("gitops.log", "git-log"),
     ("rules/edge.yaml", "alert-rules"), ("am-posts.ndjson", "alertmanager-webhook"), ("pd-log.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
