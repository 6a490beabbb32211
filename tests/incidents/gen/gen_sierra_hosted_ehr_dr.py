"""heldout17/sierra-hosted-ehr-dr: the EHR vendor's hosted primary data centre loses a storage array; the EHR slows, then
stops; the patient app's FHIR API fails and the interface engine queues everything for the EHR until the vendor fails
over to its secondary site.  A cached read-only mode of the FHIR facade helps the patient app only in part."""
import random
from common import *

rng = random.Random(20260421)
inc = Incident("heldout17", "sierra-hosted-ehr-dr")
TZ = "America/Los_Angeles"
VTZ = "America/Chicago"
D = "2026-04-21 "
W0, W1 = T(D + "15:00:00"), T(D + "19:30:00")
AUDIT = [T("2026-04-%02d 15:30:%02d" % (d, 4 + d)) for d in (18, 19, 20, 21)]
FACADE_DEPLOY = T(D + "15:20:40")
STARTED = T(D + "15:52:10")
WARN = T(D + "15:58:40")
DOWN = T(D + "16:04:35")
CRIT = T(D + "16:07:05")
PAGE = T(D + "16:07:36")
ACK = T(D + "16:09:50")
WRONG = T(D + "16:14:20")
OTHER_FLAG = T(D + "16:15:30")
ROLLBACK_Q = T(D + "16:18:05")
COMMS = T(D + "16:24:00")
V_INVEST = T(D + "16:31:00")
PARTIAL = T(D + "16:40:12")
V_IDENT = T(D + "17:02:00")
DIAG = T(D + "17:03:30")
BACK = T(D + "17:36:50")
CRIT_OK = T(D + "17:39:05")
V_MON = T(D + "17:41:00")
DRAINED = T(D + "17:48:20")
FLAG_OFF = T(D + "17:55:30")
COMMS2 = T(D + "18:32:00")
RESOLVED = T(D + "18:46:20")
V_RES = T(D + "19:05:00")


def ehr_state(t):
    if t < STARTED or t >= BACK:
        return "ok"
    if t < DOWN:
        return "slow"
    return "down"


# ---------------------------------------------------------------- journald export of the interface engine host
jr = []
BOOT = "8c1f0e5b7a3d4f60a2b9e4c1d7f30a56"
MID = "3e0b9d27c4a84f1bb7d5c0e9a1f62d48"


def JD(t, unit, ident, pid, prio, msg):
    us = int(round(epoch(t) * 1e6))
    jr.append((t, {"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid("cur", 32), 0x5a1c00 + len(jr), BOOT, us - 1776000000000000, us, uid(str(us), 16)),
                   "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1776000000000000 + 913022),
                   "_BOOT_ID": BOOT, "_MACHINE_ID": MID, "_HOSTNAME": "ie-prod-01", "PRIORITY": str(prio),
                   "_TRANSPORT": "stdout", "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": ident, "_PID": str(pid),
                   "_UID": "994", "_GID": "994", "_COMM": "java" if ident == "mirth" else ident,
                   "_SYSTEMD_UNIT": unit, "_SYSTEMD_SLICE": "system.slice", "MESSAGE": msg}))


def MIR(t, prio, msg):
    JD(t, "mirth.service", "mirth", 1187, prio, msg)


J0 = T(D + "14:55:00")
for t in poisson_times(rng, J0, W1, 1 / 260.0):  # steady: outside pharmacies that don't take EPCS, dietary AE
    if rng.random() < 0.5:
        MIR(t, 4, "WARN  [ERX_Outbound Destination 1] response: NewRx %s rejected by network: 900 - pharmacy NCPDP %d not enabled for EPCS; routed to print queue" % (
            hexid(rng, 10).upper(), rng.randint(560000, 569999)))
    else:
        MIR(t, 4, "WARN  [EHR_ADT_to_DIET Destination 1] response: Dietary returned AE for ADT^A02: unknown location %s" % rng.choice(["3N-OVF", "ED-HALL", "L&D-TRIAGE"]))
