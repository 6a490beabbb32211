"""retired6/telemetry-flink-backpressure: a new fleet tenant onboarded on Friday lifts the Monday morning ping
rate past the trip-enricher Flink job's capacity; back pressure builds, live vehicle positions go stale and
checkpoints expire, until the job is scaled out from 32 to 64 slots (JobManager log in Asia/Kolkata local time)."""
import random
from common import *

rng = random.Random(20260914)
inc = Incident("retired6", "telemetry-flink-backpressure")
TZ = "Asia/Kolkata"
D = "2026-09-14 "
W0, W1 = T(D + "02:30:00"), T(D + "05:30:00")
CRON = [T("2026-09-%02d 02:45:%02d" % (d, 12 + 5 * i)) for i, d in enumerate((11, 12, 13, 14))]
ONBOARD = T("2026-09-11 10:30:00")
BP = T(D + "03:05:00")
STARTED = T(D + "03:22:47")
ALERT_W = T(D + "03:31:10")
OTHER_DEPLOY = T(D + "03:35:18")
ALERT = T(D + "03:44:20")
PAGE = T(D + "03:44:41")
ACK = T(D + "03:49:03")
WRONG1 = T(D + "03:52:40")
ROLLBACK_Q = T(D + "03:54:55")
WRONG2 = T(D + "03:58:30")
DIAG = T(D + "04:03:30")
COMMS = T(D + "04:06:00")
SCALE = T(D + "04:09:40")
UP_RUNNING = T(D + "04:11:05")
ALERT_W_OK = T(D + "04:13:40")
MITIGATED = T(D + "04:38:20")
ALERT_OK = T(D + "04:43:05")
RESOLVED = T(D + "05:05:00")
JOB = "7f3c0a91d2e84b6fa51c9e0d4b7a2f18"
JM_OLD, JM_NEW = "trip-enricher-5c8d7f9b6-xq2lm", "trip-enricher-6f4b9c7d5-r4t8n"


def fresh(t):
    """event-time lag of live positions in seconds"""
    s = (t - BP).total_seconds()
    if t < BP:
        return 4 + 2 * rng.random()
    if t < STARTED:
        x = s / (STARTED - BP).total_seconds()
        return 4 + 56 * x * x
    if t < UP_RUNNING:
        return 60 + 840 * (t - STARTED).total_seconds() / (UP_RUNNING - STARTED).total_seconds()
    if t < MITIGATED:
        return 900 - 841 * (t - UP_RUNNING).total_seconds() / (MITIGATED - UP_RUNNING).total_seconds()
    return max(5 + 2 * rng.random(), 59 - (t - MITIGATED).total_seconds() * 0.12)


def rate_in(t):
    s = (t - W0).total_seconds()
    return min(61000.0, 36500 + 24500 * s / 4200) + rng.randint(-600, 600)


# ---- JobManager logs, both pods (kubectl logs --prefix), log4j in IST without offset
jm = []
def J(t, pod, lvl, logger, msg):
    lt = local(t, TZ)
    jm.append((t, "[pod/%s/flink-main-container] %s,%03d %-5s %s [] - %s" % (pod, lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, logger, msg)))
