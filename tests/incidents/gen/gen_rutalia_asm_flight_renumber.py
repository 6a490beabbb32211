"""heldout17/rutalia-asm-flight-renumber: an airline renumbers its domestic flights with ASM FLT messages (announced by e-mail
two days before); schedule-sync has never supported FLT and falls through to cancellation handling, so hundreds of bookings
are shown as cancelled by the carrier and customers are e-mailed refund offers; the support desk notices first."""
import random
from common import *

rng = random.Random(20260505)
inc = Incident("heldout17", "rutalia-asm-flight-renumber")
TZ = "Europe/Lisbon"
D = "2026-05-05 "
W0, W1 = T(D + "05:30:00"), T(D + "11:30:00")
NOTICE = T("2026-05-03 10:12:44")
CRON = [T("2026-05-%02d 05:45:%02d" % (d, 10 + d)) for d in (2, 3, 4, 5)]
FEED_UPLOAD = T(D + "06:00:14")
STARTED = T(D + "06:00:41")
BATCH_DONE = T(D + "06:22:05")
FIRST_TICKET = T(D + "06:14:02")
SUPPORT_POST = T(D + "06:31:15")
SUPPORT_LEAD = T(D + "06:48:30")
PAGE = T(D + "06:55:20")
OTHER_DEPLOY = T(D + "07:02:10")
FEED2 = T(D + "07:00:12")
ALERT = T(D + "07:04:00")
ESCALATE = T(D + "07:05:20")
ACK = T(D + "07:09:40")
WRONG1 = T(D + "07:14:30")
WRONG2 = T(D + "07:16:50")
DIAG = T(D + "07:21:10")
ROLLBACK_Q = T(D + "07:23:40")
REFUNDS_OFF = T(D + "07:26:30")
STOP_SYNC = T(D + "07:31:05")
COMMS = T(D + "07:34:00")
RESTORE = T(D + "07:52:10")
MITIGATED = T(D + "08:09:45")
CORRECTION = T(D + "08:15:00")
HOTFIX = T(D + "09:58:20")
SYNC_START = T(D + "10:02:30")
RESOLVED = T(D + "10:47:00")
ROUTES = [("LIS", "OPO"), ("OPO", "LIS"), ("LIS", "FNC"), ("FNC", "LIS"), ("LIS", "PDL"), ("PDL", "LIS"), ("OPO", "FNC"), ("FNC", "OPO"), ("LIS", "FAO"), ("FAO", "LIS")]

# ---- journald JSON export from feed-01 (journalctl -o json --since 2026-05-02 -u schedule-sync -u fx-rates-import -u ssh ...)
BOOT = uid("boot-feed-01", 32)
MACH = uid("machine-feed-01", 32)
BOOT_T = T("2026-04-21 03:12:09")
jr = []
def J(t, ident, unit, pid, msg, prio=6, transport="stdout", comm=None, exe=None, extra=None):
    d = {"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid("seq", 32), 0x5a1c00 + len(jr), BOOT, int((t - BOOT_T).total_seconds() * 1e6), int(epoch(t) * 1e6), hexid(rng, 16)),
         "__REALTIME_TIMESTAMP": str(int(round(epoch(t) * 1e6))), "__MONOTONIC_TIMESTAMP": str(int((t - BOOT_T).total_seconds() * 1e6)),
         "_BOOT_ID": BOOT, "_MACHINE_ID": MACH, "_HOSTNAME": "feed-01", "PRIORITY": str(prio), "SYSLOG_FACILITY": "3",
         "_TRANSPORT": transport, "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_UID": "0" if ident in ("systemd", "sshd", "sftp-server") else "998",
         "_COMM": comm or ident, "_SYSTEMD_UNIT": unit, "_SYSTEMD_SLICE": "system.slice", "MESSAGE": msg}
    if exe:
        d["_EXE"] = exe
    if extra:
        d.update(extra)
    jr.append((t, jline(d)))
def SS(t, lvl, logger, msg):
    prio = {"DEBUG": 7, "INFO": 6, "WARNING": 4, "ERROR": 3}[lvl]
    J(t, "schedule-sync", "schedule-sync.service", SSPID[0], "%s %s: %s" % (lvl, logger, msg), prio=prio, comm="python3",
      exe="/usr/bin/python3.11")
