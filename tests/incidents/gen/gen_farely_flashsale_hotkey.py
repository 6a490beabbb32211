"""heldout17/farely-flashsale-hotkey: a flash sale's landing page reads one low-fare calendar key for every visitor; the
Redis shard holding it pins its single core, fare-cache reads time out, the misses fall through to live GDS shopping and
the GDS throttles the agency, so sale searches fail until a near-cache flag serves the hot keys in-process."""
import random
from common import *

rng = random.Random(20260129)
inc = Incident("heldout17", "farely-flashsale-hotkey")
TZ = "Europe/Madrid"
D = "2026-01-29 "
W0, W1 = T(D + "08:30:00"), T(D + "11:30:00")
CRON = [T("2026-01-%02d 08:31:%02d" % (d, 4 + d)) for d in (26, 27, 28, 29)]
SALE_FLAG = T(D + "09:00:02")
CPU_SAT = T(D + "09:02:30")
STARTED = T(D + "09:02:41")
OTHER_DEPLOY = T(D + "09:04:20")
WARN_ALERT = T(D + "09:05:00")
GDS_THROTTLE = T(D + "09:06:10")
PAGE_ALERT = T(D + "09:09:30")
PAGE = T(D + "09:09:31")
ACK = T(D + "09:13:05")
WRONG1 = T(D + "09:14:30")
WRONG2 = T(D + "09:15:40")
ROLLBACK_Q = T(D + "09:17:10")
DIAG = T(D + "09:19:40")
WAITING_ROOM = T(D + "09:24:10")
COMMS = T(D + "09:26:30")
NEARCACHE = T(D + "09:38:20")
MITIGATED = T(D + "09:39:05")
WARN_OK = T(D + "09:41:00")
ALERT_OK = T(D + "09:43:30")
WR_OFF = T(D + "10:05:40")
RESOLVED = T(D + "10:32:10")
SALE_KEY = "lowfare:calendar:SALE-CANARIAS-JAN26"

def hot(t):
    return CPU_SAT <= t < add(NEARCACHE, seconds=40)

def err_share(t):
    """share of sale searches failing"""
    if not (GDS_THROTTLE <= t < MITIGATED):
        return 0.0
    if t >= WAITING_ROOM:
        return 0.15
    return min(0.48, 0.1 + (t - GDS_THROTTLE).total_seconds() / 300.0)

def sale_traffic(t):
    if t < SALE_FLAG:
        return 0.0
    if WAITING_ROOM <= t < WR_OFF:
        return 0.55
    return 1.0

# ---- search-web (Node.js, pino JSON)
sw = []
PODS = ["search-web-6c9f7d8b54-%s" % s for s in ("4xkqp", "9tzrm", "bw2lc", "hh7vn", "q8d2s", "zk5fj")]
def P(t, level, msg, **kw):
    d = {"level": level, "time": int(epoch(t) * 1000), "pid": 1, "hostname": rng.choice(PODS)}
    d.update(kw)
    d["msg"] = msg
    sw.append((t, jline(d)))
for t in poisson_times(rng, W0, W1, 0.12):
    sale = rng.random() < 0.7 * sale_traffic(t)
    url = "/api/lowfare/calendar?campaign=SALE-CANARIAS-JAN26&o=MAD&d=%s" % rng.choice(["TFN", "LPA", "ACE", "FUE", "SPC"]) if sale else \
        rng.choice(["/api/search/flights?o=BCN&d=LHR&dep=2026-03-12", "/api/search/flights?o=MAD&d=CDG&dep=2026-02-20",
                    "/api/hotels/search?city=Seville&ci=2026-02-13&co=2026-02-15", "/api/lowfare/calendar?o=MAD&d=BCN"])
    rid = "req-" + hexid(rng, 6)
    if sale and rng.random() < err_share(t) * 1.6:
        P(t, 50, "request errored", reqId=rid, req={"method": "GET", "url": url}, res={"statusCode": 503}, responseTime=rng.randint(2000, 3100),
          err={"type": "ShoppingUnavailableError", "message": "live shopping failed: upstream 429 EXCEEDED_TPS_LIMIT", "code": "SHOPPING_UNAVAILABLE"})
    else:
        rt = rng.randint(400, 2100) if (sale and hot(t)) else rng.randint(25, 180)
        P(t, 30, "request completed", reqId=rid, req={"method": "GET", "url": url}, res={"statusCode": 200}, responseTime=rt)
