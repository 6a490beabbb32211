"""retired9/docs-s3-lifecycle-expiry: the documents bucket carries a whole-bucket 30-day expiration rule; every receipt
batch-copied into it on May 9 turns 30 days old at midnight UTC and S3 lifecycle expires them over the evening (Pacific);
receipt/invoice 404s grow slowly until the rule is deleted and a batch job removes the delete markers."""
import random
import datetime as _d
from common import *

rng = random.Random(20260609)
inc = Incident("retired9", "docs-s3-lifecycle-expiry")
TZ = "America/Los_Angeles"
D = "2026-06-09 "
W0, W1 = T(D + "00:00:00"), T(D + "03:00:00")
R0, R1 = T("2026-06-08 23:00:00"), T(D + "03:30:00")   # what the exports cover
CRON = [T("2026-06-%02d 00:15:%02d" % (d, 20 + 5 * i)) for i, d in enumerate((6, 7, 8, 9))]
STARTED = T(D + "00:21:30")         # expirations begin to bite: read from the 404-share series
RULE_STOP = T(D + "02:01:00")       # lifecycle stops expiring (propagation after the rule delete)
FULL = T(D + "04:30:00")            # when every migrated object would have been expired
OTHER_DEPLOY = T(D + "00:44:05")
WARN_A = T(D + "01:05:10")
PAGE_A = T(D + "01:14:10")
PAGE = T(D + "01:14:16")
ACK = T(D + "01:19:40")
WRONG1 = T(D + "01:23:10")
COMMS = T(D + "01:28:00")
ROLLBACK_Q = T(D + "01:30:15")
WRONG2 = T(D + "01:33:30")
DIAG1 = T(D + "01:36:40")
DIAG2 = T(D + "01:41:10")
RULE_DEL = T(D + "01:52:20")
JOB = T(D + "02:04:31")
REST0, REST1 = T(D + "02:04:40"), T(D + "02:40:30")
MITIGATED = REST1
WARN_OK = T(D + "02:28:40")
ALERT_OK = T(D + "02:33:40")
RESOLVED = T(D + "02:55:00")
AFFECTED = 0.34       # share of receipt/invoice reads that ask for documents older than the May 9 copy
BUCKET = "pantrio-prod-docs-usw2"

def expired(t):
    if t < STARTED:
        return 0.0
    x = (min(t, RULE_STOP) - STARTED).total_seconds() / (FULL - STARTED).total_seconds()
    return min(1.0, x)
def restored(t):
    if t < REST0:
        return 0.0
    return min(1.0, (t - REST0).total_seconds() / (REST1 - REST0).total_seconds())
def missing(t):
    return AFFECTED * expired(t) * (1 - restored(t))

