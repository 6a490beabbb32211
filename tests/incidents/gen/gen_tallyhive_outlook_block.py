"""retired14/tallyhive-outlook-block: a taken-over tenant account sends phishing "invoices" through the shared outbound
pool; Microsoft first rate-limits (451 S775), then blocks (550 S3150) the pool's IPs, so every customer's invoice to an
Outlook/Hotmail address bounces.  Support notices first and pages by hand; suspending the tenant stops the abuse but not
the block; routing Microsoft domains through the second IP pool ends the impact; resolved after the bounced invoices
are re-sent (delisting comes days later)."""
import random
from common import *

rng = random.Random(20260324)
inc = Incident("retired14", "tallyhive-outlook-block")
TZ = "America/Toronto"
D = "2026-03-24 "
W0, W1 = T(D + "10:30:00"), T(D + "14:30:00")
L0, L1 = T(D + "10:00:00"), T(D + "14:45:00")
CRON = [T("2026-03-%02d 10:45:%02d" % (d, 11 + d % 7)) for d in (21, 22, 23, 24)]
ATO_LOGIN = T(D + "10:38:12")
SPAM0 = T(D + "10:41:05")
THROTTLE0 = T(D + "11:06:40")
BLOCK0 = T(D + "11:31:15")
OTHER_COMMIT = T(D + "11:20:44")
OTHER_DEPLOY = T(D + "11:48:30")
SUPPORT = T(D + "11:52:08")
PAGE = T(D + "12:02:14")
ESC = T(D + "12:17:14")
WARN = T(D + "12:19:30")
ACK = T(D + "12:21:03")
WRONG = T(D + "12:26:40")
ROLLBACK_Q = T(D + "12:29:50")
DIAG = T(D + "12:33:20")
SUSPEND = T(D + "12:36:20")
PURGE = T(D + "12:38:02")
COMMS = T(D + "12:40:10")
COMMIT = T(D + "12:58:10")
APPLY = T(D + "13:04:31")
RELOAD = {"mta-1": T(D + "13:04:40"), "mta-2": T(D + "13:04:52"), "mta-3": T(D + "13:05:03")}
MITIGATED = RELOAD["mta-3"]
FLUSH = T(D + "13:06:10")
WARN_OK = T(D + "13:14:00")
RESEND0 = T(D + "13:22:05")
RESEND1 = T(D + "13:41:47")
RESOLVED = T(D + "14:12:30")
SNAP = T(D + "12:41:17")

MS = ["outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.ca", "live.ca"]
OTHERS = ["gmail.com", "yahoo.ca", "rogers.com", "bell.net", "shaw.ca", "icloud.com", "sympatico.ca", "northlakebuilders.ca",
          "cedarpoint-dental.com", "kwpropertygroup.ca"]
MS_MX = "%s-com.olc.protection.outlook.com"
POOL_A = {"mta-1": "203.0.113.21", "mta-2": "203.0.113.22", "mta-3": "203.0.113.23"}
POOL_B = {"mta-1": "203.0.113.41", "mta-2": "203.0.113.42", "mta-3": "203.0.113.43"}
QCH = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"
TENANTS = ["t_10233", "t_11802", "t_20911", "t_31877", "t_33410", "t_40128", "t_41277", "t_44090", "t_45561", "t_47002"]
BAD = "t_48213"


def qid():
    return "4" + "".join(rng.choice(QCH) for _ in range(11))


def ms_state(t, host="mta-2"):
    if t >= RELOAD[host]:
        return "poolb"
    if t >= BLOCK0:
        return "block"
    if t >= THROTTLE0:
        return "throttle"
    return "ok"


def outlook_tag(t):
    return "[%s%dNAM%02dFT%03d.eop-nam%02d.prod.protection.outlook.com %s %s]" % (
        rng.choice(["BN", "CO", "DM", "SN"]), rng.randint(1, 3), rng.randint(2, 12), rng.randint(1, 60), rng.randint(2, 12),
        iso(t, ms=True), hexid(rng, 16).upper())


