"""retired5/geo-mtu-overlay: a WireGuard overlay MTU change between the fra and ams sites blackholes full-size
packets; small geo-api lookups work, large polygon responses hang until the MTU is reverted."""
import random
from common import *

rng = random.Random(20260506)
inc = Incident("retired5", "geo-mtu-overlay")
TZ = "Europe/Amsterdam"          # the gateway hosts' syslog is local time without offset
D = "2026-05-06 "
W0, W1 = T(D + "09:00:00"), T(D + "12:00:00")   # typed loosely: "about 9 to 12 UTC"
AWX_START = T(D + "09:41:12")
APPLIED = T(D + "09:41:38")     # ip link set ... mtu 1500 on gw-fra-1 (gw-ams-1 at +6 s)
STARTED = T(D + "09:41:55")     # first polygon request that hangs (envoy START_TIME)
RETRANS_WARN = T(D + "09:52:30")
PAGE_ALERT = T(D + "10:03:00")
PAGE = T(D + "10:03:01")
ACK = T(D + "10:07:44")
WRONG1 = T(D + "10:13:05")
ROLLBACK_Q = T(D + "10:19:40")
OTHER_DEPLOY = T(D + "10:22:31")
WRONG2 = T(D + "10:26:10")
STATUS = T(D + "10:31:20")
DIAG = T(D + "10:38:20")
REVERT_AWX = T(D + "10:50:58")
REVERTED = T(D + "10:51:24")
MITIGATED = T(D + "10:51:40")
RETRANS_OK = T(D + "10:56:30")
ALERT_OK = T(D + "10:58:00")
RESOLVED = T(D + "11:20:15")
CRON = [T("2026-05-%02d 10:05:%02d" % (d, 3 + d)) for d in (3, 4, 5, 6)]


def broken(t):
    return APPLIED <= t < REVERTED


# ---- gateway syslog (both hosts, Europe/Amsterdam local time, no year, no offset)
sl = []
def S(t, host, prog, msg):
    sl.append((t, syslog(t, TZ, host, prog, msg)))
GWS = ["gw-fra-1", "gw-ams-1"]
for day in ("2026-05-03 ", "2026-05-04 ", "2026-05-05 "):
    for h in (0, 6, 12, 18):
        for g in GWS:
            S(T(day + "%02d:17:01" % h), g, "CRON[%d]" % rng.randint(1000, 30000), "(root) CMD (   cd / && run-parts --report /etc/cron.hourly)")
for c in CRON:
    for g in GWS:
        pid = rng.randint(1000, 30000)
        S(add(c, seconds=-3), g, "CRON[%d]" % pid, "(root) CMD (/usr/local/sbin/ship-flowlogs --bucket s3://acme-netops-flowlogs)")
        S(c, g, "ship-flowlogs[%d]" % (pid + 1), "upload failed: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied")
        S(add(c, seconds=1), g, "CRON[%d]" % pid, "(CRON) info (No MTA installed, discarding output)")
for t in frange(W0, W1, 60):
    for g in GWS:
        if rng.random() < 0.18:
            S(add(t, seconds=rng.randint(0, 59)), g, "snmpd[912]", "Connection from UDP: [10.9.0.%d]:%d->[10.9.1.1]:161" % (rng.randint(2, 30), rng.randint(30000, 60000)))
        if rng.random() < 0.05:
            S(add(t, seconds=rng.randint(0, 59)), g, "sshd[%d]" % rng.randint(2000, 9000), "Connection closed by authenticating user root 45.%d.%d.%d port %d [preauth]" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(30000, 60000)))
for h in (9, 10, 11):
    for g in GWS:
        S(T(D + "%02d:17:01" % h), g, "CRON[%d]" % rng.randint(1000, 30000), "(root) CMD (   cd / && run-parts --report /etc/cron.hourly)")
