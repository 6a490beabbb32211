"""retired8/vault-consul-leader-flap: the EC2 host under consul-server-2 degrades (packet loss); memberlist suspects it,
then its disrupted heartbeats force Raft election after election; every leader change costs Vault (Consul storage
and HA lock) its active node, so wallet-api's transit decrypts fail until Vault fails over to the DR cluster."""
import random
from common import *

rng = random.Random(20260818)
inc = Incident("retired8", "vault-consul-leader-flap")
D = "2026-08-18 "
W0, W1 = T(D + "08:00:00"), T(D + "11:00:00")
LOG0, LOG1 = T(D + "07:55:00"), T(D + "11:05:00")
CRON = [T("2026-08-%02d 08:15:%02d" % (d, 4 + 2 * i)) for i, d in enumerate((15, 16, 17, 18))]
WALLET_DEPLOY = T(D + "07:48:12")
HW = T(D + "08:46:50")
STARTED = T(D + "08:47:31")
DETECTED = T(D + "08:50:31")
FIRST_ELECTION = T(D + "08:52:44")
APP_ERR = T(D + "08:52:46")
ALERT = T(D + "08:55:46")
PAGE = T(D + "08:55:58")
AWS_POST = T(D + "08:58:02")
ACK = T(D + "08:59:40")
WRONG = T(D + "09:02:20")
COMMS = T(D + "09:05:30")
ROLLBACK_Q = T(D + "09:07:10")
DIAG = T(D + "09:09:30")
REMOVE_PEER = T(D + "09:14:10")
OTHER_DEPLOY = T(D + "09:14:55")
PROMOTE = T(D + "09:21:08")
DNS_FLIP = T(D + "09:22:30")
MITIGATED = T(D + "09:23:02")
ALERT_OK = T(D + "09:27:46")
FORCE_STOP = T(D + "09:51:08")
CONSUL_OK = T(D + "09:52:31")
NEW_NODE = T(D + "10:24:15")
RESOLVED = T(D + "10:41:00")

SRV = {"consul-server-1": ("10.40.1.11", "i-04a1c7e2b9d3f5a61"), "consul-server-2": ("10.40.2.12", "i-0c9f2d81e6a47b3c0"),
       "consul-server-3": ("10.40.3.13", "i-07be3a9c1d25f8e44")}
IDS = {"consul-server-1": "5f1c2a3e-8d1b-4c55-9b07-1a2b3c4d5e61", "consul-server-2": "9a7e0c44-2f6b-4e0d-8c31-2b3c4d5e6f72",
       "consul-server-3": "c3d9b1f0-7a2e-4b88-a6c4-3c4d5e6f7a83"}

# elections while consul-server-2 is degraded and still running
elections = []
t = FIRST_ELECTION
while t < FORCE_STOP:
    elections.append(t)
    t = add(t, seconds=rng.randint(55, 115))
leaders = []
cur = "consul-server-2"
for e in elections:
    nxt = "consul-server-3" if cur != "consul-server-3" else "consul-server-1"
    leaders.append((e, add(e, seconds=rng.uniform(1.5, 9.0)), cur, nxt))
    cur = nxt

# ---- consul servers: journald JSON export (journalctl -u consul -o json)
jr = []
def J(t, host, lvl, mod, msg):
    line = "%s [%s] %s%s: %s" % (iso(t, ms=True), lvl, " " * (5 - len(lvl)), mod, msg)
    cur_ = "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid(host, 32), 0x2a0000 + len(jr), uid(host + "boot", 32), int(epoch(t) * 1e6) & 0xFFFFFFF,
                                           int(epoch(t) * 1e6), uid(line, 16))
    jr.append((t, jline({"__CURSOR": cur_, "__REALTIME_TIMESTAMP": str(int(round(epoch(t) * 1e6))),
                          "__MONOTONIC_TIMESTAMP": str(int((epoch(t) - 1787000000) * 1e6)), "_BOOT_ID": uid(host + "boot", 32),
                          "PRIORITY": {"ERROR": "3", "WARN": "4", "INFO": "6", "DEBUG": "7"}[lvl], "_TRANSPORT": "stdout",
                          "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": "consul", "_PID": {"consul-server-1": "811", "consul-server-2": "797", "consul-server-3": "804"}[host],
                          "_UID": "997", "_GID": "997", "_COMM": "consul", "_EXE": "/usr/bin/consul",
                          "_SYSTEMD_UNIT": "consul.service", "_HOSTNAME": host, "_MACHINE_ID": uid(host + "m", 32), "MESSAGE": line})))
