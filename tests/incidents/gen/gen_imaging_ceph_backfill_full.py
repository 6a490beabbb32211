"""retired11/imaging-ceph-backfill-full: stor-04's HBA dies, its 8 OSDs go out, backfill fills osd.13 to the full ratio;
the cluster pauses writes and DICOM uploads fail. Raising the full ratio helps for 7 minutes only; nobackfill + 0.98 ends it."""
import random
from common import *

rng = random.Random(20260205)
inc = Incident("retired11", "imaging-ceph-backfill-full")
STZ = "Europe/Amsterdam"
D = "2026-02-05 "
W0, W1 = T(D + "01:30:00"), T(D + "04:30:00")
CRON = [T("2026-02-%02d 02:05:%02d" % (d, 11 + d)) for d in (2, 3, 4, 5)]
HBA = T(D + "02:11:48")
OSD_DOWN = T(D + "02:12:09")
ALERT_DOWN = T(D + "02:17:09")
OSD_OUT = T(D + "02:22:10")
NEARFULL = T(D + "02:31:40")
OTHER_DEPLOY = T(D + "02:33:20")
BFULL = T(D + "02:40:05")
FULL1 = T(D + "02:46:31")
ALERT = T(D + "02:50:16")
PAGE = T(D + "02:50:17")
ACK = T(D + "02:57:52")
WRONG = T(D + "03:00:30")
ROLLBACK_Q = T(D + "03:02:10")
COMMS = T(D + "03:04:20")
DIAG = T(D + "03:06:40")
PARTIAL = T(D + "03:10:15")
ALERT_OK1 = T(D + "03:13:46")
FULL2 = T(D + "03:17:48")
ALERT2 = T(D + "03:21:33")
MIT_CMD = T(D + "03:26:05")
MITIGATED = T(D + "03:26:07")
ALERT_OK2 = T(D + "03:29:46")
POWER = T(D + "03:41:12")
OSD_BACK = T(D + "03:44:20")
OSD_IN = T(D + "03:45:02")
UNSET = T(D + "03:46:30")
HEALTH_OK = T(D + "04:05:10")
RATIO_BACK = T(D + "04:06:30")
RESOLVED = T(D + "04:12:40")


def writes_blocked(t):
    return FULL1 <= t < add(PARTIAL, seconds=2) or FULL2 <= t < MITIGATED


# ---- stor-04 syslog (rsyslog, Europe/Amsterdam local time, no offset)
sl = []
def S(t, prog, msg, host="stor-04"):
    sl.append((t, syslog(t, STZ, host, prog, msg)))
for t in frange(add(W0, seconds=23), W1, 300):
    if not (HBA <= t < POWER):
        S(t, "chronyd[1021]", "Selected source 10.20.0.2 (ntp1.ams2.lumora.internal)" if rng.random() < 0.1 else "System clock wrong by 0.000%03d seconds" % rng.randint(100, 900))
for t in frange(add(W0, seconds=41), W1, 1800):
    if not (HBA <= t < POWER):
        S(t, "smartd[1187]", "Device: /dev/sdk [SAT], SMART Usage Attribute: 194 Temperature_Celsius changed from %d to %d" % (rng.randint(30, 33), rng.randint(30, 33)))
def K(t, msg):
    boot = T("2026-01-14 08:08:26") if t < POWER else add(POWER, seconds=-3)
    S(t, "kernel", "[%12.6f] %s" % (epoch(t) - epoch(boot), msg))
K(HBA, "mpt3sas_cm0: fault_state(0x2651)!")
K(add(HBA, seconds=0.004), "mpt3sas_cm0: sending diag reset !!")
K(add(HBA, seconds=30.2), "mpt3sas_cm0: diag reset: FAILED")
for i, dev in enumerate("cdefghij"):
    K(add(HBA, seconds=30.3 + i * 0.01), "sd 0:0:%d:0: [sd%s] tag#%d FAILED Result: hostbyte=DID_NO_CONNECT driverbyte=DRIVER_OK cmd_age=30s" % (i + 2, dev, rng.randint(100, 999)))
    K(add(HBA, seconds=30.31 + i * 0.01), "I/O error, dev sd%s, sector %d op 0x1:(WRITE) flags 0x8800 phys_seg 1 prio class 2" % (dev, rng.randint(10**8, 10**10)))
