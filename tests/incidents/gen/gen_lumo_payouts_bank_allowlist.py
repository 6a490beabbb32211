"""retired16/lumo-payouts-bank-allowlist: a network Terraform run moves the integration subnets to a new NAT gateway; its
Elastic IP is not on the bank's host-to-host SFTP allowlist, so the half-hourly payout-file transfers time out. The page is
acknowledged after an escalation; a manual upload from the bastion only clears the pending files, reverting the route ends it."""
import random
from common import *

rng = random.Random(20261020)
inc = Incident("retired16", "lumo-payouts-bank-allowlist")
LTZ = "Europe/Stockholm"
D = "2026-10-20 "
W0, W1 = T(D + "08:30:00"), T(D + "12:30:00")
TF_APPLY = T(D + "09:12:40")
STARTED = T(D + "09:30:32")
WARN = T(D + "09:45:10")
OTHER_TF = T(D + "10:03:30")
PAGE_ALERT = T(D + "10:11:50")
PAGE = T(D + "10:11:51")
ESC = T(D + "10:26:51")
ACK = T(D + "10:29:55")
WRONG = T(D + "10:33:40")
ROLLBACK_Q = T(D + "10:36:10")
DIAG = T(D + "10:41:20")
MAIL_OUT = T(D + "10:44:30")
MANUAL = T(D + "10:49:30")
TF_REVERT = T(D + "11:06:40")
RUN_NOW = T(D + "11:07:30")
MITIGATED = T(D + "11:07:52")
PAGE_OK = T(D + "11:08:30")
BANK_REPLY = T(D + "11:20:04")
WARN_OK = T(D + "11:20:10")
ACKS = T(D + "11:30:20")
RESOLVED = T(D + "11:38:15")
RECON = [T("2026-10-%02d 09:20:%02d" % (d, 4 + d % 7)) for d in (17, 18, 19, 20)]
OLD_EIP, NEW_EIP = "52.17.201.10", "3.250.18.77"

def blocked(t):
    return TF_APPLY <= t < TF_REVERT

# ---- journald export (journalctl -o json, collected on the log host from two machines)
jl = []
boot = {"int-h2h-01": uuid("boot-h2h").replace("-", ""), "ops-bastion-1": uuid("boot-bastion").replace("-", "")}
mono0 = {"int-h2h-01": T("2026-10-02 06:14:00"), "ops-bastion-1": T("2026-09-28 22:40:00")}
def J(t, host, ident, unit, pid, prio, msg, **extra):
    us = int(round(epoch(t) * 1e6))
    e = {"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid(host, 32), 0x1a2b00 + len(jl), boot[host], us - int(epoch(mono0[host]) * 1e6), us, uid(msg, 16)),
         "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - int(epoch(mono0[host]) * 1e6)), "_BOOT_ID": boot[host],
         "PRIORITY": str(prio), "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_UID": "994", "_GID": "994",
         "_COMM": ident[:15], "_SYSTEMD_UNIT": unit, "_HOSTNAME": host, "_TRANSPORT": "stdout", "MESSAGE": msg, **extra}
    jl.append((t, jline(e)))
pid = 40000
def fname(ct, i):
    return "PAYOUT_%s_%s_%04d.xml" % (ct.strftime("%Y%m%d"), ct.strftime("%H%M"), i + 1)
