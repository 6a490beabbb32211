"""retired8/bookings-ebs-burst: bookings traffic has grown ~40% since September; the morning ramp now drains the gp2 data volume's
I/O burst credits, the volume is pinned at its 1500 IOPS baseline and bookings-api slows down over an hour until the volume is
modified to gp3 with 6000 IOPS. Impact starts and ends gradually in the latency series."""
import math
import random
from common import *

rng = random.Random(20261029)
inc = Incident("retired8", "bookings-ebs-burst")
D = "2026-10-29 "
W0, W1 = T(D + "08:30:00"), T(D + "11:30:00")
VOL = "vol-0c4e1f9a2b7d63e58"
VOL_R = "vol-07d2b9e1a4c35f610"
VOL_X = "vol-0e6a3c1d9b8f72a44"
BURST0 = T(D + "08:52:10")
STARTED = T(D + "08:53:00")
DAILY = [T("2026-10-%02d 09:00:%02d" % (d, d % 7)) for d in (26, 27, 28, 29)]
SNAPSHOT = add(DAILY[-1], seconds=38)
OTHER_ASG = T(D + "09:19:50")
OTHER_DEPLOY = T(D + "09:20:14")
MODIFY = T(D + "10:11:42")
EFFECT = T(D + "10:12:30")
RESOLVED = T(D + "10:52:00")

# ---- model
def wig(t, a, p=600.0, ph=0.0):
    return a * math.sin(epoch(t) / p + ph)
def p99_model(t):
    if t < STARTED:
        return 0.2
    m = (min(t, EFFECT) - T(D + "08:52:30")).total_seconds() / 60.0
    v = 0.32 + 0.04 * m + 0.0004 * m * m
    if t <= EFFECT:
        return v
    return 0.2 + (v - 0.2) * math.exp(-(t - EFFECT).total_seconds() / 100.0)
