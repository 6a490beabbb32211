"""retired12/orders-jwks-kid-cache: security's new realm-key-rotator CronJob makes its first run.

It adds a new RSA signing key (higher priority) to the Keycloak `internal` realm at 09:02 UTC and,
after a ten-minute "let caches catch up" pause, to the `customers` realm at 09:13.  The gateway
re-reads the JWKS every five minutes and is fine, but orders-api and payments-api validate tokens
with the shared lumo-auth JwksCache (12 h TTL, no refetch on an unknown kid).  fulfil-sync's
client-credentials token is renewed at 09:04 and is rejected by orders-api from then on
(the first symptom, an internal worker, nine minutes before any customer); its warning alert fires
at 09:09:30 (detection, before the page).  From 09:13 customers' fresh tokens carry the new kid
and checkout/cart calls get 401; the page fires at 09:19 and is acknowledged at 09:23:40.
Wrong hunches (yesterday's gateway upgrade), a "should we roll back orders-api?" question, a
status-page post; the security engineer diagnoses the rotation at 09:38; a rollout restart of
orders-api and payments-api (09:44) loads the new JWKS and the kid rejections end at 09:46:15.
Resolved at 10:25 after the rotator is suspended.  Noise: a daily failing LDAP full-sync alert
(also on the days before), another team's search-api rollout, a flapping search alert, steady
benign 'token expired' rejections from old app builds all window, an unrelated admin event.
orders-api logs in Europe/Lisbon local time without an offset.
"""
import random
from common import *

rng = random.Random(20260623)
inc = Incident("retired12", "orders-jwks-kid-cache")
TZ = "Europe/Lisbon"
D = "2026-06-23 "
W0, W1 = T(D + "08:30:00"), T(D + "11:00:00")
ROT_INT = T(D + "09:02:11")
ROT_CUS = T(D + "09:13:37")
STARTED = T(D + "09:04:21")
WARN = T(D + "09:09:30")
CUST0 = T(D + "09:13:52")
PAGE_ALERT = T(D + "09:19:00")
PAGE = T(D + "09:19:02")
ACK = T(D + "09:23:40")
WRONG = T(D + "09:27:15")
ROLLBACK_Q = T(D + "09:29:05")
STATUS = T(D + "09:31:20")
SEARCH_DEPLOY = T(D + "09:35:12")
DIAG = T(D + "09:38:20")
RESTART = T(D + "09:44:10")
MITIGATED = T(D + "09:46:15")
WARN_OK = T(D + "09:49:30")
PAGE_OK = T(D + "09:50:30")
SUSPEND = T(D + "10:12:05")
RESOLVED = T(D + "10:25:00")
LDAP = [T("2026-06-%02d 09:15:%02d" % (d, 4 + d % 7)) for d in (20, 21, 22, 23)]

OLD_INT, NEW_INT = "Wm3pQ1t0b2xkLWludGVybmFs", "kR7vN0ZwX2ludGVybmFsLTA2"
OLD_CUS, NEW_CUS = "c1lW0xYz9ob2xkLWN1c3RvbWVy", "pQ2bT8nZl9jdXN0b21lci0wNg"

# per-pod restart times (rolling restart of 6 orders-api + 4 payments-api pods)
ORD_PODS = ["orders-api-7d9c5f6b8-%s" % s for s in ("2xkqp", "5hwzt", "9mvlr", "c7jnd", "k4rsb", "tq8xe")]
PAY_PODS = ["payments-api-5b8f7c9d4-%s" % s for s in ("4nqzc", "8wlpk", "fj2mr", "x6tdv")]
RESTARTED = {}
for i, p in enumerate(ORD_PODS):
    RESTARTED[p] = add(RESTART, seconds=14 + 22 * i)
for i, p in enumerate(PAY_PODS):
    RESTARTED[p] = add(RESTART, seconds=20 + 32 * i)
assert max(RESTARTED.values()) < MITIGATED

def cust_bad_share(t):
    if t < CUST0 or t >= MITIGATED:
        return 0.0
    return min(0.92, 0.1 + (t - CUST0).total_seconds() / 330.0)

