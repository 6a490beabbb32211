"""retired15/vireo-pdu-breaker-trip: during the colo's planned UPS-A maintenance every rack runs on its B feed; remote
hands power on two new servers in R12, PDU-B bank 2 goes past its breaker, four Cassandra nodes and two app servers go
dark and QUORUM reads/writes fail; the tech's reset trips again, read consistency ONE only partly helps, unplugging
the new servers and resetting the breaker ends it; resolved after the A feed is back."""
import random
from common import *

rng = random.Random(20260516)
inc = Incident("retired15", "vireo-pdu-breaker-trip")
LTZ = "Europe/Berlin"
D = "2026-05-16 "
W0, W1 = T(D + "06:30:00"), T(D + "11:30:00")

BACKUP_FAIL = [T("2026-05-%02d 06:45:%02d" % (d, 10 + d)) for d in (13, 14, 15, 16)]
MAINT_START = T(D + "07:00:00")
A_OFF = T(D + "07:03:20")
OTHER_DEPLOY = T(D + "07:20:14")
RH_START = T(D + "07:29:10")
NEW1_ON = T(D + "07:31:05")          # started: bank 2 near overload
NEW2_ON = T(D + "07:38:33")
TRIP = T(D + "07:38:41")
FIRST_ERR = T(D + "07:38:58")
C_ALERT = T(D + "07:40:05")          # detected (CassandraNodeDown, slack receiver)
PAGE = T(D + "07:40:21")
RESET1 = T(D + "07:52:30")
TRIP2 = T(D + "07:54:12")
ESCALATE = T(D + "07:55:21")
ACK = T(D + "07:58:40")
WRONG = T(D + "08:01:50")
ROLLBACK_Q = T(D + "08:03:10")
CL_ONE = T(D + "08:06:30")           # partial mitigation
DIAG = T(D + "08:11:40")
RH_REQ = T(D + "08:14:05")
STATUS = T(D + "08:09:00")
RESET2 = T(D + "08:19:42")           # mitigation
NODES_UP = [T(D + "08:23:10"), T(D + "08:23:52"), T(D + "08:24:19"), T(D + "08:24:38")]
MITIGATED = T(D + "08:24:45")
HD_OK = T(D + "08:22:40")
C_OK = T(D + "08:25:50")
API_OK = T(D + "08:27:30")
CL_BACK = T(D + "08:36:15")
A_ON = T(D + "10:41:55")
RESOLVED = T(D + "10:55:10")

KV = {"kv-r12-01": "10.20.12.11", "kv-r12-02": "10.20.12.12", "kv-r12-03": "10.20.12.13", "kv-r12-04": "10.20.12.14"}
APP = ["app-r12-01", "app-r12-02"]


def dark(t):
    return TRIP <= t < NODES_UP[-1]


def err_share(t, write):
    if not (FIRST_ERR <= t < MITIGATED):
        return 0.0
    if t >= CL_ONE and not write:
        return 0.02
    return 0.41


# ------------------------------------------------------------------ APC rack PDU event.txt (PDU-B, local time)
ev = []
def E(t, user, msg, code):
    lt = local(t, LTZ)
    ev.append((t, "%s\t%s\t%s\t%s\t%s" % (lt.strftime("%m/%d/%Y"), lt.strftime("%H:%M:%S"), user, msg, code)))
for d in (13, 14, 15, 16):
    E(T("2026-05-%02d 04:00:%02d" % (d, 7 + d)), "Device", "Network Time Protocol: time synchronized.", "0x0136")
    E(T("2026-05-%02d 05:12:41" % d), "snmp-ro", "SNMP: get request from 10.20.0.31 rejected, community mismatch.", "0x0011")
