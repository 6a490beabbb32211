"""retired13/pickpath-handheld-radius: an MDM push of a new store Wi-Fi profile (v7) to 180 stores changes the handheld
scanners' EAP outer identity realm; RADIUS rejects them, the scanners drop off store Wi-Fi and click & collect picking
stalls. Re-assigning the old profile can't reach devices that are offline; a RADIUS policy for the new realm ends it."""
import random
from common import *

rng = random.Random(20260813)
inc = Incident("retired13", "pickpath-handheld-radius")
LON = "Europe/London"
D = "2026-08-13 "
W0, W1 = T(D + "07:30:00"), T(D + "11:30:00")
CRON = [T("2026-08-%02d 07:15:%02d" % (d, 4 + d)) for d in (10, 11, 12, 13)]
MDM_PUSH = T(D + "08:05:12")
STARTED = T(D + "08:07:31")
WARN = T(D + "08:21:00")
OTHER_DEPLOY = T(D + "08:31:14")
PAGE_ALERT = T(D + "08:39:00")
PAGE = T(D + "08:39:02")
ACK = T(D + "08:42:15")
WRONG = T(D + "08:47:30")
COMMS = T(D + "08:52:10")
ROLLBACK_Q = T(D + "08:58:05")
REASSIGN = T(D + "09:04:30")
DIAG = T(D + "09:12:40")
HUP = T(D + "09:26:05")
MITIGATED = T(D + "09:26:40")
WARN_OK = T(D + "09:34:00")
PAGE_OK = T(D + "09:58:00")
RESOLVED = T(D + "10:41:00")

STORES = ["0231", "0244", "0318", "0407", "0412", "0529", "0533", "0610", "0702", "0815", "0906", "1004"]
PILOT = ["0051", "0063"]


def serial():
    return "CT40%s" % "".join(rng.choice("0123456789ABCDEF") for _ in range(8))
DEVS = {s: [serial() for _ in range(6)] for s in STORES + PILOT}


def offline_share(t):
    """share of wave-2 handhelds off Wi-Fi."""
    if t < STARTED:
        return 0.0
    if t < MITIGATED:
        x = min(0.92, (t - STARTED).total_seconds() / 900.0 * 0.92)
        if t >= add(REASSIGN, minutes=3):
            x = max(0.0, x - 0.13)
        return x
    return max(0.0, 0.78 * (1 - (t - MITIGATED).total_seconds() / 420.0))


# ---- FreeRADIUS radius.log from rad-lon-1 (local time)
rl = []
def R(t, msg):
    lt = local(t, LON)
    rl.append((t, "%s : %s" % (lt.strftime("%a %b %d %H:%M:%S %Y"), msg)))
seq = [481000]
def rid():
    seq[0] += rng.randint(1, 9)
    return seq[0]
