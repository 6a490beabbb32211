"""retired13/stockfeed-agent-tz: store agent 3.8.0 (rolled out to all stores over two nights) stamps till sales with store
local time but a 'Z'; the stock ledger drops events more than 6 h late, which hits only Mountain and Pacific stores
(7-8 h off), so their online stock is never decremented and click & collect orders are oversold and cancelled at pick."""
import random
from common import *

rng = random.Random(20260121)
inc = Incident("retired13", "stockfeed-agent-tz")
DEN, LA = "America/Denver", "America/Los_Angeles"
D = "2026-01-21 "
W0, W1 = T(D + "13:30:00"), T(D + "20:30:00")
CRON = [T("2026-01-%02d 15:45:%02d" % (d, 20 + d)) for d in (18, 19, 20, 21)]
STARTED = T(D + "14:00:41")        # first Mountain sale dropped as late
PAC_OPEN = T(D + "15:00:00")
OTHER_DEPLOY = T(D + "16:40:12")
SUPPORT = T(D + "16:55:30")
PAGE = T(D + "17:12:30")
ACK = T(D + "17:16:10")
WRONG = T(D + "17:21:40")
WARN = T(D + "17:26:00")
ROLLBACK_Q = T(D + "17:35:15")
COMMS = T(D + "17:40:30")
DIAG = T(D + "17:48:20")
BUFFER = T(D + "17:58:40")
HOTFIX = T(D + "18:31:10")
LAST_DROP = T(D + "18:33:02")
REPLAY = T(D + "18:41:00")
MITIGATED = T(D + "19:22:40")
WARN_OK = T(D + "19:41:00")
RESOLVED = T(D + "20:05:00")

MTN = ["2207", "2214", "2231", "2302", "2318"]
PAC = ["2405", "2412", "2433", "2509", "2520", "2611"]
EAST = ["0412", "0517", "1142", "1207"]


def dropping(store, t):
    if t >= LAST_DROP or t < STARTED:
        return False
    return store in MTN or (store in PAC and t >= PAC_OPEN)


def oos_ratio(t):
    """share of west click & collect orders cancelled at pick as out of stock."""
    base = 0.018
    if T(D + "14:35:00") <= t < MITIGATED:
        grow = min(0.21, (t - T(D + "14:35:00")).total_seconds() / 3600 * 0.055)
        if t >= add(BUFFER, minutes=4):
            grow *= 0.6
        return base + grow
    if MITIGATED <= t < add(MITIGATED, minutes=12):
        return base + 0.04 * (1 - (t - MITIGATED).total_seconds() / 720)
    return base


# ---- stock-ledger structlog JSON (UTC)
sl = []
def S(t, level, event, **kw):
    sl.append((t, jline({"timestamp": iso_us(t), "level": level, "logger": kw.pop("logger", "ledger.ingest"), "event": event, **kw})))
def ev_time(store, t):
    tz = DEN if store in MTN else LA
    return local(t, tz).strftime("%Y-%m-%dT%H:%M:%S") + "Z"
S(STARTED, "warning", "late_event_dropped", store="2207", sku="448812", qty=-1, event_time=ev_time("2207", add(STARTED, seconds=-2)),
  lateness_s=25202, allowed_lateness_s=21600, agent="storeagent/3.8.0")
for t in poisson_times(rng, add(STARTED, seconds=3), LAST_DROP, 0.16):
    st = rng.choice(MTN + PAC)
    if not dropping(st, t):
        continue
    lag = 7 if st in MTN else 8
    delay = rng.randint(2, 40)
    et = add(t, seconds=-delay)
    S(t, "warning", "late_event_dropped", store=st, sku=str(rng.randint(100000, 999999)), qty=-rng.randint(1, 3),
      event_time=ev_time(st, et), lateness_s=int((t - et.replace(microsecond=0)).total_seconds()) + lag * 3600,
      allowed_lateness_s=21600, agent="storeagent/3.8.0")
