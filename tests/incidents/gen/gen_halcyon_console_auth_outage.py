"""retired16/halcyon-console-auth-outage: the console platform's ticket-validation API degrades; console players can't sign
in to Halcyon, PC is unaffected; the page is acknowledged late after an escalation, a grace-session flag helps part of the
players, the impact ends only when the platform recovers."""
import random
from xml.sax.saxutils import escape
from common import *

rng = random.Random(20260307)
inc = Incident("retired16", "halcyon-console-auth-outage")
TZ = "Europe/Stockholm"
D = "2026-03-07 "
W0, W1 = T(D + "18:00:00"), T(D + "21:30:00")
CRON = [T("2026-03-%02d 18:30:%02d" % (d, 5 + d)) for d in (4, 5, 6, 7)]
OUR_DEPLOY = T(D + "18:12:40")
MM_FLAG = T(D + "18:25:10")
STARTED = T(D + "18:47:20")
FIRST_TICKET = T(D + "18:51:12")
WARN = T(D + "18:53:30")
PAGE_AT = T(D + "18:58:00")
PAGE = T(D + "18:58:01")
ROLLBACK_Q = T(D + "19:02:30")
STORE_FLAG = T(D + "19:00:30")
WRONG = T(D + "19:05:10")
ORBIT_INV = T(D + "19:08:00")
ESCALATE = T(D + "19:13:01")
ACK = T(D + "19:15:40")
DIAG = T(D + "19:21:00")
COMMS = T(D + "19:24:00")
GRACE = T(D + "19:29:40")
ORBIT_IDENT = T(D + "19:52:00")
MITIGATED = T(D + "20:22:10")
ORBIT_MON = T(D + "20:24:00")
ALERT_OK = T(D + "20:26:00")
ORBIT_RES = T(D + "20:31:00")
GRACE_OFF = T(D + "20:40:15")
RESOLVED = T(D + "20:48:30")


