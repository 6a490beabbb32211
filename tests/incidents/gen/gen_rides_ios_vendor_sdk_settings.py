"""retired10/rides-ios-vendor-sdk-settings: the attribution vendor's server-side settings change makes its iOS SDK
(initialised at launch, before our code) crash on a null field; as cached settings expire the iOS launch crash share
grows slowly for an hour, and after the vendor reverts and purges its CDN it fades slowly; start and end are read
from the crash-ratio series (a slow degradation, a vendor's behaviour, a vendor's fix)."""
import random
from common import *

rng = random.Random(20261015)
inc = Incident("retired10", "rides-ios-vendor-sdk-settings")
D = "2026-10-15 "
W0, W1 = T(D + "17:15:00"), T(D + "20:15:00")
CRON = [T("2026-10-%02d 18:00:%02d" % (d, 11 + d - 12)) for d in (12, 13, 14, 15)]
ANDROID = T(D + "17:20:14")       # our Android staged rollout 10% -> 20% (unrelated)
OTHER_DEPLOY = T(D + "17:55:40")  # rider-api deploy by marketplace team
RAMP0 = T(D + "17:42:00")         # crash share starts leaving baseline
STARTED = T(D + "17:42:07")       # first crash report with the new signature
PLATEAU = add(RAMP0, hours=1)
SUPPORT = T(D + "18:02:30")
ALERT = T(D + "18:13:45")
PAGE = T(D + "18:14:10")
ACK = T(D + "18:18:40")
WRONG1 = T(D + "18:20:30")
WRONG2 = T(D + "18:22:05")
ROLLBACK_Q = T(D + "18:24:10")
DIAG = T(D + "18:29:40")
VSTATUS1 = T(D + "18:31:02")
TICKET = T(D + "18:33:15")
COMMS = T(D + "18:40:30")
VFIX = T(D + "19:05:00")          # vendor's revert (stated in its status post)
VSTATUS2 = T(D + "19:08:12")
FADE0 = T(D + "19:06:00")
ALERT_OK = T(D + "19:27:15")
VSTATUS3 = T(D + "19:24:40")
MITIGATED = T(D + "19:31:00")     # crash share back at baseline
RESOLVED = T(D + "19:52:00")
SIG = "NSInvalidArgumentException: -[NSNull count]: unrecognized selector sent to instance"
FRAME = "AttriblyKit -[ATBRemoteSettings applyConversionWindows:] (ATBRemoteSettings.m:212)"

def bad_share(t):
    if t < RAMP0 or t >= MITIGATED:
        return 0.0
    if t < FADE0:
        return 0.58 * min(1.0, (t - RAMP0).total_seconds() / 3600.0)
    return 0.58 * (MITIGATED - t).total_seconds() / (MITIGATED - FADE0).total_seconds()

def launches(t):
    base = 4100 + 600 * (t - W0).total_seconds() / 10800.0
    return base * (1 + bad_share(t) * 0.35)   # crashing users relaunch

VERS = [("7.10.3", 0.22), ("7.11.1", 0.58), ("7.12.0", 0.20)]
noise = {}
def wob(key, amp):
    if key not in noise:
        noise[key] = rng.uniform(-amp, amp)
    return noise[key]

# ---- Prometheus query_range: iOS/Android launch crash ratio by app_version, step 60
def ratio(plat, ver):
    def f(t):
        base = 0.0041 + wob((plat, ver, epoch(t)), 0.0009)
        if plat == "ios":
            return base + bad_share(t) * (1 + wob((ver, "v"), 0.03))
        return base
    return f
series = [({"platform": "ios", "app_version": v}, ratio("ios", v)) for v, _ in VERS] + \
         [({"platform": "android", "app_version": v}, ratio("android", v)) for v in ("7.11.2", "7.12.0")]
inc.json("launch_crash_ratio.json", query_range(series, W0, W1, 60, fmt="%.5f"))

# ---- OpenMetrics: rides booked and app launches counters (scrape every 60 s)
fams = []
for name, help_, fn in (("hopla_rides_booked", "Rides booked, by client platform", lambda p, t: (260 if p == "ios" else 210) * (1 - (0.9 * bad_share(t) if p == "ios" else 0))),
                        ("hopla_app_launches", "App launches reported by the session endpoint", lambda p, t: launches(t) if p == "ios" else 3900.0)):
    ser = []
    for p in ("ios", "android"):
        c = {"hopla_rides_booked": 18_204_117, "hopla_app_launches": 402_881_006}[name] + (0 if p == "ios" else 7_001_220)
        pts = []
        for t in frange(W0, W1, 60):
            c += int(fn(p, t) * (1 + wob((name, p, epoch(t)), 0.04)))
            pts.append((t, c))
        ser.append(({"platform": p, "region": "eu-south"}, pts))
    fams.append((name, "counter", help_, ser))
