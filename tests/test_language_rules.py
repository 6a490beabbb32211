"""Focused behaviour of the language checks: spans, masking, rule ids, positions."""

from __future__ import annotations

import pytest

from pm_tui.language import check_action, check_prose, ends_at_person
from pm_tui.language.document import lint_document
from pm_tui.language.text import mask_prose, split_sentences


def _rules(text: str) -> set[str]:
    return {f.rule for f in check_prose(text)}


def test_finding_span_covers_the_flagged_sentence_only():
    text = "The deploy started at 10:00. Then Bob forgot to drain the node. Pods restarted."
    (finding,) = check_prose(text)
    assert finding.rule == "blame/person-fault"
    assert text[finding.start : finding.end] == "Then Bob forgot to drain the node."
    assert finding.severity == "error"
    assert "safeguard" in finding.suggestion


def test_judgemental_and_human_error_spans_point_at_the_word():
    text = "Recovery was slow. The root cause was human error by a careless admin."
    spans = {f.rule: text[f.start : f.end] for f in check_prose(text)}
    assert spans["blame/human-error"] == "human error"
    assert spans["blame/judgemental"] == "careless"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("If Bob had just read the runbook, we would have been fine.", "blame/counterfactual"),
        ("The DBA should have known the table was shared.", "blame/counterfactual"),
        ("The outage was caused by the intern.", "blame/person-fault"),
        ("It was PEBKAC.", "blame/human-error"),
        ("The admin fat-fingered the netmask.", "blame/human-error"),
        ("@sam ignored the page.", "blame/person-fault"),
        ("Ravi's mistake took checkout down.", "blame/person-fault"),
        ("The ops team was sloppy.", "blame/judgemental"),
    ],
)
def test_each_blame_family_has_its_rule_id(text, rule):
    assert rule in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The engineer ran `rm -rf /data` because the script forgot to check the variable.",
        "See https://example.com/blame/john-forgot-the-cert for details.",
        'The log said "ERROR: operator failed to reconcile at 10:02".',
        "> 2024-03-01T10:02:03Z ERROR the user forgot to set a password\nWe paged the on-call.",
        "```\nBob forgot to renew the cert\n```",
        "The worker died with a segmentation fault.",
        "We use git blame and fault injection; the cost was negligible.",
        "The Kubernetes operator failed to promote the replica.",
        "This was not human error; the console had no confirmation.",
        "No one person was at fault.",
    ],
)
def test_code_urls_logs_technical_senses_and_rejections_are_not_flagged(text):
    assert check_prose(text) == []


def test_masking_keeps_offsets_and_newlines():
    text = "Run `kubectl drain` now.\nSee https://x.example/a."
    masked = mask_prose(text)
    assert len(masked) == len(text)
    assert masked.index("\n") == text.index("\n")
    assert "kubectl" not in masked and "x.example" not in masked
    assert masked.startswith("Run ") and masked.endswith(".")


def test_sentence_split_keeps_abbreviations_decimals_and_wrapped_lines():
    text = "Latency rose to 3.5 s, e.g. on checkout. The team\nrolled back at 10:05.\n\n- Next item"
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == [
        "Latency rose to 3.5 s, e.g. on checkout.",
        "The team\nrolled back at 10:05.",
        "- Next item",
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Improve monitoring", "vague-action/monitoring"),
        ("Be more careful when deploying.", "vague-action/be-careful"),
        ("Look into it", "vague-action/look-into"),
        ("Increase test coverage", "vague-action/test-coverage"),
        ("Better communication", "vague-action/communication"),
        ("Document things", "vague-action/documentation"),
        ("Review process", "vague-action/review-process"),
        ("Fix the bug", "vague-action/fix-bug"),
        ("TBD", "vague-action/placeholder"),
    ],
)
def test_vague_actions_get_their_rule(text, rule):
    (finding,) = check_action(text)
    assert finding.rule == rule and finding.severity == "warning"
    assert finding.suggestion


def test_specific_action_is_not_flagged_and_blameful_action_is():
    specific = (
        "Add a p99 latency alert on checkout-api above 800 ms for 5m, paging the payments on-call"
    )
    assert check_action(specific) == []
    rules = {f.rule for f in check_action("Tell Bob to be more careful")}
    assert "blame/person-fault" in rules and "vague-action/be-careful" in rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Because the engineer made a mistake.", True),
        ("Human error.", True),
        ("Bob forgot to renew the certificate.", True),
        ("Because the on-call engineer did not know the cache was shared.", True),
        ("Because the deploy tool had no confirmation step for production.", False),
        ("The certificate renewal was a manual yearly task with no reminder.", False),
        ("This was not human error: the runbook was out of date.", False),
    ],
)
def test_ends_at_person(text, expected):
    assert ends_at_person(text) is expected


def test_lint_document_positions_are_line_and_column_in_the_document():
    doc = (
        "---\ntitle: Bob forgot\n---\n"  # front matter: skipped
        "# Summary\n\n"
        "Checkout failed. Then Bob forgot to drain the node.\n"
        "<!-- Alice was careless -->\n"
        "    indented code: Carol broke it\n"
        "| 10:12 | The intern deleted the bucket by accident |\n"
        "See [the log](https://example.com/the-dba-was-careless).\n"
    )
    found = lint_document(doc)
    assert [(f.line, f.column, f.rule) for f in found] == [
        (6, 18, "blame/person-fault"),
        (9, 11, "blame/person-fault"),
    ]
    assert found[0].excerpt == "Then Bob forgot to drain the node."


def test_lint_document_actions_mode_strips_bullets_and_skips_code_and_headings():
    doc = (
        "## Action items\n"
        "- [ ] Improve monitoring\n"
        "* Add an alert when free disk on db-primary drops below 15% for 10 minutes\n"
        "\n"
        "```\nlook into it\n```\n"
        "3. Be more careful\n"
    )
    found = lint_document(doc, as_="actions")
    assert [(f.line, f.column, f.rule) for f in found] == [
        (2, 7, "vague-action/monitoring"),
        (8, 4, "vague-action/be-careful"),
    ]


def test_lint_document_rejects_unknown_mode():
    with pytest.raises(ValueError):
        lint_document("x", as_="poetry")