def p99(t):
    return p99_model(t) + wig(t, 0.012, 170.0) + (0.006 if (int(epoch(t)) // 30) % 3 == 0 else 0.0)

def held(cond, start, minutes):
    """first 30s evaluation at which cond held continuously for `minutes`"""
    since = None
    for t in frange(start, W1, 30):
        if cond(t):
            since = since or t
            if (t - since).total_seconds() >= minutes * 60:
                return t
        else:
            since = None
def first(cond, start):
    for t in frange(start, W1, 30):
        if cond(t):
            return t
ALERT = held(lambda t: p99_model(t) > 1.5, W0, 10)                  # BookingsApiLatencyHigh (warning)
PAGE_ALERT = held(lambda t: p99_model(t) > 3.0, W0, 10)             # BookingsApiLatencyCritical (page)
PAGE = add(PAGE_ALERT, seconds=31)
ACK = add(PAGE, seconds=164)
WRONG = add(ACK, seconds=180)
WRONG2 = add(ACK, seconds=310)
ROLLBACK_Q = add(ACK, seconds=450)
STATUS = T(D + "10:00:30")
DIAG = T(D + "10:04:30")
PAGE_OK = first(lambda t: t > EFFECT and p99_model(t) < 3.0, EFFECT)
ALERT_OK = first(lambda t: t > EFFECT and p99_model(t) < 1.5, EFFECT)
MITIGATED = first(lambda t: t > EFFECT and p99(t) < 0.23, EFFECT)   # latency back in its band
assert STARTED < ALERT < PAGE < ACK < DIAG < MODIFY < MITIGATED < RESOLVED, (ALERT, PAGE, MITIGATED)

def demand_iops(t):
    h = (t - T(D + "05:00:00")).total_seconds() / 3600.0
    return 900 + 1750 * (1 - math.exp(-max(h, 0) / 2.2)) + wig(t, 40, 300)
def served_iops(t):
    d = demand_iops(t)
    if t < BURST0:
        return d
    if t < EFFECT:
        return 1500 + wig(t, 6, 90)
    # backlog drains after the modification takes effect
    return d + 900 * math.exp(-(t - EFFECT).total_seconds() / 240.0)
def burst(t):
    if t >= EFFECT:
        return None
    if t >= BURST0:
        return 0.0
    return max(0.0, 18.4 * (BURST0 - t).total_seconds() / (BURST0 - W0).total_seconds())
def queue(t):
    if t < BURST0:
        return 1.1 + wig(t, 0.2, 200)
    return 1.1 + 11.0 * (p99_model(t) - 0.2) + wig(t, 0.6, 120)

def err_ratio(t):
    # fraction of requests slower than the 5 s statement timeout, per-request time lognormal(median 60 ms, sigma .52) * scale
    scale = p99_model(t) / 0.2
    z = math.log(5.0 / scale / 0.06) / 0.52
    return 0.5 * math.erfc(z / math.sqrt(2))

# ---- bookings-api (Go, logfmt)
al = []
PODS = ["bookings-api-5c8f7d9b4-%s" % x for x in ("2xq7d", "8hv4n", "fk9tz", "lw3cm", "r6pbs", "zt5wk")]
ROUTES = [("GET", "/v1/availability"), ("GET", "/v1/availability"), ("GET", "/v1/bookings/{id}"), ("POST", "/v1/bookings"),
          ("PATCH", "/v1/bookings/{id}"), ("GET", "/v1/properties/{id}/calendar")]
def A(t, pairs):
    al.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
for t in poisson_times(rng, W0, W1, 0.42):
    m, p = rng.choice(ROUTES)
    pod = rng.choice(PODS)
    dur = math.exp(rng.gauss(math.log(0.06), 0.52)) * p99_model(t) / 0.2
    if dur > 5.0:
        A(t, [("level", "error"), ("caller", "store/pg.go:212"), ("pod", pod), ("msg", "db query failed"), ("route", p),
              ("err", "ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"), ("elapsed", "5.00%ds" % rng.randint(1, 9))])
        A(add(t, seconds=0.002), [("level", "info"), ("caller", "http/log.go:41"), ("pod", pod), ("msg", "request"), ("method", m), ("path", p),
                                  ("status", 503), ("dur", "%dms" % (5000 + rng.randint(2, 40)))])
    else:
        A(t, [("level", "info"), ("caller", "http/log.go:41"), ("pod", pod), ("msg", "request"), ("method", m), ("path", p),
              ("status", 201 if m == "POST" else 200), ("dur", "%dms" % max(3, int(dur * 1000)))])
for t in poisson_times(rng, W0, W1, 1 / 75.0):   # benign, all day: partner channel-manager availability lookups time out
    A(t, [("level", "warn"), ("caller", "partners/availability.go:88"), ("pod", rng.choice(PODS)), ("msg", "partner availability timeout, using cached calendar"),
          ("partner", rng.choice(["siteminder", "cloudbeds", "mews"])), ("timeout", "1.5s")])
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    A(t, [("level", "warn"), ("caller", "auth/jwt.go:63"), ("pod", rng.choice(PODS)), ("msg", "token expired"), ("sub", "usr_%s" % hexid(rng, 10))])
inc.lines("bookings-api.logfmt", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- postgres server log (log_line_prefix '%m [%p] %q%u@%d ')
pg = []
def P(t, pid, who, lvl, msg, extra=()):
    head = "%s.%03d UTC [%d] %s%s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, (who + " ") if who else "", lvl, msg)
    pg.append((t, "\n".join([head] + list(extra))))
QUERIES = ["execute <unnamed>: SELECT b.id, b.property_id, b.status, b.check_in, b.check_out FROM bookings b WHERE b.property_id = $1 AND b.check_out >= $2 AND b.check_in < $3",
           "execute <unnamed>: SELECT day, units_free FROM availability_days WHERE property_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day",
           "execute <unnamed>: INSERT INTO booking_events (booking_id, kind, payload, created_at) VALUES ($1, $2, $3, now())",
           "execute <unnamed>: UPDATE availability_days SET units_free = units_free - 1 WHERE property_id = $1 AND day = ANY($2) AND units_free > 0"]
for t in poisson_times(rng, W0, W1, 6.0 / 60):   # slow statements (log_min_duration_statement = 1s)
    dur = math.exp(rng.gauss(math.log(0.06), 0.52)) * p99_model(t) / 0.2 * 2.2
    if 1.0 <= dur < 5.0:
        P(t, rng.randint(30000, 39999), "bookings@bookings", "LOG", "duration: %.3f ms  %s" % (dur * 1000, rng.choice(QUERIES)))
for t in poisson_times(rng, W0, W1, 8.0):
    if rng.random() < err_ratio(t):
        pid = rng.randint(30000, 39999)
        P(t, pid, "bookings@bookings", "ERROR", "canceling statement due to statement timeout", ["%s.%03d UTC [%d] bookings@bookings STATEMENT:  %s" % (
            t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, rng.choice(QUERIES).split(": ", 1)[1])])
for t in poisson_times(rng, W0, W1, 1 / 140.0):   # benign all day
    P(t, rng.randint(30000, 39999), "bookings@bookings", "LOG", "could not receive data from client: Connection reset by peer")
for t in poisson_times(rng, W0, W1, 1 / 900.0):   # reporting user's slow analytic queries, all day
    P(t, rng.randint(30000, 39999), "metabase@bookings", "LOG", "duration: %.3f ms  statement: SELECT date_trunc('week', created_at) AS w, count(*) FROM bookings WHERE created_at > now() - interval '180 days' GROUP BY 1" % rng.uniform(4000, 12000))
for t in frange(T(D + "08:30:12"), W1, 300):   # checkpoints every 5 min; fsync time grows while the volume is throttled
    sync = 0.2 + (0.0 if t < BURST0 else 2.8 * (p99_model(t) - 0.2)) + rng.random() * 0.2
    P(t, 61, "", "LOG", "checkpoint starting: time")
    wr = rng.randint(14000, 22000)
    done = add(t, seconds=269.9 + sync)
    P(done, 61, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=269.9%02d s, sync=%.3f s, total=%.3f s; sync files=%d, longest=%.3f s, average=%.3f s; distance=%d kB, estimate=%d kB; lsn=2A1/%08X, redo lsn=2A1/%08X" % (
        wr, wr / 5242.88, rng.randint(8, 14), rng.randint(0, 99), sync, 269.9 + sync + 0.4, rng.randint(180, 240), sync * 0.4, sync / 210.0,
        wr * 8, wr * 8 + rng.randint(0, 9000), rng.randint(0, 0xFFFFFFF), rng.randint(0, 0xFFFFFFF)))
for t in poisson_times(rng, W0, W1, 1 / 1500.0):   # autovacuum of the event table, a few times an hour every day
    P(t, rng.randint(40000, 49999), "", "LOG", "automatic vacuum of table \"bookings.public.booking_events\": index scans: 1",
      ["\tpages: 0 removed, 412288 remain, 18210 scanned (4.42% of total)", "\ttuples: 52107 removed, 30188231 remain, 0 are dead but not yet removable",
       "\tavg read rate: %.3f MB/s, avg write rate: %.3f MB/s" % (rng.uniform(8, 30), rng.uniform(2, 9)),
       "\tsystem usage: CPU: user: 1.21 s, system: 0.48 s, elapsed: %.2f s" % rng.uniform(9, 40)])
d = DAILY[-1]
P(d, 51877, "report_mailer@bookings", "ERROR", "permission denied for table partner_payouts",
  ["%s.%03d UTC [51877] report_mailer@bookings STATEMENT:  SELECT partner_id, sum(amount_cents) FROM partner_payouts WHERE paid_on = current_date - 1 GROUP BY 1" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000)])
inc.lines("postgresql-2026-10-29_080000.log", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- YACE (CloudWatch exporter) query_range, 60 s
def lab(name, vol, inst, role):
    return {"__name__": name, "dimension_VolumeId": vol, "job": "yace-ebs", "region": "eu-west-1", "tag_Name": inst, "tag_Role": role}
series = [
    (lab("aws_ebs_burst_balance_average", VOL, "bookings-db-1", "postgres-primary"), lambda t: burst(t)),
    (lab("aws_ebs_volume_queue_length_average", VOL, "bookings-db-1", "postgres-primary"), queue),
    (lab("aws_ebs_volume_read_ops_sum", VOL, "bookings-db-1", "postgres-primary"), lambda t: served_iops(t) * 60 * 0.62),
    (lab("aws_ebs_volume_write_ops_sum", VOL, "bookings-db-1", "postgres-primary"), lambda t: served_iops(t) * 60 * 0.38),
    (lab("aws_ebs_burst_balance_average", VOL_R, "bookings-db-2", "postgres-replica"), lambda t: max(0.0, 64.0 - 22.0 * (t - W0).total_seconds() / 10800.0 + wig(t, 0.3))),
    (lab("aws_ebs_volume_queue_length_average", VOL_R, "bookings-db-2", "postgres-replica"), lambda t: 0.8 + wig(t, 0.15, 150)),
    (lab("aws_ebs_burst_balance_average", VOL_X, "search-es-3", "elasticsearch"), lambda t: 100.0),
    (lab("aws_ebs_volume_queue_length_average", VOL_X, "search-es-3", "elasticsearch"), lambda t: 2.2 + wig(t, 0.4, 110) + (3.0 if T(D + "09:21:00") <= t < T(D + "09:44:00") else 0.0)),
]
inc.json("yace-ebs-range.json", query_range(series, W0, W1, 60, fmt="%.4g"), indent=None)

# ---- app metrics dump (promtool tsdb dump-openmetrics of recording rules)
pts = list(frange(W0, W1, 30))
total = [0.0]
fam_p99 = [({"job": "bookings-api", "quantile": "0.99"}, [(t, round(p99(t), 3)) for t in pts])]
ok, bad = [], []
c_ok = 18_402_113.0
c_bad = 1_209.0
for t in pts:
    n = 30 * (38 + wig(t, 3, 400))
    e = n * err_ratio(t) + 30 * 0.002
    c_ok += n - e
    c_bad += e
    ok.append((t, float(int(c_ok))))
    bad.append((t, float(int(c_bad))))
inc.write("bookings-api-rules.om", openmetrics([
    ("job:bookings_api_request_duration_seconds:p99", "gauge", "p99 of bookings-api request duration over 2m (recording rule)", fam_p99),
    ("bookings_api_http_requests", "counter", "HTTP requests served by bookings-api",
     [({"job": "bookings-api", "code": "2xx"}, ok), ({"job": "bookings-api", "code": "5xx"}, bad)]),
]))

# ---- CloudTrail lookup-events (ReadOnly=false)
ACCT = "318204775162"
def ct(t, name, source, user, role, params, resp, resources, agent="aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#" + "x",
       invoked=None):
    eid = uuid("ct" + iso(t) + name)
    if invoked:
        ui = {"type": "AWSService", "invokedBy": invoked}
        uname = invoked
    else:
        ui = {"type": "AssumedRole", "principalId": "AROAUQ%s:%s" % (uid(role, 14).upper(), user),
              "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (ACCT, role, user), "accountId": ACCT, "accessKeyId": "ASIAUQ" + uid(user + iso(t), 14).upper(),
              "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAUQ%s" % uid(role, 14).upper(), "arn": "arn:aws:iam::%s:role/aws-reserved/sso.amazonaws.com/eu-west-1/%s" % (ACCT, role),
                                                   "accountId": ACCT, "userName": role},
                                 "attributes": {"creationDate": iso(add(t, minutes=-rng.randint(5, 90))), "mfaAuthenticated": "false"}}}
        uname = user
    ev = {"eventVersion": "1.10", "userIdentity": ui, "eventTime": iso(t), "eventSource": source, "eventName": name, "awsRegion": "eu-west-1",
          "sourceIPAddress": invoked or "85.203.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)), "userAgent": invoked or agent.replace("#x", "#" + name.lower()),
          "requestParameters": params, "responseElements": resp, "requestID": uuid("req" + eid), "eventID": eid, "readOnly": False,
          "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": ACCT, "eventCategory": "Management"}
    return {"EventId": eid, "EventName": name, "ReadOnly": "false", "AccessKeyId": ui.get("accessKeyId", ""), "EventTime": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "EventSource": source, "Username": uname, "Resources": resources, "CloudTrailEvent": json.dumps(ev, separators=(",", ":"))}
