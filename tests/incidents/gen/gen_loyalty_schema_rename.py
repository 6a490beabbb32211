"""retired8/loyalty-schema-rename: the loyalty-schema repo's db-migrate workflow runs V212 (rename members.tier_code
to tier) on merge, ahead of the loyalty-api release that reads the new name; balance and tier reads fail with
'column does not exist' until the workflow is re-run with the Flyway undo of V212."""
import random
from common import *

rng = random.Random(20260527)
inc = Incident("retired8", "loyalty-schema-rename")
D = "2026-05-27 "
W0, W1 = T(D + "13:30:00"), T(D + "16:00:00")
LOG0, LOG1 = T(D + "13:20:00"), T(D + "16:10:00")
CRON = [T("2026-05-%02d 14:00:%02d" % (d, 3 + i)) for i, d in enumerate((24, 25, 26, 27))]
OTHER_DEPLOY = T(D + "14:05:31")     # storefront deploy-prod finished (other team)
MIG_CREATED = T(D + "14:11:55")
MIGRATE = T(D + "14:12:41")         # V212 applied (inside the workflow run)
MIG_DONE = T(D + "14:12:49")
STARTED = T(D + "14:12:43")
ALERT = T(D + "14:16:13")
PAGE = T(D + "14:16:24")
ACK = T(D + "14:19:52")
WRONG = T(D + "14:22:30")
COMMS = T(D + "14:24:05")
ROLLBACK_Q = T(D + "14:26:40")
DIAG = T(D + "14:31:20")
UNDO_CREATED = T(D + "14:36:50")
UNDO = T(D + "14:37:38")
UNDO_DONE = T(D + "14:37:44")
MITIGATED = T(D + "14:37:40")
ALERT_OK = T(D + "14:41:13")
RESOLVED = T(D + "15:02:10")

HOSTS = ["loyalty-api-5c8d7f9b4-2kq7x", "loyalty-api-5c8d7f9b4-8vhtn", "loyalty-api-5c8d7f9b4-r4m2p"]
BROKEN_ROUTES = [("GET", "/v1/members/:id/balance", "GetBalance"), ("GET", "/v1/members/:id/tier", "GetTier"),
                 ("POST", "/v1/redemptions/quote", "QuoteRedemption")]
OK_ROUTES = [("GET", "/v1/members/:id/history", "ListHistory"), ("POST", "/v1/accruals", "Accrue"), ("GET", "/healthz", "")]


def broken(t):
    return STARTED <= t < MITIGATED


# ---- loyalty-api zap JSON lines
zl = []
def Z(t, obj):
    zl.append((t, jline(obj)))
def zts(t):
    return round(epoch(t), 3)
def ts_list():
    out = poisson_times(rng, LOG0, LOG1, 0.2)
    out = [t for t in out if abs((t - STARTED).total_seconds()) > 1 and abs((t - MITIGATED).total_seconds()) > 2]
    return sorted(out + [STARTED, add(MITIGATED, seconds=-2.6)])
for t in ts_list():
    h = rng.choice(HOSTS)
    tid = hexid(rng, 32)
    if broken(t) and (rng.random() < 0.85 or t in (STARTED, add(MITIGATED, seconds=-2.6))):
        m, p, op = rng.choice(BROKEN_ROUTES)
        Z(t, {"level": "error", "ts": zts(t), "caller": "store/members.go:%d" % {"GetBalance": 88, "GetTier": 131, "QuoteRedemption": 204}[op],
              "msg": "query failed", "host": h, "op": op, "member_id": "m_%07d" % rng.randint(1, 4_800_000),
              "error": "ERROR: column m.tier_code does not exist (SQLSTATE 42703)", "trace_id": tid})
        Z(add(t, seconds=0.004), {"level": "warn", "ts": zts(add(t, seconds=0.004)), "caller": "httpx/log.go:57", "msg": "request",
              "host": h, "method": m, "route": p, "status": 500, "duration_ms": rng.randint(3, 19), "trace_id": tid})
    else:
        m, p, op = rng.choice(OK_ROUTES + BROKEN_ROUTES)
        if p == "/healthz":
            continue
        Z(t, {"level": "info", "ts": zts(t), "caller": "httpx/log.go:57", "msg": "request", "host": h, "method": m, "route": p,
              "status": 200 if m == "GET" else 201, "duration_ms": rng.randint(4, 60), "trace_id": tid})
