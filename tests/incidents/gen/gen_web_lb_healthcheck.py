"""retired3/web-lb-healthcheck: an HAProxy health-check path change (/healthz -> /health/ready) marks every web backend DOWN; 503 <NOSRV> until reverted."""
import random
from common import *

rng = random.Random(20260304)
inc = Incident("retired3", "web-lb-healthcheck")
LTZ = "America/New_York"
D = "2026-03-04 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")
CRON = [T("2026-%s 13:05:%02d" % (d, 11 + i)) for i, d in enumerate(("03-01", "03-02", "03-03", "03-04"))]
OTHER_DEPLOY = T(D + "13:21:40")
COMMIT = T(D + "13:38:05")
PUSH = T(D + "13:41:12")
RELOAD = T(D + "13:41:27")
STARTED = T(D + "13:41:29")
NOSRV = T(D + "13:41:35")
WARN_ALERT = T(D + "13:43:05")
SLO_ALERT = T(D + "13:44:35")
PAGE = T(D + "13:44:50")
ESC = T(D + "13:49:50")
ACK = T(D + "13:51:12")
WRONG = T(D + "13:53:30")
ROLLBACK_Q = T(D + "13:55:10")
REASSIGN = T(D + "13:56:02")
COMMS = T(D + "13:57:40")
SNAP = T(D + "13:58:30")
DIAG = T(D + "14:01:20")
REVERT_COMMIT = T(D + "14:04:02")
REVERT_PUSH = T(D + "14:05:40")
RELOAD2 = T(D + "14:05:58")
MITIGATED = T(D + "14:06:02")
WARN_OK = T(D + "14:07:05")
SLO_OK = T(D + "14:09:35")
RESOLVED = T(D + "14:30:00")
SERVERS = ["web-01", "web-02", "web-03", "web-04"]
FLAP = [(T(D + "13:12:20"), T(D + "13:16:50")), (T(D + "13:47:35"), T(D + "13:50:05")), (T(D + "14:38:15"), T(D + "14:44:45"))]

def down(t):
    return NOSRV <= t < MITIGATED

# ---- lb01 haproxy via rsyslog (local time, no year)
hp = []
def H(t, msg, prog="haproxy[2211]"):
    hp.append((t, syslog(t, LTZ, "lb01", prog, msg)))
for t in poisson_times(rng, W0, W1, 0.3):
    lt = local(t, LTZ)
    stamp = "%02d/%s/%d:%s.%03d" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)
    ip = "%d.%d.%d.%d:%d" % (rng.choice([73, 98, 174, 24]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1024, 65000))
    path = rng.choice(["/", "/cart", "/products/%d" % rng.randint(1000, 9999), "/api/v2/session", "/search?q=shoes"])
    if down(t):
        H(t, '%s [%s] fe_https~ web/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- %d/%d/0/0/0 0/0 "GET %s HTTP/1.1"' % (ip, stamp, rng.randint(40, 90), rng.randint(40, 90), path))
    else:
        srv = rng.choice(SERVERS)
        rt = rng.randint(8, 140)
        H(t, '%s [%s] fe_https~ web/%s 0/0/1/%d/%d 200 %d - - ---- %d/%d/3/1/0 0/0 "GET %s HTTP/1.1"' % (ip, stamp, srv, rt, rt + 1, rng.randint(900, 48000), rng.randint(40, 90), rng.randint(40, 90), path))
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    H(t, "%d.%d.%d.%d:%d [%s] fe_https/1: SSL handshake failure" % (rng.randint(1, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65000), local(t, LTZ).strftime("%d/%b/%Y:%H:%M:%S.000")))
for rt, what in ((RELOAD, "reload"), (RELOAD2, "reload")):
    H(add(rt, seconds=-1), "Reloading HAProxy Load Balancer...", prog="systemd[1]")
    H(rt, "[NOTICE]   (2211) : Reloading HAProxy", prog="haproxy[2211]")
    H(add(rt, seconds=0.4), "Proxy fe_https started.")
    H(add(rt, seconds=0.4), "Proxy web started.")
    H(add(rt, seconds=0.5), "Reloaded HAProxy Load Balancer.", prog="systemd[1]")
for i, s in enumerate(SERVERS):
    t = add(STARTED, seconds=i * 0.7)
    H(t, 'Health check for server web/%s failed, reason: Layer7 wrong status, code: 404, info: "Not Found", check duration: 2ms, status: 2/3 UP.' % s)
    t2 = add(STARTED, seconds=4 + i * 0.7)
    H(t2, 'Server web/%s is DOWN, reason: Layer7 wrong status, code: 404, info: "Not Found", check duration: 1ms. %d active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.' % (s, 3 - i))
