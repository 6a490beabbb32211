"""train8/voice-colo-power-failover: utility power fails at the nyc2 colo, the generator fails to start and the UPS runs
out; every nyc2 media server goes dark and calls homed there fail until the SIP edge dispatcher is failed over to chi1."""
import random
from common import *

rng = random.Random(20260819)
inc = Incident("train8", "voice-colo-power-failover")
TZ = "America/New_York"
D = "2026-08-19 "
W0, W1 = T(D + "13:00:00"), T(D + "15:30:00")
STARTED = T(D + "13:41:07")
UPS_ALERT = T(D + "13:42:10")
ROWB_OFF = T(D + "13:49:52")
CALLS_FAIL = T(D + "13:49:58")
ALERT = T(D + "13:51:40")
PAGE = T(D + "13:51:41")
ACK = T(D + "13:54:30")
HUNCH = T(D + "13:55:10")
ROLLBACK_Q = T(D + "13:56:40")
DIAG = T(D + "13:58:20")
STATUS = T(D + "14:00:30")
FAILOVER = T(D + "14:03:15")
MITIGATED = T(D + "14:03:50")
ALERT_OK = T(D + "14:04:40")
OTHER = T(D + "14:22:05")
POWER_BACK = T(D + "14:52:18")
RESOLVED = T(D + "15:10:44")
ROWA_OFF = T(D + "13:58:41")
CRON = [T("2026-08-%02d 14:15:%02d" % (d, d - 14)) for d in (16, 17, 18, 19)]

def nyc2_down(t):
    return ROWB_OFF <= t < POWER_BACK

# ---- colo power syslog, relayed to the chi1 syslog server (New York local time, no offset)
sy = []
def S(t, host, prog, msg):
    sy.append((t, syslog(t, TZ, host, prog, msg)))
for t in frange(W0, W1, 300):
    for pdu in ("pdu-a03", "pdu-b01", "pdu-b04"):
        if pdu.startswith("pdu-b") and ROWB_OFF <= t < add(POWER_BACK, minutes=2):
            continue
        if pdu.startswith("pdu-a") and ROWA_OFF <= t < add(POWER_BACK, minutes=2):
            continue
        S(add(t, seconds=rng.randint(0, 20)), pdu + ".nyc2", "rPDU", "Outlet group 2 load %.1fA (threshold 16.0A)" % rng.uniform(5.5, 7.2))
for t in poisson_times(rng, W0, STARTED, 1 / 600.0):
    S(t, "ats-nyc2-1", "ATS", "Utility source voltage deviation %+.1f%% (within tolerance)" % rng.uniform(-2.5, 2.5))
S(STARTED, "ups-nyc2-b", "UPS", "UPS: Switched to battery power. Reason: Input voltage out of range (0.0 VAC).")
S(add(STARTED, seconds=0.4), "ups-nyc2-a", "UPS", "UPS: Switched to battery power. Reason: Input voltage out of range (0.0 VAC).")
S(add(STARTED, seconds=2), "ats-nyc2-1", "ATS", "Utility source lost. Start signal sent to GEN-1.")
S(add(STARTED, seconds=12), "gen-nyc2-1", "GENCTL", "GEN-1 FAIL TO START (overcrank after 3 attempts). Engine locked out, manual reset required.")
S(add(STARTED, seconds=13), "ats-nyc2-1", "ATS", "Emergency source not available. Load remains on UPS.")
S(T(D + "13:45:31"), "ups-nyc2-b", "UPS", "UPS: Runtime remaining below alarm threshold (00:04:20).")
S(T(D + "13:48:02"), "ups-nyc2-b", "UPS", "UPS: Battery capacity low (12%). Load will be shed.")
S(ROWB_OFF, "ups-nyc2-b", "UPS", "UPS: Output power turned off. Reason: Low battery runtime.")
S(T(D + "13:52:44"), "ups-nyc2-a", "UPS", "UPS: Runtime remaining below alarm threshold (00:05:50).")
S(ROWA_OFF, "ups-nyc2-a", "UPS", "UPS: Output power turned off. Reason: Low battery runtime.")
S(T(D + "14:31:10"), "gen-nyc2-1", "GENCTL", "GEN-1 lockout reset by operator at panel.")
S(POWER_BACK, "ats-nyc2-1", "ATS", "Utility source restored (121.4 VAC). Load on utility.")
S(add(POWER_BACK, seconds=3), "ups-nyc2-a", "UPS", "UPS: Output power turned on. Input power restored.")
S(add(POWER_BACK, seconds=5), "ups-nyc2-b", "UPS", "UPS: Output power turned on. Input power restored.")
S(add(POWER_BACK, seconds=40), "ups-nyc2-b", "UPS", "UPS: Battery charging (8%).")
sy.sort(key=lambda x: x[0])
inc.lines("remote/nyc2-power.log", [l for _, l in sy])

