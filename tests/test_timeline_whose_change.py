"""Whose change it was (#20): a change during the impact is a responder's mitigation only when
someone could have been fixing this incident. A change made while nobody knew of the failure
(no related alert, no page, nobody writing in the incident's channels) is a change of the chain;
a bot switching off a holiday banner's flag is no fix because "disabled" is in its words; a
deploy another team announced in its own channel is that team's work. A responder's action said
while the page is open is still a mitigation; a cause said as what is missing, a limit passed or
what a thing no longer does is a diagnosis. Driven by the misses of
the spent sets (retired7, retired11, heldout12 retired as retired12): real evidence folders, a
real repository, the CLI (the helpers of tests/test_timeline_story.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pm_tui.timeline.accept import HIGH_CONFIDENCE
from tests.test_timeline_story import ROOT, _collected, _near

INCIDENTS = ROOT / "tests" / "incidents"
# heldout12 is retired into tuning as retired12 at the eleventh stop
SET12 = next(
    (INCIDENTS / name for name in ("retired12", "heldout12") if (INCIDENTS / name).is_dir()),
    INCIDENTS / "retired12",
)


def test_a_scale_up_made_before_anyone_knew_is_a_change_not_a_mitigation(tmp_path, capsys):
    """The region evacuation's pipeline scales push-sender-euc1 up in euw1 at 13:06:31, 24 s
    before it replays stale notifications; the page comes ten minutes later. The scale-up is
    the change that set it off (shown as a change), never a mitigation at high confidence; the
    responder's scale-down at 13:33:15 is the mitigation."""
    repo, pm, truth, argv, rows = _collected(tmp_path, SET12 / "pingo-push-evac", capsys)
    up = [r for r in rows if r["text"].startswith("Rollout of Deployment/push-sender-euc1")]
    first = min(up, key=lambda r: r["time"])
    assert first["time"].startswith("2026-06-23T13:06:31")
    assert first["kind"] == "change" and first["confidence"] < HIGH_CONFIDENCE
    down = _near(rows, "2026-06-23T13:33:15Z", "mitigation")
    assert any("push-sender-euc1" in r["text"] for r in down)


def test_another_teams_deploy_before_the_incident_was_noticed_is_no_mitigation(tmp_path, capsys):
    """An access key swept inactive at 07:00 breaks the EDI uploads unnoticed until the page at
    09:24; order-intake's deploy at 08:04 (a name the failing records share) was no one's fix."""
    repo, pm, truth, argv, rows = _collected(tmp_path, SET12 / "edi-iam-key-sweep", capsys)
    deploy = [r for r in rows if "order-intake" in r["text"] and "3.14.2" in r["text"]]
    assert deploy and all(
        r["kind"] == "change" and r["confidence"] < HIGH_CONFIDENCE for r in deploy
    )
    # the key reactivated by secops after a responder announced it stays the fix
    assert any(
        r["confidence"] >= HIGH_CONFIDENCE
        for r in _near(rows, "2026-02-16T10:12:26Z", "mitigation")
    )


def test_a_bot_disabling_an_unrelated_flag_is_no_mitigation(tmp_path, capsys):
    """ops-bot disables the holiday banner's flag while the label printing fails: "disabled"
    names no fix of this incident when its maker never wrote in the incident's channel and the
    flag names nothing that failed; the responder's flag toggle is the mitigation."""
    folder = INCIDENTS / "retired11" / "kestrel-label-weekyear"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    banner = [r for r in rows if "portal-banner-holiday" in r["text"]]
    assert banner and all(
        r["kind"] == "change" and r["confidence"] < HIGH_CONFIDENCE for r in banner
    )
    fix = _near(rows, "2026-12-27T07:12:05Z", "mitigation")
    assert any("omit_ship_date" in r["text"] and r["confidence"] >= HIGH_CONFIDENCE for r in fix)


def test_a_deploy_announced_in_another_teams_channel_is_that_teams_work(tmp_path, capsys):
    """Someone says "deploying orders-svc 4.22.0 (invoice pdf fix)" in #orders-dev, then
    orders-svc's rollout while profile-svc is throttled by the shared KMS quota: the orders
    team's own deploy, not a mitigation; the quota increase applied is."""
    folder = INCIDENTS / "retired7" / "profile-kms-quota"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    rollout = [r for r in rows if r["text"].startswith("Rollout of Deployment/orders-svc:")]
    assert rollout and all(
        r["kind"] == "change" and r["confidence"] < HIGH_CONFIDENCE for r in rollout
    )
    fix = _near(rows, "2026-10-05T09:12:40Z", "mitigation")
    assert any("30000" in r["text"] and r["confidence"] >= HIGH_CONFIDENCE for r in fix)


