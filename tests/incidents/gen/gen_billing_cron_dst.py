"""retired4/billing-cron-dst: the monthly charge run is scheduled at 01:30 in a host crontab on Europe/London time; when clocks go back 01:30 happens twice and customers are charged a second time until the second run is killed."""
import random
from common import *

rng = random.Random(20261025)
inc = Incident("retired4", "billing-cron-dst")
LTZ = "Europe/London"
HOST = "billing-batch-02"
D = "2026-10-25 "
W0, W1 = T(D + "00:15:00"), T(D + "03:30:00")
BACKUP = [T("2026-10-22 01:15:07"), T("2026-10-23 01:15:04"), T("2026-10-24 01:15:09"), T(D + "02:15:06")]
RUN1 = T(D + "00:30:01")
RUN2 = T(D + "01:30:01")
STARTED = T(D + "01:30:04")
WARN = T(D + "01:38:30")
PAGE_ALERT = T(D + "01:44:10")
PAGE = T(D + "01:44:25")
ACK = T(D + "01:51:40")
OTHER_DEPLOY = T(D + "01:52:10")
WRONG = T(D + "01:56:20")
ROLLBACK_Q = T(D + "01:59:30")
DIAG = T(D + "02:04:20")
KILL = T(D + "02:07:05")
MITIGATED = T(D + "02:07:06")
ALERT_OK = T(D + "02:12:10")
COMMS = T(D + "02:15:00")
WARN_OK = T(D + "02:15:40")
RESOLVED = T(D + "02:58:00")
PID1, PID2 = 28841, 30117
N_INV = 31240
BATCH_S = 7.3


def batches(start, end):
    out = []
    t = add(start, seconds=3)
    b = 1
    while t < end and b <= (N_INV + 99) // 100:
        out.append((t, b))
        t = add(t, seconds=BATCH_S + rng.random() * 0.4)
        b += 1
    return out
B1 = batches(RUN1, add(RUN1, hours=2))
RUN1_END = add(B1[-1][0], seconds=1.7)
assert RUN1_END < RUN2
B2 = batches(RUN2, KILL)
assert abs((B2[0][0] - STARTED).total_seconds()) < 1, B2[0]
assert B2[-1][0] < MITIGATED


# ---- charge runner + ledger dedupe, structlog JSON lines in UTC
rl = []
def R(t, level, logger, event, **kw):
    rl.append((t, jline({"timestamp": iso_us(t), "level": level, "logger": logger, "event": event, **kw})))
