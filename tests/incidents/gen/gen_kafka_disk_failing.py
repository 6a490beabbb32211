"""retired1/kafka-disk-failing: a data disk on one Kafka broker starts failing; produce requests stall and checkout 503s until the broker is shut down."""
import random
from common import *

rng = random.Random(20260813)
inc = Incident("retired1", "kafka-disk-failing")
TZ = "America/Chicago"
D = "2026-08-13 "
W0, W1 = T(D + "08:30:00"), T(D + "11:00:00")
CRON = [T("2026-08-%02d 09:00:%02d" % (d, 10 + d)) for d in (10, 11, 12, 13)]
OTHER_DEPLOY = T(D + "08:40:12")
STARTED = T(D + "09:02:11")
KAFKA_SLOW = T(D + "09:03:05")
CUST = T(D + "09:06:40")
URP = T(D + "09:09:00")
ERR_ALERT = T(D + "09:11:30")
PAGE = T(D + "09:12:00")
ACK = T(D + "09:15:45")
INODES = T(D + "09:19:00")
COMMS = T(D + "09:20:10")
DIAG = T(D + "09:23:30")
ROLLBACK_Q = T(D + "09:26:05")
SHUTDOWN = T(D + "09:33:05")
MITIGATED = T(D + "09:33:40")
ALERT_OK = T(D + "09:38:30")
SMART = T(D + "09:28:40")
RESOLVED = T(D + "10:05:00")
UP = 8812345.0 - (STARTED - T(D + "00:00:00")).total_seconds()  # uptime at midnight-ish

def failing(t):
    return STARTED <= t < SHUTDOWN

# ---- kern.log (local CDT, no year)
kl = []
def K(t, msg, prog="kernel"):
    up = UP + (t - T(D + "00:00:00")).total_seconds()
    kl.append((t, syslog(t, TZ, "kfk-prod-04", prog, ("[%12.6f] " % up + msg) if prog == "kernel" else msg)))
K(T(D + "08:31:02"), "IPv6: ADDRCONF(NETDEV_CHANGE): veth3a1f2c9: link becomes ready")
K(T(D + "08:52:40"), "TCP: request_sock_TCP: Possible SYN flooding on port 9092. Sending cookies.  Check SNMP counters.")
for t in poisson_times(rng, STARTED, SHUTDOWN, 1 / 35.0) + [STARTED]:
    sector = rng.randint(1_800_000_000, 1_900_000_000)
    tag = rng.randint(0, 31)
    K(t, "ata3.00: exception Emask 0x0 SAct 0x%x SErr 0x0 action 0x0" % (1 << tag))
    K(t, "ata3.00: irq_stat 0x40000008")
    K(t, "ata3.00: failed command: READ FPDMA QUEUED")
    K(t, "ata3.00: cmd 60/08:%02x:%x/00:00:6e/40 tag %d ncq dma 4096 in" % (tag * 8 % 256, sector & 0xFFFFFF, tag))
    K(t, "         res 41/40:00:%x/00:00:6e/00 Emsk 0x409 (media error) <F>" % (sector & 0xFFFFFF))
    K(t, "ata3.00: status: { DRDY ERR }")
    K(t, "ata3.00: error: { UNC }")
    K(add(t, seconds=2.1), "ata3: hard resetting link")
    K(add(t, seconds=2.6), "ata3: SATA link up 6.0 Gbps (SStatus 133 SControl 300)")
    K(add(t, seconds=2.7), "ata3.00: configured for UDMA/133")
    K(add(t, seconds=2.7), "sd 2:0:0:0: [sdc] tag#%d FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=3s" % tag)
    K(add(t, seconds=2.7), "sd 2:0:0:0: [sdc] tag#%d Sense Key : Medium Error [current] " % tag)
    K(add(t, seconds=2.7), "sd 2:0:0:0: [sdc] tag#%d Add. Sense: Unrecovered read error - auto reallocate failed" % tag)
    K(add(t, seconds=2.7), "I/O error, dev sdc, sector %d op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2" % sector)
    K(add(t, seconds=2.8), "ata3: EH complete")
K(SMART, "Device: /dev/sdc [SAT], 24 Currently unreadable (pending) sectors", prog="smartd[911]")
K(add(SMART, seconds=1), "Device: /dev/sdc [SAT], 9 Offline uncorrectable sectors", prog="smartd[911]")
K(add(SMART, seconds=1), "Device: /dev/sdc [SAT], SMART Usage Attribute: 187 Reported_Uncorrect changed from 100 to 96", prog="smartd[911]")
inc.lines("kern.log", [l for _, l in sorted(kl, key=lambda x: x[0])])

