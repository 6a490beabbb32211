"""heldout17/fernpost-depot-eap: a night-time MDM Wi-Fi profile change makes the depot handhelds validate the RADIUS server
against a CA the servers don't use yet; every handheld drops off depot Wi-Fi and drivers can't download route manifests
(Wi-Fi only) at the morning load until the profile is reverted."""
import random
from common import *

rng = random.Random(20260317)
inc = Incident("heldout17", "fernpost-depot-eap")
TZ = "Europe/Amsterdam"
D = "2026-03-17 "
W0, W1 = T(D + "02:30:00"), T(D + "09:00:00")
PURGE = [T("2026-03-%02d 04:40:%02d" % (d, 11 + d % 5)) for d in (15, 16, 17)]
PROFILE = T(D + "02:50:41")
STARTED = T(D + "02:53:40")
RADIUS_ALERT = T(D + "03:05:30")
PILOT_APP = T(D + "04:10:02")
ROUTES_READY = T(D + "04:55:10")
DRIVERS = T(D + "05:16:00")
TICKET1 = T(D + "05:38:12")
PAGE_ALERT = T(D + "05:47:30")
PAGE = T(D + "05:47:31")
ACK = T(D + "05:51:10")
WRONG = T(D + "05:56:30")
ROLLBACK_Q = T(D + "05:59:40")
COMMS = T(D + "06:02:00")
DIAG = T(D + "06:09:20")
CELL = T(D + "06:14:00")
REVERT = T(D + "06:21:40")
MITIGATED = T(D + "06:34:50")
RADIUS_OK = T(D + "06:41:30")
PAGE_OK = T(D + "06:45:30")
CELL_OFF = T(D + "07:20:00")
RESOLVED = T(D + "07:40:00")
SNAP = T(D + "06:05:12")

DEPOTS = {"UTR": "wlc-nl-01", "TIL": "wlc-nl-02", "ZWL": "wlc-nl-01", "EHV": "wlc-nl-02"}
devices = []
for dp in DEPOTS:
    for i in range(25):
        mac = "94-fb-29-%02x-%02x-%02x" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
        devices.append({"id": "TC58-%s-%04d" % (dp, 100 + i * 7), "depot": dp, "wlc": DEPOTS[dp], "mac": mac,
                        "bad_from": add(PROFILE, seconds=rng.uniform(190, 720)),
                        "ok_from": add(REVERT, seconds=rng.uniform(40, 720))})
devices[0]["bad_from"] = STARTED
devices[1]["ok_from"] = MITIGATED
devices.sort(key=lambda d: d["bad_from"])

def on_wifi(dev, t):
    return not (dev["bad_from"] <= t < dev["ok_from"])

# ---- FreeRADIUS radius.log (server local time, no offset)
rl = []
sess = [48100]
def RL(t, lvl, msg):
    lt = local(t, TZ)
    rl.append((t, "%s : %s: %s" % (lt.strftime("%a %b %d %H:%M:%S %Y").replace(" 0", "  ", 1) if lt.day < 10 else lt.strftime("%a %b %d %H:%M:%S %Y"), lvl, msg)))
for dev in devices:
    t = add(W0, seconds=rng.uniform(0, 1200))
    while t < W1:
        if dev["bad_from"] <= t < dev["ok_from"]:
            RL(t, "Auth", "(%s) Login incorrect (eap_peap: TLS Alert read:fatal:unknown CA): [anonymous] (from client %s port 0 cli %s)" % ("{n}", dev["wlc"], dev["mac"]))
            t = add(t, seconds=rng.uniform(480, 720))
            if t >= dev["ok_from"]:
                t = dev["ok_from"] if dev["ok_from"] == MITIGATED else add(dev["ok_from"], seconds=rng.uniform(2, 25))
        else:
            RL(t, "Auth", "(%s) Login OK: [host/%s.hh.fernpost.internal] (from client %s port 0 cli %s)" % ("{n}", dev["id"], dev["wlc"], dev["mac"]))
            nxt = add(t, seconds=1800 + rng.uniform(-20, 20))
            if t < dev["bad_from"] <= nxt:
                nxt = dev["bad_from"]
            t = nxt
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    RL(t, "Auth", "(%s) Login incorrect (mschap: MS-CHAP2-Response is incorrect): [FERNPOST\\j.visser] (from client wlc-nl-01 port 0 cli 3c-22-fb-%02x-%02x-11)" % ("{n}", rng.randint(0, 255), rng.randint(0, 255)))
for t in poisson_times(rng, W0, W1, 1 / 1500.0):
    RL(t, "Info", "Ignoring request to auth address * port 1812 bound to server default from unknown client 10.62.14.%d port %d proto udp" % (rng.randint(2, 250), rng.randint(40000, 60000)))
