"""retired8/catalog-pg-burst: the catalog Postgres primary's data volume is a 500 GiB gp2 EBS volume; the working set has
outgrown memory and the Monday-morning ramp drains its burst balance.  At 0% reads are pinned at the 1500 IOPS baseline,
latency and statement timeouts grow slowly on product pages until the volume is modified online to gp3 (6000 IOPS) and
recover slowly while it optimizes.  Start and end are read from the metric series; the alerts come late."""
import random
from common import *

rng = random.Random(20261019)
inc = Incident("retired8", "catalog-pg-burst")
D = "2026-10-19 "
W0, W1 = T(D + "08:30:00"), T(D + "11:00:00")
M0, M1 = T(D + "06:00:00"), T(D + "11:30:00")
STARTED = T(D + "08:58:30")       # burst balance 0 %, reads pinned at 1500 IOPS, first timeouts
OTHER_DEPLOY = T(D + "09:10:22")
ALERT_WARN = T(D + "09:21:40")
ALERT_PAGE = T(D + "09:33:10")
PAGE = T(D + "09:33:20")
ACK = T(D + "09:36:50")
WRONG1 = T(D + "09:38:40")
COMMS = T(D + "09:40:30")
ROLLBACK_Q = T(D + "09:41:15")
WRONG2 = T(D + "09:42:05")
DIAG = T(D + "09:44:30")
MOD = T(D + "09:47:12")           # ModifyVolume gp2 -> gp3 6000 IOPS
MITIGATED = T(D + "09:58:30")     # error ratio and p99 back at baseline
WARN_OK = T(D + "10:01:10")
PAGE_OK = T(D + "10:03:40")
RESOLVED = T(D + "10:30:00")
CRON = [T("2026-10-%02d 02:15:%02d" % (d, 3 + d % 5)) for d in (16, 17, 18, 19)]
VOL = "vol-0a7c3e19d5b24f6e8"
PEAK_AT = add(MOD, seconds=60)


def sec(a, b):
    return (b - a).total_seconds()


def ramp(t):
    """0 before the start, grows slowly to 1 when the modification takes hold, falls slowly to 0 at MITIGATED."""
    if t < STARTED or t >= MITIGATED:
        return 0.0
    if t < PEAK_AT:
        return 0.012 + 0.988 * (sec(STARTED, t) / sec(STARTED, PEAK_AT)) ** 1.3
    return (sec(t, MITIGATED) / sec(PEAK_AT, MITIGATED)) ** 1.5


def err_ratio(t):
    return 0.17 * ramp(t)


def demand(t):
    return 1620 + 130 * sec(M0, t) / sec(M0, STARTED)


def served(t):
    d = demand(t)
    if t < STARTED:
        return d
    if t < add(MOD, seconds=40):
        return 1500.0
    cap = 1500 + 4500 * min(1.0, sec(add(MOD, seconds=40), t) / 900.0)
    return min(d * (1 + 0.25 * ramp(t)), cap)   # backlog drains while optimizing


def burst(t):
    if t >= add(MOD, seconds=40):
        return None                 # gp3 volumes publish no BurstBalance
    if t >= STARTED:
        return 0.0
    return 41.0 * (1 - (sec(M0, t) / sec(M0, STARTED)) ** 1.6)


def rps(t):
    h = sec(M0, t) / 3600.0
    return 95 + 30 * min(h, 3.5)


# ---- OpenMetrics scrape dump (node exporter, cloudwatch exporter, catalog-api)
app_req, app_err, rd_n, rd_t = 8_114_220.0, 21_408.0, 91_447_110.0, 40_912.4
P_ok, P_err, P_n, P_t, P_q, P_bb, P_ops = [], [], [], [], [], [], []
last = M0
for t in frange(M0, M1, 30):
    for s_ in range(int(sec(last, t))):
        u = add(last, seconds=s_)
        r = rps(u) * (1 + rng.uniform(-0.05, 0.05))
        e = err_ratio(u)
        bg = 0.0004 if rng.random() < 0.5 else 0.0          # a few 504s from the image resizer every hour
        app_err += r * (e + bg)
        app_req += r * (1 - e - bg)
        n = served(u)
        rd_n += n
        lat_ms = 0.62 + (3.0 if ramp(u) > 0 else 0) + 24.0 * ramp(u) + rng.uniform(-0.05, 0.05)
        rd_t += n * lat_ms / 1000.0
    last = t
    P_ok.append((t, round(app_req)))
    P_err.append((t, round(app_err)))
    P_n.append((t, round(rd_n)))
    P_t.append((t, round(rd_t, 3)))
    P_q.append((t, round(min(2.0, 0.17 + rng.uniform(-0.02, 0.02) + (0.35 if ramp(t) > 0 else 0) + 2.6 * ramp(t)), 3)))
