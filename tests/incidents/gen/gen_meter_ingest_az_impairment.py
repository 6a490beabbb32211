"""retired6/meter-ingest-az-impairment: the cloud provider's eu-central-1 zone euc1-az2 loses network
connectivity; Kafka broker 2 and four nodes there drop out minutes before smart-meter uploads start failing;
mitigated by a zonal shift away from the zone and a controlled shutdown of broker 2, resolved after the
provider recovers."""
import random
from common import *

rng = random.Random(20260617)
inc = Incident("retired6", "meter-ingest-az-impairment")
D = "2026-06-17 "
W0, W1 = T(D + "05:45:00"), T(D + "08:45:00")
CRON = [T("2026-06-%02d 05:55:%02d" % (d, 7 + 4 * i)) for i, d in enumerate((14, 15, 16, 17))]
FW_WAVE = T("2026-06-16 21:00:00")
OTHER_DEPLOY = T(D + "06:21:33")
IMPAIR = T(D + "06:38:50")
STARTED = T(D + "06:39:21")
SHRINK = T(D + "06:39:41")
NOTREADY = T(D + "06:40:23")
CUST = T(D + "06:41:58")
ALERT_URP = T(D + "06:44:51")
ALERT = T(D + "06:49:36")
PAGE = T(D + "06:49:58")
ACK = T(D + "06:53:12")
WRONG1 = T(D + "06:57:10")
ROLLBACK_Q = T(D + "06:59:02")
WRONG2 = T(D + "07:00:31")
AWS_POST = T(D + "07:01:40")
DIAG = T(D + "07:03:15")
COMMS = T(D + "07:06:00")
SHIFT = T(D + "07:09:34")
KAFKA_STOP = T(D + "07:10:20")
MITIGATED = T(D + "07:10:58")
ALERT_OK = T(D + "07:15:36")
AWS_OK = T(D + "08:02:00")
KAFKA_START = T(D + "08:12:40")
URP_OK = T(D + "08:14:10")
SHIFT_END = T(D + "08:24:10")
RESOLVED = T(D + "08:31:00")

AZ2_NODES = ["ip-10-20-%d-%d.eu-central-1.compute.internal" % (a, b) for a, b in ((68, 14), (71, 203), (77, 9), (90, 156))]
LED_BY_2 = [2, 5, 9, 13, 16, 20, 22, 23]
LED_BY_0_WITH_2 = [0, 3, 7, 10, 14, 18, 21]

