"""retired16/lumen-patchday-admit-rate: on season-7 patch day live-ops raises the login-queue admit rate 600 -> 2500/s;
the entitlement sync behind login exhausts the entitlement DB's connections, failed logins are sent back to the queue
and retry, until the admit rate is lowered (partly) and entitlement sync is deferred (fully)."""
import random
from common import *

rng = random.Random(20261020)
inc = Incident("retired16", "lumen-patchday-admit-rate")
D = "2026-10-20 "
W0, W1 = T(D + "15:30:00"), T(D + "18:30:00")
FLEET_ROLLOUT = T(D + "15:12:30")
MAINT_END = T(D + "16:00:00")
STORE_ROT = T(D + "16:00:07")
CRON = [T("2026-10-%02d 16:10:%02d" % (d, 14 + d % 5)) for d in (17, 18, 19, 20)]
CHANGE = T(D + "16:21:40")
RELOAD = T(D + "16:21:43")
STARTED = T(D + "16:23:12")
LOGIN_FAIL1 = T(D + "16:24:02")
WARN = T(D + "16:26:40")
PAGE_AT = T(D + "16:29:00")
PAGE = T(D + "16:29:11")
ACK = T(D + "16:31:05")
WRONG = T(D + "16:33:30")
OTHER_DEPLOY = T(D + "16:35:20")
ROLLBACK_Q = T(D + "16:36:10")
DIAG = T(D + "16:38:20")
COMMS = T(D + "16:40:00")
PARTIAL = T(D + "16:41:30")
FIX = T(D + "16:52:10")
MITIGATED = T(D + "16:53:20")
WARN_OK = T(D + "16:56:40")
ALERT_OK = T(D + "16:58:10")
RAISE = T(D + "17:20:15")
BACKFILL_DONE = T(D + "17:38:05")
RESOLVED = T(D + "17:44:30")


def admit(t):
    if t < MAINT_END:
        return 0
    if t < RELOAD:
        return 600
    if t < add(PARTIAL, seconds=3):
        return 2500
    if t < add(RAISE, seconds=3):
        return 1200
    return 1500


