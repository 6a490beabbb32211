"""retired10 / folhaz-wraparound-vacuum (2026-09-22): timesheet_entries' age(relfrozenxid) passes
autovacuum_freeze_max_age after months of faster XID use (customer growth); the anti-wraparound autovacuum
starts mid-morning with a cost limit left at 4000 from an old bloat clean-up and saturates the primary's data
volume reads. payroll-api timeouts grow slowly (no single moment) and fall back slowly after the cost limit is
lowered with ALTER SYSTEM + reload. payroll-api's log is in São Paulo local time without an offset."""
import random
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa

rng = random.Random(92226)
inc = Incident("retired10", "folhaz-wraparound-vacuum")
D = "2026-09-22 "
TZ = "America/Sao_Paulo"
VAC = T(D + "12:40:30")          # aggressive autovacuum begins (not logged at start)
RAMP0 = T(D + "12:47:30")        # impact ramp begins
FIRST_ERR = T(D + "12:47:41")
PLATEAU = T(D + "13:16:00")
ALERT = T(D + "12:58:42")
PAGE = T(D + "12:58:47")
ACK = T(D + "13:03:15")
OTHER = T(D + "13:00:40")
DIAG1 = T(D + "13:24:30")
DIAG2 = T(D + "13:29:10")
FIX = T(D + "13:42:10")
LAST_ERR = T(D + "13:50:48")
MITIG = T(D + "13:51:00")
AL_RES = T(D + "13:55:12")
RESOLVED = T(D + "14:20:05")
VAC_END = T(D + "19:48:31")
W0, W1 = T(D + "12:00:00"), T(D + "15:00:00")