# slow ACKs, then refused connections from the vendor's HL7 listener
for t in poisson_times(rng, STARTED, DOWN, 1 / 25.0):
    MIR(t, 4, "WARN  [LIS_ORU_to_EHR Destination 1 Queue Thread] com.mirth.connect.connectors.tcp.TcpDispatcher: Timeout waiting for response from ehr-in.w3.cernova-hosted.net:5002 (10000 ms); message queued for retry")
MIR(STARTED, 4, "WARN  [ADT_to_EHR_Hosted Destination 1 Queue Thread] com.mirth.connect.connectors.tcp.TcpDispatcher: Timeout waiting for response from ehr-in.w3.cernova-hosted.net:5002 (10000 ms); message queued for retry")
queued = 0
for t in frange(DOWN, add(BACK, seconds=-1), 20):
    queued += rng.randint(11, 16)
    MIR(add(t, seconds=rng.uniform(0, 3)), 3, "ERROR [%s Destination 1 Queue Thread] com.mirth.connect.connectors.tcp.TcpDispatcher: Error connecting to ehr-in.w3.cernova-hosted.net:5002 (Connection refused); %d messages queued" % (
        rng.choice(["LIS_ORU_to_EHR", "RAD_ORU_to_EHR", "PHARM_RDS_to_EHR"]), queued))
MIR(add(BACK, seconds=-5), 6, "INFO  [LIS_ORU_to_EHR Destination 1 Queue Thread] com.mirth.connect.connectors.tcp.TcpDispatcher: Connected to ehr-in.w3.cernova-hosted.net:5002 (10.200.31.8)")
MIR(add(BACK, seconds=-4), 6, "INFO  [LIS_ORU_to_EHR Destination 1 Queue Thread] response: EHR ACK AA for message 5519021 (first after reconnect)")
for t in frange(add(BACK, minutes=3), DRAINED, 180):
    left = int(queued * (1 - (t - BACK).total_seconds() / (DRAINED - BACK).total_seconds()))
    MIR(t, 6, "INFO  [Queue_Watch Source Thread] js-connector: queued for EHR: %d" % max(left, 0))
MIR(DRAINED, 6, "INFO  [Queue_Watch Source Thread] js-connector: queued for EHR: 0 (backlog of %d cleared)" % queued)
for c in AUDIT[-1:]:
    JD(add(c, seconds=-2), "erx-audit-report.service", "systemd", 1, 6, "Starting erx-audit-report.service - EPCS daily audit report...")
    JD(c, "erx-audit-report.service", "erx-audit-report", 40411, 3, "psycopg2.OperationalError: connection to server at \"erxdb-ro.sierra.local\" (10.30.2.41), port 5432 failed: FATAL:  password authentication failed for user \"epcs_audit\"")
    JD(add(c, seconds=1), "erx-audit-report.service", "systemd", 1, 3, "erx-audit-report.service: Main process exited, code=exited, status=1/FAILURE")
    JD(add(c, seconds=1), "erx-audit-report.service", "systemd", 1, 4, "erx-audit-report.service: Failed with result 'exit-code'.")
jr.sort(key=lambda x: x[0])
inc.lines("ie-prod-01/journal.json", [jline(o) for _, o in jr])

# ---------------------------------------------------------------- patient app FHIR facade (pino, epoch ms)
fl = []


def P(t, level, obj, msg):
    o = {"level": level, "time": int(round(epoch(t) * 1000)), "pid": 1, "hostname": "fhir-facade-7c9d5b6f4-%s" % rng.choice(["k2x9p", "q7m4t", "w8v2c"])}
    o.update(obj)
    o["msg"] = msg
    fl.append((t, jline(o)))


P(FACADE_DEPLOY, 30, {"version": "2.8.1"}, "fhir-facade listening on :8080")
P(add(FACADE_DEPLOY, seconds=1), 30, {"upstream": "https://fhir.w3.cernova-hosted.net/r4/sierra"}, "upstream configured")
ROUTES = [("GET", "/r4/Observation?patient=%s&category=laboratory", True), ("GET", "/r4/MedicationRequest?patient=%s&status=active", True),
          ("GET", "/r4/Appointment?patient=%s&date=ge2026-04-21", False), ("POST", "/r4/Communication", False),
          ("GET", "/r4/Patient/%s", True)]
