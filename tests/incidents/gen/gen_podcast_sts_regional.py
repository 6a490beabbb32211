"""retired10/podcast-sts-regional: AWS STS in eu-west-1 fails AssumeRoleWithWebIdentity; upload-api pods lose their IRSA
credentials one by one as each nears expiry, episode uploads fail until Global Accelerator traffic is dialled to eu-central-1."""
import random
from common import *

rng = random.Random(20260402)
inc = Incident("retired10", "podcast-sts-regional")
D = "2026-04-02 "
W0, W1 = T(D + "09:30:00"), T(D + "12:30:00")
STS_BAD = T(D + "10:06:10")          # provider side, not observed directly
STARTED = T(D + "10:06:41")          # first failed credential refresh (advisory period)
PROBE_ALERT = T(D + "10:09:40")      # STSEndpointProbeFailing posted (warning)
PAGE_ALERT = T(D + "10:17:40")
PAGE = T(D + "10:17:42")
ACK = T(D + "10:20:05")
COMMS = T(D + "10:26:30")
WRONG1 = T(D + "10:24:15")
ROLLBACK_Q = T(D + "10:28:50")
HEALTH1 = T(D + "10:31:40")
WRONG2 = T(D + "10:33:05")
DIAG = T(D + "10:36:15")
OTHER_DEPLOY = T(D + "10:38:05")
FEED_DEPLOY = T(D + "10:02:18")
FAILOVER = T(D + "10:44:50")
MITIGATED = T(D + "10:45:40")
ALERT_OK = T(D + "10:51:00")
STS_OK = T(D + "11:20:50")
FAILBACK = T(D + "11:52:30")
RESOLVED = T(D + "12:04:40")
CRON = [T("2026-%s 10:30:%02d" % (d, 11 + i)) for i, d in enumerate(("03-30", "03-31", "04-01", "04-02"))]
ACCOUNT = "730915624481"

def on_primary(t):
    return not (FAILOVER <= add(t, seconds=-45) and t < FAILBACK)

PODS = ["upload-api-7d94c8f6b-%s" % s for s in ("4kq2x", "9ptzr", "bh7wn", "dm3vc", "gx8ls", "k2jrf", "qw5nd", "zt6hb")]
EXPIRY = [T(D + x) for x in ("10:21:41", "10:26:03", "10:31:50", "10:38:12", "10:44:27", "10:49:55", "10:55:30", "11:03:10")]
FRA = ["upload-api-5c7b9d8f4-%s" % s for s in ("a1cx9", "f7kmd", "r4ptq", "w2hzn")]

def pod_state(i, t):
    """ok | advisory | mandatory for pod i of eu-west-1 at t."""
    e = EXPIRY[i]
    if not (STS_BAD <= t < STS_OK):
        return "ok"
    if t >= add(e, minutes=-10):
        return "mandatory"
    if t >= add(e, minutes=-15):
        return "advisory"
    return "ok"

# ---- upload-api, python-json-logger lines from both regions
ul = []
def U(t, level, logger, msg, **kw):
    ul.append((t, jline({"timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00", "level": level, "logger": logger, "message": msg, **kw})))
TB_STS = ("Traceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/botocore/credentials.py\", line 574, in _protected_refresh\n"
          "    metadata = self._refresh_using()\n  File \"/usr/local/lib/python3.12/site-packages/botocore/credentials.py\", line 722, in fetch_credentials\n"
          "    return self._get_cached_credentials()\n  File \"/usr/local/lib/python3.12/site-packages/botocore/utils.py\", line 2651, in _make_api_call\n%s")
STS_ERRS = ["botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: \"https://sts.eu-west-1.amazonaws.com/\"",
            "botocore.exceptions.ClientError: An error occurred (ServiceUnavailable) when calling the AssumeRoleWithWebIdentity operation (reached max retries: 4): Service is unavailable"]
