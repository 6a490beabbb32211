"""retired12/otp-sms-pumping: an SMS-pumping (toll-fraud) bot slowly fills the OTP dispatch queue.

From 14:06 UTC on 2026-09-29 a bot on residential proxies signs up with random e-mails and Uzbek,
Tajik and Kyrgyz phone numbers, ramping its OTP requests for 16 minutes.  Nothing fails while the
total stays under sms-dispatch's Twilio throughput (12 msg/s); from 14:16 Twilio answers 20429 Too Many
Requests (the first observable failure) and the dispatch queue grows slowly: legitimate OTP codes
arrive later and later, and the share of successful verifications (sign-up, login step-up, payouts)
sinks slowly over an hour.  The queue-age warning (alerts only as Alertmanager posts in Slack) comes
first; the verify-success page later.  Wrong hunches (Twilio degraded; this morning's otp-svc 3.8.0),
a "should we roll back?" question; the diagnosis (SMS pumping to +998/+992/+996) at 15:05:30.  A
Cloudflare rate-limiting rule on /v1/otp/send (15:09:40) only partly helps: the bot's rate falls by
about 45%, the queue stops growing but does not drain.  The LaunchDarkly flag sms-destination-blocklist
(15:24:10) rejects new sends to those countries and makes the dispatcher drop the queued ones; the
queue drains and the OTP age is back to normal a few minutes later (the mitigated time is read from
the queue-age series: the first sample back under 30 s).  Resolved at 16:12.  Noise: a daily failing
twilio-usage-export CronJob (alerts also on the days before), other teams' flag and Cloudflare
changes, flapping alerts of other teams, steady 30003 undeliverable callbacks all window.
sms-dispatch logs in America/Mexico_City local time without an offset.
"""
import random
from common import *

rng = random.Random(20260929)
inc = Incident("retired12", "otp-sms-pumping")
TZ = "America/Mexico_City"
D = "2026-09-29 "
W0, W1 = T(D + "13:30:00"), T(D + "16:30:00")
A0 = T(D + "14:06:12")
WAF = T(D + "15:09:40")
FLAG = T(D + "15:24:10")
DIAG = T(D + "15:05:30")
WRONG = T(D + "15:00:05")
ROLLBACK_Q = T(D + "15:02:20")
STATUS = T(D + "15:12:30")
RESOLVED = T(D + "16:12:00")
CAP = 12.0
CRON = [T("2026-09-%02d 14:00:%02d" % (d, 11 + d % 5)) for d in (26, 27, 28, 29)]

