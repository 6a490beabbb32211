"""train8/bank-payday-login-hpa: payday-morning login growth pushes auth-svc (argon2 hashing) past its HPA ceiling of 12;
login latency and failures grow slowly until maxReplicas is raised to 30 and the new pods warm up."""
import random
from common import *

rng = random.Random(20260925)
inc = Incident("train8", "bank-payday-login-hpa")
TZ = "Europe/London"
D = "2026-09-25 "
W0, W1 = T(D + "06:30:00"), T(D + "09:30:00")
HPA_MAX = T(D + "06:58:20")
STARTED = T(D + "07:12:00")
PROBE = T(D + "07:13:40")
WARN = T(D + "07:24:30")
ALERT = T(D + "07:32:10")
PAGE = T(D + "07:32:11")
ACK = T(D + "07:35:40")
HUNCH = T(D + "07:38:00")
ROLLBACK_Q = T(D + "07:41:10")
STATUS = T(D + "07:44:00")
DIAG = T(D + "07:47:30")
OTHER_COMMIT, OTHER = T(D + "07:49:58"), T(D + "07:52:10")
COMMIT = T(D + "08:01:40")
RESCALE = T(D + "08:02:25")
PODS_READY = T(D + "08:05:10")
MITIGATED = T(D + "08:14:30")
ALERT_OK = T(D + "08:11:50")
RESOLVED = T(D + "08:41:10")
CRON = [T("2026-09-%02d 07:00:%02d" % (d, 30 + d)) for d in (22, 23, 24, 25)]

def excess(t):
    """failure ratio above baseline: creeps up from STARTED, peaks, falls back to 0 at MITIGATED."""
    if not (STARTED <= t < MITIGATED):
        return 0.0
    if t < PODS_READY:
        x = (epoch(t) - epoch(STARTED)) / (epoch(PODS_READY) - epoch(STARTED))
        return 0.004 + 0.105 * x ** 1.6
    x = (epoch(MITIGATED) - epoch(t)) / (epoch(MITIGATED) - epoch(PODS_READY))
    return 0.004 + 0.105 * x ** 2
