"""retired10/customs-vpce-perimeter: a data-perimeter change to the S3 gateway endpoint policy (only buckets of our own
AWS organization) denies customs-filing's uploads to the customs broker's bucket and ECR layer pulls until it is reverted."""
import random
from common import *

rng = random.Random(20260113)
inc = Incident("retired10", "customs-vpce-perimeter")
D = "2026-01-13 "
W0, W1 = T(D + "13:30:00"), T(D + "16:00:00")
CRON = [T("2026-01-%02d 14:00:%02d" % (d, 20 + d)) for d in (10, 11, 12, 13)]
CHANGE = T(D + "14:02:37")          # AWS Config capture of the endpoint-policy change
STARTED = T(D + "14:03:02")         # first AccessDenied from the endpoint policy
ALERT = T(D + "14:09:30")
PAGE = T(D + "14:09:41")
ACK = T(D + "14:12:28")
HPA = T(D + "14:14:05")
WRONG1 = T(D + "14:15:10")
WRONG2 = T(D + "14:18:40")
COMMS = T(D + "14:19:30")
ROLLBACK_Q = T(D + "14:21:05")
DIAG = T(D + "14:26:50")
OTHER_DEPLOY = T(D + "14:31:15")
REVERT = T(D + "14:33:41")          # AWS Config capture of the revert
MITIGATED = T(D + "14:33:45")       # first successful broker upload, errors stop
ALERT_OK = T(D + "14:39:30")
RESOLVED = T(D + "15:02:10")
ACCOUNT = "481226930517"
BROKER_BUCKET = "ecb-broker-inbound-prod"


def denied(t):
    return STARTED <= t < MITIGATED


# ---- customs-filing worker, Go logfmt
wl = []
def W(t, pairs):
    wl.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
PODS = ["customs-filing-worker-6b8f9d7c54-%s" % s for s in ("2xkqp", "8hmzt", "c4w9n", "fq7rl", "ltv2d", "x9psj")]
for t in poisson_times(rng, W0, W1, 0.22):
    pod = rng.choice(PODS)
    decl = "DEC-26-%07d" % rng.randint(10**6, 9 * 10**6)
    key = "portline/%s/%s.xml" % (t.strftime("%Y/%m/%d"), decl)
    if denied(t) and t >= STARTED:
        W(t, [("level", "error"), ("pod", pod), ("caller", "broker/upload.go:118"), ("decl", decl),
              ("msg", "upload to broker failed"),
              ("err", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: %s, HostID: %s, api error AccessDenied: "
                      "User: arn:aws:sts::%s:assumed-role/customs-filing-worker/%d is not authorized to perform: s3:PutObject on resource: "
                      "\"arn:aws:s3:::%s/%s\" with an explicit deny in a VPC endpoint policy"
                      % (hexid(rng, 16).upper(), hexid(rng, 40), ACCOUNT, rng.randint(10**9, 2 * 10**9), BROKER_BUCKET, key)),
              ("attempt", rng.randint(1, 5))])
    else:
        W(t, [("level", "info"), ("pod", pod), ("caller", "broker/upload.go:131"), ("decl", decl), ("msg", "declaration uploaded"),
              ("bucket", BROKER_BUCKET), ("bytes", rng.randint(9000, 60000)), ("ms", rng.randint(40, 220))])
W(STARTED, [("level", "error"), ("pod", PODS[2]), ("caller", "broker/upload.go:118"), ("decl", "DEC-26-4410937"),
            ("msg", "upload to broker failed"),
            ("err", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: 7Q2M4ZB1K9D3XW0E, HostID: %s, api error AccessDenied: "
                    "User: arn:aws:sts::%s:assumed-role/customs-filing-worker/1768312981 is not authorized to perform: s3:PutObject on resource: "
                    "\"arn:aws:s3:::%s/portline/2026/01/13/DEC-26-4410937.xml\" with an explicit deny in a VPC endpoint policy" % (hexid(rng, 40), ACCOUNT, BROKER_BUCKET)),
            ("attempt", 1)])
