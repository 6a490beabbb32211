"""What an SRE drops into the evidence folder besides logs (#20): mail, status pages, event
exports, tickets, other chats, audit trails; and a client's analytics beacon, which is
telemetry, not change records. Each sample is shaped after the tool's public documentation
(cited per sample); `pm-tui collect ID --evidence DIR` reads each one and names any file it
could not read."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence_folder import scan_evidence
from pm_tui.collectors.evidence_store import load_evidence
from tests.evidence_folders import repo_with_postmortem

START = datetime(2026, 10, 6, 13, 0, tzinfo=UTC)
END = datetime(2026, 10, 6, 18, 0, tzinfo=UTC)

# RFC 4155 mbox, two mails as a carrier's NOC and a customer's network team write them
MBOX = """From noc@northline.example Tue Oct 06 13:12:30 2026
From: Northline NOC <noc@northline.example>
To: NetOps <netops@example.com>
Subject: [NL-PW-20431] Planned Works: NL-LON-39920 - 14/10/2026 00:00-06:00 BST
Date: Tue, 06 Oct 2026 14:12:30 +0100
Message-ID: <pw20431@northline.example>
Content-Type: text/plain; charset=utf-8

Dear Customer,

Planned works affecting circuit NL-LON-39920 are scheduled for 14/10/2026.
Expected impact: up to 2 x 30 minutes loss of service.

From noc@northline.example Tue Oct 06 14:55:41 2026
From: Northline NOC <noc@northline.example>
To: NetOps <netops@example.com>
Subject: [NL-INC-0558213] Fault: NL-LON-44871 - Service affecting - Investigating
Date: Tue, 06 Oct 2026 15:55:41 +0100
Message-ID: <inc0558213-1@northline.example>
Content-Type: text/plain; charset=utf-8

Dear Customer,

Our monitoring confirms loss of signal on the span Park Royal - Hayes since 14:47 BST.
A field engineer is being dispatched.

> quoted text of the customer's mail
"""

# one message saved from a mail client (RFC 5322), HTML only
EML = """From: "Vendor Support" <support@cdn.example>
To: ops@example.com
Subject: Re: Case 88123 - 503s from FRA POP
Date: Tue, 6 Oct 2026 16:05:00 +0000
Message-ID: <case88123-3@cdn.example>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<p>Hello,</p><p>Our engineers drained the FRA POP at 15:58 UTC; 503s should be gone.</p>
"""

# Statuspage's API /api/v2/incidents.json (developer.statuspage.io, "Incidents")
STATUSPAGE = {
    "page": {"id": "y2j98763l56q", "name": "Example CDN", "url": "https://status.cdn.example"},
    "incidents": [{
        "id": "cp306tmzcl0y", "name": "Elevated 503s in Frankfurt", "status": "resolved",
        "impact": "major", "created_at": "2026-10-06T14:05:11.000Z",
        "incident_updates": [
            {"id": "u2", "status": "resolved", "body": "This incident has been resolved.",
             "created_at": "2026-10-06T16:40:01.000Z", "display_at": "2026-10-06T16:40:01.000Z"},
            {"id": "u1", "status": "investigating",
             "body": "We are investigating elevated 503 errors in Frankfurt.",
             "created_at": "2026-10-06T14:05:11.000Z", "display_at": "2026-10-06T14:05:11.000Z"},
        ],
    }],
}  # fmt: skip

# a status page's history feed (Statuspage's /history.atom): one entry per incident
ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">
  <id>tag:status.cdn.example,2005:/history</id>
  <title>Example CDN Status - Incident History</title>
  <updated>2026-10-06T16:40:01Z</updated>
  <entry>
    <id>tag:status.cdn.example,2005:Incident/1</id>
    <published>2026-10-06T14:05:11Z</published>
    <updated>2026-10-06T16:40:01Z</updated>
    <title>Elevated 503s in Frankfurt</title>
    <content type="html">&lt;p&gt;&lt;small&gt;Oct 6, 16:40 UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - This incident has been resolved.&lt;/p&gt;</content>
  </entry>
</feed>
"""

