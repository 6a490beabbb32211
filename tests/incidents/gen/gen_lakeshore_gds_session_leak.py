"""heldout17/lakeshore-gds-session-leak: ticketing-worker 5.3.0 reclaims GDS sessions it leaked on the fare-difference path
without closing them at the GDS; the agency's PCC reaches its 60 concurrent-session limit, bookings fail at PNR creation and the
ticketing queue backs up; a night-time page is acknowledged late, a restart helps for 20 minutes, a rollback ends it."""
import random
from common import *

rng = random.Random(20261117)
inc = Incident("heldout17", "lakeshore-gds-session-leak")
TZ = "America/Chicago"
D = "2026-11-17 "
W0, W1 = T(D + "00:30:00"), T(D + "05:00:00")
CRON = [T("2026-11-%02d 00:30:%02d" % (d, 20 + d)) for d in (14, 15, 16, 17)]
BE_DEPLOY = T("2026-11-16 20:02:11")
DEPLOY = T(D + "01:10:05")
LIVE = T(D + "01:12:30")
STARTED = T(D + "01:38:12")
WARN = T(D + "01:40:30")
EXHAUST = T(D + "01:53:40")
PAGE = T(D + "02:08:01")
ESC = T(D + "02:23:01")
ACK = T(D + "02:31:40")
WRONG1 = T(D + "02:36:20")
ROLLBACK_Q = T(D + "02:39:30")
DIAG1 = T(D + "02:41:10")
RESTART = T(D + "02:44:30")
GAP0 = T(D + "02:45:50")
WARN_OK1 = T(D + "02:47:00")
OTHER_DEPLOY = T(D + "02:50:12")
MAIL_OUT = T(D + "02:52:30")
COMMS = T(D + "02:55:10")
WARN2 = T(D + "03:03:20")
GAP1 = T(D + "03:06:20")
DIAG2 = T(D + "03:11:30")
ROLLBACK = T(D + "03:16:05")
MITIGATED = T(D + "03:18:35")
WARN_OK2 = T(D + "03:21:00")
PAGE_OK = T(D + "03:45:30")
MAIL_IN = T(D + "04:02:10")
DRAINED = T(D + "04:21:30")
RESOLVED = T(D + "04:33:00")