for t in poisson_times(rng, W0, W1, 0.12):
    m, path, cacheable = rng.choice(ROUTES)
    url = path % ("eX%s" % hexid(rng, 10)) if "%s" in path else path
    st = ehr_state(t)
    rid = "req-%s" % hexid(rng, 8)
    base = {"req": {"id": rid, "method": m, "url": url}}
    if st == "ok" or (st == "slow" and rng.random() < 0.75):
        rt = rng.randint(90, 600) if st == "ok" else rng.randint(3000, 9500)
        P(t, 30, {**base, "res": {"statusCode": 201 if m == "POST" else 200}, "responseTime": rt}, "request completed")
    elif st == "slow":
        P(t, 50, {**base, "res": {"statusCode": 504}, "responseTime": 10004, "err": {"type": "TimeoutError", "message": "upstream timeout after 10000ms"}}, "request errored")
    elif t >= PARTIAL and cacheable and m == "GET":
        P(t, 40, {**base, "res": {"statusCode": 200}, "responseTime": rng.randint(8, 40), "cache": "fallback", "staleSeconds": int((t - DOWN).total_seconds()) + rng.randint(0, 900)},
          "upstream unavailable, served from read-only cache")
    else:
        P(t, 50, {**base, "res": {"statusCode": 503}, "responseTime": rng.randint(20, 120),
                  "err": {"type": "UpstreamError", "message": "upstream responded 503 Service Unavailable"}}, "request errored")
for t in poisson_times(rng, W0, W1, 1 / 240.0):  # steady benign: unsupported operation
    P(t, 40, {"req": {"id": "req-%s" % hexid(rng, 8), "method": "GET", "url": "/r4/Patient/eX%s/$everything" % hexid(rng, 10)}, "res": {"statusCode": 404}, "responseTime": 3},
      "operation not supported")
P(add(PARTIAL, seconds=4), 30, {"flag": "fhir-facade.readonly-cache-fallback", "enabled": True}, "feature flag changed")
P(add(FLAG_OFF, seconds=3), 30, {"flag": "fhir-facade.readonly-cache-fallback", "enabled": False}, "feature flag changed")
inc.lines("facade/out.log", [l for _, l in sorted(fl, key=lambda x: x[0])])

# ---------------------------------------------------------------- blackbox probes, OpenMetrics
pts = list(frange(W0, W1, 60))


def login_dur(t):
    st = ehr_state(t)
    return {"ok": 1.8 + rng.uniform(0, 0.7), "slow": 8.5 + rng.uniform(0, 6), "down": 15.0}[st]


inc.write("synthetics/probe.om", openmetrics([
    ("probe_success", "gauge", "Displays whether or not the probe was a success",
     [({"job": "blackbox", "target": "ehr-login", "instance": "https://ehr.w3.cernova-hosted.net/sierra/login"},
       [(t, 0 if ehr_state(t) == "down" or (ehr_state(t) == "slow" and rng.random() < 0.3) else 1) for t in pts]),
      ({"job": "blackbox", "target": "fhir-metadata", "instance": "https://fhir.w3.cernova-hosted.net/r4/sierra/metadata"},
       [(t, 0 if ehr_state(t) == "down" else 1) for t in pts]),
      ({"job": "blackbox", "target": "erx-network", "instance": "https://erx-gw.sierra.local/health"}, [(t, 1) for t in pts])]),
    ("probe_duration_seconds", "gauge", "Returns how long the probe took to complete in seconds",
     [({"job": "blackbox", "target": "ehr-login", "instance": "https://ehr.w3.cernova-hosted.net/sierra/login"},
       [(t, round(login_dur(t), 3)) for t in pts])]),
]))