CC = "org.apache.flink.runtime.checkpoint.CheckpointCoordinator"
cp = 48090
t = add(W0, seconds=11.237)
fails = 0
EXPIRED = []
while t < SCALE:
    s = (t - T(D + "03:19:30")).total_seconds()
    d = 15 + rng.random() * 10 + (0.78 * s if s > 0 else 0)
    J(t, JM_OLD, "INFO", CC, "Triggering checkpoint %d (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ %d for job %s." % (cp, int(epoch(t) * 1000), JOB))
    if d >= 600:
        e = add(t, seconds=600)
        if e >= SCALE:
            break
        EXPIRED.append(e)
        J(e, JM_OLD, "INFO", CC, "Checkpoint %d of job %s expired before completing." % (cp, JOB))
        J(add(e, seconds=0.004), JM_OLD, "WARN", "org.apache.flink.runtime.checkpoint.CheckpointFailureManager",
          "Failed to trigger or complete checkpoint %d for job %s. (%d consecutive failed attempts so far)\norg.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint expired before completing.\n\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator$CheckpointCanceller.run(CheckpointCoordinator.java:2214) ~[flink-dist-1.19.1.jar:1.19.1]" % (cp, JOB, fails))
        fails += 1
        nxt = add(e, seconds=30)
    else:
        done = add(t, seconds=d)
        J(done, JM_OLD, "INFO", CC, "Completed checkpoint %d for job %s (%d bytes, checkpointDuration=%d ms, finalizationTime=%d ms)." % (cp, JOB, rng.randint(2_900_000_000, 3_400_000_000), int(d * 1000), rng.randint(8, 40)))
        LAST_OK, LAST_OK_T = cp, t
        nxt = max(add(t, seconds=60), add(done, seconds=30))
    cp += 1
    t = nxt
J(add(SCALE, seconds=6.3), JM_OLD, "INFO", "org.apache.flink.runtime.entrypoint.ClusterEntrypoint", "RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested.")
J(add(SCALE, seconds=6.5), JM_OLD, "INFO", "org.apache.flink.runtime.executiongraph.ExecutionGraph", "Job trip-enricher (%s) switched from state RUNNING to SUSPENDED." % JOB)
J(add(UP_RUNNING, seconds=-41), JM_NEW, "INFO", "org.apache.flink.runtime.entrypoint.ClusterEntrypoint", " Starting KubernetesApplicationClusterEntrypoint (Version: 1.19.1, Scala: 2.12, Rev:5edb5a9, Date:2024-06-11T10:38:44+02:00)")
J(add(UP_RUNNING, seconds=-22), JM_NEW, "INFO", CC, "Restoring job %s from Checkpoint %d @ %d for %s located at s3://trakly-flink-state/trip-enricher/checkpoints/%s/chk-%d." % (JOB, LAST_OK, int(epoch(LAST_OK_T) * 1000), JOB, JOB, LAST_OK))
J(add(UP_RUNNING, seconds=-21), JM_NEW, "INFO", "org.apache.flink.runtime.scheduler.adaptive.AdaptiveScheduler", "Job trip-enricher (%s) parallelism: geo-snap 32 -> 64, source vehicle-pings 32 -> 64, sink positions-live 32 -> 64." % JOB)
J(UP_RUNNING, JM_NEW, "INFO", "org.apache.flink.runtime.executiongraph.ExecutionGraph", "Job trip-enricher (%s) switched from state CREATED to RUNNING." % JOB)
t = add(UP_RUNNING, seconds=60.411)
cp += 1
while t < W1:
    d = 40 + rng.random() * 30 if t < MITIGATED else 14 + rng.random() * 9
    J(t, JM_NEW, "INFO", CC, "Triggering checkpoint %d (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ %d for job %s." % (cp, int(epoch(t) * 1000), JOB))
    J(add(t, seconds=d), JM_NEW, "INFO", CC, "Completed checkpoint %d for job %s (%d bytes, checkpointDuration=%d ms, finalizationTime=%d ms)." % (cp, JOB, rng.randint(2_900_000_000, 3_600_000_000), int(d * 1000), rng.randint(8, 40)))
    cp += 1
    t = max(add(t, seconds=60), add(t, seconds=d + 30))
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    pod = JM_OLD if t < SCALE else JM_NEW
    if SCALE <= t < UP_RUNNING:
        continue
    J(t, pod, "WARN", "org.apache.flink.runtime.webmonitor.handlers.JarListHandler", "Could not list jars: /tmp/flink-web-upload does not exist")
inc.lines("trip-enricher-jm.log", [l for _, l in sorted(jm, key=lambda x: x[0])])
assert len(EXPIRED) == 3 and STARTED < EXPIRED[0] < ACK, EXPIRED

