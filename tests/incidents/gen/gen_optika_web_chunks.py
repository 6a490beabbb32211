"""retired11/optika-web-chunks: a reworked web deploy workflow syncs the SPA build to S3 with --delete and no longer
invalidates index.html (cached a day at the CDN); stale index.html and open tabs request the previous build's lazy
chunks, which now 403, so product and checkout pages break. The page is acked late after an escalation; an index.html
invalidation only partly helps (open tabs keep failing) until the previous build's assets are restored."""
import random
from common import *

rng = random.Random(20260915)
inc = Incident("retired11", "optika-web-chunks")
TZ = "Europe/Madrid"
D = "2026-09-15 "
W0, W1 = T(D + "12:30:00"), T(D + "15:30:00")
CRON = [T("2026-09-%02d 13:00:%02d" % (d, 20 + d % 9)) for d in (13, 14, 15)]
MERGE = T(D + "13:02:31")
RUN = T(D + "13:02:58")
SYNCED = T(D + "13:04:31")
STARTED = T(D + "13:04:52")
ALERT = T(D + "13:12:20")
PAGE = T(D + "13:12:50")
ESC = T(D + "13:27:50")
ACK = T(D + "13:31:15")
OTHER_DEPLOY = T(D + "13:20:05")
WRONG = T(D + "13:33:30")
DIAG = T(D + "13:35:10")
ROLLBACK_Q = T(D + "13:36:05")
INVAL = T(D + "13:38:40")          # mitigation 1: invalidate /index.html (partial)
INVAL_DONE = T(D + "13:39:32")
COMMS = T(D + "13:41:00")
RESTORE = T(D + "13:50:58")        # mitigation 2: restore previous build's assets
MITIGATED = T(D + "13:52:47")
ALERT_OK = T(D + "13:58:20")
FIX_MERGE = T(D + "14:22:10")
RESOLVED = T(D + "14:41:30")

OLD = {"index": "index-5c2e91f0.js", "product": "product-b81d02aa.js", "checkout": "checkout-3f9a1c7e.js", "css": "index-77d0c3e4.css"}
NEW = {"index": "index-a06b7f13.js", "product": "product-e7a3c5d9.js", "checkout": "checkout-9d40e2b1.js", "css": "index-1b9f6a2c.css"}
EDGES = ["MAD50-C1", "MAD50-C2", "BCN50-P1", "LIS50-C1", "CDG52-P3"]
UAS = ["Mozilla/5.0%20(iPhone;%20CPU%20iPhone%20OS%2018_6%20like%20Mac%20OS%20X)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Version/18.6%20Mobile/15E148%20Safari/604.1",
       "Mozilla/5.0%20(Linux;%20Android%2014;%20SM-A546B)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/128.0.0.0%20Mobile%20Safari/537.36",
       "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/128.0.0.0%20Safari/537.36",
       "Mozilla/5.0%20(Macintosh;%20Intel%20Mac%20OS%20X%2014_6)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Version/18.0%20Safari/605.1.15"]


def stale_share(t):
    """share of browsers still running the previous build's index.html (edge-cached index, then open tabs)."""
    if t < SYNCED:
        return 1.0
    if t < INVAL_DONE:
        return 0.82
    return max(0.05, 0.24 - (t - INVAL_DONE).total_seconds() / 20000.0)


def chunk_errors(t):
    if t < STARTED or t >= MITIGATED:
        return 0.0
    return 46.0 * stale_share(t) + rng.uniform(-2, 2)

# ---- CloudFront standard logs (hourly files, UTC)
FIELDS = ("date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query "
          "cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol "
          "ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte "
          "x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end")
cf = {}
def CF(t, ip, path, status, result, ctype, size, ref="-", ua=None, edge=None):
    u = t.astimezone(UTC)
    tt = rng.uniform(0.001, 0.09) if result == "Hit" else rng.uniform(0.02, 0.3)
    det = result
    line = "\t".join([u.strftime("%Y-%m-%d"), u.strftime("%H:%M:%S"), edge or rng.choice(EDGES), str(size), ip, "GET", "d2k9optk4x1mzq.cloudfront.net", path,
                      str(status), ref, ua or rng.choice(UAS), "-", "-", result,
                      "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(56)) + "==",
                      "www.optika.es", "https", str(rng.randint(300, 700)), "%.3f" % tt, "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", result, "HTTP/2.0",
                      "-", "-", str(rng.randint(30000, 65000)), "%.3f" % (tt * 0.9), det, ctype, str(size), "-", "-"])
    cf.setdefault(u.strftime("%Y-%m-%d-%H"), []).append((t, line))