# ---- Keycloak admin events (GET /admin/realms/{realm}/admin-events, both realms merged), filed as deploys
def comp(name, prio, active, kid):
    return jline({"name": name, "providerId": "rsa-generated", "providerType": "org.keycloak.keys.KeyProvider",
                  "config": {"priority": [str(prio)], "enabled": ["true"], "active": [active], "keySize": ["2048"],
                             "algorithm": ["RS256"]}, "kid": kid})
ae = []
def AE(t, realm, client, user, ip, op, rtype, path, rep=None):
    ae.append({"time": int(epoch(t) * 1000) + rng.randint(0, 999), "realmId": realm,
               "authDetails": {"realmId": "master", "clientId": client, "userId": user, "ipAddress": ip},
               "operationType": op, "resourceType": rtype, "resourcePath": path,
               **({"representation": rep} if rep else {}), "error": None})
ROTUSER = uuid("service-account-realm-key-rotator")
AE(T("2026-06-22 15:41:09"), "customers", "security-admin-console", uuid("marta"), "10.20.4.18", "UPDATE", "CLIENT",
   "clients/" + uuid("mobile-app"), jline({"clientId": "mobile-app", "attributes": {"access.token.lifespan": "300"}}))
AE(ROT_INT, "internal", "realm-key-rotator", ROTUSER, "10.42.7.31", "CREATE", "COMPONENT", "components/" + uuid("int-2026-06"),
   comp("rsa-2026-06", 200, "true", NEW_INT))
AE(add(ROT_INT, seconds=1), "internal", "realm-key-rotator", ROTUSER, "10.42.7.31", "UPDATE", "COMPONENT", "components/" + uuid("int-2026-05"),
   comp("rsa-2026-05", 100, "false", OLD_INT))
AE(ROT_CUS, "customers", "realm-key-rotator", ROTUSER, "10.42.7.31", "CREATE", "COMPONENT", "components/" + uuid("cus-2026-06"),
   comp("rsa-2026-06", 200, "true", NEW_CUS))
AE(add(ROT_CUS, seconds=1), "customers", "realm-key-rotator", ROTUSER, "10.42.7.31", "UPDATE", "COMPONENT", "components/" + uuid("cus-2026-05"),
   comp("rsa-2026-05", 100, "false", OLD_CUS))
AE(T(D + "09:47:33"), "partners", "security-admin-console", uuid("joao"), "10.20.4.77", "UPDATE", "CLIENT",
   "clients/" + uuid("partner-portal"), jline({"clientId": "partner-portal", "redirectUris": ["https://partners.lumo.pt/*", "https://partners-staging.lumo.pt/*"]}))
AE(T(D + "10:31:50"), "customers", "security-admin-console", uuid("marta"), "10.20.4.18", "ACTION", "REALM", "attack-detection/brute-force/users/" + uuid("u1"))
ae.sort(key=lambda e: -e["time"])
inc.json("kc-admin-events.json", ae)

# ---- orders-api logback, Europe/Lisbon local time without offset
ol = []
def OL(t, lvl, th, lg, msg, extra=()):
    ol.append((t, "\n".join([logback(t, TZ, lvl, th, lg, msg)] + list(extra))))
for t in poisson_times(rng, W0, W1, 0.5):
    th = "http-nio-8080-exec-%d" % rng.randint(1, 80)
    if rng.random() < cust_bad_share(t):
        OL(t, "WARN", th, "p.l.auth.JwtAuthFilter",
           "JWT rejected: no JWK for kid=%s iss=https://id.lumo.pt/realms/customers path=%s" % (NEW_CUS, rng.choice(["/v2/cart", "/v2/checkout", "/v2/orders"])))
    else:
        m, path = rng.choice([("GET", "/v2/cart"), ("POST", "/v2/checkout"), ("GET", "/v2/orders")])
        OL(t, "INFO", th, "p.l.orders.web.RequestLog", "%s %s %d %dms" % (m, path, 201 if m == "POST" else 200, rng.randint(12, 240)))
