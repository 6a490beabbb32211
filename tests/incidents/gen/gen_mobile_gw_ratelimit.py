"""retired8/mobile-gw-ratelimit: a Kong rate-limiting change keyed on the client IP, which for the mobile routes is the
CDN edge; every user behind one CDN POP shares a 600/min bucket and the app gets 429s until the change is reverted."""
import random
from common import *

rng = random.Random(20260422)
inc = Incident("retired8", "mobile-gw-ratelimit")
D = "2026-04-22 "
W0, W1 = T(D + "09:30:00"), T(D + "12:00:00")
DRIFT = [T("2026-04-%02d 10:00:%02d" % (d, 9 + d % 7)) for d in (18, 19, 20, 21, 22)]
BFF_DEPLOY = T(D + "09:48:12")
SYNC_CREATED = T(D + "10:14:31")
SYNC_START = T(D + "10:14:33")
SYNC_DONE = T(D + "10:15:05")
STARTED = T(D + "10:15:04")
ALERT = T(D + "10:21:00")
PAGE = T(D + "10:21:31")
ACK = T(D + "10:26:48")
WRONG = T(D + "10:30:50")
ROLLBACK_Q = T(D + "10:32:40")
STATUS = T(D + "10:35:30")
OTHER_DEPLOY = T(D + "10:37:15")
DIAG = T(D + "10:39:10")
REVERT_START = T(D + "10:47:52")
REVERT_DONE = T(D + "10:48:29")
MITIGATED = T(D + "10:48:25")
ALERT_OK = T(D + "10:52:30")
RESOLVED = T(D + "11:12:00")

def bad(t):
    return STARTED <= t < MITIGATED

# CDN edge addresses the mobile traffic arrives from (Kong sees these as client_ip)
POPS = {"FRA": ["151.101.66.%d" % i for i in (17, 23, 41)], "AMS": ["151.101.38.%d" % i for i in (9, 12)],
        "LHR": ["151.101.193.%d" % i for i in (5, 44, 71)], "CDG": ["151.101.120.%d" % i for i in (3, 30)],
        "MAD": ["151.101.134.%d" % i for i in (8,)], "WAW": ["151.101.186.%d" % i for i in (14, 15)]}
EDGE = [ip for v in POPS.values() for ip in v]
POP_429 = {"FRA": 0.62, "AMS": 0.48, "LHR": 0.66, "CDG": 0.41, "MAD": 0.22, "WAW": 0.30}
MOBILE_PATHS = [("GET", "/v2/feed"), ("GET", "/v2/feed"), ("GET", "/v2/me"), ("GET", "/v2/orders?limit=20"),
                ("POST", "/v2/cart/items"), ("GET", "/v2/products/%d"), ("POST", "/v2/checkout"), ("GET", "/v2/search?q=%s"),
                ("POST", "/v2/events/batch")]
WEB_PATHS = [("GET", "/web/session"), ("GET", "/web/products/%d"), ("POST", "/web/cart"), ("GET", "/web/recommendations")]
APPS = ["AcmeShop/7.3.1 (iPhone; iOS 19.4; Scale/3.00)", "AcmeShop/7.3.1 (Android 16; Pixel 9)", "AcmeShop/7.2.8 (Android 15; SM-S921B)",
        "AcmeShop/7.3.0 (iPad; iPadOS 19.3; Scale/2.00)"]
BROWSERS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.4 Safari/605.1.15"]
NODES = ["kong-dp-7c9d5f6b8-4xkqp", "kong-dp-7c9d5f6b8-9wz2m", "kong-dp-7c9d5f6b8-tq7hn"]

def uri(p):
    if "%d" in p:
        return p % rng.randint(10000, 99999)
    if "%s" in p:
        return p % rng.choice(["sneakers", "rain+jacket", "usb-c", "lego", "coffee"])
    return p

