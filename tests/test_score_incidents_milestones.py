"""bench/score_incidents.py says which milestone a duration's miss comes from: the signed error
of each accepted window milestone, printed by --verbose and given per incident in --json."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

INCIDENT = Path(__file__).parent / "incidents" / "dev" / "pricing-flag"


def test_each_milestone_error_is_given_in_json_and_printed(tmp_path):
    from bench import score_incidents

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert score_incidents.main(["--json", str(INCIDENT)]) == 0
    errors = json.loads(out.getvalue())["per_incident"]["pricing-flag"]["milestone_errors_s"]
    assert list(errors) == ["started", "detected", "acknowledged", "mitigated", "resolved"]
    assert all(e is not None and abs(e) <= 60 for e in errors.values())
    # the durations are the milestones' differences from the start
    [score] = score_incidents.score_set(INCIDENT)
    assert (
        score.errors["mitigate"]
        == score.milestone_errors["mitigated"] - (score.milestone_errors["started"])
    )

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert score_incidents.main(["--verbose", str(INCIDENT)]) == 0
    line = next(x for x in out.getvalue().splitlines() if x.strip().startswith("milestones"))
    assert "started " in line and " s" in line and "resolved " in line
