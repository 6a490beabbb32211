"""retired9/whiteboard-wss-maxconn: back-to-school growth in open boards (one WebSocket each) fills the edge
HAProxy tier's frontend maxconn node by node; connects queue and time out slowly more until the ASG is scaled out."""
import math
import random
from common import *

rng = random.Random(20260908)
inc = Incident("retired9", "whiteboard-wss-maxconn")
TZ = "America/New_York"
D = "2026-09-08 "
W0, W1 = T(D + "12:30:00"), T(D + "15:30:00")
EV0, EV1 = T(D + "11:45:00"), T(D + "15:30:00")
STARTED = T(D + "13:20:30")          # first sample with edge-lb-1 fe_https at its limit (series)
WARN = T(D + "13:30:04")             # WssProbeSlow startsAt
WARN_POST = T(D + "13:30:05")
PAGE_AT = T(D + "13:47:34")          # EdgeWssAvailabilityLow startsAt
PAGE = T(D + "13:47:36")
ACK = T(D + "13:50:12")
ROLLBACK_Q = T(D + "13:55:30")
STATUS = T(D + "13:57:30")
DIAG = T(D + "14:01:30")
SCALE_REQ = T(D + "14:06:10")        # ASG desired 4 -> 8
SCALE = T(D + "14:10:10")            # new targets healthy in the NLB
PAGE_OK = T(D + "14:15:34")
WARN_OK = T(D + "14:22:34")
MITIGATED = T(D + "14:24:30")        # first sample with every node under its limit, p95 back to baseline
RESOLVED = T(D + "14:48:20")
OTHER_DEPLOY = T(D + "13:40:12")     # assessments-api rollout (other team)
NIGHT_DEPLOY = T(D + "02:14:08")     # collab-sync 3.9.0, the night before the incident
CRON = [T("2026-09-%02d 13:00:00" % d) for d in (5, 6, 7, 8)]

# ---------------------------------------------------------------- capacity model
P = [(T(D + "11:30:00"), 18000), (T(D + "12:00:00"), 24000), (T(D + "13:00:00"), 62000), (T(D + "14:00:00"), 104000),
     (T(D + "15:30:00"), 108000)]
def total(t):
    for (a, va), (b, vb) in zip(P, P[1:]):
        if a <= t <= b:
            return va + (vb - va) * (epoch(t) - epoch(a)) / (epoch(b) - epoch(a))
    return P[-1][1]
SH = [0.262, 0.254, 0.246, 0.238]
TAU = 18 * 60
LIM = 20000
def desired(i, t):
    d = total(t) * SH[i]
    if t < SCALE:
        return d
    return d / 2 + d / 2 * math.exp(-(epoch(t) - epoch(SCALE)) / TAU)
def sess(i, t):
    return min(LIM, desired(i, t))
def excess(i, t):
    return max(0.0, desired(i, t) - LIM)
def new_sess(t):
    if t < SCALE:
        return None
    return total(t) / 8 * (1 - math.exp(-(epoch(t) - epoch(SCALE)) / TAU))
def noise(t, k, amp):
    return amp * ((int(epoch(t)) * 7919 + k * 104729) % 1000 / 1000.0 - 0.5)
def p95(t):
    m = max(excess(i, t) for i in range(4))
    if m <= 0:
        return 0.25 + noise(t, 1, 0.06)
    return 0.25 + min(4.75, m / 450.0) + noise(t, 2, 0.04)
def fail_share(t):
    f = 0.0
    for i in range(4):
        e = excess(i, t)
        if e > 0:
            f += SH[i] * math.exp(-5.0 / (e / 450.0 / 3.0))
    return f
def success(t):
    return round((1 - fail_share(t)) * 24) / 24.0