rl.sort(key=lambda x: x[0])
out = []
for _, l in rl:
    if "({n})" in l:
        sess[0] += 1
        l = l.replace("({n})", "(%d)" % sess[0])
    out.append(l)
inc.lines("radius/radius.log", out)

# ---- Workspace ONE UEM console events, filed as deploys
ce = []
def CE(t, user, cat, name, data, sev="Information"):
    ce.append({"EventId": 7712000 + len(ce), "EventTime": iso(t, ms=True) if t.microsecond else iso(t).replace("Z", ".000Z"),
               "Severity": sev, "User": user, "EventCategory": cat, "EventName": name, "EventData": data,
               "OrganizationGroup": "Fernpost NL / Depots", "Module": "Devices"})
CE(T("2026-03-16 14:02:11"), "b.jansen", "Application", "Application Assigned", "App 'Fernpost Driver' 7.3.0 assigned to smart group 'NL Depot Handhelds'")
CE(PROFILE, "s.devries", "Profile", "Profile Version Published",
   "Profile 'NL Depot Wi-Fi (PEAP)' version 14 published to smart group 'NL Depot Handhelds' (100 devices). Wi-Fi payload: Trusted Certificates = 'Fernpost Issuing CA 2'; Server Domain = radius.fernpost.internal")
CE(add(PROFILE, minutes=1), "system", "Profile", "Profile Install Queued", "Profile 'NL Depot Wi-Fi (PEAP)' v14 queued for 100 devices")
CE(PILOT_APP, "b.jansen", "Application", "Application Assigned", "App 'Fernpost Driver' 7.3.1 assigned to smart group 'Pilot Tilburg' (12 devices)")
CE(REVERT, "s.devries", "Profile", "Profile Version Published",
   "Profile 'NL Depot Wi-Fi (PEAP)' version 15 published to smart group 'NL Depot Handhelds' (100 devices). Wi-Fi payload: Trusted Certificates = 'Fernpost Issuing CA 1'; Server Domain = radius.fernpost.internal")
CE(add(REVERT, minutes=1), "system", "Profile", "Profile Install Queued", "Profile 'NL Depot Wi-Fi (PEAP)' v15 queued for 100 devices")
CE(T(D + "07:55:30"), "s.devries", "Device", "Device Query", "Device query sent to smart group 'NL Depot Handhelds'")
ce.sort(key=lambda e: e["EventTime"], reverse=True)
inc.json("mdm/events.json", {"Events": ce, "Page": 0, "PageSize": 500, "Total": len(ce)})

# ---- route-sync: zap production JSON (epoch seconds)
zl = []
def Z(t, level, caller, msg, **kw):
    o = {"level": level, "ts": round(epoch(t), 6), "caller": caller, "msg": msg}
    o.update(kw)
    zl.append((t, json.dumps(o, separators=(",", ":"))))
def want(dev):
    return add(DRIVERS, seconds=rng.uniform(0, 3600))
