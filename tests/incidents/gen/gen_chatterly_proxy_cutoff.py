"""retired16/chatterly-proxy-cutoff: a big tenant's secure web gateway starts cutting every WebSocket at 60 s; each
reconnect is a full workspace boot and the boot storm saturates boot-api for every tenant until their IT reverts."""
import random
from common import *

rng = random.Random(20260415)
inc = Incident("retired16", "chatterly-proxy-cutoff")
BTZ = "Europe/Berlin"
D = "2026-04-15 "
W0, W1 = T(D + "05:30:00"), T(D + "09:30:00")
CRON = [T("2026-04-%02d 06:20:%02d" % (d, 11 + d)) for d in (12, 13, 14, 15)]
OUR_DEPLOY = T(D + "05:48:30")
PROXY_CHANGE = T(D + "06:00:00")          # customer side, known only from their mail
STARTED = T(D + "06:01:12")
LAT_WARN = T(D + "06:33:00")
ERR0 = T(D + "06:38:40")
ALERT = T(D + "06:41:30")
PAGE = T(D + "06:41:31")
ACK = T(D + "06:44:05")
WRONG = T(D + "06:47:10")
ROLLBACK_Q = T(D + "06:49:30")
OTHER_DEPLOY = T(D + "06:52:00")
DIAG = T(D + "06:58:20")
STATUS = T(D + "07:04:00")
RATELIMIT = T(D + "07:09:40")
ALERT_OK = T(D + "07:12:30")
LAT_OK = T(D + "07:13:00")
REVERT = T(D + "07:55:00")
LAST_CUT = T(D + "07:55:58")
MITIGATED = T(D + "07:58:30")
RL_OFF = T(D + "08:20:10")
RESOLVED = T(D + "08:31:00")
HALL = "hallmann-logistik"
PODS = ["rtgw-6d9f7c5b8-%s" % s for s in ("2kq8x", "7hw4n", "bx9tz", "f4mrc", "lz2pd", "t8v6s")]


def hall_users(t):
    """hallmann's users online: the workday ramp 08:00-09:00 CEST."""
    m = (t - T(D + "06:00:00")).total_seconds() / 60.0
    return int(1500 + 22500 * min(1.0, max(0.0, m / 60.0)))


def cutting(t):
    return STARTED <= t < LAST_CUT


def hall_open_rate(t):
    if not cutting(t):
        return hall_users(t) / 3600.0 * 1.2
    if t >= RATELIMIT:
        return 30.0
    return hall_users(t) / 62.0


