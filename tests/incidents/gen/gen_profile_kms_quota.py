"""retired7/profile-kms-quota: profile-svc decrypts PII fields with one AWS KMS Decrypt call per field and request;
months of user growth and the Monday-morning ramp push the account's shared symmetric-crypto request rate past its
10k/s quota. Throttling grows slowly (SDK retries hide it at first, then latency, then 5xx on profile reads and logins)
until AWS applies a quota increase to 30k/s."""
import random
from common import *

rng = random.Random(20261005)
inc = Incident("retired7", "profile-kms-quota")
D = "2026-10-05 "
W0, W1 = T(D + "07:00:00"), T(D + "10:00:00")
CRON = [T("2026-10-%02d 08:00:%02d" % (d, 11 + d)) for d in (2, 3, 4, 5)]
STARTED = T(D + "07:41:18")
LAT_WARN = T(D + "08:10:30")
PAGE_ALERT = T(D + "08:25:30")
PAGE = T(D + "08:26:01")
ACK = T(D + "08:29:14")
HUNCH_DDB = T(D + "08:32:50")
OTHER_DEPLOY = T(D + "08:35:10")
HUNCH_ORDERS = T(D + "08:37:05")
ROLLBACK_Q = T(D + "08:38:20")
DIAG = T(D + "08:41:05")
QUOTA_REQ = T(D + "08:44:30")
CASE = T(D + "08:46:12")
STATUS = T(D + "08:50:20")
AWS_REPLY = T(D + "09:04:48")
QUOTA_APPLIED = T(D + "09:12:40")
MITIGATED = T(D + "09:13:05")
ALERT_OK = T(D + "09:19:30")
LAT_OK = T(D + "09:21:00")
STATUS_OK = T(D + "09:30:15")
RESOLVED = T(D + "09:41:10")
QUOTA = 10000.0


def hours(t):
    return (epoch(t) - epoch(W0)) / 3600.0


