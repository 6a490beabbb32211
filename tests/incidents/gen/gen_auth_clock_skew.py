"""retired3/auth-clock-skew: a chrony config push makes the auth nodes prefer an internal NTP server 7 minutes fast; tokens carry iat in the future and the gateway rejects them until the leeway is raised and the clocks stepped back."""
import random
from common import *

rng = random.Random(20260826)
inc = Incident("retired3", "auth-clock-skew")
LTZ = "America/Chicago"
D = "2026-08-26 "
W0, W1 = T(D + "15:00:00"), T(D + "18:00:00")
CRON = [T("2026-%s 15:00:%02d" % (d, 2 + 2 * i)) for i, d in enumerate(("08-23", "08-24", "08-25", "08-26"))]
OTHER_DEPLOY = T(D + "15:12:40")
CHANGE = T(D + "15:31:20")
CHRONY_RESTART = T(D + "15:31:58")
STARTED = T(D + "15:32:11")
STEP = {"auth-1": STARTED, "auth-2": T(D + "15:32:13"), "auth-3": T(D + "15:32:16")}
FIRST_401 = T(D + "15:32:19")
SKEW_ALERT = T(D + "15:35:45")
REJ_ALERT = T(D + "15:41:10")
PAGE = T(D + "15:41:25")
ACK = T(D + "15:44:10")
WRONG = T(D + "15:47:30")
ROLLBACK_Q = T(D + "15:49:05")
COMMS = T(D + "15:52:40")
WRONG2 = T(D + "15:55:00")
ESC = T(D + "15:58:30")
ACK2 = T(D + "15:59:40")
DIAG = T(D + "16:09:50")
LEEWAY_DEPLOY = T(D + "16:12:05")
MITIGATED = T(D + "16:12:31")
REJ_OK = T(D + "16:15:10")
REVERT = T(D + "16:15:20")
CHRONY_RESTART2 = T(D + "16:16:00")
MAKESTEP = T(D + "16:18:40")
SKEW_OK = T(D + "16:21:45")
RESOLVED = T(D + "16:40:00")
SKEW = 421.337
AUTH = ["auth-1", "auth-2", "auth-3"]
FLAP = [(T(D + "15:06:30"), T(D + "15:11:00")), (T(D + "15:44:30"), T(D + "15:48:00")), (T(D + "16:27:00"), T(D + "16:33:30")), (T(D + "17:20:00"), T(D + "17:24:30"))]

def skew(host, t):
    if host in STEP and STEP[host] < t < add(MAKESTEP, seconds=AUTH.index(host) * 2):
        return SKEW
    return 0.0

def shown(host, t):
    return add(t, seconds=skew(host, t))

# ---- auth nodes syslog (rsyslog traditional, local time, no year; the hosts' own clocks)
sl = []
def S(t, host, prog, msg):
    sl.append((t, syslog(shown(host, t), LTZ, host, prog, msg)))
