"""retired8/sac1-chiller-thermal: the colocation provider's chiller fails in a heat wave; inlet temperatures in rows C/D climb,
CPUs throttle and BMCs power servers off, sac1 serves 503s until traffic is failed over to dal1 at the global load balancer.
BMC SEL, host syslog and HAProxy logs are in the site's local time (America/Los_Angeles) without offsets."""
import math
import random
from common import *

rng = random.Random(20260903)
inc = Incident("retired8", "sac1-chiller-thermal")
TZ = "America/Los_Angeles"
D = "2026-09-03 "
W0, W1 = T(D + "21:00:00"), T("2026-09-04 00:00:00")
CHILLER = T(D + "21:32:40")          # colo-side, only known from the provider's notice
ALERT = T(D + "21:44:50")            # IPMIInletTempHigh (warning)
FIRST_503 = T(D + "21:58:40")
PAGE_ALERT = T(D + "22:01:30")
PAGE = T(D + "22:02:01")
ACK = T(D + "22:05:10")
WRONG = T(D + "22:07:40")
STATUS = T(D + "22:08:30")
ROLLBACK_Q = T(D + "22:09:20")
DIAG = T(D + "22:10:30")
COLO_NOTICE = T(D + "22:11:05")
FAILOVER = T(D + "22:14:30")
MITIGATED = T(D + "22:15:02")
PAGE_OK = T(D + "22:19:30")
POWERDOWN = T(D + "22:26:10")
COOLING_BACK = T(D + "23:02:00")
REENABLE = T(D + "23:18:20")
INLET_OK = T(D + "23:16:30")
RESOLVED = T(D + "23:41:30")
OTHER_DEPLOY = T(D + "21:50:37")
BACKUP = [T("2026-%s 22:00:%02d" % (d, 11 + i)) for i, d in enumerate(("08-31", "09-01", "09-02", "09-03"))]

# ---- inlet temperature model per host: base + A*(1-exp(-(t-t0)/tau)) while cooling is down
HOSTS = {  # name: (t0 offset s from CHILLER, asymptote rise, tau min, base, row)
    "sac1-c07-r12": (0, 26.0, 15.1, 24.0, "C"), "sac1-c07-r14": (50, 25.0, 15.5, 24.4, "C"),
    "sac1-c08-r03": (95, 26.5, 16.0, 23.8, "C"), "sac1-c08-r05": (120, 24.5, 16.5, 24.1, "C"),
    "sac1-d02-r07": (170, 22.0, 17.0, 23.5, "D"), "sac1-d02-r09": (200, 21.0, 17.5, 23.9, "D"),
    "sac1-a01-r02": (0, 4.0, 25.0, 22.0, "A")}
def temp(h, t):
    off, A, tau, base, row = HOSTS[h]
    t0 = add(CHILLER, seconds=off)
    if t <= t0:
        return base + 0.3 * math.sin(epoch(t) / 600.0 + len(h))
    def rising(x):
        return base + A * (1 - math.exp(-(x - t0).total_seconds() / (tau * 60)))
    # load shed after the failover and power-down slows the climb; colo cooling restored at COOLING_BACK
    if t <= POWERDOWN:
        return rising(t)
    peak = rising(POWERDOWN)
    if t <= COOLING_BACK:
        return peak + 0.6 * (1 - math.exp(-(t - POWERDOWN).total_seconds() / 900.0))
    top = peak + 0.6 * (1 - math.exp(-(COOLING_BACK - POWERDOWN).total_seconds() / 900.0))
    return base + 1.5 + (top - base - 1.5) * math.exp(-(t - COOLING_BACK).total_seconds() / 720.0)

def crossing(h, thr, lo, hi):
    """first second in [lo, hi] where temp >= thr, else None"""
    t = lo
    while t <= hi:
        if temp(h, t) >= thr:
            return t
        t = add(t, seconds=1)
    return None

UNC, UC, UNR = 35, 40, 45
STARTED = crossing("sac1-c07-r12", UNC, CHILLER, COOLING_BACK)   # first SEL inlet warning
POWERON = T(D + "23:10:30")
HAND_OFF = ("sac1-d02-r07", "sac1-d02-r09", "sac1-c08-r05")
SHUTDOWN = {}
for h in HOSTS:
    c = crossing(h, UNR, CHILLER, COOLING_BACK)
    if c:
        SHUTDOWN[h] = c

