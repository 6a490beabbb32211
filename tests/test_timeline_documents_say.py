"""What a mail or a vendor's status update SAYS becomes an event of the story (#20).

heldout16 (spent) read its mail archives and status feeds, yet nothing they said became a key
event: a partner's mail announcing the certificate it rotated, a customer's IT writing that
they reverted their proxy policy, a carrier's "service restored at 18:29 BST". The shapes here
are written from those classes (a B2B partner, a customer's IT, a carrier, a SaaS vendor), not
copied from the set. Each becomes a candidate at the time the mail states (in the writer's
zone), or when it was sent, below HIGH_CONFIDENCE: for the person to judge."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pm_tui.timeline import load_candidates
from pm_tui.timeline.accept import HIGH_CONFIDENCE
from tests.timeline_clock import at
from tests.timeline_proposal import page_log, rebuilt, service_log


def _mail(sender: str, date: str, subject: str, body: str) -> str:
    return (
        f"From {sender.split('<')[-1].rstrip('>')} Sun Mar 01 00:00:00 2026\n"
        f"From: {sender}\nTo: integrations@example.com\nSubject: {subject}\nDate: {date}\n"
        f"Message-ID: <{abs(hash(subject))}@example.net>\nContent-Type: text/plain; charset=utf-8\n\n"
        f"Hello team,\n\n{body}\n\nKind regards\n\n"
    )


def _folder(tmp_path: Path, mails: list[str]) -> Path:
    ev = tmp_path / "evidence"
    ev.mkdir()
    # the partner gateway rejects every message from 10:02 to 10:47
    service_log(ev, "as2-gateway.log", "as2-gateway", "message from ACME accepted",
                "message from ACME rejected: signature verification failed (unknown certificate)",
                [(at(10, 2), at(10, 47), timedelta(seconds=30))])  # fmt: skip
    page_log(ev, "P77", "as2-gateway rejects partner messages",
             [("trigger_log_entry", at(10, 14), "Ops"),
              ("acknowledge_log_entry", at(10, 16), "Ines Duarte"),
              ("resolve_log_entry", at(11, 20), "Ines Duarte")])  # fmt: skip
    (ev / "mail").mkdir()
    (ev / "mail" / "partners.mbox").write_text("".join(mails), encoding="utf-8")
    return ev


def _rows(tmp_path: Path, mails: list[str]):
    ev = _folder(tmp_path, mails)
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Partner messages rejected", at(9, 30), at(12, 0))
    return load_candidates(repo, pm_id)


def _of(rows, sender: str):
    return [r for r in rows if sender in r.text]


def test_a_partners_announced_rotation_is_a_change_when_it_takes_effect(tmp_path):
    # sent two days before, naming the time it takes effect (in the partner's zone, CET)
    mails = [
        _mail(
            "ACME EDI Team <edi@acme.example>",
            "Thu, 26 Feb 2026 15:10:00 +0100",
            "AS2 certificate rotation on 01/03/2026",
            "Our AS2 signing certificate will be rotated on 2026-03-01 at 11:00 CET. "
            "Please import the attached public certificate before then.",
        ),
    ]
    rows = _of(_rows(tmp_path, mails), "ACME EDI Team")
    assert [(r.kind, r.time) for r in rows] == [("change", at(10, 0))]
    assert "certificate will be rotated" in rows[0].text and "announced 2026-02-26" in rows[0].text


def test_a_partner_reverting_their_side_is_a_mitigation_at_the_time_they_state(tmp_path):
    mails = [
        _mail(
            "ACME EDI Team <edi@acme.example>",
            "Sun, 01 Mar 2026 11:52:10 +0100",
            "RE: messages rejected since 11:02",
            "Apologies, we rolled back to the previous certificate at 11:46 CET; "
            "your gateway should accept our messages again.",
        ),
        # a question about a change is no change, nor a fix
        _mail(
            "Ines Duarte <ines@example.com>",
            "Sun, 01 Mar 2026 11:20:00 +0100",
            "messages rejected since 11:02",
            "Did you change your signing certificate this morning? We reject every message.",
        ),
    ]
    rows = _rows(tmp_path, mails)
    acme = _of(rows, "ACME EDI Team")
    assert [(r.kind, r.time) for r in acme] == [("mitigation", at(10, 46))]
    assert acme[0].confidence < HIGH_CONFIDENCE
    assert not [r for r in _of(rows, "Ines Duarte") if r.kind in ("change", "mitigation")]


def test_a_carriers_restored_notice_is_a_recovery_at_the_stated_time(tmp_path):
    mails = [
        _mail(
            "Northline NOC <noc@northline.example>",
            "Sun, 01 Mar 2026 10:58:00 +0000",
            "[NL-INC-5512] Fault: circuit NL-LON-1 - Restored",
            "Splicing is complete and service on NL-LON-1 was restored at 10:47 UTC.",
        ),
        # planned works for another day: no event of this incident
        _mail(
            "Northline NOC <noc@northline.example>",
            "Sun, 01 Mar 2026 09:40:00 +0000",
            "[NL-PW-20431] Planned Works: NL-LON-9 - 14/03/2026 00:00-06:00 UTC",
            "Planned works affecting circuit NL-LON-9 are scheduled for 14/03/2026.",
        ),
    ]
    rows = _rows(tmp_path, mails)
    # the carrier's word joins the gateway's own recovery at the time it states, and cites it
    (back,) = [r for r in rows if r.kind == "recovery"]
    assert back.time == at(10, 47)
    assert any("Northline NOC" in link.excerpt or "restored at 10:47" in link.excerpt
               for link in back.evidence)  # fmt: skip
    assert not [r for r in rows if "Planned Works" in r.text]


def test_a_vendors_status_feed_says_its_fix_and_its_resolution(tmp_path):
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs
    from pm_tui.timeline.detect_events import document_signals

    # Statuspage's API (developer.statuspage.io): one incident's updates, newest first
    doc = {
        "page": {"id": "p1", "name": "Paylink"},
        "incidents": [{"name": "Elevated card authorisation errors", "impact": "major",
                       "incident_updates": [
            {"status": "resolved", "body": "This incident has been resolved.",
             "created_at": "2026-03-01T11:05:00Z"},
            {"status": "monitoring", "body": "A fix has been implemented and we are monitoring.",
             "created_at": "2026-03-01T10:48:00Z"},
            {"status": "identified", "body": "A faulty configuration change in our EU cluster.",
             "created_at": "2026-03-01T10:30:00Z"},
            {"status": "investigating", "body": "We are investigating elevated errors.",
             "created_at": "2026-03-01T10:12:00Z"}]}],
    }  # fmt: skip
    import json

    path = tmp_path / "paylink-status.json"
    path.write_text(json.dumps(doc))
    rows = collect_logs(path, CollectWindow(at(9, 30), at(12, 0))).evidence
    said = [(s.family, s.time) for s in document_signals(rows)]
    assert said == [
        ("diagnosis", at(10, 30)),
        ("mitigation", at(10, 48)),
        ("recovery", at(11, 5)),
    ]


def test_a_setting_changed_in_a_log_by_someone_is_a_change_then_a_mitigation():
    """A vendor's bridge logging its signature set moving on and a policy changed by a
    responder through the vendor's API; the same shape every hour in the baseline (a key
    rotated by cron) is routine, no one's change."""
    from pm_tui.collectors.evidence import CollectWindow, Evidence
    from pm_tui.timeline.reconstruct import reconstruct
    from tests.timeline_clock import every

    def line(t, text, level="info"):
        return Evidence(t, "logs:/ev/bridge.log", "log", text, {"level": level})

    ev = [line(t, f"HEARTBEAT | tenant=acme | sigset=4470 | agents={900 + t.minute}")
          for t in every(at(8, 0), at(11, 30), timedelta(minutes=5))]  # fmt: skip
    ev += [line(t, "KEYROLL | tenant=acme | hmac=k17->k18 | by=cron")
           for t in every(at(8, 10), at(11, 10), timedelta(hours=1))]  # fmt: skip
    ev += [
        line(
            at(10, 0, 14),
            "SIGUPDATE | tenant=acme | sigset=4470->4471 | published_by=vendor-release",
        )
    ]
    ev += [line(t, "KICK | player=p1 | detection=AC-4471-17 | reason=UNTRUSTED_MODULE", "error")
           for t in every(at(10, 2), at(10, 47), timedelta(seconds=20))]  # fmt: skip
    ev += [
        line(
            at(10, 46, 20),
            "POLICY | tenant=acme | detection=AC-4471-17 | action=KICK->LOG | changed_by=api:ines",
        )
    ]
    rows = reconstruct(sorted(ev, key=lambda e: e.time), CollectWindow(at(9, 30), at(11, 30)))
    said = [(r.kind, r.time) for r in rows if "changed" in r.text and " -> " in r.text]
    assert said == [("change", at(10, 0, 14)), ("mitigation", at(10, 46, 20))]
    assert not [r for r in rows if "hmac" in r.text and r.kind in ("change", "mitigation")]


