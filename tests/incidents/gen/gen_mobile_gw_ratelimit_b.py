"""retired8/mobile-gw-ratelimit-b: a Kong decK sync from the kong-config pipeline puts a partner-tier per-consumer
rate limit (600/min) on the mobile-bff consumer; the gateway answers 429 to most mobile traffic until the
sync is reverted.  The change is visible only in the Buildkite builds export."""
import random
from common import *

rng = random.Random(20260422)
inc = Incident("retired8", "mobile-gw-ratelimit-b")
D = "2026-04-22 "
W0, W1 = T(D + "13:00:00"), T(D + "15:30:00")
CRON = [T("2026-04-%02d 02:05:%02d" % (d, 10 + d)) for d in (19, 20, 21, 22)]
OTHER_BUILD = T(D + "13:38:20")       # search team's deploy pipeline
OTHER_DEPLOYED = T(D + "13:41:05")
BUILD = T(D + "14:01:12")
SYNC = T(D + "14:03:00")              # decK sync step applies the config
STARTED = T(D + "14:03:07")           # first 429 with X-RateLimit-Limit-Minute 600 for mobile-bff
ALERT = T(D + "14:06:38")
PAGE = T(D + "14:06:48")
ACK = T(D + "14:09:55")
WRONG1 = T(D + "14:11:40")
ROLLBACK_Q = T(D + "14:14:30")
COMMS = T(D + "14:16:00")
WRONG2 = T(D + "14:17:05")
DIAG = T(D + "14:19:20")
DIAG2 = T(D + "14:21:05")
REVERT_BUILD = T(D + "14:24:02")
REVERT_SYNC = T(D + "14:25:41")
MITIGATED = T(D + "14:25:46")
ALERT_OK = T(D + "14:29:10")
RESOLVED = T(D + "14:55:00")
NODES = ["kong-dp-7c9f8-4xk2p", "kong-dp-7c9f8-9wqlm", "kong-dp-7c9f8-hn6tz"]


def limited(t):
    """mobile-bff: 600 requests per minute pass (about the first 4 s of each minute), the rest get 429."""
    return STARTED <= t < MITIGATED and t.second >= 4


# ---- Kong file-log plugin, 0.3% sample shipped by the log pipeline (JSON lines)
kl = []
ROUTES = [("mobile-bff", "GET", "/v2/catalog/products", 0.35), ("mobile-bff", "GET", "/v2/cart", 0.2),
          ("mobile-bff", "POST", "/v2/cart/items", 0.1), ("mobile-bff", "GET", "/v2/orders", 0.08),
          ("web-storefront", "GET", "/v2/catalog/products", 0.12), ("partner-basic", "GET", "/v2/catalog/feed", 0.05),
          ("partner-gold", "GET", "/v2/catalog/feed", 0.04), ("reports-ui", "GET", "/v2/reports/daily", 0.06)]
def K(t, consumer, method, path, status, lat_up, lat_kong, rl=None):
    hdr = {"content-type": "application/json", "x-kong-upstream-latency": str(lat_up), "x-kong-proxy-latency": str(lat_kong)}
    if rl:
        hdr.update({"x-ratelimit-limit-minute": str(rl[0]), "x-ratelimit-remaining-minute": str(rl[1]),
                    "ratelimit-limit": str(rl[0]), "ratelimit-remaining": str(rl[1])})
        if status == 429:
            hdr["retry-after"] = str(60 - t.second)
    kl.append((t, jline({
        "started_at": int(epoch(t) * 1000), "client_ip": "10.40.%d.%d" % (rng.randint(0, 15), rng.randint(2, 250)),
        "consumer": {"username": consumer, "id": uuid("consumer" + consumer)},
        "route": {"name": path.strip("/").replace("/", "-")}, "service": {"name": path.split("/")[2] + "-svc"},
        "request": {"method": method, "uri": path, "size": rng.randint(300, 900),
                    "headers": {"user-agent": "okhttp/4.12.0" if consumer == "mobile-bff" else "Go-http-client/2.0"}},
        "response": {"status": status, "size": rng.randint(180, 320) if status == 429 else rng.randint(900, 40000), "headers": hdr},
        "latencies": {"request": lat_up + lat_kong, "kong": lat_kong, "proxy": lat_up},
        "upstream_uri": path, "workspace": "default", "node": rng.choice(NODES)})))
