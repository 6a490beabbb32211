"""retired15/playon-drm-keyrotation: a packager config change rotates content keys every 10 minutes for the
live final; at every key-period boundary every player asks for a new licence at once, the multi-DRM vendor
answers 429 above the tenant burst limit, and as the audience grows toward kick-off the bursts run into each
other and playback fails continuously until the rotation is reverted."""
import random
from common import *

rng = random.Random(20260530)
inc = Incident("retired15", "playon-drm-keyrotation")
D = "2026-05-30 "
W0, W1 = T(D + "17:30:00"), T(D + "21:30:00")
CRON = [T("2026-05-%02d 17:45:%02d" % (d, 11 + d % 7)) for d in (27, 28, 29, 30)]
COMMIT = T(D + "17:48:20")
SYNC = T(D + "17:53:04")
RELOAD = add(T(D + "17:53:10"), seconds=0.214)
STARTED = add(T(D + "18:00:03"), seconds=0.412)
RECS_DEPLOY = T(D + "18:25:40")
WARN_FIRE = T(D + "18:41:45")
WARN_RES = T(D + "18:44:15")
WARN_FIRE2 = T(D + "18:51:15")
PAGE_ALERT = T(D + "18:51:45")
PAGE = T(D + "18:51:50")
ACK = T(D + "18:55:10")
SCALE = T(D + "19:03:30")
ROLLBACK_Q = T(D + "19:06:20")
STATUS = T(D + "19:09:00")
WRONG = T(D + "19:10:30")
DIAG = T(D + "19:12:30")
ADS_DEPLOY = T(D + "19:18:00")
REVERT_COMMIT = T(D + "19:24:40")
REVERT_SYNC = T(D + "19:26:05")
REVERT_RELOAD = add(T(D + "19:26:20"), seconds=0.561)
MITIGATED = T(D + "19:29:35")
WARN_OK = T(D + "19:31:30")
ALERT_OK = T(D + "19:33:00")
RESOLVED = T(D + "21:02:00")
CHANNELS = ["ucl-final-main", "ucl-final-tactical"]

# ------------------------------------------------------------------ git log (vpack-config)
def commit(t, who, mail, subj, body=""):
    sha = hashlib.sha1(("vpack" + subj + iso(t)).encode()).hexdigest()
    lt = local(t, "Europe/Warsaw")
    out = ["commit " + sha, "Author: %s <%s>" % (who, mail), "Date:   " + lt.strftime("%a %b %-d %H:%M:%S %Y %z"), "", "    " + subj]
    if body:
        out += [""] + ["    " + l if l else "" for l in body.split("\n")]
    return t, sha, out


C1 = commit(T("2026-05-28 09:14:51"), "Amira Haddad", "amira.haddad@playon.tv", "scte35: pass splice_insert through for half-time breaks on premium live")
C2 = commit(T("2026-05-29 13:40:02"), "Jonas Berg", "jonas.berg@playon.tv", "live: add ucl-final-tactical channel (4 renditions)")
C3 = commit(COMMIT, "Jonas Berg", "jonas.berg@playon.tv", "live: rotate content keys every 10 min for premium live events",
            "Rights holder's security schedule for the final requires key rotation on\npremium live. crypto_period=600s, keys fetched from Vaultkey over CPIX.")
C4 = commit(REVERT_COMMIT, "Jonas Berg", "jonas.berg@playon.tv", 'Revert "live: rotate content keys every 10 min for premium live events"',
            "This reverts commit %s.\n\nEvery player re-licences at each key-period boundary; at final audience\nthis is far above Vaultkey's tenant burst limit (4000/s). INC-4471." % C3[1])
# ------------------------------------------------------------------ model
VIEW = [(T(D + "17:30:00"), 40e3), (T(D + "18:00:00"), 180e3), (T(D + "18:30:00"), 600e3), (T(D + "18:50:00"), 1.6e6),
        (T(D + "19:00:00"), 2.5e6), (T(D + "20:50:00"), 2.62e6), (T(D + "21:00:00"), 1.2e6), (T(D + "21:30:00"), 3.0e5)]


def viewers(t):
    for (a, va), (b, vb) in zip(VIEW, VIEW[1:]):
        if a <= t <= b:
            return va + (vb - va) * (t - a).total_seconds() / (b - a).total_seconds()
    return VIEW[-1][1]


