"""retired12/thermly-mqtt-keepalive: a firmware OTA phase ships a keepalive longer than the load balancer's idle timeout.

Thermly's th2 thermostats talk to an EMQX cluster through an AWS NLB (TCP idle timeout 350 s).  Firmware 4.8.0
raised the device MQTT keepalive from 60 s to 1200 s to save battery.  The production Mender deployment's first
phase (50% of the fleet) starts at 13:00 UTC on 2026-03-11; devices poll, install and reconnect over the next
40 minutes.  After ~6 minutes of silence the NLB forgets a device's flow, so the next command the broker
publishes to it is answered with a RST (EMQX socket_error econnreset) and the device is deaf until its next
PINGREQ up to 20 minutes later.  App commands ("set temperature") to 4.8.0 devices time out: command-api's
failure ratio climbs slowly from its 1.2% baseline (genuinely offline devices) to ~35%.

A warning alert fires at 13:34, the critical one pages at 13:52; the primary is on a train, the page escalates
by timeout and the secondary acknowledges 16 minutes after the page.  A wrong hunch blames the broker node
that was restarted for kernel patching at 12:41 (before any symptom, healthy since).  Aborting the Mender
deployment stops further devices updating but helps nobody already on 4.8.0.  The diagnosis ties 4.8.0's
keepalive to the NLB idle timeout; EMQX's server_keepalive=240 is applied as hot config at 14:39:50 (only new
connections get it, failures fade slowly) and kicking all 4.8.0 sessions at 14:47 makes them reconnect at
once: impact ends 14:49:30.  Resolved an hour later.  Noise: the hub team's own OTA rollout at 13:40, a
billing replica-lag alert flapping, a warranty-export CronJob that fails every day at 13:15, steady
bad-password connects from decommissioned devices and steady keepalive timeouts.
"""
import random
from common import *

rng = random.Random(20260311)
inc = Incident("retired12", "thermly-mqtt-keepalive")
D = "2026-03-11 "
W0, W1 = T(D + "12:30:00"), T(D + "16:30:00")
PATCH = T(D + "12:41:05")
PHASE = T(D + "13:00:00")
STARTED = T(D + "13:11:38")
WARN = T(D + "13:34:10")
OTHER_OTA = T(D + "13:40:12")
CRIT = T(D + "13:52:40")
PAGE = T(D + "13:52:41")
ESC = T(D + "14:07:41")
ACK = T(D + "14:09:05")
WRONG = T(D + "14:12:20")
COMMS = T(D + "14:14:30")
ROLLBACK_Q = T(D + "14:15:40")
ABORT = T(D + "14:18:30")
DIAG = T(D + "14:24:05")
COMMIT = T(D + "14:36:12")
CFG = T(D + "14:39:50")
KICK = T(D + "14:47:10")
MITIGATED = T(D + "14:49:30")
CRIT_OK = T(D + "14:53:40")
WARN_OK = T(D + "14:58:10")
RESOLVED = T(D + "16:05:00")
CRON = [T("2026-03-%02d 13:15:%02d" % (d, 4 + 3 * d)) for d in (9, 10, 11)]


def installed(t):
    """Fraction of the th2 fleet running 4.8.0 (devices poll, download at the CDN budget, install; frozen by the abort)."""
    t = min(t, ABORT)
    if t < add(PHASE, minutes=5):
        return 0.0
    return 0.5 * min(1.0, (t - add(PHASE, minutes=5)).total_seconds() / (90 * 60.0))


def share(t):
    """Fraction of the fleet on 4.8.0 and silent long enough for the NLB to have dropped its flow."""
    return installed(add(t, minutes=-6))


def deaf(t):
    """Share of 4.8.0 devices unreachable."""
    if t < CFG:
        return 0.7
    if t < KICK:
        return 0.7 * max(0.0, 1 - (t - CFG).total_seconds() / 1200.0)
    if t < MITIGATED:
        return 0.7 * max(0.0, 1 - (t - CFG).total_seconds() / 1200.0) * (1 - (t - KICK).total_seconds() / 140.0)
    return 0.0


def fail_ratio(t):
    return 0.012 + share(t) * deaf(t)


SERIALS = ["th2-%s" % hexid(rng, 10).upper() for _ in range(4000)]


def node():
    return rng.choice(["emqx-0", "emqx-1", "emqx-2"])