# ---------------------------------------------------------------- vendor Statuspage history.atom
def vt(t):
    lt = local(t, VTZ)
    return "%s <var data-var='date'>%d</var>, <var data-var='time'>%s</var> %s" % (MONTHS[lt.month - 1], lt.day, lt.strftime("%H:%M"), lt.tzname())


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def entry(iid, title, ups):
    ups = sorted(ups, key=lambda u: u[0], reverse=True)
    content = "".join("<p><small>%s</small><br><strong>%s</strong> - %s</p>" % (vt(t), st, txt) for t, st, txt in ups)
    return ("  <entry>\n    <id>tag:status.cernova-hosted.com,2005:Incident/%d</id>\n    <published>%s</published>\n    <updated>%s</updated>\n"
            "    <link rel=\"alternate\" type=\"text/html\" href=\"https://status.cernova-hosted.com/incidents/%s\"/>\n    <title>%s</title>\n"
            "    <content type=\"html\">%s</content>\n  </entry>\n") % (
        iid, local(ups[-1][0], VTZ).isoformat(), local(ups[0][0], VTZ).isoformat(), uid(str(iid), 12), esc(title), esc(content))


atom = ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">\n'
        '  <id>tag:status.cernova-hosted.com,2005:/history</id>\n'
        '  <link rel="alternate" type="text/html" href="https://status.cernova-hosted.com"/>\n'
        '  <link rel="self" type="application/atom+xml" href="https://status.cernova-hosted.com/history.atom"/>\n'
        '  <title>Cernova Hosted Status - Incident History</title>\n  <updated>%s</updated>\n'
        '  <author>\n    <name>Cernova Hosted</name>\n  </author>\n') % local(V_RES, VTZ).isoformat()
atom += entry(21873344, "Hosted EHR unavailable - US-West (pod W3)", [
    (V_INVEST, "Investigating", "We are investigating reports of slowness and login failures for clients hosted in pod W3. Further updates to follow."),
    (V_IDENT, "Identified", "A storage array serving the pod W3 primary data center has failed. We are initiating failover of pod W3 to the secondary data center."),
    (V_MON, "Monitoring", "Pod W3 is running from the secondary data center. Clients should be able to log in and interfaces are reconnecting. We are monitoring."),
    (V_RES, "Resolved", "This incident has been resolved. Pod W3 will remain in the secondary data center until a scheduled failback; a root cause analysis will be shared with clients.")])
atom += entry(21790118, "Scheduled maintenance - e-prescribing gateway certificate renewal", [
    (T("2026-04-16 07:00:00"), "Scheduled", "Maintenance will take place from 02:00 to 03:00 CDT. No downtime is expected."),
    (T("2026-04-16 08:00:00"), "Completed", "The scheduled maintenance has been completed.")])
atom += entry(21702277, "Delayed report delivery - all pods", [
    (T("2026-04-09 13:12:00"), "Investigating", "Scheduled reports are being delivered late."),
    (T("2026-04-09 14:40:00"), "Resolved", "Report delivery has caught up.")])
atom += "</feed>\n"
inc.write("vendor/history.atom", atom)

# ---------------------------------------------------------------- mail archive (mbox)
mb = []


def mail(t, frm, to, subj, body, tz=TZ, msgid=None):
    lt = local(t, tz)
    u = t.astimezone(UTC)
    mb.append((t, "From %s %s\nReturn-Path: <%s>\nFrom: %s\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: <%s>\nMIME-Version: 1.0\n"
                  "Content-Type: text/plain; charset=utf-8\n\n%s\n" % (
                      frm.split("<")[-1].rstrip(">"), u.strftime("%a %b %d %H:%M:%S %Y"), frm.split("<")[-1].rstrip(">"), frm, to, subj,
                      lt.strftime("%a, %d %b %Y %H:%M:%S %z"), msgid or uid(subj + str(t), 20) + "@sierrahealth.org",
                      body.replace("\nFrom ", "\n>From "))))


mail(T(D + "15:05:00"), "Sierra Health Comms <comms@sierrahealth.org>", "All Staff <allstaff@sierrahealth.org>",
     "This week: flu clinic hours and parking changes", "Flu clinics run Thursday and Friday in the main lobby.\nLevel 2 of the parking structure is closed for resurfacing.")
mail(add(ACK, minutes=4), "Jenna Liu <jliu@sierrahealth.org>", "Cernova Hosted Support <support@cernova-hosted.com>",
     "SEV1 - pod W3 EHR unavailable for Sierra Health (client 4471)",
     "Since 09:04 PDT our users cannot log in, the HL7 listener ehr-in.w3 refuses connections and FHIR returns 503.\nSlowness from about 08:52 PDT. Please treat as Sev 1.\n\nJenna Liu, Integration on-call")
