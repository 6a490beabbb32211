"""retired12/claimsline-trunk-e164: the primary SIP carrier fails and the SBCs fail over to a backup trunk that rejects our number format.

Segurbal's claims contact centre in Madrid places its outbound calls (agents' callbacks and the appointment
dialer) through two Kamailio SBCs whose dispatcher set prefers carrier A; carrier B, brought in last year for
the inbound 900 numbers, is the outbound backup but never carried live outbound traffic.  On 2026-01-27 at
07:58:41 UTC (08:58 in Madrid) carrier A's Madrid POP stops answering the SBCs' OPTIONS probes (an
infrastructure precursor); after three failed probes the dispatcher marks A inactive and every outbound INVITE
goes to carrier B, which answers 484 Address Incomplete: B wants E.164 and we send national 9-digit numbers.
Night-shift volume is tiny; from 08:00 UTC the day shift and the dialer start and nearly every outbound call
fails.  Inbound calls (carrier B) are unaffected.

A supervisor reports it in Slack and pages by hand (PagerDuty web trigger) at 08:09:30, before the failure-
ratio alert fires at 08:13.  A wrong hunch blames the agent-desktop 3.2 release that went out at 07:45
(before the first symptom, unrelated), and someone asks whether to roll it back.  The diagnosis comes at
08:27.  A first SBC change (E.164 request URI for carrier B, AWX job at 08:47) ends the 484s but B now
answers 403 to the agents' calls, whose P-Asserted-Identity is still national (the dialer's calls go through):
it only partly works.  The second change (E.164 PAI/From) at 09:02 ends the impact.  Carrier A's NOC fixes
its POP and the SBCs fail back at 10:03; the incident is resolved at 10:31.  Noise: SIP scanners blocked by
pike all day, the cdr-billing-export AWX job that fails every morning at 08:30, an infra patch run, a
wallboard exporter alert flapping, another team's PagerDuty incident.
Kamailio syslog and Asterisk CDRs are in Europe/Madrid local time without offsets.
"""
import random
from common import *

rng = random.Random(20260127)
inc = Incident("retired12", "claimsline-trunk-e164")
TZ = "Europe/Madrid"
D = "2026-01-27 "
W0, W1 = T(D + "07:30:00"), T(D + "11:30:00")
DESKTOP = T(D + "07:45:30")
STARTED = T(D + "07:58:41")
A_DOWN = T(D + "07:59:21")
SUP = T(D + "08:06:10")
PAGE = T(D + "08:09:30")
ACK = T(D + "08:11:02")
ALERT = T(D + "08:13:00")
WRONG = T(D + "08:16:20")
ROLLBACK_Q = T(D + "08:18:05")
COMMS = T(D + "08:21:40")
DIAG = T(D + "08:27:40")
FIX1_C = T(D + "08:44:10")
FIX1 = T(D + "08:47:32")
FIX2_C = T(D + "08:58:50")
FIX2 = T(D + "09:02:25")
MITIGATED = T(D + "09:02:30")
ALERT_OK = T(D + "09:09:00")
A_UP = T(D + "10:03:21")
RESOLVED = T(D + "10:31:00")
CRON = [T("2026-01-%02d 08:30:%02d" % (d, 11 + d % 5)) for d in (24, 25, 26, 27)]
A_URI = "sip:gw1.mad.carrier-a.example.net:5060"
B_URI = "sip:sbc-edge.carrier-b.example.com:5060;transport=udp"


def on_a(t):
    return t < A_DOWN or t >= add(A_UP, seconds=30)


def outcome(t, ctx):
    """SIP final reply to an outbound call placed at t from context ctx."""
    if t < add(STARTED, seconds=8) or t >= add(A_UP, seconds=30):
        return None
    if t < FIX1:
        return 484
    if t < FIX2 and ctx == "from-agents":
        return 403
    return None