for run, pid, t0, bs, rid in ((1, PID1, RUN1, B1, "cr-20261025-0130-%d" % PID1), (2, PID2, RUN2, B2, "cr-20261025-0130-%d" % PID2)):
    R(t0, "info", "billing.charge_run", "charge run started", run_id=rid, period="2026-10", pid=pid, host=HOST)
    R(add(t0, seconds=1.2), "info", "billing.charge_run", "invoices selected", run_id=rid, due=N_INV, selector="status IN ('OPEN','RETRY') AND due_on <= CURRENT_DATE")
    for t, b in bs:
        ok = 100 - rng.choice([0, 0, 0, 1, 1, 2])
        R(t, "info", "billing.charge_run", "batch charged", run_id=rid, batch=b, of=(N_INV + 99) // 100, ok=ok, soft_declined=100 - ok, psp="adyen")
        if run == 2:
            for _ in range(rng.choice([1, 2, 2, 3])):
                R(add(t, seconds=1.5 + rng.random() * 4), "warning", "ledger.dedupe", "possible duplicate charge",
                  invoice="INV-2026-10-%07d" % (b * 100 + rng.randint(0, 99)), previous_run="cr-20261025-0130-%d" % PID1, amount_minor=rng.choice([999, 1499, 2999, 4999]), currency="GBP")
    if run == 1:
        R(RUN1_END, "info", "billing.charge_run", "charge run finished", run_id=rid, charged=N_INV - 23, soft_declined=23, duration_s=int((RUN1_END - RUN1).total_seconds()))
R(add(STARTED, seconds=1.9), "warning", "ledger.dedupe", "possible duplicate charge", invoice="INV-2026-10-0000042", previous_run="cr-20261025-0130-%d" % PID1, amount_minor=1499, currency="GBP")
R(KILL, "warning", "billing.charge_run", "received SIGTERM, stopping after current batch", run_id="cr-20261025-0130-%d" % PID2)
R(MITIGATED, "error", "billing.charge_run", "charge run aborted", run_id="cr-20261025-0130-%d" % PID2, batch=B2[-1][1], charged=B2[-1][1] * 100 - 9)
for t in poisson_times(rng, W0, W1, 1 / 50.0):
    R(t, "warning", "billing.psp_webhooks", "webhook signature timestamp older than 5m, accepted (tolerance 10m)", psp="adyen", event_code=rng.choice(["AUTHORISATION", "CAPTURE", "REFUND"]))
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    R(t, "error", "billing.fx", "ECB rates feed returned 503, using cached rates", age_h=rng.randint(20, 30))
inc.lines("runner.jsonl", [l for _, l in sorted(rl, key=lambda x: x[0])])

# ---- host syslog (traditional format, Europe/London local time, no year)
sl = []
def SL(t, prog, msg):
    sl.append((t, syslog(t, LTZ, HOST, prog, msg)))
for t, pid in ((RUN1, PID1), (RUN2, PID2)):
    SL(add(t, seconds=-1), "CRON[%d]" % (pid - 1), "(billing) CMD (/opt/billing/bin/charge-run --period current >> /var/log/billing/charge-run.log 2>&1)")
    SL(t, "charge-run[%d]" % pid, "starting charge run for period 2026-10")
SL(RUN1_END, "charge-run[%d]" % PID1, "done: %d charged, 23 soft declined" % (N_INV - 23))
SL(KILL, "sudo", "   aisha : TTY=pts/0 ; PWD=/home/aisha ; USER=root ; COMMAND=/usr/bin/kill -TERM %d" % PID2)
SL(MITIGATED, "charge-run[%d]" % PID2, "terminated by signal 15 after batch %d" % B2[-1][1])
SL(add(KILL, seconds=34), "sudo", "   aisha : TTY=pts/0 ; PWD=/home/aisha ; USER=root ; COMMAND=/usr/bin/crontab -u billing -e")
for t in frange(add(W0, seconds=17), W1, 300):
    SL(t, "CRON[%d]" % rng.randint(20000, 40000), "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)")
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    SL(t, "postfix/smtp[%d]" % rng.randint(3000, 9000), "connect to mx2.mailrelay.example.net[198.51.100.%d]:25: Connection timed out" % rng.randint(2, 60))
b = BACKUP[-1]
SL(add(b, seconds=-6), "CRON[%d]" % rng.randint(20000, 40000), "(root) CMD (/usr/local/sbin/offsite-backup.sh)")
SL(b, "offsite-backup.sh[%d]" % rng.randint(20000, 40000), "ERROR : billing-db-dump.sql.gz: Failed to copy: AccessDenied: Access Denied status code: 403")
inc.lines("messages", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- OpenMetrics dump (30 s)
def cum(bs, t):
    return sum(100 for bt, _ in bs if bt <= t)
dup = sorted(t for t, l in rl if '"possible duplicate charge"' in l)
fam = [("billing_charges", "counter", "Charges submitted to the PSP.",
        [({"host": HOST, "job": "charge-run", "psp": "adyen"}, [(t, cum(B1, t) + cum(B2, t)) for t in frange(W0, W1, 30)])]),
       ("ledger_duplicate_charges", "counter", "Charges the ledger flagged as possible duplicates.",
        [({"job": "ledger", "currency": "GBP"}, [(t, sum(1 for d in dup if d <= t)) for t in frange(W0, W1, 30)])]),
       ("billing_psp_webhook_lag_seconds", "gauge", "Age of the newest PSP webhook processed.",
        [({"job": "billing-api", "psp": "adyen"}, [(t, round(2.0 + rng.random() * 6, 2)) for t in frange(W0, W1, 30)])])]
inc.write("metrics-billing.txt", openmetrics(fam))

# ---- alertmanager webhook captures (a JSON list of POST bodies)
posts = []
wl = {"severity": "warning", "team": "billing", "job": "charge-run"}
posts.append(am_webhook("slack-billing", [am_alert("BillingChargeVolumeAnomaly", wl, "charges in the last 10m far above the 4-week baseline for this hour", WARN)]))
posts.append(am_webhook("slack-billing", [am_alert("BillingChargeVolumeAnomaly", wl, "charges in the last 10m far above the 4-week baseline for this hour", WARN, ends=WARN_OK)]))
pl = {"severity": "page", "team": "billing", "service": "ledger"}
posts.append(am_webhook("pagerduty-billing", [am_alert("LedgerDuplicateChargeRate", pl, "ledger flags >5 possible duplicate charges/min", PAGE_ALERT)]))
posts.append(am_webhook("pagerduty-billing", [am_alert("LedgerDuplicateChargeRate", pl, "ledger flags >5 possible duplicate charges/min", PAGE_ALERT, ends=ALERT_OK)]))
dl = {"severity": "warning", "team": "data", "instance": "etl-worker-3:9100"}
for s_, e_ in [(T(D + "00:41:00"), T(D + "00:47:30")), (T(D + "01:33:00"), T(D + "01:36:00")), (T(D + "02:21:00"), T(D + "02:29:00")), (T(D + "03:02:30"), T(D + "03:05:00"))]:
    posts.append(am_webhook("slack-data", [am_alert("HostHighCpuLoad", dl, "etl-worker-3 load15 > 2x cores", s_)]))
    posts.append(am_webhook("slack-data", [am_alert("HostHighCpuLoad", dl, "etl-worker-3 load15 > 2x cores", s_, ends=e_)]))
posts.append(am_webhook("slack-billing", [am_alert("OffsiteBackupFailed", {"severity": "warning", "team": "billing", "instance": HOST},
                                                   "offsite backup on %s failed" % HOST, add(BACKUP[-1], seconds=50))]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("wh-capture.json", posts)

# ---- pagerduty (REST log entries)
pd = PD(33107, "LedgerDuplicateChargeRate ledger flags possible duplicate charges", "ledger", "PBIL009")
tom = PD.user("Tom Okafor", "PTOKA01")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMUK1", "summary": "Alertmanager (prod-uk)"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Tom Okafor by push notification.", user=tom)
pd.add(add(PAGE, seconds=300), "notify_log_entry", None, None, "Notified Tom Okafor by phone.", user=tom)
pd.add(ACK, "acknowledge_log_entry", tom, {"type": "phone"}, "Acknowledged by Tom Okafor.")
pd.add(add(DIAG, seconds=200), "annotate_log_entry", tom, {"type": "web_ui", "summary": "second 01:30 run after the clock change, being stopped"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", tom, {"type": "web_ui"}, "Resolved by Tom Okafor.")
inc.json("incident-33107.json", pd.export())

# ---- deploy tool JSON
dep = [{"id": "dpl_%s" % uid(str(t) + s_, 10), "service": s_, "environment": "prod-uk", "version": v, "deployed_by": a,
        "started_at": iso(add(t, seconds=-d)), "finished_at": iso(t), "status": "succeeded", "notes": n}
       for t, d, s_, v, a, n in [
           (T("2026-09-29 10:14:22"), 900, "billing-batch", "host-migration-02", "aisha.patel", "move charge-run & exports to billing-batch-02 (Debian 12)"),
           (T("2026-10-24 17:48:03"), 240, "notifications", "4.2.0", "deploy-bot", "daily release"),
           (OTHER_DEPLOY, 180, "search-indexer", "2026.10.25-1", "deploy-bot", "nightly index schema bump"),
           (T(D + "03:12:40"), 200, "ledger", "7.8.3", "deploy-bot", "add run_id to duplicate-charge alert")]]
inc.json("deploy-history.json", {"items": dep, "next": None})

# ---- slack export
s = Slack()
for u, n, r in [("U01TOM", "tom", "Tom Okafor"), ("U01AISHA", "aisha", "Aisha Patel"), ("U01GREG", "greg", "Greg Hollis"),
                ("U01SOPH", "sophie", "Sophie Lang"), ("U01RAJ", "raj", "Raj Mehta")]:
    s.user(u, n, r, LTZ)
for cid, n in [("C01BIL", "billing-alerts"), ("C01INC", "inc-duplicate-charges"), ("C01SUP", "support-escalations"), ("C01DEP", "deploys")]:
    s.channel(cid, n)
for b in BACKUP:
    s.bot("billing-alerts", add(b, seconds=55), "B01AM", "alertmanager",
          attachments=am_slack_attachment("firing", "OffsiteBackupFailed", "offsite backup on %s failed" % HOST, color="warning"))
s.bot("billing-alerts", add(WARN, seconds=20), "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "BillingChargeVolumeAnomaly", "charges in the last 10m far above the 4-week baseline for this hour", color="warning"))
s.bot("billing-alerts", add(PAGE_ALERT, seconds=20), "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "LedgerDuplicateChargeRate", "ledger flags >5 possible duplicate charges/min"))
s.bot("billing-alerts", add(ALERT_OK, seconds=20), "B01AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "LedgerDuplicateChargeRate", "ledger flags possible duplicate charges"))
s.bot("billing-alerts", add(WARN_OK, seconds=20), "B01AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "BillingChargeVolumeAnomaly", "charge volume back to baseline"))
for d in dep:
    import datetime as _d
    t = _d.datetime.fromisoformat(d["finished_at"].replace("Z", "+00:00"))
    if W0 <= t <= W1:
        s.bot("deploys", add(t, seconds=3), "B01DEP", "deployer", blocks=pd_slack_blocks(":rocket: *%s* `%s` deployed to prod-uk by %s" % (d["service"], d["version"], d["deployed_by"])))
s.say("support-escalations", T(D + "01:48:30"), "U01SOPH", "3 customers on chat saying they were charged twice for October in the last 15 min, anyone aware?")
ch = "inc-duplicate-charges"
s.say(ch, add(ACK, seconds=25), "U01TOM", "got it, I'm on. ledger flagging duplicates since ~01:30, all against run cr-20261025-0130-28841")
s.say(ch, WRONG, "U01GREG", "is the PSP retrying webhooks twice again? that happened in June")
s.say(ch, add(WRONG, seconds=75), "U01TOM", "no, these are new charges we submitted, different psp refs")
s.say(ch, ROLLBACK_Q, "U01RAJ", "should we roll back yesterday's billing-api release?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U01TOM", "yesterday's release was notifications, billing hasn't shipped since Wednesday")
s.say(ch, DIAG, "U01AISHA", "billing-batch-02 runs cron in Europe/London since the migration. clocks went back at 02:00 so 01:30 happened twice - the second charge-run (pid 30117) is charging the whole October period again")
s.say(ch, add(KILL, seconds=20), "U01AISHA", "second batch is gone, nothing charging now. crontab line commented out until we pin CRON_TZ=UTC")
s.say(ch, add(KILL, seconds=70), "U01TOM", "duplicates stopped at batch %d, so ~%d customers hit twice" % (B2[-1][1], B2[-1][1] * 100 - 9))
s.say("support-escalations", COMMS, "U01SOPH", "macro live for duplicate October charges: 'you were charged twice by mistake, the second charge is refunded automatically within 3-5 days'")
s.say(ch, add(COMMS, seconds=60), "U01RAJ", "refund job for the second-run charges queued, finance knows")
s.say(ch, add(RESOLVED, seconds=-30), "U01TOM", "no new duplicates since 02:07, refunds queued, resolving. PIR Monday")
s.write(inc, "slack")

inc.truth(
    "billing-cron-dst", "cron-timezone-dst-double-run",
    "The monthly charge run is a 01:30 crontab entry on a host kept in Europe/London; when BST ended 01:30 came twice,\n"
    "and the second run charged October again until it was killed (SIGTERM) 37 minutes later.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "second charge run's first batch charged (duplicates)", "runner.jsonl", 60),
     (WARN, "alert_fired", "BillingChargeVolumeAnomaly (warning) firing", "wh-capture.json", 60),
     (PAGE, "paged", "PagerDuty #33107 triggered", "incident-33107.json", 60),
     (ACK, "acknowledged", "Tom acknowledges (after phone re-notify)", "incident-33107.json", 60),
     (DIAG, "diagnosis", "Aisha: cron in Europe/London, 01:30 happened twice after the clocks went back", "slack", 90),
     (KILL, "mitigation", "second charge run sent SIGTERM", "runner.jsonl", 60),
     (MITIGATED, "recovery", "second run aborted, no more charges", "runner.jsonl", 60),
     (ALERT_OK, "alert_resolved", "LedgerDuplicateChargeRate resolved", "wh-capture.json", 60),
     (COMMS, "communication", "support macro: duplicate charges refunded automatically", "slack", 90),
     (RESOLVED, "resolved", "PagerDuty resolved", "incident-33107.json", 60)],
    [(RUN1, "the legitimate first charge run (01:30 BST = 00:30 UTC)", "runner.jsonl"),
     (BACKUP[-1], "offsite backup cron fails every night (AccessDenied)", "messages"),
     (OTHER_DEPLOY, "search-indexer deploy by deploy-bot", "deploy-history.json"),
     (T(D + "03:12:40"), "ledger deploy after resolution", "deploy-history.json"),
     (T(D + "01:33:00"), "HostHighCpuLoad on etl-worker-3 flapping (data team)", "wh-capture.json"),
     (WRONG, "wrong hunch: PSP retrying webhooks", "slack"),
     (ROLLBACK_Q, "'should we roll back yesterday's billing-api release?' question", "slack"),
     (T(D + "02:30:00"), "steady webhook-timestamp warnings, ECB feed 503s, postfix connect timeouts all window", "runner.jsonl")],
    [("runner.jsonl", "logs"), ("messages", "logs", LTZ), ("metrics-billing.txt", "openmetrics"), ("wh-capture.json", "alertmanager-webhook"),
     ("incident-33107.json", "pagerduty-log-entries"), ("deploy-history.json", "deploys"), ("slack", "slack-export")])