evs = []
for day in DAILY:
    st = add(day, seconds=38)  # DLM daily-0900 snapshot
    evs.append(ct(st, "CreateSnapshot", "ec2.amazonaws.com", None, None,
                  {"volumeId": VOL, "description": "Created for policy: policy-0b1c2d3e4f5a6b7c8 schedule: daily-0900", "tagSpecificationSet": {"items": [{"resourceType": "snapshot", "tags": [{"key": "dlm:managed", "value": "true"}]}]}},
                  {"snapshotId": "snap-0%s" % uid(iso(st), 16), "volumeId": VOL, "status": "pending", "startTime": iso(st, ms=True), "volumeSize": 500},
                  [{"ResourceType": "AWS::EC2::Volume", "ResourceName": VOL}], invoked="dlm.amazonaws.com"))
evs = [e for e in evs if e["EventTime"].startswith("2026-10-29")]
evs.append(ct(OTHER_ASG, "UpdateAutoScalingGroup", "autoscaling.amazonaws.com", "ken.ito", "AWSReservedSSO_SearchEngineer_5f0e2a1b",
              {"autoScalingGroupName": "search-indexer-prod", "minSize": 6, "maxSize": 12, "desiredCapacity": 8}, None,
              [{"ResourceType": "AWS::AutoScaling::AutoScalingGroup", "ResourceName": "search-indexer-prod"}]))
