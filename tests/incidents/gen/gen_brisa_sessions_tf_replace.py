"""train14/brisa-sessions-tf-replace: a Terraform apply turns on transit encryption, which forces replacement of the sessions Redis replication group; sessions fail until clients speak TLS."""
import json
import random
from common import *

rng = random.Random(20261117)
inc = Incident("train14", "brisa-sessions-tf-replace")
LTZ = "America/Sao_Paulo"
D = "2026-11-17 "
W0, W1 = T(D + "12:30:00"), T(D + "15:00:00")
CRON = [T("2026-11-%02d 13:00:%02d" % (d, 4 + d)) for d in (14, 15, 16, 17)]
APPLY = T(D + "13:02:11")
DELETE = T(D + "13:02:24")
STARTED = T(D + "13:02:58")
DNS_GONE = T(D + "13:05:40")
WARN = T(D + "13:05:30")
PAGE_ALERT = T(D + "13:07:10")
PAGE = T(D + "13:07:11")
CREATE = T(D + "13:09:51")
OTHER_ROLL = T(D + "13:12:30")
WRONG = T(D + "13:16:00")
STATUS = T(D + "13:19:30")
OTHER_CT = T(D + "13:20:05")
AVAILABLE = T(D + "13:21:30")
ESCALATE = T(D + "13:22:11")
ACK = T(D + "13:24:40")
ROLLBACK_Q = T(D + "13:27:00")
DIAG = T(D + "13:29:20")
FALLBACK = T(D + "13:31:00")
FIX = T(D + "13:38:40")
MITIGATED = T(D + "13:40:05")
PAGE_OK = T(D + "13:44:30")
WARN_OK = T(D + "13:46:00")
FALLBACK_OFF = T(D + "13:52:00")
RESOLVED = T(D + "14:30:00")
EP = "sessions-prod.x7k2pq.ng.0001.sae1.cache.amazonaws.com"

def store_err(t):
    if STARTED <= t < DNS_GONE:
        return "Error 111 connecting to %s:6379. Connection refused." % EP
    if DNS_GONE <= t < AVAILABLE:
        return "Error -2 connecting to %s:6379. Name or service not known." % EP
    if AVAILABLE <= t < MITIGATED:
        return "Connection closed by server."
    return None