def base(t):
    return 3.0 + 0.4 * ((int(epoch(t)) // 300) % 3) / 2.0

def attack(t):
    if t < A0:
        return 0.0
    a = min(14.0, (t - A0).total_seconds() / 60.0 * 0.85)
    if t >= WAF:
        a *= 0.55
    return a

# ---- queue simulation, 1 s steps (FIFO; legit share tracked for the purge)
sim = {}
Q = 0.0
Qa = 0.0   # attack messages in queue
first429 = None
t = W0
while t <= W1:
    b, a = base(t), attack(t)
    if t >= FLAG:
        if Qa > 0:
            Q -= Qa
            Qa = 0.0
        a = 0.0
    inn = b + a
    if Q > 0 or inn > CAP:
        if first429 is None and inn > CAP:
            first429 = t
        frac_a = (Qa / Q) if Q > 0 else (a / inn)
        out = min(CAP, Q + inn)
        Q = max(0.0, Q + inn - out)
        Qa = max(0.0, min(Q, Qa + a - out * frac_a))
    sim[t] = (Q, Q / CAP, b, a)
    t = add(t, seconds=1)

def age(t):
    return sim[t][1] + 0.6

def success(t):
    return 0.94 - 0.6 * min(1.0, age(t) / 900.0)

STARTED = add(first429, seconds=2)
def first_where(pred, start):
    for tt in frange(W0, W1, 30):
        if tt >= start and pred(tt):
            return tt
WARN_COND = first_where(lambda x: age(x) > 120, A0)
WARN = add(WARN_COND, minutes=5)
PAGE_COND = first_where(lambda x: success(x) < 0.75, A0)
PAGE_ALERT = add(PAGE_COND, minutes=10)
PAGE = add(PAGE_ALERT, seconds=2)
ACK = add(PAGE, seconds=218)
MITIGATED = first_where(lambda x: age(x) < 30, FLAG)
WARN_OK = add(first_where(lambda x: age(x) <= 120, FLAG), seconds=30)
PAGE_OK = add(first_where(lambda x: success(x) >= 0.75, FLAG), seconds=30)
assert STARTED < WARN < PAGE < ACK < WRONG < ROLLBACK_Q < DIAG < WAF < STATUS < FLAG < MITIGATED < RESOLVED, (STARTED, WARN, PAGE, ACK, MITIGATED)
print("peak age", max(v[1] for v in sim.values()), "started", STARTED, "warn", WARN, "page", PAGE, "ack", ACK, "mitigated", MITIGATED, "warn_ok", WARN_OK, "page_ok", PAGE_OK)

CCS = [("MX", 0.71), ("US", 0.12), ("CO", 0.08), ("ES", 0.05), ("AR", 0.04)]
ACC = [("UZ", 0.58), ("TJ", 0.27), ("KG", 0.15)]

# ---- otp-svc Go logfmt (UTC)
ol = []
def OL(t, *pairs):
    ol.append((t, logfmt([("ts", iso(t, ms=True))] + list(pairs))))
for m in frange(add(W0, seconds=60), W1, 60):
    lo = add(m, seconds=-60)
    b = sum(base(x) for x in frange(lo, add(m, seconds=-1), 1))
    a = sum(attack(x) for x in frange(lo, add(m, seconds=-1), 1))
    legit = {cc: int(b * w + rng.uniform(-3, 3)) for cc, w in CCS}
    ac = {cc: int(a * w) for cc, w in ACC} if a else {}
    blocked = m > FLAG
    parts = [("%s:%d" % kv) for kv in legit.items()] + ([] if blocked else [("%s:%d" % kv) for kv in ac.items() if kv[1]])
    OL(m, ("level", "info"), ("caller", "otp/stats.go:61"), ("msg", "send stats"), ("window", "60s"),
       ("requested", sum(legit.values()) + sum(ac.values())), ("accepted", sum(legit.values()) + (0 if blocked else sum(ac.values()))),
       ("rejected_blocklist", sum(ac.values()) if blocked else 0), ("by_cc", ",".join(parts)))
    vfail = int(sum(legit.values()) * (1 - success(m)) * 0.9)
    if vfail > 6:
        OL(add(m, seconds=0.2), ("level", "warn"), ("caller", "otp/verify.go:118"), ("msg", "verify failures"), ("window", "60s"),
           ("expired", int(vfail * 0.7)), ("wrong_code", int(vfail * 0.1)), ("abandoned", int(vfail * 0.2)))
for x in poisson_times(rng, A0, FLAG, 1 / 25.0):
    cc = rng.choice(["UZ", "UZ", "TJ", "KG"])
    pre = {"UZ": "+99890", "TJ": "+99293", "KG": "+99655"}[cc]
    OL(x, ("level", "info"), ("caller", "signup/handler.go:204"), ("msg", "signup started"), ("flow", "signup"),
       ("email", "%s%d@%s" % (hexid(rng, 7), rng.randint(10, 99), rng.choice(["gmail.com", "mail.ru", "outlook.com"]))),
       ("phone", pre + "*****" + "%02d" % rng.randint(0, 99)), ("ip", "%d.%d.%d.%d" % (rng.choice([37, 46, 94, 185, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))),
       ("asn", rng.choice(["AS8193", "AS12389", "AS31133", "AS48507"])))
for x in poisson_times(rng, W0, W1, 1 / 40.0):
    OL(x, ("level", "info"), ("caller", "signup/handler.go:204"), ("msg", "signup started"), ("flow", "signup"),
       ("email", "%s@%s" % (rng.choice(["ana.r", "jperez", "m.lopez", "karla", "dgarcia", "s.moreno"]) + str(rng.randint(1, 999)), "gmail.com")),
       ("phone", "+52" + "*****" + "%02d" % rng.randint(0, 99)), ("ip", "189.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))),
       ("asn", "AS8151"))
OL(add(FLAG, seconds=3), ("level", "info"), ("caller", "flags/watch.go:40"), ("msg", "flag changed"), ("flag", "sms-destination-blocklist"),
   ("value", "UZ,TJ,KG"), ("version", 7))
inc.lines("otp-svc.logfmt", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- sms-dispatch Python logging, America/Mexico_City local time without offset
dl = []
def DL(t, lvl, lg, msg):
    lt = local(t, TZ)
    dl.append((t, "%s,%03d %s %s [pid 7] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, lg, msg)))
for m in frange(add(W0, seconds=15), W1, 60):
    q, ag, b, a = sim[m]
    DL(m, "INFO", "sms_dispatch.queue", "depth=%d oldest_age=%.1fs workers=16 send_rate=%.1f/s" % (q, ag + 0.6, min(CAP, b + a) if m < FLAG else min(CAP, q + b) if q else b))
prev = None
for x in frange(W0, W1, 1):
    b, a = sim[x][2], sim[x][3]
    if x < FLAG and b + a > CAP or (sim[x][0] > 0 and x < FLAG):
        if prev is None or (x - prev).total_seconds() >= rng.choice([7, 11, 13, 19]):
            DL(x if prev else STARTED, "WARNING", "sms_dispatch.twilio",
               "Twilio API 429 (code 20429 Too Many Requests) on POST /2010-04-01/Accounts/AC3f***/Messages.json, backing off %dms" % rng.choice([250, 500, 1000]))
            prev = x if prev else STARTED
DL(add(FLAG, seconds=4), "INFO", "sms_dispatch.blocklist", "blocklist updated from flag sms-destination-blocklist v7: UZ,TJ,KG")
purged = int(sim[add(FLAG, seconds=-1)][0] - sim[FLAG][0])
DL(add(FLAG, seconds=9), "WARNING", "sms_dispatch.queue", "dropped %d queued messages to blocked destinations (UZ=%d TJ=%d KG=%d)" % (
    purged, int(purged * 0.58), int(purged * 0.27), purged - int(purged * 0.58) - int(purged * 0.27)))
for x in poisson_times(rng, W0, W1, 1 / 50.0):
    DL(x, "INFO", "sms_dispatch.callbacks", "status callback SM%s status=undelivered error_code=30003 (Unreachable destination handset) cc=%s" % (
        hexid(rng, 32), rng.choice(["MX", "MX", "US", "CO"])))
inc.lines("sms-dispatch.log", [l for _, l in sorted(dl, key=lambda x: x[0])])

# ---- query_range
inc.json("otp-metrics.json", query_range([
    ({"__name__": "sms_dispatch_oldest_message_age_seconds", "job": "sms-dispatch", "namespace": "messaging"}, age),
    ({"__name__": "otp:verify_success:ratio5m", "job": "otp-svc", "namespace": "messaging"}, success),
    ({"__name__": "otp:send_requests:rate1m", "job": "otp-svc", "cc": "MX"}, lambda x: base(x) * 0.71),
    ({"__name__": "otp:send_requests:rate1m", "job": "otp-svc", "cc": "UZ"}, lambda x: attack(x) * 0.58),
    ({"__name__": "otp:send_requests:rate1m", "job": "otp-svc", "cc": "TJ"}, lambda x: attack(x) * 0.27),
], W0, W1, 30, "%.4g"), indent=None)

# ---- Cloudflare audit logs (GET /accounts/:id/audit_logs), filed as deploys
def cfa(t, who, action, rtype, rid, newv):
    return {"id": uuid("cf" + iso(t)), "action": {"type": action, "result": True, "info": ""},
            "actor": {"id": uid(who, 32), "email": who, "type": "user", "ip": "189.203.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254))},
            "interface": "UI", "metadata": {"zone_name": "pennia.mx"}, "newValue": "", "newValueJson": newv, "oldValue": "", "oldValueJson": {},
            "owner": {"id": "a1c2e3" + uid("acct", 26)}, "resource": {"id": rid, "type": rtype}, "when": iso(t, ms=True)}
cf = [cfa(T(D + "14:12:44"), "bruno.diaz@pennia.mx", "update", "ruleset.rule", uid("cache1", 32),
          {"description": "cache /static/* 1d", "action": "set_cache_settings", "expression": "starts_with(http.request.uri.path, \"/static/\")"}),
      cfa(WAF, "lucia.herrera@pennia.mx", "create", "ruleset.rule", uid("rl1", 32),
          {"description": "otp send per IP", "action": "block", "expression": "http.request.uri.path eq \"/v1/otp/send\"",
           "ratelimit": {"characteristics": ["ip.src", "cf.colo.id"], "period": 60, "requests_per_period": 5, "mitigation_timeout": 600}}),
      cfa(T(D + "16:40:05"), "bruno.diaz@pennia.mx", "update", "ruleset.rule", uid("cache2", 32),
          {"description": "bypass cache /api/*", "action": "set_cache_settings"})]
cf.sort(key=lambda e: e["when"], reverse=True)
inc.json("cf-audit.json", {"result": cf, "success": True, "errors": [], "messages": [],
                           "result_info": {"page": 1, "per_page": 100, "count": len(cf), "total_count": len(cf)}})

# ---- LaunchDarkly audit log, filed as deploys
def lda(t, who, flag, title, desc):
    return {"_id": uid("ld" + iso(t), 24), "_accountId": uid("pennia", 24), "date": int(epoch(t) * 1000), "kind": "flag",
            "name": flag, "description": desc, "shortDescription": "", "titleVerb": "updated the flag",
            "title": title, "target": {"_links": {"canonical": {"href": "/api/v2/flags/default/%s" % flag}}, "name": flag,
                                        "resources": ["proj/default:env/production:flag/%s" % flag]},
            "member": {"email": who, "firstName": who.split(".")[0].title(), "lastName": who.split(".")[1].split("@")[0].title()},
            "_links": {"self": {"href": "/api/v2/auditlog/" + uid("ld" + iso(t), 24)}}}
ld = [lda(T(D + "14:33:18"), "sofia.mendez@pennia.mx", "home-banner-v3", "Sofia Mendez turned on the flag home-banner-v3 in Production",
          "- Turned on the flag\n- Changed the default variation to `v3` for 25% of users"),
      lda(FLAG, "lucia.herrera@pennia.mx", "sms-destination-blocklist", "Lucia Herrera updated the flag sms-destination-blocklist in Production",
          "- Changed the default variation from `\"\"` to `\"UZ,TJ,KG\"`"),
      lda(T("2026-09-29 11:20:31"), "diego.ruiz@pennia.mx", "otp-svc-new-templates", "Diego Ruiz turned on the flag otp-svc-new-templates in Production",
          "- Turned on the flag")]
ld.sort(key=lambda e: -e["date"])
inc.json("ld-audit.json", {"items": ld, "_links": {"self": {"href": "/api/v2/auditlog?limit=20"}}})

# ---- PagerDuty v2 webhook deliveries
pd = PD(31877, "OtpVerifySuccessLow otp verify success below 75%", "otp-svc", "POTP9K3")
lucia = PD.user("Lucia Herrera", "PLUCIA1")
amint = {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", lucia, {"type": "mobile"}, "Acknowledged by Lucia Herrera.")
pd.add(add(FLAG, minutes=2), "annotate_log_entry", lucia, {"type": "web_ui", "summary": "blocklist UZ,TJ,KG on; queue draining"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", lucia, {"type": "web_ui"}, "Resolved by Lucia Herrera.")
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 31877, "OtpVerifySuccessLow otp verify success below 75%", PAGE)])

# ---- Slack (alerts only as Alertmanager posts here)
s = Slack()
for u, n, r in [("U3LUCIA", "lucia", "Lucia Herrera"), ("U3DIEGO", "diego", "Diego Ruiz"), ("U3BRUNO", "bruno", "Bruno Diaz"),
                ("U3SOFIA", "sofia.m", "Sofia Mendez"), ("U3RAUL", "raul", "Raul Ortega")]:
    s.user(u, n, r, TZ)
for cid, n in [("C3ALR", "alerts-messaging"), ("C3INC", "inc-otp"), ("C3PAY", "alerts-payouts"), ("C3STA", "status")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("alerts-messaging", add(c, seconds=50), "B3AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job messaging/twilio-usage-export-%s failed to complete" % local(c, TZ).strftime("%Y%m%d"), color="warning"))
s.bot("alerts-messaging", WARN, "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "SmsDispatchQueueAgeHigh",
      "sms-dispatch oldest message is %ds old (threshold 120s)" % int(age(WARN)), color="warning"))
s.bot("alerts-messaging", PAGE_ALERT, "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "OtpVerifySuccessLow",
      "otp verify success %.0f%% (threshold 75%%)" % (100 * success(PAGE_ALERT))))
s.bot("alerts-messaging", WARN_OK, "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "SmsDispatchQueueAgeHigh", "sms-dispatch queue age normal"))
s.bot("alerts-messaging", PAGE_OK, "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "OtpVerifySuccessLow", "otp verify success back above 75%"))
for a, b in [("13:41:30", "13:48:00"), ("14:27:00", "14:31:30"), ("15:14:30", "15:22:00"), ("16:02:00", "16:09:00")]:
    s.bot("alerts-payouts", T(D + a), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "SpeiWebhookLatencyHigh", "SPEI webhook p95 > 2s", color="warning"))
    s.bot("alerts-payouts", T(D + b), "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "SpeiWebhookLatencyHigh", "SPEI webhook p95 normal"))
ch = "inc-otp"
s.say(ch, add(ACK, seconds=60), "U3LUCIA", "acked. sms-dispatch queue is %d min behind and Twilio is throwing 20429 at us, codes expire before they arrive" % int(age(ACK) / 60))
s.say(ch, WRONG, "U3RAUL", "is Twilio degraded? their status page is green though")
s.say(ch, ROLLBACK_Q, "U3BRUNO", "should we roll back otp-svc 3.8.0 from this morning?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U3DIEGO", "3.8.0 only changed templates, and the send volume is way up, not the send path")
s.say(ch, DIAG, "U3LUCIA", "this is SMS pumping: ~80% of sends since ~14:06 go to +998/+992/+996 numbers, signups with random emails from residential proxies. the bot fills the queue and real codes wait behind it")
s.say(ch, add(WAF, seconds=20), "U3LUCIA", "added a Cloudflare rate limit on /v1/otp/send, 5/min per IP")
s.bot("status", STATUS, "B3SP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Investigating - Verification codes delayed",
      "text": "Some customers receive SMS verification codes late. We are working on it.", "mrkdwn_in": ["text"]}])
s.say(ch, T(D + "15:19:40"), "U3DIEGO", "rate limit cut the bot by maybe 40%, queue isn't growing any more but it's not draining either. they rotate IPs")
s.say(ch, add(FLAG, seconds=-50), "U3LUCIA", "turning on sms-destination-blocklist for UZ,TJ,KG (nobody legit signs up from there), dispatcher will drop the queued ones too. also disabling those countries in Twilio geo permissions")
s.say(ch, add(MITIGATED, seconds=60), "U3LUCIA", "queue drained, codes arriving in seconds again")
s.bot("status", add(MITIGATED, minutes=6), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Monitoring - Verification codes delayed",
      "text": "Codes are being delivered normally again.", "mrkdwn_in": ["text"]}])
s.say(ch, add(RESOLVED, seconds=-30), "U3LUCIA", "40 min clean, resolving. follow-up: captcha on signup OTP, Twilio Verify fraud guard")
s.say("alerts-payouts", T(D + "14:28:10"), "U3SOFIA", "SPEI latency flapping again, bank side, ignore")
s.write(inc, "slack")

inc.truth(
    "otp-sms-pumping", "sms-pumping-abuse-fills-otp-dispatch-queue",
    "An SMS-pumping bot ramps OTP requests to Central Asian numbers; past Twilio's throughput the dispatch queue grows and legitimate codes\n"
    "expire, so verifications fail in slowly growing numbers; a WAF rate limit only partly helps, a destination blocklist flag ends it.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first Twilio 20429 Too Many Requests; dispatch queue starts to grow", "sms-dispatch.log", 90),
     (WARN, "alert_fired", "SmsDispatchQueueAgeHigh (warning) firing", "slack", 60),
     (PAGE, "paged", "OtpVerifySuccessLow pages, PagerDuty #31877", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Lucia acknowledges", "pd-webhooks.ndjson", 60),
     (DIAG, "diagnosis", "Lucia: SMS pumping to +998/+992/+996 fills the queue", "slack", 90),
     (WAF, "mitigation", "Cloudflare rate limit on /v1/otp/send (partial)", "cf-audit.json", 60),
     (STATUS, "communication", "status page: verification codes delayed", "slack", 90),
     (FLAG, "mitigation", "sms-destination-blocklist UZ,TJ,KG on; queued pumped messages dropped", "ld-audit.json", 60),
     (MITIGATED, "recovery", "queue age back under 30 s, codes arrive in seconds", "otp-metrics.json", 90),
     (PAGE_OK, "alert_resolved", "OtpVerifySuccessLow resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #31877 resolved", "pd-webhooks.ndjson", 60)],
    [(CRON[-1], "daily twilio-usage-export CronJob failure (also the 26th-28th)", "slack"),
     (T(D + "14:33:18"), "growth team turns on home-banner-v3", "ld-audit.json"),
     (T(D + "14:12:44"), "web team's Cloudflare cache rule for /static", "cf-audit.json"),
     (T(D + "13:41:30"), "SpeiWebhookLatencyHigh flapping (payouts)", "slack"),
     (T(D + "15:14:30"), "SpeiWebhookLatencyHigh fires again (payouts)", "slack"),
     (WRONG, "wrong hunch: Twilio degraded", "slack"),
     (ROLLBACK_Q, "'should we roll back otp-svc 3.8.0?' question, not done", "slack"),
     (T(D + "14:00:00"), "steady 30003 undeliverable status callbacks all window", "sms-dispatch.log")],
    [("otp-svc.logfmt", "logs"), ("sms-dispatch.log", "logs", TZ), ("otp-metrics.json", "prometheus-query-range"),
     ("cf-audit.json", "deploys"), ("ld-audit.json", "deploys"), ("pd-webhooks.ndjson", "pagerduty-log-entries"),
     ("slack", "slack-export")])
