"""retired13/fieldnote-cell-migration-quota: a control-plane tenant migration moves Northwind from cell-use1-3 to
cell-use1-7 but not its cell-local rate-limit override; the tenant is throttled to the default 100 rps until a
support-triggered page is answered late and the override is set on cell-7."""
import random
from common import *

rng = random.Random(20260415)
inc = Incident("retired13", "fieldnote-cell-migration-quota")
D = "2026-04-15 "
W0, W1 = T(D + "12:00:00"), T(D + "16:00:00")
TEN = "tn_4f2a91"            # Northwind Logistics
MIG_START = T(D + "12:30:04")
FREEZE = T(D + "12:41:10")
COPY_DONE = T(D + "12:46:51")
FLIP = T(D + "12:47:32")
STARTED = T(D + "12:47:39")
MIG_DONE = T(D + "12:49:05")
OTHER_DEPLOY = T(D + "12:58:14")
CUST = T(D + "13:05:12")
SUPPORT_ESC = T(D + "13:12:40")
PAGE = T(D + "13:21:40")
ESC = T(D + "13:36:41")
ACK = T(D + "13:38:05")
COMMS = T(D + "13:31:20")
WRONG = T(D + "13:41:30")
ROLLBACK_Q = T(D + "13:44:02")
DIAG = T(D + "13:49:30")
QUOTA_SET = T(D + "13:56:12")
RELOAD = T(D + "13:56:19")
MITIGATED = T(D + "13:56:24")
RESOLVED = T(D + "14:41:10")
CRON_DAYS = ["2026-04-12", "2026-04-13", "2026-04-14", "2026-04-15"]
CRON = [T("%s 12:15:%02d" % (d, 20 + i)) for i, d in enumerate(CRON_DAYS)]


def throttled(t):
    return STARTED <= t < MITIGATED


# ---- control-plane audit log (JSON lines, our tenantctl service) -- the change record
au = []
def A(t, actor, action, target, **detail):
    au.append((t, jline({"ts": iso_us(t), "actor": actor, "action": action, "target": target,
                         "request_id": "req_" + uid(action + iso(t), 20), "detail": detail, "source": "tenantctl/2.19.3"})))
A(T(D + "09:14:02"), "svc:billing-sync", "tenant.plan.update", "tn_77c1d0", plan_from="growth", plan_to="business")
A(T(D + "11:02:45"), "maria.okafor@fieldnote.io", "tenant.migration.schedule", TEN, from_cell="cell-use1-3",
  to_cell="cell-use1-7", window_start="2026-04-15T12:30:00Z", ticket="CELL-1182", reason="rebalance cell-use1-3 (db cpu 71%)")
A(MIG_START, "svc:migrator", "tenant.migration.start", TEN, from_cell="cell-use1-3", to_cell="cell-use1-7", migration_id="mig_01HVB7Q2")
A(add(MIG_START, seconds=3), "svc:migrator", "tenant.migration.phase", TEN, migration_id="mig_01HVB7Q2", phase="snapshot", status="started")
A(add(MIG_START, minutes=9, seconds=40), "svc:migrator", "tenant.migration.phase", TEN, migration_id="mig_01HVB7Q2", phase="snapshot", status="done", rows=48213377)
A(FREEZE, "svc:migrator", "tenant.migration.phase", TEN, migration_id="mig_01HVB7Q2", phase="write_freeze", status="started")
A(COPY_DONE, "svc:migrator", "tenant.migration.phase", TEN, migration_id="mig_01HVB7Q2", phase="delta_copy", status="done", rows=18804)
A(FLIP, "svc:migrator", "tenant.routing.update", TEN, cell_from="cell-use1-3", cell_to="cell-use1-7", routing_epoch=88412,
  carried=["tenant_record", "api_keys", "sso_config", "webhooks", "feature_flags"])