warned = set()
for t in poisson_times(rng, W0, W1, 0.3):
    if on_primary(t):
        i = rng.randrange(len(PODS))
        pod, region = PODS[i], "eu-west-1"
        st = pod_state(i, t)
    else:
        pod, region, st = rng.choice(FRA), "eu-central-1", "ok"
    ep = "pod-%06d" % rng.randint(1, 420000)
    rid = hexid(rng, 12)
    if st == "advisory":
        U(t, "WARNING", "botocore.credentials", "Refreshing temporary credentials failed during advisory refresh period.", pod=pod, region=region,
          error=rng.choice(STS_ERRS))
    if st == "mandatory":
        U(t, "WARNING", "botocore.credentials", "Refreshing temporary credentials failed during mandatory refresh period.", pod=pod, region=region)
        U(add(t, seconds=0.004), "ERROR", "castwave.upload.views", "episode upload failed", pod=pod, region=region, request_id=rid, podcast=ep, status=500,
          exc_info=TB_STS % rng.choice(STS_ERRS))
    else:
        U(t, "INFO", "castwave.upload.views", "episode upload stored", pod=pod, region=region, request_id=rid, podcast=ep, status=201,
          bucket="castwave-media-%s" % region, bytes=rng.randint(8, 190) * 1000000 + rng.randint(0, 999999), ms=rng.randint(900, 9000))
U(STARTED, "WARNING", "botocore.credentials", "Refreshing temporary credentials failed during advisory refresh period.", pod=PODS[0], region="eu-west-1",
  exc_info=TB_STS % STS_ERRS[0])
U(T(D + "10:11:41"), "ERROR", "castwave.upload.views", "episode upload failed", pod=PODS[0], region="eu-west-1", request_id="5b1f0c9e77a2", podcast="pod-118204",
  status=500, exc_info=TB_STS % STS_ERRS[1])
for t in poisson_times(rng, W0, W1, 1 / 90.0):  # benign all window: clients that abort uploads
    U(t, "WARNING", "castwave.upload.views", "client disconnected during multipart upload", pod=rng.choice(PODS if on_primary(t) else FRA),
      region="eu-west-1" if on_primary(t) else "eu-central-1", podcast="pod-%06d" % rng.randint(1, 420000), received_bytes=rng.randint(10**5, 10**8))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    U(t, "ERROR", "castwave.upload.rss", "RSS import fetch failed", pod=rng.choice(PODS), region="eu-west-1",
      url="http://feeds.%s.example/podcast.xml" % rng.choice(["oldhost", "blogcast", "radiofm"]), error="ReadTimeout(HTTPConnectionPool read timeout=10)")
for i, pod in enumerate(PODS):  # credentials refreshed again after STS recovers
    U(add(STS_OK, seconds=20 + i * 13), "INFO", "castwave.upload.health", "credential refresh ok", pod=pod, region="eu-west-1", expires_in_s=3599)
inc.lines("upload-api.jsonl", [l for _, l in sorted(ul, key=lambda x: x[0])])

# ---- Prometheus query_range (30 s)
def probe_ew1(t):
    if add(STS_BAD, seconds=20) <= t < STS_OK:
        return 1 if rng.random() < 0.08 else 0
    return 1
def share_bad(t):
    n = sum(1 for i in range(len(PODS)) if pod_state(i, t) == "mandatory")
    return n / len(PODS)
