"""retired14/fernway-double-charge: checkout-api 6.3.0 moves PSP calls onto a retrying HTTP wrapper that drops the
Idempotency-Key header; every 2 s read timeout becomes a second charge. Customers notice first; rollback, then refunds."""
import random
from common import *

rng = random.Random(20260203)
inc = Incident("retired14", "fernway-double-charge")
D = "2026-02-03 "
W0, W1 = T(D + "09:30:00"), T(D + "14:30:00")
CRON = [T("2026-%s 10:00:%02d" % (d, 11 + i)) for i, d in enumerate(("01-31", "02-01", "02-02", "02-03"))]
DEPLOY_START = T(D + "10:07:12")
DEPLOYED = T(D + "10:09:41")
NEW_LIVE = T(D + "10:08:05")          # first 6.3.0 pod (the one whose log we have) takes traffic
STARTED = T(D + "10:14:09")           # first retry that becomes a second charge
OTHER_DEPLOY = T(D + "10:40:30")
OTHER_DEPLOYED = T(D + "10:42:02")
COMPLAINTS = [T(D + "10:52:40"), T(D + "11:05:12"), T(D + "11:19:47"), T(D + "11:28:03"), T(D + "11:33:30")]
PAGE = T(D + "11:36:20")
ACK = T(D + "11:39:05")
WRONG = T(D + "11:43:10")
ROLLBACK_Q = T(D + "11:46:10")
DIAG = T(D + "11:53:40")
ROLLBACK = T(D + "11:57:50")
MITIGATED = T(D + "11:59:58")
OLD_BACK = T(D + "11:58:40")          # our pod replaced by 6.2.4
COMMS = T(D + "12:12:30")
REFUND0, REFUND1 = T(D + "12:41:00"), T(D + "13:31:40")
RESOLVED = T(D + "13:52:10")

POD_OLD = "checkout-api-6d8c9b7f4-q2xkz"
POD_NEW = "checkout-api-7f5b86cd9-lm4tw"
POD_BACK = "checkout-api-6d8c9b7f4-hv8pn"

def version_at(t):
    return "6.3.0" if NEW_LIVE <= t < OLD_BACK else "6.2.4"

def pod_at(t):
    if t < NEW_LIVE:
        return POD_OLD
    return POD_NEW if t < OLD_BACK else POD_BACK

def order_id():
    return "FW-%d" % rng.randint(40_000_000, 49_999_999)

def chg():
    return "chg_" + hexid(rng, 24)

CUR = ["EUR"] * 8 + ["GBP", "PLN"]

# ---- simulate orders on all three pods; we hold one pod's log and every webhook notification
ck, ph = [], []  # (t, line)
dups = []        # (t_second_charge_notification, order, amount, cur, charge2, charge1)
def ZAP(t, level, logger, caller, msg, **kv):
    d = {"level": level, "ts": round(epoch(t), 6), "logger": logger, "caller": caller, "msg": msg}
    d.update(kv)
    ck.append((t, jline(d)))
def LF(t, pairs):
    ph.append((t, logfmt([("time", iso(t, ms=True)), *pairs])))