for i in range(8):
    osd = 24 + i
    S(add(HBA, seconds=31 + i * 0.2), "ceph-osd[%d]" % (3300 + i * 7), "%s+0000 7f3a%s -1 bdev(0x55d0 /var/lib/ceph/osd/ceph-%d/block) _aio_thread got r=-5 ((5) Input/output error)" % (iso_us(add(HBA, seconds=30.9 + i * 0.2))[:-1], hexid(rng, 8), osd))
    S(add(HBA, seconds=31.5 + i * 0.2), "systemd[1]", "ceph-osd@%d.service: Main process exited, code=killed, status=6/ABRT" % osd)
K(POWER, "Linux version 6.8.0-52-generic (buildd@lcy02-amd64-046) (x86_64-linux-gnu-gcc-13) #53-Ubuntu SMP PREEMPT_DYNAMIC")
K(add(POWER, seconds=9), "mpt3sas_cm0: LSISAS3816: FWVersion(24.00.00.00), ChipRevision(0x00)")
for i in range(8):
    S(add(OSD_BACK, seconds=-20 + i), "systemd[1]", "Started ceph-osd@%d.service - Ceph object storage daemon osd.%d." % (24 + i, 24 + i))
sl.sort(key=lambda x: x[0])
inc.lines("stor-04/syslog", [l for _, l in sl])

# ---- ceph cluster log (mon, UTC with offset)
cl = []
seq = [1843200]
def CL(t, who, chan, lvl, msg):
    t = add(t, seconds=rng.randint(0, 999) / 1e6)
    seq[0] += 1
    cl.append((t, "%s+0000 %s %d : %s [%s] %s" % (t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % t.microsecond, who, seq[0], chan, lvl, msg)))
MON = "mon.ams2-mon-a (mon.0)"
MGR = "mgr.ams2-mon-b (mgr.481920)"
pgv = [918220]
def used_pct(t):  # raw usage of the whole cluster
    return 79.4 + (epoch(t) - epoch(W0)) / 3600 * 0.05
for t in frange(W0, W1, 20):
    pgv[0] += 10
    if t < OSD_DOWN or t >= HEALTH_OK:
        st = "2048 active+clean"
    elif t < OSD_OUT:
        st = "1707 active+clean, 341 active+undersized+degraded"
    elif t < UNSET:
        st = "1712 active+clean, %d active+undersized+degraded+remapped+backfill_wait, %d active+undersized+degraded+remapped+backfilling, 14 active+undersized+degraded+remapped+backfill_toofull" % (rng.randint(280, 300), rng.randint(8, 16))
    else:
        st = "%d active+clean, %d active+remapped+backfilling" % (2048 - 40, 40)
    wr = "0 B/s wr, 0 op/s" if writes_blocked(t) else "%d MiB/s wr, %d op/s" % (rng.randint(20, 90), rng.randint(300, 900))
    CL(t, MGR, "cluster", "DBG", "pgmap v%d: 2048 pgs: %s; 412 TiB data, %.0f TiB used, %.0f TiB / 640 TiB avail; %d MiB/s rd, %s" % (
        pgv[0], st, used_pct(t) * 6.4, 640 - used_pct(t) * 6.4, rng.randint(40, 300), wr))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    CL(t, "osd.%d (osd.%d)" % ((n := rng.choice([1, 5, 9, 17, 33, 40])), n), "cluster", "DBG", "%d.%x deep-scrub ok" % (rng.choice([7, 9, 11]), rng.randint(0, 255)))
for i in range(8):
    CL(add(OSD_DOWN, seconds=-1 + i * 0.05), MON, "cluster", "INF", "osd.%d failed (root=default,host=stor-04) (2 reporters from different host after %.6f >= grace 20.000000)" % (24 + i, 20.0 + rng.randint(100, 9000) / 1e6))
