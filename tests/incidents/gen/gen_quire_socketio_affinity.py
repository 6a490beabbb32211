"""retired16/quire-socketio-affinity: moving collab.quire.io from ingress-nginx (cookie affinity) to an Envoy Gateway HTTPRoute
without session persistence; Socket.IO clients that fall back to HTTP long-polling (corporate proxies) get 400 'Session ID
unknown' on every poll and can't sync documents; found through enterprise customers' tickets, fixed by reverting the route."""
import random
from common import *

rng = random.Random(20261117)
inc = Incident("retired16", "quire-socketio-affinity")
D = "2026-11-17 "
W0, W1 = T(D + "08:30:00"), T(D + "13:30:00")
CRON = [T("2026-11-%02d 08:55:%02d" % (d, 30 + d)) for d in (14, 15, 16, 17)]
COMMIT = T(D + "09:05:12")
SYNC = T(D + "09:12:40")
CUT = T(D + "09:12:45")
STARTED = T(D + "09:13:05")
TICKETS = [T(D + "09:38:12"), T(D + "09:51:40"), T(D + "10:07:05"), T(D + "10:36:48")]
OTHER_COMMIT = T(D + "10:02:30")
OTHER_SYNC = T(D + "10:05:01")
ESC = T(D + "10:18:10")
WRONG1 = T(D + "10:30:05")
PAGE = T(D + "10:41:20")
ACK = T(D + "10:44:05")
ROLLBACK_Q = T(D + "10:47:30")
WRONG2 = T(D + "10:49:30")
STATUS = T(D + "10:52:10")
DIAG = T(D + "10:58:30")
REVERT_COMMIT = T(D + "11:06:15")
REVERT_SYNC = T(D + "11:09:50")
BACK = T(D + "11:10:26")
LAST_400 = T(D + "11:10:24")
MITIGATED = T(D + "11:10:30")
RESOLVED = T(D + "13:05:00")
PODS = {"collab-7f8d9c6b5-%s" % s: "10.60.%d.%d" % (i % 3 + 1, 20 + 17 * i) for i, s in enumerate(("2xk4p", "8qmwz", "c5tvn", "hj7rd", "n4bls", "w9fgc"))}
ORGS = {"brenner-co": "Brenner & Co. KG", "kowa-pharma": "Kowa Pharma Europe", "sw-rheinfeld": "Stadtwerke Rheinfeld",
        "halden-versicherung": "Halden Versicherung AG"}
PROXY_IPS = {"brenner-co": "193.28.114.", "kowa-pharma": "62.157.201.", "sw-rheinfeld": "217.6.88.", "halden-versicherung": "195.243.9."}


def via_envoy(t):
    return CUT <= t < BACK


def sid():
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(20))


def tparam():
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(7))


UA_PROXY = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"]
UA = UA_PROXY + ["Mozilla/5.0 (Macintosh; Intel Mac OS X 15_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15",
                 "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0", "QuireDesktop/3.22.1 Electron/38.2.0"]

# ---- edge access logs: ingress-nginx (before and after) and Envoy Gateway (in between)
ngx, env, bun = [], [], []
def edge(t, ip, method, path, status, sent, ua, dur, pod, body_in=0):
    rid = hexid(rng, 32)
    if via_envoy(add(t, seconds=-dur)):
        env.append((t, '[%s] "%s %s HTTP/1.1" %d - %d %d %d %s "%s" "%s" "%s" "collab.quire.io" "%s:3000"' % (
            iso(add(t, seconds=-dur), ms=True), method, path, status, body_in, sent, int(dur * 1000), int(dur * 1000) if status != 101 else "-",
            ip, ua, uuid(rid), PODS[pod])))
    else:
        lt = t.astimezone(UTC)
        ngx.append((t, '%s - - [%02d/%s/%d:%s +0000] "%s %s HTTP/1.1" %d %d "-" "%s" %d %.3f [collab-collab-server-3000] [] %s:3000 %d %.3f %d %s' % (
            ip, lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), method, path, status, sent, ua, 420 + body_in, dur,
            PODS[pod], sent, dur, status, rid)))