for t in frange(W0, W1, 60):
    west_ok = 0 if t < LAST_DROP else rng.randint(160, 260)
    S(t, "info", "batch_applied", logger="ledger.apply", events=rng.randint(900, 1300) + west_ok,
      stores=rng.randint(410, 440) + (0 if t < LAST_DROP else 190), late_dropped=0 if t < STARTED or t >= LAST_DROP else rng.randint(40, 220 if t > PAC_OPEN else 90))
for t in poisson_times(rng, W0, W1, 1 / 60.0):
    S(t, "warning", "on_hand_negative_clamped", logger="ledger.apply", store=rng.choice(EAST + MTN + PAC), sku=str(rng.randint(100000, 999999)), on_hand=-rng.randint(1, 4))
S(HOTFIX, "info", "service_started", logger="ledger.main", version="5.14.2", allowed_lateness_s=43200, agent_tz_fix="storeagent<3.8.1: sold_at read as store local")
S(add(LAST_DROP, seconds=13), "info", "agent_timestamp_corrected", store="2405", agent="storeagent/3.8.0", tz=LA, shifted_s=28800)
S(REPLAY, "info", "replay_started", logger="ledger.replay", source="ledger.late-events", since="2026-01-21T10:00:00Z", events=48213)
for i in range(1, 8):
    S(add(REPLAY, minutes=i * 5, seconds=rng.randint(0, 20)), "info", "replay_progress", logger="ledger.replay", applied=min(48213, i * 6900))
