"""retired11/huddle-reconnect-storm: a hung NIC makes keepalived move the WebSocket VIP; ~600k app sockets drop and
Huddle 7.4 clients reconnect every 2 s without jitter, saturating session-svc; an edge rate limit only partly helps,
the remote-config backoff plus a scale-out ends it."""
import random
from common import *

rng = random.Random(20260519)
inc = Incident("retired11", "huddle-reconnect-storm")
TZ = "Asia/Singapore"
D = "2026-05-19 "
W0, W1 = T(D + "01:30:00"), T(D + "04:00:00")
CRON = [T("2026-05-%02d 02:00:%02d" % (d, 11 + d % 7)) for d in (16, 17, 18, 19)]
OTHER_DEPLOY = T(D + "02:05:31")
STARTED = T(D + "02:09:12")       # first ixgbe Tx Unit Hang on lb-ws-2 (precursor)
FAILOVER = T(D + "02:14:07")      # keepalived FAULT, VIP to lb-ws-3, sockets drop
ERRORS = T(D + "02:15:02")        # first rtm.connect 503 from session-svc
WARN = T(D + "02:16:40")          # HaproxyBackendQueueHigh (warning) = detection
ALERT = T(D + "02:18:20")
PAGE = T(D + "02:18:51")
ACK = T(D + "02:21:34")
COMMS = T(D + "02:24:40")
WRONG = T(D + "02:23:10")
ROLLBACK_Q = T(D + "02:25:55")
DIAG = T(D + "02:27:45")
RL = T(D + "02:31:10")            # mitigation 1: edge rate limit (partial)
RC = T(D + "02:44:40")            # mitigation 2: remote-config backoff with jitter
SCALE = T(D + "02:46:02")
MITIGATED = T(D + "02:49:30")
ALERT_OK = T(D + "02:53:20")
RESOLVED = T(D + "03:26:05")


def err_ratio(t):
    if t < ERRORS or t >= MITIGATED:
        return 0.002
    if t < RL:
        return min(0.62, 0.05 + (t - ERRORS).total_seconds() / 420.0)
    if t < RC:
        return 0.27
    x = (t - RC).total_seconds() / (MITIGATED - RC).total_seconds()
    return max(0.004, 0.27 * (1 - x))


def attempts(t):
    base = 2100.0
    if FAILOVER <= t < MITIGATED:
        if t < RC:
            return 31000.0 if t >= add(FAILOVER, seconds=20) else 12000.0
        return 31000.0 * max(0.1, 1 - (t - RC).total_seconds() / 240.0)
    return base

# ---- edge LB syslog, Singapore local time, no year/offset
sl = []
def S(t, host, prog, msg):
    sl.append((t, syslog(t, TZ, host, prog, msg)))
