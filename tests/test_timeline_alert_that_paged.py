"""The alert that raised the page is the page's row, not a second high row (#20).

retired11 voltly-rating-cron-pileup and heldout13 snapsell-gpu-cuda-compat (spent, tuning
material): ChargeStartFailureRatio fires at 09:41:20 and PagerDuty pages #7731
"ChargeStartFailureRatio ..." one second later. `--accept-high` took both, the alert as a row of
its own no responder wrote down (a false high of each incident). An alert that a page naming it
follows within two minutes is the same detection: the page is the high row, the alert's firing
is detail; the detection (an earlier warning) and the page keep their rows."""

from __future__ import annotations

from pm_tui.timeline.accept import HIGH_CONFIDENCE
from tests.test_timeline_story import MINUTE, ROOT, _collected, _near, _utc, _window


def test_the_alert_that_paged_a_second_later_is_detail_of_its_page(tmp_path, capsys):
    folder = ROOT / "tests" / "incidents" / "retired11" / "voltly-rating-cron-pileup"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    fired = [r for r in _near(rows, "2026-10-31T09:41:20Z", "alert_fired")
             if "ChargeStartFailureRatio" in r["text"]]  # fmt: skip
    assert fired and all(r["confidence"] < HIGH_CONFIDENCE for r in fired)
    paged = _near(rows, "2026-10-31T09:41:21Z", "paged")
    assert any(r["confidence"] >= HIGH_CONFIDENCE for r in paged)
    # the warning eight minutes before is still the detection
    detected = _window(argv, pm, capsys)["detected"]
    assert abs(_utc(detected["time"]) - _utc(truth["milestones"]["detected"])) <= MINUTE