# Windows Event Viewer's "Save as XML" / `wevtutil qe System /f:xml` (the event schema on
# learn.microsoft.com: System/Provider, EventID, Level, TimeCreated@SystemTime, Computer)
WINDOWS = """<Events>
<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Service Control Manager'/><EventID Qualifiers='49152'>7031</EventID><Level>2</Level><TimeCreated SystemTime='2026-10-06T14:08:51.1234567Z'/><Channel>System</Channel><Computer>FS01.corp.example.com</Computer></System><EventData><Data Name='param1'>Print Spooler</Data></EventData><RenderingInfo Culture='en-US'><Message>The Print Spooler service terminated unexpectedly.</Message></RenderingInfo></Event>
<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='disk'/><EventID>7</EventID><Level>3</Level><TimeCreated SystemTime='2026-10-06T14:09:03.0000000Z'/><Channel>System</Channel><Computer>FS01.corp.example.com</Computer></System><EventData><Data>The device, \\Device\\Harddisk1\\DR1, has a bad block.</Data></EventData></Event>
</Events>
"""

# Sentry's API "List a Project's Error Events" (docs.sentry.io/api/events/)
SENTRY = [
    {"id": "dfb1a2d057194e76a4186cc8a5271553", "eventID": "dfb1a2d057194e76a4186cc8a5271553",
     "groupID": "1341191803", "title": "ConnectionError: timeout reading from minio-lon2",
     "culprit": "app.storage in get_object", "dateCreated": "2026-10-06T14:08:51Z",
     "tags": [{"key": "environment", "value": "production"}, {"key": "level", "value": "error"}],
     "platform": "python"},
]  # fmt: skip

# Datadog's events API v1 (docs.datadoghq.com/api/latest/events/): date_happened, alert_type
DATADOG = {"events": [
    {"id": 7023453829, "date_happened": 1791295731, "alert_type": "error",
     "title": "[Triggered] Docs API 5xx rate", "text": "%%% \nDocs API 5xx above 5%\n %%%",
     "host": "web-01", "tags": ["service:docs-api"], "source_type_name": "MONITOR_ALERT"},
]}  # fmt: skip

# Jira's "Export Excel CSV (all fields)" (support.atlassian.com): Created as 06/Oct/26 3:31 PM
JIRA = (
    "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,Updated\n"
    '"Customers cannot download documents",SUP-4410,10231,Incident,Resolved,Highest,'
    "Priya Shah,Ana Lopes,06/Oct/26 3:31 PM,06/Oct/26 5:41 PM\n"
)

# DiscordChatExporter's JSON (github.com/Tyrrrz/DiscordChatExporter)
DISCORD = {
    "guild": {"id": "1", "name": "Ops"},
    "channel": {"id": "2", "type": "GuildTextChat", "name": "inc-4410"},
    "messages": [
        {"id": "10", "type": "Default", "timestamp": "2026-10-06T14:44:30.12+00:00",
         "content": "Po10 is on one member since Eth1/49 lost light, Eth1/50 at 100%",
         "author": {"id": "6", "name": "tom", "nickname": "Tom", "isBot": False}},
        {"id": "11", "type": "Default", "timestamp": "2026-10-06T14:45:00.00+00:00",
         "content": "", "embeds": [{"title": "[FIRING:1] DocsDownloadTimeouts"}],
         "author": {"id": "7", "name": "Alertmanager", "isBot": True}},
    ],
}  # fmt: skip

# Microsoft Graph "List channel messages" (learn.microsoft.com/graph/api/channel-list-messages)
TEAMS = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#teams('x')/channels('y')/messages",
         "value": [{"id": "1616990032035", "messageType": "message",
                    "createdDateTime": "2026-10-06T14:58:10.12Z", "deletedDateTime": None,
                    "from": {"application": None, "user": {"id": "8e", "displayName": "Priya Shah"}},
                    "body": {"contentType": "html", "content": "<p>cancelled the Veeam backup copy</p>"}}]}  # fmt: skip

# Mattermost's bulk export (docs.mattermost.com, "Bulk loading data"): JSON lines
MATTERMOST = [
    {"type": "version", "version": 1},
    {"type": "post", "post": {"team": "ops", "channel": "incidents", "user": "priya",
                              "message": "ack, looking at the DCI link", "create_at": 1791297365000}},
]  # fmt: skip