CL(OSD_DOWN, MON, "cluster", "WRN", "Health check failed: 8 osds down (OSD_DOWN)")
CL(add(OSD_DOWN, seconds=0.01), MON, "cluster", "WRN", "Health check failed: 1 host (8 osds) down (OSD_HOST_DOWN)")
CL(add(OSD_DOWN, seconds=6), MON, "cluster", "WRN", "Health check failed: Degraded data redundancy: 4188211/25129266 objects degraded (16.667%), 341 pgs degraded (PG_DEGRADED)")
for i in range(8):
    CL(add(OSD_OUT, seconds=i * 0.02), MON, "cluster", "INF", "Marking osd.%d out (has been down for 600 seconds)" % (24 + i))
CL(add(OSD_OUT, seconds=1), MON, "cluster", "WRN", "Health check update: Degraded data redundancy: 4188211/25129266 objects degraded (16.667%), 341 pgs degraded, 341 pgs undersized (PG_DEGRADED)")
CL(NEARFULL, MON, "cluster", "WRN", "Health check failed: 2 nearfull osd(s) (OSD_NEARFULL)")
CL(add(NEARFULL, seconds=1), MON, "cluster", "WRN", "Health check failed: 4 pool(s) nearfull (POOL_NEARFULL)")
CL(BFULL, MON, "cluster", "WRN", "Health check failed: 1 backfillfull osd(s) (OSD_BACKFILLFULL)")
CL(add(BFULL, seconds=20), MON, "cluster", "WRN", "Health check failed: Low space hindering backfill (add storage if this doesn't resolve itself): 14 pgs backfill_toofull (PG_BACKFILL_FULL)")
CL(add(BFULL, seconds=21), MON, "cluster", "WRN", "Health check update: 4 nearfull osd(s) (OSD_NEARFULL)")
for f in (FULL1, FULL2):
    CL(f, MON, "cluster", "ERR", "Health check failed: 1 full osd(s) (OSD_FULL)")
    CL(add(f, seconds=0.01), MON, "cluster", "ERR", "Health check failed: 4 pool(s) full (POOL_FULL)")
def AUD(t, cmd, who="client.admin", ip="10.20.0.11"):
    CL(t, MON, "audit", "INF", "from='client.? %s:0/%d' entity='%s' cmd=[%s]: dispatch" % (ip, rng.randint(10**8, 4 * 10**9), who, cmd))
    CL(add(t, seconds=0.3), MON, "audit", "INF", "from='client.? %s:0/%d' entity='%s' cmd='[%s]': finished" % (ip, rng.randint(10**8, 4 * 10**9), who, cmd))
AUD(add(DIAG, seconds=-200), '{"prefix": "osd df", "format": "json"}')
AUD(PARTIAL, '{"prefix": "osd set-full-ratio", "ratio": 0.97}')
CL(add(PARTIAL, seconds=1), MON, "cluster", "INF", "Health check cleared: OSD_FULL (was: 1 full osd(s))")
CL(add(PARTIAL, seconds=1.01), MON, "cluster", "INF", "Health check cleared: POOL_FULL (was: 4 pool(s) full)")
AUD(add(MIT_CMD, seconds=-12), '{"prefix": "osd set", "key": "nobackfill"}')
AUD(add(MIT_CMD, seconds=-11), '{"prefix": "osd set", "key": "norebalance"}')
CL(add(MIT_CMD, seconds=-10), MON, "cluster", "WRN", "Health check failed: nobackfill,norebalance flag(s) set (OSDMAP_FLAGS)")
AUD(MIT_CMD, '{"prefix": "osd set-full-ratio", "ratio": 0.98}')
CL(add(MIT_CMD, seconds=1), MON, "cluster", "INF", "Health check cleared: OSD_FULL (was: 1 full osd(s))")
CL(add(MIT_CMD, seconds=1.01), MON, "cluster", "INF", "Health check cleared: POOL_FULL (was: 4 pool(s) full)")
for i in range(8):
    CL(add(OSD_BACK, seconds=i * 0.3), MON, "cluster", "INF", "osd.%d [v2:10.20.4.14:68%02d/%d,v1:10.20.4.14:68%02d/%d] boot" % (24 + i, i * 2, rng.randint(1000, 9999), i * 2 + 1, rng.randint(1000, 9999)))