A(add(FLIP, seconds=2), "svc:migrator", "tenant.migration.phase", TEN, migration_id="mig_01HVB7Q2", phase="write_freeze", status="lifted")
A(MIG_DONE, "svc:migrator", "tenant.migration.complete", TEN, migration_id="mig_01HVB7Q2", duration_s=1141, verify="row_counts_ok")
A(T(D + "13:10:33"), "dev.patel@fieldnote.io", "tenant.quota.set", "tn_1a90bb", cell="cell-use1-2", key="api_rps", value=400, previous=250)
A(T(D + "13:27:50"), "svc:billing-sync", "tenant.plan.update", "tn_e8d301", plan_from="trial", plan_to="growth")
A(T(D + "13:52:18"), "kim.nguyen@fieldnote.io", "tenant.quota.get", TEN, cell="cell-use1-3", key="api_rps", value=1500, source="cell-local override")
A(QUOTA_SET, "kim.nguyen@fieldnote.io", "tenant.quota.set", TEN, cell="cell-use1-7", key="api_rps", value=1500, previous=None, ticket="INC-2291")
A(T(D + "14:22:07"), "kim.nguyen@fieldnote.io", "tenant.quota.set", TEN, cell="cell-use1-7", key="api_burst", value=3000, previous=None, ticket="INC-2291")
A(T(D + "15:20:41"), "svc:migrator", "tenant.migration.cleanup", TEN, migration_id="mig_01HVB7Q2", cell="cell-use1-3", status="scheduled")
inc.lines("cp-audit.jsonl", [l for _, l in sorted(au, key=lambda x: x[0])])

# ---- cell-7 edge envoy JSON access log (gzip)
ev = []
UAS = ["NorthwindDispatch/5.2 (+okhttp/4.12.0)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.0.0 Safari/537.36",
       "fieldnote-mobile/9.14.1 (iOS 19.4)", "python-requests/2.32.3"]
PATHS = [("GET", "/api/v2/jobs?status=open"), ("POST", "/api/v2/jobs/{id}/events"), ("GET", "/api/v2/technicians/{id}/schedule"),
         ("PATCH", "/api/v2/jobs/{id}"), ("GET", "/api/v2/customers/{id}")]
