"""retired11/kestrel-label-weekyear: label-api formats the carrier ship date with Java's week-based year
pattern (YYYY-MM-dd); at midnight Chicago on Sunday 2026-12-27 (week 1 of 2027 in the US locale) every
shipment request carries shipDate=2027-12-27 and the carrier rejects it; warehouses can't print labels.
Detected by a warehouse lead's report and a manual page before any alert; mitigated by a flag that omits
the ship date; resolved after a hotfix release."""
import random
from common import *

rng = random.Random(20261227)
inc = Incident("retired11", "kestrel-label-weekyear")
TZ = "America/Chicago"
D = "2026-12-27 "
W0, W1 = T(D + "05:30:00"), T(D + "09:30:00")
CRON = [T("2026-12-%02d 05:40:%02d" % (d, 11 + d % 7)) for d in (24, 25, 26, 27)]
OTHER_DEPLOY = T(D + "06:14:05")
STARTED = T(D + "06:00:41")
REPORT = T(D + "06:31:20")
PAGE = T(D + "06:36:12")
ACK = T(D + "06:39:50")
WRONG = T(D + "06:44:30")
ROLLBACK_Q = T(D + "06:49:15")
ALERT = T(D + "06:56:10")
COMMS = T(D + "06:58:40")
DIAG = T(D + "07:03:40")
FLAG_ON = T(D + "07:12:05")
RELOAD = T(D + "07:12:20")
MITIGATED = T(D + "07:12:31")
ALERT_OK = T(D + "07:27:10")
FIX_COMMIT = T(D + "07:41:02")
HOTFIX = T(D + "08:21:30")
FLAG_OFF = T(D + "08:29:00")
RESOLVED = T(D + "08:41:00")


def broken(t):
    return STARTED <= t < MITIGATED


def volume(t):  # label requests per second across MEM2 and DFW1 night shifts
    return 0.22 if local(t, TZ).hour < 1 else 0.3


# ---- label-api logback, America/Chicago local time without offset
ll = []
def L(t, lvl, th, lg, msg, extra=()):
    ll.append((t, "\n".join([logback(t, TZ, lvl, th, lg, msg)] + list(extra))))
WH = ["MEM2", "MEM2", "DFW1"]
for t in poisson_times(rng, W0, W1, 0.14):
    th = "http-nio-8443-exec-%d" % rng.randint(1, 80)
    wh, order = rng.choice(WH), "SO-%d" % rng.randint(4_100_000, 4_199_999)
    if t < STARTED:
        ship = local(t, TZ).strftime("%Y-%m-%d")
        if ship == "2026-12-27":
            continue
    elif t >= add(FLAG_OFF, seconds=14):
        ship = "2026-12-27"
    else:
        ship = None
    if broken(t):
        L(t, "WARN", th, "c.k.l.carrier.NorthStarShipClient",
          "carrier rejected shipment request status=400 code=SHIP_DATE_OUT_OF_RANGE message=\"shipDate 2027-12-27 must be within 10 days of today\" warehouse=%s order=%s" % (wh, order))
        L(add(t, seconds=0.004), "ERROR", th, "c.k.l.api.LabelController",
          "label creation failed order=%s warehouse=%s -> 422 CARRIER_REJECTED" % (order, wh))
    else:
        L(t, "INFO", th, "c.k.l.api.LabelController", "label created order=%s warehouse=%s carrier=northstar service=GROUND shipDate=%s tracking=NS%d latency_ms=%d" % (
            order, wh, ship or "(carrier default)", rng.randint(10**11, 10**12 - 1), rng.randint(240, 900)))
L(STARTED, "WARN", "http-nio-8443-exec-17", "c.k.l.carrier.NorthStarShipClient",
  "carrier rejected shipment request status=400 code=SHIP_DATE_OUT_OF_RANGE message=\"shipDate 2027-12-27 must be within 10 days of today\" warehouse=MEM2 order=SO-4133907")
