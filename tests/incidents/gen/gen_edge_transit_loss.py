"""retired7/edge-transit-loss: packet loss inside transit carrier A's core makes BFD to both carrier-A BGP sessions
of the mad1 edge routers flap minutes before customers' API requests time out; fixed by failing over to carrier B
(deactivating the carrier-A BGP group), switched back after the carrier repaired its fibre.
Router syslog in Europe/Madrid local time without offsets."""
import random
from common import *

rng = random.Random(20260721)
inc = Incident("retired7", "edge-transit-loss")
TZ = "Europe/Madrid"
D = "2026-07-21 "
W0, W1 = T(D + "07:00:00"), T(D + "10:00:00")
CRON = [T("2026-07-%02d 07:30:%02d" % (d, 4 + d % 3)) for d in (18, 19, 20, 21)]
EARLY_CHANGE = T(D + "07:14:30")
STARTED = T(D + "08:02:14")
FLAPS = [("edge-rtr1", T(D + x)) for x in ("08:02:14", "08:04:55", "08:07:30", "08:09:48", "08:13:40", "08:19:33", "08:25:51", "08:31:47")] + \
        [("edge-rtr2", T(D + x)) for x in ("08:03:02", "08:06:21", "08:10:15", "08:16:02", "08:22:10", "08:29:04")]
FLAPS.sort(key=lambda x: x[1])
LOSS_VISIBLE = T(D + "08:05:30")
BGP_WARN = T(D + "08:05:40")
ABORTS_WARN = T(D + "08:09:10")
PROBE_ALERT = T(D + "08:11:30")
PAGE = T(D + "08:12:02")
ACK = T(D + "08:15:47")
OTHER_DEPLOY = T(D + "08:18:05")
HUNCH_CATALOG = T(D + "08:19:40")
HUNCH_DDOS = T(D + "08:22:15")
ROLLBACK_Q = T(D + "08:23:30")
STATUS = T(D + "08:24:50")
DIAG = T(D + "08:27:10")
FAILOVER = T(D + "08:33:20")
CONVERGED = T(D + "08:33:40")
MITIGATED = CONVERGED
PROBE_OK = T(D + "08:39:30")
BGP_WARN_OK = T(D + "08:48:40")
CARRIER_ACK = T(D + "08:51:12")
CARRIER_FIXED = T(D + "09:22:03")
FAILBACK = T(D + "09:31:05")
STATUS_OK = T(D + "09:44:00")
RESOLVED = T(D + "09:48:20")

PEERS = {"edge-rtr1": ("198.51.100.1", 587, 17, 4402), "edge-rtr2": ("198.51.100.5", 591, 21, 5107)}


def loss(t):
    """Carrier-A path loss fraction seen by traffic routed over it."""
    if STARTED <= t < CARRIER_FIXED:
        if t < LOSS_VISIBLE:
            return 0.06
        return min(0.28, 0.06 + (epoch(t) - epoch(LOSS_VISIBLE)) / 600.0 * 0.22)
    return 0.0


def on_a(t):
    return not (CONVERGED <= t < FAILBACK)


# ---- router syslog via syslog-ng (local time, no offset)
rl = []


def R(t, host, prog, msg):
    rl.append((t, "%s %s.mad1 %s: %s" % (local(t, TZ).strftime("%Y-%m-%d %H:%M:%S"), host, prog, msg)))