CL(add(OSD_BACK, seconds=3), MON, "cluster", "INF", "Health check cleared: OSD_HOST_DOWN (was: 1 host (8 osds) down)")
CL(add(OSD_BACK, seconds=3.1), MON, "cluster", "INF", "Health check cleared: OSD_DOWN (was: 8 osds down)")
AUD(OSD_IN, '{"prefix": "osd in", "ids": ["24", "25", "26", "27", "28", "29", "30", "31"]}')
AUD(UNSET, '{"prefix": "osd unset", "key": "nobackfill"}')
AUD(add(UNSET, seconds=2), '{"prefix": "osd unset", "key": "norebalance"}')
CL(add(UNSET, seconds=3), MON, "cluster", "INF", "Health check cleared: OSDMAP_FLAGS (was: nobackfill,norebalance flag(s) set)")
CL(T(D + "03:49:40"), MON, "cluster", "INF", "Health check cleared: PG_BACKFILL_FULL (was: Low space hindering backfill (add storage if this doesn't resolve itself): 14 pgs backfill_toofull)")
CL(T(D + "03:52:05"), MON, "cluster", "INF", "Health check cleared: OSD_BACKFILLFULL (was: 1 backfillfull osd(s))")
CL(T(D + "03:58:30"), MON, "cluster", "INF", "Health check cleared: OSD_NEARFULL (was: 1 nearfull osd(s))")
CL(T(D + "03:58:31"), MON, "cluster", "INF", "Health check cleared: POOL_NEARFULL (was: 1 pool(s) nearfull)")
CL(add(HEALTH_OK, seconds=-1), MON, "cluster", "INF", "Health check cleared: PG_DEGRADED (was: Degraded data redundancy: 1021/25131880 objects degraded (0.004%), 3 pgs degraded)")
CL(HEALTH_OK, MON, "cluster", "INF", "Cluster is now healthy")
AUD(RATIO_BACK, '{"prefix": "osd set-full-ratio", "ratio": 0.95}')
cl.sort(key=lambda x: x[0])
inc.lines("ceph.log", [l for _, l in cl])

# ---- ingest-gateway (zap JSON, UTC)
il = []
HOSP = ["st-lucas-ams", "maasstad-rdam", "umcg-grn", "rijnstate-arn", "isala-zwl", "amphia-bda"]
def IL(t, lvl, caller, msg, **kw):
    il.append((t, jline({"level": lvl, "ts": iso(t, ms=True), "logger": "ingest", "caller": caller, "msg": msg, **kw})))
for t in poisson_times(rng, W0, W1, 0.14):
    h = rng.choice(HOSP)
    study = "1.2.840.113619.2.%d.%d" % (rng.randint(100, 999), rng.randint(10**8, 10**9))
    if writes_blocked(add(t, seconds=-15)) and writes_blocked(t):
        IL(t, "error", "store/rgw.go:144", "put object failed", hospital=h, bucket="dicom-prod", study=study,
           err="operation error S3: PutObject, https response error StatusCode: 0, RequestID: , canceled, context deadline exceeded (Client.Timeout 15s)")
        IL(add(t, seconds=0.002), "warn", "stow/handler.go:212", "STOW-RS request failed", hospital=h, status=503, instances=rng.randint(40, 900), duration_ms=rng.randint(15000, 15040))
    else:
        IL(t, "info", "stow/handler.go:198", "STOW-RS stored", hospital=h, status=200, instances=rng.randint(40, 900), duration_ms=rng.randint(300, 4000))
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    IL(t, "warn", "dimse/assoc.go:77", "association rejected: calling AE title not configured", calling_ae="MODALITY%02d" % rng.randint(1, 40), remote="10.61.%d.%d:%d" % (rng.randint(0, 9), rng.randint(2, 250), rng.randint(30000, 60000)))
il.sort(key=lambda x: x[0])
inc.lines("ingest-gateway.jsonl", [l for _, l in il])

