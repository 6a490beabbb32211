"""retired11/basketly-force-update: a Firebase Remote Config edit meant for iOS raises the default min_supported_version
to 5.2.0; every Android 5.1.x app shows a blocking update screen while Play has 5.2.0 only at a 10% staged rollout.
Support pages before any alert fires; the Remote Config rollback ends it, the incident stays open until Play is at 100%."""
import random
from common import *

rng = random.Random(20260324)
inc = Incident("retired11", "basketly-force-update")
D = "2026-03-24 "
W0, W1 = T(D + "07:00:00"), T(D + "10:00:00")
CRON = [T("2026-03-%02d 06:30:%02d" % (d, 4 + d % 5)) for d in (21, 22, 23, 24)]
PROMO = T(D + "07:12:40")         # growth team's Remote Config change (unrelated)
CHANGE = T(D + "07:30:05")        # v219 min_supported_version default 5.2.0
STARTED = T(D + "07:30:48")       # first update-info from Android 5.1.x
REPORT = T(D + "07:43:30")
PAGE = T(D + "07:44:10")          # support lead triggers PagerDuty by hand
ACK = T(D + "07:47:05")
OTHER_DEPLOY = T(D + "07:49:12")
WRONG = T(D + "07:51:30")
COMMS = T(D + "07:53:20")
ROLLBACK_Q = T(D + "07:55:05")
ALERT = T(D + "07:56:40")
DIAG = T(D + "08:03:40")
ROLLBACK = T(D + "08:08:12")      # Remote Config rollback to v218 (v220)
MITIGATED = T(D + "08:09:00")
ALERT_OK = T(D + "08:14:10")
PLAY100 = T(D + "09:24:30")
RESOLVED = T(D + "09:42:10")


def gated_share(t):
    """share of Android 5.1.x clients held at the update screen."""
    if t < STARTED or t >= MITIGATED:
        return 0.0
    return min(1.0, 0.1 + (t - STARTED).total_seconds() / 100.0)


def base_orders(plat, t):
    ramp = 1 + 0.25 * (t - W0).total_seconds() / 10800.0
    return {"android": 140.0, "ios": 160.0, "web": 90.0}[plat] * ramp

