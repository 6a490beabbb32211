"""retired14/nordhem-fx-sek-decimal: the FX vendor's feed shifts the EUR/SEK decimal (1.1463 for 11.463); fx-sync only warns
and publishes it, so the Swedish store sells at a tenth of the price. A warning is dismissed, the page is acknowledged late,
a rate pin fixes the catalogue but not checkout's in-process cache until a restart."""
import random
from common import *

rng = random.Random(20260601)
inc = Incident("retired14", "nordhem-fx-sek-decimal")
STZ = "Europe/Stockholm"
D = "2026-06-01 "
W0, W1 = T(D + "06:30:00"), T(D + "11:00:00")
BACK = T("2026-05-29 06:00:00")
STARTED = T(D + "07:00:05")       # fx-sync publishes EURSEK 1.14632 (sanity: warn only)
PRICES_WRONG = T(D + "07:01:35")  # catalogue cache picks it up
CK_CACHE = T(D + "07:07:12")      # checkout-api hourly FxRateCache refresh
WARN_ALERT = T(D + "07:05:30")
DISMISS = T(D + "07:09:40")
FORUM = T(D + "07:38:00")
PAGE_ALERT = T(D + "07:48:00")
PAGE = T(D + "07:48:02")
ESCALATE = T(D + "08:03:02")
ACK = T(D + "08:14:40")
OTHER_DEPLOY = T(D + "07:52:20")
ROLLBACK_Q = T(D + "08:18:05")
WRONG2 = T(D + "08:20:30")
DIAG = T(D + "08:23:50")
PIN_COMMIT = T(D + "08:30:40")
PIN_APPLIED = T(D + "08:31:15")
STILL = T(D + "08:41:10")
RESTART = T(D + "08:52:10")
MITIGATED = T(D + "08:54:40")
COMMS = T(D + "09:12:00")
VENDOR_FIX = T(D + "09:38:00")
UNPIN_COMMIT = T(D + "10:18:30")
UNPIN_APPLIED = T(D + "10:19:05")
RESOLVED = T(D + "10:31:20")
CRON_DAYS = ["2026-05-29", "2026-05-30", "2026-05-31", "2026-06-01"]

