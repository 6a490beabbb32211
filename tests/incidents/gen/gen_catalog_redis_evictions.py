"""retired2/catalog-redis-evictions: a feature flag starts caching large recommendation blobs in the shared catalog Redis; at maxmemory it evicts product keys, misses stampede Postgres and product pages time out until the flag is off and the blobs deleted."""
import random
from common import *

rng = random.Random(20261021)
inc = Incident("retired2", "catalog-redis-evictions")
D = "2026-10-21 "
W0, W1 = T(D + "17:00:00"), T(D + "20:00:00")
CRON = [T("2026-10-%02d 17:30:%02d" % (d, 2 + d % 7)) for d in (18, 19, 20, 21)]
FLAG_RULE = T(D + "17:10:02")
CHANGE = T(D + "17:12:30")
OTHER_FLAG = T(D + "17:35:48")
OTHER_DEPLOY = T(D + "17:41:19")
STARTED = T(D + "17:58:15")
SLOWQ = T(D + "17:59:40")
CUST = T(D + "18:04:50")
ALERT = T(D + "18:08:20")
PAGE = T(D + "18:08:50")
ACK = T(D + "18:12:05")
WRONG = T(D + "18:14:10")
ROLLBACK_Q = T(D + "18:16:30")
COMMS = T(D + "18:18:00")
REASSIGN = T(D + "18:19:30")
DIAG = T(D + "18:22:40")
FLAG_OFF = T(D + "18:25:10")
UNLINK = T(D + "18:27:30")
EVICT_END = T(D + "18:28:00")
MITIGATED = T(D + "18:29:45")
ALERT_OK = T(D + "18:34:20")
RESOLVED = T(D + "19:02:00")
MAXMEM = 6442450944

def mem(t):
    if t < CHANGE:
        return 4.10e9 + 2e7 * rng.random()
    if t < STARTED:
        return 4.10e9 + (MAXMEM - 4.10e9) * (t - CHANGE).total_seconds() / (STARTED - CHANGE).total_seconds() * 0.999
    if t < UNLINK:
        return MAXMEM - rng.randint(0, 400000)
    return 3.92e9 + 2e7 * rng.random()

def evict_rate(t):
    if STARTED <= t < FLAG_OFF:
        return rng.uniform(3200, 4800)
    if FLAG_OFF <= t < EVICT_END:
        return rng.uniform(500, 900)
    return 0.0

def hit_ratio(t):
    if STARTED <= t < EVICT_END:
        return 0.52 + 0.06 * rng.random()
    if EVICT_END <= t < MITIGATED:
        return 0.80
    return 0.955 + 0.01 * rng.random()

def stressed(t):
    return CUST <= t < MITIGATED

# ---- redis_exporter OpenMetrics dump, 15 s scrapes
lab = {"instance": "redis-catalog-0:9121", "job": "redis-catalog"}
ev_pts, mem_pts, max_pts, hit_pts, miss_pts, cl_pts = [], [], [], [], [], []
ev_c, hit_c, miss_c = 0.0, 8.1e9, 3.7e8
for t in frange(W0, W1, 15):
    ops = rng.uniform(21000, 25000) * (1.15 if stressed(t) else 1.0)
    hr = hit_ratio(t)
    if t > W0:
        ev_c += round(evict_rate(t) * 15)
        hit_c += round(ops * 0.7 * hr * 15)
        miss_c += round(ops * 0.7 * (1 - hr) * 15)
    ev_pts.append((t, int(ev_c)))
    mem_pts.append((t, int(mem(t))))
    max_pts.append((t, MAXMEM))
    hit_pts.append((t, int(hit_c)))
    miss_pts.append((t, int(miss_c)))
    cl_pts.append((t, rng.randint(610, 660) + (300 if stressed(t) else 0)))
inc.write("redis-catalog.om", openmetrics([
    ("redis_evicted_keys", "counter", "evicted_keys metric", [(lab, ev_pts)]),
    ("redis_memory_used_bytes", "gauge", "memory_used_bytes metric", [(lab, mem_pts)]),
    ("redis_memory_max_bytes", "gauge", "memory_max_bytes metric", [(lab, max_pts)]),
    ("redis_keyspace_hits", "counter", "keyspace_hits metric", [(lab, hit_pts)]),
    ("redis_keyspace_misses", "counter", "keyspace_misses metric", [(lab, miss_pts)]),
    ("redis_connected_clients", "gauge", "connected_clients metric", [(lab, cl_pts)])]))