SSPID = [1187]
# daily failing fx-rates-import timer
for i, c in enumerate(CRON):
    J(add(c, seconds=-1), "systemd", "init.scope", 1, "Starting fx-rates-import.service - Import ECB reference FX rates...", transport="journal", comm="systemd", extra={"UNIT": "fx-rates-import.service"})
    J(c, "fx-rates-import", "fx-rates-import.service", 30211 + i * 97, "ERROR fetch https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml: 403 Forbidden (proxy denies host)", prio=3, comm="python3")
    J(add(c, seconds=0.2), "systemd", "init.scope", 1, "fx-rates-import.service: Main process exited, code=exited, status=1/FAILURE", prio=5, transport="journal", comm="systemd", extra={"UNIT": "fx-rates-import.service"})
    J(add(c, seconds=0.21), "systemd", "init.scope", 1, "fx-rates-import.service: Failed with result 'exit-code'.", prio=4, transport="journal", comm="systemd", extra={"UNIT": "fx-rates-import.service"})
# hourly feed files: sftp-server + schedule-sync polls
def upload(t, fname, size, pid):
    J(add(t, seconds=-2), "sshd", "ssh.service", pid, "Accepted publickey for zn-feed from 185.43.12.7 port %d ssh2: ED25519 SHA256:Qm4v%s" % (rng.randint(40000, 60000), hexid(rng, 20)), transport="syslog", comm="sshd")
    J(add(t, seconds=-1), "sftp-server", "ssh.service", pid + 1, 'open "/incoming/ZN/%s" flags WRITE,CREATE,TRUNCATE mode 0644' % fname, transport="syslog", comm="sftp-server")
    J(t, "sftp-server", "ssh.service", pid + 1, 'close "/incoming/ZN/%s" bytes read 0 written %d' % (fname, size), transport="syslog", comm="sftp-server")
for h in range(0, 12):
    ft = T(D + "%02d:00:%02d" % (h, rng.randint(8, 16)))
    if h == 6:
        ft = FEED_UPLOAD
    if h == 7:
        ft = FEED2
    upload(ft, "ASM_20260505_%02d00.txt" % h, {6: 812344, 7: 61220}.get(h, rng.randint(3000, 14000)), 40100 + h * 13)
    if ft < W0 or h in (6, 7):
        continue
    if STOP_SYNC <= ft < SYNC_START:
        continue
    if ft >= SYNC_START:
        continue
    n = rng.randint(8, 30)
    SS(add(ft, seconds=20), "INFO", "schedsync.poller", "picked up /incoming/ZN/ASM_20260505_%02d00.txt (%d messages)" % (h, n))
    for k in range(rng.randint(0, 2)):
        SS(add(ft, seconds=21 + k), "WARNING", "schedsync.asm", "ASM TIM for unknown flight ZN%d/%s, skipped" % (rng.randint(9000, 9400), rng.choice(["19MAY", "21MAY", "02JUN"])))
    SS(add(ft, seconds=24), "INFO", "schedsync.batch", "batch ASM_20260505_%02d00 done: %d messages, 0 segments changed, 0 bookings notified" % (h, n))
# the renumbering batches
pnrs = set()
def pnr():
    while True:
        p = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        if p not in pnrs:
            pnrs.add(p)
            return p
notified = []  # (t, pnr, flight)
def renumber_batch(ft, fname, nflights, nmsgs, days):
    SS(add(ft, seconds=26), "INFO", "schedsync.poller", "picked up /incoming/ZN/%s (%d messages)" % (fname, nmsgs))
    t = add(ft, seconds=27)
    segs = books = 0
    first = True
    for i in range(nflights):
        o, d = ROUTES[i % len(ROUTES)]
        fno = 1400 + i * 2 + (1 if o > d else 0)
        for dd in days:
            t = STARTED if (first and fname.endswith("0600.txt")) else add(t, seconds=rng.uniform(2.0, 6.0))
            first = False
            date = "%02dMAY" % dd if dd <= 31 else "%02dJUN" % (dd - 31)
            SS(t, "WARNING", "schedsync.asm", "ASM FLT ZN%d/%s %s%s: action FLT not supported, applying CNL handling" % (fno, date, o, d))
            nb = rng.choice([0, 0, 1, 1, 1, 2, 2, 3])
            if nb == 0:
                continue
            ns = nb + rng.randint(0, nb)
            segs += ns
            books += nb
            SS(add(t, seconds=0.4), "INFO", "schedsync.pnr", "ZN%d/%s cancelled by carrier: %d segments set UN on %d bookings, involuntary-change notice queued" % (fno, date, ns, nb))
            for _ in range(nb):
                notified.append((add(t, seconds=rng.uniform(20, 80)), pnr(), "ZN%d" % fno, date, o, d))
    SS(add(t, seconds=3), "INFO", "schedsync.batch", "batch %s done: %d messages, %d segments changed, %d bookings notified" % (fname[:-4], nmsgs, segs, books))
    return segs, books