def impact(t):
    if t <= RAMP0 or t >= MITIG:
        return 0.0
    if t < PLATEAU:
        return 0.10 * (t - RAMP0).total_seconds() / (PLATEAU - RAMP0).total_seconds()
    if t <= FIX:
        return 0.10 + 0.008 * ((int(epoch(t)) // 30) % 3 - 1)
    return 0.10 * (MITIG - t).total_seconds() / (MITIG - FIX).total_seconds()

def base(t, seed):
    return 0.0006 + 0.0002 * (((int(epoch(t)) // 30) * 7 + seed) % 5 - 2) / 2

# ---------------------------------------------------------------- Prometheus query_range: 5xx ratio by service
series = [({"service": "payroll-api"}, lambda t: base(t, 1) + impact(t)),
          ({"service": "timesheets-api"}, lambda t: base(t, 3) + impact(t) * 0.6),
          ({"service": "reports-svc"}, lambda t: base(t, 4) * 3)]
inc.json("ratio-5xx-0922.json", query_range(series, W0, W1, 30, fmt="%.5f"))

# ---------------------------------------------------------------- OpenMetrics: pg-main-01 data volume
def read_rate(t):  # bytes/s
    s = (t - VAC).total_seconds()
    if s <= 0 or t >= VAC_END:
        return 58e6
    cap = 1000 * 1048576 * 0.99
    if t >= add(FIX, seconds=30):
        return 58e6 + 210e6
    return min(58e6 + s / 400.0 * (cap - 58e6), cap)
def util(t):
    return min(1.0, 0.12 + read_rate(t) / (1000 * 1048576) * 0.9)
pts_r, pts_u, acc_r, acc_u = [], [], 9.81e13, 4.1e6
for t in frange(W0, W1, 60):
    acc_r += read_rate(t) * 60
    acc_u += util(t) * 60
    pts_r.append((t, "%.0f" % acc_r))
    pts_u.append((t, "%.3f" % acc_u))
lab = {"instance": "pg-main-01:9100", "job": "node", "device": "nvme1n1"}
inc.write("pg-main-01-node.om", openmetrics([
    ("node_disk_read_bytes", "counter", "The total number of bytes read successfully.", [(lab, pts_r)]),
    ("node_disk_io_time_seconds", "counter", "Total seconds spent doing I/Os.", [(lab, pts_u)]),
]))

# ---------------------------------------------------------------- Postgres server log (UTC, reaches back two days)
def pg(t, pid, who, lvl, msg):
    return "%s.%03d UTC [%d] %s%s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, who, lvl, msg)
P = []
for day in ("2026-09-20", "2026-09-21", "2026-09-22"):
    t = add(T(day + " 06:00:04"), seconds=rng.randint(0, 30))
    pid = rng.randint(100000, 999999)
    P.append((t, pg(t, pid, "lake_export@payroll ", "ERROR", "permission denied for table salary_adjustments")))
    P.append((add(t, seconds=0.001), pg(add(t, seconds=0.001), pid, "lake_export@payroll ", "STATEMENT", "COPY public.salary_adjustments (id, employee_id, company_id, amount_cents, reason, created_at) TO stdout;")))
    for hh in range(0, 24, 1):
        for mm in (4, 34):
            tc = T(day + " %02d:%02d:%02d" % (hh, mm, rng.randint(0, 59)))
            if tc > W1:
                continue
            slow = W0 <= tc < W1 and RAMP0 < tc < MITIG
            P.append((tc, pg(tc, 2211, "", "LOG", "checkpoint starting: time")))
            te = add(tc, seconds=rng.uniform(150, 170) if not slow else rng.uniform(290, 300))
            P.append((te, pg(te, 2211, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s; sync files=%d, longest=%.3f s, average=%.3f s; distance=%d kB, estimate=%d kB; lsn=4A1/%08X, redo lsn=4A1/%08X" % (
                rng.randint(9000, 15000), rng.uniform(1.0, 1.9), rng.randint(8, 14), rng.uniform(140, 160),
                rng.uniform(0.01, 0.09) if not slow else rng.uniform(4.0, 11.0), (te - tc).total_seconds(), rng.randint(90, 160),
                rng.uniform(0.005, 0.03) if not slow else rng.uniform(2.0, 6.0), rng.uniform(0.001, 0.004), rng.randint(180000, 260000), rng.randint(230000, 250000), rng.randint(0, 2**31), rng.randint(0, 2**31)))))
# benign: reports statement timeouts and client resets through the whole read range
for t in poisson_times(rng, T("2026-09-20 00:00:00"), W1, 1 / 2400):
    pid = rng.randint(100000, 999999)
    if rng.random() < 0.5:
        P.append((t, pg(t, pid, "reports@payroll ", "ERROR", "canceling statement due to statement timeout")))
        P.append((add(t, seconds=0.001), pg(add(t, seconds=0.001), pid, "reports@payroll ", "STATEMENT", "SELECT company_id, date_trunc('month', worked_on), sum(minutes) FROM timesheet_entries WHERE company_id = ANY($1) GROUP BY 1, 2")))
    else:
        P.append((t, pg(t, pid, "payroll_api@payroll ", "LOG", "could not receive data from client: Connection reset by peer")))
# impact: payroll_api statement timeouts (sampled)
errs = [FIRST_ERR, LAST_ERR]
for t in poisson_times(rng, RAMP0, MITIG, 0.22):
    if rng.random() < impact(t) / 0.108:
        errs.append(t)
errs = sorted(e for e in errs if FIRST_ERR <= e <= LAST_ERR)
for t in errs:
    pid = rng.randint(100000, 999999)
    P.append((t, pg(t, pid, "payroll_api@payroll ", "ERROR", "canceling statement due to statement timeout")))
    P.append((add(t, seconds=0.001), pg(add(t, seconds=0.001), pid, "payroll_api@payroll ", "STATEMENT",
              rng.choice(["SELECT e.id, e.minutes, e.worked_on FROM timesheet_entries e WHERE e.employee_id = $1 AND e.worked_on >= $2",
                          "INSERT INTO timesheet_entries (employee_id, company_id, worked_on, minutes, source) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                          "SELECT * FROM payslips WHERE company_id = $1 AND period = $2 ORDER BY employee_id"]))))
P.append((FIX, pg(FIX, 2208, "", "LOG", "received SIGHUP, reloading configuration files")))
P.append((add(FIX, seconds=0.002), pg(add(FIX, seconds=0.002), 2208, "", "LOG", 'parameter "autovacuum_vacuum_cost_limit" changed to "300"')))
P.append((add(FIX, seconds=-21), pg(add(FIX, seconds=-21), 884120, "rafael@payroll ", "LOG", "statement: ALTER SYSTEM SET autovacuum_vacuum_cost_limit = 300;")))
P.append((add(FIX, seconds=-0.01), pg(add(FIX, seconds=-0.01), 884120, "rafael@payroll ", "LOG", "statement: SELECT pg_reload_conf();")))
P.append((T(D + "13:31:50"), pg(T(D + "13:31:50"), 884120, "rafael@payroll ", "LOG", "statement: SELECT relname, age(relfrozenxid), pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class WHERE relkind = 'r' ORDER BY 2 DESC LIMIT 5;")))
P.append((VAC_END, pg(VAC_END, 3120777, "", "LOG", 'automatic aggressive vacuum to prevent wraparound of table "payroll.public.timesheet_entries": index scans: 1')))
# (log of the in-window range ends at W1; the vacuum end line is kept only if inside the read range)
P = [p for p in P if p[0] <= W1]
P.sort(key=lambda x: x[0])
inc.lines("pg-main-01.log", [l for _, l in P])

# ---------------------------------------------------------------- payroll-api log (logback, São Paulo local time, no offset)
A = []
threads = ["http-nio-8080-exec-%d" % i for i in range(1, 41)]
for t in poisson_times(rng, W0, W1, 0.12):
    A.append((t, logback(t, TZ, "INFO", rng.choice(threads), "b.c.f.payroll.web.RequestLog",
              "%s %s -> 200 in %dms" % (rng.choice(["GET", "GET", "POST"]), rng.choice(["/v1/timesheets", "/v1/payslips", "/v1/employees", "/v1/timesheets/entries"]),
                                        rng.randint(25, 180) + int(impact(t) * 30000)))))
for t in poisson_times(rng, W0, W1, 1 / 300):
    A.append((t, logback(t, TZ, "WARN", "esocial-sync-1", "b.c.f.payroll.esocial.GatewayClient",
              "eSocial gateway answered 503 for lote %d, retrying in 60s" % rng.randint(880000, 899999))))
for t in errs:
    th = rng.choice(threads)
    A.append((t, logback(add(t, seconds=0.004), TZ, "ERROR", th, "b.c.f.payroll.web.ApiExceptionHandler",
              "request failed -> 503\norg.springframework.dao.QueryTimeoutException: PreparedStatementCallback; SQL []; ERROR: canceling statement due to statement timeout\n"
              "\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:116)\n"
              "\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:658)\n"
              "\tat br.com.folhaz.payroll.timesheets.TimesheetRepository.findForEmployee(TimesheetRepository.java:88)\n"
              "Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout\n"
              "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)\n"
              "\t... 47 common frames omitted")))
A.sort(key=lambda x: x[0])
inc.lines("payroll-api-1.log", [a for _, a in A])

# ---------------------------------------------------------------- Alertmanager webhook bodies
bodies = []
def fire(name, labels, summary, s, e=None, recv="slack-ops"):
    a = am_alert(name, labels, summary, s)
    bodies.append((s, am_webhook(recv, [a])))
    if e:
        r = am_alert(name, labels, summary, s, ends=e)
        bodies.append((e, am_webhook(recv, [r])))
fire("PayrollApiErrorRatio", {"severity": "page", "service": "payroll-api", "team": "payroll"}, "payroll-api 5xx ratio above 2% for 5m", ALERT, AL_RES, recv="pagerduty-payroll")
fire("PayrollApiLatencyP99", {"severity": "warning", "service": "payroll-api", "team": "payroll"}, "payroll-api p99 latency above 2s", T(D + "13:06:12"), T(D + "13:53:42"), recv="slack-payroll")
for day in ("2026-09-20", "2026-09-21", "2026-09-22"):
    fire("KubeJobFailed", {"severity": "warning", "team": "data", "namespace": "data", "job_name": "lake-export-%s" % day.replace("-", "")[2:]},
         "Job data/lake-export failed to complete", T(day + " 06:01:40"), T(day + " 09:01:40") if day != "2026-09-22" else None, recv="slack-data")
for s_, e_ in (("12:14:10", "12:16:40"), ("12:51:10", "12:53:10"), ("13:33:40", "13:36:10"), ("14:27:10", "14:29:40")):
    fire("BlackboxProbeFailed", {"severity": "warning", "team": "marketing", "instance": "https://www.folhaz.com.br/blog/"}, "probe failed for blog", T(D + s_), T(D + e_), recv="slack-web")
bodies.sort(key=lambda b: b[0])
inc.lines("am-deliveries.ndjson", [jline(b) for _, b in bodies])

# ---------------------------------------------------------------- PagerDuty
pd = PD(12044, "PayrollApiErrorRatio: payroll-api 5xx ratio above 2% for 5m", "payroll-api", "PPAY0R1", "Payroll On-call")
raf = PD.user("Rafael Souza", "PRSOUZA")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMPAY1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Rafael Souza by push notification.",
       user=raf, notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", raf, {"type": "mobile"}, "Acknowledged by Rafael Souza.", acknowledgement_timeout=1800)
pd.add(T(D + "13:45:00"), "annotate_log_entry", raf, {"type": "web_ui", "summary": "autovacuum cost limit lowered to 300, watching"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", raf, {"type": "web_ui"}, "Resolved by Rafael Souza.")
inc.json("pd-12044-log.json", pd.export())

# ---------------------------------------------------------------- Slack
s = Slack()
s.user("U21RAFA", "rafael", "Rafael Souza", tz=TZ)
s.user("U22BEA", "beatriz", "Beatriz Lima", tz=TZ)
s.user("U23GUS", "gustavo", "Gustavo Alves", tz=TZ)
s.user("U24CS", "camila.cs", "Camila Rocha", tz=TZ)
s.user("U29ARGO", "argocd", "Argo CD", bot=True)
s.channel("C2PAYOPS", "payroll-ops", "payroll on-call", created=T("2024-03-01 12:00:00"))
s.channel("C2DEPLOY", "deploys", "Argo CD notifications", created=T("2024-03-01 12:00:00"))
s.bot("deploys", OTHER, "B0ARGO", "Argo CD", attachments=[{"color": "18be52", "title": "reports-svc",
      "text": "Application reports-svc is now running new version of deployments manifests (revision 7e41c0d, image reports-svc:2.30.0).",
      "fallback": "reports-svc synced"}])
s.bot("deploys", T(D + "11:12:05"), "B0ARGO", "Argo CD", attachments=[{"color": "18be52", "title": "esocial-sync",
      "text": "Application esocial-sync is now running new version of deployments manifests (revision 2c9d1aa).", "fallback": "esocial-sync synced"}])
s.say("payroll-ops", T(D + "12:56:20"), "U24CS", "a few clients saying the timesheet screen is slow / 'tente novamente' errors. anything going on?")
s.say("payroll-ops", add(ACK, seconds=35), "U21RAFA", "ack'd the page. payroll-api 503s creeping up for the last ~10 min, all statement timeouts")
s.say("payroll-ops", T(D + "13:05:02"), "U22BEA", "it's the 22nd, lots of companies closing September early? maybe just traffic")
s.say("payroll-ops", T(D + "13:06:40"), "U23GUS", "reports-svc deployed at 13:00, maybe their new export hammers the db")
s.say("payroll-ops", T(D + "13:09:15"), "U22BEA", "should we roll back payroll-api 4.12.0? it went out friday")
s.say("payroll-ops", T(D + "13:11:30"), "U21RAFA", "rps is flat vs last tuesday, and timeouts started before the reports deploy. 4.12.0 ran all of yesterday fine")
s.say("payroll-ops", T(D + "13:17:48"), "U23GUS", "pg-main-01 data volume read throughput went from ~60 MB/s to the 1000 MiB/s cap from about 12:41. iowait high")
s.say("payroll-ops", DIAG1, "U21RAFA", "pg_stat_activity has 'autovacuum: VACUUM public.timesheet_entries (to prevent wraparound)' running since 09:40 local. it's reading the whole 1.9 TB table at full speed and everything else queues on IO")
s.say("payroll-ops", DIAG2, "U21RAFA", "age(relfrozenxid) on timesheet_entries crossed autovacuum_freeze_max_age (200M) this morning, we burn XIDs about twice as fast since the July onboarding wave. and autovacuum_vacuum_cost_limit is still 4000 from the bloat cleanup in March, so it runs unthrottled")
s.say("payroll-ops", T(D + "13:31:05"), "U22BEA", "can we just cancel the vacuum?")
s.say("payroll-ops", T(D + "13:32:20"), "U21RAFA", "no, an anti-wraparound autovacuum restarts right away and it has to finish anyway. throttle it: cost limit back to 300, reload. PG16 workers pick it up live")
s.say("payroll-ops", T(D + "13:42:35"), "U21RAFA", "ALTER SYSTEM SET autovacuum_vacuum_cost_limit = 300 + pg_reload_conf() done at 13:42")
s.say("payroll-ops", T(D + "13:47:10"), "U23GUS", "read throughput down to ~270 MB/s, vacuum still progressing (heap_blks_scanned moving)")
s.say("payroll-ops", T(D + "13:53:30"), "U21RAFA", "5xx ratio back at baseline since ~13:51, latency normal")
s.say("payroll-ops", T(D + "13:55:40"), "U24CS", "told the clients it's fixed")
s.say("payroll-ops", T(D + "14:20:20"), "U21RAFA", "resolving the page. vacuum ETA ~6h at this rate, fine. follow-ups: XID age alert at 150M, vacuum freeze timesheet_entries on weekends, drop the March cost_limit override")
s.write(inc, "slack")

# ---------------------------------------------------------------- truth
SL = "slack"
inc.truth(
    "folhaz-wraparound-vacuum", "anti-wraparound-autovacuum-io-saturation-by-growth",
    """Growth pushes timesheet_entries past autovacuum_freeze_max_age; the anti-wraparound autovacuum, unthrottled by an old cost-limit
override, saturates the primary's reads and payroll-api timeouts grow and fade slowly until the cost limit is lowered and reloaded.""",
    (T(D + "12:00:00"), T(D + "15:00:00")),
    {"started": FIRST_ERR, "detected": ALERT, "acknowledged": ACK, "mitigated": MITIG, "resolved": RESOLVED},
    [
        (FIRST_ERR, "first_symptom", "first payroll-api statement timeout / 503 (5xx ratio starts rising above baseline)", "ratio-5xx-0922.json"),
        (ALERT, "alert_fired", "PayrollApiErrorRatio fires", "am-deliveries.ndjson"),
        (PAGE, "paged", "PagerDuty #12044 triggered", "pd-12044-log.json"),
        (ACK, "acknowledged", "Rafael Souza acknowledges", "pd-12044-log.json"),
        (DIAG1, "diagnosis", "Rafael: anti-wraparound autovacuum on timesheet_entries saturating IO", SL),
        (DIAG2, "diagnosis", "Rafael: relfrozenxid age past freeze_max_age from XID growth; cost limit still 4000", SL),
        (FIX, "mitigation", "ALTER SYSTEM autovacuum_vacuum_cost_limit = 300 + reload", "pg-main-01.log"),
        (MITIG, "recovery", "5xx ratio back within baseline (gradual decline ends)", "ratio-5xx-0922.json"),
        (AL_RES, "alert_resolved", "PayrollApiErrorRatio resolved", "am-deliveries.ndjson"),
        (RESOLVED, "resolved", "PagerDuty #12044 resolved", "pd-12044-log.json"),
    ],
    [
        (T(D + "13:09:15"), "question 'should we roll back payroll-api 4.12.0?' (not an action)", SL),
        (T(D + "13:05:02"), "wrong hunch: month-close traffic", SL),
        (T(D + "13:06:40"), "wrong hunch: reports-svc deploy", SL),
        (T(D + "13:31:05"), "question: cancel the vacuum? (not an action)", SL),
        (OTHER, "reports team's reports-svc 2.30.0 Argo CD sync", SL),
        (T(D + "06:01:40"), "nightly lake-export Job fails every day (KubeJobFailed, permission denied)", "am-deliveries.ndjson"),
        (T(D + "06:00:10"), "lake_export permission denied in Postgres log every day", "pg-main-01.log"),
        (T(D + "12:14:10"), "BlackboxProbeFailed www blog flapping (marketing)", "am-deliveries.ndjson"),
        (T(D + "12:10:00"), "steady eSocial gateway 503 retries in payroll-api log", "payroll-api-1.log"),
        (T(D + "12:20:00"), "steady reports statement timeouts and client resets in Postgres log", "pg-main-01.log"),
    ],
    [("ratio-5xx-0922.json", "prometheus-query-range"), ("pg-main-01-node.om", "openmetrics"), ("pg-main-01.log", "logs"),
     ("payroll-api-1.log", "logs", TZ), ("am-deliveries.ndjson", "alertmanager-webhook"),
     ("pd-12044-log.json", "pagerduty-log-entries"), ("slack", "slack-export")],
)