for h in SRV:
    for tt in poisson_times(rng, LOG0, LOG1, 1 / 150.0):
        J(tt, h, "WARN", "agent", "Check is now critical: check=service:legacy-reports-1")
    for tt in poisson_times(rng, LOG0, LOG1, 1 / 400.0):
        J(tt, h, "ERROR", "agent.http", "Request error: method=GET url=/v1/kv/config/legacy-reports/flags from=10.40.9.%d:%d error=\"Permission denied\"" % (rng.randint(2, 250), rng.randint(30000, 60000)))
J(STARTED, "consul-server-1", "INFO", "agent.server.memberlist.lan", "memberlist: Suspect consul-server-2 has failed, no acks received")
for tt in poisson_times(rng, add(STARTED, seconds=5), FORCE_STOP, 1 / 25.0):
    h = rng.choice(["consul-server-1", "consul-server-3"])
    r = rng.random()
    if r < 0.5:
        J(tt, h, "INFO", "agent.server.memberlist.lan", "memberlist: Suspect consul-server-2 has failed, no acks received")
    elif r < 0.8:
        J(tt, h, "WARN", "agent.server.memberlist.wan", "memberlist: Was able to connect to consul-server-2.dc1 over TCP but UDP probes failed, network may be misconfigured")
    else:
        J(tt, "consul-server-2", "WARN", "agent.server.memberlist.lan", "memberlist: Refuting a suspect message (from: %s)" % h)
J(T(D + "08:49:02"), "consul-server-2", "WARN", "agent.server.raft", "failed to contact: server-id=%s time=2.51387s" % IDS["consul-server-1"])
J(T(D + "08:50:12"), "consul-server-1", "ERROR", "agent.server.autopilot", "Failed to reconcile current state with the desired state")
J(T(D + "08:50:12"), "consul-server-1", "WARN", "agent.server.autopilot", "Server is unhealthy: id=%s name=consul-server-2 last_contact=4.2s" % IDS["consul-server-2"])
for e, won, old, new in leaders:
    if e > FORCE_STOP:
        break
    voter = new
    J(e, voter, "WARN", "agent.server.raft", "heartbeat timeout reached, starting election: last-leader-addr=%s:8300 last-leader-id=%s" % (SRV[old][0], IDS[old]))
    J(add(e, seconds=0.01), voter, "INFO", "agent.server.raft", "entering candidate state: node=\"Node at %s:8300 [Candidate]\" term=%d" % (SRV[voter][0], 41 + elections.index(e)))
    J(add(e, seconds=0.4), voter, "ERROR", "agent.server.raft", "failed to make requestVote RPC: target=\"{Voter %s %s:8300}\" error=\"dial tcp %s:8300: i/o timeout\" term=%d" % (
        IDS["consul-server-2"], SRV["consul-server-2"][0], SRV["consul-server-2"][0], 41 + elections.index(e)))
    J(won, voter, "INFO", "agent.server.raft", "election won: term=%d tally=2" % (41 + elections.index(e)))
    J(add(won, seconds=0.001), voter, "INFO", "agent.server.raft", "entering leader state: leader=\"Node at %s:8300 [Leader]\"" % SRV[voter][0])
    J(add(won, seconds=0.02), voter, "INFO", "agent.server", "cluster leadership acquired")
    other = [h for h in SRV if h not in (voter, "consul-server-2")][0]
    J(add(e, seconds=0.3), other, "ERROR", "agent", "Coordinate update error: error=\"No cluster leader\"")
    J(add(e, seconds=rng.uniform(0.5, 1.5)), "consul-server-2", "WARN", "agent.server.raft", "rejecting vote request since we have a leader: from=%s:8300 leader=%s:8300" % (SRV[voter][0], SRV[old][0]))