def run(t0, ok, files, manual=False, acks=None):
    global pid
    pid += rng.randint(3, 40)
    tag = t0.strftime("%H%M")
    J(t0, "int-h2h-01", "systemd", "init.scope", 1, 6, "Starting h2h-sender.service - Nordbanken host-to-host payout transfer...")
    J(add(t0, seconds=0.6), "int-h2h-01", "h2h-sender", "h2h-sender.service", pid, 6,
      "INFO run=%s pending=%d connecting to h2h.nordbanken.example:22 user=lumo-h2h%s" % (tag, len(files), " trigger=manual" if manual else ""))
    if ok:
        c = add(t0, seconds=1.3 if not manual else 22.0)
        J(c, "int-h2h-01", "h2h-sender", "h2h-sender.service", pid, 6, "INFO run=%s connected, host key ecdsa-sha2-nistp256 SHA256:q3b0Yh7Nf2Lk9xq0c1vVv8mQ3oZ8TqkHf4h0sWc7J2E verified" % tag)
        for i, f in enumerate(files):
            J(add(c, seconds=1 + i * 0.9), "int-h2h-01", "h2h-sender", "h2h-sender.service", pid, 6,
              "INFO run=%s uploaded /inbound/pain001/%s (%d bytes)" % (tag, f, rng.randint(40000, 900000)))
        n = acks if acks is not None else rng.randint(0, 2)
        J(add(c, seconds=2 + len(files)), "int-h2h-01", "h2h-sender", "h2h-sender.service", pid, 6, "INFO run=%s ack poll: %d new pain.002 (ACCP)" % (tag, n))
        J(add(c, seconds=2.5 + len(files)), "int-h2h-01", "systemd", "init.scope", 1, 6, "h2h-sender.service: Deactivated successfully.")
        return
    for a in range(3):
        J(add(t0, seconds=30.6 + a * 31), "int-h2h-01", "h2h-sender", "h2h-sender.service", pid, 3,
          "ERROR run=%s connect to h2h.nordbanken.example:22 failed: timed out (attempt %d/3, source %s)" % (tag, a + 1, "10.40.3.18"))
    J(add(t0, seconds=93.8), "int-h2h-01", "h2h-sender", "h2h-sender.service", pid, 3,
      "ERROR run=%s giving up, %d pain.001 file(s) stay pending; next run in 30 min" % (tag, len(files)))
    J(add(t0, seconds=94.0), "int-h2h-01", "systemd", "init.scope", 1, 4, "h2h-sender.service: Main process exited, code=exited, status=75/TEMPFAIL")
    J(add(t0, seconds=94.0), "int-h2h-01", "systemd", "init.scope", 1, 4, "h2h-sender.service: Failed with result 'exit-code'.")
pending, PEND, delayed = [], {}, 0
RUNS = list(frange(T(D + "08:30:02"), W1, 1800))
for t in RUNS:
    ct = add(t, seconds=-62)                       # payout batch files are written a minute before each run
    pending += [fname(ct, i) for i in range(rng.randint(1, 2))]
    if blocked(t):
        run(t, False, pending)
        PEND[t] = len(pending)
    else:
        run(t, True, pending, acks=delayed if t == T(D + "11:30:02") else None)
        pending = []
    if t == T(D + "10:30:02"):
        AT_MANUAL = len(pending)
        delayed += len(pending)
        pending = []                               # uploaded by hand from the bastion at 10:49:30
    if t == T(D + "11:00:02"):
        AT_RUN_NOW = len(pending)
        delayed += len(pending)
        run(RUN_NOW, True, pending, manual=True)
        pending = []
# Kassabanken statement fetch: steady benign banner errors, retried
for t in frange(T(D + "08:15:04"), W1, 1800):
    p2 = 52000 + int(epoch(t)) % 997
    J(t, "int-h2h-01", "camt-fetch", "camt-fetch.service", p2, 6, "INFO fetching camt.053 from sftp.kassabanken.example")
    if rng.random() < 0.35:
        J(add(t, seconds=15.2), "int-h2h-01", "camt-fetch", "camt-fetch.service", p2, 4, "WARNING paramiko.transport: Error reading SSH protocol banner[Errno 104] Connection reset by peer; retrying in 5s")
    J(add(t, seconds=22), "int-h2h-01", "camt-fetch", "camt-fetch.service", p2, 6, "INFO camt.053: %d statement(s) fetched" % rng.randint(0, 2))
for c in RECON[-1:]:
    J(c, "int-h2h-01", "recon-upload", "recon-upload.service", 61200, 3, "ERROR upload recon_20261019.xlsx to Finance/Recon failed: 403 Forbidden accessDenied (Microsoft Graph)")
    J(add(c, seconds=0.2), "int-h2h-01", "systemd", "init.scope", 1, 4, "recon-upload.service: Failed with result 'exit-code'.")