for h in AUTH:
    for t in frange(add(W0, seconds=rng.randint(0, 59)), W1, 300):
        S(t, h, "systemd[1]", "Started session-%d.scope - Session %d of User svc-monitor." % (rng.randint(1000, 9999), rng.randint(1000, 9999)))
    for t in poisson_times(rng, W0, W1, 1 / 240.0):
        S(t, h, "sshd[%d]" % rng.randint(2000, 40000), "Connection closed by authenticating user root 185.%d.%d.%d port %d [preauth]" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65000)))
    c = CRON[-1]
    S(add(c, seconds=-2), h, "CRON[%d]" % rng.randint(10000, 30000), "(root) CMD (/usr/local/bin/ldap-group-sync --quiet)")
    S(add(c, seconds=1 + AUTH.index(h)), h, "ldap-group-sync", "ERROR: bind to ldaps://ldap-legacy.acme.internal failed: Invalid credentials (49)")
    i = AUTH.index(h)
    S(add(CHRONY_RESTART, seconds=i), h, "systemd[1]", "Stopping chrony.service - chrony, an NTP client/server...")
    S(add(CHRONY_RESTART, seconds=i + 0.5), h, "chronyd[%d]" % (811 + i), "chronyd version 4.3 starting (+CMDMON +NTP +REFCLOCK +RTC +PRIVDROP +SCFILTER +SIGND +ASYNCDNS +NTS +SECHASH +IPV6 -DEBUG)")
    S(add(CHRONY_RESTART, seconds=i + 0.6), h, "chronyd[%d]" % (811 + i), "Loaded 0 symmetric keys")
    S(add(CHRONY_RESTART, seconds=i + 0.7), h, "systemd[1]", "Started chrony.service - chrony, an NTP client/server.")
    st = STEP[h]
    S(st, h, "chronyd[%d]" % (811 + i), "Selected source 10.30.0.12 (ntp-2.dc1.acme.internal)")
    S(st, h, "chronyd[%d]" % (811 + i), "System clock wrong by %.6f seconds" % SKEW)
    S(add(st, seconds=0.0004), h, "chronyd[%d]" % (811 + i), "System clock was stepped by %.6f seconds" % SKEW)
    S(add(CHRONY_RESTART2, seconds=i), h, "systemd[1]", "Started chrony.service - chrony, an NTP client/server.")
    S(add(CHRONY_RESTART2, seconds=i + 9), h, "chronyd[%d]" % (901 + i), "Selected source 162.159.200.1 (2.debian.pool.ntp.org)")
    S(add(CHRONY_RESTART2, seconds=i + 9.1), h, "chronyd[%d]" % (901 + i), "System clock wrong by -%.6f seconds, adjustment started" % (SKEW - 0.4))
    ms = add(MAKESTEP, seconds=i * 2)
    S(add(ms, seconds=-0.3), h, "sudo[%d]" % rng.randint(20000, 40000), "  priya : TTY=pts/0 ; PWD=/home/priya ; USER=root ; COMMAND=/usr/bin/chronyc makestep")
    S(ms, h, "chronyd[%d]" % (901 + i), "System clock was stepped by -%.6f seconds" % (SKEW - 0.41))
