"""heldout17/ngh-adt-lis-nack: one ADT the LIS rejects (AR) is re-queued forever by a response transformer; every
ADT behind it waits, so new patients are unknown to the LIS and their pathology orders are NACKed until the message is
removed from the queue.  Detected by ward tickets and a manual page; no alert fires."""
import random
from common import *

rng = random.Random(20260714)
inc = Incident("heldout17", "ngh-adt-lis-nack")
TZ = "Europe/London"
D = "2026-07-14 "
W0, W1 = T(D + "06:15:00"), T(D + "10:30:00")
FORMULARY = [T("2026-07-%02d 06:00:%02d" % (d, 31 + d % 5)) for d in (11, 12, 13, 14)]
EHR_UPDATE = T("2026-07-13 22:00:00")
ADT_SENT = T(D + "06:48:12.031")
STARTED = T(D + "06:48:13")
FIRST_ORM_AE = T(D + "06:52:41")
PACS_PAGE = T(D + "07:05:12")
TICKET1 = T(D + "07:21:05")
FHIR_DEPLOY = T(D + "07:40:12")
P1_TICKET = T(D + "07:58:20")
PAGE = T(D + "08:01:30")
COMMS = T(D + "08:09:30")
PARTIAL = T(D + "08:12:10")
ESCALATE = T(D + "08:16:30")
ACK = T(D + "08:19:05")
ROLLBACK_Q = T(D + "08:22:15")
WRONG = T(D + "08:24:40")
DIAG = T(D + "08:31:20")
REMOVE = T(D + "08:36:40")
MITIGATED = T(D + "08:41:05")
COMMS2 = T(D + "08:45:30")
FIX_DEPLOY = T(D + "09:20:44")
RESOLVED = T(D + "09:52:10")

RATE_ADT = 17.0 / 60  # ADT messages per second to the LIS at this time of day
DRAIN = 7.25          # messages per second once the head is removed


def adt_queue(t):
    if t < STARTED:
        return rng.choice([0, 0, 0, 1, 2])
    if t < REMOVE:
        return int((t - STARTED).total_seconds() * RATE_ADT)
    peak = int((REMOVE - STARTED).total_seconds() * RATE_ADT)
    left = peak - (t - REMOVE).total_seconds() * (DRAIN - RATE_ADT)
    return max(int(left), rng.choice([0, 0, 1, 2]))


def orm_nack_rate(t):
    """NACKs per minute for pathology orders on patients the LIS does not know."""
    if t < FIRST_ORM_AE or t >= MITIGATED:
        return 0.0
    r = min(1.4, 0.15 + (t - FIRST_ORM_AE).total_seconds() / 3600.0)
    if t >= PARTIAL:
        r *= 0.45  # lab registers ED patients by hand
    return r


# ---------------------------------------------------------------- mirth.log (log4j "%-5p %d [%t] %c: %m%n", local time)
ml = []


def M(t, lvl, thread, logger, msg, extra=()):
    lt = local(t, TZ)
    line = "%-5s %s,%03d [%s] %s: %s" % (lvl, lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, thread, logger, msg)
    ml.append((t, "\n".join([line] + list(extra))))


MLOG0 = T(D + "05:58:00")
M(add(FORMULARY[-1], seconds=-1), "INFO", "Pharmacy_Formulary_Import Source Thread", "js-connector",
  "polling /mnt/pharmacy/outbound for formulary_20260714.csv")
M(FORMULARY[-1], "ERROR", "Pharmacy_Formulary_Import Source Thread", "com.mirth.connect.connectors.file.FileReceiver",
  "Error polling in channel: Pharmacy_Formulary_Import",
  ["com.mirth.connect.connectors.file.FileConnectorException: Error listing files in dir [/mnt/pharmacy/outbound] for pattern [formulary_*.csv]",
   "Caused by: jcifs.smb.SmbException: The system cannot find the file specified.",
   "\tat jcifs.smb.SmbTransportImpl.checkStatus2(SmbTransportImpl.java:1441)",
   "\t... 14 more"])
# steady benign: radiology AE for duplicate order numbers, pharmacy MLLP keepalive resets
for t in poisson_times(rng, MLOG0, W1, 1 / 420.0):
    M(t, "WARN", "EHR_ORM_to_RIS Destination 1 Queue Thread", "response",
      "RIS returned AE for ORM^O01 placer %d: ERR|||205^Duplicate key identifier^HL70357|E|||order number already exists; marked ERROR" % rng.randint(40000000, 49999999))