for dev in devices:
    t = want(dev)
    tries = 0
    while t < W1 and tries < 40:
        tries += 1
        rid = hexid(rng, 16)
        route = "R-%s-%03d" % (dev["depot"], rng.randint(1, 140))
        if on_wifi(dev, t):
            Z(t, "info", "manifest/handler.go:188", "manifest served", device=dev["id"], depot=dev["depot"], route=route,
              network="wifi", bytes=rng.randint(38_000_000, 61_000_000), duration_ms=rng.randint(9000, 26000), request_id=rid)
            break
        if t < CELL or t >= CELL_OFF:
            Z(t, "warn", "manifest/policy.go:61", "manifest download refused", device=dev["id"], depot=dev["depot"], route=route,
              network="cellular", policy="wifi_only", status=403, request_id=rid)
            t = add(t, seconds=rng.uniform(90, 200))
        elif rng.random() < 0.55:
            Z(t, "info", "manifest/handler.go:188", "manifest served", device=dev["id"], depot=dev["depot"], route=route,
              network="cellular", bytes=rng.randint(38_000_000, 61_000_000), duration_ms=rng.randint(60000, 115000), request_id=rid)
            break
        else:
            Z(add(t, seconds=120), "error", "manifest/handler.go:214", "manifest download aborted", device=dev["id"], depot=dev["depot"], route=route,
              network="cellular", error="write tcp 10.62.3.11:8443->%s: i/o timeout" % ("100.%d.%d.%d:%d" % (rng.randint(64, 127), rng.randint(0, 255), rng.randint(1, 254), rng.randint(30000, 60000))),
              bytes_sent=rng.randint(2_000_000, 30_000_000), request_id=rid)
            t = add(t, seconds=rng.uniform(150, 260))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    Z(t, "warn", "tiles/cache.go:97", "tile cache miss, fetching from origin", z=15, tiles=rng.randint(3, 40))
Z(add(PURGE[-1], seconds=-11), "info", "jobs/purge.go:40", "manifest purge started", older_than="72h")
Z(PURGE[-1], "error", "jobs/purge.go:77", "manifest purge failed", error="operation error S3: DeleteObjects, https response error StatusCode: 503, api error SlowDown: Please reduce your request rate.")
Z(ROUTES_READY, "info", "plans/watch.go:52", "route plans imported", plan_date="2026-03-17", routes=512, solver_finished="2026-03-17T04:54:31Z")
Z(CELL, "info", "config/reload.go:33", "config reloaded", key="manifest.download.network", value="any", previous="wifi_only", source="consul")
Z(CELL_OFF, "info", "config/reload.go:33", "config reloaded", key="manifest.download.network", value="wifi_only", previous="any", source="consul")
zl.sort(key=lambda x: x[0])
inc.lines("route-sync/app.log", [l for _, l in zl])

# ---- Prometheus query_range: radius rejects, wifi-connected handhelds, manifest downloads by result
def nbad(t):
    return sum(1 for d in devices if not on_wifi(d, t))
def rej(t):
    return round(nbad(t) / 600.0, 4) + (0.002 if rng.random() < 0.3 else 0.0)
def conn(t):
    return 100 - nbad(t)
inc.json("prom/q.json", query_range(
    [({"__name__": "freeradius_access_reject_rate5m", "instance": "radius-nl-1:9812", "job": "freeradius"}, rej),
     ({"__name__": "wlc_clients_associated", "ssid": "FP-DEPOT", "job": "wlc-exporter"}, conn)],
    W0, W1, 60), indent=None)

# ---- Alertmanager API v2 alerts snapshot (GET /api/v2/alerts at 06:05)
al = [amtool_alert("RadiusAuthRejectRatioHigh", {"severity": "warning", "team": "network", "instance": "radius-nl-1:9812"},
                   "RADIUS reject ratio 88% on radius-nl-1", RADIUS_ALERT, SNAP, receivers=("slack-network",)),
      amtool_alert("RouteManifestDownloadFailureHigh", {"severity": "page", "team": "routing", "service": "route-sync"},
                   "route-sync manifest failures 94% (5m)", PAGE_ALERT, SNAP, receivers=("pd-routing",)),
      amtool_alert("KubeJobFailed", {"severity": "warning", "team": "routing", "namespace": "routing", "job_name": "manifest-purge-29563960"},
                   "Job routing/manifest-purge failed to complete", add(PURGE[-1], minutes=1), SNAP, receivers=("slack-routing",)),
      amtool_alert("WlcApDown", {"severity": "warning", "team": "network", "ap": "ALM-DOCK-03"},
                   "AP ALM-DOCK-03 down", T(D + "01:12:40"), SNAP, receivers=("slack-network",), state="suppressed",
                   silenced_by=(uuid("silence-alm"),)),
      amtool_alert("GeocoderP99High", {"severity": "warning", "team": "addressing", "service": "geocoder"},
                   "geocoder p99 above 900ms", T(D + "05:58:00"), SNAP, receivers=("slack-addressing",)),
      amtool_alert("Watchdog", {"severity": "none"}, "Alerting pipeline heartbeat", T("2026-03-10 08:00:00"), SNAP, receivers=("null",))]
