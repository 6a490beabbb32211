"""#20: detected is the first alert about THIS incident, which may be a warning before the page.
Spent tuning material: a DBA's PostgresDeadTuplesHigh warning on the jobs table fires at 07:13:30,
24 minutes before the webhook-lag page, and is still firing when the page comes (retired7); an
FX feed's FxRateDayChangeLarge warning fires five minutes after the EURSEK rate went wrong and
is dismissed, the order-volume page coming 42 minutes later (retired14). `pm-tui timeline
--window` now proposes the warning as `detected` and says why. An alert that fired after the
start and resolved before the page (a match-centre latency blip during a push incident) is an
episode of its own: the page's alert stays the detection."""

from __future__ import annotations

from datetime import timedelta

from tests.test_timeline_story import ROOT, _collected, _utc, _window

INCIDENTS = ROOT / "tests" / "incidents"


def _detected(tmp_path, capsys, folder):
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    got = _window(argv, pm, capsys)
    return _utc(got["detected"]["time"]), got["detected"]["why"]


def test_the_warning_still_firing_at_the_page_detected_it(tmp_path, capsys):
    when, why = _detected(tmp_path, capsys, INCIDENTS / "retired7" / "webhooks-queue-xmin")
    assert abs(when - _utc("2026-10-05T07:13:30Z")) <= timedelta(seconds=30)
    assert "PostgresDeadTuplesHigh" in why
    assert "still firing when WebhookDeliveryLagHigh came" in why


def test_the_dismissed_warning_before_the_page_detected_it(tmp_path, capsys):
    when, why = _detected(tmp_path, capsys, INCIDENTS / "retired14" / "nordhem-fx-sek-decimal")
    assert abs(when - _utc("2026-06-01T07:05:30Z")) <= timedelta(seconds=30)
    assert "FxRateDayChangeLarge" in why


def test_an_alert_resolved_before_the_page_did_not_detect_it(tmp_path, capsys):
    when, why = _detected(tmp_path, capsys, INCIDENTS / "retired14" / "kickly-push-dupes")
    assert abs(when - _utc("2026-11-21T15:10:15Z")) <= timedelta(seconds=30)
    assert "MatchCentreLatencyHigh" not in why
