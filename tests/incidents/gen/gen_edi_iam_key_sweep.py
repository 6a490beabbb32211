"""retired12/edi-iam-key-sweep: an audit-driven stale-access-key sweep deactivates a service's only key.

After a SOC 2 finding, secops runs a daily `iam-stale-key-sweeper` Lambda at 07:00 UTC that sets IAM
access keys older than 90 days Inactive unless the user is tagged secops:exempt.  It has run for days
without harm (another user's key on the 14th); on Monday 2026-02-16 the svc-edi-bridge key turns 91 days
old, and the exempt tag was lost when IAM users moved Terraform modules.  At 07:00:38 the key goes
Inactive; the on-prem edi-bridge (a VM in the Chicago warehouse, log in America/Chicago local time
without an offset) fails every S3 upload from its 07:01:44 poll on with InvalidAccessKeyId, and
retailers' purchase orders stop reaching order-intake, so no 855 acknowledgements go out.  Nothing
pages: the EDI-age alert is a ticket with a 3 h threshold.  A retailer asks in a Slack Connect channel
at 09:18; the support lead triggers PagerDuty by hand at 09:24:52 (detection by a customer report);
the primary on-call never answers, the page escalates at 09:39:53 and is acknowledged at 09:51:20
(a late acknowledgement); the ticket alert fires at 10:07:15, after the page.  Wrong hunches (the
retailer's AS2 certificate), a "should we roll back order-intake?" question; secops finds the
sweep in CloudTrail at 10:04:30 and reactivates the key at 10:12:26; the 10:16:44 poll uploads the
backlog (mitigated).  The incident stays open until a new key is installed on the VM and the user
tagged exempt; resolved at 12:04:10 (resolution long after mitigation).  Noise: the sweep's other
deactivation in the same run and on earlier days, a daily failing archive-cleanup task, steady late-MDN
warnings, an unrelated team's deploy and flapping alerts.
"""
import random
from common import *

rng = random.Random(20260216)
inc = Incident("retired12", "edi-iam-key-sweep")
TZ = "America/Chicago"
D = "2026-02-16 "
W0, W1 = T(D + "06:30:00"), T(D + "12:30:00")
SWEEP = [T("2026-02-%02d 07:00:%02d" % (d, 2 + d % 3)) for d in (13, 14, 15, 16)]
CHANGE = T(D + "07:00:38")
OTHER_KEY = T(D + "07:00:39")
LAST_OK = T(D + "06:56:44")
STARTED = T(D + "07:01:44")
CUST = T(D + "09:18:05")
PAGE = T(D + "09:24:52")
ESC = T(D + "09:39:53")
WRONG = T(D + "09:55:10")
ACK = T(D + "09:51:20")
ROLLBACK_Q = T(D + "10:00:40")
DIAG = T(D + "10:04:30")
ALERT = T(D + "10:07:15")
REACT = T(D + "10:12:26")
MITIGATED = T(D + "10:16:44")
ALERT_OK = T(D + "10:19:30")
STATUS = T(D + "10:24:00")
NEWKEY = T(D + "11:02:17")
INSTALLED = T(D + "11:41:03")
OLDKEY_OFF = T(D + "11:52:40")
RESOLVED = T(D + "12:04:10")
OTHER_DEPLOY = T(D + "10:40:12")
INTAKE_DEPLOY = T(D + "08:05:30")
KEY = "AKIA4XQ7EDIB2RJ7LQ3M"
NEW_KEY = "AKIA4XQ7EDIB6TNW2K9P"

def key_ok(t):
    return not (CHANGE <= t < REACT)

# poll times of the bridge: every 5 minutes at :01:44/:06:44 ...
POLLS = list(frange(T("2026-02-13 00:01:44"), W1, 300))

