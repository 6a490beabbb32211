"""retired7/core-link-bgp-flap: the optics on the provider's Direct Connect cross-connect degrade; the DX BGP session
to AWS flaps, every flap reroutes cloud->datacenter traffic through the IPsec VPN and back and the stateful firewall
drops in-flight sessions, so payments-api times out to the core ledger until netops shuts the DX neighbor and stays
on the VPN; the provider replaces the faulty optic later and DX is brought back."""
import random
from common import *

rng = random.Random(20260428)
inc = Incident("retired7", "core-link-bgp-flap")
TZ = "America/Chicago"
D = "2026-04-28 "
W0, W1 = T(D + "13:30:00"), T(D + "16:30:00")
CRON = [T("2026-04-%02d 14:01:%02d" % (d, 2 + d % 7)) for d in (25, 26, 27, 28)]  # sg-statement-batch, 22:00 Singapore
OUR_DEPLOY = T(D + "12:40:22")
RXWARN = T(D + "14:01:49")
RXALERT = T(D + "14:04:05")
LOSS = T(D + "14:05:40")
RXALARM = T(D + "14:06:31")
FLAPS = [("14:07:02", "14:07:51"), ("14:10:38", "14:11:22"), ("14:14:09", "14:14:57"), ("14:17:47", "14:18:30"),
         ("14:21:15", "14:22:02"), ("14:24:52", "14:25:41"), ("14:28:20", "14:29:06")]
FLAPS = [(T(D + a), T(D + b)) for a, b in FLAPS]
BGPALERT = T(D + "14:09:40")
ALERT = T(D + "14:10:20")
PAGE = T(D + "14:10:31")
ACK = T(D + "14:13:58")
WRONG1 = T(D + "14:16:10")
ROLLBACK_Q = T(D + "14:17:00")
WRONG2 = T(D + "14:18:30")
OTHER_DEPLOY = T(D + "14:19:30")
STATUS = T(D + "14:21:00")
DIAG = T(D + "14:23:50")
SHUT = T(D + "14:31:12")
MITIGATED = T(D + "14:31:49")
ALERT_OK = T(D + "14:36:20")
AWS_POST = T(D + "14:44:10")
VENDOR_FIX = T(D + "15:38:20")
AWS_OK = T(D + "15:41:30")
UNSHUT = T(D + "15:52:30")
RESOLVED = T(D + "16:05:00")


def err_prob(t):
    """Probability that a payments-api call to the core ledger times out / is reset."""
    if t < LOSS or t >= MITIGATED:
        return 0.0
    if t >= SHUT:
        return 0.5  # reconvergence onto the VPN
    for a, b in FLAPS:
        if add(a, seconds=-75) <= t < add(a, seconds=45):
            return 0.75
        if b <= t < add(b, seconds=25):
            return 0.6
    return 0.06

# ---- central syslog of the Chicago edge routers (local time, no offset, no year)
rl = []
seqno = {"chi-edge-rtr1": 88412, "chi-edge-rtr2": 51007}


def R(t, host, msg):
    rl.append((t, host, msg))


def R_render():
    out = []
    for t, host, msg in sorted(rl, key=lambda x: x[0]):
        seqno[host] += 1
        lt = local(t, TZ)
        hdr = "%s %2d %s" % (MONTHS[lt.month - 1], lt.day, lt.strftime("%H:%M:%S"))
        dev = "%s %2d %s.%03d" % (MONTHS[lt.month - 1], lt.day, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)
        out.append("%s %s %d: %s: %s" % (hdr, host, seqno[host], dev, msg))
    return out


