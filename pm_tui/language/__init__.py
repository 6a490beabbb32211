"""Language checks for blameless post-mortems: blameful wording and vague action items.

Readable rules, and one linear model whose weights are a JSON file a person can read
(learned.py). Every finding says why and how to rewrite.
"""

from __future__ import annotations

from pm_tui.language.finding import LanguageFinding
from pm_tui.language.prose import check_action, check_prose, ends_at_person

__all__ = ["LanguageFinding", "check_action", "check_prose", "ends_at_person"]
