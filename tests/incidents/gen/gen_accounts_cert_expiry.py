"""retired1/accounts-cert-expiry: a hand-managed internal TLS certificate expires; the gateway can't reach accounts and logins fail."""
import random
from common import *

rng = random.Random(20260912)
inc = Incident("retired1", "accounts-cert-expiry")
TZ = "Australia/Sydney"
D = "2026-09-12 "
W0, W1 = T(D + "02:30:00"), T(D + "05:30:00")
CRON = [T("2026-09-%02d 03:00:%02d" % (d, 5 + d)) for d in (9, 10, 11, 12)]
OTHER_DEPLOY = T(D + "02:50:14")
NOT_AFTER = T(D + "03:27:44")
STARTED = T(D + "03:27:45")
PROBE_ALERT = T(D + "03:30:00")
GW_ALERT = T(D + "03:32:30")
PAGE = T(D + "03:32:58")
SUPPORT = T(D + "03:38:10")
ESC = T(D + "03:42:58")
ACK = T(D + "03:44:10")
DIAG = T(D + "03:47:20")
ROLLBACK_Q = T(D + "03:49:05")
COMMS = T(D + "03:50:40")
NEW_CERT = T(D + "03:58:30")
RESTART = T(D + "04:01:10")
MITIGATED = T(D + "04:02:31")
ALERT_OK = T(D + "04:06:00")
RESOLVED = T(D + "04:30:00")
OLD = ["accounts-5d8f7b9c6-8wq2m", "accounts-5d8f7b9c6-jx4tn", "accounts-5d8f7b9c6-rv7lp"]
NEW = ["accounts-6c7b5d4f8-2hkd9", "accounts-6c7b5d4f8-mz6qp", "accounts-6c7b5d4f8-t8wxc"]
NEW_UP = [add(RESTART, seconds=22 + 30 * i) for i in range(3)]

def broken(t):
    return STARTED <= t < MITIGATED