N = "169.254.71.1"
R(RXWARN, "chi-edge-rtr1", "%SFF8472-5-THRESHOLD_VIOLATION: Te0/1/0: Rx power low warning; Operating value: -14.6 dBm, Threshold value: -14.0 dBm.")
R(RXALARM, "chi-edge-rtr1", "%SFF8472-5-THRESHOLD_VIOLATION: Te0/1/0: Rx power low alarm; Operating value: -18.9 dBm, Threshold value: -16.0 dBm.")
for a, b in FLAPS:
    R(a, "chi-edge-rtr1", "%%BGP-3-NOTIFICATION: sent to neighbor %s 4/0 (hold time expired) 0 bytes" % N)
    R(add(a, seconds=0.004), "chi-edge-rtr1", "%%BGP-5-ADJCHANGE: neighbor %s vpn vrf CLOUD Down BGP Notification sent" % N)
    R(add(a, seconds=0.005), "chi-edge-rtr1", "%%BGP_SESSION-5-ADJCHANGE: neighbor %s IPv4 Unicast vpn vrf CLOUD topology base removed from session  BGP Notification sent" % N)
    R(b, "chi-edge-rtr1", "%%BGP-5-ADJCHANGE: neighbor %s vpn vrf CLOUD Up " % N)
R(SHUT, "chi-edge-rtr1", "%%BGP-5-ADJCHANGE: neighbor %s vpn vrf CLOUD Down Admin. shutdown" % N)
R(add(SHUT, seconds=0.002), "chi-edge-rtr1", "%%BGP_SESSION-5-ADJCHANGE: neighbor %s IPv4 Unicast vpn vrf CLOUD topology base removed from session  Admin. shutdown" % N)
R(add(SHUT, seconds=3.4), "chi-edge-rtr1", "%SYS-5-CONFIG_I: Configured from console by nwalker on vty0 (10.40.1.15)")
R(VENDOR_FIX, "chi-edge-rtr1", "%SFF8472-5-THRESHOLD_VIOLATION: Te0/1/0: Rx power low alarm cleared; Operating value: -2.9 dBm, Threshold value: -16.0 dBm.")
R(UNSHUT, "chi-edge-rtr1", "%SYS-5-CONFIG_I: Configured from console by nwalker on vty0 (10.40.1.15)")
R(add(UNSHUT, seconds=34), "chi-edge-rtr1", "%%BGP-5-ADJCHANGE: neighbor %s vpn vrf CLOUD Up " % N)
# benign: ACL denies, lab link flapping every day, IPsec rekeys on rtr2, NTP
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    h = rng.choice(list(seqno))
    R(t, h, "%%SEC-6-IPACCESSLOGP: list OUTSIDE-IN denied tcp %d.%d.%d.%d(%d) -> 198.51.100.%d(%d), 1 packet" % (
        rng.choice([45, 89, 185, 193, 79]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65535),
        rng.randint(2, 60), rng.choice([22, 23, 445, 3389, 8080])))
for a in (T(D + "13:48:10"), T(D + "14:26:44"), T(D + "15:19:03"), T(D + "16:02:37")):
    R(a, "chi-edge-rtr2", "%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0/3, changed state to down")
    R(add(a, seconds=rng.randint(6, 30)), "chi-edge-rtr2", "%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0/3, changed state to up")
for t in frange(T(D + "13:41:07"), W1, 3600):
    for tun in ("Tunnel100", "Tunnel101"):
        R(add(t, seconds=7 if tun == "Tunnel101" else 0), "chi-edge-rtr2",
          "%%CRYPTO-6-ISAKMP_ON_OFF: ISAKMP SA rekeyed for %s peer 3.%d.%d.%d" % (tun, 130 + len(tun), 88, 17 if tun == "Tunnel100" else 203))
inc.lines("chi-edge.log", R_render())

# ---- payments-api (logstash JSON lines, UTC)
pa = []


def P(t, level, logger, msg, **kw):
    pa.append((t, jline({"@timestamp": iso(t, ms=True), "@version": "1", "level": level, "logger_name": logger,
                         "thread_name": "http-nio-8080-exec-%d" % rng.randint(1, 80), "message": msg,
                         "app": "payments-api", "env": "prod", "region": "us-east-2", **kw})))