for t in poisson_times(rng, W0, W1, 0.5):
    r = rng.random()
    acc = 0
    for consumer, m, p, w in ROUTES:
        acc += w
        if r < acc:
            break
    if consumer == "mobile-bff" and limited(t):
        K(t, consumer, m, p, 429, 0, rng.randint(0, 2), (600, 0))
        continue
    if consumer == "mobile-bff" and STARTED <= t < MITIGATED:
        K(t, consumer, m, p, 200, rng.randint(12, 90), rng.randint(0, 3), (600, rng.randint(1, 599)))
        continue
    if consumer == "partner-basic":
        st = 429 if rng.random() < 0.12 else 200    # partner-basic always hits its own 120/min now and then
        K(t, consumer, m, p, st, 0 if st == 429 else rng.randint(40, 300), rng.randint(0, 2), (120, 0 if st == 429 else rng.randint(1, 119)))
        continue
    if consumer == "reports-ui" and rng.random() < 0.15:
        K(t, consumer, m, p, 504, 60000, rng.randint(0, 2))   # reports backend timing out all day
        continue
    K(t, consumer, m, p, 200, rng.randint(10, 120), rng.randint(0, 3))
K(STARTED, "mobile-bff", "GET", "/v2/catalog/products", 429, 0, 1, (600, 0))
K(add(MITIGATED, seconds=-2), "mobile-bff", "GET", "/v2/cart", 429, 0, 1, (600, 0))
inc.lines("gw/dp-sample.jsonl.gz", [l for _, l in sorted(kl, key=lambda x: x[0])])

# ---- mobile-bff (Go, logfmt)
bl = []
def B(t, lvl, caller, msg, **kv):
    bl.append((t, logfmt([("ts", iso(t, ms=True)), ("level", lvl), ("caller", caller), ("msg", msg)] + list(kv.items()))))
for t in poisson_times(rng, W0, W1, 0.5):
    if limited(t) and rng.random() < 0.93:
        B(t, "error", "gateway/client.go:212", "upstream call failed", upstream="api-gw", path=rng.choice(["/v2/cart", "/v2/catalog/products", "/v2/orders"]),
          status=429, err="429 Too Many Requests: API rate limit exceeded", retry_after="%ds" % (60 - t.second))
        if rng.random() < 0.5:
            B(add(t, seconds=0.004), "warn", "handler/errors.go:48", "returning 503 to app", screen=rng.choice(["home", "cart", "pdp", "orders"]), app_version=rng.choice(["8.14.1", "8.15.0"]))
    else:
        B(t, "info", "handler/log.go:30", "request", path=rng.choice(["/m/home", "/m/cart", "/m/pdp", "/m/orders"]), status=200, dur="%dms" % rng.randint(30, 180))
