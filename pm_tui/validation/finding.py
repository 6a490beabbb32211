"""A validation finding: which rule, how bad, what is wrong, where, and what to do."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# Which wizard step shows findings about each section of the post-mortem.
SECTION_STEP = {
    "sources": 1,
    "timeline": 2,
    "window": 2,
    "analysis": 3,
    "root_cause": 3,
    "recurrence": 3,
    "actions": 4,
    "summary": 5,
    "impact": 5,
    "retrospective": 5,
    "distribution": 5,
    "follow_up_review": 6,
    "status": 5,
    "title": 5,
}


@dataclass
class Finding:
    """One problem found in a post-mortem.

    `section`, `row` (a row id such as T-003 or AI-002), `field` and `span` (character
    offsets in that field's text) say where it is; `line`/`column` point into the TOML
    file when the post-mortem was read from one.
    """

    rule: str
    severity: str
    message: str
    suggestion: str = ""
    section: str = ""
    row: str = ""
    field: str = ""
    span: tuple[int, int] | None = None
    line: int = 0
    column: int = 0
    acknowledged: str = ""  # the reason, when a person acknowledged this finding

    @property
    def step(self) -> int:
        """The wizard step (1-6) whose findings panel shows this finding."""
        return SECTION_STEP.get(self.section, 5)

    @property
    def location(self) -> str:
        """A stable location string used by acknowledgements: section[/row][/field]."""
        field = "" if self.field == self.section else self.field
        return "/".join(p for p in (self.section, self.row, field) if p)

    def as_dict(self) -> dict:
        """JSON-ready form (documented in docs/validation-rules.md)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "section": self.section,
            "row": self.row,
            "field": self.field,
            "span": list(self.span) if self.span else None,
            "line": self.line,
            "column": self.column,
            "location": self.location,
            "step": self.step,
            "acknowledged": self.acknowledged or None,
        }