# ---- kafka broker-0 server.log (log4j, UTC, no offset)
kl = []
def K(t, lvl, msg, jitter=True):
    if jitter and t.microsecond == 0:
        t = add(t, seconds=rng.randint(3, 997) / 1000.0)
    kl.append((t, "[%s,%03d] %s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl, msg)))
for t in frange(add(W0, seconds=23), W1, 300):
    p = rng.randint(0, 23)
    K(t, "INFO", "[LocalLog partition=meter-readings-%d, dir=/var/lib/kafka/data] Rolled new log segment at offset %d in %d ms. (kafka.log.LocalLog)" % (p, 48_120_000_000 + rng.randint(0, 9_999_999), rng.randint(1, 4)))
    K(add(t, seconds=31), "INFO", "[UnifiedLog partition=meter-readings-%d, dir=/var/lib/kafka/data] Deleting segment LogSegment(baseOffset=%d, size=1073741590, lastModifiedTime=%d, largestRecordTimestamp=Some(%d)) due to retention time 604800000ms breach based on the largest record timestamp in the segment (kafka.log.UnifiedLog)" % (p, 47_890_000_000 + rng.randint(0, 9_999_999), int(epoch(t) * 1000) - 604_900_000, int(epoch(t) * 1000) - 604_810_000))
for t in frange(add(W0, seconds=140), W1, 600):
    K(t, "INFO", "[GroupCoordinator 0]: Preparing to rebalance group billing-aggregator in state PreparingRebalance with old generation %d (__consumer_offsets-31) (reason: Leaving group: consumer-billing-aggregator-1-%s) (kafka.coordinator.group.GroupCoordinator)" % (rng.randint(8000, 9000), uuid(str(t))))
K(STARTED, "WARN", "[ReplicaFetcher replicaId=0, leaderId=2, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=0, maxWait=500, minBytes=1, maxBytes=10485760, fetchData={meter-readings-2=PartitionData(topicId=Zq1vR0mTQ0uV8cI5f2k3pA, fetchOffset=48126601123, logStartOffset=47892210011, maxBytes=1048576, currentLeaderEpoch=Optional[41], lastFetchedEpoch=Optional[41])}, isolationLevel=READ_UNCOMMITTED, removed=, replaced=, metadata=(sessionId=1790341188, epoch=1821338), rackId=euc1-az1) (kafka.server.ReplicaFetcherThread)\njava.io.IOException: Connection to 2 was disconnected before the response was read\n\tat org.apache.kafka.clients.NetworkClientUtils.sendAndReceive(NetworkClientUtils.java:99)\n\tat kafka.server.BrokerBlockingSender.sendRequest(BrokerBlockingSender.scala:113)\n\tat kafka.server.RemoteLeaderEndPoint.fetch(RemoteLeaderEndPoint.scala:79)", jitter=False)
t = add(STARTED, seconds=30)
while t < KAFKA_STOP:
    K(t, "INFO", "[ReplicaFetcher replicaId=0, leaderId=2, fetcherId=0] Error sending fetch request (sessionId=1790341188, epoch=INITIAL) to node 2: (org.apache.kafka.clients.FetchSessionHandler)")
    t = add(t, seconds=30 + rng.randint(0, 9))
for i, p in enumerate(LED_BY_0_WITH_2):
    K(add(SHRINK, seconds=2.1 * i), "INFO", "[Partition meter-readings-%d broker=0] Shrinking ISR from 0,2,1 to 0,1. Leader: (highWatermark: %d, endOffset: %d). Out of sync replicas: (brokerId: 2, endOffset: %d, lastCaughtUpTimeMs: %d). (kafka.cluster.Partition)" % (
        p, 48_126_600_000 + i * 977, 48_126_601_500 + i * 977, 48_126_588_000 + i * 977, int(epoch(STARTED) * 1000) - 8_000))
for i, p in enumerate(LED_BY_2):
    K(add(KAFKA_STOP, seconds=1.4 + 0.3 * i), "INFO", "[Partition meter-readings-%d broker=0] meter-readings-%d starts at leader epoch 42 from offset %d with partition epoch 88, high watermark %d, ISR [0,1], adding replicas [] and removing replicas [] . Previous leader Some(2) and previous leader epoch was 41. (kafka.cluster.Partition)" % (p, p, 48_126_700_000 + i * 811, 48_126_700_000 + i * 811))
for i, p in enumerate(LED_BY_0_WITH_2):
    K(add(KAFKA_START, seconds=55 + 4 * i), "INFO", "[Partition meter-readings-%d broker=0] ISR updated to 0,1,2 and version updated to %d (kafka.cluster.Partition)" % (p, 90 + i))
inc.lines("server.log.gz", [l for _, l in sorted(kl, key=lambda x: x[0])])

# ---- ingest-gw logfmt (pods in az1/az3; the az2 pods' logs stop arriving during the impairment)
GW = {"euc1-az1": ["ingest-gw-6c9f7b8d4-%s" % s for s in ("4kx2p", "9wq7t")], "euc1-az2": ["ingest-gw-6c9f7b8d4-%s" % s for s in ("b7mzn", "h3vrc")],
      "euc1-az3": ["ingest-gw-6c9f7b8d4-%s" % s for s in ("p2dls", "x8nqf")]}
gl = []
def G(t, pairs):
    gl.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
def impaired(t):
    return CUST <= t < MITIGATED
for t in poisson_times(rng, W0, W1, 1 / 3.0):
    az = rng.choice(list(GW))
    if az == "euc1-az2" and IMPAIR <= t < AWS_OK:
        continue
    pod = rng.choice(GW[az])
    if impaired(t) and rng.random() < 0.34:
        p = rng.choice(LED_BY_2)
        G(t, [("level", "error"), ("pod", pod), ("caller", "produce/batch.go:118"), ("msg", "produce failed"), ("topic", "meter-readings"), ("partition", p), ("err", "Local: Message timed out"), ("batch", rng.choice((250, 500)))])
        G(add(t, seconds=0.002), [("level", "warn"), ("pod", pod), ("caller", "http/upload.go:74"), ("msg", "upload rejected"), ("status", 503), ("reason", "produce timeout"), ("meter", "MTR-%07d" % rng.randint(0, 9_999_999))])
    else:
        G(t, [("level", "info"), ("pod", pod), ("caller", "http/upload.go:61"), ("msg", "batch accepted"), ("readings", rng.randint(96, 480)), ("dur", "%dms" % rng.randint(8, 60))])
for t in poisson_times(rng, W0, W1, 1 / 40.0):
    G(t, [("level", "warn"), ("pod", rng.choice(GW["euc1-az1"] + GW["euc1-az3"])), ("caller", "mqtt/session.go:203"), ("msg", "client keepalive timeout, closing"), ("client", "MTR-%07d" % rng.randint(0, 9_999_999))])
for t in poisson_times(rng, W0, W1, 1 / 95.0):
    G(t, [("level", "error"), ("pod", rng.choice(GW["euc1-az1"] + GW["euc1-az3"])), ("caller", "decode/frame.go:42"), ("msg", "payload rejected"), ("reason", "crc mismatch"), ("fw", "3.8.1")])
for t in (add(CUST, seconds=0.214), add(MITIGATED, seconds=-0.6)):
    G(t, [("level", "error"), ("pod", GW["euc1-az1"][0]), ("caller", "produce/batch.go:118"), ("msg", "produce failed"), ("topic", "meter-readings"), ("partition", 13), ("err", "Local: Message timed out"), ("batch", 500)])
    G(add(t, seconds=0.002), [("level", "warn"), ("pod", GW["euc1-az1"][0]), ("caller", "http/upload.go:74"), ("msg", "upload rejected"), ("status", 503), ("reason", "produce timeout"), ("meter", "MTR-%07d" % rng.randint(0, 9_999_999))])
G(add(IMPAIR, seconds=-2), [("level", "info"), ("pod", GW["euc1-az2"][0]), ("caller", "http/upload.go:61"), ("msg", "batch accepted"), ("readings", 240), ("dur", "14ms")])
inc.lines("ingest-gw.logfmt", [l for _, l in sorted(gl, key=lambda x: x[0])])

# ---- Prometheus query_range: accept ratio per zone (az2 has no data while it is cut off)
def ratio(az):
    def f(t):
        if az == "euc1-az2":
            if add(IMPAIR, seconds=40) <= t < add(AWS_OK, seconds=60):
                return None
            if t >= SHIFT and t < SHIFT_END:
                return None
        if add(CUST, seconds=-30) <= t < add(MITIGATED, seconds=30) and az != "euc1-az2":
            return 0.63 + 0.06 * rng.random()
        return 0.996 + 0.003 * rng.random()
    return f
inc.json("accept_ratio_1m.json", query_range([({"job": "ingest-gw", "zone": az}, ratio(az)) for az in GW], W0, W1, 60, "%.4f"))

# ---- kube events
k = Kube(rng)
for i, n in enumerate(AZ2_NODES):
    k.ev(add(NOTREADY, seconds=9 * i), "", "Node", n, "NodeNotReady", "Node %s status is now: NodeNotReady" % n, component="node-controller")
    for pod in GW["euc1-az2"][i:i + 1]:
        k.ev(add(NOTREADY, seconds=9 * i + 1), "ingest", "Pod", pod, "NodeNotReady", "Node is not ready", type_="Warning", component="node-controller")
    k.ev(add(SHIFT, seconds=50 + 3 * i), "", "Node", n, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % n, host=n)
    k.ev(add(AWS_OK, seconds=95 + 11 * i), "", "Node", n, "NodeReady", "Node %s status is now: NodeReady" % n, host=n)
    k.ev(add(SHIFT_END, seconds=40 + 3 * i), "", "Node", n, "NodeSchedulable", "Node %s status is now: NodeSchedulable" % n, host=n)
k.ev(OTHER_DEPLOY, "billing", "Deployment", "billing-portal", "ScalingReplicaSet", "Scaled up replica set billing-portal-7b5d8c6f9 to 1", component="deployment-controller")
k.ev(add(OTHER_DEPLOY, seconds=70), "billing", "Deployment", "billing-portal", "ScalingReplicaSet", "Scaled down replica set billing-portal-5f6c4d7b8 to 0 from 1", component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 700.0):
    k.ev(t, "monitoring", "Pod", "loki-ingester-%d" % rng.randint(0, 2), "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning", host=rng.choice(["ip-10-20-12-44.eu-central-1.compute.internal", "ip-10-20-140-7.eu-central-1.compute.internal"]))
c = CRON[-1]
k.ev(add(c, seconds=-190), "ingest", "Job", "meter-dedupe-compaction-29683435", "SuccessfulCreate", "Created pod: meter-dedupe-compaction-29683435-q8wfn", component="job-controller")
k.ev(c, "ingest", "Job", "meter-dedupe-compaction-29683435", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("kube-events.json", k.core_list())

# ---- change records (CSV export of the change calendar)
rows = [("CHG-20931", iso(FW_WAVE), iso(T("2026-06-16 23:40:00")), "meter-firmware", "standard", "OTA wave 3: firmware 3.9.0 to 40k meters (NL-North)", "kasia.wrobel", "closed"),
        ("CHG-20940", iso(OTHER_DEPLOY), iso(add(OTHER_DEPLOY, seconds=95)), "billing-portal", "standard", "billing-portal 2.41.0 (invoice PDF layout)", "ruben.vos", "closed"),
        ("CHG-20944", iso(SHIFT), iso(add(SHIFT, seconds=20)), "nlb-ingest-prod", "emergency", "ARC zonal shift: move ingest NLB away from euc1-az2 (expires 3h); cordon az2 nodes", "tomasz.nowak", "closed"),
        ("CHG-20945", iso(KAFKA_STOP), iso(add(KAFKA_STOP, seconds=35)), "kafka-prod", "emergency", "controlled shutdown of kafka-2 (euc1-az2) so partition leaders move to 0/1", "anke.jansen", "closed"),
        ("CHG-20946", iso(KAFKA_START), iso(add(KAFKA_START, seconds=120)), "kafka-prod", "emergency", "start kafka-2 after AWS recovery, wait for ISR", "anke.jansen", "closed"),
        ("CHG-20947", iso(SHIFT_END), iso(add(SHIFT_END, seconds=15)), "nlb-ingest-prod", "emergency", "cancel zonal shift euc1-az2; uncordon az2 nodes", "tomasz.nowak", "closed"),
        ("CHG-20939", iso(T(D + "08:36:00")), "", "grafana", "standard", "grafana 11.6 upgrade", "lotte.smit", "in_progress")]
inc.write("change-calendar.csv", "number,start,end,ci,type,short_description,assigned_to,state\n" + "".join(",".join('"%s"' % x if "," in x else x for x in r) + "\n" for r in rows))

# ---- alertmanager webhook bodies
hk = []
def H(t, recv, alerts):
    hk.append((t, jline(am_webhook(recv, alerts))))
urp = am_alert("KafkaUnderReplicatedPartitions", {"severity": "warning", "team": "data-infra", "cluster": "kafka-prod"}, "kafka-prod has 16 under-replicated partitions", ALERT_URP)
H(add(ALERT_URP, seconds=8), "slack-data-infra", [urp])
H(add(URP_OK, seconds=8), "slack-data-infra", [am_alert("KafkaUnderReplicatedPartitions", {"severity": "warning", "team": "data-infra", "cluster": "kafka-prod"}, "kafka-prod has 16 under-replicated partitions", ALERT_URP, ends=URP_OK)])
lab = {"severity": "page", "team": "grid-ingest", "service": "ingest-gw"}
H(add(ALERT, seconds=9), "pagerduty-ingest", [am_alert("IngestAcceptRatioLow", lab, "ingest-gw accepts 64.8% of meter uploads", ALERT)])
H(add(ALERT_OK, seconds=9), "pagerduty-ingest", [am_alert("IngestAcceptRatioLow", lab, "ingest-gw accepts 64.8% of meter uploads", ALERT, ends=ALERT_OK)])
NNR = T(D + "06:55:23")
nodes_al = [am_alert("KubeNodeNotReady", {"severity": "warning", "team": "platform", "node": n}, "%s has been unready for more than 15 minutes" % n, add(NNR, seconds=9 * i)) for i, n in enumerate(AZ2_NODES)]
H(add(NNR, seconds=40), "slack-platform", nodes_al)
H(add(AWS_OK, seconds=200), "slack-platform", [dict(a, status="resolved", endsAt=iso(add(AWS_OK, seconds=190))) for a in nodes_al])
tl = {"severity": "warning", "team": "billing", "service": "tariff-api"}
for a, b in [("06:02:10", "06:09:40"), ("06:47:40", "06:52:10"), ("07:31:10", "07:40:40"), ("08:18:40", "08:22:10")]:
    H(add(T(D + a), seconds=8), "slack-billing", [am_alert("TariffApiLatencyHigh", tl, "tariff-api p95 above 1.2s", T(D + a))])
    H(add(T(D + b), seconds=8), "slack-billing", [am_alert("TariffApiLatencyHigh", tl, "tariff-api p95 above 1.2s", T(D + a), ends=T(D + b))])
H(add(c, seconds=68), "slack-data-infra", [am_alert("KubeJobFailed", {"severity": "warning", "team": "data-infra", "namespace": "ingest", "job_name": "meter-dedupe-compaction-29683435"}, "Job ingest/meter-dedupe-compaction-29683435 failed to complete", add(c, seconds=60))])
inc.lines("am-webhook.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(7730, "IngestAcceptRatioLow ingest-gw accepts 64.8% of meter uploads", "grid-ingest", "PGRID01", "Grid ingest primary")
tom = PD.user("Tomasz Nowak", "PTOMNO1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Tomasz Nowak by push notification.", user=tom)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Tomasz Nowak by phone.", user=tom)
pd.add(ACK, "acknowledge_log_entry", tom, {"type": "phone"}, "Acknowledged by Tomasz Nowak.")
pd.add(add(ALERT_OK, seconds=9), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager: alert resolved; auto-resolve disabled for this service"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", tom, {"type": "web_ui"}, "Resolved by Tomasz Nowak.")
inc.json("pd-log-entries.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U3TOMA", "tomasz", "Tomasz Nowak"), ("U3ANKE", "anke", "Anke Jansen"), ("U3KASI", "kasia", "Kasia Wrobel"),
                ("U3RUBE", "ruben", "Ruben Vos"), ("U3LOTT", "lotte", "Lotte Smit")]:
    s.user(u, n, r, "Europe/Amsterdam")
for cid, n, p in [("C3INC", "inc-ingest", "ingest incidents"), ("C3DI", "data-infra-alerts", ""), ("C3AWS", "aws-health", "AWS Health events for our accounts")]:
    s.channel(cid, n, p)
for cr in CRON:
    s.bot("data-infra-alerts", add(cr, seconds=69), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job ingest/meter-dedupe-compaction failed to complete", color="warning"))
s.bot("data-infra-alerts", add(ALERT_URP, seconds=9), "B3AM", "alertmanager", attachments=am_slack_attachment("firing", "KafkaUnderReplicatedPartitions", "kafka-prod has 16 under-replicated partitions", color="warning"))
s.bot("data-infra-alerts", add(URP_OK, seconds=9), "B3AM", "alertmanager", attachments=am_slack_attachment("resolved", "KafkaUnderReplicatedPartitions", "kafka-prod under-replicated partitions"))
s.bot("aws-health", AWS_POST, "B3AWS", "AWS Health", blocks=pd_slack_blocks("*[Open] Operational issue - Multiple services (Frankfurt)*\nWe are investigating network connectivity issues affecting instances in a single Availability Zone (euc1-az2) in the EU-CENTRAL-1 Region."))
s.bot("aws-health", T(D + "07:38:12"), "B3AWS", "AWS Health", blocks=pd_slack_blocks("*[Open] Operational issue - Multiple services (Frankfurt)*\nWe have identified the root cause as a failure of networking devices in euc1-az2 and are working towards recovery."))
s.bot("aws-health", add(AWS_OK, seconds=700), "B3AWS", "AWS Health", blocks=pd_slack_blocks("*[Resolved] Operational issue - Multiple services (Frankfurt)*\nBetween 11:38 PM and 1:02 AM PDT we experienced network connectivity issues in a single Availability Zone (euc1-az2). The issue has been resolved."))
ch = "inc-ingest"
s.say(ch, add(ACK, seconds=50), "U3TOMA", "acked. about a third of meter uploads get 503, ingest-gw says produce timeouts on meter-readings")
s.say(ch, add(ACK, seconds=140), "U3ANKE", "kafka-prod has had under-replicated partitions since 06:44, broker 2 is not answering fetches")
s.say(ch, WRONG1, "U3KASI", "firmware wave 3 went to 40k meters last night, could be a reconnect storm from 3.9.0?")
s.say(ch, ROLLBACK_Q, "U3RUBE", "should we roll back the firmware wave?")
s.say(ch, add(ROLLBACK_Q, seconds=35), "U3TOMA", "not yet, upload volume is normal, it's the produce side")
s.say(ch, WRONG2, "U3RUBE", "or billing-portal 2.41 from 06:21? it shares the kafka cluster")
s.say(ch, DIAG, "U3TOMA", "it's the zone: kafka-2, the four NotReady nodes and both silent ingest-gw pods are all in euc1-az2, and AWS Health now confirms connectivity issues in euc1-az2. uploads fail on the partitions led by broker 2")
s.say(ch, add(DIAG, seconds=45), "U3ANKE", "agree. I can do a controlled shutdown of kafka-2 so leadership moves to 0 and 1")
s.say(ch, COMMS, "U3LOTT", "status page: 'Some meter readings are delayed. Devices buffer locally, no data is lost.'")
s.say(ch, add(SHIFT, seconds=-25), "U3TOMA", "starting ARC zonal shift away from euc1-az2 on the ingest NLB and cordoning az2 nodes")
s.say(ch, add(KAFKA_STOP, seconds=-10), "U3ANKE", "shutting down kafka-2 now")
s.say(ch, add(MITIGATED, seconds=55), "U3TOMA", "produce errors stopped at 07:11, accept ratio back at 99.7%. meters are flushing their buffers")
s.say(ch, add(KAFKA_START, seconds=-30), "U3ANKE", "AWS resolved, starting kafka-2, ISR should catch up in a few minutes")
s.say(ch, add(SHIFT_END, seconds=30), "U3TOMA", "zonal shift cancelled, az2 back in rotation")
s.say(ch, add(RESOLVED, seconds=-20), "U3TOMA", "everything back in 3 zones, resolving. postmortem: we had no runbook for a zone failure")
s.write(inc, "slack")

inc.truth(
    "meter-ingest-az-impairment", "cloud-zone-network-impairment",
    "A network impairment in the provider's zone euc1-az2 cut off Kafka broker 2 and four nodes minutes before a third of\n"
    "smart-meter uploads failed with produce timeouts; mitigated by a zonal shift and shutting kafka-2 down, resolved after the provider recovered.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT_URP, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "broker-0 loses its fetch connection to broker 2 (euc1-az2)", "server.log.gz", 60),
     (SHRINK, "first_symptom", "ISR of meter-readings partitions shrinks, broker 2 out of sync", "server.log.gz", 60),
     (CUST, "first_symptom", "ingest-gw produce timeouts and 503 to meters begin", "ingest-gw.logfmt", 60),
     (ALERT_URP, "alert_fired", "KafkaUnderReplicatedPartitions firing (warning)", "am-webhook.ndjson", 60),
     (PAGE, "paged", "PagerDuty #7730 IngestAcceptRatioLow triggered", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Tomasz Nowak acknowledges", "pd-log-entries.json", 60),
     (DIAG, "diagnosis", "Tomasz: it's the zone euc1-az2 (kafka-2, NotReady nodes), AWS confirms", "slack", 90),
     (SHIFT, "mitigation", "ARC zonal shift away from euc1-az2, az2 nodes cordoned", "change-calendar.csv", 60),
     (KAFKA_STOP, "mitigation", "controlled shutdown of kafka-2, leaders move to 0/1", "server.log.gz", 60),
     (MITIGATED, "recovery", "produce errors stop, accept ratio back", "ingest-gw.logfmt", 60),
     (ALERT_OK, "alert_resolved", "IngestAcceptRatioLow resolved", "am-webhook.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty #7730 resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "meter-dedupe-compaction job fails every morning at 05:55", "kube-events.json"),
     (OTHER_DEPLOY, "billing-portal 2.41.0 deploy by billing", "change-calendar.csv"),
     (FW_WAVE, "firmware OTA wave 3 the evening before", "change-calendar.csv"),
     (T(D + "06:02:10"), "TariffApiLatencyHigh of team billing, flapping", "am-webhook.ndjson"),
     (T(D + "06:47:40"), "TariffApiLatencyHigh firing inside the incident", "am-webhook.ndjson"),
     (WRONG1, "wrong hunch: firmware reconnect storm", "slack"),
     (ROLLBACK_Q, "'should we roll back the firmware wave?' question", "slack"),
     (WRONG2, "wrong hunch: billing-portal deploy", "slack"),
     (T(D + "07:30:00"), "steady keepalive timeouts and crc-mismatch rejections all window", "ingest-gw.logfmt"),
     (T(D + "08:36:00"), "grafana upgrade after the incident", "change-calendar.csv")],
    [("server.log.gz", "logs"), ("ingest-gw.logfmt", "logs"), ("accept_ratio_1m.json", "prometheus-query-range"),
     ("kube-events.json", "kube-events"), ("change-calendar.csv", "deploys"), ("am-webhook.ndjson", "alertmanager-webhook"),
     ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
