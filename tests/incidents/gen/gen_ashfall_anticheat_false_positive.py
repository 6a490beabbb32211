"""retired16/ashfall-anticheat-false-positive: the anti-cheat vendor's signature set 4471 flags a GPU vendor's overlay
module; players are kicked mid-match and the 3-strike rule auto-bans them; players report it on Discord and support pages
by hand; pausing auto-bans only stops the bans, a report-only policy for the detection ends the kicks; bans are reverted."""
import random
from common import *

rng = random.Random(20260716)
inc = Incident("retired16", "ashfall-anticheat-false-positive")
VTZ = "America/Los_Angeles"
D = "2026-07-16 "
W0, W1 = T(D + "18:30:00"), T(D + "22:00:00")
GS_ROLLOUT = T(D + "14:05:12")
CRON = [T("2026-07-%02d 20:00:%02d" % (d, 3 + d % 4)) for d in (13, 14, 15, 16)]
SIG = T(D + "19:02:14")
STARTED = T(D + "19:04:11")
FIRST_DISCORD = T(D + "19:07:22")
FIRST_BAN = T(D + "19:18:40")
COMMUNITY = T(D + "19:21:30")
PAGE = T(D + "19:26:05")
ACK = T(D + "19:29:50")
WARN = T(D + "19:31:30")
WRONG = T(D + "19:34:00")
ROLLBACK_Q = T(D + "19:36:20")
DIAG = T(D + "19:41:00")
PARTIAL = T(D + "19:44:30")
OTHER_DEPLOY = T(D + "19:45:10")
VENDOR_TICKET = T(D + "19:47:30")
SNAP = T(D + "19:52:00")
FIX = T(D + "19:58:20")
MITIGATED = T(D + "19:59:05")
UNBAN0 = T(D + "20:15:00")
UNBAN1 = T(D + "20:32:10")
COMMS = T(D + "20:35:00")
VENDOR_PULL = T(D + "20:41:00")
RESUME = T(D + "21:05:00")
RESOLVED = T(D + "21:12:40")


def fp_rate(t):
    if STARTED <= t < MITIGATED:
        return min(0.42, 0.03 + (t - STARTED).total_seconds() / 1500.0)
    return 0.0


PODS = ["ashfall-gs-euw-%s" % hexid(rng, 5) for _ in range(14)] + ["ashfall-gs-use-%s" % hexid(rng, 5) for _ in range(10)]
REGION = lambda p: "eu-west" if "-euw-" in p else "us-east"
players = lambda: "%s#%04d" % (rng.choice(["Kestrel", "nyx", "DrPepperoni", "Vail", "shroomy", "OKAYbro", "Tessa", "lumo", "Brakk", "zed"]) + str(rng.randint(1, 999)), rng.randint(1, 9999))

# ---- Sentinel AC bridge (vendor's own format, Pacific local time without offset)
vb = []
def V(t, kind, **kv):
    lt = local(t, VTZ)
    vb.append((t, "%s.%03d | %-9s | %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, kind,
                                        " | ".join("%s=%s" % (k, v) for k, v in kv.items()))))
for t in frange(add(W0, seconds=9), W1, 300):
    V(t, "HEARTBEAT", tenant="ashfall-prod", sigset=4471 if SIG <= t < VENDOR_PULL else (4472 if t >= VENDOR_PULL else 4470),
      agents_online=rng.randint(182000, 196000), backend="ok")
V(SIG, "SIGUPDATE", tenant="ashfall-prod", sigset="4470->4471", published_by="sentinel-release", rollout="staged 10m")
V(VENDOR_PULL, "SIGUPDATE", tenant="ashfall-prod", sigset="4471->4472", published_by="sentinel-release", rollout="immediate", note="withdrawn AC-4471-17")
kicks = []
for t in poisson_times(rng, STARTED, MITIGATED, 0.45):
    if rng.random() < fp_rate(t) / 0.42:
        kicks.append(t)
kicks = [STARTED] + kicks + [MITIGATED]
for t in kicks:
    pod = rng.choice(PODS)
    V(t, "KICK", session="s-" + hexid(rng, 12), player=players(), server=pod, detection="AC-4471-17",
      reason="UNTRUSTED_MODULE(gfxovl64.dll 31.0.15.4601)", action="KICK", strikes_24h=rng.choice([1, 1, 1, 2, 2, 3]))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    V(t, "KICK", session="s-" + hexid(rng, 12), player=players(), server=rng.choice(PODS),
      detection=rng.choice(["AC-3310-02", "AC-4102-11"]), reason=rng.choice(["SPEEDHACK_HEURISTIC", "MEMORY_INTEGRITY"]),
      action="KICK", strikes_24h=rng.randint(1, 3))