# ---- CloudTrail LookupEvents (iam.amazonaws.com), filed as deploys
ct = []
def CT(t, name, user_arn, invoked_by, params, user_name_ev):
    detail = {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole" if "assumed-role" in user_arn else "IAMUser", "arn": user_arn,
              "accountId": "418275903316", **({"invokedBy": invoked_by} if invoked_by else {})},
              "eventTime": iso(t), "eventSource": "iam.amazonaws.com", "eventName": name, "awsRegion": "us-east-1",
              "sourceIPAddress": invoked_by or "198.51.100.24", "userAgent": "Boto3/1.35.2 md/Botocore#1.35.2 ua/2.0 os/linux exec-env/AWS_Lambda_python3.12" if invoked_by else "AWS Internal",
              "requestParameters": params, "responseElements": None, "requestID": uuid("rq" + iso(t) + name),
              "eventID": uuid("ev" + iso(t) + name), "readOnly": False, "eventType": "AwsApiCall", "managementEvent": True,
              "recipientAccountId": "418275903316", "eventCategory": "Management"}
    ct.append({"EventId": detail["eventID"], "EventName": name, "ReadOnly": "false", "AccessKeyId": "ASIA" + uid(iso(t), 16).upper(),
               "EventTime": iso(t), "EventSource": "iam.amazonaws.com", "Username": user_name_ev,
               "Resources": [{"ResourceType": "AWS::IAM::AccessKey", "ResourceName": params.get("accessKeyId", "")},
                             {"ResourceType": "AWS::IAM::User", "ResourceName": params.get("userName", "")}],
               "CloudTrailEvent": jline(detail)})
LROLE = "arn:aws:sts::418275903316:assumed-role/iam-stale-key-sweeper-role/iam-stale-key-sweeper"
CT(T("2026-02-14 07:00:21"), "UpdateAccessKey", LROLE, "lambda.amazonaws.com",
   {"userName": "ci-legacy-jenkins", "accessKeyId": "AKIA4XQ7CILJ3H8WQZ2A", "status": "Inactive"}, "iam-stale-key-sweeper")
CT(CHANGE, "UpdateAccessKey", LROLE, "lambda.amazonaws.com", {"userName": "svc-edi-bridge", "accessKeyId": KEY, "status": "Inactive"}, "iam-stale-key-sweeper")
CT(OTHER_KEY, "UpdateAccessKey", LROLE, "lambda.amazonaws.com", {"userName": "d.okafor", "accessKeyId": "AKIA4XQ7DOKF9MV1RT6C", "status": "Inactive"}, "iam-stale-key-sweeper")
TOMASZ = "arn:aws:sts::418275903316:assumed-role/AWSReservedSSO_SecOpsAdmin_3f1c2a/tomasz.nowak@stockr.io"
CT(REACT, "UpdateAccessKey", TOMASZ, None, {"userName": "svc-edi-bridge", "accessKeyId": KEY, "status": "Active"}, "tomasz.nowak@stockr.io")
CT(T(D + "10:58:02"), "TagUser", TOMASZ, None, {"userName": "svc-edi-bridge", "tags": [{"key": "secops:exempt", "value": "true"}]}, "tomasz.nowak@stockr.io")
CT(NEWKEY, "CreateAccessKey", TOMASZ, None, {"userName": "svc-edi-bridge"}, "tomasz.nowak@stockr.io")
CT(OLDKEY_OFF, "UpdateAccessKey", TOMASZ, None, {"userName": "svc-edi-bridge", "accessKeyId": KEY, "status": "Inactive"}, "tomasz.nowak@stockr.io")
CT(T(D + "08:47:55"), "AttachRolePolicy", "arn:aws:sts::418275903316:assumed-role/AWSReservedSSO_PlatformAdmin_91ab0e/li.wei@stockr.io", None,
   {"roleName": "storefront-task", "policyArn": "arn:aws:iam::418275903316:policy/storefront-s3-assets-read"}, "li.wei@stockr.io")
ct.sort(key=lambda e: e["EventTime"], reverse=True)
inc.json("ct-iam-events.json", {"Events": ct})

