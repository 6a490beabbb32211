"""train8/sso-samesite-cookie: auth-web 2.18.0 (GitHub Actions deploy) makes the session cookie SameSite=Strict;
the IdP's cross-site SAML POST to /saml/acs arrives without the session, so SSO logins fail until rollback."""
import random
from common import *

rng = random.Random(20260317)
inc = Incident("train8", "sso-samesite-cookie")
D = "2026-03-17 "
W0, W1 = T(D + "13:00:00"), T(D + "16:00:00")
CRON = [T("2026-03-%02d 13:30:%02d" % (d, 11 + d)) for d in (14, 15, 16, 17)]
OTHER_DEPLOY = T(D + "13:41:05")
DEPLOY = T(D + "14:02:11")
DEPLOY_DONE = T(D + "14:06:48")
STARTED = T(D + "14:05:37")
ALERT = T(D + "14:14:20")
PAGE = T(D + "14:14:50")
ACK = T(D + "14:18:05")
WRONG = T(D + "14:21:02")
ROLLBACK_Q = T(D + "14:24:30")
COMMS = T(D + "14:26:10")
DIAG = T(D + "14:29:40")
ROLLBACK = T(D + "14:32:15")
MITIGATED = T(D + "14:35:31")
ROLLBACK_DONE = T(D + "14:36:02")
ALERT_OK = T(D + "14:39:20")
RESOLVED = T(D + "15:05:00")