def ip():
    return "%d.%d.%d.%d" % (rng.choice([2, 31, 79, 83, 88, 95, 176, 185, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
for t in poisson_times(rng, W0, W1, 0.22):
    c = ip(); ua = rng.choice(UAS); e = rng.choice(EDGES)
    page = rng.choice(["/", "/gafas-de-sol/", "/gafas-graduadas/rayban-rx5154", "/lentillas/", "/carrito"])
    stale_edge = SYNCED <= t < INVAL_DONE and rng.random() < 0.8
    build = OLD if t < SYNCED or stale_edge else NEW
    CF(t, c, page, 200, "Hit" if (t < SYNCED or stale_edge) else rng.choice(["Hit", "Miss"]), "text/html", rng.randint(2100, 2300), ua=ua, edge=e)
    ref = "https://www.optika.es" + page
    broken = build is OLD and t >= STARTED and t < MITIGATED
    for k in ("index", "css"):
        # entry chunks of the previous build are popular and mostly still in the edge cache; misses go to S3 and 403
        if broken and rng.random() < 0.5:
            CF(add(t, seconds=0.2), c, "/assets/" + build[k], 403, "Error", "application/xml", 243, ref, ua, e)
            break
        CF(add(t, seconds=0.2), c, "/assets/" + build[k], 200, "Hit", "application/javascript" if k == "index" else "text/css", rng.randint(40000, 190000), ref, ua, e)
    else:
        lazy = "checkout" if page == "/carrito" or rng.random() < 0.3 else "product"
        CF(add(t, seconds=rng.uniform(1, 40)), c, "/assets/" + build[lazy], 403 if broken else 200, "Error" if broken else "Hit",
           "application/xml" if broken else "application/javascript", 243 if broken else rng.randint(20000, 90000), ref, ua, e)
# open tabs from before the deploy navigating: lazy chunk requests of the previous build
for t in poisson_times(rng, W0, W1, 0.12):
    if t >= SYNCED and rng.random() > stale_share(t) / 0.82 * 0.6:
        continue
    broken = STARTED <= t < MITIGATED
    CF(t, ip(), "/assets/" + OLD[rng.choice(["checkout", "product", "product"])], 403 if broken else 200, "Error" if broken else "Hit",
       "application/xml" if broken else "application/javascript", 243 if broken else rng.randint(20000, 90000),
       "https://www.optika.es/" + rng.choice(["gafas-de-sol/", "carrito", "lentillas/"]))
CF(add(MITIGATED, seconds=-2), "83.44.201.7", "/assets/" + OLD["product"], 403, "Error", "application/xml", 243, "https://www.optika.es/gafas-de-sol/", UAS[1], "MAD50-C2")
CF(STARTED, "88.27.140.19", "/assets/" + OLD["checkout"], 403, "Error", "application/xml", 243, "https://www.optika.es/carrito", UAS[0], "MAD50-C1")
for t in poisson_times(rng, W0, W1, 1 / 40.0):
    CF(t, ip(), rng.choice(["/wp-login.php", "/.env", "/favicon-old.ico", "/apple-touch-icon-precomposed.png"]), 403, "Error", "application/xml", 243, "-",
       "Mozilla/5.0%20(compatible;%20scanner/1.0)" if rng.random() < 0.5 else None)
for hour, rows in sorted(cf.items()):
    body = ["#Version: 1.0", "#Fields: " + FIELDS] + [l for _, l in sorted(rows, key=lambda x: x[0])]
    inc.lines("cloudfront/E1OPT4K2X9QZ.%s.%s.gz" % (hour, uid(hour, 8)), body)

# ---- RUM client errors and checkout starts (query_range, 60 s)
def steady(v):
    return lambda t: round(max(0.0, v + rng.uniform(-v * 0.3, v * 0.3)), 2)
def checkout(t):
    v = 38.0 + rng.uniform(-3, 3)
    if STARTED <= t < MITIGATED:
        v *= 1 - 0.85 * stale_share(t)
    return round(v, 2)
inc.json("rum-errors.json", query_range([
    ({"__name__": "web:client_errors:per_min", "error_type": "ChunkLoadError", "app": "optika-web"}, lambda t: round(max(0.0, chunk_errors(t)), 2)),
    ({"__name__": "web:client_errors:per_min", "error_type": "ResizeObserverLoopError", "app": "optika-web"}, steady(14.0)),
    ({"__name__": "web:client_errors:per_min", "error_type": "TypeError", "app": "optika-web"}, steady(3.0)),
    ({"__name__": "web:checkout_started:per_min", "app": "optika-web"}, checkout)], W0, W1, 60))

# ---- gh run list --json
runs = []
for i, (t, dur, wf, title, ev, repo, concl, actor) in enumerate([
        (T("2026-09-14 16:41:10"), 301, "web-deploy", "release 2026.09.14-2: size guide modal", "push", "optika-web", "success", "marta-gil")] +
        [(add(c, seconds=-15), 44, "sitemap-generator", "sitemap-generator", "schedule", "optika-seo", "failure", "github-actions[bot]") for c in CRON] +
        [(RUN, (add(SYNCED, seconds=18) - RUN).total_seconds(), "web-deploy", "ci: move deploy to reusable workflow (#812)", "push", "optika-web", "success", "pablo-ruiz"),
         (OTHER_DEPLOY, 356, "deploy", "search-api: synonyms for 'progresivas'", "push", "optika-search", "success", "ines-vidal"),
         (add(INVAL, seconds=-12), 64, "cf-invalidate", "invalidate /index.html /", "workflow_dispatch", "optika-web", "success", "jordi-puig"),
         (RESTORE, (MITIGATED - RESTORE).total_seconds(), "restore-assets", "restore assets of 2026.09.14-2 (no delete)", "workflow_dispatch", "optika-web", "success", "jordi-puig"),
         (add(FIX_MERGE, seconds=20), 318, "web-deploy", "ci: keep previous builds' assets, invalidate index.html on deploy (#813)", "push", "optika-web", "success", "jordi-puig")]):
    rid = 10930040000 + i * 5113
    runs.append({"conclusion": concl, "createdAt": iso(t), "databaseId": rid, "displayTitle": title, "event": ev, "headBranch": "main",
                 "headSha": hexid(rng, 40), "name": wf, "status": "completed", "updatedAt": iso(add(t, seconds=dur)),
                 "url": "https://github.com/optika/%s/actions/runs/%d" % (repo, rid), "workflowName": wf, "actor": {"login": actor}})
inc.json("gh-runs.json", sorted(runs, key=lambda r: r["createdAt"], reverse=True))

# ---- git log of optika-web (default format)
gl = []
def C(t, who, mail, subj, body=()):
    lt = local(t, TZ)
    gl.append((t, "\n".join(["commit " + hexid(rng, 40), "Author: %s <%s>" % (who, mail), "Date:   " + lt.strftime("%a %b %-d %H:%M:%S %Y %z"), "", "    " + subj] + (["", *("    " + b for b in body)] if body else []) + [""])))
C(T("2026-09-14 16:38:02"), "Marta Gil", "marta.gil@optika.es", "feat(pdp): size guide modal (#809)")
C(T("2026-09-15 10:14:51"), "Ines Vidal", "ines.vidal@optika.es", "chore(search-ui): show synonyms hint (#811)")
C(MERGE, "Pablo Ruiz", "pablo.ruiz@optika.es", "ci: move deploy to reusable workflow (#812)",
  ["Uses optika/actions/.github/workflows/s3-spa-deploy.yml@v2:", "- aws s3 sync dist/ s3://optika-web-prod --delete", "- Cache-Control for index.html unchanged (s-maxage=86400)"])
C(FIX_MERGE, "Jordi Puig", "jordi.puig@optika.es", "ci: keep previous builds' assets, invalidate index.html on deploy (#813)",
  ["Drop --delete; prune assets older than 3 releases in a nightly job.", "Re-add the CloudFront invalidation of /index.html and /."])
inc.lines("optika-web.gitlog", [l for _, l in sorted(gl, key=lambda x: x[0], reverse=True)])

# ---- alertmanager webhook archive (reaches back to the 13th)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for c in CRON:
    l = {"severity": "ticket", "team": "seo", "job": "sitemap-generator"}
    H(add(c, seconds=70), am_webhook("slack-seo", [am_alert("ScheduledJobFailed", l, "sitemap-generator failed (S3 PutObject 403 on sitemaps/)", add(c, seconds=40))]))
wl = {"severity": "page", "team": "web", "app": "optika-web"}
H(add(ALERT, seconds=20), am_webhook("pagerduty-web", [am_alert("WebChunkLoadErrors", wl, "optika-web ChunkLoadError 38/min", ALERT, desc="sum(rate(web_client_errors_total{error_type=\"ChunkLoadError\"}[5m]))*60 > 10 for 3m")]))
H(add(ALERT_OK, seconds=20), am_webhook("pagerduty-web", [am_alert("WebChunkLoadErrors", wl, "optika-web ChunkLoadError 38/min", ALERT, ends=ALERT_OK)]))
sl = {"severity": "warning", "team": "search", "service": "search-api"}
for a, b in [("13:22:40", "13:26:10"), ("13:29:40", "13:34:40"), ("14:52:10", "14:55:40")]:
    H(add(T(D + a), seconds=20), am_webhook("slack-search", [am_alert("SearchApiLatencyHigh", sl, "search-api p95 > 400ms", T(D + a))]))
    H(add(T(D + b), seconds=20), am_webhook("slack-search", [am_alert("SearchApiLatencyHigh", sl, "search-api p95 > 400ms", T(D + a), ends=T(D + b))]))
el = {"severity": "warning", "team": "search", "cluster": "es-prod", "node": "es-data-2"}
H(T(D + "12:47:30"), am_webhook("slack-search", [am_alert("ElasticsearchDiskWatermarkLow", el, "es-data-2 disk above low watermark (85%)", T(D + "12:47:00"))]))
inc.lines("alertmanager-archive.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty v2 webhooks (with the escalation)
pd = PD(6120, "WebChunkLoadErrors optika-web ChunkLoadError 38/min", "optika-web", "PWEB001", "EP Web")
lucia = PD.user("Lucia Fernandez", "PLUCIA1")
jordi = PD.user("Jordi Puig", "PJORDI1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Lucia Fernandez by push notification.", user=lucia)
pd.add(add(PAGE, seconds=300), "notify_log_entry", None, None, "Notified Lucia Fernandez by phone.", user=lucia)
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "EP Web"})
pd.add(add(ESC, seconds=1), "assign_log_entry", None, {"type": "timeout"}, "Assigned to Jordi Puig.", assignees=[jordi])
pd.add(add(ESC, seconds=2), "notify_log_entry", None, None, "Notified Jordi Puig by phone.", user=jordi)
pd.add(ACK, "acknowledge_log_entry", jordi, {"type": "mobile"}, "Acknowledged by Jordi Puig.")
pd.add(RESOLVED, "resolve_log_entry", jordi, {"type": "web_ui"}, "Resolved by Jordi Puig.")
inc.lines("pagerduty-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 6120, "WebChunkLoadErrors optika-web ChunkLoadError 38/min", PAGE)])

# ---- slack
s = Slack()
for u, n, r in [("UJOR", "jordi", "Jordi Puig"), ("ULUC", "lucia", "Lucia Fernandez"), ("UPAB", "pablo", "Pablo Ruiz"), ("UINE", "ines", "Ines Vidal"), ("UCAR", "carmen", "Carmen Soto"), ("UMAR", "marta", "Marta Gil")]:
    s.user(u, n, r, TZ)
for cid, n in [("CWEB", "web-alerts"), ("CINC", "inc-6120-checkout-chunks"), ("CCS", "atencion-cliente")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("web-alerts", add(c, seconds=71), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "ScheduledJobFailed", "sitemap-generator failed (S3 PutObject 403 on sitemaps/)", color="warning"))
s.bot("web-alerts", add(ALERT, seconds=21), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "WebChunkLoadErrors", "optika-web ChunkLoadError 38/min"))
s.bot("web-alerts", add(ALERT_OK, seconds=21), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "WebChunkLoadErrors", "optika-web ChunkLoadError 2/min"))
s.say("atencion-cliente", T(D + "13:24:12"), "UCAR", "varios clientes dicen que la cesta se queda en blanco al pagar ('Algo ha ido mal'), alguien lo mira?")
s.say("web-alerts", T(D + "13:25:40"), "UMAR", "is anyone on the ChunkLoadError page? Lucia is at the dentist I think")
ch = "inc-6120-checkout-chunks"
s.say(ch, add(ACK, seconds=35), "UJOR", "acked after the escalation. ChunkLoadError ~40/min, checkout starts down to a fifth")
s.say(ch, WRONG, "UINE", "CloudFront having a bad day? we also see search-api latency since our 13:20 deploy")
s.say(ch, add(WRONG, seconds=45), "UJOR", "no, the edges answer fine - it's 403s from the S3 origin on specific files")
s.say(ch, DIAG, "UJOR", "the 403s are all the previous build's chunks (checkout-3f9a1c7e.js etc). #812's reusable workflow syncs with --delete and no longer invalidates index.html, which the CDN keeps for a day - stale index + open tabs ask for chunks that are gone")
s.say(ch, ROLLBACK_Q, "UPAB", "should we roll back the deploy?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UJOR", "a rollback would sync --delete again and kill the new chunks. invalidating /index.html first")
s.say(ch, add(INVAL_DONE, seconds=60), "UJOR", "invalidation complete, new visitors get the new index. errors down ~75% but open tabs still hit the old chunks")
s.say(ch, COMMS, "UCAR", "status page + macro: 'Si la cesta se queda en blanco, recarga la página'")
s.say(ch, add(INVAL_DONE, minutes=9), "UPAB", "restore-assets can copy the 2026.09.14-2 artifact back without --delete, running it")
s.say(ch, add(MITIGATED, seconds=45), "UJOR", "old chunks are back, restore finished 13:52:47, last 403 on /assets 13:52:45. checkout starts back to normal")
s.say(ch, add(FIX_MERGE, seconds=50), "UJOR", "#813 merged: no more --delete, invalidation back in the workflow")
s.say(ch, add(RESOLVED, seconds=-40), "ULUC", "sorry, phone was on silent at the dentist. read back, all clean for 45 min. resolving")
s.write(inc, "slack")

inc.truth(
    "optika-web-chunks", "spa-deploy-deletes-old-chunks-stale-index",
    "A reworked web deploy workflow synced the SPA build to S3 with --delete and dropped the index.html invalidation; the CDN's\n"
    "day-old index.html and open tabs asked for deleted chunks (403), breaking product and checkout pages until the old assets were restored.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(RUN, "change", "web-deploy run for #812 syncs the new build with --delete (no index.html invalidation)", "gh-runs.json", 120),
     (STARTED, "first_symptom", "first 403 on the previous build's checkout chunk", "cloudfront", 60),
     (ALERT, "alert_fired", "WebChunkLoadErrors firing", "alertmanager-archive.ndjson", 60),
     (PAGE, "paged", "PagerDuty #6120 triggered (Lucia, no answer)", "pagerduty-webhooks.ndjson", 60),
     (ESC, "paged", "escalated to level 2 (Jordi) by timeout", "pagerduty-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Jordi acknowledges 18 min after the page", "pagerduty-webhooks.ndjson", 60),
     (DIAG, "diagnosis", "Jordi: --delete removed the previous build's chunks, index.html no longer invalidated", "slack", 90),
     (INVAL, "mitigation", "CloudFront invalidation of /index.html (only partly helps: open tabs keep failing)", "gh-runs.json", 90),
     (COMMS, "communication", "status page and support macro: reload the page", "slack", 90),
     (RESTORE, "mitigation", "restore-assets copies the previous build's assets back", "gh-runs.json", 90),
     (MITIGATED, "recovery", "last 403 on /assets; checkout starts back to normal", "cloudfront", 60),
     (ALERT_OK, "alert_resolved", "WebChunkLoadErrors resolved", "alertmanager-archive.ndjson", 60)],
    [(CRON[-1], "sitemap-generator scheduled job fails daily at 13:00 UTC (also on the 13th and 14th)", "alertmanager-archive.ndjson"),
     (OTHER_DEPLOY, "search-api deploy by the search team", "gh-runs.json"),
     (T(D + "13:22:40"), "SearchApiLatencyHigh flapping (search team)", "alertmanager-archive.ndjson"),
     (T(D + "12:47:00"), "ElasticsearchDiskWatermarkLow on es-data-2", "alertmanager-archive.ndjson"),
     (WRONG, "wrong hunch: CloudFront having a bad day", "slack"),
     (ROLLBACK_Q, "'should we roll back the deploy?' question", "slack"),
     (T(D + "14:10:00"), "steady scanner 403s (/wp-login.php, /.env) and ResizeObserver/TypeError client errors all window", "cloudfront"),
     (FIX_MERGE, "#813 workflow fix deployed after mitigation (not a mitigation of customer impact)", "gh-runs.json")],
    [("cloudfront", "logs"), ("rum-errors.json", "prometheus-query-range"), ("gh-runs.json", "deploys"), ("optika-web.gitlog", "git-log"),
     ("alertmanager-archive.ndjson", "alertmanager-webhook"), ("pagerduty-webhooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