def test_a_community_channels_export_is_context_not_the_responders(tmp_path):
    """DiscordChatExporter's JSON of a game's #bug-reports: players writing "kicked by anticheat
    AGAIN" or "turning off the overlay fixes it for me" are the affected, not responders
    acting; the community manager's update is what players were told."""
    import json

    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.slack import collect_chat_export
    from pm_tui.timeline.detect_events import chat_signals

    def msg(i, t, who, text):
        return {"id": str(i), "type": "Default", "timestamp": t.isoformat(), "content": text,
                "author": {"id": str(100 + i), "name": who, "nickname": who, "isBot": False}}  # fmt: skip

    doc = {"guild": {"id": "1", "name": "Ashfall Arena"},
           "channel": {"id": "2", "type": "GuildTextChat", "category": "SUPPORT", "name": "bug-reports"},
           "messages": [msg(1, at(10, 5), "OKAYbro14", "kicked by anticheat AGAIN, third time"),
                        msg(2, at(10, 7), "Vail39", "turning off the GPU overlay seems to stop it for me"),
                        msg(3, at(10, 9), "zed80", "restarted my PC and reinstalled drivers, still kicked"),
                        msg(4, at(11, 5), "Jess | CM", "Update: the kicks were a false detection and "
                            "stopped at 10:47 UTC. All bans issued for it have been reversed.")]}  # fmt: skip
    path = tmp_path / "bug-reports.json"
    path.write_text(json.dumps(doc))
    got = collect_chat_export(path, CollectWindow(at(9, 30), at(11, 30))).evidence
    assert {e.attrs["channel"] for e in got} == {"bug-reports"}
    assert all(e.attrs.get("context") and not e.attrs.get("incident_channel") for e in got)
    said = [(s.family, s.time) for s in chat_signals(got)]
    assert said == [("communication", at(11, 5))]