# ---- Prometheus query_range: osd utilisation and ingest errors
def osd13(t):
    s = epoch(t)
    if t < OSD_OUT:
        return 0.811 + 0.00001 * ((int(s) // 60) % 3)
    if t < BFULL:
        return 0.811 + (s - epoch(OSD_OUT)) / (epoch(BFULL) - epoch(OSD_OUT)) * (0.901 - 0.811)
    if t < FULL1:
        return 0.901 + (s - epoch(BFULL)) / (epoch(FULL1) - epoch(BFULL)) * 0.049
    if t < PARTIAL:
        return 0.9501
    if t < FULL2:
        return 0.9501 + (s - epoch(PARTIAL)) / (epoch(FULL2) - epoch(PARTIAL)) * 0.0199
    if t < MIT_CMD:
        return 0.9701
    if t < UNSET:
        return 0.9712
    return max(0.812, 0.9712 - (s - epoch(UNSET)) / 60 * 0.012)
def osd_other(base, peak):
    def f(t):
        v = osd13(t)
        return base + (v - 0.811) * (peak - base) / (0.9712 - 0.811) if t >= OSD_OUT else base
    return f
def err_ratio(t):
    if writes_blocked(t) and writes_blocked(add(t, seconds=-30)):
        return 0.97 + 0.01 * ((int(epoch(t)) // 30) % 3)
    return 0.0
series = [({"__name__": "ceph_osd:utilization:ratio", "ceph_daemon": "osd.13", "hostname": "stor-02", "job": "ceph-mgr"}, osd13),
          ({"__name__": "ceph_osd:utilization:ratio", "ceph_daemon": "osd.7", "hostname": "stor-01", "job": "ceph-mgr"}, osd_other(0.792, 0.921)),
          ({"__name__": "ceph_osd:utilization:ratio", "ceph_daemon": "osd.38", "hostname": "stor-05", "job": "ceph-mgr"}, osd_other(0.779, 0.884)),
          ({"__name__": "ceph_osd_up", "ceph_daemon": "osd.24", "hostname": "stor-04", "job": "ceph-mgr"}, lambda t: 0 if OSD_DOWN <= t < OSD_BACK else 1),
          ({"__name__": "ingest:stow_errors:ratio_rate2m", "job": "ingest-gateway", "namespace": "imaging"}, err_ratio)]
inc.json("query_range.json", query_range(series, W0, W1, 30), indent=None)

# ---- alertmanager webhook deliveries (ndjson)
hk = []
def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts))))
GURL = "http://prometheus-k8s-0.ams2:9090/graph"
dl = {"severity": "warning", "team": "storage", "cluster": "ceph-ams2", "ceph_daemon": "osd.24", "hostname": "stor-04"}
down = lambda ends=None: am_alert("CephOSDDown", dl, "8 OSDs down on host stor-04", ALERT_DOWN, ends=ends, gen_url=GURL,
                                  desc="ceph_osd_up == 0 for 5m")
H(add(ALERT_DOWN, seconds=9), "slack-storage", [down()])
H(add(OSD_BACK, seconds=75), "slack-storage", [down(add(OSD_BACK, seconds=60))])
nl = {"severity": "warning", "team": "storage", "cluster": "ceph-ams2", "ceph_daemon": "osd.13", "hostname": "stor-02"}
NF_AL = add(NEARFULL, minutes=5)
H(add(NF_AL, seconds=9), "slack-storage", [am_alert("CephOSDNearFull", nl, "osd.13 is above the nearfull ratio", NF_AL, gen_url=GURL)])
H(T(D + "03:59:40"), "slack-storage", [am_alert("CephOSDNearFull", nl, "osd.13 is above the nearfull ratio", NF_AL, ends=T(D + "03:59:30"), gen_url=GURL)])
pl_ = {"severity": "page", "team": "imaging", "service": "ingest-gateway", "namespace": "imaging"}
def ing(s, e=None, v="97%"):
    return am_alert("IngestStoreErrorRatio", pl_, "ingest-gateway STOW-RS error ratio %s" % v, s, ends=e, gen_url=GURL,
                    desc="More than 5% of STOW-RS requests failed over 2m")