inc.write("hopla-business.om", openmetrics(fams))

# ---- crash-ingest service log (python logging, UTC)
ci = []
def L(t, lvl, lg, msg):
    ci.append((t, "%s,%03d %s %s: %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl, lg, msg)))
for t in frange(W0, add(W1, seconds=-60), 60):
    m = add(t, seconds=30)
    n_ios = int(launches(m) * (0.0041 + bad_share(m)))
    top = ("%s @ %s" % (SIG, FRAME)) if bad_share(m) > 0.003 else "EXC_BAD_ACCESS @ HoplaMap MKTileOverlayRenderer.render"
    L(add(t, seconds=63), "INFO", "crash_ingest.stats", 'window=60s accepted_ios=%d accepted_android=%d rejected=%d top_ios="%s"' % (n_ios, int(3900 * 0.004), rng.randint(0, 3), top))
for t in poisson_times(rng, STARTED, MITIGATED, 0.1):
    if rng.random() < bad_share(t) / 0.58:
        v = rng.choices([v for v, _ in VERS], weights=[w for _, w in VERS])[0]
        L(t, "INFO", "crash_ingest.worker", 'accepted report id=%s platform=ios app_version=%s os=%s signature="%s" top_frame="%s"' % (
            uuid("r" + str(t)), v, rng.choice(["19.0.1", "19.1", "18.7.2"]), SIG, FRAME))
L(STARTED, "INFO", "crash_ingest.grouping", 'new issue group HOPLA-IOS-4F2 signature="%s" top_frame="%s" first_release=7.11.1' % (SIG, FRAME))
L(add(STARTED, seconds=0.2), "INFO", "crash_ingest.worker", 'accepted report id=%s platform=ios app_version=7.11.1 os=19.0.1 signature="%s" top_frame="%s"' % (uuid("first"), SIG, FRAME))
L(add(MITIGATED, seconds=-8), "INFO", "crash_ingest.worker", 'accepted report id=%s platform=ios app_version=7.10.3 os=18.7.2 signature="%s" top_frame="%s"' % (uuid("last"), SIG, FRAME))
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    L(t, "WARNING", "crash_ingest.symbolicate", "dSYM lookup timed out after 5.0s for uuid %s, storing unsymbolicated" % uuid("d" + str(t)).upper())
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    L(t, "ERROR", "crash_ingest.api", "rejected report: payload too large (%d bytes > 1048576)" % rng.randint(1048600, 3000000))
inc.lines("crash-ingest.log", [l for _, l in sorted(ci, key=lambda x: x[0])])

# ---- release tracker export (backend deploys + mobile store actions)
rows = [("2026-10-12T09:02:11Z", "app-store-connect", "hopla-ios", "7.12.0", "phased_release_started", "release-bot"),
        ("2026-10-14T16:40:55Z", "play-console", "hopla-android", "7.12.0", "staged_rollout 10%", "marta.gil"),
        ("2026-10-15T09:31:02Z", "argo-cd", "pricing-svc", "2026.10.15-1", "sync", "argocd"),
        (iso(ANDROID), "play-console", "hopla-android", "7.12.0", "staged_rollout 20%", "marta.gil"),
        (iso(OTHER_DEPLOY), "argo-cd", "rider-api", "2026.10.15-3", "sync", "argocd"),
        ("2026-10-15T19:47:30Z", "argo-cd", "driver-api", "2026.10.15-2", "sync", "argocd")]
inc.write("releases.csv", "timestamp,system,target,version,action,actor\n" + "".join(",".join(r) + "\n" for r in rows))

# ---- alert rules
inc.write("mobile.rules.yml", """groups:
- name: mobile-stability
  rules:
  - alert: IOSLaunchCrashRateHigh
    expr: sum(rate(crash_reports_total{platform="ios"}[5m])) / sum(rate(hopla_app_launches_total{platform="ios"}[5m])) > 0.15
    for: 15m
    labels: {severity: page, team: mobile}
    annotations:
      summary: "iOS launch crash ratio {{ $value | humanizePercentage }}"
  - alert: AndroidLaunchCrashRateHigh
    expr: sum(rate(crash_reports_total{platform="android"}[5m])) / sum(rate(hopla_app_launches_total{platform="android"}[5m])) > 0.15
    for: 15m
    labels: {severity: page, team: mobile}
- name: platform
  rules:
  - alert: PromoExpirySweeperFailed
    expr: kube_job_status_failed{job_name=~"promo-expiry-sweeper-.*"} > 0
    labels: {severity: warning, team: growth}
  - alert: DriverLocationLagHigh
    expr: histogram_quantile(0.99, sum by (le) (rate(driver_location_ingest_lag_seconds_bucket[5m]))) > 8
    for: 2m
    labels: {severity: warning, team: dispatch}
""")

# ---- PagerDuty log entries
pd = PD(4471, "IOSLaunchCrashRateHigh hopla-ios", "hopla-mobile", "PMOB042", "Mobile On-call")
ines = PD.user("Inés Romero", "PINES01")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Inés Romero by push notification.", user=ines)
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Inés Romero by phone.", user=ines)
pd.add(ACK, "acknowledge_log_entry", ines, {"type": "phone"}, "Acknowledged by Inés Romero.")
pd.add(add(TICKET, seconds=30), "annotate_log_entry", ines, {"type": "web_ui", "summary": "Attribly P1 ticket #88213 opened"}, "Note added")
pd.add(add(ALERT_OK, seconds=25), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; incident kept open"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", ines, {"type": "web_ui"}, "Resolved by Inés Romero.")
inc.json("pd.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("UINES", "ines", "Inés Romero"), ("UPABL", "pablo", "Pablo Navarro"), ("UMART", "marta", "Marta Gil"), ("ULUCA", "luca", "Luca Bianchi"),
                ("UCARM", "carmen", "Carmen Ortiz"), ("UDAVI", "david", "David Sanz")]:
    s.user(u, n, r, "Europe/Madrid")
s.user("BSTAT", "attribly-status", "Attribly Status (RSS)", bot=True)
for cid, n in [("CMOB", "mobile-alerts"), ("CPLAT", "platform-alerts"), ("CINC", "inc-ios-crashes"), ("CCS", "cs-escalations")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("platform-alerts", add(c, seconds=40), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "PromoExpirySweeperFailed", "promo-expiry-sweeper job failed (statement timeout)", color="warning"))
for a, b in ((T(D + "17:33:00"), T(D + "17:37:30")), (T(D + "18:26:00"), T(D + "18:29:00")), (T(D + "19:14:00"), T(D + "19:19:30")), (T(D + "19:58:00"), T(D + "20:02:00"))):
    s.bot("platform-alerts", add(a, seconds=15), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "DriverLocationLagHigh", "driver location ingest p99 lag > 8s", color="warning"))
    s.bot("platform-alerts", add(b, seconds=15), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "DriverLocationLagHigh", "driver location ingest lag"))