# ---- envoy access log (default format), gzipped
ev = []
def E(t, method, path, st, flags, details, up_host, dur):
    ev.append((t, '[%s] "%s %s HTTP/1.1" %d %s %s 0 %d %d %s "%s" "%s" "%s" "%s" "%s"' % (
        iso(t, ms=True), method, path, st, flags, details, 91 if st >= 500 else rng.randint(200, 4000), dur,
        "-" if st >= 500 else str(max(1, dur - 2)), "%d.%d.%d.%d" % (rng.choice([1, 49, 101, 203]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
        rng.choice(["AcmeBank/12.3 CFNetwork/1568 Darwin/25.0.0", "okhttp/4.12.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/146.0.0.0"]),
        uuid(str(t) + path), "api.acmebank.example", up_host)))
for t in poisson_times(rng, W0, W1, 1.4):
    r = rng.random()
    if r < 0.3:
        path = rng.choice(["/v2/auth/login", "/v2/auth/refresh", "/v2/accounts/me"])
        if broken(t):
            E(t, "POST", path, 503, "UF,URX", "upstream_reset_before_response_started{connection_failure,TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end}", "-", rng.randint(2, 9))
        else:
            E(t, "POST", path, 200, "-", "via_upstream", "10.64.%d.%d:8443" % (rng.randint(1, 3), rng.randint(2, 250)), rng.randint(20, 120))
    else:
        path = rng.choice(["/v2/transactions?limit=50", "/v2/cards", "/v2/payees", "/v2/search?q=coffee"])
        E(t, "GET", path, 200, "-", "via_upstream", "10.64.%d.%d:8080" % (rng.randint(4, 9), rng.randint(2, 250)), rng.randint(10, 300))
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    E(t, "GET", "/v2/search?q=" + rng.choice(["rent", "uber", "salary"]), 504, "UT", "response_timeout", "10.64.7.%d:8080" % rng.randint(2, 250), 15000)
E(STARTED, "POST", "/v2/auth/refresh", 503, "UF,URX", "upstream_reset_before_response_started{connection_failure,TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end}", "-", 4)
inc.lines("gw/access.log.gz", [l for _, l in sorted(ev, key=lambda x: x[0])])

# ---- accounts Go server stderr (log package: local time, no zone)
gl = []
def G(t, msg):
    gl.append((t, "%s %s" % (local(t, TZ).strftime("%Y/%m/%d %H:%M:%S"), msg)))
for t in poisson_times(rng, W0, W1, 1 / 30.0):  # NLB TCP health checks: benign, steady
    G(t, "http: TLS handshake error from 10.64.0.%d:%d: EOF" % (rng.choice([12, 13, 14]), rng.randint(30000, 60000)))
for t in poisson_times(rng, STARTED, MITIGATED, 0.9):
    G(t, "http: TLS handshake error from 10.64.%d.%d:%d: remote error: tls: bad certificate" % (rng.randint(4, 9), rng.randint(2, 250), rng.randint(30000, 60000)))
G(add(STARTED, seconds=0.3), "http: TLS handshake error from 10.64.5.31:48122: remote error: tls: bad certificate")
for p, t in zip(NEW, NEW_UP):
    G(t, "accounts v3.41.0 listening on :8443 (cert CN=accounts.internal serial=4f:0e:91:22 notAfter=2027-09-12T03:58:12Z)")
for t in frange(add(W0, seconds=4), W1, 600):
    G(t, "db pool stats: open=24 idle=19 wait_count=0")
inc.lines("accounts-stderr.txt", [l for _, l in sorted(gl, key=lambda x: x[0])])

# ---- blackbox query_range
def days_left(t):
    if t < NEW_CERT:
        return (NOT_AFTER - t).total_seconds()
    return (T("2027-09-12 03:58:12") - t).total_seconds()
def probe_ok(t):
    return 0 if add(STARTED, seconds=10) <= t < add(MITIGATED, seconds=10) else 1
inc.json("blackbox.json", query_range(
    [({"__name__": "probe_ssl_earliest_cert_expiry_seconds_left", "instance": "accounts.internal:8443", "job": "blackbox-tls"}, lambda t: days_left(t) if probe_ok(t) or t >= NEW_CERT else None),
     ({"__name__": "probe_success", "instance": "accounts.internal:8443", "job": "blackbox-tls"}, probe_ok),
     ({"__name__": "probe_success", "instance": "https://api.acmebank.example/healthz", "job": "blackbox-http"}, lambda t: 1)],
    W0, W1, 15, fmt="%.0f"), indent=None)

# ---- kube events (core/v1 EventList)
k = Kube(rng)
for i in range(2):
    k.pod_start(add(OTHER_DEPLOY, seconds=3 + 25 * i), "notifications", "notifications-7f5c9d8b6-%s" % ["qz2lx", "w4vkn"][i], "ip-10-64-%d-77.ap-southeast-2.compute.internal" % (i + 4),
                "111122223333.dkr.ecr.ap-southeast-2.amazonaws.com/notifications:1.88.0", "notifications")
    k.ev(add(OTHER_DEPLOY, seconds=24 + 25 * i), "notifications", "Pod", "notifications-65b8c4d7f9-%s" % ["a1b2c", "d3e4f"][i], "Killing", "Stopping container notifications",
         host="ip-10-64-%d-77.ap-southeast-2.compute.internal" % (i + 4))
k.ev(add(RESTART, seconds=1), "accounts", "Deployment", "accounts", "ScalingReplicaSet", "Scaled up replica set accounts-6c7b5d4f8 to 1", component="deployment-controller")
for i in range(3):
    node = "ip-10-64-%d-21.ap-southeast-2.compute.internal" % (i + 1)
    st = add(NEW_UP[i], seconds=-6)
    k.ev(st, "accounts", "Pod", NEW[i], "Scheduled", "Successfully assigned accounts/%s to %s" % (NEW[i], node), component="default-scheduler")
    k.ev(add(st, seconds=1), "accounts", "Pod", NEW[i], "Pulled", 'Container image "111122223333.dkr.ecr.ap-southeast-2.amazonaws.com/accounts:3.41.0" already present on machine', host=node)
    k.ev(add(st, seconds=1), "accounts", "Pod", NEW[i], "Created", "Created container accounts", host=node)
    k.ev(add(st, seconds=2), "accounts", "Pod", NEW[i], "Started", "Started container accounts", host=node)
    k.ev(add(NEW_UP[i], seconds=3), "accounts", "Pod", OLD[i], "Killing", "Stopping container accounts", host=node)
cj = "warehouse-export-29789460"
k.ev(add(CRON[-1], seconds=-5), "data", "Job", cj, "SuccessfulCreate", "Created pod: %s-fp7z2" % cj, component="job-controller")
k.ev(add(CRON[-1], seconds=-3), "data", "Pod", cj + "-fp7z2", "BackOff", "Back-off restarting failed container export in pod %s-fp7z2_data(%s)" % (cj, uuid(cj)), type_="Warning", host="ip-10-64-6-12.ap-southeast-2.compute.internal", count=4, first=add(CRON[-1], minutes=-3))
k.ev(CRON[-1], "data", "Job", cj, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("ev.json", k.core_list())

# ---- Alertmanager API v2 snapshot (GET /api/v2/alerts) at 03:52
SNAP = T(D + "03:52:20")
inc.json("am-alerts-snapshot.json", [
    amtool_alert("BlackboxProbeFailed", {"instance": "accounts.internal:8443", "job": "blackbox-tls", "severity": "critical", "team": "identity"},
                 "TLS probe of accounts.internal:8443 failing", PROBE_ALERT, SNAP, receivers=("slack-identity",), desc="probe_success == 0 for 2m"),
    amtool_alert("GatewayUpstream5xx", {"route": "auth", "severity": "page", "team": "identity", "upstream": "accounts"},
                 "api-gateway: >5% 5xx to upstream accounts", GW_ALERT, SNAP, receivers=("pagerduty-identity", "slack-identity")),
    amtool_alert("KubeJobFailed", {"namespace": "data", "job_name": cj, "severity": "warning", "team": "data"},
                 "Job data/%s failed to complete" % cj, add(CRON[-1], seconds=40), SNAP, receivers=("slack-data",)),
    amtool_alert("SearchLatencyP99High", {"service": "search", "severity": "warning", "team": "discovery"},
                 "search p99 > 10s", T(D + "01:55:00"), SNAP, receivers=("slack-discovery",)),
    amtool_alert("AWSRDSStorageLow", {"dbinstance": "reporting-replica-1", "severity": "warning", "team": "data"},
                 "reporting-replica-1 free storage < 15%", T("2026-09-11 22:10:00"), SNAP, receivers=("slack-data",), state="suppressed", silenced_by=("a3c1d2e4-0000-4bcd-9f00-112233445566",)),
])

# ---- pagerduty
pd = PD(4102, "GatewayUpstream5xx api-gateway: >5% 5xx to upstream accounts", "identity-platform", "PIDN002")
noah = PD.user("Noah Williams", "PNOAHW1")
mia = PD.user("Mia Chen")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Noah Williams by push notification.", user=noah)
pd.add(add(PAGE, seconds=180), "notify_log_entry", None, None, "Notified Noah Williams by phone.", user=noah, notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Mia Chen by phone.", user=mia)
pd.add(ACK, "acknowledge_log_entry", mia, {"type": "phone"}, "Acknowledged by Mia Chen.")
pd.add(add(ACK, minutes=9), "acknowledge_log_entry", noah, {"type": "mobile"}, "Acknowledged by Noah Williams.")
pd.add(RESOLVED, "resolve_log_entry", mia, {"type": "web_ui"}, "Resolved by Mia Chen.")
inc.json("pd-log.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UMIA", "mia", "Mia Chen"), ("UNOA", "noah", "Noah Williams"), ("UOLI", "olivia", "Olivia Brown"), ("UJAC", "jack", "Jack Taylor"), ("UZOE", "zoe.support", "Zoe Nguyen")]:
    s.user(u, n, r, TZ)
for cid, n in [("CIDN", "identity-alerts"), ("CINC", "inc-login-failures"), ("CDAT", "data-alerts"), ("CSUP", "support-escalations")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("data-alerts", add(c, seconds=50), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job data/warehouse-export failed to complete", color="warning"))
s.bot("identity-alerts", add(PROBE_ALERT, seconds=30), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "BlackboxProbeFailed", "TLS probe of accounts.internal:8443 failing"))
s.bot("identity-alerts", add(GW_ALERT, seconds=30), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "GatewayUpstream5xx", "api-gateway: >5% 5xx to upstream accounts"))
s.bot("identity-alerts", add(ALERT_OK, seconds=30), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "GatewayUpstream5xx", "api-gateway: >5% 5xx to upstream accounts"))
s.bot("identity-alerts", add(ALERT_OK, seconds=31), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "BlackboxProbeFailed", "TLS probe of accounts.internal:8443 failing"))
s.say("support-escalations", SUPPORT, "UZOE", "lots of chats: customers can't log in to the app, 'something went wrong'")
ch = "inc-login-failures"
s.say(ch, add(ACK, seconds=40), "UMIA", "got escalated to me. gateway -> accounts is failing TLS: CERTIFICATE_VERIFY_FAILED")
s.say(ch, DIAG, "UMIA", "accounts.internal cert expired: notAfter=Sep 12 03:27:44 2026 GMT. it's the hand-rolled one from last year, not cert-manager")
s.say(ch, ROLLBACK_Q, "UJAC", "should we roll back notifications? they deployed at 12:50")
s.say(ch, add(ROLLBACK_Q, seconds=35), "UMIA", "no, nothing to do with it")
s.say(ch, COMMS, "UOLI", "status page: 'Some customers are unable to log in. We're working on a fix.'")
s.say(ch, add(NEW_CERT, seconds=20), "UMIA", "issued a new cert from vault pki (1y), updated secret accounts-tls")
s.say(ch, add(RESTART, seconds=5), "UMIA", "kubectl rollout restart deploy/accounts")
s.say(ch, add(MITIGATED, seconds=50), "UNOA", "all 3 accounts pods on the new cert, logins working")
s.say(ch, add(RESOLVED, seconds=-30), "UMIA", "resolving. follow-up: move accounts-tls to cert-manager, expiry alert should page")
s.write(inc, "slack")

inc.truth(
    "accounts-cert-expiry", "tls-cert-expiry",
    "The hand-managed TLS certificate of the internal accounts service expired at 03:27:44 UTC; the API gateway's\n"
    "upstream TLS verification failed and customer logins 503ed until a new certificate was issued and pods restarted.",
    (W0, W1),
    dict(started=STARTED, detected=PROBE_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first CERTIFICATE_VERIFY_FAILED 503 at the gateway (cert notAfter 03:27:44)", "gw/access.log.gz", 60),
     (PROBE_ALERT, "alert_fired", "BlackboxProbeFailed accounts.internal:8443", "am-alerts-snapshot.json", 60),
     (GW_ALERT, "alert_fired", "GatewayUpstream5xx (page)", "am-alerts-snapshot.json", 60),
     (PAGE, "paged", "PagerDuty #4102 triggered", "pd-log.json", 60),
     (ESC, "paged", "escalated to level 2 by timeout (Noah didn't answer)", "pd-log.json", 60),
     (ACK, "acknowledged", "Mia acknowledges", "pd-log.json", 60),
     (DIAG, "diagnosis", "Mia: accounts.internal certificate expired", "slack", 90),
     (COMMS, "communication", "status page: some customers unable to log in", "slack", 90),
     (RESTART, "mitigation", "new cert in accounts-tls; rollout restart of accounts", "ev.json", 90),
     (MITIGATED, "recovery", "last TLS failure; logins succeed", "gw/access.log.gz", 60),
     (ALERT_OK, "alert_resolved", "GatewayUpstream5xx / BlackboxProbeFailed resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-log.json", 60)],
    [(CRON[-1], "daily warehouse-export CronJob failure at 03:00 UTC", "ev.json"),
     (OTHER_DEPLOY, "notifications deploy by another team", "ev.json"),
     (T(D + "01:55:00"), "SearchLatencyP99High for discovery team", "am-alerts-snapshot.json"),
     (ROLLBACK_Q, "'should we roll back notifications?' question", "slack"),
     (T(D + "03:00:00"), "steady NLB health-check 'TLS handshake error ... EOF' lines all window", "accounts-stderr.txt"),
     (T(D + "04:45:00"), "steady search 504 response_timeout at the gateway", "gw/access.log.gz"),
     (add(RESTART, seconds=20), "accounts pod Killing/Started events from the restart are the fix, not a crash", "ev.json")],
    [("gw/access.log.gz", "logs"), ("accounts-stderr.txt", "logs", TZ), ("blackbox.json", "prometheus-query-range"), ("ev.json", "kube-events"),
     ("am-alerts-snapshot.json", "alertmanager-api-alerts"), ("pd-log.json", "pagerduty-log-entries"), ("slack", "slack-export")])
