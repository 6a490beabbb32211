"""train8/live-hls-targetduration: a packager config build makes live HLS segments 6.4 s under TARGETDURATION 6;
Apple players reject the playlists and live playback fails on iOS/tvOS until the config build is reverted."""
import random
from common import *

rng = random.Random(20260328)
inc = Incident("train8", "live-hls-targetduration")
D = "2026-03-28 "
W0, W1 = T(D + "18:00:00"), T(D + "20:30:00")
CHANGE_START, CHANGE = T(D + "18:44:02"), T(D + "18:47:13")
STARTED = T(D + "18:47:51")
ALERT = T(D + "18:53:20")
PAGE = T(D + "18:53:21")
ACK = T(D + "18:56:02")
HUNCH = T(D + "18:59:30")
ROLLBACK_Q = T(D + "19:01:40")
STATUS = T(D + "19:04:00")
DIAG = T(D + "19:08:45")
OTHER = T(D + "19:02:37")
REVERT_START, REVERT = T(D + "19:12:10"), T(D + "19:14:38")
MITIGATED = T(D + "19:15:24")
ALERT_OK = T(D + "19:20:20")
RESOLVED = T(D + "19:31:05")
CRON = [T("2026-03-%02d 18:05:%02d" % (d, 11 + d)) for d in (25, 26, 27, 28)]

def bad(t):
    return STARTED <= t < MITIGATED

# ---- player error beacons (JSON lines, gzipped)
bc = []
PLAT = [("ios", "AVPlayer/19.3"), ("tvos", "AVPlayer/19.3"), ("android", "ExoPlayer/2.21.1"), ("web", "hls.js/1.6.2"), ("web-safari", "AVFoundation/19.3")]
for t in poisson_times(rng, W0, W1, 0.9):
    plat, player = rng.choice(PLAT)
    ch = rng.choice(["sport1-live", "sport2-live", "news24-live", "kids-live"])
    sess = uid("s%f" % epoch(t), 12)
    apple = plat in ("ios", "tvos", "web-safari")
    if bad(t) and apple and rng.random() < 0.85:
        ev = {"ts": iso(t, ms=True), "event": "playback_error", "platform": plat, "player": player, "channel": ch,
              "session": sess, "code": "CoreMediaErrorDomain:-12642", "fatal": True,
              "msg": "The operation couldn't be completed. (CoreMediaErrorDomain error -12642 - Playlist parse error)",
              "cdn": rng.choice(["akamai", "fastly"]), "startup": True}
    elif rng.random() < 0.05:  # benign: steady network timeouts on Android / web
        ev = {"ts": iso(t, ms=True), "event": "playback_error", "platform": rng.choice(["android", "web"]), "player": "ExoPlayer/2.21.1",
              "channel": ch, "session": sess, "code": "ERROR_CODE_IO_NETWORK_CONNECTION_TIMEOUT", "fatal": False,
              "msg": "segment fetch timed out after 8000ms, retrying", "cdn": rng.choice(["akamai", "fastly"]), "startup": False}
    else:
        ev = {"ts": iso(t, ms=True), "event": rng.choice(["playback_start", "heartbeat", "heartbeat", "heartbeat"]), "platform": plat,
              "player": player, "channel": ch, "session": sess, "bitrate_kbps": rng.choice([1800, 3500, 6000, 8000]),
              "cdn": rng.choice(["akamai", "fastly"])}
    bc.append((t, jline(ev)))
for t, plat, player in [(STARTED, "ios", "AVPlayer/19.3"), (add(MITIGATED, seconds=-2), "tvos", "AVPlayer/19.3")]:
    bc.append((t, jline({"ts": iso(t, ms=True), "event": "playback_error", "platform": plat, "player": player, "channel": "sport1-live",
                         "session": uid("x%f" % epoch(t), 12), "code": "CoreMediaErrorDomain:-12642", "fatal": True,
                         "msg": "The operation couldn't be completed. (CoreMediaErrorDomain error -12642 - Playlist parse error)",
                         "cdn": "akamai", "startup": True})))
bc.sort(key=lambda x: x[0])
inc.lines("collector/beacons-20260328.ndjson.gz", [l for _, l in bc])