SPIKES = {"18:00": (22, 0.04), "18:10": (33, 0.07), "18:20": (48, 0.11), "18:30": (76, 0.17), "18:40": (128, 0.26)}


def f429(t):
    """fraction of licence requests the vendor answers 429."""
    if t < STARTED or t >= MITIGATED:
        return 0.0
    if t >= T(D + "18:50:00"):
        if t >= REVERT_RELOAD:  # backlog drains
            return 0.40 * (MITIGATED - t).total_seconds() / (MITIGATED - REVERT_RELOAD).total_seconds()
        return min(0.42, 0.30 + (t - T(D + "18:50:00")).total_seconds() / 2000.0)
    b = t.replace(minute=t.minute - t.minute % 10, second=0, microsecond=0)
    k = b.strftime("%H:%M")
    if k not in SPIKES:
        return 0.0
    dur, peak = SPIKES[k]
    x = (t - b).total_seconds()
    if x > dur:
        return 0.0
    return peak * (1.0 - abs(x - dur / 2.0) / (dur / 2.0) * 0.6)


def ftimeout(t):
    """drm-proxy's own queue timeouts (504) while its 6 pods were CPU bound."""
    if T(D + "18:50:20") <= t < add(SCALE, seconds=60):
        return 0.13
    return 0.0


def ffail(t):
    return f429(t) + ftimeout(t)


def spiking(t):
    return ffail(t) > 0


# ------------------------------------------------------------------ drm-proxy (zap production JSON)
ZAP = []


def Z(t, level, caller, msg, **kw):
    d = {"level": level, "ts": round(epoch(t), 6), "caller": caller, "msg": msg}
    d.update(kw)
    ZAP.append((t, json.dumps(d, separators=(",", ":"))))


DRMS = ["widevine", "widevine", "widevine", "fairplay", "fairplay", "playready"]


def kid():
    return uuid("kid%d" % rng.randint(0, 40))


def sess():
    return hexid(rng, 20)


PODS = ["drm-proxy-7c9d8f6b4-%s" % s for s in ("2xkq9", "8mfzr", "c4lwd", "h7tnp", "q2vbs", "wx5jn")]
NEWPODS = ["drm-proxy-7c9d8f6b4-%s" % uid("np%d" % i, 5) for i in range(14)]
# the very first vendor refusal
Z(STARTED, "error", "vaultkey/client.go:212", "licence request failed", drm="widevine", upstream="vaultkey",
  status=429, body='{"error":"rate_limited","detail":"tenant burst limit 4000/s exceeded"}', attempt=1,
  latency_ms=41, kid=uuid("kid-p1"), session=sess(), content="live-ucl-final")
for t in poisson_times(rng, STARTED, MITIGATED, 3.0):
    f = f429(t)
    if f > 0 and rng.random() < f:
        Z(t, "error", "vaultkey/client.go:212", "licence request failed", drm=rng.choice(DRMS), upstream="vaultkey",
          status=429, body='{"error":"rate_limited","detail":"tenant burst limit 4000/s exceeded"}',
          attempt=rng.choice([1, 1, 2, 3]), latency_ms=rng.randint(18, 90), kid=kid(), session=sess(),
          content="live-ucl-final")
for t in poisson_times(rng, T(D + "18:50:20"), add(SCALE, seconds=60), 1.2):
    if rng.random() < ftimeout(t) / 0.13:
        Z(t, "error", "server/handler.go:147", "licence request failed", drm=rng.choice(DRMS),
          error="context deadline exceeded", status=504, queue_wait_ms=rng.randint(2500, 5000), session=sess(),
          content="live-ucl-final")
for t in poisson_times(rng, W0, W1, 0.15):
    if not spiking(t) or rng.random() > 0.5:
        Z(t, "info", "server/handler.go:188", "licence issued", drm=rng.choice(DRMS), upstream="vaultkey",
          latency_ms=rng.randint(35, 160), content=rng.choice(["live-ucl-final"] * 5 + ["vod-%d" % rng.randint(1000, 9999)]))
for t in poisson_times(rng, add(W0, hours=-1), add(W1, hours=1), 1 / 25.0):  # benign, every day
    Z(t, "warn", "entitlement/check.go:74", "entitlement check denied", reason=rng.choice(["subscription_expired"] * 4 + ["geo_blocked"]),
      status=403, user=hexid(rng, 12), content="live-ucl-final")