BAD = "%.5f" % (11.4617 * (1 + 0.0009 * ((int(epoch(T(D + "07:00:05")) // 3600) * 7 + 18) % 9 - 4) / 4) / 10)
BASE = {"EURSEK": 11.4617, "EURNOK": 11.6842, "EURDKK": 7.4598, "EURGBP": 0.8431, "EURUSD": 1.1372, "EURPLN": 4.2715}
def true_rate(pair, t):
    k = int(epoch(t) // 3600)
    return BASE[pair] * (1 + 0.0009 * ((k * 7 + len(pair) * 3) % 9 - 4) / 4)
def feed_rate(pair, t):
    r = true_rate(pair, t)
    if pair == "EURSEK" and T(D + "06:58:00") <= t < T(D + "09:30:00"):
        return r / 10
    return r
def published(pair, t):
    """what the config service serves (pin wins)."""
    if pair == "EURSEK" and PIN_APPLIED <= t < UNPIN_APPLIED:
        return 11.4617
    hour = t.replace(minute=0, second=5, microsecond=0)
    if hour > t:
        hour = add(hour, hours=-1)
    return feed_rate(pair, hour)
def checkout_rate(pair, t):
    """checkout-api's in-process cache: refreshed at :07:12 each hour, and on start."""
    ref = t.replace(minute=7, second=12, microsecond=0)
    if ref > t:
        ref = add(ref, hours=-1)
    if MITIGATED <= t:
        ref = max(ref, MITIGATED)
    return published(pair, ref)

# ---- fx-sync: Python logging, Europe/Stockholm local time, no offset, three days back
fx = []
FIRST = []
def PY(t, level, logger, msg):
    lt = local(t, STZ)
    fx.append((t, "%s,%03d %-7s %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, level, logger, "fx-sync", msg)))
t = BACK
while t <= W1:
    run = add(t, seconds=2 + rng.random())
    PY(run, "INFO", "fxsync.run", "run started trigger=cron schedule='0 * * * *'")
    PY(add(run, seconds=1.4), "INFO", "fxsync.client", "GET https://api.ratebridge.io/v3/latest?base=EUR&symbols=SEK,NOK,DKK,GBP,USD,PLN 200 (%d ms)" % rng.randint(180, 420))
    prev_t = add(t, hours=-1)
    for pair in BASE:
        now, prev = feed_rate(pair, add(t, seconds=5)), feed_rate(pair, add(prev_t, seconds=5))
        ch = (now / prev - 1) * 100
        if pair == "EURSEK" and PIN_APPLIED <= add(t, seconds=5) < UNPIN_APPLIED:
            PY(add(run, seconds=1.5), "INFO", "fxsync.publish", "%s %.5f from feed ignored: pinned at 11.46170 by pricing-config" % (pair, now))
            continue
        if abs(ch) > 5:
            if pair == "EURSEK" and t == T(D + "07:00:00"):
                FIRST.append(add(run, seconds=1.5))
            PY(add(run, seconds=1.5), "WARNING", "fxsync.sanity", "%s moved %+.1f%% vs previous %.5f (threshold 5.0%%); accepted because sanity.mode=warn" % (pair, ch, prev))
        PY(add(run, seconds=1.6), "INFO", "fxsync.publish", "%s %.5f (%+.2f%%)" % (pair, now, ch))
    PY(add(run, seconds=2.1), "INFO", "fxsync.publish", "snapshot %s published to config-service (6 pairs, as_of=%s)" % (uid(str(t), 10), iso(t)))
    t = add(t, hours=1)
for d in CRON_DAYS:  # daily ECB cross-check, broken for weeks
    c = T(d + " 07:30:%02d" % (3 + CRON_DAYS.index(d)))
    PY(c, "INFO", "fxsync.crosscheck", "ECB reference cross-check started")
    PY(add(c, seconds=0.6), "ERROR", "fxsync.crosscheck", "ECB reference cross-check failed: GET https://sdw-wsrest.ecb.europa.eu/service/data/EXR/D..EUR.SP00.A 403 Forbidden")
    PY(add(c, seconds=0.61), "ERROR", "fxsync.crosscheck", "Traceback (most recent call last):\n  File \"/app/fxsync/crosscheck.py\", line 41, in run\n    resp.raise_for_status()\nrequests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://sdw-wsrest.ecb.europa.eu/service/data/EXR/D..EUR.SP00.A")
PY(add(PIN_APPLIED, seconds=0.3), "INFO", "fxsync.publish", "pin EURSEK=11.46170 received from pricing-config rev 5d1c0e7; snapshot republished")
PY(add(UNPIN_APPLIED, seconds=0.3), "INFO", "fxsync.publish", "pin EURSEK removed by pricing-config rev 9a2f447; snapshot republished with feed rate %.5f" % feed_rate("EURSEK", T(D + "10:00:05")))
fx.sort(key=lambda x: x[0])
STARTED = FIRST[0].replace(microsecond=0)
inc.lines("fx-sync/fx-sync.log", [l for _, l in fx])

# ---- checkout-api: logstash-logback-encoder JSON lines (UTC with offset)
ck = []
def LJ(t, level, logger, thread, msg, **kv):
    d = {"@timestamp": t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), "@version": "1",
         "message": msg, "logger_name": logger, "thread_name": thread, "level": level, "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000}[level],
         "app": "checkout-api", "pod": kv.pop("pod", "checkout-api-5f7d9c8b6d-" + rng.choice(["x2kqp", "7bn4m", "tw9zr"]))}
    d.update(kv)
    ck.append((t, jline(d)))
MKT = {"SE": ("SEK", "EURSEK"), "NO": ("NOK", "EURNOK"), "DK": ("DKK", "EURDKK"), "FI": ("EUR", None)}
def se_rate(t):
    if t < FORUM:
        return 0.035
    if t < MITIGATED:
        return min(0.45, 0.035 + (t - FORUM).total_seconds() / 3000.0)
    return 0.05
se_orders = []
for mk, base_rate in (("SE", None), ("NO", 0.03), ("DK", 0.025), ("FI", 0.02)):
    pts = []
    if mk == "SE":
        cand = poisson_times(rng, W0, W1, 0.45)
        pts = [t for t in cand if rng.random() < se_rate(t) / 0.45]
    else:
        pts = poisson_times(rng, W0, W1, base_rate)
    cur, pair = MKT[mk]
    for t in pts:
        eur = rng.choice([29.99, 49.0, 89.0, 149.0, 249.0, 399.0, 649.0, 899.0, 1299.0]) * (rng.randint(1, 3) if mk == "SE" and STARTED < t < MITIGATED and rng.random() < 0.4 else 1)
        rate = checkout_rate(pair, t) if pair else 1.0
        total = round(eur * rate, 2)
        LJ(t, "INFO", "se.nordhem.checkout.OrderService", "http-nio-8080-exec-%d" % rng.randint(1, 80),
           "order placed orderId=NH%d market=%s currency=%s total=%.2f fxRate=%.5f totalEur=%.2f" % (rng.randint(10**7, 10**8), mk, cur, total, rate, eur),
           market=mk, currency=cur)
        if mk == "SE":
            se_orders.append((t, total / (eur * true_rate("EURSEK", t))))
for h in range(7, 11):
    for pod in ("checkout-api-5f7d9c8b6d-x2kqp", "checkout-api-5f7d9c8b6d-7bn4m", "checkout-api-5f7d9c8b6d-tw9zr"):
        t = add(T(D + "%02d:07:12" % h), seconds=rng.uniform(0, 0.8))
        if t >= RESTART:
            continue
        LJ(t, "INFO", "se.nordhem.checkout.fx.FxRateCache", "fx-refresh-1", "FxRateCache refreshed: 6 pairs from config-service, EURSEK=%.5f EURNOK=%.5f EURDKK=%.5f" % (
            published("EURSEK", t), published("EURNOK", t), published("EURDKK", t)), pod=pod)
new_pods = ["checkout-api-66b4f7d5c9-pk2vd", "checkout-api-66b4f7d5c9-r8wqs", "checkout-api-66b4f7d5c9-zm6lt"]
for i, pod in enumerate(new_pods):
    t = add(RESTART, seconds=38 + i * 48)
    LJ(t, "INFO", "org.springframework.boot.StartupInfoLogger", "main", "Started CheckoutApplication in 21.4 seconds (process running for 23.02)", pod=pod)
    LJ(add(t, seconds=0.2), "INFO", "se.nordhem.checkout.fx.FxRateCache", "main", "FxRateCache loaded: 6 pairs from config-service, EURSEK=11.46170 (pinned) EURNOK=%.5f EURDKK=%.5f" % (
        published("EURNOK", t), published("EURDKK", t)), pod=pod)
for t in [add(T(D + "%02d:07:12" % h), seconds=0.4) for h in (9, 10)]:
    for pod in new_pods:
        t = add(t, seconds=rng.uniform(0.01, 0.3))
        LJ(t, "INFO", "se.nordhem.checkout.fx.FxRateCache", "fx-refresh-1", "FxRateCache refreshed: 6 pairs from config-service, EURSEK=%.5f EURNOK=%.5f EURDKK=%.5f" % (
            published("EURSEK", t), published("EURNOK", t), published("EURDKK", t)), pod=pod)
for t in poisson_times(rng, W0, W1, 1 / 110.0):
    LJ(t, "WARN", "se.nordhem.checkout.shipping.PostnordEtaClient", "http-nio-8080-exec-%d" % rng.randint(1, 80),
       "PostNord delivery-estimate timed out after 1500 ms, using static ETA")
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    LJ(t, "ERROR", "se.nordhem.checkout.payment.KlarnaSessionClient", "http-nio-8080-exec-%d" % rng.randint(1, 80),
       "Klarna session create failed: 503 Service Unavailable (retry 1/2 succeeded)")
ck.sort(key=lambda x: x[0])
inc.lines("checkout-api.ndjson.gz", [l for _, l in ck])

# ---- OpenMetrics (scraped every 60 s)
fam_rate, fam_orders, fam_val = [], [], []
pts_r = {p: [] for p in ("EURSEK", "EURNOK", "EURDKK")}
cnt = {m: 0 for m in MKT}
orders_by_min = {}
for t, line in ck:
    if '"order placed' in line:
        mk = line.split('"market":"')[1][:2]
        orders_by_min.setdefault(int(epoch(t) // 60), {}).setdefault(mk, 0)
        orders_by_min[int(epoch(t) // 60)][mk] += 1
ser_orders = {m: [] for m in MKT}
ser_ratio = []
for t in frange(W0, W1, 60):
    for p in pts_r:
        pts_r[p].append((t, round(published(p, t), 5)))
    k = int(epoch(t) // 60)
    for m in MKT:
        cnt[m] += orders_by_min.get(k - 1, {}).get(m, 0)
        ser_orders[m].append((t, cnt[m]))
    win = [r for (ot, r) in se_orders if add(t, minutes=-10) < ot <= t]
    ser_ratio.append((t, round(sum(win) / len(win), 4) if win else 1.0))
inc.write("metrics/pricing.om", openmetrics([
    ("fx_published_rate", "gauge", "Rate served by config-service to consumers", [({"pair": p, "service": "config-service"}, pts_r[p]) for p in pts_r]),
    ("checkout_orders", "counter", "Orders placed", [({"market": m, "service": "checkout-api"}, ser_orders[m]) for m in MKT]),
    ("checkout_se_order_value_vs_list", "gauge", "Mean ratio of SEK order value to list price at the reference rate, last 10m",
     [({"market": "SE", "service": "checkout-api"}, ser_ratio)]),
]))

# ---- pricing-config repo: git log --format=fuller
gl = []
def GC(ta, tc, who, mail, subj, body=""):
    sha = hexid(rng, 40)
    ent = ["commit " + sha, "Author:     %s <%s>" % (who, mail), "AuthorDate: %s" % local(ta, STZ).strftime("%a %b %-d %H:%M:%S %Y %z"),
           "Commit:     %s <%s>" % (who, mail), "CommitDate: %s" % local(tc, STZ).strftime("%a %b %-d %H:%M:%S %Y %z"), "", "    " + subj]
    if body:
        ent += [""] + ["    " + b for b in body.split("\n")]
    gl.append((tc, "\n".join(ent) + "\n"))
GC(T("2026-05-29 13:02:11"), T("2026-05-29 13:04:40"), "Elin Berg", "elin.berg@nordhem.se", "campaigns: midsummer sale banner prices for SE/NO/DK")
GC(T(D + "07:34:50"), T(D + "07:35:22"), "Mikkel Holm", "mikkel.holm@nordhem.se", "shipping: new PostNord zone table for DK islands")
GC(add(PIN_COMMIT, seconds=-35), PIN_COMMIT, "Karin Lund", "karin.lund@nordhem.se", "fx: pin EURSEK=11.4617 (ratebridge feed decimal shift)",
   "INC-2291. Overrides the feed until we unpin. Checkout cache not covered.")
GC(add(UNPIN_COMMIT, seconds=-50), UNPIN_COMMIT, "Karin Lund", "karin.lund@nordhem.se", "fx: unpin EURSEK, ratebridge corrected the feed",
   "INC-2291. 10:00 UTC snapshot EURSEK=%.4f" % feed_rate("EURSEK", T(D + "10:00:05")))
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("pricing-config.log", "\n".join(l for _, l in gl))

# ---- kube events
k = Kube(rng)
for i, pod in enumerate(new_pods):
    t = add(RESTART, seconds=2 + i * 48)
    k.ev(t, "checkout", "Deployment", "checkout-api", "ScalingReplicaSet", "Scaled up replica set checkout-api-66b4f7d5c9 to %d" % (i + 1), component="deployment-controller")
    k.pod_start(add(t, seconds=1), "checkout", pod, "ip-10-12-%d-%d.eu-north-1.compute.internal" % (4 + i, 30 + i * 17), "registry.nordhem.se/checkout-api:4.22.1", "checkout-api")
    k.ev(add(t, seconds=44), "checkout", "Deployment", "checkout-api", "ScalingReplicaSet", "Scaled down replica set checkout-api-5f7d9c8b6d to %d" % (2 - i), component="deployment-controller")
for i in range(2):
    t = add(OTHER_DEPLOY, seconds=i * 35)
    pod = "recommendations-7c4d8f9b5-%s" % ["h2lkq", "9wd8s"][i]
    k.ev(t, "recs", "Deployment", "recommendations", "ScalingReplicaSet", "Scaled up replica set recommendations-7c4d8f9b5 to %d" % (i + 1), component="deployment-controller")
    k.pod_start(add(t, seconds=1), "recs", pod, "ip-10-12-7-%d.eu-north-1.compute.internal" % (81 + i), "registry.nordhem.se/recommendations:2.9.0", "recommendations")
for t in frange(T(D + "06:40:00"), W1, 1800):  # steady benign: a CronJob that runs every 30 min and a flaky readiness probe
    k.ev(add(t, seconds=7), "search", "Pod", "search-indexer-%s" % uid(str(t), 5), "Unhealthy",
         "Readiness probe failed: Get \"http://10.12.5.44:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
         type_="Warning", host="ip-10-12-5-44.eu-north-1.compute.internal")
inc.json("events.json", k.core_list())

# ---- PagerDuty v2 webhook deliveries
pd = PD(4410, "OrdersSekVolumeAnomaly: SE orders 6.2x the 4-week baseline", "checkout", "PCHKNH1", esc_policy="Commerce Primary")
johan = PD.user("Johan Ek", "PJOHAN4")
karin = PD.user("Karin Lund", "PKARIN8")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Johan Ek by push notification.", user=johan)
pd.add(add(PAGE, seconds=301), "notify_log_entry", None, {"type": "auto"}, "Notified Johan Ek by phone.", user=johan)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Karin Lund by phone.", user=karin)
pd.add(ACK, "acknowledge_log_entry", karin, {"type": "phone"}, "Acknowledged by Karin Lund.")
pd.add(RESOLVED, "resolve_log_entry", karin, {"type": "web_ui"}, "Resolved by Karin Lund.")
inc.lines("pagerduty/webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 4410, "OrdersSekVolumeAnomaly: SE orders 6.2x the 4-week baseline", PAGE)])

# ---- Slack export (alerts arrive as Alertmanager posts)
s = Slack()
people = [("U9KARIN", "karin", "Karin Lund"), ("U9JOHAN", "johan.ek", "Johan Ek"), ("U9ELIN", "elin", "Elin Berg"), ("U9OSKAR", "oskar", "Oskar Nyström"),
          ("U9MIKKEL", "mikkel", "Mikkel Holm"), ("U9SARA", "sara.v", "Sara Virtanen")]
for u, n, r in people:
    s.user(u, n, r, "Europe/Stockholm" if u != "U9MIKKEL" else "Europe/Copenhagen")
s.user("B9AM", "alertmanager", "Alertmanager", bot=True)
for cid, n, p in [("C9FXA", "pricing-alerts", "Alertmanager: pricing + fx"), ("C9INC", "inc-2291-sek-prices", "INC-2291"),
                  ("C9COM", "commerce", "Commerce team"), ("C9SRCH", "search-alerts", "Alertmanager: search")]:
    s.channel(cid, n, p)
for d in CRON_DAYS:
    c = T(d + " 07:30:%02d" % (3 + CRON_DAYS.index(d)))
    s.bot("pricing-alerts", add(c, seconds=65), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "FxCrosscheckFailed", "fx-sync ECB reference cross-check failed\nseverity: ticket", color="warning"))
s.bot("pricing-alerts", WARN_ALERT, "B9AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "FxRateDayChangeLarge", "EURSEK published rate changed -90.0%% in 24h (%s)" % BAD + "\nseverity: warning", color="warning"))
s.bot("pricing-alerts", PAGE_ALERT, "B9AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "OrdersSekVolumeAnomaly", "SE orders 6.2x the 4-week baseline for this hour\nseverity: page"))
s.bot("pricing-alerts", T(D + "09:21:30"), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "OrdersSekVolumeAnomaly", "SE orders back within baseline"))
s.bot("pricing-alerts", T(D + "10:20:30"), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "FxRateDayChangeLarge", "EURSEK within 5% of 24h ago"))
for st, en in [("06:51:00", "06:58:30"), ("08:05:30", "08:12:00"), ("09:44:00", "09:49:30"), ("10:36:00", None)]:
    s.bot("search-alerts", T(D + st), "B9AM", "alertmanager", attachments=am_slack_attachment("firing", "ElasticsearchClusterYellow", "cluster search-prod is yellow (unassigned replicas)", color="warning"))
    if en:
        s.bot("search-alerts", T(D + en), "B9AM", "alertmanager", attachments=am_slack_attachment("resolved", "ElasticsearchClusterYellow", "cluster search-prod is green"))
s.say("pricing-alerts", DISMISS, "U9OSKAR", "krona's been jumpy since the Riksbank announcement, probably a bad tick from the feed, it'll settle at the next run")
s.say("commerce", T(D + "07:58:10"), "U9SARA", "customer service: phones busy, people asking if the 90% off on the Swedish site is real? someone posted our sofas on a deals forum")
s.say("commerce", add(T(D + "07:58:10"), seconds=80), "U9ELIN", "there's no 90% campaign, midsummer banners are 20% at most")
ic = "inc-2291-sek-prices"
s.say(ic, add(ACK, seconds=45), "U9KARIN", "acked (it escalated to me, Johan is on a train). SE orders way above baseline, order values look tiny")
s.say(ic, ROLLBACK_Q, "U9SARA", "should we roll back? what went out this morning?")
s.say(ic, add(ROLLBACK_Q, seconds=55), "U9KARIN", "checkout hasn't changed since Thursday. recommendations rolled at 07:52, that's after it started")
s.say(ic, WRONG2, "U9OSKAR", "could the order spike be a bot attack from that forum?")
s.say(ic, DIAG, "U9KARIN", "it's the rate: fx-sync published EURSEK=" + BAD + " at the 07:00 run, a tenth of the real 11.46. RateBridge shifted the decimal and our sanity check only warns, so every SEK price since ~09:01 local is a tenth")
s.say(ic, add(DIAG, seconds=70), "U9OSKAR", "that's the FxRateDayChangeLarge I waved off at 07:09, sorry")
s.say(ic, T(D + "08:27:30"), "U9KARIN", "pinning EURSEK to 11.4617 in pricing-config")
s.say(ic, add(PIN_APPLIED, seconds=50), "U9KARIN", "pin is live, storefront shows the right SEK prices again")
s.say(ic, STILL, "U9SARA", "SE orders are still coming in at ~10% value, e.g. a 899 € sofa for 1031 kr")
s.say(ic, add(STILL, seconds=120), "U9KARIN", "checkout-api has its own FxRateCache, refreshed hourly at :07 from the last snapshot. it still holds 1.146 until 09:07. restarting checkout-api")
s.say(ic, add(MITIGATED, seconds=30), "U9KARIN", "all three new checkout pods loaded EURSEK=11.4617 (pinned), SE order values normal")
s.say(ic, T(D + "09:31:00"), "U9ELIN", "finance will decide on the ~%d SEK orders placed at wrong prices, CS has a macro" % len([1 for t, r in se_orders if STARTED < t < MITIGATED]))
s.say(ic, VENDOR_FIX, "U9KARIN", "RateBridge support: 'a release of our EU pricing node shifted the decimal for SEK from 06:58 UTC, corrected 09:30 UTC'")
s.say(ic, add(UNPIN_APPLIED, seconds=60), "U9KARIN", "10:00 feed has 11.46 again, unpinned. follow-up: sanity.mode=block, make checkout listen to snapshot changes")
s.say(ic, add(RESOLVED, seconds=-30), "U9KARIN", "resolving")
s.bot(ic, COMMS, "B9SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Identified - Incorrect prices in the Swedish store",
      "title": "Identified - Incorrect prices in the Swedish store",
      "text": "Between 09:00 and 10:55 CEST prices in SEK were shown and charged too low. Prices are correct again; affected customers will be contacted.",
      "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "nordhem-fx-sek-decimal", "fx-feed-decimal-shift-wrong-prices",
    "The FX vendor's feed shifted the EUR/SEK decimal (1.146 for 11.46); fx-sync only warned and published it, so the Swedish store\n"
    "sold at a tenth of the price. A warning was dismissed, the page acknowledged late; a rate pin fixed the catalogue, a checkout restart the rest.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "fx-sync 07:00 run: EURSEK moved -90% (" + BAD + "), accepted because sanity.mode=warn", "fx-sync/fx-sync.log", 60),
     (WARN_ALERT, "alert_fired", "FxRateDayChangeLarge warning (dismissed)", "slack", 60),
     (PAGE_ALERT, "alert_fired", "OrdersSekVolumeAnomaly fires", "slack", 60),
     (PAGE, "paged", "PagerDuty #4410 triggered", "pagerduty/webhooks.ndjson", 60),
     (ACK, "acknowledged", "Karin acknowledges after escalation by timeout", "pagerduty/webhooks.ndjson", 60),
     (DIAG, "diagnosis", "Karin: RateBridge decimal shift, EURSEK a tenth since 07:00", "slack", 90),
     (PIN_APPLIED, "mitigation", "EURSEK pinned in pricing-config; catalogue prices right, checkout cache still wrong", "pricing-config.log", 90),
     (RESTART, "mitigation", "checkout-api rollout restart reloads the rate cache", "events.json", 60),
     (MITIGATED, "recovery", "new checkout pods load the pinned rate; SEK order values normal", "checkout-api.ndjson.gz", 90),
     (COMMS, "communication", "Statuspage: incorrect prices in the Swedish store", "slack", 90),
     (UNPIN_APPLIED, "change", "pin removed after the vendor corrected the feed", "pricing-config.log", 90),
     (RESOLVED, "resolved", "PagerDuty #4410 resolved", "pagerduty/webhooks.ndjson", 60)],
    [(T(D + "07:30:04"), "daily ECB cross-check failure (403) and FxCrosscheckFailed ticket every day at 07:30 UTC", "fx-sync/fx-sync.log"),
     (OTHER_DEPLOY, "recommendations rollout by another team", "events.json"),
     (T(D + "07:35:22"), "logistics' PostNord zone-table commit in the same repo", "pricing-config.log"),
     (T(D + "08:05:30"), "ElasticsearchClusterYellow (search team) flapping", "slack"),
     (DISMISS, "wrong hunch: Riksbank volatility / bad tick", "slack"),
     (WRONG2, "wrong hunch: bot attack from the deals forum", "slack"),
     (ROLLBACK_Q, "'should we roll back?' question", "slack"),
     (T(D + "09:00:00"), "steady PostNord ETA timeouts, Klarna retries, search-indexer readiness failures all window", "checkout-api.ndjson.gz")],
    [("fx-sync/fx-sync.log", "logs", STZ), ("checkout-api.ndjson.gz", "logs"), ("metrics/pricing.om", "openmetrics"),
     ("pricing-config.log", "git-log"), ("events.json", "kube-events"), ("pagerduty/webhooks.ndjson", "pagerduty-log-entries"),
     ("slack", "slack-export")])