def B(t, pod, level, msg, **kw):
    bun.append((t, jline({"name": "collab-server", "hostname": pod, "pid": 1, "level": level, "msg": msg, **kw, "time": iso(t, ms=True), "v": 0})))

# websocket-first clients: one upgrade, no affinity needed
for t in poisson_times(rng, W0, W1, 0.06):
    ip = "%d.%d.%d.%d" % (rng.choice([31, 84, 91, 145, 178, 212]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    edge(t, ip, "GET", "/socket.io/?EIO=4&transport=websocket", 101, rng.randint(20000, 4000000), rng.choice(UA), rng.uniform(30, 9000), rng.choice(list(PODS)))
# REST and static
for t in poisson_times(rng, W0, W1, 0.09):
    ip = "%d.%d.%d.%d" % (rng.choice([31, 84, 91, 145, 178, 212]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    path, m = rng.choice([("/api/v2/docs/%s" % hexid(rng, 12), "GET"), ("/api/v2/docs/%s/snapshot" % hexid(rng, 12), "GET"),
                          ("/api/v2/me", "GET"), ("/api/v2/docs/%s/comments" % hexid(rng, 12), "POST")])
    st = 200 if rng.random() > 0.01 else rng.choice([404, 409])
    edge(t, ip, m, path, st, rng.randint(300, 90000), rng.choice(UA), rng.uniform(0.01, 0.4), rng.choice(list(PODS)))
for t in poisson_times(rng, W0, W1, 1 / 120.0):  # scanners
    edge(t, "45.148.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)), "GET", rng.choice(["/wp-login.php", "/.env", "/.git/config", "/actuator/health"]),
         404, 162, "Mozilla/5.0 zgrab/0.x", 0.002, rng.choice(list(PODS)))

# long-polling clients behind corporate proxies: a session = handshake + polls on the same sid
for t in poisson_times(rng, W0, W1, 0.05):
    org = rng.choice(list(ORGS) + ["other"] * 2)
    ip = (PROXY_IPS[org] + str(rng.randint(2, 250))) if org != "other" else "80.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    ua = rng.choice(UA_PROXY)
    pod = rng.choice(list(PODS))
    s_ = sid()
    edge(t, ip, "GET", "/socket.io/?EIO=4&transport=polling&t=%s" % tparam(), 200, 118, ua, rng.uniform(0.003, 0.02), pod)
    tt = add(t, seconds=rng.uniform(0.05, 0.3))
    n = 0
    while tt < W1 and n < 12:
        p2 = rng.choice(list(PODS)) if via_envoy(tt) and STARTED <= tt <= LAST_400 else pod
        if p2 != pod:
            edge(tt, ip, "GET", "/socket.io/?EIO=4&transport=polling&t=%s&sid=%s" % (tparam(), s_), 400, 41, ua, 0.002, p2)
            B(tt, p2, 40, "engine connection_error", code=1, message="Session ID unknown", transport="polling", sid=s_, org=org if org != "other" else None,
              remote=ip)
            break
        if n == 0:
            edge(add(tt, seconds=0.01), ip, "POST", "/socket.io/?EIO=4&transport=polling&t=%s&sid=%s" % (tparam(), s_), 200, 2, ua, 0.004, pod, body_in=rng.randint(60, 400))
            B(tt, pod, 30, "client connected", transport="polling", org=org if org != "other" else None, doc=hexid(rng, 12))
        dur = rng.uniform(24.5, 25.2)
        edge(add(tt, seconds=dur), ip, "GET", "/socket.io/?EIO=4&transport=polling&t=%s&sid=%s" % (tparam(), s_), 200, rng.randint(1, 9000), ua, dur, pod)
        tt = add(tt, seconds=dur + rng.uniform(0.02, 0.2))
        n += 1
# reconnect loop while broken: the client retries with backoff, each attempt fails on its first poll
for t in poisson_times(rng, STARTED, LAST_400, 0.2):
    org = rng.choice(list(ORGS) + ["other"] * 2)
    ip = (PROXY_IPS[org] + str(rng.randint(2, 250))) if org != "other" else "80.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    ua = rng.choice(UA_PROXY)
    p1 = rng.choice(list(PODS))
    p2 = rng.choice([p for p in PODS if p != p1]) if rng.random() < 0.86 else p1
    s_ = sid()
    edge(t, ip, "GET", "/socket.io/?EIO=4&transport=polling&t=%s" % tparam(), 200, 118, ua, rng.uniform(0.003, 0.02), p1)
    tt = add(t, seconds=rng.uniform(0.05, 0.3))
    if p2 != p1:
        edge(tt, ip, "POST", "/socket.io/?EIO=4&transport=polling&t=%s&sid=%s" % (tparam(), s_), 400, 41, ua, 0.002, p2, body_in=rng.randint(60, 400))
        B(tt, p2, 40, "engine connection_error", code=1, message="Session ID unknown", transport="polling", sid=s_, org=org if org != "other" else None, remote=ip)
edge(STARTED, "193.28.114.37", "POST", "/socket.io/?EIO=4&transport=polling&t=PmQ3x8k&sid=Yw3kq0aZ8nTtUe1cABcD", 400, 41, UA_PROXY[0], 0.002, "collab-7f8d9c6b5-c5tvn", body_in=212)
B(STARTED, "collab-7f8d9c6b5-c5tvn", 40, "engine connection_error", code=1, message="Session ID unknown", transport="polling", sid="Yw3kq0aZ8nTtUe1cABcD", org="brenner-co", remote="193.28.114.37")
edge(LAST_400, "62.157.201.88", "POST", "/socket.io/?EIO=4&transport=polling&t=Zr8Lw2c&sid=Hh61pQmA0sX3dF9kLq2v", 400, 41, UA_PROXY[1], 0.002, "collab-7f8d9c6b5-hj7rd", body_in=180)
B(LAST_400, "collab-7f8d9c6b5-hj7rd", 40, "engine connection_error", code=1, message="Session ID unknown", transport="polling", sid="Hh61pQmA0sX3dF9kLq2v", org="kowa-pharma", remote="62.157.201.88")
for t in poisson_times(rng, W0, W1, 1 / 25.0):  # benign: normal disconnects, save conflicts
    pod = rng.choice(list(PODS))
    if rng.random() < 0.7:
        B(t, pod, 30, "client disconnected", reason=rng.choice(["transport close", "transport close", "ping timeout", "client namespace disconnect"]), transport="websocket")
    else:
        B(t, pod, 40, "save conflict, rebasing ops", doc=hexid(rng, 12), base_rev=rng.randint(100, 9000), ops=rng.randint(1, 40))
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    B(t, rng.choice(list(PODS)), 50, "snapshot upload failed, will retry", err="RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period.", attempt=1)
inc.lines("edge/ingress-nginx-controller.log.gz", [l for _, l in sorted(ngx, key=lambda x: x[0])])
inc.lines("edge/envoy-gateway-default.log.gz", [l for _, l in sorted(env, key=lambda x: x[0])])
inc.lines("collab-server.json.log", [l for _, l in sorted(bun, key=lambda x: x[0])])

# ---- Prometheus query_range
def polling_clients(t):
    if STARTED <= t < add(MITIGATED, seconds=60):
        return 6 + (int(epoch(t)) // 60) % 5
    if add(MITIGATED, seconds=60) <= t < add(MITIGATED, minutes=6):
        return 6 + 570 * (t - add(MITIGATED, seconds=60)).total_seconds() / 300.0
    return 560 + 30 * ((int(epoch(t)) // 300) % 3)
def sid_unknown(t):
    if STARTED <= t < MITIGATED:
        return 4.1 + 0.4 * ((int(epoch(t)) // 60) % 4)
    return 0.0
def ws_clients(t):
    return 18600 + 900 * min(1.0, max(0.0, (t - W0).total_seconds() / 7200.0)) + 150 * ((int(epoch(t)) // 300) % 3)
inc.json("grafana-query.json", query_range(
    [({"__name__": "socketio_connected_clients", "app": "collab-server", "transport": "polling"}, polling_clients),
     ({"__name__": "socketio_connected_clients", "app": "collab-server", "transport": "websocket"}, ws_clients),
     ({"app": "collab-server", "code": "1", "message": "Session ID unknown"}, sid_unknown)],
    W0, W1, 60), indent=None)

# ---- platform-gitops git log (default format, CET)
gl = []
SHAS = {}
def C(t, who, subj, body=""):
    lt = local(t, "Europe/Berlin")
    sha = hexid(rng, 40)
    SHAS[t] = sha
    body = body.replace("{REV}", SHAS.get(COMMIT, ""))
    gl.append((t, "commit %s\nAuthor: %s\nDate:   %s\n\n    %s\n%s" % (sha, who, lt.strftime("%a %b %-d %H:%M:%S %Y %z"), subj,
                                                                  "".join("    %s\n" % l for l in ([""] + body.split("\n"))) if body else "")))
C(T("2026-11-16 14:20:41"), "Felix Wagner <felix.wagner@quire.io>", "envoy-gateway: add GatewayClass, Gateway public-web and dashboards")
C(T("2026-11-16 15:58:09"), "Lea Bauer <lea.bauer@quire.io>", "collab-server: 5.2.0 (comment threads)")
C(COMMIT, "Felix Wagner <felix.wagner@quire.io>", "collab: serve collab.quire.io through Envoy Gateway (HTTPRoute), remove ingress-nginx Ingress",
  "Part of PLAT-412 (retire ingress-nginx). Timeouts carried over, websocket upgrade enabled on the route.")
C(OTHER_COMMIT, "Dana Okoro <dana.okoro@quire.io>", "billing-api: bump image to 3.8.2")
C(REVERT_COMMIT, "Felix Wagner <felix.wagner@quire.io>", "Revert \"collab: serve collab.quire.io through Envoy Gateway (HTTPRoute), remove ingress-nginx Ingress\"",
  "This reverts commit {REV}.\n\nLong-polling sessions need session affinity; the HTTPRoute has no sessionPersistence.")
C(T(D + "12:21:37"), "Mehmet Yilmaz <mehmet.yilmaz@quire.io>", "search-api: raise HPA maxReplicas to 12")
inc.write("gitops.log", "\n".join(l for _, l in sorted(gl, key=lambda x: x[0], reverse=True)))

# ---- Zendesk incremental ticket export
def tk(i, t, org, subj, desc, status, prio, tags, solved=None, upd=None):
    return {"url": "https://quire.zendesk.com/api/v2/tickets/%d.json" % i, "id": i, "external_id": None,
            "via": {"channel": rng.choice(["email", "web"]), "source": {"from": {}, "to": {}, "rel": None}},
            "created_at": iso(t), "updated_at": iso(upd or solved or t), "type": "incident" if "sync" in tags else "question",
            "subject": subj, "raw_subject": subj, "description": desc, "priority": prio, "status": status,
            "requester_id": 39000000000 + int(uid(subj, 6), 16), "submitter_id": 39000000000 + int(uid(subj, 6), 16),
            "assignee_id": 38100000042, "organization_id": 37000000000 + int(uid(org, 5), 16), "group_id": 36000000007,
            "tags": tags, "custom_fields": [{"id": 360012, "value": org}], "satisfaction_rating": None,
            "solved_at": iso(solved) if solved else None}
tickets = [
    tk(48204, T(D + "08:51:10"), "volkmar-gmbh", "PDF export missing fonts", "When I export a doc with Noto Serif the PDF uses a fallback font.", "open", "normal", ["export", "pdf"]),
    tk(48211, TICKETS[0], "brenner-co", "Documents stuck on 'Reconnecting...' - edits not saving",
       "Since this morning all our users see 'Reconnecting...' in every document and changes are not saved (the orange 'offline' badge). Our network has not changed.",
       "solved", "urgent", ["enterprise", "sync", "offline"], solved=T(D + "12:40:22")),
    tk(48219, TICKETS[1], "kowa-pharma", "Quire not syncing in office, works from home",
       "Colleagues in the office can't sync documents since about 10:15 CET. From home over VPN-less Wi-Fi it works.",
       "solved", "high", ["enterprise", "sync"], solved=T(D + "12:51:03")),
    tk(48222, T(D + "09:58:40"), "oriel-studio", "Invoice address change", "Please change our invoice address to ...", "pending", "low", ["billing"]),
    tk(48224, TICKETS[2], "sw-rheinfeld", "Dringend: Dokumente synchronisieren nicht",
       "Seit heute Vormittag bleiben alle Dokumente auf 'Verbindung wird wiederhergestellt...'. Betrifft alle Mitarbeiter im Haus.",
       "solved", "urgent", ["enterprise", "sync"], solved=T(D + "12:57:48")),
    tk(48230, TICKETS[3], "halden-versicherung", "Phone call: editors offline since 10:13",
       "Called in by IT lead: all editors on their network show offline since 10:13 local. Proxy blocks websockets (known, they use long-polling).",
       "solved", "urgent", ["enterprise", "sync", "phone"], solved=T(D + "12:46:10")),
    tk(48233, T(D + "11:47:30"), "tannberg-law", "SSO login loop with Okta", "Users get redirected back to Okta after login.", "open", "normal", ["sso"]),
]
inc.json("zendesk-incremental.json", {"tickets": tickets, "next_page": None, "count": len(tickets), "end_of_stream": True,
                                      "end_time": int(epoch(T(D + "13:20:00")))})

# ---- PagerDuty log entries (manual trigger from the web UI)
pd = PD(9120, "Enterprise customers: documents stuck reconnecting, edits not saving", "collab-server", "PCOLL01", "Collab")
hannah = PD.user("Hannah Roth", "PHANNA1")
lea = PD.user("Lea Bauer", "PLEAB01")
pd.add(PAGE, "trigger_log_entry", hannah, {"type": "web_trigger", "summary": "Enterprise customers: documents stuck reconnecting, edits not saving"},
       "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Lea Bauer by push notification.", user=lea,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", lea, {"type": "mobile"}, "Acknowledged by Lea Bauer.")
pd.add(add(MITIGATED, minutes=4), "annotate_log_entry", lea, {"type": "web_ui", "summary": "Routing reverted to ingress-nginx 11:09 UTC; waiting for customer confirmation"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", lea, {"type": "web_ui"}, "Resolved by Lea Bauer.")
inc.json("pd-export.json", pd.export())

# ---- Slack
s = Slack()
for u, n, r in [("U3LEA", "lea", "Lea Bauer"), ("U3FELIX", "felix", "Felix Wagner"), ("U3HANNAH", "hannah", "Hannah Roth"),
                ("U3TOM", "tom.s", "Tom Schulze"), ("U3JAN", "jan", "Jan Novak"), ("U3DANA", "dana", "Dana Okoro")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n, p in [("C3SUP", "support-escalations", ""), ("C3COL", "collab-team", ""), ("C3INC", "inc-collab-1117", "incident"),
                  ("C3DEP", "deploys", "Argo CD"), ("C3ALR", "alerts", "Alertmanager"), ("C3STAT", "status", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("alerts", add(c, seconds=70), "B3AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job reporting/usage-report-mailer failed to complete.\nseverity: warning", color="warning"))
for a, b in [("09:40:30", "09:47:00"), ("11:30:30", "11:36:00")]:
    s.bot("alerts", T(D + a), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "NodeFilesystemAlmostFull", "ip-10-60-2-14 /var/lib/kubelet 91% full\nseverity: warning", color="warning"))
    s.bot("alerts", T(D + b), "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "NodeFilesystemAlmostFull", "ip-10-60-2-14 /var/lib/kubelet back under 85%"))
s.bot("alerts", T(D + "12:02:15"), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "ElasticsearchClusterYellow", "search-es cluster yellow (1 unassigned replica)\nseverity: warning", color="warning"))
s.bot("alerts", T(D + "12:09:45"), "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "ElasticsearchClusterYellow", "search-es cluster green"))
for t, app, rev, msg in [(T("2026-11-16 16:03:30"), "collab-server", "a1f0c22", "collab-server 5.2.0"),
                         (SYNC, "collab-routing", "4f2a9c1", "collab: serve collab.quire.io through Envoy Gateway"),
                         (OTHER_SYNC, "billing-api", "9d3e6b0", "billing-api: bump image to 3.8.2"),
                         (REVERT_SYNC, "collab-routing", "8be01d3", "Revert \"collab: serve collab.quire.io through Envoy Gateway ...\""),
                         (T(D + "12:24:02"), "search-api", "c77a5e1", "search-api: raise HPA maxReplicas to 12")]:
    s.bot("deploys", t, "B3ARGO", "argocd", blocks=pd_slack_blocks(":white_check_mark: Application *%s* has been successfully synced at revision `%s` (%s)" % (app, rev, msg)))
s.say("deploys", add(SYNC, seconds=50), "U3FELIX", "collab.quire.io now served by Envoy Gateway, external-dns flipped, websockets fine in my tests")
s.say("support-escalations", ESC, "U3TOM", "3 enterprise tickets since 10:38 CET (Brenner #48211, Kowa #48219, Stadtwerke Rheinfeld #48224): documents stuck on 'Reconnecting…', edits not saving. all on corporate networks")
s.say("collab-team", add(ESC, seconds=500), "U3TOM", "anyone seeing sync problems? 3 enterprise customers can't save since this morning")
s.say("collab-team", WRONG1, "U3JAN", "collab dashboards look normal, websocket connects and errors flat, works for me. probably their proxies again")
s.say("support-escalations", add(PAGE, seconds=-90), "U3HANNAH", "Halden just called too, 4 enterprise customers down. paging collab on-call")
ch = "inc-collab-1117"
s.say(ch, add(ACK, seconds=55), "U3LEA", "acked. looking at the four orgs' sessions")
s.say(ch, ROLLBACK_Q, "U3JAN", "should we roll back collab-server 5.2.0 from yesterday?")
s.say(ch, add(ROLLBACK_Q, seconds=70), "U3LEA", "5.2.0 only touched comment threads and it ran fine all yesterday afternoon")
s.say(ch, WRONG2, "U3TOM", "Chrome 142 went to 100% yesterday, maybe a third-party cookie change?")
s.say(ch, T(D + "10:55:10"), "U3LEA", "all four orgs' sessions are transport=polling (their proxies block websockets). every poll gets 400 {\"code\":1,\"message\":\"Session ID unknown\"} since 09:13Z")
s.say(ch, DIAG, "U3LEA", "the handshake lands on one collab pod and the next poll on another, so the sid is unknown there. long-polling needs sticky sessions: "
      "since the 09:12 Envoy Gateway cutover there's no affinity (ingress-nginx had affinity: cookie). websocket clients don't care, that's why dashboards look fine")
s.say(ch, add(DIAG, seconds=100), "U3FELIX", "ugh, that's mine, the HTTPRoute has no sessionPersistence. reverting the routing commit, external-dns will flip back")
s.say(ch, add(REVERT_SYNC, seconds=20), "U3FELIX", "revert synced, collab.quire.io back on ingress-nginx")
s.say(ch, add(MITIGATED, seconds=60), "U3LEA", "no 'Session ID unknown' since 11:10:24Z, polling clients reconnecting and flushing their offline queues")
s.say(ch, T(D + "12:10:40"), "U3TOM", "Brenner confirms docs syncing again, their offline edits merged")
s.say(ch, T(D + "12:58:30"), "U3TOM", "all 4 tickets solved, customers confirm their queued edits are in")
s.say(ch, add(RESOLVED, seconds=-40), "U3LEA", "resolving. follow-ups: sessionPersistence on the HTTPRoute + a synthetic long-polling check")
s.bot("status", STATUS, "B3SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Document sync",
      "title": "Investigating - Documents not syncing for some users on corporate networks", "text": "Some users see 'Reconnecting…' and their edits are kept offline.", "mrkdwn_in": ["text"]}])
s.bot("status", T(D + "11:24:30"), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring",
      "title": "Monitoring - Documents not syncing for some users on corporate networks", "text": "A fix has been applied; offline edits sync automatically.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, seconds=90), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved",
      "title": "Resolved - Documents not syncing for some users on corporate networks", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "quire-socketio-affinity", "lb-migration-drops-session-affinity-socketio-long-polling",
    "Moving collab.quire.io from ingress-nginx (cookie affinity) to an Envoy Gateway HTTPRoute without session persistence; Socket.IO clients\n"
    "on long-polling (corporate proxies) get 400 'Session ID unknown' and can't sync, found via enterprise tickets and fixed by reverting the route.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYNC, "change", "Argo CD syncs collab-routing 4f2a9c1 (collab.quire.io to Envoy Gateway)", "slack", 60),
     (STARTED, "first_symptom", "first polling 400 'Session ID unknown' through Envoy Gateway", "edge/envoy-gateway-default.log.gz", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #9120 by hand", "pd-export.json", 60),
     (ACK, "acknowledged", "Lea Bauer acknowledges", "pd-export.json", 60),
     (STATUS, "communication", "Statuspage: documents not syncing on corporate networks", "slack", 90),
     (DIAG, "diagnosis", "Lea: long-polling needs sticky sessions, the Envoy Gateway cutover dropped cookie affinity", "slack", 90),
     (REVERT_SYNC, "mitigation", "revert of the routing commit synced, collab.quire.io back on ingress-nginx", "slack", 60),
     (MITIGATED, "recovery", "last 'Session ID unknown'; polling clients reconnect", "collab-server.json.log", 60),
     (RESOLVED, "resolved", "PagerDuty resolved after customers confirm offline edits synced", "pd-export.json", 60)],
    [(CRON[-1], "daily usage-report-mailer Job failure (KubeJobFailed every day ~08:56)", "slack"),
     (OTHER_SYNC, "billing team's billing-api 3.8.2 sync", "slack"),
     (T(D + "12:24:02"), "search-api HPA change synced", "slack"),
     (T(D + "09:40:30"), "NodeFilesystemAlmostFull flapping, infra", "slack"),
     (T(D + "12:02:15"), "ElasticsearchClusterYellow, search team", "slack"),
     (WRONG1, "wrong hunch: customers' proxies, dashboards normal", "slack"),
     (ROLLBACK_Q, "'should we roll back collab-server 5.2.0?' question, not done", "slack"),
     (WRONG2, "wrong hunch: Chrome 142 third-party cookies", "slack"),
     (T(D + "11:00:00"), "steady save conflicts, ping-timeout disconnects and scanner 404s all window", "collab-server.json.log"),
     (T(D + "08:51:10"), "unrelated tickets (PDF fonts, invoice address, SSO loop)", "zendesk-incremental.json")],
    [("edge/ingress-nginx-controller.log.gz", "logs"), ("edge/envoy-gateway-default.log.gz", "logs"), ("collab-server.json.log", "logs"),
     ("grafana-query.json", "prometheus-query-range"), ("gitops.log", "git-log"), ("zendesk-incremental.json", "logs"),
     ("pd-export.json", "pagerduty-log-entries"), ("slack", "slack-export")])