def profile_rate(t):
    h = hours(t)
    r = 5200 + 3400 * min(h, 1.9) + 400 * max(0.0, h - 1.9)
    return r * (1 + 0.015 * (((int(epoch(t)) // 60) * 7) % 5 - 2))


def orders_rate(t):
    return 1500 * (1 + 0.01 * ((int(epoch(t)) // 60) % 3))


def throttled(t):
    """Fraction of Decrypt calls throttled (bursts above the per-second quota)."""
    if t >= MITIGATED:
        return 0.0
    d = profile_rate(t) + orders_rate(t)
    return max(0.0, (1.12 * d - QUOTA) / d)


def err_ratio(t):
    return 0.6 * throttled(t) ** 3


# ---- profile-svc logfmt (UTC)
PODS = ["profile-svc-6d8f7c9b5-%s" % s for s in ("2m4kx", "7hq9z", "b5wtn", "dk3r8", "gx8vp", "lq2fj", "n4c7s", "r9mzd",
                                                  "t6bkh", "w2xpq", "x8dlv", "z3nfc")]
lg = []


def L(t, *pairs):
    lg.append((t, logfmt([("ts", iso(t, ms=True))] + list(pairs))))


THR = "operation error KMS: Decrypt, https response error StatusCode: 400, RequestID: %s, ThrottlingException: Rate exceeded"
EXH = "decrypt field %s: operation error KMS: Decrypt, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: %s, ThrottlingException: Rate exceeded"
PATHS = ["/v1/profile/me", "/v1/profile/me", "/v1/profile/%s", "/v1/auth/session", "/v1/profile/me/addresses", "/v1/profile/me/avatar"]


def path():
    p = rng.choice(PATHS)
    return p % uuid("u%d" % rng.randint(1, 10**6)) if "%s" in p else p


def throttle_line(t):
    L(t, ("level", "warn"), ("caller", "crypto/envelope.go:112"), ("pod", rng.choice(PODS)), ("msg", "kms decrypt throttled, retrying"),
      ("attempt", rng.choice([1, 1, 1, 2])), ("key", "alias/profile-pii"), ("err", THR % uuid("thr" + iso(t, ms=True))))


def error_line(t):
    p = rng.choice(["/v1/profile/me", "/v1/auth/session", "/v1/profile/me/addresses"])
    L(t, ("level", "error"), ("caller", "http/handler.go:88"), ("pod", rng.choice(PODS)), ("msg", "request failed"),
      ("method", "GET" if "session" not in p else "POST"), ("path", p), ("status", 500), ("dur", "%dms" % rng.randint(1400, 3100)),
      ("err", EXH % (rng.choice(["email", "phone", "birth_date", "legal_name"]), uuid("exh" + iso(t, ms=True)))))


for t in poisson_times(rng, W0, W1, 0.11):  # sampled access lines (1%)
    f = throttled(t)
    dur = int(rng.uniform(18, 70) + (rng.uniform(80, 900) if rng.random() < f * 2 else 0))
    L(t, ("level", "info"), ("caller", "http/log.go:41"), ("pod", rng.choice(PODS)), ("msg", "request"), ("method", "GET"),
      ("path", path()), ("status", 200), ("dur", "%dms" % dur), ("sampled", "0.01"))
# throttling warnings: the logger is rate-limited to a few lines per second per service
for t in poisson_times(rng, STARTED, add(MITIGATED, seconds=-1), 0.35):
    if rng.random() < min(1.0, throttled(t) * 3.5):
        throttle_line(t)
throttle_line(STARTED)
throttle_line(MITIGATED)
for t in poisson_times(rng, STARTED, add(MITIGATED, seconds=-8), 6.0):
    if rng.random() < err_ratio(t):
        error_line(t)
error_line(T(D + "09:12:58"))
for t in poisson_times(rng, W0, W1, 1 / 50.0):  # benign: missing avatars
    L(t, ("level", "warn"), ("caller", "avatar/s3.go:57"), ("pod", rng.choice(PODS)), ("msg", "avatar object not found, serving default"),
      ("bucket", "acme-profile-avatars"), ("status", 404))
for t in poisson_times(rng, W0, W1, 1 / 330.0):  # benign: optimistic-lock conflicts, client retries
    L(t, ("level", "error"), ("caller", "store/dynamo.go:203"), ("pod", rng.choice(PODS)), ("msg", "profile update conflict"),
      ("table", "profiles"), ("err", "operation error DynamoDB: UpdateItem, https response error StatusCode: 400, ConditionalCheckFailedException: The conditional request failed"))
lg.sort(key=lambda x: x[0])
inc.lines("profile-svc.log", [l for _, l in lg])


# ---- OpenMetrics dump: KMS usage (YACE, per-minute sums) and the app's KMS counters
MINUTES = list(frange(W0, W1, 60))
usage = [({"dimension_Class": "None", "dimension_Resource": "Decrypt", "dimension_Service": "KMS", "dimension_Type": "API",
           "region": "eu-central-1", "account_id": "418273650091"},
          [(t, "%.0f" % ((profile_rate(t) + orders_rate(t)) * 60 * (1 + throttled(t) * 0.9))) for t in MINUTES])]
cnt = {}
fam = []
for app_, fn in (("profile-svc", profile_rate), ("orders-svc", orders_rate)):
    for outcome in ("ok", "throttled"):
        pts = []
        acc = 10_000_000.0 if app_ == "profile-svc" else 3_000_000.0
        for t in MINUTES:
            r = fn(t) * 60
            f = throttled(t)
            acc += r * (1 - f) if outcome == "ok" else r * f
            pts.append((t, "%.0f" % acc))
        fam.append(({"app": app_, "key_alias": "alias/%s" % ("profile-pii" if app_ == "profile-svc" else "orders-pii"),
                     "operation": "Decrypt", "outcome": outcome}, pts))
inc.write("kms.om", openmetrics([
    ("aws_usage_call_count_sum", "gauge", "CloudWatch AWS/Usage CallCount, Sum over 60s", usage),
    ("app_kms_requests", "counter", "KMS API calls made by the application", fam),
]))

# ---- Prometheus query_range: profile-svc p99 latency and 5xx ratio
def p99(t):
    return 0.085 + 2.4 * throttled(t) + 0.004 * ((int(epoch(t)) // 60) % 3)


def e5(t):
    return 0.0007 + 0.0002 * ((int(epoch(t)) // 60) % 2) + err_ratio(t)


inc.json("profile_slo.json", query_range([
    ({"__name__": "job:http_request_duration_seconds:p99", "job": "profile-svc", "namespace": "profile"}, p99),
    ({"__name__": "job:http_requests_5xx:ratio_rate5m", "job": "profile-svc", "namespace": "profile"}, e5)],
    W0, W1, 60, fmt="%.4f"), indent=None)

# ---- Alertmanager webhook bodies (receiver dump, JSON array)
hooks = []


def hk(t, body):
    hooks.append((t, body))


pl = {"severity": "page", "team": "identity", "service": "profile-svc", "namespace": "profile", "slo": "availability"}
wl = {"severity": "warning", "team": "identity", "service": "profile-svc", "namespace": "profile"}
PS = "profile-svc is burning its availability error budget (5xx ratio above 0.5%)"
WS = "profile-svc p99 latency above 400ms for 10m"
hk(add(LAT_WARN, seconds=20), am_webhook("slack-identity", [am_alert("ProfileSvcLatencyHigh", wl, WS, LAT_WARN, desc="p99 is 0.53s")]))
hk(add(PAGE_ALERT, seconds=30), am_webhook("pagerduty-identity", [am_alert("ProfileSvcErrorBudgetBurn", pl, PS, PAGE_ALERT, desc="5xx ratio 0.64%")]))
hk(add(PAGE_ALERT, seconds=30), am_webhook("slack-identity", [am_alert("ProfileSvcErrorBudgetBurn", pl, PS, PAGE_ALERT, desc="5xx ratio 0.64%")]))
hk(add(ALERT_OK, seconds=20), am_webhook("pagerduty-identity", [am_alert("ProfileSvcErrorBudgetBurn", pl, PS, PAGE_ALERT, ends=ALERT_OK)]))
hk(add(ALERT_OK, seconds=20), am_webhook("slack-identity", [am_alert("ProfileSvcErrorBudgetBurn", pl, PS, PAGE_ALERT, ends=ALERT_OK)]))
hk(add(LAT_OK, seconds=20), am_webhook("slack-identity", [am_alert("ProfileSvcLatencyHigh", wl, WS, LAT_WARN, ends=LAT_OK)]))
jl = {"severity": "warning", "team": "identity", "namespace": "profile", "job_name": "gdpr-erasure-sweeper-29327520"}
hk(add(CRON[-1], seconds=50), am_webhook("slack-identity", [am_alert("KubeJobFailed", jl, "Job profile/gdpr-erasure-sweeper-29327520 failed to complete", add(CRON[-1], seconds=20))]))
el = {"severity": "warning", "team": "search", "cluster": "search-prod", "namespace": "search"}
for st, dur in ((T(D + "07:12:00"), 6), (T(D + "07:58:30"), 4), (T(D + "08:31:00"), 7), (T(D + "09:07:30"), 5), (T(D + "09:44:00"), 6)):
    hk(add(st, seconds=30), am_webhook("slack-search", [am_alert("ElasticsearchClusterYellow", el, "search-prod cluster health is yellow", st)]))
    hk(add(st, minutes=dur), am_webhook("slack-search", [am_alert("ElasticsearchClusterYellow", el, "search-prod cluster health is yellow", st, ends=add(st, minutes=dur, seconds=-20))]))
ql = {"severity": "warning", "team": "notifications", "queue": "push-outbound"}
hk(T(D + "07:33:40"), am_webhook("slack-notifications", [am_alert("SQSOldestMessageAgeHigh", ql, "push-outbound oldest message older than 5m", T(D + "07:33:10"))]))
hk(T(D + "08:02:10"), am_webhook("slack-notifications", [am_alert("SQSOldestMessageAgeHigh", ql, "push-outbound oldest message older than 5m", T(D + "07:33:10"), ends=T(D + "08:01:40"))]))
hooks.sort(key=lambda x: x[0])
inc.json("alertmanager.json", [b for _, b in hooks])

# ---- PagerDuty log entries
pd = PD(61877, "ProfileSvcErrorBudgetBurn profile-svc is burning its availability error budget", "profile-svc", "PPROF09", "Identity Primary")
han = PD.user("Hannah Vogel", "PHANNAH")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMID02", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/PPROF09/integrations/PAMID02"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Hannah Vogel by push notification.", user=han,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", han, {"type": "mobile"}, "Acknowledged by Hannah Vogel.", acknowledgement_timeout=3600)
pd.add(add(CASE, seconds=40), "annotate_log_entry", han, {"type": "web_ui", "summary": "KMS Decrypt throttled at account quota; quota increase requested, AWS support case 176204481900313 (urgent)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", han, {"type": "web_ui"}, "Resolved by Hannah Vogel.")
inc.json("pagerduty.json", pd.export())

# ---- Service Quotas change history (aws service-quotas list-requested-service-quota-change-history --service-code kms)
def awsl(t):
    return local(t, "Europe/Berlin").strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % (int(uid(iso(t), 5), 16) % 1000000) + \
        local(t, "Europe/Berlin").strftime("%z")[:3] + ":" + local(t, "Europe/Berlin").strftime("%z")[3:]


rq = [{"Id": uid("req-kms-rsa", 32), "CaseId": "175221904400187", "ServiceCode": "kms", "ServiceName": "AWS Key Management Service (AWS KMS)",
       "QuotaCode": "L-2AC98190", "QuotaName": "Cryptographic operations (RSA) request rate", "DesiredValue": 2000.0,
       "Status": "CASE_CLOSED", "Created": awsl(T("2026-04-14 13:02:11")), "LastUpdated": awsl(T("2026-04-15 09:40:27")),
       "Requester": "arn:aws:sts::418273650091:assumed-role/AWSReservedSSO_PlatformAdmin_4f1e2a/olaf.berg",
       "QuotaArn": "arn:aws:servicequotas:eu-central-1:418273650091:kms/L-2AC98190", "GlobalQuota": False, "Unit": "None",
       "QuotaRequestedAtLevel": "ACCOUNT"},
      {"Id": uid("req-kms-sym", 32), "CaseId": "176204481900313", "ServiceCode": "kms", "ServiceName": "AWS Key Management Service (AWS KMS)",
       "QuotaCode": "L-6E3AF000", "QuotaName": "Cryptographic operations (symmetric) request rate", "DesiredValue": 30000.0,
       "Status": "CASE_CLOSED", "Created": awsl(QUOTA_REQ), "LastUpdated": awsl(QUOTA_APPLIED),
       "Requester": "arn:aws:sts::418273650091:assumed-role/AWSReservedSSO_PlatformAdmin_4f1e2a/hannah.vogel",
       "QuotaArn": "arn:aws:servicequotas:eu-central-1:418273650091:kms/L-6E3AF000", "GlobalQuota": False, "Unit": "None",
       "QuotaRequestedAtLevel": "ACCOUNT"}]
inc.json("sq-history.json", {"RequestedQuotas": rq}, indent=4)

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
for t, a, b in ((T(D + "07:18:42"), 18, 22), (T(D + "07:52:15"), 22, 26), (T(D + "08:27:50"), 26, 30), (T(D + "09:01:33"), 30, 32)):
    k.ev(t, "profile", "HorizontalPodAutoscaler", "profile-svc", "SuccessfulRescale",
         "New size: %d; reason: cpu resource utilization (percentage of request) above target" % b, component="horizontal-pod-autoscaler")
    k.ev(add(t, seconds=1), "profile", "Deployment", "profile-svc", "ScalingReplicaSet",
         "Scaled up replica set profile-svc-6d8f7c9b5 from %d to %d" % (a, b), component="deployment-controller")
k.ev(OTHER_DEPLOY, "orders", "Deployment", "orders-svc", "ScalingReplicaSet", "Scaled up replica set orders-svc-84b6d9f7c to 3 from 0",
     component="deployment-controller")
for i, dt in enumerate((40, 85, 130, 176, 221)):
    k.ev(add(OTHER_DEPLOY, seconds=dt), "orders", "Deployment", "orders-svc", "ScalingReplicaSet",
         "Scaled down replica set orders-svc-5c7f8d6b4 to %d from %d" % (8 - (i + 1) * 2 if i < 4 else 0, 10 - (i + 1) * 2 if i < 4 else 2),
         component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=60), "orders", "Deployment", "orders-svc", "ScalingReplicaSet", "Scaled up replica set orders-svc-84b6d9f7c to 10 from 3",
     component="deployment-controller")
cj = "gdpr-erasure-sweeper-29327520"
k.ev(add(CRON[-1], seconds=-19), "profile", "CronJob", "gdpr-erasure-sweeper", "SuccessfulCreate", "Created job " + cj, component="cronjob-controller")
k.ev(add(CRON[-1], seconds=-18), "profile", "Job", cj, "SuccessfulCreate", "Created pod: %s-q7d2x" % cj, component="job-controller")
k.ev(add(CRON[-1], seconds=1), "profile", "Job", cj, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
     type_="Warning", component="job-controller")
k.ev(add(CRON[-1], seconds=2), "profile", "CronJob", "gdpr-erasure-sweeper", "SawCompletedJob", "Saw completed job: %s, status: Failed" % cj,
     component="cronjob-controller")
for t in poisson_times(rng, W0, W1, 1 / 1500.0):
    k.ev(t, "profile", "Pod", rng.choice(PODS), "Unhealthy", "Readiness probe failed: Get \"http://10.61.%d.%d:8080/readyz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % (
        rng.randint(0, 40), rng.randint(2, 250)), type_="Warning", host="ip-10-61-%d-%d.eu-central-1.compute.internal" % (rng.randint(0, 40), rng.randint(2, 250)))
inc.json("events.json", k.v1_list())

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U6HAN", "hannah", "Hannah Vogel", "Europe/Berlin"), ("U6OLA", "olaf", "Olaf Berg", "Europe/Stockholm"),
                    ("U6MEI", "mei", "Mei Chen", "Europe/Amsterdam"), ("U6RAJ", "raj", "Raj Patel", "Europe/London"),
                    ("U6KAI", "kai", "Kai Müller", "Europe/Berlin")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C6INC", "inc-profile-5xx", "profile-svc errors"), ("C6IDA", "identity-alerts", "Alertmanager for identity"),
                  ("C6ORD", "orders-dev", "Orders team"), ("C6STA", "status", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("identity-alerts", add(c, seconds=50), "B6AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job profile/gdpr-erasure-sweeper failed to complete\nseverity: warning", color="warning"))
s.bot("identity-alerts", add(LAT_WARN, seconds=20), "B6AM", "alertmanager",
      attachments=am_slack_attachment("firing", "ProfileSvcLatencyHigh", WS + "\np99 is 0.53s", color="warning"))
s.bot("identity-alerts", add(PAGE_ALERT, seconds=30), "B6AM", "alertmanager",
      attachments=am_slack_attachment("firing", "ProfileSvcErrorBudgetBurn", PS + "\n5xx ratio 0.64%"))
s.bot("identity-alerts", add(ALERT_OK, seconds=20), "B6AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "ProfileSvcErrorBudgetBurn", "profile-svc 5xx ratio back under 0.5%"))
s.say("identity-alerts", add(LAT_WARN, seconds=200), "U6MEI", "profile p99 creeping up since about 7:45, it's Monday peak, HPA is scaling. watching")
s.say("orders-dev", add(OTHER_DEPLOY, seconds=-30), "U6RAJ", "deploying orders-svc 4.22.0 (invoice pdf fix)")
ch = "inc-profile-5xx"
s.say(ch, add(ACK, seconds=45), "U6HAN", "acked. profile-svc 500s on /v1/profile/me and session creation, ~1% and rising slowly. logins failing for some users")
s.say(ch, HUNCH_DDB, "U6MEI", "dynamodb throttling again? we had that hot partition on profiles last month")
s.say(ch, add(HUNCH_DDB, seconds=55), "U6HAN", "dynamo looks fine, no ProvisionedThroughputExceeded. the 500s all say KMS")
s.say(ch, HUNCH_ORDERS, "U6KAI", "orders just deployed, could their new version be hammering the shared key?")
s.say(ch, add(HUNCH_ORDERS, seconds=70), "U6RAJ", "orders-svc KMS calls are flat at ~1.5k/s, same as last week, and 4.22 doesn't touch crypto")
s.say(ch, ROLLBACK_Q, "U6KAI", "should we roll back friday's profile-svc release?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U6HAN", "friday's release was the avatar cropping, nothing near crypto. throttling warnings started at 07:41, long after")
s.say(ch, DIAG, "U6HAN", "got it: we're hitting the account-wide KMS quota. Decrypt calls in eu-central-1 are at ~12k/s against a 10k/s limit for symmetric crypto ops, shared by every service in the account. profile decrypts every PII field per request without a data key cache, and Monday peak plus the Nordics growth pushed us over")
s.say(ch, add(DIAG, seconds=60), "U6OLA", "confirmed in CloudWatch usage metrics, CallCount for Decrypt is ~950k/min including SDK retries")
s.say(ch, add(QUOTA_REQ, seconds=20), "U6OLA", "requested a quota increase to 30k/s in Service Quotas")
s.say(ch, add(CASE, seconds=15), "U6OLA", "and opened urgent support case 176204481900313 referencing the request, production impact")
s.say(ch, add(CASE, seconds=140), "U6MEI", "adding more pods won't help, each request still needs its own Decrypt")
s.say(ch, AWS_REPLY, "U6OLA", "AWS support replied: increase approved, being applied to the account, should take effect within ~15 minutes")
s.say(ch, add(QUOTA_APPLIED, seconds=35), "U6OLA", "Service Quotas shows 30,000 applied for symmetric crypto ops")
s.say(ch, add(MITIGATED, seconds=90), "U6HAN", "throttling warnings stopped at 09:13, 5xx back to baseline, p99 dropping")
s.say(ch, add(RESOLVED, seconds=-45), "U6HAN", "resolving. follow-ups: data key caching in the envelope lib, KMS usage alert at 70% of quota")
s.bot("status", STATUS, "B6SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - Login and profile errors", "title": "Investigating - Login and profile errors",
                    "text": "Some customers cannot log in or view their profile. We have identified a capacity limit with a provider and are working with them.", "mrkdwn_in": ["text"]}])
s.bot("status", STATUS_OK, "B6SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved - Login and profile errors", "title": "Resolved - Login and profile errors",
                    "text": "Logins and profiles work normally again since 11:13 CEST.", "mrkdwn_in": ["text"]}])
s.write(inc, "export")

inc.truth(
    "profile-kms-quota", "cloud-api-quota-exhausted-by-growth",
    "User growth and the Monday-morning ramp push the account's shared KMS symmetric-crypto rate (profile-svc decrypts every PII field per request)\n"
    "past its 10k/s quota; throttling grows slowly from 07:41 into latency and then 5xx on profile reads and logins until AWS applies a 30k/s quota.",
    (W0, W1),
    dict(started=STARTED, detected=LAT_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first KMS Decrypt ThrottlingException (retried) in profile-svc; throttling then grows with traffic", "profile-svc.log", 60),
     (LAT_WARN, "alert_fired", "ProfileSvcLatencyHigh warning firing", "alertmanager.json", 60),
     (PAGE_ALERT, "alert_fired", "ProfileSvcErrorBudgetBurn (page) firing", "alertmanager.json", 60),
     (PAGE, "paged", "PagerDuty #61877 triggered, Hannah notified", "pagerduty.json", 60),
     (ACK, "acknowledged", "Hannah acknowledges", "pagerduty.json", 60),
     (DIAG, "diagnosis", "Hannah: account-wide KMS symmetric quota (10k/s) exceeded by Decrypt per PII field plus growth", "export", 60),
     (STATUS, "communication", "Statuspage: login and profile errors", "export", 60),
     (QUOTA_APPLIED, "mitigation", "AWS applies the quota increase to 30k/s (vendor side, request CASE_CLOSED)", "sq-history.json", 60),
     (MITIGATED, "recovery", "last throttling warning; 5xx back to baseline", "profile-svc.log", 60),
     (ALERT_OK, "alert_resolved", "ProfileSvcErrorBudgetBurn resolved", "alertmanager.json", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pagerduty.json", 60)],
    [(CRON[-1], "daily gdpr-erasure-sweeper CronJob in the same namespace fails every day at 08:00", "events.json"),
     (OTHER_DEPLOY, "orders team deploys orders-svc 4.22.0", "events.json"),
     (HUNCH_DDB, "wrong hunch: DynamoDB hot partition", "export"),
     (HUNCH_ORDERS, "wrong hunch: orders deploy hammering the shared key", "export"),
     (ROLLBACK_Q, "'should we roll back friday's release?' question, not an action", "export"),
     (T(D + "08:31:00"), "search team's flapping ElasticsearchClusterYellow", "alertmanager.json"),
     (T(D + "07:33:10"), "notifications team's SQSOldestMessageAgeHigh", "alertmanager.json"),
     (T("2026-04-14 13:02:11"), "older RSA quota request, April", "sq-history.json"),
     (T(D + "08:00:00"), "steady avatar 404s, DynamoDB conditional-check conflicts and readiness-probe timeouts all window", "profile-svc.log")],
    [("profile-svc.log", "logs"), ("kms.om", "openmetrics"), ("profile_slo.json", "prometheus-query-range"),
     ("alertmanager.json", "alertmanager-webhook"), ("pagerduty.json", "pagerduty-log-entries"),
     ("sq-history.json", "deploys"), ("events.json", "kube-events"), ("export", "slack-export")])
