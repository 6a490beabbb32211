"""dev/paygate-outage: the card-payment provider returns 5xx and times out; payments fail until traffic moves to the fallback acquirer."""
import random
from common import *

rng = random.Random(20260319)
inc = Incident("dev", "paygate-outage")
TZ = "Europe/Berlin"
D = "2026-03-19 "
W0, W1 = T(D + "13:30:00"), T(D + "17:00:00")
CRON = [T("2026-03-%02d 14:30:%02d" % (d, 2 + d)) for d in (16, 17, 18, 19)]
STARTED = T(D + "14:09:52")
ALERT = T(D + "14:16:30")
PAGE = T(D + "14:16:31")
ACK = T(D + "14:24:10")
DIAG = T(D + "14:33:40")
STATUS = T(D + "14:31:05")
ROLLBACK_Q = T(D + "14:27:55")
OTHER_DEPLOY = T(D + "14:31:47")
FALLBACK = T(D + "14:49:30")
MITIGATED = T(D + "14:50:10")
UNACK = T(D + "14:54:10")
ACK2 = T(D + "14:56:30")
PROVIDER_OK = T(D + "15:38:00")
SWITCH_BACK = T(D + "15:55:12")
RESOLVED = T(D + "16:05:20")

def provider_bad(t):
    return STARTED <= t < PROVIDER_OK

# ---- payments-service logback (Europe/Berlin, no offset) with stack traces
pl = []
def L(t, lvl, th, lg, msg, extra=()):
    pl.append((t, "\n".join([logback(t, TZ, lvl, th, lg, msg)] + list(extra))))
STACK = ["java.net.SocketTimeoutException: Read timed out",
         "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)",
         "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)",
         "\tat okhttp3.internal.http1.Http1ExchangeCodec.readResponseHeaders(Http1ExchangeCodec.kt:180)",
         "\tat com.acme.payments.gateway.PayGateClient.authorize(PayGateClient.java:141)",
         "\tat com.acme.payments.service.AuthorizationService.authorize(AuthorizationService.java:77)",
         "\t... 41 common frames omitted"]
for t in poisson_times(rng, W0, W1, 0.35):
    th = "http-nio-8080-exec-%d" % rng.randint(1, 64)
    via_fallback = FALLBACK <= t < SWITCH_BACK
    if provider_bad(t) and not via_fallback and rng.random() < 0.7:
        if rng.random() < 0.45:
            L(t, "ERROR", th, "c.a.p.gateway.PayGateClient", "PayGate authorize timed out after 10000 ms merchant=acme-eu order=%d" % rng.randint(10**7, 10**8), STACK)
        else:
            L(t, "WARN", th, "c.a.p.gateway.PayGateClient", "PayGate authorize failed status=%d body={\"error\":\"upstream_unavailable\"} latency_ms=%d" % (rng.choice([502, 503, 503, 504]), rng.randint(300, 4000)))
        L(add(t, seconds=0.01), "ERROR", th, "c.a.p.service.AuthorizationService", "authorization failed, returning PAYMENT_PROVIDER_ERROR to checkout")
    else:
        acq = "adyen-fallback" if via_fallback else "paygate"
        L(t, "INFO", th, "c.a.p.service.AuthorizationService", "authorized order=%d acquirer=%s latency_ms=%d" % (rng.randint(10**7, 10**8), acq, rng.randint(180, 900)))
for t in poisson_times(rng, W0, W1, 1 / 200.0):  # benign: 3DS callback timeouts at a steady low rate
    L(t, "WARN", "reactor-http-epoll-%d" % rng.randint(1, 8), "c.a.p.threeds.ThreeDsCallbackHandler", "3DS challenge callback not received within 120s, marking as abandoned")
for c in CRON[-1:]:
    L(add(c, seconds=-2), "INFO", "scheduling-1", "c.a.p.settlement.SettlementExportJob", "starting settlement export for 2026-03-18")
    L(c, "ERROR", "scheduling-1", "c.a.p.settlement.SettlementExportJob", "settlement export failed: could not connect to sftp.bank-partner.example:22",
      ["com.jcraft.jsch.JSchException: java.net.ConnectException: Connection refused", "\tat com.jcraft.jsch.Util.createSocket(Util.java:394)", "\t... 12 common frames omitted"])
L(FALLBACK, "INFO", "config-watcher-1", "c.a.p.routing.AcquirerRouter", "routing config reloaded: card.primary=adyen-fallback (was paygate) rev=7711")
L(SWITCH_BACK, "INFO", "config-watcher-1", "c.a.p.routing.AcquirerRouter", "routing config reloaded: card.primary=paygate (was adyen-fallback) rev=7712")
pl.sort(key=lambda x: x[0])
inc.lines("payments-service.log", [l for _, l in pl])

