"""retired12/passcode-sms-filtering: another team's SMS blast through our sender pool gets the pool filtered by carriers; one-time passcodes stop arriving.

Pennyroll sends login and payment one-time passcodes by SMS through its sms-gateway and a Twilio Messaging
Service ("Pennyroll Transactional", a pool of 10DLC long codes).  Two days earlier marketing ops pointed
Braze's sms-marketing subscription group at the wrong messaging service.  On 2026-06-18 at 15:00 UTC the
"Summer Cashback" campaign starts sending ~200 messages/s through our transactional pool.  Carriers' spam
filters react: from 15:11:20 T-Mobile, from 15:24 AT&T answer our OTPs with error 30007 (message filtered).
Twilio accepts every send (HTTP 201), so nothing fails at the API: the first signs are undelivered status
callbacks, then unverified passcodes expiring and customers unable to log in.  Steady 30003/30005
(unreachable or unknown handsets) are normal all day.

The undelivered-ratio warning fires at 15:19, the verify-completion page at 15:26, acknowledged at 15:29.
Wrong hunches: the verify-service 5.4.0 rate limiter deployed at 14:40 (a "should we roll back?" question)
and a Twilio-side incident.  The diagnosis (15:44) ties the 30007s to the marketing blast on our pool.
Stopping the campaign at 15:52 does nothing for delivery (the numbers are already flagged); offering an
email code (flag at 15:58) only partly helps; switching the OTP sender to the verified toll-free number
(flag at 16:06:20) ends the impact.  The incident is resolved at 17:41 after marketing gets its own
messaging service and Twilio confirms the filter is lifted.  Noise: a usage-reconcile job that fails every
day at 15:00 (the same minute as the campaign), a Kafka consumer-lag alert of the ledger team, other
teams' flag changes and deploys.  verify-service logs in America/Denver local time without an offset.
"""
import random
from common import *

rng = random.Random(20260618)
inc = Incident("retired12", "passcode-sms-filtering")
TZ = "America/Denver"
D = "2026-06-18 "
W0, W1 = T(D + "14:00:00"), T(D + "18:00:00")
VERIFY_DEPLOY = T(D + "14:40:12")
WEB_FLAG = T(D + "14:52:31")
CAMPAIGN = T(D + "15:00:00")
STARTED = T(D + "15:11:20")
WARN = T(D + "15:19:10")
PAGE_ALERT = T(D + "15:26:40")
PAGE = T(D + "15:26:41")
ACK = T(D + "15:29:15")
WRONG = T(D + "15:33:00")
ROLLBACK_Q = T(D + "15:35:20")
COMMS = T(D + "15:40:30")
DIAG = T(D + "15:44:30")
PAUSE = T(D + "15:52:10")
EMAIL_FB = T(D + "15:58:00")
FLIP = T(D + "16:06:20")
MITIGATED = T(D + "16:06:50")
PAGE_OK = T(D + "16:14:40")
WARN_OK = T(D + "16:11:40")
MKT_FIX = T(D + "17:05:40")
RESOLVED = T(D + "17:41:10")
CRON = [T("2026-06-%02d 15:00:%02d" % (d, 5 + d % 3)) for d in (16, 17, 18)]
CARRIERS = [("T-Mobile USA", 0.38), ("AT&T Wireless", 0.33), ("Verizon Wireless", 0.29)]
POOL = ["+1720555%04d" % rng.randint(0, 9999) for _ in range(12)]
TOLLFREE = "+18885550142"


def ramp(t, a, b):
    if t < a:
        return 0.0
    return min(1.0, (t - a).total_seconds() / (b - a).total_seconds())


def filtered(carrier, t):
    """Probability a pool-sent OTP to this carrier is filtered (30007)."""
    if t >= FLIP:
        return 0.0
    if carrier == "T-Mobile USA":
        return ramp(t, STARTED, T(D + "15:20:00"))
    if carrier == "AT&T Wireless":
        return ramp(t, T(D + "15:24:00"), T(D + "15:32:00"))
    return 0.0