# fulfil-sync polls every 20 s with the internal realm's client token
for t in frange(add(W0, seconds=1), W1, 20):
    th = "http-nio-8080-exec-%d" % rng.randint(1, 80)
    if STARTED <= t < MITIGATED:
        OL(t, "WARN", th, "p.l.auth.JwtAuthFilter",
           "JWT rejected: no JWK for kid=%s iss=https://id.lumo.pt/realms/internal azp=fulfil-sync path=/internal/orders" % NEW_INT)
for t in poisson_times(rng, W0, W1, 1 / 45.0):  # benign, all day: old app builds send expired tokens
    OL(t, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 80), "p.l.auth.JwtAuthFilter",
       "JWT rejected: token expired %ds ago iss=https://id.lumo.pt/realms/customers azp=mobile-app ua=LumoApp/4.2.1" % rng.randint(30, 86000))
OL(T(D + "08:30:02"), "INFO", "jwks-refresh-1", "p.l.auth.JwksCache", "JWKS for https://id.lumo.pt/realms/customers still fresh (loaded 2026-06-23T02:14:09Z, ttl=PT12H), 1 key")
for p in ORD_PODS:
    t = RESTARTED[p]
    OL(add(t, seconds=-3), "INFO", "main", "p.l.orders.OrdersApplication", "Started OrdersApplication in 11.84 seconds (process running for 12.6) pod=%s" % p)
    OL(add(t, seconds=-2), "INFO", "main", "p.l.auth.JwksCache", "loaded JWKS https://id.lumo.pt/realms/customers: 2 keys (kids %s, %s), ttl=PT12H" % (NEW_CUS, OLD_CUS))
OL(add(MITIGATED, seconds=-1), "WARN", "http-nio-8080-exec-61", "p.l.auth.JwtAuthFilter",
   "JWT rejected: no JWK for kid=%s iss=https://id.lumo.pt/realms/customers path=/v2/checkout" % NEW_CUS)
