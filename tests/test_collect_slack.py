"""Slack collector over a standard export folder written to a tmp dir."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectorError, CollectWindow
from pm_tui.collectors.slack import collect_slack


def at(hhmm: str, day: str = "2025-02-09") -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}:00+00:00")


def ts(hhmm: str, day: str = "2025-02-09") -> str:
    return f"{at(hhmm, day).timestamp():.6f}"


WINDOW = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))


@pytest.fixture()
def export(tmp_path):
    (tmp_path / "channels.json").write_text(
        json.dumps([{"id": "C01", "name": "inc-api-errors"}, {"id": "C02", "name": "random"}])
    )
    users = [
        {
            "id": "U1",
            "name": "dana",
            "real_name": "Dana Ortiz",
            "profile": {"real_name": "Dana Ortiz"},
        },
        {"id": "U2", "name": "sam", "profile": {"display_name": "sam.l"}},
    ]
    (tmp_path / "users.json").write_text(json.dumps(users))
    chan = tmp_path / "inc-api-errors"
    chan.mkdir()
    (chan / "2025-02-09.json").write_text(
        json.dumps(
            [
                {"type": "message", "user": "U1", "text": "before baseline", "ts": ts("08:30")},
                {"type": "message", "subtype": "channel_join", "user": "U2", "text": "joined", "ts": ts("10:01")},
                {"type": "message", "user": "U1", "text": "5xx spike on api, <@U2> can you look?", "ts": ts("10:14")},
                {"type": "message", "user": "U2", "text": "rolling back, see <https://ci.example/42|deploy 42>", "ts": ts("10:29"), "thread_ts": ts("10:14")},
                {"type": "message", "user": "U1", "text": "after the window", "ts": ts("11:30")},
            ]
        )
    )  # fmt: skip
    (chan / "2025-01-01.json").write_text("not even json")  # far away: never opened
    return tmp_path


def test_messages_in_window_with_names(export):
    result = collect_slack(export, WINDOW, channel="#inc-api-errors")
    got = [(e.time, e.attrs["actor"], e.text) for e in result.evidence]
    assert got == [
        (at("10:14"), "Dana Ortiz", "5xx spike on api, @sam.l can you look?"),
        (at("10:29"), "sam.l", "rolling back, see deploy 42 (https://ci.example/42)"),
    ]
    assert result.evidence[1].attrs["thread_ts"] == ts("10:14")
    assert result.counts["day_files"] == 1 and not result.gaps


def test_channel_by_id_and_missing_channel(export):
    assert len(collect_slack(export, WINDOW, channel="C01").evidence) == 2
    # no channel named: every channel is read, the incident channel picked (#18)
    every = collect_slack(export, WINDOW)
    assert every.query == "#inc-api-errors" and len(every.evidence) == 2
    assert all(e.attrs["incident_channel"] for e in every.evidence)
    with pytest.raises(CollectorError, match="no channel 'ops'"):
        collect_slack(export, WINDOW, channel="ops")


def test_quiet_channel_is_a_gap(export):
    (export / "random").mkdir()
    result = collect_slack(export, WINDOW, channel="random")
    assert result.evidence == [] and "no messages in #random" in result.gaps[0].reason


def test_not_an_export(tmp_path):
    with pytest.raises(CollectorError, match="no channels.json: is this a Slack export folder"):
        collect_slack(tmp_path, WINDOW, channel="x")


def test_secrets_in_messages_are_redacted_and_counted(export):
    token = "xoxb-" + "1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
    day = export / "inc-api-errors" / "2025-02-09.json"
    messages = json.loads(day.read_text())
    messages.append(
        {"type": "message", "user": "U1", "text": f"bot token is {token}", "ts": ts("10:40")}
    )
    day.write_text(json.dumps(messages))
    result = collect_slack(export, WINDOW, channel="inc-api-errors")
    assert token not in result.evidence[-1].text and result.redactions >= 1