# a client-side analytics beacon (a video player's events): a time, an `event`, the app's
# version; thousands of sessions, the same few event types
def _beacon() -> bytes:
    lines = []
    t = START
    for i in range(400):
        t += timedelta(seconds=20)
        kind = ("heartbeat", "start", "error")[i % 3]
        rec = {"received_at": t.isoformat().replace("+00:00", "Z"), "event": kind,
               "session_id": f"{i:016x}", "platform": "web", "app_version": "web-5.18.0",
               "content_id": "live-final", "cdn": "akamai"}  # fmt: skip
        if kind == "error":
            late = t >= START + timedelta(hours=1)
            rec["fatal"] = late
            rec["error"] = (
                {"code": 6007, "message": "CKC request failed: HTTP 429"}
                if late
                else {"code": 3016, "message": "VIDEO_ERROR"}
            )
        lines.append(json.dumps(rec))
    return gzip.compress(("\n".join(lines) + "\n").encode())


@pytest.fixture()
def folder(tmp_path):
    ev = tmp_path / "evidence"
    (ev / "mail" / "cur").mkdir(parents=True)
    (ev / "mail" / "noc.mbox").write_text(MBOX)
    (ev / "mail" / "cur" / "1791295500.M1P1.host:2,S").write_text(EML)  # a Maildir's message
    (ev / "statuspage.json").write_text(json.dumps(STATUSPAGE))
    (ev / "history.atom").write_text(ATOM)
    (ev / "fs01-system.xml").write_text(WINDOWS)
    (ev / "sentry.json").write_text(json.dumps(SENTRY))
    (ev / "datadog.json").write_text(json.dumps(DATADOG))
    (ev / "jira.csv").write_text(JIRA)
    (ev / "discord.json").write_text(json.dumps(DISCORD))
    (ev / "teams.json").write_text(json.dumps(TEAMS))
    (ev / "mattermost.jsonl").write_text("".join(json.dumps(x) + "\n" for x in MATTERMOST))
    (ev / "pulse.ndjson.gz").write_bytes(_beacon())
    (ev / "notes.bin").write_bytes(b"\x00\x01binary")
    (ev / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (ev / ".bash_history").write_text("kubectl -n docs rollout restart deploy/docs-api\n")
    return ev


KINDS = {
    "mail/noc.mbox": "logs",
    "mail/cur/1791295500.M1P1.host:2,S": "logs",
    "statuspage.json": "logs",
    "history.atom": "logs",
    "fs01-system.xml": "logs",
    "sentry.json": "logs",
    "datadog.json": "logs",
    "jira.csv": "logs",
    "discord.json": "chat-export",
    "teams.json": "chat-export",
    "mattermost.jsonl": "chat-export",
    "pulse.ndjson.gz": "logs",
}


def test_each_export_is_read_by_what_it_is(folder):
    plan = scan_evidence([folder])
    kinds = {f.name.removeprefix("evidence/"): f.kind for f in plan.files}
    assert {k: kinds.get(k) for k in KINDS} == KINDS
    reasons = {f.name.removeprefix("evidence/"): f.reason for f in plan.files}
    assert "mail archive (mbox, 2 messages)" in reasons["mail/noc.mbox"]
    assert "Discord export" in reasons["discord.json"]
    # a beacon's version field does not make its events change records
    assert "change" not in reasons["pulse.ndjson.gz"]
    assert [f.name.removeprefix("evidence/") for f in plan.unread()] == ["notes.bin"]


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    return repo_with_postmortem(tmp_path, monkeypatch, "Docs downloads time out", START, END)


def test_collect_reads_every_export_as_rows_and_names_the_unread_file(folder, repo, capsys):
    from pm_tui.cli.main import main

    r, pm = repo
    code = main(["--repo", str(r.root), "collect", pm.id, "--evidence", str(folder)])
    out, _ = capsys.readouterr()
    assert code == 3, out  # collected, one file left unread, and said so
    assert "1 of 13 sources not read" in out
    assert f"{folder / 'notes.bin'}: binary file" in out
    # what is left out on purpose is named too, with why and how to have it read
    assert "2 evidence files left out on purpose:" in out
    assert (
        "  evidence/.bash_history: hidden (its name starts with a dot): left out; give its kind"
        in out
    )
    assert "  evidence/.DS_Store: the operating system's own file: left out" in out
    evidence = load_evidence(r.evidence_dir(pm.id) / "evidence.jsonl")
    by_file: dict[str, list] = {}
    for e in evidence:
        by_file.setdefault(e.source.rsplit("/", 1)[-1], []).append(e)

    # mail: each message a row at its Date, with its sender and subject; greeting and quotes out
    mails = by_file["noc.mbox"]
    assert [e.time for e in mails] == [START + timedelta(minutes=12, seconds=30),
                                       START + timedelta(hours=1, minutes=55, seconds=41)]  # fmt: skip
    assert mails[1].attrs["from"] == "Northline NOC"
    assert mails[1].text.startswith("[NL-INC-0558213] Fault: NL-LON-44871")
    assert "loss of signal on the span Park Royal" in mails[1].text
    assert "Dear Customer" not in mails[1].text and "quoted" not in mails[1].text
    (eml,) = by_file["1791295500.M1P1.host:2,S"]
    assert "drained the FRA POP" in eml.text and "<p>" not in eml.text

    # a status page: each update a row, oldest first
    updates = by_file["statuspage.json"]
    assert [e.text.split(" — ")[1].split(":")[0] for e in updates] == ["investigating", "resolved"]
    (entry,) = by_file["history.atom"]
    assert entry.text == (
        "Elevated 503s in Frankfurt — Oct 6, 16:40 UTC Resolved - This incident has been resolved."
    )

    # Windows events keep Windows' level: 2 is an error, 3 a warning
    win = by_file["fs01-system.xml"]
    assert [e.attrs.get("level") for e in win] == ["error", "warning"]
    assert "Print Spooler service terminated" in win[0].text

    assert "timeout reading from minio-lon2" in by_file["sentry.json"][0].text
    assert by_file["datadog.json"][0].attrs.get("level") == "error"
    (ticket,) = by_file["jira.csv"]
    assert ticket.time == START + timedelta(hours=2, minutes=31)
    assert ticket.text == "SUP-4410: Customers cannot download documents"

    # other chats are chat messages with their authors, as a Slack export's are
    discord = by_file["discord.json"]
    assert [e.kind for e in discord] == ["message", "message"]
    assert discord[0].attrs["actor"] == "Tom" and discord[1].attrs.get("bot") is True
    (teams,) = by_file["teams.json"]
    assert teams.text == "cancelled the Veeam backup copy" and teams.attrs["actor"] == "Priya Shah"
    assert by_file["mattermost.jsonl"][0].attrs["actor"] == "priya"

    # the beacon: log rows, its fatal errors errors with what failed, never changes
    beacon = by_file["pulse.ndjson.gz"]
    assert {e.kind for e in beacon} == {"log"}
    fatal = [e for e in beacon if e.attrs.get("level") == "error"]
    assert fatal and all("CKC request failed: HTTP 429 (6007)" in e.text for e in fatal)
    assert min(e.time for e in fatal) >= START + timedelta(hours=1)
    assert not [e for e in evidence if e.kind == "change" and "pulse" in e.source]


# Jira Cloud's REST search (developer.atlassian.com, "Search for issues using JQL"): issues[]
JIRA_SEARCH = {"startAt": 0, "maxResults": 50, "total": 1, "issues": [
    {"id": "10231", "key": "SUP-4410", "fields": {
        "summary": "Customers cannot download documents", "created": "2026-10-06T14:31:02.000+0000",
        "priority": {"name": "Highest"}, "status": {"name": "Resolved"}}}]}  # fmt: skip
# ServiceNow's Table API (`/api/now/table/incident`): result[]
SERVICENOW = {"result": [{"number": "INC0010023", "opened_at": "2026-10-06 14:31:02",
                          "short_description": "Document downloads time out", "priority": "1",
                          "state": "2", "sys_id": "a1"}]}  # fmt: skip
# Zendesk's Tickets API (developer.zendesk.com, "List Tickets", GET /api/v2/tickets): tickets[]
ZENDESK = {"tickets": [
    {"url": "https://example.zendesk.com/api/v2/tickets/35436.json", "id": 35436,
     "via": {"channel": "web"}, "created_at": "2026-10-06T14:31:02Z",
     "updated_at": "2026-10-06T15:02:11Z", "type": "incident",
     "subject": "Invoice PDF will not download", "priority": "urgent", "status": "open",
     "requester_id": 20978392, "tags": ["documents"]}], "next_page": None, "count": 1}  # fmt: skip
# a log search's CSV download (Datadog Log Explorer's "Download as CSV"): a time and a service
# column, but a message column: a log, not change records
LOG_SEARCH_CSV = (
    "Date,Host,Service,Status,Message\n"
    "2026-10-06T14:08:51.000Z,web-01,docs-api,error,upstream timeout reading minio-lon2\n"
    "2026-10-06T14:08:52.000Z,web-01,docs-api,info,GET /docs/4471.pdf 200\n"
)


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("jira.json", json.dumps(JIRA_SEARCH), "SUP-4410: Customers cannot download documents"),
        ("incidents.json", json.dumps(SERVICENOW), "INC0010023: Document downloads time out"),
        ("export.json", json.dumps(ZENDESK), "35436: Invoice PDF will not download"),
        ("logs-export.csv", LOG_SEARCH_CSV, "upstream timeout reading minio-lon2"),
    ],
)
def test_ticket_apis_and_a_log_search_export_are_rows_not_changes(tmp_path, name, content, said):
    from pm_tui.collectors.classify import classify
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs

    path = tmp_path / name
    path.write_text(content)
    assert classify(path).kind == "logs"
    got = collect_logs(path, CollectWindow(START, END)).evidence
    first = min(got, key=lambda e: e.time)
    assert said in first.text
    if name != "logs-export.csv":  # a ticket of the highest priority is an error row
        assert first.attrs.get("level") == "error" and first.time.hour == 14


