"""retired5/notify-sms-provider: the SMS/OTP provider slows to timeouts; notify-svc's synchronous retries pin its
otp-sender pool and SMS step-up logins fail until a circuit breaker is opened and traffic moves to the second provider."""
import random
from common import *

rng = random.Random(20261013)
inc = Incident("retired5", "notify-sms-provider")
D = "2026-10-13 "
W0, W1 = T(D + "17:30:00"), T(D + "20:00:00")
STARTED = T(D + "18:02:14")
SATURATED = T(D + "18:07:31")
LAT_WARN = T(D + "18:08:00")
POOL_WARN = T(D + "18:11:30")
LIVENESS_KILL = T(D + "18:12:40")
PAGE_ALERT = T(D + "18:13:30")
PAGE = T(D + "18:13:31")
ACK = T(D + "18:16:02")
WRONG1 = T(D + "18:20:05")
VENDOR1 = T(D + "18:21:07")
ROLLBACK_Q = T(D + "18:24:30")
OTHER_DEPLOY = T(D + "18:26:10")
DIAG = T(D + "18:29:40")
WRONG2 = T(D + "18:31:55")
STATUS = T(D + "18:34:00")
OTHER_FLAG = T(D + "18:36:12")
BREAKER = T(D + "18:41:15")
SWITCH = T(D + "18:47:30")
MITIGATED = T(D + "18:47:45")
ALERT_OK = T(D + "18:53:30")
VENDOR2 = T(D + "18:55:30")
VENDOR3 = T(D + "19:41:00")
RESOLVED = T(D + "19:52:10")
CRON = [T("2026-10-%02d 18:15:%02d" % (d, 10 + d)) for d in (10, 11, 12, 13)]
PODS = ["notify-svc-6c8f7d9b54-kq2vn", "notify-svc-6c8f7d9b54-z7m4t"]
NEWPOD1 = "notify-svc-6c8f7d9b54-z7m4t"  # restarted in place by the kubelet (same name)
AUTHPODS = ["auth-svc-59d7c6f8b-2xk9p", "auth-svc-59d7c6f8b-h4w7r", "auth-svc-59d7c6f8b-qn6ds"]


def provider_slow(t):
    return STARTED <= t < VENDOR3


def pool_full(t):
    return SATURATED <= t < BREAKER


def otp_fails(t):
    return SATURATED <= t < SWITCH


