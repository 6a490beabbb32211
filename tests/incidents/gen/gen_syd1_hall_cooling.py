"""retired8/syd1-hall-cooling: a chiller plant failure at the colocation provider heats data hall 2 of our syd1 site;
BMC inlet-temperature events and CPU thermal throttling come minutes before the syd1 API tier answers 504s,
hosts start powering off, until the syd1 pool is disabled in the Cloudflare load balancer and mel1 takes all traffic.
The collector syslog is in Australia/Sydney local time without offsets or year."""
import random
from common import *

rng = random.Random(20260128)
inc = Incident("retired8", "syd1-hall-cooling")
TZ = "Australia/Sydney"
D = "2026-01-28 "
W0, W1 = T(D + "02:30:00"), T(D + "05:30:00")
LOG0, LOG1 = T(D + "02:00:00"), T(D + "05:45:00")
HEAT0 = T(D + "03:12:30")            # hall temperature starts climbing (not observable as a failure yet)
STARTED = T(D + "03:24:12")          # first BMC SEL: Inlet Temp upper non-critical going high (c07)
THROTTLE = T(D + "03:26:40")         # first kernel thermal throttling
ALERT_TEMP = T(D + "03:27:30")       # DCInletTempHigh (warning, dc-ops)
ERR0 = T(D + "03:31:00")             # first 504 at the syd1 ingress
ALERT_PAGE = T(D + "03:36:10")
PAGE = T(D + "03:36:20")
ACK = T(D + "03:39:45")
WRONG1 = T(D + "03:41:50")
WRONG2 = T(D + "03:42:40")
VENDOR = T(D + "03:43:00")
OTHER_DEPLOY = T(D + "03:44:10")
ROLLBACK_Q = T(D + "03:44:40")
DIAG = T(D + "03:45:20")
COMMS = T(D + "03:47:30")
FAILOVER = T(D + "03:51:05")         # Cloudflare LB pool syd1 disabled
MITIGATED = T(D + "03:51:15")        # last 504 of requests still in flight at syd1
CHILLER_OK = T(D + "04:35:00")
RESOLVED = T(D + "04:58:00")
CRON = [T("2026-01-%02d 02:00:%02d" % (d, 5 + d % 7)) for d in (25, 26, 27, 28)]

HOSTS = {"c07": ["syd1-c07-%02d" % i for i in (3, 4, 7, 9)], "c08": ["syd1-c08-%02d" % i for i in (1, 2, 5)],
         "d02": ["syd1-d02-%02d" % i for i in (4, 6, 8, 11)]}
ROWLAG = {"c07": 0, "c08": 50, "d02": 130}
SHUTDOWN = {"syd1-c07-04": T(D + "03:41:10"), "syd1-c07-09": T(D + "03:42:55"), "syd1-c08-02": T(D + "03:44:31"),
            "syd1-c07-03": T(D + "03:46:02"), "syd1-d02-06": T(D + "03:47:40"), "syd1-c08-05": T(D + "03:48:22")}


def inlet(rack, t):
    m = ((t - HEAT0).total_seconds() - ROWLAG[rack]) / 60.0
    v = 24.0 + max(0.0, m) * 1.2
    v = min(v, 47.5 - (ROWLAG[rack] / 100.0))
    if t > CHILLER_OK:
        v = max(25.0, v - (t - CHILLER_OK).total_seconds() / 60.0 * 0.9)
    return v


def cross(rack, thr):
    return add(HEAT0, seconds=ROWLAG[rack] + (thr - 24.0) / 1.2 * 60)


# ---- rsyslog collector for syd1 (RFC3164, local time, no year)
sl = []
def S(t, host, prog, msg):
    sl.append((t, syslog(t, TZ, host, prog, msg)))
