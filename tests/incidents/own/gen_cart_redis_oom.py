"""own/cart-redis-oom (#20, third session): a cart-api release stores cart snapshots in Redis without a
TTL; used memory reaches maxmemory under policy noeviction, background saves fail to fork and every
write is refused with OOM, so carts can't be saved until a responder raises maxmemory and switches the
policy (said in chat only). Formats: Redis's own log layout, a syslog without a year in a US local zone,
GitHub Deployments JSON, PagerDuty log entries with an escalation by timeout, a five-channel Slack
export where the incident channel is not the busiest and the alert bot writes only attachments.
Rough window: three whole hours.
Run from anywhere: python3 tests/incidents/own/gen_cart_redis_oom.py"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen"))
from common import *  # noqa: E402,F403

rng = random.Random(20260820)
inc = Incident("own", "cart-redis-oom")
D = "2026-08-20 "
W0, W1 = T(D + "09:00:00"), T(D + "12:00:00")
APP_TZ = "America/Chicago"
OTHER_DEPLOY = T(D + "09:20:00")
CHANGE = T(D + "09:48:30")          # cart-api v5.3.0 deployed (snapshots without TTL)
STARTED = T(D + "10:21:40")         # redis: fork failed, can't save in background
SYMPTOM = T(D + "10:24:10")         # cart-api: OOM command not allowed
ALERT = T(D + "10:29:00")           # CartSaveErrors firing (Slack bot attachment)
PAGE = T(D + "10:29:30")
ESCALATED = T(D + "10:34:30")
ACK = T(D + "10:36:10")
COMMS = T(D + "10:38:00")
QUESTION = T(D + "10:41:00")
HUNCH = T(D + "10:42:30")
DIAG = T(D + "10:45:20")
MITIGATION = T(D + "10:49:00")
MITIGATED = T(D + "10:49:40")
ALERT_OK = T(D + "10:56:00")
RESOLVED = T(D + "11:30:00")


def failing(t):
    return SYMPTOM <= t < MITIGATED


# ---- redis log (own layout, UTC)
def rlog(t, role, lvl, msg, pid=1):
    return "%d:%s %s.%03d %s %s" % (pid, role, t.strftime("%d %b %Y %H:%M:%S"), t.microsecond // 1000, lvl, msg)


rl = []
for t in frange(add(W0, seconds=37), W1, 300):
    if t < STARTED or t >= MITIGATED:
        rl.append((t, rlog(t, "M", "*", "100 changes in 300 seconds. Saving...")))
        rl.append((add(t, seconds=1), rlog(add(t, seconds=1), "M", "*", "Background saving started by pid %d" % rng.randint(300, 9000))))
        rl.append((add(t, seconds=3), rlog(add(t, seconds=3), "M", "*", "Background saving terminated with success")))
    else:
        rl.append((t, rlog(t, "M", "*", "100 changes in 300 seconds. Saving...")))
rl.append((STARTED, rlog(STARTED, "M", "#", "Can't save in background: fork: Cannot allocate memory")))
for t in frange(add(STARTED, seconds=6), MITIGATION, 6):
    rl.append((t, rlog(t, "M", "#", "Can't save in background: fork: Cannot allocate memory")))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    rl.append((t, rlog(t, "M", "-", "Accepted 10.4.%d.%d:%d" % (rng.randint(0, 9), rng.randint(2, 250), rng.randint(30000, 60000)))))
inc.lines("redis/redis-6379.log", [l for _, l in sorted(rl, key=lambda x: x[0])])

# ---- cart-01 syslog (no year, America/Chicago), three days for the daily cron failure
sl = []
for day in ("2026-08-18 ", "2026-08-19 ", D):
    t = T(day + "10:05:03")
    sl.append((t, syslog(t, APP_TZ, "cart-01", "CRON[%d]" % rng.randint(1000, 9000), "(root) CMD (/usr/local/bin/sync-promos)")))
    sl.append((add(t, seconds=4), syslog(add(t, seconds=4), APP_TZ, "cart-01", "sync-promos", "error: promo feed returned HTTP 502, keeping yesterday's promos")))
for t in poisson_times(rng, W0, W1, 1 / 120.0):   # steady benign: client resets
    sl.append((t, syslog(t, APP_TZ, "cart-01", "cart-api[2211]", "WARN upstream recommendations timed out after 800ms (serving without recs)")))
for t in poisson_times(rng, W0, W1, 1 / 20.0):
    sl.append((t, syslog(t, APP_TZ, "cart-01", "cart-api[2211]", "INFO cart saved items=%d" % rng.randint(1, 9))))
for t in poisson_times(rng, SYMPTOM, MITIGATED, 0.5):
    sl.append((t, syslog(t, APP_TZ, "cart-01", "cart-api[2211]",
                         "ERROR save cart %s failed: OOM command not allowed when used memory > 'maxmemory'." % hexid(rng, 8))))
sl.append((SYMPTOM, syslog(SYMPTOM, APP_TZ, "cart-01", "cart-api[2211]",
                           "ERROR save cart 0a13f9c2 failed: OOM command not allowed when used memory > 'maxmemory'.")))
inc.lines("hosts/cart-01.syslog", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- cart save error ratio (prometheus query_range)
def ratio(t):
    if failing(t):
        return 0.35 + 0.1 * rng.random()
    return 0.001 * rng.random()
inc.json("metrics/cart-save-errors.json", query_range(
    [({"job": "cart-api", "route": "/cart/save"}, ratio)], W0, W1, 30))

# ---- github deployments
def gh(i, t, repo, sha, ref, env, who, desc):
    return {"url": "https://api.github.com/repos/acme/%s/deployments/%d" % (repo, 88100 + i), "id": 88100 + i,
            "node_id": "DE_kwDO" + uid(repo + sha, 10), "sha": sha, "ref": ref, "task": "deploy", "payload": {},
            "original_environment": env, "environment": env, "description": desc,
            "creator": {"login": who, "id": 5000 + i, "type": "User"},
            "created_at": iso(t), "updated_at": iso(add(t, seconds=95)),
            "statuses_url": "https://api.github.com/repos/acme/%s/deployments/%d/statuses" % (repo, 88100 + i),
            "repository_url": "https://api.github.com/repos/acme/" + repo, "transient_environment": False,
            "production_environment": env == "production"}
inc.json("github-deployments.json", [
    gh(2, CHANGE, "cart-api", "9e41c0d7a2b3", "v5.3.0", "production", "mila-o", "cart-api v5.3.0: cart snapshots"),
    gh(1, OTHER_DEPLOY, "search-web", "1b7d33e0f9aa", "v12.8.1", "production", "jonas-k", "search-web v12.8.1"),
])

# ---- pagerduty log entries (escalation by timeout)
pd = PD(5120, "CartSaveErrors: cart saves failing above 5%", "cart-api", "PCART01", "Cart Primary")
ana = PD.user("Ana Silva", "PANA001")
ben = PD.user("Ben Okafor", "PBEN001")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Ana Silva by phone call.", user=ana)
pd.add(ESCALATED, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESCALATED, seconds=1), "notify_log_entry", None, None, "Notified Ben Okafor by push notification.", user=ben)
pd.add(ACK, "acknowledge_log_entry", ben, {"type": "mobile"}, "Acknowledged by Ben Okafor.")
pd.add(RESOLVED, "resolve_log_entry", ben, {"type": "web_ui"}, "Resolved by Ben Okafor.")
inc.json("pagerduty/log_entries.json", pd.export())

# ---- slack: five channels, the incident channel is not the busiest
s = Slack()
for u, n, r in [("UANA", "ana", "Ana Silva"), ("UBEN", "ben", "Ben Okafor"), ("UMIL", "mila", "Mila Ortiz"),
                ("UJON", "jonas", "Jonas Keller"), ("UPRI", "priya", "Priya Nair")]:
    s.user(u, n, r, tz=APP_TZ)
for cid, name in [("C01", "general"), ("C02", "alerts-cart"), ("C03", "inc-5120-cart-saves"), ("C04", "eng-platform"), ("C05", "random")]:
    s.channel(cid, name)
chatter = ["anyone up for lunch at 12?", "standup moved to 10:15", "reminder: expense reports due friday",
           "the coffee machine on 3 is fixed", "nice work on the search release", "who owns the staging DNS?",
           "PR review please: acme/search-web#1182", "wifi in room B is flaky again"]
for t in poisson_times(rng, W0, W1, 1 / 200.0):
    s.say(rng.choice(["general", "eng-platform", "random"]), t, rng.choice(["UMIL", "UJON", "UPRI"]), rng.choice(chatter))
def bot_alert(t, status, name, text):
    s.bot("alerts-cart", t, "B0AM", "alertmanager", attachments=am_slack_attachment(status, name, text))
for t in (T(D + "09:12:00"), T(D + "10:02:00"), T(D + "10:52:00"), T(D + "11:40:00")):   # flapping, another team
    bot_alert(t, "firing", "NodeClockSkew", "batch-07: clock offset above 50ms (team: infra)")
    bot_alert(add(t, minutes=6), "resolved", "NodeClockSkew", "batch-07: clock offset back under 50ms (team: infra)")
bot_alert(ALERT, "firing", "CartSaveErrors", "cart-api: cart saves failing above 5% for 5m (severity: page)")
bot_alert(ALERT_OK, "resolved", "CartSaveErrors", "cart-api: cart save failures back under 5%")
ch = "inc-5120-cart-saves"
s.say(ch, add(ACK, seconds=30), "UBEN", "I have the pager now, Ana's phone was off. carts failing to save")
s.say(ch, COMMS, "UBEN", "Status update for support: some customers can't add to cart, we're on it, next update in 20 min")
s.say(ch, QUESTION, "UMIL", "could it be v5.3.0? do we want to roll back?")
s.say(ch, HUNCH, "UPRI", "might be network between cart-01 and redis, the recs timeouts are up")
s.say(ch, add(HUNCH, seconds=50), "UBEN", "recs timeouts are the usual ones, not it")
s.say(ch, DIAG, "UBEN", "ok so redis is full: used_memory sits at maxmemory with noeviction, so every write gets OOM. "
      "the cart snapshots from this morning's release have no TTL")
s.say(ch, MITIGATION, "UBEN", "I raised maxmemory to 12gb with CONFIG SET and switched the policy to volatile-lru")
s.say(ch, add(MITIGATED, seconds=60), "UMIL", "saves are going through again")
s.say(ch, add(RESOLVED, seconds=-60), "UBEN", "stable for 40 minutes, resolving. follow-up: TTL on snapshots, memory alert on redis")
s.write(inc, "slack-export")

inc.truth(
    "cart-redis-oom", "cache-full-noeviction",
    "A cart-api release stored cart snapshots without a TTL; Redis reached maxmemory under noeviction and refused\n"
    "every write with OOM, so carts could not be saved until maxmemory was raised and the policy changed.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "cart-api v5.3.0 deployed", "github-deployments.json", 120),
     (STARTED, "first_symptom", "redis: can't save in background, fork: cannot allocate memory", "redis/redis-6379.log", 60),
     (ALERT, "alert_fired", "CartSaveErrors firing", "slack-export", 60),
     (PAGE, "paged", "PagerDuty #5120 triggered", "pagerduty/log_entries.json", 60),
     (ACK, "acknowledged", "Ben acknowledges after the escalation", "pagerduty/log_entries.json", 60),
     (COMMS, "communication", "status update for support", "slack-export", 90),
     (DIAG, "diagnosis", "Ben: redis full with noeviction, snapshots without TTL", "slack-export", 90),
     (MITIGATION, "mitigation", "maxmemory raised, policy volatile-lru", "slack-export", 90),
     (MITIGATED, "recovery", "cart save errors stop", "metrics/cart-save-errors.json", 90),
     (ALERT_OK, "alert_resolved", "CartSaveErrors resolved", "slack-export", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pagerduty/log_entries.json", 60)],
    [(OTHER_DEPLOY, "search-web deploy by another team", "github-deployments.json"),
     (T(D + "10:02:00"), "NodeClockSkew flapping on batch-07 (infra)", "slack-export"),
     (T(D + "10:05:07"), "sync-promos cron fails every day", "hosts/cart-01.syslog"),
     (QUESTION, "'do we want to roll back?' question", "slack-export"),
     (HUNCH, "'network?' wrong hunch", "slack-export")],
    [("redis/redis-6379.log", "logs"), ("hosts/cart-01.syslog", "logs", APP_TZ),
     ("metrics/cart-save-errors.json", "prometheus-query-range"), ("github-deployments.json", "deploys"),
     ("pagerduty/log_entries.json", "pagerduty-log-entries"), ("slack-export", "slack-export")])