def test_a_page_resolved_before_the_first_symptom_is_another_incidents(tmp_path):
    from pm_tui.timeline.accept import HIGH_CONFIDENCE
    from tests.timeline_proposal import pagerduty_log, pd_entry

    ev = _folder(tmp_path, [])
    pagerduty_log(ev, [
        pd_entry("R1", "trigger_log_entry", at(9, 36), "P70", "as2-gateway allocation latency", "Ops"),
        pd_entry("R2", "acknowledge_log_entry", at(9, 38), "P70", "as2-gateway allocation latency", "Ines Duarte"),
        pd_entry("R3", "resolve_log_entry", at(9, 44), "P70", "as2-gateway allocation latency", "Ines Duarte"),
        pd_entry("R4", "trigger_log_entry", at(10, 14), "P77", "as2-gateway rejects partner messages", "Ops"),
        pd_entry("R5", "acknowledge_log_entry", at(10, 16), "P77", "as2-gateway rejects partner messages", "Ines Duarte"),
        pd_entry("R6", "resolve_log_entry", at(11, 20), "P77", "as2-gateway rejects partner messages", "Ines Duarte"),
    ])  # fmt: skip
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Partner messages rejected", at(9, 30), at(12, 0))
    pages = {r.time: r.confidence for r in load_candidates(repo, pm_id) if r.kind == "paged"}
    assert pages[at(10, 14)] >= HIGH_CONFIDENCE > pages[at(9, 36)]