# ---- redis server log (own timestamp layout, UTC)
rl = []
def R(t, pid, role, mark, msg):
    rl.append((t, "%d:%s %s %s %s" % (pid, role, t.strftime("%d %b %Y %H:%M:%S.") + "%03d" % (t.microsecond // 1000), mark, msg)))
for i, t in enumerate(frange(add(W0, seconds=201), W1, 300)):
    child = 40211 + 7 * i
    cow = int(180 + (mem(t) - 4.1e9) / 1e7) if t < UNLINK else rng.randint(170, 200)
    R(t, 1, "M", "*", "100 changes in 300 seconds. Saving...")
    R(add(t, seconds=0.004), 1, "M", "*", "Background saving started by pid %d" % child)
    R(add(t, seconds=rng.uniform(28, 41)), child, "C", "*", "DB saved on disk")
    R(add(t, seconds=41.2), child, "C", "*", "Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (cow, cow, cow // 2))
    R(add(t, seconds=41.3), 1, "M", "*", "Background saving terminated with success")
inc.lines("redis.log", [l for _, l in sorted(rl, key=lambda x: x[0])])

# ---- postgres (UTC)
pg = []
def PG(t, pid, who, lvl, msg):
    pg.append((t, "%s.%03d UTC [%d] %s %s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid, who, lvl, msg)))
Q = "SELECT p.id, p.sku, p.title, p.attrs, pr.amount, pr.currency, array_agg(m.url) FROM products p JOIN prices pr ON pr.product_id = p.id LEFT JOIN media m ON m.product_id = p.id WHERE p.sku = $1 GROUP BY 1,2,3,4,5,6"
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    PG(t, rng.randint(40000, 59999), "reporting@catalog", "LOG", "duration: %.3f ms  execute <unnamed>: SELECT count(*) FROM product_views WHERE day = $1" % rng.uniform(1000, 1800))
for t in poisson_times(rng, SLOWQ, MITIGATED, 1 / 4.0):
    pid = rng.randint(40000, 59999)
    if t >= CUST and rng.random() < 0.55:
        PG(t, pid, "catalog_app@catalog", "ERROR", "canceling statement due to statement timeout")
        PG(t, pid, "catalog_app@catalog", "STATEMENT", Q)
    else:
        PG(t, pid, "catalog_app@catalog", "LOG", "duration: %.3f ms  execute <unnamed>: %s" % (rng.uniform(1000, 2900), Q))
PG(SLOWQ, 48812, "catalog_app@catalog", "LOG", "duration: 1104.562 ms  execute <unnamed>: " + Q)
PG(CUST, 49170, "catalog_app@catalog", "ERROR", "canceling statement due to statement timeout")
PG(CUST, 49170, "catalog_app@catalog", "STATEMENT", Q)
for t in frange(add(W0, seconds=44), W1, 300):
    PG(t, 88, "", "LOG", "checkpoint starting: time")
    PG(add(t, seconds=rng.uniform(40, 120)), 88, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, 2 recycled" % (rng.randint(500, 3000), rng.random() * 2))
c = CRON[-1]
PG(c, 47001, "sitemap@catalog", "ERROR", "permission denied for table seo_redirects")
PG(c, 47001, "sitemap@catalog", "STATEMENT", "SELECT source_path, target_path FROM seo_redirects WHERE active")
inc.lines("pg-catalog-primary.log", [l for _, l in sorted(pg, key=lambda x: x[0])])

# ---- catalog-api logfmt
cl = []
def C(t, pairs):
    cl.append((t, logfmt([("time", iso(t, ms=True))] + pairs)))
for t in poisson_times(rng, W0, W1, 0.3):
    if stressed(t) and rng.random() < 0.45:
        C(t, [("level", "error"), ("msg", "request failed"), ("route", "/v1/products/:sku"), ("status", 504),
              ("err", "pq: canceling statement due to statement timeout"), ("cache", "miss"), ("dur_ms", rng.randint(5000, 5100))])
    else:
        slow = STARTED <= t < MITIGATED
        C(t, [("level", "info"), ("msg", "request"), ("route", rng.choice(["/v1/products/:sku", "/v1/categories/:id", "/v1/search/facets"])),
              ("status", 200), ("cache", "miss" if rng.random() > hit_ratio(t) else "hit"), ("dur_ms", rng.randint(300, 2500) if slow else rng.randint(4, 60))])
C(CUST, [("level", "error"), ("msg", "request failed"), ("route", "/v1/products/:sku"), ("status", 504), ("err", "pq: canceling statement due to statement timeout"), ("cache", "miss"), ("dur_ms", 5003)])
for t in poisson_times(rng, W0, W1, 1 / 100.0):
    C(t, [("level", "warn"), ("msg", "image CDN HEAD returned 404, using placeholder"), ("sku", "SKU-%06d" % rng.randint(1, 999999))])
C(add(CHANGE, seconds=2), [("level", "info"), ("msg", "flag changed"), ("flag", "recs-in-product-cache"), ("enabled", "true")])
C(add(FLAG_OFF, seconds=2), [("level", "info"), ("msg", "flag changed"), ("flag", "recs-in-product-cache"), ("enabled", "false")])
inc.lines("catalog-api.log", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ---- Unleash event log export
evs = []
def U(t, typ, who, feat, proj, env=None, data=None, pre=None):
    evs.append({"id": 18230 + len(evs), "type": typ, "createdBy": who, "createdAt": iso(t, ms=True) if t.microsecond else iso(t).replace("Z", ".000Z"),
                "createdByUserId": 40 + len(who), "data": data, "preData": pre, "tags": [], "featureName": feat, "project": proj,
                "environment": env, "label": None, "summary": None})
U(T(D + "16:02:11"), "feature-environment-enabled", "oskar.lind@acme.example", "recs-in-product-cache", "catalog", "staging")
rule = {"name": "flexibleRollout", "constraints": [], "parameters": {"rollout": "100", "stickiness": "default", "groupId": "recs-in-product-cache"}}
U(FLAG_RULE, "feature-strategy-update", "oskar.lind@acme.example", "recs-in-product-cache", "catalog", "production", data=rule,
  pre={**rule, "parameters": {**rule["parameters"], "rollout": "10"}})
U(CHANGE, "feature-environment-enabled", "oskar.lind@acme.example", "recs-in-product-cache", "catalog", "production")
U(OTHER_FLAG, "feature-environment-enabled", "hana.ito@acme.example", "checkout-new-address-form", "checkout", "production")
U(FLAG_OFF, "feature-environment-disabled", "mei.chen@acme.example", "recs-in-product-cache", "catalog", "production")
evs.sort(key=lambda e: e["createdAt"], reverse=True)
inc.json("unleash-events.json", {"version": 2, "events": evs, "totalEvents": len(evs)})

# ---- deploy tool JSON
dp = [{"application": a, "environment": "production", "commit": c_, "triggered_by": who, "deployed_at": iso(t), "duration_s": d, "outcome": "ok"}
      for a, c_, who, t, d in [("catalog-api", "e4b1c90", "oskar.lind", T(D + "16:20:05"), 212),
                               ("checkout-web", "77af21d", "hana.ito", OTHER_DEPLOY, 340),
                               ("search-indexer", "0b9e3f4", "deploy-bot", T(D + "19:15:30"), 180)]]
inc.json("deploys.json", dp)

# ---- alertmanager webhooks, one POST body per line
hk = []
pl = {"severity": "page", "team": "catalog", "service": "catalog-api", "slo": "availability"}
hk.append(am_webhook("pd-catalog", [am_alert("CatalogApiErrorBudgetBurn", pl, "catalog-api burning error budget 14x (5m/1h)", ALERT)]))
hk.append(am_webhook("pd-catalog", [am_alert("CatalogApiErrorBudgetBurn", pl, "catalog-api burning error budget 14x (5m/1h)", ALERT, ends=ALERT_OK)]))
dl = {"severity": "warning", "team": "dba", "instance": "pg-catalog-primary:9187"}
hk.append(am_webhook("slack-dba", [am_alert("PostgresHighCPU", dl, "pg-catalog-primary CPU above 85% for 5m", T(D + "18:10:30"))]))
hk.append(am_webhook("slack-dba", [am_alert("PostgresHighCPU", dl, "pg-catalog-primary CPU above 85% for 5m", T(D + "18:10:30"), ends=T(D + "18:33:00"))]))
el = {"severity": "warning", "team": "search", "cluster": "es-search-prod"}
for a, b in [("17:06:00", "17:09:30"), ("17:52:30", "17:55:00"), ("18:40:00", "18:44:30"), ("19:21:00", "19:23:30")]:
    hk.append(am_webhook("slack-search", [am_alert("ElasticsearchHeapHigh", el, "es-search-prod heap above 85%", T(D + a))]))
    hk.append(am_webhook("slack-search", [am_alert("ElasticsearchHeapHigh", el, "es-search-prod heap above 85%", T(D + a), ends=T(D + b))]))
hk.append(am_webhook("slack-seo", [am_alert("KubeJobFailed", {"severity": "warning", "team": "seo", "namespace": "seo", "job_name": "sitemap-rebuild-29351430"},
                                            "Job seo/sitemap-rebuild-29351430 failed to complete", add(CRON[-1], seconds=40))]))
hk.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.lines("am-received.ndjson", [jline(b) for b in hk])

# ---- pagerduty REST
pd = PD(30877, "CatalogApiErrorBudgetBurn catalog-api burning error budget 14x (5m/1h)", "catalog-api", "PCAT031", "Catalog On-call")
osk = PD.user("Oskar Lind", "POSKAR3")
mei = PD.user("Mei Chen", "PMEICH4")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMCAT1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Oskar Lind by phone.", user=osk,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", osk, {"type": "phone"}, "Acknowledged by Oskar Lind.")
pd.add(REASSIGN, "assign_log_entry", osk, {"type": "web_ui"}, "Reassigned to Mei Chen by Oskar Lind.", assignees=[mei])
pd.add(add(REASSIGN, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Mei Chen by push notification.", user=mei,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(REASSIGN, seconds=95), "acknowledge_log_entry", mei, {"type": "mobile"}, "Acknowledged by Mei Chen.")
pd.add(RESOLVED, "resolve_log_entry", mei, {"type": "web_ui"}, "Resolved by Mei Chen.")
inc.json("pd-30877.json", pd.export())

# ---- slack
s = Slack()
for u, n, r, tz in [("U3OSK", "oskar", "Oskar Lind", "Europe/Stockholm"), ("U3MEI", "mei", "Mei Chen", "Europe/Stockholm"),
                    ("U3HANA", "hana", "Hana Ito", "Europe/Stockholm"), ("U3PER", "per", "Per Nilsson", "Europe/Stockholm"),
                    ("U3GUS", "gustav", "Gustav Ek", "Europe/Stockholm")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C3INC", "incident-catalog-1021", ""), ("C3ALR", "catalog-alerts", ""), ("C3FLG", "feature-flags", "unleash audit"), ("C3RND", "random", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("catalog-alerts", add(c, seconds=45), "B3AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job seo/sitemap-rebuild failed to complete", color="warning"))
s.bot("catalog-alerts", add(ALERT, seconds=9), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "CatalogApiErrorBudgetBurn", "catalog-api burning error budget 14x (5m/1h)"))
s.bot("catalog-alerts", add(ALERT_OK, seconds=9), "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "CatalogApiErrorBudgetBurn", "catalog-api error budget burn back to normal"))
for t, who, feat, what in [(CHANGE, "oskar.lind", "recs-in-product-cache", "enabled in *production*"), (OTHER_FLAG, "hana.ito", "checkout-new-address-form", "enabled in *production*"),
                           (FLAG_OFF, "mei.chen", "recs-in-product-cache", "disabled in *production*")]:
    s.bot("feature-flags", add(t, seconds=3), "B3UNL", "unleash",
          attachments=[{"color": "3F51B5", "fallback": "%s %s" % (feat, what), "text": "%s %s feature *%s* %s" % (":triangular_flag_on_post:", who, feat, what), "mrkdwn_in": ["text"]}])
ch = "incident-catalog-1021"
s.say(ch, add(ACK, seconds=45), "U3OSK", "acked. product pages 504, postgres statement timeouts on the product query. DB CPU pegged")
s.say(ch, WRONG, "U3PER", "autovacuum on products maybe? it ran long last week")
s.say(ch, add(WRONG, seconds=60), "U3OSK", "no vacuum running, it's just a flood of the same SELECT by sku")
s.say(ch, ROLLBACK_Q, "U3GUS", "should we roll back today's catalog-api deploy?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U3OSK", "that went out at 16:20 and was fine for 1.5h. pulling in Mei for the cache side")
s.say(ch, DIAG, "U3MEI", "catalog redis is at maxmemory and evicting ~4k keys/s since 17:58. the recs-in-product-cache flag from 17:12 is filling it with big recs blobs, so product keys get evicted and every miss goes to postgres - cache stampede")
s.say(ch, add(FLAG_OFF, seconds=20), "U3MEI", "flag off. deleting the recs:* keys now so memory comes back")
s.say(ch, add(UNLINK, seconds=15), "U3MEI", "UNLINKed 1.9M recs:* keys, used_memory 3.9G, evictions stopped")
s.say(ch, add(MITIGATED, seconds=40), "U3OSK", "504s gone, DB CPU dropping")
s.say(ch, add(RESOLVED, seconds=-60), "U3MEI", "30 min stable, resolving. follow-up: recs blobs get their own redis + eviction alert")
s.bot(ch, COMMS, "B3SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - product pages slow",
      "title": "Investigating - Product pages slow or failing", "text": "Some product pages load slowly or fail. We are investigating.", "mrkdwn_in": ["text"]}])
s.say("random", T(D + "17:20:00"), "U3HANA", "fika in 10")
s.write(inc, "slack")

inc.truth(
    "catalog-redis-evictions", "cache-eviction-stampede",
    "A feature flag started storing large recommendation blobs in the shared catalog Redis; at maxmemory it evicted product keys,\n"
    "the misses stampeded Postgres and product pages timed out until the flag was turned off and the blobs deleted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "recs-in-product-cache enabled in production", "unleash-events.json", 60),
     (STARTED, "first_symptom", "Redis reaches maxmemory and starts evicting keys", "redis-catalog.om", 60),
     (CUST, "first_symptom", "first statement timeout / 504 on product pages", "pg-catalog-primary.log", 90),
     (ALERT, "alert_fired", "CatalogApiErrorBudgetBurn firing", "am-received.ndjson", 60),
     (PAGE, "paged", "PagerDuty #30877 triggered", "pd-30877.json", 60),
     (ACK, "acknowledged", "Oskar acknowledges", "pd-30877.json", 60),
     (COMMS, "communication", "Statuspage: product pages slow or failing", "slack", 90),
     (DIAG, "diagnosis", "Mei: Redis at maxmemory, flag fills it with recs blobs, misses stampede Postgres", "slack", 90),
     (FLAG_OFF, "mitigation", "recs-in-product-cache disabled in production", "unleash-events.json", 60),
     (UNLINK, "mitigation", "recs:* keys deleted, memory freed, evictions stop", "slack", 90),
     (MITIGATED, "recovery", "timeouts and 504s stop", "catalog-api.log", 90),
     (ALERT_OK, "alert_resolved", "CatalogApiErrorBudgetBurn resolved", "am-received.ndjson", 60)],
    [(CRON[-1], "sitemap-rebuild job fails daily ~17:30 UTC (permission denied on seo_redirects)", "pg-catalog-primary.log"),
     (OTHER_FLAG, "checkout-new-address-form flag enabled by checkout team", "unleash-events.json"),
     (OTHER_DEPLOY, "checkout-web deploy by checkout team", "deploys.json"),
     (T(D + "17:52:30"), "ElasticsearchHeapHigh flapping for search team", "am-received.ndjson"),
     (WRONG, "wrong hunch: autovacuum on products", "slack"),
     (ROLLBACK_Q, "'should we roll back today's catalog-api deploy?' question", "slack"),
     (T(D + "16:20:05"), "catalog-api deploy 1.5 h before, not the cause", "deploys.json"),
     (T(D + "19:00:00"), "steady image CDN 404 warnings, reporting slow queries, BGSAVE lines all window", "catalog-api.log")],
    [("redis-catalog.om", "openmetrics"), ("redis.log", "logs"), ("pg-catalog-primary.log", "logs"), ("catalog-api.log", "logs"),
     ("unleash-events.json", "deploys"), ("deploys.json", "deploys"), ("am-received.ndjson", "alertmanager-webhook"),
     ("pd-30877.json", "pagerduty-log-entries"), ("slack", "slack-export")])