OTHER_TEN = ["tn_0b7e14", "tn_5d2c88", "tn_c4410f", "tn_91ae02", "tn_2f6b3d"]
def E(t, tenant, code, flags, ua, method, path, dur, up=None):
    ev.append((t, jline({"start_time": iso(t, ms=True), "method": method, "path": path.replace("{id}", str(rng.randint(100000, 999999))),
                         "protocol": "HTTP/1.1", "response_code": code, "response_flags": flags,
                         "bytes_received": rng.randint(0, 1800) if method != "GET" else 0,
                         "bytes_sent": 57 if code == 429 else rng.randint(300, 14000), "duration": dur,
                         "upstream_service_time": up, "x_forwarded_for": "%d.%d.%d.%d" % (rng.choice([3, 18, 52, 98, 174]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
                         "user_agent": ua, "request_id": uuid("rq%s%f" % (tenant, epoch(t))), "authority": "api.fieldnote.io",
                         "upstream_host": "-" if up is None else "10.70.%d.%d:8080" % (rng.randint(0, 15), rng.randint(2, 250)),
                         "x_tenant_id": tenant, "route_name": "tenant_api"})))
for t in poisson_times(rng, W0, W1, 0.3):
    m, p = rng.choice(PATHS)
    ten = rng.choice(OTHER_TEN)
    if ten == "tn_91ae02" and rng.random() < 0.08:   # steady benign: a tenant's integration with a revoked key
        E(t, ten, 401, "-", "python-requests/2.32.3", "GET", "/api/v2/jobs?status=open", rng.randint(2, 6), rng.randint(1, 4))
        continue
    up = rng.randint(8, 160)
    E(t, ten, 200, "-", rng.choice(UAS[1:]), m, p, up + rng.randint(0, 3), up)
for t in poisson_times(rng, FLIP, W1, 0.45):   # Northwind on cell-7 (access log sampled 1:1000 by runtime filter)
    m, p = rng.choice(PATHS)
    ua = rng.choice(UAS[:3])
    if throttled(t) and rng.random() < 0.83:
        E(t, TEN, 429, "RL", ua, m, p, 0)
    else:
        up = rng.randint(10, 180)
        E(t, TEN, 201 if m == "POST" else 200, "-", ua, m, p, up + 2, up)
E(STARTED, TEN, 429, "RL", UAS[0], "POST", "/api/v2/jobs/{id}/events", 0)
inc.write("edge-cell-use1-7/access.json.gz", "".join(l + "\n" for _, l in sorted(ev, key=lambda x: x[0])))

# ---- envoyproxy/ratelimit service on cell-7 (logrus text)
rl = []
def R(t, lvl, msg):
    rl.append((t, 'time="%s" level=%s msg="%s"' % (iso(t), lvl, msg.replace('"', '\\"'))))
for t in frange(add(W0, seconds=7), W1, 300):
    R(t, "debug", "stats flush: total_hits=%d over_limit=%d" % (rng.randint(400000, 460000),
      rng.randint(90000, 130000) if throttled(t) else rng.randint(0, 40)))
R(T(D + "12:47:31"), "info", "runtime changed. loading new snapshot at /srv/runtime_data/current")
R(T(D + "12:47:31"), "info", "loading domain: tenant_api")
R(T(D + "12:47:31"), "debug", "config: 312 tenant descriptors loaded, default api_rps=100 unit=second")
R(T(D + "13:10:36"), "info", "runtime changed. loading new snapshot at /srv/runtime_data/current")
R(T(D + "13:10:36"), "info", "loading domain: tenant_api")
R(T(D + "13:10:36"), "debug", "config: 312 tenant descriptors loaded, default api_rps=100 unit=second")
R(RELOAD, "info", "runtime changed. loading new snapshot at /srv/runtime_data/current")
R(RELOAD, "info", "loading domain: tenant_api")
R(RELOAD, "debug", "config: 313 tenant descriptors loaded, default api_rps=100 unit=second")
R(T(D + "14:22:10"), "info", "runtime changed. loading new snapshot at /srv/runtime_data/current")
R(T(D + "14:22:10"), "info", "loading domain: tenant_api")
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    R(t, "warning", "redis: connection pool: Get: i/o timeout after 5ms, retrying (addr=rl-redis-7.cell-use1-7:6379)")
inc.lines("ratelimit-cell7.log", [l for _, l in sorted(rl, key=lambda x: x[0])])

# ---- Prometheus query_range: per-tenant 429 ratio and request rate on both cells
def nw_ratio(cell):
    def f(t):
        if cell == "cell-use1-7":
            if t < FLIP:
                return None
            if throttled(t):
                return 0.82 + 0.03 * ((int(epoch(t)) // 60) % 3)
            return 0.0
        if t >= add(FLIP, minutes=1):
            return None
        return 0.0
    return f
def nw_rate(cell):
    def f(t):
        on7 = t >= FLIP
        if (cell == "cell-use1-7") != on7:
            return None if cell == "cell-use1-7" else 0.0
        return 560 + 25 * ((int(epoch(t)) // 120) % 4) + (140 if throttled(t) else 0)
    return f
inc.json("tenant-throttle.json", query_range(
    [({"tenant": TEN, "cell": "cell-use1-7", "__name__": "tenant:requests_ratelimited:ratio_rate2m"}, nw_ratio("cell-use1-7")),
     ({"tenant": TEN, "cell": "cell-use1-3", "__name__": "tenant:requests_ratelimited:ratio_rate2m"}, nw_ratio("cell-use1-3")),
     ({"tenant": TEN, "cell": "cell-use1-7", "__name__": "tenant:requests:rate2m"}, nw_rate("cell-use1-7")),
     ({"tenant": TEN, "cell": "cell-use1-3", "__name__": "tenant:requests:rate2m"}, nw_rate("cell-use1-3"))],
    W0, W1, 60, fmt="%.4g"), indent=None)

# ---- PagerDuty log entries (manual trigger by support, escalation by timeout)
pd = PD(48213, "Northwind (tn_4f2a91) API requests rejected 429 after cell migration", "tenant-platform", "PTNPLT7")
arjun = PD.user("Arjun Mehta", "PARJUN2")
kim = PD.user("Kim Nguyen", "PKIMNG4")
lea = PD.user("Lea Hoffmann", "PLEAHO1")
pd.add(PAGE, "trigger_log_entry", lea, {"type": "web_trigger", "summary": "Northwind API requests rejected 429 after cell migration",
       "details": "Customer (Northwind Logistics, enterprise-plus) reports dispatch app failing since ~12:50 UTC. ZD #771820"},
       "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Arjun Mehta by push notification.", user=arjun,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Arjun Mehta by phone.", user=arjun,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.",
       escalation_policy={"summary": "Tenant Platform"})
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Kim Nguyen by phone.", user=kim,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", kim, {"type": "phone"}, "Acknowledged by Kim Nguyen.")
pd.add(add(QUOTA_SET, minutes=2), "annotate_log_entry", kim, {"type": "web_ui", "summary": "api_rps override 1500 set on cell-use1-7; 429s gone"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", kim, {"type": "web_ui"}, "Resolved by Kim Nguyen.")
oth = PD(48209, "KafkaUnderReplicatedPartitions events-kafka-2", "data-streaming", "PDSTRM1")
zoe = PD.user("Zoe Brandt", "PZOEBR1")
oth.add(T(D + "12:21:08"), "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
oth.add(T(D + "12:24:51"), "acknowledge_log_entry", zoe, {"type": "mobile"}, "Acknowledged by Zoe Brandt.")
oth.add(T(D + "12:52:30"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + oth.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-log-entries.json", ex)

# ---- GitHub deployments list (other teams' deploys to cell-7)
deps = []
for i, (t, repo, ref, env, who) in enumerate([
        (T(D + "10:41:09"), "fieldnote/scheduler-api", "v3.88.0", "prod-cell-use1-7", "deploy-bot"),
        (OTHER_DEPLOY, "fieldnote/notifications", "v12.4.1", "prod-cell-use1-7", "chen-li"),
        (T(D + "15:02:47"), "fieldnote/reports", "v7.0.3", "prod-cell-use1-3", "deploy-bot")]):
    deps.append({"url": "https://api.github.com/repos/%s/deployments/%d" % (repo, 3301907 + i), "id": 3301907 + i,
                 "node_id": "DE_kwDO" + uid(repo + ref, 12), "sha": uid(repo + ref, 40), "ref": ref, "task": "deploy",
                 "payload": {}, "original_environment": env, "environment": env, "description": "argo sync " + ref,
                 "creator": {"login": who, "type": "Bot" if who.endswith("bot") else "User"},
                 "created_at": iso(t), "updated_at": iso(add(t, seconds=140)),
                 "statuses_url": "https://api.github.com/repos/%s/deployments/%d/statuses" % (repo, 3301907 + i),
                 "repository_url": "https://api.github.com/repos/" + repo, "transient_environment": False,
                 "production_environment": True})
inc.json("gh-deployments.json", sorted(deps, key=lambda d: d["created_at"], reverse=True))

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U1LEA", "lea.h", "Lea Hoffmann", "Europe/Berlin"), ("U1KIM", "kim", "Kim Nguyen", "America/New_York"),
                    ("U1ARJ", "arjun", "Arjun Mehta", "America/Los_Angeles"), ("U1MAR", "maria.o", "Maria Okafor", "America/New_York"),
                    ("U1CHE", "chen", "Chen Li", "America/Chicago"), ("U1SAM", "sam.r", "Sam Rivera", "America/New_York"),
                    ]:
    s.user(u, n, r, tz)
for cid, n, p in [("C1SUP", "support-escalations", "Tier-2 escalations to engineering"), ("C1INC", "inc-2291-northwind-429", "INC-2291"),
                  ("C1PAL", "platform-alerts", "Alertmanager: platform"), ("C1DEP", "deploys", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("platform-alerts", add(c, seconds=35), "B1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "CellBackupVerifyFailed", "restore-verify job for cell-use1-2 failed (pg_restore: checksum mismatch on archived WAL)\nseverity: ticket", color="warning"))
for a, b in [("12:21:00", "12:52:20"), ("13:18:40", "13:24:10"), ("13:47:00", "13:58:30"), ("14:33:10", "14:37:50")]:
    s.bot("platform-alerts", T(D + a), "B1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KafkaUnderReplicatedPartitions", "events-kafka-2: 14 under-replicated partitions\nteam: data-streaming"))
    s.bot("platform-alerts", T(D + b), "B1AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "KafkaUnderReplicatedPartitions", "events-kafka-2: 0 under-replicated partitions"))
s.say("deploys", add(OTHER_DEPLOY, seconds=150), "U1CHE", "notifications v12.4.1 rolled out to cell-use1-7 (digest batching fix)")
s.say("deploys", add(MIG_DONE, seconds=40), "U1MAR", "CELL-1182: tn_4f2a91 (Northwind) migrated cell-use1-3 -> cell-use1-7, row counts verified :white_check_mark:")
sc = "support-escalations"
t0 = s.say(sc, SUPPORT_ESC, "U1LEA", "Northwind Logistics (enterprise-plus) say their dispatch app and their integration have been failing since ~12:50 UTC, "
           "'Too Many Requests' on almost every call. ZD #771820, they sent a HAR. Anything going on?")
s.say(sc, add(SUPPORT_ESC, seconds=190), "U1SAM", "nothing on the status board. could be their side, their integration hammers us every morning", thread_of=t0)
s.say(sc, add(SUPPORT_ESC, seconds=460), "U1LEA", "they say nothing changed on their side and it's their whole field team. paging tenant-platform", thread_of=t0)
s.say(sc, COMMS, "U1LEA", "told Northwind we've engaged engineering and will update them every 30 min (ZD #771820)", thread_of=t0)
ic = "inc-2291-northwind-429"
s.say(ic, add(PAGE, seconds=50), "U1LEA", "paged tenant-platform for Northwind. HAR shows HTTP 429 with x-envoy-ratelimited from api.fieldnote.io")
s.say(ic, add(ESC, seconds=30), "U1LEA", "no ack from primary after 15 min, it just escalated")
s.say(ic, add(ACK, seconds=45), "U1KIM", "acked, sorry Arjun's on a flight. looking")
s.say(ic, WRONG, "U1KIM", "notifications deployed to cell-7 at 12:58, could that be fanning out requests? checking")
s.say(ic, add(WRONG, seconds=70), "U1CHE", "notifications doesn't go through the tenant API gateway at all, it's internal")
s.say(ic, ROLLBACK_Q, "U1SAM", "should we roll back the migration?")
s.say(ic, add(ROLLBACK_Q, seconds=55), "U1MAR", "not quickly - cell-3 copy is frozen and writes since 12:47 are only on cell-7. a reverse migration is another 20 min of write freeze")
s.say(ic, add(ROLLBACK_Q, seconds=140), "U1KIM", "they only get 429 on cell-7, the 429 ratio for tn_4f2a91 is ~85% since 12:47")
s.say(ic, DIAG, "U1KIM", "found it: Northwind's api_rps=1500 override is a cell-local ratelimit override on cell-3 and the migrator doesn't carry quotas "
      "(carried: tenant_record, api_keys, sso_config, webhooks, feature_flags). on cell-7 they get the default 100 rps")
s.say(ic, add(DIAG, seconds=80), "U1MAR", "ugh, quotas were never in the migration manifest. that explains it")
s.say(ic, add(QUOTA_SET, seconds=-20), "U1KIM", "setting api_rps=1500 for tn_4f2a91 on cell-use1-7")
s.say(ic, add(MITIGATED, seconds=50), "U1KIM", "ratelimit on cell-7 reloaded, Northwind 429s at zero")
s.say(ic, add(MITIGATED, minutes=4), "U1LEA", "Northwind confirms the app works again")
s.say(ic, T(D + "14:23:00"), "U1KIM", "also copied api_burst=3000. filing CELL-1190 to put quotas in the migration manifest")
s.say(ic, add(RESOLVED, seconds=-40), "U1KIM", "45 min clean, resolving. postmortem owner: Maria")
s.write(inc, "slack")

inc.truth(
    "fieldnote-cell-migration-quota", "tenant-cell-migration-drops-cell-local-quota-override-customer-detected",
    "A control-plane migration moved tenant Northwind from cell-use1-3 to cell-use1-7 without its cell-local api_rps override;\n"
    "cell-7's rate limiter held it to the default 100 rps (most calls 429) until support paged, the page escalated, and the override was set on cell-7.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(FLIP, "change", "migrator flips tn_4f2a91 routing to cell-use1-7 (quotas not carried)", "cp-audit.jsonl", 60),
     (STARTED, "first_symptom", "first 429 RL for tn_4f2a91 at the cell-7 edge", "edge-cell-use1-7/access.json.gz", 60),
     (PAGE, "paged", "support triggers PagerDuty #48213 by hand", "pd-log-entries.json", 60),
     (COMMS, "communication", "support tells Northwind engineering is engaged", "slack", 90),
     (ACK, "acknowledged", "Kim acknowledges after escalation by timeout", "pd-log-entries.json", 60),
     (DIAG, "diagnosis", "Kim: cell-local api_rps override not carried by the migrator; default 100 rps on cell-7", "slack", 90),
     (QUOTA_SET, "mitigation", "tenant.quota.set api_rps=1500 for tn_4f2a91 on cell-use1-7", "cp-audit.jsonl", 60),
     (MITIGATED, "recovery", "Northwind 429s stop on cell-7", "edge-cell-use1-7/access.json.gz", 60),
     (RESOLVED, "resolved", "PagerDuty #48213 resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "daily CellBackupVerifyFailed for cell-use1-2 (every day ~12:15)", "slack"),
     (OTHER_DEPLOY, "notifications v12.4.1 deployed to cell-use1-7 by another team", "gh-deployments.json"),
     (T(D + "12:21:00"), "KafkaUnderReplicatedPartitions flapping (data-streaming)", "slack"),
     (T(D + "12:21:08"), "unrelated PagerDuty incident for events-kafka-2", "pd-log-entries.json"),
     (T(D + "13:10:33"), "quota change for another tenant on cell-use1-2", "cp-audit.jsonl"),
     (WRONG, "wrong hunch: notifications deploy fanning out requests", "slack"),
     (ROLLBACK_Q, "'should we roll back the migration?' question, not done", "slack"),
     (T(D + "14:00:00"), "steady 401s from tn_91ae02's revoked key and rate-limiter redis retry warnings all window", "edge-cell-use1-7/access.json.gz")],
    [("cp-audit.jsonl", "deploys"), ("edge-cell-use1-7/access.json.gz", "logs"), ("ratelimit-cell7.log", "logs"),
     ("tenant-throttle.json", "prometheus-query-range"), ("pd-log-entries.json", "pagerduty-log-entries"),
     ("gh-deployments.json", "deploys"), ("slack", "slack-export")])