for t in poisson_times(rng, W0, W1, 0.22):
    route = rng.choice(["POST /v1/transfers", "POST /v1/transfers", "POST /v1/card-auth", "GET /v1/accounts/balance"])
    tid = hexid(rng, 32)
    if rng.random() < err_prob(t):
        if rng.random() < 0.6:
            P(t, "ERROR", "c.b.payments.ledger.CoreLedgerClient", "core-ledger-gw call failed after 5003 ms: java.net.SocketTimeoutException: Read timed out",
              route=route, upstream="10.40.8.20:8443", trace_id=tid)
        else:
            P(t, "ERROR", "c.b.payments.ledger.CoreLedgerClient", "core-ledger-gw call failed: java.net.SocketException: Connection reset",
              route=route, upstream="10.40.8.20:8443", trace_id=tid)
        P(add(t, seconds=0.003), "WARN", "c.b.payments.web.ErrorMapper", "responding 504 LEDGER_UNAVAILABLE", route=route, trace_id=tid, status=504)
    else:
        P(t, "INFO", "c.b.payments.web.AccessLog", "%s 200" % route, route=route, status=200, duration_ms=rng.randint(60, 420), trace_id=tid)
for k, sec in enumerate((4.2, 11.9, 19.5, 27.8, 36.1)):  # in-flight sessions dropped while routes reconverge onto the VPN
    t = add(SHUT, seconds=sec)
    tid = hexid(rng, 32)
    P(t, "ERROR", "c.b.payments.ledger.CoreLedgerClient", "core-ledger-gw call failed: java.net.SocketException: Connection reset",
      route="POST /v1/transfers", upstream="10.40.8.20:8443", trace_id=tid)
    P(add(t, seconds=0.003), "WARN", "c.b.payments.web.ErrorMapper", "responding 504 LEDGER_UNAVAILABLE", route="POST /v1/transfers", trace_id=tid, status=504)
for t in poisson_times(rng, W0, W1, 1 / 160.0):
    P(t, "WARN", "c.b.payments.fx.QuoteCache", "FX quote refresh timed out after 2000 ms, serving quotes from %ds ago" % rng.randint(30, 90))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    P(t, "INFO", "c.b.payments.web.IdempotencyFilter", "idempotent replay, returning stored response", status=409)
inc.lines("payments-api-use2.json", [l for _, l in sorted(pa, key=lambda x: x[0])])

# ---- prometheus query_range: sum by (outcome) (rate(core_ledger_client_requests_total[1m]))
def rate_fn(outcome):
    def f(t):
        base = 38.0 + 6 * ((t.minute % 20) / 20.0)
        avg = sum(err_prob(add(t, seconds=-s)) for s in range(0, 60, 5)) / 12.0
        if outcome == "ok":
            return base * (1 - avg)
        return base * avg + (0.02 if outcome == "timeout" else 0.0)
    return f


inc.json("core-ledger-rates.json", query_range(
    [({"app": "payments-api", "outcome": o}, rate_fn(o)) for o in ("ok", "timeout")],
    T(D + "13:45:00"), T(D + "15:15:00"), 30, fmt="%.3f"))