mail(COMMS, "IT Service Desk <servicedesk@sierrahealth.org>", "All Clinical Staff <clinical-all@sierrahealth.org>",
     "EHR DOWNTIME - activate downtime procedures now",
     "The EHR is unavailable because of a problem at our hosting vendor.\nActivate downtime procedures now: use the downtime viewer (read-only BCA PCs) for the MAR and results, paper orders and paper documentation.\nLab, radiology and pharmacy will call critical results. E-prescriptions cannot be sent: print and sign.\nNext update by 10:30.")
mail(add(DIAG, seconds=-95), "Cernova Hosted Support <support@cernova-hosted.com>", "Jenna Liu <jliu@sierrahealth.org>",
     "RE: SEV1 - pod W3 EHR unavailable for Sierra Health (client 4471) [Case 04512877]",
     "A storage array in the pod W3 primary data center failed at approximately 10:50 CDT. Failover of pod W3 to the secondary data center is in progress; estimated 30-45 minutes.\n\nCernova Hosted Major Incident Team", tz=VTZ)
mail(add(V_MON, minutes=1), "Cernova Hosted Support <support@cernova-hosted.com>", "Jenna Liu <jliu@sierrahealth.org>",
     "RE: SEV1 - pod W3 EHR unavailable for Sierra Health (client 4471) [Case 04512877]",
     "Pod W3 is running in the secondary data center. Please confirm logins and interfaces on your side.", tz=VTZ)
mail(COMMS2, "IT Service Desk <servicedesk@sierrahealth.org>", "All Clinical Staff <clinical-all@sierrahealth.org>",
     "EHR DOWNTIME ENDED - resume normal workflow",
     "The EHR is available again. End downtime procedures: enter paper orders placed since 09:05 and check results that arrived during the downtime.\nReply to this message if anything is missing.")
inc.write("mail/inbox.mbox", "\n".join(m for _, m in sorted(mb, key=lambda x: x[0])))

# ---------------------------------------------------------------- Unleash events API export
ue = []


def U(t, typ, feat, who, project, env="production", data=None, pre=None):
    ue.append({"id": 88410 + len(ue), "type": typ, "createdBy": who, "createdAt": iso(t, ms=True), "createdByUserId": 100 + len(who),
               "data": data, "preData": pre, "tags": [], "featureName": feat, "project": project, "environment": env, "label": None, "summary": None})


U(T("2026-04-20 21:12:00"), "feature-strategy-update", "patient-app.new-appointments-list", "sam.rivera@sierrahealth.org", "patient-app",
  data={"name": "flexibleRollout", "parameters": {"rollout": "50"}}, pre={"name": "flexibleRollout", "parameters": {"rollout": "10"}})
U(T(D + "14:41:09"), "feature-environment-enabled", "web.banner.flu-clinics", "kai.moreno@sierrahealth.org", "public-web", env="staging")
U(OTHER_FLAG, "feature-environment-enabled", "web.banner.flu-clinics", "kai.moreno@sierrahealth.org", "public-web")
U(PARTIAL, "feature-environment-enabled", "fhir-facade.readonly-cache-fallback", "sam.rivera@sierrahealth.org", "patient-app")
U(FLAG_OFF, "feature-environment-disabled", "fhir-facade.readonly-cache-fallback", "sam.rivera@sierrahealth.org", "patient-app")
inc.json("flags/events.json", {"events": sorted(ue, key=lambda e: e["id"], reverse=True), "totalEvents": len(ue)})

