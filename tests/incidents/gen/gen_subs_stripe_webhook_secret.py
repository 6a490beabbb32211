"""retired10 / subs-stripe-webhook-secret (2026-04-16): a hand-run Secrets Manager PutSecretValue
(visible only in the CloudTrail lookup-events export) replaces the live Stripe webhook signing secret
with the test-mode one during a secrets clean-up; External Secrets syncs it, Reloader restarts
billing-webhooks, every Stripe event fails signature verification and paid orders stay pending until
the previous secret version is made AWSCURRENT again."""
import json
import random
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa

rng = random.Random(41610)
inc = Incident("retired10", "subs-stripe-webhook-secret")
D = "2026-04-16 "
PUT = T(D + "10:02:41")
SYNC = T(D + "10:06:30")
FIRST_FAIL = T(D + "10:07:14")
ALERT = T(D + "10:17:14")
PAGE = T(D + "10:17:19")
ACK = T(D + "10:21:05")
DIAG = T(D + "10:38:20")
RESTORE = T(D + "10:44:02")
SYNC2 = T(D + "10:44:40")
FIRST_OK = T(D + "10:45:31")
RESOLVED = T(D + "11:26:40")
W0, W1 = T(D + "09:00:00"), T(D + "12:00:00")
OTHER_DEPLOY = T(D + "10:31:05")

# ---------------------------------------------------------------- app log (JSON lines)
pods_old = ["billing-webhooks-6f9c7d8b54-2kqzt", "billing-webhooks-6f9c7d8b54-r8wlm", "billing-webhooks-6f9c7d8b54-xq4fd"]
pods_new = ["billing-webhooks-7b44c9f6d8-hn2vb", "billing-webhooks-7b44c9f6d8-p6tsk", "billing-webhooks-7b44c9f6d8-zw9cr"]
pods_3 = ["billing-webhooks-58d6b7c9f4-4jxml", "billing-webhooks-58d6b7c9f4-gq7dn", "billing-webhooks-58d6b7c9f4-vt2bs"]
EVT = ["payment_intent.succeeded"] * 6 + ["invoice.paid"] * 3 + ["charge.refunded", "customer.updated", "payment_method.attached"]
recs = []
failed_ids = []
for t in sorted(poisson_times(rng, W0, W1, 0.3) + [FIRST_FAIL, FIRST_OK]):
    if t < T(D + "10:07:10"):
        pods = pods_old
    elif t < FIRST_OK:
        pods = pods_new
    else:
        pods = pods_3
    pod = rng.choice(pods)
    et = rng.choice(EVT) if t not in (FIRST_FAIL, FIRST_OK) else "payment_intent.succeeded"
    eid = "evt_3P" + hexid(rng, 22)
    base = {"ts": iso_us(t), "level": "info", "service": "billing-webhooks", "pod": pod,
            "req_id": hexid(rng, 16), "stripe_event": eid, "type": et}
    bad = FIRST_FAIL <= t < FIRST_OK
    if bad:
        failed_ids.append(eid)
        recs.append((t, {**base, "level": "error", "logger": "webhooks.stripe",
                         "msg": "webhook signature verification failed",
                         "error": "stripe.error.SignatureVerificationError: No signatures found matching the expected signature for payload",
                         "status": 400, "path": "/hooks/stripe"}))
        continue
    if et in ("customer.updated", "payment_method.attached"):
        recs.append((t, {**base, "level": "warn", "logger": "webhooks.stripe", "msg": "unhandled event type, ignored",
                         "status": 200, "path": "/hooks/stripe"}))
    else:
        recs.append((t, {**base, "logger": "webhooks.stripe", "msg": "event processed", "status": 200,
                         "path": "/hooks/stripe", "order_id": "ord_%d" % rng.randint(9_100_000, 9_399_999),
                         "duration_ms": rng.randint(18, 140)}))