V(FIX, "POLICY", tenant="ashfall-prod", detection="AC-4471-17", action="KICK->LOG", changed_by="api:marc.gagnon", ticket="SAC-88412")
for t in poisson_times(rng, add(FIX, seconds=50), VENDOR_PULL, 0.2):
    V(t, "DETECT", session="s-" + hexid(rng, 12), player=players(), detection="AC-4471-17", reason="UNTRUSTED_MODULE(gfxovl64.dll 31.0.15.4601)", action="LOG")
V(VENDOR_TICKET, "SUPPORT", ticket="SAC-88412", state="opened", severity="S1", subject="AC-4471-17 false positives on gfxovl64.dll")
V(add(VENDOR_PULL, seconds=-90), "SUPPORT", ticket="SAC-88412", state="vendor-update", subject="signature withdrawn in 4472")
inc.lines("sentinel-bridge.log", [l for _, l in sorted(vb, key=lambda x: x[0])])

# ---- dedicated server logs (Unreal), collected with kubectl logs --prefix
gl = []
frame = {p: rng.randint(1000, 90000) for p in PODS}
def G(t, pod, cat, verb, msg):
    frame[pod] += rng.randint(30, 3000)
    u = t.astimezone(UTC)
    line = "[%s:%03d][%3d]%s: %s%s" % (u.strftime("%Y.%m.%d-%H.%M.%S"), u.microsecond // 1000, frame[pod] % 1000, cat,
                                       (verb + ": ") if verb else "", msg)
    gl.append((t, "[pod/%s/gameserver] %s" % (pod, line)))
for t in poisson_times(rng, W0, W1, 1 / 25.0):
    pod = rng.choice(PODS)
    if rng.random() < 0.5:
        G(t, pod, "LogGameMode", "", "Match %s started map=%s players=10" % (hexid(rng, 8), rng.choice(["Cinderport", "Glasswater", "Hollow_Keep"])))
    else:
        G(t, pod, "LogGameMode", "", "Match %s ended reason=ScoreLimit duration=%ds" % (hexid(rng, 8), rng.randint(900, 1700)))
for t in poisson_times(rng, W0, W1, 1 / 40.0):
    G(t, rng.choice(PODS), "LogNet", "Warning", "UNetConnection::Tick: Connection TIMED OUT. Closing connection.. Elapsed: 30.01, Real: 30.01, Good: 30.01, Driver: GameNetDriver IpNetDriver_0")
for t in kicks:
    pod = rng.choice(PODS)
    pl = players()
    G(t, pod, "LogAntiCheat", "Warning", "Sentinel requested removal of player %s: detection=AC-4471-17 reason=UntrustedModule" % pl)
    G(add(t, seconds=0.05), pod, "LogGameMode", "", "Player %s removed (AntiCheatKick), team now 4/5, backfill requested" % pl)
G(add(STARTED, seconds=0), PODS[3], "LogAntiCheat", "Display", "Sentinel signature set in use by clients: 4470, 4471")
inc.lines("gs-fleet.log", [l for _, l in sorted(gl, key=lambda x: x[0])])

# ---- ban-svc journald export (journalctl -o json), back to the 13th
jl = []
def J(t, ident, prio, msg, unit="ban-svc.service", pid=2241):
    us = int(epoch(t) * 1e6) + (t.microsecond % 1000)
    jl.append((t, jline({"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (uid("ban", 32), 0x5a000 + len(jl), uid("boot", 32), us % 99991, us, uid(str(us), 16)),
                         "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(us - 1783000000000000),
                         "_BOOT_ID": uid("boot", 32), "PRIORITY": str(prio), "_HOSTNAME": "ban-svc-1", "SYSLOG_FACILITY": "3",
                         "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_SYSTEMD_UNIT": unit, "MESSAGE": msg, "_TRANSPORT": "stdout"})))
for c in CRON:
    J(add(c, seconds=-3), "systemd", 6, "Starting appeals-digest.service - Mail the daily ban-appeals digest...", unit="init.scope", pid=1)
    J(c, "appeals-digest", 3, "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')", unit="appeals-digest.service", pid=rng.randint(30000, 60000))
    J(add(c, seconds=1), "systemd", 4, "appeals-digest.service: Main process exited, code=exited, status=1/FAILURE", unit="init.scope", pid=1)
    J(add(c, seconds=1), "systemd", 4, "appeals-digest.service: Failed with result 'exit-code'.", unit="init.scope", pid=1)