def fail(t):
    if STARTED <= t < add(LOGIN_FAIL1, seconds=-1):
        return 0.0
    if LOGIN_FAIL1 <= t < PARTIAL:
        return min(0.58, 0.05 + (t - LOGIN_FAIL1).total_seconds() / 1200.0)
    if PARTIAL <= t < FIX:
        return 0.27 + 0.03 * ((int(epoch(t)) // 60) % 3)
    if FIX <= t <= MITIGATED:
        return 0.02
    return 0.0


def qlen(t):
    if t < MAINT_END:
        return 0
    m = (t - MAINT_END).total_seconds()
    if t < CHANGE:
        return int(181000 + m * 45)
    if t < PARTIAL:
        return int(max(120000, 238000 - (t - CHANGE).total_seconds() * 40 + (t - STARTED).total_seconds() * 35 * (t > STARTED)))
    if t < FIX:
        return int(236000 + (t - PARTIAL).total_seconds() * 10)
    return int(max(0, 242000 - (t - FIX).total_seconds() * 700 / (1 + (t < RAISE) * 0.4)))


# ---- queue-svc: zap production JSON (epoch seconds)
ql = []
def Z(t, lvl, logger, msg, **kw):
    d = {"level": lvl, "ts": round(epoch(t), 6), "logger": logger, "caller": kw.pop("caller", "queue/admit.go:211"), "msg": msg}
    d.update(kw)
    ql.append((t, jline(d)))
for t in frange(add(W0, seconds=4), W1, 30):
    if t < MAINT_END:
        Z(t, "info", "queue.admit", "queue closed (maintenance)", region="global", maintenance=True)
        continue
    a = admit(t)
    f = fail(t)
    Z(t, "info", "queue.admit", "admission stats", window_s=30, admit_rate_per_s=a, admitted=int(a * 30 * rng.uniform(0.97, 1.0)),
      queue_len=qlen(t), requeued=int(a * 30 * f * rng.uniform(0.9, 1.05)), est_wait_s=int(qlen(t) / max(1, a * (1 - f))))
Z(MAINT_END, "info", "queue.state", "queue opened", caller="queue/state.go:88", maintenance=False, build="3.4.0-season7")
for t, old, new, rev in [(RELOAD, 600, 2500, 4418), (add(PARTIAL, seconds=3), 2500, 1200, 4421), (add(RAISE, seconds=3), 1200, 1500, 4424)]:
    Z(t, "info", "queue.config", "admit rate changed", caller="queue/config.go:64", key="login.queue.admit_rate_per_s", old=old, new=new,
      source="configcat", config_rev=rev)
for t in poisson_times(rng, MAINT_END, W1, 1 / 45.0):
    Z(t, "warn", "queue.ticket", "client heartbeat missed, dropping ticket", caller="queue/ticket.go:140",
      ticket="qt_" + hexid(rng, 10), missed_s=rng.randint(61, 90))
for t in poisson_times(rng, STARTED, FIX, 1 / 12.0):
    if fail(t) > 0.05:
        Z(t, "warn", "queue.ticket", "re-enqueued after login failure", caller="queue/ticket.go:172",
          ticket="qt_" + hexid(rng, 10), reason="ENTITLEMENT_SYNC_FAILED", position=rng.randint(90000, 240000))
inc.lines("queue/queue-svc.jsonl", [l for _, l in sorted(ql, key=lambda x: x[0])])

# ---- login-svc: go-kit logfmt
ll = []
def LF(t, pairs):
    ll.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
PLAT = ["steam", "steam", "steam", "epic", "console-a", "console-b"]
for t in frange(add(W0, seconds=11), W1, 60):
    if t < MAINT_END:
        continue
    a = admit(t) * 60
    f = fail(t)
    LF(t, [("level", "info"), ("caller", "stats.go:41"), ("msg", "login stats"), ("attempts", int(a * 0.98)),
           ("ok", int(a * 0.98 * (1 - f))), ("failed", int(a * 0.98 * f)), ("p99_ms", int(180 + 29000 * f) if f else rng.randint(160, 240))])
for t in poisson_times(rng, LOGIN_FAIL1, FIX, 0.5):
    if rng.random() < fail(t) / 0.58:
        LF(t, [("level", "error"), ("caller", "login.go:233"), ("msg", "login failed"), ("platform", rng.choice(PLAT)),
               ("player", "p_" + hexid(rng, 12)), ("stage", "entitlement_sync"),
               ("err", "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), ("dur_ms", rng.randint(8000, 8050)),
               ("result", "REQUEUE")])
for t, lvl in [(LOGIN_FAIL1, "error"), (MITIGATED, "error")]:
    LF(t, [("level", lvl), ("caller", "login.go:233"), ("msg", "login failed"), ("platform", "steam"),
           ("player", "p_" + hexid(rng, 12)), ("stage", "entitlement_sync"),
           ("err", "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), ("dur_ms", 8003), ("result", "REQUEUE")])
for t in poisson_times(rng, MAINT_END, W1, 1 / 50.0):
    LF(t, [("level", "warn"), ("caller", "platform.go:97"), ("msg", "platform token rejected"), ("platform", rng.choice(["steam", "epic"])),
           ("player", "p_" + hexid(rng, 12)), ("err", "session ticket expired"), ("status", 401)])
LF(add(FIX, seconds=2), [("level", "info"), ("caller", "config.go:52"), ("msg", "config updated"), ("key", "login.entitlement_sync_mode"),
                         ("old", "inline"), ("new", "deferred")])
inc.lines("login-svc.log", [l for _, l in sorted(ll, key=lambda x: x[0])])

# ---- entitlements: structlog JSON (python)
el = []
def E(t, lvl, event, **kw):
    d = {"event": event, "level": lvl, "logger": kw.pop("logger", "entitlements.sync"), "timestamp": iso_us(t)}
    d.update(kw)
    el.append((t, json.dumps(d)))
for t in frange(add(W0, seconds=23), W1, 60):
    busy = STARTED <= t < FIX
    E(t, "info", "pool stats", logger="entitlements.db", pool="ent-db-primary", size=40, in_use=40 if busy else rng.randint(3, 14),
      waiting=rng.randint(300, 1400) if busy else 0, host="ent-db-1.lumen.internal")
E(STARTED, "error", "db connect failed", logger="entitlements.db", host="ent-db-1.lumen.internal",
  exc_info="pymysql.err.OperationalError: (1040, 'Too many connections')", worker="ent-sync-7c9d4-2xq8p")
for t in poisson_times(rng, add(STARTED, seconds=2), FIX, 0.25):
    if rng.random() < 0.5:
        E(t, "error", "db connect failed", logger="entitlements.db", host="ent-db-1.lumen.internal",
          exc_info="pymysql.err.OperationalError: (1040, 'Too many connections')", worker="ent-sync-7c9d4-%s" % hexid(rng, 5))
    else:
        E(t, "error", "sync failed", player="p_" + hexid(rng, 12), sku=rng.choice(["season7_pass", "season7_pass_plus", "starter_bundle"]),
          error="QueuePool limit of size 40 overflow 0 reached, connection timed out, timeout 8.00")
E(add(FIX, seconds=4), "info", "sync mode changed", mode="deferred", source="configcat")
for t in frange(add(FIX, seconds=30), BACKFILL_DONE, 120):
    E(t, "info", "deferred backfill progress", logger="entitlements.backfill", pending=int(max(0, 910000 - (t - FIX).total_seconds() * 330)))
E(BACKFILL_DONE, "info", "deferred backfill drained", logger="entitlements.backfill", pending=0, processed=911204)
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    E(t, "warning", "receipt validation retry", logger="entitlements.receipts", store=rng.choice(["steam", "console-a"]),
      status=504, attempt=2)
inc.lines("entitlements.log", [l for _, l in sorted(el, key=lambda x: x[0])])

# ---- ConfigCat audit log (liveops config), filed as deploys
au = []
def CC(t, who, email, typ, target, details, why=""):
    au.append({"auditLogId": 7712000 + len(au) * 13 + rng.randint(0, 9), "auditLogDateTime": iso(t, ms=True).replace("Z", "+00:00"),
               "auditLogTypeEnum": typ, "changeSetId": uuid("cs" + iso(t)), "truncated": False,
               "auditLogType": {"settingValueChanged": "Setting value changed", "settingCreated": "Setting created"}[typ],
               "userEmail": email, "userName": who, "where": "Lumen Rift / Production / %s" % target,
               "why": why, "actionTarget": target, "details": details})
CC(T("2026-10-19 13:02:11"), "Mira Holm", "mira.holm@northgale.games", "settingCreated", "login.entitlement_sync_mode",
   "Created setting login.entitlement_sync_mode (text) default 'inline'", "needed for season 7 backfill plan")
CC(MAINT_END, "Kai Ortega", "kai.ortega@northgale.games", "settingValueChanged", "maintenance_mode", "Changed value: 'true' -> 'false'",
   "season 7 live")
CC(STORE_ROT, "Lena Brandt", "lena.brandt@northgale.games", "settingValueChanged", "store.featured_rotation",
   "Changed value: 'rot_s6_w12' -> 'rot_s7_w1'", "season 7 store rotation")
CC(CHANGE, "Kai Ortega", "kai.ortega@northgale.games", "settingValueChanged", "login.queue.admit_rate_per_s",
   "Changed value: '600' -> '2500'", "queue at 190k, 40 min waits, discord on fire")
CC(PARTIAL, "Kai Ortega", "kai.ortega@northgale.games", "settingValueChanged", "login.queue.admit_rate_per_s",
   "Changed value: '2500' -> '1200'", "INC-5521 entitlement db saturated")
CC(add(PARTIAL, minutes=4, seconds=12), "Lena Brandt", "lena.brandt@northgale.games", "settingValueChanged", "xp.weekend_multiplier",
   "Changed value: '1.0' -> '2.0'", "scheduled double XP announced for launch")
CC(FIX, "Mira Holm", "mira.holm@northgale.games", "settingValueChanged", "login.entitlement_sync_mode",
   "Changed value: 'inline' -> 'deferred'", "INC-5521 defer entitlement sync, backfill async")
CC(RAISE, "Kai Ortega", "kai.ortega@northgale.games", "settingValueChanged", "login.queue.admit_rate_per_s",
   "Changed value: '1200' -> '1500'", "INC-5521 db headroom ok with deferred sync")
inc.json("configcat-lumen-prod.json", sorted(au, key=lambda a: a["auditLogDateTime"], reverse=True))

# ---- Prometheus query_range
def ok_ratio(t):
    if t < MAINT_END:
        return None
    return round(1 - fail(t) - 0.002 * ((int(epoch(t)) // 30) % 2), 4)
def conns(t):
    if STARTED <= t < add(FIX, seconds=20):
        return 4000 if t >= add(STARTED, seconds=30) else 3100
    if t < MAINT_END:
        return 180 + (int(epoch(t)) // 30) % 7
    if CHANGE <= t < STARTED:
        return 1300 + int((t - CHANGE).total_seconds() * 30)
    return 900 + int(admit(t) * 0.6) + (int(epoch(t)) // 30) % 40 if t < CHANGE else 1100 + (int(epoch(t)) // 30) % 40
inc.json("login-dash.json", query_range(
    [({"__name__": "lumen:login_success:ratio_rate1m", "env": "prod"}, ok_ratio),
     ({"__name__": "mysql_global_status_threads_connected", "instance": "ent-db-1:9104", "job": "mysqld"}, conns),
     ({"__name__": "mysql_global_variables_max_connections", "instance": "ent-db-1:9104", "job": "mysqld"}, lambda t: 4000),
     ({"__name__": "lumen_queue_length", "env": "prod"}, lambda t: qlen(t))],
    W0, W1, 30, fmt="%.4g"), indent=None)

# ---- Alertmanager webhook archive (one JSON body per line), back to the 17th
hk = []
def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts))))
cl = {"severity": "ticket", "team": "data", "cronjob": "leaderboard-snapshot", "namespace": "stats"}
for c in CRON:
    a0 = add(c, seconds=46)
    H(add(a0, seconds=30), "slack-data", [am_alert("KubeJobFailed", cl, "Job stats/leaderboard-snapshot-%d failed to complete" % int(epoch(c) // 60), a0)])
    H(add(a0, minutes=65), "slack-data", [am_alert("KubeJobFailed", cl, "Job stats/leaderboard-snapshot-%d failed to complete" % int(epoch(c) // 60), a0, ends=add(a0, minutes=64))])
vl = {"severity": "warning", "team": "voice", "service": "voice-relay", "region": "us-east"}
for s0, e0 in [("15:41:10", "15:47:40"), ("16:14:30", "16:19:00"), ("16:47:50", "16:51:20"), ("17:31:00", "17:36:30")]:
    H(add(T(D + s0), seconds=30), "slack-voice", [am_alert("VoiceRelayPacketLoss", vl, "voice-relay us-east packet loss > 2%", T(D + s0))])
    H(add(T(D + e0), seconds=30), "slack-voice", [am_alert("VoiceRelayPacketLoss", vl, "voice-relay us-east packet loss > 2%", T(D + s0), ends=T(D + e0))])
wl = {"severity": "warning", "team": "commerce", "service": "entitlements", "instance": "ent-db-1:9104"}
H(add(WARN, seconds=30), "slack-commerce", [am_alert("EntitlementDbConnectionsHigh", wl, "ent-db-1 threads_connected at 100% of max_connections", WARN)])
H(add(WARN_OK, seconds=30), "slack-commerce", [am_alert("EntitlementDbConnectionsHigh", wl, "ent-db-1 threads_connected at 100% of max_connections", WARN, ends=WARN_OK)])
pl = {"severity": "page", "team": "online-services", "service": "login"}
H(add(PAGE_AT, seconds=10), "pagerduty-online", [am_alert("LoginSuccessRatioLow", pl, "login success ratio 71% (< 95%)", PAGE_AT)])
H(add(ALERT_OK, seconds=10), "pagerduty-online", [am_alert("LoginSuccessRatioLow", pl, "login success ratio 71% (< 95%)", PAGE_AT, ends=ALERT_OK)])
inc.lines("hooks-archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(5521, "LoginSuccessRatioLow login success ratio 71% (< 95%)", "lumen-login", "PLUM01L")
sana = PD.user("Sana Qureshi", "PSANAQ1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMLUM1", "summary": "Alertmanager prod"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Sana Qureshi by push notification.", user=sana)
pd.add(ACK, "acknowledge_log_entry", sana, {"type": "mobile"}, "Acknowledged by Sana Qureshi.")
pd.add(add(ACK, minutes=3), "annotate_log_entry", sana, {"type": "web_ui", "summary": "war room #inc-5521-login"}, "Note added")
pd.add(ALERT_OK, "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager (auto-resolve off)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", sana, {"type": "web_ui"}, "Resolved by Sana Qureshi.")
inc.json("inc-5521.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("U1SANA", "sana", "Sana Qureshi"), ("U1KAI", "kai.ortega", "Kai Ortega"), ("U1MIRA", "mira", "Mira Holm"),
                ("U1LENA", "lena", "Lena Brandt"), ("U1JOEL", "joel", "Joel Varga"), ("U1PRI", "priya.c", "Priya Chandran")]:
    s.user(u, n, r, "Europe/Stockholm")
for cid, n, p in [("C1INC", "inc-5521-login", "INC-5521 login failures"), ("C1LIVE", "liveops", "Live operations"),
                  ("C1COM", "community-reports", "Discord #help and #bug-reports relay"), ("C1DEP", "deploys", "deploy bot")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("deploys", add(c, seconds=80), "B1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job stats/leaderboard-snapshot failed to complete", color="warning"))
s.bot("deploys", FLEET_ROLLOUT, "B1ARGO", "argocd", blocks=pd_slack_blocks("*gs-fleet-prod* synced to `3.4.0-season7` (Fleet lumen-gs, 4 regions) by argocd"))
s.bot("deploys", OTHER_DEPLOY, "B1ARGO", "argocd", blocks=pd_slack_blocks("*store-web-prod* synced to `a41c9e2` by lena.brandt"))
s.bot("deploys", T(D + "17:55:02"), "B1ARGO", "argocd", blocks=pd_slack_blocks("*telemetry-collector* synced to `0.98.1` by joel"))
s.say("liveops", MAINT_END, "U1KAI", "maintenance off, queue is open. season 7 is live :tada:")
s.say("liveops", T(D + "16:18:50"), "U1KAI", "queue at 190k and waits ~40 min, discord is melting. db looked bored all afternoon, I'll bump admit to 2500/s")
s.say("liveops", add(CHANGE, seconds=20), "U1KAI", "admit_rate_per_s 600 -> 2500 in configcat")
s.say("liveops", T(D + "16:25:30"), "U1JOEL", "est wait dropping fast, nice")
RELAY = [(T(D + "16:05:12"), "QueueGoblin", "#help", "40 min queue on launch day again lol"),
         (T(D + "16:26:02"), "vexa", "#bug-reports", "got through the queue, 'Syncing store items...' then kicked back to position 180000??"),
         (T(D + "16:27:40"), "Tomasz_PL", "#bug-reports", "same, failed to sync entitlements and back in queue, on PS"),
         (T(D + "16:30:15"), "hollowpoint", "#help", "third time back to the end of the queue. season pass bought and i cant even log in"),
         (T(D + "16:44:30"), "mossfox", "#help", "still getting kicked back, queue says 3 min then error"),
         (T(D + "17:02:10"), "vexa", "#bug-reports", "in now! season pass items showing up a few minutes later but ok")]
for t, who, chn, txt in RELAY:
    s.bot("community-reports", t, "B1RELAY", "discord-relay", text="[%s] %s: %s" % (chn, who, txt))
ch = "inc-5521-login"
s.say(ch, add(ACK, seconds=55), "U1SANA", "acked 5521. login success 71% and falling, errors are entitlement_sync DeadlineExceeded, players get REQUEUE")
s.say(ch, WRONG, "U1JOEL", "could this be the patch CDN? 3.4 downloads are saturating, maybe clients time out mid-login")
s.say(ch, add(WRONG, seconds=50), "U1SANA", "don't think so, the timeout is server side, login-svc -> entitlements at 8s")
s.say(ch, ROLLBACK_Q, "U1PRI", "should we roll back the 3.4 server build?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U1SANA", "can't roll back a season launch, and the fleet rolled out at 15:12, logins were fine until 16:24")
s.say(ch, DIAG, "U1MIRA", "entitlement db is at max_connections since 16:23, right after admit went to 2500/s. every login does an inline entitlement sync, the db can't take that rate, and each failure requeues the player who retries - we're amplifying it")
s.say(ch, add(DIAG, seconds=45), "U1KAI", "my change. taking admit down to 1200 now")
s.say(ch, COMMS, "U1LENA", "posted in discord #announcements: 'Login issues after queue: players are being returned to the queue. We are working on it, your place and purchases are safe.'")
s.say(ch, add(PARTIAL, seconds=40), "U1KAI", "admit 1200 live")
s.say(ch, T(D + "16:46:10"), "U1SANA", "better but still ~28% failing, requeued players keep coming back in, db still pinned")
s.say(ch, T(D + "16:48:30"), "U1MIRA", "let's flip login.entitlement_sync_mode to deferred - logins skip the sync and the backfill worker grants season 7 items async")
s.say(ch, add(FIX, seconds=30), "U1MIRA", "deferred mode on, db connections dropping")
s.say(ch, T(D + "16:55:20"), "U1SANA", "no login failures since 16:53. success ratio back at 99.8%")
s.say(ch, add(RAISE, seconds=25), "U1KAI", "admit to 1500 with deferred sync, db has headroom")
s.say(ch, add(BACKFILL_DONE, seconds=60), "U1MIRA", "deferred backfill drained, every season 7 purchase granted")
s.say(ch, add(RESOLVED, seconds=-20), "U1SANA", "queue empty, backfill done. resolving 5521, postmortem thursday")
s.write(inc, "workspace-export")

SUMMARY = """On season-7 launch day live-ops raised the login-queue admit rate 600 -> 2500/s; every login's inline entitlement
sync exhausted the entitlement DB's connections and failed logins were sent back to the queue, until the rate was lowered (partly) and entitlement sync deferred."""
inc.truth(
    "lumen-patchday-admit-rate", "login-queue-admit-rate-raise-overloads-entitlement-db",
    SUMMARY, (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "ConfigCat: login.queue.admit_rate_per_s 600 -> 2500 (Kai Ortega)", "configcat-lumen-prod.json", 60),
     (STARTED, "first_symptom", "entitlements: first OperationalError 1040 Too many connections on ent-db-1", "entitlements.log", 60),
     (WARN, "alert_fired", "EntitlementDbConnectionsHigh (warning) firing", "hooks-archive.ndjson", 60),
     (PAGE, "paged", "PagerDuty #5521 LoginSuccessRatioLow triggered", "inc-5521.json", 60),
     (ACK, "acknowledged", "Sana Qureshi acknowledges", "inc-5521.json", 60),
     (DIAG, "diagnosis", "Mira: entitlement db at max_connections since the admit-rate raise; requeue amplifies", "workspace-export", 90),
     (COMMS, "communication", "Discord #announcements post on login issues", "workspace-export", 90),
     (PARTIAL, "mitigation", "admit rate 2500 -> 1200 (partial: ~28% still failing)", "configcat-lumen-prod.json", 60),
     (FIX, "mitigation", "login.entitlement_sync_mode inline -> deferred", "configcat-lumen-prod.json", 60),
     (MITIGATED, "recovery", "last login failure; success ratio back to normal", "login-svc.log", 60),
     (ALERT_OK, "alert_resolved", "LoginSuccessRatioLow resolved", "hooks-archive.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #5521 resolved after queue and backfill drained", "inc-5521.json", 60)],
    [(CRON[-1], "leaderboard-snapshot CronJob fails daily ~16:10 (KubeJobFailed, also on the 17th-19th)", "hooks-archive.ndjson"),
     (T(D + "16:14:30"), "VoiceRelayPacketLoss flapping (voice team)", "hooks-archive.ndjson"),
     (FLEET_ROLLOUT, "game-server fleet 3.4.0 season-7 rollout (planned patch)", "workspace-export"),
     (MAINT_END, "maintenance_mode off / queue opened (planned)", "configcat-lumen-prod.json"),
     (STORE_ROT, "store featured rotation change (store team)", "configcat-lumen-prod.json"),
     (add(PARTIAL, minutes=4, seconds=12), "double-XP weekend multiplier (scheduled live-ops change)", "configcat-lumen-prod.json"),
     (OTHER_DEPLOY, "store-web deploy by web store team", "workspace-export"),
     (WRONG, "wrong hunch: patch CDN saturation", "workspace-export"),
     (ROLLBACK_Q, "'should we roll back the 3.4 server build?' question", "workspace-export"),
     (T(D + "17:00:00"), "steady platform-token-rejected 401s, heartbeat-missed ticket drops and receipt retries all window", "login-svc.log")],
    [("queue/queue-svc.jsonl", "logs"), ("login-svc.log", "logs"), ("entitlements.log", "logs"),
     ("configcat-lumen-prod.json", "deploys"), ("login-dash.json", "prometheus-query-range"),
     ("hooks-archive.ndjson", "alertmanager-webhook"), ("inc-5521.json", "pagerduty-log-entries"), ("workspace-export", "slack-export")])