# ---- notify-svc log4j2 (UTC with numeric offset), stack traces
nl = []
def N(t, lvl, th, lg, msg, trace=()):
    u = t.astimezone(UTC)
    nl.append((t, "\n".join(["%s.%03d+0000 %-5s [%s] %s - %s" % (u.strftime("%Y-%m-%dT%H:%M:%S"), u.microsecond // 1000, lvl, th, lg, msg)] + list(trace))))
TO_TRACE = ["java.net.SocketTimeoutException: Read timed out",
            "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishRead(NioSocketImpl.java:278)",
            "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)",
            "\tat org.apache.hc.core5.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:149)",
            "\tat org.apache.hc.client5.http.impl.classic.InternalHttpClient.doExecute(InternalHttpClient.java:170)",
            "\tat com.acme.notify.sms.TextwaveClient.send(TextwaveClient.java:96)",
            "\tat com.acme.notify.sms.RetryingSmsSender.sendWithRetry(RetryingSmsSender.java:58)",
            "\tat com.acme.notify.otp.OtpDispatchService.dispatch(OtpDispatchService.java:121)",
            "\t... 34 common frames omitted"]
REJ_TRACE = ["java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.FutureTask@%s rejected from java.util.concurrent.ThreadPoolExecutor@5b2c8e1a[Running, pool size = 100, active threads = 100, queued tasks = 500, completed tasks = %d]",
             "\tat java.base/java.util.concurrent.ThreadPoolExecutor$AbortPolicy.rejectedExecution(ThreadPoolExecutor.java:2081)",
             "\tat java.base/java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:841)",
             "\tat com.acme.notify.otp.OtpDispatchService.submit(OtpDispatchService.java:74)",
             "\tat com.acme.notify.api.OtpController.send(OtpController.java:49)",
             "\t... 61 common frames omitted"]
def mask():
    return "+%d******%02d" % (rng.choice([31, 33, 44, 49, 48]), rng.randint(0, 99))
completed = 811204
for t in poisson_times(rng, W0, W1, 0.45):
    pod = rng.choice(PODS)
    th = "otp-sender-%d" % rng.randint(1, 100)
    mid = hexid(rng, 12)
    completed += 1
    if t >= SWITCH:
        N(t, "INFO", th, "c.a.notify.otp.OtpDispatchService", "otp sms sent provider=relaypoint to=%s latency_ms=%d msgId=rp-%s" % (mask(), rng.randint(180, 520), mid))
    elif t >= BREAKER:
        N(t, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 200), "c.a.notify.sms.ProviderCircuitBreaker",
          "circuit textwave is OPEN, failing fast (otp not sent) to=%s" % mask())
    elif pool_full(t):
        if rng.random() < 0.8:
            N(t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 200), "c.a.notify.api.OtpController",
              "otp dispatch rejected, otp-sender pool exhausted -> 503",
              [REJ_TRACE[0] % (hexid(rng, 8), completed)] + REJ_TRACE[1:] if rng.random() < 0.3 else [])
        else:
            N(t, "WARN", th, "c.a.notify.sms.RetryingSmsSender", "textwave send attempt %d/3 failed: Read timed out after 10000 ms, retrying" % rng.randint(1, 2))
    elif provider_slow(t) and rng.random() < (0.35 if t < add(STARTED, minutes=3) else 0.75):
        if rng.random() < 0.5:
            N(t, "WARN", th, "c.a.notify.sms.RetryingSmsSender", "textwave send attempt %d/3 failed: Read timed out after 10000 ms, retrying" % rng.randint(1, 2))
        else:
            N(t, "ERROR", th, "c.a.notify.sms.RetryingSmsSender", "textwave send failed after 3 attempts (30012 ms) to=%s" % mask(), TO_TRACE)
    else:
        lat = rng.randint(240, 640) if not provider_slow(t) else rng.randint(2500, 9500)
        N(t, "INFO", th, "c.a.notify.otp.OtpDispatchService", "otp sms sent provider=textwave to=%s latency_ms=%d msgId=tw-%s" % (mask(), lat, mid))
N(add(STARTED, seconds=0.377), "WARN", "otp-sender-41", "c.a.notify.sms.RetryingSmsSender", "textwave send attempt 1/3 failed: Read timed out after 10000 ms, retrying")
N(add(SATURATED, seconds=0.208), "ERROR", "http-nio-8080-exec-117", "c.a.notify.api.OtpController", "otp dispatch rejected, otp-sender pool exhausted -> 503",
  [REJ_TRACE[0] % ("1f0c9a3e", 811730)] + REJ_TRACE[1:])
for t in poisson_times(rng, W0, W1, 1 / 240.0):   # steady benign
    N(t, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 200), "c.a.notify.email.BounceWebhookController",
      "bounce webhook rejected: signature mismatch (source=ses-eu-west-1)")
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    N(t, "WARN", "otp-sender-%d" % rng.randint(1, 100), "c.a.notify.sms.TextwaveClient", "textwave rejected number: 400 {\"code\":21211,\"message\":\"invalid destination\"}")
N(BREAKER, "INFO", "unleash-poller-1", "c.a.notify.config.FlagWatcher", "flag notify.sms.circuit-breaker changed false -> true")
N(add(BREAKER, seconds=0.2), "WARN", "unleash-poller-1", "c.a.notify.sms.ProviderCircuitBreaker", "circuit textwave forced OPEN by flag")
N(SWITCH, "INFO", "unleash-poller-1", "c.a.notify.config.FlagWatcher", "flag notify.sms.provider variant changed textwave -> relaypoint")
N(add(SWITCH, seconds=0.4), "INFO", "unleash-poller-1", "c.a.notify.sms.SmsProviderRouter", "active sms provider: relaypoint")
N(add(LIVENESS_KILL, seconds=36.412), "INFO", "main", "c.a.notify.NotifyApplication", "Starting NotifyApplication v4.9.0 using Java 21.0.5 with PID 1 (/app/notify-svc.jar started by app in /app)")
N(add(LIVENESS_KILL, seconds=61.87), "INFO", "main", "c.a.notify.NotifyApplication", "Started NotifyApplication in 24.981 seconds (process running for 25.6)")
nl = [x for x in nl if not (x[0] < STARTED and ("Read timed out" in x[1] or "failed after 3" in x[1]))]
nl = [x for x in nl if not (x[0] < SATURATED and "pool exhausted" in x[1])]
inc.lines("notify-svc.log", [l for _, l in sorted(nl, key=lambda x: x[0])])

# ---- auth-svc zap JSON lines (epoch seconds)
al = []
def Z(t, level, caller, msg, **kw):
    al.append((t, jline({"level": level, "ts": round(epoch(t), 6), "caller": caller, "msg": msg, **kw})))
for t in poisson_times(rng, W0, W1, 0.9):
    pod = rng.choice(AUTHPODS)
    uh = hexid(rng, 10)
    if rng.random() < 0.55:
        Z(t, "info", "login/handler.go:142", "login ok", pod=pod, user=uh, stepup="none", trusted_device=True, dur_ms=rng.randint(40, 120))
    elif otp_fails(t) and rng.random() < 0.96:
        if pool_full(t):
            Z(t, "error", "login/stepup.go:91", "otp challenge failed", pod=pod, user=uh, method="sms",
              error="notify-svc: POST /v1/otp/send: 503 Service Unavailable", dur_ms=rng.randint(3, 40))
        else:
            Z(t, "error", "login/stepup.go:91", "otp challenge failed", pod=pod, user=uh, method="sms",
              error="notify-svc: POST /v1/otp/send: 503 Service Unavailable: {\"error\":\"provider_unavailable\"}", dur_ms=rng.randint(2, 12))
        Z(add(t, seconds=0.003), "warn", "login/handler.go:171", "login failed", pod=pod, user=uh, reason="stepup_unavailable")
    elif provider_slow(t) and t < SWITCH and rng.random() < 0.5:
        Z(t, "warn", "login/stepup.go:97", "otp challenge slow", pod=pod, user=uh, method="sms", dur_ms=rng.randint(9000, 30500))
    else:
        Z(t, "info", "login/stepup.go:84", "otp challenge sent", pod=pod, user=uh, method="sms", dur_ms=rng.randint(250, 700))
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    Z(t, "warn", "captcha/verify.go:63", "captcha verify timeout, failing open", pod=rng.choice(AUTHPODS), provider="hcaptcha", timeout_ms=1500)
Z(add(SATURATED, seconds=0.9), "error", "login/stepup.go:91", "otp challenge failed", pod=AUTHPODS[1], user="7be1c04d9a", method="sms",
  error="notify-svc: POST /v1/otp/send: 503 Service Unavailable", dur_ms=17)
Z(add(MITIGATED, seconds=-13.62), "error", "login/stepup.go:91", "otp challenge failed", pod=AUTHPODS[0], user="c2d95e0a11", method="sms",
  error="notify-svc: POST /v1/otp/send: 503 Service Unavailable: {\"error\":\"provider_unavailable\"}", dur_ms=4)
al = [x for x in al if not (x[0] >= SWITCH and x[0] > add(MITIGATED, seconds=-13.62) and "challenge failed" in x[1])]
inc.lines("auth.jsonl.gz", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- prometheus query_range (15 s step)
def active(i):
    def f(t):
        if t >= BREAKER:
            return 2 + (int(epoch(t)) // 15 + i) % 4
        if t >= add(SATURATED, seconds=-40):
            return 100
        if t >= STARTED:
            frac = (t - STARTED).total_seconds() / (add(SATURATED, seconds=-40) - STARTED).total_seconds()
            return int(6 + frac * 94)
        return 3 + (int(epoch(t)) // 15 + i) % 5
    return f
def queued(t):
    if SATURATED <= t < BREAKER:
        return 500
    if add(SATURATED, seconds=-40) <= t < SATURATED:
        return 260
    return 0
def p99(t):
    if provider_slow(t) and t < add(SWITCH, seconds=15):
        return 10.0 if t >= add(STARTED, minutes=2) else 4.2
    return 0.41 + ((int(epoch(t)) // 15) % 4) * 0.03
def relay_p99(t):
    return 0.33 + ((int(epoch(t)) // 15) % 3) * 0.02 if t >= add(SWITCH, seconds=15) else None
series = []
for i, p in enumerate(PODS):
    series.append(({"__name__": "executor_active_threads", "name": "otp-sender", "pod": p, "namespace": "notify", "job": "notify-svc"}, active(i)))
    series.append(({"__name__": "executor_queued_tasks", "name": "otp-sender", "pod": p, "namespace": "notify", "job": "notify-svc"}, queued))
series.append(({"__name__": "sms_provider_request_seconds:p99", "provider": "textwave", "namespace": "notify"}, p99))
series.append(({"__name__": "sms_provider_request_seconds:p99", "provider": "relaypoint", "namespace": "notify"}, relay_p99))
inc.json("otp-pool.json", query_range(series, W0, W1, 15, fmt="%.4g"), indent=None)

# ---- kube events (core/v1 List)
k = Kube(rng)
k.ev(T(D + "18:12:30"), "notify", "Pod", NEWPOD1, "Unhealthy", "Liveness probe failed: Get \"http://10.61.4.22:8080/actuator/health/liveness\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
     type_="Warning", host="ip-10-61-4-9.eu-central-1.compute.internal", count=6, first=T(D + "18:09:20"))
k.ev(LIVENESS_KILL, "notify", "Pod", NEWPOD1, "Killing", "Container notify-svc failed liveness probe, will be restarted", host="ip-10-61-4-9.eu-central-1.compute.internal")
k.ev(add(LIVENESS_KILL, seconds=31), "notify", "Pod", NEWPOD1, "Pulled", 'Container image "123456789012.dkr.ecr.eu-central-1.amazonaws.com/notify-svc:4.9.0" already present on machine', host="ip-10-61-4-9.eu-central-1.compute.internal")
k.ev(add(LIVENESS_KILL, seconds=31), "notify", "Pod", NEWPOD1, "Created", "Created container notify-svc", host="ip-10-61-4-9.eu-central-1.compute.internal")
k.ev(add(LIVENESS_KILL, seconds=32), "notify", "Pod", NEWPOD1, "Started", "Started container notify-svc", host="ip-10-61-4-9.eu-central-1.compute.internal")
k.ev(T(D + "18:14:05"), "notify", "Pod", NEWPOD1, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
     type_="Warning", host="ip-10-61-4-9.eu-central-1.compute.internal", count=4, first=T(D + "18:13:05"))
k.ev(OTHER_DEPLOY, "checkout", "Deployment", "checkout-web", "ScalingReplicaSet", "Scaled up replica set checkout-web-7d9f8c6b5 from 0 to 2", component="deployment-controller")
for i, sfx in enumerate(["4hx2m", "p9dkq", "w2rzt"]):
    k.pod_start(add(OTHER_DEPLOY, seconds=1 + 40 * i), "checkout", "checkout-web-7d9f8c6b5-" + sfx, "ip-10-61-%d-17.eu-central-1.compute.internal" % (i + 2),
                "123456789012.dkr.ecr.eu-central-1.amazonaws.com/checkout-web:2026.10.13-3", "checkout-web")
k.ev(add(OTHER_DEPLOY, seconds=125), "checkout", "Deployment", "checkout-web", "ScalingReplicaSet", "Scaled down replica set checkout-web-5c6b7d8f9 from 3 to 0", component="deployment-controller")
k.ev(add(CRON[-1], seconds=-75), "marketing", "CronJob", "consent-sync", "SuccessfulCreate", "Created job consent-sync-29340615", component="cronjob-controller")
k.ev(CRON[-1], "marketing", "Job", "consent-sync-29340615", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("events.json", k.core_list())

# ---- unleash event log (/api/admin/events)
evs = []
def U(t, typ, who, feature, project, env=None, data=None, pre=None):
    evs.append({"id": 188400 + len(evs) * 3, "type": typ, "createdBy": who, "createdAt": iso(t, ms=True),
                "data": data, "preData": pre, "tags": [], "featureName": feature, "project": project, "environment": env,
                "label": None, "summary": None})
U(T(D + "16:02:44"), "feature-strategy-update", "lea.martin", "checkout.address-autocomplete", "checkout", "production",
  {"name": "flexibleRollout", "parameters": {"rollout": "25", "stickiness": "default", "groupId": "checkout.address-autocomplete"}},
  {"name": "flexibleRollout", "parameters": {"rollout": "10", "stickiness": "default", "groupId": "checkout.address-autocomplete"}})
U(OTHER_FLAG, "feature-strategy-update", "lea.martin", "checkout.address-autocomplete", "checkout", "production",
  {"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "default", "groupId": "checkout.address-autocomplete"}},
  {"name": "flexibleRollout", "parameters": {"rollout": "25", "stickiness": "default", "groupId": "checkout.address-autocomplete"}})
U(BREAKER, "feature-environment-enabled", "marek.nowak", "notify.sms.circuit-breaker", "notify", "production")
U(SWITCH, "feature-environment-variants-updated", "marek.nowak", "notify.sms.provider", "notify", "production",
  {"variants": [{"name": "relaypoint", "weight": 1000, "weightType": "variable", "stickiness": "default", "payload": {"type": "string", "value": "relaypoint"}}]},
  {"variants": [{"name": "textwave", "weight": 1000, "weightType": "variable", "stickiness": "default", "payload": {"type": "string", "value": "textwave"}}]})
U(T(D + "19:58:40"), "feature-environment-disabled", "marek.nowak", "notify.sms.circuit-breaker", "notify", "production")
evs.sort(key=lambda e: e["createdAt"], reverse=True)
inc.json("unleash-events.json", {"version": 2, "events": evs, "totalEvents": len(evs)})

# ---- amtool alert query -o json, snapshot during the incident
SNAP = T(D + "18:40:05")
snap = [
    amtool_alert("LoginOtpFailureRatio", {"severity": "page", "team": "identity", "namespace": "identity", "service": "auth-svc", "method": "sms"},
                 "SMS step-up failure ratio above 20% for 5m", PAGE_ALERT, SNAP, receivers=("pagerduty-identity", "slack-alerts"),
                 desc="otp challenge failures 91% of SMS step-ups"),
    amtool_alert("NotifySmsProviderLatencyHigh", {"severity": "warning", "team": "notify", "namespace": "notify", "provider": "textwave"},
                 "textwave p99 send latency above 3s for 5m", LAT_WARN, SNAP, receivers=("slack-alerts",)),
    amtool_alert("NotifyExecutorSaturated", {"severity": "warning", "team": "notify", "namespace": "notify", "name": "otp-sender"},
                 "otp-sender pool at 100% of max threads", POOL_WARN, SNAP, receivers=("slack-alerts",)),
    amtool_alert("KubePodCrashLooping", {"severity": "warning", "team": "notify", "namespace": "notify", "pod": NEWPOD1, "container": "notify-svc"},
                 "Pod notify/%s restarted" % NEWPOD1, T(D + "18:14:10"), SNAP, receivers=("slack-alerts",)),
    amtool_alert("KubeJobFailed", {"severity": "warning", "team": "marketing", "namespace": "marketing", "job_name": "consent-sync-29340615"},
                 "Job marketing/consent-sync-29340615 failed to complete", add(CRON[-1], seconds=40), SNAP, receivers=("slack-alerts",)),
    amtool_alert("RabbitmqQueueBacklog", {"severity": "warning", "team": "orders", "queue": "order-events.dlq", "vhost": "orders"},
                 "order-events.dlq has more than 1000 messages", T(D + "18:33:00"), SNAP, receivers=("slack-alerts",)),
    amtool_alert("CPUThrottlingHigh", {"severity": "info", "team": "platform", "namespace": "kube-system", "pod": "coredns-7db6d8ff4d-bk8tw"},
                 "48% throttling of CPU in namespace kube-system", T(D + "12:10:00"), SNAP, receivers=("null",)),
]
inc.json("alerts-1840.json", snap)

# ---- pagerduty webhook v2 bodies (one per line)
pd = PD(48213, "LoginOtpFailureRatio: SMS step-up failure ratio above 20% for 5m", "auth-svc", "PIDAUTH")
priya = PD.user("Priya Nair", "PPRIYAN")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMID01", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/PIDAUTH/integrations/PAMID01"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Priya Nair by push notification.",
       user=priya, notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Nair.", acknowledgement_timeout=1800)
pd.add(add(DIAG, seconds=160), "annotate_log_entry", priya, {"type": "web_ui", "summary": "textwave degraded; notify otp-sender pool exhausted by sync retries"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.")
inc.lines("pd-hooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 48213, "LoginOtpFailureRatio: SMS step-up failure ratio above 20% for 5m", PAGE)])

# ---- slack export
s = Slack()
for u, n, r, tz in [("U9PRIYA", "priya", "Priya Nair", "Europe/London"), ("U9MAREK", "marek", "Marek Nowak", "Europe/Warsaw"),
                    ("U9HANNA", "hannah", "Hannah Okafor", "Europe/London"), ("U9LEA", "lea", "Lea Martin", "Europe/Paris"),
                    ("U9DAN", "dan.s", "Dan Schultz", "America/New_York"), ("U9CS", "ciara.support", "Ciara Byrne", "Europe/Dublin")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C9INC", "inc-login-otp", "SMS step-up logins failing"), ("C9AL", "alerts", "alertmanager notifications"),
                  ("C9VEN", "vendor-status", "status feeds of our vendors"), ("C9CHK", "checkout-dev", "checkout team"),
                  ("C9STAT", "status-page", "our public status page")]:
    s.channel(cid, n, p)
def amp(t, status, name, text, color=None):
    s.bot("alerts", t, "B9AM", "alertmanager", attachments=am_slack_attachment(status, name, text, color=color))
for c in CRON:
    amp(add(c, seconds=55), "firing", "KubeJobFailed", "Job marketing/consent-sync failed to complete\nseverity: warning", color="warning")
amp(add(LAT_WARN, seconds=30), "firing", "NotifySmsProviderLatencyHigh", "textwave p99 send latency above 3s for 5m\nseverity: warning", color="warning")
amp(add(POOL_WARN, seconds=30), "firing", "NotifyExecutorSaturated", "otp-sender pool at 100% of max threads\nseverity: warning", color="warning")
amp(add(PAGE_ALERT, seconds=1), "firing", "LoginOtpFailureRatio", "SMS step-up failure ratio above 20% for 5m\nseverity: page")
for st, d in [("17:41:00", 6), ("18:33:00", 11), ("19:12:30", 5)]:
    t = T(D + st)
    amp(add(t, seconds=30), "firing", "RabbitmqQueueBacklog", "order-events.dlq has more than 1000 messages\nseverity: warning", color="warning")
    amp(add(t, minutes=d, seconds=30), "resolved", "RabbitmqQueueBacklog", "order-events.dlq back under 1000 messages")
amp(add(ALERT_OK, seconds=1), "resolved", "LoginOtpFailureRatio", "SMS step-up failure ratio back under 20%")
amp(T(D + "18:46:30"), "resolved", "NotifyExecutorSaturated", "otp-sender pool below 90%")
amp(T(D + "18:52:30"), "resolved", "NotifySmsProviderLatencyHigh", "no textwave traffic (provider switched)")
def vendor(t, title, text, color):
    s.bot("vendor-status", t, "B9RSS", "RSS", attachments=[{"color": color, "fallback": title, "title": title,
          "title_link": "https://status.textwave.example/incidents/kx91zq", "text": text, "footer": "Textwave Status", "mrkdwn_in": ["text"]}])
vendor(VENDOR1, "Investigating - Elevated latency on the SMS API (EU)", "We are investigating elevated response times and timeouts on the SMS API in the EU region.", "ECB22E")
vendor(VENDOR2, "Identified - Elevated latency on the SMS API (EU)", "A degraded database cluster is slowing message acceptance. Mitigation is in progress.", "ECB22E")
vendor(VENDOR3, "Resolved - Elevated latency on the SMS API (EU)", "SMS API response times are back to normal. We will publish a post-incident report.", "2EB67D")
s.bot("vendor-status", T("2026-10-12 09:00:00"), "B9RSS", "RSS", attachments=[{"color": "439FE0", "fallback": "Scheduled - Relaypoint maintenance", "title": "Scheduled - Relaypoint API maintenance 2026-10-20 02:00 UTC",
      "text": "Short reconnects possible during the window.", "footer": "Relaypoint Status", "mrkdwn_in": ["text"]}])
s.bot("status-page", STATUS, "B9SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Problems logging in with SMS codes",
      "title": "Investigating - Problems logging in with SMS codes", "text": "Some customers do not receive SMS login codes. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status-page", add(MITIGATED, minutes=9), "B9SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - SMS login codes",
      "title": "Monitoring - SMS login codes", "text": "SMS codes are being delivered again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status-page", add(RESOLVED, minutes=3), "B9SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - SMS login codes",
      "title": "Resolved - SMS login codes", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.say("checkout-dev", add(OTHER_DEPLOY, seconds=-30), "U9LEA", "rolling out checkout-web 2026.10.13-3 (address form copy changes)")
s.say("checkout-dev", add(OTHER_FLAG, seconds=20), "U9LEA", "address-autocomplete to 50%")
ch = "inc-login-otp"
s.say(ch, T(D + "18:17:20"), "U9PRIYA", "acked. logins that need SMS step-up are failing, auth-svc gets 503 from notify-svc on /v1/otp/send")
s.say(ch, T(D + "18:18:40"), "U9CS", "support queue filling up: 'never got my code' since about 19:05 Irish time")
s.say(ch, WRONG1, "U9HANNA", "is it redis-sessions again? that bit us in august")
s.say(ch, add(WRONG1, seconds=65), "U9PRIYA", "sessions look fine, password-only and trusted-device logins go through. only the sms step fails")
s.say(ch, ROLLBACK_Q, "U9DAN", "should we roll back notify-svc? 4.9.0 went out yesterday")
s.say(ch, add(ROLLBACK_Q, seconds=80), "U9MAREK", "4.9.0 only touched email templates, I'd rather not. looking at the pool now")
s.say(ch, DIAG, "U9MAREK", "ok so textwave is taking 10s+ per call and we retry 3x synchronously, so ~30s per otp. the otp-sender pool is pinned at 100/100 on both pods with 500 queued, and everything behind it gets rejected with 503")
s.say(ch, add(DIAG, seconds=45), "U9MAREK", "their status page went to investigating 10 min ago too, it's on their side, our retries make it worse")
s.say(ch, WRONG2, "U9HANNA", "could the checkout-web rollout have changed the login form?")
s.say(ch, add(WRONG2, seconds=40), "U9LEA", "no, that was copy changes in checkout only, and it went out at 18:26")
s.say(ch, T(D + "18:38:30"), "U9MAREK", "plan: open the textwave breaker so threads free up, then flip notify.sms.provider to relaypoint")
s.say(ch, add(BREAKER, seconds=50), "U9MAREK", "breaker open. pool drained, but otps still not sent (fails fast now)")
s.say(ch, add(SWITCH, seconds=60), "U9MAREK", "provider flag on relaypoint, codes arriving, step-up success back to 99%")
s.say(ch, T(D + "19:43:10"), "U9PRIYA", "textwave says resolved. staying on relaypoint until tomorrow, breaker off tonight")
s.say(ch, add(RESOLVED, seconds=-45), "U9PRIYA", "an hour clean on relaypoint, resolving. followups: async sends, retry budget, failover automation")
s.write(inc, "export")

inc.truth(
    "notify-sms-provider", "dependency-outage-retry-amplification",
    "Textwave, the SMS provider, slowed to 10 s timeouts; notify-svc's three synchronous retries pinned its otp-sender pool\n"
    "and it rejected every OTP with 503, so SMS step-up logins failed until a circuit breaker was opened and traffic moved to Relaypoint.",
    (W0, W1),
    dict(started=STARTED, detected=LAT_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first textwave send read timeout in notify-svc", "notify-svc.log", 60),
     (LAT_WARN, "alert_fired", "NotifySmsProviderLatencyHigh (warning) firing", "alerts-1840.json", 60),
     (PAGE, "paged", "PagerDuty #48213 LoginOtpFailureRatio triggered, Priya notified", "pd-hooks.ndjson", 60),
     (ACK, "acknowledged", "Priya acknowledges", "pd-hooks.ndjson", 60),
     (DIAG, "diagnosis", "Marek: textwave slow + 3 sync retries pin the otp-sender pool, rejects 503", "export", 60),
     (STATUS, "communication", "Statuspage: problems logging in with SMS codes", "export", 60),
     (BREAKER, "mitigation", "flag notify.sms.circuit-breaker enabled (textwave breaker open)", "unleash-events.json", 60),
     (SWITCH, "mitigation", "flag notify.sms.provider switched to relaypoint", "unleash-events.json", 60),
     (MITIGATED, "recovery", "SMS step-up logins succeed again via relaypoint", "auth.jsonl.gz", 60),
     (ALERT_OK, "alert_resolved", "LoginOtpFailureRatio resolved", "export", 60),
     (RESOLVED, "resolved", "PagerDuty #48213 resolved", "pd-hooks.ndjson", 60)],
    [(CRON[-1], "marketing consent-sync CronJob fails every day at ~18:15 UTC (KubeJobFailed)", "events.json"),
     (CRON[0], "same consent-sync failure three days earlier", "export"),
     (OTHER_DEPLOY, "checkout team rolls out checkout-web 2026.10.13-3", "events.json"),
     (OTHER_FLAG, "checkout team raises checkout.address-autocomplete to 50%", "unleash-events.json"),
     (T(D + "17:41:00"), "orders team's RabbitmqQueueBacklog flapping", "export"),
     (T(D + "12:10:00"), "platform CPUThrottlingHigh info alert, active all day", "alerts-1840.json"),
     (ROLLBACK_Q, "'should we roll back notify-svc?' question, not done", "export"),
     (WRONG1, "wrong hunch: redis-sessions", "export"),
     (WRONG2, "wrong hunch: checkout-web rollout", "export"),
     (T(D + "18:00:00"), "steady captcha verify timeouts in auth-svc all window", "auth.jsonl.gz"),
     (T(D + "18:30:00"), "steady bounce-webhook signature mismatch and invalid-number 400s in notify-svc", "notify-svc.log"),
     (T(D + "19:58:40"), "breaker flag switched off after the incident", "unleash-events.json")],
    [("notify-svc.log", "logs"), ("auth.jsonl.gz", "logs"), ("otp-pool.json", "prometheus-query-range"), ("events.json", "kube-events"),
     ("unleash-events.json", "deploys"), ("alerts-1840.json", "alertmanager-api-alerts"), ("pd-hooks.ndjson", "pagerduty-log-entries"),
     ("export", "slack-export")])
