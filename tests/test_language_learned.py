"""The weighed blame reading (pm_tui/language/learned.py): what it adds to the rules."""

from __future__ import annotations

from pm_tui.language import check_prose
from pm_tui.language.learned import WEIGHED


def test_a_blaming_sentence_no_rule_names_is_flagged_with_its_reading():
    text = "Colm knackered the auth service with a rubbish config change on Tuesday."
    assert not check_prose(text, weighed=False)  # no hand rule knows these words
    found = [f for f in check_prose(text) if f.rule == WEIGHED]
    assert len(found) == 1
    assert "Colm" in found[0].message  # the reading names who and the words it weighed
    assert "system condition" in found[0].suggestion
    assert (found[0].start, found[0].end) == (0, len(text))


def test_response_steps_and_system_causes_stay_quiet():
    for text in (
        "Huang Li paged the database on-call after the replica lag alert fired again.",
        "The deploy pipeline pushed the broken config because the validation step was skipped.",
        "Akosua kept the support team informed every thirty minutes throughout the outage.",
    ):
        assert not check_prose(text), text
