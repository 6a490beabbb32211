"""Prometheus ALERTS history with the rule group's real evaluation interval (#18): an alert
that flaps at a 5 s evaluation interval, against a real Prometheus (tests/rig) of its own."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.http import HttpOptions
from pm_tui.collectors.prometheus import PrometheusOptions, collect_prometheus
from tests.rig.rig import Rig, RigError

START = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
FLAPS = 6  # the queue goes over its limit for 20 s once a minute, six times


def _metrics() -> str:
    rows = ["# TYPE checkout_queue_depth gauge"]
    for s in range(0, 15 * 60 + 1, 5):
        t = START + timedelta(seconds=s)
        minute, second = divmod(s, 60)
        over = 3 <= minute < 3 + FLAPS and second < 20
        rows.append(
            f'checkout_queue_depth{{job="checkout"}} {900 if over else 10} {t.timestamp():.0f}'
        )
    return "\n".join(rows) + "\n# EOF\n"


RULES = """groups:
  - name: checkout-fast
    interval: 5s
    rules:
      - alert: CheckoutQueueFull
        expr: checkout_queue_depth{job="checkout"} > 500
        labels: {severity: page}
        annotations: {summary: "checkout queue above 500"}
"""


@pytest.fixture(scope="module")
def flappy_rig():
    workdir = Path(tempfile.mkdtemp(prefix="pm-tui-flappy-"))
    (workdir / "in").mkdir()
    metrics, rules = workdir / "in" / "metrics.om", workdir / "in" / "rules.yml"
    metrics.write_text(_metrics())
    rules.write_text(RULES)
    rig = Rig(workdir / "rig", metrics=metrics, rules=rules, seed=None)
    try:
        env = rig.start()
    except RigError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.fail(f"the test rig did not start (bash dev.sh test installs its servers): {exc}")
    try:
        yield env
    finally:
        rig.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def test_every_flap_at_a_5s_evaluation_interval_is_its_own_run(flappy_rig):
    window = CollectWindow(START + timedelta(minutes=2), START + timedelta(minutes=14),
                           baseline=timedelta(0))  # fmt: skip
    options = PrometheusOptions(
        http=HttpOptions(base_url=flappy_rig["PROM_URL"]), presets=(), eval_interval=60.0
    )
    result = collect_prometheus(options, window)
    alerts = [e for e in result.evidence if e.kind == "alert"]
    fired = sorted(e.time for e in alerts if e.attrs["state"] == "firing")
    resolved = sorted(e.time for e in alerts if e.attrs["state"] == "resolved")
    # the configured 60 s would have merged the six flaps into one run; the rule group's 5 s
    # (read from /api/v1/rules) keeps each: fired at minute 3..8, resolved 20 s later
    assert [t - START for t in fired] == [timedelta(minutes=3 + i) for i in range(FLAPS)]
    assert [t - START for t in resolved] == [
        timedelta(minutes=3 + i, seconds=20) for i in range(FLAPS)
    ]
    assert {e.attrs["eval_interval"] for e in alerts if e.attrs["state"] == "firing"} == {5.0}