# ---- mta-2 syslog, Toronto local time, no offset or year
ml = []


def M(t, prog, msg, host="mta-2"):
    ml.append((t, syslog(t, TZ, host, prog, msg)))


def attempt(t, q, rcpt, dom, tenant, first=True):
    """One delivery attempt of q on mta-2 at time t; returns retry time or None."""
    st = ms_state(t) if dom in MS else "ok"
    dt = rng.uniform(0.3, 1.9)
    te = add(t, seconds=dt)
    mx = MS_MX % dom.split(".")[0] if dom in MS else ("mx.%s" % dom if "." in dom else dom)
    ip = "52.101.%d.%d" % (rng.randint(8, 200), rng.randint(1, 250)) if dom in MS else "%d.%d.%d.%d" % (
        rng.choice([64, 142, 172, 199, 216]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    prog = "postfix/poolb/smtp[%d]" % 8841 if st == "poolb" else "postfix/smtp[%d]" % rng.choice([30112, 30114, 30127, 30131])
    delays = "%.2f/0.01/%.2f/%.2f" % (0.01 if first else rng.uniform(300, 2400), dt * 0.4, dt * 0.6)
    if st == "throttle" and rng.random() < min(0.9, 0.25 + (t - THROTTLE0).total_seconds() / 1800.0):
        M(te, prog, "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=4.7.650, status=deferred (host %s[%s] said: 451 4.7.650 The mail server [%s] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [Name=Protocol Filter Agent][AGT=PFA][MxId=11B%s] %s (in reply to MAIL FROM command))" % (
            q, rcpt, mx, ip, dt, delays, mx, ip, POOL_A["mta-2"], hexid(rng, 14).upper(), outlook_tag(te)))
        return add(te, seconds=rng.uniform(300, 1500))
    if st == "block":
        M(te, prog, "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=5.7.1, status=bounced (host %s[%s] said: 550 5.7.1 Unfortunately, messages from [%s] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. %s (in reply to MAIL FROM command))" % (
            q, rcpt, mx, ip, dt, delays, mx, ip, POOL_A["mta-2"], outlook_tag(te)))
        M(add(te, seconds=0.01), "postfix/bounce[%d]" % rng.randint(31000, 31999), "%s: sender non-delivery notification: %s" % (q, qid()))
        M(add(te, seconds=0.02), "postfix/qmgr[1288]", "%s: removed" % q)
        if tenant != BAD:
            blocked_legit.append((te, q, tenant, dom))
        return None
    if dom not in MS and rng.random() < 0.01:
        M(te, prog, "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=4.2.0, status=deferred (host %s[%s] said: 450 4.2.0 <%s>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/%s.html (in reply to RCPT TO command))" % (
            q, rcpt, mx, ip, dt, delays, mx, ip, rcpt, dom))
        return add(te, seconds=rng.uniform(300, 900))
    if rng.random() < 0.006:
        M(te, prog, "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=5.1.1, status=bounced (host %s[%s] said: 550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))" % (
            q, rcpt, mx, ip, dt, delays, mx, ip, rcpt))
        M(add(te, seconds=0.02), "postfix/qmgr[1288]", "%s: removed" % q)
        return None
    okr = "250 2.6.0 <%s@mail.tallyhive.com> [InternalId=%d, Hostname=%s] %d bytes in 0.%03d, %.3f KB/sec Queued mail for delivery" % (
        uid(q, 20), rng.randint(10**12, 10**13), "YT%dPR01MB%d.CANPRD01.PROD.OUTLOOK.COM" % (rng.randint(2, 4), rng.randint(1000, 9999)),
        rng.randint(8000, 60000), rng.randint(50, 900), rng.uniform(30, 120)) if dom in MS else "250 2.0.0 Ok: queued as %s" % hexid(rng, 10).upper()
    M(te, prog, "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=2.0.0, status=sent (%s)" % (q, rcpt, mx, ip, dt, delays, okr))
    M(add(te, seconds=0.02), "postfix/qmgr[1288]", "%s: removed" % q)
    return None


blocked_legit = []
pending = []  # (retry time, q, rcpt, dom, tenant)
spam_q = []
msgs = []
for t in poisson_times(rng, L0, L1, 0.11):
    msgs.append((t, rng.choice(TENANTS)))
for t in poisson_times(rng, SPAM0, SUSPEND, 0.55):
    msgs.append((t, BAD))
msgs.sort(key=lambda x: x[0])
for t, tenant in msgs:
    q = qid()
    if tenant == BAD:
        dom = rng.choice(MS) if rng.random() < 0.72 else rng.choice(OTHERS[:7])
        rcpt = "%s%s%d@%s" % (rng.choice("abcdefghijklmnoprstw"), rng.choice(["smith", "lee", "tremblay", "roy", "martin", "brown", "wong", "patel"]), rng.randint(1, 9999), dom)
        frm = "bounce+%s.%s@bnc.tallyhive.com" % (tenant, uid(q, 8))
    else:
        dom = rng.choice(MS) if rng.random() < 0.3 else rng.choice(OTHERS)
        rcpt = "%s@%s" % (rng.choice(["ap", "accounts", "billing", "j.morrison", "karen.li", "office", "mike.d", "payables", "s.ahmed"]), dom)
        frm = "bounce+%s.%s@bnc.tallyhive.com" % (tenant, uid(q, 8))
    M(t, "postfix/qmgr[1288]", "%s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (q, frm, rng.randint(14000, 90000)))
    if tenant == BAD:
        spam_q.append(q)
    r = attempt(add(t, seconds=0.05), q, rcpt, dom, tenant)
    if r is not None:
        pending.append((r, q, rcpt, dom, tenant))
# retries of deferred mail (queue runs), until the flush after mitigation
while pending:
    pending.sort(key=lambda x: x[0])
    r, q, rcpt, dom, tenant = pending.pop(0)
    if tenant == BAD and r >= PURGE:
        continue
    if r > FLUSH:
        r = add(FLUSH, seconds=rng.uniform(0.1, 40))
    if r > L1:
        continue
    n = attempt(r, q, rcpt, dom, tenant, first=False)
    if n is not None:
        pending.append((n, q, rcpt, dom, tenant))
for h, t in RELOAD.items():
    if h == "mta-2":
        M(t, "postfix/master[1021]", "reload -- version 3.8.6, configuration /etc/postfix")
M(PURGE, "postfix/postsuper[40877]", "Deleted: %d messages" % (3100 + len(spam_q) % 400))
M(FLUSH, "postfix/postqueue[40913]", "flush requested by root")
for t in poisson_times(rng, L0, L1, 1 / 120.0):
    M(t, "postfix/smtpd[%d]" % rng.randint(20000, 29999), "warning: unknown[10.20.%d.%d]: SASL LOGIN authentication failed: UGFzc3dvcmQ6" % (rng.randint(1, 9), rng.randint(2, 250)))
ml.sort(key=lambda x: x[0])
_th = [t for t, l in ml if "S775" in l]
_bl = [t for t, l in ml if "S3150" in l]
STARTED = _th[0].replace(microsecond=0)
print("first S775", _th[0], "first S3150", _bl[0], "last S3150", _bl[-1])
assert abs((STARTED - THROTTLE0).total_seconds()) < 60 and _bl[-1] < MITIGATED
inc.lines("mta-2/mail.log.1.gz", [l for _, l in ml])

# ---- invoicer (python-json-logger, UTC with offset)
il = []


def I(t, lvl, name, msg, **kw):
    d = {"timestamp": t.astimezone(UTC).isoformat(timespec="microseconds"), "levelname": lvl, "name": name, "message": msg}
    d.update(kw)
    il.append((t, json.dumps(d)))


I(ATO_LOGIN, "INFO", "tallyhive.auth", "login succeeded", tenant_id=BAD, user_id="u_77120", ip="45.134.22.190", new_device=True, mfa="not_enrolled", ua="python-requests/2.31.0")
I(add(ATO_LOGIN, minutes=1, seconds=20), "INFO", "tallyhive.templates", "invoice email template updated", tenant_id=BAD, user_id="u_77120", template_id="tpl_custom_3",
  changed=["subject", "body_html"])
bt = SPAM0
n = 0
while bt < SUSPEND:
    sz = rng.choice([400, 500, 500, 600])
    I(bt, "INFO", "tallyhive.mail.bulk", "bulk invoice send queued", tenant_id=BAD, user_id="u_77120", batch_id="b_%s" % uid(str(bt), 8), recipients=sz, template_id="tpl_custom_3")
    n += sz
    bt = add(bt, seconds=rng.uniform(40, 75))
for t, tenant in msgs:
    if tenant != BAD and rng.random() < 0.5:
        I(add(t, seconds=-0.4), "INFO", "tallyhive.mail", "invoice email handed to relay", tenant_id=tenant, invoice_id="inv_%s" % uid(str(t), 10), relay="mta-pool-a")
for te, q, tenant, dom in blocked_legit:
    I(add(te, seconds=rng.uniform(20, 90)), "WARNING", "tallyhive.mail.dsn", "invoice email bounced", tenant_id=tenant, queue_id=q, recipient_domain=dom,
      status="5.7.1", diagnostic="550 5.7.1 Unfortunately, messages from [203.0.113.22] weren't sent. ... (S3150)")
for t in poisson_times(rng, L0, L1, 1 / 240.0):
    I(t, "WARNING", "tallyhive.mail.dsn", "invoice email bounced", tenant_id=rng.choice(TENANTS), recipient_domain=rng.choice(OTHERS), status="5.1.1",
      diagnostic="550 5.1.1 Recipient address rejected: User unknown")
for t in poisson_times(rng, L0, L1, 1 / 400.0):
    I(t, "ERROR", "tallyhive.integrations.qbo", "QuickBooks sync failed", tenant_id=rng.choice(TENANTS), error="AuthenticationFailed: token expired", retry=True)
c = CRON[-1]
I(add(c, seconds=-6), "INFO", "tallyhive.jobs.dunning", "dunning digest started", job="dunning-digest", run_date="2026-03-24")
I(c, "ERROR", "tallyhive.jobs.dunning", "dunning digest failed", job="dunning-digest", exc_info="psycopg.errors.QueryCanceled: canceling statement due to statement timeout")
I(SUSPEND, "WARNING", "tallyhive.admin", "tenant suspended", tenant_id=BAD, by="mei.chen", reason="account takeover; phishing via invoice email (INC-7731)")
I(add(SUSPEND, seconds=2), "INFO", "tallyhive.mail.bulk", "cancelled queued bulk sends", tenant_id=BAD, cancelled=9412)
I(add(SUSPEND, seconds=3), "INFO", "tallyhive.auth", "sessions revoked", tenant_id=BAD, sessions=3)
I(RESEND0, "INFO", "tallyhive.mail.resend", "resend of bounced invoice emails started", requested_by="mei.chen", filter="status=5.7.1 AND diagnostic LIKE '%S3150%' AND tenant_id != 't_48213'", count=1973)
I(RESEND1, "INFO", "tallyhive.mail.resend", "resend of bounced invoice emails finished", sent=1968, failed=5)
il.sort(key=lambda x: x[0])
inc.lines("invoicer/app.jsonl", [l for _, l in il])

# ---- query_range: deferred queue and Microsoft deliveries
def deferred(host):
    def f(t):
        base = 40 + ((int(epoch(t)) // 60) % 5) * 3
        if THROTTLE0 <= t < RELOAD[host]:
            base += min(7200, (t - THROTTLE0).total_seconds() * 1.05)
            if t >= PURGE:
                base -= 3100
        if RELOAD[host] <= t < add(FLUSH, minutes=3):
            base += max(0, 3900 - (t - RELOAD[host]).total_seconds() * 25)
        return max(30, base)
    return f


def ms_rate(status):
    def f(t):
        spam = 0.55 * 3 * 0.72 if SPAM0 <= t < SUSPEND else 0.0
        legit = 0.11 * 3 * 0.3
        tot = spam + legit
        st = ms_state(t, "mta-3") if t >= RELOAD["mta-1"] else ms_state(t)
        if st == "ok" or st == "poolb":
            v = {"sent": tot, "deferred": 0.0, "bounced": 0.0}
            if st == "poolb" and t < add(FLUSH, minutes=4):
                v["sent"] += 3.5
        elif st == "throttle":
            x = min(0.9, 0.25 + (t - THROTTLE0).total_seconds() / 1800.0)
            v = {"sent": tot * (1 - x), "deferred": tot * x, "bounced": 0.0}
        else:
            v = {"sent": 0.0, "deferred": 0.0, "bounced": tot + (0.4 if t < add(BLOCK0, minutes=20) else 0.0)}
        return v[status] * (1 + 0.05 * ((int(epoch(t)) // 60) % 3))
    return f


series = [({"__name__": "postfix_showq_message_count", "queue": "deferred", "instance": "%s:9154" % h, "job": "postfix"}, deferred(h)) for h in POOL_A]
series += [({"__name__": "mail:deliveries:rate5m", "dest": "microsoft", "status": s_, "pool": "outbound"}, ms_rate(s_)) for s_ in ("sent", "deferred", "bounced")]
inc.json("q/mailq.json", query_range(series, W0, W1, 60, fmt="%.3f"), indent=None)

# ---- Alertmanager API v2 /alerts snapshot
snap = [
    amtool_alert("OutboundDeferredQueueGrowing", {"severity": "warning", "team": "mail", "pool": "outbound", "instance": "mta-2:9154"},
                 "deferred queue on mta-2 above 5000 for 15m", WARN, SNAP, receivers=("slack-mail",)),
    amtool_alert("OutboundDeferredQueueGrowing", {"severity": "warning", "team": "mail", "pool": "outbound", "instance": "mta-1:9154"},
                 "deferred queue on mta-1 above 5000 for 15m", T(D + "12:23:30"), SNAP, receivers=("slack-mail",)),
    amtool_alert("KubeJobFailed", {"severity": "ticket", "team": "billing", "namespace": "billing", "job_name": "dunning-digest-29571405"},
                 "Job billing/dunning-digest-29571405 failed to complete.", add(CRON[-1], minutes=1), SNAP, receivers=("slack-billing",)),
    amtool_alert("HighRequestLatency", {"severity": "warning", "team": "analytics", "service": "reports-api"},
                 "reports-api p95 latency above 2s", T(D + "12:31:00"), SNAP, receivers=("slack-analytics",)),
    amtool_alert("CPUThrottlingHigh", {"severity": "info", "team": "platform", "namespace": "docs", "container": "pdf-renderer"},
                 "87% throttling of CPU in namespace docs for container pdf-renderer", T(D + "09:12:00"), SNAP, receivers=("null",),
                 state="suppressed", silenced_by=(uuid("silence-pdf"),)),
]
inc.json("am/alerts-1241.json", snap)

# ---- mail-infra git log (iso-strict, one line)
gl = [(T("2026-03-23 19:12:31"), "Owen Clarke", "pool-a: smtp_tls_mandatory_protocols >=TLSv1.2 for all destinations (MAIL-871)"),
      (OTHER_COMMIT, "Farah Haddad", "inbound: update spamassassin local rules, raise URIBL score (MAIL-879)"),
      (COMMIT, "Dev Patel", "transport: send outlook/hotmail/live/msn via pool-b (INC-7731)"),
      (T(D + "13:01:02"), "Dev Patel", "ansible: add poolb smtp transport to master.cf on mta-1..3 (INC-7731)"),
      (T(D + "13:58:40"), "Mei Chen", "abuse: per-tenant bulk send cap 2000/h until account review (INC-7731)")]
gl.sort(key=lambda x: x[0], reverse=True)
inc.lines("mail-infra.txt", ["%s %s %s %s" % (hexid(rng, 9), local(t, TZ).isoformat(), who, subj) for t, who, subj in gl])

# ---- PagerDuty log entries
pd = PD(7731, "Invoices to Outlook/Hotmail addresses bouncing for many customers", "Email Delivery", "PEMLDV1", "Email Delivery - Primary")
alicia = PD.user("Alicia Gomez", "PAGOMEZ")
dev = PD.user("Dev Patel", "PDPATEL")
mei = PD.user("Mei Chen", "PMCHEN9")
pd.add(PAGE, "trigger_log_entry", alicia, {"type": "web_trigger", "summary": "Invoices to Outlook/Hotmail addresses bouncing for many customers",
       "details": "5+ customers in chat since 11:40 ET-ish. Bounce says 'part of their network is on our block list (S3150)'."}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Dev Patel.", assignees=[dev])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Dev Patel by push notification.", user=dev,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=182), "notify_log_entry", None, {"type": "auto"}, "Notified Dev Patel by phone.", user=dev,
       notification={"type": "phone_notification", "status": "no_answer", "address": "+1 416***0193"})
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Email Delivery - Primary"})
pd.add(add(ESC, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Mei Chen by phone.", user=mei,
       notification={"type": "phone_notification", "status": "success", "address": "+1 647***4410"})
pd.add(ACK, "acknowledge_log_entry", mei, {"type": "phone"}, "Acknowledged by Mei Chen.")
pd.add(T(D + "12:45:12"), "annotate_log_entry", mei, {"type": "web_ui", "summary": "Tenant t_48213 suspended 12:36 (ATO). Microsoft block on pool-a persists; delist request SRX1409357 filed."}, "Note added")
pd.add(T(D + "13:09:40"), "annotate_log_entry", dev, {"type": "web_ui", "summary": "Microsoft domains routed via pool-b since 13:05, deferred queue flushed, deliveries OK."}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", mei, {"type": "web_ui"}, "Resolved by Mei Chen.")
other = PD(7729, "reports-api p95 latency above 2s", "Analytics API", "PANLY02")
ra = PD.user("Ravi Iyer", "PRIYER3")
other.add(T(D + "10:51:10"), "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "10:53:02"), "acknowledge_log_entry", ra, {"type": "mobile"}, "Acknowledged by Ravi Iyer.")
other.add(T(D + "11:09:30"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd/log_entries.json", ex)

# ---- Slack export
s = Slack()
for u, n, r in [("U04AGOM", "alicia", "Alicia Gomez"), ("U04DPAT", "dev", "Dev Patel"), ("U04MCHE", "mei", "Mei Chen"),
                ("U04OCLA", "owen", "Owen Clarke"), ("U04FHAD", "farah", "Farah Haddad"), ("U04JBRO", "jordan", "Jordan Brooks")]:
    s.user(u, n, r, "America/Toronto")
for cid, n, p in [("C04SUPP", "support-escalations", "Tier 2"), ("C04MAIL", "alerts-mail", "Alertmanager: mail + billing"),
                  ("C04INC", "inc-7731-outlook-bounces", ""), ("C04DEP", "deploys", "deploy bot"), ("C04STAT", "statuspage", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("alerts-mail", add(c, minutes=1, seconds=30), "B04AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job billing/dunning-digest failed to complete.\nseverity: ticket", color="warning"))
s.bot("alerts-mail", add(WARN, seconds=31), "B04AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OutboundDeferredQueueGrowing", "deferred queue on mta-2 above 5000 for 15m", color="warning"))
s.bot("alerts-mail", add(WARN_OK, seconds=31), "B04AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "OutboundDeferredQueueGrowing", "deferred queue back under 5000 on mta-1, mta-2"))
s.bot("deploys", OTHER_DEPLOY, "B04DPL", "deploybot", blocks=pd_slack_blocks("*billing-web* `v2026.03.24-2` deployed to production by jordan.brooks (ok)"))
s.bot("deploys", T(D + "13:31:12"), "B04DPL", "deploybot", blocks=pd_slack_blocks("*reports-api* `v812` deployed to production by ravi.iyer (ok)"))
s.say("support-escalations", T(D + "11:40:51"), "U04AGOM", "one customer says invoices to a client's hotmail came back undelivered, asked for the bounce text")
s.say("support-escalations", SUPPORT, "U04AGOM", "now 4 customers: invoices to @outlook.com / @hotmail.com bounce with 'part of their network is on our block list (S3150)'. gmail fine. anyone from mail around?")
s.say("support-escalations", T(D + "11:58:40"), "U04JBRO", "billing-web went out at 11:48 UTC, could that be it?")
s.say("support-escalations", add(PAGE, seconds=30), "U04AGOM", "a 5th customer. paging Email Delivery")
ch = "inc-7731-outlook-bounces"
s.say(ch, add(ACK, seconds=58), "U04MCHE", "acked (escalated to me, Dev didn't pick up). Outlook bouncing 550 5.7.1 S3150 for pool-a since ~11:31 UTC, and 451 4.7.650 S775 'rate limited due to IP reputation' deferrals from ~11:07")
s.say(ch, T(D + "12:24:12"), "U04DPAT", "sorry, was driving. here now")
s.say(ch, WRONG, "U04OCLA", "we pushed the TLS protocol floor on pool-a last night (MAIL-871) - could Microsoft be failing the handshake and this is how it shows?")
s.say(ch, ROLLBACK_Q, "U04JBRO", "should we roll back the TLS change then? or billing-web?")
s.say(ch, T(D + "12:31:30"), "U04MCHE", "no - TLS completes fine, the reject is at MAIL FROM with S3150. That's an IP block list, not a protocol problem. billing-web doesn't send mail")
s.say(ch, DIAG, "U04MCHE", "found the cause: tenant t_48213 (Brightline Plumbing) queued ~58k 'invoice' emails since 10:41 UTC with a custom template linking to a lookalike login page. Login from a new IP at 10:38, no MFA - account takeover. That phishing run got pool-a blocklisted by Microsoft")
s.say(ch, add(SUSPEND, seconds=25), "U04MCHE", "suspended t_48213, revoked sessions, 9412 queued sends cancelled. purging their mail from the postfix queues")
s.bot("statuspage", COMMS, "B04SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Identified - Invoice emails to Outlook/Hotmail bouncing",
      "title": "Identified - Invoice emails to Outlook and Hotmail addresses are bouncing",
      "text": "Invoice emails sent to Outlook.com, Hotmail and Live addresses are being rejected by Microsoft. Other recipients are unaffected. We are working on a fix.", "mrkdwn_in": ["text"]}])
s.say(ch, T(D + "12:43:30"), "U04DPAT", "still S3150 on every Microsoft attempt after the suspension, as expected - the listing stays until Microsoft lifts it")
s.say(ch, T(D + "12:44:50"), "U04MCHE", "filed the delist request with Microsoft sender support (SRX1409357). they quote 24-48h")
s.say(ch, T(D + "12:47:20"), "U04DPAT", "pool-b (203.0.113.41-43) is warm from the receipts stream and clean on SNDS. routing the Microsoft domains through it")
s.say(ch, add(APPLY, seconds=50), "U04DPAT", "transport map + poolb transport applied on mta-1..3, postfix reloaded. first outlook.com deliveries via 203.0.113.42 accepted")
s.say(ch, add(FLUSH, seconds=40), "U04DPAT", "flushed the deferred queue, Microsoft-bound mail draining OK")
s.say(ch, T(D + "13:19:00"), "U04MCHE", "queuing a resend of the legit invoices that hard-bounced with S3150 (1973 of them, excluding t_48213)")
s.say(ch, add(RESEND1, seconds=60), "U04MCHE", "resend done, 5 failures are real user-unknowns")
s.bot("statuspage", T(D + "14:05:00"), "B04SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - Invoice emails",
      "title": "Resolved - Invoice emails to Outlook and Hotmail addresses", "text": "Delivery to Microsoft addresses is working and affected invoices were re-sent.", "mrkdwn_in": ["text"]}])
s.say(ch, add(RESOLVED, seconds=-50), "U04MCHE", "resolving. Microsoft stays on pool-b until SRX1409357 delists pool-a; follow-ups in MAIL-882 (MFA for bulk send, per-tenant caps)")
s.write(inc, "slack-export")

inc.truth(
    "tallyhive-outlook-block", "shared-ip-pool-blocklisted-after-tenant-account-takeover",
    "A taken-over tenant account sent phishing 'invoices' through the shared outbound pool; Microsoft rate-limited then blocklisted the\n"
    "pool's IPs and every customer's invoice to Outlook/Hotmail bounced until Microsoft domains were routed through the second pool.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first 451 4.7.650 (S775) reputation deferral from Outlook on pool-a", "mta-2/mail.log.1.gz", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #7731 from the website after customer reports", "pd/log_entries.json", 60),
     (WARN, "alert_fired", "OutboundDeferredQueueGrowing (warning) on mta-2", "am/alerts-1241.json", 60),
     (ACK, "acknowledged", "Mei Chen acknowledges after escalation by timeout", "pd/log_entries.json", 60),
     (DIAG, "diagnosis", "Mei: tenant t_48213 account takeover sent phishing invoices, pool-a blocklisted", "slack-export", 90),
     (SUSPEND, "mitigation", "tenant t_48213 suspended (abuse stops; the block remains)", "invoicer/app.jsonl", 60),
     (COMMS, "communication", "Statuspage: invoice emails to Outlook/Hotmail bouncing", "slack-export", 90),
     (RELOAD["mta-2"], "mitigation", "transport map routing Microsoft domains via pool-b applied (commits 12:58/13:01, ansible 13:04); postfix reloaded", "mta-2/mail.log.1.gz", 420),
     (MITIGATED, "recovery", "Microsoft deliveries accepted via pool-b", "mta-2/mail.log.1.gz", 60),
     (WARN_OK, "alert_resolved", "OutboundDeferredQueueGrowing resolved", "slack-export", 60),
     (RESOLVED, "resolved", "PagerDuty resolved after bounced invoices were re-sent", "pd/log_entries.json", 60)],
    [(CRON[-1], "dunning-digest CronJob fails daily at 10:45 UTC (KubeJobFailed, also on the 21st-23rd)", "slack-export"),
     (ATO_LOGIN, "tenant login from a new device (the takeover; no failure yet)", "invoicer/app.jsonl"),
     (OTHER_COMMIT, "inbound spamassassin rules update by the inbound-mail owner", "mail-infra.txt"),
     (OTHER_DEPLOY, "billing-web deploy by another team", "slack-export"),
     (T(D + "12:31:00"), "HighRequestLatency for reports-api (analytics)", "am/alerts-1241.json"),
     (T(D + "10:51:10"), "PagerDuty #7729 reports-api latency, another service", "pd/log_entries.json"),
     (WRONG, "wrong hunch: last night's TLS protocol floor change", "slack-export"),
     (ROLLBACK_Q, "'should we roll back the TLS change?' question", "slack-export"),
     (T(D + "11:58:40"), "wrong hunch: billing-web deploy", "slack-export"),
     (T(D + "12:00:00"), "steady greylisting deferrals, user-unknown bounces, SASL failures and QuickBooks sync errors", "invoicer/app.jsonl")],
    [("mta-2/mail.log.1.gz", "logs", TZ), ("invoicer/app.jsonl", "logs"), ("q/mailq.json", "prometheus-query-range"),
     ("am/alerts-1241.json", "alertmanager-api-alerts"), ("mail-infra.txt", "git-log"), ("pd/log_entries.json", "pagerduty-log-entries"),
     ("slack-export", "slack-export")])