def ansible_run(t0, mtu, old):
    for i, g in enumerate(GWS):
        t = add(t0, seconds=6 * i)
        peer = "wg-ams" if g == "gw-fra-1" else "wg-fra"
        S(add(t, seconds=-14), g, "sshd[%d]" % rng.randint(2000, 9000), "Accepted publickey for awx from 10.9.4.21 port %d ssh2: ED25519 SHA256:3kq1Zf0cXb1m2G6wq3cQ8p7x8yJrVwU0m2JcT2q5hQ4" % rng.randint(40000, 60000))
        S(add(t, seconds=-12), g, "python3[%d]" % rng.randint(2000, 9000), "ansible-ansible.builtin.template Invoked with src=wg.conf.j2 dest=/etc/wireguard/%s.conf mode=0600 backup=True" % peer)
        S(t, g, "python3[%d]" % rng.randint(2000, 9000), "ansible-ansible.legacy.command Invoked with _raw_params=ip link set dev %s mtu %d _uses_shell=False" % (peer, mtu))
        S(add(t, seconds=1), g, "systemd-networkd[611]", "%s: MTU changed from %d to %d" % (peer, old, mtu))
        S(add(t, seconds=2), g, "python3[%d]" % rng.randint(2000, 9000), "ansible-ansible.legacy.command Invoked with _raw_params=wg show %s latest-handshakes _uses_shell=False" % peer)
