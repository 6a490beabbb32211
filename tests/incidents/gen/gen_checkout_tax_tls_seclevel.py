"""retired7/checkout-tax-tls-seclevel: checkout-api 7.41.0 is the first build on a Debian 12 base image
(OpenSSL 3, SECLEVEL=2); the legacy tax provider still negotiates a 1024-bit DH key, so every tax quote
from a new pod fails the TLS handshake and checkout answers 503 until Argo CD rolls back to 7.40.2."""
import random
from common import *

rng = random.Random(20260224)
inc = Incident("retired7", "checkout-tax-tls-seclevel")
D = "2026-02-24 "
W0, W1 = T(D + "09:30:00"), T(D + "12:00:00")
CRON = [T("2026-02-%02d 10:00:%02d" % (d, 31 + d % 5)) for d in (21, 22, 23, 24)]
OTHER_MORNING = T(D + "09:41:12")
SYNC = T(D + "10:12:50")
NEW_READY = [T(D + x) for x in ("10:13:35", "10:14:09", "10:14:48", "10:15:24", "10:15:57", "10:16:20")]
STARTED = T(D + "10:13:41")
SYNCED = T(D + "10:16:24")
ALERT = T(D + "10:18:41")
PAGE = T(D + "10:19:12")
ACK = T(D + "10:22:35")
ROLLBACK_Q = T(D + "10:24:10")
HUNCH_VENDOR = T(D + "10:25:48")
HUNCH_PROXY = T(D + "10:26:31")
OTHER_DEPLOY = T(D + "10:27:40")
STATUS = T(D + "10:28:05")
DIAG = T(D + "10:31:20")
ROLLBACK = T(D + "10:34:48")
OLD_BACK = [T(D + x) for x in ("10:35:32", "10:36:05", "10:36:41", "10:37:09", "10:37:36", "10:37:58")]
MITIGATED = OLD_BACK[-1]
ROLLED_BACK = T(D + "10:38:02")
ALERT_OK = T(D + "10:42:41")
STATUS_OK = T(D + "10:51:10")
RESOLVED = T(D + "11:05:30")

OLD_RS, NEW_RS = "7c9d5b8f6", "5f8b7d4c9"
OLD_PODS = ["checkout-api-%s-%s" % (OLD_RS, s) for s in ("2xkqp", "8fjzt", "c4n7w", "hh2ls", "m9r5d", "v6bxq")]
NEW_PODS = ["checkout-api-%s-%s" % (NEW_RS, s) for s in ("4tq8n", "9wkz2", "bx7rd", "fp3mc", "k2vjh", "zr6gs")]
ROLL_PODS = ["checkout-api-%s-%s" % (OLD_RS, s) for s in ("5lzn8", "d8q2x", "g7wkc", "p3hvt", "t9mfr", "x4jcb")]


def pods_at(t):
    """(pod, version) serving at t."""
    out = []
    for i in range(6):
        if t < NEW_READY[i]:
            out.append((OLD_PODS[i], "7.40.2"))
        elif t < OLD_BACK[i]:
            out.append((NEW_PODS[i], "7.41.0"))
        else:
            out.append((ROLL_PODS[i], "7.40.2"))
    return out


def bad(version):
    return version == "7.41.0"


# ---- checkout-api structlog JSON lines (UTC, ms)
TB = ("Traceback (most recent call last):\n"
      "  File \"/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py\", line 464, in _make_request\n"
      "    self._validate_conn(conn)\n"
      "  File \"/usr/local/lib/python3.12/site-packages/urllib3/connection.py\", line 741, in connect\n"
      "    sock_and_verified = _ssl_wrap_socket_and_match_hostname(\n"
      "  File \"/usr/local/lib/python3.12/ssl.py\", line 1319, in do_handshake\n"
      "    self._sslobj.do_handshake()\n"
      "ssl.SSLError: [SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1000)\n\n"
      "During handling of the above exception, another exception occurred:\n\n"
      "Traceback (most recent call last):\n"
      "  File \"/app/checkout/tax/client.py\", line 88, in quote\n"
      "    resp = self._session.post(self._url + \"/v2/quote\", json=payload, timeout=(2.0, 4.0))\n"
      "  File \"/usr/local/lib/python3.12/site-packages/requests/adapters.py\", line 698, in send\n"
      "    raise SSLError(e, request=request)\n"
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.taxbridge-legacy.example', port=443): Max retries "
      "exceeded with url: /v2/quote (Caused by SSLError(SSLError(1, '[SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1000)')))")