for t in frange(M0, M1, 60):
    b = burst(t)
    if b is not None:
        P_bb.append((t, round(b, 2)))
    P_ops.append((add(t, seconds=-60), round(served(t) * 60 * (1 + rng.uniform(-0.004, 0.004)) if t < STARTED or t > add(MOD, seconds=40) else 90000)))
inc.write("scrape/pg-catalog-1.om", openmetrics([
    ("catalog_http_requests", "counter", "HTTP requests served by catalog-api.",
     [({"job": "catalog-api", "code": "200"}, P_ok), ({"job": "catalog-api", "code": "504"}, P_err)]),
    ("catalog_http_request_duration_seconds", "summary", "Request latency of catalog-api.",
     [({"job": "catalog-api", "quantile": "0.99"}, P_q)]),
    ("node_disk_reads_completed", "counter", "The total number of reads completed successfully.",
     [({"instance": "pg-catalog-1:9100", "device": "nvme1n1"}, P_n)]),
    ("node_disk_read_time_seconds", "counter", "The total number of seconds spent by all reads.",
     [({"instance": "pg-catalog-1:9100", "device": "nvme1n1"}, P_t)]),
    ("aws_ebs_burst_balance_average", "gauge", "CloudWatch metric AWS/EBS BurstBalance Dimensions: [VolumeId] Statistic: [Average] Unit: [Percent]",
     [({"job": "cloudwatch", "volume_id": VOL}, P_bb)]),
    ("aws_ebs_volume_read_ops_sum", "gauge", "CloudWatch metric AWS/EBS VolumeReadOps Dimensions: [VolumeId] Statistic: [Sum] Unit: [Count]",
     [({"job": "cloudwatch", "volume_id": VOL}, P_ops)]),
]))

# ---- PostgreSQL server log (log_line_prefix = '%m [%p] %q%u@%d ', log_min_duration_statement = 1000)
pl = []
def PG(t, pid, who, lvl, msg, extra=()):
    s_ = "%s.%03d UTC [%d] %s%s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, (who + " ") if who else "", lvl, msg)
    pl.append((t, "\n".join([s_] + list(extra))))
QUERIES = ["SELECT p.id, p.title, p.price_cents, p.stock FROM products p WHERE p.id = $1",
           "SELECT v.* FROM product_variants v WHERE v.product_id = $1 ORDER BY v.position",
           "SELECT r.rating, r.body FROM reviews r WHERE r.product_id = $1 ORDER BY r.created_at DESC LIMIT 20",
           "SELECT c.id, c.slug FROM categories c JOIN product_categories pc ON pc.category_id = c.id WHERE pc.product_id = $1"]
L0 = T(D + "00:00:00")
for t in frange(add(L0, seconds=113), M1, 300):
    st = rng.uniform(0.004, 0.02) if ramp(t) == 0 else rng.uniform(6, 22) * max(0.3, ramp(t))
    PG(t, 1187, "", "LOG", "checkpoint starting: time")
    done = add(t, seconds=269.9 + st)
    PG(done, 1187, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=269.8%02d s, sync=%.3f s, total=%.3f s; sync files=%d, longest=%.3f s, average=%.3f s; distance=%d kB, estimate=%d kB" % (
        rng.randint(9000, 16000), rng.uniform(0.4, 0.8), rng.randint(3, 7), rng.randint(0, 99), st, 269.9 + st, rng.randint(280, 340), st * 0.6, st / 300, rng.randint(90000, 160000), rng.randint(110000, 150000)))
for t in poisson_times(rng, L0, M1, 1 / 170.0):
    PG(t, rng.randint(30000, 65000), "catalog_app@catalog", "LOG", "could not receive data from client: Connection reset by peer")
for t in poisson_times(rng, L0, M1, 1 / 1300.0):
    PG(t, rng.randint(30000, 65000), "reporting@catalog", "LOG", "duration: %.3f ms  statement: SELECT date_trunc('day', o.created_at), count(*) FROM order_lines o WHERE o.created_at > now() - interval '30 days' GROUP BY 1" % rng.uniform(1050, 1900))