# ---- docs-api (Python/gunicorn, logging in Pacific local time, no offset)
lg = []
def L(t, lvl, logger, msg):
    lt = local(t, TZ)
    lg.append((t, "%s,%03d %-7s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, logger, msg)))
def old_key():
    m = rng.choice([1, 2, 3, 4, 4, 5])
    d = rng.randint(1, 8 if m == 5 else 28)
    return "receipts/2026/%02d/%02d/ord_%s.pdf" % (m, d, hexid(rng, 10))
def new_key(t):
    lt = local(t, TZ)
    return "receipts/%s/ord_%s.pdf" % (lt.strftime("%Y/%m/%d"), hexid(rng, 10))
workers = [11, 12, 13, 14, 15, 16]
for t in poisson_times(rng, R0, R1, 0.3):
    rid = hexid(rng, 8)
    is_old = rng.random() < AFFECTED
    if is_old and rng.random() < expired(t) * (1 - restored(t)):
        k = old_key()
        L(t, "WARNING", "docs_api.storage", "pid=%d req=%s s3 GetObject bucket=%s key=%s -> NoSuchKey (The specified key does not exist.)" % (rng.choice(workers), rid, BUCKET, k))
        L(add(t, seconds=0.003), "INFO", "gunicorn.access", 'pid=%d req=%s "GET /v1/orders/%s/receipt HTTP/1.1" 404 61 %dms' % (rng.choice(workers), rid, k.split("/")[-1][:-4], rng.randint(14, 60)))
    else:
        k = old_key() if is_old else new_key(t)
        L(t, "INFO", "gunicorn.access", 'pid=%d req=%s "GET /v1/orders/%s/receipt HTTP/1.1" 200 %d %dms' % (rng.choice(workers), rid, k.split("/")[-1][:-4], rng.randint(38000, 210000), rng.randint(25, 140)))
# steady benign: receipts not yet rendered for orders still in progress (404 by design)
for t in poisson_times(rng, R0, R1, 1 / 40.0):
    k = new_key(t)
    rid = hexid(rng, 8)
    L(t, "WARNING", "docs_api.storage", "pid=%d req=%s s3 GetObject bucket=%s key=%s -> NoSuchKey (The specified key does not exist.)" % (rng.choice(workers), rid, BUCKET, k))
    L(add(t, seconds=0.002), "INFO", "gunicorn.access", 'pid=%d req=%s "GET /v1/orders/%s/receipt HTTP/1.1" 404 61 %dms' % (rng.choice(workers), rid, k.split("/")[-1][:-4], rng.randint(9, 30)))
for t in poisson_times(rng, R0, R1, 1 / 150.0):
    L(t, "WARNING", "docs_api.render", "pid=%d invoice thumbnail render timed out after 3.0s (pdftoppm), serving placeholder" % rng.choice(workers))
k = "receipts/2026/04/11/ord_51c0e9a7d2.pdf"
L(add(STARTED, seconds=4), "WARNING", "docs_api.storage", "pid=13 req=0c9e4a71 s3 GetObject bucket=%s key=%s -> NoSuchKey (The specified key does not exist.)" % (BUCKET, k))
L(add(STARTED, seconds=4.003), "INFO", "gunicorn.access", 'pid=13 req=0c9e4a71 "GET /v1/orders/ord_51c0e9a7d2/receipt HTTP/1.1" 404 61 22ms')
inc.lines("docs-api.log", [l for _, l in sorted(lg, key=lambda x: x[0])])

# ---- Prometheus query_range: share of receipt/invoice reads answered 404, and read rate
def share(t):
    return 0.0041 + 0.0003 * (rng.random() - 0.5) + missing(t)
def rps(t):
    lt = local(t, TZ)
    h = lt.hour + lt.minute / 60.0
    return 38.0 + 6.0 * (h - 16) + 2.0 * rng.random()
inc.json("ratio.json", query_range([
    ({"service": "docs-api", "route": "/v1/orders/:id/receipt", "expr": "sum(rate(http_requests_total{code=\"404\"}[1m])) / sum(rate(http_requests_total[1m]))"}, share),
    ({"service": "docs-api", "route": "/v1/orders/:id/receipt", "expr": "sum(rate(http_requests_total[1m]))"}, rps)],
    R0, R1, 30, fmt="%.5f"), indent=None)

# ---- CloudTrail LookupEvents export (us-west-2), management events
evs = []
def CT(t, name, user, source, resources, params, extra=None):
    eid = uuid("ct" + name + iso(t))
    body = {"eventVersion": "1.10", "userIdentity": {"type": "AssumedRole", "principalId": "AROA4XJ2Q7EXAMPLE:" + user,
            "arn": "arn:aws:sts::431877102265:assumed-role/%s/%s" % ("platform-admin" if "@" in user else "terraform-apply", user),
            "accountId": "431877102265", "sessionContext": {"sessionIssuer": {"type": "Role", "userName": "platform-admin" if "@" in user else "terraform-apply"}}},
            "eventTime": iso(t), "eventSource": source, "eventName": name, "awsRegion": "us-west-2",
            "sourceIPAddress": "10.20.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)), "userAgent": "aws-cli/2.17.3" if "@" in user else "APN/1.0 HashiCorp/1.0 Terraform/1.8.5",
            "requestParameters": params, "responseElements": extra, "eventID": eid, "readOnly": False,
            "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": "431877102265", "eventCategory": "Management"}
    evs.append({"EventId": eid, "EventName": name, "ReadOnly": "false", "AccessKeyId": "ASIA4XJ2Q7" + uid(eid, 10).upper(),
                "EventTime": iso(t), "EventSource": source, "Username": user,
                "Resources": [{"ResourceType": rt, "ResourceName": rn} for rt, rn in resources],
                "CloudTrailEvent": jline(body)})
CT(T("2026-05-08 21:38:02"), "CreateBucket", "tf-docs-storage", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)], {"bucketName": BUCKET, "Host": BUCKET + ".s3.us-west-2.amazonaws.com"})
CT(T("2026-05-08 21:38:09"), "PutBucketVersioning", "tf-docs-storage", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)],
   {"bucketName": BUCKET, "VersioningConfiguration": {"Status": "Enabled"}, "versioning": ""})