def blocked(t):
    return sum(w * filtered(c, t) for c, w in CARRIERS)


def completion(t):
    t = add(t, minutes=-4)  # rate10m lag
    b = blocked(t)
    if t >= EMAIL_FB:
        b *= 0.55
    return 0.91 * (1 - b)


# ---- sms-gateway (Node, pino JSON, epoch ms)
sg = []
HOSTS = ["sms-gateway-6c9f7d-2kq8x", "sms-gateway-6c9f7d-v7m4z"]
def P(t, level, msg, **kv):
    sg.append((t, jline({"level": level, "time": int(epoch(t) * 1000), "pid": 1, "hostname": rng.choice(HOSTS), **kv, "msg": msg})))
def send(t, carrier, code=None, cb=None):
    sid = "SM" + hexid(rng, 32)
    frm = TOLLFREE if t >= FLIP else rng.choice(POOL)
    mg = "MG" + ("4f1c" if t < FLIP else "9ab0") + "e2d07a6b5c4d3e2f1a0b9c8d7e6f5a4"
    P(t, 30, "sms sent", req_id=hexid(rng, 12), sid=sid, template="otp_login" if rng.random() < 0.7 else "otp_payment",
      messagingServiceSid=mg, twilioStatus=201, latencyMs=rng.randint(90, 400))
    cb = cb or add(t, seconds=rng.uniform(3, 25))
    if code is None:
        if rng.random() < filtered(carrier, t):
            code = 30007
        elif rng.random() < 0.012:
            code = 30003
        elif rng.random() < 0.004:
            code = 30005
    if code:
        P(cb, 40, "status callback", sid=sid, messageStatus="failed" if code == 30005 else "undelivered", errorCode=code,
          **{"from": frm}, carrier=carrier)
send(add(STARTED, seconds=-9.4), "T-Mobile USA", 30007, STARTED)
for t in poisson_times(rng, W0, W1, 0.12):
    send(t, rng.choices([c for c, _ in CARRIERS], [w for _, w in CARRIERS])[0])
for c in CRON[-1:]:
    P(c, 30, "usage reconcile started", job="usage-reconcile", period="2026-06-17")
    P(add(c, seconds=31), 50, "usage reconcile failed", job="usage-reconcile",
      err="Twilio usage records for 2026-06-17 differ from ledger by 214 segments (threshold 100)")
for s_ in (FLIP,):
    P(add(s_, seconds=2), 30, "sender config reloaded", flag="sms-sender-pool", value="tollfree-verified", previous="pool-transactional")
inc.lines("sms-gateway.log", [l for _, l in sorted(sg, key=lambda x: x[0])])

