"""retired4/media-s3-slowdown: a re-thumbnail backfill floods one S3 prefix; S3 answers 503 SlowDown for the whole prefix and seller photo uploads fail until the backfill Job is suspended."""
import random
from common import *

rng = random.Random(20260120)
inc = Incident("retired4", "media-s3-slowdown")
LTZ = "America/Chicago"
D = "2026-01-20 "
W0, W1 = T(D + "15:00:00"), T(D + "18:00:00")
CRON = [T("2026-01-%02d 15:20:%02d" % (d, 11 + d)) for d in (17, 18, 19, 20)]
BACKFILL = T(D + "15:48:05")
STARTED = T(D + "15:52:31")
CUST = T(D + "15:57:10")
WARN = T(D + "15:59:40")
PAGE_ALERT = T(D + "16:06:15")
PAGE = T(D + "16:06:25")
ACK = T(D + "16:09:02")
OTHER_DEPLOY = T(D + "16:12:40")
WRONG = T(D + "16:14:05")
ROLLBACK_Q = T(D + "16:17:30")
COMMS = T(D + "16:20:10")
DIAG = T(D + "16:26:45")
SUSPEND = T(D + "16:31:20")
MITIGATED = T(D + "16:32:50")
ALERT_OK = T(D + "16:38:15")
WARN_OK = T(D + "16:40:40")
RESOLVED = T(D + "17:05:00")
BUCKET = "acme-catalog-media"
OWNER = "8f3b2a6c1d9e4f70a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c"


def throttled(t, who):
    """Probability that a request of `who` gets 503 SlowDown at t."""
    if not (STARTED <= t < MITIGATED):
        return 0.0
    ramp = min(1.0, (t - STARTED).total_seconds() / 600.0)
    if who == "rethumb":
        return 0.15 + 0.45 * ramp
    if t < CUST:
        return 0.0
    return 0.10 + 0.30 * ramp


# ---- S3 server access log object (UTC, +0000)
acc = []
def S3(t, ip, requester, op, key, status, err, size, total, ua):
    rid = hexid(rng, 16).upper()
    hid = uid(rid, 40)
    method = {"REST.PUT.OBJECT": "PUT", "REST.GET.OBJECT": "GET", "REST.HEAD.OBJECT": "HEAD"}[op]
    acc.append((t, '%s %s [%02d/%s/%d:%s +0000] %s %s %s %s %s "%s /%s HTTP/1.1" %d %s %s %s %d %s "-" "%s" - %s= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader %s.s3.us-east-1.amazonaws.com TLSv1.2 - -' % (
        OWNER, BUCKET, t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S"), ip, requester, rid, op, key,
        method, key, status, err, (size if method == "GET" and status == 200 else ("243" if status >= 400 else "-")),
        size if method == "PUT" and size else "-", total,
        "%d" % max(1, total - rng.randint(0, 5)) if status == 200 else "-", ua, hid, BUCKET)))