# ---------------------------------------------------------------- HAProxy via rsyslog (local time, no offset), log sample 1:200
NODES = ["edge-lb-1", "edge-lb-2", "edge-lb-3", "edge-lb-4", "edge-lb-5", "edge-lb-6", "edge-lb-7", "edge-lb-8"]
PIDS = [2211, 2230, 2207, 2219, 1871, 1869, 1874, 1880]
hl = []
def ip4():
    return "%d.%d.%d.%d" % (rng.choice([24, 47, 67, 68, 71, 73, 96, 98, 107, 174]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
def acc(t, i, line):
    hl.append((t, syslog(t, TZ, NODES[i], "haproxy[%d]" % PIDS[i], line)))
def hts(t):
    lt = local(t, TZ)
    return "[%02d/%s/%d:%s.%03d]" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)
for i in range(4):
    for t in poisson_times(rng, EV0, EV1, 0.022):
        fe = int(sess(i, t))
        act = fe + rng.randint(3, 40)
        if rng.random() < 0.55:
            p = rng.choice(["GET /api/v2/boards/%s HTTP/1.1", "POST /api/v2/boards/%s/snapshots HTTP/1.1", "GET /api/v2/me HTTP/1.1",
                            "GET /api/v2/classes/%s/roster HTTP/1.1"])
            if "%s" in p:
                p = p % hexid(rng, 12)
            st = 200 if rng.random() > 0.01 else 404
            tr = rng.randint(4, 90)
            acc(t, i, "%s:%d %s fe_https~ be_api/api-%d 0/0/1/%d/%d %d %d - - ---- %d/%d/%d/%d/0 0/0 \"%s\"" % (
                ip4(), rng.randint(1024, 65535), hts(t), rng.randint(1, 9), tr, tr + 1, st, rng.randint(300, 30000), act, fe,
                rng.randint(80, 400), rng.randint(5, 60), p))
        else:
            tt = rng.randint(60000, 3000000)
            acc(t, i, "%s:%d %s fe_https~ be_sync/sync-%d 0/0/1/2/%d 101 %d - - ---- %d/%d/%d/%d/0 0/0 \"GET /v2/socket?board=%s HTTP/1.1\"" % (
                ip4(), rng.randint(1024, 65535), hts(t), rng.randint(1, 12), tt, rng.randint(2000, 900000), act, fe,
                int(fe * 0.92), int(fe * 0.92 / 12), hexid(rng, 12)))
    for t in poisson_times(rng, EV0, EV1, 1 / 100.0):     # steady: scanners and broken clients
        acc(t, i, "%s:%d %s fe_https/1: SSL handshake failure" % (ip4(), rng.randint(1024, 65535), hts(t)))
    for t in poisson_times(rng, T(D + "13:20:00"), T(D + "14:30:00"), 0.4):   # clients that gave up in the accept backlog
        e = excess(i, t)
        if e <= 0 or rng.random() > min(1.0, (e / 450.0) / 10.0):
            continue
        acc(t, i, "%s:%d %s fe_https/1: SSL handshake failure" % (ip4(), rng.randint(1024, 65535), hts(t)))
for i in range(4, 8):
    for t in poisson_times(rng, add(SCALE, seconds=-20), EV1, 0.04):
        fe = int(new_sess(t) or 0) + rng.randint(1, 30)
        acc(t, i, "%s:%d %s fe_https~ be_api/api-%d 0/0/1/%d/%d 200 %d - - ---- %d/%d/%d/%d/0 0/0 \"GET /api/v2/me HTTP/1.1\"" % (
            ip4(), rng.randint(1024, 65535), hts(t), rng.randint(1, 9), 9, 10, rng.randint(300, 3000), fe + 5, fe, rng.randint(20, 200), rng.randint(2, 30)))
for i in range(4, 8):
    st = add(T(D + "14:08:41"), seconds=7 * (i - 4))
    hl.append((st, syslog(st, TZ, NODES[i], "haproxy[%d]" % PIDS[i], "Proxy fe_https started.")))
    hl.append((add(st, seconds=0.01), syslog(add(st, seconds=0.01), TZ, NODES[i], "haproxy[%d]" % PIDS[i], "Proxy be_sync started.")))
hl.sort(key=lambda x: x[0])
inc.lines("edge-lb-use1.log", [l for _, l in hl])

# ---------------------------------------------------------------- OpenMetrics: haproxy exporter + blackbox recording rules
S0 = T(D + "12:00:00")
fams = []
ser = []
for i in range(4):
    ser.append(({"instance": "%s:8405" % NODES[i], "proxy": "fe_https"}, [(t, int(sess(i, t) - (rng.randint(0, 40) if sess(i, t) < LIM else 0)))
                                                                        for t in frange(S0, EV1, 30)]))
for i in range(4, 8):
    ser.append(({"instance": "%s:8405" % NODES[i], "proxy": "fe_https"}, [(t, int(new_sess(t))) for t in frange(add(SCALE, seconds=20), EV1, 30)]))
fams.append(("haproxy_frontend_current_sessions", "gauge", "Number of current sessions on the frontend.", ser))
fams.append(("haproxy_frontend_limit_sessions", "gauge", "Frontend maxconn (configured limit of concurrent sessions).",
             [({"instance": "%s:8405" % NODES[i], "proxy": "fe_https"}, [(t, LIM) for t in frange(S0, EV1, 300)]) for i in range(4)]))
fams.append(("probe:wss_connect_duration_seconds:p95", "gauge", "p95 of connect+TLS+upgrade time of the wss probes (all locations).",
             [({"target": "wss://sync.slatebox.com/v2/socket"}, [(t, round(p95(t), 3)) for t in frange(S0, EV1, 30)])]))
fams.append(("probe:wss_success:ratio", "gauge", "Share of wss probes that upgraded within 5s (3 locations x 8 probes per 30s).",
             [({"target": "wss://sync.slatebox.com/v2/socket"}, [(t, round(success(t), 4)) for t in frange(S0, EV1, 30)])]))
inc.write("scrape-edge-0908.txt", openmetrics(fams))

# ---------------------------------------------------------------- collab-sync (pino JSON lines, epoch ms)
cl = []
def C(t, level, msg, **kw):
    cl.append((t, jline({"level": level, "time": int(epoch(t) * 1000), "pid": 1, "hostname": "collab-sync-6f7b9d8c4-hx2lp", **kw, "msg": msg})))
def served(t):
    return sum(sess(i, t) for i in range(4)) + 4 * (new_sess(t) or 0)
for t in frange(EV0, EV1, 60):
    tot = total(t)
    base_joins = (tot * 0.045 + max(0, (total(add(t, minutes=1)) - tot))) / 12.0
    joins = int(base_joins * (1 - fail_share(t)) * (1 - 0.03 * min(4.75, max(excess(i, t) for i in range(4)) / 450.0) / 4.75))
    C(t, 30, "room stats", active_sockets=int(served(t) / 12 * (1 + noise(t, 3, 0.04))), joins_1m=joins, leaves_1m=int(tot * 0.045 / 12),
      rooms=int(tot / 12 / 3.1))
for t in poisson_times(rng, EV0, EV1, 1 / 25.0):
    C(t, 40, "socket closed abnormally", code=1006, board="b_%s" % hexid(rng, 10), uptime_s=rng.randint(5, 4000))
for t in poisson_times(rng, EV0, EV1, 1 / 700.0):
    C(t, 40, "snapshot save retry", err="SlowDown: Please reduce your request rate.", attempt=rng.randint(1, 3), bucket="slatebox-board-snapshots")
cl.sort(key=lambda x: x[0])
inc.lines("collab-sync-hx2lp.jsonl", [l for _, l in cl])

# ---------------------------------------------------------------- EC2 Auto Scaling activities
ASG = "edge-haproxy-use1"
ARN = "arn:aws:autoscaling:us-east-1:733918204455:autoScalingGroup:4be0a7c2-8d51-4f0e-9a6b-1c0d9e33f2a7:autoScalingGroupName/" + ASG
acts = []
def act(t, end, desc, cause, az, iid):
    acts.append({"ActivityId": uuid("act" + desc + iso(t)), "AutoScalingGroupName": ASG, "Description": desc, "Cause": cause,
                 "StartTime": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % (rng.randint(0, 999) * 1000),
                 "EndTime": end.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % (rng.randint(0, 999) * 1000),
                 "StatusCode": "Successful", "Progress": 100,
                 "Details": jline({"Subnet ID": "subnet-0%s" % uid(az, 16), "Availability Zone": az}).replace(",", ", ").replace(":", ": "),
                 "AutoScalingGroupARN": ARN})
AZS = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"]
t0 = T("2026-09-06 04:12:55")
act(t0, add(t0, seconds=33), "Terminating EC2 instance: i-0c41f9a2be83d7716",
    "At 2026-09-06T04:12:51Z an instance was taken out of service in response to an ELB system health check failure.", "us-east-1c", "")
t1 = add(t0, seconds=36)
act(t1, add(t1, seconds=95), "Launching a new EC2 instance: i-09e2d5c71a0fb4c83",
    "At 2026-09-06T04:13:28Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 3 to 4.",
    "us-east-1c", "")
for k in range(4):
    st = add(SCALE_REQ, seconds=3 + k)
    act(st, add(st, seconds=97 + 6 * k), "Launching a new EC2 instance: i-0%s" % uid("new%d" % k, 16),
        "At %s a user request update of AutoScalingGroup constraints to min: 4, max: 12, desired: 8 changing the desired capacity from 4 to 8.  "
        "At %s an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 4 to 8."
        % (iso(SCALE_REQ), iso(add(SCALE_REQ, seconds=3))), AZS[k], "")
acts.sort(key=lambda a: a["StartTime"], reverse=True)
inc.json("asg-edge-haproxy-use1.json", {"Activities": acts})

# ---------------------------------------------------------------- kube events (apps cluster)
k = Kube(rng)
for c in CRON[-1:]:
    job = "roster-sync-clever-%d" % int(epoch(c) // 60)
    k.ev(c, "integrations", "CronJob", "roster-sync-clever", "SuccessfulCreate", "Created job " + job, component="cronjob-controller")
    k.ev(add(c, seconds=1), "integrations", "Job", job, "SuccessfulCreate", "Created pod: %s-%s" % (job, hexid(rng, 5)), component="job-controller")
    k.ev(add(c, seconds=161), "integrations", "Job", job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", "Warning",
         component="job-controller")
    k.ev(add(c, seconds=163), "integrations", "CronJob", "roster-sync-clever", "SawCompletedJob", "Saw completed job: %s, status: Failed" % job,
         component="cronjob-controller")
k.ev(OTHER_DEPLOY, "assessments", "Deployment", "assessments-api", "ScalingReplicaSet", "Scaled up replica set assessments-api-7c9d8f6b5 to 2",
     component="deployment-controller")
for j in range(3):
    pod = "assessments-api-7c9d8f6b5-%s" % hexid(rng, 5)
    k.pod_start(add(OTHER_DEPLOY, seconds=2 + 40 * j), "assessments", pod, "ip-10-20-%d-%d.ec2.internal" % (rng.randint(1, 60), rng.randint(2, 250)),
                "733918204455.dkr.ecr.us-east-1.amazonaws.com/assessments-api:4.7.0", "assessments-api")
    k.ev(add(OTHER_DEPLOY, seconds=38 + 40 * j), "assessments", "Deployment", "assessments-api", "ScalingReplicaSet",
         "Scaled down replica set assessments-api-5b6f4d9c7 to %d" % (2 - j), component="deployment-controller")
for t in poisson_times(rng, W0, W1, 1 / 1500.0):
    pod = "collab-sync-6f7b9d8c4-%s" % rng.choice(["hx2lp", "q8m4d", "zt7wn", "c2kfv"])
    k.ev(t, "collab", "Pod", pod, "Unhealthy", "Readiness probe failed: Get \"http://10.20.%d.%d:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
         % (rng.randint(1, 60), rng.randint(2, 250)), "Warning", host="ip-10-20-%d-%d.ec2.internal" % (rng.randint(1, 60), rng.randint(2, 250)))
inc.json("apps-use1-0908.json", k.core_list())

# ---------------------------------------------------------------- alert rules
inc.write("edge-wss.yaml", """groups:
  - name: edge.wss
    rules:
      - record: probe:wss_success:ratio
        expr: avg(avg_over_time(probe_success{job="blackbox-wss"}[30s]))
      - record: probe:wss_connect_duration_seconds:p95
        expr: histogram_quantile(0.95, sum by (le) (rate(probe_wss_connect_duration_seconds_bucket[30s])))
      - alert: WssProbeSlow
        expr: probe:wss_connect_duration_seconds:p95 > 2
        for: 5m
        labels:
          severity: warning
          team: edge
        annotations:
          summary: "wss connect p95 is {{ $value | humanizeDuration }}"
      - alert: EdgeWssAvailabilityLow
        expr: probe:wss_success:ratio < 0.9
        for: 5m
        labels:
          severity: page
          team: edge
        annotations:
          summary: "only {{ $value | humanizePercentage }} of wss probes connect within 5s"
          runbook_url: https://runbooks.slatebox.internal/edge/wss-availability
  - name: integrations
    rules:
      - alert: KubeJobFailed
        expr: kube_job_failed{namespace="integrations"} > 0
        labels:
          severity: warning
          team: integrations
        annotations:
          summary: "Job {{ $labels.namespace }}/{{ $labels.job_name }} failed to complete"
  - name: media
    rules:
      - alert: ThumbnailQueueBacklog
        expr: sum(sqs_approximate_number_of_messages_visible{queue="thumbnails"}) > 5000
        for: 2m
        labels:
          severity: warning
          team: media
        annotations:
          summary: thumbnail queue above 5k
""")

# ---------------------------------------------------------------- PagerDuty log entries
pd = PD(1184, "EdgeWssAvailabilityLow: only 83% of wss probes connect within 5s", "edge", "PSBEDG1", esc_policy="Edge primary")
kofi = PD.user("Kofi Mensah", "PKOFIM1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PSBAM01", "summary": "Alertmanager"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Kofi Mensah by push notification.",
       user=kofi, notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, {"type": "auto"}, "Notified Kofi Mensah by phone.",
       user=kofi, notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", kofi, {"type": "phone"}, "Acknowledged by Kofi Mensah.")
pd.add(RESOLVED, "resolve_log_entry", kofi, {"type": "web_ui"}, "Resolved by Kofi Mensah.")
oth = PD(1183, "ThumbnailQueueBacklog: thumbnail queue above 5k", "media-pipeline", "PSBMED2")
lin = PD.user("Lin Zhou", "PLINZH1")
oth.add(T(D + "12:58:40"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
oth.add(T(D + "12:58:41"), "notify_log_entry", None, None, "Notified Lin Zhou by email.", user=lin)
oth.add(T(D + "13:04:12"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
oth.add(T(D + "14:33:10"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
oth.add(T(D + "14:39:55"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + oth.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("incident-1184.json", ex)

# ---------------------------------------------------------------- Slack export
s = Slack()
for u, n, r, tz in [("U3KOFI", "kofi", "Kofi Mensah", "America/New_York"), ("U3MAYA", "maya.p", "Maya Patel", "America/Chicago"),
                    ("U3JORDAN", "jordan", "Jordan Blake", "America/New_York"), ("U3RACHEL", "rachel.s", "Rachel Stein", "America/New_York"),
                    ("U3DEV", "dev.r", "Dev Raman", "America/Los_Angeles"), ("U3LIN", "lin", "Lin Zhou", "America/Los_Angeles")]:
    s.user(u, n, r, tz)
for cid, n, p in [("C3INC", "inc-edge", "Edge incidents"), ("C3EA", "edge-alerts", "Alertmanager: edge"),
                  ("C3PA", "platform-alerts", "Alertmanager: platform and integrations"), ("C3DEP", "deploys", "Argo CD notifications"),
                  ("C3ST", "status", "Statuspage mirror"), ("C3MED", "media-team", "")]:
    s.channel(cid, n, p)
A = lambda ch, t, st, name, text, color=None: s.bot(ch, t, "B3AM", "alertmanager", attachments=am_slack_attachment(st, name, text, color))
A("edge-alerts", WARN_POST, "firing", "WssProbeSlow", "wss connect p95 is 4.1s\nseverity: warning", "warning")
A("edge-alerts", add(PAGE, seconds=1), "firing", "EdgeWssAvailabilityLow", "only 83% of wss probes connect within 5s\nseverity: page")
A("edge-alerts", add(PAGE_OK, seconds=1), "resolved", "EdgeWssAvailabilityLow", "wss probes connecting within 5s again")
A("edge-alerts", add(WARN_OK, seconds=1), "resolved", "WssProbeSlow", "wss connect p95 back under 2s")
for c in CRON:
    A("platform-alerts", add(c, seconds=192), "firing", "KubeJobFailed", "Job integrations/roster-sync-clever failed to complete (BackoffLimitExceeded)", "warning")
for st_, en_ in [(T(D + "12:58:10"), T(D + "13:03:40")), (T(D + "13:26:30"), T(D + "13:31:00")), (T(D + "14:32:40"), T(D + "14:39:30"))]:
    A("media-team", add(st_, seconds=30), "firing", "ThumbnailQueueBacklog", "thumbnail queue above 5k", "warning")
    A("media-team", add(en_, seconds=25), "resolved", "ThumbnailQueueBacklog", "thumbnail queue back under 5k")
def argo(t, app, rev, text):
    s.bot("deploys", t, "B3ARGO", "argocd-notifications",
          attachments=[{"color": "18be52", "title": app, "title_link": "https://argocd.slatebox.internal/applications/" + app,
                        "text": text, "fields": [{"title": "Sync Status", "value": "Synced", "short": True},
                                                 {"title": "Revision", "value": rev, "short": True}]}])
argo(NIGHT_DEPLOY, "collab-sync", "9c41e7a", "Application collab-sync has been successfully synced (3.9.0).")
argo(add(OTHER_DEPLOY, seconds=-4), "assessments-api", "e02b5d1", "Application assessments-api has been successfully synced (4.7.0).")
ch = "inc-edge"
s.say("edge-alerts", T(D + "13:33:20"), "U3MAYA", "WssProbeSlow again? the us-west probe box was flaky last week, probably that")
s.say(ch, T(D + "13:51:30"), "U3KOFI", "acked. wss connect p95 is ~5s and about a fifth of probes time out, from all three locations, so it's not the probe")
s.say(ch, T(D + "13:53:10"), "U3RACHEL", "support: teachers say boards sit on 'Connecting…', mostly east coast districts, started about 9:30 their time")
s.say(ch, T(D + "13:54:40"), "U3MAYA", "collab-sync 3.9 went out at 02:14 last night, maybe it stopped closing idle sockets?")
s.say(ch, ROLLBACK_Q, "U3JORDAN", "should we roll back collab-sync to 3.8.4?")
s.say(ch, T(D + "13:56:45"), "U3MAYA", "hmm, collab-sync pods look healthy, ~40% CPU, no errors. they're just getting fewer joins than they should")
s.say(ch, T(D + "13:58:20"), "U3DEV", "could the NLB be throttling new flows? anything on the AWS health dashboard?")
s.say(ch, add(T(D + "13:58:20"), seconds=50), "U3KOFI", "AWS health is clean for us-east-1")
s.say(ch, DIAG, "U3KOFI", "found it: all four edge LBs sit flat at 20000 current sessions on fe_https, that's the frontend maxconn, so new connections wait in the accept backlog until someone closes a tab. it's back-to-school, every open board is a websocket and we're ~35% above last September's peak")
s.say(ch, T(D + "14:03:10"), "U3JORDAN", "can we just raise maxconn?")
s.say(ch, T(D + "14:04:05"), "U3KOFI", "not on these c6gn.large, 20k TLS websockets is about their memory. scaling the edge ASG from 4 to 8 is quicker and safe")
s.say(ch, add(SCALE_REQ, seconds=25), "U3KOFI", "edge-haproxy-use1 desired 4 -> 8 requested")
s.say(ch, T(D + "14:10:40"), "U3KOFI", "8 nodes in service and healthy in the NLB, new flows going to lb-5..8 as well. the old four stay full until people close tabs, should ease off over the next 10-15 min")
s.say(ch, T(D + "14:25:20"), "U3KOFI", "all four old nodes back under 20000 since ~14:24, p95 connect 0.3s, probes all green")
s.say(ch, T(D + "14:27:50"), "U3RACHEL", "no new 'Connecting…' tickets since 10:20 ET")
s.say(ch, add(RESOLVED, seconds=-45), "U3KOFI", "resolving. follow-ups: alert at 80% of maxconn, target tracking on sessions for the edge ASG, capacity plan before the west coast peak")
s.bot("status", STATUS, "B3SP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Investigating - Boards slow to load or stuck connecting",
      "fallback": "Investigating - Boards slow to load", "text": "Some users see boards stuck on 'Connecting…'. We are investigating.", "mrkdwn_in": ["text"]}])
s.bot("status", T(D + "14:27:00"), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Monitoring - Boards slow to load or stuck connecting",
      "fallback": "Monitoring", "text": "We added capacity and boards are connecting normally again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=1), "B3SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Resolved - Boards slow to load or stuck connecting",
      "fallback": "Resolved", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.say("media-team", T(D + "13:27:30"), "U3LIN", "thumbnail backlog flapping again, it's the 9:30 upload burst, ignore")
s.write(inc, "slack")

inc.truth(
    "whiteboard-wss-maxconn", "lb-frontend-maxconn-websocket-growth",
    "Back-to-school growth in open boards (one WebSocket each) filled the edge HAProxy tier's fe_https maxconn of 20000 node by node;\n"
    "new connections waited in the accept backlog and connect times and timeouts grew slowly until the edge ASG was scaled from 4 to 8 and the old nodes drained.",
    (W0, W1),
    dict(started=STARTED, detected=WARN_POST, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "edge-lb-1 fe_https reaches its 20000-session limit; wss connect p95 starts rising", "scrape-edge-0908.txt", 60),
     (WARN_POST, "alert_fired", "WssProbeSlow (warning) fires", "slack", 60),
     (PAGE, "paged", "PagerDuty #1184 EdgeWssAvailabilityLow triggered, Kofi notified", "incident-1184.json", 60),
     (ACK, "acknowledged", "Kofi acknowledges", "incident-1184.json", 60),
     (STATUS, "communication", "Statuspage: boards slow to load or stuck connecting", "slack", 60),
     (DIAG, "diagnosis", "all four edge LBs flat at fe_https maxconn 20000; back-to-school websocket growth", "slack", 60),
     (SCALE_REQ, "mitigation", "edge-haproxy-use1 ASG desired capacity 4 -> 8", "asg-edge-haproxy-use1.json", 60),
     (PAGE_OK, "alert_resolved", "EdgeWssAvailabilityLow resolved", "slack", 60),
     (MITIGATED, "recovery", "last old node back under its limit; wss connect p95 at baseline, probes all succeed", "scrape-edge-0908.txt", 60),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "incident-1184.json", 60)],
    [(add(CRON[-1], seconds=161), "daily roster-sync-clever CronJob failure (every day 13:00 UTC)", "apps-use1-0908.json"),
     (OTHER_DEPLOY, "assessments team rolls out assessments-api 4.7.0", "apps-use1-0908.json"),
     (NIGHT_DEPLOY, "collab-sync 3.9.0 synced the night before (not the cause)", "slack"),
     (T(D + "12:58:40"), "media team's ThumbnailQueueBacklog flapping / paging", "incident-1184.json"),
     (T(D + "13:33:20"), "wrong hunch: flaky us-west probe", "slack"),
     (T(D + "13:54:40"), "wrong hunch: collab-sync 3.9 not closing idle sockets", "slack"),
     (ROLLBACK_Q, "'should we roll back collab-sync?' question, not done", "slack"),
     (T(D + "13:58:20"), "wrong hunch: NLB throttling / AWS problem", "slack"),
     (T(D + "13:00:00"), "steady SSL handshake failures from scanners and 1006 socket closes all window", "edge-lb-use1.log"),
     (T(D + "13:00:00"), "steady collab-sync readiness probe timeouts", "apps-use1-0908.json"),
     (T("2026-09-06 04:12:55"), "ASG health-check replacement two days before", "asg-edge-haproxy-use1.json")],
    [("edge-lb-use1.log", "logs", TZ), ("scrape-edge-0908.txt", "openmetrics"), ("collab-sync-hx2lp.jsonl", "logs"),
     ("asg-edge-haproxy-use1.json", "deploys"), ("apps-use1-0908.json", "kube-events"), ("edge-wss.yaml", "alert-rules"),
     ("incident-1184.json", "pagerduty-log-entries"), ("slack", "slack-export")])