# ---- verify-service (Python logging, America/Denver local, no offset)
vl = []
def V(t, lvl, lg, msg):
    lt_ = local(t, TZ)
    vl.append((t, "%s,%03d %s [%s] %s" % (lt_.strftime("%Y-%m-%d %H:%M:%S"), lt_.microsecond // 1000, lvl, lg, msg)))
V(VERIFY_DEPLOY, "INFO", "verify.app", "verify-service 5.4.0 starting (gunicorn workers=8, rate_limit=per_user_token_bucket)")
V(add(VERIFY_DEPLOY, seconds=41), "INFO", "verify.app", "verify-service 5.4.0 ready")
for t in poisson_times(rng, W0, W1, 1 / 30.0):
    V(t, "WARNING", "verify.otp", "code mismatch user=u_%s attempts=%d" % (hexid(rng, 6), rng.randint(1, 3)))
for t in poisson_times(rng, W0, W1, 1 / 120.0):
    V(t, "WARNING", "verify.limits", "rate limited user=u_%s bucket=otp_send tokens=0" % hexid(rng, 6))
for t in poisson_times(rng, W0, W1, 0.12):
    issued = add(t, minutes=-10)
    b = blocked(issued)
    if issued >= EMAIL_FB:
        b *= 0.55
    if rng.random() < 0.05 + 0.95 * b:
        V(t, "WARNING", "verify.otp", "otp expired unverified user=u_%s channel=sms age=600s" % hexid(rng, 6))
for t in poisson_times(rng, EMAIL_FB, W1, 0.03):
    if t < add(FLIP, minutes=15):
        V(t, "INFO", "verify.otp", "otp issued user=u_%s channel=email reason=user_choice" % hexid(rng, 6))
V(add(EMAIL_FB, seconds=3), "INFO", "verify.flags", "flag otp-email-fallback changed: false -> true")
inc.lines("verify-service.log", [l for _, l in sorted(vl, key=lambda x: x[0])])

# ---- Prometheus query_range
def undeliv(code):
    def f(t):
        if code == "30007":
            return round(blocked(add(t, seconds=-30)), 4)
        return 0.012 if code == "30003" else 0.004
    return f
def mg_rate(name):
    def f(t):
        if name == "Pennyroll Transactional":
            base = 0.12 if t < FLIP else 0.02
            return base + (200.0 if CAMPAIGN <= t < PAUSE else 0.0)
        return 0.10 if t >= FLIP else 0.0
    return f
inc.json("metrics.json", query_range(
    [({"__name__": "verify:otp_completion_ratio:rate10m", "service": "verify-service"}, completion)] +
    [({"__name__": "sms:undelivered_ratio:rate5m", "error_code": c}, undeliv(c)) for c in ("30007", "30003", "30005")] +
    [({"__name__": "twilio_messaging_service_outbound:rate1m", "messaging_service": n}, mg_rate(n))
     for n in ("Pennyroll Transactional", "Pennyroll Toll-Free Verify")],
    W0, W1, 30, fmt="%.4g"), indent=None)

# ---- LaunchDarkly audit log (GET /api/v2/auditlog)
ld = []
def L(t, who, flag, name, verb, desc, comment=""):
    _id = uid(flag + iso(t), 24)
    ld.append({"_links": {"self": {"href": "/api/v2/auditlog/" + _id, "type": "application/json"}},
               "_id": _id, "_accountId": "5f3c2a1b0e9d8c7b6a5f4e3d", "date": int(epoch(t) * 1000),
               "accesses": [{"action": "updateFallthrough" if "default" in verb else "updateOn",
                             "resource": "proj/default:env/production:flag/" + flag}],
               "kind": "flag", "name": name, "description": desc, "shortDescription": desc, "comment": comment,
               "member": {"_id": uid(who, 24), "email": who, "firstName": who.split(".")[0].title(), "lastName": who.split(".")[1].split("@")[0].title()},
               "titleVerb": verb, "title": "%s %s %s in Production" % (who, verb, name),
               "target": {"name": name, "resources": ["proj/default:env/production:flag/" + flag]}})
L(T("2026-06-17 18:20:11"), "omar.haddad@pennyroll.com", "card-controls-v2", "Card controls v2", "updated the targeting rules for", "* Added rule: country is US -> true")
L(WEB_FLAG, "sofia.reyes@pennyroll.com", "checkout-redesign", "Checkout redesign", "changed the rollout of", "* Rollout: 25% -> 50% true")
L(EMAIL_FB, "priya.nair@pennyroll.com", "otp-email-fallback", "OTP email fallback", "turned on", "* Turned targeting on", "INC-2291 let users pick an email code")
L(FLIP, "priya.nair@pennyroll.com", "sms-sender-pool", "SMS sender pool", "changed the default variation of",
  "* Default variation: pool-transactional -> tollfree-verified", "INC-2291 carriers filter the pool numbers")
L(T(D + "16:40:02"), "omar.haddad@pennyroll.com", "card-controls-v2", "Card controls v2", "changed the rollout of", "* Rollout: 10% -> 30% true")
ld.sort(key=lambda e: e["date"], reverse=True)
inc.json("ld-auditlog.json", {"_links": {"self": {"href": "/api/v2/auditlog?limit=20", "type": "application/json"}}, "items": ld})

# ---- Alertmanager API snapshot (GET /api/v2/alerts at 15:50)
SNAP = T(D + "15:50:00")
am = [amtool_alert("SmsUndeliveredRatioHigh", {"severity": "warning", "team": "identity", "service": "sms-gateway"},
                   "SMS undelivered ratio 71% (> 10%)", WARN, SNAP, receivers=("slack-identity",)),
      amtool_alert("OtpVerifyCompletionLow", {"severity": "page", "team": "identity", "service": "verify-service"},
                   "OTP verify completion 26% (< 70%)", PAGE_ALERT, SNAP, receivers=("pagerduty-identity",)),
      amtool_alert("SmsUsageReconcileFailed", {"severity": "ticket", "team": "identity", "job": "usage-reconcile"},
                   "Twilio usage reconcile failed", add(CRON[-1], seconds=35), SNAP, receivers=("slack-identity",)),
      amtool_alert("KafkaConsumerLagHigh", {"severity": "warning", "team": "ledger", "consumergroup": "ledger-postings"},
                   "consumer group ledger-postings lag > 50k", T(D + "15:44:00"), SNAP, receivers=("slack-ledger",)),
      amtool_alert("Watchdog", {"severity": "none"}, "Alerting pipeline is alive", T("2026-06-02 09:00:00"), SNAP, receivers=("null",))]
inc.json("alertmanager-alerts.json", am)

# ---- PagerDuty v2 webhooks (one POST body per line)
pd = PD(2291, "OtpVerifyCompletionLow OTP verify completion 56% (< 70%)", "verify-service", "PIDN077", "Identity on-call")
priya = PD.user("Priya Nair", "PPRIYA5")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"},
       "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Nair.", user=priya)
pd.add(add(DIAG, seconds=70), "annotate_log_entry", priya, {"type": "web_ui", "summary": "30007 carrier filtering on MG pool after marketing blast"}, "Note added", user=priya)
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.", user=priya)
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 2291, "OtpVerifyCompletionLow OTP verify completion 56% (< 70%)", PAGE)])