UP_ROLE = "arn:aws:sts::318204477120:assumed-role/media-uploader-prod/botocore-session-1768900000"
RT_ROLE = "arn:aws:sts::318204477120:assumed-role/media-rethumb-prod/botocore-session-1768923601"
CDN_ROLE = "arn:aws:sts::318204477120:assumed-role/cdn-origin-reader/cloudfront"
UA_BOTO = "Boto3/1.35.84 md/Botocore#1.35.84 ua/2.0 os/linux#6.1.119 lang/python#3.12.8"
UA_GO = "aws-sdk-go-v2/1.32.7 os/linux lang/go#1.23.4 api/s3#1.71.1"
for t in poisson_times(rng, W0, W1, 0.1):
    sku = rng.randint(100000, 999999)
    if rng.random() < 0.5:
        key = "originals/%d/%s.jpg" % (sku, hexid(rng, 8))
        if rng.random() < throttled(t, "uploader"):
            S3(t, "10.61.%d.%d" % (rng.randint(0, 3), rng.randint(2, 250)), UP_ROLE, "REST.PUT.OBJECT", key, 503, "SlowDown", 0, rng.randint(2, 30), UA_BOTO)
        else:
            S3(t, "10.61.%d.%d" % (rng.randint(0, 3), rng.randint(2, 250)), UP_ROLE, "REST.PUT.OBJECT", key, 200, "-", rng.randint(180000, 4200000), rng.randint(40, 400), UA_BOTO)
    else:
        key = "originals/%d/%s.jpg" % (sku, hexid(rng, 8))
        if rng.random() < 0.06:
            S3(t, "130.176.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)), CDN_ROLE, "REST.GET.OBJECT", key, 404, "NoSuchKey", 0, rng.randint(3, 15), "Amazon CloudFront")
        elif rng.random() < throttled(t, "uploader"):
            S3(t, "130.176.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)), CDN_ROLE, "REST.GET.OBJECT", key, 503, "SlowDown", 0, rng.randint(2, 20), "Amazon CloudFront")
        else:
            S3(t, "130.176.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)), CDN_ROLE, "REST.GET.OBJECT", key, 200, "-", rng.randint(60000, 900000), rng.randint(10, 120), "Amazon CloudFront")
for t in poisson_times(rng, add(BACKFILL, seconds=40), SUSPEND, 0.35):
    sku = rng.randint(100000, 999999)
    ip = "10.61.%d.%d" % (rng.randint(8, 11), rng.randint(2, 250))
    if rng.random() < throttled(t, "rethumb"):
        S3(t, ip, RT_ROLE, rng.choice(["REST.GET.OBJECT", "REST.PUT.OBJECT"]), "originals/%d/%s.jpg" % (sku, hexid(rng, 8)), 503, "SlowDown", 0, rng.randint(1, 9), UA_GO)
    elif rng.random() < 0.5:
        S3(t, ip, RT_ROLE, "REST.GET.OBJECT", "originals/%d/%s.jpg" % (sku, hexid(rng, 8)), 200, "-", rng.randint(180000, 4200000), rng.randint(30, 200), UA_GO)
    else:
        S3(t, ip, RT_ROLE, "REST.PUT.OBJECT", "originals/%d/thumb-%dw.webp" % (sku, rng.choice([160, 320, 640, 1280])), 200, "-", rng.randint(4000, 90000), rng.randint(20, 90), UA_GO)
S3(STARTED, "10.61.9.41", RT_ROLE, "REST.GET.OBJECT", "originals/418220/9c1e07ab.jpg", 503, "SlowDown", 0, 3, UA_GO)
S3(CUST, "10.61.2.17", UP_ROLE, "REST.PUT.OBJECT", "originals/733105/e41b9a02.jpg", 503, "SlowDown", 0, 4, UA_BOTO)
S3(add(MITIGATED, seconds=-1), "10.61.1.88", UP_ROLE, "REST.PUT.OBJECT", "originals/250077/0ad3f6c1.jpg", 503, "SlowDown", 0, 5, UA_BOTO)
inc.lines("2026-01-20-15-00-00-7C1A2E9F3B5D8A10", [l for _, l in sorted(acc, key=lambda x: x[0])])

# ---- media-uploader Python logging, local Chicago time without offset
up = []
def U(t, lvl, lg, msg):
    lt = local(t, LTZ)
    up.append((t, "%s,%03d %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, lg, msg)))
for t in poisson_times(rng, W0, W1, 0.35):
    if rng.random() < throttled(t, "uploader") * 0.9:
        U(t, "ERROR", "uploader.store", "PUT s3://%s/originals/%d/%s.jpg failed: botocore.exceptions.ClientError: An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate." % (BUCKET, rng.randint(100000, 999999), hexid(rng, 8)))
        U(add(t, seconds=0.004), "WARNING", "uploader.api", "POST /v2/listings/%d/photos -> 503 (%d ms) seller=%d" % (rng.randint(1000000, 9999999), rng.randint(2100, 9000), rng.randint(10000, 99999)))
    else:
        U(t, "INFO", "uploader.api", "POST /v2/listings/%d/photos -> 201 (%d ms) seller=%d" % (rng.randint(1000000, 9999999), rng.randint(180, 900), rng.randint(10000, 99999)))
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    U(t, "WARNING", "uploader.scan", "clamd scan took %.1fs (> 2.0s) for upload %s, accepting" % (rng.uniform(2.1, 4.8), hexid(rng, 12)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    U(t, "ERROR", "uploader.exif", "could not parse EXIF block (truncated IFD) in upload %s, stripping metadata" % hexid(rng, 12))
U(add(CUST, seconds=0.2), "ERROR", "uploader.store", "PUT s3://%s/originals/733105/e41b9a02.jpg failed: botocore.exceptions.ClientError: An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate." % BUCKET)
inc.lines("uploader-7f9c6d-qk2xz.log", [l for _, l in sorted(up, key=lambda x: x[0])])

# ---- prometheus query_range (upload failure ratio, S3 5xx from the CloudWatch exporter)
def upload_ratio(t):
    p = throttled(t, "uploader")
    return 0.002 + 0.001 * ((int(epoch(t)) // 60) % 3) + p * 0.9
def s3_5xx(t):
    if not (STARTED <= t < MITIGATED):
        return float(rng.randint(0, 2))
    return float(int(60 * (3.0 * throttled(t, "rethumb") + 0.6 * throttled(t, "uploader"))))
inc.json("q-0c41.json", query_range(
    [({"service": "media-uploader", "namespace": "media", "__name__": "media:upload_failure:ratio_rate2m"}, upload_ratio),
     ({"bucket_name": BUCKET, "filter_id": "EntireBucket", "job": "cloudwatch-exporter", "__name__": "aws_s3_5xx_errors_sum"}, s3_5xx)],
    W0, W1, 30), indent=None)

# ---- kube events (core v1 List)
k = Kube(rng)
k.ev(BACKFILL, "media", "Job", "rethumb-backfill", "SuccessfulCreate", "Created pod: rethumb-backfill-0-%s" % uid("rt0", 5), component="job-controller")
RPODS = []
for i in range(8):
    p = "rethumb-backfill-%d-%s" % (i, hexid(rng, 5))
    RPODS.append(p)
    k.pod_start(add(BACKFILL, seconds=2 + 3 * i), "media", p, "ip-10-61-%d-%d.ec2.internal" % (8 + i % 4, 20 + i), "318204477120.dkr.ecr.us-east-1.amazonaws.com/media/rethumb:2.4.0", "rethumb")
    k.ev(add(SUSPEND, seconds=1 + i), "media", "Pod", p, "Killing", "Stopping container rethumb", host="ip-10-61-%d-%d.ec2.internal" % (8 + i % 4, 20 + i))
k.ev(SUSPEND, "media", "Job", "rethumb-backfill", "Suspended", "Job suspended", component="job-controller")
for i in range(8):
    k.ev(add(SUSPEND, seconds=2 + i), "media", "Job", "rethumb-backfill", "SuccessfulDelete", "Deleted pod: %s" % RPODS[i], component="job-controller")
for c in [CRON[-1]]:
    k.ev(add(c, seconds=-75), "data", "Job", "cdn-log-export-29481920", "SuccessfulCreate", "Created pod: cdn-log-export-29481920-9vxmt", component="job-controller")
    k.ev(c, "data", "Job", "cdn-log-export-29481920", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(OTHER_DEPLOY, "checkout", "Deployment", "checkout-web", "ScalingReplicaSet", "Scaled up replica set checkout-web-6d8f7c5b9 from 0 to 3", component="deployment-controller")
for i in range(3):
    k.pod_start(add(OTHER_DEPLOY, seconds=2 + 20 * i), "checkout", "checkout-web-6d8f7c5b9-%s" % ["b4r2k", "lq9zn", "w7c3d"][i],
                "ip-10-61-%d-%d.ec2.internal" % (i, 100 + i), "318204477120.dkr.ecr.us-east-1.amazonaws.com/checkout/web:2026.01.20.3", "checkout-web")
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    p = "uploader-7f9c6d-%s" % rng.choice(["qk2xz", "m8v4t", "zr6pn"])
    k.ev(t, "media", "Pod", p, "Unhealthy", "Readiness probe failed: Get \"http://10.61.2.%d:8000/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % rng.randint(10, 90),
         type_="Warning", host="ip-10-61-2-%d.ec2.internal" % rng.randint(10, 40))
inc.json("ev.json", k.core_list())

# ---- alertmanager webhook captures (JSON list of POST bodies)
posts = []
wl = {"severity": "warning", "team": "media", "bucket_name": BUCKET}
posts.append(am_webhook("slack-media", [am_alert("S3BucketServerErrors", wl, "S3 5xx on %s above 20/min" % BUCKET, WARN)]))
posts.append(am_webhook("slack-media", [am_alert("S3BucketServerErrors", wl, "S3 5xx on %s above 20/min" % BUCKET, WARN, ends=WARN_OK)]))
pl = {"severity": "page", "team": "media", "service": "media-uploader"}
posts.append(am_webhook("pagerduty-media", [am_alert("MediaUploadFailureRatio", pl, "photo upload failures 14% (>5%)", PAGE_ALERT,
                                                     desc="POST /v2/listings/*/photos returns 503")]))
posts.append(am_webhook("pagerduty-media", [am_alert("MediaUploadFailureRatio", pl, "photo upload failures 14% (>5%)", PAGE_ALERT, ends=ALERT_OK)]))
sl = {"severity": "warning", "team": "search", "queue": "index-updates"}
for s_, e_ in [(T(D + "15:14:30"), T(D + "15:19:00")), (T(D + "15:41:00"), T(D + "15:44:30")), (T(D + "16:23:30"), T(D + "16:27:00")), (T(D + "17:12:00"), T(D + "17:16:30"))]:
    posts.append(am_webhook("slack-search", [am_alert("SearchIndexerQueueBacklog", sl, "index-updates backlog > 50k", s_)]))
    posts.append(am_webhook("slack-search", [am_alert("SearchIndexerQueueBacklog", sl, "index-updates backlog > 50k", s_, ends=e_)]))
posts.append(am_webhook("slack-data", [am_alert("KubeJobFailed", {"severity": "warning", "team": "data", "namespace": "data", "job_name": "cdn-log-export-29481920"},
                                                "Job data/cdn-log-export-29481920 failed to complete", add(CRON[-1], seconds=30))]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("received.json", posts)

# ---- pagerduty (REST log entries)
pd = PD(2291, "MediaUploadFailureRatio photo upload failures", "media-uploader", "PMED004")
marcus = PD.user("Marcus Reyes", "PMREY01")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMUS1", "summary": "Alertmanager (prod-us)"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Marcus Reyes by push notification.", user=marcus)
pd.add(ACK, "acknowledge_log_entry", marcus, {"type": "mobile"}, "Acknowledged by Marcus Reyes.")
pd.add(add(SUSPEND, minutes=2), "annotate_log_entry", marcus, {"type": "web_ui", "summary": "backfill paused, watching upload errors"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marcus, {"type": "web_ui"}, "Resolved by Marcus Reyes.")
inc.json("pd-2291.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U03MREY", "marcus", "Marcus Reyes"), ("U03PRIY", "priya", "Priya Raman"), ("U03DANA", "dana", "Dana Whitfield"),
                ("U03KOFI", "kofi", "Kofi Mensah"), ("U03LENA", "lena", "Lena Marsh")]:
    s.user(u, n, r, LTZ)
for cid, n in [("C03ALRT", "alerts-media"), ("C03INC", "inc-photo-uploads"), ("C03DEP", "deploys"), ("C03MED", "media-eng")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("alerts-media", add(c, seconds=40), "B03AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job data/cdn-log-export failed to complete\nteam: data", color="warning"))
s.bot("alerts-media", add(WARN, seconds=30), "B03AM", "alertmanager",
      attachments=am_slack_attachment("firing", "S3BucketServerErrors", "S3 5xx on %s above 20/min" % BUCKET, color="warning"))
s.bot("alerts-media", add(PAGE_ALERT, seconds=31), "B03AM", "alertmanager",
      attachments=am_slack_attachment("firing", "MediaUploadFailureRatio", "photo upload failures 14% (>5%)\nPOST /v2/listings/*/photos returns 503"))
s.bot("alerts-media", add(ALERT_OK, seconds=31), "B03AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "MediaUploadFailureRatio", "photo upload failures"))
s.bot("alerts-media", add(WARN_OK, seconds=30), "B03AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "S3BucketServerErrors", "S3 5xx on %s" % BUCKET))
s.bot("deploys", add(OTHER_DEPLOY, seconds=75), "B03ARGO", "argocd",
      attachments=[{"fallback": "checkout-web synced", "color": "2EB67D", "text": "Application *checkout-web* synced to `2026.01.20.3` (by kofi.mensah)"}])
s.say("media-eng", add(BACKFILL, seconds=-50), "U03DANA", "kicking off the rethumb backfill for the new 1280w webp variant, 8 workers, should take ~6h")
s.say("media-eng", add(BACKFILL, seconds=20), "U03DANA", "job's running, ~2.1M originals to go")
s.say("media-eng", T(D + "15:26:00"), "U03LENA", "cdn-log-export died again this morning fyi, same as the last few days - data team has a ticket")
ch = "inc-photo-uploads"
s.say(ch, add(ACK, seconds=35), "U03MREY", "got it - sellers getting 503 on photo upload, uploader says SlowDown from S3 on PutObject")
s.say(ch, WRONG, "U03KOFI", "is us-east-1 S3 having a bad day? nothing on the AWS health dashboard yet")
s.say(ch, add(WRONG, seconds=40), "U03LENA", "checkout-web went out a minute ago, could that be adding load?")
s.say(ch, add(WRONG, seconds=70), "U03MREY", "checkout doesn't touch the media bucket")
s.say(ch, ROLLBACK_Q, "U03KOFI", "should we roll back the uploader?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "U03MREY", "uploader hasn't shipped since Friday")
s.say(ch, COMMS, "U03LENA", "posted on the status page: 'Some sellers can't add product photos right now, we're on it'")
s.say(ch, DIAG, "U03PRIY", "it's the rethumb backfill: 8 workers reading and writing everything under originals/, same prefix the uploads go to. we're over the per-prefix request rate so S3 is throttling the whole prefix, uploads included")
s.say(ch, add(DIAG, seconds=45), "U03DANA", "ugh, sorry. I'll pause it")
s.say(ch, add(SUSPEND, seconds=25), "U03DANA", "rethumb workers are gone, job is suspended, will restart it at 2 workers with the thumbs under a separate prefix")
s.say(ch, add(MITIGATED, seconds=90), "U03MREY", "no SlowDown in the last minute, uploads 201 again")
s.say(ch, add(RESOLVED, seconds=-40), "U03MREY", "failure ratio flat at baseline for 25 min, closing this out")
s.write(inc, "export-jan20")

inc.truth(
    "media-s3-slowdown", "object-storage-throttling",
    "A re-thumbnail backfill Job (8 workers) read and wrote the whole originals/ prefix of the media bucket; S3 throttled the prefix\n"
    "with 503 SlowDown, first for the backfill, minutes later for seller photo uploads, until the Job was suspended.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(BACKFILL, "change", "rethumb-backfill Job created (8 workers over originals/)", "ev.json", 60),
     (STARTED, "first_symptom", "first 503 SlowDown on the backfill role's requests", "2026-01-20-15-00-00-7C1A2E9F3B5D8A10", 60),
     (WARN, "alert_fired", "S3BucketServerErrors (warning) firing", "received.json", 60),
     (PAGE, "paged", "PagerDuty #2291 triggered", "pd-2291.json", 60),
     (ACK, "acknowledged", "Marcus acknowledges", "pd-2291.json", 60),
     (COMMS, "communication", "status page: sellers can't add photos", "export-jan20", 90),
     (DIAG, "diagnosis", "Priya: backfill over the per-prefix rate, S3 throttles the prefix", "export-jan20", 90),
     (SUSPEND, "mitigation", "rethumb-backfill Job suspended, workers stopped", "ev.json", 60),
     (MITIGATED, "recovery", "last SlowDown; uploads succeed again", "2026-01-20-15-00-00-7C1A2E9F3B5D8A10", 60),
     (ALERT_OK, "alert_resolved", "MediaUploadFailureRatio resolved", "received.json", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-2291.json", 60)],
    [(CRON[-1], "cdn-log-export CronJob fails every day ~15:20 UTC (data team)", "ev.json"),
     (OTHER_DEPLOY, "checkout-web rollout by checkout team", "ev.json"),
     (T(D + "15:14:30"), "SearchIndexerQueueBacklog flapping (search team)", "received.json"),
     (WRONG, "wrong hunch: S3 regional problem / checkout-web load", "export-jan20"),
     (ROLLBACK_Q, "'should we roll back the uploader?' question", "export-jan20"),
     (T(D + "16:00:00"), "steady NoSuchKey 404s, clamd slow scans, EXIF parse errors, readiness timeouts all window", "uploader-7f9c6d-qk2xz.log")],
    [("2026-01-20-15-00-00-7C1A2E9F3B5D8A10", "logs"), ("uploader-7f9c6d-qk2xz.log", "logs", LTZ), ("q-0c41.json", "prometheus-query-range"),
     ("ev.json", "kube-events"), ("received.json", "alertmanager-webhook"), ("pd-2291.json", "pagerduty-log-entries"),
     ("export-jan20", "slack-export")])