S(MITIGATED, "info", "replay_finished", logger="ledger.replay", applied=48213, stores=11, duration_s=int((MITIGATED - REPLAY).total_seconds()))
S(add(MITIGATED, seconds=5), "info", "availability_republished", logger="ledger.publish", stores=11, skus=19332)
inc.lines("ledger/stock-ledger.jsonl", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- store 2207 agent log (Denver local, no offset)
al = []
def A(t, lvl, comp, msg):
    lt = local(t, DEN)
    al.append((t, "%s %-5s %-9s %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lvl, comp, msg)))
A(T(D + "10:02:13"), "INFO", "updater", "storeagent 3.8.0 installed (was 3.7.4), restarting")
A(T(D + "10:02:19"), "INFO", "main", "storeagent 3.8.0 starting, store=2207 tz=America/Denver")
A(T(D + "10:02:20"), "INFO", "uploader", "ledger endpoint https://stock-ledger.internal.northpeak.com/v1/events")
b = 55120
for t in frange(T(D + "14:00:40"), W1, 60):
    n = rng.randint(3, 18)
    b += 1
    first = local(add(t, seconds=-58), DEN).strftime("%Y-%m-%dT%H:%M:%S") + "Z"
    A(t, "INFO", "uploader", "batch %d posted %d sales sold_at=%s.. -> 202 Accepted" % (b, n, first))
for t in poisson_times(rng, T(D + "13:30:00"), W1, 1 / 300.0):
    A(t, "WARN", "lanes", "lane 4 heartbeat late (%ds)" % rng.randint(31, 90))
A(T(D + "14:00:10"), "INFO", "lanes", "store open: 8 lanes signed on")
inc.lines("stores/2207-agent.log", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- store-agent fleet waves (CSV)
fw = ["wave,package,stores,scheduled_local,started_utc,finished_utc,status,owner",
      "A,storeagent-3.8.0,east+central (612),03:00,2026-01-20T08:00:00Z,2026-01-20T09:41:10Z,complete,store-platform",
      "B,storeagent-3.8.0,mountain+pacific (190),03:00,2026-01-21T10:00:00Z,2026-01-21T11:38:52Z,complete,store-platform"]
inc.write("fleet-waves.csv", "\n".join(fw) + "\n")

# ---- GitLab deployments API (several projects, merged list)
def G(i, project, t, ref, sha, user, env="production"):
    return {"id": 771200 + i, "iid": 300 + i, "ref": ref, "sha": sha, "created_at": iso(t, ms=True), "updated_at": iso(add(t, seconds=rng.randint(60, 240)), ms=True),
            "status": "success", "user": {"id": 4100 + i, "username": user, "name": user.replace(".", " ").title(), "state": "active"},
            "environment": {"id": 88 + i, "name": env, "external_url": "https://%s.internal.northpeak.com" % project.split("/")[-1]},
            "deployable": {"id": 99120000 + i * 17, "status": "success", "stage": "deploy", "name": "deploy:production",
                           "ref": ref, "pipeline": {"id": 1882000 + i, "project_id": 610 + i, "sha": sha, "ref": ref, "status": "success",
                                                    "web_url": "https://gitlab.northpeak.com/%s/-/pipelines/%d" % (project, 1882000 + i)}},
            "project": project}
deps = [G(1, "commerce/storefront", OTHER_DEPLOY, "main", hexid(rng, 40), "maya.lind"),
        G(2, "inventory/availability-config", BUFFER, "main", hexid(rng, 40), "sam.okafor"),
        G(3, "inventory/stock-ledger", HOTFIX, "v5.14.2", hexid(rng, 40), "sam.okafor"),
        G(4, "commerce/promotions", T(D + "14:12:33"), "main", hexid(rng, 40), "deploy-bot"),
        G(5, "inventory/stock-ledger", T("2026-01-14 16:02:48"), "v5.14.1", hexid(rng, 40), "sam.okafor")]
inc.json("deployments.json", sorted(deps, key=lambda d: d["created_at"], reverse=True))

# ---- Prometheus query_range: west OOS cancel ratio and dropped late events
series = [({"region": "west"}, lambda t: round(oos_ratio(t) * rng.uniform(0.9, 1.1), 4)),
          ({"region": "east"}, lambda t: round(0.017 * rng.uniform(0.85, 1.15), 4)),
          ({"__name__": "ledger_late_events_dropped:rate5m"},
           lambda t: 0 if not (STARTED <= t < add(LAST_DROP, minutes=5)) else round((1.1 if t < PAC_OPEN else 3.2) * rng.uniform(0.85, 1.15), 3))]
inc.json("metrics/query_range.json", query_range(series, W0, W1, 60))

# ---- Alertmanager webhook archive (back to the 18th)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for c in CRON:
    lab = {"severity": "ticket", "team": "loss-prevention", "job": "shrink-report"}
    H(add(c, seconds=40), am_webhook("email-lp", [am_alert("ShrinkReportJobFailed", lab, "nightly shrink report failed: upstream export empty", c)]))
wl = {"severity": "warning", "team": "inventory", "region": "west"}
H(add(WARN, seconds=10), am_webhook("pd-inventory", [am_alert("ClickCollectOOSCancelRatio", wl, "west click & collect out-of-stock cancels 17.9% (> 8%)", WARN)]))
H(add(WARN_OK, seconds=10), am_webhook("pd-inventory", [am_alert("ClickCollectOOSCancelRatio", wl, "west click & collect out-of-stock cancels", WARN, ends=WARN_OK)]))
fl = {"severity": "warning", "team": "merch-systems", "service": "price-sync"}
for a, bb in (("13:52:00", "13:57:30"), ("16:05:00", "16:11:00"), ("18:49:30", "18:55:00")):
    H(add(T(D + a), seconds=10), am_webhook("slack-merch", [am_alert("PriceSyncLagHigh", fl, "price-sync to stores lagging > 15m", T(D + a))]))
    H(add(T(D + bb), seconds=10), am_webhook("slack-merch", [am_alert("PriceSyncLagHigh", fl, "price-sync to stores lagging > 15m", T(D + a), ends=T(D + bb))]))
inc.lines("alerts.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty v2 webhooks (manual trigger by support)
pd = PD(7741, "Click & collect orders cancelled out of stock at pick - West stores (customer contacts)", "Inventory", "PINVT01", "Inventory On-call")
sam = PD.user("Sam Okafor", "PSAMOK1")
rosa = PD.user("Rosa Delgado", "PROSAD1")
pd.add(PAGE, "trigger_log_entry", rosa, {"type": "web_trigger"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Sam Okafor by push notification.", user=sam)
pd.add(ACK, "acknowledge_log_entry", sam, {"type": "mobile"}, "Acknowledged by Sam Okafor.")
pd.add(add(DIAG, minutes=1), "annotate_log_entry", sam, {"type": "web_ui", "summary": "storeagent 3.8.0 local time stamped as UTC; west events dropped as late"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", sam, {"type": "web_ui"}, "Resolved by Sam Okafor.")
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 7741, pd.inc["summary"].split("] ", 1)[1], PAGE)])

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U3SAM", "sam.o", "Sam Okafor", "America/Chicago"), ("U3ROSA", "rosa.d", "Rosa Delgado", DEN),
                    ("U3MAYA", "maya", "Maya Lind", LA), ("U3JON", "jon.b", "Jon Baker", "America/New_York"),
                    ("U3KIM", "kim.t", "Kim Tran", LA), ("U3ELI", "eli", "Eli Novak", "America/Chicago")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C3CS", "cs-escalations", "Customer service escalations"), ("C3INC", "inc-7741-oversell", "Incident 7741"),
                  ("C3STM", "store-managers-west", "West store managers"), ("C3DEP", "deploys", "")]:
    s.channel(cid, n, p)
s.say("cs-escalations", SUPPORT, "U3ROSA", "we've had ~40 contacts since 9am MT from customers whose click & collect orders were cancelled at pickup 'item unavailable', all Denver/Phoenix/Seattle/LA area stores. site showed plenty of stock. anyone?")
s.say("cs-escalations", add(SUPPORT, minutes=9), "U3KIM", "store 2412 says pickers can't find half the C&C items, shelves were emptied this morning")
s.say("cs-escalations", add(PAGE, seconds=25), "U3ROSA", "paging inventory on-call")
s.bot("deploys", add(OTHER_DEPLOY, minutes=3), "B3GL", "gitlab", blocks=pd_slack_blocks("*commerce/storefront* `main` deployed to production by maya.lind"))
s.bot("deploys", add(BUFFER, minutes=2), "B3GL", "gitlab", blocks=pd_slack_blocks("*inventory/availability-config* `main` deployed to production by sam.okafor"))
s.bot("deploys", add(HOTFIX, minutes=3), "B3GL", "gitlab", blocks=pd_slack_blocks("*inventory/stock-ledger* `v5.14.2` deployed to production by sam.okafor"))
ch = "inc-7741-oversell"
s.say(ch, add(ACK, seconds=45), "U3SAM", "acked. looking at availability for west stores")
s.say(ch, WRONG, "U3ELI", "storefront deployed at 16:40Z - could it be caching availability?")
s.say(ch, add(WRONG, minutes=2), "U3MAYA", "that release only touched the checkout banner, and the first complaints are from 9am MT, before it")
s.say(ch, add(WARN, minutes=1), "U3SAM", "ClickCollectOOSCancelRatio just fired for west, 18% and climbing since ~14:40Z")
s.say(ch, ROLLBACK_Q, "U3JON", "the store agent went to the west stores last night - should we roll it back?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U3ELI", "agent rollback is an overnight wave, stores are trading. and east got the same version yesterday without problems")
s.say("store-managers-west", COMMS, "U3KIM", "@channel Online stock for your store is overstated today, so some click & collect orders are for items you no longer have. Please call customers before their slot if you can't pick an item. We are fixing the stock feed.")
s.say(ch, DIAG, "U3SAM", "got it: 3.8.0 stamps sold_at with store local time and a Z. the ledger drops anything more than 6h late, so mountain (7h) and pacific (8h) sales are all dropped and online stock never goes down. east/central are 5-6h off and squeak in (wrong times, right counts)")
s.say(ch, add(DIAG, minutes=3), "U3SAM", "hotfix: read <3.8.1 agents' sold_at as store local + allowed lateness 12h. then replay the late-events topic")
s.say(ch, add(BUFFER, seconds=30), "U3SAM", "meanwhile raised the online safety buffer for mountain+pacific stores from 2 to 6 units. fewer oversells, won't fix fast sellers")
s.say(ch, add(HOTFIX, minutes=3), "U3SAM", "5.14.2 is out, no late drops since 18:33Z")
s.say(ch, add(REPLAY, seconds=20), "U3SAM", "replaying 48k dropped west sale events")
s.say(ch, add(MITIGATED, minutes=1), "U3SAM", "replay done, west availability republished. online stock matches the tills again")
s.say(ch, add(MITIGATED, minutes=14), "U3SAM", "safety buffer back to 2")
s.say(ch, add(RESOLVED, seconds=-60), "U3SAM", "cancel ratio at baseline for 30 min. resolving; store-platform ships agent 3.8.1 (UTC timestamps) tonight")
s.write(inc, "slack")

inc.truth(
    "stockfeed-agent-tz", "store-agent-local-time-as-utc-late-events-dropped-oversell",
    "Store agent 3.8.0 stamps till sales with local time and a 'Z'; the stock ledger drops events over 6 h late, only Mountain and Pacific\n"
    "stores' (7-8 h off), so online stock isn't decremented and click & collect orders are oversold until a ledger hotfix and a replay.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first Mountain sale dropped as late (lateness 7h)", "ledger/stock-ledger.jsonl", 60),
     (PAGE, "paged", "support triggers PagerDuty #7741 from the website", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Sam acknowledges", "pd-webhooks.ndjson", 60),
     (WARN, "alert_fired", "ClickCollectOOSCancelRatio (west) fires", "alerts.ndjson", 60),
     (COMMS, "communication", "west store managers told online stock is overstated", "slack", 90),
     (DIAG, "diagnosis", "Sam: 3.8.0 stamps local time as Z, west events dropped as >6h late", "slack", 90),
     (BUFFER, "mitigation", "online safety buffer raised for west stores (partial)", "deployments.json", 60),
     (HOTFIX, "mitigation", "stock-ledger 5.14.2 deployed", "deployments.json", 60),
     (REPLAY, "mitigation", "replay of dropped west sale events starts", "ledger/stock-ledger.jsonl", 60),
     (MITIGATED, "recovery", "replay finished, west availability republished", "ledger/stock-ledger.jsonl", 60),
     (WARN_OK, "alert_resolved", "ClickCollectOOSCancelRatio resolved", "alerts.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #7741 resolved", "pd-webhooks.ndjson", 60)],
    [(CRON[-1], "ShrinkReportJobFailed, daily at 15:45", "alerts.ndjson"),
     (T(D + "13:52:00"), "PriceSyncLagHigh for merch systems, flapping", "alerts.ndjson"),
     (T(D + "16:05:00"), "PriceSyncLagHigh flap", "alerts.ndjson"),
     (OTHER_DEPLOY, "storefront deploy by the web team", "deployments.json"),
     (T(D + "14:12:33"), "promotions deploy by deploy-bot", "deployments.json"),
     (WRONG, "wrong hunch: storefront caching availability", "slack"),
     (ROLLBACK_Q, "'should we roll back the store agent?' question", "slack"),
     (T(D + "16:00:00"), "steady negative on-hand clamps and lane heartbeat warnings", "ledger/stock-ledger.jsonl")],
    [("ledger/stock-ledger.jsonl", "logs"), ("stores/2207-agent.log", "logs", DEN), ("fleet-waves.csv", "deploys"),
     ("deployments.json", "deploys"), ("metrics/query_range.json", "prometheus-query-range"), ("alerts.ndjson", "alertmanager-webhook"),
     ("pd-webhooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
