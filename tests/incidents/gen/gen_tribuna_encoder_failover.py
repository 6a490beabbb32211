"""retired15/tribuna-encoder-failover: the venue's primary contribution link degrades during an esports final; the
primary encoder drops off the origin, and the redundant encoder's fragments, never timecode-locked and 37 s behind,
are all discarded, so the live edge freezes. Bringing the primary back over bonded cellular restarts HLS but leaves
a 10-minute hole DASH players can't cross, until the publishing point is restarted with a new period."""
import random
from common import *

rng = random.Random(20261108)
inc = Incident("retired15", "tribuna-encoder-failover")
VTZ = "Asia/Seoul"
D = "2026-11-08 "
W0, W1 = T(D + "11:00:00"), T(D + "14:00:00")
CRON = [T("2026-11-%02d 11:05:00" % d) for d in (5, 6, 7, 8)]
SUBS_DEPLOY = T(D + "11:20:14")
STARTED = add(T(D + "11:32:40"), seconds=0.112)
WARN = T(D + "11:36:00")
DROP = add(T(D + "11:38:12"), seconds=0.48)
STALL = add(T(D + "11:38:22"), seconds=0.5)
PAGE_ALERT = T(D + "11:40:20")
PAGE = T(D + "11:40:21")
ACK = T(D + "11:42:05")
WRONG = T(D + "11:43:30")
ROLLBACK_Q = T(D + "11:44:30")
DIAG = T(D + "11:46:10")
LTE = T(D + "11:47:30")
ENC_A_BACK = add(T(D + "11:48:10"), seconds=0.6)
STALE_OK = T(D + "11:49:40")
STATUS = T(D + "11:50:00")
DASH_ALERT = T(D + "11:52:10")
RESET = add(T(D + "11:58:40"), seconds=0.3)
MITIGATED = T(D + "12:00:30")
DASH_OK = T(D + "12:03:10")
HPA_UP = T(D + "12:00:05")
CHAT_DEPLOY = T(D + "12:15:03")
FIBRE_BACK = add(T(D + "12:41:20"), seconds=0.2)
ENC_B_FIX = add(T(D + "12:52:30"), seconds=0.4)
ALIGNED = add(T(D + "12:52:46"), seconds=0.9)
RESOLVED = T(D + "13:05:00")
GAP = (ENC_A_BACK - DROP).total_seconds()


def stalled(t):
    return DROP <= t < ENC_A_BACK


def dash_gap(t):
    return ENC_A_BACK <= t < MITIGATED


# ------------------------------------------------------------------ venue encoders (vendor log, Seoul local, no offset)
EN = []