E(T("2026-05-14 13:40:02"), "apc", "Web: user 'apc' logged in from 10.20.0.44.", "0x0014")
E(T("2026-05-14 13:46:19"), "apc", "Web: user 'apc' logged out from 10.20.0.44.", "0x0015")
E(add(A_OFF, seconds=4), "Device", "Bank 2 load 11.8 A: low-load threshold cleared.", "0x01C4")
E(NEW1_ON, "Device", "Bank 2 near overload threshold violation. Bank 2 current 13.6 A, near overload threshold 12.8 A.", "0x01C5")
E(add(NEW1_ON, seconds=1), "Device", "Device load near overload threshold violation. Phase L1 current 25.1 A.", "0x01B5")
E(add(NEW2_ON, seconds=6), "Device", "Bank 2 overload threshold violation. Bank 2 current 16.9 A, overload threshold 16.0 A.", "0x01C7")
E(TRIP, "Device", "Bank 2 circuit breaker open. Bank 2 current 0.0 A.", "0x01D0")
E(add(TRIP, seconds=1), "Device", "Bank 2 near overload threshold violation cleared.", "0x01C6")
E(add(TRIP, seconds=1), "Device", "Device load near overload threshold violation cleared.", "0x01B6")
E(RESET1, "Device", "Bank 2 circuit breaker closed. Bank 2 current 14.9 A.", "0x01D1")
E(add(RESET1, seconds=1), "Device", "Bank 2 near overload threshold violation. Bank 2 current 14.9 A, near overload threshold 12.8 A.", "0x01C5")
E(add(TRIP2, seconds=-9), "Device", "Bank 2 overload threshold violation. Bank 2 current 17.4 A, overload threshold 16.0 A.", "0x01C7")
E(TRIP2, "Device", "Bank 2 circuit breaker open. Bank 2 current 0.0 A.", "0x01D0")
E(add(TRIP2, seconds=1), "Device", "Bank 2 near overload threshold violation cleared.", "0x01C6")
E(RESET2, "Device", "Bank 2 circuit breaker closed. Bank 2 current 12.2 A.", "0x01D1")
E(add(RESET2, seconds=40), "Device", "Bank 2 near overload threshold violation. Bank 2 current 13.1 A, near overload threshold 12.8 A.", "0x01C5")
E(add(RESET2, minutes=6), "Device", "Bank 2 near overload threshold violation cleared.", "0x01C6")
E(add(A_ON, seconds=3), "Device", "Bank 2 load 6.1 A: low-load threshold violation.", "0x01C3")
hdr = ["Schneider Electric\tNetwork Management Card AOS\tv6.9.6",
       "Name\tfra2-r12-pdu-b\tDate\t05/16/2026",
       "Contact\tdc-ops@vireo.example\tTime\t13:08:44",
       "Location\tFRA2 Hall 2 Cage 2.14 Rack R12\tUser\tapc",
       "Up Time\t211 Days 19 Hours 44 Minutes\tStat\tP+ N4+ N6+ A+",
       "", "Date\tTime\tUser\tEvent\tCode"]
inc.lines("fra2/r12-pdu-b-event.txt", hdr + [l for _, l in sorted(ev, key=lambda x: x[0])])

# ------------------------------------------------------------------ ipmitool sel elist of kv-r12-03 (BMC clock UTC)
sel = []
def SEL(t, sensor, event, direction="Asserted"):
    u = t.astimezone(UTC)
    sel.append((t, "%s | %s | %s | %s | %s" % (u.strftime("%m/%d/%Y"), u.strftime("%H:%M:%S"), sensor, event, direction)))
SEL(T("2026-03-02 11:20:07"), "Event Logging Disabled #0x72", "Log area reset/cleared")
SEL(T("2026-04-19 03:11:52"), "Memory #0x87", "Correctable ECC | DIMM B2")
SEL(T("2026-05-09 03:12:40"), "Memory #0x87", "Correctable ECC | DIMM B2")
SEL(A_OFF, "Power Supply #0x63", "Power Supply AC lost | PS1")
SEL(add(A_OFF, seconds=1), "Power Supply #0x6a", "Redundancy Lost")
SEL(add(RESET1, seconds=9), "Power Unit #0x01", "AC lost (power off/down)")
SEL(add(RESET1, seconds=9), "System Event #0x83", "Timestamp Clock Sync")
SEL(add(RESET1, seconds=10), "Power Supply #0x63", "Power Supply AC lost | PS1")
SEL(add(RESET2, seconds=9), "Power Unit #0x01", "AC lost (power off/down)")
SEL(add(RESET2, seconds=9), "System Event #0x83", "Timestamp Clock Sync")
SEL(add(RESET2, seconds=10), "Power Supply #0x63", "Power Supply AC lost | PS1")
SEL(add(RESET2, seconds=74), "System Boot Initiated #0x1d", "Initiated by power up")
SEL(add(RESET2, seconds=151), "OS Boot #0x0e", "C: boot completed")
SEL(add(A_ON, seconds=2), "Power Supply #0x63", "Power Supply AC lost | PS1", "Deasserted")
SEL(add(A_ON, seconds=3), "Power Supply #0x6a", "Fully Redundant")
sel.sort(key=lambda x: x[0])
inc.lines("bmc/kv-r12-03.sel.txt", ["%4x | %s" % (i + 1, l) for i, (_, l) in enumerate(sel)])