# ---- ipmitool sel elist per host (BMC clocks in local time)
out = []
def sel_local(t):
    lt = local(t, TZ)
    return lt.strftime("%m/%d/%Y"), lt.strftime("%H:%M:%S")
for h, (off, A, tau, base, row) in HOSTS.items():
    ents = []
    if h == "sac1-c08-r05":
        ents.append((T("2026-08-19 17:22:05"), "Power Supply PS2 Status | Power Supply AC lost | Asserted"))
        ents.append((T("2026-08-19 17:31:40"), "Power Supply PS2 Status | Power Supply AC lost | Deasserted"))
        ents.append((T("2026-08-19 17:31:41"), "Power Supply PS Redundancy | Fully Redundant | Asserted"))
    if h == "sac1-d02-r09":
        ents.append((T("2026-08-27 03:12:55"), "Memory ECC Corr Err | Correctable ECC | Asserted | DIMM B4"))
        ents.append((T("2026-09-01 11:48:20"), "Memory ECC Corr Err | Correctable ECC | Asserted | DIMM B4"))
    if h == "sac1-c07-r14":
        ents.append((T("2026-08-12 16:05:00"), "Event Logging Disabled SEL | Log area reset/cleared | Asserted"))
    for thr, txt in ((UNC, "Upper Non-critical going high"), (UC, "Upper Critical going high"), (UNR, "Upper Non-recoverable going high")):
        c = crossing(h, thr, CHILLER, COOLING_BACK)
        if c:
            ents.append((c, "Temperature System Board Inlet Temp | %s | Asserted | Reading %d > Threshold %d degrees C" % (txt, thr + 1 if thr != UNC else thr, thr)))
            cpu = add(c, seconds=rng.randint(20, 70))
            if thr == UC:
                ents.append((cpu, "Temperature CPU1 Temp | Upper Critical going high | Asserted | Reading 96 > Threshold 95 degrees C"))
                ents.append((add(cpu, seconds=3), "Processor CPU1 Status | Throttled | Asserted"))
    if h in SHUTDOWN:
        s_ = SHUTDOWN[h]
        ents.append((add(s_, seconds=2), "Power Unit Power Unit | Power off/down | Asserted"))
        ents.append((add(s_, seconds=2), "System ACPI Power State ACPI State | S5/G2: soft-off | Asserted"))
    if h in HAND_OFF:
        # powered down by hand to shed heat
        pdn = add(POWERDOWN, seconds=rng.randint(5, 90))
        if h not in SHUTDOWN:
            ents.append((pdn, "System ACPI Power State ACPI State | S5/G2: soft-off | Asserted"))
    if h in SHUTDOWN or h in HAND_OFF:
        pon = add(POWERON, seconds=rng.randint(0, 240))
        ents.append((pon, "System ACPI Power State ACPI State | S0/G0: working | Asserted"))
        ents.append((add(pon, seconds=1), "Power Unit Power Unit | Power off/down | Deasserted"))
    for thr, txt in ((UNR, "Upper Non-recoverable going high"), (UC, "Upper Critical going high"), (UNC, "Upper Non-critical going high")):
        c = crossing(h, thr, CHILLER, COOLING_BACK)
        if c:
            # deassert once it falls below again
            t = COOLING_BACK
            while temp(h, t) >= thr and t < W1:
                t = add(t, seconds=1)
            if t < W1:
                ents.append((t, "Temperature System Board Inlet Temp | %s | Deasserted | Reading %d < Threshold %d degrees C" % (txt, thr - 1, thr)))
    ents.sort(key=lambda e: e[0])
    if not ents:
        out.append("[root@jump-sac1 ~]# ipmitool -I lanplus -H %s-bmc.oob.sac1 -U monitor -E sel elist" % h)
        out += ["SEL has no entries", ""]
        continue
    out.append("[root@jump-sac1 ~]# ipmitool -I lanplus -H %s-bmc.oob.sac1 -U monitor -E sel elist" % h)
    for i, (t, txt) in enumerate(ents):
        d_, tm = sel_local(t)
        out.append("%4x | %s | %s | %s" % (0x1a0 + i * 3 + len(h) % 5, d_, tm, txt))
    out.append("")
inc.lines("sel-rows-cd.txt", out)