app = []


def J(t, pod, version, level, logger, event, **kw):
    d = {"timestamp": iso(t, ms=True), "level": level, "logger": logger, "event": event, "pod": pod,
         "version": version}
    d.update(kw)
    app.append((t, jline(d)))


for t in poisson_times(rng, W0, W1, 0.13):
    pod, ver = rng.choice(pods_at(t))
    rid = hexid(rng, 16)
    r = rng.random()
    if r < 0.55:
        path = rng.choice(["/v1/checkout/quote", "/v1/checkout/quote", "/v1/checkout/confirm"])
        if bad(ver):
            J(t, pod, ver, "error", "checkout.tax.client", "tax quote failed", request_id=rid,
              provider="taxbridge-legacy", country=rng.choice(["US", "US", "US", "CA"]), exception=TB)
            J(add(t, seconds=0.004), pod, ver, "info", "checkout.http", "request finished", request_id=rid,
              method="POST", path=path, status=503, duration_ms=rng.randint(9, 40), error_code="TAX_UNAVAILABLE")
        else:
            J(t, pod, ver, "info", "checkout.http", "request finished", request_id=rid, method="POST", path=path,
              status=200 if path.endswith("quote") else 201, duration_ms=rng.randint(140, 620))
    else:
        path = rng.choice(["/v1/cart", "/v1/cart/items", "/v1/shipping/options", "/healthz/ready"])
        J(t, pod, ver, "info", "checkout.http", "request finished", request_id=rid,
          method="GET" if "items" not in path else "POST", path=path, status=200, duration_ms=rng.randint(4, 90))
# guarantee the edges of the bad period are visible
J(STARTED, NEW_PODS[0], "7.41.0", "error", "checkout.tax.client", "tax quote failed", request_id=hexid(rng, 16),
  provider="taxbridge-legacy", country="US", exception=TB)
J(add(MITIGATED, seconds=-4), NEW_PODS[5], "7.41.0", "error", "checkout.tax.client", "tax quote failed",
  request_id=hexid(rng, 16), provider="taxbridge-legacy", country="US", exception=TB)
# steady benign noise: address validation timeouts, card-vault retries
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    pod, ver = rng.choice(pods_at(t))
    J(t, pod, ver, "warning", "checkout.address", "address validation timed out, continuing unvalidated",
      provider="addrcheck", timeout_ms=800)
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    pod, ver = rng.choice(pods_at(t))
    J(t, pod, ver, "error", "checkout.vault", "card-vault token lookup failed, retrying", attempt=1,
      exception="httpx.ReadTimeout: timed out")
for i, t in enumerate(NEW_READY):
    J(add(t, seconds=-6), NEW_PODS[i], "7.41.0", "info", "checkout.boot", "starting checkout-api",
      release="7.41.0", python="3.12.9", openssl="OpenSSL 3.0.15 3 Sep 2024")
for i, t in enumerate(OLD_BACK):
    J(add(t, seconds=-6), ROLL_PODS[i], "7.40.2", "info", "checkout.boot", "starting checkout-api",
      release="7.40.2", python="3.12.9", openssl="OpenSSL 1.1.1w  11 Sep 2023")
app.sort(key=lambda x: x[0])
inc.lines("checkout-api.jsonl", [l for _, l in app])