def kong_line(t, route, method, path, status, source, client_ip, xff, ua, proxy_ms, consumer=None, extra_h=None):
    svc = {"mobile-v2": ("mobile-bff", "mobile-bff.mobile.svc.cluster.local"), "web": ("web-bff", "web-bff.web.svc.cluster.local"),
           "partner-api": ("partner-gw", "partner-gw.partners.svc.cluster.local")}[route]
    rh = {"content-type": "application/json; charset=utf-8", "connection": "keep-alive", "x-kong-request-id": hexid(rng, 32)}
    if source == "kong":
        rh.update(extra_h or {})
        lat = {"kong": rng.randint(0, 2), "proxy": -1, "request": rng.randint(0, 3), "receive": 0}
    else:
        rh["x-kong-upstream-latency"] = str(proxy_ms)
        lat = {"kong": rng.randint(0, 2), "proxy": proxy_ms, "request": proxy_ms + rng.randint(1, 4), "receive": 0}
    o = {"request": {"method": method, "uri": path, "url": "https://api.acme.shop:443" + path, "size": rng.randint(380, 1900),
                     "querystring": {}, "headers": {"host": "api.acme.shop", "user-agent": ua, "x-forwarded-for": xff,
                                                    "accept": "application/json", "cdn-loop": "Fastly"} if route != "partner-api" else
                     {"host": "api.acme.shop", "user-agent": ua, "accept": "application/json"}},
         "upstream_uri": path, "response": {"status": status, "size": rng.randint(300, 14000) if status == 200 else rng.randint(120, 260),
                                             "headers": rh},
         "route": {"name": route, "protocols": ["https"], "paths": ["/" + route.split("-")[-1]] if route != "partner-api" else ["/partner"]},
         "service": {"name": svc[0], "host": svc[1], "port": 8080, "protocol": "http"},
         "latencies": lat, "client_ip": client_ip, "started_at": int(epoch(t) * 1000), "source": source,
         "workspace": "8c1f0a9e-6c8d-4b0b-9a4e-2f1a7c55d0d3"}
    if consumer:
        o["consumer"] = {"username": consumer}
    o["upstream_status"] = "" if source == "kong" else str(status)
    o["node"] = rng.choice(NODES)
    return json.dumps(o, separators=(",", ":"))

