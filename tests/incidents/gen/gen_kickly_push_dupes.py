"""retired14/kickly-push-dupes: notify-fanout 5.3.0 sets a 2 s per-request FCM timeout and retries on DeadlineExceeded
and 429 without backoff; harmless on quiet traffic, but from the 15:00 kick-off bursts FCM's latency passes 2 s, sends FCM
already accepted are sent again (fans get goal alerts two or three times) and the retries push the project over its FCM
send quota, so 429s follow and some alerts are dropped after three attempts.  Halving the replicas only thins the
duplicates; rolling back to 5.2.4 ends them."""
import random
from common import *

rng = random.Random(20261121)
inc = Incident("retired14", "kickly-push-dupes")
D = "2026-11-21 "
W0, W1 = T(D + "13:30:00"), T(D + "17:30:00")
L0, L1 = T(D + "13:20:00"), T(D + "17:40:00")
CRON = [T("2026-11-%02d 14:00:%02d" % (d, 20 + d % 9)) for d in (18, 19, 20, 21)]
DEPLOY = T(D + "13:41:10")
ROLL1 = (T(D + "13:43:00"), T(D + "13:46:30"))
OTHER_DEPLOY = T(D + "14:22:04")
COMMUNITY = T(D + "15:04:30")
ALERT = T(D + "15:10:15")
PAGE = T(D + "15:10:16")
ACK = T(D + "15:12:40")
WRONG1 = T(D + "15:16:30")
WRONG2 = T(D + "15:18:05")
ROLLBACK_Q = T(D + "15:21:10")
SCALE = T(D + "15:24:30")
COMMS = T(D + "15:30:20")
DIAG = T(D + "15:33:40")
ROLLBACK = T(D + "15:38:50")
ROLL2 = (T(D + "15:40:05"), T(D + "15:43:20"))
MITIGATED = ROLL2[1]
ALERT_OK = T(D + "15:52:15")
SCALE_UP = T(D + "15:55:40")
RESOLVED = T(D + "16:58:30")
BURSTS = [(T(D + "14:00:02"), "lineups", "team news", 520000), (T(D + "15:00:05"), "kickoff", "kick-off", 1400000),
          (T(D + "15:07:42"), "goal", "GOAL", 900000), (T(D + "15:12:10"), "goal", "GOAL", 1100000),
          (T(D + "15:19:55"), "goal", "GOAL", 800000), (T(D + "15:28:31"), "goal", "GOAL", 1200000),
          (T(D + "15:36:02"), "goal", "GOAL", 700000), (T(D + "15:41:40"), "goal", "GOAL", 900000),
          (T(D + "15:47:10"), "halftime", "half-time", 1400000), (T(D + "16:02:05"), "kickoff2", "second half", 1300000),
          (T(D + "16:11:20"), "goal", "GOAL", 1000000), (T(D + "16:25:05"), "goal", "GOAL", 900000),
          (T(D + "16:38:44"), "goal", "GOAL", 1100000), (T(D + "16:53:10"), "fulltime", "full-time", 1500000)]
PER_POD = 400.0  # sends/s per pod during a burst


def replicas(t):
    if SCALE <= t < SCALE_UP:
        return 12
    return 24


def frac_new(t):
    a, b = ROLL1
    if t < a:
        return 0.0
    if t < b:
        return (t - a).total_seconds() / (b - a).total_seconds()
    a, b = ROLL2
    if t < a:
        return 1.0
    if t < b:
        return 1.0 - (t - a).total_seconds() / (b - a).total_seconds()
    return 0.0


def burst_at(t):
    """(burst, seconds since start) if a fan-out is running at t."""
    for b in BURSTS:
        bt, kind, label, n = b
        dur = n / (PER_POD * replicas(bt))
        if bt <= t < add(bt, seconds=dur):
            return b, (t - bt).total_seconds()
    return None, 0


