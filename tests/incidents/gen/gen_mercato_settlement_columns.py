"""retired14/mercato-settlement-columns: the acquirer's settlement file gains a scheme_fee column (spec v4.0 from 1 Sept);
our importer maps columns by position, so net_amount is read from scheme_fee. Nothing errors: merchant balances drop to
almost nothing, the nightly recon raises a ticket nobody reads, the payout batch guard pages; the batch is held, the file
re-imported with a hotfix, the batch recomputed and released."""
import random
from common import *

rng = random.Random(20260901)
inc = Incident("retired14", "mercato-settlement-columns")
RTZ = "Europe/Rome"
D = "2026-09-01 "
W0, W1 = T(D + "03:00:00"), T(D + "09:00:00")
DAYS = ["2026-08-29", "2026-08-30", "2026-08-31", "2026-09-01"]
UPLOAD = T(D + "03:12:40")
IMPORT = T(D + "03:20:00")
STARTED = T(D + "03:20:05")
POSTED = T(D + "03:22:31")
RECON = T(D + "03:45:00")
RECON_ALERT = T(D + "03:51:30")
OTHER_DEPLOY = T(D + "04:10:15")
BATCH = T(D + "05:00:00")
PAGE_ALERT = T(D + "05:02:40")
PAGE = T(D + "05:03:10")
ACK = T(D + "05:06:40")
WRONG = T(D + "05:09:20")
ROLLBACK_Q = T(D + "05:12:50")
HOLD = T(D + "05:18:30")
DIAG = T(D + "05:41:10")
OTHER_DEPLOY2 = T(D + "06:15:40")
MERCHANTS = T(D + "06:31:00")
COMMS = T(D + "06:41:30")
HOTFIX = T(D + "06:52:10")
REIMPORT = T(D + "07:05:30")
REPOSTED = T(D + "07:08:02")
RECON2 = T(D + "07:14:30")
RECON_OK = T(D + "07:20:00")
RELEASE = T(D + "07:31:00")
MITIGATED = T(D + "07:33:12")
BANK_ACK = T(D + "08:20:45")
RESOLVED = T(D + "08:36:20")

# ---- sftp-gw journald export (journalctl -o json), three days back
jr = []
def J(t, ident, msg, pid, prio=6, unit=None, comm=None):
    us = int(round(epoch(t) * 1e6))
    d = {"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x" % (uid("sftp-gw", 32), 0x4a21c + len(jr), uid("boot", 32), us - 1_780_000_000_000_000, us),
         "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1_780_000_000_000_000 + 9_000_000_000),
         "_BOOT_ID": uid("boot", 32), "_MACHINE_ID": uid("machine", 32), "_HOSTNAME": "sftp-gw-1", "PRIORITY": str(prio),
         "SYSLOG_FACILITY": "10" if ident in ("sshd", "internal-sftp") else "3", "SYSLOG_IDENTIFIER": ident, "_PID": str(pid),
         "_COMM": comm or ident, "_TRANSPORT": "syslog" if ident in ("sshd", "internal-sftp") else "journal", "MESSAGE": msg}
    if unit:
        d["_SYSTEMD_UNIT"] = unit
    jr.append((t, jline(d)))
