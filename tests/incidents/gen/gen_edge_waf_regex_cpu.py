"""retired6/edge-waf-regex-cpu: a WAF rule with a backtracking regex is pushed to every edge node; nginx workers pin the CPUs and the site answers 502/504 until the rule push is rolled back."""
import random
from common import *

rng = random.Random(20260616)
inc = Incident("retired6", "edge-waf-regex-cpu")
D = "2026-06-16 "
W0, W1 = T(D + "12:30:00"), T(D + "15:00:00")
CRON = [T("2026-06-%02d 13:20:%02d" % (d, 11 + d)) for d in (13, 14, 15, 16)]
FRONTEND = T(D + "13:29:40")
COMMIT = T(D + "13:38:02")
PUSH = T(D + "13:41:48")
STARTED = T(D + "13:42:09")
ALERT = T(D + "13:44:39")
PAGE = T(D + "13:44:41")
OTHER_DEPLOY = T(D + "13:47:20")
ACK = T(D + "13:47:55")
ROLLBACK_Q = T(D + "13:49:30")
WRONG = T(D + "13:50:45")
STATUS = T(D + "13:51:10")
DIAG = T(D + "13:53:42")
REVERT_COMMIT = T(D + "13:55:50")
ROLLBACK = T(D + "13:56:31")
MITIGATED = T(D + "13:57:02")
ALERT_OK = T(D + "14:00:39")
RESOLVED = T(D + "14:24:00")
NODES = ["edge-ams-01", "edge-ams-02", "edge-ams-03", "edge-ams-04"]


def bad(t):
    return STARTED <= t < MITIGATED


# ---- edge access log (nginx combined + request_time, Amsterdam offset), gzipped
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 19_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.5 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/148.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Linux; Android 16; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/148.0.0.0 Mobile Safari/537.36",
       "AcmeApp/11.4.2 (Android 16; okhttp/4.12.0)"]