strikes = [t for t in kicks if t >= FIRST_BAN and t < PARTIAL and rng.random() < 0.35]
for t in [FIRST_BAN] + strikes:
    J(add(t, seconds=2) if t != FIRST_BAN else t, "ban-svc", 5, "auto-ban issued player=%s rule=three_strikes_24h detection=AC-4471-17 duration=14d" % players())
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    J(t, "ban-svc", 5, "auto-ban issued player=%s rule=three_strikes_24h detection=%s duration=14d" % (players(), rng.choice(["AC-3310-02", "AC-4102-11"])))
J(PARTIAL, "ban-svc", 4, "auto-enforcement PAUSED by marc.gagnon reason='INC-2290 false positives AC-4471-17'")
for t in poisson_times(rng, PARTIAL, MITIGATED, 0.08):
    J(t, "ban-svc", 6, "strike recorded, enforcement paused, ban deferred player=%s detection=AC-4471-17" % players())
NB = 1 + len(strikes)
J(UNBAN0, "ban-svc", 5, "bulk revert started job=revert-ac-4471-17 filter='detection=AC-4471-17 since=2026-07-16T19:00Z' candidates=%d" % NB)
for t in frange(add(UNBAN0, minutes=4), add(UNBAN1, seconds=-1), 240):
    J(t, "ban-svc", 6, "bulk revert progress job=revert-ac-4471-17 done=%d/%d" % (min(NB - 1, int(NB * (t - UNBAN0).total_seconds() / (UNBAN1 - UNBAN0).total_seconds())), NB))
J(UNBAN1, "ban-svc", 5, "bulk revert finished job=revert-ac-4471-17 reverted=%d strikes_cleared=%d" % (NB, len(kicks)))
J(RESUME, "ban-svc", 5, "auto-enforcement RESUMED by marc.gagnon")
for t in poisson_times(rng, W0, W1, 1 / 150.0):
    J(t, "ban-svc", 4, "appeal webhook to support desk returned 429, will retry")
inc.lines("ban-svc-1.json", [l for _, l in sorted(jl, key=lambda x: x[0])])

# ---- DiscordChatExporter JSON of #bug-reports
msgs = []
def M(t, name, content, bot=False, roles=()):
    mid = str(1262000000000000000 + int(epoch(t) * 1000) * 4 + len(msgs))
    msgs.append({"id": mid, "type": "Default", "timestamp": t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+00:00" % (t.microsecond // 1000),
                 "timestampEdited": None, "callEndedTimestamp": None, "isPinned": False, "content": content,
                 "author": {"id": str(400000000000000000 + int(uid(name, 8), 16)), "name": name.lower(), "discriminator": "0000",
                            "nickname": name, "color": "#E67E22" if roles else None, "isBot": bot,
                            "roles": [{"id": "1101", "name": r, "color": "#E67E22", "position": 9} for r in roles],
                            "avatarUrl": "https://cdn.discordapp.com/embed/avatars/%d.png" % (len(name) % 5)},
                 "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": [], "inlineEmojis": []})
M(T(D + "18:41:05"), "Brakk", "cinderport B site still has the invisible wall next to the crates")
M(T(D + "18:55:40"), "shroomy", "voice chat cuts out for a second every few minutes, eu")
M(FIRST_DISCORD, "Kestrel", "just got kicked mid round 'Anti-cheat violation: untrusted module'?? i dont cheat wtf")
REP = ["kicked by anticheat AGAIN, third time, 2 rounds from winning", "same 'untrusted module' kick, nvidia drivers updated yesterday if that matters",
       "me and my duo both kicked at the same time, both on the new driver", "BANNED for 14 days??? I have 2000 hours on this game",
       "is anyone else getting kicked by anti-cheat? whole lobby lost 3 people", "got 'account suspended' after 3 kicks tonight, this is insane",
       "turning off the GPU overlay seems to stop it for me", "still happening us-east"]
for t in poisson_times(rng, add(FIRST_DISCORD, seconds=20), add(MITIGATED, minutes=3), 1 / 40.0):
    M(t, rng.choice(["nyx", "DrPepperoni", "Vail", "OKAYbro", "Tessa", "lumo", "zed", "Kestrel"]) + str(rng.randint(1, 99)), rng.choice(REP))