H(add(ALERT, seconds=1), "pagerduty-imaging", [ing(ALERT)])
H(add(ALERT_OK1, seconds=1), "pagerduty-imaging", [ing(ALERT, ALERT_OK1)])
H(add(ALERT2, seconds=1), "pagerduty-imaging", [ing(ALERT2, v="98%")])
H(add(ALERT_OK2, seconds=1), "pagerduty-imaging", [ing(ALERT2, ALERT_OK2, v="98%")])
jl = {"severity": "warning", "team": "research", "namespace": "research", "job_name": "study-export-nightly-29512325"}
H(add(CRON[-1], seconds=70), "slack-research", [am_alert("KubeJobFailed", jl, "Job research/study-export-nightly-29512325 failed to complete", add(CRON[-1], seconds=60), gen_url=GURL)])
rl = {"severity": "warning", "team": "data", "instance": "analytics-pg-1:9187", "service": "analytics-db"}
for s_, e_ in [(T(D + "01:40:12"), T(D + "01:52:42")), (T(D + "02:58:12"), T(D + "03:03:42")), (T(D + "03:55:12"), None)]:
    H(add(s_, seconds=8), "slack-data", [am_alert("PostgresReplicationLagHigh", rl, "analytics-pg-1 replica lag above 300s", s_, gen_url=GURL)])
    if e_:
        H(add(e_, seconds=8), "slack-data", [am_alert("PostgresReplicationLagHigh", rl, "analytics-pg-1 replica lag above 300s", s_, ends=e_, gen_url=GURL)])
cl2 = {"severity": "warning", "team": "platform", "namespace": "viewer", "name": "viewer-internal-tls"}
H(T(D + "01:45:00"), "slack-platform", [am_alert("CertManagerCertExpirySoon", cl2, "Certificate viewer/viewer-internal-tls expires in 13 days", T(D + "01:44:30"), gen_url=GURL)])
hk.sort(key=lambda x: x[0])
inc.lines("am-deliveries.ndjson", [l for _, l in hk])

# ---- GitLab deployments API export
deps = []
for i, (t, env, ref, sha, who, status, proj) in enumerate([
        (T("2026-02-04 15:02:11"), "production", "v4.7.0", "a81f9c0e", "m.devries", "success", "imaging/ingest-gateway"),
        (OTHER_DEPLOY, "production", "v3.22.0", "5c3e0d71", "j.reyes", "success", "viewer/viewer-web"),
        (T(D + "04:20:44"), "production", "v3.22.1", "9d00ab2f", "j.reyes", "success", "viewer/viewer-web")]):
    deps.append({"id": 771200 + i * 13, "iid": 812 + i, "ref": ref, "sha": sha + hexid(rng, 32), "created_at": iso(add(t, seconds=-40), ms=True),
                 "updated_at": iso(add(t, seconds=95), ms=True), "status": status,
                 "user": {"id": 4100 + i, "username": who, "name": who.replace(".", " ").title(), "state": "active"},
                 "environment": {"id": 310 + i, "name": env, "external_url": "https://%s.lumora.internal" % proj.split("/")[1]},
                 "deployable": {"id": 99120000 + i * 71, "status": "success", "stage": "deploy", "name": "deploy:production",
                                "ref": ref, "tag": True, "created_at": iso(add(t, seconds=-300), ms=True),
                                "started_at": iso(add(t, seconds=-40), ms=True), "finished_at": iso(add(t, seconds=95), ms=True),
                                "pipeline": {"id": 551000 + i, "project_id": 88 + i, "sha": sha, "ref": ref, "status": "success",
                                             "web_url": "https://gitlab.lumora.internal/%s/-/pipelines/%d" % (proj, 551000 + i)}},
                 "project": proj})
inc.json("deployments.json", deps)