# ---- api gateway envoy JSON access log (one of 8 pods), gz
ANDROID_51 = ["5.1.4 (Android 14; SM-S911B)", "5.1.4 (Android 15; Pixel 7a)", "5.1.3 (Android 13; Redmi Note 12)", "5.1.4 (Android 14; moto g54)"]
ANDROID_52 = ["5.2.0 (Android 14; SM-A546B)", "5.2.0 (Android 15; Pixel 8)"]
IOS = ["5.2.0 (iPhone15,3; iOS 18.3.2)", "5.2.0 (iPhone14,5; iOS 18.3.1)", "5.1.4 (iPhone13,2; iOS 17.7)"]
OLD = ["4.18.2 (Android 9; SM-J600F)", "4.19.0 (iPhone10,4; iOS 15.8)"]
gw = []
def G(t, method, path, code, ua, dur, flags="-", cluster="orders"):
    gw.append((t, jline({"start_time": iso(t, ms=True), "method": method, "path": path, "protocol": "HTTP/2", "response_code": code,
                         "response_flags": flags, "bytes_received": rng.randint(0, 900) if method == "POST" else 0,
                         "bytes_sent": rng.randint(300, 9000), "duration": dur, "x_forwarded_for": "%d.%d.%d.%d" % (rng.choice([81, 86, 90, 92, 109, 148, 176, 212]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
                         "user_agent": "Basketly/" + ua, "request_id": uuid("%s%s" % (t, path)), "upstream_cluster": cluster,
                         "authority": "api.basketly.co.uk"})))
for plat in ("android", "ios", "web"):
    for t in poisson_times(rng, W0, W1, base_orders(plat, W1) / 60.0 / 8.0):
        if plat == "android":
            ua = rng.choice(ANDROID_51) if rng.random() < 0.9 else rng.choice(ANDROID_52)
            if ua.startswith("5.1") and rng.random() < gated_share(t):
                continue
        elif plat == "ios":
            ua = rng.choice(IOS)
        else:
            ua = None
        if ua is None:
            gw.append((t, jline({"start_time": iso(t, ms=True), "method": "POST", "path": "/v2/orders", "protocol": "HTTP/1.1", "response_code": 201,
                                 "response_flags": "-", "bytes_received": rng.randint(300, 900), "bytes_sent": rng.randint(500, 1500), "duration": rng.randint(80, 300),
                                 "x_forwarded_for": "10.8.%d.%d" % (rng.randint(0, 3), rng.randint(2, 250)), "user_agent": "basketly-web-bff/3.41.0",
                                 "request_id": uuid("%sweb" % t), "upstream_cluster": "orders", "authority": "api.basketly.co.uk"})))
        else:
            G(t, "POST", "/v2/orders", 201, ua, rng.randint(90, 320))
for t in poisson_times(rng, W0, W1, 0.25):
    ua = rng.choice(ANDROID_51 * 3 + ANDROID_52 + IOS * 2)
    if ua.startswith("5.1") and "Android" in ua and rng.random() < gated_share(t):
        continue
    G(t, "GET", rng.choice(["/v2/catalog/aisles", "/v2/catalog/search?q=milk", "/v2/basket", "/v2/slots?postcode=M14"]), 200, ua, rng.randint(20, 180), cluster="catalog")
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    G(t, "POST", "/v1/auth/refresh", 401, rng.choice(ANDROID_51 + IOS), rng.randint(4, 15), cluster="auth")
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    G(t, "GET", "/v2/coupons/%s" % rng.choice(["SPRING10", "WELCOME5", "FREEDEL", "EASTER26"]), 404, rng.choice(ANDROID_51 + IOS), rng.randint(6, 20), cluster="promotions")
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    ua = rng.choice(OLD)
    G(t, "GET", "/v1/app/update-info?platform=%s&current=%s" % ("android" if "Android" in ua else "ios", ua.split()[0]), 200, ua, rng.randint(5, 20), cluster="app-config")
gate = poisson_times(rng, STARTED, add(MITIGATED, seconds=-3), 0.9)
for t in [STARTED] + gate:
    r = rng.random()
    if r > gated_share(t) * 1.1 and t != STARTED:
        continue
    ua = ANDROID_51[0] if t == STARTED else rng.choice(ANDROID_51)
    G(t, "GET", "/v1/app/update-info?platform=android&current=%s" % ua.split()[0], 200, ua, rng.randint(5, 20), cluster="app-config")
    if rng.random() < 0.3:
        G(add(t, seconds=rng.uniform(2, 9)), "GET", "/v1/app/store-redirect?platform=android&target=5.2.0", 302, ua, rng.randint(2, 8), cluster="app-config")
inc.lines("api-gw-7f9c4d-2xkqp.jsonl.gz", [l for _, l in sorted(gw, key=lambda x: x[0])])

# ---- orders per minute by platform (query_range)
def orders(plat):
    def f(t):
        v = base_orders(plat, t) * (1 + rng.uniform(-0.06, 0.06))
        if plat == "android":
            lag = add(t, seconds=-60)
            if STARTED <= lag < MITIGATED:
                v *= 1 - 0.9 * gated_share(lag)
            elif MITIGATED <= lag < add(MITIGATED, minutes=8):
                v *= 1.45
        return round(v, 2)
    return f
inc.json("orders_per_min.json", query_range([({"platform": p}, orders(p)) for p in ("android", "ios", "web")], W0, W1, 60))

# ---- Firebase Remote Config listVersions
vers = []
for n, t, who, desc, origin, typ in [
        (214, T("2026-03-20 16:02:11.412"), "leo.marsh@basketly.co.uk", "easter_slots_banner off", "CONSOLE", "INCREMENTAL_UPDATE"),
        (215, T("2026-03-23 08:55:40.107"), "ana.ribeiro@basketly.co.uk", "iOS 5.2.0 released: enable new_checkout_ios", "CONSOLE", "INCREMENTAL_UPDATE"),
        (216, T("2026-03-23 10:12:03.880"), "ci-release@basketly-prod.iam.gserviceaccount.com", "android 5.2.0 staged 10%: new_checkout_android for >=5.2.0", "REST_API", "INCREMENTAL_UPDATE"),
        (217, T("2026-03-23 17:40:29.301"), "leo.marsh@basketly.co.uk", "substitution_tips copy", "CONSOLE", "INCREMENTAL_UPDATE"),
        (218, PROMO.replace(microsecond=522000), "leo.marsh@basketly.co.uk", "spring_promo_banner on (UK)", "CONSOLE", "INCREMENTAL_UPDATE"),
        (219, CHANGE.replace(microsecond=118000), "ana.ribeiro@basketly.co.uk", "Require 5.2.0 (iOS login fix)", "CONSOLE", "INCREMENTAL_UPDATE"),
        (220, ROLLBACK.replace(microsecond=640000), "tomasz.nowak@basketly.co.uk", "", "CONSOLE", "ROLLBACK"),
        (221, T("2026-03-24 08:31:52.019"), "ana.ribeiro@basketly.co.uk", "min_supported_version 5.2.0 for condition ios_only", "CONSOLE", "INCREMENTAL_UPDATE")]:
    v = {"versionNumber": str(n), "updateTime": iso(t, ms=True), "updateUser": {"email": who}, "updateOrigin": origin, "updateType": typ}
    if desc:
        v["description"] = desc
    if typ == "ROLLBACK":
        v["rollbackSource"] = "218"
    vers.append(v)
inc.json("remote-config-versions.json", {"versions": sorted(vers, key=lambda v: -int(v["versionNumber"])), "nextPageToken": ""})

# ---- gh run list --json (backend repos)
runs = []
for i, (t, dur, wf, title, ev, br, concl, repo) in enumerate([
        (T("2026-03-23 14:20:07"), 388, "deploy-prod", "catalog-api: slot cache TTL 60s", "push", "main", "success", "catalog-api")] +
        [(add(c, seconds=-8), 31, "reviews-scraper", "reviews-scraper", "schedule", "main", "failure", "growth-jobs") for c in CRON] +
        [(OTHER_DEPLOY, 402, "deploy-prod", "payments-api: Adyen webhook HMAC rotation support", "push", "main", "success", "payments-api"),
         (T(D + "09:05:44"), 295, "deploy-prod", "catalog-api: search boost for own-brand", "push", "main", "success", "catalog-api")]):
    rid = 13820001000 + i * 3371
    runs.append({"conclusion": concl, "createdAt": iso(t), "databaseId": rid, "displayTitle": title, "event": ev, "headBranch": br,
                 "headSha": hexid(rng, 40), "name": wf, "status": "completed", "updatedAt": iso(add(t, seconds=dur)),
                 "url": "https://github.com/basketly/%s/actions/runs/%d" % (repo, rid), "workflowName": wf})
inc.json("gh-runs.json", sorted(runs, key=lambda r: r["createdAt"], reverse=True))

# ---- alertmanager webhook archive (ndjson), reaches back to the 21st
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for c in CRON:
    a = am_alert("GithubScheduledWorkflowFailed", {"severity": "ticket", "team": "growth", "workflow": "reviews-scraper"}, "scheduled workflow reviews-scraper failed", add(c, seconds=40))
    H(add(c, seconds=70), am_webhook("slack-growth", [a]))
    H(add(c, hours=4), am_webhook("slack-growth", [am_alert("GithubScheduledWorkflowFailed", {"severity": "ticket", "team": "growth", "workflow": "reviews-scraper"}, "scheduled workflow reviews-scraper failed", add(c, seconds=40), ends=add(c, hours=4, seconds=-30))]))
al = {"severity": "warning", "team": "mobile", "platform": "android"}
H(add(ALERT, seconds=30), am_webhook("slack-mobile", [am_alert("AndroidOrderRateDrop", al, "Android orders at 11% of last week", ALERT, desc="sum(rate(orders_created_total{platform=\"android\"}[10m])) vs offset 1w < 0.5 for 20m")]))
H(add(ALERT_OK, seconds=30), am_webhook("slack-mobile", [am_alert("AndroidOrderRateDrop", al, "Android orders at 11% of last week", ALERT, ends=ALERT_OK)]))
pl = {"severity": "warning", "team": "payments", "service": "payments-webhooks"}
for a, b in [("07:20:15", "07:26:45"), ("08:31:15", "08:37:15"), ("09:12:45", "09:16:15")]:
    H(add(T(D + a), seconds=30), am_webhook("slack-payments", [am_alert("PaymentsWebhookLatencyHigh", pl, "Adyen webhook p95 > 2s", T(D + a))]))
    H(add(T(D + b), seconds=30), am_webhook("slack-payments", [am_alert("PaymentsWebhookLatencyHigh", pl, "Adyen webhook p95 > 2s", T(D + a), ends=T(D + b))]))
fl = {"severity": "warning", "team": "platform", "instance": "gh-runner-3:9100", "mountpoint": "/var/lib/docker"}
H(T(D + "07:05:40"), am_webhook("slack-platform", [am_alert("NodeFilesystemAlmostFull", fl, "gh-runner-3 /var/lib/docker 91% full", T(D + "07:05:10"))]))
inc.lines("alertmanager-webhooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty (manual trigger by support)
pd = PD(2207, "Android customers told to update, Play Store shows no update", "Basketly Mobile Apps", "PMOB001", "EP Mobile")
hannah = PD.user("Hannah Clarke", "PHANNA1")
tomasz = PD.user("Tomasz Nowak", "PTOMAS1")
pd.add(PAGE, "trigger_log_entry", hannah, {"type": "web_trigger", "summary": "Android customers told to update, Play Store shows no update",
       "details": "14 chats in 10 min from Android customers: full-screen 'Update required', Play Store only offers Open. iOS fine."}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Tomasz Nowak by push notification.", user=tomasz)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Tomasz Nowak by phone.", user=tomasz)
pd.add(ACK, "acknowledge_log_entry", tomasz, {"type": "phone"}, "Acknowledged by Tomasz Nowak.")
pd.add(add(ROLLBACK, seconds=75), "annotate_log_entry", tomasz, {"type": "web_ui", "summary": "Remote Config rolled back to v218; keeping open until Play rollout is at 100% and the stuck-device count is zero"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", tomasz, {"type": "web_ui"}, "Resolved by Tomasz Nowak.")
inc.json("pagerduty-log.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UHAN", "hannah", "Hannah Clarke"), ("UTOM", "tomasz", "Tomasz Nowak"), ("UANA", "ana", "Ana Ribeiro"), ("ULEO", "leo", "Leo Marsh"), ("UFAY", "faye", "Faye Okafor"), ("UDAN", "dan", "Dan Whitfield")]:
    s.user(u, n, r, "Europe/London")
for cid, n in [("CCXE", "cx-escalations"), ("CINC", "inc-android-update-wall"), ("CMOB", "mobile-alerts")]:
    s.channel(cid, n)
s.bot("mobile-alerts", add(ALERT, seconds=31), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "AndroidOrderRateDrop", "Android orders at 11% of last week", color="warning"))
s.bot("mobile-alerts", add(ALERT_OK, seconds=31), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "AndroidOrderRateDrop", "Android orders back to 96% of last week"))
s.say("cx-escalations", T(D + "07:18:02"), "UFAY", "FYI a customer says the spring promo banner covers the basket button on small phones, ticket 88213")
s.say("cx-escalations", REPORT, "UHAN", "14 chats in 10 min from Android customers: app shows a full-screen 'Update required' and the Play Store only offers Open, no update. Can't order. iOS customers fine. Paging mobile on-call")
s.bot("cx-escalations", add(PAGE, seconds=2), "BPD", "PagerDuty", blocks=pd_slack_blocks("*Triggered* #2207 Android customers told to update, Play Store shows no update (Basketly Mobile Apps) by Hannah Clarke"))
ch = "inc-android-update-wall"
s.say(ch, add(ACK, seconds=45), "UTOM", "acked, looking. update-info calls from Android 5.1.x since ~07:31, Android orders down ~90%")
s.say(ch, WRONG, "UDAN", "Google Play having an outage? someone on downdetector says Play Store updates are stuck")
s.say(ch, add(WRONG, seconds=50), "UTOM", "Play status is green and 5.2.0 is only at 10% anyway, that isn't it")
s.say(ch, COMMS, "UHAN", "posted from @basketlyhelp: 'Some Android customers are being asked to update the app. We're on it - please don't uninstall.' + CX macro")
s.say(ch, ROLLBACK_Q, "UDAN", "should we halt the 5.2.0 rollout / roll back the release?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "UANA", "halting wouldn't unblock anyone, 5.1.x is the one being blocked")
s.say(ch, DIAG, "UTOM", "got it: Remote Config v219 at 07:30 changed the *default* value of min_supported_version to 5.2.0, not just the ios_only condition. Android 5.1.x reads the default and gates itself, and Play only gives 5.2.0 to 10%")
s.say(ch, add(DIAG, seconds=40), "UANA", "that's mine, sorry - meant to set it for iOS only (login fix). roll back to 218?")
s.say(ch, add(ROLLBACK, seconds=-20), "UTOM", "yes, rolling back to v218 in the console (realtime listeners pick it up in seconds)")
s.say(ch, add(MITIGATED, seconds=50), "UTOM", "update-info calls from 5.1.x stopped, Android orders back and above baseline (pent-up baskets)")
s.say(ch, add(ROLLBACK, minutes=24), "UANA", "re-published min_supported_version=5.2.0 under condition ios_only only (v221), Android default back to 4.20.0")
s.say(ch, add(MITIGATED, minutes=11), "UHAN", "@basketlyhelp: 'Fixed - Android app works again, no update needed'")
s.say(ch, add(PLAY100, seconds=30), "UANA", "Play Console: 5.2.0 rollout raised to 100% so nobody can be stranded like this again")
s.say(ch, add(RESOLVED, seconds=-50), "UTOM", "no update-info from 5.1.x for 90 min, Play at 100%, CX queue back to normal. resolving; postmortem Thursday")
s.write(inc, "slack")

inc.truth(
    "basketly-force-update", "remote-config-force-update-gate-wrong-platform",
    "A Firebase Remote Config edit meant for iOS set the default min_supported_version to 5.2.0; every Android 5.1.x app showed a\n"
    "blocking update screen while Play offered 5.2.0 to only 10%; support paged before any alert and the Remote Config rollback ended it.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "Remote Config v219: min_supported_version default 5.2.0", "remote-config-versions.json", 60),
     (STARTED, "first_symptom", "first update-info call from an Android 5.1.x client", "api-gw-7f9c4d-2xkqp.jsonl.gz", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #2207 from customer chats (before any alert)", "pagerduty-log.json", 60),
     (ACK, "acknowledged", "Tomasz acknowledges", "pagerduty-log.json", 60),
     (COMMS, "communication", "@basketlyhelp post to Android customers", "slack", 90),
     (ALERT, "alert_fired", "AndroidOrderRateDrop firing (warning, 12 min after the page)", "alertmanager-webhooks.ndjson", 60),
     (DIAG, "diagnosis", "Tomasz: v219 changed the default, not the ios_only condition", "slack", 90),
     (ROLLBACK, "mitigation", "Remote Config rolled back to v218 (v220)", "remote-config-versions.json", 60),
     (MITIGATED, "recovery", "update-info calls from 5.1.x stop, Android orders recover", "api-gw-7f9c4d-2xkqp.jsonl.gz", 60),
     (ALERT_OK, "alert_resolved", "AndroidOrderRateDrop resolved", "alertmanager-webhooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved after Play rollout at 100%", "pagerduty-log.json", 60)],
    [(CRON[-1], "reviews-scraper scheduled workflow fails daily at 06:30 (alert on the days before too)", "alertmanager-webhooks.ndjson"),
     (PROMO, "growth team's Remote Config change: spring promo banner", "remote-config-versions.json"),
     (OTHER_DEPLOY, "payments-api deploy by the payments team", "gh-runs.json"),
     (T(D + "07:20:15"), "PaymentsWebhookLatencyHigh flapping (payments team)", "alertmanager-webhooks.ndjson"),
     (T(D + "07:05:10"), "NodeFilesystemAlmostFull on gh-runner-3", "alertmanager-webhooks.ndjson"),
     (WRONG, "wrong hunch: Google Play outage", "slack"),
     (ROLLBACK_Q, "'should we halt the rollout / roll back the release?' question", "slack"),
     (T(D + "08:40:00"), "steady 401 token refreshes, coupon 404s and update-info from genuinely old 4.x clients all window", "api-gw-7f9c4d-2xkqp.jsonl.gz"),
     (T(D + "08:31:52"), "v221 re-publishes the iOS-only gate after mitigation", "remote-config-versions.json")],
    [("api-gw-7f9c4d-2xkqp.jsonl.gz", "logs"), ("orders_per_min.json", "prometheus-query-range"), ("remote-config-versions.json", "deploys"),
     ("gh-runs.json", "deploys"), ("alertmanager-webhooks.ndjson", "alertmanager-webhook"), ("pagerduty-log.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