# ---- Prometheus query_range: tax quote outcomes by version
def rate(version, outcome):
    def f(t):
        n = sum(1 for _, v in pods_at(t) if v == version)
        if n == 0:
            return None
        per_pod = 0.55 + 0.05 * ((int(epoch(t)) // 60) % 3)
        if outcome == "error":
            return n * per_pod if bad(version) else 0.0
        return 0.0 if bad(version) else n * per_pod
    return f


series = []
for v in ("7.40.2", "7.41.0"):
    for o in ("ok", "error"):
        series.append(({"job": "checkout-api", "namespace": "checkout", "provider": "taxbridge-legacy",
                        "version": v, "outcome": o}, rate(v, o)))
inc.json("q_tax_quotes.json", query_range(series, W0, W1, 30, fmt="%.3f"), indent=None)

# ---- Argo CD notifications webhook log (one JSON body per line)
ar = []


def argo(t, app_, event, rev, target, image, by, op="sync", phase=None):
    ar.append((t, jline({"app": app_, "project": app_.split("-")[0], "event": event, "operation": op,
                         "syncRevision": rev, "targetRevision": target, "images": [image],
                         "initiatedBy": by, "phase": phase or ("Running" if event == "on-sync-running" else "Succeeded"),
                         "health": "Progressing" if event == "on-sync-running" else "Healthy",
                         "at": iso(t), "url": "https://argocd.acme.internal/applications/argocd/" + app_})))


argo(OTHER_MORNING, "cart-api", "on-sync-running", hexid(rng, 40), "v3.18.1", "registry.acme.internal/cart/cart-api:3.18.1", "ci-bot")
argo(add(OTHER_MORNING, seconds=131), "cart-api", "on-deployed", hexid(rng, 40), "v3.18.1", "registry.acme.internal/cart/cart-api:3.18.1", "ci-bot")
REV_NEW, REV_OLD = hexid(rng, 40), hexid(rng, 40)
argo(SYNC, "checkout-api", "on-sync-running", REV_NEW, "v7.41.0", "registry.acme.internal/checkout/checkout-api:7.41.0", "ci-bot")
argo(SYNCED, "checkout-api", "on-deployed", REV_NEW, "v7.41.0", "registry.acme.internal/checkout/checkout-api:7.41.0", "ci-bot")
SREV = hexid(rng, 40)
argo(OTHER_DEPLOY, "search-indexer", "on-sync-running", SREV, "v12.4.0", "registry.acme.internal/search/search-indexer:12.4.0", "lena.kowalski")
argo(add(OTHER_DEPLOY, seconds=133), "search-indexer", "on-deployed", SREV, "v12.4.0", "registry.acme.internal/search/search-indexer:12.4.0", "lena.kowalski")
argo(ROLLBACK, "checkout-api", "on-sync-running", REV_OLD, "v7.40.2", "registry.acme.internal/checkout/checkout-api:7.40.2", "marta.silva", op="rollback")
argo(ROLLED_BACK, "checkout-api", "on-deployed", REV_OLD, "v7.40.2", "registry.acme.internal/checkout/checkout-api:7.40.2", "marta.silva", op="rollback")
ar.sort(key=lambda x: x[0])
inc.lines("argocd-notify.ndjson", [l for _, l in ar])

# ---- checkout repo git log --format='%H %aI %an %s'
gl = []


def commit(t, tz, who, subj):
    gl.append((t, "%s %s %s\t%s" % (hexid(rng, 40), local(t, tz).isoformat(), who, subj)))


commit(T("2026-02-20 15:02:44"), "Europe/Lisbon", "Tiago Rocha", "cart: show tax-inclusive totals for CA")
commit(T("2026-02-23 16:40:12"), "Europe/Berlin", "Jonas Brandt", "build: move base image to python:3.12-slim-bookworm (debian 12)")
commit(T("2026-02-23 16:58:30"), "Europe/Berlin", "Jonas Brandt", "build: drop libssl1.1 pin, no longer needed")
commit(T("2026-02-24 08:47:05"), "Europe/Lisbon", "Marta Silva", "checkout: retry card-vault lookups once on timeout")
commit(T("2026-02-24 09:05:51"), "Europe/Lisbon", "ci-bot", "release: 7.41.0")
gl.sort(reverse=True)
inc.lines("checkout-git-log.txt", [l for _, l in gl])

# ---- Alertmanager webhook receiver log
posts = []


def post(t, body):
    posts.append((t, jline(body)))


lab = {"severity": "page", "team": "checkout", "namespace": "checkout", "service": "checkout-api",
       "provider": "taxbridge-legacy"}
SUM = "tax quote failures for checkout-api above 20% for 5m"
post(add(ALERT, seconds=30), am_webhook("pagerduty-checkout", [am_alert("CheckoutTaxQuoteFailures", lab, SUM, ALERT, desc="failure ratio 58.3%")]))
post(add(ALERT, seconds=30), am_webhook("slack-checkout-alerts", [am_alert("CheckoutTaxQuoteFailures", lab, SUM, ALERT, desc="failure ratio 58.3%")]))
post(add(ALERT_OK, seconds=15), am_webhook("pagerduty-checkout", [am_alert("CheckoutTaxQuoteFailures", lab, SUM, ALERT, ends=ALERT_OK)]))
post(add(ALERT_OK, seconds=15), am_webhook("slack-checkout-alerts", [am_alert("CheckoutTaxQuoteFailures", lab, SUM, ALERT, ends=ALERT_OK)]))
cl = {"severity": "warning", "team": "checkout", "namespace": "checkout", "job_name": "fx-rates-sync-29532600"}
post(add(CRON[-1], seconds=40), am_webhook("slack-checkout-alerts", [am_alert("KubeJobFailed", cl, "Job checkout/fx-rates-sync-29532600 failed to complete", add(CRON[-1], seconds=10))]))
ql = {"severity": "warning", "team": "notifications", "vhost": "notify", "queue": "email.outbound"}
for st, dur in ((T(D + "09:44:00"), 7), (T(D + "10:21:30"), 6), (T(D + "10:58:00"), 9), (T(D + "11:37:30"), 5)):
    a0 = am_alert("RabbitMQQueueBacklog", ql, "email.outbound has more than 20k ready messages", st)
    post(add(st, seconds=30), am_webhook("slack-notify", [a0]))
    a1 = am_alert("RabbitMQQueueBacklog", ql, "email.outbound has more than 20k ready messages", st, ends=add(st, minutes=dur))
    post(add(st, minutes=dur, seconds=20), am_webhook("slack-notify", [a1]))
nl = {"severity": "warning", "team": "platform", "instance": "ip-10-42-17-201.ec2.internal", "node": "ip-10-42-17-201"}
post(T(D + "11:12:30"), am_webhook("slack-platform", [am_alert("NodeFilesystemSpaceFillingUp", nl, "/var/lib/containerd on ip-10-42-17-201 will fill within 24h", T(D + "11:12:00"))]))
posts.sort(key=lambda x: x[0])
inc.lines("am-receiver.log", [l for _, l in posts])

# ---- PagerDuty log entries
pd = PD(48213, "CheckoutTaxQuoteFailures tax quote failures for checkout-api above 20% for 5m", "checkout-api", "PCHK0T1")
marta = PD.user("Marta Silva", "PMARTA7")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMCK01", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/PCHK0T1/integrations/PAMCK01"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Marta Silva by push notification.",
       user=marta, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Marta Silva by phone.",
       user=marta, notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", marta, {"type": "mobile"}, "Acknowledged by Marta Silva.", acknowledgement_timeout=1800)
pd.add(add(DIAG, seconds=95), "annotate_log_entry", marta, {"type": "web_ui", "summary": "7.41.0 base image (OpenSSL 3) can't handshake with taxbridge (dh key too small); rolling back"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marta, {"type": "web_ui"}, "Resolved by Marta Silva.")
oth = PD(48209, "RabbitMQQueueBacklog email.outbound has more than 20k ready messages", "notifications", "PNOTI22")
ayo = PD.user("Ayodele Okafor", "PAYODE3")
oth.add(T(D + "09:44:31"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
oth.add(T(D + "09:47:02"), "acknowledge_log_entry", ayo, {"type": "web_ui"}, "Acknowledged by Ayodele Okafor.")
oth.add(T(D + "09:51:20"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + oth.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-log-entries.json", ex)

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U4MARTA", "marta", "Marta Silva", "Europe/Lisbon"), ("U4JONAS", "jonas.b", "Jonas Brandt", "Europe/Berlin"),
                    ("U4PRIYA", "priya", "Priya Nair", "Europe/London"), ("U4TIAGO", "tiago", "Tiago Rocha", "Europe/Lisbon"),
                    ("U4LENA", "lena.k", "Lena Kowalski", "Europe/Warsaw"), ("U4SUPP", "dee", "Dee Hanlon", "Europe/Dublin")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C4INC", "inc-checkout", "Checkout incidents"), ("C4ALR", "checkout-alerts", "Alertmanager for team checkout"),
                  ("C4DEP", "deploys", "Argo CD notifications"), ("C4STAT", "status", "Statuspage mirror"),
                  ("C4SRCH", "search-team", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("checkout-alerts", add(c, seconds=40), "B4AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job checkout/fx-rates-sync failed to complete (401 from rates provider)\nseverity: warning", color="warning"))
s.bot("checkout-alerts", add(ALERT, seconds=30), "B4AM", "alertmanager",
      attachments=am_slack_attachment("firing", "CheckoutTaxQuoteFailures", "tax quote failures for checkout-api above 20% for 5m\nfailure ratio 58.3%"))
s.bot("checkout-alerts", add(ALERT_OK, seconds=15), "B4AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "CheckoutTaxQuoteFailures", "tax quote failures for checkout-api back under 20%"))
for t, a, v, who in [(OTHER_MORNING, "cart-api", "v3.18.1", "ci-bot"), (SYNC, "checkout-api", "v7.41.0", "ci-bot"),
                     (OTHER_DEPLOY, "search-indexer", "v12.4.0", "lena.kowalski"), (ROLLBACK, "checkout-api", "v7.40.2 (rollback)", "marta.silva")]:
    s.bot("deploys", add(t, seconds=2), "B4ARGO", "argocd", text=":arrows_counterclockwise: %s sync started to %s by %s" % (a, v, who))
ch = "inc-checkout"
s.say(ch, add(ACK, seconds=40), "U4MARTA", "acked. checkout quote/confirm 503ing with TAX_UNAVAILABLE, roughly half of requests")
s.say(ch, ROLLBACK_Q, "U4PRIYA", "should we roll back 7.41.0? it went out at 10:12")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U4MARTA", "maybe, but the 7.41 diff is just the card-vault retry. let me look at the errors first")
s.say(ch, HUNCH_VENDOR, "U4TIAGO", "is taxbridge down again? they had that outage in January")
s.say(ch, add(HUNCH_VENDOR, seconds=30), "U4SUPP", "their status page is all green")
s.say(ch, HUNCH_PROXY, "U4PRIYA", "could be the egress proxy CA bundle rotation platform did yesterday?")
s.say(ch, add(HUNCH_PROXY, seconds=70), "U4MARTA", "no, 7.40.2 pods are still fine through the same proxy. only the new pods fail, all with SSLError dh key too small")
s.say(ch, add(DIAG, seconds=-50), "U4JONAS", "oh no. 7.41.0 is the first image on bookworm")
s.say(ch, DIAG, "U4JONAS", "bookworm has OpenSSL 3 with SECLEVEL=2 by default, and taxbridge's legacy endpoint still offers a 1024-bit DH group, so the handshake gets refused on our side. it's the base image bump, not the code")
s.say(ch, add(DIAG, seconds=80), "U4MARTA", "ok, rolling checkout-api back to 7.40.2 in argo now")
s.say(ch, add(ROLLED_BACK, seconds=50), "U4MARTA", "rollback done, all 6 pods on 7.40.2, tax quotes succeeding again")
s.say(ch, add(ALERT_OK, seconds=90), "U4PRIYA", "alert resolved, 503s gone since ~10:38")
s.say(ch, add(RESOLVED, seconds=-40), "U4MARTA", "resolving. follow-up: pin CipherString for taxbridge only, and ask them to fix their DH params")
s.bot("status", STATUS, "B4SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - Errors at checkout", "title": "Investigating - Errors at checkout",
                    "text": "Some customers see an error when reviewing their order. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", STATUS_OK, "B4SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved - Errors at checkout", "title": "Resolved - Errors at checkout",
                    "text": "Checkout is working normally again.", "mrkdwn_in": ["text"]}])
s.say("search-team", add(OTHER_DEPLOY, seconds=-60), "U4LENA", "shipping search-indexer 12.4.0 now, new synonyms")
s.write(inc, "slack")

inc.truth(
    "checkout-tax-tls-seclevel", "base-image-openssl-seclevel-handshake-failure",
    "checkout-api 7.41.0, the first build on a Debian 12 base image (OpenSSL 3, SECLEVEL=2), refuses the legacy tax provider's\n"
    "1024-bit DH key; every tax quote from a new pod fails the handshake and checkout answers 503 until Argo CD rolls back to 7.40.2.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYNC, "change", "Argo CD sync of checkout-api 7.41.0 (new bookworm base image) starts", "argocd-notify.ndjson", 60),
     (STARTED, "first_symptom", "first tax quote fails with SSLError DH_KEY_TOO_SMALL on a 7.41.0 pod; 503 TAX_UNAVAILABLE", "checkout-api.jsonl", 60),
     (ALERT, "alert_fired", "CheckoutTaxQuoteFailures firing", "am-receiver.log", 60),
     (PAGE, "paged", "PagerDuty #48213 triggered, Marta notified", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Marta acknowledges the page", "pd-log-entries.json", 60),
     (STATUS, "communication", "Statuspage: errors at checkout", "slack", 60),
     (DIAG, "diagnosis", "Jonas: bookworm's OpenSSL 3 SECLEVEL=2 rejects taxbridge's 1024-bit DH; the base image bump", "slack", 60),
     (ROLLBACK, "mitigation", "Argo CD rollback of checkout-api to 7.40.2 started by Marta", "argocd-notify.ndjson", 60),
     (MITIGATED, "recovery", "last 7.41.0 pod replaced; tax quote failures and 503s stop", "checkout-api.jsonl", 60),
     (ALERT_OK, "alert_resolved", "CheckoutTaxQuoteFailures resolved", "am-receiver.log", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "daily fx-rates-sync CronJob fails (401) at ~10:00 every day", "am-receiver.log"),
     (OTHER_MORNING, "cart-api 3.18.1 morning deploy", "argocd-notify.ndjson"),
     (OTHER_DEPLOY, "search team deploys search-indexer 12.4.0", "argocd-notify.ndjson"),
     (ROLLBACK_Q, "'should we roll back 7.41.0?' question, not an action", "slack"),
     (HUNCH_VENDOR, "wrong hunch: taxbridge outage", "slack"),
     (HUNCH_PROXY, "wrong hunch: egress proxy CA bundle rotation", "slack"),
     (T(D + "10:21:30"), "flapping RabbitMQQueueBacklog alert of the notifications team", "am-receiver.log"),
     (T(D + "09:44:31"), "unrelated PagerDuty incident for notifications", "pd-log-entries.json"),
     (T(D + "11:12:00"), "platform NodeFilesystemSpaceFillingUp warning", "am-receiver.log"),
     (T(D + "10:45:00"), "steady address-validation timeouts and card-vault retries all window", "checkout-api.jsonl")],
    [("checkout-api.jsonl", "logs"), ("q_tax_quotes.json", "prometheus-query-range"), ("argocd-notify.ndjson", "deploys"),
     ("checkout-git-log.txt", "git-log"), ("am-receiver.log", "alertmanager-webhook"),
     ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