inc.json("am/alerts.json", al)

# ---- PagerDuty log entries
pd = PD(7781, "RouteManifestDownloadFailureHigh route-sync manifest failures", "route-sync", "PRTS001", "Routing Primary")
daan = PD.user("Daan Smit", "PDAANS1")
sven = PD.user("Sven de Vries", "PSVEND1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMRT01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Daan Smit by phone.", user=daan,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", daan, {"type": "mobile"}, "Acknowledged by Daan Smit.")
pd.add(T(D + "06:07:30"), "assign_log_entry", daan, {"type": "web_ui"}, "Assigned to Sven de Vries by Daan Smit.", assignees=[sven])
pd.add(T(D + "06:08:02"), "notify_log_entry", None, {"type": "auto"}, "Notified Sven de Vries by phone.", user=sven,
       notification={"type": "phone_notification", "status": "success"})
pd.add(PAGE_OK, "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", daan, {"type": "web_ui"}, "Resolved by Daan Smit.")
inc.json("pd/log_entries.json", pd.export())

# ---- ServiceNow incident table export (display values in the exporting user's zone, Europe/Amsterdam)
sn = []
def SN(t, depot, short, desc, cat="Hardware", sub="Handheld", prio="3 - Moderate", state="Resolved", closed=None):
    lt = local(t, TZ)
    n = "INC%07d" % (3310400 + len(sn) * 3)
    sn.append({"number": n, "sys_id": uid(n, 32), "opened_at": lt.strftime("%Y-%m-%d %H:%M:%S"),
               "sys_created_on": lt.strftime("%Y-%m-%d %H:%M:%S"), "short_description": short, "description": desc,
               "caller_id": "Depot manager %s" % depot, "location": "Depot %s" % depot, "category": cat, "subcategory": sub,
               "priority": prio, "state": state, "assignment_group": "Service Desk NL",
               "closed_at": local(closed, TZ).strftime("%Y-%m-%d %H:%M:%S") if closed else ""})
for t in poisson_times(rng, add(W0, hours=2), W1, 1 / 2400.0):
    SN(t, rng.choice(list(DEPOTS)), rng.choice(["Label printer jams", "Van scanner cradle not charging", "Driver forgot PIN for handheld", "Roll cage scale reads 0"]),
       "Reported by depot staff.", prio="4 - Low", closed=add(t, hours=3))
SN(TICKET1, "UTR", "Drivers can't download routes", "Handhelds say 'route download only on depot Wi-Fi' but they are in the depot. Wi-Fi icon shows no connection. 20+ drivers waiting.", prio="2 - High", closed=RESOLVED)
SN(T(D + "05:44:50"), "TIL", "No Wi-Fi on handhelds", "None of the TC58s connect to FP-DEPOT since this morning, routes won't load.", prio="2 - High", closed=RESOLVED)
SN(T(D + "05:52:03"), "EHV", "Routes not loading on scanners", "Vans can't leave, routes not on the devices.", prio="2 - High", closed=RESOLVED)
SN(T(D + "06:28:15"), "ZWL", "Handheld still no Wi-Fi", "2 devices still off Wi-Fi after the others came back.", prio="3 - Moderate", closed=T(D + "07:05:00"))
sn.sort(key=lambda r: r["opened_at"])
inc.json("snow/incident.json", {"result": sn})

# ---- Slack export
s = Slack()
for u, n, r in [("U5DAAN", "daan", "Daan Smit"), ("U5SVEN", "sven", "Sven de Vries"), ("U5BRAM", "bram", "Bram Jansen"),
                ("U5EVA", "eva", "Eva Mulder"), ("U5NOOR", "noor", "Noor Bakker"), ("U5IMKE", "imke", "Imke de Boer")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C5NET", "net-alerts", "network alerts"), ("C5RTA", "routing-alerts", "routing alerts"),
                  ("C5INC", "inc-route-downloads", "incident"), ("C5DEP", "depot-ops", "depot managers and ops"), ("C5MDM", "mdm-changes", "")]:
    s.channel(cid, n, p)
for p in PURGE:
    s.bot("routing-alerts", add(p, minutes=1, seconds=20), "B5AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job routing/manifest-purge failed to complete\nseverity: warning", color="warning"))