def cli(store):
    return "store-wlc-%s port 0 cli 00-10-40-%02X-%02X-%02X" % (store, rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
for t in poisson_times(rng, W0, W1, 0.3):
    st = rng.choice(STORES)  # pilot (wave 1) stores authenticate on rad-scot
    dev = rng.choice(DEVS[st])
    if st in STORES and add(HUP, seconds=-2) <= t <= MITIGATED:
        continue  # wave-2 supplicants in retry back-off until 09:26:40
    if st in STORES and t < HUP and rng.random() < offline_share(t):
        R(t, "Auth: (%d) Login incorrect (policy: no matching realm, reject): [host/%s@devices.hrstores.co.uk] (from client %s)" % (rid(), dev, cli(st)))
    elif t >= MITIGATED and st in STORES:
        R(t, "Auth: (%d) Login OK: [host/%s@devices.hrstores.co.uk] (from client %s)" % (rid(), dev, cli(st)))
    else:
        realm = "devices.hrstores.co.uk" if st in PILOT else "hh.hrstores.co.uk"
        R(t, "Auth: (%d) Login OK: [host/%s@%s] (from client %s)" % (rid(), dev, realm, cli(st)))
R(STARTED, "Auth: (%d) Login incorrect (policy: no matching realm, reject): [host/%s@devices.hrstores.co.uk] (from client %s)" % (rid(), DEVS["0231"][0], cli("0231")))
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    R(t, "Auth: (%d) Login incorrect (mschap: MS-CHAP2-Response is incorrect): [colleague%04d] (from client %s)" % (rid(), rng.randint(1, 9000), cli(rng.choice(STORES))))
R(HUP, "Info: Received HUP signal")
R(HUP, "Info: HUP - Loading modules")
R(add(HUP, seconds=1), "Info: HUP - loading policy file /etc/freeradius/3.0/policy.d/store_realms")
R(add(HUP, seconds=1), "Info: Ready to process requests")
R(MITIGATED, "Auth: (%d) Login OK: [host/%s@devices.hrstores.co.uk] (from client %s)" % (rid(), DEVS["0231"][0], cli("0231")))
import re as _re
_n = [481207]
def _renum(m):
    _n[0] += rng.randint(1, 4)
    return "Auth: (%d)" % _n[0]
inc.lines("radius/rad-lon-1.log", [_re.sub(r"Auth: \(\d+\)", _renum, l) for _, l in sorted(rl, key=lambda x: x[0])])

# ---- MDM audit export (CSV)
rows = [
    (T("2026-08-06 19:12:40"), "j.hughes", "Assign Profile", "Stores-WiFi-v7", "Group: Wave 1 - Pilot (12 stores, 71 devices)"),
    (T("2026-08-12 16:20:02"), "p.nowak", "Update Application", "HR Colleague App 5.2.1", "Group: Store Office PCs"),
    (T(D + "07:48:19"), "p.nowak", "Update Application", "Microsoft Teams 24193", "Group: Support Centre Laptops"),
    (MDM_PUSH, "j.hughes", "Assign Profile", "Stores-WiFi-v7", "Group: Wave 2 - England South (180 stores, 1,044 devices); replaces Stores-WiFi-v6"),
    (REASSIGN, "o.grant", "Assign Profile", "Stores-WiFi-v6", "Group: Wave 2 - England South (180 stores, 1,044 devices); replaces Stores-WiFi-v7; 147 devices acknowledged (cellular)"),
    (T(D + "09:41:55"), "j.hughes", "Assign Profile", "Stores-WiFi-v7", "Group: Wave 2 - England South (180 stores, 1,044 devices); replaces Stores-WiFi-v6"),
    (T(D + "10:15:30"), "p.nowak", "Lock Device", "CT40-lost-0407-3", "Device reported lost by store 0407"),
]
csv = ['"Date (UTC)","Administrator","Action","Target","Details"']
for t, who, act, tgt, det in rows:
    csv.append('"%s","%s","%s","%s","%s"' % (t.strftime("%d/%m/%Y %H:%M:%S"), who, act, tgt, det))
inc.write("mdm/audit-export.csv", "\r\n".join(csv) + "\r\n")

# ---- pick-service go-kit logfmt (UTC)
pk = []
def K(t, *pairs):
    pk.append((t, logfmt([("ts", iso(t, ms=True))] + list(pairs))))
late = 0
for t in frange(W0, W1, 60):
    off = offline_share(t)
    if STARTED <= t < add(MITIGATED, minutes=30):
        late = min(900, late + int(off * 14))
    elif t >= add(MITIGATED, minutes=30):
        late = max(0, late - 22)
    done = int(rng.randint(95, 120) * (1 - off * 0.9))
    K(t, ("level", "info"), ("caller", "backlog.go:88"), ("msg", "backlog stats"), ("tasks_open", 1400 + late + rng.randint(-40, 40)),
      ("picks_done_1m", done), ("orders_past_slot", late))
for t in poisson_times(rng, add(STARTED, seconds=70), add(MITIGATED, minutes=2), 0.12):
    st = rng.choice(STORES)
    if rng.random() < offline_share(t) + 0.05:
        K(t, ("level", "warn"), ("caller", "devices.go:214"), ("msg", "device heartbeat lost, returning tasks to pool"),
          ("store", st), ("device", rng.choice(DEVS[st])), ("open_tasks", rng.randint(1, 6)), ("last_seen_s", rng.randint(90, 600)))
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    K(t, ("level", "warn"), ("caller", "subs.go:61"), ("msg", "substitution lookup timed out, using default"),
      ("store", rng.choice(STORES)), ("sku", rng.randint(100000, 999999)), ("timeout", "800ms"))
for t in poisson_times(rng, MITIGATED, add(MITIGATED, minutes=12), 0.15):
    st = rng.choice(STORES)
    K(t, ("level", "info"), ("caller", "devices.go:190"), ("msg", "device back online"), ("store", st), ("device", rng.choice(DEVS[st])))
inc.lines("pick-service.log", [l for _, l in sorted(pk, key=lambda x: x[0])])

# ---- OpenMetrics from the store-devices exporter
def gauge_points(fn):
    return [(t, fn(t)) for t in frange(W0, W1, 60)]
fam = [
    ("store_handhelds_online", "gauge", "Handhelds with a heartbeat in the last 2 minutes",
     [({"wave": "2"}, gauge_points(lambda t: int(1044 * (1 - offline_share(t)) - rng.randint(0, 9)))),
      ({"wave": "1"}, gauge_points(lambda t: 71 - rng.randint(0, 2)))]),
    ("clickcollect_orders_past_slot", "gauge", "Click and collect orders not ready at the start of their slot",
     [({"region": "england-south"}, [(t, v) for t, v in ((t, None) for t in frange(W0, W1, 60))])]),
]
# fill orders_past_slot from the same running figure the pick service logs
vals = []
late = 0
for t in frange(W0, W1, 60):
    off = offline_share(t)
    if STARTED <= t < add(MITIGATED, minutes=30):
        late = min(900, late + int(off * 14))
    elif t >= add(MITIGATED, minutes=30):
        late = max(0, late - 22)
    vals.append((t, late + rng.randint(0, 3)))
fam[1] = (fam[1][0], fam[1][1], fam[1][2], [({"region": "england-south"}, vals)])
inc.write("store-devices.om", openmetrics(fam))

# ---- kube events (namespace collect + another team's rollout + daily CronJob failure)
k = Kube(rng)
k.ev(CRON[-1], "merch", "Job", "planogram-sync-29253555", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
     type_="Warning", component="job-controller")
k.ev(add(CRON[-1], seconds=-90), "merch", "CronJob", "planogram-sync", "SuccessfulCreate", "Created job planogram-sync-29253555",
     component="cronjob-controller")
k.ev(OTHER_DEPLOY, "search", "Deployment", "product-search", "ScalingReplicaSet", "Scaled up replica set product-search-6d9c7f5b8 to 4",
     component="deployment-controller")
for i in range(4):
    k.pod_start(add(OTHER_DEPLOY, seconds=3 + i * 35), "search", "product-search-6d9c7f5b8-%s" % uid("ps%d" % i, 5), "ip-10-30-%d-11.eu-west-2.compute.internal" % i,
                "eu.gcr.io/hr-prod/product-search:2026.08.13-1", "product-search")
k.ev(add(PAGE_ALERT, minutes=-1), "collect", "HorizontalPodAutoscaler", "pick-service", "SuccessfulRescale",
     "New size: 6; reason: All metrics below target", component="horizontal-pod-autoscaler")
inc.json("cluster-events.json", k.core_list())

# ---- PagerDuty log entries
pd = PD(5512, "ClickCollectPickBacklog: 293 orders past slot (england-south)", "Click & Collect", "PCLCOL1", "Store Systems")
owen = PD.user("Owen Grant", "POWENG1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMSTO1", "summary": "Alertmanager stores"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Owen Grant by push notification.", user=owen)
pd.add(ACK, "acknowledge_log_entry", owen, {"type": "mobile"}, "Acknowledged by Owen Grant.")
pd.add(add(PAGE_OK, seconds=2), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", owen, {"type": "web_ui"}, "Resolved by Owen Grant.")
inc.json("oncall-log.json", pd.export())

# ---- Slack export (alerts arrive only as Alertmanager posts)
s = Slack()
for u, n, r in [("U2OWEN", "owen.g", "Owen Grant"), ("U2JAMES", "james.h", "James Hughes"), ("U2AISHA", "aisha", "Aisha Patel"),
                ("U2PIOTR", "piotr", "Piotr Nowak"), ("U2CLARE", "clare.m", "Clare Morgan"), ("U2DEV", "dev.s", "Dev Sharma")]:
    s.user(u, n, r, LON)
for cid, n, p in [("C2ALR", "store-systems-alerts", ""), ("C2INC", "inc-5512-pick-backlog", "Incident 5512"),
                  ("C2OPS", "store-ops", "Retail operations"), ("C2MERCH", "merch-tech", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("merch-tech", add(c, seconds=50), "B2AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job merch/planogram-sync-%d failed to complete." % (29253555 - (13 - c.day) * 1440), color="warning"))
s.bot("store-systems-alerts", add(WARN, seconds=12), "B2AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "HandheldFleetOnlineLow", "wave 2 handhelds online 61% (< 85%)\nseverity: warning", color="warning"))
s.bot("store-systems-alerts", add(PAGE_ALERT, seconds=12), "B2AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "ClickCollectPickBacklog", "293 click & collect orders past slot (england-south)\nseverity: page"))
s.bot("store-systems-alerts", add(WARN_OK, seconds=12), "B2AM", "alertmanager", attachments=am_slack_attachment(
    "resolved", "HandheldFleetOnlineLow", "wave 2 handhelds online 90%"))
s.bot("store-systems-alerts", add(PAGE_OK, seconds=12), "B2AM", "alertmanager", attachments=am_slack_attachment(
    "resolved", "ClickCollectPickBacklog", "click & collect orders past slot back under 50"))
for a, b in (("07:52:00", "07:58:00"), ("09:15:00", "09:19:30"), ("10:27:00", "10:33:00")):
    s.bot("store-systems-alerts", T(D + a), "B2AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "LabelPrinterQueueStuck", "ESL label printer queue stuck at store 0610", color="warning"))
    s.bot("store-systems-alerts", T(D + b), "B2AM", "alertmanager", attachments=am_slack_attachment(
        "resolved", "LabelPrinterQueueStuck", "ESL label printer queue at store 0610"))
s.say("store-systems-alerts", add(WARN, minutes=4), "U2DEV", "handhelds online dipping, probably the usual morning battery swaps, will keep an eye")
ch = "inc-5512-pick-backlog"
s.say(ch, add(ACK, seconds=40), "U2OWEN", "acked. pick backlog growing in england-south, pick-service says heartbeats lost from handhelds in lots of stores. wave 1 stores fine")
s.say(ch, WRONG, "U2DEV", "BT broadband issue in the south? stores dropping off the WAN would look like this")
s.say(ch, add(WRONG, seconds=80), "U2AISHA", "WAN is fine, tills and ESL are online in those stores. it's only the handhelds")
s.say("store-ops", COMMS, "U2CLARE", "@here Handheld scanners are dropping off Wi-Fi in many England South stores. Please print click & collect pick lists from the back-office PC and pick on paper for now. Customers with slots in the next hour may be delayed.")
s.say(ch, ROLLBACK_Q, "U2DEV", "should we roll back the pick-service release from Tuesday?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U2OWEN", "nothing changed in pick-service since Tuesday and it was fine yesterday")
s.say(ch, add(ROLLBACK_Q, minutes=2), "U2JAMES", "I pushed Stores-WiFi-v7 to wave 2 at 09:05 (meant for tonight, schedule got lost). re-assigning v6 now")
s.say(ch, add(REASSIGN, minutes=5), "U2JAMES", "v6 re-assign only acknowledged by 147 devices, the ones with SIMs. the rest can't reach MDM without Wi-Fi")
s.say(ch, DIAG, "U2AISHA", "radius is rejecting them: v7 sets the outer identity to host/<serial>@devices.hrstores.co.uk and rad-lon policy only knows hh.hrstores.co.uk. pilot stores go through rad-scot which already has the new realm. so devices with v7 can't join and can't get v6 back")
s.say(ch, add(DIAG, minutes=2), "U2AISHA", "adding devices.hrstores.co.uk to store_realms on rad-lon-1/2 and HUPing")
s.say(ch, add(HUP, seconds=50), "U2AISHA", "HUP done, Login OK for devices.hrstores.co.uk now")
s.say(ch, add(MITIGATED, minutes=8), "U2OWEN", "handhelds reconnecting, picks/min back to normal. backlog will take a while")
s.say(ch, add(T(D + "09:41:55"), seconds=20), "U2JAMES", "re-assigned v7 to wave 2 so the fleet is on one profile again (radius accepts both realms now)")
s.say("store-ops", add(MITIGATED, minutes=10), "U2CLARE", "@here Handhelds are reconnecting, you can go back to picking with the scanners. Finish any paper picks you have started.")
s.say(ch, add(RESOLVED, seconds=-50), "U2OWEN", "backlog under 20 and every late order has been texted. resolving 5512")
s.write(inc, "slack")

inc.truth(
    "pickpath-handheld-radius", "mdm-wifi-profile-push-radius-realm-reject-handhelds-offline",
    "An MDM push of Wi-Fi profile v7 to 180 stores changed the handhelds' EAP outer-identity realm; RADIUS rejected them, the scanners fell\n"
    "off store Wi-Fi and click & collect picking stalled; re-assigning v6 reached only cellular devices, a RADIUS realm policy ended it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(MDM_PUSH, "change", "MDM assigns Stores-WiFi-v7 to wave 2 (180 stores)", "mdm/audit-export.csv", 60),
     (STARTED, "first_symptom", "first RADIUS reject for the devices.hrstores.co.uk realm", "radius/rad-lon-1.log", 60),
     (WARN, "alert_fired", "HandheldFleetOnlineLow warning posted", "slack", 60),
     (PAGE, "paged", "ClickCollectPickBacklog pages, PagerDuty #5512", "oncall-log.json", 60),
     (ACK, "acknowledged", "Owen acknowledges", "oncall-log.json", 60),
     (COMMS, "communication", "stores told to pick on paper", "slack", 90),
     (REASSIGN, "mitigation", "v6 profile re-assigned (reaches only 147 cellular devices)", "mdm/audit-export.csv", 60),
     (DIAG, "diagnosis", "Aisha: RADIUS rejects the new outer-identity realm", "slack", 90),
     (HUP, "mitigation", "new realm added to rad-lon policy, radiusd HUP", "radius/rad-lon-1.log", 60),
     (MITIGATED, "recovery", "Login OK for v7 handhelds; devices reconnect", "radius/rad-lon-1.log", 60),
     (PAGE_OK, "alert_resolved", "ClickCollectPickBacklog resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #5512 resolved", "oncall-log.json", 60)],
    [(CRON[-1], "planogram-sync CronJob fails daily at 07:15", "cluster-events.json"),
     (OTHER_DEPLOY, "product-search rollout by the search team", "cluster-events.json"),
     (T(D + "07:52:00"), "LabelPrinterQueueStuck flapping at store 0610", "slack"),
     (T(D + "09:15:00"), "LabelPrinterQueueStuck flap", "slack"),
     (T(D + "07:48:19"), "Teams update on support-centre laptops", "mdm/audit-export.csv"),
     (T(D + "09:41:55"), "v7 re-assigned after the fix (fleet consistency)", "mdm/audit-export.csv"),
     (WRONG, "wrong hunch: BT broadband outage", "slack"),
     (ROLLBACK_Q, "'should we roll back the pick-service release?' question", "slack"),
     (T(D + "10:00:00"), "steady MS-CHAP rejects for colleagues and substitution lookup timeouts", "radius/rad-lon-1.log")],
    [("radius/rad-lon-1.log", "logs", LON), ("mdm/audit-export.csv", "deploys"), ("pick-service.log", "logs"),
     ("store-devices.om", "openmetrics"), ("cluster-events.json", "kube-events"), ("oncall-log.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
