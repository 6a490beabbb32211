"""train14/fernly-chart-targetport: a shared Helm library chart's new major changes the default Service targetPort; Node services behind the ingress get connection refused."""
import random
from common import *

rng = random.Random(20260414)
inc = Incident("train14", "fernly-chart-targetport")
BTZ = "Europe/Berlin"
D = "2026-04-14 "
W0, W1 = T(D + "09:00:00"), T(D + "11:00:00")
CRON = [T("2026-04-%02d 09:05:%02d" % (d, 10 + d)) for d in (11, 12, 13, 14)]
MERGE = T(D + "09:31:40")
SF_SYNC = T(D + "09:33:02")
STARTED = T(D + "09:33:09")           # storefront-web Service applied with targetPort 8080
CB_SYNC = T(D + "09:34:20")
CB_BROKEN = T(D + "09:34:27")
ALERT = T(D + "09:35:40")
PAGE = T(D + "09:35:41")
ACK = T(D + "09:39:05")
WRONG = T(D + "09:41:10")
ROLLBACK_Q = T(D + "09:43:30")
STATUS = T(D + "09:44:00")
DIAG = T(D + "09:46:20")
OTHER_COMMIT = T(D + "09:46:55")
OTHER_SYNC = T(D + "09:47:30")
PATCH = T(D + "09:49:10")             # storefront svc patched by hand (auto-sync off) -> www back, checkout still broken
PROBE_OK = T(D + "09:50:40")
REVERT = T(D + "09:52:40")
CB_FIX = T(D + "09:54:38")            # revert synced to checkout-bff -> last customer-visible failures end
CB_ALERT_OK = T(D + "09:56:10")
RESOLVED = T(D + "10:20:00")
NEWSHA = "a41f0c2e9b7d13c6f08e5a2d4c71be93f0d2a6c8"
REVSHA = "5c2e7a91d04f8b36e1c9a07d2f4b6e8c13a5d970"

def sf_bad(t):
    return STARTED <= t < PATCH
def cb_bad(t):
    return CB_BROKEN <= t < CB_FIX

# ---- ingress-nginx controller stdout+stderr (kubectl logs), gzipped
PODIP = {"storefront-web": ["10.42.7.18", "10.42.3.22", "10.42.5.9"], "checkout-bff": ["10.42.6.31", "10.42.2.14"],
         "catalog-api": ["10.42.4.40", "10.42.1.17", "10.42.7.51"], "account-api": ["10.42.2.63", "10.42.5.70"]}
PORT = {"storefront-web": 3000, "checkout-bff": 3000, "catalog-api": 8080, "account-api": 8080}
NS = {"storefront-web": "storefront", "checkout-bff": "checkout", "catalog-api": "catalog", "account-api": "account"}
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 19_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.4 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.4 Safari/605.1.15",
       "Mozilla/5.0 (Linux; Android 16; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0.0.0 Mobile Safari/537.36"]
