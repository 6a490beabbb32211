"""retired14/fernly-dkim-selector: a DKIM key rotation publishes a broken TXT record for the new selector; when OpenDKIM
switches to it, DKIM fails (permerror, bad key), and since SPF is not aligned DMARC p=reject makes Gmail, Outlook, Yahoo
and iCloud hard-bounce every transactional mail until the selector is reverted; the bounce processor's suppressions are
lifted afterwards."""
import random
from common import *

rng = random.Random(20260915)
inc = Incident("retired14", "fernly-dkim-selector")
D = "2026-09-15 "
W0, W1 = T(D + "09:30:00"), T(D + "12:30:00")
L0, L1 = T(D + "09:20:00"), T(D + "12:40:00")
CRON = [T("2026-09-%02d 09:40:%02d" % (d, 3 + d % 5)) for d in (13, 14, 15)]
DNS_RUN_CREATED = T(D + "09:46:02")
DNS_APPLIED = T(D + "09:48:15")
OTHER_TFC = T(D + "10:02:47")
OTHER_COMMIT = T(D + "10:05:31")
COMMIT = T(D + "10:16:58")
RESTART1 = T(D + "10:18:40")
RESTART2 = T(D + "10:19:14")
STARTED = T(D + "10:18:52")
WARN = T(D + "10:24:30")
CRIT = T(D + "10:29:30")
PAGE = T(D + "10:29:31")
ACK = T(D + "10:33:08")
WRONG = T(D + "10:36:30")
ROLLBACK_Q = T(D + "10:40:05")
COMMS = T(D + "10:41:50")
DIAG = T(D + "10:45:20")
REVERT = T(D + "10:49:33")
RREST1 = T(D + "10:51:05")
RREST2 = T(D + "10:51:40")
MITIGATED = RREST2
WARN_OK = T(D + "10:58:30")
CRIT_OK = T(D + "11:02:30")
FIX_RUN = T(D + "11:24:10")
FIX_APPLIED = T(D + "11:26:40")
UNSUPPRESS = T(D + "11:31:02")
RESEND = T(D + "11:36:44")
RESOLVED = T(D + "12:04:20")

OLD, NEW = "fs202403", "fs202609"


def selector(host, t):
    r_new, r_old = (RESTART1, RREST1) if host == "mx-out-1" else (RESTART2, RREST2)
    return NEW if r_new <= t < r_old else OLD


PROVIDERS = [  # (weight, domains, mx host, ip, fail-when-dkim-broken prob)
    (0.41, ["gmail.com", "googlemail.com"], "gmail-smtp-in.l.google.com", "142.250.27.26", 1.0),
    (0.19, ["outlook.com", "hotmail.com", "hotmail.co.uk", "live.com"], "outlook-com.olc.protection.outlook.com", "52.101.68.14", 1.0),
    (0.09, ["yahoo.com", "aol.com", "yahoo.co.uk"], "mta6.am0.yahoodns.net", "67.195.228.106", 1.0),
    (0.08, ["icloud.com", "me.com"], "mx01.mail.icloud.com", "17.57.154.33", 1.0),
    (0.23, ["btinternet.com", "fastmail.com", "proton.me", "sky.com", "acme-corp.co.uk", "harbourview.org"], None, None, 0.35),
]
NAMES = ["jane.r", "tom_h", "mkowalski", "sara.b", "dan.e88", "liz", "p.osei", "ahmed.n", "kiran.p", "lucy.w", "jm1972",
         "hannah", "oliver.t", "r.singh", "noor", "chris.d", "evie", "ben.m"]
SUBJECTS = [("booking-confirmation", 0.42), ("password-reset", 0.14), ("receipt", 0.24), ("pro-new-job", 0.2)]
QCH = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"


def qid():
    return "4" + "".join(rng.choice(QCH) for _ in range(11))


def pick(choices):
    x = rng.random()
    acc = 0
    for c in choices:
        acc += c[0] if isinstance(c[0], float) else c[1]
        if x < acc:
            return c
    return choices[-1]


