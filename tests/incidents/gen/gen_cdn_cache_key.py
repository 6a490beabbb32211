"""retired5/cdn-cache-key: a CloudFront cache-policy change adds User-Agent to the cache key; the hit ratio collapses
and the small www origin fleet is overwhelmed (thundering herd) until the policy is reverted and the cache warms."""
import math
import random
from common import *

rng = random.Random(20260924)
inc = Incident("retired5", "cdn-cache-key")
D = "2026-09-24 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")          # typed loosely: "1 to 4 pm UTC"
CRON = [T("2026-09-%02d 13:15:%02d" % (d, 2 + d % 7)) for d in (21, 22, 23, 24)]
OTHER_DEPLOY = T(D + "13:41:20")
CHANGE = T(D + "14:02:10")
PROPAGATED = T(D + "14:06:00")
STARTED = T(D + "14:06:41")
WARN_ALERT = T(D + "14:09:30")
PAGE_ALERT = T(D + "14:11:00")
PAGE = T(D + "14:11:05")
ACK = T(D + "14:14:40")
WRONG1 = T(D + "14:18:05")
ROLLBACK_Q = T(D + "14:19:30")
WRONG2 = T(D + "14:21:50")
DIAG = T(D + "14:26:10")
COMMS = T(D + "14:28:00")
REVERT = T(D + "14:31:05")
REVERT_LIVE = T(D + "14:35:30")
MITIGATED = T(D + "14:44:20")
WARN_OK = T(D + "14:47:00")
PAGE_OK = T(D + "14:49:30")
RESOLVED = T(D + "15:20:00")
HOSTS = ["web-0%d" % i for i in range(1, 7)]
DIST = "E2K9QX7TLM3RA"


def hit_ratio(t):
    if t < PROPAGATED:
        return 0.93
    if t < REVERT_LIVE:
        return 0.09
    return 0.93 - 0.84 * math.exp(-(t - REVERT_LIVE).total_seconds() / 330.0)


def err_prob(t):
    """chance that an edge miss ends in a 5xx (origin overloaded)"""
    if not (STARTED <= t < MITIGATED):
        return 0.0
    if t < REVERT_LIVE:
        return min(0.45, 0.05 + (t - STARTED).total_seconds() / 600.0)
    return max(0.02, 0.45 * (1 - (t - REVERT_LIVE).total_seconds() / (MITIGATED - REVERT_LIVE).total_seconds()))


PATHS = ["/", "/c/shoes", "/c/shoes?page=2", "/c/jackets", "/p/trail-runner-2-%d", "/p/down-parka-%d", "/search?q=boots",
         "/static/app.9c1e2f.js", "/static/app.9c1e2f.css", "/img/hero/autumn-%d.webp", "/c/kids", "/p/wool-beanie-%d"]
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
       "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.51 Mobile Safari/537.36",
       "Mozilla/5.0 (X11; Linux x86_64; rv:142.0) Gecko/20100101 Firefox/142.0",
       "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]
POPS = ["FRA56-P3", "FRA60-P1", "AMS58-P2", "LHR61-C1", "CDG55-P4"]


def path():
    p = rng.choice(PATHS)
    return p % rng.randint(100, 999) if "%d" in p else p

# ---- CloudFront standard log (sampled), UTC date/time columns, gzipped
cf = ["#Version: 1.0",
      "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) "
      "cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for "
      "ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port "
      "time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end"]
rows = []