def peer():
    return "10.60.%d.%d:%d" % (rng.randint(0, 7), rng.randint(2, 250), rng.randint(32768, 60999))


# ---- EMQX JSON logs, `kubectl logs -l app=emqx --prefix --timestamps=false`
em = []
def E(t, pod, level, msg, **kv):
    em.append((t, "[pod/%s/emqx] %s" % (pod, jline({"time": int(epoch(t) * 1e6), "level": level, "msg": msg, **kv}))))
for t in poisson_times(rng, W0, W1, 1 / 150.0):  # benign: decommissioned devices with revoked passwords
    E(t, node(), "warning", "authentication_failure", clientid=rng.choice(SERIALS[:6]), peername=peer(),
      reason="bad_username_or_password", username="device")
for t in poisson_times(rng, W0, W1, 1 / 45.0):  # benign: devices losing Wi-Fi
    E(t, node(), "info", "client_disconnected", clientid=rng.choice(SERIALS), peername=peer(), reason="keepalive_timeout")
for t in poisson_times(rng, W0, W1, 1 / 900.0):
    E(t, node(), "warning", "socket_error", clientid=rng.choice(SERIALS), peername=peer(), reason="etimedout")
# kernel-patching restart of emqx-2 (noise, before anything)
E(add(PATCH, seconds=-3), "emqx-2", "warning", "emqx_shutdown", reason="sigterm")
E(add(PATCH, seconds=38), "emqx-2", "notice", "EMQX 5.8.3 is running now!")
E(add(PATCH, seconds=39), "emqx-0", "info", "cluster_node_up", node="emqx@emqx-2.emqx-headless.mqtt.svc.cluster.local")
E(add(PATCH, seconds=39), "emqx-1", "info", "cluster_node_up", node="emqx@emqx-2.emqx-headless.mqtt.svc.cluster.local")
E(STARTED, "emqx-1", "warning", "socket_error", clientid="th2-8C4B14A0F2", peername="10.60.3.21:41822", reason="econnreset")
for t in poisson_times(rng, add(STARTED, seconds=5), MITIGATED, 0.25):
    if rng.random() < share(t) * deaf(t) / 0.35:
        E(t, node(), "warning", "socket_error", clientid=rng.choice(SERIALS), peername=peer(), reason="econnreset")
E(CFG, "emqx-0", "notice", "config_update_success", path="mqtt.server_keepalive", old_value="disabled", new_value=240,
  zone="devices", source="api", user="aoife.brennan")
for p in ("emqx-1", "emqx-2"):
    E(add(CFG, seconds=1), p, "info", "cluster_config_applied", path="mqtt.server_keepalive", tnx_id=4471)
for t in poisson_times(rng, KICK, add(KICK, seconds=40), 1.2):
    E(t, node(), "info", "client_disconnected", clientid=rng.choice(SERIALS), peername=peer(), reason="kicked")
inc.lines("emqx-pods.log", [l for _, l in sorted(em, key=lambda x: x[0])])

# ---- command-api (Go, logfmt, UTC)
ca = []
def C(t, pairs):
    ca.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
C(add(STARTED, seconds=10.2), [("level", "warn"), ("msg", "command delivery failed"), ("device", "th2-8C4B14A0F2"),
                              ("fw", "4.8.0"), ("cmd", "set_target"), ("err", "ack timeout after 10s"), ("req_id", hexid(rng, 12))])
for t in poisson_times(rng, W0, W1, 0.6):
    if rng.random() < fail_ratio(t):
        is48 = rng.random() < (fail_ratio(t) - 0.012) / fail_ratio(t)
        fw = "4.8.0" if is48 else rng.choice(["4.7.2", "4.7.2", "4.7.2", "4.6.9"])
        err = "ack timeout after 10s" if is48 or rng.random() < 0.3 else "device offline (no session)"
        C(t, [("level", "warn"), ("msg", "command delivery failed"), ("device", rng.choice(SERIALS)), ("fw", fw),
              ("cmd", rng.choice(["set_target", "set_target", "set_mode", "get_state"])), ("err", err), ("req_id", hexid(rng, 12))])
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    C(t, [("level", "info"), ("msg", "schedule sync"), ("homes", rng.randint(900, 1400)), ("dur_ms", rng.randint(800, 2600))])
inc.lines("command-api.logfmt", [l for _, l in sorted(ca, key=lambda x: x[0])])