def bad(t):
    """(timeout share, 429 share, drop share, dup share) of sends at t."""
    b, _ = burst_at(t)
    if b is None or b[3] < 600000:
        return 0.0, 0.0, 0.0, 0.0
    f = frac_new(t)
    if replicas(t) == 24:
        return 0.06 * f, 0.12 * f, 0.025 * f, 0.054 * f
    return 0.016 * f, 0.002 * f, 0.0003 * f, 0.014 * f


def send_rate(t):
    b, _ = burst_at(t)
    if b is None:
        return 14.0
    return PER_POD * replicas(t)


# ---- notify-fanout logs (Go logfmt, UTC)
fl = []
NEW_RS, OLD_RS = "6f8d9c7b5", "7c4b8d5f9"
old_pods = ["notify-fanout-%s-%s" % (OLD_RS, uid("o%d" % i, 5)) for i in range(24)]
new_pods = ["notify-fanout-%s-%s" % (NEW_RS, uid("n%d" % i, 5)) for i in range(24)]
back_pods = ["notify-fanout-%s-%s" % (OLD_RS, uid("b%d" % i, 5)) for i in range(24)]


def pod_for(t):
    f = frac_new(t)
    if t < ROLL2[0]:
        pool = new_pods if rng.random() < f else old_pods
    else:
        pool = new_pods if rng.random() < f else back_pods
    return rng.choice(pool[:replicas(t)])


def F(t, lvl, caller, msg, pod=None, **kw):
    pairs = [("ts", iso(t, ms=True)), ("level", lvl), ("caller", caller), ("pod", pod or pod_for(t)), ("msg", msg)]
    pairs += list(kw.items())
    fl.append((t, logfmt(pairs)))


def startups(pods, a, b, ver):
    for i, p in enumerate(pods):
        t = add(a, seconds=(b - a).total_seconds() * i / len(pods) + rng.uniform(0, 3))
        if ver == "5.3.0":
            F(t, "info", "cmd/fanout/main.go:88", "starting notify-fanout", pod=p, version=ver, fcm_client="http2-pooled",
              fcm_timeout="2s", max_attempts=3, retry_on="deadline_exceeded,unavailable,internal,quota_exceeded", backoff="none")
        else:
            F(t, "info", "cmd/fanout/main.go:84", "starting notify-fanout", pod=p, version=ver, fcm_client="http1",
              fcm_timeout="10s", max_attempts=3, retry_on="unavailable,internal", backoff="exp(250ms,4s)", rate_limit="9500/s")


startups(new_pods, ROLL1[0], ROLL1[1], "5.3.0")
startups(back_pods[:12], ROLL2[0], ROLL2[1], "5.2.4")
startups(back_pods[12:], add(SCALE_UP, seconds=5), add(SCALE_UP, seconds=70), "5.2.4")
for bt, kind, label, n in BURSTS:
    eid = "%s-%s" % (kind, uid(str(bt), 8))
    dur = n / (PER_POD * replicas(bt))
    F(add(bt, seconds=-0.4), "info", "fanout/dispatch.go:142", "fanout started", event_id=eid, kind=kind, title=label, topic="match_8812_followers" if kind != "lineups" else "match_day_all",
      audience=n, shards=replicas(bt))
    tt = bt
    while tt < add(bt, seconds=dur):
        to, qe, dr, du = bad(tt)
        if to > 0 or qe > 0:
            for _ in range(int((to + qe) * 30 + rng.random())):
                x = add(tt, seconds=rng.uniform(0, 2))
                r = rng.random()
                tok = hexid(rng, 11) + ":APA91b" + hexid(rng, 10)
                if r < to / (to + qe):
                    F(x, "warn", "fcm/client.go:203", "fcm send failed, retrying", event_id=eid, attempt=rng.choice([1, 1, 1, 2]), token=tok,
                      err='Post "https://fcm.googleapis.com/v1/projects/kickly-prod/messages:send": context deadline exceeded', elapsed_ms=2000)
                elif rng.random() < 0.8:
                    F(x, "warn", "fcm/client.go:219", "fcm send failed, retrying", event_id=eid, attempt=rng.choice([1, 2, 2]), token=tok, status=429,
                      fcm_error="QUOTA_EXCEEDED", err="Quota exceeded for quota metric 'Send requests' and limit 'Send requests per minute' of service 'fcm.googleapis.com' for consumer 'project_number:418204117359'.")
                else:
                    F(x, "error", "fanout/dispatch.go:231", "fcm send gave up", event_id=eid, attempts=3, token=tok, last_status=rng.choice([429, 429, 0]),
                      last_err=rng.choice(["QUOTA_EXCEEDED", "QUOTA_EXCEEDED", "context deadline exceeded"]))
        tt = add(tt, seconds=2)
    to, qe, dr, du = bad(add(bt, seconds=5))
    mid = add(bt, seconds=dur / 2)
    to, qe, dr, du = bad(mid)
    F(add(bt, seconds=dur + rng.uniform(0.5, 3)), "info", "fanout/dispatch.go:187", "fanout finished", event_id=eid, kind=kind, audience=n,
      accepted=int(n * (1 - dr - 0.031)), unregistered=int(n * 0.031), dropped=int(n * dr), retries=int(n * (to + qe) * 1.3),
      duration_s="%.1f" % dur)
