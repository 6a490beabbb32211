"""retired16/kitewell-as2-cert-rollover: the retailer Northmart switches its AS2 certificate at the announced time; we never
imported the new one, so its POs fail signature verification and our ASNs, encrypted to the old cert, fail decryption on
their side until both certificates of the partner profile are switched (signing first, encryption later)."""
import random
import email.utils
from common import *

rng = random.Random(20260414)
inc = Incident("retired16", "kitewell-as2-cert-rollover")
TZ = "America/Chicago"
D = "2026-04-14 "
W0, W1 = T(D + "13:00:00"), T(D + "17:00:00")
CUTOVER = T(D + "14:00:00")           # partner side, only announced by mail
STARTED = T(D + "14:00:37")
WARN = T(D + "14:06:45")
PAGE_ALERT = T(D + "14:16:45")
PAGE = T(D + "14:16:46")
ACK = T(D + "14:19:30")
WRONG = T(D + "14:22:40")
ROLLBACK_Q = T(D + "14:24:55")
DIAG = T(D + "14:31:20")
MAIL_OUT = T(D + "14:36:10")
CERT_IMPORT = T(D + "14:42:50")
SIGN_SWITCH = T(D + "14:44:05")
DIAG2 = T(D + "14:52:10")
ENC_SWITCH = T(D + "14:55:10")
MITIGATED = T(D + "14:55:52")
WARN_OK = T(D + "14:51:15")
PAGE_OK = T(D + "15:02:15")
RESEND0, RESEND1 = T(D + "15:24:05"), T(D + "15:31:40")
RESOLVED = T(D + "15:42:10")
OTHER_DEPLOY = T(D + "14:33:12")
CRON = [T("2026-04-%02d 13:15:%02d" % (d, 3 + d)) for d in (11, 12, 13, 14)]

NEW_ISSUER = 'CN=Northmart B2B Issuing CA 2026, O=Northmart Inc., C=US'
NEW_SERIAL = "4f:1a:9c:02:77:e1:5b:30"