for t in frange(add(MLOG0, seconds=431), W1, 1213):
    M(t, "WARN", "EHR_ADT_to_PHARM Destination 1", "com.mirth.connect.connectors.tcp.TcpDispatcher",
      "Error receiving response from 10.41.8.22:6661 (Connection reset by peer); reconnecting")
# the one ADT the LIS rejects, re-queued every 10 s by the response transformer
M(ADT_SENT, "INFO", "EHR_ADT_to_LIS Destination 1 Queue Thread", "transformer",
  "ADT^A04 MSH-10 EPC20260714074812031 MRN N7734012 UNKNOWN^MALE ALPHA DOB 19000101 -> LIS")
attempt = 0
for t in frange(STARTED, add(REMOVE, seconds=-1), 10):
    attempt += 1
    tt = add(t, seconds=rng.uniform(0.05, 0.4))
    M(tt, "WARN", "EHR_ADT_to_LIS Destination 1 Queue Thread", "response",
      "LIS NACK AR for message 2207731 (ADT^A04, MSH-10 EPC20260714074812031, MRN N7734012): "
      "ERR|||207^Application internal error^HL70357|E|||DOB 19000101 gives age 126 - outside 0-125; re-queued (attempt %d)" % attempt)
# orders for patients the LIS has not been told about
def mrn():
    return "N77%05d" % rng.randint(34013, 34990)
M(FIRST_ORM_AE, "WARN", "EHR_ORM_to_LIS Destination 1 Queue Thread", "response",
  "LIS returned AE for ORM^O01 placer 7731050 (MRN N7734012): ERR|||204^Unknown key identifier^HL70357|E|||patient not found; order marked ERROR")
t = FIRST_ORM_AE
while t < MITIGATED:
    r = orm_nack_rate(t)
    t = add(t, seconds=rng.expovariate(max(r, 0.05) / 60.0))
    if t >= MITIGATED:
        break
    if rng.random() < r / max(r, 0.05):
        M(t, "WARN", "EHR_ORM_to_LIS Destination 1 Queue Thread", "response",
          "LIS returned AE for ORM^O01 placer %d (MRN %s): ERR|||204^Unknown key identifier^HL70357|E|||patient not found; order marked ERROR" % (
              rng.randint(7731051, 7731990), mrn()))
M(REMOVE, "INFO", "qtp1874412983-4127", "com.mirth.connect.server.controllers.DonkeyMessageController",
  "Removed 1 message(s) from channel EHR_ADT_to_LIS (4c1e2f0a-8b7d-4f0e-9a51-2b7c3d19e6a2), destination 1, message ids [2207731] by user owen.price")
M(add(REMOVE, seconds=1), "INFO", "EHR_ADT_to_LIS Destination 1 Queue Thread", "transformer",
  "ADT^A08 MSH-10 EPC20260714074833410 MRN N6120984 -> LIS")
M(add(REMOVE, seconds=2), "INFO", "EHR_ADT_to_LIS Destination 1 Queue Thread", "response", "LIS ACK AA for message 2207734")
M(MITIGATED, "INFO", "Queue_Watch Source Thread", "js-connector", "EHR_ADT_to_LIS destination 1 queue empty (was 1843 at 09:36:00)")
M(FIX_DEPLOY, "INFO", "qtp1874412983-4402", "com.mirth.connect.server.controllers.DonkeyEngineController",
  "Deploying channel EHR_ADT_to_LIS (revision 48) by user tom.hughes")
M(add(FIX_DEPLOY, seconds=3), "INFO", "qtp1874412983-4402", "com.mirth.connect.server.controllers.DonkeyEngineController",
  "Channel EHR_ADT_to_LIS deployed")
inc.lines("ie01/main.log", [l for _, l in sorted(ml, key=lambda x: x[0])])
NFAIL = sum(1 for _, l in ml if "patient not found" in l)

# ---------------------------------------------------------------- ServiceNow table API export (UTC, no offset)
def sn(t):
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def ticket(num, t, prio, short, group, loc, caller, state="2", resolved=None, close=""):
    return {"number": num, "sys_id": uid(num, 32), "sys_created_on": sn(t), "opened_at": sn(t),
            "sys_updated_on": sn(resolved or add(t, minutes=rng.randint(5, 40))), "priority": prio,
            "urgency": "1" if prio == "1" else "2", "impact": "1" if prio == "1" else "2",
            "state": state, "short_description": short, "category": "Software", "contact_type": "phone",
            "assignment_group": {"link": "https://ngh.service-now.com/api/now/table/sys_user_group/" + uid(group, 32),
                                 "value": uid(group, 32), "display_value": group},
            "caller_id": {"display_value": caller}, "u_location": loc,
            "resolved_at": sn(resolved) if resolved else "", "close_notes": close}