# ---- Slack export
s = Slack()
for u, n, r in [("U4PRIYA", "priya", "Priya Nair"), ("U4MARC", "marcus", "Marcus Bell"), ("U4HANNA", "hannah.k", "Hannah Kim"),
                ("U4SOFIA", "sofia", "Sofia Reyes"), ("U4OMAR", "omar", "Omar Haddad"), ("U4DEV", "devon", "Devon Ellis")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C4INC", "inc-2291-otp", "incident"), ("C4IDA", "identity-alerts", ""), ("C4DEP", "deploys", ""),
                  ("C4MKT", "marketing-launches", ""), ("C4ST", "status", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("identity-alerts", add(c, seconds=36), "B4AM", "alertmanager",
          attachments=am_slack_attachment("firing", "SmsUsageReconcileFailed", "Twilio usage reconcile failed\nseverity: ticket", color="warning"))
s.say("marketing-launches", T("2026-06-16 19:02:44"), "U4HANNA", "moved the sms-marketing subscription group in Braze to the new messaging service, ready for Thursday")
s.bot("deploys", add(VERIFY_DEPLOY, seconds=50), "B4DEP", "deploybot", blocks=pd_slack_blocks("*verify-service* 5.4.0 deployed to production by marcus (per-user OTP rate limiter)"))
s.bot("deploys", T(D + "15:48:12"), "B4DEP", "deploybot", blocks=pd_slack_blocks("*web-app* 2026.06.18-3 deployed to production by sofia"))
s.bot("marketing-launches", add(CAMPAIGN, seconds=4), "B4BRZ", "braze", blocks=pd_slack_blocks("Campaign *Summer Cashback SMS* is now sending to 612,400 users (rate limit 200/s)"))
s.bot("identity-alerts", add(WARN, seconds=9), "B4AM", "alertmanager",
      attachments=am_slack_attachment("firing", "SmsUndeliveredRatioHigh", "SMS undelivered ratio 25% (> 10%)", color="warning"))
s.bot("identity-alerts", add(PAGE_ALERT, seconds=9), "B4AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OtpVerifyCompletionLow", "OTP verify completion 56% (< 70%)"))
for a0, a1 in ((T(D + "15:44:00"), T(D + "15:57:30")), (T(D + "16:50:00"), T(D + "16:56:00"))):
    s.bot("identity-alerts", add(a0, seconds=9), "B4AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KafkaConsumerLagHigh", "consumer group ledger-postings lag > 50k (team ledger)", color="warning"))
    s.bot("identity-alerts", add(a1, seconds=9), "B4AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "KafkaConsumerLagHigh", "consumer group ledger-postings lag ok"))
s.bot("identity-alerts", add(PAGE_OK, seconds=9), "B4AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "OtpVerifyCompletionLow", "OTP verify completion back above 70%"))
s.bot("identity-alerts", add(WARN_OK, seconds=9), "B4AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "SmsUndeliveredRatioHigh", "SMS undelivered ratio back under 10%"))
ch = "inc-2291-otp"
s.say(ch, add(ACK, seconds=50), "U4PRIYA", "acked. OTP completion down to ~50%, lots of 'undelivered' callbacks. twilio still returns 201 on every send")
s.say(ch, WRONG, "U4DEV", "verify-service 5.4.0 went out at 14:40 with the new per-user rate limiter, are we throttling our own sends?")
s.say(ch, ROLLBACK_Q, "U4MARC", "should we roll back verify 5.4?")
s.say(ch, add(ROLLBACK_Q, seconds=75), "U4PRIYA", "sends are accepted by twilio and rate-limited lines are at their usual trickle. it's delivery, not sending")
s.say(ch, T(D + "15:38:10"), "U4DEV", "twilio status page is all green fwiw")
s.bot("status", COMMS, "B4SP", "Statuspage",
      attachments=[{"color": "ECB22E", "title": "Investigating - Some customers are not receiving SMS verification codes",
                    "fallback": "Investigating - SMS verification codes delayed", "text": "Customers on some US carriers may not receive login codes.",
                    "mrkdwn_in": ["text"]}])
s.say(ch, DIAG, "U4PRIYA", "got it: every extra failure is 30007 (carrier filtered), T-Mobile first then AT&T, all from our pool long codes. twilio usage on the Transactional messaging service jumped from ~7/min to 12k/min at 15:00: marketing's Summer Cashback blast is going out through OUR messaging service and the carriers flagged the pool numbers")
s.say(ch, add(DIAG, seconds=110), "U4HANNA", "oh no. the subscription group change on Tuesday. stopping the campaign now")
s.bot("marketing-launches", PAUSE, "B4BRZ", "braze", blocks=pd_slack_blocks("Campaign *Summer Cashback SMS* was stopped by hannah.k (318,212 sent)"))
s.say(ch, add(PAUSE, seconds=240), "U4PRIYA", "campaign stopped but 30007s continue, the numbers are already flagged. turning on the email-code fallback")
s.say(ch, add(EMAIL_FB, seconds=200), "U4PRIYA", "email fallback helps a bit, completion ~55%. switching the OTP sender to the verified toll-free number")
s.say(ch, add(MITIGATED, seconds=90), "U4PRIYA", "toll-free live, callbacks delivered, no 30007 since the switch")
s.bot("status", T(D + "16:20:00"), "B4SP", "Statuspage",
      attachments=[{"color": "2EB67D", "title": "Monitoring - SMS verification codes", "fallback": "Monitoring",
                    "text": "Verification codes are being delivered again.", "mrkdwn_in": ["text"]}])
s.say(ch, MKT_FIX, "U4HANNA", "sms-marketing subscription group now on its own 'Pennyroll Marketing' messaging service")
s.say(ch, T(D + "17:22:30"), "U4PRIYA", "twilio support: the carrier filter on our pool numbers has been lifted. staying on toll-free for OTPs for now")
s.say(ch, add(RESOLVED, seconds=-40), "U4PRIYA", "resolving. follow-ups: separate sender pools enforced in Braze, alert on 30007 specifically")
s.bot("status", add(RESOLVED, minutes=2), "B4SP", "Statuspage",
      attachments=[{"color": "2EB67D", "title": "Resolved - SMS verification codes", "fallback": "Resolved",
                    "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "passcode-sms-filtering", "shared-sender-pool-carrier-filtering-by-other-team-campaign",
    "Marketing's Summer Cashback SMS blast went out through the transactional Twilio messaging service; carriers filtered the pool's\n"
    "long codes (30007) and one-time passcodes stopped arriving until the OTP sender moved to the verified toll-free number.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CAMPAIGN, "change", "Braze Summer Cashback SMS campaign starts sending through the transactional pool", "slack", 60),
     (STARTED, "first_symptom", "first OTP undelivered with 30007 (carrier filtered)", "sms-gateway.log", 90),
     (WARN, "alert_fired", "SmsUndeliveredRatioHigh firing (warning)", "alertmanager-alerts.json", 60),
     (PAGE, "paged", "PagerDuty #2291 triggered by OtpVerifyCompletionLow", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Priya acknowledges", "pd-webhooks.ndjson", 60),
     (COMMS, "communication", "Statuspage: some customers not receiving SMS codes", "slack", 90),
     (DIAG, "diagnosis", "Priya: 30007 filtering of pool long codes after marketing's blast on our messaging service", "slack", 90),
     (PAUSE, "mitigation", "campaign stopped in Braze (no effect on filtering)", "slack", 60),
     (EMAIL_FB, "mitigation", "otp-email-fallback flag on (partial)", "ld-auditlog.json", 60),
     (FLIP, "mitigation", "sms-sender-pool default -> tollfree-verified", "ld-auditlog.json", 60),
     (MITIGATED, "recovery", "30007 ratio drops to zero; OTPs delivered from the toll-free number", "metrics.json", 90),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-webhooks.ndjson", 60)],
    [(VERIFY_DEPLOY, "verify-service 5.4.0 deploy (rate limiter) before the incident, unrelated", "verify-service.log"),
     (CRON[-1], "usage-reconcile job fails every day at 15:00 (SmsUsageReconcileFailed)", "sms-gateway.log"),
     (WEB_FLAG, "checkout-redesign rollout 25% -> 50% (web team)", "ld-auditlog.json"),
     (T(D + "15:44:00"), "KafkaConsumerLagHigh for the ledger team", "alertmanager-alerts.json"),
     (T(D + "15:48:12"), "web-app deploy by the web team", "slack"),
     (T(D + "16:40:02"), "card-controls-v2 rollout change (cards team)", "ld-auditlog.json"),
     (WRONG, "wrong hunch: verify-service 5.4.0 rate limiter", "slack"),
     (ROLLBACK_Q, "'should we roll back verify 5.4?' question", "slack"),
     (T(D + "17:00:00"), "steady 30003/30005 undelivered, code mismatches and rate-limited lines all window", "sms-gateway.log")],
    [("sms-gateway.log", "logs"), ("verify-service.log", "logs", TZ), ("metrics.json", "prometheus-query-range"),
     ("ld-auditlog.json", "deploys"), ("alertmanager-alerts.json", "alertmanager-api-alerts"),
     ("pd-webhooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