# ---- sweeper Lambda, CloudWatch Logs (aws logs filter-log-events --output text style lines)
sw = []
for i, st in enumerate(SWEEP):
    rid = uuid("sweep%d" % i)
    sw.append("%s\tSTART RequestId: %s Version: $LATEST" % (iso(st, ms=True), rid))
    sw.append("[INFO]\t%s\t%s\tscanning 214 IAM users, max key age 90 days, exempt tag secops:exempt" % (iso(add(st, seconds=0.4), ms=True), rid))
    offs = []
    if i == 1:
        offs = [("ci-legacy-jenkins", "AKIA4XQ7CILJ3H8WQZ2A", 97, T("2026-02-14 07:00:21"))]
    if i == 3:
        offs = [("svc-edi-bridge", KEY, 91, CHANGE), ("d.okafor", "AKIA4XQ7DOKF9MV1RT6C", 93, OTHER_KEY)]
    for u, k, age, t in offs:
        sw.append("[WARNING]\t%s\t%s\tdeactivating access key %s of %s (age %d days, last used %s, not exempt)" % (
            iso(add(t, seconds=-0.2), ms=True), rid, k, u, age, "2026-02-16T06:56Z" if u == "svc-edi-bridge" else "2026-01-30T14:11Z"))
    done = add(st, seconds=37 + i)
    sw.append("[INFO]\t%s\t%s\tsweep finished: %d keys deactivated, 0 errors" % (iso(done, ms=True), rid, len(offs)))
    sw.append("%s\tEND RequestId: %s" % (iso(add(done, seconds=0.01), ms=True), rid))
    sw.append("%s\tREPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 256 MB\tMax Memory Used: 91 MB" % (
        iso(add(done, seconds=0.02), ms=True), rid, 37000 + i * 1000 + 412.5, 37000 + i * 1000 + 413))
inc.lines("sweeper-cwlogs.txt", sw)