for t in poisson_times(rng, add(W0, hours=-1), add(W1, hours=1), 1 / 140.0):
    Z(t, "warn", "server/handler.go:121", "malformed licence challenge", drm="playready", status=400,
      error="soap: invalid LA request body")
for i, p in enumerate(NEWPODS):
    t = add(SCALE, seconds=9 + i * 1.7 + rng.random())
    Z(t, "info", "cmd/drm-proxy/main.go:61", "starting drm-proxy", version="2.14.1", commit="a81f0c3", listen=":8443")
    Z(add(t, seconds=2.1), "info", "vaultkey/client.go:88", "vendor client ready", upstream="vaultkey",
      endpoint="https://lic.vaultkey.example/v2/playon", max_conns=256)
ZAP.sort(key=lambda x: x[0])
inc.lines("drm-proxy-0530.log.gz", [l for t, l in ZAP if W0 <= t <= W1])

# ------------------------------------------------------------------ vpack (packager) logfmt
VP = []


def V(t, level, caller, msg, **kw):
    VP.append((t, logfmt([("ts", iso(t, ms=True)), ("level", level), ("caller", caller), ("msg", msg)] + list(kw.items()))))


for t in frange(add(W0, seconds=23), W1, 60):
    for ch in CHANNELS:
        V(add(t, seconds=0.3 if ch == CHANNELS[0] else 0.9), "info", "live/stats.go:52", "channel stats", channel=ch,
          segments_published=10, late_segments=0 if rng.random() < 0.95 else 1, renditions=7 if ch == CHANNELS[0] else 4)
for t in poisson_times(rng, W0, W1, 1 / 170.0):
    V(t, "warn", "upload/s3.go:204", "segment upload retry", channel=rng.choice(CHANNELS), attempt=2,
      error="RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period")
V(RELOAD, "info", "config/watch.go:88", "config reloaded", rev=C3[1][:7], key_rotation="enabled", crypto_period="600s",
  drm_systems="widevine,playready,fairplay")
V(add(RELOAD, seconds=0.02), "info", "drm/cpix.go:131", "key rotation scheduler started", crypto_period="600s",
  next_boundary="2026-05-30T18:00:00Z", key_source="vaultkey-cpix")
b = T(D + "18:00:00")
while b < REVERT_RELOAD:
    for ch in CHANNELS:
        V(add(b, seconds=-45), "info", "drm/cpix.go:176", "prefetched next content key", channel=ch,
          kid=uuid("kid-%s-%s" % (ch, b)), period_start=iso(b))
        V(add(b, seconds=0.05 if ch == CHANNELS[0] else 0.11), "info", "drm/keys.go:98", "key period started", channel=ch,
          kid=uuid("kid-%s-%s" % (ch, b)), crypto_period="600s")
    b = add(b, minutes=10)
V(REVERT_RELOAD, "info", "config/watch.go:88", "config reloaded", rev=C4[1][:7], key_rotation="disabled",
  drm_systems="widevine,playready,fairplay")
V(add(REVERT_RELOAD, seconds=0.01), "info", "drm/keys.go:141", "key rotation scheduler stopped; holding current key",
  channel=CHANNELS[0], kid=uuid("kid-%s-%s" % (CHANNELS[0], T(D + "19:20:00"))))
for bt in (T(D + "19:46:12"), T(D + "20:01:40")):  # half-time ad break, SCTE-35 markers
    V(bt, "info", "scte35/splice.go:64", "splice_insert received", channel=CHANNELS[0], event_id=rng.randint(1000, 9999),
      out_of_network="true", duration="120.0s")
    V(add(bt, seconds=120), "info", "scte35/splice.go:64", "splice_insert received", channel=CHANNELS[0],
      event_id=rng.randint(1000, 9999), out_of_network="false")
VP.sort(key=lambda x: x[0])
inc.lines("vpack.log", [l for _, l in VP])

# ------------------------------------------------------------------ player beacons (pulse collector export)
PLAT = [("web", "shaka-player 4.11.3", "web-5.18.0"), ("android", "media3-exoplayer 1.6.1", "android-8.4.0"),
        ("android", "media3-exoplayer 1.6.1", "android-8.3.2"), ("ios", "AVPlayer", "ios-8.4.1"),
        ("tvos", "AVPlayer", "tvos-8.4.1"), ("tizen", "shaka-player 4.8.9", "tizen-3.2.0"),
        ("webos", "shaka-player 4.8.9", "webos-3.1.4")]
