"""retired11/invoicing-thinpool-snapshots: the nightly thin-snapshot prune has silently removed nothing since a rename;
the NFS server's LVM thin pool fills, XFS on the PDF spool shuts down and invoice PDFs stop rendering. Customers notice first."""
import datetime as _d
import random
from common import *

rng = random.Random(20260519)
inc = Incident("retired11", "invoicing-thinpool-snapshots")
TZ = "Europe/Dublin"
D = "2026-05-19 "
W0, W1 = T(D + "08:30:00"), T(D + "11:00:00")
DAYS = ["2026-05-%02d" % d for d in range(12, 20)]
QUOTA_CRON = [T(d + " 08:45:02") for d in DAYS]
STARTED = T(D + "08:57:13")
ERRIO = T(D + "08:58:13")
OTHER_DEPLOY = T(D + "09:12:40")
REPORT = T(D + "09:19:30")
PAGE = T(D + "09:20:20")
ACK = T(D + "09:24:30")
WRONG = T(D + "09:29:50")
ROLLBACK_Q = T(D + "09:33:15")
COMMS = T(D + "09:36:00")
ALERT = T(D + "09:37:43")
SNAP_AM = T(D + "09:40:05")
DIAG = T(D + "09:43:10")
LVREMOVE = T(D + "09:47:05")
REMOUNT = T(D + "09:49:30")
NFS_RESTART = T(D + "09:51:18")
MITIGATED = T(D + "09:51:35")
ALERT_OK = T(D + "09:55:13")
OTHER_DEPLOY2 = T(D + "10:05:18")
FIX_COMMIT = T(D + "10:22:40")
RESOLVED = T(D + "10:40:20")

def broken(t):
    return STARTED <= t < MITIGATED

# ---- nfs-01 syslog (Europe/Dublin local, no offset), reaching back a week
sl = []
def S(t, prog, msg):
    sl.append((t, syslog(t, TZ, "nfs-01", prog, msg)))
BOOT = T("2026-04-27 06:12:00")
def K(t, msg):
    S(t, "kernel", "[%12.6f] %s" % (epoch(t) - epoch(BOOT), msg))
snaps = ["spool_snap_2026%02d%02d_0100" % (m, d) for m, d in [(4, x) for x in range(22, 31)] + [(5, x) for x in range(1, 20)]]
pct = {"2026-05-14 14:12:31": 80.01, "2026-05-16 10:40:02": 85.0, "2026-05-17 15:20:44": 90.02, "2026-05-18 12:05:19": 95.01}
for i, d in enumerate(DAYS):
    t = T(d + " 00:00:01")
    pid = 41000 + i * 311
    S(t, "CRON[%d]" % pid, "(root) CMD (/usr/local/sbin/thin-snap --vg vg_nfs --lv spool --keep-days 14)")
    S(add(t, seconds=2), "thin-snap[%d]" % (pid + 2), "created snapshot vg_nfs/spool_snap_%s_0100 (origin vg_nfs/spool)" % d.replace("-", ""))
    S(add(t, seconds=3), "thin-snap[%d]" % (pid + 2), "prune: keep-days=14, pattern=spool-snap-*, 0 snapshot(s) removed")
    S(add(t, seconds=3), "thin-snap[%d]" % (pid + 2), "done in 2.41s, exit 0")
    c = QUOTA_CRON[i]
    S(c, "CRON[%d]" % (pid + 90), "(root) CMD (/usr/local/sbin/nfs-quota-report.sh >/dev/null)")
    S(add(c, seconds=1), "nfs-quota-report.sh[%d]" % (pid + 92), "repquota: Cannot stat() mounted device /dev/mapper/vg_nfs-archive: No such file or directory")
    S(add(c, seconds=1), "nfs-quota-report.sh[%d]" % (pid + 92), "ERROR: repquota failed (exit 1), no report sent")
    S(add(c, seconds=1), "CRON[%d]" % (pid + 90), "(CRON) info (No MTA installed, discarding output)")