s.bot("net-alerts", add(RADIUS_ALERT, seconds=25), "B5AM", "alertmanager",
      attachments=am_slack_attachment("firing", "RadiusAuthRejectRatioHigh", "RADIUS reject ratio 71% on radius-nl-1\nseverity: warning", color="warning"))
s.bot("net-alerts", add(RADIUS_OK, seconds=25), "B5AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "RadiusAuthRejectRatioHigh", "RADIUS reject ratio back to normal"))
s.bot("routing-alerts", add(PAGE_ALERT, seconds=20), "B5AM", "alertmanager",
      attachments=am_slack_attachment("firing", "RouteManifestDownloadFailureHigh", "route-sync manifest failures 94% (5m)\nseverity: page"))
s.bot("routing-alerts", add(PAGE_OK, seconds=20), "B5AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "RouteManifestDownloadFailureHigh", "route-sync manifest failures back under 5%"))
s.say("mdm-changes", add(PROFILE, seconds=50), "U5SVEN", "depot Wi-Fi profile v14 out (trust Issuing CA 2 ahead of next week's RADIUS cert swap)")
s.say("mdm-changes", add(PILOT_APP, seconds=30), "U5BRAM", "Driver app 7.3.1 to Pilot Tilburg")
s.say("depot-ops", T(D + "05:36:40"), "U5NOOR", "Utrecht: nobody's handheld gets on the Wi-Fi, drivers can't load routes. logging a ticket")
ch = "inc-route-downloads"
s.say(ch, add(ACK, seconds=30), "U5DAAN", "acked. route-sync refuses manifests with policy wifi_only: the devices all ask over cellular")
s.say(ch, WRONG, "U5EVA", "the VRP solve finished late today (04:54 instead of ~04:30). maybe the manifests weren't ready when the devices first asked?")
s.say(ch, add(WRONG, seconds=60), "U5DAAN", "plans were imported at 04:55, well before drivers arrived. it's the network: refusals are all network=cellular")
s.say(ch, ROLLBACK_Q, "U5EVA", "should we roll back route-sync 3.8 from yesterday afternoon?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U5DAAN", "3.8 didn't touch the download policy. pulling in network")
s.say("depot-ops", COMMS, "U5IMKE", "BULLETIN: handhelds can't join depot Wi-Fi, route downloads failing in UTR/TIL/ZWL/EHV. Engineering on it. Hold vans, do not reboot devices.")
s.say(ch, DIAG, "U5SVEN", "found it. RADIUS rejects every handheld since 02:53 with 'TLS Alert read:fatal:unknown CA'. my Wi-Fi profile v14 last night made the devices trust only Issuing CA 2, the RADIUS servers still present the CA 1 cert. the swap is next week")
s.say(ch, add(DIAG, seconds=50), "U5DAAN", "flipping manifest.download.network to any so drivers can at least pull over LTE while Sven reverts")
s.say(ch, add(CELL, seconds=240), "U5DAAN", "LTE downloads: about half get through, the rest time out inside the halls (metal roofs)")
s.say(ch, add(REVERT, seconds=20), "U5SVEN", "profile v15 published (back to CA 1). devices pick it up over LTE and rejoin")
s.say(ch, T(D + "06:30:05"), "U5SVEN", "87 of 100 back on FP-DEPOT")
s.say(ch, add(MITIGATED, seconds=35), "U5SVEN", "last device accepted, zero unknown-CA rejects now")
s.say("depot-ops", T(D + "06:40:10"), "U5IMKE", "UPDATE: handhelds are back on Wi-Fi, routes downloading normally. Vans may leave.")
s.say(ch, add(CELL_OFF, seconds=15), "U5DAAN", "download policy back to wifi_only")
s.say(ch, add(RESOLVED, seconds=-40), "U5DAAN", "all vans out, resolving. follow-up: stage CA changes on a pilot group, profile changes outside the night window")
s.write(inc, "slack")

inc.truth(
    "fernpost-depot-eap", "mdm-wifi-profile-eap-trust-change-handhelds-offline",
    "A night-time Workspace ONE Wi-Fi profile (v14) made the depot handhelds trust only a CA the RADIUS servers don't use yet;\n"
    "every handheld dropped off depot Wi-Fi and drivers couldn't download route manifests at the morning load until v15 reverted it.",
    (W0, W1),
    dict(started=STARTED, detected=RADIUS_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PROFILE, "change", "Wi-Fi profile v14 published (trust Issuing CA 2 only)", "mdm/events.json", 60),
     (STARTED, "first_symptom", "first RADIUS Access-Reject 'unknown CA' from a handheld", "radius/radius.log", 60),
     (RADIUS_ALERT, "alert_fired", "RadiusAuthRejectRatioHigh warning (network team, unnoticed overnight)", "am/alerts.json", 60),
     (PAGE, "paged", "RouteManifestDownloadFailureHigh pages Daan (PagerDuty #7781)", "pd/log_entries.json", 60),
     (ACK, "acknowledged", "Daan acknowledges", "pd/log_entries.json", 60),
     (COMMS, "communication", "bulletin to depot managers", "slack", 90),
     (DIAG, "diagnosis", "Sven: profile v14 trusts only CA 2, RADIUS still presents the CA 1 cert", "slack", 90),
     (CELL, "mitigation", "manifest downloads allowed over cellular (only about half succeed)", "route-sync/app.log", 60),
     (REVERT, "mitigation", "Wi-Fi profile v15 published, restoring CA 1 trust", "mdm/events.json", 60),
     (MITIGATED, "recovery", "last handheld accepted; unknown-CA rejects stop", "radius/radius.log", 90),
     (RESOLVED, "resolved", "PagerDuty #7781 resolved", "pd/log_entries.json", 60)],
    [(PURGE[-1], "manifest-purge job fails every day at 04:40 (S3 SlowDown, KubeJobFailed)", "route-sync/app.log"),
     (PILOT_APP, "driver app 7.3.1 assigned to Pilot Tilburg by the apps team", "mdm/events.json"),
     (ROUTES_READY, "VRP route plans imported late (04:55), not the cause", "route-sync/app.log"),
     (T(D + "05:58:00"), "GeocoderP99High for the addressing team", "am/alerts.json"),
     (T(D + "01:12:40"), "silenced WlcApDown ALM-DOCK-03", "am/alerts.json"),
     (WRONG, "wrong hunch: late VRP solve", "slack"),
     (ROLLBACK_Q, "'should we roll back route-sync 3.8?' question, not done", "slack"),
     (CELL_OFF, "download policy back to wifi_only after recovery", "route-sync/app.log"),
     (T(D + "04:00:00"), "steady MS-CHAP failures from an office laptop and tile cache misses all window", "radius/radius.log")],
    [("radius/radius.log", "logs", TZ), ("mdm/events.json", "deploys"), ("route-sync/app.log", "logs"),
     ("prom/q.json", "prometheus-query-range"), ("am/alerts.json", "alertmanager-api-alerts"),
     ("pd/log_entries.json", "pagerduty-log-entries"), ("snow/incident.json", "logs", TZ), ("slack", "slack-export")])