COUNTRIES = ["DE", "DE", "DE", "AT", "CH", "PL", "IT", "ES"]
BE = []


def drm_error(plat):
    if plat[1].startswith("shaka"):
        return {"code": 6007, "category": 6, "severity": 2, "message": "LICENSE_REQUEST_FAILED", "http_status": 429}
    if plat[1].startswith("media3"):
        return {"code": 6004, "name": "ERROR_CODE_DRM_LICENSE_ACQUISITION_FAILED", "message": "Response code: 429"}
    return {"code": "PO-FPS-201", "domain": "PlayonFairPlay", "message": "CKC request failed: HTTP 429"}


def beacon(t, ev, plat, **kw):
    d = {"received_at": iso(t, ms=True), "event": ev, "session_id": hexid(rng, 16), "platform": plat[0],
         "player": plat[1], "app_version": plat[2], "content_id": "live-ucl-final", "country": rng.choice(COUNTRIES),
         "cdn": rng.choice(["akamai", "akamai", "cloudfront"])}
    d.update(kw)
    BE.append((t, json.dumps(d, separators=(",", ":"))))


for t in poisson_times(rng, W0, W1, 0.22):
    beacon(t, "heartbeat", rng.choice(PLAT), position_s=rng.randint(10, 9000), bitrate_kbps=rng.choice([2400, 4500, 7800, 7800]),
           dropped_frames=rng.randint(0, 3))
for t in poisson_times(rng, W0, W1, 0.07):
    beacon(t, "start", rng.choice(PLAT), startup_ms=rng.randint(900, 3400))
for t in poisson_times(rng, add(STARTED, seconds=2), add(MITIGATED, seconds=8), 5.0):
    f = ffail(add(t, seconds=-4))
    if f > 0 and rng.random() < f * 0.9:
        p = rng.choice(PLAT)
        e = drm_error(p)
        if ftimeout(add(t, seconds=-4)) and rng.random() < 0.3:
            e = dict(e, http_status=504) if "http_status" in e else dict(e, message=e["message"].replace("429", "504"))
        beacon(t, "error", p, fatal=True, during="live_key_change" if rng.random() < 0.8 else "startup", error=e)
for t in poisson_times(rng, W0, W1, 1 / 40.0):  # benign: flaky mobile networks, one TV model's decoder
    p = rng.choice(PLAT[:5])
    if rng.random() < 0.35:
        beacon(t, "error", PLAT[5], fatal=False, error={"code": 3016, "category": 3, "severity": 1, "message": "VIDEO_ERROR", "media_error": "MEDIA_ERR_DECODE"})
    else:
        beacon(t, "error", p, fatal=False, error={"code": 1002, "message": "BAD_HTTP_STATUS", "http_status": rng.choice([0, 0, 408])})
BE.sort(key=lambda x: x[0])
inc.lines("pulse-2026-05-30.ndjson.gz", [l for _, l in BE])

# ------------------------------------------------------------------ prometheus query_range
def base_rate(t):
    return viewers(t) / 700.0


def total(t):
    f = ffail(t)
    if f > 0:
        return max(base_rate(t), 4000.0 / max(0.05, 1 - f429(t)))
    return base_rate(t)


def replicas(t):
    if t < add(SCALE, seconds=10):
        return 6
    return min(20, 6 + int((t - add(SCALE, seconds=10)).total_seconds() / 2.0))