CT(T("2026-05-08 21:38:11"), "PutBucketLifecycleConfiguration", "tf-docs-storage", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)],
   {"bucketName": BUCKET, "lifecycle": "", "LifecycleConfiguration": {"Rule": [
       {"ID": "expire-tmp-30d", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 30}},
       {"ID": "noncurrent-90d", "Status": "Enabled", "Filter": {"Prefix": ""}, "NoncurrentVersionExpiration": {"NoncurrentDays": 90}},
       {"ID": "abort-mpu-7d", "Status": "Enabled", "Filter": {"Prefix": ""}, "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}}]}})
CT(T("2026-05-09 18:02:44"), "CreateJob", "k.osei@pantrio.com", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)],
   {"accountId": "431877102265", "Operation": {"S3PutObjectCopy": {"TargetResource": "arn:aws:s3:::" + BUCKET, "StorageClass": "STANDARD"}},
    "Manifest": {"Spec": {"Format": "S3InventoryReport_CSV_20161130"}, "Location": {"ObjectArn": "arn:aws:s3:::pantrio-inventory/pantrio-docs-legacy/2026-05-09/manifest.json"}},
    "Priority": 10, "Description": "docs migration: copy legacy bucket into " + BUCKET}, {"jobId": "b1f0e4c2-5a7d-4e18-9c33-0a6f2d81e7b5"})
CT(T("2026-06-02 17:20:51"), "PutBucketTagging", "tf-docs-storage", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)],
   {"bucketName": BUCKET, "Tagging": {"TagSet": [{"Key": "cost-center", "Value": "docs"}]}})
CT(T(D + "00:39:12"), "PutBucketPolicy", "tf-web-assets", "s3.amazonaws.com", [("AWS::S3::Bucket", "pantrio-prod-web-assets")],
   {"bucketName": "pantrio-prod-web-assets", "policy": "", "bucketPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "CloudFrontOAC", "Effect": "Allow"}]}})
CT(RULE_DEL, "DeleteBucketLifecycle", "k.osei@pantrio.com", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)], {"bucketName": BUCKET, "lifecycle": ""})
CT(JOB, "CreateJob", "k.osei@pantrio.com", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)],
   {"accountId": "431877102265", "Operation": {"LambdaInvoke": {"FunctionArn": "arn:aws:lambda:us-west-2:431877102265:function:remove-delete-markers"}},
    "Manifest": {"Spec": {"Format": "S3BatchOperations_CSV_20180820", "Fields": ["Bucket", "Key", "VersionId"]},
                 "Location": {"ObjectArn": "arn:aws:s3:::pantrio-ops-scratch/docs-restore/delete-markers-20260609.csv"}},
    "Priority": 100, "ConfirmationRequired": False, "Description": "remove lifecycle delete markers " + BUCKET}, {"jobId": "7e2a9c41-0d3b-4f6a-8b15-c2e94d07a1f3"})