ing = []
conn_no = [118200]
def access(t, svc, method, path, status, upstreams, rt, ua=None, ip=None, size=None):
    ip = ip or "%d.%d.%d.%d" % (rng.choice([31, 46, 77, 84, 91, 178, 217]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    u = t.astimezone(UTC)
    size = size if size is not None else (150 if status == 502 else rng.randint(800, 48000))
    ups = ", ".join(upstreams)
    ulen = ", ".join("0" if status == 502 else str(size) for _ in upstreams)
    utime = ", ".join("0.000" if status == 502 else "%.3f" % rt for _ in upstreams)
    ust = ", ".join("502" if status == 502 else str(status) for _ in upstreams)
    line = '%s - - [%02d/%s/%d:%s +0000] "%s %s HTTP/2.0" %d %d "https://www.fernly.com/" "%s" %d %.3f [%s-%s-80] [] %s %s %s %s %s' % (
        ip, u.day, MONTHS[u.month - 1], u.year, u.strftime("%H:%M:%S"), method, path, status, size, ua or rng.choice(UAS),
        rng.randint(30, 420), rt, NS[svc], svc, ups, ulen, utime, ust, hexid(rng, 32))
    ing.append((t, line))
    return ip
def err(t, svc, ip, method, path, upstream):
    conn_no[0] += rng.randint(3, 40)
    ing.append((t, '%s [error] %d#%d: *%d connect() failed (111: Connection refused) while connecting to upstream, client: %s, server: %s, request: "%s %s HTTP/2.0", upstream: "http://%s:8080%s", host: "%s"' % (
        t.astimezone(UTC).strftime("%Y/%m/%d %H:%M:%S"), 31 + rng.randint(0, 3), 31 + rng.randint(0, 3), conn_no[0], ip,
        "www.fernly.com", method, path, upstream, path, "www.fernly.com")))
PATHS = {"storefront-web": [("GET", "/"), ("GET", "/c/garden-tools"), ("GET", "/p/ergonomic-trowel-1182"), ("GET", "/c/indoor-plants"), ("GET", "/p/monstera-deliciosa-xl-0457")],
         "checkout-bff": [("POST", "/api/checkout/session"), ("GET", "/api/checkout/cart"), ("POST", "/api/checkout/pay")],
         "catalog-api": [("GET", "/api/catalog/products?cat=garden"), ("GET", "/api/catalog/availability?sku=1182")],
         "account-api": [("GET", "/api/account/me"), ("POST", "/api/account/login")]}
def request(t, svc, force_bad=False):
    m, p = rng.choice(PATHS[svc])
    bad = force_bad or (svc == "storefront-web" and sf_bad(t)) or (svc == "checkout-bff" and cb_bad(t))
    if bad:
        ups = rng.sample(PODIP[svc], min(3, len(PODIP[svc])))
        ip = access(t, svc, m, p, 502, ["%s:8080" % u for u in ups], 0.001 + rng.random() * 0.002)
        for u in ups:
            err(t, svc, ip, m, p, u)
    else:
        st = 200 if m == "GET" else rng.choice([200, 201])
        if rng.random() < 0.006:
            st = 499
        access(t, svc, m, p, st, ["%s:%d" % (rng.choice(PODIP[svc]), PORT[svc])], rng.uniform(0.01, 0.35))
request(STARTED, "storefront-web", force_bad=True)
request(CB_BROKEN, "checkout-bff", force_bad=True)
for t in poisson_times(rng, W0, W1, 0.55):
    r = rng.random()
    svc = "storefront-web" if r < 0.55 else "checkout-bff" if r < 0.72 else "catalog-api" if r < 0.9 else "account-api"
    request(t, svc)
for t in poisson_times(rng, W0, W1, 1 / 45.0):  # scanners: steady 404s
    access(t, "storefront-web", "GET", rng.choice(["/wp-login.php", "/.env", "/xmlrpc.php", "/.git/config", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php"]),
           404, ["%s:3000" % rng.choice(PODIP["storefront-web"])], 0.004, ua="Mozilla/5.0 zgrab/0.x", size=1180)
for t in frange(add(W0, seconds=23), W1, 600):
    ing.append((t, "I%s       7 store.go:440] \"Found valid IngressClass\" ingress=\"storefront/www\" ingressclass=\"nginx\"" % t.astimezone(UTC).strftime("%m%d %H:%M:%S.%f")))
ing.append((add(STARTED, seconds=1), "I%s       7 controller.go:190] \"Configuration changes detected, backend reload required\"" % add(STARTED, seconds=1).strftime("%m%d %H:%M:%S.%f")))
ing.append((add(CB_BROKEN, seconds=1), "I%s       7 controller.go:190] \"Configuration changes detected, backend reload required\"" % add(CB_BROKEN, seconds=1).strftime("%m%d %H:%M:%S.%f")))
inc.lines("edge/ingress-nginx-controller-5c8d7-x2lqp.txt.gz", [l for _, l in sorted(ing, key=lambda x: x[0])])

# ---- argo cd application-controller (logrus text)
ac = []
def A(t, lvl, msg, app=None, **kv):
    parts = ['time="%s"' % iso(t), "level=%s" % lvl, 'msg="%s"' % msg.replace('"', '\\"')]
    if app:
        parts.append("application=argocd/%s" % app)
    for k, v in kv.items():
        v = str(v)
        parts.append("%s=%s" % (k.replace("_", "-") if k.startswith("dest") else k, ('"%s"' % v) if (" " in v or ":" in v) else v))
    ac.append((t, " ".join(parts)))
APPS = [("storefront-web", "storefront"), ("checkout-bff", "checkout"), ("catalog-api", "catalog"), ("account-api", "account"),
        ("search-api", "search"), ("reviews-api", "reviews"), ("media-resizer", "media"), ("notify-worker", "notify")]
def sync(t, app, ns, sha, svc_changed=True, workload=True, tag="chart"):
    sid = "%05d-%s" % (rng.randint(10, 999), "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(5)))
    A(add(t, seconds=-2), "info", "Updated sync status: Synced -> OutOfSync", app, dest_namespace=ns, dest_server="https://kubernetes.default.svc", reason="ResourceUpdated", type="Normal")
    A(t, "info", "Initiated automated sync to '%s'" % sha, app, dest_namespace=ns, dest_server="https://kubernetes.default.svc", reason="OperationStarted", type="Normal")
    if svc_changed:
        A(add(t, seconds=7), "info", "Adding resource result, status: 'Synced', phase: 'Running', message: 'service/%s configured'" % app, app, kind="Service", name=app, namespace=ns, phase="Sync", syncId=sid)
    if workload:
        A(add(t, seconds=7), "info", "Adding resource result, status: 'Synced', phase: 'Running', message: 'deployment.apps/%s configured'" % app, app, kind="Deployment", name=app, namespace=ns, phase="Sync", syncId=sid)
    A(add(t, seconds=8), "info", "Sync operation to %s succeeded" % sha, app, dest_namespace=ns, dest_server="https://kubernetes.default.svc", reason="OperationCompleted", type="Normal")
    A(add(t, seconds=9), "info", "Updated sync status: OutOfSync -> Synced", app, dest_namespace=ns, dest_server="https://kubernetes.default.svc", reason="ResourceUpdated", type="Normal")
sync(add(SF_SYNC, seconds=-7 + 0), "storefront-web", "storefront", NEWSHA)  # Service applied at SF_SYNC
ac[:] = [x for x in ac]
sync(add(CB_SYNC, seconds=0), "checkout-bff", "checkout", NEWSHA)
for i, (app, ns) in enumerate(APPS[2:]):
    sync(add(T(D + "09:35:05"), seconds=41 * i), app, ns, NEWSHA)
sync(OTHER_SYNC, "search-indexer", "search", "e7d19c04a2b35f6e81c0d9a4f72b5e13c6a80d4f", svc_changed=False)
A(add(PATCH, seconds=3), "info", "Updated sync status: Synced -> OutOfSync", "storefront-web", dest_namespace="storefront", dest_server="https://kubernetes.default.svc", reason="ResourceUpdated", type="Normal")
sync(add(CB_FIX, seconds=-7), "checkout-bff", "checkout", REVSHA)
for i, (app, ns) in enumerate(APPS[2:]):
    sync(add(T(D + "09:53:20"), seconds=29 * i), app, ns, REVSHA)
sync(T(D + "10:05:10"), "storefront-web", "storefront", REVSHA, svc_changed=False)
for t in frange(add(W0, seconds=41), W1, 180):
    A(t, "info", "Reconciliation completed", rng.choice(APPS)[0], dedup_ms=0, dest_name="", dest_namespace="", dest_server="https://kubernetes.default.svc", diff_ms=rng.randint(2, 40), fields_level=1, live_ms=rng.randint(1, 9), settings_ms=0, time_ms=rng.randint(40, 300))
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    A(t, "warning", "Failed to watch resource: the server could not find the requested resource (get verticalpodautoscalers.autoscaling.k8s.io)", None, server="https://kubernetes.default.svc")
inc.lines("cd/application-controller-0.log", [l for _, l in sorted(ac, key=lambda x: x[0])])

# ---- deploy-config repo: git log --format=fuller
gl = []
def C(t, tz, author, committer, subj, body="", lead_min=None):
    sha = hexid(rng, 40) if subj.find("fernly-service") < 0 else (NEWSHA if not subj.startswith("Revert") else REVSHA)
    lt = local(t, tz)
    d = lt.strftime("%a %b %-d %H:%M:%S %Y %z")
    ad = local(add(t, minutes=-(lead_min if lead_min is not None else rng.randint(30, 900))), tz).strftime("%a %b %-d %H:%M:%S %Y %z")
    txt = ["commit " + sha, "Author:     " + author, "AuthorDate: " + ad, "Commit:     " + committer, "CommitDate: " + d, "", "    " + subj]
    if body:
        txt += [""] + ["    " + b for b in body.split("\n")]
    gl.append((t, "\n".join(txt) + "\n"))
GH = "GitHub <noreply@github.com>"
C(T("2026-04-13 15:22:08"), BTZ, "Sven Albers <sven.albers@fernly.com>", GH, "reviews-api: raise memory request to 768Mi (#2209)")
C(T("2026-04-14 07:58:31"), BTZ, "Mia Hoffmann <mia.hoffmann@fernly.com>", GH, "storefront-web: 4.22.0 (#2212)")
C(MERGE, BTZ, "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>", GH,
  "chore(deps): update helm chart fernly-service to v5 (#2214)",
  "| Package | Update | Change |\n|---|---|---|\n| fernly-service | major | `4.7.2` -> `5.0.0` |\n\nAutomerge: Enabled (platform charts).")
C(OTHER_COMMIT, "Asia/Kolkata", "Arjun Mehta <arjun.mehta@fernly.com>", GH, "search-indexer: image 2.14.1 (#2216)", lead_min=6)
C(REVERT, BTZ, "Lukas Brandt <lukas.brandt@fernly.com>", GH, "Revert \"chore(deps): update helm chart fernly-service to v5 (#2214)\" (#2219)",
  "This reverts commit %s." % NEWSHA, lead_min=2)
C(T(D + "10:41:12"), BTZ, "Lukas Brandt <lukas.brandt@fernly.com>", GH, "renovate: no automerge for platform chart majors (#2221)", lead_min=17)
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("deploy-config.history", "\n".join(l for _, l in gl))

# ---- prometheus query_range: ingress 5xx rate by ingress
def r5(svc):
    def f(t):
        t1 = add(t, seconds=-30)
        if svc == "storefront-web" and (sf_bad(t) or sf_bad(t1)):
            return 11.8 + ((int(epoch(t)) // 30) % 4) * 0.6
        if svc == "checkout-bff" and (cb_bad(t) or cb_bad(t1)):
            return 3.1 + ((int(epoch(t)) // 30) % 3) * 0.3
        return [0.0, 0.0167, 0.0, 0.0333][(int(epoch(t)) // 30) % 4]
    return f
inc.json("graphs/ingress_5xx.json", query_range(
    [({"ingress": s, "exported_namespace": NS[s], "controller_class": "k8s.io/ingress-nginx"}, r5(s)) for s in ("storefront-web", "checkout-bff", "catalog-api", "account-api")],
    W0, W1, 30), indent=None)

# ---- alertmanager webhook archive (one POST body per line)
hk = []
def H(t, recv, alert):
    hk.append((t, jline(am_webhook(recv, [alert]))))
for c in CRON:
    lab = {"severity": "warning", "team": "seo", "namespace": "seo", "job_name": "sitemap-generator-%d" % (int(epoch(c)) // 60)}
    a0 = add(c, minutes=4)
    H(add(a0, seconds=30), "slack-seo", am_alert("KubeJobFailed", lab, "Job seo/sitemap-generator failed to complete", a0))
    H(add(a0, minutes=61), "slack-seo", am_alert("KubeJobFailed", lab, "Job seo/sitemap-generator failed to complete", a0, ends=add(a0, minutes=60)))
kl = {"severity": "warning", "team": "data", "consumergroup": "orders-to-dwh", "topic": "orders.v2"}
for a, b in [("09:12:15", "09:19:15"), ("09:41:45", "09:46:15"), ("10:08:15", "10:13:45"), ("10:37:15", "10:41:45")]:
    s0, s1 = T(D + a), T(D + b)
    H(add(s0, seconds=20), "slack-data", am_alert("KafkaConsumerGroupLag", kl, "orders-to-dwh lag > 50k on orders.v2", s0))
    H(add(s1, seconds=20), "slack-data", am_alert("KafkaConsumerGroupLag", kl, "orders-to-dwh lag > 50k on orders.v2", s0, ends=s1))
pl = {"severity": "page", "team": "web", "probe": "https://www.fernly.com/", "job": "blackbox-http"}
H(add(ALERT, seconds=1), "pd-web", am_alert("StorefrontProbeFailed", pl, "https://www.fernly.com/ probe failing from 3/3 locations", ALERT, desc="probe_success == 0 for 2m; last status 502"))
H(add(PROBE_OK, seconds=10), "pd-web", am_alert("StorefrontProbeFailed", pl, "https://www.fernly.com/ probe failing from 3/3 locations", ALERT, ends=PROBE_OK))
il = {"severity": "warning", "team": "platform", "controller_class": "k8s.io/ingress-nginx"}
IA = T(D + "09:36:20")
H(add(IA, seconds=5), "slack-platform", am_alert("IngressHigh5xxRatio", il, "ingress-nginx 5xx ratio 38% (storefront-web, checkout-bff)", IA))
H(add(T(D + "09:57:50"), seconds=5), "slack-platform", am_alert("IngressHigh5xxRatio", il, "ingress-nginx 5xx ratio", IA, ends=T(D + "09:57:50")))
cl = {"severity": "warning", "team": "checkout", "service": "checkout-bff"}
CA = T(D + "09:37:10")
H(add(CA, seconds=4), "slack-checkout", am_alert("CheckoutBffAvailabilityLow", cl, "checkout-bff availability 0% over 5m", CA))
H(add(CB_ALERT_OK, seconds=4), "slack-checkout", am_alert("CheckoutBffAvailabilityLow", cl, "checkout-bff availability", CA, ends=CB_ALERT_OK))
inc.lines("am/receiver-archive.jsonl", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty log entries
pd = PD(4411, "StorefrontProbeFailed https://www.fernly.com/ probe failing from 3/3 locations", "storefront", "PWEB7F2", "Web Primary")
dana = PD.user("Dana Krüger", "PDANAK1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMWEB1", "summary": "Alertmanager prod-eu"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Dana Krüger by push notification.", user=dana,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, {"type": "auto"}, "Notified Dana Krüger by phone.", user=dana,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Krüger.", acknowledgement_timeout=1800)
pd.add(add(PATCH, seconds=50), "annotate_log_entry", dana, {"type": "web_ui", "summary": "www back after hand patch of svc/storefront-web; checkout still failing"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Krüger.")
other = PD(4409, "Payment provider webhook backlog > 500", "payments-webhooks", "PPAY3Q1", "Payments Primary")
ola = PD.user("Ola Nowak", "POLANOW")
other.add(T(D + "09:58:12"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "09:58:13"), "notify_log_entry", None, {"type": "auto"}, "Notified Ola Nowak by email.", user=ola)
other.add(T(D + "10:01:40"), "acknowledge_log_entry", ola, {"type": "web_ui"}, "Acknowledged by Ola Nowak.")
other.add(T(D + "10:11:02"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("oncall/log_entries.json", ex)

# ---- slack export
s = Slack()
for u, n, r, tz in [("U01DANA", "dana.k", "Dana Krüger", BTZ), ("U01LUKAS", "lukas", "Lukas Brandt", BTZ),
                    ("U01JONAS", "jonas.w", "Jonas Wolf", BTZ), ("U01MIA", "mia", "Mia Hoffmann", BTZ),
                    ("U01ARJUN", "arjun", "Arjun Mehta", "Asia/Kolkata")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C01INC", "inc-www-502", "incident channel"), ("C01WEB", "web-alerts", "web team alerts"),
                  ("C01DEP", "deploys", "Argo CD notifications"), ("C01STA", "status", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("web-alerts", add(c, minutes=4, seconds=31), "BAM01", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job seo/sitemap-generator failed to complete\nseverity: warning", color="warning"))
s.bot("web-alerts", add(ALERT, seconds=2), "BAM01", "alertmanager",
      attachments=am_slack_attachment("firing", "StorefrontProbeFailed", "https://www.fernly.com/ probe failing from 3/3 locations"))
s.bot("web-alerts", add(PROBE_OK, seconds=11), "BAM01", "alertmanager",
      attachments=am_slack_attachment("resolved", "StorefrontProbeFailed", "https://www.fernly.com/ probe ok"))
for t, app in [(add(SF_SYNC, seconds=1), "storefront-web"), (add(CB_SYNC, seconds=8), "checkout-bff"), (add(OTHER_SYNC, seconds=8), "search-indexer"),
               (add(CB_FIX, seconds=1), "checkout-bff"), (T(D + "10:05:18"), "storefront-web")]:
    s.bot("deploys", t, "BARGO", "argocd-notifications", blocks=pd_slack_blocks(":white_check_mark: Application *%s* has been successfully synced." % app))
s.say("deploys", add(OTHER_COMMIT, seconds=20), "U01ARJUN", "search-indexer 2.14.1 going out (search team), only the indexer, no API change")
ch = "inc-www-502"
s.say(ch, add(ACK, seconds=35), "U01DANA", "acked. www.fernly.com is 502 from our ingress, nginx says connection refused to the upstreams")
s.say(ch, WRONG, "U01JONAS", "Fastly had a blip last night, is it the CDN again?")
s.say(ch, add(WRONG, seconds=40), "U01DANA", "no, the 502 comes from ingress-nginx itself, Fastly just passes it through")
s.say(ch, ROLLBACK_Q, "U01MIA", "should we roll back this morning's storefront 4.22.0?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U01DANA", "pods are Ready and answer on :3000 from inside the pod, holding off on that")
s.say(ch, DIAG, "U01LUKAS", "found it: endpoints for storefront-web list :8080. fernly-service chart 5.0.0 (renovate automerge 11:31) changed the default service.targetPort from the named port `http` to 8080. every Node app listens on 3000")
s.say(ch, add(DIAG, seconds=50), "U01LUKAS", "checkout-bff is Node too, same problem. the JVM apps are on 8080 so they didn't notice")
s.say(ch, add(PATCH, seconds=-65), "U01DANA", "turning auto-sync off for storefront-web and patching svc targetPort back to 3000 by hand")
s.say(ch, add(PATCH, seconds=30), "U01DANA", "www is back. checkout still 502")
s.say(ch, add(REVERT, seconds=-100), "U01LUKAS", "reverting the chart bump in deploy-config, PR #2219")
s.say(ch, add(CB_FIX, seconds=45), "U01LUKAS", "revert synced, checkout-bff endpoints on 3000 again, test order went through")
s.say(ch, T(D + "10:05:40"), "U01DANA", "auto-sync back on for storefront-web, it's in sync with the revert")
s.say(ch, add(RESOLVED, seconds=-40), "U01DANA", "no 5xx for 25 minutes, resolving. follow-up: renovate automerged a platform chart major")
s.bot("status", STATUS, "BSTAT", "Statuspage", attachments=[{"color": "E01E5A", "fallback": "Investigating - Website unavailable",
      "title": "Investigating - Website and checkout unavailable", "text": "www.fernly.com returns errors. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", add(CB_FIX, minutes=3), "BSTAT", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Website",
      "title": "Monitoring - Website and checkout", "text": "The shop and checkout work again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=2), "BSTAT", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved",
      "title": "Resolved - Website and checkout", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "chat")

inc.truth(
    "fernly-chart-targetport", "shared-helm-chart-default-change-service-targetport",
    "A Renovate automerge bumped the shared fernly-service Helm chart to 5.0.0, whose default Service targetPort became 8080; Argo CD synced it to\n"
    "every app and the Node services (storefront-web, checkout-bff, on :3000) got connection refused behind the ingress until a hand patch and the revert.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=CB_FIX, resolved=RESOLVED),
    [(SF_SYNC, "change", "Argo CD syncs storefront-web to chart fernly-service 5.0.0 (service configured)", "cd/application-controller-0.log", 60),
     (STARTED, "first_symptom", "first 502: connect() refused to storefront-web pods on :8080", "edge/ingress-nginx-controller-5c8d7-x2lqp.txt.gz", 60),
     (ALERT, "alert_fired", "StorefrontProbeFailed firing (page)", "am/receiver-archive.jsonl", 60),
     (PAGE, "paged", "PagerDuty #4411 triggered, Dana notified", "oncall/log_entries.json", 60),
     (ACK, "acknowledged", "Dana acknowledges", "oncall/log_entries.json", 60),
     (STATUS, "communication", "Statuspage: website and checkout unavailable", "chat", 60),
     (DIAG, "diagnosis", "Lukas: chart 5.0.0 changed default targetPort to 8080; Node apps listen on 3000", "chat", 90),
     (PATCH, "mitigation", "storefront-web auto-sync off, svc patched back to 3000 by hand (www back, checkout still failing)", "chat", 90),
     (REVERT, "mitigation", "revert of the chart bump merged (#2219), Argo CD syncs it", "deploy-config.history", 60),
     (CB_FIX, "recovery", "checkout-bff synced to the revert; last 502s end", "edge/ingress-nginx-controller-5c8d7-x2lqp.txt.gz", 60),
     (RESOLVED, "resolved", "PagerDuty #4411 resolved", "oncall/log_entries.json", 60)],
    [(CRON[-1], "daily sitemap-generator job failure (KubeJobFailed) at ~09:05 every day", "am/receiver-archive.jsonl"),
     (T(D + "09:12:15"), "KafkaConsumerGroupLag for the data team, flapping all morning", "am/receiver-archive.jsonl"),
     (OTHER_SYNC, "search team's search-indexer 2.14.1 sync", "cd/application-controller-0.log"),
     (T(D + "09:58:12"), "unrelated PagerDuty incident: payment provider webhook backlog", "oncall/log_entries.json"),
     (WRONG, "wrong hunch: the CDN (Fastly)", "chat"),
     (ROLLBACK_Q, "'should we roll back storefront 4.22.0?' question, not done", "chat"),
     (T(D + "07:58:31"), "morning storefront-web 4.22.0 release, not the cause", "deploy-config.history"),
     (T(D + "10:30:00"), "steady scanner 404s and 499s all window; argo VPA watch warnings", "edge/ingress-nginx-controller-5c8d7-x2lqp.txt.gz")],
    [("edge/ingress-nginx-controller-5c8d7-x2lqp.txt.gz", "logs"), ("cd/application-controller-0.log", "logs"),
     ("deploy-config.history", "git-log"), ("graphs/ingress_5xx.json", "prometheus-query-range"),
     ("am/receiver-archive.jsonl", "alertmanager-webhook"), ("oncall/log_entries.json", "pagerduty-log-entries"), ("chat", "slack-export")])