ansible_run(APPLIED, 1500, 1420)
ansible_run(REVERTED, 1420, 1500)
inc.lines("gw/messages", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- envoy sidecar access log of quote-api in fra (default format, UTC)
ev = []
UPS = ["10.44.7.15:8443", "10.44.7.16:8443", "10.44.9.3:8443"]
def E(t, method, path, code, flags, rx, tx, dur, ust, ua, auth, up):
    ev.append((t, '[%s] "%s %s HTTP/1.1" %d %s %d %d %d %s "-" "%s" "%s" "%s" "%s"' % (
        iso(t, ms=True), method, path, code, flags, rx, tx, dur, ust, ua, uuid("rq%f" % epoch(t)), auth, up)))
for t in poisson_times(rng, W0, W1, 0.7):
    r = rng.random()
    up = rng.choice(UPS)
    if r < 0.55:
        E(t, "GET", "/v1/lookup?lat=%.4f&lon=%.4f" % (rng.uniform(47, 54), rng.uniform(3, 15)), 200, "-", 0, rng.randint(180, 420),
          rng.randint(14, 40), str(rng.randint(6, 30)), "quote-api/3.4.2", "geo-api.ams.internal:8443", up)
    elif r < 0.72:
        E(t, "GET", "/v1/regions/%d" % rng.randint(100, 990), 200, "-", 0, rng.randint(600, 1150), rng.randint(15, 45),
          str(rng.randint(8, 32)), "quote-api/3.4.2", "geo-api.ams.internal:8443", up)
    else:
        size = rng.choice([rng.randint(900, 1300), rng.randint(24000, 410000), rng.randint(24000, 410000), rng.randint(24000, 410000)])
        path = "/v1/regions/%d/polygons?detail=%s" % (rng.randint(100, 990), rng.choice(["full", "full", "simplified"]))
        if broken(t) and size > 1380 and rng.random() < 0.93:
            E(t, "GET", path, 504, "UT", 0, 24, 15000 + rng.randint(0, 3), "-", "quote-api/3.4.2", "geo-api.ams.internal:8443", up)
        else:
            E(t, "GET", path, 200, "-", 0, size, rng.randint(40, 180) + size // 4000, str(rng.randint(30, 150)),
              "quote-api/3.4.2", "geo-api.ams.internal:8443", up)
E(add(STARTED, seconds=0.412), "GET", "/v1/regions/881/polygons?detail=full", 504, "UT", 0, 24, 15001, "-", "quote-api/3.4.2", "geo-api.ams.internal:8443", UPS[0])
E(add(MITIGATED, seconds=-30.73), "GET", "/v1/regions/412/polygons?detail=full", 504, "UT", 0, 24, 15000, "-", "quote-api/3.4.2", "geo-api.ams.internal:8443", UPS[2])
for t in poisson_times(rng, W0, W1, 1 / 95.0):   # steady benign: the legacy FX service resets connections all day
    E(t, "POST", "/fx/v1/convert", 503, "UC", rng.randint(90, 160), 95, rng.randint(2, 30), "-", "quote-api/3.4.2", "fx-legacy.fra.internal:8080", "10.44.2.8:8080")
ev = [x for x in ev if not (x[0] < STARTED and '" 504 UT' in x[1])]
inc.lines("edge/envoy-access.log.gz", [l for _, l in sorted(ev, key=lambda x: x[0])])

# ---- prometheus query_range: TCP retransmits and envoy upstream timeouts (30 s step)
def retrans(base, bad):
    def f(t):
        v = base + ((int(epoch(t)) // 30) % 4) * 0.4
        if broken(add(t, seconds=-45)) and broken(t):
            v += bad + ((int(epoch(t)) // 30) % 5) * bad * 0.06
        return v
    return f
def uto(t):
    if broken(add(t, seconds=-60)) and broken(t):
        return 0.11 + ((int(epoch(t)) // 30) % 3) * 0.015
    return 0.0
inc.json("retrans.json", query_range(
    [({"instance": "gw-ams-1:9100", "job": "node", "site": "ams"}, retrans(2.1, 214.0)),
     ({"instance": "gw-fra-1:9100", "job": "node", "site": "fra"}, retrans(1.4, 38.0)),
     ({"instance": "edge-fra-3:9100", "job": "node", "site": "fra"}, retrans(3.2, 0.0)),
     ({"instance": "edge-ams-2:9100", "job": "node", "site": "ams"}, retrans(2.8, 0.0)),
     ({"__name__": "envoy_cluster_upstream_rq_timeout:rate1m", "envoy_cluster_name": "outbound|8443||geo-api.ams.internal",
       "namespace": "quotes", "app": "quote-api"}, uto)],
    W0, W1, 30, fmt="%.4g"), indent=None)

# ---- alertmanager webhook receiver capture (one POST body per line)
posts = []
def post(t, body):
    posts.append((t, jline(body)))
rl = {"severity": "warning", "team": "netops", "instance": "gw-ams-1:9100", "site": "ams", "prometheus": "monitoring/prom-ams"}
a = am_alert("NodeTCPRetransmitsHigh", rl, "TCP retransmits on gw-ams-1 above 50/s for 10m", RETRANS_WARN, desc="node_netstat_Tcp_RetransSegs rate is 221/s")
post(add(RETRANS_WARN, seconds=20), am_webhook("slack-netops", [a]))
post(add(RETRANS_OK, seconds=15), am_webhook("slack-netops", [am_alert("NodeTCPRetransmitsHigh", rl, "TCP retransmits on gw-ams-1 above 50/s for 10m", RETRANS_WARN, ends=RETRANS_OK)]))
ql = {"severity": "page", "team": "quotes", "namespace": "quotes", "app": "quote-api", "upstream": "geo-api.ams.internal"}
qa = am_alert("QuoteApiUpstreamTimeouts", ql, "quote-api: 9.8% of requests to geo-api time out", PAGE_ALERT, desc="envoy UT responses to geo-api.ams.internal above 2% for 10m")
post(add(PAGE_ALERT, seconds=0.6), am_webhook("pagerduty-quotes", [qa]))
post(add(PAGE_ALERT, seconds=0.6), am_webhook("slack-quotes", [qa]))
qr = am_alert("QuoteApiUpstreamTimeouts", ql, "quote-api: 9.8% of requests to geo-api time out", PAGE_ALERT, ends=ALERT_OK)
post(add(ALERT_OK, seconds=10), am_webhook("pagerduty-quotes", [qr]))
post(add(ALERT_OK, seconds=10), am_webhook("slack-quotes", [qr]))
kl = {"severity": "warning", "team": "data", "namespace": "analytics", "consumergroup": "events-to-lake"}
for i, (s_, d_) in enumerate([("09:07:30", 6), ("09:39:00", 4), ("10:16:30", 7), ("10:44:00", 5), ("11:31:30", 6)]):
    st = T(D + s_)
    post(add(st, seconds=30), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLagHigh", kl, "events-to-lake lag above 100k", st)]))
    post(add(st, minutes=d_, seconds=30), am_webhook("slack-data", [am_alert("KafkaConsumerGroupLagHigh", kl, "events-to-lake lag above 100k", st, ends=add(st, minutes=d_))]))
fl = {"severity": "ticket", "team": "netops", "job": "ship-flowlogs"}
post(add(CRON[-1], minutes=1), am_webhook("slack-netops", [am_alert("FlowlogShipFailed", fl, "flow log upload to S3 failed on gw hosts", add(CRON[-1], seconds=30))]))
dl = {"severity": "warning", "team": "ci", "instance": "ci-runner-7:9100", "mountpoint": "/var/lib/docker"}
post(T(D + "10:34:40"), am_webhook("slack-ci", [am_alert("HostDiskWillFillIn24Hours", dl, "ci-runner-7 /var/lib/docker will fill within 24h", T(D + "10:34:10"))]))
posts.sort(key=lambda x: x[0])
inc.lines("alerts.ndjson", [l for _, l in posts])

# ---- AWX jobs API page
def job(jid, t0, secs, name, tpl, who, playbook, extra, limit, team):
    return {"id": jid, "type": "job", "url": "/api/v2/jobs/%d/" % jid,
            "related": {"stdout": "/api/v2/jobs/%d/stdout/" % jid, "job_template": "/api/v2/job_templates/%d/" % tpl},
            "summary_fields": {"organization": {"id": 1, "name": "Acme"},
                               "inventory": {"id": 4, "name": "prod-%s" % team},
                               "project": {"id": 7, "name": "%s-playbooks" % team, "status": "successful", "scm_type": "git"},
                               "job_template": {"id": tpl, "name": name},
                               "created_by": {"id": 30 + tpl % 7, "username": who},
                               "launched_by": {"id": 30 + tpl % 7, "name": who, "type": "user", "url": "/api/v2/users/%d/" % (30 + tpl % 7)}},
            "created": iso_us(add(t0, seconds=-2)), "modified": iso_us(add(t0, seconds=secs)),
            "name": name, "description": "", "job_type": "run", "inventory": 4, "project": 7, "playbook": playbook,
            "scm_branch": "", "forks": 5, "limit": limit, "verbosity": 0, "extra_vars": json.dumps(extra),
            "job_tags": "", "launch_type": "manual", "status": "successful", "failed": False,
            "started": iso_us(t0), "finished": iso_us(add(t0, seconds=secs)), "canceled_on": None,
            "elapsed": float(secs), "job_explanation": "", "execution_node": "awx-task-0", "controller_node": "awx-task-0",
            "scm_revision": hexid(rng, 40), "job_template": tpl}
jobs = [job(48190, T("2026-05-05 14:02:11"), 71, "wg-mesh: apply overlay", 51, "jdevries", "playbooks/wg_mesh.yml",
            {"wg_peers_refresh": True}, "gw_ams", "netops"),
        job(48211, AWX_START, 53, "wg-mesh: apply overlay", 51, "jdevries", "playbooks/wg_mesh.yml",
            {"wg_mtu": 1500, "change_ref": "NET-2207"}, "gw_fra:gw_ams", "netops"),
        job(48214, OTHER_DEPLOY, 188, "loyalty-api: deploy", 63, "amelie.roux", "deploy/loyalty_api.yml",
            {"version": "7.2.1"}, "loyalty_fra", "loyalty"),
        job(48220, REVERT_AWX, 49, "wg-mesh: apply overlay", 51, "jdevries", "playbooks/wg_mesh.yml",
            {"wg_mtu": 1420, "change_ref": "NET-2207-revert"}, "gw_fra:gw_ams", "netops"),
        job(48231, T(D + "11:47:09"), 240, "cert-rotate: haproxy edge", 58, "jdevries", "playbooks/certs.yml",
            {}, "edge_ams", "netops")]
jobs.sort(key=lambda j: j["started"], reverse=True)
inc.json("awx-jobs.json", {"count": len(jobs), "next": None, "previous": None, "results": jobs})

# ---- pagerduty log entries (REST)
pd = PD(7712, "QuoteApiUpstreamTimeouts: quote-api: 9.8% of requests to geo-api time out", "quote-api", "PQUOTE1")
lukas = PD.user("Lukas Brandt", "PLUKASB")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMQT01", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/PQUOTE1/integrations/PAMQT01"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Lukas Brandt by push notification.",
       user=lukas, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, {"type": "auto"}, "Notified Lukas Brandt by phone.",
       user=lukas, notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", lukas, {"type": "mobile"}, "Acknowledged by Lukas Brandt.", acknowledgement_timeout=3600)
pd.add(add(DIAG, seconds=95), "annotate_log_entry", lukas, {"type": "web_ui", "summary": "netops: overlay MTU raised to 1500 at 11:41 CEST (NET-2207), reverting"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", lukas, {"type": "web_ui"}, "Resolved by Lukas Brandt.")
other = PD(7709, "ci-runner-7 /var/lib/docker will fill within 24h", "ci-runners", "PCIRUN1")
rui = PD.user("Rui Santos", "PRUISAN")
other.add(T(D + "10:34:41"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "10:34:42"), "notify_log_entry", None, None, "Notified Rui Santos by email.", user=rui)
other.add(T(D + "10:41:05"), "acknowledge_log_entry", rui, {"type": "web_ui"}, "Acknowledged by Rui Santos.")
other.add(T(D + "11:12:30"), "resolve_log_entry", rui, {"type": "web_ui"}, "Resolved by Rui Santos.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pagerduty.json", ex)

# ---- slack export
s = Slack()
for u, n, r, tz in [("U5LUKAS", "lukas.b", "Lukas Brandt", "Europe/Berlin"), ("U5JOOST", "jdevries", "Joost de Vries", "Europe/Amsterdam"),
                    ("U5NADIA", "nadia", "Nadia Haddad", "Europe/Paris"), ("U5AMELIE", "amelie", "Amelie Roux", "Europe/Paris"),
                    ("U5TOM", "tom.k", "Tom Kessler", "Europe/Berlin"), ("U5SUPP", "svenja.support", "Svenja Lang", "Europe/Berlin")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C5INC", "inc-7712-quote-timeouts", "quote-api timeouts to geo-api"), ("C5NET", "netops", "network operations"),
                  ("C5LOY", "loyalty-dev", "loyalty team"), ("C5STAT", "status", "status page mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("netops", add(c, minutes=1, seconds=2), "B5AM", "alertmanager",
          attachments=am_slack_attachment("firing", "FlowlogShipFailed", "flow log upload to S3 failed on gw hosts\nseverity: ticket", color="warning"))
s.bot("netops", add(RETRANS_WARN, seconds=21), "B5AM", "alertmanager",
      attachments=am_slack_attachment("firing", "NodeTCPRetransmitsHigh", "TCP retransmits on gw-ams-1 above 50/s for 10m\nseverity: warning", color="warning"))
s.say("netops", T(D + "09:40:30"), "U5JOOST", "applying NET-2207 now: wg overlay fra<->ams to mtu 1500, the carrier says the new wave link does jumbo")
s.say("netops", T(D + "09:43:10"), "U5JOOST", "NET-2207 done, handshakes fine on both ends")
s.say("netops", add(RETRANS_WARN, minutes=3), "U5JOOST", "retransmits warning on gw-ams-1, probably the carrier maintenance they announced, will keep an eye on it")
s.bot("netops", add(RETRANS_OK, seconds=16), "B5AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "NodeTCPRetransmitsHigh", "TCP retransmits on gw-ams-1 back under 50/s"))
s.say("loyalty-dev", add(OTHER_DEPLOY, seconds=-40), "U5AMELIE", "deploying loyalty-api 7.2.1 to prod via awx")
s.say("loyalty-dev", add(OTHER_DEPLOY, minutes=4), "U5AMELIE", "7.2.1 is out, all green")
ch = "inc-7712-quote-timeouts"
s.say(ch, add(ACK, seconds=50), "U5LUKAS", "acked. quote-api -> geo-api calls timing out at 15s, but not all of them. lookups are fine")
s.say(ch, T(D + "10:10:30"), "U5LUKAS", "it's only /v1/regions/*/polygons, and only some regions. small responses go through")
s.say(ch, WRONG1, "U5TOM", "geo-api in ams had long GC pauses last month, could be that again?")
s.say(ch, add(WRONG1, seconds=100), "U5LUKAS", "geo-api p99 on its own side is 120ms, it thinks it answered. it's not GC")
s.say(ch, ROLLBACK_Q, "U5TOM", "should we roll back geo-api 5.3.0 from yesterday?")
s.say(ch, add(ROLLBACK_Q, seconds=75), "U5LUKAS", "no, 5.3.0 went out 20h ago and this started at 09:42. holding off")
s.say(ch, WRONG2, "U5NADIA", "loyalty-api just deployed, does it call geo-api too?")
s.say(ch, add(WRONG2, seconds=50), "U5AMELIE", "loyalty doesn't talk to geo at all, and we went out 40 min after your errors started")
s.say(ch, T(D + "10:29:40"), "U5SUPP", "support: a few B2B customers say quotes for DE/NL routes spin and fail. posting on the status page")
s.say(ch, T(D + "10:33:50"), "U5LUKAS", "@jdevries anything change on the fra<->ams path this morning? retransmits on gw-ams-1 are way up")
s.say(ch, T(D + "10:35:15"), "U5JOOST", "yes, NET-2207 raised the wg overlay MTU to 1500 at 09:41. checking")
s.say(ch, DIAG, "U5JOOST", "pretty sure it's the MTU change on the wg overlay. tcpdump on gw-ams-1: full-size segments retransmitted, nothing bigger than ~1420 gets through and no ICMP frag-needed comes back. small requests fit in one packet, polygons don't")
s.say(ch, add(DIAG, seconds=70), "U5LUKAS", "that matches: everything under ~1.3kb works. please revert")
s.say(ch, add(REVERT_AWX, seconds=-20), "U5JOOST", "reverting NET-2207 via awx, mtu back to 1420")
s.say(ch, add(MITIGATED, seconds=75), "U5LUKAS", "polygons loading again, no UT in envoy since 10:51")
s.say(ch, add(RESOLVED, seconds=-40), "U5LUKAS", "25 min clean, retransmits at baseline. resolving; NET-2207 postmortem to follow")
s.bot("status", STATUS, "B5SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - Slow or failing quotes for some routes",
                    "title": "Investigating - Slow or failing quotes for some routes",
                    "text": "Some price quotes fail or time out. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=3), "B5SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved - Slow or failing quotes", "title": "Resolved - Slow or failing quotes",
                    "text": "Quotes are working normally again.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "geo-mtu-overlay", "overlay-mtu-blackhole",
    "A netops change raised the WireGuard overlay MTU between the fra and ams sites to 1500; full-size packets were dropped\n"
    "without ICMP, so small geo-api lookups worked while large polygon responses hung (envoy UT 504) until the MTU was reverted.",
    (W0, W1),
    dict(started=STARTED, detected=RETRANS_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(APPLIED, "change", "NET-2207: wg overlay MTU 1420 -> 1500 on gw-fra-1/gw-ams-1 (AWX job 48211)", "gw/messages", 60),
     (STARTED, "first_symptom", "first geo-api polygon request hangs, envoy 504 UT after 15 s", "edge/envoy-access.log.gz", 60),
     (RETRANS_WARN, "alert_fired", "NodeTCPRetransmitsHigh (warning) on gw-ams-1", "alerts.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7712 QuoteApiUpstreamTimeouts, Lukas notified", "pagerduty.json", 60),
     (ACK, "acknowledged", "Lukas acknowledges", "pagerduty.json", 60),
     (STATUS, "communication", "Statuspage: slow or failing quotes for some routes", "slack", 60),
     (DIAG, "diagnosis", "Joost: MTU change on the wg overlay, full-size packets dropped, no frag-needed", "slack", 60),
     (REVERTED, "mitigation", "MTU reverted to 1420 (AWX job 48220)", "gw/messages", 60),
     (MITIGATED, "recovery", "polygon requests succeed again, envoy UT 504s stop", "edge/envoy-access.log.gz", 60),
     (ALERT_OK, "alert_resolved", "QuoteApiUpstreamTimeouts resolved", "alerts.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #7712 resolved", "pagerduty.json", 60)],
    [(CRON[-1], "ship-flowlogs cron on the gw hosts fails with AccessDenied every day at 12:05 CEST", "gw/messages"),
     (CRON[0], "same flow-log upload failure on an earlier day", "gw/messages"),
     (OTHER_DEPLOY, "loyalty team deploys loyalty-api 7.2.1 via AWX", "awx-jobs.json"),
     (T(D + "09:07:30"), "data team's KafkaConsumerGroupLagHigh flapping all morning", "alerts.ndjson"),
     (T(D + "10:34:10"), "CI team: HostDiskWillFillIn24Hours on ci-runner-7 (own PagerDuty incident)", "pagerduty.json"),
     (ROLLBACK_Q, "'should we roll back geo-api 5.3.0?' question, not done", "slack"),
     (WRONG1, "wrong hunch: geo-api GC pauses", "slack"),
     (WRONG2, "wrong hunch: the loyalty-api deploy", "slack"),
     (T(D + "10:00:00"), "steady 503 UC resets from fx-legacy all window", "edge/envoy-access.log.gz"),
     (T(D + "11:47:09"), "netops haproxy cert rotation after the incident", "awx-jobs.json")],
    [("gw/messages", "logs", TZ), ("edge/envoy-access.log.gz", "logs"), ("retrans.json", "prometheus-query-range"),
     ("alerts.ndjson", "alertmanager-webhook"), ("awx-jobs.json", "deploys"), ("pagerduty.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
