"""heldout17/lakeview-oru-translate: a results-channel change makes every OBX call the terminology server; the
single-threaded LIS->EHR results channel falls behind the morning phlebotomy draw and lab results reach the EHR later and
later until the channel is reverted."""
import collections
import random
from common import *

rng = random.Random(20261006)
inc = Incident("heldout17", "lakeview-oru-translate")
TZ = "America/Chicago"
D = "2026-10-06 "
W0, W1 = T(D + "10:30:00"), T(D + "14:30:00")
CLAIMS = [T("2026-10-%02d 11:00:%02d" % (d, 12 + d)) for d in (3, 4, 5, 6)]
COMMIT = T(D + "10:52:40")
DEPLOY = T(D + "11:04:50")
RIS_COMMIT = T(D + "12:18:05")
RIS_DEPLOY = T(D + "12:24:30")
R113_COMMIT = T(D + "12:44:55")
R113 = T(D + "12:46:00")
REVERT_COMMIT = T(D + "13:03:20")
R111 = T(D + "13:04:10")
ACK = T(D + "12:31:40")
WRONG1 = T(D + "12:22:30")
WRONG2 = T(D + "12:36:10")
ROLLBACK_Q = T(D + "12:39:30")
COMMS = T(D + "12:44:10")
DIAG = T(D + "12:58:20")
RESOLVED = T(D + "14:06:30")


def lam(t):
    a, b = T(D + "11:10:00"), T(D + "12:10:00")
    if t < a:
        return 0.12
    if t < b:
        return 0.12 + 0.68 * (t - a).total_seconds() / 3600
    if t < T(D + "13:40:00"):
        return 0.8
    return max(0.55, 0.8 - 0.25 * (t - T(D + "13:40:00")).total_seconds() / 3000)


def cap(t):
    if t < DEPLOY or t >= R111:
        return 12.0
    if t >= R113:
        return 0.58
    return 0.46


# fluid simulation of the results channel queue, one step a second
Q, AGE = {}, {}
q = 0.0
STARTED = WARN_AT = CRIT_AT = MITIGATED = WARN_END = CRIT_END = None
w0 = c0 = None
for t in frange(T(D + "10:00:00"), W1, 1):
    q = max(0.0, q + lam(t) - cap(t))
    age = q / min(cap(t), lam(t)) if q > 0 else 0.0
    Q[t], AGE[t] = q, age
    if STARTED is None and q > 10 and t.second == 0:
        STARTED = t
    w0 = (w0 or t) if age > 600 else None
    c0 = (c0 or t) if age > 1200 else None
    if WARN_AT is None and w0 and (t - w0).total_seconds() >= 600:
        WARN_AT = t
    if CRIT_AT is None and c0 and (t - c0).total_seconds() >= 300:
        CRIT_AT = t
    if t > R111 and MITIGATED is None and q == 0:
        MITIGATED = t
PAGE = add(CRIT_AT, seconds=31)
WARN_END = add(MITIGATED, minutes=5, seconds=14)
CRIT_END = add(MITIGATED, minutes=4, seconds=44)

# ---------------------------------------------------------------- mirth JSON log (log4j2 EcsLayout)
jl = []


def J(t, lvl, thread, logger, msg, err=None):
    o = {"@timestamp": iso(t, ms=True), "log.level": lvl, "message": msg, "ecs.version": "1.2.0",
         "service.name": "mirth", "event.dataset": "mirth.log", "process.thread.name": thread, "log.logger": logger,
         "host.name": "ie-prod-02"}
    if err:
        o["error.type"], o["error.message"], o["error.stack_trace"] = err
    jl.append((t, jline(o)))


for t in frange(T(D + "10:00:00"), W1, 60):  # watchdog channel: every minute, warns above 10 queued
    qq = int(Q[t])
    if qq > 10:
        J(add(t, seconds=0.3), "WARN", "Queue_Watch Source Thread", "js-connector",
          "LIS_ORU_to_EHR destination 'EHR Results' queued=%d > 10, oldest %ds" % (qq, int(AGE[t])))