H(add(STARTED, seconds=6.2), "backend web has no server available!")
for i, s in enumerate(SERVERS):
    H(add(MITIGATED, seconds=i * 0.6), "Server web/%s is UP, reason: Layer7 check passed, code: 200, check duration: 3ms. %d active and 0 backup servers online. 0 sessions requeued, 0 total in queue." % (s, i + 1))
inc.lines("lb01-haproxy.log", [l for _, l in sorted(hp, key=lambda x: x[0])])

# ---- web app JSON logs (UTC)
wl = []
def J(t, **kw):
    wl.append((t, jline({"ts": iso(t, ms=True), **kw})))
for s in SERVERS:
    for t in frange(add(W0, seconds=rng.randint(0, 1)), W1, 10):
        t = add(t, seconds=rng.random())
        if t < RELOAD or t >= RELOAD2:
            if rng.random() < 0.1:
                J(t, level="debug", host=s, msg="request", method="GET", path="/healthz", status=200, dur_ms=1)
        else:
            J(t, level="info", host=s, msg="request", method="GET", path="/health/ready", status=404, dur_ms=0, route="unmatched")
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    J(t, level="warn", host=rng.choice(SERVERS), msg="recommendations call timed out, rendering without carousel", upstream="recs.internal:8443", timeout_ms=250)
J(add(CRON[-1], seconds=-2), level="info", host="web-01", msg="geoip-update: downloading GeoLite2-City", job="geoip-update")
J(CRON[-1], level="error", host="web-01", msg="geoip-update failed: HTTP 401 from download.maxmind.com (license key expired)", job="geoip-update")
inc.lines("web-app.jsonl", [l for _, l in sorted(wl, key=lambda x: x[0])])

# ---- git log of the lb config repo (default format)
gl = []
def C(t, tz, who, mail, subj, body=""):
    lt = local(t, tz)
    gl.append((t, "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n%s" % (
        hexid(rng, 40), who, mail, lt.strftime("%a %b ") + str(lt.day) + lt.strftime(" %H:%M:%S %Y %z"), subj,
        ("\n    " + body + "\n") if body else "")))
C(T("2026-03-03 19:22:51"), "America/New_York", "Dana Whitfield", "dana@acme.io", "haproxy: raise timeout server for /exports to 120s")
C(COMMIT, "America/Chicago", "Tom Reyes", "tom@acme.io", "haproxy: use /health/ready for web backend checks",
  "The readiness endpoint also checks the session store. Part of WEB-2231.")
C(T(D + "13:47:10"), "Europe/Dublin", "Siobhan Kelly", "siobhan@acme.io", "haproxy: add ACL for new partner IP range")
C(REVERT_COMMIT, "America/Chicago", "Tom Reyes", "tom@acme.io", 'Revert "haproxy: use /health/ready for web backend checks"',
  "This reverts commit: /health/ready only exists from web 5.12, prod runs 5.11.")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("lb-config-gitlog.txt", "\n".join(l for _, l in gl))

# ---- deploy tool CSV export
rows = ["id,started_at,finished_at,service,environment,revision,actor,status,tool"]
for i, (t, d, svc, rev, who, st, tool) in enumerate([
        (T("2026-03-04 12:02:10"), 240, "search-api", "v3.8.2", "siobhan.kelly", "succeeded", "argo"),
        (OTHER_DEPLOY, 310, "payments-worker", "v2.40.1", "marcus.hill", "succeeded", "argo"),
        (PUSH, 18, "haproxy-config", "a91f0c2", "tom.reyes", "succeeded", "ansible"),
        (T(D + "13:47:40"), 21, "haproxy-config-partner-acl", "draft", "siobhan.kelly", "cancelled", "ansible"),
        (REVERT_PUSH, 18, "haproxy-config", "5d2b7e0", "tom.reyes", "succeeded", "ansible"),
        (T(D + "15:20:05"), 280, "search-api", "v3.8.3", "siobhan.kelly", "succeeded", "argo")]):
    rows.append("%d,%s,%s,%s,prod-us-east,%s,%s,%s,%s" % (77120 + i, iso(t), iso(add(t, seconds=d)), svc, rev, who, st, tool))
inc.lines("deploys.csv", rows)