def pfail(t):
    return 0.004 + 0.35 * ffail(add(t, seconds=-10)) + 0.0005 * ((int(epoch(t)) // 60) % 3)


ser = [({"__name__": "drm:licence_requests:rate1m", "outcome": "ok", "service": "drm-proxy"},
        lambda t: total(t) * (1 - ffail(t))),
       ({"__name__": "drm:licence_requests:rate1m", "outcome": "vendor_429", "service": "drm-proxy"},
        lambda t: total(t) * f429(t)),
       ({"__name__": "drm:licence_requests:rate1m", "outcome": "timeout", "service": "drm-proxy"},
        lambda t: total(t) * ftimeout(t)),
       ({"__name__": "playon:concurrent_viewers", "event": "ucl-final"}, lambda t: round(viewers(t))),
       ({"__name__": "pulse:playback_failure_ratio:rate2m", "content_id": "live-ucl-final"}, pfail),
       ({"__name__": "kube_deployment_status_replicas_available", "namespace": "drm", "deployment": "drm-proxy"}, replicas)]
inc.json("promql-20260530.json", query_range(ser, W0, W1, 30), indent=None)

# ------------------------------------------------------------------ alertmanager webhook archive
HK = []


def H(t, body):
    HK.append((t, jline(body)))


dl = {"severity": "warning", "team": "video-platform", "service": "drm-proxy", "namespace": "drm"}
pl = {"severity": "critical", "team": "video-platform", "content_id": "live-ucl-final"}
DS, PS = "drm-proxy licence error ratio above 5%", "live playback failure ratio above 5% (client beacons)"
H(add(WARN_FIRE, seconds=10), am_webhook("slack-video", [am_alert("DrmLicenceErrorRatio", dl, DS, WARN_FIRE, desc="11.8% of licence requests failed over 1m")]))
H(add(WARN_RES, seconds=10), am_webhook("slack-video", [am_alert("DrmLicenceErrorRatio", dl, DS, WARN_FIRE, ends=WARN_RES)]))
H(add(WARN_FIRE2, seconds=10), am_webhook("slack-video", [am_alert("DrmLicenceErrorRatio", dl, DS, WARN_FIRE2, desc="27.3% of licence requests failed over 1m")]))
H(add(PAGE_ALERT, seconds=4), am_webhook("pagerduty-video", [am_alert("LivePlaybackFailuresHigh", pl, PS, PAGE_ALERT, desc="9.8% of playback sessions failed")]))
H(add(PAGE_ALERT, seconds=5), am_webhook("slack-video", [am_alert("LivePlaybackFailuresHigh", pl, PS, PAGE_ALERT, desc="9.8% of playback sessions failed")]))
H(add(WARN_OK, seconds=10), am_webhook("slack-video", [am_alert("DrmLicenceErrorRatio", dl, DS, WARN_FIRE2, ends=WARN_OK)]))
H(add(ALERT_OK, seconds=4), am_webhook("pagerduty-video", [am_alert("LivePlaybackFailuresHigh", pl, PS, PAGE_ALERT, ends=ALERT_OK)]))
H(add(ALERT_OK, seconds=5), am_webhook("slack-video", [am_alert("LivePlaybackFailuresHigh", pl, PS, PAGE_ALERT, ends=ALERT_OK)]))
for i, c in enumerate(CRON):  # daily EPG import failure
    jl = {"severity": "warning", "team": "content", "namespace": "epg", "job_name": "epg-import-%d" % (29131000 + i * 1440)}
    s0 = add(c, minutes=1, seconds=5)
    H(add(s0, seconds=30), am_webhook("slack-content", [am_alert("KubeJobFailed", jl, "Job epg/%s failed to complete" % jl["job_name"], s0)]))
    if i < 3:
        H(add(s0, hours=2, seconds=40), am_webhook("slack-content", [am_alert("KubeJobFailed", jl, "Job epg/%s failed to complete" % jl["job_name"], s0, ends=add(s0, hours=2, seconds=30))]))
kl = {"severity": "warning", "team": "data", "cluster": "events-kafka", "topic": "pulse-beacons"}
for a, b_ in [("17:58:30", "18:03:30"), ("18:34:00", "18:37:30"), ("19:41:30", "19:44:00"), ("20:22:00", "20:31:30")]:
    s0, e0 = T(D + a), T(D + b_)
    H(add(s0, seconds=30), am_webhook("slack-data", [am_alert("KafkaUnderReplicatedPartitions", kl, "under-replicated partitions on events-kafka", s0)]))
    H(add(e0, seconds=30), am_webhook("slack-data", [am_alert("KafkaUnderReplicatedPartitions", kl, "under-replicated partitions on events-kafka", s0, ends=e0)]))
rl = {"severity": "warning", "team": "recs", "service": "recs-api"}
H(T(D + "18:28:10"), am_webhook("slack-recs", [am_alert("RecsApiLatencyHigh", rl, "recs-api p99 above 400ms", T(D + "18:27:40"))]))
H(T(D + "18:36:40"), am_webhook("slack-recs", [am_alert("RecsApiLatencyHigh", rl, "recs-api p99 above 400ms", T(D + "18:27:40"), ends=T(D + "18:36:10"))]))
HK.sort(key=lambda x: x[0])
inc.lines("alertmanager-deliveries.jsonl", [l for _, l in HK])

# ------------------------------------------------------------------ pagerduty
pd = PD(4471, "LivePlaybackFailuresHigh: live playback failure ratio above 5% (live-ucl-final)", "Live Video Platform", "PLVP0A1",
        esc_policy="Video Platform On-Call")
marta = PD.user("Marta Kowalska", "PMKOW01")
luca = PD.user("Luca Ferri", "PLFER02")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAM77Q1", "summary": "Alertmanager (prod-eu)",
         "self": "https://api.pagerduty.com/services/PLVP0A1/integrations/PAM77Q1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Marta Kowalska by push notification.",
       user=marta, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, {"type": "auto"}, "Notified Marta Kowalska by SMS.",
       user=marta, notification={"type": "sms_notification", "status": "success", "address": "+4860*****41"})
pd.add(ACK, "acknowledge_log_entry", marta, {"type": "mobile"}, "Acknowledged by Marta Kowalska.", acknowledgement_timeout=1800)
pd.add(T(D + "18:58:05"), "assign_log_entry", marta, {"type": "web_ui"}, "Assigned to Luca Ferri by Marta Kowalska.", assignees=[luca])
pd.add(T(D + "19:14:40"), "annotate_log_entry", marta, {"type": "web_ui", "summary": "Cause: vpack-config key rotation (10 min crypto period) -> licence bursts over Vaultkey's 4000/s limit. Reverting."}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marta, {"type": "web_ui"}, "Resolved by Marta Kowalska.")
inc.json("pd-4471-log_entries.json", pd.export())

lines = []
for c in sorted([C1, C2, C3, C4], key=lambda c: c[0], reverse=True):
    lines += c[2] + [""]
inc.lines("vpack-config.gitlog", lines[:-1])

# ------------------------------------------------------------------ slack
s = Slack()
for u, n, r in [("U01MARTA", "marta.k", "Marta Kowalska"), ("U01JONAS", "jonas", "Jonas Berg"), ("U01ELIF", "elif", "Elif Demir"),
                ("U01LUCA", "luca", "Luca Ferri"), ("U01NADIA", "nadia", "Nadia Schulz"), ("U01TOMASZ", "tomasz", "Tomasz Nowak"),
                ("U01AMIRA", "amira", "Amira Haddad")]:
    s.user(u, n, r, "Europe/Warsaw" if u in ("U01MARTA", "U01TOMASZ") else "Europe/Berlin")
for cid, n, p in [("C01VALRT", "video-alerts", "Alertmanager: video platform"), ("C01INC", "inc-4471-ucl-final", "INC-4471 playback failures during the final"),
                  ("C01DEPL", "deploys", "Argo CD notifications"), ("C01STAT", "status-page", "Statuspage mirror"), ("C01DATA", "data-alerts", "")]:
    s.channel(cid, n, p)


def argo(t, app, rev, msg):
    s.bot("deploys", t, "B01ARGO", "Argo CD", blocks=pd_slack_blocks(":white_check_mark: Application *%s* sync succeeded to revision `%s`\n%s" % (app, rev, msg)))


argo(SYNC, "vpack-config", C3[1][:7], C3[2][4].strip())
argo(RECS_DEPLOY, "recs-api", "5b21e90", "recs-api 3.22.0: rail ordering for live events")
argo(ADS_DEPLOY, "ads-ssai", "77d0aa4", "ssai: half-time ad pod 120s, frequency cap 2")
argo(REVERT_SYNC, "vpack-config", C4[1][:7], C4[2][4].strip())
for t, st, name, txt in [(add(WARN_FIRE, seconds=11), "firing", "DrmLicenceErrorRatio", "drm-proxy licence error ratio above 5% (11.8%)"),
                         (add(WARN_RES, seconds=11), "resolved", "DrmLicenceErrorRatio", "drm-proxy licence error ratio"),
                         (add(WARN_FIRE2, seconds=11), "firing", "DrmLicenceErrorRatio", "drm-proxy licence error ratio above 5% (27.3%)"),
                         (add(PAGE_ALERT, seconds=6), "firing", "LivePlaybackFailuresHigh", "live playback failure ratio above 5% (9.8%) - paging"),
                         (add(WARN_OK, seconds=11), "resolved", "DrmLicenceErrorRatio", "drm-proxy licence error ratio"),
                         (add(ALERT_OK, seconds=6), "resolved", "LivePlaybackFailuresHigh", "live playback failure ratio")]:
    s.bot("video-alerts", t, "B01AM", "alertmanager", attachments=am_slack_attachment(st, name, txt, color="warning" if (st == "firing" and name.startswith("Drm")) else None))
for a, b_ in [("17:58:30", "18:03:30"), ("18:34:00", "18:37:30"), ("19:41:30", "19:44:00"), ("20:22:00", "20:31:30")]:
    s.bot("data-alerts", add(T(D + a), seconds=31), "B01AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaUnderReplicatedPartitions", "under-replicated partitions on events-kafka", color="warning"))
    s.bot("data-alerts", add(T(D + b_), seconds=31), "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaUnderReplicatedPartitions", "under-replicated partitions on events-kafka"))