def console_fail(t):
    if STARTED <= t < GRACE:
        return min(0.86, 0.12 + (t - STARTED).total_seconds() / 360.0)
    if GRACE <= t < MITIGATED:
        return 0.31 + 0.04 * ((int(epoch(t)) // 60) % 3) if t < add(MITIGATED, minutes=-6) else 0.12
    return 0.0


# ---- login-backend logback, Europe/Stockholm local time without offset
bl = []
def L(t, lvl, th, lg, msg, extra=()):
    bl.append((t, "\n".join([logback(t, TZ, lvl, th, lg, msg)] + list(extra))))
def th():
    return "http-nio-8443-exec-%d" % rng.randint(1, 120)
for t in poisson_times(rng, W0, W1, 0.22):
    plat = rng.choice(["steam", "steam", "epic", "orbit", "orbit", "nova"])
    pid = "h%s" % hexid(rng, 10)
    if plat == "orbit" and rng.random() < console_fail(t):
        if GRACE <= t and rng.random() < 0.15:
            continue
        if rng.random() < 0.55:
            L(t, "WARN", th(), "c.h.auth.platform.OrbitTicketValidator", "ticket validation failed player=%s status=503 body={\"code\":\"SERVICE_UNAVAILABLE\"} latency_ms=%d" % (pid, rng.randint(40, 900)))
        else:
            L(t, "WARN", th(), "c.h.auth.platform.OrbitTicketValidator", "ticket validation timed out after 5000 ms player=%s endpoint=https://api.orbitnet.example/v3/tickets/validate" % pid)
        L(add(t, seconds=0.004), "ERROR", th(), "c.h.auth.LoginController", "login rejected player=%s platform=orbit reason=PLATFORM_AUTH_UNAVAILABLE" % pid)
    else:
        L(t, "INFO", th(), "c.h.auth.LoginController", "login ok player=%s platform=%s session=%s" % (pid, plat, hexid(rng, 8)))
for t in poisson_times(rng, GRACE, MITIGATED, 0.05):
    L(t, "INFO", th(), "c.h.auth.platform.GraceSessionPolicy", "grace session accepted player=h%s platform=orbit last_validated=%dh ago" % (hexid(rng, 10), rng.randint(2, 70)))
L(STARTED, "WARN", "http-nio-8443-exec-41", "c.h.auth.platform.OrbitTicketValidator", "ticket validation failed player=h2c81f0a9d1 status=503 body={\"code\":\"SERVICE_UNAVAILABLE\"} latency_ms=212")
L(add(STARTED, seconds=0.004), "ERROR", "http-nio-8443-exec-41", "c.h.auth.LoginController", "login rejected player=h2c81f0a9d1 platform=orbit reason=PLATFORM_AUTH_UNAVAILABLE")
L(MITIGATED, "WARN", "http-nio-8443-exec-77", "c.h.auth.platform.OrbitTicketValidator", "ticket validation timed out after 5000 ms player=h90ad13be27 endpoint=https://api.orbitnet.example/v3/tickets/validate")
L(add(MITIGATED, seconds=0.004), "ERROR", "http-nio-8443-exec-77", "c.h.auth.LoginController", "login rejected player=h90ad13be27 platform=orbit reason=PLATFORM_AUTH_UNAVAILABLE")
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    L(t, "WARN", th(), "c.h.auth.platform.SteamTicketValidator", "AuthenticateUserTicket: ticket for wrong appid 2311870 (expected 2311860), rejecting")
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    L(t, "WARN", "presence-pool-%d" % rng.randint(1, 4), "c.h.presence.OrbitPresencePublisher", "presence update throttled by platform (429), retry in 30s")
L(add(GRACE, seconds=3), "INFO", "unleash-api-toggle-fetcher", "c.h.flags.FlagWatcher", "toggle login.orbit.grace_session changed: enabled=true")
L(add(GRACE_OFF, seconds=4), "INFO", "unleash-api-toggle-fetcher", "c.h.flags.FlagWatcher", "toggle login.orbit.grace_session changed: enabled=false")
L(add(OUR_DEPLOY, seconds=35), "INFO", "main", "c.h.auth.LoginBackendApplication", "Started LoginBackendApplication in 14.2 seconds (process running for 15.9) version=2.31.4")
inc.lines("login-backend.log", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- Orbit Network status page Atom feed
def entry(t, title, body, eid):
    return ("  <entry>\n    <id>tag:status.orbitnet.example,2005:Incident/%s</id>\n    <published>%s</published>\n"
            "    <updated>%s</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"https://status.orbitnet.example/incidents/%s\"/>\n"
            "    <title>%s</title>\n    <content type=\"html\">%s</content>\n  </entry>\n") % (
        eid, iso(t), iso(t), eid, escape(title), escape(body))
lt = lambda t: local(t, "America/Los_Angeles").strftime("%b %-d, %H:%M PST")
entries = [
    (ORBIT_RES, "Sign-in issues", "<p><small>%s</small><br><strong>Resolved</strong> - This incident has been resolved. Sign-in and ticket validation are operating normally.</p>" % lt(ORBIT_RES)),
    (ORBIT_MON, "Sign-in issues", "<p><small>%s</small><br><strong>Monitoring</strong> - A fix has been implemented and we are monitoring the results.</p>" % lt(ORBIT_MON)),
    (ORBIT_IDENT, "Sign-in issues", "<p><small>%s</small><br><strong>Identified</strong> - The issue has been identified in our authentication service. Third-party games may be unable to validate sign-in tickets.</p>" % lt(ORBIT_IDENT)),
    (ORBIT_INV, "Sign-in issues", "<p><small>%s</small><br><strong>Investigating</strong> - Some users may have trouble signing in to Orbit Network and to online features of games.</p>" % lt(ORBIT_INV)),
    (T("2026-03-03 09:00:00"), "Scheduled maintenance: Orbit Store", "<p><small>Mar 3, 01:00 PST</small><br><strong>Completed</strong> - The scheduled maintenance has been completed.</p>")]
feed = ['<?xml version="1.0" encoding="UTF-8"?>', '<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">',
        "  <id>tag:status.orbitnet.example,2005:/history</id>",
        '  <link rel="alternate" type="text/html" href="https://status.orbitnet.example"/>',
        '  <link rel="self" type="application/atom+xml" href="https://status.orbitnet.example/history.atom"/>',
        "  <title>Orbit Network Status - Incident History</title>", "  <updated>%s</updated>" % iso(ORBIT_RES)]
ids = {"Sign-in issues": "k3x9v2mq8hzd", "Scheduled maintenance: Orbit Store": "r7w2pz0c5ybn"}
body = "".join(entry(t, ti, b, ids[ti]) for t, ti, b in entries)
inc.write("orbit-history.atom", "\n".join(feed) + "\n" + body + "</feed>\n")

# ---- Zendesk incremental ticket export
tk = []
def TK(t, subj, desc, tags, via="web", status="new", upd=None):
    n = 881200 + len(tk) * 3 + rng.randint(0, 2)
    tk.append({"url": "https://halcyon.zendesk.com/api/v2/tickets/%d.json" % n, "id": n, "external_id": None,
               "via": {"channel": via, "source": {"from": {}, "to": {}, "rel": None}},
               "created_at": iso(t), "updated_at": iso(upd or add(t, seconds=rng.randint(20, 900))), "type": "incident" if "login" in tags else "question",
               "subject": subj, "raw_subject": subj, "description": desc, "priority": None, "status": status,
               "requester_id": 36000000000 + rng.randint(0, 10**9), "submitter_id": None, "assignee_id": None,
               "organization_id": None, "group_id": 360011122233, "tags": tags, "brand_id": 360004455566,
               "satisfaction_rating": None, "is_public": True})
OTHER = [("Refund request for Crown Pack", "Bought the wrong pack, can I get a refund?", ["store", "refund"]),
         ("Ban appeal", "I was banned for no reason please check my account", ["ban_appeal"]),
         ("Missing season rewards", "Didn't get my tier 40 reward", ["rewards"]),
         ("Crash on startup (PC)", "Game crashes after the splash screen", ["crash", "pc"])]
for t in poisson_times(rng, T("2026-03-07 16:00:00"), W1, 1 / 420.0):
    s_, d_, tg = rng.choice(OTHER)
    TK(t, s_, d_, tg, via=rng.choice(["web", "email"]), status=rng.choice(["new", "open", "solved"]))
TK(FIRST_TICKET, "Can't sign in on Orbit", "Getting 'Platform authentication unavailable (HX-2041)' on my Orbit console. Tried restarting.", ["login", "orbit", "hx-2041"])
for t in poisson_times(rng, add(FIRST_TICKET, seconds=30), MITIGATED, 1 / 20.0):
    r = 1.0 if t < GRACE else 0.4
    if rng.random() < r:
        TK(t, rng.choice(["Can't log in", "HX-2041 error", "Platform authentication unavailable", "cannot connect on console", "login broken Orbit"]),
           rng.choice(["HX-2041 every time I try to play online.", "Stuck at 'Signing in' then HX-2041 on Orbit.",
                       "My friends on PC can play but I can't on console.", "Error HX-2041, please fix, paid for season pass"]),
           ["login", "orbit", "hx-2041"], via=rng.choice(["web", "web", "mobile", "chat"]))
tk.sort(key=lambda x: x["created_at"])
inc.json("support-export.json", {"tickets": tk, "next_page": None, "count": len(tk), "end_of_stream": True,
                                 "end_time": int(epoch(W1)), "after_url": None, "after_cursor": None})

# ---- OpenMetrics: login attempts by platform and result (scraped counters)
cum = {}
series = {}
for t in frange(W0, W1, 60):
    for plat, rate in [("steam", 41.0), ("epic", 12.0), ("orbit", 27.0), ("nova", 14.0)]:
        n = rate * 60 * rng.uniform(0.95, 1.05)
        f = console_fail(t) if plat == "orbit" else 0.0005
        for res, v in [("success", n * (1 - f)), ("failure", n * f)]:
            k = (plat, res)
            cum[k] = cum.get(k, 100000 if res == "success" else 40) + int(v)
            series.setdefault(k, []).append((t, cum[k]))
inc.write("login-counters.txt", openmetrics([("halcyon_login_attempts", "counter", "Login attempts by platform and result",
                                     [({"platform": p, "result": r, "job": "login-backend"}, pts) for (p, r), pts in sorted(series.items())])]))

# ---- Unleash events export (flag changes), filed as deploys
ev = []
def U(t, who, typ, feat, project, data, pre=None, env="production"):
    ev.append({"id": 51900 + len(ev) * 7, "type": typ, "createdBy": who, "createdAt": iso(t, ms=True), "createdByUserId": 1000 + len(who),
               "featureName": feat, "project": project, "environment": env, "data": data, "preData": pre, "tags": [], "label": None})
U(T("2026-03-05 10:14:02"), "noor.saleh@halcyon.games", "feature-created", "login.orbit.grace_session", "online-services",
  {"name": "login.orbit.grace_session", "description": "accept players validated by Orbit within 72h when ticket validation is unavailable", "type": "kill-switch"}, env=None)
U(MM_FLAG, "dario.ricci@halcyon.games", "feature-strategy-update", "mm.crossplay_pool_v2", "matchmaking",
  {"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "default", "groupId": "mm.crossplay_pool_v2"}},
  {"name": "flexibleRollout", "parameters": {"rollout": "25", "stickiness": "default", "groupId": "mm.crossplay_pool_v2"}})
U(STORE_FLAG, "ylva.berg@halcyon.games", "feature-environment-enabled", "store.spring_sale_banner", "store", None)
U(GRACE, "noor.saleh@halcyon.games", "feature-environment-enabled", "login.orbit.grace_session", "online-services", None)
U(GRACE_OFF, "noor.saleh@halcyon.games", "feature-environment-disabled", "login.orbit.grace_session", "online-services", None)
inc.json("unleash-prod.json", {"version": 1, "events": sorted(ev, key=lambda e: e["createdAt"], reverse=True), "totalEvents": len(ev)})

# ---- PagerDuty v2 webhooks (one body per line)
pd = PD(7318, "ConsoleLoginSuccessLow orbit login success 24%", "halcyon-login", "PHAL0G1", esc_policy="Online Services")
erik = PD.user("Erik Lund", "PERIKL1")
noor = PD.user("Noor Saleh", "PNOORS1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMHAL1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Erik Lund.", assignees=[erik])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Erik Lund by push notification.", user=erik)
pd.add(add(PAGE, seconds=302), "notify_log_entry", None, {"type": "auto"}, "Notified Erik Lund by phone.", user=erik)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESCALATE, seconds=1), "assign_log_entry", None, {"type": "timeout"}, "Assigned to Noor Saleh.", assignees=[noor])
pd.add(add(ESCALATE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Noor Saleh by phone.", user=noor)
pd.add(ACK, "acknowledge_log_entry", noor, {"type": "phone"}, "Acknowledged by Noor Saleh.")
pd.add(RESOLVED, "resolve_log_entry", noor, {"type": "web_ui"}, "Resolved by Noor Saleh.")
bodies = pd_webhook_v2_bodies(pd, 7318, "ConsoleLoginSuccessLow orbit login success 24%", PAGE)
inc.lines("oncall-hooks.ndjson", [jline(b) for b in bodies])

# ---- Slack export (alerts only as Alertmanager posts)
s = Slack()
for u, n, r in [("U2NOOR", "noor", "Noor Saleh"), ("U2ERIK", "erik.lund", "Erik Lund"), ("U2YLVA", "ylva", "Ylva Berg"),
                ("U2DARIO", "dario", "Dario Ricci"), ("U2SAM", "sam.k", "Sam Kowalski"), ("U2ADA", "ada", "Ada Nilsson")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C2ALR", "alerts-online", "Alertmanager: online services"), ("C2INC", "inc-7318-orbit-login", "console sign-in failures"),
                  ("C2SUP", "player-support", "support + community"), ("C2DEP", "deploys", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("alerts-online", add(c, seconds=95), "B2AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "CronJob ugc/ugc-moderation-export: Job failed (BackoffLimitExceeded)\nseverity: ticket team: ugc", color="warning"))
for s0, e0 in [("18:09:30", "18:15:00"), ("18:41:00", "18:44:30"), ("19:37:30", "19:43:00"), ("20:55:00", "21:01:30")]:
    s.bot("alerts-online", T(D + s0), "B2AM", "alertmanager", attachments=am_slack_attachment("firing", "ReplayUploadBacklog", "replay-uploader queue > 5k (team: replays)", color="warning"))
    s.bot("alerts-online", T(D + e0), "B2AM", "alertmanager", attachments=am_slack_attachment("resolved", "ReplayUploadBacklog", "replay-uploader queue back under 5k"))
s.bot("alerts-online", add(WARN, seconds=12), "B2AM", "alertmanager",
      attachments=am_slack_attachment("firing", "LoginFailureRateByPlatform", "platform=orbit login failure ratio 38% (> 5%)\nseverity: warning team: online-services", color="warning"))
s.bot("alerts-online", add(PAGE_AT, seconds=9), "B2AM", "alertmanager",
      attachments=am_slack_attachment("firing", "ConsoleLoginSuccessLow", "platform=orbit login success 24% (< 80%)\nseverity: page team: online-services"))
s.bot("alerts-online", T(D + "20:27:40"), "B2AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "LoginFailureRateByPlatform", "platform=orbit login failure ratio back under 5%"))
s.bot("alerts-online", add(ALERT_OK, seconds=9), "B2AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "ConsoleLoginSuccessLow", "platform=orbit login success back above 80%"))
s.bot("deploys", OUR_DEPLOY, "B2GHA", "GitHub Actions", blocks=pd_slack_blocks("*login-backend* `2.31.4` deployed to prod-eu by erik.lund (workflow: deploy-prod #1842)"))
s.bot("deploys", T(D + "19:46:20"), "B2GHA", "GitHub Actions", blocks=pd_slack_blocks("*replay-uploader* `0.44.2` deployed to prod-eu by sam.k (workflow: deploy-prod #1843)"))
s.say("player-support", add(FIRST_TICKET, seconds=140), "U2ADA", "first few tickets about HX-2041 on Orbit consoles, anyone aware?")
s.say("player-support", T(D + "19:01:30"), "U2ADA", "40+ HX-2041 tickets now and discord #help is flooded, all Orbit")
ch = "inc-7318-orbit-login"
s.say(ch, T(D + "19:00:10"), "U2SAM", "opening this for the ConsoleLoginSuccessLow page, @erik.lund are you on it?")
s.say(ch, ROLLBACK_Q, "U2SAM", "login-backend 2.31.4 went out at 18:12 - should we roll back?")
s.say(ch, WRONG, "U2DARIO", "crossplay pool went 25->50% at 18:25, could that be dropping console players?")
s.say(ch, add(WRONG, seconds=70), "U2SAM", "these fail at sign-in, before matchmaking, so probably not")
s.say(ch, add(ESCALATE, seconds=50), "U2NOOR", "got escalated, Erik isn't answering (he's at the airport). looking")
s.say(ch, add(ACK, seconds=30), "U2NOOR", "acked")
s.say(ch, DIAG, "U2NOOR", "it's Orbit: /v3/tickets/validate gives 503s and 5s timeouts since 18:47, only platform=orbit, steam/epic/nova are clean. Orbit status page has 'Sign-in issues - Investigating' since 19:08. not our deploy, 2.31.4 was fine for 35 min")
s.say(ch, add(DIAG, seconds=40), "U2SAM", "ok, no rollback then")
s.say(ch, COMMS, "U2ADA", "pinned in discord #announcements + @HalcyonSupport: 'Orbit console players can't sign in (HX-2041) due to an Orbit Network issue. PC unaffected. We'll update.'")
s.say(ch, T(D + "19:26:00"), "U2NOOR", "enabling login.orbit.grace_session - players validated by Orbit in the last 72h get in on their cached identity. new/long-absent players will still fail")
s.say(ch, add(GRACE, seconds=70), "U2NOOR", "grace session on, orbit failures ~85% -> ~30%")
s.say(ch, T(D + "19:53:10"), "U2NOOR", "Orbit moved to Identified: their auth service")
s.say(ch, T(D + "20:23:30"), "U2NOOR", "no HX-2041 since 20:22, ticket validation answering again")
s.say(ch, add(GRACE_OFF, seconds=40), "U2NOOR", "Orbit resolved on their side, grace session off again")
s.say(ch, add(RESOLVED, seconds=-25), "U2NOOR", "20 minutes clean with grace off. resolving, Ada will close the tickets with a macro")
s.write(inc, "ws-export")

inc.truth(
    "halcyon-console-auth-outage", "console-platform-auth-outage-grace-session-late-ack",
    """The Orbit console network's ticket-validation API returned 503s and timeouts; Orbit players could not sign in to Halcyon
while PC was fine; the page was acknowledged only after an escalation, a grace-session flag helped part of the players, the impact ended when Orbit recovered.""",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first Orbit ticket validation 503 / login rejected PLATFORM_AUTH_UNAVAILABLE", "login-backend.log", 60),
     (WARN, "alert_fired", "LoginFailureRateByPlatform platform=orbit (warning) firing", "ws-export", 60),
     (PAGE, "paged", "PagerDuty #7318 ConsoleLoginSuccessLow triggered", "oncall-hooks.ndjson", 60),
     (ACK, "acknowledged", "Noor Saleh acknowledges after escalation by timeout", "oncall-hooks.ndjson", 60),
     (ORBIT_INV, "communication", "Orbit status: Sign-in issues - Investigating", "orbit-history.atom", 120),
     (DIAG, "diagnosis", "Noor: Orbit ticket validation 503/timeouts, only platform=orbit; not our deploy", "ws-export", 90),
     (COMMS, "communication", "Discord #announcements / support post about HX-2041", "ws-export", 90),
     (GRACE, "mitigation", "Unleash login.orbit.grace_session enabled (partial: ~30% still failing)", "unleash-prod.json", 60),
     (MITIGATED, "recovery", "last Orbit validation failure; console sign-ins succeed", "login-backend.log", 60),
     (ALERT_OK, "alert_resolved", "ConsoleLoginSuccessLow resolved", "ws-export", 60),
     (RESOLVED, "resolved", "PagerDuty #7318 resolved", "oncall-hooks.ndjson", 60)],
    [(CRON[-1], "ugc-moderation-export CronJob fails daily at ~18:30 (KubeJobFailed, also Mar 4-6)", "ws-export"),
     (T(D + "18:41:00"), "ReplayUploadBacklog flapping (replays team)", "ws-export"),
     (OUR_DEPLOY, "login-backend 2.31.4 deploy 35 min before the first failure (not the cause)", "ws-export"),
     (MM_FLAG, "matchmaking crossplay_pool_v2 rollout 25 -> 50% (other team)", "unleash-prod.json"),
     (STORE_FLAG, "store spring sale banner enabled (store team)", "unleash-prod.json"),
     (T(D + "19:46:20"), "replay-uploader deploy (replays team)", "ws-export"),
     (ROLLBACK_Q, "'should we roll back?' about login-backend 2.31.4", "ws-export"),
     (WRONG, "wrong hunch: crossplay pool change dropping console players", "ws-export"),
     (GRACE_OFF, "grace-session flag turned off after Orbit recovered (cleanup)", "unleash-prod.json"),
     (T(D + "20:00:00"), "steady Steam wrong-appid ticket rejections, Orbit presence 429s and unrelated support tickets", "login-backend.log")],
    [("login-backend.log", "logs", TZ), ("orbit-history.atom", "logs"), ("support-export.json", "logs"),
     ("login-counters.txt", "openmetrics"), ("unleash-prod.json", "deploys"), ("oncall-hooks.ndjson", "pagerduty-log-entries"),
     ("ws-export", "slack-export")])
