"""retired15/kinora-cdn-pop-503: the primary CDN's London and Manchester POPs start answering 503 for a share of live
segment requests during a pay-per-view concert; UK viewers report buffering before any alert, the page is
acknowledged only after escalation, a 30% steering change helps only players that follow content steering,
and moving all UK traffic to the second CDN with re-steer-on-error ends it; resolved after the vendor recovers."""
import random
from common import *

rng = random.Random(20260822)
inc = Incident("retired15", "kinora-cdn-pop-503")
LTZ = "Europe/London"
D = "2026-08-22 "
W0, W1 = T(D + "19:30:00"), T(D + "22:30:00")
STARTED = add(T(D + "19:47:31"), seconds=0.208)
PLAYER_REL = T(D + "19:55:04")
CRON = [T("2026-08-%02d 20:00:%02d" % (d, 1 + d % 3)) for d in (19, 20, 21, 22)]
SUPPORT = T(D + "20:02:10")
PAGE = T(D + "20:06:40")
REBUF_WARN = T(D + "20:07:10")
VSF_ALERT = T(D + "20:09:30")
WRONG = T(D + "20:08:30")
ROLLBACK_Q = T(D + "20:11:00")
ADS_CHANGE = T(D + "20:14:05")
VENDOR_INV = T(D + "20:19:00")
ESCALATE = T(D + "20:21:41")
ACK = T(D + "20:24:05")
DIAG = T(D + "20:27:30")
STEER1 = T(D + "20:31:15")
STATUS = T(D + "20:35:00")
SNAPSHOT = T(D + "20:38:12")
VENDOR_IDENT = T(D + "20:41:00")
STEER2 = T(D + "20:44:50")
MITIGATED = T(D + "20:47:30")
REBUF_OK = T(D + "20:50:30")
VSF_OK = T(D + "20:52:00")
VENDOR_FIX = T(D + "21:05:00")
VENDOR_MON = T(D + "21:12:00")
VENDOR_RES = T(D + "21:35:00")
STEER3 = T(D + "21:48:20")
STEER4 = T(D + "21:49:05")
RESOLVED = T(D + "22:05:00")


def lin(t, pts):
    for (a, va), (b, vb) in zip(pts, pts[1:]):
        if a <= t <= b:
            return va + (vb - va) * (t - a).total_seconds() / max(1.0, (b - a).total_seconds())
    return pts[0][1] if t < pts[0][0] else pts[-1][1]