for rack, hosts in HOSTS.items():
    for i, h in enumerate(hosts):
        for thr, name, rd in ((38.0, "Upper Non-critical going high", 38), (42.0, "Upper Critical going high", 42)):
            t = add(cross(rack, thr), seconds=2 + i * 9 + (0 if rack != "c07" or i else 0))
            if rack == "c07" and i == 0 and thr == 38.0:
                t = STARTED
            S(t, h + "-bmc", "ipmiseld", "SEL System Event: Temperature Inlet Temp #0x04 | %s | Asserted | Reading %d > Threshold %d C" % (name, rd + 1, rd))
        first = add(THROTTLE, seconds=ROWLAG[rack] + i * 23)
        up = 40000000 + i * 1000000 + rng.randint(0, 99999)
        for k in range(0, 14):
            tk = add(first, seconds=k * 61 + rng.randint(0, 9))
            if h in SHUTDOWN and tk >= SHUTDOWN[h]:
                break
            cpu = rng.choice([0, 4, 12, 18, 26])
            S(tk, h, "kernel", "[%d.%06d] CPU%d: Package temperature above threshold, cpu clock throttled (total events = %d)" % (
                up + (tk - first).total_seconds(), rng.randint(0, 999999), cpu, 1 + k * rng.randint(40, 90)))
        if h in SHUTDOWN:
            ts = SHUTDOWN[h]
            S(add(ts, seconds=-1), h, "kernel", "[%d.%06d] thermal thermal_zone2: critical temperature reached (105 C), shutting down" % (up + 900, rng.randint(0, 999999)))
            S(ts, h, "systemd-logind", "System is powering down.")
            S(add(ts, seconds=6), h + "-bmc", "ipmiseld", "SEL System Event: System ACPI Power State #0x53 | S4/S5: soft-off | Asserted")
        # back-of-rack sensors recover after the chiller restart
        S(add(CHILLER_OK, seconds=ROWLAG[rack] * 3 + 400 + i * 11), h + "-bmc", "ipmiseld",
          "SEL System Event: Temperature Inlet Temp #0x04 | Upper Critical going high | Deasserted | Reading 41 < Threshold 42 C")
for t in poisson_times(rng, LOG0, LOG1, 1 / 45.0):
    h = rng.choice([x for v in HOSTS.values() for x in v])
    S(t, h, "sshd[%d]" % rng.randint(2000, 60000), "error: kex_exchange_identification: Connection closed by remote host")
for t in poisson_times(rng, LOG0, LOG1, 1 / 120.0):
    S(t, "syd1-sw-agg1", "lldpd[911]", "unable to send packet on real device for eth%d: No such device or address" % rng.randint(40, 47))
for t in frange(T(D + "02:00:00"), LOG1, 900):
    S(add(t, seconds=1), "syd1-c08-01", "CRON[%d]" % rng.randint(10000, 30000), "(root) CMD (/usr/local/sbin/collect-inventory --quiet)")