def other_open_rate(t):
    return 24.0 + 3.0 * ((int(epoch(t)) // 60) % 4)


def err_ratio(t):
    if ERR0 <= t < RATELIMIT:
        return min(0.44, 0.08 + (t - ERR0).total_seconds() / 1800.0 * 0.36)
    if RATELIMIT <= t < MITIGATED:
        return 0.011 + 0.004 * ((int(epoch(t)) // 60) % 3)
    return 0.0008 + 0.0004 * ((int(epoch(t)) // 60) % 2)


def p99(t):
    if T(D + "06:22:00") <= t < ERR0:
        return 0.38 + (t - T(D + "06:22:00")).total_seconds() / 60.0 * 0.15
    if ERR0 <= t < RATELIMIT:
        return 9.6 + 0.3 * ((int(epoch(t)) // 60) % 3)
    if RATELIMIT <= t < MITIGATED:
        return 0.62 + 0.05 * ((int(epoch(t)) // 60) % 3)
    return 0.34 + 0.02 * ((int(epoch(t)) // 60) % 3)


# ---- rtgw (Go, zap production JSON, float ts), gzipped
gw = []
def Z(t, level, caller, msg, **kw):
    gw.append((t, jline({"level": level, "ts": round(epoch(t), 6), "caller": caller, "msg": msg, **kw})))
TENANTS = ["northwind-retail", "kessler-bau", "oakfield-health", "brightline-media", "volta-energie", "ferrum-steel"]
def ip_hall():
    return "147.161.%d.%d" % (rng.choice([166, 167, 236, 237]), rng.randint(2, 250))
def ip_other():
    return "%d.%d.%d.%d" % (rng.choice([84, 91, 93, 178, 212, 217]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
for t in poisson_times(rng, W0, W1, 0.09):     # ordinary closes, all tenants
    code, reason = rng.choice([(1000, "bye"), (1001, "going away"), (1001, "going away"), (1006, "")])
    tn = rng.choice(TENANTS + [HALL])
    Z(t, "info", "ws/conn.go:214", "websocket closed", pod=rng.choice(PODS), conn_id=hexid(rng, 12), tenant=tn,
      remote="%s:%d" % (ip_hall() if tn == HALL else ip_other(), rng.randint(1024, 65535)), code=code, reason=reason,
      duration_s=round(rng.uniform(90, 14000), 2))
for t in poisson_times(rng, W0, W1, 1 / 45.0):  # benign: mobile clients that stop reading
    Z(t, "warn", "ws/conn.go:301", "ping timeout, closing", pod=rng.choice(PODS), conn_id=hexid(rng, 12),
      tenant=rng.choice(TENANTS), client="chatterly-ios/5.%d.%d" % (rng.randint(30, 34), rng.randint(0, 9)), missed_pongs=2)
for t in poisson_times(rng, STARTED, LAST_CUT, 0.55):
    r = hall_open_rate(t)
    if rng.random() > min(1.0, r / 40.0) and t > add(STARTED, minutes=3):
        continue
    Z(t, "info", "ws/conn.go:214", "websocket closed", pod=rng.choice(PODS), conn_id=hexid(rng, 12), tenant=HALL,
      remote="%s:%d" % (ip_hall(), rng.randint(1024, 65535)), code=1006, reason="", duration_s=round(rng.uniform(60.0, 60.09), 2))
Z(STARTED, "info", "ws/conn.go:214", "websocket closed", pod=PODS[2], conn_id=hexid(rng, 12), tenant=HALL,
  remote="147.161.236.41:50112", code=1006, reason="", duration_s=60.02)
Z(LAST_CUT, "info", "ws/conn.go:214", "websocket closed", pod=PODS[4], conn_id=hexid(rng, 12), tenant=HALL,
  remote="147.161.167.12:61790", code=1006, reason="", duration_s=60.01)
for i, p in enumerate(PODS):
    for t in frange(add(W0, seconds=7 + 5 * i), W1, 60):
        share = 1.0 / len(PODS)
        op = int((hall_open_rate(t) + other_open_rate(t)) * 60 * share * rng.uniform(0.9, 1.1))
        ab = int(hall_open_rate(t) * 60 * share * rng.uniform(0.9, 1.1)) if cutting(t) else rng.randint(0, 6)
        conns = int((hall_users(t) * (0.08 if RATELIMIT <= t < MITIGATED else 1.0) + 61000) * share * rng.uniform(0.97, 1.03))
        Z(t, "info", "ws/hub.go:88", "hub stats", pod=p, open_conns=conns, opened_1m=op, closed_1m=op - rng.randint(-40, 40),
          abnormal_1m=ab, goroutines=conns * 2 + rng.randint(300, 400))
inc.lines("rtgw/eu1-2026-04-15.log.gz", [l for _, l in sorted(gw, key=lambda x: x[0])])

# ---- boot-api (Python logging, local Berlin time, no offset)
bl = []
def B(t, lvl, logger, msg, extra=()):
    lt = local(t, BTZ)
    bl.append((t, "\n".join(["%s,%03d %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, logger, msg)] + list(extra))))
for t in poisson_times(rng, W0, W1, 1.0):
    e = err_ratio(t)
    if e < 0.005:
        if rng.random() < 0.004:
            B(t, "WARNING", "boot.views", "boot aborted tenant=%s: client disconnected before snapshot was sent (499)" % rng.choice(TENANTS))
        continue
    if rng.random() < e * 1.6:
        tn = HALL if rng.random() < 0.8 else rng.choice(TENANTS)
        if rng.random() < 0.5:
            B(t, "ERROR", "boot.views", "boot failed tenant=%s user=U%s: QueuePool limit of size 40 overflow 20 reached, connection timed out, timeout 5.00" % (tn, hexid(rng, 8).upper()),
              ["Traceback (most recent call last):", '  File "/srv/boot/boot/views.py", line 118, in boot', "    ws = build_workspace_snapshot(session, user)",
               "sqlalchemy.exc.TimeoutError: QueuePool limit of size 40 overflow 20 reached, connection timed out, timeout 5.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)"])
        else:
            B(t, "WARNING", "boot.snapshot", "snapshot deadline exceeded tenant=%s channels=%d members=%d elapsed_ms=%d, returning 503" % (tn, rng.randint(300, 2400), rng.randint(15000, 26000) if tn == HALL else rng.randint(40, 3000), rng.randint(8000, 10000)))
for t in poisson_times(rng, RATELIMIT, add(MITIGATED, seconds=-20), 0.3):
    B(t, "INFO", "boot.ratelimit", "tenant=%s boot throttled (limit 30/s), 429 retry_after=%d" % (HALL, rng.randint(5, 40)))
B(add(MITIGATED, seconds=-8), "INFO", "boot.ratelimit", "tenant=%s boot throttled (limit 30/s), 429 retry_after=6" % HALL)
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    B(t, "WARNING", "boot.avatars", "avatar CDN HEAD took %dms for %d avatars, serving placeholders" % (rng.randint(1200, 2600), rng.randint(20, 90)))
for t in frange(add(W0, seconds=30), W1, 300):
    B(t, "INFO", "boot.stats", "boots_5m=%d p99_ms=%d errors_5m=%d" % (
        int((min(hall_open_rate(t), 30.0 if t >= RATELIMIT and t < MITIGATED else 1e9) + other_open_rate(t)) * 300),
        int(p99(t) * 1000), int((hall_open_rate(t) + other_open_rate(t)) * 300 * err_ratio(t))))
B(RATELIMIT, "INFO", "unleash.client", "toggles refreshed: boot-api.tenant-rate-limit enabled (strategy tenantIds=[%s], rate=30/s)" % HALL)
B(RL_OFF, "INFO", "unleash.client", "toggles refreshed: boot-api.tenant-rate-limit disabled")
B(add(OUR_DEPLOY, seconds=95), "INFO", "gunicorn.error", "Booting worker with pid: 41%03d (release 2026.04.15-1)" % rng.randint(100, 999))
c = CRON[-1]
B(c, "ERROR", "jobs.invoice_pdf", "invoice-pdf-reindex failed: OpenSearch index invoices-2026.04 is read-only (FORBIDDEN/8/index write (api))")
inc.lines("boot-api/boot.log", [l for _, l in sorted(bl, key=lambda x: x[0])])

# ---- Prometheus query_range (Grafana panel export)
inc.json("panel-export.json", query_range(
    [({"tenant": HALL, "__name__": "tenant:rtgw_connections_opened:rate1m"}, hall_open_rate),
     ({"tenant": "other", "__name__": "tenant:rtgw_connections_opened:rate1m"}, other_open_rate),
     ({"__name__": "job:boot_api_5xx:ratio_rate1m", "job": "boot-api"}, err_ratio),
     ({"__name__": "job:boot_api_request_duration_seconds:p99_1m", "job": "boot-api"}, p99)],
    W0, W1, 30), indent=None)

# ---- Alertmanager webhook archive (ndjson, back to the 12th)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
bl_lab = {"severity": "page", "team": "core-backend", "service": "boot-api", "cluster": "eu1"}
wl_lab = {"severity": "warning", "team": "core-backend", "service": "boot-api", "cluster": "eu1"}
a1 = am_alert("BootApi5xxRatio", bl_lab, "boot-api 5xx ratio above 5% (now 11.8%)", ALERT)
H(add(ALERT, seconds=1), am_webhook("pagerduty-core", [a1]))
H(add(ALERT_OK, seconds=1), am_webhook("pagerduty-core", [am_alert("BootApi5xxRatio", bl_lab, "boot-api 5xx ratio above 5% (now 11.8%)", ALERT, ends=ALERT_OK)]))
a2 = am_alert("BootApiLatencyHigh", wl_lab, "boot-api p99 above 2s for 5m", LAT_WARN)
H(add(LAT_WARN, seconds=2), am_webhook("slack-core", [a2]))
H(add(LAT_OK, seconds=2), am_webhook("slack-core", [am_alert("BootApiLatencyHigh", wl_lab, "boot-api p99 above 2s for 5m", LAT_WARN, ends=LAT_OK)]))
for c in CRON:
    jl = {"severity": "warning", "team": "billing", "namespace": "billing", "job_name": "invoice-pdf-reindex-%d" % int(epoch(c) // 60)}
    H(add(c, minutes=2), am_webhook("slack-billing", [am_alert("KubeJobFailed", jl, "Job billing/invoice-pdf-reindex failed to complete", add(c, minutes=1, seconds=30))]))
sl = {"severity": "warning", "team": "search", "service": "search-indexer", "cluster": "eu1"}
for s_, e_ in [("06:12:15", "06:19:15"), ("06:26:45", "06:34:15"), ("07:31:15", "07:36:45")]:
    H(add(T(D + s_), seconds=1), am_webhook("slack-search", [am_alert("SearchIndexerLagHigh", sl, "search-indexer consumer lag above 50k", T(D + s_))]))
    H(add(T(D + e_), seconds=1), am_webhook("slack-search", [am_alert("SearchIndexerLagHigh", sl, "search-indexer consumer lag above 50k", T(D + s_), ends=T(D + e_))]))
nl = {"severity": "warning", "team": "platform", "instance": "ip-10-12-33-104.eu-central-1.compute.internal"}
H(T(D + "07:40:31"), am_webhook("slack-platform", [am_alert("NodeFilesystemSpaceFillingUp", nl, "/var/lib/containerd will fill within 24h", T(D + "07:40:00"))]))
inc.lines("am/webhooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- Spinnaker pipeline executions (epoch ms)
def ex(app, name, start, dur_s, user, ver, status="SUCCEEDED"):
    ms = int(epoch(start) * 1000)
    return {"id": "01H" + uid(app + name + iso(start), 23).upper(), "type": "PIPELINE", "application": app, "name": name,
            "status": status, "buildTime": ms, "startTime": ms, "endTime": ms + dur_s * 1000,
            "trigger": {"type": "manual", "user": user, "parameters": {"version": ver}},
            "stages": [{"type": "bakeManifest", "name": "Bake (Manifest)", "status": "SUCCEEDED", "startTime": ms, "endTime": ms + 20000},
                       {"type": "deployManifest", "name": "Deploy eu1", "status": status, "startTime": ms + 21000,
                        "endTime": ms + dur_s * 1000, "context": {"account": "eu1-prod", "manifestName": "deployment %s" % app}}]}
sp = [ex("boot-api", "Deploy to eu1", OUR_DEPLOY, 140, "nina.hoffmann@chatterly.io", "2026.04.15-1"),
      ex("search-indexer", "Deploy to eu1", OTHER_DEPLOY, 210, "tarik.aydin@chatterly.io", "v3.41.0"),
      ex("notifications", "Deploy to eu1", T(D + "08:46:12"), 160, "deploy-bot", "2026.04.15-2"),
      ex("boot-api", "Deploy to eu1", T("2026-04-14 13:02:40"), 150, "nina.hoffmann@chatterly.io", "2026.04.14-2")]
inc.json("spin-executions.json", sorted(sp, key=lambda e: -e["startTime"]))

# ---- mail archive (mbox) between our CSM and the tenant's IT
def mail(t, frm, to, subj, body, tz, mid, irt=None):
    lt = local(t, tz)
    hdr = ["From %s %s" % (frm.split("<")[-1].rstrip(">"), t.strftime("%a %b %d %H:%M:%S %Y")),
           "Date: %s" % lt.strftime("%a, %d %b %Y %H:%M:%S %z"), "From: %s" % frm, "To: %s" % to, "Subject: %s" % subj,
           "Message-ID: <%s@%s>" % (mid, frm.split("@")[-1].rstrip(">"))]
    if irt:
        hdr.append("In-Reply-To: <%s>" % irt)
    hdr += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", ""]
    return "\n".join(hdr + [(">" + l if l.startswith("From ") else l) for l in body.split("\n")] + [""])
M1 = T(D + "07:14:22")
M2 = T(D + "07:41:09")
M3 = T(D + "07:58:02")
M4 = T(D + "08:06:40")
mb = [mail(M1, "Lena Brandt <lena.brandt@chatterly.io>", "it-servicedesk@hallmann-logistik.de",
           "Chatterly: all your users' connections are closed after exactly 60 seconds since 08:00",
           "Hallo Herr Vogt, hello IT team,\n\nsince 08:00 CEST today every Chatterly WebSocket connection from your egress\n"
           "addresses (147.161.166.0/23, 147.161.236.0/23) is closed after exactly 60 seconds, without a close frame.\n"
           "Your users see 'Reconnecting...' every minute, and since 08:38 the reconnects have overloaded our workspace\n"
           "loading for all customers. We have had to throttle Hallmann's logins for now.\n\n"
           "Did anything change on your proxy / secure web gateway this morning (session or tunnel time limits)?\n\n"
           "Lena Brandt, Customer Success, Chatterly", BTZ, "cs-48a1"),
      mail(M2, "Martin Vogt <martin.vogt@hallmann-logistik.de>", "Lena Brandt <lena.brandt@chatterly.io>",
           "RE: Chatterly: all your users' connections are closed after exactly 60 seconds since 08:00",
           "Hello Ms Brandt,\n\nyes - at 08:00 we rolled out a new SWG policy that limits tunnels for uncategorised\n"
           "destinations to 60 seconds. chatterly.io was not on the allow list. We will add it and revert the\n"
           "limit for your domains, change approval is running.\n\nMartin Vogt\nIT Infrastructure, Hallmann Logistik", BTZ,
           "hl-7731", irt="cs-48a1@chatterly.io"),
      mail(M3, "Martin Vogt <martin.vogt@hallmann-logistik.de>", "Lena Brandt <lena.brandt@chatterly.io>",
           "RE: Chatterly: all your users' connections are closed after exactly 60 seconds since 08:00",
           "The policy change was reverted at 09:55 and *.chatterly.io is now categorised as business collaboration.\n"
           "Our users report Chatterly is stable again. Please confirm from your side.\n\nMartin", BTZ, "hl-7740", irt="hl-7731@hallmann-logistik.de"),
      mail(M4, "Lena Brandt <lena.brandt@chatterly.io>", "Martin Vogt <martin.vogt@hallmann-logistik.de>",
           "RE: Chatterly: all your users' connections are closed after exactly 60 seconds since 08:00",
           "Confirmed, no more cut connections from your addresses since 09:56. We'll lift the login throttle shortly.\n"
           "Thanks for the quick turnaround!\n\nLena", BTZ, "cs-48b7", irt="hl-7740@hallmann-logistik.de")]
inc.write("mail/hallmann.mbox", "\n".join(mb))

# ---- PagerDuty log entries
pd = PD(6112, "BootApi5xxRatio boot-api 5xx ratio above 5%", "boot-api", "PBOOT01", "Core Backend")
nina = PD.user("Nina Hoffmann", "PNINAH1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMEU1", "summary": "Alertmanager eu1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Nina Hoffmann by push notification.",
       user=nina, notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", nina, {"type": "mobile"}, "Acknowledged by Nina Hoffmann.")
pd.add(add(ALERT_OK, seconds=10), "annotate_log_entry", nina, {"type": "web_ui", "summary": "Alert resolved after throttling hallmann; Hallmann users still throttled, keeping incident open"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", nina, {"type": "web_ui"}, "Resolved by Nina Hoffmann.")
inc.json("pd-log-entries.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("U1NINA", "nina", "Nina Hoffmann"), ("U1JONAS", "jonas.k", "Jonas Keller"), ("U1LENA", "lena.b", "Lena Brandt"),
                ("U1TARIK", "tarik", "Tarik Aydin"), ("U1PAUL", "paul.s", "Paul Schreiber"), ("U1EMMA", "emma", "Emma Richter")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n, p in [("C1INC", "inc-2026-04-15-boot", "incident channel"), ("C1CS", "cs-escalations", "Customer success escalations"),
                  ("C1DEP", "deploys", "Spinnaker notifications"), ("C1STAT", "status", "Statuspage mirror"), ("C1CORE", "core-backend", "")]:
    s.channel(cid, n, p)
for e in sp:
    import datetime as _d
    t = _d.datetime.fromtimestamp(e["endTime"] / 1000, UTC)
    if W0 <= t <= W1 or t < W0:
        s.bot("deploys", t, "B1SPIN", "spinnaker", blocks=pd_slack_blocks("*%s* pipeline `%s` %s (version %s, by %s)" % (
            e["application"], e["name"], e["status"].lower(), e["trigger"]["parameters"]["version"], e["trigger"]["user"])))
s.bot("core-backend", add(LAT_WARN, seconds=3), "B1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "BootApiLatencyHigh", "boot-api p99 above 2s for 5m", color="warning"))
s.say("core-backend", add(LAT_WARN, seconds=140), "U1PAUL", "boot p99 creeping up, Monday-ish login wave? keeping an eye on it")
ch = "inc-2026-04-15-boot"
s.say(ch, add(ACK, seconds=50), "U1NINA", "acked. boot-api 5xx ~12% and climbing, QueuePool timeouts, p99 at the 10s deadline")
s.say(ch, WRONG, "U1PAUL", "boot-api 2026.04.15-1 went out at 05:48 with the emoji pack preload, maybe each boot got heavier?")
s.say(ch, ROLLBACK_Q, "U1EMMA", "should we roll back boot-api?")
s.say(ch, add(ROLLBACK_Q, seconds=70), "U1NINA", "per-boot time was flat until 08:30 local. it's the number of boots: 8-9x normal")
s.say(ch, T(D + "06:53:40"), "U1TARIK", "fyi search-indexer v3.41.0 rolling out in eu1, unrelated, shout if you want me to hold")
s.say(ch, T(D + "06:55:05"), "U1JONAS", "new connections/s by tenant: hallmann-logistik alone is ~350/s, everyone else ~25/s")
s.say(ch, DIAG, "U1JONAS", "got it: every hallmann socket from 147.161.x is closed with 1006 after exactly 60.0s, since 08:01. "
      "something on their side (proxy/SWG) cuts the websocket at 60s and every reconnect does a full workspace boot (24k members). that's the boot storm")
s.say(ch, add(DIAG, seconds=75), "U1NINA", "ok. plan: throttle hallmann boots with the tenant rate-limit toggle so everyone else recovers, and get their IT on the phone")
s.say(ch, add(STATUS, seconds=20), "U1EMMA", "status page posted")
s.say(ch, add(RATELIMIT, seconds=45), "U1NINA", "boot-api.tenant-rate-limit on for hallmann at 30/s. other tenants' 5xx dropping. hallmann users will mostly sit on the loading screen")
s.say(ch, add(ALERT_OK, seconds=30), "U1NINA", "BootApi5xxRatio resolved but hallmann is still down for most of its users, incident stays open")
s.say(ch, T(D + "07:33:00"), "U1PAUL", "could we pin hallmann to the long-polling transport instead? (no - the SWG would cut that too, ignore me)")
s.say(ch, add(M3, seconds=38), "U1LENA", "Hallmann IT: they reverted their SWG policy (60s tunnel limit) at 09:55 CEST")
s.say(ch, add(MITIGATED, seconds=40), "U1JONAS", "confirmed, last 60s cut at 07:55:58Z, throttled boots drained, hallmann connected count back to ~23k")
s.say(ch, add(RL_OFF, seconds=30), "U1NINA", "rate-limit toggle off, boots normal")
s.say(ch, add(RESOLVED, seconds=-40), "U1NINA", "resolving. follow-ups: reconnect should resume the session instead of a full boot; per-tenant boot limits on by default")
s.say("cs-escalations", T(D + "07:07:30"), "U1LENA", "Hallmann Logistik (enterprise, 24k seats): engineering says their proxy cuts our sockets every 60s. I'm writing to their IT now")
s.say("cs-escalations", add(M2, seconds=50), "U1LENA", "Hallmann IT confirms a new SWG policy at 08:00 with a 60s tunnel limit; they're reverting, approval running")
s.bot("status", STATUS, "B1SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Workspaces slow to load",
      "title": "Investigating - Some users cannot load their workspace", "text": "Loading Chatterly fails or is slow for some users. Messages already sent are not affected.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RATELIMIT, minutes=9), "B1SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Identified",
      "title": "Identified - Some users cannot load their workspace", "text": "Most customers have recovered. Users of one customer network remain affected; we are working with them.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=1), "B1SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved",
      "title": "Resolved - Some users cannot load their workspace", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "chatterly-proxy-cutoff", "customer-network-proxy-cuts-websockets-reconnect-boot-storm",
    "Hallmann Logistik's IT rolled out a secure-web-gateway policy that cuts every WebSocket after 60 s; each reconnect of its 24k users\n"
    "is a full workspace boot, the boot storm saturates boot-api for all tenants; a per-tenant boot throttle only helps the others until their IT reverts.",
    (W0, W1),
    dict(started=STARTED, detected=LAT_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first hallmann WebSocket closed 1006 after exactly 60 s", "rtgw/eu1-2026-04-15.log.gz", 90),
     (LAT_WARN, "alert_fired", "BootApiLatencyHigh (warning) firing", "am/webhooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #6112 triggered (BootApi5xxRatio)", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Nina Hoffmann acknowledges", "pd-log-entries.json", 60),
     (DIAG, "diagnosis", "Jonas: hallmann sockets cut at exactly 60 s by their proxy; each reconnect is a full boot", "slack", 90),
     (STATUS, "communication", "Statuspage: some users cannot load their workspace", "slack", 90),
     (RATELIMIT, "mitigation", "boot-api.tenant-rate-limit on for hallmann (30/s); other tenants recover", "boot-api/boot.log", 60),
     (ALERT_OK, "alert_resolved", "BootApi5xxRatio resolved while hallmann is still throttled", "am/webhooks.ndjson", 60),
     (REVERT, "mitigation", "Hallmann IT reverts its SWG 60 s tunnel limit (09:55 CEST)", "mail/hallmann.mbox", 120),
     (MITIGATED, "recovery", "60 s cuts stop and the throttled hallmann boots drain", "boot-api/boot.log", 90),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-log-entries.json", 60)],
    [(OUR_DEPLOY, "boot-api 2026.04.15-1 deploy (emoji preload) before the storm, not the cause", "spin-executions.json"),
     (OTHER_DEPLOY, "search team deploys search-indexer v3.41.0", "spin-executions.json"),
     (CRON[-1], "daily invoice-pdf-reindex job failure (KubeJobFailed every day at ~06:21)", "am/webhooks.ndjson"),
     (T(D + "06:12:15"), "SearchIndexerLagHigh flapping, search team", "am/webhooks.ndjson"),
     (T(D + "07:40:00"), "NodeFilesystemSpaceFillingUp, platform team", "am/webhooks.ndjson"),
     (ROLLBACK_Q, "'should we roll back boot-api?' question, not done", "slack"),
     (WRONG, "wrong hunch: emoji preload made boots heavier", "slack"),
     (T(D + "07:33:00"), "wrong idea: pin hallmann to long-polling", "slack"),
     (T(D + "07:00:00"), "steady ping-timeout closes and avatar CDN warnings all window", "rtgw/eu1-2026-04-15.log.gz")],
    [("rtgw/eu1-2026-04-15.log.gz", "logs"), ("boot-api/boot.log", "logs", BTZ), ("panel-export.json", "prometheus-query-range"),
     ("am/webhooks.ndjson", "alertmanager-webhook"), ("spin-executions.json", "deploys"), ("mail/hallmann.mbox", "logs"),
     ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