inc.lines("orders-api.log", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- payments-api logstash-logback JSON (offset in @timestamp)
pl = []
def PLg(t, lvl, logger, msg, **kw):
    lt = local(t, TZ)
    pl.append((t, jline({"@timestamp": lt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (lt.microsecond // 1000) + lt.strftime("%z")[:3] + ":" + lt.strftime("%z")[3:],
                         "@version": "1", "message": msg, "logger_name": logger, "thread_name": "http-nio-8080-exec-%d" % rng.randint(1, 40),
                         "level": lvl, "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000}[lvl], **kw})))
for t in poisson_times(rng, W0, W1, 0.12):
    if rng.random() < cust_bad_share(t) * 0.95:
        PLg(t, "WARN", "pt.lumo.auth.JwtAuthFilter", "JWT rejected: no JWK for kid=%s" % NEW_CUS, status=401, path="/v1/payment-intents")
    else:
        PLg(t, "INFO", "pt.lumo.payments.web.AccessLog", "POST /v1/payment-intents 201", status=201, duration_ms=rng.randint(90, 700))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    PLg(t, "WARN", "pt.lumo.payments.psp.WebhookVerifier", "PSP webhook retried by provider (duplicate event id), ignoring", status=200)
for p in PAY_PODS:
    PLg(add(RESTARTED[p], seconds=-2), "INFO", "pt.lumo.auth.JwksCache", "loaded JWKS https://id.lumo.pt/realms/customers: 2 keys, ttl=PT12H", pod=p)
inc.lines("payments-api.json.log", [l for _, l in sorted(pl, key=lambda x: x[0])])

# ---- fulfil-sync python-json-logger (UTC)
fl = []
def FL(t, lvl, msg, **kw):
    fl.append((t, jline({"asctime": t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000), "levelname": lvl,
                         "name": "fulfil_sync.worker", "message": msg, **kw})))
tok = add(W0, seconds=-41)
while tok < W1:
    if tok >= W0:
        FL(tok, "INFO", "token refreshed", realm="internal", client_id="fulfil-sync", expires_in=300)
    tok = add(tok, seconds=300)
for t in frange(add(W0, seconds=1), W1, 20):
    if STARTED <= t < MITIGATED:
        FL(add(t, seconds=0.05), "ERROR", "orders-api returned 401, will retry", url="http://orders-api.orders/internal/orders?status=paid", attempt=1,
           www_authenticate='Bearer error="invalid_token", error_description="no JWK for kid"')
    else:
        FL(add(t, seconds=0.05), "INFO", "synced paid orders", count=rng.randint(0, 14))
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    FL(t, "WARN", "carrier label API slow", carrier="ctt", latency_ms=rng.randint(5000, 9000))
inc.lines("fulfil-sync.jsonl", [l for _, l in sorted(fl, key=lambda x: x[0])])

# ---- Alertmanager webhook archive (from the 20th)
hk = []
def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts))))
for c in LDAP:
    a0 = add(c, seconds=45)
    lab = {"severity": "ticket", "team": "identity", "job": "keycloak"}
    H(add(a0, seconds=30), "slack-identity", [am_alert("KeycloakLdapFullSyncFailed", lab, "LDAP full sync for realm 'staff' failed", a0)])
    H(add(a0, minutes=61), "slack-identity", [am_alert("KeycloakLdapFullSyncFailed", lab, "LDAP full sync for realm 'staff' failed", a0, ends=add(a0, minutes=60))])
fw = {"severity": "warning", "team": "fulfilment", "service": "fulfil-sync"}
H(add(WARN, seconds=10), "slack-fulfilment", [am_alert("FulfilSyncErrors", fw, "fulfil-sync failing: 100% of orders-api calls error", WARN)])
H(add(WARN_OK, seconds=10), "slack-fulfilment", [am_alert("FulfilSyncErrors", fw, "fulfil-sync failing: 100% of orders-api calls error", WARN, ends=WARN_OK)])
cp = {"severity": "page", "team": "checkout", "service": "orders-api"}
H(add(PAGE_ALERT, seconds=1), "pd-checkout", [am_alert("CheckoutAuthFailures", cp, "orders-api 401 ratio 71% on /v2/checkout", PAGE_ALERT)])
H(add(PAGE_OK, seconds=10), "pd-checkout", [am_alert("CheckoutAuthFailures", cp, "orders-api 401 ratio 71% on /v2/checkout", PAGE_ALERT, ends=PAGE_OK)])
sl = {"severity": "warning", "team": "search", "service": "search-indexer"}
for a, b in [("08:41:00", "08:47:30"), ("09:52:30", "09:58:00"), ("10:36:30", "10:41:00")]:
    H(T(D + a), "slack-search", [am_alert("SearchIndexLag", sl, "search-indexer lag above 5 minutes", T(D + a))])
    H(T(D + b), "slack-search", [am_alert("SearchIndexLag", sl, "search-indexer lag above 5 minutes", T(D + a), ends=T(D + b))])
inc.lines("am-hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- kube events
k = Kube(rng)
for p in ORD_PODS + PAY_PODS:
    ns = "orders" if p.startswith("orders") else "payments"
    dep = p.rsplit("-", 2)[0]
    newp = dep + "-6c4f9" + uid(p, 4) + "-" + uid(p + "n", 5)
    k.pod_start(add(RESTARTED[p], seconds=-15), ns, newp, "ip-10-42-%d-%d.eu-west-1.compute.internal" % (rng.randint(1, 9), rng.randint(2, 250)),
                "registry.lumo.pt/%s:%s" % (dep, "2.31.4" if dep == "orders-api" else "1.18.0"), dep)
    k.ev(RESTARTED[p], ns, "Pod", p, "Killing", "Stopping container %s" % dep, host="ip-10-42-3-17.eu-west-1.compute.internal")
k.ev(add(RESTART, seconds=1), "orders", "Deployment", "orders-api", "ScalingReplicaSet", "Scaled up replica set orders-api-6c4f97b5d to 1 from 0",
     component="deployment-controller")
k.ev(add(RESTART, seconds=2), "payments", "Deployment", "payments-api", "ScalingReplicaSet", "Scaled up replica set payments-api-7f6d8c9b2 to 1 from 0",
     component="deployment-controller")
k.ev(SEARCH_DEPLOY, "search", "Deployment", "search-api", "ScalingReplicaSet", "Scaled up replica set search-api-84f5d9c7b to 2 from 0",
     component="deployment-controller")
for i in range(3):
    k.pod_start(add(SEARCH_DEPLOY, seconds=2 + 40 * i), "search", "search-api-84f5d9c7b-%s" % uid("s%d" % i, 5),
                "ip-10-42-5-%d.eu-west-1.compute.internal" % (30 + i), "registry.lumo.pt/search-api:5.2.0", "search-api")
k.ev(add(ROT_INT, seconds=-20), "security", "CronJob", "realm-key-rotator", "SuccessfulCreate", "Created job realm-key-rotator-29176020",
     component="cronjob-controller")
k.ev(add(ROT_CUS, seconds=30), "security", "Job", "realm-key-rotator-29176020", "Completed", "Job completed", component="job-controller")
inc.json("k8s-events.json", k.v1_list())

# ---- PagerDuty log entries
pd = PD(48211, "CheckoutAuthFailures orders-api 401 ratio 71% on /v2/checkout", "orders-api", "PORD7Q2")
rita = PD.user("Rita Almeida", "PRITA01")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMLU01", "summary": "Alertmanager (prod-eu)"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Rita Almeida by push notification.", user=rita)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Rita Almeida by phone.", user=rita)
pd.add(ACK, "acknowledge_log_entry", rita, {"type": "mobile"}, "Acknowledged by Rita Almeida.")
pd.add(add(PAGE_OK, seconds=2), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; auto-resolve off"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", rita, {"type": "web_ui"}, "Resolved by Rita Almeida.")
inc.json("pd-log.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("U1RITA", "rita", "Rita Almeida"), ("U1NUNO", "nuno", "Nuno Pereira"), ("U1MARTA", "marta.sec", "Marta Ribeiro"),
                ("U1TIAGO", "tiago", "Tiago Sousa"), ("U1INES", "ines.s", "Inês Santos")]:
    s.user(u, n, r, TZ)
for cid, n in [("C1INC", "inc-checkout"), ("C1FUL", "fulfilment"), ("C1STAT", "status"), ("C1DEP", "deploys")]:
    s.channel(cid, n)
s.bot("fulfilment", add(WARN, seconds=11), "B1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "FulfilSyncErrors", "fulfil-sync failing: 100% of orders-api calls error", color="warning"))
s.say("fulfilment", T(D + "09:12:40"), "U1TIAGO", "fulfil-sync is getting 401 from orders-api since ~09:04. token refresh looks fine on our side, will dig after standup")
s.bot("fulfilment", add(WARN_OK, seconds=11), "B1AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "FulfilSyncErrors", "fulfil-sync recovered"))
s.bot("deploys", add(SEARCH_DEPLOY, seconds=-20), "B1ARGO", "argocd",
      blocks=pd_slack_blocks("*search-api* sync started to `5.2.0` by ines.s (prod-eu)"))
s.bot("deploys", T("2026-06-22 17:02:11"), "B1ARGO", "argocd", blocks=pd_slack_blocks("*edge-gateway* synced to `envoy 1.34.2` by nuno (prod-eu)"))
ch = "inc-checkout"
s.say(ch, add(ACK, seconds=50), "U1RITA", "acked. orders-api returning 401 on checkout/cart, logs say `JWT rejected: no JWK for kid=pQ2bT8nZ...`. gateway accepts the same tokens")
s.say(ch, WRONG, "U1NUNO", "gateway went to envoy 1.34.2 yesterday evening, maybe it's mangling the Authorization header?")
s.say(ch, ROLLBACK_Q, "U1TIAGO", "should we roll back orders-api?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U1RITA", "to what? last orders-api deploy was Friday. and payments-api is doing the same thing")
s.bot("status", STATUS, "B1SP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Investigating - Customers signed out during checkout",
      "text": "Some customers are asked to sign in again and cannot complete checkout. We are investigating.", "mrkdwn_in": ["text"]}])
s.say(ch, add(STATUS, seconds=30), "U1INES", "status page is up")
s.say(ch, DIAG, "U1MARTA", "that's us, sorry: the new realm-key-rotator did its first run: internal realm new key at 09:02, customers at 09:13. orders-api and payments-api use lumo-auth's JwksCache, 12h TTL and it doesn't refetch on an unknown kid, so they never saw the new keys")
s.say(ch, add(DIAG, seconds=75), "U1RITA", "so a restart reloads the JWKS? doing a rollout restart of orders-api and payments-api")
s.say(ch, add(RESTART, seconds=-5), "U1RITA", "kubectl -n orders rollout restart deploy/orders-api; kubectl -n payments rollout restart deploy/payments-api")
s.say(ch, add(MITIGATED, seconds=70), "U1RITA", "all pods rolled, no more kid rejections. checkout 201s back")
s.say("fulfilment", add(MITIGATED, seconds=90), "U1TIAGO", "fulfil-sync green again")
s.say(ch, add(SUSPEND, seconds=20), "U1MARTA", "suspended the realm-key-rotator CronJob until lumo-auth refetches on unknown kid")
s.bot("status", add(MITIGATED, minutes=8), "B1SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Monitoring - Customers signed out during checkout",
      "text": "A fix has been applied and checkout is working again.", "mrkdwn_in": ["text"]}])
