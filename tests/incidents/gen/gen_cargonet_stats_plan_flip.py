"""train14/cargonet-stats-plan-flip: the daily retention purge, now at 90 days, deletes 41% of shipments; InnoDB's
persistent statistics are recalculated and the shipment-list query switches to the created_at index, scanning millions
of rows; customers report timeouts before any alert; pt-kill helps partly, ANALYZE with more sample pages fixes it."""
import random
from common import *

rng = random.Random(20260611)
inc = Incident("train14", "cargonet-stats-plan-flip")
D = "2026-06-11 "
W0, W1 = T(D + "06:00:00"), T(D + "09:00:00")
CRON = [T("2026-06-%02d 06:30:%02d" % (d, 3 + d % 5)) for d in (8, 9, 10, 11)]
CFG = T("2026-06-10 16:40:12")
PURGE = T(D + "06:05:00")
PURGE_END = T(D + "06:21:36")
STARTED = T(D + "06:22:05")
CUST = T(D + "06:57:40")
PAGE = T(D + "07:01:15")
ACK = T(D + "07:03:50")
DBWARN = T(D + "07:04:00")
WRONG = T(D + "07:07:10")
ROLLBACK_Q = T(D + "07:09:30")
PTKILL = T(D + "07:14:20")
DIAG = T(D + "07:19:30")
OTHER_DEPLOY = T(D + "07:22:10")
COMMS = T(D + "07:24:45")
SAMPLE = T(D + "07:30:40")
ANALYZE = T(D + "07:31:05")
ANALYZE_END = T(D + "07:31:07")
MITIGATED = T(D + "07:31:20")
DBWARN_OK = T(D + "07:34:30")
HOTFIX = T(D + "08:12:30")
RESOLVED = T(D + "08:25:00")


def load(t):
    """morning ramp, 0..1"""
    return max(0.2, min(1.0, 0.2 + (t - W0).total_seconds() / 7200.0))


def flipped(t):
    return STARTED <= t < ANALYZE_END


def list_fail(t):
    if not flipped(t):
        return 0.0
    f = min(0.55, 0.02 + (t - STARTED).total_seconds() / 4200.0 * 0.6)
    return f


ACCTS = [40213, 40877, 51002, 18842, 23310, 77120, 60411, 9921, 31007, 12876]
BIG = {40213, 40877, 51002}
LISTQ = ("SELECT s.id, s.tracking_number, s.carrier, s.status, s.created_at, s.eta FROM shipments s WHERE s.account_id = %d "
         "AND s.status IN ('label_created','in_transit','out_for_delivery','exception') ORDER BY s.created_at DESC LIMIT 50;")

# ---- MySQL slow query log (UTC, long_query_time=1)
sl = ["/usr/sbin/mysqld, Version: 8.0.39 (MySQL Community Server - GPL). started with:",
      "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock",
      "Time                 Id Command    Argument"]
ent = []
def S(end, qt, user, ip, tid, rows_sent, rows_ex, sql, lock=0.000004):
    start = add(end, seconds=-qt)
    ent.append((end, "\n".join([
        "# Time: %s" % iso_us(end),
        "# User@Host: %s[%s] @  [%s]  Id: %d" % (user, user, ip, tid),
        "# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d" % (qt, lock, rows_sent, rows_ex),
        "SET timestamp=%d;" % int(epoch(start)),
        sql])))
    if rng.random() < 0.1:
        ent[-1] = (end, ent[-1][1].replace("SET timestamp=", "use cargonet;\nSET timestamp=", 1))
for t in poisson_times(rng, W0, W1, 1 / 360.0):
    S(t, rng.uniform(1.1, 2.6), "reporting", "10.20.7.12", rng.randint(70000, 99000), rng.randint(2000, 9000), rng.randint(800000, 1400000),
      "SELECT i.account_id, DATE(i.issued_at) d, SUM(i.amount_cents) FROM invoices i WHERE i.issued_at >= '2026-05-01' GROUP BY i.account_id, d;")
tid = 91877
for t in frange(add(PURGE, seconds=4), add(PURGE_END, seconds=-5), 21):
    S(add(t, seconds=rng.uniform(0, 3)), rng.uniform(1.05, 1.9), "retention_job", "10.20.4.88", tid, 0, 50000,
      "DELETE FROM shipments WHERE created_at < '2026-03-13 00:00:00' ORDER BY id LIMIT 50000;", lock=rng.uniform(0.00001, 0.0003))
