"""dev/pricing-flag: a feature flag switches quotes to a new rounding path that crashes for some currencies."""
import random
from common import *

rng = random.Random(20260630)
inc = Incident("dev", "pricing-flag")
TZ = "Asia/Kolkata"
D = "2026-06-30 "
W0, W1 = T(D + "09:30:00"), T(D + "12:00:00")
CRON = [T("2026-06-%02d 10:00:%02d" % (d, d - 25)) for d in (27, 28, 29, 30)]
STAGING_ON = T(D + "09:41:07")
PROD_INTERNAL = T(D + "10:05:33")
FLAG_ON = T(D + "10:12:40")
STARTED = T(D + "10:12:52")
OTHER_FLAG = T(D + "10:16:00")
BFF_DEPLOY = T(D + "09:55:20")
ALERT = T(D + "10:18:40")
PAGE = T(D + "10:18:41")
ACK = T(D + "10:21:15")
COMMS = T(D + "10:23:30")
ROLLBACK_Q = T(D + "10:24:10")
DIAG = T(D + "10:26:30")
FLAG_OFF = T(D + "10:28:05")
MITIGATED = T(D + "10:28:21")
RESOLVED = T(D + "11:05:00")
CURR_BAD = ["JPY", "KWD", "BHD", "CLP"]

def bad(t, cur):
    return STARTED <= t < MITIGATED and cur in CURR_BAD

# ---- syslog (rsyslog on pricing VMs, IST, no year), spans several days
sl = []
hosts = ["pricing-vm-1", "pricing-vm-2", "pricing-vm-3"]
for c in CRON:
    h = "pricing-vm-1"
    sl.append((c, syslog(c, TZ, h, "CRON[%d]" % rng.randint(2000, 9000), "(pricing) CMD (/opt/pricing/bin/fx-import.sh --source ecb >> /var/log/fx-import.log 2>&1)")))
    sl.append((add(c, seconds=4), syslog(add(c, seconds=4), TZ, h, "fx-import[%d]" % rng.randint(2000, 9000), "ERROR fetch https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml failed: HTTP 404; keeping yesterday's rates")))
    sl.append((add(c, seconds=4), syslog(add(c, seconds=4), TZ, h, "CRON[%d]" % rng.randint(2000, 9000), "(CRON) info (No MTA installed, discarding output)")))
for t in poisson_times(rng, T("2026-06-27 00:00:00"), W0, 1 / 600.0):
    h = rng.choice(hosts)
    sl.append((t, syslog(t, TZ, h, "systemd[1]", rng.choice(["Started Session %d of User pricing." % rng.randint(100, 999), "logrotate.service: Succeeded.", "Starting Daily apt download activities..."]))))
for t in poisson_times(rng, W0, W1, 0.9):
    h = rng.choice(hosts)
    cur = rng.choice(["INR", "USD", "EUR", "GBP", "JPY", "AED", "SGD", "KWD", "USD", "EUR"])
    pid = {"pricing-vm-1": 2231, "pricing-vm-2": 2240, "pricing-vm-3": 2198}[h]
    if bad(t, cur):
        sl.append((t, syslog(t, TZ, h, "pricing[%d]" % pid, "ERROR quote_id=q_%s currency=%s path=v3 Traceback (most recent call last): ... KeyError: 'currency_precision'" % (hexid(rng, 10), cur))))
        sl.append((add(t, seconds=0.001), syslog(add(t, seconds=0.001), TZ, h, "pricing[%d]" % pid, "ERROR 500 POST /api/v2/quote (%s) %dms" % ("10.8.%d.%d" % (rng.randint(0, 3), rng.randint(2, 250)), rng.randint(3, 20)))))
    elif rng.random() < 0.2:
        path = "v3" if STARTED <= t < MITIGATED else "v2"
        sl.append((t, syslog(t, TZ, h, "pricing[%d]" % pid, "INFO quote ok currency=%s path=%s ms=%d" % (cur, path, rng.randint(8, 60)))))
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    h = rng.choice(hosts)
    sl.append((t, syslog(t, TZ, h, "pricing[2231]", "WARNING tax-service lookup exceeded 500ms, using cached rate")))