J0 = T("2026-08-29 03:00:00")
for d in DAYS:
    up = T(d + " 03:1%d:%02d" % (rng.randint(0, 3), rng.randint(0, 59))) if d != DAYS[-1] else UPLOAD
    pid = rng.randint(20000, 60000)
    day = T(d + " 00:00:00")
    fname = "/in/STL_%s_MRC01.csv" % add(day, days=-1).strftime("%Y%m%d")
    J(add(up, seconds=-3), "sshd", "Accepted publickey for bna-settle from 193.42.18.77 port %d ssh2: RSA SHA256:q1V0bX9mQm7w3yG1dYh6Ckz2oK1lTq5n0RrJdE4pZ8s" % rng.randint(40000, 60000), pid, unit="ssh.service")
    J(add(up, seconds=-2), "internal-sftp", "session opened for local user bna-settle from [193.42.18.77]", pid + 2, unit="ssh.service")
    size = rng.randint(8_700_000, 9_100_000) + (420_000 if d == DAYS[-1] else 0)
    J(up, "internal-sftp", 'open "%s" flags WRITE,CREATE,TRUNCATE mode 0644' % fname, pid + 2, unit="ssh.service")
    J(add(up, seconds=4), "internal-sftp", 'close "%s" bytes read 0 written %d' % (fname, size), pid + 2, unit="ssh.service")
    J(add(up, seconds=5), "internal-sftp", "session closed for local user bna-settle from [193.42.18.77]", pid + 2, unit="ssh.service")
    a = T(d + " 03:30:00")
    J(a, "systemd", "Starting archive-inbound.service - Move processed settlement files to cold storage...", 1, unit="init.scope")
    J(add(a, seconds=2), "archive-inbound", "upload failed: s3://mercato-settlement-archive/2026/: AccessDenied: User: arn:aws:iam::418290115733:user/sftp-archive is not authorized to perform: s3:PutObject (explicit deny in a service control policy)", 41000 + DAYS.index(d), prio=3, unit="archive-inbound.service", comm="aws")
    J(add(a, seconds=2.1), "systemd", "archive-inbound.service: Main process exited, code=exited, status=1/FAILURE", 1, prio=3, unit="init.scope")
    J(add(a, seconds=2.1), "systemd", "archive-inbound.service: Failed with result 'exit-code'.", 1, prio=4, unit="init.scope")
    J(add(a, seconds=2.1), "systemd", "Failed to start archive-inbound.service - Move processed settlement files to cold storage.", 1, prio=3, unit="init.scope")