# ---- nginx access (edge, local Berlin time with offset), gzipped
ng = []
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 19_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AcmeShop/8.12.0",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36",
       "okhttp/4.12.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.2 Safari/605.1.15"]
for t in poisson_times(rng, W0, W1, 1.1):
    ip = "%d.%d.%d.%d" % (rng.choice([84, 91, 176, 185, 212]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    r = rng.random()
    if r < 0.25:
        path, m = "/api/v3/payments/authorize", "POST"
        bad = provider_bad(t) and not (FALLBACK <= t < SWITCH_BACK) and rng.random() < 0.7
        st = rng.choice([502, 504]) if bad else 201
        rt = rng.uniform(9.8, 10.2) if bad and st == 504 else rng.uniform(0.2, 1.2)
    else:
        path, m = rng.choice([("/api/v3/cart", "GET"), ("/api/v3/products?page=2", "GET"), ("/static/app.4f1c2e.js", "GET"), ("/api/v3/session", "POST")])
        st, rt = (200, rng.uniform(0.005, 0.2))
        if rng.random() < 0.004:
            st = 499
    ng.append((t, nginx(t, ip, m, path, st, rng.randint(200, 9000), rng.choice(UAS), rt, zone=TZ)))
ng.sort(key=lambda x: x[0])
inc.lines("edge-fra1/access.log.gz", [l for _, l in ng])

# ---- prometheus query_range
def ratio(t):
    if provider_bad(t):
        base = 0.62 + 0.08 * ((int(epoch(t)) // 60) % 3)
        if t < add(STARTED, minutes=3):
            base = 0.25
        return base if t < FALLBACK else base  # provider-side metric: still bad while we route around it
    return 0.004 + 0.002 * ((int(epoch(t)) // 60) % 2)
def traffic(acq):
    def f(t):
        on_fb = FALLBACK <= t < SWITCH_BACK
        if acq == "paygate":
            return 0.0 if on_fb else 9.4 + ((int(epoch(t)) // 30) % 5) * 0.2
        return 9.2 + ((int(epoch(t)) // 30) % 4) * 0.2 if on_fb else 0.0
    return f
inc.json("paygate_errors.json", query_range(
    [({"acquirer": "paygate", "job": "payments-service", "namespace": "payments"}, lambda t: ratio(t) if not (FALLBACK <= t < SWITCH_BACK) else (ratio(t) if rng.random() < 0.2 else None)),
     ({"acquirer": "paygate", "job": "payments-service", "namespace": "payments", "__name__": "acquirer:requests:rate1m"}, traffic("paygate")),
     ({"acquirer": "adyen-fallback", "job": "payments-service", "namespace": "payments", "__name__": "acquirer:requests:rate1m"}, traffic("adyen-fallback"))],
    W0, W1, 30), indent=None)

# ---- alert rules
inc.write("rules.yaml", """groups:
  - name: payments.rules
    rules:
      - record: acquirer:requests:rate1m
        expr: sum by (acquirer, job, namespace) (rate(payments_acquirer_requests_total[1m]))
      - alert: PaymentProviderErrorRate
        expr: |
          sum by (acquirer) (rate(payments_acquirer_requests_total{outcome=~"error|timeout"}[5m]))
            / sum by (acquirer) (rate(payments_acquirer_requests_total[5m])) > 0.10
        for: 5m
        labels:
          severity: page
          team: payments
        annotations:
          summary: "{{ $labels.acquirer }} error/timeout ratio is {{ $value | humanizePercentage }}"
          runbook_url: https://runbooks.acme.internal/payments/provider-errors
      - alert: SettlementExportFailed
        expr: increase(settlement_export_failures_total[1h]) > 0
        labels:
          severity: ticket
          team: payments
        annotations:
          summary: Settlement export to bank partner failed
  - name: search.rules
    rules:
      - alert: SearchLatencyHigh
        expr: histogram_quantile(0.99, sum by (le) (rate(search_request_duration_seconds_bucket[5m]))) > 1.5
        for: 10m
        labels:
          severity: warning
          team: search
        annotations:
          summary: search p99 above 1.5s
""")

# ---- deploy tool CSV
rows = [("2026-03-19T08:12:40Z", "payments-service", "3f9a1c27", "ahmed.karimi", "succeeded"),
        ("2026-03-19T11:03:09Z", "cart-api", "91be02dd", "deploy-bot", "succeeded"),
        (iso(OTHER_DEPLOY), "search-api", "c0ffee42", "wen.zhao", "succeeded"),
        (iso(add(OTHER_DEPLOY, minutes=9)), "search-api", "c0ffee42", "wen.zhao", "succeeded"),
        (iso(T(D + "16:42:18")), "notifications", "5d1e77a0", "deploy-bot", "succeeded")]
inc.write("deploys.csv", "time,service,revision,actor,status\n" + "".join(",".join(r) + "\n" for r in rows))

# ---- pagerduty log_entries
pd = PD(20931, "PaymentProviderErrorRate paygate error/timeout ratio is 64%", "payments-service", "P7PAY01")
ahmed = PD.user("Ahmed Karimi", "PAHMED1")
sofia = PD.user("Sofia Lindqvist")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMINT1", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/P7PAY01/integrations/PAMINT1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Ahmed Karimi by push notification.",
       user=ahmed, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, {"type": "auto"}, "Notified Ahmed Karimi by SMS.",
       user=ahmed, notification={"type": "sms_notification", "status": "success", "address": "+4917*****12"})
pd.add(ACK, "acknowledge_log_entry", ahmed, {"type": "mobile"}, "Acknowledged by Ahmed Karimi.", acknowledgement_timeout=1800)
pd.add(add(ACK, minutes=2), "annotate_log_entry", ahmed, {"type": "web_ui", "summary": "PayGate status page: elevated 5xx in EU"}, "Note added")
pd.add(UNACK, "unacknowledge_log_entry", None, {"type": "timeout"}, "Unacknowledged due to timeout.")
pd.add(add(UNACK, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Ahmed Karimi by push notification.",
       user=ahmed, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(UNACK, seconds=120), "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Payments Primary"})
pd.add(add(UNACK, seconds=121), "notify_log_entry", None, {"type": "auto"}, "Notified Sofia Lindqvist by phone.",
       user=sofia, notification={"type": "phone_notification", "status": "success"})
pd.add(ACK2, "acknowledge_log_entry", sofia, {"type": "phone"}, "Acknowledged by Sofia Lindqvist.")
pd.add(RESOLVED, "resolve_log_entry", ahmed, {"type": "web_ui"}, "Resolved by Ahmed Karimi.")
other = PD(20928, "Disk usage > 90% on jenkins-agent-3", "ci-infrastructure", "P3CI001")
ci = PD.user("Rui Santos", "PRUISAN")
other.add(T(D + "13:48:12"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "13:48:13"), "notify_log_entry", None, None, "Notified Rui Santos by email.", user=ci)
other.add(T(D + "13:52:40"), "acknowledge_log_entry", ci, {"type": "web_ui"}, "Acknowledged by Rui Santos.")
other.add(T(D + "14:40:02"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("export.json", ex)

# ---- slack
s = Slack()
for u, n, r, tz in [("U7AHMED", "ahmed", "Ahmed Karimi", "Europe/Berlin"), ("U7SOFIA", "sofia.l", "Sofia Lindqvist", "Europe/Stockholm"),
                    ("U7JONAS", "jonas", "Jonas Weber", "Europe/Berlin"), ("U7MAYA", "maya", "Maya Fischer", "Europe/Berlin"),
                    ("U7WEN", "wen", "Wen Zhao", "Asia/Singapore")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C7INC", "incident-payments", "Payment incidents"), ("C7PAY", "payments-team", "Payments team chatter"),
                  ("C7STAT", "status-updates", "Statuspage mirror"), ("C7RND", "random", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("payments-team", add(c, seconds=40), "B7AM", "alertmanager",
          attachments=am_slack_attachment("firing", "SettlementExportFailed", "Settlement export to bank partner failed\nseverity: ticket", color="warning"))
s.bot("payments-team", ALERT, "B7AM", "alertmanager",
      attachments=am_slack_attachment("firing", "PaymentProviderErrorRate", "paygate error/timeout ratio is 64.2%\nrunbook: https://runbooks.acme.internal/payments/provider-errors"))
s.bot("payments-team", add(T(D + "14:40:02"), seconds=3), "B7AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "JenkinsAgentDiskFull", "jenkins-agent-3 disk usage back under 85%"))
ch = "incident-payments"
s.say(ch, T(D + "14:25:30"), "U7AHMED", "acked the page. paygate authorize calls failing, mix of 503 and 10s read timeouts, started ~15:10 our time")
s.say(ch, ROLLBACK_Q, "U7JONAS", "should we roll back this morning's payments-service deploy?")
s.say(ch, add(ROLLBACK_Q, seconds=70), "U7AHMED", "not yet, the 08:12 deploy only touched refunds. errors are coming back from paygate itself")
s.say(ch, T(D + "14:30:10"), "U7MAYA", "could it be our egress NAT? we had packet loss on fra1 last week")
s.say(ch, DIAG, "U7AHMED", "PayGate status page now says 'elevated error rates for card authorisations in EU'. it's on their side")
s.say(ch, T(D + "14:41:00"), "U7AHMED", "going to flip card.primary to adyen-fallback, needs Sofia's approval")
s.say(ch, T(D + "14:45:20"), "U7SOFIA", "approved, go")
s.say(ch, add(FALLBACK, seconds=50), "U7AHMED", "routing rev 7711 live, authorisations succeeding via adyen-fallback")
s.say(ch, T(D + "14:58:00"), "U7SOFIA", "got escalated to me by timeout, Ahmed's ack expired. I've acked again, Ahmed still driving")
s.say(ch, T(D + "15:40:15"), "U7AHMED", "paygate reports recovered at 16:38 CET, their error rate is back to normal on our side too")
s.say(ch, add(SWITCH_BACK, seconds=25), "U7AHMED", "switched back to paygate (rev 7712), watching")
s.say(ch, add(RESOLVED, seconds=-30), "U7AHMED", "10 minutes clean on paygate. resolving")
s.bot("status-updates", STATUS, "B7SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - Card payments failing",
                    "title": "Investigating - Card payments failing for some customers",
                    "text": "We are seeing failures when paying by card. Other payment methods are unaffected.", "mrkdwn_in": ["text"]}])
s.bot("status-updates", add(FALLBACK, minutes=6), "B7SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Monitoring - Card payments", "title": "Monitoring - Card payments",
                    "text": "Card payments are succeeding again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status-updates", add(RESOLVED, minutes=4), "B7SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved - Card payments", "title": "Resolved - Card payments", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.say("random", T(D + "14:12:00"), "U7WEN", "cake in the 3rd floor kitchen")
s.say("payments-team", T(D + "14:31:30"), "U7WEN", "fyi search-api going out now, ping me if anything looks odd")
s.write(inc, "slack-export")

inc.truth(
    "paygate-outage", "third-party-outage",
    "PayGate, the primary card acquirer, returned 5xx and 10 s timeouts for EU card authorisations;\n"
    "card payments failed until routing was flipped to the fallback acquirer, then switched back after PayGate recovered.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "PayGate authorize 503s / read timeouts begin", "payments-service.log", 90),
     (ALERT, "alert_fired", "PaymentProviderErrorRate firing", "slack-export", 60),
     (PAGE, "paged", "PagerDuty #20931 triggered, Ahmed notified", "export.json", 60),
     (ACK, "acknowledged", "Ahmed acknowledges", "export.json", 60),
     (STATUS, "communication", "Statuspage: card payments failing", "slack-export", 60),
     (DIAG, "diagnosis", "PayGate status page confirms EU authorisation errors; provider side", "slack-export", 90),
     (FALLBACK, "mitigation", "card.primary routed to adyen-fallback (rev 7711)", "payments-service.log", 60),
     (MITIGATED, "recovery", "authorisations succeed via fallback; 502/504 on /authorize stop", "edge-fra1/access.log.gz", 90),
     (ACK2, "acknowledged", "ack timed out, escalated by timeout; Sofia re-acknowledges", "export.json", 90),
     (SWITCH_BACK, "change", "routing switched back to paygate (rev 7712)", "payments-service.log", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "export.json", 60)],
    [(CRON[-1], "daily settlement-export SFTP failure, alerts every day at ~14:30 UTC", "payments-service.log"),
     (OTHER_DEPLOY, "search team deploys search-api", "deploys.csv"),
     (T(D + "13:48:12"), "unrelated PagerDuty incident: jenkins-agent-3 disk usage", "export.json"),
     (ROLLBACK_Q, "'should we roll back this morning's deploy?' question, not done", "slack-export"),
     (T(D + "14:30:10"), "wrong hunch: egress NAT packet loss", "slack-export"),
     (T(D + "08:12:40"), "morning payments-service deploy (refunds only) - not the cause", "deploys.csv"),
     (T(D + "15:00:00"), "steady 3DS callback-not-received warnings all window", "payments-service.log")],
    [("payments-service.log", "logs", TZ), ("edge-fra1/access.log.gz", "logs"), ("paygate_errors.json", "prometheus-query-range"),
     ("rules.yaml", "alert-rules"), ("deploys.csv", "deploys"), ("export.json", "pagerduty-log-entries"),
     ("slack-export", "slack-export")])