# ---- sessions-api: Python logging, local time without offset (America/Sao_Paulo), with tracebacks
sl = []
PODS = ["sessions-api-7d4b9c6f58-%s" % x for x in ("2xkqp", "8fj3w", "lm9tz", "v5nrd")]
def P(t, lvl, name, msg, extra=()):
    lt = local(t, LTZ)
    sl.append((t, "\n".join(["%s,%03d %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, name, msg)] + list(extra))))
TB = ["Traceback (most recent call last):",
      '  File "/app/sessions/store.py", line 88, in get',
      "    raw = self._r.get(self._key(sid))",
      '  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 1829, in get',
      '    return self.execute_command("GET", name, keys=[name])',
      '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 363, in connect',
      "    raise ConnectionError(self._error_message(e))"]
def err_line(t, e, route):
    if route == "login":
        P(t, "ERROR", "sessions.api", "POST /v1/auth/login failed: redis.exceptions.ConnectionError: %s" % e, TB + ["redis.exceptions.ConnectionError: %s" % e] if rng.random() < 0.25 else ())
    elif FALLBACK <= t < FIX and rng.random() < 0.9:
        P(t, "WARNING", "sessions.fallback", "session store unavailable, accepted JWT-only for sub=u_%d" % rng.randint(10**6, 10**7))
    else:
        P(t, "ERROR", "sessions.store", "validate sid=%s failed: redis.exceptions.ConnectionError: %s" % (hexid(rng, 12), e))
P(STARTED, "ERROR", "sessions.store", "validate sid=%s failed: redis.exceptions.ConnectionError: %s" % (hexid(rng, 12), store_err(STARTED)), TB + ["redis.exceptions.ConnectionError: %s" % store_err(STARTED)])
for t in poisson_times(rng, W0, W1, 0.3):
    route = "login" if rng.random() < 0.25 else "validate"
    e = store_err(t)
    if e:
        err_line(t, e, route)
    elif route == "login":
        P(t, "INFO", "sessions.api", "login ok user=u_%d method=%s" % (rng.randint(10**6, 10**7), rng.choice(["password", "google", "apple", "otp"])))
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    P(t, "WARNING", "sessions.api", "refresh rejected: token expired sid=%s age_h=%d" % (hexid(rng, 12), rng.randint(721, 2000)))
for t in poisson_times(rng, W0, STARTED, 1 / 600.0):
    P(t, "WARNING", "sessions.store", "slow redis command GET took %dms" % rng.randint(52, 140))
P(FALLBACK, "INFO", "sessions.config", "feature toggle session_fallback changed: off -> jwt_only (source=unleash, project=auth)")
P(FALLBACK_OFF, "INFO", "sessions.config", "feature toggle session_fallback changed: jwt_only -> off (source=unleash, project=auth)")
for i in range(4):
    P(add(FIX, seconds=14 + 21 * i), "INFO", "sessions.store", "connected to rediss://master.sessions-prod.x7k2pq.sae1.cache.amazonaws.com:6379/0 (TLS, TLSv1.3)")
c = CRON[-1]
inc.lines("app/sessions-api.log", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- envoy edge access log (default format, UTC), gzipped
el = []
UAS = ["BrisaApp/6.4.1 (Android 15; SM-A556E)", "BrisaApp/6.4.1 (iOS 19.1; iPhone15,2)", "BrisaApp/6.3.9 (Android 14; moto g84)",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/148.0.0.0 Safari/537.36"]
UP = {"sessions": ["10.20.3.14:8080", "10.20.5.27:8080", "10.20.1.9:8080", "10.20.4.33:8080"], "cart": ["10.20.2.40:8080", "10.20.6.12:8080"],
      "catalog": ["10.20.1.51:8080", "10.20.3.61:8080"]}
def E(t, method, path, code, flags, details, up, rx, tx, dur, ust="-"):
    ip = "%d.%d.%d.%d" % (rng.choice([177, 179, 187, 189, 191, 200, 201]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    el.append((t, '[%s] "%s %s HTTP/1.1" %d %s %s - "-" %d %d %d %s "%s" "%s" "%s" "api.brisa.com.br" "%s"' % (
        iso(t, ms=True), method, path, code, flags, details, rx, tx, dur, ust, ip, rng.choice(UAS), uuid("r%f" % epoch(t)), up)))
for t in poisson_times(rng, W0, W1, 0.5):
    r = rng.random()
    e = store_err(t)
    if r < 0.15:
        if e:
            d = rng.randint(2, 30) if "refused" in e or "closed" in e else rng.randint(5, 60)
            E(t, "POST", "/v1/auth/login", 500, "-", "via_upstream", rng.choice(UP["sessions"]), 96, 112, d, str(d - 1))
        else:
            code = 200 if rng.random() > 0.04 else 401
            E(t, "POST", "/v1/auth/login", code, "-", "via_upstream", rng.choice(UP["sessions"]), 96, 640 if code == 200 else 88, rng.randint(40, 180), str(rng.randint(38, 170)))
    elif r < 0.7:
        path = rng.choice(["/v1/me", "/v1/cart", "/v1/orders?limit=20", "/v1/cart/items"])
        svc = "cart"
        if e and not (FALLBACK <= t < FIX and rng.random() < 0.9):
            E(t, "GET", path, 403, "UAEX", "ext_authz_denied", "-", 0, 0, rng.randint(3, 40))
        else:
            E(t, "GET", path, 200, "-", "via_upstream", rng.choice(UP[svc]), 0, rng.randint(400, 9000), rng.randint(8, 90), str(rng.randint(6, 85)))
    else:
        code = 200 if rng.random() > 0.01 else 504
        E(t, "GET", rng.choice(["/v1/catalog/home", "/v1/catalog/search?q=tenis", "/v1/catalog/products/88123"]), code, "-" if code == 200 else "UT",
          "via_upstream" if code == 200 else "upstream_response_timeout", rng.choice(UP["catalog"]), 0, rng.randint(2000, 40000) if code == 200 else 24, rng.randint(10, 200) if code == 200 else 15000,
          str(rng.randint(9, 190)) if code == 200 else "-")
for t in poisson_times(rng, W0, W1, 1 / 25.0):
    E(t, "POST", "/v1/auth/refresh", 401, "-", "via_upstream", rng.choice(UP["sessions"]), 220, 61, rng.randint(4, 20), str(rng.randint(3, 18)))
E(add(STARTED, seconds=0.2), "GET", "/v1/cart", 403, "UAEX", "ext_authz_denied", "-", 0, 0, 31)
inc.lines("edge/envoy-access.log.gz", [l for _, l in sorted(el, key=lambda x: x[0])])

# ---- CloudTrail lookup-events (aws cloudtrail lookup-events --output json), filed as the change record
ev = []
def CT(t, name, source, user, rtype, rname, params, role, extra_resp=None):
    eid = uuid("ct" + name + iso(t))
    rec = {"eventVersion": "1.10", "userIdentity": {"type": "AssumedRole", "principalId": "AROA4XQ7EXAMPLE:%s" % user,
           "arn": "arn:aws:sts::418273645501:assumed-role/%s/%s" % (role, user), "accountId": "418273645501",
           "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::418273645501:role/%s" % role, "userName": role}}},
           "eventTime": iso(t), "eventSource": source, "eventName": name, "awsRegion": "sa-east-1",
           "sourceIPAddress": "10.20.0.%d" % rng.randint(5, 250), "userAgent": "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.78.0" if role == "atlantis" else "aws-cli/2.22.4 md/Botocore#1.35.70",
           "requestParameters": params, "responseElements": extra_resp, "requestID": uuid("req" + eid), "eventID": eid,
           "readOnly": False, "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": "418273645501", "eventCategory": "Management"}
    ev.append({"EventId": eid, "EventName": name, "ReadOnly": "false", "AccessKeyId": "ASIA4XQ7" + uid(eid, 12).upper(),
               "EventTime": iso(t).replace("Z", "+00:00"), "EventSource": source, "Username": user,
               "Resources": [{"ResourceType": rtype, "ResourceName": rname}], "CloudTrailEvent": json.dumps(rec, separators=(",", ":"))})
CT(T(D + "12:48:37"), "UpdateFunctionConfiguration20150331v2", "lambda.amazonaws.com", "joana.ribeiro", "AWS::Lambda::Function", "pix-webhook-relay",
   {"functionName": "pix-webhook-relay", "timeout": 30}, "payments-deployer")
CT(DELETE, "DeleteReplicationGroup", "elasticache.amazonaws.com", "atlantis-pr-877", "AWS::ElastiCache::ReplicationGroup", "sessions-prod",
   {"replicationGroupId": "sessions-prod", "retainPrimaryCluster": False}, "atlantis",
   {"replicationGroupId": "sessions-prod", "status": "deleting", "description": "sessions store (managed by terraform)"})
CT(CREATE, "CreateReplicationGroup", "elasticache.amazonaws.com", "atlantis-pr-877", "AWS::ElastiCache::ReplicationGroup", "sessions-prod",
   {"replicationGroupId": "sessions-prod", "replicationGroupDescription": "sessions store (managed by terraform)", "numCacheClusters": 2,
    "automaticFailoverEnabled": True, "cacheNodeType": "cache.r7g.large", "engine": "redis", "engineVersion": "7.1",
    "cacheSubnetGroupName": "sessions-prod", "securityGroupIds": ["sg-0b3f1e9a72c4d5e61"], "port": 6379,
    "transitEncryptionEnabled": True, "transitEncryptionMode": "required", "atRestEncryptionEnabled": True}, "atlantis",
   {"replicationGroupId": "sessions-prod", "status": "creating", "transitEncryptionEnabled": True})
CT(T(D + "13:02:19"), "CreateTags", "ec2.amazonaws.com", "atlantis-pr-877", "AWS::EC2::SecurityGroup", "sg-0b3f1e9a72c4d5e61",
   {"resourcesSet": {"items": [{"resourceId": "sg-0b3f1e9a72c4d5e61"}]}, "tagSet": {"items": [{"key": "terraform-pr", "value": "877"}]}}, "atlantis")
CT(OTHER_CT, "ModifyDBInstance", "rds.amazonaws.com", "marina.alves", "AWS::RDS::DBInstance", "analytics-replica-1",
   {"dBInstanceIdentifier": "analytics-replica-1", "dBInstanceClass": "db.r7g.2xlarge", "applyImmediately": True}, "data-admin")
CT(T(D + "14:12:40"), "PutMetricAlarm", "monitoring.amazonaws.com", "atlantis-pr-881", "AWS::CloudWatch::Alarm", "sessions-prod-cpu",
   {"alarmName": "sessions-prod-cpu", "threshold": 80.0}, "atlantis")
ev.sort(key=lambda e: e["EventTime"], reverse=True)
inc.json("aws/lookup-events-sa-east-1.json", {"Events": ev}, indent=4)

# ---- alertmanager webhook archive, back to the 14th
hk = []
def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts, external="https://alertmanager.prod.brisa.internal"))))
for c in CRON:
    lab = {"severity": "warning", "team": "growth", "namespace": "marketing", "job_name": "marketing-csv-export-%d" % (int(epoch(c)) // 60)}
    a0 = add(c, minutes=3)
    H(add(a0, seconds=30), "slack-growth", [am_alert("KubeJobFailed", lab, "Job marketing/marketing-csv-export failed to complete", a0)])
    H(add(a0, minutes=46), "slack-growth", [am_alert("KubeJobFailed", lab, "Job marketing/marketing-csv-export failed to complete", a0, ends=add(a0, minutes=45))])
rl = {"severity": "warning", "team": "data", "dbinstance": "analytics-replica-1"}
for a, b in [("12:36:40", "12:44:10"), ("13:11:40", "13:15:10"), ("13:57:10", "14:03:40"), ("14:36:40", "14:41:10")]:
    s0 = T(D + a)
    H(add(s0, seconds=25), "slack-data", [am_alert("RDSReplicaLagHigh", rl, "analytics-replica-1 replica lag > 300s", s0)])
    H(add(T(D + b), seconds=25), "slack-data", [am_alert("RDSReplicaLagHigh", rl, "analytics-replica-1 replica lag > 300s", s0, ends=T(D + b))])
wl = {"severity": "warning", "team": "auth", "service": "sessions-api"}
H(add(WARN, seconds=20), "slack-auth", [am_alert("SessionsApiErrorRate", wl, "sessions-api error ratio 62% over 2m", WARN)])
H(add(WARN_OK, seconds=20), "slack-auth", [am_alert("SessionsApiErrorRate", wl, "sessions-api error ratio", WARN, ends=WARN_OK)])
pl = {"severity": "page", "team": "auth", "route": "/v1/auth/login"}
H(add(PAGE_ALERT, seconds=1), "pagerduty-auth", [am_alert("AuthLoginFailureRatio", pl, "login failure ratio 97% for 3m", PAGE_ALERT,
                                                          desc="sum(rate(envoy 5xx on /v1/auth/login)) / sum(rate(all)) > 0.2")])
H(add(PAGE_OK, seconds=1), "pagerduty-auth", [am_alert("AuthLoginFailureRatio", pl, "login failure ratio", PAGE_ALERT, ends=PAGE_OK)])
ml = {"severity": "warning", "team": "catalog", "service": "catalog-api"}
H(T(D + "13:19:05"), "slack-catalog", [am_alert("CatalogApiP99High", ml, "catalog-api p99 1.8s", T(D + "13:18:35"))])
H(T(D + "13:27:05"), "slack-catalog", [am_alert("CatalogApiP99High", ml, "catalog-api p99 1.8s", T(D + "13:18:35"), ends=T(D + "13:26:35"))])
inc.lines("alerting/webhook-archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- kube events
k = Kube(rng)
NEWPODS = ["sessions-api-5f8c2d7b96-%s" % x for x in ("4hxqz", "9kd2m", "cw7pn", "t2vbr")]
k.ev(FIX, "auth", "Deployment", "sessions-api", "ScalingReplicaSet", "Scaled up replica set sessions-api-5f8c2d7b96 to 1", component="deployment-controller")
for i, p in enumerate(NEWPODS):
    t0 = add(FIX, seconds=1 + 21 * i)
    k.pod_start(t0, "auth", p, "ip-10-20-%d-%d.sa-east-1.compute.internal" % (rng.randint(1, 6), rng.randint(10, 250)),
                "418273645501.dkr.ecr.sa-east-1.amazonaws.com/sessions-api:3.12.4", "sessions-api")
    k.ev(add(t0, seconds=12), "auth", "Pod", PODS[i], "Killing", "Stopping container sessions-api", host="ip-10-20-3-88.sa-east-1.compute.internal")
k.ev(add(FIX, seconds=76), "auth", "Deployment", "sessions-api", "ScalingReplicaSet", "Scaled down replica set sessions-api-7d4b9c6f58 to 0 from 1", component="deployment-controller")
for i, x in enumerate(("b8rwl", "k3fzq", "s9vnd")):
    k.pod_start(add(OTHER_ROLL, seconds=2 + 40 * i), "catalog", "catalog-api-66d9b7f4c-%s" % x, "ip-10-20-1-%d.sa-east-1.compute.internal" % (40 + i),
                "418273645501.dkr.ecr.sa-east-1.amazonaws.com/catalog-api:8.3.0", "catalog-api")
k.ev(OTHER_ROLL, "catalog", "Deployment", "catalog-api", "ScalingReplicaSet", "Scaled up replica set catalog-api-66d9b7f4c to 1", component="deployment-controller")
job = "marketing-csv-export-%d" % (int(epoch(CRON[-1])) // 60)
k.ev(add(CRON[-1], seconds=-4), "marketing", "Job", job, "SuccessfulCreate", "Created pod: %s-q7m2x" % job, component="job-controller")
k.ev(add(CRON[-1], seconds=110), "marketing", "Pod", job + "-q7m2x", "BackOff", "Back-off restarting failed container export in pod %s-q7m2x_marketing" % job, type_="Warning", host="ip-10-20-6-19.sa-east-1.compute.internal", count=3, first=add(CRON[-1], seconds=50))
k.ev(add(CRON[-1], seconds=170), "marketing", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
for t in frange(add(W0, minutes=4), W1, 600):
    k.ev(t, "auth", "Pod", rng.choice(PODS), "Unhealthy", "Readiness probe failed: Get \"http://10.20.3.14:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", type_="Warning", host="ip-10-20-3-88.sa-east-1.compute.internal")
inc.json("k8s/events.json", k.v1_list())

# ---- pagerduty log entries
pd = PD(9182, "AuthLoginFailureRatio login failure ratio 97% for 3m", "auth-sessions", "PAUTH5S", "Auth Primary")
rafael = PD.user("Rafael Souza", "PRAFAEL")
camila = PD.user("Camila Torres", "PCAMILA")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMBR01", "summary": "Alertmanager prod"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Rafael Souza by push notification.", user=rafael,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, minutes=5, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Rafael Souza by phone.", user=rafael,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(add(PAGE, minutes=10, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Rafael Souza by phone.", user=rafael,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Auth Primary"})
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Camila Torres by phone.", user=camila,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", camila, {"type": "phone"}, "Acknowledged by Camila Torres.")
pd.add(add(FALLBACK, seconds=40), "annotate_log_entry", camila, {"type": "web_ui", "summary": "session_fallback=jwt_only on; logins still failing"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", camila, {"type": "web_ui"}, "Resolved by Camila Torres.")
inc.json("oncall/pagerduty.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U09CAM", "camila", "Camila Torres"), ("U09RAF", "rafael", "Rafael Souza"), ("U09TIA", "tiago", "Tiago Nunes"),
                ("U09BRU", "bruno", "Bruno Lima"), ("U09LUC", "lucas", "Lucas Pereira"), ("U09MAR", "marina", "Marina Alves"), ("U09SUP", "fernanda", "Fernanda Rocha")]:
    s.user(u, n, r, LTZ)
for cid, n, p in [("C09INC", "inc-logins", "incident channel"), ("C09INF", "infra-changes", "atlantis + infra"),
                  ("C09ALR", "alerts-auth", "auth alerts"), ("C09ENG", "eng", "engineering"), ("C09STA", "status", "Statuspage")]:
    s.channel(cid, n, p)
s.bot("infra-changes", T(D + "12:41:12"), "B09ATL", "atlantis", blocks=pd_slack_blocks("Ran Plan for dir: `envs/prod/sa-east-1/sessions` workspace: `default` (#877 elasticache: enable in-transit encryption for sessions)\nPlan: 1 to add, 1 to change, 1 to destroy."))
s.say("infra-changes", T(D + "13:01:50"), "U09TIA", "#877 approved, applying (in-transit encryption for the sessions redis)")
s.bot("infra-changes", APPLY, "B09ATL", "atlantis", blocks=pd_slack_blocks("Running apply for dir: `envs/prod/sa-east-1/sessions` workspace: `default` (#877)"))
s.bot("infra-changes", T(D + "13:23:58"), "B09ATL", "atlantis", blocks=pd_slack_blocks("Ran Apply for dir: `envs/prod/sa-east-1/sessions` workspace: `default`\nApply complete! Resources: 1 added, 1 changed, 1 destroyed."))
s.say("infra-changes", add(OTHER_CT, seconds=-30), "U09MAR", "resizing analytics-replica-1 to r7g.2xlarge (data team), replica only")
s.bot("alerts-auth", add(WARN, seconds=21), "B09AM", "alertmanager", attachments=am_slack_attachment("firing", "SessionsApiErrorRate", "sessions-api error ratio 62% over 2m", color="warning"))
s.bot("alerts-auth", add(PAGE_ALERT, seconds=2), "B09AM", "alertmanager", attachments=am_slack_attachment("firing", "AuthLoginFailureRatio", "login failure ratio 97% for 3m"))
s.bot("alerts-auth", add(PAGE_OK, seconds=2), "B09AM", "alertmanager", attachments=am_slack_attachment("resolved", "AuthLoginFailureRatio", "login failure ratio back to normal"))
s.say("eng", T(D + "13:14:30"), "U09BRU", "anyone else just got logged out of the app? can't log back in")
s.say("eng", WRONG, "U09BRU", "AWS health dashboard shows issues in us-east-1, is that us?")
s.say("eng", add(WRONG, seconds=45), "U09LUC", "we're in sa-east-1, shouldn't be. there's an auth page open, joining")
ch = "inc-logins"
s.say(ch, add(ACK, seconds=30), "U09CAM", "got the page by escalation, Rafael isn't answering. logins 500, everything with a session gets 403 from ext_authz")
s.say(ch, add(ACK, seconds=95), "U09CAM", "sessions-api can't talk to redis: first 'connection refused', then NXDOMAIN, now 'Connection closed by server'")
s.say(ch, ROLLBACK_Q, "U09LUC", "should we roll back the apply?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U09TIA", "a revert would replace the group again, another 20 minutes with no redis at all")
s.say(ch, DIAG, "U09CAM", "got it: #877's apply replaced sessions-prod. transit_encryption_enabled forces a new replication group (destroy then create). the new one is up since 10:21 but only takes TLS, and sessions-api connects with redis:// in plaintext")
s.say(ch, add(DIAG, seconds=35), "U09TIA", "yes, the plan said 1 to destroy, I read it as the old parameter group. sorry")
s.say(ch, add(FALLBACK, seconds=-45), "U09CAM", "turning on session_fallback=jwt_only in unleash so people with a valid access token keep working")
s.say(ch, add(FALLBACK, seconds=70), "U09CAM", "app mostly usable again for logged-in users, logins and refresh still fail")
s.say(ch, add(FIX, seconds=-70), "U09CAM", "rolling sessions-api with REDIS_URL=rediss://master.sessions-prod...:6379 (TLS)")
s.say(ch, add(MITIGATED, seconds=50), "U09CAM", "new pods connected over TLS, login works, 403s gone. every session was in the old redis, so all users have to log in again")
s.say(ch, add(FALLBACK_OFF, seconds=20), "U09CAM", "session_fallback back off")
s.say(ch, add(RESOLVED, seconds=-40), "U09CAM", "stable for 50 min, TLS setting merged into the chart values (#879). resolving")
s.bot("status", STATUS, "B09SP", "Statuspage", attachments=[{"color": "E01E5A", "fallback": "Investigating - Login problems",
      "title": "Investigating - Users logged out and unable to log in", "text": "Some customers were logged out of the Brisa app and cannot log back in. We are investigating.", "mrkdwn_in": ["text"]}])
s.say("status", add(STATUS, seconds=-60), "U09SUP", "posting on the status page, support has 60+ chats about being logged out")
s.bot("status", add(MITIGATED, minutes=4), "B09SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Login", "title": "Monitoring - Login works again",
      "text": "Login works again. Customers who were logged out need to log in once more.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=3), "B09SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved", "title": "Resolved - Login problems", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack-export")

inc.truth(
    "brisa-sessions-tf-replace", "terraform-apply-forces-replacement-of-session-store",
    "An Atlantis apply enabling in-transit encryption replaced (destroy, then create) the sessions Redis replication group; users were logged out\n"
    "and logins failed, then the new TLS-only group refused sessions-api's plaintext clients until sessions-api was rolled with rediss://.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DELETE, "change", "Atlantis (#877) DeleteReplicationGroup sessions-prod: replacement starts", "aws/lookup-events-sa-east-1.json", 60),
     (STARTED, "first_symptom", "first redis ConnectionError (connection refused) in sessions-api", "app/sessions-api.log", 60),
     (WARN, "alert_fired", "SessionsApiErrorRate warning firing", "alerting/webhook-archive.ndjson", 60),
     (PAGE, "paged", "AuthLoginFailureRatio pages PagerDuty #9182", "oncall/pagerduty.json", 60),
     (STATUS, "communication", "Statuspage: users logged out and unable to log in", "slack-export", 60),
     (ACK, "acknowledged", "Camila acknowledges after escalation by timeout", "oncall/pagerduty.json", 60),
     (DIAG, "diagnosis", "Camila: the apply replaced the group; new one is TLS-only, clients are plaintext", "slack-export", 90),
     (FALLBACK, "mitigation", "session_fallback=jwt_only (logged-in users partly work, logins still fail)", "app/sessions-api.log", 60),
     (FIX, "mitigation", "sessions-api rolled with rediss:// (TLS)", "k8s/events.json", 60),
     (MITIGATED, "recovery", "last 500/403 at the edge; logins work", "edge/envoy-access.log.gz", 60),
     (PAGE_OK, "alert_resolved", "AuthLoginFailureRatio resolved", "alerting/webhook-archive.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #9182 resolved", "oncall/pagerduty.json", 60)],
    [(CRON[-1], "daily marketing-csv-export CronJob failure (KubeJobFailed) at ~13:00 every day", "alerting/webhook-archive.ndjson"),
     (T(D + "13:11:40"), "RDSReplicaLagHigh for the data team, flapping", "alerting/webhook-archive.ndjson"),
     (T(D + "13:18:35"), "CatalogApiP99High for the catalog team", "alerting/webhook-archive.ndjson"),
     (OTHER_ROLL, "catalog team's catalog-api 8.3.0 rollout", "k8s/events.json"),
     (OTHER_CT, "data team's ModifyDBInstance on analytics-replica-1", "aws/lookup-events-sa-east-1.json"),
     (WRONG, "wrong hunch: AWS issues in us-east-1", "slack-export"),
     (ROLLBACK_Q, "'should we roll back the apply?' question, not done", "slack-export"),
     (T(D + "14:00:00"), "steady refresh-token-expired 401s, rare catalog 504s, readiness probe timeouts all window", "edge/envoy-access.log.gz")],
    [("app/sessions-api.log", "logs", LTZ), ("edge/envoy-access.log.gz", "logs"), ("aws/lookup-events-sa-east-1.json", "deploys"),
     ("alerting/webhook-archive.ndjson", "alertmanager-webhook"), ("k8s/events.json", "kube-events"),
     ("oncall/pagerduty.json", "pagerduty-log-entries"), ("slack-export", "slack-export")])