def r5xx(region):
    def f(t):
        base = 0.0015 + 0.001 * ((int(epoch(t)) // 30) % 3)
        if region == "eu-west-1":
            if not on_primary(t):
                return None
            return round(base + share_bad(t) * 0.97, 4)
        return None if on_primary(t) else round(base, 4)
    return f
def reqs(region):
    def f(t):
        v = 62 + 6 * ((int(epoch(t)) // 60) % 4)
        if region == "eu-west-1":
            return v if on_primary(t) else 0
        return 0 if on_primary(t) else v
    return f
inc.json("q-edge.json", query_range(
    [({"__name__": "probe_success", "instance": "https://sts.eu-west-1.amazonaws.com/", "job": "blackbox-aws", "module": "https_reachability"}, probe_ew1),
     ({"__name__": "probe_success", "instance": "https://sts.eu-central-1.amazonaws.com/", "job": "blackbox-aws", "module": "https_reachability"}, lambda t: 1),
     ({"__name__": "edge:upload_5xx:ratio_rate1m", "region": "eu-west-1", "service": "upload-api"}, r5xx("eu-west-1")),
     ({"__name__": "edge:upload_5xx:ratio_rate1m", "region": "eu-central-1", "service": "upload-api"}, r5xx("eu-central-1")),
     ({"__name__": "edge:upload_requests:rate1m", "region": "eu-west-1", "service": "upload-api"}, reqs("eu-west-1")),
     ({"__name__": "edge:upload_requests:rate1m", "region": "eu-central-1", "service": "upload-api"}, reqs("eu-central-1"))],
    W0, W1, 30), indent=None)

# ---- CloudTrail lookup-events (us-west-2, where Global Accelerator's API lives)
EG = {"eu-west-1": "arn:aws:globalaccelerator::%s:accelerator/6c1f7e2a-93b4-4d1e-b0a8-2f5c9d7e1a34/listener/a1b2c3d4/endpoint-group/e0f1a2b3c4d5" % ACCOUNT,
      "eu-central-1": "arn:aws:globalaccelerator::%s:accelerator/6c1f7e2a-93b4-4d1e-b0a8-2f5c9d7e1a34/listener/a1b2c3d4/endpoint-group/f9e8d7c6b5a4" % ACCOUNT}
evs = []
def CT(t, name, user, ro, req, resp=None, role="platform-oncall"):
    eid = uuid("ct" + name + iso(t))
    rec = {"eventVersion": "1.10", "userIdentity": {"type": "AssumedRole", "principalId": "AROA2X7Q3J5K9EXAMPLE:%s" % user,
           "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (ACCOUNT, role, user), "accountId": ACCOUNT,
           "sessionContext": {"sessionIssuer": {"type": "Role", "userName": role, "arn": "arn:aws:iam::%s:role/%s" % (ACCOUNT, role)},
                              "attributes": {"creationDate": iso(add(t, minutes=-12)), "mfaAuthenticated": "false"}}},
           "eventTime": iso(t), "eventSource": "globalaccelerator.amazonaws.com", "eventName": name, "awsRegion": "us-west-2",
           "sourceIPAddress": "%d.%d.%d.%d" % (rng.choice([52, 54, 3]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
           "userAgent": "aws-cli/2.27.14 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/python#3.13.3 cfg/retry-mode#standard" if role == "platform-oncall" else "Grafana/11.6.0 aws-sdk-go/1.55.6",
           "requestParameters": req, "responseElements": resp, "requestID": uuid("rq" + eid), "eventID": eid, "readOnly": ro,
           "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": ACCOUNT, "eventCategory": "Management"}
    evs.append({"EventId": eid, "EventName": name, "ReadOnly": "true" if ro else "false", "AccessKeyId": "ASIA2X7Q3J5K%s" % hexid(rng, 8).upper(),
                "EventTime": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "EventSource": "globalaccelerator.amazonaws.com", "Username": user,
                "Resources": [{"ResourceType": "AWS::GlobalAccelerator::EndpointGroup", "ResourceName": req.get("endpointGroupArn", EG["eu-west-1"])}],
                "CloudTrailEvent": json.dumps(rec, separators=(",", ":"))})
for t in frange(T(D + "09:31:12"), W1, 600):
    CT(add(t, seconds=rng.randint(0, 40)), "DescribeEndpointGroup", "grafana-cloudwatch", True, {"endpointGroupArn": EG["eu-west-1"]}, role="grafana-readonly")
CT(FAILOVER, "UpdateEndpointGroup", "tomas.novak", False, {"endpointGroupArn": EG["eu-west-1"], "trafficDialPercentage": 0.0},
   {"endpointGroup": {"endpointGroupArn": EG["eu-west-1"], "endpointGroupRegion": "eu-west-1", "trafficDialPercentage": 0.0, "healthCheckPort": 443}})
CT(add(FAILOVER, minutes=-1, seconds=-12), "DescribeEndpointGroup", "tomas.novak", True, {"endpointGroupArn": EG["eu-central-1"]})
CT(FAILBACK, "UpdateEndpointGroup", "tomas.novak", False, {"endpointGroupArn": EG["eu-west-1"], "trafficDialPercentage": 100.0},
   {"endpointGroup": {"endpointGroupArn": EG["eu-west-1"], "endpointGroupRegion": "eu-west-1", "trafficDialPercentage": 100.0, "healthCheckPort": 443}})
evs.sort(key=lambda e: e["EventTime"], reverse=True)
inc.json("trail-usw2.json", {"Events": evs}, indent=4)

# ---- kube events (events.k8s.io/v1), cluster prod-euw1
k = Kube(rng)
PV = "pvc-3f1e9a7c-52d4-4b0e-9c61-7a2e8d4f0b19"
k.ev(T(D + "10:12:31"), "search", "Pod", "episode-index-2", "Scheduled", "Successfully assigned search/episode-index-2 to ip-10-60-33-141.eu-west-1.compute.internal", component="default-scheduler")
k.ev(T(D + "11:21:58"), "search", "Pod", "episode-index-2", "FailedAttachVolume",
     'AttachVolume.Attach failed for volume "%s" : rpc error: code = Internal desc = Could not attach volume "vol-0c4e71a9b25d83f60" to node "i-0a7d2c91e4b5f3860": '
     'WebIdentityErr: failed to retrieve credentials\ncaused by: ServiceUnavailable: Service is unavailable\n\tstatus code: 503, request id: %s' % (PV, uuid("rq-attach")),
     type_="Warning", component="attachdetach-controller", count=31, first=T(D + "10:12:44"))
k.ev(T(D + "11:23:07"), "search", "Pod", "episode-index-2", "SuccessfulAttachVolume", 'AttachVolume.Attach succeeded for volume "%s"' % PV, component="attachdetach-controller")
k.ev(T(D + "11:23:40"), "search", "Pod", "episode-index-2", "Started", "Started container indexer", host="ip-10-60-33-141.eu-west-1.compute.internal")
k.ev(add(CRON[-1], seconds=4), "charts", "Job", "chart-rankings-29583030", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(add(OTHER_DEPLOY, seconds=-50), "web", "Deployment", "web-player", "ScalingReplicaSet", "Scaled up replica set web-player-84c6f9d7b to 3 from 0", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=-2), "web", "Deployment", "web-player", "ScalingReplicaSet", "Scaled down replica set web-player-6f5d4c3b2 to 0 from 3", component="deployment-controller")
k.ev(add(FEED_DEPLOY, seconds=-40), "feeds", "Deployment", "feed-builder", "ScalingReplicaSet", "Scaled up replica set feed-builder-7c8b6a5d4 to 4 from 0", component="deployment-controller")
for t in frange(T(D + "09:40:00"), W1, 900):
    k.ev(t, "ads", "Pod", "ad-decision-5b7c9d-xk2pq", "Unhealthy", 'Liveness probe failed: Get "http://10.60.17.88:9000/healthz": context deadline exceeded',
         type_="Warning", host="ip-10-60-17-88.eu-west-1.compute.internal", count=100 + t.hour * 4 + t.minute // 15, first=T(D + "03:12:09"))
inc.json("events.json", k.v1_list())

# ---- PagerDuty v2 webhook deliveries
TITLE = "UploadApiErrorRate: upload-api 5xx ratio above 5% (eu-west-1)"
pd = PD(20931, TITLE, "upload-api", "PUPL9X2", esc_policy="Creator Platform")
tomas = PD.user("Tomáš Novák", "PTOM3N8")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager eu"}, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", tomas, {"type": "mobile"}, "Acknowledged by Tomáš Novák.", user=tomas)
pd.add(add(FAILOVER, minutes=2), "annotate_log_entry", tomas, {"type": "web_ui", "summary": "STS eu-west-1 outage (AWS Health). Traffic dialled to eu-central-1."}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", tomas, {"type": "web_ui"}, "Resolved by Tomáš Novák.", user=tomas)
inc.json("pd-hooks.json", pd_webhook_v2_bodies(pd, 20931, TITLE, PAGE))

# ---- Slack
s = Slack()
for u, n, r in [("UTOM", "tomas", "Tomáš Novák"), ("UAOI", "aoife", "Aoife Byrne"), ("URAV", "ravi", "Ravi Iyer"), ("UCAR", "carla", "Carla Duarte"), ("USVE", "sven", "Sven Lund")]:
    s.user(u, n, r, "Europe/Dublin")
s.user("BAM", "alertmanager", "Alertmanager", bot=True)
s.user("BAWS", "aws", "AWS Chatbot", bot=True)
s.user("BDEP", "spinnaker", "Spinnaker", bot=True)
for cid, n in [("CPLA", "platform-alerts"), ("CINC", "inc-upload-errors"), ("CDEP", "deploys"), ("CAWS", "aws-health"), ("CSUP", "support")]:
    s.channel(cid, n)
def AMP(t, status, name, text, color=None):
    s.bot("platform-alerts", t, "BAM", "alertmanager", attachments=am_slack_attachment(status, name, text, color=color))
for c in CRON:
    AMP(add(c, minutes=3), "firing", "KubeJobFailed", "Job charts/chart-rankings failed to complete (charts API answered 403)", color="warning")
AMP(PROBE_ALERT, "firing", "STSEndpointProbeFailing", "blackbox probe of https://sts.eu-west-1.amazonaws.com/ failing for 3m (https_reachability)", color="warning")
AMP(PAGE_ALERT, "firing", "UploadApiErrorRate", "upload-api 5xx ratio above 5% (eu-west-1): 12.4%")
AMP(add(ALERT_OK, seconds=10), "resolved", "UploadApiErrorRate", "upload-api 5xx ratio above 5% (eu-west-1)")
AMP(add(STS_OK, seconds=70), "resolved", "STSEndpointProbeFailing", "blackbox probe of https://sts.eu-west-1.amazonaws.com/")
for a, b in [("09:48:10", "09:53:40"), ("10:04:30", "10:09:00"), ("10:55:20", "11:02:50"), ("11:40:00", "11:44:30")]:
    AMP(T(D + a), "firing", "RedisMemoryHigh", "ads-redis-0 memory usage above 90%", color="warning")
    AMP(T(D + b), "resolved", "RedisMemoryHigh", "ads-redis-0 memory usage above 90%")
s.bot("deploys", FEED_DEPLOY, "BDEP", "spinnaker", blocks=pd_slack_blocks("*feed-builder* pipeline `deploy-prod` SUCCEEDED - image 2026.04.02-1 (by ines.carvalho)"))
s.bot("deploys", OTHER_DEPLOY, "BDEP", "spinnaker", blocks=pd_slack_blocks("*web-player* pipeline `deploy-prod` SUCCEEDED - image 3.88.0 (by jun.park)"))
s.bot("aws-health", HEALTH1, "BAWS", "aws", blocks=pd_slack_blocks("*AWS Health Event* | eu-west-1 | STS | Operational issue\n*Increased Error Rates*\nWe are investigating increased error rates and latencies for AssumeRole and AssumeRoleWithWebIdentity API calls in the EU-WEST-1 Region."))
s.bot("aws-health", T(D + "11:06:12"), "BAWS", "aws", blocks=pd_slack_blocks("*AWS Health Event* | eu-west-1 | STS | Operational issue\nWe have identified the cause of the increased error rates for STS API calls in the EU-WEST-1 Region and are working towards recovery. Existing credentials are not affected until they expire."))
s.bot("aws-health", T(D + "11:29:45"), "BAWS", "aws", blocks=pd_slack_blocks("*AWS Health Event* | eu-west-1 | STS | Resolved\nBetween 10:05 and 11:20 UTC we experienced increased error rates for STS API calls in the EU-WEST-1 Region. The issue has been resolved and the service is operating normally."))
c = "inc-upload-errors"
s.say(c, add(ACK, seconds=35), "UTOM", "acked. upload-api in eu-west-1 throwing 500s, 2 of 8 pods so far. botocore can't refresh credentials")
s.say(c, WRONG1, "URAV", "the pod identity webhook got upgraded with the EKS add-ons yesterday, maybe tokens are broken?")
s.say(c, add(WRONG1, seconds=60), "UTOM", "token files are mounted and fresh on the failing pods")
s.say(c, ROLLBACK_Q, "UCAR", "feed-builder deployed at 10:02, should we roll that back?")
s.say(c, add(ROLLBACK_Q, seconds=40), "UTOM", "feed-builder doesn't talk to upload-api, leave it")
s.say(c, WRONG2, "USVE", "did somebody rotate the OIDC provider thumbprint? that bit us in 2024")
s.say(c, DIAG, "UTOM", "it's STS itself: every AssumeRoleWithWebIdentity to sts.eu-west-1 times out or 503s (our probe has been red since 10:06, AWS Health confirms). Pods break one by one as their IRSA creds enter the last 10 minutes. Nothing to fix on our side - failing over to eu-central-1")
s.say(c, add(DIAG, seconds=95), "UAOI", "eu-central-1 upload-api is at 4 pods, HPA will scale; ok to dial")
s.say(c, add(FAILOVER, seconds=18), "UTOM", "GA traffic dial for eu-west-1 set to 0, eu-central-1 taking uploads")
s.say(c, add(MITIGATED, seconds=70), "UAOI", "5xx gone, uploads landing in castwave-media-eu-central-1, replication will copy them back")
s.say(c, add(STS_OK, minutes=9), "UTOM", "AWS says resolved, our probe green since 11:21. all euw1 pods refreshed creds. failing back at 11:50")
s.say(c, add(FAILBACK, seconds=25), "UTOM", "dial back to 100 on eu-west-1")
s.say(c, add(RESOLVED, seconds=-50), "UTOM", "stable on eu-west-1 for 10 min, resolving")
s.say("support", COMMS, "UCAR", "status page: 'Episode uploads failing for some creators in Europe - investigating' is live")
s.say("support", add(MITIGATED, minutes=4), "UCAR", "status page: uploads working again, monitoring")
s.write(inc, "slack")

inc.truth(
    "podcast-sts-regional", "cloud-regional-sts-outage-irsa-credential-expiry-region-failover",
    "AWS STS in eu-west-1 failed AssumeRoleWithWebIdentity; upload-api pods failed their IRSA credential refresh (probe red, warnings)\n"
    "and then, one by one as their credentials neared expiry, episode uploads; fixed by dialling Global Accelerator to eu-central-1.",
    (W0, W1),
    dict(started=STARTED, detected=PROBE_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first 'Refreshing temporary credentials failed during advisory refresh period' (STS timeouts)", "upload-api.jsonl", 60),
     (PROBE_ALERT, "alert_fired", "STSEndpointProbeFailing (warning) for sts.eu-west-1", "slack", 60),
     (PAGE_ALERT, "alert_fired", "UploadApiErrorRate firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #20931 triggered", "pd-hooks.json", 60),
     (ACK, "acknowledged", "Tomáš acknowledges", "pd-hooks.json", 60),
     (COMMS, "communication", "status page: uploads failing for some creators", "slack", 90),
     (DIAG, "diagnosis", "Tomáš: STS eu-west-1 failing, IRSA creds expiring pod by pod", "slack", 90),
     (FAILOVER, "mitigation", "Global Accelerator traffic dial for eu-west-1 set to 0", "trail-usw2.json", 60),
     (MITIGATED, "recovery", "upload 5xx stop, eu-central-1 takes uploads", "upload-api.jsonl", 60),
     (ALERT_OK, "alert_resolved", "UploadApiErrorRate resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-hooks.json", 60)],
    [(CRON[-1], "chart-rankings job fails daily at 10:30 (also Mar 30 - Apr 1)", "slack"),
     (FEED_DEPLOY, "feed-builder deploy by the feeds team just before the first symptom", "slack"),
     (OTHER_DEPLOY, "web-player deploy by the web team", "slack"),
     (T(D + "10:04:30"), "RedisMemoryHigh flapping for the ads team", "slack"),
     (T(D + "10:15:00"), "ad-decision liveness probe failures all day", "events.json"),
     (WRONG1, "wrong hunch: pod identity webhook upgrade", "slack"),
     (WRONG2, "wrong hunch: OIDC thumbprint rotated", "slack"),
     (ROLLBACK_Q, "'should we roll that back?' about feed-builder", "slack"),
     (T(D + "10:40:00"), "steady client-disconnect warnings and RSS import timeouts all window", "upload-api.jsonl"),
     (T(D + "10:41:12"), "read-only DescribeEndpointGroup calls by Grafana every 10 minutes", "trail-usw2.json")],
    [("upload-api.jsonl", "logs"), ("q-edge.json", "prometheus-query-range"), ("trail-usw2.json", "deploys"), ("events.json", "kube-events"),
     ("pd-hooks.json", "pagerduty-log-entries"), ("slack", "slack-export")])
