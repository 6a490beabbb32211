"""The clause-level blame rule: a person tied to a bad outcome in words no pattern lists.

Each sentence below is one no surface pattern of blame.py catches (the rule is what finds
it); each finding names the agent, the act and the outcome it saw, and the look-alikes that
report a person's response or a system's fault stay quiet.
"""

from __future__ import annotations

import json

import pytest

from pm_tui.language import check_prose
from pm_tui.toml_write import render_postmortem
from tests.conftest import SAMPLE_ID, run_cli

BLAMEFUL = [
    # (sentence, agent, what ties them to the outcome)
    ("Oyelaran's rushed edit to the proxy rules is what took checkout offline.", "Oyelaran", "took checkout offline"),
    ("In the end the real problem was Ragnhild, not the restore tooling.", "Ragnhild", "problem was"),
    ("Contributing factor: @dvolkov's untested cron change.", "@dvolkov", "factor:"),
    ("The night shift supervisor made a poor call to keep the flapping node in the pool.", "supervisor", "poor"),
    ("Our teammate Thandiwe was too slow to respond, and the backlog grew for an hour.", "teammate Thandiwe", "too slow"),
]  # fmt: skip

LOOK_ALIKES = [
    "Oyelaran reverted the proxy rules at 14:32 and checkout recovered within a minute.",
    "In the end the real problem was the restore tooling, which Ragnhild had flagged in May.",
    "Contributing factor: the cron change had no staging environment to run in.",
    "The night shift supervisor kept the node in the pool because the dashboard showed it healthy.",
    "Thandiwe responded within the paging target; the slow part was the restore itself.",
    "The on-call engineer's laptop lost its VPN connection during the incident.",
    "MS Migration tool did not detect any of these issues.",
]


@pytest.mark.parametrize("sentence, agent, tie", BLAMEFUL)
def test_a_person_tied_to_a_bad_outcome_is_flagged_and_explained(sentence, agent, tie):
    found = [f for f in check_prose(sentence) if f.rule == "blame/person-fault"]
    assert found, sentence
    assert f'agent "{agent}"' in found[0].message and tie in found[0].message
    assert "safeguard" in found[0].suggestion  # the rewrite names the system condition


@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_responses_and_system_faults_stay_quiet(sentence):
    assert [f.rule for f in check_prose(sentence)] == []


def test_validate_prints_the_paraphrased_blame_with_its_reading(tmp_path, sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    pm.analysis.immediate_causes = [BLAMEFUL[0][0]]
    path = tmp_path / f"{SAMPLE_ID}.toml"
    path.write_text(render_postmortem(pm))
    out = run_cli("validate", str(path))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    at = next(i for i, ln in enumerate(lines) if "blame/person-fault" in ln)
    assert " blame/person-fault immediate cause 1: " in lines[at]
    assert 'agent "Oyelaran"' in lines[at] and "took checkout offline" in lines[at]
    assert lines[at + 1].startswith("    → Describe what allowed this")
    data = json.loads(run_cli("validate", str(path), "--format", "json").stdout)
    assert any(
        f["rule"] == "blame/person-fault" and f["field"] == "immediate_causes[0]"
        for f in data[0]["findings"]
    )