for t in poisson_times(rng, L0, L1, 1 / 9.0):
    F(t, "info", "fcm/client.go:241", "token unregistered, pruning", status=404, fcm_error="UNREGISTERED", token=hexid(rng, 11) + ":APA91b" + hexid(rng, 10))
for t in poisson_times(rng, L0, L1, 1 / 180.0):
    F(t, "warn", "fanout/prefs.go:77", "user preferences lookup slow, using cached", elapsed_ms=rng.randint(310, 900), cache_age_s=rng.randint(20, 600))
fl.sort(key=lambda x: x[0])
_bad = [t for t, l in fl if "retrying" in l or "gave up" in l]
STARTED = _bad[0].replace(microsecond=0)
LAST_BAD = _bad[-1]
print("first failure", _bad[0], "last", LAST_BAD)
assert STARTED >= T(D + "15:00:05") and LAST_BAD < MITIGATED and (MITIGATED - LAST_BAD).total_seconds() < 60
inc.lines("fanout/export-1121.logfmt", [l for _, l in fl])

# ---- egress envoy access logs for fcm.googleapis.com (JSON, sampled)
el = []
tt = L0
while tt < L1:
    rate = send_rate(tt) * 0.0002
    for x in poisson_times(rng, tt, add(tt, seconds=5), rate):
        to, qe, dr, du = bad(x)
        r = rng.random()
        b, _ = burst_at(x)
        lat = rng.lognormvariate(5.6, 0.45) if b is None else rng.lognormvariate(6.6 if b[3] >= 600000 else 6.0, 0.55)
        if r < to:
            code, flags, dur, ust = 0, "DC", 2000 + rng.randint(0, 3), None
        elif r < to + qe:
            code, flags, dur, ust = 429, "-", int(lat * 0.3), int(lat * 0.3) - 2
        elif r < to + qe + 0.031:
            code, flags, dur, ust = 404, "-", int(lat), int(lat) - 2
        else:
            if frac_new(x) >= 0.5:
                lat = min(lat, 1990)  # the 5.3.0 client resets the stream at 2 s
            code, flags, dur, ust = 200, "-", int(lat), int(lat) - 2
        el.append((x, code, flags, dur, ust))
    tt = add(tt, seconds=5)