# ---- prometheus query_range: active servers and 5xx share
def active(t):
    return 0 if down(add(t, seconds=-2)) else 4
def share(t):
    if down(t):
        return 0.97 + rng.random() * 0.02
    return 0.002 + rng.random() * 0.003
inc.json("prom-web-backend.json", query_range(
    [({"__name__": "haproxy_backend_active_servers", "instance": "lb01:8405", "job": "haproxy", "proxy": "web"}, active),
     ({"proxy": "fe_https", "instance": "lb01:8405"}, share)], W0, W1, 30))

# ---- amtool alert query -o json, snapshot
al = [
    amtool_alert("HAProxyBackendDown", {"proxy": "web", "instance": "lb01:8405", "severity": "warning", "team": "web"},
                 "HAProxy backend web has no active servers", WARN_ALERT, SNAP, receivers=("slack-web",)),
    amtool_alert("WebAvailabilitySLOBurn", {"service": "web", "severity": "page", "team": "web", "slo": "availability"},
                 "web availability burning error budget 36x (5m window)", SLO_ALERT, SNAP, receivers=("pagerduty-web", "slack-web"),
                 desc="5xx share at fe_https 98%"),
    amtool_alert("RedisReplicationLagHigh", {"instance": "cache-r2:9121", "severity": "warning", "team": "cache"},
                 "redis replica cache-r2 lagging > 10MB", FLAP[1][0], SNAP, receivers=("slack-cache",)),
    amtool_alert("GeoipDatabaseStale", {"job": "geoip-update", "severity": "ticket", "team": "web"},
                 "GeoIP database older than 7 days", T("2026-02-28 13:06:00"), SNAP, receivers=("slack-web",)),
]
inc.json("alerts-snapshot.json", al)

# ---- pagerduty log entries (REST), with escalation by timeout and reassignment
pd = PD(40912, "WebAvailabilitySLOBurn web availability burning error budget", "web-frontend", "PWEB042", "Web Frontend EP")
aisha = PD.user("Aisha Grant", "PAISHA1")
ben = PD.user("Ben Okafor", "PBENOK2")
tom = PD.user("Tom Reyes", "PTOMRE3")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Aisha Grant by phone.", user=aisha)
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", assigned_user=ben)
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Ben Okafor by push notification.", user=ben)
pd.add(ACK, "acknowledge_log_entry", ben, {"type": "mobile"}, "Acknowledged by Ben Okafor.")
pd.add(REASSIGN, "assign_log_entry", ben, {"type": "web_ui"}, "Reassigned to Tom Reyes by Ben Okafor.", assignees=[tom])
pd.add(RESOLVED, "resolve_log_entry", tom, {"type": "web_ui"}, "Resolved by Tom Reyes.")
inc.json("pagerduty-log.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r, tz in [("UAIS", "aisha", "Aisha Grant", "America/New_York"), ("UBEN", "ben", "Ben Okafor", "America/New_York"),
                    ("UTOM", "tom", "Tom Reyes", "America/Chicago"), ("UMAR", "marcus", "Marcus Hill", "America/New_York"),
                    ("USIO", "siobhan", "Siobhan Kelly", "Europe/Dublin"), ("UJUL", "julia", "Julia Park", "America/New_York")]:
    s.user(u, n, r, tz)
for cid, n in [("CWEBAL", "web-alerts"), ("CINC", "inc-web-503"), ("CDEP", "deploys"), ("CCACHE", "cache-team")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("web-alerts", add(c, seconds=50), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "GeoipUpdateFailed", "geoip-update job failed on web-01", color="warning"))
s.bot("web-alerts", add(WARN_ALERT, seconds=12), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "HAProxyBackendDown", "HAProxy backend web has no active servers", color="warning"))
s.bot("web-alerts", add(SLO_ALERT, seconds=12), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "WebAvailabilitySLOBurn", "web availability burning error budget 36x"))
s.bot("web-alerts", add(WARN_OK, seconds=12), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "HAProxyBackendDown", "HAProxy backend web has no active servers"))
s.bot("web-alerts", add(SLO_OK, seconds=12), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "WebAvailabilitySLOBurn", "web availability burning error budget"))
for a, b in FLAP:
    s.bot("cache-team", add(a, seconds=12), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "RedisReplicationLagHigh", "redis replica cache-r2 lagging > 10MB", color="warning"))
    s.bot("cache-team", add(b, seconds=12), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "RedisReplicationLagHigh", "redis replica cache-r2 lagging"))