M(T(D + "19:24:10"), "Jess | Ashfall CM", "We're seeing the reports of anti-cheat kicks and bans and have escalated to the team. Please keep reports in this channel.", roles=("Community Team",))
M(T(D + "20:12:00"), "Tessa7", "havent been kicked in 10 min, fixed?")
M(COMMS, "Jess | Ashfall CM", "Update: the kicks were a false detection in an anti-cheat update and stopped at 20:00 UTC. All bans issued for it since 19:00 UTC have been reversed. Sorry about your matches - a compensation pack is coming.", roles=("Community Team",))
msgs.sort(key=lambda m: m["timestamp"])
inc.json("ashfall-bug-reports.json", {
    "guild": {"id": "1098765432101234567", "name": "Ashfall Arena", "iconUrl": "https://cdn.discordapp.com/icons/1098765432101234567/a1.png"},
    "channel": {"id": "1098765432109876543", "type": "GuildTextChat", "categoryId": "1098765432100000001", "category": "SUPPORT",
                "name": "bug-reports", "topic": "Report bugs here. Include region and platform."},
    "dateRange": {"after": "2026-07-16T18:30:00+00:00", "before": "2026-07-16T22:00:00+00:00"},
    "exportedAt": "2026-07-17T08:12:44.512+00:00", "messages": msgs, "messageCount": len(msgs)})

# ---- Alertmanager API snapshot (amtool / GET /api/v2/alerts) taken at 19:52
al = [amtool_alert("MatchAbandonRateHigh", {"severity": "warning", "team": "gameplay-services", "service": "gs-fleet"},
                   "match abandon rate 9.4% (baseline 1.5%)", WARN, add(SNAP, seconds=-20), receivers=("slack-gameplay",),
                   desc="players leaving or removed mid-match across eu-west and us-east"),
      amtool_alert("AntiCheatKickRateHigh", {"severity": "warning", "team": "gameplay-services", "service": "sentinel-bridge"},
                   "anti-cheat kicks 24/min (baseline 0.3/min)", add(WARN, seconds=95), add(SNAP, seconds=-20), receivers=("slack-gameplay",)),
      amtool_alert("CdnOriginLatencyHigh", {"severity": "warning", "team": "web", "service": "patch-origin"},
                   "patch-origin p95 > 1.2s", T(D + "19:40:10"), add(SNAP, seconds=-20), receivers=("slack-web",)),
      amtool_alert("KafkaConsumerLagHigh", {"severity": "warning", "team": "telemetry", "consumergroup": "match-events-loader"},
                   "match-events-loader lag > 200k", T(D + "17:02:00"), add(SNAP, seconds=-20), receivers=("slack-telemetry",),
                   state="suppressed", silenced_by=("b1d2f7c0-5e2a-4c61-9f4e-1a2b3c4d5e6f",)),
      amtool_alert("Watchdog", {"severity": "none"}, "Alerting pipeline is functional", T("2026-07-09 11:00:00"), add(SNAP, seconds=-20),
                   receivers=("null",))]
inc.json("snapshot-1952.json", al)