def sessions(t):
    """active sessions on PCC 7TQK as reported by the GDS admin API"""
    base = 19 + (int(epoch(t)) // 60) % 4
    if t < LIVE:
        return base
    if t < RESTART:
        return min(60, base + (t - LIVE).total_seconds() / 60.0 * 1.0)
    if t < add(RESTART, seconds=60):
        return 34
    if t < add(ROLLBACK, seconds=100):
        return min(60, 8 + (t - add(RESTART, seconds=60)).total_seconds() / 60.0 * 2.5)
    if t < add(ROLLBACK, seconds=150):
        return 31
    return base - 2

def failing(t):
    return (EXHAUST <= t < GAP0) or (GAP1 <= t < MITIGATED)

# ---- ticketing-worker (log4j2, America/Chicago local time, no offset)
tw = []
def L(t, lvl, th, lg, msg, extra=()):
    lt = local(t, TZ)
    tw.append((t, "\n".join(["%s,%03d %-5s [%s] %s - %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, th, lg, msg)] + list(extra))))
def pnr():
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))
def tkt_rate(t):
    if t < STARTED:
        return 1 / 25.0
    if failing(t):
        return 1 / 300.0
    if STARTED <= t < EXHAUST:
        return 1 / 60.0
    if GAP0 <= t < GAP1:
        return 1 / 8.0
    if MITIGATED <= t < DRAINED:
        return 1 / 6.0
    return 1 / 25.0
t = W0
while True:
    t = add(t, seconds=rng.expovariate(tkt_rate(t)))
    if t >= W1:
        break
    L(t, "INFO", "tkt-exec-%d" % rng.randint(1, 12), "c.l.t.ticketing.TicketingService", "Ticketed PNR %s (%d tickets, %s) in %.1fs" % (
        pnr(), rng.choice([1, 1, 2, 2, 3, 4]), rng.choice(["UA", "AA", "DL", "AS", "B6", "AC"]), rng.uniform(1.8, 4.4)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    L(t, "WARN", "tkt-exec-%d" % rng.randint(1, 12), "c.l.t.ticketing.TicketingService", "AirPrice returned fare difference %+.2f USD for PNR %s, re-queueing for agent review" % (rng.uniform(-30, 60), pnr()))
for t in frange(add(W0, seconds=212), W1, 900):
    L(t, "INFO", "ttl-sweeper", "c.l.t.ticketing.TtlSweeper", "TTL sweep: 0 PNRs past ticketing time limit, %d within 2h" % rng.randint(0, 4))
PODS_A = ["ticketing-worker-5c7f9d-%s" % s for s in ("2kq7x", "8vbnm", "tr4wd")]
def starts(t0, ver, pods):
    for i, p in enumerate(pods):
        L(add(t0, seconds=i * 31), "INFO", "main", "c.l.t.TicketingWorkerApplication", "ticketing-worker %s started on %s (gds.pool.max=40, pcc=7TQK, abandonedTimeout=120s)" % (ver, p))
def stops(t0, pods, counts):
    for i, (p, n) in enumerate(zip(pods, counts)):
        L(add(t0, seconds=i * 2), "INFO", "SpringApplicationShutdownHook", "c.l.t.gds.SessionPool", "shutdown on %s: closing %d GDS sessions (SessionCloseRQ)" % (p, n))
stops(add(LIVE, seconds=-75), ["ticketing-worker-6d8b4f-%s" % s for s in ("9xk2p", "m3qzt", "w7hrd")], (5, 4, 6))
starts(add(LIVE, seconds=-70), "5.3.0", PODS_A)
L(STARTED, "WARN", "tkt-exec-7", "c.l.t.gds.SessionPool", "waited 2412 ms for a free GDS session (leased 40/40, pcc=7TQK)")
for t in poisson_times(rng, add(STARTED, seconds=5), RESTART, 1 / 45.0):
    L(t, "WARN", "tkt-exec-%d" % rng.randint(1, 12), "c.l.t.gds.SessionPool", "waited %d ms for a free GDS session (leased 40/40, pcc=7TQK)" % rng.randint(1500, 30000))
for t in frange(T(D + "01:40:10"), RESTART, 120):
    L(t, "WARN", "gds-pool-housekeeper", "c.l.t.gds.SessionPool", "reclaimed %d abandoned GDS sessions (leased > 120 s without return)" % rng.randint(1, 4))
for t in poisson_times(rng, add(RESTART, seconds=240), add(ROLLBACK, seconds=60), 1 / 50.0):
    L(t, "WARN", "tkt-exec-%d" % rng.randint(1, 12), "c.l.t.gds.SessionPool", "waited %d ms for a free GDS session (leased 40/40, pcc=7TQK)" % rng.randint(1500, 30000))
for t in frange(add(RESTART, seconds=300), add(ROLLBACK, seconds=60), 120):
    L(t, "WARN", "gds-pool-housekeeper", "c.l.t.gds.SessionPool", "reclaimed %d abandoned GDS sessions (leased > 120 s without return)" % rng.randint(2, 6))
FAULT = ["com.lakeshore.gds.altus.AltusFaultException: Client.SessionLimitExceeded: Maximum concurrent sessions (60) reached for PCC 7TQK",
         "\tat com.lakeshore.gds.altus.AltusSoapClient.createSession(AltusSoapClient.java:212)",
         "\tat com.lakeshore.ticketing.gds.SessionPool.open(SessionPool.java:147)",
         "\t... 23 common frames omitted"]
for t in poisson_times(rng, EXHAUST, MITIGATED, 1 / 20.0):
    if failing(t):
        L(t, "ERROR", "tkt-exec-%d" % rng.randint(1, 12), "c.l.t.ticketing.TicketingService", "ticketing PNR %s failed, will retry in 120s" % pnr(), FAULT)
PODS_B = ["ticketing-worker-5c7f9d-%s" % s for s in ("c9lfp", "hn2vr", "x6d4j")]
stops(RESTART, PODS_A, (19, 21, 18))
starts(add(RESTART, seconds=30), "5.3.0", PODS_B)
stops(add(ROLLBACK, seconds=75), PODS_B, (17, 22, 20))
starts(add(ROLLBACK, seconds=78), "5.2.4", ["ticketing-worker-6d8b4f-%s" % s for s in ("f2mxa", "k8wqs", "p5tzn")])
L(DRAINED, "INFO", "queue-metrics", "c.l.t.ticketing.QueueReporter", "ticketing queue drained: depth 6, oldest 41s")
c = CRON[-1]
inc.lines("ticketing/worker-2026-11-16.log", [l for _, l in sorted(tw, key=lambda x: x[0])])

# ---- booking-engine (.NET, Serilog compact JSON / CLEF)
be = []
def C(t, mt, lvl=None, x=None, **props):
    d = {"@t": t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%07dZ" % (t.microsecond * 10), "@mt": mt}
    if lvl:
        d["@l"] = lvl
    if x:
        d["@x"] = x
    d.update(props)
    d.setdefault("SourceContext", "Lakeshore.Booking.Confirm.ConfirmBookingHandler")
    d["MachineName"] = rng.choice(["booking-engine-7b9c6-4hxtq", "booking-engine-7b9c6-9mlzd", "booking-engine-7b9c6-qs2rw"])
    be.append((t, jline(d)))
def bref():
    return "LK" + "".join(rng.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(6))
for t in poisson_times(rng, W0, W1, 1 / 14.0):
    r = bref()
    if failing(t) and rng.random() < 0.85:
        C(t, "Booking {BookingRef} failed at {Step}", "Error",
          "Lakeshore.Gds.AltusFaultException: Client.SessionLimitExceeded: Maximum concurrent sessions (60) reached for PCC 7TQK\n   at Lakeshore.Gds.AltusSessionFactory.CreateAsync(CancellationToken ct)\n   at Lakeshore.Booking.Confirm.ConfirmBookingHandler.Handle(ConfirmBooking cmd, CancellationToken ct)",
          BookingRef=r, Step="CreatePnr", Channel=rng.choice(["web", "web", "app", "agent-desktop"]))
        C(add(t, seconds=0.4), "Voided card authorization {AuthId} for {Amount} {Currency} after failed booking {BookingRef}", None,
          AuthId="auth_" + hexid(rng, 14), Amount=round(rng.uniform(180, 2400), 2), Currency="USD", BookingRef=r, SourceContext="Lakeshore.Payments.HoldService")
    else:
        C(t, "Booking {BookingRef} confirmed: PNR {Pnr}, {Segments} segments, queued for ticketing", None, BookingRef=r, Pnr=pnr(), Segments=rng.randint(1, 4))
C(EXHAUST, "Booking {BookingRef} failed at {Step}", "Error",
  "Lakeshore.Gds.AltusFaultException: Client.SessionLimitExceeded: Maximum concurrent sessions (60) reached for PCC 7TQK\n   at Lakeshore.Gds.AltusSessionFactory.CreateAsync(CancellationToken ct)",
  BookingRef="LKQ7M2RA", Step="CreatePnr", Channel="web")
C(add(MITIGATED, seconds=-4), "Booking {BookingRef} failed at {Step}", "Error",
  "Lakeshore.Gds.AltusFaultException: Client.SessionLimitExceeded: Maximum concurrent sessions (60) reached for PCC 7TQK\n   at Lakeshore.Gds.AltusSessionFactory.CreateAsync(CancellationToken ct)",
  BookingRef="LKT4H8ZC", Step="CreatePnr", Channel="app")
for t in poisson_times(rng, W0, W1, 1 / 110.0):
    C(t, "Seat map unavailable for {Carrier} {Flight}, continuing without seats", "Warning", Carrier=rng.choice(["AS", "B6", "F9"]), Flight=str(rng.randint(100, 2999)),
      SourceContext="Lakeshore.Booking.Ancillaries.SeatMapService")
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    C(t, "Payment hold {AuthId} expired before capture (3DS abandoned)", "Warning", AuthId="auth_" + hexid(rng, 14), SourceContext="Lakeshore.Payments.HoldService")
inc.lines("booking-engine/events.clef", [l for _, l in sorted(be, key=lambda x: x[0])])

# ---- OpenMetrics scrape history
def depth(t):
    if t < STARTED:
        return 6 + (int(epoch(t)) // 60) % 9
    if t < RESTART:
        return 8 + (t - STARTED).total_seconds() / 60.0 * 2.0
    if t < GAP1:
        return max(60, 140 - (t - RESTART).total_seconds() / 60.0 * 4)
    if t < MITIGATED:
        return 60 + (t - GAP1).total_seconds() / 60.0 * 4
    if t < DRAINED:
        return max(6, 108 - (t - MITIGATED).total_seconds() / 60.0 * 1.6)
    return 6 + (int(epoch(t)) // 60) % 9
def oldest(t):
    stuck = T(D + "01:47:30")
    if t < stuck:
        return 30 + (int(epoch(t)) // 60) % 60
    if t < add(MITIGATED, minutes=12):
        return (t - stuck).total_seconds()
    return max(40, (add(MITIGATED, minutes=12) - stuck).total_seconds() - (t - add(MITIGATED, minutes=12)).total_seconds() * 2.2)
fails = [0]
pts_s, pts_d, pts_o, pts_f = [], [], [], []
for t in frange(W0, W1, 60):
    pts_s.append((t, int(sessions(t))))
    pts_d.append((t, int(depth(t))))
    pts_o.append((t, int(oldest(t))))
    if failing(t):
        fails[0] += rng.randint(3, 6)
    pts_f.append((t, fails[0]))
inc.write("scrapes/om-0030-0500.txt", openmetrics([
    ("altus_pcc_sessions_active", "gauge", "Active GDS sessions on the PCC (Altus admin API).", [({"pcc": "7TQK", "job": "altus-exporter"}, pts_s)]),
    ("altus_pcc_sessions_limit", "gauge", "Concurrent session limit of the PCC.", [({"pcc": "7TQK", "job": "altus-exporter"}, [(t, 60) for t, _ in pts_s])]),
    ("ticketing_queue_depth", "gauge", "PNRs waiting to be ticketed.", [({"queue": "ticketing", "job": "ticketing-worker"}, pts_d)]),
    ("ticketing_queue_oldest_age_seconds", "gauge", "Age of the oldest PNR waiting to be ticketed.", [({"queue": "ticketing", "job": "ticketing-worker"}, pts_o)]),
    ("booking_confirm_failures", "counter", "Booking confirmations that failed.", [({"step": "CreatePnr", "job": "booking-engine"}, pts_f)]),
]))

# ---- Jenkins view API export
def build(job, num, t, dur, ver, who, uid_, result="SUCCESS", desc=None):
    return {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowRun", "number": num, "displayName": "#%d" % num,
            "fullDisplayName": "%s #%d" % (job, num), "description": desc, "result": result, "building": False,
            "timestamp": int(epoch(t) * 1000), "duration": dur * 1000, "url": "https://jenkins.lakeshore.internal/job/%s/%d/" % (job, num),
            "actions": [{"_class": "hudson.model.CauseAction", "causes": [{"_class": "hudson.model.Cause$UserIdCause",
                         "shortDescription": "Started by user %s" % who, "userId": uid_, "userName": who}]},
                        {"_class": "hudson.model.ParametersAction", "parameters": [
                            {"_class": "hudson.model.StringParameterValue", "name": "VERSION", "value": ver},
                            {"_class": "hudson.model.StringParameterValue", "name": "ENVIRONMENT", "value": "prod-us-central"}]}]}
jobs = [
    {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob", "name": "deploy-ticketing-worker", "url": "https://jenkins.lakeshore.internal/job/deploy-ticketing-worker/",
     "builds": [build("deploy-ticketing-worker", 413, ROLLBACK, 152, "5.2.4", "Marcus Bell", "mbell", desc="rollback: GDS session leak"),
                build("deploy-ticketing-worker", 412, DEPLOY, 148, "5.3.0", "Kevin Tran", "ktran"),
                build("deploy-ticketing-worker", 411, T("2026-11-03 16:20:40"), 161, "5.2.4", "Kevin Tran", "ktran")]},
    {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob", "name": "deploy-booking-engine", "url": "https://jenkins.lakeshore.internal/job/deploy-booking-engine/",
     "builds": [build("deploy-booking-engine", 988, BE_DEPLOY, 301, "2026.11.16-2", "Ana Ruiz", "aruiz"),
                build("deploy-booking-engine", 987, T("2026-11-12 19:44:02"), 296, "2026.11.12-1", "Ana Ruiz", "aruiz")]},
    {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob", "name": "deploy-hotel-ari", "url": "https://jenkins.lakeshore.internal/job/deploy-hotel-ari/",
     "builds": [build("deploy-hotel-ari", 245, OTHER_DEPLOY, 122, "3.8.1", "Omar Haddad", "ohaddad"),
                build("deploy-hotel-ari", 244, add(OTHER_DEPLOY, minutes=-31), 40, "3.8.1", "Omar Haddad", "ohaddad", result="FAILURE")]}]
inc.json("ci/view-prod-deploys.json", {"_class": "hudson.model.ListView", "name": "prod-deploys", "url": "https://jenkins.lakeshore.internal/view/prod-deploys/", "jobs": jobs})

# ---- PagerDuty v2 webhook deliveries
pd = PD(5531, "TicketingQueueAgeHigh: oldest PNR waiting 15m+", "ticketing", "PTKT001", esc_policy="Ticketing On-call")
dwayne = PD.user("Dwayne Carter", "PDWCART")
priya = PD.user("Priya Nair", "PPRNAIR")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMTKT1", "summary": "Alertmanager us-central"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Dwayne Carter.", assignees=[dwayne])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Dwayne Carter by push notification.", user=dwayne)
pd.add(add(PAGE, seconds=302), "notify_log_entry", None, {"type": "auto"}, "Notified Dwayne Carter by phone.", user=dwayne)
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Ticketing On-call"})
pd.add(add(ESC, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Priya Nair.", assignees=[priya])
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "phone"}, "Acknowledged by Priya Nair.")
pd.add(PAGE_OK, "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; incident kept open (auto-resolve off)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.")
inc.lines("hooks/pd-deliveries.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 5531, "TicketingQueueAgeHigh: oldest PNR waiting 15m+", PAGE)])

# ---- mail (.eml files)
def eml(name, t, frm, to, subj, body, msgid, reply=None):
    hdr = ["Return-Path: <%s>" % frm.split("<")[-1].rstrip(">"),
           "Received: from mx2.lakeshore-travel.com (mx2.lakeshore-travel.com [10.20.4.12]) by mail.lakeshore-travel.com with ESMTPS id %s; %s" % (hexid(rng, 10).upper(), local(t, "UTC").strftime("%a, %d %b %Y %H:%M:%S +0000")),
           "Date: %s" % local(t, TZ).strftime("%a, %d %b %Y %H:%M:%S %z"), "From: %s" % frm, "To: %s" % to, "Subject: %s" % subj, "Message-ID: <%s>" % msgid]
    if reply:
        hdr += ["In-Reply-To: <%s>" % reply, "References: <%s>" % reply]
    hdr += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=\"us-ascii\"", "Content-Transfer-Encoding: 7bit", ""]
    data = "\r\n".join(hdr + body.split("\n") + [""]).encode()
    inc.write("mailbox/cur/%d.M%dP%d.mail01,S=%d:2,%s" % (int(epoch(t)), rng.randint(100000, 999999), rng.randint(1000, 9999), len(data), name), data)
eml("S", T("2026-11-13 14:45:12"), "Altus GDS Service Notices <notices@altus-gds.example>", "gds-ops@lakeshore-travel.com",
    "Planned maintenance: Altus ticketing and session services, Thu 19 Nov 2026 02:00-04:00 UTC",
    "Dear customer,\n\nAltus will perform planned maintenance on ticketing (AirTicket, VoidTicket) and session services on\nThursday 19 November 2026 between 02:00 and 04:00 UTC. Requests may fail intermittently with\nClient.ServiceUnavailable during the window. No action is required.\n\nAltus GDS Customer Operations", "svc-notice-88213@altus-gds.example")
eml("S", T("2026-11-16 19:35:10"), "Airline Schedule Desk <schedules@partner-air.example>", "gds-ops@lakeshore-travel.com",
    "Schedule change advisory: winter timetable adjustments 01DEC",
    "Please expect schedule-change queue placements for PNRs on routes ORD-DEN and ORD-MSP departing after 01 December.", "sched-adv-1201@partner-air.example")
eml("RS", MAIL_OUT, "Priya Nair <priya.nair@lakeshore-travel.com>", "Altus Helpdesk <helpdesk@altus-gds.example>",
    "URGENT PCC 7TQK - Client.SessionLimitExceeded since 01:53 UTC",
    "Hello,\n\nSince about 01:53 UTC every SessionCreate on PCC 7TQK fails with Client.SessionLimitExceeded (60).\nCan you tell us which sessions are open and clear the stale ones? Bookings are failing for our customers.\n\nPriya Nair\nLakeshore Travel, on-call engineer", "lk-7tqk-0252@lakeshore-travel.com")
eml("S", MAIL_IN, "Altus Helpdesk <helpdesk@altus-gds.example>", "Priya Nair <priya.nair@lakeshore-travel.com>",
    "RE: URGENT PCC 7TQK - Client.SessionLimitExceeded since 01:53 UTC [ALT-2211904]",
    "Hello Priya,\n\nThere was no incident on the Altus side. PCC 7TQK reached its limit of 60 concurrent sessions between\n01:52 and 02:45 UTC and again between 03:06 and 03:18 UTC; most sessions were created by your ticketing\nuser TKTSVC and never closed. Idle sessions expire after 15 minutes. We did not clear any sessions; the\ncount has been below 25 since 03:19 UTC.\n\nAltus Helpdesk", "alt-2211904-r1@altus-gds.example", reply="lk-7tqk-0252@lakeshore-travel.com")

# ---- Slack export
s = Slack()
for u, n, r in [("U09PRI", "priya", "Priya Nair"), ("U09DWA", "dwayne", "Dwayne Carter"), ("U09MAR", "marcus", "Marcus Bell"),
                ("U09KEV", "kevin", "Kevin Tran"), ("U09JEN", "jen.ortiz", "Jen Ortiz"), ("U09OMA", "omar", "Omar Haddad")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C09ALT", "alerts-ticketing", "Alertmanager"), ("C09INC", "inc-ticketing-gds", ""), ("C09DSK", "agency-desk", "Agents and support desk"),
                  ("C09HOT", "hotels-eng", "")]:
    s.channel(cid, n, p)
def post(t, status, name, text, color=None):
    s.bot("alerts-ticketing", t, "B09AM", "alertmanager", attachments=am_slack_attachment(status, name, text, color=color))
for c in CRON:
    post(add(c, seconds=70), "firing", "KubeJobFailed", "Job hotels/hotel-ari-reconcile-%s failed to complete\nteam: hotels" % c.strftime("%Y%m%d"), color="warning")
post(add(WARN, seconds=12), "firing", "AltusSessionsNearLimit", "PCC 7TQK has 46 of 60 GDS sessions active\nseverity: warning", color="warning")
post(add(PAGE, seconds=-1), "firing", "TicketingQueueAgeHigh", "oldest PNR waiting 15m+ (ticketing queue depth 67)\nseverity: critical")
post(add(WARN_OK1, seconds=12), "resolved", "AltusSessionsNearLimit", "PCC 7TQK sessions back under 45")
post(add(WARN2, seconds=12), "firing", "AltusSessionsNearLimit", "PCC 7TQK has 47 of 60 GDS sessions active\nseverity: warning", color="warning")
post(add(WARN_OK2, seconds=12), "resolved", "AltusSessionsNearLimit", "PCC 7TQK sessions back under 45")
post(add(PAGE_OK, seconds=12), "resolved", "TicketingQueueAgeHigh", "oldest PNR waiting 11m")
for a, b in [("00:52:30", "00:58:00"), ("01:49:00", "01:55:30"), ("03:31:30", "03:36:00"), ("04:12:00", "04:19:30")]:
    post(T(D + a), "firing", "HotelAriPushLatencyHigh", "ARI push p95 above 20s for channel manager rateflow\nteam: hotels", color="warning")
    post(T(D + b), "resolved", "HotelAriPushLatencyHigh", "ARI push p95 back to normal")
s.say("hotels-eng", add(OTHER_DEPLOY, seconds=-180), "U09OMA", "redeploying hotel-ari 3.8.1, the 02:19 build failed on a flaky test")
s.say("hotels-eng", add(OTHER_DEPLOY, seconds=150), "U09OMA", "hotel-ari 3.8.1 out")
ch = "inc-ticketing-gds"
s.say(ch, add(ACK, seconds=35), "U09PRI", "acked (escalated to me, Dwayne didn't pick up). ticketing queue ~120 deep, oldest 44 min. booking-engine also failing CreatePnr")
s.say(ch, WRONG1, "U09PRI", "Altus maintenance? there was an email about ticketing maintenance this week")
s.say(ch, add(WRONG1, seconds=75), "U09JEN", "that notice is for Thursday 19th 02:00-04:00 UTC, not tonight")
s.say(ch, ROLLBACK_Q, "U09JEN", "should we roll back the booking-engine deploy from this afternoon?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U09PRI", "that went out 20:00 UTC yesterday and bookings were fine until 01:53. not that")
s.say(ch, DIAG1, "U09PRI", "Altus answers Client.SessionLimitExceeded for PCC 7TQK, altus_pcc_sessions_active pinned at 60 since 01:52, and the ticketing pool keeps 'reclaiming abandoned sessions'. ticketing-worker is eating the PCC's sessions")
s.say(ch, add(DIAG1, seconds=100), "U09PRI", "restarting ticketing-worker, shutdown closes its sessions")
s.say(ch, add(GAP0, seconds=40), "U09PRI", "restart freed the sessions (60 -> 8), bookings going through, queue draining")
s.say(ch, add(MAIL_OUT, seconds=20), "U09PRI", "emailed Altus helpdesk asking who holds the sessions")
s.say(ch, add(WARN2, seconds=60), "U09PRI", "sessions climbing again, 47 already. this will fill up in a few minutes")
s.say(ch, add(GAP1, seconds=45), "U09PRI", "back at 60, CreatePnr failing again. paging Marcus")
s.say(ch, DIAG2, "U09MAR", "found it: 5.3.0 (Jenkins #412 at 01:10) moved AirPrice into the new retry wrapper; when AirPrice returns a fare difference it throws before SessionCloseRQ, the session is never returned, the housekeeper reclaims it after 120s without closing it at Altus. leak per re-queued PNR, and the backlog makes it worse")
s.say(ch, add(DIAG2, seconds=60), "U09MAR", "rolling back to 5.2.4 (#413)")
s.say(ch, add(MITIGATED, seconds=50), "U09MAR", "5.2.4 on all 3 pods, sessions 31 and falling, no SessionLimitExceeded since 03:18")
s.say(ch, T(D + "03:30:40"), "U09DWA", "sorry all, phone died overnight. catching up")
s.say(ch, add(DRAINED, seconds=60), "U09PRI", "ticketing queue drained, no PNR missed its ticketing time limit")
s.say(ch, add(MAIL_IN, seconds=90), "U09PRI", "Altus confirms: no incident on their side, our TKTSVC user held the sessions")
s.say(ch, add(RESOLVED, seconds=-45), "U09PRI", "resolving. agents told to re-try the failed web bookings list in the morning; card holds were voided")
s.say("agency-desk", COMMS, "U09JEN", "heads-up for the night desk: web and agent bookings may fail at confirmation (GDS sessions). card holds are voided automatically, don't re-key bookings by hand yet. updates in #inc-ticketing-gds")
s.say("agency-desk", add(MITIGATED, minutes=6), "U09JEN", "bookings working again, you can retry")
s.write(inc, "team-chat")

inc.truth(
    "lakeshore-gds-session-leak", "release-leaks-supplier-sessions-pcc-limit-late-ack-restart-relapse",
    "ticketing-worker 5.3.0 never closes the GDS session on the fare-difference path and reclaims it locally; PCC 7TQK reaches its 60-session\n"
    "limit and bookings fail at PNR creation; the page is acknowledged late, a restart helps for 20 minutes, a rollback to 5.2.4 ends it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DEPLOY, "change", "Jenkins deploy-ticketing-worker #412 (5.3.0)", "ci/view-prod-deploys.json", 60),
     (STARTED, "first_symptom", "first wait for a free GDS session (pool leased 40/40)", "ticketing/worker-2026-11-16.log", 60),
     (WARN, "alert_fired", "AltusSessionsNearLimit (warning) in Slack", "team-chat", 60),
     (PAGE, "paged", "PagerDuty #5531 triggered (TicketingQueueAgeHigh)", "hooks/pd-deliveries.ndjson", 60),
     (ACK, "acknowledged", "Priya acknowledges after escalation by timeout", "hooks/pd-deliveries.ndjson", 60),
     (DIAG1, "diagnosis", "Priya: PCC at 60 sessions, ticketing-worker holds them", "team-chat", 90),
     (RESTART, "mitigation", "ticketing-worker restarted; sessions freed for ~20 minutes (partial)", "ticketing/worker-2026-11-16.log", 60),
     (COMMS, "communication", "night desk told bookings may fail, holds voided", "team-chat", 90),
     (DIAG2, "diagnosis", "Marcus: 5.3.0 fare-difference path never sends SessionCloseRQ", "team-chat", 90),
     (ROLLBACK, "mitigation", "Jenkins #413 rolls ticketing-worker back to 5.2.4", "ci/view-prod-deploys.json", 60),
     (MITIGATED, "recovery", "last SessionLimitExceeded booking failure", "booking-engine/events.clef", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "hooks/pd-deliveries.ndjson", 60)],
    [(CRON[-1], "hotel-ari-reconcile CronJob fails every night at 00:30 UTC", "team-chat"),
     (OTHER_DEPLOY, "hotels team deploys hotel-ari 3.8.1", "ci/view-prod-deploys.json"),
     (BE_DEPLOY, "booking-engine deploy the evening before", "ci/view-prod-deploys.json"),
     (T(D + "01:49:00"), "HotelAriPushLatencyHigh flapping all night (hotels team)", "team-chat"),
     (WRONG1, "wrong hunch: Altus planned maintenance (the notice is for the 19th)", "team-chat"),
     (T("2026-11-13 14:45:12"), "Altus maintenance notice for 19 Nov", "mailbox"),
     (ROLLBACK_Q, "'should we roll back the booking-engine deploy?' question, not done", "team-chat"),
     (T(D + "03:00:00"), "steady fare-difference re-queues, seat-map and expired-hold warnings all window", "ticketing/worker-2026-11-16.log")],
    [("ticketing/worker-2026-11-16.log", "logs", TZ), ("booking-engine/events.clef", "logs"), ("scrapes/om-0030-0500.txt", "openmetrics"),
     ("ci/view-prod-deploys.json", "deploys"), ("hooks/pd-deliveries.ndjson", "pagerduty-log-entries"), ("mailbox", "logs"),
     ("team-chat", "slack-export")])