s.say(ch, add(RESOLVED, seconds=-40), "U1RITA", "stable for 35 min, resolving. postmortem owner: Marta")
s.write(inc, "slack")

inc.truth(
    "orders-jwks-kid-cache", "idp-signing-key-rotation-stale-jwks-cache",
    "The first run of a Keycloak realm-key rotator adds new signing keys (internal realm 09:02, customers 09:13); orders-api\n"
    "and payments-api cache the JWKS for 12 h without refetch on an unknown kid, so fulfil-sync and then customers get 401 until a rollout restart.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(ROT_INT, "change", "realm-key-rotator adds rsa-2026-06 (priority 200) to the internal realm", "kc-admin-events.json", 60),
     (STARTED, "first_symptom", "orders-api rejects fulfil-sync's token: no JWK for kid (internal realm)", "orders-api.log", 60),
     (WARN, "alert_fired", "FulfilSyncErrors (warning) firing", "am-hooks.ndjson", 60),
     (ROT_CUS, "change", "realm-key-rotator adds rsa-2026-06 to the customers realm", "kc-admin-events.json", 60),
     (PAGE, "paged", "CheckoutAuthFailures pages, PagerDuty #48211", "pd-log.json", 60),
     (ACK, "acknowledged", "Rita acknowledges", "pd-log.json", 60),
     (STATUS, "communication", "status page: customers signed out during checkout", "slack", 90),
     (DIAG, "diagnosis", "Marta: rotator's new keys; JwksCache 12 h TTL never refetches on unknown kid", "slack", 90),
     (RESTART, "mitigation", "rollout restart of orders-api and payments-api", "k8s-events.json", 60),
     (MITIGATED, "recovery", "last 'no JWK for kid' rejection; checkout succeeds", "orders-api.log", 60),
     (PAGE_OK, "alert_resolved", "CheckoutAuthFailures resolved", "am-hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #48211 resolved", "pd-log.json", 60)],
    [(LDAP[-1], "KeycloakLdapFullSyncFailed, daily at ~09:15 (also the 20th-22nd)", "am-hooks.ndjson"),
     (SEARCH_DEPLOY, "search team's search-api 5.2.0 rollout", "k8s-events.json"),
     (T(D + "08:41:00"), "SearchIndexLag flapping (search team)", "am-hooks.ndjson"),
     (T(D + "09:52:30"), "SearchIndexLag fires again (search team)", "am-hooks.ndjson"),
     (T(D + "09:47:33"), "partner-portal redirect URI update in the partners realm", "kc-admin-events.json"),
     (WRONG, "wrong hunch: yesterday's envoy upgrade mangling headers", "slack"),
     (ROLLBACK_Q, "'should we roll back orders-api?' question, not done", "slack"),
     (T(D + "10:00:00"), "steady benign 'token expired' rejections from old app builds all window", "orders-api.log")],
    [("kc-admin-events.json", "deploys"), ("orders-api.log", "logs", TZ), ("payments-api.json.log", "logs"),
     ("fulfil-sync.jsonl", "logs"), ("am-hooks.ndjson", "alertmanager-webhook"), ("k8s-events.json", "kube-events"),
     ("pd-log.json", "pagerduty-log-entries"), ("slack", "slack-export")])