for ts, p in pct.items():
    S(T(ts), "dmeventd[912]", "WARNING: Thin pool vg_nfs-tp_spool-tpool data is now %.2f%% full." % p)
for t in frange(T(DAYS[0] + " 00:17:09"), W1, 1800):
    S(t, "puppet-agent[%d]" % rng.randint(20000, 60000), "Could not send report: Error 500 on SERVER: Server Error: Could not autoload puppet/reports/foreman: certificate verify failed [unable to get local issuer certificate]")
for t in poisson_times(rng, W0, W1, 1 / 180.0):
    S(t, "rpc.mountd[1204]", "authenticated mount request from 10.8.%d.%d:%d for /srv/exports/reports (/srv/exports/reports)" % (rng.randint(1, 3), rng.randint(10, 90), rng.randint(600, 1000)))
K(STARTED, "device-mapper: thin: 253:2: switching pool to out-of-data-space (queue IO) mode")
S(add(STARTED, seconds=7), "dmeventd[912]", "WARNING: Thin pool vg_nfs-tp_spool-tpool data is now 100.00% full.")
S(add(STARTED, seconds=7.2), "dmeventd[912]", "WARNING: Thin pool vg_nfs-tp_spool-tpool autoextend failed: Insufficient free space: 1280 extents needed, but only 0 available")
K(ERRIO, "device-mapper: thin: 253:2: switching pool to out-of-data-space (error IO) mode")
K(add(ERRIO, seconds=0.41), "XFS (dm-5): metadata I/O error in \"xfs_buf_ioend+0x1a4/0x530 [xfs]\" at daddr 0x1e0098 len 32 error 28")
K(add(ERRIO, seconds=0.44), "XFS (dm-5): log I/O error -28")
K(add(ERRIO, seconds=0.45), "XFS (dm-5): Log I/O Error (0x2) detected at xlog_ioend_work+0x71/0x80 [xfs] (fs/xfs/xfs_log.c:1377).  Shutting down filesystem.")
K(add(ERRIO, seconds=0.46), "XFS (dm-5): Please unmount the filesystem and rectify the problem(s)")
for t in poisson_times(rng, add(ERRIO, seconds=5), LVREMOVE, 1 / 90.0):
    K(t, "XFS (dm-5): xfs_do_force_shutdown(0x2) called from line 1211 of file fs/xfs/xfs_log.c. Return address = %s" % ("0xffffffffc0a3%s" % hexid(rng, 4)))
def SUDO(t, user, cmd):
    S(t, "sudo", "%8s : TTY=pts/1 ; PWD=/home/%s ; USER=root ; COMMAND=%s" % (user, user, cmd))
SUDO(add(DIAG, seconds=-300), "cian", "/usr/sbin/lvs -a -o+data_percent,metadata_percent vg_nfs")
SUDO(add(DIAG, seconds=-240), "cian", "/usr/bin/dmesg -T")
SUDO(LVREMOVE, "cian", "/usr/sbin/lvremove -y " + " ".join("vg_nfs/" + x for x in snaps[:20]))
K(add(LVREMOVE, seconds=4), "device-mapper: thin: 253:2: switching pool to write mode")
SUDO(add(REMOUNT, seconds=-50), "cian", "/usr/bin/umount /srv/spool")
K(add(REMOUNT, seconds=-49), "XFS (dm-5): Unmounting Filesystem 3c1f0d2e-7b4a-4c61-9a0e-5d1f2c8b9e44")
SUDO(REMOUNT, "cian", "/usr/bin/mount /srv/spool")
K(add(REMOUNT, seconds=0.2), "XFS (dm-5): Mounting V5 Filesystem 3c1f0d2e-7b4a-4c61-9a0e-5d1f2c8b9e44")
K(add(REMOUNT, seconds=0.6), "XFS (dm-5): Starting recovery (logdev: internal)")
K(add(REMOUNT, seconds=1.9), "XFS (dm-5): Ending recovery (logdev: internal)")
SUDO(NFS_RESTART, "cian", "/usr/bin/systemctl restart nfs-server")
S(add(NFS_RESTART, seconds=1), "systemd[1]", "Stopping nfs-server.service - NFS server and services...")
K(add(NFS_RESTART, seconds=1.5), "nfsd: last server has exited, flushing export cache")
K(add(NFS_RESTART, seconds=2.1), "NFSD: Using nfsdcld client tracking operations.")
K(add(NFS_RESTART, seconds=2.1), "NFSD: starting 90-second grace period (net f0000000)")
S(add(NFS_RESTART, seconds=2.3), "systemd[1]", "Started nfs-server.service - NFS server and services.")
SUDO(add(FIX_COMMIT, seconds=300), "cian", "/usr/bin/install -m 0755 /tmp/thin-snap /usr/local/sbin/thin-snap")
SUDO(add(FIX_COMMIT, seconds=330), "cian", "/usr/local/sbin/thin-snap --vg vg_nfs --lv spool --keep-days 14 --prune-only")
S(add(FIX_COMMIT, seconds=333), "thin-snap[77120]", "prune: keep-days=14, pattern=spool_snap_*, 1 snapshot(s) removed")
sl.sort(key=lambda x: x[0])
inc.lines("nfs-01/syslog", [l for _, l in sl])

