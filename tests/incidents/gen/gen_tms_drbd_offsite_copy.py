"""retired11/tms-drbd-offsite-copy: a moved offsite rclone copy (bwlimit lost) saturates the ham1-ber1 link; DRBD protocol C
makes every Postgres commit wait on the DR peer, warehouse scans slow then time out. The page is acked 28 minutes late;
disconnecting DRBD mitigates; resolved only after a throttled copy and a DRBD resync."""
import random
from common import *

rng = random.Random(20260827)
inc = Incident("retired11", "tms-drbd-offsite-copy")
TZ = "Europe/Berlin"
D = "2026-08-27 "
W0, W1 = T(D + "00:30:00"), T(D + "04:30:00")
CHANGE = T("2026-08-26 14:12:33")
APP_DEPLOY = T("2026-08-26 14:40:05")
CRON = [T("2026-08-%02d 01:30:%02d" % (d, 14 + d % 7)) for d in (24, 25, 26, 27)]
RCL = T(D + "01:00:04")
STARTED = T(D + "01:08:30")
CUST = T(D + "01:48:30")
OTHER_DEPLOY = T(D + "01:52:10")
ACK = T(D + "02:07:40")
WRONG = T(D + "02:10:40")
ROLLBACK_Q = T(D + "02:12:05")
COMMS = T(D + "02:13:00")
DIAG = T(D + "02:16:20")
MIT = T(D + "02:21:40")
MITIGATED = T(D + "02:21:41")
RCL_STOP = T(D + "02:24:10")
FIX_COMMIT = T(D + "03:05:12")
RCL2 = T(D + "03:09:30")
RCL2_DONE = T(D + "03:44:50")
CONNECT = T(D + "03:52:10")
SYNC_DONE = T(D + "04:00:34")
RESOLVED = T(D + "04:06:20")