# ---- Kamailio syslog on both SBCs (Europe/Madrid local, no offset)
sl = []
PIDS = {"sbc-mad-1": 2113, "sbc-mad-2": 2087}
def K(t, host, msg, pid=None):
    sl.append((t, syslog(t, TZ, host, "/usr/sbin/kamailio[%d]" % (pid or PIDS[host] + rng.randint(0, 11)), msg)))
for h in PIDS:
    for t in frange(add(W0, seconds=1 if h == "sbc-mad-1" else 6), W1, 20):
        if STARTED <= t < A_UP:
            K(t, h, "WARNING: dispatcher [dispatch.c:3595]: ds_options_callback(): probing failed for %s (code 408 - Request Timeout) set 1" % A_URI)
    K(add(A_DOWN, seconds=1 if h == "sbc-mad-1" else 4), h,
      "NOTICE: <script>: event_route[dispatcher:dst-down] set=1 uri=%s -> inactive, next=%s" % (A_URI, B_URI))
    K(add(A_UP, seconds=0 if h == "sbc-mad-1" else 5), h,
      "NOTICE: <script>: event_route[dispatcher:dst-up] set=1 uri=%s -> active" % A_URI)
for t in poisson_times(rng, W0, W1, 1 / 25.0):  # benign: SIP scanners
    ip = "%d.%d.%d.%d" % (rng.choice([45, 77, 185, 193, 212]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    h = rng.choice(list(PIDS))
    if rng.random() < 0.5:
        K(t, h, "WARNING: pike [pike_funcs.c:155]: pike_check_req(): PIKE - BLOCKing ip %s, node=%s" % (ip, hexid(rng, 12)))
    else:
        K(t, h, "NOTICE: <script>: scanner dropped src=%s:%d ua=\"%s\" method=REGISTER" % (ip, rng.randint(5060, 5090), rng.choice(["friendly-scanner", "sipvicious", "sipcli/v1.8", "VaxSIPUserAgent/3.1"])))

# ---- Asterisk cdr-csv Master.csv (PBX cc-pbx, local time)
cdr = []
def q(x):
    return '"%s"' % x.replace('"', '""')
def lt(t):
    return local(t, TZ).strftime("%Y-%m-%d %H:%M:%S")
n = [0]
def CDR(t, src, dst, ctx, clid, chan, dchan, disp, ring, talk, user):
    n[0] += 1
    ans = add(t, seconds=ring) if disp == "ANSWERED" else None
    end = add(t, seconds=ring + talk)
    row = [q(""), q(src), q(dst), q(ctx), q(clid), q(chan), q(dchan), q("Dial"), q(dchan.rsplit("-", 1)[0] + ",60,tT"),
           q(lt(t)), q(lt(ans) if ans else ""), q(lt(end)), str(ring + talk), str(talk if ans else 0), q(disp), q("DOCUMENTATION"),
           q("%d.%d" % (int(epoch(t)), n[0])), q(user)]
    cdr.append((end, ",".join(row)))
def vol_out(t):
    lh = local(t, TZ).hour
    return 0.012 if lh < 9 else 0.09
for t in poisson_times(rng, W0, W1, 0.11):
    if rng.random() * 0.11 > vol_out(t):
        continue
    ctx = "from-agents" if rng.random() < 0.65 or local(t, TZ).hour < 9 else "dialer-reminders"
    dst = rng.choice(["6", "6", "9", "7"]) + "".join(rng.choice("0123456789") for _ in range(8))
    ext = rng.randint(2100, 2189)
    src = str(ext) if ctx == "from-agents" else "910555000"
    clid = '"Segurbal Siniestros" <910555100>' if ctx == "from-agents" else '"Segurbal" <910555000>'
    chan = "PJSIP/%d-%08x" % (ext, rng.randint(0, 2**31)) if ctx == "from-agents" else "Local/%s@dialer-reminders-%08x;2" % (dst, rng.randint(0, 2**31))
    dchan = "PJSIP/sbc-trunk-%08x" % rng.randint(0, 2**31)
    code = outcome(t, ctx)
    if code:
        CDR(t, src, dst, ctx, clid, chan, dchan, "FAILED", 0, 0, "hc=%d sip=%d" % (28 if code == 484 else 21, code))
    else:
        r = rng.random()
        if r < 0.70:
            CDR(t, src, dst, ctx, clid, chan, dchan, "ANSWERED", rng.randint(4, 20), rng.randint(40, 600), "hc=16 sip=200")
        elif r < 0.90:
            CDR(t, src, dst, ctx, clid, chan, dchan, "NO ANSWER", 45, 0, "hc=19 sip=480")
        elif r < 0.98:
            CDR(t, src, dst, ctx, clid, chan, dchan, "BUSY", rng.randint(2, 6), 0, "hc=17 sip=486")
        else:
            CDR(t, src, dst, ctx, clid, chan, dchan, "FAILED", 0, 0, "hc=1 sip=404")
for t in poisson_times(rng, W0, W1, 0.05):  # inbound on carrier B: unaffected
    if local(t, TZ).hour < 9 and rng.random() < 0.7:
        continue
    cli = rng.choice(["6", "6", "9"]) + "".join(rng.choice("0123456789") for _ in range(8))
    q_ = rng.randint(5, 240)
    CDR(t, cli, "900100200", "from-carrier-b", '"%s" <%s>' % (cli, cli), "PJSIP/carrier-b-%08x" % rng.randint(0, 2**31),
        "Local/queue-claims@agents-%08x;1" % rng.randint(0, 2**31), "ANSWERED", q_, rng.randint(60, 900), "hc=16 queue=claims")
inc.lines("cc-pbx/Master.csv", [l for _, l in sorted(cdr, key=lambda x: x[0])])
# SBC INVITE logging (a sample: one line per failed outbound INVITE seen at the SBC)
for end, row in cdr:
    f = row.split(",")
    if "sip=484" in row or "sip=403" in row:
        t = add(end, seconds=-rng.randint(0, 1))
        code = 484 if "sip=484" in row else 403
        reason = "Address Incomplete" if code == 484 else "Forbidden - Calling Party Number not allowed"
        K(t, rng.choice(list(PIDS)), "NOTICE: <script>: OUT ci=%s@10.20.0.5 ruri=sip:%s@carrier-b dst=%s reply=%d %s" % (
            hexid(rng, 16), f[2].strip('"'), B_URI.split(";")[0], code, reason))
inc.lines("sbc-mad/syslog", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- Prometheus query_range: final replies to outbound INVITEs per carrier/code (per minute)
def rate(car, code):
    def f(t):
        vol = vol_out(t) * 60
        ok_share = 0.98
        if car == "carrier-a":
            return round(vol * ok_share, 3) if on_a(t) and code == "completed" else 0.0
        if on_a(t):
            return 0.0
        if code == "484":
            return round(vol, 3) if t < FIX1 else 0.0
        if code == "403":
            return round(vol * 0.65, 3) if FIX1 <= t < FIX2 else 0.0
        if code == "completed":
            return round(vol * (0.35 if t < FIX2 else 0.98), 3) if t >= FIX1 else 0.0
        return 0.0
    return f
series = [({"__name__": "sbc:outbound_final_replies:rate1m", "carrier": c, "reply": k}, rate(c, k))
          for c, k in (("carrier-a", "completed"), ("carrier-b", "484"), ("carrier-b", "403"), ("carrier-b", "completed"))]
series.append(({"__name__": "kamailio_dispatcher_target_active", "set": "1", "uri": A_URI, "instance": "sbc-mad-1:9494"},
               lambda t: 0 if A_DOWN <= t < add(A_UP, seconds=30) else 1))
series.append(({"__name__": "kamailio_dispatcher_target_active", "set": "1", "uri": B_URI, "instance": "sbc-mad-1:9494"}, lambda t: 1))
inc.json("sip-replies.json", query_range(series, W0, W1, 30), indent=None)

# ---- AWX jobs export (GET /api/v2/jobs/?order_by=-created)
jobs = []
def J(t, dur, name, playbook, who, status="successful", launch="manual", limit="", extra=""):
    jid = 48200 + len(jobs) * 7
    jobs.append({"id": jid, "type": "job", "url": "/api/v2/jobs/%d/" % jid, "created": iso(add(t, seconds=-2), ms=True),
                 "modified": iso(add(t, seconds=dur), ms=True), "name": name, "description": "", "job_type": "run",
                 "launch_type": launch, "status": status, "failed": status == "failed", "started": iso(t, ms=True),
                 "finished": iso(add(t, seconds=dur), ms=True), "elapsed": float(dur), "playbook": playbook,
                 "limit": limit, "extra_vars": extra, "execution_node": "awx-task-1",
                 "summary_fields": {"created_by": {"username": who}, "job_template": {"name": name}}})
J(T("2026-01-20 15:12:40"), 41, "sbc-config", "sbc/site.yml", "ana.ortega", limit="sbc_mad", extra='{"git_ref": "7d1e3a0"}')
for c in CRON:
    J(c, 19, "cdr-billing-export", "billing/cdr_export.yml", "scheduler", status="failed", launch="scheduled", limit="cc-pbx")
J(DESKTOP, 212, "agent-desktop deploy", "cxapps/agent_desktop.yml", "lucia.navarro", limit="desktop_web", extra='{"version": "3.2.0"}')
J(T(D + "08:20:05"), 388, "patch-linux", "infra/patch.yml", "pablo.gil", limit="wallboard_hosts")
J(add(FIX1, seconds=-37), 37, "sbc-config", "sbc/site.yml", "diego.martin", limit="sbc_mad", extra='{"git_ref": "b41c9e2"}')
J(add(FIX2, seconds=-45), 45, "sbc-config", "sbc/site.yml", "diego.martin", limit="sbc_mad", extra='{"git_ref": "e09a17f"}')
jobs.sort(key=lambda j: j["created"], reverse=True)
inc.json("awx-jobs.json", {"count": len(jobs), "next": None, "previous": None, "results": jobs})

# ---- sbc-config git log --pretty='%h %ad %an %s' --date=iso (committer local time)
gl = [("7d1e3a0", T("2026-01-20 15:05:02"), "Ana Ortega", "tls: renew sbc-mad certificate bundle"),
      ("b41c9e2", FIX1_C, "Diego Martín", "carrier-b: send E.164 request URI (+34) for national numbers"),
      ("e09a17f", FIX2_C, "Diego Martín", "carrier-b: E.164 P-Asserted-Identity and From for agent CLI"),
      ("5c2f8d4", T(D + "10:52:19"), "Ana Ortega", "dispatcher: add OPTIONS alert on carrier-b E.164 test call")]
inc.lines("sbc-config.log", ["%s %s %s %s" % (h, local(t, TZ).strftime("%Y-%m-%d %H:%M:%S %z"), who, subj)
                             for h, t, who, subj in sorted(gl, key=lambda g: g[1], reverse=True)])

# ---- PagerDuty log entries (manual trigger)
pd = PD(902, "Agents cannot place outbound calls (claims line)", "Voice platform", "PVOICE1", "Voice on-call")
marta = PD.user("Marta Ruiz", "PMARTA4")
diego = PD.user("Diego Martín", "PDIEGO8")
pd.add(PAGE, "trigger_log_entry", marta, {"type": "web_trigger", "summary": "Agents cannot place outbound calls (claims line)",
                                          "details": "Since ~09:00 every outbound call from the claims floor fails immediately"},
       "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Diego Martín by push notification.", user=diego,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", diego, {"type": "mobile"}, "Acknowledged by Diego Martín.")
pd.add(add(DIAG, seconds=95), "annotate_log_entry", diego, {"type": "web_ui", "summary": "Carrier A down (OPTIONS 408), failover to carrier B, B rejects national format"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", diego, {"type": "web_ui"}, "Resolved by Diego Martín.")
oth = PD(901, "CRM sync lag > 10 min", "crm-sync", "PCRM002", "CX apps")
lucia = PD.user("Lucía Navarro", "PLUCIA3")
oth.add(T(D + "07:38:02"), "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
oth.add(T(D + "07:38:03"), "notify_log_entry", None, None, "Notified Lucía Navarro by push notification.", user=lucia)
oth.add(T(D + "07:41:30"), "acknowledge_log_entry", lucia, {"type": "mobile"}, "Acknowledged by Lucía Navarro.")
oth.add(T(D + "08:04:12"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + oth.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pagerduty-log.json", ex)

# ---- Slack export (alerts only as Alertmanager posts here)
s = Slack()
for u, n, r in [("U9DIEGO", "diego.m", "Diego Martín"), ("U9MARTA", "marta.ruiz", "Marta Ruiz"), ("U9JAVI", "javier", "Javier Soler"),
                ("U9LUCIA", "lucia", "Lucía Navarro"), ("U9PABLO", "pablo", "Pablo Gil"), ("U9ANA", "ana.o", "Ana Ortega")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C9VOPS", "voice-ops", "voice platform"), ("C9FLOOR", "cc-floor", "claims floor supervisors"),
                  ("C9VAL", "voice-alerts", "alertmanager")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("voice-alerts", add(c, seconds=50), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "AwxJobFailed", "AWX job cdr-billing-export failed (sftp: host key verification failed)", color="warning"))
for a0, a1 in ((T(D + "07:52:15"), T(D + "07:55:45")), (T(D + "09:40:15"), T(D + "09:43:15"))):
    s.bot("voice-alerts", a0, "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "WallboardExporterDown", "wallboard-exporter on wb-02 down (team cx-apps)", color="warning"))
    s.bot("voice-alerts", a1, "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "WallboardExporterDown", "wallboard-exporter on wb-02 up"))
s.bot("voice-alerts", ALERT, "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OutboundCallFailureRatio", "outbound call failure ratio 97% (> 20%) on sbc-mad\nseverity: warning"))
s.bot("voice-alerts", ALERT_OK, "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "OutboundCallFailureRatio", "outbound call failure ratio back under 20%"))
s.say("voice-ops", add(DESKTOP, seconds=230), "U9LUCIA", "agent-desktop 3.2.0 is out (new wrap-up codes screen), shout if agents see anything odd")
s.say("voice-ops", T(D + "08:19:40"), "U9PABLO", "patching the wallboard hosts now, wallboards may blink")
s.say("cc-floor", SUP, "U9MARTA", "nobody on the floor can call out, every callback fails straight away with a fast busy. inbound is fine")
s.say("cc-floor", add(SUP, seconds=130), "U9MARTA", "paging voice on-call")
s.say("voice-ops", add(ACK, seconds=25), "U9DIEGO", "acked Marta's page. looking at the SBCs")
s.say("voice-ops", WRONG, "U9LUCIA", "could this be agent-desktop 3.2? it went out at 08:45 your time and touched the softphone panel")
s.say("voice-ops", ROLLBACK_Q, "U9JAVI", "should we roll back agent-desktop?")
s.say("voice-ops", add(ROLLBACK_Q, seconds=60), "U9DIEGO", "hold on, the dialer fails too and it doesn't use agent-desktop")
s.say("cc-floor", COMMS, "U9JAVI", "ALL: outbound calls are down, inbound works. log callbacks in the CRM as 'pending call', don't retry. updates here")
s.say("voice-ops", DIAG, "U9DIEGO", "got it: carrier A stopped answering our OPTIONS at 08:58, dispatcher failed everything over to carrier B and B answers 484 Address Incomplete - it wants E.164 and we send national 9 digits. we never sent live outbound through B since the migration")
s.say("voice-ops", add(DIAG, seconds=200), "U9ANA", "ticket opened with carrier A NOC, CA-558120. they see an issue on their Madrid POP")
s.say("voice-ops", add(FIX1_C, seconds=30), "U9DIEGO", "b41c9e2: +34 on the request URI for carrier B, running sbc-config in AWX")
s.say("voice-ops", T(D + "08:50:30"), "U9DIEGO", "484s gone, dialer calls connect. agent calls now get 403 'Calling Party Number not allowed' - our PAI is still national")
s.say("cc-floor", T(D + "08:51:10"), "U9MARTA", "reminder calls are going out again, agents still fail")
s.say("voice-ops", add(FIX2_C, seconds=20), "U9DIEGO", "e09a17f: E.164 PAI and From for carrier B, deploying")
s.say("voice-ops", add(MITIGATED, seconds=45), "U9DIEGO", "agent calls connecting through carrier B now")
s.say("cc-floor", add(MITIGATED, seconds=90), "U9JAVI", "ALL: outbound calls work again, please start on the pending callbacks")
s.say("voice-ops", T(D + "09:55:20"), "U9ANA", "carrier A NOC: 'fault on an SBC cluster at our Madrid POP, failed over, monitoring'")
s.say("voice-ops", add(A_UP, seconds=60), "U9DIEGO", "OPTIONS to carrier A answering again, dispatcher set it active, outbound back on A")
s.say("voice-ops", add(RESOLVED, seconds=-30), "U9DIEGO", "30 min clean on A. resolving; follow-up: weekly E.164 test call through B")
s.write(inc, "slack")

inc.truth(
    "claimsline-trunk-e164", "sip-carrier-failover-to-misconfigured-backup-trunk",
    "Carrier A's Madrid POP stopped answering OPTIONS; the Kamailio SBCs failed outbound calls over to carrier B, which rejects national-format\n"
    "numbers (484, then 403 on the caller ID), so the contact centre could not call out until two E.164 fixes; resolved after carrier A returned.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "OPTIONS probes to carrier A time out (408)", "sbc-mad/syslog", 60),
     (PAGE, "paged", "supervisor triggers PagerDuty #902 by hand", "pagerduty-log.json", 60),
     (ACK, "acknowledged", "Diego acknowledges", "pagerduty-log.json", 60),
     (ALERT, "alert_fired", "OutboundCallFailureRatio firing", "slack", 60),
     (COMMS, "communication", "floor told outbound is down, log callbacks in CRM", "slack", 90),
     (DIAG, "diagnosis", "Diego: carrier A down, failover to B which rejects national format (484)", "slack", 90),
     (FIX1, "mitigation", "sbc-config b41c9e2: E.164 request URI for carrier B (partial: 403 on agent calls)", "awx-jobs.json", 60),
     (FIX2, "mitigation", "sbc-config e09a17f: E.164 PAI/From for carrier B", "awx-jobs.json", 60),
     (MITIGATED, "recovery", "outbound calls connect again", "cc-pbx/Master.csv", 120),
     (A_UP, "recovery", "carrier A answers OPTIONS again; traffic back on A", "sbc-mad/syslog", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pagerduty-log.json", 60)],
    [(DESKTOP, "cx-apps deploys agent-desktop 3.2.0 before the failure (unrelated)", "awx-jobs.json"),
     (CRON[-1], "cdr-billing-export AWX job fails every morning at 08:30", "awx-jobs.json"),
     (T(D + "08:20:05"), "patch-linux run on wallboard hosts", "awx-jobs.json"),
     (T(D + "07:52:15"), "WallboardExporterDown flapping (cx-apps)", "slack"),
     (T(D + "07:38:02"), "other PagerDuty incident: CRM sync lag", "pagerduty-log.json"),
     (WRONG, "wrong hunch: agent-desktop 3.2 softphone", "slack"),
     (ROLLBACK_Q, "'should we roll back agent-desktop?' question", "slack"),
     (T(D + "10:00:00"), "steady SIP scanner blocks (pike) and normal no-answer/busy CDRs all window", "sbc-mad/syslog")],
    [("sbc-mad/syslog", "logs", TZ), ("cc-pbx/Master.csv", "logs", TZ), ("sip-replies.json", "prometheus-query-range"),
     ("awx-jobs.json", "deploys"), ("sbc-config.log", "git-log"), ("pagerduty-log.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