# ---- kamailio journal export (JSON, one object per line) from the cloud SIP edges
jr = []
BOOT = {"sip-edge-1": uuid("boot1").replace("-", ""), "sip-edge-2": uuid("boot2").replace("-", "")}
def J(t, host, ident, prio, msg, unit="kamailio.service", pid=1187):
    us = int(round(epoch(t) * 1e6))
    jr.append((t, jline({"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x" % (uid(host, 32), 0x5a000 + len(jr), BOOT[host], us % 10**9, us),
                         "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1786000000000000),
                         "_BOOT_ID": BOOT[host], "_HOSTNAME": host, "_TRANSPORT": "syslog", "PRIORITY": str(prio),
                         "SYSLOG_FACILITY": "16", "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_SYSTEMD_UNIT": unit, "MESSAGE": msg})))
NYC = ["10.40.2.%d" % i for i in (11, 12, 13, 14)]
CHI = ["10.60.1.%d" % i for i in (21, 22, 23, 24)]
for t in poisson_times(rng, W0, W1, 0.16):
    host = rng.choice(["sip-edge-1", "sip-edge-2"])
    homed = "nyc2" if rng.random() < 0.6 else "chi1"
    cid = uid("c%f" % epoch(t), 24) + "@sip-edge"
    frm, to = "+1%d" % rng.randint(2012000000, 9899999999), "+1%d" % rng.randint(2012000000, 9899999999)
    if homed == "nyc2" and CALLS_FAIL <= t < MITIGATED:
        code, reason = rng.choice([(408, "Request Timeout"), (503, "Service Unavailable"), (503, "Service Unavailable")])
        J(t, host, "kamailio", 4, "ACC: transaction answered: method=INVITE;from_tag=%s;to_tag=;call_id=%s;code=%d;reason=%s;src_user=%s;dst_user=%s;dst_set=1"
          % (uid(cid, 8), cid, code, reason, frm, to))
    else:
        dst = rng.choice(CHI if (homed == "chi1" or t > MITIGATED) else NYC)
        J(t, host, "kamailio", 6, "ACC: transaction answered: method=INVITE;from_tag=%s;to_tag=%s;call_id=%s;code=200;reason=OK;src_user=%s;dst_user=%s;dst=sip:%s:5060"
          % (uid(cid, 8), uid(cid + "t", 8), cid, frm, to, dst))
for t, code, reason, host in [(CALLS_FAIL, 408, "Request Timeout", "sip-edge-2"), (add(MITIGATED, seconds=-2), 503, "Service Unavailable", "sip-edge-1")]:
    cid = uid("x%f" % epoch(t), 24) + "@sip-edge"
    J(t, host, "kamailio", 4, "ACC: transaction answered: method=INVITE;from_tag=%s;to_tag=;call_id=%s;code=%d;reason=%s;src_user=+12125550143;dst_user=+16465550198;dst_set=1"
      % (uid(cid, 8), cid, code, reason))
for t in poisson_times(rng, W0, W1, 1 / 90.0):  # benign: carrier TCP resets all day
    J(t, rng.choice(["sip-edge-1", "sip-edge-2"]), "kamailio", 4, "WARNING: <core> [core/tcp_read.c:1516]: tcp_read_data(): error reading: Connection reset by peer (104) ([208.76.%d.%d]:5061 ->"
      % (rng.randint(0, 255), rng.randint(1, 254)))
for i, ip in enumerate(NYC):
    for host in ("sip-edge-1", "sip-edge-2"):
        J(add(ROWB_OFF, seconds=6 + i + (2 if host == "sip-edge-2" else 0)), host, "kamailio", 3,
          "ERROR: dispatcher [dispatch.c:3304]: ds_ping_reply_callback(): probing failed for sip:%s:5060 (408 Request Timeout), destination set to inactive" % ip)