s.bot("mobile-alerts", add(ALERT, seconds=10), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "IOSLaunchCrashRateHigh", "iOS launch crash ratio 28.9%"))
s.bot("mobile-alerts", add(ALERT_OK, seconds=10), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "IOSLaunchCrashRateHigh", "iOS launch crash ratio"))
s.bot("mobile-alerts", add(ANDROID, seconds=30), "BREL", "release-tracker", blocks=pd_slack_blocks("*hopla-android* 7.12.0 staged rollout 10% -> 20% (marta.gil)"))
s.bot("mobile-alerts", add(OTHER_DEPLOY, seconds=30), "BREL", "release-tracker", blocks=pd_slack_blocks("*rider-api* 2026.10.15-3 synced by argocd (marketplace)"))
s.say("cs-escalations", SUPPORT, "UCARM", "getting a wave of 'app closes as soon as I open it' chats, all iPhone so far. anyone aware?")
for t, txt in ((VSTATUS1, "*Investigating* - We are investigating reports of crashes on launch in iOS apps using AttriblyKit 4.x."),
               (VSTATUS2, "*Identified* - A settings change deployed at 17:38 UTC returned a null conversion-window value that AttriblyKit 4.x for iOS does not handle. The change was reverted at 19:05 UTC. Cached settings on our CDN are being purged; apps will recover as they fetch the corrected settings."),
               (VSTATUS3, "*Monitoring* - The CDN purge completed at 19:22 UTC. We are monitoring crash rates with affected customers."),
               (T(D + "20:05:10"), "*Resolved* - This incident has been resolved. A post-incident report will follow.")):
    s.bot("inc-ios-crashes", t, "BSTAT", "Attribly Status (RSS)", blocks=pd_slack_blocks(txt), text=txt)
