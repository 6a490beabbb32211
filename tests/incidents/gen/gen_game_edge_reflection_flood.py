"""retired9/game-edge-reflection-flood: a CLDAP reflection flood (with a SYN flood first) saturates both transit
links of the fra2 edge; logins and game sessions fail until the /24 is diverted to the scrubbing provider."""
import random
from common import *

rng = random.Random(20260221)
inc = Incident("retired9", "game-edge-reflection-flood")
D = "2026-02-21 "
W0, W1 = T(D + "18:30:00"), T(D + "21:30:00")
EV0 = T(D + "18:20:00")
SYN1 = T(D + "19:02:14")            # first: kernel SYN-flood warning on lb-fra2-01
SYN2 = T(D + "19:02:16")
RAMP0, RAMP1 = T(D + "19:02:00"), T(D + "19:08:45")
STEP0, STEP1 = T(D + "19:03:30"), T(D + "19:08:15")
WARN = T(D + "19:05:30")            # TransitIngressHigh (warning)
IMPACT = T(D + "19:08:40")          # links dropping heavily, sessions time out
PAGE_AT = T(D + "19:10:30")         # GameLoginAvailabilityLow startsAt
PAGE = T(D + "19:11:02")
ACK = T(D + "19:12:20")
STATUS = T(D + "19:14:00")
HUNCH = T(D + "19:15:05")
ROLLBACK_Q = T(D + "19:16:10")
DIAG = T(D + "19:17:55")
DIVERT = T(D + "19:21:05")
DIVERT2 = T(D + "19:21:38")
CLEAN = T(D + "19:23:20")           # transit ingress back to normal
MITIGATED = T(D + "19:24:10")
WARN_OK = T(D + "19:26:30")
PAGE_OK = T(D + "19:27:40")
ATTACK_END = T(D + "20:05:40")
UNDIVERT = T(D + "20:41:12")
UNDIVERT2 = T(D + "20:41:44")
RESOLVED = T(D + "20:55:30")
OTHER_DEPLOY = T(D + "18:51:40")    # game-services: matchmaker 4.12.0
OTHER_DEPLOY2 = T(D + "19:44:05")   # store team: store-api
CRON = [T("2026-02-%02d 19:00:%02d" % (d, 20 + d)) for d in (19, 20, 21)]
BGP_DOWN = [("er1", "192.0.2.1", 3356, T(D + "19:10:04"), T(D + "19:11:31")),
            ("er2", "198.51.100.1", 1299, T(D + "19:13:22"), T(D + "19:14:58")),
            ("er1", "192.0.2.1", 3356, T(D + "19:16:47"), T(D + "19:18:20"))]

def saturated(t):
    return IMPACT <= t < MITIGATED