J(add(MITIGATED, seconds=0.2), "INFO", "Queue_Watch Source Thread", "js-connector", "LIS_ORU_to_EHR destination 'EHR Results' queue empty")
for when, rev, user, ch in ((DEPLOY, 112, "apatel", "LIS_ORU_to_EHR"), (RIS_DEPLOY, 57, "rkim", "EHR_ORM_to_RIS"),
                            (R113, 113, "lortega", "LIS_ORU_to_EHR"), (R111, 114, "lortega", "LIS_ORU_to_EHR")):
    J(when, "INFO", "qtp2093010349-%d" % rng.randint(3000, 9000), "com.mirth.connect.server.controllers.DonkeyEngineController",
      "Deploying channel %s (revision %d) by user %s" % (ch, rev, user))
    J(add(when, seconds=2.4), "INFO", "qtp2093010349-%d" % rng.randint(3000, 9000), "com.mirth.connect.server.controllers.DonkeyEngineController",
      "Channel %s deployed" % ch)
J(add(R111, seconds=2.5), "INFO", "LIS_ORU_to_EHR Destination 1", "transformer", "code table LAB_LOCAL_TO_LOINC loaded from cache: 4,812 rows")
J(add(R113, seconds=2.6), "INFO", "LIS_ORU_to_EHR Destination 1", "com.mirth.connect.donkey.server.channel.DestinationConnector",
  "destination 'EHR Results' queue threads=4 (was 1)")
# slow $translate calls after the change, then timeouts once four threads share the terminology server
for t in poisson_times(rng, DEPLOY, R111, 1 / 75.0):
    busy = t >= R113
    ms = rng.randint(2200, 5000) if busy else rng.randint(900, 1900)
    J(t, "WARN", "LIS_ORU_to_EHR Destination 1 Queue Thread%s" % (" %d" % rng.randint(1, 4) if busy else ""), "transformer",
      "slow ConceptMap/$translate for %s (system urn:oid:2.16.840.1.113883.3.lakeview.lab): %d ms" % (
          rng.choice(["HGB", "WBC", "PLT", "NA", "K", "CREAT", "TROPI", "LACT", "GLU", "ALT", "INR"]), ms))
for t in poisson_times(rng, R113, R111, 1 / 110.0):
    J(t, "ERROR", "LIS_ORU_to_EHR Destination 1 Queue Thread %d" % rng.randint(1, 4), "transformer",
      "ConceptMap/$translate failed, message re-queued", err=("java.net.SocketTimeoutException", "Read timed out (5000 ms) https://terminology.lakeview.local/fhir/ConceptMap/$translate",
                                                             "java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n\tat org.apache.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:153)\n\t... 38 more"))
# steady benign: dietary system AE on unknown location, EHR inbound listener keepalive
for t in poisson_times(rng, T(D + "10:00:00"), W1, 1 / 330.0):
    J(t, "WARN", "EHR_ADT_to_DIET Destination 1", "response",
      "Dietary returned AE for ADT^A02 (MRN %d): unknown location %s; marked ERROR" % (rng.randint(3000000, 3999999), rng.choice(["4W-OBS", "ED-HALL2", "PACU-OVF"])))
for t in frange(T(D + "10:03:17"), W1, 900):
    J(t, "INFO", "EHR Inbound Listener", "com.mirth.connect.connectors.tcp.TcpReceiver", "Idle connection from 10.20.4.15:41822 closed after 900 s")
c = CLAIMS[-1]
J(add(c, seconds=-14), "INFO", "Claims_837P_Export Source Thread", "js-connector", "837P export started: 1,942 claims for service date 2026-10-05")
J(c, "ERROR", "Claims_837P_Export Destination 1", "js-connector",
  "837P batch 20261006-01 rejected by clearinghouse: 999 AK9*R - payer 62308 not in crosswalk (37 claims); batch held",
  err=("com.lakeview.edi.BatchRejectedException", "999 AK9*R", "com.lakeview.edi.BatchRejectedException: 999 AK9*R\n\tat com.lakeview.edi.ClearinghouseClient.submit(ClearinghouseClient.java:211)"))
inc.lines("ie-prod-02/mirth.ndjson", [l for _, l in sorted(jl, key=lambda x: x[0])])