def CF(t, status, result, detail, p, tt, size):
    u = t.astimezone(UTC)
    full = p
    stem, _, q = full.partition("?")
    ua = rng.choice(UAS).replace(" ", "%20")
    rid = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(56)) + "=="
    ctype = "text/html;charset=utf-8" if not stem.startswith(("/static", "/img")) else ("image/webp" if stem.startswith("/img") else "application/javascript")
    rows.append((t, "\t".join([u.strftime("%Y-%m-%d"), u.strftime("%H:%M:%S"), rng.choice(POPS), str(size),
                               "%d.%d.%d.%d" % (rng.randint(31, 217), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
                               "GET", "d3k1x9q2plm8ab.cloudfront.net", stem, str(status), "https://www.acme.example/", ua, q or "-", "-",
                               result, rid, "www.acme.example", "https", str(rng.randint(300, 900)), "%.3f" % tt, "-", "TLSv1.3",
                               "TLS_AES_128_GCM_SHA256", result, "HTTP/2.0", "-", "-", str(rng.randint(30000, 65000)), "%.3f" % (tt * 0.95),
                               detail, ctype, str(size), "-", "-"])))


for t in poisson_times(rng, W0, W1, 0.9):
    p = path()
    if rng.random() < hit_ratio(t):
        CF(t, 200, "Hit", "Hit", p, rng.uniform(0.001, 0.012), rng.randint(2000, 90000))
    elif rng.random() < err_prob(t):
        st = rng.choice([504, 504, 502, 503])
        CF(t, st, "Error", "OriginCommError" if st == 502 else ("OriginReadTimeout" if st == 504 else "Error"), p,
           30.0 if st == 504 else rng.uniform(0.5, 3.0), 915)
    else:
        slow = 0.05 if err_prob(t) == 0 else rng.uniform(1.5, 9.0)
        CF(t, 200, "Miss", "Miss", p, rng.uniform(0.04, 0.2) + slow, rng.randint(2000, 90000))
    if rng.random() < 0.01:       # steady bots probing, every hour
        CF(add(t, seconds=0.3), 404, "Error", "Error", rng.choice(["/wp-login.php", "/.env", "/xmlrpc.php"]), 0.08, 560)
CF(add(STARTED, seconds=0.4), 504, "Error", "OriginReadTimeout", "/c/shoes", 30.0, 915)
CF(add(MITIGATED, seconds=-0.6), 502, "Error", "OriginCommError", "/p/down-parka-412", 1.2, 915)
inc.lines("%s.2026-09-24-13.b71f03aa.gz" % DIST, cf + [l for _, l in sorted(rows, key=lambda x: x[0])])

# ---- nginx error log on web-02 (server clock UTC, nginx writes no offset)
ng = []
conn = [7712003]


def NG(t, lvl, msg):
    conn[0] += rng.randint(3, 400)
    ng.append((t, "%s [%s] %d#%d: *%d %s" % (t.strftime("%Y/%m/%d %H:%M:%S"), lvl, 2211, 2211, conn[0], msg)))


for t in poisson_times(rng, STARTED, MITIGATED, 0.35):
    if rng.random() < err_prob(t) * 2:
        p = path()
        NG(t, "error", 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 130.176.%d.%d, '
           'server: www.acme.example, request: "GET %s HTTP/1.1", upstream: "http://unix:/run/www/gunicorn.sock:%s", host: "origin-www.acme.example"'
           % (rng.randint(0, 255), rng.randint(1, 254), p, p))
for t in poisson_times(rng, add(STARTED, minutes=3), add(REVERT_LIVE, minutes=4), 0.05):
    NG(t, "warn", "an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/%d/%02d/%010d while reading upstream, client: "
       "130.176.%d.%d, server: www.acme.example, request: \"GET /c/jackets HTTP/1.1\"" % (rng.randint(1, 9), rng.randint(0, 99), rng.randint(10 ** 9, 10 ** 10 - 1), rng.randint(0, 255), rng.randint(1, 254)))
NG(STARTED, "error", 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 130.176.12.77, '
   'server: www.acme.example, request: "GET /c/shoes HTTP/1.1", upstream: "http://unix:/run/www/gunicorn.sock:/c/shoes", host: "origin-www.acme.example"')
NG(add(MITIGATED, seconds=-1.5), "error", 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 130.176.40.3, '
   'server: www.acme.example, request: "GET /p/down-parka-412 HTTP/1.1", upstream: "http://unix:/run/www/gunicorn.sock:/p/down-parka-412", host: "origin-www.acme.example"')
for t in poisson_times(rng, W0, W1, 1 / 150.0):       # benign, all day
    NG(t, "crit", "SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: %d.%d.%d.%d, server: 0.0.0.0:443"
       % (rng.randint(31, 217), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    NG(t, "warn", 'client sent invalid "Host" header "%d.%d.%d.%d" while reading client request headers, client: 45.%d.%d.%d, server: www.acme.example'
       % (rng.randint(10, 99), 1, 2, 3, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))
inc.lines("web02-error.log", [l for _, l in sorted(ng, key=lambda x: x[0])])

# ---- journalctl -o json on web-04 (gunicorn, cron, sitemap job)
jr = []
cur = [0x41a20]


def J(t, ident, pid, prio, msg, unit="www.service"):
    cur[0] += rng.randint(1, 9)
    us = int(round(epoch(t) * 1e6))
    jr.append((t, jline({"__CURSOR": "s=8c2e0f1d9a4b4f7e8a51c3d2e6f70a19;i=%x;b=5f0d3c1e2a7b4c9d8e6f1a2b3c4d5e6f;m=%x;t=%x;x=%s" % (cur[0], us - 1758000000000000, us, hexid(rng, 16)),
                         "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1758000000000000),
                         "_BOOT_ID": "5f0d3c1e2a7b4c9d8e6f1a2b3c4d5e6f", "PRIORITY": str(prio), "SYSLOG_FACILITY": "3",
                         "_UID": "998", "_GID": "998", "_HOSTNAME": "web-04", "_TRANSPORT": "stdout",
                         "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_COMM": ident, "_SYSTEMD_UNIT": unit,
                         "MESSAGE": msg})))


def gts(t):
    return t.strftime("[%Y-%m-%d %H:%M:%S +0000]")


for t in poisson_times(rng, W0, W1, 1 / 90.0):
    J(t, "gunicorn", 1871, 4, "Not Found: /%s" % (rng.choice(["apple-touch-icon.png", "wp-login.php", "favicon-32x32.png", "ads.txt"])))
for t in poisson_times(rng, add(STARTED, seconds=40), add(MITIGATED, seconds=-60), 0.06):
    J(t, "gunicorn", 1871, 2, "%s [1871] [CRITICAL] WORKER TIMEOUT (pid:%d)" % (gts(t), rng.randint(20000, 39000)))
    J(add(t, seconds=0.4), "gunicorn", 1871, 3, "%s [%d] [ERROR] Error handling request /c/%s" % (gts(t), rng.randint(20000, 39000), rng.choice(["shoes", "jackets", "kids"])))
    J(add(t, seconds=0.9), "gunicorn", 1871, 6, "%s [%d] [INFO] Booting worker with pid: %d" % (gts(add(t, seconds=0.9)), rng.randint(20000, 39000), rng.randint(40000, 49000)))
for t in frange(add(W0, seconds=31), W1, 60):
    lt = t
    busy = 17 if hit_ratio(t) > 0.8 else 32
    J(lt, "www-exporter", 1633, 6, "gunicorn workers busy=%d/32 backlog=%d" % (min(32, busy + rng.randint(0, 5)) if STARTED <= t < MITIGATED else rng.randint(3, 11),
                                                                               rng.randint(200, 2048) if STARTED <= t < MITIGATED else 0), unit="www-exporter.service")
c = CRON[-1]
J(add(c, seconds=-2), "CRON", 40811, 6, "(www) CMD (/opt/www/bin/sitemap-rebuild --all >/dev/null)", unit="cron.service")
J(add(c, seconds=37), "sitemap-rebuild", 40813, 3, "ERROR upload failed: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied (s3://acme-www-sitemaps/sitemap-index.xml)", unit="cron.service")
J(add(c, seconds=37.2), "CRON", 40811, 6, "pam_unix(cron:session): session closed for user www", unit="cron.service")
inc.lines("web-04.json", [l for _, l in sorted(jr, key=lambda x: x[0])])

# ---- prometheus query_range: origin request rate per host (30 s)
base = {h: rng.uniform(38, 52) for h in HOSTS}


def rps(h):
    def f(t):
        miss = 1 - hit_ratio(t)
        load = base[h] * miss / 0.07
        cap = 260.0
        if load > cap:
            load = cap + rng.uniform(-12, 6)
        return load * rng.uniform(0.95, 1.05)
    return f


inc.json("origin_rps.json", query_range([({"instance": h + ":9113", "job": "www-origin", "env": "prod"}, rps(h)) for h in HOSTS],
                                         W0, W1, 30, fmt="%.2f"), indent=None)

# ---- alertmanager webhook bodies (JSON lines, as captured by the archive receiver)
hk = []


def H(t, body):
    hk.append((t, jline(body)))


wl = {"severity": "warning", "team": "web", "service": "www-origin"}
H(add(WARN_ALERT, seconds=20), am_webhook("slack-web", [am_alert("WwwOriginSaturated", wl, "www origin request rate 6x baseline, gunicorn workers exhausted", WARN_ALERT)]))
H(add(WARN_OK, seconds=20), am_webhook("slack-web", [am_alert("WwwOriginSaturated", wl, "www origin request rate 6x baseline, gunicorn workers exhausted", WARN_ALERT, ends=WARN_OK)]))
pl = {"severity": "page", "team": "web", "service": "www"}
H(add(PAGE_ALERT, seconds=4), am_webhook("pagerduty-web", [am_alert("WwwEdge5xxRatio", pl, "CloudFront 5xx ratio for www.acme.example above 5%", PAGE_ALERT)]))
H(add(PAGE_OK, seconds=10), am_webhook("pagerduty-web", [am_alert("WwwEdge5xxRatio", pl, "CloudFront 5xx ratio for www.acme.example above 5%", PAGE_ALERT, ends=PAGE_OK)]))
kl = {"severity": "warning", "team": "data", "consumergroup": "clickstream-enricher", "topic": "clickstream.raw"}
for s_, e_ in [(T(D + "13:22:40"), T(D + "13:27:10")), (T(D + "13:58:10"), T(D + "14:01:40")), (T(D + "14:23:10"), T(D + "14:26:40")), (T(D + "15:05:40"), T(D + "15:09:10"))]:
    H(add(s_, seconds=15), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", kl, "clickstream-enricher lag > 50k on clickstream.raw", s_)]))
    H(add(e_, seconds=15), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLag", kl, "clickstream-enricher lag > 50k on clickstream.raw", s_, ends=e_)]))
H(add(CRON[-1], minutes=1), am_webhook("slack-seo", [am_alert("SitemapRebuildFailed", {"severity": "ticket", "team": "seo", "job": "sitemap-rebuild"},
                                                             "sitemap-rebuild has not succeeded in 24h", add(CRON[-1], seconds=45))]))
cl = {"severity": "warning", "team": "checkout", "service": "checkout-api"}
H(T(D + "13:44:30"), am_webhook("slack-checkout", [am_alert("CheckoutApiLatencyP99", cl, "checkout-api p99 > 1.2s", T(D + "13:44:10"))]))
H(T(D + "13:49:20"), am_webhook("slack-checkout", [am_alert("CheckoutApiLatencyP99", cl, "checkout-api p99 > 1.2s", T(D + "13:44:10"), ends=T(D + "13:49:00"))]))
inc.lines("am-archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- GitHub Deployments API (repos/acme/infra-edge and acme/checkout, merged by a script)
def GH(i, t, repo, sha, ref, env, who, desc, state_t):
    return {"url": "https://api.github.com/repos/acme/%s/deployments/%d" % (repo, 1840000 + i), "id": 1840000 + i,
            "node_id": "DE_kwDO" + uid(repo + sha, 14), "sha": sha, "ref": ref, "task": "deploy", "payload": {},
            "original_environment": env, "environment": env, "description": desc,
            "creator": {"login": who, "id": 50000 + i, "type": "User"}, "created_at": iso(t), "updated_at": iso(state_t),
            "statuses_url": "https://api.github.com/repos/acme/%s/deployments/%d/statuses" % (repo, 1840000 + i),
            "repository_url": "https://api.github.com/repos/acme/%s" % repo, "transient_environment": False, "production_environment": True}


dep = [GH(1, T("2026-09-23 10:12:40"), "infra-edge", hexid(rng, 40), "main", "cdn-prod", "kofi-web", "cloudfront: add /img/hero/* behavior (long TTL)", T("2026-09-23 10:19:02")),
       GH(2, OTHER_DEPLOY, "checkout", hexid(rng, 40), "v2026.09.24-2", "production", "marta-checkout", "checkout-api v2026.09.24-2 (payment method sorting)", add(OTHER_DEPLOY, seconds=380)),
       GH(3, CHANGE, "infra-edge", "7d3e9b14c2a05f8e61d07b9a3c45e2f1d8a6b0c9", "main", "cdn-prod", "jonas-web",
          "cloudfront: cache policy www-default include header User-Agent (device-specific hero images, WEB-812)", add(CHANGE, seconds=228)),
       GH(4, REVERT, "infra-edge", "c1a8f0e27b5d94a3e6f2d18b0c7a9e54f3b2d106", "main", "cdn-prod", "tomas-web",
          "Revert \"cloudfront: cache policy www-default include header User-Agent\"", add(REVERT, seconds=265)),
       GH(5, T(D + "15:36:12"), "checkout", hexid(rng, 40), "v2026.09.24-3", "production", "marta-checkout", "checkout-api v2026.09.24-3", T(D + "15:42:30"))]
inc.json("deployments.json", list(reversed(dep)))

# ---- pagerduty log entries
pd = PD(22091, "WwwEdge5xxRatio CloudFront 5xx ratio for www.acme.example above 5%", "www", "PWWW042")
priya = PD.user("Priya Nair", "PPRNAIR")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Priya Nair by SMS.", user=priya)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Priya Nair by phone.", user=priya)
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "phone"}, "Acknowledged by Priya Nair.")
pd.add(add(PAGE_OK, seconds=11), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Nair.")
inc.json("pd-22091.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r, tz in [("UPRIYA", "priya", "Priya Nair", "Europe/Berlin"), ("UTOMAS", "tomas", "Tomás Ferreira", "Europe/Lisbon"),
                    ("UJONAS", "jonas", "Jonas Weber", "Europe/Berlin"), ("UMARTA", "marta", "Marta Kowalczyk", "Europe/Warsaw"),
                    ("UELIF", "elif", "Elif Demir", "Europe/Istanbul")]:
    s.user(u, n, r, tz)
s.user("UGHBOT", "github", "GitHub", bot=True)
for cid, n in [("CWEBAL", "web-alerts"), ("CINC2209", "inc-2209-www-errors"), ("CDEPLOY", "deploys")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("web-alerts", add(c, minutes=1, seconds=5), "BAM01", "alertmanager",
          attachments=am_slack_attachment("firing", "SitemapRebuildFailed", "sitemap-rebuild has not succeeded in 24h", color="warning"))
s.bot("web-alerts", add(WARN_ALERT, seconds=21), "BAM01", "alertmanager", attachments=am_slack_attachment("firing", "WwwOriginSaturated", "www origin request rate 6x baseline, gunicorn workers exhausted", color="warning"))
s.bot("web-alerts", add(PAGE_ALERT, seconds=5), "BAM01", "alertmanager", attachments=am_slack_attachment("firing", "WwwEdge5xxRatio", "CloudFront 5xx ratio for www.acme.example above 5%"))
s.bot("web-alerts", add(WARN_OK, seconds=21), "BAM01", "alertmanager", attachments=am_slack_attachment("resolved", "WwwOriginSaturated", "www origin request rate back to normal"))
s.bot("web-alerts", add(PAGE_OK, seconds=11), "BAM01", "alertmanager", attachments=am_slack_attachment("resolved", "WwwEdge5xxRatio", "CloudFront 5xx ratio for www.acme.example"))
import datetime as _d
for d in dep:
    t = _d.datetime.fromisoformat(d["updated_at"].replace("Z", "+00:00"))
    s.bot("deploys", t, "BGH01", "GitHub", blocks=pd_slack_blocks("Deployment to *%s* succeeded: `%s` %s (%s)" % (d["environment"], d["sha"][:7], d["description"], d["creator"]["login"])))
ch = "inc-2209-www-errors"
s.say(ch, add(ACK, seconds=45), "UPRIYA", "acked. edge 5xx ~20%, all six origins pinned, gunicorn worker timeouts on web-04")
s.say(ch, add(ACK, seconds=120), "UELIF", "joining. origin rps went from ~45/s per box to 250+ around 14:06")
s.say(ch, WRONG1, "UMARTA", "checkout went out at 13:41, could the new payment sorting be calling www for every render?")
s.say(ch, ROLLBACK_Q, "UELIF", "should we roll back checkout just in case?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UPRIYA", "checkout talks to its own origin, not www. holding")
s.say(ch, WRONG2, "UJONAS", "lots of different user agents in the edge logs, maybe a scraper/bot wave? want me to turn on the WAF rate rule?")
s.say(ch, DIAG, "UTOMAS", "it's not more traffic, it's misses: hit ratio fell from 93% to under 10% at 14:06. jonas's 14:02 cache policy change put User-Agent in the cache key, so every UA string is its own cache object and everything goes to origin")
s.say(ch, add(DIAG, seconds=40), "UJONAS", "ugh, yes, that was meant to be CloudFront-Is-Mobile-Viewer. sorry")
s.say(ch, COMMS, "UPRIYA", "status page updated: 'Slow pages and errors on acme.example, we have identified the cause'")
s.say(ch, add(REVERT, seconds=15), "UTOMAS", "revert deploying to cdn-prod now, cloudfront will take a few minutes to propagate")
s.say(ch, T(D + "14:38:20"), "UELIF", "hit ratio climbing, 55% and rising. origins still hot while the cache warms")
s.say(ch, T(D + "14:45:30"), "UPRIYA", "no 5xx at the edge since ~14:44")
s.say(ch, add(RESOLVED, seconds=-50), "UPRIYA", "hit ratio back to 92%, origins at baseline for 30 min. resolving. follow-ups: cache-key review in CI, origin autoscaling")
s.write(inc, "slack")

inc.truth(
    "cdn-cache-key", "cdn-cache-key-thundering-herd",
    "A CloudFront cache-policy change put User-Agent into the cache key; the hit ratio fell from 93% to under 10% and the six-host\n"
    "www origin was overwhelmed (edge 502/504) until the change was reverted, then recovered slowly as the cache warmed.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "infra-edge deploy: cache policy www-default includes User-Agent (jonas-web)", "deployments.json", 60),
     (STARTED, "first_symptom", "first origin upstream timeout / edge 504 OriginReadTimeout", "web02-error.log", 60),
     (WARN_ALERT, "alert_fired", "WwwOriginSaturated firing (warning)", "am-archive.ndjson", 60),
     (PAGE, "paged", "PagerDuty #22091 triggered for WwwEdge5xxRatio", "pd-22091.json", 60),
     (ACK, "acknowledged", "Priya acknowledges by phone", "pd-22091.json", 60),
     (DIAG, "diagnosis", "Tomás: User-Agent in the cache key, hit ratio collapsed, misses flood origin", "slack", 90),
     (COMMS, "communication", "status page updated", "slack", 90),
     (REVERT, "mitigation", "revert of the cache policy deployed to cdn-prod", "deployments.json", 60),
     (MITIGATED, "recovery", "last edge 5xx; origins cope as the cache warms", "web02-error.log", 60),
     (PAGE_OK, "alert_resolved", "WwwEdge5xxRatio resolved", "am-archive.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd-22091.json", 60)],
    [(CRON[-1], "sitemap-rebuild cron fails with S3 AccessDenied every day at 13:15", "web-04.json"),
     (OTHER_DEPLOY, "checkout-api deploy by the checkout team", "deployments.json"),
     (T(D + "13:44:10"), "CheckoutApiLatencyP99 for the checkout team", "am-archive.ndjson"),
     (T(D + "13:58:10"), "KafkaConsumerGroupLag flapping for the data team", "am-archive.ndjson"),
     (WRONG1, "wrong hunch: checkout deploy calling www", "slack"),
     (ROLLBACK_Q, "'should we roll back checkout?' question", "slack"),
     (WRONG2, "wrong hunch: scraper/bot wave, WAF rule", "slack"),
     (T(D + "15:36:12"), "second checkout-api deploy after recovery", "deployments.json"),
     (T(D + "13:30:00"), "steady SSL handshake failures, invalid Host headers, 404 probes and Not Found warnings all window", "web02-error.log")],
    [("%s.2026-09-24-13.b71f03aa.gz" % DIST, "logs"), ("web02-error.log", "logs"), ("web-04.json", "logs"),
     ("origin_rps.json", "prometheus-query-range"), ("am-archive.ndjson", "alertmanager-webhook"), ("deployments.json", "deploys"),
     ("pd-22091.json", "pagerduty-log-entries"), ("slack", "slack-export")])