BOT = "Mozilla/5.0 (compatible; scanner/2.1)"
ng = []
for t in poisson_times(rng, W0, W1, 0.9):
    ip = "%d.%d.%d.%d" % (rng.choice([31, 77, 84, 145, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    m, path = rng.choice([("GET", "/"), ("GET", "/search?q=%s" % rng.choice(["sofa", "lamp", "desk+chair", "rug"])),
                          ("GET", "/p/%d" % rng.randint(10000, 99999)), ("POST", "/api/cart/items"), ("GET", "/static/main.81ac2f.js"),
                          ("GET", "/api/session")])
    st, rt, size = 200, rng.uniform(0.004, 0.35), rng.randint(400, 48000)
    if bad(t) and rng.random() < 0.82:
        st = rng.choice([502, 502, 504])
        rt = rng.uniform(1.5, 10.0) if st == 502 else 30.0 + rng.uniform(0, 0.02)
        size = 166 if st == 502 else 160
    elif rng.random() < 0.01:
        st, rt, size = 499, rng.uniform(1.0, 6.0), 0
    ng.append((t, nginx(t, ip, m, path, st, size, rng.choice(UAS), rt, zone="Europe/Amsterdam")))
ng.append((STARTED, nginx(STARTED, "84.17.202.9", "GET", "/", 502, 166, UAS[1], 1.502, zone="Europe/Amsterdam")))
ng.append((add(MITIGATED, seconds=-1), nginx(add(MITIGATED, seconds=-1), "77.164.3.18", "GET", "/api/session", 502, 166, UAS[3], 4.871, zone="Europe/Amsterdam")))
for t in poisson_times(rng, W0, W1, 1 / 45.0):  # steady scanner 404s all window
    ng.append((t, nginx(t, "185.220.%d.%d" % (rng.randint(100, 103), rng.randint(1, 254)), "GET",
                        rng.choice(["/wp-login.php", "/.env", "/xmlrpc.php", "/phpmyadmin/"]), 404, 153, BOT, 0.001,
                        zone="Europe/Amsterdam")))
ng.sort(key=lambda x: x[0])
inc.lines("edge-ams-02/access.log.gz", [l for _, l in ng])

# ---- node CPU busy ratio, query_range 30 s
def cpu(i):
    def f(t):
        if bad(t):
            if t < add(STARTED, seconds=20):
                return 0.71
            return 0.985 + 0.003 * ((int(epoch(t)) // 30 + i) % 4)
        return 0.22 + 0.03 * ((int(epoch(t)) // 60 + i) % 5) + (0.06 if T(D + "14:10:00") <= t < T(D + "14:16:00") else 0)
    return f
inc.json("q_range.json", query_range(
    [({"instance": n + ":9100", "job": "node", "role": "edge"}, cpu(i)) for i, n in enumerate(NODES)],
    W0, W1, 30, fmt="%.4f"), indent=None)

# ---- deploy tool export (JSON)
rel = []
for i, (t, dur, app, ver, who, env, note) in enumerate([
        (T(D + "09:14:03"), 188, "checkout-api", "2026.06.16-1", "ci-bot", "prod", "merge #7712"),
        (FRONTEND, 241, "web-frontend", "2026.06.16-3", "hannah.okafor", "prod", "new PDP gallery"),
        (PUSH, 9, "edge-waf-rules", "r-1187 (a9c3e51)", "lucas.moreau", "prod-edge", "add rule 942999 inline event handler XSS"),
        (OTHER_DEPLOY, 176, "search-api", "v3.31.0", "ravi.menon", "prod", "synonyms v12"),
        (ROLLBACK, 8, "edge-waf-rules", "r-1186 (77d01f2)", "lucas.moreau", "prod-edge", "rollback to r-1186"),
        (T(D + "14:42:10"), 203, "notifications-worker", "1.92.0", "ci-bot", "prod", "")]):
    rel.append({"id": 55120 + i, "application": app, "environment": env, "version": ver, "triggered_by": who,
                "started_at": iso(t), "completed_at": iso(add(t, seconds=dur)), "state": "succeeded",
                "type": "rollback" if "rollback" in note else "deploy", "description": note})
inc.json("releases.json", {"releases": rel, "count": len(rel), "next": None})

# ---- waf-rules repo: git log --date=iso-strict --format='%h %ad %an %s'
gl = []
def commit(t, tz, who, subj):
    gl.append((t, "%s %s %s %s" % (hexid(rng, 9), local(t, tz).isoformat(), who, subj)))
commit(T("2026-06-12 10:03:40"), "Europe/Paris", "Lucas Moreau", "waf: tune 920350 paranoia for /api/upload")
commit(COMMIT, "Europe/Paris", "Lucas Moreau", "waf: add 942999 block inline event handlers in query args (#431)")
commit(REVERT_COMMIT, "Europe/Paris", "Lucas Moreau", "Revert \"waf: add 942999 block inline event handlers in query args (#431)\"")
commit(T(D + "15:48:22"), "Europe/Paris", "Lucas Moreau", "ci: run rule regexes through re2 linter and a 10k-char fuzz corpus before push")
gl.sort(reverse=True)
inc.lines("waf-rules.log", [l for _, l in gl])

# ---- alertmanager webhook receiver dump (one POST body per line)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
el = {"severity": "page", "team": "edge", "site": "ams", "service": "edge-proxy"}
a = am_alert("EdgeHigh5xxRatio", el, "edge 5xx ratio above 5% for 2m", ALERT, desc="5xx ratio is 79.4% across edge-ams-*")
H(add(ALERT, seconds=1), am_webhook("pagerduty-edge", [a]))
cl = {"severity": "warning", "team": "edge"}
cpu_alerts = [am_alert("NodeCPUSaturated", {**cl, "instance": n + ":9100"}, "%s CPU busy > 95%% for 2m" % n, add(ALERT, seconds=i * 4)) for i, n in enumerate(NODES)]
H(add(ALERT, seconds=31), am_webhook("slack-edge", cpu_alerts, group_by=("alertname",)))
H(add(ALERT_OK, seconds=1), am_webhook("pagerduty-edge", [am_alert("EdgeHigh5xxRatio", el, "edge 5xx ratio above 5% for 2m", ALERT, ends=ALERT_OK)]))
H(add(ALERT_OK, seconds=35), am_webhook("slack-edge", [am_alert("NodeCPUSaturated", {**cl, "instance": n + ":9100"}, "%s CPU busy > 95%% for 2m" % n,
                                                                add(ALERT, seconds=i * 4), ends=add(ALERT_OK, seconds=-50)) for i, n in enumerate(NODES)]))
rl = {"severity": "warning", "team": "notifications", "queue": "email.outbound", "vhost": "notify"}
for i, s_ in enumerate([T(D + "12:41:00"), T(D + "13:22:30"), T(D + "14:05:00"), T(D + "14:38:30")]):  # flapping, other team
    H(add(s_, seconds=20), am_webhook("slack-notify", [am_alert("RabbitMQQueueBacklog", rl, "email.outbound has > 20k ready messages", s_)]))
    H(add(s_, minutes=7), am_webhook("slack-notify", [am_alert("RabbitMQQueueBacklog", rl, "email.outbound has > 20k ready messages", s_, ends=add(s_, minutes=6, seconds=30))]))
jl = {"severity": "warning", "team": "edge", "namespace": "edge-tools", "job_name": "geoip-refresh-29687600"}
H(add(CRON[-1], seconds=50), am_webhook("slack-edge", [am_alert("KubeJobFailed", jl, "Job edge-tools/geoip-refresh failed to complete", add(CRON[-1], seconds=20))]))
hk.sort(key=lambda x: x[0])
inc.lines("am-receiver.ndjson", [l for _, l in hk])

# ---- pagerduty v2 webhooks (one body per line)
pd = PD(8841, "EdgeHigh5xxRatio edge 5xx ratio above 5% for 2m", "edge-proxy", "PEDGE01", esc_policy="Edge Primary")
lucas = PD.user("Lucas Moreau", "PLUCMOR")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEDG1", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Lucas Moreau by push notification.", user=lucas)
pd.add(ACK, "acknowledge_log_entry", lucas, {"type": "mobile"}, "Acknowledged by Lucas Moreau.", user=lucas)
pd.add(add(DIAG, seconds=70), "annotate_log_entry", lucas, {"type": "web_ui", "summary": "rolling back waf rule push r-1187"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", lucas, {"type": "web_ui"}, "Resolved by Lucas Moreau.", user=lucas)
inc.json("pd-log.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r, tz in [("U3LUCAS", "lucas", "Lucas Moreau", "Europe/Paris"), ("U3HANNA", "hannah", "Hannah Okafor", "Europe/London"),
                    ("U3PIETR", "pieter", "Pieter van Dijk", "Europe/Amsterdam"), ("U3RAVI", "ravi", "Ravi Menon", "Asia/Kolkata"),
                    ("U3CARE", "marta.care", "Marta Silva", "Europe/Lisbon")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C3EDGE", "edge-alerts", "Edge alert feed"), ("C3DEP", "deploys", "Deploy notifications"),
                  ("C3INC", "inc-8841-edge-5xx", "Edge 502s 2026-06-16"), ("C3CARE", "customer-care", "")]:
    s.channel(cid, n, p, created=T("2025-02-01 00:00:00") if not n.startswith("inc") else add(PAGE, minutes=3))
for c in CRON:
    s.bot("edge-alerts", add(c, seconds=50), "B3AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job edge-tools/geoip-refresh failed to complete\nteam: edge", color="warning"))
s.bot("edge-alerts", add(ALERT, seconds=31), "B3AM", "alertmanager",
      attachments=am_slack_attachment("firing", "NodeCPUSaturated", "4 alerts: edge-ams-01..04 CPU busy > 95% for 2m", color="warning"))
s.bot("edge-alerts", add(PAGE, seconds=2), "B3PD", "PagerDuty",
      blocks=pd_slack_blocks(":red_circle: *Triggered* #8841 EdgeHigh5xxRatio edge 5xx ratio above 5% for 2m - assigned to Lucas Moreau"))
s.bot("edge-alerts", add(ALERT_OK, seconds=2), "B3AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "EdgeHigh5xxRatio", "edge 5xx ratio above 5% for 2m"))
for t, txt in [(add(FRONTEND, seconds=241), "*web-frontend* `2026.06.16-3` deployed to *prod* by hannah.okafor"),
               (add(PUSH, seconds=9), "*edge-waf-rules* `r-1187` pushed to *prod-edge* (4/4 nodes reloaded) by lucas.moreau"),
               (add(OTHER_DEPLOY, seconds=176), "*search-api* `v3.31.0` deployed to *prod* by ravi.menon"),
               (add(ROLLBACK, seconds=8), "*edge-waf-rules* rolled back to `r-1186` on *prod-edge* (4/4 nodes reloaded) by lucas.moreau")]:
    s.bot("deploys", t, "B3DEP", "shipper", attachments=[{"color": "2EB67D", "fallback": txt.replace("*", ""), "text": txt, "mrkdwn_in": ["text"]}])
ch = "inc-8841-edge-5xx"
s.say(ch, add(ACK, seconds=70), "U3LUCAS", "acked. edge is throwing 502s on everything, not one path. looking")
s.say(ch, ROLLBACK_Q, "U3PIETR", "should we roll back web-frontend? 2026.06.16-3 went out at 13:30")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U3HANNA", "frontend pods are idle and healthy, the 502s come from the edge itself. don't think so")
s.say(ch, WRONG, "U3PIETR", "could be a DDoS then? the scanner traffic from 185.220.x looks busier than usual")
s.say(ch, STATUS, "U3CARE", "status page posted: \"Our website and app are currently unavailable for many customers. We are investigating.\"")
s.say(ch, add(STATUS, seconds=95), "U3LUCAS", "request rate is normal, not an attack. all four edge boxes are at 100% CPU though")
s.say(ch, DIAG, "U3LUCAS", "it's my WAF push from 13:41, rule 942999. perf shows nginx workers stuck in pcre match, the regex backtracks on long query strings")
s.say(ch, add(DIAG, seconds=40), "U3LUCAS", "rolling the ruleset back to r-1186")
s.say(ch, add(MITIGATED, seconds=50), "U3LUCAS", "rollback done 13:56:31, CPU dropped to 25% and 5xx stopped within half a minute")
s.say(ch, T(D + "14:09:30"), "U3CARE", "status page moved to monitoring")
s.say(ch, add(RESOLVED, seconds=-40), "U3LUCAS", "20 minutes clean. resolving #8841; follow-up: lint rule regexes with re2 before push")
s.say("customer-care", T(D + "13:46:30"), "U3CARE", "lots of chats saying the site shows 'Bad gateway', is someone on it?")
s.say("customer-care", T(D + "12:58:00"), "U3CARE", "reminder: summer sale FAQ updated")
s.write(inc, "slack")

F = lambda p, k, tz=None: (p, k, tz)
inc.truth(
    "edge-waf-regex-cpu", "waf-rule-regex-backtracking-cpu",
    "A WAF rule (942999) with a catastrophically backtracking regex was pushed to all edge nodes;\n"
    "nginx workers pinned every CPU and the site returned 502/504 until the ruleset was rolled back.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PUSH, "change", "edge-waf-rules r-1187 (rule 942999) pushed to prod-edge", "releases.json", 60),
     (STARTED, "first_symptom", "first 502/504 at the edge; edge CPU pinned", "edge-ams-02/access.log.gz", 60),
     (ALERT, "alert_fired", "EdgeHigh5xxRatio firing", "am-receiver.ndjson", 60),
     (PAGE, "paged", "PagerDuty #8841 triggered, Lucas notified", "pd-log.json", 60),
     (ACK, "acknowledged", "Lucas acknowledges #8841", "pd-log.json", 60),
     (STATUS, "communication", "status page: site unavailable for many customers", "slack", 60),
     (DIAG, "diagnosis", "Lucas: WAF push rule 942999, regex backtracking pins nginx workers", "slack", 60),
     (ROLLBACK, "mitigation", "edge-waf-rules rolled back to r-1186", "releases.json", 60),
     (MITIGATED, "recovery", "last 502; edge CPU back to ~25%", "edge-ams-02/access.log.gz", 60),
     (ALERT_OK, "alert_resolved", "EdgeHigh5xxRatio resolved", "am-receiver.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #8841 resolved", "pd-log.json", 60)],
    [(CRON[-1], "daily geoip-refresh job failure (KubeJobFailed), every day ~13:20", "am-receiver.ndjson"),
     (OTHER_DEPLOY, "search team deploys search-api v3.31.0", "releases.json"),
     (FRONTEND, "web-frontend deploy 13:30, before the push - not the cause", "releases.json"),
     (T(D + "13:22:30"), "RabbitMQQueueBacklog flapping for the notifications team", "am-receiver.ndjson"),
     (ROLLBACK_Q, "'should we roll back web-frontend?' question, not done", "slack"),
     (WRONG, "wrong hunch: DDoS from scanner traffic", "slack"),
     (T(D + "13:00:00"), "steady scanner 404s and 499s all window", "edge-ams-02/access.log.gz")],
    [F("edge-ams-02/access.log.gz", "logs"), F("q_range.json", "prometheus-query-range"), F("releases.json", "deploys"),
     F("waf-rules.log", "git-log"), F("am-receiver.ndjson", "alertmanager-webhook"),
     F("pd-log.json", "pagerduty-log-entries"), F("slack", "slack-export")])
