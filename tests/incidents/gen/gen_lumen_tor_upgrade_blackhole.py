"""retired15/lumen-tor-upgrade-blackhole: an AWX EOS upgrade of top-of-rack leaf-r07b; the new release rejects the
`router bgp` block of the startup-config, the switch comes back with MLAG and host port-channels up but no routes, and
half of rack 7's flows are blackholed until the port-channels on leaf-r07b are shut."""
import random
from common import *

rng = random.Random(20260825)
inc = Incident("retired15", "lumen-tor-upgrade-blackhole")
LTZ = "Europe/Amsterdam"
D = "2026-08-25 "
W0, W1 = T(D + "17:00:00"), T(D + "20:00:00")

OTHER_DEPLOY = T(D + "17:12:06")
SYNC_FAIL = [T("2026-08-%02d 17:15:%02d" % (d, 3 + d % 7)) for d in (22, 23, 24, 25)]
JOB_START = T(D + "17:31:40")
RELOAD = T(D + "17:36:05")
BOOTED = T(D + "17:41:52")
CFG_ERR = T(D + "17:42:31")          # started
PO_UP = T(D + "17:43:10")
FIRST_ERR = T(D + "17:43:14")
JOB_END = T(D + "17:45:02")
WARN = T(D + "17:46:40")             # detected
PAGE = T(D + "17:49:10")
ACK = T(D + "17:51:02")
WRONG = T(D + "17:54:20")
ROLLBACK_Q = T(D + "17:56:05")
MAINT = T(D + "18:00:20")            # partial mitigation: rack-7 web backends to maint
STATUS = T(D + "18:01:30")
DIAG = T(D + "18:03:40")
SHUT = T(D + "18:07:15")             # mitigation: shut port-channels on leaf-r07b
MITIGATED = T(D + "18:07:20")
WARN_OK = T(D + "18:09:40")
PAGE_OK = T(D + "18:12:10")
BGP_FIX = T(D + "18:25:48")
BGP_UP = T(D + "18:26:40")
NOSHUT = T(D + "18:38:12")
READY = T(D + "18:45:30")
RESOLVED = T(D + "18:52:30")

R7_WEB = ["web-r07-01", "web-r07-02", "web-r07-03"]
OTHER_WEB = ["web-r04-01", "web-r04-02", "web-r05-01", "web-r05-02", "web-r06-01"]
HOST_IP = {"web-r07-01": "10.40.7.11", "web-r07-02": "10.40.7.12", "web-r07-03": "10.40.7.13",
           "web-r04-01": "10.40.4.11", "web-r04-02": "10.40.4.12", "web-r05-01": "10.40.5.11",
           "web-r05-02": "10.40.5.12", "web-r06-01": "10.40.6.11"}


def blackhole(t):
    return CFG_ERR <= t and PO_UP <= t < SHUT


# ------------------------------------------------------------------ AWX jobs list (api/v2/jobs/)
jobs = []
def JOB(jid, name, tmpl, who, start, secs, status, extra_vars="{}", limit=""):
    jobs.append({"id": jid, "type": "job", "url": "/api/v2/jobs/%d/" % jid,
                 "summary_fields": {"job_template": {"id": tmpl[0], "name": tmpl[1]},
                                    "created_by": {"id": who[0], "username": who[1]},
                                    "inventory": {"id": 4, "name": "dc-ams3"}},
                 "created": iso(add(start, seconds=-2), ms=True), "name": name, "launch_type": who[2],
                 "status": status, "failed": status == "failed",
                 "started": iso(start, ms=True), "finished": iso(add(start, seconds=secs), ms=True),
                 "elapsed": float(secs), "job_explanation": "", "limit": limit, "extra_vars": extra_vars,
                 "playbook": tmpl[2], "scm_revision": hexid(rng, 40)})
SCHED = (0, "scheduler", "scheduled")
for i, t in enumerate(SYNC_FAIL):
    JOB(88190 + i * 71, "netbox-inventory-sync", (31, "netbox-inventory-sync", "netbox/sync.yml"), SCHED, t, 37, "failed")