# ---- PagerDuty log entries (manual web trigger by support lead)
pd = PD(2290, "Players kicked and banned by anti-cheat (Discord/support reports)", "ashfall-game-services", "PASH001")
priya = PD.user("Priya Nair", "PPRIYA1")
marc = PD.user("Marc Gagnon", "PMARCG1")
pd.add(PAGE, "trigger_log_entry", priya, {"type": "web_trigger", "summary": "Players kicked and banned by anti-cheat (Discord/support reports)",
                                           "details": "200+ Discord reports, 60 tickets in 15 min"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Marc Gagnon by push notification.", user=marc)
pd.add(ACK, "acknowledge_log_entry", marc, {"type": "mobile"}, "Acknowledged by Marc Gagnon.")
pd.add(add(VENDOR_TICKET, seconds=20), "annotate_log_entry", marc, {"type": "web_ui", "summary": "Sentinel ticket SAC-88412 (S1)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", marc, {"type": "web_ui"}, "Resolved by Marc Gagnon.")
other = PD(2288, "gs-fleet us-east allocation latency high", "ashfall-game-services", "PASH001")
other.add(T(D + "18:36:40"), "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "18:38:02"), "acknowledge_log_entry", marc, {"type": "mobile"}, "Acknowledged by Marc Gagnon.")
other.add(T(D + "18:44:30"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("oncall-2290.json", ex)

# ---- Argo CD Application status.history (two apps), filed as deploys
def app(name, hist):
    return {"metadata": {"name": name, "namespace": "argocd"},
            "spec": {"source": {"repoURL": "https://git.ashfall.internal/platform/gitops.git", "path": "apps/" + name}},
            "status": {"history": [{"id": i + 1 + 40, "revision": rev, "deployStartedAt": iso(add(t, seconds=-20)), "deployedAt": iso(t),
                                    "source": {"repoURL": "https://git.ashfall.internal/platform/gitops.git", "path": "apps/" + name, "targetRevision": "main"},
                                    "initiatedBy": {"username": who} if who else {"automated": True}}
                                   for i, (t, rev, who) in enumerate(hist)]}}
inc.json("gitops-history.json", {"items": [
    app("gs-fleet-prod", [(T("2026-07-14 13:40:02"), hexid(rng, 40), None), (GS_ROLLOUT, hexid(rng, 40), None)]),
    app("matchmaker-prod", [(T("2026-07-15 16:20:44"), hexid(rng, 40), "lea.moreau"), (OTHER_DEPLOY, hexid(rng, 40), "lea.moreau")]),
    app("ban-svc-prod", [(T("2026-07-02 10:11:09"), hexid(rng, 40), None)])]})

# ---- Slack export
s = Slack()
for u, n, r in [("U3MARC", "marc", "Marc Gagnon"), ("U3PRI", "priya.n", "Priya Nair"), ("U3JESS", "jess", "Jess Tremblay"),
                ("U3LEA", "lea", "Lea Moreau"), ("U3OMAR", "omar", "Omar Haddad")]:
    s.user(u, n, r, "America/Toronto")
for cid, n, p in [("C3COM", "community", "community team"), ("C3INC", "inc-2290-anticheat", "anti-cheat kicks"),
                  ("C3GP", "gameplay-alerts", "alerts"), ("C3REL", "releases", "")]:
    s.channel(cid, n, p)
s.bot("gameplay-alerts", add(WARN, seconds=15), "B3AM", "alertmanager",
      attachments=am_slack_attachment("firing", "MatchAbandonRateHigh", "match abandon rate 9.4% (baseline 1.5%)", color="warning"))
s.bot("gameplay-alerts", T(D + "20:06:15"), "B3AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "MatchAbandonRateHigh", "match abandon rate back to baseline"))
s.bot("releases", GS_ROLLOUT, "B3ARGO", "argocd", blocks=pd_slack_blocks("*gs-fleet-prod* synced: Fleet ashfall-gs image `7.2.1` (auto-sync)"))
s.bot("releases", OTHER_DEPLOY, "B3ARGO", "argocd", blocks=pd_slack_blocks("*matchmaker-prod* synced by lea.moreau (`mm 5.8.0`, party MMR spread)"))
s.say("community", COMMUNITY, "U3JESS", "tons of reports in #bug-reports since ~19:05 of people kicked mid-match with 'Anti-cheat violation: untrusted module', and now some are getting 14-day bans. ~60 tickets in the desk too")
s.say("community", add(COMMUNITY, seconds=150), "U3PRI", "paging game services")
ch = "inc-2290-anticheat"
s.say(ch, add(ACK, seconds=40), "U3MARC", "acked. sentinel-bridge shows a wall of KICKs, all detection AC-4471-17")
s.say(ch, WRONG, "U3OMAR", "could this be the DDoS protection? 2288 earlier was us-east allocation latency, maybe players are timing out")
s.say(ch, add(WRONG, seconds=60), "U3MARC", "no, these are explicit anti-cheat removals, not timeouts")
s.say(ch, ROLLBACK_Q, "U3OMAR", "should we roll back gs 7.2.1 from this afternoon?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U3MARC", "7.2.1 has been out since 14:05 without a single one of these")
s.say(ch, DIAG, "U3MARC", "every kick cites UNTRUSTED_MODULE gfxovl64.dll 31.0.15.4601 (the GPU driver's overlay from this week's driver), detection AC-4471-17 from signature set 4471 that Sentinel pushed at 19:02. false positive. and 3 kicks in 24h = auto-ban, so bans are piling up")
s.say(ch, add(DIAG, seconds=90), "U3MARC", "pausing auto-enforcement on ban-svc first")
s.say(ch, add(PARTIAL, seconds=30), "U3MARC", "auto-bans paused. kicks still going though")
s.say(ch, add(VENDOR_TICKET, seconds=40), "U3MARC", "S1 ticket with Sentinel SAC-88412")
s.say(ch, T(D + "19:55:00"), "U3MARC", "setting AC-4471-17 to report-only (LOG) on our tenant through their policy API")
s.say(ch, add(MITIGATED, seconds=60), "U3MARC", "policy applied, last kick 19:59:05, detections now logged only")
s.say(ch, add(UNBAN0, seconds=30), "U3MARC", "bulk revert of AC-4471-17 bans running, %d accounts" % NB)
s.say(ch, add(UNBAN1, seconds=40), "U3MARC", "all %d reverted, strikes cleared" % NB)
s.say(ch, add(VENDOR_PULL, seconds=80), "U3MARC", "Sentinel withdrew the detection in sigset 4472")
s.say(ch, add(RESUME, seconds=30), "U3MARC", "auto-enforcement resumed")
s.say(ch, add(RESOLVED, seconds=-30), "U3MARC", "resolving 2290")
s.write(inc, "slack-ashfall")

inc.truth(
    "ashfall-anticheat-false-positive", "anticheat-vendor-signature-false-positive-kicks-and-autobans",
    """The anti-cheat vendor's signature set 4471 flagged a GPU driver's overlay module; players were kicked mid-match and the
3-strike rule auto-banned them; reported on Discord and paged by hand; pausing bans helped only partly, a report-only policy ended the kicks.""",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(SIG, "change", "Sentinel signature set 4470 -> 4471 published (vendor)", "sentinel-bridge.log", 60),
     (STARTED, "first_symptom", "first KICK AC-4471-17 UNTRUSTED_MODULE(gfxovl64.dll)", "sentinel-bridge.log", 60),
     (PAGE, "paged", "PagerDuty #2290 triggered by hand from the website (support lead)", "oncall-2290.json", 60),
     (ACK, "acknowledged", "Marc Gagnon acknowledges", "oncall-2290.json", 60),
     (WARN, "alert_fired", "MatchAbandonRateHigh (warning) firing, after the page", "snapshot-1952.json", 60),
     (DIAG, "diagnosis", "Marc: false positive AC-4471-17 on gfxovl64.dll from sigset 4471; 3-strike auto-bans", "slack-ashfall", 90),
     (PARTIAL, "mitigation", "ban-svc auto-enforcement paused (bans stop, kicks continue)", "ban-svc-1.json", 60),
     (FIX, "mitigation", "AC-4471-17 policy KICK -> LOG (report-only)", "sentinel-bridge.log", 60),
     (MITIGATED, "recovery", "last false-positive kick", "gs-fleet.log", 60),
     (UNBAN1, "mitigation", "bulk revert of the AC-4471-17 bans finished", "ban-svc-1.json", 90),
     (COMMS, "communication", "Discord update: false detection, bans reversed", "ashfall-bug-reports.json", 90),
     (RESOLVED, "resolved", "PagerDuty #2290 resolved", "oncall-2290.json", 60)],
    [(CRON[-1], "appeals-digest.service fails daily at 20:00 (SMTP auth, also Jul 13-15)", "ban-svc-1.json"),
     (T(D + "18:36:40"), "unrelated PagerDuty #2288 us-east allocation latency", "oncall-2290.json"),
     (T(D + "19:40:10"), "CdnOriginLatencyHigh (web team)", "snapshot-1952.json"),
     (T(D + "17:02:00"), "KafkaConsumerLagHigh (telemetry, silenced)", "snapshot-1952.json"),
     (GS_ROLLOUT, "game-server fleet 7.2.1 rollout in the afternoon (not the cause)", "gitops-history.json"),
     (OTHER_DEPLOY, "matchmaker 5.8.0 deploy by matchmaking team", "gitops-history.json"),
     (WRONG, "wrong hunch: DDoS protection / timeouts", "slack-ashfall"),
     (ROLLBACK_Q, "'should we roll back gs 7.2.1?' question", "slack-ashfall"),
     (VENDOR_PULL, "vendor withdraws the detection in sigset 4472 (after mitigation)", "sentinel-bridge.log"),
     (T(D + "20:00:00"), "steady genuine cheat kicks (SPEEDHACK/MEMORY_INTEGRITY) and their bans, net timeouts, appeal-webhook 429s", "sentinel-bridge.log")],
    [("sentinel-bridge.log", "logs", VTZ), ("gs-fleet.log", "logs"), ("ban-svc-1.json", "logs"),
     ("ashfall-bug-reports.json", "logs"), ("snapshot-1952.json", "alertmanager-api-alerts"),
     ("oncall-2290.json", "pagerduty-log-entries"), ("gitops-history.json", "deploys"), ("slack-ashfall", "slack-export")])