def baseline(t):
    return 0.0015 + 0.0005 * ((int(epoch(t)) // 45) % 3)
def p99(t):
    e = excess(t)
    return 0.42 + 0.02 * ((int(epoch(t)) // 60) % 4) + (0.35 + 140 * e if e else 0)
def replicas(t):
    if t < HPA_MAX:
        return 6 + int((epoch(t) - epoch(W0)) // 300)
    if t < RESCALE:
        return 12
    if t < add(RESCALE, minutes=5):
        return 24
    return 24 if t < T(D + "08:50:00") else 20

# ---- openmetrics: recording rules + HPA state, 15 s
pts = lambda fn: [(t, fn(t)) for t in frange(W0, W1, 15)]
inc.write("auth-slo.om.txt", openmetrics([
    ("job:auth_login_failures:ratio_rate1m", "gauge", "Share of login attempts answered 5xx or timed out (1m).",
     [({"job": "auth-svc", "namespace": "auth"}, pts(lambda t: round(baseline(t) + excess(t), 5)))]),
    ("job:auth_login_duration_seconds:p99_1m", "gauge", "p99 login latency (1m).",
     [({"job": "auth-svc", "namespace": "auth"}, pts(lambda t: round(p99(t), 3)))]),
    ("kube_horizontalpodautoscaler_status_current_replicas", "gauge", "Current number of replicas of pods managed by this autoscaler.",
     [({"horizontalpodautoscaler": "auth-svc", "namespace": "auth"}, pts(replicas))]),
    ("kube_horizontalpodautoscaler_spec_max_replicas", "gauge", "Upper limit for the number of pods that can be set by the autoscaler.",
     [({"horizontalpodautoscaler": "auth-svc", "namespace": "auth"}, pts(lambda t: 12 if t < RESCALE else 30))]),
]))

# ---- ingress access log (London time with offset), gzipped
ng = []
UAS = ["BankApp/12.4.0 (iPhone; iOS 19.6)", "BankApp/12.4.0 (Android 16; Pixel 9)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/148.0.0.0 Safari/537.36"]
for t in poisson_times(rng, W0, W1, 1.3):
    ip = "%d.%d.%d.%d" % (rng.choice([81, 86, 92, 109, 146]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    if rng.random() < 0.55:
        path = "/api/v2/auth/login"
        r = rng.random()
        if r < excess(t):
            st, rt = rng.choice([(503, rng.uniform(0.01, 0.05)), (504, rng.uniform(9.9, 10.1)), (504, rng.uniform(9.9, 10.1))])
        elif r < 0.035 + excess(t):
            st, rt = 401, rng.uniform(0.3, 0.6)
        else:
            st, rt = 200, min(9.5, rng.uniform(0.25, 0.45) + (rng.uniform(0.5, 1.0) * 60 * excess(t)))
        ng.append((t, nginx(t, ip, "POST", path, st, rng.randint(180, 900), rng.choice(UAS), rt, zone=TZ)))
    else:
        path = rng.choice(["/api/v2/accounts", "/api/v2/accounts/current/transactions?limit=20", "/api/v2/cards", "/static/app.9e1b.js"])
        st = 200 if rng.random() > 0.003 else 499
        ng.append((t, nginx(t, ip, "GET", path, st, rng.randint(300, 12000), rng.choice(UAS), rng.uniform(0.02, 0.3), zone=TZ)))
for t, st in [(STARTED, 504), (add(MITIGATED, seconds=-4), 503)]:
    ng.append((t, nginx(t, "86.14.201.7", "POST", "/api/v2/auth/login", st, 212, UAS[0], 10.0 if st == 504 else 0.02, zone=TZ)))
ng.sort(key=lambda x: x[0])
inc.lines("ingress/access.log.gz", [l for _, l in ng])

# ---- kube events
k = Kube(rng)
for t, n in [(T(D + "06:41:00"), 8), (T(D + "06:49:40"), 10), (HPA_MAX, 12)]:
    k.ev(t, "auth", "HorizontalPodAutoscaler", "auth-svc", "SuccessfulRescale",
         "New size: %d; reason: cpu resource utilization (percentage of request) above target" % n, component="horizontal-pod-autoscaler")
    k.ev(add(t, seconds=1), "auth", "Deployment", "auth-svc", "ScalingReplicaSet", "Scaled up replica set auth-svc-6f9d8c7b54 to %d" % n, component="deployment-controller")
pods = ["auth-svc-6f9d8c7b54-%s" % uid("p%d" % i, 5) for i in range(12)]
for i, t in enumerate(poisson_times(rng, PROBE, add(PODS_READY, minutes=3), 1 / 50.0)):
    pod = pods[i % 12]
    k.ev(t, "auth", "Pod", pod, "Unhealthy", 'Readiness probe failed: Get "http://10.42.%d.%d:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
         % (rng.randint(1, 9), rng.randint(2, 250)), type_="Warning", host="ip-10-42-%d-%d.eu-west-2.compute.internal" % (i % 6, 11 + i % 6), count=1 + i // 12)
k.ev(PROBE, "auth", "Pod", pods[3], "Unhealthy", 'Readiness probe failed: Get "http://10.42.3.77:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
     type_="Warning", host="ip-10-42-3-14.eu-west-2.compute.internal")
k.ev(RESCALE, "auth", "HorizontalPodAutoscaler", "auth-svc", "SuccessfulRescale",
     "New size: 24; reason: cpu resource utilization (percentage of request) above target", component="horizontal-pod-autoscaler")
k.ev(add(RESCALE, seconds=1), "auth", "Deployment", "auth-svc", "ScalingReplicaSet", "Scaled up replica set auth-svc-6f9d8c7b54 to 24", component="deployment-controller")
for i in range(12, 24):
    pod = "auth-svc-6f9d8c7b54-%s" % uid("p%d" % i, 5)
    k.ev(add(RESCALE, seconds=2), "auth", "Pod", pod, "FailedScheduling", "0/14 nodes are available: 14 Insufficient cpu. preemption: 0/14 nodes are available: 14 No preemption victims found for incoming pod.",
         type_="Warning", component="default-scheduler")
    if i == 12:
        k.ev(add(RESCALE, seconds=6), "auth", "Pod", pod, "TriggeredScaleUp", "pod triggered scale-up: [{eks-auth-pool-2c8e 7->11 (max: 20)}]", component="cluster-autoscaler")
    k.pod_start(add(PODS_READY, seconds=-60 + 6 * (i - 12)), "auth", pod, "ip-10-42-%d-%d.eu-west-2.compute.internal" % (7 + i % 4, 40 + i % 4),
                "123456789012.dkr.ecr.eu-west-2.amazonaws.com/auth-svc:5.2.1", "auth-svc")
k.ev(T(D + "08:50:00"), "auth", "HorizontalPodAutoscaler", "auth-svc", "SuccessfulRescale", "New size: 20; reason: All metrics below target", component="horizontal-pod-autoscaler")
for j, t in enumerate([OTHER, add(OTHER, seconds=40), add(OTHER, seconds=80)]):
    k.ev(t, "cards", "Deployment", "cards-api", "ScalingReplicaSet", "Scaled %s replica set cards-api-%s to %d" % ("up", "58c7d9f4b6", j + 1), component="deployment-controller")
k.ev(CRON[-1], "batch", "CronJob", "fx-rates-import", "SuccessfulCreate", "Created job fx-rates-import-29313780", component="cronjob-controller")
k.ev(add(CRON[-1], minutes=2, seconds=14), "batch", "Job", "fx-rates-import-29313780", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("events-prod.json", k.core_list())

# ---- git log of the GitOps repo
def commit(h, who, mail, t, subj, body=""):
    lt = local(t, TZ)
    return ["commit " + h, "Author: %s <%s>" % (who, mail), "Date:   " + lt.strftime("%a %b %-d %H:%M:%S %Y %z"), "", "    " + subj] + \
           (["", "    " + body] if body else []) + [""]
gl = []
for h, who, mail, t, subj, body in [
        (uid("c5", 40), "Ayo Bello", "ayo.bello@northbank.co.uk", T(D + "08:37:02"), "auth-svc: HPA target CPU 70 -> 60 ahead of next payday", "Follow-up to INC-3318."),
        (uid("c4", 40), "Hannah Price", "hannah.price@northbank.co.uk", COMMIT, "auth-svc: raise HPA maxReplicas 12 -> 30", "INC-3318: pinned at max on payday morning."),
        (uid("c3", 40), "Oleg Marin", "oleg.marin@northbank.co.uk", OTHER_COMMIT, "cards-api: bump image to 3.18.4", "Card freeze toggle copy fix."),
        (uid("c2", 40), "Ayo Bello", "ayo.bello@northbank.co.uk", T("2026-09-22 14:10:51"), "auth-svc: release 5.2.1", "Password reset email template."),
        (uid("c1", 40), "Oleg Marin", "oleg.marin@northbank.co.uk", T("2026-09-21 09:02:11"), "cards-api: bump image to 3.18.3", "")]:
    gl += commit(h, who, mail, t, subj, body)
inc.lines("gitops-log.txt", gl)

# ---- alert rules
inc.write("rules/auth.yaml", """groups:
  - name: auth-slo
    rules:
      - alert: AuthLoginLatencyHigh
        expr: job:auth_login_duration_seconds:p99_1m{job="auth-svc"} > 2
        for: 5m
        labels: {severity: warning, team: identity}
        annotations: {summary: "login p99 above 2s"}
      - alert: AuthLoginErrorBudgetBurn
        expr: job:auth_login_failures:ratio_rate1m{job="auth-svc"} > 0.02
        for: 5m
        labels: {severity: page, team: identity}
        annotations: {summary: "login failures {{ $value | humanizePercentage }}"}
  - name: batch
    rules:
      - alert: CronJobFailed
        expr: kube_job_status_failed{namespace="batch"} > 0
        labels: {severity: ticket, team: treasury}
        annotations: {summary: "{{ $labels.job_name }} failed"}
  - name: payments-hub
    rules:
      - alert: MQChannelRetrying
        expr: ibmmq_channel_status{channel="TO.FPS.GW"} == 5
        for: 1m
        labels: {severity: warning, team: payments-hub}
        annotations: {summary: "MQ channel TO.FPS.GW retrying"}
""")

# ---- pagerduty
pd = PD(3318, "AuthLoginErrorBudgetBurn login failures", "auth-svc", "PAUTH01")
hp = PD.user("Hannah Price", "PHPRICE")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMNB1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Hannah Price by push notification.", user=hp)
pd.add(ACK, "acknowledge_log_entry", hp, {"type": "mobile"}, "Acknowledged by Hannah Price.")
pd.add(RESOLVED, "resolve_log_entry", hp, {"type": "web_ui"}, "Resolved by Hannah Price.")
inc.json("pd-log.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UNHP", "hannah", "Hannah Price"), ("UNAYO", "ayo", "Ayo Bello"), ("UNSAM", "sam.k", "Sam Kowalski"),
                ("UNOLEG", "oleg", "Oleg Marin"), ("UNCS", "grace.cx", "Grace Okafor")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("CNINC", "inc-3318-logins", ""), ("CNALR", "identity-alerts", ""), ("CNOPS", "ops", ""), ("CNSTA", "status", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("ops", add(c, minutes=2, seconds=40), "BNAM", "alertmanager", attachments=am_slack_attachment("firing", "CronJobFailed", "fx-rates-import failed", color="warning"))
for a, b in [("06:52:00", "06:54:00"), ("07:27:00", "07:29:00"), ("07:58:00", "08:01:00"), ("08:33:00", "08:35:00"), ("09:05:00", "09:06:00")]:
    s.bot("ops", T(D + a), "BNAM", "alertmanager", attachments=am_slack_attachment("firing", "MQChannelRetrying", "MQ channel TO.FPS.GW retrying (payments-hub)", color="warning"))
    s.bot("ops", T(D + b), "BNAM", "alertmanager", attachments=am_slack_attachment("resolved", "MQChannelRetrying", "MQ channel TO.FPS.GW running"))
s.bot("identity-alerts", WARN, "BNAM", "alertmanager", attachments=am_slack_attachment("firing", "AuthLoginLatencyHigh", "login p99 above 2s", color="warning"))
s.bot("identity-alerts", ALERT, "BNAM", "alertmanager", attachments=am_slack_attachment("firing", "AuthLoginErrorBudgetBurn", "login failures 2.9%"))
s.bot("identity-alerts", ALERT_OK, "BNAM", "alertmanager", attachments=am_slack_attachment("resolved", "AuthLoginErrorBudgetBurn", "login failures 0.2%"))
s.bot("identity-alerts", add(ALERT_OK, seconds=50), "BNAM", "alertmanager", attachments=am_slack_attachment("resolved", "AuthLoginLatencyHigh", "login p99 0.5s"))
c = "inc-3318-logins"
s.say(c, T(D + "07:36:30"), "UNHP", "acked. login p99 is 4s and climbing, 504s from auth-svc, no errors in its own log except timeouts")
s.say(c, HUNCH, "UNSAM", "credential stuffing? payday is when the bots show up")
s.say(c, add(HUNCH, seconds=90), "UNHP", "WAF shows nothing unusual, 401 rate is flat at 3%, these are real customers")
s.say(c, ROLLBACK_Q, "UNSAM", "should we roll back Tuesday's auth-svc 5.2.1 release?")
s.say(c, add(ROLLBACK_Q, seconds=60), "UNAYO", "5.2.1 only changed an email template, and last Friday was fine on it")
s.say(c, DIAG, "UNHP", "found it: auth-svc has been pinned at its HPA max of 12 since 06:58 and every pod is at its CPU limit hashing argon2. "
      "payday logins are ~45% above last month's peak")
s.say(c, T(D + "07:55:00"), "UNHP", "raising maxReplicas to 30 in gitops, cluster-autoscaler will need a few nodes")
s.say(c, add(RESCALE, seconds=30), "UNHP", "argo synced, HPA went to 24, pods pending on nodes")
s.say(c, T(D + "08:09:00"), "UNHP", "new pods ready, latency coming down")
s.say(c, T(D + "08:16:00"), "UNHP", "failure ratio back to the usual 0.2%")
s.say(c, add(RESOLVED, seconds=-45), "UNHP", "resolving. follow-ups: capacity plan for paydays, lower HPA target")
s.say("ops", add(OTHER, seconds=-100), "UNOLEG", "cards-api 3.18.4 rolling out, copy fix only")
s.say(c, T(D + "07:43:00"), "UNCS", "contact centre: lots of 'app keeps spinning at login' calls")
s.bot("status", STATUS, "BNSP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Investigating - Slow or failed log in to the app", "fallback": "Investigating",
      "text": "Some customers can't log in to the app or online banking. We're investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=4), "BNSP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Monitoring - Log in", "fallback": "Monitoring",
      "text": "Logins are working normally again.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "bank-payday-login-hpa", "payday-traffic-growth-hpa-ceiling-cpu-saturation",
    "Payday-morning logins (~45% above the previous peak) pushed auth-svc, CPU-bound on argon2 hashing, past its HPA ceiling of 12;\n"
    "login latency and 503/504s grew slowly until maxReplicas was raised to 30 and the new pods came up (start and end read from the series).",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "login failure ratio and p99 start rising above baseline", "auth-slo.om.txt"),
     (WARN, "alert_fired", "AuthLoginLatencyHigh warning", "slack"),
     (PAGE, "paged", "PagerDuty #3318 AuthLoginErrorBudgetBurn triggered", "pd-log.json"),
     (ACK, "acknowledged", "Hannah acknowledges", "pd-log.json"),
     (STATUS, "communication", "Statuspage: slow or failed log in", "slack"),
     (DIAG, "diagnosis", "auth-svc pinned at HPA max 12, CPU-bound on argon2 with payday volume", "slack"),
     (RESCALE, "mitigation", "HPA maxReplicas 12 -> 30 (gitops commit, Argo sync), HPA rescales to 24", "events-prod.json"),
     (MITIGATED, "recovery", "login failure ratio back to baseline after new pods warm up", "auth-slo.om.txt"),
     (ALERT_OK, "alert_resolved", "AuthLoginErrorBudgetBurn resolved", "slack"),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-log.json")],
    [(CRON[-1], "fx-rates-import CronJob fails every morning at 07:00", "events-prod.json"),
     (OTHER, "cards-api 3.18.4 rollout by another team", "events-prod.json"),
     (T(D + "07:27:00"), "payments-hub MQChannelRetrying flapping", "slack"),
     (ROLLBACK_Q, "'should we roll back auth-svc 5.2.1?' question, not done", "slack"),
     (HUNCH, "wrong hunch: credential stuffing", "slack"),
     (T(D + "09:00:00"), "steady 401 wrong-password answers (~3%) all window", "ingress/access.log.gz"),
     (HPA_MAX, "HPA reaches its max of 12 (a precondition, no customer impact yet)", "events-prod.json")],
    [("auth-slo.om.txt", "openmetrics"), ("ingress/access.log.gz", "logs"), ("events-prod.json", "kube-events"), ("gitops-log.txt", "git-log"),
     ("rules/auth.yaml", "alert-rules"), ("pd-log.json", "pagerduty-log-entries"), ("slack", "slack-export")])