J(REMOVE_PEER, "consul-server-1", "INFO", "agent.server.raft", "updating configuration: command=RemoveServer server-id=%s server-addr= servers=\"[{Voter %s %s:8300} {Voter %s %s:8300}]\"" % (
    IDS["consul-server-2"], IDS["consul-server-1"], SRV["consul-server-1"][0], IDS["consul-server-3"], SRV["consul-server-3"][0]))
J(add(REMOVE_PEER, seconds=41), "consul-server-1", "INFO", "agent.server.autopilot", "adding server: server=\"{Voter %s %s:8300}\"" % (IDS["consul-server-2"], SRV["consul-server-2"][0]))
J(FORCE_STOP, "consul-server-2", "INFO", "agent", "Caught signal: signal=terminated")
J(add(FORCE_STOP, seconds=0.2), "consul-server-2", "INFO", "agent", "Graceful shutdown disabled. Exiting")
J(add(FORCE_STOP, seconds=14), "consul-server-1", "INFO", "agent.server.memberlist.lan", "memberlist: Marking consul-server-2 as failed, suspect timeout reached (2 peer confirmations)")
J(CONSUL_OK, "consul-server-1", "INFO", "agent.server.autopilot", "Attempting removal of failed server node: id=%s name=consul-server-2 address=10.40.2.12:8300" % IDS["consul-server-2"])
J(NEW_NODE, "consul-server-1", "INFO", "agent.server.serf.lan", "serf: EventMemberJoin: consul-server-2 10.40.2.27")
inc.lines("consul-servers.json", [l for _, l in sorted(jr, key=lambda x: x[0])])

# ---- vault pods: kubectl logs --prefix --timestamps=false, hclog
vl = []
def V(t, pod, lvl, msg):
    vl.append((t, "[pod/%s/vault] %s [%s] %s%s" % (pod, iso(t, ms=True), lvl, " " * (5 - len(lvl)), msg)))
for pod in ("vault-0", "vault-1", "vault-2"):
    for tt in poisson_times(rng, LOG0, LOG1, 1 / 240.0):
        V(tt, pod, "INFO", "expiration: revoked lease: lease_id=database/creds/reporting-ro/%s" % hexid(rng, 24))
active = "vault-0"
for e, won, old, new in leaders:
    if e >= PROMOTE:
        break
    V(add(e, seconds=1.9), active, "ERROR", "core: failed to monitor HA lock: error=\"Unexpected response code: 500 (No cluster leader)\"")
    V(add(e, seconds=2.0), active, "WARN", "core: leadership lost, stopping active operation")
    stby = [p for p in ("vault-0", "vault-1", "vault-2") if p != active][rng.randint(0, 1)]
    acq = add(won, seconds=rng.uniform(2, 6))
    V(acq, stby, "INFO", "core: acquired lock, enabling active operation")
    V(add(acq, seconds=0.1), stby, "INFO", "core: post-unseal setup starting")
    V(add(acq, seconds=rng.uniform(25, 40)), stby, "INFO", "core: post-unseal setup complete")
    active = stby
for tt in poisson_times(rng, APP_ERR, PROMOTE, 1 / 20.0):
    V(tt, rng.choice(["vault-0", "vault-1", "vault-2"]), "ERROR", "core: error checking health: error=\"local node not active but active cluster node not found\"")
V(add(PROMOTE, seconds=-14), "vault-dr-0", "INFO", "core: received request to promote DR secondary")
V(add(PROMOTE, seconds=-13), "vault-dr-0", "INFO", "replication: disabling DR secondary replication")
V(PROMOTE, "vault-dr-0", "INFO", "core: promoted to DR primary; performing post-unseal setup")
V(add(PROMOTE, seconds=9), "vault-dr-0", "INFO", "core: post-unseal setup complete")
for tt in poisson_times(rng, LOG0, LOG1, 1 / 300.0):
    V(tt, "vault-dr-0", "INFO", "replication.dr: wal stream heartbeat: last_remote_wal=%d" % rng.randint(8_000_000, 9_000_000))
