"""heldout17/fernpost-sortplan-reject: a sort-plan publication moves 13 postcode ranges to a new depot that has no chute at
hub KSF1; the night sort rejects those parcels as NO_DESTINATION, the reject chute fills and the sorter recirculates until
the plan is republished with a chute for the new depot."""
import random
from common import *

rng = random.Random(20261208)
inc = Incident("heldout17", "fernpost-sortplan-reject")
TZ = "Europe/Berlin"
D = "2026-12-08 "
W0, W1 = T(D + "16:30:00"), T(D + "20:00:00")
ARCH = [T("2026-12-%02d 16:30:%02d" % (d, 3 + d)) for d in (6, 7, 8)]
PUB = T(D + "16:41:30")
LOAD = T(D + "16:45:10")
INDUCT = T(D + "17:00:00")
STARTED = T(D + "17:01:48")
WARN_ALERT = T(D + "17:14:30")
WRONG = T(D + "17:19:40")
OTHER_PUB = T(D + "17:20:05")
FULL = T(D + "17:38:20")
PAGE_ALERT = T(D + "17:40:50")
PAGE = T(D + "17:41:05")
ACK = T(D + "17:44:30")
OVERFLOW = T(D + "17:51:00")
R01_OK = T(D + "17:52:40")
CHUTEFULL_OK = T(D + "17:53:30")
ROLLBACK_Q = T(D + "17:55:20")
DIAG = T(D + "17:58:40")
REPUB = T(D + "18:06:30")
LOAD2 = T(D + "18:08:04")
MITIGATED = T(D + "18:08:12")
COMMS = T(D + "18:15:40")
REJ_OK = T(D + "18:18:30")
RESOLVED = T(D + "19:22:00")
INDUCT_END = T(D + "19:40:00")

BAD_PCS = ["370%02d" % n for n in range(73, 86)]
GOOD_PCS = ["34117", "34131", "34225", "34346", "36037", "36251", "37154", "37213", "35037", "35390", "99084", "37520", "37412"]