JOB(88377, "deploy reporting-api", (12, "deploy-app", "apps/deploy.yml"), (57, "joost.bakker", "manual"), OTHER_DEPLOY, 284,
    "successful", '{"app": "reporting-api", "version": "2.41.0"}', "reporting")
JOB(88412, "eos-upgrade", (44, "eos-upgrade", "network/eos_upgrade.yml"), (23, "ruben.dekker", "manual"), JOB_START,
    (JOB_END - JOB_START).total_seconds(), "successful",
    '{"eos_image": "EOS-4.32.2F.swi", "serial": true, "verify": ["show version", "show mlag"]}', "leaf-r07b")
JOB(88433, "eos-upgrade", (44, "eos-upgrade", "network/eos_upgrade.yml"), (23, "ruben.dekker", "manual"), T(D + "19:20:11"),
    612, "successful", '{"eos_image": "EOS-4.32.2F.swi", "serial": true, "verify": ["show version", "show mlag", "show ip bgp summary"]}',
    "leaf-r08b")
jobs.sort(key=lambda j: j["started"], reverse=True)
inc.json("awx_jobs.json", {"count": len(jobs), "next": None, "previous": None, "results": jobs})

# ------------------------------------------------------------------ network syslog (local time, no offset)
sl = []
def S(t, host, prog, msg):
    sl.append((t, syslog(t, LTZ, host, prog, msg)))
for t in frange(add(W0, seconds=23), W1, 300):
    for h in ("leaf-r07a", "leaf-r07b", "spine-1", "spine-2"):
        if h == "leaf-r07b" and RELOAD <= t < BOOTED:
            continue
        if rng.random() < 0.3:
            S(add(t, seconds=rng.randint(0, 200)), h, "Aaa", "%%AAA-6-EXEC: user netmon logged in from 10.40.0.%d on vty%d (ssh)" % (rng.randint(20, 30), rng.randint(1, 6)))
# steady benign: a flapping optic on another rack's server port
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    S(t, "leaf-r11a", "Ebra", "%LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet17 (srv-r11-stor02 eth1), changed state to down")
    S(add(t, seconds=rng.randint(3, 9)), "leaf-r11a", "Ebra", "%LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet17 (srv-r11-stor02 eth1), changed state to up")
S(add(JOB_START, seconds=6), "leaf-r07b", "Aaa", "%AAA-6-EXEC: user awx-net logged in from 10.40.0.15 on vty3 (ssh)")
S(add(JOB_START, seconds=95), "leaf-r07b", "FileMgr", "%FILEMGR-6-COPY: Copied flash:/EOS-4.32.2F.swi (1142 MB), sha512 verified")
S(add(JOB_START, seconds=131), "leaf-r07b", "ConfigAgent", "%SYS-5-CONFIG_I: Configured from console by awx-net on vty3 (10.40.0.15): boot system flash:/EOS-4.32.2F.swi")
S(add(RELOAD, seconds=-2), "leaf-r07b", "ConfigAgent", "%SYS-5-CONFIG_STARTUP: Startup config saved from system:/running-config by awx-net on vty3 (10.40.0.15).")
S(RELOAD, "leaf-r07b", "Launcher", "%SYS-5-SYSTEM_RELOADED: Reload requested by awx-net on vty3 (10.40.0.15), reason: EOS upgrade 4.28.9M -> 4.32.2F")
S(add(RELOAD, seconds=1), "leaf-r07a", "Mlag", "%MLAG-4-INTF_INACTIVE_LOCAL: Local interface Port-Channel1000 is link down. MLAG peer-link inactive")
S(add(RELOAD, seconds=2), "leaf-r07a", "Mlag", "%MLAG-4-STATE_CHANGE: MLAG state changed from active to inactive (peer-link down, peer leaf-r07b unreachable)")
for i, h in enumerate(R7_WEB + ["redis-r07-01", "pg-r07-02"]):
    S(add(RELOAD, seconds=2), "leaf-r07a", "Lag+LacpAgent", "%%LACP-4-MEMBER_PEER_DOWN: Port-Channel%d (%s bond0): MLAG peer member Ethernet%d/1 down" % (11 + i, h, 11 + i))