inc.lines("vault.txt", [l for _, l in sorted(vl, key=lambda x: x[0])])

# ---- wallet-api logfmt
wl = []
def W(t, pairs):
    wl.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
PODS = ["wallet-api-7b6d9c5f8-%s" % x for x in ("4nq2s", "9kxlp", "fw7mr", "t2zvd")]
def vault_broken(t):
    return APP_ERR <= t < MITIGATED
ev = poisson_times(rng, LOG0, LOG1, 0.15)
ev = sorted([x for x in ev if abs((x - APP_ERR).total_seconds()) > 1 and abs((x - MITIGATED).total_seconds()) > 2] + [APP_ERR, add(MITIGATED, seconds=-1.2)])
for t in ev:
    pod = rng.choice(PODS)
    path = rng.choice(["/v1/wallet/cards", "/v1/wallet/cards/:id/reveal", "/v1/checkout/pay", "/v1/wallet/balance"])
    if t in (APP_ERR, add(MITIGATED, seconds=-1.2)):
        path = "/v1/checkout/pay"
    tid = hexid(rng, 16)
    if path != "/v1/wallet/balance" and vault_broken(t) and (rng.random() < 0.75 or t in (APP_ERR, add(MITIGATED, seconds=-1.2))):
        W(t, [("level", "error"), ("pod", pod), ("caller", "crypto/transit.go:71"), ("msg", "transit decrypt failed"), ("key", "card-pan"),
              ("err", "Error making API request. URL: PUT https://vault.internal:8200/v1/transit/decrypt/card-pan Code: 500. Errors: * local node not active but active cluster node not found"),
              ("trace_id", tid)])
        W(add(t, seconds=0.003), [("level", "info"), ("pod", pod), ("caller", "http/mw.go:33"), ("msg", "request"), ("method", "POST" if "pay" in path else "GET"),
              ("path", path), ("status", 502), ("dur_ms", rng.randint(20, 900)), ("trace_id", tid)])
    else:
        W(t, [("level", "info"), ("pod", pod), ("caller", "http/mw.go:33"), ("msg", "request"), ("method", "POST" if "pay" in path else "GET"),
              ("path", path), ("status", 200), ("dur_ms", rng.randint(8, 120)), ("trace_id", tid)])
for t in poisson_times(rng, LOG0, LOG1, 1 / 110.0):
    W(t, [("level", "warn"), ("pod", rng.choice(PODS)), ("caller", "fx/client.go:58"), ("msg", "fx quote timeout, using cached rate"), ("provider", "openfx"), ("timeout_ms", 800)])
W(add(DNS_FLIP, seconds=21), [("level", "info"), ("pod", PODS[0]), ("caller", "crypto/transit.go:40"), ("msg", "vault address resolved"), ("host", "vault.internal"), ("addr", "10.62.4.20:8200")])
inc.lines("wallet-api.logfmt", [l for _, l in sorted(wl, key=lambda x: x[0])])

# ---- argo cd application history (deploy record)
def hist(app, items):
    return {"metadata": {"name": app, "namespace": "argocd"},
            "status": {"history": [{"id": i + 1, "revision": rev, "deployStartedAt": iso(add(t, seconds=-dur)), "deployedAt": iso(t),
                                    "source": {"repoURL": "https://git.example.net/platform/deploy.git", "path": "apps/" + app, "targetRevision": "HEAD"},
                                    "initiatedBy": {"username": who} if who else {"automated": True}}
                                   for i, (t, dur, rev, who) in enumerate(items)]}}