def attack_gbps(t):
    """offered attack traffic per transit link (Gbps)"""
    if t < RAMP0 or t >= ATTACK_END:
        return 0.0
    if t < STEP0:
        return 31.0 * (epoch(t) - epoch(RAMP0)) / (epoch(STEP0) - epoch(RAMP0))
    if t < STEP1:  # first wave: links at 88-93%, no loss yet
        return 31.0 + 1.5 * ((int(epoch(t)) // 30) % 3 - 1)
    if t < RAMP1:  # more reflectors join
        return 32.0 + 23.0 * (epoch(t) - epoch(STEP1)) / (epoch(RAMP1) - epoch(STEP1))
    return 55.0 + 3.0 * ((int(epoch(t)) // 30) % 3 - 1)

# ---------------------------------------------------------------- edge routers: RFC 5424 structured syslog
rl = []
def R(t, host, app, pid, tag, sd, msg, pri=29):
    sds = " ".join('%s="%s"' % kv for kv in sd.items())
    rl.append((t, "<%d>1 %s fra2-%s %s %d %s [junos@2636.1.1.1.2.39 %s] %s" % (pri, iso(t, ms=True) if t.microsecond else iso(t).replace("Z", ".000Z"),
                                                                              host, app, pid, tag, sds, msg)))
def bgp(t, host, peer, asn, frm, to, ev):
    R(t, host, "rpd", 2174 if host == "er1" else 2203, "BGP_NEIGHBOR_STATE_CHANGED",
      {"peer-name": "%s (External AS %d)" % (peer, asn), "state-name": frm, "state-name2": to, "event-name": ev, "instance": "master"},
      "BGP peer %s (External AS %d) changed state from %s to %s (event %s) (instance master)" % (peer, asn, frm, to, ev), pri=28)
for host, peer, asn, dn, up in BGP_DOWN:
    R(add(dn, seconds=-0.4), host, "rpd", 2174 if host == "er1" else 2203, "BGP_IO_ERROR_CLOSE_SESSION", {"peer-name": "%s (External AS %d)" % (peer, asn)},
      "bgp_hold_timeout:4068: NOTIFICATION sent to %s (External AS %d): code 4 (Hold Timer Expired Error), Reason: holdtime expired for %s (External AS %d), "
      "socket buffer sndcc: 19 rcvcc: 0 TCP state: 4, hold timer out 90s, hold timer remain 0s" % (peer, asn, peer, asn), pri=28)
    bgp(dn, host, peer, asn, "Established", "Idle", "HoldTime")
    bgp(add(up, seconds=-1), host, peer, asn, "OpenConfirm", "Established", "RecvKeepAlive")
# steady benign: a small DE-CIX peer flapping all evening, ssh scanners
for t in poisson_times(rng, EV0, W1, 1 / 900.0):
    bgp(t, "er2", "80.81.194.61", 64988, "Established", "Idle", "RecvNotify")
    bgp(add(t, seconds=rng.randint(35, 80)), "er2", "80.81.194.61", 64988, "OpenConfirm", "Established", "RecvKeepAlive")
for t in poisson_times(rng, EV0, W1, 1 / 240.0):
    h = rng.choice(["er1", "er2"])
    ip = "%d.%d.%d.%d" % (rng.choice([45, 61, 92, 141, 193, 218]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    R(t, h, "sshd", rng.randint(30000, 60000), "SSHD_LOGIN_FAILED", {"username": "root", "source-address": ip},
      "Login failed for user 'root' from host '%s'" % ip, pri=38)
for t, host, user, cmt in [(DIVERT, "er1", "nkaur", "divert 203.0.113.0/24 to prolexic (DDoS), withdraw from transit"),
                           (DIVERT2, "er2", "nkaur", "divert 203.0.113.0/24 to prolexic (DDoS), withdraw from transit"),
                           (UNDIVERT, "er1", "nkaur", "undivert 203.0.113.0/24: announce via transit again"),
                           (UNDIVERT2, "er2", "nkaur", "undivert 203.0.113.0/24: announce via transit again"),
                           (T(D + "18:41:19"), "er1", "sgarcia", "prefix-list DECIX-AS64988: update from PeeringDB")]:
    pid = rng.randint(40000, 60000)
    R(t, host, "mgd", pid, "UI_COMMIT", {"username": user, "command": "commit", "message": "comment: " + cmt},
      "User '%s' requested 'commit' operation (comment: %s)" % (user, cmt), pri=189)
    R(add(t, seconds=4), host, "mgd", pid, "UI_COMMIT_COMPLETED", {"message": "commit complete"}, "commit complete", pri=189)
rl.sort(key=lambda x: x[0])
inc.lines("fra2-edge-routers.log", [l for _, l in rl])

# ---------------------------------------------------------------- lb hosts: journalctl -o json export
jl = []
BOOT = {"lb-fra2-01": uuid("boot-lb1").replace("-", ""), "lb-fra2-02": uuid("boot-lb2").replace("-", "")}
MID = {"lb-fra2-01": uid("mid-lb1", 32), "lb-fra2-02": uid("mid-lb2", 32)}
seq = {"lb-fra2-01": 0x4b21c0, "lb-fra2-02": 0x3f90a4}
def J(t, host, ident, msg, prio=6, pid=None, transport="syslog"):
    us = int(round(epoch(t) * 1e6))
    e = {"__CURSOR": None,
         "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1771000000000000), "_BOOT_ID": BOOT[host],
         "_MACHINE_ID": MID[host], "_HOSTNAME": host, "PRIORITY": str(prio), "_TRANSPORT": transport,
         "SYSLOG_FACILITY": "0" if transport == "kernel" else "16", "SYSLOG_IDENTIFIER": ident, "MESSAGE": msg}
    if pid:
        e.update({"_PID": str(pid), "_COMM": ident, "_SYSTEMD_UNIT": ident + ".service"})
    jl.append((t, e))
J(SYN1, "lb-fra2-01", "kernel", "TCP: request_sock_TCP: Possible SYN flooding on port 203.0.113.10:443. Sending cookies.  Check SNMP counters.", 4, transport="kernel")
J(SYN2, "lb-fra2-02", "kernel", "TCP: request_sock_TCP: Possible SYN flooding on port 203.0.113.10:443. Sending cookies.  Check SNMP counters.", 4, transport="kernel")
MON = ["Jan", "Feb", "Mar"]
def hap(t, host, fe, be, srv, tim, st, term, req, conns):
    lt = t.astimezone(UTC)
    ip = "%d.%d.%d.%d:%d" % (rng.choice([31, 46, 77, 84, 89, 109, 178, 188]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65535))
    J(t, host, "haproxy", "%s [%02d/%s/%d:%s.%03d] %s %s/%s %s %d %d - - %s %s 0/0 \"%s\"" % (
        ip, lt.day, MON[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000, fe, be, srv, tim, st,
        rng.randint(0, 300) if st != 200 else rng.randint(400, 2000), term, conns, req), 6, pid=1187 if host.endswith("1") else 1192)
for host in ("lb-fra2-01", "lb-fra2-02"):
    for t in poisson_times(rng, EV0, W1, 1 / 150.0):   # steady: scanners' bad requests, idle client timeouts
        if rng.random() < 0.5:
            hap(t, host, "fe_login~", "fe_login", "<NOSRV>", "-1/-1/-1/-1/%d" % rng.randint(1, 40), 400, "PR--", "<BADREQ>", "%d/%d/0/0/0" % ((rng.randint(700, 900),) * 2))
        else:
            hap(t, host, "fe_login~", "be_login", "login-%d" % rng.randint(1, 6), "30001/-1/-1/-1/30001", 408, "cR--", "<BADREQ>", "%d/%d/1/0/0" % ((rng.randint(700, 900),) * 2))
    for t in poisson_times(rng, IMPACT, add(MITIGATED, seconds=-6), 0.35):
        r = rng.random()
        c = "%d/%d/%d/%d/0" % (rng.randint(2400, 4000), rng.randint(2400, 4000), rng.randint(40, 200), rng.randint(5, 40))
        if r < 0.45:
            hap(t, host, "fe_login~", "be_login", "login-%d" % rng.randint(1, 6), "30001/-1/-1/-1/30001", 408, "cR--", "<BADREQ>", c)
        elif r < 0.8:
            tt = rng.randint(8000, 29000)
            hap(t, host, "fe_login~", "be_login", "login-%d" % rng.randint(1, 6), "%d/0/1/-1/%d" % (tt, tt + 3), 400, "CD--", "POST /v2/session HTTP/1.1", c)
        else:
            hap(t, host, "fe_game~", "be_gamegw", "gw-%02d" % rng.randint(1, 16), "0/0/1/-1/%d" % rng.randint(60000, 900000), 200, "CD--", "GET /ws/session HTTP/1.1", c)
J(T(D + "18:44:02"), "lb-fra2-01", "systemd", "Starting logrotate.service - Rotate log files...", 6, pid=1)
J(T(D + "18:44:03"), "lb-fra2-01", "systemd", "logrotate.service: Deactivated successfully.", 6, pid=1)
jl.sort(key=lambda x: x[0])
for _, e in jl:
    host, us = e["_HOSTNAME"], int(e["__REALTIME_TIMESTAMP"])
    seq[host] += 1
    e["__CURSOR"] = "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid(host + "s", 32), seq[host], BOOT[host], us - 1771000000000000, us, uid("%s%d" % (host, seq[host]), 16))
inc.lines("lb-fra2.journal.json", [jline(e) for _, e in jl])

# ---------------------------------------------------------------- game gateway (Go, logfmt)
gl = []
def G(t, lvl, msg, *kv):
    gl.append((t, logfmt([("ts", iso(t, ms=True)), ("level", lvl), ("caller", kv[0]), ("msg", msg)] + list(kv[1:]))))
for t in poisson_times(rng, EV0, W1, 0.11):
    G(t, "info", "session closed", "session/manager.go:412", ("reason", "client_quit"), ("player", "p_%s" % hexid(rng, 10)), ("region", "eu-central"),
      ("dur_s", rng.randint(120, 5400)))
for t in poisson_times(rng, EV0, W1, 0.025):  # steady benign: a few heartbeat timeouts every minute on mobile networks
    G(t, "warn", "session dropped", "session/manager.go:388", ("reason", "heartbeat_timeout"), ("player", "p_%s" % hexid(rng, 10)),
      ("region", "eu-central"), ("last_hb_ms", rng.randint(15000, 30000)))
first = True
for t in poisson_times(rng, IMPACT, MITIGATED, 1.4):
    if first:
        t, first = add(IMPACT, seconds=5), False
    G(t, "warn", "session dropped", "session/manager.go:388", ("reason", "heartbeat_timeout"), ("player", "p_%s" % hexid(rng, 10)),
      ("region", "eu-central"), ("last_hb_ms", rng.randint(15000, 30000)))
for t in poisson_times(rng, IMPACT, MITIGATED, 0.25):
    G(t, "error", "login token exchange failed", "auth/client.go:97", ("err", "context deadline exceeded"), ("upstream", "login-api.internal:8443"),
      ("elapsed_ms", rng.randint(5000, 5003)))
for t in poisson_times(rng, EV0, W1, 1 / 600.0):  # steady benign
    G(t, "warn", "matchmaking ticket expired", "mm/tickets.go:211", ("queue", rng.choice(["ranked-duo", "casual-quad"])), ("wait_s", 300))
G(add(MITIGATED, seconds=2), "info", "reconnect wave", "session/manager.go:455", ("resumed", 3812), ("window_s", 60))
gl.sort(key=lambda x: x[0])
inc.lines("gamegw-fra2-07.log", [l for _, l in gl])

# ---------------------------------------------------------------- Prometheus query_range: SNMP + blackbox
def ingress(link, base):
    def f(t):
        b = base * (1 + 0.04 * ((int(epoch(t)) // 60) % 5))
        if any(h == link and dn <= t < up for h, _, _, dn, up in BGP_DOWN):
            return b * 0.3 * 1e9
        a = attack_gbps(t) if t < DIVERT or t >= ATTACK_END else attack_gbps(t) * max(0.0, 1 - (epoch(t) - epoch(DIVERT)) / (epoch(CLEAN) - epoch(DIVERT)))
        return min(40.0, b + a) * 1e9
    return f
def discards(link, base):
    def f(t):
        if any(h == link and dn <= t < up for h, _, _, dn, up in BGP_DOWN):
            return 0.0
        a = attack_gbps(t) if t < DIVERT else attack_gbps(t) * max(0.0, 1 - (epoch(t) - epoch(DIVERT)) / (epoch(CLEAN) - epoch(DIVERT)))
        over = base + a - 40.0
        return max(0.0, over) * 1e9 / 8 / 700  # packets/s at ~700 byte
    return f
def probe(t):
    if saturated(add(t, seconds=-15)) and saturated(t):
        return [0.0, 0.0, 0.333, 0.0, 0.333, 0.0][(int(epoch(t)) // 30) % 6]
    return 1.0
inc.json("qr-fra2-edge.json", query_range(
    [({"__name__": "ifHCInOctets:rate30s_bits", "instance": "fra2-er1", "ifName": "et-0/0/1", "ifAlias": "TRANSIT-A AS3356 40G", "job": "snmp"}, ingress("er1", 4.2)),
     ({"__name__": "ifHCInOctets:rate30s_bits", "instance": "fra2-er2", "ifName": "et-0/0/1", "ifAlias": "TRANSIT-B AS1299 40G", "job": "snmp"}, ingress("er2", 3.9)),
     ({"__name__": "ifInDiscards:rate30s", "instance": "fra2-er1", "ifName": "et-0/0/1", "job": "snmp"}, discards("er1", 4.2)),
     ({"__name__": "ifInDiscards:rate30s", "instance": "fra2-er2", "ifName": "et-0/0/1", "job": "snmp"}, discards("er2", 3.9)),
     ({"__name__": "probe_success:avg", "probe": "https-login", "target": "https://login.halcyonplay.net/v2/health"}, probe)],
    W0, W1, 30, fmt="%.4g"), indent=None)

# ---------------------------------------------------------------- Alertmanager API snapshot (amtool style), taken mid-incident
SNAP = T(D + "19:19:42")
snap = [
    amtool_alert("TransitIngressHigh", {"severity": "warning", "team": "netops", "instance": "fra2-er1", "ifName": "et-0/0/1", "ifAlias": "TRANSIT-A AS3356 40G"},
                 "TRANSIT-A ingress above 80% of 40G for 2m", WARN, SNAP, receivers=("slack-netops",)),
    amtool_alert("TransitIngressHigh", {"severity": "warning", "team": "netops", "instance": "fra2-er2", "ifName": "et-0/0/1", "ifAlias": "TRANSIT-B AS1299 40G"},
                 "TRANSIT-B ingress above 80% of 40G for 2m", add(WARN, seconds=30), SNAP, receivers=("slack-netops",)),
    amtool_alert("GameLoginAvailabilityLow", {"severity": "page", "team": "netops", "probe": "https-login"},
                 "login probe success 17% over 2m (3 locations)", PAGE_AT, SNAP, receivers=("pagerduty-netops", "slack-netops")),
    amtool_alert("KubeJobFailed", {"severity": "warning", "team": "live-ops", "namespace": "liveops", "job_name": "leaderboard-rollup-29526540"},
                 "Job liveops/leaderboard-rollup-29526540 failed to complete", add(CRON[-1], seconds=10), SNAP, receivers=("slack-liveops",)),
    amtool_alert("StoreApiLatencyHigh", {"severity": "warning", "team": "store", "service": "store-api"},
                 "store-api p99 above 1.2s", T(D + "19:18:30"), SNAP, receivers=("slack-store",)),
    amtool_alert("CertificateExpiresSoon", {"severity": "info", "team": "web", "name": "cdn-halcyonplay-net"},
                 "cdn.halcyonplay.net certificate expires in 21 days", T("2026-02-13 06:00:00"), SNAP, receivers=("slack-web",), state="suppressed",
                 silenced_by=(uuid("silence-cdn-cert"),)),
]
inc.json("snapshot-191942.json", snap)

# ---------------------------------------------------------------- PagerDuty v2 webhook deliveries
TITLE = "GameLoginAvailabilityLow: login probe success 17% over 2m (3 locations)"
pd = PD(3391, TITLE, "fra2-edge-network", "PHLNET1", esc_policy="Netops 24x7")
nav = PD.user("Navjot Kaur", "PNAVJK1")
sara = PD.user("Sara Garcia", "PSARAG2")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PHLAM01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Navjot Kaur.", assignees=[nav])
pd.add(ACK, "acknowledge_log_entry", nav, {"type": "mobile"}, "Acknowledged by Navjot Kaur.", user=nav)
pd.add(T(D + "19:18:40"), "annotate_log_entry", nav, {"type": "web_ui"}, "Note added: CLDAP reflection ~110G, diverting to Prolexic", user=nav)
pd.add(RESOLVED, "resolve_log_entry", nav, {"type": "web_ui"}, "Resolved by Navjot Kaur.", user=nav)
inc.json("pd-3391.json", pd_webhook_v2_bodies(pd, 3391, TITLE, PAGE))

# ---------------------------------------------------------------- GitLab deployments (game-services and store)
def dep(i, t, proj, ref, sha, who, dur):
    return {"id": 880100 + i, "iid": 1400 + i, "ref": ref, "sha": sha, "created_at": iso(t, ms=True) if t.microsecond else iso(t).replace("Z", ".000Z"),
            "updated_at": iso(add(t, seconds=dur)).replace("Z", ".000Z"), "status": "success",
            "user": {"id": 300 + i, "username": who, "name": who.replace(".", " ").title(), "state": "active"},
            "environment": {"id": 41 + i % 2, "name": "production-fra2", "external_url": "https://%s.halcyonplay.net" % proj.split("/")[-1]},
            "deployable": {"id": 990200 + i, "status": "success", "stage": "deploy", "name": "deploy:production", "ref": ref, "tag": ref.startswith("v"),
                           "created_at": iso(add(t, seconds=-240)).replace("Z", ".000Z"), "started_at": iso(t).replace("Z", ".000Z"),
                           "finished_at": iso(add(t, seconds=dur)).replace("Z", ".000Z"), "duration": float(dur),
                           "pipeline": {"id": 551000 + i, "sha": sha, "ref": ref, "status": "success",
                                        "web_url": "https://gitlab.halcyonplay.net/%s/-/pipelines/%d" % (proj, 551000 + i)}}}
deps = [dep(1, T("2026-02-21 10:12:03"), "game-services/matchmaker", "v4.11.3", hexid(rng, 40), "lucas.moreau", 312),
        dep(2, OTHER_DEPLOY, "game-services/matchmaker", "v4.12.0", hexid(rng, 40), "lucas.moreau", 298),
        dep(3, OTHER_DEPLOY2, "store/store-api", "v2.88.1", hexid(rng, 40), "ewa.nowak", 241)]
inc.json("gl-production-fra2.json", sorted(deps, key=lambda d: d["created_at"], reverse=True))

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r, tz in [("U9NAV", "navjot", "Navjot Kaur", "Europe/Berlin"), ("U9SARA", "sara.g", "Sara Garcia", "Europe/Madrid"),
                    ("U9LUCAS", "lucas", "Lucas Moreau", "Europe/Paris"), ("U9EWA", "ewa", "Ewa Nowak", "Europe/Warsaw"),
                    ("U9TOM", "tomh", "Tom Hendriks", "Europe/Amsterdam")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C9INC", "incident-fra2", "fra2 edge incidents"), ("C9NET", "netops-alerts", "Alertmanager: netops"),
                  ("C9LIVE", "liveops-alerts", "Alertmanager: live-ops"), ("C9STAT", "player-status", "Status posts"),
                  ("C9STORE", "store-team", "store")]:
    s.channel(cid, n, p)
A = lambda ch, t, st, name, text, color=None: s.bot(ch, t, "B9AM", "alertmanager", attachments=am_slack_attachment(st, name, text, color))
A("netops-alerts", add(WARN, seconds=12), "firing", "TransitIngressHigh", "TRANSIT-A ingress above 80% of 40G for 2m\nfra2-er1 et-0/0/1", "warning")
A("netops-alerts", add(WARN, seconds=42), "firing", "TransitIngressHigh", "TRANSIT-B ingress above 80% of 40G for 2m\nfra2-er2 et-0/0/1", "warning")
A("netops-alerts", add(PAGE, seconds=2), "firing", "GameLoginAvailabilityLow", "login probe success 17% over 2m (3 locations)\nseverity: page")
for host, peer, asn, dn, up in BGP_DOWN:
    A("netops-alerts", add(dn, seconds=70), "firing", "BGPSessionDown", "fra2-%s: BGP session to %s (AS%d) not established" % (host, peer, asn), "warning")
    A("netops-alerts", add(up, seconds=45), "resolved", "BGPSessionDown", "fra2-%s: BGP session to %s (AS%d) established" % (host, peer, asn))
A("netops-alerts", WARN_OK, "resolved", "TransitIngressHigh", "TRANSIT-A / TRANSIT-B ingress back below 80%")
A("netops-alerts", PAGE_OK, "resolved", "GameLoginAvailabilityLow", "login probe success 100% over 2m")
for c in CRON:
    A("liveops-alerts", add(c, seconds=40), "firing", "KubeJobFailed", "Job liveops/leaderboard-rollup failed to complete (BackoffLimitExceeded)", "warning")
for st, en in [(T(D + "18:47:00"), T(D + "18:55:30")), (T(D + "19:18:30"), T(D + "19:25:00")), (T(D + "19:49:00"), T(D + "19:56:30")),
               (T(D + "20:31:00"), T(D + "20:36:00"))]:
    A("store-team", add(st, seconds=30), "firing", "StoreApiLatencyHigh", "store-api p99 above 1.2s", "warning")
    A("store-team", add(en, seconds=30), "resolved", "StoreApiLatencyHigh", "store-api p99 back under 1.2s")
ch = "incident-fra2"
s.say(ch, T(D + "19:06:30"), "U9NAV", "TRANSIT-A and B both above 80% inbound, that's not normal for a saturday. looking")
s.say(ch, T(D + "19:13:05"), "U9NAV", "acked the login page. both transit ports pinned at 40G in, discards climbing, BGP to Lumen flapped on hold timer at 19:10")
s.say(ch, HUNCH, "U9LUCAS", "we shipped matchmaker 4.12 at 18:51, could the new reconnect logic be hammering login?")
s.say(ch, ROLLBACK_Q, "U9LUCAS", "should we roll back matchmaker to 4.11.3 to be safe?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U9NAV", "hold off, matchmaker isn't anywhere near 40G. this is inbound at the routers")
s.say(ch, T(D + "19:16:50"), "U9TOM", "downdetector shows Steam problems in EU too, maybe it's upstream of us?")
s.say(ch, DIAG, "U9NAV", "sflow: ~110 Gbps of UDP from source port 389 at 203.0.113.10 across both transits, so a CLDAP reflection flood on the login VIP, plus the SYN flood the LBs warned about at 19:02. we can't absorb it, the /24 has to go to Prolexic")
s.say(ch, T(D + "19:19:30"), "U9SARA", "agreed, divert the /24. I'm on the phone with the Prolexic SOC, they're ready")
s.say(ch, add(DIVERT2, seconds=20), "U9NAV", "committed on er1 and er2: 203.0.113.0/24 now only announced via the Prolexic GRE tunnels")
s.say(ch, T(D + "19:24:45"), "U9NAV", "transit ingress back to ~4G per link, discards zero. login probes green, players reconnecting")
s.say(ch, T(D + "19:26:10"), "U9LUCAS", "matchmaker queues back to normal, we'll leave 4.12 in")
s.say(ch, T(D + "20:07:30"), "U9SARA", "Prolexic says the flood stopped at 20:05, they'll keep scrubbing another 30 min before we swing back")
s.say(ch, add(UNDIVERT2, seconds=25), "U9NAV", "undiverted, /24 back on transit. watching")
s.say(ch, add(RESOLVED, seconds=-50), "U9NAV", "10+ min clean on transit, resolving. follow-up: always-on scrubbing for the login /24")
s.bot(ch, T(D + "19:22:40"), "B9MAIL", "email",
      text="Fwd: [Prolexic] Mitigation started for 203.0.113.0/24: attack vectors UDP/389 (CLDAP reflection), TCP SYN; peak observed 112.4 Gbps / 15.8 Mpps")
s.bot(ch, T(D + "20:06:15"), "B9MAIL", "email",
      text="Fwd: [Prolexic] Attack subsided for 203.0.113.0/24 at 20:05 UTC. Mitigation remains active until customer requests withdrawal")
s.bot("player-status", STATUS, "B9SP", "Statuspage",
      attachments=[{"color": "ECB22E", "title": "Investigating - Login and connection issues (EU)", "fallback": "Investigating - Login and connection issues (EU)",
                    "text": "Players in Europe may be unable to log in or be disconnected from matches. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("player-status", T(D + "19:33:00"), "B9SP", "Statuspage",
      attachments=[{"color": "2EB67D", "title": "Monitoring - Login and connection issues (EU)", "fallback": "Monitoring - Login and connection issues (EU)",
                    "text": "Logins and matches are working again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("player-status", add(RESOLVED, minutes=3), "B9SP", "Statuspage",
      attachments=[{"color": "2EB67D", "title": "Resolved - Login and connection issues (EU)", "fallback": "Resolved", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.say("store-team", add(OTHER_DEPLOY2, seconds=20), "U9EWA", "store-api 2.88.1 rolling out in fra2 (bundle pricing fix)")
s.write(inc, "slack")

inc.truth(
    "game-edge-reflection-flood", "volumetric-ddos-scrubbing-diversion",
    "A SYN flood on the login VIP, then a CLDAP reflection flood of ~110 Gbps, saturated both 40G transit links of the fra2 edge;\n"
    "logins and game sessions timed out and transit BGP sessions flapped until the /24 was diverted to the Prolexic scrubbing service.",
    (W0, W1),
    dict(started=SYN1, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SYN1, "first_symptom", "lb-fra2-01 kernel: possible SYN flooding on 203.0.113.10:443", "lb-fra2.journal.json", 60),
     (WARN, "alert_fired", "TransitIngressHigh (warning) on TRANSIT-A", "slack", 60),
     (PAGE, "paged", "PagerDuty #3391 GameLoginAvailabilityLow triggered", "pd-3391.json", 60),
     (ACK, "acknowledged", "Navjot acknowledges", "pd-3391.json", 60),
     (STATUS, "communication", "Statuspage: login and connection issues (EU)", "slack", 60),
     (DIAG, "diagnosis", "sflow shows ~110 Gbps CLDAP reflection at the login VIP; needs scrubbing", "slack", 60),
     (DIVERT, "mitigation", "commit on fra2-er1: divert 203.0.113.0/24 to Prolexic, withdraw from transit", "fra2-edge-routers.log", 60),
     (MITIGATED, "recovery", "transit discards gone, login probes and game sessions recover", "gamegw-fra2-07.log", 60),
     (PAGE_OK, "alert_resolved", "GameLoginAvailabilityLow resolved", "slack", 60),
     (UNDIVERT, "change", "commit: undivert, /24 announced via transit again after the attack ended", "fra2-edge-routers.log", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-3391.json", 60)],
    [(CRON[-1], "nightly leaderboard-rollup CronJob failure (every day ~19:00 UTC)", "snapshot-191942.json"),
     (OTHER_DEPLOY, "game-services deploy matchmaker 4.12.0 shortly before the flood (not the cause)", "gl-production-fra2.json"),
     (OTHER_DEPLOY2, "store team deploys store-api 2.88.1", "gl-production-fra2.json"),
     (T(D + "18:47:00"), "flapping StoreApiLatencyHigh of the store team", "slack"),
     (T(D + "18:41:19"), "routine DE-CIX prefix-list commit", "fra2-edge-routers.log"),
     (T(D + "19:00:00"), "steady BGP flaps of a small DE-CIX peer (AS64988) all evening", "fra2-edge-routers.log"),
     (T(D + "19:00:00"), "steady SSH login failures from scanners on the routers", "fra2-edge-routers.log"),
     (T(D + "19:00:00"), "steady heartbeat_timeout drops and HAProxy 400/408 from scanners before and after", "gamegw-fra2-07.log"),
     (ROLLBACK_Q, "'should we roll back matchmaker?' question, not done", "slack"),
     (HUNCH, "wrong hunch: matchmaker 4.12 reconnect logic", "slack"),
     (T(D + "19:16:50"), "wrong hunch: Steam / upstream problem", "slack")],
    [("fra2-edge-routers.log", "logs"), ("lb-fra2.journal.json", "logs"), ("gamegw-fra2-07.log", "logs"),
     ("qr-fra2-edge.json", "prometheus-query-range"), ("snapshot-191942.json", "alertmanager-api-alerts"),
     ("pd-3391.json", "pagerduty-log-entries"), ("gl-production-fra2.json", "deploys"), ("slack", "slack-export")])