tk = [
    ticket("INC0290988", T(D + "06:44:10"), "4", "Ward 4 label printer jammed", "Desktop Support", "Ward 4", "Sarah Ellis", "6", T(D + "07:30:02"), "Cleared jam"),
    ticket("INC0291044", TICKET1, "3", "ED: blood labels won't print for new patients - lab says patient not on system", "Pathology LIMS Support", "Emergency Department", "Nurse in charge ED"),
    ticket("INC0291049", T(D + "07:29:51"), "4", "Password reset - EHR", "Service Desk", "Outpatients B", "Jamal Reid", "6", T(D + "07:33:40"), "Reset"),
    ticket("INC0291051", T(D + "07:35:40"), "3", "AMU: cannot order bloods for newly admitted patient, error back from lab", "Pathology LIMS Support", "Acute Medical Unit", "Dr Helen Marsh"),
    ticket("INC0291060", T(D + "07:44:12"), "3", "ED again: pathology orders rejected 'patient not found'", "Pathology LIMS Support", "Emergency Department", "ED reception"),
    ticket("INC0291063", T(D + "07:47:30"), "3", "PACS viewer slow to open CT studies", "Radiology Systems", "Radiology", "Dr Anil Bose", "6", T(D + "08:30:00"), "PACS archive latency, see radiology"),
    ticket("INC0291067", T(D + "07:52:55"), "3", "Ward 12 - bloods for transfer-in patient rejected by lab system", "Pathology LIMS Support", "Ward 12", "Ward 12 sister"),
    ticket("INC0291071", P1_TICKET, "1", "MAJOR INCIDENT: pathology orders failing for new patients Trust-wide (lab says patient not registered)",
           "Integration Engine", "Trust-wide", "Claire Dunn", "6", T(D + "09:55:31"),
           "EHR->LIS ADT queue blocked by one registration the LIS rejected (DOB 1900-01-01) and the channel re-queued on AR. Message removed 09:36, queue drained, %d failed orders re-placed. Problem PRB0041120 raised." % NFAIL),
]
inc.json("export/incident_0714.json", {"result": sorted(tk, key=lambda x: x["number"])})

# ---------------------------------------------------------------- Prometheus query_range (mirth exporter)
def qd(name):
    if name == "EHR_ADT_to_LIS":
        return adt_queue
    return lambda t: rng.choice([0, 0, 0, 1, 2, 3])


series = []
for ch, dest in (("EHR_ADT_to_LIS", "LIS MLLP"), ("EHR_ORM_to_LIS", "LIS MLLP"), ("EHR_ADT_to_RIS", "RIS MLLP"), ("EHR_ADT_to_PHARM", "Pharmacy MLLP")):
    series.append(({"__name__": "mirth_channel_queued", "channel": ch, "destination": dest, "instance": "ie01:9140", "job": "mirth"}, qd(ch)))
series.append(({"__name__": "mirth_channel_errored:increase5m", "channel": "EHR_ORM_to_LIS", "instance": "ie01:9140", "job": "mirth"},
               lambda t: round(orm_nack_rate(t) * 5 + (rng.random() < 0.05), 0)))
series.append(({"__name__": "mirth_channel_errored:increase5m", "channel": "EHR_ORM_to_RIS", "instance": "ie01:9140", "job": "mirth"},
               lambda t: rng.choice([0, 0, 1, 1, 2])))
inc.json("prom/q_0714.json", query_range(series, T(D + "06:00:00"), W1, 30), indent=None)

# ---------------------------------------------------------------- PagerDuty log entries (two incidents)
pd = PD(4812, "MI INC0291071 pathology orders failing for new patients", "Integration Engine (Mirth)", "PIE0001", "Integration Engine")
claire = PD.user("Claire Dunn", "PCDUNN1")
dev = PD.user("Dev Khan", "PDKHAN1")
owen = PD.user("Owen Price", "POPRICE")
pd.add(PAGE, "trigger_log_entry", claire, {"type": "web_trigger", "summary": "MI INC0291071 pathology orders failing for new patients",
                                            "details": "ServiceNow P1 INC0291071. Wards: orders for new patients rejected, lab says not registered."},
       "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Dev Khan by push notification.", user=dev,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, minutes=2), "notify_log_entry", None, None, "Notified Dev Khan by SMS.", user=dev,
       notification={"type": "sms_notification", "status": "success", "address": "+447*****41"})