# ---- host syslog (rsyslog, local time, several hosts and days)
sl = []
BOOT = {h: T("2026-08-23 04:%02d:00" % (i * 7)) for i, h in enumerate(HOSTS)}
def up_s(h, t):
    u = (t - BOOT[h]).total_seconds()
    return "[%d.%06d]" % (int(u), int((u - int(u)) * 1e6))
def S(t, host, prog, msg):
    sl.append((t, syslog(t, TZ, host, prog, msg)))
for i, b in enumerate(BACKUP):
    S(add(b, seconds=-11), "sac1-pgbk-02", "CRON[%d]" % (31022 + i * 97), "(postgres) CMD (/usr/local/bin/backup-verify --latest)")
    S(b, "sac1-pgbk-02", "backup-verify[%d]" % (31025 + i * 97), "restore test of base backup %s FAILED: WAL segment 0000000300001A2B000000%02X not found in archive" % (
        local(b, TZ).strftime("%Y%m%dT0300"), 0x40 + i))
    S(add(b, seconds=1), "sac1-pgbk-02", "systemd[1]", "backup-verify.service: Main process exited, code=exited, status=2/INVALIDARGUMENT")
for d in ("08-31", "09-01", "09-02"):
    for t in poisson_times(rng, T("2026-%s 21:00:00" % d), T("2026-%s 23:00:00" % d), 1 / 900.0):
        S(t, "sac1-lb-01", "sshd[%d]" % rng.randint(2000, 60000), "error: kex_exchange_identification: Connection closed by remote host")
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    S(t, rng.choice(["sac1-lb-01", "sac1-lb-02"]), "sshd[%d]" % rng.randint(2000, 60000), "error: kex_exchange_identification: Connection closed by remote host")
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    h = rng.choice([x for x in HOSTS if x != "sac1-a01-r02"])
    S(t, h, "chronyd[812]", "Selected source 10.20.0.%d (ntp-sac1-%d)" % (rng.choice([11, 12]), rng.choice([1, 2])))
for h in HOSTS:
    c = crossing(h, 38.5, CHILLER, COOLING_BACK)
    if c:
        n = 0
        for t in frange(c, min(SHUTDOWN.get(h, POWERDOWN), POWERDOWN), rng.randint(55, 75)):
            n += 1
            cpu = rng.randint(0, 47)
            t = add(t, seconds=rng.random())
            S(t, h, "kernel", "%s CPU%d: Package temperature above threshold, cpu clock throttled (total events = %d)" % (
                up_s(h, t), cpu, n * 37 + rng.randint(0, 30)))
            S(add(t, seconds=0.004), h, "kernel", "%s CPU%d: Core temperature above threshold, cpu clock throttled (total events = %d)" % (
                up_s(h, add(t, seconds=0.004)), cpu + 1, n * 41 + rng.randint(0, 30)))
    if h in SHUTDOWN:
        S(add(SHUTDOWN[h], seconds=-1), h, "kernel", "%s mce: [Hardware Error]: CPU 0: Machine Check: 0 Bank 6: 88000040000200cf" % up_s(h, add(SHUTDOWN[h], seconds=-1)))
S(FIRST_503, "sac1-lb-01", "haproxy[2211]", "Server be_checkout/sac1-c07-r12 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 5 active and 0 backup servers left. 41 sessions active, 0 requeued, 0 remaining in queue.")
for h, t in sorted(SHUTDOWN.items(), key=lambda x: x[1]):
    if h == "sac1-c07-r12":
        continue
    left = 6 - 1 - sorted(SHUTDOWN.values()).index(t)
    S(add(t, seconds=6), "sac1-lb-01", "haproxy[2211]", "Server be_checkout/%s is DOWN, reason: Layer4 timeout, check duration: 2001ms. %d active and 0 backup servers left. %d sessions active, 0 requeued, 0 remaining in queue." % (h, max(left, 1), rng.randint(20, 60)))
for h in ("sac1-d02-r07", "sac1-d02-r09", "sac1-c08-r05"):
    if h not in SHUTDOWN:
        t = add(POWERDOWN, seconds=rng.randint(0, 30))
        S(t, h, "systemd-logind[1104]", "System is powering down.")
        S(add(t, seconds=1), h, "systemd[1]", "Stopping checkout-api.service - checkout API...")
inc.lines("messages", [l for _, l in sorted(sl, key=lambda x: x[0])])

