"""retired9/esign-api-cert-chain: a Terraform Cloud run re-imports the renewed api.quillsign.com certificate
without its intermediate; SDK and integration clients fail TLS verification until the run is reverted."""
import random
from common import *

rng = random.Random(20260609)
inc = Incident("retired9", "esign-api-cert-chain")
D = "2026-06-09 "
W0, W1 = T(D + "13:00:00"), T(D + "15:30:00")
EV0 = T(D + "12:40:00")
APPLY = T(D + "13:41:52")           # TFC run applied (cert re-imported, leaf only)
STARTED = T(D + "13:42:47")         # first CERTIFICATE_VERIFY_FAILED in bulk-send
WARN = T(D + "13:48:10")            # PublicApiTLSNegotiationErrors (warning)
PAGE = T(D + "13:51:41")            # PublicApiSdkTrafficDrop -> PagerDuty
ACK = T(D + "13:54:02")
ROLLBACK_Q = T(D + "13:59:50")
DIAG = T(D + "14:01:45")
STATUS = T(D + "14:04:30")
REVERT_CREATED = T(D + "14:05:12")
REVERT_APPLY = T(D + "14:07:31")
LAST_FAIL = T(D + "14:08:04")
MITIGATED = T(D + "14:08:16")
ALERT_OK = T(D + "14:13:40")
RESOLVED = T(D + "14:31:05")
OTHER_APPLY = T(D + "13:58:33")     # data team's terraform run, unrelated
CRON = [T("2026-06-%02d 13:30:%02d" % (d, 11 + d)) for d in (6, 7, 8, 9)]

def broken(t):
    return add(APPLY, seconds=48) <= t < add(REVERT_APPLY, seconds=40)

# ---------------------------------------------------------------- bulk-send worker (structlog JSON lines)
bl = []
def B(t, level, event, **kw):
    bl.append((t, jline({"timestamp": iso_us(t), "level": level, "logger": kw.pop("logger", "bulk_send.dispatch"),
                         "event": event, "pod": "bulk-send-6c9f7d5b8-q4k2m", **kw})))
TB = ("Traceback (most recent call last):\n"
      "  File \"/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py\", line 464, in _make_request\n"
      "    self._validate_conn(conn)\n"
      "  File \"/usr/local/lib/python3.12/site-packages/urllib3/connection.py\", line 741, in connect\n"
      "    sock_and_verified = _ssl_wrap_socket_and_match_hostname(\n"
      "  File \"/usr/local/lib/python3.12/ssl.py\", line 1319, in do_handshake\n"
      "    self._sslobj.do_handshake()\n"
      "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1010)\n\n"
      "During handling of the above exception, another exception occurred:\n\n"
      "Traceback (most recent call last):\n"
      "  File \"/app/bulk_send/dispatch.py\", line 212, in send_envelope\n"
      "    resp = self.api.post(\"/v3/envelopes\", json=payload, timeout=15)\n"
      "  File \"/usr/local/lib/python3.12/site-packages/requests/adapters.py\", line 698, in send\n"
      "    raise SSLError(e, request=request)\n"
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.quillsign.com', port=443): Max retries exceeded with url: /v3/envelopes "
      "(Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1010)')))")
first = True
backlog = 0
for t in poisson_times(rng, EV0, W1, 0.11):
    if t < STARTED:
        ok = True
    elif t <= LAST_FAIL:
        ok = False
    elif t < MITIGATED:
        continue
    else:
        ok = True
    if first and not ok:
        t = STARTED
        first = False
    job = "bj_%s" % hexid(rng, 10)
    if ok:
        B(t, "info", "envelope sent", job_id=job, envelope_id=uuid("env%s" % t), recipients=rng.randint(1, 6),
          api_status=201, latency_ms=rng.randint(90, 420))
    else:
        backlog += 1
        B(t, "error", "envelope send failed, will retry", job_id=job, attempt=rng.randint(1, 5),
          error="SSLError", exception=TB)
for t in poisson_times(rng, EV0, W1, 1 / 170.0):
    B(t, "warning", "recipient address rejected by relay", logger="bulk_send.mailer", smtp_code=550,
      detail="5.1.1 The email account that you tried to reach does not exist")
B(MITIGATED, "info", "envelope sent", job_id="bj_%s" % hexid(rng, 10), envelope_id=uuid("envmit"), recipients=2, api_status=201, latency_ms=233)
B(add(MITIGATED, seconds=3), "info", "retry queue draining", logger="bulk_send.retry", queued=backlog)
B(T(D + "14:19:40"), "info", "retry queue empty", logger="bulk_send.retry")
bl.sort(key=lambda x: x[0])
inc.lines("bulk-send-q4k2m.jsonl", [l for _, l in bl])