lines = []
for x, code, flags, dur, ust in el:
    lines.append(jline({"start_time": iso(x, ms=True), "method": "POST", "path": "/v1/projects/kickly-prod/messages:send", "protocol": "HTTP/2",
                        "response_code": code, "response_flags": flags, "bytes_received": rng.randint(380, 720),
                        "bytes_sent": {0: 0, 200: 64, 404: 212, 429: 486}[code], "duration": dur,
                        "upstream_service_time": str(ust) if ust is not None else None,
                        "upstream_host": "142.250.%d.%d:443" % (rng.choice([179, 180, 187]), rng.randint(1, 250)),
                        "upstream_cluster": "outbound|443||fcm.googleapis.com", "authority": "fcm.googleapis.com",
                        "downstream_remote_address": "10.60.%d.%d:%d" % (rng.randint(0, 7), rng.randint(2, 250), rng.randint(32768, 60999)),
                        "x_request_id": uuid("env%s%d" % (iso(x, ms=True), rng.randint(0, 10**6))), "user_agent": "Go-http-client/2.0",
                        "route_name": "fcm-egress"}))
inc.lines("egress/fcm-access.json.gz", lines)

# ---- Jenkins deploy-prod builds
def build(num, t, dur, svc, ver, who, rollback=False, result="SUCCESS"):
    return {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowRun", "number": num, "result": result, "building": False,
            "timestamp": int(epoch(t) * 1000), "duration": dur * 1000, "displayName": "#%d %s %s" % (num, svc, ver),
            "description": ("ROLLBACK " if rollback else "") + "%s -> %s (prod-euw1)" % (svc, ver),
            "url": "https://jenkins.kickly.internal/job/deploy-prod/%d/" % num,
            "actions": [{"_class": "hudson.model.ParametersAction", "parameters": [
                {"_class": "hudson.model.StringParameterValue", "name": "SERVICE", "value": svc},
                {"_class": "hudson.model.StringParameterValue", "name": "VERSION", "value": ver},
                {"_class": "hudson.model.BooleanParameterValue", "name": "ROLLBACK", "value": rollback}]},
                {"_class": "hudson.model.CauseAction", "causes": [{"_class": "hudson.model.Cause$UserIdCause", "shortDescription": "Started by user %s" % who, "userId": who.lower().replace(" ", ".")}]}]}


builds = [build(1182, T("2026-11-20 16:05:40"), 290, "match-centre-api", "3.40.0", "Ella Hughes"),
          build(1183, T(D + "10:12:05"), 240, "web-frontend", "2026.11.21-1", "Ella Hughes"),
          build(1184, DEPLOY, 361, "notify-fanout", "5.3.0", "Tariq Aziz"),
          build(1185, OTHER_DEPLOY, 205, "scores-ingest", "2.8.1", "Joanna Kowal"),
          build(1186, T(D + "15:36:10"), 35, "notify-fanout", "5.24", "Nadia Rahman", rollback=True, result="ABORTED"),
          build(1187, ROLLBACK, 282, "notify-fanout", "5.2.4", "Nadia Rahman", rollback=True)]
inc.json("jenkins/deploy-prod.json", {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob", "name": "deploy-prod",
                                      "builds": sorted(builds, key=lambda b: -b["number"])})

# ---- kube events
k = Kube(rng)
NS = "notify"
k.ev(add(ROLL1[0], seconds=-1), NS, "Deployment", "notify-fanout", "ScalingReplicaSet", "Scaled up replica set notify-fanout-%s to 6" % NEW_RS, component="deployment-controller")
k.ev(ROLL1[1], NS, "Deployment", "notify-fanout", "ScalingReplicaSet", "Scaled down replica set notify-fanout-%s to 0 from 6" % OLD_RS, component="deployment-controller")
for i, p in enumerate(new_pods[:4]):
    k.pod_start(add(ROLL1[0], seconds=i * 50), NS, p, "ip-10-60-%d-%d.eu-west-1.compute.internal" % (i, 20 + i), "europe-docker.pkg.dev/kickly/prod/notify-fanout:5.3.0", "notify-fanout")