# ---- packager logfmt (nothing about the config itself)
pk = []
for t in frange(W0, W1, 6):
    if rng.random() < 0.12:
        ch = rng.choice(["sport1-live", "sport2-live", "news24-live", "kids-live"])
        dur = 6.4 if add(CHANGE, seconds=31) <= t < add(REVERT, seconds=30) else 6.0
        seq = int((epoch(t) - 1774700000) // 6)
        pk.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "info"), ("svc", "live-packager"), ("node", "pkg-eu1-%d" % rng.randint(1, 4)),
                              ("msg", "segment published"), ("channel", ch), ("rendition", rng.choice(["1080p", "720p", "480p"])),
                              ("seq", seq), ("duration", "%.3f" % dur), ("target_duration", 6)])))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    pk.append((t, logfmt([("ts", iso(t, ms=True)), ("level", "warn"), ("svc", "live-packager"), ("node", "pkg-eu1-%d" % rng.randint(1, 4)),
                          ("msg", "contribution feed jitter, reordering buffer used"), ("channel", "news24-live"), ("late_ms", rng.randint(40, 400))])))
for c in CRON[-1:]:
    pk.append((c, logfmt([("ts", iso(c, ms=True)), ("level", "error"), ("svc", "epg-import"), ("node", "cron-eu1-1"),
                          ("msg", "EPG import failed: provider feed returned 404 for schedule/2026-04-04.xml"), ("exit", 1)])))
pk.sort(key=lambda x: x[0])
inc.lines("pkg-eu1.logfmt", [l for _, l in pk])