# ------------------------------------------------------------------ Cassandra system.log on kv-r13-01 (UTC)
cl = []
def C(t, lvl, th, src, msg):
    u = t.astimezone(UTC)
    cl.append((t, "%-5s [%s] %s,%03d %s - %s" % (lvl, th, u.strftime("%Y-%m-%d %H:%M:%S"), u.microsecond // 1000, src, msg)))
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    C(t, "WARN", "Native-Transport-Requests-%d" % rng.randint(1, 32), "BatchStatement.java:107",
      "Batch for [vireo.order_events] is of size 6.%dKiB, exceeding specified threshold of 5.000KiB by 1.%dKiB." % (rng.randint(0, 9), rng.randint(0, 9)))
for t in poisson_times(rng, W0, W1, 1 / 400.0):
    C(t, "INFO", "Service Thread", "GCInspector.java:294", "G1 Young Generation GC in %dms.  G1 Eden Space: %d -> 0" % (rng.randint(210, 390), rng.randint(2, 4) * 10**9))
C(T(D + "06:45:" + "%02d" % (10 + 16)), "ERROR", "MedusaBackup", "BackupTask.java:88", "snapshot upload for keyspace analytics failed: S3 PutObject 403 AccessDenied (bucket vireo-cass-backups)")
for i, (h, ip) in enumerate(KV.items()):
    C(add(TRIP, seconds=11 + i * 1.3), "INFO", "GossipStage:1", "Gossiper.java:1220", "InetAddress /%s:7000 is now DOWN" % ip)
C(add(TRIP, seconds=17), "WARN", "Native-Transport-Requests-7", "ReadCallback.java:144", "Unavailable: Cannot achieve consistency level QUORUM for keyspace vireo (required 2, alive 1)")
for t in poisson_times(rng, add(TRIP, seconds=20), NODES_UP[-1], 1 / 20.0):
    C(t, "INFO", "HintsWriteExecutor:1", "HintsStore.java:141", "Writing hints for /%s:7000 (%d hints in buffer)" % (rng.choice(list(KV.values())), rng.randint(2000, 90000)))
for i, (h, ip) in enumerate(KV.items()):
    C(NODES_UP[i], "INFO", "GossipStage:1", "Gossiper.java:1246", "InetAddress /%s:7000 is now UP" % ip)
    C(add(NODES_UP[i], seconds=2), "INFO", "HintsDispatcher:%d" % (i + 1), "HintsDispatchExecutor.java:283", "Dispatching hints to /%s:7000 (%d hints)" % (ip, rng.randint(400000, 900000)))
    C(add(NODES_UP[i], minutes=7, seconds=rng.randint(0, 50)), "INFO", "HintsDispatcher:%d" % (i + 1), "HintsDispatchExecutor.java:311", "Finished hinted handoff of file %s-%d-2.hints to endpoint /%s:7000" % (uuid(h), int(epoch(TRIP)) * 1000, ip))
inc.lines("cassandra/kv-r13-01-system.log", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ------------------------------------------------------------------ orders-api zap JSON (UTC, ISO8601)
al = []
def A(t, lvl, caller, msg, **kw):
    al.append((t, jline({"level": lvl, "ts": iso(t, ms=True), "caller": caller, "msg": msg, **kw})))
for t in poisson_times(rng, W0, W1, 0.9):
    write = rng.random() < 0.35
    pod = rng.choice(["app-r13-01", "app-r13-02", "app-r14-01", "app-r14-02"] + (APP if not dark(t) else []))
    if rng.random() < err_share(t, write):
        A(t, "error", "store/cassandra.go:211", "query failed", host=pod, op="insert" if write else "select",
          table=rng.choice(["carts", "orders", "order_lines"]) if write else rng.choice(["carts", "products_by_seller", "orders"]),
          error="Cannot achieve consistency level %s" % ("ONE" if (t >= CL_ONE and not write) else "QUORUM"), trace_id=hexid(rng, 32))
        A(add(t, seconds=0.002), "warn", "http/middleware.go:88", "request failed", host=pod, status=503,
          path=rng.choice(["/v2/cart", "/v2/checkout", "/v2/orders"]) if write else rng.choice(["/v2/cart", "/v2/orders/{id}", "/v2/seller/{id}/products"]),
          method="POST" if write else "GET", duration_ms=rng.randint(10, 40))
    elif rng.random() < 0.02:
        A(t, "warn", "http/middleware.go:91", "client went away", host=pod, error="context canceled",
          path="/v2/search", duration_ms=rng.randint(1500, 9000))
for h in APP:
    A(add(TRIP, seconds=-0.5), "info", "http/server.go:140", "request served", host=h, status=200, path="/v2/cart", duration_ms=7)
A(CL_ONE, "info", "config/watch.go:57", "config reloaded", key="cassandra/read_consistency", value="ONE", previous="QUORUM", source="consul", index=918273)
A(CL_BACK, "info", "config/watch.go:57", "config reloaded", key="cassandra/read_consistency", value="QUORUM", previous="ONE", source="consul", index=918311)
inc.lines("orders-api/orders-api.jsonl", [l for _, l in sorted(al, key=lambda x: x[0])])

# ------------------------------------------------------------------ colo customer-portal ticket export (filed as deploys)
def act(t, who, text):
    return {"timestamp": local(t, LTZ).isoformat(), "author": who, "text": text}
tickets = [
    {"number": "CHG-FRA2-2026-0412", "type": "Planned Maintenance", "site": "FRA2", "impact": "Loss of power redundancy (A feed)",
     "summary": "Hall 2 UPS-A annual maintenance: A-feed to all cages in hall 2 de-energised",
     "scheduled_start": local(MAINT_START, LTZ).isoformat(), "scheduled_end": local(T(D + "11:00:00"), LTZ).isoformat(),
     "status": "Completed", "created": local(T("2026-05-08 10:02:00"), LTZ).isoformat(),
     "activities": [act(T("2026-05-08 10:02:00"), "FRA2 NOC", "Notification sent to all hall 2 customers. Please make sure all equipment is dual-corded and each feed can carry the full rack load."),
                    act(MAINT_START, "FRA2 NOC", "Maintenance started."),
                    act(add(A_OFF, seconds=40), "FRA2 NOC", "UPS-A output isolated, hall 2 A-feed de-energised at 09:03."),
                    act(add(A_ON, seconds=30), "FRA2 NOC", "UPS-A maintenance complete, A-feed re-energised at 12:41."),
                    act(add(A_ON, minutes=9), "FRA2 NOC", "Maintenance completed.")]},
    {"number": "RH-FRA2-2026-118733", "type": "Remote Hands", "site": "FRA2", "impact": "",
     "summary": "Rack & stack 2x 2U servers in cage 2.14 R12 U31-U34, dual power to PDU-A/PDU-B, cable to leaf-r12a/b ports 31-34",
     "scheduled_start": local(T(D + "07:30:00"), LTZ).isoformat(), "scheduled_end": local(T(D + "09:30:00"), LTZ).isoformat(),
     "status": "Closed", "created": local(T("2026-05-11 15:41:00"), LTZ).isoformat(), "requested_by": "mira.hoffmann@vireo.example",
     "activities": [act(RH_START, "Tech M. Wolff", "Technician on site, cage 2.14. Starting installation."),
                    act(add(NEW1_ON, seconds=20), "Tech M. Wolff", "Server 1 (U31) racked, both cords connected, powered on. Note A-feed currently off (CHG-FRA2-2026-0412)."),
                    act(add(NEW2_ON, seconds=50), "Tech M. Wolff", "Server 2 (U33) racked and powered on. PDU-B R12 bank 2 breaker tripped at power-on, several servers in R12 lost power."),
                    act(T(D + "07:50:12"), "FRA2 NOC", "Called customer emergency contact +49 69 ... (J. Kruse) twice, no answer. Per standing instructions the technician will reset the breaker."),
                    act(add(RESET1, seconds=30), "Tech M. Wolff", "Breaker reset at 09:52."),
                    act(add(TRIP2, seconds=45), "Tech M. Wolff", "Breaker tripped again at 09:54 while servers were booting. Waiting for customer."),
                    act(RH_REQ, "mira.hoffmann@vireo.example", "Please unplug BOTH new servers (U31 and U33) from PDU-A and PDU-B, then reset bank 2 on R12 PDU-B. Do not power the new servers until the A feed is back."),
                    act(add(RESET2, seconds=25), "Tech M. Wolff", "New servers unplugged, bank 2 breaker reset at 10:19. R12 servers powering up."),
                    act(T(D + "11:02:00"), "Tech M. Wolff", "Customer confirmed A-feed is back; new servers connected A+B and powered on, PDU-B bank 2 at 8.4 A."),
                    act(T(D + "11:20:00"), "FRA2 NOC", "Ticket closed.")]},
    {"number": "CHG-FRA2-2026-0415", "type": "Planned Maintenance", "site": "FRA2", "impact": "None expected",
     "summary": "Hall 2 CRAC-3 filter replacement (N+1 cooling maintained)",
     "scheduled_start": local(T(D + "08:00:00"), LTZ).isoformat(), "scheduled_end": local(T(D + "09:00:00"), LTZ).isoformat(),
     "status": "Completed", "created": local(T("2026-05-08 10:05:00"), LTZ).isoformat(),
     "activities": [act(T(D + "08:02:00"), "FRA2 NOC", "Started. CRAC-3 offline, hot aisle temperatures monitored."),
                    act(T(D + "08:47:00"), "FRA2 NOC", "CRAC-3 back online, completed.")]},
]
inc.json("colo-portal/tickets.json", {"customer": "Vireo GmbH", "account": "FRA2-00871", "exported": local(T(D + "11:25:00"), LTZ).isoformat(), "tickets": tickets})

# ------------------------------------------------------------------ Alertmanager webhook archive (ndjson)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
for c in BACKUP_FAIL:
    a = am_alert("CassandraBackupFailed", {"severity": "warning", "team": "data", "keyspace": "analytics"},
                 "medusa backup of analytics failed", add(c, seconds=30))
    H(add(c, seconds=60), am_webhook("slack-data", [a]))
cl_lab = lambda ip: {"severity": "warning", "team": "data", "instance": ip + ":7199", "dc": "fra2"}
down = [am_alert("CassandraNodeDown", cl_lab(ip), "cassandra node %s is down" % ip, C_ALERT) for ip in KV.values()]
H(add(C_ALERT, seconds=10), am_webhook("slack-data", down))
H(add(C_OK, seconds=10), am_webhook("slack-data", [dict(a, status="resolved", endsAt=iso(C_OK)) for a in down]))
hosts = list(KV) + APP
hd = [am_alert("HostDown", {"severity": "critical", "team": "infra", "instance": h + ":9100", "rack": "R12"},
               "%s unreachable for 1m" % h, add(PAGE, seconds=-10)) for h in hosts]
H(add(PAGE, seconds=-1), am_webhook("pagerduty-infra", hd, group_by=("alertname", "rack")))
H(add(HD_OK, seconds=10), am_webhook("pagerduty-infra", [dict(a, status="resolved", endsAt=iso(HD_OK)) for a in hd], group_by=("alertname", "rack")))
api = am_alert("OrdersApi5xxHigh", {"severity": "warning", "team": "orders"}, "orders-api 5xx ratio 38%", T(D + "07:41:30"))
H(T(D + "07:41:40"), am_webhook("slack-orders", [api]))
H(add(API_OK, seconds=10), am_webhook("slack-orders", [dict(api, status="resolved", endsAt=iso(API_OK))]))
es = {"severity": "warning", "team": "logging", "cluster": "logs-fra2"}
for a, b in [("06:52:00", "07:05:30"), ("08:31:00", "08:44:00"), ("09:50:30", "10:02:00")]:
    x = am_alert("ElasticsearchHeapHigh", es, "logs-fra2 heap > 85%", T(D + a))
    H(add(T(D + a), seconds=10), am_webhook("slack-logging", [x]))
    H(add(T(D + b), seconds=10), am_webhook("slack-logging", [dict(x, status="resolved", endsAt=iso(T(D + b)))]))
inc.lines("alertmanager/webhooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ------------------------------------------------------------------ PagerDuty log entries
pd = PD(7713, "[FIRING:6] HostDown R12", "fra2-infrastructure", "PINF9F2", "Infra FRA2")
jonas = PD.user("Jonas Kruse", "PJKRUSE")
mira = PD.user("Mira Hoffmann", "PMHOFFM")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMFRA2", "summary": "Alertmanager fra2"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
for dt, how in [(1, "push notification"), (61, "SMS"), (301, "phone")]:
    pd.add(add(PAGE, seconds=dt), "notify_log_entry", None, None, "Notified Jonas Kruse by %s." % how, user=jonas)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, None, "Notified Mira Hoffmann by phone.", user=mira)
pd.add(ACK, "acknowledge_log_entry", mira, {"type": "phone"}, "Acknowledged by Mira Hoffmann.")
pd.add(add(HD_OK, seconds=11), "annotate_log_entry", None, {"type": "api", "summary": "All HostDown alerts resolved"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", mira, {"type": "web_ui"}, "Resolved by Mira Hoffmann.")
other = PD(7709, "CRACSupplyAirHigh hall2 (colo feed)", "fra2-facilities-feed", "PFAC2X1", "Infra FRA2")
other.add(T(D + "08:18:02"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "08:18:03"), "notify_log_entry", None, None, "Notified Mira Hoffmann by email.", user=mira)
other.add(T(D + "08:49:30"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pagerduty/log_entries.json", ex)

# ------------------------------------------------------------------ Slack export
s = Slack()
for u, n, r in [("U02MIRA", "mira", "Mira Hoffmann"), ("U02JONAS", "jonas", "Jonas Kruse"), ("U02TIM", "tim", "Tim Becker"),
                ("U02ANA", "ana", "Ana Petrovic"), ("U02LEO", "leo", "Leo Schmitt")]:
    s.user(u, n, r, "Europe/Berlin")
for cid, n, p in [("C02INC", "incident-fra2", "incidents"), ("C02DC", "dc-ops", "datacentre operations"),
                  ("C02DEP", "deploys", "deploy bot"), ("C02ORD", "orders-team", "orders")]:
    s.channel(cid, n, p)
s.say("dc-ops", T("2026-05-08 10:20:00"), "U02MIRA", "FYI colo UPS-A maintenance in hall 2 Sat 16th 09:00-13:00, A feed off, everything on B. remote hands for the two new R12 boxes is booked the same morning (RH-118733)")
s.say("dc-ops", add(MAINT_START, seconds=90), "U02JONAS", "colo maintenance started, silenced PSU redundancy alerts for hall 2 until 13:30")
s.bot("deploys", OTHER_DEPLOY, "B02ARGO", "argocd", blocks=pd_slack_blocks("*search-indexer* synced to `v5.2.1` (prod-fra2) by ana"))
s.bot("deploys", T(D + "09:40:12"), "B02ARGO", "argocd", blocks=pd_slack_blocks("*notifications* synced to `v1.19.0` (prod-fra2) by leo"))
ch = "incident-fra2"
s.say(ch, add(ACK, seconds=50), "U02MIRA", "acked after escalation (Jonas didn't pick up). 6 hosts in R12 down: kv-r12-01..04 + app-r12-01/02. orders-api throwing QUORUM unavailable")
s.say(ch, add(ACK, seconds=95), "U02TIM", "carts and checkout failing for ~40% of requests since 09:39")
s.say(ch, WRONG, "U02TIM", "search-indexer went out at 09:20, could the reindex have knocked the cassandra nodes over?")
s.say(ch, ROLLBACK_Q, "U02TIM", "should we roll back search-indexer?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U02ANA", "indexer only reads from a replica of postgres, never touches cassandra")
s.say(ch, add(CL_ONE, seconds=-50), "U02MIRA", "switching orders-api reads to consistency ONE in consul so at least browsing and cart reads work")
s.say(ch, add(CL_ONE, seconds=80), "U02TIM", "reads OK now, writes (add to cart, checkout) still failing")
s.say(ch, STATUS, "U02LEO", "statuspage: 'Adding to cart and checkout are failing for many customers. We are working on it.'")
s.say(ch, DIAG, "U02MIRA", "it's power: R12 PDU-B bank 2 breaker tripped at 09:38. A feed is off for the colo's UPS-A maintenance, so everything runs on B, and the two new servers remote hands powered on pushed bank 2 past 16A. Their reset at 09:52 tripped again because the new boxes are still plugged in")
s.say(ch, add(DIAG, seconds=60), "U02MIRA", "and all 9 cassandra nodes are in rack1 in cassandra-rackdc.properties, so 4 down in one rack loses quorum for a lot of ranges. follow-up")
s.say(ch, add(RH_REQ, seconds=20), "U02MIRA", "asked remote hands (RH-118733) to unplug both new servers and reset the breaker")
s.say(ch, add(RESET2, seconds=50), "U02MIRA", "breaker reset 10:19, hosts booting")
s.say(ch, add(MITIGATED, seconds=45), "U02TIM", "all four kv nodes UP, no QUORUM errors since 10:24:45, checkout works")
s.say(ch, add(CL_BACK, seconds=20), "U02MIRA", "read consistency back to QUORUM, hints replaying")
s.say(ch, add(A_ON, minutes=3), "U02MIRA", "colo says A feed back at 12:41, PSUs redundant again")
s.say(ch, add(RESOLVED, seconds=-60), "U02MIRA", "resolving. new servers stay powered on with both feeds now; postmortem Monday (power budget per bank with one feed down, rack awareness)")
s.say("orders-team", T(D + "09:12:00"), "U02LEO", "anyone seen the medusa backup alert again? still 403 every morning")
s.write(inc, "slack")

inc.truth(
    "vireo-pdu-breaker-trip", "colo-maintenance-single-feed-remote-hands-breaker-trip",
    "During the colo's UPS-A maintenance all racks ran on the B feed; two new servers powered on by remote hands tripped R12 PDU-B's\n"
    "bank 2 breaker, four Cassandra nodes and two app hosts went dark and QUORUM failed until the new servers were unplugged and the breaker reset.",
    (W0, W1),
    dict(started=NEW1_ON, detected=C_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(A_OFF, "change", "colo UPS-A maintenance: hall 2 A feed de-energised, all racks on B", "colo-portal/tickets.json", 120),
     (NEW1_ON, "first_symptom", "remote hands power on new server 1; R12 PDU-B bank 2 near overload", "fra2/r12-pdu-b-event.txt", 60),
     (TRIP, "first_symptom", "PDU-B bank 2 breaker open; kv-r12-01..04 and app-r12-01/02 lose power", "fra2/r12-pdu-b-event.txt", 60),
     (C_ALERT, "alert_fired", "CassandraNodeDown for four nodes", "alertmanager/webhooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7713 HostDown R12 triggered", "pagerduty/log_entries.json", 60),
     (ACK, "acknowledged", "Mira acknowledges after escalation by timeout", "pagerduty/log_entries.json", 60),
     (CL_ONE, "mitigation", "orders-api read consistency set to ONE (reads recover, writes still fail)", "orders-api/orders-api.jsonl", 60),
     (DIAG, "diagnosis", "Mira: PDU-B bank 2 breaker tripped, A feed off for maintenance, new servers pushed bank 2 past 16A", "slack", 90),
     (RESET2, "mitigation", "new servers unplugged, bank 2 breaker reset", "fra2/r12-pdu-b-event.txt", 60),
     (MITIGATED, "recovery", "last Cassandra node UP, QUORUM errors stop", "orders-api/orders-api.jsonl", 90),
     (HD_OK, "alert_resolved", "HostDown R12 resolved", "alertmanager/webhooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #7713 resolved after the A feed is back", "pagerduty/log_entries.json", 60)],
    [(BACKUP_FAIL[-1], "daily medusa backup of analytics fails with S3 403, every morning", "alertmanager/webhooks.ndjson"),
     (OTHER_DEPLOY, "search team syncs search-indexer v5.2.1", "slack"),
     (T(D + "06:52:00"), "ElasticsearchHeapHigh for the logging team, flapping", "alertmanager/webhooks.ndjson"),
     (T(D + "08:18:02"), "CRAC supply air PagerDuty incident during the colo's CRAC-3 filter change", "pagerduty/log_entries.json"),
     (WRONG, "wrong hunch: search-indexer reindex knocked Cassandra over", "slack"),
     (ROLLBACK_Q, "'should we roll back search-indexer?' question, not done", "slack"),
     (RESET1, "colo technician's first breaker reset, tripped again at 07:54", "fra2/r12-pdu-b-event.txt"),
     (T(D + "09:00:00"), "steady Cassandra batch-size warnings and client context-canceled warnings", "cassandra/kv-r13-01-system.log")],
    [("fra2/r12-pdu-b-event.txt", "logs", LTZ), ("bmc/kv-r12-03.sel.txt", "logs"), ("cassandra/kv-r13-01-system.log", "logs"),
     ("orders-api/orders-api.jsonl", "logs"), ("colo-portal/tickets.json", "deploys"), ("alertmanager/webhooks.ndjson", "alertmanager-webhook"),
     ("pagerduty/log_entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