s1 = renumber_batch(FEED_UPLOAD, "ASM_20260505_0600.txt", 44, 1840, list(range(12, 40, 4)))
s2 = renumber_batch(FEED2, "ASM_20260505_0700.txt", 6, 120, [40, 43, 46])
TOTAL_SEGS, TOTAL_BOOKS = s1[0] + s2[0], s1[1] + s2[1]
# stop, restore, hotfix
J(add(STOP_SYNC, seconds=-1), "sudo", "session-812.scope", 51012, "helena.matos : TTY=pts/0 ; PWD=/home/helena.matos ; USER=root ; COMMAND=/usr/bin/systemctl stop schedule-sync.service", prio=5, transport="syslog", comm="sudo")
J(STOP_SYNC, "systemd", "init.scope", 1, "Stopping schedule-sync.service - Airline schedule-change sync...", transport="journal", comm="systemd", extra={"UNIT": "schedule-sync.service"})
SS(add(STOP_SYNC, seconds=0.3), "INFO", "schedsync.worker", "SIGTERM received, finishing current message and exiting")
J(add(STOP_SYNC, seconds=1.1), "systemd", "init.scope", 1, "schedule-sync.service: Deactivated successfully.", transport="journal", comm="systemd", extra={"UNIT": "schedule-sync.service"})
J(add(STOP_SYNC, seconds=1.2), "systemd", "init.scope", 1, "Stopped schedule-sync.service - Airline schedule-change sync.", transport="journal", comm="systemd", extra={"UNIT": "schedule-sync.service"})
J(add(RESTORE, seconds=-1), "sudo", "session-812.scope", 51490, "helena.matos : TTY=pts/0 ; PWD=/opt/schedule-sync ; USER=schedsync ; COMMAND=/opt/schedule-sync/venv/bin/schedsync-revert --batch ASM_20260505_0600 --batch ASM_20260505_0700 --withdraw-refund-offers", prio=5, transport="syslog", comm="sudo")
def RV(t, lvl, msg):
    J(t, "schedsync-revert", "session-812.scope", 51493, "%s schedsync.revert: %s" % (lvl, msg), prio=6 if lvl == "INFO" else 4, comm="python3", transport="stdout")