ch = "inc-ios-crashes"
s.say(ch, add(ACK, seconds=40), "UINES", "acked. iOS launch crash ratio ~29% and still climbing, started creeping up around 17:45 in the graph")
s.say(ch, add(ACK, seconds=95), "UCARM", "CS has had iPhone users reporting this since ~18:00")
s.say(ch, WRONG1, "ULUCA", "7.12.0 phased release moved to the next step today, is it the new build?")
s.say(ch, add(WRONG1, seconds=50), "UINES", "no - 7.10.3, 7.11.1 and 7.12.0 all crash at the same rate")
s.say(ch, WRONG2, "UDAVI", "rider-api went out at 17:55, maybe a response the app can't parse?")
s.say(ch, ROLLBACK_Q, "UDAVI", "should we roll back rider-api to be safe?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "UPABL", "the crash is before the app makes any request to us, hold off")
s.say(ch, DIAG, "UPABL", "got it from the symbolicated reports: every new crash is NSInvalidArgumentException in AttriblyKit -[ATBRemoteSettings applyConversionWindows:] - their settings endpoint now returns conversion_windows: null and the SDK calls count on NSNull. The SDK fetches settings in didFinishLaunching before our remote config loads, so our kill switch can't reach it")
s.say(ch, add(DIAG, seconds=70), "UINES", "that also explains the slow climb: the SDK caches settings for an hour, each user crashes once their cache expires")
s.say(ch, TICKET, "UINES", "opened P1 #88213 with Attribly, their status page just went to investigating")
s.say(ch, COMMS, "UMART", "posted on status page + social: 'Some iPhone users see the Hopla app close when opening it. Android and web booking work. A partner fix is in progress'")
s.say(ch, add(COMMS, seconds=300), "ULUCA", "can we hotfix the app to guard the SDK init?")
s.say(ch, add(COMMS, seconds=360), "UPABL", "we can, but App Review plus adoption is days. starting the build anyway for next time")
s.say(ch, add(VSTATUS2, seconds=90), "UINES", "Attribly reverted at 19:05, crash ratio turning down")
s.say(ch, add(ALERT_OK, seconds=60), "UINES", "alert resolved but we're still above baseline, keeping it open")
s.say(ch, add(MITIGATED, seconds=240), "UINES", "back at baseline since ~19:31, rides booked on iOS back to normal")
s.say(ch, add(RESOLVED, seconds=-45), "UINES", "resolving. postmortem: SDK init behind our flag, settings schema validation ask to Attribly")
s.write(inc, "slack")

inc.truth(
    "rides-ios-vendor-sdk-settings", "vendor-sdk-remote-settings-client-crash",
    "The attribution vendor's server-side settings change makes its iOS SDK crash at launch on a null field; as cached settings\n"
    "expire the crash share grows slowly for an hour and fades slowly after the vendor reverts and purges its CDN.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "new crash group HOPLA-IOS-4F2 in AttriblyKit; iOS launch crash ratio starts rising", "crash-ingest.log", 120),
     (ALERT, "alert_fired", "IOSLaunchCrashRateHigh firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #4471 triggered", "pd.json", 60),
     (ACK, "acknowledged", "Inés Romero acknowledges", "pd.json", 60),
     (DIAG, "diagnosis", "Pablo: AttriblyKit crashes on null conversion_windows from the vendor's settings", "slack", 60),
     (COMMS, "communication", "status page + social: iPhone app closes on open", "slack", 60),
     (VSTATUS2, "mitigation", "vendor reverts the settings change (19:05, posted 19:08) and purges its CDN", "slack", 240),
     (ALERT_OK, "alert_resolved", "IOSLaunchCrashRateHigh resolved while still above baseline", "slack", 60),
     (MITIGATED, "recovery", "iOS launch crash ratio back at baseline", "launch_crash_ratio.json", 120),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd.json", 60)],
    [(CRON[-1], "promo-expiry-sweeper fails daily at 18:00 (also Oct 12-14)", "slack"),
     (ANDROID, "Android 7.12.0 staged rollout 10% -> 20% (Android not affected)", "releases.csv"),
     (OTHER_DEPLOY, "rider-api deploy by marketplace team", "releases.csv"),
     (T(D + "19:47:30"), "driver-api deploy by dispatch team", "releases.csv"),
     (T(D + "18:26:00"), "DriverLocationLagHigh for dispatch, flapping", "slack"),
     (T(D + "18:00:00"), "steady dSYM timeouts and oversized-report rejections all window", "crash-ingest.log"),
     (WRONG1, "wrong hunch: iOS 7.12.0 phased release", "slack"),
     (WRONG2, "wrong hunch: rider-api deploy", "slack"),
     (ROLLBACK_Q, "'should we roll back rider-api?' question", "slack")],
    [("crash-ingest.log", "logs"), ("launch_crash_ratio.json", "prometheus-query-range"), ("hopla-business.om", "openmetrics"),
     ("releases.csv", "deploys"), ("mobile.rules.yml", "alert-rules"), ("pd.json", "pagerduty-log-entries"), ("slack", "slack-export")])
