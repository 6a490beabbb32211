"""retired7/risk-features-oversize: a ClickHouse grant migration makes the risk feature-file generator emit every
column twice; the edge risk scorers panic on the oversized file and checkout payment submits fail until the last
good file is pinned."""
import random
from common import *

rng = random.Random(20260804)
inc = Incident("retired7", "risk-features-oversize")
D = "2026-08-04 "
W0, W1 = T(D + "10:30:00"), T(D + "13:00:00")
HOSTS = ["edge-fra-1", "edge-fra-2", "edge-ams-1"]
CRON = [T("2026-08-%02d 11:00:%02d" % (d, 17 + d)) for d in (1, 2, 3, 4)]  # au-settlement-sync, 21:00 Sydney, fails daily
OTHER_DEPLOY = T(D + "10:41:17")
COMMIT = T(D + "10:58:02")
MIGRATION = T(D + "11:05:12")
STARTED = T(D + "11:10:43")
WARN_ALERT = T(D + "11:12:10")
ALERT = T(D + "11:13:22")
PAGE = T(D + "11:13:34")
ACK = T(D + "11:17:50")
WRONG = T(D + "11:20:10")
STATUS = T(D + "11:22:00")
ROLLBACK_Q = T(D + "11:23:40")
DIAG1 = T(D + "11:25:30")
DIAG2 = T(D + "11:30:55")
SUSPEND = T(D + "11:32:40")
PIN = T(D + "11:36:05")
MITIGATED = T(D + "11:36:33")
ALERT_OK = T(D + "11:45:50")
REVERT = T(D + "11:58:30")
RESUME = T(D + "12:06:10")
OTHER_CHANGE2 = T(D + "12:14:45")
RESOLVED = T(D + "12:20:00")

# ---- generator runs: (start, publish time, feature count)
runs = []
for t in frange(T(D + "09:55:00"), W1, 300):
    if SUSPEND <= t < RESUME:
        continue
    if MIGRATION < t < REVERT:
        bad = t.strftime("%H:%M") != "11:15"
    else:
        bad = False
    n = 382 if bad else 191
    pub = add(t, seconds=36 + rng.randint(0, 9))
    runs.append((t, pub, n))
published = [(pub, n, "features-%s.bin" % t.strftime("%Y%m%dT%H%M")) for t, pub, n in runs]
published.append((PIN, 191, "features-20260804T1115.bin"))
published.sort()


def current_file(t):
    cur = None
    for pub, n, name in published:
        if pub <= t:
            cur = (n, name)
    return cur

# ---- simulate each edge scorer: watcher reloads 4-19 s after a publish; panic -> systemd restart 30 s later (RestartSec=30)
WATCH = {h: 4 + 5 * i for i, h in enumerate(HOSTS)}
events = {h: [] for h in HOSTS}   # (t, what, n, name)
down = {h: [] for h in HOSTS}
for h in HOSTS:
    reloads = [(add(pub, seconds=WATCH[h]), n, name) for pub, n, name in published]
    evs = []
    t_down = None
    up_from = W0
    for k, (rt, n, name) in enumerate(reloads):
        if rt >= up_from:
            if n <= 256:
                evs.append((rt, "reload", n, name))
            else:
                evs.append((rt, "panic", n, name))
                t_down = rt
                t = rt
                while True:
                    t = add(t, seconds=30.2 + rng.random() * 0.5)
                    fn, fname = current_file(t)
                    if fn <= 256:
                        evs.append((t, "start_ok", fn, fname))
                        down[h].append((t_down, t))
                        up_from = t
                        break
                    evs.append((t, "start_panic", fn, fname))
    events[h] = [e for e in evs if W0 <= e[0] <= W1]