# bastion: the manual upload
J(add(MANUAL, seconds=-75), "ops-bastion-1", "sshd", "ssh.service", 88121, 6, "Accepted publickey for elin.berg from 10.0.8.44 port 51822 ssh2: ED25519 SHA256:Qm8f3x...")
J(MANUAL, "ops-bastion-1", "sudo", "session-1182.scope", 88160, 5,
  "elin.berg : TTY=pts/1 ; PWD=/home/elin.berg ; USER=h2h ; COMMAND=/usr/bin/sftp -b /tmp/payouts-pending.batch -i /etc/h2h/id_ed25519 lumo-h2h@h2h.nordbanken.example")
J(add(MANUAL, seconds=9), "ops-bastion-1", "sudo", "session-1182.scope", 88160, 6, "pam_unix(sudo:session): session closed for user h2h")
inc.lines("int-h2h-01/export.json", [l for _, l in sorted(jl, key=lambda x: x[0])])

# ---- Terraform Cloud runs (JSON:API, change record)
ws = {"network-prod": "ws-N7kq2XbTf9", "analytics-warehouse": "ws-A1c8Zp3LmQ", "edge-dns": "ws-E5h2Rt7Wn0"}
runs, included = [], []
def R(applied, wsn, msg, who, secs_plan=60):
    rid = "run-" + uid(wsn + iso(applied), 16)
    created = add(applied, seconds=-(secs_plan + 140))
    ts = {"plan-queued-at": iso(add(created, seconds=2)), "planning-at": iso(add(created, seconds=5)), "planned-at": iso(add(created, seconds=5 + secs_plan)),
          "confirmed-at": iso(add(applied, seconds=-40)), "apply-queued-at": iso(add(applied, seconds=-38)), "applying-at": iso(add(applied, seconds=-35)),
          "applied-at": iso(applied)}
    runs.append({"id": rid, "type": "runs", "attributes": {"status": "applied", "message": msg, "source": "tfe-ui" if "revert" in msg.lower() else "tfe-configuration-version",
                 "trigger-reason": "manual", "is-destroy": False, "created-at": iso(created, ms=True), "has-changes": True, "auto-apply": False,
                 "status-timestamps": ts},
                 "relationships": {"workspace": {"data": {"id": ws[wsn], "type": "workspaces"}}, "created-by": {"data": {"id": "user-" + uid(who, 12), "type": "users"}}}})
R(T("2026-10-19 13:44:10"), "edge-dns", "Merge pull request #881: lower TTL on api.lumo.se for migration", "sara.holm")
R(TF_APPLY, "network-prod", "Merge pull request #2291 from oskar/nat-per-az: consolidate egress NAT per AZ (integration subnets -> nat-0c7e41b2)", "oskar.lind")
R(OTHER_TF, "analytics-warehouse", "Merge pull request #412: add clustering keys to events_daily", "mei.chen")
R(TF_REVERT, "network-prod", "Revert \"consolidate egress NAT per AZ\" for subnet-int-a/b: keep nat-0a1f9e37 until Nordbanken allowlists 3.250.18.77", "oskar.lind", 45)
for n, i in ws.items():
    included.append({"id": i, "type": "workspaces", "attributes": {"name": n}})
runs.sort(key=lambda r: r["attributes"]["created-at"], reverse=True)
inc.json("network/runs.json", {"data": runs, "included": included, "meta": {"pagination": {"current-page": 1, "total-count": len(runs)}}})

# ---- OpenMetrics from the h2h exporter
def pend_at(t):
    for rt in sorted(PEND, reverse=True):
        if rt <= t:
            if rt == T(D + "10:30:02") and t >= add(MANUAL, seconds=9):
                return 0
            if rt == T(D + "11:00:02") and t >= add(MITIGATED, seconds=2):
                return 0
            return PEND[rt] if t < add(rt, minutes=30) else 0
    return 0
def step(t0, t1, s):
    return list(frange(t0, t1, s))