for t in poisson_times(rng, W0, W1, 0.6):
    ours = rng.random() < 1 / 3
    new = NEW_LIVE <= t < MITIGATED and (not ours or t < OLD_BACK)
    if not ours and new and t < add(DEPLOY_START, seconds=150):
        new = rng.random() < (t - DEPLOY_START).total_seconds() / 150.0
    o, cur = order_id(), rng.choice(CUR)
    amt = rng.choice([1299, 2499, 3450, 4599, 5990, 7800, 8995, 12900, 15999, 23450])
    c1 = chg()
    lat = rng.lognormvariate(-0.4, 0.45)
    r = rng.random()
    if r < 0.06:  # declines, steady
        if ours:
            ZAP(t, "info", "psp", "psp/charge.go:141", "charge declined", order_id=o, decline_code=rng.choice(["insufficient_funds", "do_not_honor", "expired_card"]),
                amount=amt, currency=cur, latency_ms=int(lat * 1000), version=version_at(t), pod=pod_at(t))
        continue
    timeout = r < 0.085 and not (add(NEW_LIVE, seconds=-90) <= t < add(STARTED, seconds=5))
    if timeout:
        t_psp = add(t, seconds=rng.uniform(2.1, 3.4))
        if ours and new:
            ZAP(add(t, seconds=2.0), "warn", "httpx.retry", "retry/retry.go:131", "retrying request", method="POST",
                url="https://api.paynetic.eu/v2/charges", attempt=1,
                error='Post "https://api.paynetic.eu/v2/charges": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
                backoff="250ms", order_id=o, version="6.3.0", pod=POD_NEW)
        elif ours:
            ZAP(add(t, seconds=2.0), "warn", "psp", "psp/charge.go:118", "psp charge timed out after 2s, order left pending until webhook",
                order_id=o, amount=amt, currency=cur, version=version_at(t), pod=pod_at(t))
        LF(t_psp, [("level", "info"), ("msg", "notification received"), ("psp_event", "charge.succeeded"), ("charge_id", c1), ("order_id", o), ("amount", amt), ("currency", cur)])
        LF(add(t_psp, seconds=0.04), [("level", "info"), ("msg", "order marked paid"), ("order_id", o), ("charge_id", c1)])
        if new:
            c2 = chg()
            t2 = add(t, seconds=2.25 + rng.uniform(0.4, 1.3))
            if ours:
                ZAP(t2, "info", "psp", "psp/charge.go:96", "payment confirmed", order_id=o, charge_id=c2, amount=amt, currency=cur,
                    attempt=2, latency_ms=int((t2 - add(t, seconds=2.25)).total_seconds() * 1000), version="6.3.0", pod=POD_NEW)
            t2n = add(t2, seconds=rng.uniform(0.3, 1.5))
            LF(t2n, [("level", "info"), ("msg", "notification received"), ("psp_event", "charge.succeeded"), ("charge_id", c2), ("order_id", o), ("amount", amt), ("currency", cur)])
            LF(add(t2n, seconds=0.03), [("level", "warn"), ("msg", "order already paid; extra charge recorded as overpayment"), ("order_id", o), ("charge_id", c2),
                                          ("first_charge_id", c1), ("amount", amt), ("currency", cur)])
            dups.append((t2n, o, amt, cur, c2, c1))
        continue
    if ours:
        ZAP(t, "info", "psp", "psp/charge.go:96", "payment confirmed", order_id=o, charge_id=c1, amount=amt, currency=cur, attempt=1,
            latency_ms=int(lat * 1000), version=version_at(t), pod=pod_at(t))
    tn = add(t, seconds=lat + rng.uniform(0.2, 1.2))
    LF(tn, [("level", "info"), ("msg", "notification received"), ("psp_event", "charge.succeeded"), ("charge_id", c1), ("order_id", o), ("amount", amt), ("currency", cur)])
    if rng.random() < 0.01:  # PSP redelivers a webhook now and then: benign, ignored
        LF(add(tn, seconds=rng.uniform(30, 90)), [("level", "info"), ("msg", "duplicate delivery ignored"), ("event_id", "evt_" + hexid(rng, 24)), ("charge_id", c1)])