FIRST_PANIC = min(e[0] for h in HOSTS for e in events[h] if e[1] == "panic")
LAST_PANIC = max(e[0] for h in HOSTS for e in events[h] if e[1] in ("panic", "start_panic"))
assert abs((FIRST_PANIC - STARTED).total_seconds()) < 1, FIRST_PANIC
assert LAST_PANIC < MITIGATED and (MITIGATED - LAST_PANIC).total_seconds() < 30, LAST_PANIC
assert abs((max(b for h in HOSTS for a, b in down[h]) - MITIGATED).total_seconds()) < 1


def hosts_down(t):
    return sum(1 for h in HOSTS for a, b in down[h] if a <= t < b)

# ---- journalctl -o json from the three edge hosts
jr = []
boot = {h: uid("boot" + h, 32) for h in HOSTS}
seq = {h: 0x3a10000 + 0x10000 * i for i, h in enumerate(HOSTS)}
mono0 = {h: 18_400_000_000 + 1_000_000_000 * i for i, h in enumerate(HOSTS)}


def J(t, h, ident, pid, prio, msg, unit="risk-scorer.service"):
    seq[h] += 1
    us = int(round(epoch(t) * 1e6))
    mono = mono0[h] + (us - int(epoch(W0) * 1e6))
    cur = "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid("seq" + h, 32), seq[h], boot[h], mono, us, uid("%s%d" % (h, seq[h]), 16))
    e = {"__CURSOR": cur, "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(mono), "_BOOT_ID": boot[h],
         "PRIORITY": str(prio), "SYSLOG_FACILITY": "3", "_UID": "0" if ident == "systemd" else "997",
         "_GID": "0" if ident == "systemd" else "997", "_COMM": "systemd" if ident == "systemd" else "risk-scorer",
         "_TRANSPORT": "journal" if ident == "systemd" else "stdout", "_HOSTNAME": h, "SYSLOG_IDENTIFIER": ident,
         "_PID": str(pid), "MESSAGE": msg}
    if ident == "systemd":
        e["UNIT"] = unit
        e["_SYSTEMD_UNIT"] = "init.scope"
    else:
        e["_SYSTEMD_UNIT"] = unit
    jr.append((t, jline(e)))


for h in HOSTS:
    pid = 31200 + 977 * HOSTS.index(h)
    restarts = 0
    for t, what, n, name in events[h]:
        if what == "reload":
            J(t, h, "risk-scorer", pid, 6, "INFO risk_scorer::features: reloaded %s (%d features, model risk-gbm-2026-07-28)" % (name, n))
        elif what in ("panic", "start_panic"):
            if what == "start_panic":
                pid += rng.randint(3, 40)
                restarts += 1
                J(add(t, seconds=-0.31), h, "systemd", 1, 6, "risk-scorer.service: Scheduled restart job, restart counter is at %d." % restarts)
                J(add(t, seconds=-0.30), h, "systemd", 1, 6, "Started risk-scorer.service - Edge risk scoring sidecar.")
                J(add(t, seconds=-0.12), h, "risk-scorer", pid, 6, "INFO risk_scorer: risk-scorer 4.7.2 starting, loading %s" % name)
            else:
                J(add(t, seconds=-0.02), h, "risk-scorer", pid, 6, "INFO risk_scorer::features: new features file %s detected, reloading" % name)
            J(t, h, "risk-scorer", pid, 3, "thread 'main' panicked at src/features/table.rs:212:13:")
            J(add(t, seconds=0.0001), h, "risk-scorer", pid, 3, "feature count %d exceeds MAX_FEATURES (256)" % n)
            J(add(t, seconds=0.0002), h, "risk-scorer", pid, 3, "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace")
            J(add(t, seconds=0.05), h, "systemd", 1, 4, "risk-scorer.service: Main process exited, code=killed, status=6/ABRT")
            J(add(t, seconds=0.051), h, "systemd", 1, 4, "risk-scorer.service: Failed with result 'signal'.")
        elif what == "start_ok":
            pid += rng.randint(3, 40)
            restarts += 1
            J(add(t, seconds=-0.31), h, "systemd", 1, 6, "risk-scorer.service: Scheduled restart job, restart counter is at %d." % restarts)
            J(add(t, seconds=-0.30), h, "systemd", 1, 6, "Started risk-scorer.service - Edge risk scoring sidecar.")
            J(add(t, seconds=-0.12), h, "risk-scorer", pid, 6, "INFO risk_scorer: risk-scorer 4.7.2 starting, loading %s" % name)
            J(t, h, "risk-scorer", pid, 6, "INFO risk_scorer::features: loaded %s (%d features), listening on 0.0.0.0:7443" % (name, n))
            restarts = 0
    for t in poisson_times(rng, W0, W1, 1 / 420.0):  # benign, all window
        J(t, h, "risk-scorer", pid, 4, "WARN risk_scorer::geoip: GeoIP lookup for %d.%d.%d.%d missed (db 2026-07-30), scoring without country" % (
            rng.randint(11, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))
    for t in frange(add(W0, seconds=50 + 7 * HOSTS.index(h)), W1, 900):
        J(t, h, "systemd", 1, 6, "Started logrotate.service - Rotate log files.", unit="logrotate.service")
inc.lines("edge-hosts.json", [l for _, l in sorted(jr, key=lambda x: x[0])])

# ---- checkout-api logfmt
ck = []


def CK(t, pairs):
    ck.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))