RV(RESTORE, "INFO", "reverting batches ASM_20260505_0600, ASM_20260505_0700: %d segments on %d bookings" % (TOTAL_SEGS, TOTAL_BOOKS))
done = 0
for t in frange(add(RESTORE, seconds=60), add(MITIGATED, seconds=-30), 120):
    done = min(TOTAL_SEGS, done + TOTAL_SEGS // 9)
    RV(t, "INFO", "progress %d/%d segments restored to HK" % (done, TOTAL_SEGS))
RV(add(RESTORE, seconds=400), "WARNING", "booking %s: refund already processed (ticket voided), skipping, needs manual reissue" % "RT" + hexid(rng, 4).upper())
RV(MITIGATED, "INFO", "done: %d segments restored to HK, %d refund offers withdrawn, 27 bookings need manual reissue" % (TOTAL_SEGS, TOTAL_BOOKS - 27))
J(add(SYNC_START, seconds=-1), "systemd", "init.scope", 1, "Started schedule-sync.service - Airline schedule-change sync.", transport="journal", comm="systemd", extra={"UNIT": "schedule-sync.service"})
SSPID[0] = 52318
SS(add(SYNC_START, seconds=1), "INFO", "schedsync.worker", "schedule-sync 2.15.0 starting (asm actions: NEW CNL TIM EQT RPL FLT)")
for h, (nf, nseg) in zip((7, 8, 9, 10), ((6, 48), (0, 0), (0, 0), (0, 0))):
    t = add(SYNC_START, seconds=5 + (h - 7) * 20)
    SS(t, "INFO", "schedsync.poller", "picked up /incoming/ZN/ASM_20260505_%02d00.txt (%d messages)" % (h, 120 if h == 7 else rng.randint(10, 25)))
SS(add(SYNC_START, seconds=40), "INFO", "schedsync.asm", "reprocessing ASM_20260505_0600 with FLT support (1840 messages)")
SS(add(SYNC_START, seconds=231), "INFO", "schedsync.batch", "batch ASM_20260505_0600 reprocessed: %d segments renumbered (FLT), 0 cancelled" % s1[0])
SS(add(SYNC_START, seconds=262), "INFO", "schedsync.batch", "batch ASM_20260505_0700 reprocessed: %d segments renumbered (FLT), 0 cancelled" % s2[0])
for t in frange(T("2026-05-02 00:00:00"), W1, 3600 * 3):
    J(add(t, seconds=rng.randint(1, 40)), "CRON", "cron.service", 700 + rng.randint(0, 90), "(root) CMD (/usr/sbin/logrotate /etc/logrotate.conf)", transport="syslog", comm="cron")
inc.lines("feed-01.journal.json", [l for _, l in sorted(jr, key=lambda x: x[0])])

# ---- Mailgun events API export
mg = []
def MG(t, event, to, subject, tags, booking=None, status=(250, "OK")):
    mid = "%s.%s@mg.rutalia.pt" % (int(epoch(t)), hexid(rng, 10))
    it = {"id": hexid(rng, 22), "event": event, "timestamp": round(epoch(t), 6), "log-level": "info" if event == "delivered" else "error",
          "recipient": to, "recipient-domain": to.split("@")[1], "tags": tags,
          "message": {"headers": {"message-id": mid, "from": "Rutalia Viagens <viagens@mg.rutalia.pt>", "to": to, "subject": subject}, "size": rng.randint(18000, 42000)},
          "user-variables": {"booking": booking} if booking else {},
          "delivery-status": {"code": status[0], "message": status[1], "attempt-no": 1, "session-seconds": round(rng.uniform(0.2, 2.5), 3)}}
    if event == "failed":
        it["severity"] = "permanent"
        it["reason"] = "bounce"
    mg.append((t, it))
def addr():
    return "%s%s@%s" % (rng.choice(["ana", "joao", "rui", "marta", "ines", "pedro", "sofia", "miguel", "carla", "tiago"]), rng.randint(10, 9999),
                        rng.choice(["gmail.com", "sapo.pt", "hotmail.com", "outlook.pt", "icloud.com"]))
for t, p, fl, date, o, d in notified:
    MG(t, "delivered", addr(), "Importante: o seu voo %s de %s (%s-%s) foi cancelado pela companhia" % (fl, date, o, d), ["schedule-change", "involuntary"], p)
refund_ts = sorted(rng.sample(notified, 27), key=lambda x: x[0])
for i, (t, p, fl, date, o, d) in enumerate(refund_ts):
    rt = add(t, minutes=rng.uniform(6, 50))
    if rt >= REFUNDS_OFF:
        rt = add(REFUNDS_OFF, seconds=-(i + 1) * 31)
    MG(rt, "delivered", addr(), "Reembolso confirmado - reserva %s" % p, ["refund", "self-service"], p)
for k, (t, p, fl, date, o, d) in enumerate(notified):
    MG(add(CORRECTION, seconds=k * 1.9), "delivered", addr(), "Atualizacao: o seu voo %s de %s opera normalmente (novo numero ZN%d)" % (fl, date, int(fl[2:]) + 4000),
       ["schedule-change", "correction"], p)
for t in poisson_times(rng, W0, W1, 1 / 75.0):
    MG(t, "delivered", addr(), "Confirmacao da reserva %s" % pnr(), ["booking-confirmation"], None)
for t in poisson_times(rng, W0, W1, 1 / 700.0):
    MG(t, "failed", addr(), "Confirmacao da reserva %s" % pnr(), ["booking-confirmation"], None, status=(550, "5.1.1 The email account that you tried to reach does not exist"))
items = [it for _, it in sorted(mg, key=lambda x: x[0])]
inc.json("mg-events-2026-05-05.json", {"items": items, "paging": {
    "first": "https://api.eu.mailgun.net/v3/mg.rutalia.pt/events?begin=1777959000&ascending=yes&limit=300",
    "next": "https://api.eu.mailgun.net/v3/mg.rutalia.pt/events/W3siYSI6IGZhbHNlLCAiYiI6ICIyMDI2LTA1LTA1VDExOjMwOjAwIn1d",
    "previous": "https://api.eu.mailgun.net/v3/mg.rutalia.pt/events/W3siYSI6IHRydWUsICJiIjogIjIwMjYtMDUtMDVUMDU6MzA6MDAifV0=",
    "last": "https://api.eu.mailgun.net/v3/mg.rutalia.pt/events?begin=1777980600&ascending=no&limit=300"}}, indent=None)

# ---- Zendesk incremental ticket export
zd = []
def Z(t, subject, tags, channel="email", prio="normal"):
    tid = 318400 + len(zd)
    zd.append({"url": "https://rutalia.zendesk.com/api/v2/tickets/%d.json" % tid, "id": tid, "external_id": None,
               "via": {"channel": channel, "source": {"from": {}, "to": {}, "rel": None}}, "created_at": iso(t), "updated_at": iso(add(t, minutes=rng.randint(3, 90))),
               "type": "question" if channel != "voice" else "incident", "subject": subject, "raw_subject": subject, "priority": prio,
               "status": rng.choice(["open", "pending", "solved"]), "requester_id": 40000000 + rng.randint(0, 9999999),
               "group_id": 360001187, "brand_id": 360000412, "tags": tags, "custom_fields": [{"id": 360004455, "value": tags[0] if tags else None}]})
BG = [("Alterar nome do passageiro", ["name_change"]), ("Bagagem extra na reserva", ["ancillaries"]), ("Fatura da reserva", ["invoice"]),
      ("Check-in online nao funciona", ["checkin"]), ("Pedido de reembolso - doenca", ["refund_request"]), ("Quarto de hotel sem confirmacao", ["hotel"])]
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    sub, tags = rng.choice(BG)
    Z(t, sub, tags, channel=rng.choice(["email", "web", "voice"]))
Z(FIRST_TICKET, "Voo ZN cancelado? a companhia diz que o voo existe", ["schedule_change", "zn"])
def zrate(t):
    if t < FIRST_TICKET:
        return 0
    if t < REFUNDS_OFF:
        return min(1 / 22.0, 1 / 90.0 + (t - FIRST_TICKET).total_seconds() / 70000.0)
    if t < MITIGATED:
        return 1 / 40.0
    if t < add(CORRECTION, minutes=40):
        return 1 / 160.0
    return 1 / 900.0
t = FIRST_TICKET
while t < W1:
    r = zrate(t)
    t = add(t, seconds=rng.expovariate(r) if r else 60)
    if t >= W1:
        break
    if rng.random() < 0.6:
        Z(t, rng.choice(["Voo ZN%d cancelado - preciso de alternativa" % rng.randint(1400, 1500), "Recebi email de cancelamento mas o voo aparece no site da ZN",
                         "Cancelamento voo Funchal", "O meu voo para Ponta Delgada foi cancelado?", "Reembolso aceite por engano - quero manter o voo"]),
          ["schedule_change", "zn"], channel=rng.choice(["email", "voice", "chat", "web"]), prio=rng.choice(["normal", "high"]))
zd.sort(key=lambda x: x["created_at"])
inc.json("support/tickets-export.json", {"tickets": zd, "count": len(zd), "end_of_stream": True, "end_time": int(epoch(W1)),
                                          "next_page": "https://rutalia.zendesk.com/api/v2/incremental/tickets.json?start_time=%d" % int(epoch(W1))})

# ---- partners@ mailbox (mbox)
mb = []
def M(t, frm, to, subj, body, msgid, in_reply=None):
    lt = local(t, "UTC")
    hdr = ["From %s %s" % (frm.split("<")[-1].rstrip(">"), lt.strftime("%a %b %d %H:%M:%S %Y").replace(" 0", "  ")),
           "Return-Path: <%s>" % frm.split("<")[-1].rstrip(">"),
           "Date: %s" % local(t, TZ).strftime("%a, %d %b %Y %H:%M:%S %z"), "From: %s" % frm, "To: %s" % to, "Subject: %s" % subj,
           "Message-ID: <%s>" % msgid]
    if in_reply:
        hdr.append("In-Reply-To: <%s>" % in_reply)
    hdr += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    body_l = [(">" + l) if l.startswith("From ") else l for l in body.split("\n")]
    mb.append((t, "\n".join(hdr + body_l + [""])))
M(T("2026-04-28 14:05:10"), "Orbis Hotels Connect <noreply@status.orbishotels.example>", "partners@rutalia.pt",
  "[Scheduled maintenance] Availability API - 2026-05-12 01:00-03:00 UTC",
  "Dear partner,\n\nOur availability and booking APIs will be in read-only mode during scheduled maintenance on\n12 May 2026 between 01:00 and 03:00 UTC. Bookings attempted in this window will return 503.\n\nOrbis Hotels Connect operations", "m-20260428-ohc@orbishotels.example")
M(NOTICE, "Zenith Norte Distribution <distribution@zenithnorte.example>", "partners@rutalia.pt",
  "ZN schedule notice: domestic and islands flight renumbering effective 05MAY26",
  "Dear travel partner,\n\nFrom 05 May 2026, Zenith Norte renumbers its domestic and Madeira/Azores services from the\nZN14xx range to ZN54xx. Times, routes and aircraft are unchanged. Existing bookings remain valid.\n\nThe change will be sent by SSIM/ASM as FLT (flight number change) messages for every operating\ndate from 06:00 UTC on 05 May, hourly until complete. Please make sure your systems process ASM FLT.\nGDS PNRs will be updated through the usual schedule-change queues.\n\nKind regards,\nZenith Norte Distribution Support", "zn-notice-0503-7781@zenithnorte.example")
M(T("2026-05-04 16:40:03"), "GDS Customer Notices <notices@gds-partner.example>", "partners@rutalia.pt",
  "Service notice: intermittent latency on ticket display, 04 May resolved",
  "Between 14:02 and 14:37 UTC on 04 May some ticket display requests were slow. The issue is resolved.", "gds-n-5512@gds-partner.example")
M(T(D + "07:41:30"), "Helena Matos <helena.matos@rutalia.pt>", "distribution@zenithnorte.example",
  "RE: ZN schedule notice: domestic and islands flight renumbering effective 05MAY26",
  "Hello,\n\nOur schedule-change processing mis-read your FLT messages this morning and showed some ZN bookings\nas cancelled to our customers. We are correcting it on our side. Can you confirm that all ZN14xx\nservices are operating as ZN54xx with no other change?\n\nHelena Matos, Rutalia platform on-call", "rt-0505-hm-1@rutalia.pt", in_reply="zn-notice-0503-7781@zenithnorte.example")
M(T(D + "08:22:55"), "Zenith Norte Distribution <distribution@zenithnorte.example>", "helena.matos@rutalia.pt",
  "RE: RE: ZN schedule notice: domestic and islands flight renumbering effective 05MAY26",
  "Hello Helena,\n\nConfirmed: renumbering only, every ZN14xx service operates as ZN54xx. No cancellations.\n\nZenith Norte Distribution Support", "zn-0505-reply-90@zenithnorte.example", in_reply="rt-0505-hm-1@rutalia.pt")
inc.lines("mail/partners.mbox", [m for _, m in sorted(mb, key=lambda x: x[0])])

# ---- Alertmanager API v2 alerts (snapshot taken 07:38 UTC)
SNAP = T(D + "07:38:00")
al = [amtool_alert("ScheduleChangeCancellationsHigh", {"severity": "warning", "team": "platform", "service": "schedule-sync", "carrier": "ZN"},
                   "ZN segments cancelled by carrier in 1h: %d (7d hourly max 14)" % s1[0], ALERT, SNAP, receivers=("slack-platform",)),
      amtool_alert("SystemdUnitFailed", {"severity": "warning", "team": "platform", "instance": "feed-01:9100", "name": "fx-rates-import.service", "state": "failed"},
                   "fx-rates-import.service failed on feed-01", add(CRON[-1], minutes=1), SNAP, receivers=("slack-platform",)),
      amtool_alert("HotelAriPushErrorRate", {"severity": "warning", "team": "hotels", "service": "hotel-ari", "channel_manager": "rateflow"},
                   "ARI pushes from RateFlow failing 6.1%", T(D + "07:29:30"), SNAP, receivers=("slack-hotels",)),
      amtool_alert("KafkaConsumerLagHigh", {"severity": "warning", "team": "data", "consumergroup": "bi-loader", "topic": "bookings"},
                   "bi-loader lag 182k on bookings", T(D + "03:12:00"), SNAP, receivers=("slack-data",), state="suppressed",
                   silenced_by=(uuid("silence-bi-loader"),))]
inc.json("snapshot-0738.json", al)

# ---- PagerDuty log entries (account-level export)
pd = PD(7712, "ZN bookings shown as cancelled to customers - support flooded", "booking-platform", "PBKPL01", esc_policy="Platform On-call")
sofia = PD.user("Sofia Reis", "PSOFREI")
tiago = PD.user("Tiago Fonseca", "PTIAFON")
helena = PD.user("Helena Matos", "PHELMAT")
pd.add(PAGE, "trigger_log_entry", sofia, {"type": "web_trigger", "summary": "ZN bookings shown as cancelled to customers - support flooded",
       "details": "~70 tickets since 07:14 local, customers got cancellation + refund emails, ZN says flights operate"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", None, {"type": "auto"}, "Assigned to Tiago Fonseca.", assignees=[tiago])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Tiago Fonseca by push notification.", user=tiago)
pd.add(add(PAGE, seconds=302), "notify_log_entry", None, {"type": "auto"}, "Notified Tiago Fonseca by phone.", user=tiago)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.", escalation_policy={"summary": "Platform On-call"})
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Helena Matos by phone.", user=helena)
pd.add(ACK, "acknowledge_log_entry", helena, {"type": "phone"}, "Acknowledged by Helena Matos.")
pd.add(add(DIAG, seconds=200), "annotate_log_entry", helena, {"type": "web_ui", "summary": "schedule-sync treats ASM FLT (renumbering) as CNL; ZN flights are operating"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", helena, {"type": "web_ui"}, "Resolved by Helena Matos.")
oth = PD(7710, "HotelAriPushErrorRate RateFlow ARI pushes failing", "hotel-ari", "PHARI01", esc_policy="Hotels")
nuno = PD.user("Nuno Pires", "PNUNPIR")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMHOT1", "summary": "Alertmanager"}
for a, b in [("05:52:10", "06:04:40"), ("06:37:00", "06:45:30"), ("07:29:40", "07:51:10"), ("09:12:30", "09:20:00")]:
    oth.add(T(D + a), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
    oth.add(add(T(D + a), seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Nuno Pires by email.", user=nuno)
    oth.add(T(D + b), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + oth.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("oncall-export.json", ex)

# ---- Slack export
s = Slack()
for u, n, r in [("U04SOF", "sofia.reis", "Sofia Reis"), ("U04TIA", "tiago", "Tiago Fonseca"), ("U04HEL", "helena", "Helena Matos"),
                ("U04BRU", "bruno", "Bruno Lopes"), ("U04CAT", "catarina", "Catarina Alves"), ("U04NUN", "nuno", "Nuno Pires")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C04SUP", "support-escalations", "Support desk -> engineering"), ("C04INC", "inc-zn-cancellations", ""),
                  ("C04PLT", "platform-alerts", "Alertmanager"), ("C04DEP", "deploys", "Spinnaker")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("platform-alerts", add(c, seconds=75), "B04AM", "alertmanager",
          attachments=am_slack_attachment("firing", "SystemdUnitFailed", "fx-rates-import.service failed on feed-01", color="warning"))
s.bot("platform-alerts", add(ALERT, seconds=14), "B04AM", "alertmanager",
      attachments=am_slack_attachment("firing", "ScheduleChangeCancellationsHigh", "ZN segments cancelled by carrier in 1h: %d (7d hourly max 14)" % s1[0], color="warning"))
for t, app, ver in [(OTHER_DEPLOY, "payments-api", "v8.2.1"), (T(D + "09:15:44"), "hotel-ari", "v3.3.0"), (HOTFIX, "schedule-sync", "v2.15.0")]:
    s.bot("deploys", t, "B04SPIN", "spinnaker", blocks=pd_slack_blocks("Pipeline *deploy-%s* succeeded: `%s` to prod-eu" % (app, ver)))
s.say("support-escalations", SUPPORT_POST, "U04CAT", "lots of calls about ZN cancellations this morning, customers say ZN's own site shows the flight. anyone know anything?")
s.say("support-escalations", add(SUPPORT_POST, seconds=400), "U04CAT", "some of them already accepted the refund in the email link")
s.say("support-escalations", SUPPORT_LEAD, "U04SOF", "we're at 60+ tickets in 30 min on ZN cancellations. I called ZN: they cancelled nothing today. paging platform")
s.say("support-escalations", add(PAGE, seconds=25), "U04SOF", "paged platform on-call (PD #7712)")
ch = "inc-zn-cancellations"
s.say(ch, add(ACK, seconds=50), "U04HEL", "acked, got it by escalation. looking at schedule-sync on feed-01")
s.say(ch, T(D + "07:12:20"), "U04TIA", "sorry, phone was on silent. here now")
s.say(ch, WRONG1, "U04BRU", "did ZN actually cancel? maybe their ops had an IT outage and sent garbage")
s.say(ch, WRONG2, "U04TIA", "or the GDS schedule-change queue (Q8) placed them? we had that in March")
s.say(ch, DIAG, "U04HEL", "schedule-sync logs: 'ASM FLT ZN1400/12MAY: action FLT not supported, applying CNL handling'. ZN renumbered ZN14xx to ZN54xx with FLT messages (the notice is in partners@ since Sunday) and our parser treats any unknown action as a cancellation. that's it")
s.say(ch, ROLLBACK_Q, "U04BRU", "should we roll back schedule-sync?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U04HEL", "nothing to roll back, 2.14 has been there since March. FLT was never supported")
s.say(ch, REFUNDS_OFF, "U04TIA", "done: self-service refunds for involuntary changes switched off in backoffice, so nobody else refunds a flight that operates")
s.say(ch, add(STOP_SYNC, seconds=20), "U04HEL", "stopped schedule-sync.service on feed-01 so the 08:00 file doesn't cancel more")
s.say(ch, add(RESTORE, seconds=-90), "U04HEL", "running schedsync-revert on the 06:00 and 07:00 batches, restores segments to HK and withdraws refund offers")
s.say(ch, add(MITIGATED, seconds=40), "U04HEL", "revert done, all ZN segments back to HK, trips pages show the flights again. 27 bookings already refunded need manual reissue")
s.say(ch, add(CORRECTION, seconds=-60), "U04SOF", "sending the correction email to everyone who got the cancellation")
s.say(ch, add(HOTFIX, seconds=-300), "U04TIA", "FLT handling PR merged, 2.15.0 going out; will restart schedule-sync and reprocess the batches as renumbers")
s.say(ch, add(SYNC_START, seconds=300), "U04TIA", "2.15.0 running, 06:00 and 07:00 batches reprocessed as FLT renumbers, bookings show ZN54xx")
s.say(ch, add(RESOLVED, seconds=-60), "U04HEL", "resolving. support handles the 27 reissues (ticket-ops queue), postmortem Thursday")
s.say("support-escalations", COMMS, "U04SOF", "macro 'ZN renumbering - your flight operates' is live and the trips page banner is up: 'Some Zenith Norte flights were shown as cancelled by mistake. Your flight is operating.'")
s.write(inc, "workspace-export")

inc.truth(
    "rutalia-asm-flight-renumber", "airline-schedule-feed-unsupported-message-misread-as-cancellation-support-detected",
    "Zenith Norte renumbers its domestic flights with ASM FLT messages (announced by e-mail two days before); schedule-sync treats the\n"
    "unknown action as a cancellation, bookings show cancelled and customers get refund offers; support pages by hand; a revert restores them.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first 'action FLT not supported, applying CNL handling' in schedule-sync", "feed-01.journal.json", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #7712 from the website", "oncall-export.json", 60),
     (ALERT, "alert_fired", "ScheduleChangeCancellationsHigh (warning) after the page", "snapshot-0738.json", 60),
     (ACK, "acknowledged", "Helena acknowledges after escalation by timeout", "oncall-export.json", 60),
     (DIAG, "diagnosis", "Helena: ZN renumbering via FLT, parser falls through to cancellation", "workspace-export", 90),
     (REFUNDS_OFF, "mitigation", "self-service refunds for involuntary changes switched off (partial)", "workspace-export", 90),
     (STOP_SYNC, "mitigation", "schedule-sync.service stopped on feed-01", "feed-01.journal.json", 60),
     (COMMS, "communication", "support macro and trips-page banner: flights operating", "workspace-export", 90),
     (RESTORE, "mitigation", "schedsync-revert of the 06:00 and 07:00 batches started", "feed-01.journal.json", 60),
     (MITIGATED, "recovery", "revert done: segments back to HK, refund offers withdrawn", "feed-01.journal.json", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "oncall-export.json", 60)],
    [(CRON[-1], "fx-rates-import.service fails every day at 05:45 UTC", "feed-01.journal.json"),
     (OTHER_DEPLOY, "payments-api v8.2.1 deploy by another team", "workspace-export"),
     (T(D + "09:15:44"), "hotel-ari v3.3.0 deploy by the hotels team", "workspace-export"),
     (T(D + "07:29:40"), "HotelAriPushErrorRate incidents flapping all morning (hotels team)", "oncall-export.json"),
     (T(D + "03:12:00"), "silenced KafkaConsumerLagHigh for the data team", "snapshot-0738.json"),
     (WRONG1, "wrong hunch: ZN IT outage", "workspace-export"),
     (WRONG2, "wrong hunch: GDS schedule-change queue", "workspace-export"),
     (ROLLBACK_Q, "'should we roll back schedule-sync?' question, nothing to roll back", "workspace-export"),
     (T(D + "09:00:00"), "steady background support tickets, booking-confirmation bounces and ASM TIM skips", "support/tickets-export.json")],
    [("feed-01.journal.json", "logs"), ("mg-events-2026-05-05.json", "logs"), ("support/tickets-export.json", "logs"),
     ("mail/partners.mbox", "logs"), ("snapshot-0738.json", "alertmanager-api-alerts"), ("oncall-export.json", "pagerduty-log-entries"),
     ("workspace-export", "slack-export")])