# ---------------------------------------------------------------- PagerDuty
pd = PD(3391, "EHRSyntheticLoginFailing ehr-login probe failing", "EHR Hosted - Integration", "PEHR001", "Integration On-Call")
jenna = PD.user("Jenna Liu", "PJLIU01")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEHR1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Jenna Liu by push notification.", user=jenna,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", jenna, {"type": "mobile"}, "Acknowledged by Jenna Liu.")
pd.add(add(ACK, minutes=5), "annotate_log_entry", jenna, {"type": "web_ui", "summary": "Vendor Sev1 case opened; pod W3 unreachable"}, "Note added")
pd.add(add(CRIT_OK, seconds=2), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager (auto-resolve disabled)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", jenna, {"type": "web_ui"}, "Resolved by Jenna Liu.")
inc.json("pd/entries.json", pd.export())

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r in [("U4JENNA", "jliu", "Jenna Liu"), ("U4SAM", "sam.rivera", "Sam Rivera"), ("U4OMAR", "omar.haddad", "Omar Haddad"),
                ("U4RITA", "rita.campos", "Rita Campos"), ("U4GREG", "greg.tan", "Greg Tan"), ("U4KAI", "kai.moreno", "Kai Moreno")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C4EHRAL", "ehr-alerts", "Alertmanager: EHR, interfaces, synthetics"), ("C4INC", "inc-ehr-downtime", "EHR downtime bridge"),
                  ("C4PAPP", "patient-app", "Patient app team")]:
    s.channel(cid, n, p)
for c in AUDIT:
    s.bot("ehr-alerts", add(c, seconds=55), "B4AM", "alertmanager",
          attachments=am_slack_attachment("firing", "ErxAuditReportFailed", "erx-audit-report.service failed on ie-prod-01\nseverity: ticket", color="warning"))
for a, b in [("15:12:30", "15:16:00"), ("16:44:10", "16:49:40"), ("18:05:20", "18:08:50")]:
    s.bot("ehr-alerts", T(D + a), "B4AM", "alertmanager", attachments=am_slack_attachment("firing", "DicomRouterCStoreSlow", "dicom-rtr-2 C-STORE p95 > 5s\nteam: radiology", color="warning"))
    s.bot("ehr-alerts", T(D + b), "B4AM", "alertmanager", attachments=am_slack_attachment("resolved", "DicomRouterCStoreSlow", "dicom-rtr-2"))
s.bot("ehr-alerts", add(WARN, seconds=30), "B4AM", "alertmanager",
      attachments=am_slack_attachment("firing", "EHRInboundAckSlow", "EHR HL7 listener ehr-in.w3 ACK p95 > 5s (LIS_ORU_to_EHR, ADT_to_EHR_Hosted)", color="warning"))
s.bot("ehr-alerts", add(CRIT, seconds=30), "B4AM", "alertmanager",
      attachments=am_slack_attachment("firing", "EHRSyntheticLoginFailing", "ehr-login probe failing for 2m (https://ehr.w3.cernova-hosted.net/sierra/login)"))
s.bot("ehr-alerts", add(CRIT_OK, seconds=30), "B4AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "EHRSyntheticLoginFailing", "ehr-login probe"))
s.bot("ehr-alerts", add(DRAINED, minutes=2), "B4AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "EHRInboundAckSlow", "EHR HL7 listener ehr-in.w3"))
ch = "inc-ehr-downtime"
s.say(ch, add(ACK, seconds=40), "U4JENNA", "acked. EHR login probe failing, HL7 listener ehr-in.w3 refusing connections, FHIR 503. ACKs were slow from ~8:52. Opening a Sev1 with Cernova")
s.say(ch, WRONG, "U4GREG", "could be our side - the internet circuit or the VPN to the vendor? checking")
s.say(ch, add(WRONG, seconds=150), "U4GREG", "both tunnels up, latency normal, other SaaS fine. not the network")
s.say(ch, ROLLBACK_Q, "U4OMAR", "patient app facade 2.8.1 went out at 8:20 - should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U4SAM", "the facade is only relaying the 503s from Cernova's FHIR endpoint, and the EHR login is down for clinicians too")
s.say(ch, add(COMMS, seconds=20), "U4RITA", "downtime procedures email sent to all clinical staff, overhead announcement done. next update 10:30")
s.say(ch, T(D + "16:33:10"), "U4JENNA", "Cernova status page finally says Investigating for pod W3")
s.say(ch, add(PARTIAL, seconds=30), "U4SAM", "turned on fhir-facade.readonly-cache-fallback: app shows cached results/meds (read-only, marked stale). appointments and messages still fail")
s.say(ch, DIAG, "U4JENNA", "Cernova confirms: storage array failure in the pod W3 primary data center, they are failing over to the secondary DC, ETA 30-45 min")
s.say(ch, T(D + "17:10:00"), "U4JENNA", "engine is queueing everything for the EHR (ORU, RDS, ADT), ~4k so far, it'll flush on reconnect")
s.say(ch, add(BACK, seconds=50), "U4JENNA", "logins work again, probe green, FHIR 200s. engine reconnected and flushing the backlog")
s.say(ch, add(DRAINED, seconds=40), "U4JENNA", "backlog to the EHR cleared")
s.say(ch, add(FLAG_OFF, seconds=20), "U4SAM", "cache fallback flag off, app live on the EHR again")
s.say(ch, add(COMMS2, seconds=30), "U4RITA", "downtime ended email sent, wards back-entering paper orders")
s.say(ch, add(RESOLVED, seconds=-30), "U4JENNA", "resolving the page. Cernova RCA to follow; we stay on their secondary DC until the failback, which they will schedule")
s.say("patient-app", T(D + "16:16:00"), "U4KAI", "fyi flu clinic banner live on the public site")
s.write(inc, "chat")

inc.truth(
    "sierra-hosted-ehr-dr", "vendor-hosted-ehr-primary-dc-storage-failure-failover-interface-backlog",
    "A storage array fails in the EHR vendor's primary data centre: the hosted EHR slows, then refuses logins, HL7 and FHIR; the patient\n"
    "app fails (a read-only cache helps in part) and the engine queues for the EHR until the vendor fails over to its secondary site.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=BACK, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first ACK timeout from the EHR's HL7 listener", "ie-prod-01/journal.json", 60),
     (WARN, "alert_fired", "EHRInboundAckSlow (warning) firing", "chat", 60),
     (PAGE, "paged", "PagerDuty #3391 triggered by EHRSyntheticLoginFailing", "pd/entries.json", 60),
     (ACK, "acknowledged", "Jenna Liu acknowledges", "pd/entries.json", 60),
     (COMMS, "communication", "downtime procedures email to all clinical staff", "mail/inbox.mbox", 60),
     (PARTIAL, "mitigation", "FHIR facade read-only cache fallback flag on (partial)", "flags/events.json", 60),
     (DIAG, "diagnosis", "vendor confirms storage array failure in pod W3 primary DC, failing over", "chat", 90),
     (BACK, "recovery", "EHR back from the secondary DC: logins, HL7 and FHIR succeed", "facade/out.log", 90),
     (CRIT_OK, "alert_resolved", "EHRSyntheticLoginFailing resolved", "chat", 60),
     (DRAINED, "recovery", "engine backlog to the EHR cleared", "ie-prod-01/journal.json", 90),
     (RESOLVED, "resolved", "PagerDuty #3391 resolved", "pd/entries.json", 60)],
    [(AUDIT[-1], "erx-audit-report.service fails every day at 08:30 local (auth)", "ie-prod-01/journal.json"),
     (add(AUDIT[-1], seconds=55), "ErxAuditReportFailed ticket alert, daily since Apr 18", "chat"),
     (T(D + "15:12:30"), "DicomRouterCStoreSlow flapping (radiology)", "chat"),
     (FACADE_DEPLOY, "patient app FHIR facade 2.8.1 started (morning deploy), not the cause", "facade/out.log"),
     (OTHER_FLAG, "public-web flu-clinics banner flag enabled by another team", "flags/events.json"),
     (WRONG, "wrong hunch: our internet circuit / VPN to the vendor", "chat"),
     (ROLLBACK_Q, "'should we roll back?' the facade - not done", "chat"),
     (T(D + "16:00:00"), "steady EPCS-not-enabled NewRx rejections, dietary AE and $everything 404s all window", "ie-prod-01/journal.json"),
     (FLAG_OFF, "cache fallback flag turned off after recovery", "flags/events.json")],
    [("ie-prod-01/journal.json", "logs"), ("facade/out.log", "logs"), ("synthetics/probe.om", "openmetrics"),
     ("vendor/history.atom", "logs"), ("mail/inbox.mbox", "logs"), ("flags/events.json", "deploys"),
     ("pd/entries.json", "pagerduty-log-entries"), ("chat", "slack-export")])