# ---- pdf-worker (Celery default log format, container clock UTC, no offset)
wl = []
def WL(t, lvl, proc, msg):
    wl.append((t, "[%s,%03d: %s/%s] %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl, proc, msg)))
hang_until = {}
for t in poisson_times(rng, W0, W1, 0.22):
    tid = uuid("task%s" % epoch(t))
    proc = "ForkPoolWorker-%d" % rng.randint(1, 16)
    inv = "INV-%06d" % rng.randint(100000, 999999)
    if STARTED <= t < ERRIO:
        continue  # writes hang in queue-IO mode; the workers log nothing until the error
    if broken(t):
        WL(t, "WARNING", proc, "Task invoices.render_pdf[%s] retry: Retry in 60s: OSError(5, 'Input/output error')" % tid)
        if rng.random() < 0.15:
            WL(add(t, seconds=-0.01), "ERROR", proc, "writing /mnt/spool/pdf/%s/%s.pdf failed: [Errno 5] Input/output error" % (t.strftime("%Y/%m/%d"), inv))
    else:
        WL(t, "INFO", proc, "Task invoices.render_pdf[%s] succeeded in %.3fs: {'invoice': '%s', 'pages': %d}" % (tid, rng.uniform(0.4, 2.8), inv, rng.randint(1, 4)))
for t in frange(ERRIO, add(ERRIO, seconds=3), 0.2):
    WL(t, "WARNING", "ForkPoolWorker-%d" % rng.randint(1, 16), "Task invoices.render_pdf[%s] retry: Retry in 60s: OSError(5, 'Input/output error')" % uuid("hung%s" % epoch(t)))
for t in frange(MITIGATED, add(MITIGATED, seconds=50), 0.9):
    WL(t, "INFO", "ForkPoolWorker-%d" % rng.randint(1, 16), "Task invoices.render_pdf[%s] succeeded in %.3fs: {'invoice': 'INV-%06d', 'pages': %d}" % (uuid("drain%s" % epoch(t)), rng.uniform(0.4, 2.8), rng.randint(100000, 999999), rng.randint(1, 4)))
for t in poisson_times(rng, W0, W1, 1 / 100.0):
    WL(t, "WARNING", "ForkPoolWorker-%d" % rng.randint(1, 16), "weasyprint: Font 'Noto Sans Bengali' not found, falling back to 'DejaVu Sans'")
WL(T(D + "09:00:00"), "INFO", "MainProcess", "Scheduler: Sending due task reminders.overdue-digest (reminders.send_overdue_digest)")
inc.lines("pdf-worker.log", [l for _, l in sorted(wl, key=lambda x: x[0])])

# ---- OpenMetrics scrape export
def qlen(t):
    if t < STARTED:
        return 3 + (int(epoch(t)) // 60) % 4
    if t < MITIGATED:
        return int(3 + (epoch(t) - epoch(STARTED)) * 0.74)
    return max(2, int(2350 - (epoch(t) - epoch(MITIGATED)) * 45))
def oldest(t):
    if t < STARTED:
        return 1.2 + ((int(epoch(t)) // 60) % 3) * 0.6
    if t < MITIGATED:
        return epoch(t) - epoch(STARTED)
    return max(1.0, epoch(MITIGATED) - epoch(STARTED) - (epoch(t) - epoch(MITIGATED)) * 60)
ok_c, err_c = [812044], [1711]
okp, errp, ql, ag, fs, av = [], [], [], [], [], []
for t in frange(W0, W1, 60):
    if broken(t):
        err_c[0] += 13 if t >= ERRIO else 0
    else:
        ok_c[0] += 2350 if MITIGATED <= t < add(MITIGATED, seconds=60) else 13
    okp.append((t, ok_c[0])); errp.append((t, err_c[0]))
    ql.append((t, qlen(t))); ag.append((t, round(oldest(t), 1)))
    fs.append((t, 4398046511104)); av.append((t, int(4398046511104 * (0.392 - (epoch(t) - epoch(W0)) / 3600 * 0.0004))))
inc.write("scrape-export.om", openmetrics([
    ("celery_queue_length", "gauge", "Messages waiting in the broker queue", [({"queue": "pdf", "instance": "celery-exporter:9808"}, ql)]),
    ("celery_queue_oldest_task_age_seconds", "gauge", "Age of the oldest task waiting in the queue", [({"queue": "pdf", "instance": "celery-exporter:9808"}, ag)]),
    ("invoice_renders", "counter", "Invoice PDF render attempts by outcome", [({"outcome": "ok", "service": "pdf-worker"}, okp), ({"outcome": "retry", "service": "pdf-worker"}, errp)]),
    ("node_filesystem_size_bytes", "gauge", "Filesystem size in bytes.", [({"instance": "nfs-01:9100", "mountpoint": "/srv/spool", "device": "/dev/mapper/vg_nfs-spool", "fstype": "xfs"}, fs)]),
    ("node_filesystem_avail_bytes", "gauge", "Filesystem space available to non-root users in bytes.", [({"instance": "nfs-01:9100", "mountpoint": "/srv/spool", "device": "/dev/mapper/vg_nfs-spool", "fstype": "xfs"}, av)]),
]))

# ---- Alertmanager API v2 snapshot (amtool/curl of /api/v2/alerts at 09:40)
qa = amtool_alert("InvoiceRenderQueueAgeHigh", {"queue": "pdf", "service": "pdf-worker", "severity": "warning", "team": "billing"},
                  "Oldest pdf task has waited 40m", ALERT, SNAP_AM, receivers=("slack-billing",),
                  desc="celery_queue_oldest_task_age_seconds{queue=\"pdf\"} > 1800 for 10m")
am = [qa,
      amtool_alert("RedisEvictionsHigh", {"instance": "cache-2:9121", "severity": "warning", "team": "web"}, "cache-2 evicting keys", T(D + "08:41:10"), SNAP_AM,
                   receivers=("slack-web",), state="suppressed", silenced_by=(uuid("silence-cache2"),)),
      amtool_alert("KubePodCrashLooping", {"namespace": "marketing", "pod": "landing-cms-7c9d8b6f4-qx2lm", "container": "cms", "severity": "warning", "team": "growth"},
                   "Pod marketing/landing-cms-7c9d8b6f4-qx2lm is crash looping", T(D + "09:14:55"), SNAP_AM, receivers=("slack-growth",)),
      amtool_alert("BlackboxProbeFailed", {"instance": "https://api.revenue-ie.example/ros/health", "severity": "warning", "team": "integrations"},
                   "ROS health probe failing", T(D + "09:31:40"), SNAP_AM, receivers=("slack-integrations",))]
inc.json("am-alerts-0940.json", am)

# ---- GitHub deployments API list
gd = []
for i, (t, repo, ref, who, env, desc) in enumerate([
        (T("2026-05-18 15:31:02"), "tallyho/pdf-renderer", "v2.14.0", "ronan-k", "production", "pdf-renderer 2.14.0: weasyprint 62"),
        (OTHER_DEPLOY, "tallyho/web", "release-2026-05-19.1", "sinead-growth", "production", "web: new pricing page"),
        (OTHER_DEPLOY2, "tallyho/web", "release-2026-05-19.2", "sinead-growth", "production", "web: pricing page copy fix")]):
    did = 1840221100 + i * 977
    gd.append({"url": "https://api.github.com/repos/%s/deployments/%d" % (repo, did), "id": did, "node_id": "DE_kwDO" + uid(repo + ref, 12),
               "sha": hexid(rng, 40), "ref": ref, "task": "deploy", "payload": {}, "original_environment": env, "environment": env,
               "description": desc, "creator": {"login": who, "id": 7100000 + i, "type": "User"},
               "created_at": iso(t), "updated_at": iso(add(t, seconds=140)),
               "statuses_url": "https://api.github.com/repos/%s/deployments/%d/statuses" % (repo, did),
               "repository_url": "https://api.github.com/repos/" + repo, "transient_environment": False, "production_environment": True})
gd.sort(key=lambda d: d["created_at"], reverse=True)
inc.json("deployments.json", gd)

# ---- infra repo git log (default format)
gl = []
def G(t, tz, name, email, subj, body=""):
    gl.append((t, "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    %s\n%s" % (hexid(rng, 40), name, email,
               local(t, tz).strftime("%a %b %-d %H:%M:%S %Y %z"), subj, ("\n    " + body + "\n") if body else "")))
G(T("2026-04-21 14:03:11"), TZ, "Cian Walsh", "cian@tallyho.ie", "thin-snap: include time in snapshot names (spool_snap_YYYYMMDD_HHMM)", "Lets us take ad-hoc snapshots before migrations.")
G(T("2026-05-07 10:44:52"), TZ, "Aisling Murphy", "aisling@tallyho.ie", "nfs-01: export /srv/exports/reports to the reporting subnet")
G(T(D + "08:02:19"), "Europe/Warsaw", "Marek Nowak", "marek@tallyho.ie", "redis: raise cache-2 maxmemory to 6gb")
G(FIX_COMMIT, TZ, "Cian Walsh", "cian@tallyho.ie", "thin-snap: prune spool_snap_* names; export thin pool data_percent via node_exporter textfile",
  "The prune glob still matched the pre-April spool-snap-* names, so nothing was removed since Apr 22.")
gl.sort(key=lambda x: x[0], reverse=True)
inc.write("infra-log.txt", "\n".join(l for _, l in gl))

# ---- PagerDuty log entries (incident triggered by hand from the web UI by support)
pd = PD(2291, "Invoices stuck on 'Generating PDF' - customer reports", "Billing platform", "PBIL7Q2", "Platform on-call")
aoife = PD.user("Aoife Gallagher", "PAOIFEG")
niamh = PD.user("Niamh Byrne", "PNIAMHB")
cian = PD.user("Cian Walsh", "PCIANWA")
pd.add(PAGE, "trigger_log_entry", aoife, {"type": "web_trigger", "summary": "Invoices stuck on 'Generating PDF' - customer reports",
       "details": "4 customers since ~10:00 IST, invoices never finish generating, no invoice emails"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Niamh Byrne by push notification.", user=niamh)
pd.add(ACK, "acknowledge_log_entry", niamh, {"type": "mobile"}, "Acknowledged by Niamh Byrne.")
pd.add(add(ACK, minutes=14), "assign_log_entry", niamh, {"type": "web_ui"}, "Assigned to Cian Walsh by Niamh Byrne.", assignees=[cian])
pd.add(add(ALERT_OK, seconds=90), "annotate_log_entry", cian, {"type": "web_ui", "summary": "freed thin pool (20 old snapshots), remounted spool, nfs restarted; backlog drained"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", niamh, {"type": "web_ui"}, "Resolved by Niamh Byrne.")
inc.json("pd.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("U5AOIF", "aoife", "Aoife Gallagher"), ("U5NIAM", "niamh", "Niamh Byrne"), ("U5CIAN", "cian", "Cian Walsh"),
                ("U5RONA", "ronan", "Ronan Kelly"), ("U5SINE", "sinead", "Sinead O'Brien")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C5SUP", "support-escalations", ""), ("C5INC", "inc-invoices", ""), ("C5INF", "infra-alerts", ""),
                  ("C5BIL", "billing-alerts", ""), ("C5STA", "status", "")]:
    s.channel(cid, n, p)
for c in QUOTA_CRON[-4:]:
    s.bot("infra-alerts", add(c, seconds=48), "B5HC", "Healthchecks.io", attachments=[{"color": "E01E5A", "fallback": "nfs-quota-report is DOWN",
          "title": "\"nfs-quota-report\" is DOWN", "text": "Last ping was a failure signal (exit status 1).", "mrkdwn_in": ["text"]}])
s.bot("billing-alerts", add(ALERT, seconds=12), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "InvoiceRenderQueueAgeHigh", "Oldest pdf task has waited 40m", color="warning"))
s.bot("billing-alerts", add(ALERT_OK, seconds=12), "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "InvoiceRenderQueueAgeHigh", "Oldest pdf task has waited 40m"))
s.bot("infra-alerts", T(D + "09:15:07"), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "KubePodCrashLooping", "marketing/landing-cms is crash looping", color="warning"))
s.bot("infra-alerts", T(D + "09:31:52"), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "BlackboxProbeFailed", "ROS health probe failing", color="warning"))
s.bot("infra-alerts", T(D + "09:39:52"), "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "BlackboxProbeFailed", "ROS health probe failing"))
s.bot("infra-alerts", T(D + "09:58:22"), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "BlackboxProbeFailed", "ROS health probe failing", color="warning"))
s.say("support-escalations", REPORT, "U5AOIF", "4 customers on chat since about 10:00 (Brennan Plumbing, Doyle & Co, two sole traders): invoices stay on 'Generating PDF' and the invoice emails never arrive. paging platform")
s.say("support-escalations", add(REPORT, seconds=200), "U5SINE", "fwiw web release went out at 10:12, just the pricing page")
ch = "inc-invoices"
s.say(ch, add(ACK, seconds=45), "U5NIAM", "acked. pdf queue is backing up, workers retrying every task with OSError 5 Input/output error on /mnt/spool")
s.say(ch, WRONG, "U5NIAM", "customers also say no emails - is Postmark having a day?")
s.say(ch, add(WRONG, seconds=80), "U5RONA", "Postmark status is green, and emails are only sent after the PDF exists")
s.say(ch, ROLLBACK_Q, "U5RONA", "should we roll back pdf-renderer 2.14 from yesterday?")
s.say(ch, add(ROLLBACK_Q, seconds=55), "U5NIAM", "don't think so, it renders fine, the write to the NFS spool fails. @cian can you look at nfs-01?")
s.say(ch, add(ROLLBACK_Q, seconds=150), "U5CIAN", "df on the spool says 61% used, nothing odd there. looking at the box")
s.say(ch, DIAG, "U5CIAN", "found it: the thin pool under /srv/spool on nfs-01 is 100% full. dm-thin went to error-IO mode at 09:58 local and XFS shut the spool down. df can't see it because the pool is overcommitted with snapshots: 28 of them since Apr 22, thin-snap's prune never matched the new names")
s.say(ch, add(LVREMOVE, seconds=30), "U5CIAN", "removed the 20 oldest snapshots, pool at 62%. remounting the spool next")
s.say(ch, add(NFS_RESTART, seconds=40), "U5CIAN", "spool remounted (log recovery ok), nfs-server restarted")
s.say(ch, add(MITIGATED, seconds=75), "U5NIAM", "renders succeeding, queue draining fast - backlog of ~2.3k gone")
s.say(ch, add(FIX_COMMIT, seconds=400), "U5CIAN", "thin-snap prune fixed and run, plus pool usage now exported; alert rule PR next")
s.say(ch, add(RESOLVED, seconds=-25), "U5NIAM", "resolving. follow-ups: alert on thin pool data_percent, thin-snap must fail loudly when prune matches nothing old")
s.bot("status", COMMS, "B5SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Invoice PDFs delayed",
      "title": "Investigating - Invoice PDFs and emails delayed", "text": "New invoices are not generating PDFs or sending emails. Invoices are saved.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=4), "B5SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Invoice PDFs",
      "title": "Monitoring - Invoice PDFs", "text": "PDFs are generating again and delayed emails have been sent.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "invoicing-thinpool-snapshots", "unpruned-snapshots-fill-thin-pool-fs-shutdown-customer-detected",
    "A rename made the nightly thin-snapshot prune on nfs-01 remove nothing since Apr 22; the overcommitted LVM thin pool under the\n"
    "PDF spool fills, dm-thin errors IO, XFS shuts down and invoice PDFs stop rendering (df shows 61%, nothing alerts); customers report it\n"
    "first and support pages by hand, until 20 snapshots are removed, the spool remounted and nfs-server restarted.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "dm-thin pool out of data space (queue IO), pool 100% full; XFS shutdown a minute later", "nfs-01/syslog", 60),
     (PAGE, "paged", "support triggers PagerDuty #2291 by hand from customer reports", "pd.json", 90),
     (ACK, "acknowledged", "Niamh acknowledges", "pd.json", 60),
     (COMMS, "communication", "Statuspage: invoice PDFs and emails delayed", "slack", 60),
     (ALERT, "alert_fired", "InvoiceRenderQueueAgeHigh firing (warning, 40 min in)", "am-alerts-0940.json", 60),
     (DIAG, "diagnosis", "Cian: thin pool 100% full of unpruned snapshots, XFS shut down the spool", "slack", 90),
     (LVREMOVE, "mitigation", "lvremove of the 20 oldest snapshots; pool back to write mode", "nfs-01/syslog", 60),
     (NFS_RESTART, "mitigation", "spool remounted, nfs-server restarted", "nfs-01/syslog", 90),
     (MITIGATED, "recovery", "renders succeed again, backlog drains", "pdf-worker.log", 60),
     (ALERT_OK, "alert_resolved", "InvoiceRenderQueueAgeHigh resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #2291 resolved", "pd.json", 60)],
    [(QUOTA_CRON[-1], "nfs-quota-report.sh fails every day at 09:45 local (08:45 UTC), also May 12-18", "nfs-01/syslog"),
     (T("2026-05-18 12:05:19"), "dmeventd 95% thin pool warning the day before (outside the window, nobody reads syslog)", "nfs-01/syslog"),
     (OTHER_DEPLOY, "growth team deploys web release-2026-05-19.1", "deployments.json"),
     (OTHER_DEPLOY2, "growth team deploys web release-2026-05-19.2", "deployments.json"),
     (T(D + "09:14:55"), "KubePodCrashLooping marketing/landing-cms (growth team)", "am-alerts-0940.json"),
     (T(D + "09:31:40"), "BlackboxProbeFailed on the revenue ROS API, flapping (integrations)", "am-alerts-0940.json"),
     (T(D + "08:41:10"), "RedisEvictionsHigh cache-2, silenced", "am-alerts-0940.json"),
     (WRONG, "wrong hunch: Postmark email outage", "slack"),
     (ROLLBACK_Q, "'should we roll back pdf-renderer 2.14?' question, not done", "slack"),
     (T(D + "09:00:00"), "steady puppet report errors, mountd requests and missing-font warnings all window", "pdf-worker.log")],
    [("nfs-01/syslog", "logs", TZ), ("pdf-worker.log", "logs", "UTC"), ("scrape-export.om", "openmetrics"),
     ("am-alerts-0940.json", "alertmanager-api-alerts"), ("deployments.json", "deploys"), ("infra-log.txt", "git-log"),
     ("pd.json", "pagerduty-log-entries"), ("slack", "slack-export")])