# the very first double charge is ours, at STARTED (pinned for the truth)
o0, c01, c02 = "FW-44172093", "chg_" + uid("first1", 24), "chg_" + uid("first2", 24)
ZAP(add(STARTED, seconds=-2.0), "warn", "httpx.retry", "retry/retry.go:131", "retrying request", method="POST", url="https://api.paynetic.eu/v2/charges",
    attempt=1, error='Post "https://api.paynetic.eu/v2/charges": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    backoff="250ms", order_id=o0, version="6.3.0", pod=POD_NEW)
ZAP(STARTED, "info", "psp", "psp/charge.go:96", "payment confirmed", order_id=o0, charge_id=c02, amount=6490, currency="EUR", attempt=2, latency_ms=691, version="6.3.0", pod=POD_NEW)
LF(add(STARTED, seconds=0.8), [("level", "info"), ("msg", "notification received"), ("psp_event", "charge.succeeded"), ("charge_id", c01), ("order_id", o0), ("amount", 6490), ("currency", "EUR")])
LF(add(STARTED, seconds=0.84), [("level", "info"), ("msg", "order marked paid"), ("order_id", o0), ("charge_id", c01)])
LF(add(STARTED, seconds=1.6), [("level", "info"), ("msg", "notification received"), ("psp_event", "charge.succeeded"), ("charge_id", c02), ("order_id", o0), ("amount", 6490), ("currency", "EUR")])
LF(add(STARTED, seconds=1.63), [("level", "warn"), ("msg", "order already paid; extra charge recorded as overpayment"), ("order_id", o0), ("charge_id", c02),
                                 ("first_charge_id", c01), ("amount", 6490), ("currency", "EUR")])
dups = [d for d in dups if d[0] > add(STARTED, seconds=2)]
dups.append((add(STARTED, seconds=1.6), o0, 6490, "EUR", c02, c01))
dups.sort()
# version lines / lifecycle
ZAP(NEW_LIVE, "info", "main", "cmd/checkout/main.go:74", "checkout-api starting", version="6.3.0", commit="a41e9d2", psp_client="httpx/v2 (retry: 2 attempts, retry_on: timeout,5xx)", pod=POD_NEW)
ZAP(add(OLD_BACK, seconds=-1), "info", "main", "cmd/checkout/main.go:112", "shutting down: SIGTERM received", version="6.3.0", pod=POD_NEW)
ZAP(OLD_BACK, "info", "main", "cmd/checkout/main.go:74", "checkout-api starting", version="6.2.4", commit="5c07b1e", psp_client="net/http (no retry)", pod=POD_BACK)
ZAP(add(NEW_LIVE, seconds=-3), "info", "main", "cmd/checkout/main.go:112", "shutting down: SIGTERM received", version="6.2.4", pod=POD_OLD)
for t in poisson_times(rng, W0, W1, 1 / 150.0):  # steady benign: address lookups
    ZAP(t, "warn", "addr", "address/lookup.go:57", "address autocomplete upstream slow, falling back to free text", upstream="loqate", latency_ms=rng.randint(1500, 3000),
        version=version_at(t), pod=pod_at(t))
# refunds of the duplicates
for i, d in enumerate(dups):
    t = add(REFUND0, seconds=(REFUND1 - REFUND0).total_seconds() * i / max(1, len(dups) - 1))
    LF(t, [("level", "info"), ("msg", "notification received"), ("psp_event", "charge.refunded"), ("charge_id", d[4]), ("order_id", d[1]),
           ("amount", d[2]), ("currency", d[3]), ("refund_reason", "duplicate")])
    LF(add(t, seconds=0.02), [("level", "info"), ("msg", "overpayment cleared"), ("order_id", d[1]), ("charge_id", d[4])])
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    LF(t, [("level", "warn"), ("msg", "signature check failed, rejecting"), ("remote", "185.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))),
           ("reason", "timestamp outside tolerance")])
ck.sort(key=lambda x: x[0])
ph.sort(key=lambda x: x[0])
inc.lines("pods/%s_%s.jsonl.gz" % ("checkout", "prod-eu1"), [l for _, l in ck])
inc.lines("payhooks.log.gz", [l for _, l in ph])
print("double charges:", len(dups))

# ---- Argo CD: kubectl get applications -n argocd -o json (status.history per app)
def app(name, team, hist):
    return {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
            "metadata": {"name": name, "namespace": "argocd", "labels": {"team": team}, "uid": uuid("app" + name)},
            "spec": {"project": team, "destination": {"server": "https://kubernetes.default.svc", "namespace": name.split("-")[0]},
                     "source": {"repoURL": "https://git.fernway.io/platform/deploy.git", "path": "apps/%s/prod-eu1" % name, "targetRevision": "HEAD"}},
            "status": {"history": [{"id": i + 1, "deployStartedAt": iso(s), "deployedAt": iso(e), "revision": rev,
                                    "source": {"repoURL": "https://git.fernway.io/platform/deploy.git", "path": "apps/%s/prod-eu1" % name, "targetRevision": "HEAD"},
                                    **({"initiatedBy": {"username": who}} if who else {"initiatedBy": {"automated": True}})}
                                   for i, (s, e, rev, who) in enumerate(hist)],
                       "sync": {"status": "Synced", "revision": hist[-1][2]}, "health": {"status": "Healthy"}}}
apps = {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": [
    app("checkout-api", "payments", [
        (T("2026-01-27 09:12:03"), T("2026-01-27 09:14:40"), "9b1d0c44f0e2a7d5c1be3a0f6d2e9c8b7a615243", None),
        (T("2026-01-29 13:40:19"), T("2026-01-29 13:42:51"), "5c07b1e2d9a84f3e6b1c0d7a2e5f8b9c3d4a6e10", None),
        (DEPLOY_START, DEPLOYED, "a41e9d2c7b3f0e5d8a6c1b4e9f2d7a0c3b8e5f61", None),
        (ROLLBACK, MITIGATED, "5c07b1e2d9a84f3e6b1c0d7a2e5f8b9c3d4a6e10", "diego.navarro")]),
    app("search-api", "discovery", [
        (T("2026-02-02 15:03:44"), T("2026-02-02 15:05:10"), "77aa0e3b1c9d2f4e6a8b0c1d3e5f7a9b2c4d6e8f", None),
        (OTHER_DEPLOY, OTHER_DEPLOYED, "0e4f1a9b3c5d7e2f8a6b4c0d1e3f5a7b9c2d4e6f", None)]),
    app("notifications", "growth", [
        (T("2026-02-03 13:05:27"), T("2026-02-03 13:06:58"), "c3d5e7f9a1b2c4d6e8f0a2b4c6d8e0f1a3b5c7d9", None)]),
]}
inc.json("argocd-apps.json", apps)

# ---- Prometheus query_range (one file, several series)
def overpaid(t):
    return float(sum(1 for d in dups if add(t, minutes=-5) < d[0] <= t))
def p99(t):
    return 1.55 + 0.25 * ((int(epoch(t)) // 120) % 3) / 2 + rng.uniform(-0.05, 0.05)
def retries(t):
    return 0.0 if not (NEW_LIVE <= t < MITIGATED) else round(0.6 * 0.025 * (1 if t > DEPLOYED else 0.5) + rng.uniform(-0.003, 0.003), 4)
inc.json("q_payments.json", query_range([
    ({"__name__": "psp:charge_duration_seconds:p99", "job": "checkout-api", "psp": "paynetic"}, p99),
    ({"__name__": "payments:overpaid_orders:increase5m", "job": "payhooks"}, overpaid),
    ({"__name__": "checkout:http_client_retries:rate1m", "job": "checkout-api", "host": "api.paynetic.eu"}, lambda t: retries(t) if NEW_LIVE <= t < MITIGATED else None),
    ({"__name__": "checkout:orders_paid:rate1m", "job": "checkout-api"}, lambda t: round(0.55 + 0.06 * ((int(epoch(t)) // 300) % 3) + rng.uniform(-0.03, 0.03), 3)),
], W0, W1, 60), indent=None)

# ---- Alertmanager webhook archive (only other teams' alerts + the daily job)
hk = []
def H(t, receiver, alerts):
    hk.append((t, jline(am_webhook(receiver, alerts))))
for c in CRON:
    lab = {"severity": "ticket", "team": "loyalty", "namespace": "loyalty", "job_name": "points-expiry-%s" % c.strftime("%Y%m%d")}
    H(add(c, seconds=45), "jira-loyalty", [am_alert("KubeJobFailed", lab, "Job loyalty/points-expiry failed to complete", add(c, seconds=30),
                                                    desc="points-expiry exited 1: partner API returned 401")])
kl = {"severity": "warning", "team": "growth", "consumergroup": "notifications-email", "topic": "order-events"}
for s_, e_ in [("09:41:30", "09:49:30"), ("10:26:00", "10:31:30"), ("11:12:30", "11:18:00"), ("12:47:00", "12:55:30"), ("13:38:00", None)]:
    st = T(D + s_)
    H(add(st, seconds=20), "slack-growth", [am_alert("KafkaConsumerLagHigh", kl, "notifications-email lag > 5000 on order-events", st)])
    if e_:
        H(add(T(D + e_), seconds=20), "slack-growth", [am_alert("KafkaConsumerLagHigh", kl, "notifications-email lag > 5000 on order-events", st, ends=T(D + e_))])
nl = {"severity": "warning", "team": "platform", "node": "ip-10-40-3-117.eu-west-1.compute.internal"}
H(T(D + "12:21:10"), "slack-platform", [am_alert("NodeFilesystemAlmostFull", nl, "/var/lib/containerd 88% used", T(D + "12:20:40"))])
H(T(D + "13:16:40"), "slack-platform", [am_alert("NodeFilesystemAlmostFull", nl, "/var/lib/containerd 88% used", T(D + "12:20:40"), ends=T(D + "13:16:10"))])
sl = {"severity": "warning", "team": "discovery", "service": "search-api"}
H(T(D + "10:46:00"), "slack-discovery", [am_alert("SearchApiLatencyP95High", sl, "search-api p95 > 600ms", T(D + "10:45:30"))])
H(T(D + "10:58:30"), "slack-discovery", [am_alert("SearchApiLatencyP95High", sl, "search-api p95 > 600ms", T(D + "10:45:30"), ends=T(D + "10:58:00"))])
hk.sort(key=lambda x: x[0])
inc.lines("am-archive.ndjson", [l for _, l in hk])

# ---- PagerDuty log entries (manual trigger by support)
pd = PD(7716, "Customers report being charged twice for one order", "checkout-api", "PCHK0FW")
lucia = PD.user("Lucía Romero", "PLUCIA7")
diego = PD.user("Diego Navarro", "PDIEGO2")
pd.add(PAGE, "trigger_log_entry", lucia, {"type": "web_trigger", "summary": "Customers report being charged twice for one order",
                                          "details": "5 tickets since 11:52 CET, bank statements show two identical Paynetic charges per order"},
       "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Diego Navarro by push notification.", user=diego,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", diego, {"type": "mobile"}, "Acknowledged by Diego Navarro.", acknowledgement_timeout=1800)
pd.add(T(D + "12:03:30"), "annotate_log_entry", diego, {"type": "web_ui", "summary": "rolled back to 6.2.4, no new double charges; refunds to follow"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", diego, {"type": "web_ui"}, "Resolved by Diego Navarro.")
oth = PD(7714, "KubeJobFailed loyalty/points-expiry", "loyalty-batch", "PLOY001")
marc = PD.user("Marc Puig", "PMARC11")
oth.add(add(CRON[-1], seconds=46), "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
oth.add(add(CRON[-1], seconds=47), "notify_log_entry", None, None, "Notified Marc Puig by email.", user=marc)
oth.add(T(D + "10:31:02"), "acknowledge_log_entry", marc, {"type": "web_ui"}, "Acknowledged by Marc Puig.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + oth.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-log-entries.json", ex)

# ---- Slack export
s = Slack()
for u, n, r in [("U1DIEGO", "diego", "Diego Navarro"), ("U1ANA", "ana.soler", "Ana Soler"), ("U1LUCIA", "lucia.r", "Lucía Romero"),
                ("U1PAU", "pau", "Pau Ferrer"), ("U1IRENE", "irene", "Irene Gil"), ("U1SAM", "sam.k", "Sam Kowalski"),
                ("U1TOM", "tomasz", "Tomasz Nowak")]:
    s.user(u, n, r, "Europe/Madrid")
for cid, n, p in [("C1SUP", "support-escalations", "Tier 2 escalations"), ("C1INC", "inc-double-charges", "Incident 2026-02-03"),
                  ("C1DEP", "deploys", "Argo CD notifications"), ("C1PAY", "payments", "Payments team")]:
    s.channel(cid, n, p)
for a in apps["items"]:
    for h in a["status"]["history"]:
        import datetime as _d
        t = _d.datetime.fromisoformat(h["deployedAt"].replace("Z", "+00:00"))
        if W0 <= t <= W1:
            s.bot("deploys", add(t, seconds=3), "B1ARGO", "argocd", blocks=pd_slack_blocks(
                ":white_check_mark: Application *%s* sync succeeded to `%s`" % (a["metadata"]["name"], h["revision"][:7])))
sup = "support-escalations"
s.say(sup, COMPLAINTS[0], "U1IRENE", "customer on chat says she was charged twice for FW-44172093 (64,90 €), two lines on her bank app. order shows paid once. anyone seen this?")
s.say(sup, add(COMPLAINTS[0], seconds=95), "U1LUCIA", "probably a pending authorisation that will drop off, ask her to wait 3-5 days")
s.say(sup, COMPLAINTS[1], "U1IRENE", "second one, FW-4%d, same thing, both charges show as completed not pending" % rng.randint(1000000, 9999999))
s.say(sup, COMPLAINTS[2], "U1TOM", "got one too by email, screenshot attached, two Paynetic charges 3 seconds apart")
s.say(sup, COMPLAINTS[3], "U1IRENE", "2 more on chat. that's 5 today, we normally get one a month")
s.say(sup, COMPLAINTS[4], "U1LUCIA", "ok paging payments")
ic = "inc-double-charges"
s.say(ic, add(ACK, seconds=50), "U1DIEGO", "acked. looking at payhooks: 'order already paid; extra charge recorded as overpayment' lines since ~10:14 UTC, a few per minute")
s.say(ic, WRONG, "U1PAU", "Paynetic had that double-processing bug in November, I bet it's theirs again. want me to open a ticket with them?")
s.say(ic, ROLLBACK_Q, "U1SAM", "should we roll back?")
s.say(ic, add(ROLLBACK_Q, seconds=40), "U1DIEGO", "roll back what though, search-api went out at 10:40 and checkout at 10:07. checking which one lines up")
s.say(ic, T(D + "11:49:20"), "U1ANA", "search can't create charges. the overpayment lines start 6 minutes after checkout 6.3.0")
s.say(ic, DIAG, "U1ANA", "found it: 6.3.0 moved the PSP calls onto the httpx retry wrapper. it retries POST /v2/charges on the 2s client timeout and the Idempotency-Key header was set on the old client only, so every retry is a brand new charge. each overpaid order has a 'retrying request' in checkout logs")
s.say(ic, add(DIAG, seconds=75), "U1DIEGO", "rolling back checkout-api to 6.2.4 in argo")
s.say(ic, add(MITIGATED, seconds=40), "U1DIEGO", "6.2.4 everywhere, no overpayment lines since 11:59")
s.say(ic, T(D + "12:06:00"), "U1ANA", "count so far: %d orders charged twice. I'll prepare a refund run for the second charge of each" % len(dups))
s.say(ic, T(D + "12:38:20"), "U1ANA", "refund run reviewed by Pau, starting it now (refund_reason=duplicate)")
s.say(ic, add(REFUND1, seconds=60), "U1ANA", "all %d duplicate charges refunded, overpayment list is empty" % len(dups))
s.say(ic, add(RESOLVED, seconds=-40), "U1DIEGO", "resolving. follow-up: idempotency key in the wrapper + test, and a finance alert on overpayments")
s.bot(ic, COMMS, "B1SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Identified - Some card payments charged twice",
      "title": "Identified - Some card payments charged twice",
      "text": "Between 11:14 and 13:00 CET some card orders were charged twice. The cause is fixed; the extra charges will be refunded automatically.",
      "mrkdwn_in": ["text"]}])
s.say("payments", T(D + "10:10:30"), "U1ANA", "checkout 6.3.0 is out (new http client for PSP + address autocomplete tweaks)")
s.say("payments", T(D + "10:31:40"), "U1PAU", "loyalty points-expiry failed again, not ours, Marc is on it")
s.write(inc, "slack")

inc.truth(
    "fernway-double-charge", "psp-retry-without-idempotency-key-double-charge",
    "checkout-api 6.3.0 moved PSP calls onto a retrying HTTP wrapper that drops the Idempotency-Key header; every 2 s read timeout\n"
    "became a second charge. Nothing errored; support paged after customer complaints, rollback to 6.2.4 stopped it, refunds followed.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DEPLOYED, "change", "checkout-api 6.3.0 synced by Argo CD (new PSP http client with retries)", "argocd-apps.json", 180),
     (STARTED, "first_symptom", "first retried charge; payhooks records the first overpayment (FW-44172093)", "payhooks.log.gz", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #7716 by hand after customer complaints", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Diego acknowledges", "pd-log-entries.json", 60),
     (DIAG, "diagnosis", "Ana: retry wrapper without Idempotency-Key makes each retry a new charge", "slack", 90),
     (ROLLBACK, "mitigation", "Argo CD rollback of checkout-api to 6.2.4", "argocd-apps.json", 90),
     (MITIGATED, "recovery", "6.2.4 everywhere; no more overpayments", "payhooks.log.gz", 120),
     (COMMS, "communication", "Statuspage: some card payments charged twice", "slack", 90),
     (RESOLVED, "resolved", "PagerDuty #7716 resolved after duplicate charges refunded", "pd-log-entries.json", 60)],
    [(CRON[-1], "loyalty points-expiry Job fails every day ~10:00 UTC (KubeJobFailed, own PD incident)", "am-archive.ndjson"),
     (OTHER_DEPLOY, "search-api sync by the discovery team", "argocd-apps.json"),
     (T(D + "10:45:30"), "SearchApiLatencyP95High for the discovery team", "am-archive.ndjson"),
     (T(D + "11:12:30"), "KafkaConsumerLagHigh (growth) flapping all window", "am-archive.ndjson"),
     (T(D + "12:20:40"), "NodeFilesystemAlmostFull on a platform node", "am-archive.ndjson"),
     (T(D + "13:05:27"), "notifications sync by the growth team", "argocd-apps.json"),
     (WRONG, "wrong hunch: Paynetic double-processing bug", "slack"),
     (ROLLBACK_Q, "'should we roll back?' question", "slack"),
     (T(D + "11:00:00"), "steady PSP timeouts (2s) under 6.2.4, address-autocomplete fallbacks, webhook redeliveries and bad signatures all window", "payhooks.log.gz")],
    [("pods/checkout_prod-eu1.jsonl.gz", "logs"), ("payhooks.log.gz", "logs"), ("argocd-apps.json", "deploys"),
     ("q_payments.json", "prometheus-query-range"), ("am-archive.ndjson", "alertmanager-webhook"),
     ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
