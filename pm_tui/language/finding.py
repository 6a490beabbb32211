"""The finding type returned by the language checks."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class LanguageFinding:
    """One language problem: a stable rule id, why it was flagged, a rewrite direction, and
    the character span [start, end) of the flagged sentence or phrase in the checked text."""

    rule: str
    severity: str
    message: str
    suggestion: str
    start: int
    end: int