# ---- edi-bridge log4net on the warehouse VM (America/Chicago, no offset), reaching back to the 13th
el = []
def EL(t, th, lvl, lg, msg, extra=()):
    lt = local(t, TZ)
    el.append((t, "\n".join(["%s,%03d [%s] %-5s %s - %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, th, lvl, lg, msg)] + list(extra))))
backlog = 0
for p in POLLS:
    hour = local(p, TZ).hour
    n = rng.choice([0, 0, 1, 1, 2, 3]) if 6 <= hour < 22 else rng.choice([0, 0, 0, 1, 2])
    if p.date() == W0.date() and add(W0, hours=-1) <= p < REACT:
        n = max(n, 2)
    if key_ok(p):
        total = n + backlog
        if total:
            EL(p, "7", "INFO", "Stockr.EdiBridge.InboxPoller", "picked up %d AS2 payload(s) from inbox" % n if not backlog else
               "picked up %d AS2 payload(s) from inbox, %d pending in outbox" % (n, backlog))
            for j in range(total):
                t = add(p, seconds=0.4 + j * (0.33 if backlog else 0.8))
                EL(t, "7", "INFO", "Stockr.EdiBridge.Upload.S3Uploader", "uploaded s3://stockr-edi-inbound/850/%s/%s.edi (%d bytes)" % (
                    rng.choice(["halvorsen", "brightmart", "ridgeway"]), uid(iso(t) + str(j), 12), rng.randint(2000, 40000)))
            if backlog:
                EL(add(p, seconds=0.5 + total * 0.33), "7", "INFO", "Stockr.EdiBridge.Upload.S3Uploader", "outbox drained: %d file(s) uploaded" % total)
            backlog = 0
    else:
        backlog += n
        EL(add(p, seconds=0.3), "7", "ERROR", "Stockr.EdiBridge.Upload.S3Uploader",
           "upload of %d file(s) failed, keeping in outbox (%d pending)" % (backlog, backlog),
           ["Amazon.S3.AmazonS3Exception: The AWS Access Key Id you provided does not exist in our records.",
            " ---> Amazon.Runtime.Internal.HttpErrorResponseException: Exception of type 'Amazon.Runtime.Internal.HttpErrorResponseException' was thrown.",
            "   at Amazon.Runtime.HttpWebRequestMessage.GetResponseAsync(CancellationToken cancellationToken)",
            "   --- End of inner exception stack trace ---",
            "   at Stockr.EdiBridge.Upload.S3Uploader.UploadAsync(String path) in D:\\a\\edi-bridge\\src\\Upload\\S3Uploader.cs:line 88",
            "ErrorCode: InvalidAccessKeyId, StatusCode: 403"])
# daily archive cleanup at 02:15 local, failing every night
for d in (13, 14, 15, 16):
    t = T("2026-02-%02d 08:15:%02d" % (d, 10 + d))
    EL(t, "12", "INFO", "Stockr.EdiBridge.Maintenance.ArchiveCleanup", "archive cleanup started (keep 30 days)")
    EL(add(t, seconds=2.4), "12", "ERROR", "Stockr.EdiBridge.Maintenance.ArchiveCleanup", "archive cleanup failed: Access to the path '\\\\nas01\\edi-archive\\2026-01' is denied.")
for t in poisson_times(rng, T("2026-02-13 00:00:00"), W1, 1 / 2400.0):
    EL(t, "9", "WARN", "Stockr.EdiBridge.As2.MdnTracker", "MDN for message <%s@as2.stockr.io> from %s received after 612s (late)" % (
        uid(iso(t), 10), rng.choice(["BRIGHTMART", "RIDGEWAY"])))
EL(INSTALLED, "1", "INFO", "Stockr.EdiBridge.Config.CredentialStore", "credentials reloaded from C:\\ProgramData\\EdiBridge\\aws.config: access key %s****" % NEW_KEY[:8])
inc.lines("edi-vm-01/edi-bridge.log", [l for _, l in sorted(el, key=lambda x: x[0])])

# ---- order-intake pino JSON (UTC epoch ms)
oi = []
def OI(t, lvl, msg, **kw):
    oi.append((t, jline({"level": lvl, "time": int(epoch(t) * 1000), "pid": 1, "hostname": kw.pop("host", "order-intake-6f8b9d7c4-q2lmx"),
                         "msg": msg, **kw})))
ingest = []
for t, line in el:
    if "uploaded s3://" in line and W0 <= t <= W1:
        ingest.append(add(t, seconds=rng.uniform(2, 9)))
for t in ingest:
    po = rng.randint(4500000000, 4599999999)
    OI(t, 30, "850 ingested", po=str(po), partner=rng.choice(["halvorsen", "brightmart", "ridgeway"]), lines=rng.randint(1, 80))
    OI(add(t, seconds=rng.uniform(0.5, 3)), 30, "855 acknowledgement queued", po=str(po))
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    OI(t, 40, "ASN lookup timed out, will retry", carrier="xpo", timeout_ms=5000)
OI(INTAKE_DEPLOY, 30, "order-intake 3.14.2 starting", node_env="production", host="order-intake-7c5d8e9f1-b7wqs")
inc.lines("order-intake.jsonl", [l for _, l in sorted(oi, key=lambda x: x[0])])

# ---- query_range: age of the last ingested EDI file
def age(t):
    last = None
    for it in ingest:
        if it <= t:
            last = it
    return (t - last).total_seconds() if last else 200.0
inc.json("edi-age.json", query_range([({"job": "order-intake", "namespace": "orders", "__name__": "edi:last_ingest_age_seconds"}, age)], W0, W1, 60, "%.0f"), indent=None)

# ---- Alertmanager webhook archive
hk = []
def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts))))
el_ = {"severity": "ticket", "team": "integrations", "service": "order-intake"}
H(add(ALERT, seconds=12), "jira-integrations", [am_alert("EdiInboundStale", el_, "no EDI file ingested for 3h", ALERT)])
H(add(ALERT_OK, seconds=12), "jira-integrations", [am_alert("EdiInboundStale", el_, "no EDI file ingested for 3h", ALERT, ends=ALERT_OK)])
kl = {"severity": "warning", "team": "data", "consumergroup": "analytics-sink"}
for a, b in [("06:52:00", "07:04:00"), ("08:31:30", "08:40:00"), ("09:58:00", "10:09:30"), ("11:35:00", "11:44:30")]:
    H(T(D + a), "slack-data", [am_alert("KafkaConsumerLagHigh", kl, "analytics-sink lag > 50k", T(D + a))])
    H(T(D + b), "slack-data", [am_alert("KafkaConsumerLagHigh", kl, "analytics-sink lag > 50k", T(D + a), ends=T(D + b))])