for t in poisson_times(rng, W0, W1, 0.16):
    rid = hexid(rng, 12)
    d = hosts_down(t)
    if d and rng.random() < d / 3.0 * 0.9:
        host = rng.choice([h for h in HOSTS if any(a <= t < b for a, b in down[h])])
        ip = {"edge-fra-1": "10.20.3.11", "edge-fra-2": "10.20.3.12", "edge-ams-1": "10.24.1.9"}[host]
        CK(t, [("level", "error"), ("svc", "checkout-api"), ("req_id", rid), ("msg", "risk score unavailable"),
               ("err", "dial tcp %s:7443: connect: connection refused" % ip), ("policy", "fail_closed")])
        CK(add(t, seconds=0.004), [("level", "info"), ("svc", "checkout-api"), ("req_id", rid), ("method", "POST"),
                                   ("path", "/v2/checkout/submit"), ("status", 503), ("dur_ms", rng.randint(3, 40))])
    else:
        CK(t, [("level", "info"), ("svc", "checkout-api"), ("req_id", rid), ("method", "POST"), ("path", "/v2/checkout/submit"),
               ("status", 200), ("dur_ms", rng.randint(180, 900)), ("risk_score", "%.2f" % rng.random())])
for t in poisson_times(rng, W0, W1, 1 / 150.0):  # benign, all window
    CK(t, [("level", "warn"), ("svc", "checkout-api"), ("req_id", hexid(rng, 12)), ("msg", "address validation timed out, accepting as entered"),
           ("provider", "loqate"), ("timeout_ms", 1500)])
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    CK(t, [("level", "error"), ("svc", "checkout-api"), ("req_id", hexid(rng, 12)), ("msg", "3ds challenge abandoned by shopper"),
           ("psp", "adyen")])
inc.lines("checkout-api-eu.txt", [l for _, l in sorted(ck, key=lambda x: x[0])])

# ---- riskfeat-gen (python logging, UTC)
fg = []