L(add(STARTED, seconds=0.004), "ERROR", "http-nio-8443-exec-17", "c.k.l.api.LabelController", "label creation failed order=SO-4133907 warehouse=MEM2 -> 422 CARRIER_REJECTED")
for t in poisson_times(rng, W0, W1, 1 / 150.0):  # benign, all day every day
    L(t, "WARN", "http-nio-8443-exec-%d" % rng.randint(1, 80), "c.k.l.address.AddressValidator",
      "address validation returned ADDRESS_UNVERIFIED for order=SO-%d, proceeding with label (residential=true)" % rng.randint(4_100_000, 4_199_999))
for t in frange(add(W0, seconds=23), W1, 900):
    L(t, "INFO", "unleash-poller-1", "i.g.unleash.repository.FeatureRepository", "feature toggles refreshed (42 toggles, etag W/\"%s\")" % hexid(rng, 8))
L(RELOAD, "INFO", "unleash-poller-1", "c.k.l.carrier.NorthStarShipClient", "toggle carrier.northstar.omit_ship_date=true: shipDate will be omitted (carrier defaults to today)")
L(add(FLAG_OFF, seconds=14), "INFO", "unleash-poller-1", "c.k.l.carrier.NorthStarShipClient", "toggle carrier.northstar.omit_ship_date=false: shipDate will be sent")
L(add(HOTFIX, seconds=-40), "INFO", "main", "c.k.l.LabelApiApplication", "Started LabelApiApplication in 11.42 seconds (process running for 12.9) version=4.12.1")
inc.lines("label-api.log", [l for _, l in sorted(ll, key=lambda x: x[0])])

# ---- Prometheus query_range: label outcomes per 5m
def outcome(kind):
    def f(t):
        r = volume(t) * 300
        bad = 1.0 if STARTED <= t < add(MITIGATED, minutes=5) else 0.0
        if STARTED <= t < add(STARTED, minutes=5):
            bad = (t - STARTED).total_seconds() / 300.0
        elif MITIGATED <= t < add(MITIGATED, minutes=5):
            bad = 1 - (t - MITIGATED).total_seconds() / 300.0
        v = r * bad if kind == "rejected" else r * (1 - bad)
        return round(v * rng.uniform(0.9, 1.1), 2)
    return f
inc.json("label_outcomes.json", query_range(
    [({"service": "label-api", "carrier": "northstar", "outcome": k}, outcome(k)) for k in ("created", "rejected")],
    W0, W1, 60, fmt="%.2f"))

# ---- Alertmanager webhook log, back to Dec 24
hk = []
def H(t, body):
    hk.append((t, jline(body)))
ll_lab = {"severity": "page", "team": "shipping", "service": "label-api"}
H(add(ALERT, seconds=8), am_webhook("pd-shipping", [am_alert("LabelCreateFailureRatio", ll_lab, "label-api carrier rejections 100% of label requests (45m)", ALERT)]))
H(add(ALERT_OK, seconds=8), am_webhook("pd-shipping", [am_alert("LabelCreateFailureRatio", ll_lab, "label-api carrier rejections", ALERT, ends=ALERT_OK)]))
for c in CRON:
    jl = {"severity": "warning", "team": "billing", "namespace": "billing", "job_name": "rate-card-import-%d" % (29_440_000 + c.day * 1440)}
    H(add(c, minutes=1), am_webhook("slack-billing", [am_alert("KubeJobFailed", jl, "Job billing/rate-card-import failed to complete", add(c, seconds=30))]))
    H(add(c, minutes=31), am_webhook("slack-billing", [am_alert("KubeJobFailed", jl, "Job billing/rate-card-import failed to complete", add(c, seconds=30), ends=add(c, minutes=30))]))
