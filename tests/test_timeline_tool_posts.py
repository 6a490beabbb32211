"""A tool's post in chat saying what it now does or who stopped it (#20).

retired12 passcode-sms-filtering (spent, tuning material): the marketing tool's bot posts
"Campaign *Summer Cashback SMS* is now sending to 612,400 users" at 15:00 (the change that set
the carriers filtering), and "... was stopped by hannah.k" at 15:52, six minutes after Hannah
Kim wrote in the incident's channel "oh no. the subscription group change on Tuesday. stopping
the campaign now". Neither made a row in `pm-tui timeline`; now the first is a change and the
second her mitigation (the login hannah.k is Hannah Kim's; her announcement is in the third
sentence of her message)."""

from __future__ import annotations

from datetime import UTC, datetime

from pm_tui.collectors.evidence import Evidence
from tests.test_timeline_story import ROOT, _collected, _near

AT = datetime(2026, 6, 18, 15, 0, tzinfo=UTC)


def _bot(text: str) -> list[tuple[str, str, str]]:
    from pm_tui.timeline.detect_bots import bot_signals

    attrs = {"bot": True, "actor": "braze", "channel": "marketing-launches"}
    return [
        (s.family, s.text, s.actor)
        for s in bot_signals([Evidence(AT, "slack:x", "message", text, attrs)])
    ]


def test_a_tool_saying_what_it_now_does_or_who_stopped_it_is_a_change():
    started = _bot("Campaign *Summer Cashback SMS* is now sending to 612,400 users")
    assert [(f, a) for f, _, a in started] == [("change", "")]
    assert started[0][1].startswith("Change Summer Cashback SMS:")
    stopped = _bot("Campaign *Summer Cashback SMS* was stopped by hannah.k (318,212 sent)")
    assert [(f, a) for f, _, a in stopped] == [("change", "hannah.k")]


def test_an_action_announced_in_a_later_sentence_is_announced():
    from pm_tui.timeline.detect_events import announces

    assert announces("oh no. the subscription group change on Tuesday. stopping the campaign now")
    assert not announces("oh no. is anyone stopping the campaign?")


def test_the_campaign_started_is_the_change_and_its_stop_the_mitigation(tmp_path, capsys):
    folder = ROOT / "tests" / "incidents" / "retired12" / "passcode-sms-filtering"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    start = _near(rows, "2026-06-18T15:00:00Z", "change")
    assert any("Summer Cashback SMS" in r["text"] for r in start)
    stop = _near(rows, "2026-06-18T15:52:10Z", "mitigation")
    assert any("stopped by hannah.k" in r["text"] for r in stop)
