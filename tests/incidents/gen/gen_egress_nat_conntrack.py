"""retired6/egress-nat-conntrack: Black Friday traffic grows until the NAT gateways' conntrack tables fill; new outbound connections are dropped, checkout's PSP calls time out in slowly growing numbers until nf_conntrack_max is raised by hand."""
import random
from common import *

rng = random.Random(20261127)
inc = Incident("retired6", "egress-nat-conntrack")
TZ = "America/Sao_Paulo"
D = "2026-11-27 "
W0, W1 = T(D + "12:30:00"), T(D + "15:30:00")
CRON = [T("2026-11-%02d 13:00:%02d" % (d, 1 + d % 7)) for d in (24, 25, 26, 27)]
LIMIT, NEWLIMIT = 262144, 1048576
FULL1 = T(D + "13:38:20")
FULL2 = T(D + "13:44:05")
STARTED = FULL1
WARN = T(D + "13:52:00")
OTHER_DEPLOY = T(D + "14:02:40")
PAGE_ALERT = T(D + "14:09:30")
PAGE = T(D + "14:09:31")
ACK = T(D + "14:14:05")
WRONG = T(D + "14:16:30")
ROLLBACK_Q = T(D + "14:18:10")
STATUS = T(D + "14:19:40")
WRONG2 = T(D + "14:22:15")
DIAG = T(D + "14:27:10")
LOGIN = T(D + "14:29:38")
FIX1 = T(D + "14:31:02")
FIX2 = T(D + "14:32:15")
MITIGATED = T(D + "14:32:40")
ALERT_OK = T(D + "14:36:30")
PERSIST = T(D + "15:04:12")
RESOLVED = T(D + "15:20:00")
PSP_IPS = ["198.51.100.23", "198.51.100.24", "198.51.100.87"]