for t in poisson_times(rng, LOG0, LOG1, 1 / 95.0):
    Z(t, {"level": "warn", "ts": zts(t), "caller": "session/cache.go:44", "msg": "session cache miss after error, falling back to db",
          "host": rng.choice(HOSTS), "error": "redis: i/o timeout", "addr": "redis-loyalty:6379"})
for t in poisson_times(rng, LOG0, LOG1, 1 / 280.0):
    Z(t, {"level": "error", "ts": zts(t), "caller": "partners/sync.go:112", "msg": "partner points sync failed, will retry",
          "host": rng.choice(HOSTS), "partner": "skyway-air", "error": "unexpected status 504 Gateway Timeout", "attempt": rng.randint(1, 3)})
c = CRON[-1]
Z(c, {"level": "info", "ts": zts(c), "caller": "jobs/statement.go:40", "msg": "statement export started", "host": HOSTS[0], "job": "statement-export", "run_date": "2026-05-27"})
Z(add(c, seconds=12), {"level": "error", "ts": zts(add(c, seconds=12)), "caller": "jobs/statement.go:77", "msg": "statement export failed",
      "host": HOSTS[0], "job": "statement-export", "error": "sftp: ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey]",
      "target": "sftp.partnerbank.example:22"})
inc.lines("loyalty-api.jsonl", [l for _, l in sorted(zl, key=lambda x: x[0])])

# ---- postgres server log (log_min_error_statement=error, log_statement=none)
pg = []
def PG(t, pid, who, lvl, msg, extra=()):
    s = "%s.%03d UTC [%d] %s%s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, who + " " if who else "", lvl, msg)
    pg.append((t, "\n".join([s] + list(extra))))
for t in frange(T(D + "13:20:41"), LOG1, 300):
    t = add(t, seconds=rng.randint(1, 999) / 1000.0)
    PG(t, 61, "", "LOG", "checkpoint starting: time")
    PG(add(t, seconds=rng.randint(20, 40)), 61, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=0.004 s, total=%.3f s" % (
        rng.randint(800, 3000), rng.uniform(0.5, 2.0), rng.randint(1, 4), rng.uniform(20, 29), rng.uniform(29, 30)))
for t in poisson_times(rng, LOG0, LOG1, 1 / 240.0):
    PG(t, rng.randint(50000, 59000), "analytics_ro@loyalty", "ERROR", "canceling statement due to statement timeout",
       ["\tSTATEMENT:  SELECT date_trunc('day', created_at) d, count(*) FROM accruals GROUP BY 1 ORDER BY 1"])
for t in poisson_times(rng, LOG0, LOG1, 1 / 600.0):
    PG(t, rng.randint(50000, 59000), "", "LOG", "automatic vacuum of table \"loyalty.public.accruals\": index scans: 1")
SQL = {"GetBalance": "SELECT m.id, m.tier_code, b.points, b.pending FROM members m JOIN balances b ON b.member_id = m.id WHERE m.id = $1",
       "GetTier": "SELECT m.tier_code, m.tier_since, m.qualifying_points FROM members m WHERE m.id = $1",
       "QuoteRedemption": "SELECT m.tier_code, b.points FROM members m JOIN balances b ON b.member_id = m.id WHERE m.id = $1 FOR SHARE OF b"}
first = True
for t in poisson_times(rng, STARTED, MITIGATED, 0.25):
    op = rng.choice(list(SQL))
    tt = add(STARTED, seconds=-0.002) if first else add(t, seconds=-0.003)
    first = False
    PG(tt, rng.randint(40000, 49000), "loyalty_app@loyalty", "ERROR", "column m.tier_code does not exist at character %d" % (SQL[op].index("m.tier_code") + 1),
       ["\tHINT:  Perhaps you meant to reference the column \"m.tier\".", "\tSTATEMENT:  " + SQL[op]])
