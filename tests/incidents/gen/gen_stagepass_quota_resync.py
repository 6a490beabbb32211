"""retired11/stagepass-quota-resync: a monthly full_resync task, added to an Airflow DAG in November, runs for the
first time at 00:00 UTC on Dec 1 and burns the ticketing partner's hourly API quota (shared app key, resets on
the UTC hour); order confirmations get 429 until the 01:00 reset, again from 01:17, and after the task is stopped
at 01:21 until the 02:00 reset. The page is acknowledged only after escalation; resolved after a replay."""
import random
from common import *

rng = random.Random(20261201)
inc = Incident("retired11", "stagepass-quota-resync")
ATZ = "America/New_York"
W0, W1 = T("2026-11-30 23:30:00"), T("2026-12-01 03:30:00")
D = "2026-12-01 "
DIGEST = [T("2026-%s 00:30:%02d" % (d, 5 + i)) for i, d in enumerate(("11-28", "11-29", "11-30", "12-01"))]
RESYNC = T(D + "00:00:04")
STARTED = T(D + "00:17:32")
ALERT = T(D + "00:23:10")
PAGE = T(D + "00:23:11")
ESCALATE = T(D + "00:38:11")
OTHER_DEPLOY = T(D + "00:41:20")
ACK = T(D + "00:52:40")
WRONG = T(D + "00:57:50")
RESET1 = T(D + "01:00:00")
ROLLBACK_Q = T(D + "01:02:30")
ALERT_FLAP_OK = T(D + "01:06:10")
DIAG = T(D + "01:09:30")
BURN2 = T(D + "01:17:22")
STOP = T(D + "01:21:40")
ALERT2 = T(D + "01:23:20")
COMMS = T(D + "01:25:30")
MITIGATED = T(D + "02:00:01")
ALERT_OK = T(D + "02:06:10")
REPLAY = T(D + "02:20:15")
REPLAY_DONE = T(D + "02:41:48")
RESOLVED = T(D + "03:05:00")
LIMIT = 20000


def hour_start(t):
    return t.replace(minute=0, second=0, microsecond=0)


def resync_rate(t):  # partner calls per second by the resync task
    return 17.0 if RESYNC <= t < STOP else 0.0


def remaining(t):
    h = hour_start(t)
    base = 2.2  # steady calls/s from order-confirm + hourly delta sync
    used = base * (t - h).total_seconds()
    if RESYNC < t < add(STOP, minutes=1):
        s = max(h, RESYNC)
        used += resync_rate(t) * (min(t, STOP) - s).total_seconds()
    if h == hour_start(STOP) and t >= STOP:
        used = LIMIT
    return max(0, LIMIT - int(used))


def quota_out(t):
    return (STARTED <= t < RESET1) or (BURN2 <= t < MITIGATED)


# ---- Airflow task logs (default_timezone America/New_York)
def AF(t, src, lvl, msg):
    lt = local(t, ATZ)
    return "[%s] {%s} %s - %s" % (lt.strftime("%Y-%m-%d, %H:%M:%S %Z"), src, lvl, msg)
fr = []
fr.append(AF(add(RESYNC, seconds=-1.2), "taskinstance.py:1979", "INFO", "Dependencies all met for dep_context=non-requeueable deps ti=<TaskInstance: partner_inventory_sync.full_resync scheduled__2026-11-01T00:00:00+00:00 [queued]>"))
fr.append(AF(add(RESYNC, seconds=-1.0), "taskinstance.py:2193", "INFO", "Starting attempt 1 of 2"))
fr.append(AF(RESYNC, "taskinstance.py:2217", "INFO", "Executing <Task(PythonOperator): full_resync> on 2026-11-01 00:00:00+00:00"))
fr.append(AF(add(RESYNC, seconds=0.3), "inventory.py:88", "INFO", "full resync: 412 venues, 18,904 events, 3,771,220 seat blocks to refresh (concurrency=24)"))
t = add(RESYNC, seconds=60)
while t < STOP:
    rem = remaining(t)
    if rem > 0:
        fr.append(AF(t, "inventory.py:131", "INFO", "progress venues=%d/412 events=%d calls=%d x-ratelimit-remaining=%d" % (
            int((t - RESYNC).total_seconds() / 40), int((t - RESYNC).total_seconds() * 3.1), int(resync_rate(t) * (t - RESYNC).total_seconds()), rem)))
    else:
        fr.append(AF(t, "partner_client.py:57", "WARNING", "429 Too Many Requests from api.tixbridge.com, x-ratelimit-reset=%d, backing off %ds" % (
            int(epoch(add(hour_start(t), hours=1))), rng.choice([30, 60, 60, 120]))))
    t = add(t, seconds=60)