jl = {"severity": "warning", "team": "platform", "instance": "jenkins-agent-2:9100"}
H(T(D + "07:44:10"), "slack-platform", [am_alert("HostDiskUsageHigh", jl, "jenkins-agent-2 / at 91%", T(D + "07:43:40"))])
inc.lines("alerts.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries (manual web trigger, escalation)
pd = PD(7734, "Halvorsen: no 855 acks since ~1am CT - EDI POs not arriving", "EDI integrations", "PEDI0X1", "Integrations")
priya = PD.user("Priya Raman", "PPRIYA1")
dmitri = PD.user("Dmitri Volkov", "PDMITR1")
hannah = PD.user("Hannah Brooks", "PHANNA1")
pd.add(PAGE, "trigger_log_entry", priya, {"type": "web_trigger", "summary": "Halvorsen: no 855 acks since ~1am CT - EDI POs not arriving"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", priya, {"type": "web_trigger"}, "Assigned to Dmitri Volkov.", assignees=[dmitri])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, None, "Notified Dmitri Volkov by push notification.", user=dmitri)
pd.add(add(PAGE, seconds=302), "notify_log_entry", None, None, "Notified Dmitri Volkov by phone.", user=dmitri,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Integrations"})
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Hannah Brooks by phone.", user=hannah)
pd.add(ACK, "acknowledge_log_entry", hannah, {"type": "phone"}, "Acknowledged by Hannah Brooks.")
pd.add(add(REACT, seconds=90), "annotate_log_entry", hannah, {"type": "web_ui", "summary": "Key reactivated by secops, waiting for next bridge poll"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", hannah, {"type": "web_ui"}, "Resolved by Hannah Brooks.")
inc.json("pagerduty.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("U2PRIYA", "priya", "Priya Raman"), ("U2HANNA", "hannah", "Hannah Brooks"), ("U2DMITR", "dmitri", "Dmitri Volkov"),
                ("U2TOMAS", "tomasz", "Tomasz Nowak"), ("U2LIWEI", "li.wei", "Li Wei"), ("U2HALV", "karen.halvorsen", "Karen Lund (Halvorsen Outdoor)")]:
    s.user(u, n, r, TZ)
for cid, n in [("C2EXT", "ext-halvorsen-edi"), ("C2INC", "incidents"), ("C2DEP", "deploys"), ("C2SEC", "secops-automation")]:
    s.channel(cid, n)
for st in SWEEP:
    s.bot("secops-automation", add(st, seconds=40), "B2SWP", "iam-stale-key-sweeper",
          blocks=pd_slack_blocks("Stale key sweep finished: %s" % ({3: "deactivated 2 keys (svc-edi-bridge, d.okafor)", 1: "deactivated 1 key (ci-legacy-jenkins)"}.get(SWEEP.index(st), "nothing to deactivate"))))
s.say("ext-halvorsen-edi", CUST, "U2HALV", "Hi Stockr team, we have not received any 855 acknowledgements for POs sent since about 1am Central. Our compliance check flags vendors at 4h, can you look?")
s.say("ext-halvorsen-edi", add(CUST, minutes=4), "U2PRIYA", "Thanks Karen, looking into it now")
s.say("incidents", add(PAGE, seconds=38), "U2PRIYA", "paged integrations on-call: Halvorsen says no 855s since ~1am CT. our AS2 dashboard shows their messages arriving fine")
s.bot("deploys", add(INTAKE_DEPLOY, seconds=-40), "B2GHA", "GitHub Actions", blocks=pd_slack_blocks("*order-intake* `3.14.2` deployed to production by li.wei"))
s.bot("deploys", OTHER_DEPLOY, "B2GHA", "GitHub Actions", blocks=pd_slack_blocks("*storefront* `2026.02.16-2` deployed to production by li.wei"))
s.say("incidents", add(ESC, seconds=120), "U2PRIYA", "no ack from Dmitri after 15 min, it escalated to Hannah")
s.say("incidents", add(ACK, seconds=45), "U2HANNA", "acked, sorry for the wait. on it")
s.say("incidents", WRONG, "U2DMITR", "here now, phone was on silent. Halvorsen rotated their AS2 cert last month, maybe again?")
s.say("incidents", add(WRONG, seconds=90), "U2HANNA", "AS2 side looks fine, MDNs go out. but edi-bridge.log on edi-vm-01 has InvalidAccessKeyId on every upload since 01:01 local, about 80 files sitting in the outbox")
s.say("incidents", ROLLBACK_Q, "U2LIWEI", "should we roll back order-intake? 3.14.2 went out at 08:05")
s.say("incidents", add(ROLLBACK_Q, seconds=50), "U2HANNA", "no, intake hasn't been given a file since 06:56, it's upstream of it")
s.say("incidents", DIAG, "U2TOMAS", "found it: our iam-stale-key-sweeper set svc-edi-bridge's key Inactive at 07:00:38 UTC (CloudTrail UpdateAccessKey). key is 91 days old and the secops:exempt tag got dropped when the IAM users moved modules in PR #442")
s.say("incidents", add(DIAG, seconds=100), "U2TOMAS", "reactivating AKIA4XQ7EDIB2RJ7LQ3M now as a stopgap")
s.say("incidents", add(MITIGATED, seconds=70), "U2HANNA", "bridge poll at 04:16 CT uploaded the whole outbox, intake is ingesting, 855s going out")
s.say("ext-halvorsen-edi", STATUS, "U2PRIYA", "Karen, the issue on our side is fixed and all POs since 1am CT have been acknowledged. Sorry for the trouble")
s.say("incidents", add(NEWKEY, seconds=60), "U2TOMAS", "user tagged exempt, new key created, Hannah can you put it on the VM? then I'll disable the old one")
s.say("incidents", add(OLDKEY_OFF, seconds=30), "U2TOMAS", "old key inactive again, bridge uploads fine with the new one")
s.say("incidents", add(RESOLVED, seconds=-45), "U2HANNA", "resolving. follow-ups: sweeper dry-run + notify owners 7 days ahead, edi-age alert as page")
s.write(inc, "slack")

inc.truth(
    "edi-iam-key-sweep", "audit-driven-stale-key-sweep-deactivates-service-key-customer-detected",
    "secops' daily stale-access-key sweep deactivates svc-edi-bridge's 91-day-old key (exempt tag lost in a Terraform move); the warehouse\n"
    "EDI bridge can't upload retailers' POs, no 855s go out until a retailer asks, the key is reactivated and the backlog uploads.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "iam-stale-key-sweeper sets svc-edi-bridge's access key Inactive", "ct-iam-events.json", 60),
     (STARTED, "first_symptom", "edi-bridge upload fails: InvalidAccessKeyId, files kept in outbox", "edi-vm-01/edi-bridge.log", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #7734 by hand after the retailer's report", "pagerduty.json", 60),
     (ACK, "acknowledged", "Hannah acknowledges after escalation by timeout", "pagerduty.json", 60),
     (DIAG, "diagnosis", "Tomasz: the sweeper deactivated the key; exempt tag lost in PR #442", "slack", 90),
     (ALERT, "alert_fired", "EdiInboundStale (ticket) firing", "alerts.ndjson", 60),
     (REACT, "mitigation", "secops reactivates the key (UpdateAccessKey Active)", "ct-iam-events.json", 60),
     (MITIGATED, "recovery", "bridge poll uploads the outbox; POs ingested and acknowledged", "edi-vm-01/edi-bridge.log", 60),
     (ALERT_OK, "alert_resolved", "EdiInboundStale resolved", "alerts.ndjson", 60),
     (STATUS, "communication", "support tells the retailer all POs are acknowledged", "slack", 90),
     (RESOLVED, "resolved", "PagerDuty #7734 resolved after the new key is installed", "pagerduty.json", 60)],
    [(OTHER_KEY, "same sweep run deactivates d.okafor's key (no impact)", "ct-iam-events.json"),
     (T("2026-02-14 07:00:21"), "sweep deactivated ci-legacy-jenkins's key two days earlier", "ct-iam-events.json"),
     (T(D + "08:15:26"), "daily archive-cleanup failure on the bridge VM (every night)", "edi-vm-01/edi-bridge.log"),
     (INTAKE_DEPLOY, "order-intake 3.14.2 deploy, not the cause", "order-intake.jsonl"),
     (OTHER_DEPLOY, "storefront deploy by another team", "slack"),
     (T(D + "08:47:55"), "AttachRolePolicy for storefront-task by platform", "ct-iam-events.json"),
     (T(D + "08:31:30"), "KafkaConsumerLagHigh flapping (data team)", "alerts.ndjson"),
     (T(D + "07:43:40"), "HostDiskUsageHigh jenkins-agent-2 (platform)", "alerts.ndjson"),
     (WRONG, "wrong hunch: retailer rotated its AS2 certificate", "slack"),
     (ROLLBACK_Q, "'should we roll back order-intake?' question, not done", "slack"),
     (T(D + "09:00:00"), "steady late-MDN warnings from other partners all window", "edi-vm-01/edi-bridge.log")],
    [("ct-iam-events.json", "deploys"), ("sweeper-cwlogs.txt", "logs"), ("edi-vm-01/edi-bridge.log", "logs", TZ),
     ("order-intake.jsonl", "logs"), ("edi-age.json", "prometheus-query-range"), ("alerts.ndjson", "alertmanager-webhook"),
     ("pagerduty.json", "pagerduty-log-entries"), ("slack", "slack-export")])