# ---- HAProxy HTTP logs from the sac1 edge (syslog, local time), gzipped
hp = []
def avail(h, t):
    if h == "sac1-a01-r02":
        return False
    if h in SHUTDOWN and SHUTDOWN[h] <= t < POWERON:
        return False
    if h in HAND_OFF and POWERDOWN <= t < POWERON:
        return False
    return True
def up_count(t):
    return sum(1 for h in HOSTS if avail(h, t))
def rate(t):
    if FAILOVER <= t < REENABLE:
        return 0.01 if t > add(FAILOVER, seconds=40) else 0.3
    if t >= REENABLE:
        return 0.12
    return 0.45
PATHS = [("GET", "/api/cart"), ("GET", "/api/products/%d"), ("POST", "/api/cart/items"), ("POST", "/api/checkout/submit"), ("GET", "/"), ("GET", "/api/session")]
t = W0
while t < W1:
    t = add(t, seconds=rng.expovariate(rate(t)))
    if add(FAILOVER, seconds=40) <= t < REENABLE:
        t = add(REENABLE, seconds=rng.random() * 5)
    if t >= W1:
        break
    m, p = rng.choice(PATHS)
    if "%d" in p:
        p = p % rng.randint(100000, 999999)
    ip = "%d.%d.%d.%d" % (rng.choice([24, 67, 73, 98, 108, 172]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    lt = local(t, TZ)
    up = up_count(t)
    hot = [h for h in HOSTS if avail(h, t)]
    srv = rng.choice(hot) if hot else "<NOSRV>"
    throttled = srv != "<NOSRV>" and temp(srv, t) > 38.5
    tr = rng.randint(40, 180) if not throttled else rng.randint(900, 4200)
    st, flags, bes = 200, "----", "be_checkout/%s" % srv
    timers = "0/0/1/%d/%d" % (tr, tr + 1)
    if FIRST_503 <= t < MITIGATED and (up <= 4 or rng.random() < 0.25) and rng.random() < (0.22 + 0.12 * (6 - up)):
        if rng.random() < 0.7:
            st, flags, bes, timers = 503, "SC--", "be_checkout/%s" % srv, "0/0/-1/-1/%d" % rng.randint(2000, 3000)
        else:
            st, flags, timers = 504, "sH--", "0/0/1/-1/30002"
    elif rng.random() < 0.006:
        st, flags = 404, "----"
    elif rng.random() < 0.004:
        st, flags, timers = 400, "CD--", "0/0/1/-1/%d" % rng.randint(200, 8000)
    if p == "/" and st == 200:
        bes = "be_web/sac1-web-0%d" % rng.randint(1, 3)
        timers = "0/0/0/%d/%d" % (rng.randint(5, 30), rng.randint(31, 40))
    hp.append((t, "%s sac1-lb-0%d haproxy[2211]: %s:%d [%s.%03d] fe_https~ %s %s %d %d - - %s %d/%d/%d/%d/0 0/0 \"%s %s HTTP/2.0\"" % (
        syslog(t, TZ, "x", "y", "").split(" x ")[0], rng.randint(1, 2), ip, rng.randint(1024, 65000),
        lt.strftime("%d/%b/%Y:%H:%M:%S"), lt.microsecond // 1000, bes, timers, st, rng.randint(180, 9000) if st == 200 else 217,
        flags, rng.randint(300, 900), rng.randint(280, 880), rng.randint(5, 80), rng.randint(0, 9), m, p)))
# the first and last 503 of the incident, to the second
for tt, srv in ((FIRST_503, "sac1-c07-r12"), (add(MITIGATED, seconds=-0.4), "sac1-c08-r03")):
    lt = local(tt, TZ)
    hp.append((tt, "%s sac1-lb-01 haproxy[2211]: 73.%d.%d.%d:%d [%s.%03d] fe_https~ be_checkout/%s 0/0/-1/-1/2001 503 217 - - SC-- 611/598/44/7/0 0/0 \"POST /api/checkout/submit HTTP/2.0\"" % (
        syslog(tt, TZ, "x", "y", "").split(" x ")[0], rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65000),
        lt.strftime("%d/%b/%Y:%H:%M:%S"), lt.microsecond // 1000, srv)))
hp.sort(key=lambda x: x[0])
inc.lines("edge/haproxy-sac1.log.gz", [l for _, l in hp])

# ---- Prometheus query_range: ipmi exporter inlet temperatures, 60s step (UTC epoch)
series = []
for h, (off, A, tau, base, row) in HOSTS.items():
    series.append(({"__name__": "ipmi_temperature_celsius", "id": "4", "instance": "%s-bmc.oob.sac1" % h, "job": "ipmi-sac1",
                    "name": "system_board_inlet_temp", "row": row, "site": "sac1"}, (lambda hh: lambda t: round(temp(hh, t), 1))(h)))
def site_ok(t):
    if add(FIRST_503, seconds=60) <= t < add(MITIGATED, seconds=270):
        return min(0.93 - 0.05 * (6 - up_count(min(t, MITIGATED))) - 0.02 * ((int(epoch(t)) // 60) % 2),
                   0.93 + 0.07 * max(0.0, (t - MITIGATED).total_seconds()) / 300.0)
    return 0.998 - 0.001 * ((int(epoch(t)) // 60) % 3)
series.append(({"__name__": "probe_success:ratio_rate5m", "target": "https://www.acme.shop/healthz", "probe_region": "us-west", "job": "blackbox-global"}, site_ok))
inc.json("inlet_temps.json", query_range(series, W0, W1, 60, fmt="%.4g"), indent=None)

# ---- Alertmanager API alerts snapshot (amtool -o json alert query), taken 22:16
SNAP = T(D + "22:16:05")
al = []
for h, (off, A, tau, base, row) in HOSTS.items():
    c = crossing(h, UNC, CHILLER, COOLING_BACK)
    if c:
        st_ = add(c, seconds=212) if h != "sac1-c07-r12" else ALERT
        al.append(amtool_alert("IPMIInletTempHigh", {"instance": "%s-bmc.oob.sac1" % h, "job": "ipmi-sac1", "row": row, "site": "sac1",
                                                      "severity": "warning", "team": "dc-ops"},
                               "Inlet temperature on %s above 35C" % h, st_, SNAP, receivers=("slack-dc-ops",),
                               desc="ipmi_temperature_celsius{name=\"system_board_inlet_temp\"} > 35 for 3m"))
al.append(amtool_alert("SiteErrorRatioHigh", {"site": "sac1", "severity": "page", "team": "sre"}, "sac1 probe success below 95%",
                       PAGE_ALERT, SNAP, receivers=("pagerduty-sre",)))
al.append(amtool_alert("BackupVerifyFailed", {"instance": "sac1-pgbk-02", "severity": "ticket", "team": "dba"}, "backup restore test failed",
                       add(BACKUP[-1], seconds=29), SNAP, receivers=("slack-dba",)))
al.append(amtool_alert("ElasticsearchClusterYellow", {"cluster": "logs-dal1", "severity": "warning", "team": "observability"},
                       "logs-dal1 cluster health yellow", T(D + "22:12:00"), SNAP, receivers=("slack-observability",)))
al.append(amtool_alert("NodeFilesystemAlmostFull", {"instance": "dal1-ci-07", "mountpoint": "/var/lib/docker", "severity": "warning", "team": "ci"},
                       "dal1-ci-07 /var/lib/docker 91% full", T("2026-09-02 18:40:00"), SNAP, receivers=("slack-ci",), state="suppressed",
                       silenced_by=(uuid("silence-ci-07"),)))
inc.json("amtool-alerts-2216.json", al)

# ---- PagerDuty log entries
pd = PD(7731, "SiteErrorRatioHigh sac1 probe success below 95%", "sre-sites", "PSRE011", esc_policy="SRE 24x7")
dan = PD.user("Daniel Ortiz", "PDANORT")
mei = PD.user("Mei Chen", "PMEICHN")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMSRE1", "summary": "Alertmanager global",
         "self": "https://api.pagerduty.com/services/PSRE011/integrations/PAMSRE1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Daniel Ortiz by push notification.",
       user=dan, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, {"type": "auto"}, "Notified Daniel Ortiz by phone.",
       user=dan, notification={"type": "phone_notification", "status": "success", "address": "+1916*****40"})
pd.add(ACK, "acknowledge_log_entry", dan, {"type": "phone"}, "Acknowledged by Daniel Ortiz.", acknowledgement_timeout=1800)
pd.add(add(ACK, seconds=210), "assign_log_entry", dan, {"type": "web_ui"}, "Reassigned to Daniel Ortiz and Mei Chen.", assignees=[dan, mei])
pd.add(add(COLO_NOTICE, seconds=80), "annotate_log_entry", dan, {"type": "web_ui", "summary": "Colo ticket SAC-INC-22817: chiller CH-2 failure hall 3"}, "Note added")
pd.add(add(FAILOVER, seconds=40), "annotate_log_entry", mei, {"type": "web_ui", "summary": "sac1 pool disabled on www/api LB, all traffic to dal1"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dan, {"type": "web_ui"}, "Resolved by Daniel Ortiz.")
inc.json("pagerduty-7731.json", pd.export())

# ---- Cloudflare account audit logs
def cf(t, who, action, rtype, rid, meta, old=None, new=None, iface="UI"):
    return {"id": uuid("cf" + iso(t) + action + rid), "action": {"type": action, "result": True, "info": ""},
            "actor": {"id": uid(who, 32), "email": who, "ip": "198.51.100.%d" % (len(who) * 7 % 250), "type": "user"},
            "interface": iface, "metadata": meta, "newValue": new or "", "oldValue": old or "",
            "owner": {"id": "0f3a1b2c4d5e6f708192a3b4c5d6e7f8"}, "resource": {"id": rid, "type": rtype}, "when": iso(t, ms=True) if t.microsecond else iso(t)}
POOL_SAC = "9e2b7c0d4f1a4b6e8c3d2a1f0e9d8c7b"
res = [
    cf(T("2026-09-03 16:12:40"), "r.singh@acme.shop", "update", "DNS_record", uid("promo", 32), {"zone_name": "acme.shop", "name": "fall.acme.shop", "type": "CNAME"},
       old='{"content":"acme-promo.netlify.app"}', new='{"content":"promo-lp.pages.dev"}'),
    cf(T(D + "21:49:58"), "k.yamamoto@acme.shop", "update", "DNS_record", uid("search", 32), {"zone_name": "acme.shop", "name": "search-dal1.int.acme.shop", "type": "A"},
       old='{"content":"10.40.8.20"}', new='{"content":"10.40.8.21"}', iface="API"),
    cf(FAILOVER, "mei.chen@acme.shop", "update", "load_balancer_pool", POOL_SAC,
       {"name": "sac1-origins", "load_balancers": ["www.acme.shop", "api.acme.shop"]}, old='{"enabled":true}', new='{"enabled":false}'),
    cf(T(D + "22:36:12"), "s.novak@acme.shop", "update", "firewall_rule", uid("waf", 32), {"zone_name": "acme.shop", "description": "block /wp-login.php probes"},
       old='{"paused":true}', new='{"paused":false}'),
    cf(REENABLE, "mei.chen@acme.shop", "update", "load_balancer_pool", POOL_SAC,
       {"name": "sac1-origins", "load_balancers": ["www.acme.shop", "api.acme.shop"]}, old='{"enabled":false,"weight":1}', new='{"enabled":true,"weight":0.25}'),
]
res.sort(key=lambda r: r["when"], reverse=True)
inc.json("cf-audit.json", {"success": True, "errors": [], "messages": [], "result": res,
                           "result_info": {"page": 1, "per_page": 100, "count": len(res), "total_count": len(res)}})

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U09DAN", "dortiz", "Daniel Ortiz", TZ), ("U09MEI", "mei", "Mei Chen", TZ), ("U09JAKE", "jake", "Jake Patterson", TZ),
                    ("U09NOOR", "noor", "Noor Haddad", "America/Chicago"), ("U09KEN", "ken", "Ken Yamamoto", "America/Chicago"),
                    ("U09ELLA", "ella", "Ella Brooks", TZ)]:
    s.user(u, n, r, tz)
for cid, n, p in [("C09INC", "inc-sac1", "sac1 incident"), ("C09DCO", "dc-ops-alerts", "datacenter alerts"), ("C09DBA", "dba-alerts", ""),
                  ("C09DEP", "deploys", "rollouts"), ("C09STS", "status", "Statuspage mirror")]:
    s.channel(cid, n, p)
for b in BACKUP:
    s.bot("dba-alerts", add(b, seconds=59), "B09AM", "alertmanager",
          attachments=am_slack_attachment("firing", "BackupVerifyFailed", "backup restore test failed on sac1-pgbk-02\nseverity: ticket", color="warning"))
s.bot("dc-ops-alerts", add(ALERT, seconds=30), "B09AM", "alertmanager",
      attachments=am_slack_attachment("firing", "IPMIInletTempHigh", "Inlet temperature on sac1-c07-r12 above 35C\nrow: C", color="warning"))
s.bot("dc-ops-alerts", add(ALERT, seconds=242), "B09AM", "alertmanager",
      attachments=am_slack_attachment("firing", "IPMIInletTempHigh", "Inlet temperature above 35C on 3 hosts in rows C, D", color="warning"))
s.bot("dc-ops-alerts", add(PAGE_ALERT, seconds=30), "B09AM", "alertmanager",
      attachments=am_slack_attachment("firing", "SiteErrorRatioHigh", "sac1 probe success below 95%\nseverity: page"))
s.bot("dc-ops-alerts", add(PAGE_OK, seconds=30), "B09AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "SiteErrorRatioHigh", "sac1 probe success below 95%"))
s.bot("dc-ops-alerts", add(INLET_OK, seconds=30), "B09AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "IPMIInletTempHigh", "Inlet temperatures back under 35C"))
for a, b in [("21:06:00", "21:11:00"), ("21:37:00", "21:40:00"), ("22:12:00", "22:21:00"), ("23:03:00", "23:07:00")]:
    s.bot("dc-ops-alerts", T(D + a), "B09AM", "alertmanager",
          attachments=am_slack_attachment("firing", "ElasticsearchClusterYellow", "logs-dal1 cluster health yellow (team observability)", color="warning"))
    s.bot("dc-ops-alerts", T(D + b), "B09AM", "alertmanager",
          attachments=am_slack_attachment("resolved", "ElasticsearchClusterYellow", "logs-dal1 cluster health green"))
s.bot("deploys", OTHER_DEPLOY, "B09SPN", "spinnaker", blocks=pd_slack_blocks("*search-api* pipeline `deploy-prod-dal1` SUCCEEDED — v5.2.0 (k.yamamoto)"))
s.bot("deploys", T(D + "20:50:12"), "B09SPN", "spinnaker", blocks=pd_slack_blocks("*checkout-api* pipeline `deploy-prod-all` SUCCEEDED — v12.7.1 (ella)"))
ch = "inc-sac1"
s.say(ch, add(ACK, seconds=50), "U09DAN", "acked. sac1 probes failing, haproxy has checkout backends going DOWN one after the other. dal1 fine")
s.say(ch, add(ACK, seconds=110), "U09JAKE", "dc-ops-alerts has had inlet temp warnings since 14:44, I thought it was the usual afternoon heat")
s.say(ch, WRONG, "U09MEI", "could be power - a PDU breaker trip would take out half a row like this")
s.say(ch, STATUS, "U09ELLA", "status page up: 'Elevated errors for some customers on the West Coast. Investigating.'")
s.say(ch, ROLLBACK_Q, "U09ELLA", "should we roll back checkout 12.7.1? it went out at 13:50")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U09DAN", "no, 12.7.1 runs in dal1 too and it's fine there. the sac1 boxes are literally powering off")
s.say(ch, DIAG, "U09DAN", "it's heat. SEL on c07-r12 and c08-r03: inlet past the non-recoverable threshold, BMC powered them off; the rest of row C is throttling. not power, the PSUs are fine")
s.say(ch, COLO_NOTICE, "U09JAKE", "colo NOC ticket SAC-INC-22817 just came in: 'chiller CH-2 failure affecting hall 3, approx 14:30 PDT, engineers on site, portable units being brought in'")
s.say(ch, add(COLO_NOTICE, seconds=60), "U09NOOR", "hall 3 is rows C and D. yeah")
s.say(ch, add(COLO_NOTICE, seconds=85), "U09DAN", "failing sac1 over to dal1 on the LB. dal1 has headroom for peak")
s.say(ch, add(FAILOVER, seconds=25), "U09MEI", "sac1-origins pool disabled for www and api. dal1 taking everything")
s.say(ch, add(MITIGATED, seconds=70), "U09DAN", "503s stopped, probes green from all regions")
s.say(ch, add(POWERDOWN, seconds=40), "U09JAKE", "powering off the d02 racks and c08-r05 to shed heat while the colo sorts it out")
s.say(ch, T(D + "23:06:30"), "U09JAKE", "colo: portable chillers online, hall 3 supply air dropping. our inlets down to 43 and falling")
s.say(ch, add(POWERON, seconds=60), "U09JAKE", "supply air back under 27C, powering rows C/D back on")
s.say(ch, add(REENABLE, seconds=30), "U09MEI", "sac1 pool back on at weight 0.25, watching")
s.say(ch, add(RESOLVED, seconds=-45), "U09DAN", "sac1 stable at 25% for 20 min, inlets under 30C. resolving, rest of the return tomorrow with dc-ops")
s.bot("status", add(STATUS, seconds=20), "B09SP", "Statuspage",
      attachments=[{"color": "ECB22E", "fallback": "Investigating - Elevated errors", "title": "Investigating - Elevated errors for some customers",
                    "text": "Some customers on the West Coast see errors loading the site and checking out.", "mrkdwn_in": ["text"]}])
s.bot("status", T(D + "22:24:00"), "B09SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Monitoring", "title": "Monitoring - Elevated errors", "text": "Traffic has been moved to another site; errors have stopped.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=3), "B09SP", "Statuspage",
      attachments=[{"color": "2EB67D", "fallback": "Resolved", "title": "Resolved - Elevated errors", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "sac1-chiller-thermal", "colo-cooling-failure-thermal-shutdown",
    "The colocation provider's chiller CH-2 failed in a heat wave; inlet temperatures in sac1 rows C/D climbed, CPUs throttled and BMCs\n"
    "powered servers off, so sac1 served 503s until the sac1 pool was disabled on the global load balancer (logs in America/Los_Angeles local time).",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "SEL: inlet temp Upper Non-critical on sac1-c07-r12 (%s local)" % local(STARTED, TZ).strftime("%H:%M:%S"), "sel-rows-cd.txt", 60),
     (ALERT, "alert_fired", "IPMIInletTempHigh (warning) for sac1-c07-r12", "amtool-alerts-2216.json", 60),
     (PAGE_ALERT, "alert_fired", "SiteErrorRatioHigh sac1 (page)", "amtool-alerts-2216.json", 60),
     (PAGE, "paged", "PagerDuty #7731 triggered, Daniel notified", "pagerduty-7731.json", 60),
     (ACK, "acknowledged", "Daniel acknowledges", "pagerduty-7731.json", 60),
     (STATUS, "communication", "status page: elevated errors on the West Coast", "slack", 60),
     (DIAG, "diagnosis", "Daniel: it's heat, BMCs powering boxes off at the inlet threshold, not power", "slack", 60),
     (FAILOVER, "mitigation", "sac1-origins pool disabled on the www/api load balancer", "cf-audit.json", 60),
     (MITIGATED, "recovery", "last 503 from sac1; probes green", "edge/haproxy-sac1.log.gz", 60),
     (PAGE_OK, "alert_resolved", "SiteErrorRatioHigh resolved", "slack", 60),
     (REENABLE, "change", "sac1 pool re-enabled at weight 0.25 after the colo restores cooling", "cf-audit.json", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pagerduty-7731.json", 60)],
    [(BACKUP[-1], "backup-verify restore test fails every day at 15:00 local (22:00 UTC)", "messages"),
     (OTHER_DEPLOY, "search team deploys search-api 5.2.0 to dal1", "slack"),
     (T(D + "21:49:58"), "search team DNS record change for search-dal1", "cf-audit.json"),
     (T(D + "22:36:12"), "security team unpauses a WAF rule", "cf-audit.json"),
     (T(D + "22:12:00"), "ElasticsearchClusterYellow (observability) flapping", "slack"),
     (T("2026-09-02 18:40:00"), "silenced NodeFilesystemAlmostFull on a CI host", "amtool-alerts-2216.json"),
     (WRONG, "wrong hunch: PDU breaker trip", "slack"),
     (ROLLBACK_Q, "'should we roll back checkout 12.7.1?' question, not done", "slack"),
     (T(D + "22:30:00"), "steady sshd kex_exchange_identification errors and occasional 404/client aborts all window", "messages")],
    [("sel-rows-cd.txt", "logs", TZ), ("messages", "logs", TZ), ("edge/haproxy-sac1.log.gz", "logs", TZ),
     ("inlet_temps.json", "prometheus-query-range"), ("amtool-alerts-2216.json", "alertmanager-api-alerts"),
     ("pagerduty-7731.json", "pagerduty-log-entries"), ("cf-audit.json", "deploys"), ("slack", "slack-export")])