pts_ok, pts_fail, pts_last = [], [], []
ok_n, fail_n, last = 1840.0, 37.0, epoch(T(D + "08:00:21"))
for t in step(T(D + "08:30:00"), W1, 60):
    for rt in list(frange(T(D + "08:30:02"), W1, 1800)) + [RUN_NOW]:
        if add(t, seconds=-60) < rt <= t:
            if blocked(rt):
                fail_n += 1
            else:
                ok_n += 1
                last = epoch(rt) + 19
    pts_ok.append((t, ok_n)); pts_fail.append((t, fail_n)); pts_last.append((t, last))
inc.write("int-h2h-01/scrape.txt", openmetrics([
    ("h2h_runs", "counter", "h2h-sender runs by result", [({"bank": "nordbanken", "result": "ok"}, pts_ok), ({"bank": "nordbanken", "result": "failed"}, pts_fail)]),
    ("h2h_last_success_timestamp_seconds", "gauge", "Unix time of the last run that uploaded and polled successfully", [({"bank": "nordbanken"}, pts_last)]),
    ("h2h_pending_files", "gauge", "pain.001 files waiting for upload",
     [({"bank": "nordbanken"}, [(t, pend_at(t)) for t in step(T(D + "08:30:00"), W1, 60)])])]))

# ---- Alertmanager webhook archive (back to the 17th)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
wl = {"severity": "warning", "team": "payments-integrations", "bank": "nordbanken"}
H(add(WARN, seconds=5), am_webhook("slack-payint", [am_alert("H2HTransferFailures", wl, "Nordbanken H2H runs failing (1 failed run in 15m)", WARN)]))
H(add(WARN_OK, seconds=5), am_webhook("slack-payint", [am_alert("H2HTransferFailures", wl, "Nordbanken H2H runs failing", WARN, ends=WARN_OK)]))
pl = {"severity": "page", "team": "payments-integrations", "bank": "nordbanken"}
H(add(PAGE_ALERT, seconds=1), am_webhook("pd-payint", [am_alert("H2HLastSuccessTooOld", pl, "No successful Nordbanken H2H run for 70m, payouts at risk for the 14:00 CET cut-off", PAGE_ALERT)]))
H(add(PAGE_OK, seconds=4), am_webhook("pd-payint", [am_alert("H2HLastSuccessTooOld", pl, "No successful Nordbanken H2H run for 70m", PAGE_ALERT, ends=PAGE_OK)]))
rl = {"severity": "ticket", "team": "finance-eng", "unit": "recon-upload.service"}
for c in RECON:
    H(add(c, minutes=1, seconds=5), am_webhook("slack-finance", [am_alert("SystemdUnitFailed", rl, "recon-upload.service failed on int-h2h-01", add(c, minutes=1))]))
    H(add(c, hours=2, minutes=1), am_webhook("slack-finance", [am_alert("SystemdUnitFailed", rl, "recon-upload.service failed on int-h2h-01", add(c, minutes=1), ends=add(c, hours=2))]))
kl = {"severity": "warning", "team": "data", "service": "kafka-connect"}
for a, b in [("08:52:00", "08:55:30"), ("09:58:30", "10:02:00"), ("10:40:10", "10:44:00"), ("11:51:00", "11:53:30")]:
    H(add(T(D + a), seconds=5), am_webhook("slack-data", [am_alert("KafkaConnectTaskRestarting", {**kl, "connector": "events-s3-sink"}, "events-s3-sink task restarting", T(D + a))]))
    H(add(T(D + b), seconds=5), am_webhook("slack-data", [am_alert("KafkaConnectTaskRestarting", {**kl, "connector": "events-s3-sink"}, "events-s3-sink task restarting", T(D + a), ends=T(D + b))]))