rl = {"severity": "warning", "team": "wms-db", "instance": "wms-pg-2:9187"}
for a, b in ((T(D + "06:05:30"), T(D + "06:09:30")), (T(D + "07:50:00"), T(D + "07:53:30")), (T(D + "08:47:30"), T(D + "08:51:00"))):
    H(add(a, seconds=8), am_webhook("slack-wms", [am_alert("PostgresReplicaLagHigh", rl, "wms-pg-2 replication lag > 30s", a)]))
    H(add(b, seconds=8), am_webhook("slack-wms", [am_alert("PostgresReplicaLagHigh", rl, "wms-pg-2 replication lag > 30s", a, ends=b)]))
inc.lines("hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries (manual incident opened by support)
pd = PD(30412, "MEM2 + DFW1 cannot print shipping labels (reported by MEM2 shift lead)", "label-api", "PLBL0A7", "EP Shipping")
dana = PD.user("Dana Whitfield", "PDWHIT1")
kim = PD.user("Kim Alvarez", "PKALV02")
pd.add(PAGE, "trigger_log_entry", kim, {"type": "web_trigger", "summary": "MEM2 + DFW1 cannot print shipping labels"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Dana Whitfield by phone call.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Whitfield.")
pd.add(add(ALERT, seconds=9), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager: LabelCreateFailureRatio firing (linked)"}, "Note added")
pd.add(add(FLAG_ON, seconds=70), "annotate_log_entry", dana, {"type": "web_ui", "summary": "omit_ship_date toggle on, labels printing again; hotfix for YYYY formatter in progress"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Whitfield.")
inc.json("pagerduty.json", pd.export())

# ---- Unleash admin events (the change record of the mitigation)
ev = []
for i, (t, typ, who, feat, env) in enumerate([
        (T("2026-12-22 16:02:11"), "feature-environment-enabled", "mia.chen@kestrel.io", "wms.batch-pick-v2", "production"),
        (T(D + "06:52:40"), "feature-environment-disabled", "ops-bot", "returns.portal-banner-holiday", "production"),
        (FLAG_ON, "feature-environment-enabled", "raj.patel@kestrel.io", "carrier.northstar.omit_ship_date", "production"),
        (FLAG_OFF, "feature-environment-disabled", "raj.patel@kestrel.io", "carrier.northstar.omit_ship_date", "production")]):
    ev.append({"id": 88120 + i * 3, "type": typ, "createdBy": who,
               "createdAt": iso(add(t, seconds=0.114 + i / 10), ms=True), "data": None, "preData": None, "tags": [],
               "featureName": feat, "project": "default", "environment": env, "label": None, "summary": None})
inc.json("unleash-events.json", {"version": 2, "events": sorted(ev, key=lambda e: e["createdAt"], reverse=True), "totalEvents": len(ev)})

# ---- GitHub deployments (with statuses)
dp = []
for i, (t, env, repo, ref, who, desc, dur) in enumerate([
        (T("2026-12-24 15:20:44"), "production", "kestrel/label-api", "v4.12.0", "mia-chen", "label-api 4.12.0 (holiday surcharges)", 210),
        (OTHER_DEPLOY, "production", "kestrel/wms-picking", "v2.33.0", "tomasz-k", "wms-picking 2.33.0", 305),
        (HOTFIX, "production", "kestrel/label-api", "v4.12.1", "raj-patel", "hotfix: ship date pattern yyyy-MM-dd", 190)]):
    did = 5_310_200 + i * 17
    dp.append({"url": "https://api.github.com/repos/%s/deployments/%d" % (repo, did), "id": did, "sha": hexid(rng, 40), "ref": ref,
               "task": "deploy", "environment": env, "description": desc, "creator": {"login": who, "type": "User"},
               "created_at": iso(t), "updated_at": iso(add(t, seconds=dur)), "repository": repo,
               "statuses": [{"state": "in_progress", "created_at": iso(add(t, seconds=3))},
                            {"state": "success", "created_at": iso(add(t, seconds=dur)), "description": "rollout complete"}]})
inc.json("deployments.json", dp)

# ---- git log (default format) of label-api
gl = []
def G(t, tz, who, mail, subj, body=""):
    gl.append((t, "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n%s" % (
        hexid(rng, 40), who, mail, local(t, tz).strftime("%a %b %-d %H:%M:%S %Y %z"), subj, ("\n    " + body + "\n") if body else "")))
G(T("2026-11-19 20:14:09"), TZ, "Mia Chen", "mia.chen@kestrel.io", "carrier: move NorthStar ship date formatting into ShipDates helper",
  "ShipDates.FORMAT = DateTimeFormatter.ofPattern(\"YYYY-MM-dd\", Locale.US)")
G(T("2026-12-23 22:40:51"), TZ, "Mia Chen", "mia.chen@kestrel.io", "pricing: holiday peak surcharge table for 2026")
G(T("2026-12-24 15:11:30"), TZ, "Mia Chen", "mia.chen@kestrel.io", "release 4.12.0")
G(FIX_COMMIT, TZ, "Raj Patel", "raj.patel@kestrel.io", "carrier: use calendar year (yyyy) for ship dates, not week-based YYYY",
  "Week 1 of 2027 (US locale) starts Sun Dec 27 2026; YYYY printed 2027-12-27.")
G(add(FIX_COMMIT, minutes=3), TZ, "Raj Patel", "raj.patel@kestrel.io", "release 4.12.1")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("label-api.gitlog", "\n".join(l for _, l in gl))

# ---- Slack export
s = Slack()
for u, n, r in [("UDANA", "dana", "Dana Whitfield"), ("URAJ", "raj", "Raj Patel"), ("UKIM", "kim", "Kim Alvarez"),
                ("UJOE", "joe.mem2", "Joe Bramlett"), ("UTOM", "tomasz", "Tomasz Kowal"), ("UMIA", "mia", "Mia Chen")]:
    s.user(u, n, r, TZ)
for cid, n in [("CWHS", "wh-ops-support"), ("CINC", "inc-30412-labels"), ("CSHP", "shipping-alerts")]:
    s.channel(cid, n)
s.say("wh-ops-support", T(D + "05:52:10"), "UJOE", "MEM2 night shift checking in, 38 pack stations up")
s.say("wh-ops-support", REPORT, "UJOE", "MEM2: no labels printing since about midnight, every pack station gets 'label failed: CARRIER_REJECTED SHIP_DATE_OUT_OF_RANGE'. we re-tried, rebooted two printers, same. ~600 orders stacking at pack-out")
s.say("wh-ops-support", add(REPORT, seconds=140), "UKIM", "DFW1 just called with the same thing. paging shipping on-call now")
s.say("wh-ops-support", add(PAGE, seconds=30), "UKIM", "paged (PD #30412)")
s.say("wh-ops-support", add(MITIGATED, seconds=95), "UJOE", "labels printing again at MEM2, thanks!")
for c in CRON:
    s.bot("shipping-alerts", add(c, minutes=1), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job billing/rate-card-import failed to complete", color="warning"))
s.bot("shipping-alerts", add(ALERT, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "LabelCreateFailureRatio", "label-api carrier rejections 100% of label requests (45m)"))
s.bot("shipping-alerts", add(ALERT_OK, seconds=9), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "LabelCreateFailureRatio", "label-api carrier rejections"))
ch = "inc-30412-labels"
s.say(ch, add(ACK, seconds=75), "UDANA", "on it. label-api: every NorthStar request since 00:00 our time is 400 SHIP_DATE_OUT_OF_RANGE, we return 422. nothing else failing")
s.say(ch, WRONG, "UDANA", "NorthStar having a holiday outage? or did someone rotate the carrier API creds over the weekend?")
s.say(ch, add(WRONG, seconds=120), "URAJ", "their status page is green and auth is fine, it's a validation error not 401")
s.say(ch, ROLLBACK_Q, "UTOM", "should we roll back label-api to 4.11.2? 4.12.0 went out on Thursday")
s.say(ch, add(ROLLBACK_Q, seconds=50), "URAJ", "4.12.0 only touched surcharges, and it ran fine Thu-Sat")
s.say(ch, COMMS, "UKIM", "posted to the merchant status page: 'Label printing failing at MEM2 and DFW1, orders will ship late, investigating'")
s.say(ch, DIAG, "URAJ", "got it: shipDate=2027-12-27 in every request. ShipDates uses YYYY-MM-dd, that's the week-based year; in Locale.US the week starting Sun Dec 27 is week 1 of 2027. flipped at midnight Chicago")
s.say(ch, add(DIAG, seconds=80), "URAJ", "quickest fix: turn on carrier.northstar.omit_ship_date, NorthStar defaults the ship date to today. then hotfix yyyy")
s.say(ch, add(FLAG_ON, seconds=35), "URAJ", "toggle on")
s.say(ch, add(MITIGATED, seconds=60), "UDANA", "labels created again since 07:12 UTC, no rejections")
s.say(ch, add(HOTFIX, seconds=200), "URAJ", "4.12.1 is out with yyyy, turning the toggle back off")
s.say(ch, add(FLAG_OFF, seconds=300), "UDANA", "labels fine with shipDate=2026-12-27 sent again. resolving")
s.write(inc, "slack")

inc.truth(
    "kestrel-label-weekyear", "week-based-year-date-format-year-end",
    "label-api formats the carrier ship date with the week-based year pattern YYYY-MM-dd; at midnight Chicago on Sunday\n"
    "2026-12-27 (week 1 of 2027) every label request says 2027-12-27 and the carrier rejects it; a warehouse report and a manual\n"
    "page come before the alert; mitigated by a toggle omitting the ship date, resolved after the 4.12.1 hotfix.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first carrier rejection SHIP_DATE_OUT_OF_RANGE shipDate 2027-12-27 (00:00:41 Chicago)", "label-api.log", 60),
     (REPORT, "communication", "MEM2 shift lead reports no labels printing since midnight", "slack", 90),
     (PAGE, "paged", "support opens PagerDuty #30412 by hand", "pagerduty.json", 60),
     (ACK, "acknowledged", "Dana acknowledges", "pagerduty.json", 60),
     (ALERT, "alert_fired", "LabelCreateFailureRatio firing (late)", "hooks.ndjson", 60),
     (COMMS, "communication", "merchant status page posted", "slack", 90),
     (DIAG, "diagnosis", "Raj: YYYY week-based year, week 1 of 2027 from Sun Dec 27", "slack", 90),
     (FLAG_ON, "mitigation", "toggle carrier.northstar.omit_ship_date enabled", "unleash-events.json", 60),
     (MITIGATED, "recovery", "labels created again", "label-api.log", 60),
     (ALERT_OK, "alert_resolved", "LabelCreateFailureRatio resolved", "hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #30412 resolved after 4.12.1", "pagerduty.json", 60)],
    [(CRON[-1], "rate-card-import CronJob fails every day at 05:40 UTC (KubeJobFailed, billing)", "hooks.ndjson"),
     (OTHER_DEPLOY, "wms-picking 2.33.0 deploy by another team", "deployments.json"),
     (T(D + "06:05:30"), "PostgresReplicaLagHigh wms-pg-2 flapping (wms-db team)", "hooks.ndjson"),
     (T(D + "06:52:40"), "holiday banner toggle disabled by ops-bot", "unleash-events.json"),
     (WRONG, "wrong hunch: carrier outage or rotated credentials", "slack"),
     (ROLLBACK_Q, "'should we roll back label-api to 4.11.2?' question", "slack"),
     (T(D + "07:30:00"), "steady ADDRESS_UNVERIFIED warnings all window", "label-api.log")],
    [("label-api.log", "logs", TZ), ("label_outcomes.json", "prometheus-query-range"), ("hooks.ndjson", "alertmanager-webhook"),
     ("pagerduty.json", "pagerduty-log-entries"), ("unleash-events.json", "deploys"), ("deployments.json", "deploys"),
     ("label-api.gitlog", "git-log"), ("slack", "slack-export")])