def FG(t, lvl, lg, msg):
    fg.append((t, "%s,%03d %-7s %s: %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl, lg, msg)))


for t, pub, n in runs:
    if not (W0 <= t <= W1):
        continue
    rep = "ch-risk-%d" % (1 + rng.randint(0, 2))
    if MIGRATION < t < REVERT:  # the grant reached ch-risk-1/2 first
        rep = "ch-risk-3" if n <= 256 else "ch-risk-%d" % (1 + rng.randint(0, 1))
    FG(add(t, seconds=1.2), "INFO", "riskfeat.main", "run %s starting (window 30d, table default.txn_features)" % t.strftime("%Y%m%dT%H%M"))
    FG(add(t, seconds=2.9), "INFO", "riskfeat.schema", "read %d columns from system.columns on %s" % (n, rep))
    q = rng.uniform(8, 22)
    if rng.random() < 0.12:
        FG(add(t, seconds=3 + q), "WARNING", "riskfeat.clickhouse", "aggregation query slow: %.1fs (threshold 15s)" % (q + 5))
    FG(add(pub, seconds=-1.5), "INFO", "riskfeat.build", "built feature table: %d features, %d bytes" % (n, n * 112 + 640))
    FG(pub, "INFO", "riskfeat.publish", "published s3://risk-config-prod/edge/features-%s.bin etag=%s" % (t.strftime("%Y%m%dT%H%M"), hexid(rng, 32)))
FG(add(RESUME, seconds=5), "INFO", "riskfeat.main", "riskfeat-gen 1.9.2 (schema query filtered on database=currentDatabase())")
inc.lines("featgen.log", [l for _, l in sorted(fg, key=lambda x: x[0])])

# ---- ServiceNow change_request export
chg = []


def CHG(n, t, dur, desc, group, ci, who, typ="normal", state="Closed Complete", extra=""):
    chg.append({"number": "CHG00%d" % n, "sys_id": uid("chg%d" % n, 32), "type": typ, "state": state,
                "short_description": desc, "description": extra or desc, "assignment_group": group, "cmdb_ci": ci,
                "requested_by": who, "start_date": t.strftime("%Y-%m-%d %H:%M:%S"),
                "end_date": add(t, seconds=dur).strftime("%Y-%m-%d %H:%M:%S"),
                "work_start": t.strftime("%Y-%m-%d %H:%M:%S"), "work_end": add(t, seconds=dur).strftime("%Y-%m-%d %H:%M:%S"),
                "close_code": "successful", "sys_created_on": add(t, hours=-20).strftime("%Y-%m-%d %H:%M:%S")})


CHG(31862, T(D + "09:12:40"), 240, "checkout-web 8.4.1 rollout (copy changes)", "Checkout", "checkout-web", "priya.natarajan")
CHG(31871, OTHER_DEPLOY, 380, "loyalty-api 2.31.0: points preview in basket", "Loyalty", "loyalty-api", "tomasz.wrobel")
CHG(31877, MIGRATION, 14, "ClickHouse migration 0147_grant_feature_gen_r0 (ON CLUSTER risk)", "Risk Data", "clickhouse-risk",
    "aisha.okafor", extra="GRANT SELECT ON r0.* TO feature_gen ON CLUSTER risk; lets feature_gen read the r0 shard tables for the distributed rollups. Commit 4be2f01 (" + iso(COMMIT) + ").")
CHG(31880, PIN, 25, "EMERGENCY: pin edge risk features file to features-20260804T1115.bin", "Risk", "risk-scorer-edge",
    "marek.zielinski", typ="emergency", extra="Copy last known good features file (191 features) over edge/current; riskfeat-gen suspended at 11:32.")
CHG(31883, REVERT, 9, "EMERGENCY: revert migration 0147 (REVOKE SELECT ON r0.* FROM feature_gen)", "Risk Data", "clickhouse-risk",
    "aisha.okafor", typ="emergency")
CHG(31884, RESUME, 60, "riskfeat-gen 1.9.2: filter system.columns by database; unsuspend CronJob", "Risk", "riskfeat-gen",
    "marek.zielinski", typ="emergency")
CHG(31889, OTHER_CHANGE2, 410, "search-indexer: raise bulk size to 2000", "Search", "search-indexer", "nina.berg")
inc.json("chg-export.json", {"result": sorted(chg, key=lambda c: c["start_date"])})

# ---- alert rules
inc.write("monitoring.yml", """groups:
- name: checkout
  rules:
  - alert: CheckoutPaymentSubmitErrors
    expr: |
      sum(rate(http_requests_total{service="checkout-api",path="/v2/checkout/submit",status=~"5.."}[10m]))
        / sum(rate(http_requests_total{service="checkout-api",path="/v2/checkout/submit"}[10m])) > 0.05
    for: 2m
    labels: {severity: page, team: payments}
    annotations:
      summary: checkout submit 5xx ratio {{ $value | humanizePercentage }}
- name: risk
  rules:
  - alert: RiskScorerDown
    expr: up{job="risk-scorer"} == 0
    for: 1m
    labels: {severity: warning, team: risk}
    annotations:
      summary: risk-scorer down on {{ $labels.instance }}
  - alert: KubeJobFailed
    expr: kube_job_failed{namespace=~"payments-au|risk"} > 0
    for: 1m
    labels: {severity: warning}
    annotations:
      summary: job {{ $labels.job_name }} failed
- name: search
  rules:
  - alert: SearchIndexerLag
    expr: search_indexer_lag_seconds > 300
    for: 5m
    labels: {severity: warning, team: search}
    annotations:
      summary: search indexer {{ $value | humanizeDuration }} behind
""")

# ---- alertmanager webhook posts (ndjson as captured by the archive receiver)
hk = []


def H(t, body):
    hk.append((t, jline(body)))


pl = {"severity": "page", "team": "payments", "service": "checkout-api"}
H(add(ALERT, seconds=12), am_webhook("pagerduty-payments", [am_alert("CheckoutPaymentSubmitErrors", pl, "checkout submit 5xx ratio 31.4%", ALERT)]))
H(add(ALERT_OK, seconds=10), am_webhook("pagerduty-payments", [am_alert("CheckoutPaymentSubmitErrors", pl, "checkout submit 5xx ratio 31.4%", ALERT, ends=ALERT_OK)]))
# RiskScorerDown flaps with the good 11:15 file
rsd = [(WARN_ALERT, T(D + "11:16:40")), (T(D + "11:22:20"), T(D + "11:37:40"))]
for a, b in rsd:
    als = [am_alert("RiskScorerDown", {"severity": "warning", "team": "risk", "job": "risk-scorer", "instance": h + ":7443"},
                    "risk-scorer down on %s:7443" % h, add(a, seconds=5 * i)) for i, h in enumerate(HOSTS)]
    H(add(a, seconds=30), am_webhook("slack-risk", als))
    als = [am_alert("RiskScorerDown", {"severity": "warning", "team": "risk", "job": "risk-scorer", "instance": h + ":7443"},
                    "risk-scorer down on %s:7443" % h, add(a, seconds=5 * i), ends=add(b, seconds=5 * i)) for i, h in enumerate(HOSTS)]
    H(add(b, seconds=40), am_webhook("slack-risk", als))
jl = {"severity": "warning", "namespace": "payments-au", "job_name": "au-settlement-sync-29764020"}
H(add(CRON[-1], seconds=75), am_webhook("slack-risk", [am_alert("KubeJobFailed", jl, "job au-settlement-sync-29764020 failed", add(CRON[-1], seconds=45))]))
sl = {"severity": "warning", "team": "search", "service": "search-indexer"}
for a, b in [(T(D + "10:52:30"), T(D + "11:03:30")), (T(D + "11:44:00"), T(D + "11:51:30")), (T(D + "12:24:00"), None)]:
    H(add(a, seconds=30), am_webhook("slack-search", [am_alert("SearchIndexerLag", sl, "search indexer 6m behind", a)]))
    if b:
        H(add(b, seconds=30), am_webhook("slack-search", [am_alert("SearchIndexerLag", sl, "search indexer 6m behind", a, ends=b)]))
inc.lines("receiver-capture.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty log entries
pd = PD(48217, "CheckoutPaymentSubmitErrors: checkout submit 5xx ratio 31.4%", "checkout-api", "PCHK7Q2")
jonas = PD.user("Jonas Weber", "PJWEB01")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, None, "Notified Jonas Weber by phone call.", user=jonas)
pd.add(ACK, "acknowledge_log_entry", jonas, {"type": "phone"}, "Acknowledged by Jonas Weber.")
pd.add(T(D + "11:29:12"), "annotate_log_entry", jonas, {"type": "web_ui"}, "Note added: risk scorer crash loop on edge, risk team engaged")
pd.add(add(ALERT_OK, seconds=11), "annotate_log_entry", None, {"type": "api", "summary": "resolve event received, auto-resolve disabled for this service"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", jonas, {"type": "web_ui"}, "Resolved by Jonas Weber.")
inc.json("incident-48217.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U01JWEB", "jonas", "Jonas Weber"), ("U01PNAT", "priya", "Priya Natarajan"), ("U01MZIE", "marek", "Marek Zielinski"),
                ("U01AOKA", "aisha", "Aisha Okafor"), ("U01LFER", "laura", "Laura Fernández"), ("U01TWRO", "tomasz", "Tomasz Wróbel")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n in [("C01RISKA", "risk-alerts"), ("C01INC48", "inc-48217-checkout-payments"), ("C01STAT", "status-updates")]:
    s.channel(cid, n)
for c in CRON:
    jn = "au-settlement-sync-%d" % (29764020 - 1440 * (4 - c.day))
    s.bot("risk-alerts", add(c, seconds=76), "B01AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "job %s failed (namespace payments-au)" % jn, color="warning"))
for a, b in rsd:
    s.bot("risk-alerts", add(a, seconds=31), "B01AM", "alertmanager",
          attachments=am_slack_attachment("firing", "RiskScorerDown", "risk-scorer down on edge-fra-1:7443, edge-fra-2:7443, edge-ams-1:7443"))
    s.bot("risk-alerts", add(b, seconds=41), "B01AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "RiskScorerDown", "risk-scorer down on edge-fra-1:7443, edge-fra-2:7443, edge-ams-1:7443"))
ch = "inc-48217-checkout-payments"
s.say(ch, add(ACK, seconds=35), "U01JWEB", "acked. checkout submit is throwing 503s, logs say `risk score unavailable ... connection refused` to the edge scorers")
s.say(ch, WRONG, "U01PNAT", "loyalty shipped 2.31 at 10:41 and it hooks into the basket, could be them")
s.say(ch, add(WRONG, seconds=50), "U01TWRO", "2.31 only adds a points preview on GET /basket, nothing on submit")
s.say(ch, add(STATUS, seconds=20), "U01LFER", "Statuspage incident posted: 'Some card payments failing at checkout - investigating'")
s.say(ch, ROLLBACK_Q, "U01PNAT", "should we roll back loyalty-api anyway?")
s.say(ch, add(ROLLBACK_Q, seconds=25), "U01JWEB", "no, not in the payment path. @marek can you look at the scorers?")
s.say(ch, DIAG1, "U01MZIE", "the scorers are crash looping: they panic with `feature count 382 exceeds MAX_FEATURES (256)`. The features file doubled, every column is in it twice")
s.say(ch, add(DIAG1, seconds=95), "U01JWEB", "it came back between 11:15 and 11:20 and then died again?")
s.say(ch, add(DIAG1, seconds=150), "U01MZIE", "yes the 11:15 file was fine (191). riskfeat-gen flips between good and bad depending on which clickhouse replica it reads the schema from")
s.say(ch, DIAG2, "U01AOKA", "that's our 0147 migration: granting feature_gen SELECT on r0 makes system.columns return r0.txn_features as well as default.txn_features, and the gen query doesn't filter on database")
s.say(ch, add(SUSPEND, seconds=-40), "U01MZIE", "suspending riskfeat-gen so it stops publishing, then pinning the 11:15 file on the edges")
s.say(ch, add(SUSPEND, seconds=8), "U01MZIE", "cronjob suspended")
s.say(ch, add(PIN, seconds=70), "U01MZIE", "11:15 file pinned on all three edges, scorers up since 11:36, no panic since")
s.say(ch, add(MITIGATED, seconds=150), "U01JWEB", "submit 5xx back to zero in checkout logs")
s.say(ch, add(REVERT, seconds=40), "U01AOKA", "0147 reverted on the cluster")
s.say(ch, add(RESUME, seconds=45), "U01MZIE", "riskfeat-gen 1.9.2 resumed with the database filter, will unpin after the 12:10 run if it has 191 features")
s.say(ch, add(RESOLVED, seconds=-30), "U01JWEB", "clean for 40+ min, resolving. Postmortem owner: Marek")
s.say("status-updates", STATUS, "U01LFER", "[Investigating] Some card payments are failing at checkout. We are investigating.")
s.say("status-updates", T(D + "11:48:00"), "U01LFER", "[Monitoring] A fix has been applied and payments are succeeding again.")
s.say("status-updates", T(D + "12:22:00"), "U01LFER", "[Resolved] Card payments at checkout failed between 11:10 and 11:36 UTC. Resolved.")
s.write(inc, "slack")

inc.truth(
    "risk-features-oversize", "generated-config-oversize-loader-panic",
    "A ClickHouse grant migration made the risk feature-file generator read every column twice; the edge risk scorers panicked\n"
    "on the 382-feature file (limit 256), crash-looped, and checkout payment submits failed closed until the last good file was pinned.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(MIGRATION, "change", "ClickHouse migration 0147 grants feature_gen SELECT on r0", "chg-export.json", 60),
     (STARTED, "first_symptom", "first risk-scorer panic: feature count 382 exceeds MAX_FEATURES", "edge-hosts.json", 60),
     (WARN_ALERT, "alert_fired", "RiskScorerDown firing (warning, risk)", "receiver-capture.ndjson", 60),
     (ALERT, "alert_fired", "CheckoutPaymentSubmitErrors firing (page)", "receiver-capture.ndjson", 60),
     (PAGE, "paged", "PagerDuty #48217 triggered", "incident-48217.json", 60),
     (ACK, "acknowledged", "Jonas acknowledges", "incident-48217.json", 60),
     (STATUS, "communication", "Statuspage: some card payments failing", "slack", 90),
     (DIAG1, "diagnosis", "Marek: scorers panic, features file doubled", "slack", 90),
     (DIAG2, "diagnosis", "Aisha: migration 0147's r0 grant duplicates system.columns rows", "slack", 90),
     (PIN, "mitigation", "last good features file (11:15) pinned on the edges", "chg-export.json", 60),
     (MITIGATED, "recovery", "no more panics, checkout submit 503s stop", "checkout-api-eu.txt", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "incident-48217.json", 60)],
    [(CRON[-1], "au-settlement-sync job fails every day at ~11:00 UTC (KubeJobFailed)", "receiver-capture.ndjson"),
     (OTHER_DEPLOY, "loyalty-api 2.31.0 rollout by the loyalty team", "chg-export.json"),
     (OTHER_CHANGE2, "search-indexer bulk size change by the search team", "chg-export.json"),
     (T(D + "10:52:30"), "SearchIndexerLag flapping for the search team", "receiver-capture.ndjson"),
     (T(D + "11:16:40"), "RiskScorerDown resolves while the 11:15 file is live; the incident continues", "receiver-capture.ndjson"),
     (WRONG, "wrong hunch: loyalty 2.31 basket hooks", "slack"),
     (ROLLBACK_Q, "'should we roll back loyalty-api anyway?' question, not done", "slack"),
     (T(D + "12:00:00"), "steady address-validation timeouts and 3ds abandons all window", "checkout-api-eu.txt"),
     (T(D + "12:10:00"), "steady GeoIP misses on the scorers all window", "edge-hosts.json")],
    [("edge-hosts.json", "logs"), ("checkout-api-eu.txt", "logs"), ("featgen.log", "logs"), ("chg-export.json", "deploys"),
     ("monitoring.yml", "alert-rules"), ("receiver-capture.ndjson", "alertmanager-webhook"), ("incident-48217.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