# ---- amtool -o json snapshot at 14:26:30
SNAP = T(D + "14:26:30")
al = [
    amtool_alert("InterfaceOpticalRxLow", {"instance": "chi-edge-rtr1", "ifName": "Te0/1/0", "ifAlias": "AWS-DX-dxcon-fgq2k7 CH1", "severity": "warning", "team": "netops"},
                 "Rx power on chi-edge-rtr1 Te0/1/0 below -14 dBm", RXALERT, SNAP, receivers=("slack-netops",)),
    amtool_alert("BgpSessionFlapping", {"instance": "chi-edge-rtr1", "peer": N, "vrf": "CLOUD", "severity": "warning", "team": "netops"},
                 "BGP session to 169.254.71.1 is flapping", BGPALERT, SNAP, receivers=("slack-netops",)),
    amtool_alert("PaymentsCoreGatewayTimeouts", {"service": "payments-api", "upstream": "core-ledger-gw", "severity": "page", "team": "payments"},
                 "payments-api core-ledger-gw timeout ratio above 5%", ALERT, SNAP, receivers=("pagerduty-payments", "slack-payments")),
    amtool_alert("KubeJobFailed", {"namespace": "statements", "job_name": "sg-statement-batch-29623080", "severity": "warning", "team": "statements"},
                 "Job statements/sg-statement-batch-29623080 failed to complete", add(CRON[-1], seconds=62), SNAP, receivers=("slack-statements",)),
    amtool_alert("ElasticsearchHeapHigh", {"cluster": "logs-es", "node": "logs-es-data-4", "severity": "warning", "team": "observability"},
                 "JVM heap above 85% on logs-es-data-4", T(D + "14:22:40"), SNAP, receivers=("slack-observability",)),
    amtool_alert("HostMemoryHigh", {"instance": "jenkins-agent-07:9100", "severity": "warning", "team": "ci"},
                 "memory usage above 90% on jenkins-agent-07", T(D + "13:47:15"), SNAP, receivers=("slack-ci",),
                 state="suppressed", silenced_by=(uuid("silence-ci-07"),)),
]
inc.json("am-0926.json", al)

# ---- pagerduty v2 webhooks as archived (ndjson)
pd = PD(7731, "PaymentsCoreGatewayTimeouts: payments-api core-ledger-gw timeout ratio above 5%", "payments-api", "PPAY4X1", "Payments primary")
dana = PD.user("Dana Kowalczyk", "PDKOW22")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager use2"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Dana Kowalczyk by SMS.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Kowalczyk.")
pd.add(T(D + "14:27:30"), "annotate_log_entry", dana, {"type": "web_ui"}, "Note added: DX circuit to AWS flapping, netops engaged, AWS case 17788xxxx")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Kowalczyk.")
inc.lines("hooks-0428.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 7731, "PaymentsCoreGatewayTimeouts: payments-api core-ledger-gw timeout ratio above 5%", PAGE)])

# ---- release tool export (csv, UTC)
rows = [("2026-04-28T12:40:22Z", "payments-api", "7.18.0", "prod-use2", "raj.mehta", "github-actions", "success"),
        ("2026-04-28T13:05:51Z", "docs-portal", "2026.04.28-1", "prod-use2", "kim.ho", "github-actions", "success"),
        (iso(OTHER_DEPLOY), "statements-web", "3.9.2", "prod-use2", "oscar.lind", "argo-rollouts", "success"),
        ("2026-04-28T15:12:08Z", "fraud-rules", "r1288", "prod-use2", "mei.tan", "github-actions", "success"),
        ("2026-04-28T16:20:44Z", "statements-web", "3.9.3", "prod-use2", "oscar.lind", "argo-rollouts", "success")]
inc.write("releases.csv", "finished_at,app,version,environment,actor,pipeline,result\n" + "".join(",".join(r) + "\n" for r in rows))

# ---- slack
s = Slack()
for u, n, r in [("U7DKOW", "dana", "Dana Kowalczyk"), ("U7RMEH", "raj", "Raj Mehta"), ("U7NWAL", "nate", "Nate Walker"),
                ("U7SBRO", "sue", "Sue Brogan"), ("U7GMFR", "glen", "Glen Moffat"), ("U7OLIN", "oscar", "Oscar Lind")]:
    s.user(u, n, r, TZ)
for cid, n in [("C7PAYAL", "payments-alerts"), ("C7NETOP", "netops"), ("C7INC", "inc-7731-ledger-timeouts")]:
    s.channel(cid, n)
for c in CRON:
    jn = "sg-statement-batch-%d" % (29623080 - 1440 * (28 - c.day))
    s.bot("payments-alerts", add(c, seconds=92), "B7AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job statements/%s failed to complete" % jn, color="warning"))
s.bot("payments-alerts", add(ALERT, seconds=31), "B7AM", "alertmanager",
      attachments=am_slack_attachment("firing", "PaymentsCoreGatewayTimeouts", "payments-api core-ledger-gw timeout ratio above 5%"))