k.ev(SCALE, NS, "Deployment", "notify-fanout", "ScalingReplicaSet", "Scaled down replica set notify-fanout-%s to 12 from 24" % NEW_RS, component="deployment-controller")
for p in new_pods[12:16]:
    k.ev(add(SCALE, seconds=1), NS, "Pod", p, "Killing", "Stopping container notify-fanout", host="ip-10-60-3-41.eu-west-1.compute.internal")
k.ev(add(ROLL2[0], seconds=-1), NS, "Deployment", "notify-fanout", "ScalingReplicaSet", "Scaled up replica set notify-fanout-%s to 3" % OLD_RS, component="deployment-controller")
for i, p in enumerate(back_pods[:3]):
    k.pod_start(add(ROLL2[0], seconds=i * 60), NS, p, "ip-10-60-%d-%d.eu-west-1.compute.internal" % (i, 30 + i), "europe-docker.pkg.dev/kickly/prod/notify-fanout:5.2.4", "notify-fanout")
k.ev(ROLL2[1], NS, "Deployment", "notify-fanout", "ScalingReplicaSet", "Scaled down replica set notify-fanout-%s to 0 from 2" % NEW_RS, component="deployment-controller")
k.ev(SCALE_UP, NS, "Deployment", "notify-fanout", "ScalingReplicaSet", "Scaled up replica set notify-fanout-%s to 24 from 12" % OLD_RS, component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=70), "scores", "Deployment", "scores-ingest", "ScalingReplicaSet", "Scaled up replica set scores-ingest-59d6b7c4f to 2", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=150), "scores", "Deployment", "scores-ingest", "ScalingReplicaSet", "Scaled down replica set scores-ingest-6b8c9d7f5 to 0 from 1", component="deployment-controller")
cj = CRON[-1]
job = "fixtures-sync-%d" % (int(epoch(cj)) // 60)
k.ev(add(cj, seconds=-20), "scores", "CronJob", "fixtures-sync", "SuccessfulCreate", "Created job %s" % job, component="cronjob-controller")
k.ev(add(cj, seconds=40), "scores", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(cj, seconds=41), "scores", "CronJob", "fixtures-sync", "SawCompletedJob", "Saw completed job: %s, status: Failed" % job, component="cronjob-controller")
for t in poisson_times(rng, L0, L1, 1 / 600.0):
    k.ev(t, "scores", "Pod", "odds-feed-0", "Unhealthy", "Readiness probe failed: Get \"http://10.60.2.17:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
         type_="Warning", host="ip-10-60-2-17.eu-west-1.compute.internal", count=rng.randint(2, 40), first=add(t, hours=-3))
inc.json("cluster/events.json", k.core_list())

# ---- OpenMetrics from notify-fanout (aggregated over pods), 30 s
acc = {"ok": 0.0, "timeout": 0.0, "quota_exceeded": 0.0, "unregistered": 0.0, "dropped": 0.0}
retr = 0.0
pts = {kk: [] for kk in acc}
rpts = []
dpts = []
dup = 0.0
for t in frange(W0, W1, 30):
    for s_ in range(0, 30, 2):
        x = add(t, seconds=-30 + s_)
        r = send_rate(x) * 2
        to, qe, dr, du = bad(x)
        acc["timeout"] += r * to
        acc["quota_exceeded"] += r * qe
        acc["dropped"] += r * dr
        acc["unregistered"] += r * 0.031
        acc["ok"] += r * (1 - to - qe - 0.031)
        retr += r * (to + qe) * 1.3
        dup += r * du
    for kk in acc:
        pts[kk].append((t, int(acc[kk])))
    rpts.append((t, int(retr)))
    dpts.append((t, int(dup)))
inc.write("metrics/fanout.om", openmetrics([
    ("notify_fcm_sends", "counter", "FCM send attempts by outcome.", [({"service": "notify-fanout", "outcome": kk}, pts[kk]) for kk in acc]),
    ("notify_fcm_retries", "counter", "FCM send retries.", [({"service": "notify-fanout"}, rpts)]),
    ("notify_client_duplicate_receipts", "counter", "Duplicate push receipts reported by the apps (same message id shown twice).", [({"service": "app-telemetry"}, dpts)]),
]))

# ---- Alertmanager webhook archive (ndjson), back to the 18th
hk = []


def H(t, body):
    hk.append((t, jline(body)))


for c in CRON:
    jn = {"severity": "ticket", "team": "data", "namespace": "scores", "job_name": "fixtures-sync-%d" % (int(epoch(c)) // 60)}
    H(add(c, minutes=1, seconds=30), am_webhook("slack-data", [am_alert("KubeJobFailed", jn, "Job scores/%s failed to complete." % jn["job_name"], add(c, minutes=1))]))
pl = {"severity": "page", "team": "notifications", "service": "notify-fanout"}
H(add(ALERT, seconds=1), am_webhook("pagerduty-notifications", [am_alert("PushDeliveryErrorRatio", pl, "FCM error/timeout ratio 14.2% over 5m",
                                                                         ALERT, desc="timeouts, QUOTA_EXCEEDED and dropped sends / all sends")]))
H(add(ALERT_OK, seconds=1), am_webhook("pagerduty-notifications", [am_alert("PushDeliveryErrorRatio", pl, "FCM error/timeout ratio 14.2% over 5m", ALERT, ends=ALERT_OK)]))
ol = {"severity": "warning", "team": "data", "service": "odds-feed", "pod": "odds-feed-0"}
for a, b in ((T("2026-11-20 19:02:00"), T("2026-11-20 19:07:30")), (T(D + "13:52:30"), T(D + "13:58:00")), (T(D + "14:47:00"), T(D + "14:51:30")),
             (T(D + "15:26:00"), T(D + "15:31:00")), (T(D + "16:40:00"), T(D + "16:44:30"))):
    H(add(a, seconds=30), am_webhook("slack-data", [am_alert("OddsFeedStale", ol, "odds-feed last update older than 90s", a)]))
    H(add(b, seconds=30), am_webhook("slack-data", [am_alert("OddsFeedStale", ol, "odds-feed last update older than 90s", a, ends=b)]))
wl = {"severity": "warning", "team": "web", "service": "match-centre-api"}
H(T(D + "15:01:30"), am_webhook("slack-web", [am_alert("MatchCentreLatencyHigh", wl, "match-centre-api p95 above 800ms", T(D + "15:01:00"))]))
H(T(D + "15:09:30"), am_webhook("slack-web", [am_alert("MatchCentreLatencyHigh", wl, "match-centre-api p95 above 800ms", T(D + "15:01:00"), ends=T(D + "15:09:00"))]))
hk.sort(key=lambda x: x[0])
inc.lines("am/hooks.ndjson", [l for _, l in hk])

# ---- PagerDuty v2 webhooks
TITLE = "PushDeliveryErrorRatio FCM error/timeout ratio 14.2% over 5m"
pd = PD(4412, TITLE, "notify-fanout", "PNTF001", "Notifications On-call")
nadia = PD.user("Nadia Rahman", "PNRAHM1")
tariq = PD.user("Tariq Aziz", "PTAZIZ2")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Nadia Rahman by push notification.", user=nadia)
pd.add(ACK, "acknowledge_log_entry", nadia, {"type": "mobile"}, "Acknowledged by Nadia Rahman.")
pd.add(T(D + "15:35:10"), "annotate_log_entry", nadia, {"type": "web_ui", "summary": "Cause: notify-fanout 5.3.0 2s FCM timeout + retry -> duplicates, 429 quota, drops. Rolling back."}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", nadia, {"type": "web_ui"}, "Resolved by Nadia Rahman.")
bodies = pd_webhook_v2_bodies(pd, 4412, TITLE, PAGE)
inc.lines("pd/webhooks-4412.ndjson", [jline(b) for b in bodies])

# ---- Slack
s = Slack()
for u, n, r in [("U09NRAH", "nadia", "Nadia Rahman"), ("U09TAZI", "tariq", "Tariq Aziz"), ("U09GREG", "greg", "Greg Holloway"),
                ("U09SAMP", "sam", "Sam Price"), ("U09JKOW", "joanna", "Joanna Kowal"), ("U09LCOM", "lottie", "Lottie Evans")]:
    s.user(u, n, r, "Europe/London")
for cid, n, p in [("C09INC", "inc-4412-push", "Incident 4412"), ("C09COMM", "community", "social + app store"),
                  ("C09DATA", "data-alerts", ""), ("C09NTF", "notifications", "notifications team")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("data-alerts", add(c, minutes=1, seconds=31), "B09AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job scores/fixtures-sync failed to complete.", color="warning"))
s.say("notifications", add(ROLL1[1], seconds=90), "U09TAZI", "notify-fanout 5.3.0 is out (pooled HTTP/2 FCM client, tighter timeouts). quiet so far")
s.say("notifications", T(D + "14:04:10"), "U09TAZI", "team-news push went out in 55s, fastest yet")
s.say("community", COMMUNITY, "U09LCOM", "getting replies on X: people got the kick-off notification 2-3 times, a few say they got nothing. anyone know?")
s.say("community", T(D + "15:09:05"), "U09LCOM", "now the goal alert too - 'why did I get this goal 3 times' x20")
ch = "inc-4412-push"
s.say(ch, add(ACK, seconds=50), "U09NRAH", "acked. FCM sends: bursts of 'context deadline exceeded' retries and 429 QUOTA_EXCEEDED at kick-off and each goal, some sends dropped after 3 attempts. Community says duplicates")
s.say(ch, WRONG1, "U09SAMP", "is FCM having an incident? Saturday 3pm is peak for everyone")
s.say(ch, add(WRONG1, seconds=60), "U09NRAH", "Firebase status page is green")
s.say(ch, WRONG2, "U09GREG", "scores-ingest went out at 14:22 - could it be emitting each goal twice?")
s.say(ch, add(WRONG2, seconds=95), "U09JKOW", "checked: one goal event per goal, unique event ids since the deploy. dupes aren't from us")
s.say(ch, ROLLBACK_Q, "U09GREG", "should we roll back notify-fanout?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U09NRAH", "5.3.0 was fine for an hour, the 14:00 team-news burst was clean. going to scale it down to 12 first so we send slower and stay under the quota")
s.say(ch, add(SCALE, seconds=30), "U09NRAH", "scaled notify-fanout 24 -> 12")
s.say("community", COMMS, "U09LCOM", "posted on X + in-app banner: 'Some of you are getting match alerts more than once, or late. We're on it - sorry!'")
s.say(ch, add(COMMS, seconds=80), "U09NRAH", "goal at 15:28 still produced dupes, fewer 429s though. scaling down only thinned it")
s.say(ch, DIAG, "U09TAZI", "it's 5.3.0: per-request FCM timeout is 2s and we retry on DeadlineExceeded with no backoff. FCM p99 in the bursts is 2.5-3s - the egress logs show FCM still answering 200 after we reset the stream, so every retry is a second copy on the phone. the retries push us over the project's send quota -> 429 -> retried again -> dropped after 3")
s.say(ch, add(DIAG, seconds=70), "U09NRAH", "rolling back to 5.2.4")
s.say(ch, T(D + "15:37:05"), "U09NRAH", "(first rollback build #1186 aborted, wrong VERSION param, re-running)")
s.say(ch, add(ROLL2[1], seconds=35), "U09NRAH", "5.2.4 on all 12 pods. the 15:41 goal fan-out still went partly through 5.3.0 pods, a few more dupes there")
s.say(ch, add(T(D + "15:47:10"), seconds=240), "U09NRAH", "half-time push: no timeouts, no 429, no dupes in telemetry")
s.say(ch, add(SCALE_UP, seconds=20), "U09NRAH", "back to 24 replicas for the second half")
s.say(ch, T(D + "16:56:00"), "U09NRAH", "second half clean through full-time, resolving. follow-up: idempotent retries (message id collapse key) before 5.3.x goes again")
s.say("community", T(D + "16:58:00"), "U09LCOM", "removed the banner")
s.write(inc, "slack")

inc.truth(
    "kickly-push-dupes", "fanout-retry-on-timeout-duplicates-and-provider-quota",
    "notify-fanout 5.3.0's 2 s FCM timeout with retries on timeout and 429 duplicated goal alerts once kick-off bursts pushed FCM latency\n"
    "past 2 s, and the retries exceeded the FCM send quota so some alerts were dropped; scaling down only thinned it, a rollback ended it.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DEPLOY, "change", "Jenkins #1184 deploys notify-fanout 5.3.0 (2s FCM timeout, retry on deadline/quota)", "jenkins/deploy-prod.json", 120),
     (STARTED, "first_symptom", "kick-off fan-out: first FCM 'context deadline exceeded' retry", "fanout/export-1121.logfmt", 60),
     (ALERT, "alert_fired", "PushDeliveryErrorRatio firing", "am/hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4412 triggered", "pd/webhooks-4412.ndjson", 60),
     (ACK, "acknowledged", "Nadia acknowledges", "pd/webhooks-4412.ndjson", 60),
     (SCALE, "mitigation", "notify-fanout scaled 24 -> 12 (duplicates thinned, not stopped)", "cluster/events.json", 60),
     (COMMS, "communication", "X post and in-app banner about duplicate alerts", "slack", 90),
     (DIAG, "diagnosis", "Tariq: 2s timeout below FCM burst p99, retries duplicate and exceed quota", "slack", 90),
     (ROLLBACK, "mitigation", "Jenkins #1187 rolls notify-fanout back to 5.2.4", "jenkins/deploy-prod.json", 120),
     (MITIGATED, "recovery", "rollout to 5.2.4 complete; last 5.3.0 replica set scaled to 0", "cluster/events.json", 60),
     (ALERT_OK, "alert_resolved", "PushDeliveryErrorRatio resolved", "am/hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved after a clean second half", "pd/webhooks-4412.ndjson", 60)],
    [(CRON[-1], "fixtures-sync CronJob fails daily at 14:00 (KubeJobFailed, also on the 18th-20th)", "am/hooks.ndjson"),
     (OTHER_DEPLOY, "scores-ingest 2.8.1 deploy by the data team", "jenkins/deploy-prod.json"),
     (T(D + "15:01:00"), "MatchCentreLatencyHigh for the web team at kick-off", "am/hooks.ndjson"),
     (T(D + "15:26:00"), "OddsFeedStale flapping for the data team", "am/hooks.ndjson"),
     (T(D + "15:36:10"), "aborted rollback build #1186", "jenkins/deploy-prod.json"),
     (SCALE_UP, "notify-fanout scaled back to 24 after the rollback", "cluster/events.json"),
     (WRONG1, "wrong hunch: FCM incident", "slack"),
     (WRONG2, "wrong hunch: scores-ingest emitting goals twice", "slack"),
     (ROLLBACK_Q, "'should we roll back notify-fanout?' question", "slack"),
     (T(D + "14:00:02"), "team-news fan-out burst, clean", "fanout/export-1121.logfmt"),
     (T(D + "16:00:00"), "steady UNREGISTERED token pruning, slow preference lookups, odds-feed readiness failures", "fanout/export-1121.logfmt")],
    [("fanout/export-1121.logfmt", "logs"), ("egress/fcm-access.json.gz", "logs"), ("jenkins/deploy-prod.json", "deploys"),
     ("cluster/events.json", "kube-events"), ("metrics/fanout.om", "openmetrics"), ("am/hooks.ndjson", "alertmanager-webhook"),
     ("pd/webhooks-4412.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