S(add(RELOAD, seconds=3), "spine-1", "Bgp", "%BGP-3-NOTIFICATION: received from neighbor 10.255.7.2 (VRF default AS 65107) 6/6 (Cease/other configuration change) 0 bytes")
S(add(RELOAD, seconds=3), "spine-1", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.7.2 (VRF default AS 65107) old state Established event Stop new state Idle")
S(add(RELOAD, seconds=4), "spine-2", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.7.6 (VRF default AS 65107) old state Established event Stop new state Idle")
S(BOOTED, "leaf-r07b", "Launcher", "%SYS-5-SYSTEM_RESTARTED: System restarted (EOS 4.32.2F, image flash:/EOS-4.32.2F.swi)")
S(add(BOOTED, seconds=19), "leaf-r07b", "ConfigAgent", "%SYS-6-LOADING_STARTUP_CONFIG: Loading startup-config (1138 lines)")
S(add(CFG_ERR, seconds=-1), "leaf-r07b", "ConfigAgent", "%SYS-3-CONFIG_STARTUP_ERROR: startup-config line 906: '   neighbor SPINES maximum-routes 12000 warning-only' % Invalid input (at token 3: 'maximum-routes')")
S(CFG_ERR, "leaf-r07b", "ConfigAgent", "%SYS-3-CONFIG_STARTUP_ERROR: startup-config: 74 lines in 'router bgp 65107' not applied after error at line 906; section skipped")
S(add(CFG_ERR, seconds=1), "leaf-r07b", "ConfigAgent", "%SYS-4-CONFIG_STARTUP_ERRORS: Startup-config loaded with 75 error(s); see 'show startup-config errors'")
S(add(CFG_ERR, seconds=24), "leaf-r07b", "Mlag", "%MLAG-6-STATE_CHANGE: MLAG state changed from disabled to active (peer leaf-r07a, domain r07)")
S(add(CFG_ERR, seconds=25), "leaf-r07a", "Mlag", "%MLAG-6-STATE_CHANGE: MLAG state changed from inactive to active (peer leaf-r07b, domain r07)")
for i, h in enumerate(R7_WEB + ["redis-r07-01", "pg-r07-02"]):
    S(add(PO_UP, seconds=i * 0.2), "leaf-r07b", "Ebra", "%%LINEPROTO-5-UPDOWN: Line protocol on Interface Port-Channel%d (%s bond0), changed state to up" % (11 + i, h))
S(add(JOB_END, seconds=-20), "leaf-r07b", "Aaa", "%AAA-6-EXEC: user awx-net logged in from 10.40.0.15 on vty2 (ssh)")
for t in frange(add(PO_UP, seconds=44), SHUT, 60):
    S(t, "leaf-r07b", "Fib", "%%FIB-4-ROUTE_LOOKUP_MISS: %d packets dropped in the last 60s: no route to destination (default VRF, 0 routes installed)" % rng.randint(180000, 260000))
S(add(DIAG, seconds=-150), "leaf-r07b", "Aaa", "%AAA-6-EXEC: user rdekker logged in from 10.40.0.41 on vty4 (ssh)")
for i, h in enumerate(R7_WEB + ["redis-r07-01", "pg-r07-02"]):
    S(add(SHUT, seconds=i * 0.1), "leaf-r07b", "Ebra", "%%LINEPROTO-5-UPDOWN: Line protocol on Interface Port-Channel%d (%s bond0), changed state to down" % (11 + i, h))
S(add(SHUT, seconds=1), "leaf-r07b", "ConfigAgent", "%SYS-5-CONFIG_E: Enter configuration mode from console by rdekker on vty4 (10.40.0.41)")
S(add(SHUT, seconds=2), "leaf-r07b", "ConfigAgent", "%SYS-5-CONFIG_I: Configured from console by rdekker on vty4 (10.40.0.41): interface Port-Channel11-15 / shutdown")
S(BGP_FIX, "leaf-r07b", "ConfigAgent", "%SYS-5-CONFIG_I: Configured from console by rdekker on vty4 (10.40.0.41): router bgp 65107 (74 lines)")
S(BGP_UP, "leaf-r07b", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.7.1 (VRF default AS 65000) old state OpenConfirm event Established new state Established")
S(add(BGP_UP, seconds=1), "leaf-r07b", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.7.5 (VRF default AS 65000) old state OpenConfirm event Established new state Established")
S(add(BGP_UP, seconds=1), "spine-1", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.7.2 (VRF default AS 65107) old state OpenConfirm event Established new state Established")
S(add(BGP_UP, seconds=52), "leaf-r07b", "ConfigAgent", "%SYS-5-CONFIG_STARTUP: Startup config saved from system:/running-config by rdekker on vty4 (10.40.0.41).")
for i, h in enumerate(R7_WEB + ["redis-r07-01", "pg-r07-02"]):
    S(add(NOSHUT, seconds=2 + i * 0.2), "leaf-r07b", "Ebra", "%%LINEPROTO-5-UPDOWN: Line protocol on Interface Port-Channel%d (%s bond0), changed state to up" % (11 + i, h))
S(NOSHUT, "leaf-r07b", "ConfigAgent", "%SYS-5-CONFIG_I: Configured from console by rdekker on vty4 (10.40.0.41): interface Port-Channel11-15 / no shutdown")
S(T(D + "19:24:40"), "leaf-r08b", "Launcher", "%SYS-5-SYSTEM_RELOADED: Reload requested by awx-net on vty3 (10.40.0.15), reason: EOS upgrade 4.28.9M -> 4.32.2F")
S(T(D + "19:30:31"), "leaf-r08b", "Launcher", "%SYS-5-SYSTEM_RESTARTED: System restarted (EOS 4.32.2F, image flash:/EOS-4.32.2F.swi)")
S(T(D + "19:31:47"), "leaf-r08b", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.8.1 (VRF default AS 65000) old state OpenConfirm event Established new state Established")
inc.lines("net-syslog/ams3-fabric.log", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ------------------------------------------------------------------ journald export of web-r07-03 (journalctl -o json)
jr = []
BOOT = uid("boot-web-r07-03", 32)
def J(t, ident, prio, msg, transport="syslog", pid=None, comm=None):
    us = int(round(epoch(t) * 1e6))
    d = {"__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1786410000000000), "_BOOT_ID": BOOT,
         "PRIORITY": str(prio), "SYSLOG_FACILITY": "0" if transport == "kernel" else "3", "SYSLOG_IDENTIFIER": ident,
         "_TRANSPORT": transport, "_HOSTNAME": "web-r07-03", "_MACHINE_ID": uid("mid-web-r07-03", 32), "MESSAGE": msg}
    if pid:
        d["_PID"] = str(pid)
        d["_COMM"] = comm or ident
    jr.append((t, d))
J(add(RELOAD, seconds=1), "kernel", 3, "ixgbe 0000:3b:00.1 eno2: NIC Link is Down", "kernel")
J(add(RELOAD, seconds=1.1), "kernel", 4, "bond0: (slave eno2): link status definitely down, disabling slave", "kernel")
J(add(PO_UP, seconds=-0.6), "kernel", 6, "ixgbe 0000:3b:00.1 eno2: NIC Link is Up 25 Gbps, Flow Control: RX/TX", "kernel")
J(add(PO_UP, seconds=1.4), "kernel", 6, "bond0: (slave eno2): link status definitely up, 25000 Mbps full duplex", "kernel")
J(add(PO_UP, seconds=1.5), "kernel", 6, "bond0: (slave eno2): Enslaving as an active interface with an up link", "kernel")
J(add(SHUT, seconds=0.3), "kernel", 3, "ixgbe 0000:3b:00.1 eno2: NIC Link is Down", "kernel")
J(add(SHUT, seconds=0.4), "kernel", 4, "bond0: (slave eno2): link status definitely down, disabling slave", "kernel")
J(add(NOSHUT, seconds=2.3), "kernel", 6, "ixgbe 0000:3b:00.1 eno2: NIC Link is Up 25 Gbps, Flow Control: RX/TX", "kernel")
J(add(NOSHUT, seconds=4.3), "kernel", 6, "bond0: (slave eno2): link status definitely up, 25000 Mbps full duplex", "kernel")
for t in poisson_times(rng, W0, W1, 0.05):
    if blackhole(t) and rng.random() < 0.75:
        kind = rng.random()
        if kind < 0.5:
            J(t, "checkout-web", 3, "ERROR [checkout.cart] redis timeout talking to redis-r07-01:6379 (cart:%s): Timeout reading from socket" % hexid(rng, 10), "stdout", 2188, "gunicorn")
        else:
            J(t, "checkout-web", 3, "ERROR [checkout.payments] POST https://psp-gw.lumen.internal/v1/authorize failed: ConnectTimeout(timeout=2.0)", "stdout", 2188, "gunicorn")
    elif rng.random() < 0.03:
        J(t, "checkout-web", 4, "WARNING [checkout.views] coupon lookup returned 404 for code=%s" % rng.choice(["SUMMER25", "WELCOME10", "FREESHIP"]), "stdout", 2188, "gunicorn")
for d in range(0, 180, 60):
    J(add(W0, minutes=d + 17, seconds=1), "CRON", 6, "(root) CMD (/usr/local/bin/rotate-checkout-logs)", "syslog", 40000 + d, "cron")
for t in frange(add(W0, minutes=7), W1, 1800):
    J(t, "smartd", 6, "Device: /dev/nvme0, Temperature changed by %+d Celsius, is now %d Celsius" % (rng.choice([-1, 1, 2]), rng.randint(38, 44)), "syslog", 811, "smartd")
jout = []
for i, (t, d) in enumerate(sorted(jr, key=lambda x: x[0])):
    us = int(d["__REALTIME_TIMESTAMP"])
    jout.append(jline({"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid("seq-web-r07-03", 32), 0x1a2b00 + i, BOOT,
                       int(d["__MONOTONIC_TIMESTAMP"]), us, uid("x%d" % i, 16)), **d}))
inc.lines("hosts/web-r07-03.journal.json", jout)

# ------------------------------------------------------------------ HAProxy httplog on lb-01 (host clock UTC), gzipped
hl = []
def HL(t, msg):
    u = t.astimezone(UTC)
    hl.append((t, "%s %2d %s lb-01 haproxy[2231]: %s" % (MONTHS[u.month - 1], u.day, u.strftime("%H:%M:%S"), msg)))
PATHS = [("GET", "/"), ("GET", "/product/%d"), ("GET", "/search?q=lamp"), ("POST", "/cart/add"), ("GET", "/checkout"),
         ("POST", "/checkout/pay"), ("GET", "/static/app.91ac2.js")]
in_maint = lambda t: MAINT <= t < READY
for a in poisson_times(rng, W0, W1, 1.6):
    pool = [h for h in R7_WEB + OTHER_WEB if not (h in R7_WEB and in_maint(a))]
    srv = rng.choice(pool)
    m, p = rng.choice(PATHS)
    if "%d" in p:
        p = p % rng.randint(1000, 99999)
    ip = "%d.%d.%d.%d" % (rng.choice([31, 77, 84, 145, 213]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    acc = a.astimezone(UTC).strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % (a.microsecond // 1000)
    st, tt, term, tr, tc, size = 200, rng.randint(12, 180), "----", None, rng.randint(0, 2), rng.randint(900, 40000)
    r7_hit = blackhole(a) and srv in R7_WEB and rng.random() < 0.5
    redis_hit = blackhole(a) and p.startswith(("/cart", "/checkout")) and rng.random() < 0.5
    if r7_hit:
        if rng.random() < 0.6:
            st, tt, term, tc, tr, size = 503, 3001 + rng.randint(0, 3), "sC--", -1, -1, 217
        else:
            st, tt, term, tr, size = 504, 30001 + rng.randint(0, 4), "sH--", -1, 194
    elif redis_hit:
        st, tt, size = 500, rng.randint(2000, 2300), 1843
    elif rng.random() < 0.01:
        st, term, size = 404, "----", 512
    elif rng.random() < 0.006:
        st, term, tt, size = 200, "CD--", rng.randint(200, 4000), 0
    if tr is None:
        tr = max(1, tt - tc - 1)
    HL(add(a, seconds=tt / 1000.0), '%s:%d [%s] fe_https~ be_web/%s 0/0/%d/%d/%d %d %d - - %s %d/%d/%d/%d/0 0/0 "%s %s HTTP/1.1"' % (
        ip, rng.randint(30000, 65000), acc, srv, tc, tr, tt, st, size, term, rng.randint(300, 900),
        rng.randint(280, 880), rng.randint(5, 40), rng.randint(0, 9), m, p))
# health-check flaps of rack-7 backends while blackholed, maint and return
for h in R7_WEB:
    t = add(PO_UP, seconds=rng.randint(30, 70))
    while t < MAINT:
        HL(t, "Server be_web/%s is DOWN, reason: Layer4 timeout, check duration: 2001ms. %d active and 0 backup servers left. %d sessions active, 0 requeued, 0 remaining in queue." % (h, rng.randint(5, 7), rng.randint(0, 9)))
        t = add(t, seconds=rng.randint(20, 60))
        if t >= MAINT:
            break
        HL(t, "Server be_web/%s is UP, reason: Layer4 check passed, check duration: 0ms. %d active and 0 backup servers online. 0 sessions requeued, 0 total in queue." % (h, rng.randint(6, 8)))
        t = add(t, seconds=rng.randint(60, 200))
    HL(add(MAINT, seconds=R7_WEB.index(h)), "Server be_web/%s is going DOWN for maintenance. %d active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue." % (h, 7 - R7_WEB.index(h)))
    HL(add(READY, seconds=R7_WEB.index(h)), "Server be_web/%s is UP (leaving forced maintenance)." % h)
inc.lines("lb-01/haproxy.log.gz", [l for _, l in sorted(hl, key=lambda x: x[0])])

# ------------------------------------------------------------------ Prometheus query_range: 5xx ratio per backend server group
def ratio(group):
    def f(t):
        if not blackhole(add(t, seconds=-30)) and not blackhole(t):
            return 0.001 + 0.001 * ((int(epoch(t)) // 60) % 3)
        if group == "rack07":
            return None if in_maint(t) else 0.46 + 0.04 * ((int(epoch(t)) // 30) % 3)
        return 0.07 + 0.01 * ((int(epoch(t)) // 30) % 4)
    return f
inc.json("prom/web_5xx_ratio.json", query_range(
    [({"backend": "be_web", "rack": "rack07", "job": "haproxy"}, ratio("rack07")),
     ({"backend": "be_web", "rack": "other", "job": "haproxy"}, ratio("other"))], W0, W1, 30), indent=None)

# ------------------------------------------------------------------ PagerDuty v2 webhooks (one body a line)
pd = PD(4471, "CheckoutErrorBudgetBurn checkout 5xx burn rate 14.2x", "checkout-web", "PCHK7W1", "Web Primary")
sanne = PD.user("Sanne Vos", "PSANVOS")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMAMS3", "summary": "Alertmanager ams3"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Sanne Vos by push notification.", user=sanne)
pd.add(ACK, "acknowledge_log_entry", sanne, {"type": "mobile"}, "Acknowledged by Sanne Vos.")
pd.add(add(PAGE_OK, seconds=2), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; incident left open"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", sanne, {"type": "web_ui"}, "Resolved by Sanne Vos.")
bodies = pd_webhook_v2_bodies(pd, 4471, "CheckoutErrorBudgetBurn checkout 5xx burn rate 14.2x", PAGE)
inc.lines("pd-hooks.ndjson", [jline(b) for b in bodies])

# ------------------------------------------------------------------ Slack export
s = Slack()
for u, n, r in [("U01SANNE", "sanne", "Sanne Vos"), ("U01RUBEN", "ruben.dekker", "Ruben Dekker"),
                ("U01JOOST", "joost", "Joost Bakker"), ("U01LARS", "lars", "Lars Mulder"),
                ("U01FATI", "fatima", "Fatima El Amrani")]:
    s.user(u, n, r, "Europe/Amsterdam")
for cid, n, p in [("C01ALRT", "alerts-web", "Alertmanager: web"), ("C01ALOT", "alerts-platform", "Alertmanager: other teams"),
                  ("C01INC", "inc-checkout-errors", "incident channel"), ("C01NET", "netops", "network team"),
                  ("C01CHG", "changes", "change announcements")]:
    s.channel(cid, n, p)
for t in SYNC_FAIL:
    s.bot("alerts-platform", add(t, seconds=64), "B01AM", "alertmanager",
          attachments=am_slack_attachment("firing", "AWXJobFailed", "job netbox-inventory-sync failed (HTTP 401 from netbox.lumen.internal)", color="warning"))
# other team's flapping alert
for a, b in [("17:04:10", "17:11:40"), ("17:58:00", "18:03:30"), ("18:41:20", "18:49:50"), ("19:35:00", "19:41:10")]:
    s.bot("alerts-platform", T(D + a), "B01AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KafkaConsumerLagHigh", "consumer group reporting-etl lag 182k on events.v3", color="warning"))
    s.bot("alerts-platform", T(D + b), "B01AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "KafkaConsumerLagHigh", "consumer group reporting-etl lag back under 50k"))
s.bot("alerts-web", WARN, "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "WebBackend5xxHigh", "be_web 5xx ratio 17.8% (rack07 backends 48%)\nseverity: warning", color="warning"))
s.bot("alerts-web", PAGE, "B01AM", "alertmanager",
      attachments=am_slack_attachment("firing", "CheckoutErrorBudgetBurn", "checkout 5xx burn rate 14.2x over 5m\nseverity: page"))
s.bot("alerts-web", WARN_OK, "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "WebBackend5xxHigh", "be_web 5xx ratio 0.2%"))
s.bot("alerts-web", PAGE_OK, "B01AM", "alertmanager", attachments=am_slack_attachment("resolved", "CheckoutErrorBudgetBurn", "checkout 5xx burn rate 0.3x"))
s.say("changes", add(OTHER_DEPLOY, seconds=-40), "U01JOOST", "deploying reporting-api 2.41.0 via AWX (new export columns)")
s.say("netops", add(JOB_START, seconds=-70), "U01RUBEN", "starting EOS 4.32.2F upgrades, leaf-r07b first, then r08b later tonight. MLAG so should be hitless")
s.say("netops", add(JOB_END, seconds=50), "U01RUBEN", "leaf-r07b done, AWX green, mlag active. will do r08b after dinner")
ch = "inc-checkout-errors"
s.say(ch, add(ACK, seconds=55), "U01SANNE", "acked. 503/504 from be_web, the failing backends are all web-r07-*, plus 500s on cart/checkout from everywhere (redis timeouts to redis-r07-01)")
s.say(ch, add(ACK, seconds=140), "U01SANNE", "health checks on the r07 backends flapping DOWN/UP since ~19:44 local")
s.say(ch, WRONG, "U01LARS", "reporting-api went out at 19:12, the new export could be hammering the db and redis?")
s.say(ch, ROLLBACK_Q, "U01LARS", "should we roll back reporting-api?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U01JOOST", "reporting doesn't touch redis and its pods are in r04, errors are only rack 7. I'd not roll back")
s.say(ch, add(MAINT, seconds=-25), "U01SANNE", "putting web-r07-01..03 into maint on lb-01/lb-02 to stop the 503s")
s.say(ch, add(MAINT, seconds=60), "U01SANNE", "r07 web backends drained. checkout still throwing 500s, redis-r07-01 is the cart primary and it's in the same rack")
s.say(ch, add(MAINT, seconds=100), "U01RUBEN", "rack 7... I upgraded leaf-r07b at 19:36, AWX said mlag active. looking")
s.say(ch, STATUS, "U01FATI", "statuspage: 'Some customers see errors when adding to cart or paying. We are investigating.' posted")
s.say(ch, DIAG, "U01RUBEN", "found it: leaf-r07b has NO bgp. 4.32 rejected line 906 of the startup-config (`neighbor SPINES maximum-routes 12000 warning-only`, the syntax changed) and skipped the whole router bgp block. MLAG and the host port-channels came up anyway, so every rack-7 host hashes half its flows into a switch with 0 routes")
s.say(ch, add(DIAG, seconds=70), "U01RUBEN", "shutting the host port-channels on r07b so the bonds only use r07a")
s.say(ch, add(SHUT, seconds=40), "U01SANNE", "errors gone from 20:07:20, checkout 200s again, redis timeouts stopped")
s.say(ch, add(BGP_UP, seconds=30), "U01RUBEN", "router bgp re-entered with the new syntax, both spines Established, 14k routes. keeping Po11-15 down 10 more min")
s.say(ch, add(NOSHUT, seconds=35), "U01RUBEN", "Po11-15 back up on r07b, bonds have both links, no drops")
s.say(ch, add(READY, seconds=20), "U01SANNE", "web-r07-* back in rotation")
s.say(ch, add(RESOLVED, seconds=-40), "U01SANNE", "clean for 15 min, resolving. Ruben will add `show ip bgp summary` + `show startup-config errors` to the upgrade playbook's verify before r08b")
s.say(ch, add(RESOLVED, seconds=90), "U01FATI", "statuspage resolved")
s.write(inc, "slack")

inc.truth(
    "lumen-tor-upgrade-blackhole", "tor-switch-firmware-upgrade-config-rejected-mlag-blackhole",
    "An AWX EOS upgrade of top-of-rack leaf-r07b: the new release rejects a BGP line and skips the whole router bgp block, the switch\n"
    "comes back with MLAG and host port-channels up but no routes, half of rack 7's flows are dropped until r07b's port-channels are shut.",
    (W0, W1),
    dict(started=CFG_ERR, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(JOB_START, "change", "AWX job 88412 eos-upgrade on leaf-r07b (reloads the switch at 17:36)", "awx_jobs.json", 120),
     (CFG_ERR, "first_symptom", "leaf-r07b startup-config error: router bgp block skipped; port-channels up with no routes", "net-syslog/ams3-fabric.log", 60),
     (WARN, "alert_fired", "WebBackend5xxHigh warning (rack07 backends 48%)", "slack", 60),
     (PAGE, "paged", "PagerDuty #4471 CheckoutErrorBudgetBurn triggered", "pd-hooks.ndjson", 60),
     (ACK, "acknowledged", "Sanne acknowledges", "pd-hooks.ndjson", 60),
     (MAINT, "mitigation", "web-r07-* put into maintenance on the LBs (web 503s stop, checkout 500s continue)", "lb-01/haproxy.log.gz", 60),
     (STATUS, "communication", "status page: errors adding to cart or paying", "slack", 90),
     (DIAG, "diagnosis", "Ruben: 4.32 rejected the BGP line, no routes on leaf-r07b, half of rack 7's flows blackholed", "slack", 90),
     (SHUT, "mitigation", "host port-channels shut on leaf-r07b", "net-syslog/ams3-fabric.log", 60),
     (MITIGATED, "recovery", "5xx and redis timeouts stop", "lb-01/haproxy.log.gz", 60),
     (PAGE_OK, "alert_resolved", "CheckoutErrorBudgetBurn resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #4471 resolved", "pd-hooks.ndjson", 60)],
    [(SYNC_FAIL[-1], "daily netbox-inventory-sync AWX job failure (HTTP 401), also the days before", "awx_jobs.json"),
     (OTHER_DEPLOY, "reporting team deploys reporting-api 2.41.0", "awx_jobs.json"),
     (T(D + "17:58:00"), "KafkaConsumerLagHigh for reporting-etl, flapping all evening", "slack"),
     (WRONG, "wrong hunch: reporting-api export hammering db/redis", "slack"),
     (ROLLBACK_Q, "'should we roll back reporting-api?' question, not done", "slack"),
     (T(D + "19:24:40"), "planned upgrade of leaf-r08b later in the evening", "net-syslog/ams3-fabric.log"),
     (T(D + "18:30:00"), "steady optic flaps on leaf-r11a Ethernet17 and coupon 404 warnings all evening", "net-syslog/ams3-fabric.log"),
     (NOSHUT, "port-channels re-enabled on leaf-r07b after BGP fixed (no impact)", "net-syslog/ams3-fabric.log")],
    [("awx_jobs.json", "deploys"), ("net-syslog/ams3-fabric.log", "logs", LTZ), ("hosts/web-r07-03.journal.json", "logs"),
     ("lb-01/haproxy.log.gz", "logs"), ("prom/web_5xx_ratio.json", "prometheus-query-range"),
     ("pd-hooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