def test_kubectl_logs_with_prefix_are_read_with_their_pods(tmp_path):
    """`kubectl logs -l app=emqx --prefix` (kubernetes.io, kubectl logs reference): each line
    led by `[pod/NAME/CONTAINER]`, then what the container wrote (here EMQX's JSON lines, epoch
    microseconds); `--timestamps` adds an RFC 3339 time after the prefix."""
    from pm_tui.collectors.classify import classify
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs

    t0 = int((START + timedelta(minutes=30)).timestamp() * 1_000_000)
    lines = [
        f'[pod/emqx-0/emqx] {{"time":{t0},"level":"info","msg":"client_disconnected",'
        '"clientid":"th2-1035484810","reason":"keepalive_timeout"}',
        f'[pod/emqx-2/emqx] {{"time":{t0 + 2_000_000},"level":"warning","msg":"publish_failed",'
        '"clientid":"th2-E5D85C5614","reason":"econnreset"}',
        "[pod/emqx-1/emqx] 2026-10-06T13:31:00.000000000Z listener tcp:default restarted",
    ] * 5
    path = tmp_path / "emqx-pods.log"
    path.write_text("\n".join(lines) + "\n")
    assert "kubectl-prefix" in classify(path).reason
    got = collect_logs(path, CollectWindow(START, END)).evidence
    assert len(got) == 15
    said = {e.text: (e.attrs["pod"], e.attrs.get("level")) for e in got}
    assert said["client_disconnected"] == ("emqx-0", "info")
    assert said["publish_failed"] == ("emqx-2", "warning")
    assert got[0].time == START + timedelta(minutes=30)
    assert any(
        e.text == "listener tcp:default restarted" and e.attrs["pod"] == "emqx-1" for e in got
    )