inc.lines("pg-loyalty-1.log", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- GitHub Actions workflow runs, org-wide export (change record)
def run(rid, repo, wf, title, event, branch, actor, created, started, updated, conclusion="success", sha=None):
    return {"id": rid, "name": wf, "node_id": "WFR_kw" + uid(str(rid), 14), "head_branch": branch,
            "head_sha": sha or hexid(rng, 40), "path": ".github/workflows/%s.yml" % wf, "display_title": title,
            "run_number": rid % 1000, "event": event, "status": "completed", "conclusion": conclusion,
            "workflow_id": 4_100_000 + sum(map(ord, repo + wf)), "check_suite_id": rid * 3 + 11,
            "url": "https://api.github.com/repos/rewardsco/%s/actions/runs/%d" % (repo, rid),
            "html_url": "https://github.com/rewardsco/%s/actions/runs/%d" % (repo, rid),
            "created_at": iso(created), "updated_at": iso(updated), "run_attempt": 1, "run_started_at": iso(started),
            "actor": {"login": actor, "type": "User"}, "triggering_actor": {"login": actor, "type": "User"},
            "repository": {"full_name": "rewardsco/" + repo, "name": repo}}
runs = [
    run(9184420011, "loyalty-api", "ci", "store: read tier from members.tier (#1207)", "pull_request", "tier-rename-read", "dmaher",
        T(D + "13:48:02"), T(D + "13:48:06"), T(D + "13:54:40")),
    run(9184471930, "web-storefront", "deploy-prod", "checkout: new promo banner layout (#3321)", "push", "main", "priya-s",
        T(D + "14:01:10"), T(D + "14:01:14"), OTHER_DEPLOY),
    run(9184502277, "loyalty-schema", "db-migrate", "V212 rename members.tier_code to tier (#418)", "push", "main", "tnguyen",
        MIG_CREATED, T(D + "14:11:58"), MIG_DONE),
    run(9184533310, "loyalty-api", "ci", "store: read tier from members.tier (#1207)", "pull_request", "tier-rename-read", "dmaher",
        T(D + "14:33:12"), T(D + "14:33:15"), T(D + "14:39:58"), conclusion="failure"),
    run(9184551804, "loyalty-schema", "db-migrate", "db-migrate", "workflow_dispatch", "main", "dmaher",
        UNDO_CREATED, T(D + "14:36:53"), UNDO_DONE),
    run(9184610046, "data-pipelines", "deploy-airflow-dags", "dags: points_daily_rollup uses new partitions (#88)", "push", "main", "k-okafor",
        T(D + "15:21:40"), T(D + "15:21:44"), T(D + "15:24:02")),
]
runs[4]["inputs_summary"] = {"command": "undo", "target": "211", "environment": "production"}
runs[2]["inputs_summary"] = {"command": "migrate", "environment": "production"}
inc.json("runs.json", {"total_count": len(runs), "workflow_runs": sorted(runs, key=lambda r: r["created_at"], reverse=True)})

# ---- prometheus query_range: 5xx rate by route
def err(route):
    def f(t):
        base = rng.uniform(0.0, 0.02)
        if route in [r for _, r, _ in BROKEN_ROUTES] and STARTED < t and add(t, seconds=-60) < MITIGATED:
            share = {"/v1/members/:id/balance": 9.1, "/v1/members/:id/tier": 3.4, "/v1/redemptions/quote": 1.7}[route]
            lo = max(STARTED, add(t, seconds=-60))
            hi = min(MITIGATED, t)
            frac = max(0.0, (hi - lo).total_seconds()) / 60.0
            return base + share * frac * rng.uniform(0.93, 1.07)
        return base
    return f
Q0 = T(D + "13:30:00")
inc.json("q_5xx_by_route.json", query_range(
    [({"route": r, "service": "loyalty-api"}, err(r)) for r in ["/v1/members/:id/balance", "/v1/members/:id/tier", "/v1/redemptions/quote", "/v1/members/:id/history"]],
    Q0, T(D + "16:00:00"), 30, fmt="%.4f"))

# ---- alertmanager webhook bodies (ndjson, as received by the archive hook)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
pl = {"severity": "page", "team": "loyalty", "service": "loyalty-api"}
H(add(ALERT, seconds=10), am_webhook("pagerduty-loyalty", [am_alert("LoyaltyApi5xxRatio", pl, "loyalty-api 5xx ratio 31.4% over 2m", ALERT)]))
H(add(ALERT_OK, seconds=10), am_webhook("pagerduty-loyalty", [am_alert("LoyaltyApi5xxRatio", pl, "loyalty-api 5xx ratio 31.4% over 2m", ALERT, ends=ALERT_OK)]))
fl = {"severity": "warning", "team": "web", "page": "checkout"}
for a, b in [("13:52:10", "13:58:40"), ("14:44:25", "14:49:55"), ("15:20:10", "15:24:40")]:
    H(add(T(D + a), seconds=10), am_webhook("slack-web", [am_alert("StorefrontLCPHigh", fl, "checkout LCP p75 > 2.5s", T(D + a))]))
    H(add(T(D + b), seconds=10), am_webhook("slack-web", [am_alert("StorefrontLCPHigh", fl, "checkout LCP p75 > 2.5s", T(D + a), ends=T(D + b))]))
dl = {"severity": "warning", "team": "data", "consumergroup": "points-rollup", "topic": "accruals"}
H(T(D + "13:41:10"), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", dl, "points-rollup lag > 50k on accruals", T(D + "13:41:00"))]))
H(T(D + "15:12:10"), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", dl, "points-rollup lag > 50k on accruals", T(D + "13:41:00"), ends=T(D + "15:12:00"))]))
cl = {"severity": "ticket", "team": "loyalty", "job": "statement-export"}
H(add(CRON[-1], seconds=75), am_webhook("slack-loyalty", [am_alert("LoyaltyStatementExportFailed", cl, "statement-export failed for 2026-05-27", add(CRON[-1], seconds=65))]))
inc.lines("notify.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty log entries
pd = PD(30417, "LoyaltyApi5xxRatio: loyalty-api 5xx ratio 31.4% over 2m", "loyalty-api", "PLOY7Q2", "Loyalty primary")
dana = PD.user("Dana Maher", "PDMAHER")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Dana Maher by phone call.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Maher.")
pd.add(T(D + "14:41:23"), "annotate_log_entry", dana, {"type": "web_ui"}, "Note added", note="undo of V212 applied 14:37, errors gone; watching")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Maher.")
inc.json("30417.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("UDANA", "dana", "Dana Maher"), ("UTHAO", "thao", "Thao Nguyen"), ("UPRIY", "priya", "Priya Sharma"),
                ("UMARC", "marco", "Marco Rossi"), ("UKEMI", "kemi", "Kemi Okafor")]:
    s.user(u, n, r, "Australia/Sydney")
s.channel("CLOYA", "loyalty-alerts", "alerts for the loyalty team")
s.channel("CINC1", "inc-rewards-balance", "incident channel")
for c in CRON:
    s.bot("loyalty-alerts", add(c, seconds=76), "BAM01", "alertmanager",
          attachments=am_slack_attachment("firing", "LoyaltyStatementExportFailed", "statement-export failed for %s" % c.strftime("%Y-%m-%d"), color="warning"))
s.bot("loyalty-alerts", add(ALERT, seconds=11), "BAM01", "alertmanager", attachments=am_slack_attachment("firing", "LoyaltyApi5xxRatio", "loyalty-api 5xx ratio 31.4% over 2m"))
s.bot("loyalty-alerts", add(ALERT_OK, seconds=11), "BAM01", "alertmanager", attachments=am_slack_attachment("resolved", "LoyaltyApi5xxRatio", "loyalty-api 5xx ratio"))
ch = "inc-rewards-balance"
s.say(ch, add(ACK, seconds=55), "UDANA", "on it. loyalty-api 500s on balance, tier and redemption quote, history and accruals look fine")
s.say(ch, add(ACK, seconds=120), "UMARC", "app is showing 'rewards unavailable' on the home screen for me too")
s.say(ch, WRONG, "UMARC", "storefront shipped deploy-prod at 14:05 - maybe the new banner calls the balance endpoint differently?")
s.say(ch, add(WRONG, seconds=70), "UPRIY", "that deploy is only the checkout banner layout, no API changes on our side")
s.say(ch, COMMS, "UMARC", "statuspage updated: 'Rewards balances and redemptions are unavailable in the app and at checkout. Investigating.'")
s.say(ch, ROLLBACK_Q, "UKEMI", "should we roll back loyalty-api?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "UDANA", "to what? last loyalty-api deploy was Monday and it was fine until 14:12")
s.say(ch, add(ROLLBACK_Q, seconds=150), "UDANA", "pg log is full of `column m.tier_code does not exist` with a HINT about m.tier")
s.say(ch, DIAG, "UDANA", "found it: the db-migrate workflow in loyalty-schema ran V212 on merge at 14:12 and renamed members.tier_code to tier. the API that reads `tier` is still sitting in PR #1207, prod code still selects tier_code")
s.say(ch, add(DIAG, seconds=50), "UTHAO", "ugh, that's mine, I thought db-migrate only ran on tags. sorry")
s.say(ch, add(DIAG, seconds=95), "UDANA", "running db-migrate with command=undo target=211 now")
s.say(ch, add(UNDO_DONE, seconds=45), "UDANA", "undo finished, no more 42703 since 14:37:40, balances load again")
s.say(ch, add(RESOLVED, seconds=-40), "UDANA", "20 minutes clean, resolving. follow-up: db-migrate only on release tags + expand/contract for renames")
s.write(inc, "slack")

inc.truth(
    "loyalty-schema-rename", "schema-migration-ahead-of-code",
    "The loyalty-schema db-migrate workflow applied V212 (rename members.tier_code to tier) on merge, before the loyalty-api\n"
    "release that reads the new column; balance, tier and redemption reads failed until the workflow ran the undo of V212.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(MIGRATE, "change", "db-migrate workflow applies V212 rename members.tier_code to tier (run 9184502277)", "runs.json", 60),
     (STARTED, "first_symptom", "first 'column m.tier_code does not exist' on loyalty-api", "loyalty-api.jsonl", 60),
     (ALERT, "alert_fired", "LoyaltyApi5xxRatio firing", "notify.ndjson", 60),
     (PAGE, "paged", "PagerDuty #30417 triggered", "30417.json", 60),
     (ACK, "acknowledged", "Dana Maher acknowledges", "30417.json", 60),
     (COMMS, "communication", "status page: rewards balances and redemptions unavailable", "slack", 60),
     (DIAG, "diagnosis", "Dana: V212 renamed tier_code ahead of the API release", "slack", 60),
     (UNDO, "mitigation", "db-migrate re-run with command=undo target=211 (run 9184551804)", "runs.json", 60),
     (MITIGATED, "recovery", "last 42703 error; balance and tier reads succeed", "loyalty-api.jsonl", 60),
     (ALERT_OK, "alert_resolved", "LoyaltyApi5xxRatio resolved", "notify.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #30417 resolved", "30417.json", 60)],
    [(CRON[-1], "statement-export job fails every day at 14:00 UTC (sftp auth)", "loyalty-api.jsonl"),
     (add(CRON[-1], seconds=65), "LoyaltyStatementExportFailed ticket alert, daily", "notify.ndjson"),
     (OTHER_DEPLOY, "web-storefront deploy-prod by the web team", "runs.json"),
     (T(D + "15:24:02"), "data-pipelines deploy-airflow-dags", "runs.json"),
     (T(D + "13:52:10"), "StorefrontLCPHigh flapping for the web team", "notify.ndjson"),
     (T(D + "13:41:00"), "KafkaConsumerGroupLag for the data team", "notify.ndjson"),
     (T(D + "14:33:12"), "loyalty-api CI run on the PR branch (not a deploy)", "runs.json"),
     (WRONG, "wrong hunch: storefront deploy calls the balance endpoint differently", "slack"),
     (ROLLBACK_Q, "'should we roll back loyalty-api?' question", "slack"),
     (T(D + "14:50:00"), "steady redis i/o timeouts, partner sync 504s and analytics statement timeouts all window", "loyalty-api.jsonl")],
    [("loyalty-api.jsonl", "logs"), ("pg-loyalty-1.log", "logs"), ("runs.json", "deploys"),
     ("q_5xx_by_route.json", "prometheus-query-range"), ("notify.ndjson", "alertmanager-webhook"),
     ("30417.json", "pagerduty-log-entries"), ("slack", "slack-export")])