# ---- position-api JSON lines (UTC)
pa = []
def P(t, lvl, msg, **kw):
    pa.append((t, jline({"time": iso(t, ms=True), "level": lvl, "service": "position-api", "msg": msg, **kw})))
t = STARTED
while t < MITIGATED:
    P(t, "warn", "live positions stale", watermark_lag_s=max(61, int(fresh(t))), slo_s=60, source="positions-live")
    t = add(t, seconds=20 + rng.random() * 4)
P(MITIGATED, "info", "live positions fresh again", watermark_lag_s=59, slo_s=60, source="positions-live")
for t in poisson_times(rng, W0, W1, 1 / 5.0):
    P(t, "info", "request", method="GET", path=rng.choice(["/v2/fleets/{id}/positions", "/v2/vehicles/{id}/position", "/v2/fleets/{id}/trips"]), status=200, dur_ms=rng.randint(6, 80),
      tenant=rng.choice(["orbit-logistics", "kavya-transport", "bluedart-fleet", "metro-cabs"]))
for t in poisson_times(rng, W0, W1, 1 / 70.0):
    P(t, "error", "tile cache lookup timed out, serving without road names", upstream="tile-server", timeout_ms=150)
for t in poisson_times(rng, W0, W1, 1 / 110.0):
    P(t, "warn", "request", method="GET", path="/v2/fleets/{id}/positions", status=401, dur_ms=rng.randint(1, 4), error="token expired")
inc.lines("position-api.jsonl", [l for _, l in sorted(pa, key=lambda x: x[0])])

# ---- OpenMetrics scrape history (60 s)
pts = list(frange(W0, W1, 60))
fr = [(t, fresh(t)) for t in pts]
def bp(t):
    if t < BP:
        return rng.randint(0, 40)
    if t < SCALE:
        return min(1000, 300 + int((t - BP).total_seconds() / 3))
    if t < UP_RUNNING:
        return None
    return rng.randint(120, 300) if t < MITIGATED else rng.randint(0, 50)
fams = [("trip_enricher_watermark_lag_seconds", "gauge", "event-time lag of positions-live output",
         [({"job": "trip-enricher"}, [(t, round(v, 1)) for t, v in fr])]),
        ("flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_lag_max", "gauge", "max records lag across partitions of vehicle-pings",
         [({"job_name": "trip-enricher", "topic": "vehicle-pings"}, [(t, int(v * rate_in(t) / 96)) for t, v in fr])]),
        ("flink_taskmanager_job_task_numRecordsInPerSecond", "gauge", "records in per second, summed over source subtasks",
         [({"job_name": "trip-enricher", "task_name": "Source: vehicle-pings"}, [(t, round(rate_in(t), 1)) for t in pts])]),
        ("flink_taskmanager_job_task_backPressuredTimeMsPerSecond", "gauge", "max over source subtasks",
         [({"job_name": "trip-enricher", "task_name": "Source: vehicle-pings"}, [(t, v) for t, v in ((t, bp(t)) for t in pts) if v is not None])])]
inc.write("scrape-history.txt", openmetrics(fams))

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
k.ev(SCALE, "streaming", "FlinkDeployment", "trip-enricher", "SpecChanged", "UPGRADE change(s) detected (FlinkDeploymentSpec[job.parallelism=32,taskManager.replicas=8] differs from FlinkDeploymentSpec[job.parallelism=64,taskManager.replicas=16]), starting reconciliation.", component="flink-kubernetes-operator", action="Reconcile")
k.ev(add(SCALE, seconds=5), "streaming", "FlinkDeployment", "trip-enricher", "Suspended", "Suspending existing deployment (upgradeMode: last-state).", component="flink-kubernetes-operator", action="Reconcile")
k.ev(add(SCALE, seconds=44), "streaming", "FlinkDeployment", "trip-enricher", "Submit", "Starting deployment", component="flink-kubernetes-operator", action="Reconcile")
for i in range(16):
    k.ev(add(SCALE, seconds=58 + i), "streaming", "Pod", "trip-enricher-taskmanager-1-%d" % (i + 1), "Started", "Started container flink-main-container", host="gke-stream-pool-%s" % uid(str(i), 4))