J(add(ALERT, seconds=-40), "sip-edge-1", "kamailio", 3, "ERROR: dispatcher [dispatch.c:2281]: ds_select_dst_limit(): no active destination in set 1")
for host, dt in (("sip-edge-1", 0), ("sip-edge-2", 6)):
    J(add(FAILOVER, seconds=dt - 1), host, "sudo", 5, "rdiaz : TTY=pts/0 ; PWD=/home/rdiaz ; USER=root ; COMMAND=/usr/sbin/kamcmd dispatcher.reload", unit="session-4411.scope", pid=22871)
    J(add(FAILOVER, seconds=dt), host, "kamailio", 6, "INFO: dispatcher [dispatch.c:872]: ds_load_list(): loaded 4 destinations for set 1 from /etc/kamailio/dispatcher.list (sip:10.60.1.21-24 chi1)")
for c in CRON[-1:]:
    J(c, "sip-edge-1", "systemd", 3, "cdr-rotate.service: Main process exited, code=exited, status=1/FAILURE", unit="init.scope", pid=1)
    J(add(c, seconds=0.01), "sip-edge-1", "systemd", 4, "cdr-rotate.service: Failed with result 'exit-code'.", unit="init.scope", pid=1)
jr.sort(key=lambda x: x[0])
inc.lines("sip-edge.journal.json", [l for _, l in jr])

