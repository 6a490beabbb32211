"""Where a finding is, in the words of the wizard's own labels: "AI-002 owner",
"immediate cause 1", "ticket link" — never the file's internal names
(`immediate_causes[0]`, `tracker_url`). Used by the wizard's findings and the gate's dialog."""

from __future__ import annotations

import re

FIELD_LABELS = {
    "text": "what happened",
    "tracker_url": "ticket link",
    "factor": "linked factor",
    "root_cause": "root cause",
    "immediate_causes": "immediate causes",
    "systemic_issues": "systemic issues",
    "factors": "contributing factors",
    "whys": "Five Whys answers",
    "resolved": "resolution time",
    "went_well": "what went well",
    "went_wrong": "what went wrong",
    "lucky": "where we got lucky",
    "lessons": "lessons learned",
    "follow_up_review": "follow-up review",
    "failed_requests": "failed requests",
    "customers_affected": "customers affected",
    "same_cause_as": "same cause as (recurrence)",
    "not_same_cause_as": "not the same cause as (recurrence)",
}
# One item of a list field: "immediate_causes[0]" reads "immediate cause 1".
ITEM_LABELS = {
    "immediate_causes": "immediate cause",
    "systemic_issues": "systemic issue",
    "whys": "why",
    "went_well": "went well",
    "went_wrong": "went wrong",
    "lucky": "lucky",
    "lessons": "lesson",
}
_ITEM = re.compile(r"^(\w+)\[(\d+)\]$")


def field_label(field: str) -> str:
    """A field's name as the wizard labels it."""
    m = _ITEM.match(field)
    if m:
        name, index = m.group(1), int(m.group(2))
        return f"{ITEM_LABELS.get(name, FIELD_LABELS.get(name, name))} {index + 1}"
    return FIELD_LABELS.get(field, field.replace("_", " "))


def finding_place(finding) -> str:
    """`T-003 what happened`, `immediate cause 1`, `Five Whys 2 why 3`: where it is."""
    row = finding.row
    if finding.section == "analysis" and row.isdigit():
        row = f"Five Whys {row}"
    field = "" if finding.field == finding.section else finding.field
    return " ".join(p for p in (row, field_label(field) if field else "") if p)


def plural(n: int, word: str) -> str:
    """`1 error`, `3 errors`."""
    return f"{n} {word}{'s' * (n != 1)}"
