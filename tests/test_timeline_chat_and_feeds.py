"""#20: what people and feeds say in chat, read by class: a cause stated as "got it: ..." or
beside a question, a command reported run, a provider's maintenance starting, a dependency's
status feed saying it reverted its side; and what a responder clears is no trigger, nor is a
change that shares only a namespace with the failure. Then the power under a site failing, from
a small evidence folder collected and rebuilt through the CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import Evidence
from pm_tui.timeline import load_candidates
from pm_tui.timeline.candidate import Candidate
from tests.timeline_clock import at, every, z
from tests.timeline_proposal import rebuilt

AT = datetime(2026, 10, 15, 18, 29, 40, tzinfo=UTC)


def _said(text: str, channel: str = "inc-ios-crashes", **attrs) -> Evidence:
    return Evidence(AT, "slack:x", "message", text,
                    {"user": "U1", "actor": "Pablo Navarro", "channel": channel, **attrs})  # fmt: skip


@pytest.mark.parametrize(
    ("said", "family"),
    [
        # "got it" opening a finding is no acknowledgement
        ("got it from the symbolicated reports: every new crash is in AttriblyKit", "diagnosis"),
        ("got it: PKIX path building failed on every connection to b0 and b1", "diagnosis"),
        ("got it, looking", "acknowledged"),
        # a cause stated beside a question; a hunch beside one is neither cause nor action
        ("so that's the cause: segments are longer than the target duration. Tomasz, did the "
         "packager change today?", "diagnosis"),
        ("is it the orders DB again? RDS did a failover last week and it looked like this", None),
        ("should we roll back? rolled back the flag last time", None),
        # a command reported run
        ("ran `kubectl -n kube-system set env ds/aws-node WARM_IP_TARGET=4`, aws-node rolling",
         "mitigation"),
        # a provider's maintenance starting
        ("Maintenance started on lkc-pantrio-prod: rolling restart, 3 brokers, one at a time.",
         "change"),
    ],
)  # fmt: skip
def test_what_responders_say_is_read_by_its_shape(said, family):
    from pm_tui.timeline.detect_events import chat_signals

    assert [s.family for s in chat_signals([_said(said)])] == ([family] if family else [])


@pytest.mark.parametrize(
    ("post", "family"),
    [
        ("*Identified* - A settings change deployed at 17:38 UTC returned a null value. The "
         "change was reverted at 19:05 UTC. Cached settings are being purged.", "mitigation"),
        ("Monitoring - A fix has been implemented and we are monitoring the results.", "mitigation"),
        ("*Investigating* - We are investigating reports of crashes on launch.", None),
        ("*Resolved* - This incident has been resolved; the change was reverted.", None),
    ],
)  # fmt: skip
def test_a_dependencys_status_feed_saying_it_reverted_is_their_mitigation(post, family):
    from pm_tui.timeline.detect_bots import bot_signals

    item = Evidence(AT, "slack:x", "message", post,
                    {"bot": True, "actor": "Attribly Status (RSS)", "channel": "inc-ios-crashes"})  # fmt: skip
    assert [s.family for s in bot_signals([item])] == ([family] if family else [])


def _ctx(terms: set[str], diagnoses: list[str] = ()):
    from pm_tui.timeline.judge import Context

    first = datetime(2026, 7, 1, 4, 47, 20, tzinfo=UTC)
    return Context(first, first + timedelta(minutes=30), set(), set(terms)), [
        Candidate("C-1", "diagnosis", first + timedelta(minutes=15), f"Mikko: “{d}”", tags=["chat"])
        for d in diagnoses
    ]


def test_what_a_responder_clears_is_no_trigger_key():
    from pm_tui.timeline.judge import _named_in_diagnoses

    ctx, said = _ctx({"pricing-engine"}, [
        "harbor is up, reco-api and storefront pulled fine on the new nodes",
        "loyalty-api is unrelated, it only reads",
        "it's the retention run: it deleted pricing-engine:v3.18.2",
    ])  # fmt: skip
    keys = _named_in_diagnoses(said, ctx)
    assert "pricing-engine" in keys
    assert not {"reco-api", "loyalty-api"} & keys


def test_a_change_sharing_only_a_namespace_with_the_failure_is_unrelated():
    from pm_tui.timeline.judge import _related_change

    ctx, _ = _ctx({"shop", "pricing-engine", "storefront"})
    other = Candidate(
        "C-2", "change", at(4, 33), "Change shop/reco-api:v5.2.0: create", tags=["record"]
    )
    ours = Candidate(
        "C-3", "change", at(5, 12), "Change shop/pricing-engine:v3.18.2: create", tags=["record"]
    )
    assert not _related_change(other, ctx)
    assert _related_change(ours, ctx)


def test_a_ups_on_battery_before_the_site_goes_dark_is_the_first_symptom(tmp_path):
    """A colo loses utility power, the generator does not start, the UPSes switch to battery
    and run out eight minutes later: the power log's one line is the first symptom."""
    ev = tmp_path / "incident" / "evidence"
    (ev / "remote").mkdir(parents=True)
    lost, dark = at(13, 41, 7), at(13, 49, 58)
    power = [f"{t:%b %d %H:%M:%S} pdu-b04.nyc2 rPDU: Outlet group 2 load 6.{k % 9}A (threshold 16.0A)"
             for k, t in enumerate(every(at(11, 0), at(15, 0), timedelta(minutes=5)))]  # fmt: skip
    power.append(f"{lost:%b %d %H:%M:%S} ups-nyc2-b UPS: UPS: Switched to battery power. Reason: "
                 "Input voltage out of range (0.0 VAC).")  # fmt: skip
    (ev / "remote" / "nyc2-power.log").write_text("\n".join(sorted(power)) + "\n")
    app = [
        f"{z(t)} INFO sip-edge INVITE answered 200"
        for t in every(at(12, 0), at(15, 0), timedelta(seconds=10))
    ]
    app += [f"{z(t)} ERROR sip-edge INVITE to media set 1 failed 503 no destination"
            for t in every(dark, at(14, 3), timedelta(seconds=4))]  # fmt: skip
    (ev / "sip-edge.log").write_text("\n".join(sorted(app)) + "\n")
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Calls failing", at(13, 0), at(15, 0))
    first = [c for c in load_candidates(repo, pm_id) if c.kind == "first_symptom"]
    assert min(c.time for c in first) == lost
    assert "battery" in min(first, key=lambda c: c.time).text