def E(t, level, enc, comp, msg):
    lt = local(t, VTZ)
    EN.append((t, "%s.%03d %-5s %s %-22s %s" % (lt.strftime("%Y/%m/%d %H:%M:%S"), lt.microsecond // 1000, level, enc, comp, msg)))


def a_bitrate(t):
    if t < STARTED:
        return 21.4
    if t < DROP:
        return 16.0
    if t < ENC_A_BACK:
        return 0.0
    if t < FIBRE_BACK:
        return 6.0
    return 21.4


for t in frange(add(W0, seconds=7), W1, 60):
    dropped = 0 if not (STARTED <= t < DROP) else rng.randint(12, 140)
    up = "0/1" if stalled(t) else "1/1"
    E(t, "INFO", "enc-a", "status", "input=SDI-1 1080p59.94 locked ts_src=timecode(LTC) outputs=%s up total_bitrate=%.1fMbps dropped_frames=%d" % (up, a_bitrate(t), dropped))
    E(add(t, seconds=0.4), "INFO", "enc-b", "status", "input=SDI-1 1080p59.94 locked ts_src=%s outputs=1/1 up total_bitrate=21.4Mbps dropped_frames=0" % (
        "timecode(LTC)" if t >= ENC_B_FIX else "encoder_clock"))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    E(t, "WARN", "enc-b", "audio[2]", "level below -60 dBFS for 30s (input SDI-1 ch 3/4)")
E(STARTED, "WARN", "enc-a", "output[ingest-primary]", "network congestion: rtt=412ms retrans=8.1%, lowering total bitrate 21.4 -> 16.0 Mbps")
for t in poisson_times(rng, add(STARTED, seconds=15), DROP, 1 / 25.0):
    E(t, "WARN", "enc-a", "output[ingest-primary]", "network congestion: rtt=%dms retrans=%.1f%%, upload queue %.1fs behind" % (
        rng.randint(380, 1400), rng.uniform(6, 19), 1.0 + (t - STARTED).total_seconds() / 90.0))
E(DROP, "ERROR", "enc-a", "output[ingest-primary]", "POST https://ingest-fra.tribuna.tv/ingest/tribuna-main.isml/Streams(v1080p60) failed: connection timed out after 5000 ms; reconnecting")
for t in frange(add(DROP, seconds=10), add(LTE, seconds=-1), 10):
    E(add(t, seconds=rng.random()), "ERROR", "enc-a", "output[ingest-primary]", "reconnect failed: connect ingest-fra.tribuna.tv:443: %s" % rng.choice(
        ["connection timed out", "connection timed out", "no route to host"]))
E(LTE, "INFO", "enc-a", "network", "default route moved to bond0 (LiveU LU800, 4 modems bonded, est. 8.2 Mbps) by admin@10.8.0.21")
E(add(LTE, seconds=1.2), "INFO", "enc-a", "output[ingest-primary]", "bitrate ladder reduced for link capacity: 3 renditions (1080p60 4.0M, 720p30 1.5M, 480p30 0.5M)")
E(ENC_A_BACK, "INFO", "enc-a", "output[ingest-primary]", "connected to ingest-fra.tribuna.tv:443, streaming resumed")
E(add(FIBRE_BACK, seconds=-0.8), "INFO", "enc-a", "network", "default route moved to eth0 (KT fibre) by admin@10.8.0.21")
E(FIBRE_BACK, "INFO", "enc-a", "output[ingest-primary]", "bitrate ladder restored: 5 renditions, total 21.4 Mbps")
E(ENC_B_FIX, "INFO", "enc-b", "config", "changed by admin@10.8.0.21: output.timestamp_source encoder_clock -> timecode(LTC)")
E(add(ENC_B_FIX, seconds=0.5), "WARN", "enc-b", "output[ingest-backup]", "restarting output to apply timestamp source")
E(add(ENC_B_FIX, seconds=6.1), "INFO", "enc-b", "output[ingest-backup]", "connected to ingest-fra.tribuna.tv:443, streaming resumed")
EN.sort(key=lambda x: x[0])
inc.lines("venue-encoders.log", [l for _, l in EN])

# ------------------------------------------------------------------ origin (Apache error_log style, UTC, no offset)
OR = []
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def O(t, mod, level, msg, client=None):
    u = t.astimezone(UTC)
    ts = "%s %s %02d %s.%06d %d" % (DAYS[u.weekday()], MONTHS[u.month - 1], u.day, u.strftime("%H:%M:%S"), u.microsecond, u.year)
    pid = rng.choice([2716, 2717, 2731])
    cl = " [client %s]" % client if client else ""
    OR.append((t, "[%s] [%s:%s] [pid %d:tid %d]%s %s" % (ts, mod, level, pid, 140201 + pid % 7, cl, msg)))


ENCA_IP, ENCB_IP = "211.36.140.21:50122", "106.101.8.77:41873"
for t in frange(add(W0, seconds=31), W1, 60):
    if t < ENC_B_FIX:
        O(t, "live_ingest", "info", "tribuna-main.isml: ignored 150 fragments from input enc-b in the last 60s (timestamp before last ingested, min delta -37.400s)")
    elif t > add(ALIGNED, seconds=20):
        O(t, "live_ingest", "info", "tribuna-main.isml: ignored 150 fragments from input enc-b in the last 60s (duplicate of ingested fragment)")
for t in frange(add(STARTED, seconds=50), DROP, 20):
    O(add(t, seconds=rng.random()), "live_ingest", "warn", "tribuna-main.isml: input enc-a fragment arrived %.1fs after wall clock" % (1.0 + (t - STARTED).total_seconds() / 85.0), client=ENCA_IP)
O(add(DROP, seconds=5.0), "live_ingest", "error", "tribuna-main.isml: input enc-a timed out (no data for 5.0s), switching to redundant input enc-b", client=ENCA_IP)
O(add(STALL, seconds=5.0), "live_ingest", "error", "tribuna-main.isml: live edge stalled: no fragment accepted for 10s (enc-a: down, enc-b: ignored, delta -37.400s)")
for t in frange(add(STALL, seconds=35), ENC_A_BACK, 30):
    O(t, "live_ingest", "warn", "tribuna-main.isml: live edge age %ds, last fragment 2026-11-08T11:38:12Z" % int((t - DROP).total_seconds()))
O(ENC_A_BACK, "live_ingest", "notice", "tribuna-main.isml: input enc-a resumed (3 of 5 tracks); timeline gap of %.1fs (2026-11-08T11:38:12Z - 2026-11-08T11:48:10Z)" % GAP, client="223.62.14.9:38811")
O(add(ENC_A_BACK, seconds=0.2), "live_ingest", "warn", "tribuna-main.isml: tracks v1440p60, v720p60 missing from active input enc-a")
for t in poisson_times(rng, add(ENC_A_BACK, seconds=8), add(RESET, seconds=40), 0.35):
    O(t, "mp4", "error", "tribuna-main.isml/dash/%s: no media in requested range (timeline gap), returning 404" % rng.choice(
        ["v1080p60-%d.m4s", "v720p30-%d.m4s", "a-eng-%d.m4s"]) % (int(epoch(DROP)) * 1000 + rng.randint(0, 590) * 2000),
      client="10.40.%d.%d:%d" % (rng.randint(0, 7), rng.randint(2, 250), rng.randint(30000, 60000)))
O(RESET, "live_ingest", "notice", "tribuna-main.isml: publishing point restart requested via REST API by felix.braun", client="10.20.1.14:40522")
O(add(RESET, seconds=0.9), "live_ingest", "notice", "tribuna-main.isml: new period p2 started at 2026-11-08T11:58:41Z, DVR window reset (was 7200s)")
O(add(FIBRE_BACK, seconds=2.0), "live_ingest", "notice", "tribuna-main.isml: input enc-a tracks v1440p60, v720p60 back (5 of 5 tracks)", client=ENCA_IP)
O(add(ENC_B_FIX, seconds=1.0), "live_ingest", "warn", "tribuna-main.isml: input enc-b disconnected", client=ENCB_IP)
O(ALIGNED, "live_ingest", "notice", "tribuna-main.isml: input enc-b timestamps aligned with active input enc-a (delta 0.000s), redundancy OK", client=ENCB_IP)
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    O(t, "mp4", "warn", "tribuna-main.isml/hls/v720p30.m3u8: client closed connection while sending (Broken pipe)",
      client="10.40.%d.%d:%d" % (rng.randint(0, 7), rng.randint(2, 250), rng.randint(30000, 60000)))
for t in poisson_times(rng, W0, W1, 1 / 160.0):
    O(t, "mp4", "error", "tribuna-main.isml/hls/v1080p60-%d.ts: fragment not found (requested beyond live edge)" % (int(epoch(t)) // 2),
      client="10.40.%d.%d:%d" % (rng.randint(0, 7), rng.randint(2, 250), rng.randint(30000, 60000)))
OR.sort(key=lambda x: x[0])
inc.lines("origin-fra/error_log", [l for _, l in OR])

# ------------------------------------------------------------------ beacon collector nginx access log (UTC)
PL = [("web", "hls.js-1.6.2", "web-3.4.0", "hls", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"),
      ("web", "hls.js-1.6.2", "web-3.4.0", "hls", "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15"),
      ("ios", "AVPlayer", "ios-2.11.0", "hls", "Tribuna/2.11.0 (iPhone; iOS 19.1; Scale/3.00)"),
      ("android", "media3-1.7.1", "android-2.11.2", "dash", "Tribuna/2.11.2 (Linux; U; Android 15; Pixel 9)"),
      ("android", "media3-1.7.1", "android-2.10.4", "dash", "Tribuna/2.10.4 (Linux; U; Android 14; SM-A556E)"),
      ("tv", "dash.js-5.1.0", "tv-1.8.0", "dash", "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 WebAppManager")]
BC = []


def bq(t, ev, p, **kw):
    q = [("ev", ev), ("sid", hexid(rng, 16)), ("p", p[0]), ("pl", p[1]), ("av", p[2]), ("c", "tribuna-main"), ("st", p[3])] + list(kw.items())
    qs = "&".join("%s=%s" % (k, v) for k, v in q)
    ip = "%d.%d.%d.%d" % (rng.choice([1, 14, 27, 58, 61, 110, 121, 175, 211]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    BC.append((t, nginx(t, ip, "GET", "/v1/b?" + qs, 204, 0, p[4], rng.uniform(0.0, 0.002), ref="https://watch.tribuna.gg/")))


for t in poisson_times(rng, W0, W1, 0.45):
    p = rng.choice(PL)
    if stalled(add(t, seconds=-20)) or (p[3] == "dash" and dash_gap(add(t, seconds=-10))):
        continue
    bq(t, "hb", p, pos=rng.randint(0, 7200), br=rng.choice([4000, 6000, 8000, 12000]))
for t in poisson_times(rng, W0, W1, 0.08):
    bq(t, "start", rng.choice(PL), ttff=rng.randint(800, 2600))
for t in poisson_times(rng, add(RESET, seconds=20), add(RESET, seconds=140), 1.5):
    bq(t, "start", rng.choice([p for p in PL if p[3] == "dash"]), ttff=rng.randint(1500, 4200), rejoin=1)
for t in poisson_times(rng, add(DROP, seconds=21), add(ENC_A_BACK, seconds=14), 2.6):
    p = rng.choice(PL)
    if p[0] == "web":
        bq(t, "error", p, code="bufferStalledError", fatal=0)
    elif p[0] == "ios":
        bq(t, "error", p, code="CoreMediaErrorDomain:-12888", fatal=1 if rng.random() < 0.4 else 0)
    elif p[0] == "android":
        bq(t, "stall", p, dur=rng.randint(8, 60))
    else:
        bq(t, "error", p, code="dashjs:MANIFEST_UPDATE_NO_NEW_SEGMENTS", fatal=0)
for t in poisson_times(rng, add(ENC_A_BACK, seconds=12), MITIGATED, 1.6):
    p = rng.choice([p for p in PL if p[3] == "dash"])
    if p[0] == "android":
        bq(t, "error", p, code="ERROR_CODE_BEHIND_LIVE_WINDOW:1002", fatal=1)
    else:
        bq(t, "error", p, code="dashjs:27:DOWNLOAD_ERROR_ID_CONTENT:404", fatal=1)
for t in poisson_times(rng, W0, W1, 1 / 30.0):  # benign, all day
    p = rng.choice(PL)
    bq(t, "error", p, code=rng.choice(["fragLoadError:0", "networkError:timeout", "thumbnail:404"]), fatal=0)
BC.sort(key=lambda x: x[0])
inc.lines("beacon-collector/access.log.gz", [l for _, l in BC])

# ------------------------------------------------------------------ prometheus query_range
def edge_age(t):
    if stalled(t):
        return 3.0 + (t - DROP).total_seconds()
    return 2.0 + (int(epoch(t)) % 4) * 0.5


def acc_a(t):
    if t < STARTED:
        return 2.5
    if t < DROP:
        return 2.2
    if t < ENC_A_BACK:
        return 0.0
    if t < FIBRE_BACK:
        return 1.5
    return 2.5


def late_a(t):
    if STARTED <= t < DROP:
        return 1.0 + (t - STARTED).total_seconds() / 85.0
    if stalled(t):
        return None
    return 0.2 + 0.1 * (int(epoch(t)) % 3)


def ign_b(t):
    return 0.0 if ENC_B_FIX <= t < add(ENC_B_FIX, seconds=20) else 2.5


def fatal(kind):
    def f(t):
        if kind == "dash" and dash_gap(add(t, seconds=-15)):
            return 0.31 + 0.02 * (int(epoch(t)) // 15 % 3)
        if stalled(add(t, seconds=-25)):
            return 0.12 if kind == "hls" else 0.06
        return 0.003 + 0.001 * (int(epoch(t)) // 60 % 2)
    return f


ser = [({"__name__": "origin_live_edge_age_seconds", "channel": "tribuna-main", "instance": "origin-fra-1"}, edge_age),
       ({"__name__": "origin:ingest_fragments_accepted:rate1m", "channel": "tribuna-main", "input": "enc-a"}, acc_a),
       ({"__name__": "origin:ingest_fragments_accepted:rate1m", "channel": "tribuna-main", "input": "enc-b"}, lambda t: 0.0),
       ({"__name__": "origin:ingest_fragments_ignored:rate1m", "channel": "tribuna-main", "input": "enc-b"}, ign_b),
       ({"__name__": "origin_ingest_input_lateness_seconds", "channel": "tribuna-main", "input": "enc-a"}, late_a),
       ({"__name__": "beacon:fatal_error_ratio:rate2m", "channel": "tribuna-main", "stream_type": "hls"}, fatal("hls")),
       ({"__name__": "beacon:fatal_error_ratio:rate2m", "channel": "tribuna-main", "stream_type": "dash"}, fatal("dash"))]
inc.json("prom-origin-20261108.json", query_range(ser, W0, W1, 15), indent=None)

# ------------------------------------------------------------------ kube events (event-exporter archive, events.k8s.io/v1)
k = Kube(rng)
for i, c in enumerate(CRON):
    job = "vod-clip-exporter-%d" % (29372000 + i * 1440)
    k.ev(c, "vod", "CronJob", "vod-clip-exporter", "SuccessfulCreate", "Created job " + job, component="cronjob-controller")
    k.ev(add(c, seconds=1), "vod", "Job", job, "SuccessfulCreate", "Created pod: %s-%s" % (job, uid(job, 5)), component="job-controller")
    k.ev(add(c, seconds=62), "vod", "Pod", "%s-%s" % (job, uid(job, 5)), "BackOff", "Back-off restarting failed container exporter in pod %s-%s_vod" % (job, uid(job, 5)),
         type_="Warning", host="ip-10-40-3-%d.eu-central-1.compute.internal" % (20 + i), count=3, first=add(c, seconds=20))
    k.ev(add(c, minutes=2, seconds=14), "vod", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
    k.ev(add(c, minutes=2, seconds=15), "vod", "CronJob", "vod-clip-exporter", "SawCompletedJob", "Saw completed job: %s, condition: Failed" % job, component="cronjob-controller")
k.ev(SUBS_DEPLOY, "live", "Deployment", "subtitles-svc", "ScalingReplicaSet", "Scaled up replica set subtitles-svc-6d8f9c7b54 from 0 to 1", component="deployment-controller")
k.pod_start(add(SUBS_DEPLOY, seconds=1), "live", "subtitles-svc-6d8f9c7b54-x2kqp", "ip-10-40-2-17.eu-central-1.compute.internal",
            "registry.tribuna.tv/live/subtitles-svc:2.3.0", "subtitles-svc")
k.ev(add(SUBS_DEPLOY, seconds=40), "live", "Deployment", "subtitles-svc", "ScalingReplicaSet", "Scaled down replica set subtitles-svc-5b7c44d9f8 from 1 to 0", component="deployment-controller")
k.ev(HPA_UP, "live", "HorizontalPodAutoscaler", "live-origin", "SuccessfulRescale", "New size: 6; reason: cpu resource utilization (percentage of request) above target",
     component="horizontal-pod-autoscaler")
for i in range(2):
    k.pod_start(add(HPA_UP, seconds=1 + i), "live", "live-origin-7f5d6c9b8-%s" % uid("lo%d" % i, 5), "ip-10-40-1-%d.eu-central-1.compute.internal" % (31 + i),
                "registry.tribuna.tv/live/origin:1.14.2", "live-origin")
k.ev(T(D + "12:26:10"), "live", "HorizontalPodAutoscaler", "live-origin", "SuccessfulRescale", "New size: 4; reason: All metrics below target",
     component="horizontal-pod-autoscaler")
k.ev(CHAT_DEPLOY, "community", "Deployment", "chat-gateway", "ScalingReplicaSet", "Scaled up replica set chat-gateway-84c9b6f7d5 from 0 to 3", component="deployment-controller")
for i in range(3):
    k.pod_start(add(CHAT_DEPLOY, seconds=2 + i * 9), "community", "chat-gateway-84c9b6f7d5-%s" % uid("cg%d" % i, 5),
                "ip-10-40-4-%d.eu-central-1.compute.internal" % (11 + i), "registry.tribuna.tv/community/chat-gateway:5.0.1", "chat-gateway")
k.ev(add(CHAT_DEPLOY, seconds=75), "community", "Deployment", "chat-gateway", "ScalingReplicaSet", "Scaled down replica set chat-gateway-6f9d8c5b47 from 3 to 0", component="deployment-controller")
k.ev(T(D + "11:12:33"), "live", "Pod", "live-origin-7f5d6c9b8-q8wzt", "Unhealthy", "Readiness probe failed: Get \"http://10.40.1.29:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
     type_="Warning", host="ip-10-40-1-29.eu-central-1.compute.internal")
inc.json("events-live.json", k.v1_list())

# ------------------------------------------------------------------ PagerDuty v2 webhooks
pd = PD(2207, "LiveManifestStale: tribuna-main live edge older than 60s", "Live Streaming", "PLSTR07", esc_policy="Live Streaming On-Call")
felix = PD.user("Felix Braun", "PFBRA01")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMTR01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", felix, {"type": "mobile"}, "Acknowledged by Felix Braun.")
pd.add(T(D + "11:47:02"), "annotate_log_entry", felix, {"type": "web_ui", "summary": "enc-a lost venue uplink; enc-b fragments discarded by origin (timestamps -37.4s, not timecode-locked)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", felix, {"type": "web_ui"}, "Resolved by Felix Braun.")
bodies = pd_webhook_v2_bodies(pd, 2207, "LiveManifestStale: tribuna-main live edge older than 60s", PAGE)
pd2 = PD(2205, "ChatGatewayHighLatency: chat-gateway p99 above 800ms", "Community Chat", "PCHAT03", esc_policy="Community")
for a, b_ in [("11:24:10", "11:31:40"), ("12:19:30", "12:27:10")]:
    pd2.add(T(D + a), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
    pd2.add(T(D + b_), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
bodies += pd_webhook_v2_bodies(pd2, 2205, "ChatGatewayHighLatency: chat-gateway p99 above 800ms", T(D + "11:24:10"), urgency="low")
bodies.sort(key=lambda b: b["messages"][0]["created_on"])
inc.lines("pd-webhooks.jsonl", [jline(b) for b in bodies])

# ------------------------------------------------------------------ slack
s = Slack()
for u, n, r, tz in [("U9FELIX", "felix", "Felix Braun", "Europe/Berlin"), ("U9LENA", "lena", "Lena Vogt", "Europe/Berlin"),
                    ("U9JISOO", "jisoo.han", "Jisoo Han", "Asia/Seoul"), ("U9MARCO", "marco", "Marco Rossi", "Europe/Rome"),
                    ("U9AIKO", "aiko", "Aiko Tanaka", "Asia/Tokyo")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C9ALRT", "live-alerts", "Alertmanager: live streaming"), ("C9PLAT", "platform-alerts", "Alertmanager: platform"),
                  ("C9INC", "inc-2207-worlds-final", "INC-2207"), ("C9VEN", "venue-seoul", "Broadcast compound Seoul"),
                  ("C9STAT", "status-page", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("platform-alerts", add(c, minutes=3), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job vod/vod-clip-exporter failed to complete\nseverity: warning", color="warning"))
for a, b_ in [("11:24:10", "11:31:40"), ("11:55:20", "11:58:00"), ("12:19:30", "12:27:10")]:
    s.bot("platform-alerts", T(D + a), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "ChatGatewayHighLatency", "chat-gateway p99 above 800ms", color="warning"))
    s.bot("platform-alerts", T(D + b_), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "ChatGatewayHighLatency", "chat-gateway p99"))
A = "live-alerts"
s.bot(A, add(WARN, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "LiveIngestInputLagging", "tribuna-main input enc-a fragments arriving 3.4s late", color="warning"))
s.bot(A, add(PAGE_ALERT, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "LiveManifestStale", "tribuna-main live edge older than 60s (128s) - paging"))
s.bot(A, add(STALE_OK, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "LiveManifestStale", "tribuna-main live edge"))
s.bot(A, add(STALE_OK, seconds=31), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "LiveIngestInputLagging", "tribuna-main input enc-a"))
s.bot(A, add(DASH_ALERT, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "PlayerFatalErrorRateHigh", "fatal player errors 31% for stream_type=dash on tribuna-main", color="warning"))
s.bot(A, add(DASH_OK, seconds=30), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "PlayerFatalErrorRateHigh", "fatal player errors stream_type=dash"))
s.say(A, T(D + "11:37:10"), "U9LENA", "enc-a lagging 3-4s into ingest. enc-b is the hot backup, so even if enc-a drops we should be fine")
s.say("venue-seoul", T(D + "11:33:50"), "U9JISOO", "KT line in the compound looks rough, enc-a reports retransmits and lowered its bitrate. watching")
s.say("venue-seoul", T(D + "11:38:40"), "U9JISOO", "enc-a output is down, reconnecting fails. enc-b still pushing on LG U+")
ch = "inc-2207-worlds-final"
s.say(ch, add(ACK, seconds=25), "U9FELIX", "acked 2207. tribuna-main manifests stuck since ~11:38, live edge age climbing, players stalling everywhere")
s.say(ch, WRONG, "U9FELIX", "origin went to 1.14 on Friday, maybe the input failover path regressed?")
s.say(ch, ROLLBACK_Q, "U9LENA", "should we roll back the origin to 1.13?")
s.say(ch, T(D + "11:45:00"), "U9JISOO", "enc-a lost its uplink, the KT fibre at the venue has had heavy loss since ~20:32 local. enc-b is up and pushing fine")
s.say(ch, DIAG, "U9FELIX", "found it: origin discards every enc-b fragment with 'timestamp before last ingested, min delta -37.400s'. enc-b isn't timecode-locked (encoder_clock), it runs 37s behind enc-a, so the backup input was never usable and the live edge froze when enc-a dropped at 11:38:12. not 1.14, that ignore line is in the log all week")
s.say(ch, T(D + "11:46:50"), "U9LENA", "can we shift enc-b by +37s?")
s.say(ch, T(D + "11:47:10"), "U9JISOO", "not without restarting its output. I can put enc-a on the LiveU bonding unit instead, ~8 Mbps")
s.say(ch, add(LTE, seconds=5), "U9JISOO", "moving enc-a to the LiveU now")
s.say(ch, T(D + "11:48:40"), "U9JISOO", "enc-a pushing again over cellular, 3 renditions")
s.say(ch, T(D + "11:49:30"), "U9FELIX", "live edge moving again, HLS players (web, iOS) recovered")
s.say(ch, T(D + "11:53:20"), "U9FELIX", "Android and TVs (DASH) still failing: 11:38:12-11:48:10 is a hole in the timeline and ExoPlayer/dash.js can't get across it (BEHIND_LIVE_WINDOW, 404 on the gap). we need a new period")
s.say(ch, T(D + "11:55:30"), "U9LENA", "restart the publishing point then. it drops the DVR window for people rewinding, accepted")
s.say(ch, add(RESET, seconds=15), "U9FELIX", "POST /api/channels/tribuna-main/restart done, period p2 from 11:58:41")
s.say(ch, T(D + "12:01:10"), "U9FELIX", "DASH clients rejoined, fatal errors back to baseline since ~12:00:30")
s.say(ch, T(D + "12:02:30"), "U9AIKO", "support queue calming down, mostly 'stream froze' tickets from 11:40-12:00")
s.say(ch, T(D + "12:10:00"), "U9MARCO", "chat-gateway 5.0.1 going out at 12:15, unrelated, just so you know")
s.say(ch, T(D + "12:30:40"), "U9JISOO", "KT found a damaged patch cable in the broadcast compound, fibre clean again")
s.say(ch, add(FIBRE_BACK, seconds=20), "U9JISOO", "enc-a back on fibre, 5 renditions")
s.say(ch, add(ALIGNED, seconds=15), "U9JISOO", "enc-b now timestamps from LTC, origin says aligned, delta 0.000s")
s.say(ch, T(D + "13:04:40"), "U9FELIX", "redundancy verified, resolving 2207. postmortem items: enc-b was set up Thursday without timecode lock; alert on the enc-b ignore delta")
s.bot("status-page", STATUS, "B9SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Worlds Final stream interrupted",
      "title": "Investigating - Worlds Final stream interrupted for some viewers", "text": "The live stream froze for many viewers from about 11:38 UTC. Web and iOS have recovered; we are working on Android and TV apps.", "mrkdwn_in": ["text"]}])
s.bot("status-page", T(D + "12:04:00"), "B9SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Worlds Final stream",
      "title": "Monitoring - Worlds Final stream", "text": "The stream is working again on all apps. Rewinding before 11:58 UTC is not available.", "mrkdwn_in": ["text"]}])
s.bot("status-page", add(RESOLVED, minutes=3), "B9SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - Worlds Final stream",
      "title": "Resolved - Worlds Final stream", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "tribuna-encoder-failover", "contribution-link-loss-redundant-encoder-timestamps-misaligned-live-edge-freeze",
    "The venue's primary uplink degraded and encoder A dropped off the origin; encoder B, never timecode-locked and 37 s behind, was discarded, so the live edge froze.\n"
    "Encoder A back over bonded cellular restarted HLS, but DASH players failed on the 10-minute timeline hole until the publishing point was restarted with a new period.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "enc-a: network congestion on the venue fibre, bitrate lowered (infrastructure precursor)", "venue-encoders.log", 60),
     (WARN, "alert_fired", "LiveIngestInputLagging (warning) for enc-a", "slack", 60),
     (PAGE, "paged", "PagerDuty #2207 triggered by LiveManifestStale", "pd-webhooks.jsonl", 60),
     (ACK, "acknowledged", "Felix Braun acknowledges", "pd-webhooks.jsonl", 60),
     (DIAG, "diagnosis", "Felix: origin discards enc-b fragments (-37.4 s, not timecode-locked), live edge froze when enc-a dropped", "slack", 90),
     (ENC_A_BACK, "mitigation", "enc-a resumes over LiveU bonded cellular; live edge moves, HLS recovers, DASH still fails (partial)", "origin-fra/error_log", 60),
     (STATUS, "communication", "Statuspage: Worlds Final stream interrupted for some viewers", "slack", 60),
     (DASH_ALERT, "alert_fired", "PlayerFatalErrorRateHigh for stream_type=dash", "slack", 60),
     (RESET, "mitigation", "publishing point restarted via API, new period p2", "origin-fra/error_log", 60),
     (MITIGATED, "recovery", "DASH fatal errors back to baseline after clients rejoin", "beacon-collector/access.log.gz", 90),
     (ENC_B_FIX, "change", "enc-b timestamp source switched to LTC timecode; origin reports inputs aligned", "venue-encoders.log", 60),
     (RESOLVED, "resolved", "PagerDuty #2207 resolved after redundancy verified", "pd-webhooks.jsonl", 60)],
    [(CRON[-1], "daily vod-clip-exporter CronJob failure (BackoffLimitExceeded), also Nov 5-7", "events-live.json"),
     (SUBS_DEPLOY, "subtitles-svc rollout", "events-live.json"),
     (CHAT_DEPLOY, "community team's chat-gateway 5.0.1 rollout", "events-live.json"),
     (T(D + "11:24:10"), "ChatGatewayHighLatency (community) flapping, own low-urgency PagerDuty incident", "pd-webhooks.jsonl"),
     (HPA_UP, "live-origin HPA scale-up as DASH clients rejoin", "events-live.json"),
     (T(D + "11:12:33"), "one live-origin readiness probe timeout before the incident", "events-live.json"),
     (STALE_OK, "LiveManifestStale resolves while DASH players still fail", "slack"),
     (T(D + "11:37:10"), "wrong assumption: enc-b hot backup will cover an enc-a drop", "slack"),
     (WRONG, "wrong hunch: origin 1.14 upgrade regressed failover", "slack"),
     (ROLLBACK_Q, "'should we roll back the origin to 1.13?' question, not done", "slack"),
     (T(D + "12:30:00"), "steady broken-pipe and beyond-live-edge 404s in the origin log, enc-b audio-level warnings", "origin-fra/error_log")],
    [("venue-encoders.log", "logs", VTZ), ("origin-fra/error_log", "logs", "UTC"), ("beacon-collector/access.log.gz", "logs"),
     ("prom-origin-20261108.json", "prometheus-query-range"), ("events-live.json", "kube-events"),
     ("pd-webhooks.jsonl", "pagerduty-log-entries"), ("slack", "slack-export")])