def test_a_command_its_author_had_the_service_run_is_a_mitigation_during_the_impact():
    """Ceph's audit channel (docs.ceph.com, "Monitoring a cluster": `audit [INF] from=...
    entity='client.admin' cmd=[...]: dispatch`, then `finished`) and a media origin's "restart
    requested via REST API by <user>": what a responder had the service do; a look (`osd df`)
    changes nothing."""
    from pm_tui.collectors.evidence import CollectWindow, Evidence
    from pm_tui.timeline.reconstruct import reconstruct
    from tests.timeline_clock import every

    def line(t, src, text, level="info"):
        return Evidence(t, f"logs:/ev/{src}", "log", text, {"level": level})

    def audit(t, prefix, state):
        return line(t, "ceph.log", f"mon.a (mon.0) 18438 : audit [INF] from='client.? "
                    f"10.20.0.11:0/35509' entity='client.admin' cmd=[{{\"prefix\": \"{prefix}\", "
                    f"\"ratio\": 0.97}}]: {state}")  # fmt: skip

    ev = [line(t, "ceph.log", "cluster [INF] pgmap v1: 4096 pgs: 4096 active+clean")
          for t in every(at(8, 0), at(11, 30), timedelta(minutes=1))]  # fmt: skip
    ev += [line(t, "gateway.log", "put object failed: OSD_FULL", "error")
           for t in every(at(10, 2), at(10, 47), timedelta(seconds=20))]  # fmt: skip
    ev += [audit(at(10, 20), "osd df", "dispatch"), audit(at(10, 20, 1), "osd df", "finished")]
    ev += [audit(at(10, 46), "osd set-full-ratio", "dispatch"),
           audit(at(10, 46, 1), "osd set-full-ratio", "finished")]  # fmt: skip
    ev += [line(at(10, 30), "origin.log", "[live_ingest:notice] tribuna-main.isml: publishing "
                "point restart requested via REST API by felix.braun")]  # fmt: skip
    rows = reconstruct(sorted(ev, key=lambda e: e.time), CollectWindow(at(9, 30), at(11, 30)))
    said = {r.time: r for r in rows if " by " in r.text and r.kind != "first_symptom"}
    # rows of their own, for the person to judge (nothing here ties them to the failure by name)
    assert said[at(10, 46, 1)].text.startswith("osd set-full-ratio run by client.admin")
    assert said[at(10, 30)].text.startswith("publishing point restart requested by felix.braun")
    assert {r.kind for r in said.values()} <= {"change", "mitigation"}
    assert not [r for r in rows if "osd df" in r.text]


def test_the_time_a_change_takes_effect_is_read_from_further_down_the_mail(tmp_path):
    """A partner's change notification says when it takes effect in a block below its
    introduction (`Effective: 1 March 2026, 10:30 CET`), days after it was sent."""
    body = (
        "As part of our platform upgrade we are improving the daily stock feed.\n"
        "This notification is sent to all integration partners.\n"
        "Please forward it to your technical contact.\n"
        'A new column "warehouse_code" will be added after column 3 of stock_YYYYMMDD.csv.\n'
        "Effective: 1 March 2026, 10:30 AM CET (first file of that day)."
    )
    mails = [_mail("ACME EDI Team <edi@acme.example>", "Thu, 26 Feb 2026 15:10:00 +0100",
                   "Change notification: stock feed file format", body)]  # fmt: skip
    rows = _of(_rows(tmp_path, mails), "ACME EDI Team")
    assert [(r.kind, r.time) for r in rows] == [("change", at(9, 30))]


def test_tickets_say_what_support_escalated_and_what_the_customer_reverted(tmp_path):
    """Zendesk's or Jira's ticket export (a CSV with the time each ticket was opened): a
    support agent's urgent ticket escalating what customers go through is what the engineers
    were told; a customer's ticket saying their IT rolled back their proxy policy is their
    mitigation; a routine ticket is read, not an event."""
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs
    from pm_tui.timeline.detect_events import document_signals

    path = tmp_path / "tickets.csv"
    path.write_text(
        "Issue key,Summary,Priority,Status,Created\n"
        "SUP-101,Change the invoice address for Northwind,Low,Done,01/Mar/26 10:05 AM\n"
        "SUP-102,URGENT: customers cannot keep a live session since 10:00,Highest,Done,01/Mar/26 10:09 AM\n"
        "SUP-103,Northwind IT rolled back their proxy policy at 10:44; sessions stay up,Medium,Done,01/Mar/26 10:51 AM\n"
    )  # fmt: skip
    rows = collect_logs(path, CollectWindow(at(9, 30), at(12, 0))).evidence
    said = [(s.family, s.time) for s in document_signals(rows)]
    assert said == [("communication", at(10, 9)), ("mitigation", at(10, 44))]