mod_resp = {"ModifyVolumeResponse": {"xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/", "requestId": uuid("mv"),
                                     "volumeModification": {"volumeId": VOL, "modificationState": "modifying", "targetSize": 500, "targetIops": 6000,
                                                            "targetVolumeType": "gp3", "targetThroughput": 250, "targetMultiAttachEnabled": False,
                                                            "originalSize": 500, "originalIops": 1500, "originalVolumeType": "gp2",
                                                            "originalMultiAttachEnabled": False, "progress": 0, "startTime": iso(MODIFY, ms=True)}}}
evs.append(ct(MODIFY, "ModifyVolume", "ec2.amazonaws.com", "hana.sato", "AWSReservedSSO_DBAdmin_9c3d4e5f",
              {"ModifyVolumeRequest": {"VolumeId": VOL, "VolumeType": "gp3", "Iops": 6000, "Throughput": 250}}, mod_resp,
              [{"ResourceType": "AWS::EC2::Volume", "ResourceName": VOL}]))
evs.append(ct(T(D + "10:33:05"), "PutBucketLifecycleConfiguration", "s3.amazonaws.com", "olu.adeyemi", "AWSReservedSSO_DataEngineer_1a2b3c4d",
              {"bucketName": "acme-clickstream-raw", "LifecycleConfiguration": {"Rule": {"ID": "expire-raw-90d", "Status": "Enabled", "Expiration": {"Days": 90}}}, "Host": "acme-clickstream-raw.s3.eu-west-1.amazonaws.com"},
              None, [{"ResourceType": "AWS::S3::Bucket", "ResourceName": "acme-clickstream-raw"}]))