def test_call_records_without_a_header_are_rows_at_their_start(tmp_path):
    """Asterisk's cdr_csv `Master.csv` (docs.asterisk.org, "CDR CSV"): no header; accountcode,
    src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end,
    duration, billsec, disposition, amaflags, uniqueid, userfield; local time, no offset; a call
    written when it ends. Each call a row at its start, in the zone evidence.toml gives."""
    from pm_tui.collectors.classify import classify
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs
    from pm_tui.collectors.logs.timestamps import zone_named

    calls = [
        ("2160", "669949174", "15:32:10", "", "15:32:55", 45, 0, "NO ANSWER"),
        ("2170", "659327112", "15:31:07", "15:31:14", "15:35:20", 253, 246, "ANSWERED"),
        ("2139", "771728936", "15:32:54", "", "15:33:39", 45, 0, "NO ANSWER"),
    ]
    day = "2026-10-06"
    lines = [
        f'"","{src}","{dst}","from-agents","""Claims"" <910555100>","PJSIP/{src}-6a9e0cad",'
        f'"PJSIP/sbc-trunk-2afe3aad","Dial","PJSIP/sbc-trunk,60,tT","{day} {start}",'
        f'"{day + " " + answer if answer else ""}","{day} {end}",{dur},{bill},"{disp}",'
        f'"DOCUMENTATION","1769499130.2",""'
        for src, dst, start, answer, end, dur, bill, disp in calls
    ]
    path = tmp_path / "Master.csv"
    path.write_text("\n".join(lines) + "\n")
    assert "time in column 10" in classify(path).reason
    got = collect_logs(path, CollectWindow(START, END), tz=zone_named("Europe/Madrid")).evidence
    assert [e.time for e in got] == [
        START + timedelta(minutes=31, seconds=7),  # 15:31:07 in Madrid (CEST) is 13:31:07 UTC
        START + timedelta(minutes=32, seconds=10),
        START + timedelta(minutes=32, seconds=54),
    ]
    assert "NO ANSWER" in got[1].text and "2160 | 669949174 | from-agents" in got[1].text