# ---- relay log (rsyslog RFC3339, UTC): postfix + opendkim on mx-out-1/2
ml = []
pids = {"mx-out-1": {"smtp": 23145, "opendkim": 1187, "cleanup": 22810, "qmgr": 1402}, "mx-out-2": {"smtp": 19902, "opendkim": 1203, "cleanup": 19551, "qmgr": 1398}}


def M(t, host, prog, msg, pid=None):
    p = pid if pid is not None else pids[host].get(prog.split("/")[-1], 1000)
    ml.append((t, "%s %s %s[%d]: %s" % (t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "+00:00", host, prog, p, msg)))


bounces = []  # (t, host, qid, domain, dsn, template) for the bounce processor
for t in poisson_times(rng, L0, L1, 0.22):
    host = "mx-out-1" if rng.random() < 0.5 else "mx-out-2"
    q = qid()
    tmpl = pick(SUBJECTS)[0]
    w, doms, mx, ip, pfail = pick(PROVIDERS)
    dom = rng.choice(doms)
    rcpt = "%s%s@%s" % (rng.choice(NAMES), rng.choice(["", str(rng.randint(1, 99))]), dom)
    if mx is None:
        mx = "mx%d.%s" % (rng.randint(1, 2), dom) if dom != "proton.me" else "mail.protonmail.ch"
        ip = "%d.%d.%d.%d" % (rng.choice([81, 88, 185, 194, 212]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    sel = selector(host, t)
    size = rng.randint(9000, 48000)
    M(t, host, "postfix/cleanup", "%s: message-id=<%s.%s@notify.fernly.com>" % (q, tmpl, uid(q, 16)))
    M(add(t, seconds=0.004), host, "opendkim", "%s: DKIM-Signature field added (s=%s, d=fernly.com)" % (q, sel))
    M(add(t, seconds=0.006), host, "postfix/qmgr", "%s: from=<bounce+%s@bnc.fernlymail.net>, size=%d, nrcpt=1 (queue active)" % (q, uid(q + "b", 10), size))
    dt = rng.uniform(0.4, 2.2)
    te = add(t, seconds=dt)
    delays = "0.01/0.01/%.2f/%.2f" % (dt * 0.4, dt * 0.6)
    r = rng.random()
    if sel == NEW and rng.random() < pfail:
        if "google" in mx:
            resp = ("550-5.7.26 Unauthenticated email from fernly.com is not accepted due to domain's 550-5.7.26 DMARC policy. "
                    "Please contact the administrator of fernly.com domain 550-5.7.26 if this was a legitimate mail. To learn "
                    "about the DMARC initiative, go 550-5.7.26 to  https://support.google.com/mail/?p=DmarcRejection %s - gsmtp" % hexid(rng, 20))
            dsn = "5.7.26"
        elif "outlook" in mx:
            resp = ("550 5.7.509 Access denied, sending domain FERNLY.COM does not pass DMARC verification and has a DMARC policy "
                    "of reject. [AM%sPEPF0002%s.eurprd0%d.prod.outlook.com %s %s]" % (rng.randint(2, 9), hexid(rng, 4).upper(), rng.randint(1, 9), iso(te, ms=True), hexid(rng, 16).upper()))
            dsn = "5.7.509"
        elif "yahoo" in mx:
            resp = "554 5.7.9 Message not accepted for policy reasons.  See https://senders.yahooinc.com/error-codes"
            dsn = "5.7.9"
        elif "icloud" in mx:
            resp = "554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"
            dsn = "5.7.1"
        else:
            resp = "550 5.7.1 Email rejected per DMARC policy for fernly.com"
            dsn = "5.7.1"
        M(te, host, "postfix/smtp", "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=%s, status=bounced (host %s[%s] said: %s (in reply to end of DATA command))" % (
            q, rcpt, mx, ip, dt, delays, dsn, mx, ip, resp))
        bounces.append((te, host, q, dom, dsn, tmpl, rcpt))
    elif r < 0.012:
        resp = "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos - gsmtp" if "google" in mx else "550 5.1.1 <%s>: Recipient address rejected: User unknown" % rcpt
        M(te, host, "postfix/smtp", "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=5.1.1, status=bounced (host %s[%s] said: %s (in reply to RCPT TO command))" % (
            q, rcpt, mx, ip, dt, delays, mx, ip, resp))
        bounces.append((te, host, q, dom, "5.1.1", tmpl, rcpt))
    elif r < 0.02 and mx.startswith("mx"):
        M(add(t, seconds=30), host, "postfix/smtp", "%s: to=<%s>, relay=none, delay=30, delays=0.01/0.01/30/0, dsn=4.4.1, status=deferred (connect to %s[%s]:25: Connection timed out)" % (
            q, rcpt, mx, ip))
        continue
    else:
        ok = {"google": "250 2.0.0 OK  %d %s.%d - gsmtp" % (int(epoch(te)), hexid(rng, 20), rng.randint(10, 99)),
              "outlook": "250 2.6.0 <%s.%s@notify.fernly.com> [InternalId=%d, Hostname=DB%dPR0%dMB%d.eurprd0%d.prod.outlook.com] %d bytes in 0.%03d, %.3f KB/sec Queued mail for delivery" % (
                  tmpl, uid(q, 16), rng.randint(10**12, 10**13), rng.randint(5, 9), rng.randint(1, 9), rng.randint(1000, 9999), rng.randint(1, 9), size, rng.randint(100, 900), rng.uniform(20, 90)),
              "yahoo": "250 ok dirdel", "icloud": "250 2.0.0 Ok: queued as %s" % hexid(rng, 10).upper()}
        resp = next((v for k, v in ok.items() if k in mx), "250 2.0.0 Ok: queued as %s" % hexid(rng, 11).upper())
        M(te, host, "postfix/smtp", "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=%s, dsn=2.0.0, status=sent (%s)" % (
            q, rcpt, mx, ip, dt, delays, resp))
    M(add(te, seconds=0.001), host, "postfix/qmgr", "%s: removed" % q)
for host, (a, b) in (("mx-out-1", (RESTART1, RREST1)), ("mx-out-2", (RESTART2, RREST2))):
    for t, sel in ((a, NEW), (b, OLD)):
        M(add(t, seconds=-1.2), host, "opendkim", "OpenDKIM Filter v2.11.0 terminating with status 0, errno = 0")
        pids[host]["opendkim"] += 37
        M(t, host, "opendkim", "OpenDKIM Filter v2.11.0 starting (args: -x /etc/opendkim.conf)")
        M(add(t, seconds=0.3), host, "opendkim", "KeyTable refresh: key %s._domainkey.fernly.com loaded from /etc/opendkim/keys/fernly.com/%s.private" % (sel, sel))
for t in poisson_times(rng, L0, L1, 1 / 95.0):  # benign: spam-trap probes and TLS noise on the submission side
    host = rng.choice(["mx-out-1", "mx-out-2"])
    if rng.random() < 0.5:
        M(t, host, "postfix/smtpd", "warning: hostname ip-10-40-%d-%d.eu-west-2.compute.internal does not resolve to address 10.40.%d.%d" % ((rng.randint(1, 9),) * 2 + (rng.randint(1, 9), rng.randint(1, 250))), pid=rng.randint(30000, 40000))
    else:
        M(t, host, "postfix/smtp", "warning: TLS library problem: error:0A000126:SSL routines::unexpected eof while reading:ssl/record/rec_layer_s3.c:650:", pid=pids[host]["smtp"])
_pol = sorted(b[0] for b in bounces if b[4] != "5.1.1")
print("first/last policy bounce", _pol[0], _pol[-1])
STARTED = _pol[0].replace(microsecond=0)
assert abs((STARTED - T(D + "10:18:52")).total_seconds()) < 40 and _pol[-1] < add(MITIGATED, seconds=5)
ml.sort(key=lambda x: x[0])
inc.lines("mx-out/0915.gz", [l for _, l in ml])

# ---- bounce-processor (pino, epoch ms)
bp = []


def P(t, lvl, msg, **kw):
    d = {"level": lvl, "time": int(epoch(t) * 1000), "pid": 1, "hostname": "bounce-processor-7c9d5b8f4-q2xkm", "msg": msg}
    d.update(kw)
    bp.append((t, jline(d)))


for te, host, q, dom, dsn, tmpl, rcpt in bounces:
    t = add(te, seconds=rng.uniform(1.5, 4.0))
    P(t, 40, "hard bounce", queueId=q, relay=host, recipientDomain=dom, dsn=dsn, template=tmpl,
      userId="u_%s" % uid(rcpt, 10), action="suppressed", reason="hard_bounce")
for t in poisson_times(rng, L0, L1, 1 / 70.0):
    P(t, 40, "DSN without ENVID, cannot correlate to a send, skipping", **{"relay": rng.choice(["mx-out-1", "mx-out-2"]), "from": "MAILER-DAEMON"})
for t in poisson_times(rng, L0, L1, 1 / 300.0):
    P(t, 50, "complaint feed poll failed", provider="yahoo-cfl", err="ETIMEDOUT", retryInMs=60000)
c = CRON[-1]
P(add(c, seconds=-4), 30, "suppression export started", job="suppression-export", target="s3://fernly-crm-sync/suppressions/2026-09-15.csv")
P(c, 50, "suppression export failed", job="suppression-export", err="AccessDenied: Access Denied", code="AccessDenied", statusCode=403)
P(UNSUPPRESS, 30, "bulk unsuppress started", requestedBy="priya.nair", filter="reason=hard_bounce AND dsn IN (5.7.26,5.7.509,5.7.9,5.7.1) AND created_at BETWEEN 2026-09-15T10:18Z AND 2026-09-15T10:52Z")
nb = sum(1 for b in bounces if b[4] != "5.1.1")
P(add(UNSUPPRESS, seconds=41), 30, "bulk unsuppress finished", removed=nb * 23, durationMs=40987)
P(RESEND, 30, "resend queued", requestedBy="priya.nair", templates=["password-reset", "booking-confirmation", "receipt"], messages=nb * 19)
P(T(D + "11:52:10"), 30, "resend finished", sent=nb * 19, failed=3)
bp.sort(key=lambda x: x[0])
inc.lines("bp.ndjson", [l for _, l in bp])

# ---- Terraform Cloud runs (JSON:API)
def run(rid, ws, created, applied, msg, who, src="tfe-api", adds=0, changes=1, dels=0):
    return {"id": rid, "type": "runs", "attributes": {
        "actions": {"is-cancelable": False, "is-confirmable": False, "is-discardable": False, "is-force-cancelable": False},
        "created-at": iso(created, ms=True), "has-changes": True, "is-destroy": False, "message": msg,
        "plan-only": False, "source": src, "status": "applied", "trigger-reason": "manual" if src == "tfe-ui" else "vcs",
        "status-timestamps": {"plan-queued-at": iso(add(created, seconds=2)), "planning-at": iso(add(created, seconds=4)),
                              "planned-at": iso(add(created, seconds=31)), "confirmed-at": iso(add(applied, seconds=-25)),
                              "apply-queued-at": iso(add(applied, seconds=-24)), "applying-at": iso(add(applied, seconds=-21)),
                              "applied-at": iso(applied)},
        "resource-additions": adds, "resource-changes": changes, "resource-destructions": dels},
        "relationships": {"workspace": {"data": {"id": "ws-" + uid(ws, 16), "type": "workspaces"}},
                          "created-by": {"data": {"id": "user-" + uid(who, 16), "type": "users"}}},
        "links": {"self": "/api/v2/runs/" + rid}}


runs = [
    run("run-" + uid("r1", 16), "dns-fernly-com", T("2026-09-14 15:12:40"), T("2026-09-14 15:15:02"),
        "growth: add include:_spf.hubspotemail.net to fernly.com SPF (#412)", "leah.morgan"),
    run("run-" + uid("r2", 16), "dns-fernly-com", DNS_RUN_CREATED, DNS_APPLIED,
        "mail: publish DKIM selector fs202609 for fernly.com (rotation RUN-2291) (#418)", "priya.nair", adds=1, changes=0),
    run("run-" + uid("r3", 16), "edge-cdn-prod", OTHER_TFC, add(OTHER_TFC, minutes=3, seconds=12),
        "cdn: raise origin read timeout for /api/search to 45s (#1193)", "kofi.asante"),
    run("run-" + uid("r4", 16), "dns-fernly-com", FIX_RUN, FIX_APPLIED,
        "mail: fix fs202609 TXT string split (key was truncated at the 255-char join) (#421)", "priya.nair"),
]
inc.json("runs.json", {"data": sorted(runs, key=lambda r: r["attributes"]["created-at"], reverse=True),
                       "links": {"self": "https://app.terraform.io/api/v2/organizations/fernly/runs?page%5Bnumber%5D=1&page%5Bsize%5D=20",
                                 "first": None, "prev": None, "next": None, "last": None},
                       "meta": {"pagination": {"current-page": 1, "page-size": 20, "prev-page": None, "next-page": None, "total-pages": 1, "total-count": 4}}})

# ---- platform-gitops git log --pretty=fuller (London local time with offset)
gl = []


def G(tc, ta, who, email, subj, body=()):
    la, lc = local(ta, "Europe/London"), local(tc, "Europe/London")
    lines = ["commit %s" % hexid(rng, 40), "Author:     %s <%s>" % (who, email),
             "AuthorDate: %s" % la.strftime("%a %b %-d %H:%M:%S %Y %z"),
             "Commit:     GitHub <noreply@github.com>", "CommitDate: %s" % lc.strftime("%a %b %-d %H:%M:%S %Y %z"), "",
             "    " + subj]
    if body:
        lines += [""] + ["    " + b for b in body]
    gl.append((tc, "\n".join(lines)))


G(T("2026-09-14 16:40:12"), T("2026-09-14 16:31:55"), "Leah Morgan", "leah.morgan@fernly.com", "growth-mailer: send weekly digest from hubspot (#2207)")
G(OTHER_COMMIT, T(D + "09:58:20"), "Kofi Asante", "kofi.asante@fernly.com", "payments-api: 4.18.2 (#2214)")
G(COMMIT, T(D + "10:11:40"), "Priya Nair", "priya.nair@fernly.com", "mx-out: opendkim signs fernly.com with selector fs202609 (#2215)",
  ["Rotation RUN-2291 step 3. fs202609 TXT published 09:48 via TFC.", "Old selector fs202403 stays published for 7 days."])
G(REVERT, T(D + "10:48:51"), "Priya Nair", "priya.nair@fernly.com", "Revert \"mx-out: opendkim signs fernly.com with selector fs202609 (#2215)\" (#2216)",
  ["This reverts commit of #2215: fs202609 public key in DNS is malformed (dkim=permerror)."])
G(T(D + "11:47:03"), T(D + "11:44:10"), "Kofi Asante", "kofi.asante@fernly.com", "search-api: bump memory limit to 3Gi (#2218)")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("history.txt", "\n\n".join(l for _, l in gl) + "\n")

# ---- query_range: hard-bounce ratio by provider (5m)
def broken_share(t):
    s = 0.0
    for host in ("mx-out-1", "mx-out-2"):
        s += 0.5 if selector(host, t) == NEW else 0.0
    return s


def ratio_fn(prov_fail, base):
    def f(t):
        acc = 0.0
        for k in range(10):  # 5m window average, sampled every 30 s
            acc += broken_share(add(t, seconds=-30 * k))
        b = acc / 10.0 * prov_fail
        return min(1.0, b + base + 0.002 * ((int(epoch(t)) // 60) % 3))
    return f


series = [({"provider": p, "job": "postfix-exporter", "relay_pool": "mx-out"}, ratio_fn(pf, base))
          for p, pf, base in (("google", 0.99, 0.008), ("microsoft", 0.99, 0.011), ("yahoo", 0.98, 0.006), ("apple", 0.98, 0.004), ("other", 0.35, 0.014))]
inc.json("q1.json", query_range(series, W0, W1, 60, fmt="%.4f"), indent=None)

# ---- Alertmanager webhook archive (jsonl), back to the 13th
hk = []


def H(t, body):
    hk.append((t, jline(body)))


jl = {"severity": "ticket", "team": "crm", "namespace": "messaging", "job_name": "suppression-export"}
for c in CRON:
    jn = dict(jl, job_name="suppression-export-%d" % int(epoch(add(c, seconds=-5))))
    a0 = add(c, minutes=1)
    H(add(a0, seconds=30), am_webhook("slack-crm", [am_alert("KubeJobFailed", jn, "Job messaging/%s failed to complete." % jn["job_name"], a0)]))
    H(add(c, hours=1, minutes=2), am_webhook("slack-crm", [am_alert("KubeJobFailed", jn, "Job messaging/%s failed to complete." % jn["job_name"], a0, ends=add(c, hours=1, minutes=1))]))
ml_lab = {"severity": "warning", "team": "messaging", "relay_pool": "mx-out"}
H(add(WARN, seconds=20), am_webhook("slack-messaging", [am_alert("MailHardBounceRateElevated", ml_lab, "hard-bounce ratio on mx-out is 41% (baseline < 2%)", WARN)]))
H(add(WARN_OK, seconds=20), am_webhook("slack-messaging", [am_alert("MailHardBounceRateElevated", ml_lab, "hard-bounce ratio on mx-out is 41% (baseline < 2%)", WARN, ends=WARN_OK)]))
cl = {"severity": "page", "team": "messaging", "relay_pool": "mx-out", "stream": "transactional"}
H(add(CRIT, seconds=1), am_webhook("pagerduty-messaging", [am_alert("TransactionalHardBounceRateCritical", cl, "transactional hard-bounce ratio 68% for 5m", CRIT,
                                                                     desc="Runbook: https://runbooks.fernly.internal/mail/hard-bounces")]))
H(add(CRIT_OK, seconds=1), am_webhook("pagerduty-messaging", [am_alert("TransactionalHardBounceRateCritical", cl, "transactional hard-bounce ratio 68% for 5m", CRIT, ends=CRIT_OK)]))
rl = {"severity": "warning", "team": "search", "service": "search-api", "pod": "search-api-5b7f9c6d8-h2m4r"}
for a, b in ((T("2026-09-14 13:10:30"), T("2026-09-14 13:16:00")), (T(D + "09:51:30"), T(D + "09:57:00")), (T(D + "10:38:30"), T(D + "10:43:00")),
             (T(D + "11:21:00"), T(D + "11:25:30"))):
    H(add(a, seconds=30), am_webhook("slack-search", [am_alert("ContainerMemoryNearLimit", rl, "search-api container memory at 94% of limit", a)]))
    H(add(b, seconds=30), am_webhook("slack-search", [am_alert("ContainerMemoryNearLimit", rl, "search-api container memory at 94% of limit", a, ends=b)]))
pl_ = {"severity": "warning", "team": "payments", "service": "payments-api"}
H(T(D + "10:12:10"), am_webhook("slack-payments", [am_alert("PaymentsWebhookLatencyHigh", pl_, "Stripe webhook handling p95 > 2s", T(D + "10:11:40"))]))
H(T(D + "10:31:10"), am_webhook("slack-payments", [am_alert("PaymentsWebhookLatencyHigh", pl_, "Stripe webhook handling p95 > 2s", T(D + "10:11:40"), ends=T(D + "10:30:40"))]))
hk.sort(key=lambda x: x[0])
inc.lines("hooks/archive-2026-09.jsonl", [l for _, l in hk])

# ---- PagerDuty log entries
pd = PD(3817, "TransactionalHardBounceRateCritical transactional hard-bounce ratio 68% for 5m", "Messaging / Email", "PMSG4E1")
tom = PD.user("Tomasz Wilk", "PTWILK1")
priya = PD.user("Priya Nair", "PPNAIR2")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMF9X2", "summary": "Alertmanager (prod)"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Tomasz Wilk by push notification.", user=tom,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, {"type": "auto"}, "Notified Tomasz Wilk by phone.", user=tom,
       notification={"type": "phone_notification", "status": "success", "address": "+44 77** ***812"})
pd.add(ACK, "acknowledge_log_entry", tom, {"type": "phone"}, "Acknowledged by Tomasz Wilk.", acknowledgement_timeout=1800)
pd.add(T(D + "10:46:40"), "assign_log_entry", tom, {"type": "web_ui"}, "Reassigned to Priya Nair.", assignees=[priya])
pd.add(T(D + "10:53:15"), "annotate_log_entry", tom, {"type": "web_ui", "summary": "Selector reverted to fs202403, bounces stopped 10:51. Lifting suppressions + resend next."}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.")
inc.json("export-3817.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("U01TWILK", "tomasz", "Tomasz Wilk"), ("U01PNAIR", "priya", "Priya Nair"), ("U01LMORG", "leah", "Leah Morgan"),
                ("U01MRICC", "marco", "Marco Ricci"), ("U01KASAN", "kofi", "Kofi Asante"), ("U01HSUPP", "hana", "Hana Sato")]:
    s.user(u, n, r, "Europe/London")
for cid, n, p in [("C01MSGAL", "messaging-alerts", "Alertmanager: messaging"), ("C01INC38", "inc-3817-email-bounces", "Incident 3817"),
                  ("C01CRMAL", "crm-alerts", ""), ("C01STAT", "status", "Statuspage mirror"), ("C01SUPP", "support-escalations", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("crm-alerts", add(c, minutes=1, seconds=31), "B01AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job messaging/suppression-export-%d failed to complete." % int(epoch(add(c, seconds=-5))), color="warning"))
s.bot("messaging-alerts", add(WARN, seconds=21), "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "MailHardBounceRateElevated", "hard-bounce ratio on mx-out is 41% (baseline < 2%)", color="warning"))
s.bot("messaging-alerts", add(CRIT, seconds=2), "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "TransactionalHardBounceRateCritical", "transactional hard-bounce ratio 68% for 5m"))
s.bot("messaging-alerts", add(WARN_OK, seconds=21), "B01AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "MailHardBounceRateElevated", "hard-bounce ratio on mx-out back under 2%"))
s.bot("messaging-alerts", add(CRIT_OK, seconds=2), "B01AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "TransactionalHardBounceRateCritical", "transactional hard-bounce ratio"))
s.say("messaging-alerts", add(WARN, minutes=2), "U01KASAN", "anyone looking at the bounce one? not mine, just noticed it")
s.say("support-escalations", T(D + "10:31:40"), "U01HSUPP", "two customers in chat say they never got the password reset email, both gmail. might be nothing")
ch = "inc-3817-email-bounces"
s.say(ch, add(ACK, seconds=52), "U01TWILK", "acked. hard bounces since ~10:19 on both mx-out hosts: Gmail 550 5.7.26 (DMARC), Outlook 550 5.7.509, Yahoo 554 5.7.9. Everything signed fernly.com")
s.say(ch, WRONG, "U01LMORG", "growth added the HubSpot include to the SPF record yesterday afternoon - could that have pushed SPF over the 10-lookup limit -> permerror?")
s.say(ch, T(D + "10:38:40"), "U01TWILK", "maybe, but SPF isn't aligned for these anyway: envelope is bnc.fernlymail.net, so DMARC passes on DKIM alone")
s.say(ch, ROLLBACK_Q, "U01MRICC", "should we roll back the SPF change to be safe?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U01TWILK", "holding on that until we see an Authentication-Results header")
s.bot("status", COMMS, "B01SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Emails not arriving",
      "title": "Investigating - Some emails are not being delivered",
      "text": "Password reset, booking confirmation and receipt emails to Gmail, Outlook and Yahoo addresses are currently being rejected. We are investigating.",
      "mrkdwn_in": ["text"]}])
s.say(ch, add(COMMS, seconds=20), "U01MRICC", "status page is up")
s.say(ch, T(D + "10:43:05"), "U01PNAIR", "joining. I switched opendkim to the new selector fs202609 at ~10:18 (rotation step 3). checking a seed mail")
s.say(ch, DIAG, "U01PNAIR", "seed inbox: `dkim=permerror (bad key) header.i=@fernly.com header.s=fs202609`. The fs202609 TXT record is broken - the key got cut at the 255-char string join in the TF, p= is 390 chars instead of 392. Our rotation caused this, not SPF")
s.say(ch, T(D + "10:47:00"), "U01PNAIR", "reverting opendkim to fs202403, the old key is still published")
s.say(ch, add(RREST2, seconds=45), "U01PNAIR", "both mx-out hosts signing with fs202403 again, last bounce 10:51. Gmail test delivered")
s.say(ch, T(D + "11:08:30"), "U01TWILK", "bounce-processor suppressed every address that hard-bounced between 10:18 and 10:52 - those users get no mail at all until we lift them")
s.say(ch, add(FIX_APPLIED, seconds=90), "U01PNAIR", "fs202609 TXT fixed (#421), dig shows the full key. Will redo step 3 tomorrow with a check in the pipeline")
s.say(ch, add(UNSUPPRESS, seconds=60), "U01PNAIR", "suppressions lifted (reason=hard_bounce, 5.7.x, 10:18-10:52); queuing resend of resets, bookings and receipts")
s.bot("status", T(D + "11:55:00"), "B01SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - Emails",
      "title": "Resolved - Some emails were not delivered", "text": "Emails are being delivered normally and affected messages have been re-sent.", "mrkdwn_in": ["text"]}])
s.say(ch, add(RESOLVED, seconds=-40), "U01PNAIR", "resend finished (3 failures, real user-unknowns). resolving")
s.write(inc, "chat")

inc.truth(
    "fernly-dkim-selector", "dkim-rotation-malformed-dns-key-dmarc-reject",
    "A DKIM rotation published the new selector's TXT record with a truncated key; when OpenDKIM switched to it, DKIM failed with\n"
    "permerror and, SPF being unaligned, DMARC p=reject made the big mailbox providers hard-bounce transactional mail until the selector was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(COMMIT, "change", "opendkim switched to selector fs202609 (#2215 merged; hosts restart 10:18:40/10:19:14)", "history.txt", 120),
     (STARTED, "first_symptom", "first DMARC policy rejection (5.7.x hard bounce) on mx-out-1, two seconds after its opendkim restart", "mx-out/0915.gz", 60),
     (WARN, "alert_fired", "MailHardBounceRateElevated (warning) firing", "hooks/archive-2026-09.jsonl", 60),
     (PAGE, "paged", "PagerDuty #3817 triggered by TransactionalHardBounceRateCritical", "export-3817.json", 60),
     (ACK, "acknowledged", "Tomasz acknowledges by phone", "export-3817.json", 60),
     (COMMS, "communication", "Statuspage: some emails not being delivered", "chat", 90),
     (DIAG, "diagnosis", "Priya: fs202609 TXT key truncated, dkim=permerror (bad key)", "chat", 90),
     (REVERT, "mitigation", "revert of the selector change merged; opendkim restarts 10:51", "history.txt", 120),
     (MITIGATED, "recovery", "both hosts sign with fs202403 again; rejections stop", "mx-out/0915.gz", 60),
     (CRIT_OK, "alert_resolved", "TransactionalHardBounceRateCritical resolved", "hooks/archive-2026-09.jsonl", 60),
     (RESOLVED, "resolved", "PagerDuty resolved after suppressions lifted and resend", "export-3817.json", 60)],
    [(CRON[-1], "suppression-export CronJob fails daily at 09:40 (KubeJobFailed, also on the 13th and 14th)", "hooks/archive-2026-09.jsonl"),
     (DNS_APPLIED, "TFC run publishing the fs202609 TXT record (latent; no failure until the signer switches)", "runs.json"),
     (OTHER_TFC, "edge-cdn TFC run by another team", "runs.json"),
     (OTHER_COMMIT, "payments-api 4.18.2 by the payments team", "history.txt"),
     (T(D + "10:11:40"), "PaymentsWebhookLatencyHigh for payments team", "hooks/archive-2026-09.jsonl"),
     (T(D + "10:38:30"), "ContainerMemoryNearLimit flapping for search-api", "hooks/archive-2026-09.jsonl"),
     (WRONG, "wrong hunch: growth's SPF include over the lookup limit", "chat"),
     (ROLLBACK_Q, "'should we roll back the SPF change?' question", "chat"),
     (T(D + "11:00:00"), "steady 5.1.1 user-unknown bounces, deferred timeouts and complaint-feed poll errors all window", "bp.ndjson")],
    [("mx-out/0915.gz", "logs"), ("bp.ndjson", "logs"), ("runs.json", "deploys"), ("history.txt", "git-log"),
     ("q1.json", "prometheus-query-range"), ("hooks/archive-2026-09.jsonl", "alertmanager-webhook"),
     ("export-3817.json", "pagerduty-log-entries"), ("chat", "slack-export")])