for host, t in FLAPS:
    ip, ifl, ld, rd = PEERS[host]
    R(t, host, "bfdd[2113]", "BFDD_STATE_UP_TO_DOWN: BFD Session %s (IFL %d) state Up -> Down LD/RD(%d/%d) Up time:%s Local diag: CtlExpire Remote diag: None Reason: Detect Timer Expiry." % (
        ip, ifl, ld, rd, {"edge-rtr1": "38d 19:04", "edge-rtr2": "38d 19:03"}[host] if t == min(x for h, x in FLAPS if h == host) else "00:0%d:%02d" % (rng.randint(1, 4), rng.randint(0, 59))))
    R(add(t, seconds=0.3), host, "rpd[1843]", "bgp_bfd_callback:187: NOTIFICATION sent to %s (External AS 64500): code 6 (Cease) subcode 10 (BFD Down)" % ip)
    R(add(t, seconds=0.3), host, "rpd[1843]", "bgp_event: peer %s (External AS 64500) old state Established event Stop new state Idle" % ip)
    up = add(t, seconds=rng.randint(22, 41))
    R(up, host, "bfdd[2113]", "BFDD_TRAP_SHOP_STATE_UP: local discriminator: %d, new state: up, interface: xe-0/1/0.0, peer addr: %s" % (ld, ip))
    R(add(up, seconds=rng.randint(14, 30)), host, "rpd[1843]", "bgp_event: peer %s (External AS 64500) old state OpenConfirm event RecvKeepAlive new state Established" % ip)