sl.append((STARTED, syslog(STARTED, TZ, "pricing-vm-2", "pricing[2240]", "ERROR quote_id=q_7f2a9c01be currency=JPY path=v3 Traceback (most recent call last): ... KeyError: 'currency_precision'")))
sl.append((add(FLAG_ON, seconds=3), syslog(add(FLAG_ON, seconds=3), TZ, "pricing-vm-2", "pricing[2240]", "INFO flag update received via stream: pricing-v3-rounding version=14")))
sl.append((add(FLAG_OFF, seconds=4), syslog(add(FLAG_OFF, seconds=4), TZ, "pricing-vm-2", "pricing[2240]", "INFO flag update received via stream: pricing-v3-rounding version=15")))
inc.lines("messages", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- nginx access (ingress, UTC)
ng = []
for t in poisson_times(rng, W0, W1, 1.6):
    ip = "%d.%d.%d.%d" % (rng.choice([49, 103, 106, 117, 152]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    if rng.random() < 0.3:
        cur = rng.choice(["INR", "USD", "EUR", "GBP", "JPY", "AED", "SGD", "KWD", "USD", "EUR"])
        st = 500 if bad(t, cur) else 200
        ng.append((t, nginx(t, ip, "POST", "/api/v2/quote?currency=" + cur, st, 612 if st == 500 else rng.randint(900, 1900),
                            "AcmeTravel/6.4.1 (Android 16)", rng.uniform(0.01, 0.08))))
    else:
        p = rng.choice(["/api/v2/search?from=BLR&to=DXB", "/api/v2/fares/calendar", "/health", "/api/v2/profile", "/api/v2/search?from=DEL&to=SIN"])
        st = 200 if rng.random() > 0.01 else 404
        ng.append((t, nginx(t, ip, "GET", p, st, rng.randint(200, 30000), rng.choice(["AcmeTravel/6.4.1 (Android 16)", "AcmeTravel/6.4.0 (iOS 19.4)", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"]),
                            rng.uniform(0.004, 0.4))))
# steady benign 504 on a partner endpoint
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    ng.append((t, nginx(t, "10.8.4.21", "GET", "/partner/hotelbeds/availability", 504, 167, "Go-http-client/2.0", 30.001)))
inc.lines("access.log.gz", [l for _, l in sorted(ng, key=lambda x: x[0])])

# ---- flag audit log (LaunchDarkly-style /api/v2/auditlog export)
def member(first, last):
    return {"_id": uid(first + last, 24), "email": "%s.%s@acmetravel.example" % (first.lower(), last.lower()), "firstName": first, "lastName": last, "role": "writer"}
def entry(t, flag, env, verb, desc, who):
    return {"_id": uid(flag + iso(t), 24), "_accountId": "5f1a2b3c4d5e6f7a8b9c0d1e", "date": int(epoch(t) * 1000), "accesses": [{"action": "updateOn", "resource": "proj/travel:env/%s:flag/%s" % (env, flag)}],
            "kind": "flag", "name": flag, "description": desc, "shortDescription": "", "member": member(*who), "titleVerb": verb,
            "title": "%s %s %s `%s` in `%s`" % (who[0], who[1], verb, flag, env),
            "target": {"_links": {"canonical": {"href": "/api/v2/flags/travel/" + flag}}, "name": flag, "resources": ["proj/travel:env/%s:flag/%s" % (env, flag)]}}
aud = [entry(STAGING_ON, "pricing-v3-rounding", "staging", "turned on the flag", "- Turned on flag", ("Arjun", "Mehta")),
       entry(PROD_INTERNAL, "pricing-v3-rounding", "production", "updated the flag", "- Added rule: if `user.email` ends with `@acmetravel.example` serve `true`", ("Arjun", "Mehta")),
       entry(FLAG_ON, "pricing-v3-rounding", "production", "updated the flag", "- Changed the default variation from `false` to `true`\n- Turned on flag", ("Arjun", "Mehta")),
       entry(OTHER_FLAG, "express-pay-button", "production", "updated the flag", "- Changed rollout percentage from 25% to 50%", ("Chloe", "Martin")),
       entry(FLAG_OFF, "pricing-v3-rounding", "production", "turned off the flag", "- Turned off flag", ("Divya", "Rao")),
       entry(T(D + "11:40:12"), "search-ranking-ml", "staging", "updated the flag", "- Changed rollout percentage from 0% to 100%", ("Kenji", "Ito"))]
inc.json("audit-export.json", {"_links": {"self": {"href": "/api/v2/auditlog?after=1782810000000", "type": "application/json"}},
                              "items": sorted(aud, key=lambda e: -e["date"]), "totalCount": len(aud)})

# ---- prometheus instant query of ALERTS saved at 10:31
QT = T(D + "10:31:00")
def A(name, **lab):
    return {"metric": {"__name__": "ALERTS", "alertname": name, "alertstate": "firing", **lab}, "value": [int(epoch(QT)), "1"]}
inc.json("q.json", {"status": "success", "data": {"resultType": "vector", "result": [
    A("QuoteApiErrorRatio", severity="page", team="pricing", service="pricing"),
    A("PricingVmHighLoad", severity="warning", team="pricing", instance="pricing-vm-2:9100"),
    A("KafkaUnderReplicatedPartitions", severity="warning", team="data-platform", topic="clickstream"),
    A("FxImportStale", severity="warning", team="pricing", job="fx-import"),
    A("Watchdog", severity="none", prometheus="monitoring/k8s"),
    {"metric": {"__name__": "ALERTS", "alertname": "HotelbedsPartnerTimeouts", "alertstate": "pending", "severity": "warning", "team": "partners"}, "value": [int(epoch(QT)), "1"]}]}})

# ---- pagerduty
pd = PD(3307, "QuoteApiErrorRatio pricing 5xx ratio > 2%", "pricing", "PPRC001")
divya = PD.user("Divya Rao", "PDIVYA1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Divya Rao by push notification.", user=divya)
pd.add(ACK, "acknowledge_log_entry", divya, {"type": "slack"}, "Acknowledged by Divya Rao.")
pd.add(add(ACK, minutes=5), "annotate_log_entry", divya, {"type": "web_ui", "summary": "flag pricing-v3-rounding suspected"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", divya, {"type": "web_ui"}, "Resolved by Divya Rao.")
inc.json("pd-export.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UDIV", "divya", "Divya Rao"), ("UARJ", "arjun", "Arjun Mehta"), ("UCHL", "chloe", "Chloe Martin"), ("UROH", "rohan", "Rohan Iyer"), ("UKEN", "kenji", "Kenji Ito")]:
    s.user(u, n, r, "Asia/Kolkata")
for cid, n in [("CPRC", "pricing-oncall"), ("CDEP", "deploys"), ("CCUS", "customer-updates"), ("CFLG", "flag-changes")]:
    s.channel(cid, n)
s.bot("deploys", BFF_DEPLOY, "BGHA", "GitHub Actions", attachments=[{"color": "2EB67D", "fallback": "mobile-bff deployed",
      "text": "*mobile-bff* `v812` deployed to production by chloe-martin (workflow run #4410)"}])
for e in aud:
    import datetime as _d
    t = _d.datetime.fromtimestamp(e["date"] / 1000, UTC)
    s.bot("flag-changes", add(t, seconds=2), "BLD", "LaunchDarkly", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": e["title"] + "\n" + e["description"]}}])
s.bot("pricing-oncall", add(ALERT, seconds=-1), "BAM", "alertmanager",
      attachments=am_slack_attachment("firing", "QuoteApiErrorRatio", "pricing 5xx ratio is 11.8% (> 2%)"))
for c in CRON:
    s.bot("pricing-oncall", add(c, minutes=15), "BAM", "alertmanager",
          attachments=am_slack_attachment("firing", "FxImportStale", "fx rates older than 24h (fx-import failed)", color="warning"))
ch = "pricing-oncall"
s.say(ch, add(ACK, seconds=30), "UDIV", "ack. quote 500s, only some currencies? JPY and KWD so far")
s.say(ch, ROLLBACK_Q, "UROH", "mobile-bff deployed just before, should we roll back?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UCHL", "bff only proxies, the 500s come from pricing itself")
s.say(ch, DIAG, "UDIV", "KeyError currency_precision is only in the v3 rounding path - it's the pricing-v3-rounding flag, went to 100% in prod at 10:12")
s.say(ch, add(DIAG, seconds=45), "UARJ", "yes, zero-decimal and 3-decimal currencies aren't in the v3 table. sorry. turn it off")
s.say(ch, add(FLAG_OFF, seconds=20), "UDIV", "flag off. 500s stopped")
s.say(ch, add(RESOLVED, seconds=-60), "UDIV", "quiet for 30 min, resolving. Arjun will fix the table and re-roll with 5%")
s.say("customer-updates", COMMS, "UROH", "Heads up support: some users paying in JPY/KWD/BHD/CLP can't get fare quotes right now, engineering is on it")
s.say("customer-updates", add(FLAG_OFF, minutes=3), "UROH", "Update: quotes working again for all currencies")
s.write(inc, "export")

inc.truth(
    "pricing-flag", "bad-feature-flag",
    "Turning the pricing-v3-rounding flag on for 100% of production sent quotes down a path missing precision data for\n"
    "zero- and three-decimal currencies; those quotes 500ed until the flag was turned off.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(FLAG_ON, "change", "pricing-v3-rounding default true in production", "audit-export.json", 60),
     (STARTED, "first_symptom", "first KeyError currency_precision / 500 on /api/v2/quote", "messages", 60),
     (ALERT, "alert_fired", "QuoteApiErrorRatio firing", "export", 60),
     (PAGE, "paged", "PagerDuty #3307 triggered", "pd-export.json", 60),
     (ACK, "acknowledged", "Divya acknowledges (via Slack)", "pd-export.json", 60),
     (COMMS, "communication", "support told JPY/KWD/BHD/CLP quotes failing", "export", 90),
     (DIAG, "diagnosis", "Divya: v3 rounding flag at 100% is the cause", "export", 90),
     (FLAG_OFF, "mitigation", "flag turned off by Divya", "audit-export.json", 60),
     (MITIGATED, "recovery", "quote 500s stop", "access.log.gz", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-export.json", 60)],
    [(CRON[-1], "daily fx-import cron failure (ECB feed 404), every day 10:00 UTC", "messages"),
     (BFF_DEPLOY, "mobile-bff deploy by another team", "export"),
     (OTHER_FLAG, "express-pay-button rollout 25%->50% (another team's flag)", "audit-export.json"),
     (PROD_INTERNAL, "pricing-v3-rounding enabled for internal emails only (no customer impact)", "audit-export.json"),
     (STAGING_ON, "flag turned on in staging", "audit-export.json"),
     (ROLLBACK_Q, "'should we roll back?' about mobile-bff, not done", "export"),
     (T(D + "11:00:00"), "steady hotelbeds partner 504s and tax-service slow warnings", "access.log.gz")],
    [("messages", "logs", TZ), ("access.log.gz", "logs"), ("audit-export.json", "deploys"), ("q.json", "prometheus-query"),
     ("pd-export.json", "pagerduty-log-entries"), ("export", "slack-export")])
