"""retired15/tessel-dci-fibre-cut: a contractor's excavation cuts the fibre under one of the two 10G members of the DCI
port-channel between lon1 and the lon2 colo; no alert (only port-channel down alerts), the afternoon load plus the daily
backup copy congest the surviving member and document downloads from lon2's object store time out; a customer reports
it, cancelling the backup copy only partly helps, adding the spare circuit to the port-channel ends it; resolved after
the carrier splices the fibre."""
import random
from common import *

rng = random.Random(20261006)
inc = Incident("retired15", "tessel-dci-fibre-cut")
LTZ = "Europe/London"
D = "2026-10-06 "
W0, W1 = T(D + "13:00:00"), T(D + "18:00:00")

GC_FAIL = [T("2026-10-%02d 13:30:%02d" % (d, 4 + d)) for d in (3, 4, 5, 6)]
OTHER_DEPLOY = T(D + "13:20:45")
CUT = T(D + "13:47:12")              # started
BACKUP_START = T(D + "14:08:20")
FIRST_ERR = T(D + "14:08:51")
CUST = T(D + "14:31:10")
PAGE = T(D + "14:34:20")             # detected (manual page from support)
ACK = T(D + "14:36:05")
WRONG = T(D + "14:38:30")
ROLLBACK_Q = T(D + "14:39:40")
LAG_ALERT = T(D + "14:41:00")
DIAG = T(D + "14:44:30")
STATUS = T(D + "14:49:50")
CARRIER_CALL = T(D + "14:52:40")
BACKUP_CANCEL = T(D + "14:58:10")    # partial mitigation
SPARE_UP = T(D + "15:21:30")         # mitigation
MITIGATED = T(D + "15:21:40")
LAG_OK = T(D + "15:31:00")
SPLICED = T(D + "17:29:40")
RESOLVED = T(D + "17:41:00")
SNAP = T(D + "15:05:12")


def base(t):
    m = (t - W0).total_seconds() / 60.0
    if m <= 120:
        return 8.0 + 2.6 * m / 120.0
    if m <= 210:
        return 10.6
    return 10.6 - 3.4 * (m - 210) / 90.0


def demand(t):
    return base(t) + (3.1 if BACKUP_START <= t < BACKUP_CANCEL else 0.0)


def capacity(t):
    if t < CUT or t >= SPLICED:
        return 19.8 + (9.9 if t >= SPARE_UP else 0.0)
    return 9.9 + (9.9 if t >= SPARE_UP else 0.0)


def loss(t):
    d = demand(t)
    return max(0.0, d - capacity(t)) / d


# ------------------------------------------------------------------ NX-OS via rsyslog (RFC3339 prefix, UTC)
nx = []
def NX(t, host, msg):
    u = t.astimezone(UTC)
    nx.append((t, "%s %s : %s UTC: %s" % (u.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % u.microsecond, host,
                                           u.strftime("%Y %b ") + "%2d" % u.day + u.strftime(" %H:%M:%S"), msg)))
for t in frange(add(W0, seconds=41), W1, 3600):
    for h in ("dci-a01", "dci-b01"):
        NX(add(t, seconds=rng.randint(0, 30)), h, "%%AUTHPRIV-6-SYSTEM_MSG: pam_unix(dcos_sshd:session): session opened for user netbox-sync by (uid=0) - dcos_sshd[%d]" % rng.randint(10000, 30000))
for t in poisson_times(rng, W0, W1, 1 / 1100.0):
    NX(t, "dci-a01", "%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/12 is down (Link failure)")
    NX(add(t, seconds=rng.randint(2, 6)), "dci-a01", "%ETHPORT-5-IF_UP: Interface Ethernet1/12 is up in mode access")