# ---- kong file-log (JSON lines), gzipped
kl = []
def user_ip():
    return "%d.%d.%d.%d" % (rng.choice([31, 46, 77, 82, 89, 92, 176, 185, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
for t in poisson_times(rng, W0, W1, 0.55):
    r = rng.random()
    if r < 0.72:
        pop = rng.choice(list(POPS))
        edge = rng.choice(POPS[pop])
        m, p = rng.choice(MOBILE_PATHS)
        p = uri(p)
        ua = rng.choice(APPS)
        if bad(t) and rng.random() < POP_429[pop]:
            kl.append((t, kong_line(t, "mobile-v2", m, p, 429, "kong", edge, "%s, %s" % (user_ip(), edge), ua, 0,
                                    extra_h={"ratelimit-limit": "600", "ratelimit-remaining": "0", "ratelimit-reset": str(60 - t.second),
                                             "retry-after": str(60 - t.second), "x-ratelimit-limit-minute": "600",
                                             "x-ratelimit-remaining-minute": "0"})))
        elif rng.random() < 0.004:  # benign: recs upstream timeout behind the feed, all day
            kl.append((t, kong_line(t, "mobile-v2", "GET", "/v2/feed", 504, "upstream", edge, "%s, %s" % (user_ip(), edge), ua, 10000)))
        elif rng.random() < 0.01:   # benign: expired app tokens
            kl.append((t, kong_line(t, "mobile-v2", m, p, 401, "upstream", edge, "%s, %s" % (user_ip(), edge), ua, rng.randint(3, 9))))
        else:
            kl.append((t, kong_line(t, "mobile-v2", m, p, 200 if m == "GET" else rng.choice([200, 201]), "upstream", edge,
                                    "%s, %s" % (user_ip(), edge), ua, rng.randint(18, 240))))
    elif r < 0.93:
        m, p = rng.choice(WEB_PATHS)
        ip = user_ip()
        edge = rng.choice(EDGE)
        kl.append((t, kong_line(t, "web", m, uri(p), 200, "upstream", edge, "%s, %s" % (ip, edge), rng.choice(BROWSERS), rng.randint(12, 180))))
    else:
        # partner catalogue sync, rate limited per consumer all day (old, intended limit)
        ip = "35.187.%d.%d" % (rng.randint(10, 20), rng.randint(1, 254))
        if rng.random() < 0.3:
            kl.append((t, kong_line(t, "partner-api", "GET", "/partner/v1/catalog?page=%d" % rng.randint(1, 900), 429, "kong", ip, "", "python-requests/2.32.3", 0,
                                    consumer="pricewatch-sync", extra_h={"ratelimit-limit": "120", "ratelimit-remaining": "0", "retry-after": "17",
                                                                          "x-ratelimit-limit-minute": "120", "x-ratelimit-remaining-minute": "0"})))
        else:
            kl.append((t, kong_line(t, "partner-api", "GET", "/partner/v1/catalog?page=%d" % rng.randint(1, 900), 200, "upstream", ip, "",
                                    "python-requests/2.32.3", rng.randint(40, 400), consumer="pricewatch-sync")))
# first and last rejected mobile requests, to the second
e0, e1 = POPS["LHR"][1], POPS["FRA"][0]
kl.append((add(STARTED, seconds=0.183), kong_line(add(STARTED, seconds=0.183), "mobile-v2", "GET", "/v2/feed", 429, "kong", e0, "%s, %s" % (user_ip(), e0), APPS[0], 0,
                                            extra_h={"ratelimit-limit": "600", "ratelimit-remaining": "0", "retry-after": "56",
                                                     "x-ratelimit-limit-minute": "600", "x-ratelimit-remaining-minute": "0"})))
kl.append((add(MITIGATED, seconds=-0.9), kong_line(add(MITIGATED, seconds=-0.9), "mobile-v2", "POST", "/v2/events/batch", 429, "kong", e1, "%s, %s" % (user_ip(), e1), APPS[1], 0,
                                                extra_h={"ratelimit-limit": "600", "ratelimit-remaining": "0", "retry-after": "36",
                                                         "x-ratelimit-limit-minute": "600", "x-ratelimit-remaining-minute": "0"})))
kl = [x for x in kl if not (x[0] >= MITIGATED and '"status":429' in x[1] and '"mobile-v2"' in x[1])]
kl.sort(key=lambda x: x[0])
inc.lines("kong-dp/file-log.json.gz", [l for _, l in kl])

# ---- prometheus query_range: kong request rates by route/code
def mob(code):
    def f(t):
        base = 410 + 60 * ((int(epoch(t)) // 300) % 3) + 3 * ((int(epoch(t)) // 30) % 7)
        share = 0.0
        if STARTED <= t < MITIGATED:
            share = 0.515 + 0.02 * ((int(epoch(t)) // 60) % 4)
            if t < add(STARTED, seconds=60):
                share *= (t - STARTED).total_seconds() / 60.0
        elif MITIGATED <= t < add(MITIGATED, seconds=60):
            share = 0.53 * (1 - (t - MITIGATED).total_seconds() / 60.0)
        if code == "429":
            return base * share
        if code == "200":
            return base * (1 - share) * 0.985
        return base * (1 - share) * 0.011
    return f
def web(t):
    return 190 + 25 * ((int(epoch(t)) // 300) % 2) + 2 * ((int(epoch(t)) // 30) % 5)
def partner(code):
    return lambda t: (7.2 if code == "200" else 3.1) + 0.1 * ((int(epoch(t)) // 30) % 3)
series = [({"route": "mobile-v2", "service": "mobile-bff", "code": c}, mob(c)) for c in ("200", "401", "429")]
series += [({"route": "web", "service": "web-bff", "code": "200"}, web)]
series += [({"route": "partner-api", "service": "partner-gw", "code": c}, partner(c)) for c in ("200", "429")]
qr = query_range(series, W0, W1, 30, fmt="%.3f")
inc.json("q_kong_route_code.json", qr, indent=None)

# ---- GitHub Actions workflow runs of acme/kong-config (gh api .../actions/runs)
repo = {"id": 611822014, "node_id": "R_kgDOJHn8fg", "name": "kong-config", "full_name": "acme/kong-config", "private": True,
        "html_url": "https://github.com/acme/kong-config", "owner": {"login": "acme", "id": 4411023, "type": "Organization"}}
def actor(login, id_):
    return {"login": login, "id": id_, "node_id": "U_kgDO%s" % uid(login, 6), "avatar_url": "https://avatars.githubusercontent.com/u/%d?v=4" % id_,
            "type": "User", "site_admin": False, "html_url": "https://github.com/" + login}
BOT = {"login": "github-actions[bot]", "id": 41898282, "node_id": "MDM6Qm90NDE4OTgyODI=", "type": "Bot", "site_admin": False,
       "avatar_url": "https://avatars.githubusercontent.com/in/15368?v=4", "html_url": "https://github.com/apps/github-actions"}
TOMASZ = actor("tkowalczyk", 18830211)
LENA = actor("lena-hofmann", 22109387)
runs = []
WF = {"deck-sync": (48120331, ".github/workflows/deck-sync.yml"), "drift-check": (48120332, ".github/workflows/drift-check.yml"),
      "deck-diff": (48120330, ".github/workflows/deck-diff.yml")}
num = {"deck-sync": 311, "drift-check": 402, "deck-diff": 288}
def run(wf, event, created, started, done, conclusion, title, who, sha, branch="main", msg=None, pr=None):
    num[wf] += 1
    rid = 8810000000 + int(epoch(created)) % 10000000
    r = {"id": rid, "name": wf, "node_id": "WFR_kwLOJHn8fs8AAAAC%s" % uid(str(rid), 8), "head_branch": branch, "head_sha": sha,
         "path": WF[wf][1], "display_title": title, "run_number": num[wf], "event": event, "status": "completed",
         "conclusion": conclusion, "workflow_id": WF[wf][0], "check_suite_id": 24000000000 + rid % 1000000,
         "url": "https://api.github.com/repos/acme/kong-config/actions/runs/%d" % rid,
         "html_url": "https://github.com/acme/kong-config/actions/runs/%d" % rid,
         "pull_requests": [] if pr is None else [{"number": pr, "url": "https://api.github.com/repos/acme/kong-config/pulls/%d" % pr}],
         "created_at": iso(created), "updated_at": iso(done), "actor": who, "run_attempt": 1, "referenced_workflows": [],
         "run_started_at": iso(started), "triggering_actor": who,
         "jobs_url": "https://api.github.com/repos/acme/kong-config/actions/runs/%d/jobs" % rid,
         "logs_url": "https://api.github.com/repos/acme/kong-config/actions/runs/%d/logs" % rid,
         "head_commit": {"id": sha, "tree_id": hexid(rng, 40), "message": msg or title, "timestamp": iso(add(created, seconds=-rng.randint(5, 40))),
                         "author": {"name": who.get("login"), "email": "%s@acme.shop" % who.get("login")},
                         "committer": {"name": "GitHub", "email": "noreply@github.com"}},
         "repository": repo, "head_repository": repo}
    runs.append(r)
for d in DRIFT:
    s = hexid(rng, 40)
    run("drift-check", "schedule", d, add(d, seconds=2), add(d, seconds=rng.randint(84, 97)), "failure", "drift-check", BOT, s)
for (c, who, title, msg) in [
        (T("2026-04-20 15:22:40"), LENA, "consumers: add pricewatch-sync partner (120/min)", None),
        (T("2026-04-21 09:58:03"), TOMASZ, "upstreams: raise mobile-bff healthcheck timeout to 2s", None)]:
    run("deck-sync", "push", c, add(c, seconds=2), add(c, seconds=rng.randint(30, 40)), "success", title, who, hexid(rng, 40), msg=msg)
run("deck-diff", "pull_request", T("2026-04-21 16:40:12"), T("2026-04-21 16:40:14"), T("2026-04-21 16:40:51"), "success",
    "rate-limit mobile-v2 routes per client (600/min)", TOMASZ, hexid(rng, 40), branch="tk/mobile-ratelimit", pr=412)
SHA_BAD = hexid(rng, 40)
run("deck-sync", "push", SYNC_CREATED, SYNC_START, SYNC_DONE, "success", "rate-limit mobile-v2 routes per client (600/min) (#412)", TOMASZ, SHA_BAD,
    msg="rate-limit mobile-v2 routes per client (600/min) (#412)\n\nplugins: rate-limiting on route mobile-v2\n  minute: 600, limit_by: ip, policy: redis\n\nCloses PLAT-2291")
run("deck-diff", "pull_request", T(D + "10:44:09"), T(D + "10:44:11"), T(D + "10:44:47"), "success",
    "Revert \"rate-limit mobile-v2 routes per client (600/min)\"", TOMASZ, hexid(rng, 40), branch="revert-412-tk/mobile-ratelimit", pr=415)
run("deck-sync", "push", add(REVERT_START, seconds=-2), REVERT_START, REVERT_DONE, "success",
    "Revert \"rate-limit mobile-v2 routes per client (600/min)\" (#415)", TOMASZ, hexid(rng, 40),
    msg="Revert \"rate-limit mobile-v2 routes per client (600/min)\" (#415)\n\nThis reverts commit %s." % SHA_BAD)
runs.sort(key=lambda r: r["created_at"], reverse=True)
inc.json("kong-config-runs.json", {"total_count": len(runs), "workflow_runs": runs})

# ---- alert rules
inc.write("rules/gateway.yaml", """groups:
  - name: gateway
    interval: 30s
    rules:
      - alert: KongMobileRejectRatio
        expr: |
          sum(rate(kong_http_requests_total{route="mobile-v2",code=~"429|5.."}[5m]))
            / sum(rate(kong_http_requests_total{route="mobile-v2"}[5m])) > 0.05
        for: 5m
        labels:
          severity: page
          team: platform
        annotations:
          summary: "mobile-v2: {{ $value | humanizePercentage }} of requests rejected or failing at the gateway"
          runbook_url: https://runbooks.acme.internal/platform/kong-mobile
      - alert: KongUpstreamLatencyHigh
        expr: histogram_quantile(0.99, sum by (le, service) (rate(kong_upstream_latency_ms_bucket[5m]))) > 2000
        for: 10m
        labels:
          severity: warning
          team: platform
        annotations:
          summary: "{{ $labels.service }} upstream p99 above 2s"
  - name: data
    rules:
      - alert: KafkaConsumerGroupLag
        expr: sum by (group) (kafka_consumergroup_lag) > 50000
        for: 2m
        labels:
          severity: warning
          team: data
        annotations:
          summary: "consumer group {{ $labels.group }} lag above 50k"
""")

# ---- alertmanager webhook bodies, one per line
hk = []
def H(t, body):
    hk.append((t, jline(body)))
PL = {"severity": "page", "team": "platform", "route": "mobile-v2"}
H(add(ALERT, seconds=30), am_webhook("pagerduty-platform", [am_alert("KongMobileRejectRatio", PL, "mobile-v2: 41.8% of requests rejected or failing at the gateway", ALERT)]))
H(add(ALERT_OK, seconds=31), am_webhook("pagerduty-platform", [am_alert("KongMobileRejectRatio", PL, "mobile-v2: 41.8% of requests rejected or failing at the gateway", ALERT, ends=ALERT_OK)]))
kl_ = {"severity": "warning", "team": "data", "group": "clickstream-sessionizer"}
for a, b in [("09:41:30", "09:47:00"), ("10:03:30", "10:06:00"), ("10:29:00", "10:33:30"), ("10:58:30", "11:02:00"), ("11:36:00", "11:39:30")]:
    s_, e_ = T(D + a), T(D + b)
    H(add(s_, seconds=30), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", kl_, "consumer group clickstream-sessionizer lag above 50k", s_)]))
    H(add(e_, seconds=30), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", kl_, "consumer group clickstream-sessionizer lag above 50k", s_, ends=e_)]))
ul = {"severity": "warning", "team": "platform", "service": "recs-api"}
U0 = T(D + "11:20:30")
H(add(U0, seconds=30), am_webhook("slack-platform", [am_alert("KongUpstreamLatencyHigh", ul, "recs-api upstream p99 above 2s", U0)]))
H(T(D + "11:31:30"), am_webhook("slack-platform", [am_alert("KongUpstreamLatencyHigh", ul, "recs-api upstream p99 above 2s", U0, ends=T(D + "11:31:00"))]))
inc.lines("am-hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty log entries
pd = PD(48812, "KongMobileRejectRatio mobile-v2: 41.8% of requests rejected or failing at the gateway", "api-gateway", "PGW0042")
aisha = PD.user("Aisha Rahman", "PAISHA7")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMGW01", "summary": "Alertmanager prod",
         "self": "https://api.pagerduty.com/services/PGW0042/integrations/PAMGW01"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Aisha Rahman by push notification.",
       user=aisha, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, {"type": "auto"}, "Notified Aisha Rahman by phone.",
       user=aisha, notification={"type": "phone_notification", "status": "success", "address": "+4420*****81"})
pd.add(ACK, "acknowledge_log_entry", aisha, {"type": "mobile"}, "Acknowledged by Aisha Rahman.", acknowledgement_timeout=1800)
pd.add(add(DIAG, seconds=150), "annotate_log_entry", aisha, {"type": "web_ui", "summary": "rate limit on mobile-v2 keyed on CDN edge IP; reverting kong-config #412"}, "Note added")
pd.add(add(ALERT_OK, seconds=31), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; incident left open (auto-resolve off)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", aisha, {"type": "web_ui"}, "Resolved by Aisha Rahman.")
other = PD(48807, "Disk usage above 90% on gitlab-runner-04", "ci-runners", "PCIRUN3")
rui = PD.user("Rui Santos", "PRUISN2")
other.add(T(D + "09:52:10"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "09:52:11"), "notify_log_entry", None, None, "Notified Rui Santos by email.", user=rui)
other.add(T(D + "10:02:45"), "acknowledge_log_entry", rui, {"type": "web_ui"}, "Acknowledged by Rui Santos.")
other.add(T(D + "10:40:19"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-log-entries.json", ex)

# ---- slack export
s = Slack()
for u, n, r, tz in [("U04AISHA", "aisha", "Aisha Rahman", "Europe/London"), ("U04TOMK", "tomasz", "Tomasz Kowalczyk", "Europe/Warsaw"),
                    ("U04LENA", "lena", "Lena Hofmann", "Europe/Berlin"), ("U04OWEN", "owen", "Owen Clarke", "Europe/London"),
                    ("U04PRIYA", "priya", "Priya Nair", "Europe/London"), ("U04MARC", "marco", "Marco Bianchi", "Europe/Rome")]:
    s.user(u, n, r, tz)
s.user("U04ARGO", "argocd", "Argo CD", bot=True)
for cid, n, p in [("C04INC", "inc-mobile-errors", "Incident channel"), ("C04DEP", "deploys", "Argo CD sync notifications"),
                  ("C04SUP", "support-escalations", "Customer support escalations"), ("C04PLT", "platform-alerts", "Platform alert feed")]:
    s.channel(cid, n, p)
s.bot("platform-alerts", add(ALERT, seconds=31), "B04AM", "alertmanager",
      attachments=am_slack_attachment("firing", "KongMobileRejectRatio", "mobile-v2: 41.8% of requests rejected or failing at the gateway\nseverity: page"))
s.bot("platform-alerts", add(ALERT_OK, seconds=32), "B04AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "KongMobileRejectRatio", "mobile-v2 reject ratio back under 5%"))
s.bot("platform-alerts", add(U0, seconds=31), "B04AM", "alertmanager",
      attachments=am_slack_attachment("firing", "KongUpstreamLatencyHigh", "recs-api upstream p99 above 2s", color="warning"))
def argo(t, app, rev, who):
    s.bot("deploys", t, "B04ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *%s* sync succeeded\nRevision: `%s`\nInitiated by: %s\nEnvironment: prod-eu" % (app, rev, who)))
argo(BFF_DEPLOY, "mobile-bff", "v3.41.0 (9e1c44a)", "marco")
argo(OTHER_DEPLOY, "orders-svc", "v8.2.3 (41aa0c9)", "ci-orders")
argo(T(D + "11:26:40"), "search-indexer", "v1.19.0 (c7d2e80)", "ci-search")
ch = "inc-mobile-errors"
s.say(ch, add(ACK, seconds=70), "U04AISHA", "acked. KongMobileRejectRatio: ~40% of mobile-v2 requests getting 429 from kong itself (source=kong, no upstream latency). web routes look fine")
s.say(ch, add(ACK, seconds=95), "U04AISHA", "started ~10:15 per the route graph")
s.say(ch, WRONG, "U04OWEN", "could this be a bot / credential-stuffing wave? lots of traffic from 151.101.x in the logs, maybe the WAF should block those")
s.say(ch, add(WRONG, seconds=48), "U04AISHA", "151.101 is fastly, that's our CDN, not a bot")
s.say(ch, ROLLBACK_Q, "U04MARC", "should we roll back mobile-bff? 3.41 went out at 09:48")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U04AISHA", "the bff never sees these requests, kong answers 429 before proxying. don't think it's the bff")
s.say(ch, STATUS, "U04PRIYA", "status page posted: 'Some app users see \"Too many requests\" errors. Website unaffected. Investigating.'")
s.say("support-escalations", T(D + "10:31:20"), "U04PRIYA", "heads up, app store reviews + 30ish tickets in 15 min: 'too many requests, try again later' in the app")
s.say(ch, add(STATUS, seconds=150), "U04LENA", "ratelimit-limit header on those 429s says 600. we don't have a 600 limit on mobile anywhere I know of")
s.say(ch, DIAG, "U04TOMK", "that's mine, sorry: the new per-client rate limit on mobile-v2 is limit_by ip, and for mobile the client ip kong sees is the fastly edge, not the user. every POP shares one 600/min bucket")
s.say(ch, add(DIAG, seconds=45), "U04TOMK", "reverting the kong-config PR, deck-sync will push it")
s.say(ch, add(DIAG, seconds=110), "U04AISHA", "ok go. lena can you check why real_ip/trusted_ips isn't set for the fastly ranges, for the retry later")
s.say(ch, add(REVERT_DONE, seconds=35), "U04TOMK", "revert synced, 429s on mobile-v2 gone in the logs")
s.say(ch, add(ALERT_OK, seconds=90), "U04AISHA", "KongMobileRejectRatio resolved, route graph back to normal")
s.say(ch, T(D + "10:56:00"), "U04PRIYA", "status page -> monitoring")
s.say(ch, add(RESOLVED, seconds=-40), "U04AISHA", "20 min clean, resolving. follow-ups: trusted_ips for CDN ranges, rate limit change needs a canary route")
s.say("support-escalations", T(D + "11:03:00"), "U04PRIYA", "ticket rate back to baseline")
s.write(inc, "slack")

inc.truth(
    "mobile-gw-ratelimit", "gateway-rate-limit-keyed-on-cdn-ip",
    "A kong-config merge (deck-sync via GitHub Actions) added a 600/min rate limit on the mobile-v2 route keyed on the client IP,\n"
    "which for app traffic is the CDN edge; users behind each POP shared one bucket and ~40-60% of app requests got 429 until the change was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYNC_START, "change", "deck-sync run for kong-config #412 (rate-limiting limit_by ip on mobile-v2) pushes the config", "kong-config-runs.json", 60),
     (STARTED, "first_symptom", "first 429 from kong (source=kong) on mobile-v2", "kong-dp/file-log.json.gz", 60),
     (ALERT, "alert_fired", "KongMobileRejectRatio firing", "am-hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #48812 triggered, Aisha notified", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Aisha acknowledges", "pd-log-entries.json", 60),
     (STATUS, "communication", "status page: app users see 'Too many requests'", "slack", 60),
     (DIAG, "diagnosis", "Tomasz: per-client limit keyed on ip, which is the Fastly edge for mobile; POPs share a bucket", "slack", 60),
     (REVERT_START, "mitigation", "deck-sync of the revert (#415)", "kong-config-runs.json", 60),
     (MITIGATED, "recovery", "last 429 on mobile-v2; rejections stop", "kong-dp/file-log.json.gz", 60),
     (ALERT_OK, "alert_resolved", "KongMobileRejectRatio resolved", "am-hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-log-entries.json", 60)],
    [(DRIFT[-1], "drift-check scheduled workflow fails every day at ~10:00 UTC", "kong-config-runs.json"),
     (BFF_DEPLOY, "mobile-bff 3.41.0 sync earlier in the morning (not the cause)", "slack"),
     (OTHER_DEPLOY, "orders team syncs orders-svc 8.2.3", "slack"),
     (T(D + "10:29:00"), "KafkaConsumerGroupLag (data team) flapping all morning", "am-hooks.ndjson"),
     (T(D + "09:52:10"), "unrelated PagerDuty incident: gitlab-runner-04 disk usage", "pd-log-entries.json"),
     (U0, "KongUpstreamLatencyHigh for recs-api after the incident", "am-hooks.ndjson"),
     (WRONG, "wrong hunch: bot / credential-stuffing wave from 151.101.x", "slack"),
     (ROLLBACK_Q, "'should we roll back mobile-bff?' question, not done", "slack"),
     (T(D + "11:00:00"), "steady partner-api 429s (pricewatch-sync's own limit), feed 504s and 401s all window", "kong-dp/file-log.json.gz")],
    [("kong-dp/file-log.json.gz", "logs"), ("q_kong_route_code.json", "prometheus-query-range"), ("kong-config-runs.json", "deploys"),
     ("rules/gateway.yaml", "alert-rules"), ("am-hooks.ndjson", "alertmanager-webhook"), ("pd-log-entries.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