def test_a_pdu_reading_is_no_precursor():
    from pm_tui.timeline.signals import PRECURSOR_RE

    assert not PRECURSOR_RE.search("pdu-b04 rPDU: Outlet group 2 load 6.8A (threshold 16.0A)")
    assert not PRECURSOR_RE.search("battery test passed, runtime 42 min")
    assert PRECURSOR_RE.search("Generator GEN-1 failed to start after 3 attempts")


def test_a_short_site_name_inside_a_failing_hosts_name_relates_nothing():
    """Another team's deploy "to mel1, syd1" names the site the failing ingress-syd1 lives in,
    not the ingress; a word of five letters or more inside a term still relates (pricing in
    pricing-engine), and a short word equal to a term does (syd1 itself failing)."""
    from pm_tui.timeline.judge import _related_change

    ctx, _ = _ctx({"ingress-syd1", "hall2", "pricing-engine"})
    other = Candidate(
        "C-4", "change", at(3, 44), "Deploy billing-worker: v3.18.2 deployed to mel1, syd1",
        tags=["bot", "deploy"],
    )  # fmt: skip
    assert not _related_change(other, ctx)
    assert ctx.related("pricing") and ctx.related("hall2")
    ctx.terms.add("syd1")
    assert _related_change(other, ctx)