def test_a_providers_post_that_it_reverted_its_change_stays_the_mitigation(tmp_path, capsys):
    """The SDK vendor's status feed says it reverted the settings change it deployed: the
    provider's word about its own change, the mitigation at high confidence, though the feed
    never wrote in the incident's channel."""
    folder = INCIDENTS / "retired10" / "rides-ios-vendor-sdk-settings"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    fix = _near(rows, "2026-10-15T19:08:12Z", "mitigation")
    assert any(r["confidence"] >= HIGH_CONFIDENCE for r in fix)


def test_a_responders_action_said_while_the_page_is_open_is_a_mitigation(tmp_path, capsys):
    """The partner's quota resets at 02:00 and confirmations succeed again; at 02:20 a responder
    says "replaying the 1184 CONFIRMATION_FAILED orders at 2/s" while the page is still open
    (resolved 03:05): the rest of the repair, a mitigation for the person to judge, not a
    follow-up change. A job resumed the same way by a record stays a change."""
    folder = INCIDENTS / "retired11" / "stagepass-quota-resync"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    replay = [r for r in rows if "replaying the 1184" in r["text"]]
    assert replay and replay[0]["kind"] == "mitigation"
    assert replay[0]["confidence"] < HIGH_CONFIDENCE
    home = tmp_path / "batch"
    home.mkdir()
    folder = INCIDENTS / "retired2" / "orders-settlement-batch"
    repo, pm, truth, argv, rows = _collected(home, folder, capsys)
    assert any("resumed" in r["text"] for r in _near(rows, "2026-11-30T18:20:05Z", "change"))


@pytest.mark.parametrize(
    ("said", "family"),
    [
        # what is not there, a limit passed, what a thing stopped doing, a conclusion drawn
        ("s_client only returns the leaf. the Sectigo intermediate is missing from the chain", "diagnosis"),
        ("age(relfrozenxid) crossed autovacuum_freeze_max_age (200M) this morning", "diagnosis"),
        ("#812's workflow syncs with --delete and no longer invalidates index.html", "diagnosis"),
        ("sflow: ~110 Gbps of UDP from port 389, so a CLDAP reflection flood on the login VIP", "diagnosis"),
        # an action's report is not a cause: what is gone was removed
        ("rethumb workers are gone, job is suspended", "mitigation"),
    ],
)  # fmt: skip
def test_a_cause_said_as_what_is_missing_or_past_its_limit_is_a_diagnosis(said, family):
    from pm_tui.timeline.detect_events import chat_signals
    from tests.test_timeline_story import _said

    at = datetime(2026, 10, 8, 14, 21, 30, tzinfo=UTC)
    assert [s.family for s in chat_signals([_said(said, at)])] == [family]


def test_commands_run_through_sudo_are_the_operators_actions(reconstructed, capsys):
    """The DBA's sudo records in the database host's syslog (Madrid time): old server logs
    deleted and Postgres started at 08:38, the volume grown with xfs_growfs at 08:53 (UTC) are
    mitigations citing the syslog, for the person to judge; `du -sh` looked, changed nothing."""
    repo, pm, truth, argv, rows = reconstructed(SET12 / "tallo-orders-db-full", capsys)
    for when, said in (("2026-03-12T08:38:20Z", "-delete"), ("2026-03-12T08:53:02Z", "xfs_growfs")):
        fix = [r for r in _near(rows, when, "mitigation") if said in r["text"]]
        assert fix and "syslog" in " ".join(fix[0]["sources"])
    assert not any("du -sh" in r["text"] for r in rows)


def test_the_page_naming_what_filled_before_the_customers_failed_is_the_incidents(
    reconstructed, capsys
):
    """The database's volume pages at 08:02 (#4471 PostgresVolumeFullIn30m orders-db-01), half
    an hour before checkout's 5xx page it again (#4472). #4471 is the incident's page, its
    acknowledgement after the escalation and its resolution are the backbone; #4472's page,
    acknowledgement and resolution are detail, below high."""
    repo, pm, truth, argv, rows = reconstructed(SET12 / "tallo-orders-db-full", capsys)
    high = {
        (r["kind"], r["time"][11:19])
        for r in rows
        if r["kind"] in ("paged", "acknowledged", "resolved") and r["confidence"] >= HIGH_CONFIDENCE
    }
    assert high == {("paged", "08:02:40"), ("acknowledged", "08:19:55"), ("resolved", "09:52:00")}


def test_a_record_naming_no_one_then_reported_by_a_responder_is_their_mitigation(tmp_path, capsys):
    """The edge autoscaling group launches four instances at 14:06 ("a user request ...
    changing the desired capacity from 4 to 8"); 25 s later a responder reports
    "edge-haproxy-use1 desired 4 -> 8 requested" in the incident's channel: the record names no
    one, the report names what it changed, so it is their mitigation at high confidence."""
    folder = INCIDENTS / "retired9" / "whiteboard-wss-maxconn"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    fix = _near(rows, "2026-09-08T14:06:10Z", "mitigation")
    assert any("edge-haproxy-use1" in r["text"] and r["confidence"] >= HIGH_CONFIDENCE for r in fix)
