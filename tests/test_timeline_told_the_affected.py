"""What the people an incident affects were told, said outside a status page (#20).

heldout13 and retired12 (spent, tuning material) missed five communications because they were
written to the affected, not the responders: a broadcast to the stores' channel ("@channel Card
payments are failing at some East and Central stores ... ask for cash"), support reporting that
it told a customer by name ("told Northwind we've engaged engineering"), an apology to a
partner in a shared channel ("Sorry for the trouble"). Each is a communication row a user sees
in `pm-tui timeline`, not a diagnosis; the same broadcast in the incident's own channel is the
responders' business."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pm_tui.collectors.evidence import Evidence

AT = datetime(2026, 11, 17, 12, 48, tzinfo=UTC)


def _families(said: str, channel: str) -> list[str]:
    from pm_tui.timeline.detect_events import chat_signals

    attrs = {"user": "U1", "actor": "Lena Brooks", "channel": channel, "context": True}
    return [s.family for s in chat_signals([Evidence(AT, "slack:x", "message", said, attrs)])]


@pytest.mark.parametrize(
    ("said", "channel"),
    [
        ("@channel Card payments are failing at some East and Central stores (terminal shows "
         "COMMS ERR 91). Ask for cash or another tender above the floor limit. We are working on "
         "it and will update within 30 minutes.", "store-announcements"),
        ("@here Handheld scanners are dropping off Wi-Fi in many stores. Please pick on paper "
         "for now.", "store-ops"),
        ("<!channel> Online stock for your store is overstated today, please call customers "
         "before their slot.", "store-managers-west"),
        ("told Northwind we've engaged engineering and will update them every 30 min",
         "support-escalations"),
        ("Karen, the issue on our side is fixed and all POs since 1am CT have been "
         "acknowledged. Sorry for the trouble", "ext-halvorsen-edi"),
    ],
)  # fmt: skip
def test_a_message_to_the_affected_is_a_communication(said, channel):
    assert _families(said, channel) == ["communication"]


def test_a_broadcast_in_the_incidents_own_channel_is_no_notice_to_the_affected():
    said = "@here the 5xx are back on checkout-api since 12:40, rolled back checkout-api"
    assert "communication" not in _families(said, "inc-3318-store-payments")


def test_telling_a_colleague_in_lower_case_words_is_no_notice():
    assert "communication" not in _families("told you the disk was filling up", "ops")


@pytest.mark.parametrize(
    ("said", "channel", "family"),
    [
        # the affected telling the company, in a channel of theirs (train14 hearth, retired11
        # kestrel): what they were told is what they report
        ("Lots of chats coming in: guests can't confirm bookings, they get 'Something went "
         "wrong' on the last step. Is someone on it?", "support-live", "communication"),
        ("MEM2: no labels printing since about midnight, every pack station gets 'label "
         "failed'", "wh-ops-support", "communication"),
        # the same words among the responders are their own finding, not a notice
        ("customers can't log in since 03:12, 5xx on auth-api", "inc-4411-login", "diagnosis"),
    ],
)  # fmt: skip
def test_the_affected_reporting_in_their_channel_is_a_communication(said, channel, family):
    assert _families(said, channel)[:1] == [family]