# steady benign: tax-svc timeouts with retry, whole window
for t in poisson_times(rng, W0, W1, 1 / 420):
    pod = rng.choice(pods_old if t < SYNC else pods_new if t < FIRST_OK else pods_3)
    recs.append((t, {"ts": iso_us(t), "level": "warn", "service": "billing-webhooks", "pod": pod,
                     "logger": "clients.tax", "msg": "tax-svc request timed out after 2000ms, retrying (1/3)",
                     "upstream": "tax-svc.billing.svc:8080"}))
# startup lines
for i, p in enumerate(pods_new):
    t = add(T(D + "10:06:41"), seconds=i * 21)
    recs.append((t, {"ts": iso_us(t), "level": "info", "service": "billing-webhooks", "pod": p, "logger": "app",
                     "msg": "starting billing-webhooks 3.9.2", "config": {"STRIPE_WEBHOOK_SECRET": "whsec_****" + "Q7mf"}}))
for i, p in enumerate(pods_3):
    t = add(T(D + "10:45:04"), seconds=i * 13)
    recs.append((t, {"ts": iso_us(t), "level": "info", "service": "billing-webhooks", "pod": p, "logger": "app",
                     "msg": "starting billing-webhooks 3.9.2", "config": {"STRIPE_WEBHOOK_SECRET": "whsec_****" + "bL2x"}}))
# Stripe retries delivered after the fix (the resend backlog)
for i, eid in enumerate(failed_ids[:260]):
    t = add(T(D + "10:52:00"), seconds=i * 6 + rng.randint(0, 4))
    recs.append((t, {"ts": iso_us(t), "level": "info", "service": "billing-webhooks", "pod": rng.choice(pods_3),
                     "req_id": hexid(rng, 16), "stripe_event": eid, "type": "payment_intent.succeeded",
                     "logger": "webhooks.stripe", "msg": "event processed (redelivery)", "status": 200,
                     "path": "/hooks/stripe", "attempt": 3, "duration_ms": rng.randint(20, 120)}))
recs.sort(key=lambda r: r[0])
inc.lines("bw-0416.jsonl", [jline(r) for _, r in recs])

# ---------------------------------------------------------------- CloudTrail lookup-events (change record)
def ct(t, name, user, res, params=None, ro=False, src="secretsmanager.amazonaws.com", agent="aws-cli/2.15.30"):
    eid = uuid("ct" + name + iso(t))
    body = {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole",
            "principalId": "AROA4XJ3EXAMPLE:" + user,
            "arn": "arn:aws:sts::381492650117:assumed-role/" + ("AWSReservedSSO_PlatformAdmin_5c1f" if "@" in user else "external-secrets-irsa") + "/" + user,
            "accountId": "381492650117"},
            "eventTime": iso(t), "eventSource": src, "eventName": name, "awsRegion": "eu-west-1",
            "sourceIPAddress": "10.40.3.17" if "@" not in user else "81.2.69.160", "userAgent": agent,
            "requestParameters": params, "responseElements": None, "requestID": uuid("rq" + eid),
            "eventID": eid, "readOnly": ro, "eventType": "AwsApiCall", "managementEvent": True,
            "recipientAccountId": "381492650117", "eventCategory": "Management"}
    return {"EventId": eid, "EventName": name, "ReadOnly": "true" if ro else "false",
            "AccessKeyId": "ASIA" + uid(eid, 16).upper(), "EventTime": iso(t), "EventSource": src,
            "Username": user, "Resources": [{"ResourceType": "AWS::SecretsManager::Secret", "ResourceName": res}],
            "CloudTrailEvent": json.dumps(body)}
SEC = "arn:aws:secretsmanager:eu-west-1:381492650117:secret:prod/billing/stripe-webhook-secret-Hq2v9d"
ev = []
for t in frange(T(D + "09:01:30"), W1, 300):  # ESO polling, read-only, all window
    ev.append(ct(t, "GetSecretValue", "eso-controller", SEC, {"secretId": "prod/billing/stripe-webhook-secret", "versionStage": "AWSCURRENT"}, ro=True, agent="aws-sdk-go-v2/1.25.3"))