v = "video-alerts"
s.say(v, T(D + "18:43:05"), "U01ELIF", "drm-proxy blip at 18:40, Vaultkey 429s for ~2 min, gone again. pre-match joins I guess, watching")
s.say(v, T(D + "18:43:50"), "U01JONAS", "vpack rolled the next key at 18:40 fine on both channels fwiw")
ch = "inc-4471-ucl-final"
s.say(ch, T(D + "18:56:00"), "U01MARTA", "acked 4471. playback failures since 18:50, beacons say licence errors (shaka 6007 / exo 6004 / our FPS-201), drm-proxy logs Vaultkey 429 plus our own 504s")
s.say(ch, T(D + "18:58:30"), "U01LUCA", "kick-off in 90s, 2.5M concurrent expected. what do we need?")
s.say(ch, T(D + "19:00:40"), "U01ELIF", "drm-proxy pods are at 95% CPU and the request queue is timing out, that's the 504s. scaling it out")
s.say(ch, add(SCALE, seconds=10), "U01ELIF", "kubectl scale deploy/drm-proxy -n drm --replicas=20 done, new pods coming up")
s.say(ch, ROLLBACK_Q, "U01LUCA", "should we roll back? did anything ship today?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U01MARTA", "today: recs-api at 18:25 (not in the playback path), vpack-config at 17:53. drm-proxy itself is Thursday's 2.14.1, unchanged")
s.say(ch, T(D + "19:08:00"), "U01ELIF", "504s are gone since the scale-out, but Vaultkey still refuses ~40% of licence requests with 429")
s.bot("status-page", STATUS, "B01SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Playback errors during the live final",
      "title": "Investigating - Some viewers can't start or continue the live final",
      "text": "We are aware that some viewers see a playback error during the Champions League final and are working on a fix.", "mrkdwn_in": ["text"]}])