for h, lat in (("dci-a01", 0.02), ("dci-b01", 0.31)):
    c = add(CUT, seconds=lat)
    NX(c, h, "%ETHPORT-3-IF_SFP_ALARM: Interface Ethernet1/49, Low Rx Power Alarm")
    NX(add(c, seconds=0.001), h, "%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/49 is down (Link failure)")
    NX(add(c, seconds=0.004), h, "%ETH_PORT_CHANNEL-5-PORT_DOWN: port-channel10: Ethernet1/49 is down")
    NX(add(c, seconds=0.006), h, "%ETH_PORT_CHANNEL-5-FOP_CHANGED: port-channel10: first operational port changed from Ethernet1/49 to Ethernet1/50")
    NX(add(c, seconds=0.007), h, "%ETHPORT-5-SPEED: Interface port-channel10, operational speed changed to 10 Gbps")
NX(add(DIAG, seconds=-260), "dci-a01", "%AUTHPRIV-6-SYSTEM_MSG: pam_unix(dcos_sshd:session): session opened for user tbrennan by (uid=0) - dcos_sshd[28811]")
NX(add(SPARE_UP, seconds=-12), "dci-a01", "%VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by tbrennan on 10.10.0.44@pts/2")
NX(add(SPARE_UP, seconds=-9), "dci-b01", "%VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by tbrennan on 10.10.0.44@pts/3")
for h in ("dci-a01", "dci-b01"):
    NX(add(SPARE_UP, seconds=-3), h, "%ETHPORT-5-IF_ADMIN_UP: Interface Ethernet1/51 is admin up .")
    NX(SPARE_UP, h, "%ETH_PORT_CHANNEL-5-PORT_UP: port-channel10: Ethernet1/51 is up")
    NX(add(SPARE_UP, seconds=0.01), h, "%ETHPORT-5-SPEED: Interface port-channel10, operational speed changed to 20 Gbps")
for h, lat in (("dci-a01", 0.0), ("dci-b01", 0.4)):
    c = add(SPLICED, seconds=lat)
    NX(add(c, seconds=-2), h, "%ETHPORT-5-IF_SFP_ALARM: Interface Ethernet1/49, Low Rx Power Alarm cleared")
    NX(c, h, "%ETH_PORT_CHANNEL-5-PORT_UP: port-channel10: Ethernet1/49 is up")
    NX(add(c, seconds=0.01), h, "%ETHPORT-5-SPEED: Interface port-channel10, operational speed changed to 30 Gbps")
inc.lines("dci/nxos.log", [l for _, l in sorted(nx, key=lambda x: x[0])])

# ------------------------------------------------------------------ snmp_exporter scrape series as OpenMetrics
octets = {"Ethernet1/49": 0.0, "Ethernet1/50": 0.0, "Ethernet1/51": 0.0}
disc = {"Ethernet1/50": 0.0}
base_oct = {"Ethernet1/49": 8.1e14, "Ethernet1/50": 7.9e14, "Ethernet1/51": 2.2e9}
pts = {k: [] for k in octets}
dpts = []
ups = {k: [] for k in octets}
for t in frange(W0, W1, 60):
    cap = capacity(t)
    d = demand(t)
    carried = min(d, cap)
    up = [k for k in ("Ethernet1/49", "Ethernet1/50", "Ethernet1/51")
          if (k != "Ethernet1/49" or not (CUT <= t < SPLICED)) and (k != "Ethernet1/51" or t >= SPARE_UP)]
    for k in octets:
        share = carried / len(up) if k in up else 0.0
        octets[k] += share * 1e9 / 8 * 60 * (1 + rng.uniform(-0.02, 0.02))
        pts[k].append((t, int(base_oct[k] + octets[k])))
        ups[k].append((t, 1 if k in up else 2))
    dropped = max(0.0, d - cap) * 1e9 / 8 / 1200 * 60 * (1 + rng.uniform(-0.1, 0.1))  # ~1200-byte packets
    disc["Ethernet1/50"] += dropped + rng.randint(0, 3)
    dpts.append((t, int(disc["Ethernet1/50"]) + 14211))
lab = lambda k: {"instance": "dci-a01", "ifName": k, "ifAlias": {"Ethernet1/49": "DCI lon2 NL-LON-44871 (Northline path A)",
                 "Ethernet1/50": "DCI lon2 NL-LON-44872 (Northline path B)", "Ethernet1/51": "DCI lon2 spare CX-0091-7 (Castlewave)"}[k]}