tid2 = 93000
first = True
for t in poisson_times(rng, STARTED, ANALYZE_END, 0.14):
    if first:
        t, first = STARTED, False
    f = list_fail(t)
    acct = rng.choice(sorted(BIG)) if rng.random() < 0.5 else rng.choice(ACCTS)
    base = 2.0 + 9.0 * f / 0.55
    qt = rng.uniform(1.3, 2.5) if t == STARTED else rng.uniform(base * 0.5, base * 1.4)
    if t >= PTKILL:
        qt = min(qt, rng.uniform(8.0, 8.9))
    if t == STARTED:
        acct = 40213
    S(t, qt, "shipments_app", "10.20.%d.%d" % (rng.randint(2, 3), rng.randint(10, 90)), rng.randint(93000, 99999), 50 if qt < 10 else 0,
      int(qt * rng.uniform(380000, 460000)), LISTQ % acct)
S(ANALYZE_END, 2.041233, "dba_mhoffmann", "10.20.1.5", 99871, 1, 0, "ANALYZE TABLE shipments;", lock=0.000181)
inc.lines("db/mysql-slow.log", sl + [l for _, l in sorted(ent, key=lambda x: x[0])])

# ---- shipments-api (Go, zap production JSON)
zp = []
def Z(t, lvl, caller, msg, **kw):
    o = {"level": lvl, "ts": round(epoch(t), 6), "caller": caller, "msg": msg}
    o.update(kw)
    zp.append((t, jline(o)))
for t in poisson_times(rng, W0, W1, 0.09 + 0.0):
    if rng.random() > load(t):
        continue
    rid = hexid(rng, 16)
    acct = rng.choice(ACCTS)
    f = list_fail(t)
    if flipped(t) and rng.random() < f * (1.6 if acct in BIG else 0.6):
        err = "context deadline exceeded" if t < PTKILL or rng.random() < 0.3 else "Error 1317 (70100): Query execution was interrupted"
        el = 10.0 + rng.uniform(0.0001, 0.004) if "deadline" in err else rng.uniform(8.0, 9.0)
        Z(add(t, seconds=el), "error", "store/shipments.go:212", "list shipments", request_id=rid, account_id=acct, elapsed=round(el, 4), error=err)
        Z(add(t, seconds=el + 0.0004), "info", "httpx/log.go:58", "request", request_id=rid, method="GET", path="/api/v2/shipments", status=503, dur_ms=int(el * 1000))
    else:
        d = rng.uniform(0.01, 0.09) if not flipped(t) else rng.uniform(0.8, 4.0) * (1 if acct in BIG else 0.4)
        if d > 2.5:
            Z(add(t, seconds=d), "warn", "store/shipments.go:219", "slow query", request_id=rid, account_id=acct, elapsed=round(d, 4))
        Z(add(t, seconds=d), "info", "httpx/log.go:58", "request", request_id=rid, method="GET", path="/api/v2/shipments", status=200, dur_ms=int(d * 1000))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    Z(t, "warn", "rates/cache.go:77", "carrier rate cache miss, falling back to db", carrier=rng.choice(["dhl", "dpd", "gls", "hermes"]))
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    Z(t, "error", "tracking/poller.go:133", "carrier tracking poll failed", carrier="hermes", error="Get \"https://api.hermes-carrier.example/v1/track\": net/http: TLS handshake timeout")
Z(HOTFIX, "info", "cmd/server/main.go:41", "starting shipments-api", version="4.18.1", commit="e7a03c1")
inc.lines("svc/shipments-api.jsonl", [l for _, l in sorted(zp, key=lambda x: x[0])])

# ---- AWS ALB access log (gzipped)
al = []
UA = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/148.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.5 Safari/605.1.15",
      "cargonet-sdk-python/3.2.1", "okhttp/4.12.0"]