s.bot("payments-alerts", add(ALERT_OK, seconds=31), "B7AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "PaymentsCoreGatewayTimeouts", "payments-api core-ledger-gw timeout ratio above 5%"))
for a, b in [(T(D + "13:52:40"), T(D + "13:58:10")), (T(D + "14:22:40"), T(D + "14:33:10")), (T(D + "15:06:40"), T(D + "15:12:10"))]:
    s.bot("payments-alerts", add(a, seconds=30), "B7AM", "alertmanager",
          attachments=am_slack_attachment("firing", "ElasticsearchHeapHigh", "JVM heap above 85% on logs-es-data-4", color="warning"))
    s.bot("payments-alerts", add(b, seconds=30), "B7AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "ElasticsearchHeapHigh", "JVM heap above 85% on logs-es-data-4"))
s.bot("netops", add(RXALERT, seconds=30), "B7AM", "alertmanager",
      attachments=am_slack_attachment("firing", "InterfaceOpticalRxLow", "Rx power on chi-edge-rtr1 Te0/1/0 below -14 dBm", color="warning"))
s.bot("netops", add(BGPALERT, seconds=30), "B7AM", "alertmanager",
      attachments=am_slack_attachment("firing", "BgpSessionFlapping", "BGP session to 169.254.71.1 is flapping", color="warning"))
s.bot("netops", T(D + "14:41:10"), "B7AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "BgpSessionFlapping", "BGP session to 169.254.71.1 is flapping"))
s.bot("netops", T(D + "15:40:50"), "B7AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "InterfaceOpticalRxLow", "Rx power on chi-edge-rtr1 Te0/1/0 below -14 dBm"))
s.say("netops", add(RXALERT, seconds=400), "U7NWAL", "looking at the Rx warning on the DX port, light was fine this morning")
s.bot("netops", AWS_POST, "B7AWS", "AWS Health", blocks=pd_slack_blocks(
    "*[Investigating] AWS Direct Connect - us-east-2*: We are investigating degraded connectivity for some Direct Connect connections at the Equinix CH1 location."))
s.bot("netops", AWS_OK, "B7AWS", "AWS Health", blocks=pd_slack_blocks(
    "*[Resolved] AWS Direct Connect - us-east-2*: A faulty optical component at the Equinix CH1 location was replaced at 8:38 AM PDT... connectivity has recovered."))
ch = "inc-7731-ledger-timeouts"
s.say(ch, add(ACK, seconds=42), "U7DKOW", "acked. payments-api is timing out to core-ledger-gw (10.40.8.20), transfers and card auth failing in bursts")
s.say(ch, WRONG1, "U7RMEH", "could it be my 12:40 deploy? 7.18.0 changed the ledger client pool settings")
s.say(ch, ROLLBACK_Q, "U7RMEH", "should we roll back to 7.17.4?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U7DKOW", "it's bursty, fine for a couple of minutes then a wall of timeouts. doesn't smell like the pool. holding off")
s.say(ch, WRONG2, "U7RMEH", "is the mainframe running the midday batch? maybe CICS is slow")
s.say(ch, add(WRONG2, seconds=55), "U7GMFR", "CICS response is flat at ~40ms and the gateway sees nothing from you during the bursts, requests aren't arriving")
s.say(ch, STATUS, "U7SBRO", "status page updated: 'Some transfers and card payments may fail, we are investigating'")
s.say(ch, DIAG, "U7NWAL", "found it: the Direct Connect to AWS is flapping. BGP to 169.254.71.1 drops with hold time expired every 3-4 min and Rx light on Te0/1/0 is at -19 dBm. Each flap moves the VPC routes to the VPN and back and the firewall drops the sessions in flight")
s.say(ch, add(DIAG, seconds=120), "U7NWAL", "opened an AWS support case and a ticket with the cross-connect provider")
s.say(ch, add(SHUT, seconds=-150), "U7NWAL", "going to shut the DX neighbor so we sit on the VPN instead of flapping, 2x1.25G tunnels is enough for daytime volume")
s.say(ch, add(SHUT, seconds=25), "U7NWAL", "DX neighbor shut on rtr1, everything is on Tunnel100/101 now")
s.say(ch, add(MITIGATED, seconds=140), "U7DKOW", "no timeouts since 14:32 :tada:")
s.say(ch, add(AWS_POST, seconds=60), "U7NWAL", "AWS Health confirms: degraded DX connections at CH1. Their side")
s.say(ch, add(AWS_OK, seconds=300), "U7NWAL", "AWS replaced the optic, our Rx is back to -2.9 dBm. bringing DX back")
s.say(ch, add(UNSHUT, seconds=80), "U7NWAL", "DX BGP up since 15:53, traffic back on DX, no drops")
s.say(ch, add(RESOLVED, seconds=-40), "U7DKOW", "quiet on DX for 10 min, resolving. PIR: BFD on the DX + firewall asymmetry on failover")
s.write(inc, "slack")

inc.truth(
    "core-link-bgp-flap", "interconnect-bgp-flap-failover",
    "Degrading optics on the provider's Direct Connect cross-connect made the DX BGP session flap; each flap rerouted cloud traffic\n"
    "through the VPN and back, the firewall dropped sessions and payments-api timed out to the core ledger until netops shut the DX neighbor.",
    (W0, W1),
    dict(started=RXWARN, detected=RXALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(RXWARN, "first_symptom", "Rx power low warning on the DX port Te0/1/0", "chi-edge.log", 60),
     (RXALERT, "alert_fired", "InterfaceOpticalRxLow firing (netops warning)", "am-0926.json", 60),
     (ALERT, "alert_fired", "PaymentsCoreGatewayTimeouts firing (page)", "am-0926.json", 60),
     (PAGE, "paged", "PagerDuty #7731 triggered", "hooks-0428.ndjson", 60),
     (ACK, "acknowledged", "Dana acknowledges", "hooks-0428.ndjson", 60),
     (STATUS, "communication", "status page: some transfers and card payments may fail", "slack", 90),
     (DIAG, "diagnosis", "Nate: Direct Connect BGP flapping on low Rx light, firewall drops sessions on each reroute", "slack", 90),
     (SHUT, "mitigation", "DX BGP neighbor shut; traffic stays on the IPsec VPN (failover)", "chi-edge.log", 60),
     (MITIGATED, "recovery", "core-ledger timeouts stop", "payments-api-use2.json", 60),
     (ALERT_OK, "alert_resolved", "PaymentsCoreGatewayTimeouts resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "hooks-0428.ndjson", 60)],
    [(CRON[-1], "sg-statement-batch job fails every day at ~14:01 UTC (KubeJobFailed)", "am-0926.json"),
     (OUR_DEPLOY, "payments-api 7.18.0 deployed in the morning, not the cause", "releases.csv"),
     (OTHER_DEPLOY, "statements-web 3.9.2 rollout by the statements team", "releases.csv"),
     (T(D + "14:22:40"), "ElasticsearchHeapHigh flapping for observability", "slack"),
     (T(D + "13:47:15"), "HostMemoryHigh on a jenkins agent (silenced)", "am-0926.json"),
     (T(D + "14:26:44"), "lab link Gi0/0/3 on rtr2 flaps all day", "chi-edge.log"),
     (WRONG1, "wrong hunch: the 12:40 payments-api deploy", "slack"),
     (ROLLBACK_Q, "'should we roll back to 7.17.4?' question, not done", "slack"),
     (WRONG2, "wrong hunch: mainframe midday batch / CICS slow", "slack"),
     (T(D + "15:00:00"), "steady FX quote refresh timeouts and ACL denies all window", "payments-api-use2.json")],
    [("chi-edge.log", "logs", TZ), ("payments-api-use2.json", "logs"), ("core-ledger-rates.json", "prometheus-query-range"),
     ("am-0926.json", "alertmanager-api-alerts"), ("hooks-0428.ndjson", "pagerduty-log-entries"), ("releases.csv", "deploys"),
     ("slack", "slack-export")])