CT(T(D + "02:47:18"), "PutBucketLifecycleConfiguration", "k.osei@pantrio.com", "s3.amazonaws.com", [("AWS::S3::Bucket", BUCKET)],
   {"bucketName": BUCKET, "lifecycle": "", "LifecycleConfiguration": {"Rule": [
       {"ID": "expire-tmp-30d", "Status": "Enabled", "Filter": {"Prefix": "tmp/"}, "Expiration": {"Days": 30}},
       {"ID": "abort-mpu-7d", "Status": "Enabled", "Filter": {"Prefix": ""}, "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}}]}})
inc.json("trail-usw2.json", {"Events": sorted(evs, key=lambda e: e["EventTime"], reverse=True)})

# ---- kube events (docs namespace + another team's rollout)
k = Kube(rng)
for p, n in (("storefront-web-84c9d7b6f-4hwzq", "ip-10-20-3-41.us-west-2.compute.internal"), ("storefront-web-84c9d7b6f-9tkcv", "ip-10-20-5-17.us-west-2.compute.internal")):
    k.pod_start(add(OTHER_DEPLOY, seconds=rng.randint(3, 40)), "storefront", p, n, "431877102265.dkr.ecr.us-west-2.amazonaws.com/storefront-web:2026.06.08-3", "storefront-web")
k.ev(OTHER_DEPLOY, "storefront", "Deployment", "storefront-web", "ScalingReplicaSet", "Scaled up replica set storefront-web-84c9d7b6f from 0 to 2", component="deployment-controller")
c = CRON[-1]
k.ev(add(c, seconds=-300), "docs", "CronJob", "receipts-reconcile", "SuccessfulCreate", "Created job receipts-reconcile-29677455", component="cronjob-controller")
k.ev(add(c, seconds=-299), "docs", "Job", "receipts-reconcile-29677455", "SuccessfulCreate", "Created pod: receipts-reconcile-29677455-m2x7d", component="job-controller")
k.ev(c, "docs", "Job", "receipts-reconcile-29677455", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(c, seconds=2), "docs", "CronJob", "receipts-reconcile", "SawCompletedJob", "Saw completed job: receipts-reconcile-29677455, status: Failed", component="cronjob-controller")
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    k.ev(t, "docs", "Pod", "docs-api-6b7f9c5d8-%s" % rng.choice(["q8l2n", "x4d9r", "f7s3k"]), "Unhealthy",
         "Readiness probe failed: Get \"http://10.20.4.%d:8000/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % rng.randint(10, 90),
         type_="Warning", host="ip-10-20-4-%d.us-west-2.compute.internal" % rng.randint(10, 90))
inc.json("ev-docs.json", k.core_list())

# ---- Alertmanager webhook posts (JSON list)
posts = []
dl = {"service": "docs-api", "team": "docs"}
wl = {**dl, "severity": "warning"}
posts.append(am_webhook("slack-docs", [am_alert("DocsReceiptNotFoundRatio", wl, "docs-api receipt 404 share above 5% for 10m", WARN_A)]))
posts.append(am_webhook("slack-docs", [am_alert("DocsReceiptNotFoundRatio", wl, "docs-api receipt 404 share above 5% for 10m", WARN_A, ends=WARN_OK)]))
pl_ = {**dl, "severity": "page", "slo": "receipts-availability"}
posts.append(am_webhook("pd-docs", [am_alert("DocsApiErrorBudgetBurn", pl_, "docs-api burning receipts availability budget at 14x (1h window)", PAGE_A)]))
posts.append(am_webhook("pd-docs", [am_alert("DocsApiErrorBudgetBurn", pl_, "docs-api burning receipts availability budget at 14x (1h window)", PAGE_A, ends=ALERT_OK)]))
for c in CRON[-2:]:
    posts.append(am_webhook("slack-docs", [am_alert("KubeJobFailed", {"namespace": "docs", "job_name": "receipts-reconcile-%d" % (29677455 - (1440 if c < CRON[-1] else 0)), "severity": "warning", "team": "docs"},
                                                     "Job docs/receipts-reconcile failed to complete", add(c, seconds=20))]))
ml = {"service": "payments-webhooks", "team": "payments", "severity": "warning"}
for a, b in [(T("2026-06-08 23:41:00"), T("2026-06-08 23:46:30")), (T(D + "00:52:30"), T(D + "00:57:00")), (T(D + "01:47:00"), T(D + "01:50:30")), (T(D + "02:49:30"), T(D + "02:54:00"))]:
    posts.append(am_webhook("slack-payments", [am_alert("PaymentsWebhookLatencyHigh", ml, "payments-webhooks p95 delivery latency > 5s", a)]))
    posts.append(am_webhook("slack-payments", [am_alert("PaymentsWebhookLatencyHigh", ml, "payments-webhooks p95 delivery latency > 5s", a, ends=b)]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("posts.json", posts)

# ---- PagerDuty log entries
pd = PD(61409, "DocsApiErrorBudgetBurn docs-api receipts availability", "docs-api", "PDOCS03", esc_policy="Docs Primary")
hannah = PD.user("Hannah Cho", "PHCHO01")
kwame = PD.user("Kwame Osei", "PKOSEI1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager usw2"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Hannah Cho by push notification.", user=hannah)
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Hannah Cho by phone.", user=hannah)
pd.add(ACK, "acknowledge_log_entry", hannah, {"type": "phone"}, "Acknowledged by Hannah Cho.")
pd.add(add(DIAG2, seconds=120), "assign_log_entry", hannah, {"type": "web_ui"}, "Assigned to Kwame Osei.", assignees=[kwame])
pd.add(RESOLVED, "resolve_log_entry", kwame, {"type": "web_ui"}, "Resolved by Kwame Osei.")
inc.json("pd-log.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("UHANNA", "hannah", "Hannah Cho"), ("UKWAME", "kwame", "Kwame Osei"), ("UDIEGO", "diego", "Diego Ramirez"),
                ("USOFIA", "sofia", "Sofia Marin"), ("UBEN", "ben", "Ben Carter")]:
    s.user(u, n, r, TZ)
for cid, n in [("C03INC", "inc-missing-receipts"), ("C03ALR", "docs-alerts"), ("C03DEP", "deploys"), ("C03SUP", "support-escalations")]:
    s.channel(cid, n)
for i, c in enumerate(CRON):
    s.bot("docs-alerts", add(c, seconds=21), "BAM03", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job docs/receipts-reconcile-%d failed to complete" % (29673135 + 1440 * i), color="warning"))
s.bot("docs-alerts", add(WARN_A, seconds=8), "BAM03", "alertmanager", attachments=am_slack_attachment(
    "firing", "DocsReceiptNotFoundRatio", "docs-api receipt 404 share above 5% for 10m", color="warning"))
s.bot("docs-alerts", add(WARN_OK, seconds=8), "BAM03", "alertmanager", attachments=am_slack_attachment(
    "resolved", "DocsReceiptNotFoundRatio", "docs-api receipt 404 share"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=50), "BARGO3", "argocd", blocks=pd_slack_blocks(
    ":white_check_mark: Application *storefront-web* sync succeeded, revision `2026.06.08-3` (c2d81f7) by ben.carter"))
s.say("support-escalations", T(D + "00:58:40"), "USOFIA", "seeing a bunch of tickets 'receipt not available' for April orders, expense-report customers mostly. known?")
s.say("support-escalations", add(COMMS, seconds=30), "USOFIA", "macro + in-app banner live: 'Some older receipts are temporarily unavailable'")
ch = "inc-missing-receipts"
s.say(ch, add(ACK, seconds=45), "UHANNA", "acked. docs-api receipt 404s at ~8% and climbing slowly, all NoSuchKey from S3, keys from March-May")
s.say(ch, WRONG1, "UDIEGO", "did the GDPR erasure job run early? it deletes receipts of erased accounts")
s.say(ch, add(WRONG1, seconds=55), "UHANNA", "erasure runs Sundays and the accounts asking here aren't erased")
s.say(ch, COMMS, "UHANNA", "asked support to put up the 'older receipts temporarily unavailable' banner")
s.say(ch, ROLLBACK_Q, "UDIEGO", "docs-api 2.14.0 went out this afternoon, should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UHANNA", "2.14 only touched the thumbnail renderer, and the objects are really gone from S3: head-object gives 404 too")
s.say(ch, WRONG2, "UBEN", "we changed the web-assets bucket policy tonight, could the OAC change have hit your bucket?")
s.say(ch, add(WRONG2, seconds=35), "UHANNA", "that would be AccessDenied, we get NoSuchKey")
s.say(ch, DIAG1, "UKWAME", "list-object-versions on a missing key: current version is a delete marker from 00:3x UTC, and the access logs show S3.CREATE.DELETEMARKER by AmazonS3. that's lifecycle expiration, none of us deleted anything")
s.say(ch, DIAG2, "UKWAME", "it's the expire-tmp-30d rule from the s3-private module: its prefix is empty so it covers the whole bucket, and everything we batch-copied on May 9 turned 30 days old at midnight UTC")
s.say(ch, add(DIAG2, seconds=60), "UKWAME", "versioning is on, so the data is still there as noncurrent versions. plan: delete the lifecycle config, then a batch job that removes the delete markers")
s.say(ch, add(RULE_DEL, seconds=25), "UKWAME", "lifecycle config deleted on the bucket. S3 may still finish what it already queued")
s.say(ch, add(JOB, seconds=40), "UKWAME", "batch job 7e2a9c41 started: removing ~3.4M delete markers, about 35 min at this rate")
s.say(ch, T(D + "02:20:10"), "UHANNA", "404 share going down steadily, ~8% now")
s.say(ch, add(MITIGATED, seconds=90), "UKWAME", "batch job complete, 404 share back at the usual 0.4%")
s.say(ch, T(D + "02:48:00"), "UKWAME", "re-applied lifecycle with the tmp/ prefix only")
s.say(ch, add(RESOLVED, seconds=-20), "UHANNA", "resolving. banner down. follow-up: module default prefix, lifecycle change review")
s.write(inc, "slack")

inc.truth(
    "docs-s3-lifecycle-expiry", "object-lifecycle-rule-expires-migrated-documents",
    "The documents bucket carried a whole-bucket 30-day expiration rule; all receipts batch-copied in on May 9 turned 30 days old at midnight UTC\n"
    "and S3 lifecycle expired them over the evening (Pacific), so receipt 404s grew slowly until the rule was deleted and a batch job removed the delete markers.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_A, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "receipt 404 share starts to climb above its 0.4% baseline (lifecycle expirations)", "ratio.json", 90),
     (WARN_A, "alert_fired", "DocsReceiptNotFoundRatio warning", "posts.json", 60),
     (PAGE, "paged", "PagerDuty #61409 triggered (DocsApiErrorBudgetBurn)", "pd-log.json", 60),
     (ACK, "acknowledged", "Hannah Cho acknowledges", "pd-log.json", 60),
     (COMMS, "communication", "support banner: some older receipts temporarily unavailable", "slack", 60),
     (DIAG2, "diagnosis", "Kwame: the expire-tmp-30d rule covers the whole bucket; May 9 copies turned 30 days old", "slack", 60),
     (RULE_DEL, "mitigation", "DeleteBucketLifecycle on the documents bucket", "trail-usw2.json", 60),
     (JOB, "mitigation", "S3 Batch Operations job to remove the delete markers", "trail-usw2.json", 60),
     (ALERT_OK, "alert_resolved", "DocsApiErrorBudgetBurn resolved", "posts.json", 60),
     (MITIGATED, "recovery", "404 share back at baseline", "ratio.json", 90),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-log.json", 60)],
    [(CRON[-1], "receipts-reconcile CronJob fails every day at 00:15 UTC", "ev-docs.json"),
     (OTHER_DEPLOY, "storefront-web rollout by another team", "ev-docs.json"),
     (T(D + "00:39:12"), "PutBucketPolicy on the web-assets bucket by another team", "trail-usw2.json"),
     (T(D + "00:52:30"), "PaymentsWebhookLatencyHigh flapping (payments team)", "posts.json"),
     (WRONG1, "wrong hunch: GDPR erasure job", "slack"),
     (WRONG2, "wrong hunch: web-assets bucket policy", "slack"),
     (ROLLBACK_Q, "'should we roll back docs-api?' question", "slack"),
     (T(D + "01:00:00"), "steady NoSuchKey for receipts not yet rendered, thumbnail timeouts and readiness probe timeouts all window", "docs-api.log")],
    [("docs-api.log", "logs", TZ), ("ratio.json", "prometheus-query-range"), ("trail-usw2.json", "deploys"), ("ev-docs.json", "kube-events"),
     ("posts.json", "alertmanager-webhook"), ("pd-log.json", "pagerduty-log-entries"), ("slack", "slack-export")])