inc.lines("hooks/archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty v2 webhooks (with an escalation by timeout)
pd = PD(7316, "H2HLastSuccessTooOld nordbanken", "Payments Integrations", "PPINT09", "Payments Integrations")
tomasz = PD.user("Tomasz Nowak", "PTOMNOW")
elin = PD.user("Elin Berg", "PELINBG")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMLUM1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Tomasz Nowak by push notification.", user=tomasz)
pd.add(add(PAGE, minutes=5, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Tomasz Nowak by phone.", user=tomasz)
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", assigned_user=elin)
pd.add(add(ESC, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Elin Berg by phone.", user=elin)
pd.add(ACK, "acknowledge_log_entry", elin, {"type": "phone"}, "Acknowledged by Elin Berg.")
pd.add(add(DIAG, seconds=90), "annotate_log_entry", elin, {"type": "web_ui", "summary": "Egress IP changed by network TF run, not on Nordbanken allowlist"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", elin, {"type": "web_ui"}, "Resolved by Elin Berg.")
inc.lines("hooks/oncall.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 7316, "H2HLastSuccessTooOld nordbanken", PAGE)])

# ---- bank correspondence (Maildir of payments-integrations@)
def eml(t, zone, frm, to, subj, body, cc=None, inrep=None):
    import email.utils as eu
    addr = frm.split("<")[1].rstrip(">")
    mid = "<%s@%s>" % (uid(subj + iso(t), 22), addr.split("@")[1])
    hdr = ["Return-Path: <%s>" % addr, "Delivered-To: payments-integrations@lumo.se",
           "Received: from mail.lumo.se by mx1.lumo.se with ESMTPS; %s" % eu.format_datetime(add(t, seconds=3).astimezone(UTC)),
           "Date: %s" % eu.format_datetime(local(t, zone)), "From: %s" % frm, "To: %s" % to] + (["Cc: %s" % cc] if cc else []) + \
          ["Subject: %s" % subj, "Message-ID: %s" % mid] + (["In-Reply-To: %s" % inrep] if inrep else []) + \
          ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    name = "%d.M%dP%d.mx1,S=%d:2,S" % (int(epoch(t)), rng.randint(100000, 999999), rng.randint(1000, 99999), len(body))
    inc.write("mailbox/cur/" + name, "\n".join(hdr) + "\n" + body)
    return mid
eml(T("2026-10-13 07:30:00"), "Europe/Stockholm", "Nordbanken Corporate Connectivity <h2h-notices@nordbanken.example>", "payments-integrations@lumo.se",
    "Planned maintenance: Host-to-Host SFTP, Sunday 25 October 02:00-06:00 CET",
    "Dear customer,\n\nthe Host-to-Host SFTP service will be unavailable on Sunday 25 October between 02:00 and 06:00 CET.\nFiles delivered in that window will be rejected; please resend afterwards.\n\nNordbanken Corporate Connectivity\n")
m1 = eml(MAIL_OUT, "Europe/Stockholm", "Elin Berg <elin.berg@lumo.se>", "h2h-support@nordbanken.example",
         "Urgent: please add 3.250.18.77 to H2H allowlist for agreement LUMO-H2H-0042",
         "Hello,\n\nour outbound address for host-to-host changed today and our connections to h2h.nordbanken.example:22 are dropped.\n"
         "Please add 3.250.18.77 to the allowlist for agreement LUMO-H2H-0042 (existing: 52.17.201.10, 52.17.201.11).\n"
         "We are routing back via the old address for now so today's payouts reach you before the 14:00 cut-off.\n\nElin Berg, Lumo payments integrations\n",
         cc="payments-integrations@lumo.se")
eml(BANK_REPLY, "Europe/Stockholm", "Nordbanken H2H Support <h2h-support@nordbanken.example>", "elin.berg@lumo.se",
    "RE: Urgent: please add 3.250.18.77 to H2H allowlist for agreement LUMO-H2H-0042 [CS0918273]",
    "Hello Elin,\n\nthank you. Firewall changes follow our change process: CR0088213 adds 3.250.18.77 for LUMO-H2H-0042 on\n"
    "21 October at 08:00 CET. We confirm reception of today's files up to 13:07 CEST with status ACCP.\n\nNordbanken H2H Support\n",
    cc="payments-integrations@lumo.se", inrep=m1)
eml(T(D + "09:20:40"), "UTC", "Microsoft Power Automate <no-reply@powerautomate.example>", "payments-integrations@lumo.se",
    "Your flow 'Recon upload watcher' has failed", "recon_20261019.xlsx was not found in Finance/Recon.\n")

# ---- Slack export
s = Slack()
for u, n, r in [("UL1ELIN", "elin", "Elin Berg"), ("UL1TOM", "tomasz", "Tomasz Nowak"), ("UL1OSK", "oskar.net", "Oskar Lind"),
                ("UL1JON", "jonas.k", "Jonas Karlsson"), ("UL1FRI", "frida.finops", "Frida Ek"), ("UL1MEI", "mei", "Mei Chen")]:
    s.user(u, n, r, "Europe/Stockholm")
for cid, n, p in [("CL1PI", "payments-integrations", "H2H, PSPs, banks"), ("CL1INC", "inc-7316-h2h", "PD #7316"),
                  ("CL1NET", "netops", "network changes"), ("CL1FIN", "finance-ops", "")]:
    s.channel(cid, n, p)
s.bot("payments-integrations", add(WARN, seconds=6), "BL1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "H2HTransferFailures", "Nordbanken H2H runs failing (1 failed run in 15m)\nseverity: warning", color="warning"))
s.bot("payments-integrations", add(WARN_OK, seconds=6), "BL1AM", "alertmanager", attachments=am_slack_attachment("resolved", "H2HTransferFailures", "Nordbanken H2H runs failing"))
s.say("netops", add(TF_APPLY, seconds=95), "UL1OSK", "nat-per-az applied in network-prod (PR #2291), integration subnets now egress via nat-0c7e41b2. old NAT gw gets deleted Friday")
s.say("payments-integrations", T(D + "09:49:30"), "UL1JON", "h2h warning again, probably the bank being slow like last Tuesday, will look after standup")
ch = "inc-7316-h2h"
s.say(ch, add(ACK, seconds=50), "UL1ELIN", "got escalated to me, Tomasz is on a train. acked. h2h-sender hasn't reached Nordbanken since the 11:30 run, connect timeouts, %d payout files pending" % AT_MANUAL)
s.say(ch, WRONG, "UL1ELIN", "wasn't there a Nordbanken maintenance mail? maybe it's today")
s.say(ch, add(WRONG, seconds=70), "UL1FRI", "that mail says Sunday 25th")
s.say(ch, ROLLBACK_Q, "UL1JON", "should we roll back yesterday's h2h-sender 3.4 release?")
s.say(ch, T(D + "10:37:00"), "UL1ELIN", "3.4 ran fine all night, 18 runs ok. it's a plain TCP timeout, not the client")
s.say(ch, DIAG, "UL1OSK", "it's my NAT change: the 11:12 network-prod run moved subnet-int-a/b to nat-0c7e41b2 with EIP 3.250.18.77. connect timeouts, not auth errors = their firewall drops us. Nordbanken's allowlist only has 52.17.201.10/.11")
s.say(ch, add(MAIL_OUT, seconds=40), "UL1ELIN", "mailed Nordbanken H2H support to add 3.250.18.77, but their firewall changes take a CR")
s.say("finance-ops", T(D + "10:47:10"), "UL1ELIN", "heads-up: seller payout files since 11:30 CEST haven't reached Nordbanken, we're on it, cut-off 14:00 CET not at risk yet")
s.say(ch, add(MANUAL, seconds=30), "UL1ELIN", "uploaded the %d pending files by hand from ops-bastion-1 (its EIP is allowlisted). the scheduled runs will still fail though" % AT_MANUAL)
s.say(ch, T(D + "10:52:30"), "UL1OSK", "preparing a revert of the route tables for subnet-int-a/b to the old NAT, old one is still there")
s.say(ch, T(D + "11:01:45"), "UL1ELIN", "13:00 run failed again as expected, %d new file(s) pending" % AT_RUN_NOW)
s.say(ch, add(TF_REVERT, seconds=20), "UL1OSK", "revert applied, int subnets egress via nat-0a1f9e37 / 52.17.201.10 again")
s.say(ch, add(MITIGATED, seconds=25), "UL1ELIN", "manual h2h-sender run connected and uploaded the %d pending file(s)" % AT_RUN_NOW)
s.say(ch, add(ACKS, seconds=60), "UL1ELIN", "13:30 run fetched pain.002 ACCP for everything sent today. Nordbanken CR0088213 adds the new IP tomorrow 08:00 CET")
s.say(ch, add(RESOLVED, seconds=-30), "UL1ELIN", "resolving. follow-ups: partner allowlists in the NAT change checklist, keep the old EIP until CR is done")
s.say("netops", add(OTHER_TF, seconds=60), "UL1MEI", "analytics-warehouse apply done (clustering keys), no network changes")
s.write(inc, "slack-export")

inc.truth(
    "lumo-payouts-bank-allowlist", "egress-ip-change-not-on-partner-allowlist",
    "A network Terraform run moved the integration subnets to a new NAT gateway whose IP Nordbanken's H2H firewall does not allow;\n"
    "payout-file transfers timed out until a manual upload from the bastion and then a route revert; page acked after escalation.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(TF_APPLY, "change", "network-prod run applied: integration subnets to nat-0c7e41b2 (new EIP)", "network/runs.json", 60),
     (STARTED, "first_symptom", "h2h-sender connect to h2h.nordbanken.example:22 timed out (run 0930)", "int-h2h-01/export.json", 60),
     (WARN, "alert_fired", "H2HTransferFailures (warning)", "hooks/archive.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7316 triggered (H2HLastSuccessTooOld)", "hooks/oncall.ndjson", 60),
     (ACK, "acknowledged", "Elin Berg acknowledges after escalation by timeout", "hooks/oncall.ndjson", 60),
     (DIAG, "diagnosis", "Oskar: NAT change, new EIP not on Nordbanken's allowlist", "slack-export", 90),
     (MAIL_OUT, "communication", "mail to Nordbanken H2H support to allowlist the new IP", "mailbox", 90),
     (MANUAL, "mitigation", "pending files uploaded by hand from ops-bastion-1 (scheduled runs still fail)", "int-h2h-01/export.json", 60),
     (TF_REVERT, "mitigation", "network-prod revert run applied: integration subnets back on the old NAT", "network/runs.json", 60),
     (MITIGATED, "recovery", "manual h2h-sender run connects and uploads", "int-h2h-01/export.json", 60),
     (PAGE_OK, "alert_resolved", "H2HLastSuccessTooOld resolved", "hooks/archive.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #7316 resolved", "hooks/oncall.ndjson", 60)],
    [(RECON[-1], "daily recon-upload.service failure at 09:20 (Graph 403), also 17-19 Oct", "int-h2h-01/export.json"),
     (OTHER_TF, "data team's analytics-warehouse Terraform apply", "network/runs.json"),
     (T(D + "09:58:30"), "KafkaConnectTaskRestarting flapping for the data team", "hooks/archive.ndjson"),
     (T(D + "09:49:30"), "wrong hunch: the bank being slow", "slack-export"),
     (WRONG, "wrong hunch: Nordbanken maintenance (it is on Sunday 25th)", "slack-export"),
     (ROLLBACK_Q, "'should we roll back h2h-sender 3.4?' question, not done", "slack-export"),
     (ESC, "escalation by timeout (not an acknowledgement)", "hooks/oncall.ndjson"),
     (T(D + "10:15:00"), "steady Kassabanken camt fetch banner resets, retried", "int-h2h-01/export.json"),
     (T("2026-10-13 07:30:00"), "Nordbanken maintenance notice for 25 October", "mailbox")],
    [("int-h2h-01/export.json", "logs"), ("network/runs.json", "deploys"), ("int-h2h-01/scrape.txt", "openmetrics"),
     ("hooks/archive.ndjson", "alertmanager-webhook"), ("hooks/oncall.ndjson", "pagerduty-log-entries"),
     ("mailbox", "logs"), ("slack-export", "slack-export")])