for t in poisson_times(rng, add(STARTED, seconds=1), add(NEARCACHE, seconds=35), 0.15):
    P(t, 40, "fare cache read failed, falling back to live shopping", key=SALE_KEY if rng.random() < 0.85 else "lowfare:calendar:MAD-%s" % rng.choice(["TFN", "LPA"]),
      shard="cache-03:6379", err={"type": "TimeoutError", "message": "Command timed out after 250ms", "code": "ETIMEDOUT"})
P(STARTED, 40, "fare cache read failed, falling back to live shopping", key=SALE_KEY, shard="cache-03:6379",
  err={"type": "TimeoutError", "message": "Command timed out after 250ms", "code": "ETIMEDOUT"})
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    P(t, 40, "fx rate stale, using cached rate", pair=rng.choice(["EUR/GBP", "EUR/USD", "EUR/CHF"]), ageSeconds=rng.randint(3700, 5400))
P(add(NEARCACHE, seconds=6), 30, "flag changed, near-cache enabled for hot keys", flag="search-hotkey-near-cache", ttlMs=2000, maxKeys=500)
P(add(WAITING_ROOM, seconds=4), 30, "flag changed", flag="edge-waiting-room", enabled=True)
P(add(WR_OFF, seconds=5), 30, "flag changed", flag="edge-waiting-room", enabled=False)
inc.lines("search-web/app.ndjson", [l for _, l in sorted(sw, key=lambda x: x[0])])

# ---- shopping-gw (Go, logfmt)
gw = []
def G(t, *pairs):
    gw.append((t, logfmt([("ts", iso(t, ms=True))] + list(pairs))))
for t in poisson_times(rng, W0, W1, 0.06):
    G(t, ("level", "info"), ("caller", "gds/client.go:188"), ("msg", "gds request"), ("provider", "gds-primary"), ("office", "MADFR28AA"),
      ("op", rng.choice(["LowFareSearch", "LowFareCalendar", "PricePNR", "SeatMap"])), ("status", 200), ("latency_ms", rng.randint(380, 2400)))
def calls_rate(t):
    return 0.05 + (0.9 if hot(t) else 0.0)
for t in poisson_times(rng, CPU_SAT, add(NEARCACHE, seconds=30), 0.4):
    if t >= GDS_THROTTLE and rng.random() < (0.75 if t < WAITING_ROOM else 0.45):
        G(t, ("level", "warn"), ("caller", "gds/client.go:214"), ("msg", "gds request throttled"), ("provider", "gds-primary"), ("office", "MADFR28AA"),
          ("op", "LowFareCalendar"), ("status", 429), ("err_code", "EXCEEDED_TPS_LIMIT"), ("limit_tps", 150), ("latency_ms", rng.randint(8, 40)))
    else:
        G(t, ("level", "info"), ("caller", "gds/client.go:188"), ("msg", "gds request"), ("provider", "gds-primary"), ("office", "MADFR28AA"),
          ("op", "LowFareCalendar"), ("status", 200), ("latency_ms", rng.randint(900, 3800)))
G(GDS_THROTTLE, ("level", "warn"), ("caller", "gds/client.go:214"), ("msg", "gds request throttled"), ("provider", "gds-primary"), ("office", "MADFR28AA"),
  ("op", "LowFareCalendar"), ("status", 429), ("err_code", "EXCEEDED_TPS_LIMIT"), ("limit_tps", 150), ("latency_ms", 11))
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    G(t, ("level", "warn"), ("caller", "offers/price.go:97"), ("msg", "offer expired before pricing, re-shopping"), ("provider", "ndc-ib"),
      ("offer_age_s", rng.randint(1800, 2400)))
inc.lines("gw/shopping-gw.log", [l for _, l in sorted(gw, key=lambda x: x[0])])