def p99(t):
    if STARTED <= t < MITIGATED:
        dt = epoch(t) - epoch(STARTED)
        return 0.0035 + 0.00002 * dt ** 1.6 / (1 + dt / 5000.0)
    return 0.0031 + 0.0008 * ((int(epoch(t)) // 30) % 3)
def err_ratio(t):
    return max(0.0, min(0.55, (p99(t) - 1.5) / 9.0))
def first_cross(fn, thr, hold_s):
    t = STARTED
    while t < MITIGATED:
        if fn(t) > thr:
            return add(t, seconds=hold_s)
        t = add(t, seconds=15)
    raise SystemExit("never crosses")
ALERT_WARN = add(first_cross(p99, 0.25, 600), seconds=17)
ALERT = add(first_cross(err_ratio, 0.05, 300), seconds=23)
PAGE = add(ALERT, seconds=1)
ESC = add(PAGE, minutes=15)
WARN_OK = add(MITIGATED, seconds=89)
ALERT_OK = add(MITIGATED, seconds=179)

# ---- ham1-db-a syslog (Europe/Berlin local, no offset)
sl = []
def S(t, prog, msg, host="ham1-db-a"):
    sl.append((t, syslog(t, TZ, host, prog, msg)))
BOOT = T("2026-07-30 05:41:09")
def K(t, msg):
    S(t, "kernel", "[%12.6f] %s" % (epoch(t) - epoch(BOOT), msg))
pgn = [1000]
def PG(t, msg):
    pgn[0] += 1
    S(t, "postgres[%d]" % rng.choice([2481, 2481, 30122, 30877, 31409]), "[%d-1] %s" % (pgn[0], msg))
for t in frange(T(D + "00:32:41"), W1, 300):
    PG(t, "LOG:  checkpoint starting: time")
    PG(add(t, seconds=rng.randint(150, 270)), "LOG:  checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s" % (
        (b := rng.randint(2000, 9000)), b / 1310.72, rng.randint(1, 4), rng.uniform(150, 270), rng.uniform(0.01, 0.2) if not (STARTED <= t < MITIGATED) else rng.uniform(3, 40), rng.uniform(150, 280)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    PG(t, "LOG:  could not receive data from client: Connection reset by peer")
for t in poisson_times(rng, STARTED, MITIGATED, 0.08):
    d = p99(t) * rng.uniform(0.6, 1.3) * 1000
    if d > 500:
        PG(t, "LOG:  duration: %.3f ms  statement: COMMIT" % d)
def SUDO(t, user, cmd, host="ham1-db-a"):
    S(t, "sudo", "%8s : TTY=pts/0 ; PWD=/home/%s ; USER=root ; COMMAND=%s" % (user, user, cmd), host)
SUDO(add(DIAG, seconds=-150), "leonie", "/usr/sbin/drbdsetup status tms --verbose --statistics")
SUDO(MIT, "leonie", "/usr/sbin/drbdadm disconnect tms")
K(add(MIT, seconds=0.05), "drbd tms ber1-db-dr: conn( Connected -> Disconnecting ) peer( Secondary -> Unknown )")
K(add(MIT, seconds=0.06), "drbd tms/0 drbd1 ber1-db-dr: pdsk( UpToDate -> DUnknown ) repl( Established -> Off )")
K(add(MIT, seconds=0.08), "drbd tms ber1-db-dr: ack_receiver terminated")
K(add(MIT, seconds=0.09), "drbd tms ber1-db-dr: Terminating ack_recv thread")
K(add(MIT, seconds=0.31), "drbd tms ber1-db-dr: Connection closed")
K(add(MIT, seconds=0.32), "drbd tms ber1-db-dr: conn( Disconnecting -> StandAlone )")
K(add(MIT, seconds=0.33), "drbd tms/0 drbd1: new current UUID: 7A3C90D1E4F2B861 weak: FFFFFFFFFFFFFFFE")
SUDO(CONNECT, "leonie", "/usr/sbin/drbdadm connect tms")
K(add(CONNECT, seconds=0.1), "drbd tms ber1-db-dr: conn( StandAlone -> Unconnected )")
K(add(CONNECT, seconds=0.2), "drbd tms ber1-db-dr: conn( Unconnected -> Connecting )")
K(add(CONNECT, seconds=1.4), "drbd tms ber1-db-dr: Handshake to peer 1 successful: Agreed network protocol version 121")
K(add(CONNECT, seconds=1.5), "drbd tms ber1-db-dr: conn( Connecting -> Connected ) peer( Unknown -> Secondary )")
K(add(CONNECT, seconds=1.6), "drbd tms/0 drbd1 ber1-db-dr: repl( Off -> WFBitMapS )")
K(add(CONNECT, seconds=1.9), "drbd tms/0 drbd1 ber1-db-dr: send bitmap stats [Bytes(packets)]: plain 0(0), RLE 2891(1), total 2891; compression: 99.9%")
K(add(CONNECT, seconds=2.0), "drbd tms/0 drbd1 ber1-db-dr: pdsk( DUnknown -> Inconsistent ) repl( WFBitMapS -> SyncSource )")
K(add(CONNECT, seconds=2.0), "drbd tms/0 drbd1 ber1-db-dr: Began resync as SyncSource (will sync 40894464 KB [10223616 bits set]).")
K(SYNC_DONE, "drbd tms/0 drbd1 ber1-db-dr: Resync done (total 502 sec; paused 0 sec; 81463 K/sec)")
K(add(SYNC_DONE, seconds=0.01), "drbd tms/0 drbd1 ber1-db-dr: pdsk( Inconsistent -> UpToDate ) repl( SyncSource -> Established )")
for t in frange(T(D + "00:30:12"), W1, 600):
    S(t, "systemd[1]", "Started sysstat-collect.service - system activity accounting tool.")
sl.sort(key=lambda x: x[0])
inc.lines("ham1-db-a/syslog", [l for _, l in sl])

# ---- rclone log on ham1-bak-1 (rclone default format, local time, no offset), reaching back to Aug 24
rl = []
def R(t, lvl, msg):
    rl.append((t, "%s %-6s: %s" % (local(t, TZ).strftime("%Y/%m/%d %H:%M:%S"), lvl, msg)))
def stats(t, done_gib, total_gib, rate_mib, checks, transfers, elapsed):
    eta = "0s" if done_gib >= total_gib else "%dm%ds" % divmod(int((total_gib - done_gib) * 1024 / max(rate_mib, 1)), 60)
    R(t, "INFO", "\nTransferred:   \t%10.3f GiB / %.3f GiB, %d%%, %.3f MiB/s, ETA %s\nChecks:            %7d / %d, 100%%\nTransferred:         %5d / %d, %d%%\nElapsed time:  %s\n" % (
        done_gib, total_gib, 100 if done_gib >= total_gib else int(100 * done_gib / total_gib), rate_mib, eta, checks, checks, transfers, max(transfers, 1) + 40, int(100 * transfers / (transfers + 40)), elapsed))
for d in (24, 25, 26):
    t0 = T("2026-08-%02d 01:00:03" % d)
    R(t0, "INFO", "Starting bandwidth limiter at 250Mi Byte/s")
    inc_gib = rng.uniform(52, 71)
    dur = inc_gib * 1024 / 249.0
    for k in range(1, int(dur // 60) + 1):
        stats(add(t0, seconds=60 * k), min(inc_gib, 249.0 * 60 * k / 1024), inc_gib, 249.0 + rng.uniform(-2, 0.9), 48211 + d, int(k * 3.1), "%dm0.0s" % k)
    stats(add(t0, seconds=dur + 2), inc_gib, inc_gib, 248.7, 48211 + d, int(dur / 60 * 3.1) + 1, "%dm%.1fs" % divmod(dur + 2, 60))
def rate1(t):
    dt = epoch(t) - epoch(RCL)
    return min(1180.0, 60 + dt * 2.3)
done = 0.0
first = []
for k in range(1, 200):
    t = add(RCL, seconds=60 * k)
    if t > RCL_STOP:
        break
    r = rate1(t) + rng.uniform(-15, 5)
    done += r * 60 / 1024
    first.append((t, done, r, k))
for t in poisson_times(rng, add(RCL, minutes=9), RCL_STOP, 1 / 200.0):
    R(t, "ERROR", "pack/%s.pack: Failed to copy: multipart upload failed to upload part: RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period. (retrying)" % hexid(rng, 16))
left = 249.0 * (epoch(RCL2_DONE) - epoch(RCL2)) / 1024
TOTAL = done + left
for t, d_, r, k in first:
    stats(t, d_, TOTAL, r, 0, int(d_ / 1.9), "%dm0.0s" % k)
R(RCL_STOP, "NOTICE", "Signal received: terminated")
R(add(RCL_STOP, seconds=1), "ERROR", "Attempt 1/3 failed with 12 errors and: context canceled")
R(RCL2, "INFO", "Starting bandwidth limiter at 250Mi Byte/s")
k = 0
for t in frange(add(RCL2, seconds=60), RCL2_DONE, 60):
    k += 1
    stats(t, min(left, 249.0 * 60 * k / 1024), left, 249.0 + rng.uniform(-2, 0.9), int(done / 1.9), int(k * 9.2), "%dm0.0s" % k)
stats(RCL2_DONE, left, left, 248.9, int(done / 1.9), 2311, "%dm%ds" % divmod(int(epoch(RCL2_DONE) - epoch(RCL2)), 60))
rl.sort(key=lambda x: x[0])
inc.lines("ham1-bak-1/rclone-offsite.log", [l for _, l in rl])

# ---- tms-api (Go logfmt, UTC)
tl = []
def TL(t, pairs):
    tl.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
SITES = ["billwerder", "allermoehe", "bremen-gvz", "kiel-ost", "luebeck-hafen"]
for t in poisson_times(rng, W0, W1, 0.11):
    site = rng.choice(SITES)
    p = p99(t)
    lat = p * rng.uniform(0.2, 1.1)
    if rng.random() < err_ratio(t):
        TL(t, [("level", "error"), ("caller", "scan/handler.go:131"), ("msg", "scan submit failed"), ("site", site), ("device", "hh-%04d" % rng.randint(1, 900)),
               ("err", "store scan event: timeout: context deadline exceeded"), ("took", "5.000s"), ("status", 504)])
    else:
        TL(t, [("level", "info"), ("caller", "scan/handler.go:142"), ("msg", "scan stored"), ("site", site), ("device", "hh-%04d" % rng.randint(1, 900)),
               ("took", "%.3fs" % (0.012 + min(lat, 4.9))), ("status", 201)])
for t in poisson_times(rng, W0, W1, 1 / 120.0):
    TL(t, [("level", "warn"), ("caller", "scan/clock.go:44"), ("msg", "handheld clock skew above 30s, using server time"), ("device", "hh-%04d" % rng.randint(1, 900)), ("skew", "%ds" % rng.randint(31, 400))])
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    TL(t, [("level", "warn"), ("caller", "geo/cache.go:88"), ("msg", "geocode cache miss, falling back to provider"), ("provider", "nominatim-internal")])
inc.lines("tms-api.logfmt", [l for _, l in sorted(tl, key=lambda x: x[0])])

# ---- OpenMetrics export
pts_p, pts_link, ok_s, to_s = [], [], [], []
octets = [918_220_114_300_112]
okc, toc = [40_112_877], [12_003]
for t in frange(W0, W1, 30):
    pts_p.append((t, round(p99(t), 4)))
    if RCL <= t < RCL_STOP:
        bps = min(9.9e9, 1.1e9 + (epoch(t) - epoch(RCL)) * 1.75e7)
    elif RCL2 <= t < RCL2_DONE:
        bps = 2.3e9
    elif CONNECT <= t < SYNC_DONE:
        bps = 1.1e9 + 0.68e9
    else:
        bps = 0.9e9 + rng.uniform(0, 0.3e9)
    if MIT <= t < CONNECT:
        bps -= 0.35e9  # no DRBD replication traffic while disconnected
    octets[0] += int(bps / 8 * 30)
    pts_link.append((t, octets[0]))
    n = int(0.11 * 30 * 9)
    e = int(n * err_ratio(t))
    okc[0] += n - e; toc[0] += e
    ok_s.append((t, okc[0])); to_s.append((t, toc[0]))
inc.write("metrics.om", openmetrics([
    ("tms_db_commit_duration_seconds", "summary", "Time to COMMIT a scan-event transaction", [({"service": "tms-api", "quantile": "0.99"}, pts_p)]),
    ("ifHCOutOctets", "counter", "The total number of octets transmitted out of the interface", [({"instance": "ham1-core-1", "ifName": "Ethernet1/49", "ifAlias": "DCI ham1-ber1 10G"}, pts_link)]),
    ("tms_scan_submits", "counter", "Scan submissions by outcome", [({"service": "tms-api", "outcome": "stored"}, ok_s), ({"service": "tms-api", "outcome": "timeout"}, to_s)]),
]))

# ---- ansible repo git log (default format)
gl = []
def G(t, name, email, subj, body=""):
    gl.append((t, "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n%s" % (hexid(rng, 40), name, email, local(t, TZ).strftime("%a %b %-d %H:%M:%S %Y %z"), subj,
                                                                          ("\n    " + body + "\n") if body else "")))
G(T("2026-08-25 09:31:40"), "Timo Brandt", "timo.brandt@hafenlog.de", "monitoring: scrape ifHCOutOctets on ham1-core-1 DCI ports")
G(CHANGE, "Timo Brandt", "timo.brandt@hafenlog.de", "backup: offsite copy to object-lock bucket offsite-v2, run from systemd timer",
  "Replaces the cron entry. The unit takes its flags from rclone_offsite_args.")
G(T(D + "01:49:55"), "Ananya Rao", "ananya.rao@hafenlog.de", "route-planner: bump osrm data to 2026-08-26 extract")
G(FIX_COMMIT, "Leonie Schulz", "leonie.schulz@hafenlog.de", "backup: restore --bwlimit 250M on the offsite copy",
  "Lost in the move to the systemd timer; the unthrottled copy filled the DCI and stalled DRBD (protocol C) on tms.")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("ansible-gitlog.txt", "\n".join(l for _, l in gl))

# ---- PagerDuty v2 webhook deliveries (ndjson)
title = "TmsScanErrorRatio: tms-api scan submits timing out"
pd = PD(6120, title, "TMS API", "PTMS4K1", "TMS Nacht")
jonas = PD.user("Jonas Petersen", "PJONASP")
leonie = PD.user("Leonie Schulz", "PLEONIE")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMTMS1", "summary": "Alertmanager ham1"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Jonas Petersen.", user=jonas)
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, None, "Notified Jonas Petersen by push notification.", user=jonas)
pd.add(add(PAGE, seconds=122), "notify_log_entry", None, None, "Notified Jonas Petersen by SMS.", user=jonas)
pd.add(add(PAGE, seconds=302), "notify_log_entry", None, None, "Notified Jonas Petersen by phone.", user=jonas)
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", user=leonie)
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Leonie Schulz by phone.", user=leonie)
pd.add(add(ESC, seconds=301), "notify_log_entry", None, None, "Notified Leonie Schulz by phone.", user=leonie)
pd.add(ACK, "acknowledge_log_entry", leonie, {"type": "phone"}, "Acknowledged by Leonie Schulz.")
pd.add(add(ALERT_OK, seconds=1), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager resolved; auto-resolve disabled"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", leonie, {"type": "web_ui"}, "Resolved by Leonie Schulz.")
inc.lines("pd-webhooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 6120, title, PAGE)])

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U8LEO", "leonie", "Leonie Schulz", TZ), ("U8JON", "jonas", "Jonas Petersen", TZ), ("U8EMR", "emre", "Emre Yilmaz", "America/Toronto"),
                    ("U8KAT", "katrin.ops", "Katrin Vogel", TZ), ("U8ANA", "ananya", "Ananya Rao", "Asia/Kolkata"), ("U8TIM", "timo", "Timo Brandt", TZ)]:
    s.user(u, n, r, tz)
for cid, n, p in [("C8TMS", "tms-alerts", ""), ("C8INF", "infra-alerts", ""), ("C8OPS", "lager-ops", "Warehouse operations"),
                  ("C8INC", "inc-tms", ""), ("C8DEP", "deploys", ""), ("C8STA", "status", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("infra-alerts", add(c, seconds=62), "B8AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job maps/osm-tiles-refresh failed to complete (DeadlineExceeded)", color="warning"))
for a, b_ in [(T(D + "01:05:12"), T(D + "01:15:42")), (T(D + "02:40:12"), T(D + "02:51:42"))]:
    s.bot("infra-alerts", a, "B8AM", "alertmanager", attachments=am_slack_attachment("firing", "HostHighCpuLoad", "gitlab-runner-3 load above 16", color="warning"))
    s.bot("infra-alerts", b_, "B8AM", "alertmanager", attachments=am_slack_attachment("resolved", "HostHighCpuLoad", "gitlab-runner-3 load above 16"))
s.bot("infra-alerts", T(D + "00:48:30"), "B8AM", "alertmanager", attachments=am_slack_attachment("firing", "BlackboxProbeFailed", "partner-edi.example.com/as2 unreachable", color="warning"))
s.bot("tms-alerts", add(ALERT_WARN, seconds=9), "B8AM", "alertmanager", attachments=am_slack_attachment("firing", "PgCommitLatencyHigh", "tms COMMIT p99 above 250ms for 10m", color="warning"))
s.bot("tms-alerts", add(ALERT, seconds=9), "B8AM", "alertmanager", attachments=am_slack_attachment("firing", "TmsScanErrorRatio", "tms-api scan submits timing out (>5%)"))
s.bot("tms-alerts", add(WARN_OK, seconds=9), "B8AM", "alertmanager", attachments=am_slack_attachment("resolved", "PgCommitLatencyHigh", "tms COMMIT p99 above 250ms for 10m"))
s.bot("tms-alerts", add(ALERT_OK, seconds=9), "B8AM", "alertmanager", attachments=am_slack_attachment("resolved", "TmsScanErrorRatio", "tms-api scan submits timing out (>5%)"))
s.bot("deploys", add(APP_DEPLOY, seconds=80), "B8ARGO", "argocd", attachments=[{"color": "18be52", "title": "tms-api synced to 5.8.1", "text": "Application tms-api has been successfully synced at %s (rev 7d2e1a0)." % iso(APP_DEPLOY), "mrkdwn_in": ["text"]}])
s.bot("deploys", add(OTHER_DEPLOY, seconds=80), "B8ARGO", "argocd", attachments=[{"color": "18be52", "title": "route-planner synced to 2.31.0", "text": "Application route-planner has been successfully synced at %s (rev c91f0b3)." % iso(OTHER_DEPLOY), "mrkdwn_in": ["text"]}])
s.say("deploys", add(OTHER_DEPLOY, seconds=140), "U8ANA", "route-planner 2.31 with the new OSRM extract is live, morning from Pune")
s.say("lager-ops", CUST, "U8KAT", "Billwerder and Allermöhe: handhelds show 'Scan konnte nicht gespeichert werden' on maybe every 5th scan, rest is slow. since ~03:30")
s.say("tms-alerts", add(CUST, seconds=100), "U8EMR", "I see TmsScanErrorRatio paging and nobody acked yet. not on call for TMS, PD will escalate to Leonie in a few min")
ch = "inc-tms"
s.say(ch, add(ACK, seconds=55), "U8LEO", "acked (got escalated, Jonas didn't pick up). scans timing out, tms-api waits on COMMIT")
s.say(ch, WRONG, "U8LEO", "autovacuum on scan_events again, like in June?")
s.say(ch, ROLLBACK_Q, "U8JON", "sorry, phone was on silent. should we roll back tms-api 5.8.1 from yesterday?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U8LEO", "no, no vacuum running and it's COMMIT itself that's slow in postgres, every backend waits on the disk flush")
s.say(ch, DIAG, "U8LEO", "commits wait on DRBD protocol C to ber1-db-dr. the ham1-ber1 DCI has been pinned at ~9.9G since 03:00 local by the offsite rclone copy - no bandwidth limiter in tonight's run, yesterday's move to the systemd timer dropped --bwlimit")
s.say(ch, add(DIAG, seconds=140), "U8LEO", "disconnecting DRBD on tms, we run without the DR copy until the link is free")
s.say(ch, add(MIT, seconds=35), "U8LEO", "disconnected. COMMIT p99 back to 3ms, scans storing")
s.say(ch, add(RCL_STOP, seconds=20), "U8LEO", "stopped rclone-offsite.service")
s.say(ch, add(RCL2, seconds=30), "U8LEO", "bwlimit back (ansible), restarted the copy at 250Mi/s, it has ~515 GiB left. DRBD reconnect after it finishes")
s.say(ch, add(SYNC_DONE, seconds=60), "U8LEO", "DRBD reconnected 05:52, resync done, UpToDate/UpToDate. DR protected again")
s.say(ch, add(RESOLVED, seconds=-20), "U8LEO", "resolving. follow-ups: alert on DCI utilisation, rclone unit to refuse running without bwlimit, on-call phone DND")
s.bot("status", COMMS, "B8SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - warehouse scans",
      "title": "Investigating - Warehouse scan uploads slow or failing", "text": "Scans from handhelds are slow and some fail. Retry on the device.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=6), "B8SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - warehouse scans",
      "title": "Monitoring - Warehouse scan uploads", "text": "Scans are stored normally again.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "tms-drbd-offsite-copy", "offsite-backup-copy-saturates-dci-sync-replication-stalls-commits",
    "The offsite rclone copy, moved to a systemd timer and a new bucket the day before, runs without its bandwidth limit and fills the\n"
    "ham1-ber1 link; DRBD protocol C makes every Postgres commit wait on the DR peer, so warehouse scans slow and then time out (slowly\n"
    "growing). The page is acknowledged 28 minutes late after an escalation; disconnecting DRBD ends the impact; resolved only after a\n"
    "throttled copy finishes and DRBD resyncs.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "COMMIT p99 leaves its 3 ms baseline as the DCI saturates", "metrics.om", 90),
     (ALERT_WARN, "alert_fired", "PgCommitLatencyHigh (warning) firing", "slack", 60),
     (ALERT, "alert_fired", "TmsScanErrorRatio firing", "slack", 60),
     (PAGE, "paged", "PagerDuty #6120 triggered, Jonas notified (no answer)", "pd-webhooks.ndjson", 60),
     (ESC, "paged", "escalated to level 2 by timeout (Leonie)", "pd-webhooks.ndjson", 60),
     (ACK, "acknowledged", "Leonie acknowledges, 28 minutes after the page", "pd-webhooks.ndjson", 60),
     (COMMS, "communication", "Statuspage: warehouse scan uploads slow or failing", "slack", 60),
     (DIAG, "diagnosis", "Leonie: commits wait on DRBD protocol C; rclone without bwlimit fills the DCI", "slack", 90),
     (MIT, "mitigation", "drbdadm disconnect tms", "ham1-db-a/syslog", 60),
     (MITIGATED, "recovery", "COMMIT latency back to baseline, scans stored", "tms-api.logfmt", 60),
     (SYNC_DONE, "recovery", "DRBD reconnected and resync done (DR protected again)", "ham1-db-a/syslog", 60),
     (RESOLVED, "resolved", "PagerDuty #6120 resolved", "pd-webhooks.ndjson", 60)],
    [(CRON[-1], "osm-tiles-refresh job fails every night at ~01:30 (KubeJobFailed), also Aug 24-26", "slack"),
     (OTHER_DEPLOY, "routing team's route-planner 2.31.0 sync", "slack"),
     (T(D + "01:49:55"), "route-planner OSRM extract commit", "ansible-gitlog.txt"),
     (T(D + "01:05:12"), "HostHighCpuLoad gitlab-runner-3, flapping", "slack"),
     (T(D + "00:48:30"), "BlackboxProbeFailed partner EDI", "slack"),
     (add(CUST, seconds=100), "bystander notes nobody acked (not an ack)", "slack"),
     (WRONG, "wrong hunch: autovacuum on scan_events", "slack"),
     (ROLLBACK_Q, "'should we roll back tms-api 5.8.1?' question, not done", "slack"),
     (T(D + "02:00:00"), "steady clock-skew / geocode warnings and client connection resets all window", "tms-api.logfmt")],
    [("ham1-db-a/syslog", "logs", TZ), ("ham1-bak-1/rclone-offsite.log", "logs", TZ), ("tms-api.logfmt", "logs"), ("metrics.om", "openmetrics"),
     ("ansible-gitlog.txt", "git-log"), ("pd-webhooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
print("warn", ALERT_WARN, "page", PAGE, "esc", ESC)