# ---- kafka server.log (log4j, local CDT, no offset)
ks = []
def KS(t, lvl, msg, cls, exc=""):
    lt = local(t, TZ)
    ks.append((t, "[%s,%03d] %s %s (%s)%s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, msg, cls, exc)))
for t in frange(add(W0, seconds=12), W1, 300):
    KS(t, "INFO", "[GroupMetadataManager brokerId=4] Removed 0 expired offsets in 1 milliseconds.", "kafka.coordinator.group.GroupMetadataManager") if t < SHUTDOWN else None
    KS(add(t, seconds=31), "INFO", "[ProducerStateManager partition=orders-%d] Wrote producer snapshot at offset %d with 0 producer ids in 3 ms." % (rng.randint(0, 11), rng.randint(10**7, 10**8)),
       "kafka.log.ProducerStateManager") if t < SHUTDOWN else None
for t in poisson_times(rng, KAFKA_SLOW, SHUTDOWN, 1 / 20.0):
    p = rng.choice([3, 7, 11])
    r = rng.random()
    if r < 0.4:
        KS(t, "WARN", "[ReplicaManager broker=4] Produce request to orders-%d took %d ms (acks=-1), waiting on local log append" % (p, rng.randint(8000, 31000)), "kafka.server.ReplicaManager")
    elif r < 0.7:
        KS(t, "ERROR", "[ReplicaManager broker=4] Error processing fetch with max size 1048576 from replica [2] on partition orders-%d: PartitionData(fetchOffset=%d, logStartOffset=0, maxBytes=1048576)" % (p, rng.randint(10**7, 10**8)),
           "kafka.server.ReplicaManager", "\njava.io.IOException: Input/output error\n\tat java.base/sun.nio.ch.FileDispatcherImpl.pread0(Native Method)\n\tat org.apache.kafka.common.record.FileRecords.readInto(FileRecords.java:125)")
    else:
        KS(t, "INFO", "[Partition orders-%d broker=4] Shrinking ISR from 4,2,5 to 4,5. Leader: (highWatermark: %d, endOffset: %d). Out of sync replicas: (brokerId: 2, endOffset: %d)." % (p, rng.randint(10**7, 10**8), rng.randint(10**7, 10**8), rng.randint(10**7, 10**8)), "kafka.cluster.Partition")
KS(KAFKA_SLOW, "WARN", "[ReplicaManager broker=4] Produce request to orders-7 took 9412 ms (acks=-1), waiting on local log append", "kafka.server.ReplicaManager")
KS(SHUTDOWN, "INFO", "[KafkaServer id=4] shutting down", "kafka.server.KafkaServer")
KS(add(SHUTDOWN, seconds=0.2), "INFO", "[KafkaServer id=4] Starting controlled shutdown", "kafka.server.KafkaServer")
KS(add(SHUTDOWN, seconds=6.5), "INFO", "[KafkaServer id=4] Controlled shutdown request returned successfully after 6211ms", "kafka.server.KafkaServer")
KS(add(SHUTDOWN, seconds=19), "INFO", "[KafkaServer id=4] shut down completed", "kafka.server.KafkaServer")
inc.lines("server.log", [l for _, l in sorted(ks, key=lambda x: x[0])])

# ---- node exporter disk metrics, query_range
def util(dev):
    def f(t):
        if dev == "sdc" and failing(t):
            return 0.97 + 0.03 * rng.random()
        if t >= SHUTDOWN and dev == "sdc":
            return 0.0
        return 0.11 + 0.06 * rng.random() if dev == "sdc" else 0.02 + 0.01 * rng.random()
    return f
def rlat(t):
    return (1.8 + rng.random() * 2.5) if failing(t) else (0.0 if t >= SHUTDOWN else 0.0004 + rng.random() * 0.0003)
inc.json("capture-7.json", query_range(
    [({"device": d, "instance": "kfk-prod-04:9100", "job": "node"}, util(d)) for d in ("sda", "sdc")] +
    [({"__name__": "disk_read_latency_seconds", "device": "sdc", "instance": "kfk-prod-04:9100", "job": "node"}, rlat)],
    W0, W1, 30, fmt="%.4f"), indent=None)

# ---- checkout JSON logs
cl = []
for t in poisson_times(rng, W0, W1, 0.5):
    impacted = CUST <= t < MITIGATED and rng.random() < 0.35
    if impacted:
        cl.append((t, jline({"ts": iso_us(t), "severity": "ERROR", "logger": "checkout.orders", "message": "failed to publish OrderPlaced",
                             "exception": "org.apache.kafka.common.errors.TimeoutException: Expiring 14 record(s) for orders-7:120001 ms has passed since batch creation",
                             "http.status": 503, "order.id": "o-" + hexid(rng, 10)})))
    else:
        cl.append((t, jline({"ts": iso_us(t), "severity": "INFO", "logger": "checkout.http", "message": "POST /orders 201", "duration_ms": rng.randint(40, 260)})))
cl.append((CUST, jline({"ts": iso_us(CUST), "severity": "ERROR", "logger": "checkout.orders", "message": "failed to publish OrderPlaced",
                        "exception": "org.apache.kafka.common.errors.TimeoutException: Expiring 3 record(s) for orders-7:120000 ms has passed since batch creation", "http.status": 503, "order.id": "o-0c41ad99e2"})))
for t in poisson_times(rng, W0, W1, 1 / 80.0):
    cl.append((t, jline({"ts": iso_us(t), "severity": "WARNING", "logger": "checkout.address", "message": "address validation provider timeout, accepting as-is", "provider": "loqate"})))
inc.lines("checkout-7c9f.jsonl", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ---- alertmanager webhooks (json list)
posts = []
kl_ = {"severity": "warning", "team": "streaming", "cluster": "kafka-prod"}
for s_, e_ in [(URP, T(D + "09:11:45")), (T(D + "09:13:15"), T(D + "09:14:30")), (T(D + "09:15:30"), add(SHUTDOWN, minutes=2))]:
    posts.append(am_webhook("slack-streaming", [am_alert("KafkaUnderReplicatedPartitions", kl_, "kafka-prod has under-replicated partitions", s_)]))
    posts.append(am_webhook("slack-streaming", [am_alert("KafkaUnderReplicatedPartitions", kl_, "kafka-prod has under-replicated partitions", s_, ends=e_)]))
cl_ = {"severity": "page", "team": "checkout", "service": "checkout"}
posts.append(am_webhook("pd-checkout", [am_alert("CheckoutOrderErrors", cl_, "checkout POST /orders 5xx > 3%", ERR_ALERT)]))
posts.append(am_webhook("pd-checkout", [am_alert("CheckoutOrderErrors", cl_, "checkout POST /orders 5xx > 3%", ERR_ALERT, ends=ALERT_OK)]))
posts.append(am_webhook("slack-infra", [am_alert("NodeDiskIOSaturation", {"severity": "warning", "team": "infra", "instance": "kfk-prod-04:9100", "device": "sdc"},
                                                 "kfk-prod-04 sdc busy > 90% for 15m", T(D + "09:17:30"))]))
posts.append(am_webhook("slack-search", [am_alert("ElasticsearchSnapshotFailed", {"severity": "warning", "team": "search", "repository": "s3-nightly"},
                                                  "nightly snapshot to s3-nightly failed", add(CRON[-1], seconds=30))]))
posts.append(am_webhook("slack-web", [am_alert("HighCLSScore", {"severity": "info", "team": "web", "page": "/product"}, "CLS p75 above 0.1 on /product", T(D + "09:44:00"))]))
posts.sort(key=lambda p: max(a["endsAt"] if a["status"] == "resolved" else a["startsAt"] for a in p["alerts"]))
inc.json("notifications.json", posts)

# ---- pagerduty
pd = PD(88213, "CheckoutOrderErrors checkout POST /orders 5xx > 3%", "checkout", "PCHK004")
gab = PD.user("Gabriela Souza", "PGABS01")
rav = PD.user("Ravi Kumar", "PRAVK01")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Gabriela Souza by push notification.", user=gab)
pd.add(ACK, "acknowledge_log_entry", gab, {"type": "web_ui"}, "Acknowledged by Gabriela Souza.")
pd.add(add(ACK, minutes=6), "assign_log_entry", gab, {"type": "web_ui"}, "Reassigned to Ravi Kumar.", assignees=[rav])
pd.add(add(ACK, minutes=6, seconds=20), "acknowledge_log_entry", rav, {"type": "mobile"}, "Acknowledged by Ravi Kumar.")
pd.add(RESOLVED, "resolve_log_entry", rav, {"type": "web_ui"}, "Resolved by Ravi Kumar.")
inc.json("incident-88213-log.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("UGAB", "gabriela", "Gabriela Souza"), ("URAV", "ravi", "Ravi Kumar"), ("UHAN", "hannah", "Hannah Berg"), ("UJOE", "joe", "Joe Marsh")]:
    s.user(u, n, r, "America/Chicago")
for cid, n in [("CSTR", "streaming"), ("CINC", "incident-88213"), ("CDEP", "deploys"), ("CSRC", "search-alerts")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("search-alerts", add(c, seconds=45), "BAM", "alertmanager", attachments=am_slack_attachment("firing", "ElasticsearchSnapshotFailed", "nightly snapshot to s3-nightly failed", color="warning"))
s.bot("deploys", OTHER_DEPLOY, "BGHA", "GitHub Actions", blocks=pd_slack_blocks(":rocket: *fulfillment-ui* `2026.08.13.2` deployed to production by hannah-berg"))
for p in posts:
    if p["receiver"] == "slack-streaming":
        a = p["alerts"][0]
        import datetime as _d
        t = _d.datetime.fromisoformat((a["endsAt"] if a["status"] == "resolved" else a["startsAt"]).replace("Z", "+00:00"))
        s.bot("streaming", add(t, seconds=30), "BAM", "alertmanager", attachments=am_slack_attachment(a["status"], a["labels"]["alertname"], a["annotations"]["summary"], color="warning" if a["status"] == "firing" else "good"))
ch = "incident-88213"
s.say(ch, add(ACK, seconds=60), "UGAB", "acked. checkout /orders 503s, producer TimeoutException on orders-7. pulling in streaming")
s.say(ch, INODES, "URAV", "broker 4 log dir looks weird, the volume is out of inodes I think")
s.say(ch, COMMS, "UJOE", "posted to status page: some orders failing to place, retrying may help")
s.say(ch, add(INODES, minutes=3), "URAV", "nope, df -i is fine, 3% used. ignore me")
s.say(ch, DIAG, "URAV", "dmesg on kfk-prod-04: sdc throwing READ FPDMA QUEUED / Unrecovered read error. the data disk is dying")
s.say(ch, ROLLBACK_Q, "UHAN", "should we roll back fulfillment-ui just in case? it went out 08:40")
s.say(ch, add(ROLLBACK_Q, seconds=50), "UGAB", "it doesn't produce to orders, no")
s.say(ch, T(D + "09:31:00"), "URAV", "doing a controlled shutdown of broker 4 so leadership moves off it")
s.say(ch, add(MITIGATED, seconds=60), "URAV", "broker 4 down, leaders moved to 2 and 5, produce latency normal, 503s stopped")
s.say(ch, add(RESOLVED, seconds=-45), "URAV", "resolving the page; ticket INFRA-5521 open to replace sdc and bring broker 4 back")
s.write(inc, "slack-export")

inc.truth(
    "kafka-disk-failing", "storage-device-failing",
    "The sdc data disk on Kafka broker kfk-prod-04 started returning media errors; produce requests to partitions it led\n"
    "stalled and checkout returned 503s until the broker was shut down and leadership moved away.",
    (W0, W1),
    dict(started=STARTED, detected=URP, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "first ata3/sdc READ FPDMA QUEUED media error on kfk-prod-04", "kern.log", 60),
     (KAFKA_SLOW, "first_symptom", "broker 4 produce requests take 9+ s", "server.log", 90),
     (CUST, "first_symptom", "first checkout 503 (producer TimeoutException)", "checkout-7c9f.jsonl", 60),
     (URP, "alert_fired", "KafkaUnderReplicatedPartitions firing (flaps)", "notifications.json", 60),
     (ERR_ALERT, "alert_fired", "CheckoutOrderErrors firing (page)", "notifications.json", 60),
     (PAGE, "paged", "PagerDuty #88213 triggered", "incident-88213-log.json", 60),
     (ACK, "acknowledged", "Gabriela acknowledges", "incident-88213-log.json", 60),
     (COMMS, "communication", "status page: some orders failing", "slack-export", 90),
     (DIAG, "diagnosis", "Ravi: sdc media errors, the data disk is dying", "slack-export", 90),
     (SHUTDOWN, "mitigation", "controlled shutdown of broker 4", "server.log", 60),
     (MITIGATED, "recovery", "checkout 503s stop", "checkout-7c9f.jsonl", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "incident-88213-log.json", 60)],
    [(CRON[-1], "nightly Elasticsearch snapshot failure, every day 09:00 UTC", "notifications.json"),
     (OTHER_DEPLOY, "fulfillment-ui deploy by another team", "slack-export"),
     (INODES, "wrong diagnosis: 'the volume is out of inodes' (retracted)", "slack-export"),
     (ROLLBACK_Q, "'should we roll back fulfillment-ui?' question", "slack-export"),
     (T(D + "09:44:00"), "HighCLSScore for the web team", "notifications.json"),
     (T(D + "08:52:40"), "SYN flooding kernel message on port 9092 (benign)", "kern.log"),
     (T(D + "10:30:00"), "steady address-validation timeouts all window", "checkout-7c9f.jsonl")],
    [("kern.log", "logs", TZ), ("server.log", "logs", TZ), ("capture-7.json", "prometheus-query-range"), ("checkout-7c9f.jsonl", "logs"),
     ("notifications.json", "alertmanager-webhook"), ("incident-88213-log.json", "pagerduty-log-entries"), ("slack-export", "slack-export")])