for t in poisson_times(rng, W0, W1, 1 / 150.0):  # benign, all day: broker ack polling times out now and then
    W(t, [("level", "warn"), ("pod", rng.choice(PODS)), ("caller", "broker/ack.go:64"), ("msg", "ack poll timed out, will retry"),
          ("endpoint", "https://edi.ecb-broker.eu/ack"), ("timeout", "10s")])
for t in frange(add(W0, seconds=47), W1, 900):  # tariff snapshot refresh from the vendor's bucket
    if denied(t):
        W(t, [("level", "warn"), ("pod", PODS[0]), ("caller", "tariff/snapshot.go:52"), ("msg", "tariff snapshot refresh failed, serving cached snapshot"),
              ("bucket", "taric-feed-eu"), ("err", "operation error S3: GetObject, https response error StatusCode: 403, api error AccessDenied: Access Denied")])
    else:
        W(t, [("level", "info"), ("pod", PODS[0]), ("caller", "tariff/snapshot.go:71"), ("msg", "tariff snapshot refreshed"), ("bucket", "taric-feed-eu"), ("rows", 18214)])
W(add(MITIGATED, seconds=40), [("level", "info"), ("pod", PODS[4]), ("caller", "queue/redrive.go:40"), ("msg", "redriving failed declarations from DLQ"), ("count", 412)])
W(add(MITIGATED, minutes=14), [("level", "info"), ("pod", PODS[4]), ("caller", "queue/redrive.go:58"), ("msg", "redrive complete"), ("ok", 412), ("failed", 0)])
inc.lines("filing/worker.log", [l for _, l in sorted(wl, key=lambda x: x[0])])

# ---- edge access log (nginx in front of customs-api, UTC), gzipped
ng = []
UAS = ["Portline-SDK/3.4.1 (python 3.12)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
       "CargoWise-Connector/2025.4", "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15"]