inc.lines("auth-nodes-syslog", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- gateway logfmt (UTC, correct clock)
gw = []
def G(t, pairs):
    gw.append((t, logfmt([("time", iso(t, ms=True))] + pairs)))
def reject_p(t):
    if FIRST_401 < t < MITIGATED:
        return min(0.6, 0.04 + (t - STARTED).total_seconds() / 1500.0)
    return 0.0
for t in poisson_times(rng, W0, W1, 0.35):
    route = rng.choice(["/api/v1/account", "/api/v1/orders", "/api/v1/cart", "/api/v1/profile", "/api/v1/feed"])
    if rng.random() < reject_p(t):
        G(t, [("level", "warn"), ("msg", "jwt validation failed"), ("err", "Token used before issued"), ("iss", "https://auth.acme.io"),
              ("route", route), ("status", 401), ("client", "10.8.%d.%d" % (rng.randint(0, 15), rng.randint(2, 250))),
              ("issuer_host", rng.choice([h for h in AUTH if STEP[h] < t])), ("req_id", hexid(rng, 12))])
    else:
        G(t, [("level", "info"), ("msg", "request"), ("route", route), ("status", 200), ("dur_ms", rng.randint(4, 180)), ("req_id", hexid(rng, 12))])
G(FIRST_401, [("level", "warn"), ("msg", "jwt validation failed"), ("err", "Token used before issued"), ("iss", "https://auth.acme.io"),
              ("route", "/api/v1/account"), ("status", 401), ("client", "10.8.3.77"), ("issuer_host", "auth-1"), ("req_id", "5e0c71a9b2d4")])
for t in poisson_times(rng, W0, W1, 1 / 30.0):
    G(t, [("level", "warn"), ("msg", "rate limit exceeded"), ("route", "/api/v1/feed"), ("status", 429), ("client", "partner-bot-%d" % rng.randint(1, 3)), ("limit", "600/min")])
for t in frange(add(W0, seconds=37), W1, 600):
    G(t, [("level", "info"), ("msg", "jwks refreshed"), ("keys", 2), ("kid", "k-2026-08")])
G(MITIGATED, [("level", "info"), ("msg", "config reloaded"), ("jwt.leeway", "10m0s"), ("revision", "gw-cfg-3f1a9d2")])
inc.lines("gateway.log", [l for _, l in sorted(gw, key=lambda x: x[0])])

# ---- auth-service (odd layout yyyymmdd-hh:mm:ss:SSS, UTC by the host's clock)
au = []
def A(t, host, lvl, msg):
    s = shown(host, t)
    au.append((s, "%s:%03d %-5s [%s] %s" % (s.strftime("%Y%m%d-%H:%M:%S"), s.microsecond // 1000, lvl, host, msg)))
for t in poisson_times(rng, W0, W1, 0.2):
    h = rng.choice(AUTH)
    A(t, h, "INFO", "token issued grant=%s sub=u_%s iat=%d exp=%d" % (rng.choice(["password", "refresh_token", "refresh_token"]), hexid(rng, 8), int(epoch(shown(h, t))), int(epoch(shown(h, t))) + 900))
for t in poisson_times(rng, W0, W1, 1 / 50.0):
    A(t, rng.choice(AUTH), "WARN", "ldap lookup slow: %dms (ldap-legacy.acme.internal)" % rng.randint(800, 2400))
inc.lines("auth-service.log", [l for _, l in sorted(au, key=lambda x: x[0])])

# ---- GitHub Deployments API (list)
deps = []
for i, (t, repo, env, ref, who, desc, task) in enumerate([
        (OTHER_DEPLOY, "notifications-service", "production", "v5.22.0", "nora-li", "notifications-service v5.22.0", "deploy"),
        (CHANGE, "infra-hosts", "production/auth", "main", "dmitri-v", "chrony: prefer ntp-2.dc1 for auth role (INFRA-812)", "deploy:config"),
        (LEEWAY_DEPLOY, "edge-gateway", "production", "hotfix/jwt-leeway", "priya-n", "gateway: jwt leeway 10m (stopgap)", "deploy:config"),
        (REVERT, "infra-hosts", "production/auth", "revert-812", "dmitri-v", "Revert chrony: prefer ntp-2.dc1 for auth role", "deploy:config"),
        (T(D + "17:05:30"), "edge-gateway", "production", "main", "priya-n", "gateway: jwt leeway back to 30s", "deploy:config"),
        (T(D + "17:31:10"), "search-web", "production", "v2.9.4", "omar-k", "search-web v2.9.4", "deploy")]):
    did = 1880410 + i * 7
    deps.append({"url": "https://api.github.com/repos/acme/%s/deployments/%d" % (repo, did), "id": did,
                 "node_id": "DE_kwDO" + uid(str(did), 10), "task": task, "original_environment": env, "environment": env,
                 "description": desc, "created_at": iso(t), "updated_at": iso(add(t, seconds=42)),
                 "statuses_url": "https://api.github.com/repos/acme/%s/deployments/%d/statuses" % (repo, did),
                 "repository_url": "https://api.github.com/repos/acme/" + repo, "creator": {"login": who, "id": 5100 + i, "type": "User"},
                 "sha": hexid(rng, 40), "ref": ref, "payload": {}, "transient_environment": False, "production_environment": True,
                 "performed_via_github_app": None})
deps.sort(key=lambda d: d["created_at"], reverse=True)
inc.json("gh-deployments.json", deps)

# ---- prometheus query_range: time() - node_time_seconds
def off(h):
    def f(t):
        return -skew(h, t) + rng.uniform(-0.02, 0.02)
    return f
inc.json("clock-offset-range.json", query_range(
    [({"instance": "%s:9100" % h, "job": "node", "role": "auth" if h.startswith("auth") else "edge"}, off(h)) for h in AUTH + ["gw-1", "gw-2"]],
    W0, W1, 15, fmt="%.3f"))

# ---- alertmanager webhook payloads, saved as one JSON array (reaching back days)
hk = []
for c in CRON:
    hk.append(am_webhook("slack-identity", [am_alert("LdapGroupSyncFailed", {"severity": "ticket", "team": "identity", "job": "ldap-group-sync"}, "ldap-group-sync failed on auth nodes", add(c, seconds=40))]))
sk = {"severity": "warning", "team": "infra", "role": "auth"}
hk.append(am_webhook("slack-infra", [am_alert("HostClockSkew", {**sk, "instance": "%s:9100" % h}, "clock on %s is off by more than 30s" % h, add(SKEW_ALERT, seconds=i * 15)) for i, h in enumerate(AUTH)], group_by=("alertname", "role")))
hk.append(am_webhook("slack-infra", [am_alert("HostClockSkew", {**sk, "instance": "%s:9100" % h}, "clock on %s is off by more than 30s" % h, add(SKEW_ALERT, seconds=i * 15), ends=add(SKEW_OK, seconds=i * 15)) for i, h in enumerate(AUTH)], group_by=("alertname", "role")))
rl = {"severity": "page", "team": "identity", "service": "edge-gateway"}
hk.append(am_webhook("pd-identity", [am_alert("AuthTokenRejectRatioHigh", rl, "gateway rejects 18% of bearer tokens", REJ_ALERT)]))
hk.append(am_webhook("pd-identity", [am_alert("AuthTokenRejectRatioHigh", rl, "gateway rejects 18% of bearer tokens", REJ_ALERT, ends=REJ_OK)]))
ml = {"severity": "warning", "team": "notifications", "instance": "mailq-1:9154"}
for a, b in FLAP:
    hk.append(am_webhook("slack-notifications", [am_alert("MailQueueBacklog", ml, "postfix queue > 2000 messages", a)]))
    hk.append(am_webhook("slack-notifications", [am_alert("MailQueueBacklog", ml, "postfix queue > 2000 messages", a, ends=b)]))
inc.json("am-notifications.json", hk)

# ---- pagerduty log entries (REST) with manual escalation
pd = PD(61530, "AuthTokenRejectRatioHigh gateway rejects bearer tokens", "identity", "PIDN009", "Identity EP")
carlos = PD.user("Carlos Mendes", "PCARLO1")
priya = PD.user("Priya Nair", "PPRIYA2")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Carlos Mendes by SMS.", user=carlos)
pd.add(ACK, "acknowledge_log_entry", carlos, {"type": "sms"}, "Acknowledged by Carlos Mendes.")
pd.add(ESC, "escalate_log_entry", carlos, {"type": "web_ui"}, "Escalated to level 2 by Carlos Mendes.", assigned_user=priya)
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Priya Nair by phone.", user={"type": "user_reference", "name": "Priya Nair"})
pd.add(ACK2, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Nair.")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.")
inc.json("pd-log-entries.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UCAR", "carlos", "Carlos Mendes"), ("UPRI", "priya", "Priya Nair"), ("UDMI", "dmitri", "Dmitri Volkov"),
                ("UNOR", "nora", "Nora Li"), ("UHAN", "hannah", "Hannah Cole"), ("USUP", "support-sam", "Sam Ortiz")]:
    s.user(u, n, r, "America/Chicago")
s.user("BPD", "pagerduty", "PagerDuty", "America/Chicago", bot=True)
for cid, n in [("CINC", "incident-auth"), ("CIDA", "identity-alerts"), ("CINF", "infra-alerts"), ("CDEP", "deploys"), ("CSUP", "support-escalations")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("identity-alerts", add(c, seconds=41), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "LdapGroupSyncFailed", "ldap-group-sync failed on auth nodes", color="warning"))
s.bot("infra-alerts", add(SKEW_ALERT, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "HostClockSkew", "clock on auth-1 is off by more than 30s (+2 more)", color="warning"))
s.bot("infra-alerts", add(SKEW_OK, seconds=46), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "HostClockSkew", "clock on auth-1 is off by more than 30s (+2 more)"))
s.bot("identity-alerts", add(REJ_ALERT, seconds=15), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "AuthTokenRejectRatioHigh", "gateway rejects 18% of bearer tokens"))
s.bot("identity-alerts", add(REJ_OK, seconds=15), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "AuthTokenRejectRatioHigh", "gateway rejects bearer tokens"))
s.bot("identity-alerts", add(PAGE, seconds=3), "BPD", "PagerDuty", blocks=pd_slack_blocks(":rotating_light: *Triggered* <https://acme.pagerduty.com/incidents/Q61530|#61530 AuthTokenRejectRatioHigh gateway rejects bearer tokens> assigned to Carlos Mendes"))
s.bot("identity-alerts", add(ACK, seconds=2), "BPD", "PagerDuty", blocks=pd_slack_blocks(":eyes: *Acknowledged* by Carlos Mendes: #61530"))
for d in sorted(deps, key=lambda d: d["created_at"]):
    import datetime as _d
    t = _d.datetime.fromisoformat(d["updated_at"].replace("Z", "+00:00"))
    s.bot("deploys", t, "BGH", "github", attachments=[{"color": "2EB67D", "fallback": "deployment succeeded",
          "text": "Deployment of `%s` to *%s* succeeded: %s (by %s)" % (d["ref"], d["environment"], d["description"], d["creator"]["login"]),
          "footer": "acme/" + d["repository_url"].rsplit("/", 1)[1]}])