c = CRON[-1]
S(c, "syd1-util-01", "CRON[18822]", "(backup) CMD (/opt/backup/bin/backup-verify --target syd1-pg-archive)")
S(add(c, seconds=212), "syd1-util-01", "backup-verify[18823]", "ERROR restore test failed: pg_verifybackup: error: checksum mismatch for file \"base/16384/2619\"")
inc.lines("collector/syd1-2026-01-28.log", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- syd1 ingress nginx access log (local time with offset), proxy_read_timeout 10s
def err_p(t):
    if t < ERR0 or t >= FAILOVER:
        return 0.0
    return min(0.55, 0.04 + (t - ERR0).total_seconds() / 1200.0 * 0.5)
al = []
PATHS = ["/api/v3/search?q=%s", "/api/v3/products/%d", "/api/v3/cart", "/api/v3/account", "/api/v3/checkout/quote"]
for t in poisson_times(rng, LOG0, LOG1, 0.45):
    if t >= add(FAILOVER, seconds=12):
        continue
    p = rng.choice(PATHS)
    p = p % rng.choice(["boots", "tent", "kettle", "jacket"]) if "%s" in p else (p % rng.randint(1000, 99999) if "%d" in p else p)
    ip = "172.68.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254))
    slow = 0.0 if t < T(D + "03:28:00") else min(2.5, (t - T(D + "03:28:00")).total_seconds() / 300.0)
    if rng.random() < err_p(t):
        al.append((t, nginx(t, ip, "GET", p, 504, 160, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X)", rt=10.0 + rng.random() / 100, zone=TZ)))
    elif rng.random() < 0.01:
        al.append((t, nginx(t, ip, "GET", p, 499, 0, "Mozilla/5.0 (Linux; Android 15)", rt=rng.uniform(0.5, 4.0), zone=TZ)))
    else:
        al.append((t, nginx(t, ip, "GET", p, 200, rng.randint(800, 30000), "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6)", rt=rng.uniform(0.02, 0.2) + slow * rng.random(), zone=TZ)))
for t in poisson_times(rng, LOG0, LOG1, 1 / 90.0):
    al.append((t, nginx(t, "172.70.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)), "GET", "/wp-login.php", 404, 153, "Mozilla/5.0 zgrab/0.x", rt=0.001, zone=TZ)))
al.append((ERR0, nginx(ERR0, "172.68.14.201", "GET", "/api/v3/cart", 504, 160, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X)", rt=10.002, zone=TZ)))
al.append((MITIGATED, nginx(MITIGATED, "172.68.201.33", "GET", "/api/v3/products/40211", 504, 160, "Mozilla/5.0 (Linux; Android 15)", rt=10.004, zone=TZ)))
for t in frange(T(D + "02:00:20"), LOG1, 60):   # Cloudflare health monitor: /healthz is answered by nginx itself
    al.append((t, nginx(t, "172.69.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)), "GET", "/healthz", 200, 2,
                        "Mozilla/5.0 (compatible; Cloudflare-Traffic-Manager/1.0; +https://www.cloudflare.com/traffic-manager/; pool-id: 6a1e0b)", rt=0.001, zone=TZ)))
inc.lines("ingress-syd1/access.log.gz", [l for _, l in sorted(al, key=lambda x: x[0])])

# ---- Prometheus query_range: inlet temperature per rack, 5xx ratio per site
QS, QE = T(D + "02:30:00"), T(D + "05:30:00")
def ratio(site):
    def fn(t):
        base = 0.0015 + rng.uniform(0, 0.001)
        if site == "syd1":
            if FAILOVER <= t:
                return 0.0 if t < add(FAILOVER, seconds=60) else None
            return base + err_p(add(t, seconds=-30))
        return base
    return fn
series = [({"__name__": "ipmi_temperature_celsius", "instance": HOSTS[r][0] + "-bmc:9290", "job": "ipmi", "name": "Inlet Temp", "rack": r, "site": "syd1"},
           (lambda r: lambda t: round(inlet(r, t) + rng.uniform(-0.3, 0.3), 1))(r)) for r in HOSTS]
series += [({"site": s}, ratio(s)) for s in ("syd1", "mel1")]
inc.json("q/hall2.json", query_range(series, QS, QE, 30))

# ---- Alertmanager API v2 /api/v2/alerts, snapshot taken during the incident
SNAP = T(D + "03:50:00")
alerts = [
    amtool_alert("DCInletTempHigh", {"site": "syd1", "rack": "c07", "severity": "warning", "team": "dc-ops"},
                 "Inlet temperature 45.1C on rack c07 (threshold 38C)", ALERT_TEMP, SNAP, receivers=("slack-dc-ops",)),
    amtool_alert("DCInletTempHigh", {"site": "syd1", "rack": "c08", "severity": "warning", "team": "dc-ops"},
                 "Inlet temperature 44.6C on rack c08 (threshold 38C)", add(ALERT_TEMP, seconds=60), SNAP, receivers=("slack-dc-ops",)),
    amtool_alert("ApiEdge5xxRatio", {"site": "syd1", "service": "api", "severity": "page", "team": "sre"},
                 "syd1 edge 5xx ratio 31% (> 2% for 3m)", ALERT_PAGE, SNAP, receivers=("pagerduty-sre",)),
    amtool_alert("NodeDown", {"instance": "syd1-c07-04:9100", "site": "syd1", "severity": "warning", "team": "dc-ops"},
                 "syd1-c07-04 unreachable for 2m", T(D + "03:43:40"), SNAP, receivers=("slack-dc-ops",)),
    amtool_alert("NodeDown", {"instance": "syd1-c07-09:9100", "site": "syd1", "severity": "warning", "team": "dc-ops"},
                 "syd1-c07-09 unreachable for 2m", T(D + "03:45:10"), SNAP, receivers=("slack-dc-ops",)),
    amtool_alert("NodeDown", {"instance": "syd1-c08-02:9100", "site": "syd1", "severity": "warning", "team": "dc-ops"},
                 "syd1-c08-02 unreachable for 2m", T(D + "03:46:40"), SNAP, receivers=("slack-dc-ops",)),
    amtool_alert("KafkaConsumerGroupLag", {"group": "analytics-sessionizer", "site": "mel1", "severity": "warning", "team": "data"},
                 "consumer group analytics-sessionizer lag above 500k", T(D + "03:46:30"), SNAP, receivers=("slack-data",)),
    amtool_alert("CertificateExpiresSoon", {"name": "partner-sftp-tls", "severity": "info", "team": "integrations"},
                 "certificate partner-sftp-tls expires in 9 days", T("2026-01-27 06:00:00"), SNAP, receivers=("slack-integrations",)),
    amtool_alert("BackupVerifyFailed", {"job": "backup-verify", "target": "syd1-pg-archive", "severity": "ticket", "team": "dba"},
                 "backup-verify failed for syd1-pg-archive", add(CRON[-1], seconds=240), SNAP, receivers=("slack-dba",)),
]
inc.json("am-0350.json", alerts)

# ---- PagerDuty v2 webhook deliveries (ndjson)
pd = PD(5188, "ApiEdge5xxRatio syd1 edge 5xx ratio", "api-edge", "PEDG3S1", esc_policy="SRE primary")
priya = PD.user("Priya Raman", "PPRIYA7")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager syd1/mel1"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Priya Raman by SMS.", user=priya)
pd.add(ACK, "acknowledge_log_entry", priya, {"type": "mobile"}, "Acknowledged by Priya Raman.")
pd.add(add(FAILOVER, seconds=210), "annotate_log_entry", priya, {"type": "web_ui", "summary": "syd1 drained via LB, colo chiller failure"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", priya, {"type": "web_ui"}, "Resolved by Priya Raman.")
inc.lines("pd/deliveries.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 5188, "ApiEdge5xxRatio syd1 edge 5xx ratio", PAGE)])

# ---- Cloudflare account audit logs (GET /accounts/:id/audit_logs)
def cfa(t, who, ip, rtype, rid, atype, old, new, meta):
    return {"id": uuid("cf" + iso(t) + rid), "action": {"info": "", "result": True, "type": atype},
            "actor": {"email": who, "id": uid(who, 32), "ip": ip, "type": "user"}, "interface": "UI" if ip.startswith("203") else "API",
            "metadata": meta, "newValue": new, "oldValue": old, "owner": {"id": "8f2c41d0a7e94c1b9e1f0a3c5d7e9b21"},
            "resource": {"id": rid, "type": rtype}, "when": iso(t)}
cf = [
    cfa(T(D + "02:47:31"), "marketing-automation@acme.example", "35.189.4.20", "zone.page_rule", uid("pr1", 32), "update",
        '{"status":"disabled","targets":[{"target":"url","constraint":{"operator":"matches","value":"shop.acme.example/au/summer-sale*"}}]}',
        '{"status":"active","targets":[{"target":"url","constraint":{"operator":"matches","value":"shop.acme.example/au/summer-sale*"}}]}',
        {"zone_name": "acme.example"}),
    cfa(FAILOVER, "priya.raman@acme.example", "203.0.113.45", "load_balancer.pool", "6a1e0b7f2c9d4e8a", "update",
        '{"name":"api-syd1","enabled":true,"origins":[{"name":"syd1-ingress-a","address":"syd1-ingress-a.acme.net","enabled":true},{"name":"syd1-ingress-b","address":"syd1-ingress-b.acme.net","enabled":true}]}',
        '{"name":"api-syd1","enabled":false,"origins":[{"name":"syd1-ingress-a","address":"syd1-ingress-a.acme.net","enabled":true},{"name":"syd1-ingress-b","address":"syd1-ingress-b.acme.net","enabled":true}]}',
        {"load_balancer": "api.acme.example", "pool_name": "api-syd1"}),
    cfa(T(D + "04:12:09"), "sec-bot@acme.example", "35.189.4.21", "zone.firewall_rule", uid("fw9", 32), "create", "",
        '{"description":"block zgrab scanners","action":"block","expression":"(http.user_agent contains \\"zgrab\\")"}', {"zone_name": "acme.example"}),
    cfa(T(D + "07:41:52"), "liam.oconnell@acme.example", "203.0.113.61", "load_balancer.pool", "6a1e0b7f2c9d4e8a", "update",
        '{"name":"api-syd1","enabled":false}', '{"name":"api-syd1","enabled":true}', {"load_balancer": "api.acme.example", "pool_name": "api-syd1"}),
]
inc.json("cf-audit-20260128.json", {"success": True, "errors": [], "messages": [],
                                    "result": sorted(cf, key=lambda e: e["when"], reverse=True),
                                    "result_info": {"page": 1, "per_page": 100, "count": len(cf), "total_count": len(cf)}})

# ---- Slack export
s = Slack()
for u, n, r in [("U02PRIYA", "priya", "Priya Raman"), ("U02LIAM", "liam", "Liam O'Connell"), ("U02JOSH", "josh", "Josh Nguyen"),
                ("U02MEI", "mei", "Mei Tanaka"), ("U02SAM", "sam", "Sam Whitford")]:
    s.user(u, n, r, TZ)
for cid, n in [("C02DCOPS", "dc-ops"), ("C02INC", "incidents"), ("C02DEP", "deploys"), ("C02DATA", "data-alerts"), ("C02DBA", "dba-alerts")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("dba-alerts", add(c, seconds=245), "B02AM", "alertmanager", attachments=am_slack_attachment("firing", "BackupVerifyFailed", "backup-verify failed for syd1-pg-archive", color="warning"))
    s.bot("dba-alerts", add(c, hours=6), "B02AM", "alertmanager", attachments=am_slack_attachment("resolved", "BackupVerifyFailed", "backup-verify failed for syd1-pg-archive"))
for a, b in [("02:41:30", "02:49:30"), ("03:18:30", "03:31:00"), ("03:46:30", "03:58:00"), ("04:30:30", "04:37:30"), ("05:05:00", None)]:
    s.bot("data-alerts", T(D + a), "B02AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaConsumerGroupLag", "consumer group analytics-sessionizer lag above 500k", color="warning"))
    if b:
        s.bot("data-alerts", T(D + b), "B02AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaConsumerGroupLag", "consumer group analytics-sessionizer lag"))
s.bot("dc-ops", add(ALERT_TEMP, seconds=2), "B02AM", "alertmanager", attachments=am_slack_attachment("firing", "DCInletTempHigh", "Inlet temperature 38.9C on rack c07 (threshold 38C)", color="warning"))
s.bot("incidents", add(PAGE, seconds=2), "B02PD", "PagerDuty", blocks=pd_slack_blocks(":rotating_light: Triggered #5188 ApiEdge5xxRatio syd1 edge 5xx ratio (api-edge)"))
s.bot("deploys", T(D + "02:52:44"), "B02SPIN", "spinnaker", blocks=pd_slack_blocks("*search-api* v7.3.0 deployed to mel1, syd1 (pipeline prod-rollout, by mei)"))
s.bot("deploys", OTHER_DEPLOY, "B02SPIN", "spinnaker", blocks=pd_slack_blocks("*billing-worker* v3.18.2 deployed to mel1, syd1 (pipeline prod-rollout, by josh)"))
s.say("dc-ops", T(D + "03:29:10"), "U02LIAM", "row C inlet at 41 and climbing in hall 2, D is following. opening a ticket with the colo NOC")
s.say("dc-ops", VENDOR, "U02LIAM", "NOC reply: \"We are experiencing a chiller plant failure affecting Data Hall 2 at SY3. Engineers are on site. Next update in 30 minutes.\"")
s.say("dc-ops", CHILLER_OK, "U02LIAM", "colo: chiller 2 restarted 15:30 local, hall temps coming down")
ch = "incidents"
s.say(ch, add(ACK, seconds=45), "U02PRIYA", "ack. syd1 edge 5xx around 20% and climbing, mel1 is clean. syd1 api p99 is through the roof")
s.say(ch, WRONG1, "U02SAM", "didn't syd1 get last week's kernel + microcode patch run? could be the new microcode")
s.say(ch, WRONG2, "U02MEI", "or a DDoS aimed at the AU pool?")
s.say(ch, ROLLBACK_Q, "U02JOSH", "billing-worker just went out, should we roll it back?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U02PRIYA", "it's on both sites and syd1 was failing before it, leave it")
s.say(ch, DIAG, "U02PRIYA", "it's the heat in hall 2: BMCs on c07/c08/d02 report inlet 45-47C, kernels are throttling every CPU and 3 hosts have already powered themselves off. syd1 can't serve, we need to drain it")
s.say(ch, COMMS, "U02SAM", "status page: 'Elevated errors for customers in Australia and New Zealand, mitigation in progress'")
s.say(ch, T(D + "03:49:00"), "U02PRIYA", "disabling the api-syd1 pool in the cloudflare LB, mel1 has headroom for all of it")
s.say(ch, T(D + "03:52:30"), "U02PRIYA", "api-syd1 pool disabled, edge 5xx back to baseline, mel1 CPU 61%")
s.say(ch, add(RESOLVED, seconds=-30), "U02PRIYA", "resolving the page. syd1 stays drained until the colo confirms stable cooling and dc-ops has checked the 6 hosts that powered off")
s.write(inc, "slack-export")

inc.truth(
    "syd1-hall-cooling", "colo-cooling-failure-thermal-throttling-site-failover",
    "A chiller plant failure at the colo heated syd1's data hall 2: BMC inlet-temperature events and CPU thermal throttling\n"
    "came minutes before syd1's API tier answered 504s and hosts powered off, until the syd1 pool was disabled in the Cloudflare LB.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT_TEMP, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first BMC SEL Inlet Temp upper non-critical going high (syd1-c07-03)", "collector/syd1-2026-01-28.log", 60),
     (ALERT_TEMP, "alert_fired", "DCInletTempHigh firing for rack c07", "am-0350.json", 60),
     (ALERT_PAGE, "alert_fired", "ApiEdge5xxRatio firing for syd1", "am-0350.json", 60),
     (PAGE, "paged", "PagerDuty #5188 triggered", "pd/deliveries.ndjson", 60),
     (ACK, "acknowledged", "Priya acknowledges", "pd/deliveries.ndjson", 60),
     (DIAG, "diagnosis", "Priya: heat in hall 2, CPUs throttling, hosts powering off", "slack-export", 90),
     (COMMS, "communication", "status page: elevated errors in AU/NZ", "slack-export", 90),
     (FAILOVER, "mitigation", "api-syd1 pool disabled in the Cloudflare load balancer", "cf-audit-20260128.json", 60),
     (MITIGATED, "recovery", "last 504 at the syd1 ingress; edge 5xx back to baseline", "ingress-syd1/access.log.gz", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd/deliveries.ndjson", 60)],
    [(CRON[-1], "daily backup-verify failure at 02:00 UTC (also the days before)", "slack-export"),
     (OTHER_DEPLOY, "billing-worker deploy by the billing team (both sites)", "slack-export"),
     (T(D + "02:52:44"), "search-api deploy", "slack-export"),
     (T(D + "02:47:31"), "marketing page rule enabled in Cloudflare", "cf-audit-20260128.json"),
     (T(D + "04:12:09"), "security team firewall rule for zgrab scanners", "cf-audit-20260128.json"),
     (T(D + "03:46:30"), "KafkaConsumerGroupLag flapping for the data team (mel1)", "am-0350.json"),
     (T("2026-01-27 06:00:00"), "CertificateExpiresSoon info alert", "am-0350.json"),
     (T(D + "03:00:00"), "steady sshd kex errors, lldpd errors, scanner 404s and client 499s all window", "collector/syd1-2026-01-28.log"),
     (WRONG1, "wrong hunch: kernel/microcode patch", "slack-export"),
     (WRONG2, "wrong hunch: DDoS", "slack-export"),
     (ROLLBACK_Q, "'should we roll back billing-worker?' question", "slack-export")],
    [("collector/syd1-2026-01-28.log", "logs", TZ), ("ingress-syd1/access.log.gz", "logs"), ("q/hall2.json", "prometheus-query-range"),
     ("am-0350.json", "alertmanager-api-alerts"), ("pd/deliveries.ndjson", "pagerduty-log-entries"),
     ("cf-audit-20260128.json", "deploys"), ("slack-export", "slack-export")])