# ---------------------------------------------------------------- terminology server (HAPI FHIR) metrics, OpenMetrics
def tr_rate(t):
    base = 0.3 + 0.05 * ((int(epoch(t)) // 60) % 3)  # patient app facade
    if DEPLOY <= t < R111:
        base += min(cap(t), lam(t) if Q[t] == 0 else cap(t)) * 14.2
    return base


def tr_p99(t):
    if DEPLOY <= t < R111:
        return (0.61 if t >= R113 else 0.18 + 0.03 * ((int(epoch(t)) // 60) % 2))
    return 0.045 + 0.005 * ((int(epoch(t)) // 60) % 3)


pts = list(frange(T(D + "10:30:00"), W1, 60))
cnt, acc = [], 0.0
for t in pts:
    acc += tr_rate(t) * 60
    cnt.append((t, int(acc) + 8812340))
inc.write("term-01/scrape.om", openmetrics([
    ("hapi_fhir_operation_requests", "counter", "FHIR operations served", [({"operation": "ConceptMap/$translate", "instance": "term-01:9090"}, cnt)]),
    ("hapi_fhir_operation_duration_p99_seconds", "gauge", "p99 operation latency over 1m",
     [({"operation": "ConceptMap/$translate", "instance": "term-01:9090"}, [(t, round(tr_p99(t), 3)) for t in pts])]),
    ("hikaricp_connections_pending", "gauge", "threads waiting for a DB connection",
     [({"pool": "hapi", "instance": "term-01:9090"}, [(t, (rng.randint(3, 9) if R113 <= t < R111 else 0)) for t in pts])]),
]))

# ---------------------------------------------------------------- Prometheus query_range: results age and queue
inc.json("metrics/results_0700.json", query_range([
    ({"__name__": "mirth_destination_queued", "channel": "LIS_ORU_to_EHR", "destination": "EHR Results", "instance": "ie-prod-02:9140"},
     lambda t: int(Q[t]) + (rng.choice([0, 0, 1]) if Q[t] == 0 else 0)),
    ({"__name__": "interface:results_age_seconds:max", "channel": "LIS_ORU_to_EHR"},
     lambda t: round(AGE[t] + rng.uniform(2, 9), 1)),
    ({"__name__": "mirth_destination_queued", "channel": "EHR_ORM_to_RIS", "destination": "RIS Orders", "instance": "ie-prod-02:9140"},
     lambda t: rng.choice([0, 0, 0, 1, 2])),
], W0, W1, 30), indent=None)

# ---------------------------------------------------------------- Alertmanager webhook archive (ndjson, back to Oct 3)
hk = []


def H(t, body):
    hk.append((t, jline(body)))


bill = {"severity": "ticket", "team": "revenue-cycle", "job": "claims-export"}
for c in CLAIMS:
    st = add(c, seconds=48)
    H(add(st, seconds=30), am_webhook("jira-revcycle", [am_alert("ClaimsExportRejected", bill, "837P batch rejected by clearinghouse", st)]))
    H(add(st, minutes=61), am_webhook("jira-revcycle", [am_alert("ClaimsExportRejected", bill, "837P batch rejected by clearinghouse", st, ends=add(st, minutes=60, seconds=30))]))
pl = {"severity": "warning", "team": "desktop", "queue": "4W-LAB-ZEBRA1"}
for a, b in [("10:41:10", "10:47:40"), ("11:33:00", "11:35:30"), ("12:09:20", "12:16:50"), ("13:27:40", "13:31:10"), ("14:02:00", "14:06:30")]:
    H(add(T(D + a), seconds=30), am_webhook("slack-desktop", [am_alert("PrintQueueStuck", pl, "print queue 4W-LAB-ZEBRA1 has jobs older than 5m", T(D + a))]))
    H(add(T(D + b), seconds=30), am_webhook("slack-desktop", [am_alert("PrintQueueStuck", pl, "print queue 4W-LAB-ZEBRA1", T(D + a), ends=T(D + b))]))
wl = {"severity": "warning", "team": "integration", "channel": "LIS_ORU_to_EHR"}
cl = {"severity": "critical", "team": "integration", "channel": "LIS_ORU_to_EHR"}
H(add(WARN_AT, seconds=30), am_webhook("slack-integration", [am_alert("InterfaceResultsLatencyHigh", wl, "lab results reach the EHR 10m+ late (LIS_ORU_to_EHR)", WARN_AT)], group_by=("alertname", "channel")))
H(add(CRIT_AT, seconds=30), am_webhook("pagerduty-integration", [am_alert("InterfaceResultsLatencyCritical", cl, "lab results reach the EHR 20m+ late (LIS_ORU_to_EHR)", CRIT_AT)], group_by=("alertname", "channel")))
H(add(CRIT_END, seconds=30), am_webhook("pagerduty-integration", [am_alert("InterfaceResultsLatencyCritical", cl, "lab results reach the EHR 20m+ late (LIS_ORU_to_EHR)", CRIT_AT, ends=CRIT_END)], group_by=("alertname", "channel")))
H(add(WARN_END, seconds=30), am_webhook("slack-integration", [am_alert("InterfaceResultsLatencyHigh", wl, "lab results reach the EHR 10m+ late (LIS_ORU_to_EHR)", WARN_AT, ends=WARN_END)], group_by=("alertname", "channel")))
inc.lines("am/archive-20261006.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---------------------------------------------------------------- PagerDuty log entries
pd = PD(7720, "InterfaceResultsLatencyCritical LIS_ORU_to_EHR", "Interface Engine", "PIFE001", "Integration On-Call")
luis = PD.user("Luis Ortega", "PLORTEG")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMIF01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Luis Ortega by push notification.", user=luis,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", luis, {"type": "mobile"}, "Acknowledged by Luis Ortega.")
pd.add(add(R113, seconds=40), "annotate_log_entry", luis, {"type": "web_ui", "summary": "LIS_ORU_to_EHR threads 1->4 (r113)"}, "Note added")
pd.add(add(R111, seconds=50), "annotate_log_entry", luis, {"type": "web_ui", "summary": "reverted LIS_ORU_to_EHR to static code table (r114 = r111 content)"}, "Note added")
pd.add(add(CRIT_END, seconds=31), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", luis, {"type": "web_ui"}, "Resolved by Luis Ortega.")
inc.json("pd/log_entries.json", pd.export())

# ---------------------------------------------------------------- git log --format=fuller --date=iso-strict (mirth-channels repo)
gl = []


def G(t, who, mail, subj, body=""):
    d = local(t, TZ).isoformat()
    gl.append((t, "commit %s\nAuthor:     %s <%s>\nAuthorDate: %s\nCommit:     %s <%s>\nCommitDate: %s\n\n    %s\n%s" % (
        hexid(rng, 40), who, mail, d, who, mail, d, subj, ("\n    " + body + "\n") if body else "")))


G(T("2026-10-05 19:40:02"), "Rachel Kim", "rkim@lakeviewhealth.org", "EHR_ORM_to_RIS: map new MRI protocol codes (draft)")
G(COMMIT, "Aisha Patel", "apatel@lakeviewhealth.org", "LIS_ORU_to_EHR: map local result codes to LOINC via terminology ConceptMap/$translate",
  "Retires the LAB_LOCAL_TO_LOINC static code table (CHG0048812). Lookup per OBX-3, no cache yet.")
G(RIS_COMMIT, "Rachel Kim", "rkim@lakeviewhealth.org", "EHR_ORM_to_RIS: add CT protocol codes CT-PE-2, CT-ANGIO-HEAD")
G(R113_COMMIT, "Luis Ortega", "lortega@lakeviewhealth.org", "LIS_ORU_to_EHR: destination queue threads 1 -> 4 (INC0104417)")
G(REVERT_COMMIT, "Luis Ortega", "lortega@lakeviewhealth.org", "Revert \"LIS_ORU_to_EHR: map local result codes to LOINC via terminology ConceptMap/$translate\"",
  "Back to the static code table and one queue thread (INC0104417).")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("repo-log.txt", "\n".join(l for _, l in gl))

# ---------------------------------------------------------------- Jira Service Management CSV export (local time, minutes)
def jt(t):
    lt = local(t, TZ)
    return "%s/%s/%s %d:%s %s" % (lt.strftime("%d"), MONTHS[lt.month - 1], lt.strftime("%y"), (lt.hour % 12) or 12, lt.strftime("%M"), "AM" if lt.hour < 12 else "PM")


rows = [("SD-31877", "Badge reader 3rd floor not working", "Facilities", "Low", "Done", T(D + "10:48:00"), T(D + "11:30:00"), "3 Tower"),
        ("SD-31890", "Troponin drawn 6:40 not showing in EHR - ED bay 12", "Clinical application", "High", "Done", T(D + "12:21:00"), RESOLVED, "Emergency Dept"),
        ("SD-31893", "Password reset - EHR", "Access", "Medium", "Done", T(D + "12:25:00"), T(D + "12:31:00"), "Outpatient Clinic B"),
        ("SD-31895", "ICU: morning labs (BMP, lactate) missing from flowsheet", "Clinical application", "Highest", "Done", T(D + "12:33:00"), RESOLVED, "MICU"),
        ("SD-31899", "4W label printer printing blanks", "Hardware", "Medium", "In Progress", T(D + "12:37:00"), None, "4 West"),
        ("SD-31901", "4 West - lab results 30+ min late, lab says resulted", "Clinical application", "High", "Done", T(D + "12:40:00"), RESOLVED, "4 West"),
        ("SD-31908", "ED again - results delayed, providers calling lab for every result", "Clinical application", "Highest", "Done", T(D + "12:52:00"), RESOLVED, "Emergency Dept")]
csv = ["Issue key,Summary,Request Type,Priority,Status,Created,Resolved,Location"]
for r in rows:
    csv.append('%s,"%s",%s,%s,%s,%s,%s,%s' % (r[0], r[1], r[2], r[3], r[4], jt(r[5]), jt(r[6]) if r[6] else "", r[7]))
inc.write("servicedesk/jsm-20261006.csv", "\n".join(csv) + "\n")

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r in [("U9LUIS", "lortega", "Luis Ortega"), ("U9AISHA", "apatel", "Aisha Patel"), ("U9RACHEL", "rkim", "Rachel Kim"),
                ("U9DANA", "dana.w", "Dana Whitfield"), ("U9MIKE", "mike.brandt", "Mike Brandt"), ("U9NGOZI", "ngozi.o", "Ngozi Okafor")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C9IFALR", "integration-alerts", "Alertmanager slack-integration receiver"), ("C9INC", "inc-lab-results-delay", "INC0104417"),
                  ("C9CLIN", "clinical-announcements", "Messages to clinical staff")]:
    s.channel(cid, n, p)
s.bot("integration-alerts", add(WARN_AT, seconds=31), "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "InterfaceResultsLatencyHigh", "lab results reach the EHR 10m+ late (LIS_ORU_to_EHR)", color="warning"))
s.bot("integration-alerts", add(CRIT_AT, seconds=31), "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "InterfaceResultsLatencyCritical", "lab results reach the EHR 20m+ late (LIS_ORU_to_EHR)"))
s.bot("integration-alerts", add(CRIT_END, seconds=31), "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "InterfaceResultsLatencyCritical", "LIS_ORU_to_EHR"))
s.bot("integration-alerts", add(WARN_END, seconds=31), "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "InterfaceResultsLatencyHigh", "LIS_ORU_to_EHR"))
s.say("integration-alerts", WRONG1, "U9MIKE", "results lag warning - lab said their analyzer middleware got patched overnight, probably the LIS batching results again")
s.say("integration-alerts", add(WRONG1, seconds=75), "U9AISHA", "my results channel change went in at 6:04, all green at the time, queue was empty")
ch = "inc-lab-results-delay"
s.say(ch, add(ACK, seconds=30), "U9LUIS", "acked. LIS_ORU_to_EHR queue ~800 and climbing, oldest result 25+ min. LIS is sending fine, the EHR listener is ACKing fast")
s.say(ch, WRONG2, "U9RACHEL", "I deployed EHR_ORM_to_RIS r57 at 7:24 - same engine. could that be starving the results channel?")
s.say(ch, add(WRONG2, seconds=60), "U9LUIS", "different channel and its queue is empty, engine CPU is 20%. don't think so")
s.say(ch, ROLLBACK_Q, "U9DANA", "should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U9LUIS", "roll back which one? trying more queue threads on the results channel first")
s.say(ch, COMMS, "U9NGOZI", "posted in #clinical-announcements + overhead page to ED/ICU: lab results delayed in the EHR, call the lab for critical results")
s.say(ch, add(R113, seconds=35), "U9LUIS", "r113 deployed: 4 queue threads on the results destination (ordering risk, accepted for now)")
s.say(ch, T(D + "12:55:00"), "U9LUIS", "4 threads barely helps, queue still growing. terminology server p99 went from 180 ms to 600 ms and its DB pool has waiters")
s.say(ch, DIAG, "U9AISHA", "it's my change: r112 calls ConceptMap/$translate for every OBX, ~150 ms each, a CBC+CMP is 2+ s per message on one thread. fine at 6am, the 7am draw is 0.8 msg/s and the channel does ~0.45")
s.say(ch, add(DIAG, seconds=50), "U9LUIS", "reverting to the static code table, one thread")
s.say(ch, add(R111, seconds=40), "U9LUIS", "r114 (= r111 content) deployed, code table loaded, queue flushing ~12/s")
s.say(ch, add(MITIGATED, seconds=30), "U9LUIS", "queue empty, results current in the EHR")
s.say(ch, T(D + "13:31:00"), "U9AISHA", "checked ordering for the r113 window: 4 patients had a corrected result filed before the original, fixed by hand with the lab")
s.say(ch, add(RESOLVED, seconds=-40), "U9LUIS", "an hour clean through the draw peak. resolving; Aisha will bring the lookup back with a cache via CAB")
s.say("clinical-announcements", add(COMMS, seconds=-20), "U9NGOZI", "Lab results are currently reaching the EHR 30-40 minutes late. Results are complete in the lab system. For critical or urgent results call the lab on x4-5220.")
s.say("clinical-announcements", add(MITIGATED, minutes=4), "U9NGOZI", "Update: lab results are flowing to the EHR normally again. Thank you for your patience.")
s.write(inc, "slack")

inc.truth(
    "lakeview-oru-translate", "interface-channel-change-per-message-lookup-throughput-below-morning-peak",
    "An ORU channel change looks up every OBX code on the terminology server; the single-threaded LIS->EHR results channel falls\n"
    "behind the 7am phlebotomy draw and results reach the EHR later and later; more threads barely help, the revert ends it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_AT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DEPLOY, "change", "LIS_ORU_to_EHR revision 112 deployed by apatel (per-OBX $translate)", "ie-prod-02/mirth.ndjson", 60),
     (STARTED, "first_symptom", "results queue above 10 and growing (watchdog warning)", "ie-prod-02/mirth.ndjson", 90),
     (WARN_AT, "alert_fired", "InterfaceResultsLatencyHigh (warning) firing", "am/archive-20261006.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7720 triggered by InterfaceResultsLatencyCritical", "pd/log_entries.json", 60),
     (ACK, "acknowledged", "Luis Ortega acknowledges", "pd/log_entries.json", 60),
     (COMMS, "communication", "clinical announcement: results delayed, call the lab", "slack", 90),
     (R113, "mitigation", "r113: results destination threads 1 -> 4 (only slows growth)", "ie-prod-02/mirth.ndjson", 60),
     (DIAG, "diagnosis", "Aisha: r112's per-OBX $translate caps the channel below the morning draw rate", "slack", 90),
     (R111, "mitigation", "channel reverted to the static code table (r114 = r111)", "ie-prod-02/mirth.ndjson", 60),
     (MITIGATED, "recovery", "results queue empty, results current", "ie-prod-02/mirth.ndjson", 90),
     (RESOLVED, "resolved", "PagerDuty #7720 resolved", "pd/log_entries.json", 60)],
    [(CLAIMS[-1], "837P claims export rejected by the clearinghouse every morning at 06:00 local", "ie-prod-02/mirth.ndjson"),
     (add(CLAIMS[-1], seconds=48), "ClaimsExportRejected ticket alert, daily since Oct 3", "am/archive-20261006.ndjson"),
     (T(D + "12:09:20"), "PrintQueueStuck 4W flapping (desktop team)", "am/archive-20261006.ndjson"),
     (RIS_DEPLOY, "radiology analyst deploys EHR_ORM_to_RIS r57", "ie-prod-02/mirth.ndjson"),
     (RIS_COMMIT, "radiology channel commit", "repo-log.txt"),
     (WRONG1, "wrong hunch: LIS analyzer middleware batching", "slack"),
     (WRONG2, "wrong hunch: RIS channel deploy starving results", "slack"),
     (ROLLBACK_Q, "'should we roll back?' question", "slack"),
     (T(D + "11:30:00"), "steady dietary AE unknown-location and listener idle-close lines all window", "ie-prod-02/mirth.ndjson"),
     (T(D + "12:37:00"), "unrelated service desk tickets (printer, password, badge reader)", "servicedesk/jsm-20261006.csv")],
    [("ie-prod-02/mirth.ndjson", "logs"), ("term-01/scrape.om", "openmetrics"), ("metrics/results_0700.json", "prometheus-query-range"),
     ("am/archive-20261006.ndjson", "alertmanager-webhook"), ("pd/log_entries.json", "pagerduty-log-entries"),
     ("repo-log.txt", "git-log"), ("servicedesk/jsm-20261006.csv", "logs", TZ), ("slack", "slack-export")])
print("started", STARTED, "warn", WARN_AT, "crit", CRIT_AT, "mitigated", MITIGATED)