inc.write("dci/snmp-dci-a01.om", openmetrics([
    ("ifHCOutOctets", "counter", "The total number of octets transmitted out of the interface - 1.3.6.1.2.1.31.1.1.1.10",
     [(lab(k), pts[k]) for k in pts]),
    ("ifOutDiscards", "counter", "The number of outbound packets which were chosen to be discarded - 1.3.6.1.2.1.2.2.1.19",
     [(lab("Ethernet1/50"), dpts)]),
    ("ifOperStatus", "gauge", "The current operational state of the interface (1 up, 2 down) - 1.3.6.1.2.1.2.2.1.8",
     [(lab(k), ups[k]) for k in ups])]))

# ------------------------------------------------------------------ docs-api logfmt (Go, lon1)
dl = []
def L(t, pairs):
    dl.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
for a in poisson_times(rng, W0, W1, 0.7):
    op = rng.choice(["get", "get", "get", "put"])
    key = "matters/%d/%s.pdf" % (rng.randint(10000, 99999), hexid(rng, 12))
    inst = "docs-api-%s" % rng.choice(["7f9c4-2xk8p", "7f9c4-9qwmd", "7f9c4-hj4ts"])
    if rng.random() < min(0.9, 3 * loss(a)):
        t = add(a, seconds=30.0)
        L(t, [("level", "error"), ("caller", "store/minio.go:118"), ("instance", inst), ("msg", "object %s failed" % op),
              ("bucket", "matter-docs"), ("key", key), ("endpoint", "minio.lon2.tessel.internal:9000"),
              ("err", 'Get "https://minio.lon2.tessel.internal:9000/matter-docs/%s": context deadline exceeded' % key if op == "get"
               else 'Put "https://minio.lon2.tessel.internal:9000/matter-docs/%s": net/http: request canceled (Client.Timeout exceeded while awaiting headers)' % key),
              ("elapsed", "30.001s")])
    else:
        t = add(a, seconds=rng.uniform(0.05, 0.6) + (4 * loss(a)))
        if rng.random() < 0.08:
            L(t, [("level", "info"), ("caller", "api/handler.go:201"), ("instance", inst), ("msg", "object %s ok" % op),
                  ("bucket", "matter-docs"), ("bytes", rng.randint(40000, 9000000)), ("elapsed", "%.3fs" % (t - a).total_seconds())])
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    L(t, [("level", "warn"), ("caller", "api/thumbs.go:66"), ("instance", "docs-api-7f9c4-2xk8p"), ("msg", "thumbnail missing, rendering placeholder"),
          ("key", "thumbs/%d.png" % rng.randint(10000, 99999))])
for c in GC_FAIL[-1:]:
    L(c, [("level", "error"), ("caller", "jobs/thumbgc.go:41"), ("instance", "docs-api-7f9c4-9qwmd"), ("msg", "thumbnail gc failed"),
          ("bucket", "thumbs-archive"), ("err", "AccessDenied: Access Denied.")])
inc.lines("docs-api/docs-api.log", [l for _, l in sorted(dl, key=lambda x: x[0])])

# ------------------------------------------------------------------ edge nginx access (local time with offset), gzipped
ng = []
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.0 Safari/605.1.15",
       "TesselSync/3.2.1 (Windows; x64)"]