def fail_share(t):
    """share of SAML callbacks landing on a 2.18.0 pod (rollout 1/4 .. 4/4, then rollback)."""
    if t <= STARTED or t >= MITIGATED:
        return 0.0
    if t < ROLLBACK:
        return min(1.0, 0.25 + 0.25 * int((t - STARTED).total_seconds() // 60))
    return max(0.0, 1.0 - 0.25 * int((t - ROLLBACK).total_seconds() // 50) - 0.25)


PODS_OLD = ["auth-web-6c9f7d5b8-%s" % s for s in ("k2x9p", "q8m4d", "t7v1z", "w3n6h")]
PODS_NEW = ["auth-web-5f4b9c7d6-%s" % s for s in ("a1b2c", "d4e5f", "g7h8j", "m9n2p")]

# ---- auth-web JSON lines
app = []
def A(t, level, msg, **kw):
    o = {"ts": iso(t, ms=True), "level": level, "logger": kw.pop("logger", "auth.saml"), "msg": msg}
    o.update(kw)
    app.append((t, jline(o)))

access = []
pinned = [(STARTED, 1.0), (MITIGATED, 1.0)]
for t, fs_forced in sorted([(t, None) for t in poisson_times(rng, W0, W1, 0.12)] + pinned, key=lambda x: x[0]):
    ip = "%d.%d.%d.%d" % (rng.choice([81, 86, 92, 145, 188]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    fs = fail_share(t) if fs_forced is None else fs_forced
    bad = fs_forced is not None or (t < MITIGATED and rng.random() < fs)
    new = bad or (fs > 0 and rng.random() < fs)
    pod = rng.choice(PODS_NEW if new else PODS_OLD)
    rid = hexid(rng, 16)
    ua = rng.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36",
                     "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
                     "Mozilla/5.0 (Windows NT 10.0; rv:123.0) Gecko/20100101 Firefox/123.0"])
    if bad:
        A(t, "error", "SAML response rejected: no login state for RelayState", logger="auth.saml.acs", pod=pod, request_id=rid,
          relay_state=hexid(rng, 24), idp="login.partnerco-idp.com", cookie_present=False, version="2.18.0",
          error="InResponseTo does not match any pending AuthnRequest")
        access.append((t, nginx(t, ip, "POST", "/saml/acs", 400, 312, ua, rt=rng.uniform(0.01, 0.04), ref="https://login.partnerco-idp.com/")))
    else:
        A(t, "info", "SAML login ok", logger="auth.saml.acs", pod=pod, request_id=rid, idp="login.partnerco-idp.com",
          user_hash=hexid(rng, 10), version="2.18.0" if new else "2.17.4")
        access.append((t, nginx(t, ip, "POST", "/saml/acs", 302, 0, ua, rt=rng.uniform(0.04, 0.12), ref="https://login.partnerco-idp.com/")))
# steady page traffic
for t in poisson_times(rng, W0, W1, 0.2):
    ip = "%d.%d.%d.%d" % (rng.choice([81, 86, 92, 145, 188]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    p, st = rng.choice([("/login", 200), ("/saml/login?app=portal", 302), ("/healthz", 200), ("/static/app.7c1e.js", 200), ("/logout", 302)])
    access.append((t, nginx(t, ip, "GET", p, st, rng.randint(200, 40000) if st == 200 else 0, "Mozilla/5.0", rt=rng.uniform(0.002, 0.05))))
# benign: avatar service timeouts, password spray blocks, all window
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    A(t, "warn", "avatar fetch timed out after 800ms, rendering initials", logger="auth.profile", pod=rng.choice(PODS_OLD), upstream="avatars.internal:8443")
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    A(t, "warn", "login throttled: too many failed passwords from ip", logger="auth.ratelimit", pod=rng.choice(PODS_OLD), ip_prefix="%d.%d.0.0/16" % (rng.randint(1, 220), rng.randint(0, 255)))
for c in CRON[-1:]:
    A(c, "info", "scim sync started", logger="auth.jobs.scim", job="scim-directory-sync")
    A(add(c, seconds=47), "error", "scim sync failed: 409 Conflict from directory for group 'contractors-emea'", logger="auth.jobs.scim", job="scim-directory-sync")
A(add(DEPLOY, seconds=200), "info", "starting auth-web", logger="auth.main", pod=PODS_NEW[0], version="2.18.0", cookie_samesite="Strict", cookie_secure=True)
A(add(ROLLBACK, seconds=75), "info", "starting auth-web", logger="auth.main", pod="auth-web-6c9f7d5b8-r5s8t", version="2.17.4", cookie_samesite="Lax", cookie_secure=True)
inc.lines("auth-web.jsonl", [l for _, l in sorted(app, key=lambda x: x[0])])
inc.write("lb-access.log.gz", "".join(l + "\n" for _, l in sorted(access, key=lambda x: x[0])))

# ---- GitHub Actions workflow runs export (gh api /repos/{o}/{r}/actions/runs)
def run(i, t, done, repo, wf, path, branch, sha, title, actor, event, conclusion="success"):
    rid = 8412200000 + i * 7919
    return {"id": rid, "name": wf, "node_id": "WFR_kwLO" + uid(str(rid), 10), "head_branch": branch, "head_sha": sha,
            "path": path, "display_title": title, "run_number": 300 + i, "event": event, "status": "completed",
            "conclusion": conclusion, "workflow_id": 61230000 + len(wf), "url": "https://api.github.com/repos/acme/%s/actions/runs/%d" % (repo, rid),
            "html_url": "https://github.com/acme/%s/actions/runs/%d" % (repo, rid), "created_at": iso(t), "updated_at": iso(done),
            "run_started_at": iso(add(t, seconds=3)), "run_attempt": 1, "actor": {"login": actor, "type": "User"},
            "triggering_actor": {"login": actor, "type": "User"}, "repository": {"full_name": "acme/" + repo}}
runs = [
    run(0, T("2026-03-16 10:12:40"), T("2026-03-16 10:17:02"), "auth-web", "deploy-prod", ".github/workflows/deploy.yml", "main", hexid(rng, 40), "Release 2.17.4: fix locale fallback on consent page", "priya-n", "push"),
    run(1, T("2026-03-16 16:40:10"), T("2026-03-16 16:44:55"), "billing-ui", "deploy-prod", ".github/workflows/deploy.yml", "main", hexid(rng, 40), "invoices table pagination", "tomasz-w", "push"),
    run(2, OTHER_DEPLOY, T(D + "13:45:30"), "billing-ui", "deploy-prod", ".github/workflows/deploy.yml", "main", hexid(rng, 40), "billing-ui 4.9.0: tax id validation", "tomasz-w", "push"),
    run(3, DEPLOY, DEPLOY_DONE, "auth-web", "deploy-prod", ".github/workflows/deploy.yml", "main", hexid(rng, 40), "Release 2.18.0: harden session cookie (SameSite=Strict, __Host- prefix)", "priya-n", "push"),
    run(4, T(D + "14:20:33"), T(D + "14:28:10"), "mobile-bff", "ci", ".github/workflows/ci.yml", "dep/bump-okhttp", hexid(rng, 40), "Bump okhttp from 4.11.0 to 4.12.0", "dependabot[bot]", "pull_request", "failure"),
    run(5, ROLLBACK, ROLLBACK_DONE, "auth-web", "rollback-prod", ".github/workflows/rollback.yml", "main", hexid(rng, 40), "rollback-prod", "jonas-h", "workflow_dispatch"),
    run(6, T(D + "15:31:02"), T(D + "15:35:44"), "search-api", "deploy-prod", ".github/workflows/deploy.yml", "main", hexid(rng, 40), "search-api 1.33.2", "meera-s", "push"),
]
runs.sort(key=lambda r: r["created_at"], reverse=True)
inc.json("runs.json", {"total_count": len(runs), "workflow_runs": runs})

# ---- Alertmanager webhook bodies
hk = []
lab = {"severity": "page", "team": "identity", "service": "auth-web"}
def H(t, body):
    hk.append((t, jline(body)))
H(add(ALERT, seconds=10), am_webhook("pd-identity", [am_alert("SsoCallbackFailureRatio", lab, "SAML ACS failures 31% over 5m", ALERT)]))
H(add(ALERT_OK, seconds=10), am_webhook("pd-identity", [am_alert("SsoCallbackFailureRatio", lab, "SAML ACS failures 31% over 5m", ALERT, ends=ALERT_OK)]))
kl = {"severity": "warning", "team": "billing", "consumergroup": "invoice-mailer"}
t = T(D + "13:07:00")
for i in range(6):
    s0 = add(t, minutes=i * 27)
    H(add(s0, seconds=30), am_webhook("slack-billing", [am_alert("KafkaConsumerLagHigh", kl, "invoice-mailer lag > 5000", s0)]))
    H(add(s0, minutes=9), am_webhook("slack-billing", [am_alert("KafkaConsumerLagHigh", kl, "invoice-mailer lag > 5000", s0, ends=add(s0, minutes=8, seconds=30))]))
sl = {"severity": "ticket", "team": "identity", "job": "scim-directory-sync"}
H(add(CRON[-1], minutes=2), am_webhook("slack-identity", [am_alert("ScimSyncFailed", sl, "scim-directory-sync failed", add(CRON[-1], minutes=1))]))
inc.lines("am-hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(30417, "SsoCallbackFailureRatio auth-web", "auth-web", "PAUTH07")
jonas = PD.user("Jonas Hartmann", "PJONAS1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Jonas Hartmann by SMS.", user=jonas)
pd.add(ACK, "acknowledge_log_entry", jonas, {"type": "sms"}, "Acknowledged by Jonas Hartmann.")
pd.add(RESOLVED, "resolve_log_entry", jonas, {"type": "web_ui"}, "Resolved by Jonas Hartmann.")
inc.json("incident-log.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("UJON", "jonas", "Jonas Hartmann"), ("UPRI", "priya", "Priya Nair"), ("ULEA", "lea", "Lea Moreau"),
                ("UTOM", "tomasz", "Tomasz Wójcik"), ("USUP", "camila", "Camila Reyes")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n in [("CIDA", "identity-alerts"), ("CINC", "inc-sso-logins"), ("CSUP", "support-escalations")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("identity-alerts", add(c, minutes=2), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "ScimSyncFailed", "scim-directory-sync failed", color="warning"))
s.bot("identity-alerts", add(ALERT, seconds=11), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "SsoCallbackFailureRatio", "SAML ACS failures 31% over 5m"))
s.bot("identity-alerts", add(ALERT_OK, seconds=11), "BAM", "alertmanager", attachments=am_slack_attachment("resolved", "SsoCallbackFailureRatio", "SAML ACS failures"))
s.say("support-escalations", T(D + "14:11:40"), "USUP", "several customers say SSO login loops back to the login page with 'session expired', anyone seeing this?")
ch = "inc-sso-logins"
s.say(ch, add(ACK, seconds=50), "UJON", "acked. /saml/acs returning 400 'no login state for RelayState' for about a third of logins, growing")
s.say(ch, WRONG, "ULEA", "partnerco's IdP had a cert rollover planned this month, maybe they're signing with the new key already?")
s.say(ch, add(WRONG, seconds=70), "UJON", "signature validation passes though, it's the state lookup that fails")
s.say(ch, ROLLBACK_Q, "ULEA", "should we roll back auth-web?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "UJON", "not yet, want to understand it first, 2 min")
s.say(ch, COMMS, "USUP", "posted on status page: 'Some customers cannot sign in with single sign-on. We are investigating.'")
s.say(ch, add(DIAG, seconds=-50), "UPRI", "all the failing requests have cookie_present=false and version 2.18.0")
s.say(ch, DIAG, "UPRI", "it's the cookie change: 2.18.0 sets the session cookie SameSite=Strict and the IdP posts the SAML response cross-site, so the browser doesn't send the session and we can't find the AuthnRequest")
s.say(ch, add(DIAG, seconds=80), "UJON", "ok, running rollback-prod to 2.17.4")
s.say(ch, add(MITIGATED, seconds=60), "UJON", "rollback rolled out, acs 302s only, no 400s in the last minute")
s.say(ch, add(ALERT_OK, seconds=120), "USUP", "status page updated: monitoring")
s.say(ch, add(RESOLVED, seconds=-40), "UJON", "25 min clean, resolving. Priya will redo the hardening with Lax on the session cookie")
s.write(inc, "slack")

inc.truth(
    "sso-samesite-cookie", "session-cookie-samesite-breaks-saml-post",
    "auth-web 2.18.0, deployed by a GitHub Actions run, set the session cookie SameSite=Strict; the IdP's cross-site SAML POST\n"
    "arrived without it, so /saml/acs could not find the login state and SSO logins failed as pods rolled, until rollback to 2.17.4.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DEPLOY, "change", "GitHub Actions deploy-prod run of auth-web 2.18.0 (SameSite=Strict session cookie)", "runs.json", 60),
     (STARTED, "first_symptom", "first /saml/acs 400 'no login state for RelayState'", "auth-web.jsonl", 60),
     (ALERT, "alert_fired", "SsoCallbackFailureRatio firing", "am-hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #30417 triggered", "incident-log.json", 60),
     (ACK, "acknowledged", "Jonas acknowledges", "incident-log.json", 60),
     (COMMS, "communication", "status page: some customers cannot sign in with SSO", "slack", 90),
     (DIAG, "diagnosis", "Priya: SameSite=Strict cookie dropped on the IdP's cross-site POST", "slack", 90),
     (ROLLBACK, "mitigation", "rollback-prod workflow to 2.17.4", "runs.json", 60),
     (MITIGATED, "recovery", "last failed SAML callback", "auth-web.jsonl", 60),
     (ALERT_OK, "alert_resolved", "SsoCallbackFailureRatio resolved", "am-hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "incident-log.json", 60)],
    [(CRON[-1], "daily scim-directory-sync failure (409 Conflict), every day at 13:30", "auth-web.jsonl"),
     (OTHER_DEPLOY, "billing-ui 4.9.0 deploy by the billing team", "runs.json"),
     (T(D + "14:20:33"), "mobile-bff dependabot CI failure", "runs.json"),
     (T(D + "15:31:02"), "search-api 1.33.2 deploy", "runs.json"),
     (T(D + "13:07:00"), "KafkaConsumerLagHigh flapping for billing's invoice-mailer", "am-hooks.ndjson"),
     (WRONG, "wrong hunch: IdP signing-key rollover", "slack"),
     (ROLLBACK_Q, "'should we roll back auth-web?' question", "slack"),
     (T(D + "14:50:00"), "steady avatar timeouts and password-spray throttling all window", "auth-web.jsonl")],
    [("auth-web.jsonl", "logs"), ("lb-access.log.gz", "logs"), ("runs.json", "deploys"), ("am-hooks.ndjson", "alertmanager-webhook"),
     ("incident-log.json", "pagerduty-log-entries"), ("slack", "slack-export")])