for host in ("edge-rtr1", "edge-rtr2"):
    ip = PEERS[host][0]
    dt = 0 if host == "edge-rtr1" else 9
    R(add(FAILOVER, seconds=dt), host, "mgd[51122]", "UI_COMMIT: User 'lucia' requested 'commit' operation (comment: CHG-88213 emergency: deactivate group TRANSIT-A, loss in carrier A core)")
    R(add(FAILOVER, seconds=dt + 2), host, "rpd[1843]", "bgp_event: peer %s (External AS 64500) old state Established event Stop new state Idle" % ip)
    R(add(FAILOVER, seconds=dt + 2), host, "rpd[1843]", "BGP_PEER_ADMIN_DOWN: peer %s (External AS 64500) configuration deactivated" % ip)
    R(add(FAILBACK, seconds=dt), host, "mgd[51122]", "UI_COMMIT: User 'lucia' requested 'commit' operation (comment: CHG-88219 activate group TRANSIT-A, carrier repair confirmed)")
    R(add(FAILBACK, seconds=dt + 35), host, "rpd[1843]", "bgp_event: peer %s (External AS 64500) old state OpenConfirm event RecvKeepAlive new state Established" % ip)
    R(add(EARLY_CHANGE, seconds=dt), host, "mgd[51122]", "UI_COMMIT: User 'andres' requested 'commit' operation (comment: CHG-88190 partner VPN prefix-list update)")
    # daily backup cron: oxidized's password expired, fails every day at 09:30 local
    R(add(CRON[-1], seconds=dt % 5), host, "sshd[%d]" % rng.randint(40000, 49000), "SSHD_LOGIN_FAILED: Login failed for user 'oxidized' from host '10.9.40.12'")
    # steady benign noise
    for t in poisson_times(rng, W0, W1, 1 / 260.0):
        R(t, host, "snmpd[2201]", "SNMPD_AUTH_FAILURE: nsa_log_community: unauthorized SNMP community from 10.9.44.17 to unknown community name (public)")
    for t in poisson_times(rng, W0, W1, 1 / 420.0):
        R(t, host, "sshd[%d]" % rng.randint(40000, 49000), "SSHD_LOGIN_FAILED: Login failed for user '%s' from host '%d.%d.%d.%d'" % (
            rng.choice(["admin", "root", "ubnt", "support"]), rng.choice([45, 80, 141, 185]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))
    for t in poisson_times(rng, W0, W1, 1 / 900.0):
        R(t, host, "chassisd[1701]", "CHASSISD_BLOWERS_SPEED: Fans and impellers are now running at normal speed")
rl.sort(key=lambda x: x[0])
inc.lines("mad1-routers.log", [l for _, l in rl])

# ---- HAProxy httplog (RFC 5424 via rsyslog, UTC), gzipped
hl = []
PATHS = [("GET", "/v2/feed"), ("GET", "/v2/products/%d"), ("POST", "/v2/cart/items"), ("GET", "/v2/me"), ("POST", "/v2/checkout"),
         ("GET", "/static/js/app.91c2e7.js")]
for t in poisson_times(rng, W0, W1, 0.55):
    ip = "%d.%d.%d.%d" % (rng.choice([83, 88, 90, 95, 212, 213, 31]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    m, p = rng.choice(PATHS)
    if "%d" in p:
        p = p % rng.randint(10000, 99999)
    srv = "api-%d" % rng.randint(1, 8)
    lossy = on_a(t) and t >= LOSS_VISIBLE and rng.random() < 0.7 and rng.random() < loss(t) * 1.4
    if lossy:
        kind = rng.random()
        if kind < 0.5:
            st, term, tt, be = 408, "cR--", "%d/-1/-1/-1/%d" % (30000, 30000), "fe_https/<NOSRV>"
        elif kind < 0.8:
            st, term, tt, be = 200, "CD--", "0/0/1/%d/%d" % (rng.randint(20, 90), rng.randint(8000, 28000)), "be_api/" + srv
        else:
            st, term, tt, be = -1, "CH--", "0/0/1/-1/%d" % rng.randint(5000, 20000), "be_api/" + srv
    else:
        r = rng.random()
        if r < 0.004:
            st, term, tt, be = 408, "cR--", "30000/-1/-1/-1/30000", "fe_https/<NOSRV>"
        elif r < 0.009 and p.startswith("/v2/me"):
            st, term, tt, be = 503, "SC--", "0/0/-1/-1/3001", "be_api/" + srv
        else:
            st, term, tt, be = rng.choice([200, 200, 200, 201, 304]), "----", "0/0/1/%d/%d" % (rng.randint(8, 120), rng.randint(9, 140)), "be_api/" + srv
    if p == "/v2/me" and rng.random() < 0.02:  # benign: legacy-auth backend refuses now and then all day
        st, term, tt, be = 503, "SC--", "0/0/-1/-1/3001", "be_legacy_auth/legacy-1"
    host = rng.choice(["lb-mad1-1", "lb-mad1-2"])
    acc = t.astimezone(UTC)
    hl.append((t, "<134>1 %s %s haproxy %d - - %s:%d [%s.%03d] fe_https~ %s %s %d %d - - %s %d/%d/%d/%d/0 0/0 \"%s %s HTTP/2.0\"" % (
        iso(t, ms=True), host, 2217 if host.endswith("1") else 2231, ip, rng.randint(1024, 65535),
        acc.strftime("%d/%b/%Y:%H:%M:%S"), acc.microsecond // 1000, be, tt, st, (212 if st == 408 else rng.randint(0, 24000)) if st > 0 else 0,
        term, rng.randint(700, 1100), rng.randint(650, 1000), rng.randint(10, 60), rng.randint(0, 9), m, p)))
hl.sort(key=lambda x: x[0])
inc.lines("lb-mad1.log.gz", [l for _, l in hl])

# ---- Prometheus query_range: external probes + transit interface traffic
LOCS = [("ext-madrid-1", True), ("ext-barcelona-1", True), ("ext-lisbon-1", True), ("ext-paris-1", False),
        ("ext-frankfurt-1", False), ("ext-london-1", False)]


def probe(loc, via_a):
    def f(t):
        if not via_a or not on_a(t) or loss(t) == 0 or t < T(D + "08:06:30"):
            return 1
        if loc == "ext-madrid-1" and t == T(D + "08:33:30"):
            return 0
        h = int(uid(loc + iso(t), 4), 16) % 100
        return 0 if h < 40 + int(loss(t) * 100) else 1
    return f


def bps(router, transit):
    def f(t):
        base = 3.1e9 if router == "edge-rtr1" else 2.7e9
        base *= 1 + 0.25 * ((epoch(t) - epoch(W0)) / 10800.0)
        flap = any(h == router and s <= t < add(s, seconds=60) for h, s in FLAPS)
        a_share = 0.0 if (FAILOVER <= t < FAILBACK or flap) else 0.62
        share = a_share if transit == "A" else 1 - a_share
        return base * share * (1 + 0.02 * ((int(epoch(t)) // 30) % 3))
    return f


series = [({"__name__": "probe_success", "job": "blackbox-external", "instance": "https://api.acme.example/v2/health",
            "probe_location": loc}, probe(loc, via)) for loc, via in LOCS]
for router in ("edge-rtr1", "edge-rtr2"):
    for tr, ifn in (("A", "xe-0/1/0"), ("B", "xe-0/2/0")):
        series.append(({"job": "snmp-edge", "instance": router + ".mad1", "ifName": ifn, "ifAlias": "TRANSIT-%s %s" % (
            tr, "carrier-a AS64500" if tr == "A" else "carrier-b AS64510")}, bps(router, tr)))
inc.json("probes_and_transit.json", query_range(series, W0, W1, 30, fmt="%.4g"), indent=None)

# ---- Alertmanager API snapshot (GET /api/v2/alerts at 08:20:12)
SNAP = T(D + "08:20:12")
al = [
    amtool_alert("BGPSessionFlapping", {"severity": "warning", "team": "netops", "instance": "edge-rtr1.mad1", "peer": "198.51.100.1", "peer_group": "TRANSIT-A"},
                 "BGP session to 198.51.100.1 (AS64500) changed state 8 times in 15m", BGP_WARN, SNAP, receivers=("slack-netops",)),
    amtool_alert("BGPSessionFlapping", {"severity": "warning", "team": "netops", "instance": "edge-rtr2.mad1", "peer": "198.51.100.5", "peer_group": "TRANSIT-A"},
                 "BGP session to 198.51.100.5 (AS64500) changed state 6 times in 15m", T(D + "08:07:10"), SNAP, receivers=("slack-netops",)),
    amtool_alert("HAProxyClientAbortsHigh", {"severity": "warning", "team": "sre", "proxy": "fe_https", "site": "mad1"},
                 "client aborts/timeouts on fe_https above 5% of requests", ABORTS_WARN, SNAP, receivers=("slack-sre",)),
    amtool_alert("ExternalProbeFailing", {"severity": "page", "team": "sre", "instance": "https://api.acme.example/v2/health", "site": "mad1"},
                 "api.acme.example failing from 3 of 6 external locations", PROBE_ALERT, SNAP, receivers=("pagerduty-sre", "slack-sre")),
    amtool_alert("OxidizedBackupFailed", {"severity": "warning", "team": "netops", "job": "oxidized"},
                 "config backup failed for 2 devices", add(CRON[-1], seconds=40), SNAP, receivers=("slack-netops",)),
    amtool_alert("KafkaConsumerGroupLag", {"severity": "warning", "team": "data", "consumergroup": "clicks-to-s3", "namespace": "data"},
                 "clicks-to-s3 lag above 100k", T(D + "08:14:00"), SNAP, receivers=("slack-data",)),
    amtool_alert("CertificateExpiresSoon", {"severity": "info", "team": "identity", "name": "sso-saml-signing"},
                 "sso-saml-signing expires in 13 days", T("2026-07-20 09:00:00"), SNAP, receivers=("slack-identity",)),
]
inc.json("alerts-snapshot.json", al)

# ---- PagerDuty v2 webhook bodies
pd = PD(7731, "ExternalProbeFailing api.acme.example failing from 3 of 6 external locations", "edge-platform", "PEDGE04", "SRE Primary")
nik = PD.user("Nikhil Rao", "PNIKHIL")
am = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMED01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", am, {"type": "api"}, "Triggered through the API.")
pd.add(ACK, "acknowledge_log_entry", nik, {"type": "mobile"}, "Acknowledged by Nikhil Rao.", user=nik)
pd.add(add(FAILOVER, minutes=3), "annotate_log_entry", nik, {"type": "web_ui", "summary": "netops deactivated carrier A transit (CHG-88213), traffic on carrier B"}, "Note added", user=nik)
pd.add(RESOLVED, "resolve_log_entry", nik, {"type": "web_ui"}, "Resolved by Nikhil Rao.", user=nik)
bodies = pd_webhook_v2_bodies(pd, 7731, "ExternalProbeFailing api.acme.example failing from 3 of 6 external locations", PAGE)
oth = PD(7729, "KafkaConsumerGroupLag clicks-to-s3 lag above 100k", "data-pipeline", "PDATA11", "Data Primary")
ines = PD.user("Ines Duarte", "PINESDU")
oth.add(T(D + "07:21:40"), "trigger_log_entry", am, {"type": "api"}, "Triggered through the API.")
oth.add(T(D + "07:26:02"), "acknowledge_log_entry", ines, {"type": "web_ui"}, "Acknowledged by Ines Duarte.", user=ines)
oth.add(T(D + "07:49:55"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
bodies += pd_webhook_v2_bodies(oth, 7729, "KafkaConsumerGroupLag clicks-to-s3 lag above 100k", T(D + "07:21:40"), urgency="low")
bodies.sort(key=lambda b: b["messages"][0]["created_on"])
inc.json("pagerduty-hooks.json", bodies)

# ---- change calendar export
chg = [
    ("CHG-88190", EARLY_CHANGE, 300, "network", "andres.molina", "partner VPN prefix-list update on edge-rtr1/2", "standard"),
    ("CHG-88204", OTHER_DEPLOY, 410, "catalog-api", "sofia.herrera", "catalog-api 5.6.0 rollout (image search facets)", "standard"),
    ("CHG-88213", FAILOVER, 40, "network", "lucia.ortega", "EMERGENCY: deactivate BGP group TRANSIT-A on edge-rtr1/2 (carrier A loss)", "emergency"),
    ("CHG-88219", FAILBACK, 60, "network", "lucia.ortega", "activate BGP group TRANSIT-A after carrier A repair (ticket CA-551873)", "normal"),
    ("CHG-88222", T(D + "09:52:30"), 180, "payments-api", "deploy-bot", "payments-api 2.31.4 rollout", "standard"),
]
inc.json("changes.json", {"changes": [{"id": c, "service": svc, "summary": s_, "type": ty, "author": who,
                                        "started_at": iso(t), "finished_at": iso(add(t, seconds=d)), "status": "completed"}
                                       for c, t, d, svc, who, s_, ty in chg], "count": len(chg)})

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U9NIK", "nikhil", "Nikhil Rao", "Europe/Madrid"), ("U9LUC", "lucia", "Lucía Ortega", "Europe/Madrid"),
                    ("U9AND", "andres", "Andrés Molina", "Europe/Madrid"), ("U9SOF", "sofia.h", "Sofía Herrera", "Europe/Madrid"),
                    ("U9TOM", "tom", "Tom Becker", "Europe/Berlin"), ("U9INE", "ines", "Inês Duarte", "Europe/Lisbon")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C9INC", "inc-20260721-api-timeouts", "API timeouts from Spain/Portugal"), ("C9NET", "netops", "Network operations"),
                  ("C9SRE", "sre-alerts", "Alerts for SRE"), ("C9CAT", "catalog", "Catalog team"), ("C9STA", "status", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("netops", add(c, seconds=70), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "OxidizedBackupFailed", "config backup failed for 2 devices (edge-rtr1.mad1, edge-rtr2.mad1)", color="warning"))
s.bot("netops", add(BGP_WARN, seconds=30), "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "BGPSessionFlapping", "BGP session to 198.51.100.1 (AS64500) on edge-rtr1.mad1 changed state 3 times in 15m", color="warning"))
s.bot("netops", add(BGP_WARN_OK, seconds=30), "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "BGPSessionFlapping", "BGP sessions to AS64500 stable"))
s.bot("sre-alerts", add(ABORTS_WARN, seconds=30), "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "HAProxyClientAbortsHigh", "client aborts/timeouts on fe_https above 5% of requests (mad1)", color="warning"))
s.bot("sre-alerts", add(PROBE_ALERT, seconds=30), "B9AM", "alertmanager",
      attachments=am_slack_attachment("firing", "ExternalProbeFailing", "api.acme.example failing from 3 of 6 external locations"))
s.bot("sre-alerts", add(PROBE_OK, seconds=30), "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "ExternalProbeFailing", "api.acme.example healthy from all locations"))
s.bot("sre-alerts", T(D + "08:41:30"), "B9AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "HAProxyClientAbortsHigh", "client aborts back under 5%"))
for st, dur in ((T(D + "07:21:10"), 28), (T(D + "08:14:00"), 11), (T(D + "08:52:00"), 9), (T(D + "09:35:30"), 12)):
    s.bot("sre-alerts", add(st, seconds=30), "B9AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KafkaConsumerGroupLag", "clicks-to-s3 lag above 100k (team data)", color="warning"))
    s.bot("sre-alerts", add(st, minutes=dur), "B9AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "KafkaConsumerGroupLag", "clicks-to-s3 lag back to normal"))
s.say("netops", add(BGP_WARN, seconds=150), "U9AND", "carrier A session on rtr1 bouncing, probably their maintenance again, keeping an eye on it")
s.say("catalog", add(OTHER_DEPLOY, seconds=-40), "U9SOF", "rolling out catalog-api 5.6.0 (CHG-88204)")
ch = "inc-20260721-api-timeouts"
s.say(ch, add(ACK, seconds=50), "U9NIK", "acked ExternalProbeFailing. probes from Madrid/Barcelona/Lisbon fail, Paris/Frankfurt/London fine. LB shows lots of 408s and client aborts, backends look healthy")
s.say(ch, HUNCH_CATALOG, "U9TOM", "catalog-api just rolled out, could that be it?")
s.say(ch, add(HUNCH_CATALOG, seconds=35), "U9NIK", "don't think so, probes started failing before 08:18 and it's not one endpoint")
s.say(ch, HUNCH_DDOS, "U9TOM", "are we being DDoSed? lots of half-open stuff in the LB")
s.say(ch, add(HUNCH_DDOS, seconds=60), "U9NIK", "request rate is normal, SYN rate normal. it's clients that can't finish, not too many clients")
s.say(ch, ROLLBACK_Q, "U9SOF", "should we roll back catalog 5.6.0 just to be safe?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U9NIK", "no, leave it. pulling in netops")
s.say(ch, add(DIAG, seconds=-95), "U9LUC", "here. BFD to carrier A keeps dropping on both routers since 10:02 local, 11 flaps so far")
s.say(ch, DIAG, "U9LUC", "it's carrier A: mtr from the Madrid and Lisbon probes shows ~25% loss starting at their core hop in Madrid, our interfaces are clean. every customer coming in over AS64500 is losing packets")
s.say(ch, add(DIAG, seconds=75), "U9LUC", "proposal: deactivate TRANSIT-A on both edges and let carrier B take everything, B has headroom (peak 6G of 20G)")
s.say(ch, add(DIAG, seconds=110), "U9NIK", "go")
s.say(ch, add(FAILOVER, seconds=40), "U9LUC", "CHG-88213 committed on rtr1 and rtr2, carrier A sessions admin down, all inbound on carrier B now")
s.say(ch, add(MITIGATED, seconds=70), "U9NIK", "probes green from all 6 locations, 408s back to normal")
s.say(ch, CARRIER_ACK, "U9LUC", "carrier A NOC (ticket CA-551873): degraded fibre span MAD-ZAZ in their core, crew dispatched")
s.say(ch, add(CARRIER_FIXED, seconds=40), "U9LUC", "carrier A says span repaired at 11:22 local. will re-enable after 10 min of clean mtr")
s.say(ch, add(FAILBACK, seconds=80), "U9LUC", "CHG-88219 done, TRANSIT-A sessions established, BFD stable, loss 0%")
s.say(ch, add(RESOLVED, seconds=-30), "U9NIK", "15 min clean on both carriers, resolving")
s.bot("status", STATUS, "B9SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - App timeouts in Spain and Portugal", "title": "Investigating - App timeouts in Spain and Portugal",
                    "text": "Some customers in Spain and Portugal see timeouts in the app. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", STATUS_OK, "B9SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved - App timeouts", "title": "Resolved - App timeouts in Spain and Portugal",
                    "text": "A network provider had a fault; traffic was moved to another provider at 10:33 CEST.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack-export")

inc.truth(
    "edge-transit-loss", "transit-carrier-packet-loss-bgp-failover",
    "Packet loss in transit carrier A's core makes BFD to both carrier-A BGP sessions of the mad1 edge routers flap from 08:02 UTC;\n"
    "customers routed over AS64500 time out (408s, client aborts, external probes fail) until netops deactivates TRANSIT-A and carrier B takes all traffic.",
    (W0, W1),
    dict(started=STARTED, detected=BGP_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "BFD to carrier A (198.51.100.1) on edge-rtr1 goes down, BGP session dropped; flaps continue", "mad1-routers.log", 60),
     (BGP_WARN, "alert_fired", "BGPSessionFlapping warning for the carrier-A session", "alerts-snapshot.json", 60),
     (PROBE_ALERT, "alert_fired", "ExternalProbeFailing (page) firing: 3 of 6 external locations", "alerts-snapshot.json", 60),
     (PAGE, "paged", "PagerDuty #7731 triggered", "pagerduty-hooks.json", 60),
     (ACK, "acknowledged", "Nikhil acknowledges", "pagerduty-hooks.json", 60),
     (STATUS, "communication", "Statuspage: app timeouts in Spain and Portugal", "slack-export", 60),
     (DIAG, "diagnosis", "Lucía: ~25% loss at carrier A's Madrid core hop; our interfaces clean", "slack-export", 60),
     (FAILOVER, "mitigation", "CHG-88213: TRANSIT-A BGP group deactivated on both edges, traffic fails over to carrier B", "mad1-routers.log", 60),
     (MITIGATED, "recovery", "probes succeed from all locations; 408s/aborts back to baseline", "probes_and_transit.json", 60),
     (add(PROBE_OK, seconds=30), "alert_resolved", "ExternalProbeFailing resolved (Alertmanager post in #sre-alerts)", "slack-export", 60),
     (FAILBACK, "change", "CHG-88219: TRANSIT-A re-activated after carrier repair", "mad1-routers.log", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pagerduty-hooks.json", 60)],
    [(CRON[-1], "daily oxidized config backup fails (expired password) at 07:30 UTC every day", "mad1-routers.log"),
     (EARLY_CHANGE, "partner VPN prefix-list change on the same routers, before the window's symptoms", "changes.json"),
     (OTHER_DEPLOY, "catalog team rolls out catalog-api 5.6.0", "changes.json"),
     (HUNCH_CATALOG, "wrong hunch: catalog deploy", "slack-export"),
     (HUNCH_DDOS, "wrong hunch: DDoS", "slack-export"),
     (ROLLBACK_Q, "'should we roll back catalog 5.6.0?' question, not an action", "slack-export"),
     (T(D + "07:21:40"), "data team's KafkaConsumerGroupLag page and flapping alert", "pagerduty-hooks.json"),
     (T(D + "09:52:30"), "payments-api rollout", "changes.json"),
     (T(D + "08:00:00"), "steady SNMP/SSH auth failures and legacy-auth 503s all window", "mad1-routers.log")],
    [("mad1-routers.log", "logs", TZ), ("lb-mad1.log.gz", "logs"), ("probes_and_transit.json", "prometheus-query-range"),
     ("alerts-snapshot.json", "alertmanager-api-alerts"), ("pagerduty-hooks.json", "pagerduty-log-entries"),
     ("changes.json", "deploys"), ("slack-export", "slack-export")])