# `aws cloudwatch describe-alarm-history` (AWS CLI reference): alarm transitions, never changes
ALARMS = {"AlarmHistoryItems": [
    {"AlarmName": "docs-api-5xx", "AlarmType": "MetricAlarm", "Timestamp": "2026-10-06T14:09:12.345Z",
     "HistoryItemType": "StateUpdate", "HistorySummary": "Alarm updated from OK to ALARM"},
    {"AlarmName": "docs-api-5xx", "AlarmType": "MetricAlarm", "Timestamp": "2026-10-06T15:22:01.000Z",
     "HistoryItemType": "StateUpdate", "HistorySummary": "Alarm updated from ALARM to OK"},
]}  # fmt: skip
# `aws health describe-events` (AWS Health API reference): a provider's issue, its start and end
HEALTH = {"events": [
    {"arn": "arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/ABC", "service": "EC2",
     "eventTypeCode": "AWS_EC2_OPERATIONAL_ISSUE", "eventTypeCategory": "issue", "region": "eu-west-1",
     "availabilityZone": "euw1-az2", "startTime": "2026-10-06T14:02:00+00:00",
     "endTime": "2026-10-06T16:40:00+00:00", "statusCode": "closed"},
]}  # fmt: skip


def test_a_providers_alarm_history_and_health_events_are_rows_not_changes(tmp_path):
    from pm_tui.collectors.classify import classify
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs

    alarms = tmp_path / "alarm-history.json"
    alarms.write_text(json.dumps(ALARMS))
    health = tmp_path / "health.json"
    health.write_text(json.dumps(HEALTH))
    assert classify(alarms).kind == "logs" and classify(health).kind == "logs"
    rows = collect_logs(alarms, CollectWindow(START, END)).evidence
    assert [(e.attrs.get("level"), e.text) for e in rows] == [
        ("error", "docs-api-5xx: Alarm updated from OK to ALARM"),
        ("info", "docs-api-5xx: Alarm updated from ALARM to OK"),
    ]
    rows = collect_logs(health, CollectWindow(START, END)).evidence
    assert [e.text for e in rows] == [
        "AWS Health: EC2 AWS_EC2_OPERATIONAL_ISSUE (eu-west-1, euw1-az2) began",
        "AWS Health: EC2 AWS_EC2_OPERATIONAL_ISSUE (eu-west-1, euw1-az2) ended",
    ]
    assert rows[0].time == START + timedelta(hours=1, minutes=2)