for t in poisson_times(rng, W0, W1, 1 / 55.0):
    B(t, "warn", "push/apns.go:97", "push token unregistered, dropping", apns_status=410, reason="Unregistered")
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    B(t, "warn", "gateway/client.go:198", "context deadline exceeded calling reports", upstream="api-gw", path="/v2/reports/daily", timeout="3s")
inc.lines("bff.out", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- Prometheus query_range: sum by (consumer, code) (rate(kong_http_requests_total[1m]))
QS, QE = T(D + "13:00:00"), T(D + "15:30:00")
def rate(consumer, code):
    base = {"mobile-bff": 148.0, "web-storefront": 41.0, "partner-basic": 1.7}[consumer]
    def fn(t):
        # 1m rate window: the series lags the change by up to a minute
        frac = 0.0
        for s in range(0, 60, 5):
            u = add(t, seconds=-s)
            if consumer == "mobile-bff" and STARTED <= u < MITIGATED:
                frac += 0.92 / 12
        noise = 1 + rng.uniform(-0.04, 0.04)
        if consumer == "partner-basic":
            return base * (0.12 if code == "429" else 0.88) * noise
        if code == "429":
            return round(base * frac * noise, 3) if frac else 0.0
        return base * (1 - frac) * noise
    return fn
series = [({"consumer": c, "code": code}, rate(c, code)) for c in ("mobile-bff", "partner-basic") for code in ("200", "429")]
series.append(({"consumer": "web-storefront", "code": "200"}, rate("web-storefront", "200")))
inc.json("q/kong_rate.json", query_range(series, QS, QE, 30))

# ---- Buildkite builds export (GET /v2/organizations/acme/builds)
def build(num, pipeline, msg, author, branch, commit, created, finished, jobs, state="passed"):
    return {"id": uuid("bk%d" % num), "graphql_id": "QnVpbGQtLS0" + uid("g%d" % num, 20), "url": "https://api.buildkite.com/v2/organizations/acme/pipelines/%s/builds/%d" % (pipeline, num),
            "web_url": "https://buildkite.com/acme/%s/builds/%d" % (pipeline, num), "number": num, "state": state, "blocked": False,
            "message": msg, "commit": commit, "branch": branch, "source": "webhook",
            "creator": {"id": uuid("u" + author), "name": author, "email": author.lower().replace(" ", ".") + "@acme.example"},
            "created_at": iso(created, ms=True), "scheduled_at": iso(created, ms=True), "started_at": iso(add(created, seconds=4), ms=True),
            "finished_at": iso(finished, ms=True),
            "jobs": [{"id": uuid("job%d%s" % (num, n)), "type": "script", "name": n, "step_key": n.split()[0].lower(), "state": "passed",
                      "command": c, "agent": {"name": "bk-deploy-%d" % (num % 3 + 1)}, "exit_status": 0,
                      "started_at": iso(s, ms=True), "finished_at": iso(f, ms=True)} for n, c, s, f in jobs],
            "pipeline": {"slug": pipeline, "name": pipeline}}
builds = [
    build(4811, "kong-config", "consumer docs: fix typo in partner onboarding README", "Lena Okafor", "main", hexid(rng, 40),
          T(D + "09:12:40"), T(D + "09:14:02"),
          [(":deck: deck diff", "deck gateway diff --select-tag managed-by-deck", T(D + "09:12:50"), T(D + "09:13:20")),
           (":deck: deck sync (prod)", "deck gateway sync --select-tag managed-by-deck", T(D + "09:13:35"), T(D + "09:14:00"))]),
    build(2290, "search-indexer", "Bump analyzer for multi-word synonyms (#1184)", "Tomasz Wrobel", "main", hexid(rng, 40),
          OTHER_BUILD, OTHER_DEPLOYED,
          [(":docker: build", "make image", add(OTHER_BUILD, seconds=5), add(OTHER_BUILD, seconds=95)),
           (":kubernetes: deploy prod", "kubectl -n search rollout restart deploy/search-indexer && kubectl rollout status deploy/search-indexer", add(OTHER_BUILD, seconds=100), OTHER_DEPLOYED)]),
    build(4812, "kong-config", "rate-limiting: per-consumer limits for partner tiers (PLAT-2291)", "Lena Okafor", "main", hexid(rng, 40),
          BUILD, add(SYNC, seconds=3),
          [(":deck: deck diff", "deck gateway diff --select-tag managed-by-deck", add(BUILD, seconds=8), add(BUILD, seconds=41)),
           (":deck: deck sync (prod)", "deck gateway sync --select-tag managed-by-deck", add(BUILD, seconds=95), add(SYNC, seconds=2))]),
    build(4813, "kong-config", "Revert \"rate-limiting: per-consumer limits for partner tiers (PLAT-2291)\"", "Lena Okafor", "main", hexid(rng, 40),
          REVERT_BUILD, add(REVERT_SYNC, seconds=2),
          [(":deck: deck diff", "deck gateway diff --select-tag managed-by-deck", add(REVERT_BUILD, seconds=6), add(REVERT_BUILD, seconds=36)),
           (":deck: deck sync (prod)", "deck gateway sync --select-tag managed-by-deck", add(REVERT_BUILD, seconds=60), add(REVERT_SYNC, seconds=1))]),
    build(2291, "search-indexer", "Add index alias swap metrics", "Tomasz Wrobel", "main", hexid(rng, 40),
          T(D + "15:12:03"), T(D + "15:15:48"),
          [(":docker: build", "make image", T(D + "15:12:08"), T(D + "15:13:40")),
           (":kubernetes: deploy prod", "kubectl -n search rollout restart deploy/search-indexer && kubectl rollout status deploy/search-indexer", T(D + "15:13:45"), T(D + "15:15:48"))]),
]
inc.json("builds-2026-04-22.json", sorted(builds, key=lambda b: b["created_at"], reverse=True))

# ---- Alertmanager webhook bodies (ndjson)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
pl = {"severity": "page", "team": "mobile", "service": "mobile-bff"}
H(add(ALERT, seconds=9), am_webhook("pd-mobile", [am_alert("MobileBffUpstreamErrors", pl, "mobile-bff upstream error ratio 61.4%", ALERT,
                                                         desc="More than 5% of mobile-bff calls to api-gw fail for 3m")]))
H(add(ALERT_OK, seconds=9), am_webhook("pd-mobile", [am_alert("MobileBffUpstreamErrors", pl, "mobile-bff upstream error ratio 61.4%", ALERT, ends=ALERT_OK)]))
rl = {"severity": "warning", "team": "reporting", "service": "reports-api"}
for a, b in [("13:08:15", "13:19:45"), ("13:44:15", "13:51:45"), ("14:12:15", "14:20:45"), ("14:47:15", "14:53:45"), ("15:18:15", None)]:
    H(add(T(D + a), seconds=9), am_webhook("slack-reporting", [am_alert("ReportsApiLatencyHigh", rl, "reports-api p95 above 20s", T(D + a))]))
    if b:
        H(add(T(D + b), seconds=9), am_webhook("slack-reporting", [am_alert("ReportsApiLatencyHigh", rl, "reports-api p95 above 20s", T(D + a), ends=T(D + b))]))
pbl = {"severity": "info", "team": "partnerships", "consumer": "partner-basic"}
H(T(D + "13:25:09"), am_webhook("slack-partners", [am_alert("PartnerQuotaNearlyExhausted", pbl, "partner-basic consumer used 88% of its daily quota", T(D + "13:25:00"))]))
inc.lines("am/hooks-0422.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(30417, "MobileBffUpstreamErrors mobile-bff upstream error ratio", "mobile-bff", "PMOB7Q2")
amaka = PD.user("Amaka Eze", "PAMAKA4")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Amaka Eze by phone call.", user=amaka)
pd.add(ACK, "acknowledge_log_entry", amaka, {"type": "phone"}, "Acknowledged by Amaka Eze.")
pd.add(add(ALERT_OK, seconds=9), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", amaka, {"type": "web_ui"}, "Resolved by Amaka Eze.")
inc.json("pd-30417.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("U01AMAKA", "amaka", "Amaka Eze"), ("U01LENA", "lena", "Lena Okafor"), ("U01RUI", "rui", "Rui Almeida"),
                ("U01TOM", "tomasz", "Tomasz Wrobel"), ("U01HANNA", "hanna", "Hanna Berg")]:
    s.user(u, n, r, "Europe/Berlin")
s.user("U01BOT", "statusbot", "Statuspage", bot=True)
for cid, n in [("C01MOBALR", "mobile-alerts"), ("C01INC", "inc-mobile-errors"), ("C01DATA", "data-jobs")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("data-jobs", c, "B01AIR", "airflow", attachments=am_slack_attachment("firing", "partner_catalog_export_nightly",
          "DAG partner_catalog_export_nightly failed: task upload_sftp -> paramiko.ssh_exception.AuthenticationException", color="warning"))
s.bot("mobile-alerts", add(ALERT, seconds=10), "B01AM", "alertmanager", attachments=am_slack_attachment("firing", "MobileBffUpstreamErrors", "mobile-bff upstream error ratio 61.4%"))
s.bot("mobile-alerts", add(ALERT_OK, seconds=10), "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "MobileBffUpstreamErrors", "mobile-bff upstream error ratio"))
ch = "inc-mobile-errors"
s.say(ch, add(ACK, seconds=35), "U01AMAKA", "ack'd. app is failing on basically every screen, bff logs are full of 429s from api-gw")
s.say(ch, WRONG1, "U01RUI", "search-indexer went out at 13:41, maybe search is slow and the gateway is shedding? :thinking_face:")
s.say(ch, add(WRONG1, seconds=50), "U01TOM", "indexer doesn't serve traffic, it only writes to ES. doubt it")
s.say(ch, ROLLBACK_Q, "U01HANNA", "should we roll back the bff to yesterday's build?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "U01AMAKA", "last bff deploy was Monday, nothing to roll back there")
s.say(ch, COMMS, "U01HANNA", "status page updated: 'Mobile app: many actions failing, we are investigating'")
s.say(ch, WRONG2, "U01RUI", "could Cloudflare be rate limiting our egress IPs? partner-basic had a quota warning earlier")
s.say(ch, DIAG, "U01AMAKA", "the 429s come from kong itself, not an upstream: x-ratelimit-limit-minute is 600 on the mobile-bff consumer. it should have no per-consumer limit at all")
s.say(ch, DIAG2, "U01LENA", "that's mine, sorry. the partner-tier limits change: the partner-basic limit ended up on the mobile-bff consumer block. reverting in kong-config now")
s.say(ch, add(REVERT_SYNC, seconds=50), "U01LENA", "revert synced, deck reports 1 plugin deleted")
s.say(ch, add(REVERT_SYNC, seconds=95), "U01AMAKA", "429s gone from the bff logs, app works for me again")
s.say(ch, add(RESOLVED, seconds=-40), "U01AMAKA", "error ratio flat for 25 min, resolving. follow-up: deck diff output on consumer plugins needs a second reviewer")
s.write(inc, "chat")

inc.truth(
    "mobile-gw-ratelimit-b", "gateway-rate-limit-config-throttles-internal-client",
    "A kong-config pipeline build (decK sync) meant to add partner-tier rate limits put a 600/min per-consumer limit on the\n"
    "mobile-bff consumer; Kong answered 429 to most mobile traffic until the sync was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYNC, "change", "kong-config build 4812 decK sync to prod (per-consumer limits for partner tiers)", "builds-2026-04-22.json", 60),
     (STARTED, "first_symptom", "first 429 with limit 600/min for the mobile-bff consumer", "gw/dp-sample.jsonl.gz", 60),
     (ALERT, "alert_fired", "MobileBffUpstreamErrors firing", "am/hooks-0422.ndjson", 60),
     (PAGE, "paged", "PagerDuty #30417 triggered", "pd-30417.json", 60),
     (ACK, "acknowledged", "Amaka acknowledges", "pd-30417.json", 60),
     (COMMS, "communication", "status page: mobile app actions failing", "chat", 90),
     (DIAG, "diagnosis", "Amaka: 429s come from Kong, limit 600/min on the mobile-bff consumer", "chat", 90),
     (REVERT_SYNC, "mitigation", "kong-config build 4813 (revert) decK sync to prod", "builds-2026-04-22.json", 60),
     (MITIGATED, "recovery", "429s for mobile-bff stop", "gw/dp-sample.jsonl.gz", 60),
     (ALERT_OK, "alert_resolved", "MobileBffUpstreamErrors resolved", "am/hooks-0422.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-30417.json", 60)],
    [(CRON[-1], "nightly partner_catalog_export DAG fails every day at 02:05", "chat"),
     (OTHER_DEPLOYED, "search-indexer deploy by the search team", "builds-2026-04-22.json"),
     (T(D + "15:15:48"), "second search-indexer deploy", "builds-2026-04-22.json"),
     (T(D + "13:08:15"), "ReportsApiLatencyHigh flapping all afternoon (reporting team)", "am/hooks-0422.ndjson"),
     (T(D + "13:25:00"), "PartnerQuotaNearlyExhausted info alert", "am/hooks-0422.ndjson"),
     (T(D + "13:30:00"), "steady reports 504s, partner-basic 429s and APNs 410 warnings all window", "bff.out"),
     (WRONG1, "wrong hunch: search-indexer deploy", "chat"),
     (ROLLBACK_Q, "'should we roll back the bff?' question", "chat"),
     (WRONG2, "wrong hunch: Cloudflare rate limiting egress", "chat")],
    [("gw/dp-sample.jsonl.gz", "logs"), ("bff.out", "logs"), ("q/kong_rate.json", "prometheus-query-range"),
     ("builds-2026-04-22.json", "deploys"), ("am/hooks-0422.ndjson", "alertmanager-webhook"),
     ("pd-30417.json", "pagerduty-log-entries"), ("chat", "slack-export")])