inc.json("apps.json", {"items": [
    hist("wallet-api", [(T("2026-08-13 10:02:40"), 71, "a41c0e7f9b3d2e18c6a5f4d3b2a1908e7d6c5b4a", "ama.owusu"),
                        (WALLET_DEPLOY, 88, "f93b21d0c8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3", "ama.owusu")]),
    hist("search-api", [(T("2026-08-17 15:30:09"), 120, "0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d", None),
                        (OTHER_DEPLOY, 133, "7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f", None)]),
    hist("vault-dr", [(T("2026-07-02 09:12:00"), 40, "1f2e3d4c5b6a7988a7b6c5d4e3f2a1b0c9d8e7f6", "olu.adeyemi")]),
]})

# ---- alertmanager webhook posts
posts = []
pl = {"severity": "page", "team": "wallet", "service": "wallet-api"}
posts.append(am_webhook("pagerduty-wallet", [am_alert("WalletApiErrorRate", pl, "wallet-api 5xx 38% over 3m", ALERT)]))
posts.append(am_webhook("pagerduty-wallet", [am_alert("WalletApiErrorRate", pl, "wallet-api 5xx 38% over 3m", ALERT, ends=ALERT_OK)]))
cl = {"severity": "warning", "team": "platform", "datacenter": "dc1", "server": "consul-server-2"}
posts.append(am_webhook("slack-platform", [am_alert("ConsulAutopilotServerUnhealthy", cl, "consul-server-2 unhealthy in autopilot", DETECTED)]))
rl = {"severity": "warning", "team": "platform", "datacenter": "dc1"}
RL = add(FIRST_ELECTION, minutes=3, seconds=-14)
posts.append(am_webhook("slack-platform", [am_alert("ConsulRaftLeadershipChanges", rl, "more than 2 raft leader changes in 5m", RL)]))
posts.append(am_webhook("slack-platform", [am_alert("ConsulRaftLeadershipChanges", rl, "more than 2 raft leader changes in 5m", RL, ends=add(FORCE_STOP, minutes=5))]))
posts.append(am_webhook("slack-platform", [am_alert("ConsulAutopilotServerUnhealthy", cl, "consul-server-2 unhealthy in autopilot", DETECTED, ends=CONSUL_OK)]))
dl = {"severity": "warning", "team": "data", "instance": "pg-analytics-2:9187"}
for a, b in [("08:21:30", "08:26:00"), ("09:03:30", "09:09:00"), ("09:44:00", "09:47:30"), ("10:30:30", "10:36:00")]:
    posts.append(am_webhook("slack-data", [am_alert("PostgresReplicationLagHigh", dl, "pg-analytics-2 replication lag > 30s", T(D + a))]))
    posts.append(am_webhook("slack-data", [am_alert("PostgresReplicationLagHigh", dl, "pg-analytics-2 replication lag > 30s", T(D + a), ends=T(D + b))]))
hl = {"severity": "warning", "team": "search", "namespace": "search", "horizontalpodautoscaler": "search-api"}
posts.append(am_webhook("slack-search", [am_alert("KubeHpaMaxedOut", hl, "HPA search/search-api has been running at max replicas for 15m", T(D + "09:31:00"))]))
jl = {"severity": "warning", "team": "compliance", "namespace": "kyc", "job_name": "sanctions-list-refresh-29257395"}
posts.append(am_webhook("slack-compliance", [am_alert("KubeJobFailed", jl, "Job kyc/sanctions-list-refresh-29257395 failed to complete", add(CRON[-1], seconds=100))]))
posts.sort(key=lambda b: b["alerts"][0]["endsAt"] if b["status"] == "resolved" else b["alerts"][0]["startsAt"])
inc.json("posts.json", posts)

