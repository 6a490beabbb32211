"""train8/telehealth-turn-capacity: Monday-morning clinic traffic, grown by clinics onboarded the week before, saturates the
egress of the four TURN relays of the telehealth video service; call setups fail in slowly growing numbers until the relay
group is scaled from 4 to 8 and the share fades as calls move (relay syslog in America/Chicago local time, no offsets)."""
import random
from common import *

rng = random.Random(20261019)
inc = Incident("train8", "telehealth-turn-capacity")
TZ = "America/Chicago"
D = "2026-10-19 "
W0, W1 = T(D + "14:00:00"), T(D + "17:00:00")
CRON = [T("2026-10-%02d 14:15:%02d" % (d, 2 + d % 5)) for d in (16, 17, 18, 19)]
SCHED_OTHER = T(D + "15:00:00")
OTHER_DEPLOY = T(D + "14:48:30")
STARTED = T(D + "15:08:30")
WARN = T(D + "15:21:00")
ALERT = T(D + "15:31:00")
PAGE = T(D + "15:31:30")
ACK = T(D + "15:36:10")
WRONG = T(D + "15:39:05")
ROLLBACK_Q = T(D + "15:41:15")
COMMS = T(D + "15:44:00")
DIAG = T(D + "15:46:20")
SCALE = T(D + "15:52:40")
INSERVICE = T(D + "15:56:40")
MITIGATED = T(D + "16:09:30")
ALERT_OK = T(D + "16:13:00")
RESOLVED = T(D + "16:40:00")
BASE = 0.004
OLD = ["turn-1", "turn-2", "turn-3", "turn-4"]
NEW = ["turn-5", "turn-6", "turn-7", "turn-8"]
IPS = {h: "10.60.%d.%d" % (i // 4, 20 + i) for i, h in enumerate(OLD + NEW)}


def wobble(t, amp):
    return amp * (((int(epoch(t)) // 30) * 7919) % 13 - 6) / 6.0


def peak():
    return 0.004 + (SCALE - STARTED).total_seconds() / 2400.0 * 0.09


def excess(t):
    """incident share of failed call setups on top of the baseline"""
    if t < STARTED or t >= MITIGATED:
        return 0.0
    if t < SCALE:
        return 0.004 + (t - STARTED).total_seconds() / 2400.0 * 0.09
    if t < INSERVICE:
        return peak()
    return max(0.0005, peak() * (1 - (t - INSERVICE).total_seconds() / (MITIGATED - INSERVICE).total_seconds()))


def fail_ratio(t):
    return BASE + wobble(t, 0.0009) + excess(t)


def egress_gbps(h, t):
    demand = 30.0 + (t - W0).total_seconds() / 3600.0 * 6.73 + wobble(t, 0.3)   # total Gbit/s wanted
    if t < INSERVICE:
        if h in NEW:
            return None if t < add(INSERVICE, seconds=-120) else 0.05
        return min(9.42, demand / 4) + (wobble(add(t, seconds=30 * OLD.index(h)), 0.04) if demand / 4 >= 9.42 else 0)
    frac = min(1.0, (t - INSERVICE).total_seconds() / (MITIGATED - INSERVICE).total_seconds())
    if h in NEW:
        return demand / 8 * frac + 0.05
    return max(demand / 8, min(9.42, demand / 4) - (demand / 4 - demand / 8) * frac)

# ---- TURN relays' syslog (coturn), America/Chicago local time
tl = []
def TL(t, host, msg):
    tl.append((t, syslog(t, TZ, host, "turnserver[%d]" % (1800 + int(host[-1]) * 3), msg)))
sess = [1000]
def session():
    sess[0] += rng.randint(1, 40)
    return "%018d" % (1000000000000000000 // 10 ** 6 + sess[0])
for t in poisson_times(rng, W0, W1, 0.14):
    h = rng.choice(OLD if t < INSERVICE or rng.random() < 0.4 else NEW)
    sid = session()
    user = "%d:clinician-%s" % (int(epoch(t)) + 86400, hexid(rng, 6))
    TL(t, h, "%d: : session %s: realm <turn.carebridge.health> user <>: incoming packet ALLOCATE processed, error 401: Unauthorized" % (rng.randint(10000, 99999), sid))
    if rng.random() < excess(t) * 6 and h in OLD:
        TL(add(t, seconds=0.05), h, "%d: : session %s: realm <turn.carebridge.health> user <%s>: incoming packet ALLOCATE processed, error 486: Allocation Bandwidth Quota Reached (bps-capacity 9400000000)" % (rng.randint(10000, 99999), sid, user))
    else:
        TL(add(t, seconds=0.05), h, "%d: : session %s: realm <turn.carebridge.health> user <%s>: incoming packet ALLOCATE processed, success" % (rng.randint(10000, 99999), sid, user))
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    h = rng.choice(OLD)
    TL(t, h, "%d: : session %s: realm <turn.carebridge.health> user <>: incoming packet REFRESH processed, error 438: Stale nonce" % (rng.randint(10000, 99999), session()))
TL(add(STARTED, seconds=4), "turn-2", "40211: : session 001000000000052211: realm <turn.carebridge.health> user <1760972914:clinician-7a1c2e>: incoming packet ALLOCATE processed, error 486: Allocation Bandwidth Quota Reached (bps-capacity 9400000000)")
TL(add(MITIGATED, seconds=-25), "turn-3", "51873: : session 001000000000081873: realm <turn.carebridge.health> user <1760976545:clinician-0be41f>: incoming packet ALLOCATE processed, error 486: Allocation Bandwidth Quota Reached (bps-capacity 9400000000)")
for i, h in enumerate(NEW):
    t = add(INSERVICE, seconds=-95 + i * 20)
    TL(t, h, "0: : Coturn Version Coturn-4.6.2 'Gorst'")
    TL(add(t, seconds=1), h, "0: : Total General servers: 8, Total UDP servers: 8, bps-capacity 9400000000")
inc.lines("relay-syslog.log", [l for _, l in sorted(tl, key=lambda x: x[0])])

# ---- visit-api logfmt
vl = []
def V(t, pairs):
    vl.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
for t in poisson_times(rng, W0, W1, 0.3):
    r = rng.random()
    vid = "v_" + hexid(rng, 10)
    if r < BASE + wobble(t, 0.0009):
        V(t, [("level", "warn"), ("msg", "call setup failed"), ("visit", vid), ("reason", "ice_failed"), ("detail", "no relay candidates gathered (client network blocks UDP/TCP 443)"), ("clinic", "c%03d" % rng.randint(1, 180))])
    elif r < fail_ratio(t):
        V(t, [("level", "error"), ("msg", "call setup failed"), ("visit", vid), ("reason", "turn_allocate_failed"), ("detail", "relay allocation rejected 486"), ("clinic", "c%03d" % rng.randint(1, 180))])
    else:
        V(t, [("level", "info"), ("msg", "call connected"), ("visit", vid), ("setup_ms", rng.randint(900, 2400) + int(excess(t) * 20000)), ("clinic", "c%03d" % rng.randint(1, 180))])
V(add(STARTED, seconds=5), [("level", "error"), ("msg", "call setup failed"), ("visit", "v_3b7e19c0d2"), ("reason", "turn_allocate_failed"), ("detail", "relay allocation rejected 486"), ("clinic", "c142")])
V(add(MITIGATED, seconds=-20), [("level", "error"), ("msg", "call setup failed"), ("visit", "v_90c1d4e7ab"), ("reason", "turn_allocate_failed"), ("detail", "relay allocation rejected 486"), ("clinic", "c017")])
for t in poisson_times(rng, W0, W1, 1 / 200.0):
    V(t, [("level", "warn"), ("msg", "ehr webhook retry"), ("target", "epic-bridge"), ("status", 504), ("attempt", rng.randint(1, 3))])
for c in CRON[-1:]:
    V(c, [("level", "info"), ("msg", "job start"), ("job", "reminder-digest")])
    V(add(c, seconds=33), [("level", "error"), ("msg", "job failed"), ("job", "reminder-digest"), ("err", "sms template 'digest_v2' not found for locale es-US")])
inc.lines("visit-api.log", [l for _, l in sorted(vl, key=lambda x: x[0])])

# ---- Prometheus query_range
def eg(h):
    return lambda t: (None if egress_gbps(h, t) is None else egress_gbps(h, t) * 1e9)
q = query_range([({"__name__": "telehealth:call_setup_failures:ratio_rate2m", "service": "visit-api"}, fail_ratio)] +
                [({"__name__": "instance:node_network_transmit_bytes:rate1m", "instance": "%s:9100" % IPS[h], "relay": h, "device": "ens5"}, eg(h)) for h in OLD + NEW],
                W0, W1, 30, fmt="%.5g")
for r in q["data"]["result"][1:]:
    r["values"] = [[t, "%.4g" % (float(v) / 8)] for t, v in r["values"]]  # bytes/s
inc.json("metrics.json", q, indent=None)

# ---- EC2 Auto Scaling describe-scaling-activities
acts = []
def ACT(t, end, group, desc, cause, status="Successful"):
    acts.append({"ActivityId": uuid("act" + iso(t) + desc), "AutoScalingGroupName": group, "Description": desc, "Cause": cause,
                 "StartTime": iso_us(t).replace("Z", "+00:00"), "EndTime": iso_us(end).replace("Z", "+00:00"), "StatusCode": status,
                 "Progress": 100, "Details": "{\"Subnet ID\":\"subnet-0a1b2c3d\",\"Availability Zone\":\"us-east-2%s\"}" % rng.choice("abc"),
                 "AutoScalingGroupARN": "arn:aws:autoscaling:us-east-2:210987654321:autoScalingGroup:%s:autoScalingGroupName/%s" % (uuid(group), group)})
for i in range(4):
    iid = "i-0%s" % hexid(rng, 16)
    ACT(add(SCALE, seconds=3 + i), add(INSERVICE, seconds=-95 + i * 20), "turn-relay-prod",
        "Launching a new EC2 instance: %s" % iid,
        "At %s a user request update of AutoScalingGroup constraints to min: 4, max: 12, desired: 8 changing the desired capacity from 4 to 8.  At %s an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 4 to 8." % (iso(SCALE), iso(add(SCALE, seconds=2))))
for d in (16, 17, 18, 19):
    t = T("2026-10-%02d 15:00:00" % d) if d == 19 else T("2026-10-%02d 15:00:00" % d)
    ACT(add(t, seconds=14), add(t, minutes=4), "reports-workers-prod", "Terminating EC2 instance: i-0%s" % hexid(rng, 16),
        "At %s a scheduled action update of AutoScalingGroup constraints to min: 1, max: 6, desired: 1 changing the desired capacity from 4 to 1.  At %s an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 4 to 1." % (iso(t), iso(add(t, seconds=13))))
ACT(T("2026-10-12 16:20:11"), T("2026-10-12 16:23:40"), "turn-relay-prod", "Launching a new EC2 instance: i-0%s" % hexid(rng, 16),
    "At 2026-10-12T16:20:05Z an instance was launched in response to an unhealthy instance needing to be replaced.")
acts.sort(key=lambda a: a["StartTime"], reverse=True)
inc.json("scaling-activities.json", {"Activities": acts})

# ---- Alertmanager webhooks
hk = []
def H(t, body):
    hk.append((t, jline(body)))
pl = {"severity": "page", "team": "telehealth", "service": "visit-api"}
wl = {"severity": "warning", "team": "telehealth", "service": "turn-relay"}
H(add(WARN, seconds=15), am_webhook("slack-telehealth", [am_alert("TurnRelayEgressNearLimit", {**wl, "relay": h}, "%s egress at bps-capacity (>= 9.3 Gbit/s) for 15m" % h, WARN) for h in OLD], group_by=("alertname", "service")))
H(add(ALERT, seconds=15), am_webhook("pd-telehealth", [am_alert("CallSetupFailureRatioHigh", pl, "call setup failures 7.6% (2m rate)", ALERT)]))
H(add(ALERT_OK, seconds=15), am_webhook("pd-telehealth", [am_alert("CallSetupFailureRatioHigh", pl, "call setup failures 7.6% (2m rate)", ALERT, ends=ALERT_OK)]))
H(T(D + "16:05:15"), am_webhook("slack-telehealth", [am_alert("TurnRelayEgressNearLimit", {**wl, "relay": h}, "%s egress at bps-capacity (>= 9.3 Gbit/s) for 15m" % h, WARN, ends=T(D + "16:05:00")) for h in OLD], group_by=("alertname", "service")))
ol = {"severity": "warning", "team": "data", "instance": "etl-pg-1:9187"}
for i in range(5):
    s0 = add(T(D + "14:09:00"), minutes=33 * i + rng.randint(0, 4))
    H(add(s0, seconds=20), am_webhook("slack-data", [am_alert("PostgresReplicationSlotLag", ol, "etl-pg-1 slot 'dw_cdc' lag > 2GB", s0)]))
    H(add(s0, minutes=7), am_webhook("slack-data", [am_alert("PostgresReplicationSlotLag", ol, "etl-pg-1 slot 'dw_cdc' lag > 2GB", s0, ends=add(s0, minutes=6, seconds=30))]))
cl = {"severity": "ticket", "team": "telehealth", "job": "reminder-digest"}
H(add(CRON[-1], minutes=1), am_webhook("slack-telehealth", [am_alert("CronJobFailed", cl, "reminder-digest failed", add(CRON[-1], seconds=40))]))
inc.lines("alerts.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty
pd = PD(5520, "CallSetupFailureRatioHigh visit-api", "telehealth-video", "PTLH002")
dee = PD.user("Deandra Brooks", "PDEEB01")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager us-east-2"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Deandra Brooks by push notification.", user=dee)
pd.add(ACK, "acknowledge_log_entry", dee, {"type": "mobile"}, "Acknowledged by Deandra Brooks.")
pd.add(RESOLVED, "resolve_log_entry", dee, {"type": "web_ui"}, "Resolved by Deandra Brooks.")
inc.json("pagerduty.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("UDEE", "deandra", "Deandra Brooks"), ("UMAR", "marcus", "Marcus Hill"), ("UHAN", "hannah", "Hannah Schultz"),
                ("UOLU", "olu", "Olu Adeyemi"), ("UCSM", "grace", "Grace Kim")]:
    s.user(u, n, r, TZ)
for cid, n in [("CTLA", "telehealth-alerts"), ("CINC", "inc-video-calls"), ("CDEP", "deploys")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("telehealth-alerts", add(c, minutes=1), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "CronJobFailed", "reminder-digest failed", color="warning"))
s.bot("telehealth-alerts", add(WARN, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "TurnRelayEgressNearLimit", "turn-1..turn-4 egress at bps-capacity (>= 9.3 Gbit/s) for 15m", color="warning"))
s.bot("telehealth-alerts", add(ALERT, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "CallSetupFailureRatioHigh", "call setup failures 7.6%"))
s.bot("telehealth-alerts", T(D + "16:05:16"), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "TurnRelayEgressNearLimit", "turn relays egress"))
s.bot("telehealth-alerts", add(ALERT_OK, seconds=16), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "CallSetupFailureRatioHigh", "call setup failures"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=140), "BGHD", "github", blocks=pd_slack_blocks("*patient-portal-web* v5.2.1 deployed to production by olu (Argo CD sync, 3/3 pods healthy)"))
s.say("telehealth-alerts", add(WARN, seconds=90), "UMAR", "egress warning again, it fired briefly last Monday too. will look after standup")
ch = "inc-video-calls"
s.say(ch, add(ACK, seconds=40), "UDEE", "acked. call setup failures ~8% and climbing slowly since about 10:10 our time, clinics reporting 'could not connect video'")
s.say(ch, WRONG, "UHAN", "patient-portal-web went out at 9:48, maybe it broke the ICE server config the browser gets?")
s.say(ch, add(WRONG, seconds=75), "UDEE", "the failures come from clinician desktop app too, which doesn't use the portal")
s.say(ch, ROLLBACK_Q, "UHAN", "should we roll back portal-web just in case?")
s.say(ch, COMMS, "UCSM", "posted to clinic status page: 'Some video visits fail to connect; phone fallback available'")
s.say(ch, DIAG, "UMAR", "turn-1..4 are flat at 9.4 Gbit/s egress since ~10:08, that's the bps-capacity we set, and they answer 486 quota reached. With the Riverside clinics onboarded last week the Monday peak is more than 4 relays can carry")
s.say(ch, add(SCALE, seconds=-60), "UDEE", "scaling turn-relay-prod from 4 to 8")
s.say(ch, add(INSERVICE, seconds=70), "UMAR", "4 new relays in service and taking allocations; old ones will drain as calls end")
s.say(ch, add(MITIGATED, seconds=100), "UDEE", "failure ratio back at the usual 0.4%")
s.say(ch, add(RESOLVED, seconds=-60), "UDEE", "stable for 30 min, resolving. follow-up: scale on egress, raise min to 6")
s.write(inc, "slack")

inc.truth(
    "telehealth-turn-capacity", "turn-relay-egress-saturation-by-growth",
    "Monday-morning clinic traffic, grown by clinics onboarded the week before, saturated the four TURN relays' egress; relays\n"
    "answered 486 quota reached and video call setups failed in slowly growing numbers until the group was scaled to 8.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "call setup failure ratio starts rising above its 0.4% baseline; first 486 quota reached", "metrics.json", 60),
     (WARN, "alert_fired", "TurnRelayEgressNearLimit warning for turn-1..4", "alerts.ndjson", 60),
     (ALERT, "alert_fired", "CallSetupFailureRatioHigh firing", "alerts.ndjson", 60),
     (PAGE, "paged", "PagerDuty #5520 triggered", "pagerduty.json", 60),
     (ACK, "acknowledged", "Deandra acknowledges", "pagerduty.json", 60),
     (COMMS, "communication", "clinic status page post", "slack", 90),
     (DIAG, "diagnosis", "Marcus: relays flat at bps-capacity, growth exceeds 4 relays", "slack", 90),
     (SCALE, "mitigation", "turn-relay-prod desired capacity 4 -> 8", "scaling-activities.json", 60),
     (MITIGATED, "recovery", "failure ratio back at baseline", "metrics.json", 60),
     (ALERT_OK, "alert_resolved", "CallSetupFailureRatioHigh resolved", "alerts.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty.json", 60)],
    [(CRON[-1], "daily reminder-digest job failure", "visit-api.log"),
     (OTHER_DEPLOY, "patient-portal-web v5.2.1 deploy", "slack"),
     (SCHED_OTHER, "scheduled scale-in of reports-workers-prod, daily", "scaling-activities.json"),
     (T(D + "14:09:00"), "PostgresReplicationSlotLag flapping for the data team", "alerts.ndjson"),
     (WRONG, "wrong hunch: portal-web deploy broke ICE config", "slack"),
     (ROLLBACK_Q, "'should we roll back portal-web?' question", "slack"),
     (T(D + "14:30:00"), "steady ice_failed (client firewall), 401 Unauthorized/438 stale nonce and EHR webhook 504 retries all window", "visit-api.log")],
    [("relay-syslog.log", "logs", TZ), ("visit-api.log", "logs"), ("metrics.json", "prometheus-query-range"),
     ("scaling-activities.json", "deploys"), ("alerts.ndjson", "alertmanager-webhook"), ("pagerduty.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