for t in poisson_times(rng, STARTED, MITIGATED, 0.2):
    r = ramp(t)
    if rng.random() < min(1.0, r * 1.3 + 0.05):
        pid = rng.randint(30000, 65000)
        q = rng.choice(QUERIES)
        if rng.random() < err_ratio(t) / max(0.01, r * 0.17) * 0.45:
            PG(t, pid, "catalog_app@catalog", "ERROR", "canceling statement due to statement timeout", ["%s UTC [%d] catalog_app@catalog STATEMENT:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000), pid, q)])
        else:
            PG(t, pid, "catalog_app@catalog", "LOG", "duration: %.3f ms  execute <unnamed>: %s" % (1000 + 1000 * rng.random() * max(0.2, r), q), ["%s UTC [%d] catalog_app@catalog DETAIL:  parameters: $1 = '%d'" % (t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000), pid, rng.randint(10000, 990000))])
PG(add(STARTED, seconds=9), 48812, "catalog_app@catalog", "LOG", "duration: 1212.404 ms  execute <unnamed>: " + QUERIES[0], ["2026-10-19 08:58:39.211 UTC [48812] catalog_app@catalog DETAIL:  parameters: $1 = '771302'"])
c = CRON[-1]
PG(c, 20114, "catalog_export@catalog", "ERROR", "permission denied for table audit_events", ["%s UTC [20114] catalog_export@catalog STATEMENT:  COPY (SELECT * FROM audit_events WHERE created_at >= current_date - 1) TO STDOUT WITH CSV HEADER" % c.strftime("%Y-%m-%d %H:%M:%S.000")])
inc.lines("pg/postgresql-2026-10-19_000000.log", [l for _, l in sorted(pl, key=lambda x: x[0])])

# ---- catalog-api systemd journal (journalctl -o json)
jl = []
boot = uid("boot-cat-2", 32)
def J(t, host, prio, msg, pid=2231):
    us = int(round(epoch(t) * 1_000_000))
    jl.append((t, jline({"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid(host, 32), 0x4d2a10 + len(jl), boot, us - int(epoch(T("2026-10-02 04:11:09")) * 1_000_000), us, uid(str(us), 16)),
                          "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - int(epoch(T("2026-10-02 04:11:09")) * 1_000_000)), "_BOOT_ID": boot,
                          "PRIORITY": str(prio), "_TRANSPORT": "stdout", "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": "catalog-api",
                          "_SYSTEMD_UNIT": "catalog-api.service", "_HOSTNAME": host, "_PID": str(pid), "_UID": "998", "_COMM": "catalog-api",
                          "MESSAGE": msg})))
HOSTS = ["catalog-app-1", "catalog-app-2", "catalog-app-3"]
for t in poisson_times(rng, M0, M1, 0.18):
    h = rng.choice(HOSTS)
    if rng.random() < err_ratio(t) * 1.6:
        J(t, h, 3, "ERROR GET /v2/products/%d 504 %dms err=\"pgx: timeout: context deadline exceeded (query_timeout=2s pool=catalog-primary)\"" % (rng.randint(10000, 990000), rng.randint(2001, 2090)))
    else:
        lat = rng.randint(25, 180) + int(1700 * ramp(t) * rng.random())
        J(t, h, 6, "INFO GET /v2/products/%d 200 %dms" % (rng.randint(10000, 990000), lat))
for t in poisson_times(rng, M0, M1, 1 / 150.0):
    J(t, rng.choice(HOSTS), 4, "WARN image probe failed sku=%d cdn_status=404 fallback=placeholder" % rng.randint(10000, 990000))
for t in poisson_times(rng, M0, M1, 1 / 900.0):
    J(t, rng.choice(HOSTS), 3, "ERROR GET /v2/products/%d/image 504 30004ms err=\"resizer upstream timeout\"" % rng.randint(10000, 990000))
J(add(STARTED, seconds=14), "catalog-app-2", 3, "ERROR GET /v2/products/771302 504 2003ms err=\"pgx: timeout: context deadline exceeded (query_timeout=2s pool=catalog-primary)\"")
J(add(MITIGATED, seconds=-25), "catalog-app-1", 3, "ERROR GET /v2/products/118840 504 2001ms err=\"pgx: timeout: context deadline exceeded (query_timeout=2s pool=catalog-primary)\"")
inc.lines("journal/catalog-api.json.gz", [l for _, l in sorted(jl, key=lambda x: x[0])])

# ---- CloudTrail LookupEvents (aws cloudtrail lookup-events --output json)
def ct(t, name, source, user, res, req, resp=None):
    eid = uuid("ct" + name + iso(t))
    ev = {"eventVersion": "1.10", "userIdentity": {"type": "AssumedRole", "principalId": "AROA%s:%s" % (uid(user, 16).upper(), user),
                                                     "arn": "arn:aws:sts::418295730112:assumed-role/%s/%s" % ("sso-dba" if "farah" in user else "ci-deployer", user),
                                                     "accountId": "418295730112"},
          "eventTime": iso(t), "eventSource": source, "eventName": name, "awsRegion": "eu-west-1",
          "sourceIPAddress": "198.51.100.%d" % (17 + len(user)), "userAgent": "aws-cli/2.17.12 md/Botocore#1.34.141",
          "requestParameters": req, "responseElements": resp, "requestID": uuid("rq" + eid), "eventID": eid,
          "readOnly": False, "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": "418295730112"}
    return {"EventId": eid, "EventName": name, "ReadOnly": "false", "AccessKeyId": "ASIA" + uid(user + name, 16).upper(),
            "EventTime": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "EventSource": source, "Username": user,
            "Resources": [{"ResourceType": rt_, "ResourceName": rn} for rt_, rn in res], "CloudTrailEvent": jline(ev)}
events = [
    ct(T(D + "07:02:44"), "PutScalingPolicy", "autoscaling.amazonaws.com", "ci-notifications",
       [("AWS::AutoScaling::AutoScalingGroup", "notify-workers-asg")], {"autoScalingGroupName": "notify-workers-asg", "policyName": "sqs-age-target", "policyType": "TargetTrackingScaling"}),
    ct(OTHER_DEPLOY, "UpdateService", "ecs.amazonaws.com", "ci-search",
       [("AWS::ECS::Service", "search-indexer"), ("AWS::ECS::Cluster", "search-prod")],
       {"cluster": "search-prod", "service": "search-indexer", "taskDefinition": "search-indexer:412", "forceNewDeployment": False},
       {"service": {"serviceName": "search-indexer", "taskDefinition": "arn:aws:ecs:eu-west-1:418295730112:task-definition/search-indexer:412", "desiredCount": 4}}),
    ct(MOD, "ModifyVolume", "ec2.amazonaws.com", "farah.haddad",
       [("AWS::EC2::Volume", VOL)], {"ModifyVolumeRequest": {"VolumeId": VOL, "VolumeType": "gp3", "Iops": 6000, "Throughput": 500}},
       {"ModifyVolumeResponse": {"volumeModification": {"volumeId": VOL, "modificationState": "modifying", "targetSize": 500, "targetIops": 6000,
                                                        "targetVolumeType": "gp3", "targetThroughput": 500, "originalSize": 500, "originalIops": 1500,
                                                        "originalVolumeType": "gp2", "progress": 0, "startTime": iso(MOD)}}}),
    ct(T(D + "10:20:31"), "UpdateFunctionCode", "lambda.amazonaws.com", "ci-checkout",
       [("AWS::Lambda::Function", "checkout-receipt-mailer")], {"functionName": "checkout-receipt-mailer", "s3Bucket": "acme-lambda-artifacts", "s3Key": "checkout-receipt-mailer/1.9.4.zip"}),
]
inc.json("trail/lookup-events-eu-west-1.json", {"Events": sorted(events, key=lambda e: e["EventTime"], reverse=True)})

# ---- Alertmanager webhook deliveries captured by the archive receiver (JSON array)
hooks = []
wl = {"severity": "warning", "team": "catalog", "service": "catalog-api"}
pl_ = {"severity": "page", "team": "catalog", "service": "catalog-api", "slo": "availability"}
hooks.append(am_webhook("slack-catalog", [am_alert("CatalogApiLatencyHigh", wl, "catalog-api p99 above 1s for 10m", ALERT_WARN)]))
hooks.append(am_webhook("pagerduty-catalog", [am_alert("CatalogApiErrorBudgetBurn", pl_, "catalog-api burning error budget 14x (1h window)", ALERT_PAGE)]))
hooks.append(am_webhook("slack-catalog", [am_alert("CatalogApiLatencyHigh", wl, "catalog-api p99 above 1s for 10m", ALERT_WARN, ends=WARN_OK)]))
hooks.append(am_webhook("pagerduty-catalog", [am_alert("CatalogApiErrorBudgetBurn", pl_, "catalog-api burning error budget 14x (1h window)", ALERT_PAGE, ends=PAGE_OK)]))
hooks.append(am_webhook("slack-catalog", [am_alert("CatalogNightlyExportFailed", {"severity": "ticket", "team": "catalog", "job": "catalog-export"},
                                                   "catalog-export did not complete", add(CRON[-1], seconds=70))]))
nl = {"severity": "warning", "team": "notifications", "queue": "notify-email"}
for a, b in [("08:41:00", "08:47:30"), ("09:05:00", "09:16:30"), ("09:52:00", "09:58:00"), ("10:24:00", "10:31:30")]:
    hooks.append(am_webhook("slack-notifications", [am_alert("SqsOldestMessageAgeHigh", nl, "notify-email oldest message older than 5m", T(D + a))]))
    hooks.append(am_webhook("slack-notifications", [am_alert("SqsOldestMessageAgeHigh", nl, "notify-email oldest message older than 5m", T(D + a), ends=T(D + b))]))
hooks.append(am_webhook("slack-platform", [am_alert("HostDiskWillFillIn24h", {"severity": "warning", "team": "platform", "instance": "bastion-1:9100", "mountpoint": "/var/log"},
                                                    "/var/log on bastion-1 will fill within 24h", T(D + "06:12:00"))]))
def first_time(h):
    a = h["alerts"][0]
    return a["endsAt"] if h["status"] == "resolved" else a["startsAt"]
inc.json("receiver-archive-1019.json", sorted(hooks, key=first_time))

# ---- PagerDuty log entries
pd = PD(48213, "CatalogApiErrorBudgetBurn catalog-api burning error budget", "catalog-api", "PCAT9X1")
jonas = PD.user("Jonas Lindqvist", "PJONAS2")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Jonas Lindqvist by push notification.", user=jonas)
pd.add(ACK, "acknowledge_log_entry", jonas, {"type": "mobile"}, "Acknowledged by Jonas Lindqvist.")
pd.add(add(PAGE_OK, seconds=5), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", jonas, {"type": "web_ui"}, "Resolved by Jonas Lindqvist.")
inc.json("inc-48213.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("U03JONAS", "jonas", "Jonas Lindqvist"), ("U03FARAH", "farah", "Farah Haddad"), ("U03ANA", "ana", "Ana Ribeiro"),
                ("U03KEN", "ken", "Kenji Mori"), ("U03OLA", "ola", "Ola Nordmann")]:
    s.user(u, n, r, "Europe/Dublin")
for cid, n in [("C03CAT", "catalog-alerts"), ("C03INC", "inc-catalog-slow"), ("C03JOBS", "catalog-jobs")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("catalog-jobs", add(c, seconds=75), "B03AM", "alertmanager", attachments=am_slack_attachment("firing", "CatalogNightlyExportFailed", "catalog-export did not complete: permission denied for table audit_events", color="warning"))
s.bot("catalog-alerts", add(ALERT_WARN, seconds=6), "B03AM", "alertmanager", attachments=am_slack_attachment("firing", "CatalogApiLatencyHigh", "catalog-api p99 above 1s for 10m", color="warning"))
s.bot("catalog-alerts", add(ALERT_PAGE, seconds=6), "B03AM", "alertmanager", attachments=am_slack_attachment("firing", "CatalogApiErrorBudgetBurn", "catalog-api burning error budget 14x (1h window)"))
s.bot("catalog-alerts", add(WARN_OK, seconds=6), "B03AM", "alertmanager", attachments=am_slack_attachment("resolved", "CatalogApiLatencyHigh", "catalog-api p99"))
s.bot("catalog-alerts", add(PAGE_OK, seconds=6), "B03AM", "alertmanager", attachments=am_slack_attachment("resolved", "CatalogApiErrorBudgetBurn", "catalog-api error budget"))
s.say("catalog-alerts", T(D + "09:24:10"), "U03ANA", "p99 warning again, it's been creeping up since about 9. anyone looking?")
ch = "inc-catalog-slow"
s.say(ch, add(ACK, seconds=50), "U03JONAS", "acked. product pages slow, ~10% 504s, all three app hosts the same, errors are pgx query timeouts on the primary pool")
s.say(ch, WRONG1, "U03KEN", "search-indexer went out at 09:10, could the reindex be hammering the catalog db?")
s.say(ch, add(WRONG1, seconds=40), "U03OLA", "the indexer reads from the catalog replica, not the primary")
s.say(ch, COMMS, "U03ANA", "status page: 'Product pages loading slowly, some requests failing. Investigating.'")
s.say(ch, ROLLBACK_Q, "U03KEN", "should we roll back the indexer anyway, to be safe?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "U03JONAS", "not yet, it doesn't touch the primary")
s.say(ch, WRONG2, "U03ANA", "autovacuum on products again like last month?")
s.say(ch, add(WRONG2, seconds=45), "U03FARAH", "no vacuum running, pg_stat_activity is all catalog_app reads waiting on IO: DataFileRead")
s.say(ch, DIAG, "U03FARAH", "found it: the data volume of pg-catalog-1 is still gp2 and its BurstBalance went to 0 just before 9, reads are flat at exactly 1500 IOPS since then. the working set doesn't fit in memory any more, every cache miss queues on the disk")
s.say(ch, add(DIAG, seconds=70), "U03FARAH", "changing it to gp3 with 6000 IOPS, it's an online modification, no restart")
s.say(ch, T(D + "09:53:40"), "U03FARAH", "volume is in 'optimizing', read IOPS above 3k already and latency dropping")
s.say(ch, T(D + "09:59:30"), "U03JONAS", "504s gone, p99 back around 170ms")
s.say(ch, add(RESOLVED, seconds=-45), "U03JONAS", "stable for 30 min, resolving. follow-ups: burst balance alert on every gp2 volume, move the rest to gp3")
s.write(inc, "slack")

inc.truth(
    "catalog-pg-burst", "ebs-burst-credit-exhaustion-growth",
    "The catalog Postgres primary's gp2 volume ran out of burst credits on the Monday ramp (working set grown past memory);\n"
    "reads were pinned at 1500 IOPS and product-page timeouts grew slowly until the volume was modified online to gp3.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "BurstBalance reaches 0, reads pinned at 1500 IOPS, first 504s/timeouts appear in the series", "scrape/pg-catalog-1.om", 60),
     (ALERT_WARN, "alert_fired", "CatalogApiLatencyHigh firing (warning)", "receiver-archive-1019.json", 60),
     (PAGE, "paged", "PagerDuty #48213 triggered (CatalogApiErrorBudgetBurn)", "inc-48213.json", 60),
     (ACK, "acknowledged", "Jonas acknowledges", "inc-48213.json", 60),
     (COMMS, "communication", "status page: product pages slow", "slack", 90),
     (DIAG, "diagnosis", "Farah: gp2 volume out of burst credits, reads flat at 1500 IOPS", "slack", 90),
     (MOD, "mitigation", "ModifyVolume gp2 -> gp3 6000 IOPS on pg-catalog-1's data volume", "trail/lookup-events-eu-west-1.json", 60),
     (MITIGATED, "recovery", "504 rate and p99 back to baseline in the series", "scrape/pg-catalog-1.om", 60),
     (PAGE_OK, "alert_resolved", "CatalogApiErrorBudgetBurn resolved", "receiver-archive-1019.json", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "inc-48213.json", 60)],
    [(CRON[-1], "nightly catalog-export fails every day at 02:15 (permission denied for table audit_events)", "pg/postgresql-2026-10-19_000000.log"),
     (OTHER_DEPLOY, "search-indexer ECS deploy by the search team", "trail/lookup-events-eu-west-1.json"),
     (T(D + "10:20:31"), "checkout Lambda update", "trail/lookup-events-eu-west-1.json"),
     (T(D + "09:05:00"), "SqsOldestMessageAgeHigh flapping (notifications team)", "receiver-archive-1019.json"),
     (T(D + "06:12:00"), "HostDiskWillFillIn24h on bastion-1", "receiver-archive-1019.json"),
     (T(D + "09:00:00"), "steady connection resets, slow reporting query, image probe 404s and resizer 504s all window", "journal/catalog-api.json.gz"),
     (WRONG1, "wrong hunch: search-indexer reindex", "slack"),
     (ROLLBACK_Q, "'should we roll back the indexer?' question", "slack"),
     (WRONG2, "wrong hunch: autovacuum", "slack")],
    [("scrape/pg-catalog-1.om", "openmetrics"), ("pg/postgresql-2026-10-19_000000.log", "logs"), ("journal/catalog-api.json.gz", "logs"),
     ("trail/lookup-events-eu-west-1.json", "deploys"), ("receiver-archive-1019.json", "alertmanager-webhook"),
     ("inc-48213.json", "pagerduty-log-entries"), ("slack", "slack-export")])