# ---- prometheus query_range
def succ(site):
    def f(t):
        if site == "nyc2" and add(CALLS_FAIL, seconds=2) <= t <= add(MITIGATED, seconds=10):
            return 0.0
        return 0.985 + 0.004 * ((int(epoch(t)) // 60) % 3)
    return f
def active(site):
    def f(t):
        base = 4100 + 60 * ((int(epoch(t)) // 120) % 5)
        if site == "nyc2":
            return 0 if nyc2_down(t) else base * 0.6
        return base * (1.0 if t > add(MITIGATED, minutes=2) else 0.4)
    return f
inc.json("voice_qos.json", query_range(
    [({"__name__": "sip:call_setup_success:ratio_rate1m", "home_site": s}, succ(s)) for s in ("nyc2", "chi1")] +
    [({"__name__": "media_active_calls", "site": s}, active(s)) for s in ("nyc2", "chi1")], W0, W1, 30), indent=None)

# ---- alertmanager API alerts snapshot
snap = add(DIAG, minutes=2, seconds=10)
al = [amtool_alert("UPSOnBattery", {"severity": "warning", "team": "dc-ops", "site": "nyc2", "ups": "ups-nyc2-b"}, "UPS ups-nyc2-b on battery", UPS_ALERT, snap, ("slack-dc-ops",)),
      amtool_alert("UPSOnBattery", {"severity": "warning", "team": "dc-ops", "site": "nyc2", "ups": "ups-nyc2-a"}, "UPS ups-nyc2-a on battery", UPS_ALERT, snap, ("slack-dc-ops",)),
      amtool_alert("SipDispatcherSetDown", {"severity": "critical", "team": "voice", "set": "1", "site": "nyc2"}, "No active destinations in dispatcher set 1 (nyc2 media)", ALERT, snap, ("pagerduty-voice",)),
      amtool_alert("CallSetupSuccessLow", {"severity": "critical", "team": "voice", "home_site": "nyc2"}, "Call setup success 0% for nyc2-homed numbers", T(D + "13:52:10"), snap, ("pagerduty-voice",)),
      amtool_alert("ElasticsearchClusterYellow", {"severity": "warning", "team": "search", "cluster": "logs-es"}, "logs-es cluster health yellow", T(D + "13:57:00"), snap, ("slack-search",)),
      amtool_alert("KubePodCrashLooping", {"severity": "warning", "team": "messaging", "namespace": "sms", "pod": "sms-dlr-worker-6c8f-2kx9p"}, "sms-dlr-worker crash looping", T(D + "12:31:00"), snap, ("slack-messaging",), state="suppressed", silenced_by=(uuid("sil1"),))]
inc.json("alerts-snapshot.json", al)

# ---- pagerduty v2 webhooks, one body per line
pd = PD(7731, "CallSetupSuccessLow nyc2-homed calls failing", "voice-platform", "PVOX001")
rd = PD.user("Rosa Diaz", "PROSAD1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "id": "PAMVX1", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", rd, {"type": "mobile"}, "Acknowledged by Rosa Diaz.")
pd.add(add(ACK, minutes=9), "annotate_log_entry", rd, {"type": "web_ui", "summary": "nyc2 colo lost utility power, generator failed; failing over to chi1"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", rd, {"type": "web_ui"}, "Resolved by Rosa Diaz.")
inc.lines("pd-hooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 7731, "CallSetupSuccessLow nyc2-homed calls failing", PAGE)])

# ---- deploy history
rows = [("2026-08-19 12:10:44", "media-server", "4.8.0", "ci-bot", "ok"), ("2026-08-19 13:20:31", "portal-web", "2026.33.2", "ci-bot", "ok"),
        (iso(OTHER).replace("T", " ").rstrip("Z"), "messaging-api", "9.14.1", "jwu", "ok"), ("2026-08-19 15:21:09", "billing-rater", "3.2.7", "ci-bot", "ok")]
inc.write("deploy_history.csv", "finished_utc;app;version;by;result\n" + "".join(";".join(r) + "\n" for r in rows))

# ---- slack
s = Slack()
for u, n, r, tz in [("UVROSA", "rosa", "Rosa Diaz", "America/New_York"), ("UVDEV", "dev.p", "Dev Patel", "America/Chicago"),
                    ("UVKIM", "kim", "Kim Alvarez", "America/New_York"), ("UVJWU", "jwu", "Jia Wu", "America/Los_Angeles"),
                    ("UVDCO", "marcus.dc", "Marcus Reed", "America/New_York")]:
    s.user(u, n, r, tz)
for cid, n, p in [("CVINC", "inc-voice", "voice incidents"), ("CVALR", "voice-alerts", ""), ("CVDC", "dc-ops", "datacenter ops"), ("CVSTA", "statuspage", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("voice-alerts", add(c, seconds=30), "BVAM", "alertmanager", attachments=am_slack_attachment("firing", "CdrRotateFailed", "cdr-rotate.service failed on sip-edge-1", color="warning"))
for a, b in [("13:10:00", "13:16:00"), ("13:57:00", "14:02:30"), ("14:40:00", "14:44:00"), ("15:12:00", "15:19:00")]:
    s.bot("voice-alerts", T(D + a), "BVAM", "alertmanager", attachments=am_slack_attachment("firing", "ElasticsearchClusterYellow", "logs-es cluster health yellow (team search)", color="warning"))
    s.bot("voice-alerts", T(D + b), "BVAM", "alertmanager", attachments=am_slack_attachment("resolved", "ElasticsearchClusterYellow", "logs-es cluster health green"))
s.bot("dc-ops", UPS_ALERT, "BVAM", "alertmanager", attachments=am_slack_attachment("firing", "UPSOnBattery", "UPS ups-nyc2-b on battery\nUPS ups-nyc2-a on battery", color="warning"))
s.bot("voice-alerts", ALERT, "BVAM", "alertmanager", attachments=am_slack_attachment("firing", "SipDispatcherSetDown", "No active destinations in dispatcher set 1 (nyc2 media)"))
s.bot("voice-alerts", ALERT_OK, "BVAM", "alertmanager", attachments=am_slack_attachment("resolved", "SipDispatcherSetDown", "dispatcher set 1 has 4 active destinations"))
s.say("dc-ops", T(D + "13:44:02"), "UVDCO", "colo ticket opened with the provider about the utility blip, checking on site")
c = "inc-voice"
s.say(c, T(D + "13:53:00"), "UVKIM", "getting reports of calls not connecting, anyone looking?")
s.say(c, add(ACK, seconds=20), "UVROSA", "acked. every nyc2 media server stopped answering OPTIONS at 13:50, dispatcher set 1 is empty, 408/503 on all nyc2-homed DIDs")
s.say(c, HUNCH, "UVDEV", "carrier issue? Lumen had an outage last month that looked like this")
s.say(c, add(HUNCH, seconds=45), "UVROSA", "no, chi1-homed calls over the same carriers are fine")
s.say(c, ROLLBACK_Q, "UVKIM", "should we roll back this morning's media-server 4.8 release?")
s.say(c, add(ROLLBACK_Q, seconds=50), "UVROSA", "chi1 runs 4.8 too and is fine. something is wrong with the site, not the build")
s.say(c, DIAG, "UVDCO", "nyc2 is dark. utility power dropped at 9:41 local, GEN-1 failed to start and the row B UPS ran out at 9:49, row A just went too. "
      "that's why nothing in nyc2 answers")
s.say(c, T(D + "13:59:30"), "UVROSA", "ok, failing set 1 over to chi1 per the site-loss runbook, chi1 has headroom for all of it")
s.say(c, add(FAILOVER, seconds=45), "UVROSA", "dispatcher reloaded on both edges, set 1 -> chi1. test calls to nyc2 DIDs connect")
s.say(c, T(D + "14:08:00"), "UVROSA", "setup success back to 98.6% for everything. calls that were up at 13:50 were dropped, nothing we can do about those")
s.say(c, T(D + "14:55:00"), "UVDCO", "utility is back since 10:52 local, gen reset. hardware coming up, will verify before any failback")
s.say(c, add(RESOLVED, seconds=-60), "UVROSA", "resolving. staying on chi1 overnight, failback tomorrow in the window. postmortem: generator maintenance + UPS runtime")
s.say("voice-alerts", add(OTHER, seconds=20), "UVJWU", "messaging-api 9.14.1 going out, sms only")
s.bot("statuspage", STATUS, "BVSP", "Statuspage", attachments=[{"color": "E01E5A", "title": "Investigating - Calls failing for some numbers", "fallback": "Investigating",
      "text": "Inbound and outbound calls for some numbers are failing. We're investigating.", "mrkdwn_in": ["text"]}])
s.bot("statuspage", add(MITIGATED, minutes=6), "BVSP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Monitoring - Calls", "fallback": "Monitoring",
      "text": "Calls are connecting again. Calls in progress at 13:50 UTC were disconnected.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "voice-colo-power-failover", "colo-utility-power-loss-generator-fail-site-failover",
    "Utility power to the nyc2 colo failed, GEN-1 failed to start and the UPSes ran out eight minutes later; every nyc2 media server went dark\n"
    "and calls to nyc2-homed numbers failed (408/503) until the SIP edges' dispatcher set 1 was failed over to chi1 (power log in New York local time).",
    (W0, W1),
    dict(started=STARTED, detected=UPS_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "nyc2 UPSes switch to battery: utility power lost, GEN-1 fails to start", "remote/nyc2-power.log"),
     (UPS_ALERT, "alert_fired", "UPSOnBattery warning (dc-ops)", "alerts-snapshot.json"),
     (CALLS_FAIL, "first_symptom", "row B UPS off; nyc2 media servers unreachable, INVITEs to set 1 fail 408/503", "sip-edge.journal.json"),
     (PAGE, "paged", "PagerDuty #7731 CallSetupSuccessLow triggered", "pd-hooks.ndjson"),
     (ACK, "acknowledged", "Rosa acknowledges", "pd-hooks.ndjson"),
     (DIAG, "diagnosis", "nyc2 is dark: utility power lost, generator failed, UPS ran out", "slack"),
     (STATUS, "communication", "Statuspage: calls failing for some numbers", "slack"),
     (FAILOVER, "mitigation", "dispatcher set 1 reloaded to point at chi1 on both SIP edges", "sip-edge.journal.json"),
     (MITIGATED, "recovery", "calls to nyc2-homed numbers connect again via chi1", "sip-edge.journal.json"),
     (ALERT_OK, "alert_resolved", "SipDispatcherSetDown resolved", "slack"),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-hooks.ndjson")],
    [(CRON[-1], "daily cdr-rotate.service failure (CdrRotateFailed every day 14:15)", "sip-edge.journal.json"),
     (OTHER, "messaging-api deploy by the messaging team", "deploy_history.csv"),
     (T(D + "13:57:00"), "search team's ElasticsearchClusterYellow flapping", "slack"),
     (ROLLBACK_Q, "'should we roll back media-server 4.8?' question, not done", "slack"),
     (HUNCH, "wrong hunch: carrier outage", "slack"),
     (T(D + "14:30:00"), "steady carrier TCP connection resets all window", "sip-edge.journal.json"),
     (T(D + "12:10:44"), "morning media-server 4.8.0 release, not the cause", "deploy_history.csv")],
    [("remote/nyc2-power.log", "logs", TZ), ("sip-edge.journal.json", "logs"), ("voice_qos.json", "prometheus-query-range"),
     ("alerts-snapshot.json", "alertmanager-api-alerts"), ("pd-hooks.ndjson", "pagerduty-log-entries"), ("deploy_history.csv", "deploys"),
     ("slack", "slack-export")])