ev.append(ct(T(D + "09:54:12"), "DeleteSecret", "joao.ferreira@subscrify.io",
             "arn:aws:secretsmanager:eu-west-1:381492650117:secret:staging/billing/legacy-paypal-nvp-k1P0aa",
             {"secretId": "staging/billing/legacy-paypal-nvp", "recoveryWindowInDays": 7}))
ev.append(ct(T(D + "09:58:03"), "DescribeSecret", "joao.ferreira@subscrify.io", SEC, {"secretId": "prod/billing/stripe-webhook-secret"}, ro=True))
ev.append(ct(PUT, "PutSecretValue", "joao.ferreira@subscrify.io", SEC,
             {"secretId": "prod/billing/stripe-webhook-secret", "clientRequestToken": uuid("tok1"), "secretString": "HIDDEN_DUE_TO_SECURITY_REASONS"}))
ev.append(ct(T(D + "10:03:20"), "PutSecretValue", "joao.ferreira@subscrify.io",
             "arn:aws:secretsmanager:eu-west-1:381492650117:secret:staging/billing/stripe-webhook-secret-7dLm2Q",
             {"secretId": "staging/billing/stripe-webhook-secret", "clientRequestToken": uuid("tok2"), "secretString": "HIDDEN_DUE_TO_SECURITY_REASONS"}))
ev.append(ct(T(D + "10:40:51"), "ListSecretVersionIds", "marta.nowak@subscrify.io", SEC, {"secretId": "prod/billing/stripe-webhook-secret", "includeDeprecated": True}, ro=True))
ev.append(ct(RESTORE, "UpdateSecretVersionStage", "marta.nowak@subscrify.io", SEC,
             {"secretId": "prod/billing/stripe-webhook-secret", "versionStage": "AWSCURRENT",
              "moveToVersionId": uuid("v-old"), "removeFromVersionId": uuid("tok1")}))
ev.append(ct(T(D + "11:12:37"), "PutSecretValue", "ci-search-deployer",
             "arn:aws:secretsmanager:eu-west-1:381492650117:secret:prod/search/algolia-admin-key-Zp41Kc",
             {"secretId": "prod/search/algolia-admin-key", "clientRequestToken": uuid("tok3"), "secretString": "HIDDEN_DUE_TO_SECURITY_REASONS"},
             agent="Boto3/1.34.69 md/Botocore#1.34.69 GitHubActions"))
ev.sort(key=lambda e: e["EventTime"], reverse=True)
inc.json("aws-secretsmanager-0416.json", {"Events": ev})

# ---------------------------------------------------------------- kube events
k = Kube(rng)
k.ev(SYNC, "billing", "ExternalSecret", "stripe-webhook-secret", "Updated", "Updated Secret", component="external-secrets")
k.ev(add(SYNC, seconds=1), "billing", "Deployment", "billing-webhooks", "Reloader",
     "Changes detected in 'stripe-webhook-secret' of type 'SECRET' in namespace 'billing'; updated 'billing-webhooks' of type 'Deployment' in namespace 'billing'",
     component="reloader")
k.ev(add(SYNC, seconds=1), "billing", "Deployment", "billing-webhooks", "ScalingReplicaSet", "Scaled up replica set billing-webhooks-7b44c9f6d8 to 1 from 0", component="deployment-controller")
for i, p in enumerate(pods_new):
    k.pod_start(add(SYNC, seconds=3 + i * 21), "billing", p, "ip-10-40-%d-%d.eu-west-1.compute.internal" % (8 + i, 40 + i * 7),
                "381492650117.dkr.ecr.eu-west-1.amazonaws.com/billing-webhooks:3.9.2", "billing-webhooks")
    k.ev(add(SYNC, seconds=20 + i * 21), "billing", "Deployment", "billing-webhooks", "ScalingReplicaSet",
         "Scaled down replica set billing-webhooks-6f9c7d8b54 to %d from %d" % (2 - i, 3 - i), component="deployment-controller")