# ---- prometheus query_range: startup failure ratio per platform
def fail(plat):
    def f(t):
        base = 0.011 + 0.003 * ((int(epoch(t)) // 60) % 3)
        if plat in ("ios", "tvos") and add(STARTED, seconds=30) <= t <= add(MITIGATED, seconds=30):
            return 0.78 + 0.04 * ((int(epoch(t)) // 30) % 3)
        return base + (0.02 if plat == "android" else 0)
    return f
inc.json("qoe_range.json", query_range(
    [({"__name__": "player:startup_failure:ratio_rate1m", "platform": p}, fail(p)) for p in ("ios", "tvos", "android", "web")],
    W0, W1, 30), indent=None)

# ---- Buildkite builds API
def build(num, pipe, msg, commit, who, created, started, finished, job, source="ui", state="passed", branch="main"):
    bid = uuid("bk%d%s" % (num, pipe))
    return {"id": bid, "graphql_id": "QnVpbGQtLS0" + uid(bid, 20), "url": "https://api.buildkite.com/v2/organizations/streamco/pipelines/%s/builds/%d" % (pipe, num),
            "web_url": "https://buildkite.com/streamco/%s/builds/%d" % (pipe, num), "number": num, "state": state, "blocked": False,
            "message": msg, "commit": commit, "branch": branch, "tag": None, "env": {}, "source": source,
            "creator": {"id": uuid(who), "name": who, "email": who.lower().replace(" ", ".") + "@streamco.tv", "avatar_url": "https://www.gravatar.com/avatar/" + uid(who, 32)},
            "created_at": iso(created, ms=True), "scheduled_at": iso(created, ms=True), "started_at": iso(started, ms=True), "finished_at": iso(finished, ms=True),
            "meta_data": {}, "pull_request": None,
            "pipeline": {"id": uuid(pipe), "slug": pipe, "name": pipe, "repository": "git@github.com:streamco/%s.git" % pipe},
            "jobs": [{"id": uuid(bid + "t"), "type": "script", "name": ":test_tube: validate", "state": "passed", "exit_status": 0,
                      "started_at": iso(add(started, seconds=3), ms=True), "finished_at": iso(add(started, seconds=41), ms=True)},
                     {"id": uuid(bid + "d"), "type": "script", "name": job, "state": state, "exit_status": 0,
                      "started_at": iso(add(started, seconds=44), ms=True), "finished_at": iso(finished, ms=True)}]}
blds = [
    build(4809, "packager-config", "Add kids-live ad-break markers", "a41c09e2" + "7" * 32, "Priya Nair", T("2026-03-27 10:12:00"), T("2026-03-27 10:12:04"), T("2026-03-27 10:15:20"), ":rocket: deploy live-eu"),
    build(2231, "recommendations-api", "Rank rails by watch-time decay", "0be771c3" + "1" * 32, "Lars Holm", T(D + "16:20:11"), T(D + "16:20:15"), T(D + "16:31:02"), ":kubernetes: deploy prod", source="webhook"),
    build(4812, "packager-config", "Align segmenter to 30fps GOP (segment_duration 6.4)", "5fe2a913" + "c" * 32, "Tomasz Wrona", add(CHANGE_START, seconds=-4), CHANGE_START, CHANGE, ":rocket: deploy live-eu"),
    build(2232, "recommendations-api", "Fix empty rail on kids profiles", "77d0e1aa" + "2" * 32, "Lars Holm", add(OTHER, minutes=-9), add(OTHER, minutes=-9, seconds=3), OTHER, ":kubernetes: deploy prod", source="webhook"),
    build(4815, "packager-config", "Revert \"Align segmenter to 30fps GOP (segment_duration 6.4)\"", "e0a6b5d4" + "9" * 32, "Ingrid Solberg", add(REVERT_START, seconds=-3), REVERT_START, REVERT, ":rocket: deploy live-eu"),
    build(918, "web-player", "Bump hls.js to 1.6.2", "9c3d2f10" + "4" * 32, "Ana Costa", T(D + "20:05:00"), T(D + "20:05:03"), T(D + "20:12:48"), ":s3: publish", source="webhook"),
]
blds.sort(key=lambda b: b["created_at"], reverse=True)
inc.json("bk-builds.json", blds)

# ---- alertmanager webhook posts
posts = []
a_play = lambda ends=None: am_alert("LiveStartupFailureHigh", {"severity": "page", "team": "video-platform", "platform": "ios", "service": "live-playback"},
                                    "Live startup failures on ios at 81%", ALERT, ends, desc="player:startup_failure:ratio_rate1m > 0.2 for 5m")
posts.append((ALERT, am_webhook("pagerduty-video", [a_play()])))
posts.append((ALERT_OK, am_webhook("pagerduty-video", [a_play(ALERT_OK)])))
for i, (s0, s1) in enumerate([("18:12:30", "18:16:30"), ("18:40:00", "18:43:30"), ("19:06:00", "19:09:00"), ("19:44:30", "19:49:00"), ("20:17:00", "20:21:30")]):
    lab = {"severity": "warning", "team": "billing", "consumergroup": "invoice-writer", "namespace": "billing"}
    posts.append((T(D + s0), am_webhook("slack-billing", [am_alert("KafkaConsumerLagHigh", lab, "invoice-writer lag above 5000", T(D + s0))])))
    posts.append((T(D + s1), am_webhook("slack-billing", [am_alert("KafkaConsumerLagHigh", lab, "invoice-writer lag above 5000", T(D + s0), T(D + s1))])))
posts.append((add(CRON[-1], seconds=50), am_webhook("slack-video", [am_alert("EpgImportFailed", {"severity": "ticket", "team": "video-platform", "job": "epg-import"},
                                                                       "EPG import job failed", add(CRON[-1], seconds=20))])))
posts.sort(key=lambda x: x[0])
inc.json("am-posts.json", [p for _, p in posts])

# ---- pagerduty log entries
pd = PD(48122, "LiveStartupFailureHigh ios live startup failures", "live-playback", "PLIVE01")
tom = PD.user("Ingrid Solberg", "PINGRID")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMV01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Ingrid Solberg by push notification.", user=tom)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Ingrid Solberg by phone.", user=tom)
pd.add(ACK, "acknowledge_log_entry", tom, {"type": "mobile"}, "Acknowledged by Ingrid Solberg.")
pd.add(RESOLVED, "resolve_log_entry", tom, {"type": "web_ui"}, "Resolved by Ingrid Solberg.")
inc.json("log_entries.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("U9ING", "ingrid", "Ingrid Solberg"), ("U9TOM", "tomasz", "Tomasz Wrona"), ("U9MEI", "mei", "Mei Tanaka"),
                ("U9LARS", "lars", "Lars Holm"), ("U9SUP", "kofi.support", "Kofi Mensah")]:
    s.user(u, n, r, "Europe/Oslo")
for cid, n, p in [("C9INC", "inc-live-playback", "live playback incident"), ("C9VID", "video-alerts", "alerts"), ("C9STAT", "status", "status page mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("video-alerts", add(c, seconds=50), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "EpgImportFailed", "EPG import job failed\nseverity: ticket", color="warning"))
s.bot("video-alerts", ALERT, "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "LiveStartupFailureHigh", "Live startup failures on ios at 81%"))
s.bot("video-alerts", ALERT_OK, "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "LiveStartupFailureHigh", "Live startup failures on ios back under threshold"))
c = "inc-live-playback"
s.say(c, T(D + "18:57:10"), "U9ING", "on it. iOS and tvOS live startups failing with -12642, android and web look normal")
s.say(c, T(D + "18:58:20"), "U9SUP", "support has ~200 tickets, all iPhone/Apple TV, kickoff was 18:45")
s.say(c, HUNCH, "U9MEI", "could be the Akamai edge in Frankfurt again? they had a bad config last month")
s.say(c, T(D + "19:00:40"), "U9ING", "fastly sessions fail the same way, not the CDN")
s.say(c, ROLLBACK_Q, "U9MEI", "should we roll back the recommendations deploy from this afternoon?")
s.say(c, T(D + "19:02:30"), "U9LARS", "recs doesn't touch playback at all, and android is fine")
s.say(c, T(D + "19:05:50"), "U9ING", "pulled a live playlist: #EXT-X-TARGETDURATION:6 but the segments are #EXTINF:6.400, mediastreamvalidator flags it")
s.say(c, DIAG, "U9ING", "so that's the cause: segments are longer than the target duration and Apple's players reject the playlist. "
      "Tomasz, did the packager segment duration change today?")
s.say(c, T(D + "19:10:05"), "U9TOM", "yes, my GOP alignment change went out at 18:47, I'll revert it now")
s.say(c, add(REVERT, seconds=40), "U9TOM", "revert build is through, new playlists have 6.000 segments")
s.say(c, T(D + "19:17:30"), "U9ING", "iOS startups recovering, failure ratio back to ~1%")
s.say(c, add(RESOLVED, seconds=-40), "U9ING", "15 min clean on all platforms, resolving. follow-up: run mediastreamvalidator in the packager-config pipeline")
s.bot("status", STATUS, "B9SP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Investigating - Live channels not starting on Apple devices",
      "fallback": "Investigating", "text": "Some iPhone, iPad and Apple TV viewers can't start live channels. We're investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=2), "B9SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Resolved - Live channels on Apple devices",
      "fallback": "Resolved", "text": "Live playback on Apple devices has recovered.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "live-hls-targetduration", "packager-config-playlist-spec-violation",
    "A packager-config Buildkite build set live HLS segments to 6.4 s while EXT-X-TARGETDURATION stayed 6;\n"
    "Apple players rejected the playlists (-12642) and live startups failed on iOS/tvOS until the build was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "Buildkite packager-config #4812 deploys segment_duration 6.4 to live-eu", "bk-builds.json"),
     (STARTED, "first_symptom", "iOS/tvOS players fail live startup with CoreMediaErrorDomain -12642", "collector/beacons-20260328.ndjson.gz"),
     (ALERT, "alert_fired", "LiveStartupFailureHigh (ios) firing", "am-posts.json"),
     (PAGE, "paged", "PagerDuty #48122 triggered, Ingrid notified", "log_entries.json"),
     (ACK, "acknowledged", "Ingrid acknowledges", "log_entries.json"),
     (STATUS, "communication", "Statuspage: live channels not starting on Apple devices", "slack"),
     (DIAG, "diagnosis", "segments longer than TARGETDURATION, Apple players reject the playlist", "slack"),
     (REVERT, "mitigation", "Buildkite packager-config #4815 reverts the segment duration change", "bk-builds.json"),
     (MITIGATED, "recovery", "Apple startup errors stop; failure ratio back to baseline", "collector/beacons-20260328.ndjson.gz"),
     (ALERT_OK, "alert_resolved", "LiveStartupFailureHigh resolved", "am-posts.json"),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "log_entries.json")],
    [(CRON[-1], "daily epg-import failure (EpgImportFailed every day ~18:05)", "pkg-eu1.logfmt"),
     (OTHER, "recommendations-api deploy by another team", "bk-builds.json"),
     (T(D + "18:12:30"), "billing KafkaConsumerLagHigh flapping", "am-posts.json"),
     (ROLLBACK_Q, "'should we roll back the recommendations deploy?' question, not done", "slack"),
     (HUNCH, "wrong hunch: Akamai Frankfurt edge", "slack"),
     (T(D + "19:30:00"), "steady Android/web segment fetch timeouts all window", "collector/beacons-20260328.ndjson.gz"),
     (T(D + "20:12:48"), "web-player publish after the incident", "bk-builds.json")],
    [("collector/beacons-20260328.ndjson.gz", "logs"), ("pkg-eu1.logfmt", "logs"), ("qoe_range.json", "prometheus-query-range"),
     ("bk-builds.json", "deploys"), ("am-posts.json", "alertmanager-webhook"), ("log_entries.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