TG = "arn:aws:elasticloadbalancing:eu-central-1:417250993412:targetgroup/shipments-api-prod/6d0ecf831eec9f09"
def ALB(t, ip, method, path, st, tpt, ua, sent):
    req_start = add(t, seconds=-tpt)
    tgt = "10.20.%d.%d:8080" % (rng.randint(2, 3), rng.randint(10, 90))
    return ('https %s app/cargonet-prod/50dc6c495c0c9188 %s:%d %s 0.000 %.3f 0.000 %d %d %d %d "%s https://api.cargonet.example:443%s HTTP/1.1" "%s" '
            'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 %s "Root=1-%08x-%s" "api.cargonet.example" "session-reused" 0 %s "forward" "-" "-" "%s" "%d" "-" "-" TID_%s') % (
        iso_us(t), ip, rng.randint(1024, 65000), tgt, tpt, st, st, rng.randint(300, 900), sent, method, path, ua, TG,
        int(epoch(req_start)), hexid(rng, 24), iso_us(req_start), tgt, st, hexid(rng, 32))
for t in poisson_times(rng, W0, W1, 0.4):
    if rng.random() > load(t):
        continue
    ip = "%d.%d.%d.%d" % (rng.choice([87, 91, 178, 185, 217]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    r = rng.random()
    ua = rng.choice(UA)
    if r < 0.4:
        acct = rng.choice(ACCTS)
        path = "/api/v2/shipments?account=%d&status=open&limit=50" % acct
        f = list_fail(t)
        if flipped(t) and rng.random() < f * (1.6 if acct in BIG else 0.6):
            al.append((add(t, seconds=10.004), ALB(add(t, seconds=10.004), ip, "GET", path, 503, 10.003, ua, 171)))
        else:
            d = rng.uniform(0.012, 0.09) if not flipped(t) else rng.uniform(0.8, 4.0) * (1 if acct in BIG else 0.4)
            al.append((add(t, seconds=d), ALB(add(t, seconds=d), ip, "GET", path, 200, d, ua, rng.randint(9000, 30000))))
    else:
        method, path = rng.choice([("GET", "/api/v2/shipments/%s%d" % (rng.choice(["CN", "JJD"]), rng.randint(10**8, 10**9))), ("POST", "/api/v2/labels"),
                                   ("GET", "/api/v2/tracking/%d" % rng.randint(10**9, 10**10)), ("GET", "/api/v2/rates?from=DE&to=FR")])
        slow = flipped(t) and t < PTKILL and rng.random() < list_fail(t)
        d = rng.uniform(1.5, 6.0) if slow else rng.uniform(0.008, 0.12)
        st = 201 if method == "POST" else 200
        if method == "GET" and "/tracking/" in path and rng.random() < 0.05:
            st = 404
        al.append((add(t, seconds=d), ALB(add(t, seconds=d), ip, method, path, st, d, ua, rng.randint(400, 6000))))
inc.lines("lb/417250993412_elasticloadbalancing_eu-central-1_app.cargonet-prod.log.gz", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- mysqld_exporter scrape (OpenMetrics)
rows, tr = [], []
acc = 8.1e12
for t in frange(W0, W1, 60):
    rr = (60000 + 40000 * load(t)) if not flipped(t) else (2.0e6 * (0.3 + list_fail(t) / 0.55) if t < PTKILL else 1.1e6)
    if PURGE <= t < PURGE_END:
        rr += 2400
    acc += rr * 60
    rows.append((t, int(acc)))
    th = 3 + (int(epoch(t)) // 60) % 4 if not flipped(t) else (int(6 + 60 * list_fail(t) / 0.55) if t < PTKILL else 14 + (int(epoch(t)) // 60) % 5)
    tr.append((t, th))
inc.write("metrics/mysql-primary.om", openmetrics([
    ("mysql_global_status_innodb_row_ops", "counter", "Generic counter metric from SHOW GLOBAL STATUS.", [({"instance": "mysql-prod-1:9104", "operation": "read"}, rows)]),
    ("mysql_global_status_threads_running", "gauge", "Generic metric from SHOW GLOBAL STATUS.", [({"instance": "mysql-prod-1:9104"}, tr)])]))

# ---- kube events (v1 events.k8s.io)
k = Kube(rng)
k.ev(PURGE, "jobs", "CronJob", "shipment-retention-purge", "SuccessfulCreate", "Created job shipment-retention-purge-29682365", component="cronjob-controller")
k.ev(add(PURGE, seconds=0.3), "jobs", "Job", "shipment-retention-purge-29682365", "SuccessfulCreate", "Created pod: shipment-retention-purge-29682365-9h2lx", component="job-controller")
k.pod_start(add(PURGE, seconds=0.4), "jobs", "shipment-retention-purge-29682365-9h2lx", "ip-10-20-4-88.eu-central-1.compute.internal", "417250993412.dkr.ecr.eu-central-1.amazonaws.com/shipments-jobs:2.7.3", "purge")
k.ev(PURGE_END, "jobs", "Job", "shipment-retention-purge-29682365", "Completed", "Job completed", component="job-controller")
k.ev(PURGE_END, "jobs", "CronJob", "shipment-retention-purge", "SawCompletedJob", "Saw completed job: shipment-retention-purge-29682365, condition: Complete", component="cronjob-controller")
k.ev(add(CRON[-1], seconds=-3), "jobs", "CronJob", "carrier-rates-sync", "SuccessfulCreate", "Created job carrier-rates-sync-29682390", component="cronjob-controller")
k.ev(add(CRON[-1], seconds=40), "jobs", "Job", "carrier-rates-sync-29682390", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(OTHER_DEPLOY, "billing", "Deployment", "billing-ui", "ScalingReplicaSet", "Scaled up replica set billing-ui-7d5c8f9b4 to 1", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=66), "billing", "Deployment", "billing-ui", "ScalingReplicaSet", "Scaled down replica set billing-ui-66f9c7d8d to 0 from 1", component="deployment-controller")
k.ev(HOTFIX, "shipments", "Deployment", "shipments-api", "ScalingReplicaSet", "Scaled up replica set shipments-api-5f7b6d9c8 to 2", component="deployment-controller")
k.ev(add(HOTFIX, seconds=95), "shipments", "Deployment", "shipments-api", "ScalingReplicaSet", "Scaled down replica set shipments-api-84bd7c6f5 to 0 from 1", component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    k.ev(t, "shipments", "Pod", "tracking-poller-6c9d-%s" % hexid(rng, 5), "BackOff", "Back-off restarting failed container poller", type_="Warning", host="ip-10-20-2-%d.eu-central-1.compute.internal" % rng.randint(10, 90))
inc.json("k8s/events-prod.json", k.v1_list())

# ---- Argo CD application history (merged)
def h(i, rev, t, who, auto=False):
    return {"id": i, "revision": rev, "deployStartedAt": iso(add(t, seconds=-4)), "deployedAt": iso(t),
            "initiatedBy": {"username": who} if not auto else {"automated": True},
            "source": {"repoURL": "https://github.com/cargonet/deploy.git", "targetRevision": "HEAD"}}
hist = [{"metadata": {"name": "shipments-api", "namespace": "argocd"}, "status": {"history": [
            h(141, "2c81f0e" + hexid(rng, 33), T("2026-06-10 13:58:20"), "j.weber"),
            h(142, "e7a03c1" + hexid(rng, 33), HOTFIX, "j.weber")]}},
        {"metadata": {"name": "shipments-jobs", "namespace": "argocd"}, "status": {"history": [
            h(57, "b41d9aa" + hexid(rng, 33), CFG, "", auto=True)]}},
        {"metadata": {"name": "billing-ui", "namespace": "argocd"}, "status": {"history": [
            h(311, "0fe6b27" + hexid(rng, 33), OTHER_DEPLOY, "p.nowak")]}}]
inc.json("argocd/apps-history.json", {"items": hist})

# ---- pagerduty
pd = PD(9120, "Customers report shipment list timing out (Kuehne Logistik, Fleetwise)", "shipments-api", "PSHIP04")
jonas = PD.user("Jonas Weber", "PJWEB01")
lena = PD.user("Lena Vogt", "PLVOG02")
pd.add(PAGE, "trigger_log_entry", lena, {"type": "slack", "summary": "/pd trigger from #support-escalations"}, "Triggered by Lena Vogt via Slack.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Jonas Weber by push notification.", user=jonas)
pd.add(ACK, "acknowledge_log_entry", jonas, {"type": "mobile"}, "Acknowledged by Jonas Weber.")
pd.add(add(PAGE, minutes=15), "annotate_log_entry", jonas, {"type": "web_ui", "summary": "DB plan regression suspected on shipments list, DBA engaged"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", jonas, {"type": "web_ui"}, "Resolved by Jonas Weber.")
inc.json("pagerduty/incident-9120-log.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("U2JONAS", "jonas", "Jonas Weber"), ("U2LENA", "lena.support", "Lena Vogt"), ("U2MARK", "markus.dba", "Markus Hoffmann"),
                ("U2PIOT", "piotr", "Piotr Nowak"), ("U2ELIF", "elif", "Elif Yilmaz")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n in [("C2SUP", "support-escalations"), ("C2INC", "inc-shipments-list"), ("C2ALR", "alerts-prod")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("alerts-prod", add(c, seconds=95), "B2AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job jobs/carrier-rates-sync failed (BackoffLimitExceeded)", color="warning"))
for a, b in ((T(D + "06:14:30"), T(D + "06:26:30")), (T(D + "06:51:00"), T(D + "06:58:30")), (T(D + "07:40:30"), T(D + "07:49:00")), (T(D + "08:31:00"), T(D + "08:37:30"))):
    s.bot("alerts-prod", a, "B2AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaConsumerGroupLag", "analytics-events-sink lag > 500k (team data)", color="warning"))
    s.bot("alerts-prod", b, "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaConsumerGroupLag", "analytics-events-sink lag"))
s.bot("alerts-prod", DBWARN, "B2AM", "alertmanager", attachments=am_slack_attachment("firing", "MysqlThreadsRunningHigh", "mysql-prod-1:9104 threads_running 58 (> 40 for 5m)", color="warning"))
s.bot("alerts-prod", DBWARN_OK, "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "MysqlThreadsRunningHigh", "mysql-prod-1:9104 threads_running"))
s.say("support-escalations", CUST, "U2LENA", "Two enterprise customers (Kuehne Logistik, Fleetwise) say the shipment list in the portal and the /api/v2/shipments list endpoint time out since about 8:30 their time. Single shipment lookups work. Anyone?")
s.say("support-escalations", add(CUST, seconds=150), "U2LENA", "a third one now (Nordkurier). paging shipments on-call")
s.say("support-escalations", add(PAGE, seconds=-2), "U2LENA", "/pd trigger Customers report shipment list timing out (Kuehne Logistik, Fleetwise)")
ch = "inc-shipments-list"
s.say(ch, add(ACK, seconds=60), "U2JONAS", "acked. shipments-api list endpoint: ~30% 503 after 10s, `context deadline exceeded` in store/shipments.go. Nothing deployed on our side since yesterday afternoon")
s.say(ch, WRONG, "U2ELIF", "AWS eu-central-1 having a bad morning? there was an RDS/EC2 network thing last week")
s.say(ch, add(WRONG, seconds=50), "U2JONAS", "health dashboard is green, and other endpoints are just slow, not failing")
s.say(ch, ROLLBACK_Q, "U2ELIF", "should we roll back yesterday's 4.18.0?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U2JONAS", "4.18.0 didn't touch the store layer and ran fine all afternoon and evening. holding off")
s.say(ch, add(PTKILL, seconds=-40), "U2MARK", "threads_running is 60+, the DB is pegged by the list query. starting pt-kill for list queries over 8s to take pressure off")
s.say(ch, add(PTKILL, seconds=20), "U2MARK", "pt-kill running (--busy-time 8 --match-info 'FROM shipments s WHERE s.account_id' --kill-query)")
s.say(ch, add(PTKILL, seconds=240), "U2JONAS", "tracking and labels are fast again, the list still fails for the big accounts")
s.say(ch, DIAG, "U2MARK", "EXPLAIN flipped: the list query now uses idx_created_at and walks the whole table backwards instead of idx_account_status_created. The purge deleted 38M rows (retention went 180->90 days yesterday), InnoDB recalculated persistent stats with 20 sample pages and the cardinality estimate for account_id collapsed")
s.say(ch, COMMS, "U2JONAS", "status page: 'Shipment lists in portal and API are slow or failing for some accounts, fix in progress'")
s.say(ch, add(COMMS, seconds=30), "U2MARK", "going to raise STATS_SAMPLE_PAGES on shipments to 512 and ANALYZE. ANALYZE is cheap, a few seconds")
s.say(ch, add(SAMPLE, seconds=5), "U2MARK", "ALTER TABLE shipments STATS_SAMPLE_PAGES=512 done")
s.say(ch, add(ANALYZE_END, seconds=30), "U2MARK", "ANALYZE TABLE done, EXPLAIN is back on idx_account_status_created, 4 ms for Kuehne's account. stopping pt-kill")
s.say(ch, add(MITIGATED, minutes=3), "U2JONAS", "no 503s since 07:31, p99 list 60ms. status page -> monitoring")
s.say(ch, add(MITIGATED, minutes=8), "U2JONAS", "I'll ship a FORCE INDEX(idx_account_status_created) hotfix so the next purge can't flip it again")
s.say(ch, add(HOTFIX, seconds=150), "U2JONAS", "4.18.1 with the index hint is out")
s.say(ch, add(RESOLVED, seconds=-40), "U2JONAS", "stable, resolving. follow-up: purge job runs ANALYZE after large deletes")
s.write(inc, "slack-export")

inc.truth(
    "cargonet-stats-plan-flip", "statistics-recalc-after-bulk-delete-plan-flip-customer-detected",
    "The daily retention purge, shortened to 90 days the day before, deleted 41% of shipments; InnoDB's recalculated stats flipped the\n"
    "shipment-list plan to a full index walk; customers reported timeouts before any alert; pt-kill helped partly, ANALYZE with more sample pages fixed it.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PURGE, "change", "retention purge Job starts, first run with 90-day retention (38M rows deleted by 06:21)", "k8s/events-prod.json", 60),
     (STARTED, "first_symptom", "first slow shipment-list query scanning the created_at index", "db/mysql-slow.log", 60),
     (CUST, "communication", "support escalates customer reports of shipment list timeouts", "slack-export", 90),
     (PAGE, "paged", "PagerDuty #9120 triggered by support", "pagerduty/incident-9120-log.json", 60),
     (ACK, "acknowledged", "Jonas acknowledges", "pagerduty/incident-9120-log.json", 60),
     (DBWARN, "alert_fired", "MysqlThreadsRunningHigh firing", "slack-export", 60),
     (PTKILL, "mitigation", "pt-kill started for list queries over 8s (partial relief)", "slack-export", 90),
     (DIAG, "diagnosis", "Markus: plan flipped to idx_created_at after the purge recalculated stats", "slack-export", 90),
     (ANALYZE, "mitigation", "STATS_SAMPLE_PAGES=512 and ANALYZE TABLE shipments; plan restored", "db/mysql-slow.log", 60),
     (MITIGATED, "recovery", "last 503 on the shipment list", "lb/417250993412_elasticloadbalancing_eu-central-1_app.cargonet-prod.log.gz", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty/incident-9120-log.json", 60)],
    [(CRON[-1], "carrier-rates-sync CronJob fails daily at 06:30", "k8s/events-prod.json"),
     (OTHER_DEPLOY, "billing-ui deploy by billing team", "argocd/apps-history.json"),
     (T(D + "06:14:30"), "KafkaConsumerGroupLag (data team) flapping all morning", "slack-export"),
     (T(D + "06:51:00"), "KafkaConsumerGroupLag firing again", "slack-export"),
     (WRONG, "wrong hunch: AWS eu-central-1 problem", "slack-export"),
     (ROLLBACK_Q, "'should we roll back yesterday's 4.18.0?' question", "slack-export"),
     (T(D + "06:40:00"), "steady reporting-invoice slow queries, hermes TLS timeouts, tracking-poller back-offs all window", "db/mysql-slow.log"),
     (HOTFIX, "4.18.1 FORCE INDEX hotfix after mitigation, not the mitigation", "argocd/apps-history.json")],
    [("db/mysql-slow.log", "logs"), ("svc/shipments-api.jsonl", "logs"),
     ("lb/417250993412_elasticloadbalancing_eu-central-1_app.cargonet-prod.log.gz", "logs"),
     ("metrics/mysql-primary.om", "openmetrics"), ("k8s/events-prod.json", "kube-events"), ("argocd/apps-history.json", "deploys"),
     ("pagerduty/incident-9120-log.json", "pagerduty-log-entries"), ("slack-export", "slack-export")])