fr.append(AF(add(STOP, seconds=0.4), "local_task_job_runner.py:115", "WARNING", "State of this instance has been externally set to failed. Terminating instance."))
fr.append(AF(add(STOP, seconds=0.5), "taskinstance.py:2511", "ERROR", "Received SIGTERM. Terminating subprocesses."))
fr.append(AF(add(STOP, seconds=0.9), "taskinstance.py:1206", "INFO", "Marking task as FAILED. dag_id=partner_inventory_sync, task_id=full_resync, run_id=scheduled__2026-11-01T00:00:00+00:00, execution_date=20261101T000000, start_date=20261201T000003, end_date=" + STOP.strftime("%Y%m%dT%H%M%S")))
inc.lines("airflow-logs/dag_id=partner_inventory_sync/run_id=scheduled__2026-11-01T00:00:00+00:00/task_id=full_resync/attempt=1.log", fr)
for i, c in enumerate(DIGEST):
    run = local(add(c, days=-1), "UTC").strftime("%Y-%m-%dT00:30:00+00:00")
    dl = [AF(c, "taskinstance.py:2217", "INFO", "Executing <Task(PythonOperator): send_digest> on %s" % run.replace("T", " ")),
          AF(add(c, seconds=2.4), "smtp.py:71", "ERROR", "SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')"),
          AF(add(c, seconds=2.6), "taskinstance.py:1206", "INFO", "Marking task as FAILED. dag_id=email_digest_daily, task_id=send_digest, run_id=scheduled__%s" % run)]
    inc.lines("airflow-logs/dag_id=email_digest_daily/run_id=scheduled__%s/task_id=send_digest/attempt=1.log" % run, dl)

# ---- order-confirm logfmt
oc = []
for t in poisson_times(rng, W0, W1, 0.12):
    order = "SP-%d" % rng.randint(7_000_000, 7_999_999)
    if quota_out(t):
        oc.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "error"), ("svc", "order-confirm"), ("msg", "partner confirm failed"), ("order", order),
                              ("partner", "tixbridge"), ("status", 429), ("x_ratelimit_remaining", 0), ("x_ratelimit_reset", int(epoch(add(hour_start(t), hours=1)))),
                              ("customer_status", "CONFIRMATION_FAILED")])))
    else:
        oc.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "info"), ("svc", "order-confirm"), ("msg", "order confirmed"), ("order", order),
                              ("partner", "tixbridge"), ("status", 200), ("latency_ms", rng.randint(120, 700))])))
for t0, st in ((STARTED, 429), (BURN2, 429)):
    oc.append((t0, logfmt([("ts", iso(t0, ms=True)), ("level", "error"), ("svc", "order-confirm"), ("msg", "partner confirm failed"), ("order", "SP-7%06d" % rng.randint(0, 999999)),
                           ("partner", "tixbridge"), ("status", st), ("x_ratelimit_remaining", 0), ("x_ratelimit_reset", int(epoch(add(hour_start(t0), hours=1)))), ("customer_status", "CONFIRMATION_FAILED")])))
for t0 in (add(RESET1, seconds=3), MITIGATED):
    oc.append((t0, logfmt([("ts", iso(t0, ms=True)), ("level", "info"), ("svc", "order-confirm"), ("msg", "order confirmed"), ("order", "SP-7%06d" % rng.randint(0, 999999)),
                           ("partner", "tixbridge"), ("status", 200), ("latency_ms", rng.randint(120, 700))])))