# ---- PagerDuty log entries
pd = PD(4471, "IngestStoreErrorRatio ingest-gateway STOW-RS error ratio 97%", "imaging-ingest", "PIMG0A1", "Imaging on-call")
daan = PD.user("Daan Hoekstra", "PDAANH1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMIMG1", "summary": "Alertmanager ams2"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Daan Hoekstra by push notification.", user=daan)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Daan Hoekstra by phone.", user=daan)
pd.add(ACK, "acknowledge_log_entry", daan, {"type": "phone"}, "Acknowledged by Daan Hoekstra.")
pd.add(add(ALERT_OK1, seconds=1), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager: resolved (auto-resolve off)"}, "Note added")
pd.add(add(ALERT2, seconds=1), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager: firing again, deduplicated into this incident"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", daan, {"type": "web_ui"}, "Resolved by Daan Hoekstra.")
other = PD(4468, "KubeNodeNotReady gpu-infer-02", "ml-inference", "PMLI0B2", "ML on-call")
ola = PD.user("Ola Nordmann", "POLANOR")
other.add(T(D + "01:51:03"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "01:59:40"), "acknowledge_log_entry", ola, {"type": "mobile"}, "Acknowledged by Ola Nordmann.")
other.add(T(D + "02:24:18"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-log-entries.json", ex)

# ---- Slack export
s = Slack()
for u, n, r, tz in [("U3DAAN", "daan", "Daan Hoekstra", STZ), ("U3RAF", "rafael", "Rafael Souza", STZ), ("U3EVA", "eva.k", "Eva Kuipers", STZ),
                    ("U3JOR", "jreyes", "Joy Reyes", "Asia/Manila"), ("U3MEI", "mei", "Mei Lin", STZ)]:
    s.user(u, n, r, tz)
for cid, n, p in [("C3STO", "storage-alerts", "ceph + rgw alerts"), ("C3RES", "research-alerts", ""), ("C3INC", "inc-ingest", "Ingest incidents"),
                  ("C3STAT", "status", "Statuspage mirror"), ("C3REL", "releases", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("research-alerts", add(c, seconds=71), "B3AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job research/study-export-nightly failed to complete (BackoffLimitExceeded)", color="warning"))
s.bot("storage-alerts", add(ALERT_DOWN, seconds=10), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "CephOSDDown", "8 OSDs down on host stor-04", color="warning"))
s.bot("storage-alerts", add(NF_AL, seconds=10), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "CephOSDNearFull", "osd.13 is above the nearfull ratio", color="warning"))
s.say("storage-alerts", add(ALERT_DOWN, minutes=3), "U3MEI", "stor-04 dropped off, iDRAC shows it up but the HBA is in fault. backfill will start at the 10 min mark, should be ok, we have headroom. I'll open a ticket with the colo for remote hands in the morning")
s.bot("releases", add(OTHER_DEPLOY, seconds=95), "B3GL", "GitLab", blocks=pd_slack_blocks("viewer/viewer-web v3.22.0 deployed to production by j.reyes"))
s.say("releases", add(OTHER_DEPLOY, seconds=140), "U3JOR", "viewer-web 3.22.0 is out (thumbnail strip fix), good morning from Manila")
ch = "inc-ingest"
s.say(ch, add(ACK, seconds=50), "U3DAAN", "acked. STOW-RS failing for all hospitals, ingest-gateway PutObject to RGW times out after 15s")
s.say(ch, WRONG, "U3RAF", "viewer-web went out at 02:33, could it be hammering RGW with thumbnail reads?")
s.say(ch, ROLLBACK_Q, "U3RAF", "should we roll back viewer-web?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "U3DAAN", "viewer only reads, and reads are fine. it's writes that hang")
s.say(ch, DIAG, "U3DAAN", "osd.13 hit the 0.95 full ratio, the cluster has the full flag so every write is paused. stor-04's 8 OSDs were marked out at 02:22 after its HBA died and the backfill piled onto the others")
s.say(ch, add(DIAG, seconds=100), "U3MEI", "raising full ratio to 0.97 to buy time")
s.say(ch, add(PARTIAL, seconds=60), "U3DAAN", "writes are flowing again, uploads succeeding")
s.say(ch, add(FULL2, seconds=70), "U3DAAN", "no they're not. osd.13 is at 0.97 now, backfill kept writing to it. full again")
s.say(ch, add(MIT_CMD, seconds=-60), "U3MEI", "setting nobackfill+norebalance so recovery stops filling it, then 0.98")
s.say(ch, add(MITIGATED, seconds=80), "U3DAAN", "writes back, osd.13 steady at 97.1% with backfill paused. hospitals' queued studies are coming in")
s.say(ch, add(POWER, seconds=-200), "U3MEI", "colo remote hands power-cycling stor-04 now")
s.say(ch, add(OSD_IN, seconds=30), "U3MEI", "stor-04 back with all 8 OSDs after the power cycle, marked them in, unsetting nobackfill")
s.say(ch, add(HEALTH_OK, seconds=40), "U3MEI", "HEALTH_OK. full ratio back to 0.95 next")
s.say(ch, add(RESOLVED, seconds=-20), "U3DAAN", "resolving. follow-ups: capacity (1 host loss must fit under backfillfull), HBA firmware, IngestStore alert didn't catch the first nearfull")
s.bot("status", COMMS, "B3SP", "Statuspage", attachments=[{"color": "ECB22E", "fallback": "Investigating - Image uploads failing",
      "title": "Investigating - Image uploads from hospitals are failing", "text": "Studies sent to Lumora are not being stored. Modalities will retry. Viewing existing studies works.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=5), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Image uploads",
      "title": "Monitoring - Image uploads", "text": "Uploads are being stored again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=2), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - Image uploads",
      "title": "Resolved - Image uploads", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "imaging-ceph-backfill-full", "storage-host-loss-backfill-fills-osd-full-ratio",
    "stor-04's SAS HBA faults and its 8 OSDs drop out; after 10 minutes they are marked out and backfill fills osd.13 past\n"
    "nearfull and backfillfull to the 0.95 full ratio, the cluster pauses writes and DICOM uploads fail; raising the full ratio to\n"
    "0.97 helps for 7 minutes only, nobackfill plus 0.98 ends the impact; stor-04 is power-cycled and the cluster heals.",
    (W0, W1),
    dict(started=HBA, detected=ALERT_DOWN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(HBA, "first_symptom", "stor-04 mpt3sas HBA fault, I/O errors on 8 disks", "stor-04/syslog", 60),
     (ALERT_DOWN, "alert_fired", "CephOSDDown (warning) firing for stor-04", "am-deliveries.ndjson", 60),
     (ALERT, "alert_fired", "IngestStoreErrorRatio firing", "am-deliveries.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4471 triggered, Daan notified", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Daan acknowledges", "pd-log-entries.json", 60),
     (COMMS, "communication", "Statuspage: image uploads failing", "slack", 60),
     (DIAG, "diagnosis", "Daan: osd.13 at the full ratio after stor-04's OSDs went out and backfill piled on", "slack", 90),
     (PARTIAL, "mitigation", "osd set-full-ratio 0.97 (helps only until 03:17:48)", "ceph.log", 60),
     (MIT_CMD, "mitigation", "nobackfill/norebalance set, full ratio 0.98", "ceph.log", 60),
     (MITIGATED, "recovery", "OSD_FULL cleared, uploads stored again", "ingest-gateway.jsonl", 60),
     (HEALTH_OK, "recovery", "stor-04 OSDs back in, cluster healthy", "ceph.log", 60),
     (RESOLVED, "resolved", "PagerDuty #4471 resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "nightly study-export job fails every day at ~02:05 (KubeJobFailed, research team)", "slack"),
     (OTHER_DEPLOY, "viewer team deploys viewer-web v3.22.0", "deployments.json"),
     (T(D + "04:20:44"), "viewer team deploys viewer-web v3.22.1", "deployments.json"),
     (T(D + "01:40:12"), "PostgresReplicationLagHigh on analytics-db, flapping, data team", "am-deliveries.ndjson"),
     (T(D + "01:44:30"), "CertManagerCertExpirySoon for viewer-internal-tls", "am-deliveries.ndjson"),
     (T(D + "01:51:03"), "unrelated PagerDuty incident #4468 KubeNodeNotReady gpu-infer-02", "pd-log-entries.json"),
     (ALERT_OK1, "IngestStoreErrorRatio resolves during the partial fix, fires again at 03:21:33", "am-deliveries.ndjson"),
     (WRONG, "wrong hunch: viewer-web hammering RGW", "slack"),
     (ROLLBACK_Q, "'should we roll back viewer-web?' question, not done", "slack"),
     (add(PARTIAL, seconds=60), "'writes are flowing again' after the partial fix, retracted at 03:19", "slack"),
     (T(D + "03:00:00"), "steady 'association rejected: calling AE title not configured' warnings and deep-scrub ok lines", "ingest-gateway.jsonl")],
    [("stor-04/syslog", "logs", STZ), ("ceph.log", "logs"), ("ingest-gateway.jsonl", "logs"), ("query_range.json", "prometheus-query-range"),
     ("am-deliveries.ndjson", "alertmanager-webhook"), ("deployments.json", "deploys"), ("pd-log-entries.json", "pagerduty-log-entries"),
     ("slack", "slack-export")])