def entries(t, full, fixed, base):
    # traffic-driven growth through the morning
    x = (epoch(t) - epoch(W0)) / 60.0
    v = base + 1150 * x + 25 * ((int(epoch(t)) // 60) % 7)
    if t >= fixed:
        return v
    return min(v, LIMIT) if t < full else LIMIT - rng.randint(0, 40)


def err_p(t):
    if t < FULL1 or t >= FIX2:
        return 0.0
    x = (epoch(t) - epoch(FULL1)) / (epoch(FIX1) - epoch(FULL1))
    p = 0.004 + 0.22 * min(x, 1.0) ** 1.5
    if t >= FIX1:
        p *= 0.45
    if t < FULL2:
        p *= 0.5
    return p


# ---- nat-gw-1 syslog (/var/log/messages, local Sao Paulo time, no offset), reaching back a few days
sl = []
def S(t, prog, msg):
    sl.append((t, syslog(t, TZ, "nat-gw-1", prog, msg)))
UP = T("2026-08-16 09:12:00")
def kern(t, msg):
    S(t, "kernel", "[%12.6f] %s" % (epoch(t) - epoch(UP), msg))
pid = 41000
for c in CRON:  # daily flow-log shipping fails (wrong bucket policy since the account move)
    pid += 137
    S(add(c, seconds=-1), "CRON[%d]" % pid, "(root) CMD (/usr/local/bin/push-flowlogs.sh)")
    S(c, "push-flowlogs.sh[%d]" % (pid + 1), "ERROR upload s3://acme-vpc-flowlogs-archive/nat-gw-1/ failed: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied")
    S(add(c, seconds=0.2), "CRON[%d]" % pid, "(CRON) info (No MTA installed, discarding output)")
for d in (24, 25, 26, 27):
    for hh in range(0, 24):
        tt = T("2026-11-%02d %02d:17:01" % (d, hh))
        if tt <= W1:
            pid += 3
            S(tt, "CRON[%d]" % pid, "(root) CMD (cd / && run-parts --report /etc/cron.hourly)")
    tt = T("2026-11-%02d 03:00:14" % d)
    S(tt, "systemd[1]", "Starting apt-daily.service - Daily apt download activities...")
    S(add(tt, seconds=6), "systemd[1]", "apt-daily.service: Deactivated successfully.")
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    S(t, "sshd[%d]" % rng.randint(30000, 39999), "error: kex_exchange_identification: Connection closed by remote host")
# the table fills: kernel drops, rate-limited, more and more often
t = FULL1
kern(t, "nf_conntrack: nf_conntrack: table full, dropping packet")
while True:
    gap = max(5.0, 60.0 - 55.0 * min(1.0, (epoch(t) - epoch(FULL1)) / 1500.0)) * rng.uniform(0.8, 1.2)
    t = add(t, seconds=gap)
    if t >= FIX1:
        break
    kern(t, "net_ratelimit: %d callbacks suppressed" % int(gap * rng.uniform(3, 40) * (1 + (epoch(t) - epoch(FULL1)) / 600.0)))
    kern(add(t, seconds=0.000013), "nf_conntrack: nf_conntrack: table full, dropping packet")
S(LOGIN, "sshd[52210]", "Accepted publickey for camila from 10.8.0.14 port 52210 ssh2: ED25519 SHA256:q3Xk0dYh2mF8WcR1tA9Lz7uB5nE4pVs6oJiG2yHxKfM")
S(add(LOGIN, seconds=0.1), "systemd-logind[612]", "New session 4471 of user camila.")
S(add(FIX1, seconds=-1), "sudo[52288]", "  camila : TTY=pts/0 ; PWD=/home/camila ; USER=root ; COMMAND=/usr/sbin/sysctl -w net.netfilter.nf_conntrack_max=1048576")
S(add(FIX1, seconds=-0.9), "sudo[52288]", "pam_unix(sudo:session): session opened for user root(uid=0) by camila(uid=1002)")
S(FIX1, "sudo[52288]", "pam_unix(sudo:session): session closed for user root")
S(add(FIX1, seconds=20), "sudo[52301]", "  camila : TTY=pts/0 ; PWD=/home/camila ; USER=root ; COMMAND=/usr/sbin/conntrack -C")
S(T(D + "14:36:50"), "systemd-logind[612]", "Session 4471 logged out. Waiting for processes to exit.")
S(add(PERSIST, seconds=31), "ansible-ansible.legacy.sysctl[61220]", "Invoked with name=net.netfilter.nf_conntrack_max value=1048576 sysctl_file=/etc/sysctl.d/60-conntrack.conf state=present reload=True sysctl_set=False ignoreerrors=False")
sl.sort(key=lambda x: x[0])
inc.lines("nat-gw-1/messages", [l for _, l in sl])

# ---- checkout service (logfmt, UTC)
cl = []
def L(t, *pairs):
    cl.append((t, logfmt([("ts", iso(t, ms=True))] + list(pairs))))
for t in poisson_times(rng, W0, W1, 0.7):
    order = "o-%d" % rng.randint(10**8, 10**9)
    if rng.random() < err_p(t):
        L(t, ("level", "error"), ("msg", "psp authorize failed"), ("psp", "payrail"), ("order", order),
          ("err", "Post \"https://api.payrail.example/v3/authorizations\": dial tcp %s:443: i/o timeout" % rng.choice(PSP_IPS)),
          ("attempt", rng.choice([1, 2, 3])), ("dur", "5.00%ds" % rng.randint(1, 9)))
    else:
        L(t, ("level", "info"), ("msg", "order placed"), ("psp", "payrail"), ("order", order),
          ("dur", "%.3fs" % rng.uniform(0.35, 1.4 if t < FULL1 else 1.6)))
for t in poisson_times(rng, W0, W1, 1 / 70.0):  # benign, steady
    L(t, ("level", "warn"), ("msg", "inventory reservation conflict, retrying"), ("sku", "SKU-%05d" % rng.randint(1, 99999)), ("attempt", 1))
for t in poisson_times(rng, W0, W1, 1 / 240.0):  # benign, steady
    L(t, ("level", "warn"), ("msg", "address validation timed out, accepting address unverified"), ("provider", "geoaddr"), ("dur", "0.800s"))
L(add(FULL1, seconds=21), ("level", "error"), ("msg", "psp authorize failed"), ("psp", "payrail"), ("order", "o-771902355"),
  ("err", "Post \"https://api.payrail.example/v3/authorizations\": dial tcp 198.51.100.24:443: i/o timeout"), ("attempt", 1), ("dur", "5.003s"))
L(MITIGATED, ("level", "error"), ("msg", "psp authorize failed"), ("psp", "payrail"), ("order", "o-903311874"),
  ("err", "Post \"https://api.payrail.example/v3/authorizations\": dial tcp 198.51.100.87:443: i/o timeout"), ("attempt", 3), ("dur", "5.001s"))
cl.sort(key=lambda x: x[0])
inc.lines("checkout.log", [l for _, l in cl])

# ---- prometheus query_range, 60 s
def e(full, fixed, base):
    return lambda t: "%d" % entries(t, full, fixed, base)
def lim(fixed):
    return lambda t: "%d" % (NEWLIMIT if t >= fixed else LIMIT)
def ratio(t):
    return "%.5f" % (err_p(add(t, seconds=-120)) + (0.001 if (int(epoch(t)) // 60) % 3 == 0 else 0.0))
inc.json("range.json", query_range(
    [({"__name__": "node_nf_conntrack_entries", "instance": "nat-gw-1:9100", "job": "node", "role": "nat"}, e(FULL1, FIX1, 183400)),
     ({"__name__": "node_nf_conntrack_entries", "instance": "nat-gw-2:9100", "job": "node", "role": "nat"}, e(FULL2, FIX2, 176900)),
     ({"__name__": "node_nf_conntrack_entries_limit", "instance": "nat-gw-1:9100", "job": "node", "role": "nat"}, lim(FIX1)),
     ({"__name__": "node_nf_conntrack_entries_limit", "instance": "nat-gw-2:9100", "job": "node", "role": "nat"}, lim(FIX2)),
     ({"__name__": "checkout:psp_errors:ratio_rate5m", "service": "checkout", "psp": "payrail"}, ratio)],
    W0, W1, 60), indent=None)

# ---- alerting rules
inc.write("alerting-rules.yml", """groups:
  - name: checkout
    rules:
      - record: checkout:psp_errors:ratio_rate5m
        expr: |
          sum by (service, psp) (rate(checkout_psp_requests_total{outcome!="ok"}[5m]))
            / sum by (service, psp) (rate(checkout_psp_requests_total[5m]))
      - alert: CheckoutPSPErrorRatio
        expr: checkout:psp_errors:ratio_rate5m > 0.05
        for: 10m
        labels:
          severity: page
          team: checkout
        annotations:
          summary: "checkout {{ $labels.psp }} error ratio {{ $value | humanizePercentage }}"
      - alert: CheckoutLatencyP99High
        expr: histogram_quantile(0.99, sum by (le) (rate(checkout_request_duration_seconds_bucket{route="/orders"}[5m]))) > 3
        for: 5m
        labels:
          severity: warning
          team: checkout
        annotations:
          summary: checkout /orders p99 above 3s
  - name: node
    rules:
      - alert: NodeFilesystemAlmostFull
        expr: node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"} / node_filesystem_size_bytes < 0.10
        for: 15m
        labels:
          severity: warning
          team: platform
        annotations:
          summary: "{{ $labels.instance }} {{ $labels.mountpoint }} has less than 10% free"
  - name: catalog
    rules:
      - alert: MongoReplicationLag
        expr: mongodb_rs_members_optimeDate{member_state="SECONDARY"} - on (set) group_left mongodb_rs_members_optimeDate{member_state="PRIMARY"} < -30
        for: 2m
        labels:
          severity: warning
          team: catalog
        annotations:
          summary: catalog mongo secondary more than 30s behind
""")

# ---- alertmanager webhook bodies (JSON array, as stored by the receiver)
posts = []
def P(t, body):
    posts.append((t, body))
wl = {"severity": "warning", "team": "checkout", "route": "/orders"}
P(add(WARN, seconds=30), am_webhook("slack-checkout", [am_alert("CheckoutLatencyP99High", wl, "checkout /orders p99 above 3s", WARN)]))
pl = {"severity": "page", "team": "checkout", "service": "checkout", "psp": "payrail"}
P(add(PAGE_ALERT, seconds=1), am_webhook("pagerduty-checkout", [am_alert("CheckoutPSPErrorRatio", pl, "checkout payrail error ratio 6.1%", PAGE_ALERT)]))
P(add(ALERT_OK, seconds=1), am_webhook("pagerduty-checkout", [am_alert("CheckoutPSPErrorRatio", pl, "checkout payrail error ratio 6.1%", PAGE_ALERT, ends=ALERT_OK)]))
P(T(D + "14:41:30"), am_webhook("slack-checkout", [am_alert("CheckoutLatencyP99High", wl, "checkout /orders p99 above 3s", WARN, ends=T(D + "14:41:00"))]))
ml = {"severity": "warning", "team": "catalog", "set": "catalog-rs0", "instance": "mongo-catalog-2:9216"}
for st, dur in [(T(D + "12:48:00"), 6), (T(D + "13:26:30"), 4), (T(D + "13:58:00"), 9), (T(D + "14:51:00"), 5)]:
    P(add(st, seconds=15), am_webhook("slack-catalog", [am_alert("MongoReplicationLag", ml, "catalog mongo secondary more than 30s behind", st)]))
    P(add(st, minutes=dur, seconds=15), am_webhook("slack-catalog", [am_alert("MongoReplicationLag", ml, "catalog mongo secondary more than 30s behind", st, ends=add(st, minutes=dur))]))
fl = {"severity": "warning", "team": "platform", "instance": "ci-runner-7:9100", "mountpoint": "/var/lib/docker"}
P(T(D + "12:31:10"), am_webhook("slack-platform", [am_alert("NodeFilesystemAlmostFull", fl, "ci-runner-7:9100 /var/lib/docker has less than 10% free", T("2026-11-27 11:02:00"))]))
posts.sort(key=lambda x: x[0])
inc.json("notifications.json", [b for _, b in posts])

# ---- pagerduty log entries
pd = PD(52044, "CheckoutPSPErrorRatio checkout payrail error ratio 6.1%", "checkout", "PCHK001", esc_policy="Checkout Primary")
bruno = PD.user("Bruno Almeida", "PBRUALM")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMCHK1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Bruno Almeida by push notification.", user=bruno)
pd.add(add(PAGE, seconds=120), "notify_log_entry", None, None, "Notified Bruno Almeida by SMS.", user=bruno)
pd.add(ACK, "acknowledge_log_entry", bruno, {"type": "mobile"}, "Acknowledged by Bruno Almeida.")
pd.add(add(DIAG, seconds=200), "annotate_log_entry", bruno, {"type": "web_ui", "summary": "NAT conntrack tables full, raising nf_conntrack_max"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", bruno, {"type": "web_ui"}, "Resolved by Bruno Almeida.")
inc.json("oncall-export.json", pd.export())

# ---- change records
ch = []
for i, (t, svc, what, who, typ) in enumerate([
        (T(D + "10:05:33"), "checkout", "release 7.3.0 (gift-card split payments)", "ci", "deploy"),
        (T(D + "11:40:00"), "web", "scale web to 48 replicas for Black Friday peak", "marina.lopes", "scale"),
        (OTHER_DEPLOY, "recommendations-api", "release 2.19.1", "ci", "deploy"),
        (PERSIST, "nat-gateways", "ansible: persist net.netfilter.nf_conntrack_max=1048576 on nat-gw-*", "camila.rocha", "config"),
        (T(D + "16:45:00"), "nat-gateways", "terraform: add nat-gw-3 in sa-east-1c, split private route tables", "camila.rocha", "infra")]):
    ch.append({"change_id": "CHG-%d" % (23010 + i), "service": svc, "summary": what, "requested_by": who, "type": typ,
               "implemented_at": iso(t), "status": "implemented", "risk": "low" if typ in ("deploy", "scale") else "medium"})
inc.json("changes.json", {"changes": ch})

# ---- slack export
s = Slack()
for u, n, r, tz in [("U6BRUNO", "bruno", "Bruno Almeida", TZ), ("U6CAMI", "camila", "Camila Rocha", TZ),
                    ("U6MARI", "marina", "Marina Lopes", TZ), ("U6JOAO", "joao", "João Pereira", "Europe/Lisbon"),
                    ("U6CS", "fernanda.cs", "Fernanda Dias", TZ)]:
    s.user(u, n, r, tz)
for cid, n, p in [("C6CHK", "checkout-alerts", "checkout alerts"), ("C6CAT", "catalog-alerts", ""),
                  ("C6INC", "war-room-bf", "Black Friday war room"), ("C6CS", "cs-escalations", "")]:
    s.channel(cid, n, p, created=T("2025-01-10 00:00:00"))
for c in CRON:
    s.bot("checkout-alerts", add(c, seconds=40), "B6AM", "alertmanager",
          attachments=am_slack_attachment("firing", "NATFlowlogShipFailed", "push-flowlogs.sh failed on nat-gw-1 (AccessDenied)", color="warning"))
s.bot("checkout-alerts", add(WARN, seconds=31), "B6AM", "alertmanager",
      attachments=am_slack_attachment("firing", "CheckoutLatencyP99High", "checkout /orders p99 above 3s", color="warning"))
s.bot("checkout-alerts", add(PAGE, seconds=2), "B6PD", "PagerDuty",
      blocks=pd_slack_blocks(":red_circle: *Triggered* #52044 CheckoutPSPErrorRatio checkout payrail error ratio 6.1% - Bruno Almeida"))
s.bot("checkout-alerts", add(ALERT_OK, seconds=2), "B6AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "CheckoutPSPErrorRatio", "checkout payrail error ratio"))
s.bot("catalog-alerts", T(D + "13:26:45"), "B6AM", "alertmanager",
      attachments=am_slack_attachment("firing", "MongoReplicationLag", "catalog mongo secondary more than 30s behind", color="warning"))
s.bot("catalog-alerts", T(D + "13:30:45"), "B6AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "MongoReplicationLag", "catalog mongo secondary more than 30s behind"))
c = "war-room-bf"
s.say(c, T(D + "12:45:00"), "U6MARI", "traffic is 2.4x a normal friday and climbing, everything green so far")
s.say(c, add(OTHER_DEPLOY, seconds=-60), "U6JOAO", "recommendations-api 2.19.1 going out, small ranking fix")
s.say(c, add(WARN, minutes=1), "U6BRUNO", "checkout p99 warning, a few payrail timeouts. keeping an eye on it")
s.say(c, add(ACK, seconds=30), "U6BRUNO", "acked the page, payrail authorize calls timing out on connect, about 6% now and rising")
s.say(c, WRONG, "U6MARI", "payrail buckling under black friday? their status page is green but I wouldn't trust it")
s.say(c, ROLLBACK_Q, "U6JOAO", "should we roll back checkout 7.3.0 from this morning?")
s.say(c, add(ROLLBACK_Q, seconds=50), "U6BRUNO", "7.3.0 has been live since 10:05 with no errors until 13:38, I don't think it's the code")
s.say(c, STATUS, "U6CS", "status page: \"Some card payments are failing, please retry. We are investigating.\"")
s.say(c, WRONG2, "U6MARI", "could it be DNS? lots of lookups for api.payrail.example")
s.say(c, add(WRONG2, seconds=70), "U6CAMI", "resolution is fine, the SYNs just never get answered. checking the NAT boxes")
s.say(c, DIAG, "U6CAMI", "nat-gw-1 and nat-gw-2 are logging 'nf_conntrack: table full, dropping packet'. both at 262144 entries, which is the limit. today's traffic outgrew the conntrack table so new outbound connections get dropped")
s.say(c, add(DIAG, seconds=45), "U6BRUNO", "that matches, the timeouts are only on outbound calls")
s.say(c, add(FIX1, seconds=5), "U6CAMI", "raised nf_conntrack_max to 1048576 on nat-gw-1")
s.say(c, add(FIX2, seconds=6), "U6CAMI", "and on nat-gw-2. both tables have room now")
s.say(c, add(MITIGATED, seconds=90), "U6BRUNO", "payrail errors stopped at ~14:32:40, authorize latency back to normal")
s.say(c, T(D + "15:05:00"), "U6CAMI", "persisted via ansible (CHG-23013); adding a third NAT gateway this afternoon")
s.say(c, add(RESOLVED, seconds=-20), "U6BRUNO", "resolving #52044. postmortem item: alert on conntrack entries/limit > 80%")
s.say("cs-escalations", T(D + "14:05:20"), "U6CS", "customers reporting 'payment could not be processed', retrying sometimes works")
s.write(inc, "chat")

F = lambda p, k, tz=None: (p, k, tz)
inc.truth(
    "egress-nat-conntrack", "nat-conntrack-table-exhaustion-traffic-growth",
    "Black Friday traffic grew until the NAT gateways' conntrack tables (262144) filled; new outbound connections were dropped and\n"
    "checkout's PSP calls timed out in slowly growing numbers until nf_conntrack_max was raised by hand on both gateways.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "nat-gw-1 kernel: nf_conntrack table full, dropping packet", "nat-gw-1/messages", 60),
     (WARN, "alert_fired", "CheckoutLatencyP99High warning", "notifications.json", 60),
     (PAGE_ALERT, "alert_fired", "CheckoutPSPErrorRatio (page) firing", "notifications.json", 60),
     (PAGE, "paged", "PagerDuty #52044 triggered, Bruno notified", "oncall-export.json", 60),
     (ACK, "acknowledged", "Bruno acknowledges #52044", "oncall-export.json", 60),
     (STATUS, "communication", "status page: some card payments failing", "chat", 60),
     (DIAG, "diagnosis", "Camila: NAT conntrack tables full at 262144, traffic outgrew them", "chat", 60),
     (FIX1, "mitigation", "nf_conntrack_max raised to 1048576 on nat-gw-1 (nat-gw-2 at 14:32:15)", "nat-gw-1/messages", 60),
     (MITIGATED, "recovery", "last payrail connect timeout", "checkout.log", 60),
     (ALERT_OK, "alert_resolved", "CheckoutPSPErrorRatio resolved", "notifications.json", 60),
     (RESOLVED, "resolved", "PagerDuty #52044 resolved", "oncall-export.json", 60)],
    [(CRON[-1], "daily push-flowlogs.sh AccessDenied failure on nat-gw-1 at 10:00 local, every day", "nat-gw-1/messages"),
     (OTHER_DEPLOY, "recommendations team deploys recommendations-api 2.19.1", "changes.json"),
     (T(D + "10:05:33"), "checkout 7.3.0 released in the morning - not the cause", "changes.json"),
     (T(D + "13:26:30"), "MongoReplicationLag flapping for the catalog team", "notifications.json"),
     (T(D + "12:31:10"), "NodeFilesystemAlmostFull on a CI runner", "notifications.json"),
     (ROLLBACK_Q, "'should we roll back checkout 7.3.0?' question, not done", "chat"),
     (WRONG, "wrong hunch: payrail itself overloaded", "chat"),
     (WRONG2, "wrong hunch: DNS", "chat"),
     (T(D + "14:00:00"), "steady inventory-conflict and address-validation warnings all window; sshd kex noise", "checkout.log")],
    [F("nat-gw-1/messages", "logs", TZ), F("checkout.log", "logs"), F("range.json", "prometheus-query-range"),
     F("alerting-rules.yml", "alert-rules"), F("notifications.json", "alertmanager-webhook"),
     F("oncall-export.json", "pagerduty-log-entries"), F("changes.json", "deploys"), F("chat", "slack-export")])