for t in poisson_times(rng, W0, W1, 1 / 100.0):
    oc.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "warn"), ("svc", "order-confirm"), ("msg", "seat map fetch timed out, serving cached map"), ("event_id", rng.randint(100000, 999999)), ("timeout", "2s")])))
oc.append((REPLAY, logfmt([("ts", iso(REPLAY, ms=True)), ("level", "info"), ("svc", "order-confirm"), ("msg", "replay started"), ("status_filter", "CONFIRMATION_FAILED"), ("since", "2026-12-01T00:00:00Z"), ("orders", 1184), ("rate_per_s", 2)])))
oc.append((REPLAY_DONE, logfmt([("ts", iso(REPLAY_DONE, ms=True)), ("level", "info"), ("svc", "order-confirm"), ("msg", "replay finished"), ("confirmed", 1161), ("refunded_sold_out", 23)])))
inc.lines("order-confirm.logfmt", [l for _, l in sorted(oc, key=lambda x: x[0])])

# ---- Prometheus query_range: partner quota remaining and confirm outcomes
def conf(kind):
    def f(t):
        v = 0.12 * 60 * rng.uniform(0.8, 1.2)
        bad = quota_out(t)
        return round(v if (kind == "failed") == bad else 0.0, 2)
    return f
inc.json("partner_quota_range.json", query_range(
    [({"__name__": "tixbridge_ratelimit_remaining", "app_key": "stagepass-prod", "job": "order-confirm"}, lambda t: remaining(t)),
     ({"__name__": "order_confirm_outcomes:rate1m", "outcome": "confirmed"}, conf("confirmed")),
     ({"__name__": "order_confirm_outcomes:rate1m", "outcome": "failed"}, conf("failed"))],
    W0, W1, 30, fmt="%.6g"))