for h in ("lb-ws-2", "lb-ws-3"):
    for t in frange(add(W0, seconds=7 if h == "lb-ws-2" else 33), W1, 300):
        S(t, h, "haproxy[2211]", "SSL handshake failure from %d.%d.%d.%d:%d (ws-in)" % (rng.randint(1, 220), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65000)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    h = rng.choice(["lb-ws-2", "lb-ws-3"])
    S(t, h, "systemd[1]", "Started Session %d of user monitor." % rng.randint(4000, 9000))
hang = [STARTED, T(D + "02:10:40"), T(D + "02:11:52"), T(D + "02:12:31"), T(D + "02:13:05"), T(D + "02:13:44")]
def up(t):
    return "[%13.6f]" % (8812100.000412 + (t - STARTED).total_seconds())
for i, t in enumerate(hang):
    q = rng.randint(0, 15)
    S(t, "lb-ws-2", "kernel", "%s ixgbe 0000:3b:00.1 ens2f1: Detected Tx Unit Hang" % up(t))
    S(add(t, seconds=0.01), "lb-ws-2", "kernel", "%s ixgbe 0000:3b:00.1 ens2f1:   Tx Queue             <%d>" % (up(t), q))
    S(add(t, seconds=0.3), "lb-ws-2", "kernel", "%s ixgbe 0000:3b:00.1 ens2f1: tx hang %d detected on queue %d, resetting adapter" % (up(add(t, seconds=0.3)), i + 1, q))
LD = add(T(D + "02:11:52"), seconds=2)
S(LD, "lb-ws-2", "kernel", "%s ixgbe 0000:3b:00.1 ens2f1: NIC Link is Down" % up(LD))
S(add(LD, seconds=3), "lb-ws-2", "kernel", "%s ixgbe 0000:3b:00.1 ens2f1: NIC Link is Up 10 Gbps, Flow Control: RX/TX" % up(add(LD, seconds=3)))
S(add(FAILOVER, seconds=-3), "lb-ws-2", "Keepalived_vrrp[1290]", "Script `chk_ens2f1` now returning 1")
S(FAILOVER, "lb-ws-2", "Keepalived_vrrp[1290]", "(VI_WS) Entering FAULT STATE")
S(add(FAILOVER, seconds=0.2), "lb-ws-2", "Keepalived_vrrp[1290]", "(VI_WS) sent 0 priority")
S(add(FAILOVER, seconds=1), "lb-ws-3", "Keepalived_vrrp[1301]", "(VI_WS) Entering MASTER STATE")
S(add(FAILOVER, seconds=2), "lb-ws-2", "haproxy[2211]", "Server be_session/session-svc-lb is going DOWN for maintenance (interface ens2f1 down). 611384 active connections closed.")
for k, t in enumerate(frange(add(FAILOVER, seconds=40), add(RC, seconds=-30), 90)):
    S(t, "lb-ws-3", "haproxy[2190]", "backend be_session has %d queued requests, %d connections refused by session-svc (503)" % (rng.randint(9000, 22000), rng.randint(40000, 160000)))
S(add(RL, seconds=1), "lb-ws-3", "haproxy[2190]", "Reexecuting Master process")
S(add(RL, seconds=2), "lb-ws-3", "haproxy[2190]", "Proxy fe_ws started. stick-table rtm_connect_rate loaded (limit 40000/s, deny_status 429)")
inc.lines("edge-lb/messages", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- session-svc logfmt (UTC)
lg = []
def L(t, pairs):
    lg.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
for t in poisson_times(rng, W0, W1, 0.7):
    r = err_ratio(t)
    pod = "session-svc-7c9d6b8f5-%s" % rng.choice(["x2k4p", "q9tmw", "h7vnb", "d3lzr", "m8fcs", "p1wqe"])
    u = rng.choice(["Huddle/7.4.2 (iPhone; iOS 18.4)", "Huddle/7.4.1 (Android 15; Pixel 8)", "Huddle/7.3.9 (Android 14; SM-A546B)", "Huddle/7.4.2 (iPad; iPadOS 18.3)", "HuddleDesktop/5.9.0 (macOS 15.4)"])
    if r > 0.01 and rng.random() < r:
        L(t, [("level", "error"), ("pod", pod), ("msg", "rtm.connect rejected"), ("status", 503), ("err", rng.choice(["presence fanout queue full (depth=65536)", "token introspection timeout after 2s", "presence fanout queue full (depth=65536)"])), ("ua", u), ("dur_ms", rng.randint(1900, 2100))])
    elif rng.random() < 0.04:
        L(t, [("level", "warn"), ("pod", pod), ("msg", "rtm.connect unauthorized"), ("status", 401), ("err", "token expired"), ("ua", u), ("dur_ms", rng.randint(3, 12))])
    elif rng.random() < 0.2:
        L(t, [("level", "info"), ("pod", pod), ("msg", "rtm.connect ok"), ("status", 101), ("ua", u), ("dur_ms", rng.randint(20, 90) if r < 0.01 else rng.randint(600, 1900))])
L(ERRORS, [("level", "error"), ("pod", "session-svc-7c9d6b8f5-q9tmw"), ("msg", "rtm.connect rejected"), ("status", 503), ("err", "presence fanout queue full (depth=65536)"), ("ua", "Huddle/7.4.2 (iPhone; iOS 18.4)"), ("dur_ms", 2003)])
for t in poisson_times(rng, add(FAILOVER, seconds=60), RC, 1 / 50.0):
    L(t, [("level", "warn"), ("pod", "session-svc-7c9d6b8f5-%s" % rng.choice(["x2k4p", "q9tmw", "h7vnb"])), ("msg", "reconnect burst"), ("same_device_retries_10s", rng.choice([5, 5, 5, 4])), ("min_gap_ms", rng.randint(1990, 2010)), ("client", "7.4.x")])
for c in CRON[-1:]:
    L(add(c, seconds=1), [("level", "info"), ("pod", "presence-compactor-29120520-7qz2d"), ("msg", "compaction started"), ("shard_count", 64)])
    L(add(c, seconds=38), [("level", "error"), ("pod", "presence-compactor-29120520-7qz2d"), ("msg", "compaction failed"), ("err", "shard 41: snapshot checksum mismatch"), ("exit", 1)])
inc.lines("session-svc.logfmt", [l for _, l in sorted(lg, key=lambda x: x[0])])

def open_conns(h, t):
    if h == "lb-ws-2":
        return rng.randint(598000, 612000) if t < FAILOVER else 0
    if t < FAILOVER:
        return rng.randint(0, 30)
    if t < MITIGATED:
        return int(240000 * (1 - err_ratio(t))) + rng.randint(0, 5000)
    return min(606000, 240000 + int((t - MITIGATED).total_seconds() * 3000)) - rng.randint(0, 6000)


# ---- OpenMetrics (recording rules dumped by promtool tsdb dump-openmetrics)
ts = list(frange(W0, W1, 30))
fams = [
    ("huddle:rtm_connect_error_ratio:rate1m", "gauge", "Share of rtm.connect attempts answered 5xx.",
     [({"service": "session-svc", "region": "ap-southeast-1"}, [(t, round(err_ratio(t) * (1 + rng.uniform(-0.05, 0.05)), 4)) for t in ts])]),
    ("huddle:rtm_connect_attempts:rate1m", "gauge", "rtm.connect attempts per second.",
     [({"service": "session-svc", "region": "ap-southeast-1"}, [(t, round(attempts(t) * (1 + rng.uniform(-0.04, 0.04)), 1)) for t in ts])]),
    ("huddle:ws_open_connections", "gauge", "Open WebSocket connections at the edge.",
     [({"lb": h}, [(t, open_conns(h, t)) for t in ts]) for h in ("lb-ws-2", "lb-ws-3")]),
]
inc.write("metrics.om", openmetrics(fams))

# ---- deployments (GitHub Deployments API, several repos)
deps = []
for i, (t, repo, env, ref, task, who, desc) in enumerate([
        (T("2026-05-18 09:12:44"), "huddle/session-svc", "prod-apse1", "v3.8.0", "deploy", "wei.lim", "session-svc 3.8.0 (presence batching)"),
        (OTHER_DEPLOY, "huddle/emoji-service", "prod-apse1", "v2.14.1", "deploy", "priya.nair", "emoji-service 2.14.1 (skin tone packs)"),
        (add(RL, seconds=-40), "huddle/edge-haproxy", "prod-apse1", "hotfix-rtm-ratelimit", "deploy:config", "arjun.menon", "stick-table rate limit on /v2/rtm.connect 40k/s"),
        (add(RC, seconds=-25), "huddle/mobile-remote-config", "prod", "rtm-backoff-jitter", "deploy:config", "siti.rahman", "rtm_reconnect_backoff=exp(2s..60s)+full jitter for >=7.2"),
        (add(SCALE, seconds=-20), "huddle/session-svc", "prod-apse1", "v3.8.0", "deploy:scale", "wei.lim", "scale session-svc 24 -> 48"),
        (T(D + "03:41:09"), "huddle/billing-api", "prod-apse1", "v1.92.0", "deploy", "marcus.tan", "billing-api 1.92.0")]):
    did = 1840211 + i * 7
    deps.append({"url": "https://api.github.com/repos/%s/deployments/%d" % (repo, did), "id": did,
                 "node_id": "DE_kwDO" + uid(str(did), 10), "sha": hexid(rng, 40), "ref": ref, "task": task, "payload": {},
                 "original_environment": env, "environment": env, "description": desc,
                 "creator": {"login": who, "id": 3000 + i, "type": "User"},
                 "created_at": iso(t), "updated_at": iso(add(t, seconds=rng.randint(30, 200))),
                 "statuses_url": "https://api.github.com/repos/%s/deployments/%d/statuses" % (repo, did),
                 "repository_url": "https://api.github.com/repos/" + repo, "transient_environment": False, "production_environment": True})
inc.json("deployments.json", sorted(deps, key=lambda d: d["created_at"], reverse=True))

# ---- kube events (session namespace)
k = Kube(rng)
k.ev(SCALE, "session", "Deployment", "session-svc", "ScalingReplicaSet", "Scaled up replica set session-svc-7c9d6b8f5 to 48 from 24", component="deployment-controller")
for i in range(24):
    k.pod_start(add(SCALE, seconds=2 + i // 6), "session", "session-svc-7c9d6b8f5-n%02d%s" % (i, uid(str(i), 3)), "ip-10-40-%d-%d.ap-southeast-1.compute.internal" % (i % 3 * 16 + 32, 10 + i), "ghcr.io/huddle/session-svc:v3.8.0", "session-svc")
k.ev(CRON[-1], "session", "CronJob", "presence-compactor", "SuccessfulCreate", "Created job presence-compactor-29120520", component="cronjob-controller")
k.ev(add(CRON[-1], seconds=40), "session", "Job", "presence-compactor-29120520", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
k.ev(T(D + "02:33:12"), "media", "Pod", "transcode-worker-5f6d8-kk2x9", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 500", type_="Warning", host="ip-10-40-48-17.ap-southeast-1.compute.internal", count=3, first=T(D + "02:32:12"))
inc.json("kube-events.json", k.core_list())

# ---- pagerduty log entries
pd = PD(4471, "SessionSvcConnect5xx rtm.connect 5xx ratio above 5%", "session-svc", "PSESS01", "EP Realtime")
arjun = PD.user("Arjun Menon", "PARJUN1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager apse1"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Arjun Menon by push notification.", user=arjun)
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, None, "Notified Arjun Menon by phone.", user=arjun)
pd.add(ACK, "acknowledge_log_entry", arjun, {"type": "mobile"}, "Acknowledged by Arjun Menon.")
pd.add(add(RL, seconds=90), "annotate_log_entry", arjun, {"type": "web_ui", "summary": "edge rate limit in; 503s down from ~60% to ~27%, clients still retrying every 2s"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", arjun, {"type": "web_ui"}, "Resolved by Arjun Menon.")
inc.json("pd-log-entries.json", pd.export())

# ---- slack export (alerts arrive as Alertmanager bot posts)
s = Slack()
for u, n, r in [("UARJ", "arjun", "Arjun Menon"), ("UWEI", "wei", "Wei Lim"), ("USIT", "siti", "Siti Rahman"), ("UPRI", "priya", "Priya Nair"), ("UKEV", "kevin", "Kevin Ong")]:
    s.user(u, n, r, TZ)
for cid, n in [("CRTA", "realtime-alerts"), ("CINC", "inc-4471-connect"), ("CMED", "media-alerts")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("realtime-alerts", add(c, seconds=75), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job session/presence-compactor-%d failed to complete" % (29120520 - (19 - c.day) * 1440), color="warning"))
s.bot("realtime-alerts", add(ALERT, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "SessionSvcConnect5xx", "rtm.connect 5xx ratio 21.4% (session-svc, ap-southeast-1)"))
s.bot("realtime-alerts", add(ALERT_OK, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "SessionSvcConnect5xx", "rtm.connect 5xx ratio 0.3% (session-svc, ap-southeast-1)"))
s.bot("realtime-alerts", WARN, "BAM", "alertmanager", attachments=am_slack_attachment("firing", "HaproxyBackendQueueHigh", "be_session queue > 5000 on lb-ws-3", color="warning"))
s.bot("realtime-alerts", T(D + "02:50:40"), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "HaproxyBackendQueueHigh", "be_session queue > 5000 on lb-ws-3"))
for a, b in [("01:41:10", "01:47:40"), ("02:12:40", "02:19:10"), ("02:58:10", "03:06:40"), ("03:30:10", "03:35:40")]:
    s.bot("media-alerts", T(D + a), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "MediaTranscodeQueueHigh", "transcode queue depth > 2000", color="warning"))
    s.bot("media-alerts", T(D + b), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "MediaTranscodeQueueHigh", "transcode queue depth > 2000"))
ch = "inc-4471-connect"
s.say(ch, add(ACK, seconds=50), "UARJ", "acked. session-svc rtm.connect 503s, `presence fanout queue full`. connect attempts went from ~2k/s to 31k/s")
s.say(ch, WRONG, "UKEV", "emoji-service 2.14.1 went out at 02:05, could the new emoji packs be hammering presence?")
s.say(ch, add(WRONG, seconds=40), "UPRI", "emoji-service doesn't talk to session-svc at all, only the CDN")
s.say(ch, COMMS, "UWEI", "status page up: 'Some users can't connect or see messages delayed'")
s.say(ch, ROLLBACK_Q, "UKEV", "should we roll back session-svc 3.8.0 from yesterday?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "UWEI", "3.8.0 ran all of yesterday's peak fine, I don't think so")
s.say(ch, DIAG, "UARJ", "found it: lb-ws-2's ens2f1 had Tx unit hangs from 10:09 SGT, keepalived went FAULT at 10:14 and the VIP moved to lb-ws-3. ~611k sockets dropped at once and 7.4 clients reconnect every 2s with no jitter, so it's a reconnect storm on session-svc")
s.say(ch, add(DIAG, seconds=100), "UARJ", "putting a 40k/s stick-table limit on /v2/rtm.connect at the edge")
s.say(ch, add(RL, seconds=120), "UARJ", "limit is in, 503 share down to ~27% but rejected clients just come back 2s later, it's not draining")
s.say(ch, add(RL, seconds=260), "USIT", "remote config has rtm_reconnect_backoff, 7.2+ honours it. I can push exp backoff with full jitter")
s.say(ch, add(RC, seconds=10), "USIT", "backoff config published")
s.say(ch, add(SCALE, seconds=15), "UWEI", "scaling session-svc 24 -> 48 too")
s.say(ch, add(MITIGATED, seconds=40), "UARJ", "connect errors under 1%, open sockets climbing back on lb-ws-3")
s.say(ch, add(MITIGATED, minutes=12), "UWEI", "status page: monitoring")
s.say(ch, add(RESOLVED, seconds=-40), "UARJ", "30 min clean, lb-ws-2 stays drained until DC ops swap the NIC. resolving")
s.write(inc, "slack")

inc.truth(
    "huddle-reconnect-storm", "lb-nic-failover-client-reconnect-storm",
    "A hung NIC on edge LB lb-ws-2 made keepalived move the WebSocket VIP; ~611k app sockets dropped at once and Huddle 7.4\n"
    "clients reconnecting every 2 s without jitter saturated session-svc; an edge rate limit only partly helped, a remote-config backoff and a scale-out ended it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "lb-ws-2 ixgbe 'Detected Tx Unit Hang' (infrastructure precursor)", "edge-lb/messages", 60),
     (WARN, "alert_fired", "HaproxyBackendQueueHigh warning on lb-ws-3 (first alert, before the page)", "slack", 60),
     (ALERT, "alert_fired", "SessionSvcConnect5xx firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #4471 triggered", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Arjun acknowledges", "pd-log-entries.json", 60),
     (COMMS, "communication", "status page: some users can't connect", "slack", 90),
     (DIAG, "diagnosis", "Arjun: NIC hang, VIP failover, reconnect storm of 7.4 clients without jitter", "slack", 90),
     (RL, "mitigation", "edge stick-table rate limit on rtm.connect (only partly helps)", "deployments.json", 90),
     (RC, "mitigation", "remote config: exponential backoff with full jitter", "deployments.json", 90),
     (MITIGATED, "recovery", "connect error ratio back under 1%", "metrics.om", 60),
     (ALERT_OK, "alert_resolved", "SessionSvcConnect5xx resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "presence-compactor CronJob fails daily at 02:00 UTC (KubeJobFailed also on the days before)", "session-svc.logfmt"),
     (OTHER_DEPLOY, "emoji-service 2.14.1 deploy by another team", "deployments.json"),
     (T(D + "02:12:40"), "MediaTranscodeQueueHigh flapping (media team)", "slack"),
     (T(D + "02:33:12"), "transcode-worker liveness probe failures", "kube-events.json"),
     (WRONG, "wrong hunch: emoji-service deploy hammering presence", "slack"),
     (ROLLBACK_Q, "'should we roll back session-svc 3.8.0?' question", "slack"),
     (T(D + "03:00:00"), "steady 401 token expired and LB SSL handshake failures all window", "session-svc.logfmt"),
     (T(D + "03:41:09"), "billing-api deploy after the incident", "deployments.json")],
    [("edge-lb/messages", "logs", TZ), ("session-svc.logfmt", "logs"), ("metrics.om", "openmetrics"), ("deployments.json", "deploys"),
     ("kube-events.json", "kube-events"), ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