# ---- as2gw server log (vendor format, local Central time without offset)
al = []
def A(t, lvl, comp, msg):
    lt = local(t, TZ)
    al.append((t, "%s,%03d %-5s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, comp, msg)))
def mid(p):
    return "<%s-%s@%s>" % (p, hexid(rng, 12).upper(), {"NM": "as2.northmart.com", "KW": "as2gw01.kitewell.com", "BY": "b2b.bayline.co", "CV": "edi.corvo-dist.com"}[p])
failed_in = []
sign_ok = lambda t: t < CUTOVER or t >= add(SIGN_SWITCH, seconds=20)
enc_ok = lambda t: t < CUTOVER or t >= add(ENC_SWITCH, seconds=25)
for t in poisson_times(rng, W0, W1, 1 / 45.0):           # Northmart POs (850) inbound
    if CUTOVER <= t < add(STARTED, seconds=1):
        continue
    m = mid("NM")
    A(t, "INFO", "http-in-8", "IN  %s from NORTHMART-PROD to KITEWELL-AS2 size=%d signed=sha256 encrypted=aes256-cbc" % (m, rng.randint(4000, 60000)))
    if t < CUTOVER or sign_ok(t):
        A(add(t, seconds=0.09), "INFO", "http-in-8", "IN  %s decrypted, signature verified (alias northmart-%s), 850 stored as PO_%d.edi" % (m, "2025" if t < CUTOVER else "2026", rng.randint(4500000000, 4599999999)))
        A(add(t, seconds=0.12), "INFO", "mdn", "MDN %s -> NORTHMART-PROD sync disposition=processed" % m)
    else:
        failed_in.append(t)
        A(add(t, seconds=0.08), "ERROR", "http-in-8", "IN  %s signature verification failed: signer certificate not trusted for partner NORTHMART-PROD (issuer \"%s\", serial %s)" % (m, NEW_ISSUER, NEW_SERIAL))
        A(add(t, seconds=0.10), "WARN", "mdn", "MDN %s -> NORTHMART-PROD sync disposition=processed/error: authentication-failed" % m)
A(STARTED, "INFO", "http-in-3", "IN  <NM-7C21E0A94B13@as2.northmart.com> from NORTHMART-PROD to KITEWELL-AS2 size=21877 signed=sha256 encrypted=aes256-cbc")
A(add(STARTED, seconds=0.08), "ERROR", "http-in-3", "IN  <NM-7C21E0A94B13@as2.northmart.com> signature verification failed: signer certificate not trusted for partner NORTHMART-PROD (issuer \"%s\", serial %s)" % (NEW_ISSUER, NEW_SERIAL))
A(add(STARTED, seconds=0.10), "WARN", "mdn", "MDN <NM-7C21E0A94B13@as2.northmart.com> -> NORTHMART-PROD sync disposition=processed/error: authentication-failed")
for t in poisson_times(rng, W0, W1, 1 / 70.0):           # our 855/856 outbound to Northmart
    if CUTOVER <= t < add(STARTED, seconds=1):
        continue
    m = mid("KW")
    doc = rng.choice(["856", "856", "855", "810"])
    A(t, "INFO", "sender-2", "OUT %s %s to NORTHMART-PROD https://as2.northmart.com/as2/receive encrypt=northmart-%s" % (m, doc, "2025"))
    if enc_ok(t) and t < ENC_SWITCH:
        A(add(t, seconds=rng.uniform(0.6, 1.8)), "INFO", "sender-2", "OUT %s MDN received disposition=processed mic=ok" % m)
    elif t < ENC_SWITCH:
        A(add(t, seconds=rng.uniform(0.6, 1.8)), "ERROR", "sender-2", "OUT %s MDN received disposition=processed/error: decryption-failed; queued for retry (attempt 1/5)" % m)
    else:
        pass
# outbound after the encryption switch: resend queue, then normal traffic (encrypt alias now 2026)
al[:] = [x for x in al if not (x[0] >= ENC_SWITCH and "OUT <KW-" in x[1])]
qt = add(ENC_SWITCH, seconds=30)
for i in range(23):
    m = mid("KW")
    A(qt, "INFO", "retry-1", "OUT %s 856 to NORTHMART-PROD (retry queue) encrypt=northmart-2026" % m)
    A(add(qt, seconds=12 if i == 0 else rng.uniform(0.8, 1.6)), "INFO", "retry-1", "OUT %s MDN received disposition=processed mic=ok" % m)
    qt = add(qt, seconds=rng.uniform(4, 9))
for t in poisson_times(rng, add(ENC_SWITCH, minutes=4), W1, 1 / 70.0):
    m = mid("KW")
    A(t, "INFO", "sender-2", "OUT %s %s to NORTHMART-PROD https://as2.northmart.com/as2/receive encrypt=northmart-2026" % (m, rng.choice(["856", "855", "810"])))
    A(add(t, seconds=rng.uniform(0.6, 1.8)), "INFO", "sender-2", "OUT %s MDN received disposition=processed mic=ok" % m)
for t in [add(RESEND0, seconds=i * 11.2) for i in range(41)]:   # Northmart re-sends the bounced POs
    m = mid("NM")
    A(t, "INFO", "http-in-5", "IN  %s from NORTHMART-PROD to KITEWELL-AS2 size=%d signed=sha256 encrypted=aes256-cbc resend=true" % (m, rng.randint(4000, 60000)))
    A(add(t, seconds=0.09), "INFO", "http-in-5", "IN  %s decrypted, signature verified (alias northmart-2026), 850 stored as PO_%d.edi" % (m, rng.randint(4500000000, 4599999999)))
for t in poisson_times(rng, W0, W1, 1 / 90.0):           # Bayline: healthy
    m = mid("BY")
    A(t, "INFO", "http-in-2", "IN  %s from BAYLINE to KITEWELL-AS2 size=%d signed=sha256 encrypted=3des" % (m, rng.randint(2000, 9000)))
    A(add(t, seconds=0.07), "INFO", "mdn", "MDN %s -> BAYLINE async https://b2b.bayline.co/mdn disposition=processed" % m)
for t in poisson_times(rng, W0, W1, 1 / 300.0):          # Corvo: steady duplicate resends, benign
    m = mid("CV")
    A(t, "WARN", "http-in-6", "IN  %s from CORVO-DIST duplicate Message-ID (first received %s), payload discarded, MDN re-sent" % (m, local(add(t, minutes=-rng.randint(20, 300)), TZ).strftime("%H:%M:%S")))
for t in frange(add(W0, seconds=13), W1, 900):
    A(t, "INFO", "housekeeping", "keystore check: 14 certificates, next expiry kitewell-as2-2025 in 171 days")
inc.lines("gw01/as2gw-server.log", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- gateway admin audit log (JSON lines, UTC)
au = []
def U(t, user, action, obj, **kw):
    au.append((t, jline({"ts": iso(t, ms=True), "user": user, "action": action, "object": obj, **kw})))
U(T("2026-04-09 15:02:11"), "svc-deploy", "system.upgrade", "as2gw", from_version="7.1.4", to_version="7.2.0")
U(T("2026-04-10 16:20:40"), "marcus.bell", "certificate.import", "keystore", alias="bayline-2026", subject="CN=b2b.bayline.co", not_after="2027-04-30T23:59:59Z")
U(T("2026-04-10 16:21:30"), "marcus.bell", "partner.update", "partner/BAYLINE", field="signing_cert", old="bayline-2025", new="bayline-2026")
U(T("2026-04-10 16:21:48"), "marcus.bell", "partner.update", "partner/BAYLINE", field="encryption_cert", old="bayline-2025", new="bayline-2026")
U(T(D + "13:47:02"), "ana.silva", "partner.update", "partner/CORVO-DIST", field="mdn_mode", old="sync", new="sync")
U(T(D + "14:28:15"), "dana.ruiz", "partner.view", "partner/NORTHMART-PROD")
U(CERT_IMPORT, "dana.ruiz", "certificate.import", "keystore", alias="northmart-2026", subject="CN=as2.northmart.com, O=Northmart Inc.", issuer=NEW_ISSUER, not_after="2028-04-14T23:59:59Z")
U(SIGN_SWITCH, "dana.ruiz", "partner.update", "partner/NORTHMART-PROD", field="signing_cert", old="northmart-2025", new="northmart-2026")
U(ENC_SWITCH, "dana.ruiz", "partner.update", "partner/NORTHMART-PROD", field="encryption_cert", old="northmart-2025", new="northmart-2026")
U(add(ENC_SWITCH, seconds=21), "dana.ruiz", "queue.retry_now", "partner/NORTHMART-PROD", messages=23)
U(T(D + "16:12:30"), "marcus.bell", "certificate.delete", "keystore", alias="northmart-2025")
inc.lines("gw01/admin-audit.jsonl", [l for _, l in sorted(au, key=lambda x: x[0])])

# ---- Prometheus query_range (negative MDN ratio by partner/direction, POs per minute)
def neg_in(t):
    if CUTOVER <= t < add(SIGN_SWITCH, seconds=20):
        return 1.0 if t >= add(CUTOVER, minutes=5) else min(1.0, (t - CUTOVER).total_seconds() / 300.0)
    if add(SIGN_SWITCH, seconds=20) <= t < add(SIGN_SWITCH, minutes=5, seconds=20):
        return max(0.0, 1.0 - (t - SIGN_SWITCH).total_seconds() / 300.0)
    return 0.0
def neg_out(t):
    if CUTOVER <= t < add(ENC_SWITCH, seconds=25):
        return 1.0 if t >= add(CUTOVER, minutes=5) else min(1.0, (t - CUTOVER).total_seconds() / 300.0)
    if add(ENC_SWITCH, seconds=25) <= t < add(ENC_SWITCH, minutes=5, seconds=25):
        return max(0.0, 1.0 - (t - ENC_SWITCH).total_seconds() / 300.0)
    return 0.0
def pos_in(t):
    base = 1.3 + 0.1 * ((int(epoch(t)) // 60) % 3)
    if CUTOVER <= t < add(SIGN_SWITCH, seconds=20):
        return 0.0
    if RESEND0 <= t < add(RESEND1, minutes=1):
        return base + 5.4
    return base
inc.json("exports/as2_mdn_5m.json", query_range(
    [({"__name__": "as2:mdn_negative:ratio5m", "partner": "NORTHMART-PROD", "direction": "inbound", "job": "as2gw"}, neg_in),
     ({"__name__": "as2:mdn_negative:ratio5m", "partner": "NORTHMART-PROD", "direction": "outbound", "job": "as2gw"}, neg_out),
     ({"__name__": "as2:mdn_negative:ratio5m", "partner": "BAYLINE", "direction": "inbound", "job": "as2gw"}, lambda t: 0.0),
     ({"__name__": "as2:mdn_negative:ratio5m", "partner": "CORVO-DIST", "direction": "inbound", "job": "as2gw"}, lambda t: 0.0),
     ({"__name__": "edi:documents_stored:rate1m", "partner": "NORTHMART-PROD", "doc": "850", "job": "as2gw"}, pos_in)],
    W0, W1, 30), indent=None)

# ---- Alertmanager webhook archive (ndjson, reaching back to the 11th)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
wl = {"severity": "warning", "team": "edi", "partner": "NORTHMART-PROD", "direction": "inbound"}
H(add(WARN, seconds=8), am_webhook("slack-edi", [am_alert("As2NegativeMdnRatio", wl, "NORTHMART-PROD inbound negative MDN ratio 100%", WARN)]))
H(add(WARN_OK, seconds=8), am_webhook("slack-edi", [am_alert("As2NegativeMdnRatio", wl, "NORTHMART-PROD inbound negative MDN ratio 100%", WARN, ends=WARN_OK)]))
pl = {"severity": "page", "team": "edi", "partner": "NORTHMART-PROD"}
H(add(PAGE_ALERT, seconds=1), am_webhook("pagerduty-edi", [am_alert("As2PartnerDeliveryFailing", pl, "No document exchanged successfully with NORTHMART-PROD for 15m", PAGE_ALERT)]))
H(add(PAGE_OK, seconds=6), am_webhook("pagerduty-edi", [am_alert("As2PartnerDeliveryFailing", pl, "No document exchanged successfully with NORTHMART-PROD for 15m", PAGE_ALERT, ends=PAGE_OK)]))
cl = {"severity": "ticket", "team": "catalog", "job": "catalog-export"}
for c in CRON:
    s0 = add(c, minutes=2)
    H(add(s0, seconds=9), am_webhook("slack-catalog", [am_alert("KubeJobFailed", {**cl, "namespace": "batch"}, "Job batch/catalog-export-%s failed" % local(c, TZ).strftime("%Y%m%d"), s0)]))
    H(add(s0, minutes=58), am_webhook("slack-catalog", [am_alert("KubeJobFailed", {**cl, "namespace": "batch"}, "Job batch/catalog-export-%s failed" % local(c, TZ).strftime("%Y%m%d"), s0, ends=add(s0, minutes=57))]))
sl = {"severity": "warning", "team": "web", "service": "storefront-web"}
for a, b in [("13:52:30", "13:58:00"), ("14:12:00", "14:20:30"), ("14:37:30", "14:41:00"), ("16:05:00", "16:09:30")]:
    H(add(T(D + a), seconds=10), am_webhook("slack-web", [am_alert("StorefrontLatencyP99", sl, "storefront-web p99 above 1.2s", T(D + a))]))
    H(add(T(D + b), seconds=10), am_webhook("slack-web", [am_alert("StorefrontLatencyP99", sl, "storefront-web p99 above 1.2s", T(D + a), ends=T(D + b))]))
inc.lines("hooks/2026-04.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(4471, "As2PartnerDeliveryFailing NORTHMART-PROD", "EDI Gateway", "PEDI042", "EDI On-call")
dana = PD.user("Dana Ruiz", "PDANARZ")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEDI1", "summary": "Alertmanager prod"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Dana Ruiz by push notification.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Ruiz.")
pd.add(add(MAIL_OUT, seconds=40), "annotate_log_entry", dana, {"type": "web_ui", "summary": "Northmart rotated AS2 cert 09:00 CT, not imported on our side. Ticket sent to Northmart EDI support."}, "Note added")
pd.add(add(PAGE_OK, seconds=7), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager (auto-resolve disabled for this service)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Ruiz.")
web = PD(4469, "StorefrontErrorBudgetBurn storefront-web", "Storefront", "PWEB007")
leo = PD.user("Leo Tanaka", "PLEOTAN")
web.add(T(D + "13:21:05"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
web.add(T(D + "13:21:06"), "notify_log_entry", None, {"type": "auto"}, "Notified Leo Tanaka by push notification.", user=leo)
web.add(T(D + "13:24:44"), "acknowledge_log_entry", leo, {"type": "mobile"}, "Acknowledged by Leo Tanaka.")
web.add(T(D + "13:40:10"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + web.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("oncall/P4471.json", ex)

# ---- kube events (another team's rollout, the daily catalog-export Job failing)
k = Kube(rng)
for i, c in enumerate(CRON[-1:]):
    job = "catalog-export-%s" % local(c, TZ).strftime("%Y%m%d")
    pod = job + "-x7k2p"
    k.ev(add(c, seconds=-60), "batch", "Job", job, "SuccessfulCreate", "Created pod: %s" % pod, component="job-controller")
    k.pod_start(add(c, seconds=-59), "batch", pod, "ip-10-20-4-31.ec2.internal", "registry.kitewell.internal/catalog-export:3.9.1", "export")
    k.ev(c, "batch", "Pod", pod, "BackOff", "Back-off restarting failed container export in pod %s" % pod, type_="Warning", host="ip-10-20-4-31.ec2.internal")
    k.ev(add(c, minutes=1, seconds=40), "batch", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
rs = "storefront-web-6c8d9f7b54"
k.ev(OTHER_DEPLOY, "shop", "Deployment", "storefront-web", "ScalingReplicaSet", "Scaled up replica set %s from 0 to 3" % rs, component="deployment-controller")
for j in range(6):
    pod = "%s-%s" % (rs, hexid(rng, 5))
    k.pod_start(add(OTHER_DEPLOY, seconds=2 + j * 20), "shop", pod, "ip-10-20-%d-%d.ec2.internal" % (rng.randint(1, 6), rng.randint(10, 250)), "registry.kitewell.internal/storefront-web:2026.04.14-2", "web")
k.ev(add(OTHER_DEPLOY, seconds=140), "shop", "Deployment", "storefront-web", "ScalingReplicaSet", "Scaled down replica set storefront-web-5f9b8c6d77 from 6 to 0", component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    k.ev(t, "shop", "Pod", "storefront-web-5f9b8c6d77-q2m9x" if t < OTHER_DEPLOY else "%s-a81kd" % rs, "Unhealthy", "Readiness probe failed: Get \"http://10.20.3.41:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", type_="Warning", host="ip-10-20-3-17.ec2.internal")
inc.json("cluster/shop-batch.json", k.core_list())

# ---- mail archive (mbox of the edi-ops@ shared mailbox)
mails = []
def M(t, frm, to, subj, body, zone="America/Chicago", cc=None, reply=None):
    mails.append((t, frm, to, subj, body, zone, cc, reply))
M(T("2026-03-13 15:02:44"), "Northmart EDI Notices <edi-notices@northmart.com>", "edi-ops@kitewell.com",
  "Action required: Northmart AS2 certificate renewal on April 14, 2026 at 09:00 CT",
  "Dear Trading Partner,\n\nNorthmart will replace the certificate used to sign and encrypt AS2 traffic for AS2 ID NORTHMART-PROD\n"
  "on Tuesday, April 14, 2026 at 09:00 Central Time. From that moment messages we send will be signed with the new\n"
  "certificate and messages you send must be encrypted with it; the current certificate will no longer be accepted.\n\n"
  "New certificate: CN=as2.northmart.com, issued by Northmart B2B Issuing CA 2026, serial 4f:1a:9c:02:77:e1:5b:30\n"
  "SHA-256 fingerprint: 9B:2E:71:0C:4A:D5:88:13:F0:6E:2B:91:C7:3A:55:E8:0D:42:B7:19:6A:CC:03:F1:8E:27:54:9D:A0:6B:3C:E4\n"
  "The certificate is attached (northmart-as2-2026.cer). Please install it before the cutover.\n\nNorthmart B2B Integration Team\n")
M(T("2026-04-07 14:10:05"), "Northmart EDI Notices <edi-notices@northmart.com>", "edi-ops@kitewell.com",
  "Reminder: Northmart AS2 certificate renewal April 14, 09:00 CT",
  "This is a reminder that the Northmart AS2 certificate changes on Tuesday, April 14 at 09:00 CT.\n"
  "Partners who have not installed the new certificate will have messages rejected from that time.\n")
for c in CRON:
    M(add(c, minutes=1, seconds=41), "Cron Daemon <root@int-batch-01.kitewell.internal>", "edi-ops@kitewell.com",
      "Job batch/catalog-export failed: ShopFeedr upload 550 Permission denied",
      "catalog-export: upload of kitewell_catalog_%s.xml to sftp.shopfeedr.com:/incoming failed: 550 Permission denied\n" % local(c, TZ).strftime("%Y%m%d"))
M(T(D + "14:09:12"), "Northmart EDI Notices <edi-notices@northmart.com>", "edi-ops@kitewell.com",
  "Completed: Northmart AS2 certificate renewal",
  "The AS2 certificate change for NORTHMART-PROD was completed at 09:00 CT as scheduled.\n")
M(T(D + "14:27:05"), "Kelly Brandt <kelly.brandt@northmart.com>", "grace.obi@kitewell.com",
  "POs to Kitewell bouncing",
  "Grace, our replenishment POs for DC 14 and DC 22 are coming back rejected from your AS2 since this morning.\n"
  "We need them confirmed by 11 CT or they roll to Thursday. Can you check?\n\nKelly\n", cc="edi-ops@kitewell.com")
M(MAIL_OUT, "Dana Ruiz <dana.ruiz@kitewell.com>", "edi-support@northmart.com",
  "AS2 messages rejected between NORTHMART-PROD and KITEWELL-AS2 [P4471]",
  "Hello Northmart EDI support,\n\nsince 09:00 CT our gateway rejects your POs (signer certificate not trusted) and our 856s\n"
  "come back with MDN decryption-failed. We are installing your new certificate now. Once done, could you re-send the\n"
  "POs that received a negative MDN today?\n\nDana Ruiz, Kitewell EDI on-call\n", cc="edi-ops@kitewell.com")
M(T(D + "14:38:02"), "Northmart EDI Support <edi-support@northmart.com>", "dana.ruiz@kitewell.com",
  "RE: AS2 messages rejected between NORTHMART-PROD and KITEWELL-AS2 [P4471]",
  "Hi Dana,\n\nthe certificate change completed at 09:00 CT as announced on March 13. Our old certificate and key have been\n"
  "retired, so both signing and encryption must use the new one. We will re-queue the rejected POs once you confirm.\n\n"
  "Regards,\nNorthmart EDI Support (case 00882731)\n", cc="edi-ops@kitewell.com", reply=MAIL_OUT)
M(T(D + "14:57:30"), "Dana Ruiz <dana.ruiz@kitewell.com>", "edi-support@northmart.com",
  "RE: AS2 messages rejected between NORTHMART-PROD and KITEWELL-AS2 [P4471]",
  "New certificate installed for signing and encryption, our 856 retries are accepted. Please re-queue the rejected POs.\n", cc="edi-ops@kitewell.com")
M(T(D + "15:19:40"), "Northmart EDI Support <edi-support@northmart.com>", "dana.ruiz@kitewell.com",
  "RE: AS2 messages rejected between NORTHMART-PROD and KITEWELL-AS2 [P4471]",
  "We have re-queued 41 POs for KITEWELL-AS2; they will go out in the next few minutes.\n", cc="edi-ops@kitewell.com")
mb = []
for t, frm, to, subj, body, zone, cc, reply in sorted(mails, key=lambda m: m[0]):
    addr = frm.split("<")[1].rstrip(">")
    msgid = "<%s@%s>" % (uid(subj + iso(t), 20), addr.split("@")[1])
    mb.append("From %s %s" % (addr, t.astimezone(UTC).strftime("%a %b %d %H:%M:%S %Y")))
    mb.append("Return-Path: <%s>" % addr)
    mb.append("Received: from mx2.kitewell.com (mx2.kitewell.com [10.30.1.12]) by imap01.kitewell.com; %s" % email.utils.format_datetime(add(t, seconds=2).astimezone(UTC)))
    mb.append("Date: %s" % email.utils.format_datetime(local(t, zone)))
    mb.append("From: %s" % frm)
    mb.append("To: %s" % to)
    if cc:
        mb.append("Cc: %s" % cc)
    mb.append("Subject: %s" % subj)
    mb.append("Message-ID: %s" % msgid)
    mb.append("MIME-Version: 1.0")
    mb.append("Content-Type: text/plain; charset=utf-8")
    mb.append("Content-Transfer-Encoding: 8bit")
    mb.append("")
    for line in body.rstrip("\n").split("\n"):
        mb.append(">From " + line[5:] if line.startswith("From ") else line)
    mb.append("")
inc.lines("mail/edi-ops.mbox", mb)

# ---- Slack export
s = Slack()
for u, n, r in [("U04DANA", "dana", "Dana Ruiz"), ("U04MARC", "marcus.bell", "Marcus Bell"), ("U04PRIY", "priya", "Priya Nair"),
                ("U04LEO", "leo.t", "Leo Tanaka"), ("U04GRAC", "grace.obi", "Grace Obi"), ("U04ANA", "ana.silva", "Ana Silva")]:
    s.user(u, n, r, "America/Chicago")
for cid, n, p in [("C04EDI", "edi-ops", "EDI operations and alerts"), ("C04INC", "inc-4471-northmart-as2", "P4471"),
                  ("C04DEP", "deploys", "Argo CD notifications"), ("C04CAT", "catalog-alerts", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("catalog-alerts", add(c, minutes=2, seconds=10), "B04AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job batch/catalog-export-%s failed\nseverity: ticket" % local(c, TZ).strftime("%Y%m%d"), color="warning"))
s.bot("edi-ops", add(WARN, seconds=9), "B04AM", "alertmanager",
      attachments=am_slack_attachment("firing", "As2NegativeMdnRatio", "NORTHMART-PROD inbound negative MDN ratio 100%\nseverity: warning", color="warning"))
s.bot("edi-ops", add(WARN_OK, seconds=9), "B04AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "As2NegativeMdnRatio", "NORTHMART-PROD inbound negative MDN ratio"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=150), "B04ARGO", "argocd",
      attachments=[{"color": "18be52", "fallback": "storefront-web synced", "title": "storefront-web: sync succeeded",
                    "text": "Application storefront-web synced to 2026.04.14-2 (a41c9e0) by leo.tanaka", "mrkdwn_in": ["text"]}])
s.say("edi-ops", T(D + "14:10:02"), "U04MARC", "lots of red MDNs for Northmart in the gateway console, anyone touching the gateway?")
ch = "inc-4471-northmart-as2"
s.say(ch, T(D + "14:20:10"), "U04DANA", "acked. inbound POs from NORTHMART-PROD fail signature verification ('signer certificate not trusted'), and our 856s get MDN decryption-failed back")
s.say(ch, WRONG, "U04PRIY", "is Northmart's gateway flaky again? they had that outage in March")
s.say(ch, ROLLBACK_Q, "U04PRIY", "should we roll back the as2gw 7.2 upgrade from Thursday?")
s.say(ch, T(D + "14:25:40"), "U04DANA", "upgrade was Thursday and Northmart traffic was fine Fri-Mon, I don't think so")
s.say(ch, T(D + "14:27:50"), "U04GRAC", "Northmart's buyer just mailed me: their DC replenishment POs bounce since this morning, they need them confirmed by 11 CT")
s.say(ch, DIAG, "U04MARC", "got it: the signer is CN=Northmart B2B Issuing CA 2026. They rotated their AS2 cert at 09:00 CT today, announced 13 March in a mail to edi-ops with the new cert attached. We never imported it")
s.say(ch, T(D + "14:34:00"), "U04DANA", "ok. mailing Northmart EDI support and importing northmart-2026 from that mail")
s.say(ch, T(D + "14:44:30"), "U04DANA", "imported northmart-2026 and set it as signing cert on the partner profile, inbound POs verify again")
s.say(ch, T(D + "14:47:50"), "U04MARC", "856s still coming back decryption-failed")
s.say(ch, DIAG2, "U04DANA", "encryption cert on the profile is still northmart-2025 and their old key is retired (their reply says so). switching encryption too")
s.say(ch, T(D + "14:56:20"), "U04DANA", "encryption switched, retry queue (23 ASNs) going through with positive MDNs")
s.say(ch, T(D + "15:21:00"), "U04GRAC", "Northmart re-queued the 41 POs that bounced")
s.say(ch, T(D + "15:33:00"), "U04MARC", "all 41 resent POs received and 855s accepted")
s.say(ch, T(D + "15:41:40"), "U04DANA", "resolving. follow-up: partner cert notices go to a ticket queue, not just the edi-ops mailbox")
s.write(inc, "chat-export")

inc.truth(
    "kitewell-as2-cert-rollover", "partner-as2-certificate-rotation-not-imported",
    "Northmart switched its AS2 signing/encryption certificate at 09:00 CT as mailed a month earlier; Kitewell never imported it, so\n"
    "Northmart's POs failed signature verification and our ASNs failed decryption until the signing, then the encryption cert were switched.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first Northmart PO rejected: signer certificate not trusted, negative MDN", "gw01/as2gw-server.log", 60),
     (WARN, "alert_fired", "As2NegativeMdnRatio (warning) NORTHMART-PROD inbound", "hooks/2026-04.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4471 triggered (As2PartnerDeliveryFailing)", "oncall/P4471.json", 60),
     (ACK, "acknowledged", "Dana Ruiz acknowledges", "oncall/P4471.json", 60),
     (DIAG, "diagnosis", "Marcus: Northmart rotated its AS2 cert at 09:00 CT, never imported", "chat-export", 90),
     (MAIL_OUT, "communication", "Dana mails Northmart EDI support", "mail/edi-ops.mbox", 90),
     (SIGN_SWITCH, "mitigation", "partner profile signing cert -> northmart-2026; inbound POs verify", "gw01/admin-audit.jsonl", 60),
     (DIAG2, "diagnosis", "Dana: encryption cert still northmart-2025", "chat-export", 90),
     (ENC_SWITCH, "mitigation", "partner profile encryption cert -> northmart-2026", "gw01/admin-audit.jsonl", 60),
     (MITIGATED, "recovery", "first positive MDN for a retried 856", "gw01/as2gw-server.log", 60),
     (PAGE_OK, "alert_resolved", "As2PartnerDeliveryFailing resolved", "hooks/2026-04.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #4471 resolved", "oncall/P4471.json", 60)],
    [(CRON[-1], "daily catalog-export Job failing at 13:15 UTC (ShopFeedr 550), also on the 11th-13th", "cluster/shop-batch.json"),
     (OTHER_DEPLOY, "web team's storefront-web rollout", "cluster/shop-batch.json"),
     (T(D + "14:12:00"), "StorefrontLatencyP99 flapping for the web team", "hooks/2026-04.ndjson"),
     (T(D + "13:21:05"), "web team's PagerDuty #4469 storefront error budget", "oncall/P4471.json"),
     (WRONG, "wrong hunch: Northmart's gateway flaky", "chat-export"),
     (ROLLBACK_Q, "'should we roll back the as2gw 7.2 upgrade?' question, not done", "chat-export"),
     (T("2026-04-09 15:02:11"), "as2gw 7.2.0 upgrade five days earlier", "gw01/admin-audit.jsonl"),
     (T(D + "15:00:00"), "steady Corvo duplicate Message-ID warnings all window", "gw01/as2gw-server.log"),
     (T(D + "14:00:00"), "steady storefront readiness-probe timeouts", "cluster/shop-batch.json")],
    [("gw01/as2gw-server.log", "logs", TZ), ("gw01/admin-audit.jsonl", "deploys"), ("exports/as2_mdn_5m.json", "prometheus-query-range"),
     ("hooks/2026-04.ndjson", "alertmanager-webhook"), ("oncall/P4471.json", "pagerduty-log-entries"),
     ("cluster/shop-batch.json", "kube-events"), ("mail/edi-ops.mbox", "logs"), ("chat-export", "slack-export")])