def err(t):
    """share of Skylane LHR/MAN segment requests answered 503."""
    if t < STARTED or t >= VENDOR_FIX:
        return 0.0
    if t < T(D + "20:00:00"):
        return 0.01 + 0.17 * (t - STARTED).total_seconds() / (T(D + "20:00:00") - STARTED).total_seconds()
    return 0.18 + 0.03 * ((int(epoch(t)) // 120) % 2)


def sk_gb(t):
    """share of GB sessions fetching from Skylane."""
    if t < STEER1:
        return 1.0
    if t < STEER2:
        return lin(t, [(STEER1, 1.0), (add(STEER1, seconds=300), 0.55), (STEER2, 0.53)])
    if t < MITIGATED:
        return lin(t, [(STEER2, 0.53), (MITIGATED, 0.0)])
    if t < STEER3:
        return 0.0
    return lin(t, [(STEER3, 0.0), (add(STEER3, minutes=12), 1.0)])


def gb_sessions(t):
    return lin(t, [(W0, 80e3), (T(D + "20:00:00"), 310e3), (T(D + "21:55:00"), 335e3), (T(D + "22:10:00"), 90e3), (W1, 20e3)])


def de_sessions(t):
    return lin(t, [(W0, 40e3), (T(D + "20:00:00"), 92e3), (T(D + "21:55:00"), 96e3), (T(D + "22:10:00"), 30e3), (W1, 8e3)])


# ------------------------------------------------------------------ Skylane real-time log delivery (TSV, epoch ms)
UAS = ["Kinora/4.9.2 (iPhone; iOS 19.5) AppleCoreMedia/1.0.0.23F79", "Kinora/4.9.2 (AppleTV; tvOS 19.5) AppleCoreMedia/1.0.0.23J51",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36",
       "Mozilla/5.0 (SMART-TV; LINUX; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) 94.0.4606.31/7.0 TV Safari/537.36",
       "KinoraAndroid/4.9.0 (Linux; Android 15; SM-S921B) ExoPlayerLib/2.19.1", "Roku/DVP-14.1 (14.1.4.5012-46)"]
POPS = {"GB": [("LHR", 0.7), ("MAN", 0.3)], "DE": [("FRA", 0.8), ("MUC", 0.2)], "NL": [("AMS", 1.0)], "IE": [("DUB", 1.0)], "FR": [("CDG", 1.0)]}


def pick_pop(c):
    r, acc = rng.random(), 0.0
    for p, w in POPS[c]:
        acc += w
        if r <= acc:
            return p
    return POPS[c][-1][0]


def seg_path(t):
    seq = int(epoch(t) // 2) - 890000000
    r = rng.random()
    if r < 0.08:
        return "/live/kinora-ppv-0822/cmaf/v%d.m3u8" % rng.randint(1, 6), 1400, "application/vnd.apple.mpegurl"
    return "/live/kinora-ppv-0822/cmaf/v%d/seg_%d.m4s" % (rng.randint(1, 6), seq - rng.randint(0, 3)), rng.randint(300000, 2600000), "video/mp4"


def cip(c):
    first = {"GB": [31, 51, 81, 86, 92, 109, 176], "DE": [46, 79, 84, 91, 93], "NL": [77, 145], "IE": [37, 89], "FR": [78, 90]}[c]
    return "%d.%d.%d.%d" % (rng.choice(first), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


RTL = []


def rtl(t, pop, ip, path, status, size, ttfb, cache, country, ua, ctype):
    RTL.append((t, "\t".join([str(int(epoch(t) * 1000)), pop, ip, "GET", "live.kinora.tv", path, str(status), str(size),
                              str(ttfb), cache, country, ctype, ua])))


rtl(STARTED, "LHR", cip("GB"), "/live/kinora-ppv-0822/cmaf/v5/seg_%d.m4s" % (int(epoch(STARTED) // 2) - 890000001), 503, 312, 4012,
    "ERROR", "GB", UAS[1], "text/html")
rtl(add(MITIGATED, seconds=-8.4), "MAN", cip("GB"), "/live/kinora-ppv-0822/cmaf/v4/seg_%d.m4s" % (int(epoch(MITIGATED) // 2) - 890000005), 503, 312, 3877,
    "ERROR", "GB", UAS[1], "text/html")
for t in poisson_times(rng, W0, W1, 1.25):
    c = rng.choice(["GB"] * 11 + ["DE"] * 5 + ["NL", "IE", "FR", "FR"])
    if c == "GB" and rng.random() > sk_gb(t):
        continue  # steered to CloudFront
    if c != "GB" and rng.random() < 0.4:
        continue
    pop = pick_pop(c)
    path, size, ctype = seg_path(t)
    ua = rng.choice(UAS)
    if pop in ("LHR", "MAN") and rng.random() < err(t):
        rtl(t, pop, cip(c), path, 503, 312, rng.randint(1800, 5200), "ERROR", c, ua, "text/html")
        continue
    r = rng.random()
    if r < 0.003:
        rtl(t, pop, cip(c), path.replace("seg_", "seg_9"), 404, 0, rng.randint(8, 40), "MISS", c, ua, "text/plain")
    elif r < 0.005:
        rtl(t, pop, cip(c), path + "?tok=exp", 403, 0, rng.randint(1, 6), "TOKEN_EXPIRED", c, ua, "text/plain")
    else:
        cache = "HIT" if rng.random() < 0.94 else "MISS"
        rtl(t, pop, cip(c), path, 200, size, rng.randint(3, 30) if cache == "HIT" else rng.randint(40, 180), cache, c, ua, ctype)
RTL.sort(key=lambda x: x[0])
hdr = ["#Version: 2.1", "#Service: skylane-rtl property=live.kinora.tv sampling=1/2000",
       "#Fields: timestamp_ms\tpop\tclient_ip\tmethod\thost\tpath\tstatus\tbytes\tttfb_ms\tcache_status\tcountry\tcontent_type\tuser_agent"]
inc.lines("skylane-rtl-live.kinora.tv-20260822.tsv.gz", hdr + [l for _, l in RTL])

# ------------------------------------------------------------------ origin shield: haproxy via syslog, London local time
SH = []
SK_IPS = ["185.31.%d.%d" % (16 + i, 10 + i * 7) for i in range(4)]
CF_IPS = ["130.176.%d.%d" % (i * 11, 20 + i) for i in range(1, 6)] + ["64.252.%d.%d" % (70 + i, 3 + i) for i in range(3)]


def hap(t, host, pid, ip, srv, status, size, tr, path):
    lt = local(t, LTZ)
    acc = "%02d/%s/%d:%s.%03d" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)
    conns = rng.randint(700, 900)
    msg = '%s:%d [%s] fe_shield~ be_packager/%s 0/0/1/%d/%d %d %d - - ---- %d/%d/%d/%d/0 0/0 "GET %s HTTP/1.1"' % (
        ip, rng.randint(20000, 65000), acc, srv, tr, tr + 1, status, size, conns, conns - 20, rng.randint(8, 30), rng.randint(2, 9), path)
    SH.append((t, syslog(t, LTZ, host, "haproxy[%d]" % pid, msg)))


for t in poisson_times(rng, W0, W1, 0.30):
    gb = sk_gb(t)
    w_sk = 0.7 * (0.55 * gb + 0.45 * 0.6) * (1 - err(t) * 0.8)
    w_cf = 0.55 * (1 - gb) * (2.2 if MITIGATED <= t < add(MITIGATED, minutes=15) else 1.0) + 0.45 * 0.4
    r = rng.random() * (w_sk + w_cf + 0.02)
    ip = rng.choice(SK_IPS) if r < w_sk else rng.choice(CF_IPS)
    host, pid = rng.choice([("shield-lon-1", 2211), ("shield-lon-2", 2187)])
    path, size, _ = seg_path(t)
    if rng.random() < 0.004:
        hap(t, host, pid, ip, "origin-%d" % rng.randint(1, 4), 404, 112, rng.randint(2, 9), path.replace("seg_", "seg_9"))
    else:
        hap(t, host, pid, ip, "origin-%d" % rng.randint(1, 4), 200, size, rng.randint(6, 38), path)
for h, pid in [("shield-lon-1", 2211), ("shield-lon-2", 2187)]:
    for c in CRON[-1:]:
        cp = 18800 + rng.randint(0, 99)
        SH.append((c, syslog(c, LTZ, h, "CRON[%d]" % cp, "(root) CMD (/usr/bin/geoipupdate -v >/var/log/geoipupdate.log 2>&1 || logger -t geoipupdate \"update failed\")")))
        SH.append((add(c, seconds=2), syslog(add(c, seconds=2), LTZ, h, "geoipupdate[%d]" % (cp + 1),
                   "error retrieving updates: error while updating GeoIP2-City: unexpected HTTP status code: received HTTP status code: 401: Invalid license key")))
        SH.append((add(c, seconds=2.1), syslog(add(c, seconds=2.1), LTZ, h, "geoipupdate", "update failed")))
    for t in poisson_times(rng, W0, W1, 1 / 900.0):
        SH.append((t, syslog(t, LTZ, h, "sshd[%d]" % rng.randint(30000, 40000), "Connection closed by authenticating user root %d.%d.%d.%d port %d [preauth]" % (
            rng.choice([45, 103, 185, 193]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(30000, 65000)))))
SH.sort(key=lambda x: x[0])
inc.lines("shield-lon.log.gz", [l for _, l in SH])

# ------------------------------------------------------------------ QoE (beacon collector) OpenMetrics
def attempts_per_min(sessions):
    return sessions / 25.0


fam_sess, fam_att, fam_fail, fam_reb = [], [], [], []
for country, sess_fn in (("GB", gb_sessions), ("DE", de_sessions)):
    for cdn in ("skylane", "cloudfront"):
        def share(t, cdn=cdn, country=country):
            if country == "GB":
                return sk_gb(t) if cdn == "skylane" else 1 - sk_gb(t)
            return 0.6 if cdn == "skylane" else 0.4
        lab = {"country": country, "cdn": cdn, "event": "kinora-ppv-0822"}
        ps, pa, pf, pr = [], [], [], []
        ca = cf = 0.0
        for t in frange(W0, W1, 60):
            s_ = sess_fn(t) * share(t)
            e = err(t) if (country == "GB" and cdn == "skylane") else 0.0
            a = attempts_per_min(s_) * (1 + e * 1.5)
            ca += a
            cf += a * (0.004 + e * 0.9)
            ps.append((t, int(s_)))
            pa.append((t, int(ca)))
            pf.append((t, int(cf)))
            pr.append((t, round(0.006 + e * 0.45 + 0.001 * ((int(epoch(t)) // 60) % 3), 4)))
        fam_sess.append((lab, ps))
        fam_att.append((lab, pa))
        fam_fail.append((lab, pf))
        fam_reb.append((lab, pr))
inc.write("qoe-export.om", openmetrics([
    ("qoe_sessions", "gauge", "Concurrent playback sessions reported by player beacons.", fam_sess),
    ("qoe_video_start_attempts", "counter", "Video start attempts reported by player beacons.", fam_att),
    ("qoe_video_start_failures", "counter", "Video start failures (exit before first frame or fatal error).", fam_fail),
    ("qoe_rebuffer_ratio", "gauge", "Rebuffering time over playing time, 1m window.", fam_reb)]))

# ------------------------------------------------------------------ Alertmanager API alerts snapshot (saved during the incident)
snap = [
    amtool_alert("VideoStartFailureRateHigh", {"severity": "critical", "team": "live-video", "country": "GB", "cdn": "skylane", "event": "kinora-ppv-0822"},
                 "Video start failures GB via skylane above 5%", VSF_ALERT, add(SNAPSHOT, seconds=-12), receivers=("pagerduty-live", "slack-live"),
                 desc="VSF 17.4% over 5m (beacons)"),
    amtool_alert("RebufferRatioHigh", {"severity": "warning", "team": "live-video", "country": "GB", "cdn": "skylane", "event": "kinora-ppv-0822"},
                 "Rebuffer ratio GB via skylane above 3%", REBUF_WARN, add(SNAPSHOT, seconds=-12), receivers=("slack-live",)),
    amtool_alert("GeoipUpdateFailed", {"severity": "ticket", "team": "edge-infra", "instance": "shield-lon-1"},
                 "geoipupdate failed on shield-lon-1", add(CRON[-1], minutes=1, seconds=9), add(SNAPSHOT, seconds=-42), receivers=("slack-infra",)),
    amtool_alert("GeoipUpdateFailed", {"severity": "ticket", "team": "edge-infra", "instance": "shield-lon-2"},
                 "geoipupdate failed on shield-lon-2", add(CRON[-1], minutes=1, seconds=9), add(SNAPSHOT, seconds=-42), receivers=("slack-infra",)),
    amtool_alert("KafkaConsumerGroupLag", {"severity": "warning", "team": "data", "consumergroup": "recs-feature-writer", "topic": "watch-events"},
                 "consumer group recs-feature-writer lagging on watch-events", T(D + "20:33:40"), add(SNAPSHOT, seconds=-27), receivers=("slack-data",)),
    amtool_alert("NodeFilesystemAlmostFull", {"severity": "warning", "team": "ci", "instance": "build-07:9100", "mountpoint": "/var/lib/docker"},
                 "Filesystem on build-07 /var/lib/docker has less than 10% left", T(D + "17:02:18"), add(SNAPSHOT, seconds=-57), receivers=("slack-ci",)),
    amtool_alert("ChatModerationBacklog", {"severity": "warning", "team": "community", "service": "chat-moderation"},
                 "chat moderation queue above 5000 messages", T(D + "20:04:10"), add(SNAPSHOT, seconds=-2), receivers=("slack-community",),
                 state="suppressed", silenced_by=("6f0a2c8e-4d1b-4c55-9a51-2f1e7d3b0c11",)),
    amtool_alert("Watchdog", {"severity": "none", "prometheus": "monitoring/k8s"}, "An alert that should always be firing to certify that Alertmanager is working properly.",
                 T("2026-08-01 00:00:31"), add(SNAPSHOT, seconds=-19), receivers=("deadmansnitch",)),
]
inc.json("am-alerts-2038.json", snap)

# ------------------------------------------------------------------ steering config service history
def rev(n, t, author, ns, key, frm, to, comment):
    return {"revision": n, "namespace": ns, "key": key, "author": author, "created_at": iso(t, ms=True),
            "published_at": iso(add(t, seconds=2), ms=True), "status": "published", "comment": comment,
            "change": {"from": frm, "to": to}}


hist = [
    rev(407, T("2026-08-20 10:12:44"), "sam.walsh", "steering/live", "pathway_weights.DE", {"skylane": 50, "cloudfront": 50}, {"skylane": 60, "cloudfront": 40}, "DE: commit split for Q3"),
    rev(408, T(D + "14:02:31"), "sam.walsh", "steering/live", "pathway_weights.GB", {"skylane": 70, "cloudfront": 30}, {"skylane": 100, "cloudfront": 0}, "concert: GB on skylane (310G committed for tonight)"),
    rev(409, T(D + "16:30:09"), "sam.walsh", "steering/live", "steering_ttl_s", 600, 300, "shorter steering TTL for the event"),
    rev(410, ADS_CHANGE, "ines.moreau", "ssai/live", "preroll.max_ads", 2, 1, "PPV: one preroll only (ads team)"),
    rev(411, STEER1, "priya.nair", "steering/live", "pathway_weights.GB", {"skylane": 100, "cloudfront": 0}, {"skylane": 30, "cloudfront": 70}, "INC-8812 skylane 503s in LHR/MAN"),
    rev(412, STEER2, "sam.walsh", "steering/live", "pathway_weights.GB", {"skylane": 30, "cloudfront": 70}, {"skylane": 0, "cloudfront": 100}, "INC-8812 all GB to cloudfront"),
    rev(413, add(STEER2, seconds=4), "sam.walsh", "player/live", "legacy.resteer_on_error", False, True, "INC-8812 legacy apps re-fetch master on segment error"),
    rev(414, STEER3, "priya.nair", "steering/live", "pathway_weights.GB", {"skylane": 0, "cloudfront": 100}, {"skylane": 100, "cloudfront": 0}, "INC-8812 skylane resolved 21:35, GB back"),
    rev(415, STEER4, "priya.nair", "player/live", "legacy.resteer_on_error", True, False, "INC-8812 back to default"),
]
inc.json("steering-config-history.json", {"items": sorted(hist, key=lambda r: -r["revision"]), "next_cursor": None})

# ------------------------------------------------------------------ PagerDuty log entries
pd = PD(8812, "UK viewers buffering / playback errors on Concert PPV (support escalation)", "Live Video", "PLIV001", esc_policy="Live Video")
tom = PD.user("Tom Reid", "PTREID1")
priya = PD.user("Priya Nair", "PPNAIR2")
hannah = PD.user("Hannah Okafor", "PHOKA03")
pd.add(PAGE, "trigger_log_entry", hannah, {"type": "web_trigger", "summary": "UK viewers buffering / playback errors on Concert PPV (support escalation)",
       "details": "~40 tickets in 5 min, X/Twitter complaints, 'playback failed' and constant buffering, UK only so far"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Tom Reid.", assignees=[tom])
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Tom Reid by push notification.", user=tom,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, {"type": "auto"}, "Notified Tom Reid by SMS.", user=tom,
       notification={"type": "sms_notification", "status": "success", "address": "+4477*****18"})
pd.add(add(PAGE, seconds=301), "notify_log_entry", None, {"type": "auto"}, "Notified Tom Reid by phone.", user=tom,
       notification={"type": "phone_notification", "status": "no_answer", "address": "+4477*****18"})
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Live Video"})
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Priya Nair by push notification.", user=priya,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Nair.", acknowledgement_timeout=1800)
pd.add(T(D + "20:29:02"), "annotate_log_entry", priya, {"type": "web_ui", "summary": "Skylane LHR/MAN 503s (x-cache ERROR). Origin shield healthy. Steering GB away."}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.")
pd2 = PD(8813, "VideoStartFailureRateHigh: Video start failures GB via skylane above 5%", "Live Video", "PLIV001", esc_policy="Live Video")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMLV01", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/PLIV001/integrations/PAMLV01"}
pd2.add(add(VSF_ALERT, seconds=4), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd2.add(add(VSF_ALERT, seconds=5), "notify_log_entry", None, {"type": "auto"}, "Notified Tom Reid by push notification.", user=tom,
        notification={"type": "push_notification_notification", "status": "success"})
pd2.add(T(D + "20:24:20"), "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Nair.")
pd2.add(add(VSF_OK, seconds=5), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
pd3 = PD(8807, "KafkaConsumerGroupLag: consumer group recs-feature-writer lagging on watch-events", "Data Platform", "PDATA09", esc_policy="Data")
mei = PD.user("Mei Lin", "PMEIL04")
for a, b_ in [("19:41:10", "19:52:40"), ("20:33:44", "20:58:14")]:
    pd3.add(T(D + a), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
    pd3.add(T(D + b_), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + pd2.entries + pd3.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pagerduty-log-entries.json", ex)

# ------------------------------------------------------------------ slack
s = Slack()
for u, n, r in [("U4HANNAH", "hannah.o", "Hannah Okafor"), ("U4DEV", "dev.p", "Dev Patel"), ("U4TOM", "tom.reid", "Tom Reid"),
                ("U4PRIYA", "priya", "Priya Nair"), ("U4SAM", "sam.w", "Sam Walsh"), ("U4OLA", "ola", "Ola Nordmann"),
                ("U4MEI", "mei", "Mei Lin"), ("U4INES", "ines", "Ines Moreau")]:
    s.user(u, n, r, "Europe/London")
for cid, n, p in [("C4SUP", "support-escalations", "Support -> engineering"), ("C4LOPS", "live-ops", "Live event operations"),
                  ("C4INC", "inc-8812-concert", "INC-8812"), ("C4VEND", "vendor-status", "Vendor status page feeds"),
                  ("C4ALRT", "alerts-live", "Alertmanager: live video"), ("C4INFRA", "infra-alerts", "Alertmanager: infra"),
                  ("C4WEB", "web-releases", "web player releases"), ("C4STAT", "status-page", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    for h in ("shield-lon-1", "shield-lon-2"):
        s.bot("infra-alerts", add(c, minutes=1, seconds=20), "B4AM", "alertmanager",
              attachments=am_slack_attachment("firing", "GeoipUpdateFailed", "geoipupdate failed on %s\nseverity: ticket" % h, color="warning"))
for a, b_ in [("19:41:10", "19:52:40"), ("20:33:40", "20:58:10")]:
    s.bot("infra-alerts", T(D + a), "B4AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaConsumerGroupLag", "consumer group recs-feature-writer lagging on watch-events", color="warning"))
    s.bot("infra-alerts", T(D + b_), "B4AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaConsumerGroupLag", "consumer group recs-feature-writer lagging"))
s.bot("alerts-live", add(REBUF_WARN, seconds=31), "B4AM", "alertmanager", attachments=am_slack_attachment("firing", "RebufferRatioHigh", "Rebuffer ratio GB via skylane above 3% (6.9%)", color="warning"))
s.bot("alerts-live", add(VSF_ALERT, seconds=31), "B4AM", "alertmanager", attachments=am_slack_attachment("firing", "VideoStartFailureRateHigh", "Video start failures GB via skylane above 5% (14.2%) - paging"))
s.bot("alerts-live", add(REBUF_OK, seconds=31), "B4AM", "alertmanager", attachments=am_slack_attachment("resolved", "RebufferRatioHigh", "Rebuffer ratio GB via skylane"))
s.bot("alerts-live", add(VSF_OK, seconds=31), "B4AM", "alertmanager", attachments=am_slack_attachment("resolved", "VideoStartFailureRateHigh", "Video start failures GB via skylane"))
s.bot("web-releases", PLAYER_REL, "B4GH", "GitHub", blocks=pd_slack_blocks("*kinora/web-player* release `v6.2.1` deployed to production by ola (chat panel: emoji reactions)"))
for t, title, txt in [(VENDOR_INV, "Investigating - Elevated error rates in London, United Kingdom", "We are investigating elevated 5xx error rates for some customers served from our London (LHR) and Manchester (MAN) points of presence."),
                      (VENDOR_IDENT, "Identified - Elevated error rates in London, United Kingdom", "A configuration change to the mid-tier cache serving LHR and MAN has been identified as the cause and is being rolled back."),
                      (VENDOR_MON, "Monitoring - Elevated error rates in London, United Kingdom", "The rollback has completed and error rates have returned to normal. We are monitoring."),
                      (VENDOR_RES, "Resolved - Elevated error rates in London, United Kingdom", "This incident has been resolved. Impact window 19:47-21:05 UTC.")]:
    s.bot("vendor-status", t, "B4RSS", "Skylane Status", attachments=[{"color": "ECB22E" if not title.startswith("Resolved") else "2EB67D",
          "fallback": title, "title": title, "title_link": "https://status.skylane.example/incidents/x8k2m4q", "text": txt, "mrkdwn_in": ["text"]}])
s.say("support-escalations", SUPPORT, "U4HANNAH", "UK viewers in chat and on X say the concert keeps buffering and some get 'Playback failed (3016)'. ~40 tickets in 5 minutes, all UK. Is anyone looking?")
s.say("support-escalations", T(D + "20:03:30"), "U4DEV", "on it from the NOC, our LHR probe player stutters too")
s.say("support-escalations", add(PAGE, seconds=20), "U4HANNAH", "paged Live Video on-call (#8812)")
lo = "live-ops"
s.say(lo, T(D + "20:05:10"), "U4DEV", "anyone else seeing buffering on the concert? UK support is flooded")
s.say(lo, WRONG, "U4DEV", "web-player 6.2.1 went out at 19:55, could that be it?")
s.say(lo, add(WRONG, seconds=70), "U4OLA", "6.2.1 is web only and just the chat panel. complaints are from TVs and iPhones too")
s.say(lo, ROLLBACK_Q, "U4DEV", "should we roll back the player release anyway, just in case?")
s.say(lo, add(ROLLBACK_Q, seconds=45), "U4OLA", "wouldn't touch the apps, I'd rather not. it doesn't fit")
s.say(lo, T(D + "20:14:30"), "U4DEV", "origin shield looks fine: 200s, Tr ~20ms, no queueing. not the origin?")
s.say(lo, T(D + "20:16:00"), "U4DEV", "still no ack on #8812, Tom isn't answering")
ch = "inc-8812-concert"
s.say(ch, add(ACK, seconds=25), "U4PRIYA", "acked via escalation, Tom's not answering. catching up from #live-ops")
s.say(ch, DIAG, "U4PRIYA", "it's Skylane. GB video start failures on skylane ~17%, on cloudfront 0.3%. their RTL logs have 503 with cache status ERROR from LHR and MAN since 19:47, every other POP is clean and the shield is healthy. their status page went up at 20:19")
s.say(ch, T(D + "20:29:00"), "U4SAM", "cloudfront has 400G committed for GB tonight, we're at ~310G. I'd move gradually")
s.say(ch, add(STEER1, seconds=25), "U4PRIYA", "steering rev 411: GB skylane 100 -> 30, cloudfront 70")
s.say(ch, T(D + "20:38:40"), "U4SAM", "VSF down to ~9% but that's only players that follow content steering. tvOS 4.9 and the Samsung/Roku apps pin the CDN at session start and stay on skylane")
s.say(ch, T(D + "20:40:30"), "U4TOM", "sorry all, no signal at dinner. here now, Priya keep driving")
s.say(ch, T(D + "20:43:00"), "U4SAM", "going to skylane 0 for GB and turn on legacy.resteer_on_error so the pinned apps re-fetch the master playlist on the next failed segment")
s.say(ch, add(STEER2, seconds=20), "U4SAM", "revs 412+413 published")
s.say(ch, T(D + "20:48:30"), "U4PRIYA", "GB errors gone since ~20:47, all GB sessions on cloudfront, 352G and holding")
s.say(ch, T(D + "20:57:10"), "U4MEI", "fyi the KafkaConsumerGroupLag in #infra-alerts is the recs feature writer, flaps every evening, unrelated")
s.say(ch, T(D + "21:46:00"), "U4PRIYA", "Skylane resolved at 21:35 (mid-tier config rollback on their side). moving GB back to skylane for the last half hour, watching LHR/MAN")
s.say(ch, add(STEER4, seconds=30), "U4PRIYA", "revs 414/415 published, GB back on skylane, resteer back to default")
s.say(ch, T(D + "22:04:40"), "U4PRIYA", "show's over, 15 min clean on skylane. resolving #8812. postmortem: we had no alert that would have beaten support by 20 min")
s.bot("status-page", STATUS, "B4SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Buffering for some UK viewers",
      "title": "Investigating - Buffering and playback errors for some viewers in the UK",
      "text": "Some viewers in the UK are experiencing buffering or playback errors on tonight's concert. We are moving traffic to restore playback.", "mrkdwn_in": ["text"]}])
s.bot("status-page", T(D + "20:53:00"), "B4SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Buffering for some UK viewers",
      "title": "Monitoring - Buffering and playback errors for some viewers in the UK", "text": "Playback has recovered. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status-page", add(RESOLVED, minutes=2), "B4SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - UK buffering",
      "title": "Resolved - Buffering and playback errors for some viewers in the UK", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack-export")

inc.truth(
    "kinora-cdn-pop-503", "cdn-vendor-regional-pop-errors-customer-detected-multicdn-steering",
    "The primary CDN's London and Manchester POPs answered 503 for a share of live segment requests during a PPV concert; support paged before any alert,\n"
    "the page was acknowledged only after escalation, a 30% steering change helped only steering-aware players, and moving all UK traffic to the second CDN with re-steer-on-error ended it.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first Skylane 503 (cache status ERROR) from LHR for a live segment", "skylane-rtl-live.kinora.tv-20260822.tsv.gz", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #8812 by hand", "pagerduty-log-entries.json", 60),
     (VSF_ALERT, "alert_fired", "VideoStartFailureRateHigh GB/skylane fires and pages (#8813)", "am-alerts-2038.json", 60),
     (ACK, "acknowledged", "Priya Nair acknowledges #8812 after escalation by timeout", "pagerduty-log-entries.json", 60),
     (DIAG, "diagnosis", "Priya: Skylane LHR/MAN 503 ERROR, other CDN and shield healthy", "slack-export", 90),
     (STEER1, "mitigation", "steering rev 411: GB skylane 30 / cloudfront 70 (helps steering-aware players only)", "steering-config-history.json", 60),
     (STATUS, "communication", "Statuspage: buffering for some UK viewers", "slack-export", 60),
     (STEER2, "mitigation", "steering revs 412/413: GB skylane 0 + legacy re-steer on error", "steering-config-history.json", 60),
     (MITIGATED, "recovery", "last Skylane 503 for a GB viewer (a pinned tvOS app re-steers); GB start failures back to baseline", "skylane-rtl-live.kinora.tv-20260822.tsv.gz", 90),
     (STEER3, "change", "steering rev 414: GB back to skylane after the vendor resolved", "steering-config-history.json", 60),
     (RESOLVED, "resolved", "PagerDuty #8812 resolved", "pagerduty-log-entries.json", 60)],
    [(CRON[-1], "daily geoipupdate 401 on both shields at 21:00 London (also Aug 19-21)", "shield-lon.log.gz"),
     (add(CRON[-1], minutes=1, seconds=9), "GeoipUpdateFailed ticket alerts, daily", "am-alerts-2038.json"),
     (PLAYER_REL, "web team releases web-player 6.2.1", "slack-export"),
     (ADS_CHANGE, "ads team config change ssai/live preroll.max_ads", "steering-config-history.json"),
     (T(D + "20:33:40"), "KafkaConsumerGroupLag (data team) flapping, own PagerDuty incident #8807", "pagerduty-log-entries.json"),
     (T(D + "20:04:10"), "ChatModerationBacklog (community) silenced", "am-alerts-2038.json"),
     (T(D + "17:02:18"), "NodeFilesystemAlmostFull on a CI build host", "am-alerts-2038.json"),
     (WRONG, "wrong hunch: web-player 6.2.1", "slack-export"),
     (ROLLBACK_Q, "'should we roll back the player release?' question, not done", "slack-export"),
     (add(VSF_OK, seconds=5), "#8813 auto-resolved by the alert while #8812 stays open", "pagerduty-log-entries.json"),
     (T(D + "21:00:00"), "steady 404 (beyond live edge) and 403 TOKEN_EXPIRED on every POP all window", "skylane-rtl-live.kinora.tv-20260822.tsv.gz")],
    [("skylane-rtl-live.kinora.tv-20260822.tsv.gz", "logs"), ("shield-lon.log.gz", "logs", LTZ), ("qoe-export.om", "openmetrics"),
     ("am-alerts-2038.json", "alertmanager-api-alerts"), ("steering-config-history.json", "deploys"),
     ("pagerduty-log-entries.json", "pagerduty-log-entries"), ("slack-export", "slack-export")])