k.ev(SYNC2, "billing", "ExternalSecret", "stripe-webhook-secret", "Updated", "Updated Secret", component="external-secrets")
k.ev(add(SYNC2, seconds=1), "billing", "Deployment", "billing-webhooks", "Reloader",
     "Changes detected in 'stripe-webhook-secret' of type 'SECRET' in namespace 'billing'; updated 'billing-webhooks' of type 'Deployment' in namespace 'billing'",
     component="reloader")
for i, p in enumerate(pods_3):
    k.pod_start(add(SYNC2, seconds=3 + i * 13), "billing", p, "ip-10-40-%d-%d.eu-west-1.compute.internal" % (9 + i, 51 + i * 5),
                "381492650117.dkr.ecr.eu-west-1.amazonaws.com/billing-webhooks:3.9.2", "billing-webhooks")
# other team's deploy inside the window
k.ev(OTHER_DEPLOY, "search", "Deployment", "search-api", "ScalingReplicaSet", "Scaled up replica set search-api-5c8d9f7b6 to 2 from 0", component="deployment-controller")
for i in range(2):
    k.pod_start(add(OTHER_DEPLOY, seconds=2 + i * 30), "search", "search-api-5c8d9f7b6-%s" % ["k2m9q", "t7vcx"][i],
                "ip-10-40-12-%d.eu-west-1.compute.internal" % (60 + i), "381492650117.dkr.ecr.eu-west-1.amazonaws.com/search-api:2026.04.16-2", "search-api")