# ---- pagerduty v2 webhooks
pd = PD(55210, "WalletApiErrorRate: wallet-api 5xx 38% over 3m", "wallet-api", "PWAL3T9", "Wallet primary")
olu = PD.user("Olu Adeyemi", "POLUADE")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Olu Adeyemi by push notification.", user=olu)
pd.add(ACK, "acknowledge_log_entry", olu, {"type": "mobile"}, "Acknowledged by Olu Adeyemi.")
pd.add(T(D + "09:10:04"), "annotate_log_entry", olu, {"type": "web_ui"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", olu, {"type": "web_ui"}, "Resolved by Olu Adeyemi.")
inc.lines("hooks.ndjson", [jline(b) for b in pd_webhook_v2_bodies(pd, 55210, "WalletApiErrorRate: wallet-api 5xx 38% over 3m", PAGE)])

# ---- slack export
s = Slack()
for u, n, r in [("UOLU", "olu", "Olu Adeyemi"), ("UAMA", "ama", "Ama Owusu"), ("UJIN", "jin", "Jin Park"), ("ULEA", "lea", "Lea Fischer"),
                ("UBEN", "ben", "Ben Carter")]:
    s.user(u, n, r, "Europe/London")
s.user("BAWS", "aws-health", "AWS Health", bot=True)
s.channel("CPLAT", "platform-alerts", "alertmanager: platform + shared jobs")
s.channel("CAWSH", "aws-health", "AWS Health events via EventBridge")
s.channel("CINCW", "inc-wallet-cards", "incident: wallet card reveal / pay failures")
for c in CRON:
    s.bot("platform-alerts", add(c, seconds=101), "BAM02", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job kyc/sanctions-list-refresh failed to complete (team compliance)", color="warning"))
s.bot("platform-alerts", add(DETECTED, seconds=12), "BAM02", "alertmanager", attachments=am_slack_attachment("firing", "ConsulAutopilotServerUnhealthy", "consul-server-2 unhealthy in autopilot", color="warning"))
s.bot("platform-alerts", add(RL, seconds=12), "BAM02", "alertmanager", attachments=am_slack_attachment("firing", "ConsulRaftLeadershipChanges", "more than 2 raft leader changes in 5m", color="warning"))
s.bot("platform-alerts", add(CONSUL_OK, seconds=12), "BAM02", "alertmanager", attachments=am_slack_attachment("resolved", "ConsulAutopilotServerUnhealthy", "consul-server-2"))
s.bot("aws-health", AWS_POST, "BAWS", "AWS Health", blocks=pd_slack_blocks(
    "*EC2 hardware degraded* | eu-west-1 | i-0c9f2d81e6a47b3c0 (consul-server-2)\n"
    "Start time: 2026-08-18 08:46:50 UTC. EC2 has detected degradation of the underlying hardware hosting your Amazon EC2 instance. "
    "The instance may experience network packet loss and will be retired; we recommend you stop and start the instance."))
ch = "inc-wallet-cards"
s.say(ch, add(ACK, seconds=30), "UOLU", "acked. wallet-api 502 on card reveal and pay, transit decrypt errors: 'local node not active but active cluster node not found'")
s.say(ch, add(ACK, seconds=95), "UJIN", "vault status: the active node moves between the vault pods every minute or so")
s.say(ch, WRONG, "UAMA", "is vault-0 OOMing again like in July? that looked exactly like this")
s.say(ch, add(WRONG, seconds=50), "UJIN", "no restarts, memory flat. the pods are fine, they keep losing the HA lock")
s.say(ch, COMMS, "ULEA", "status page up: 'Some card payments and saved-card views are failing. We're investigating.'")
s.say(ch, ROLLBACK_Q, "UBEN", "should we roll back wallet-api 4.8.1? it went out at 07:48")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UOLU", "it ran clean for an hour, and the errors come from vault not from our code")
s.say(ch, DIAG, "UOLU", "it's consul under vault: consul-server-2 is on the host from the AWS Health notice, it drops packets and keeps forcing raft elections, and every leader change makes vault lose its HA lock")
s.say(ch, add(DIAG, seconds=75), "UJIN", "can't ssh to consul-server-2, stop-instances has been 'stopping' for 3 min")
s.say(ch, add(REMOVE_PEER, seconds=20), "UJIN", "removed it with raft remove-peer, autopilot added it straight back since the agent is still alive")
s.say(ch, add(REMOVE_PEER, seconds=200), "UOLU", "going to fail over to the DR vault in eu-central-1, transit keys are replicated there")
s.say(ch, add(PROMOTE, seconds=20), "UJIN", "vault-dr promoted")
s.say(ch, DNS_FLIP, "UJIN", "route53 failover record for vault.internal flipped to DR, TTL 30s")
s.say(ch, add(MITIGATED, seconds=60), "UOLU", "no decrypt errors since 09:23, card reveal and pay are green")
s.say(ch, add(FORCE_STOP, seconds=90), "UJIN", "AWS finally force-stopped consul-server-2, raft stable on 2 nodes")
s.say(ch, add(NEW_NODE, seconds=60), "UJIN", "replacement consul-server-2 joined. staying on the DR vault until the failback window tonight")
s.say(ch, add(RESOLVED, seconds=-30), "UOLU", "resolving. postmortem on thursday")
s.write(inc, "slack")

inc.truth(
    "vault-consul-leader-flap", "degraded-host-raft-leader-flap-secrets-failover",
    "The EC2 host of consul-server-2 degraded (packet loss); Consul flagged it, then Raft elections repeated and every leader change\n"
    "cost Vault its active node, so wallet-api's transit decrypts failed until Vault failed over to the DR cluster in eu-central-1.",
    (W0, W1),
    dict(started=STARTED, detected=DETECTED, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(STARTED, "first_symptom", "memberlist suspects consul-server-2 (degraded host, packet loss)", "consul-servers.json", 60),
     (DETECTED, "alert_fired", "ConsulAutopilotServerUnhealthy for consul-server-2 (warning)", "posts.json", 60),
     (FIRST_ELECTION, "first_symptom", "first Raft election; Vault loses its active node; wallet-api decrypt errors begin", "consul-servers.json", 60),
     (ALERT, "alert_fired", "WalletApiErrorRate firing", "posts.json", 60),
     (PAGE, "paged", "PagerDuty #55210 triggered", "hooks.ndjson", 60),
     (ACK, "acknowledged", "Olu Adeyemi acknowledges", "hooks.ndjson", 60),
     (COMMS, "communication", "status page: card payments and saved-card views failing", "slack", 60),
     (DIAG, "diagnosis", "Olu: degraded consul-server-2 forces raft elections, Vault loses HA lock", "slack", 60),
     (PROMOTE, "mitigation", "vault-dr-0 promoted to DR primary", "vault.txt", 60),
     (DNS_FLIP, "mitigation", "vault.internal failover record flipped to DR", "slack", 60),
     (MITIGATED, "recovery", "last transit decrypt failure; wallet-api 200s", "wallet-api.logfmt", 60),
     (RESOLVED, "resolved", "PagerDuty #55210 resolved", "hooks.ndjson", 60)],
    [(CRON[-1], "sanctions-list-refresh CronJob fails every day at 08:15 UTC (compliance team)", "posts.json"),
     (OTHER_DEPLOY, "search-api Argo CD auto-sync by the search team", "apps.json"),
     (WALLET_DEPLOY, "wallet-api 4.8.1 deployed an hour before, unrelated", "apps.json"),
     (T(D + "08:21:30"), "PostgresReplicationLagHigh flapping for the data team", "posts.json"),
     (T(D + "09:31:00"), "KubeHpaMaxedOut for search-api", "posts.json"),
     (WRONG, "wrong hunch: vault-0 OOMing like in July", "slack"),
     (ROLLBACK_Q, "'should we roll back wallet-api 4.8.1?' question", "slack"),
     (T(D + "10:00:00"), "steady legacy-reports check critical / KV permission denied, fx quote timeouts, lease revocations all window", "consul-servers.json")],
    [("consul-servers.json", "logs"), ("vault.txt", "logs"), ("wallet-api.logfmt", "logs"), ("apps.json", "deploys"),
     ("posts.json", "alertmanager-webhook"), ("hooks.ndjson", "pagerduty-log-entries"), ("slack", "slack-export")])