pd.add(add(PAGE, minutes=5), "notify_log_entry", None, None, "Notified Dev Khan by phone.", user=dev,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.",
       escalation_policy={"summary": "Integration Engine"})
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, None, "Notified Owen Price by phone.", user=owen,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", owen, {"type": "phone"}, "Acknowledged by Owen Price.")
pd.add(add(DIAG, seconds=95), "annotate_log_entry", owen, {"type": "web_ui", "summary": "Head of EHR_ADT_to_LIS queue rejected AR by LIS and re-queued; removing it"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", owen, {"type": "web_ui"}, "Resolved by Owen Price.")
rad = PD(4809, "PACSArchiveLatencyHigh vna-01 retrieve p95 > 4s", "Radiology PACS", "PRAD001", "Radiology Systems")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMRAD1", "summary": "Alertmanager"}
kofi = PD.user("Kofi Mensah", "PKMENSA")
rad.add(PACS_PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
rad.add(add(PACS_PAGE, seconds=1), "notify_log_entry", None, None, "Notified Kofi Mensah by push notification.", user=kofi)
rad.add(T(D + "07:09:48"), "acknowledge_log_entry", kofi, {"type": "mobile"}, "Acknowledged by Kofi Mensah.")
rad.add(T(D + "08:27:03"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + rad.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("oncall/entries.json", ex)

# ---------------------------------------------------------------- Octopus Deploy deployments (API list)
def odep(i, t, project, env, release, who, comment, dur):
    return {"Id": "Deployments-%d" % (18800 + i), "ProjectId": "Projects-%d" % (100 + len(project)), "ProjectName": project,
            "EnvironmentId": env[0], "EnvironmentName": env[1], "ReleaseId": "Releases-%d" % (9200 + i), "ReleaseVersion": release,
            "Name": "Deploy to %s" % env[1], "Comments": comment, "Created": local(t, TZ).isoformat(timespec="milliseconds"),
            "QueueTime": None, "DeployedBy": who, "TaskId": "ServerTasks-%d" % (551200 + i),
            "Task": {"State": "Success", "StartTime": local(t, TZ).isoformat(timespec="milliseconds"),
                     "CompletedTime": local(add(t, seconds=dur), TZ).isoformat(timespec="milliseconds")},
            "SpaceId": "Spaces-1", "Links": {"Self": "/api/Spaces-1/deployments/Deployments-%d" % (18800 + i)}}


PROD = ("Environments-3", "Production")
deps = [
    odep(0, EHR_UPDATE, "EHR client (hosted) - Q3 update", PROD, "2026.3.0-q3", "ehr.vendor.svc", "Vendor quarterly update, CAB CHG0031988", 2410),
    odep(1, T("2026-07-14 06:31:55"), "Bed management dashboard", ("Environments-2", "Test"), "4.2.1", "lisa.grant", "", 95),
    odep(2, FHIR_DEPLOY, "Patient app FHIR facade", PROD, "3.14.0", "ben.adeyemi", "appointments: show clinic location", 212),
    odep(3, T(D + "09:20:30"), "Mirth channels", PROD, "EHR_ADT_to_LIS r48", "tom.hughes", "Response transformer: AR -> ERROR + alert, no re-queue (INC0291071)", 20),
]
inc.json("releases.json", {"ItemType": "Deployment", "TotalResults": len(deps), "ItemsPerPage": 30, "NumberOfPages": 1, "LastPageNumber": 0,
                           "Items": sorted(deps, key=lambda d: d["Created"], reverse=True)})

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r in [("U1CLAIRE", "claire.dunn", "Claire Dunn"), ("U1OWEN", "owen.price", "Owen Price"), ("U1DEV", "dev.khan", "Dev Khan"),
                ("U1PRIYA", "priya.shah", "Priya Shah"), ("U1TOM", "tom.hughes", "Tom Hughes"), ("U1MAREK", "marek.nowak", "Marek Nowak"),
                ("U1BEN", "ben.adeyemi", "Ben Adeyemi"), ("U1KOFI", "kofi.mensah", "Kofi Mensah")]:
    s.user(u, n, r, TZ)
s.user("U1AMBOT", "alertmanager", "Alertmanager", TZ, bot=True)
for cid, n, p in [("C1IEALR", "integration-alerts", "Alertmanager: integration engine + shared infra"),
                  ("C1MIPATH", "mi-pathology-orders", "Major incident INC0291071"),
                  ("C1CHG", "change-announce", "Octopus deployments")]:
    s.channel(cid, n, p)
for c in FORMULARY:
    s.bot("integration-alerts", add(c, seconds=40), "B1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "MirthChannelErrors", "channel Pharmacy_Formulary_Import errored 1 time(s) in 5m\nseverity: ticket", color="warning"))
    s.bot("integration-alerts", add(c, minutes=65), "B1AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "MirthChannelErrors", "channel Pharmacy_Formulary_Import"))
for a, b in [("06:22:10", "06:26:40"), ("07:14:30", "07:17:00"), ("08:03:20", "08:09:50"), ("09:11:00", "09:13:30")]:
    s.bot("integration-alerts", T(D + a), "B1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "VPNTunnelDown", "site=clinic-hexham tunnel ipsec-hexham-1 down\nteam: network", color="warning"))
    s.bot("integration-alerts", T(D + b), "B1AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "VPNTunnelDown", "site=clinic-hexham"))
s.bot("integration-alerts", add(PACS_PAGE, seconds=-30), "B1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "PACSArchiveLatencyHigh", "vna-01 retrieve p95 > 4s\nteam: radiology"))
s.bot("integration-alerts", T(D + "08:26:50"), "B1AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "PACSArchiveLatencyHigh", "vna-01"))
for d in deps:
    if d["EnvironmentName"] != "Production":
        continue
    import datetime as _d
    t = _d.datetime.fromisoformat(d["Task"]["CompletedTime"])
    s.bot("change-announce", t, "B1OCTO", "Octopus Deploy",
          blocks=pd_slack_blocks("*%s* %s deployed to Production by %s" % (d["ProjectName"], d["ReleaseVersion"], d["DeployedBy"])))
ch = "mi-pathology-orders"
s.say(ch, T(D + "08:05:10"), "U1CLAIRE", "Bridge open for INC0291071. Wards since ~08:20 (first call ED 08:21): pathology orders for NEW patients rejected, lab says patient not registered. Existing inpatients fine. Paged integration on-call.")
s.say(ch, COMMS, "U1CLAIRE", "Trust-wide message sent to wards: for patients registered since 07:45 use paper pathology request forms and phone the lab; existing inpatients order as normal.")
s.say(ch, PARTIAL, "U1PRIYA", "Lab going to downtime registration for ED + AMU: we'll register new patients by hand in the LIS from the paper forms so specimens can be received. Slow, but it gets the urgent ones through.")
s.say(ch, add(PARTIAL, minutes=3), "U1CLAIRE", "no ack from integration primary yet, PD escalating")
s.say(ch, add(ACK, seconds=35), "U1OWEN", "Owen here, acked - Dev was on nights, phone on silent. Looking at the engine now.")
s.say(ch, ROLLBACK_Q, "U1TOM", "the vendor pushed the EHR Q3 update last night at 23:00 - should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U1OWEN", "not yet - ADTs to radiology and pharmacy are flowing fine, it's only the LIS side")
s.say(ch, WRONG, "U1MAREK", "LIS MLLP listener is up and we're sending results out fine. maybe the FHIR facade release at 08:40 changed how registrations go out?")
s.say(ch, add(WRONG, seconds=60), "U1BEN", "facade only reads appointments from the EHR, it doesn't send anything to the engine")
s.say(ch, T(D + "08:27:30"), "U1OWEN", "EHR_ADT_to_LIS queue is at 1,780 and not moving. ORMs go on a separate channel so orders reach the LIS before the patient does")
s.say(ch, DIAG, "U1OWEN", "found it: head of the LIS ADT queue is msg 2207731, an A04 for an unknown ED patient registered with DOB 1900-01-01. LIS NACKs it AR (age outside 0-125) and our response transformer re-queues on AR, so every ADT since 07:48 is stuck behind it")
s.say(ch, add(DIAG, seconds=70), "U1MAREK", "yes, the LIS age check. that re-queue on AR was added for their nightly maintenance window years ago")
s.say(ch, T(D + "08:34:05"), "U1PRIYA", "ok to drop it, we'll register that patient by hand with the corrected DOB")
s.say(ch, add(REMOVE, seconds=20), "U1OWEN", "removed 2207731 from the queue, it's draining")
s.say(ch, add(MITIGATED, seconds=25), "U1OWEN", "queue empty, LIS accepting ADT and orders for new patients again")
s.say(ch, COMMS2, "U1CLAIRE", "Update to wards: pathology ordering working again for all patients. Please re-place any order that failed since 07:45; informatics is sending each ward its list.")
s.say(ch, T(D + "09:23:10"), "U1TOM", "channel r48 deployed: AR now goes to ERROR and raises an alert instead of re-queueing")
s.say(ch, T(D + "09:49:40"), "U1CLAIRE", "all %d failed orders re-placed or confirmed by wards. closing the MI" % NFAIL)
s.say(ch, add(RESOLVED, seconds=40), "U1OWEN", "resolved in PD. queue alert threshold is 2,000 because of the LIS nightly window, will raise a problem for that too")
s.write(inc, "workspace")

inc.truth(
    "ngh-adt-lis-nack", "hl7-rejected-message-requeued-head-of-line-blocks-adt-feed",
    "One ED registration with a placeholder DOB is rejected (AR) by the LIS and the EHR->LIS ADT channel's response transformer re-queues it\n"
    "every 10 s; every ADT behind it waits, orders for new patients are NACKed 'patient not found' until the message is removed.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "LIS NACKs ADT^A04 msg 2207731 with AR; re-queued (attempt 1)", "ie01/main.log", 60),
     (PAGE, "paged", "service desk triggers PagerDuty #4812 from the website for P1 INC0291071", "oncall/entries.json", 60),
     (COMMS, "communication", "Trust-wide message to wards: paper request forms for new patients", "workspace", 90),
     (PARTIAL, "mitigation", "lab starts downtime registration of new ED/AMU patients by hand (partial)", "workspace", 90),
     (ACK, "acknowledged", "Owen Price acknowledges after escalation by timeout", "oncall/entries.json", 60),
     (DIAG, "diagnosis", "Owen: head of LIS ADT queue rejected AR (DOB 1900-01-01) and re-queued on AR, everything stuck behind it", "workspace", 90),
     (REMOVE, "mitigation", "message 2207731 removed from the EHR_ADT_to_LIS queue", "ie01/main.log", 60),
     (MITIGATED, "recovery", "ADT queue drained; LIS knows new patients, order NACKs stop", "ie01/main.log", 90),
     (COMMS2, "communication", "update to wards: ordering works, re-place failed orders", "workspace", 90),
     (RESOLVED, "resolved", "PagerDuty #4812 resolved", "oncall/entries.json", 60)],
    [(FORMULARY[-1], "Pharmacy_Formulary_Import fails every day at 07:00 local (file missing)", "ie01/main.log"),
     (add(FORMULARY[-1], seconds=40), "MirthChannelErrors for Pharmacy_Formulary_Import, daily ticket alert", "workspace"),
     (T(D + "06:22:10"), "VPNTunnelDown clinic-hexham flapping (network team)", "workspace"),
     (PACS_PAGE, "radiology page: PACSArchiveLatencyHigh vna-01", "oncall/entries.json"),
     (FHIR_DEPLOY, "patient app FHIR facade 3.14.0 deployed by another team", "releases.json"),
     (EHR_UPDATE, "vendor's EHR Q3 update the night before, not the cause", "releases.json"),
     (ROLLBACK_Q, "'should we roll back?' the EHR update - not done", "workspace"),
     (WRONG, "wrong hunch: FHIR facade release changed registrations", "workspace"),
     (T(D + "08:00:00"), "steady RIS AE duplicate-order and pharmacy MLLP connection-reset warnings all window", "ie01/main.log"),
     (T(D + "07:47:30"), "unrelated tickets: PACS viewer slow, printer jam, password reset", "export/incident_0714.json"),
     (FIX_DEPLOY, "channel r48 deployed after mitigation (AR -> ERROR), follow-up fix", "releases.json")],
    [("ie01/main.log", "logs", TZ), ("export/incident_0714.json", "logs", "Etc/UTC"), ("prom/q_0714.json", "prometheus-query-range"),
     ("oncall/entries.json", "pagerduty-log-entries"), ("releases.json", "deploys"), ("workspace", "slack-export")])