# steady noise: a cronjob pod backoff
for t in frange(T(D + "09:12:00"), W1, 1800):
    k.ev(t, "analytics", "Pod", "events-compactor-29071%03d-x8d" % (t.hour * 2 + t.minute // 30), "BackOff",
         "Back-off restarting failed container compactor in pod events-compactor", type_="Warning", host="ip-10-40-14-22.eu-west-1.compute.internal")
inc.json("cluster-events.json", k.core_list())

# ---------------------------------------------------------------- Alertmanager webhook archive (ndjson)
bodies = []
def hook(t, recv, alerts):
    bodies.append((t, am_webhook(recv, alerts)))
a = am_alert("StripeWebhookFailureRatio", {"severity": "page", "service": "billing-webhooks", "namespace": "billing", "team": "billing"},
             "Stripe webhook 4xx ratio is 100% on billing-webhooks", ALERT,
             desc="sum(rate(http_requests_total{service=\"billing-webhooks\",path=\"/hooks/stripe\",code=~\"4..\"}[5m])) / sum(rate(...)) > 0.2 for 10m")
hook(ALERT, "pagerduty-billing", [a])
b = dict(a); b = json.loads(json.dumps(a)); b["status"] = "resolved"; b["endsAt"] = iso(T(D + "10:52:44"))
hook(T(D + "10:52:44"), "pagerduty-billing", [b])
a2 = am_alert("OrdersPendingPaymentHigh", {"severity": "warning", "service": "orders", "team": "billing"},
              "1,940 orders pending payment confirmation for > 15m", T(D + "10:29:40"))
hook(T(D + "10:29:40"), "slack-billing", [a2])
b2 = json.loads(json.dumps(a2)); b2["status"] = "resolved"; b2["endsAt"] = iso(T(D + "11:08:10"))
hook(T(D + "11:08:10"), "slack-billing", [b2])
# flapping other-team alert
fl = [("09:11:30", "09:19:30"), ("09:47:00", "09:52:30"), ("10:24:30", "10:28:00"), ("11:03:00", "11:09:30"), ("11:40:30", "11:46:00")]
for s, e in fl:
    x = am_alert("KafkaConsumerGroupLag", {"severity": "warning", "team": "data", "consumergroup": "clickstream-sink", "topic": "clickstream"},
                 "clickstream-sink lag above 500k", T(D + s))
    hook(T(D + s), "slack-data", [x])
    y = json.loads(json.dumps(x)); y["status"] = "resolved"; y["endsAt"] = iso(T(D + e))
    hook(T(D + e), "slack-data", [y])
z = am_alert("NodeFilesystemAlmostFull", {"severity": "warning", "team": "platform", "instance": "ip-10-40-14-22:9100", "mountpoint": "/var/lib/containerd"},
             "filesystem 88% full", T(D + "09:34:10"))
hook(T(D + "09:34:10"), "slack-platform", [z])
bodies.sort(key=lambda b: b[0])
inc.lines("hooks-0416.ndjson", [jline(b) for _, b in bodies])

# ---------------------------------------------------------------- PagerDuty
pd = PD(7712, "StripeWebhookFailureRatio: Stripe webhook 4xx ratio is 100% on billing-webhooks", "billing-webhooks", "PBLWH01", "Billing Primary")
marta = PD.user("Marta Nowak", "PMNOWAK")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMBIL2", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/PBLWH01/integrations/PAMBIL2"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Marta Nowak by push notification.",
       user=marta, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, {"type": "auto"}, "Notified Marta Nowak by phone.",
       user=marta, notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", marta, {"type": "mobile"}, "Acknowledged by Marta Nowak.", acknowledgement_timeout=1800)
pd.add(T(D + "10:47:30"), "annotate_log_entry", marta, {"type": "web_ui", "summary": "restored previous secret version, new events verify again; Stripe retrying the failed ones"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marta, {"type": "web_ui"}, "Resolved by Marta Nowak.")
inc.json("pd-7712.json", pd.export())

# ---------------------------------------------------------------- cron syslog (nightly failing job, days before)
lines = []
for day in ("2026-04-13", "2026-04-14", "2026-04-15", "2026-04-16"):
    t0 = T(day + " 02:15:00")
    lines.append(syslog(t0, "UTC", "jobs-1", "CRON[%d]" % (20000 + rng.randint(0, 9999)), "(billing) CMD (/opt/billing/bin/reconcile-payouts --since yesterday)"))
    t1 = add(t0, seconds=rng.randint(40, 70))
    lines.append(syslog(t1, "UTC", "jobs-1", "reconcile-payouts[%d]" % rng.randint(3000, 9000), "ERROR payout po_1P%s: currency mismatch ledger=EUR stripe=GBP, skipping" % hexid(rng, 12)))
    lines.append(syslog(add(t1, seconds=2), "UTC", "jobs-1", "reconcile-payouts[%d]" % rng.randint(3000, 9000), "FATAL 1 payout(s) not reconciled, exit 2"))
    lines.append(syslog(add(t1, seconds=3), "UTC", "jobs-1", "CRON[%d]" % rng.randint(20000, 29999), "(CRON) info (No MTA installed, discarding output)"))
    for hh in ("06", "12", "18"):
        if day == "2026-04-16" and hh != "06":
            continue
        lines.append(syslog(T(day + " %s:00:01" % hh), "UTC", "jobs-1", "CRON[%d]" % rng.randint(20000, 29999), "(billing) CMD (/opt/billing/bin/export-mrr >/dev/null)"))
    if day == "2026-04-16":
        for hh in ("09", "10", "11"):
            lines.append(syslog(T(day + " %s:00:01" % hh), "UTC", "jobs-1", "CRON[%d]" % rng.randint(20000, 29999), "(root) CMD (/usr/local/bin/rotate-tmp)"))
lines.sort()
inc.lines("jobs-1-syslog", lines)

# ---------------------------------------------------------------- Slack
s = Slack()
s.user("U01MNOWAK", "marta", "Marta Nowak", tz="Europe/Warsaw")
s.user("U02JFERR", "joao", "João Ferreira", tz="Europe/Lisbon")
s.user("U03KPATEL", "kiran", "Kiran Patel")
s.user("U04SUPP", "lea.support", "Léa Martin", tz="Europe/Paris")
s.user("U09PDBOT", "pagerduty", "PagerDuty", bot=True)
s.channel("C0INC0416", "inc-billing", "billing incidents", created=T("2025-06-01 09:00:00"))
s.channel("C0SUPPORT", "support-escalations", "support to eng", created=T("2025-02-01 09:00:00"))
s.bot("inc-billing", add(PAGE, seconds=3), "B0PD", "PagerDuty", blocks=pd_slack_blocks(
    ":red_circle: *Triggered* <https://acme.pagerduty.com/incidents/Q7712|#7712 StripeWebhookFailureRatio: Stripe webhook 4xx ratio is 100% on billing-webhooks>"))
s.say("support-escalations", T(D + "10:14:52"), "U04SUPP", "customers saying they paid (card charged, got the Stripe receipt) but the order page says 'awaiting payment'. 6 tickets in 10 min")
s.say("inc-billing", add(ACK, seconds=20), "U01MNOWAK", "ack, looking. every /hooks/stripe call is a 400 since ~10:07")
s.say("inc-billing", T(D + "10:23:40"), "U03KPATEL", "is stripe having an incident? their webhooks could be sending garbage")
s.say("inc-billing", T(D + "10:25:02"), "U01MNOWAK", "status.stripe.com is all green")
s.say("inc-billing", T(D + "10:26:15"), "U03KPATEL", "the pods all restarted at 10:06 too. maybe clock skew on the new nodes and the timestamp tolerance rejects them?")
s.say("inc-billing", T(D + "10:28:31"), "U01MNOWAK", "error is 'no signatures found matching', not a timestamp one. nodes are chrony-synced")
s.say("inc-billing", T(D + "10:30:10"), "U03KPATEL", "should we roll back billing-webhooks to 3.9.1 just in case?")
s.say("inc-billing", T(D + "10:31:44"), "U01MNOWAK", "3.9.2 has been running since Tuesday and was fine until 10:07. the restart was Reloader, not a deploy")
s.say("support-escalations", T(D + "10:33:05"), "U01MNOWAK", "known, we're on it in #inc-billing. payments are taken, orders will be confirmed once fixed")
s.say("inc-billing", T(D + "10:35:12"), "U02JFERR", "uh. I was cleaning up secrets this morning. I put the new staging signing secret in… let me check which one")
s.say("inc-billing", DIAG, "U01MNOWAK", "found it: CloudTrail has a PutSecretValue on prod/billing/stripe-webhook-secret at 10:02:41, ESO synced it at 10:06 and Reloader restarted the pods. the new value is the test-mode whsec, so no live event verifies")
s.say("inc-billing", T(D + "10:39:30"), "U02JFERR", "yes, sorry, I pasted it into the prod secret instead of staging. previous version is still there as AWSPREVIOUS")
s.say("inc-billing", T(D + "10:44:15"), "U01MNOWAK", "moved AWSCURRENT back to the previous version, forcing the ExternalSecret refresh")
s.say("inc-billing", T(D + "10:46:02"), "U01MNOWAK", "new pods up, stripe events are 200 again")
s.say("inc-billing", T(D + "10:49:20"), "U03KPATEL", "stripe retries failed events with backoff; resending the ~700 failed ones from the dashboard so the pending orders get confirmed now")
s.say("inc-billing", T(D + "11:10:05"), "U03KPATEL", "pending-payment orders back to normal (~40)")
s.say("inc-billing", T(D + "11:26:55"), "U01MNOWAK", "resolving. follow-ups: IAM deny on prod secrets for humans, ESO refresh alerts on signature failures")
s.write(inc, "slack")

# ---------------------------------------------------------------- truth
SL = "slack"
inc.truth(
    "subs-stripe-webhook-secret", "secret-overwrite-webhook-signature-failure",
    """A hand-run Secrets Manager PutSecretValue (only in the CloudTrail export) puts the test-mode Stripe signing secret
into prod; External Secrets syncs it, Reloader restarts billing-webhooks and every Stripe event fails verification until the previous version is restored.""",
    (T(D + "09:30:00"), T(D + "12:00:00")),
    {"started": FIRST_FAIL, "detected": ALERT, "acknowledged": ACK, "mitigated": FIRST_OK, "resolved": RESOLVED},
    [
        (PUT, "change", "PutSecretValue on prod/billing/stripe-webhook-secret by joao.ferreira (test-mode secret)", "aws-secretsmanager-0416.json"),
        (SYNC, "change", "ExternalSecret synced; Reloader restarts billing-webhooks with the new secret", "cluster-events.json"),
        (FIRST_FAIL, "first_symptom", "first Stripe webhook signature verification failure (400)", "bw-0416.jsonl"),
        (ALERT, "alert_fired", "StripeWebhookFailureRatio fires", "hooks-0416.ndjson"),
        (PAGE, "paged", "PagerDuty #7712 triggered", "pd-7712.json"),
        (ACK, "acknowledged", "Marta Nowak acknowledges", "pd-7712.json"),
        (DIAG, "diagnosis", "Marta: CloudTrail PutSecretValue at 10:02:41, test-mode whsec, so no live event verifies", SL),
        (RESTORE, "mitigation", "UpdateSecretVersionStage moves AWSCURRENT back to the previous version", "aws-secretsmanager-0416.json"),
        (FIRST_OK, "recovery", "Stripe events verify and process again (200)", "bw-0416.jsonl"),
        (T(D + "10:52:44"), "alert_resolved", "StripeWebhookFailureRatio resolved", "hooks-0416.ndjson"),
        (RESOLVED, "resolved", "PagerDuty #7712 resolved", "pd-7712.json"),
    ],
    [
        (T(D + "10:30:10"), "question 'should we roll back billing-webhooks to 3.9.1?' (not an action)", SL),
        (T(D + "10:26:15"), "wrong hunch: clock skew on new nodes", SL),
        (T(D + "10:23:40"), "wrong hunch: Stripe incident", SL),
        (OTHER_DEPLOY, "search team's search-api rollout", "cluster-events.json"),
        (T(D + "11:12:37"), "search team's CI rotates prod/search/algolia-admin-key", "aws-secretsmanager-0416.json"),
        (T(D + "10:03:20"), "PutSecretValue on the staging secret (meant change, harmless)", "aws-secretsmanager-0416.json"),
        (T(D + "09:11:30"), "KafkaConsumerGroupLag clickstream-sink flapping (data team)", "hooks-0416.ndjson"),
        (T(D + "09:34:10"), "NodeFilesystemAlmostFull on ip-10-40-14-22 (platform)", "hooks-0416.ndjson"),
        (T("2026-04-16 02:16:00"), "nightly reconcile-payouts cron fails every day (currency mismatch)", "jobs-1-syslog"),
        (T(D + "09:12:00"), "events-compactor CronJob BackOff every 30 min", "cluster-events.json"),
        (T(D + "09:20:00"), "steady tax-svc timeouts with retry through the window", "bw-0416.jsonl"),
    ],
    [("bw-0416.jsonl", "logs"), ("aws-secretsmanager-0416.json", "deploys"), ("cluster-events.json", "kube-events"),
     ("hooks-0416.ndjson", "alertmanager-webhook"), ("pd-7712.json", "pagerduty-log-entries"), ("jobs-1-syslog", "logs"),
     ("slack", "slack-export")],
)