# ---- Prometheus query_range (step 30s)
def conn(t):
    v = 411200 + 300 * ((int(epoch(t)) // 60) % 7)
    if PATCH <= t < add(PATCH, minutes=3):
        v -= 118000 - int((t - PATCH).total_seconds()) * 600
    if KICK <= t < add(KICK, minutes=2):
        v -= 60000
    return v
inc.json("query_range.json", query_range([
    ({"__name__": "command:failure_ratio:rate5m", "service": "command-api", "env": "prod-eu"}, fail_ratio),
    ({"__name__": "emqx_connections_count", "cluster": "mqtt-prod-eu"}, conn),
    ({"__name__": "fleet_devices_by_firmware", "model": "th2", "fw": "4.8.0"}, lambda t: int(411000 * installed(t))),
    ({"__name__": "fleet_devices_by_firmware", "model": "th2", "fw": "4.7.2"}, lambda t: 411000 - int(411000 * installed(t))),
], W0, W1, 30), indent=None)

# ---- Mender deployments list (GET /api/management/v1/deployments/deployments)
def dep(name, art, created, finished, status, count, phases=None, stats=None, by=None):
    d = {"created": iso(created), "name": name, "artifact_name": art, "id": uuid(name + iso(created)),
         "status": status, "device_count": count, "max_devices": count, "artifacts": [uuid(art)],
         "type": "software", "initial_device_count": count, "statistics": {"status": stats or {}, "total_size": 0}}
    if finished:
        d["finished"] = iso(finished)
    if phases:
        d["phases"] = phases
    if by:
        d["filter"] = {"name": by}
    return d
mender = [
    dep("hub-v1 2.3.4", "hub-v1-2.3.4", OTHER_OTA, T(D + "14:31:48"), "finished", 18204,
        stats={"success": 18180, "failure": 24, "pending": 0, "downloading": 0, "installing": 0, "rebooting": 0, "aborted": 0},
        by="model:hub-v1"),
    dep("th2 fw 4.8.0", "th2-fw-4.8.0", T("2026-03-10 09:12:33"), ABORT, "finished", 205500,
        phases=[{"id": uuid("p1"), "batch_size": 50, "start_ts": iso(PHASE), "device_count": 205500},
                {"id": uuid("p2"), "batch_size": 50, "start_ts": "2026-03-12T13:00:00Z", "device_count": 0}],
        stats={"success": 166790, "failure": 112, "pending": 0, "downloading": 0, "installing": 0, "rebooting": 0,
               "aborted": 38598}, by="model:th2"),
    dep("hub-v1 2.3.3", "hub-v1-2.3.3", T("2026-03-05 10:02:10"), T("2026-03-05 11:40:51"), "finished", 18190,
        stats={"success": 18190, "failure": 0, "aborted": 0}, by="model:hub-v1"),
]
inc.json("deployments.json", mender)

# ---- fleet-infra git log --date=iso
gl = [(T("2026-03-10 16:02:44"), "Tomasz Wrobel", "tomasz@thermly.io", "mqtt: kernel patch window for mqtt node pool Wed 12:40"),
      (T(D + "13:28:09"), "Nadia Rahman", "nadia@thermly.io", "billing-db: raise max_wal_size to 8GB"),
      (COMMIT, "Aoife Brennan", "aoife@thermly.io", "emqx: server_keepalive 240 for devices zone (fw 4.8.0 keepalive > NLB idle 350s)"),
      (T(D + "15:20:31"), "Kenji Sato", "kenji@thermly.io", "alerts: command failure ratio by firmware version")]
out = []
for t, who, mail, subj in sorted(gl, reverse=True):
    out += ["commit " + uid(subj, 40), "Author: %s <%s>" % (who, mail), "Date:   " + t.strftime("%Y-%m-%d %H:%M:%S +0000"),
            "", "    " + subj, ""]
inc.lines("fleet-infra.gitlog", out[:-1])

# ---- Alertmanager webhook archive (ndjson, back to Mar 9)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
jl = {"severity": "warning", "team": "data", "namespace": "warranty", "job_name": "warranty-export"}
for c in CRON:
    a0 = add(c, seconds=50)
    H(add(a0, seconds=8), am_webhook("slack-fleet", [am_alert("KubeJobFailed", jl, "Job warranty/warranty-export failed to complete", a0)]))
    H(add(a0, minutes=60, seconds=8), am_webhook("slack-fleet", [am_alert("KubeJobFailed", jl, "Job warranty/warranty-export failed to complete", a0, ends=add(a0, minutes=60))]))
wl = {"severity": "warning", "team": "fleet", "service": "command-api"}
cl = {"severity": "critical", "team": "fleet", "service": "command-api"}
H(add(WARN, seconds=9), am_webhook("slack-fleet", [am_alert("DeviceCommandFailureRatio", wl, "command failure ratio 5.6% (> 5%)", WARN)]))
H(add(CRIT, seconds=1), am_webhook("pagerduty-fleet", [am_alert("DeviceCommandFailureRatioCritical", cl, "command failure ratio 12.6% (> 12%)", CRIT)]))
H(add(CRIT_OK, seconds=9), am_webhook("pagerduty-fleet", [am_alert("DeviceCommandFailureRatioCritical", cl, "command failure ratio 12.6% (> 12%)", CRIT, ends=CRIT_OK)]))
H(add(WARN_OK, seconds=9), am_webhook("slack-fleet", [am_alert("DeviceCommandFailureRatio", wl, "command failure ratio 5.6% (> 5%)", WARN, ends=WARN_OK)]))
rl = {"severity": "warning", "team": "billing", "instance": "billing-db-1"}
for s0, s1 in ((T(D + "13:25:30"), T(D + "13:31:00")), (T(D + "14:02:00"), T(D + "14:06:30")), (T(D + "15:41:30"), T(D + "15:44:00"))):
    H(add(s0, seconds=10), am_webhook("slack-billing", [am_alert("PostgresReplicationLagHigh", rl, "replica billing-db-1 lag > 30s", s0)]))
    H(add(s1, seconds=10), am_webhook("slack-billing", [am_alert("PostgresReplicationLagHigh", rl, "replica billing-db-1 lag > 30s", s0, ends=s1)]))
inc.lines("am-webhooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(4417, "DeviceCommandFailureRatioCritical command failure ratio 12.6% (> 12%)", "command-api", "PFLT042", "Fleet on-call")
kenji = PD.user("Kenji Sato", "PKENJI7")
aoife = PD.user("Aoife Brennan", "PAOIFE2")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMFL01", "summary": "Alertmanager prod-eu"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Kenji Sato by push notification.", user=kenji,
       notification={"type": "push_notification_notification", "status": "success"})
pd.add(add(PAGE, seconds=61), "notify_log_entry", None, None, "Notified Kenji Sato by SMS.", user=kenji,
       notification={"type": "sms_notification", "status": "success"})
pd.add(add(PAGE, minutes=5, seconds=1), "notify_log_entry", None, None, "Notified Kenji Sato by phone.", user=kenji,
       notification={"type": "phone_notification", "status": "no_answer"})
pd.add(ESC, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESC, seconds=1), "notify_log_entry", None, None, "Notified Aoife Brennan by phone.", user=aoife,
       notification={"type": "phone_notification", "status": "success"})
pd.add(ACK, "acknowledge_log_entry", aoife, {"type": "phone"}, "Acknowledged by Aoife Brennan.")
pd.add(add(DIAG, seconds=60), "annotate_log_entry", aoife, {"type": "web_ui", "summary": "fw 4.8.0 keepalive 1200s > NLB idle 350s"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", aoife, {"type": "web_ui"}, "Resolved by Aoife Brennan.")
inc.json("pd-log-entries.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("U1AOIFE", "aoife", "Aoife Brennan"), ("U1KENJI", "kenji", "Kenji Sato"), ("U1TOMASZ", "tomasz", "Tomasz Wrobel"),
                ("U1LIAM", "liam.o", "Liam O'Connor"), ("U1GRETA", "greta", "Greta Lind"), ("U1NADIA", "nadia", "Nadia Rahman")]:
    s.user(u, n, r, "Europe/Dublin")
for cid, n, p in [("C1FLA", "fleet-alerts", "alerts for the device fleet"), ("C1INC", "inc-3811-app-offline", "incident"),
                  ("C1PLT", "platform-ops", ""), ("C1FW", "fw-releases", "Mender notifications"), ("C1ST", "status", "Statuspage mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("fleet-alerts", add(c, seconds=59), "B1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job warranty/warranty-export failed to complete", color="warning"))
s.bot("fleet-alerts", add(WARN, seconds=10), "B1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "DeviceCommandFailureRatio", "command failure ratio 5.6% (> 5%)", color="warning"))
s.bot("fleet-alerts", add(CRIT, seconds=2), "B1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "DeviceCommandFailureRatioCritical", "command failure ratio 12.6% (> 12%)"))
s.bot("fleet-alerts", add(CRIT_OK, seconds=10), "B1AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "DeviceCommandFailureRatioCritical", "command failure ratio back under 12%"))
s.bot("fleet-alerts", add(WARN_OK, seconds=10), "B1AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "DeviceCommandFailureRatio", "command failure ratio back under 5%"))
s.say("platform-ops", T(D + "12:38:10"), "U1TOMASZ", "rolling kernel patch on the mqtt node pool starting now, one broker at a time")
s.say("platform-ops", T(D + "12:52:30"), "U1TOMASZ", "mqtt pool patched, emqx-2 was the only broker restarted, connections rebalanced. done")
s.say("platform-ops", T(D + "13:29:00"), "U1NADIA", "billing-db max_wal_size bump going out, replica lag alerts may flap for a bit")
s.bot("fw-releases", add(PHASE, seconds=40), "B1MEN", "mender",
      blocks=pd_slack_blocks("Deployment *th2 fw 4.8.0*: phase 1 (50% of model:th2) started"))
s.bot("fw-releases", add(OTHER_OTA, seconds=30), "B1MEN", "mender",
      blocks=pd_slack_blocks("Deployment *hub-v1 2.3.4* created by greta for model:hub-v1 (18204 devices)"))
s.bot("fw-releases", add(ABORT, seconds=5), "B1MEN", "mender",
      blocks=pd_slack_blocks("Deployment *th2 fw 4.8.0* aborted by aoife.brennan (pending devices will not be updated)"))
s.bot("fw-releases", T(D + "14:31:55"), "B1MEN", "mender", blocks=pd_slack_blocks("Deployment *hub-v1 2.3.4* finished: 18180 success, 24 failure"))
s.say("fw-releases", T(D + "13:41:10"), "U1GRETA", "hub-v1 2.3.4 straight to 100%, it's only the zigbee stack fix")
ch = "inc-3811-app-offline"
s.say(ch, add(ACK, seconds=35), "U1AOIFE", "acked, got escalated to me, Kenji is on a train. app commands failing at ~30%, users see 'Thermostat unreachable'")
s.say(ch, WRONG, "U1TOMASZ", "emqx-2 was restarted for the kernel patch at 12:41, could the cluster still be unbalanced after that?")
s.say(ch, add(WRONG, seconds=70), "U1AOIFE", "doesn't look like it, connections even across the 3 nodes and the failures only start 13:10")
s.bot("status", COMMS, "B1SP", "Statuspage",
      attachments=[{"color": "ECB22E", "title": "Investigating - Some thermostats show as unreachable in the app",
                    "fallback": "Investigating - Some thermostats unreachable",
                    "text": "Some customers cannot change their thermostat from the app. Heating schedules keep running.", "mrkdwn_in": ["text"]}])
s.say(ch, ROLLBACK_Q, "U1LIAM", "should we roll back the firmware?")
s.say(ch, add(ROLLBACK_Q, seconds=80), "U1AOIFE", "a rollback is another OTA for 167k devices, it won't be quick. pausing the deployment first")
s.say(ch, add(ABORT, seconds=30), "U1AOIFE", "aborted the 4.8.0 deployment in mender, no more devices will pick it up. every failed command in command-api is fw=4.8.0 apart from the usual offline ones")
s.say(ch, add(ABORT, seconds=150), "U1KENJI", "back online, sorry. reading up")
s.say(ch, DIAG, "U1AOIFE", "found it: 4.8.0 raised the MQTT keepalive from 60s to 1200s (battery PR #2291). the NLB idle timeout is 350s, so the NLB drops the flow after ~6 min of silence, our publish to the device gets a RST (econnreset in emqx) and the device only notices on its next ping, up to 20 min later")
s.say(ch, add(DIAG, seconds=190), "U1KENJI", "NLB idle timeout change goes through terraform + CAB. broker side is quicker: server_keepalive overrides the client's on CONNACK for MQTT 5")
s.say(ch, add(COMMIT, seconds=20), "U1AOIFE", "fleet-infra PR: server_keepalive=240 for the devices zone, applying via the dashboard API")
s.say(ch, add(CFG, seconds=30), "U1AOIFE", "applied as hot config, no restart. only new connections get it, so it will fade as 4.8.0 devices reconnect")
s.say(ch, T(D + "14:45:50"), "U1KENJI", "too slow, failures only down to ~22%. kicking all fw 4.8.0 sessions so they reconnect now")
s.say(ch, add(MITIGATED, seconds=40), "U1AOIFE", "failure ratio back at the 1.2% baseline, 4.8.0 devices reconnected with keepalive 240")
s.bot("status", T(D + "14:58:00"), "B1SP", "Statuspage",
      attachments=[{"color": "2EB67D", "title": "Monitoring - Thermostats reachable again", "fallback": "Monitoring",
                    "text": "A fix has been applied and thermostats respond again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.say(ch, add(RESOLVED, seconds=-40), "U1AOIFE", "an hour clean, resolving. 4.8.1 with keepalive 300 goes through the phases again next week")
s.bot("status", add(RESOLVED, minutes=3), "B1SP", "Statuspage",
      attachments=[{"color": "2EB67D", "title": "Resolved - Thermostats unreachable in the app", "fallback": "Resolved",
                    "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "thermly-mqtt-keepalive", "firmware-ota-keepalive-exceeds-lb-idle-timeout",
    "A Mender OTA phase moved half the th2 thermostat fleet to firmware 4.8.0, whose 1200 s MQTT keepalive outlives the NLB's 350 s\n"
    "idle timeout; commands to updated devices hit RSTs and time out, growing as devices update, until EMQX server_keepalive=240 and a kick of 4.8.0 sessions.",
    (W0, W1),
    dict(started=STARTED, detected=WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(PHASE, "change", "Mender deployment th2 fw 4.8.0 phase 1 (50%) starts", "deployments.json", 60),
     (STARTED, "first_symptom", "first econnreset publishing to a 4.8.0 device; command ack timeout", "emqx-pods.log", 120),
     (WARN, "alert_fired", "DeviceCommandFailureRatio warning firing", "am-webhooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #4417 triggered by the critical alert", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Aoife acknowledges after escalation by timeout", "pd-log-entries.json", 60),
     (COMMS, "communication", "Statuspage: some thermostats unreachable in the app", "slack", 90),
     (ABORT, "mitigation", "4.8.0 deployment aborted in Mender (stops new updates only)", "deployments.json", 60),
     (DIAG, "diagnosis", "Aoife: 4.8.0 keepalive 1200s outlives the NLB 350s idle timeout", "slack", 90),
     (CFG, "mitigation", "EMQX server_keepalive=240 applied as hot config", "emqx-pods.log", 60),
     (KICK, "mitigation", "all fw 4.8.0 sessions kicked to reconnect", "emqx-pods.log", 90),
     (MITIGATED, "recovery", "command failure ratio back at baseline", "query_range.json", 120),
     (RESOLVED, "resolved", "PagerDuty incident resolved", "pd-log-entries.json", 60)],
    [(PATCH, "emqx-2 restarted for kernel patching, healthy before any symptom", "emqx-pods.log"),
     (OTHER_OTA, "hub team's hub-v1 2.3.4 OTA rollout", "deployments.json"),
     (CRON[-1], "warranty-export CronJob fails every day at 13:15 (KubeJobFailed)", "am-webhooks.ndjson"),
     (T(D + "13:25:30"), "PostgresReplicationLagHigh on billing-db-1 flapping (billing team)", "am-webhooks.ndjson"),
     (T(D + "13:28:09"), "billing-db max_wal_size commit", "fleet-infra.gitlog"),
     (WRONG, "wrong hunch: cluster unbalanced after the emqx-2 restart", "slack"),
     (ROLLBACK_Q, "'should we roll back the firmware?' question", "slack"),
     (T(D + "15:00:00"), "steady bad-password connects, keepalive timeouts and offline-device command failures all window", "emqx-pods.log")],
    [("emqx-pods.log", "logs"), ("command-api.logfmt", "logs"), ("query_range.json", "prometheus-query-range"),
     ("deployments.json", "deploys"), ("fleet-infra.gitlog", "git-log"), ("am-webhooks.ndjson", "alertmanager-webhook"),
     ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