k.ev(UP_RUNNING, "streaming", "FlinkDeployment", "trip-enricher", "JobStatusChanged", "Job status changed from RECONCILING to RUNNING", component="flink-kubernetes-operator", action="StatusChanged")
k.ev(OTHER_DEPLOY, "maps", "Deployment", "tile-server", "ScalingReplicaSet", "Scaled up replica set tile-server-84b6d9c7f to 2", component="deployment-controller", action="ScalingReplicaSet")
k.ev(add(OTHER_DEPLOY, seconds=64), "maps", "Deployment", "tile-server", "ScalingReplicaSet", "Scaled down replica set tile-server-7d5c8b4f9 to 0 from 2", component="deployment-controller", action="ScalingReplicaSet")
c = CRON[-1]
k.ev(add(c, seconds=-160), "lakehouse", "Job", "iceberg-expire-snapshots-29812485", "SuccessfulCreate", "Created pod: iceberg-expire-snapshots-29812485-7mzkd", component="job-controller", action="Create")
k.ev(c, "lakehouse", "Job", "iceberg-expire-snapshots-29812485", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller", action="Fail")
for t in poisson_times(rng, W0, W1, 1 / 800.0):
    k.ev(t, "lakehouse", "Pod", "trino-worker-%d" % rng.randint(0, 5), "Unhealthy", "Liveness probe failed: Get \"http://10.40.%d.%d:8080/v1/info\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % (rng.randint(0, 9), rng.randint(2, 250)), type_="Warning", host="gke-lake-pool-%s" % hexid(rng, 4))
inc.json("events-streaming.json", k.v1_list())

# ---- Alertmanager API snapshot (GET /api/v2/alerts at 04:05 UTC)
SNAP = T(D + "04:05:00")
al = [
    amtool_alert("FlinkCheckpointDurationHigh", {"job_name": "trip-enricher", "severity": "warning", "team": "data-platform"},
                 "trip-enricher checkpoints take longer than 3 minutes", ALERT_W, SNAP, ("slack-data-platform",),
                 desc="last completed checkpoint took 3m42s; checkpoint timeout is 10m"),
    amtool_alert("TripFreshnessSLOBurn", {"service": "position-api", "slo": "freshness", "severity": "page", "team": "data-platform"},
                 "live positions older than 60s for more than 5% of requests (1h burn 14.2x)", ALERT, SNAP, ("pagerduty-data-platform", "slack-data-platform")),
    amtool_alert("KubeJobFailed", {"namespace": "lakehouse", "job_name": "iceberg-expire-snapshots-29812485", "severity": "warning", "team": "lakehouse"},
                 "Job lakehouse/iceberg-expire-snapshots-29812485 failed to complete", add(c, seconds=75), SNAP, ("slack-lakehouse",)),
    amtool_alert("AirflowSchedulerHeartbeatLate", {"instance": "airflow-scheduler-0", "severity": "warning", "team": "data-eng"},
                 "Airflow scheduler heartbeat older than 30s", T(D + "04:01:40"), SNAP, ("slack-data-eng",)),
    amtool_alert("KafkaBrokerDiskUsageHigh", {"instance": "kafka-3:9308", "severity": "warning", "team": "streaming-infra"},
                 "kafka-3 data volume above 80%", T("2026-09-13 22:14:30"), SNAP, ("slack-streaming-infra",), state="suppressed", silenced_by=(uuid("silence-kafka3"),)),
]
inc.json("am-alerts-0405.json", al)

# ---- PagerDuty log entries
pd = PD(5521, "TripFreshnessSLOBurn live positions older than 60s", "data-platform", "PDATA01", "Data platform on-call")
arj = PD.user("Arjun Mehta", "PARJUN1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod-in"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Arjun Mehta by push notification.", user=arj)
pd.add(ACK, "acknowledge_log_entry", arj, {"type": "mobile"}, "Acknowledged by Arjun Mehta.")
pd.add(add(ALERT_OK, seconds=4), "annotate_log_entry", None, {"type": "api", "summary": "Alertmanager sent resolve; incident stays open (auto-resolve off)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", arj, {"type": "web_ui"}, "Resolved by Arjun Mehta.")
inc.json("incident-5521-log.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U5ARJ", "arjun", "Arjun Mehta"), ("U5DIV", "divya", "Divya Nair"), ("U5ROH", "rohan", "Rohan Kulkarni"),
                ("U5SNE", "sneha", "Sneha Iyer"), ("U5FAR", "farhan", "Farhan Sheikh")]:
    s.user(u, n, r, TZ)
for cid, n, p in [("C5ALR", "data-platform-alerts", ""), ("C5INC", "inc-5521-positions", "positions freshness incident"), ("C5GEN", "announcements", "company news")]:
    s.channel(cid, n, p)
s.say("announcements", ONBOARD, "U5FAR", "Orbit Logistics is live! ~30k vehicles streaming pings from today. Huge thanks to the onboarding team")
for cr in CRON:
    s.bot("data-platform-alerts", add(cr, seconds=76), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "KubeJobFailed", "Job lakehouse/iceberg-expire-snapshots failed to complete\nteam: lakehouse", color="warning"))
for a, b in [("02:51:40", "02:58:10"), ("03:37:10", "03:41:40"), ("04:01:40", "04:09:10"), ("04:55:40", "05:02:10")]:
    s.bot("data-platform-alerts", add(T(D + a), seconds=20), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "AirflowSchedulerHeartbeatLate", "Airflow scheduler heartbeat older than 30s\nteam: data-eng", color="warning"))
    s.bot("data-platform-alerts", add(T(D + b), seconds=20), "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "AirflowSchedulerHeartbeatLate", "Airflow scheduler heartbeat\nteam: data-eng"))
s.bot("data-platform-alerts", add(ALERT_W, seconds=21), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "FlinkCheckpointDurationHigh", "trip-enricher checkpoints take longer than 3 minutes", color="warning"))
s.bot("data-platform-alerts", add(ALERT, seconds=21), "B5AM", "alertmanager", attachments=am_slack_attachment("firing", "TripFreshnessSLOBurn", "live positions older than 60s for more than 5% of requests (1h burn 14.2x)"))
s.bot("data-platform-alerts", add(ALERT_W_OK, seconds=21), "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "FlinkCheckpointDurationHigh", "trip-enricher checkpoints"))
s.bot("data-platform-alerts", ALERT_OK, "B5AM", "alertmanager", attachments=am_slack_attachment("resolved", "TripFreshnessSLOBurn", "live positions freshness"))
ch = "inc-5521-positions"
s.say(ch, add(ACK, seconds=45), "U5ARJ", "acked. live map positions are ~9 min behind for all tenants. trip-enricher is running but checkpoints are expiring")
s.say(ch, WRONG1, "U5ROH", "kafka-3 had a disk usage alert last night, maybe the broker is slow and the source can't fetch?")
s.say(ch, add(WRONG1, seconds=70), "U5DIV", "fetch latency from kafka-3 looks normal, and the source is backpressured, not idle")
s.say(ch, ROLLBACK_Q, "U5SNE", "should we roll back trip-enricher to last week's jar?")
s.say(ch, add(ROLLBACK_Q, seconds=30), "U5ARJ", "the jar hasn't changed since 2 Sep")
s.say(ch, WRONG2, "U5SNE", "maps deployed tile-server at 09:05, could geo-snap be slower because of it?")
s.say(ch, DIAG, "U5DIV", "it's volume, not code: vehicle-pings is at ~61k/s vs ~38k last Monday since Orbit Logistics went live on Friday. every source subtask is 100% backpressured behind geo-snap and 32 slots can't keep up, so checkpoints can't align. we need to scale out")
s.say(ch, add(DIAG, seconds=50), "U5ARJ", "agreed. going to 64 parallelism / 16 TMs with last-state upgrade, it will replay from the last good checkpoint")
s.say(ch, COMMS, "U5FAR", "customer notice sent + status page: 'Live vehicle positions are delayed by several minutes. Trip history is not affected.'")
s.say(ch, add(SCALE, seconds=-15), "U5ARJ", "applying the FlinkDeployment change now")
s.say(ch, add(UP_RUNNING, seconds=40), "U5ARJ", "job RUNNING at 64, lag draining, backpressure down to ~25%")
s.say(ch, add(MITIGATED, seconds=60), "U5DIV", "watermark lag back under 60s, live map is current again")
s.say(ch, add(RESOLVED, seconds=-45), "U5ARJ", "stable for 25 min, resolving. follow-up: capacity review before onboarding big tenants, autoscaler for trip-enricher")
s.write(inc, "slack")

inc.truth(
    "telemetry-flink-backpressure", "stream-job-capacity-exhausted-by-growth",
    "A new fleet tenant lifted the Monday-morning ping rate past trip-enricher's capacity; back pressure built, live\n"
    "positions went stale and checkpoints expired until the Flink job was scaled out from 32 to 64 (JM log in IST without offsets).",
    (W0, W1),
    dict(started=STARTED, detected=ALERT_W, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "position-api: live positions stale (watermark lag above the 60s SLO)", "position-api.jsonl", 60),
     (ALERT_W, "alert_fired", "FlinkCheckpointDurationHigh firing (warning)", "am-alerts-0405.json", 60),
     (ALERT, "alert_fired", "TripFreshnessSLOBurn firing (page)", "am-alerts-0405.json", 60),
     (PAGE, "paged", "PagerDuty #5521 triggered", "incident-5521-log.json", 60),
     (ACK, "acknowledged", "Arjun Mehta acknowledges", "incident-5521-log.json", 60),
     (DIAG, "diagnosis", "Divya: volume since Orbit Logistics went live, 32 slots backpressured, scale out", "slack", 90),
     (COMMS, "communication", "customer notice / status page: live positions delayed", "slack", 90),
     (SCALE, "mitigation", "FlinkDeployment parallelism 32->64, 16 TaskManagers (last-state upgrade)", "events-streaming.json", 60),
     (UP_RUNNING, "mitigation", "trip-enricher RUNNING again at parallelism 64", "trip-enricher-jm.log", 60),
     (MITIGATED, "recovery", "live positions fresh again (lag under 60s)", "position-api.jsonl", 60),
     (ALERT_OK, "alert_resolved", "TripFreshnessSLOBurn resolved", "slack", 60),
     (RESOLVED, "resolved", "PagerDuty #5521 resolved by Arjun", "incident-5521-log.json", 60)],
    [(CRON[-1], "iceberg-expire-snapshots job fails every morning at 02:45 UTC", "events-streaming.json"),
     (OTHER_DEPLOY, "tile-server deploy by the maps team", "events-streaming.json"),
     (T(D + "04:01:40"), "AirflowSchedulerHeartbeatLate of data-eng, flapping", "am-alerts-0405.json"),
     (T("2026-09-13 22:14:30"), "KafkaBrokerDiskUsageHigh on kafka-3, silenced", "am-alerts-0405.json"),
     (WRONG1, "wrong hunch: kafka-3 disk", "slack"),
     (ROLLBACK_Q, "'should we roll back trip-enricher?' question", "slack"),
     (WRONG2, "wrong hunch: tile-server deploy", "slack"),
     (T(D + "04:00:00"), "steady tile cache timeouts, expired-token 401s and JarListHandler warnings all window", "position-api.jsonl")],
    [("trip-enricher-jm.log", "logs", TZ), ("position-api.jsonl", "logs"), ("scrape-history.txt", "openmetrics"),
     ("events-streaming.json", "kube-events"), ("am-alerts-0405.json", "alertmanager-api-alerts"),
     ("incident-5521-log.json", "pagerduty-log-entries"), ("slack", "slack-export")])