for line in rows[1:]:
    f = line.split(",")
    import datetime as _d
    t = _d.datetime.fromisoformat(f[2].replace("Z", "+00:00"))
    s.bot("deploys", t, "BDEP", "deploybot", blocks=pd_slack_blocks("%s *%s* `%s` to prod-us-east by %s (%s)" % (f[7], f[3], f[5], f[6], f[8])))
ch = "inc-web-503"
s.say(ch, add(ACK, seconds=35), "UBEN", "acked (got escalated, Aisha is on a flight). site is 503 for everything, haproxy says web/<NOSRV>")
s.say(ch, WRONG, "UJUL", "payments-worker went out at 13:21 - could it have taken the web pods down?")
s.say(ch, ROLLBACK_Q, "UJUL", "should we roll back payments-worker?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "UMAR", "payments-worker doesn't serve web traffic, I doubt it. web pods all look healthy from k8s")
s.say(ch, add(REASSIGN, seconds=10), "UBEN", "pulling in Tom, there was an haproxy-config push at 13:41")
s.say(ch, COMMS, "UAIS", "landed. status page updated: 'Website unavailable, investigating'")
s.say(ch, DIAG, "UTOM", "it's my haproxy change - the check path /health/ready returns 404 on web 5.11, so every backend failed L7 checks and went DOWN. reverting")
s.say(ch, add(REVERT_PUSH, seconds=50), "UTOM", "revert pushed, haproxy reloaded, all 4 servers UP")
s.say(ch, add(SLO_OK, seconds=60), "UBEN", "5xx back to baseline. keeping the incident open a bit")
s.say(ch, add(RESOLVED, seconds=-40), "UBEN", "resolving. follow-up: health check path change needs a canary backend")
s.write(inc, "slack")

inc.truth(
    "web-lb-healthcheck", "lb-health-check-path-change",
    "An HAProxy config push changed the web backend health check to /health/ready, which the running web release answers\n"
    "with 404; every backend server went DOWN and the site served 503 <NOSRV> until the change was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PUSH, "change", "haproxy-config a91f0c2 pushed (health check path /health/ready)", "deploys.csv", 60),
     (STARTED, "first_symptom", "first web health check fails with 404; all servers DOWN, 'backend web has no server available!'", "lb01-haproxy.log", 60),
     (WARN_ALERT, "alert_fired", "HAProxyBackendDown (web) firing", "alerts-snapshot.json", 60),
     (PAGE, "paged", "PagerDuty #40912 triggered for WebAvailabilitySLOBurn", "pagerduty-log.json", 60),
     (ACK, "acknowledged", "Ben Okafor acknowledges after escalation by timeout", "pagerduty-log.json", 60),
     (COMMS, "communication", "status page: website unavailable", "slack", 90),
     (DIAG, "diagnosis", "Tom: /health/ready is 404 on web 5.11, all backends failed L7 checks", "slack", 90),
     (REVERT_PUSH, "mitigation", "revert 5d2b7e0 pushed, haproxy reloaded", "deploys.csv", 60),
     (MITIGATED, "recovery", "web servers UP again, 503s stop", "lb01-haproxy.log", 60),
     (WARN_OK, "alert_resolved", "HAProxyBackendDown resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pagerduty-log.json", 60)],
    [(CRON[-1], "geoip-update job fails every day at 13:05 UTC (expired license key)", "web-app.jsonl"),
     (OTHER_DEPLOY, "payments-worker v2.40.1 rollout by payments team", "deploys.csv"),
     (T(D + "13:47:40"), "cancelled partner ACL config run by another engineer", "deploys.csv"),
     (FLAP[0][0], "RedisReplicationLagHigh flapping for cache team", "slack"),
     (FLAP[1][0], "RedisReplicationLagHigh flapping for cache team", "alerts-snapshot.json"),
     (WRONG, "wrong hunch: payments-worker deploy", "slack"),
     (ROLLBACK_Q, "'should we roll back payments-worker?' question", "slack"),
     (T(D + "14:40:00"), "steady SSL handshake failures and recommendations timeouts all window", "lb01-haproxy.log")],
    [("lb01-haproxy.log", "logs", LTZ), ("web-app.jsonl", "logs"), ("lb-config-gitlog.txt", "git-log"), ("deploys.csv", "deploys"),
     ("prom-web-backend.json", "prometheus-query-range"), ("alerts-snapshot.json", "alertmanager-api-alerts"),
     ("pagerduty-log.json", "pagerduty-log-entries"), ("slack", "slack-export")])