evs.append(ct(T(D + "08:41:17"), "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", "ken.ito", "AWSReservedSSO_SearchEngineer_5f0e2a1b",
              {"groupId": "sg-0a9b8c7d6e5f40312", "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 9200, "toPort": 9200, "groups": {"items": [{"groupId": "sg-04f1e2d3c4b5a6978"}]}}]}},
              {"_return": True}, [{"ResourceType": "AWS::EC2::SecurityGroup", "ResourceName": "sg-0a9b8c7d6e5f40312"}]))
evs.sort(key=lambda e: e["EventTime"], reverse=True)
inc.json("cloudtrail-lookup.json", {"Events": evs})

# ---- PagerDuty v2 webhook deliveries, one body per line
pd = PD(90317, "BookingsApiLatencyCritical bookings-api p99 above 3s", "bookings-api", "PBKG903", esc_policy="Bookings on-call")
luis = PD.user("Luis Moreno", "PLUISMO")
hana = PD.user("Hana Sato", "PHANASA")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager eu-west-1"}, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", luis, {"type": "mobile"}, "Acknowledged by Luis Moreno.")
pd.add(add(DIAG, seconds=60), "assign_log_entry", luis, {"type": "web_ui"}, "Reassigned to Hana Sato.", assignees=[hana])
pd.add(add(MODIFY, seconds=75), "annotate_log_entry", hana, {"type": "web_ui", "summary": "vol-0c4e1f9a2b7d63e58 gp2 -> gp3 6000 IOPS, modification in progress"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", luis, {"type": "web_ui"}, "Resolved by Luis Moreno.")
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 90317, "BookingsApiLatencyCritical bookings-api p99 above 3s", PAGE)])

# ---- Slack
s = Slack()
for u, n, r, tz in [("U0LUIS", "luis", "Luis Moreno", "Europe/Madrid"), ("U0HANA", "hana", "Hana Sato", "Europe/Dublin"),
                    ("U0BEN", "ben", "Ben Okafor", "Europe/Dublin"), ("U0KEN", "ken", "Ken Ito", "Europe/Dublin"),
                    ("U0SARA", "sara", "Sara Lindgren", "Europe/Stockholm"), ("U0OLU", "olu", "Olu Adeyemi", "Europe/London")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C0INC", "inc-bookings-slow", ""), ("C0BAL", "bookings-alerts", "alerts for team bookings"),
                  ("C0DEP", "deploys", "deploy notifications"), ("C0STA", "status", "Statuspage mirror")]:
    s.channel(cid, n, p)