s.say("support-escalations", T(D + "15:45:20"), "USUP", "lots of tickets: users kicked back to the login page right after signing in")
ch = "incident-auth"
s.say(ch, add(ACK, seconds=45), "UCAR", "acked. gateway 401s 'Token used before issued' climbing, support says users bounce back to login")
s.say(ch, WRONG, "UHAN", "notifications-service deployed at 15:12 - did it change the session cookie domain?")
s.say(ch, ROLLBACK_Q, "UHAN", "should we roll back notifications-service?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "UNOR", "it only sends emails, it never touches sessions or tokens")
s.say(ch, COMMS, "UCAR", "status page: 'Some users are being signed out unexpectedly, investigating'")
s.say(ch, WRONG2, "UCAR", "maybe the JWKS key rotated? gateway refreshes JWKS every 10 min")
s.say(ch, add(ESC, seconds=20), "UCAR", "escalating to Priya (infra), HostClockSkew on all auth nodes looks related")
s.say(ch, DIAG, "UPRI", "auth-1..3 clocks are 7 minutes fast: the 15:31 chrony deploy made them prefer ntp-2.dc1, which is itself 421s ahead. tokens get iat in the future and the gateway rejects them")
s.say(ch, add(DIAG, seconds=60), "UPRI", "stopgap: raising the gateway jwt leeway to 10m, then revert chrony and step the clocks")
s.say(ch, add(MITIGATED, seconds=40), "UCAR", "401s gone since the gateway reload")
s.say(ch, add(MAKESTEP, seconds=30), "UPRI", "chrony reverted, makestep on all three auth nodes, offsets back under 10ms")
s.say(ch, add(RESOLVED, seconds=-45), "UCAR", "resolving. leeway goes back to 30s this evening; ntp-2.dc1 is off")
s.write(inc, "slack")

inc.truth(
    "auth-clock-skew", "ntp-clock-skew-token-validation",
    "A chrony config push made the auth nodes prefer an internal NTP server 421 s fast; chrony stepped their clocks, new tokens carried\n"
    "iat in the future and the gateway rejected them (users signed out) until the gateway leeway was raised; clocks were then reverted.\n"
    "auth-nodes-syslog and auth-service.log carry the hosts' own (skewed) clocks while the skew lasted.",
    (W0, W1),
    dict(started=STARTED, detected=SKEW_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "chrony config deploy: auth role prefers ntp-2.dc1", "gh-deployments.json", 60),
     (STARTED, "first_symptom", "chronyd on auth-1: System clock wrong by 421 s, stepped", "auth-nodes-syslog", 60),
     (SKEW_ALERT, "alert_fired", "HostClockSkew firing for the auth nodes", "am-notifications.json", 60),
     (PAGE, "paged", "PagerDuty #61530 triggered (AuthTokenRejectRatioHigh)", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Carlos Mendes acknowledges", "pd-log-entries.json", 60),
     (COMMS, "communication", "status page: users signed out unexpectedly", "slack", 90),
     (DIAG, "diagnosis", "Priya: auth clocks 7 min fast via ntp-2.dc1, tokens iat in the future", "slack", 90),
     (LEEWAY_DEPLOY, "mitigation", "gateway jwt leeway 10m deployed (stopgap)", "gh-deployments.json", 60),
     (MITIGATED, "recovery", "gateway reloads with 10m leeway; 401 'Token used before issued' stop", "gateway.log", 60),
     (REJ_OK, "alert_resolved", "AuthTokenRejectRatioHigh resolved", "am-notifications.json", 60),
     (MAKESTEP, "mitigation", "chrony reverted and clocks stepped back with chronyc makestep", "auth-nodes-syslog", 90),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "ldap-group-sync cron fails daily at 15:00 UTC on the auth nodes", "auth-nodes-syslog"),
     (OTHER_DEPLOY, "notifications-service v5.22.0 deploy", "gh-deployments.json"),
     (T(D + "17:31:10"), "search-web deploy by another team", "gh-deployments.json"),
     (FLAP[1][0], "MailQueueBacklog flapping for notifications team", "am-notifications.json"),
     (WRONG, "wrong hunch: notifications-service session cookie", "slack"),
     (ROLLBACK_Q, "'should we roll back notifications-service?' question", "slack"),
     (WRONG2, "wrong hunch: JWKS key rotation", "slack"),
     (T(D + "16:30:00"), "steady 429 rate limits for partner bots and slow LDAP warnings all window", "gateway.log")],
    [("auth-nodes-syslog", "logs", LTZ), ("gateway.log", "logs"), ("auth-service.log", "logs", "UTC"),
     ("gh-deployments.json", "deploys"), ("clock-offset-range.json", "prometheus-query-range"),
     ("am-notifications.json", "alertmanager-webhook"), ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