# ---- sorter controller log (vendor format, hub local time, no offset)
sl = []
def SL(t, lvl, comp, msg):
    lt = local(t, TZ)
    sl.append((t, "%s.%03d [SRT01] %-5s %-10s - %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, comp, msg)))
def barcode():
    return "00340434%012d" % rng.randint(10**11, 10**12 - 1)
plan = "SP-2026-49a"
for t in frange(W0, INDUCT, 300):
    SL(t, "INFO", "Supervisor", "HEARTBEAT state=IDLE plan=%s" % ("SP-2026-49b" if t >= LOAD else "SP-2026-49a"))
SL(add(LOAD, seconds=2), "INFO", "PlanMgr", "PLAN SP-2026-49b RECEIVED destinations=1812 chutes=128 (pending, activates at next induction start)")
SL(INDUCT, "INFO", "Supervisor", "INDUCTION START lines=4 plan=SP-2026-49b")
SL(INDUCT, "INFO", "PlanMgr", "PLAN SP-2026-49b ACTIVATED")
chute_full = False
for t in poisson_times(rng, INDUCT, INDUCT_END, 2.4 / 60):
    SL(t, "WARN", "SortLogic", "ITEM %s SCAN=NOREAD RESULT=REJECT CHUTE=%s REASON=NOREAD" % (barcode(), "R02" if OVERFLOW <= t < R01_OK else "R01"))
for t in poisson_times(rng, STARTED, MITIGATED, 11.0 / 60) + [STARTED]:
    pc = rng.choice(BAD_PCS)
    if FULL <= t < OVERFLOW:
        SL(t, "WARN", "SortLogic", "ITEM %s SCAN=OK DEST=%s PLAN=SP-2026-49b RESULT=RECIRC REASON=REJECT_CHUTE_FULL" % (barcode(), pc))
    else:
        SL(t, "WARN", "SortLogic", "ITEM %s SCAN=OK DEST=%s PLAN=SP-2026-49b RESULT=REJECT CHUTE=%s REASON=NO_DESTINATION" % (
            barcode(), pc, "R02" if t >= OVERFLOW else "R01"))
for t in poisson_times(rng, INDUCT, INDUCT_END, 1 / 240.0):
    SL(t, "WARN", "Dimensioner", "DIM01 measurement timeout item=%s, using declared dimensions" % barcode())
def perm(t):
    if t < INDUCT or t >= INDUCT_END:
        return None
    ind = rng.randint(190, 212)
    if FULL <= t < OVERFLOW:
        ind = rng.randint(120, 150)
    noread = rng.randint(1, 4)
    nodest = rng.randint(8, 14) if STARTED <= t < MITIGATED else 0
    recirc = nodest + rng.randint(10, 30) if FULL <= t < OVERFLOW else rng.randint(0, 2)
    return ind, noread, nodest, recirc
stats = []
for t in frange(add(INDUCT, seconds=60), add(INDUCT_END, seconds=-1), 60):
    ind, nr, nd, rc = perm(t)
    stats.append((t, ind, nr, nd, rc))
    SL(t, "INFO", "Stats", "STAT 1m inducted=%d sorted=%d rejected=%d recirc=%d rate_pph=%d" % (ind, ind - nr - nd, nr + (0 if FULL <= t < OVERFLOW else nd), rc, ind * 60))
SL(FULL, "ERROR", "ChuteMgr", "CHUTE R01 STATE=FULL photoeye=PE-R01-3 blocked>5s, reject items will recirculate")
for t in frange(add(FULL, seconds=30), OVERFLOW, 60):
    SL(t, "WARN", "ChuteMgr", "CHUTE R01 STATE=FULL recirc_loop_load=%d%%" % rng.randint(71, 88))
SL(OVERFLOW, "INFO", "ChuteMgr", "CHUTE R02 MODE NORMAL->REJECT_OVERFLOW user=hmueller terminal=HMI-2")
SL(R01_OK, "INFO", "ChuteMgr", "CHUTE R01 STATE=OK (cleared)")
SL(LOAD2, "INFO", "PlanMgr", "PLAN SP-2026-49c RECEIVED destinations=1813 chutes=128 hot-swap requested by sortplan-sync")
SL(MITIGATED, "INFO", "PlanMgr", "PLAN SP-2026-49c ACTIVATED (hot swap, induction not stopped)")
SL(T(D + "18:21:10"), "INFO", "ChuteMgr", "CHUTE R02 MODE REJECT_OVERFLOW->NORMAL user=hmueller terminal=HMI-2")
SL(T(D + "18:24:00"), "INFO", "Supervisor", "MANUAL INDUCTION line=4 operator=re-induct batch=REJ-0812-1")
SL(T(D + "18:58:30"), "INFO", "Supervisor", "MANUAL INDUCTION line=4 finished batch=REJ-0812-1 items=702")
SL(INDUCT_END, "INFO", "Supervisor", "INDUCTION STOP lines=4")
sl.sort(key=lambda x: x[0])
inc.lines("srt01/controller.log", [l for _, l in sl])

# ---- OpenMetrics scrape dump of the sorter exporter (cumulative counters)
ind_c = nr_c = nd_c = rc_c = 0
pts_i, pts_nr, pts_nd, pts_rc, pts_r01, pts_r02 = [], [], [], [], [], []
smap = {t: (i, a, b, c) for t, i, a, b, c in stats}
fill = 0.12
for t in frange(W0, W1, 60):
    if t in smap:
        i, a, b, c = smap[t]
        ind_c += i; nr_c += a; nd_c += b; rc_c += c
        if t < FULL:
            fill = min(1.0, fill + (a + b) / 160.0 - (0.05 if t.minute % 20 == 0 else 0))
        elif t < R01_OK:
            fill = 1.0
        else:
            fill = 0.15 + rng.random() * 0.1
    pts_i.append((t, ind_c)); pts_nr.append((t, nr_c)); pts_nd.append((t, nd_c)); pts_rc.append((t, rc_c))
    pts_r01.append((t, round(fill, 3)))
    pts_r02.append((t, round(0.5 + 0.4 * min(1.0, (t - OVERFLOW).total_seconds() / 1800.0), 3) if OVERFLOW <= t < T(D + "18:21:10") else 0.08))
L = {"hub": "KSF1", "sorter": "SRT01"}
inc.write("metrics/srt01.om", openmetrics([
    ("sorter_items_inducted", "counter", "Items inducted onto the sorter.", [(L, pts_i)]),
    ("sorter_items_rejected", "counter", "Items sent to a reject chute, by reason.",
     [({**L, "reason": "NOREAD"}, pts_nr), ({**L, "reason": "NO_DESTINATION"}, pts_nd)]),
    ("sorter_items_recirculated", "counter", "Items that went round the loop again.", [(L, pts_rc)]),
    ("sorter_chute_fill_ratio", "gauge", "Chute fill estimate from photo-eyes.", [({**L, "chute": "R01"}, pts_r01), ({**L, "chute": "R02"}, pts_r02)])]))

# ---- sortplan-sync journal (journalctl -o export), reaching back two days
jr = []
boot = hexid(rng, 32)
def JR(t, ident, pid, prio, msg, unit="sortplan-sync.service"):
    us = int(round(epoch(t) * 1e6))
    jr.append((t, "\n".join([
        "__CURSOR=s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (hexid(rng, 32), 0x1a000 + len(jr), boot, us % 10**10, us, hexid(rng, 16)),
        "__REALTIME_TIMESTAMP=%d" % us, "__MONOTONIC_TIMESTAMP=%d" % (us - 1764800000000000), "_BOOT_ID=%s" % boot,
        "PRIORITY=%d" % prio, "_TRANSPORT=stdout", "SYSLOG_FACILITY=3", "_HOSTNAME=ksf1-sps01", "_SYSTEMD_UNIT=%s" % unit,
        "SYSLOG_IDENTIFIER=%s" % ident, "_PID=%d" % pid, "MESSAGE=%s" % msg]) + "\n"))
for t in frange(T("2026-12-06 16:00:00"), W1, 600):
    if abs((t - LOAD).total_seconds()) >= 300 and abs((t - LOAD2).total_seconds()) >= 300:
        JR(add(t, seconds=7), "sortplan-sync", 2211, 6, "poll planning-api hub=KSF1: active=%s, no new publication" % ("SP-2026-49c" if t > LOAD2 else "SP-2026-49b" if t > LOAD else "SP-2026-49a"))
for a in ARCH:
    JR(a, "plan-archive", 40000 + a.day * 13, 6, "archiving plans older than 14 days to //nas-ksf1/planarchive", unit="plan-archive.service")
    JR(add(a, seconds=1), "kernel", 0, 3, "CIFS: VFS: \\\\nas-ksf1 Send error in SessSetup = -13", unit="plan-archive.service")
    JR(add(a, seconds=1.2), "plan-archive", 40000 + a.day * 13, 3, "mount error(13): Permission denied", unit="plan-archive.service")
    JR(add(a, seconds=1.3), "systemd", 1, 3, "plan-archive.service: Main process exited, code=exited, status=32/n/a", unit="plan-archive.service")
    JR(add(a, seconds=1.3), "systemd", 1, 4, "plan-archive.service: Failed with result 'exit-code'.", unit="plan-archive.service")
JR(LOAD, "sortplan-sync", 2211, 6, "poll planning-api hub=KSF1: new publication SP-2026-49b (published 2026-12-08T16:41:30Z by r.okafor)")
JR(add(LOAD, seconds=0.4), "sortplan-sync", 2211, 4, "validate SP-2026-49b: 13 postcode ranges (37073-37085) route to depot 34 GOE2 which has no chute assignment at KSF1; items will be rejected NO_DESTINATION")
JR(add(LOAD, seconds=0.5), "sortplan-sync", 2211, 4, "validate SP-2026-49b: 1 warning(s), 0 error(s); loading (strict_validation=false)")
JR(add(LOAD, seconds=1.9), "sortplan-sync", 2211, 6, "pushed SP-2026-49b to SRT01, activation at next induction start")
JR(add(LOAD2, seconds=-1.6), "sortplan-sync", 2211, 6, "poll planning-api hub=KSF1: new publication SP-2026-49c (published 2026-12-08T18:06:30Z by r.okafor)")
JR(add(LOAD2, seconds=-1.2), "sortplan-sync", 2211, 6, "validate SP-2026-49c: 0 warning(s), 0 error(s)")
JR(LOAD2, "sortplan-sync", 2211, 6, "pushed SP-2026-49c to SRT01 with hot_swap=true (requested by l.brandes)")
jr.sort(key=lambda x: x[0])
inc.write("sps01/journal.export", "\n".join(l for _, l in jr))

# ---- planning tool: publication history (CSV), filed as deploys
rows = [("SP-2026-49a", "KSF1", "2026-12-01T09:12:44Z", "r.okafor", "active->superseded", "weekly plan wk49"),
        ("SP-2026-49a", "DUS1", "2026-12-01T09:20:02Z", "m.yilmaz", "active->superseded", "weekly plan wk49"),
        ("SP-2026-49b", "KSF1", iso(PUB), "r.okafor", "active->superseded", "depot 34 GOE2 opens 2026-12-09: move 37073-37085 from depot 31 GOE1"),
        ("SP-2026-49b", "DUS1", iso(OTHER_PUB), "m.yilmaz", "active", "peak: extra chute for depot 47 returns"),
        ("SP-2026-49c", "KSF1", iso(REPUB), "r.okafor", "active", "hotfix: chute 112 for depot 34 GOE2 (shared with GOE1 linehaul)")]
inc.write("planning/publications.csv", "publication_id,hub,published_at,published_by,status,comment\n" +
          "".join(",".join('"%s"' % x if "," in x else x for x in r) + "\n" for r in rows))

# ---- PagerDuty v2 webhook deliveries (ndjson)
pd = PD(51230, "SorterChuteFull KSF1 SRT01 reject chute R01 full", "hub-ksf1-sorter", "PKSF1S1", "Hub Systems")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMHUB1", "summary": "Alertmanager hubs"}
lena = PD.user("Lena Brandes", "PLENAB1")
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Lena Brandes by push notification.", user=lena)
pd.add(ACK, "acknowledge_log_entry", lena, {"type": "mobile"}, "Acknowledged by Lena Brandes.")
pd.add(add(CHUTEFULL_OK, seconds=5), "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager; incident kept open"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", lena, {"type": "web_ui"}, "Resolved by Lena Brandes.")
bodies = pd_webhook_v2_bodies(pd, 51230, "SorterChuteFull KSF1 SRT01 reject chute R01 full", PAGE)
inc.lines("pd/deliveries.ndjson", [jline(b) for b in bodies])

# ---- Slack export (alerts only as Alertmanager posts)
s = Slack()
for u, n, r in [("U9HMUE", "hmueller", "Hannes Müller"), ("U9LENA", "lena.b", "Lena Brandes"), ("U9ROKA", "r.okafor", "Rita Okafor"),
                ("U9MYIL", "m.yilmaz", "Mert Yilmaz"), ("U9KAT", "katja", "Katja Seidel"), ("U9NET", "piotr", "Piotr Nowak")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C9OPS", "hub-ksf1-ops", "KSF1 hub shift + alerts"), ("C9INC", "inc-ksf1-sorter", "incident"),
                  ("C9PLN", "network-planning", "sort plan publications"), ("C9NET", "hub-network", "hub LAN/Wi-Fi alerts")]:
    s.channel(cid, n, p)
def AM(ch, t, st, name, txt, color=None):
    s.bot(ch, t, "B9AM", "alertmanager", attachments=am_slack_attachment(st, name, txt, color=color))
for a in ARCH:
    AM("hub-ksf1-ops", add(a, minutes=1, seconds=10), "firing", "PlanArchiveFailed", "plan-archive.service failed on ksf1-sps01\nseverity: ticket", color="warning")
AM("hub-ksf1-ops", add(WARN_ALERT, seconds=20), "firing", "SorterRejectRateHigh", "SRT01 reject rate 6.4% (>4% for 10m)\nseverity: warning", color="warning")
AM("hub-ksf1-ops", add(PAGE_ALERT, seconds=15), "firing", "SorterChuteFull", "SRT01 reject chute R01 full, items recirculating\nseverity: page")
AM("hub-ksf1-ops", add(CHUTEFULL_OK, seconds=15), "resolved", "SorterChuteFull", "SRT01 reject chute R01 full")
AM("hub-ksf1-ops", add(REJ_OK, seconds=20), "resolved", "SorterRejectRateHigh", "SRT01 reject rate back under 4%")
for a_, b_ in [("16:52:10", "16:55:40"), ("17:33:05", "17:36:15"), ("18:47:50", "18:52:20"), ("19:31:00", "19:33:30")]:
    AM("hub-network", T(D + a_), "firing", "HubWiFiApDown", "ap KSF1-DOCK-07 not reporting\nseverity: warning", color="warning")
    AM("hub-network", T(D + b_), "resolved", "HubWiFiApDown", "ap KSF1-DOCK-07 reporting again")
AM("hub-ksf1-ops", T(D + "18:31:40"), "firing", "LabelPrinterOffline", "ksf1-lp-14 offline 10m\nseverity: warning", color="warning")
AM("hub-ksf1-ops", T(D + "18:44:10"), "resolved", "LabelPrinterOffline", "ksf1-lp-14 online")
s.say("network-planning", add(PUB, seconds=40), "U9ROKA", "published SP-2026-49b for KSF1: GOE2 (depot 34) opens tomorrow, 37073-37085 move over from GOE1")
s.say("network-planning", add(OTHER_PUB, seconds=30), "U9MYIL", "DUS1 SP-2026-49b out, extra returns chute for depot 47")
ch = "hub-ksf1-ops"
s.say(ch, WRONG, "U9HMUE", "reject rate up since induction start. probably the tunnel camera again, sending Katja to clean the top scanner")
s.say(ch, T(D + "17:27:30"), "U9KAT", "tunnel 1 cameras cleaned, lenses were ok tbh")
s.say(ch, T(D + "17:39:10"), "U9HMUE", "R01 is full and the loop is filling with recircs, we're emptying it by hand")
ch = "inc-ksf1-sorter"
s.say(ch, add(ACK, seconds=45), "U9LENA", "acked SorterChuteFull. R01 full, recirc load ~80%. what's in the reject chute?")
s.say(ch, T(D + "17:47:50"), "U9HMUE", "lots of parcels with good labels, not NOREADs. all for Göttingen as far as I can see")
s.say(ch, add(OVERFLOW, seconds=30), "U9HMUE", "switched R02 to reject overflow so the loop clears. parcels still not getting to their chutes though")
s.say(ch, ROLLBACK_Q, "U9HMUE", "should we roll back to plan 49a?")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U9LENA", "49a sends them to GOE1 chute, which is fine tonight but GOE1 stops serving those postcodes tomorrow. checking the plan first")
s.say(ch, DIAG, "U9LENA", "it's the new sort plan: every reject is NO_DESTINATION for 37073-37085, which 49b moved to depot 34 GOE2, and GOE2 has no chute at KSF1. sortplan-sync even warned at 16:45 and loaded it anyway (strict_validation=false)")
s.say(ch, add(DIAG, seconds=70), "U9ROKA", "my bad, GOE2 chute assignment was in a separate change I hadn't published. publishing 49c with chute 112 (same linehaul as GOE1)")
s.say(ch, add(REPUB, seconds=25), "U9ROKA", "49c published")
s.say(ch, add(MITIGATED, seconds=40), "U9LENA", "hot-swapped 49c on SRT01, Göttingen parcels going to 112 now, rejects back to NOREADs only")
s.say(ch, COMMS, "U9LENA", "notice to GOE1/GOE2 depot managers + customer service: ~700 parcels rejected 18:00-19:08 local are being re-inducted; GOE linehaul held to 20:05 local, some may miss it and be a day late")
s.say(ch, T(D + "18:59:10"), "U9HMUE", "re-induction done, 702 items. GOE trailer closing")
s.say(ch, T(D + "19:12:40"), "U9HMUE", "GOE linehaul departed 20:11 local, 38 parcels left for tomorrow")
s.say(ch, add(RESOLVED, seconds=-30), "U9LENA", "resolving. follow-up: strict_validation=true on all hubs")
s.write(inc, "slack-export")

inc.truth(
    "fernpost-sortplan-reject", "sort-plan-publication-unmapped-destination-reject-chute-overflow",
    "Sort plan SP-2026-49b moved 13 postcode ranges to a new depot without a chute at hub KSF1; the night sort rejected\n"
    "those parcels as NO_DESTINATION, the reject chute filled and the sorter recirculated until plan 49c added the chute.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PUB, "change", "SP-2026-49b published for KSF1 (37073-37085 to depot 34 GOE2)", "planning/publications.csv", 60),
     (STARTED, "first_symptom", "first NO_DESTINATION reject after induction start", "srt01/controller.log", 60),
     (WARN_ALERT, "alert_fired", "SorterRejectRateHigh warning in Slack", "slack-export", 60),
     (PAGE, "paged", "SorterChuteFull pages Lena (PagerDuty #51230)", "pd/deliveries.ndjson", 60),
     (ACK, "acknowledged", "Lena acknowledges", "pd/deliveries.ndjson", 60),
     (OVERFLOW, "mitigation", "R02 switched to reject overflow (recirculation stops, rejects continue)", "srt01/controller.log", 60),
     (DIAG, "diagnosis", "Lena: 49b sends 37073-37085 to GOE2 which has no chute at KSF1", "slack-export", 90),
     (REPUB, "mitigation", "SP-2026-49c published with chute 112 for GOE2", "planning/publications.csv", 60),
     (MITIGATED, "recovery", "SRT01 hot-swaps to 49c; NO_DESTINATION rejects stop", "srt01/controller.log", 60),
     (COMMS, "communication", "notice to depot managers and customer service", "slack-export", 90),
     (RESOLVED, "resolved", "PagerDuty #51230 resolved", "pd/deliveries.ndjson", 60)],
    [(ARCH[-1], "plan-archive.service fails daily at 16:30 UTC (CIFS permission denied, PlanArchiveFailed)", "sps01/journal.export"),
     (OTHER_PUB, "DUS1 plan publication by another planner", "planning/publications.csv"),
     (T(D + "16:52:10"), "HubWiFiApDown KSF1-DOCK-07 flapping (hub network)", "slack-export"),
     (T(D + "18:31:40"), "LabelPrinterOffline ksf1-lp-14", "slack-export"),
     (WRONG, "wrong hunch: dirty scanner tunnel camera", "slack-export"),
     (ROLLBACK_Q, "'should we roll back to plan 49a?' question, not done", "slack-export"),
     (CHUTEFULL_OK, "SorterChuteFull resolves after the overflow chute while rejects continue", "slack-export"),
     (T(D + "18:30:00"), "steady NOREAD rejects and dimensioner timeouts all night", "srt01/controller.log")],
    [("srt01/controller.log", "logs", TZ), ("metrics/srt01.om", "openmetrics"), ("sps01/journal.export", "logs"),
     ("planning/publications.csv", "deploys"), ("pd/deliveries.ndjson", "pagerduty-log-entries"), ("slack-export", "slack-export")])