for d in DAILY:
    s.bot("bookings-alerts", add(d, seconds=31), "B0AM", "alertmanager",
          attachments=am_slack_attachment("firing", "ReportMailerJobFailed", "report-mailer CronJob failed (partner payouts report)\nseverity: ticket", color="warning"))
s.bot("bookings-alerts", add(ALERT, seconds=31), "B0AM", "alertmanager",
      attachments=am_slack_attachment("firing", "BookingsApiLatencyHigh", "bookings-api p99 above 1.5s for 10m\nseverity: warning", color="warning"))
s.bot("bookings-alerts", add(PAGE_ALERT, seconds=31), "B0AM", "alertmanager",
      attachments=am_slack_attachment("firing", "BookingsApiLatencyCritical", "bookings-api p99 above 3s for 10m\nseverity: page"))
s.bot("bookings-alerts", add(PAGE_OK, seconds=31), "B0AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "BookingsApiLatencyCritical", "bookings-api p99 above 3s for 10m"))
s.bot("bookings-alerts", add(ALERT_OK, seconds=31), "B0AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "BookingsApiLatencyHigh", "bookings-api p99 above 1.5s for 10m"))
for a, b in [("08:37:00", "08:41:30"), ("09:08:30", "09:12:00"), ("09:57:00", "10:02:30"), ("10:44:00", "10:47:00"), ("11:15:30", "11:19:00")]:
    s.bot("bookings-alerts", T(D + a), "B0AM", "alertmanager",
          attachments=am_slack_attachment("firing", "RabbitMQQueueBacklog", "queue notifications.email backlog above 5000 (team notifications)", color="warning"))
    s.bot("bookings-alerts", T(D + b), "B0AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "RabbitMQQueueBacklog", "queue notifications.email backlog"))
s.bot("deploys", T("2026-10-28 15:41:09"), "B0GHA", "deploy-bot", blocks=pd_slack_blocks("*bookings-api* `4.18.0` deployed to *prod-eu* by sara (GitHub Actions run 11820)"))
s.bot("deploys", OTHER_DEPLOY, "B0GHA", "deploy-bot", blocks=pd_slack_blocks("*search-indexer* `2.9.3` deployed to *prod-eu* by ken (GitHub Actions run 11841)"))
s.bot("deploys", T(D + "10:58:40"), "B0GHA", "deploy-bot", blocks=pd_slack_blocks("*notifications-worker* `1.44.0` deployed to *prod-eu* by olu (GitHub Actions run 11850)"))
ch = "inc-bookings-slow"
s.say(ch, add(ACK, seconds=45), "U0LUIS", "acked BookingsApiLatencyCritical. p99 ~3.4s and still climbing, every endpoint, not one route. a few 503s from statement timeouts")
s.say(ch, add(ACK, seconds=100), "U0LUIS", "latency graph has been creeping up since before 09:00, the warning at %s was the first thing that fired" % ALERT.strftime("%H:%M"))
s.say(ch, WRONG, "U0BEN", "the DLM snapshot of the primary's volume runs at 09:00 - could the snapshot be eating the IO?")
s.say(ch, add(WRONG, seconds=60), "U0HANA", "snapshots are incremental and it finished at 09:04 per the console, doubt it")
s.say(ch, WRONG2, "U0BEN", "search-indexer went out at 09:20 and they scaled up the ASG, are they hitting our db?")
s.say(ch, add(WRONG2, seconds=50), "U0KEN", "indexer reads from the bookings replica, not the primary, and only every 15 min")
s.say(ch, ROLLBACK_Q, "U0SARA", "should we roll back bookings-api 4.18.0?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U0LUIS", "4.18 has been out since 15:40 yesterday incl. yesterday's peak. it's the db being slow, not the app")
s.say(ch, STATUS, "U0SARA", "status page: 'Searching and booking is slow for some customers. We are investigating.'")
s.say(ch, add(STATUS, seconds=95), "U0HANA", "pg checkpoint sync times went from 0.3s to 12s+, looks like the disk itself")
s.say(ch, DIAG, "U0HANA", "found it. the primary's data volume is still gp2: BurstBalance hit 0 at 08:52 and since then it's pinned at the 1500 IOPS baseline, queue length is 60+. with traffic up ~40% since september the morning ramp now eats the whole burst bucket")
s.say(ch, add(DIAG, seconds=70), "U0HANA", "going to modify the volume to gp3 with 6000 IOPS, online, no restart needed")
s.say(ch, add(MODIFY, seconds=40), "U0HANA", "ModifyVolume submitted, state modifying. IOPS should come up over the next few minutes")
s.say(ch, add(MITIGATED, seconds=60), "U0LUIS", "p99 back to ~200ms, queue length ~1, no more statement timeouts")
s.say(ch, T(D + "10:30:10"), "U0SARA", "status page -> monitoring")
s.say(ch, add(RESOLVED, seconds=-50), "U0LUIS", "30 min stable, resolving. follow-up: replica volume is gp2 too and at 40% burst balance, Hana will move it after the peak")
s.bot("status", add(STATUS, seconds=15), "B0SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - Slow searches and bookings", "title": "Investigating - Slow searches and bookings",
                    "text": "Searching and booking is slow for some customers. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=2), "B0SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved", "title": "Resolved - Slow searches and bookings", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "bookings-ebs-burst", "ebs-gp2-burst-credits-exhausted-by-growth",
    "Traffic growth made the morning ramp drain the bookings Postgres primary's gp2 volume burst credits; from 08:52 the volume was pinned\n"
    "at its 1500 IOPS baseline and bookings-api latency climbed slowly for over an hour until the volume was modified to gp3 / 6000 IOPS.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "burst balance at 0, volume capped at 1500 IOPS; queue length and bookings-api p99 leave their baseline", "bookings-api-rules.om", 90),
     (ALERT, "alert_fired", "BookingsApiLatencyHigh (warning) firing", "slack", 60),
     (PAGE_ALERT, "alert_fired", "BookingsApiLatencyCritical (page) firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #90317 triggered", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Luis acknowledges", "pd-webhooks.ndjson", 60),
     (STATUS, "communication", "status page: searching and booking slow", "slack", 60),
     (DIAG, "diagnosis", "Hana: gp2 volume out of burst credits, pinned at 1500 IOPS baseline", "slack", 60),
     (MODIFY, "mitigation", "ModifyVolume gp2 -> gp3, 6000 IOPS on the primary's data volume", "cloudtrail-lookup.json", 60),
     (MITIGATED, "recovery", "bookings-api p99 back in its normal band", "bookings-api-rules.om", 90),
     (PAGE_OK, "alert_resolved", "BookingsApiLatencyCritical resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-webhooks.ndjson", 60)],
    [(DAILY[-1], "report-mailer job fails every day at 09:00 (permission denied on partner_payouts)", "postgresql-2026-10-29_080000.log"),
     (SNAPSHOT, "daily DLM snapshot of the primary's volume", "cloudtrail-lookup.json"),
     (OTHER_ASG, "search team scales the search-indexer ASG", "cloudtrail-lookup.json"),
     (OTHER_DEPLOY, "search team deploys search-indexer 2.9.3", "slack"),
     (T(D + "09:57:00"), "RabbitMQQueueBacklog (notifications team) flapping", "slack"),
     (T(D + "10:33:05"), "data team changes an S3 lifecycle rule", "cloudtrail-lookup.json"),
     (WRONG, "wrong hunch: the 09:00 snapshot eating IO", "slack"),
     (WRONG2, "wrong hunch: search-indexer hitting the primary", "slack"),
     (ROLLBACK_Q, "'should we roll back bookings-api 4.18.0?' question, not done", "slack"),
     (T(D + "10:45:00"), "steady partner availability timeouts, connection resets, metabase slow queries, autovacuum all window", "bookings-api.logfmt")],
    [("bookings-api.logfmt", "logs"), ("postgresql-2026-10-29_080000.log", "logs"), ("yace-ebs-range.json", "prometheus-query-range"),
     ("bookings-api-rules.om", "openmetrics"), ("cloudtrail-lookup.json", "deploys"), ("pd-webhooks.ndjson", "pagerduty-log-entries"),
     ("slack", "slack-export")])