for a in poisson_times(rng, W0, W1, 1.2):
    ip = "%d.%d.%d.%d" % (rng.choice([81, 86, 109, 151, 194]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    r = rng.random()
    if r < 0.35:
        m, p = ("GET", "/api/v2/documents/%d/download" % rng.randint(10**6, 10**7)) if rng.random() < 0.8 else ("POST", "/api/v2/documents")
        if rng.random() < min(0.9, 3 * loss(a)):
            ng.append((add(a, seconds=30), nginx(add(a, seconds=30), ip, m, p, 504, 167, rng.choice(UAS), 30.002, zone=LTZ)))
            continue
        st, rt, sz = (200 if m == "GET" else 201), rng.uniform(0.1, 0.8) + 4 * loss(a), rng.randint(40000, 9000000)
    else:
        m, p = rng.choice([("GET", "/api/v2/matters?page=1"), ("GET", "/api/v2/me"), ("GET", "/assets/app.3be91.js"), ("GET", "/api/v2/search?q=lease")])
        st, rt, sz = 200, rng.uniform(0.004, 0.15), rng.randint(300, 30000)
        if rng.random() < 0.005:
            st, sz = 499, 0
    ng.append((add(a, seconds=rt), nginx(add(a, seconds=rt), ip, m, p, st, sz, rng.choice(UAS), rt, zone=LTZ)))
inc.lines("edge/access.log.gz", [l for _, l in sorted(ng, key=lambda x: x[0])])

# ------------------------------------------------------------------ carrier / NOC mailbox (mbox)
mails = []
def MAIL(t, frm, to, subj, body, msgid, reply=None):
    lt = local(t, LTZ)
    hdr = ["From %s %s" % (frm.split("<")[-1].rstrip(">"), t.astimezone(UTC).strftime("%a %b %d %H:%M:%S %Y")),
           "Return-Path: <%s>" % frm.split("<")[-1].rstrip(">"),
           "From: %s" % frm, "To: %s" % to, "Subject: %s" % subj,
           "Date: %s" % lt.strftime("%a, %d %b %Y %H:%M:%S %z"),
           "Message-ID: <%s>" % msgid]
    if reply:
        hdr.append("In-Reply-To: <%s>" % reply)
    hdr += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", ""]
    mails.append((t, "\n".join(hdr + body.split("\n") + [""])))
NL = "Northline NOC <noc@northline.example>"
US = "Tessel NetOps <netops@tessel.example>"
MAIL(T(D + "13:12:30"), NL, US, "[NL-PW-20431] Planned Works: NL-LON-39920 - 14/10/2026 00:00-06:00 BST",
     "Dear Customer,\n\nPlanned works affecting circuit NL-LON-39920 (lon1 - Telehouse North) are scheduled for 14/10/2026 00:00-06:00 BST.\nExpected impact: up to 2 x 30 minutes loss of service.\n\nNorthline Network Operations", "pw20431@northline.example")
MAIL(CARRIER_CALL, US, NL, "Fault: NL-LON-44871 loss of light since 14:47 BST",
     "Hi,\n\nPlease raise a fault on NL-LON-44871 (lon1 Park Royal - lon2 Hayes). Both ends report loss of light since 14:47:12 BST.\nNL-LON-44872 is still up. Reported by phone to your NOC at 15:51 BST as well.\n\nTom Brennan\nTessel NetOps", "f1@tessel.example")
MAIL(T(D + "14:55:41"), NL, US, "[NL-INC-0558213] Fault: NL-LON-44871 - Service affecting - Investigating",
     "Dear Customer,\n\nWe have opened incident NL-INC-0558213 for circuit NL-LON-44871.\nOur monitoring confirms loss of signal on the span Park Royal - Hayes since 14:47 BST. A field engineer is being dispatched.\n\nNext update within 60 minutes.\n\nNorthline Network Operations", "inc0558213-1@northline.example", "f1@tessel.example")
MAIL(T(D + "15:38:02"), NL, US, "[NL-INC-0558213] Fault: NL-LON-44871 - Service affecting - Fault located",
     "Dear Customer,\n\nThe fault has been located: a 96-fibre cable was damaged by a third-party contractor during excavation works on Bath Road, Hayes.\nA splicing team has been dispatched. Estimated time to restore: 19:00 BST.\n\nNorthline Network Operations", "inc0558213-2@northline.example", "f1@tessel.example")
MAIL(T(D + "15:47:10"), US, NL, "Re: [NL-INC-0558213] Fault located",
     "Can you confirm NL-LON-44872 does not share that duct? It was sold to us as route-diverse from 44871.\n\nTom", "f2@tessel.example", "inc0558213-2@northline.example")
MAIL(T(D + "16:02:30"), NL, US, "Re: [NL-INC-0558213] Fault located",
     "Confirmed: NL-LON-44872 routes via Slough and is not affected by the damage on Bath Road.\n\nNorthline Network Operations", "inc0558213-3@northline.example", "f2@tessel.example")
MAIL(T(D + "17:31:55"), NL, US, "[NL-INC-0558213] Fault: NL-LON-44871 - Restored",
     "Dear Customer,\n\nSplicing is complete and service on NL-LON-44871 was restored at 18:29 BST. Please confirm the circuit is working.\n\nNorthline Network Operations", "inc0558213-4@northline.example", "f1@tessel.example")
MAIL(T(D + "17:38:20"), US, NL, "Re: [NL-INC-0558213] Restored", "Confirmed up and passing traffic since 18:29:40 BST. Thanks.\n\nTom", "f3@tessel.example", "inc0558213-4@northline.example")
inc.write("mail/netops.mbox", "\n".join(m for _, m in sorted(mails, key=lambda x: x[0])))

# ------------------------------------------------------------------ Alertmanager API v2 alerts snapshot (taken 15:05 UTC)
al = [amtool_alert("PostgresReplicationLagHigh", {"severity": "warning", "team": "dba", "instance": "pg-lon2-01:9187", "cluster": "docs-main"},
                   "replica pg-lon2-01 is 212s behind", LAG_ALERT, SNAP, receivers=("slack-dba",)),
      amtool_alert("ThumbnailGCFailed", {"severity": "warning", "team": "docs", "job": "thumbgc"},
                   "thumbnail gc job failed (AccessDenied on thumbs-archive)", add(GC_FAIL[-1], seconds=30), SNAP, receivers=("slack-docs",)),
      amtool_alert("RedisMemoryHigh", {"severity": "warning", "team": "identity", "instance": "sessions-redis-2:9121"},
                   "sessions-redis-2 used memory > 80%", T(D + "14:57:30"), SNAP, receivers=("slack-identity",)),
      amtool_alert("Watchdog", {"severity": "none"}, "Alerting pipeline is working", T("2026-09-29 08:00:00"), SNAP, receivers=("null",)),
      amtool_alert("CertificateExpiringSoon", {"severity": "info", "team": "platform", "name": "sftp.tessel.example"},
                   "certificate expires in 13 days", T("2026-10-03 09:00:00"), SNAP, receivers=("null",), state="suppressed",
                   silenced_by=(uuid("silence-cert"),))]
inc.json("alertmanager/alerts-1505.json", al)

# ------------------------------------------------------------------ PagerDuty log entries (manual trigger from web)
pd = PD(3390, "Document downloads timing out for customers (Harcourt LLP + others)", "docs-platform", "PDOC44Q", "Docs Primary")
grace = PD.user("Grace Okafor", "PGOKAFO")
priya = PD.user("Priya Raman", "PPRAMAN")
pd.add(PAGE, "trigger_log_entry", grace, {"type": "web_trigger", "summary": "Document downloads timing out for customers (Harcourt LLP + others)"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Priya Raman by push notification.", user=priya)
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Raman.")
pd.add(add(DIAG, seconds=90), "annotate_log_entry", priya, {"type": "web_ui", "summary": "DCI Po10 down to one member (fibre), congestion"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Raman.")
inc.json("pagerduty.json", pd.export())

# ------------------------------------------------------------------ Slack export
s = Slack()
for u, n, r in [("U03PRIYA", "priya", "Priya Raman"), ("U03TOM", "tom.b", "Tom Brennan"), ("U03GRACE", "grace", "Grace Okafor"),
                ("U03OWEN", "owen", "Owen Hughes"), ("U03NIAMH", "niamh", "Niamh Byrne"), ("U03RAJ", "raj", "Raj Patel")]:
    s.user(u, n, r, "Europe/London")
for cid, n, p in [("C03SUP", "support-escalations", ""), ("C03INC", "inc-docs-downloads", ""), ("C03ALR", "alerts", "Alertmanager"),
                  ("C03DEP", "deploys", ""), ("C03NET", "network", "")]:
    s.channel(cid, n, p)
for c in GC_FAIL:
    s.bot("alerts", add(c, seconds=30), "B03AM", "alertmanager",
          attachments=am_slack_attachment("firing", "ThumbnailGCFailed", "thumbnail gc job failed (AccessDenied on thumbs-archive)", color="warning"))
for a, b in [("13:05:30", "13:18:00"), ("14:57:30", "15:09:30"), ("16:40:00", "16:52:30")]:
    s.bot("alerts", T(D + a), "B03AM", "alertmanager", attachments=am_slack_attachment("firing", "RedisMemoryHigh", "sessions-redis-2 used memory > 80%", color="warning"))
    s.bot("alerts", T(D + b), "B03AM", "alertmanager", attachments=am_slack_attachment("resolved", "RedisMemoryHigh", "sessions-redis-2 used memory 71%"))
s.bot("alerts", add(LAG_ALERT, seconds=15), "B03AM", "alertmanager",
      attachments=am_slack_attachment("firing", "PostgresReplicationLagHigh", "replica pg-lon2-01 is 148s behind (docs-main)", color="warning"))
s.bot("alerts", add(LAG_OK, seconds=15), "B03AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "PostgresReplicationLagHigh", "replica pg-lon2-01 is 0s behind"))
s.bot("deploys", OTHER_DEPLOY, "B03GL", "gitlab", blocks=pd_slack_blocks("*billing-api* `v2.18.3` deployed to production by raj (pipeline #88120)"))
s.say("support-escalations", CUST, "U03GRACE", "Harcourt LLP say their fee earners can't open or download documents since about 15:10, spinning then 'something went wrong'. 3 more firms in the queue with the same. Paging docs on-call")
s.say("support-escalations", add(PAGE, seconds=30), "U03GRACE", "paged docs-platform via PD")
ch = "inc-docs-downloads"
s.say(ch, add(ACK, seconds=45), "U03PRIYA", "acked. docs-api has MinIO get/put timeouts (30s deadline) to minio.lon2 since ~15:09, edge 504s on /documents/*/download")
s.say(ch, WRONG, "U03OWEN", "lon2 MinIO had a drive swapped yesterday, maybe it's healing and slow?")
s.say(ch, ROLLBACK_Q, "U03NIAMH", "should we roll back docs-api 4.7.0 from last night?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U03PRIYA", "4.7.0 was a UI-string change, and the timeouts are all lon1->lon2. minio heal status is idle, disks fine")
s.say(ch, add(LAG_ALERT, seconds=40), "U03PRIYA", "and now pg-lon2-01 replication lag alert. smells like the link between sites, @tom.b?")
s.say(ch, DIAG, "U03TOM", "yes: DCI port-channel10 is running on one member. Ethernet1/49 (Northline NL-LON-44871) lost light at 14:47:12, both ends. The Po stayed up so nothing alerted (we only alert on Po down). Eth1/50 has been at 100% with output discards since ~15:08 when the daily Veeam copy to lon2 started on top of the afternoon load")
s.say(ch, add(DIAG, seconds=60), "U03TOM", "options: kill the backup copy now, and I can bring the Castlewave spare (CX-0091-7, Eth1/51) into the Po, it's lit but admin down")
s.say(ch, STATUS, "U03GRACE", "statuspage posted: 'Some customers are unable to open or download documents. We have identified a network issue and are working on it.'")
s.say(ch, add(CARRIER_CALL, seconds=30), "U03TOM", "raised fault with Northline by phone + email")
s.say(ch, BACKUP_CANCEL, "U03OWEN", "cancelled today's Veeam backup copy job lon1->lon2 (will rerun tonight)")
s.say(ch, add(BACKUP_CANCEL, minutes=4), "U03PRIYA", "better but not gone, still ~15-20% of downloads timing out, Eth1/50 still pinned")
s.say(ch, add(SPARE_UP, seconds=-60), "U03TOM", "adding Eth1/51 to port-channel10 on dci-a01/dci-b01 now")
s.say(ch, add(SPARE_UP, seconds=70), "U03TOM", "Po10 at 20G, Eth1/50 discards stopped")
s.say(ch, add(MITIGATED, minutes=4), "U03PRIYA", "no MinIO timeouts since 16:21:40, downloads OK")
s.say(ch, T(D + "15:39:10"), "U03TOM", "Northline: contractor dug through a 96-fibre cable on Bath Road, Hayes. ETR 19:00")
s.say(ch, add(SPLICED, minutes=2), "U03TOM", "44871 back 18:29:40, Po10 at 30G. leaving the spare in the bundle for now")
s.say(ch, add(RESOLVED, seconds=-40), "U03PRIYA", "resolving. follow-ups: alert on Po member loss / bandwidth below 2 members, move the backup copy window")
s.say("network", add(CUT, minutes=3), "U03RAJ", "anyone touching dci-a01? saw a log line go by on the syslog tail")
s.say("network", add(CUT, minutes=5), "U03RAJ", "nvm, Po10 still up")
s.write(inc, "slack")

inc.truth(
    "tessel-dci-fibre-cut", "contractor-fibre-cut-dci-member-loss-congestion-customer-detected",
    "A contractor's excavation cuts the fibre under one 10G member of the lon1-lon2 DCI port-channel; nothing alerts, the afternoon load\n"
    "and the daily backup copy congest the last member and document downloads time out until the spare circuit is added to the bundle.",
    (W0, W1),
    dict(started=CUT, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CUT, "first_symptom", "Ethernet1/49 (NL-LON-44871) loss of light, port-channel10 down to one member", "dci/nxos.log", 60),
     (FIRST_ERR, "first_symptom", "docs downloads from lon2 MinIO start timing out as Eth1/50 saturates", "edge/access.log.gz", 120),
     (PAGE, "paged", "support lead triggers PagerDuty #3390 from the website after a customer report", "pagerduty.json", 60),
     (ACK, "acknowledged", "Priya acknowledges", "pagerduty.json", 60),
     (LAG_ALERT, "alert_fired", "PostgresReplicationLagHigh for pg-lon2-01", "slack", 60),
     (DIAG, "diagnosis", "Tom: Po10 on one member since the Eth1/49 loss of light, Eth1/50 at 100% with discards", "slack", 90),
     (STATUS, "communication", "status page: customers unable to open or download documents", "slack", 90),
     (BACKUP_CANCEL, "mitigation", "daily Veeam backup copy cancelled (timeouts drop, not gone)", "slack", 90),
     (SPARE_UP, "mitigation", "spare circuit Eth1/51 added to port-channel10 (20G)", "dci/nxos.log", 60),
     (MITIGATED, "recovery", "MinIO timeouts and edge 504s stop", "docs-api/docs-api.log", 90),
     (SPLICED, "recovery", "carrier splices the fibre, Eth1/49 back in port-channel10", "dci/nxos.log", 60),
     (RESOLVED, "resolved", "PagerDuty #3390 resolved", "pagerduty.json", 60)],
    [(GC_FAIL[-1], "daily thumbnail-gc job fails with AccessDenied, alerts every day at 13:30", "docs-api/docs-api.log"),
     (OTHER_DEPLOY, "billing team deploys billing-api v2.18.3", "slack"),
     (T(D + "14:57:30"), "RedisMemoryHigh for the identity team, flapping", "slack"),
     (T(D + "13:12:30"), "carrier planned-works notice for another circuit next week", "mail/netops.mbox"),
     (WRONG, "wrong hunch: MinIO healing after yesterday's drive swap", "slack"),
     (ROLLBACK_Q, "'should we roll back docs-api 4.7.0?' question, not done", "slack"),
     (T(D + "14:20:00"), "steady Ethernet1/12 access-port flaps on dci-a01 and thumbnail-missing warnings", "dci/nxos.log")],
    [("dci/nxos.log", "logs"), ("dci/snmp-dci-a01.om", "openmetrics"), ("docs-api/docs-api.log", "logs"),
     ("edge/access.log.gz", "logs"), ("mail/netops.mbox", "logs"), ("alertmanager/alerts-1505.json", "alertmanager-api-alerts"),
     ("pagerduty.json", "pagerduty-log-entries"), ("slack", "slack-export")])