for t in poisson_times(rng, W0, W1, 0.9):
    ip = "%d.%d.%d.%d" % (rng.choice([31, 62, 80, 94, 195, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    r = rng.random()
    if r < 0.18:
        m, path = "POST", "/v2/declarations/DEC-26-%07d/submit" % rng.randint(10**6, 9 * 10**6)
        st, rt = (502, rng.uniform(0.2, 1.4)) if denied(t) and rng.random() < 0.93 else (202, rng.uniform(0.15, 0.9))
    elif r < 0.30:
        m, path = "GET", "/v2/hs-codes/search?q=%s" % rng.choice(["bolts", "lithium+cells", "cotton+shirts", "olive+oil", "valves"])
        st, rt = (200, rng.uniform(0.05, 0.8))
        if rng.random() < 0.02:
            st, rt = 504, 30.0
    else:
        m, path = rng.choice([("GET", "/v2/shipments?status=open"), ("GET", "/v2/declarations?page=1"), ("GET", "/app/static/main.8c1e0d.js"),
                              ("POST", "/v2/shipments/SHP-%d/documents" % rng.randint(10**5, 10**6))])
        st, rt = (200, rng.uniform(0.01, 0.4))
    ng.append((t, nginx(t, ip, m, path, st, rng.randint(300, 12000), rng.choice(UAS), rt)))
inc.lines("edge/access.log.gz", [l for _, l in sorted(ng, key=lambda x: x[0])])

# ---- AWS Config get-resource-config-history for the S3 gateway endpoint (newest first)
VPCE = "vpce-0a3f9c1e5d2b47a81"
def pol(perimeter):
    st = [{"Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]
    if perimeter:
        st.append({"Sid": "DenyOutsideOrg", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
                   "Condition": {"StringNotEquals": {"aws:ResourceOrgID": "o-7kq2m9xw4d"}}})
    return json.dumps({"Version": "2012-10-17", "Statement": st}, separators=(",", ":"))
def ci(t, perimeter, event, state):
    conf = {"vpcEndpointId": VPCE, "vpcEndpointType": "Gateway", "vpcId": "vpc-04c1e2a9b7d3f6e51",
            "serviceName": "com.amazonaws.eu-central-1.s3", "state": "available", "policyDocument": pol(perimeter),
            "routeTableIds": ["rtb-0b71c3e9a4d2f8156", "rtb-0e29f4a1c7b3d5e08", "rtb-05d8a2c6e1f4b9373"],
            "subnetIds": [], "groups": [], "privateDnsEnabled": False, "requesterManaged": False, "networkInterfaceIds": [],
            "dnsEntries": [], "creationTimestamp": "2023-05-30T09:14:51.000Z", "ownerId": ACCOUNT}
    return {"version": "1.3", "accountId": ACCOUNT, "configurationItemCaptureTime": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d000+00:00" % rng.randint(0, 999),
            "configurationItemStatus": "OK", "configurationStateId": state,
            "configurationItemMD5Hash": "", "arn": "arn:aws:ec2:eu-central-1:%s:vpc-endpoint/%s" % (ACCOUNT, VPCE),
            "resourceType": "AWS::EC2::VPCEndpoint", "resourceId": VPCE, "awsRegion": "eu-central-1",
            "availabilityZone": "Multiple Availability Zones", "resourceCreationTime": "2023-05-30T09:14:51.000000+00:00",
            "tags": {"Name": "prod-s3-gateway", "ManagedBy": "terraform", "Repo": "platform-network"},
            "relatedEvents": [event], "relationships": [{"resourceType": "AWS::EC2::VPC", "resourceId": "vpc-04c1e2a9b7d3f6e51", "relationshipName": "Is contained in Vpc"}],
            "configuration": json.dumps(conf, separators=(",", ":")), "supplementaryConfiguration": {}}
items = [ci(REVERT, False, uuid("ct-revert"), "1768314821407"),
         ci(CHANGE, True, uuid("ct-perimeter"), "1768312957288"),
         ci(T("2025-11-18 10:41:09"), False, uuid("ct-rtb"), "1763462469122"),
         ci(T("2025-06-02 08:03:55"), False, uuid("ct-create"), "1748851435671")]
inc.json("vpce-0a3f9c1e.json", {"configurationItems": items}, indent=4)

# ---- Alertmanager webhook archive (ndjson), reaching back to the days before
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for c in CRON:
    jl = {"severity": "warning", "team": "compliance", "namespace": "compliance", "job_name": "sanctions-list-refresh-%d" % (29470000 + c.day * 1440)}
    a0 = add(c, minutes=4, seconds=10)
    H(add(a0, seconds=30), am_webhook("slack-compliance", [am_alert("KubeJobFailed", jl, "Job compliance/%s failed to complete" % jl["job_name"], a0)]))
    H(add(a0, minutes=61), am_webhook("slack-compliance", [am_alert("KubeJobFailed", jl, "Job compliance/%s failed to complete" % jl["job_name"], a0, ends=add(a0, minutes=60))]))
pl_ = {"severity": "page", "team": "filing", "service": "customs-filing"}
H(add(ALERT, seconds=10), am_webhook("pagerduty-filing", [am_alert("DeclarationSubmitFailures", pl_, "declaration submissions failing: 61% of broker uploads error", ALERT,
      desc="rate of broker upload errors over 5m above 20% for 5 minutes")]))
H(add(ALERT_OK, seconds=10), am_webhook("pagerduty-filing", [am_alert("DeclarationSubmitFailures", pl_, "declaration submissions failing: 61% of broker uploads error", ALERT, ends=ALERT_OK)]))
kl = {"severity": "warning", "team": "analytics", "consumergroup": "shipment-events-dwh", "topic": "shipment-events"}
for a, b in [("13:41:30", "13:47:30"), ("14:06:00", "14:10:30"), ("14:44:30", "14:52:00"), ("15:21:00", "15:25:30")]:
    s0, e0 = T(D + a), T(D + b)
    H(add(s0, seconds=30), am_webhook("slack-analytics", [am_alert("KafkaConsumerGroupLag", kl, "consumer group shipment-events-dwh lag > 50000", s0)]))
    H(add(e0, seconds=30), am_webhook("slack-analytics", [am_alert("KafkaConsumerGroupLag", kl, "consumer group shipment-events-dwh lag > 50000", s0, ends=e0)]))
nl = {"severity": "warning", "team": "devex", "instance": "jenkins-agent-07:9100", "mountpoint": "/var/lib/jenkins"}
N0 = T(D + "13:52:00")
H(add(N0, seconds=30), am_webhook("slack-devex", [am_alert("NodeFilesystemAlmostFull", nl, "jenkins-agent-07 /var/lib/jenkins has 6% space left", N0)]))
inc.lines("hooks.jsonl", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- kube events (core/v1 list)
k = Kube(rng)
k.ev(HPA, "filing", "HorizontalPodAutoscaler", "customs-filing-worker", "SuccessfulRescale",
     "New size: 10; reason: external metric sqs-approximatenumberofmessagesvisible(&LabelSelector{MatchLabels:map[string]string{queue: customs-filing-outbound,},MatchExpressions:[]LabelSelectorRequirement{},}) above target",
     component="horizontal-pod-autoscaler")
IMG = "%s.dkr.ecr.eu-central-1.amazonaws.com/customs-filing-worker:4.18.0" % ACCOUNT
for i, s in enumerate(("k2v8d", "mq4tz", "r7xwb", "zp3nf")):
    pod = "customs-filing-worker-6b8f9d7c54-" + s
    node = "ip-10-31-%d-%d.eu-central-1.compute.internal" % (rng.choice([12, 44, 77]), rng.randint(10, 250))
    t0 = add(HPA, seconds=2 + i)
    k.ev(t0, "filing", "Pod", pod, "Scheduled", "Successfully assigned filing/%s to %s" % (pod, node), component="default-scheduler")
    k.ev(add(t0, seconds=1), "filing", "Pod", pod, "Pulling", 'Pulling image "%s"' % IMG, host=node, count=6, first=add(t0, seconds=1), )
    k.items[-1]["t"] = add(REVERT, seconds=-40 + i * 7)
    k.ev(add(REVERT, seconds=-39 + i * 7), "filing", "Pod", pod, "Failed",
         'Failed to pull image "%s": failed to pull and unpack image "%s": failed to copy: httpReadSeeker: failed open: unexpected status code '
         'https://prod-eu-central-1-starport-layer-bucket.s3.eu-central-1.amazonaws.com/5f2c1e-%s-%s/%s?X-Amz-Security-Token=...: 403 Forbidden'
         % (IMG, IMG, ACCOUNT, hexid(rng, 8), uuid(pod)), type_="Warning", host=node, count=6, first=add(t0, seconds=3))
    k.ev(add(REVERT, seconds=-38 + i * 7), "filing", "Pod", pod, "BackOff", 'Back-off pulling image "%s"' % IMG, type_="Warning", host=node, count=19, first=add(t0, seconds=15))
    k.ev(add(REVERT, seconds=62 + i * 5), "filing", "Pod", pod, "Pulled", 'Successfully pulled image "%s" in 3.912s (3.912s including waiting). Image size: 61803410 bytes.' % IMG, host=node)
    k.ev(add(REVERT, seconds=63 + i * 5), "filing", "Pod", pod, "Started", "Started container worker", host=node)
k.ev(add(CRON[-1], seconds=3), "compliance", "Job", "sanctions-list-refresh-%d" % (29470000 + 13 * 1440), "BackoffLimitExceeded", "Job has reached the specified backoff limit",
     type_="Warning", component="job-controller")
k.ev(add(OTHER_DEPLOY, seconds=4), "web", "Deployment", "tracking-web", "ScalingReplicaSet", "Scaled up replica set tracking-web-7f6d5c9b8 to 2 from 0", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=48), "web", "Deployment", "tracking-web", "ScalingReplicaSet", "Scaled down replica set tracking-web-5c4b8d7f6 to 0 from 2", component="deployment-controller")
for t in frange(T(D + "14:10:00"), T(D + "15:10:00"), 600):
    k.ev(t, "analytics", "Pod", "dwh-loader-0", "Unhealthy", "Readiness probe failed: Get \"http://10.31.44.19:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
         type_="Warning", host="ip-10-31-44-19.eu-central-1.compute.internal", count=40 + (t.minute // 10), first=T(D + "09:02:11"))
inc.json("k8s-events.json", k.core_list())

# ---- PagerDuty log entries
pd = PD(5117, "DeclarationSubmitFailures: declaration submissions failing", "customs-filing", "PFIL7Q2")
ana = PD.user("Anaïs Moreau", "PANA4K1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Anaïs Moreau by phone call.", user=ana)
pd.add(ACK, "acknowledge_log_entry", ana, {"type": "phone"}, "Acknowledged by Anaïs Moreau.")
pd.add(add(DIAG, minutes=1), "annotate_log_entry", ana, {"type": "web_ui", "summary": "403 from S3 gateway endpoint policy; platform-security reverting"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", ana, {"type": "web_ui"}, "Resolved by Anaïs Moreau.")
inc.json("oncall-export.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("UANA", "anais", "Anaïs Moreau"), ("UJON", "jonas", "Jonas Weber"), ("UMEI", "mei", "Mei Lin"), ("UKOF", "kofi", "Kofi Mensah"),
                ("ULEA", "lea", "Lea Hoffmann")]:
    s.user(u, n, r, "Europe/Berlin")
s.user("BARGO", "argocd", "Argo CD", bot=True)
for cid, n in [("C0INC", "inc-declarations-403"), ("C0DEP", "deploys"), ("C0CUS", "customer-ops")]:
    s.channel(cid, n)
s.bot("deploys", T(D + "13:36:12"), "BARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *rates-api* sync succeeded to revision `3e1f0a2` (prod-eu)"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=55), "BARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *tracking-web* sync succeeded to revision `b91c7d4` (prod-eu)"))
s.bot("deploys", T(D + "15:41:03"), "BARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *docs-portal* sync succeeded to revision `70aa5e2` (prod-eu)"))
c = "inc-declarations-403"
s.say(c, add(ACK, seconds=52), "UANA", "acked. customs-filing-worker: broker uploads failing with 403 AccessDenied since ~14:03, submit endpoint answering 502")
s.say(c, WRONG1, "UJON", "did ECB Broker change their bucket policy again? they rotated their KMS key in November and we got 403s then too")
s.say(c, add(WRONG1, seconds=70), "UANA", "asking their EDI desk")
s.say(c, WRONG2, "UKOF", "or our IRSA role - anyone touched customs-filing-worker's role today?")
s.say(c, add(WRONG2, seconds=45), "UANA", "role unchanged since december according to IAM")
s.say(c, ROLLBACK_Q, "UJON", "should we roll back customs-filing to 4.17.2? 4.18.0 went out yesterday afternoon")
s.say(c, add(ROLLBACK_Q, seconds=50), "UANA", "it ran fine for 20 hours, not yet")
s.say(c, add(ROLLBACK_Q, seconds=95), "UMEI", "also the new worker pods from the HPA scale-up can't pull their image: 403 on the ECR layer bucket. That's not the broker")
s.say(c, DIAG, "UMEI", "found it: the error text says 'with an explicit deny in a VPC endpoint policy'. vpce-0a3f9c1e (S3 gateway) got the data-perimeter policy at 14:02 - Deny unless aws:ResourceOrgID is our org. Broker's bucket, the TARIC feed and the AWS-owned ECR layer bucket are all outside it")
s.say(c, add(DIAG, seconds=80), "ULEA", "that's ours (platform-security), sorry. Reverting the endpoint policy to the previous version now")
s.say(c, add(REVERT, seconds=14), "ULEA", "reverted, policy back to AllowAll on vpce-0a3f9c1e")
s.say(c, add(MITIGATED, seconds=55), "UANA", "uploads succeeding again, image pulls too. Redriving the DLQ (412 declarations)")
s.say(c, add(MITIGATED, minutes=15), "UANA", "redrive done, 0 failures")
s.say(c, add(RESOLVED, seconds=-40), "UANA", "submit error rate flat for 25 min, resolving. Postmortem tomorrow")
s.say("customer-ops", COMMS, "UKOF", "status page: 'Customs declaration submissions are failing with errors. Our engineers are investigating.' posted")
s.say("customer-ops", add(MITIGATED, minutes=3), "UKOF", "status page updated: submissions working again, queued declarations are being re-sent")
s.write(inc, "slack")

inc.truth(
    "customs-vpce-perimeter", "vpc-endpoint-policy-data-perimeter-denies-external-buckets",
    "A data-perimeter change to the S3 gateway VPC endpoint policy (deny unless aws:ResourceOrgID is our organization) denied\n"
    "customs-filing's uploads to the broker's bucket (and ECR layer pulls); declaration submits failed until the policy was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "S3 gateway endpoint vpce-0a3f9c1e policy gains DenyOutsideOrg (aws:ResourceOrgID)", "vpce-0a3f9c1e.json", 60),
     (STARTED, "first_symptom", "first PutObject AccessDenied 'explicit deny in a VPC endpoint policy'", "filing/worker.log", 60),
     (ALERT, "alert_fired", "DeclarationSubmitFailures firing", "hooks.jsonl", 60),
     (PAGE, "paged", "PagerDuty #5117 triggered", "oncall-export.json", 60),
     (ACK, "acknowledged", "Anaïs acknowledges", "oncall-export.json", 60),
     (COMMS, "communication", "status page: submissions failing", "slack", 90),
     (DIAG, "diagnosis", "Mei: explicit deny in the S3 endpoint's new data-perimeter policy", "slack", 90),
     (REVERT, "mitigation", "endpoint policy reverted to AllowAll", "vpce-0a3f9c1e.json", 60),
     (MITIGATED, "recovery", "broker uploads succeed again, 502s stop", "filing/worker.log", 60),
     (ALERT_OK, "alert_resolved", "DeclarationSubmitFailures resolved", "hooks.jsonl", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "oncall-export.json", 60)],
    [(CRON[-1], "sanctions-list-refresh CronJob fails daily at 14:00 (KubeJobFailed also on Jan 10-12)", "hooks.jsonl"),
     (OTHER_DEPLOY, "tracking-web Argo CD sync by the web team", "slack"),
     (T(D + "13:36:12"), "rates-api sync before the incident", "slack"),
     (T(D + "14:06:00"), "KafkaConsumerGroupLag flapping for analytics", "hooks.jsonl"),
     (N0, "NodeFilesystemAlmostFull on a Jenkins agent", "hooks.jsonl"),
     (WRONG1, "wrong hunch: broker changed their bucket policy", "slack"),
     (WRONG2, "wrong hunch: our IRSA role changed", "slack"),
     (ROLLBACK_Q, "'should we roll back customs-filing to 4.17.2?' question", "slack"),
     (HPA, "HPA scale-up of customs-filing-worker (a consequence, not a mitigation)", "k8s-events.json"),
     (T(D + "14:30:00"), "steady broker ack poll timeouts and hs-codes 504s all window", "filing/worker.log")],
    [("filing/worker.log", "logs"), ("edge/access.log.gz", "logs"), ("vpce-0a3f9c1e.json", "deploys"),
     ("hooks.jsonl", "alertmanager-webhook"), ("k8s-events.json", "kube-events"), ("oncall-export.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