s.say(ch, add(STATUS, seconds=20), "U01NADIA", "status page is up, support macros updated")
s.say(ch, WRONG, "U01MARTA", "Vaultkey status page is all green. could it be android 8.4 (out Wednesday) re-requesting licences in a loop?")
s.say(ch, add(WRONG, seconds=60), "U01TOMASZ", "8.4 share is 30% and the errors are the same on web and tvOS, doesn't look platform specific")
s.say(ch, DIAG, "U01JONAS", "I think it's my key rotation. vpack-config %s at 17:53 turned on a 10 min crypto period, so at every boundary every player needs a new licence at the same moment. the spikes were at 18:00, 18:10 ... 18:40 and since 18:50 the burst is longer than the period so it never drains" % C3[1][:7])
s.say(ch, add(DIAG, seconds=75), "U01ELIF", "matches: 429 body says `tenant burst limit 4000/s exceeded`, and it only started today")
s.say(ch, T(D + "19:15:30"), "U01LUCA", "rights holder can live with one key for tonight, I'll take that up with them. revert it")
s.say(ch, T(D + "19:16:10"), "U01JONAS", "reverting, Argo will pick it up")
s.say(ch, add(REVERT_RELOAD, seconds=30), "U01JONAS", "vpack reloaded with key_rotation=disabled at 19:26:20, holding the 19:20 key")
s.say(ch, T(D + "19:30:20"), "U01MARTA", "last 429 at 19:29:3x, failure ratio back at 0.4%. players that were stuck re-licensed once and are fine")
s.say(ch, T(D + "19:40:10"), "U01ELIF", "opened a Vaultkey ticket to raise our burst limit before we turn rotation back on for anything")
s.say(ch, T(D + "20:01:55"), "U01AMIRA", "half-time ad pod went out clean btw")
s.say(ch, T(D + "20:58:30"), "U01MARTA", "final whistle, no licence errors since the revert. resolving 4471, postmortem Monday")
s.bot("status-page", add(MITIGATED, minutes=6), "B01SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Playback errors",
      "title": "Monitoring - Playback errors during the live final", "text": "A fix has been applied and playback is working again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status-page", add(RESOLVED, minutes=3), "B01SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - Playback errors",
      "title": "Resolved - Playback errors during the live final", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "playon-drm-keyrotation", "drm-key-rotation-synchronised-licence-burst-vendor-limit",
    "A packager config change turned on 10-minute content-key rotation for the live final; at every key boundary every player\n"
    "re-licensed at once, the multi-DRM vendor answered 429 above its 4000/s burst limit, and near kick-off the bursts merged into a continuous failure until the rotation was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_FIRE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(RELOAD, "change", "vpack reloads vpack-config %s: key_rotation=enabled, crypto_period=600s (Argo CD sync 17:53:04)" % C3[1][:7], "vpack.log", 60),
     (STARTED, "first_symptom", "first Vaultkey 429 'tenant burst limit 4000/s exceeded' at the 18:00 key boundary", "drm-proxy-0530.log.gz", 60),
     (WARN_FIRE, "alert_fired", "DrmLicenceErrorRatio (warning) fires at the 18:40 boundary", "alertmanager-deliveries.jsonl", 60),
     (PAGE, "paged", "PagerDuty #4471 triggered by LivePlaybackFailuresHigh", "pd-4471-log_entries.json", 60),
     (ACK, "acknowledged", "Marta Kowalska acknowledges", "pd-4471-log_entries.json", 60),
     (SCALE, "mitigation", "drm-proxy scaled 6 -> 20: its own 504s stop, vendor 429s continue (partial)", "slack", 90),
     (STATUS, "communication", "Statuspage: some viewers can't start or continue the live final", "slack", 60),
     (DIAG, "diagnosis", "Jonas: 10-minute key rotation makes every player re-licence at once, over Vaultkey's limit", "slack", 90),
     (REVERT_RELOAD, "mitigation", "vpack reloads the revert: key_rotation=disabled", "vpack.log", 60),
     (MITIGATED, "recovery", "last Vaultkey 429; playback failure ratio back to baseline", "drm-proxy-0530.log.gz", 90),
     (ALERT_OK, "alert_resolved", "LivePlaybackFailuresHigh resolved", "alertmanager-deliveries.jsonl", 60),
     (RESOLVED, "resolved", "PagerDuty #4471 resolved after the final whistle", "pd-4471-log_entries.json", 60)],
    [(CRON[-1], "daily epg-import Job failure (KubeJobFailed) at ~17:46 every day, also May 27-29", "alertmanager-deliveries.jsonl"),
     (RECS_DEPLOY, "recs team deploys recs-api 3.22.0 (Argo CD)", "slack"),
     (ADS_DEPLOY, "ads team syncs ads-ssai half-time ad pod config", "slack"),
     (T(D + "18:27:40"), "RecsApiLatencyHigh for the recs team", "alertmanager-deliveries.jsonl"),
     (T(D + "17:58:30"), "KafkaUnderReplicatedPartitions (data team) flapping all evening", "alertmanager-deliveries.jsonl"),
     (WARN_RES, "DrmLicenceErrorRatio resolves between bursts while the incident continues", "alertmanager-deliveries.jsonl"),
     (ROLLBACK_Q, "'should we roll back?' question, nothing rolled back then", "slack"),
     (WRONG, "wrong hunch: Android 8.4 re-requesting licences", "slack"),
     (T(D + "19:00:40"), "hunch that drm-proxy CPU is the cause (only the 504 part)", "slack"),
     (T(D + "20:00:00"), "steady entitlement 403s (expired subscriptions) and malformed PlayReady challenges all window", "drm-proxy-0530.log.gz"),
     (T(D + "20:00:00"), "steady benign player errors (BAD_HTTP_STATUS on mobile, Tizen decode errors)", "pulse-2026-05-30.ndjson.gz")],
    [("drm-proxy-0530.log.gz", "logs"), ("vpack.log", "logs"), ("pulse-2026-05-30.ndjson.gz", "logs"),
     ("promql-20260530.json", "prometheus-query-range"), ("alertmanager-deliveries.jsonl", "alertmanager-webhook"),
     ("pd-4471-log_entries.json", "pagerduty-log-entries"), ("vpack-config.gitlog", "git-log"), ("slack", "slack-export")])
