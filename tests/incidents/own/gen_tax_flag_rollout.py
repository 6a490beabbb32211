"""own/tax-flag-rollout (#20, third session): a feature flag sends checkout's tax calculation to a new
engine at 100%; the engine throws for addresses without a postal code and those orders fail until the
flag is flipped off. Formats: a LaunchDarkly-style flag audit log (epoch milliseconds), ECS JSON
application logs, an OpenMetrics counter of checkout responses (recovery from metrics only), an
Alertmanager webhook log, PagerDuty log entries, a Slack export where status updates are posted by
people and the incident channel is quieter than the team channel. Rough window: three whole hours.
Run from anywhere: python3 tests/incidents/own/gen_tax_flag_rollout.py"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen"))
from common import *  # noqa: E402,F403

rng = random.Random(20261015)
inc = Incident("own", "tax-flag-rollout")
D = "2026-10-15 "
W0, W1 = T(D + "07:00:00"), T(D + "10:00:00")
OTHER_FLAG = T(D + "07:30:00")
CHANGE = T(D + "07:52:10")          # tax-engine-v2 to 100%
STARTED = T(D + "07:52:40")
ALERT = T(D + "08:01:00")
PAGE = T(D + "08:01:30")
ACK = T(D + "08:04:20")
COMMS = T(D + "08:09:00")
QUESTION = T(D + "08:11:00")
HUNCH = T(D + "08:12:30")
DIAG = T(D + "08:14:30")
MITIGATION = T(D + "08:17:00")
MITIGATED = T(D + "08:17:40")
ALERT_OK = T(D + "08:22:00")
RESOLVED = T(D + "08:45:00")
CRON = "07:40:00"

# ---- flag audit log
def audit(t, flag, verb, who, comment, on, rollout):
    return {"_id": uid(flag + iso(t), 24), "date": int(epoch(t) * 1000), "kind": "flag", "name": flag,
            "description": "- %s" % verb, "shortDescription": verb, "comment": comment,
            "member": {"email": who, "firstName": who.split("@")[0].title()},
            "titleVerb": verb, "title": "%s %s" % (who.split("@")[0].title(), verb),
            "target": {"name": flag, "resources": ["proj/default:env/production:flag/" + flag]},
            "currentVersion": {"on": on, "rollout": rollout}}
inc.json("flags/audit-log.json", {"items": [
    audit(RESOLVED, "tax-engine-v2", "updated the description", "nadia@acme.io", "note: broken for addresses without postal code", False, 0),
    audit(MITIGATION, "tax-engine-v2", "turned off the flag", "felix@acme.io", "", False, 0),
    audit(CHANGE, "tax-engine-v2", "changed the rollout to 100%", "nadia@acme.io", "full rollout after 10% looked fine", True, 100),
    audit(OTHER_FLAG, "search-rerank-ltr", "changed the rollout to 25%", "hana@acme.io", "", True, 25),
    audit(T("2026-10-14 15:00:00"), "tax-engine-v2", "changed the rollout to 10%", "nadia@acme.io", "", True, 10)],
    "totalCount": 5})

# ---- checkout ECS JSON logs
cl = []
def ecs(t, level, logger, msg, **kw):
    d = {"@timestamp": iso(t, ms=True), "log.level": level, "log.logger": logger, "message": msg,
         "service.name": "checkout", "ecs.version": "1.6.0", **kw}
    return (t, jline(d))
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    cl.append(ecs(t, "error", "c.a.c.LoyaltyClient", "loyalty points lookup failed: 504 from loyalty-svc, continuing without points"))
for t in poisson_times(rng, W0, W1, 1 / 15.0):
    cl.append(ecs(t, "info", "c.a.c.OrderService", "order placed", order_id=hexid(rng, 10)))
cl.append(ecs(STARTED, "error", "c.a.c.TaxService", "order failed: TaxEngineException: postalCode must not be null",
              **{"error.type": "TaxEngineException", "tax_engine": "v2"}))
for t in poisson_times(rng, add(STARTED, seconds=3), MITIGATED, 0.4):
    cl.append(ecs(t, "error", "c.a.c.TaxService", "order failed: TaxEngineException: postalCode must not be null",
                  **{"error.type": "TaxEngineException", "tax_engine": "v2"}))
inc.lines("logs/checkout.ndjson", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ---- openmetrics: checkout responses by code (counter, one sample a minute)
ok, bad = 100000.0, 40.0
pts_ok, pts_bad = [], []
for t in frange(W0, W1, 60):
    ok += 240 + rng.randint(-20, 20)
    bad += (rng.random() < 0.2) + (70 + rng.randint(-8, 8) if STARTED <= t < MITIGATED else 0)
    pts_ok.append((t, ok))
    pts_bad.append((t, bad))
inc.write("metrics/checkout.om.txt", openmetrics([("checkout_responses", "counter", "Checkout responses by code class.",
                                                    [({"code": "2xx"}, pts_ok), ({"code": "5xx"}, pts_bad)])]))

# ---- alertmanager webhook log
hk = []
lab = {"severity": "page", "team": "checkout", "service": "checkout"}
hk.append(am_webhook("pd-checkout", [am_alert("CheckoutOrderFailures", lab, "order failures above 3% for 5m", ALERT)]))
hk.append(am_webhook("pd-checkout", [am_alert("CheckoutOrderFailures", lab, "order failures above 3% for 5m", ALERT, ends=ALERT_OK)]))
for t in (T(D + "07:20:00"), T(D + "08:05:00"), T(D + "09:10:00")):
    ol = {"severity": "warning", "team": "identity", "service": "sso", "instance": "sso-2"}
    hk.append(am_webhook("slack-identity", [am_alert("SSOLatencyHigh", ol, "sso p99 above 800ms", t)]))
    hk.append(am_webhook("slack-identity", [am_alert("SSOLatencyHigh", ol, "sso p99 above 800ms", t, ends=add(t, minutes=4))]))
inc.lines("alertmanager.log", [jline(b) for b in sorted(hk, key=lambda b: max(a["startsAt"] if a["status"] == "firing" else a["endsAt"] for a in b["alerts"]))])

# ---- cron host syslog (UTC, three days): order-export fails daily
sl = []
for day in ("2026-10-13 ", "2026-10-14 ", D):
    t = T(day + CRON)
    sl.append(syslog(t, "UTC", "jobs-2", "order-export", "FATAL: upload to s3://acme-exports failed: AccessDenied"))
inc.lines("jobs-2/syslog", sl)

# ---- pagerduty
pd = PD(8812, "CheckoutOrderFailures: order failures above 3% for 5m", "checkout", "PCO0001")
felix = PD.user("Felix Wagner", "PFEL001")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Felix Wagner by SMS.", user=felix)
pd.add(ACK, "acknowledge_log_entry", felix, {"type": "sms"}, "Acknowledged by Felix Wagner.")
pd.add(RESOLVED, "resolve_log_entry", felix, {"type": "web_ui"}, "Resolved by Felix Wagner.")
inc.json("pd-log-entries.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UFEL", "felix", "Felix Wagner"), ("UNAD", "nadia", "Nadia Rahman"), ("UHAN", "hana", "Hana Sato"), ("UGIO", "gio", "Giorgio Conti")]:
    s.user(u, n, r)
for cid, name in [("C21", "team-checkout"), ("C22", "inc-8812-orders"), ("C23", "support-escalations"), ("C24", "random")]:
    s.channel(cid, name)
chatter = ["PR for the address form is up", "design review at 11", "can someone look at flaky test test_cart_merge?",
           "I'll be out tomorrow afternoon", "new grafana dashboard for loyalty is live", "rebasing on main"]
for t in poisson_times(rng, W0, W1, 1 / 180.0):
    s.say(rng.choice(["team-checkout", "team-checkout", "random", "support-escalations"]), t, rng.choice(["UNAD", "UHAN", "UGIO"]), rng.choice(chatter))
ch = "inc-8812-orders"
s.say(ch, add(ACK, seconds=35), "UFEL", "got the page, order failures at ~25%")
s.say(ch, COMMS, "UGIO", "Posted on the status page: 'We are investigating failed orders at checkout for some customers.' Next update 08:30")
s.say(ch, QUESTION, "UNAD", "is it the release from last night? should we revert it?")
s.say(ch, HUNCH, "UHAN", "loyalty-svc is throwing 504s, could be that")
s.say(ch, add(HUNCH, seconds=45), "UFEL", "loyalty 504s happen all day, they don't fail the order")
s.say(ch, DIAG, "UFEL", "the culprit is tax-engine-v2: every failing order is a TaxEngineException with tax_engine=v2, "
      "it went to 100% at 07:52 and addresses without a postal code blow up")
s.say(ch, add(MITIGATION, seconds=5), "UFEL", "flipped the flag off")
s.say(ch, add(MITIGATED, seconds=80), "UNAD", "order failures back to zero")
s.say(ch, add(RESOLVED, seconds=-40), "UFEL", "clean for 25 minutes, resolving")
s.write(inc, "slack-export")

inc.truth(
    "tax-flag-rollout", "bad-feature-flag",
    "A flag sent checkout's tax calculation to a new engine at 100%; orders with addresses without a postal code\n"
    "failed with TaxEngineException until the flag was flipped off.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "tax-engine-v2 rollout to 100%", "flags/audit-log.json", 120),
     (STARTED, "first_symptom", "TaxEngineException: postalCode must not be null", "logs/checkout.ndjson", 60),
     (ALERT, "alert_fired", "CheckoutOrderFailures firing", "alertmanager.log", 60),
     (PAGE, "paged", "PagerDuty #8812 triggered", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Felix acknowledges", "pd-log-entries.json", 60),
     (COMMS, "communication", "status page update posted", "slack-export", 90),
     (DIAG, "diagnosis", "Felix: tax-engine-v2 is the culprit", "slack-export", 90),
     (MITIGATION, "mitigation", "tax-engine-v2 turned off", "flags/audit-log.json", 90),
     (MITIGATED, "recovery", "order failures stop", "metrics/checkout.om.txt", 120),
     (ALERT_OK, "alert_resolved", "CheckoutOrderFailures resolved", "alertmanager.log", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-log-entries.json", 60)],
    [(OTHER_FLAG, "search-rerank-ltr rollout by another team", "flags/audit-log.json"),
     (T(D + "08:05:00"), "SSOLatencyHigh flapping (identity)", "alertmanager.log"),
     (T(D + CRON), "order-export cron fails every day", "jobs-2/syslog"),
     (QUESTION, "'should we revert it?' question", "slack-export"),
     (HUNCH, "'loyalty 504s?' wrong hunch", "slack-export")],
    [("flags/audit-log.json", "deploys"), ("logs/checkout.ndjson", "logs"), ("metrics/checkout.om.txt", "openmetrics"),
     ("alertmanager.log", "alertmanager-webhook"), ("jobs-2/syslog", "logs"), ("pd-log-entries.json", "pagerduty-log-entries"),
     ("slack-export", "slack-export")])