# ---- HAProxy (syslog, Europe/Madrid local time, no offset), gzipped
hp = []
BACK = ["search-web-%d" % i for i in range(1, 7)]
def H(t, ip, st, path, tt, term="----", backend="be_search"):
    lt = local(t, TZ)
    acc = "%02d/%s/%d:%s.%03d" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)
    srv = "<NOSRV>" if backend == "be_waitroom" else rng.choice(BACK)
    msg = '%s:%d [%s] fe_https~ %s/%s 0/0/0/%d/%d %d %d - - %s %d/%d/%d/%d/0 0/0 "GET %s HTTP/2.0"' % (
        ip, rng.randint(1025, 65000), acc, backend, srv, max(tt - 1, 0), tt, st, rng.randint(300, 24000), term,
        rng.randint(400, 4000), rng.randint(380, 3900), rng.randint(20, 300), rng.randint(1, 60), path)
    hp.append((t, syslog(t, TZ, "lb-mad-1", "haproxy[2211]", msg)))
def ip():
    return "%d.%d.%d.%d" % (rng.choice([83, 88, 90, 95, 176, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
for t in poisson_times(rng, W0, W1, 0.55):
    if rng.random() < 0.75 * sale_traffic(t) + (0.0 if t < SALE_FLAG else 0.1):
        path = "/api/lowfare/calendar?campaign=SALE-CANARIAS-JAN26&o=MAD&d=%s" % rng.choice(["TFN", "LPA", "ACE", "FUE", "SPC"])
        if WAITING_ROOM <= t < WR_OFF and rng.random() < 0.35:
            H(t, ip(), 302, "/sale/canarias", 0, term="LR--", backend="be_waitroom")
            continue
        if rng.random() < err_share(t) * 1.4:
            H(t, ip(), 503, path, rng.randint(2000, 3100))
        else:
            H(t, ip(), 200, path, rng.randint(400, 2100) if hot(t) else rng.randint(25, 160))
    else:
        r = rng.random()
        if r < 0.02:
            H(t, ip(), 404, rng.choice(["/wp-login.php", "/.env", "/xmlrpc.php", "/api/v1/../../etc/passwd"]), 2)
        else:
            H(t, ip(), 200, rng.choice(["/api/search/flights?o=BCN&d=LHR&dep=2026-03-12", "/api/hotels/search?city=Seville",
                                         "/static/js/app.91c2e4.js", "/api/session", "/api/trips/upcoming"]), rng.randint(10, 200))
H(add(MITIGATED, seconds=-2), "88.17.203.41", 503, "/api/lowfare/calendar?campaign=SALE-CANARIAS-JAN26&o=MAD&d=TFN", 2890)
inc.lines("edge/lb-mad-1.log.gz", [l for _, l in sorted(hp, key=lambda x: x[0])])

# ---- Prometheus query_range (redis shard CPU, ops, search error ratio)
def cpu(shard):
    def f(t):
        base = 0.18 + 0.02 * (hash_i(shard) % 5)
        if t >= SALE_FLAG:
            base += 0.12
        if shard == "cache-03":
            if t >= CPU_SAT and t < add(NEARCACHE, seconds=40):
                return 0.97 + 0.01 * ((int(epoch(t)) // 30) % 3)
            if SALE_FLAG <= t < CPU_SAT:
                return 0.55 + (t - SALE_FLAG).total_seconds() / 150.0 * 0.35
        return base + 0.01 * ((int(epoch(t)) // 60) % 4)
    return f
def hash_i(s):
    return int(uid(s, 4), 16)
def ops(shard):
    def f(t):
        b = 21000 + (hash_i(shard) % 7) * 900
        if t >= SALE_FLAG:
            b += 9000
        if shard == "cache-03" and SALE_FLAG <= t < add(NEARCACHE, seconds=40):
            b = 118000 if t >= CPU_SAT else 60000 + (t - SALE_FLAG).total_seconds() * 380
        if shard == "cache-03" and t >= add(NEARCACHE, seconds=40):
            b = 26000
        return b + ((int(epoch(t)) // 30) % 5) * 300
    return f
def errratio(t):
    e = err_share(t) * 0.7
    return e + 0.002 + 0.001 * ((int(epoch(t)) // 60) % 3)
series = []
for i in range(1, 7):
    sh = "cache-%02d" % i
    series.append(({"__name__": "redis:cpu_seconds:rate1m", "cluster": "fare-cache", "instance": sh + ":9121", "shard": sh}, cpu(sh)))
for i in range(1, 7):
    sh = "cache-%02d" % i
    series.append(({"__name__": "redis:commands_processed:rate1m", "cluster": "fare-cache", "instance": sh + ":9121", "shard": sh}, ops(sh)))
series.append(({"__name__": "search:http_errors:ratio_rate1m", "job": "search-web", "namespace": "search"}, errratio))
inc.json("exports/fare-cache.json", query_range(series, W0, W1, 30), indent=None)

# ---- Unleash event log export (feature flags; the change record)
ev = []
def U(t, typ, who, feat, project, env="production", data=None, pre=None):
    ev.append({"id": 0, "type": typ, "createdBy": who, "createdAt": iso(t, ms=True), "createdByUserId": 1000 + hash_i(who) % 400,
               "data": data, "preData": pre, "tags": [], "featureName": feat, "project": project, "environment": env, "label": None, "ip": None})
U(T("2026-01-28 16:22:41"), "feature-created", "lucia.romero@farely.es", "flash-sale-canarias-jan26", "marketing-web", env=None,
  data={"name": "flash-sale-canarias-jan26", "description": "Canarias flash sale landing + banner, Thu 10:00 CET", "type": "release", "project": "marketing-web"})
U(T("2026-01-28 16:25:10"), "feature-strategy-add", "lucia.romero@farely.es", "flash-sale-canarias-jan26", "marketing-web",
  data={"name": "flexibleRollout", "parameters": {"rollout": "100", "stickiness": "default", "groupId": "flash-sale-canarias-jan26"}, "constraints": []})
U(T("2026-01-28 18:03:55"), "feature-environment-enabled", "marc.puig@farely.es", "payments-3ds-exemption-tra", "payments")
U(SALE_FLAG, "feature-environment-enabled", "lucia.romero@farely.es", "flash-sale-canarias-jan26", "marketing-web")
U(WAITING_ROOM, "feature-environment-enabled", "javier.ortega@farely.es", "edge-waiting-room", "platform")
U(add(WAITING_ROOM, seconds=-40), "feature-strategy-update", "javier.ortega@farely.es", "edge-waiting-room", "platform",
  data={"name": "default", "parameters": {"paths": "/sale/*,/api/lowfare/calendar", "admitPerMinute": "9000"}, "constraints": []},
  pre={"name": "default", "parameters": {"paths": "/sale/*", "admitPerMinute": "20000"}, "constraints": []})
U(add(NEARCACHE, seconds=-55), "feature-strategy-update", "nuria.vidal@farely.es", "search-hotkey-near-cache", "search",
  data={"name": "default", "parameters": {"keyPrefixes": "lowfare:calendar:", "ttlMs": "2000"}, "constraints": []}, pre=None)
U(NEARCACHE, "feature-environment-enabled", "nuria.vidal@farely.es", "search-hotkey-near-cache", "search")
U(T(D + "09:51:12"), "feature-environment-disabled", "pablo.serrano@farely.es", "loyalty-double-points-banner", "loyalty")
U(WR_OFF, "feature-environment-disabled", "javier.ortega@farely.es", "edge-waiting-room", "platform")
ev.sort(key=lambda e: e["createdAt"], reverse=True)
for i, e in enumerate(reversed(ev)):
    e["id"] = 88410 + i
inc.json("export-0129.json", {"version": 2, "events": ev, "totalEvents": len(ev)})

# ---- Alertmanager webhook archive (ndjson), reaching back to the 26th
hk = []
def AH(t, receiver, alerts):
    hk.append((t, jline({"received_at": iso(t), "body": am_webhook(receiver, alerts)})))
for c in CRON:
    lab = {"severity": "warning", "team": "seo", "namespace": "seo", "job_name": "sitemap-builder-%s" % c.strftime("%Y%m%d"), "cluster": "prod-mad"}
    a0 = add(c, minutes=1)
    AH(add(a0, seconds=30), "slack-seo", [am_alert("KubeJobFailed", lab, "Job seo/%s failed to complete" % lab["job_name"], a0)])
    AH(add(c, minutes=16), "slack-seo", [am_alert("KubeJobFailed", lab, "Job seo/%s failed to complete" % lab["job_name"], a0, ends=add(c, minutes=15))])
rl = {"severity": "warning", "team": "sre", "cluster": "fare-cache", "shard": "cache-03", "instance": "cache-03:9121"}
AH(add(WARN_ALERT, seconds=12), "slack-sre", [am_alert("RedisShardCPUSaturated", rl, "fare-cache shard cache-03 main thread at 99% CPU", WARN_ALERT,
   desc="redis is single-threaded; a shard near 100% CPU queues every command")])
AH(add(WARN_OK, seconds=12), "slack-sre", [am_alert("RedisShardCPUSaturated", rl, "fare-cache shard cache-03 main thread at 99% CPU", WARN_ALERT, ends=WARN_OK)])
pl_ = {"severity": "critical", "team": "search", "service": "search-web", "namespace": "search"}
AH(add(PAGE_ALERT, seconds=10), "pagerduty-search", [am_alert("SearchErrorRatioHigh", pl_, "search-web 5xx ratio 27.4%", PAGE_ALERT)])
AH(add(ALERT_OK, seconds=10), "pagerduty-search", [am_alert("SearchErrorRatioHigh", pl_, "search-web 5xx ratio 27.4%", PAGE_ALERT, ends=ALERT_OK)])
ll = {"severity": "warning", "team": "loyalty", "service": "loyalty-db", "instance": "loyalty-db-2:9187"}
for s0, e0 in [("08:48:30", "08:53:30"), ("09:21:00", "09:24:30"), ("09:58:30", "10:02:00"), ("10:40:00", "10:44:30")]:
    a, b = T(D + s0), T(D + e0)
    AH(add(a, seconds=15), "slack-loyalty", [am_alert("PostgresReplicationLagHigh", ll, "loyalty-db-2 replication lag above 30s", a)])
    AH(add(b, seconds=15), "slack-loyalty", [am_alert("PostgresReplicationLagHigh", ll, "loyalty-db-2 replication lag above 30s", a, ends=b)])
hl = {"severity": "warning", "team": "hotels", "service": "hotel-images", "cdn": "images.farely.es"}
AH(T(D + "10:12:10"), "slack-hotels", [am_alert("HotelImagesCDN4xxHigh", hl, "hotel image 404 ratio 6.2%", T(D + "10:11:40"))])
inc.lines("hooks/received.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(40217, "SearchErrorRatioHigh search-web 5xx ratio 27.4%", "search-web", "PSRCH01", esc_policy="Search Primary")
javier = PD.user("Javier Ortega", "PJAVORT")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMSRCH", "summary": "Alertmanager prod-mad"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Javier Ortega by push notification.", user=javier)
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, {"type": "auto"}, "Notified Javier Ortega by phone.", user=javier)
pd.add(ACK, "acknowledge_log_entry", javier, {"type": "mobile"}, "Acknowledged by Javier Ortega.")
pd.add(add(DIAG, seconds=120), "annotate_log_entry", javier, {"type": "web_ui", "summary": "hot key on fare-cache cache-03 (sale calendar); GDS throttling the fall-through"}, "Note added")
pd.add(ALERT_OK, "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; incident left open (auto-resolve off)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", javier, {"type": "web_ui"}, "Resolved by Javier Ortega.")
inc.json("oncall/export.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("U01JAV", "javier", "Javier Ortega"), ("U01NUR", "nuria", "Nuria Vidal"), ("U01LUC", "lucia", "Lucia Romero"),
                ("U01DAN", "dani", "Daniel Ferrer"), ("U01MAR", "marta", "Marta Gil"), ("U01PAB", "pablo", "Pablo Serrano")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C01INC", "inc-sale-search", "Incident: sale searches failing"), ("C01SRE", "sre-alerts", "Alertmanager -> SRE"),
                  ("C01DEP", "deploys", "Argo CD notifications"), ("C01STA", "status", "Statuspage mirror"), ("C01MKT", "marketing", "")]:
    s.channel(cid, n, p)
s.bot("sre-alerts", add(WARN_ALERT, seconds=13), "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "RedisShardCPUSaturated", "fare-cache shard cache-03 main thread at 99% CPU\nseverity: warning", color="warning"))
s.bot("sre-alerts", add(PAGE_ALERT, seconds=11), "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "SearchErrorRatioHigh", "search-web 5xx ratio 27.4%\nseverity: critical"))
s.bot("sre-alerts", add(WARN_OK, seconds=13), "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "RedisShardCPUSaturated", "cache-03 CPU back to normal"))
s.bot("sre-alerts", add(ALERT_OK, seconds=11), "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "SearchErrorRatioHigh", "search-web 5xx ratio 0.3%"))
for t, app, rev, who in [(T(D + "08:41:02"), "loyalty-api", "3f1a9c0", "pablo.serrano"), (OTHER_DEPLOY, "hotel-content", "b72e41d", "marta.gil"),
                         (T(D + "10:48:37"), "hotel-content", "c0a91fe", "marta.gil")]:
    s.bot("deploys", t, "B01ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *%s* sync succeeded to revision `%s` (prod-mad), initiated by %s" % (app, rev, who)))
s.say("marketing", T(D + "08:40:05"), "U01LUC", "Canarias sale emails are out (2.1M). landing + banner go live at 10:00 with the flag")
s.say("marketing", add(SALE_FLAG, seconds=20), "U01LUC", "sale is LIVE :tada:")
s.say("marketing", T(D + "09:12:40"), "U01LUC", "people on twitter saying the sale page shows 'no fares available, try again'. is that us?")
ch = "inc-sale-search"
s.say(ch, add(ACK, seconds=35), "U01JAV", "acked. search-web 503s on the sale calendar, shopping-gw full of 429 EXCEEDED_TPS_LIMIT from the GDS")
s.say(ch, WRONG1, "U01DAN", "is the GDS having an outage? they throttled us hard last month too")
s.say(ch, add(WRONG1, seconds=45), "U01JAV", "their status page is green, and non-sale searches are fine")
s.say(ch, WRONG2, "U01DAN", "hotel-content synced at 09:04, right when it started. related?")
s.say(ch, add(WRONG2, seconds=30), "U01MAR", "hotel-content only serves hotel descriptions and images, no flight calls")
s.say(ch, ROLLBACK_Q, "U01DAN", "should we roll back the sale flag?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U01LUC", "please no, 2.1M emails point at that landing page. and the flag only shows the landing/banner")
s.say(ch, DIAG, "U01NUR", "found it: cache-03 is one core at 100%, MONITOR shows lowfare:calendar:SALE-CANARIAS-JAN26 at ~85k GET/s. hot key - every sale page reads the same calendar key, reads time out, misses fall through to live shopping and the GDS throttles us at 150 TPS")
s.say(ch, add(DIAG, seconds=80), "U01JAV", "turning on the waiting room for /sale and the calendar API to take the edge off")
s.say(ch, add(WAITING_ROOM, seconds=90), "U01JAV", "waiting room on. 503s down a lot but not gone, cache-03 still pinned")
s.say(ch, add(WAITING_ROOM, seconds=150), "U01NUR", "search-web has the near-cache from the Black Friday work behind search-hotkey-near-cache, never turned on in prod. setting lowfare:calendar: prefix, 2s ttl")
s.say(ch, add(NEARCACHE, seconds=60), "U01NUR", "near-cache on, cache-03 ops went from 118k/s to 26k/s, CPU 30%")
s.say(ch, add(MITIGATED, seconds=90), "U01JAV", "no 503s since 09:39, GDS 429s stopped")
s.say(ch, add(WR_OFF, seconds=30), "U01JAV", "waiting room off again, watching")
s.say(ch, add(RESOLVED, seconds=-40), "U01JAV", "50 min clean with full sale traffic. resolving; follow-up: hot-key detection and near-cache default on")
s.bot("status", COMMS, "B01SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Sale fares not loading",
      "title": "Investigating - Some customers cannot see Canarias sale fares", "text": "Searches on the sale page may fail. Other searches and bookings are working.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=4), "B01SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Sale fares",
      "title": "Monitoring - Sale fares loading again", "text": "A fix has been applied and sale searches are working. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=2), "B01SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - Sale fares",
      "title": "Resolved - Sale fares", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "chat")

inc.truth(
    "farely-flashsale-hotkey", "flash-sale-hot-cache-key-single-shard-saturation-supplier-throttle",
    "The Canarias flash sale's landing page reads one low-fare calendar key for every visitor; Redis shard cache-03 pins its core,\n"
    "cache reads time out and fall through to live GDS shopping, the GDS throttles (429) and sale searches fail until a near-cache flag (a waiting room only partly helped).",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SALE_FLAG, "change", "flash-sale-canarias-jan26 enabled in production (sale goes live)", "export-0129.json", 60),
     (STARTED, "first_symptom", "first fare-cache read timeout on cache-03 (shard CPU pinned)", "search-web/app.ndjson", 60),
     (WARN_ALERT, "alert_fired", "RedisShardCPUSaturated cache-03 (warning)", "hooks/received.ndjson", 60),
     (PAGE, "paged", "PagerDuty #40217 triggered from SearchErrorRatioHigh", "oncall/export.json", 60),
     (ACK, "acknowledged", "Javier acknowledges", "oncall/export.json", 60),
     (DIAG, "diagnosis", "Nuria: hot key lowfare:calendar:SALE-CANARIAS-JAN26 pins cache-03, misses throttled by GDS", "chat", 90),
     (WAITING_ROOM, "mitigation", "edge-waiting-room enabled (partial: 503s drop but continue)", "export-0129.json", 60),
     (COMMS, "communication", "Statuspage: some customers cannot see sale fares", "chat", 60),
     (NEARCACHE, "mitigation", "search-hotkey-near-cache enabled", "export-0129.json", 60),
     (MITIGATED, "recovery", "last 503 on the sale calendar; GDS 429s stop", "edge/lb-mad-1.log.gz", 60),
     (ALERT_OK, "alert_resolved", "SearchErrorRatioHigh resolved", "hooks/received.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "oncall/export.json", 60)],
    [(CRON[-1], "seo sitemap-builder KubeJobFailed, every day at ~08:31 UTC", "hooks/received.ndjson"),
     (OTHER_DEPLOY, "hotels team's hotel-content Argo CD sync", "chat"),
     (T(D + "08:41:02"), "loyalty-api Argo CD sync", "chat"),
     (T(D + "09:21:00"), "PostgresReplicationLagHigh loyalty-db-2 flapping all morning", "hooks/received.ndjson"),
     (T(D + "10:11:40"), "HotelImagesCDN4xxHigh for the hotels team", "hooks/received.ndjson"),
     (T(D + "09:51:12"), "loyalty team disables a banner flag", "export-0129.json"),
     (WRONG1, "wrong hunch: GDS outage", "chat"),
     (WRONG2, "wrong hunch: hotel-content sync", "chat"),
     (ROLLBACK_Q, "'should we roll back the sale flag?' question, not done", "chat"),
     (T(D + "10:00:00"), "steady offer-expired warnings, fx-stale warnings and scanner 404s all window", "gw/shopping-gw.log")],
    [("search-web/app.ndjson", "logs"), ("gw/shopping-gw.log", "logs"), ("edge/lb-mad-1.log.gz", "logs", TZ),
     ("exports/fare-cache.json", "prometheus-query-range"), ("export-0129.json", "deploys"),
     ("hooks/received.ndjson", "alertmanager-webhook"), ("oncall/export.json", "pagerduty-log-entries"), ("chat", "slack-export")])