for t in poisson_times(rng, T("2026-08-31 06:00:00"), W1, 1 / 600.0):
    ip = "%d.%d.%d.%d" % (rng.choice([45, 80, 92, 141, 179, 218]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    pid = rng.randint(20000, 60000)
    if rng.random() < 0.5:
        J(t, "sshd", "Invalid user %s from %s port %d" % (rng.choice(["admin", "oracle", "ubuntu", "test", "ftpuser", "git"]), ip, rng.randint(30000, 65000)), pid, unit="ssh.service")
    J(add(t, seconds=0.4), "sshd", "Connection closed by %s port %d [preauth]" % (ip, rng.randint(30000, 65000)), pid, unit="ssh.service")
jr.sort(key=lambda x: x[0])
inc.lines("sftp-gw-1.journal.json", [l for _, l in jr])

# ---- settle-importer: Rust tracing fmt (UTC), three nights + the manual re-import
st = []
def TR(t, level, target, msg, fields=""):
    st.append((t, "%s %5s %s: %s%s" % (iso_us(t), level, target, msg, (" " + fields) if fields else "")))
normal = {}
for d in DAYS:
    t0 = T(d + " 03:20:00")
    day = add(T(d + " 00:00:00"), days=-1).strftime("%Y-%m-%d")
    fname = "STL_%s_MRC01.csv" % day.replace("-", "")
    n = rng.randint(46000, 50500)
    gross = rng.uniform(2.05e6, 2.3e6)
    fees = gross * rng.uniform(0.0145, 0.0152)
    ver = "2.14.0"
    TR(add(t0, seconds=0.8), "INFO", "settle_importer", "starting", 'version="%s" batch_date=%s' % (ver, day))
    TR(add(t0, seconds=2.2), "INFO", "settle_importer::sftp", "fetched %s" % fname, "bytes=%d" % rng.randint(8_700_000, 9_500_000))
    if d == DAYS[-1]:
        TR(STARTED, "WARN", "settle_importer::parse", "header mismatch: expected 22 columns, got 23 (unexpected: \"scheme_fee\" at 14); continuing with positional mapping", "strict_header=false file=%s" % fname)
        net = gross * rng.uniform(0.00135, 0.00142)
        TR(add(t0, seconds=109), "INFO", "settle_importer::parse", "parsed %d lines" % n, "rejected=0 currency=EUR")
        TR(add(t0, seconds=110), "INFO", "settle_importer::totals", "batch totals", "gross_eur=%.2f fees_eur=%.2f net_eur=%.2f" % (gross, gross - net, net))
        TR(POSTED, "INFO", "settle_importer::ledger", "posted %d journal entries" % n, "account=merchant_available batch=%s" % day)
        normal[d] = (n, gross, fees, net)
    else:
        TR(add(t0, seconds=rng.uniform(100, 115)), "INFO", "settle_importer::parse", "parsed %d lines" % n, "rejected=0 currency=EUR")
        TR(add(t0, seconds=rng.uniform(116, 118)), "INFO", "settle_importer::totals", "batch totals", "gross_eur=%.2f fees_eur=%.2f net_eur=%.2f" % (gross, fees, gross - fees))
        TR(add(t0, seconds=rng.uniform(140, 150)), "INFO", "settle_importer::ledger", "posted %d journal entries" % n, "account=merchant_available batch=%s" % day)
        normal[d] = (n, gross, fees, gross - fees)
    for j in range(rng.randint(2, 4)):  # steady: chargeback lines the importer leaves to the disputes team
        TR(add(t0, seconds=30 + j * 17), "WARN", "settle_importer::parse", "line %d: record_type=CB (chargeback) skipped, handled by disputes-sync" % rng.randint(100, 48000))
    # nightly recon
    r0 = T(d + " 03:45:00")
    TR(r0, "INFO", "settle_recon", "reconciling batch", "batch=%s" % day)
    if d == DAYS[-1]:
        TR(add(r0, seconds=71), "WARN", "settle_recon", "reconciliation finished with mismatches",
           "batch=%s lines=%d mismatched=%d delta_eur=-%.2f" % (day, n, n - 21, (gross - fees) - net))
    else:
        TR(add(r0, seconds=rng.uniform(60, 75)), "INFO", "settle_recon", "reconciliation finished", "batch=%s lines=%d mismatched=%d delta_eur=%.2f" % (day, n, rng.randint(0, 3), rng.uniform(-40, 40)))
n, gross, fees, net = normal[DAYS[-1]]
real_fees = gross * 0.01486
day = "2026-08-31"
TR(add(REIMPORT, seconds=0.8), "INFO", "settle_importer", "starting", 'version="2.14.1" batch_date=%s mode=reimport' % day)
TR(add(REIMPORT, seconds=2.0), "INFO", "settle_importer::ledger", "reversing batch", "batch=%s entries=%d" % (day, n))
TR(add(REIMPORT, seconds=9.5), "INFO", "settle_importer::ledger", "batch reversed", "batch=%s entries=%d" % (day, n))
TR(add(REIMPORT, seconds=11.2), "INFO", "settle_importer::parse", "header mapped by name: 23 columns (spec v4.0)", "file=STL_20260831_MRC01.csv")
TR(add(REIMPORT, seconds=108), "INFO", "settle_importer::parse", "parsed %d lines" % n, "rejected=0 currency=EUR")
TR(add(REIMPORT, seconds=109), "INFO", "settle_importer::totals", "batch totals", "gross_eur=%.2f fees_eur=%.2f net_eur=%.2f" % (gross, real_fees, gross - real_fees))
TR(REPOSTED, "INFO", "settle_importer::ledger", "posted %d journal entries" % n, "account=merchant_available batch=%s" % day)
TR(RECON2, "INFO", "settle_recon", "reconciling batch", "batch=%s trigger=manual" % day)
TR(add(RECON2, seconds=66), "INFO", "settle_recon", "reconciliation finished", "batch=%s lines=%d mismatched=2 delta_eur=11.40" % (day, n))
st.sort(key=lambda x: x[0])
inc.lines("settle-importer.log", [l for _, l in st])

# ---- payouts-service: pino JSON
po = []
def P(t, level, msg, **kv):
    d = {"level": level, "time": int(epoch(t) * 1000), "pid": 1, "hostname": "payouts-6c8f7b9d54-wq2nd", "name": "payouts"}
    d.update(kv)
    d["msg"] = msg
    po.append((t, jline(d)))
SKIPPED = []
hist = {d: normal[d][1] - normal[d][2] for d in DAYS[:-1]}
wrong_total = net * 0.97
right_total = (gross - real_fees) * 0.97
for d in DAYS:
    b = T(d + " 05:00:00")
    bid = "PB-%s-EU" % d.replace("-", "")
    total = wrong_total if d == DAYS[-1] else hist[d] * 0.97
    P(b, 30, "payout batch started", batch=bid, region="EU")
    skipped = rng.randint(6, 11)
    if d == DAYS[-1]:
        SKIPPED.append(skipped)
    for i in range(skipped):
        P(add(b, seconds=3 + i * 0.2), 40, "merchant has no verified IBAN, payout skipped", batch=bid, merchant="m_%s" % uid(d + str(i), 8))
    P(add(b, seconds=41), 30, "payout batch computed", batch=bid, merchants=3412 - skipped, total_eur=round(total, 2))
    if d == DAYS[-1]:
        P(add(b, seconds=41.2), 40, "batch total deviates from 7-day mean; auto-release at 05:30 unless held", batch=bid, deviation_pct=round((total / (sum(hist.values()) / 3 * 0.97) - 1) * 100, 1))
        break
    P(add(b, minutes=30), 30, "payout batch released", batch=bid, by="auto")
    P(add(b, minutes=30, seconds=126), 30, "SEPA credit transfer file submitted", batch=bid, msg_id="MRC%s0500" % d.replace("-", ""), bank="BPM", transactions=3412 - skipped)
P(HOLD, 30, "payout batch held", batch="PB-20260901-EU", by="giulia.conti", reason="INC-618 settlement net looks wrong")
P(add(RELEASE, seconds=-30), 30, "payout batch recomputed", batch="PB-20260901-EU", merchants=3412 - SKIPPED[0], total_eur=round(right_total, 2))
P(RELEASE, 30, "payout batch released", batch="PB-20260901-EU", by="giulia.conti")
P(MITIGATED, 30, "SEPA credit transfer file submitted", batch="PB-20260901-EU", msg_id="MRC202609010731", bank="BPM", transactions=3412 - SKIPPED[0])
P(BANK_ACK, 30, "pain.002 status report received", batch="PB-20260901-EU", msg_id="MRC202609010731", status="ACCP")
for t in poisson_times(rng, W0, W1, 1 / 90.0):
    P(t, 40, "balance API: merchant dashboard request timed out upstream, served cached balance", merchant="m_%s" % hexid(rng, 8), upstream="ledger-read", timeout_ms=800)
po.sort(key=lambda x: x[0])
inc.lines("payouts-service.log", [l for _, l in po])

# ---- GitLab deployments API (finance/settle-importer, environment production)
def gdep(i, t, sha, ref, who, name, status="success"):
    return {"id": 88110 + i, "iid": 140 + i, "ref": ref, "sha": sha, "created_at": iso(add(t, seconds=-210), ms=True),
            "updated_at": iso(t, ms=True), "finished_at": iso(t, ms=True), "status": status,
            "user": {"id": 300 + i, "username": who, "name": name, "state": "active", "web_url": "https://gitlab.mercato.it/" + who},
            "environment": {"id": 71, "name": "production", "external_url": None},
            "deployable": {"id": 5512000 + i * 37, "status": status, "stage": "deploy", "name": "deploy:production", "ref": ref, "tag": ref.startswith("v"),
                           "created_at": iso(add(t, seconds=-600), ms=True), "started_at": iso(add(t, seconds=-215), ms=True), "finished_at": iso(t, ms=True),
                           "commit": {"id": sha, "short_id": sha[:8], "title": {"v2.14.0": "settle-importer: parallel ledger posting", "v2.14.1": "parse: map settlement columns by header name (acquirer spec v4.0)", "v2.13.2": "recon: tolerate 0.01 rounding"}.get(ref, ref)},
                           "pipeline": {"id": 991200 + i, "sha": sha, "ref": ref, "status": status}}}
deps = [gdep(0, T("2026-08-11 09:14:55"), hexid(rng, 40), "v2.13.2", "marco.rinaldi", "Marco Rinaldi"),
        gdep(1, T("2026-08-20 14:02:31"), hexid(rng, 40), "v2.14.0", "marco.rinaldi", "Marco Rinaldi"),
        gdep(2, HOTFIX, hexid(rng, 40), "v2.14.1", "marco.rinaldi", "Marco Rinaldi")]
inc.json("gitlab-deployments.json", sorted(deps, key=lambda d: d["updated_at"], reverse=True))

# ---- Prometheus query_range
def recon_mm(t):
    if RECON < t < add(RECON2, seconds=66):
        return float(n - 21) if t >= add(RECON, seconds=71) else 0.0
    return 2.0 if t >= add(RECON2, seconds=66) else float(rng.randint(0, 3) * 0)
def avail(t):
    base = 6.1e6
    if POSTED <= t < add(REIMPORT, seconds=9.5):
        return base - (gross - fees) + net
    if add(REIMPORT, seconds=9.5) <= t < REPOSTED:
        return base - (gross - fees)
    if t >= MITIGATED:
        return base + (gross - real_fees) - right_total
    return base
inc.json("finance-metrics.json", query_range([
    ({"__name__": "settlement_recon_mismatched_lines", "job": "settle-recon", "acquirer": "bna"}, recon_mm),
    ({"__name__": "ledger:merchant_available_balance:sum_eur", "job": "ledger"}, lambda t: round(avail(t), 2)),
    ({"__name__": "payouts_batch_pending_total_eur", "job": "payouts", "region": "EU"},
     lambda t: round(wrong_total, 2) if add(BATCH, seconds=41) <= t < add(RELEASE, seconds=-30) else (round(right_total, 2) if add(RELEASE, seconds=-30) <= t < MITIGATED else 0.0)),
], W0, W1, 60, fmt="%.2f"), indent=None)

# ---- Alertmanager webhook archive
hk = []
def H(t, rcv, alerts):
    hk.append((t, jline(am_webhook(rcv, alerts))))
fl = {"severity": "ticket", "team": "finance-eng", "job": "settle-recon", "acquirer": "bna"}
H(add(RECON_ALERT, seconds=15), "jira-finance-eng", [am_alert("SettlementReconMismatch", fl, "bna settlement batch 2026-08-31: %d lines do not reconcile" % (n - 21), RECON_ALERT)])
H(add(RECON_OK, seconds=15), "jira-finance-eng", [am_alert("SettlementReconMismatch", fl, "bna settlement batch 2026-08-31: %d lines do not reconcile" % (n - 21), RECON_ALERT, ends=RECON_OK)])
DEV = "EU payout batch total is %d%% below its 7-day mean" % int(100 * (1 - wrong_total / (sum(hist.values()) / 3 * 0.97)))
pl = {"severity": "page", "team": "payments", "job": "payouts", "region": "EU"}
H(add(PAGE_ALERT, seconds=20), "pd-payments", [am_alert("PayoutBatchTotalDeviation", pl, DEV, PAGE_ALERT)])
H(T(D + "07:36:20"), "pd-payments", [am_alert("PayoutBatchTotalDeviation", pl, DEV, PAGE_ALERT, ends=T(D + "07:36:00"))])
for d in DAYS:
    a = T(d + " 03:30:02")
    ul = {"severity": "ticket", "team": "infra", "instance": "sftp-gw-1", "name": "archive-inbound.service"}
    H(add(a, minutes=5, seconds=20), "jira-infra", [am_alert("SystemdUnitFailed", ul, "archive-inbound.service failed on sftp-gw-1", add(a, minutes=5))])
cl = {"severity": "warning", "team": "catalog", "service": "catalog-api"}
for s_, e_ in [("03:36:00", "03:41:30"), ("04:22:30", "04:29:00"), ("05:55:00", "06:01:00"), ("07:48:30", "07:53:00")]:
    H(add(T(D + s_), seconds=20), "slack-catalog", [am_alert("CatalogApiErrorBudgetBurn", cl, "catalog-api burning error budget 6x", T(D + s_))])
    H(add(T(D + e_), seconds=20), "slack-catalog", [am_alert("CatalogApiErrorBudgetBurn", cl, "catalog-api burning error budget 6x", T(D + s_), ends=T(D + e_))])
kl = {"severity": "warning", "team": "platform", "node": "gke-prod-pool-b-7f3c-x2l9"}
H(T(D + "06:02:10"), "slack-platform", [am_alert("KubeNodeNotReady", kl, "node gke-prod-pool-b-7f3c-x2l9 not ready for 2m", T(D + "06:01:40"))])
H(T(D + "06:06:40"), "slack-platform", [am_alert("KubeNodeNotReady", kl, "node gke-prod-pool-b-7f3c-x2l9 not ready for 2m", T(D + "06:01:40"), ends=T(D + "06:06:10"))])
hk.sort(key=lambda x: x[0])
inc.lines("alertmanager/webhooks.ndjson", [l for _, l in hk])

# ---- PagerDuty log entries
pd = PD(618, "PayoutBatchTotalDeviation: " + DEV, "payouts", "PPAYO01", esc_policy="Payments")
giulia = PD.user("Giulia Conti", "PGIULI3")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMI618", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Giulia Conti by phone.", user=giulia,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", giulia, {"type": "phone"}, "Acknowledged by Giulia Conti.")
pd.add(add(HOLD, seconds=40), "annotate_log_entry", giulia, {"type": "web_ui", "summary": "EU batch held before auto-release"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", giulia, {"type": "web_ui"}, "Resolved by Giulia Conti.")
inc.json("pd-618.json", pd.export())

# ---- Slack
s = Slack()
for u, n_, r in [("U5GIU", "giulia", "Giulia Conti"), ("U5MAR", "marco.r", "Marco Rinaldi"), ("U5FED", "federica", "Federica Greco"),
                 ("U5LUC", "luca.b", "Luca Bianchi"), ("U5ANN", "anna.s", "Anna Sala"), ("U5NIC", "nico", "Nicola Ferri")]:
    s.user(u, n_, r, RTZ)
for cid, nm, p in [("C5INC", "inc-618-payouts", "INC-618"), ("C5FIN", "finance-eng", "Finance engineering"),
                   ("C5MS", "merchant-support", "Merchant support escalations"), ("C5DEP", "deploys", "GitLab deployments")]:
    s.channel(cid, nm, p)
for t, proj, ref, who in [(OTHER_DEPLOY, "catalog/catalog-api", "v5.31.0", "anna.s"), (OTHER_DEPLOY2, "search/search-indexer", "v1.88.2", "nico"),
                          (HOTFIX, "finance/settle-importer", "v2.14.1", "marco.r")]:
    s.bot("deploys", add(t, seconds=4), "B5GL", "GitLab", blocks=pd_slack_blocks(":rocket: *%s* deployed `%s` to *production* by %s" % (proj, ref, who)))
s.say("finance-eng", T(D + "03:58:00"), "U5NIC", "nightly recon raised a Jira ticket again, probably the usual end-of-month FX rounding, will look in the morning")
ic = "inc-618-payouts"
s.say(ic, add(ACK, seconds=50), "U5GIU", "acked. EU payout batch computed %.0f EUR for %d merchants, normally ~2M. auto-release is at 05:30, holding it if I can't explain it in 10 min" % (wrong_total, 3412 - SKIPPED[0]))
s.say(ic, WRONG, "U5LUC", "end of August, half the merchants are closed for the holidays, could it just be low volume?")
s.say(ic, add(WRONG, seconds=60), "U5GIU", "gross settled is 2.2M like every night, it's the net that's tiny")
s.say(ic, ROLLBACK_Q, "U5LUC", "should we roll back? payouts 3.8.0 went out yesterday afternoon")
s.say(ic, add(ROLLBACK_Q, seconds=75), "U5GIU", "not yet, the batch just sums ledger balances, the balances themselves are wrong")
s.say(ic, add(HOLD, seconds=20), "U5GIU", "EU batch PB-20260901-EU held. merchants won't be paid at 07:30 local until we fix this")
s.say(ic, T(D + "05:27:40"), "U5GIU", "settle-importer logged 'header mismatch: expected 22 columns, got 23' at 03:20, and recon flagged %d lines at 03:46. paging Marco" % (n - 21))
s.say(ic, DIAG, "U5MAR", "got it: BNA's spec v4.0 (effective 1 Sept, their email in July) adds scheme_fee before net_amount. we map columns by position, so net_amount was read from scheme_fee and merchant_available got only the scheme fees. the recon ticket at 03:51 is the same thing")
s.say(ic, T(D + "05:49:30"), "U5FED", "can we just re-run last night's import?")
s.say(ic, add(T(D + "05:49:30"), seconds=50), "U5MAR", "not with 2.14.0, it would do the same. writing a header-based mapping, then reverse + re-import")
s.say(ic, add(HOTFIX, seconds=30), "U5MAR", "2.14.1 deployed (maps by header name). starting the re-import job for 2026-08-31")
s.say(ic, add(REPOSTED, seconds=40), "U5MAR", "batch reversed and re-posted, net 2.15M, balances look right")
s.say(ic, add(RECON2, seconds=90), "U5MAR", "manual recon: 2 mismatches, 11.40 EUR, normal")
s.say(ic, add(RELEASE, seconds=-60), "U5GIU", "recomputed batch total %.0f EUR, releasing" % right_total)
s.say(ic, add(MITIGATED, seconds=30), "U5GIU", "SEPA file submitted to BPM")
s.say(ic, add(BANK_ACK, seconds=60), "U5GIU", "pain.002 ACCP from BPM, payouts will land today. resolving after CS confirms")
s.say(ic, add(RESOLVED, seconds=-40), "U5GIU", "resolving INC-618. follow-ups: strict_header=true, recon ticket to page, subscribe finance-eng to BNA spec mails")
s.say("merchant-support", MERCHANTS, "U5FED", "several merchants calling: dashboard shows available balance of a few euros and no payout this morning")
s.say("merchant-support", add(MERCHANTS, seconds=240), "U5FED", "+6 more. told them we're on it")
s.bot("merchant-support", COMMS, "B5SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Identified - Delayed payouts and incorrect balances",
      "title": "Identified - Delayed payouts and incorrect balances",
      "text": "Today's payouts are delayed and available balances are shown incorrectly. Funds are safe; payouts will be sent later today.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "mercato-settlement-columns", "settlement-file-new-column-positional-parser",
    "The acquirer's settlement file gained a scheme_fee column (spec v4.0); the importer mapped columns by position and posted scheme fees\n"
    "as merchants' net. Nothing errored; a recon ticket went unread, the payout-batch guard paged, the batch was held, re-imported and released.",
    (W0, W1),
    dict(started=STARTED, detected=RECON_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "settle-importer: header mismatch 22 vs 23 columns, positional mapping continues", "settle-importer.log", 60),
     (RECON_ALERT, "alert_fired", "SettlementReconMismatch (ticket) fires", "alertmanager/webhooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #618 PayoutBatchTotalDeviation", "pd-618.json", 60),
     (ACK, "acknowledged", "Giulia acknowledges", "pd-618.json", 60),
     (HOLD, "mitigation", "EU payout batch held before auto-release (balances still wrong)", "payouts-service.log", 60),
     (DIAG, "diagnosis", "Marco: new scheme_fee column, positional mapping read it as net", "slack", 90),
     (COMMS, "communication", "Statuspage: delayed payouts and incorrect balances", "slack", 90),
     (HOTFIX, "change", "settle-importer v2.14.1 (map by header name) deployed", "gitlab-deployments.json", 90),
     (REPOSTED, "mitigation", "batch reversed and re-imported; balances corrected", "settle-importer.log", 60),
     (MITIGATED, "recovery", "payout batch recomputed, released and SEPA file submitted", "payouts-service.log", 90),
     (RESOLVED, "resolved", "PagerDuty #618 resolved", "pd-618.json", 60)],
    [(T(D + "03:30:02"), "archive-inbound.service fails every night at 03:30 (SystemdUnitFailed ticket)", "sftp-gw-1.journal.json"),
     (OTHER_DEPLOY, "catalog-api v5.31.0 deployed by the catalog team", "slack"),
     (OTHER_DEPLOY2, "search-indexer v1.88.2 deployed by the search team", "slack"),
     (T(D + "04:22:30"), "CatalogApiErrorBudgetBurn flapping all window", "alertmanager/webhooks.ndjson"),
     (T(D + "06:01:40"), "KubeNodeNotReady on a platform node", "alertmanager/webhooks.ndjson"),
     (T(D + "03:58:00"), "wrong hunch: usual end-of-month FX rounding", "slack"),
     (WRONG, "wrong hunch: holiday low volume", "slack"),
     (ROLLBACK_Q, "'should we roll back?' payouts 3.8.0", "slack"),
     (T(D + "05:00:03"), "merchants without verified IBAN skipped in every batch", "payouts-service.log"),
     (T(D + "06:00:00"), "steady balance-API timeouts, chargeback lines skipped, SSH scanners all window", "payouts-service.log")],
    [("sftp-gw-1.journal.json", "logs"), ("settle-importer.log", "logs"), ("payouts-service.log", "logs"),
     ("gitlab-deployments.json", "deploys"), ("finance-metrics.json", "prometheus-query-range"),
     ("alertmanager/webhooks.ndjson", "alertmanager-webhook"), ("pd-618.json", "pagerduty-log-entries"), ("slack", "slack-export")])