# ---------------------------------------------------------------- ALB access log (gz)
CERT = "arn:aws:acm:us-east-1:418276530911:certificate/6b1f0d2e-93aa-4c57-8d0e-2a7f51c3e904"
TG = "arn:aws:elasticloadbalancing:us-east-1:418276530911:targetgroup/api-public-prod/5c2e8f1a9b3d7e60"
UA_SDK = ["quillsign-java/4.2.1 (Java 17.0.11)", "quillsign-python/3.8.0 python-requests/2.32.3", "quillsign-node/5.1.4 node/20.14.0",
          "Zapier", "quillsign-go/1.9.2", "okhttp/4.12.0"]
UA_WEB = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0"]
PATHS = [("GET", "/v3/envelopes/%s/status"), ("POST", "/v3/envelopes"), ("GET", "/v3/templates?page=1"), ("POST", "/v3/envelopes/%s/void"),
         ("GET", "/v3/account/usage")]
al = []
for t in poisson_times(rng, W0, W1, 0.55):
    sdk = rng.random() < 0.72
    if sdk and broken(t) and rng.random() < 0.97:
        continue  # client refused the handshake: never reaches the access log
    m, p = rng.choice(PATHS)
    if "%s" in p:
        p = p % uuid("e%f" % epoch(t))
    st = 200 if m == "GET" else 201
    r = rng.random()
    if r < 0.006:
        st = 460
    elif r < 0.012:
        st = 404
    tgt = "10.42.%d.%d:8443" % (rng.randint(10, 13), rng.randint(2, 250))
    tp = rng.uniform(0.02, 0.4) if st != 460 else -1
    ip = "%d.%d.%d.%d" % (rng.choice([3, 18, 34, 52, 73, 98, 104, 203]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    ua = rng.choice(UA_SDK if sdk else UA_WEB)
    tid = "Root=1-%08x-%s" % (int(epoch(t)), hexid(rng, 24))
    al.append((t, 'https %s app/api-public-prod/9f3c2b71d0a84e55 %s:%d %s 0.000 %.3f 0.000 %d %s %d %d "%s https://api.quillsign.com:443%s HTTP/1.1" "%s" '
                  'TLS_AES_128_GCM_SHA256 TLSv1.3 %s "%s" "api.quillsign.com" "%s" 0 %s "forward" "-" "-" "%s" "%s" "-" "-" TID_%s' % (
        iso_us(t), ip, rng.randint(1024, 65535), tgt if st != 460 else "-", tp, st, "-" if st == 460 else str(st),
        rng.randint(300, 2400), rng.randint(200, 9000), m, p, ua, TG, tid, CERT, iso_us(add(t, seconds=-0.002)),
        tgt if st != 460 else "-", "-" if st == 460 else str(st), hexid(rng, 32))))
al.sort(key=lambda x: x[0])
inc.lines("lb/418276530911_elasticloadbalancing_us-east-1_app.api-public-prod.20260609T1300Z.log.gz", [l for _, l in al])

# ---------------------------------------------------------------- Prometheus query_range (YACE + gateway)
def tls_err(t):
    if broken(add(t, seconds=30)):
        return 880 + rng.randint(-60, 60)
    return rng.choice([0, 1, 2, 2, 3, 5])
def fam(f, share):
    def g(t):
        base = f * (1 + 0.05 * ((int(epoch(t)) // 60) % 4))
        return base * (0.03 if broken(add(t, seconds=30)) else 1) if share else base
    return g
inc.json("q_api_edge.json", query_range(
    [({"__name__": "aws_applicationelb_client_tlsnegotiation_error_count_sum", "load_balancer": "app/api-public-prod/9f3c2b71d0a84e55",
       "job": "yace", "region": "us-east-1"}, tls_err),
     ({"client_family": "sdk", "job": "api-gateway", "namespace": "api"}, fam(34.0, True)),
     ({"client_family": "integrations", "job": "api-gateway", "namespace": "api"}, fam(11.5, True)),
     ({"client_family": "browser", "job": "api-gateway", "namespace": "api"}, fam(17.8, False))],
    W0, W1, 60), indent=None)

# ---------------------------------------------------------------- Alertmanager webhook receiver log
hk = []
def H(t, body):
    hk.append((t, jline(body)))
el = {"severity": "warning", "team": "platform-edge", "load_balancer": "api-public-prod"}
a = am_alert("PublicApiTLSNegotiationErrors", el, "api-public-prod: 874 client TLS negotiation errors/min", WARN,
             desc="ClientTLSNegotiationErrorCount above 100/min for 5m")
H(add(WARN, seconds=20), am_webhook("slack-platform-alerts", [a]))
pl = {"severity": "page", "team": "platform-edge", "service": "public-api"}
b = am_alert("PublicApiSdkTrafficDrop", pl, "SDK + integration request rate 92% below the same hour last week", add(PAGE, seconds=-30))
H(add(PAGE, seconds=-1), am_webhook("pagerduty-platform-edge", [b]))
H(add(ALERT_OK, seconds=15), am_webhook("slack-platform-alerts", [am_alert("PublicApiTLSNegotiationErrors", el,
  "api-public-prod: 874 client TLS negotiation errors/min", WARN, ends=ALERT_OK)]))
H(add(ALERT_OK, seconds=48), am_webhook("pagerduty-platform-edge", [am_alert("PublicApiSdkTrafficDrop", pl,
  "SDK + integration request rate 92% below the same hour last week", add(PAGE, seconds=-30), ends=add(ALERT_OK, seconds=30))]))
# steady: the expiring old certificate has been warned about for days
cl = {"severity": "ticket", "team": "platform-edge", "instance": "https://api.quillsign.com"}
for d in (7, 8, 9):
    s = T("2026-06-%02d 08:00:00" % d)
    H(add(s, seconds=20), am_webhook("slack-platform-alerts", [am_alert("TLSCertExpiringSoon", cl,
      "certificate for api.quillsign.com expires in %d days" % (21 - d), T("2026-06-05 08:00:00"))]))
# daily audit-trail export CronJob fails every day
jl = {"severity": "warning", "team": "compliance", "namespace": "compliance", "job_name": "audit-trail-export"}
for c in CRON:
    H(add(c, seconds=40), am_webhook("slack-compliance", [am_alert("KubeJobFailed", {**jl, "job_name": "audit-trail-export-%d" % int(epoch(c) // 60)},
      "Job compliance/audit-trail-export failed to complete", add(c, seconds=10))]))
# another team's flapping lag alert
kl = {"severity": "warning", "team": "data", "consumergroup": "usage-events-sink", "topic": "usage-events"}
for s, e in [(T(D + "13:12:30"), T(D + "13:19:30")), (T(D + "13:36:00"), T(D + "13:41:00")), (T(D + "14:02:30"), T(D + "14:10:00")),
             (T(D + "14:44:00"), T(D + "14:49:30"))]:
    H(add(s, seconds=25), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLagHigh", kl, "usage-events-sink lag > 200k", s)]))
    H(add(e, seconds=25), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLagHigh", kl, "usage-events-sink lag > 200k", s, ends=e)]))
hk.sort(key=lambda x: x[0])
inc.lines("receiver-0609.ndjson", [l for _, l in hk])

# ---------------------------------------------------------------- Terraform Cloud runs (org-wide list)
WS = {"edge-prod": "ws-Qv8TzL2mXa4rB7nd", "data-prod": "ws-9KfJ3pWcYh6sDq1e", "identity-prod": "ws-Tn5bR8uLe2GxMz0c"}
USERS = {"hugo.lambert": "user-h7QxN2pD4sVb", "maren.olsen": "user-m3LkW8rT1yZc", "dmitri.volkov": "user-d9FgH5jK2nQa",
         "quillsign-vcs": "user-v1CsR6tY8wEb"}
runs = []
def run(rid, ws, who, msg, created, applied, status="applied", source="tfe-configuration-version", trigger="manual", adds=0, chg=1, dels=0,
        plan_only=False):
    plan = add(created, seconds=9)
    planned = add(created, seconds=41)
    ts = {"plan-queued-at": iso(plan), "planning-at": iso(add(plan, seconds=2)), "planned-at": iso(planned)}
    if status == "applied":
        ts.update({"confirmed-at": iso(add(applied, seconds=-24)), "apply-queued-at": iso(add(applied, seconds=-23)),
                   "applying-at": iso(add(applied, seconds=-19)), "applied-at": iso(applied)})
    elif status == "discarded":
        ts["discarded-at"] = iso(applied)
    elif status == "planned_and_finished":
        ts["planned-and-finished-at"] = iso(planned)
    runs.append({"id": rid, "type": "runs", "attributes": {
        "actions": {"is-cancelable": False, "is-confirmable": False, "is-discardable": False, "is-force-cancelable": False},
        "canceled-at": None, "created-at": iso(created, ms=True) if created.microsecond else iso(created).replace("Z", ".000Z"),
        "has-changes": True, "auto-apply": False, "allow-empty-apply": False, "is-destroy": False, "message": msg,
        "plan-only": plan_only, "source": source, "status": status, "status-timestamps": ts, "trigger-reason": trigger,
        "target-addrs": None, "refresh": True, "refresh-only": False, "replace-addrs": None,
        "resource-additions": adds, "resource-changes": chg, "resource-destructions": dels},
        "relationships": {"workspace": {"data": {"id": WS[ws], "type": "workspaces"}},
                          "created-by": {"data": {"id": USERS[who], "type": "users"}},
                          "configuration-version": {"data": {"id": "cv-" + uid(rid, 16), "type": "configuration-versions"}}},
        "links": {"self": "/api/v2/runs/" + rid}})
run("run-xP4bW9cQ2mRt7LhA", "identity-prod", "quillsign-vcs", "Merge pull request #441 from quillsign/okta-group-rules", T("2026-06-09 09:12:05"),
    T("2026-06-09 09:20:40"), trigger="vcs")
run("run-Lr2eK7vY5nHd3QcM", "edge-prod", "hugo.lambert", "Merge pull request #812 from quillsign/renew-api-cert-2026\n\nacm: re-import api.quillsign.com (Sectigo OV, valid to 2027-06-25)",
    T(D + "13:38:56"), APPLY, trigger="vcs", source="tfe-configuration-version")
run("run-Zd8sN1qT6wFa9GbE", "data-prod", "dmitri.volkov", "kinesis: raise usage-events shards to 8", T(D + "13:55:20"), OTHER_APPLY, source="tfe-api")
run("run-Bc5yU3gP0jVk2XrS", "edge-prod", "maren.olsen", "Revert \"acm: re-import api.quillsign.com\" (#812): chain missing intermediate",
    REVERT_CREATED, REVERT_APPLY, source="tfe-ui")
run("run-Hm6tJ4aE9rWc1NyD", "edge-prod", "hugo.lambert", "plan: api cert renewal with fullchain (do not apply yet)", T(D + "14:48:30"),
    None, status="planned_and_finished", plan_only=True, source="tfe-api")
runs.sort(key=lambda r: r["attributes"]["created-at"], reverse=True)
inc.json("tfc-org-runs-p1.json", {
    "data": runs,
    "included": [{"id": v, "type": "workspaces", "attributes": {"name": k}} for k, v in WS.items()] +
                [{"id": v, "type": "users", "attributes": {"username": k}} for k, v in USERS.items()],
    "links": {"self": "https://app.terraform.io/api/v2/organizations/quillsign/runs?page%5Bnumber%5D=1&page%5Bsize%5D=20",
              "first": "https://app.terraform.io/api/v2/organizations/quillsign/runs?page%5Bnumber%5D=1&page%5Bsize%5D=20",
              "prev": None, "next": None},
    "meta": {"pagination": {"current-page": 1, "page-size": 20, "prev-page": None, "next-page": None, "total-pages": 1, "total-count": len(runs)}}})

# ---------------------------------------------------------------- PagerDuty log entries
pd = PD(7718, "PublicApiSdkTrafficDrop: SDK + integration request rate 92% below the same hour last week", "public-api", "PQS4API")
maren = PD.user("Maren Olsen", "PMAREN1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PQSAMI1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Maren Olsen by push notification.",
       user=maren, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Maren Olsen by SMS.",
       user=maren, notification={"type": "sms_notification", "status": "success", "address": "+4791*****08"})
pd.add(ACK, "acknowledge_log_entry", maren, {"type": "mobile"}, "Acknowledged by Maren Olsen.")
pd.add(add(DIAG, seconds=90), "annotate_log_entry", maren, {"type": "web_ui", "summary": "api cert served without Sectigo intermediate since 13:42"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", maren, {"type": "web_ui"}, "Resolved by Maren Olsen.")
other = PD(7716, "Okta System Log stream lag > 15m", "identity-ops", "PQSIDN2")
ana = PD.user("Ana Ribeiro", "PANARIB")
other.add(T(D + "13:06:44"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "13:06:45"), "notify_log_entry", None, None, "Notified Ana Ribeiro by email.", user=ana)
other.add(T(D + "13:15:02"), "acknowledge_log_entry", ana, {"type": "web_ui"}, "Acknowledged by Ana Ribeiro.")
other.add(T(D + "13:40:19"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-7718.json", ex)

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r, tz in [("U5MAREN", "maren", "Maren Olsen", "Europe/Oslo"), ("U5HUGO", "hugo", "Hugo Lambert", "Europe/Paris"),
                    ("U5TOMAS", "tomas.r", "Tomás Reyes", "America/New_York"), ("U5PRIYA", "priya", "Priya Natarajan", "America/Chicago"),
                    ("U5DMITRI", "dmitri", "Dmitri Volkov", "Europe/Berlin")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C5INC", "inc-public-api", "Public API incidents"), ("C5PLAT", "platform-alerts", "Alertmanager: platform-edge"),
                  ("C5STAT", "status-updates", "Statuspage mirror"), ("C5DATA", "data-eng", "Data engineering")]:
    s.channel(cid, n, p)
s.bot("platform-alerts", add(WARN, seconds=21), "B5AM", "alertmanager",
      attachments=am_slack_attachment("firing", "PublicApiTLSNegotiationErrors", "api-public-prod: 874 client TLS negotiation errors/min\nseverity: warning", color="warning"))
s.bot("platform-alerts", add(PAGE, seconds=1), "B5AM", "alertmanager",
      attachments=am_slack_attachment("firing", "PublicApiSdkTrafficDrop", "SDK + integration request rate 92% below the same hour last week\nseverity: page"))
s.bot("platform-alerts", add(ALERT_OK, seconds=16), "B5AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "PublicApiTLSNegotiationErrors", "api-public-prod TLS negotiation errors back to normal"))
for d in (7, 8, 9):
    s.bot("platform-alerts", T("2026-06-%02d 08:00:21" % d), "B5AM", "alertmanager",
          attachments=am_slack_attachment("firing", "TLSCertExpiringSoon", "certificate for api.quillsign.com expires in %d days\nseverity: ticket" % (21 - d), color="warning"))
ch = "inc-public-api"
s.say(ch, T(D + "13:49:30"), "U5TOMAS", "anyone else seeing the TLS negotiation warning on api-public-prod? bulk-send is throwing SSL errors too")
s.say(ch, T(D + "13:55:10"), "U5MAREN", "acked the page. ALB client TLS negotiation errors went from ~2/min to ~900/min at 13:43. browser traffic looks normal, SDK and integration traffic almost gone")
s.say(ch, T(D + "13:56:35"), "U5PRIYA", "support has 6 tickets in the last 10 min: Java SDK 'PKIX path building failed', Zapier says our certificate is invalid")
s.say(ch, T(D + "13:57:40"), "U5TOMAS", "could it be the listener TLS policy? if someone moved it to TLS 1.3 only the old Java 8 clients would break")
s.say(ch, T(D + "13:58:50"), "U5MAREN", "listener policy is unchanged, still ELBSecurityPolicy-TLS13-1-2-2021-06")
s.say(ch, ROLLBACK_Q, "U5TOMAS", "should we roll back the api-gateway 2.31 release from this morning?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U5MAREN", "gateway never sees these requests, the handshake dies before it. checking the cert itself")
s.say(ch, DIAG, "U5MAREN", "openssl s_client -connect api.quillsign.com:443 -showcerts only returns the leaf, depth=0 verify error:num=20 unable to get local issuer certificate. the Sectigo intermediate is missing from the chain, browsers paper over it with AIA fetching so the web app is fine")
s.say(ch, T(D + "14:02:40"), "U5HUGO", "that's my renewal, it went out through terraform a bit after 13:40. I passed the leaf again as certificate_chain, sorry")
s.say(ch, T(D + "14:03:35"), "U5MAREN", "reverting #812 in edge-prod, the old cert is good until the 21st. fix forward with the fullchain later")
s.say(ch, add(REVERT_APPLY, seconds=70), "U5MAREN", "revert applied. s_client shows depth 2/1/0 and verify return:1, TLS errors dropped to zero in the last minute")
s.say(ch, T(D + "14:10:30"), "U5PRIYA", "Zapier confirms their calls are succeeding again")
s.say(ch, T(D + "14:20:05"), "U5TOMAS", "bulk-send retry queue is empty, SDK traffic at last week's level")
s.say(ch, add(RESOLVED, seconds=-40), "U5MAREN", "all clean for 20 minutes, resolving. postmortem tomorrow, Hugo will re-plan the renewal with the chain")
s.bot("status-updates", STATUS, "B5SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - API certificate errors", "title": "Investigating - API clients receiving certificate errors",
                    "text": "Some API and integration clients cannot connect to api.quillsign.com because of a certificate validation error. The web app is not affected.", "mrkdwn_in": ["text"]}])
s.bot("status-updates", T(D + "14:12:00"), "B5SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Monitoring - API certificate errors", "title": "Monitoring - API certificate errors",
                    "text": "A fix has been applied and API clients are connecting again.", "mrkdwn_in": ["text"]}])
s.bot("status-updates", add(RESOLVED, minutes=2), "B5SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved - API certificate errors", "title": "Resolved - API certificate errors", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.say("data-eng", T(D + "13:55:40"), "U5DMITRI", "applying the kinesis shard bump for usage-events now, lag alert keeps flapping")
s.say("data-eng", T(D + "14:02:10"), "U5DMITRI", "shards at 8, lag dropping")
for c in CRON:
    s.bot("data-eng", add(c, seconds=41), "B5AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job compliance/audit-trail-export failed to complete", color="warning"))
s.write(inc, "slack")

inc.truth(
    "esign-api-cert-chain", "tls-renewal-missing-intermediate",
    "A Terraform Cloud run re-imported the renewed api.quillsign.com certificate into ACM with the leaf as its chain;\n"
    "SDK, integration and internal API clients failed TLS verification (browsers fetched the intermediate) until the run was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(APPLY, "change", "Terraform Cloud edge-prod run (#812) re-imports api cert without the intermediate", "tfc-org-runs-p1.json", 60),
     (STARTED, "first_symptom", "bulk-send: CERTIFICATE_VERIFY_FAILED calling api.quillsign.com", "bulk-send-q4k2m.jsonl", 60),
     (WARN, "alert_fired", "PublicApiTLSNegotiationErrors (warning) fires", "receiver-0609.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7718 PublicApiSdkTrafficDrop triggered, Maren notified", "pd-7718.json", 60),
     (ACK, "acknowledged", "Maren acknowledges", "pd-7718.json", 60),
     (DIAG, "diagnosis", "s_client shows leaf only: Sectigo intermediate missing from the chain", "slack", 60),
     (STATUS, "communication", "Statuspage: API clients receiving certificate errors", "slack", 60),
     (REVERT_APPLY, "mitigation", "revert run applied in edge-prod, old certificate with chain back", "tfc-org-runs-p1.json", 60),
     (MITIGATED, "recovery", "TLS verification succeeds again; bulk-send sends, SDK traffic returns", "bulk-send-q4k2m.jsonl", 60),
     (ALERT_OK, "alert_resolved", "PublicApiTLSNegotiationErrors resolved", "receiver-0609.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-7718.json", 60)],
    [(CRON[-1], "daily audit-trail-export CronJob failure (every day ~13:30)", "receiver-0609.ndjson"),
     (T(D + "08:00:00"), "TLSCertExpiringSoon ticket alert for the old certificate, repeated daily", "receiver-0609.ndjson"),
     (OTHER_APPLY, "data team's Terraform run (kinesis shards) inside the window", "tfc-org-runs-p1.json"),
     (T(D + "13:12:30"), "flapping KafkaConsumerGroupLagHigh of the data team", "receiver-0609.ndjson"),
     (T(D + "13:06:44"), "unrelated PagerDuty incident: Okta System Log stream lag", "pd-7718.json"),
     (ROLLBACK_Q, "'should we roll back the api-gateway release?' question, not done", "slack"),
     (T(D + "13:57:40"), "wrong hunch: listener TLS policy changed", "slack"),
     (T(D + "14:00:00"), "steady SMTP 550 recipient rejections in bulk-send all window", "bulk-send-q4k2m.jsonl"),
     (T(D + "14:48:30"), "plan-only run for the fix-forward, nothing applied", "tfc-org-runs-p1.json")],
    [("bulk-send-q4k2m.jsonl", "logs"),
     ("lb/418276530911_elasticloadbalancing_us-east-1_app.api-public-prod.20260609T1300Z.log.gz", "logs"),
     ("q_api_edge.json", "prometheus-query-range"), ("receiver-0609.ndjson", "alertmanager-webhook"),
     ("tfc-org-runs-p1.json", "deploys"), ("pd-7718.json", "pagerduty-log-entries"), ("slack", "slack-export")])