# ---- PagerDuty log entries (escalation before the ack)
pd = PD(50219, "OrderConfirmFailureRatio order-confirm partner confirmations failing", "order-confirm", "PORD5C2", "EP Commerce Night")
alex = PD.user("Alex Moreau", "PAMOR01")
priya = PD.user("Priya Nair", "PPNAI02")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Alex Moreau by phone call.", user=alex)
pd.add(add(PAGE, minutes=5, seconds=1), "notify_log_entry", None, None, "Notified Alex Moreau by phone call.", user=alex)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 (Priya Nair) after 15 minutes without acknowledgement.")
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, None, "Notified Priya Nair by phone call.", user=priya)
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Nair.")
pd.add(add(ALERT2, seconds=1), "annotate_log_entry", None, {"type": "api", "summary": "Alert re-triggered (dedup key matched open incident)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.")
inc.json("pagerduty.json", pd.export())

# ---- deploy history CSV
rows = ["deployed_at,service,version,environment,deployed_by,status"]
for t, svc, ver, who in [(T("2026-11-30 21:14:09"), "checkout-web", "2026.11.30-2", "ci"),
                         (OTHER_DEPLOY, "search-indexer", "4.7.1", "hana.sato"),
                         (T(D + "02:52:30"), "airflow-dags", "c41f7e0", "priya.nair")]:
    rows.append("%s,%s,%s,production,%s,succeeded" % (iso(t), svc, ver, who))
inc.lines("deploy-history.csv", rows)

# ---- dags repo git log (--date=iso-strict, one line each)
gl = []
for t, tz, who, subj in [(T("2026-11-12 19:40:22"), "America/New_York", "Marcus Lee", "partner_inventory_sync: add monthly full_resync (0 0 1 * *) to catch missed seat updates"),
                         (T("2026-11-20 15:02:51"), "America/New_York", "Hana Sato", "search_reindex: move to 04:00 UTC"),
                         (T("2026-11-25 17:18:09"), "America/New_York", "Marcus Lee", "email_digest_daily: read SMTP creds from new secret path"),
                         (T(D + "02:47:33"), "Asia/Kolkata", "Priya Nair", "full_resync: cap at 4 req/s and spread over 24h; own app key (stagepass-batch)")]:
    h = hexid(rng, 40)
    if subj.startswith("full_resync: cap"):
        h = "c41f7e0" + h[7:]
    gl.append((t, "%s %s %s %s" % (h, local(t, tz).isoformat(), who.replace(" ", "."), subj)))
gl.sort(reverse=True)
inc.lines("dags.gitlog", [l for _, l in gl])

# ---- Slack
s = Slack()
for u, n, r, z in [("UPRI", "priya", "Priya Nair", "Asia/Kolkata"), ("UALX", "alex", "Alex Moreau", "America/New_York"),
                   ("UMAR", "marcus", "Marcus Lee", "America/New_York"), ("UHAN", "hana", "Hana Sato", "America/Los_Angeles"),
                   ("UCS", "cs-oncall", "Rosa Blanco", "America/New_York")]:
    s.user(u, n, r, z)
for cid, n in [("CALR", "commerce-alerts"), ("CDAT", "data-alerts"), ("CINC", "inc-50219-confirmations")]:
    s.channel(cid, n)
for c in DIGEST:
    s.bot("data-alerts", add(c, seconds=4), "BAF", "airflow", blocks=pd_slack_blocks(":red_circle: Task failed: *email_digest_daily.send_digest* (try 1/1) SMTPAuthenticationError 535"))
s.bot("data-alerts", add(STOP, seconds=2), "BAF", "airflow", blocks=pd_slack_blocks(":red_circle: Task failed: *partner_inventory_sync.full_resync* (try 1/2) externally set to failed"))
s.bot("commerce-alerts", add(ALERT, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "OrderConfirmFailureRatio", "order-confirm: 100% of partner confirmations failing (429)"))
s.bot("commerce-alerts", add(ALERT_FLAP_OK, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "OrderConfirmFailureRatio", "order-confirm partner confirmations"))
s.bot("commerce-alerts", add(ALERT2, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "OrderConfirmFailureRatio", "order-confirm: 100% of partner confirmations failing (429)"))
s.bot("commerce-alerts", add(ALERT_OK, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "OrderConfirmFailureRatio", "order-confirm partner confirmations"))
for a, b in ((T("2026-11-30 23:48:00"), T("2026-11-30 23:53:30")), (T(D + "01:33:00"), T(D + "01:37:30")), (T(D + "02:58:00"), T(D + "03:02:30"))):
    s.bot("commerce-alerts", a, "BAM", "alertmanager", attachments=am_slack_attachment("firing", "RedisMemoryHigh", "sessions-cache-0 memory 92% (team web-platform)", color="warning"))
    s.bot("commerce-alerts", b, "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "RedisMemoryHigh", "sessions-cache-0 memory"))
ch = "inc-50219-confirmations"
s.say(ch, add(ACK, seconds=45), "UPRI", "acked (escalated to me, Alex isn't answering). order-confirm: every TixBridge confirm since 00:17 is 429, customers see 'we couldn't confirm your tickets'")
s.say(ch, WRONG, "UPRI", "TixBridge outage? their status page says all systems operational")
s.say(ch, add(RESET1, seconds=80), "UPRI", "confirms succeeding again since 01:00:00 exactly")
s.say(ch, ROLLBACK_Q, "UCS", "should we roll back order-confirm? or was it their fix at 01:00?")
s.say(ch, add(ROLLBACK_Q, seconds=60), "UPRI", "order-confirm last changed a week ago. the 429s carry x-ratelimit-reset on the hour")
s.say(ch, DIAG, "UPRI", "diagnosis: our stagepass-prod app key's hourly quota (20k) is used up by the new monthly full_resync in partner_inventory_sync, first run ever tonight at 00:00 UTC, ~17 calls/s. it ran it to 0 at 00:17 and it will again in a few minutes")
s.say(ch, add(BURN2, seconds=70), "UPRI", "yep, 429s again since 01:17")
s.say(ch, add(STOP, seconds=15), "UPRI", "paused partner_inventory_sync and marked full_resync failed")
s.say(ch, add(STOP, seconds=240), "UPRI", "remaining stays 0 until the 02:00 reset, resync calls already counted. TixBridge support can't raise the quota at night")
s.say(ch, COMMS, "UCS", "status page: 'Some ticket purchases can't be confirmed right now; no charges are taken. Expected to recover by 02:00 UTC'")
s.say(ch, add(MITIGATED, seconds=50), "UPRI", "02:00 reset, confirms going through")
s.say(ch, add(REPLAY, seconds=20), "UPRI", "replaying the 1184 CONFIRMATION_FAILED orders at 2/s")
s.say(ch, add(REPLAY_DONE, seconds=60), "UPRI", "replay done: 1161 confirmed, 23 seats sold out meanwhile -> refunded")
s.say(ch, add(RESOLVED, seconds=-30), "UPRI", "resync capped and moved to its own key (dags c41f7e0). resolving")
s.say(ch, add(RESOLVED, hours=5), "UALX", "sorry, phone was on silent. reading back")
s.write(inc, "slack")

inc.truth(
    "stagepass-quota-resync", "scheduled-monthly-job-exhausts-hourly-partner-quota",
    "A monthly full_resync task added in November runs for the first time at 00:00 UTC Dec 1 and uses up the ticketing partner's\n"
    "hourly quota (shared app key, resets on the UTC hour): confirmations fail with 429 until 01:00, again from 01:17, and after the\n"
    "task is stopped at 01:21 until the 02:00 reset; the page is acknowledged after escalation; resolved after a replay.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(RESYNC, "change", "first scheduled run of the monthly full_resync task starts", "airflow-logs", 60),
     (STARTED, "first_symptom", "first 429 on order confirmation, quota remaining 0", "order-confirm.logfmt", 60),
     (ALERT, "alert_fired", "OrderConfirmFailureRatio firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #50219 triggered (primary doesn't answer)", "pagerduty.json", 60),
     (ACK, "acknowledged", "Priya acknowledges after escalation", "pagerduty.json", 60),
     (DIAG, "diagnosis", "Priya: the monthly full_resync uses up the shared hourly partner quota", "slack", 90),
     (STOP, "mitigation", "DAG paused, full_resync marked failed (quota stays 0 until 02:00)", "airflow-logs", 60),
     (COMMS, "communication", "status page: purchases can't be confirmed, recover by 02:00 UTC", "slack", 90),
     (MITIGATED, "recovery", "02:00 quota reset, confirmations succeed", "order-confirm.logfmt", 60),
     (ALERT_OK, "alert_resolved", "OrderConfirmFailureRatio resolved", "slack", 60),
     (REPLAY, "mitigation", "replay of failed confirmations started", "order-confirm.logfmt", 90),
     (RESOLVED, "resolved", "PagerDuty #50219 resolved", "pagerduty.json", 60)],
    [(DIGEST[-1], "email_digest_daily fails every day at 00:30 UTC (SMTP 535)", "airflow-logs"),
     (OTHER_DEPLOY, "search-indexer 4.7.1 deploy by another team", "deploy-history.csv"),
     (T(D + "01:33:00"), "RedisMemoryHigh sessions-cache-0 flapping (web-platform)", "slack"),
     (RESET1, "01:00 quota reset: confirmations succeed for 17 minutes, not the end", "order-confirm.logfmt"),
     (ALERT_FLAP_OK, "OrderConfirmFailureRatio resolves at 01:06 while the incident continues", "slack"),
     (WRONG, "wrong hunch: partner outage", "slack"),
     (ROLLBACK_Q, "'should we roll back order-confirm?' question", "slack"),
     (T(D + "02:30:00"), "steady seat-map fetch timeouts all window", "order-confirm.logfmt")],
    [("airflow-logs", "logs", ATZ), ("order-confirm.logfmt", "logs"), ("partner_quota_range.json", "prometheus-query-range"),
     ("pagerduty.json", "pagerduty-log-entries"), ("deploy-history.csv", "deploys"), ("dags.gitlog", "git-log"),
     ("slack", "slack-export")])
